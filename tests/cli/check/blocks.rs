//! `huitoukan check`: The building blocks of the harness are valid records.

use super::*;

#[test]
fn building_blocks_are_valid() {
    let tree = valid();
    let out = tree.run(&["check", "--as-of", AS_OF]);
    assert_eq!(out.code, 0);
    assert_eq!(out.stderr, "检查了3个文件：0个错误，0个警告\n");
    assert_eq!(out.stdout, "");
}
