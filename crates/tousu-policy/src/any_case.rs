//! Acts a role takes on any department's case (`acts_on_any_case`, a note
//! of `policy check`): the audits' commonest wrong rule was a
//! role of one department answering, closing, withdrawing, handing on or
//! stopping a clock of a case another department held, because the grant
//! had no `holds_case` (rulings 121, 130, 151, 162, 170). Whether the source
//! gives the act to any holder of the role or only to the one holding the
//! case is a reading of the source, so the finding is an audit list, not
//! an error: for each role that may be found in more than one department
//! (some of its own grants already ask where the case is, a clock is
//! charged to it in the department holding the case — `role_holding_case`,
//! or a `holder` with `holds`, ruling 164 — or a hand-over's
//! `hands_over_to` or a route names it while another role's grant asks
//! where the case is), the acts of its `actions` and of its
//! grants without `holds_case` that answer (`reply`), close (`close`,
//! `close_abnormally`, `close_unreachable`, `not_accept`), withdraw, hand
//! over (`assign`, `transfer`, an `escalate` whose manual step takes the
//! case over) or stop one of the policy's clocks the role may stop.
//! Over the 41 policy files of the twenty-first session, 120 roles had such
//! acts (370); 31 roles (87 acts) in 18 files are read as departmental
//! and listed (a hand-over naming the role counted alone, 46 roles; a role
//! handing over to its own holders, 39).

use tousu_model::RoleId;

use crate::authority::{Action, EscalationTrigger, Grant, Role};
use crate::invariants::causes;
use crate::milestone::{CaseAction, ClockEvent, MilestoneOwner};
use crate::policy::Policy;

/// Why a role may be found in more than one department, read from the
/// policy alone; empty: nothing says so.
fn departmental(p: &Policy, role: &Role) -> Vec<String> {
    let id = &role.id;
    let mut why = Vec::new();
    let hands_over = |acts: &[Action]| {
        acts.iter()
            .any(|a| matches!(a, Action::Assign | Action::Transfer))
    };
    // The roles whose hand-overs may go to a department holding `id`.
    let senders: Vec<&RoleId> = p
        .roles
        .iter()
        .filter(|r| {
            (hands_over(&r.actions) || r.grants.iter().any(|g| hands_over(&g.actions)))
                && r.hands_over_to.contains(id)
                || r.grants
                    .iter()
                    .any(|g| hands_over(&g.actions) && g.hands_over_to.contains(id))
        })
        .map(|r| &r.id)
        .collect();
    let routes: Vec<String> = p
        .routing
        .iter()
        .filter(|r| r.handler_role == *id || r.support.contains(id))
        .map(|r| format!("\"{}\"", r.id))
        .collect();
    // Elsewhere in the policy a grant asks where the case is: its author
    // reads the roles as held in departments.
    let scoped_elsewhere = p
        .roles
        .iter()
        .filter(|r| r.id != *id)
        .find(|r| r.grants.iter().any(|g| g.holds_case.is_set()));
    if let Some(other) = scoped_elsewhere {
        let others: Vec<String> = senders.iter().map(|r| format!("\"{r}\"")).collect();
        if !others.is_empty() {
            why.push(format!(
                "the hand-overs of {} go to a department where someone holds it (`hands_over_to`), and grants of \"{}\" ask where the case is",
                others.join(", "),
                other.id
            ));
        }
        if !routes.is_empty() {
            why.push(format!(
                "the routes {} send a case to a department where someone holds it, and grants of \"{}\" ask where the case is",
                routes.join(", "),
                other.id
            ));
        }
    }
    let charged: Vec<String> = p
        .milestones
        .iter()
        .filter(|m| {
            let fallback = m.fallback_owner.as_ref().map_or(&[][..], |f| f.owners());
            std::iter::once(&m.owner)
                .chain(fallback)
                .any(|o| charged_where_held(o, id))
        })
        .map(|m| format!("\"{}\"", m.id))
        .collect();
    if !charged.is_empty() {
        why.push(format!(
            "the clocks {} are charged to it in the department holding the case (`role_holding_case`)",
            charged.join(", ")
        ));
    }
    let scoped: Vec<String> = role
        .grants
        .iter()
        .enumerate()
        .filter(|(_, g)| g.holds_case.is_set())
        .map(|(j, _)| format!("grants[{j}]"))
        .collect();
    if !scoped.is_empty() {
        why.push(format!(
            "its own {} ask where the case is (`holds_case`)",
            scoped.join(", ")
        ));
    }
    why
}

/// Whether `owner` charges a holder of `role` only in a department holding
/// the case: `role_holding_case` (rulings 161, 172), or a roster holder
/// with `holds` (ruling 164).
fn charged_where_held(owner: &MilestoneOwner, role: &RoleId) -> bool {
    match owner {
        MilestoneOwner::RoleHoldingCase(r) => r.role == *role,
        MilestoneOwner::Holder(h) => h.role == *role && h.holds.is_some(),
        _ => false,
    }
}

/// What `action`, taken by a holder of `role` under `grant` (`None`: its
/// `actions`), does to a case that makes it the holding department's:
/// answers it, closes it, withdraws it, hands it over, or stops one of the
/// policy's clocks the role may stop (naming them); `None`: nothing of
/// these.
fn holding_act(p: &Policy, role: &Role, grant: Option<&Grant>, action: Action) -> Option<String> {
    let fixed = match action {
        Action::Reply => Some("answers"),
        Action::Close | Action::CloseAbnormally | Action::CloseUnreachable | Action::NotAccept => {
            Some("closes")
        }
        Action::Withdraw => Some("withdraws"),
        Action::Assign | Action::Transfer => Some("hands over"),
        _ => None,
    };
    if let Some(f) = fixed {
        return Some(f.to_owned());
    }
    if action == Action::Escalate {
        let takes_over = p.escalation.iter().any(|s| {
            s.take_over.is_some()
                && matches!(s.after, EscalationTrigger::Manual)
                && (s.by.is_empty() || s.by.contains(&role.id))
        });
        if takes_over {
            return Some("hands over (a manual step takes the case over)".to_owned());
        }
    }
    let ids = std::iter::once(&role.id);
    let admits = |e: ClockEvent| match (action, grant) {
        (Action::RecordAction, Some(g)) => CaseAction::ALL
            .iter()
            .any(|a| a.clock_event() == e && (g.acts.is_empty() || g.acts.contains(a))),
        _ => true,
    };
    let stops: Vec<String> = p
        .milestones
        .iter()
        .filter(|m| {
            let named = match (action, grant) {
                (Action::RecordAction, Some(g)) if !g.milestones.is_empty() => {
                    g.milestones.contains(&m.id)
                }
                _ => true,
            };
            named
                && m.stop.iter().any(|&e| {
                    causes(e).contains(&Some(action))
                        && admits(e)
                        && m.stopped_by_any(e, Some(ids.clone()))
                })
        })
        .map(|m| format!("\"{}\"", m.id))
        .collect();
    (!stops.is_empty()).then(|| format!("stops {}", stops.join(", ")))
}

/// One role's acts on any department's case: where they are written
/// (`actions`, `grants[j]`), the act and what it does.
pub(crate) struct AnyCase {
    /// The role's index in `roles`.
    pub(crate) role: usize,
    /// Why the role may be found in more than one department.
    pub(crate) why: Vec<String>,
    /// `(where, action, what it does)`.
    pub(crate) acts: Vec<(String, Action, String)>,
}

/// The roles with acts on any department's case, in file order.
pub(crate) fn any_case_acts(p: &Policy) -> Vec<AnyCase> {
    let mut out = Vec::new();
    for (i, role) in p.roles.iter().enumerate() {
        let why = departmental(p, role);
        let mut acts = Vec::new();
        for &a in &role.actions {
            if let Some(what) = holding_act(p, role, None, a) {
                acts.push(("actions".to_owned(), a, what));
            }
        }
        for (j, g) in role.grants.iter().enumerate() {
            if g.holds_case.is_set() {
                continue;
            }
            for &a in &g.actions {
                if role.may(a) {
                    continue;
                }
                if let Some(what) = holding_act(p, role, Some(g), a) {
                    acts.push((format!("grants[{j}]"), a, what));
                }
            }
        }
        if !acts.is_empty() {
            out.push(AnyCase { role: i, why, acts });
        }
    }
    out
}

/// The findings: `(path, message)` for each role that may be found in
/// more than one department and has acts on any department's case.
pub(crate) fn invariants(p: &Policy) -> Vec<(String, String)> {
    any_case_acts(p)
        .into_iter()
        .filter(|r| !r.why.is_empty())
        .filter_map(|r| {
            let role: &RoleId = &p.roles.get(r.role)?.id;
            let acts: Vec<String> = r
                .acts
                .iter()
                .map(|(at, a, what)| format!("{a} ({at}: {what})"))
                .collect();
            let lead = p
                .roles
                .get(r.role)
                .and_then(|role| crate::holds_lead::any_case_hint(p, role))
                .map_or_else(String::new, |h| format!("; {h}"));
            let reported = p
                .roles
                .get(r.role)
                .and_then(|role| crate::holds_reported::any_case_hint(p, role))
                .map_or_else(String::new, |h| format!("; {h}"));
            Some((
                format!("roles[{}]", r.role),
                format!(
                    "role \"{role}\" may be found in more than one department ({}), yet these acts hold on a case any department holds (no `holds_case`): {}; check each against the source: where only the holder of the case may act, scope it with `holds_case` — true (the case with the actor; before any hand-over, anyone's), \"handed\" (only once handed to him, ruling 130), \"received\" (before a hand-over only the department that received it, ruling 151), \"received_in_line\" (before a hand-over that department, one under it or one above it, ruling 170), \"reported\" (once a step taken by hand took it over, that step's role in the reporter's line, or the reporter's department, ruling 165), or a list adding \"co_handling\", \"in_line\", \"sent\" or \"followed\" (rulings 148, 149, 152, 162), \"sender\" (the department that handed it on, also after a take-over) or \"role_absent\" (any holder of the role when the case went where none is; both ruling 166); where the source gives the act to every holder of the role, leave it and say so in the file{}{}",
                    r.why.join("; "),
                    acts.join(", "),
                    lead,
                    reported
                ),
            ))
        })
        .collect()
}
