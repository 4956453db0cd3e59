//! The command line as a user meets it: each test writes a records tree, runs `huitoukan` in
//! it and reads the exit code and the output.

// A test that cannot go on fails: unwrapping is what a test should do.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod author;
mod browser;
mod check;
mod docx;
mod explain;
mod figures;
mod first_day;
mod fuzz_seeds;
mod harness;
mod history;
mod hostile;
mod html;
mod limits;
mod merge;
mod nothing_lost;
mod order;
mod pdf;
mod plan;
mod properties;
mod readme;
mod report;
mod reporting;
mod snapshot;
mod spreadsheets;
