//! Where the actor's roles may send a case (`roles[].hands_over_to`,
//! ruling 78 in docs/rulings.md): the lead department of an `assign` or
//! `transfer`, and the named handler's department, have someone holding a
//! role listed. S31: a city or county body sends its case to another such
//! body, never up to the province.

use tousu_policy::Action;
use tousu_policy::authority::Role;

use super::Decision;
use crate::Rejection;
use crate::authority::case_view;
use crate::command::Assignment;

/// The roles of the actor that grant the command's action on the case
/// decide: one with no list lets the hand-over through; otherwise some
/// list must fit each department the case goes to. Co-handling
/// departments are called in, not sent the case, and are not limited.
pub(super) fn check(d: &Decision<'_, '_>, a: &Assignment) -> Result<(), Rejection> {
    let ctx = d.ctx;
    let action = d.command.kind.action();
    let mut limiting: Vec<&Role> = Vec::new();
    for role in d.staff.roles.iter().filter_map(|r| ctx.policy.role(r)) {
        if !grants_now(d, role, action) {
            continue;
        }
        if role.hands_over_to.is_empty() {
            return Ok(());
        }
        limiting.push(role);
    }
    let handler_department = a
        .handler
        .as_ref()
        .and_then(|h| ctx.roster.staff(h))
        .map(|s| &s.department)
        .filter(|dept| **dept != a.lead);
    let departments = std::iter::once(("the lead department", &a.lead))
        .chain(handler_department.map(|dept| ("the handler's department", dept)));
    for (what, department) in departments {
        let fits = |role: &&Role| {
            ctx.roster
                .in_department(department)
                .any(|s| role.hands_over_to_any(s.roles.iter()))
        };
        if limiting.is_empty() || limiting.iter().any(fits) {
            continue;
        }
        let mut accepted: Vec<_> = limiting
            .iter()
            .flat_map(|r| r.hands_over_to.iter().cloned())
            .collect();
        accepted.sort();
        accepted.dedup();
        return Err(Rejection::HandOverRefused {
            actor: d.staff.id.clone(),
            action,
            roles: limiting.iter().map(|r| r.id.clone()).collect(),
            what,
            department: department.clone(),
            accepted,
        });
    }
    Ok(())
}

/// Whether `role` grants `action` on the case now: in its `actions`, or by
/// a grant whose conditions hold (as `authority::granted` reads them).
fn grants_now(d: &Decision<'_, '_>, role: &Role, action: Action) -> bool {
    role.may(action)
        || role
            .grants_of(action)
            .any(|(_, g)| g.unmet(d.ctx.policy, &case_view(d.case, d.at())).is_empty())
}
