//! The typed model of a records tree: the campaign, its units and their items.
//!
//! Every value keeps the byte span it came from, so rules can point at it. Fields that a file
//! may lack are `Option`s: the model holds whatever was readable, and the rules say what is
//! missing.

pub mod fields;
pub mod json_schema;
pub mod point;
pub mod records;
pub mod schema;
pub mod status;
pub mod template;

use std::ops::Range;

use compact_str::CompactString;
use jiff::civil::Date;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::Code;
use crate::format::enums::{
    Answer, Category, InstitutionKind, Owner, ReviewKind, ReviewResult, Satisfaction, Source,
    Status,
};
use crate::format::{self, enums};
use crate::load::source::FileId;
use crate::text::messages::fields::{FieldMsg, ValueKind};
use fields::{Fields, Sink, kind_of, read_enum};
pub use fields::{Text, TextList};
pub use point::PointId;

pub use crate::diagnostic::span::{Sp, Span};

/// `huitoukan.toml`.
#[derive(Clone, Debug)]
pub struct Campaign {
    pub name: Option<Sp<String>>,
    pub document: Option<Sp<String>>,
    /// The plan the reports answer to (《…实施方案》).
    pub plan: Option<Sp<String>>,
    pub deadline: Option<Sp<Date>>,
    /// The campaign's start (the plan's date): where an item has no progress and no `found_on`,
    /// how long it has gone without progress counts from here.
    pub opened_on: Option<Sp<Date>>,
    /// What the whole tree is called in reports (全省).
    pub region: Option<Sp<String>>,
    /// The office the whole tree reports to (SPEC §14); none: [`DEFAULT_OFFICE`].
    pub office: Option<Sp<String>>,
    /// Whom the office's 情况报告 is addressed to (主送, SPEC §15); none: 省委.
    pub addressee: Option<Sp<String>>,
    /// Days an open item may go without a `[[progress]]` entry (跟踪推进); none: no limit.
    pub progress_every: Option<Sp<i64>>,
    pub schema: Option<Sp<String>>,
    /// The order of sibling folders in reports, by folder name (SPEC §14).
    pub order: Vec<String>,
}

/// The office the whole tree reports to where the campaign names none (`campaign.office`).
pub const DEFAULT_OFFICE: &str = "省委整改办";

impl Campaign {
    /// The office the whole tree reports to.
    pub fn office(&self) -> &str {
        self.office.as_ref().map_or(DEFAULT_OFFICE, |o| o.get_ref())
    }
}

/// The keys of `huitoukan.toml` itself.
pub const CAMPAIGN_FILE_KEYS: &[&str] = format::keys_of!(format::CAMPAIGN_FILE);
/// The keys of each table, from [`format`].
pub const CAMPAIGN_KEYS: &[&str] = format::keys_of!(format::CAMPAIGN);

impl Campaign {
    pub fn read(sink: &mut Sink, table: &DeTable<'_>) -> Campaign {
        let top = Fields::open(sink, table, 0..0, "", CAMPAIGN_FILE_KEYS);
        let Some((t, span)) = top.table(sink, "campaign") else {
            if top.raw("campaign").is_none() {
                top.missing(sink, "campaign");
            }
            return Campaign {
                name: None,
                document: None,
                plan: None,
                deadline: None,
                opened_on: None,
                region: None,
                office: None,
                addressee: None,
                progress_every: None,
                schema: None,
                order: Vec::new(),
            };
        };
        let f = Fields::open(sink, t, span, "campaign", CAMPAIGN_KEYS);
        let campaign = Campaign {
            name: f.required_string(sink, "name"),
            document: f.string(sink, "document"),
            plan: f.raw("plan").and_then(|_| f.required_string(sink, "plan")),
            deadline: f.date(sink, "deadline"),
            opened_on: f.date(sink, "opened_on"),
            region: f
                .raw("region")
                .and_then(|_| f.required_string(sink, "region")),
            office: f
                .raw("office")
                .and_then(|_| f.required_string(sink, "office")),
            addressee: f
                .raw("addressee")
                .and_then(|_| f.required_string(sink, "addressee")),
            progress_every: f.positive_integer(sink, "progress_every"),
            schema: f.string(sink, "schema"),
            order: f
                .strings(sink, "order")
                .map(|list| list.into_inner().into_iter().map(Sp::into_inner).collect())
                .unwrap_or_default(),
        };
        if f.raw("deadline").is_none() {
            f.missing(sink, "deadline");
        }
        campaign
    }
}

/// `unit.toml`: a unit is its folder and everything below it but sub-units.
#[derive(Clone, Debug)]
pub struct Unit {
    pub file: FileId,
    /// The folder relative to the root, `/`-separated: `省直/省直机关工委/省财政厅`.
    pub org: String,
    pub name: Option<Sp<String>>,
    pub category: Option<Sp<Category>>,
    pub batch: Option<Sp<i64>>,
    /// Where its self-check report goes: a name or a list (报上级党组织和督查组, 同时分别报).
    pub reports_to: Option<Sp<TextList>>,
    pub principal: Option<Sp<Text>>,
    /// The date this unit sets for the self-check reports of the units below it.
    pub subordinates_due: Option<Sp<Date>>,
    pub self_check: Option<SelfCheck>,
    pub reviews: Box<[Review]>,
    /// Its `order`, its 制度建设“计划书” and its 满意度测评: boxed, as few units have them.
    pub plans: Option<Box<Plans>>,
    /// `false` when the file could not be read or parsed: the unit still holds its folder, but
    /// nothing is known of its fields, its self-check included.
    pub readable: bool,
}

pub const UNIT_KEYS: &[&str] = format::keys_of!(format::UNIT);
pub const SELF_CHECK_KEYS: &[&str] = format::keys_of!(format::SELF_CHECK);
pub const ANSWER_KEYS: &[&str] = format::keys_of!(format::ANSWER);
pub const REVIEW_KEYS: &[&str] = format::keys_of!(format::REVIEW);
pub const INSTITUTION_KEYS: &[&str] = format::keys_of!(format::INSTITUTION);
pub const ASSESSMENT_KEYS: &[&str] = format::keys_of!(format::ASSESSMENT);

/// A unit's `order`, `[[institution]]` and `[[assessment]]` entries.
#[derive(Clone, Debug, Default)]
pub struct Plans {
    /// Its place among its siblings in reports (SPEC §14).
    pub order: Option<Sp<i64>>,
    pub institutions: Vec<Institution>,
    pub assessments: Vec<Assessment>,
}

/// `[[institution]]`: one institution of a unit's 制度建设“计划书” (建章立制).
#[derive(Clone, Debug)]
pub struct Institution {
    pub span: Span,
    pub name: Option<Sp<Text>>,
    pub kind: Option<Sp<InstitutionKind>>,
    pub planned_by: Option<Sp<Date>>,
    pub issued_on: Option<Sp<Date>>,
}

/// `[[assessment]]`: one 满意度测评 and its votes.
#[derive(Clone, Debug)]
pub struct Assessment {
    pub span: Span,
    pub on: Option<Sp<Date>>,
    pub participants: Option<Sp<i64>>,
    pub satisfied: Option<Sp<i64>>,
    pub basically_satisfied: Option<Sp<i64>>,
    pub unsatisfied: Option<Sp<i64>>,
}

impl Unit {
    /// Its `order`, where it has one.
    pub fn order(&self) -> Option<i64> {
        self.plans.as_ref()?.order.as_ref().map(|o| *o.get_ref())
    }
}

impl Assessment {
    /// The three counts of votes, those that were readable.
    pub fn votes(&self) -> [i64; 3] {
        [
            &self.satisfied,
            &self.basically_satisfied,
            &self.unsatisfied,
        ]
        .map(|v| v.as_ref().map_or(0, |v| *v.get_ref()))
    }
}

/// `[self_check]`: the unit's own item-by-item check.
#[derive(Clone, Debug)]
pub struct SelfCheck {
    pub span: Span,
    pub meeting_on: Option<Sp<Date>>,
    pub submitted_on: Option<Sp<Date>>,
    /// `submitted_on` is written but could not be read (and that is reported): whether the unit
    /// has submitted is then unknown.
    pub submitted_unreadable: bool,
    /// Submitted again after a review returned the report (退回).
    pub resubmitted_on: Option<Sp<Date>>,
    pub report: Option<Sp<String>>,
    pub disclosed_in: Option<Sp<Text>>,
    pub published: Option<Sp<bool>>,
    /// The span of `[self_check.answers]`, where there is one.
    pub answers_span: Option<Span>,
    pub answers: Box<[AnswerEntry]>,
}

/// One answer of a self-check. `answer` is `None` where the value was unreadable (and reported).
#[derive(Clone, Debug)]
pub struct AnswerEntry {
    pub point: Sp<PointId>,
    pub answer: Option<Sp<Answer>>,
    pub note: Option<Sp<Text>>,
}

/// `[[review]]`: a check from above.
#[derive(Clone, Debug)]
pub struct Review {
    pub span: Span,
    pub kind: Option<Sp<ReviewKind>>,
    pub by: Option<Sp<Text>>,
    pub on: Option<Sp<Date>>,
    pub result: Option<Sp<ReviewResult>>,
    pub note: Option<Sp<Text>>,
}

impl Unit {
    /// `text` is the file's text: an unquoted dotted answer key is found in it (see
    /// [`dotted_key_start`]).
    pub fn read(sink: &mut Sink, table: &DeTable<'_>, org: String, text: &str) -> Unit {
        let f = Fields::open(sink, table, 0..0, "", UNIT_KEYS);
        let category = f.enumeration(sink, "category");
        if f.raw("category").is_none() {
            f.missing(sink, "category");
        }
        let batch = f.integer_in(sink, "batch", &[1, 2]);
        if f.raw("batch").is_none() {
            f.missing(sink, "batch");
        }
        let self_check = f
            .table(sink, "self_check")
            .map(|(t, span)| read_self_check(sink, t, span, text));
        let reviews = f
            .tables(sink, "review")
            .into_iter()
            .map(|(t, span)| read_review(sink, t, span))
            .collect();
        let institutions: Vec<Institution> = f
            .tables(sink, "institution")
            .into_iter()
            .map(|(t, span)| read_institution(sink, t, span))
            .collect();
        let assessments: Vec<Assessment> = f
            .tables(sink, "assessment")
            .into_iter()
            .map(|(t, span)| read_assessment(sink, t, span))
            .collect();
        let order = f.integer_at_least(sink, "order", 0);
        let plans =
            (order.is_some() || !institutions.is_empty() || !assessments.is_empty()).then(|| {
                Box::new(Plans {
                    order,
                    institutions,
                    assessments,
                })
            });
        Unit {
            file: sink.file,
            org,
            plans,
            name: f.required_string(sink, "name"),
            category,
            batch,
            reports_to: f.text_or_list(sink, "reports_to"),
            principal: f.text(sink, "principal"),
            subordinates_due: f.date(sink, "subordinates_due"),
            self_check,
            reviews,
            readable: true,
        }
    }

    pub fn submitted_on(&self) -> Option<Date> {
        self.self_check
            .as_ref()?
            .submitted_on
            .as_ref()
            .map(|d| *d.get_ref())
    }

    /// The dates of what the unit says has happened: its meeting, submission and
    /// resubmission, and each review.
    fn dated_facts(&self) -> impl Iterator<Item = &Sp<Date>> {
        let check = self.self_check.as_ref();
        [
            check.and_then(|c| c.meeting_on.as_ref()),
            check.and_then(|c| c.submitted_on.as_ref()),
            check.and_then(|c| c.resubmitted_on.as_ref()),
        ]
        .into_iter()
        .chain(self.reviews.iter().map(|r| r.on.as_ref()))
        .chain(self.plans.iter().flat_map(|p| {
            let issued = p.institutions.iter().map(|i| i.issued_on.as_ref());
            issued.chain(p.assessments.iter().map(|a| a.on.as_ref()))
        }))
        .flatten()
    }

    /// Whether [`Unit::as_of`] would set a fact aside, without changing the unit.
    pub fn has_facts_after(&self, day: Date) -> bool {
        self.dated_facts().any(|d| after(Some(d), day))
    }

    /// The unit as it stood on `day`, as far as its dates tell (SPEC §14): a meeting, a
    /// submission, a resubmission or a review dated after it had not happened yet. Returns how
    /// many dated facts were set aside.
    pub fn as_of(&mut self, day: Date) -> usize {
        let mut set_aside = 0;
        let reviews = self.reviews.len();
        if self.reviews.iter().any(|r| after(r.on.as_ref(), day)) {
            self.reviews = self
                .reviews
                .iter()
                .filter(|r| !after(r.on.as_ref(), day))
                .cloned()
                .collect();
        }
        set_aside += reviews - self.reviews.len();
        if let Some(plans) = &mut self.plans {
            // An institution issued after it was not issued yet; an assessment held after it
            // was not held.
            for institution in &mut plans.institutions {
                if after(institution.issued_on.as_ref(), day) {
                    institution.issued_on = None;
                    set_aside += 1;
                }
            }
            let held = plans.assessments.len();
            plans.assessments.retain(|a| !after(a.on.as_ref(), day));
            set_aside += held - plans.assessments.len();
        }
        if let Some(check) = &mut self.self_check {
            for date in [
                &mut check.meeting_on,
                &mut check.submitted_on,
                &mut check.resubmitted_on,
            ] {
                if after(date.as_ref(), day) {
                    *date = None;
                    set_aside += 1;
                }
            }
        }
        set_aside
    }
}

/// Whether `date` is written and later than `day`.
fn after(date: Option<&Sp<Date>>, day: Date) -> bool {
    date.is_some_and(|d| *d.get_ref() > day)
}

fn read_self_check(
    sink: &mut Sink,
    table: &DeTable<'_>,
    span: Range<usize>,
    text: &str,
) -> SelfCheck {
    let f = Fields::open(sink, table, span.clone(), "self_check", SELF_CHECK_KEYS);
    let answers_table = f.table(sink, "answers");
    let mut answers = Vec::new();
    if let Some((t, _)) = answers_table {
        answers.reserve_exact(t.len());
        for (key, value) in t.iter() {
            read_answer(sink, key, value, text, &mut answers);
        }
    }
    let submitted_on = f.date(sink, "submitted_on");
    let submitted_unreadable = submitted_on.is_none() && f.raw("submitted_on").is_some();
    SelfCheck {
        span: span.into(),
        meeting_on: f.date(sink, "meeting_on"),
        submitted_on,
        submitted_unreadable,
        resubmitted_on: f.date(sink, "resubmitted_on"),
        // Optional, but never blank: `report = ""` names no file.
        report: f
            .raw("report")
            .and_then(|_| f.required_string(sink, "report")),
        disclosed_in: f.text(sink, "disclosed_in"),
        published: f.bool(sink, "published"),
        answers_span: answers_table.map(|(_, span)| span.into()),
        answers: answers.into_boxed_slice(),
    }
}

fn read_answer(
    sink: &mut Sink,
    key: &toml::Spanned<std::borrow::Cow<'_, str>>,
    value: &toml::Spanned<DeValue<'_>>,
    text: &str,
    out: &mut Vec<AnswerEntry>,
) {
    let path = format!("self_check.answers.\"{}\"", key.get_ref());
    let point = |id: &str, span: Range<usize>| Sp::new(span, PointId::new(id));
    match value.get_ref() {
        DeValue::String(_) => out.push(AnswerEntry {
            point: point(key.get_ref(), key.span()),
            answer: read_enum(sink, &path, value),
            note: None,
        }),
        // `1.1 = "是"` reads as the table `1` holding the key `1`. A table made by a dotted key
        // has no text of its own: its span is its key's.
        DeValue::Table(t) if value.span() == key.span() => {
            for (sub, subvalue) in t.iter() {
                let id = format!("{}.{}", key.get_ref(), sub.get_ref());
                // The table keeps its key's span from that key's first use only, and entries come
                // sorted, not in the order they were written: the key's own first part is found in
                // the text just before each last part.
                let start = dotted_key_start(text, sub.span().start).unwrap_or(sub.span().start);
                let span = start..sub.span().end;
                let shown = match subvalue.get_ref() {
                    DeValue::String(s) => format!("\"{s}\""),
                    _ => "…".to_owned(),
                };
                sink.push(
                    Code::DottedAnswerKey,
                    span.clone(),
                    FieldMsg::DottedAnswerKey { key: id.clone() }.into(),
                    Some(
                        FieldMsg::QuoteAnswerKey {
                            key: id.clone(),
                            value: shown,
                        }
                        .into(),
                    ),
                );
                let answer = match subvalue.get_ref() {
                    DeValue::String(s) => <Answer as enums::Enumeration>::parse(s)
                        .map(|a| Sp::new(subvalue.span(), a)),
                    _ => None,
                };
                out.push(AnswerEntry {
                    point: point(&id, span),
                    answer,
                    note: None,
                });
            }
        }
        DeValue::Table(t) => {
            let f = Fields::open(sink, t, value.span(), &path, ANSWER_KEYS);
            let answer = f.enumeration(sink, "answer");
            if f.raw("answer").is_none() {
                f.missing(sink, "answer");
            }
            out.push(AnswerEntry {
                point: point(key.get_ref(), key.span()),
                answer,
                note: f.text(sink, "note"),
            })
        }
        other => sink.push(
            Code::WrongType,
            value.span(),
            FieldMsg::WrongType {
                key: path,
                expected: ValueKind::String,
                found: kind_of(other),
            }
            .into(),
            None,
        ),
    }
}

fn read_review(sink: &mut Sink, table: &DeTable<'_>, span: Range<usize>) -> Review {
    let f = Fields::open(sink, table, span.clone(), "review", REVIEW_KEYS);
    let review = Review {
        span: span.into(),
        kind: f.enumeration(sink, "kind"),
        by: f.text(sink, "by"),
        on: f.date(sink, "on"),
        result: f.enumeration(sink, "result"),
        note: f.text(sink, "note"),
    };
    for key in ["kind", "on", "result"] {
        if f.raw(key).is_none() {
            f.missing(sink, key);
        }
    }
    review
}

fn read_institution(sink: &mut Sink, table: &DeTable<'_>, span: Range<usize>) -> Institution {
    let f = Fields::open(sink, table, span.clone(), "institution", INSTITUTION_KEYS);
    for key in ["kind", "planned_by"] {
        if f.raw(key).is_none() {
            f.missing(sink, key);
        }
    }
    Institution {
        span: span.into(),
        name: f.required_text(sink, "name"),
        kind: f.enumeration(sink, "kind"),
        planned_by: f.date(sink, "planned_by"),
        issued_on: f.date(sink, "issued_on"),
    }
}

fn read_assessment(sink: &mut Sink, table: &DeTable<'_>, span: Range<usize>) -> Assessment {
    let f = Fields::open(sink, table, span.clone(), "assessment", ASSESSMENT_KEYS);
    for key in ASSESSMENT_KEYS {
        if f.raw(key).is_none() {
            f.missing(sink, key);
        }
    }
    Assessment {
        span: span.into(),
        on: f.date(sink, "on"),
        participants: f.positive_integer(sink, "participants"),
        satisfied: f.integer_at_least(sink, "satisfied", 0),
        basically_satisfied: f.integer_at_least(sink, "basically_satisfied", 0),
        unsatisfied: f.integer_at_least(sink, "unsatisfied", 0),
    }
}

/// A rectification item (整改事项): one file.
#[derive(Clone, Debug)]
pub struct Item {
    pub file: FileId,
    /// The `id` key, or the file's stem.
    pub id: CompactString,
    /// The span of the `id` value, where there is one.
    pub id_span: Option<Sp<()>>,
    pub title: Option<Sp<Text>>,
    pub area: Option<Sp<i64>>,
    pub points: PointList,
    pub source: Option<Sp<Source>>,
    pub special_task: Option<Sp<Text>>,
    pub found_on: Option<Sp<Date>>,
    /// The fields shown in reports as they are written (`problem`, `commitment`), one of each
    /// of [`format::SHOWN`] in its order.
    pub shown: [Option<Sp<Text>>; format::SHOWN.len()],
    pub measures: Option<Sp<TextList>>,
    pub owner: Option<Sp<Owner>>,
    pub person: Option<Sp<Text>>,
    pub responsible: Option<Sp<Text>>,
    pub lead: Option<Sp<Text>>,
    pub deadline: Option<Sp<Date>>,
    pub status: Option<Sp<Status>>,
    pub completed_on: Option<Sp<Date>>,
    pub consolidation: Option<Sp<Text>>,
    pub rectify_by: Option<Sp<Date>>,
    pub satisfaction: Option<Sp<Satisfaction>>,
    pub evidence: Option<Sp<TextList>>,
    pub confidential: bool,
    /// 进展情况, in the order written.
    pub progress: Box<[Progress]>,
    /// 销号. Boxed: few items have one.
    pub closure: Option<Box<Closure>>,
    /// Boxed: few items have one.
    pub linkage: Option<Box<Linkage>>,
}

/// An item's check points. Most items answer one, held in the item itself; several are held
/// in a slice of their own.
#[derive(Clone, Debug)]
pub enum PointList {
    One(Sp<PointId>),
    Many(Box<[Sp<PointId>]>),
}

impl Default for PointList {
    fn default() -> Self {
        PointList::Many(Box::default())
    }
}

impl std::ops::Deref for PointList {
    type Target = [Sp<PointId>];

    fn deref(&self) -> &[Sp<PointId>] {
        match self {
            PointList::One(point) => std::slice::from_ref(point),
            PointList::Many(points) => points,
        }
    }
}

impl<'a> IntoIterator for &'a PointList {
    type Item = &'a Sp<PointId>;
    type IntoIter = std::slice::Iter<'a, Sp<PointId>>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl FromIterator<Sp<PointId>> for PointList {
    fn from_iter<I: IntoIterator<Item = Sp<PointId>>>(points: I) -> Self {
        let mut points: Vec<_> = points.into_iter().collect();
        match (points.pop(), points.is_empty()) {
            (Some(point), true) => PointList::One(point),
            (Some(point), false) => {
                points.push(point);
                PointList::Many(points.into_boxed_slice())
            }
            (None, _) => PointList::default(),
        }
    }
}

pub const ITEM_KEYS: &[&str] = format::keys_of!(format::ITEM);
pub const LINKAGE_KEYS: &[&str] = format::keys_of!(format::LINKAGE);
pub const PROGRESS_KEYS: &[&str] = format::keys_of!(format::PROGRESS);
pub const CLOSURE_KEYS: &[&str] = format::keys_of!(format::CLOSURE);

/// `[[progress]]`: one dated step of 跟踪推进.
#[derive(Clone, Debug)]
pub struct Progress {
    pub span: Span,
    pub on: Option<Sp<Date>>,
    pub text: Option<Sp<Text>>,
}

/// `[closure]`: the item struck off the ledger (销号), by whom and when.
#[derive(Clone, Debug)]
pub struct Closure {
    pub span: Span,
    pub approved_by: Option<Sp<Text>>,
    pub approved_on: Option<Sp<Date>>,
}

/// `[linkage]`: 上下联动, the root of the problem lies with a superior.
#[derive(Clone, Debug)]
pub struct Linkage {
    pub span: Span,
    pub lead_unit: Option<Sp<String>>,
    pub reason: Option<Sp<Text>>,
}

impl Item {
    pub fn read(sink: &mut Sink, table: &DeTable<'_>, stem: &str) -> Item {
        let f = Fields::open(sink, table, 0..0, "", ITEM_KEYS);
        for key in ["area", "source", "deadline", "status"] {
            if f.raw(key).is_none() {
                f.missing(sink, key);
            }
        }
        let id = match f.raw("id") {
            Some(_) => f.required_string(sink, "id"),
            None => None,
        };
        let linkage = f.table(sink, "linkage").map(|(t, span)| {
            let l = Fields::open(sink, t, span.clone(), "linkage", LINKAGE_KEYS);
            let lead_unit = l.required_string(sink, "lead_unit");
            Box::new(Linkage {
                span: span.into(),
                lead_unit,
                reason: l.text(sink, "reason"),
            })
        });
        let progress = f
            .tables(sink, "progress")
            .into_iter()
            .map(|(t, span)| {
                let p = Fields::open(sink, t, span.clone(), "progress", PROGRESS_KEYS);
                // `text` is reported missing by `required_text`.
                if p.raw("on").is_none() {
                    p.missing(sink, "on");
                }
                Progress {
                    span: span.into(),
                    on: p.date(sink, "on"),
                    text: p.required_text(sink, "text"),
                }
            })
            .collect();
        let closure = f.table(sink, "closure").map(|(t, span)| {
            let c = Fields::open(sink, t, span.clone(), "closure", CLOSURE_KEYS);
            // `approved_by` is reported missing by `required_text`.
            if c.raw("approved_on").is_none() {
                c.missing(sink, "approved_on");
            }
            Box::new(Closure {
                span: span.into(),
                approved_by: c.required_text(sink, "approved_by"),
                approved_on: c.date(sink, "approved_on"),
            })
        });
        Item {
            file: sink.file,
            id_span: id.as_ref().map(|i| Sp::new(i.span(), ())),
            id: id.map_or_else(
                || CompactString::new(stem),
                |i| CompactString::from(i.into_inner()),
            ),
            title: f.required_text(sink, "title"),
            area: f.integer(sink, "area"),
            points: f
                .strings(sink, "points")
                .map(|p| {
                    let points = p.into_inner().into_iter();
                    points
                        .map(|p| Sp::new(p.span(), PointId::new(p.get_ref())))
                        .collect()
                })
                .unwrap_or_default(),
            source: f.enumeration(sink, "source"),
            special_task: f.text(sink, "special_task"),
            found_on: f.date(sink, "found_on"),
            shown: format::SHOWN.map(|s| f.text(sink, s.key)),
            measures: f.text_list(sink, "measures"),
            owner: f.enumeration(sink, "owner"),
            person: f.text(sink, "person"),
            responsible: f.text(sink, "responsible"),
            lead: f.text(sink, "lead"),
            deadline: f.date(sink, "deadline"),
            status: f.enumeration(sink, "status"),
            completed_on: f.date(sink, "completed_on"),
            consolidation: f.text(sink, "consolidation"),
            rectify_by: f.date(sink, "rectify_by"),
            satisfaction: f.enumeration(sink, "satisfaction"),
            evidence: f.text_list(sink, "evidence"),
            confidential: f.bool(sink, "confidential").is_some_and(|b| *b.get_ref()),
            progress,
            closure,
            linkage,
        }
    }

    pub fn owner(&self) -> Owner {
        self.owner.as_ref().map_or(Owner::Body, |o| *o.get_ref())
    }

    /// The latest `[[progress]]` entry by date (the last written among those of one day).
    pub fn latest_progress(&self) -> Option<&Progress> {
        self.progress
            .iter()
            .filter(|p| p.on.is_some())
            .max_by_key(|p| p.on.as_ref().map(|d| *d.get_ref()))
    }

    pub fn satisfaction(&self) -> Satisfaction {
        self.satisfaction
            .as_ref()
            .map_or(Satisfaction::NotAssessed, |s| *s.get_ref())
    }

    /// The item as it stood on `day`, as far as its dates tell (SPEC §14): a progress entry or
    /// a closure dated after it had not happened yet, and an item completed after it was still
    /// 未完成 (judged by its deadline) and not yet assessed. Returns how many dated facts were
    /// set aside.
    pub fn as_of(&mut self, day: Date) -> usize {
        let mut set_aside = 0;
        let progress = self.progress.len();
        if self.progress.iter().any(|p| after(p.on.as_ref(), day)) {
            self.progress = self
                .progress
                .iter()
                .filter(|p| !after(p.on.as_ref(), day))
                .cloned()
                .collect();
        }
        set_aside += progress - self.progress.len();
        if self
            .closure
            .as_ref()
            .is_some_and(|c| after(c.approved_on.as_ref(), day))
        {
            self.closure = None;
            set_aside += 1;
        }
        if after(self.completed_on.as_ref(), day) {
            if let Some(status) = &mut self.status {
                *status = Sp::new(status.span(), Status::Open);
            }
            self.completed_on = None;
            self.satisfaction = None;
            set_aside += 1;
        }
        set_aside
    }

    /// The dates of what the item says has happened: its completion, its finding, its closure
    /// and each progress entry.
    fn dated_facts(&self) -> impl Iterator<Item = &Sp<Date>> {
        [
            self.completed_on.as_ref(),
            self.found_on.as_ref(),
            self.closure.as_ref().and_then(|c| c.approved_on.as_ref()),
        ]
        .into_iter()
        .chain(self.progress.iter().map(|p| p.on.as_ref()))
        .flatten()
    }

    /// Whether [`Item::as_of`] (or [`Item::found_after`]) would set a fact aside, without
    /// changing the item.
    pub fn has_facts_after(&self, day: Date) -> bool {
        self.dated_facts().any(|d| after(Some(d), day))
    }

    /// Whether the item is a problem found after `day` (`found_on`), not yet on the ledger then.
    pub fn found_after(&self, day: Date) -> bool {
        after(self.found_on.as_ref(), day)
    }
}

/// Where the first part of a dotted key (`1` or `"省"` in `1 . 1`) begins, given where its last
/// part begins; `None` where the text before it is not `first-part .`.
pub fn dotted_key_start(text: &str, last_part: usize) -> Option<usize> {
    let before = text
        .get(..last_part)?
        .trim_end()
        .strip_suffix('.')?
        .trim_end();
    for quote in ['"', '\''] {
        if let Some(inner) = before.strip_suffix(quote) {
            return inner.rfind(quote);
        }
    }
    let bare = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    let start = before.trim_end_matches(bare).len();
    (start < before.len()).then_some(start)
}

use crate::diagnostic::doc::{BASE_UNIT, Change, Example, Prose, RuleDoc, Shown};

/// What each code raised here means, with worked examples: see [`crate::explain`].
pub const DOCS: &[RuleDoc] = &[RuleDoc {
    code: Code::DottedAnswerKey,
    trigger: Prose {
        en: r#"An answer key written without quotes in `[self_check.answers]`. TOML reads `3.1 = "是"`
as a table `3` holding a key `1`, not as the point `3.1`. The answer is still counted for the
point, but the file must be fixed."#,
        zh: r#"`[self_check.answers]` 中的要点编号没有加引号。TOML 把 `3.1 = "是"` 读作表 `3` 中的键 `1`，而不是检查要点 `3.1`。这条答复仍计入该要点，但文件必须改正。"#,
    },
    examples: &[Example {
        intro: Prose::NONE,
        caption: Prose {
            en: r#"梁弄镇/横坎头村/unit.toml, lines 10–11"#,
            zh: r#"梁弄镇/横坎头村/unit.toml，第10至11行"#,
        },
        shown: Shown::Change,
        change: &[Change::Lines {
            file: BASE_UNIT,
            line: 9,
            count: 3,
            text: r#"[self_check.answers]
3.1 = "是"
4.2 = "是""#,
        }],
        as_of: None,
        output: Prose {
            en: r#"error[E007]: the check point id `3.1` is not quoted, so TOML reads it as nested tables
  --> 梁弄镇/横坎头村/unit.toml:10:1
   |
10 | 3.1 = "是"
   | ^^^
   |
   = help: quote the id: `"3.1" = "是"`

error[E007]: the check point id `4.2` is not quoted, so TOML reads it as nested tables
  --> 梁弄镇/横坎头村/unit.toml:11:1
   |
11 | 4.2 = "是"
   | ^^^
   |
   = help: quote the id: `"4.2" = "是"`"#,
            zh: r#"error[E007]: 检查要点编号 `3.1` 没有加引号，被当成了嵌套的表
  --> 梁弄镇/横坎头村/unit.toml:10:1
   |
10 | 3.1 = "是"
   | ^^^
   |
   = help: 给编号加上引号：`"3.1" = "是"`

error[E007]: 检查要点编号 `4.2` 没有加引号，被当成了嵌套的表
  --> 梁弄镇/横坎头村/unit.toml:11:1
   |
11 | 4.2 = "是"
   | ^^^
   |
   = help: 给编号加上引号：`"4.2" = "是"`"#,
        },
    }],
    fix: Prose {
        en: r#"Quote the point id: `"3.1" = "是"`."#,
        zh: r#"给要点编号加上引号：`"3.1" = "是"`。"#,
    },
}];

/// What a province's records cost: every unit and item is held until the output is written.
#[cfg(all(test, target_pointer_width = "64"))]
mod sizes {
    #[test]
    fn models_stay_small() {
        // A field shown in reports costs each item its slot; the rest stays within its bound.
        // An item's one check point is held in it: 8 bytes more than a pointer to a slice,
        // and no allocation of its own.
        let shown = size_of::<[Option<super::Sp<super::Text>>; crate::format::SHOWN.len()]>();
        let bound = (304 + shown).next_multiple_of(align_of::<super::Item>());
        assert!(size_of::<super::PointList>() <= 24);
        assert!(
            size_of::<super::Item>() <= bound,
            "{} ({shown} for the fields shown in reports)",
            size_of::<super::Item>()
        );
        // What few units have (`order`, institutions, assessments) is one boxed pointer.
        assert!(
            size_of::<super::Unit>() <= 280,
            "{}",
            size_of::<super::Unit>()
        );
        // A province's check holds tens of thousands of diagnostics: a rare message's data
        // (the opening paragraph's figures) is boxed, so that it does not widen every one.
        assert!(size_of::<crate::text::i18n::Msg>() <= 120);
        assert!(size_of::<crate::diagnostic::Diagnostic>() <= 192);
        // The point id is a number (`PointId`), not a string.
        assert!(size_of::<super::AnswerEntry>() <= 36);
        // The path, the text as held (packed) and the length it unpacks to.
        assert!(size_of::<crate::load::source::SourceFile>() <= 24);
    }
}

/// The readers held to the format table ([`crate::format`]): each table of a record, as it is written in a file.
#[cfg(test)]
mod readers {
    use crate::format::*;
    use crate::load::source::FileId;
    use crate::model::fields::Sink;
    use crate::model::{Campaign, Item, Unit};
    use crate::text::i18n::Msg;
    use crate::text::messages::fields::{FieldMsg, ValueKind};

    #[derive(Clone, Copy)]
    enum File {
        Campaign,
        Unit,
        Item,
    }

    /// Where a table is written: its file, how its body is put in, and the key path of its
    /// fields in messages.
    struct Place {
        table: &'static Table,
        file: File,
        open: &'static str,
        close: &'static str,
        separator: &'static str,
        prefix: &'static str,
    }

    const PLACES: &[Place] = &[
        Place::new(&CAMPAIGN, File::Campaign, "[campaign]\n", "campaign."),
        Place::new(&UNIT, File::Unit, "", ""),
        Place::new(&SELF_CHECK, File::Unit, "[self_check]\n", "self_check."),
        Place {
            table: &ANSWER,
            file: File::Unit,
            open: "[self_check.answers]\n\"1.1\" = { ",
            close: " }\n",
            separator: ", ",
            prefix: "self_check.answers.\"1.1\".",
        },
        Place::new(&REVIEW, File::Unit, "[[review]]\n", "review."),
        Place::new(
            &INSTITUTION,
            File::Unit,
            "[[institution]]\n",
            "institution.",
        ),
        Place::new(&ASSESSMENT, File::Unit, "[[assessment]]\n", "assessment."),
        Place::new(&ITEM, File::Item, "", ""),
        Place::new(&PROGRESS, File::Item, "[[progress]]\n", "progress."),
        Place::new(&CLOSURE, File::Item, "[closure]\n", "closure."),
        Place::new(&LINKAGE, File::Item, "[linkage]\n", "linkage."),
    ];

    impl Place {
        const fn new(
            table: &'static Table,
            file: File,
            open: &'static str,
            prefix: &'static str,
        ) -> Place {
            Place {
                table,
                file,
                open,
                close: "",
                separator: "",
                prefix,
            }
        }

        /// What the reader says of the table holding `line(field)` for each field that
        /// gives one: the keys of the messages `pick` takes, below this table only.
        fn read(
            &self,
            line: impl Fn(&Field) -> Option<String>,
            pick: impl Fn(&Msg) -> Option<(&str, Option<ValueKind>)>,
        ) -> Vec<(String, Option<ValueKind>)> {
            let lines: Vec<String> = self
                .table
                .fields
                .iter()
                .filter_map(|f| line(f).map(|l| format!("{}{l}", self.separator)))
                .collect();
            let body: String = if self.separator.is_empty() {
                lines.iter().map(|l| format!("{l}\n")).collect()
            } else {
                lines.concat().trim_start_matches(self.separator).to_owned()
            };
            let text = format!("{}{body}{}", self.open, self.close);
            let table = toml::de::DeTable::parse(&text)
                .unwrap_or_else(|e| panic!("{text}: {e}"))
                .into_inner();
            let mut sink = Sink::new(FileId(0));
            match self.file {
                File::Campaign => drop(Campaign::read(&mut sink, &table)),
                File::Unit => drop(Unit::read(&mut sink, &table, String::new(), &text)),
                File::Item => drop(Item::read(&mut sink, &table, "stem")),
            }
            let mut found: Vec<(String, Option<ValueKind>)> = sink
                .diagnostics
                .iter()
                .filter_map(|d| pick(&d.message))
                .filter_map(|(key, kind)| {
                    let key = key.strip_prefix(self.prefix)?;
                    (!key.contains('.')).then(|| (key.to_owned(), kind))
                })
                .collect();
            found.sort_by(|a, b| a.0.cmp(&b.0));
            found
        }

        fn keys(&self, keep: impl Fn(&Field) -> bool) -> Vec<(String, Option<ValueKind>)> {
            let mut keys: Vec<(String, Option<ValueKind>)> = self
                .table
                .fields
                .iter()
                .filter(|f| keep(f))
                .map(|f| (f.key.to_owned(), None))
                .collect();
            keys.sort_by(|a, b| a.0.cmp(&b.0));
            keys
        }
    }

    #[test]
    fn a_field_required_always_is_reported_missing_and_no_other() {
        for place in PLACES {
            let found = place.read(
                |_| None,
                |m| match m {
                    Msg::Fields(FieldMsg::MissingField { key }) => Some((key.as_str(), None)),
                    _ => None,
                },
            );
            let required = place.keys(|f| matches!(f.required, Required::Always));
            assert_eq!(found, required, "{}", place.table.name);
        }
    }

    #[test]
    fn a_non_empty_field_written_blank_is_reported_and_no_other() {
        for place in PLACES {
            let found = place.read(
                |f| matches!(f.ty, Type::Text).then(|| format!("{} = \"\"", f.key)),
                |m| match m {
                    Msg::Fields(FieldMsg::EmptyField { key }) => Some((key.as_str(), None)),
                    _ => None,
                },
            );
            assert_eq!(found, place.keys(|f| f.non_empty), "{}", place.table.name);
        }
    }

    /// What the reader asks for where a value of another type is written.
    fn expected(ty: &Type) -> ValueKind {
        match ty {
            Type::Text | Type::Enum(_) => ValueKind::String,
            Type::TextList | Type::TextOrList => ValueKind::StringArray,
            Type::Date => ValueKind::Date,
            Type::Bool => ValueKind::Bool,
            Type::Integer { .. } => ValueKind::Integer,
            Type::Table(_) | Type::Answers(_) => ValueKind::Table,
            Type::Tables(_) => ValueKind::ArrayOfTables,
        }
    }

    #[test]
    fn every_field_is_read_as_its_type() {
        for place in PLACES {
            let found = place.read(
                |f| Some(format!("{} = 1.5", f.key)),
                |m| match m {
                    Msg::Fields(FieldMsg::WrongType { key, expected, .. }) => {
                        Some((key.as_str(), Some(*expected)))
                    }
                    _ => None,
                },
            );
            let mut wanted: Vec<(String, Option<ValueKind>)> = place
                .table
                .fields
                .iter()
                .map(|f| (f.key.to_owned(), Some(expected(&f.ty))))
                .collect();
            wanted.sort_by(|a, b| a.0.cmp(&b.0));
            assert_eq!(found, wanted, "{}", place.table.name);
        }
    }
}

#[cfg(test)]
mod point_list {
    use super::{PointId, PointList, Sp};

    #[test]
    fn one_point_is_held_in_the_list_and_several_in_a_slice() {
        let point = |at: usize, id: &str| Sp::new(at..at + 5, PointId::new(id));
        let ids = |list: &PointList| {
            list.iter()
                .map(|p| p.get_ref().to_string())
                .collect::<Vec<_>>()
        };
        let none: PointList = std::iter::empty().collect();
        assert!(none.is_empty());
        let one: PointList = [point(0, "2.1")].into_iter().collect();
        assert!(matches!(one, PointList::One(_)));
        assert_eq!(ids(&one), ["2.1"]);
        let two: PointList = [point(0, "2.1"), point(7, "L.1")].into_iter().collect();
        assert!(matches!(two, PointList::Many(_)));
        assert_eq!(ids(&two), ["2.1", "L.1"]);
        assert_eq!(
            (&two).into_iter().map(|p| p.span()).collect::<Vec<_>>(),
            [0..5, 7..12]
        );
    }
}
