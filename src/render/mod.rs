//! Output: one module per format, each a pure function of what it shows.

pub mod github;
pub mod human;
pub mod json;

use std::path::Path;

/// How a path inside the root is shown to someone working in `cwd`: relative to it where
/// possible, `/`-separated, so editors and CI annotations find the file.
pub fn display_path(root: &Path, rel: &str, cwd: Option<&Path>) -> String {
    let root_abs = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let base = cwd
        .and_then(|cwd| pathdiff::diff_paths(&root_abs, cwd))
        .unwrap_or(root_abs);
    let prefix: Vec<_> = base
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    let prefix = prefix.join("/");
    match (prefix.as_str(), rel) {
        ("" | ".", rel) => rel.to_owned(),
        (prefix, "") => prefix.to_owned(),
        (prefix, rel) => format!("{prefix}/{rel}"),
    }
}
