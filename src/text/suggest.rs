//! "Did you mean": the closest known name to one that is not known, for every suggestion the
//! tool makes (keys, enumeration values, point ids, org paths).
//!
//! One rule decides what is close: the Damerau–Levenshtein distance (from `strsim`) is at most a
//! third of the candidate's length, at least 1 and at most [`MAX_DISTANCE`]. The work is bounded
//! whatever the input: lengths alone rule most candidates out, no word longer than [`MAX_CHARS`]
//! is compared, and a large set of candidates is searched through an index of what its names'
//! ends become with a few characters deleted, so that tens of thousands of unknown names against
//! tens of thousands of known ones cost a few lookups each, not a comparison with every name.

use std::cell::{Cell, OnceCell};
use std::collections::HashMap;
use std::hash::Hasher;

/// The largest edit distance at which a name is still offered.
pub const MAX_DISTANCE: usize = 3;

/// A word longer than this (in characters) gets no suggestion: names are short, and comparing
/// two long strings costs the product of their lengths.
pub const MAX_CHARS: usize = 64;

/// Up to this many candidates are compared one by one; a larger set is indexed.
const SMALL: usize = 64;

/// The first words asked of a large set are compared with every name too: the index of a
/// province's units costs more than a few such comparisons, and a tree has few typos.
const UNINDEXED_WORDS: usize = 16;

/// How many characters at each end of a name the index holds.
const PART: usize = 8;

/// The most index entries one word may look through, and the most names left after the index
/// that are compared with it. Past either, the names are too alike to pick one: no
/// suggestion, rather than unbounded work.
const MAX_SCANNED: usize = 20_000;
const MAX_COMPARED: usize = 500;

/// The distance within which a candidate of `chars` characters is close enough.
fn limit(chars: usize) -> usize {
    (chars.max(3) / 3).min(MAX_DISTANCE)
}

/// The edit distance between `a` and `b` if it is at most `limit`; `None` beyond it, found
/// from the lengths alone where they differ by more, and for a word longer than [`MAX_CHARS`].
pub fn distance_within(a: &str, b: &str, limit: usize) -> Option<usize> {
    // A character is at most four bytes: a longer string has more characters than may be
    // compared, and is not even counted.
    if a.len().max(b.len()) > 4 * (MAX_CHARS + limit) {
        return None;
    }
    let (n, m) = (a.chars().count(), b.chars().count());
    if n.min(m) > MAX_CHARS || n.abs_diff(m) > limit {
        return None;
    }
    let distance = strsim::damerau_levenshtein(a, b);
    (distance <= limit).then_some(distance)
}

/// The edit distance between `word` and `candidate` where the candidate is close enough to be
/// offered for it (see the module's rule); `None` where it is not. Every suggestion decides by
/// this: the did-you-mean of keys, values and `lead_unit`, and the candidates of `--org`.
pub fn close(word: &str, candidate: &str) -> Option<usize> {
    distance_within(word, candidate, limit(candidate.chars().count()))
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo. Among
/// equally close ones, one that starts as `word` does wins (`G.4` suggests `G.1`, not `2.4`),
/// then the first in code-point order.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    Suggester::new(candidates).closest(word)
}

/// A set of known names, asked for the closest to many words: the index of a large set is built
/// once, when it has been asked [`UNINDEXED_WORDS`] times.
pub struct Suggester<'a> {
    names: Vec<&'a str>,
    asked: Cell<usize>,
    index: OnceCell<Index>,
}

/// For each name, the hashes of what its first and its last [`PART`] characters become with up
/// to its [`limit`] characters deleted. Two names within distance `d` of each other can be made
/// equal at each end by deleting at most `d` characters on each side (each edit leaves at most
/// one character unmatched on each side, and the characters one end takes from beyond the other
/// are balanced by edits inside it), so a close name always shares an entry at either end. Of
/// the two ends a word looks up the one that names fewer: org paths share their beginnings.
struct Index {
    chars: Vec<usize>,
    /// Whether some name has this many characters.
    lengths: Vec<bool>,
    heads: Entries,
    tails: Entries,
}

/// The names under each hash, found in one lookup.
struct Entries {
    ids: Vec<u32>,
    at: HashMap<u64, (u32, u32)>,
}

impl Entries {
    fn new(mut pairs: Vec<(u64, u32)>) -> Entries {
        pairs.sort_unstable();
        let mut entries = Entries {
            ids: Vec::with_capacity(pairs.len()),
            at: HashMap::new(),
        };
        for (h, id) in pairs {
            let start = entries.ids.len() as u32;
            entries.at.entry(h).or_insert((start, start)).1 += 1;
            entries.ids.push(id);
        }
        entries
    }

    fn get(&self, h: u64) -> &[u32] {
        self.at
            .get(&h)
            .map_or(&[], |&(start, end)| &self.ids[start as usize..end as usize])
    }
}

impl<'a> Suggester<'a> {
    pub fn new(names: impl IntoIterator<Item = &'a str>) -> Self {
        Suggester {
            names: names.into_iter().collect(),
            asked: Cell::new(0),
            index: OnceCell::new(),
        }
    }

    /// The closest name to `word` (see [`did_you_mean`]).
    pub fn closest(&self, word: &str) -> Option<&'a str> {
        let chars: Vec<char> = word.chars().collect();
        if chars.len() > MAX_CHARS {
            return None;
        }
        let asked = self.asked.get();
        if self.names.len() <= SMALL || asked < UNINDEXED_WORDS {
            self.asked.set(asked + 1);
            return pick(word, self.names.iter().copied());
        }
        let index = self.index.get_or_init(|| Index::new(&self.names));
        let near = index.near(&chars)?;
        pick(word, near.into_iter().map(|i| self.names[i as usize]))
    }
}

/// The closest of `candidates` to `word` by the rule of this module.
fn pick<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let first = |s: &str| s.chars().next().map(|c| c.to_lowercase().to_string());
    candidates
        // A name too long to be compared is not even counted.
        .filter(|c| c.len() <= 4 * (MAX_CHARS + MAX_DISTANCE))
        .filter_map(|c| close(word, c).map(|distance| (distance, c)))
        .min_by_key(|&(distance, c)| (distance, first(c) != first(word), c))
        .map(|(_, c)| c)
}

impl Index {
    fn new(names: &[&str]) -> Index {
        let (mut heads, mut tails) = (Vec::new(), Vec::new());
        let mut chars = Vec::with_capacity(names.len());
        let mut hashes = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let name: Vec<char> = name.chars().collect();
            let id = i as u32;
            let k = limit(name.len());
            chars.push(name.len());
            deletions(head(&name), k, &mut hashes);
            heads.extend(hashes.iter().map(|&h| (h, id)));
            deletions(tail(&name), k, &mut hashes);
            tails.extend(hashes.iter().map(|&h| (h, id)));
        }
        let mut lengths = vec![false; chars.iter().max().map_or(0, |&m| m + 1)];
        for &m in &chars {
            lengths[m] = true;
        }
        Index {
            chars,
            lengths,
            heads: Entries::new(heads),
            tails: Entries::new(tails),
        }
    }

    /// The names that may lie within distance of `word` and have a length that allows it;
    /// `None` if there are too many to compare.
    fn near(&self, word: &[char]) -> Option<Vec<u32>> {
        let n = word.len();
        let allowed = |m: usize| m.abs_diff(n) <= limit(m);
        // As many deletions as the longest name that may be close allows.
        let k = (n.saturating_sub(MAX_DISTANCE)..=n + MAX_DISTANCE)
            .filter(|&m| self.lengths.get(m) == Some(&true) && allowed(m))
            .map(limit)
            .max()?;
        let (mut heads, mut tails) = (Vec::new(), Vec::new());
        deletions(head(word), k, &mut heads);
        deletions(tail(word), k, &mut tails);
        let heads: Vec<&[u32]> = heads.iter().map(|&h| self.heads.get(h)).collect();
        let tails: Vec<&[u32]> = tails.iter().map(|&h| self.tails.get(h)).collect();
        let total = |lists: &[&[u32]]| lists.iter().map(|l| l.len()).sum::<usize>();
        let lists = if total(&heads) <= total(&tails) {
            heads
        } else {
            tails
        };
        if total(&lists) > MAX_SCANNED {
            return None;
        }
        let mut near: Vec<u32> = lists.concat();
        near.sort_unstable();
        near.dedup();
        near.retain(|&i| allowed(self.chars[i as usize]));
        (near.len() <= MAX_COMPARED).then_some(near)
    }
}

fn head(chars: &[char]) -> &[char] {
    &chars[..chars.len().min(PART)]
}

fn tail(chars: &[char]) -> &[char] {
    &chars[chars.len().saturating_sub(PART)..]
}

/// The hashes of every string made from `part` by deleting at most `k` of its characters, each
/// once, into `out`.
fn deletions(part: &[char], k: usize, out: &mut Vec<u64>) {
    out.clear();
    // `part` holds at most PART characters: each subset of them to delete is a bit mask.
    for mask in 0u32..1 << part.len() {
        if mask.count_ones() as usize > k {
            continue;
        }
        // The same zero-keyed SipHash in every run: the index is the same whatever the run.
        let mut hasher = std::hash::DefaultHasher::new();
        for (i, &c) in part.iter().enumerate() {
            if mask & (1 << i) == 0 {
                hasher.write_u32(c as u32);
            }
        }
        hasher.write_u8(0xff);
        out.push(hasher.finish());
    }
    out.sort_unstable();
    out.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What comparing with every candidate gives, for checking the index against.
    fn every<'a>(word: &str, names: &[&'a str]) -> Option<&'a str> {
        if word.chars().count() > MAX_CHARS {
            return None;
        }
        pick(word, names.iter().copied())
    }

    #[test]
    fn the_index_finds_what_comparing_with_every_name_finds() {
        // Point ids, org paths with a common beginning and end, and Chinese text: names short
        // and long, and words made from them by every kind of edit.
        let mut names: Vec<String> = (0..100).map(|i| format!("p{i:05}")).collect();
        names.extend((0..100).map(|i| format!("杭州市/西湖区/街道{i}/社区")));
        names.extend((0..100).map(|i| format!("{}.{}", i % 7, i % 13)));
        names.extend(
            [
                "a",
                "ab",
                "",
                "省直/省民政厅",
                "省直/省财政厅",
                "abcdefghijklmno",
            ]
            .map(String::from),
        );
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let suggester = Suggester::new(refs.iter().copied());
        let mut words: Vec<String> = Vec::new();
        for name in names.iter().step_by(17) {
            let chars: Vec<char> = name.chars().collect();
            for i in 0..chars.len() {
                let mut deleted = chars.clone();
                deleted.remove(i);
                words.push(deleted.iter().collect());
                let mut changed = chars.clone();
                changed[i] = 'x';
                words.push(changed.iter().collect());
                let mut inserted = chars.clone();
                inserted.insert(i, '区');
                words.push(inserted.iter().collect());
                if i + 1 < chars.len() {
                    let mut swapped = chars.clone();
                    swapped.swap(i, i + 1);
                    words.push(swapped.iter().collect());
                }
            }
            words.push(format!("{name}yz"));
            words.push(format!("q{name}q"));
        }
        assert!(
            words.len() > 10 * UNINDEXED_WORDS,
            "most words go through the index"
        );
        for word in &words {
            assert_eq!(suggester.closest(word), every(word, &refs), "for {word:?}");
        }
        assert!(suggester.index.get().is_some());
    }

    #[test]
    fn ties_go_to_the_name_that_starts_like_the_word() {
        assert_eq!(did_you_mean("G.4", ["2.4", "G.1"]), Some("G.1"));
        assert_eq!(did_you_mean("titel", ["title", "tile"]), Some("title"));
        assert_eq!(did_you_mean("zzzz", ["title"]), None);
    }

    #[test]
    fn long_words_and_far_names_get_no_suggestion() {
        let long = "a".repeat(MAX_CHARS + 1);
        assert_eq!(did_you_mean(&long, [long.as_str()]), None);
        let huge = "a".repeat(1 << 20);
        assert_eq!(did_you_mean("aaa", [huge.as_str()]), None);
        assert_eq!(
            distance_within(&"甲".repeat(MAX_CHARS), &"甲".repeat(MAX_CHARS + 2), 2),
            Some(2)
        );
        // A third of 15 characters is 5, but no name more than MAX_DISTANCE away is offered.
        assert_eq!(did_you_mean("abcdefghij", ["abcdefghijklmno"]), None);
        assert_eq!(
            did_you_mean("abcdefghijkl", ["abcdefghijklmno"]),
            Some("abcdefghijklmno")
        );
    }
}
