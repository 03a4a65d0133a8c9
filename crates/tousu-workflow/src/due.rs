//! When time alone will next do something to a case: the instant a store's
//! due index keeps, so that ticking touches only the cases with something due.
//!
//! [`next_due`] answers with the same arithmetic [`tick`](crate::tick) uses
//! (the clocks' own `measure_nanos`), so the two cannot disagree: at every instant
//! from the case's last event up to the answer, `tick` yields nothing; at the
//! answer it yields something (a property test in `tests/due.rs` holds them
//! to that).

use chrono::{DateTime, TimeDelta, Utc};
use tousu_policy::{DurationUnit, MilestoneId};

use crate::case::{Case, Clock};
use crate::clocks::{NANOS, measure_nanos, working_measure};
use crate::event::EventKind;
use crate::{Ctx, Rejection};

/// The earliest instant, at or after the case's last event, at which
/// [`tick`](crate::tick) yields events: an approved extension reaching its
/// end, a running clock's next warning threshold, or its deadline (the
/// breach). `None` when time alone will never change the case (it is
/// closed, or nothing runs). `ctx.now` is not read.
///
/// ```
/// use chrono::{TimeDelta, TimeZone, Utc};
/// use tousu_model::*;
/// use tousu_policy::Policy;
/// use tousu_workflow::*;
///
/// let rt = PolicyRuntime::new(Policy::default_policy()?)?;
/// let cs = DepartmentId::new("cs")?;
/// let roster = Roster::new(
///     DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)])?,
///     vec![Staff::new(StaffId::new("e1")?, "李客服", cs).with_role(RoleId::new("complaint_manager")?)],
/// )?;
/// let at = Utc.with_ymd_and_hms(2025, 10, 9, 1, 0, 0).single().ok_or("time")?;
/// let complaint = Complaint::builder(at, Channel::Phone, "热水器漏水").build()?;
/// let cmd = Command::new(
///     CommandId::new("c1")?, StaffId::new("e1")?, at, 0,
///     CommandKind::Register { case_id: CaseId::new("K1")?, number: None, complaint: Box::new(complaint), repeat_count: 0 },
/// );
/// let case = Case::replay(&rt.policy, &register(&cmd, &rt.ctx(&roster, at))?)?;
/// let due = next_due(&case, &rt.ctx(&roster, at))?.ok_or("a registered case has running clocks")?;
/// assert!(tick(&case, &rt.ctx(&roster, due - TimeDelta::nanoseconds(1)))?.is_empty());
/// assert!(!tick(&case, &rt.ctx(&roster, due))?.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn next_due(case: &Case, ctx: &Ctx<'_>) -> Result<Option<DateTime<Utc>>, Rejection> {
    next_due_of(&DueState::of(case), ctx)
}

/// What [`next_due`] reads of a case: [`tick`](crate::tick) gives it for
/// the case its events leave without building that case.
pub(crate) struct DueState<'a> {
    /// Whether the case is open.
    pub(crate) open: bool,
    /// Its last event's instant.
    pub(crate) from: DateTime<Utc>,
    /// When its approved extension ends, if one does.
    pub(crate) extension_until: Option<DateTime<Utc>>,
    /// The current round.
    pub(crate) round: u32,
    /// Every clock of every round.
    pub(crate) clocks: &'a [Clock],
    /// Warnings and breaches applied on top of `clocks` (and escalations,
    /// which change nothing read here), so that what a tick leaves is read
    /// without copying the clocks to apply them.
    pub(crate) marks: &'a [EventKind],
    /// Whether any of `marks` is a warning: most ticks' marks are not, and
    /// [`DueState::warned`], asked for every threshold, then reads only
    /// the clock (about 180 instructions per ticked case otherwise).
    pub(crate) marks_warn: bool,
}

impl<'a> DueState<'a> {
    /// What `case` stands at.
    pub(crate) fn of(case: &'a Case) -> Self {
        DueState {
            open: case.status.is_open(),
            from: case.updated_at,
            extension_until: approved_until(case),
            round: case.round,
            clocks: &case.clocks,
            marks: &[],
            marks_warn: false,
        }
    }

    /// What `case` stands at after `kinds`, stamped at `at`, when they only
    /// mark its clocks warned or breached or record escalations (no status,
    /// round, clock or extension changes: what a tick before an extension's
    /// end yields unless an escalation reclassifies); `None` otherwise.
    pub(crate) fn marked(
        case: &'a Case,
        kinds: &'a [EventKind],
        at: DateTime<Utc>,
    ) -> Option<Self> {
        kinds
            .iter()
            .all(|k| {
                matches!(
                    k,
                    EventKind::MilestoneWarning { .. }
                        | EventKind::MilestoneBreached { .. }
                        | EventKind::Escalated { .. }
                )
            })
            .then(|| DueState {
                from: at,
                marks: kinds,
                marks_warn: kinds
                    .iter()
                    .any(|k| matches!(k, EventKind::MilestoneWarning { .. })),
                ..DueState::of(case)
            })
    }

    /// Whether a mark names `clock`: its milestone and round, and it is the
    /// first such clock (the one the fold changes).
    fn marks_clock(&self, clock: &Clock, milestone: &MilestoneId, round: u32) -> bool {
        round == clock.round
            && *milestone == clock.milestone
            && self
                .clocks
                .iter()
                .find(|c| c.round == round && c.milestone == *milestone)
                .is_some_and(|first| std::ptr::eq(first, clock))
    }

    /// Whether `clock` has warned at `percent`.
    fn warned(&self, clock: &Clock, percent: u8) -> bool {
        clock.warned.contains(&percent)
            || self.marks_warn
                && self.marks.iter().any(|k| match k {
                    EventKind::MilestoneWarning {
                        milestone,
                        round,
                        percent: p,
                    } => *p == percent && self.marks_clock(clock, milestone, *round),
                    _ => false,
                })
    }

    /// Whether `clock` has breached.
    fn breached(&self, clock: &Clock) -> bool {
        clock.breached
            || self.marks.iter().any(|k| match k {
                EventKind::MilestoneBreached {
                    milestone, round, ..
                } => self.marks_clock(clock, milestone, *round),
                _ => false,
            })
    }
}

/// When the case's approved extension ends, if it has one with an end.
pub(crate) fn approved_until(case: &Case) -> Option<DateTime<Utc>> {
    case.extension
        .as_ref()
        .filter(|x| x.approved)
        .and_then(|x| x.until)
}

/// [`next_due`] of what a case stands at.
pub(crate) fn next_due_of(
    case: &DueState<'_>,
    ctx: &Ctx<'_>,
) -> Result<Option<DateTime<Utc>>, Rejection> {
    if !case.open {
        return Ok(None);
    }
    let from = case.from;
    let mut best = case.extension_until;
    for clock in case
        .clocks
        .iter()
        // A reminder that has reminded (its 100 % warning) is due no more.
        .filter(|c| {
            c.round == case.round && c.is_running() && !case.breached(c) && !case.warned(c, 100)
        })
    {
        // A clock without a deadline is never due by itself.
        let Some(mut candidate) = clock.deadline_at() else {
            continue;
        };
        if let Some(warning) = next_warning(case, clock, ctx)? {
            candidate = candidate.min(warning);
        }
        best = Some(best.map_or(candidate, |b| b.min(candidate)));
    }
    Ok(best.map(|at| at.max(from)))
}

/// The earliest instant in `[from, deadline)` at which one of the clock's
/// thresholds not yet warned is reached, as `clocks::due` decides it:
/// `elapsed * 100 >= percent * total`, with `elapsed = total - remaining`,
/// both in nanoseconds.
fn next_warning(
    case: &DueState<'_>,
    clock: &Clock,
    ctx: &Ctx<'_>,
) -> Result<Option<DateTime<Utc>>, Rejection> {
    let from = case.from;
    let Some(m) = ctx.policy.milestone(&clock.milestone) else {
        return Ok(None);
    };
    let Some(deadline) = clock.deadline_at() else {
        return Ok(None);
    };
    if clock.total_seconds <= 0 || deadline <= from {
        return Ok(None);
    }
    // The lowest threshold not yet warned leaves the most time remaining.
    let Some(lowest) = m
        .warn_at_percent
        .iter()
        .filter(|&&p| !case.warned(clock, p))
        .min()
    else {
        return Ok(None);
    };
    let Some((most_remaining, threshold)) = threshold(clock.total_seconds, *lowest) else {
        return Ok(None); // only at the deadline, which is the breach
    };
    let unit = clock.target.unit();
    if !working_measure(unit)
        && let Some(at) = threshold.and_then(|t| deadline.checked_sub_signed(t))
    {
        // Plain time: `measure_nanos(t, deadline)` is `deadline - t`, so the
        // threshold holds from `deadline - threshold` on, exactly (and at
        // `from` already when that is earlier).
        return Ok(Some(at.max(from)));
    }
    let reached = |t: DateTime<Utc>| -> Result<bool, Rejection> {
        Ok(measure_nanos(ctx, unit, t, deadline)? <= most_remaining)
    };
    if reached(from)? {
        return Ok(Some(from));
    }
    let Some(threshold) = threshold else {
        return Ok(None);
    };
    earliest_reached(deadline, unit, from, threshold, ctx, reached)
}

/// The largest remaining time at which `percent` of a clock of
/// `total_seconds` has elapsed, in nanoseconds and as a time delta: what
/// `clocks::due` compares, `(total * (100 - percent)).div_euclid(100)` with
/// `total` in nanoseconds. A nanosecond being 10^-9 s, that is exactly
/// `total_seconds * (100 - percent) * 10^7`: no division (an `i128`
/// division cost about 60 instructions, two per due case). `None` when it
/// is negative (a threshold above 100 %, reached only at the deadline); the
/// delta is `None` when it is beyond a time delta's range.
fn threshold(total_seconds: i64, percent: u8) -> Option<(i128, Option<TimeDelta>)> {
    const NANOS_PER_PERCENT: i64 = 10_000_000;
    let centi = i128::from(total_seconds) * (100 - i128::from(percent));
    if centi < 0 {
        return None;
    }
    let nanos = centi * i128::from(NANOS_PER_PERCENT);
    // Seconds and the rest, in `i64` where it fits (a division by a
    // constant, which compiles to a multiplication).
    let delta = match i64::try_from(centi) {
        Ok(c) => TimeDelta::new(
            c / 100,
            u32::try_from(c % 100 * NANOS_PER_PERCENT).unwrap_or(u32::MAX),
        ),
        Err(_) => delta(nanos),
    };
    Some((nanos, delta))
}

/// `nanos` as a time delta, if it is one.
fn delta(nanos: i128) -> Option<TimeDelta> {
    let secs = i64::try_from(nanos.div_euclid(NANOS)).ok()?;
    let subsec = u32::try_from(nanos.rem_euclid(NANOS)).ok()?;
    TimeDelta::new(secs, subsec)
}

/// The earliest instant after `lo` (where the threshold does not hold yet)
/// at which it holds: remaining time falls to `threshold` once exactly the
/// excess over that of the clock's own time (working time for working
/// units) has passed since `lo`. For working time the answer is checked
/// against `measure_nanos`, the function `tick` uses; should the two ever
/// disagree, a bisection over nanoseconds settles it.
fn earliest_reached(
    deadline: DateTime<Utc>,
    unit: DurationUnit,
    lo: DateTime<Utc>,
    threshold: TimeDelta,
    ctx: &Ctx<'_>,
    reached: impl Fn(DateTime<Utc>) -> Result<bool, Rejection>,
) -> Result<Option<DateTime<Utc>>, Rejection> {
    if !working_measure(unit) {
        // Plain time whose `deadline - threshold` is out of range.
        return bisect(lo, deadline, reached);
    }
    let one = TimeDelta::nanoseconds(1);
    let remaining = ctx.calendar.working_time_between(lo, deadline)?;
    let direct = ctx
        .calendar
        .add_working_time(lo, remaining - threshold)
        .ok();
    if let Some(at) = direct.filter(|at| *at > lo && *at <= deadline)
        && reached(at)?
        && !reached(at - one)?
    {
        return Ok(Some(at));
    }
    bisect(lo, deadline, reached)
}

/// The earliest instant in `(lo, hi]` at which `reached` holds, given it
/// does not at `lo`, holds at `hi` when at all, and never stops holding.
fn bisect(
    mut lo: DateTime<Utc>,
    mut hi: DateTime<Utc>,
    reached: impl Fn(DateTime<Utc>) -> Result<bool, Rejection>,
) -> Result<Option<DateTime<Utc>>, Rejection> {
    if !reached(hi)? {
        return Ok(None);
    }
    while let Some(gap) = (hi - lo).num_nanoseconds().filter(|g| *g > 1) {
        let mid = lo + TimeDelta::nanoseconds(gap / 2);
        if reached(mid)? {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Ok(Some(hi))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// The threshold without a division is the one `clocks::due`
        /// compares against (and the delta the one `delta` gave), for any
        /// clock length and percentage, the extremes included.
        #[test]
        fn threshold_is_the_divided_one(
            total_seconds in prop_oneof![1i64..10_000_000, 1i64..=i64::MAX],
            percent in prop_oneof![0u8..=100, any::<u8>()],
        ) {
            let total = i128::from(total_seconds) * NANOS;
            let divided = (total * (100 - i128::from(percent))).div_euclid(100);
            match threshold(total_seconds, percent) {
                None => prop_assert!(divided < 0),
                Some((nanos, delta_of)) => {
                    prop_assert_eq!(nanos, divided);
                    prop_assert_eq!(delta_of, delta(divided));
                }
            }
        }
    }
}
