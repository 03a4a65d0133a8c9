//! The lifecycle table: which command applies in which status, and the
//! handler that decides it, or why it is refused. One function per status,
//! each an exhaustive match over the commands without a wildcard, so a new
//! status or command must be placed in every one of them; a refused command
//! gets its one hint ([`hint`](super::hint::hint)), whatever the status.

use super::hint::hint;
use super::outcome::{Effects, refuse};
use super::{Decision, closing, extensions, handling, intake, signing};
use crate::Rejection;
use crate::case::Status::{
    self, Accepted, Approved, Assigned, AwaitingApproval, Closed, Investigating, NotAccepted,
    Registered, Replied,
};
use crate::command::CommandKind as C;

/// The commands an open case takes whatever its status (`side`).
macro_rules! side {
    () => {
        C::Classify { .. }
            | C::MergeRepeat { .. }
            | C::Escalate { .. }
            | C::AddNote { .. }
            | C::RecordAction { .. }
            | C::SignRecord { .. }
            | C::CompleteDetails { .. }
            | C::MigratePolicy { .. }
            | C::CloseAbnormally { .. }
            | C::CloseUnreachable { .. }
            | C::Withdraw { .. }
            | C::RequestExtension { .. }
            | C::ApproveExtension
            | C::DenyExtension { .. }
            | C::EndExtension
    };
}

/// The commands that move a case along its lifecycle: each applies in
/// particular statuses only.
macro_rules! lifecycle {
    () => {
        C::Register { .. }
            | C::Accept { .. }
            | C::NotAccept { .. }
            | C::Assign { .. }
            | C::Transfer { .. }
            | C::StartInvestigation
            | C::RecordFindings { .. }
            | C::RecordFacts { .. }
            | C::ProposeSolution { .. }
            | C::Approve
            | C::SendBack { .. }
            | C::Reply { .. }
            | C::RecordCallback { .. }
            | C::Close
            | C::Reopen { .. }
            | C::SetAgreedDeadline { .. }
    };
}

/// The lifecycle: which command applies in which status, and its handler.
pub(super) fn table(d: &Decision<'_, '_>) -> Result<Effects, Rejection> {
    match d.case.status {
        Registered => registered(d),
        Accepted => accepted(d),
        Assigned => assigned(d),
        Investigating => investigating(d),
        AwaitingApproval => awaiting_approval(d),
        Approved => approved(d),
        Replied => replied(d),
        s @ (NotAccepted | Closed) => done(d, s),
    }
}

/// Whether the policy lets the facts its validity rules read be recorded
/// before the investigation, from the acceptance on (`validity.facts_from`,
/// ruling 97: S44's 客户关系经理 judges the grounds before assigning).
fn facts_before_investigation(d: &Decision<'_, '_>) -> bool {
    d.ctx.policy.validity.facts_from == tousu_policy::FactsFrom::Acceptance
}

/// The commands every open status takes.
fn side(d: &Decision<'_, '_>) -> Result<Effects, Rejection> {
    let kind = &d.command.kind;
    match kind {
        C::Classify { level, reason } => intake::classify(d, level, reason),
        C::MergeRepeat { repeat, new_facts } => intake::merge_repeat(d, repeat, *new_facts),
        C::Escalate { reason, step } => handling::escalate(d, reason, step.as_ref()),
        C::AddNote { text, attachments } => handling::add_note(text, attachments),
        C::RecordAction {
            action,
            note,
            milestone,
        } => handling::record_action(d, *action, note, milestone.as_ref()),
        C::SignRecord { record } => signing::sign(d, *record),
        C::CompleteDetails { details } => intake::complete_details(d, details),
        C::MigratePolicy {
            policy_id,
            version,
            reason,
        } => handling::migrate_policy(d, policy_id, version, reason),
        C::CloseAbnormally { reason } => closing::close_abnormally(d, reason),
        C::CloseUnreachable { notified_at } => closing::close_unreachable(d, *notified_at),
        C::Withdraw { reason } => closing::withdraw(reason),
        C::RequestExtension { reason, until } => extensions::request(d, reason, *until),
        C::ApproveExtension => extensions::approve(d),
        C::DenyExtension { reason } => extensions::deny(d, reason),
        C::EndExtension => extensions::end(d),
        lifecycle!() => refuse(d.case.status, kind, hint(kind)),
    }
}

fn registered(d: &Decision<'_, '_>) -> Result<Effects, Rejection> {
    let kind = &d.command.kind;
    match kind {
        C::Accept { override_reason } => intake::accept(d, override_reason),
        C::NotAccept {
            reason_zh,
            advice_zh,
        } => intake::not_accept(d, reason_zh, advice_zh),
        side!() => side(d),
        C::Register { .. }
        | C::Assign { .. }
        | C::Transfer { .. }
        | C::StartInvestigation
        | C::RecordFindings { .. }
        | C::RecordFacts { .. }
        | C::ProposeSolution { .. }
        | C::Approve
        | C::SendBack { .. }
        | C::Reply { .. }
        | C::RecordCallback { .. }
        | C::Close
        | C::Reopen { .. }
        | C::SetAgreedDeadline { .. } => refuse(Registered, kind, hint(kind)),
    }
}

fn accepted(d: &Decision<'_, '_>) -> Result<Effects, Rejection> {
    let kind = &d.command.kind;
    match kind {
        C::Assign { assignment } => handling::assign(d, assignment),
        C::Reply { text, written } => handling::reply(d, text, *written),
        C::SetAgreedDeadline { deadline } => extensions::set_agreed_deadline(d, *deadline),
        C::RecordFacts { facts } if facts_before_investigation(d) => {
            handling::record_facts(d, facts)
        }
        side!() => side(d),
        C::Register { .. }
        | C::Accept { .. }
        | C::NotAccept { .. }
        | C::Transfer { .. }
        | C::StartInvestigation
        | C::RecordFindings { .. }
        | C::RecordFacts { .. }
        | C::ProposeSolution { .. }
        | C::Approve
        | C::SendBack { .. }
        | C::RecordCallback { .. }
        | C::Close
        | C::Reopen { .. } => refuse(Accepted, kind, hint(kind)),
    }
}

fn assigned(d: &Decision<'_, '_>) -> Result<Effects, Rejection> {
    let kind = &d.command.kind;
    match kind {
        C::Transfer { assignment, reason } => handling::transfer(d, assignment, reason),
        C::StartInvestigation => handling::start_investigation(d),
        C::Reply { text, written } => handling::reply(d, text, *written),
        C::SetAgreedDeadline { deadline } => extensions::set_agreed_deadline(d, *deadline),
        C::RecordFacts { facts } if facts_before_investigation(d) => {
            handling::record_facts(d, facts)
        }
        side!() => side(d),
        C::Register { .. }
        | C::Accept { .. }
        | C::NotAccept { .. }
        | C::Assign { .. }
        | C::RecordFindings { .. }
        | C::RecordFacts { .. }
        | C::ProposeSolution { .. }
        | C::Approve
        | C::SendBack { .. }
        | C::RecordCallback { .. }
        | C::Close
        | C::Reopen { .. } => refuse(Assigned, kind, hint(kind)),
    }
}

fn investigating(d: &Decision<'_, '_>) -> Result<Effects, Rejection> {
    let kind = &d.command.kind;
    match kind {
        C::Transfer { assignment, reason } => handling::transfer(d, assignment, reason),
        C::RecordFindings {
            validity,
            fault,
            responsible,
            note,
        } => handling::record_findings(d, *validity, *fault, responsible, note),
        C::RecordFacts { facts } => handling::record_facts(d, facts),
        C::ProposeSolution { remedies, note } => handling::propose_solution(d, remedies, note),
        C::Reply { text, written } => handling::reply(d, text, *written),
        C::SetAgreedDeadline { deadline } => extensions::set_agreed_deadline(d, *deadline),
        side!() => side(d),
        C::Register { .. }
        | C::Accept { .. }
        | C::NotAccept { .. }
        | C::Assign { .. }
        | C::StartInvestigation
        | C::Approve
        | C::SendBack { .. }
        | C::RecordCallback { .. }
        | C::Close
        | C::Reopen { .. } => refuse(Investigating, kind, hint(kind)),
    }
}

fn awaiting_approval(d: &Decision<'_, '_>) -> Result<Effects, Rejection> {
    let kind = &d.command.kind;
    match kind {
        C::Approve => handling::approve(d),
        C::SendBack { reason } => handling::send_back(d, reason),
        C::SetAgreedDeadline { deadline } => extensions::set_agreed_deadline(d, *deadline),
        side!() => side(d),
        C::Register { .. }
        | C::Accept { .. }
        | C::NotAccept { .. }
        | C::Assign { .. }
        | C::Transfer { .. }
        | C::StartInvestigation
        | C::RecordFindings { .. }
        | C::RecordFacts { .. }
        | C::ProposeSolution { .. }
        | C::Reply { .. }
        | C::RecordCallback { .. }
        | C::Close
        | C::Reopen { .. } => refuse(AwaitingApproval, kind, hint(kind)),
    }
}

fn approved(d: &Decision<'_, '_>) -> Result<Effects, Rejection> {
    let kind = &d.command.kind;
    match kind {
        C::Reply { text, written } => handling::reply(d, text, *written),
        C::SetAgreedDeadline { deadline } => extensions::set_agreed_deadline(d, *deadline),
        side!() => side(d),
        C::Register { .. }
        | C::Accept { .. }
        | C::NotAccept { .. }
        | C::Assign { .. }
        | C::Transfer { .. }
        | C::StartInvestigation
        | C::RecordFindings { .. }
        | C::RecordFacts { .. }
        | C::ProposeSolution { .. }
        | C::Approve
        | C::SendBack { .. }
        | C::RecordCallback { .. }
        | C::Close
        | C::Reopen { .. } => refuse(Approved, kind, hint(kind)),
    }
}

fn replied(d: &Decision<'_, '_>) -> Result<Effects, Rejection> {
    let kind = &d.command.kind;
    match kind {
        C::RecordCallback { satisfaction, note } => {
            closing::record_callback(d, *satisfaction, note)
        }
        C::Close => closing::close(d),
        C::Reopen { reason } => closing::reopen(d, reason),
        C::SetAgreedDeadline { deadline } => extensions::set_agreed_deadline(d, *deadline),
        side!() => side(d),
        C::Register { .. }
        | C::Accept { .. }
        | C::NotAccept { .. }
        | C::Assign { .. }
        | C::Transfer { .. }
        | C::StartInvestigation
        | C::RecordFindings { .. }
        | C::RecordFacts { .. }
        | C::ProposeSolution { .. }
        | C::Approve
        | C::SendBack { .. }
        | C::Reply { .. } => refuse(Replied, kind, hint(kind)),
    }
}

/// A final case (not accepted or closed) takes notes only.
fn done(d: &Decision<'_, '_>, s: Status) -> Result<Effects, Rejection> {
    let kind = &d.command.kind;
    match kind {
        C::AddNote { text, attachments } => handling::add_note(text, attachments),
        lifecycle!()
        | C::Classify { .. }
        | C::MergeRepeat { .. }
        | C::Escalate { .. }
        | C::RecordAction { .. }
        | C::SignRecord { .. }
        | C::CompleteDetails { .. }
        | C::MigratePolicy { .. }
        | C::CloseAbnormally { .. }
        | C::CloseUnreachable { .. }
        | C::Withdraw { .. }
        | C::RequestExtension { .. }
        | C::ApproveExtension
        | C::DenyExtension { .. }
        | C::EndExtension => refuse(s, kind, hint(kind)),
    }
}
