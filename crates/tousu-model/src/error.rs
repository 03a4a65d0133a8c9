//! The one error type of this crate.

use std::fmt;

/// What was wrong with a model value, where, and what would be accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// An identifier did not meet its rules.
    #[error("{kind} {value:?} is not valid: {reason}")]
    InvalidId {
        /// Which kind of identifier (`StaffId`, `LevelId`, ...).
        kind: &'static str,
        /// The rejected text.
        value: String,
        /// What the rules are.
        reason: &'static str,
    },
    /// A text is not an amount of money.
    #[error(
        "{input:?} is not an amount of money: {reason}; expected e.g. \"1234.50\", \"1,234.5\", \"¥12\" or \"12元\""
    )]
    InvalidMoney {
        /// The rejected text.
        input: String,
        /// What was wrong with it.
        reason: &'static str,
    },
    /// An amount is finer than a fen (0.01) and no rounding mode was named.
    #[error(
        "{value} is finer than a fen (0.01 yuan); round it with a named rounding mode or give at most two decimals"
    )]
    SubFen {
        /// The exact value, as text.
        value: String,
    },
    /// Money arithmetic went outside the representable range.
    #[error("money arithmetic overflowed in {operation}")]
    MoneyOverflow {
        /// The operation that overflowed (`add`, `sub`, `mul_ratio`, ...).
        operation: &'static str,
    },
    /// A text is not one of an enumeration's ids or Chinese labels.
    #[error("{input:?} is not a known {kind}; accepted: {}", accepted.join(", "))]
    UnknownLabel {
        /// The enumeration (`Channel`, `Satisfaction`, ...).
        kind: &'static str,
        /// The rejected text.
        input: String,
        /// Every accepted id and label.
        accepted: Vec<&'static str>,
    },
    /// A complaint-number pattern is malformed.
    #[error(
        "complaint-number pattern {pattern:?} is invalid: {reason}; expected e.g. \"{{yyyy}}{{mm}}-{{seq:04}}\""
    )]
    InvalidPattern {
        /// The rejected pattern.
        pattern: String,
        /// What was wrong with it.
        reason: String,
    },
    /// A complaint number could not be formatted or does not match its pattern.
    #[error("complaint number {input:?} does not fit pattern {pattern:?}: {reason}")]
    ComplaintNo {
        /// The number (or, when formatting, the values) concerned.
        input: String,
        /// The pattern.
        pattern: String,
        /// What did not fit.
        reason: String,
    },
    /// A text or a pair of numbers is not a calendar month.
    #[error("{input:?} is not a month: {reason}, e.g. \"2025-10\"")]
    InvalidMonth {
        /// The rejected text (or the year and month given).
        input: String,
        /// What would be accepted.
        reason: &'static str,
    },
    /// One or more fields of a composite value are invalid.
    #[error("{}", Problems(problems))]
    Invalid {
        /// Every problem found, each with its path.
        problems: Vec<Problem>,
    },
}

/// One problem in a composite value: where, and what is wrong or accepted.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
pub struct Problem {
    /// A path into the value, such as `product.defective_quantity` or `staff[3].supervisor`.
    pub path: String,
    /// What is wrong and what would be accepted.
    pub message: String,
}

impl Problem {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

struct Problems<'a>(&'a [Problem]);

impl fmt::Display for Problems<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            [one] => write!(f, "{one}"),
            many => {
                write!(f, "{} problems:", many.len())?;
                for p in many {
                    write!(f, "\n  {p}")?;
                }
                Ok(())
            }
        }
    }
}

/// Collects problems with paths, then turns them into one error.
#[derive(Debug, Default)]
pub(crate) struct ProblemSink {
    pub(crate) list: Vec<Problem>,
}

/// The path of an item of a list, `list[index]`: written out only when a
/// problem is reported, so checking a valid value formats nothing.
pub(crate) struct Indexed<'a>(pub(crate) &'a str, pub(crate) usize);

impl fmt::Display for Indexed<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.0, self.1)
    }
}

/// The path of a field, `prefix.field` (`field` without a prefix): written
/// out only when a problem is reported.
pub(crate) struct FieldPath<'a>(pub(crate) &'a str, pub(crate) &'a str);

impl fmt::Display for FieldPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            "" => f.write_str(self.1),
            prefix => write!(f, "{prefix}.{}", self.1),
        }
    }
}

impl ProblemSink {
    pub(crate) fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.list.push(Problem::new(path, message));
    }

    pub(crate) fn finish(self) -> Result<(), ModelError> {
        if self.list.is_empty() {
            Ok(())
        } else {
            Err(ModelError::Invalid {
                problems: self.list,
            })
        }
    }
}
