//! The lifecycle table: which command applies in which status, and the
//! handler that decides it, or why it is refused. Exhaustive and without a
//! wildcard: a new status or command must be placed in it.

use super::outcome::{Effects, refuse};
use super::{Decision, closing, extensions, handling, intake};
use crate::Rejection;
use crate::case::Status::{
    Accepted, Approved, Assigned, AwaitingApproval, Closed, Investigating, NotAccepted, Registered,
    Replied,
};
use crate::command::CommandKind as C;

/// Every status in which a case is still being handled.
macro_rules! open {
    () => {
        Registered | Accepted | Assigned | Investigating | AwaitingApproval | Approved | Replied
    };
}

/// Open, and past acceptance.
macro_rules! handling {
    () => {
        Accepted | Assigned | Investigating | AwaitingApproval | Approved | Replied
    };
}

/// Open, and not yet replied.
macro_rules! before_reply {
    () => {
        Registered | Accepted | Assigned | Investigating | AwaitingApproval | Approved
    };
}

/// Final statuses.
macro_rules! done {
    () => {
        NotAccepted | Closed
    };
}

/// The lifecycle: which command applies in which status, and its handler.
pub(super) fn table(d: &Decision<'_, '_>) -> Result<Effects, Rejection> {
    let kind = &d.command.kind;
    match (d.case.status, kind) {
        (s, C::Register { .. }) => refuse(s, kind, "the case is registered already"),

        (Registered, C::Accept { override_reason }) => intake::accept(d, override_reason),
        (
            Registered,
            C::NotAccept {
                reason_zh,
                advice_zh,
            },
        ) => intake::not_accept(d, reason_zh, advice_zh),
        (s @ (handling!() | done!()), C::Accept { .. } | C::NotAccept { .. }) => refuse(
            s,
            kind,
            "acceptance is decided once, while the case is registered",
        ),
        (open!(), C::Classify { level, reason }) => intake::classify(d, level, reason),
        (s @ done!(), C::Classify { .. }) => {
            refuse(s, kind, "a final case is not classified again")
        }
        (open!(), C::MergeRepeat { repeat, new_facts }) => {
            intake::merge_repeat(d, repeat, *new_facts)
        }
        (s @ done!(), C::MergeRepeat { .. }) => {
            refuse(s, kind, "merge a repeat complaint into an open case")
        }

        (Accepted, C::Assign { assignment }) => handling::assign(d, assignment),
        (
            s @ (Registered
            | Assigned
            | Investigating
            | AwaitingApproval
            | Approved
            | Replied
            | done!()),
            C::Assign { .. },
        ) => refuse(
            s,
            kind,
            "assign an accepted case; to change an assignment use transfer",
        ),
        (Assigned | Investigating, C::Transfer { assignment, reason }) => {
            handling::transfer(d, assignment, reason)
        }
        (
            s @ (Registered | Accepted | AwaitingApproval | Approved | Replied | done!()),
            C::Transfer { .. },
        ) => refuse(
            s,
            kind,
            "transfer an assigned case or one under investigation",
        ),
        (Assigned, C::StartInvestigation) => handling::start_investigation(),
        (
            s @ (Registered
            | Accepted
            | Investigating
            | AwaitingApproval
            | Approved
            | Replied
            | done!()),
            C::StartInvestigation,
        ) => refuse(s, kind, "start the investigation of an assigned case"),
        (
            Investigating,
            C::RecordFindings {
                validity,
                fault,
                responsible,
                note,
            },
        ) => handling::record_findings(d, *validity, *fault, responsible, note),
        (
            s
            @ (Registered | Accepted | Assigned | AwaitingApproval | Approved | Replied | done!()),
            C::RecordFindings { .. },
        ) => refuse(s, kind, "record findings during the investigation"),
        (Investigating, C::ProposeSolution { remedies, note }) => {
            handling::propose_solution(d, remedies, note)
        }
        (
            s
            @ (Registered | Accepted | Assigned | AwaitingApproval | Approved | Replied | done!()),
            C::ProposeSolution { .. },
        ) => refuse(
            s,
            kind,
            "propose a solution during the investigation (send a proposal back to revise it)",
        ),
        (AwaitingApproval, C::Approve) => handling::approve(d),
        (AwaitingApproval, C::SendBack { reason }) => handling::send_back(reason),
        (
            s @ (Registered | Accepted | Assigned | Investigating | Approved | Replied | done!()),
            C::Approve | C::SendBack { .. },
        ) => refuse(
            s,
            kind,
            "approve or send back a solution that awaits approval",
        ),
        (Accepted | Assigned | Investigating | Approved, C::Reply { text }) => {
            handling::reply(text)
        }
        (s @ (Registered | AwaitingApproval | Replied | done!()), C::Reply { .. }) => refuse(
            s,
            kind,
            "reply once accepted, and not while a solution awaits approval",
        ),
        (open!(), C::Escalate { reason }) => handling::escalate(d, reason),
        (s @ done!(), C::Escalate { .. }) => refuse(s, kind, "a final case is not escalated"),
        (open!() | done!(), C::AddNote { text, attachments }) => {
            handling::add_note(text, attachments)
        }
        (open!(), C::RecordAction { action, note }) => handling::record_action(*action, note),
        (s @ done!(), C::RecordAction { .. }) => refuse(
            s,
            kind,
            "record actions on an open case; a final case takes notes",
        ),
        (
            open!(),
            C::MigratePolicy {
                policy_id,
                version,
                reason,
            },
        ) => handling::migrate_policy(d, policy_id, version, reason),
        (s @ done!(), C::MigratePolicy { .. }) => refuse(
            s,
            kind,
            "a closed case accepts only notes; it stays judged by the version it was closed under",
        ),

        (Replied, C::RecordCallback { satisfaction, note }) => {
            closing::record_callback(d, *satisfaction, note)
        }
        (s @ (before_reply!() | done!()), C::RecordCallback { .. }) => refuse(
            s,
            kind,
            "record the callback after replying to the customer",
        ),
        (Replied, C::Close) => closing::close(d),
        (s @ (before_reply!() | done!()), C::Close) => {
            refuse(s, kind, "close after a reply and a satisfied callback")
        }
        (Replied, C::Reopen { reason }) => closing::reopen(d, reason),
        (s @ (before_reply!() | done!()), C::Reopen { .. }) => refuse(
            s,
            kind,
            "reopen after an unsatisfied callback; a closed case accepts only notes (a customer who comes back files a repeat complaint)",
        ),
        (open!(), C::CloseAbnormally { reason }) => closing::close_abnormally(d, reason),
        (open!(), C::CloseUnreachable { notified_at }) => {
            closing::close_unreachable(d, *notified_at)
        }
        (open!(), C::Withdraw { reason }) => closing::withdraw(reason),
        (
            s @ done!(),
            C::CloseAbnormally { .. } | C::CloseUnreachable { .. } | C::Withdraw { .. },
        ) => refuse(s, kind, "the case is already final"),

        (handling!(), C::SetAgreedDeadline { deadline }) => {
            extensions::set_agreed_deadline(d, *deadline)
        }
        (s @ (Registered | done!()), C::SetAgreedDeadline { .. }) => {
            refuse(s, kind, "agree a deadline on an accepted, open case")
        }
        (open!(), C::RequestExtension { reason, until }) => extensions::request(d, reason, *until),
        (open!(), C::ApproveExtension) => extensions::approve(d),
        (open!(), C::DenyExtension { reason }) => extensions::deny(d, reason),
        (open!(), C::EndExtension) => extensions::end(d),
        (
            s @ done!(),
            C::RequestExtension { .. }
            | C::ApproveExtension
            | C::DenyExtension { .. }
            | C::EndExtension,
        ) => refuse(s, kind, "extensions apply to open cases"),
    }
}
