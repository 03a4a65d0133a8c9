//! The month's penalty facts from the cases: the mapping from what the
//! workflow recorded to what [`tousu_penalty`] fines.

use chrono::{DateTime, Datelike, FixedOffset, Utc};
use rust_decimal::Decimal;
use tousu_model::{FaultParty, RemedyKind, RoleId, Validity};
use tousu_penalty::{
    Breach, ComplaintAgainst, Loss, Month, PenaltyFacts, Responsible, UnownedBreach,
};
use tousu_policy::MilestoneOwner;
use tousu_workflow::{Case, Event, EventKind};

use crate::ReportError;

/// One case as [`penalty_facts`] reads it: the case, the events it was
/// built from, and the UTC offset of the policy that judges it (months are
/// local months of that policy).
#[derive(Clone, Copy, Debug)]
pub struct CaseRecord<'a> {
    /// The case, replayed from `events`.
    pub case: &'a Case,
    /// Its events.
    pub events: &'a [Event],
    /// Its policy's UTC offset.
    pub offset: FixedOffset,
}

/// The month's workflow facts, from each case as recorded:
///
/// - every breach whose instant falls in the month (the case's policy
///   offset) → an overtime fine for the milestone's owner then, or, when
///   the owner resolved to nobody, an [`UnownedBreach`] that says why (a
///   breach is never dropped);
/// - every case closed in the month whose findings were valid and at our
///   fault, with an approved amount of compensation, refund or price
///   allowance → a loss, borne by the findings' responsibility shares, or
///   the lead department when no share was recorded;
/// - every valid complaint closed in the month against a staff
///   respondent → a complaint against that person (for count ladders).
///
/// Violations and sanctions are not workflow facts: add them to the
/// returned value before computing statements.
pub fn penalty_facts<'a>(
    period: Month,
    cases: impl IntoIterator<Item = CaseRecord<'a>>,
) -> Result<PenaltyFacts, ReportError> {
    let mut facts = PenaltyFacts::new(period);
    for record in cases {
        let in_month = |at: DateTime<Utc>| {
            let d = at.with_timezone(&record.offset);
            d.year() == period.year() && d.month() == period.month()
        };
        breaches(&mut facts, record, in_month);
        let case = record.case;
        if !case.closure.as_ref().is_some_and(|c| in_month(c.at)) {
            continue;
        }
        let Some(findings) = case.findings.as_ref() else {
            continue;
        };
        if findings.validity != Validity::Valid {
            continue;
        }
        for r in &case.complaint.respondents {
            if let Some(staff) = &r.staff {
                facts.complaints.push(ComplaintAgainst {
                    staff: staff.clone(),
                    case: case.id.clone(),
                });
            }
        }
        if findings.fault == Some(FaultParty::Us)
            && let Some(loss) = loss(case)?
        {
            facts.losses.push(loss);
        }
    }
    Ok(facts)
}

/// The case's standing breaches in the month (a breach a recalculation
/// withdrew is not fined): charged to their owner, or listed as unowned.
fn breaches(
    facts: &mut PenaltyFacts,
    record: CaseRecord<'_>,
    in_month: impl Fn(DateTime<Utc>) -> bool,
) {
    for e in tousu_workflow::standing_breaches(record.events) {
        let EventKind::MilestoneBreached {
            milestone,
            round,
            level,
            owner,
            owner_role,
            owners_tried,
            ..
        } = &e.kind
        else {
            continue;
        };
        if !in_month(e.at) {
            continue;
        }
        let case = record.case.id.clone();
        match owner {
            Some(owner) => facts.breaches.push(Breach {
                case,
                milestone: milestone.clone(),
                round: *round,
                level: level.clone(),
                owner: owner.clone(),
                at: e.at,
            }),
            None => facts.unowned.push(UnownedBreach {
                case,
                milestone: milestone.clone(),
                round: *round,
                level: level.clone(),
                at: e.at,
                reason: unowned_reason(owner_role.as_ref(), owners_tried),
            }),
        }
    }
}

/// Why a breach event names no owner, for the reader of the statements:
/// each owner tried, in order, and why it named nobody; events recorded
/// before they listed the owners tried say what they can from the role.
fn unowned_reason(role: Option<&RoleId>, tried: &[MilestoneOwner]) -> String {
    if !tried.is_empty() {
        let each: Vec<String> = tried
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let rank = if i == 0 {
                    "the owner"
                } else {
                    "fallback owner"
                };
                match o {
                    MilestoneOwner::Role(r) => format!(
                        "role {r}, {rank}: nobody who holds it received the case or acted on it"
                    ),
                    MilestoneOwner::RoleHoldingCase(tousu_policy::HeldRole { role: r, .. }) => format!(
                        "role {r} holding the case, {rank}: nobody who holds it in the department holding the case received it or acted on it"
                    ),
                    MilestoneOwner::FirstResponder => {
                        format!("the first responder, {rank}: none was recorded")
                    }
                    MilestoneOwner::Holder(h) => format!(
                        "the holder of role {}, {rank}: the case was not handed to one among {}, or the roster names no single holder there{}",
                        h.role,
                        h.among.id(),
                        if h.holds.is_some() {
                            " in a department holding the case"
                        } else {
                            ""
                        }
                    ),
                    _ => format!("the handler, {rank}: nobody was assigned"),
                }
            })
            .collect();
        let after = if tried.len() == 1 {
            "the milestone names no fallback owner; add fallback_owner to it"
        } else {
            "the milestone names nobody after them"
        };
        return format!(
            "unowned: every owner the milestone names was tried when the clock breached, and none named anyone on the case ({}); {after}",
            each.join("; then ")
        );
    }
    match role {
        Some(role) => format!(
            "unowned: nobody on the case held the owner role {role} when the clock breached, and the policy names no fallback owner who does"
        ),
        None => "unowned: the clock's owner (the handler or the first responder) was nobody when it breached, and the policy names no fallback owner; add fallback_owner to the milestone".to_owned(),
    }
}

/// The loss of a closed case at our fault: the approved compensation,
/// refund and price allowance, borne by the findings' shares (or the lead
/// department); none when nothing was paid.
fn loss(case: &Case) -> Result<Option<Loss>, ReportError> {
    let Some(proposal) = case.proposal.as_ref().filter(|p| p.approved_by.is_some()) else {
        return Ok(None);
    };
    let mut amount = Decimal::ZERO;
    for r in &proposal.remedies {
        let paid = matches!(
            r.kind,
            RemedyKind::Compensation | RemedyKind::Refund | RemedyKind::PriceAllowance
        );
        if let Some(m) = r.amount.filter(|_| paid) {
            amount = amount
                .checked_add(m.to_decimal())
                .ok_or_else(|| ReportError::Overflow {
                    what: format!("case {}: the loss", case.id),
                })?;
        }
    }
    if amount.is_zero() {
        return Ok(None);
    }
    let responsible = match case.findings.as_ref().map(|f| f.responsible.as_slice()) {
        None | Some([]) => match case.assignment.as_ref() {
            Some(a) => Responsible::Department(a.lead.clone()),
            None => Responsible::Unattributed,
        },
        Some(shares) => Responsible::Parties(shares.to_vec()),
    };
    Ok(Some(Loss {
        case: case.id.clone(),
        amount,
        responsible,
    }))
}
