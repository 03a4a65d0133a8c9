//! `Case::participants` as a sorted vector: stored cases load and write
//! exactly as they did when it was a `BTreeSet<StaffId>`, and it is described
//! by the same JSON Schema.

mod common;

use std::collections::BTreeSet;

use common::*;
use proptest::prelude::*;
use tousu_model::{CommandId, StaffId};
use tousu_workflow::{Case, Event, EventKind, Participants};

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

/// A registration followed by one note per actor (`None`: an event without
/// one, as the clocks' are), each note its own command; every id read from
/// its own text, as a store's JSON gives them.
fn notes_by(actors: &[Option<u8>]) -> Vec<Event> {
    let mut h = Harness::new();
    h.register_default(beijing(2025, 11, 3, 9, 0));
    let mut events = h.events.clone();
    for (i, actor) in actors.iter().enumerate() {
        let last = events.last().unwrap();
        let text = format!("s{}", actor.unwrap_or_default());
        events.push(Event {
            version: last.version + 1,
            at: last.at,
            actor: actor.map(|_| StaffId::new(text.as_str()).unwrap()),
            command_id: Some(CommandId::new(format!("note-{i}")).unwrap()),
            command_digest: None,
            kind: EventKind::NoteAdded {
                text,
                attachments: Vec::new(),
            },
            ..last.clone()
        });
    }
    events
}

proptest! {
    /// A replay gathers the participants by reference and adds them at the
    /// end (in one allocation for the first 16 people, one by one past
    /// them): the case equals the one the events build applied one at a
    /// time, whatever the number of people, repeats and gaps.
    #[test]
    fn a_replay_gathers_the_participants_as_applying_does(
        actors in prop::collection::vec(prop::option::weighted(0.8, 0u8..40), 0..60)
    ) {
        let events = notes_by(&actors);
        let mut applied = Case::from_registration(&events[0]).unwrap();
        for e in &events[1..] {
            applied.apply(e);
        }
        let replayed = Case::replay_events(&events).unwrap();
        let met: BTreeSet<String> = actors
            .iter()
            .flatten()
            .map(|a| format!("s{a}"))
            .chain(std::iter::once("kf1".to_owned()))
            .collect();
        prop_assert!(replayed.participants.iter().map(StaffId::as_str).eq(met.iter().map(String::as_str)));
        prop_assert_eq!(replayed, applied);
    }
}

#[test]
fn described_as_the_set_was() {
    assert_eq!(
        serde_json::to_value(schemars::schema_for!(Participants)).unwrap(),
        serde_json::to_value(schemars::schema_for!(BTreeSet<StaffId>)).unwrap()
    );
}
