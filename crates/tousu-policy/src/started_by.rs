//! Clocks that start only when a given role makes the start event (schema
//! 2, ruling 45 in docs/rulings.md): a hand-over by a particular body.
//!
//! S31 「市、县(市)…接到省投诉处理机构转交办理的投诉后,应按规定处理,并把处理结果及时上报
//! 省工程质量投诉处理机构备案」: the result is owed to the province only for the
//! cases the province passed down, which it does inside the case by its own
//! `assign` or `transfer`. The same commands made by the local body start
//! nothing:
//!
//! ```toml
//! [[milestones]]
//! id = "result_report_to_province"
//! name_zh = "处理结果上报省投诉处理机构备案"
//! start = ["assigned", "transferred"]
//! started_by = ["provincial_body"]
//! stop = ["report_submitted", "withdrawn", "closed"]
//! target = "60 days"  # assumed: 「及时」 has no value
//! ```
//!
//! The acting staff member holds one of the roles named; events no person
//! makes (a breach's escalation, the end of an extension) never start such
//! a clock. A hand-over (`assigned`, `transferred`) must go to someone
//! outside those roles: the new handler, or without one the lead
//! department's staff, holds none of them (the province assigning a case to
//! its own station passes nothing down).

use tousu_model::RoleId;

use crate::authority::{Action, Role};
use crate::error::Report;
use crate::milestone::{ClockEvent, Milestone};
use crate::policy::Policy;

impl Milestone {
    /// Whether a start event made by a staff member holding `roles` (none
    /// for an event no person makes) may start this clock: always when
    /// `started_by` is empty, else when one of `roles` is named there.
    #[must_use]
    pub fn started_by_any<'r>(&self, roles: impl Iterator<Item = &'r RoleId>) -> bool {
        held(&self.started_by, roles)
    }
}

/// Whether one of `roles` is in `named`, or `named` is empty (anyone): what
/// `started_by` and `stopped_by` (ruling 64) ask of the actor.
pub(crate) fn held<'r>(named: &[RoleId], mut roles: impl Iterator<Item = &'r RoleId>) -> bool {
    named.is_empty() || roles.any(|r| named.contains(r))
}

/// Load-time checks of `m.started_by` at `path` (`milestones[3]`): each
/// role exists and is named once.
pub(crate) fn validate(p: &Policy, m: &Milestone, path: &str, r: &mut Report) {
    validate_roles(p, &m.started_by, &format!("{path}.started_by"), r);
}

/// Each role of `named` (a milestone's `started_by` or `stopped_by`, at
/// `path`) exists and is named once.
pub(crate) fn validate_roles(p: &Policy, named: &[RoleId], path: &str, r: &mut Report) {
    for (j, role) in named.iter().enumerate() {
        let at = format!("{path}[{j}]");
        if p.role(role).is_none() {
            let roles: Vec<&str> = p.roles.iter().map(|x| x.id.as_str()).collect();
            r.error(
                at,
                format!(
                    "{:?} is not a role; roles are {}",
                    role.as_str(),
                    roles.join(", ")
                ),
            );
        } else if named.iter().take(j).any(|x| x == role) {
            r.error(at, format!("{:?} is listed twice", role.as_str()));
        }
    }
}

/// The actions a person takes that make `event` (the workflow's contract,
/// as [`crate::invariants`] reads it).
fn made_by(event: ClockEvent) -> impl Iterator<Item = Action> {
    crate::invariants::causes(event).iter().flatten().copied()
}

/// Whether `role` may, in some case, take an action that makes one of
/// `events`.
pub(crate) fn may_make(role: &Role, events: &[ClockEvent]) -> bool {
    events
        .iter()
        .any(|&e| made_by(e).any(|a| role.may_sometimes(a)))
}

/// Milestones whose `started_by` roles can make none of their start
/// events: such a clock never starts (path, message), for
/// [`check_invariants`](crate::check_invariants).
pub(crate) fn never_started(p: &Policy) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, m) in p.milestones.iter().enumerate() {
        if m.started_by.is_empty() {
            continue;
        }
        let can = m
            .started_by
            .iter()
            .any(|role| p.role(role).is_some_and(|r| may_make(r, &m.start)));
        if !can {
            let starts: Vec<&str> = m.start.iter().map(|e| e.id()).collect();
            let roles: Vec<&str> = m.started_by.iter().map(RoleId::as_str).collect();
            out.push((
                format!("milestones[{i}].started_by"),
                format!(
                    "no role of [{}] may take an action that makes a start event ({}), so the clock never starts; grant the role the action (`assign` for `assigned`, `transfer` for `transferred`) or name the role that does",
                    roles.join(", "),
                    starts.join(", ")
                ),
            ));
        }
    }
    out
}
