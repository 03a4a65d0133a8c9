//! The inputs of a period's computation: what happened, and what is still owed.
//!
//! [`PenaltyFacts`] holds one month's facts — overtime breaches, violations,
//! losses with their responsible parties, administrative sanctions and the
//! complaints against each person — and [`CarryOver`] the instalments still
//! owed from earlier months. Both are stored documents: serde, JSON Schema and
//! a `schema_version`. Amounts are strings (`"1000.00"`), never floats.
//!
//! ```
//! use tousu_penalty::{PenaltyFacts, Month, Responsible};
//!
//! let facts: PenaltyFacts = serde_json::from_str(r#"{
//!     "period": "2025-10",
//!     "losses": [
//!         {"case": "C-42", "amount": "1000.00",
//!          "responsible": {"parties": [{"staff": "e1", "share": "60%"}, {"department": "cs", "share": "40%"}]}},
//!         {"case": "C-43", "amount": "90", "responsible": "unattributed"}
//!     ]
//! }"#)?;
//! assert_eq!(facts.period, Month::new(2025, 10)?);
//! assert!(matches!(facts.losses[1].responsible, Responsible::Unattributed));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tousu_model::{
    CaseId, DepartmentId, LevelId, Money, Month, Responsibility, SanctionKind, StaffId,
};
use tousu_policy::ViolationId;

/// The schema version of [`PenaltyFacts`] documents this crate writes.
pub const FACTS_SCHEMA_VERSION: u32 = 1;

/// The schema version of [`CarryOver`] documents this crate writes.
pub const CARRY_SCHEMA_VERSION: u32 = 1;

fn facts_version() -> u32 {
    FACTS_SCHEMA_VERSION
}

fn carry_version() -> u32 {
    CARRY_SCHEMA_VERSION
}

fn one() -> u32 {
    1
}

/// One month's facts for the penalty computation.
///
/// Every list is optional. The facts are taken to be the period's: instants
/// are kept for the record and for choosing among duplicates, not checked
/// against the month (the month's boundaries are in the policy's time zone,
/// which the caller applied when it gathered the facts).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PenaltyFacts {
    /// The document's schema version ([`FACTS_SCHEMA_VERSION`]).
    #[serde(default = "facts_version")]
    pub schema_version: u32,
    /// The month.
    pub period: Month,
    /// Milestones that breached their time limit (超时).
    #[serde(default)]
    pub breaches: Vec<Breach>,
    /// Violations of the handling rules (S32's table).
    #[serde(default)]
    pub violations: Vec<Violation>,
    /// Losses (损失金额) to allocate, each computed on its own (按单分别罚扣).
    #[serde(default)]
    pub losses: Vec<Loss>,
    /// Administrative sanctions imposed this month.
    #[serde(default)]
    pub sanctions: Vec<Sanction>,
    /// Complaints against each person this month, for the count ladder. A
    /// person–case pair listed twice counts once; a refusal to receive a
    /// complaint (S38) is listed as a complaint against the person.
    #[serde(default)]
    pub complaints: Vec<ComplaintAgainst>,
    /// The people whose month was judged serious (情节严重).
    #[serde(default)]
    pub serious: BTreeSet<StaffId>,
    /// The year-end review (年终评比), in the month it is held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_review: Option<YearReview>,
    /// Breaches nobody can be charged for, each with the reason: they are
    /// fined to no one but never dropped, and appear as such in the result.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unowned: Vec<UnownedBreach>,
    /// The policy's Chinese names of the milestones and levels the breaches
    /// cite, for the statements' Chinese text ([`Names::of`]).
    #[serde(default, skip_serializing_if = "Names::is_empty")]
    pub names: Names,
}

/// The policy's Chinese names (`name_zh`) of milestone and level ids: a
/// statement's Chinese text says 「初次对应」 and 不满意 as the regulation
/// does, its English text keeps the ids. An id without a name is written as
/// the id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Names {
    /// Milestone id → its Chinese name (`first_response` → `初次对应`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub milestones: BTreeMap<tousu_policy::MilestoneId, String>,
    /// Level id → its Chinese name (`unsatisfied` → `不满意`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub levels: BTreeMap<LevelId, String>,
}

impl Names {
    /// The names `policy` gives its milestones and levels.
    pub fn of(policy: &tousu_policy::Policy) -> Names {
        Names {
            milestones: policy
                .milestones
                .iter()
                .map(|m| (m.id.clone(), m.name_zh.clone()))
                .collect(),
            levels: policy
                .levels
                .iter()
                .map(|l| (l.id.clone(), l.name_zh.clone()))
                .collect(),
        }
    }

    /// Adds the names `other` has and `self` lacks (for facts gathered
    /// under several policy versions: the first name given for an id stays).
    pub fn merge(&mut self, other: Names) {
        for (id, name) in other.milestones {
            self.milestones.entry(id).or_insert(name);
        }
        for (id, name) in other.levels {
            self.levels.entry(id).or_insert(name);
        }
    }

    /// Whether there are no names.
    pub fn is_empty(&self) -> bool {
        self.milestones.is_empty() && self.levels.is_empty()
    }
}

impl PenaltyFacts {
    /// Facts for `period` with nothing in them.
    pub fn new(period: Month) -> PenaltyFacts {
        PenaltyFacts {
            schema_version: FACTS_SCHEMA_VERSION,
            period,
            breaches: Vec::new(),
            violations: Vec::new(),
            losses: Vec::new(),
            sanctions: Vec::new(),
            complaints: Vec::new(),
            serious: BTreeSet::new(),
            year_review: None,
            unowned: Vec::new(),
            names: Names::default(),
        }
    }
}

/// A milestone that breached its time limit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Breach {
    /// The case.
    pub case: CaseId,
    /// The policy's milestone id (`first_response`, `second_response`, ...).
    pub milestone: tousu_policy::MilestoneId,
    /// The round (每一轮处理) it breached in, from 1; default 1.
    #[serde(default = "one")]
    pub round: u32,
    /// The case's level when it breached: it selects the fine.
    pub level: LevelId,
    /// Who owned the milestone when it breached, and so pays (ruling 7 in docs/rulings.md).
    pub owner: StaffId,
    /// When it breached.
    pub at: DateTime<Utc>,
}

/// A breach whose owner does not resolve to anyone (an assignee-owned clock
/// that breached before anyone was assigned, under a policy that names no
/// fallback owner; a role nobody on the case holds): listed, with why, so
/// that no breach is ever dropped without a line that says so.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnownedBreach {
    /// The case.
    pub case: CaseId,
    /// The clock's milestone (`agreed_deadline` for an agreed deadline).
    pub milestone: tousu_policy::MilestoneId,
    /// The round it breached in, from 1; default 1.
    #[serde(default = "one")]
    pub round: u32,
    /// The clock's level when it breached.
    pub level: LevelId,
    /// When it breached.
    pub at: DateTime<Utc>,
    /// Why nobody is charged, for the reader.
    pub reason: String,
}

/// A violation of a rule in the schedule's violation table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Violation {
    /// The violation id in the schedule.
    pub rule: ViolationId,
    /// The case concerned, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<CaseId>,
    /// The responsible person (责任人).
    pub responsible: StaffId,
    /// The supervisor who shares the fine (调度主管, 责任主管); the
    /// responsible person's roster supervisor when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supervisor: Option<StaffId>,
    /// How many items, for a violation fined per item (每项); default 1, and
    /// must be 1 for a violation fined per occurrence.
    #[serde(default = "one")]
    pub items: u32,
}

/// A loss to allocate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Loss {
    /// The case it arose in.
    pub case: CaseId,
    /// The amount in yuan, as a string; finer than a fen is an error unless
    /// the schedule rounds losses.
    #[serde(with = "tousu_model::decimal_text::weight")]
    #[schemars(with = "String")]
    pub amount: Decimal,
    /// Who bears it.
    pub responsible: Responsible,
}

/// Who bears a loss.
///
/// In JSON: `{"parties": [{"staff": "e1", "share": "0.6"}, ...]}`,
/// `{"department": "cs"}`, `"unattributed"` or `{"unattributed_within": "workshop"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Responsible {
    /// One party bears all; two or more share by their responsibility
    /// shares (责任比例), exact to the fen. A department's part is split
    /// among its staff by the schedule's department rule.
    Parties(Vec<Responsibility>),
    /// A department (and its sub-departments) bears it, split by the
    /// schedule's department rule (base points by default: S41 5.9.3).
    Department(DepartmentId),
    /// No unit was identified: the whole roster bears it, by the schedule's
    /// unattributed rule (equally by default: S41 5.8.1).
    Unattributed,
    /// No unit was identified within a department (全车间): its staff bear
    /// it by the schedule's unattributed rule.
    UnattributedWithin(DepartmentId),
}

/// An administrative sanction imposed on a person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sanction {
    /// The person.
    pub staff: StaffId,
    /// The sanction (`warning`, `minor_demerit`, `major_demerit`, ...).
    pub kind: SanctionKind,
    /// The case it concerns, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<CaseId>,
    /// The reason, for the statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The violation of the schedule's table that brought it (S41 5.6.4's
    /// triggers, 「依情节轻重予以行政处分」): the statement names it, and a
    /// violation that lists the sanctions it may bring admits only those.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub violation: Option<ViolationId>,
}

/// A complaint against a person, for the count ladder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ComplaintAgainst {
    /// The person complained about.
    pub staff: StaffId,
    /// The case.
    pub case: CaseId,
}

/// The year-end review: complaints against each person over the year.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearReview {
    /// Complaints in the year per person; people not listed had none.
    #[serde(default)]
    pub complaint_counts: BTreeMap<StaffId, u32>,
}

/// Instalments still owed after a period (逐月分期罚扣): the input of the next
/// period's computation and the output of this one's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CarryOver {
    /// The document's schema version ([`CARRY_SCHEMA_VERSION`]).
    #[serde(default = "carry_version")]
    pub schema_version: u32,
    /// The period after which these amounts are owed.
    pub period: Month,
    /// What each person still owes; people who owe nothing are not listed.
    #[serde(default)]
    pub balances: BTreeMap<StaffId, Money>,
}

impl CarryOver {
    /// Nothing owed after `period`.
    pub fn empty(period: Month) -> CarryOver {
        CarryOver {
            schema_version: CARRY_SCHEMA_VERSION,
            period,
            balances: BTreeMap::new(),
        }
    }
}
