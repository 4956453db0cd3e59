//! The office's order of units (SPEC §14): siblings follow a unit's `order` (its GB/T 2260
//! code, say), else the position of their folder's name in the campaign's `order` list, else
//! the pinyin of that name, as Excel and WPS sort Chinese. Never code points: 宁波市 (U+5B81)
//! would come before 杭州市 (U+676D).

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use pinyin::ToPinyin;

use super::org::prefixes;
use crate::model::records::Records;

/// Where a folder stands among its siblings.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    /// A unit's own `order`.
    Own(i64),
    /// Its position in the campaign's `order` list.
    Listed(usize),
    /// Neither: by the pinyin of its name (each character's syllable with its tone), then
    /// the name itself, so that two names never compare equal.
    Pinyin(Vec<String>, String),
}

/// The pinyin key of a name: each Chinese character's syllable with its tone number; any
/// other character as itself.
pub fn pinyin_key(name: &str) -> Vec<String> {
    name.chars()
        .zip(name.to_pinyin())
        .map(|(c, p)| p.map_or_else(|| c.to_string(), |p| p.with_tone_num_end().to_owned()))
        .collect()
}

/// The org paths of a tree ranked in the office's order, parents before their children:
/// each folder's place among its siblings, worked out once.
pub struct OfficeOrder<'r> {
    places: HashMap<&'r str, u32>,
}

impl<'r> OfficeOrder<'r> {
    pub fn new(records: &'r Records) -> OfficeOrder<'r> {
        let mut siblings: HashMap<&str, Vec<&str>> = HashMap::new();
        let mut seen: HashSet<&str> = HashSet::new();
        for unit in &records.units {
            for path in prefixes(&unit.org) {
                if seen.insert(path) {
                    let parent = path.rfind('/').map_or("", |cut| &path[..cut]);
                    siblings.entry(parent).or_default().push(path);
                }
            }
        }
        let listed = records.campaign.as_ref().map(|c| c.order.as_slice());
        let rank = |path: &str| {
            let name = path.rsplit('/').next().unwrap_or(path);
            let own = records
                .unit_by_org(path)
                .and_then(|i| records.units[i].order());
            let at = || listed.and_then(|o| o.iter().position(|n| n == name));
            match (own, at()) {
                (Some(own), _) => Rank::Own(own),
                (None, Some(at)) => Rank::Listed(at),
                (None, None) => Rank::Pinyin(pinyin_key(name), name.to_owned()),
            }
        };
        let mut places = HashMap::with_capacity(seen.len());
        for (_, mut paths) in siblings {
            paths.sort_by_cached_key(|p| rank(p));
            for (place, path) in paths.into_iter().enumerate() {
                places.insert(path, u32::try_from(place).unwrap_or(u32::MAX));
            }
        }
        OfficeOrder { places }
    }

    /// `a` against `b`, folder by folder from the root: a parent before its children. A folder
    /// the tree does not hold comes after those it holds, by code point.
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        let place = |p: &str| self.places.get(p).copied().unwrap_or(u32::MAX);
        let (mut i, mut j) = (prefixes(a), prefixes(b));
        loop {
            match (i.next(), j.next()) {
                (None, None) => return Ordering::Equal,
                (None, Some(_)) => return Ordering::Less,
                (Some(_), None) => return Ordering::Greater,
                (Some(x), Some(y)) if x == y => continue,
                (Some(x), Some(y)) => return place(x).cmp(&place(y)).then_with(|| x.cmp(y)),
            }
        }
    }

    /// The indices of the tree's units, in the office's order.
    pub fn units(&self, records: &'r Records) -> Vec<usize> {
        let order = self;
        let mut indices: Vec<usize> = (0..records.units.len()).collect();
        indices.sort_by(|&a, &b| order.compare(&records.units[a].org, &records.units[b].org));
        indices
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_puts_hangzhou_before_ningbo() {
        let mut names = [
            "宁波市",
            "杭州市",
            "温州市",
            "湖州市",
            "嘉兴市",
            "Zeta",
            "省直",
        ];
        names.sort_by_key(|n| pinyin_key(n));
        assert_eq!(
            names,
            [
                "Zeta",
                "杭州市",
                "湖州市",
                "嘉兴市",
                "宁波市",
                "省直",
                "温州市"
            ]
        );
    }
}
