//! Clocks and holder owners that read who made the case's standing
//! hand-over (schema 2, rulings 124 and 125 in docs/rulings.md), where
//! `started_by` (ruling 45) reads only who makes the start event.
//!
//! S34 第六条(五)「负责对…交给各区县(自治县、市)建设行政主管部门、有关主管部门办理的投诉
//! 处理进行督办」: a case the 市建委 handed down is under its supervision in
//! every round it stays with the body it went to, also one the district's
//! head reopens (the head makes the `reopened` event, not the commission):
//!
//! ```toml
//! [[milestones]]
//! id = "commission_handed_down"
//! name_zh = "市建委交办投诉依法及时处理(市建委督办)"
//! start = ["assigned", "transferred", "reopened"]
//! handed_down_by = ["municipal_commission"]
//! stop = ["replied", "withdrawn", "closed"]
//! target = "60 days"
//! on_reopen = "restart"
//! owner = "assignee"
//! ```
//!
//! The standing hand-over is the case's last `assigned` or `transferred`
//! event; the case remembers who made it (derived from the events, so a
//! replay finds it). It counts when that staff member holds one of the
//! roles named and the case went to someone outside them: the handler, or
//! without one the lead department's staff, holds none of them (the
//! commission assigning a case to its own officer hands nothing down). A
//! case never handed over, or last handed over by another, starts nothing.
//!
//! A holder owner may be limited the same way (`{ holder = { role =
//! "handling_section", among = "lead_department", handed_down_by =
//! ["bureau_leader"] } }`): S37's section answers for a case the bureau
//! leader 批办 to it, not for one the first receiver passed on.

use tousu_model::RoleId;

use crate::error::Report;
use crate::milestone::{ClockEvent, Milestone, MilestoneOwner};
use crate::policy::Policy;
use crate::started_by::{held, may_make, validate_roles};

impl Milestone {
    /// Whether a standing hand-over made by a staff member holding `roles`
    /// (none when the case was never handed over) may start this clock:
    /// always when `handed_down_by` is empty, else when one of `roles` is
    /// named there.
    #[must_use]
    pub fn handed_down_by_any<'r>(&self, roles: impl Iterator<Item = &'r RoleId>) -> bool {
        held(&self.handed_down_by, roles)
    }
}

/// The events of a hand-over.
const HAND_OVERS: [ClockEvent; 2] = [ClockEvent::Assigned, ClockEvent::Transferred];

/// Load-time checks of `m.handed_down_by` at `path` (`milestones[3]`):
/// each role exists and is named once.
pub(crate) fn validate(p: &Policy, m: &Milestone, path: &str, r: &mut Report) {
    validate_roles(p, &m.handed_down_by, &format!("{path}.handed_down_by"), r);
}

/// Milestones and holder owners whose `handed_down_by` roles may neither
/// assign nor transfer a case: the clock never starts, the holder is never
/// named (path, message), for [`check_invariants`](crate::check_invariants).
pub(crate) fn never_handed_down(p: &Policy) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut check = |roles: &[RoleId], path: String, what: &str| {
        if roles.is_empty()
            || roles
                .iter()
                .any(|role| p.role(role).is_some_and(|r| may_make(r, &HAND_OVERS)))
        {
            return;
        }
        let names: Vec<&str> = roles.iter().map(RoleId::as_str).collect();
        out.push((
            path,
            format!(
                "no role of [{}] may assign or transfer a case, so no hand-over is ever theirs and {what}; grant the role `assign` or `transfer`, or name the role that hands cases over",
                names.join(", ")
            ),
        ));
    };
    for (i, m) in p.milestones.iter().enumerate() {
        check(
            &m.handed_down_by,
            format!("milestones[{i}].handed_down_by"),
            "the clock never starts",
        );
        let keyed = m
            .fallback_owner
            .as_ref()
            .map_or_else(Vec::new, crate::FallbackOwner::keyed);
        for (key, owner) in std::iter::once(("owner".to_owned(), &m.owner)).chain(keyed) {
            if let MilestoneOwner::Holder(h) = owner {
                check(
                    &h.handed_down_by,
                    format!("milestones[{i}].{key}.holder.handed_down_by"),
                    "the holder is never named",
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{Policy, Severity, check_invariants};

    /// The default policy with a clock started by the hand-overs of
    /// `roles` (TOML array text), and a holder owner limited to them.
    fn policy(roles: &str) -> Result<Policy, crate::PolicyError> {
        let mut text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../policies/default.toml"
        ))
        .unwrap()
        .replace("schema_version = 1", "schema_version = 2");
        let role = Policy::default_policy().unwrap().roles[0].id.clone();
        text.push_str(&format!(
            r#"
[[milestones]]
id = "handed_down_supervision"
name_zh = "交办督办"
start = ["assigned", "transferred", "reopened"]
handed_down_by = {roles}
stop = ["replied", "closed"]
target = "5 days"
owner = "assignee"
fallback_owner = {{ holder = {{ role = "{role}", among = "lead_department", handed_down_by = {roles} }} }}
"#
        ));
        Policy::from_toml_str(&text)
    }

    #[test]
    fn an_unknown_role_is_refused_with_its_path() {
        let e = policy(r#"["nobody_here"]"#).unwrap_err().to_string();
        assert!(e.contains(".handed_down_by[0]"), "{e}");
        assert!(e.contains("\"nobody_here\" is not a role"), "{e}");
        assert!(e.contains(".holder.handed_down_by[0]"), "{e}");
    }

    #[test]
    fn a_role_that_hands_nothing_over_is_found() {
        let p = Policy::default_policy().unwrap();
        let idle = p
            .roles
            .iter()
            .find(|r| {
                !r.may_sometimes(crate::Action::Assign) && !r.may_sometimes(crate::Action::Transfer)
            })
            .unwrap()
            .id
            .clone();
        let busy = p
            .roles
            .iter()
            .find(|r| r.may_sometimes(crate::Action::Assign))
            .unwrap()
            .id
            .clone();
        let findings = |p: &Policy| {
            check_invariants(p)
                .into_iter()
                .filter(|f| f.invariant == "handed_down_by_roles_hand_over")
                .collect::<Vec<_>>()
        };
        let idle = policy(&format!("[\"{}\"]", idle.as_str())).unwrap();
        let f = findings(&idle);
        assert_eq!(f.len(), 2, "{f:#?}");
        assert!(f.iter().all(|f| f.severity == Severity::Warning));
        assert!(
            f.iter().any(|f| f.path.ends_with("].handed_down_by")
                && f.message.contains("the clock never starts")),
            "{f:#?}"
        );
        assert!(
            f.iter().any(|f| f.path.ends_with(".holder.handed_down_by")
                && f.message.contains("the holder is never named")),
            "{f:#?}"
        );
        let busy = policy(&format!("[\"{}\"]", busy.as_str())).unwrap();
        assert!(findings(&busy).is_empty());
    }
}
