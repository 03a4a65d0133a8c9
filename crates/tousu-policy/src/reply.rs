//! The form a reply (答复, the `reply` command) must take (schema 2,
//! ruling 141 in docs/rulings.md).
//!
//! ```toml
//! # S42 (7)「书面投诉:对客户的书面投诉,确认投诉性质以书面形式回复客户。」: a complaint
//! # made in writing is answered in writing.
//! [reply]
//! written = { when = { channel = ["letter"] } }
//! ```
//!
//! `written` makes the reply of the cases its `when` holds for (the
//! predicate of a milestone's `applies_when`; absent: every case) one the
//! command says was given in writing (`{ "reply": { "text": …, "written":
//! true } }`); an oral reply to such a case is refused and changes
//! nothing. A reply records its form (`replied.written`) whatever the
//! policy says.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::Report;
use crate::policy::Policy;
use crate::predicate::{EvalInput, Predicate};

/// What the policy says of replies (`[reply]`, schema 2).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplyRules {
    /// The cases answered in writing (ruling 141). Absent: a reply may
    /// take any form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written: Option<WrittenReply>,
}

/// The cases whose reply is given in writing (`reply.written`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WrittenReply {
    /// The cases it is said of: where this predicate holds. Absent: every
    /// case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Predicate>,
    /// A note for people (the clause).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl ReplyRules {
    /// Whether nothing is said: a reply may take any form, as before the
    /// section existed.
    #[must_use]
    pub fn is_default(&self) -> bool {
        self.written.is_none()
    }

    /// Whether the case in `input` must be answered in writing.
    #[must_use]
    pub fn written_for(&self, policy: &Policy, input: &EvalInput<'_>) -> bool {
        self.written
            .as_ref()
            .is_some_and(|w| w.when.as_ref().is_none_or(|p| p.matches(policy, input)))
    }
}

/// Validation: the section belongs to schema 2 (its predicate is checked
/// with the others').
pub(crate) fn check(p: &Policy, r: &mut Report) {
    if !p.reply.is_default() && p.schema_version < 2 {
        r.error(
            "reply",
            "is a table of schema_version 2; write schema_version = 2",
        );
    }
}
