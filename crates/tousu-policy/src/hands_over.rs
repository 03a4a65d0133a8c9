//! Where a role may send a case (schema 2, ruling 78 in docs/rulings.md):
//! the lead department of its `assign` and `transfer`, and the handler it
//! names.
//!
//! S31 处理「工程质量投诉由接到投诉的工程质量投诉处理机构负责处理。省…其它投诉可以转送被投诉工程所在地市、县(市)工程质量投诉处理机构处理。」:
//! the province sends complaints down to the city and county bodies; a
//! city or county body sends its case to another such body (where the work
//! is), never up to the province. The intake officer needs `transfer` for
//! the first, so the limit is on where, not on the action:
//!
//! ```toml
//! [[roles]]
//! id = "intake_officer"
//! name_zh = "投诉处理机构受理人员"
//! actions = ["register", "accept", "assign", "transfer"]
//! # a lead department where someone holds one of these: a city or county body
//! hands_over_to = ["intake_officer", "case_officer"]
//! ```
//!
//! A department is told by the roles its staff hold, as routing tells it
//! (`routing`, ruling 42): the lead department given has someone holding
//! one of the roles listed. The handler named, if any, holds one himself:
//! he is charged with the case's clocks, and S26's station head works in
//! the station beside the inspectors but cannot reply. The roles of the
//! actor that count are those that grant the
//! action on the case; a list on one of them that is satisfied, or one of
//! them with no list, lets the hand-over through. Co-handling departments
//! (协办) are called in, not sent the case, and are not limited.

use tousu_model::RoleId;

use crate::authority::{Action, Role};
use crate::error::Report;
use crate::policy::Policy;
use crate::started_by::{held, validate_roles};

/// The actions `hands_over_to` limits.
pub const HAND_OVERS: [Action; 2] = [Action::Assign, Action::Transfer];

/// What a listed role must be able to do for the department chosen by it
/// to take the case on: handle it, or pass it on.
const RECEIVES: [Action; 3] = [Action::Investigate, Action::Assign, Action::Transfer];

impl Role {
    /// Whether a case this role hands over may go to a department whose
    /// staff hold `roles` between them, or to a handler who holds `roles`:
    /// always when `hands_over_to` is empty, else when one of `roles` is
    /// listed.
    #[must_use]
    pub fn hands_over_to_any<'r>(&self, roles: impl Iterator<Item = &'r RoleId>) -> bool {
        held(&self.hands_over_to, roles)
    }
}

/// Load-time checks of `role.hands_over_to` at `path` (`roles[3]`): each
/// role exists and is listed once; a warning when the role may neither
/// assign nor transfer, so the list limits nothing.
pub(crate) fn validate(p: &Policy, role: &Role, path: &str, r: &mut Report) {
    if role.hands_over_to.is_empty() {
        return;
    }
    let at = format!("{path}.hands_over_to");
    validate_roles(p, &role.hands_over_to, &at, r);
    if !HAND_OVERS.iter().any(|&a| role.may_sometimes(a)) {
        r.warning(
            at,
            format!(
                "limits nothing: the role {:?} may neither assign nor transfer; grant it the action or drop the list",
                role.id.as_str()
            ),
        );
    }
}

/// Roles listed in a `hands_over_to` that may neither investigate nor pass
/// a case on (path, message), for
/// [`check_invariants`](crate::check_invariants): a department chosen
/// because someone there holds such a role may have nobody who can take
/// the case on.
pub(crate) fn receivers_cannot_handle(p: &Policy) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, role) in p.roles.iter().enumerate() {
        for (j, id) in role.hands_over_to.iter().enumerate() {
            let Some(listed) = p.role(id) else { continue };
            if RECEIVES.iter().any(|&a| listed.may_sometimes(a)) {
                continue;
            }
            out.push((
                format!("roles[{i}].hands_over_to[{j}]"),
                format!(
                    "the role {:?} may not investigate, assign or transfer, so a department chosen because someone there holds it may have nobody who can take the case on; list the role that handles the case there (the case officer's) or grant it the action",
                    id.as_str()
                ),
            ));
        }
    }
    out
}
