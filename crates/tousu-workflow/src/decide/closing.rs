//! Closing: the callback (回访) and what it leads to — closure, a new round,
//! or escalation or unsatisfied closure once the rounds are used up — and
//! the other ways a case ends (abnormal, unreachable customer, withdrawn).

use chrono::{DateTime, Utc};
use tousu_model::Satisfaction;
use tousu_policy::{
    ClockEvent, ClosureCallback, EscalationId, EscalationStep, EscalationTrigger, RoundsAllowed,
    WhenRoundsExhausted,
};

use super::Decision;
use super::outcome::{Effects, input, invalid, non_blank};
use crate::Rejection;
use crate::authority::require_named_role;
use crate::clocks::{self, ClockCase};
use crate::event::{ClosureKind, EscalationCause, EventKind};

/// Whether the level's rounds (对应次数) are used up and the case was not
/// escalated *because they were* in this round (that escalation hands the
/// case on for one more round). A manual or late-clock escalation in the
/// round does not postpone the `rounds_exhausted` steps.
fn rounds_used_up(d: &Decision<'_, '_>) -> bool {
    let case = d.case;
    let exhausted = case
        .level
        .as_ref()
        .is_some_and(|l| d.ctx.policy.rounds_allowed(l).exhausted_by(case.round));
    let on_exhaustion = |step: &EscalationId| {
        d.ctx
            .policy
            .escalation
            .iter()
            .any(|s| &s.id == step && s.after == EscalationTrigger::RoundsExhausted)
    };
    let escalated_this_round = case
        .escalations
        .iter()
        .any(|e| e.round == case.round && e.step.as_ref().is_some_and(on_exhaustion));
    exhausted && !escalated_this_round
}

/// The rounds the policy allows the case's level; for unlimited rounds
/// (never used up) the round held, which is all there is.
fn rounds_allowed(d: &Decision<'_, '_>) -> u32 {
    let case = d.case;
    match case.level.as_ref().map(|l| d.ctx.policy.rounds_allowed(l)) {
        Some(RoundsAllowed::Limited(n)) => n,
        _ => case.round,
    }
}

/// The `rounds_exhausted` steps for the case's level not yet taken.
fn fresh_steps<'p>(d: &Decision<'_, 'p>) -> Vec<&'p EscalationStep> {
    let case = d.case;
    let policy = d.ctx.policy;
    let Some(level) = case.level.as_ref() else {
        return Vec::new();
    };
    let category = case.complaint.category.as_ref();
    policy
        .escalation
        .iter()
        .filter(|s| {
            s.after == EscalationTrigger::RoundsExhausted
                && s.applies_to(level)
                && policy.step_covers(s, category)
        })
        .filter(|s| {
            !case
                .escalations
                .iter()
                .any(|e| e.step.as_ref() == Some(&s.id))
        })
        .collect()
}

/// The `unsatisfied_round` steps an unsatisfied callback in this round takes
/// (ruling 39): those waiting for this round, for the case's level and
/// category, not taken yet, in file order; then, when a deadline was told
/// in this round, the `unsatisfied_after_deadline` steps (ruling 59).
fn round_steps(d: &Decision<'_, '_>) -> Result<Vec<EventKind>, Rejection> {
    let case = d.case;
    let Some(level) = case.level.as_ref() else {
        return Ok(Vec::new());
    };
    let by_round = EscalationTrigger::UnsatisfiedRound(case.round);
    let after_deadline = EscalationTrigger::UnsatisfiedAfterDeadline;
    let told = case
        .clocks
        .iter()
        .any(|c| c.round == case.round && c.milestone.as_str() == clocks::AGREED_DEADLINE);
    let category = case.complaint.category.as_ref();
    let policy = d.ctx.policy;
    let steps = policy.escalation_steps(&by_round, level, category).chain(
        policy
            .escalation_steps(&after_deadline, level, category)
            .filter(move |_| told),
    );
    let mut out = Vec::new();
    for s in steps {
        if case
            .escalations
            .iter()
            .any(|e| e.step.as_ref() == Some(&s.id))
        {
            continue;
        }
        let cause = EscalationCause::UnsatisfiedRound { round: case.round };
        out.extend(clocks::escalate(
            &ClockCase::of(case),
            s,
            cause,
            d.at(),
            d.ctx,
        )?);
    }
    Ok(out)
}

/// Whether the policy handles until the customer is satisfied and no
/// `rounds_exhausted` step is left: the case then goes on, round after
/// round, instead of closing unsatisfied.
fn keeps_handling(d: &Decision<'_, '_>) -> bool {
    d.ctx.policy.rounds.when_exhausted == WhenRoundsExhausted::UntilSatisfied
        && fresh_steps(d).is_empty()
}

/// Why a case closes unsatisfied: the rounds the policy allows, and the
/// round it stopped in when an escalation added one.
fn unsatisfied_reason(d: &Decision<'_, '_>) -> String {
    let case = d.case;
    let allowed = rounds_allowed(d);
    if case.round > allowed {
        format!(
            "rounds allowed ({allowed}) used up, and round {} after the escalation; customer still unsatisfied",
            case.round
        )
    } else {
        format!("rounds allowed ({allowed}) used up; customer still unsatisfied")
    }
}

/// The callback's answer; an unsatisfied one after the last round escalates
/// along the `rounds_exhausted` steps or closes unsatisfied, as the policy
/// says.
pub(super) fn record_callback(
    d: &Decision<'_, '_>,
    satisfaction: Satisfaction,
    note: &Option<String>,
) -> Result<Effects, Rejection> {
    super::signing::require_signed(d, tousu_policy::SignedRecord::ResultReport)?;
    let case = d.case;
    let mut events = vec![EventKind::CallbackRecorded {
        satisfaction,
        note: note.clone(),
    }];
    let mut triggers: super::outcome::Triggers = smallvec::smallvec![ClockEvent::CallbackRecorded];
    if !satisfaction.is_satisfied() {
        let rung = round_steps(d)?;
        if !rung.is_empty() {
            events.extend(rung);
            triggers.push(ClockEvent::Escalated);
        }
    }
    if satisfaction.is_satisfied() || !rounds_used_up(d) {
        return Ok(Effects {
            events: events.into(),
            triggers,
            then: None,
        });
    }
    let fresh = fresh_steps(d);
    match (d.ctx.policy.rounds.when_exhausted, fresh.is_empty()) {
        (when, false) if when.escalates() => {
            for s in fresh {
                events.extend(clocks::escalate(
                    &ClockCase::of(case),
                    s,
                    EscalationCause::RoundsExhausted,
                    d.at(),
                    d.ctx,
                )?);
            }
            triggers.push(ClockEvent::Escalated);
        }
        // 「直至客户满意为止」: the callback stands and the case waits for
        // another round (reopen), an abnormal closure or a withdrawal.
        (WhenRoundsExhausted::UntilSatisfied, true) => {}
        _ => {
            events.push(EventKind::Closed {
                kind: ClosureKind::Unsatisfied,
                reason: Some(unsatisfied_reason(d)),
                advice_zh: d.ctx.policy.rounds.advice_zh.clone(),
            });
            triggers.push(ClockEvent::Closed);
        }
    }
    Ok(Effects {
        events: events.into(),
        triggers,
        then: None,
    })
}

/// Whether the case was ever handed on (`assign` or `transfer`): it has an
/// assignment, or a hand-over is on record (`closure.needs_callback_when_handed`,
/// ruling 155).
fn handed_on(case: &crate::Case) -> bool {
    case.assignment.is_some() || case.handed_over_by.is_some()
}

/// 结案 after a satisfied callback — or on the reply where the policy owes
/// none of the case (`closure.callback = "none"`, rulings 92 and 120), or
/// after a callback of any answer where it owes that (`"any"`, ruling 169) —
/// once the clocks the policy's closure awaits have stopped (ruling 91) and
/// the round's report it awaits is made (`closure.awaits_report`, ruling
/// 126).
pub(super) fn close(d: &Decision<'_, '_>) -> Result<Effects, Rejection> {
    let kind = &d.command.kind;
    super::signing::require_signed(d, tousu_policy::SignedRecord::Callback)?;
    let policy = d.ctx.policy;
    let input = clocks::eval_input(d.case, d.at());
    let owed =
        policy
            .closure
            .callback_for(policy, &input, d.case.level.as_ref(), handed_on(d.case));
    let closure = match (d.case.callback, owed) {
        (Some(s), _) if s.is_satisfied() => ClosureKind::Satisfied,
        // A record of any answer (ruling 169): the customer stays
        // unsatisfied, and the case closes so.
        (Some(_), ClosureCallback::Any) => ClosureKind::Unsatisfied,
        (Some(_), _) => {
            return Err(invalid(
                d.case.status,
                kind,
                "the customer is unsatisfied: reopen for a new round, escalate, or close abnormally",
            ));
        }
        (None, ClosureCallback::None) => ClosureKind::OnReply,
        (None, ClosureCallback::Satisfied) => {
            return Err(invalid(
                d.case.status,
                kind,
                "record a satisfied callback (回访) before closing",
            ));
        }
        (None, ClosureCallback::Any) => {
            return Err(invalid(
                d.case.status,
                kind,
                "record the callback (回访, the record of the reply; any answer) before closing",
            ));
        }
    };
    awaited_clocks_stopped(d)?;
    if !d.case.result_reported
        && policy
            .closure
            .awaits_report
            .as_ref()
            .is_some_and(|a| a.owed_by(policy, &input))
    {
        return Err(Rejection::ClosureAwaitsReport {
            policy: policy.id.to_string(),
            rule: "closure.awaits_report".to_owned(),
        });
    }
    Effects::one(
        EventKind::Closed {
            kind: closure,
            reason: None,
            advice_zh: None,
        },
        &[ClockEvent::Closed],
    )
}

/// Refuses the closure while a clock the policy's closure awaits
/// (`closure.awaits`, ruling 91) is open: it started and its own stop
/// events have not stopped it. A clock that never started is not waited
/// for.
fn awaited_clocks_stopped(d: &Decision<'_, '_>) -> Result<(), Rejection> {
    let policy = d.ctx.policy;
    for (i, id) in policy.closure.awaits.iter().enumerate() {
        if !d
            .case
            .clocks
            .iter()
            .any(|c| &c.milestone == id && c.is_open())
        {
            continue;
        }
        let stop = policy
            .milestone(id)
            .map(|m| m.own_stop_events().collect())
            .unwrap_or_default();
        return Err(Rejection::ClosureAwaitsClock {
            milestone: id.clone(),
            stop,
            policy: policy.id.to_string(),
            rule: format!("closure.awaits[{i}]"),
        });
    }
    Ok(())
}

/// A new round after an unsatisfied callback, while rounds are left.
pub(super) fn reopen(d: &Decision<'_, '_>, reason: &str) -> Result<Effects, Rejection> {
    non_blank("kind.reason", reason)?;
    let case = d.case;
    if case.callback.is_none_or(|s| s.is_satisfied()) {
        return Err(invalid(
            case.status,
            &d.command.kind,
            "reopen after an unsatisfied callback",
        ));
    }
    if rounds_used_up(d) && !keeps_handling(d) {
        return Err(input(
            "kind",
            format!(
                "the rounds allowed for this level ({}) are used up; escalate first",
                rounds_allowed(d)
            ),
        ));
    }
    Effects::one(
        EventKind::Reopened {
            round: case.round.saturating_add(1),
            reason: reason.to_owned(),
        },
        &[ClockEvent::Reopened],
    )
}

/// 异常结案, by the role the policy names for it, if any.
pub(super) fn close_abnormally(d: &Decision<'_, '_>, reason: &str) -> Result<Effects, Rejection> {
    non_blank("kind.reason", reason)?;
    require_named_role(
        d.staff,
        |a| a.abnormal_closure.as_ref(),
        d.command.kind.action(),
        d.ctx,
    )?;
    Effects::one(
        EventKind::Closed {
            kind: ClosureKind::Abnormal,
            reason: Some(reason.to_owned()),
            advice_zh: None,
        },
        &[ClockEvent::Closed],
    )
}

/// Closed because the customer cannot be reached, once the policy's wait
/// after the notice has passed.
pub(super) fn close_unreachable(
    d: &Decision<'_, '_>,
    notified_at: DateTime<Utc>,
) -> Result<Effects, Rejection> {
    let (ctx, at) = (d.ctx, d.at());
    let Some(rule) = &ctx.policy.unreachable_closure else {
        return Err(input(
            "kind",
            format!(
                "policy {} does not allow closing a case because the customer cannot be reached",
                ctx.policy.id
            ),
        ));
    };
    if notified_at > at {
        return Err(input("kind.notified_at", "is after the command's instant"));
    }
    let offset = ctx.calendar.offset();
    let allowed_from = ctx.calendar.deadline(notified_at, &rule.after_notice)?.at;
    if at < allowed_from {
        return Err(input(
            "kind.notified_at",
            format!(
                "the policy waits {} after the notice: closing is allowed from {}",
                rule.after_notice,
                allowed_from.with_timezone(&offset).to_rfc3339()
            ),
        ));
    }
    Effects::one(
        EventKind::Closed {
            kind: ClosureKind::Unreachable,
            reason: Some(format!(
                "customer unreachable since notice at {}",
                notified_at.with_timezone(&offset).to_rfc3339()
            )),
            advice_zh: None,
        },
        &[ClockEvent::Closed],
    )
}

/// The complainant withdraws (撤诉).
pub(super) fn withdraw(reason: &Option<String>) -> Result<Effects, Rejection> {
    Effects::one(
        EventKind::Closed {
            kind: ClosureKind::Withdrawn,
            reason: reason.clone(),
            advice_zh: None,
        },
        &[ClockEvent::Withdrawn, ClockEvent::Closed],
    )
}
