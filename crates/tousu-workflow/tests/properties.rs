//! Laws of the decider: replay equals incremental, no command sequence
//! panics, a rejected command changes nothing, ticks are idempotent.

mod common;

use chrono::TimeDelta;
use common::*;
use proptest::prelude::*;
use tousu_model::*;
use tousu_workflow::*;

const ACTORS: &[&str] = &["kf1", "h1", "head1", "gm", "resp", "nobody"];

fn kind(choice: u8, amount: i64, sat: bool) -> CommandKind {
    let assignment = Assignment {
        lead: did("eng"),
        handler: Some(sid(if sat { "h1" } else { "resp" })),
        co_handling: vec![],
    };
    match choice % 20 {
        0 => CommandKind::Accept {
            override_reason: None,
        },
        1 => CommandKind::Assign { assignment },
        2 => CommandKind::StartInvestigation,
        3 => CommandKind::RecordFindings {
            validity: None,
            fault: Some(FaultParty::Us),
            responsible: vec![],
            note: None,
        },
        4 => CommandKind::ProposeSolution {
            remedies: vec![
                Remedy::with_amount(RemedyKind::Compensation, Money::from_fen(amount)).unwrap(),
            ],
            note: None,
        },
        5 => CommandKind::Approve,
        6 => CommandKind::SendBack {
            reason: "重做".into(),
        },
        7 => CommandKind::Reply {
            text: "答复".into(),
        },
        8 => CommandKind::RecordCallback {
            satisfaction: if sat {
                Satisfaction::Satisfied
            } else {
                Satisfaction::Unsatisfied
            },
            note: None,
        },
        9 => CommandKind::Close,
        10 => CommandKind::Reopen {
            reason: "不满意".into(),
        },
        11 => CommandKind::Escalate {
            reason: "上报".into(),
        },
        12 => CommandKind::RequestExtension {
            reason: "客户外出".into(),
            until: None,
        },
        13 => CommandKind::ApproveExtension,
        14 => CommandKind::EndExtension,
        15 => CommandKind::Classify {
            level: Some(LevelId::new(if sat { "crisis" } else { "unsatisfied" }).unwrap()),
            reason: Some("改级".into()),
        },
        16 => CommandKind::Transfer {
            assignment,
            reason: "转办".into(),
        },
        17 => CommandKind::AddNote {
            text: "备注".into(),
            attachments: vec![],
        },
        18 => CommandKind::Withdraw { reason: None },
        _ => CommandKind::CloseAbnormally {
            reason: "无理要求".into(),
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn replay_equals_incremental_and_nothing_panics(
        steps in proptest::collection::vec((0usize..ACTORS.len(), any::<u8>(), 0i64..300_000, any::<bool>(), 0i64..600), 1..40)
    ) {
        let mut h = Harness::new();
        let mut at = beijing(2025, 12, 1, 9, 0);
        h.register_default(at);
        for (actor, choice, amount, sat, gap) in steps {
            at += TimeDelta::minutes(gap);
            let before = h.case().clone();
            match h.run(ACTORS[actor], at, kind(choice, amount, sat)) {
                Ok(_) => {}
                Err(_) => prop_assert_eq!(&before, h.case(), "a rejected command changed the case"),
            }
            let ticked = h.tick(at);
            // A second tick at the same instant has nothing left to say.
            prop_assert!(h.tick(at).is_empty(), "tick not idempotent after {:?}", ticked);
        }
        let replayed = Case::replay(&h.rt.policy, &h.events).unwrap();
        prop_assert_eq!(&replayed, h.case());
        // Versions run 1..=n.
        for (i, e) in h.events.iter().enumerate() {
            prop_assert_eq!(e.version, i as u64 + 1);
        }
        // Serialized events replay the same.
        let json = serde_json::to_string(&h.events).unwrap();
        let back: Vec<Event> = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(Case::replay(&h.rt.policy, &back).unwrap(), replayed);
    }
}
