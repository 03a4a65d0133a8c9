//! Clocks that start again after they stop: a report owed every period
//! until the case ends (schema 2, ruling 49 in docs/rulings.md).
//!
//! S19 「让顾客了解处理投诉的进度」 asks for the guest to be told how the case
//! stands again and again, not once. A milestone with `repeat` starts again
//! from the instant its clock stops on a `stop` event, with the limit its
//! level and category give, until one of `repeat.until` stops it or the
//! case is closed:
//!
//! ```toml
//! [[milestones]]
//! id = "progress_report"
//! name_zh = "让顾客了解处理投诉的进度"
//! start = ["replied", "agreed_deadline_set"]
//! stop = ["customer_contacted", "callback_recorded", "withdrawn", "closed"]
//! repeat = { until = ["callback_recorded"] }
//! target = "24 hours"  # assumed: the regulation gives no interval
//! ```
//!
//! - A stop by an event not in `until`, on a case that stays open, ends
//!   the period (met, or late and breached now as any clock stopping late)
//!   and starts the next one at once, counted from that stop.
//! - A period that runs out breaches, charged to the clock's owner (or its
//!   fallback owners) as any breach, and the next period starts from the
//!   deadline it missed: one breach per period without a report, however
//!   seldom `tick` runs (a tick, or a command, records every period that ran
//!   out before it, at most [`MAX_PERIODS`] at a time).
//! - A stop by an event in `until`, a closure, or the end of the round
//!   (a reopening) ends the repetition.
//!
//! Each period is a `clock_started` event carrying its number (`period`,
//! from 2), which replaces the clock of the same milestone and round, so
//! replaying the events gives the same clocks: the restart follows from
//! the recorded stop or the recorded deadline, never from when the tick ran.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::Report;
use crate::invariants::{Finding, Severity};
use crate::milestone::{ClockEvent, Milestone};
use crate::policy::Policy;

/// The most periods one tick or one command records for one clock: a case
/// left a long time without ticks catches up over several ticks (each due
/// at once), so a typo'd one-second period cannot make a tick endless.
pub const MAX_PERIODS: u32 = 1_000;

/// How a milestone's clock repeats (`repeat = { until = [...] }`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Repeat {
    /// `stop` events that end the repetition (the case resolved: `callback_recorded`,
    /// `verification_done`...). Each must also be in `stop`. Closing the
    /// case always ends it; empty (the default): only closing does.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub until: Vec<ClockEvent>,
}

impl Milestone {
    /// Whether this clock, stopped by `events` on a case that stays open,
    /// starts its next period: it repeats, and none of `events` that stop
    /// it ends the repetition.
    #[must_use]
    pub fn restarts_after(&self, events: &[ClockEvent]) -> bool {
        self.repeat.as_ref().is_some_and(|r| {
            !events
                .iter()
                .any(|e| self.stop.contains(e) && r.until.contains(e))
        })
    }
}

/// Events that close the case: a stop by one of them never restarts.
const CLOSING: &[ClockEvent] = &[
    ClockEvent::Closed,
    ClockEvent::Withdrawn,
    ClockEvent::NotAccepted,
];

/// Validation: the option belongs to schema 2, each `until` event is a
/// `stop` event listed once, and a reminder does not repeat.
pub(crate) fn check(p: &Policy, r: &mut Report) {
    for (i, m) in p.milestones.iter().enumerate() {
        let Some(repeat) = &m.repeat else {
            continue;
        };
        let path = format!("milestones[{i}].repeat");
        if p.schema_version < 2 {
            r.error(
                path.clone(),
                "is an option of schema_version 2; write schema_version = 2",
            );
        }
        if m.reminder {
            r.error(
                path.clone(),
                "cannot be set on a reminder: a repeating clock breaches each period that runs out, a reminder never breaches; drop one",
            );
        }
        for (j, e) in repeat.until.iter().enumerate() {
            let at = format!("{path}.until[{j}]");
            if repeat.until.iter().take(j).any(|x| x == e) {
                r.error(at, format!("`{e}` is listed twice; list each event once"));
            } else if !m.stop.contains(e) {
                r.error(
                    at,
                    format!(
                        "`{e}` is not in this milestone's `stop`: the repetition ends on an event that stops the clock; add it to `stop`"
                    ),
                );
            }
        }
    }
}

/// Invariants (`check_invariants`): some event a role can make starts the
/// next period, and something a role can make ends the repetition.
pub(crate) fn invariants(p: &Policy) -> Vec<Finding> {
    let can = |e: ClockEvent| crate::invariants::caused_by_someone(p, e);
    let mut out = Vec::new();
    for (i, m) in p.milestones.iter().enumerate() {
        let Some(repeat) = &m.repeat else {
            continue;
        };
        let path = format!("milestones[{i}].repeat");
        let restarts = m
            .stop
            .iter()
            .any(|&e| !repeat.until.contains(&e) && !CLOSING.contains(&e) && can(e));
        if !restarts {
            out.push(Finding {
                severity: Severity::Error,
                invariant: "repeat_restarts",
                path: format!("milestones[{i}].stop"),
                message: format!(
                    "no event a role can make stops {} without ending it: every stop is in `repeat.until` or closes the case, so the report it waits for never starts the next period; add the report's event to `stop` (`customer_contacted`, `report_submitted`)",
                    m.id
                ),
            });
        }
        let ends = m
            .stop
            .iter()
            .any(|&e| (repeat.until.contains(&e) || CLOSING.contains(&e)) && can(e));
        if !ends {
            out.push(Finding {
                severity: Severity::Error,
                invariant: "repeat_ends",
                path,
                message: format!(
                    "nothing a role can do ends {}: no event of `repeat.until` can be made and `stop` lists no closing event, so a period starts after every stop and the clock runs on after the case closes; add `closed` to `stop`",
                    m.id
                ),
            });
        }
    }
    out
}
