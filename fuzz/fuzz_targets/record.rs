//! Arbitrary bytes as one record of a small valid tree (see `record_tree`). Then `check`, the
//! rollup and every renderer.

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use huitoukan_fuzz::record_tree::{place, put_fixed};
use huitoukan_fuzz::{Choices, exercise, scratch};
use libfuzzer_sys::fuzz_target;

fn root() -> &'static PathBuf {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let root = scratch("record");
        put_fixed(&root);
        root
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, content)) = data.split_first() else {
        return;
    };
    let root = root();
    let bits = place(root, which, content);
    exercise(root, Choices::from_bits(bits), &[]);
});
