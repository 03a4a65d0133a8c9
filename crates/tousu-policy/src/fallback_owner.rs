//! Who answers for a breach when a milestone's owner names nobody on the
//! case: one owner, or (schema 2) a list tried in order (ruling 44 in
//! docs/rulings.md).
//!
//! S39 第二十五条「行政人事部负责案件的检查、监督、落实与协调」 owns the 7-day
//! closure clock; until 行政人事部 acts on the case the 上级主管 who ruled on
//! its acceptance answers, and a case no superior ever ruled on is the
//! store's, which received it (第七条「呈报上级主管裁定是否受理」):
//!
//! ```toml
//! owner = { role = "admin_hr" }
//! fallback_owner = [{ role = "store_superior" }, { role = "store" }]
//! ```
//!
//! A single owner (`fallback_owner = { role = "complaint_manager" }`), the
//! only form before, still loads and means a list of one.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::milestone::MilestoneOwner;

/// A milestone's fallback owner: one owner, or owners tried in order, the
/// first that names someone on the case answering.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(untagged)]
#[non_exhaustive]
pub enum FallbackOwner {
    /// One owner: `{ role = "complaint_manager" }` or `"first_responder"`.
    One(MilestoneOwner),
    /// Owners tried in order (schema 2): `[{ role = "store_superior" },
    /// { role = "store" }]`.
    Chain(Vec<MilestoneOwner>),
}

impl FallbackOwner {
    /// The owners, in the order they are tried.
    #[must_use]
    pub fn owners(&self) -> &[MilestoneOwner] {
        match self {
            FallbackOwner::One(o) => std::slice::from_ref(o),
            FallbackOwner::Chain(list) => list,
        }
    }

    /// Each owner with its key under the milestone (`fallback_owner` for
    /// one owner, `fallback_owner[1]` in a list), for validation paths.
    pub(crate) fn keyed(&self) -> Vec<(String, &MilestoneOwner)> {
        match self {
            FallbackOwner::One(o) => vec![("fallback_owner".to_owned(), o)],
            FallbackOwner::Chain(list) => list
                .iter()
                .enumerate()
                .map(|(k, o)| (format!("fallback_owner[{k}]"), o))
                .collect(),
        }
    }

    /// Whether it is a list (a schema 2 form), even of one owner.
    #[must_use]
    pub fn is_chain(&self) -> bool {
        matches!(self, FallbackOwner::Chain(_))
    }
}

impl From<MilestoneOwner> for FallbackOwner {
    fn from(owner: MilestoneOwner) -> Self {
        FallbackOwner::One(owner)
    }
}

// Written by hand rather than `#[serde(untagged)]`: an untagged enum's error
// is "data did not match any variant", where this one says what was wrong
// inside the owner (an unknown variant, a bad role id) and what is accepted.
impl<'de> Deserialize<'de> for FallbackOwner {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OwnerOrList;

        impl<'de> Visitor<'de> for OwnerOrList {
            type Value = FallbackOwner;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "an owner (\"assignee\", \"first_responder\", { role = \"...\" } or { holder = { role = \"...\" } }) or a list of them, tried in order",
                )
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                MilestoneOwner::deserialize(de::value::StrDeserializer::<E>::new(v))
                    .map(FallbackOwner::One)
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                MilestoneOwner::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(FallbackOwner::One)
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut owners = Vec::new();
                while let Some(owner) = seq.next_element()? {
                    owners.push(owner);
                }
                Ok(FallbackOwner::Chain(owners))
            }
        }

        deserializer.deserialize_any(OwnerOrList)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize, Serialize)]
    struct Holder {
        fallback_owner: FallbackOwner,
    }

    fn load(toml_text: &str) -> Result<FallbackOwner, String> {
        toml::from_str::<Holder>(toml_text)
            .map(|h| h.fallback_owner)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn one_owner_and_a_list_load_and_round_trip() {
        let one = load("fallback_owner = { role = \"clerk\" }").unwrap();
        assert!(!one.is_chain());
        assert_eq!(one.owners().len(), 1);
        let unit = load("fallback_owner = \"first_responder\"").unwrap();
        assert_eq!(unit.owners(), [MilestoneOwner::FirstResponder]);
        let list = load("fallback_owner = [{ role = \"a\" }, \"first_responder\"]").unwrap();
        assert!(list.is_chain());
        assert_eq!(list.owners().len(), 2);
        for v in [one, unit, list] {
            let json = serde_json::to_string(&Holder {
                fallback_owner: v.clone(),
            })
            .unwrap();
            let back: Holder = serde_json::from_str(&json).unwrap();
            assert_eq!(back.fallback_owner, v);
        }
    }

    #[test]
    fn a_bad_owner_says_what_is_wrong() {
        let e = load("fallback_owner = \"nobody\"").unwrap_err();
        assert!(e.contains("unknown variant `nobody`"), "{e}");
        let e = load("fallback_owner = [{ role = \"a\" }, \"nobody\"]").unwrap_err();
        assert!(e.contains("unknown variant `nobody`"), "{e}");
        let e = load("fallback_owner = 3").unwrap_err();
        assert!(e.contains("a list of them, tried in order"), "{e}");
    }
}
