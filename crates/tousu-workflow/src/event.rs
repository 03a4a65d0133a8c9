//! Events: what happened, with every computed result, so that replaying them
//! needs no policy and no calendar and rebuilds the case exactly.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use tousu_model::{
    AttachmentRef, CaseId, CommandId, Complaint, ComplaintNo, FactName, FactValue, FaultParty,
    LevelId, Money, Remedy, RoleId, Satisfaction, StaffId, Validity,
};
use tousu_policy::{
    CaseAction, Deadline, Duration, EscalationId, MilestoneId, MilestoneOwner, PolicyId,
    PolicyVersion, RuleId,
};

use crate::command::{Assignment, Command, CommandDigest, Details, Responsibility};

/// The schema version of [`Event`] documents this crate writes.
pub const EVENT_SCHEMA_VERSION: u32 = 1;

/// Something that happened to a case.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// The document's schema version ([`EVENT_SCHEMA_VERSION`]).
    #[serde(default = "event_version")]
    pub schema_version: u32,
    /// The case.
    pub case_id: CaseId,
    /// The case version after this event (the first event is version 1).
    pub version: u64,
    /// When it happened — for a late entry's own events, when it was
    /// recorded: the instant every clock is measured at.
    pub at: DateTime<Utc>,
    /// For the events a late entry (补录) records: when the thing happened,
    /// before `at`, as the command said ([`Command::occurred_at`]). Absent
    /// on other events, and in events stored before late entries existed.
    // Boxed: few events have one, and 12 bytes inline in every event kept
    // it from two cache lines (docs/performance-history.md, "Twelfth pass: replay").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurred_at: Option<Box<DateTime<Utc>>>,
    /// Who caused it; `None` for what the clocks did ([`tick`](crate::tick)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<StaffId>,
    /// The command that caused it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command_id: Option<CommandId>,
    /// The fingerprint of that command ([`Command::digest`]), on the first
    /// of its events, so a reused id with another payload is told from a
    /// retry. Absent in events stored before it was recorded.
    // Boxed: one event of each command has one, and 32 bytes inline in
    // every event were a ninth of its size (docs/performance-history.md, "Eighth
    // pass"). Doc comments here are the JSON schema's descriptions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command_digest: Option<Box<CommandDigest>>,
    /// What happened.
    pub kind: EventKind,
}

// A replay is bound by reading its events (the cache lines each takes):
// the sizes are checked here so that a new field or variant does not grow
// them unnoticed. 296 bytes before the eighth pass, 208 before the ninth
// (ids of 8 bytes), 168 before the twelfth (a 64-byte header, kinds of 64
// bytes: two cache lines); see docs/performance-history.md ("Eighth pass: replay
// and event size", "Ninth pass: replay and ids", "Twelfth pass: replay")
// for what each part costs and how to print the layout.
const _: () = assert!(size_of::<Event>() <= 128);
const _: () = assert!(size_of::<EventKind>() <= 64);

fn event_version() -> u32 {
    EVENT_SCHEMA_VERSION
}

/// How a case was closed.
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
pub enum ClosureKind {
    /// 结案: the customer was satisfied at the callback.
    Satisfied,
    /// Closed unsatisfied: rounds exhausted, customer still unsatisfied
    /// (ruling 11 in docs/rulings.md), or closed after an unsatisfied
    /// callback where the policy asks a callback of any answer
    /// (`closure.callback = "any"`, ruling 169).
    Unsatisfied,
    /// 非正常结案: demands beyond law or policy, closed with approval.
    Abnormal,
    /// The customer could not be reached after notice (S30).
    Unreachable,
    /// The complainant withdrew.
    Withdrawn,
    /// 结案 on the reply, where the policy owes no callback
    /// (`closure.callback = "none"`, ruling 92: S14's 细则 has no 回访).
    OnReply,
}

impl ClosureKind {
    /// The Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            ClosureKind::Satisfied => "满意结案",
            ClosureKind::Unsatisfied => "不满意结案",
            ClosureKind::Abnormal => "非正常结案",
            ClosureKind::Unreachable => "联系不上结案",
            ClosureKind::Withdrawn => "撤诉",
            ClosureKind::OnReply => "答复结案",
        }
    }
}

/// Why an escalation happened.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EscalationCause {
    /// A milestone breached.
    Breach {
        /// The milestone.
        milestone: MilestoneId,
    },
    /// The level's rounds were used up with the customer still unsatisfied.
    RoundsExhausted,
    /// A person escalated by hand.
    Manual {
        /// Why.
        reason: String,
    },
    /// A fact the step waits for was recorded true (`record_facts`; ruling
    /// 30 in docs/rulings.md).
    FactRecorded {
        /// The fact.
        fact: FactName,
    },
    /// The case was classified at a level the step waits for (`after =
    /// "level_reached"`; ruling 38 in docs/rulings.md).
    LevelReached {
        /// The level reached.
        level: LevelId,
    },
    /// The callback that ended a round the step waits for left the
    /// customer unsatisfied (`after = { unsatisfied_round = N }`, ruling 39;
    /// or `after = "unsatisfied_after_deadline"` in a round with a deadline
    /// told, ruling 59).
    UnsatisfiedRound {
        /// The round.
        round: u32,
    },
}

/// What a `solution_proposed` event records ([`EventKind::SolutionProposed`]).
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
pub struct ProposedSolution {
    /// The remedies.
    pub remedies: Vec<Remedy>,
    /// Their total amount.
    pub amount: Money,
    /// In words.
    // A boxed text: 8 bytes less than a `String`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Box<str>>,
    /// The role whose authority covers the amount, if the policy has approval tables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_role: Option<RoleId>,
    /// The approval rule that governs the proposal (by level, category
    /// or remedy kind); absent: the authority's own limits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval_rule: Option<RuleId>,
    /// The roles that sign, in order, before the approval.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sign_off: Vec<RoleId>,
}

/// The fields of a `clock_started` event ([`EventKind::ClockStarted`])
/// that few clocks have, boxed out of the event; written and read among
/// its other fields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClockStartExtras {
    /// Why the clock has no deadline (the calendar's answer), when it has none.
    // Shared with the clock as the deadline is.
    pub no_deadline: Option<Arc<str>>,
    /// For a clock that continues the last round's time (`on_reopen =
    /// "continue"`): the time carried over, in the clock's own time, from
    /// which the deadline was counted instead of the whole target.
    pub carried_seconds: Option<i64>,
    /// For a milestone counted from an earlier act (`counted_from`;
    /// ruling 40): the instant its deadline was counted from, before the
    /// event that started it.
    pub counted_from: Option<DateTime<Utc>>,
    /// For a repeating milestone (`repeat`, ruling 49), the number of
    /// the period this starts, from 2: the clock replaces the one of
    /// the same milestone and round (whose period ended by a stop, or
    /// by running out at `counted_from`).
    pub period: Option<u32>,
}

impl ClockStartExtras {
    /// The event's `extras`: boxed when any field is set, `None` when none
    /// is (as an event read back has it, so that the two compare equal).
    pub fn boxed(self) -> Option<Box<ClockStartExtras>> {
        (self != ClockStartExtras::default()).then(|| Box::new(self))
    }
}

/// How a `clock_started` event is written and read: its fields flat, as
/// they were before [`ClockStartExtras`] held some of them.
mod clock_started {
    use std::sync::Arc;

    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use tousu_model::LevelId;
    use tousu_policy::{Deadline, Duration, MilestoneId};

    use super::ClockStartExtras;

    /// The fields as read, and their schema.
    #[derive(Deserialize, schemars::JsonSchema)]
    pub(super) struct Fields {
        /// The milestone.
        milestone: MilestoneId,
        /// The round.
        round: u32,
        /// The level whose target applies.
        level: LevelId,
        /// The time limit.
        target: Duration,
        /// The deadline and the calendar data that produced it; absent when
        /// the calendar could not count it (a year its policy refuses, or a
        /// date beyond its data): the clock runs without a deadline and never
        /// breaches by itself until a recalculation gives it one.
        // Shared with the clock it starts (`Clock::deadline`), so a replay
        // copies no deadline and the event holds a pointer, not 64 bytes;
        // written and read as the deadline itself.
        #[serde(default)]
        deadline: Option<Arc<Deadline>>,
        /// Why the clock has no deadline (the calendar's answer), when it has none.
        // Shared with the clock as the deadline is.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        no_deadline: Option<Arc<str>>,
        /// The whole limit measured in the clock's own time (working time
        /// for working units), in seconds: the base of warning percents
        /// (0 for a clock without a deadline).
        total_seconds: i64,
        /// For a clock that continues the last round's time (`on_reopen =
        /// "continue"`): the time carried over, in the clock's own time, from
        /// which the deadline was counted instead of the whole target.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        carried_seconds: Option<i64>,
        /// For a milestone counted from an earlier act (`counted_from`;
        /// ruling 40): the instant its deadline was counted from, before the
        /// event that started it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        counted_from: Option<DateTime<Utc>>,
        /// For a repeating milestone (`repeat`, ruling 49), the number of
        /// the period this starts, from 2: the clock replaces the one of
        /// the same milestone and round (whose period ended by a stop, or
        /// by running out at `counted_from`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        period: Option<u32>,
    }

    /// The fields as written, borrowed from the event.
    #[derive(Serialize)]
    struct Written<'a> {
        milestone: &'a MilestoneId,
        round: u32,
        level: &'a LevelId,
        target: Duration,
        deadline: Option<&'a Arc<Deadline>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        no_deadline: Option<&'a Arc<str>>,
        total_seconds: i64,
        #[serde(skip_serializing_if = "Option::is_none")]
        carried_seconds: Option<i64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        counted_from: Option<DateTime<Utc>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        period: Option<u32>,
    }

    /// The variant's fields, in their order.
    type Parts = (
        MilestoneId,
        u32,
        LevelId,
        Duration,
        Option<Arc<Deadline>>,
        i64,
        Option<Box<ClockStartExtras>>,
    );

    #[allow(clippy::too_many_arguments)] // serde passes each field of the variant
    pub(super) fn serialize<S: Serializer>(
        milestone: &MilestoneId,
        round: &u32,
        level: &LevelId,
        target: &Duration,
        deadline: &Option<Arc<Deadline>>,
        total_seconds: &i64,
        extras: &Option<Box<ClockStartExtras>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let extras = extras.as_deref();
        Written {
            milestone,
            round: *round,
            level,
            target: *target,
            deadline: deadline.as_ref(),
            no_deadline: extras.and_then(|x| x.no_deadline.as_ref()),
            total_seconds: *total_seconds,
            carried_seconds: extras.and_then(|x| x.carried_seconds),
            counted_from: extras.and_then(|x| x.counted_from),
            period: extras.and_then(|x| x.period),
        }
        .serialize(serializer)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Parts, D::Error> {
        let f = Fields::deserialize(deserializer)?;
        let extras = ClockStartExtras {
            no_deadline: f.no_deadline,
            carried_seconds: f.carried_seconds,
            counted_from: f.counted_from,
            period: f.period,
        };
        Ok((
            f.milestone,
            f.round,
            f.level,
            f.target,
            f.deadline,
            f.total_seconds,
            extras.boxed(),
        ))
    }
}

/// The owners a breach charged to nobody tried, in order
/// ([`EventKind::MilestoneBreached`]'s `owners_tried`): a list behind one
/// pointer, none when empty (as most breaches have it), written and read
/// as the list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[allow(clippy::box_collection)] // one pointer in the event where a `Vec` is three
pub struct OwnersTried(Option<Box<Vec<MilestoneOwner>>>);

impl OwnersTried {
    /// The owners, in order.
    pub fn as_slice(&self) -> &[MilestoneOwner] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.as_slice().is_empty()
    }
}

impl From<Vec<MilestoneOwner>> for OwnersTried {
    fn from(owners: Vec<MilestoneOwner>) -> Self {
        OwnersTried((!owners.is_empty()).then(|| Box::new(owners)))
    }
}

impl std::ops::Deref for OwnersTried {
    type Target = [MilestoneOwner];

    fn deref(&self) -> &[MilestoneOwner] {
        self.as_slice()
    }
}

impl serde::Serialize for OwnersTried {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.as_slice().serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for OwnersTried {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::deserialize(deserializer).map(OwnersTried::from)
    }
}

/// What happened.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case", tag = "type")]
#[non_exhaustive]
pub enum EventKind {
    /// The case was registered under a policy version.
    Registered {
        /// The complaint number, if issued.
        // Boxed, as each field below that few events fill or that is read
        // once per case: the kind stays within 64 bytes (docs/performance-history.md,
        // "Twelfth pass: replay"), and is written and read as before.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        number: Option<Box<ComplaintNo>>,
        /// The complaint, shared with the case it registers
        /// ([`Case::complaint`](crate::Case::complaint)): a replay does not
        /// copy it. Written and read as the complaint itself.
        complaint: Arc<Complaint>,
        /// The policy it is judged by.
        policy_id: PolicyId,
        /// That policy's version.
        policy_version: PolicyVersion,
        /// Earlier complaints on the same matter.
        #[serde(default)]
        repeat_count: u32,
    },
    /// Accepted (受理).
    Accepted {
        /// The acceptance rule that decided it (`None`: the table's default).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rule: Option<RuleId>,
        /// The reason, when a not-accepted rule was overridden.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        override_reason: Option<String>,
    },
    /// Not accepted (不予受理), with reason and advice.
    NotAccepted {
        /// The rule that decided it; `None` when decided by hand against the rules.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rule: Option<RuleId>,
        /// Why.
        reason_zh: String,
        /// The advice given.
        // A boxed text (8 bytes less), as `number` above.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        advice_zh: Option<Box<str>>,
        /// Whether this overrode rules that would accept.
        #[serde(default)]
        overridden: bool,
    },
    /// A level was set (定级).
    Classified {
        /// The level.
        level: LevelId,
        /// The rule that chose it (`None`: the default, or by hand).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rule: Option<RuleId>,
        /// Set when chosen by hand: why.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        manual_reason: Option<String>,
    },
    /// Assigned (分派).
    Assigned {
        /// To whom.
        assignment: Assignment,
        /// The policy's route the assignment follows (归口 by category), if
        /// one applies.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        route: Option<RuleId>,
    },
    /// Transferred (转办).
    Transferred {
        /// The new assignment.
        // Boxed, as `number` above.
        assignment: Box<Assignment>,
        /// Why.
        reason: String,
        /// The policy's route the assignment follows, if one applies.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        route: Option<RuleId>,
    },
    /// Investigation started.
    InvestigationStarted,
    /// Findings recorded.
    FindingsRecorded {
        /// 有效 / 无效 / 恶意.
        validity: Validity,
        /// The validity rule that decided it; `None` when by hand or the default.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rule: Option<RuleId>,
        /// Who was at fault.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fault: Option<FaultParty>,
        /// Responsibility shares.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        responsible: Vec<Responsibility>,
        /// In words.
        // A boxed text (8 bytes less), as `number` above.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<Box<str>>,
    },
    /// Facts the investigation found were recorded.
    FactsRecorded {
        /// The facts, by name.
        facts: BTreeMap<FactName, FactValue>,
    },
    /// A solution was proposed.
    // Boxed: one event in a case's life, 88 bytes that kept every event
    // from two cache lines (docs/performance-history.md, "Twelfth pass: replay").
    // Written and read as the struct's fields, and described by its schema.
    #[schemars(with = "ProposedSolution")]
    SolutionProposed(Box<ProposedSolution>),
    /// The proposal was signed by the next role of its sign-off chain (the
    /// event's actor); the approval follows the last sign-off.
    SignedOff {
        /// The role signed as.
        role: RoleId,
    },
    /// A record was signed by the next role of its chain (the event's
    /// actor; `record_sign_offs`, schema 2).
    RecordSignedOff {
        /// The record signed.
        record: tousu_policy::SignedRecord,
        /// The role signed as.
        role: RoleId,
    },
    /// The solution was approved.
    Approved {
        /// The amount approved.
        amount: Money,
    },
    /// The solution was sent back.
    SentBack {
        /// Why.
        reason: String,
    },
    /// The customer was answered.
    Replied {
        /// What was said.
        text: String,
        /// Given in writing (ruling 141). Absent in events stored before
        /// it: not said to be.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        written: bool,
    },
    /// The follow-up call was recorded.
    CallbackRecorded {
        /// The answer.
        satisfaction: Satisfaction,
        /// Notes.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// A new round began (再次处理), linked to the last.
    Reopened {
        /// The new round number.
        round: u32,
        /// Why.
        reason: String,
    },
    /// Escalated (升级).
    Escalated {
        /// The ladder step taken; `None` for a manual escalation with no step left.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<EscalationId>,
        /// Why.
        cause: EscalationCause,
        /// Roles to notify.
        // The policy step's list, shared (written and read as a list).
        #[serde(default, skip_serializing_if = "<[RoleId]>::is_empty")]
        notify: Arc<[RoleId]>,
        /// The role that takes the case over.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        take_over: Option<RoleId>,
    },
    /// A reply deadline was agreed with the customer.
    AgreedDeadlineSet {
        /// The exclusive deadline.
        deadline: DateTime<Utc>,
    },
    /// An extension was requested.
    ExtensionRequested {
        /// Why.
        reason: String,
        /// Until when.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        until: Option<DateTime<Utc>>,
    },
    /// The extension was approved: clocks listing `extension_approved` pause.
    ExtensionApproved,
    /// The extension was denied.
    ExtensionDenied {
        /// Why.
        reason: String,
    },
    /// The extension ended: clocks listing `extension_ended` resume.
    ExtensionEnded,
    /// The case was closed.
    Closed {
        /// How.
        kind: ClosureKind,
        /// Why, where a reason is given.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
        /// Where the customer may turn next, when the rounds ran out and the
        /// policy says (`rounds.advice_zh`, S09 第七条: 申请仲裁).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        advice_zh: Option<String>,
    },
    /// A repeat complaint was merged in.
    RepeatMerged {
        /// The repeat case.
        repeat: CaseId,
        /// Whether it brought new facts.
        new_facts: bool,
    },
    /// The complainant's details were completed after registration
    /// (ruling 66): the fields given, in the words given; the registration
    /// keeps what was said first.
    DetailsCompleted {
        /// The fields given (boxed: an event stays a few words).
        details: Box<Details>,
    },
    /// A note or evidence was added.
    NoteAdded {
        /// The note.
        text: String,
        /// Evidence.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        attachments: Vec<AttachmentRef>,
    },
    /// An action was done on the case (customer contacted, work completed,
    /// report submitted, verification done).
    ActionRecorded {
        /// What was done.
        action: CaseAction,
        /// The note given with it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
        /// The clock it was recorded for, when the command named one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        milestone: Option<MilestoneId>,
    },
    /// The case is judged by another policy version from now on.
    PolicyMigrated {
        /// The policy id.
        policy_id: PolicyId,
        /// Its version.
        version: PolicyVersion,
        /// Why.
        reason: String,
    },
    /// A milestone clock started.
    // The fields few clocks have are boxed in `extras`, so that the kind
    // stays within 64 bytes (docs/performance-history.md, "Twelfth pass: replay");
    // written and read as the flat fields they always were, and described
    // by their schema (`clock_started::Fields`).
    #[serde(
        serialize_with = "clock_started::serialize",
        deserialize_with = "clock_started::deserialize"
    )]
    #[schemars(with = "clock_started::Fields")]
    ClockStarted {
        /// The milestone.
        milestone: MilestoneId,
        /// The round.
        round: u32,
        /// The level whose target applies.
        level: LevelId,
        /// The time limit.
        target: Duration,
        /// The deadline and the calendar data that produced it; absent when
        /// the calendar could not count it (a year its policy refuses, or a
        /// date beyond its data): the clock runs without a deadline and never
        /// breaches by itself until a recalculation gives it one.
        // Shared with the clock it starts (`Clock::deadline`), so a replay
        // copies no deadline and the event holds a pointer, not 64 bytes.
        deadline: Option<Arc<Deadline>>,
        /// The whole limit measured in the clock's own time (working time
        /// for working units), in seconds: the base of warning percents
        /// (0 for a clock without a deadline).
        total_seconds: i64,
        /// What few clocks have: why there is no deadline, the time carried
        /// over, an earlier instant counted from, a period. `None` when none
        /// applies (made by [`ClockStartExtras::boxed`]).
        extras: Option<Box<ClockStartExtras>>,
    },
    /// A running clock paused.
    ClockPaused {
        /// The milestone.
        milestone: MilestoneId,
        /// The round.
        round: u32,
        /// Time left, in the clock's own time, in seconds (negative when overdue).
        remaining_seconds: i64,
    },
    /// A paused clock resumed with a new deadline; or a clock the findings
    /// stopped (`stop_on_validity`) runs again, to the deadline it had,
    /// because findings recorded again in its round no longer stop it
    /// (ruling 52; the `findings_recorded` event beside it says what they
    /// found).
    ClockResumed {
        /// The milestone.
        milestone: MilestoneId,
        /// The round.
        round: u32,
        /// The new deadline; absent when the calendar cannot count it (a
        /// clock without a deadline still beyond the data, or remaining time
        /// that now runs into a year the policy refuses without a notice).
        // Shared with the clock, as `clock_started`'s is.
        #[serde(default)]
        deadline: Option<Arc<Deadline>>,
        /// Why the clock has no deadline, when the calendar could not count it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        no_deadline: Option<Arc<str>>,
        /// The clock's new whole span (seconds of its measure), present when
        /// the resume changed it: a day-unit deadline brought to the end of
        /// its day leaves more than the time that was left, and the span
        /// grows by that much so the elapsed time stays what was used
        /// (events recorded before this field keep their span).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        total_seconds: Option<i64>,
    },
    /// A clock was given a new deadline because the level changed: a
    /// stricter one when it was raised, or a longer one counted from `from`
    /// when the milestone loosens on reclassification.
    ClockRetargeted {
        /// The milestone.
        milestone: MilestoneId,
        /// The round.
        round: u32,
        /// The new level.
        level: LevelId,
        /// The new time limit.
        target: Duration,
        /// The new deadline.
        // Shared with the clock, as `clock_started`'s is.
        deadline: Arc<Deadline>,
        /// The instant the new limit counts from, when not the event's own
        /// (a loosened clock counts from its start).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<DateTime<Utc>>,
    },
    /// A clock stopped.
    ClockStopped {
        /// The milestone.
        milestone: MilestoneId,
        /// The round.
        round: u32,
        /// Whether it stopped strictly before its deadline (false for a
        /// clock without a deadline, which neither met nor missed one).
        met: bool,
        /// The clock had no deadline when it stopped: neither met nor missed.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        no_deadline: bool,
        /// The validity of the findings that stopped it (`stop_on_validity`,
        /// ruling 48), when they did and no stop event: findings recorded
        /// again in the round that no longer say it run it again to its
        /// deadline (ruling 52).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by_validity: Option<Validity>,
    },
    /// A clock passed a warning threshold.
    MilestoneWarning {
        /// The milestone.
        milestone: MilestoneId,
        /// The round.
        round: u32,
        /// The threshold, percent of the limit elapsed.
        percent: u8,
    },
    /// A clock passed its deadline (emitted once per milestone per round,
    /// for a repeating milestone once per period, and for an agreed
    /// deadline once per date a later agreement replaced: ruling 110).
    MilestoneBreached {
        /// The milestone.
        milestone: MilestoneId,
        /// The round.
        round: u32,
        /// The level of the clock's target: the level the clock was started
        /// (or last retargeted) under. It selects the overtime fine, and may
        /// differ from the case's level when the case was reclassified
        /// without retargeting the clock.
        level: LevelId,
        /// The deadline that was missed.
        deadline: DateTime<Utc>,
        /// The staff member who owned the clock (for overtime fines).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        owner: Option<StaffId>,
        /// The role that owned it, when the policy names a role (the last
        /// one tried, when none named anyone).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        owner_role: Option<RoleId>,
        /// When no owner named anyone on the case: the owners tried, in
        /// order (the milestone's owner, then its fallback owners), so
        /// that a breach charged to nobody says why (ruling 44). Empty when
        /// an owner was found, and in events recorded before it existed.
        // One pointer: the list is empty but for a breach charged to
        // nobody (as `number` above).
        #[serde(default, skip_serializing_if = "OwnersTried::is_empty")]
        #[schemars(with = "Vec<MilestoneOwner>")]
        owners_tried: OwnersTried,
    },
    /// A clock's deadline was computed again under better calendar data (a
    /// holiday notice that arrived after the clock started): the record keeps
    /// both, and nothing earlier is rewritten.
    DeadlineRecalculated {
        /// The milestone.
        milestone: MilestoneId,
        /// The round.
        round: u32,
        /// The deadline it replaces; absent for a clock that had none (the
        /// calendar could not count it when it started).
        #[serde(default)]
        previous: Option<DateTime<Utc>>,
        /// The new deadline and the calendar data behind it.
        // Shared with the clock, as `clock_started`'s is.
        deadline: Arc<Deadline>,
        /// For a clock that had no deadline: its whole limit in its own
        /// time, in seconds, the base of warning percents it lacked.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        total_seconds: Option<i64>,
    },
    /// A breach recorded against a provisional deadline is withdrawn: the
    /// exact calendar data shows the deadline was met (or is not yet due).
    /// The breach stays in the record; penalty facts no longer count it.
    BreachWithdrawn {
        /// The milestone.
        milestone: MilestoneId,
        /// The round.
        round: u32,
        /// The exact deadline that was met.
        // Shared with the clock, as `clock_started`'s is.
        deadline: Arc<Deadline>,
    },
}

impl EventKind {
    /// The event type's name, as serialized in `type` (`clock_started`, ...):
    /// for logs, metrics and adapters that route on it.
    pub fn name(&self) -> &'static str {
        match self {
            EventKind::Registered { .. } => "registered",
            EventKind::Accepted { .. } => "accepted",
            EventKind::NotAccepted { .. } => "not_accepted",
            EventKind::Classified { .. } => "classified",
            EventKind::Assigned { .. } => "assigned",
            EventKind::Transferred { .. } => "transferred",
            EventKind::InvestigationStarted => "investigation_started",
            EventKind::FindingsRecorded { .. } => "findings_recorded",
            EventKind::FactsRecorded { .. } => "facts_recorded",
            EventKind::SolutionProposed(_) => "solution_proposed",
            EventKind::SignedOff { .. } => "signed_off",
            EventKind::RecordSignedOff { .. } => "record_signed_off",
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
            EventKind::DetailsCompleted { .. } => "details_completed",
            EventKind::ActionRecorded { .. } => "action_recorded",
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
}

/// Numbers `kinds` as the events after `from_version` of `case_id`, all at
/// `at`, by `actor` for `command`, with its fingerprint (neither for what
/// time alone causes).
pub(crate) fn stamp(
    case_id: &CaseId,
    from_version: u64,
    at: DateTime<Utc>,
    actor: Option<&StaffId>,
    command: Option<(&Command, CommandDigest)>,
    kinds: Vec<EventKind>,
) -> Vec<Event> {
    let mut events = Vec::with_capacity(kinds.len());
    let (command, mut digest) = command.unzip();
    stamp_into(
        &mut events,
        case_id,
        from_version,
        at,
        actor,
        command.map(|c| (c, &mut digest)),
        kinds,
    );
    events
}

/// [`stamp`], the events appended to `out`; the command's fingerprint, if
/// still there, goes on the first of them and is taken (a command whose
/// events are stamped in stages carries it on its first event only).
pub(crate) fn stamp_into(
    out: &mut Vec<Event>,
    case_id: &CaseId,
    from_version: u64,
    at: DateTime<Utc>,
    actor: Option<&StaffId>,
    command: Option<(&Command, &mut Option<CommandDigest>)>,
    kinds: impl IntoIterator<Item = EventKind>,
) {
    let (command, mut digest) = command.unzip();
    out.extend(kinds.into_iter().zip(1u64..).map(|(kind, i)| Event {
        schema_version: EVENT_SCHEMA_VERSION,
        case_id: case_id.clone(),
        version: from_version + i,
        at,
        occurred_at: None,
        actor: actor.cloned(),
        command_id: command.map(|c| c.id.clone()),
        // The first event of a command carries its fingerprint; the
        // others share its id.
        command_digest: digest.as_mut().and_then(|d| d.take()).map(Box::new),
        kind,
    }));
}
