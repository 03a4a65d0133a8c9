//! What time alone causes ([`tick`]) and the open clocks' deadlines
//! ([`deadlines`]), both measured at [`Ctx::now`].

use std::cell::Cell;

use chrono::{DateTime, Utc};
use tousu_policy::ClockEvent;

use crate::case::Case;
use crate::clocks::{self, ClockCase, DeadlineView};
use crate::due::{DueState, approved_until, next_due_of};
use crate::event::{Event, EventKind, stamp_into};
use crate::{Ctx, Rejection};

/// The events time alone causes at `ctx.now`: an approved extension reaching
/// its `until`, warnings at the milestones' thresholds, breaches (once per
/// milestone per round) and the escalations breaches trigger.
pub fn tick(case: &Case, ctx: &Ctx<'_>) -> Result<Vec<Event>, Rejection> {
    let mut events = Vec::new();
    ticked(case, ctx, false, &mut events)?;
    Ok(events)
}

/// What [`tick_with_next_due`] gives.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct TickWithDue {
    /// What [`tick`] gives.
    pub events: Vec<Event>,
    /// Whether the case those events leave is open.
    pub open: bool,
    /// When anything is next due on the case those events leave: what
    /// [`next_due`](crate::next_due) answers for it (computed only by
    /// [`tick_with_next_due`], and only when there are events).
    pub next_due: Option<DateTime<Utc>>,
}

/// [`tick`], and when anything is next due after its events, computed on a
/// view of the case they leave rather than on a copy of the case (when the
/// events only mark clocks warned or breached, the clocks are read with
/// those marks on top, not copied): what a store's due index needs, for
/// the price of the tick.
pub fn tick_with_next_due(case: &Case, ctx: &Ctx<'_>) -> Result<TickWithDue, Rejection> {
    let mut events = Vec::new();
    let after = ticked(case, ctx, true, &mut events)?;
    Ok(TickWithDue {
        events,
        open: after.open,
        next_due: after.next_due,
    })
}

/// What [`tick_with_next_due_into`] gives beside the events it appends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct AfterTick {
    /// Whether the case the tick's events leave is open.
    pub open: bool,
    /// When anything is next due on that case (only when there are events),
    /// as in [`TickWithDue::next_due`].
    pub next_due: Option<DateTime<Utc>>,
}

/// [`tick_with_next_due`], its events appended to `out` (left as it was
/// on a rejection): a store that ticks many cases keeps one vector of
/// their events rather than one allocation per case
/// (docs/performance-history.md, "Eighth pass: the tick").
pub fn tick_with_next_due_into(
    case: &Case,
    ctx: &Ctx<'_>,
    out: &mut Vec<Event>,
) -> Result<AfterTick, Rejection> {
    ticked(case, ctx, true, out)
}

/// [`tick`], its events appended to `out`; with `next`, the next due
/// instant too. Nothing is appended before the last fallible step.
fn ticked(
    case: &Case,
    ctx: &Ctx<'_>,
    next: bool,
    out: &mut Vec<Event>,
) -> Result<AfterTick, Rejection> {
    // Time never runs backwards: a tick before the last event has nothing
    // to add (what was due then was due when the event was decided).
    if !case.status.is_open() || ctx.now < case.updated_at {
        return Ok(AfterTick {
            open: case.status.is_open(),
            next_due: None,
        });
    }
    let now = ctx.now;
    let Some(until) = approved_until(case).filter(|until| *until <= now) else {
        return with_kinds(|due| {
            clocks::due(due, &ClockCase::of(case), now, ctx)?;
            let (open, next_due) = if next && !due.is_empty() {
                // Most ticks only mark clocks warned or breached: read those
                // marks over the case's clocks rather than copying the clocks.
                if let Some(state) = DueState::marked(case, due, now) {
                    (state.open, next_due_of(&state, ctx)?)
                } else {
                    let after = ClockCase::of(case).after(due.iter(), now);
                    let state = after.due_state(now, approved_until(case));
                    (state.open, next_due_of(&state, ctx)?)
                }
            } else {
                (case.status.is_open(), None)
            };
            stamp_into(out, &case.id, case.version, now, None, None, due.drain(..));
            Ok(AfterTick { open, next_due })
        });
    };
    // Resume from `until` (never before the last event), so no time is lost.
    let at = until.max(case.updated_at);
    let mut kinds = vec![EventKind::ExtensionEnded];
    let clock_events = clocks::effects(
        &ClockCase::of(case).after(&kinds, at),
        &[ClockEvent::ExtensionEnded],
        at,
        ctx,
    )?;
    kinds.extend(clock_events);
    // What is due at `now` on the case those events leave.
    let mut due = Vec::new();
    clocks::due(&mut due, &ClockCase::of(case).after(&kinds, at), now, ctx)?;
    let (open, next_due) = if next {
        // The extension has ended: none is left.
        let after = ClockCase::of(case).after(&kinds, at).after(&due, now);
        let last = if due.is_empty() { at } else { now };
        let state = after.due_state(last, None);
        (state.open, next_due_of(&state, ctx)?)
    } else {
        (case.status.is_open(), None)
    };
    let ended = u64::try_from(kinds.len()).unwrap_or(u64::MAX);
    stamp_into(out, &case.id, case.version, at, None, None, kinds);
    stamp_into(
        out,
        &case.id,
        case.version.saturating_add(ended),
        now,
        None,
        None,
        due,
    );
    Ok(AfterTick { open, next_due })
}

thread_local! {
    /// The kinds a tick decides, before they are stamped into events: kept
    /// by the thread between ticks, so that a tick of many cases allocates
    /// and frees no vector per case (about 230 instructions a case,
    /// docs/performance-history.md "Ninth pass: the tick"). Only its capacity
    /// outlives a tick: [`with_kinds`] hands it over empty.
    static KINDS: Cell<Vec<EventKind>> = const { Cell::new(Vec::new()) };
}

/// Calls `f` with this thread's empty vector of kinds ([`KINDS`]), and
/// keeps the vector (emptied) for the next tick unless it grew unusually
/// large.
fn with_kinds<T>(f: impl FnOnce(&mut Vec<EventKind>) -> T) -> T {
    /// Kinds a tick of one case rarely exceeds; a larger vector is freed.
    const KEPT: usize = 16;
    let mut kinds = KINDS.take();
    kinds.clear();
    let out = f(&mut kinds);
    if kinds.capacity() <= KEPT {
        kinds.clear();
        KINDS.set(kinds);
    }
    out
}

/// Every open clock of the current round with its deadline, elapsed and
/// remaining time at `ctx.now`, whether paused, and the rule and calendar
/// data behind it.
pub fn deadlines(case: &Case, ctx: &Ctx<'_>) -> Result<Vec<DeadlineView>, Rejection> {
    case.open_clocks()
        .map(|c| clocks::view(case, c, ctx))
        .collect()
}
