//! A small records tree built from structured input: units at org paths of a pool, each with a
//! self-check and reviews; items of those units, each a valid item of a chosen status with keys
//! changed, added or removed; files named by records, and raw files at chosen places. Values
//! come from small pools (the record format's enumerations, dates, point ids, org paths) or are
//! any string. Then `check`, the rollup and every renderer.

#![no_main]

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::PathBuf;
use std::sync::OnceLock;

use arbitrary::Arbitrary;
use huitoukan::format::enums::Category;
use huitoukan::model::schema::Schema;
use huitoukan_fuzz::{Choices, exercise, put, scratch};
use libfuzzer_sys::fuzz_target;

const ORGS: &[&str] = &[
    "省直",
    "省直/省财政厅",
    "省直/省财政厅/处室",
    "杭州市",
    "杭州市/西湖区",
    "杭州市/西湖区/北山街道",
    "宁波市",
    "宁波市/余姚市",
    "a",
    "a/b",
];

const STRINGS: &[&str] = &[
    "领导班子",
    "基层党组织",
    "已完成",
    "基本完成",
    "未完成",
    "效果不理想",
    "done",
    "mostly-done",
    "open",
    "ineffective",
    "整改方案",
    "专项整治",
    "新发现",
    "督查反馈",
    "上级交办",
    "群众反映",
    "班子",
    "个人",
    "满意",
    "基本满意",
    "不满意",
    "未测评",
    "是",
    "部分",
    "否",
    "不适用",
    "yes",
    "partly",
    "no",
    "n/a",
    "督查组审核",
    "整改办抽查",
    "领导检查",
    "通过",
    "退回",
    "查漏补缺",
    "2015-02-28",
    "2015年2月28日",
    "自查报告.md",
    "./自查报告.md",
    "../自查报告.md",
    "/etc/passwd",
    "C:\\x",
    "items",
    "",
    " ",
    "1.1",
    "2.1",
    "3.3",
    "L.1",
    "G.1",
    "P.4",
    "9.9",
    "省直/",
    "/杭州市",
];

const DATES: &[&str] = &[
    "2014-12-31",
    "2015-01-20",
    "2015-02-10",
    "2015-02-28",
    "2015-03-01",
    "2015-03-10",
    "2015-03-11",
    "2015-06-30",
    "2016-02-29",
    "2015-02-30",
    "2015-02-28T09:00:00",
    "2015-02-28 09:00:00+08:00",
    "0001-01-01",
    "9999-12-31",
];

/// A table's keys, the reader's own (so a new field is fuzzed as soon as it is read), and one
/// misspelt key for the did-you-mean.
fn keys_with_typo(
    cell: &'static OnceLock<Vec<&'static str>>,
    keys: &'static [&'static str],
    typo: &'static str,
) -> &'static [&'static str] {
    cell.get_or_init(|| keys.iter().copied().chain([typo]).collect())
}

fn item_keys() -> &'static [&'static str] {
    static KEYS: OnceLock<Vec<&'static str>> = OnceLock::new();
    keys_with_typo(&KEYS, huitoukan::model::ITEM_KEYS, "complted_on")
}

fn unit_keys() -> &'static [&'static str] {
    static KEYS: OnceLock<Vec<&'static str>> = OnceLock::new();
    keys_with_typo(&KEYS, huitoukan::model::UNIT_KEYS, "leader")
}

fn campaign_keys() -> &'static [&'static str] {
    static KEYS: OnceLock<Vec<&'static str>> = OnceLock::new();
    keys_with_typo(&KEYS, huitoukan::model::CAMPAIGN_KEYS, "deadlne")
}

#[derive(Arbitrary, Debug)]
enum Text {
    Pool(u8),
    Org(u8),
    Any(String),
}

#[derive(Arbitrary, Debug)]
enum Value {
    Text(Text),
    Int(i8),
    BigInt(i64),
    Float(f64),
    Date(u8),
    Bool(bool),
    Array(Vec<Value>),
    Table(Vec<(Key, Value)>),
    /// Removes the key.
    Delete,
    /// Written as is, however broken.
    Raw(String),
}

#[derive(Arbitrary, Debug)]
enum Key {
    Known(u8),
    Any(String),
}

#[derive(Arbitrary, Debug)]
struct CampaignSpec {
    name: Option<Text>,
    deadline: u8,
    edits: Vec<(Key, Value)>,
}

#[derive(Arbitrary, Debug)]
struct Answer {
    point: Text,
    answer: u8,
    quoted: bool,
    note: Option<Text>,
}

#[derive(Arbitrary, Debug)]
struct SelfCheckSpec {
    meeting_on: Option<u8>,
    submitted_on: Option<u8>,
    report: Option<Text>,
    /// Answer every point that applies, with this answer.
    answer_all: Option<u8>,
    answers: Vec<Answer>,
}

#[derive(Arbitrary, Debug)]
struct ReviewSpec {
    kind: u8,
    on: u8,
    result: u8,
    by: Option<Text>,
}

#[derive(Arbitrary, Debug)]
struct UnitSpec {
    org: u8,
    grassroots: bool,
    batch: u8,
    name: Text,
    self_check: Option<SelfCheckSpec>,
    reviews: Vec<ReviewSpec>,
    edits: Vec<(Key, Value)>,
}

#[derive(Arbitrary, Debug)]
struct ItemSpec {
    org: u8,
    folder: u8,
    name: Text,
    status: u8,
    deadline: u8,
    points: Vec<Text>,
    linkage: Option<(Text, Option<Text>)>,
    edits: Vec<(Key, Value)>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    choices: u8,
    /// What a user types as `--org`.
    org: String,
    campaign: CampaignSpec,
    units: Vec<UnitSpec>,
    items: Vec<ItemSpec>,
    /// Files that records may name: at an org path, under a name.
    plain: Vec<(u8, Text)>,
    /// Raw files: at an org path, under a name, these bytes.
    raw: Vec<(u8, Text, Vec<u8>)>,
}

fn pick<'a>(pool: &[&'a str], i: u8) -> &'a str {
    pool[usize::from(i) % pool.len()]
}

fn org(i: u8) -> &'static str {
    pick(ORGS, i)
}

impl Text {
    fn get(&self) -> String {
        match self {
            Text::Pool(i) => pick(STRINGS, *i).to_owned(),
            Text::Org(i) => org(*i).to_owned(),
            Text::Any(s) => s.chars().take(200).collect(),
        }
    }

    /// A file or folder name: no separators, not empty.
    fn name(&self) -> String {
        let name: String = self
            .get()
            .chars()
            .filter(|c| !matches!(c, '/' | '\\' | '\0'))
            .take(40)
            .collect();
        if name.is_empty() || name == "." || name == ".." {
            "x".to_owned()
        } else {
            name
        }
    }
}

/// A TOML basic string.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn key(k: &Key, pool: &[&str]) -> String {
    let text = match k {
        Key::Known(i) => pick(pool, *i).to_owned(),
        Key::Any(s) => s.chars().take(30).collect(),
    };
    if !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        text
    } else {
        quoted(&text)
    }
}

/// A value as TOML; `None` to remove the key.
fn value(v: &Value, depth: usize) -> Option<String> {
    Some(match v {
        Value::Text(t) => quoted(&t.get()),
        Value::Int(n) => n.to_string(),
        Value::BigInt(n) => n.to_string(),
        Value::Float(f) if f.is_finite() => format!("{f:?}"),
        Value::Float(_) => "nan".to_owned(),
        Value::Date(i) => pick(DATES, *i).to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Array(items) if depth < 4 => {
            let items: Vec<String> = items
                .iter()
                .take(6)
                .filter_map(|v| value(v, depth + 1))
                .collect();
            format!("[{}]", items.join(", "))
        }
        Value::Table(entries) if depth < 4 => {
            let entries: Vec<String> = entries
                .iter()
                .take(6)
                .filter_map(|(k, v)| {
                    Some(format!(
                        "{} = {}",
                        key(k, item_keys()),
                        value(v, depth + 1)?
                    ))
                })
                .collect();
            format!("{{ {} }}", entries.join(", "))
        }
        Value::Array(_) | Value::Table(_) => "[]".to_owned(),
        Value::Delete => return None,
        Value::Raw(s) => s.chars().take(60).collect(),
    })
}

/// Top-level `key = value` lines: the base ones with the edits applied, in key order.
fn lines(base: Vec<(String, String)>, edits: &[(Key, Value)], pool: &[&str]) -> String {
    let mut entries: BTreeMap<String, String> = base.into_iter().collect();
    for (k, v) in edits.iter().take(6) {
        let k = key(k, pool);
        match value(v, 0) {
            Some(v) => entries.insert(k, v),
            None => entries.remove(&k),
        };
    }
    entries
        .into_iter()
        .map(|(k, v)| format!("{k} = {v}\n"))
        .collect()
}

fn kv(k: &str, v: String) -> (String, String) {
    (k.to_owned(), v)
}

fn campaign(spec: &CampaignSpec) -> String {
    let name = spec.name.as_ref().map_or("回头看".to_owned(), Text::get);
    let base = vec![
        kv("name", quoted(&name)),
        kv("deadline", pick(DATES, spec.deadline).to_owned()),
    ];
    format!("[campaign]\n{}", lines(base, &spec.edits, campaign_keys()))
}

const ANSWERS: &[&str] = &["是", "部分", "否", "不适用", "yes", "n/a", "可能"];

fn unit(spec: &UnitSpec, schema: &Schema) -> String {
    let batch = i64::from(spec.batch % 3);
    let category = if spec.grassroots {
        Category::Grassroots
    } else {
        Category::LeadershipBody
    };
    let base = vec![
        kv("name", quoted(&spec.name.get())),
        kv(
            "category",
            quoted(if spec.grassroots {
                "基层党组织"
            } else {
                "领导班子"
            }),
        ),
        kv("batch", batch.to_string()),
    ];
    let mut text = lines(base, &spec.edits, unit_keys());
    if let Some(sc) = &spec.self_check {
        text.push_str("\n[self_check]\n");
        if let Some(d) = sc.meeting_on {
            let _ = writeln!(text, "meeting_on = {}", pick(DATES, d));
        }
        if let Some(d) = sc.submitted_on {
            let _ = writeln!(text, "submitted_on = {}", pick(DATES, d));
        }
        if let Some(r) = &sc.report {
            let _ = writeln!(text, "report = {}", quoted(&r.get()));
        }
        text.push_str("\n[self_check.answers]\n");
        let mut seen = std::collections::HashSet::new();
        for a in sc.answers.iter().take(6) {
            let point = a.point.get();
            if !seen.insert(point.clone()) {
                continue;
            }
            let k = if a.quoted {
                quoted(&point)
            } else {
                point.clone()
            };
            let answer = quoted(pick(ANSWERS, a.answer));
            match &a.note {
                Some(note) => {
                    let _ = writeln!(
                        text,
                        "{k} = {{ answer = {answer}, note = {} }}",
                        quoted(&note.get())
                    );
                }
                None => {
                    let _ = writeln!(text, "{k} = {answer}");
                }
            }
        }
        if let Some(answer) = sc.answer_all {
            for p in &schema.points {
                if p.applies(category, batch) && seen.insert(p.id.clone()) {
                    let _ = writeln!(text, "\"{}\" = {}", p.id, quoted(pick(ANSWERS, answer)));
                }
            }
        }
    }
    for r in spec.reviews.iter().take(3) {
        text.push_str("\n[[review]]\n");
        let _ = writeln!(
            text,
            "kind = {}",
            quoted(pick(
                &["督查组审核", "整改办抽查", "领导检查", "巡视"],
                r.kind
            ))
        );
        let _ = writeln!(text, "on = {}", pick(DATES, r.on));
        let _ = writeln!(
            text,
            "result = {}",
            quoted(pick(&["通过", "退回", "查漏补缺", "good"], r.result))
        );
        if let Some(by) = &r.by {
            let _ = writeln!(text, "by = {}", quoted(&by.get()));
        }
    }
    text
}

fn item(spec: &ItemSpec) -> String {
    let status = pick(&["已完成", "基本完成", "未完成", "效果不理想"], spec.status);
    let mut base = vec![
        kv("title", quoted("文山会海问题有所反弹")),
        kv("area", "2".to_owned()),
        kv("source", quoted("整改方案")),
        kv("deadline", pick(DATES, spec.deadline).to_owned()),
        kv("status", quoted(status)),
    ];
    match status {
        "已完成" => {
            base.push(kv("completed_on", "2015-01-31".to_owned()));
            base.push(kv("evidence", "[\"会议记录\"]".to_owned()));
        }
        "基本完成" => {
            base.push(kv("completed_on", "2015-01-31".to_owned()));
            base.push(kv("consolidation", quoted("每季度通报")));
        }
        "未完成" => {
            base.push(kv("responsible", quoted("办公室")));
            base.push(kv("measures", "[\"实行会议计划管理\"]".to_owned()));
        }
        _ => base.push(kv("rectify_by", "2015-04-30".to_owned())),
    }
    if !spec.points.is_empty() {
        let points: Vec<String> = spec
            .points
            .iter()
            .take(4)
            .map(|p| quoted(&p.get()))
            .collect();
        base.push(kv("points", format!("[{}]", points.join(", "))));
    }
    let mut text = lines(base, &spec.edits, item_keys());
    if let Some((lead, reason)) = &spec.linkage {
        let _ = write!(text, "\n[linkage]\nlead_unit = {}\n", quoted(&lead.get()));
        if let Some(reason) = reason {
            let _ = writeln!(text, "reason = {}", quoted(&reason.get()));
        }
    }
    text
}

fn root() -> &'static PathBuf {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| scratch("tree"))
}

fn schema() -> &'static Schema {
    static SCHEMA: OnceLock<Schema> = OnceLock::new();
    SCHEMA.get_or_init(|| Schema::builtin().clone())
}

fn clear(root: &PathBuf) {
    if let Ok(entries) = std::fs::read_dir(root) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                let _ = std::fs::remove_dir_all(&path);
            } else {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
}

fuzz_target!(|input: Input| {
    let root = root();
    clear(root);
    put(root, "huitoukan.toml", campaign(&input.campaign).as_bytes());
    for spec in input.units.iter().take(6) {
        let rel = format!("{}/unit.toml", org(spec.org));
        put(root, &rel, unit(spec, schema()).as_bytes());
    }
    for spec in input.items.iter().take(10) {
        let folder = pick(&["items", "", "items/旧", "记录"], spec.folder);
        let mut rel = org(spec.org).to_owned();
        if !folder.is_empty() {
            rel.push('/');
            rel.push_str(folder);
        }
        let _ = write!(rel, "/{}.toml", spec.name.name());
        put(root, &rel, item(spec).as_bytes());
    }
    // A name that is already a folder is not written.
    for (at, name) in input.plain.iter().take(3) {
        let path = root.join(org(*at)).join(name.name());
        let _ = std::fs::create_dir_all(root.join(org(*at)));
        let _ = std::fs::write(path, b"# x\n");
    }
    for (at, name, bytes) in input.raw.iter().take(2) {
        let path = root.join(org(*at)).join(name.name());
        let _ = std::fs::create_dir_all(root.join(org(*at)));
        let _ = std::fs::write(path, bytes);
    }
    exercise(root, Choices::from_bits(input.choices), &[&input.org]);
});
