//! The files `init` and `new` write: valid records with a Chinese comment on every field, so
//! office staff can fill them in without a manual.

use jiff::civil::Date;

use crate::format::RecordKind;
use crate::format::{self, Field, Table};
use crate::model::schema::Schema;

pub use crate::format::PLACEHOLDER;

/// Where `init` puts the JSON Schemas for editors, relative to the root (a hidden folder, so
/// the walk skips it).
pub const SCHEMA_DIR: &str = ".huitoukan/schema";

/// The path of a kind's JSON Schema file, relative to the root.
pub fn schema_file(kind: RecordKind) -> String {
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
fn directive(kind: RecordKind, dir: &str) -> String {
    let up = dir
        .split('/')
        .filter(|p| !p.is_empty())
        .map(|_| "../")
        .collect::<String>();
    let here = if up.is_empty() { "./" } else { "" };
    format!("#:schema {here}{up}{}\n", schema_file(kind))
}

/// The campaign file's template: see [`fill`].
const CAMPAIGN: &str = r#"{directive}# 本次整改落实工作。带 # 的行是说明，可以删除。
[campaign]  #?: campaign
#? campaign.name
name = {name}
#? campaign.document
# document = ""
#? campaign.plan
# plan = ""
#? campaign.deadline
deadline = {deadline}
#? campaign.opened_on
# opened_on = 2015-01-15
#? campaign.region
# region = ""
#? campaign.office
# office = "省委整改办"
#? campaign.addressee
# addressee = "省委"
#? campaign.order
# order = ["杭州市", "宁波市", "温州市", "省直"]
#? campaign.progress_every
# progress_every = 30
#? campaign.schema
# schema = "areas.toml"
"#;

/// A unit's template: see [`fill`].
const UNIT: &str = r#"{directive}# 单位：本文件夹及其下没有自己 unit.toml 的子文件夹。整改事项放在 items/ 下，一个文件一项。
# 带 # 的行是说明，可以删除。

#? name
name = {name}
#? category
category = "领导班子"
#? batch
batch = 1
#? order
# order = 330100
#? reports_to
# reports_to = ""
#? principal
# principal = ""
#? subordinates_due
# subordinates_due = 2015-02-20

#? self_check
# 填写 submitted_on 后，须对每个适用的检查要点作答（huitoukan schema 列出全部要点）。
# [self_check]
# meeting_on = 2015-01-20          #?: self_check.meeting_on
# submitted_on = 2015-02-10        #?: self_check.submitted_on
# resubmitted_on = 2015-02-25      #?: self_check.resubmitted_on
# report = "自查报告.md"            #?: self_check.report
# disclosed_in = "2014年度民主生活会"  #?: self_check.disclosed_in
# published = true                 #?: self_check.published
#
#? self_check.answers
# [self_check.answers]
# "1.1" = "已落实"                 #?: self_check.answers.answer
# "2.1" = { answer = "部分落实", note = "2项问题尚未按期解决，已列入深化整改" }

#? review
# [[review]]
# kind = "督查组审核"               #?: review.kind
# by = "省委第三督查组"             #?: review.by
# on = 2015-02-15                  #?: review.on
# result = "通过"                   #?: review.result
# note = ""                        #?: review.note

#? institution
# [[institution]]
# name = "关于进一步精简会议文件的规定"  #?: institution.name
# kind = "新建"                     #?: institution.kind
# planned_by = 2015-06-30          #?: institution.planned_by
# issued_on = 2015-05-20           #?: institution.issued_on

#? assessment
# [[assessment]]
# on = 2015-03-05                  #?: assessment.on
# participants = 120               #?: assessment.participants
# satisfied = 96                   #?: assessment.satisfied
# basically_satisfied = 20         #?: assessment.basically_satisfied
# unsatisfied = 4                  #?: assessment.unsatisfied
"#;

/// An item's template: see [`fill`]; the line [`SHOWN_HERE`] stands for the fields shown in
/// reports ([`item_template`]).
const ITEM: &str = r#"{directive}# 整改事项。带 # 的行是说明，可以删除。

#? id
# id = "CZT-01"
#? title
title = {title}
#? area
{areas}area = {area}
#? points
points = {points}
#? source
source = "整改方案"
#? special_task
# special_task = "中央21项专项整治第3项"
#? found_on
# found_on = 2015-01-18
{shown}
#? measures
measures = {measures}
#? owner
# owner = "个人"
# person = ""                      #?: person
#? responsible
responsible = {responsible}
#? lead
# lead = ""
#? deadline
deadline = {deadline}
#? status
#   已完成：须填 completed_on 和 evidence；群众不满意的，须填 rectify_by 限期整改到位
#   基本完成：须填 completed_on 和 consolidation（巩固提高的具体要求）
#   未完成：须填 responsible 和 measures
#   效果不理想：须填 rectify_by（限期整改到位的日期）
status = "未完成"
# completed_on = 2015-02-20        #?: completed_on
# consolidation = ""               #?: consolidation
# rectify_by = 2015-04-30          #?: rectify_by
#? satisfaction
# satisfaction = "未测评"
#? evidence
# evidence = [""]
#? confidential
# confidential = false

#? progress
# [[progress]]
# on = 2015-02-10                  #?: progress.on
# text = ""                        #?: progress.text

#? closure
# [closure]
# approved_by = "省委整改办"        #?: closure.approved_by
# approved_on = 2015-03-01         #?: closure.approved_on

#? linkage
# [linkage]
# lead_unit = "杭州市/西湖区"       #?: linkage.lead_unit
# reason = ""                      #?: linkage.reason
"#;

/// The line of [`ITEM`] where the fields shown in reports go.
const SHOWN_HERE: &str = "{shown}\n";

/// [`ITEM`] with the fields shown in reports ([`format::SHOWN`]) in their place, each left
/// blank, under one comment that names them together (all are optional).
fn item_template() -> String {
    let keys: Vec<&str> = format::SHOWN.iter().map(|s| s.key).collect();
    let mut shown = format!("{COMMENT_LINE}{}\n", keys.join(" "));
    for key in keys {
        shown.push_str(&format!("# {key} = \"\"\n"));
    }
    ITEM.replacen(SHOWN_HERE, &shown, 1)
}

/// Where a template's comment says what a field is: a line `#? key…` (one key, or several
/// named together), or `#?: key` at the end of a line. Keys below a table are dotted paths.
const COMMENT_LINE: &str = "#? ";
const COMMENT_AFTER: &str = "#?: ";

/// A template with its comments written from the field table `file` and its blanks (`{name}`)
/// from `values`. A comment above a key is the field's description ([`Field::zh_description`]);
/// several keys on one line are named together with what they share (all are optional, say).
/// Values are put in after the comments, so nothing in them is read as a directive, and
/// every other brace stays as written.
fn fill(template: &str, file: &Table, values: &[(&str, &str)]) -> String {
    let mut text = String::with_capacity(template.len() * 2);
    for line in template.split_inclusive('\n') {
        let (line, end) = match line.strip_suffix('\n') {
            Some(line) => (line, "\n"),
            None => (line, ""),
        };
        if let Some(keys) = line.strip_prefix(COMMENT_LINE) {
            let fields: Vec<&Field> = keys.split(' ').filter_map(|k| file.path(k)).collect();
            let comment = match fields.as_slice() {
                [field] => field.zh_description(),
                [first, ..] => {
                    let names: Vec<&str> = fields.iter().map(|f| f.zh).collect();
                    format!("{}{}", names.join("、"), first.zh_required())
                }
                [] => String::new(),
            };
            text.push_str("# ");
            text.push_str(&comment);
        } else if let Some((before, key)) = line.split_once(COMMENT_AFTER) {
            put_values(&mut text, before, values);
            text.push_str("# ");
            if let Some(field) = file.path(key) {
                text.push_str(&field.zh_description());
            }
        } else {
            put_values(&mut text, line, values);
        }
        text.push_str(end);
    }
    text
}

/// `line` with every `{name}` of `values` replaced, in one pass.
fn put_values(out: &mut String, line: &str, values: &[(&str, &str)]) {
    let mut rest = line;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

pub fn campaign(name: &str, deadline: Date) -> String {
    let directive = directive(RecordKind::Campaign, "");
    let (name, deadline) = (toml_string(name), deadline.to_string());
    let values = [
        ("directive", directive.as_str()),
        ("name", name.as_str()),
        ("deadline", deadline.as_str()),
    ];
    fill(CAMPAIGN, &format::CAMPAIGN_FILE, &values)
}

pub fn unit(dir: &str, name: &str) -> String {
    let directive = directive(RecordKind::Unit, dir);
    let name = toml_string(name);
    let values = [("directive", directive.as_str()), ("name", name.as_str())];
    fill(UNIT, &format::UNIT, &values)
}

/// What an item's template says of the problem: blanks for the user to fill ([`Filled::Blank`],
/// what `new` writes, which `check` catches while they stay), or a worked example in the
/// plan's words that checks clean ([`Filled::Example`], what `init` writes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filled {
    Blank,
    Example,
}

/// The example `init` writes: a 文山会海 problem of 兑现整改承诺 (area 2, point 2.1), as a
/// 领导班子's 整改方案 lists one.
const EXAMPLE_TITLE: &str = "文山会海问题有所反弹";
const EXAMPLE_AREA: i64 = 2;
const EXAMPLE_POINTS: &[&str] = &["2.1"];
const EXAMPLE_MEASURES: &[&str] = &[
    "实行会议计划管理，全局性会议报党组审定",
    "文件实行“一文一审”，能合并的合并",
];
const EXAMPLE_RESPONSIBLE: &str = "办公室";

pub fn item(dir: &str, schema: &Schema, deadline: Date, filled: Filled) -> String {
    let areas = schema
        .areas
        .iter()
        .map(|a| format!("#   {} {}\n", a.id, comment_text(&a.title)))
        .collect::<String>();
    let strings = |list: &[&str]| {
        let quoted: Vec<String> = list.iter().map(|s| toml_string(s)).collect();
        format!("[{}]", quoted.join(", "))
    };
    // The example only where the schema has its area and point (a campaign's own schema may not).
    let example = filled == Filled::Example
        && schema.areas.iter().any(|a| a.id == EXAMPLE_AREA)
        && EXAMPLE_POINTS
            .iter()
            .all(|id| schema.points.iter().any(|p| p.id.as_str() == *id));
    let (title, area, points, measures, responsible) = if example {
        (
            toml_string(EXAMPLE_TITLE),
            EXAMPLE_AREA.to_string(),
            strings(EXAMPLE_POINTS),
            strings(EXAMPLE_MEASURES),
            toml_string(EXAMPLE_RESPONSIBLE),
        )
    } else {
        (
            toml_string(&format!("{PLACEHOLDER}问题）")),
            schema.areas.first().map_or(1, |a| a.id).to_string(),
            "[]".to_owned(),
            strings(&[&format!("{PLACEHOLDER}措施）")]),
            toml_string(&format!("{PLACEHOLDER}责任部门）")),
        )
    };
    let directive = directive(RecordKind::Item, dir);
    let deadline = deadline.to_string();
    let values = [
        ("directive", directive.as_str()),
        ("areas", areas.as_str()),
        ("area", area.as_str()),
        ("title", title.as_str()),
        ("points", points.as_str()),
        ("measures", measures.as_str()),
        ("responsible", responsible.as_str()),
        ("deadline", deadline.as_str()),
    ];
    fill(&item_template(), &format::ITEM, &values)
}

/// `taplo.toml`: ties each kind of file to its JSON Schema, for taplo and Even Better TOML.
pub fn taplo() -> String {
    let rule = |include: &str, exclude: &str, kind: RecordKind| {
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
    text.push_str(&rule("\"huitoukan.toml\"", "", RecordKind::Campaign));
    text.push_str(&rule("\"**/unit.toml\"", "", RecordKind::Unit));
    // Items are in units' folders, never at the root, where the campaign's schema file goes.
    text.push_str(&rule(
        "\"*/*.toml\", \"*/**/*.toml\"",
        "exclude = [\"**/unit.toml\", \"**/taplo.toml\", \"**/.taplo.toml\"]\n",
        RecordKind::Item,
    ));
    text.trim_end().to_owned() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::Type;

    /// The paths of every field below `table`, but the keys of an answer's inline table, which
    /// the template shows written out.
    fn paths(table: &Table, prefix: &str, out: &mut Vec<String>) {
        for field in table.fields {
            let path = format!("{prefix}{}", field.key);
            if let Some(below) = field.table()
                && !matches!(field.ty, Type::Answers(_))
            {
                paths(below, &format!("{path}."), out);
            }
            out.push(path);
        }
    }

    /// The paths the template's comments name, each checked to be a field.
    fn commented(template: &str, file: &Table) -> Vec<String> {
        let mut named = Vec::new();
        for line in template.lines() {
            let keys: Vec<&str> = if let Some(keys) = line.strip_prefix(COMMENT_LINE) {
                keys.split(' ').collect()
            } else if let Some((_, key)) = line.split_once(COMMENT_AFTER) {
                vec![key]
            } else {
                continue;
            };
            for key in &keys {
                assert!(
                    file.path(key).is_some(),
                    "`{key}` in {}'s template",
                    file.name
                );
            }
            if let [first, rest @ ..] = keys.as_slice() {
                let required = |k: &str| file.path(k).map(|f| f.zh_required());
                for key in rest {
                    assert_eq!(required(key), required(first), "{first} and {key}");
                }
            }
            named.extend(keys.iter().map(|k| (*k).to_owned()));
        }
        named.retain(|k| !k.starts_with("self_check.answers."));
        named.sort();
        named
    }

    #[test]
    fn every_field_has_its_comment_from_the_table() {
        for (template, file) in [
            (CAMPAIGN, &format::CAMPAIGN_FILE),
            (UNIT, &format::UNIT),
            (&item_template(), &format::ITEM),
        ] {
            let mut all = Vec::new();
            paths(file, "", &mut all);
            all.sort();
            assert_eq!(commented(template, file), all, "{}", file.name);
        }
    }

    #[test]
    fn comments_come_from_the_table_and_values_are_put_in_once() {
        let text = campaign("{deadline} #? name", Date::constant(2015, 2, 28));
        assert!(
            text.contains("\n# 名称（必填），如 \"教育实践活动整改落实情况回头看\"\nname = \"{deadline} #? name\"\n"),
            "{text}"
        );
        assert!(
            text.contains("\n[campaign]  # 整改落实工作（必填）\n"),
            "{text}"
        );
        let unit = unit("a/b", "x");
        assert!(
            unit.contains(
                "\n# on = 2015-02-15                  # 审核日期（必填），不早于自查报送日期\n"
            ),
            "{unit}"
        );
        assert!(
            unit.contains("# \"2.1\" = { answer = \"部分落实\", note = "),
            "{unit}"
        );
        assert!(!unit.contains("#?"), "{unit}");
    }
}
