//! Identifiers as validated newtypes.
//!
//! Two families, one rule each:
//!
//! - **codes** ([`LevelId`], [`CategoryId`], [`RoleId`], [`FactName`]) are
//!   named in policy files and referenced from rule tables: 1 to 64 letters
//!   (any script, so `重大投诉` is a valid level id), digits, `_`, `-` or `.`,
//!   starting with a letter or digit;
//! - **references** ([`CaseId`], [`StaffId`], [`DepartmentId`], [`PartyId`],
//!   [`AttachmentId`], [`CommandId`]) come from the integrator's own systems (employee numbers,
//!   UUIDs, database keys): 1 to 128 characters, no control characters, no
//!   leading or trailing white space.
//!
//! ```
//! use tousu_model::{LevelId, StaffId};
//! let level: LevelId = "major".parse()?;
//! let staff = StaffId::new("E-0042")?;
//! assert_eq!(level.as_str(), "major");
//! assert!(LevelId::new("two words").is_err());
//! assert!(StaffId::new(" padded").is_err());
//! # let _ = staff;
//! # Ok::<(), tousu_model::ModelError>(())
//! ```

const CODE_MAX: usize = 64;
const REF_MAX: usize = 128;

/// The rule for code ids (`LevelId`, ...); used by the id macro.
#[doc(hidden)]
pub fn check_code(value: &str) -> Result<(), &'static str> {
    let mut chars = value.chars();
    let Some(first) = chars.next() else {
        return Err("it is empty; use 1 to 64 letters, digits, '_', '-' or '.'");
    };
    if value.chars().count() > CODE_MAX {
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

/// The JSON Schema of an id family; used by the id macro.
#[doc(hidden)]
pub fn schema(check: &str, description: &str) -> schemars::Schema {
    if check == "check_code" {
        schemars::json_schema!({
            "type": "string",
            "minLength": 1,
            "maxLength": CODE_MAX,
            // Exact on ASCII, and any non-ASCII character passes: every
            // validator (Python's `re`, ECMA-262 without the `u` flag) reads
            // this, where `\p{L}` is refused. `check_code` still refuses
            // non-ASCII characters that are not letters or digits.
            "pattern": r"^(?:[0-9A-Za-z]|[^\x00-\x7F])(?:[0-9A-Za-z_.\-]|[^\x00-\x7F])*$",
            "description": description,
        })
    } else {
        schemars::json_schema!({
            "type": "string",
            "minLength": 1,
            "maxLength": REF_MAX,
            "description": description,
        })
    }
}

/// The rule for reference ids (`StaffId`, ...); used by the id macro.
#[doc(hidden)]
pub fn check_ref(value: &str) -> Result<(), &'static str> {
    if value.is_empty() {
        return Err("it is empty");
    }
    if value.chars().count() > REF_MAX {
        return Err("it is longer than 128 characters");
    }
    if value.chars().any(char::is_control) {
        return Err("it contains a control character");
    }
    if value.trim() != value {
        return Err("it has leading or trailing white space");
    }
    Ok(())
}

/// Deserializes an id from a string through its validating constructor, with
/// one copy of the text (no intermediate `String`); used by the id macro.
#[doc(hidden)]
pub struct IdVisitor<F>(pub F);

impl<T, F> serde::de::Visitor<'_> for IdVisitor<F>
where
    F: FnOnce(&str) -> Result<T, crate::ModelError>,
{
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a string id")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        (self.0)(v).map_err(E::custom)
    }
}

/// The ids of one kind this thread read recently (parsed or deserialized),
/// so that the same id read again shares its text instead of allocating and
/// validating a copy; used by the id macro.
///
/// Why: a case's stored events repeat the case id in every event, the
/// command id in each of its events, the actor in a command's events, and
/// the policy's own ids (milestones, levels, roles, rules) in event after
/// event of every case. Read from JSON, each would be its own allocation:
/// every comparison the replay makes (is this event of the case? a new
/// command? this clock?) would compare text, and every clone would write
/// the count of a block nothing else touched — a cache line per id per
/// event. Sharing makes those comparisons a pointer test and those clones
/// touch a line already in cache (docs/performance-history.md, "Eleventh pass").
///
/// A small table, one slot per hash of the text (its length, first and
/// last bytes): an id read again while still in its slot is shared. It
/// holds at most 32 ids (`RECENT`) per kind per thread, each until another id
/// of that kind lands in its slot or the thread ends.
#[doc(hidden)]
pub struct RecentIds(std::cell::RefCell<[Option<arcstr::ArcStr>; RECENT]>);

/// Slots of [`RecentIds`]: more than the distinct codes a policy's events
/// repeat (milestones, levels, roles), few enough to stay a few cache lines.
const RECENT: usize = 32;

impl Default for RecentIds {
    fn default() -> Self {
        Self::new()
    }
}

impl RecentIds {
    /// Nothing read yet (`const`, for a `thread_local!`).
    pub const fn new() -> Self {
        RecentIds(std::cell::RefCell::new([const { None }; RECENT]))
    }

    /// The slot of `value`: its length and its first and last eight bytes
    /// (where ids differ: a prefix, a sequence number), mixed by a
    /// multiplication. Ids that share a slot only evict each other.
    fn slot(value: &str) -> usize {
        let b = value.as_bytes();
        let word = |chunk: Option<&[u8; 8]>| chunk.map_or(0, |c| u64::from_le_bytes(*c));
        let (first, last) = match (b.first_chunk::<8>(), b.last_chunk::<8>()) {
            (Some(f), l) => (word(Some(f)), word(l)),
            // Shorter than eight bytes: its bytes, zero-padded.
            (None, _) => {
                let mut padded = [0u8; 8];
                for (p, c) in padded.iter_mut().zip(b) {
                    *p = *c;
                }
                (u64::from_le_bytes(padded), 0)
            }
        };
        let key = first ^ last.rotate_left(29) ^ ((b.len() as u64) << 56);
        // The top bits of the product: log2(RECENT) of them (below
        // RECENT, so the conversion cannot fail).
        usize::try_from(key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - RECENT.trailing_zeros()))
            .unwrap_or(0)
    }

    /// The text read recently, if it is `value`.
    pub fn get(&self, value: &str) -> Option<arcstr::ArcStr> {
        let recent = self.0.try_borrow().ok()?;
        recent
            .get(Self::slot(value))?
            .as_ref()
            .filter(|t| t.as_str() == value)
            .cloned()
    }

    /// Remembers `text` as read, in its slot.
    pub fn set(&self, text: &arcstr::ArcStr) {
        if let Ok(mut recent) = self.0.try_borrow_mut()
            && let Some(slot) = recent.get_mut(Self::slot(text))
        {
            *slot = Some(text.clone());
        }
    }
}

/// Defines a validated string id newtype (for the tousu crates' own ids;
/// not a stable API).
#[doc(hidden)]
#[macro_export]
macro_rules! __string_id {
    ($(#[$meta:meta])* $name:ident, $check:ident, $rule:literal) => {
        $(#[$meta])*
        // Shared text: a clone (one per event, per participant, per
        // statement line) is a reference count, not an allocation; and a
        // thin pointer (8 bytes, the length beside the count in the shared
        // block), so every event and case carries half the bytes per id
        // that an `Arc<str>` took (docs/performance-history.md, "Ninth pass").
        #[derive(Clone, Debug)]
        pub struct $name($crate::__id_rules::ArcStr);

        // Two clones of one id share their text: equal without reading it.
        // (Said here rather than left to the text's own equality, so that
        // the shortcut holds whatever the shared-text type does.)
        // Ordering and hashing are the text's, as derived ones were; ids
        // read with their neighbours (`from_text`) share one allocation too.
        impl PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                $crate::__id_rules::ArcStr::ptr_eq(&self.0, &other.0) || self.0.as_str() == other.0.as_str()
            }
        }

        impl Eq for $name {}

        impl PartialOrd for $name {
            fn partial_cmp(&self, other: &Self) -> Option<::std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl Ord for $name {
            fn cmp(&self, other: &Self) -> ::std::cmp::Ordering {
                if $crate::__id_rules::ArcStr::ptr_eq(&self.0, &other.0) {
                    ::std::cmp::Ordering::Equal
                } else {
                    self.0.as_str().cmp(other.0.as_str())
                }
            }
        }

        impl ::std::hash::Hash for $name {
            fn hash<H: ::std::hash::Hasher>(&self, state: &mut H) {
                self.0.as_str().hash(state);
            }
        }

        impl $name {
            /// Validates and wraps `value`.
            pub fn new(value: impl Into<String>) -> Result<Self, $crate::ModelError> {
                let value = value.into();
                match $crate::__id_rules::$check(&value) {
                    Ok(()) => Ok(Self($crate::__id_rules::ArcStr::from(value))),
                    Err(reason) => Err($crate::ModelError::InvalidId {
                        kind: stringify!($name),
                        value,
                        reason,
                    }),
                }
            }

            /// Validates `value` and copies it once into the shared text
            /// (no intermediate `String`) — or, when it is the text this
            /// thread read recently for this kind of id, shares that one
            /// ([`RecentIds`]($crate::__id_rules::RecentIds)).
            fn from_text(value: &str) -> Result<Self, $crate::ModelError> {
                ::std::thread_local! {
                    static READ: $crate::__id_rules::RecentIds = const { $crate::__id_rules::RecentIds::new() };
                }
                if let Some(text) = READ.try_with(|recent| recent.get(value)).ok().flatten() {
                    return Ok(Self(text));
                }
                match $crate::__id_rules::$check(value) {
                    Ok(()) => {
                        let text = $crate::__id_rules::ArcStr::from(value);
                        // Fails only while the thread is exiting: then
                        // nothing is remembered.
                        let _ = READ.try_with(|recent| recent.set(&text));
                        Ok(Self(text))
                    }
                    Err(reason) => Err($crate::ModelError::InvalidId {
                        kind: stringify!($name),
                        value: value.to_owned(),
                        reason,
                    }),
                }
            }

            /// The identifier as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = $crate::ModelError;
            fn try_from(value: String) -> Result<Self, $crate::ModelError> {
                Self::new(value)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0.as_str().to_owned()
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::ModelError;
            fn from_str(s: &str) -> Result<Self, $crate::ModelError> {
                Self::from_text(s)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str($crate::__id_rules::IdVisitor(Self::from_text))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
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

        impl ::schemars::JsonSchema for $name {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(stringify!($name))
            }

            fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                $crate::__id_rules::schema(stringify!($check), $rule)
            }
        }
    };
}

__string_id!(
    /// A severity level defined by a policy (`major`, `重大投诉`, ...).
    LevelId, check_code, "A severity level id defined by the policy: 1-64 letters, digits, '_', '-' or '.'."
);
__string_id!(
    /// A complaint category defined by a policy's category tree.
    CategoryId, check_code, "A category id defined by the policy: 1-64 letters, digits, '_', '-' or '.'."
);
__string_id!(
    /// A role defined by a policy (`complaint_manager`, `general_manager`, ...).
    RoleId, check_code, "A role id defined by the policy: 1-64 letters, digits, '_', '-' or '.'."
);
__string_id!(
    /// The name of an integrator-defined fact on a complaint.
    FactName, check_code, "An integrator-defined fact name: 1-64 letters, digits, '_', '-' or '.'."
);
__string_id!(
    /// A complaint case, as the integrator's system knows it.
    CaseId, check_ref, "A case id from the integrator's system: 1-128 characters, no control characters, no surrounding spaces."
);
__string_id!(
    /// A staff member (employee number, account name, ...).
    StaffId, check_ref, "A staff id: 1-128 characters, no control characters, no surrounding spaces."
);
__string_id!(
    /// A department or team.
    DepartmentId, check_ref, "A department id: 1-128 characters, no control characters, no surrounding spaces."
);
__string_id!(
    /// An external party (a customer, a supplier) in the integrator's system.
    PartyId, check_ref, "A party id: 1-128 characters, no control characters, no surrounding spaces."
);
__string_id!(
    /// A command's idempotency key: the same id twice has one effect.
    CommandId, check_ref, "A command id (idempotency key): 1-128 characters, no control characters, no surrounding spaces."
);
__string_id!(
    /// An attachment held by the integrator's document store.
    AttachmentId, check_ref, "An attachment id: 1-128 characters, no control characters, no surrounding spaces."
);

#[cfg(test)]
mod tests {
    use super::*;

    /// An id read again while still in its slot shares its text, with
    /// other ids read in between; one that another id evicted, or one
    /// written by hand, is its own. Equality and order are by text either
    /// way.
    #[test]
    fn an_id_read_again_shares_its_text() {
        let a: CaseId = serde_json::from_str("\"K-1\"").unwrap();
        // Another kind in between does not matter: a table per kind.
        let _: StaffId = serde_json::from_str("\"K-1\"").unwrap();
        let b: CaseId = "K-1".parse().unwrap();
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
        // Another id of the kind, in another slot, in between.
        assert_ne!(RecentIds::slot("K-1"), RecentIds::slot("K-2"));
        let c: CaseId = serde_json::from_str("\"K-2\"").unwrap();
        let d: CaseId = serde_json::from_str("\"K-1\"").unwrap();
        assert!(std::ptr::eq(a.as_str(), d.as_str()));
        // One in the same slot evicts it.
        let rival = (3..10_000)
            .map(|n| format!("K-{n}"))
            .find(|t| RecentIds::slot(t) == RecentIds::slot("K-1"))
            .unwrap();
        let _: CaseId = rival.parse().unwrap();
        let e: CaseId = "K-1".parse().unwrap();
        assert!(!std::ptr::eq(a.as_str(), e.as_str()));
        assert_eq!(a, e);
        let by_hand = CaseId::new("K-1").unwrap();
        assert!(!std::ptr::eq(by_hand.as_str(), d.as_str()));
        assert_eq!(a, by_hand);
        assert_eq!(a.cmp(&by_hand), std::cmp::Ordering::Equal);
        assert_eq!(a.cmp(&c), std::cmp::Ordering::Less);
        assert_eq!(c.cmp(&d), std::cmp::Ordering::Greater);
        // What the rule refuses is refused again, not remembered.
        for _ in 0..2 {
            assert!(serde_json::from_str::<CaseId>("\" K-1\"").is_err());
        }
    }
}
