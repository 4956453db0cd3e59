//! The command line as a user meets it: each test writes a records tree, runs `huitoukan` in
//! it and reads the exit code and the output.

mod author;
mod check;
mod explain;
mod fuzz_seeds;
mod harness;
mod hostile;
mod nothing_lost;
mod properties;
mod readme;
mod report;
mod spreadsheets;
