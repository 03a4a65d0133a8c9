//! The one error type of this crate.

use tousu_model::{DepartmentId, LevelId, ModelError, Problem, StaffId};

/// What was wrong with the facts, the schedule or an allocation, where (a
/// path into the facts such as `losses[3].responsible.parties[1]`), and what
/// would be accepted. Nothing in this crate panics: every bad input ends here.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PenaltyError {
    /// A staff id is not on the roster.
    #[error("{path}: staff \"{staff}\" is not on the roster")]
    UnknownStaff {
        /// Where in the facts (or carry-over) the id appears.
        path: String,
        /// The unknown id.
        staff: StaffId,
    },
    /// A department id is not in the roster's department tree.
    #[error("{path}: department \"{department}\" is not a department of the roster")]
    UnknownDepartment {
        /// Where in the facts the id appears.
        path: String,
        /// The unknown id.
        department: DepartmentId,
    },
    /// A breach's level has no overtime fine in the schedule.
    #[error(
        "{path}: level \"{level}\" has no overtime fine in the schedule; add it under `penalties.overtime` (\"0\" to fine nothing)"
    )]
    UnknownLevel {
        /// Where in the facts the level appears.
        path: String,
        /// The level.
        level: LevelId,
    },
    /// A violation id is not in the schedule's violation table.
    #[error("{path}: violation \"{rule}\" is not in the schedule's violation table; known: {}", known.join(", "))]
    UnknownViolation {
        /// Where in the facts the id appears.
        path: String,
        /// The unknown violation id.
        rule: String,
        /// The ids the schedule defines.
        known: Vec<String>,
    },
    /// An amount that must be 0 or more is negative.
    #[error("{path}: {amount} is negative; expected 0 or more")]
    NegativeAmount {
        /// Where the amount appears.
        path: String,
        /// The amount, as text.
        amount: String,
    },
    /// An amount is finer than a fen and the schedule does not round losses.
    #[error(
        "{path}: {amount} is finer than a fen (0.01 yuan); give at most two decimals or set `penalties.losses.sub_fen = \"round\"`"
    )]
    SubFen {
        /// Where the amount appears.
        path: String,
        /// The exact amount, as text.
        amount: String,
    },
    /// A list of shares is empty.
    #[error("{path}: no shares were given; expected at least one party with a share")]
    EmptyShares {
        /// Where the list appears.
        path: String,
    },
    /// A responsibility share or weight is negative.
    #[error("{path}: the share {share} of {party} is negative; shares are 0 or more")]
    NegativeShare {
        /// Where the share appears.
        path: String,
        /// The party whose share it is.
        party: String,
        /// The share, as text.
        share: String,
    },
    /// Every share is zero, so nobody can bear the amount.
    #[error("{path}: every share is zero; at least one party needs a share above zero")]
    AllZeroShares {
        /// Where the list appears.
        path: String,
    },
    /// The same party appears twice in one list of shares.
    #[error("{path}: {party} appears more than once; give each party one share")]
    DuplicateParty {
        /// Where the list appears.
        path: String,
        /// The repeated party.
        party: String,
    },
    /// A department (or the whole roster) has nobody to split an amount among.
    #[error("{path}: {group} has no staff to bear the amount")]
    NobodyToCharge {
        /// Where the attribution appears.
        path: String,
        /// The group (`department "cs"`, `the whole team`).
        group: String,
    },
    /// A fact is malformed in a way the other variants do not name.
    #[error("{path}: {message}")]
    InvalidFact {
        /// Where the fact appears.
        path: String,
        /// What is wrong and what would be accepted.
        message: String,
    },
    /// The carry-over does not belong before this period.
    #[error(
        "carry.period: the carry-over was produced for {carry_period}, which is not before the facts' period {period}; pass the carry-over of an earlier month"
    )]
    CarryPeriod {
        /// The period the carry-over was produced for.
        carry_period: String,
        /// The period being computed.
        period: String,
    },
    /// A stored document is newer than this library reads.
    #[error(
        "{what}.schema_version: {found} is newer than this library reads (at most {supported})"
    )]
    SchemaVersion {
        /// Which document (`facts`, `carry`).
        what: &'static str,
        /// The version found.
        found: u32,
        /// The newest version this library reads.
        supported: u32,
    },
    /// The penalty schedule is not sound.
    #[error("the penalty schedule is invalid: {}", problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    InvalidSchedule {
        /// Every problem found, each with its path.
        problems: Vec<Problem>,
    },
    /// Money arithmetic went outside the representable range.
    #[error("{path}: money arithmetic overflowed ({operation}); the amounts are too large")]
    Overflow {
        /// Where the computation was.
        path: String,
        /// The operation that overflowed.
        operation: String,
    },
}

impl PenaltyError {
    /// Wraps a model error (overflow, sub-fen) with the path it arose at.
    pub(crate) fn from_model(path: impl Into<String>, e: ModelError) -> PenaltyError {
        let path = path.into();
        match e {
            ModelError::SubFen { value } => PenaltyError::SubFen {
                path,
                amount: value,
            },
            ModelError::MoneyOverflow { operation } => PenaltyError::Overflow {
                path,
                operation: operation.to_owned(),
            },
            other => PenaltyError::InvalidFact {
                path,
                message: other.to_string(),
            },
        }
    }

    /// Puts `prefix` before the path of an allocation error (whose paths are
    /// relative to the list: `""` or `"[2]"`).
    pub(crate) fn at(self, prefix: &str) -> PenaltyError {
        let join = |p: String| {
            if p.is_empty() {
                prefix.to_owned()
            } else if prefix.is_empty() || p.starts_with('[') {
                format!("{prefix}{p}")
            } else {
                format!("{prefix}.{p}")
            }
        };
        match self {
            PenaltyError::EmptyShares { path } => PenaltyError::EmptyShares { path: join(path) },
            PenaltyError::NegativeShare { path, party, share } => PenaltyError::NegativeShare {
                path: join(path),
                party,
                share,
            },
            PenaltyError::AllZeroShares { path } => {
                PenaltyError::AllZeroShares { path: join(path) }
            }
            PenaltyError::DuplicateParty { path, party } => PenaltyError::DuplicateParty {
                path: join(path),
                party,
            },
            PenaltyError::Overflow { path, operation } => PenaltyError::Overflow {
                path: join(path),
                operation,
            },
            other => other,
        }
    }
}
