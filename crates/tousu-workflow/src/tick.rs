//! What time alone causes ([`tick`]) and the open clocks' deadlines
//! ([`deadlines`]), both measured at [`Ctx::now`].

use tousu_policy::ClockEvent;

use crate::case::Case;
use crate::clocks::{self, ClockCase, DeadlineView};
use crate::event::{Event, EventKind, stamp};
use crate::{Ctx, Rejection};

/// The events time alone causes at `ctx.now`: an approved extension reaching
/// its `until`, warnings at the milestones' thresholds, breaches (once per
/// milestone per round) and the escalations breaches trigger.
pub fn tick(case: &Case, ctx: &Ctx<'_>) -> Result<Vec<Event>, Rejection> {
    // Time never runs backwards: a tick before the last event has nothing
    // to add (what was due then was due when the event was decided).
    if !case.status.is_open() || ctx.now < case.updated_at {
        return Ok(Vec::new());
    }
    let now = ctx.now;
    let Some(until) = case
        .extension
        .as_ref()
        .filter(|x| x.approved)
        .and_then(|x| x.until)
        .filter(|until| *until <= now)
    else {
        let due = clocks::due(&ClockCase::of(case), now, ctx)?;
        return Ok(stamp(&case.id, case.version, now, None, None, due));
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
    let due = clocks::due(&ClockCase::of(case).after(&kinds, at), now, ctx)?;
    let ended = u64::try_from(kinds.len()).unwrap_or(u64::MAX);
    let mut events = stamp(&case.id, case.version, at, None, None, kinds);
    events.extend(stamp(
        &case.id,
        case.version.saturating_add(ended),
        now,
        None,
        None,
        due,
    ));
    Ok(events)
}

/// Every open clock of the current round with its deadline, elapsed and
/// remaining time at `ctx.now`, whether paused, and the rule and calendar
/// data behind it.
pub fn deadlines(case: &Case, ctx: &Ctx<'_>) -> Result<Vec<DeadlineView>, Rejection> {
    case.open_clocks()
        .map(|c| clocks::view(case, c, ctx))
        .collect()
}
