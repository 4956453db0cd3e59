//! A value with the byte range it came from, in eight bytes of span: record files are at most
//! 1 MiB, so offsets fit in `u32`, and a tree holds hundreds of thousands of these.
//!
//! The end is kept as `end + 1` in a `NonZeroU32`, so that an `Option<Sp<T>>` (a field a file
//! may lack) costs no more than the `Sp<T>` itself: `Option<Sp<Date>>` is 12 bytes, not 16.

use std::num::NonZeroU32;
use std::ops::Range;

/// Index of a file in [`crate::load::source::Files`]: where a span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sp<T> {
    start: u32,
    end_plus_one: NonZeroU32,
    value: T,
}

/// A byte range in the same eight bytes, for the model's tables (`[self_check]`, `[[review]]`):
/// kept as long as the records are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span(Sp<()>);

/// `n` as an offset; files are at most 1 MiB, so only a bug could saturate it.
fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl<T> Sp<T> {
    pub fn new(span: Range<usize>, value: T) -> Self {
        let end = offset(span.end).saturating_add(1);
        Sp {
            start: offset(span.start),
            end_plus_one: NonZeroU32::new(end).unwrap_or(NonZeroU32::MAX),
            value,
        }
    }

    pub fn span(&self) -> Range<usize> {
        self.start as usize..(self.end_plus_one.get() - 1) as usize
    }

    pub fn get_ref(&self) -> &T {
        &self.value
    }

    pub fn into_inner(self) -> T {
        self.value
    }
}

impl Span {
    pub fn range(&self) -> Range<usize> {
        self.0.span()
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Self {
        Span(Sp::new(range, ()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_round_trip_and_optional_ones_cost_nothing_more() {
        for range in [0..0, 0..1, 7..42, 0..(1 << 20)] {
            assert_eq!(Sp::new(range.clone(), 'x').span(), range);
            assert_eq!(Span::from(range.clone()).range(), range);
        }
        assert_eq!(size_of::<Option<Sp<jiff::civil::Date>>>(), 12);
        assert_eq!(size_of::<Option<Sp<i64>>>(), 16);
        assert_eq!(size_of::<Option<Span>>(), 8);
    }
}
