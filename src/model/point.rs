//! Check point ids as the records write them, each distinct one kept once for the run.

use std::collections::HashMap;
use std::sync::{OnceLock, PoisonError, RwLock};

/// A check point's id (`3.1`, `G.2`) as a record writes it, known or not. A province's units
/// and items write some thirty distinct ids 200,000 times: each is kept once, for as long as
/// the run lasts, and the records hold its number (4 bytes where a string took 24, with the
/// heap room of each item's list besides).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PointId(u32);

#[derive(Default)]
struct Ids {
    numbers: HashMap<&'static str, u32>,
    names: Vec<&'static str>,
}

fn ids() -> &'static RwLock<Ids> {
    static IDS: OnceLock<RwLock<Ids>> = OnceLock::new();
    IDS.get_or_init(RwLock::default)
}

impl PointId {
    pub fn new(id: &str) -> PointId {
        let known = ids()
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .numbers
            .get(id)
            .copied();
        if let Some(number) = known {
            return PointId(number);
        }
        let mut ids = ids().write().unwrap_or_else(PoisonError::into_inner);
        if let Some(&number) = ids.numbers.get(id) {
            return PointId(number);
        }
        // Kept to the end of the run, as the records that name it are: the ids are bounded by
        // the bytes read (a file is at most 1 MiB).
        let name: &'static str = Box::leak(Box::from(id));
        let number = u32::try_from(ids.names.len()).unwrap_or(u32::MAX);
        ids.names.push(name);
        ids.numbers.insert(name, number);
        PointId(number)
    }

    pub fn as_str(self) -> &'static str {
        ids()
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .names
            .get(self.0 as usize)
            .copied()
            .unwrap_or_default()
    }
}

impl std::ops::Deref for PointId {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Display for PointId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for PointId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::PointId;

    #[test]
    fn one_id_one_number_and_its_text_back() {
        let a = PointId::new("3.1");
        let b = PointId::new(&String::from("3.1"));
        let c = PointId::new("3.10");
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.as_str(), "3.1");
        assert_eq!(&*c, "3.10");
        assert_eq!(format!("{a} {c:?}"), "3.1 \"3.10\"");
        assert_eq!(PointId::new("").as_str(), "");
    }
}
