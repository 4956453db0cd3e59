//! A value with the byte range it came from, in eight bytes of span: record files are at most
//! 1 MiB, so offsets fit in `u32`, and a tree holds hundreds of thousands of these.

use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sp<T> {
    start: u32,
    end: u32,
    value: T,
}

impl<T> Sp<T> {
    pub fn new(span: Range<usize>, value: T) -> Self {
        let offset = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Sp {
            start: offset(span.start),
            end: offset(span.end),
            value,
        }
    }

    pub fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn get_ref(&self) -> &T {
        &self.value
    }

    pub fn into_inner(self) -> T {
        self.value
    }
}
