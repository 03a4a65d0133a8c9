//! Milestone clocks: what the policy's start / stop / pause / resume events
//! do to them, warnings and breaches at `now`, and the deadline view.
//!
//! Precedence within one command (ruling 17): every clock that stops stops
//! first, then pauses, then resumes, then starts. Time is measured in the
//! clock's own unit: working time (inside business hours on working days)
//! for working-day and working-hour limits, plain elapsed time otherwise, so
//! a suspension moves a working-day deadline by the working time it lasted.

use std::borrow::Cow;
use std::collections::BTreeSet;

use chrono::{DateTime, TimeDelta, Utc};
use tousu_model::{
    CaseId, Complaint, FaultParty, LevelId, Money, Remedy, RoleId, Satisfaction, StaffId, Validity,
};
use tousu_policy::{
    CalendarDataRef, ClockEvent, Deadline, Duration, DurationUnit, EscalationId, EscalationStep,
    EscalationTrigger, EvalInput, Milestone, MilestoneId, MilestoneOwner, OnReopen, PolicyId,
    PolicyVersion, RuleId,
};

use crate::case::{Case, Clock, ClockState, EscalationRecord, ExtensionChange, Fold, Status, fold};
use crate::command::{Assignment, Responsibility};
use crate::event::{ClosureKind, EscalationCause, EventKind};
use crate::{Ctx, Rejection};

/// What the clock rules read of a case: the case as it stands, or as it
/// would stand after some events applied without an actor or a command (as
/// [`evolve`](crate::evolve) applies them), borrowed rather than copied.
/// Only the clocks are copied, and only when those events change them.
pub(crate) struct ClockCase<'a> {
    complaint: &'a Complaint,
    repeat_count: u32,
    status: Status,
    participants: &'a BTreeSet<StaffId>,
    assignment: Option<&'a Assignment>,
    level: Option<&'a LevelId>,
    round: u32,
    clocks: Cow<'a, [Clock]>,
    escalations: &'a [EscalationRecord],
    /// Escalation steps taken by the events applied on top of the case.
    new_steps: Vec<&'a EscalationId>,
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
            level: case.level.as_ref(),
            round: case.round,
            clocks: Cow::Borrowed(&case.clocks),
            escalations: &case.escalations,
            new_steps: Vec::new(),
        }
    }

    /// The case a registration by the actor in `participants` creates
    /// ([`Case::from_registration`]).
    pub(crate) fn registered(
        complaint: &'a Complaint,
        repeat_count: u32,
        participants: &'a BTreeSet<StaffId>,
    ) -> Self {
        ClockCase {
            complaint,
            repeat_count,
            status: Status::Registered,
            participants,
            assignment: None,
            level: None,
            round: 1,
            clocks: Cow::Borrowed(&[]),
            escalations: &[],
            new_steps: Vec::new(),
        }
    }

    /// This case after `kinds`, applied at `at` by the one fold
    /// ([`fold`]), as far as the clock rules see.
    pub(crate) fn after(mut self, kinds: &'a [EventKind], at: DateTime<Utc>) -> Self {
        for kind in kinds {
            fold(&mut self, kind, None, at);
        }
        self
    }

    /// The clock of `milestone` in `round`.
    fn clock(&self, milestone: &MilestoneId, round: u32) -> Option<&Clock> {
        self.clocks
            .iter()
            .find(|c| &c.milestone == milestone && c.round == round)
    }

    /// Escalation steps already taken.
    fn taken(&self) -> Vec<EscalationId> {
        self.escalations
            .iter()
            .filter_map(|e| e.step.as_ref())
            .chain(self.new_steps.iter().copied())
            .cloned()
            .collect()
    }

    /// What the rules see of the case at `at`.
    fn eval_input(&self, at: DateTime<Utc>) -> EvalInput<'a> {
        EvalInput::new(self.complaint, at).with_repeat_count(self.repeat_count)
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
        _reason: Option<&'a String>,
        _advice: Option<&'a String>,
    ) {
    }
    fn classified(&mut self, level: &'a LevelId, _rule: Option<&'a RuleId>) {
        self.level = Some(level);
    }
    fn assigned(&mut self, assignment: &'a Assignment) {
        self.assignment = Some(assignment);
    }
    fn findings(
        &mut self,
        _validity: Validity,
        _rule: Option<&'a RuleId>,
        _fault: Option<FaultParty>,
        _responsible: &'a [Responsibility],
        _by: Option<&'a StaffId>,
    ) {
    }
    fn proposed(
        &mut self,
        _remedies: &'a [Remedy],
        _amount: Money,
        _role: Option<&'a RoleId>,
        _by: Option<&'a StaffId>,
    ) {
    }
    fn approved(&mut self, _by: Option<&'a StaffId>) {}
    fn callback(&mut self, _satisfaction: Option<Satisfaction>) {}
    fn reopened(&mut self, round: u32) {
        self.round = round;
    }
    fn escalated(
        &mut self,
        step: Option<&'a EscalationId>,
        _take_over: Option<&'a RoleId>,
        _at: DateTime<Utc>,
    ) {
        self.new_steps.extend(step);
    }
    fn agreed_deadline(&mut self, _deadline: DateTime<Utc>) {}
    fn extension(&mut self, _change: ExtensionChange<'a>) {}
    fn closed(&mut self, _kind: ClosureKind, _reason: Option<&'a String>, _at: DateTime<Utc>) {}
    fn repeat_merged(&mut self, _repeat: &'a CaseId) {}
    fn note_added(&mut self) {}
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

fn working_measure(unit: DurationUnit) -> bool {
    matches!(unit, DurationUnit::WorkingDays | DurationUnit::WorkingHours)
}

/// Signed time from `a` to `b` in the clock's measure, in seconds.
pub(crate) fn measure(
    ctx: &Ctx<'_>,
    unit: DurationUnit,
    a: DateTime<Utc>,
    b: DateTime<Utc>,
) -> Result<i64, Rejection> {
    if !working_measure(unit) {
        return Ok((b - a).num_seconds());
    }
    if b >= a {
        Ok(ctx.calendar.working_time_between(a, b)?.num_seconds())
    } else {
        Ok(-ctx.calendar.working_time_between(b, a)?.num_seconds())
    }
}

/// The instant `seconds` of the clock's measure after `from`.
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

fn stops_on(m: Option<&Milestone>, clock: &Clock, e: ClockEvent) -> bool {
    match m {
        Some(m) => m.stop.contains(&e),
        None => {
            is_agreed(&clock.milestone) && matches!(e, ClockEvent::Replied | ClockEvent::Closed)
        }
    }
}

/// The clock events that `triggers` cause on `case` (already updated by the
/// command's own events) at `at`.
pub(crate) fn effects(
    case: &ClockCase<'_>,
    triggers: &[ClockEvent],
    at: DateTime<Utc>,
    ctx: &Ctx<'_>,
) -> Result<Vec<EventKind>, Rejection> {
    let policy = ctx.policy;
    let mut out = Vec::new();
    let mut touched: Vec<(&MilestoneId, u32)> = Vec::new();
    let mut taken = None;

    // 1. Stop. A new round also closes whatever the last round left open.
    let reopened = triggers.contains(&ClockEvent::Reopened);
    for clock in case.clocks.iter().filter(|c| c.is_open()) {
        let m = policy.milestone(&clock.milestone);
        let stale_round = reopened && clock.round < case.round;
        if stale_round || triggers.iter().any(|&e| stops_on(m, clock, e)) {
            let late = match &clock.state {
                ClockState::Running => at >= clock.deadline.at,
                ClockState::Paused {
                    remaining_seconds, ..
                } => *remaining_seconds <= 0,
                ClockState::Stopped { met, .. } => !*met,
            };
            // A clock that stops late breaches now if no tick saw it first, so
            // fines and escalations do not depend on how often tick runs.
            if late && !clock.breached {
                // Escalating a case this command closes would notify nobody useful.
                let kinds = breach(case, clock, m, &mut taken, at, ctx)?;
                out.extend(kinds.into_iter().filter(|k| {
                    case.status.is_open() || !matches!(k, EventKind::Escalated { .. })
                }));
            }
            let met = !clock.breached && !late;
            out.push(EventKind::ClockStopped {
                milestone: clock.milestone.clone(),
                round: clock.round,
                met,
            });
            touched.push((&clock.milestone, clock.round));
        }
    }
    let untouched = |c: &Clock, touched: &[(&MilestoneId, u32)]| {
        !touched
            .iter()
            .any(|(m, r)| **m == c.milestone && *r == c.round)
    };

    // 2. Pause.
    for clock in case
        .clocks
        .iter()
        .filter(|c| c.round == case.round && c.is_running())
    {
        if !untouched(clock, &touched) {
            continue;
        }
        let Some(m) = policy.milestone(&clock.milestone) else {
            continue;
        };
        if triggers.iter().any(|e| m.pause.contains(e)) {
            // A clock already past its deadline breaches before it pauses, so
            // the breach is dated now and not when the clock finally stops.
            if at >= clock.deadline.at && !clock.breached {
                out.extend(breach(case, clock, Some(m), &mut taken, at, ctx)?);
            }
            let remaining_seconds = measure(ctx, clock.target.unit(), at, clock.deadline.at)?;
            out.push(EventKind::ClockPaused {
                milestone: clock.milestone.clone(),
                round: clock.round,
                remaining_seconds,
            });
            touched.push((&clock.milestone, clock.round));
        }
    }

    // 3. Resume.
    for clock in case.clocks.iter().filter(|c| c.round == case.round) {
        if !untouched(clock, &touched) {
            continue;
        }
        let ClockState::Paused {
            remaining_seconds, ..
        } = clock.state
        else {
            continue;
        };
        let Some(m) = policy.milestone(&clock.milestone) else {
            continue;
        };
        if triggers.iter().any(|e| m.resume.contains(e)) {
            let deadline_at = advance(ctx, clock.target.unit(), at, remaining_seconds)?;
            out.push(EventKind::ClockResumed {
                milestone: clock.milestone.clone(),
                round: clock.round,
                deadline: resumed_deadline(ctx, clock, at, deadline_at)?,
            });
            touched.push((&clock.milestone, clock.round));
        }
    }

    // 4. Start.
    let Some(level) = case.level else {
        return Ok(out);
    };
    for m in &policy.milestones {
        if !triggers.iter().any(|e| m.start.contains(e)) {
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
            (OnReopen::Continue, Some(prev)) => {
                // The time left when the last round's clock stopped carries over.
                let left = match &prev.state {
                    ClockState::Stopped { at: stopped, .. } => {
                        measure(ctx, prev.target.unit(), *stopped, prev.deadline.at)?
                    }
                    ClockState::Paused {
                        remaining_seconds, ..
                    } => *remaining_seconds,
                    ClockState::Running => measure(ctx, prev.target.unit(), at, prev.deadline.at)?,
                };
                let deadline_at = advance(ctx, prev.target.unit(), at, left)?;
                EventKind::ClockStarted {
                    milestone: m.id.clone(),
                    round: case.round,
                    level: prev.level.clone(),
                    target: prev.target,
                    deadline: resumed_deadline(ctx, prev, at, deadline_at)?,
                    total_seconds: prev.total_seconds,
                    carried_seconds: Some(left),
                }
            }
            _ => {
                let Some(target) = policy.milestone_target_for(m, level, &case.eval_input(at))
                else {
                    continue;
                };
                let deadline = ctx.calendar.deadline(at, &target)?;
                let total_seconds = measure(ctx, target.unit(), at, deadline.at)?;
                EventKind::ClockStarted {
                    milestone: m.id.clone(),
                    round: case.round,
                    level: level.clone(),
                    target,
                    deadline,
                    total_seconds,
                    carried_seconds: None,
                }
            }
        };
        out.push(started);
    }
    Ok(out)
}

/// When the level is raised, running clocks whose new target ends sooner
/// take it: the deadline becomes the earlier of the current one and `at` +
/// the new target. A running clock is never loosened, and a paused clock
/// keeps its remaining time (documented in the crate docs).
pub(crate) fn retarget(
    case: &ClockCase<'_>,
    old: Option<&LevelId>,
    new: &LevelId,
    at: DateTime<Utc>,
    ctx: &Ctx<'_>,
) -> Result<Vec<EventKind>, Rejection> {
    let mut out = Vec::new();
    let raised = old.is_none_or(|o| ctx.policy.is_more_severe(new, o));
    if !raised {
        return Ok(out);
    }
    for clock in case
        .clocks
        .iter()
        .filter(|c| c.round == case.round && c.is_running())
    {
        let Some(m) = ctx.policy.milestone(&clock.milestone) else {
            continue;
        };
        let Some(target) = ctx
            .policy
            .milestone_target_for(m, new, &case.eval_input(at))
        else {
            continue;
        };
        let candidate = ctx.calendar.deadline(at, &target)?;
        if candidate.at < clock.deadline.at {
            out.push(EventKind::ClockRetargeted {
                milestone: clock.milestone.clone(),
                round: clock.round,
                level: new.clone(),
                target,
                deadline: candidate,
            });
        }
    }
    Ok(out)
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
        deadline: Deadline {
            at: deadline,
            provisional: false,
            provisional_basis: None,
            calendar: CalendarDataRef::default(),
        },
        total_seconds: seconds,
        carried_seconds: None,
    })
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
        Ok(Deadline {
            at,
            ..clock.deadline.clone()
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
/// milestone's `fallback_owner` answers.
pub(crate) fn owner(
    case: &ClockCase<'_>,
    m: Option<&Milestone>,
    ctx: &Ctx<'_>,
) -> (Option<StaffId>, Option<RoleId>) {
    let (staff, role) = resolve_owner(case, m.map(|m| &m.owner), ctx);
    match (staff, m.and_then(|m| m.fallback_owner.as_ref())) {
        (None, Some(fallback)) => resolve_owner(case, Some(fallback), ctx),
        (staff, _) => (staff, role),
    }
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
            let holds = |s: &StaffId| ctx.roster.staff(s).is_some_and(|st| st.has_role(r));
            let staff = case
                .complaint
                .first_responder
                .iter()
                .chain(case.participants.iter())
                .find(|s| holds(s))
                .cloned();
            (staff, Some(r.clone()))
        }
        Some(_) => (assignee(), None),
    }
}

/// What the rules see of a case at `at`.
pub(crate) fn eval_input(case: &Case, at: DateTime<Utc>) -> EvalInput<'_> {
    EvalInput::new(&case.complaint, at).with_repeat_count(case.repeat_count)
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
    let mut out = vec![EventKind::Escalated {
        step: Some(step.id.clone()),
        cause,
        notify: step.notify.clone(),
        take_over: step.take_over.clone(),
    }];
    if let Some(to) = &step.reclassify_to {
        let raises = case.level.is_none_or(|l| ctx.policy.is_more_severe(to, l));
        if raises {
            out.push(EventKind::Classified {
                level: to.clone(),
                rule: None,
                manual_reason: Some(format!("escalation step {}", step.id)),
            });
            out.extend(retarget(case, case.level, to, at, ctx)?);
        }
    }
    Ok(out)
}

/// The breach of `clock` and the escalation steps it triggers that have not
/// been taken yet.
fn breach(
    case: &ClockCase<'_>,
    clock: &Clock,
    m: Option<&Milestone>,
    taken: &mut Option<Vec<EscalationId>>,
    at: DateTime<Utc>,
    ctx: &Ctx<'_>,
) -> Result<Vec<EventKind>, Rejection> {
    let (owner, owner_role) = owner(case, m, ctx);
    let mut out = vec![EventKind::MilestoneBreached {
        milestone: clock.milestone.clone(),
        round: clock.round,
        level: clock.level.clone(),
        deadline: clock.deadline.at,
        owner,
        owner_role,
    }];
    let Some(level) = case.level else {
        return Ok(out);
    };
    let trigger = EscalationTrigger::BreachOf(clock.milestone.clone());
    for step in ctx.policy.escalation_steps(&trigger, level) {
        // Listed at the first breach that could escalate: most find nothing due.
        let taken = taken.get_or_insert_with(|| case.taken());
        if taken.contains(&step.id) {
            continue;
        }
        taken.push(step.id.clone());
        let cause = EscalationCause::Breach {
            milestone: clock.milestone.clone(),
        };
        out.extend(escalate(case, step, cause, at, ctx)?);
    }
    Ok(out)
}

/// Warnings, breaches and the escalations breaches trigger, due at `now`.
pub(crate) fn due(
    case: &ClockCase<'_>,
    now: DateTime<Utc>,
    ctx: &Ctx<'_>,
) -> Result<Vec<EventKind>, Rejection> {
    let mut out = Vec::new();
    let mut taken = None;
    for clock in case
        .clocks
        .iter()
        .filter(|c| c.round == case.round && c.is_running() && !c.breached)
    {
        let m = ctx.policy.milestone(&clock.milestone);
        if now >= clock.deadline.at {
            out.extend(breach(case, clock, m, &mut taken, now, ctx)?);
            continue;
        }
        let Some(m) = m else { continue };
        // Nothing left to warn about: no need to measure (the deadline was
        // computed with this calendar, so measuring could not fail either).
        if clock.total_seconds <= 0 || m.warn_at_percent.iter().all(|p| clock.warned.contains(p)) {
            continue;
        }
        let remaining = measure(ctx, clock.target.unit(), now, clock.deadline.at)?;
        let elapsed = i128::from(clock.total_seconds) - i128::from(remaining);
        for &p in &m.warn_at_percent {
            if clock.warned.contains(&p) {
                continue;
            }
            if elapsed * 100 >= i128::from(p) * i128::from(clock.total_seconds) {
                out.push(EventKind::MilestoneWarning {
                    milestone: clock.milestone.clone(),
                    round: clock.round,
                    percent: p,
                });
            }
        }
    }
    Ok(out)
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
    /// The deadline (exclusive) and the calendar data that produced it.
    pub deadline: Deadline,
    /// Time elapsed in the clock's own measure, seconds.
    pub elapsed_seconds: i64,
    /// Time remaining in the clock's own measure, seconds (negative when overdue).
    pub remaining_seconds: i64,
    /// Whether the clock is paused.
    pub paused: bool,
    /// Whether it has breached.
    pub breached: bool,
    /// Which rule set the target: `milestones.<id>` with the level, or the agreed deadline.
    pub rule: String,
}

pub(crate) fn view(case: &Case, clock: &Clock, ctx: &Ctx<'_>) -> Result<DeadlineView, Rejection> {
    let m = ctx.policy.milestone(&clock.milestone);
    let (remaining, paused) = match &clock.state {
        ClockState::Paused {
            remaining_seconds, ..
        } => (*remaining_seconds, true),
        _ => (
            measure(ctx, clock.target.unit(), ctx.now, clock.deadline.at)?,
            false,
        ),
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
        deadline: clock.deadline.clone(),
        elapsed_seconds: clock.total_seconds.saturating_sub(remaining),
        remaining_seconds: remaining,
        paused,
        breached: clock.breached,
        rule,
    })
}
