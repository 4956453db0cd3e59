//! The figures a 情况报告 quotes beyond the status counts (SPEC §14): 按期完成, items by source,
//! 个人整改, units and items by batch, reviews by kind and result, 建章立制 and the 满意度测评.
//! Like the other counts they add up (`+=`), so that a higher level adds up the reports of lower
//! ones; the two rates are computed from the counts when written.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::format::enums::{InstitutionKind, ReviewKind, ReviewResult, Source};

/// Adds `+=` field by field for structs of counts.
macro_rules! summed {
    ($name:ident { $($field:ident),* $(,)? }) => {
        impl std::ops::AddAssign<&$name> for $name {
            fn add_assign(&mut self, other: &$name) {
                $(self.$field += &other.$field;)*
            }
        }
    };
}

/// A count that adds saturating.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Count(pub u32);

impl Count {
    pub fn one(&mut self) {
        self.0 = self.0.saturating_add(1);
    }

    pub fn add(&mut self, n: i64) {
        self.0 = self
            .0
            .saturating_add(u32::try_from(n.max(0)).unwrap_or(u32::MAX));
    }
}

impl std::ops::AddAssign<&Count> for Count {
    fn add_assign(&mut self, other: &Count) {
        self.0 = self.0.saturating_add(other.0);
    }
}

/// Items by where they came from (`source`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct BySource {
    #[serde(rename = "整改方案", default)]
    pub plan: Count,
    #[serde(rename = "专项整治", default)]
    pub special_task: Count,
    #[serde(rename = "新发现", default)]
    pub newly_found: Count,
    #[serde(rename = "督查反馈", default)]
    pub inspection_feedback: Count,
    #[serde(rename = "上级交办", default)]
    pub assigned: Count,
    #[serde(rename = "群众反映", default)]
    pub public_complaint: Count,
}
summed!(BySource {
    plan,
    special_task,
    newly_found,
    inspection_feedback,
    assigned,
    public_complaint
});

impl BySource {
    pub fn slot(&mut self, source: Source) -> &mut Count {
        match source {
            Source::Plan => &mut self.plan,
            Source::SpecialTask => &mut self.special_task,
            Source::NewlyFound => &mut self.newly_found,
            Source::InspectionFeedback => &mut self.inspection_feedback,
            Source::Assigned => &mut self.assigned,
            Source::PublicComplaint => &mut self.public_complaint,
        }
    }

    /// Each source with its count, in the order of the format.
    pub fn each(&self) -> [(Source, u32); 6] {
        [
            (Source::Plan, self.plan.0),
            (Source::SpecialTask, self.special_task.0),
            (Source::NewlyFound, self.newly_found.0),
            (Source::InspectionFeedback, self.inspection_feedback.0),
            (Source::Assigned, self.assigned.0),
            (Source::PublicComplaint, self.public_complaint.0),
        ]
    }
}

/// The units of one batch and their items.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct BatchCounts {
    #[serde(default)]
    pub units: Count,
    #[serde(default)]
    pub items: Count,
}
summed!(BatchCounts { units, items });

/// 第一批 and 第二批.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ByBatch {
    #[serde(rename = "1", default)]
    pub first: BatchCounts,
    #[serde(rename = "2", default)]
    pub second: BatchCounts,
}
summed!(ByBatch { first, second });

/// The reviews of one kind: the units reviewed, and the reviews by result.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ReviewCounts {
    #[serde(default)]
    pub units: Count,
    #[serde(rename = "通过", default)]
    pub passed: Count,
    #[serde(rename = "退回", default)]
    pub returned: Count,
    #[serde(rename = "查漏补缺", default)]
    pub fill_gaps: Count,
}
summed!(ReviewCounts {
    units,
    passed,
    returned,
    fill_gaps
});

impl ReviewCounts {
    pub fn result(&mut self, result: ReviewResult) -> &mut Count {
        match result {
            ReviewResult::Passed => &mut self.passed,
            ReviewResult::Returned => &mut self.returned,
            ReviewResult::FillGaps => &mut self.fill_gaps,
        }
    }
}

/// Reviews by kind.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Reviews {
    #[serde(rename = "督查组审核", default)]
    pub inspection: ReviewCounts,
    #[serde(rename = "督导组检查", default)]
    pub guidance: ReviewCounts,
    #[serde(rename = "整改办抽查", default)]
    pub spot_check: ReviewCounts,
    #[serde(rename = "领导检查", default)]
    pub leader_check: ReviewCounts,
}
summed!(Reviews {
    inspection,
    guidance,
    spot_check,
    leader_check
});

impl Reviews {
    pub fn kind(&mut self, kind: ReviewKind) -> &mut ReviewCounts {
        match kind {
            ReviewKind::Inspection => &mut self.inspection,
            ReviewKind::Guidance => &mut self.guidance,
            ReviewKind::SpotCheck => &mut self.spot_check,
            ReviewKind::LeaderCheck => &mut self.leader_check,
        }
    }

    /// Each kind with its counts, in the order of the format.
    pub fn each(&self) -> [(ReviewKind, &ReviewCounts); 4] {
        [
            (ReviewKind::Inspection, &self.inspection),
            (ReviewKind::Guidance, &self.guidance),
            (ReviewKind::SpotCheck, &self.spot_check),
            (ReviewKind::LeaderCheck, &self.leader_check),
        ]
    }
}

/// 建章立制: the institutions of the units' 制度建设“计划书”.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Institutions {
    #[serde(default)]
    pub planned: Count,
    #[serde(default)]
    pub issued: Count,
    /// Not issued, and their `planned_by` has passed.
    #[serde(default)]
    pub overdue: Count,
    #[serde(rename = "新建", default)]
    pub new: Count,
    #[serde(rename = "修订", default)]
    pub revised: Count,
    #[serde(rename = "废止", default)]
    pub repealed: Count,
}
summed!(Institutions {
    planned,
    issued,
    overdue,
    new,
    revised,
    repealed
});

impl Institutions {
    pub fn kind(&mut self, kind: InstitutionKind) -> &mut Count {
        match kind {
            InstitutionKind::New => &mut self.new,
            InstitutionKind::Revised => &mut self.revised,
            InstitutionKind::Repealed => &mut self.repealed,
        }
    }
}

/// The votes of the units' 满意度测评, summed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Votes {
    #[serde(default)]
    pub participants: Count,
    #[serde(default)]
    pub satisfied: Count,
    #[serde(default)]
    pub basically_satisfied: Count,
    #[serde(default)]
    pub unsatisfied: Count,
}
summed!(Votes {
    participants,
    satisfied,
    basically_satisfied,
    unsatisfied
});

impl Votes {
    /// 测评满意率: (满意 + 基本满意) / 参加测评人数; `None` where no one took part.
    pub fn rate(&self) -> Option<f64> {
        let yes = f64::from(self.satisfied.0) + f64::from(self.basically_satisfied.0);
        (self.participants.0 > 0).then(|| yes / f64::from(self.participants.0))
    }
}

/// Counts that most units have none of (their reviews, 建章立制, 满意度测评), held only where
/// there are some: a unit's row carries a pointer where it would carry a hundred bytes of
/// noughts. Written, read and compared as the counts themselves.
#[derive(Clone, Debug, Default)]
pub struct Sparse<T>(Option<Box<T>>);

impl<T: Default + Clone> Sparse<T> {
    /// The counts: borrowed where there are some, noughts where there are none.
    pub fn get(&self) -> std::borrow::Cow<'_, T> {
        match &self.0 {
            Some(counts) => std::borrow::Cow::Borrowed(&**counts),
            None => std::borrow::Cow::Owned(T::default()),
        }
    }

    /// The counts, to add to: held from now on.
    pub fn get_mut(&mut self) -> &mut T {
        self.0.get_or_insert_with(Box::default)
    }
}

impl<T: Default + Clone + PartialEq> PartialEq for Sparse<T> {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl<T: Default + Clone + Eq> Eq for Sparse<T> {}

impl<T> std::ops::AddAssign<&Sparse<T>> for Sparse<T>
where
    T: Default + Clone + for<'a> std::ops::AddAssign<&'a T>,
{
    fn add_assign(&mut self, other: &Sparse<T>) {
        if let Some(counts) = &other.0 {
            *self.get_mut() += counts;
        }
    }
}

impl<T: Default + Clone + Serialize> Serialize for Sparse<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.get().serialize(serializer)
    }
}

impl<'de, T: Default + PartialEq + Deserialize<'de>> Deserialize<'de> for Sparse<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let counts = T::deserialize(deserializer)?;
        Ok(Sparse((counts != T::default()).then(|| Box::new(counts))))
    }
}

impl<T: JsonSchema> JsonSchema for Sparse<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

/// A rate computed from the counts when written: a fraction in 0..=1, or null where there is
/// nothing to divide by. Holds nothing itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rate;

impl JsonSchema for Rate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Rate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "recomputed from the counts; null where there is nothing to divide by",
            "type": ["number", "null"], "minimum": 0, "maximum": 1
        })
    }
}

/// The figures of SPEC §14 for a set of units and their items.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, JsonSchema)]
pub struct Figures {
    /// 到期事项: `deadline` on or before the as-of date.
    #[serde(default)]
    pub due_items: Count,
    /// Written beside the counts (see the `Serialize` below); named here for the JSON Schema.
    #[serde(skip_deserializing)]
    pub on_time_rate: Rate,
    /// 按期完成: due items 已完成 or 基本完成 with `completed_on` on or before `deadline`.
    #[serde(default)]
    pub due_on_time: Count,
    /// 逾期完成: items 已完成 or 基本完成 with `completed_on` after `deadline`.
    #[serde(default)]
    pub done_late: Count,
    #[serde(default)]
    pub by_source: BySource,
    /// 个人整改 items.
    #[serde(default)]
    pub personal: Count,
    #[serde(default)]
    pub by_batch: ByBatch,
    #[serde(default)]
    pub reviews: Sparse<Reviews>,
    #[serde(default)]
    pub institutions: Sparse<Institutions>,
    #[serde(default)]
    pub assessment: Sparse<Votes>,
    #[serde(skip_deserializing)]
    pub assessment_rate: Rate,
}
summed!(Figures {
    due_items,
    due_on_time,
    done_late,
    by_source,
    personal,
    by_batch,
    reviews,
    institutions,
    assessment,
});

impl Figures {
    /// 按期完成率: due_on_time / due_items; `None` when no item is due.
    pub fn on_time_rate(&self) -> Option<f64> {
        (self.due_items.0 > 0).then(|| f64::from(self.due_on_time.0) / f64::from(self.due_items.0))
    }
}

/// The figures, then the two rates computed from them.
impl Serialize for Figures {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Figures", 11)?;
        out.serialize_field("due_items", &self.due_items)?;
        out.serialize_field("due_on_time", &self.due_on_time)?;
        out.serialize_field("done_late", &self.done_late)?;
        out.serialize_field("on_time_rate", &self.on_time_rate())?;
        out.serialize_field("by_source", &self.by_source)?;
        out.serialize_field("personal", &self.personal)?;
        out.serialize_field("by_batch", &self.by_batch)?;
        out.serialize_field("reviews", &self.reviews)?;
        out.serialize_field("institutions", &self.institutions)?;
        out.serialize_field("assessment", &self.assessment)?;
        out.serialize_field("assessment_rate", &self.assessment.get().rate())?;
        out.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparse_counts_are_held_only_where_there_are_some_and_read_as_the_counts() {
        let none = Sparse::<Votes>::default();
        let zero = serde_json::json!({
            "participants": 0, "satisfied": 0, "basically_satisfied": 0, "unsatisfied": 0
        });
        assert_eq!(serde_json::to_value(&none).ok(), Some(zero.clone()));
        let read: Sparse<Votes> = serde_json::from_value(zero).expect("counts");
        assert!(read.0.is_none(), "noughts are not held");
        assert_eq!(read, none);

        let mut some = Sparse::<Votes>::default();
        some.get_mut().participants.add(120);
        assert!(some.0.is_some());
        let mut sum = Sparse::<Votes>::default();
        sum += &none;
        assert!(sum.0.is_none(), "adding noughts holds nothing");
        sum += &some;
        sum += &some;
        assert_eq!(sum.get().participants, Count(240));
        let json = serde_json::to_value(&sum).expect("written");
        assert_eq!(json["participants"], 240);
        let back: Sparse<Votes> = serde_json::from_value(json).expect("read");
        assert_eq!(back, sum);
    }
}
