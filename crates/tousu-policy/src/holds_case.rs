//! A grant's `holds_case` (rulings 121, 129 and 130): whether the grant's
//! actions need the case to be with the actor, and whether a case nobody
//! was handed counts as with him.

use std::borrow::Cow;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where the case must be for a grant to hold. In a policy file: `false`
/// (the default), `true`, or `"handed"`.
///
/// ```toml
/// # answers only a case handed to him: not one he registered that
/// # nobody has been handed yet (S24 5.3 2); ruling 130)
/// { actions = ["reply"], holds_case = "handed" }
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HoldsCase {
    /// `false`: wherever the case is.
    #[default]
    Anywhere,
    /// `true`: the case is with the actor (ruling 121): a step that took
    /// it over after its assignment gave it to the holders of that step's
    /// role (ruling 129); else its named handler or lead department; with
    /// no assignment, the role the last take-over gave it to; neither
    /// assigned nor taken over, anyone's (the desk that received it).
    WithActor,
    /// `"handed"`: as `true`, but a case neither assigned nor taken over
    /// is nobody's — only a case handed to the actor (ruling 130).
    Handed,
}

impl HoldsCase {
    /// Whether the grant asks where the case is (`true` or `"handed"`).
    #[must_use]
    pub const fn is_set(self) -> bool {
        !matches!(self, HoldsCase::Anywhere)
    }

    /// Whether the grant does not ask (`false`, the default; for
    /// `skip_serializing_if`).
    #[must_use]
    pub const fn is_anywhere(&self) -> bool {
        matches!(self, HoldsCase::Anywhere)
    }

    /// Whether the condition holds, given whether the case is with the
    /// actor as ruling 121 reads it (`with_actor`) and whether anybody was
    /// ever handed it — assigned, or taken over by a step (`handed`).
    #[must_use]
    pub const fn holds(self, with_actor: bool, handed: bool) -> bool {
        match self {
            HoldsCase::Anywhere => true,
            HoldsCase::WithActor => with_actor,
            HoldsCase::Handed => with_actor && handed,
        }
    }
}

impl fmt::Display for HoldsCase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            HoldsCase::Anywhere => "false",
            HoldsCase::WithActor => "true",
            HoldsCase::Handed => "\"handed\"",
        })
    }
}

impl Serialize for HoldsCase {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            HoldsCase::Anywhere => serializer.serialize_bool(false),
            HoldsCase::WithActor => serializer.serialize_bool(true),
            HoldsCase::Handed => serializer.serialize_str("handed"),
        }
    }
}

impl<'de> Deserialize<'de> for HoldsCase {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = HoldsCase;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("true, false or \"handed\"")
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<HoldsCase, E> {
                Ok(if v {
                    HoldsCase::WithActor
                } else {
                    HoldsCase::Anywhere
                })
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<HoldsCase, E> {
                match v {
                    "handed" => Ok(HoldsCase::Handed),
                    other => Err(E::custom(format_args!(
                        "{other:?} is not a `holds_case`; expected true, false or \"handed\" (only a case handed to the actor)"
                    ))),
                }
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl JsonSchema for HoldsCase {
    fn schema_name() -> Cow<'static, str> {
        "HoldsCase".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Where the case must be for the grant to hold (rulings 121, 129, 130): false (anywhere), true (with the actor; a case nobody was handed is anyone's) or \"handed\" (with the actor, and handed to him: assigned or taken over).",
            "anyOf": [
                { "type": "boolean" },
                { "type": "string", "enum": ["handed"] },
            ],
        })
    }
}
