//! JSON input where a key means one thing: [`from_str`] refuses an object
//! that names a key twice (`{"actor": "h1", …, "actor": "head1"}`), which
//! `serde_json` otherwise accepts silently, keeping the last value — or, for
//! `#[serde(deny_unknown_fields)]` structs, the first field and an error
//! about neither. Every JSON document tousu reads (commands, events, rosters,
//! penalty facts, policies, calendar data) goes through it.
//!
//! Why not a crate: serde_json has no option for it and the one crate that
//! wraps it (`serde_json_strict`) is unmaintained; the check is one visitor
//! over the document, before the typed parse.
//!
//! ```
//! use tousu_model::json;
//!
//! let ok: serde_json::Value = json::from_str(r#"{"a": 1, "b": {"a": 2}}"#)?;
//! assert_eq!(ok["b"]["a"], 2);
//! let err = json::from_str::<serde_json::Value>(r#"{"actor": "h1", "actor": "head1"}"#)
//!     .unwrap_err();
//! assert!(err.to_string().starts_with(r#"duplicate key "actor" in an object at line 1"#));
//! # Ok::<(), serde_json::Error>(())
//! ```

use std::collections::BTreeSet;
use std::fmt;

use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};

/// Parses `text` as JSON into `T`, refusing an object that names a key twice
/// (at any depth). Otherwise exactly `serde_json::from_str`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    check_unique_keys(text)?;
    serde_json::from_str(text)
}

/// Checks that no object in the JSON `text` names a key twice; the error
/// names the key and where the second one ends.
pub fn check_unique_keys(text: &str) -> Result<(), serde_json::Error> {
    serde_json::from_str::<UniqueKeys>(text).map(|UniqueKeys| ())
}

/// A JSON value walked only to check its keys.
struct UniqueKeys;

impl<'de> de::Deserialize<'de> for UniqueKeys {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(UniqueKeysVisitor)
    }
}

struct UniqueKeysVisitor;

impl<'de> Visitor<'de> for UniqueKeysVisitor {
    type Value = UniqueKeys;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }
    fn visit_i64<E>(self, _: i64) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }
    fn visit_u64<E>(self, _: u64) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }
    fn visit_f64<E>(self, _: f64) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }
    fn visit_str<E>(self, _: &str) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }
    fn visit_unit<E>(self) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }
    fn visit_none<E>(self) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<UniqueKeys, D::Error> {
        de::Deserialize::deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<UniqueKeys, A::Error> {
        while seq.next_element::<UniqueKeys>()?.is_some() {}
        Ok(UniqueKeys)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<UniqueKeys, A::Error> {
        let mut seen = BTreeSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if seen.contains(&key) {
                return Err(de::Error::custom(format_args!(
                    "duplicate key \"{key}\" in an object"
                )));
            }
            map.next_value::<UniqueKeys>()?;
            seen.insert(key);
        }
        Ok(UniqueKeys)
    }
}

#[cfg(test)]
mod tests {
    use super::from_str;
    use serde_json::Value;

    #[test]
    fn a_key_named_twice_is_refused_at_any_depth() {
        for (text, key) in [
            (
                r#"{"actor":"h1","kind":"approve","actor":"head1"}"#,
                "actor",
            ),
            (r#"{"a":{"b":1,"b":2}}"#, "b"),
            (r#"[{"x":1},{"y":1,"y":1}]"#, "y"),
            (r#"{"处理人":"a","处理人":"b"}"#, "处理人"),
        ] {
            let err = from_str::<Value>(text).unwrap_err().to_string();
            assert!(
                err.starts_with(&format!("duplicate key \"{key}\"")),
                "{err}"
            );
        }
    }

    #[test]
    fn the_same_key_in_sibling_objects_is_fine() {
        let v: Value = from_str(r#"[{"a":1},{"a":2},{"b":{"a":3}}]"#).unwrap();
        assert_eq!(v[2]["b"]["a"], 3);
    }
}
