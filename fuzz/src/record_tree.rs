//! The small valid tree of the `record` target, and where one input goes in it: the first byte
//! picks the file (an item, a unit, the campaign file or the campaign's own schema file), the
//! rest is the file's content. Only `std`, so that `cargo test` replays the seeds through the
//! binary with the same tree (`tests/cli/fuzz_seeds.rs`).

use std::path::Path;

pub const CAMPAIGN: &str = "[campaign]\nname = \"回头看\"\ndeadline = 2015-02-28\n";
pub const CAMPAIGN_WITH_SCHEMA: &str =
    "[campaign]\nname = \"回头看\"\ndeadline = 2015-02-28\nschema = \"areas.toml\"\n";

pub const UNIT: &str = r#"name = "中共浙江省财政厅党组"
category = "领导班子"
batch = 1

[self_check]
meeting_on = 2015-01-20
submitted_on = 2015-02-10
report = "自查报告.md"

[self_check.answers]
"1.1" = "是"
"1.2" = "是"
"2.1" = { answer = "部分", note = "尚未按期解决" }
"2.2" = "是"
"2.3" = "是"
"2.4" = "是"
"2.5" = "是"
"2.6" = "是"
"3.1" = "是"
"3.2" = "是"
"4.1" = "是"
"4.2" = "是"
"4.3" = "是"
"5.1" = "是"
"5.2" = "是"
"5.3" = "是"
"6.1" = "是"
"6.2" = "是"
"6.3" = "是"
"6.4" = "是"
"L.1" = "是"
"L.2" = "是"
"L.3" = "是"

[[review]]
kind = "督查组审核"
on = 2015-02-15
result = "查漏补缺"
"#;

pub const ITEM: &str = r#"title = "文山会海问题有所反弹"
area = 2
points = ["2.1"]
source = "整改方案"
measures = ["实行会议计划管理"]
responsible = "办公室"
deadline = 2015-02-01
status = "未完成"

[linkage]
lead_unit = "杭州市"
"#;

pub const OTHER_UNIT: &str = "name = \"中共杭州市委\"\ncategory = \"领导班子\"\nbatch = 2\n";

pub const OTHER_ITEM: &str = r#"title = "基层减负"
area = 6
source = "新发现"
found_on = 2014-11-01
deadline = 2014-12-31
status = "已完成"
completed_on = 2014-12-20
evidence = ["通报"]
satisfaction = "满意"
"#;

pub const UNIT_PATH: &str = "省直/省财政厅/unit.toml";
pub const ITEM_PATH: &str = "省直/省财政厅/items/会议文件.toml";

/// Writes `bytes` to `rel` below `root`, creating its folders.
pub fn put(root: &Path, rel: &str, bytes: &[u8]) {
    let path = root.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create folders");
    }
    std::fs::write(&path, bytes).expect("write a scratch file");
}

/// The files that no input replaces.
pub fn put_fixed(root: &Path) {
    put(root, "省直/省财政厅/自查报告.md", "# 自查报告\n".as_bytes());
    put(root, "杭州市/unit.toml", OTHER_UNIT.as_bytes());
    put(root, "杭州市/items/减负.toml", OTHER_ITEM.as_bytes());
}

/// Puts one input in place: the valid files first, then `content` where `which` says. Returns
/// the bits left for the target's other choices.
pub fn place(root: &Path, which: u8, content: &[u8]) -> u8 {
    let _ = std::fs::remove_file(root.join("areas.toml"));
    put(root, "huitoukan.toml", CAMPAIGN.as_bytes());
    put(root, UNIT_PATH, UNIT.as_bytes());
    put(root, ITEM_PATH, ITEM.as_bytes());
    match which % 4 {
        0 => put(root, ITEM_PATH, content),
        1 => put(root, UNIT_PATH, content),
        2 => put(root, "huitoukan.toml", content),
        _ => {
            put(root, "huitoukan.toml", CAMPAIGN_WITH_SCHEMA.as_bytes());
            put(root, "areas.toml", content);
        }
    }
    which >> 2
}
