//! Milestones: clocks with a time limit per level, started, stopped, paused
//! and resumed by workflow events (ruling 4 in docs/rulings.md: each time limit has its
//! own start event).
//!
//! ```toml
//! [[milestones]]
//! id = "first_response"
//! name_zh = "初次对应"
//! start = ["registered"]
//! stop = ["replied"]
//! pause = ["extension_approved"]
//! resume = ["extension_ended"]
//! targets = { "不满意" = "30 minutes", "十分不满意" = "20 minutes", "重大投诉" = "10 minutes", "危机事件" = "10 minutes" }
//! warn_at_percent = [50, 80]
//! on_reopen = "restart"
//! owner = "assignee"
//! ```
//!
//! Within one event, clocks apply **stop, pause, resume, start** in that
//! order (ruling 17 in docs/rulings.md), so an event that stops one round's clock and starts
//! the next does both.

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tousu_model::{CategoryId, LevelId, RoleId, Validity};

use crate::duration::Duration;
use crate::ids::MilestoneId;
use crate::predicate::Predicate;

/// A lifecycle event of a case that clocks start, stop, pause or resume on.
///
/// Serialized as its snake_case id (`"work_order_returned"`).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ClockEvent {
    /// The complaint was received or registered (接报 / 登记).
    Registered,
    /// It was accepted (受理).
    Accepted,
    /// It was not accepted (不予受理).
    NotAccepted,
    /// A level was assigned (定级), first time or again.
    Classified,
    /// It was assigned to a responsible department or person (分派 / 交办).
    Assigned,
    /// It was transferred to another handler (转办).
    Transferred,
    /// Investigation started (调查核实).
    InvestigationStarted,
    /// Findings were recorded (调查结论).
    FindingsRecorded,
    /// A solution was proposed (处理方案).
    SolutionProposed,
    /// The solution was approved (批示 / 审批).
    Approved,
    /// The solution was sent back for rework (退回).
    SentBack,
    /// The customer was answered (答复).
    Replied,
    /// The follow-up call was recorded (回访).
    CallbackRecorded,
    /// The case was closed (结案), in any way.
    Closed,
    /// The case was reopened: a new round (再次处理).
    Reopened,
    /// The case was escalated (升级 / 上报).
    Escalated,
    /// An extension was approved (延期处理申请 批准): usually pauses clocks.
    ExtensionApproved,
    /// An approved extension ended: usually resumes clocks.
    ExtensionEnded,
    /// The complainant withdrew (撤诉).
    Withdrawn,
    /// The work order came back from the responsible department
    /// (《协调工作单》交回, S12's second-response start).
    WorkOrderReturned,
    /// A deadline was agreed with the customer (约定回复时限).
    AgreedDeadlineSet,
    /// A repeat complaint with new facts was merged into the case (重复投诉
    /// 有新情况). List it in a milestone's `stop` and `start` to restart that
    /// clock on new facts.
    RepeatMerged,
    /// Someone spoke with the customer (与客户接触 / 电话联系), recorded with
    /// [`CaseAction::CustomerContacted`].
    CustomerContacted,
    /// The work was finished (处理完毕 / 完成), recorded with
    /// [`CaseAction::WorkCompleted`].
    WorkCompleted,
    /// A report was submitted (提出报告 / 书面报告 / 反馈), recorded with
    /// [`CaseAction::ReportSubmitted`].
    ReportSubmitted,
    /// The result was verified (跟进验证 / 复检), recorded with
    /// [`CaseAction::VerificationDone`].
    VerificationDone,
    /// The customer came back in person (客户二次到厂 / 到店), recorded with
    /// [`CaseAction::CustomerVisited`] (schema 2).
    CustomerVisited,
    /// A leader gave his instruction on what was reported to him (批示),
    /// recorded with [`CaseAction::InstructionGiven`] (ruling 131).
    InstructionGiven,
    /// Someone asked for an approval before an act (书面申请 / 请示),
    /// recorded with [`CaseAction::ApprovalRequested`] (ruling 163).
    ApprovalRequested,
    /// The approver consented to what was asked (审批 / 同意), recorded
    /// with [`CaseAction::ApprovalGiven`] (ruling 163).
    ApprovalGiven,
    /// Facts were recorded mid-case (`record_facts`, schema 2): a clock
    /// whose `applies_when` reads such a fact starts when the fact arises
    /// (S10 「不能按时完成的」).
    FactsRecorded,
    /// The result report's sign-off chain was completed (`record_sign_offs`
    /// with `record = "result_report"`: its last signature, 确认签字).
    ResultReportSigned,
    /// The clock a milestone's `breach_of` names breached (schema 2, ruling
    /// 112): a start event only, and the clock counts from that clock's
    /// deadline (S37 「未能及时办结的,应主动说明原因」). See [`crate::breach_of`].
    Breached,
}

impl ClockEvent {
    /// Every event, in declaration order.
    pub const ALL: &'static [ClockEvent] = &[
        ClockEvent::Registered,
        ClockEvent::Accepted,
        ClockEvent::NotAccepted,
        ClockEvent::Classified,
        ClockEvent::Assigned,
        ClockEvent::Transferred,
        ClockEvent::InvestigationStarted,
        ClockEvent::FindingsRecorded,
        ClockEvent::SolutionProposed,
        ClockEvent::Approved,
        ClockEvent::SentBack,
        ClockEvent::Replied,
        ClockEvent::CallbackRecorded,
        ClockEvent::Closed,
        ClockEvent::Reopened,
        ClockEvent::Escalated,
        ClockEvent::ExtensionApproved,
        ClockEvent::ExtensionEnded,
        ClockEvent::Withdrawn,
        ClockEvent::WorkOrderReturned,
        ClockEvent::AgreedDeadlineSet,
        ClockEvent::RepeatMerged,
        ClockEvent::CustomerContacted,
        ClockEvent::WorkCompleted,
        ClockEvent::ReportSubmitted,
        ClockEvent::VerificationDone,
        ClockEvent::CustomerVisited,
        ClockEvent::InstructionGiven,
        ClockEvent::ApprovalRequested,
        ClockEvent::ApprovalGiven,
        ClockEvent::FactsRecorded,
        ClockEvent::ResultReportSigned,
        ClockEvent::Breached,
    ];

    /// The snake_case id, as serialized.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            ClockEvent::Registered => "registered",
            ClockEvent::Accepted => "accepted",
            ClockEvent::NotAccepted => "not_accepted",
            ClockEvent::Classified => "classified",
            ClockEvent::Assigned => "assigned",
            ClockEvent::Transferred => "transferred",
            ClockEvent::InvestigationStarted => "investigation_started",
            ClockEvent::FindingsRecorded => "findings_recorded",
            ClockEvent::SolutionProposed => "solution_proposed",
            ClockEvent::Approved => "approved",
            ClockEvent::SentBack => "sent_back",
            ClockEvent::Replied => "replied",
            ClockEvent::CallbackRecorded => "callback_recorded",
            ClockEvent::Closed => "closed",
            ClockEvent::Reopened => "reopened",
            ClockEvent::Escalated => "escalated",
            ClockEvent::ExtensionApproved => "extension_approved",
            ClockEvent::ExtensionEnded => "extension_ended",
            ClockEvent::Withdrawn => "withdrawn",
            ClockEvent::WorkOrderReturned => "work_order_returned",
            ClockEvent::AgreedDeadlineSet => "agreed_deadline_set",
            ClockEvent::RepeatMerged => "repeat_merged",
            ClockEvent::CustomerContacted => "customer_contacted",
            ClockEvent::WorkCompleted => "work_completed",
            ClockEvent::ReportSubmitted => "report_submitted",
            ClockEvent::VerificationDone => "verification_done",
            ClockEvent::CustomerVisited => "customer_visited",
            ClockEvent::InstructionGiven => "instruction_given",
            ClockEvent::ApprovalRequested => "approval_requested",
            ClockEvent::ApprovalGiven => "approval_given",
            ClockEvent::FactsRecorded => "facts_recorded",
            ClockEvent::ResultReportSigned => "result_report_signed",
            ClockEvent::Breached => "breached",
        }
    }

    /// The recorded action this event is, if it is one (`report_submitted`
    /// is [`CaseAction::ReportSubmitted`]).
    #[must_use]
    pub fn action(self) -> Option<CaseAction> {
        CaseAction::ALL
            .iter()
            .copied()
            .find(|a| a.clock_event() == self)
    }
}

impl fmt::Display for ClockEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Something people do on a case that the lifecycle's statuses do not
/// record, recorded by the `record_action` command so that a regulation's
/// clocks can start and stop on it instead of on a proxy such as `replied`
/// (S10 「处理完毕后……于8小时内跟进验证」, S41 「将结果三天内提出报告」, S12
/// 「务必在20分钟内与客户有第一次电话接触」).
///
/// Serialized as its snake_case id; each is also the [`ClockEvent`] of the
/// same name.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CaseAction {
    /// Someone spoke with the customer (与客户接触).
    CustomerContacted,
    /// The work was finished (处理完毕).
    WorkCompleted,
    /// A report was submitted (提出报告 / 书面报告).
    ReportSubmitted,
    /// The result was verified (跟进验证).
    VerificationDone,
    /// The customer came back in person (客户二次到厂 / 到店).
    CustomerVisited,
    /// A leader gave his instruction on what was reported to him (领导批示;
    /// S17 意见类「待领导作出批示后」, ruling 131).
    InstructionGiven,
    /// Someone asked for an approval before an act (申请 / 请示; S06 五
    /// 「销售公司 书面申请」, S20 4「请示上级后」, ruling 163).
    ApprovalRequested,
    /// The approver consented to what was asked (审批 / 同意; S06 五
    /// 「质量总监审批」, ruling 163): recorded only when given, a refusal is a
    /// note. A grant waits for it with `after_acts = ["approval_given"]`,
    /// the approver's grant with `after_acts = ["approval_requested"]`.
    ApprovalGiven,
}

impl CaseAction {
    /// Every action, in declaration order.
    pub const ALL: &'static [CaseAction] = &[
        CaseAction::CustomerContacted,
        CaseAction::WorkCompleted,
        CaseAction::ReportSubmitted,
        CaseAction::VerificationDone,
        CaseAction::CustomerVisited,
        CaseAction::InstructionGiven,
        CaseAction::ApprovalRequested,
        CaseAction::ApprovalGiven,
    ];

    /// The clock event recording it causes.
    #[must_use]
    pub const fn clock_event(self) -> ClockEvent {
        match self {
            CaseAction::CustomerContacted => ClockEvent::CustomerContacted,
            CaseAction::WorkCompleted => ClockEvent::WorkCompleted,
            CaseAction::ReportSubmitted => ClockEvent::ReportSubmitted,
            CaseAction::VerificationDone => ClockEvent::VerificationDone,
            CaseAction::CustomerVisited => ClockEvent::CustomerVisited,
            CaseAction::InstructionGiven => ClockEvent::InstructionGiven,
            CaseAction::ApprovalRequested => ClockEvent::ApprovalRequested,
            CaseAction::ApprovalGiven => ClockEvent::ApprovalGiven,
        }
    }
}

impl fmt::Display for CaseAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.clock_event().id())
    }
}

/// What a milestone's clock does when the case is reopened (ruling 16 in docs/rulings.md).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OnReopen {
    /// Each round has its own clock: the new round starts a fresh one on its
    /// start events (the default).
    #[default]
    Restart,
    /// The clock carries over: elapsed time from earlier rounds counts.
    Continue,
    /// The clock runs in the first round only; later rounds do not start it.
    OncePerCase,
}

/// Which of a milestone's start events start its clock (ruling 81).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StartWhen {
    /// The first of them (the default).
    #[default]
    Any,
    /// The last of them: the clock starts once every one has happened in
    /// the round, at the later one. Only events the round remembers may be
    /// listed: `replied` and `result_report_signed`.
    All,
}

impl StartWhen {
    /// Whether this is the default, [`StartWhen::Any`].
    #[must_use]
    pub fn is_any(&self) -> bool {
        *self == StartWhen::Any
    }

    /// The start events a round remembers, so that `all` can tell that an
    /// earlier one happened: the case's status says it was replied, and its
    /// signatures say the result report's chain is complete.
    pub const REMEMBERED: &'static [ClockEvent] =
        &[ClockEvent::Replied, ClockEvent::ResultReportSigned];
}

/// Who owns a milestone's clock, and so bears its overtime fine (ruling 7 in docs/rulings.md:
/// the owner when it breached).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum MilestoneOwner {
    /// The case's current lead handler (责任人), the default.
    #[default]
    Assignee,
    /// The first staff member contacted (首问责任人).
    FirstResponder,
    /// Whoever holds this role on the case: `{ role = "complaint_manager" }`.
    Role(RoleId),
    /// The holder of a role the case was handed to, though they have not
    /// acted on it yet, found in the roster (ruling 75):
    /// `{ holder = { role = "dept_supervisor", among = "supervisors" } }`.
    Holder(crate::holder::Holder),
    /// Whoever holds this role on the case in a department that holds it,
    /// read as a `holds_case = "received"` grant reads it (ruling 161):
    /// before any hand-over the department of the complaint's first
    /// responder, after one the department it was handed to (its handler's,
    /// its lead department or one under it, or the holders of the role a
    /// step took it over to): `{ role_holding_case = "office" }`; or read as
    /// another `holds_case` reads it (ruling 172): `{ role_holding_case = {
    /// role = "duty_officer", holds = ["received", "sent"] } }`.
    RoleHoldingCase(HeldRole),
}

/// A role owner limited to the departments holding the case
/// ([`MilestoneOwner::RoleHoldingCase`]): the role, and the `holds_case`
/// reading that says which departments hold it — `"received"` (ruling 161)
/// when written as the role alone, `{ role_holding_case = "office" }`; any
/// other value or list of a grant's `holds_case` in the table form
/// `{ role_holding_case = { role = "office", holds = ["received", "sent"] } }`
/// (ruling 172).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct HeldRole {
    /// The role.
    pub role: RoleId,
    /// Where the case must be for a holder of the role to count, as a
    /// grant's `holds_case` reads it for the holder (default `"received"`).
    pub holds: crate::HoldsCase,
}

impl HeldRole {
    /// The role, read as `holds_case = "received"` reads it (ruling 161).
    #[must_use]
    pub fn received(role: RoleId) -> Self {
        HeldRole {
            role,
            holds: crate::HoldsCase::Received,
        }
    }
}

/// The table form of [`HeldRole`].
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct HeldRoleTable {
    role: RoleId,
    #[serde(default = "received")]
    holds: crate::HoldsCase,
}

const fn received() -> crate::HoldsCase {
    crate::HoldsCase::Received
}

impl Serialize for HeldRole {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.holds == crate::HoldsCase::Received {
            self.role.serialize(serializer)
        } else {
            HeldRoleTable {
                role: self.role.clone(),
                holds: self.holds,
            }
            .serialize(serializer)
        }
    }
}

impl<'de> Deserialize<'de> for HeldRole {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = HeldRole;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a role, or a table { role = \"…\", holds = … } whose `holds` is a grant's `holds_case` (ruling 172)")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<HeldRole, E> {
                RoleId::deserialize(serde::de::value::StrDeserializer::<E>::new(v))
                    .map(HeldRole::received)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<HeldRole, A::Error> {
                let t =
                    HeldRoleTable::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(HeldRole {
                    role: t.role,
                    holds: t.holds,
                })
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl JsonSchema for HeldRole {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "HeldRole".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let role = generator.subschema_for::<RoleId>();
        let holds = generator.subschema_for::<crate::HoldsCase>();
        schemars::json_schema!({
            "description": "A role owner limited to the departments holding the case: the role alone reads them as `holds_case = \"received\"` does (ruling 161); a table `{ role = \"…\", holds = … }` as its `holds` does, any value or list of a grant's `holds_case` but false (ruling 172): `{ role = \"duty_officer\", holds = [\"received\", \"sent\"] }`.",
            "anyOf": [
                role,
                {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["role"],
                    "properties": { "role": role, "holds": holds },
                },
            ],
        })
    }
}

impl MilestoneOwner {
    /// The role a role owner names, whether or not it is limited to the
    /// department holding the case.
    #[must_use]
    pub fn role(&self) -> Option<&RoleId> {
        match self {
            MilestoneOwner::Role(r) | MilestoneOwner::RoleHoldingCase(HeldRole { role: r, .. }) => {
                Some(r)
            }
            _ => None,
        }
    }
}

/// Targets that replace the level targets for a category and its
/// descendants; the nearest category wins.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryOverride {
    /// The category (its descendants included).
    pub category: CategoryId,
    /// Per-level limits for it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub targets: BTreeMap<LevelId, Duration>,
    /// One limit for every level not in `targets`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Duration>,
}

/// Targets that apply when a predicate holds (in-province or not, domestic
/// or foreign, referred from above...); the first matching entry wins, before
/// category overrides and the level targets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConditionalTarget {
    /// When it applies (evaluated when the clock starts).
    pub when: Predicate,
    /// Per-level limits.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub targets: BTreeMap<LevelId, Duration>,
    /// One limit for every level not in `targets`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Duration>,
    /// A note for people (the clause).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl ConditionalTarget {
    /// The limit for `level`, if this entry gives one.
    #[must_use]
    pub fn level_target(&self, level: &LevelId) -> Option<Duration> {
        self.targets.get(level).copied().or(self.target)
    }
}

/// A clock with a time limit per level (时限).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// Unique id (`first_response`).
    pub id: MilestoneId,
    /// Its name in the regulation (初次对应).
    pub name_zh: String,
    /// A note for people (the clause it comes from).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Events that start the clock (at least one).
    pub start: Vec<ClockEvent>,
    /// `"any"` (the default): the first start event starts the clock;
    /// `"all"`: the last, once every one has happened in the round (ruling
    /// 81; S04's callback follows both the reply and the signed result
    /// report: `start = ["replied", "result_report_signed"]`).
    #[serde(default, skip_serializing_if = "StartWhen::is_any")]
    pub start_when: StartWhen,
    /// Events that stop it: met if before the deadline (at least one).
    pub stop: Vec<ClockEvent>,
    /// Events that pause it (an approved extension).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pause: Vec<ClockEvent>,
    /// Events that resume it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resume: Vec<ClockEvent>,
    /// The limit per level.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub targets: BTreeMap<LevelId, Duration>,
    /// One limit for every level not in `targets`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Duration>,
    /// Limits for particular categories.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub category_overrides: Vec<CategoryOverride>,
    /// Limits that apply when a predicate holds; the first match wins over
    /// category overrides and level targets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditional_targets: Vec<ConditionalTarget>,
    /// The clock runs only for complaints this predicate holds for (e.g.
    /// cases referred from above, S26 / S29); absent: for every complaint.
    /// Evaluated when the clock would start, on the complaint and the facts
    /// recorded so far (`record_facts`): with `facts_recorded` among the
    /// start events, the clock starts when such a fact arises mid-case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_when: Option<Predicate>,
    /// The escalation steps whose `escalated` event this milestone starts
    /// and stops on (schema 2): S10's written report is due 24 hours after
    /// the report to the company leader (step `company-leader`) and 48 hours
    /// after the call to the board (step `board-leader`). Empty (the
    /// default): any escalation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<crate::EscalationId>,
    /// Warn when this share of the limit has elapsed: whole percents from 1
    /// to 99, ascending (`[50, 80]`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warn_at_percent: Vec<u8>,
    /// What a reopened case does with this clock.
    #[serde(default)]
    pub on_reopen: OnReopen,
    /// An optional milestone need not have a target for every level: levels
    /// without one run no clock.
    #[serde(default)]
    pub optional: bool,
    /// Who owns the clock (for overtime fines).
    #[serde(default)]
    pub owner: MilestoneOwner,
    /// When the case is reclassified into a level whose limit is longer, the
    /// running clock takes it, counted from the instant its deadline was
    /// counted from (schema 2; ruling 26 in docs/rulings.md). Without it a
    /// running clock is only ever tightened. A clock already past its
    /// deadline, or one that was paused (its time left is measured from the
    /// resume), keeps its deadline: loosening never undoes a breach due.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub loosen_on_reclassify: bool,
    /// A reminder, not a time limit (schema 2): when its time comes the clock
    /// warns once, at 100 % (`milestone_warning`), and it never breaches,
    /// fines or escalates (S12 「回访专员需在40分钟后打电话给客户追踪处理状况」).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reminder: bool,
    /// Who answers for a breach when `owner` names nobody on the case (an
    /// assignee-owned clock that breaches before assignment):
    /// `{ role = "complaint_manager" }` or `"first_responder"`, or (schema
    /// 2) a list of them tried in order (ruling 44). `policy check` warns
    /// when an assignee-owned clock starts before assignment without one;
    /// such a breach is recorded without an owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback_owner: Option<crate::FallbackOwner>,
    /// A recorded action in `stop` (`report_submitted`, `verification_done`...)
    /// stops this clock only when the `record_action` names it (`milestone =
    /// "company_written_report"`; schema 2, ruling 29 in docs/rulings.md).
    /// Without it every such record stops the clock: one `report_submitted`
    /// stops every report clock running. S10's two written reports, each due
    /// from its own escalation step, are two acts of two people. Starting,
    /// pausing and resuming are not affected: one completion may start
    /// several clocks.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub named_actions: bool,
    /// Count the deadline from an earlier instant than the clock's start
    /// (schema 2, ruling 40): `{ stop_of = "dispatch" }`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counted_from: Option<crate::CountedFrom>,
    /// The milestone whose breach starts this clock, when `start` is
    /// `["breached"]` (schema 2, ruling 112): S37's explanation of a case
    /// not finished in time is owed once `completion` is late
    /// (`breach_of = "completion"`), counted from its deadline. See
    /// [`crate::breach_of`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breach_of: Option<MilestoneId>,
    /// The clock starts only when its start event is made by a staff member
    /// holding one of these roles (schema 2, ruling 45): S31's result report
    /// is owed for the cases the province passed down (`start = ["assigned",
    /// "transferred"]`, `started_by = ["provincial_body"]`); a hand-over
    /// to a holder of those roles passes nothing on and starts nothing.
    /// Empty (the default): whoever makes it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub started_by: Vec<RoleId>,
    /// The clock starts only while the case's standing hand-over (the last
    /// `assigned` or `transferred`, whoever makes the start event) was made
    /// by a staff member holding one of these roles, to someone outside them
    /// (schema 2, ruling 124): S34's supervision of a case the 市建委 handed
    /// down also runs in a round the district's head reopens and leaves with
    /// the body the commission chose (`start = ["assigned", "transferred",
    /// "reopened"]`, `handed_down_by = ["municipal_commission"]`). Empty
    /// (the default): whoever handed the case over. See
    /// [`crate::handed_down_by`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub handed_down_by: Vec<RoleId>,
    /// The clock stops on a stop event only when the staff member making
    /// it holds one of these roles (schema 2, ruling 64): S30's
    /// 服务监督团队 answers every work order, so a reply by the 部门主管
    /// leaves `team_reply` running (`stopped_by = ["supervision_team",
    /// "difficult_team"]`). `closed`, `withdrawn`, `escalated`,
    /// `extension_ended` and events no person makes stop it whoever makes
    /// them. Empty (the default): whoever makes it. See
    /// [`crate::stopped_by`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stopped_by: Vec<RoleId>,
    /// Findings recorded with one of these validities stop the clock, and
    /// while the round's findings hold one it does not start (schema 2,
    /// ruling 48): S33's month is for 责任投诉 only, so
    /// `stop_on_validity = ["invalid"]` ends it when the investigation
    /// finds the complaint 无责任. Empty (the default): the findings stop
    /// it only if `stop` lists `findings_recorded`. See
    /// [`crate::stop_on_validity`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stop_on_validity: Vec<Validity>,
    /// The clock starts again each time it stops, and each time a period
    /// runs out, until one of `repeat.until` stops it or the case closes
    /// (schema 2, ruling 49): S19's progress reports to the guest,
    /// `repeat = { until = ["callback_recorded"] }`. See [`crate::repeat`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat: Option<crate::Repeat>,
}

impl Milestone {
    /// The limit for `level`, without category overrides: `targets[level]`,
    /// else `target`.
    #[must_use]
    pub fn level_target(&self, level: &LevelId) -> Option<Duration> {
        self.targets.get(level).copied().or(self.target)
    }

    /// Whether a recorded `action` stops this milestone: `stop` lists the
    /// action's event, and the record names this milestone or, unnamed,
    /// the milestone does not ask to be named (`named_actions`).
    #[must_use]
    pub fn stopped_by_action(&self, action: CaseAction, named: Option<&MilestoneId>) -> bool {
        self.stop.contains(&action.clock_event())
            && match named {
                Some(id) => *id == self.id,
                None => !self.named_actions,
            }
    }
}

impl CategoryOverride {
    /// The limit for `level`, if this override gives one.
    #[must_use]
    pub fn level_target(&self, level: &LevelId) -> Option<Duration> {
        self.targets.get(level).copied().or(self.target)
    }
}
