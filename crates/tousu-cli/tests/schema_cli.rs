//! `tousu schema NAME` prints a JSON Schema for each stored document.

use std::process::Command;

fn tousu(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tousu"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn every_document_has_a_schema() {
    for (name, title) in [
        ("policy", "tousu policy"),
        ("command", "Command"),
        ("event", "Event"),
        ("case", "Case"),
        ("complaint", "Complaint"),
        ("roster", "Roster"),
        ("penalty-facts", "PenaltyFacts"),
        ("carry-over", "CarryOver"),
        ("period-result", "PeriodResult"),
        ("period-report", "PeriodReport"),
        ("command-input", "CommandInput"),
        ("filing", "FilingInput"),
        ("outcome", "Outcome"),
        ("run-input", "RunInputLine"),
        ("run-output", "RunOutputLine"),
        ("deadline", "DeadlineDoc"),
        ("deadlines", "DeadlinesDoc"),
        ("overdue", "OverdueDoc"),
        ("tick", "TickDoc"),
        ("penalties", "PenaltiesDoc"),
        ("policy-check", "PolicyCheckDoc"),
        ("error", "ErrorDoc"),
        ("duty-log", "DutyLog"),
        ("duty-report", "DutyReport"),
    ] {
        let (code, out) = tousu(&["schema", name]);
        assert_eq!(code, 0, "{name}");
        let schema: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(schema["title"], title, "{name}");
    }
    assert_eq!(tousu(&["schema", "nonsense"]).0, 2);
}

#[test]
fn the_library_command_requires_a_version_and_the_wire_command_does_not() {
    let required = |name: &str| {
        let schema: serde_json::Value = serde_json::from_str(&tousu(&["schema", name]).1).unwrap();
        schema["required"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v == "expected_version")
    };
    assert!(required("command"));
    assert!(!required("command-input"));
}
