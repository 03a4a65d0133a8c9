//! Who is charged for a late clock, and whether they can act to stop it
//! (the seed audits' one recurring fault: a late clock charged to nobody,
//! or to someone who cannot make the event that stops it).
//!
//! Three invariants for [`check_invariants`](crate::check_invariants):
//!
//! - `owner_can_stop`: every role a milestone's `owner` or `fallback_owner`
//!   names, and the handler's role where routing fixes it, may take —
//!   always or by a conditional grant — an action that makes one of the
//!   clock's stop events, and is one of its `stopped_by` roles where the
//!   list governs that event. The stop events counted are the clock's own:
//!   `withdrawn` is the complainant's act, not the owner's, and the ends
//!   of the case or its round (`closed`, `not_accepted`, `reopened`) count
//!   only for a clock that lists no other stop event (elsewhere ending the case is a backstop,
//!   not how the clock is met), and `closed` is made by a closure
//!   (`close`, `close_abnormally`, `close_unreachable`), not by a refusal
//!   or a withdrawal. Escalating,
//!   assigning and recording an action (a report, a visit) count like any
//!   other action that makes the event. Findings do not count, even for a
//!   clock with `stop_on_validity`: they stop it only when judged as it
//!   lists (ruling 111), so an owner who can stop it no other way is
//!   charged on every case whose findings are otherwise. S11's callback
//!   clock fell back to `staff`, who may not `record_callback`: a late
//!   callback was charged to someone who could not have made it. S33's
//!   month fell to a handler who could meet it only by findings of 无责任.
//! - `handler_clock_owned`: a clock owned by the assignee (the default)
//!   with no `fallback_owner`, starting on or after the assignment. An
//!   assignment names a lead department and, optionally, a handler
//!   (`assign` never requires one), so until a handler is named the
//!   clock's breach is charged to nobody (S22's repair clock, S18's
//!   replies). A clock starting before any assignment is the load-time
//!   warning at `fallback_owner` already, and is not repeated here.
//! - `agreed_deadline_owned`: a role may `set_agreed_deadline`, but the
//!   agreed deadline's clock names no owner but the handler. The workflow
//!   owns that clock as `[agreed_deadline]` names (ruling 109), else as
//!   the first milestone whose `stop` lists `agreed_deadline_set` (its
//!   owner, then its fallback owners), and with neither by the handler
//!   alone ([`Policy::agreed_deadline_owners`]); a date may be set on an
//!   accepted case before any assignment, and an assignment may name no
//!   handler, so such a date lapses charged to nobody (S38's promised
//!   date, ruling 101).
//!
//! `owner_can_stop` covers the owners `[agreed_deadline]` names too: the
//! date is met by the reply, so each role they name may `reply`.
//!
//! A reminder never breaches, so the first two do not apply to it. Rulings
//! 77, 79, 101 and 109 in docs/rulings.md give the readings behind them.

use crate::agreed_deadline::AgreedOwners;
use crate::authority::Action;
use crate::invariants::{Finding, Severity, causes};
use crate::milestone::{ClockEvent, Milestone, MilestoneOwner};
use crate::policy::Policy;
use tousu_model::RoleId;

/// The findings of both invariants, in milestone order.
pub(crate) fn invariants(p: &Policy) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, m) in p.milestones.iter().enumerate() {
        if m.reminder {
            continue;
        }
        owner_can_stop(p, m, i, &mut out);
        handler_clock_owned(m, i, &mut out);
    }
    agreed_deadline_owned(p, &mut out);
    agreed_owner_can_reply(p, &mut out);
    out
}

/// `owner_can_stop` for the owners `[agreed_deadline]` names (ruling 109):
/// the date is met by the reply (`replied`; the closing ends it only as a
/// backstop), so each role they name may `reply`, always or by a grant.
fn agreed_owner_can_reply(p: &Policy, out: &mut Vec<Finding>) {
    let table = &p.agreed_deadline;
    if !table.names_owner() {
        return;
    }
    for (key, owner) in table.keyed() {
        for (role_id, route) in named_roles(p, owner) {
            if p.role(&role_id)
                .is_none_or(|r| r.may_sometimes(Action::Reply))
            {
                continue;
            }
            let who = match route {
                Some(j) => format!(
                    "the handler, who holds {:?} on a case routing[{j}] routes,",
                    role_id.as_str()
                ),
                None => format!("the role {:?}", role_id.as_str()),
            };
            out.push(Finding {
                severity: Severity::Warning,
                invariant: "owner_can_stop",
                path: format!("agreed_deadline.{key}"),
                message: format!(
                    "{who} is charged when an agreed deadline lapses, but it may not `reply`, the action that meets it: it is charged for what it cannot do; grant the role the action, or name an owner who takes it"
                ),
            });
        }
    }
}

/// The stop events by which an owner meets the clock (see the module
/// docs): not `withdrawn`; the ends of the case or of its round (`closed`,
/// `not_accepted`, `reopened`) only when nothing else stops it.
fn meeting_events(m: &Milestone) -> Vec<ClockEvent> {
    let ends = |e: &ClockEvent| {
        matches!(
            e,
            ClockEvent::Closed | ClockEvent::NotAccepted | ClockEvent::Reopened
        )
    };
    let own: Vec<ClockEvent> = m
        .stop
        .iter()
        .copied()
        .filter(|e| *e != ClockEvent::Withdrawn && !ends(e))
        .collect();
    if own.is_empty() {
        m.stop.iter().copied().filter(ends).collect()
    } else {
        own
    }
}

/// The actions by which `role` may stop `m`: each makes one of its
/// meeting events the clock's `stopped_by` lets this role stop it with.
/// Recording findings is not one, even with `stop_on_validity`.
fn stopping_actions(m: &Milestone, events: &[ClockEvent], role: &RoleId) -> Vec<Action> {
    let mut actions: Vec<Action> = events
        .iter()
        .filter(|&&e| m.stopped_by_any(e, Some(std::iter::once(role))))
        .flat_map(|&e| {
            causes(e)
                .iter()
                .flatten()
                .copied()
                // A refusal or a withdrawal closes the case too, but a clock
                // met by closing is met by a closure: refusing is
                // `not_accepted`'s (counted when listed), withdrawing the
                // complainant's.
                .filter(move |a| {
                    e != ClockEvent::Closed || !matches!(a, Action::NotAccept | Action::Withdraw)
                })
        })
        .collect();
    // `stop_on_validity` is not counted: findings stop the clock only when
    // they are judged so (S33's month ends on findings of 无责任, never on
    // those of 有责任), so an owner who can stop it no other way is charged
    // whenever the case is as the clock expects it to be.
    actions.dedup();
    actions
}

/// The roles an owner entry names, each with the route that fixes it: a
/// role owner's role; for the assignee, the `handler_role` of each route
/// (a case it routes has a handler holding that role); a holder owner's
/// role (ruling 75: the holder is charged as the role's). Otherwise any
/// staff member may be assigned, and the first responder is whoever took
/// the complaint: no role is determinable, and nothing is checked.
fn named_roles(p: &Policy, owner: &MilestoneOwner) -> Vec<(RoleId, Option<usize>)> {
    match owner {
        MilestoneOwner::Role(r)
        | MilestoneOwner::RoleHoldingCase(crate::HeldRole { role: r, .. }) => {
            vec![(r.clone(), None)]
        }
        MilestoneOwner::Holder(h) => vec![(h.role.clone(), None)],
        MilestoneOwner::Assignee => p
            .routing
            .iter()
            .enumerate()
            .map(|(j, route)| (route.handler_role.clone(), Some(j)))
            .collect(),
        MilestoneOwner::FirstResponder => Vec::new(),
    }
}

/// Who the handler named by an assignment or a transfer may be, by role
/// (ruling 95), each with the roles whose hand-overs may name him: a role
/// that may (always or by a grant) assign or transfer names a handler
/// holding one of its `hands_over_to` (or a grant's, ruling 158); one
/// that may hand over without a list names anyone,
/// and of anyone the roles that may `investigate` — the handler's work —
/// are counted (a role that never handles a case is not named to).
/// Routing narrows a routed category's handler further, but a case with no
/// category, or an unrouted one, is not routed, so these hold everywhere.
fn handler_candidates(p: &Policy) -> Vec<(RoleId, Vec<RoleId>)> {
    let mut out: Vec<(RoleId, Vec<RoleId>)> = Vec::new();
    let investigators: Vec<RoleId> = p
        .roles
        .iter()
        .filter(|r| r.may_sometimes(Action::Investigate))
        .map(|r| r.id.clone())
        .collect();
    for by in &p.roles {
        if !crate::hands_over::HAND_OVERS
            .iter()
            .any(|&a| by.may_sometimes(a))
        {
            continue;
        }
        let listed = by.hand_over_targets();
        let named = listed.as_ref().unwrap_or(&investigators);
        for role in named {
            match out.iter_mut().find(|(r, _)| r == role) {
                Some((_, bys)) => bys.push(by.id.clone()),
                None => out.push((role.clone(), vec![by.id.clone()])),
            }
        }
    }
    out
}

/// `owner_can_stop` for milestone `i`.
fn owner_can_stop(p: &Policy, m: &Milestone, i: usize, out: &mut Vec<Finding>) {
    let events = meeting_events(m);
    if events.is_empty() {
        // Nothing but a withdrawal stops it: `milestones_run_and_stop`'s
        // concern, not the owner's.
        return;
    }
    let fallbacks = m
        .fallback_owner
        .as_ref()
        .map_or_else(Vec::new, crate::FallbackOwner::keyed);
    let entries = std::iter::once(("owner".to_owned(), &m.owner)).chain(fallbacks);
    for (key, owner) in entries {
        let mut found: Vec<RoleId> = Vec::new();
        for (role_id, route) in named_roles(p, owner) {
            let Some(actions) = cannot_stop(p, m, &events, &role_id) else {
                continue;
            };
            out.push(Finding {
                severity: Severity::Warning,
                invariant: "owner_can_stop",
                path: format!("milestones[{i}].{key}"),
                message: cannot_stop_message(
                    m,
                    &Who::Route(&role_id, route),
                    &events,
                    &actions,
                    limited(p, &role_id, &actions),
                ),
            });
            found.push(role_id);
        }
        if *owner != MilestoneOwner::Assignee {
            continue;
        }
        // The handler an assignment or a transfer names (S41's 副总
        // 「指派有关人员」, S35's bodies handing a complaint to whoever).
        for (role_id, by) in handler_candidates(p) {
            if found.contains(&role_id) {
                continue;
            }
            let Some(actions) = cannot_stop(p, m, &events, &role_id) else {
                continue;
            };
            let who = Who::Handed(&role_id, &by, p);
            out.push(Finding {
                severity: Severity::Warning,
                invariant: "owner_can_stop",
                path: format!("milestones[{i}].{key}"),
                message: cannot_stop_message(
                    m,
                    &who,
                    &events,
                    &actions,
                    limited(p, &role_id, &actions),
                ),
            });
        }
    }
}

/// Whether `role` may take `action` in some case so as to stop `m` on one
/// of `events`: a `record_action` limited to some acts (a grant's `acts`,
/// `milestones`) must admit one of the clock's stop acts naming it.
fn may_stop_by(role: &crate::Role, action: Action, m: &Milestone, events: &[ClockEvent]) -> bool {
    if action != Action::RecordAction {
        return role.may_sometimes(action);
    }
    crate::milestone::CaseAction::ALL
        .iter()
        .filter(|a| {
            let e = a.clock_event();
            events.contains(&e) && m.stopped_by_any(e, Some(std::iter::once(&role.id)))
        })
        .any(|&a| role.may_record_sometimes(a, Some(&m.id)))
}

/// Whether `role_id` holds `record_action` only in a limited way, the
/// limit being why it cannot stop a clock by it (the message says so).
fn limited(p: &Policy, role_id: &RoleId, actions: &[Action]) -> bool {
    actions.contains(&Action::RecordAction)
        && p.role(role_id)
            .is_some_and(|r| r.may_sometimes(Action::RecordAction))
}

/// The actions by which `role_id` would stop `m`, when it may take none of
/// them (`None`: it can stop the clock, or the role is unknown).
fn cannot_stop(
    p: &Policy,
    m: &Milestone,
    events: &[ClockEvent],
    role_id: &RoleId,
) -> Option<Vec<Action>> {
    let role = p.role(role_id)?;
    let actions = stopping_actions(m, events, role_id);
    if actions.iter().any(|&a| may_stop_by(role, a, m, events)) {
        None
    } else {
        Some(actions)
    }
}

/// Who a finding charges: a role (or a route's handler role), or a role
/// a handler may be named from by the hand-overs of `by`.
enum Who<'a> {
    Route(&'a RoleId, Option<usize>),
    Handed(&'a RoleId, &'a [RoleId], &'a Policy),
}

fn cannot_stop_message(
    m: &Milestone,
    who: &Who<'_>,
    events: &[ClockEvent],
    actions: &[Action],
    limited: bool,
) -> String {
    let (who, fix_handed) = match *who {
        Who::Route(role, Some(j)) => (
            format!(
                "the handler, who holds {:?} on a case routing[{j}] routes,",
                role.as_str()
            ),
            None,
        ),
        Who::Route(role, None) => (format!("the role {:?}", role.as_str()), None),
        Who::Handed(role, by, p) => {
            let how: Vec<String> = by
                .iter()
                .map(|b| {
                    let listed = p.role(b).is_some_and(|r| r.hand_over_targets().is_some());
                    if listed {
                        format!("{:?}'s hands_over_to lists it", b.as_str())
                    } else {
                        format!("{:?} may name anyone (no hands_over_to)", b.as_str())
                    }
                })
                .collect();
            (
                format!(
                    "the handler, who may hold {:?} ({}),",
                    role.as_str(),
                    how.join("; ")
                ),
                Some(
                    "limit who is named handler (hands_over_to), grant the role the action, or name an owner who takes it",
                ),
            )
        }
    };
    let ids: Vec<&str> = events.iter().map(|e| e.id()).collect();
    let what = if actions.is_empty() {
        format!(
            "the clock's stopped_by ({}) does not name it, so it cannot stop the clock on its stop events ({})",
            m.stopped_by
                .iter()
                .map(RoleId::as_str)
                .collect::<Vec<_>>()
                .join(", "),
            ids.join(", ")
        )
    } else {
        let names: Vec<String> = actions.iter().map(|a| format!("`{a}`")).collect();
        let limit = if limited {
            format!(
                " (its grants limit `record_action` to other acts, or to acts naming other clocks than {})",
                m.id
            )
        } else {
            String::new()
        };
        format!(
            "it may take none of {}{limit}, the actions that make its stop events ({})",
            names.join(", "),
            ids.join(", ")
        )
    };
    let fix = if actions.is_empty() {
        "name the role in stopped_by, or name an owner who may stop the clock"
    } else {
        fix_handed.unwrap_or("grant the role the action, or name an owner who takes it")
    };
    format!(
        "{who} is charged when {} is late, but {what}: it is charged for what it cannot do; {fix}",
        m.id
    )
}

/// `handler_clock_owned` for milestone `i`.
fn handler_clock_owned(m: &Milestone, i: usize, out: &mut Vec<Finding>) {
    if m.owner != MilestoneOwner::Assignee || m.fallback_owner.is_some() {
        return;
    }
    let before_assignment = m.start.iter().any(|e| {
        matches!(
            e,
            ClockEvent::Registered | ClockEvent::Accepted | ClockEvent::Classified
        )
    });
    if before_assignment {
        // The load-time warning at `fallback_owner` says so already.
        return;
    }
    let starts: Vec<&str> = m.start.iter().map(|e| e.id()).collect();
    out.push(Finding {
        severity: Severity::Warning,
        invariant: "handler_clock_owned",
        path: format!("milestones[{i}].fallback_owner"),
        message: format!(
            "is missing: {} is owned by the assignee and starts on {}, but an assignment may name a lead department and no handler (assign's handler is optional), so a breach then is charged to nobody; add the owner the regulation makes answer, e.g. fallback_owner = {{ role = \"department_head\" }}",
            m.id,
            starts.join(", ")
        ),
    });
}

/// `agreed_deadline_owned`: one finding for each grant of
/// `set_agreed_deadline` when the agreed deadline is the handler's alone.
fn agreed_deadline_owned(p: &Policy, out: &mut Vec<Finding>) {
    // The workflow's owners of a late date, from the one place that says.
    let owned = p.agreed_deadline_owners();
    if owned
        .chain()
        .iter()
        .any(|o| **o != MilestoneOwner::Assignee)
    {
        return;
    }
    let why = match owned {
        AgreedOwners::AsMilestone(i, m) => format!(
            "the agreed deadline's clock is owned as milestones[{i}] ({}), the first milestone that stops on agreed_deadline_set, which names no owner but the handler",
            m.id
        ),
        AgreedOwners::Table(_) => "[agreed_deadline] names no owner but the handler".to_owned(),
        _ => "no milestone stops on agreed_deadline_set, so the agreed deadline's clock is owned by the handler alone".to_owned(),
    };
    for (i, role) in p.roles.iter().enumerate() {
        let held = role
            .actions
            .iter()
            .position(|a| *a == Action::SetAgreedDeadline)
            .map(|k| format!("roles[{i}].actions[{k}]"));
        let granted = role.grants.iter().enumerate().filter_map(|(j, g)| {
            g.actions
                .iter()
                .position(|a| *a == Action::SetAgreedDeadline)
                .map(|k| format!("roles[{i}].grants[{j}].actions[{k}]"))
        });
        for path in held.into_iter().chain(granted) {
            out.push(Finding {
                severity: Severity::Warning,
                invariant: "agreed_deadline_owned",
                path,
                message: format!(
                    "role {} may set_agreed_deadline, but {why}: a date promised before a handler is named (an accepted case may be given one before any assignment) or on a case assigned to a lead department with no handler lapses charged to nobody; list agreed_deadline_set in the stop of the milestone the promised date stands in for (the date is then owned as that clock is, by its owner and fallback owners), name its owners in [agreed_deadline] (owner, fallback_owner), or take set_agreed_deadline away where the regulation promises no date",
                    role.id
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FallbackOwner;

    fn findings(p: &Policy, invariant: &str) -> Vec<String> {
        invariants(p)
            .into_iter()
            .filter(|f| f.invariant == invariant)
            .map(|f| format!("{}: {}", f.path, f.message))
            .collect()
    }

    fn milestone<'p>(p: &'p mut Policy, id: &str) -> &'p mut Milestone {
        p.milestones
            .iter_mut()
            .find(|m| m.id.as_str() == id)
            .unwrap()
    }

    fn role(id: &str) -> RoleId {
        RoleId::new(id).unwrap()
    }

    #[test]
    fn the_default_policy_has_no_finding() {
        let p = Policy::default_policy().unwrap();
        assert!(invariants(&p).is_empty(), "{:#?}", invariants(&p));
    }

    #[test]
    fn a_fallback_owner_who_cannot_record_the_callback_is_found() {
        let mut p = Policy::default_policy().unwrap();
        // S11: the callback clock falls back to a role without record_callback.
        let m = milestone(&mut p, "callback");
        m.fallback_owner = Some(FallbackOwner::Chain(vec![MilestoneOwner::Role(role(
            "handler",
        ))]));
        let f = findings(&p, "owner_can_stop");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].starts_with("milestones[4].fallback_owner[0]: the role \"handler\" is charged when callback is late, but it may take none of `record_callback`"), "{f:#?}");
        // Granting the action (here by a conditional grant) settles it.
        let grant: crate::authority::Grant =
            toml::from_str("actions = [\"record_callback\"]\nlevels = [\"major\"]").unwrap();
        p.roles
            .iter_mut()
            .find(|r| r.id == role("handler"))
            .unwrap()
            .grants
            .push(grant);
        assert!(findings(&p, "owner_can_stop").is_empty());
    }

    #[test]
    fn findings_that_stop_a_clock_only_when_judged_so_do_not_count() {
        let mut p = Policy::default_policy().unwrap();
        // S33: the month fell to a handler who could meet it only by
        // findings of 无责任 (`stop_on_validity`); he is charged all the same
        // when the findings are 有责任 (ruling 111).
        let m = milestone(&mut p, "callback");
        m.fallback_owner = Some(FallbackOwner::Chain(vec![MilestoneOwner::Role(role(
            "handler",
        ))]));
        m.stop_on_validity = vec![tousu_model::Validity::Invalid];
        let f = findings(&p, "owner_can_stop");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].contains("\"handler\" is charged when callback is late, but it may take none of `record_callback`"),
            "{f:#?}"
        );
    }

    #[test]
    fn withdrawal_and_a_backstop_closure_do_not_count_but_escalation_does() {
        let mut p = Policy::default_policy().unwrap();
        // complaint_manager may close and withdraw, but not escalate.
        let m = milestone(&mut p, "callback");
        m.stop = vec![
            ClockEvent::Escalated,
            ClockEvent::Withdrawn,
            ClockEvent::Closed,
        ];
        let f = findings(&p, "owner_can_stop");
        assert!(f[0].contains("may take none of `escalate`"), "{f:#?}");
        // A closure clock is met by closing, not by refusing or withdrawing.
        milestone(&mut p, "callback").stop = vec![ClockEvent::Closed, ClockEvent::Withdrawn];
        assert!(findings(&p, "owner_can_stop").is_empty());
        for r in &mut p.roles {
            if r.id == role("complaint_manager") {
                r.actions
                    .retain(|a| !matches!(a, Action::Close | Action::CloseUnreachable));
            }
        }
        let f = findings(&p, "owner_can_stop");
        assert!(
            f[0].contains("may take none of `close`, `close_abnormally`, `close_unreachable`"),
            "{f:#?}"
        );
        // The department head stops it by escalating.
        let m = milestone(&mut p, "callback");
        m.stop = vec![ClockEvent::Escalated];
        m.owner = MilestoneOwner::Role(role("department_head"));
        assert!(findings(&p, "owner_can_stop").is_empty());
    }

    #[test]
    fn an_owner_outside_stopped_by_is_found() {
        let mut p = Policy::default_policy().unwrap();
        p.schema_version = 2;
        // The handler replies, but only the department head's reply counts.
        let m = milestone(&mut p, "result");
        m.owner = MilestoneOwner::Role(role("handler"));
        m.fallback_owner = None;
        m.stopped_by = vec![role("department_head")];
        let f = findings(&p, "owner_can_stop");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].starts_with("milestones[3].owner: the role \"handler\"")
                && f[0].contains("stopped_by (department_head) does not name it"),
            "{f:#?}"
        );
    }

    #[test]
    fn a_routed_handler_who_cannot_stop_the_clock_is_found() {
        let mut p = Policy::default_policy().unwrap();
        // Every handler holds complaint_manager's role, which may not
        // propose a solution.
        let m = milestone(&mut p, "result");
        m.stop = vec![ClockEvent::SolutionProposed];
        p.routing = vec![
            toml::from_str(
                "id = \"all\"\ncategories = [\"service\"]\nhandler_role = \"complaint_manager\"",
            )
            .unwrap(),
        ];
        let f = findings(&p, "owner_can_stop");
        assert!(
            f.iter().any(|f| f.starts_with("milestones[3].owner: the handler, who holds \"complaint_manager\" on a case routing[0] routes,")),
            "{f:#?}"
        );
    }

    #[test]
    fn a_handler_the_hand_overs_may_name_who_cannot_stop_the_clock_is_found() {
        let mut p = Policy::default_policy().unwrap();
        // S41's 副总 「指派有关人员」: an inspector investigates but may not reply
        // or propose, and the desk and the head may name anyone.
        let inspector: crate::authority::Role = toml::from_str(
            "id = \"inspector\"\nname_zh = \"稽查\"\nactions = [\"investigate\", \"record_findings\"]",
        )
        .unwrap();
        p.roles.push(inspector);
        let f = findings(&p, "owner_can_stop");
        assert_eq!(f.len(), 2, "{f:#?}");
        assert!(
            f[0].starts_with("milestones[1].owner: the handler, who may hold \"inspector\" (\"complaint_manager\" may name anyone (no hands_over_to); \"department_head\" may name anyone (no hands_over_to)), is charged when first_response is late, but it may take none of `propose_solution`, `reply`, `set_agreed_deadline`"),
            "{f:#?}"
        );
        assert!(
            f[1].starts_with("milestones[3].owner: the handler, who may hold \"inspector\"")
                && f[1].contains("result is late")
                && f[1].ends_with("limit who is named handler (hands_over_to), grant the role the action, or name an owner who takes it"),
            "{f:#?}"
        );
        // The fallback owners are the desk's role, not the handler.
        assert!(f.iter().all(|f| f.contains(".owner: ")), "{f:#?}");
        // Every hand-over limited to roles that reply: nothing left.
        let listed = vec![role("handler"), role("department_head")];
        for r in &mut p.roles {
            if r.may_sometimes(Action::Assign) {
                r.hands_over_to.clone_from(&listed);
            }
        }
        assert!(findings(&p, "owner_can_stop").is_empty());
        // A listed role counts though it never investigates: the general
        // manager, named handler, may not reply.
        for r in &mut p.roles {
            if r.id == role("department_head") {
                r.hands_over_to.push(role("general_manager"));
            }
        }
        let f = findings(&p, "owner_can_stop");
        assert_eq!(f.len(), 2, "{f:#?}");
        assert!(
            f[0].contains(
                "who may hold \"general_manager\" (\"department_head\"'s hands_over_to lists it)"
            ),
            "{f:#?}"
        );
    }

    #[test]
    fn an_assignee_clock_from_the_assignment_without_fallback_is_found() {
        let mut p = Policy::default_policy().unwrap();
        let m = milestone(&mut p, "result");
        m.start = vec![ClockEvent::Assigned, ClockEvent::Reopened];
        assert!(findings(&p, "handler_clock_owned").is_empty());
        milestone(&mut p, "result").fallback_owner = None;
        let f = findings(&p, "handler_clock_owned");
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].starts_with("milestones[3].fallback_owner: is missing: result is owned by the assignee and starts on assigned, reopened"),
            "{f:#?}"
        );
        // Started before any assignment, the load-time warning covers it.
        milestone(&mut p, "result").start = vec![ClockEvent::Accepted];
        assert!(findings(&p, "handler_clock_owned").is_empty());
        // A reminder never breaches.
        let m = milestone(&mut p, "result");
        m.start = vec![ClockEvent::Assigned];
        m.reminder = true;
        assert!(invariants(&p).is_empty());
    }

    #[test]
    fn an_agreed_deadline_owned_by_the_handler_alone_is_found() {
        let mut p = Policy::default_policy().unwrap();
        // The default policy's result clock stops on agreed_deadline_set.
        assert!(findings(&p, "agreed_deadline_owned").is_empty());
        for m in &mut p.milestones {
            m.stop.retain(|e| *e != ClockEvent::AgreedDeadlineSet);
        }
        let f = findings(&p, "agreed_deadline_owned");
        assert!(!f.is_empty(), "{f:#?}");
        assert!(
            f.iter().all(|f| f.contains("may set_agreed_deadline, but no milestone stops on agreed_deadline_set, so the agreed deadline's clock is owned by the handler alone")),
            "{f:#?}"
        );
        // A milestone that stops on it but names only the handler owns it
        // no better.
        let m = milestone(&mut p, "result");
        m.stop.push(ClockEvent::AgreedDeadlineSet);
        m.fallback_owner = None;
        let f = findings(&p, "agreed_deadline_owned");
        assert!(
            !f.is_empty()
                && f.iter()
                    .all(|f| f.contains("owned as milestones[3] (result)")),
            "{f:#?}"
        );
        // The table names the owners: a role that may reply, then one
        // that may not, which owner_can_stop finds.
        p.schema_version = 2;
        p.agreed_deadline.owner = MilestoneOwner::Role(role("complaint_manager"));
        assert!(findings(&p, "agreed_deadline_owned").is_empty());
        assert!(findings(&p, "owner_can_stop").is_empty());
        p.agreed_deadline.fallback_owner = Some(FallbackOwner::Chain(vec![MilestoneOwner::Role(
            role("general_manager"),
        )]));
        let f = findings(&p, "owner_can_stop");
        assert_eq!(
            f,
            [
                "agreed_deadline.fallback_owner[0]: the role \"general_manager\" is charged when an agreed deadline lapses, but it may not `reply`, the action that meets it: it is charged for what it cannot do; grant the role the action, or name an owner who takes it"
            ],
            "{f:#?}"
        );
        p.agreed_deadline = crate::AgreedDeadline::default();
        // No role that may set a date: nothing to find.
        for r in &mut p.roles {
            r.actions.retain(|a| *a != Action::SetAgreedDeadline);
            for g in &mut r.grants {
                g.actions.retain(|a| *a != Action::SetAgreedDeadline);
            }
        }
        assert!(findings(&p, "agreed_deadline_owned").is_empty());
    }
}
