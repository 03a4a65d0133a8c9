//! What closing a case (结案, the `close` command) waits for (schema 2,
//! rulings 91 and 92 in docs/rulings.md).
//!
//! ```toml
//! # S10 8「客户中心协调处理完毕,须于2小时内反馈首问责任人」: the centre does not close
//! # before it has fed back to the first asker (ruling 91).
//! [closure]
//! awaits = ["first_asker_feedback"]
//!
//! # S14 第十六条「并尽快回复客户处理结果」: the 细则 has no 回访; the reply ends the
//! # handling (ruling 92).
//! [closure]
//! callback = "none"
//! ```
//!
//! `awaits` names milestones whose clocks must have stopped by their own
//! stop events before the case is closed: while one is open (running or
//! paused), `close` is refused naming the clock and the entry. A clock that
//! never started (its start event never happened, or it does not apply to
//! the case) is not waited for. The closure itself, an abnormal closure, a
//! withdrawal and a closure because the customer cannot be reached still
//! stop such a clock as before: they are not the `close` command.
//!
//! `callback` says what closing a replied case needs of the callback (回访):
//! a satisfied one (`"satisfied"`, the default, as before), or none
//! (`"none"`, where the source has no callback: the case closes on the
//! reply, as closure kind `on_reply`). A callback recorded all the same
//! must then be satisfied, as before.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::Report;
use crate::ids::MilestoneId;
use crate::invariants::{Finding, Severity};
use crate::milestone::{ClockEvent, Milestone};
use crate::policy::Policy;
use crate::record_sign_off::SignedRecord;

/// What closing a replied case needs of the callback.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClosureCallback {
    /// A satisfied callback (回访) is recorded first (the default).
    #[default]
    Satisfied,
    /// None is owed: the source has no callback, and the case closes on
    /// the reply (ruling 92). A callback recorded all the same must be
    /// satisfied.
    None,
}

impl ClosureCallback {
    /// Whether this is the default (`satisfied`).
    #[must_use]
    pub fn is_default(&self) -> bool {
        *self == ClosureCallback::Satisfied
    }
}

/// What closing a case (the `close` command) waits for (`[closure]`,
/// schema 2).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Closure {
    /// Milestones whose clocks, once started, must have stopped by their
    /// own stop events before the case is closed (ruling 91): S10's
    /// feedback to the first asker. Empty: closing waits for no clock.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub awaits: Vec<MilestoneId>,
    /// What closing needs of the callback: `"satisfied"` (the default) or
    /// `"none"` where the source has no callback (ruling 92).
    #[serde(default, skip_serializing_if = "ClosureCallback::is_default")]
    pub callback: ClosureCallback,
    /// A note for people (the clause).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Closure {
    /// Whether nothing is said: closing waits for no clock and needs a
    /// satisfied callback, as before the section existed.
    #[must_use]
    pub fn is_default(&self) -> bool {
        self.awaits.is_empty() && self.callback.is_default()
    }
}

/// The events that end a case: a milestone stopped only by them can never
/// stop before the closure that waits for it.
const ENDS_CASE: &[ClockEvent] = &[
    ClockEvent::Closed,
    ClockEvent::Withdrawn,
    ClockEvent::NotAccepted,
];

impl Milestone {
    /// Its stop events other than those that end the case (`closed`,
    /// `withdrawn`, `not_accepted`): what a closure that awaits its clock
    /// waits for (ruling 91).
    pub fn own_stop_events(&self) -> impl Iterator<Item = ClockEvent> + '_ {
        self.stop.iter().copied().filter(|e| !ENDS_CASE.contains(e))
    }
}

/// Validation: the section belongs to schema 2; each awaited milestone
/// exists, is named once, and stops on something other than the case's end.
pub(crate) fn check(p: &Policy, r: &mut Report) {
    let c = &p.closure;
    if c.is_default() {
        return;
    }
    if p.schema_version < 2 {
        r.error(
            "closure",
            "is a table of schema_version 2; write schema_version = 2",
        );
    }
    for (i, id) in c.awaits.iter().enumerate() {
        let path = format!("closure.awaits[{i}]");
        if c.awaits.iter().take(i).any(|x| x == id) {
            r.error(path.clone(), format!("{id} is listed twice; list it once"));
        }
        let Some(m) = p.milestones.iter().find(|m| &m.id == id) else {
            r.error(
                path,
                format!(
                    "{:?} is not a milestone; milestones are {}",
                    id.as_str(),
                    p.milestones
                        .iter()
                        .map(|m| m.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
            continue;
        };
        if m.own_stop_events().next().is_none() && m.stop_on_validity.is_empty() {
            r.error(
                path,
                format!(
                    "{id} stops only when the case ends ({}): the closure would wait for it forever; give it a stop event of its own (e.g. report_submitted)",
                    m.stop.iter().map(|e| e.id()).collect::<Vec<_>>().join(", ")
                ),
            );
        }
    }
}

/// Invariants (`closure_can_happen`): an awaited clock some role can stop
/// by its own stop events, and no callback owed by a sign-off chain when
/// closing needs none.
pub(crate) fn invariants(p: &Policy) -> Vec<Finding> {
    let c = &p.closure;
    let mut out = Vec::new();
    for (i, id) in c.awaits.iter().enumerate() {
        let Some(m) = p.milestones.iter().find(|m| &m.id == id) else {
            continue;
        };
        if !m
            .own_stop_events()
            .any(|e| crate::invariants::caused_by_someone(p, e))
            && m.stop_on_validity.is_empty()
        {
            out.push(Finding {
                severity: Severity::Error,
                invariant: "closure_can_happen",
                path: format!("closure.awaits[{i}]"),
                message: format!(
                    "no role may cause any of [{}], the stop events of {id} before the case ends: a case whose clock started can never be closed, only closed abnormally or withdrawn",
                    m.own_stop_events()
                        .map(ClockEvent::id)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        }
    }
    if c.callback == ClosureCallback::None
        && let Some(chain) = p.record_sign_off(SignedRecord::Callback)
        && chain.required
    {
        out.push(Finding {
            severity: Severity::Error,
            invariant: "closure_can_happen",
            path: "closure.callback".to_owned(),
            message: "is \"none\", but record_sign_offs requires the callback record (`required = true`): closing without a callback is refused as record_missing; drop `required` or the callback = \"none\"".to_owned(),
        });
    }
    out
}
