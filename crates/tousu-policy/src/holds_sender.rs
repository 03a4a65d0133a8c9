//! Where a grant's `holds_case = "sender"` or `"role_absent"` (ruling 166)
//! changes nothing (`holds_case_applies`, ruling 157).
//!
//! Both read a case's standing assignment: `"sender"` the department that
//! made it, kept through a take-over; `"role_absent"` whether it went where
//! no holder of the grant's role is. In a policy where no role may `assign`
//! or `transfer`, no case has one, and on a grant whose actions are all
//! taken before a case is assigned, there is none yet: the value reads as
//! if absent. `"sender"` in a policy where no escalation step takes a case
//! over reads as `"sent"` (ruling 152), which the author should write.

use crate::authority::Action;
use crate::holds_case::HoldsCase;
use crate::policy::Policy;

/// `hc` without `value`: the list's other values, one value, or `true`;
/// with `instead`, that value in its place.
fn replaced(hc: HoldsCase, value: HoldsCase, instead: Option<HoldsCase>) -> HoldsCase {
    let mut rest: Vec<HoldsCase> = hc.values().filter(|v| *v != value).collect();
    if let Some(i) = instead.filter(|i| !rest.contains(i)) {
        rest.push(i);
    }
    match rest.as_slice() {
        [] => HoldsCase::WithActor,
        [one] => *one,
        _ => HoldsCase::AnyOf(rest.iter().fold(0, |b, v| b | v.bit())),
    }
}

/// Actions taken only before a case is assigned (registration,
/// acceptance, `assign` itself).
const fn before_assignment(a: Action) -> bool {
    matches!(
        a,
        Action::Register
            | Action::Accept
            | Action::NotAccept
            | Action::OverrideAcceptance
            | Action::Assign
    )
}

/// The path of each grant's `holds_case` naming `"sender"` or
/// `"role_absent"` where it changes nothing, and what to write instead.
pub(crate) fn invariants(p: &Policy) -> Vec<(String, String)> {
    let may = |a: Action| p.roles.iter().any(|r| r.may_sometimes(a));
    let nobody_assigns = !may(Action::Assign) && !may(Action::Transfer);
    let nobody_takes_over = p.escalation.iter().all(|s| s.take_over.is_none());
    let mut out = Vec::new();
    for (i, role) in p.roles.iter().enumerate() {
        for (j, g) in role.grants.iter().enumerate() {
            let path = format!("roles[{i}].grants[{j}].holds_case");
            let early = !g.actions.is_empty() && g.actions.iter().all(|a| before_assignment(*a));
            let no_assignment = if nobody_assigns {
                Some("no role may assign or transfer a case, so no case has a standing assignment")
            } else if early {
                Some("its actions are taken only before a case is assigned")
            } else {
                None
            };
            for value in [HoldsCase::Sender, HoldsCase::RoleAbsent] {
                if !g.holds_case.values().any(|v| v == value) {
                    continue;
                }
                let what = if value == HoldsCase::Sender {
                    "\"sender\" widens only a case assigned or transferred, to the department that did so"
                } else {
                    "\"role_absent\" widens only a case assigned where no holder of the grant's role is"
                };
                if let Some(why) = no_assignment {
                    out.push((
                        path.clone(),
                        format!(
                            "{what} (ruling 166), and {why}, so here it reads as if absent; write `holds_case = {}`",
                            replaced(g.holds_case, value, None)
                        ),
                    ));
                } else if value == HoldsCase::Sender && nobody_takes_over {
                    out.push((
                        path.clone(),
                        format!(
                            "\"sender\" keeps a case with the department that handed it on only through a take-over (ruling 166), and no escalation step takes a case over, so here it reads as \"sent\" (ruling 152); write `holds_case = {}`",
                            replaced(g.holds_case, value, Some(HoldsCase::Sent))
                        ),
                    ));
                }
            }
        }
    }
    out
}
