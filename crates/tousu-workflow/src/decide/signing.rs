//! Records signed in order (`record_sign_offs`, 逐级签字): each signature,
//! and the check that what waits for a record finds it signed.

use tousu_policy::{ClockEvent, SignedRecord};

use super::Decision;
use super::outcome::Effects;
use crate::Rejection;
use crate::case::Case;
use crate::event::EventKind;

/// Whether `record` exists in the case's round, to be signed.
fn made(case: &Case, record: SignedRecord) -> bool {
    match record {
        SignedRecord::Findings => case.findings.is_some(),
        SignedRecord::Callback => case.callback.is_some(),
        SignedRecord::ResultReport => case.result_reported,
        _ => false,
    }
}

/// Whether a `required` record is owed in the case's round: the result
/// report is the handling department's, so a case never assigned (answered
/// on the spot) owes none (ruling 55); the others always are.
fn owed(case: &Case, record: SignedRecord) -> bool {
    match record {
        SignedRecord::ResultReport => case.assignment.is_some(),
        _ => true,
    }
}

/// The signatures `record` has in this round, in order.
fn signed(case: &Case, record: SignedRecord) -> usize {
    case.record_signatures
        .iter()
        .filter(|s| s.record == record)
        .count()
}

/// 签字: the next signature of `record`'s chain, by a holder of the role
/// whose turn it is who has not signed it already.
pub(super) fn sign(d: &Decision<'_, '_>, record: SignedRecord) -> Result<Effects, Rejection> {
    let refuse = |reason: String| {
        Err(Rejection::RecordSignRefused {
            actor: d.staff.id.clone(),
            record,
            reason,
        })
    };
    let Some(chain) = d.ctx.policy.record_sign_off(record) else {
        return refuse("the policy has no sign-off chain for it (`record_sign_offs`)".into());
    };
    if !made(d.case, record) {
        return refuse(format!("there is no {record} record in this round to sign"));
    }
    let done = signed(d.case, record);
    let Some(next) = chain.chain.get(done) else {
        return refuse("its sign-off chain is complete".into());
    };
    if let Some(s) = d
        .case
        .record_signatures
        .iter()
        .find(|s| s.record == record && s.by == d.staff.id)
    {
        return refuse(format!(
            "they signed it already as {}; each signature is someone else's",
            s.role
        ));
    }
    if !d.staff.has_role(next) {
        let order: Vec<String> = chain.chain.iter().map(ToString::to_string).collect();
        return refuse(format!(
            "{next} signs next (sign-off chain {}; {done} signed)",
            order.join(" → ")
        ));
    }
    // The last signature of the result report completes it (确认签字): a
    // clock may start on that (`result_report_signed`, ruling 81).
    let completes = record == SignedRecord::ResultReport && done + 1 == chain.chain.len();
    let triggers: &[ClockEvent] = if completes {
        &[ClockEvent::ResultReportSigned]
    } else {
        &[]
    };
    Effects::one(
        EventKind::RecordSignedOff {
            record,
            role: next.clone(),
        },
        triggers,
    )
}

/// Refuses the command when it waits for `record` and the record's chain
/// is not complete. A record not made in this round has nothing to wait
/// for, unless its chain says it is `required` (ruling 58) and the round
/// owes it.
pub(super) fn require_signed(d: &Decision<'_, '_>, record: SignedRecord) -> Result<(), Rejection> {
    let Some(chain) = d.ctx.policy.record_sign_off(record) else {
        return Ok(());
    };
    if !made(d.case, record) {
        return if chain.required && owed(d.case, record) {
            Err(Rejection::RecordMissing {
                record,
                action: record.waiting(),
                chain: chain.chain.clone(),
            })
        } else {
            Ok(())
        };
    }
    match chain.chain.get(signed(d.case, record)) {
        None => Ok(()),
        Some(next) => Err(Rejection::RecordNotSigned {
            record,
            action: record.waiting(),
            next: next.clone(),
            chain: chain.chain.clone(),
        }),
    }
}
