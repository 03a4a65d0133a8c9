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
    /// The calendar could not answer: when a policy's calendar is built
    /// ([`Engine::new`](crate::Engine::new), [`Engine::add_policy`](crate::Engine::add_policy),
    /// [`Engine::add_calendar_data`](crate::Engine::add_calendar_data)) or when a
    /// command, a tick or a deadline needed a deadline the calendar cannot
    /// compute. Nothing changed. This is the only way a calendar failure
    /// surfaces: the workflow's [`Rejection::Calendar`] arrives here, never
    /// as [`Error::Rejected`]. (A year without holiday data is not a failure:
    /// its clocks run without a deadline, see [`crate::WithoutDeadline`].)
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// The workflow refused a command for what it asks, who asks or when
    /// ([`Rejection::kind`] names why); nothing changed. Never
    /// [`Rejection::Calendar`], which is [`Error::Calendar`].
    #[error(transparent)]
    Rejected(Rejection),
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

/// One way per failure: a calendar failure inside a decision is
/// [`Error::Calendar`], as it is everywhere else; every other rejection is
/// [`Error::Rejected`].
impl From<Rejection> for Error {
    fn from(rejection: Rejection) -> Self {
        match rejection {
            Rejection::Calendar(e) => Error::Calendar(e),
            other => Error::Rejected(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A calendar failure inside a decision surfaces as `Error::Calendar`,
    /// as it does when a calendar is built: one way per failure.
    #[test]
    fn a_calendar_rejection_is_a_calendar_error() {
        let failure = CalendarError::InvalidUtcOffset {
            path: "calendar.utc_offset".to_owned(),
            value: "+25:00".to_owned(),
        };
        assert!(matches!(
            Error::from(Rejection::Calendar(failure)),
            Error::Calendar(CalendarError::InvalidUtcOffset { .. })
        ));
        assert!(matches!(
            Error::from(Rejection::CommandIdConflict {
                id: tousu_model::CommandId::new("c1").unwrap()
            }),
            Error::Rejected(Rejection::CommandIdConflict { .. })
        ));
    }
}
