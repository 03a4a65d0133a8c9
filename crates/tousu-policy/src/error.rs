//! The policy crate's error type and validation report.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tousu_model::Problem;

/// The format of a policy document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// TOML.
    Toml,
    /// JSON.
    Json,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Toml => "TOML",
            Format::Json => "JSON",
        })
    }
}

/// What went wrong loading a policy.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyError {
    /// The document is not well-formed, or a value has the wrong shape
    /// (an unknown field, a duration that does not parse, ...).
    #[error("{}", parse_message(*format, message, *line, *column))]
    Parse {
        /// The document's format.
        format: Format,
        /// What the parser said, with what would be accepted.
        message: String,
        /// 1-based line, when the parser knows it.
        line: Option<usize>,
        /// 1-based column, when the parser knows it.
        column: Option<usize>,
    },
    /// The document was written for a newer schema than this library reads.
    #[error(
        "schema_version {found} is newer than this library reads (1 to {supported}); upgrade tousu or write the policy for schema_version {supported}"
    )]
    UnsupportedSchemaVersion {
        /// The version in the document.
        found: u64,
        /// The newest version this library reads.
        supported: u32,
    },
    /// The document parsed but breaks its rules: every problem, with its path.
    #[error("{}", Problems(problems))]
    Invalid {
        /// Every problem found, each with its path and what is accepted.
        problems: Vec<Problem>,
    },
    /// The policy could not be written in a format.
    #[error("cannot write the policy as {format}: {message}")]
    Serialize {
        /// The format.
        format: Format,
        /// The serializer's message.
        message: String,
    },
    /// The file could not be read.
    #[error("cannot read {path}: {message}")]
    Io {
        /// The path as given.
        path: String,
        /// The operating system's message.
        message: String,
    },
}

fn parse_message(
    format: Format,
    message: &str,
    line: Option<usize>,
    column: Option<usize>,
) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!("{format} error at line {l}, column {c}: {message}"),
        (Some(l), None) => format!("{format} error at line {l}: {message}"),
        _ => format!("{format} error: {message}"),
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

/// The outcome of validating a policy: errors (the policy is refused) and
/// warnings (it loads, but something looks wrong).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Report {
    /// Problems that make the policy invalid.
    pub errors: Vec<Problem>,
    /// Problems worth a look that do not stop the policy loading.
    pub warnings: Vec<Problem>,
}

impl Report {
    /// Whether there are no errors (warnings allowed).
    #[must_use]
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }

    pub(crate) fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(Problem::new(path, message));
    }

    pub(crate) fn warning(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.warnings.push(Problem::new(path, message));
    }
}

impl fmt::Display for Report {
    /// One problem a line: `path: message`, warnings prefixed `warning: `.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.errors {
            writeln!(f, "{p}")?;
        }
        for p in &self.warnings {
            writeln!(f, "warning: {p}")?;
        }
        Ok(())
    }
}
