//! The files `init` and `new` write: valid records with a Chinese comment on every field, so
//! office staff can fill them in without a manual.

use jiff::civil::Date;

use crate::model::doc::Kind;
use crate::schema::Schema;

/// How every placeholder a template leaves for the user to replace begins: a record that still
/// holds one is E035.
pub const PLACEHOLDER: &str = "（请填写";

/// Where `init` puts the JSON Schemas for editors, relative to the root (a hidden folder, so
/// the walk skips it).
pub const SCHEMA_DIR: &str = ".huitoukan/schema";

/// The path of a kind's JSON Schema file, relative to the root.
pub fn schema_file(kind: Kind) -> String {
    format!("{SCHEMA_DIR}/{}.json", kind.name())
}

/// A TOML string holding exactly `text`, however it is made (quotes, backslashes, line breaks):
/// written by the TOML serialiser, so that no name can close the string and add keys.
fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// `text` for a comment line: every control character (a line break above all, which would end
/// the comment and start a key) shown as a space.
fn comment_text(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// `#:schema …`: the editor directive, relative to the folder `dir` (a path relative to the root).
fn directive(kind: Kind, dir: &str) -> String {
    let up = dir
        .split('/')
        .filter(|p| !p.is_empty())
        .map(|_| "../")
        .collect::<String>();
    let here = if up.is_empty() { "./" } else { "" };
    format!("#:schema {here}{up}{}\n", schema_file(kind))
}

pub fn campaign(name: &str, deadline: Date) -> String {
    format!(
        r#"{directive}# 本次整改落实工作。带 # 的行是说明，可以删除。
[campaign]
# 名称（必填）
name = {name}
# 文件文号（可选），如 "浙整改办发〔2015〕2号"
# document = ""
# 报送时限（必填）：各单位在此日期前报送自查情况。日期不加引号，写作 年-月-日
deadline = {deadline}
# 开始日期（可选）：方案印发日期
# opened_on = 2015-01-15
# 地区（可选）：报告中全台账的称谓，如 "浙江省" 写作“全省”
# region = ""
# 跟踪推进（可选）：未完成的事项最多相隔多少天须有一条进展记录
# progress_every = 30
# 检查要点文件（可选）：相对于本文件夹的路径，格式同内置的 schema/areas.toml；
# 不填则使用内置的六个方面（浙整改办发〔2015〕2号）
# schema = "areas.toml"
"#,
        directive = directive(Kind::Campaign, ""),
        name = toml_string(name),
    )
}

pub fn unit(dir: &str, name: &str) -> String {
    format!(
        r#"{directive}# 单位：本文件夹及其下没有自己 unit.toml 的子文件夹。整改事项放在 items/ 下，一个文件一项。
# 带 # 的行是说明，可以删除。

# 单位名称（必填），如 "中共浙江省财政厅党组"
name = {name}
# 类别（必填）：领导班子 | 基层党组织
category = "领导班子"
# 批次（必填）：1 第一批（结合2014年度民主生活会）| 2 第二批（结合年度工作总结）
batch = 1
# 报送对象（可选）：自查情况报给谁；同时分别报多处的写成数组，如 ["省直机关工委", "省委第三督导组"]
# reports_to = ""
# 主要负责同志（可选）：担负第一责任
# principal = ""
# 下级报送时限（可选）：本单位为下级各单位规定的自查报送日期，不晚于本单位自己的时限
# subordinates_due = 2015-02-20

# 单位自查：召开领导班子会议集体研究、逐项梳理后填写。
# 填写 submitted_on 后，须对每个适用的检查要点作答（huitoukan schema 列出全部要点）。
# [self_check]
# meeting_on = 2015-01-20          # 领导班子会议日期
# submitted_on = 2015-02-10        # 自查情况报告报送日期
# resubmitted_on = 2015-02-25      # 审核退回后重新报送的日期
# report = "自查报告.md"            # 自查报告，本文件夹内的文件
# disclosed_in = "2014年度民主生活会"  # 通报场合
# published = true                 # 是否已公布
#
# [self_check.answers]             # 编号必须加引号：已落实 | 部分落实 | 未落实 | 不涉及
# "1.1" = "已落实"
# "2.1" = {{ answer = "部分落实", note = "2项问题尚未按期解决，已列入深化整改" }}

# 上级审核，每次一项（审核日期不早于自查报送日期）：
# [[review]]
# kind = "督查组审核"               # 督查组审核 | 督导组检查（第一批）| 整改办抽查 | 领导检查
# by = "省委第三督查组"
# on = 2015-02-15
# result = "通过"                   # 通过 | 退回 | 查漏补缺
# note = ""
"#,
        directive = directive(Kind::Unit, dir),
        name = toml_string(name),
    )
}

pub fn item(dir: &str, schema: &Schema, deadline: Date) -> String {
    let areas = schema
        .areas
        .iter()
        .map(|a| format!("#   {} {}\n", a.id, comment_text(&a.title)))
        .collect::<String>();
    let area = schema.areas.first().map_or(1, |a| a.id);
    format!(
        r#"{directive}# 整改事项。带 # 的行是说明，可以删除。

# 编号（可选）：默认为文件名，同一单位内不能重复
# id = "CZT-01"
# 问题（必填）
title = "{p}问题）"
# 所属方面（必填），填编号：
{areas}area = {area}
# 对应的检查要点编号（可选），如 ["2.1", "L.1"]；huitoukan schema 列出全部要点
points = []
# 来源（必填）：整改方案 | 专项整治 | 新发现 | 督查反馈 | 上级交办 | 群众反映
source = "整改方案"
# 专项整治任务：来源为 专项整治 时必填
# special_task = "中央21项专项整治第3项"
# 发现日期：来源为 新发现 时必填
# found_on = 2015-01-18
# 问题表现、整改承诺（可选）
# problem = ""
# commitment = ""
# 整改措施：状态为 未完成 时必填
measures = ["{p}措施）"]
# 责任主体：班子（默认）| 个人；为 个人 时须填写 person（公开报告中不显示）
# owner = "个人"
# person = ""
# 责任部门或责任人：状态为 未完成 时必填
responsible = "{p}责任部门）"
# 牵头的班子成员（可选）
# lead = ""
# 整改时限（必填），日期不加引号
deadline = {deadline}
# 状态（必填）：已完成 | 基本完成 | 未完成 | 效果不理想
#   已完成：须填 completed_on 和 evidence；群众不满意的，须填 rectify_by 限期整改到位
#   基本完成：须填 completed_on 和 consolidation（巩固提高的具体要求）
#   未完成：须填 responsible 和 measures
#   效果不理想：须填 rectify_by（限期整改到位的日期）
status = "未完成"
# completed_on = 2015-02-20
# consolidation = ""
# rectify_by = 2015-04-30
# 群众满意度：满意 | 基本满意 | 不满意 | 未测评（默认）
# satisfaction = "未测评"
# 佐证材料：已完成 时必填
# evidence = [""]
# 涉密：true 时不列入公开报告
# confidential = false

# 进展情况（跟踪推进），每次一项：
# [[progress]]
# on = 2015-02-10
# text = ""

# 销号：已完成的事项经批准销号后填写
# [closure]
# approved_by = "省委整改办"
# approved_on = 2015-03-01

# 上下联动：病症在下面、病根在上面，需上级牵头解决时填写
# [linkage]
# lead_unit = "杭州市/西湖区"       # 牵头单位的机构路径（文件夹相对于根目录的路径）
# reason = ""
"#,
        directive = directive(Kind::Item, dir),
        p = PLACEHOLDER,
    )
}

/// `taplo.toml`: ties each kind of file to its JSON Schema, for taplo and Even Better TOML.
pub fn taplo() -> String {
    let rule = |include: &str, exclude: &str, kind: Kind| {
        format!(
            "[[rule]]\ninclude = [{include}]\n{exclude}schema = {{ path = \"{}\" }}\n\n",
            schema_file(kind)
        )
    };
    let mut text = String::from(
        "# 编辑器（taplo、Even Better TOML）据此补全和检查台账文件。\n\
         # 整改事项都在单位文件夹里，根目录下的 .toml 文件（如 campaign.schema 指定的检查要点文件）\n\
         # 不按整改事项检查；检查要点文件放在子文件夹时，请把它加入最后一条规则的 exclude。\n\
         # 使用自己的检查要点文件后，在根目录运行\n\
         #   huitoukan schema --json-schema item > .huitoukan/schema/item.json\n\
         #   huitoukan schema --json-schema unit > .huitoukan/schema/unit.json\n\
         # 编辑器即按其中的方面和要点检查。\n\n",
    );
    text.push_str(&rule("\"huitoukan.toml\"", "", Kind::Campaign));
    text.push_str(&rule("\"**/unit.toml\"", "", Kind::Unit));
    // Items are in units' folders, never at the root, where the campaign's schema file goes.
    text.push_str(&rule(
        "\"*/*.toml\", \"*/**/*.toml\"",
        "exclude = [\"**/unit.toml\", \"**/taplo.toml\", \"**/.taplo.toml\"]\n",
        Kind::Item,
    ));
    text.trim_end().to_owned() + "\n"
}
