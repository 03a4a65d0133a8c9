//! The commands applied to a case (idempotency) and their fingerprints.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use tousu_model::CommandId;

use crate::command::CommandDigest;

/// Up to this many commands, a look-up reads them all; past it, their
/// positions are also kept in id order for a binary search. Most cases
/// see about ten commands in their life, and reading ten ids (their last
/// byte first) costs less than keeping them sorted.
const LINEAR: usize = 16;

/// The commands applied to a case (idempotency), each id with the
/// fingerprint its first event recorded — none for events stored before
/// fingerprints were.
///
/// Held in the order the commands were applied (a case read from a
/// document: id order), each once. A replay records each command as it
/// comes, with no sort and no tree insert; a look-up compares the ids one
/// by one, their last byte first (ids that differ mostly differ there: a
/// sequence number, a UUID's last digits), and once a case has had more
/// than sixteen commands, searches their positions kept in id order, so a
/// long-lived case's look-up stays a binary search. Before either, a
/// 64-bit mask with one bit per id recorded (chosen by a hash of the id's
/// end) answers most look-ups of a new id — every command's first — with
/// no comparison at all (docs/performance-history.md, "Seventh pass: replay").
///
/// A case document writes it as the two fields it always had: `command_ids`
/// (every id, in id order) and `command_digests` (id → fingerprint, omitted
/// when there is none), so stored snapshots load and compare as before.
/// Two are equal when they hold the same ids with the same fingerprints,
/// in whatever order they were recorded.
#[derive(Clone, Debug, Default)]
pub struct AppliedCommands {
    /// Each command once, in the order recorded.
    entries: Vec<(CommandId, Option<CommandDigest>)>,
    /// The positions of `entries` in id order once there are more than
    /// [`LINEAR`] of them; empty before.
    by_id: Vec<usize>,
    /// The union of [`bit`] over the ids recorded: an id whose bit is not
    /// in it was not recorded.
    mask: u64,
}

/// One of 64 bits, chosen by the id's length and its last eight bytes
/// (where ids that differ mostly differ; a shorter id: its first, middle
/// and last bytes), mixed by a multiplication.
fn bit(id: &CommandId) -> u64 {
    let b = id.as_str().as_bytes();
    let len = b.len() as u64;
    let key = match b.last_chunk::<8>() {
        Some(last) => u64::from_le_bytes(*last),
        None => {
            let at = |i: usize| u64::from(b.get(i).copied().unwrap_or(0));
            at(0) | at(b.len() / 2) << 8 | at(b.len().wrapping_sub(1)) << 16
        }
    };
    1 << ((key ^ len << 56).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58)
}

/// Whether two ids are the same, the cheap tests first: their length and
/// last byte inline, then the id's own equality (its pointer, its text).
fn same(a: &CommandId, b: &CommandId) -> bool {
    let (x, y) = (a.as_str().as_bytes(), b.as_str().as_bytes());
    x.len() == y.len() && x.last() == y.last() && a == b
}

impl AppliedCommands {
    /// Nothing applied yet, with room for `capacity` commands.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        AppliedCommands {
            entries: Vec::with_capacity(capacity),
            by_id: Vec::new(),
            mask: 0,
        }
    }

    /// The id at `position` of `entries`, ordered against `id`.
    fn order_at(&self, position: usize, id: &CommandId) -> Ordering {
        // `by_id` holds positions of `entries` only; a missing one would
        // sort first rather than panic.
        self.entries
            .get(position)
            .map_or(Ordering::Less, |(k, _)| k.cmp(id))
    }

    /// Where `id` is in `entries`; or, when it is not there and the index
    /// is kept, where its position goes in `by_id`.
    fn search(&self, id: &CommandId) -> Result<usize, usize> {
        self.search_with(id, bit(id))
    }

    /// [`search`](Self::search), `id`'s [`bit`] given.
    // Inline: a replay's look-up of each command's id mostly ends at the
    // mask, a few instructions that a call cost more than.
    #[inline(always)]
    fn search_with(&self, id: &CommandId, bit: u64) -> Result<usize, usize> {
        if self.by_id.is_empty() {
            if self.mask & bit == 0 {
                return Err(0);
            }
            return self.entries.iter().position(|(k, _)| same(k, id)).ok_or(0);
        }
        match self.by_id.binary_search_by(|&p| self.order_at(p, id)) {
            Ok(i) => self.by_id.get(i).copied().ok_or(i),
            Err(i) => Err(i),
        }
    }

    /// Whether a command with this id was applied.
    pub fn contains(&self, id: &CommandId) -> bool {
        self.search(id).is_ok()
    }

    /// The fingerprint recorded for the command with this id, if it was
    /// applied and its events recorded one.
    pub fn digest(&self, id: &CommandId) -> Option<&CommandDigest> {
        let i = self.search(id).ok()?;
        self.entries.get(i).and_then(|(_, d)| d.as_ref())
    }

    /// How many commands were applied.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether none was.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Each applied command's id and fingerprint, in the order they were
    /// recorded (for a case read from a document: id order).
    pub fn iter(&self) -> impl Iterator<Item = (&CommandId, Option<&CommandDigest>)> {
        self.entries.iter().map(|(id, d)| (id, d.as_ref()))
    }

    /// The entries in id order.
    fn in_id_order(&self) -> Vec<&(CommandId, Option<CommandDigest>)> {
        if self.by_id.is_empty() {
            let mut sorted: Vec<_> = self.entries.iter().collect();
            sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            sorted
        } else {
            self.by_id
                .iter()
                .filter_map(|&p| self.entries.get(p))
                .collect()
        }
    }

    /// Records a command's id and, if its event carries one, its
    /// fingerprint; a fingerprint already recorded for the id stays (the
    /// first outcome stands).
    pub(crate) fn record(&mut self, id: &CommandId, digest: Option<&CommandDigest>) {
        let bit = bit(id);
        match self.search_with(id, bit) {
            Ok(i) => {
                if let Some((_, slot @ None)) = self.entries.get_mut(i) {
                    *slot = digest.copied();
                }
            }
            Err(at) => {
                let position = self.entries.len();
                self.entries.push((id.clone(), digest.copied()));
                self.mask |= bit;
                if !self.by_id.is_empty() {
                    self.by_id.insert(at, position);
                } else if self.entries.len() > LINEAR {
                    self.index();
                }
            }
        }
    }

    /// Keeps the positions in id order, when there are more than [`LINEAR`].
    fn index(&mut self) {
        if self.entries.len() <= LINEAR {
            return;
        }
        let mut by_id: Vec<usize> = (0..self.entries.len()).collect();
        by_id.sort_unstable_by(|&a, &b| match (self.entries.get(a), self.entries.get(b)) {
            (Some(x), Some(y)) => x.0.cmp(&y.0),
            _ => a.cmp(&b),
        });
        self.by_id = by_id;
    }
}

impl PartialEq for AppliedCommands {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && self.entries.iter().all(|(id, d)| {
                other
                    .search(id)
                    .ok()
                    .and_then(|i| other.entries.get(i))
                    .is_some_and(|(_, od)| od == d)
            })
    }
}

impl Eq for AppliedCommands {}

/// The two fields of a case document, as written since fingerprints were.
#[derive(serde::Deserialize, schemars::JsonSchema)]
#[schemars(rename = "AppliedCommands")]
struct AppliedCommandsDoc {
    /// Command ids already applied (idempotency).
    command_ids: std::collections::BTreeSet<CommandId>,
    /// The fingerprint ([`Command::digest`](crate::Command::digest)) of
    /// each applied command whose events record one.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    command_digests: BTreeMap<CommandId, CommandDigest>,
}

impl serde::Serialize for AppliedCommands {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        type Entries<'a> = [&'a (CommandId, Option<CommandDigest>)];
        struct Ids<'a, 'b>(&'b Entries<'a>);
        impl serde::Serialize for Ids<'_, '_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.iter().map(|(id, _)| id))
            }
        }
        struct Digests<'a, 'b>(&'b Entries<'a>);
        impl serde::Serialize for Digests<'_, '_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_map(self.0.iter().filter_map(|(id, d)| Some((id, d.as_ref()?))))
            }
        }
        let sorted = self.in_id_order();
        let with_digests = self.entries.iter().any(|(_, d)| d.is_some());
        let mut doc =
            serializer.serialize_struct("AppliedCommands", 1 + usize::from(with_digests))?;
        doc.serialize_field("command_ids", &Ids(&sorted))?;
        if with_digests {
            doc.serialize_field("command_digests", &Digests(&sorted))?;
        } else {
            doc.skip_field("command_digests")?;
        }
        doc.end()
    }
}

/// A fingerprint recorded for an id the document does not list as applied
/// is dropped: such an id was never seen ([`Case::seen`](crate::Case::seen)
/// asked the ids first), and its first command records its own.
impl<'de> serde::Deserialize<'de> for AppliedCommands {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let AppliedCommandsDoc {
            command_ids,
            mut command_digests,
        } = AppliedCommandsDoc::deserialize(deserializer)?;
        let mut mask = 0;
        let entries: Vec<_> = command_ids
            .into_iter()
            .map(|id| {
                mask |= bit(&id);
                let digest = command_digests.remove(&id);
                (id, digest)
            })
            .collect();
        // The set is in id order already.
        let by_id = if entries.len() > LINEAR {
            (0..entries.len()).collect()
        } else {
            Vec::new()
        };
        Ok(AppliedCommands {
            entries,
            by_id,
            mask,
        })
    }
}

/// The schema of the two fields it is written as.
impl schemars::JsonSchema for AppliedCommands {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        AppliedCommandsDoc::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        AppliedCommandsDoc::json_schema(generator)
    }

    fn inline_schema() -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn id(s: &str) -> CommandId {
        CommandId::new(s).unwrap()
    }

    /// A case document written before the two maps were one loads, keeps
    /// each fingerprint with its id, and is written back unchanged.
    #[test]
    fn older_case_documents_load_and_write_back_the_same() {
        let hex = "ab".repeat(32);
        let old = serde_json::json!({
            "command_ids": ["c-1", "c-2", "c-3"],
            "command_digests": { "c-2": hex },
        });
        let applied: AppliedCommands = serde_json::from_value(old.clone()).unwrap();
        assert!(applied.contains(&id("c-1")) && applied.contains(&id("c-3")));
        assert!(!applied.contains(&id("c-4")));
        assert_eq!(applied.digest(&id("c-1")), None);
        assert_eq!(applied.digest(&id("c-2")).unwrap().to_string(), hex);
        assert_eq!(serde_json::to_value(&applied).unwrap(), old);
        // Before fingerprints: ids only, and no `command_digests` written.
        let oldest = serde_json::json!({ "command_ids": ["c-1"] });
        let applied: AppliedCommands = serde_json::from_value(oldest.clone()).unwrap();
        assert_eq!(serde_json::to_value(&applied).unwrap(), oldest);
    }

    /// Recorded out of id order, a reused id found again, its first
    /// fingerprint kept (or the first one given, after none); written in id
    /// order; equal to the same ids recorded in another order.
    #[test]
    fn recorded_in_arrival_order_written_in_id_order() {
        let d = |b: u8| CommandDigest::from_bytes([b; 32]);
        let mut applied = AppliedCommands::default();
        for (i, digest) in [
            (id("b"), None),
            (id("a"), Some(d(1))),
            (id("b"), Some(d(2))),
            (id("a"), Some(d(3))),
            (id("c"), None),
        ] {
            applied.record(&i, digest.as_ref());
        }
        assert_eq!(applied.len(), 3);
        assert_eq!(applied.digest(&id("a")), Some(&d(1)));
        assert_eq!(applied.digest(&id("b")), Some(&d(2)));
        let order: Vec<&str> = applied.iter().map(|(i, _)| i.as_str()).collect();
        assert_eq!(order, ["b", "a", "c"]);
        let json = serde_json::to_value(&applied).unwrap();
        assert_eq!(json["command_ids"], serde_json::json!(["a", "b", "c"]));
        let back: AppliedCommands = serde_json::from_value(json).unwrap();
        assert_eq!(back, applied);
    }

    /// What a case recorded before this representation did: a vector kept
    /// sorted by id, each id once, its first fingerprint kept.
    #[derive(Default)]
    struct Sorted(Vec<(CommandId, Option<CommandDigest>)>);

    impl Sorted {
        fn record(&mut self, id: &CommandId, digest: Option<&CommandDigest>) {
            match self.0.binary_search_by(|(k, _)| k.cmp(id)) {
                Ok(i) => {
                    if let Some((_, slot @ None)) = self.0.get_mut(i) {
                        *slot = digest.copied();
                    }
                }
                Err(i) => self.0.insert(i, (id.clone(), digest.copied())),
            }
        }
    }

    proptest! {
        /// Any sequence of commands, ids reused or not, some with equal
        /// last bytes or lengths, on both sides of the index's threshold:
        /// every id is found (or not) with the fingerprint the sorted
        /// vector gives, the document written is the same, and it reads
        /// back equal. Ids are fresh allocations each time, so equality is
        /// by text, not by a shared pointer.
        #[test]
        fn arrival_order_finds_what_the_sorted_vector_finds(
            steps in prop::collection::vec((0u32..60, prop::option::of(any::<u8>())), 0..120),
        ) {
            let name = |n: u32| format!("cmd-{}-{}", n % 7, n / 7);
            let mut new = AppliedCommands::default();
            let mut old = Sorted::default();
            for (n, byte) in &steps {
                let digest = byte.map(|b| CommandDigest::from_bytes([b; 32]));
                new.record(&id(&name(*n)), digest.as_ref());
                old.record(&id(&name(*n)), digest.as_ref());
            }
            prop_assert_eq!(new.len(), old.0.len());
            for n in 0..60 {
                let i = id(&name(n));
                let expected = old.0.iter().find(|(k, _)| *k == i);
                prop_assert_eq!(new.contains(&i), expected.is_some());
                prop_assert_eq!(new.digest(&i), expected.and_then(|(_, d)| d.as_ref()));
            }
            let doc = serde_json::to_string(&new).unwrap();
            let ids: Vec<&str> = old.0.iter().map(|(k, _)| k.as_str()).collect();
            let digests: BTreeMap<&str, String> = old
                .0
                .iter()
                .filter_map(|(k, d)| Some((k.as_str(), d.as_ref()?.to_string())))
                .collect();
            // The document as the sorted vector's fields were written.
            #[derive(serde::Serialize)]
            struct Doc<'a> {
                command_ids: Vec<&'a str>,
                #[serde(skip_serializing_if = "BTreeMap::is_empty")]
                command_digests: BTreeMap<&'a str, String>,
            }
            let expected = Doc { command_ids: ids, command_digests: digests };
            prop_assert_eq!(&doc, &serde_json::to_string(&expected).unwrap());
            let back: AppliedCommands = serde_json::from_str(&doc).unwrap();
            prop_assert_eq!(&back, &new);
            prop_assert!(back.iter().map(|(k, _)| k).eq(old.0.iter().map(|(k, _)| k)));
        }
    }
}
