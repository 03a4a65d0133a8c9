//! Handling: assignment and transfer, the investigation and its findings,
//! the proposed solution and its approval, the reply, escalation, notes and
//! moving a case to another policy version.

use std::collections::BTreeMap;

use tousu_model::{
    AttachmentRef, FactName, FactValue, FaultParty, Money, Remedy, RoleId, Validity,
};
use tousu_policy::{
    Action, CaseAction, ClockEvent, EscalationId, EscalationStep, EscalationTrigger, Milestone,
    MilestoneId, PolicyId, PolicyVersion, RuleId,
};

use super::Decision;
use super::outcome::{Effects, input, non_blank};
use crate::Rejection;
use crate::authority::{check_not_own, check_recusal, facts_granted, within_limit};
use crate::case::{Proposal, Status};
use crate::clocks::{self, ClockCase};
use crate::command::{Assignment, Responsibility, ResponsibleParty};
use crate::event::{EscalationCause, EventKind, ProposedSolution};

/// The departments and handler of an assignment are on the roster, the
/// handler need not recuse (回避), the actor's roles may send the case
/// there (`hands_over_to`, ruling 78), and the assignment follows the route
/// of the case's category, which it returns.
fn check_assignment(d: &Decision<'_, '_>, a: &Assignment) -> Result<Option<RuleId>, Rejection> {
    let ctx = d.ctx;
    let depts = ctx.roster.departments();
    if !depts.contains(&a.lead) {
        return Err(input(
            "kind.assignment.lead",
            format!("{:?} is not a department of the roster", a.lead.as_str()),
        ));
    }
    for (i, dept) in a.co_handling.iter().enumerate() {
        if !depts.contains(dept) {
            return Err(input(
                &format!("kind.assignment.co_handling[{i}]"),
                format!("{:?} is not a department of the roster", dept.as_str()),
            ));
        }
        if *dept == a.lead {
            return Err(input(
                &format!("kind.assignment.co_handling[{i}]"),
                "is the lead department; list co-handling departments only",
            ));
        }
    }
    if let Some(h) = &a.handler {
        let staff = ctx.roster.staff(h).ok_or_else(|| {
            input(
                "kind.assignment.handler",
                format!("{:?} is not on the roster", h.as_str()),
            )
        })?;
        // A recused person may not be assigned to handle the case.
        if let Err(Rejection::Recused { staff, reason, .. }) =
            check_recusal(&d.case.complaint, staff, Action::Investigate, ctx)
        {
            return Err(Rejection::Recused {
                staff,
                action: d.command.kind.action(),
                reason: format!("{reason}, so may not be assigned to handle it"),
            });
        }
    }
    super::hand_over::check(d, a)?;
    check_route(d, a)
}

/// Routing (归口): a category the policy routes goes to a lead department
/// where someone holds the route's role, a named handler holds it, and its
/// supporting roles are called in; the route followed, if any.
fn check_route(d: &Decision<'_, '_>, a: &Assignment) -> Result<Option<RuleId>, Rejection> {
    let ctx = d.ctx;
    // Without routes there is nothing to find, and no category path to
    // build (an allocation on every assignment).
    let Some(category) = d
        .case
        .complaint
        .category
        .as_ref()
        .filter(|_| !ctx.policy.routing.is_empty())
    else {
        return Ok(None);
    };
    let Some(route) = ctx.policy.route_for(category) else {
        return Ok(None);
    };
    let role = &route.handler_role;
    let problem = match &a.handler {
        Some(h) if !ctx.roster.staff(h).is_some_and(|s| s.has_role(role)) => {
            Some(format!("the handler {h} does not hold it"))
        }
        Some(_) => None,
        None if ctx.roster.in_department(&a.lead).any(|s| s.has_role(role)) => None,
        None => Some(format!("nobody in the lead department {} holds it", a.lead)),
    };
    // The roles that support it (协办) are called in too (ruling 42).
    let Some(problem) = problem.or_else(|| super::co_handling::missing_support(ctx, route, a))
    else {
        return Ok(Some(route.id.clone()));
    };
    Err(Rejection::Misrouted {
        route: route.id.clone(),
        category: category.clone(),
        handler_role: role.clone(),
        lead: a.lead.clone(),
        problem,
    })
}

/// The case's assignment still follows its category's route where the
/// handling is under way (ruling 54): a migration to a version whose route
/// wants another handler role or a supporting role not called in, or a
/// roster change that took that role out of the departments given, is
/// refused as `misrouted` saying that a transfer comes first — `why` says
/// what would leave the assignment off its route. Nothing is checked
/// before an assignment (the assignment checks itself).
fn still_routed(d: &Decision<'_, '_>, why: &str) -> Result<(), Rejection> {
    let Some(a) = &d.case.assignment else {
        return Ok(());
    };
    match check_route(d, a) {
        Ok(_) => Ok(()),
        Err(Rejection::Misrouted {
            route,
            category,
            handler_role,
            lead,
            problem,
        }) => Err(Rejection::Misrouted {
            route,
            category,
            handler_role,
            lead,
            problem: format!("{problem} — {why}"),
        }),
        Err(other) => Err(other),
    }
}

/// 分派 to a lead department (and handler, co-handling departments).
pub(super) fn assign(d: &Decision<'_, '_>, assignment: &Assignment) -> Result<Effects, Rejection> {
    let route = check_assignment(d, assignment)?;
    Effects::one(
        EventKind::Assigned {
            assignment: assignment.clone(),
            route,
        },
        &[ClockEvent::Assigned],
    )
}

/// 转办: another assignment, with a reason. The current assignment made
/// again is a transfer only after a step took the case over from it: the
/// one it went to hands it back (批办, ruling 129) to whom it was with.
pub(super) fn transfer(
    d: &Decision<'_, '_>,
    assignment: &Assignment,
    reason: &str,
) -> Result<Effects, Rejection> {
    non_blank("kind.reason", reason)?;
    let route = check_assignment(d, assignment)?;
    if d.case.assignment.as_ref() == Some(assignment) && !d.case.assigned_before_take_over {
        return Err(input(
            "kind.assignment",
            "is the current assignment, and no step has taken the case over since; nothing to transfer",
        ));
    }
    Effects::one(
        EventKind::Transferred {
            assignment: Box::new(assignment.clone()),
            reason: reason.to_owned(),
            route,
        },
        &[ClockEvent::Transferred],
    )
}

/// The investigation starts, by an assignment that follows its route
/// (ruling 54: a case migrated after its last investigation, or whose
/// supporting department has lost the role, is transferred first).
pub(super) fn start_investigation(d: &Decision<'_, '_>) -> Result<Effects, Rejection> {
    still_routed(
        d,
        "the case's assignment no longer follows its route (it was made under another policy version or another roster): transfer it first",
    )?;
    Effects::one(
        EventKind::InvestigationStarted,
        &[ClockEvent::InvestigationStarted],
    )
}

/// The findings: validity (by the rules unless given), fault and
/// responsibility shares of people and departments on the roster.
pub(super) fn record_findings(
    d: &Decision<'_, '_>,
    validity: Option<Validity>,
    fault: Option<FaultParty>,
    responsible: &[Responsibility],
    note: &Option<String>,
) -> Result<Effects, Rejection> {
    let (validity, rule) = match validity {
        Some(v) => (v, None),
        None => {
            let decided = d.ctx.policy.validity(&d.eval());
            (decided.outcome, decided.rule_id)
        }
    };
    for (i, r) in responsible.iter().enumerate() {
        if r.share.is_sign_negative() && !r.share.is_zero() {
            return Err(input(
                &format!("kind.responsible[{i}].share"),
                format!("{} is negative; shares are 0 or more", r.share),
            ));
        }
        match &r.party {
            ResponsibleParty::Staff(s) if d.ctx.roster.staff(s).is_none() => {
                return Err(input(
                    &format!("kind.responsible[{i}].staff"),
                    format!("{:?} is not on the roster", s.as_str()),
                ));
            }
            ResponsibleParty::Department(dept) if !d.ctx.roster.departments().contains(dept) => {
                return Err(input(
                    &format!("kind.responsible[{i}].department"),
                    format!("{:?} is not a department of the roster", dept.as_str()),
                ));
            }
            _ => {}
        }
    }
    if !responsible.is_empty() && responsible.iter().all(|r| r.share.is_zero()) {
        return Err(input(
            "kind.responsible",
            "every share is zero; give at least one positive share",
        ));
    }
    Effects::one(
        EventKind::FindingsRecorded {
            validity,
            rule,
            fault,
            responsible: responsible.to_vec(),
            note: note.as_deref().map(Box::from),
        },
        &[ClockEvent::FindingsRecorded],
    )
}

/// Facts the investigation found, for the validity rules and after.
pub(super) fn record_facts(
    d: &Decision<'_, '_>,
    facts: &BTreeMap<FactName, FactValue>,
) -> Result<Effects, Rejection> {
    if facts.is_empty() {
        return Err(input(
            "kind.facts",
            "is empty; name at least one fact, e.g. { \"facts_match_complaint\": { \"bool\": false } }",
        ));
    }
    // A role may record only the facts its grant names (ruling 150).
    facts_granted(d.ctx, d.staff, d.case, facts, d.at())?;
    let recorded = EventKind::FactsRecorded {
        facts: facts.clone(),
    };
    // A clock whose `applies_when` reads such a fact may start now.
    let mut triggers: super::outcome::Triggers = smallvec::smallvec![ClockEvent::FactsRecorded];
    let mut events = fact_escalations(d, facts, &recorded)?;
    if !events.is_empty() {
        triggers.push(ClockEvent::Escalated);
    }
    events.insert(0, recorded);
    Ok(Effects {
        events: events.into(),
        triggers,
        then: None,
    })
}

/// The escalation steps a recording of `facts` takes (ruling 30): those
/// waiting for a fact it records true, for the case's level and category,
/// not taken yet, in file order.
fn fact_escalations(
    d: &Decision<'_, '_>,
    facts: &BTreeMap<FactName, FactValue>,
    recorded: &EventKind,
) -> Result<Vec<EventKind>, Rejection> {
    let case = d.case;
    let Some(level) = case.level.as_ref() else {
        return Ok(Vec::new());
    };
    let policy = d.ctx.policy;
    let mut taken: Vec<&EscalationId> = case
        .escalations
        .iter()
        .filter_map(|e| e.step.as_ref())
        .collect();
    let mut out = Vec::new();
    for step in &policy.escalation {
        let EscalationTrigger::FactRecorded(name) = &step.after else {
            continue;
        };
        let fires = matches!(facts.get(name), Some(FactValue::Bool(true)))
            && step.applies_to(level)
            && policy.step_covers(step, case.complaint.category.as_ref())
            && !taken.contains(&&step.id);
        if !fires {
            continue;
        }
        taken.push(&step.id);
        let cause = EscalationCause::FactRecorded { fact: name.clone() };
        // Each step sees the recording and the steps before it (a raised level).
        let mut before = vec![recorded.clone()];
        before.extend(out.iter().cloned());
        let seen = ClockCase::of(case).after(&before, d.at());
        out.extend(clocks::escalate(&seen, step, cause, d.at(), d.ctx)?);
    }
    Ok(out)
}

/// A solution: at least one remedy, amounts 0 or more; the role whose
/// authority covers the total is recorded.
pub(super) fn propose_solution(
    d: &Decision<'_, '_>,
    remedies: &[Remedy],
    note: &Option<String>,
) -> Result<Effects, Rejection> {
    if remedies.is_empty() {
        return Err(input(
            "kind.remedies",
            "is empty; propose at least one remedy (an apology or explanation counts)",
        ));
    }
    super::signing::require_signed(d, tousu_policy::SignedRecord::Findings)?;
    for (i, r) in remedies.iter().enumerate() {
        if r.amount.is_some_and(Money::is_negative) {
            return Err(input(
                &format!("kind.remedies[{i}].amount"),
                "is negative; amounts are 0 or more",
            ));
        }
    }
    let amount = Money::checked_sum(remedies.iter().filter_map(|r| r.amount))
        .map_err(|e| input("kind.remedies", e.to_string()))?;
    super::remedies::check(d, remedies)?;
    // The approval rule that governs this proposal (by level, category,
    // remedy kind, amount), else the authority's own limits: recorded, so
    // the approval and its sign-off chain follow what was decided here.
    let approvers = d
        .ctx
        .policy
        .approvers_for(d.case.level.as_ref(), &d.eval(), remedies, amount);
    Effects::one(
        EventKind::SolutionProposed(Box::new(ProposedSolution {
            remedies: remedies.to_vec(),
            amount,
            note: note.as_deref().map(Box::from),
            required_role: approvers.map(|a| a.required_role(amount).clone()),
            approval_rule: approvers.and_then(|a| a.rule.cloned()),
            sign_off: approvers.map(|a| a.sign_off.to_vec()).unwrap_or_default(),
        })),
        // The proposal is the responsible department handing back the
        // work order (S12 《协调工作单》交回).
        &[ClockEvent::SolutionProposed, ClockEvent::WorkOrderReturned],
    )
}

/// 审批: the next sign-off of the proposal's chain, in order, or — the
/// chain complete — the approval within the approver's limit. Nobody signs
/// or approves their own proposal, nor signs twice.
pub(super) fn approve(d: &Decision<'_, '_>) -> Result<Effects, Rejection> {
    match standing(d, Action::Approve)? {
        Standing::SignOff(role) => Effects::one(EventKind::SignedOff { role }, &[]),
        Standing::Approval(amount) => {
            Effects::one(EventKind::Approved { amount }, &[ClockEvent::Approved])
        }
    }
}

/// What the actor would do by approving the proposal now.
enum Standing {
    /// Sign the chain as this role, whose turn it is.
    SignOff(RoleId),
    /// Approve this amount, within their limit.
    Approval(Money),
}

/// The actor's standing to decide the proposal now — to approve it or to
/// send it back (ruling 119): the next signer of its chain, or — the chain
/// complete — someone within their limit under the rule that applies, not
/// its proposer nor its last signer. Refused as an approval would be.
fn standing(d: &Decision<'_, '_>, action: Action) -> Result<Standing, Rejection> {
    let proposal = d.case.proposal.as_deref();
    if let Some(p) = proposal.filter(|p| p.signed_off.len() < p.sign_off.len()) {
        return sign_off(d, p, action).map(Standing::SignOff);
    }
    // Segregation of duties first, as for a sign-off: approving one's own
    // proposal is refused as such, whatever one's limit. The approval is the
    // position after the chain, held by the role the amount needs.
    not_own_nor_signed(
        d,
        proposal,
        proposal.and_then(|p| p.required_role.as_ref()),
        action,
    )?;
    let amount = proposal.map_or(Money::ZERO, |p| p.amount);
    if let Some(auth) = &d.ctx.policy.approval {
        let rule = proposal.and_then(|p| p.approval_rule.as_ref());
        within_limit(d.staff, amount, &auth.approvers(rule))?;
    }
    Ok(Standing::Approval(amount))
}

/// The next sign-off of `p`'s chain: the actor holds the role whose turn it
/// is, did not propose, and signed before only as that role, not last.
fn sign_off(d: &Decision<'_, '_>, p: &Proposal, action: Action) -> Result<RoleId, Rejection> {
    let signed = p.signed_off.len();
    let Some(next) = p.sign_off.get(signed) else {
        return Err(input("kind", "the sign-off chain is complete"));
    };
    not_own_nor_signed(d, Some(p), Some(next), action)?;
    if !d.staff.has_role(next) {
        let mut chain: Vec<String> = p.sign_off.iter().map(ToString::to_string).collect();
        chain.extend(p.required_role.iter().map(|r| format!("{r} (approval)")));
        return Err(Rejection::SignOffOutOfOrder {
            actor: d.staff.id.clone(),
            action,
            next: next.clone(),
            chain,
            signed,
            rule: p.approval_rule.clone(),
        });
    }
    Ok(next.clone())
}

/// Segregation of duties: the proposer neither signs nor approves (unless
/// the policy allows self-approval), and whoever signed signs or approves
/// again only at a later position of the same role (`role`, the role of
/// the position now), with someone else's signature between (ruling 43:
/// S39's 主管 reviews the report before 行政人事部 and the opinion after the
/// general manager).
fn not_own_nor_signed(
    d: &Decision<'_, '_>,
    p: Option<&Proposal>,
    role: Option<&RoleId>,
    action: Action,
) -> Result<(), Rejection> {
    check_not_own(
        d.staff,
        p.and_then(|p| p.proposed_by.as_ref()),
        action,
        d.ctx,
    )?;
    let signed = p.map(|p| p.signed_off.as_slice()).unwrap_or_default();
    let signed_last = signed.last().is_some_and(|s| s.by == d.staff.id);
    let refused = signed
        .iter()
        .filter(|s| s.by == d.staff.id)
        .find(|s| signed_last || Some(&s.role) != role);
    match refused {
        Some(done) => Err(Rejection::AlreadySignedOff {
            staff: d.staff.id.clone(),
            role: done.role.clone(),
        }),
        None => Ok(()),
    }
}

/// The proposal goes back to the investigation, with a reason: by someone
/// who could approve it now (ruling 119), refused as their approval would
/// be otherwise.
pub(super) fn send_back(d: &Decision<'_, '_>, reason: &str) -> Result<Effects, Rejection> {
    non_blank("kind.reason", reason)?;
    standing(d, Action::SendBack)?;
    Effects::one(
        EventKind::SentBack {
            reason: reason.to_owned(),
        },
        &[ClockEvent::SentBack],
    )
}

/// 答复: the customer is answered.
pub(super) fn reply(d: &Decision<'_, '_>, text: &str, written: bool) -> Result<Effects, Rejection> {
    non_blank("kind.text", text)?;
    // S42 (7)「对客户的书面投诉,确认投诉性质以书面形式回复客户」: the policy's
    // `reply.written` cases are answered in writing (ruling 141).
    let policy = d.ctx.policy;
    if !written
        && policy
            .reply
            .written_for(policy, &clocks::eval_input(d.case, d.at()))
    {
        return Err(input(
            "kind.written",
            "this case is answered in writing (policy reply.written); reply with written = true",
        ));
    }
    Effects::one(
        EventKind::Replied {
            text: text.to_owned(),
            written,
        },
        &[ClockEvent::Replied],
    )
}

/// The step of `not_after` already taken, if any: `s` is then closed.
fn gone_past<'a>(s: &'a EscalationStep, taken: &[&EscalationId]) -> Option<&'a EscalationId> {
    s.not_after.iter().find(|id| taken.contains(id))
}

/// 升级 by hand: the manual step named, or the first not yet taken in file
/// order, among the steps that apply to the case's level and category.
/// Refused, naming the steps that would be accepted, when none matches.
pub(super) fn escalate(
    d: &Decision<'_, '_>,
    reason: &str,
    requested: Option<&EscalationId>,
) -> Result<Effects, Rejection> {
    non_blank("kind.reason", reason)?;
    let case = d.case;
    let taken: Vec<_> = case
        .escalations
        .iter()
        .filter_map(|e| e.step.as_ref())
        .collect();
    let open: Vec<_> = case.level.as_ref().map_or_else(Vec::new, |l| {
        d.ctx
            .policy
            .escalation_steps(
                &EscalationTrigger::Manual,
                l,
                case.complaint.category.as_ref(),
            )
            .filter(|s| !taken.contains(&&s.id))
            .collect()
    });
    // A step the case has gone past (`not_after`, ruling 136): a case
    // already with the 上级部门 is not handed back down to the supervisor.
    if let Some((s, later)) = requested
        .and_then(|id| open.iter().find(|s| s.id == *id))
        .and_then(|s| gone_past(s, &taken).map(|later| (s, later)))
    {
        return Err(Rejection::GrantConditionUnmet {
            actor: d.staff.id.clone(),
            action: Action::Escalate,
            unmet: vec![format!(
                "the escalation step {} is not taken once the step {later} has been",
                s.id
            )],
        });
    }
    let open: Vec<_> = open
        .into_iter()
        .filter(|s| gone_past(s, &taken).is_none())
        .collect();
    // A step only some roles take (`by`): refused to others when named, and
    // passed over when the next step is taken without a name.
    let by = |s: &EscalationStep| s.by.is_empty() || s.by.iter().any(|r| d.staff.has_role(r));
    // The steps the actor's grants of `escalate` name (`steps`, ruling 166).
    let granted = crate::authority::escalation_steps(d.ctx, d.staff, case, d.at());
    let in_grant = |s: &EscalationStep| granted.as_ref().is_none_or(|g| g.contains(&&s.id));
    let may_take = |s: &EscalationStep| by(s) && in_grant(s);
    let step = match requested {
        Some(id) => open.iter().find(|s| s.id == *id),
        None => open.iter().find(|s| may_take(s)),
    };
    if let Some(s) = step.filter(|s| by(s) && !in_grant(s)) {
        let named: Vec<String> = granted.iter().flatten().map(ToString::to_string).collect();
        return Err(Rejection::GrantConditionUnmet {
            actor: d.staff.id.clone(),
            action: Action::Escalate,
            unmet: vec![format!(
                "the escalation step {} is not one the actor's grants of escalate that hold name (`steps`: {}; ruling 166)",
                s.id,
                if named.is_empty() {
                    "none".to_owned()
                } else {
                    named.join(", ")
                }
            )],
        });
    }
    if let Some(s) = step.filter(|s| !by(s)) {
        return Err(Rejection::GrantConditionUnmet {
            actor: d.staff.id.clone(),
            action: Action::Escalate,
            unmet: vec![format!(
                "the escalation step {} is taken only by {}",
                s.id,
                s.by.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            )],
        });
    }
    let Some(step) = step else {
        return Err(Rejection::NoEscalationStep {
            requested: requested.cloned(),
            level: case.level.clone(),
            accepted: open
                .iter()
                .filter(|s| may_take(s))
                .map(|s| s.id.to_string())
                .collect(),
        });
    };
    let cause = EscalationCause::Manual {
        reason: reason.to_owned(),
    };
    let events = clocks::escalate(&ClockCase::of(case), step, cause, d.at(), d.ctx)?;
    Ok(Effects {
        events: events.into(),
        triggers: smallvec::smallvec![ClockEvent::Escalated],
        then: None,
    })
}

/// A note or evidence, on any case, open or final.
pub(super) fn add_note(text: &str, attachments: &[AttachmentRef]) -> Result<Effects, Rejection> {
    non_blank("kind.text", text)?;
    Effects::one(
        EventKind::NoteAdded {
            text: text.to_owned(),
            attachments: attachments.to_vec(),
        },
        &[],
    )
}

/// Something done on the case (customer contacted, work completed, report
/// submitted, verification done), for the clocks that list it: the one it
/// names, else those that do not ask to be named (ruling 29 in
/// docs/rulings.md).
pub(super) fn record_action(
    d: &Decision<'_, '_>,
    action: CaseAction,
    note: &Option<String>,
    milestone: Option<&MilestoneId>,
) -> Result<Effects, Rejection> {
    if let Some(n) = note {
        non_blank("kind.note", n)?;
    }
    let e = action.clock_event();
    let stopping: Vec<&Milestone> = d
        .ctx
        .policy
        .milestones
        .iter()
        .filter(|m| m.stop.contains(&e))
        .collect();
    let ids = || {
        let ids: Vec<&str> = stopping.iter().map(|m| m.id.as_str()).collect();
        if ids.is_empty() {
            "none".to_owned()
        } else {
            ids.join(", ")
        }
    };
    match milestone {
        Some(id) if !stopping.iter().any(|m| m.id == *id) => {
            return Err(input(
                "kind.milestone",
                format!(
                    "{:?} is not a milestone that `{e}` stops; those are {}",
                    id.as_str(),
                    ids()
                ),
            ));
        }
        // An act that every clock it stops wants named, recorded without a
        // name, would stop none of them: a forgotten name, not a note.
        None if !stopping.is_empty() && stopping.iter().all(|m| m.named_actions) => {
            return Err(input(
                "kind.milestone",
                format!(
                    "is missing: `{e}` stops only the clock it names; name one of {}",
                    ids()
                ),
            ));
        }
        _ => {}
    }
    Effects::one(
        EventKind::ActionRecorded {
            action,
            note: note.clone(),
            milestone: milestone.cloned(),
        },
        &[e],
    )
}

/// The case is judged by another policy version from now on.
pub(super) fn migrate_policy(
    d: &Decision<'_, '_>,
    policy_id: &PolicyId,
    version: &PolicyVersion,
    reason: &str,
) -> Result<Effects, Rejection> {
    non_blank("kind.reason", reason)?;
    if *policy_id == d.case.policy_id && *version == d.case.policy_version {
        return Err(input(
            "kind.version",
            "the case is already judged by this policy version",
        ));
    }
    // While it is handled, the case moves only with an assignment that
    // follows the new version's route (ruling 54); a transfer under its
    // current version is possible exactly then.
    if matches!(d.case.status, Status::Assigned | Status::Investigating) {
        still_routed(
            d,
            &format!(
                "the case's assignment must follow the route of version {version}, which it would migrate to: transfer it under its current version first, then migrate"
            ),
        )?;
    }
    Effects::one(
        EventKind::PolicyMigrated {
            policy_id: policy_id.clone(),
            version: version.clone(),
            reason: reason.to_owned(),
        },
        &[],
    )
}
