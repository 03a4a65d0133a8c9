//! Clocks that run only while the findings do not say otherwise (schema 2,
//! ruling 48 in docs/rulings.md).
//!
//! S33 重大 c) 「责任投诉在一个月内得不到合理解决的投诉」 gives the month to
//! 责任投诉 only, and 二(二) 「无责任投诉:指对责任范围内的投诉经查实与事实不符…」
//! is what the investigation finds. A complaint found 无责任 (the validity
//! `invalid`, by the rule `no-liability`) must not become 重大 because it
//! stays open a month; one found 有责任 still does:
//!
//! ```toml
//! [[milestones]]
//! id = "reasonable_resolution"
//! name_zh = "一个月内合理解决"
//! start = ["accepted", "reopened"]
//! stop = ["closed", "withdrawn"]
//! stop_on_validity = ["invalid"]
//! target = "1 month"
//! on_reopen = "continue"
//! ```
//!
//! Findings recorded with a listed validity stop the clock as a `stop`
//! event does — met if before the deadline, and a breach now if past it and
//! no tick saw it first (findings after the month do not undo it). While
//! the round's findings hold a listed validity the clock does not start; a
//! reopened round has no findings until they are recorded again, so it runs
//! (with the time carried over, under `on_reopen = "continue"`). Findings
//! recorded again in the round that no longer hold a listed validity run a
//! clock they stopped again, to the deadline it had (ruling 52).
//! `findings_recorded` in `stop` would stop the clock whatever was found.

use tousu_model::Validity;

use crate::authority::Action;
use crate::error::Report;
use crate::invariants::{Finding, Severity};
use crate::milestone::{ClockEvent, Milestone};
use crate::policy::Policy;

impl Milestone {
    /// Whether findings of `validity` stop this milestone's clock (and keep
    /// it from starting while they hold).
    #[must_use]
    pub fn stopped_by_validity(&self, validity: Validity) -> bool {
        self.stop_on_validity.contains(&validity)
    }
}

/// Validation: the option belongs to schema 2, lists each validity once,
/// and says something `stop` does not already say.
pub(crate) fn check(p: &Policy, r: &mut Report) {
    for (i, m) in p.milestones.iter().enumerate() {
        if m.stop_on_validity.is_empty() {
            continue;
        }
        let path = format!("milestones[{i}].stop_on_validity");
        if p.schema_version < 2 {
            r.error(
                path.clone(),
                "is an option of schema_version 2; write schema_version = 2",
            );
        }
        for (j, v) in m.stop_on_validity.iter().enumerate() {
            if m.stop_on_validity.iter().take(j).any(|w| w == v) {
                r.error(
                    format!("{path}[{j}]"),
                    format!("{:?} is listed twice; list each validity once", v.id()),
                );
            }
        }
        if m.stop.contains(&ClockEvent::FindingsRecorded) {
            r.warning(
                path,
                "changes nothing: `stop` lists `findings_recorded`, which stops the clock whatever the findings say; remove one",
            );
        } else if Validity::ALL.iter().all(|v| m.stopped_by_validity(*v)) {
            r.warning(
                path,
                "lists every validity, so any findings stop the clock; write `findings_recorded` in `stop` instead",
            );
        }
    }
}

/// Invariants (`check_invariants`): findings can be recorded at all, and a
/// listed validity is one the policy's validity table can judge.
pub(crate) fn invariants(p: &Policy) -> Vec<Finding> {
    let mut out = Vec::new();
    let recordable = p
        .roles
        .iter()
        .any(|r| r.may_sometimes(Action::RecordFindings));
    let judged: Vec<Validity> = std::iter::once(p.validity.default)
        .chain(p.validity.rules.iter().map(|r| r.validity))
        .collect();
    for (i, m) in p.milestones.iter().enumerate() {
        if m.stop_on_validity.is_empty() {
            continue;
        }
        let path = format!("milestones[{i}].stop_on_validity");
        if !recordable {
            out.push(Finding {
                severity: Severity::Error,
                invariant: "validity_stop_can_fire",
                path: path.clone(),
                message: format!(
                    "no role may record findings (`record_findings`), so the findings never stop {}",
                    m.id
                ),
            });
        }
        for (j, v) in m.stop_on_validity.iter().enumerate() {
            if !judged.contains(v) {
                out.push(Finding {
                    severity: Severity::Warning,
                    invariant: "validity_stop_judged",
                    path: format!("{path}[{j}]"),
                    message: format!(
                        "neither `validity.default` nor a `validity.rules` entry judges {:?}: only findings that give it by hand stop {}; add the rule that finds it (S33: `no-liability` → \"invalid\")",
                        v.id(),
                        m.id
                    ),
                });
            }
        }
    }
    out
}
