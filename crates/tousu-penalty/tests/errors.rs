//! Typed errors with paths for bad facts, carry-overs and schedules — never a
//! panic.

mod support;

use support::*;
use tousu_model::{DepartmentId, LevelId};
use tousu_penalty::{CarryOver, Month, PenaltyError, PenaltyFacts, compute_statements};

fn run(schedule_toml: &str, facts_json: &str) -> PenaltyError {
    let f: PenaltyFacts = facts(facts_json);
    compute_statements(&schedule(schedule_toml), &roster(ROSTER), &f, None).unwrap_err()
}

#[test]
fn unknown_staff_names_the_fact() {
    let e = run(
        S41,
        r#"{"period": "2025-10", "losses": [
            {"case": "C1", "amount": "10", "responsible": {"department": "prod"}},
            {"case": "C2", "amount": "10", "responsible": {"parties": [{"staff": "p1", "share": "1"}, {"staff": "ghost", "share": "1"}]}}
        ]}"#,
    );
    assert_eq!(
        e,
        PenaltyError::UnknownStaff {
            path: "losses[1].responsible.parties[1].staff".into(),
            staff: id("ghost")
        }
    );
    assert_eq!(
        e.to_string(),
        "losses[1].responsible.parties[1].staff: staff \"ghost\" is not on the roster"
    );
}

#[test]
fn unknown_department_names_the_fact() {
    let e = run(
        S41,
        r#"{"period": "2025-10", "losses": [{"case": "C1", "amount": "10", "responsible": {"department": "nowhere"}}]}"#,
    );
    assert_eq!(
        e,
        PenaltyError::UnknownDepartment {
            path: "losses[0].responsible.department".into(),
            department: DepartmentId::new("nowhere").unwrap()
        }
    );
}

#[test]
fn negative_loss_is_refused() {
    let e = run(
        S41,
        r#"{"period": "2025-10", "losses": [{"case": "C1", "amount": "-10", "responsible": "unattributed"}]}"#,
    );
    assert_eq!(
        e,
        PenaltyError::NegativeAmount {
            path: "losses[0].amount".into(),
            amount: "-10".into()
        }
    );
}

#[test]
fn shares_are_checked() {
    let e = run(
        S41,
        r#"{"period": "2025-10", "losses": [{"case": "C1", "amount": "10", "responsible": {"parties": [{"staff": "p1", "share": "0"}, {"department": "cs", "share": "0"}]}}]}"#,
    );
    assert_eq!(
        e,
        PenaltyError::AllZeroShares {
            path: "losses[0].responsible.parties".into()
        }
    );
    let e = run(
        S41,
        r#"{"period": "2025-10", "losses": [{"case": "C1", "amount": "10", "responsible": {"parties": [{"staff": "p1", "share": "1"}, {"staff": "p2", "share": "-1"}]}}]}"#,
    );
    assert!(
        matches!(e, PenaltyError::NegativeShare { ref path, .. } if path == "losses[0].responsible.parties[1]"),
        "{e}"
    );
    let e = run(
        S41,
        r#"{"period": "2025-10", "losses": [{"case": "C1", "amount": "10", "responsible": {"parties": []}}]}"#,
    );
    assert_eq!(
        e,
        PenaltyError::EmptyShares {
            path: "losses[0].responsible.parties".into()
        }
    );
    // A share names a person or a department, never both: the type says so,
    // so such a file does not load (it used to be refused only when computed).
    let both = serde_json::from_str::<PenaltyFacts>(
        r#"{"period": "2025-10", "losses": [{"case": "C1", "amount": "10", "responsible": {"parties": [{"staff": "p1", "department": "cs", "share": "1"}]}}]}"#,
    )
    .unwrap_err();
    assert!(both.to_string().contains("department"), "{both}");
    let e = run(
        S41,
        r#"{"period": "2025-10", "losses": [{"case": "C1", "amount": "10", "responsible": {"parties": [{"staff": "p1", "share": "1"}, {"staff": "p1", "share": "2"}]}}]}"#,
    );
    assert!(matches!(e, PenaltyError::DuplicateParty { .. }), "{e}");
}

#[test]
fn department_with_no_points_is_all_zero() {
    let r = roster(
        r#"{"departments": [{"id": "d", "name": "D"}], "staff": [{"id": "a", "name": "A", "department": "d", "base_points": "0"}]}"#,
    );
    let f = facts(
        r#"{"period": "2025-10", "losses": [{"case": "C1", "amount": "10", "responsible": {"department": "d"}}]}"#,
    );
    let e = compute_statements(&schedule(""), &r, &f, None).unwrap_err();
    assert_eq!(
        e,
        PenaltyError::AllZeroShares {
            path: "losses[0].responsible.department".into()
        }
    );
}

#[test]
fn unknown_level_and_violation() {
    let e = run(
        S12,
        r#"{"period": "2025-10", "breaches": [{"case": "C1", "milestone": "m", "level": "minor", "owner": "cs-1", "at": "2025-10-01T00:00:00Z"}]}"#,
    );
    assert_eq!(
        e,
        PenaltyError::UnknownLevel {
            path: "breaches[0].level".into(),
            level: LevelId::new("minor").unwrap()
        }
    );
    let e = run(
        S32,
        r#"{"period": "2025-10", "violations": [{"rule": "late", "responsible": "cs-1"}]}"#,
    );
    assert!(
        matches!(e, PenaltyError::UnknownViolation { ref path, ref known, .. } if path == "violations[0].rule" && known.len() == 6)
    );
    let e = run(
        S32,
        r#"{"period": "2025-10", "violations": [{"rule": "caused_complaint", "responsible": "cs-1", "items": 2}]}"#,
    );
    assert!(
        matches!(e, PenaltyError::InvalidFact { ref path, .. } if path == "violations[0].items")
    );
    // boss has no supervisor and the fact names none.
    let e = run(
        S32,
        r#"{"period": "2025-10", "violations": [{"rule": "caused_complaint", "responsible": "boss"}]}"#,
    );
    assert!(
        matches!(e, PenaltyError::InvalidFact { ref path, .. } if path == "violations[0].supervisor")
    );
}

#[test]
fn overflow_is_an_error() {
    let e = run(
        S41,
        r#"{"period": "2025-10", "losses": [
            {"case": "C1", "amount": "90000000000000000", "responsible": {"parties": [{"staff": "p1", "share": "1"}]}},
            {"case": "C2", "amount": "90000000000000000", "responsible": {"parties": [{"staff": "p1", "share": "1"}]}}
        ]}"#,
    );
    assert!(matches!(e, PenaltyError::Overflow { .. }), "{e}");
    let e = run(
        S41,
        r#"{"period": "2025-10", "losses": [{"case": "C1", "amount": "1000000000000000000000", "responsible": "unattributed"}]}"#,
    );
    assert!(matches!(e, PenaltyError::Overflow { .. }), "{e}");
}

#[test]
fn bad_carry_and_schedule() {
    let f = facts(r#"{"period": "2025-10"}"#);
    let carry = CarryOver {
        schema_version: 1,
        period: Month::new(2025, 9).unwrap(),
        balances: [(id("nobody"), m("1"))].into_iter().collect(),
    };
    let e = compute_statements(&schedule(""), &roster(ROSTER), &f, Some(&carry)).unwrap_err();
    assert_eq!(
        e,
        PenaltyError::UnknownStaff {
            path: "carry.balances.nobody".into(),
            staff: id("nobody")
        }
    );
    let carry = CarryOver {
        schema_version: 9,
        ..CarryOver::empty(Month::new(2025, 9).unwrap())
    };
    let e = compute_statements(&schedule(""), &roster(ROSTER), &f, Some(&carry)).unwrap_err();
    assert!(matches!(
        e,
        PenaltyError::SchemaVersion {
            what: "carry",
            found: 9,
            ..
        }
    ));
    let e = compute_statements(
        &schedule("[cap]\npercent = \"120\""),
        &roster(ROSTER),
        &f,
        None,
    )
    .unwrap_err();
    assert!(e.to_string().contains("penalties.cap.percent"), "{e}");
}

#[test]
fn facts_documents_are_strict() {
    assert!(serde_json::from_str::<PenaltyFacts>(r#"{"period": "2025-13"}"#).is_err());
    assert!(
        serde_json::from_str::<PenaltyFacts>(r#"{"period": "2025-10", "lossess": []}"#).is_err()
    );
    let e = serde_json::from_str::<PenaltyFacts>(
        r#"{"period": "2025-10", "losses": [{"case": "C", "amount": 10.5, "responsible": "unattributed"}]}"#,
    )
    .unwrap_err();
    assert!(e.to_string().contains("floating-point"), "{e}");
}
