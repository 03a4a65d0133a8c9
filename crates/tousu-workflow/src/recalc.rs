//! Recalculation: counting clocks' deadlines again when better calendar data
//! arrives (next year's holiday notice), as events that keep the history.
//!
//! ServiceNow's "SLA repair" recomputes and rewrites; a complaint record may
//! not be rewritten, so tousu records what changed. The rulings
//! (docs/rulings.md, "Recalculation"):
//!
//! 1. Only deadlines that were provisional (counted through a year without a
//!    notice) and that depend on the calendar's days are counted again; an
//!    exact deadline, an agreed instant or a clock-time limit never moves.
//! 2. A running clock's deadline is counted again from what it was counted
//!    from ([`DeadlineBasis`]): the whole target from the start (or retarget),
//!    or the remaining time from the resume. The new deadline is recorded
//!    with [`EventKind::DeadlineRecalculated`].
//! 3. A deadline that moves earlier never produces a breach dated before the
//!    recalculation: the recalculation itself records no breach, and the next
//!    tick (at or after it) records one if the new deadline has passed.
//! 4. A breach recorded against a provisional deadline that the exact data
//!    shows was met — the clock stopped, or is still running, before the new
//!    deadline — is withdrawn ([`EventKind::BreachWithdrawn`]); penalty facts
//!    no longer count it. An escalation it caused stays in the record.
//! 5. A clock that stopped on time stays met even if the exact deadline is
//!    earlier: nobody is fined retroactively for the calendar's correction.
//! 6. A paused clock keeps its remaining time; when it resumes, the new
//!    calendar counts it.
//!
//! A running clock that started without a deadline (the calendar could not
//! count it) is counted like a provisional one, from its basis, and gets its
//! deadline with [`EventKind::DeadlineRecalculated`] (`previous: None`).
//!
//! Replay stays exact: the events carry the new deadlines.

use std::sync::Arc;

use crate::case::{Case, ClockState};
use crate::clocks::{count_basis, depends_on_calendar, or_uncountable, whole_target};
use crate::event::stamp;
use crate::event::{Event, EventKind};
use crate::{Ctx, Rejection};

/// Counts the provisional deadlines of `case` again under `ctx.calendar`
/// (which has the better data) at `ctx.now`, and withdraws the breaches the
/// exact deadlines show were not breaches. No actor: like [`tick`](crate::tick),
/// it follows from data, not from anyone's decision. Closed cases are
/// recalculated too, for their breaches; a case whose deadlines did not move
/// gets no events.
///
/// The engine runs it over every case with `Engine::recalculate_all` after
/// `Engine::add_calendar_data`.
///
///
/// # Errors
///
/// A [`Rejection::Calendar`] only for a calendar error other than a year
/// it cannot count: a clock the new data still does not cover keeps what it
/// has (no deadline, or its provisional one) and gets no event.
pub fn recalculate(case: &Case, ctx: &Ctx<'_>) -> Result<Vec<Event>, Rejection> {
    // Time never runs backwards: the events are dated no earlier than the
    // case's last one.
    let now = ctx.now.max(case.updated_at);
    let mut kinds = Vec::new();
    for clock in &case.clocks {
        // A running clock without a deadline is counted now if the calendar can.
        let missing = clock.deadline.is_none() && clock.is_running();
        let provisional = clock.deadline.as_ref().is_some_and(|d| d.provisional);
        if !(missing || provisional) || !depends_on_calendar(clock.target.unit()) {
            continue;
        }
        let Some(basis) = &clock.basis else {
            continue;
        };
        if matches!(clock.state, ClockState::Paused { .. }) {
            continue;
        }
        // Still beyond the data: it keeps what it has (no deadline, or its
        // provisional one).
        let Ok(deadline) = or_uncountable(count_basis(ctx, clock.target.unit(), basis))? else {
            continue;
        };
        if clock.deadline.as_deref() == Some(&deadline) {
            continue;
        }
        let deadline = Arc::new(deadline);
        let (milestone, round) = (clock.milestone.clone(), clock.round);
        match clock.state {
            ClockState::Running => {
                if clock.breached && now < deadline.at {
                    kinds.push(EventKind::BreachWithdrawn {
                        milestone,
                        round,
                        deadline,
                    });
                } else {
                    // A clock that had no deadline gets the base of its warnings too.
                    let total_seconds = match (&clock.deadline, clock.total_seconds) {
                        (None, 0) => {
                            or_uncountable(whole_target(ctx, clock.target.unit(), basis))?.ok()
                        }
                        _ => None,
                    };
                    kinds.push(EventKind::DeadlineRecalculated {
                        milestone,
                        round,
                        previous: clock.deadline_at(),
                        deadline,
                        total_seconds,
                    });
                }
            }
            ClockState::Stopped { at, met, .. } => {
                if !met && clock.breached && at < deadline.at {
                    kinds.push(EventKind::BreachWithdrawn {
                        milestone,
                        round,
                        deadline,
                    });
                }
            }
            ClockState::Paused { .. } => {}
        }
    }
    Ok(stamp(&case.id, case.version, now, None, None, kinds))
}

/// The breach events of one case's history that stand: every
/// [`EventKind::MilestoneBreached`] not withdrawn by a later
/// [`EventKind::BreachWithdrawn`] of the same clock (milestone and round).
/// Penalty facts count only these. A clock withdrawn and breached again
/// counts its new breach.
pub fn standing_breaches(events: &[Event]) -> Vec<&Event> {
    let mut standing: Vec<&Event> = Vec::new();
    for e in events {
        match &e.kind {
            EventKind::MilestoneBreached { .. } => standing.push(e),
            EventKind::BreachWithdrawn {
                milestone, round, ..
            } => {
                let same = |b: &&Event| {
                    matches!(&b.kind, EventKind::MilestoneBreached { milestone: m, round: r, .. }
                        if m == milestone && r == round)
                };
                if let Some(i) = standing.iter().rposition(same) {
                    standing.remove(i);
                }
            }
            _ => {}
        }
    }
    standing
}
