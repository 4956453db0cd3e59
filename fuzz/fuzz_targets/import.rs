//! Arbitrary bytes as a spreadsheet imported into a small valid tree: the first byte chooses
//! how they are read (a workbook through calamine, or CSV) and whether the built-in mapping or
//! the example's mapping applies; then the import is planned (read, mapped, validated) and, where
//! the plan is clean, written into a copy of the tree and checked again. Nothing may panic, and a
//! clean plan must leave a tree that checks clean.

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use huitoukan::import::mapping::Mapping;
use huitoukan::import::{Request, plan};
use huitoukan_fuzz::record_tree::{ITEM, place, put_fixed};
use huitoukan_fuzz::{AS_OF, scratch};
use libfuzzer_sys::fuzz_target;

const MAPPING: &str = include_str!("../../examples/import/映射.toml");

fn root() -> &'static PathBuf {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let root = scratch("import");
        put_fixed(&root);
        place(&root, 0, ITEM.as_bytes());
        root
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&how, bytes)) = data.split_first() else {
        return;
    };
    let file = if how & 1 == 0 {
        "台账.xlsx"
    } else {
        "台账.csv"
    };
    let mapping = (how & 2 != 0).then(|| Mapping::parse(MAPPING).expect("the example's mapping"));
    let root = root();
    let planned = plan(Request {
        root,
        file,
        bytes: bytes.to_vec(),
        mapping,
        as_of: AS_OF,
        update: how & 4 != 0,
        keep_going: how & 8 != 0,
    });
    // Every problem names its place in the sheet or a file of the tree.
    for d in &planned.diagnostics {
        let place = d.at.to_string();
        assert!(place.starts_with(file) || !place.is_empty());
    }
    if planned.errors() > 0 || planned.planned.is_empty() {
        return;
    }
    let copy = scratch("import-copy");
    put_fixed(&copy);
    place(&copy, 0, ITEM.as_bytes());
    huitoukan::cmd::import::apply(&copy, &planned).expect("a clean plan writes");
    let checked = huitoukan::rules::check::check_with(&copy, AS_OF, false);
    assert_eq!(checked.counts().errors, 0, "{:?}", checked.diagnostics);
    let _ = std::fs::remove_dir_all(&copy);
});
