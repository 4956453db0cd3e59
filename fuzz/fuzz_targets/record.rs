//! Arbitrary bytes as one record of a small valid tree: the first byte picks the file (an item,
//! a unit, the campaign file or the campaign's own schema file) and what the run shows, the rest
//! is the file's content. Then `check`, the rollup and every renderer.

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use huitoukan_fuzz::{Choices, exercise, put, scratch};
use libfuzzer_sys::fuzz_target;

const CAMPAIGN: &str = "[campaign]\nname = \"回头看\"\ndeadline = 2015-02-28\n";
const CAMPAIGN_WITH_SCHEMA: &str =
    "[campaign]\nname = \"回头看\"\ndeadline = 2015-02-28\nschema = \"areas.toml\"\n";

const UNIT: &str = r#"name = "中共浙江省财政厅党组"
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

const ITEM: &str = r#"title = "文山会海问题有所反弹"
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

const OTHER_UNIT: &str = "name = \"中共杭州市委\"\ncategory = \"领导班子\"\nbatch = 2\n";

const OTHER_ITEM: &str = r#"title = "基层减负"
area = 6
source = "新发现"
found_on = 2014-11-01
deadline = 2014-12-31
status = "已完成"
completed_on = 2014-12-20
evidence = ["通报"]
satisfaction = "满意"
"#;

const UNIT_PATH: &str = "省直/省财政厅/unit.toml";
const ITEM_PATH: &str = "省直/省财政厅/items/会议文件.toml";

fn root() -> &'static PathBuf {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let root = scratch("record");
        put(
            &root,
            "省直/省财政厅/自查报告.md",
            "# 自查报告\n".as_bytes(),
        );
        put(&root, "杭州市/unit.toml", OTHER_UNIT.as_bytes());
        put(&root, "杭州市/items/减负.toml", OTHER_ITEM.as_bytes());
        root
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, content)) = data.split_first() else {
        return;
    };
    let root = root();
    let schema = root.join("areas.toml");
    let _ = std::fs::remove_file(&schema);
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
    exercise(root, Choices::from_bits(which >> 2), &[]);
});
