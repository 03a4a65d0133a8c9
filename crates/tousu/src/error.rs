//! The facade's error: every part's error, wrapped.

use tousu_model::{CaseId, ModelError};
use tousu_penalty::PenaltyError;
use tousu_policy::{CalendarError, PolicyError};
use tousu_workflow::{Rejection, ReplayError};

use crate::store::StoreError;

/// Anything the engine can refuse or fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Invalid model data.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// The policy failed to load or validate.
    #[error(transparent)]
    Policy(#[from] PolicyError),
    /// The calendar could not answer (a year without holiday data, ...).
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// The workflow refused a command; nothing changed.
    #[error(transparent)]
    Rejected(#[from] Rejection),
    /// Stored events do not rebuild a case.
    #[error(transparent)]
    Replay(#[from] ReplayError),
    /// The penalty arithmetic refused its facts.
    #[error(transparent)]
    Penalty(#[from] PenaltyError),
    /// A period report could not be computed.
    #[error(transparent)]
    Report(#[from] crate::report::ReportError),
    /// The store refused or failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A command id was used again for a different command.
    #[error(
        "command {command} on case {case} was applied already with different content (hash {stored}); a retry must send the same command, a new command needs a new id"
    )]
    CommandReused {
        /// The case.
        case: CaseId,
        /// The command id.
        command: tousu_model::CommandId,
        /// The hash of the command first applied.
        stored: crate::CommandHash,
    },
    /// No case has this id.
    #[error("no case {0}")]
    UnknownCase(CaseId),
    /// The case is judged by a policy version the engine does not hold.
    #[error(
        "case {case} is judged by policy {policy} version {version}, which this engine does not hold; add it with Engine::add_policy"
    )]
    MissingPolicyVersion {
        /// The case.
        case: CaseId,
        /// Its policy id.
        policy: String,
        /// Its policy version.
        version: String,
    },
}
