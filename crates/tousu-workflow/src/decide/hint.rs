//! What a refused command is told would apply: one hint per command,
//! whatever the status that refused it (the table in `table.rs` says where
//! each command applies).

use crate::command::CommandKind as C;

/// Why `kind` is refused where it does not apply: what would apply.
pub(super) fn hint(kind: &C) -> &'static str {
    match kind {
        C::Register { .. } => "the case is registered already",
        C::Accept { .. } | C::NotAccept { .. } => {
            "acceptance is decided once, while the case is registered"
        }
        C::Classify { .. } => "a final case is not classified again",
        C::MergeRepeat { .. } => "merge a repeat complaint into an open case",
        C::Assign { .. } => "assign an accepted case; to change an assignment use transfer",
        C::Transfer { .. } => "transfer an assigned case or one under investigation",
        C::StartInvestigation => "start the investigation of an assigned case",
        C::RecordFindings { .. } | C::RecordFacts { .. } => {
            "record findings and facts during the investigation (facts from the acceptance where the policy's validity.facts_from says so)"
        }
        C::ProposeSolution { .. } => {
            "propose a solution during the investigation (send a proposal back to revise it)"
        }
        C::Approve | C::SendBack { .. } => "approve or send back a solution that awaits approval",
        C::Reply { .. } => "reply once accepted, and not while a solution awaits approval",
        C::Escalate { .. } => "a final case is not escalated",
        C::AddNote { .. } => "a note may be added to any case",
        C::RecordAction { .. } => "record actions on an open case; a final case takes notes",
        C::SignRecord { .. } => "sign a record of an open case",
        C::CompleteDetails { .. } => {
            "complete the details of an open case; a final case takes notes"
        }
        C::MigratePolicy { .. } => {
            "a closed case accepts only notes; it stays judged by the version it was closed under"
        }
        C::RecordCallback { .. } => "record the callback after replying to the customer",
        C::Close => {
            "close after a reply and a satisfied callback (or the reply alone, where the policy's closure owes none)"
        }
        C::Reopen { .. } => {
            "reopen after an unsatisfied callback; a closed case accepts only notes (a customer who comes back files a repeat complaint)"
        }
        C::CloseAbnormally { .. } | C::CloseUnreachable { .. } | C::Withdraw { .. } => {
            "the case is already final"
        }
        C::SetAgreedDeadline { .. } => "agree a deadline on an accepted, open case",
        C::RequestExtension { .. }
        | C::ApproveExtension
        | C::DenyExtension { .. }
        | C::EndExtension => "extensions apply to open cases",
    }
}
