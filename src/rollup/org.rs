//! Org paths: which folders hold units, whether one lies within another, and what an `--org`
//! or a folder named on the command line stands for — one policy for a records tree and for
//! stored reports. What is close to a name that matches nothing is decided by the one edit
//! distance of every suggestion ([`crate::text::suggest`]), as the rules decide it for `lead_unit`.

use crate::model::records::Records;

pub use crate::load::discover::is_within;

/// Every folder that holds units at or below it: the units' folders and their ancestors.
pub fn org_folders(records: &Records) -> Vec<String> {
    folders_holding(records.units.iter().map(|u| u.org.as_str()))
}

/// An org path's folders from the root: `a/b/c` as `a`, `a/b`, `a/b/c`; the root (`""`) as
/// nothing.
pub fn prefixes(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/')
        .map(|(at, _)| &path[..at])
        .chain((!path.is_empty()).then_some(path))
}

/// The folders `orgs` and all their ancestors, in path order.
pub fn folders_holding<'o>(orgs: impl IntoIterator<Item = &'o str>) -> Vec<String> {
    let mut folders = std::collections::BTreeSet::new();
    for mut org in orgs {
        loop {
            if !folders.insert(org.to_owned()) {
                break;
            }
            match org.rfind('/') {
                Some(cut) => org = &org[..cut],
                None => break,
            }
        }
    }
    folders.into_iter().collect()
}

/// Why `--org` did not name one folder: the closest candidates (at most
/// [`CANDIDATES_SHOWN`]) and how many more there were.
#[derive(Debug, PartialEq, Eq)]
pub enum OrgError {
    Unknown {
        candidates: Vec<String>,
        more: usize,
    },
    Ambiguous {
        candidates: Vec<String>,
        more: usize,
    },
}

/// How many candidates an `--org` error lists: a province has thousands of folders.
pub const CANDIDATES_SHOWN: usize = 10;

/// `--org`: an org path (matched by whole components) or a folder name unique in the tree.
pub fn resolve_org(records: &Records, wanted: &str) -> Result<String, OrgError> {
    resolve_in(&org_folders(records), wanted)
}

/// [`resolve_org`] among `folders` (the folders that hold units, of a tree or a stored report).
pub fn resolve_in(folders: &[String], wanted: &str) -> Result<String, OrgError> {
    let wanted = wanted.trim().trim_matches('/');
    if !wanted.is_empty() && folders.iter().any(|f| f == wanted) {
        return Ok(wanted.to_owned());
    }
    let name_of = |f: &str| f.rsplit('/').next().unwrap_or(f).to_owned();
    let named: Vec<&String> = folders
        .iter()
        .filter(|f| !wanted.contains('/') && name_of(f) == wanted)
        .collect();
    if named.len() == 1 {
        return Ok(named[0].clone());
    }
    if !named.is_empty() {
        let (candidates, more) = closest(named.into_iter().map(|f| ((0, 0), f)).collect());
        return Err(OrgError::Ambiguous { candidates, more });
    }
    let close: Vec<((usize, usize), &String)> = if wanted.is_empty() {
        Vec::new()
    } else {
        folders
            .iter()
            .filter_map(|f| {
                // A folder whose name holds what was typed ranks first, then one whose path
                // does, then the rest by edit distance.
                let name = name_of(f);
                // The one rule of every suggestion for what is close (src/suggest.rs).
                let distance = crate::text::suggest::close(wanted, &name);
                let class = if name.contains(wanted) {
                    0
                } else if f.contains(wanted) {
                    1
                } else if distance.is_some() {
                    2
                } else {
                    return None;
                };
                Some(((class, distance.unwrap_or(usize::MAX)), f))
            })
            .collect()
    };
    let close = if close.is_empty() {
        folders
            .iter()
            .filter(|f| !f.contains('/'))
            .map(|f| ((0, 0), f))
            .collect()
    } else {
        close
    };
    let (candidates, more) = closest(close);
    Err(OrgError::Unknown { candidates, more })
}

/// The [`CANDIDATES_SHOWN`] best of `(rank, folder)`, by rank, then nearest the root, then
/// path; and how many were left out.
fn closest(mut ranked: Vec<((usize, usize), &String)>) -> (Vec<String>, usize) {
    ranked.sort_by_key(|&(rank, f)| (rank, f.matches('/').count(), f));
    let more = ranked.len().saturating_sub(CANDIDATES_SHOWN);
    let shown = ranked
        .into_iter()
        .take(CANDIDATES_SHOWN)
        .map(|(_, f)| f.clone())
        .collect();
    (shown, more)
}

/// The org a folder of the tree stands for in a report: the folder itself where it holds
/// units, else the unit whose folder holds it (its `items/`); `None` where it is neither.
pub fn enclosing_org(records: &Records, folder: &str) -> Option<String> {
    if org_folders(records).iter().any(|f| f == folder) {
        return Some(folder.to_owned());
    }
    let mut org = folder;
    while let Some(cut) = org.rfind('/') {
        org = &org[..cut];
        if records.unit_by_org(org).is_some() {
            return Some(org.to_owned());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn prefixes_run_from_the_root() {
        assert_eq!(
            super::prefixes("a/b/c").collect::<Vec<_>>(),
            ["a", "a/b", "a/b/c"]
        );
        assert_eq!(super::prefixes("").count(), 0);
    }
}
