//! Clocks that only given roles stop (schema 2, ruling 64 in
//! docs/rulings.md): the counterpart of [`crate::started_by`].
//!
//! S30 四 第三步 「…最终由服务监督团队(客服部门经理,各个业务对接人)负责处理、回复客户、结束工单」:
//! the 部门主管 and 部门经理 may answer the customer on the way up the chain,
//! but the team's reply clock is for the team's answer. Their reply leaves
//! it running:
//!
//! ```toml
//! [[milestones]]
//! id = "team_reply"
//! name_zh = "服务监督团队处理回复"
//! start = ["accepted", "reopened"]
//! stop = ["replied", "withdrawn", "closed"]
//! stopped_by = ["supervision_team", "difficult_team"]
//! target = "1 working day"
//! ```
//!
//! Some stop events end the clock whoever makes them
//! ([`stops_whoever_makes`]): `closed` and `withdrawn` end the case or the
//! complaint, so nothing is owed any more; `escalated` and
//! `extension_ended` are events the engine makes too (a breach's step, the
//! end of an approved extension), and which escalation step stops a clock
//! is already chosen by the milestone's `steps`. An event no person makes
//! (a tick) stops it as well. The end of a round and `stop_on_validity`
//! (ruling 48) are not stop events of the list and are not affected.
//!
//! The decision reads the command's actor, which every event of the
//! command records: the `clock_stopped` events a command makes are what
//! replay folds, so replay stays exact.

use tousu_model::RoleId;

use crate::error::Report;
use crate::milestone::{ClockEvent, Milestone};
use crate::policy::Policy;
use crate::started_by::{held, may_make, validate_roles};

/// Whether `event` stops a clock whoever makes it, whatever its
/// `stopped_by` says: the end of the case (`closed`) or of the complaint
/// (`withdrawn`), and the events the engine itself makes (`escalated`,
/// `extension_ended`).
#[must_use]
pub fn stops_whoever_makes(event: ClockEvent) -> bool {
    matches!(event, ClockEvent::Closed | ClockEvent::Withdrawn)
        || crate::invariants::causes(event).contains(&None)
}

impl Milestone {
    /// Whether `event`, one of this clock's stop events, made by a staff
    /// member holding `roles` (`None`: an event no person makes), may stop
    /// it: always when `stopped_by` is empty or the event stops it whoever
    /// makes it ([`stops_whoever_makes`]), else when one of `roles` is
    /// named there.
    #[must_use]
    pub fn stopped_by_any<'r>(
        &self,
        event: ClockEvent,
        roles: Option<impl Iterator<Item = &'r RoleId>>,
    ) -> bool {
        stops_whoever_makes(event) || roles.is_none_or(|roles| held(&self.stopped_by, roles))
    }

    /// The stop events `stopped_by` governs: those that do not stop the
    /// clock whoever makes them.
    fn restricted_stops(&self) -> Vec<ClockEvent> {
        self.stop
            .iter()
            .copied()
            .filter(|&e| !stops_whoever_makes(e))
            .collect()
    }
}

/// Load-time checks of `m.stopped_by` at `path` (`milestones[3]`): each
/// role exists and is named once; a warning when every stop event stops
/// the clock whoever makes it, so the list restricts nothing.
pub(crate) fn validate(p: &Policy, m: &Milestone, path: &str, r: &mut Report) {
    if m.stopped_by.is_empty() {
        return;
    }
    let at = format!("{path}.stopped_by");
    validate_roles(p, &m.stopped_by, &at, r);
    if m.restricted_stops().is_empty() {
        let stops: Vec<&str> = m.stop.iter().map(|e| e.id()).collect();
        r.warning(
            at,
            format!(
                "restricts nothing: every stop event ({}) stops the clock whoever makes it (closed, withdrawn, escalated and extension_ended always do); list the event the named roles make, e.g. \"replied\"",
                stops.join(", ")
            ),
        );
    }
}

/// Roles named in `stopped_by` that can make none of the stop events the
/// list governs: they never stop the clock (path, message), for
/// [`check_invariants`](crate::check_invariants).
pub(crate) fn never_stopping(p: &Policy) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, m) in p.milestones.iter().enumerate() {
        let events = m.restricted_stops();
        if m.stopped_by.is_empty() || events.is_empty() {
            continue;
        }
        for (j, id) in m.stopped_by.iter().enumerate() {
            let Some(role) = p.role(id) else { continue };
            if may_make(role, &events) {
                continue;
            }
            let ids: Vec<&str> = events.iter().map(|e| e.id()).collect();
            out.push((
                format!("milestones[{i}].stopped_by[{j}]"),
                format!(
                    "the role {:?} may take no action that makes a stop event it is named for ({}), so it never stops the clock; grant the role the action (`reply` for `replied`) or drop it from the list",
                    id.as_str(),
                    ids.join(", ")
                ),
            ));
        }
    }
    out
}
