//! The case: a complaint, its status and everything decided about it.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use tousu_model::{
    CaseId, CommandId, Complaint, ComplaintNo, FaultParty, LevelId, Money, Remedy, RoleId,
    Satisfaction, StaffId, Validity,
};
use tousu_policy::{
    Deadline, Duration, EscalationId, MilestoneId, Policy, PolicyId, PolicyVersion, RuleId,
};

use crate::command::{Assignment, Responsibility};
use crate::event::{ClosureKind, Event, EventKind};

/// The schema version of [`Case`] documents this crate writes.
pub const CASE_SCHEMA_VERSION: u32 = 1;

/// Where a case stands.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Status {
    /// 已登记: registered, acceptance not yet decided.
    Registered,
    /// 已受理: accepted, not yet assigned.
    Accepted,
    /// 不予受理: not accepted (final, but notes may be added).
    NotAccepted,
    /// 已分派: assigned to a department or handler.
    Assigned,
    /// 调查中: under investigation.
    Investigating,
    /// 待审批: a solution awaits approval.
    AwaitingApproval,
    /// 已批准: the solution is approved.
    Approved,
    /// 已答复: the customer was answered; the callback follows.
    Replied,
    /// 已结案: closed (see [`Case::closure`]).
    Closed,
}

impl Status {
    /// The Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            Status::Registered => "已登记",
            Status::Accepted => "已受理",
            Status::NotAccepted => "不予受理",
            Status::Assigned => "已分派",
            Status::Investigating => "调查中",
            Status::AwaitingApproval => "待审批",
            Status::Approved => "已批准",
            Status::Replied => "已答复",
            Status::Closed => "已结案",
        }
    }

    /// Whether the case is still being handled.
    pub fn is_open(self) -> bool {
        !matches!(self, Status::NotAccepted | Status::Closed)
    }

    /// The status id, as serialized.
    pub fn id(self) -> &'static str {
        match self {
            Status::Registered => "registered",
            Status::Accepted => "accepted",
            Status::NotAccepted => "not_accepted",
            Status::Assigned => "assigned",
            Status::Investigating => "investigating",
            Status::AwaitingApproval => "awaiting_approval",
            Status::Approved => "approved",
            Status::Replied => "replied",
            Status::Closed => "closed",
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// A clock's state.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum ClockState {
    /// Counting toward the deadline.
    Running,
    /// Suspended (an approved extension); `remaining_seconds` of the clock's own time left.
    Paused {
        /// Since when.
        since: DateTime<Utc>,
        /// Time left when paused, in seconds (negative when already overdue).
        remaining_seconds: i64,
    },
    /// Stopped.
    Stopped {
        /// When.
        at: DateTime<Utc>,
        /// Whether strictly before the deadline.
        met: bool,
    },
}

/// One milestone's clock in one round.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
pub struct Clock {
    /// The milestone.
    pub milestone: MilestoneId,
    /// The round it belongs to.
    pub round: u32,
    /// The level whose target applies.
    pub level: LevelId,
    /// The time limit.
    pub target: Duration,
    /// When it started.
    pub started_at: DateTime<Utc>,
    /// The current deadline (the last one, when paused or stopped).
    pub deadline: Deadline,
    /// The whole limit in the clock's own time, in seconds.
    pub total_seconds: i64,
    /// Running, paused or stopped.
    pub state: ClockState,
    /// Warning thresholds already passed.
    pub warned: Vec<u8>,
    /// Whether the deadline passed while it ran.
    pub breached: bool,
    /// What the current deadline was counted from, so that it can be counted
    /// again under better calendar data ([`recalculate`](crate::recalculate)).
    /// Absent for clocks replayed from events recorded before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<DeadlineBasis>,
}

/// What a clock's current deadline was counted from.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case", tag = "kind")]
#[non_exhaustive]
pub enum DeadlineBasis {
    /// The whole target from an instant (a start, or a retarget).
    Target {
        /// The instant counted from.
        from: DateTime<Utc>,
        /// The time limit.
        target: Duration,
    },
    /// Time left in the clock's own measure from an instant (a resume, or a
    /// round that continues the last one's time).
    Remaining {
        /// The instant counted from.
        from: DateTime<Utc>,
        /// The time left, in seconds of the clock's measure.
        seconds: i64,
    },
}

impl Clock {
    /// Whether it is running.
    pub fn is_running(&self) -> bool {
        matches!(self.state, ClockState::Running)
    }

    /// Whether it is running or paused.
    pub fn is_open(&self) -> bool {
        !matches!(self.state, ClockState::Stopped { .. })
    }
}

/// The acceptance decision.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
pub struct AcceptanceRecord {
    /// Accepted or not.
    pub accepted: bool,
    /// The rule that decided it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<RuleId>,
    /// Why (when not accepted, or when the rules were overridden).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Advice to the complainant, when not accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advice: Option<String>,
}

/// The investigation's findings.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
pub struct Findings {
    /// 有效 / 无效 / 恶意.
    pub validity: Validity,
    /// The rule that decided it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<RuleId>,
    /// Who was at fault.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fault: Option<FaultParty>,
    /// Responsibility shares.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsible: Vec<Responsibility>,
    /// Who recorded them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_by: Option<StaffId>,
}

/// A proposed solution.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
pub struct Proposal {
    /// The remedies.
    pub remedies: Vec<Remedy>,
    /// Their total.
    pub amount: Money,
    /// The role whose authority covers the amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_role: Option<RoleId>,
    /// Who approved it, once approved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<StaffId>,
}

/// A requested or approved extension.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
pub struct Extension {
    /// Who asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_by: Option<StaffId>,
    /// Why.
    pub reason: String,
    /// Until when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<DateTime<Utc>>,
    /// Whether approved (clocks paused).
    pub approved: bool,
}

/// An escalation that happened.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
pub struct EscalationRecord {
    /// The ladder step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<EscalationId>,
    /// The role that took over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub take_over: Option<RoleId>,
    /// When.
    pub at: DateTime<Utc>,
    /// The round it happened in.
    pub round: u32,
}

/// How and when the case was closed.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
pub struct Closure {
    /// How.
    pub kind: ClosureKind,
    /// When.
    pub at: DateTime<Utc>,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A complaint case: the complaint, its status and everything decided.
///
/// A case is only ever built by folding events ([`Case::replay`],
/// [`evolve`](crate::evolve)), so what is stored (the events) is the truth.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
pub struct Case {
    /// The document's schema version ([`CASE_SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// The case id.
    pub id: CaseId,
    /// The complaint number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<ComplaintNo>,
    /// The complaint as registered.
    pub complaint: Complaint,
    /// The policy it is judged by.
    pub policy_id: PolicyId,
    /// That policy's version.
    pub policy_version: PolicyVersion,
    /// Earlier complaints on the same matter.
    pub repeat_count: u32,
    /// Where it stands.
    pub status: Status,
    /// The level (定级), once classified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<LevelId>,
    /// The rule that set the level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level_rule: Option<RuleId>,
    /// The acceptance decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acceptance: Option<AcceptanceRecord>,
    /// The round of handling, from 1 (每一轮处理).
    pub round: u32,
    /// The current assignment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignment: Option<Assignment>,
    /// The findings of this round.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub findings: Option<Findings>,
    /// The solution of this round.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal: Option<Proposal>,
    /// The last callback's answer in this round.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback: Option<Satisfaction>,
    /// Every clock of every round.
    pub clocks: Vec<Clock>,
    /// A deadline agreed with the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed_deadline: Option<DateTime<Utc>>,
    /// The pending or approved extension.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<Extension>,
    /// Escalations, in order.
    pub escalations: Vec<EscalationRecord>,
    /// Repeat cases merged in.
    pub repeats: Vec<CaseId>,
    /// How it was closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closure: Option<Closure>,
    /// Staff who acted on the case (for confidential viewing).
    pub participants: BTreeSet<StaffId>,
    /// Notes added.
    pub notes: u32,
    /// Events applied so far.
    pub version: u64,
    /// Command ids already applied (idempotency).
    pub command_ids: BTreeSet<CommandId>,
    /// When the last event happened.
    pub updated_at: DateTime<Utc>,
}

/// Why a list of events does not rebuild a case.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReplayError {
    /// There were no events.
    #[error("no events: a case starts with a `registered` event")]
    Empty,
    /// The first event is not a registration.
    #[error("event 1 is {found:?}; a case starts with a `registered` event")]
    NotRegistration {
        /// The first event's type.
        found: String,
    },
    /// A version is missing or repeated.
    #[error("event versions must run 1, 2, 3...; expected {expected}, found {found}")]
    VersionGap {
        /// The expected version.
        expected: u64,
        /// The version found.
        found: u64,
    },
    /// An event belongs to another case.
    #[error("event {version} belongs to case {found:?}, not {expected:?}")]
    WrongCase {
        /// The event's version.
        version: u64,
        /// This case.
        expected: String,
        /// The event's case.
        found: String,
    },
    /// The case was opened under another policy.
    #[error(
        "the case is judged by policy {case_policy} version {case_version}, not {given_policy} version {given_version}"
    )]
    PolicyMismatch {
        /// The case's policy.
        case_policy: String,
        /// The case's policy version.
        case_version: String,
        /// The policy given.
        given_policy: String,
        /// The version given.
        given_version: String,
    },
}

impl Case {
    /// Rebuilds a case from its events and checks that `policy` is the one
    /// (id and version) it is judged by.
    pub fn replay<'e>(
        policy: &Policy,
        events: impl IntoIterator<Item = &'e Event>,
    ) -> Result<Case, ReplayError> {
        let case = Self::replay_events(events)?;
        if case.policy_id != policy.id || case.policy_version != policy.version {
            return Err(ReplayError::PolicyMismatch {
                case_policy: case.policy_id.to_string(),
                case_version: case.policy_version.to_string(),
                given_policy: policy.id.to_string(),
                given_version: policy.version.to_string(),
            });
        }
        Ok(case)
    }

    /// Rebuilds a case from its events alone (no policy check).
    pub fn replay_events<'e>(
        events: impl IntoIterator<Item = &'e Event>,
    ) -> Result<Case, ReplayError> {
        let mut iter = events.into_iter();
        let first = iter.next().ok_or(ReplayError::Empty)?;
        let mut case = Case::from_registration(first)?;
        let mut previous = first;
        for event in iter {
            if event.case_id != case.id {
                return Err(ReplayError::WrongCase {
                    version: event.version,
                    expected: case.id.to_string(),
                    found: event.case_id.to_string(),
                });
            }
            if event.version != case.version + 1 {
                return Err(ReplayError::VersionGap {
                    expected: case.version + 1,
                    found: event.version,
                });
            }
            case.apply_after(event, Some(previous));
            previous = event;
        }
        Ok(case)
    }

    /// The case a `registered` event creates.
    pub fn from_registration(event: &Event) -> Result<Case, ReplayError> {
        if event.version != 1 {
            return Err(ReplayError::VersionGap {
                expected: 1,
                found: event.version,
            });
        }
        let EventKind::Registered {
            number,
            complaint,
            policy_id,
            policy_version,
            repeat_count,
        } = &event.kind
        else {
            return Err(ReplayError::NotRegistration {
                found: event_type(&event.kind).to_owned(),
            });
        };
        let mut case = Case {
            schema_version: CASE_SCHEMA_VERSION,
            id: event.case_id.clone(),
            number: number.clone(),
            complaint: (**complaint).clone(),
            policy_id: policy_id.clone(),
            policy_version: policy_version.clone(),
            repeat_count: *repeat_count,
            status: Status::Registered,
            level: None,
            level_rule: None,
            acceptance: None,
            round: 1,
            assignment: None,
            findings: None,
            proposal: None,
            callback: None,
            clocks: Vec::new(),
            agreed_deadline: None,
            extension: None,
            escalations: Vec::new(),
            repeats: Vec::new(),
            closure: None,
            participants: BTreeSet::new(),
            notes: 0,
            version: 1,
            command_ids: BTreeSet::new(),
            updated_at: event.at,
        };
        case.record_common(event, None);
        Ok(case)
    }

    /// Records the actor and command of `event`; `previous`, when given, is
    /// the event applied just before, whose actor and command are recorded.
    fn record_common(&mut self, event: &Event, previous: Option<&Event>) {
        // The events of one command share its actor and id: look before
        // cloning, and do not look again for the same ones.
        if let Some(actor) = &event.actor
            && previous.is_none_or(|p| p.actor.as_ref() != Some(actor))
            && !self.participants.contains(actor)
        {
            self.participants.insert(actor.clone());
        }
        if let Some(id) = &event.command_id {
            match previous {
                Some(p) if p.command_id.as_ref() == Some(id) => {}
                // After another command's event, the id is almost always new:
                // one search, not two.
                Some(_) => {
                    self.command_ids.insert(id.clone());
                }
                None => {
                    if !self.command_ids.contains(id) {
                        self.command_ids.insert(id.clone());
                    }
                }
            }
        }
        self.updated_at = event.at;
    }

    /// The clock of `milestone` in `round`.
    pub fn clock(&self, milestone: &MilestoneId, round: u32) -> Option<&Clock> {
        self.clocks
            .iter()
            .find(|c| &c.milestone == milestone && c.round == round)
    }

    /// The clocks of the current round that are running or paused.
    pub fn open_clocks(&self) -> impl Iterator<Item = &Clock> {
        self.clocks
            .iter()
            .filter(move |c| c.round == self.round && c.is_open())
    }
}

/// The serialized `type` of an event kind.
pub(crate) fn event_type(kind: &EventKind) -> &'static str {
    match kind {
        EventKind::Registered { .. } => "registered",
        EventKind::Accepted { .. } => "accepted",
        EventKind::NotAccepted { .. } => "not_accepted",
        EventKind::Classified { .. } => "classified",
        EventKind::Assigned { .. } => "assigned",
        EventKind::Transferred { .. } => "transferred",
        EventKind::InvestigationStarted => "investigation_started",
        EventKind::FindingsRecorded { .. } => "findings_recorded",
        EventKind::SolutionProposed { .. } => "solution_proposed",
        EventKind::Approved { .. } => "approved",
        EventKind::SentBack { .. } => "sent_back",
        EventKind::Replied { .. } => "replied",
        EventKind::CallbackRecorded { .. } => "callback_recorded",
        EventKind::Reopened { .. } => "reopened",
        EventKind::Escalated { .. } => "escalated",
        EventKind::AgreedDeadlineSet { .. } => "agreed_deadline_set",
        EventKind::ExtensionRequested { .. } => "extension_requested",
        EventKind::ExtensionApproved => "extension_approved",
        EventKind::ExtensionDenied { .. } => "extension_denied",
        EventKind::ExtensionEnded => "extension_ended",
        EventKind::Closed { .. } => "closed",
        EventKind::RepeatMerged { .. } => "repeat_merged",
        EventKind::NoteAdded { .. } => "note_added",
        EventKind::PolicyMigrated { .. } => "policy_migrated",
        EventKind::ClockStarted { .. } => "clock_started",
        EventKind::ClockPaused { .. } => "clock_paused",
        EventKind::ClockResumed { .. } => "clock_resumed",
        EventKind::ClockRetargeted { .. } => "clock_retargeted",
        EventKind::ClockStopped { .. } => "clock_stopped",
        EventKind::MilestoneWarning { .. } => "milestone_warning",
        EventKind::MilestoneBreached { .. } => "milestone_breached",
        EventKind::DeadlineRecalculated { .. } => "deadline_recalculated",
        EventKind::BreachWithdrawn { .. } => "breach_withdrawn",
    }
}

/// Applies one event. Pure and total: every event the decider emits is
/// applied as recorded, so replay equals the incremental result.
pub fn evolve(mut case: Case, event: &Event) -> Case {
    case.apply_after(event, None);
    case
}

impl Case {
    /// [`evolve`] in place, with the event applied just before, if known.
    fn apply_after(&mut self, event: &Event, previous: Option<&Event>) {
        let case = self;
        case.version = event.version;
        case.record_common(event, previous);
        let at = event.at;
        match &event.kind {
            // A second registration cannot be emitted by the decider; it is
            // ignored rather than rewriting the complaint.
            EventKind::Registered { .. } => {}
            EventKind::Accepted {
                rule,
                override_reason,
            } => {
                case.acceptance = Some(AcceptanceRecord {
                    accepted: true,
                    rule: rule.clone(),
                    reason: override_reason.clone(),
                    advice: None,
                });
            }
            EventKind::NotAccepted {
                rule,
                reason_zh,
                advice_zh,
                ..
            } => {
                case.acceptance = Some(AcceptanceRecord {
                    accepted: false,
                    rule: rule.clone(),
                    reason: Some(reason_zh.clone()),
                    advice: advice_zh.clone(),
                });
            }
            EventKind::Classified { level, rule, .. } => {
                case.level = Some(level.clone());
                case.level_rule = rule.clone();
            }
            EventKind::Assigned { assignment } | EventKind::Transferred { assignment, .. } => {
                case.assignment = Some(assignment.clone());
            }
            EventKind::InvestigationStarted => {}
            EventKind::FindingsRecorded {
                validity,
                rule,
                fault,
                responsible,
                ..
            } => {
                case.findings = Some(Findings {
                    validity: *validity,
                    rule: rule.clone(),
                    fault: *fault,
                    responsible: responsible.clone(),
                    recorded_by: event.actor.clone(),
                });
            }
            EventKind::SolutionProposed {
                remedies,
                amount,
                required_role,
                ..
            } => {
                case.proposal = Some(Proposal {
                    remedies: remedies.clone(),
                    amount: *amount,
                    required_role: required_role.clone(),
                    approved_by: None,
                });
            }
            EventKind::Approved { .. } => {
                if let Some(p) = case.proposal.as_mut() {
                    p.approved_by = event.actor.clone();
                }
            }
            EventKind::SentBack { .. } => {}
            EventKind::Replied { .. } => case.callback = None,
            EventKind::CallbackRecorded { satisfaction, .. } => case.callback = Some(*satisfaction),
            EventKind::Reopened { round, .. } => {
                case.round = *round;
                case.findings = None;
                case.proposal = None;
                case.callback = None;
                case.closure = None;
            }
            EventKind::Escalated {
                step, take_over, ..
            } => case.escalations.push(EscalationRecord {
                step: step.clone(),
                take_over: take_over.clone(),
                at,
                round: case.round,
            }),
            EventKind::AgreedDeadlineSet { deadline } => case.agreed_deadline = Some(*deadline),
            EventKind::ExtensionRequested { reason, until } => {
                case.extension = Some(Extension {
                    requested_by: event.actor.clone(),
                    reason: reason.clone(),
                    until: *until,
                    approved: false,
                });
            }
            EventKind::ExtensionApproved => {
                if let Some(x) = case.extension.as_mut() {
                    x.approved = true;
                }
            }
            EventKind::ExtensionDenied { .. } | EventKind::ExtensionEnded => case.extension = None,
            EventKind::Closed { kind, reason } => {
                case.closure = Some(Closure {
                    kind: *kind,
                    at,
                    reason: reason.clone(),
                });
            }
            EventKind::RepeatMerged { repeat, .. } => case.repeats.push(repeat.clone()),
            EventKind::NoteAdded { .. } => case.notes = case.notes.saturating_add(1),
            EventKind::PolicyMigrated {
                policy_id, version, ..
            } => {
                case.policy_id = policy_id.clone();
                case.policy_version = version.clone();
            }
            EventKind::ClockStarted { .. }
            | EventKind::ClockPaused { .. }
            | EventKind::ClockResumed { .. }
            | EventKind::ClockRetargeted { .. }
            | EventKind::ClockStopped { .. }
            | EventKind::MilestoneWarning { .. }
            | EventKind::MilestoneBreached { .. }
            | EventKind::DeadlineRecalculated { .. }
            | EventKind::BreachWithdrawn { .. } => apply_clock(&mut case.clocks, &event.kind, at),
        }
        case.status = next_status(case.status, &event.kind, case.assignment.is_some());
    }
}

/// The status after `kind`, given whether the case has an assignment after it.
pub(crate) fn next_status(status: Status, kind: &EventKind, assigned: bool) -> Status {
    match kind {
        EventKind::Accepted { .. } => Status::Accepted,
        EventKind::NotAccepted { .. } => Status::NotAccepted,
        EventKind::Assigned { .. } | EventKind::Transferred { .. }
            if matches!(status, Status::Accepted) =>
        {
            Status::Assigned
        }
        EventKind::InvestigationStarted | EventKind::SentBack { .. } => Status::Investigating,
        EventKind::SolutionProposed { .. } => Status::AwaitingApproval,
        EventKind::Approved { .. } => Status::Approved,
        EventKind::Replied { .. } => Status::Replied,
        EventKind::Reopened { .. } if assigned => Status::Assigned,
        EventKind::Reopened { .. } => Status::Accepted,
        EventKind::Closed { .. } => Status::Closed,
        _ => status,
    }
}

/// The clock of `milestone` in `round` (the first, as [`Case::clock`]).
fn clock_in<'c>(
    clocks: &'c mut [Clock],
    milestone: &MilestoneId,
    round: u32,
) -> Option<&'c mut Clock> {
    clocks
        .iter_mut()
        .find(|c| c.round == round && &c.milestone == milestone)
}

/// Applies a clock event (`clock_started` ... `milestone_breached`) to
/// `clocks`, as [`evolve`] does; other events change nothing here.
pub(crate) fn apply_clock(clocks: &mut Vec<Clock>, kind: &EventKind, at: DateTime<Utc>) {
    match kind {
        EventKind::ClockStarted {
            milestone,
            round,
            level,
            target,
            deadline,
            total_seconds,
            carried_seconds,
        } => {
            let basis = match carried_seconds {
                Some(seconds) => DeadlineBasis::Remaining {
                    from: at,
                    seconds: *seconds,
                },
                None => DeadlineBasis::Target {
                    from: at,
                    target: *target,
                },
            };
            clocks.push(Clock {
                milestone: milestone.clone(),
                round: *round,
                level: level.clone(),
                target: *target,
                started_at: at,
                deadline: deadline.clone(),
                total_seconds: *total_seconds,
                state: ClockState::Running,
                warned: Vec::new(),
                breached: false,
                basis: Some(basis),
            });
        }
        EventKind::ClockPaused {
            milestone,
            round,
            remaining_seconds,
        } => {
            if let Some(c) = clock_in(clocks, milestone, *round) {
                c.state = ClockState::Paused {
                    since: at,
                    remaining_seconds: *remaining_seconds,
                };
            }
        }
        EventKind::ClockResumed {
            milestone,
            round,
            deadline,
        } => {
            if let Some(c) = clock_in(clocks, milestone, *round) {
                c.basis = match c.state {
                    ClockState::Paused {
                        remaining_seconds, ..
                    } => Some(DeadlineBasis::Remaining {
                        from: at,
                        seconds: remaining_seconds,
                    }),
                    _ => None,
                };
                c.state = ClockState::Running;
                c.deadline = deadline.clone();
            }
        }
        EventKind::ClockRetargeted {
            milestone,
            round,
            level,
            target,
            deadline,
        } => {
            if let Some(c) = clock_in(clocks, milestone, *round) {
                c.level = level.clone();
                c.target = *target;
                c.deadline = deadline.clone();
                c.basis = Some(DeadlineBasis::Target {
                    from: at,
                    target: *target,
                });
            }
        }
        EventKind::ClockStopped {
            milestone,
            round,
            met,
        } => {
            if let Some(c) = clock_in(clocks, milestone, *round) {
                c.state = ClockState::Stopped { at, met: *met };
            }
        }
        EventKind::MilestoneWarning {
            milestone,
            round,
            percent,
        } => {
            if let Some(c) = clock_in(clocks, milestone, *round) {
                c.warned.push(*percent);
            }
        }
        EventKind::MilestoneBreached {
            milestone, round, ..
        } => {
            if let Some(c) = clock_in(clocks, milestone, *round) {
                c.breached = true;
            }
        }
        EventKind::DeadlineRecalculated {
            milestone,
            round,
            deadline,
            ..
        } => {
            if let Some(c) = clock_in(clocks, milestone, *round) {
                c.deadline = deadline.clone();
            }
        }
        EventKind::BreachWithdrawn {
            milestone,
            round,
            deadline,
        } => {
            if let Some(c) = clock_in(clocks, milestone, *round) {
                c.breached = false;
                c.deadline = deadline.clone();
                if let ClockState::Stopped { met, .. } = &mut c.state {
                    *met = true;
                }
            }
        }
        _ => {}
    }
}
