//! `Case::participants` as a sorted vector: stored cases load and write
//! exactly as they did when it was a `BTreeSet<StaffId>`, and it is described
//! by the same JSON Schema.

use std::collections::BTreeSet;

use proptest::prelude::*;
use tousu_model::StaffId;
use tousu_workflow::Participants;

fn staff() -> impl Strategy<Value = Vec<StaffId>> {
    prop::collection::vec("[a-d][0-9]?", 0..8)
        .prop_map(|ids| ids.into_iter().map(|i| StaffId::new(i).unwrap()).collect())
}

proptest! {
    /// Any array of ids loads as the set did (sorted, no repeats) and is
    /// written back with the set's bytes.
    #[test]
    fn loads_and_writes_as_the_set_did(ids in staff()) {
        let json = serde_json::to_string(&ids).unwrap();
        let set: BTreeSet<StaffId> = serde_json::from_str(&json).unwrap();
        let participants: Participants = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(serde_json::to_string(&participants).unwrap(), serde_json::to_string(&set).unwrap());
        prop_assert!(participants.iter().eq(set.iter()));
        prop_assert_eq!(participants.len(), set.len());
        for id in &ids {
            prop_assert!(participants.contains(id));
        }
    }

    /// Inserting one at a time keeps the set's order and answers as its
    /// `insert` does (whether the id was new).
    #[test]
    fn inserts_as_the_set_does(ids in staff()) {
        let mut set = BTreeSet::new();
        let mut participants = Participants::default();
        for id in ids {
            prop_assert_eq!(participants.insert(id.clone()), set.insert(id));
        }
        prop_assert!(participants.iter().eq(set.iter()));
        prop_assert_eq!(participants.is_empty(), set.is_empty());
    }
}

#[test]
fn described_as_the_set_was() {
    assert_eq!(
        serde_json::to_value(schemars::schema_for!(Participants)).unwrap(),
        serde_json::to_value(schemars::schema_for!(BTreeSet<StaffId>)).unwrap()
    );
}
