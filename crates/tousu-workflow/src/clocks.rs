//! Milestone clocks: what the policy's start / stop / pause / resume events
//! do to them, warnings and breaches at `now`, and the deadline view.
//!
//! Precedence within one command (ruling 17 in docs/rulings.md): every
//! clock that stops stops first, then pauses, then resumes, then starts. Time is measured in the
//! clock's own unit: working time (inside business hours on working days)
//! for working-day and working-hour limits, plain elapsed time otherwise, so
//! a suspension moves a working-day deadline by the working time it lasted.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use tousu_model::{
    CaseId, Complaint, FactName, FactValue, FaultParty, LevelId, Money, Remedy, RoleId,
    Satisfaction, StaffId, Validity,
};
use tousu_policy::{
    CalendarDataRef, CalendarError, ClockEvent, Deadline, Duration, DurationUnit, EscalationId,
    EscalationStep, EscalationTrigger, EvalInput, Milestone, MilestoneId, MilestoneOwner, OnReopen,
    PolicyId, PolicyVersion, RuleId, StartWhen,
};

use crate::case::{
    Case, Clock, ClockState, DeadlineBasis, EscalationRecord, ExtensionChange, Fold, Participants,
    ProposalApprovers, Status, fold,
};
use crate::command::{Assignment, Responsibility};
use crate::due::DueState;
use crate::event::{ClockStartExtras, ClosureKind, EscalationCause, EventKind};
use crate::{Ctx, Rejection};

/// Escalation steps taken, inline up to four (a case takes one or two):
/// listing them allocated nothing.
type Taken = smallvec::SmallVec<[EscalationId; 4]>;

/// A command's triggers as bits, one per [`ClockEvent`], made once per
/// [`react`]: whether an event of a milestone's `start`, `stop`, `pause` or
/// `resume` list is one of them is then a test of a bit, not a search of
/// the triggers for each (docs/performance-history.md, "Sixteenth pass: commands").
#[derive(Clone, Copy)]
struct EventSet<'t> {
    bits: u64,
    /// The triggers themselves, searched for an event past the 64th (the
    /// enum has 30; none is lost if it grows).
    events: &'t [ClockEvent],
}

impl<'t> EventSet<'t> {
    fn of(events: &'t [ClockEvent]) -> Self {
        let bits = events
            .iter()
            .fold(0, |bits, &e| bits | event_bit(e).unwrap_or(0));
        EventSet { bits, events }
    }

    fn contains(self, e: ClockEvent) -> bool {
        match event_bit(e) {
            Some(bit) => self.bits & bit != 0,
            None => self.events.contains(&e),
        }
    }

    /// Whether one of `events` is in the set.
    fn any_of(self, events: &[ClockEvent]) -> bool {
        events.iter().any(|&e| self.contains(e))
    }
}

/// `e`'s bit in an [`EventSet`], if it has one.
fn event_bit(e: ClockEvent) -> Option<u64> {
    1u64.checked_shl(e as u32)
}

/// What the clock rules read of a case: the case as it stands, or as it
/// would stand after some events applied without an actor or a command (as
/// [`evolve`](crate::evolve) applies them), borrowed rather than copied.
/// Only the clocks are copied, and only when those events change them.
pub(crate) struct ClockCase<'a> {
    complaint: &'a Complaint,
    repeat_count: u32,
    status: Status,
    participants: &'a Participants,
    assignment: Option<&'a Assignment>,
    /// Who made the standing hand-over (`handed_down_by`, rulings 124, 125).
    handed_by: Option<&'a StaffId>,
    /// A step took the case over after the assignment ([`Case::assigned_before_take_over`]).
    assigned_before_take_over: bool,
    level: Option<&'a LevelId>,
    round: u32,
    clocks: Cow<'a, [Clock]>,
    escalations: &'a [EscalationRecord],
    /// Who took the last step that took the case over by hand, the steps
    /// applied on top included (`"reported"`, ruling 165).
    reported_by: Option<&'a StaffId>,
    /// Escalation steps taken by the events applied on top of the case.
    new_steps: Vec<&'a EscalationId>,
    /// The milestone a recorded action applied on top names (ruling 29).
    named: Option<&'a MilestoneId>,
    /// Facts recorded so far (`record_facts`), those of the events applied
    /// on top included: `applies_when` and conditional targets read them.
    found_facts: Cow<'a, BTreeMap<FactName, FactValue>>,
    /// The roles of the staff member whose command this is; `None` for
    /// what no person does (a tick). Clocks with `started_by` (ruling 45)
    /// or `stopped_by` (ruling 64) read them.
    acting: Option<&'a BTreeSet<RoleId>>,
    /// The staff member whose command this is: a hand-over applied on top
    /// is theirs.
    actor: Option<&'a StaffId>,
    /// The validity of the round's findings, if recorded: a milestone's
    /// `stop_on_validity` reads it (ruling 48).
    validity: Option<Validity>,
    /// The result report's signatures in this round: its chain is complete
    /// when they are as many as the chain's roles (`start_when = "all"`,
    /// ruling 81).
    report_signatures: usize,
}

impl<'a> ClockCase<'a> {
    /// The case as it stands.
    pub(crate) fn of(case: &'a Case) -> Self {
        ClockCase {
            complaint: &case.complaint,
            repeat_count: case.repeat_count,
            status: case.status,
            participants: &case.participants,
            assignment: case.assignment.as_ref(),
            handed_by: case.handed_over_by.as_ref(),
            assigned_before_take_over: case.assigned_before_take_over,
            level: case.level.as_ref(),
            round: case.round,
            clocks: Cow::Borrowed(&case.clocks),
            escalations: &case.escalations,
            reported_by: case
                .escalations
                .iter()
                .rfind(|e| e.take_over.is_some())
                .and_then(|e| e.by.as_ref()),
            new_steps: Vec::new(),
            named: None,
            found_facts: Cow::Borrowed(&case.found_facts),
            acting: None,
            actor: None,
            validity: case.findings.as_ref().map(|f| f.validity),
            report_signatures: case
                .record_signatures
                .iter()
                .filter(|s| s.record == tousu_policy::SignedRecord::ResultReport)
                .count(),
        }
    }

    /// The role the last step that took the case over gave it to, the
    /// steps applied on top included.
    fn taken_to<'s>(&'s self, ctx: &'s Ctx<'_>) -> Option<&'s RoleId> {
        let stepped = self.new_steps.iter().filter_map(|id| {
            let step = ctx.policy.escalation.iter().find(|s| s.id == **id)?;
            step.take_over.as_ref()
        });
        self.escalations
            .iter()
            .filter_map(|e| e.take_over.as_ref())
            .chain(stepped)
            .next_back()
    }

    /// Where the case is, read as a grant's `holds_case` reads it (the
    /// `role_holding_case` and `holder` owners, rulings 161, 164, 172).
    fn held<'s>(&'s self, ctx: &'s Ctx<'_>) -> crate::authority::Held<'s> {
        crate::authority::Held {
            first_responder: self.complaint.first_responder.as_ref(),
            assignment: self.assignment,
            taken_to: self.taken_to(ctx),
            assigned_before_take_over: self.assigned_before_take_over,
            handed_over_by: self.handed_by,
            reported_by: self.reported_by,
        }
    }

    /// The case a registration by the actor in `participants` creates
    /// ([`Case::from_registration`]).
    pub(crate) fn registered(
        complaint: &'a Complaint,
        repeat_count: u32,
        participants: &'a Participants,
    ) -> Self {
        ClockCase {
            complaint,
            repeat_count,
            status: Status::Registered,
            participants,
            assignment: None,
            handed_by: None,
            assigned_before_take_over: false,
            level: None,
            round: 1,
            clocks: Cow::Borrowed(&[]),
            escalations: &[],
            reported_by: None,
            new_steps: Vec::new(),
            named: None,
            found_facts: Cow::Owned(BTreeMap::new()),
            acting: None,
            actor: None,
            validity: None,
            report_signatures: 0,
        }
    }

    /// The same case borrowed again, clocks and all, to see more events
    /// applied on top of it.
    fn reborrow(&self) -> ClockCase<'_> {
        ClockCase {
            complaint: self.complaint,
            repeat_count: self.repeat_count,
            status: self.status,
            participants: self.participants,
            assignment: self.assignment,
            handed_by: self.handed_by,
            assigned_before_take_over: self.assigned_before_take_over,
            level: self.level,
            round: self.round,
            clocks: Cow::Borrowed(&self.clocks),
            escalations: self.escalations,
            reported_by: self.reported_by,
            new_steps: self.new_steps.clone(),
            named: self.named,
            found_facts: Cow::Borrowed(&self.found_facts),
            acting: self.acting,
            actor: self.actor,
            validity: self.validity,
            report_signatures: self.report_signatures,
        }
    }

    /// This case as `staff`'s command sees it: clocks that start or stop
    /// only on what given roles do (`started_by`, `stopped_by`) see the
    /// actor's roles.
    pub(crate) fn by(mut self, staff: &'a tousu_model::Staff) -> Self {
        self.acting = Some(&staff.roles);
        self.actor = Some(&staff.id);
        self
    }

    /// This case after `kinds`, applied at `at` by the one fold
    /// ([`fold`]), as far as the clock rules see.
    pub(crate) fn after(
        mut self,
        kinds: impl IntoIterator<Item = &'a EventKind>,
        at: DateTime<Utc>,
    ) -> Self {
        for kind in kinds {
            if let EventKind::ActionRecorded { milestone, .. } = kind {
                self.named = milestone.as_ref();
            }
            fold(&mut self, kind, None, at);
        }
        self
    }

    /// What [`next_due`](crate::next_due) reads of the case, given its last
    /// event's instant and when its approved extension ends.
    pub(crate) fn due_state(
        &self,
        from: DateTime<Utc>,
        extension_until: Option<DateTime<Utc>>,
    ) -> DueState<'_> {
        DueState {
            open: self.status.is_open(),
            from,
            extension_until,
            round: self.round,
            clocks: &self.clocks,
            marks: &[],
            marks_warn: false,
        }
    }

    /// The clock of `milestone` in `round`.
    fn clock(&self, milestone: &MilestoneId, round: u32) -> Option<&Clock> {
        self.clocks
            .iter()
            .find(|c| &c.milestone == milestone && c.round == round)
    }

    /// Escalation steps already taken.
    fn taken(&self) -> Taken {
        self.escalations
            .iter()
            .filter_map(|e| e.step.as_ref())
            .chain(self.new_steps.iter().copied())
            .cloned()
            .collect()
    }

    /// What the rules see of the case at `at`.
    fn eval_input(&self, at: DateTime<Utc>) -> EvalInput<'_> {
        EvalInput::new(self.complaint, at)
            .with_repeat_count(self.repeat_count)
            .with_found_facts(&self.found_facts)
    }

    /// Whether `e` fires `m` on this case: an `escalated` event fires a
    /// milestone scoped to escalation steps only when one of its steps was
    /// taken by the events applied on top.
    fn fires(&self, m: &Milestone, e: ClockEvent) -> bool {
        e != ClockEvent::Escalated
            || m.steps.is_empty()
            || self.new_steps.iter().any(|s| m.steps.contains(s))
    }

    /// Whether the command's actor may start `m` (`started_by`, ruling 45):
    /// one of the roles named, and, on a hand-over (`assigned`,
    /// `transferred`), to someone outside them — the province assigning a
    /// case to its own station passes nothing down. The new handler, else
    /// the lead department's staff, must hold none of the roles.
    fn started_by(&self, m: &Milestone, triggers: &[ClockEvent], ctx: &Ctx<'_>) -> bool {
        if m.started_by.is_empty() {
            return true;
        }
        if !m.started_by_any(self.acting.into_iter().flatten()) {
            return false;
        }
        let handover = triggers
            .iter()
            .any(|e| matches!(e, ClockEvent::Assigned | ClockEvent::Transferred));
        !handover || self.went_outside(|s| m.started_by_any(s.roles.iter()), ctx)
    }

    /// Whether the case's assignment, if any, went to someone outside the
    /// roles `own` tells: the handler, else every one of the lead
    /// department's staff, holds none of them.
    fn went_outside(&self, own: impl Fn(&tousu_model::Staff) -> bool, ctx: &Ctx<'_>) -> bool {
        let Some(a) = self.assignment else {
            return true;
        };
        match &a.handler {
            Some(h) => !ctx.roster.staff(h).is_some_and(&own),
            None => !ctx.roster.in_department(&a.lead).any(own),
        }
    }

    /// Whether the case's standing hand-over may start `m`
    /// (`handed_down_by`, ruling 124): made by a staff member holding one
    /// of the roles named, to someone outside them.
    fn handed_down_by(&self, m: &Milestone, ctx: &Ctx<'_>) -> bool {
        if m.handed_down_by.is_empty() {
            return true;
        }
        let Some(by) = self.handed_by.and_then(|s| ctx.roster.staff(s)) else {
            return false;
        };
        m.handed_down_by_any(by.roles.iter())
            && self.went_outside(|s| m.handed_down_by_any(s.roles.iter()), ctx)
    }

    /// The instant `m`'s deadline counts from when it names an earlier act
    /// (`counted_from`, ruling 40): when the named clock of this round
    /// stopped; `None` while it has not.
    fn counted_from(&self, m: &Milestone) -> Option<DateTime<Utc>> {
        let from = m.counted_from.as_ref()?;
        match &self.clock(from.milestone(), self.round)?.state {
            ClockState::Stopped { at, .. } => Some(*at),
            _ => None,
        }
    }

    /// Whether `e` is the recording of findings whose validity stops `m`
    /// (`stop_on_validity`, ruling 48).
    fn validity_stops(&self, m: &Milestone, e: ClockEvent) -> bool {
        e == ClockEvent::FindingsRecorded && self.validity.is_some_and(|v| m.stopped_by_validity(v))
    }

    /// Whether the round's findings keep `m` from starting (ruling 48).
    fn held_by_validity(&self, m: &Milestone) -> bool {
        self.validity.is_some_and(|v| m.stopped_by_validity(v))
    }

    /// Whether `e`, one of the events a round remembers
    /// ([`StartWhen::REMEMBERED`]), has happened in this round: the case's
    /// status is `replied` (a new round or a closure ends it), or the result
    /// report's sign-off chain is complete (a new round clears it).
    fn happened(&self, e: ClockEvent, ctx: &Ctx<'_>) -> bool {
        match e {
            ClockEvent::Replied => self.status == Status::Replied,
            ClockEvent::ResultReportSigned => ctx
                .policy
                .record_sign_off(tousu_policy::SignedRecord::ResultReport)
                .is_some_and(|c| !c.chain.is_empty() && self.report_signatures >= c.chain.len()),
            _ => false,
        }
    }

    /// Whether `triggers` start `m`: one of its start events (the first,
    /// `start_when = "any"`), or (`"all"`, ruling 81) one of them once every
    /// other has happened in this round, so that it starts at the later.
    fn starts(&self, m: &Milestone, triggers: EventSet<'_>, ctx: &Ctx<'_>) -> bool {
        let fired = |e: ClockEvent| triggers.contains(e) && self.fires(m, e);
        if !m.start.iter().any(|&e| fired(e)) {
            return false;
        }
        m.start_when == StartWhen::Any || m.start.iter().all(|&e| fired(e) || self.happened(e, ctx))
    }

    /// Whether the command's actor may stop `m` by `e` (`stopped_by`,
    /// ruling 64); a tick's events have no actor and stop it.
    fn stopped_by(&self, m: &Milestone, e: ClockEvent) -> bool {
        m.stopped_by_any(e, self.acting.map(|roles| roles.iter()))
    }

    /// Whether `e`, if it is a recorded action, stops `m`: the milestone
    /// the record names, or unnamed those that do not ask to be named
    /// (ruling 29).
    fn action_stops(&self, m: &Milestone, e: ClockEvent) -> bool {
        e.action()
            .is_none_or(|a| m.stopped_by_action(a, self.named))
    }
}

/// The clock rules read the status, level, assignment, round, escalation
/// steps and clocks; the rest of what an event changes is not theirs.
impl<'a> Fold<'a> for ClockCase<'a> {
    fn status(&self) -> Status {
        self.status
    }
    fn set_status(&mut self, status: Status) {
        self.status = status;
    }
    fn is_assigned(&self) -> bool {
        self.assignment.is_some()
    }
    fn accepted(
        &mut self,
        _accepted: bool,
        _rule: Option<&'a RuleId>,
        _reason: Option<&'a str>,
        _advice: Option<&'a str>,
    ) {
    }
    fn classified(&mut self, level: &'a LevelId, _rule: Option<&'a RuleId>) {
        self.level = Some(level);
    }
    fn assigned(&mut self, assignment: &'a Assignment, by: Option<&'a StaffId>) {
        self.assignment = Some(assignment);
        // Applied on top without an actor: the command's own hand-over.
        self.handed_by = by.or(self.actor);
        self.assigned_before_take_over = false;
    }
    fn findings(
        &mut self,
        validity: Validity,
        _rule: Option<&'a RuleId>,
        _fault: Option<FaultParty>,
        _responsible: &'a [Responsibility],
        _by: Option<&'a StaffId>,
    ) {
        self.validity = Some(validity);
    }
    fn proposed(
        &mut self,
        _remedies: &'a [Remedy],
        _amount: Money,
        _approvers: ProposalApprovers<'a>,
        _by: Option<&'a StaffId>,
    ) {
    }
    fn signed_off(&mut self, _role: &'a RoleId, _by: Option<&'a StaffId>) {}
    fn record_signed(
        &mut self,
        record: tousu_policy::SignedRecord,
        _role: &'a RoleId,
        _by: Option<&'a StaffId>,
    ) {
        if record == tousu_policy::SignedRecord::ResultReport {
            self.report_signatures = self.report_signatures.saturating_add(1);
        }
    }
    fn approved(&mut self, _by: Option<&'a StaffId>) {}
    fn callback(&mut self, _satisfaction: Option<Satisfaction>) {}
    fn replied(&mut self) {}
    fn action_recorded(&mut self, _action: tousu_policy::CaseAction) {}
    fn reopened(&mut self, round: u32) {
        self.round = round;
        // A new round has no findings until they are recorded again, and
        // no signatures.
        self.validity = None;
        self.report_signatures = 0;
    }
    fn escalated(
        &mut self,
        step: Option<&'a EscalationId>,
        take_over: Option<&'a RoleId>,
        (manual, actor): (bool, Option<&'a StaffId>),
        _at: DateTime<Utc>,
    ) {
        if take_over.is_some() && self.assignment.is_some() {
            self.assigned_before_take_over = true;
        }
        if take_over.is_some() {
            // Applied on top without an actor: the command's own step.
            self.reported_by = if manual { actor.or(self.actor) } else { None };
        }
        self.new_steps.extend(step);
    }
    fn agreed_deadline(&mut self, _deadline: DateTime<Utc>) {}
    fn extension(&mut self, _change: ExtensionChange<'a>) {}
    fn closed(&mut self, _kind: ClosureKind, _reason: Option<&'a String>, _at: DateTime<Utc>) {}
    fn repeat_merged(&mut self, _repeat: &'a CaseId) {}
    fn note_added(&mut self) {}
    // No clock rule reads the complainant's name, contact, subject or
    // location (the predicates read facts, category, level, anonymity).
    fn details_completed(&mut self, _details: &'a crate::command::Details) {}
    fn facts_found(&mut self, facts: &'a BTreeMap<FactName, FactValue>) {
        let found = self.found_facts.to_mut();
        for (name, value) in facts {
            found.insert(name.clone(), value.clone());
        }
    }
    fn policy_migrated(&mut self, _policy_id: &'a PolicyId, _version: &'a PolicyVersion) {}
    fn clocks_mut(&mut self) -> &mut Vec<Clock> {
        self.clocks.to_mut()
    }
}

/// The id of the clock an agreed deadline (约定回复时限) runs on. It stops on
/// `replied` and `closed`.
pub const AGREED_DEADLINE: &str = "agreed_deadline";

/// The Chinese name of a clock's milestone: the policy's, 约定回复时限 for an
/// agreed deadline, else the id itself.
pub fn milestone_name_zh(policy: &tousu_policy::Policy, id: &MilestoneId) -> String {
    match policy.milestone(id) {
        Some(m) => m.name_zh.clone(),
        None if is_agreed(id) => "约定回复时限".to_owned(),
        None => id.to_string(),
    }
}

fn is_agreed(m: &MilestoneId) -> bool {
    m.as_str() == AGREED_DEADLINE
}

pub(crate) fn working_measure(unit: DurationUnit) -> bool {
    matches!(unit, DurationUnit::WorkingDays | DurationUnit::WorkingHours)
}

/// What the calendar answers when it cannot count a deadline at all: its
/// policy refuses a year without a notice, or the date lies beyond its data.
/// A clock then runs without a deadline instead of refusing the command.
fn uncountable(r: &Rejection) -> Option<String> {
    match r {
        Rejection::Calendar(
            e @ (CalendarError::CalendarNotCovered { .. }
            | CalendarError::BeyondProvisionalRange { .. }),
        ) => Some(e.to_string()),
        _ => None,
    }
}

/// `r`, or why the calendar could not count it (`Ok(Err(why))`); any other
/// rejection stays one.
pub(crate) fn or_uncountable<T>(r: Result<T, Rejection>) -> Result<Result<T, String>, Rejection> {
    match r {
        Ok(t) => Ok(Ok(t)),
        Err(e) => uncountable(&e).map(Err).ok_or(e),
    }
}

/// The whole limit of a clock counted from `basis`, in its own measure
/// (seconds): the target from its instant, or the time left.
pub(crate) fn whole_target(
    ctx: &Ctx<'_>,
    unit: DurationUnit,
    basis: &DeadlineBasis,
) -> Result<i64, Rejection> {
    match basis {
        DeadlineBasis::Target { from, target } | DeadlineBasis::Suspended { from, target, .. } => {
            let whole = ctx.calendar.deadline(*from, target)?;
            measure(ctx, unit, *from, whole.at)
        }
        DeadlineBasis::Remaining { seconds, .. } => Ok(*seconds),
    }
}

/// The deadline a clock's `basis` counts to, under `ctx.calendar`: the whole
/// target from its instant, the remaining time from its instant, or the
/// whole target moved on by the working time of the suspensions since.
pub(crate) fn count_basis(
    ctx: &Ctx<'_>,
    unit: DurationUnit,
    basis: &DeadlineBasis,
) -> Result<Deadline, Rejection> {
    match basis {
        DeadlineBasis::Target { from, target } => Ok(ctx.calendar.deadline(*from, target)?),
        DeadlineBasis::Remaining { from, seconds } => {
            let at = advance(ctx, unit, *from, *seconds)?;
            Ok(ctx.calendar.describe(*from, at)?)
        }
        DeadlineBasis::Suspended {
            from, suspensions, ..
        } => {
            let mut seconds = whole_target(ctx, unit, basis)?;
            for s in suspensions {
                seconds = seconds.saturating_add(measure(ctx, unit, s.from, s.to)?);
            }
            let at = advance(ctx, unit, *from, seconds)?;
            Ok(ctx.calendar.describe(*from, at)?)
        }
    }
}

/// Signed time from `a` to `b` in the clock's measure, in whole seconds
/// (the fraction dropped, toward zero): what deadlines and targets count in.
pub(crate) fn measure(
    ctx: &Ctx<'_>,
    unit: DurationUnit,
    a: DateTime<Utc>,
    b: DateTime<Utc>,
) -> Result<i64, Rejection> {
    Ok(measured(ctx, unit, a, b)?.num_seconds())
}

/// [`measure`] to the nanosecond: what warning thresholds are compared
/// with, so that a threshold is reached when its share of the clock has
/// elapsed and not up to a second before (as whole seconds rounded toward
/// zero had it at fractional instants).
pub(crate) fn measure_nanos(
    ctx: &Ctx<'_>,
    unit: DurationUnit,
    a: DateTime<Utc>,
    b: DateTime<Utc>,
) -> Result<i128, Rejection> {
    let d = measured(ctx, unit, a, b)?;
    Ok(i128::from(d.num_seconds()) * NANOS + i128::from(d.subsec_nanos()))
}

/// Nanoseconds in a second.
pub(crate) const NANOS: i128 = 1_000_000_000;

/// Signed time from `a` to `b` in the clock's measure.
fn measured(
    ctx: &Ctx<'_>,
    unit: DurationUnit,
    a: DateTime<Utc>,
    b: DateTime<Utc>,
) -> Result<TimeDelta, Rejection> {
    if !working_measure(unit) {
        return Ok(b - a);
    }
    if b >= a {
        Ok(ctx.calendar.working_time_between(a, b)?)
    } else {
        Ok(-ctx.calendar.working_time_between(b, a)?)
    }
}

/// The deadline `seconds` of the clock's measure after `from`; for day units
/// brought to the end of the day the time runs out on (24:00 or close of
/// business, rolled to a working day), as the Civil Code convention wants.
pub(crate) fn advance(
    ctx: &Ctx<'_>,
    unit: DurationUnit,
    from: DateTime<Utc>,
    seconds: i64,
) -> Result<DateTime<Utc>, Rejection> {
    let delta = TimeDelta::try_seconds(seconds.max(0)).unwrap_or(TimeDelta::zero());
    let raw = if working_measure(unit) {
        ctx.calendar.add_working_time(from, delta)?
    } else {
        from.checked_add_signed(delta)
            .ok_or_else(|| Rejection::InvalidInput {
                path: "at".to_owned(),
                message: "the deadline falls outside the representable range of instants"
                    .to_owned(),
            })?
    };
    Ok(ctx.calendar.to_day_end(raw, unit)?)
}

/// Whether `e` stops `clock` of milestone `m`. An agreed deadline stops on
/// the reply and the closing, and on a later agreement where the policy
/// lets one replace it (ruling 110).
fn stops_on(m: Option<&Milestone>, clock: &Clock, e: ClockEvent, ctx: &Ctx<'_>) -> bool {
    match m {
        Some(m) => m.stop.contains(&e),
        None => {
            is_agreed(&clock.milestone)
                && (matches!(e, ClockEvent::Replied | ClockEvent::Closed)
                    || (e == ClockEvent::AgreedDeadlineSet
                        && ctx.policy.agreed_deadline.later_replaces))
        }
    }
}

/// The clock events that `triggers` cause on `case` (already updated by the
/// command's own events) at `at`. The periods of repeating clocks that ran
/// out before `at` are recorded first (ruling 49), so that what a command
/// does to such a clock does not depend on whether a tick saw them.
pub(crate) fn effects(
    case: &ClockCase<'_>,
    triggers: &[ClockEvent],
    at: DateTime<Utc>,
    ctx: &Ctx<'_>,
) -> Result<Vec<EventKind>, Rejection> {
    let mut taken = None;
    let mut lapsed = Vec::new();
    lapsed_periods(&mut lapsed, case, &mut taken, at, ctx)?;
    if lapsed.is_empty() {
        return react(case, triggers, at, ctx, taken);
    }
    // Escalating a case this command closes would notify nobody useful.
    lapsed.retain(|k| case.status.is_open() || !matches!(k, EventKind::Escalated { .. }));
    let mut seen = case.reborrow().after(&lapsed, at);
    // The command's own escalation steps are what `escalated` fires on.
    seen.new_steps.truncate(case.new_steps.len());
    let reacted = react(&seen, triggers, at, ctx, taken)?;
    drop(seen);
    lapsed.extend(reacted);
    Ok(lapsed)
}

/// [`effects`] once the lapsed periods are on the case: stop, pause,
/// resume, start.
fn react(
    case: &ClockCase<'_>,
    triggers: &[ClockEvent],
    at: DateTime<Utc>,
    ctx: &Ctx<'_>,
    taken: Option<Taken>,
) -> Result<Vec<EventKind>, Rejection> {
    let mut r = Reaction {
        case,
        triggers,
        fired: EventSet::of(triggers),
        milestones: [None; MEMO],
        at,
        ctx,
        touched: smallvec::SmallVec::new(),
        taken,
        out: Vec::new(),
    };
    for (slot, c) in r.milestones.iter_mut().zip(case.clocks.iter()) {
        if c.is_open() {
            *slot = ctx.policy.milestone(&c.milestone);
        }
    }
    // 1. Stop.
    r.stop()?;
    restore(&mut r.out, case, triggers, at, &mut r.taken, ctx)?;
    // 2. Pause.
    r.pause()?;
    // 3. Resume.
    r.resume()?;
    // 4. Start.
    start(&mut r.out, case, (triggers, r.fired), at, ctx)?;
    Ok(r.out)
}

/// How many of a case's clocks [`Reaction`] keeps the milestone of: a case
/// has four or five (a round's), more after a reopening.
const MEMO: usize = 8;

/// What [`react`]'s passes share.
struct Reaction<'r, 'a> {
    case: &'r ClockCase<'a>,
    triggers: &'r [ClockEvent],
    /// The triggers as a set.
    fired: EventSet<'r>,
    /// The milestone of each of the case's first [`MEMO`] clocks that is
    /// open (`None` for the others and for an agreed deadline), looked up
    /// once for the passes; a clock past them is looked up each time.
    milestones: [Option<&'r Milestone>; MEMO],
    at: DateTime<Utc>,
    ctx: &'r Ctx<'r>,
    /// The clocks this command already stopped or paused: a few, kept inline.
    touched: smallvec::SmallVec<[(&'r MilestoneId, u32); 4]>,
    taken: Option<Taken>,
    /// The clock events so far.
    out: Vec<EventKind>,
}

impl<'r> Reaction<'r, '_> {
    /// The milestone of the case's open clock at `i`.
    fn milestone(&self, i: usize) -> Option<&'r Milestone> {
        match self.milestones.get(i) {
            Some(m) => *m,
            None => {
                let clock = self.case.clocks.get(i)?;
                self.ctx.policy.milestone(&clock.milestone)
            }
        }
    }

    /// Whether this command has not yet stopped or paused `c`.
    fn untouched(&self, c: &Clock) -> bool {
        !self
            .touched
            .iter()
            .any(|(m, r)| *r == c.round && **m == c.milestone)
    }

    /// Stops the clocks the triggers stop; a new round also closes
    /// whatever the last round left open.
    fn stop(&mut self) -> Result<(), Rejection> {
        let (case, triggers, at, ctx) = (self.case, self.triggers, self.at, self.ctx);
        let (fired, reopened) = (self.fired, self.fired.contains(ClockEvent::Reopened));
        for (i, clock) in case.clocks.iter().enumerate().filter(|(_, c)| c.is_open()) {
            let m = self.milestone(i);
            let stale_round = reopened && clock.round < case.round;
            let by_event = |e: ClockEvent| {
                stops_on(m, clock, e, ctx)
                    && m.is_none_or(|m| {
                        case.fires(m, e) && case.action_stops(m, e) && case.stopped_by(m, e)
                    })
            };
            let by_validity_of = |e: ClockEvent| m.is_some_and(|m| case.validity_stops(m, e));
            // A milestone's stop events, each looked up among the triggers.
            let stopped_by_event = stale_round
                || match m {
                    Some(m) => m.stop.iter().any(|&e| fired.contains(e) && by_event(e)),
                    None => triggers.iter().any(|&e| by_event(e)),
                };
            // Stopped by the findings alone: findings recorded again that no
            // longer say it run it again (ruling 52).
            let by_validity = m
                .filter(|_| !stopped_by_event && triggers.iter().any(|&e| by_validity_of(e)))
                .and(case.validity);
            if !stopped_by_event && by_validity.is_none() {
                continue;
            }
            // A clock without a deadline is never late: it stops neither met nor missed.
            let late = match &clock.state {
                ClockState::Running => clock.is_past_deadline(at),
                ClockState::Paused {
                    remaining_seconds, ..
                } => clock.deadline.is_some() && *remaining_seconds <= 0,
                ClockState::Stopped { met, .. } => !*met,
            };
            // A clock that stops late breaches now if no tick saw it first, so
            // fines and escalations do not depend on how often tick runs.
            if late && !clock.breached && !m.is_some_and(|m| m.reminder) {
                // Escalating a case this command closes would notify nobody useful.
                let mut kinds = Vec::new();
                breach(&mut kinds, case, clock, m, &mut self.taken, at, ctx)?;
                // A clock its breach starts (ruling 112) is not owed: the
                // event that stops this one has come, however late.
                self.out.extend(kinds.into_iter().filter(|k| {
                    !matches!(k, EventKind::ClockStarted { .. })
                        && (case.status.is_open() || !matches!(k, EventKind::Escalated { .. }))
                }));
            }
            let no_deadline = clock.deadline.is_none();
            let met = !clock.breached && !late && !no_deadline;
            self.out.push(EventKind::ClockStopped {
                milestone: clock.milestone.clone(),
                round: clock.round,
                met,
                no_deadline,
                by_validity,
            });
            self.touched.push((&clock.milestone, clock.round));
            // A repeating clock stopped by a report starts its next period
            // now (ruling 49); the end of a round, a validity that says the
            // clock does not apply, an `until` event or a closure end it.
            if let Some(m) = m.filter(|m| {
                m.repeat.is_some()
                    && !stale_round
                    && case.status.is_open()
                    && !triggers.iter().any(|&e| by_validity_of(e))
            }) {
                let stopping: Vec<ClockEvent> =
                    triggers.iter().copied().filter(|&e| by_event(e)).collect();
                if m.restarts_after(&stopping) {
                    let level = case.level.unwrap_or(&clock.level);
                    self.out
                        .extend(period(case, m, level, at, at, clock.period, ctx)?);
                }
            }
        }
        Ok(())
    }

    /// Pauses the running clocks of this round the triggers pause.
    fn pause(&mut self) -> Result<(), Rejection> {
        let (case, at, ctx) = (self.case, self.at, self.ctx);
        for (i, clock) in case
            .clocks
            .iter()
            .enumerate()
            .filter(|(_, c)| c.round == case.round && c.is_running())
        {
            // The bits first: most commands pause nothing.
            let Some(m) = self.milestone(i) else {
                continue;
            };
            if !self.fired.any_of(&m.pause) || !self.untouched(clock) {
                continue;
            }
            // A clock already past its deadline breaches before it pauses, so
            // the breach is dated now and not when the clock finally stops.
            if clock.is_past_deadline(at) && !clock.breached && !m.reminder {
                breach(
                    &mut self.out,
                    case,
                    clock,
                    Some(m),
                    &mut self.taken,
                    at,
                    ctx,
                )?;
            }
            // Without a deadline there is no time left to measure; the resume
            // records the suspension instead ([`DeadlineBasis::Suspended`]).
            let remaining_seconds = match clock.deadline_at() {
                Some(d) => measure(ctx, clock.target.unit(), at, d)?,
                None => 0,
            };
            self.out.push(EventKind::ClockPaused {
                milestone: clock.milestone.clone(),
                round: clock.round,
                remaining_seconds,
            });
            self.touched.push((&clock.milestone, clock.round));
        }
        Ok(())
    }

    /// Resumes the paused clocks of this round the triggers resume.
    fn resume(&mut self) -> Result<(), Rejection> {
        let (case, at, ctx) = (self.case, self.at, self.ctx);
        for (i, clock) in case
            .clocks
            .iter()
            .enumerate()
            .filter(|(_, c)| c.round == case.round)
        {
            let ClockState::Paused {
                remaining_seconds, ..
            } = clock.state
            else {
                continue;
            };
            // Paused is open: looked up with the others.
            let Some(m) = self.milestone(i) else {
                continue;
            };
            if !self.fired.any_of(&m.resume) || !self.untouched(clock) {
                continue;
            }
            let (deadline, no_deadline) = resumed_deadline_of(ctx, clock, at, remaining_seconds)?;
            let total_seconds =
                resumed_total(ctx, clock, remaining_seconds, at, deadline.as_ref())?;
            self.out.push(EventKind::ClockResumed {
                milestone: clock.milestone.clone(),
                round: clock.round,
                deadline: deadline.map(Arc::new),
                no_deadline: no_deadline.map(Arc::from),
                total_seconds,
            });
            self.touched.push((&clock.milestone, clock.round));
        }
        Ok(())
    }
}

/// The clocks of this round the findings stopped (`stop_on_validity`)
/// that findings recorded again no longer stop (ruling 52): the limit was
/// never met, so each runs again to the deadline it had — not a new one
/// from now, which would give a complaint found invalid for a while more
/// time than one found founded from the start. One whose deadline has
/// passed breaches now (with its escalation), as a tick would have seen
/// it, so the outcome does not depend on how often tick runs. A clock the
/// findings kept from starting stays unstarted: its start event has passed.
fn restore(
    out: &mut Vec<EventKind>,
    case: &ClockCase<'_>,
    triggers: &[ClockEvent],
    at: DateTime<Utc>,
    taken: &mut Option<Taken>,
    ctx: &Ctx<'_>,
) -> Result<(), Rejection> {
    if !triggers.contains(&ClockEvent::FindingsRecorded) {
        return Ok(());
    }
    for clock in case.clocks.iter().filter(|c| c.round == case.round) {
        let ClockState::Stopped {
            by_validity: Some(_),
            ..
        } = clock.state
        else {
            continue;
        };
        let Some(m) = ctx.policy.milestone(&clock.milestone) else {
            continue;
        };
        if case.held_by_validity(m) {
            continue;
        }
        out.push(EventKind::ClockResumed {
            milestone: clock.milestone.clone(),
            round: clock.round,
            deadline: clock.deadline.clone(),
            no_deadline: None,
            total_seconds: None,
        });
        let overdue = clock.deadline_at().is_some_and(|d| d <= at);
        if overdue && !clock.breached && !m.reminder {
            breach(out, case, clock, Some(m), taken, at, ctx)?;
        }
    }
    Ok(())
}

/// The deadline a paused clock resumes to, or why it has none: a clock paused
/// overdue keeps the deadline it had; one with time left counts it from `at`;
/// one that never had a deadline counts its target again from its start.
fn resumed_deadline_of(
    ctx: &Ctx<'_>,
    clock: &Clock,
    at: DateTime<Utc>,
    remaining_seconds: i64,
) -> Result<(Option<Deadline>, Option<String>), Rejection> {
    let counted = if remaining_seconds <= 0
        && let Some(d) = &clock.deadline
    {
        // Paused when already overdue (its breach was recorded at the
        // pause): the extension does not move a deadline that has
        // passed, so the clock resumes overdue, to the deadline it had.
        Ok(Deadline::clone(d))
    } else if clock.deadline.is_some() {
        // The time left may now run into a year the calendar refuses:
        // the clock then goes on without a deadline (its basis keeps
        // the time left, for a recalculation).
        or_uncountable(
            advance(ctx, clock.target.unit(), at, remaining_seconds)
                .and_then(|deadline_at| resumed_deadline(ctx, clock, at, deadline_at)),
        )?
    } else {
        // The calendar may cover the year by now: count the target
        // from the start, moved on by the suspensions, this one included.
        let mut resumed = clock.clone();
        crate::case::resume_without_deadline(&mut resumed, at);
        match &resumed.basis {
            Some(b) => or_uncountable(count_basis(ctx, clock.target.unit(), b))?,
            None => Err(clock.no_deadline.as_deref().unwrap_or_default().to_owned()),
        }
    };
    Ok(match counted {
        Ok(d) => (Some(d), None),
        // Already recorded when it started without one.
        Err(_) if clock.deadline.is_none() => (None, None),
        Err(why) => (None, Some(why)),
    })
}

/// The clocks that `triggers` start, pushed onto `out`: the milestones whose start events they
/// are and that have no clock in this round (or ever, for once-per-case
/// milestones); a clock that continues from the last round keeps its time
/// left.
fn start(
    out: &mut Vec<EventKind>,
    case: &ClockCase<'_>,
    (triggers, fired): (&[ClockEvent], EventSet<'_>),
    at: DateTime<Utc>,
    ctx: &Ctx<'_>,
) -> Result<(), Rejection> {
    let policy = ctx.policy;
    let Some(level) = case.level else {
        return Ok(());
    };
    for m in &policy.milestones {
        if !case.starts(m, fired, ctx)
            || !case.started_by(m, triggers, ctx)
            || !case.handed_down_by(m, ctx)
        {
            continue;
        }
        if case.held_by_validity(m) {
            continue;
        }
        let this_round = case.clock(&m.id, case.round).is_some();
        let ever = case.clocks.iter().any(|c| c.milestone == m.id);
        if this_round || (m.on_reopen == OnReopen::OncePerCase && ever) {
            continue;
        }
        let previous = case
            .clocks
            .iter()
            .filter(|c| c.milestone == m.id && c.round < case.round)
            .max_by_key(|c| c.round);
        let started = match (m.on_reopen, previous) {
            // A clock carried over still runs only where its milestone
            // applies (`applies_when`, read now: facts recorded since the
            // last round may have changed it), as a fresh one does.
            (OnReopen::Continue, Some(_)) if !policy.milestone_applies(m, &case.eval_input(at)) => {
                continue;
            }
            (OnReopen::Continue, Some(prev)) => {
                // The time left when the last round's clock stopped carries
                // over; a clock without a deadline has none to carry, so the
                // new round starts without one and counts its whole target
                // from now once the calendar can (docs/calendar.md).
                let carried = match prev.deadline_at() {
                    Some(d) => or_uncountable(carry(ctx, prev, d, at))?,
                    None => Err(prev.no_deadline.as_deref().unwrap_or_default().to_owned()),
                };
                let (deadline, no_deadline, carried_seconds) = match carried {
                    Ok((deadline, left)) => (Some(Arc::new(deadline)), None, Some(left)),
                    Err(why) => (None, Some(Arc::from(why)), None),
                };
                EventKind::ClockStarted {
                    milestone: m.id.clone(),
                    round: case.round,
                    level: prev.level.clone(),
                    target: prev.target,
                    deadline,
                    total_seconds: prev.total_seconds,
                    extras: ClockStartExtras {
                        no_deadline,
                        carried_seconds,
                        ..ClockStartExtras::default()
                    }
                    .boxed(),
                }
            }
            _ => {
                // A limit counted from an earlier act (ruling 40) runs from it.
                let from = case.counted_from(m).unwrap_or(at);
                match fresh(case, m, level, from, at, None, ctx)? {
                    Some(started) => started,
                    None => continue,
                }
            }
        };
        out.push(started);
    }
    Ok(())
}

/// The `clock_started` event of `m` at `at` for `level`, its deadline
/// counted from `from` (earlier than `at` for a limit counted from an
/// earlier act, ruling 40, or a period that follows one that ran out,
/// ruling 49); `None` when the milestone gives the level no limit.
/// `period` numbers a repeating milestone's periods after the first.
fn fresh(
    case: &ClockCase<'_>,
    m: &Milestone,
    level: &LevelId,
    from: DateTime<Utc>,
    at: DateTime<Utc>,
    period: Option<u32>,
    ctx: &Ctx<'_>,
) -> Result<Option<EventKind>, Rejection> {
    // Conditions are read as the period's own start instant saw them.
    let Some(target) = ctx
        .policy
        .milestone_target_for(m, level, &case.eval_input(from))
    else {
        return Ok(None);
    };
    let counted = or_uncountable(
        ctx.calendar
            .deadline(from, &target)
            .map_err(Into::into)
            .and_then(|d| Ok((measure(ctx, target.unit(), from, d.at)?, d))),
    )?;
    let (deadline, no_deadline, total_seconds) = match counted {
        Ok((total, d)) => (Some(d), None, total),
        Err(why) => (None, Some(why), 0),
    };
    Ok(Some(EventKind::ClockStarted {
        milestone: m.id.clone(),
        round: case.round,
        level: level.clone(),
        target,
        deadline: deadline.map(Arc::new),
        total_seconds,
        extras: ClockStartExtras {
            no_deadline: no_deadline.map(Arc::from),
            counted_from: (from < at).then_some(from),
            period,
            ..ClockStartExtras::default()
        }
        .boxed(),
    }))
}

/// The next period of a repeating clock now in period `last`, recorded at
/// `at` and counted from `from` (ruling 49).
fn period(
    case: &ClockCase<'_>,
    m: &Milestone,
    level: &LevelId,
    from: DateTime<Utc>,
    at: DateTime<Utc>,
    last: u32,
    ctx: &Ctx<'_>,
) -> Result<Option<EventKind>, Rejection> {
    fresh(case, m, level, from, at, Some(last.saturating_add(1)), ctx)
}

/// The periods of the running repeating clocks (ruling 49) that ran out by
/// `at`, pushed onto `out`: for each, its breach (charged to its owner, and
/// the escalation steps it triggers) and the next period, counted from the
/// deadline it missed, so that a tick records the same periods however
/// seldom it runs. At most [`MAX_PERIODS`](tousu_policy::repeat::MAX_PERIODS)
/// per clock: the next tick, due at once, records the rest.
fn lapsed_periods(
    out: &mut Vec<EventKind>,
    case: &ClockCase<'_>,
    taken: &mut Option<Taken>,
    at: DateTime<Utc>,
    ctx: &Ctx<'_>,
) -> Result<(), Rejection> {
    for clock in case
        .clocks
        .iter()
        // A breached clock that still runs is one that does not repeat (a
        // repeating one starts its next period at its breach), or one whose
        // next period has no limit: nothing to do for either.
        .filter(|c| c.round == case.round && !c.breached && c.is_past_deadline(at))
    {
        // `Policy::milestone` filtered on `repeat`, the cheap test first:
        // most milestones do not repeat, so most clocks' ids are never
        // compared (milestone ids are unique, validation refuses others).
        let Some(m) = ctx
            .policy
            .milestones
            .iter()
            .find(|m| m.repeat.is_some() && m.id == clock.milestone)
        else {
            continue;
        };
        let level = case.level.unwrap_or(&clock.level);
        let mut current = Cow::Borrowed(clock);
        for _ in 0..tousu_policy::repeat::MAX_PERIODS {
            let Some(deadline) = current.deadline_at().filter(|d| *d <= at) else {
                break;
            };
            if !current.breached {
                breach(out, case, &current, Some(m), taken, at, ctx)?;
            }
            let Some(next) = period(case, m, level, deadline, at, current.period, ctx)? else {
                break;
            };
            let Some(started) = Clock::started(&next, at) else {
                break;
            };
            out.push(next);
            current = Cow::Owned(started);
        }
    }
    Ok(())
}

/// The deadline and the time carried over (the clock's measure, seconds)
/// of a round that continues `prev`, whose deadline was `deadline`, from `at`.
fn carry(
    ctx: &Ctx<'_>,
    prev: &Clock,
    deadline: DateTime<Utc>,
    at: DateTime<Utc>,
) -> Result<(Deadline, i64), Rejection> {
    let unit = prev.target.unit();
    let left = match &prev.state {
        ClockState::Stopped { at: stopped, .. } => measure(ctx, unit, *stopped, deadline)?,
        ClockState::Paused {
            remaining_seconds, ..
        } => *remaining_seconds,
        ClockState::Running => measure(ctx, unit, at, deadline)?,
    };
    let deadline_at = advance(ctx, unit, at, left)?;
    Ok((resumed_deadline(ctx, prev, at, deadline_at)?, left))
}

/// When the level is raised, running clocks whose new target ends sooner
/// take it: the deadline becomes the earlier of the current one and `at` +
/// the new target. A running clock is loosened only when its milestone says
/// `loosen_on_reclassify` ([`loosened`]), and a paused clock keeps its
/// remaining time (documented in the crate docs).
pub(crate) fn retarget(
    case: &ClockCase<'_>,
    old: Option<&LevelId>,
    new: &LevelId,
    at: DateTime<Utc>,
    ctx: &Ctx<'_>,
) -> Result<Vec<EventKind>, Rejection> {
    let mut out = Vec::new();
    let raised = old.is_none_or(|o| ctx.policy.is_more_severe(new, o));
    for clock in case
        .clocks
        .iter()
        .filter(|c| c.round == case.round && c.is_running())
    {
        let Some(m) = ctx.policy.milestone(&clock.milestone) else {
            continue;
        };
        if !raised && !m.loosen_on_reclassify {
            continue;
        }
        let Some(target) = ctx
            .policy
            .milestone_target_for(m, new, &case.eval_input(at))
        else {
            continue;
        };
        if raised {
            // A target the calendar cannot count leaves the clock as it is.
            let Ok(candidate) =
                or_uncountable(ctx.calendar.deadline(at, &target).map_err(Into::into))?
            else {
                continue;
            };
            // A clock without a deadline takes any countable one.
            if clock.deadline_at().is_none_or(|d| candidate.at < d) {
                out.push(EventKind::ClockRetargeted {
                    milestone: clock.milestone.clone(),
                    round: clock.round,
                    level: new.clone(),
                    target,
                    deadline: Arc::new(candidate),
                    from: None,
                });
                continue;
            }
        }
        if let Some(kind) = loosened(clock, m, new, target, at, ctx)? {
            out.push(kind);
        }
    }
    Ok(out)
}

/// The longer deadline a clock of a loosening milestone takes on
/// reclassification: the new target counted from the instant its deadline
/// was counted from, if later than the deadline it has. Never for a clock
/// past its deadline (the breach is due) or one whose time left was
/// measured on a resume.
fn loosened(
    clock: &Clock,
    m: &Milestone,
    new: &LevelId,
    target: Duration,
    at: DateTime<Utc>,
    ctx: &Ctx<'_>,
) -> Result<Option<EventKind>, Rejection> {
    let Some(DeadlineBasis::Target { from, .. }) = &clock.basis else {
        return Ok(None);
    };
    let Some(current) = clock.deadline_at() else {
        return Ok(None);
    };
    if !m.loosen_on_reclassify || clock.breached || clock.is_past_deadline(at) {
        return Ok(None);
    }
    let Ok(candidate) = or_uncountable(ctx.calendar.deadline(*from, &target).map_err(Into::into))?
    else {
        return Ok(None);
    };
    Ok(
        (candidate.at > current).then(|| EventKind::ClockRetargeted {
            milestone: clock.milestone.clone(),
            round: clock.round,
            level: new.clone(),
            target,
            deadline: Arc::new(candidate),
            from: Some(*from),
        }),
    )
}

/// The clock an agreed deadline runs on, started at `at`.
pub(crate) fn agreed_clock(
    round: u32,
    level: &LevelId,
    deadline: DateTime<Utc>,
    at: DateTime<Utc>,
) -> Result<EventKind, Rejection> {
    let id = MilestoneId::new(AGREED_DEADLINE).map_err(|e| Rejection::InvalidInput {
        path: "milestone".to_owned(),
        message: e.to_string(),
    })?;
    let seconds = (deadline - at).num_seconds();
    let minutes = u32::try_from((seconds + 59) / 60)
        .unwrap_or(u32::MAX)
        .max(1);
    let target =
        Duration::new(minutes, DurationUnit::Minutes).map_err(|e| Rejection::InvalidInput {
            path: "kind.deadline".to_owned(),
            message: e.to_string(),
        })?;
    Ok(EventKind::ClockStarted {
        milestone: id,
        round,
        level: level.clone(),
        target,
        deadline: Some(Arc::new(Deadline {
            at: deadline,
            provisional: false,
            provisional_basis: None,
            calendar: CalendarDataRef::default(),
        })),
        total_seconds: seconds,
        extras: None,
    })
}

/// The whole span of a clock resumed at `at` to `deadline`, when the resume
/// changes it: the time it had used before the pause plus the time from `at`
/// to the new deadline. A day-unit deadline is brought to the end of the day
/// its time runs out on, so after a pause it can leave more than the time
/// that was left; the span grows by that much, and the clock's elapsed time
/// (its span less its time left) stays what was really used instead of
/// going negative. `None` when the span is unchanged or there is no
/// deadline to measure to.
fn resumed_total(
    ctx: &Ctx<'_>,
    clock: &Clock,
    remaining_at_pause: i64,
    at: DateTime<Utc>,
    deadline: Option<&Deadline>,
) -> Result<Option<i64>, Rejection> {
    let (Some(deadline), true) = (deadline, remaining_at_pause > 0) else {
        return Ok(None);
    };
    let used = clock.total_seconds.saturating_sub(remaining_at_pause);
    let left = measure(ctx, clock.target.unit(), at, deadline.at)?;
    let total = used.saturating_add(left);
    Ok((total != clock.total_seconds).then_some(total))
}

/// The deadline of a clock that goes on from `from` with its remaining time
/// and ends at `at`: for a calendar-measured clock, described by the days it
/// now spans (so a resumed clock that crosses into a year without a notice is
/// provisional); a clock-time clock keeps its provenance.
fn resumed_deadline(
    ctx: &Ctx<'_>,
    clock: &Clock,
    from: DateTime<Utc>,
    at: DateTime<Utc>,
) -> Result<Deadline, Rejection> {
    if depends_on_calendar(clock.target.unit()) {
        Ok(ctx.calendar.describe(from, at)?)
    } else {
        Ok(match &clock.deadline {
            Some(d) => Deadline {
                at,
                ..Deadline::clone(d)
            },
            None => Deadline {
                at,
                provisional: false,
                provisional_basis: None,
                calendar: CalendarDataRef::default(),
            },
        })
    }
}

/// Whether a unit's deadlines depend on the calendar's days (all but clock time).
pub(crate) fn depends_on_calendar(unit: DurationUnit) -> bool {
    !matches!(
        unit,
        DurationUnit::Seconds | DurationUnit::Minutes | DurationUnit::Hours
    )
}

/// Who owns a clock (for overtime fines): the assignee, the first
/// responder, or — for a role — the staff member on the case who holds it
/// (the first responder if they do, else the first participant by id who
/// does), reported together with the role. When that names nobody, the
/// fallback owners are tried in order (ruling 44): the first that names
/// someone answers; when none does, the breach is unowned and reported
/// with the last role tried. `chain` is [`owner_chain`]'s.
pub(crate) fn owner(
    case: &ClockCase<'_>,
    chain: &[&MilestoneOwner],
    ctx: &Ctx<'_>,
) -> (Option<StaffId>, Option<RoleId>) {
    let mut found = (None, None);
    for owner in chain {
        found = resolve_owner(case, Some(owner), ctx);
        if found.0.is_some() {
            break;
        }
    }
    found
}

/// The owners [`owner`] tries for `clock` of milestone `m`, in order: its
/// owner, then its fallback owners. An agreed deadline (约定回复时限) is
/// owned as the policy says ([`tousu_policy::Policy::agreed_deadline_owners`]:
/// its `[agreed_deadline]` table, else the first milestone that stops on
/// `agreed_deadline_set`, which it stands in for, else the handler).
fn owner_chain<'p>(
    clock: &Clock,
    m: Option<&'p Milestone>,
    policy: &'p tousu_policy::Policy,
) -> Vec<&'p MilestoneOwner> {
    if is_agreed(&clock.milestone) {
        return policy.agreed_deadline_owners().chain();
    }
    let Some(m) = m else {
        return vec![&MilestoneOwner::Assignee];
    };
    let fallbacks = m
        .fallback_owner
        .as_ref()
        .map(tousu_policy::FallbackOwner::owners)
        .unwrap_or_default();
    std::iter::once(&m.owner).chain(fallbacks).collect()
}

/// The first on the case (its first responder, then whoever acted on it,
/// in order) whom `fits` accepts: a role owner's holder.
fn first_on_case(
    case: &ClockCase<'_>,
    ctx: &Ctx<'_>,
    fits: impl Fn(&tousu_model::Staff) -> bool,
) -> Option<StaffId> {
    case.complaint
        .first_responder
        .iter()
        .chain(case.participants.iter())
        .find(|s| ctx.roster.staff(s).is_some_and(&fits))
        .cloned()
}

fn resolve_owner(
    case: &ClockCase<'_>,
    owner: Option<&MilestoneOwner>,
    ctx: &Ctx<'_>,
) -> (Option<StaffId>, Option<RoleId>) {
    let assignee = || case.assignment.and_then(|a| a.handler.clone());
    match owner {
        None | Some(MilestoneOwner::Assignee) => (assignee(), None),
        Some(MilestoneOwner::FirstResponder) => (case.complaint.first_responder.clone(), None),
        Some(MilestoneOwner::Role(r)) => {
            let staff = first_on_case(case, ctx, |st| st.has_role(r));
            (staff, Some(r.clone()))
        }
        Some(MilestoneOwner::RoleHoldingCase(h)) => {
            // Read as a grant's `holds_case` reads it: `"received"` unless the
            // owner says another (rulings 161, 172).
            let held = case.held(ctx);
            let staff = first_on_case(case, ctx, |st| {
                let mut at = held.read(ctx, st).whereabouts();
                at.role_absent = held.role_absent(ctx, &h.role);
                st.has_role(&h.role) && h.holds.holds_at(&at)
            });
            (staff, Some(h.role.clone()))
        }
        Some(MilestoneOwner::Holder(h)) => {
            // `holds` (ruling 164): the roster's holders in a department
            // holding the case, read as a `role_holding_case` owner reads it.
            let held = case.held(ctx);
            let holding = |st: &tousu_model::Staff| {
                h.holds.is_some_and(|holds| {
                    let mut at = held.read(ctx, st).whereabouts();
                    at.role_absent = held.role_absent(ctx, &h.role);
                    holds.holds_at(&at)
                })
            };
            let stepped = case.new_steps.iter().filter_map(|id| {
                let step = ctx.policy.escalation.iter().find(|s| s.id == **id)?;
                step.take_over.as_ref()
            });
            let handed = crate::holder::Handed {
                first_responder: case.complaint.first_responder.as_ref(),
                taken_over: case
                    .escalations
                    .iter()
                    .filter_map(|e| e.take_over.as_ref())
                    .chain(stepped),
                lead: case.assignment.map(|a| &a.lead),
                handed_by: case.handed_by,
                handed_down: case.assignment.is_some() && !case.assigned_before_take_over,
                holding: h
                    .holds
                    .is_some()
                    .then_some(&holding as &dyn Fn(&tousu_model::Staff) -> bool),
            };
            let staff = crate::holder::find(h, handed, ctx.roster);
            (staff, Some(h.role.clone()))
        }
        Some(_) => (assignee(), None),
    }
}

/// What the rules see of a case at `at`.
pub(crate) fn eval_input(case: &Case, at: DateTime<Utc>) -> EvalInput<'_> {
    EvalInput::new(&case.complaint, at)
        .with_repeat_count(case.repeat_count)
        .with_found_facts(&case.found_facts)
}

/// The events of taking an escalation step: the escalation itself, and when
/// the step raises the level, the reclassification and the stricter clocks.
pub(crate) fn escalate(
    case: &ClockCase<'_>,
    step: &EscalationStep,
    cause: EscalationCause,
    at: DateTime<Utc>,
    ctx: &Ctx<'_>,
) -> Result<Vec<EventKind>, Rejection> {
    let mut out = Vec::new();
    escalate_into(&mut out, case, step, cause, at, ctx)?;
    Ok(out)
}

/// [`escalate`], its events pushed onto `out`.
fn escalate_into(
    out: &mut Vec<EventKind>,
    case: &ClockCase<'_>,
    step: &EscalationStep,
    cause: EscalationCause,
    at: DateTime<Utc>,
    ctx: &Ctx<'_>,
) -> Result<(), Rejection> {
    out.push(EventKind::Escalated {
        step: Some(step.id.clone()),
        cause,
        notify: step.notify.clone(),
        take_over: step.take_over.clone(),
    });
    if let Some(to) = &step.reclassify_to {
        let raises = case.level.is_none_or(|l| ctx.policy.is_more_severe(to, l));
        if raises {
            out.push(EventKind::Classified {
                level: to.clone(),
                rule: None,
                manual_reason: Some(format!("escalation step {}", step.id)),
            });
            out.extend(retarget(case, case.level, to, at, ctx)?);
            let mut taken = case.taken();
            taken.push(step.id.clone());
            level_steps(out, case, to, &taken, ctx);
        }
    }
    Ok(())
}

/// The `level_reached` steps (ruling 38) a case classified at its level
/// takes: those for its level and category not taken yet, in file order.
/// `case` is the case as the classification leaves it.
pub(crate) fn level_reached(case: &ClockCase<'_>, ctx: &Ctx<'_>) -> Vec<EventKind> {
    let mut out = Vec::new();
    if let Some(level) = case.level {
        level_steps(&mut out, case, level, &case.taken(), ctx);
    }
    out
}

/// The `level_reached` steps for `level` not in `taken`, pushed onto `out`.
/// Such a step never raises the level (validation refuses `reclassify_to`
/// on it), so taking it is its escalation alone.
fn level_steps(
    out: &mut Vec<EventKind>,
    case: &ClockCase<'_>,
    level: &LevelId,
    taken: &[EscalationId],
    ctx: &Ctx<'_>,
) {
    let trigger = EscalationTrigger::LevelReached;
    for step in ctx
        .policy
        .escalation_steps(&trigger, level, case.complaint.category.as_ref())
        .filter(|s| !taken.contains(&s.id))
    {
        out.push(EventKind::Escalated {
            step: Some(step.id.clone()),
            cause: EscalationCause::LevelReached {
                level: level.clone(),
            },
            notify: step.notify.clone(),
            take_over: step.take_over.clone(),
        });
    }
}

/// The breach of `clock` and the escalation steps it triggers that have not
/// been taken yet, pushed onto `out` (a tick's one vector of events: no
/// vector per breach).
fn breach(
    out: &mut Vec<EventKind>,
    case: &ClockCase<'_>,
    clock: &Clock,
    m: Option<&Milestone>,
    taken: &mut Option<Taken>,
    at: DateTime<Utc>,
    ctx: &Ctx<'_>,
) -> Result<(), Rejection> {
    let chain = owner_chain(clock, m, ctx.policy);
    let (owner, owner_role) = owner(case, &chain, ctx);
    // Charged to nobody: the breach says whom it tried (ruling 23).
    let owners_tried: Vec<MilestoneOwner> = match owner {
        None => chain.into_iter().cloned().collect(),
        Some(_) => Vec::new(),
    };
    out.push(EventKind::MilestoneBreached {
        milestone: clock.milestone.clone(),
        round: clock.round,
        level: clock.level.clone(),
        deadline: clock.deadline_at().unwrap_or(at),
        owner,
        owner_role,
        owners_tried: owners_tried.into(),
    });
    let Some(level) = case.level else {
        return Ok(());
    };
    started_by_breach(out, case, clock, level, at, ctx)?;
    // `Policy::escalation_steps` of `BreachOf(clock.milestone)`, matched
    // on the milestone in place: no trigger built (an id cloned and
    // dropped) and no whole-enum comparison per step, on every breach.
    let category = case.complaint.category.as_ref();
    for step in ctx.policy.escalation.iter().filter(|s| {
        matches!(&s.after, EscalationTrigger::BreachOf(b) if *b == clock.milestone)
            && s.applies_to(level)
            && ctx.policy.step_covers(s, category)
    }) {
        // Listed at the first breach that could escalate: most find nothing due.
        let taken = taken.get_or_insert_with(|| case.taken());
        if taken.contains(&step.id) {
            continue;
        }
        taken.push(step.id.clone());
        let cause = EscalationCause::Breach {
            milestone: clock.milestone.clone(),
        };
        escalate_into(out, case, step, cause, at, ctx)?;
    }
    Ok(())
}

/// The clocks whose `breach_of` names the breached `clock` (ruling 112),
/// started in its round, counted from its deadline, pushed onto `out`: as
/// [`start`] starts a clock, where its milestone applies, once a round (or
/// once a case), and not while the findings hold it.
fn started_by_breach(
    out: &mut Vec<EventKind>,
    case: &ClockCase<'_>,
    clock: &Clock,
    level: &LevelId,
    at: DateTime<Utc>,
    ctx: &Ctx<'_>,
) -> Result<(), Rejection> {
    if clock.round != case.round {
        return Ok(());
    }
    let from = clock.deadline_at().unwrap_or(at).min(at);
    for m in ctx
        .policy
        .milestones
        .iter()
        .filter(|m| m.breach_of.as_ref() == Some(&clock.milestone))
    {
        let ever = case.clocks.iter().any(|c| c.milestone == m.id);
        if case.clock(&m.id, case.round).is_some()
            || (m.on_reopen == OnReopen::OncePerCase && ever)
            || case.held_by_validity(m)
        {
            continue;
        }
        out.extend(fresh(case, m, level, from, at, None, ctx)?);
    }
    Ok(())
}

/// Warnings, breaches and the escalations breaches trigger, due at `now`,
/// appended to `out` (the tick keeps one vector for them, not one per case).
pub(crate) fn due(
    out: &mut Vec<EventKind>,
    case: &ClockCase<'_>,
    now: DateTime<Utc>,
    ctx: &Ctx<'_>,
) -> Result<(), Rejection> {
    let mut taken = None;
    lapsed_periods(out, case, &mut taken, now, ctx)?;
    for clock in case
        .clocks
        .iter()
        .filter(|c| c.round == case.round && c.is_running() && !c.breached)
    {
        // A clock without a deadline never warns or breaches by itself.
        let Some(deadline) = clock.deadline_at() else {
            continue;
        };
        let m = ctx.policy.milestone(&clock.milestone);
        if now >= deadline {
            // A repeating clock's lapsed periods are recorded above; its
            // next period warns from the next tick.
            if m.is_some_and(|m| m.repeat.is_some()) {
                continue;
            }
            match m {
                // A reminder's time has come: one warning at 100 %, no breach.
                Some(m) if m.reminder => {
                    if !clock.warned.contains(&100) {
                        out.push(EventKind::MilestoneWarning {
                            milestone: clock.milestone.clone(),
                            round: clock.round,
                            percent: 100,
                        });
                    }
                }
                _ => breach(out, case, clock, m, &mut taken, now, ctx)?,
            }
            continue;
        }
        let Some(m) = m else { continue };
        // Nothing left to warn about: no need to measure.
        if clock.total_seconds <= 0 || m.warn_at_percent.iter().all(|p| clock.warned.contains(p)) {
            continue;
        }
        // A deadline counted under other data (a policy migrated to one that
        // refuses the year) cannot be measured now: no warning, not a failure.
        let Ok(remaining) = or_uncountable(measure_nanos(ctx, clock.target.unit(), now, deadline))?
        else {
            continue;
        };
        let total = i128::from(clock.total_seconds) * NANOS;
        let elapsed = total - remaining;
        for &p in &m.warn_at_percent {
            if clock.warned.contains(&p) {
                continue;
            }
            if elapsed * 100 >= i128::from(p) * total {
                out.push(EventKind::MilestoneWarning {
                    milestone: clock.milestone.clone(),
                    round: clock.round,
                    percent: p,
                });
            }
        }
    }
    Ok(())
}

/// One open clock's deadline, as [`deadlines`](crate::deadlines) reports it.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
pub struct DeadlineView {
    /// The milestone.
    pub milestone: MilestoneId,
    /// Its name in the regulation (`约定回复时限` for an agreed deadline).
    pub name_zh: String,
    /// The round.
    pub round: u32,
    /// The level whose target applies.
    pub level: LevelId,
    /// The time limit.
    pub target: Duration,
    /// The deadline (exclusive) and the calendar data that produced it;
    /// absent for a clock without a deadline ([`DeadlineView::no_deadline`]).
    pub deadline: Option<Deadline>,
    /// Why the clock has no deadline (the calendar's answer), when it has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_deadline: Option<String>,
    /// Time elapsed in the clock's own measure, seconds; absent without a
    /// deadline, or when the calendar cannot measure up to it.
    pub elapsed_seconds: Option<i64>,
    /// Time remaining in the clock's own measure, seconds (negative when
    /// overdue); absent as `elapsed_seconds` is.
    pub remaining_seconds: Option<i64>,
    /// Whether the clock is paused.
    pub paused: bool,
    /// Whether it has breached.
    pub breached: bool,
    /// Which rule set the target: `milestones.<id>` with the level, or the agreed deadline.
    pub rule: String,
}

/// One open clock as [`deadlines`](crate::deadlines) shows it, measured at
/// `ctx.now`, with the rule that set its target.
pub(crate) fn view(case: &Case, clock: &Clock, ctx: &Ctx<'_>) -> Result<DeadlineView, Rejection> {
    let m = ctx.policy.milestone(&clock.milestone);
    let paused = matches!(clock.state, ClockState::Paused { .. });
    let remaining = match (&clock.state, clock.deadline_at()) {
        (_, None) => None,
        (
            ClockState::Paused {
                remaining_seconds, ..
            },
            Some(_),
        ) => Some(*remaining_seconds),
        (_, Some(d)) => or_uncountable(measure(ctx, clock.target.unit(), ctx.now, d))?.ok(),
    };
    let rule = match m {
        Some(m) => {
            let by_level = m.level_target(&clock.level);
            let by_category =
                ctx.policy
                    .milestone_target(m, &clock.level, case.complaint.category.as_ref());
            let conditional = m.conditional_targets.iter().any(|c| {
                c.when
                    .matches(ctx.policy, &eval_input(case, clock.started_at))
                    && c.level_target(&clock.level).is_some()
            });
            if conditional {
                format!(
                    "milestones.{}.conditional_targets (level {})",
                    m.id, clock.level
                )
            } else if by_category != by_level {
                format!(
                    "milestones.{}.category_overrides (level {})",
                    m.id, clock.level
                )
            } else {
                format!("milestones.{}.targets.{}", m.id, clock.level)
            }
        }
        None => "agreed with the customer (约定回复时限)".to_owned(),
    };
    Ok(DeadlineView {
        milestone: clock.milestone.clone(),
        name_zh: milestone_name_zh(ctx.policy, &clock.milestone),
        round: clock.round,
        level: clock.level.clone(),
        target: clock.target,
        deadline: clock.deadline.as_deref().cloned(),
        no_deadline: clock.deadline.is_none().then(|| {
            clock
                .no_deadline
                .as_deref()
                .unwrap_or("the calendar could not count it")
                .to_owned()
        }),
        elapsed_seconds: remaining.map(|r| clock.total_seconds.saturating_sub(r)),
        remaining_seconds: remaining,
        paused,
        breached: clock.breached,
        rule,
    })
}
