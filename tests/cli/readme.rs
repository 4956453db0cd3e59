//! The README's `console` blocks are run as written, so the README cannot go stale.

#[test]
fn readme_examples() {
    trycmd::TestCases::new().case("README.md");
}
