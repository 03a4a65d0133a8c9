//! The memory store's due index: a calendar queue of spans of 1,024 seconds.
//!
//! A B-tree of every open case's entry (`BTreeSet<u128>`, until the eighth
//! pass) cost about 530 instructions an insert at a million entries: a
//! tick's new entries (the cases' next warnings, hours later) land at the
//! tree's right, and each node is searched from the left, eight levels
//! down. Here an insert hashes its span and pushes onto the span's list;
//! a removal finds the entry where the index noted it (in the case's slot,
//! [`Slots`], which the store keeps with the case) and swaps the span's
//! last entry into its place; only the spans themselves are
//! kept in order, and a tick sorts the few spans it takes (docs/performance-history.md,
//! "Ninth pass: the tick"). What a tick takes, and in which order, is what
//! the B-tree gave: every entry at or before `now`, by (instant, place).

use std::collections::{BTreeSet, HashMap};

use super::{DueKey, place_of};

/// Bits of an entry below its instant's seconds (nanoseconds, then place).
const BELOW_SECONDS: u32 = 64;
/// A span is 2^10 = 1,024 seconds (about 17 minutes). An entry costs its
/// 16-byte key and its share of its list's spare room and of the span's
/// own entry (map slot, list header, ordered set): with a store's next due
/// instants spread over a month, 64-second spans held about five entries
/// each and the index 38 bytes an entry, 1,024-second spans about eighty
/// and 26 bytes (`case_memory`, docs/performance-history.md "The due index per
/// entry"). The tick's instructions did not change (`tick_once`): it takes
/// whole spans before the one it ends in, and splits only that one.
const SPAN_BITS: u32 = 10;

/// The span of an entry: its instant's seconds, shifted (the key's top 64
/// bits are the seconds, offset to be unsigned, so spans order as instants).
fn span_of(key: DueKey) -> u64 {
    u64::try_from(key >> (BELOW_SECONDS + SPAN_BITS)).unwrap_or(u64::MAX)
}

/// Where each case's entry is in its span's list, by the case's place:
/// kept by the store with the case (in a line the tick writes anyway,
/// where a vector of its own cost a cache miss per due case), meaningful
/// only while the case has an entry.
pub(super) trait Slots {
    /// The slot of the case at `place`, if there is such a case.
    fn slot(&mut self, place: u32) -> Option<&mut u32>;
}

/// Notes in `slots` that `key`'s entry is at `slot` in its span's list.
fn note_slot(slots: &mut impl Slots, key: DueKey, slot: usize) {
    if let Some(s) = slots.slot(place_of(key)) {
        *s = u32::try_from(slot).unwrap_or(u32::MAX);
    }
}

/// Entries by the span of their instant, each case's at most once.
#[derive(Debug, Default)]
pub(super) struct DueIndex {
    /// Each span's entries, in no order.
    spans: HashMap<u64, Vec<DueKey>, foldhash::fast::RandomState>,
    /// The spans with entries, in order.
    order: BTreeSet<u64>,
}

impl DueIndex {
    /// Adds `key`, the entry of a case that has none.
    pub(super) fn insert(&mut self, key: DueKey, slots: &mut impl Slots) {
        let span = span_of(key);
        let list = self.spans.entry(span).or_default();
        if list.is_empty() {
            self.order.insert(span);
        }
        list.push(key);
        note_slot(slots, key, list.len() - 1);
    }

    /// Removes `key`, the entry of a case; whether it was there.
    pub(super) fn remove(&mut self, key: DueKey, slots: &mut impl Slots) -> bool {
        let span = span_of(key);
        let Some(list) = self.spans.get_mut(&span) else {
            return false;
        };
        let noted = slots.slot(place_of(key)).map(|s| *s as usize);
        let Some(slot) = noted
            .filter(|&s| list.get(s) == Some(&key))
            .or_else(|| list.iter().position(|&k| k == key))
        else {
            return false;
        };
        list.swap_remove(slot);
        match list.get(slot).copied() {
            Some(moved) => note_slot(slots, moved, slot),
            None if list.is_empty() => {
                self.spans.remove(&span);
                self.order.remove(&span);
            }
            None => {}
        }
        true
    }

    /// Takes out every entry at or before `last`, in order.
    pub(super) fn take_through(&mut self, last: DueKey, slots: &mut impl Slots) -> Vec<DueKey> {
        let end = span_of(last);
        // The spans before `end`, whole, and then `end`'s entries through `last`.
        let later = match end.checked_add(1) {
            Some(after) => self.order.split_off(&after),
            None => BTreeSet::new(),
        };
        let through = std::mem::replace(&mut self.order, later);
        let mut taken = Vec::new();
        for span in through {
            let Some(mut list) = self.spans.remove(&span) else {
                continue;
            };
            if span == end && list.iter().any(|&k| k > last) {
                let (mut due, rest): (Vec<DueKey>, Vec<DueKey>) =
                    list.iter().partition(|&&k| k <= last);
                due.sort_unstable();
                taken.append(&mut due);
                self.order.insert(span);
                for (slot, &key) in rest.iter().enumerate() {
                    note_slot(slots, key, slot);
                }
                self.spans.insert(span, rest);
                continue;
            }
            // Spans are disjoint in time: sorting each sorts the whole.
            list.sort_unstable();
            taken.append(&mut list);
        }
        taken
    }

    /// Puts back entries [`DueIndex::take_through`] took (their cases kept them).
    pub(super) fn put_back(
        &mut self,
        keys: impl IntoIterator<Item = DueKey>,
        slots: &mut impl Slots,
    ) {
        for key in keys {
            self.insert(key, slots);
        }
    }

    /// The first `limit` entries at or before `last`, in order, leaving
    /// them in the index.
    pub(super) fn through(&self, last: DueKey, limit: usize) -> Vec<DueKey> {
        let mut out = Vec::new();
        for span in self.order.range(..=span_of(last)) {
            if out.len() >= limit {
                break;
            }
            let Some(list) = self.spans.get(span) else {
                continue;
            };
            let mut due: Vec<DueKey> = list.iter().copied().filter(|&k| k <= last).collect();
            due.sort_unstable();
            out.extend(due);
        }
        out.truncate(limit);
        out
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use proptest::prelude::*;

    use super::*;

    impl Slots for Vec<u32> {
        fn slot(&mut self, place: u32) -> Option<&mut u32> {
            self.get_mut(place as usize)
        }
    }

    /// A key at `secs` (offset seconds), `nanos`, for the case at `place`.
    fn key(secs: u64, nanos: u32, place: u32) -> DueKey {
        (u128::from(secs) << 64) | (u128::from(nanos) << 32) | u128::from(place)
    }

    #[derive(Clone, Debug)]
    enum Op {
        /// Set the case's entry (removing its old one), or clear it.
        Set(u32, Option<(u64, u32)>),
        Take(u64, u32),
        List(u64, u32, usize),
    }

    fn op() -> impl Strategy<Value = Op> {
        // Few places, and instants within a minute either side of three
        // span boundaries, so that entries collide in spans, in instants,
        // and are taken mid-span.
        let secs = (1u64..4, 0u64..120).prop_map(|(k, d)| (k << SPAN_BITS) - 60 + d);
        let at = (secs, 0u32..3);
        prop_oneof![
            4 => (0u32..40, proptest::option::of(at.clone())).prop_map(|(p, a)| Op::Set(p, a)),
            1 => at.clone().prop_map(|(s, n)| Op::Take(s, n)),
            1 => (at, 0usize..50).prop_map(|((s, n), l)| Op::List(s, n, l)),
        ]
    }

    proptest! {
        /// The index takes and lists what an ordered set of the same
        /// entries does, in the same order, under any sequence of updates.
        #[test]
        fn agrees_with_an_ordered_set(ops in proptest::collection::vec(op(), 0..200)) {
            let mut index = DueIndex::default();
            let mut slots = vec![0u32; 40];
            let mut model = BTreeSet::new();
            let mut entries: Vec<Option<DueKey>> = vec![None; 40];
            for op in ops {
                match op {
                    Op::Set(place, at) => {
                        let entry = &mut entries[place as usize];
                        if let Some(old) = entry.take() {
                            prop_assert!(index.remove(old, &mut slots));
                            prop_assert!(model.remove(&old));
                        }
                        if let Some((secs, nanos)) = at {
                            let k = key(secs, nanos, place);
                            index.insert(k, &mut slots);
                            model.insert(k);
                            *entry = Some(k);
                        }
                    }
                    Op::Take(secs, nanos) => {
                        let last = key(secs, nanos, u32::MAX);
                        let later = model.split_off(&(last + 1));
                        let expected: Vec<DueKey> = std::mem::replace(&mut model, later).into_iter().collect();
                        prop_assert_eq!(index.take_through(last, &mut slots), expected.clone());
                        for k in expected {
                            entries[place_of(k) as usize] = None;
                        }
                    }
                    Op::List(secs, nanos, limit) => {
                        let last = key(secs, nanos, u32::MAX);
                        let expected: Vec<DueKey> = model.range(..=last).take(limit).copied().collect();
                        prop_assert_eq!(index.through(last, limit), expected);
                    }
                }
            }
            // Nothing is left in a span but the entries the model holds.
            let all = index.take_through(DueKey::MAX, &mut slots);
            prop_assert_eq!(all, model.into_iter().collect::<Vec<_>>());
            prop_assert!(index.spans.is_empty() && index.order.is_empty());
        }
    }

    #[test]
    fn removing_what_is_not_there_changes_nothing() {
        let mut index = DueIndex::default();
        let mut slots = vec![0u32; 3];
        index.insert(key(5, 0, 1), &mut slots);
        assert!(!index.remove(key(5, 0, 2), &mut slots));
        assert!(!index.remove(key(900, 0, 1), &mut slots));
        assert_eq!(
            index.take_through(DueKey::MAX, &mut slots),
            vec![key(5, 0, 1)]
        );
    }
}
