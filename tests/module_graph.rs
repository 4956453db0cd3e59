//! The modules of `src/` depend on one another one way only: the graph of the top-level
//! modules (`src/x.rs` or the folder `src/x/`), drawn from the `crate::` paths of every file,
//! has no cycle. A cycle is what makes every change touch every stage; this test names the
//! first one it finds, with a line that makes each of its edges.
//!
//! A workspace of crates would have cargo forbid cycles outright, but it would split one
//! library and its tests into many for the sake of one check that reading the paths does in
//! milliseconds. The reading is lexical: comments (doc links among them) and literals are
//! skipped, so only paths the compiler resolves count; `super::` paths never leave their
//! top-level module in this code and are not followed.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Where a reference was seen: a file and a line.
type Seen = (PathBuf, usize);

/// For each top-level module, the top-level modules it names, each with its first reference.
type Graph = BTreeMap<String, BTreeMap<String, Seen>>;

#[test]
fn the_module_graph_is_acyclic() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = graph_of(&src);
    assert!(
        graph.len() > 10,
        "too few modules read from {}",
        src.display()
    );
    if let Some(cycle) = find_cycle(&graph) {
        let mut message = format!("the modules of src/ form a cycle: {}\n", cycle.join(" -> "));
        for pair in cycle.windows(2) {
            let (file, line) = &graph[&pair[0]][&pair[1]];
            let file = file.strip_prefix(&src).unwrap_or(file);
            message.push_str(&format!(
                "  {} -> {}: src/{}:{line}\n",
                pair[0],
                pair[1],
                file.display()
            ));
        }
        panic!("{message}");
    }
}

#[test]
fn the_reader_sees_every_kind_of_path() {
    let text = r##"
use crate::a::B;
use crate::{b, c::{D, E}, self};
// crate::commented
/* crate::block /* nested */ crate::still_comment */
let s = "crate::in_a_string";
let r = r#"crate::in_a_raw "string""#;
let c = '"'; let l: &'static str = crate::f::G;
fn h() { crate::h2::call(); $crate::m::n!(); }
"##;
    let names: BTreeSet<String> = paths_named(text).into_iter().map(|(n, _)| n).collect();
    let wanted: BTreeSet<String> = ["a", "b", "c", "f", "h2", "m"]
        .map(String::from)
        .into_iter()
        .collect();
    assert_eq!(names, wanted);

    let mut graph = Graph::new();
    for (from, to) in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")] {
        graph
            .entry(from.to_owned())
            .or_default()
            .insert(to.to_owned(), (PathBuf::new(), 1));
    }
    assert_eq!(
        find_cycle(&graph),
        Some(["a", "b", "c", "a"].map(String::from).to_vec())
    );
    graph.get_mut("c").map(|c| c.remove("a"));
    assert_eq!(find_cycle(&graph), None);
}

/// The graph of the top-level modules under `src`.
fn graph_of(src: &Path) -> Graph {
    let mut graph = Graph::new();
    for file in rust_files(src) {
        let Ok(relative) = file.strip_prefix(src) else {
            continue;
        };
        let mut parts = relative.components();
        let first = parts
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned());
        let Some(first) = first else { continue };
        let module = match parts.next() {
            Some(_) => first,
            None => first.trim_end_matches(".rs").to_owned(),
        };
        if module == "lib" || module == "main" {
            continue;
        }
        let text = fs::read_to_string(&file).unwrap_or_default();
        let edges = graph.entry(module.clone()).or_default();
        for (name, line) in paths_named(&text) {
            if name != module {
                edges.entry(name).or_insert_with(|| (file.clone(), line));
            }
        }
    }
    graph
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// The first segment after each `crate::` of `text` (each of a `crate::{…}` group), with its
/// line, outside comments and literals.
fn paths_named(text: &str) -> Vec<(String, usize)> {
    let code = code_only(text);
    let bytes = code.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(i) = code[at..].find("crate") {
        let start = at + i;
        at = start + "crate".len();
        let before = start.checked_sub(1).map(|b| bytes[b]);
        if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_') {
            continue;
        }
        let rest = code[at..].trim_start();
        let Some(rest) = rest.strip_prefix("::") else {
            continue;
        };
        let rest = rest.trim_start();
        let line = code[..start].matches('\n').count() + 1;
        if let Some(group) = rest.strip_prefix('{') {
            for item in top_level_items(group) {
                found.push((ident_at(item), line));
            }
        } else {
            found.push((ident_at(rest), line));
        }
    }
    found.retain(|(name, _)| !name.is_empty() && name != "self");
    found
}

/// The items of a `{…}` group (its text after the `{`), split at its own commas.
fn top_level_items(group: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut from = 0;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&group[from..i]);
                return items;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&group[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    items
}

fn ident_at(text: &str) -> String {
    text.trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// `text` with comments, strings and characters blanked out (line breaks kept).
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |out: &mut String, c: char| out.push(if c == '\n' { '\n' } else { ' ' });
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let previous_ident = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, chars[i]);
                    i += 1;
                }
            }
        } else if (c == 'r' || c == 'b')
            && !previous_ident
            && raw_string_start(&chars[i..]).is_some()
        {
            let (skip, hashes) = raw_string_start(&chars[i..]).unwrap_or((1, 0));
            i += skip;
            while i < chars.len() {
                let closes = chars.len() - (i + 1) >= hashes
                    && chars[i + 1..].iter().take(hashes).all(|&h| h == '#');
                if chars[i] == '"' && closes {
                    i += 1 + hashes;
                    break;
                }
                blank(&mut out, chars[i]);
                i += 1;
            }
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                if let Some(&c) = chars.get(i) {
                    blank(&mut out, c);
                }
                i += 1;
            }
            i += 1;
        } else if c == '\'' {
            // A character ('x', '\n', '\u{..}') or a lifetime ('a): only the first is skipped.
            let end = if next == Some('\\') {
                chars[i + 2..]
                    .iter()
                    .position(|&c| c == '\'')
                    .map(|p| i + 2 + p)
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(end) => i = end + 1,
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Whether `chars` opens a raw string (`r"`, `r#"`, `br#"`): how many characters open it and
/// how many `#` close it.
fn raw_string_start(chars: &[char]) -> Option<(usize, usize)> {
    let mut i = usize::from(chars.first() == Some(&'b'));
    if chars.get(i) != Some(&'r') {
        return None;
    }
    i += 1;
    let hashes = chars[i..].iter().take_while(|&&c| c == '#').count();
    i += hashes;
    (chars.get(i) == Some(&'"')).then_some((i + 1, hashes))
}

/// A cycle of `graph`, as the modules along it with the first repeated at the end, or `None`.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        graph: &Graph,
        node: &str,
        marks: &mut BTreeMap<String, Mark>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        marks.insert(node.to_owned(), Mark::Open);
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flat_map(|e| e.keys()) {
            match marks.get(next) {
                Some(Mark::Open) => {
                    let from = path.iter().position(|n| n == next).unwrap_or(0);
                    let mut cycle = path[from..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                Some(Mark::Done) => {}
                None => {
                    if let Some(cycle) = visit(graph, next, marks, path) {
                        return Some(cycle);
                    }
                }
            }
        }
        path.pop();
        marks.insert(node.to_owned(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for node in graph.keys() {
        if marks.contains_key(node) {
            continue;
        }
        if let Some(cycle) = visit(graph, node, &mut marks, &mut Vec::new()) {
            return Some(cycle);
        }
    }
    None
}
