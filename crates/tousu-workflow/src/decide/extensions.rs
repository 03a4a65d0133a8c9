//! Extensions of time: a deadline agreed with the customer (约定回复时限),
//! and extension requests (延期), approved, denied or ended.

use chrono::{DateTime, Utc};
use tousu_policy::{Action, ClockEvent, MilestoneId};

use super::Decision;
use super::outcome::{Effects, input, non_blank};
use crate::Rejection;
use crate::authority::{check_not_own, require_named_role};
use crate::clocks;
use crate::event::EventKind;

/// A deadline agreed with the customer: its own clock, one per round
/// unless the policy lets a later agreement replace the running one
/// (`[agreed_deadline] later_replaces`, ruling 110).
pub(super) fn set_agreed_deadline(
    d: &Decision<'_, '_>,
    deadline: DateTime<Utc>,
) -> Result<Effects, Rejection> {
    let (case, at) = (d.case, d.at());
    if deadline <= at {
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
    let replaces = d.ctx.policy.agreed_deadline.later_replaces;
    let agreed = MilestoneId::new(clocks::AGREED_DEADLINE).ok();
    if !replaces
        && agreed
            .as_ref()
            .is_some_and(|id| case.clock(id, case.round).is_some())
    {
        return Err(input(
            "kind.deadline",
            "a deadline was already agreed in this round, and the policy does not let a later agreement replace it ([agreed_deadline] later_replaces); record a note and escalate or reopen instead",
        ));
    }
    let started = clocks::agreed_clock(case.round, &level, deadline, at)?;
    let triggers = smallvec::smallvec![ClockEvent::AgreedDeadlineSet];
    if !replaces {
        return Ok(Effects {
            events: smallvec::smallvec![EventKind::AgreedDeadlineSet { deadline }, started],
            triggers,
            then: None,
        });
    }
    // The agreement stops the running date first (met if it has not
    // lapsed: the contact that agrees the next time is the reply it
    // promised), then the new date runs in its place.
    Ok(Effects {
        events: smallvec::smallvec![EventKind::AgreedDeadlineSet { deadline }],
        triggers,
        then: Some(Box::new(Effects {
            events: smallvec::smallvec![started],
            triggers: smallvec::SmallVec::new(),
            then: None,
        })),
    })
}

/// An extension requested, with a reason and optionally an end.
pub(super) fn request(
    d: &Decision<'_, '_>,
    reason: &str,
    until: Option<DateTime<Utc>>,
) -> Result<Effects, Rejection> {
    non_blank("kind.reason", reason)?;
    if d.case.extension.is_some() {
        return Err(input(
            "kind",
            "an extension is already pending or approved; end it first",
        ));
    }
    if until.is_some_and(|u| u <= d.at()) {
        return Err(input("kind.until", "is not after the command's instant"));
    }
    Effects::one(
        EventKind::ExtensionRequested {
            reason: reason.to_owned(),
            until,
        },
        &[],
    )
}

/// Deciding on an extension needs the role the policy names for it, if any,
/// and an extension pending (`approved == false`) or approved (`true`).
fn decider_on(d: &Decision<'_, '_>, approved: bool) -> Result<(), Rejection> {
    require_named_role(
        d.staff,
        |a| a.extension.as_ref(),
        d.command.kind.action(),
        d.ctx,
    )?;
    match &d.case.extension {
        Some(x) if x.approved == approved => Ok(()),
        _ => Err(input(
            "kind",
            "no extension in the state this needs: approve or deny a pending request, end an approved one",
        )),
    }
}

/// A pending extension approved: the clocks the policy names pause.
pub(super) fn approve(d: &Decision<'_, '_>) -> Result<Effects, Rejection> {
    decider_on(d, false)?;
    check_not_own(
        d.staff,
        d.case
            .extension
            .as_ref()
            .and_then(|x| x.requested_by.as_ref()),
        Action::ApproveExtension,
        d.ctx,
    )?;
    Effects::one(
        EventKind::ExtensionApproved,
        &[ClockEvent::ExtensionApproved],
    )
}

/// A pending extension denied, with a reason.
pub(super) fn deny(d: &Decision<'_, '_>, reason: &str) -> Result<Effects, Rejection> {
    decider_on(d, false)?;
    non_blank("kind.reason", reason)?;
    Effects::one(
        EventKind::ExtensionDenied {
            reason: reason.to_owned(),
        },
        &[],
    )
}

/// An approved extension ended: the paused clocks resume.
pub(super) fn end(d: &Decision<'_, '_>) -> Result<Effects, Rejection> {
    decider_on(d, true)?;
    Effects::one(EventKind::ExtensionEnded, &[ClockEvent::ExtensionEnded])
}
