//! Organization complaint regulations (客户投诉处理制度) as validated rule
//! tables, on an exact, fast working-day calendar.
//!
//! A [`Policy`] is one organization's regulation as a document, in TOML or
//! JSON: its calendar, roles and their actions, severity levels (ordered),
//! categories (a tree), classification / acceptance / validity rule tables,
//! milestones (clocks with a limit per level), escalation, rounds allowed per
//! level, approval authority, recusal, warranties, retention, the complaint
//! number pattern and penalty tables. Loading parses **and validates**
//! everything: every cross-reference, range and completeness rule, all
//! problems reported together with their paths (`milestones[2].targets.major`).
//!
//! ```
//! use chrono::{DateTime, Utc};
//! use tousu_model::{Channel, Complaint, ComplaintFlags};
//! use tousu_policy::{Acceptance, EvalInput, Policy};
//!
//! let policy = Policy::default_policy()?;
//! let now: DateTime<Utc> = "2025-09-30T10:00:00+08:00".parse()?;
//!
//! // Rule tables: the first matching rule decides, and is named.
//! let complaint = Complaint::builder(now, Channel::Phone, "燃气泄漏，邻居受伤")
//!     .flags(ComplaintFlags { injury_or_safety: true, ..Default::default() })
//!     .build()?;
//! let level = policy.classify(&EvalInput::new(&complaint, now));
//! assert_eq!(level.outcome.as_str(), "crisis");
//! assert_eq!(level.explanation(), r#"rule "injury-or-safety""#);
//! assert!(policy.is_more_severe(&level.outcome, &"major".parse()?));
//!
//! let accepted = policy.acceptance(&EvalInput::new(&complaint, now));
//! assert_eq!(accepted.outcome, Acceptance::Accept);
//!
//! // Milestones: the S09 result notice within 15 working days, on the
//! // policy's calendar (National Day 2025 is skipped).
//! let result = policy.milestone(&"result".parse()?).ok_or("no result milestone")?;
//! let limit = policy
//!     .milestone_target(result, &level.outcome, None)
//!     .ok_or("no limit")?;
//! let due = policy.build_calendar()?.deadline(now, &limit)?;
//! assert_eq!(due.at.with_timezone(&policy.utc_offset()).to_rfc3339(), "2025-10-29T00:00:00+08:00");
//!
//! // Validation reports every problem with its path.
//! let broken = tousu_policy::DEFAULT_POLICY_TOML.replace("warn_at_percent = [50, 80]", "warn_at_percent = [120]");
//! let err = Policy::from_toml_str(&broken).unwrap_err();
//! assert!(err.to_string().contains("milestones[0].warn_at_percent[0]: 120 is not a warning threshold"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Modules
//!
//! - [`duration`] — time limits: `"30 minutes"`, `"15 working days"`,
//!   `"15个工作日"`, `"一个月"`.
//! - [`calendar`] — weekly rest days, China's statutory holidays and 调休
//!   make-up working days as data, policy overrides, business hours, and
//!   deadlines under the Civil Code convention (arts. 201–203).
//! - [`predicate`] — rule predicates as typed data (`all` / `any` / `not`
//!   over complaint facts) and [`EvalInput`].
//! - [`rules`] — classification, acceptance and validity tables; every
//!   [`Decision`] names its rule.
//! - [`milestone`] — clocks: [`ClockEvent`]s that start, stop, pause and
//!   resume them, targets per level and per category, warnings, reopening.
//! - [`authority`] — roles and [`Action`]s, approval by amount, recusal,
//!   escalation, rounds per level.
//! - [`warranty`] — warranty terms per category, retention.
//! - [`penalty_schedule`] — penalty tables (the arithmetic is
//!   `tousu-penalty`'s).
//! - [`duties`] — periodic duties (定期工作): the daily review of the
//!   records, weekly and monthly statistics, the quarterly summary, each
//!   owed by a role, breached or only reminded.
//! - [`ids`] — ids the policy defines: policy, rule, milestone, escalation step.
//!
//! `docs/policy-authoring.md` explains every section of a policy file;
//! `docs/policy.schema.json` is its JSON Schema ([`Policy::json_schema`]).
#![forbid(unsafe_code)]
// docs.rs builds with every feature and `--cfg docsrs`: gated items say which feature they need.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::print_stdout,
        clippy::print_stderr
    )
)]
#![doc(test(attr(deny(warnings))))]

/// The working-day calendar ([`tousu_calendar`], re-exported).
pub use tousu_calendar as calendar;
/// Time limits ([`tousu_calendar::duration`], re-exported).
pub use tousu_calendar::duration;
pub mod penalty_schedule;

pub mod agreed_deadline;
mod any_case;
pub mod authority;
pub mod breach_of;
mod charged;
pub mod closure;
pub mod counted_from;
pub mod duties;
mod error;
pub mod fallback_owner;
pub mod grant_steps;
pub mod handed_down_by;
pub mod hands_over;
pub mod holder;
mod holds_case;
mod holds_lead;
mod holds_reported;
mod holds_sender;
pub mod ids;
pub mod invariants;
pub mod late_entry;
pub mod milestone;
mod owners;
mod policy;
pub mod predicate;
mod reached;
pub mod record_sign_off;
pub mod registration;
pub mod remedy_rules;
pub mod repeat;
pub mod reply;
pub mod rules;
pub mod started_by;
mod status;
pub mod stop_on_validity;
pub mod stopped_by;
#[cfg(feature = "proptest")]
#[cfg_attr(docsrs, doc(cfg(feature = "proptest")))]
pub mod strategies;
mod validate;
pub mod warranty;

pub use agreed_deadline::{AgreedDeadline, AgreedOwners};
pub use calendar::{Calendar, CalendarDataRef, CalendarError, CalendarSpec, Deadline};
pub use closure::{AwaitedReport, Closure, ClosureCallback};
pub use counted_from::CountedFrom;
pub use duration::{Duration, DurationParseError, DurationUnit};
pub use invariants::{Finding, Severity, check_invariants};
pub use late_entry::LateEntry;
pub use penalty_schedule::{
    CountLadder, CountTier, CountWindow, CustomSanction, CustomSanctionId, DepartmentLossRule,
    DepartmentLossSplit, LossRules, LossScale, MilestoneFine, MonthlyCap, OvertimeCharge,
    PenaltySchedule, SanctionRules, SplitRule, SubFenRule, UnattributedRule, ViolationFine,
    ViolationId, WholeBonusRule, YearlyReward,
};
pub use record_sign_off::{RecordSignOff, SignedRecord};
pub use registration::{MissingBefore, Registration, RequiredBefore, RequiredField};
pub use remedy_rules::{RemedyBreach, RemedyRule};
pub use repeat::Repeat;
pub use reply::{ReplyRules, WrittenReply};

pub use authority::{
    Action, ApprovalAuthority, ApprovalRule, ApprovalThreshold, Approvers, CaseView, Conflict,
    EscalationStep, EscalationTrigger, Grant, Recusal, Role, RoundsAllowed, RoundsPolicy, Route,
    WhenRoundsExhausted,
};
pub use duties::{Duty, DutyId, DutyPeriod, OnMiss};
pub use error::{Format, PolicyError, Report};
pub use fallback_owner::FallbackOwner;
pub use holder::{Holder, HolderAmong};
pub use holds_case::{HoldsCase, Whereabouts};
pub use ids::{EscalationId, MilestoneId, PolicyId, RuleId};
pub use milestone::{
    CaseAction, CategoryOverride, ClockEvent, ConditionalTarget, HeldRole, Milestone,
    MilestoneOwner, OnReopen, StartWhen,
};
pub use policy::{
    Category, DEFAULT_POLICY_TOML, Level, POLICY_SCHEMA_VERSION, Policy, PolicyVersion,
    UnreachableClosure,
};
pub use predicate::{EvalInput, FactNumber, FactNumberTest, FactTextTest, Predicate};
pub use rules::{
    Acceptance, AcceptanceRule, AcceptanceTable, ClassificationRule, ClassificationTable, Decision,
    FactsFrom, ValidityRule, ValidityTable,
};
pub use status::{Status, StatusSet};
pub use warranty::{Retention, RetentionPeriod, Warranty, WarrantyTerm};
