//! `register`, `decide` and `tick`: commands and time in, events out.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use tousu_model::{Complaint, Money, Staff, StaffId};
use tousu_policy::{
    Acceptance, Action, ClockEvent, EscalationTrigger, EvalInput, WhenRoundsExhausted,
};

use crate::case::{Case, Status};
use crate::clocks::{self, ClockCase};
use crate::command::{Assignment, Command, CommandKind};
use crate::event::{ClosureKind, EVENT_SCHEMA_VERSION, EscalationCause, Event, EventKind};
use crate::{Ctx, Rejection};

/// Every status in which a case is still being handled.
macro_rules! open {
    () => {
        Status::Registered
            | Status::Accepted
            | Status::Assigned
            | Status::Investigating
            | Status::AwaitingApproval
            | Status::Approved
            | Status::Replied
    };
}

/// Open, and past acceptance.
macro_rules! handling {
    () => {
        Status::Accepted
            | Status::Assigned
            | Status::Investigating
            | Status::AwaitingApproval
            | Status::Approved
            | Status::Replied
    };
}

/// Final statuses.
macro_rules! done {
    () => {
        Status::NotAccepted | Status::Closed
    };
}

fn invalid(status: Status, command: &CommandKind, hint: &'static str) -> Rejection {
    Rejection::InvalidTransition {
        status,
        command: command.name(),
        hint,
    }
}

fn input(path: &str, message: impl Into<String>) -> Rejection {
    Rejection::InvalidInput {
        path: path.to_owned(),
        message: message.into(),
    }
}

/// An acceptance outcome newer than this workflow knows.
fn unsupported(outcome: &Acceptance) -> Rejection {
    input(
        "policy.acceptance",
        format!("outcome {outcome:?} is not supported by this version of tousu-workflow"),
    )
}

fn non_blank(path: &str, text: &str) -> Result<(), Rejection> {
    if text.trim().is_empty() {
        Err(input(path, "is blank; say why"))
    } else {
        Ok(())
    }
}

/// The staff member, if the policy grants one of their roles `action`.
fn permitted<'a>(ctx: &Ctx<'a>, actor: &StaffId, action: Action) -> Result<&'a Staff, Rejection> {
    let staff = ctx
        .roster
        .staff(actor)
        .ok_or_else(|| Rejection::UnknownActor {
            actor: actor.clone(),
        })?;
    if staff.roles.iter().any(|r| ctx.policy.role_may(r, action)) {
        Ok(staff)
    } else {
        Err(not_permitted(staff, action))
    }
}

/// When the policy names the one role that may take `action` (extension
/// approval, abnormal closure), the actor must hold it as well.
fn require_named_role(
    staff: &Staff,
    role: Option<&tousu_model::RoleId>,
    action: Action,
) -> Result<(), Rejection> {
    match role {
        Some(role) if !staff.has_role(role) => Err(not_permitted(staff, action)),
        _ => Ok(()),
    }
}

fn not_permitted(staff: &Staff, action: Action) -> Rejection {
    Rejection::NotPermitted {
        actor: staff.id.clone(),
        action,
        roles: staff.roles.iter().map(ToString::to_string).collect(),
    }
}

/// Recusal (回避): the respondent, optionally their supervisor, and declared
/// conflicts may not take the policy's recused actions on this complaint.
fn check_recusal(
    complaint: &Complaint,
    staff: &Staff,
    action: Action,
    ctx: &Ctx<'_>,
) -> Result<(), Rejection> {
    let rec = &ctx.policy.recusal;
    if !rec.actions.contains(&action) {
        return Ok(());
    }
    let recused = |reason: String| Rejection::Recused {
        staff: staff.id.clone(),
        action,
        reason,
    };
    for r in &complaint.respondents {
        if let Some(rs) = &r.staff {
            if rec.respondent && *rs == staff.id {
                return Err(recused("they are the respondent (被投诉人)".to_owned()));
            }
            let supervises =
                ctx.roster.staff(rs).and_then(|s| s.supervisor.as_ref()) == Some(&staff.id);
            if rec.respondent_supervisor && supervises {
                return Err(recused(format!("they supervise the respondent {rs}")));
            }
        }
    }
    for c in rec.conflicts.iter().filter(|c| c.staff == staff.id) {
        let party = complaint
            .complainant
            .party_id
            .as_ref()
            .is_some_and(|p| c.parties.contains(p));
        let dept = complaint
            .respondents
            .iter()
            .filter_map(|r| r.department.as_ref())
            .any(|d| c.departments.contains(d));
        if party || dept {
            let why = c
                .reason_zh
                .clone()
                .unwrap_or_else(|| "a declared conflict of interest".to_owned());
            return Err(recused(format!("declared conflict: {why}")));
        }
    }
    Ok(())
}

fn authorize<'a>(
    ctx: &Ctx<'a>,
    complaint: &Complaint,
    actor: &StaffId,
    action: Action,
) -> Result<&'a Staff, Rejection> {
    let staff = permitted(ctx, actor, action)?;
    check_recusal(complaint, staff, action, ctx)?;
    Ok(staff)
}

fn check_assignment(
    a: &Assignment,
    complaint: &Complaint,
    action: Action,
    ctx: &Ctx<'_>,
) -> Result<(), Rejection> {
    let depts = ctx.roster.departments();
    if !depts.contains(&a.lead) {
        return Err(input(
            "kind.assignment.lead",
            format!("{:?} is not a department of the roster", a.lead.as_str()),
        ));
    }
    for (i, d) in a.co_handling.iter().enumerate() {
        if !depts.contains(d) {
            return Err(input(
                &format!("kind.assignment.co_handling[{i}]"),
                format!("{:?} is not a department of the roster", d.as_str()),
            ));
        }
        if *d == a.lead {
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
            check_recusal(complaint, staff, Action::Investigate, ctx)
        {
            return Err(Rejection::Recused {
                staff,
                action,
                reason: format!("{reason}, so may not be assigned to handle it"),
            });
        }
    }
    Ok(())
}

pub(crate) fn stamp(
    case_id: &tousu_model::CaseId,
    from_version: u64,
    at: DateTime<Utc>,
    actor: Option<&StaffId>,
    command: Option<&Command>,
    kinds: Vec<EventKind>,
) -> Vec<Event> {
    kinds
        .into_iter()
        .zip(1u64..)
        .map(|(kind, i)| Event {
            schema_version: EVENT_SCHEMA_VERSION,
            case_id: case_id.clone(),
            version: from_version + i,
            at,
            actor: actor.cloned(),
            command_id: command.map(|c| c.id.clone()),
            kind,
        })
        .collect()
}

/// Decides a registration: the first events of a new case.
///
/// The complaint is validated, classified by the policy's rules, and the
/// clocks that start on `registered` and `classified` start. Registration
/// is the one command without a case, so it has its own function;
/// [`decide`] refuses it.
pub fn register(command: &Command, ctx: &Ctx<'_>) -> Result<Vec<Event>, Rejection> {
    let CommandKind::Register {
        case_id,
        number,
        complaint,
        repeat_count,
    } = &command.kind
    else {
        return Err(input(
            "kind",
            format!(
                "register() takes a `register` command, not `{}`; use decide()",
                command.kind.name()
            ),
        ));
    };
    if command.expected_version != 0 {
        return Err(Rejection::StaleVersion {
            expected: command.expected_version,
            actual: 0,
        });
    }
    permitted(ctx, &command.actor, Action::Register)?;
    if let Err(tousu_model::ModelError::Invalid { problems }) = complaint.validate() {
        let p = problems
            .first()
            .map(|p| (p.path.clone(), p.message.clone()))
            .unwrap_or_default();
        return Err(input(&format!("kind.complaint.{}", p.0), p.1));
    } else if let Err(e) = complaint.validate() {
        return Err(input("kind.complaint", e.to_string()));
    }
    if let Some(cat) = &complaint.category
        && ctx.policy.category(cat).is_none()
    {
        return Err(input(
            "kind.complaint.category",
            format!(
                "{:?} is not a category of policy {}",
                cat.as_str(),
                ctx.policy.id
            ),
        ));
    }
    if let Some(fr) = &complaint.first_responder
        && ctx.roster.staff(fr).is_none()
    {
        return Err(input(
            "kind.complaint.first_responder",
            format!("{:?} is not on the roster", fr.as_str()),
        ));
    }
    let at = command.at;
    let eval = EvalInput::new(complaint, at).with_repeat_count(*repeat_count);
    let level = ctx.policy.classify(&eval);
    let mut kinds = vec![
        EventKind::Registered {
            number: number.clone(),
            complaint: complaint.clone(),
            policy_id: ctx.policy.id.clone(),
            policy_version: ctx.policy.version.clone(),
            repeat_count: *repeat_count,
        },
        EventKind::Classified {
            level: level.outcome,
            rule: level.rule_id,
            manual_reason: None,
        },
    ];
    // The clocks see the case the registration creates, then classified.
    let participants = BTreeSet::from([command.actor.clone()]);
    let clock_events = {
        let after = ClockCase::registered(complaint, *repeat_count, &participants)
            .after(kinds.get(1..).unwrap_or_default(), at);
        clocks::effects(
            &after,
            &[ClockEvent::Registered, ClockEvent::Classified],
            at,
            ctx,
        )?
    };
    kinds.extend(clock_events);
    Ok(stamp(
        case_id,
        0,
        at,
        Some(&command.actor),
        Some(command),
        kinds,
    ))
}

/// Decides a command against a case: the events it causes, or why not.
///
/// A command id the case has seen before yields no events (its first
/// outcome stands); a stale `expected_version` is rejected; every command
/// checks the actor's roles, recusal and authority. Nothing changes on a
/// rejection. Clock effects follow the documented precedence.
pub fn decide(case: &Case, command: &Command, ctx: &Ctx<'_>) -> Result<Vec<Event>, Rejection> {
    if case.command_ids.contains(&command.id) {
        return Ok(Vec::new());
    }
    if command.expected_version != case.version {
        return Err(Rejection::StaleVersion {
            expected: command.expected_version,
            actual: case.version,
        });
    }
    // Every command is decided under the case's own policy version, except a
    // migration, which is decided under the version it migrates to: its
    // grants say who may move a case there, so a new version (next year's
    // calendar data, say) can always be rolled out even if the old one did
    // not foresee it.
    let (judge_id, judge_version) = match &command.kind {
        CommandKind::MigratePolicy {
            policy_id, version, ..
        } => (policy_id, version),
        _ => (&case.policy_id, &case.policy_version),
    };
    if *judge_id != ctx.policy.id || *judge_version != ctx.policy.version {
        return Err(Rejection::WrongPolicy {
            case_policy: judge_id.to_string(),
            case_version: judge_version.to_string(),
            ctx_policy: ctx.policy.id.to_string(),
            ctx_version: ctx.policy.version.to_string(),
        });
    }
    let at = command.at;
    let actor = &command.actor;
    let kind = &command.kind;
    let action = kind.action();
    let staff = authorize(ctx, &case.complaint, actor, action)?;
    let eval = EvalInput::new(&case.complaint, at).with_repeat_count(case.repeat_count);

    // The command's own events, and the clock events they trigger.
    let (kinds, triggers): (Vec<EventKind>, Vec<ClockEvent>) = match (case.status, kind) {
        (s, CommandKind::Register { .. }) => {
            return Err(invalid(s, kind, "the case is registered already"));
        }

        (Status::Registered, CommandKind::Accept { override_reason }) => {
            let d = ctx.policy.acceptance(&eval);
            match (d.outcome, override_reason) {
                (Acceptance::Accept, _) => (
                    vec![EventKind::Accepted {
                        rule: d.rule_id,
                        override_reason: override_reason.clone(),
                    }],
                    vec![ClockEvent::Accepted],
                ),
                (Acceptance::NotAccepted { reason_zh, .. }, None) => {
                    return Err(Rejection::PolicyDecides {
                        table: "acceptance",
                        decision: format!("not accepted: {reason_zh}"),
                        by: d
                            .rule_id
                            .as_ref()
                            .map_or_else(|| "the default".to_owned(), |r| format!("rule {r}")),
                        hint: "give override_reason (needs the override_acceptance permission) or use not_accept",
                        rule: d.rule_id,
                    });
                }
                (Acceptance::NotAccepted { .. }, Some(reason)) => {
                    non_blank("kind.override_reason", reason)?;
                    (
                        vec![EventKind::Accepted {
                            rule: d.rule_id,
                            override_reason: Some(reason.clone()),
                        }],
                        vec![ClockEvent::Accepted],
                    )
                }
                (other, _) => return Err(unsupported(&other)),
            }
        }
        (
            Status::Registered,
            CommandKind::NotAccept {
                reason_zh,
                advice_zh,
            },
        ) => {
            non_blank("kind.reason_zh", reason_zh)?;
            let d = ctx.policy.acceptance(&eval);
            match d.outcome {
                Acceptance::NotAccepted {
                    reason_zh: rule_reason,
                    advice_zh: rule_advice,
                } => (
                    vec![EventKind::NotAccepted {
                        rule: d.rule_id,
                        reason_zh: if reason_zh.trim() == rule_reason.trim() {
                            rule_reason
                        } else {
                            format!("{rule_reason}；{reason_zh}")
                        },
                        advice_zh: advice_zh.clone().or(Some(rule_advice)),
                        overridden: false,
                    }],
                    vec![ClockEvent::NotAccepted, ClockEvent::Closed],
                ),
                Acceptance::Accept => {
                    permitted(ctx, actor, Action::OverrideAcceptance)?;
                    (
                        vec![EventKind::NotAccepted {
                            rule: None,
                            reason_zh: reason_zh.clone(),
                            advice_zh: advice_zh.clone(),
                            overridden: true,
                        }],
                        vec![ClockEvent::NotAccepted, ClockEvent::Closed],
                    )
                }
                other => return Err(unsupported(&other)),
            }
        }
        (
            s @ (handling!() | Status::NotAccepted | Status::Closed),
            CommandKind::Accept { .. } | CommandKind::NotAccept { .. },
        ) => {
            return Err(invalid(
                s,
                kind,
                "acceptance is decided once, while the case is registered",
            ));
        }

        (open!(), CommandKind::Classify { level, reason }) => {
            let (new, rule, manual_reason) = match level {
                None => {
                    let d = ctx.policy.classify(&eval);
                    (d.outcome, d.rule_id, None)
                }
                Some(l) => {
                    if ctx.policy.level(l).is_none() {
                        return Err(Rejection::UnknownLevel {
                            level: l.clone(),
                            known: ctx.policy.levels.iter().map(|x| x.id.to_string()).collect(),
                        });
                    }
                    let Some(r) = reason else {
                        return Err(input(
                            "kind.reason",
                            "a manual classification needs a reason",
                        ));
                    };
                    non_blank("kind.reason", r)?;
                    (l.clone(), None, Some(r.clone()))
                }
            };
            let mut k = vec![EventKind::Classified {
                level: new.clone(),
                rule,
                manual_reason,
            }];
            k.extend(clocks::retarget(
                &ClockCase::of(case),
                case.level.as_ref(),
                &new,
                at,
                ctx,
            )?);
            (k, vec![ClockEvent::Classified])
        }
        (s @ done!(), CommandKind::Classify { .. }) => {
            return Err(invalid(s, kind, "a final case is not classified again"));
        }

        (Status::Accepted, CommandKind::Assign { assignment }) => {
            check_assignment(assignment, &case.complaint, action, ctx)?;
            (
                vec![EventKind::Assigned {
                    assignment: assignment.clone(),
                }],
                vec![ClockEvent::Assigned],
            )
        }
        (
            s @ (Status::Registered
            | Status::Assigned
            | Status::Investigating
            | Status::AwaitingApproval
            | Status::Approved
            | Status::Replied
            | done!()),
            CommandKind::Assign { .. },
        ) => {
            return Err(invalid(
                s,
                kind,
                "assign an accepted case; to change an assignment use transfer",
            ));
        }
        (
            Status::Assigned | Status::Investigating,
            CommandKind::Transfer { assignment, reason },
        ) => {
            non_blank("kind.reason", reason)?;
            check_assignment(assignment, &case.complaint, action, ctx)?;
            if case.assignment.as_ref() == Some(assignment) {
                return Err(input(
                    "kind.assignment",
                    "is the current assignment; nothing to transfer",
                ));
            }
            (
                vec![EventKind::Transferred {
                    assignment: assignment.clone(),
                    reason: reason.clone(),
                }],
                vec![ClockEvent::Transferred],
            )
        }
        (
            s @ (Status::Registered
            | Status::Accepted
            | Status::AwaitingApproval
            | Status::Approved
            | Status::Replied
            | done!()),
            CommandKind::Transfer { .. },
        ) => {
            return Err(invalid(
                s,
                kind,
                "transfer an assigned case or one under investigation",
            ));
        }

        (Status::Assigned, CommandKind::StartInvestigation) => (
            vec![EventKind::InvestigationStarted],
            vec![ClockEvent::InvestigationStarted],
        ),
        (
            s @ (Status::Registered
            | Status::Accepted
            | Status::Investigating
            | Status::AwaitingApproval
            | Status::Approved
            | Status::Replied
            | done!()),
            CommandKind::StartInvestigation,
        ) => {
            return Err(invalid(
                s,
                kind,
                "start the investigation of an assigned case",
            ));
        }

        (
            Status::Investigating,
            CommandKind::RecordFindings {
                validity,
                fault,
                responsible,
                note,
            },
        ) => {
            let (validity, rule) = match validity {
                Some(v) => (*v, None),
                None => {
                    let d = ctx.policy.validity(&eval);
                    (d.outcome, d.rule_id)
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
                    crate::command::ResponsibleParty::Staff(s) if ctx.roster.staff(s).is_none() => {
                        return Err(input(
                            &format!("kind.responsible[{i}].staff"),
                            format!("{:?} is not on the roster", s.as_str()),
                        ));
                    }
                    crate::command::ResponsibleParty::Department(d)
                        if !ctx.roster.departments().contains(d) =>
                    {
                        return Err(input(
                            &format!("kind.responsible[{i}].department"),
                            format!("{:?} is not a department of the roster", d.as_str()),
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
            (
                vec![EventKind::FindingsRecorded {
                    validity,
                    rule,
                    fault: *fault,
                    responsible: responsible.clone(),
                    note: note.clone(),
                }],
                vec![ClockEvent::FindingsRecorded],
            )
        }
        (
            s @ (Status::Registered
            | Status::Accepted
            | Status::Assigned
            | Status::AwaitingApproval
            | Status::Approved
            | Status::Replied
            | done!()),
            CommandKind::RecordFindings { .. },
        ) => {
            return Err(invalid(s, kind, "record findings during the investigation"));
        }

        (Status::Investigating, CommandKind::ProposeSolution { remedies, note }) => {
            if remedies.is_empty() {
                return Err(input(
                    "kind.remedies",
                    "is empty; propose at least one remedy (an apology or explanation counts)",
                ));
            }
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
            (
                vec![EventKind::SolutionProposed {
                    remedies: remedies.clone(),
                    amount,
                    note: note.clone(),
                    required_role: ctx.policy.required_approver(amount).cloned(),
                }],
                // The proposal is the responsible department handing back the
                // work order (S12 《协调工作单》交回).
                vec![ClockEvent::SolutionProposed, ClockEvent::WorkOrderReturned],
            )
        }
        (
            s @ (Status::Registered
            | Status::Accepted
            | Status::Assigned
            | Status::AwaitingApproval
            | Status::Approved
            | Status::Replied
            | done!()),
            CommandKind::ProposeSolution { .. },
        ) => {
            return Err(invalid(
                s,
                kind,
                "propose a solution during the investigation (send a proposal back to revise it)",
            ));
        }

        (Status::AwaitingApproval, CommandKind::Approve) => {
            let amount = case.proposal.as_ref().map_or(Money::ZERO, |p| p.amount);
            if let Some(auth) = &ctx.policy.approval {
                let limit = staff.roles.iter().filter_map(|r| auth.limit_of(r)).max();
                if limit.is_none_or(|l| amount > l) {
                    return Err(Rejection::OutOfAuthority {
                        actor: actor.clone(),
                        amount,
                        limit: limit.unwrap_or(Money::ZERO),
                        required_role: auth.required_role(amount).clone(),
                    });
                }
            }
            (
                vec![EventKind::Approved { amount }],
                vec![ClockEvent::Approved],
            )
        }
        (Status::AwaitingApproval, CommandKind::SendBack { reason }) => {
            non_blank("kind.reason", reason)?;
            (
                vec![EventKind::SentBack {
                    reason: reason.clone(),
                }],
                vec![ClockEvent::SentBack],
            )
        }
        (
            s @ (Status::Registered
            | Status::Accepted
            | Status::Assigned
            | Status::Investigating
            | Status::Approved
            | Status::Replied
            | done!()),
            CommandKind::Approve | CommandKind::SendBack { .. },
        ) => {
            return Err(invalid(
                s,
                kind,
                "approve or send back a solution that awaits approval",
            ));
        }

        (
            Status::Accepted | Status::Assigned | Status::Investigating | Status::Approved,
            CommandKind::Reply { text },
        ) => {
            non_blank("kind.text", text)?;
            (
                vec![EventKind::Replied { text: text.clone() }],
                vec![ClockEvent::Replied],
            )
        }
        (
            s @ (Status::Registered | Status::AwaitingApproval | Status::Replied | done!()),
            CommandKind::Reply { .. },
        ) => {
            return Err(invalid(
                s,
                kind,
                "reply once accepted, and not while a solution awaits approval",
            ));
        }

        (Status::Replied, CommandKind::RecordCallback { satisfaction, note }) => {
            let mut k = vec![EventKind::CallbackRecorded {
                satisfaction: *satisfaction,
                note: note.clone(),
            }];
            let mut t = vec![ClockEvent::CallbackRecorded];
            let level = case.level.as_ref();
            let exhausted =
                level.is_some_and(|l| ctx.policy.rounds_allowed(l).exhausted_by(case.round));
            let escalated_this_round = case.escalations.iter().any(|e| e.round == case.round);
            if !satisfaction.is_satisfied() && exhausted && !escalated_this_round {
                let steps: Vec<_> = match level {
                    Some(l) => ctx
                        .policy
                        .escalation_steps(&EscalationTrigger::RoundsExhausted, l)
                        .collect(),
                    None => Vec::new(),
                };
                let taken: Vec<_> = case
                    .escalations
                    .iter()
                    .filter_map(|e| e.step.as_ref())
                    .collect();
                let fresh: Vec<_> = steps
                    .into_iter()
                    .filter(|s| !taken.contains(&&s.id))
                    .collect();
                match (ctx.policy.rounds.when_exhausted, fresh.is_empty()) {
                    (WhenRoundsExhausted::Escalate, false) => {
                        for s in fresh {
                            k.extend(clocks::escalate(
                                &ClockCase::of(case),
                                s,
                                EscalationCause::RoundsExhausted,
                                at,
                                ctx,
                            )?);
                        }
                        t.push(ClockEvent::Escalated);
                    }
                    _ => {
                        k.push(EventKind::Closed {
                            kind: ClosureKind::Unsatisfied,
                            reason: Some(format!(
                                "rounds allowed ({}) used up; customer still unsatisfied",
                                case.round
                            )),
                        });
                        t.push(ClockEvent::Closed);
                    }
                }
            }
            (k, t)
        }
        (
            s @ (Status::Registered
            | Status::Accepted
            | Status::Assigned
            | Status::Investigating
            | Status::AwaitingApproval
            | Status::Approved
            | done!()),
            CommandKind::RecordCallback { .. },
        ) => {
            return Err(invalid(
                s,
                kind,
                "record the callback after replying to the customer",
            ));
        }

        (Status::Replied, CommandKind::Close) => match case.callback {
            Some(s) if s.is_satisfied() => (
                vec![EventKind::Closed {
                    kind: ClosureKind::Satisfied,
                    reason: None,
                }],
                vec![ClockEvent::Closed],
            ),
            Some(_) => {
                return Err(invalid(
                    Status::Replied,
                    kind,
                    "the customer is unsatisfied: reopen for a new round, escalate, or close abnormally",
                ));
            }
            None => {
                return Err(invalid(
                    Status::Replied,
                    kind,
                    "record a satisfied callback (回访) before closing",
                ));
            }
        },
        (
            s @ (Status::Registered
            | Status::Accepted
            | Status::Assigned
            | Status::Investigating
            | Status::AwaitingApproval
            | Status::Approved
            | done!()),
            CommandKind::Close,
        ) => {
            return Err(invalid(
                s,
                kind,
                "close after a reply and a satisfied callback",
            ));
        }

        (Status::Replied, CommandKind::Reopen { reason }) => {
            non_blank("kind.reason", reason)?;
            if case.callback.is_none_or(|s| s.is_satisfied()) {
                return Err(invalid(
                    Status::Replied,
                    kind,
                    "reopen after an unsatisfied callback",
                ));
            }
            let exhausted = case
                .level
                .as_ref()
                .is_some_and(|l| ctx.policy.rounds_allowed(l).exhausted_by(case.round));
            let escalated_this_round = case.escalations.iter().any(|e| e.round == case.round);
            if exhausted && !escalated_this_round {
                return Err(input(
                    "kind",
                    format!(
                        "the rounds allowed for this level ({}) are used up; escalate first",
                        case.round
                    ),
                ));
            }
            let round = case.round.saturating_add(1);
            (
                vec![EventKind::Reopened {
                    round,
                    reason: reason.clone(),
                }],
                vec![ClockEvent::Reopened],
            )
        }
        (
            s @ (Status::Registered
            | Status::Accepted
            | Status::Assigned
            | Status::Investigating
            | Status::AwaitingApproval
            | Status::Approved
            | Status::NotAccepted
            | Status::Closed),
            CommandKind::Reopen { .. },
        ) => {
            return Err(invalid(
                s,
                kind,
                "reopen after an unsatisfied callback; a closed case accepts only notes (a customer who comes back files a repeat complaint)",
            ));
        }

        (open!(), CommandKind::Escalate { reason }) => {
            non_blank("kind.reason", reason)?;
            let level = case.level.clone();
            let taken: Vec<_> = case
                .escalations
                .iter()
                .filter_map(|e| e.step.clone())
                .collect();
            let step = level.as_ref().and_then(|l| {
                ctx.policy
                    .escalation_steps(&EscalationTrigger::Manual, l)
                    .find(|s| !taken.contains(&s.id))
            });
            let cause = EscalationCause::Manual {
                reason: reason.clone(),
            };
            let k = match step {
                Some(step) => clocks::escalate(&ClockCase::of(case), step, cause, at, ctx)?,
                // No manual step left: the escalation is recorded, to nobody in particular.
                None => vec![EventKind::Escalated {
                    step: None,
                    cause,
                    notify: Vec::new(),
                    take_over: None,
                }],
            };
            (k, vec![ClockEvent::Escalated])
        }
        (s @ done!(), CommandKind::Escalate { .. }) => {
            return Err(invalid(s, kind, "a final case is not escalated"));
        }

        (handling!(), CommandKind::SetAgreedDeadline { deadline }) => {
            if *deadline <= at {
                return Err(input(
                    "kind.deadline",
                    format!(
                        "{} is not after the command's instant {}",
                        deadline.to_rfc3339(),
                        at.to_rfc3339()
                    ),
                ));
            }
            let level = case
                .level
                .clone()
                .ok_or_else(|| input("kind", "the case has no level yet"))?;
            let mut k = vec![EventKind::AgreedDeadlineSet {
                deadline: *deadline,
            }];
            if let Ok(id) = tousu_policy::MilestoneId::new(clocks::AGREED_DEADLINE) {
                if case.clock(&id, case.round).is_some_and(|c| c.is_open()) {
                    k.push(EventKind::ClockStopped {
                        milestone: id.clone(),
                        round: case.round,
                        met: true,
                    });
                }
                // A second agreement in the same round replaces the first clock.
                if case.clock(&id, case.round).is_some() {
                    return Err(input(
                        "kind.deadline",
                        "a deadline was already agreed in this round; record a note and escalate or reopen instead",
                    ));
                }
            }
            k.push(clocks::agreed_clock(case.round, &level, *deadline, at)?);
            (k, vec![ClockEvent::AgreedDeadlineSet])
        }
        (s @ (Status::Registered | done!()), CommandKind::SetAgreedDeadline { .. }) => {
            return Err(invalid(
                s,
                kind,
                "agree a deadline on an accepted, open case",
            ));
        }

        (open!(), CommandKind::RequestExtension { reason, until }) => {
            non_blank("kind.reason", reason)?;
            if case.extension.is_some() {
                return Err(input(
                    "kind",
                    "an extension is already pending or approved; end it first",
                ));
            }
            if until.is_some_and(|u| u <= at) {
                return Err(input("kind.until", "is not after the command's instant"));
            }
            (
                vec![EventKind::ExtensionRequested {
                    reason: reason.clone(),
                    until: *until,
                }],
                Vec::new(),
            )
        }
        (
            open!(),
            CommandKind::ApproveExtension
            | CommandKind::DenyExtension { .. }
            | CommandKind::EndExtension,
        ) => {
            require_named_role(
                staff,
                ctx.policy
                    .approval
                    .as_ref()
                    .and_then(|a| a.extension.as_ref()),
                action,
            )?;
            match (kind, &case.extension) {
                (CommandKind::ApproveExtension, Some(x)) if !x.approved => (
                    vec![EventKind::ExtensionApproved],
                    vec![ClockEvent::ExtensionApproved],
                ),
                (CommandKind::DenyExtension { reason }, Some(x)) if !x.approved => {
                    non_blank("kind.reason", reason)?;
                    (
                        vec![EventKind::ExtensionDenied {
                            reason: reason.clone(),
                        }],
                        Vec::new(),
                    )
                }
                (CommandKind::EndExtension, Some(x)) if x.approved => (
                    vec![EventKind::ExtensionEnded],
                    vec![ClockEvent::ExtensionEnded],
                ),
                _ => {
                    return Err(input(
                        "kind",
                        "no extension in the state this needs: approve or deny a pending request, end an approved one",
                    ));
                }
            }
        }
        (
            s @ done!(),
            CommandKind::RequestExtension { .. }
            | CommandKind::ApproveExtension
            | CommandKind::DenyExtension { .. }
            | CommandKind::EndExtension,
        ) => {
            return Err(invalid(s, kind, "extensions apply to open cases"));
        }

        (open!(), CommandKind::CloseAbnormally { reason }) => {
            non_blank("kind.reason", reason)?;
            require_named_role(
                staff,
                ctx.policy
                    .approval
                    .as_ref()
                    .and_then(|a| a.abnormal_closure.as_ref()),
                action,
            )?;
            (
                vec![EventKind::Closed {
                    kind: ClosureKind::Abnormal,
                    reason: Some(reason.clone()),
                }],
                vec![ClockEvent::Closed],
            )
        }
        (open!(), CommandKind::CloseUnreachable { notified_at }) => {
            let Some(rule) = &ctx.policy.unreachable_closure else {
                return Err(input(
                    "kind",
                    format!(
                        "policy {} does not allow closing a case because the customer cannot be reached",
                        ctx.policy.id
                    ),
                ));
            };
            if *notified_at > at {
                return Err(input("kind.notified_at", "is after the command's instant"));
            }
            let allowed_from = ctx.calendar.deadline(*notified_at, &rule.after_notice)?.at;
            if at < allowed_from {
                return Err(input(
                    "kind.notified_at",
                    format!(
                        "the policy waits {} after the notice: closing is allowed from {}",
                        rule.after_notice,
                        allowed_from
                            .with_timezone(&ctx.calendar.offset())
                            .to_rfc3339()
                    ),
                ));
            }
            (
                vec![EventKind::Closed {
                    kind: ClosureKind::Unreachable,
                    reason: Some(format!(
                        "customer unreachable since notice at {}",
                        notified_at
                            .with_timezone(&ctx.calendar.offset())
                            .to_rfc3339()
                    )),
                }],
                vec![ClockEvent::Closed],
            )
        }
        (open!(), CommandKind::Withdraw { reason }) => (
            vec![EventKind::Closed {
                kind: ClosureKind::Withdrawn,
                reason: reason.clone(),
            }],
            vec![ClockEvent::Withdrawn, ClockEvent::Closed],
        ),
        (
            s @ done!(),
            CommandKind::CloseAbnormally { .. }
            | CommandKind::CloseUnreachable { .. }
            | CommandKind::Withdraw { .. },
        ) => {
            return Err(invalid(s, kind, "the case is already final"));
        }

        (open!(), CommandKind::MergeRepeat { repeat, new_facts }) => {
            if *repeat == case.id || case.repeats.contains(repeat) {
                return Err(input(
                    "kind.repeat",
                    format!("{:?} is this case or already merged", repeat.as_str()),
                ));
            }
            let t = if *new_facts {
                vec![ClockEvent::RepeatMerged]
            } else {
                Vec::new()
            };
            (
                vec![EventKind::RepeatMerged {
                    repeat: repeat.clone(),
                    new_facts: *new_facts,
                }],
                t,
            )
        }
        (s @ done!(), CommandKind::MergeRepeat { .. }) => {
            return Err(invalid(
                s,
                kind,
                "merge a repeat complaint into an open case",
            ));
        }

        (open!() | done!(), CommandKind::AddNote { text, attachments }) => {
            non_blank("kind.text", text)?;
            (
                vec![EventKind::NoteAdded {
                    text: text.clone(),
                    attachments: attachments.clone(),
                }],
                Vec::new(),
            )
        }
        (s @ done!(), CommandKind::MigratePolicy { .. }) => {
            return Err(invalid(
                s,
                kind,
                "a closed case accepts only notes; it stays judged by the version it was closed under",
            ));
        }
        (
            open!(),
            CommandKind::MigratePolicy {
                policy_id,
                version,
                reason,
            },
        ) => {
            non_blank("kind.reason", reason)?;
            if *policy_id == case.policy_id && *version == case.policy_version {
                return Err(input(
                    "kind.version",
                    "the case is already judged by this policy version",
                ));
            }
            (
                vec![EventKind::PolicyMigrated {
                    policy_id: policy_id.clone(),
                    version: version.clone(),
                    reason: reason.clone(),
                }],
                Vec::new(),
            )
        }
    };

    let mut kinds = kinds;
    if !triggers.is_empty() {
        let clock_events =
            clocks::effects(&ClockCase::of(case).after(&kinds, at), &triggers, at, ctx)?;
        kinds.extend(clock_events);
    }
    Ok(stamp(
        &case.id,
        case.version,
        at,
        Some(actor),
        Some(command),
        kinds,
    ))
}

/// The events time alone causes at `ctx.now`: an approved extension reaching
/// its `until`, warnings at the milestones' thresholds, breaches (once per
/// milestone per round) and the escalations breaches trigger.
pub fn tick(case: &Case, ctx: &Ctx<'_>) -> Result<Vec<Event>, Rejection> {
    if !case.status.is_open() {
        return Ok(Vec::new());
    }
    let now = ctx.now;
    let Some(until) = case
        .extension
        .as_ref()
        .filter(|x| x.approved)
        .and_then(|x| x.until)
        .filter(|until| *until <= now)
    else {
        let due = clocks::due(&ClockCase::of(case), now, ctx)?;
        return Ok(stamp(&case.id, case.version, now, None, None, due));
    };
    // Resume from `until` (never before the last event), so no time is lost.
    let at = until.max(case.updated_at);
    let mut kinds = vec![EventKind::ExtensionEnded];
    let clock_events = clocks::effects(
        &ClockCase::of(case).after(&kinds, at),
        &[ClockEvent::ExtensionEnded],
        at,
        ctx,
    )?;
    kinds.extend(clock_events);
    // What is due at `now` on the case those events leave.
    let due = clocks::due(&ClockCase::of(case).after(&kinds, at), now, ctx)?;
    let ended = u64::try_from(kinds.len()).unwrap_or(u64::MAX);
    let mut events = stamp(&case.id, case.version, at, None, None, kinds);
    events.extend(stamp(
        &case.id,
        case.version.saturating_add(ended),
        now,
        None,
        None,
        due,
    ));
    Ok(events)
}

/// Every open clock of the current round with its deadline, elapsed and
/// remaining time, whether paused, and the rule and calendar data behind it.
pub fn deadlines(case: &Case, ctx: &Ctx<'_>) -> Result<Vec<clocks::DeadlineView>, Rejection> {
    case.open_clocks()
        .map(|c| clocks::view(case, c, ctx))
        .collect()
}

/// Whether `actor` may see the case: anyone on the roster for an ordinary
/// case; for a confidential one, the staff involved (first responder,
/// assignee, anyone who acted) and roles the policy grants `view_confidential`.
pub fn can_view(actor: &StaffId, case: &Case, ctx: &Ctx<'_>) -> bool {
    let Some(staff) = ctx.roster.staff(actor) else {
        return false;
    };
    if !case.complaint.flags.confidential {
        return true;
    }
    let involved = case.participants.contains(actor)
        || case.complaint.first_responder.as_ref() == Some(actor)
        || case.assignment.as_ref().and_then(|a| a.handler.as_ref()) == Some(actor);
    involved
        || staff
            .roles
            .iter()
            .any(|r| ctx.policy.role_may(r, Action::ViewConfidential))
}
