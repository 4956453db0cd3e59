//! The fuzz `record` target's seeds, replayed through the binary: the hand-made starting points
//! and every input that once made a target fail (fuzz/seeds/record). Each is put in the target's
//! own tree and run through `check` in every format and `report` in every format; none may
//! crash, and each ends with exit 0 or 1.

use std::path::Path;

use crate::harness::{AS_OF, Tree, output};

#[path = "../../fuzz/src/record_tree.rs"]
mod record_tree;

const CHECK_FORMATS: &[&str] = &["human", "json", "github", "gitlab"];
/// Every report format, as the command line names them: a new one is tried here too. A
/// workbook or a Word document is no text: the formats that are go to standard output, the
/// others to `--output` (`--force` over the last one's) in `dir`.
fn report_formats(dir: &Path) -> impl Iterator<Item = Vec<String>> + '_ {
    huitoukan::cli::ReportFormat::ALL.into_iter().map(move |f| {
        let mut args = vec!["--format".to_owned(), f.name().to_owned()];
        if f.is_binary() {
            let file = dir.join(format!("报告.{}", f.extensions()[0]));
            args.extend(["--force".to_owned(), "--output".to_owned()]);
            args.push(file.display().to_string());
        }
        args
    })
}

#[test]
fn every_record_seed_runs_through_every_format_without_a_crash() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/record");
    let mut seeds: Vec<_> = std::fs::read_dir(&dir)
        .expect("fuzz/seeds/record")
        .map(|e| e.expect("a seed").path())
        .collect();
    seeds.sort();
    assert!(seeds.len() >= 5, "the seeds are in {}", dir.display());
    for seed in seeds {
        let bytes = std::fs::read(&seed).expect("read a seed");
        let Some((&which, content)) = bytes.split_first() else {
            continue;
        };
        let tree = Tree::empty();
        record_tree::put_fixed(tree.path());
        record_tree::place(tree.path(), which, content);
        let reports = Tree::empty();
        let runs: Vec<Vec<String>> = CHECK_FORMATS
            .iter()
            .map(|f| {
                ["check", "--as-of", AS_OF, "--format", f]
                    .map(str::to_owned)
                    .to_vec()
            })
            .chain(report_formats(reports.path()).flat_map(|format| {
                ["--keep-going", "--public"].map(|flag| {
                    let mut args: Vec<String> = ["report", "--as-of", AS_OF, flag]
                        .map(str::to_owned)
                        .to_vec();
                    args.extend(format.iter().cloned());
                    args
                })
            }))
            .collect();
        for args in runs {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = output(tree.command(&args));
            assert!(
                matches!(out.code, 0 | 1) && !out.stderr.contains("panicked"),
                "{} with {args:?}: exit {}\n{}",
                seed.display(),
                out.code,
                out.stderr
            );
        }
    }
}

/// The fuzz `stored` target's seeds (fuzz/seeds/stored), each through `merge` and `report --from`
/// in every format: a report that reads gives exit 0 (the hand-made `valid*` seeds do), one that
/// does not exit 2, never a crash.
#[test]
fn every_stored_seed_is_merged_or_refused_without_a_crash() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/stored");
    let mut seeds: Vec<_> = std::fs::read_dir(&dir)
        .expect("fuzz/seeds/stored")
        .map(|e| e.expect("a seed").path())
        .collect();
    seeds.sort();
    assert!(seeds.len() >= 5, "the seeds are in {}", dir.display());
    let tree = Tree::empty();
    for seed in seeds {
        // The hand-made seeds say what they are: `valid*.json` reads, the others are refused.
        let valid = seed
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("valid"));
        let seed = seed.to_str().expect("a UTF-8 path");
        let reports = Tree::empty();
        let runs: Vec<Vec<String>> = std::iter::once(
            ["merge", seed, "--name", "全国"]
                .map(str::to_owned)
                .to_vec(),
        )
        .chain(report_formats(reports.path()).map(|format| {
            let mut args: Vec<String> = ["report", "--from", seed].map(str::to_owned).to_vec();
            args.extend(format);
            args
        }))
        .collect();
        for args in runs {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = output(tree.command(&args));
            assert!(
                matches!(out.code, 0 | 2)
                    && !out.stderr.contains("panicked")
                    && !(valid && out.code != 0),
                "{args:?}: exit {}\n{}",
                out.code,
                out.stderr
            );
        }
    }
}

/// The fuzz `import` target's seeds (fuzz/seeds/import), replayed through the binary: the
/// first byte says how the rest is read (bit 0: CSV, else a workbook; bit 1: the example's
/// mapping, else the built-in one). None may crash; each ends with exit 0 or 1 and writes
/// nothing with --dry-run.
#[test]
fn every_import_seed_runs_without_a_crash() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/import");
    let mut seeds: Vec<_> = std::fs::read_dir(&dir)
        .expect("fuzz/seeds/import")
        .map(|e| e.expect("a seed").path())
        .collect();
    seeds.sort();
    assert!(seeds.len() >= 3, "the seeds are in {}", dir.display());
    let mapping = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/import/映射.toml");
    for seed in seeds {
        let bytes = std::fs::read(&seed).expect("read a seed");
        let Some((&how, content)) = bytes.split_first() else {
            continue;
        };
        let tree = Tree::empty();
        record_tree::put_fixed(tree.path());
        record_tree::place(tree.path(), 0, record_tree::ITEM.as_bytes());
        // In a hidden folder, which the walk skips.
        let file = if how & 1 == 0 {
            ".in/台账.xlsx"
        } else {
            ".in/台账.csv"
        };
        std::fs::create_dir_all(tree.join(".in")).expect("a folder");
        std::fs::write(tree.join(file), content).expect("write the sheet");
        let mut args = vec!["import", file, "--dry-run", "--as-of", AS_OF];
        if how & 2 != 0 {
            args.extend(["--mapping", mapping.to_str().expect("UTF-8")]);
        }
        let out = output(tree.command(&args));
        assert!(
            out.code == 0 || out.code == 1,
            "{}: exit {}\n{}",
            seed.display(),
            out.code,
            out.stderr
        );
    }
}
