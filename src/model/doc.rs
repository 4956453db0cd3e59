//! The record format as JSON Schema (draft-07), for editors: taplo and Even Better TOML
//! complete and check a file while it is typed.
//!
//! These types describe the files; they are never read into. The keys are tied to the reader's
//! (`ITEM_KEYS` and the rest) and the enumerations come from [`super::enums`], so the two cannot
//! drift apart unnoticed: a test compares them, and another compares `schema/*.schema.json`
//! with what this module generates.

#![allow(dead_code)]

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::enums::{
    Answer, Category, Enumeration, Owner, ReviewKind, ReviewResult, Satisfaction, Source, Status,
};

/// Which file a schema is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Campaign,
    Unit,
    Item,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Campaign, Kind::Unit, Kind::Item];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Campaign => "campaign",
            Kind::Unit => "unit",
            Kind::Item => "item",
        }
    }
}

/// The JSON Schema of one kind of file under the built-in campaign schema, pretty-printed,
/// ending in a newline.
pub fn json_schema(kind: Kind) -> String {
    json_schema_for(kind, crate::schema::Schema::builtin())
}

/// The JSON Schema of one kind of file under the campaign schema `schema`: its area ids, point
/// ids and answerable points are enumerations, so an editor rejects `area = 9` as `check` does.
pub fn json_schema_for(kind: Kind, schema: &crate::schema::Schema) -> String {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let mut root = match kind {
        Kind::Campaign => generator.into_root_schema_for::<CampaignFile>(),
        Kind::Unit => generator.into_root_schema_for::<UnitFile>(),
        Kind::Item => generator.into_root_schema_for::<ItemFile>(),
    };
    enumerate(&mut root, kind, schema);
    // schemars writes the keywords of a schema in their customary order.
    let mut text = serde_json::to_string_pretty(&root).unwrap_or_default();
    text.push('\n');
    text
}

/// Puts the campaign schema's ids into a generated JSON Schema, where the record format leaves
/// them to the campaign.
fn enumerate(value: &mut Schema, kind: Kind, schema: &crate::schema::Schema) {
    let points: Vec<&str> = schema.points.iter().map(|p| p.id.as_str()).collect();
    match kind {
        Kind::Campaign => {}
        Kind::Item => {
            if let Some(area) = value.pointer_mut("/properties/area")
                && !schema.areas.is_empty()
            {
                let ids: Vec<i64> = schema.areas.iter().map(|a| a.id).collect();
                let titles: Vec<String> = schema
                    .areas
                    .iter()
                    .map(|a| format!("{} {}", a.id, a.title))
                    .collect();
                area["enum"] = serde_json::json!(ids);
                area["description"] = format!("所属方面（必填）：{}", titles.join(" | ")).into();
            }
            if let Some(items) = value.pointer_mut("/properties/points/items")
                && !points.is_empty()
            {
                items["enum"] = serde_json::json!(points);
            }
        }
        Kind::Unit => {
            // Only a point that some unit answers can be answered; P points are answered by
            // items.
            let answerable: Vec<&str> = schema
                .points
                .iter()
                .filter(|p| !p.applies_to.is_empty())
                .map(|p| p.id.as_str())
                .collect();
            if let Some(answers) =
                value.pointer_mut("/definitions/SelfCheckTable/properties/answers")
                && !answerable.is_empty()
            {
                answers["propertyNames"] = serde_json::json!({ "enum": answerable });
            }
        }
    }
}

fn enumeration<E: Enumeration>(description: &str) -> Schema {
    let values: Vec<&str> = E::SPELLINGS.iter().map(|(s, _)| *s).collect();
    json_schema!({ "type": "string", "enum": values, "description": description })
}

fn date(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "format": "date", "description": "日期，不加引号：2015-02-28" })
}

fn name_or_names(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "报送对象：一个名称，或名称的数组，如 [\"省直机关工委\", \"省委第三督导组\"]",
        "anyOf": [{ "type": "string" }, { "type": "array", "items": { "type": "string" } }]
    })
}

fn category(_: &mut SchemaGenerator) -> Schema {
    enumeration::<Category>("类别：领导班子 | 基层党组织")
}
fn status(_: &mut SchemaGenerator) -> Schema {
    enumeration::<Status>("整改状态：已完成 | 基本完成 | 未完成 | 效果不理想")
}
fn source(_: &mut SchemaGenerator) -> Schema {
    enumeration::<Source>("来源：整改方案 | 专项整治 | 新发现 | 督查反馈 | 上级交办 | 群众反映")
}
fn owner(_: &mut SchemaGenerator) -> Schema {
    enumeration::<Owner>("责任主体：班子（默认）| 个人")
}
fn satisfaction(_: &mut SchemaGenerator) -> Schema {
    enumeration::<Satisfaction>("群众满意度：满意 | 基本满意 | 不满意 | 未测评（默认）")
}
fn review_kind(_: &mut SchemaGenerator) -> Schema {
    enumeration::<ReviewKind>("审核方式：督查组审核 | 督导组检查 | 整改办抽查 | 领导检查")
}
fn review_result(_: &mut SchemaGenerator) -> Schema {
    enumeration::<ReviewResult>("审核结果：通过 | 退回 | 查漏补缺")
}
fn answer(_: &mut SchemaGenerator) -> Schema {
    let plain = enumeration::<Answer>(
        "自查结论：已落实 | 部分落实 | 未落实 | 不涉及（也接受 是 | 部分 | 否 | 不适用）",
    );
    json_schema!({
        "description": "逐项自查结论：\"1.1\" = \"已落实\"，或 { answer = \"部分落实\", note = \"说明\" }",
        "anyOf": [plain, {
            "type": "object",
            "properties": {
                "answer": enumeration::<Answer>("自查结论：已落实 | 部分落实 | 未落实 | 不涉及（也接受 是 | 部分 | 否 | 不适用）"),
                "note": { "type": "string", "description": "说明" }
            },
            "required": ["answer"],
            "additionalProperties": false
        }]
    })
}
fn answers(generator: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "object",
        "description": "逐项梳理：每个适用的检查要点一项，键为带引号的编号，如 \"1.1\"",
        "propertyNames": { "pattern": "^[0-9A-Za-z]+\\.[0-9]+$" },
        "additionalProperties": answer(generator)
    })
}

/// `huitoukan.toml`：本次整改落实工作
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CampaignFile {
    /// 整改落实工作
    pub campaign: CampaignTable,
}

/// [campaign]
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CampaignTable {
    /// 名称（必填），如 "教育实践活动整改落实情况回头看"
    pub name: String,
    /// 文件文号（可选），如 "浙整改办发〔2015〕2号"
    pub document: Option<String>,
    /// 报送时限（必填）：各单位在此日期前报送自查情况
    #[schemars(schema_with = "date")]
    pub deadline: String,
    /// 开始日期（可选）：方案印发日期；没有进展记录的事项从此日起算
    #[schemars(schema_with = "date", default)]
    pub opened_on: Option<String>,
    /// 地区（可选）：报告中整棵树的名称，如 "浙江省"
    pub region: Option<String>,
    /// 跟踪推进（可选）：未完成的事项最多相隔多少天须有一条进展记录
    #[schemars(range(min = 1))]
    pub progress_every: Option<u32>,
    /// 检查要点文件（可选），相对于根目录；不填则用内置的六个方面
    pub schema: Option<String>,
}

/// unit.toml：一个单位（本文件夹及其下没有自己 unit.toml 的子文件夹）
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct UnitFile {
    /// 单位名称（必填），如 "中共浙江省财政厅党组"
    pub name: String,
    /// 类别（必填）：领导班子 | 基层党组织
    #[schemars(schema_with = "category")]
    pub category: String,
    /// 批次（必填）：1 第一批（结合2014年度民主生活会）| 2 第二批（结合年度工作总结）
    #[schemars(range(min = 1, max = 2))]
    pub batch: u8,
    /// 报送对象（可选），如 "省直机关工委"
    #[schemars(schema_with = "name_or_names")]
    pub reports_to: Option<String>,
    /// 主要负责同志（可选）：担负第一责任
    pub principal: Option<String>,
    /// 下级报送时限（可选）：本单位为下级各单位规定的自查报送日期，不晚于本单位自己的时限
    #[schemars(schema_with = "date", default)]
    pub subordinates_due: Option<String>,
    /// 单位自查：完成后填写
    pub self_check: Option<SelfCheckTable>,
    /// 上级审核：督查组审核、督导组检查、整改办抽查、领导检查，每次一项 [[review]]
    pub review: Option<Vec<ReviewTable>>,
}

/// [self_check] 单位自查
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SelfCheckTable {
    /// 领导班子会议集体研究的日期
    #[schemars(schema_with = "date", default)]
    pub meeting_on: Option<String>,
    /// 自查情况报告报送日期；填写后须逐项作答所有适用的检查要点
    #[schemars(schema_with = "date", default)]
    pub submitted_on: Option<String>,
    /// 重新报送日期：审核退回后重新报送的日期
    #[schemars(schema_with = "date", default)]
    pub resubmitted_on: Option<String>,
    /// 自查报告文件，单位文件夹内的相对路径，如 "自查报告.md"
    pub report: Option<String>,
    /// 通报场合，如 "2014年度民主生活会"
    pub disclosed_in: Option<String>,
    /// 是否已公布
    pub published: Option<bool>,
    /// 逐项自查结论
    #[schemars(schema_with = "answers", default)]
    pub answers: Option<String>,
}

/// [[review]] 上级审核
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ReviewTable {
    /// 审核方式（必填）：督查组审核 | 督导组检查 | 整改办抽查 | 领导检查
    #[schemars(schema_with = "review_kind")]
    pub kind: String,
    /// 审核单位或领导，如 "省委第三督查组"
    pub by: Option<String>,
    /// 审核日期（必填），不早于自查报送日期
    #[schemars(schema_with = "date")]
    pub on: String,
    /// 审核结果（必填）：通过 | 退回 | 查漏补缺
    #[schemars(schema_with = "review_result")]
    pub result: String,
    /// 说明
    pub note: Option<String>,
}

/// 整改事项：一个文件一项
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ItemFile {
    /// 编号（可选）：默认为文件名，同一单位内不能重复
    pub id: Option<String>,
    /// 问题（必填），不能为空
    pub title: String,
    /// 所属方面（必填）：检查要点文件中的方面编号，内置为 1–6
    pub area: i64,
    /// 对应的检查要点编号，如 ["2.1", "L.1"]
    pub points: Option<Vec<String>>,
    /// 来源（必填）
    #[schemars(schema_with = "source")]
    pub source: String,
    /// 专项整治任务：来源为 专项整治 时必填
    pub special_task: Option<String>,
    /// 发现日期：来源为 新发现 时必填
    #[schemars(schema_with = "date", default)]
    pub found_on: Option<String>,
    /// 问题表现
    pub problem: Option<String>,
    /// 整改承诺
    pub commitment: Option<String>,
    /// 整改措施：状态为 未完成 时必填
    pub measures: Option<Vec<String>>,
    /// 责任主体：班子（默认）| 个人
    #[schemars(schema_with = "owner", default)]
    pub owner: Option<String>,
    /// 个人姓名：责任主体为 个人 时必填；公开报告中从不显示
    pub person: Option<String>,
    /// 责任部门或责任人：状态为 未完成 时必填
    pub responsible: Option<String>,
    /// 牵头的班子成员
    pub lead: Option<String>,
    /// 整改时限（必填）
    #[schemars(schema_with = "date")]
    pub deadline: String,
    /// 状态（必填）
    #[schemars(schema_with = "status")]
    pub status: String,
    /// 完成日期：已完成、基本完成 时必填，不晚于截至日期
    #[schemars(schema_with = "date", default)]
    pub completed_on: Option<String>,
    /// 巩固提高的具体要求：基本完成 时必填
    pub consolidation: Option<String>,
    /// 限期整改到位的日期：效果不理想 时必填
    #[schemars(schema_with = "date", default)]
    pub rectify_by: Option<String>,
    /// 群众满意度；不满意的须填写 rectify_by，限期整改到位
    #[schemars(schema_with = "satisfaction", default)]
    pub satisfaction: Option<String>,
    /// 佐证材料：已完成 时必填
    pub evidence: Option<Vec<String>>,
    /// 涉密：true 时不列入公开报告
    pub confidential: Option<bool>,
    /// 进展情况（跟踪推进），每次一项 [[progress]]
    pub progress: Option<Vec<ProgressTable>>,
    /// 销号：仅已完成的事项
    pub closure: Option<ClosureTable>,
    /// 上下联动：病症在下面、病根在上面，需上级牵头解决
    pub linkage: Option<LinkageTable>,
}

/// [[progress]] 进展情况
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ProgressTable {
    /// 日期（必填），不晚于截至日期
    #[schemars(schema_with = "date")]
    pub on: String,
    /// 进展（必填）
    pub text: String,
}

/// [closure] 销号
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ClosureTable {
    /// 批准销号的单位（必填），如 "省委整改办"
    pub approved_by: String,
    /// 销号日期（必填）：不早于完成日期，不晚于截至日期
    #[schemars(schema_with = "date")]
    pub approved_on: String,
}

/// [linkage] 上下联动
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct LinkageTable {
    /// 牵头单位的机构路径（必填），如 "杭州市/西湖区"
    pub lead_unit: String,
    /// 需上级牵头的原因
    pub reason: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        CAMPAIGN_KEYS, CLOSURE_KEYS, ITEM_KEYS, LINKAGE_KEYS, PROGRESS_KEYS, REVIEW_KEYS,
        SELF_CHECK_KEYS, UNIT_KEYS,
    };

    fn keys(kind: Kind, pointer: &str) -> Vec<String> {
        let value: serde_json::Value = serde_json::from_str(&json_schema(kind)).expect("JSON");
        let mut keys: Vec<String> = value
            .pointer(pointer)
            .and_then(|p| p.as_object())
            .unwrap_or_else(|| panic!("{pointer} in the {} schema", kind.name()))
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    }

    fn sorted(keys: &[&str]) -> Vec<String> {
        let mut keys: Vec<String> = keys.iter().map(|k| (*k).to_owned()).collect();
        keys.sort();
        keys
    }

    #[test]
    fn schemas_have_the_readers_keys() {
        assert_eq!(keys(Kind::Item, "/properties"), sorted(ITEM_KEYS));
        assert_eq!(
            keys(Kind::Item, "/definitions/LinkageTable/properties"),
            sorted(LINKAGE_KEYS)
        );
        assert_eq!(
            keys(Kind::Item, "/definitions/ProgressTable/properties"),
            sorted(PROGRESS_KEYS)
        );
        assert_eq!(
            keys(Kind::Item, "/definitions/ClosureTable/properties"),
            sorted(CLOSURE_KEYS)
        );
        assert_eq!(keys(Kind::Unit, "/properties"), sorted(UNIT_KEYS));
        assert_eq!(
            keys(Kind::Unit, "/definitions/SelfCheckTable/properties"),
            sorted(SELF_CHECK_KEYS)
        );
        assert_eq!(
            keys(Kind::Unit, "/definitions/ReviewTable/properties"),
            sorted(REVIEW_KEYS)
        );
        assert_eq!(
            keys(Kind::Campaign, "/definitions/CampaignTable/properties"),
            sorted(CAMPAIGN_KEYS)
        );
    }

    #[test]
    fn committed_schemas_match_the_code() {
        for kind in Kind::ALL {
            let path = format!(
                "{}/schema/{}.schema.json",
                env!("CARGO_MANIFEST_DIR"),
                kind.name()
            );
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                committed == json_schema(kind),
                "{path} is out of date: run `huitoukan schema --json-schema {} > {path}`",
                kind.name()
            );
        }
    }
}
