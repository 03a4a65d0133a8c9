//! A grant's `steps` (schema 2, ruling 166): the manual escalation steps a
//! grant of `escalate` lets its holder take.
//!
//! A role may escalate by several grants, each for its own step under its
//! own conditions: S41's 业务科 sends the 《客户升级\重大投诉处理表》 to
//! 综合部's review (5.1.5, `major-review`) on a major case before any
//! decision, and files a 签呈 (5.1.13, `dissent`) only once the 总经理 has
//! decided (`reached`, ruling 160). Without `steps` the first grant let it
//! name `dissent` too. The workflow reads the grants of `escalate` that
//! hold for the actor: an escalation naming a step none of them lists is
//! refused (`grant_condition_unmet`), and one naming no step takes the first
//! open step they list; a grant without `steps`, or `escalate` among the
//! role's `actions`, admits every step (the steps' own `by` still apply).
//!
//! ```toml
//! grants = [
//!     { actions = ["escalate"], levels = ["major"], steps = ["major-review"] },
//!     { actions = ["escalate"], reached = ["approved", "replied"], steps = ["dissent"] },
//! ]
//! ```

use crate::authority::{Action, EscalationTrigger, Grant, Role};
use crate::error::Report;
use crate::policy::Policy;

/// Errors in `grant.steps` of `role` (at `path`, the grant's): an option of
/// schema 2; only on a grant of `escalate` alone; each a manual step of the
/// policy that the role may take (`by`).
pub(crate) fn validate(p: &Policy, role: &Role, g: &Grant, path: &str, r: &mut Report) {
    if g.steps.is_empty() {
        return;
    }
    if p.schema_version < 2 {
        r.error(
            format!("{path}.steps"),
            "is an option of schema_version 2; write schema_version = 2",
        );
    }
    if g.actions.iter().any(|a| *a != Action::Escalate) {
        r.error(
            format!("{path}.steps"),
            "limits the steps `escalate` takes, so the grant lists only \"escalate\" in `actions`; give the other actions a grant of their own",
        );
    }
    let manual: Vec<&str> = p
        .escalation
        .iter()
        .filter(|s| s.after == EscalationTrigger::Manual)
        .map(|s| s.id.as_str())
        .collect();
    for (k, id) in g.steps.iter().enumerate() {
        let at = format!("{path}.steps[{k}]");
        let Some(step) = p.escalation.iter().find(|s| s.id == *id) else {
            r.error(
                at,
                format!(
                    "{:?} is not an escalation step; the manual steps are {}",
                    id.as_str(),
                    crate::validate::known(manual.iter().copied())
                ),
            );
            continue;
        };
        if step.after != EscalationTrigger::Manual {
            r.error(
                at,
                format!(
                    "{:?} is taken {}, not by hand, so no escalation takes it; the manual steps are {}",
                    id.as_str(),
                    step.after,
                    crate::validate::known(manual.iter().copied())
                ),
            );
        } else if !step.by.is_empty() && !step.by.contains(&role.id) {
            let by: Vec<String> = step.by.iter().map(|b| format!("\"{b}\"")).collect();
            r.error(
                at,
                format!(
                    "{:?} is taken only by {} (`by`), not by \"{}\", so the grant can never take it",
                    id.as_str(),
                    by.join(", "),
                    role.id
                ),
            );
        }
    }
}
