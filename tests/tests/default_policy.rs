//! The embedded default policy, run end to end through the harness the seed
//! scenarios share: a breach becomes an S12 overtime fine on the month's
//! statement.

mod support;

use support::*;
use tousu_model::*;
use tousu_workflow::*;

#[test]
fn breach_to_statement() {
    let roster = roster(
        &[("cs", "客服部", None), ("eng", "工程部", None)],
        &[
            ("kf", "李客服", "cs", &["complaint_manager"], None),
            ("h1", "张师傅", "eng", &["handler"], None),
        ],
    );
    let mut s = Scenario::new(policy("default.toml"), roster);
    let t0 = beijing(2025, 10, 9, 9, 0);
    let c = Complaint::builder(t0, Channel::Media, "新闻报道小区电梯困人")
        .flags(ComplaintFlags {
            media_exposure: true,
            ..ComplaintFlags::default()
        })
        .build()
        .unwrap();
    s.register("kf", "K1", c).unwrap();
    assert_eq!(
        s.case().level.as_ref().map(LevelId::as_str),
        Some("major"),
        "media exposure is major"
    );
    s.ok(
        "kf",
        minutes(t0, 2),
        CommandKind::Accept {
            override_reason: None,
        },
    );
    s.ok(
        "kf",
        minutes(t0, 3),
        CommandKind::Assign {
            assignment: Assignment {
                lead: did("eng"),
                handler: Some(sid("h1")),
                co_handling: vec![],
            },
        },
    );
    // Major: first response within 10 minutes. At 15 it has breached.
    let late = s.tick(minutes(t0, 15));
    assert!(
        late.iter()
            .any(|e| matches!(e.kind, EventKind::MilestoneBreached { .. }))
    );
    s.assert_replays();

    let schedule = s.rt.policy.penalties.clone().unwrap();
    let roster_doc = s.roster.clone();
    let facts = tousu_penalty::PenaltyFacts {
        breaches: s.breaches(),
        ..tousu_penalty::PenaltyFacts::new("2025-10".parse().unwrap())
    };
    let result = tousu_penalty::compute_statements(&schedule, &roster_doc, &facts, None).unwrap();
    let h1 = result
        .statements
        .iter()
        .find(|st| st.staff.as_str() == "h1")
        .unwrap();
    assert_eq!(
        h1.gross,
        money("50"),
        "S12: 重大投诉 overtime fine is 50 元"
    );
}
