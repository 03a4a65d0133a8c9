//! Why a command was refused. A rejected command changes nothing.

use tousu_model::{LevelId, Money, RoleId, StaffId};
use tousu_policy::{Action, CalendarError, RuleId};

use crate::Status;

/// Why a command was refused; nothing changed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Rejection {
    /// The actor is not on the roster.
    #[error("actor {actor:?} is not on the roster")]
    UnknownActor {
        /// The actor.
        actor: StaffId,
    },
    /// None of the actor's roles may take the action.
    #[error("{actor} may not {action}: none of their roles ({}) is granted it by the policy", if roles.is_empty() { "none".to_owned() } else { roles.join(", ") })]
    NotPermitted {
        /// The actor.
        actor: StaffId,
        /// The action.
        action: Action,
        /// The actor's roles.
        roles: Vec<String>,
    },
    /// The actor (or the proposed handler) must recuse (回避).
    #[error("{staff} must recuse from this case: {reason} ({action} refused)")]
    Recused {
        /// Who must recuse.
        staff: StaffId,
        /// The action refused.
        action: Action,
        /// Why: the respondent, their supervisor, or a declared conflict.
        reason: String,
    },
    /// The amount is above the actor's approval limit.
    #[error(
        "{amount} is above {actor}'s approval limit of {limit}; it needs role \"{required_role}\""
    )]
    OutOfAuthority {
        /// The actor.
        actor: StaffId,
        /// The amount to approve.
        amount: Money,
        /// The actor's highest limit (zero when they have none).
        limit: Money,
        /// The role that may approve it.
        required_role: RoleId,
    },
    /// The command does not apply in the case's status.
    #[error("cannot {command} a case that is {status} ({}); {hint}", status.label_zh())]
    InvalidTransition {
        /// The status.
        status: Status,
        /// The command's name.
        command: &'static str,
        /// What would be accepted instead.
        hint: &'static str,
    },
    /// The expected version is not the case's version.
    #[error(
        "stale version: the command expected version {expected} but the case is at {actual}; reload and retry"
    )]
    StaleVersion {
        /// The version the command expected.
        expected: u64,
        /// The case's version.
        actual: u64,
    },
    /// The policy's rules decided otherwise and no override was given.
    #[error("the policy's {table} rules decide {decision} (by {by}); {hint}")]
    PolicyDecides {
        /// The table (`acceptance`, ...).
        table: &'static str,
        /// What they decide.
        decision: String,
        /// The rule that fired, or the default.
        by: String,
        /// How to override.
        hint: &'static str,
        /// The rule id.
        rule: Option<RuleId>,
    },
    /// A field of the command is invalid.
    #[error("{path}: {message}")]
    InvalidInput {
        /// Where in the command (`kind.assignment.handler`).
        path: String,
        /// What is wrong and what is accepted.
        message: String,
    },
    /// A level named in the command is not one of the policy's.
    #[error("level {level:?} is not defined by the policy; known levels: {}", known.join(", "))]
    UnknownLevel {
        /// The level.
        level: LevelId,
        /// The policy's levels.
        known: Vec<String>,
    },
    /// A deadline could not be computed (e.g. a year without holiday data).
    #[error("cannot compute a deadline: {0}")]
    Calendar(#[from] CalendarError),
    /// The case is judged by another policy version than the one given.
    #[error(
        "the case is judged by policy {case_policy} version {case_version}; the context holds {ctx_policy} version {ctx_version}"
    )]
    WrongPolicy {
        /// The case's policy.
        case_policy: String,
        /// Its version.
        case_version: String,
        /// The context's policy.
        ctx_policy: String,
        /// Its version.
        ctx_version: String,
    },
}
