//! Where a grant's `holds_case = "reported"` (ruling 165) changes nothing
//! (`holds_case_applies`, ruling 157), and the grants `acts_on_any_case`
//! points to it.
//!
//! `"reported"` reads a case a step someone took by hand took over: the
//! holders of that step's role in the line of the reporter's department,
//! and the reporter's department. A step a rule takes records no reporter
//! and reads as under `true`, so in a policy where no manual escalation
//! step takes a case over (`after = "manual"` with `take_over`), the value
//! reads as if absent: the author probably meant another value.

use crate::authority::{EscalationTrigger, Role};
use crate::holds_case::HoldsCase;
use crate::ids::EscalationId;
use crate::policy::Policy;

/// Whether `step` is taken by hand and takes the case over.
fn reports(p: &Policy, step: &EscalationId) -> bool {
    p.escalation.iter().any(|s| {
        &s.id == step && s.take_over.is_some() && matches!(s.after, EscalationTrigger::Manual)
    })
}

/// `hc` without `"reported"`: the list's other values, one value, or `true`.
fn without_reported(hc: HoldsCase) -> HoldsCase {
    let rest: Vec<HoldsCase> = hc.values().filter(|v| *v != HoldsCase::Reported).collect();
    match rest.as_slice() {
        [] => HoldsCase::WithActor,
        [one] => *one,
        _ => HoldsCase::AnyOf(rest.iter().fold(0, |b, v| b | v.bit())),
    }
}

/// The path of each grant's `holds_case` naming `"reported"` where no step
/// taken by hand takes a case over, and what to write instead.
pub(crate) fn invariants(p: &Policy) -> Vec<(String, String)> {
    if p.escalation.iter().any(|s| reports(p, &s.id)) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, role) in p.roles.iter().enumerate() {
        for (j, g) in role.grants.iter().enumerate() {
            if g.holds_case.values().any(|v| v == HoldsCase::Reported) {
                out.push((
                    format!("roles[{i}].grants[{j}].holds_case"),
                    format!(
                        "\"reported\" reads only a case a step someone took by hand took over (ruling 165), and no escalation step taken by hand (`after = \"manual\"`) takes a case over (`take_over`), so here it reads as if absent; write `holds_case = {}`",
                        without_reported(g.holds_case)
                    ),
                ));
            }
        }
    }
    out
}

/// For `acts_on_any_case`: the grants (`grants[j]`) of `role` whose acts
/// hold on any department's case only after a step taken by hand that
/// takes the case over (`after_escalation` naming such a step, no
/// `holds_case`) — a report up, whose step's role may sit in several
/// departments — and the hint naming them; `None` when there are none.
pub(crate) fn any_case_hint(p: &Policy, role: &Role) -> Option<String> {
    let grants: Vec<String> = role
        .grants
        .iter()
        .enumerate()
        .filter(|(_, g)| !g.holds_case.is_set() && g.after_escalation.iter().any(|s| reports(p, s)))
        .map(|(j, _)| format!("grants[{j}]"))
        .collect();
    (!grants.is_empty()).then(|| {
        format!(
            "{} hold only after a step taken by hand that takes the case over: where only the step's role in the line of the department that reported the case (or that department itself) may act, write `holds_case = \"reported\"` (ruling 165)",
            grants.join(", ")
        )
    })
}
