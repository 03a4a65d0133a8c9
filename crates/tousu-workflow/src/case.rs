//! The case: a complaint, its status and everything decided about it.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use tousu_model::{
    CaseId, Complaint, ComplaintNo, FactName, FactValue, FaultParty, LevelId, Money, Remedy,
    RoleId, Satisfaction, StaffId, Validity,
};
use tousu_policy::{
    Deadline, Duration, EscalationId, MilestoneId, Policy, PolicyId, PolicyVersion, RuleId,
};

use crate::command::{AppliedCommands, Assignment, Responsibility};
use crate::event::{ClosureKind, Event, EventKind};

/// The schema version of [`Case`] documents this crate writes.
///
/// Raised when the case keeps something new that it derives from its
/// events, so a snapshot written before (which lacks it) is replayed, not
/// trusted (docs/stores.md, "Snapshots"); older documents still load.
/// 2: who made the standing hand-over (`handed_over_by`, rulings 124, 125)
/// and whether the assignment predates a take-over
/// (`assigned_before_take_over`, rulings 121, 123).
pub const CASE_SCHEMA_VERSION: u32 = 2;

/// Where a case stands: defined with the policy, whose conditional grants
/// name statuses, and re-exported here.
pub use tousu_policy::Status;

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
        /// The validity of the findings that stopped it (`stop_on_validity`,
        /// ruling 48), when they did and no stop event: findings recorded
        /// again in the round that no longer say it run it again (ruling 52).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by_validity: Option<Validity>,
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
    /// The current deadline (the last one, when paused or stopped); absent
    /// while the calendar cannot count it (see [`Clock::no_deadline`]).
    // Shared with the event that set it, so a replay copies no deadline;
    // written and read as the deadline itself.
    #[serde(default)]
    pub deadline: Option<Arc<Deadline>>,
    /// Why the clock has no deadline: the calendar's answer when it started
    /// (a year its policy refuses, or a date beyond its data). Such a clock
    /// runs, pauses and stops like any other but never warns or breaches by
    /// itself; a recalculation under better data gives it its deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_deadline: Option<Arc<str>>,
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
    /// Which period of a repeating milestone it is (`repeat`, ruling 49):
    /// 1 for the first, and for every clock that does not repeat.
    #[serde(default = "first_period", skip_serializing_if = "is_first_period")]
    pub period: u32,
}

// A case's clocks are read by every tick and written by every replay: the
// size is checked so that it does not grow unnoticed (256 bytes before the
// eighth pass, docs/performance-history.md "Eighth pass: replay and event size";
// 192 before the ids became thin pointers, "Ninth pass: replay and ids").
const _: () = assert!(size_of::<Clock>() <= 176);

fn first_period() -> u32 {
    1
}

fn is_first_period(period: &u32) -> bool {
    *period == 1
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
    /// The whole target from an instant, moved on by the working time of
    /// the suspensions since: a clock without a deadline that was paused and
    /// resumed, whose remaining time nobody could measure.
    Suspended {
        /// The instant counted from.
        from: DateTime<Utc>,
        /// The time limit.
        target: Duration,
        /// Each suspension, from its pause to its resume.
        suspensions: Vec<Suspension>,
    },
}

/// A span a clock was paused.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
pub struct Suspension {
    /// When it paused.
    pub from: DateTime<Utc>,
    /// When it resumed.
    pub to: DateTime<Utc>,
}

impl Clock {
    /// The clock a `clock_started` event starts at `at` (none for another event).
    // Inline: a replay's fold has matched the event already, so the `None`
    // arm goes, and the clock is built where it is pushed rather than
    // returned through a slot and copied (docs/performance-history.md, "Thirteenth
    // pass: replay").
    #[inline]
    pub(crate) fn started(kind: &EventKind, at: DateTime<Utc>) -> Option<Clock> {
        let EventKind::ClockStarted {
            milestone,
            round,
            level,
            target,
            deadline,
            total_seconds,
            extras,
        } = kind
        else {
            return None;
        };
        let extras = extras.as_deref();
        let counted_from = extras.and_then(|x| x.counted_from);
        let period = extras.and_then(|x| x.period);
        let basis = match extras.and_then(|x| x.carried_seconds) {
            Some(seconds) => DeadlineBasis::Remaining { from: at, seconds },
            None => DeadlineBasis::Target {
                from: counted_from.unwrap_or(at),
                target: *target,
            },
        };
        Some(Clock {
            milestone: milestone.clone(),
            round: *round,
            level: level.clone(),
            target: *target,
            // A period that follows one that ran out starts at that
            // deadline, whenever the tick that saw it ran.
            started_at: match period {
                Some(_) => counted_from.unwrap_or(at),
                None => at,
            },
            deadline: deadline.clone(),
            no_deadline: match deadline {
                Some(_) => None,
                None => Some(
                    extras
                        .and_then(|x| x.no_deadline.clone())
                        .unwrap_or_else(|| Arc::from("")),
                ),
            },
            total_seconds: *total_seconds,
            state: ClockState::Running,
            warned: Vec::new(),
            breached: false,
            basis: Some(basis),
            period: period.unwrap_or(1),
        })
    }

    /// Whether it is running.
    pub fn is_running(&self) -> bool {
        matches!(self.state, ClockState::Running)
    }

    /// Whether it is running or paused.
    pub fn is_open(&self) -> bool {
        !matches!(self.state, ClockState::Stopped { .. })
    }

    /// The instant its current deadline falls, if it has one.
    pub fn deadline_at(&self) -> Option<DateTime<Utc>> {
        self.deadline.as_ref().map(|d| d.at)
    }

    /// Whether it is running with a deadline at or before `at` (a clock
    /// without a deadline is never past one).
    pub fn is_past_deadline(&self, at: DateTime<Utc>) -> bool {
        self.is_running() && self.deadline_at().is_some_and(|d| d <= at)
    }

    /// A `clock_resumed` event at `at`: running again, to `deadline` (or
    /// without one, for the reason given), counted from what was left.
    fn resumed(
        &mut self,
        at: DateTime<Utc>,
        deadline: Option<&Arc<Deadline>>,
        no_deadline: Option<&Arc<str>>,
    ) {
        match (&self.state, &self.deadline) {
            (ClockState::Paused { .. }, None) => resume_without_deadline(self, at),
            // Run again to the deadline it had (ruling 52): the basis that
            // deadline was counted from still holds.
            (ClockState::Stopped { .. }, _) => {}
            // Resumed overdue to the deadline it had: the basis that
            // deadline was counted from still holds.
            (
                ClockState::Paused {
                    remaining_seconds, ..
                },
                Some(_),
            ) if *remaining_seconds <= 0 => {}
            (
                ClockState::Paused {
                    remaining_seconds, ..
                },
                Some(_),
            ) => {
                self.basis = Some(DeadlineBasis::Remaining {
                    from: at,
                    seconds: *remaining_seconds,
                });
            }
            _ => self.basis = None,
        }
        self.state = ClockState::Running;
        self.deadline = deadline.cloned();
        if deadline.is_some() {
            self.no_deadline = None;
        } else if no_deadline.is_some() {
            self.no_deadline = no_deadline.cloned();
        }
    }

    /// A `clock_retargeted` event: the level's target, counted from `from` (the
    /// event's instant, or the clock's start when a longer limit loosens it).
    fn retargeted(
        &mut self,
        level: &LevelId,
        target: Duration,
        deadline: &Arc<Deadline>,
        from: DateTime<Utc>,
    ) {
        self.level = level.clone();
        self.target = target;
        self.deadline = Some(Arc::clone(deadline));
        self.no_deadline = None;
        self.basis = Some(DeadlineBasis::Target { from, target });
    }

    /// A `breach_withdrawn` event: the breach never was; `deadline` stands.
    fn breach_withdrawn(&mut self, deadline: &Arc<Deadline>) {
        self.breached = false;
        self.deadline = Some(Arc::clone(deadline));
        if let ClockState::Stopped { met, .. } = &mut self.state {
            *met = true;
        }
    }

    /// A `deadline_recalculated` event: the deadline (and total) counted again.
    fn recalculated(&mut self, deadline: &Arc<Deadline>, total_seconds: Option<i64>) {
        self.deadline = Some(Arc::clone(deadline));
        self.no_deadline = None;
        if let Some(total) = total_seconds {
            self.total_seconds = total;
        }
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
    /// Who proposed it (absent in cases stored before it was recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed_by: Option<StaffId>,
    /// Who approved it, once approved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<StaffId>,
    /// The approval rule that governs it; absent: the authority's own limits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval_rule: Option<RuleId>,
    /// The roles that sign it, in order, before the approval.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sign_off: Vec<RoleId>,
    /// The sign-offs so far, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signed_off: Vec<SignOff>,
}

/// One sign-off of a proposal's chain.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
pub struct SignOff {
    /// The role signed as.
    pub role: RoleId,
    /// Who signed.
    pub by: StaffId,
}

/// One signature of a record's chain (`record_sign_offs`).
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
pub struct RecordSignature {
    /// The record signed.
    pub record: tousu_policy::SignedRecord,
    /// The role signed as.
    pub role: RoleId,
    /// Who signed.
    pub by: StaffId,
}

/// Who approves a proposal, as the proposal's event recorded it.
pub(crate) struct ProposalApprovers<'e> {
    /// The role whose authority covers the amount.
    pub(crate) required_role: Option<&'e RoleId>,
    /// The approval rule that chose it.
    pub(crate) rule: Option<&'e RuleId>,
    /// The sign-off chain.
    pub(crate) sign_off: &'e [RoleId],
}

impl<'e> ProposalApprovers<'e> {
    /// Who approves `p`, as its event recorded it.
    fn of(p: &'e crate::event::ProposedSolution) -> Self {
        ProposalApprovers {
            required_role: p.required_role.as_ref(),
            rule: p.approval_rule.as_ref(),
            sign_off: &p.sign_off,
        }
    }
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
    /// Who took the step by hand (a manual escalation: the report up);
    /// absent for a step a rule took. `holds_case = "reported"` reads it
    /// (ruling 165). Absent from a document written before it was kept (read
    /// as a step no one took by hand); a replay finds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<StaffId>,
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

/// Staff who acted on a case, sorted, each once ([`Case::participants`]).
///
/// A vector sized to them (16 B a person) where a `BTreeSet` allocated a
/// node for eleven (about 200 B) for the one or two people most open cases
/// have had: the largest single saving in a case's resident size
/// (docs/performance-history.md, "Sixth pass"). Written and described exactly as
/// the set was (a JSON array of ids, sorted, no repeats); any array of ids
/// loads, sorted and without repeats as a set would keep it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Participants(Vec<StaffId>);

impl Participants {
    /// Whether `staff` acted on the case.
    pub fn contains(&self, staff: &StaffId) -> bool {
        self.0.binary_search(staff).is_ok()
    }

    /// Adds `staff`; whether they were not in already.
    pub fn insert(&mut self, staff: StaffId) -> bool {
        match self.0.binary_search(&staff) {
            Ok(_) => false,
            Err(i) => {
                // One more, not a doubling: people join a case one at a time.
                self.0.reserve_exact(1);
                self.0.insert(i, staff);
                true
            }
        }
    }

    /// [`insert`](Self::insert) of a borrowed id, copied only when it is
    /// not in already (an event's actor mostly is).
    fn add(&mut self, staff: &StaffId) {
        if let Err(i) = self.0.binary_search(staff) {
            self.0.reserve_exact(1);
            self.0.insert(i, staff.clone());
        }
    }

    /// Adds the people a replay met ([`Met`]): when nobody is in yet, one
    /// allocation of the exact size, sorted; otherwise one by one.
    fn add_met(&mut self, met: &mut Met<'_>) {
        let len = met.len.min(MET);
        let Some(staff) = met.staff.get_mut(..len) else {
            return;
        };
        if !self.0.is_empty() {
            for s in staff.iter().filter_map(|(_, s)| *s) {
                self.insert(s.clone());
            }
            return;
        }
        // By key, the text only where the keys tie: the ids' order, most
        // comparisons an integer's rather than a call to the ids' `Ord`
        // and `memcmp` (docs/performance-history.md, "Fifteenth pass: replay").
        staff.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
        // `meet_other` told people apart by their text's address: two
        // copies of one id (read apart, not shared) are next to each other
        // now, and kept once (the room for the second stays unused).
        self.0 = Vec::with_capacity(len);
        for s in staff.iter().filter_map(|(_, s)| *s) {
            if self.0.last() != Some(s) {
                self.0.push(s.clone());
            }
        }
    }

    /// The staff, in id order.
    pub fn iter(&self) -> std::slice::Iter<'_, StaffId> {
        self.0.iter()
    }

    /// How many.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether nobody acted on the case yet.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The first eight bytes of an id's text as a big-endian number, zeros
/// past its end. Two ids whose keys differ are in the keys' order: a text
/// that ends first is a prefix of the other there, and so the smaller,
/// unless the other's next bytes are zeros, and then the keys tie.
/// Whether a count is zero (not written).
fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn order_key(id: &StaffId) -> u64 {
    let text = id.as_str().as_bytes();
    let head = text.get(..8).unwrap_or(text);
    let key = head.iter().fold(0u64, |k, &b| k << 8 | u64::from(b));
    // `head` has at most eight bytes: the shift is at most 56.
    key << (8 * (8 - head.len()) % 64)
}

/// How many people a replay gathers by reference ([`Met`]) before it adds
/// the next ones to the case directly: more than most cases ever have.
const MET: usize = 16;

/// The staff a replay meets, held by reference and made the case's
/// [`Participants`] once at the end: one allocation of the exact size, where
/// room reserved up front and shrunk after asked the allocator each time
/// for a block of a size it rarely had free (the last replay's shrink had
/// split it): about 1,000 instructions and 30 first-level read misses per
/// case in glibc's `_int_malloc` (docs/performance-history.md, "Tenth pass").
struct Met<'e> {
    /// The first [`MET`] people met, in the order met, each with its
    /// [`order_key`]; `len` of them set.
    staff: [(u64, Option<&'e StaffId>); MET],
    /// How many of `staff` are set.
    len: usize,
    /// The one met last, not looked for again (a command's events share
    /// their actor, and the clocks' events between them have none).
    last: Option<&'e StaffId>,
}

impl<'e> Met<'e> {
    /// Nobody met yet.
    fn new() -> Self {
        Met {
            staff: [(0, None); MET],
            len: 0,
            last: None,
        }
    }

    /// Meets `actor`, if any: inline, the two answers most events get (no
    /// actor, the same as the last event's).
    #[inline]
    fn meet(&mut self, actor: Option<&'e StaffId>, overflow: &mut Participants) {
        if let Some(actor) = actor
            && !self
                .last
                .is_some_and(|last| std::ptr::eq(last.as_str().as_ptr(), actor.as_str().as_ptr()))
        {
            self.meet_other(actor, overflow);
        }
    }

    /// Meets `actor`, not the one met last; past [`MET`] people, those not
    /// met yet go to `overflow` directly.
    ///
    /// People are told apart by the address of their id's text, not the
    /// text: an id read again shares its text (`RecentIds` in
    /// `tousu-model`), so comparing addresses reads no other line and calls
    /// no `memcmp`; two copies of one id read apart are both kept here and
    /// made one by [`Participants::add_met`].
    #[inline(never)]
    fn meet_other(&mut self, actor: &'e StaffId, overflow: &mut Participants) {
        self.last = Some(actor);
        let staff = self.staff.get(..self.len).unwrap_or_default();
        let text = actor.as_str().as_ptr();
        if staff
            .iter()
            .filter_map(|(_, s)| *s)
            .any(|s| std::ptr::eq(s.as_str().as_ptr(), text))
        {
            return;
        }
        match self.staff.get_mut(self.len) {
            Some(slot) => {
                *slot = (order_key(actor), Some(actor));
                self.len += 1;
            }
            None => {
                overflow.insert(actor.clone());
            }
        }
    }
}

impl FromIterator<StaffId> for Participants {
    fn from_iter<I: IntoIterator<Item = StaffId>>(iter: I) -> Self {
        let mut staff: Vec<StaffId> = iter.into_iter().collect();
        staff.sort_unstable();
        staff.dedup();
        staff.shrink_to_fit();
        Participants(staff)
    }
}

impl<'a> IntoIterator for &'a Participants {
    type Item = &'a StaffId;
    type IntoIter = std::slice::Iter<'a, StaffId>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'de> serde::Deserialize<'de> for Participants {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<StaffId>::deserialize(deserializer).map(Participants::from_iter)
    }
}

impl schemars::JsonSchema for Participants {
    fn inline_schema() -> bool {
        <BTreeSet<StaffId> as schemars::JsonSchema>::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        <BTreeSet<StaffId> as schemars::JsonSchema>::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        <BTreeSet<StaffId> as schemars::JsonSchema>::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <BTreeSet<StaffId> as schemars::JsonSchema>::json_schema(generator)
    }
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
    /// The complaint as registered, shared with the registration's event
    /// (a replay or an apply does not copy it); written as the complaint.
    pub complaint: Arc<Complaint>,
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
    /// Who made the standing hand-over (the last `assigned` or
    /// `transferred` event), derived from the events: `handed_down_by`
    /// reads it (rulings 124, 125). Absent from a document written before
    /// it was kept; a replay finds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handed_over_by: Option<StaffId>,
    /// An escalation step took the case over (`take_over`) after its current
    /// assignment was made: the assignment is not a hand-down by whoever
    /// took it over (`holds_case`, ruling 121; `"handed_down"`, ruling 123).
    /// A case stored without it reads its assignment as the newer.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub assigned_before_take_over: bool,
    /// The findings of this round.
    // Inline, as `extension` and `closure`: one heap block fewer to
    // allocate and free per case that has them (docs/performance-history.md,
    // "Sixteenth pass: replay"); written and described as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub findings: Option<Findings>,
    /// Facts the investigation found (`record_facts`), over every round; the
    /// rules read them before the complaint's facts of the same name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub found_facts: BTreeMap<FactName, FactValue>,
    /// The solution of this round.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal: Option<Box<Proposal>>,
    /// The last callback's answer in this round.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback: Option<Satisfaction>,
    /// The signatures of this round's records, in order; a record made
    /// again is signed afresh.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub record_signatures: Vec<RecordSignature>,
    /// The result was reported in this round (`report_submitted`): the
    /// result report, a record that can be signed (S04 一4, ruling 55).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub result_reported: bool,
    /// The acts recorded in this round (`record_action`), each kind once,
    /// for a grant's `after_acts` (ruling 131). Absent from a document
    /// written before it was kept; a replay finds it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub acts_recorded: Vec<tousu_policy::CaseAction>,
    /// Every status the case has entered since its registration, in any
    /// round, a bit each (written in the lifecycle's order): a grant's `reached`
    /// reads it (ruling 160). Absent from a document written before it
    /// was kept (the grant then sees the current status alone); a replay
    /// finds it.
    #[serde(default, skip_serializing_if = "tousu_policy::StatusSet::is_empty")]
    pub statuses_reached: tousu_policy::StatusSet,
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
    /// How many of `escalations` had been recorded when the case was last
    /// answered (`replied`, in any round; 0 before any reply): a step whose
    /// last record is among them was answered since (a grant's
    /// `replied_since_escalation`, ruling 168). Absent from a document
    /// written before it was kept (read as 0: no reply since any step); a
    /// replay finds it.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub escalations_before_reply: u32,
    /// Repeat cases merged in.
    pub repeats: Vec<CaseId>,
    /// How it was closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closure: Option<Closure>,
    /// Staff who acted on the case (for confidential viewing).
    pub participants: Participants,
    /// Notes added.
    pub notes: u32,
    /// Events applied so far.
    pub version: u64,
    /// The commands already applied (idempotency) and their fingerprints
    /// ([`Command::digest`](crate::Command::digest)), written as the fields
    /// `command_ids` and `command_digests`.
    #[serde(flatten)]
    pub commands: AppliedCommands,
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
    /// Drops the signatures of `record`: it was made again.
    fn unsign(&mut self, record: tousu_policy::SignedRecord) {
        self.record_signatures.retain(|s| s.record != record);
    }

    /// Rebuilds a case from its events and checks that `policy` is the one
    /// (id and version) it is judged by.
    pub fn replay<'e, I>(policy: &Policy, events: I) -> Result<Case, ReplayError>
    where
        I: IntoIterator<Item = &'e Event>,
        I::IntoIter: Clone,
    {
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
    ///
    /// The events are read twice (`Clone` on the iterator, as a slice's
    /// is): once to count the clocks and commands the case will hold, so
    /// that each of its vectors is allocated once and to size, then to
    /// apply them.
    pub fn replay_events<'e, I>(events: I) -> Result<Case, ReplayError>
    where
        I: IntoIterator<Item = &'e Event>,
        I::IntoIter: Clone,
    {
        Case::replay_with_room(events, (0, 0))
    }

    /// [`Case::replay_events`], the clocks' and the applied commands'
    /// vectors with room for `room.0` clocks and `room.1` commands more
    /// than the events hold: a case about to take commands
    /// ([`handle`](crate::handle)) grows them in place of reallocating
    /// them a command at a time.
    pub(crate) fn replay_with_room<'e, I>(
        events: I,
        room: (usize, usize),
    ) -> Result<Case, ReplayError>
    where
        I: IntoIterator<Item = &'e Event>,
        I::IntoIter: Clone,
    {
        let mut iter = events.into_iter();
        // The first event of each command carries its fingerprint (events
        // stored before fingerprints undercount: the vector then grows).
        let (clocks, commands) = iter.clone().fold((0usize, 0usize), |(c, k), e| {
            (
                c + usize::from(matches!(e.kind, EventKind::ClockStarted { .. })),
                k + usize::from(e.command_digest.is_some()),
            )
        });
        let first = iter.next().ok_or(ReplayError::Empty)?;
        // The case is built in the `Result` returned, its vectors sized as
        // it is built (not reserved and replaced after): one copy of the
        // whole case fewer (docs/performance-history.md, "Thirteenth pass: replay").
        let mut replayed = Case::registered(first, clocks + room.0, commands + room.1);
        let Ok(case) = &mut replayed else {
            return replayed;
        };
        // The participants are gathered by reference and added at the end.
        let mut met = Met::new();
        met.meet(first.actor.as_ref(), &mut case.participants);
        if let Some(id) = &first.command_id {
            case.commands.record(id, first.command_digest.as_deref());
        }
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
            case.version = event.version;
            case.updated_at = event.at;
            met.meet(event.actor.as_ref(), &mut case.participants);
            // A stored stream holds each command's events together, the
            // first with its fingerprint: one look-up per command, not per
            // event. The fingerprint marks that first event without reading
            // the id; only events stored before fingerprints compare it with
            // the previous event's (two commands' ids are two texts).
            if let Some(id) = &event.command_id
                && (event.command_digest.is_some() || previous.command_id.as_ref() != Some(id))
            {
                case.commands.record(id, event.command_digest.as_deref());
            }
            fold(case, &event.kind, event.actor.as_ref(), event.at);
            previous = event;
        }
        case.participants.add_met(&mut met);
        replayed
    }

    /// The case a `registered` event creates.
    pub fn from_registration(event: &Event) -> Result<Case, ReplayError> {
        let mut case = Case::registered(event, 0, 0)?;
        case.record_common(event);
        Ok(case)
    }

    /// The case a `registered` event creates, its actor and command not yet
    /// recorded, with room for `clocks` clocks and `commands` commands.
    #[inline(always)]
    fn registered(event: &Event, clocks: usize, commands: usize) -> Result<Case, ReplayError> {
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
                found: event.kind.name().to_owned(),
            });
        };
        Ok(Case {
            schema_version: CASE_SCHEMA_VERSION,
            id: event.case_id.clone(),
            number: number.as_deref().cloned(),
            complaint: Arc::clone(complaint),
            policy_id: policy_id.clone(),
            policy_version: policy_version.clone(),
            repeat_count: *repeat_count,
            status: Status::Registered,
            level: None,
            level_rule: None,
            acceptance: None,
            round: 1,
            assignment: None,
            handed_over_by: None,
            assigned_before_take_over: false,
            findings: None,
            found_facts: BTreeMap::new(),
            proposal: None,
            callback: None,
            record_signatures: Vec::new(),
            result_reported: false,
            acts_recorded: Vec::new(),
            statuses_reached: tousu_policy::StatusSet::default(),
            clocks: Vec::with_capacity(clocks),
            agreed_deadline: None,
            extension: None,
            escalations: Vec::new(),
            escalations_before_reply: 0,
            repeats: Vec::new(),
            closure: None,
            participants: Participants::default(),
            notes: 0,
            version: 1,
            commands: AppliedCommands::with_capacity(commands),
            updated_at: event.at,
        })
    }

    /// Applies the events one command caused, in order, as [`Case::apply`]
    /// applies each ([`handle`](crate::handle)). Past the first, an event
    /// with the actor and command id of the one before and no fingerprint
    /// records nothing new (the actor is a participant and the id applied
    /// already), so only the version, the instant and the event's own
    /// change are applied: a command's clock events cost no look-up in
    /// the participants or the applied commands (docs/performance-history.md,
    /// "Sixteenth pass: commands").
    pub(crate) fn apply_command(&mut self, events: &[Event]) {
        let mut previous: Option<&Event> = None;
        for event in events {
            self.version = event.version;
            let recorded = previous.is_some_and(|p| {
                event.command_digest.is_none()
                    && p.command_id == event.command_id
                    && p.actor == event.actor
            });
            if recorded {
                self.updated_at = event.at;
            } else {
                self.record_common(event);
            }
            fold(self, &event.kind, event.actor.as_ref(), event.at);
            previous = Some(event);
        }
    }

    /// Records the actor and command of `event`, applied on its own, and
    /// when it happened.
    fn record_common(&mut self, event: &Event) {
        if let Some(actor) = &event.actor {
            self.participants.add(actor);
        }
        self.updated_at = event.at;
        if let Some(id) = &event.command_id {
            self.commands.record(id, event.command_digest.as_deref());
        }
    }

    /// Whether `command` was applied to the case already (a retry, whose
    /// first outcome stands), or a command id used before for a different
    /// command ([`Rejection::CommandIdConflict`](crate::Rejection::CommandIdConflict)). Ids recorded without a
    /// fingerprint (older events) count as the same command.
    pub fn seen(&self, command: &crate::Command) -> Result<bool, crate::Rejection> {
        if !self.commands.contains(&command.id) {
            return Ok(false);
        }
        match self.commands.digest(&command.id) {
            Some(first) if !command.has_digest(first) => Err(crate::Rejection::CommandIdConflict {
                id: command.id.clone(),
            }),
            _ => Ok(true),
        }
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

/// Applies one event. Pure and total: every event the decider emits is
/// applied as recorded, so replay equals the incremental result.
pub fn evolve(mut case: Case, event: &Event) -> Case {
    case.apply(event);
    case
}

impl Case {
    /// Applies one event in place ([`evolve`] is the same, by value).
    pub fn apply(&mut self, event: &Event) {
        self.version = event.version;
        self.record_common(event);
        fold(self, &event.kind, event.actor.as_ref(), event.at);
    }
}

/// What an event changes, written to a [`Case`] or to the clock rules' view
/// of one ([`ClockCase`](crate::clocks::ClockCase)). [`fold`] says which
/// change each event makes; an implementation says what it keeps of it.
/// There are no default methods, so a new kind of change must be decided
/// for both.
pub(crate) trait Fold<'e> {
    /// The status now.
    fn status(&self) -> Status;
    /// Sets the status.
    fn set_status(&mut self, status: Status);
    /// Whether the case has an assignment.
    fn is_assigned(&self) -> bool;
    /// Acceptance decided (`accepted`) or refused.
    fn accepted(
        &mut self,
        accepted: bool,
        rule: Option<&'e RuleId>,
        reason: Option<&'e str>,
        advice: Option<&'e str>,
    );
    /// The level (定级) set.
    fn classified(&mut self, level: &'e LevelId, rule: Option<&'e RuleId>);
    /// Assigned or transferred by `by`.
    fn assigned(&mut self, assignment: &'e Assignment, by: Option<&'e StaffId>);
    /// Findings recorded by `by`.
    fn findings(
        &mut self,
        validity: Validity,
        rule: Option<&'e RuleId>,
        fault: Option<FaultParty>,
        responsible: &'e [Responsibility],
        by: Option<&'e StaffId>,
    );
    /// A solution proposed by `by`.
    fn proposed(
        &mut self,
        remedies: &'e [Remedy],
        amount: Money,
        approvers: ProposalApprovers<'e>,
        by: Option<&'e StaffId>,
    );
    /// The proposal signed by `by` as `role`.
    fn signed_off(&mut self, role: &'e RoleId, by: Option<&'e StaffId>);
    /// A record signed by `by` as `role`.
    fn record_signed(
        &mut self,
        record: tousu_policy::SignedRecord,
        role: &'e RoleId,
        by: Option<&'e StaffId>,
    );
    /// The proposal approved by `by`.
    fn approved(&mut self, by: Option<&'e StaffId>);
    /// The round's callback answer (none after a new reply).
    fn callback(&mut self, satisfaction: Option<Satisfaction>);
    /// The case answered (`replied`), after the escalations so far.
    fn replied(&mut self);
    /// An action done on the case (`record_action`).
    fn action_recorded(&mut self, action: tousu_policy::CaseAction);
    /// A new round begins.
    fn reopened(&mut self, round: u32);
    /// An escalation step taken (or none left) at `at`; by hand
    /// (`manual`) by `actor`, the reporter `"reported"` reads (ruling 165).
    fn escalated(
        &mut self,
        step: Option<&'e EscalationId>,
        take_over: Option<&'e RoleId>,
        by_hand: (bool, Option<&'e StaffId>),
        at: DateTime<Utc>,
    );
    /// A deadline agreed with the customer.
    fn agreed_deadline(&mut self, deadline: DateTime<Utc>);
    /// An extension requested, approved (`Some(true)`) or ended (`None`).
    fn extension(&mut self, change: ExtensionChange<'e>);
    /// Closed at `at`.
    fn closed(&mut self, kind: ClosureKind, reason: Option<&'e String>, at: DateTime<Utc>);
    /// A repeat complaint merged in.
    fn repeat_merged(&mut self, repeat: &'e CaseId);
    /// A note added.
    fn note_added(&mut self);
    /// The complainant's details completed.
    fn details_completed(&mut self, details: &'e crate::command::Details);
    /// Facts the investigation found.
    fn facts_found(&mut self, facts: &'e BTreeMap<FactName, FactValue>);
    /// Judged by another policy version from now on.
    fn policy_migrated(&mut self, policy_id: &'e PolicyId, version: &'e PolicyVersion);
    /// The clocks, to change.
    fn clocks_mut(&mut self) -> &mut Vec<Clock>;
}

/// How an event changes the case's extension.
pub(crate) enum ExtensionChange<'e> {
    /// Requested by `by`.
    Requested {
        by: Option<&'e StaffId>,
        reason: &'e str,
        until: Option<DateTime<Utc>>,
    },
    /// Approved: the clocks pause.
    Approved,
    /// Denied or ended.
    Gone,
}

impl<'e> ExtensionChange<'e> {
    /// The change an extension event makes; [`fold`] passes only those
    /// (`ExtensionDenied` and `ExtensionEnded` both end it).
    fn of(kind: &'e EventKind, actor: Option<&'e StaffId>) -> ExtensionChange<'e> {
        match kind {
            EventKind::ExtensionRequested { reason, until } => ExtensionChange::Requested {
                by: actor,
                reason,
                until: *until,
            },
            EventKind::ExtensionApproved => ExtensionChange::Approved,
            _ => ExtensionChange::Gone,
        }
    }
}

/// The one fold: what `kind`, by `actor` at `at`, changes, status included.
/// Exhaustive and without a wildcard arm, so a new event kind must say
/// what it does.
pub(crate) fn fold<'e>(
    case: &mut impl Fold<'e>,
    kind: &'e EventKind,
    actor: Option<&'e StaffId>,
    at: DateTime<Utc>,
) {
    let status = match kind {
        // The decider emits no second registration: ignored, not rewriting the complaint.
        EventKind::Registered { .. } => None,
        EventKind::Accepted {
            rule,
            override_reason,
        } => {
            case.accepted(true, rule.as_ref(), override_reason.as_deref(), None);
            Some(Status::Accepted)
        }
        EventKind::NotAccepted {
            rule,
            reason_zh,
            advice_zh,
            ..
        } => {
            case.accepted(false, rule.as_ref(), Some(reason_zh), advice_zh.as_deref());
            Some(Status::NotAccepted)
        }
        EventKind::Classified { level, rule, .. } => {
            case.classified(level, rule.as_ref());
            None
        }
        EventKind::Assigned { assignment, .. } => {
            case.assigned(assignment, actor);
            (case.status() == Status::Accepted).then_some(Status::Assigned)
        }
        EventKind::Transferred { assignment, .. } => {
            case.assigned(assignment, actor);
            (case.status() == Status::Accepted).then_some(Status::Assigned)
        }
        EventKind::InvestigationStarted | EventKind::SentBack { .. } => Some(Status::Investigating),
        EventKind::FindingsRecorded {
            validity,
            rule,
            fault,
            responsible,
            ..
        } => {
            case.findings(*validity, rule.as_ref(), *fault, responsible, actor);
            None
        }
        EventKind::FactsRecorded { facts } => {
            case.facts_found(facts);
            None
        }
        EventKind::SolutionProposed(p) => {
            case.proposed(&p.remedies, p.amount, ProposalApprovers::of(p), actor);
            Some(Status::AwaitingApproval)
        }
        EventKind::SignedOff { role } => {
            case.signed_off(role, actor);
            None
        }
        EventKind::RecordSignedOff { record, role } => {
            case.record_signed(*record, role, actor);
            None
        }
        EventKind::Approved { .. } => {
            case.approved(actor);
            Some(Status::Approved)
        }
        EventKind::Replied { .. } => {
            case.callback(None);
            case.replied();
            Some(Status::Replied)
        }
        EventKind::CallbackRecorded { satisfaction, .. } => {
            case.callback(Some(*satisfaction));
            None
        }
        EventKind::Reopened { round, .. } => {
            case.reopened(*round);
            Some(if case.is_assigned() {
                Status::Assigned
            } else {
                Status::Accepted
            })
        }
        EventKind::Escalated {
            step,
            take_over,
            cause,
            ..
        } => {
            let manual = matches!(cause, crate::event::EscalationCause::Manual { .. });
            case.escalated(step.as_ref(), take_over.as_ref(), (manual, actor), at);
            None
        }
        EventKind::AgreedDeadlineSet { deadline } => {
            case.agreed_deadline(*deadline);
            None
        }
        EventKind::ExtensionRequested { .. }
        | EventKind::ExtensionApproved
        | EventKind::ExtensionDenied { .. }
        | EventKind::ExtensionEnded => {
            case.extension(ExtensionChange::of(kind, actor));
            None
        }
        EventKind::Closed { kind, reason, .. } => {
            case.closed(*kind, reason.as_ref(), at);
            Some(Status::Closed)
        }
        EventKind::RepeatMerged { repeat, .. } => {
            case.repeat_merged(repeat);
            None
        }
        EventKind::NoteAdded { .. } => {
            case.note_added();
            None
        }
        EventKind::DetailsCompleted { details } => {
            case.details_completed(details);
            None
        }
        // Clocks react through its clock events; a report is the round's result report.
        EventKind::ActionRecorded { action, .. } => {
            case.action_recorded(*action);
            None
        }
        EventKind::PolicyMigrated {
            policy_id, version, ..
        } => {
            case.policy_migrated(policy_id, version);
            None
        }
        EventKind::ClockStarted { .. }
        | EventKind::ClockPaused { .. }
        | EventKind::ClockResumed { .. }
        | EventKind::ClockRetargeted { .. }
        | EventKind::ClockStopped { .. }
        | EventKind::MilestoneWarning { .. }
        | EventKind::MilestoneBreached { .. }
        | EventKind::DeadlineRecalculated { .. }
        | EventKind::BreachWithdrawn { .. } => on_clock_event(case, kind, at),
    };
    if let Some(status) = status {
        case.set_status(status);
    }
}

/// What a clock event ([`fold`] names which) does: a started clock is
/// added, any other changes the clock it names.
fn on_clock_event<'e>(
    case: &mut impl Fold<'e>,
    kind: &'e EventKind,
    at: DateTime<Utc>,
) -> Option<Status> {
    match kind {
        EventKind::ClockStarted { extras, .. } => {
            let started = Clock::started(kind, at)?;
            let period = extras.as_ref().and_then(|x| x.period);
            let clocks = case.clocks_mut();
            // A repeating milestone's next period replaces its last one, and
            // a later agreed deadline the one it stopped (ruling 110); any
            // other start adds a clock: the clocks are not read.
            let replaces =
                period.is_some() || started.milestone.as_str() == crate::clocks::AGREED_DEADLINE;
            let last = if replaces {
                clocks
                    .iter_mut()
                    .find(|c| c.round == started.round && c.milestone == started.milestone)
            } else {
                None
            };
            match last {
                Some(c) => *c = started,
                None => clocks.push(started),
            }
            None
        }
        EventKind::ClockPaused {
            milestone,
            round,
            remaining_seconds,
        } => on_clock(case, milestone, *round, |c| {
            c.state = ClockState::Paused {
                since: at,
                remaining_seconds: *remaining_seconds,
            };
        }),
        EventKind::ClockResumed {
            milestone,
            round,
            deadline,
            no_deadline,
            total_seconds,
        } => on_clock(case, milestone, *round, |c| {
            c.resumed(at, deadline.as_ref(), no_deadline.as_ref());
            if let Some(total) = total_seconds {
                c.total_seconds = *total;
            }
        }),
        EventKind::ClockRetargeted {
            milestone,
            round,
            level,
            target,
            deadline,
            from,
        } => on_clock(case, milestone, *round, |c| {
            c.retargeted(level, *target, deadline, from.unwrap_or(at));
        }),
        EventKind::ClockStopped {
            milestone,
            round,
            met,
            by_validity,
            ..
        } => on_clock(case, milestone, *round, |c| {
            c.state = ClockState::Stopped {
                at,
                met: *met,
                by_validity: *by_validity,
            };
        }),
        EventKind::MilestoneWarning {
            milestone,
            round,
            percent,
        } => on_clock(case, milestone, *round, |c| c.warned.push(*percent)),
        EventKind::MilestoneBreached {
            milestone, round, ..
        } => on_clock(case, milestone, *round, |c| c.breached = true),
        EventKind::DeadlineRecalculated {
            milestone,
            round,
            deadline,
            total_seconds,
            ..
        } => on_clock(case, milestone, *round, |c| {
            c.recalculated(deadline, *total_seconds);
        }),
        EventKind::BreachWithdrawn {
            milestone,
            round,
            deadline,
        } => on_clock(case, milestone, *round, |c| {
            c.breach_withdrawn(deadline);
        }),
        // `fold` hands over only the kinds above.
        _ => None,
    }
}

/// The basis of a paused clock without a deadline that resumes at `at`:
/// its target from its start, moved on by every suspension, this one included.
pub(crate) fn resume_without_deadline(c: &mut Clock, at: DateTime<Utc>) {
    if let ClockState::Paused { since, .. } = c.state {
        c.basis = Some(suspended_basis(
            c.basis.take(),
            c.started_at,
            c.target,
            since,
            at,
        ));
    }
}

fn suspended_basis(
    basis: Option<DeadlineBasis>,
    started_at: DateTime<Utc>,
    target: Duration,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> DeadlineBasis {
    let span = Suspension { from, to };
    match basis {
        Some(DeadlineBasis::Suspended {
            from,
            target,
            mut suspensions,
        }) => {
            suspensions.push(span);
            DeadlineBasis::Suspended {
                from,
                target,
                suspensions,
            }
        }
        Some(DeadlineBasis::Target { from, target }) => DeadlineBasis::Suspended {
            from,
            target,
            suspensions: vec![span],
        },
        _ => DeadlineBasis::Suspended {
            from: started_at,
            target,
            suspensions: vec![span],
        },
    }
}

/// Changes the clock of `milestone` in `round` (the first, as
/// [`Case::clock`]), if there is one; the status stays.
fn on_clock<'e>(
    case: &mut impl Fold<'e>,
    milestone: &MilestoneId,
    round: u32,
    change: impl FnOnce(&mut Clock),
) -> Option<Status> {
    if let Some(c) = case
        .clocks_mut()
        .iter_mut()
        .find(|c| c.round == round && &c.milestone == milestone)
    {
        change(c);
    }
    None
}

impl<'e> Fold<'e> for Case {
    fn status(&self) -> Status {
        self.status
    }
    fn set_status(&mut self, status: Status) {
        self.status = status;
        self.statuses_reached.insert(status);
    }
    fn is_assigned(&self) -> bool {
        self.assignment.is_some()
    }
    fn accepted(
        &mut self,
        accepted: bool,
        rule: Option<&'e RuleId>,
        reason: Option<&'e str>,
        advice: Option<&'e str>,
    ) {
        self.acceptance = Some(AcceptanceRecord {
            accepted,
            rule: rule.cloned(),
            reason: reason.map(str::to_owned),
            advice: advice.map(str::to_owned),
        });
    }
    fn classified(&mut self, level: &'e LevelId, rule: Option<&'e RuleId>) {
        self.level = Some(level.clone());
        self.level_rule = rule.cloned();
    }
    fn assigned(&mut self, assignment: &'e Assignment, by: Option<&'e StaffId>) {
        self.assignment = Some(assignment.clone());
        self.handed_over_by = by.cloned();
        self.assigned_before_take_over = false;
    }
    fn findings(
        &mut self,
        validity: Validity,
        rule: Option<&'e RuleId>,
        fault: Option<FaultParty>,
        responsible: &'e [Responsibility],
        by: Option<&'e StaffId>,
    ) {
        self.unsign(tousu_policy::SignedRecord::Findings);
        self.findings = Some(Findings {
            validity,
            rule: rule.cloned(),
            fault,
            responsible: responsible.to_vec(),
            recorded_by: by.cloned(),
        });
    }
    fn proposed(
        &mut self,
        remedies: &'e [Remedy],
        amount: Money,
        approvers: ProposalApprovers<'e>,
        by: Option<&'e StaffId>,
    ) {
        self.proposal = Some(Box::new(Proposal {
            remedies: remedies.to_vec(),
            amount,
            required_role: approvers.required_role.cloned(),
            proposed_by: by.cloned(),
            approved_by: None,
            approval_rule: approvers.rule.cloned(),
            sign_off: approvers.sign_off.to_vec(),
            signed_off: Vec::new(),
        }));
    }
    fn signed_off(&mut self, role: &'e RoleId, by: Option<&'e StaffId>) {
        if let (Some(p), Some(by)) = (self.proposal.as_mut(), by) {
            p.signed_off.push(SignOff {
                role: role.clone(),
                by: by.clone(),
            });
        }
    }
    fn record_signed(
        &mut self,
        record: tousu_policy::SignedRecord,
        role: &'e RoleId,
        by: Option<&'e StaffId>,
    ) {
        if let Some(by) = by {
            self.record_signatures.push(RecordSignature {
                record,
                role: role.clone(),
                by: by.clone(),
            });
        }
    }
    fn approved(&mut self, by: Option<&'e StaffId>) {
        if let Some(p) = self.proposal.as_mut() {
            p.approved_by = by.cloned();
        }
    }
    fn callback(&mut self, satisfaction: Option<Satisfaction>) {
        self.callback = satisfaction;
        self.unsign(tousu_policy::SignedRecord::Callback);
    }
    fn replied(&mut self) {
        self.escalations_before_reply = u32::try_from(self.escalations.len()).unwrap_or(u32::MAX);
    }
    fn action_recorded(&mut self, action: tousu_policy::CaseAction) {
        if !self.acts_recorded.contains(&action) {
            self.acts_recorded.push(action);
        }
        if action == tousu_policy::CaseAction::ReportSubmitted {
            self.result_reported = true;
            self.unsign(tousu_policy::SignedRecord::ResultReport);
        }
    }
    fn reopened(&mut self, round: u32) {
        self.round = round;
        self.record_signatures.clear();
        self.result_reported = false;
        self.acts_recorded.clear();
        self.findings = None;
        self.proposal = None;
        self.callback = None;
        self.closure = None;
    }
    fn escalated(
        &mut self,
        step: Option<&'e EscalationId>,
        take_over: Option<&'e RoleId>,
        (manual, actor): (bool, Option<&'e StaffId>),
        at: DateTime<Utc>,
    ) {
        if take_over.is_some() && self.assignment.is_some() {
            self.assigned_before_take_over = true;
        }
        self.escalations.push(EscalationRecord {
            step: step.cloned(),
            take_over: take_over.cloned(),
            by: actor.filter(|_| manual).cloned(),
            at,
            round: self.round,
        });
    }
    fn agreed_deadline(&mut self, deadline: DateTime<Utc>) {
        self.agreed_deadline = Some(deadline);
    }
    fn extension(&mut self, change: ExtensionChange<'e>) {
        match change {
            ExtensionChange::Requested { by, reason, until } => {
                self.extension = Some(Extension {
                    requested_by: by.cloned(),
                    reason: reason.to_owned(),
                    until,
                    approved: false,
                });
            }
            ExtensionChange::Approved => {
                if let Some(x) = self.extension.as_mut() {
                    x.approved = true;
                }
            }
            ExtensionChange::Gone => self.extension = None,
        }
    }
    fn closed(&mut self, kind: ClosureKind, reason: Option<&'e String>, at: DateTime<Utc>) {
        self.closure = Some(Closure {
            kind,
            at,
            reason: reason.cloned(),
        });
    }
    fn repeat_merged(&mut self, repeat: &'e CaseId) {
        self.repeats.push(repeat.clone());
    }
    fn note_added(&mut self) {
        self.notes = self.notes.saturating_add(1);
    }
    fn details_completed(&mut self, details: &'e crate::command::Details) {
        details.apply_to(Arc::make_mut(&mut self.complaint));
    }
    fn facts_found(&mut self, facts: &'e BTreeMap<FactName, FactValue>) {
        self.found_facts
            .extend(facts.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
    fn policy_migrated(&mut self, policy_id: &'e PolicyId, version: &'e PolicyVersion) {
        self.policy_id = policy_id.clone();
        self.policy_version = version.clone();
    }
    fn clocks_mut(&mut self) -> &mut Vec<Clock> {
        &mut self.clocks
    }
}
