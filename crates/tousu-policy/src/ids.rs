//! Identifiers a policy document defines for its own parts: the policy itself,
//! rules, milestones and escalation steps.
//!
//! They follow the same rule as the model's codes ([`tousu_model::LevelId`]):
//! 1 to 64 letters (any script), digits, `_`, `-` or `.`, starting with a
//! letter or digit.

use std::borrow::Cow;
use std::fmt;

/// Why a text is not a valid policy identifier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind} {value:?} is not valid: {reason}")]
pub struct IdError {
    /// Which kind of identifier.
    pub kind: &'static str,
    /// The rejected text.
    pub value: String,
    /// What the rules are.
    pub reason: &'static str,
}

fn check_code(value: &str) -> Result<(), &'static str> {
    let mut chars = value.chars();
    let Some(first) = chars.next() else {
        return Err("it is empty; use 1 to 64 letters, digits, '_', '-' or '.'");
    };
    if value.chars().count() > 64 {
        return Err("it is longer than 64 characters");
    }
    if !first.is_alphanumeric() {
        return Err("it must start with a letter or digit");
    }
    if chars.any(|c| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))) {
        return Err("only letters, digits, '_', '-' and '.' are allowed (no spaces)");
    }
    Ok(())
}

macro_rules! policy_id {
    ($(#[$meta:meta])* $name:ident, $what:literal) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Validates and wraps `value`.
            ///
            /// # Errors
            ///
            /// [`IdError`] if `value` is empty, too long or has other
            /// characters than letters, digits, `_`, `-` and `.`.
            pub fn new(value: impl Into<String>) -> Result<Self, IdError> {
                let value = value.into();
                match check_code(&value) {
                    Ok(()) => Ok(Self(value)),
                    Err(reason) => Err(IdError { kind: stringify!($name), value, reason }),
                }
            }

            /// The identifier as text.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(value: String) -> Result<Self, IdError> {
                Self::new(value)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = IdError;
            fn from_str(s: &str) -> Result<Self, IdError> {
                Self::new(s)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($name))
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 64,
                    "pattern": r"^[\p{L}\p{N}][\p{L}\p{N}_.\-]*$",
                    "description": concat!($what, ": 1-64 letters, digits, '_', '-' or '.', starting with a letter or digit."),
                })
            }
        }
    };
}

policy_id!(
    /// The id of a policy document (`default`, `s12-auto-4s`).
    PolicyId, "A policy id"
);
policy_id!(
    /// The id of a rule in a classification, acceptance or validity table;
    /// every [`Decision`](crate::Decision) names the rule that produced it.
    RuleId, "A rule id, unique within its table"
);
policy_id!(
    /// The id of a milestone (a clock with a time limit): `first_response`,
    /// `acceptance`, `result`, `callback`.
    MilestoneId, "A milestone id"
);
policy_id!(
    /// The id of an escalation step.
    EscalationId, "An escalation step id"
);
