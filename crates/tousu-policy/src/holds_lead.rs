//! Where a grant's `holds_case = "lead"` (ruling 173) changes nothing
//! (`holds_case_applies`, ruling 157).
//!
//! `"lead"` keeps a case with the named handler and lead department of its
//! standing assignment after a step took it over; until then `true` reads
//! the assignment the same way. So in a policy where no escalation step
//! takes a case over (`take_over`), or where no case is ever assigned (no
//! role may `assign` or `transfer`), it reads as if absent: the author
//! probably meant another value.

use crate::authority::Action;
use crate::holds_case::HoldsCase;
use crate::policy::Policy;

/// `hc` without `"lead"`: the list's other values, one value, or `true`.
fn without_lead(hc: HoldsCase) -> HoldsCase {
    let rest: Vec<HoldsCase> = hc.values().filter(|v| *v != HoldsCase::Lead).collect();
    match rest.as_slice() {
        [] => HoldsCase::WithActor,
        [one] => *one,
        _ => HoldsCase::AnyOf(rest.iter().fold(0, |b, v| b | v.bit())),
    }
}

/// The path of each grant's `holds_case` naming `"lead"` where it changes
/// nothing, and what to write instead.
pub(crate) fn invariants(p: &Policy) -> Vec<(String, String)> {
    let nobody_takes_over = p.escalation.iter().all(|s| s.take_over.is_none());
    let may = |a: Action| p.roles.iter().any(|r| r.may_sometimes(a));
    let nobody_assigns = !may(Action::Assign) && !may(Action::Transfer);
    let why = if nobody_takes_over {
        "no escalation step takes a case over, so the lead of its assignment holds it under `true` already"
    } else if nobody_assigns {
        "no role may assign or transfer a case, so no case has a lead department"
    } else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, role) in p.roles.iter().enumerate() {
        for (j, g) in role.grants.iter().enumerate() {
            if g.holds_case.values().any(|v| v == HoldsCase::Lead) {
                out.push((
                    format!("roles[{i}].grants[{j}].holds_case"),
                    format!(
                        "\"lead\" keeps a case with its assignment's lead department only after a step took it over (ruling 173), and {why}, so here it reads as if absent; write `holds_case = {}`",
                        without_lead(g.holds_case)
                    ),
                ));
            }
        }
    }
    out
}

/// For `acts_on_any_case`: the grants (`grants[j]`) of `role` whose acts
/// hold on any department's case only after a step that takes the case
/// over (`after_escalation` naming a step with `take_over`, no
/// `holds_case`) — an author keeping the department handling a case on it
/// after a superior took it over, which `"lead"` says (ruling 173) — and
/// the hint naming them; `None` when there are none.
pub(crate) fn any_case_hint(p: &Policy, role: &crate::authority::Role) -> Option<String> {
    let takes_over = |id: &crate::ids::EscalationId| {
        p.escalation
            .iter()
            .any(|s| &s.id == id && s.take_over.is_some())
    };
    let grants: Vec<String> = role
        .grants
        .iter()
        .enumerate()
        .filter(|(_, g)| !g.holds_case.is_set() && g.after_escalation.iter().any(takes_over))
        .map(|(j, _)| format!("grants[{j}]"))
        .collect();
    (!grants.is_empty()).then(|| {
        format!(
            "{} hold only after a step that takes the case over: where the department handling the case keeps it under the superior, write `holds_case = \"lead\"` (ruling 173) instead of the step",
            grants.join(", ")
        )
    })
}
