//! The record format, declared once: every table of every kind of file, every field's key, type,
//! when it is required, the values it takes and its explanation.
//!
//! The readers' key lists (`ITEM_KEYS` and the rest) are derived from these tables at compile
//! time; the JSON Schemas ([`crate::json_schema`]), the templates' comments ([`crate::model::template`]) and
//! the field tables of docs/format.md ([`markdown`]) are generated from them, and tests hold the
//! readers to them (a required field is reported missing, a blank one empty). A new field is
//! its place in the model and its reader, its line here, and a test of what it means; an item's
//! free text shown in reports ([`Field::shown`], [`SHOWN`]) is its line here alone, which the
//! model, the reports' columns, the import and the template take from [`SHOWN`].

pub mod enums;
pub mod ledger;

use enums::{
    Allowed, Answer, Category, InstitutionKind, Owner, ReviewKind, ReviewResult, Satisfaction,
    Source, Status,
};

use crate::text::i18n::Lang;

/// How every placeholder a template leaves for the user to replace begins: a record that still
/// holds one is E035.
pub const PLACEHOLDER: &str = "（请填写";

/// The kinds of record file: a campaign's `huitoukan.toml`, a `unit.toml`, an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordKind {
    Campaign,
    Unit,
    Item,
}

impl RecordKind {
    pub const ALL: [RecordKind; 3] = [RecordKind::Campaign, RecordKind::Unit, RecordKind::Item];

    pub fn name(self) -> &'static str {
        match self {
            RecordKind::Campaign => "campaign",
            RecordKind::Unit => "unit",
            RecordKind::Item => "item",
        }
    }
}

/// What a value must be.
#[derive(Clone, Copy, Debug)]
pub enum Type {
    /// A string.
    Text,
    /// An array of strings.
    TextList,
    /// A string, or an array of strings.
    TextOrList,
    /// A bare TOML local date.
    Date,
    Bool,
    /// A whole number, within the bounds where there are any.
    Integer {
        min: Option<i64>,
        max: Option<i64>,
    },
    /// A string, one of an enumeration's spellings.
    Enum(&'static Allowed),
    /// A table.
    Table(&'static Table),
    /// An array of tables (`[[key]]`).
    Tables(&'static Table),
    /// A table keyed by check point id whose values are the first field of the given table
    /// written alone, or the whole table inline (`[self_check.answers]`).
    Answers(&'static Table),
}

/// When a field must be written.
#[derive(Clone, Copy, Debug)]
pub enum Required {
    /// Always: a missing one is E003.
    Always,
    /// Never by the reader itself.
    Never,
    /// Where another field says so (a rule of its own): in English for the docs, in Chinese
    /// for the schema and the templates.
    When { en: &'static str, zh: &'static str },
}

/// One key of a table.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub key: &'static str,
    pub ty: Type,
    pub required: Required,
    /// A blank value (an empty or white string) is an error (E003) where it is written.
    pub non_empty: bool,
    /// The value an absent field stands for, as written in a record.
    pub default: Option<&'static str>,
    /// What the field is called, in Chinese (整改时限).
    pub zh: &'static str,
    /// The Chinese explanation after the name and what says whether it is required, beginning
    /// with its own punctuation (`：…`, `，如 …`); may be empty.
    pub zh_note: &'static str,
    /// What the field means, in English: docs/format.md's `meaning` column.
    pub en: &'static str,
    /// What docs/format.md's `values` column says beside what the type and the default say.
    pub en_values: &'static str,
    /// An item's optional free text that no rule reads, shown as it is written in the reports'
    /// lists of items (and the workbook's ledger, which imports it back): its column's heading.
    pub shown: Option<Label>,
}

/// A report column's heading, in each language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Label {
    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

impl Field {
    const fn new(key: &'static str, ty: Type, required: Required, zh: &'static str) -> Field {
        Field {
            key,
            ty,
            required,
            non_empty: false,
            default: None,
            zh,
            zh_note: "",
            en: "",
            en_values: "",
            shown: None,
        }
    }

    const fn non_empty(mut self) -> Field {
        self.non_empty = true;
        self
    }

    const fn default(mut self, value: &'static str) -> Field {
        self.default = Some(value);
        self
    }

    const fn note(mut self, zh_note: &'static str) -> Field {
        self.zh_note = zh_note;
        self
    }

    const fn en(mut self, meaning: &'static str) -> Field {
        self.en = meaning;
        self
    }

    const fn values(mut self, values: &'static str) -> Field {
        self.en_values = values;
        self
    }

    /// Shown in reports under `zh` and `en` ([`Field::shown`]): optional free text only.
    const fn shown(mut self, zh: &'static str, en: &'static str) -> Field {
        assert!(
            matches!(self.ty, Type::Text) && matches!(self.required, Required::Never),
            "a field shown in reports is optional free text"
        );
        self.shown = Some(Label { zh, en });
        self
    }

    /// `（必填）`, `（可选）` or the condition: what says whether the field is required.
    pub fn zh_required(&self) -> String {
        match self.required {
            Required::Always => "（必填）".to_owned(),
            Required::Never => "（可选）".to_owned(),
            Required::When { zh, .. } => format!("（{zh}）"),
        }
    }

    /// `：a | b | c`: an enumeration's canonical values, the default marked; empty for other
    /// types.
    pub fn zh_values(&self) -> String {
        let Type::Enum(allowed) = self.ty else {
            return String::new();
        };
        let values: Vec<String> = allowed
            .values
            .iter()
            .map(|v| match self.default {
                Some(d) if d == *v => format!("{v}（默认）"),
                _ => (*v).to_owned(),
            })
            .collect();
        format!("：{}", values.join(" | "))
    }

    /// The name, whether it is required and the values: a template's comment beside a key.
    pub fn zh_short(&self) -> String {
        format!("{}{}{}", self.zh, self.zh_required(), self.zh_values())
    }

    /// The whole Chinese explanation: the JSON Schema's description and a template's comment
    /// above a key.
    pub fn zh_description(&self) -> String {
        format!("{}{}", self.zh_short(), self.zh_note)
    }

    /// The table a table-valued field holds.
    pub fn table(&self) -> Option<&'static Table> {
        match self.ty {
            Type::Table(t) | Type::Tables(t) | Type::Answers(t) => Some(t),
            _ => None,
        }
    }
}

/// A table of a record, or a whole file.
#[derive(Clone, Copy, Debug)]
pub struct Table {
    /// The key path in a record (`self_check`, `review`), or the file's kind (`item`): the name
    /// of its field table in docs/format.md.
    pub name: &'static str,
    /// Its name in a JSON Schema (`ItemFile`, `SelfCheckTable`).
    pub title: &'static str,
    /// Its description in a JSON Schema.
    pub zh: &'static str,
    pub fields: &'static [Field],
}

impl Table {
    pub fn field(&self, key: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The field at a dotted path below this table: `review.kind`.
    pub fn path(&self, path: &str) -> Option<&'static Field> {
        let (head, rest) = match path.split_once('.') {
            Some((head, rest)) => (head, Some(rest)),
            None => (path, None),
        };
        let field = self.field(head)?;
        match rest {
            None => Some(field),
            Some(rest) => field.table()?.path(rest),
        }
    }
}

/// The keys of `fields`, in order: the readers' key lists, made at compile time.
pub const fn keys<const N: usize>(fields: &[Field]) -> [&'static str; N] {
    assert!(fields.len() == N);
    let mut keys = [""; N];
    let mut i = 0;
    while i < N {
        keys[i] = fields[i].key;
        i += 1;
    }
    keys
}

/// A table's keys as a `&'static [&'static str]`, made at compile time by [`keys`].
macro_rules! keys_of {
    ($table:path) => {
        &$crate::format::keys::<{ $table.fields.len() }>($table.fields)
    };
}
pub(crate) use keys_of;

use Required::{Always, Never};
use Type::{Bool, Date, Integer, Text, TextList, TextOrList};

const fn when(en: &'static str, zh: &'static str) -> Required {
    Required::When { en, zh }
}

const ANY_INTEGER: Type = Integer {
    min: None,
    max: None,
};

/// `huitoukan.toml`.
pub const CAMPAIGN_FILE: Table = Table {
    name: "campaign_file",
    title: "CampaignFile",
    zh: "`huitoukan.toml`：本次整改落实工作",
    fields: &[
        Field::new("campaign", Type::Table(&CAMPAIGN), Always, "整改落实工作").en("the campaign"),
    ],
};

/// `[campaign]`.
pub const CAMPAIGN: Table = Table {
    name: "campaign",
    title: "CampaignTable",
    zh: "[campaign] 整改落实工作",
    fields: &[
        Field::new("name", Text, Always, "名称")
            .non_empty()
            .note("，如 \"教育实践活动整改落实情况回头看\"")
            .en("the campaign's name"),
        Field::new("document", Text, Never, "文件文号")
            .note("，如 \"浙整改办发〔2015〕2号\"")
            .en("the document that sets it up (文号)"),
        Field::new("plan", Text, Never, "方案名称")
            .non_empty()
            .note("：报告所依据的方案，如 \"开展教育实践活动整改落实情况“回头看”的实施方案\"；报告写作“根据《方案名称》（文号）”")
            .en("the plan the reports answer to, written in reports as 根据《plan》（document）"),
        Field::new("deadline", Date, Always, "报送时限")
            .note("：各单位在此日期前报送自查情况；日期不加引号，写作 年-月-日")
            .en("the date by which the top-level units report their self-check (报送截止日期); each unit sets the date of the units below it with `subordinates_due`"),
        Field::new("opened_on", Date, Never, "开始日期")
            .note("：方案印发日期；没有进展记录的事项从此日起算")
            .en("the campaign's start: how long an item without progress entries and without `found_on` has gone without progress counts from here (W007)"),
        Field::new("region", Text, Never, "地区")
            .non_empty()
            .note("：报告中全台账的称谓，如 \"浙江省\" 写作“全省”")
            .en("what the whole tree is called in reports (全省 → `浙江省`)"),
        Field::new("office", Text, Never, "整改办")
            .non_empty()
            .note("：全台账报送的办公室，单位的 reports_to 写此名称即报送至此；不填则为 \"省委整改办\"")
            .en("the office the whole tree reports to (its reporting units are those with no unit above them and those whose `reports_to` names it); absent: `省委整改办`"),
        Field::new("addressee", Text, Never, "主送机关")
            .non_empty()
            .note("：情况报告（--format docx）的主送机关；不填则为 \"省委\"")
            .en("whom the 情况报告 (`report --format docx`) is addressed to (主送); absent: `省委`"),
        Field::new("order", TextList, Never, "单位次序")
            .note("：报告中同级单位的先后次序，写文件夹名，如 [\"杭州市\", \"宁波市\", \"省直\"]；未列出的按 unit.toml 的 order，再按拼音排在后面")
            .en("the order of sibling folders in reports, by folder name (`[\"杭州市\", \"宁波市\", \"省直\"]`); a unit's own `order` comes first, and folders named nowhere follow in pinyin order"),
        Field::new("progress_every", Integer { min: Some(1), max: None }, Never, "跟踪推进")
            .note("：未完成的事项最多相隔多少天须有一条进展记录")
            .en("days an unfinished item (`未完成`, `效果不理想`) may go without a `[[progress]]` entry before W007 (跟踪推进); absent: no limit"),
        Field::new("schema", Text, Never, "检查要点文件")
            .note("：相对于根目录的路径，格式同内置的 schema/areas.toml；不填则使用内置的六个方面（浙整改办发〔2015〕2号）")
            .en("a campaign schema file, relative to the root (section 3); absent: the built-in schema"),
    ],
};

/// `unit.toml`.
pub const UNIT: Table = Table {
    name: "unit",
    title: "UnitFile",
    zh: "unit.toml：一个单位（本文件夹及其下没有自己 unit.toml 的子文件夹）",
    fields: &[
        Field::new("name", Text, Always, "单位名称")
            .non_empty()
            .note("，如 \"中共浙江省财政厅党组\"")
            .en("the unit's full name: `中共浙江省财政厅党组`, `中共杭州市西湖区委`"),
        Field::new("category", Type::Enum(&Category::ALLOWED), Always, "类别")
            .en("the kind of subject: a party committee or leading party group (党委（党组）领导班子), or a village or community party organisation (村、社区等基层党组织)"),
        Field::new("batch", Integer { min: Some(1), max: Some(2) }, Always, "批次")
            .note("：1 第一批（结合2014年度民主生活会）| 2 第二批（结合年度工作总结）")
            .en("第一批活动单位 (look back with the 2014 民主生活会) or 第二批 (with the 年度工作总结)"),
        Field::new("order", Integer { min: Some(0), max: None }, Never, "排序号")
            .note("：报告中在同级单位中的次序，地区写 GB/T 2260 行政区划代码，如杭州市 330100、宁波市 330200")
            .en("its place among its siblings in reports: for a region its GB/T 2260 code (杭州市 330100, 宁波市 330200); before the campaign's `order` list and pinyin order"),
        Field::new("reports_to", TextOrList, Never, "报送对象")
            .note("：自查情况报给谁；同时分别报多处的写成数组，如 [\"省直机关工委\", \"省委第三督导组\"]")
            .en("where its self-check report goes (报上级党组织和督查组审核; 省直 units 同时分别报): `\"省委第一督查组\"`, `[\"省直机关工委\", \"省委第三督导组\"]`"),
        Field::new("principal", Text, Never, "主要负责同志")
            .note("：担负第一责任")
            .en("主要负责同志, who bears the first responsibility"),
        Field::new("subordinates_due", Date, Never, "下级报送时限")
            .note("：本单位为下级各单位规定的自查报送日期，不晚于本单位自己的时限")
            .en("the date this unit sets for the self-check reports of every unit below it in the tree; not after the unit's own due date (E032)"),
        Field::new("self_check", Type::Table(&SELF_CHECK), Never, "单位自查")
            .note("：召开领导班子会议集体研究、逐项梳理后填写")
            .en("the self-check (单位自查), below"),
        Field::new("review", Type::Tables(&REVIEW), Never, "上级审核")
            .note("：督查组审核、督导组检查、整改办抽查、领导检查，每次一项 [[review]]")
            .en("checks from above, below"),
        Field::new("institution", Type::Tables(&INSTITUTION), Never, "建章立制")
            .note("：制度建设“计划书”中的每项制度一项 [[institution]]")
            .en("the institutions of its 制度建设“计划书”, one `[[institution]]` each, below"),
        Field::new("assessment", Type::Tables(&ASSESSMENT), Never, "满意度测评")
            .note("：每次群众满意度测评一项 [[assessment]]")
            .en("each 满意度测评 it held, one `[[assessment]]` each, below"),
    ],
};

/// `[self_check]`.
pub const SELF_CHECK: Table = Table {
    name: "self_check",
    title: "SelfCheckTable",
    zh: "[self_check] 单位自查",
    fields: &[
        Field::new("meeting_on", Date, Never, "领导班子会议日期")
            .note("：集体研究自查的会议")
            .en("the 领导班子会议 that studied the self-check collectively (集体研究)"),
        Field::new("submitted_on", Date, Never, "自查情况报告报送日期")
            .note("；填写后须逐项作答所有适用的检查要点")
            .en("the day the 自查情况报告 was submitted; setting it marks the unit as submitted"),
        Field::new("resubmitted_on", Date, Never, "重新报送日期")
            .note("：审核退回后重新报送的日期")
            .en("the day it was submitted again after a review returned it (退回); needs a `退回` review on or before it (E033)"),
        Field::new("report", Text, Never, "自查报告")
            .non_empty()
            .note("：单位文件夹内的相对路径，如 \"自查报告.md\"")
            .en("the report itself: a path relative to the unit's folder (`自查报告.md`), any file type; it must exist (E019) and stay inside the unit's folder, with no `..` and no absolute path (E020)"),
        Field::new("disclosed_in", Text, Never, "通报场合")
            .note("，如 \"2014年度民主生活会\"")
            .en("where it was reported (通报): `2014年度民主生活会`, `年度工作总结会`, `党员大会`"),
        Field::new("published", Bool, Never, "是否已公布")
            .en("whether it was made public (公布, 开门整改)"),
        Field::new("answers", Type::Answers(&ANSWER), Never, "逐项自查结论")
            .note("：每个适用的检查要点一项，编号必须加引号，如 \"1.1\"")
            .en("one answer per applicable check point (逐项梳理), below"),
    ],
};

/// One answer of `[self_check.answers]` written as an inline table; written alone, the value is
/// its `answer`.
pub const ANSWER: Table = Table {
    name: "answer",
    title: "AnswerTable",
    zh: "逐项自查结论：\"1.1\" = \"已落实\"，或 { answer = \"部分落实\", note = \"说明\" }",
    fields: &[
        Field::new("answer", Type::Enum(&Answer::ALLOWED), Always, "自查结论")
            .note("（也接受 是 | 部分 | 否 | 不适用）")
            .en("the answer"),
        Field::new("note", Text, Never, "说明").en("what the answer needs said"),
    ],
};

/// `[[review]]`.
pub const REVIEW: Table = Table {
    name: "review",
    title: "ReviewTable",
    zh: "[[review]] 上级审核",
    fields: &[
        Field::new("kind", Type::Enum(&ReviewKind::ALLOWED), Always, "审核方式")
            .en("review by a 督查组 (the second batch), check by the 督导组 that guided a first-batch unit's 民主生活会, spot check by a rectification office, check by a leader"),
        Field::new("by", Text, Never, "审核单位或领导")
            .note("，如 \"省委第三督查组\"")
            .en("who: `省委第三督查组`, `省委整改办`"),
        Field::new("on", Date, Always, "审核日期")
            .note("，不早于自查报送日期")
            .en("the day of the review"),
        Field::new("result", Type::Enum(&ReviewResult::ALLOWED), Always, "审核结果")
            .en("passed, sent back, gaps to fill"),
        Field::new("note", Text, Never, "说明").en("what the review found or asks"),
    ],
};

/// `[[institution]]`.
pub const INSTITUTION: Table = Table {
    name: "institution",
    title: "InstitutionTable",
    zh: "[[institution]] 建章立制",
    fields: &[
        Field::new("name", Text, Always, "制度名称")
            .non_empty()
            .note("，如 \"关于进一步精简会议文件的规定\"")
            .en("the institution's name"),
        Field::new(
            "kind",
            Type::Enum(&InstitutionKind::ALLOWED),
            Always,
            "类型",
        )
        .en("new, revised, or repealed"),
        Field::new("planned_by", Date, Always, "计划出台时间")
            .en("the date the 计划书 sets for it"),
        Field::new("issued_on", Date, Never, "出台日期")
            .note("：未出台的不填")
            .en("the day it was issued; absent while it is not"),
    ],
};

/// `[[assessment]]`.
pub const ASSESSMENT: Table = Table {
    name: "assessment",
    title: "AssessmentTable",
    zh: "[[assessment]] 满意度测评",
    fields: &[
        Field::new("on", Date, Always, "测评日期").en("the day of the assessment"),
        Field::new(
            "participants",
            Integer {
                min: Some(1),
                max: None,
            },
            Always,
            "参加测评人数",
        )
        .en("how many took part"),
        Field::new(
            "satisfied",
            Integer {
                min: Some(0),
                max: None,
            },
            Always,
            "满意票数",
        )
        .en("votes 满意"),
        Field::new(
            "basically_satisfied",
            Integer {
                min: Some(0),
                max: None,
            },
            Always,
            "基本满意票数",
        )
        .en("votes 基本满意"),
        Field::new(
            "unsatisfied",
            Integer {
                min: Some(0),
                max: None,
            },
            Always,
            "不满意票数",
        )
        .note("；三项票数之和不超过参加人数")
        .en("votes 不满意; the three add up to at most `participants` (E037)"),
    ],
};

const SOURCE_SPECIAL: Required = when("when `source = \"专项整治\"`", "来源为 专项整治 时必填");
const SOURCE_NEW: Required = when("when `source = \"新发现\"`", "来源为 新发现 时必填");
const STATUS_OPEN: Required = when(
    "when `status = \"未完成\"` (non-empty)",
    "状态为 未完成 时必填",
);

/// An item file.
pub const ITEM: Table = Table {
    name: "item",
    title: "ItemFile",
    zh: "整改事项：一个文件一项",
    fields: &[
        Field::new("id", Text, Never, "编号")
            .non_empty()
            .note("：默认为文件名，同一单位内不能重复")
            .values("default: the file's stem")
            .en("unique within the unit (E016)"),
        Field::new("title", Text, Always, "问题")
            .non_empty()
            .note("，不能为空")
            .en("the problem in a line"),
        Field::new("area", ANY_INTEGER, Always, "所属方面")
            .note("：填检查要点文件中方面的编号")
            .values("an area id of the schema (E008)")
            .en("主要内容 the item belongs to"),
        Field::new("points", TextList, Never, "对应的检查要点编号")
            .note("，如 [\"2.1\", \"L.1\"]；huitoukan schema 列出全部要点")
            .values("point ids of the schema (E008); any point, L, G and P included")
            .en("the check points the item answers; used to cover 否/部分 answers"),
        Field::new("source", Type::Enum(&Source::ALLOWED), Always, "来源")
            .en("where the item came from"),
        Field::new("special_task", Text, SOURCE_SPECIAL, "专项整治任务")
            .en("which special campaign: `中央21项专项整治：…`, `省委“八项专项整治”：…`"),
        Field::new("found_on", Date, SOURCE_NEW, "发现日期")
            .en("when the problem was newly found (纳入整改)"),
        Field::new("problem", Text, Never, "问题表现")
            .en("the problem as found")
            .shown("问题", "problem"),
        Field::new("commitment", Text, Never, "整改承诺")
            .en("整改承诺")
            .shown("整改承诺", "commitment"),
        Field::new("measures", TextList, STATUS_OPEN, "整改措施").en("整改措施"),
        Field::new("owner", Type::Enum(&Owner::ALLOWED), Never, "责任主体")
            .default("班子")
            .note("；为 个人 时须填写 person（公开报告中不显示）")
            .en("the leadership body's item, or a cadre's own (党员干部个人整改清单)"),
        Field::new(
            "person",
            Text,
            when("when `owner = \"个人\"`", "责任主体为 个人 时必填"),
            "个人姓名",
        )
        .note("；公开报告中从不显示")
        .en("the cadre; never shown in a public report"),
        Field::new("responsible", Text, STATUS_OPEN, "责任部门或责任人").en("责任部门或责任人"),
        Field::new("lead", Text, Never, "牵头的班子成员").en("the 班子成员 who leads it"),
        Field::new("deadline", Date, Always, "整改时限")
            .note("，日期不加引号")
            .en("整改时限"),
        Field::new("status", Type::Enum(&Status::ALLOWED), Always, "状态")
            .en("the state of the rectification"),
        Field::new(
            "completed_on",
            Date,
            when(
                "when `status` is `已完成` or `基本完成`",
                "状态为 已完成、基本完成 时必填",
            ),
            "完成日期",
        )
        .note("，不晚于今天")
        .values("not after today (E012); a report as of an earlier day counts the item open")
        .en("when it was done"),
        Field::new(
            "consolidation",
            Text,
            when(
                "when `status = \"基本完成\"` (non-empty)",
                "状态为 基本完成 时必填",
            ),
            "巩固提高的具体要求",
        )
        .en("巩固提高的具体要求"),
        Field::new(
            "rectify_by",
            Date,
            when(
                "when `status = \"效果不理想\"`, and for any item still `不满意` (E029)",
                "状态为 效果不理想 或群众不满意时必填",
            ),
            "限期整改到位的日期",
        )
        .en("限期整改到位: the new date by which it must be fixed"),
        Field::new(
            "satisfaction",
            Type::Enum(&Satisfaction::ALLOWED),
            Never,
            "群众满意度",
        )
        .default("未测评")
        .note("；不满意的须填写 rectify_by，限期整改到位")
        .en("群众满意度"),
        Field::new(
            "evidence",
            TextList,
            when(
                "when `status = \"已完成\"` (non-empty)",
                "状态为 已完成 时必填",
            ),
            "佐证材料",
        )
        .en("佐证材料, free text"),
        Field::new("confidential", Bool, Never, "不宜公开")
            .default("false")
            .note("：true 时不列入公开报告（涉密材料不得放入台账）")
            .en("`true`: not for publication (不宜公开), left out of the list of public reports (`report --public`); classified (涉密) material never belongs in the records"),
        Field::new("progress", Type::Tables(&PROGRESS), Never, "进展情况")
            .note("：跟踪推进，每次一项 [[progress]]")
            .en("进展情况 (跟踪推进), below"),
        Field::new("closure", Type::Table(&CLOSURE), Never, "销号")
            .note("：已完成的事项经批准销号后填写")
            .en("销号, below"),
        Field::new("linkage", Type::Table(&LINKAGE), Never, "上下联动")
            .note("：病症在下面、病根在上面，需上级牵头解决时填写")
            .en("上下联动, below"),
    ],
};

/// A field of an item shown in reports as it is written ([`Field::shown`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown {
    pub key: &'static str,
    /// The heading of its column.
    pub label: Label,
}

/// The fields of an item shown in reports as they are written, in [`ITEM`]'s order: the
/// model keeps one value of each ([`crate::model::Item::shown`]), and the reports' lists of
/// items, the ledger the import reads back and the item template show each.
pub const SHOWN: [Shown; shown_count(ITEM.fields)] = shown_fields(ITEM.fields);

const fn shown_count(fields: &[Field]) -> usize {
    let (mut count, mut i) = (0, 0);
    while i < fields.len() {
        if fields[i].shown.is_some() {
            count += 1;
        }
        i += 1;
    }
    count
}

/// The shown fields of `fields`, made at compile time ([`SHOWN`]).
const fn shown_fields<const N: usize>(fields: &[Field]) -> [Shown; N] {
    let blank = Label { zh: "", en: "" };
    let mut out = [Shown {
        key: "",
        label: blank,
    }; N];
    let (mut at, mut i) = (0, 0);
    while i < fields.len() {
        if let Some(label) = fields[i].shown {
            out[at] = Shown {
                key: fields[i].key,
                label,
            };
            at += 1;
        }
        i += 1;
    }
    out
}

/// `[[progress]]`.
pub const PROGRESS: Table = Table {
    name: "progress",
    title: "ProgressTable",
    zh: "[[progress]] 进展情况",
    fields: &[
        Field::new("on", Date, Always, "日期")
            .note("，不晚于今天")
            .en("the day; not after today (E030)"),
        Field::new("text", Text, Always, "进展")
            .non_empty()
            .en("what was done"),
    ],
};

/// `[closure]`.
pub const CLOSURE: Table = Table {
    name: "closure",
    title: "ClosureTable",
    zh: "[closure] 销号",
    fields: &[
        Field::new("approved_by", Text, Always, "批准销号的单位")
            .non_empty()
            .note("，如 \"省委整改办\"")
            .en("who approved it: `省委整改办`"),
        Field::new("approved_on", Date, Always, "销号日期")
            .note("：不早于完成日期，不晚于今天")
            .en("the day; not before `completed_on`, not after today (E031)"),
    ],
};

/// `[linkage]`.
pub const LINKAGE: Table = Table {
    name: "linkage",
    title: "LinkageTable",
    zh: "[linkage] 上下联动",
    fields: &[
        Field::new("lead_unit", Text, Always, "牵头单位")
            .non_empty()
            .note("：机构路径，即其文件夹相对于根目录的路径，如 \"杭州市/西湖区\"")
            .en("the org path of the unit that must lead the fix: `宁波市/余姚市`, `省直/省直机关工委/省民政厅`"),
        Field::new("reason", Text, Never, "需上级牵头的原因").en("why the fix lies there"),
    ],
};

/// Every table of the format, each once, files first: the field tables of docs/format.md.
pub const TABLES: &[&Table] = &[
    &CAMPAIGN_FILE,
    &CAMPAIGN,
    &UNIT,
    &SELF_CHECK,
    &ANSWER,
    &REVIEW,
    &ITEM,
    &PROGRESS,
    &CLOSURE,
    &LINKAGE,
];

/// A table's fields as a Markdown table (key, type, required, values where any, meaning), in
/// docs/format.md's words.
pub fn markdown(table: &Table) -> String {
    let values: Vec<String> = table.fields.iter().map(en_values).collect();
    let with_values = values.iter().any(|v| !v.is_empty());
    let mut text = if with_values {
        "| key | type | required | values | meaning |\n|---|---|---|---|---|\n".to_owned()
    } else {
        "| key | type | required | meaning |\n|---|---|---|---|\n".to_owned()
    };
    for (field, values) in table.fields.iter().zip(values) {
        let required = match (field.required, field.non_empty) {
            (Required::Always, false) => "yes",
            (Required::Always, true) => "yes, non-empty",
            (Required::Never, false) => "no",
            (Required::Never, true) => "no, non-empty if given",
            (Required::When { en, .. }, _) => en,
        };
        let key = format!("`{}`", field.key);
        let mut cells = vec![key, en_type(&field.ty), required.to_owned()];
        if with_values {
            cells.push(values);
        }
        cells.push(field.en.to_owned());
        for cell in cells {
            text.push('|');
            if cell.is_empty() {
                text.push(' ');
            } else {
                text.push_str(&format!(" {cell} "));
            }
        }
        text.push_str("|\n");
    }
    text
}

fn en_type(ty: &Type) -> String {
    match ty {
        Type::Text | Type::Enum(_) => "string".to_owned(),
        Type::TextList => "array of strings".to_owned(),
        Type::TextOrList => "string or array of strings".to_owned(),
        Type::Date => "date".to_owned(),
        Type::Bool => "boolean".to_owned(),
        // A lower bound alone is said with the type; both bounds are the values.
        Type::Integer {
            min: Some(min),
            max: None,
        } => format!("integer, {min} or more"),
        Type::Integer { .. } => "integer".to_owned(),
        Type::Table(_) | Type::Answers(_) => "table".to_owned(),
        Type::Tables(_) => "array of tables".to_owned(),
    }
}

/// The `values` cell: what the type allows, the default, and the field's own words.
fn en_values(field: &Field) -> String {
    let mut parts = Vec::new();
    match field.ty {
        Type::Enum(allowed) => {
            let list = |values: &mut dyn Iterator<Item = &str>| {
                values.map(|v| format!("`{v}`")).collect::<Vec<_>>()
            };
            let mut values = list(&mut allowed.values.iter().copied()).join(" \\| ");
            let aliases = list(&mut allowed.aliases());
            if !aliases.is_empty() {
                values.push_str(&format!(" (aliases {})", aliases.join(", ")));
            }
            parts.push(values);
        }
        Type::Integer {
            min: Some(min),
            max: Some(max),
        } => parts.push(
            (min..=max)
                .map(|v| format!("`{v}`"))
                .collect::<Vec<_>>()
                .join(" \\| "),
        ),
        _ => {}
    }
    if let Some(default) = field.default {
        parts.push(format!("default `{default}`"));
    }
    if !field.en_values.is_empty() {
        parts.push(field.en_values.to_owned());
    }
    parts.join("; ")
}

/// Every enumerated field of the format (and every integer with both bounds): its values and
/// the other spellings read, as a Markdown table.
pub fn markdown_values() -> String {
    let mut text = "| field | values | aliases accepted on input |\n|---|---|---|\n".to_owned();
    let list = |values: &mut dyn Iterator<Item = String>| values.collect::<Vec<_>>().join(", ");
    for table in TABLES {
        for field in table.fields {
            let (values, aliases) = match field.ty {
                Type::Enum(allowed) => (
                    list(&mut allowed.values.iter().map(|v| format!("`{v}`"))),
                    list(&mut allowed.aliases().map(|v| format!("`{v}`"))),
                ),
                Type::Integer {
                    min: Some(min),
                    max: Some(max),
                } => (
                    format!(
                        "{} (integers)",
                        list(&mut (min..=max).map(|v| format!("`{v}`")))
                    ),
                    String::new(),
                ),
                _ => continue,
            };
            let name = match table.name {
                "answer" => "answers".to_owned(),
                "campaign" | "unit" | "item" => format!("`{}`", field.key),
                other => format!("`{other}.{}`", field.key),
            };
            let aliases = if aliases.is_empty() {
                " ".to_owned()
            } else {
                format!(" {aliases} ")
            };
            text.push_str(&format!("| {name} | {values} |{aliases}|\n"));
        }
    }
    text
}

/// `text` with each field table between its markers (`<!-- fields:item -->` …
/// `<!-- /fields:item -->`), and the table of values between `<!-- values -->` and
/// `<!-- /values -->`, generated again; a marker that is missing is left so.
pub fn fill_markdown(text: &str) -> String {
    let mut text = text.to_owned();
    for table in TABLES {
        let open = format!("<!-- fields:{} -->\n", table.name);
        let close = format!("<!-- /fields:{} -->", table.name);
        let Some(start) = text.find(&open).map(|s| s + open.len()) else {
            continue;
        };
        let Some(end) = text[start..].find(&close).map(|e| start + e) else {
            continue;
        };
        text.replace_range(start..end, &markdown(table));
    }
    let (open, close) = ("<!-- values -->\n", "<!-- /values -->");
    if let Some(start) = text.find(open).map(|s| s + open.len())
        && let Some(end) = text[start..].find(close).map(|e| start + e)
    {
        text.replace_range(start..end, &markdown_values());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every table in docs/format.md but the file-level ones, which the prose says.
    const DOCUMENTED: &[&str] = &[
        "campaign",
        "unit",
        "self_check",
        "review",
        "item",
        "progress",
        "closure",
        "linkage",
    ];

    #[test]
    fn format_md_shows_the_field_tables() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/format.md");
        let committed = std::fs::read_to_string(path).expect("docs/format.md");
        for name in DOCUMENTED {
            assert!(
                committed.contains(&format!("<!-- fields:{name} -->\n"))
                    && committed.contains(&format!("<!-- /fields:{name} -->")),
                "docs/format.md has no markers for the `{name}` table"
            );
        }
        assert!(
            committed.contains("<!-- values -->\n") && committed.contains("<!-- /values -->"),
            "docs/format.md has no markers for the table of values"
        );
        let generated = fill_markdown(&committed);
        if std::env::var_os("HUITOUKAN_BLESS").is_some() {
            std::fs::write(path, &generated).expect("write docs/format.md");
            return;
        }
        assert!(
            committed == generated,
            "docs/format.md's field tables differ from src/format/mod.rs: run \
             `HUITOUKAN_BLESS=1 cargo test --lib format_md` and commit the file"
        );
    }

    #[test]
    fn keys_are_unique_and_paths_resolve() {
        for table in TABLES {
            for (i, field) in table.fields.iter().enumerate() {
                assert!(
                    table.fields[..i].iter().all(|f| f.key != field.key),
                    "{}.{} twice",
                    table.name,
                    field.key
                );
            }
        }
        assert_eq!(UNIT.path("review.kind").map(|f| f.zh), Some("审核方式"));
        assert_eq!(ITEM.path("linkage.reason").map(|f| f.key), Some("reason"));
        assert!(ITEM.path("linkage.nothing").is_none());
        assert!(ITEM.path("title.x").is_none());
    }

    #[test]
    fn an_enumeration_lists_its_values_with_the_default_marked() {
        let owner = ITEM.field("owner").expect("owner");
        assert_eq!(
            owner.zh_description(),
            "责任主体（可选）：班子（默认） | 个人；为 个人 时须填写 person（公开报告中不显示）"
        );
        assert_eq!(
            en_values(owner),
            "`班子` \\| `个人` (aliases `班子整改`, `个人整改`); default `班子`"
        );
        let special = ITEM.field("special_task").expect("special_task");
        assert_eq!(
            special.zh_description(),
            "专项整治任务（来源为 专项整治 时必填）"
        );
    }
}
