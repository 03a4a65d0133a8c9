//! Intake: registration, acceptance (受理), classification (定级) and
//! merging repeat complaints.

use crate::case::Participants;

use tousu_model::{CaseId, LevelId};
use tousu_policy::{Acceptance, Action, ClockEvent, EvalInput};

use super::Decision;
use super::outcome::{Effects, input, non_blank, unsupported};
use crate::authority::{granted, permitted, registration_granted};
use crate::clocks::{self, ClockCase};
use crate::command::{Command, CommandKind, Details};
use crate::event::{Event, EventKind, stamp};
use crate::{Ctx, Rejection};

/// The events a registration's vector has room for: the registration, the
/// classification and the clocks they start (two in the default policy,
/// the acceptance and first-response clocks; a few in others).
const REGISTRATION_ROOM: usize = 6;

/// Decides a registration: the first events of a new case.
///
/// The complaint is validated, classified by the policy's rules, and the
/// clocks that start on `registered` and `classified` start. Registration
/// is the one command without a case, so it has its own function;
/// [`decide`](crate::decide) refuses it. It is decided at the command's
/// instant, `command.at`.
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
    let staff = permitted(ctx, &command.actor, Action::Register)?;
    let digest = crate::inputs::check(command)?;
    if command.occurred_at.is_some() {
        return Err(input(
            "occurred_at",
            "a registration is never a late entry: the complaint's received_at says when it arrived",
        ));
    }
    if command.at < complaint.received_at {
        return Err(Rejection::BackDated {
            at: command.at,
            last: complaint.received_at,
            what: "the complaint's receipt",
        });
    }
    check_complaint(complaint, ctx)?;
    // A policy that keeps every complainant confidential registers the
    // complaint so, whatever the registration said.
    let kept;
    let complaint: &tousu_model::Complaint = if ctx
        .policy
        .registration
        .as_ref()
        .is_some_and(|r| r.confidential)
        && !complaint.flags.confidential
    {
        let mut c = (**complaint).clone();
        c.flags.confidential = true;
        kept = c;
        &kept
    } else {
        complaint
    };
    let at = command.at;
    let eval = EvalInput::new(complaint, at).with_repeat_count(*repeat_count);
    let level = ctx.policy.classify(&eval);
    registration_granted(ctx, staff, eval, &level.outcome)?;
    // Room for the clocks the registration starts too: built as the two
    // events alone, the vector was reallocated and copied to take them
    // (docs/performance-history.md, "Seventeenth pass: commands").
    let mut kinds = Vec::with_capacity(REGISTRATION_ROOM);
    kinds.push(EventKind::Registered {
        number: number.clone().map(Box::new),
        complaint: std::sync::Arc::new(complaint.clone()),
        policy_id: ctx.policy.id.clone(),
        policy_version: ctx.policy.version.clone(),
        repeat_count: *repeat_count,
    });
    kinds.push(EventKind::Classified {
        level: level.outcome,
        rule: level.rule_id,
        manual_reason: None,
    });
    // The clocks see the case the registration creates, then classified.
    let participants = Participants::from_iter([command.actor.clone()]);
    let clock_events = {
        let after = ClockCase::registered(complaint, *repeat_count, &participants)
            .by(staff)
            .after(kinds.get(1..).unwrap_or_default(), at);
        clocks::effects(
            &after,
            &[ClockEvent::Registered, ClockEvent::Classified],
            at,
            ctx,
        )?
    };
    kinds.extend(clock_events);
    // A level that escalates by itself does so once classified (ruling 38);
    // the clocks see the escalation after the classification's own effects.
    let steps = clocks::level_reached(
        &ClockCase::registered(complaint, *repeat_count, &participants)
            .after(kinds.get(1..).unwrap_or_default(), at),
        ctx,
    );
    if !steps.is_empty() {
        let reacted = clocks::effects(
            &ClockCase::registered(complaint, *repeat_count, &participants)
                .by(staff)
                .after(kinds.get(1..).unwrap_or_default(), at)
                .after(&steps, at),
            &[ClockEvent::Escalated],
            at,
            ctx,
        )?;
        kinds.extend(steps);
        kinds.extend(reacted);
    }
    Ok(stamp(
        case_id,
        0,
        at,
        Some(&command.actor),
        Some((command, digest)),
        kinds,
    ))
}

/// What a complaint must be to be registered under the policy: valid as a
/// complaint, giving the fields the policy requires (ruling 41), in a
/// category of the policy, with a first responder on the roster.
fn check_complaint(complaint: &tousu_model::Complaint, ctx: &Ctx<'_>) -> Result<(), Rejection> {
    if let Err(tousu_model::ModelError::Invalid { problems }) = complaint.validate() {
        let p = problems
            .first()
            .map(|p| (p.path.clone(), p.message.clone()))
            .unwrap_or_default();
        return Err(input(&format!("kind.complaint.{}", p.0), p.1));
    } else if let Err(e) = complaint.validate() {
        return Err(input("kind.complaint", e.to_string()));
    }
    // The fields the policy requires of a complaint at registration (ruling 41).
    if let Some((i, field)) = ctx
        .policy
        .registration
        .as_ref()
        .and_then(|r| r.first_missing(complaint))
    {
        return Err(input(
            &format!("kind.complaint.{}", field.path()),
            format!(
                "is missing; policy {} requires {field} at registration (registration.required[{i}])",
                ctx.policy.id
            ),
        ));
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
    Ok(())
}

/// 受理: as the acceptance rules decide, or against them with a reason.
pub(super) fn accept(
    d: &Decision<'_, '_>,
    override_reason: &Option<String>,
) -> Result<Effects, Rejection> {
    let decided = d.ctx.policy.acceptance(&d.eval());
    let accepted = |reason: Option<String>| {
        Effects::one(
            EventKind::Accepted {
                rule: decided.rule_id.clone(),
                override_reason: reason,
            },
            &[ClockEvent::Accepted],
        )
    };
    match (&decided.outcome, override_reason) {
        (Acceptance::Accept, _) => accepted(override_reason.clone()),
        (Acceptance::NotAccepted { reason_zh, .. }, None) => Err(Rejection::PolicyDecides {
            table: "acceptance",
            decision: format!("not accepted: {reason_zh}"),
            by: decided
                .rule_id
                .as_ref()
                .map_or_else(|| "the default".to_owned(), |r| format!("rule {r}")),
            hint: "give override_reason (needs the override_acceptance permission) or use not_accept",
            rule: decided.rule_id.clone(),
        }),
        (Acceptance::NotAccepted { .. }, Some(reason)) => {
            non_blank("kind.override_reason", reason)?;
            accepted(Some(reason.clone()))
        }
        (other, _) => Err(unsupported(other)),
    }
}

/// 不予受理: as the acceptance rules decide (their reason first), or against
/// them with the `override_acceptance` permission.
pub(super) fn not_accept(
    d: &Decision<'_, '_>,
    reason_zh: &str,
    advice_zh: &Option<String>,
) -> Result<Effects, Rejection> {
    non_blank("kind.reason_zh", reason_zh)?;
    let decided = d.ctx.policy.acceptance(&d.eval());
    let event = match decided.outcome {
        Acceptance::NotAccepted {
            reason_zh: rule_reason,
            advice_zh: rule_advice,
        } => EventKind::NotAccepted {
            rule: decided.rule_id,
            reason_zh: if reason_zh.trim() == rule_reason.trim() {
                rule_reason
            } else {
                format!("{rule_reason}；{reason_zh}")
            },
            advice_zh: Some(advice_zh.as_deref().unwrap_or(&rule_advice).into()),
            overridden: false,
        },
        Acceptance::Accept => {
            granted(d.ctx, d.staff, d.case, Action::OverrideAcceptance, d.at())?;
            EventKind::NotAccepted {
                rule: None,
                reason_zh: reason_zh.to_owned(),
                advice_zh: advice_zh.as_deref().map(Box::from),
                overridden: true,
            }
        }
        other => return Err(unsupported(&other)),
    };
    Effects::one(event, &[ClockEvent::NotAccepted, ClockEvent::Closed])
}

/// 定级: by the classification rules, or by hand with a reason; a raised
/// level tightens the running clocks.
pub(super) fn classify(
    d: &Decision<'_, '_>,
    level: &Option<LevelId>,
    reason: &Option<String>,
) -> Result<Effects, Rejection> {
    let policy = d.ctx.policy;
    let (new, rule, manual_reason) = match level {
        None => {
            let decided = policy.classify(&d.eval());
            (decided.outcome, decided.rule_id, None)
        }
        Some(l) => {
            if policy.level(l).is_none() {
                return Err(Rejection::UnknownLevel {
                    level: l.clone(),
                    known: policy.levels.iter().map(|x| x.id.to_string()).collect(),
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
    let mut events = vec![EventKind::Classified {
        level: new.clone(),
        rule,
        manual_reason,
    }];
    events.extend(clocks::retarget(
        &ClockCase::of(d.case),
        d.case.level.as_ref(),
        &new,
        d.at(),
        d.ctx,
    )?);
    // Reaching a level that escalates by itself takes its steps (ruling 38),
    // after the classification's own clock effects, as at registration: a
    // clock started on `classified` may stop on its level's step.
    let steps = clocks::level_reached(&ClockCase::of(d.case).after(&events, d.at()), d.ctx);
    let then = (!steps.is_empty()).then(|| {
        Box::new(Effects {
            events: steps.into(),
            triggers: smallvec::smallvec![ClockEvent::Escalated],
            then: None,
        })
    });
    Ok(Effects {
        events: events.into(),
        triggers: smallvec::smallvec![ClockEvent::Classified],
        then,
    })
}

/// A repeat complaint merged in; one with new facts restarts what the
/// policy says new facts restart.
pub(super) fn merge_repeat(
    d: &Decision<'_, '_>,
    repeat: &CaseId,
    new_facts: bool,
) -> Result<Effects, Rejection> {
    if *repeat == d.case.id || d.case.repeats.contains(repeat) {
        return Err(input(
            "kind.repeat",
            format!("{:?} is this case or already merged", repeat.as_str()),
        ));
    }
    let triggers: &[ClockEvent] = if new_facts {
        &[ClockEvent::RepeatMerged]
    } else {
        &[]
    };
    Effects::one(
        EventKind::RepeatMerged {
            repeat: repeat.clone(),
            new_facts,
        },
        triggers,
    )
}

/// Completes the complainant's details after registration (ruling 66):
/// each field given must say something, and together they must change the
/// complaint, so the record never holds a completion that completes nothing.
pub(super) fn complete_details(
    d: &Decision<'_, '_>,
    details: &Details,
) -> Result<Effects, Rejection> {
    let mut given = details.given().peekable();
    if given.peek().is_none() && details.respondents.is_empty() {
        return Err(input(
            "kind.details",
            "gives no field; give at least one of name, contact (phone, email, address, other), subject, location, respondents",
        ));
    }
    for (path, text) in given {
        if text.trim().is_empty() {
            return Err(input(
                &format!("kind.details.{path}"),
                "is blank; give the text, or leave the field out to keep what the complaint says",
            ));
        }
    }
    if details.already_in(&d.case.complaint) {
        return Err(input(
            "kind.details",
            "changes nothing: the complaint already says all of it; give what is new or corrected",
        ));
    }
    // A respondent is checked as the complaint checks its own: one that
    // names nobody is refused.
    let mut after = (*d.case.complaint).clone();
    details.apply_to(&mut after);
    if let Err(tousu_model::ModelError::Invalid { problems }) = after.validate()
        && let Some(p) = problems.iter().find(|p| p.path.starts_with("respondents"))
    {
        return Err(input(
            "kind.details.respondents",
            format!("{}: {}", p.path, p.message),
        ));
    }
    Effects::one(
        EventKind::DetailsCompleted {
            details: Box::new(details.clone()),
        },
        &[],
    )
}
