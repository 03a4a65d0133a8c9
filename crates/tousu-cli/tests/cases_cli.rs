//! `tousu cases`: cases kept in an SQLite file between calls, every answer
//! and every failure one JSON document, the exit code by the error's kind.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use serde_json::Value;

fn dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tousu-cases-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn docs(file: &str) -> String {
    format!("{}/../../docs/examples/{file}", env!("CARGO_MANIFEST_DIR"))
}

/// Runs `tousu cases --json --db DB --roster ROSTER ARGS` with `stdin`.
fn cases(db: &str, roster: &str, args: &[&str], stdin: &str) -> (i32, Value) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tousu"))
        .args(["cases", "--json", "--db", db, "--roster", roster])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    (
        out.status.code().unwrap_or(-1),
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}")),
    )
}

#[test]
fn a_case_lives_between_calls() {
    let dir = dir();
    let db = dir.join("k.db");
    let _ = std::fs::remove_file(&db);
    let db = db.to_str().unwrap();
    let run = std::fs::read_to_string(docs("run.jsonl")).unwrap();
    let roster_line: Value = serde_json::from_str(run.lines().next().unwrap()).unwrap();
    let roster = dir.join("roster.json");
    std::fs::write(&roster, roster_line["roster"].to_string()).unwrap();
    let roster = roster.to_str().unwrap();

    let (code, filed) = cases(db, roster, &["file", &docs("filing.json")], "");
    assert_eq!(code, 0, "{filed}");
    assert_eq!(filed["case"], "K1");
    let accept = r#"{"id": "c2", "actor": "kf1", "at": "2025-11-03T09:05:00+08:00", "kind": {"type": "accept"}}"#;
    let (code, accepted) = cases(db, roster, &["handle", "K1", "-"], accept);
    assert_eq!(code, 0, "{accepted}");
    assert_eq!(accepted["version"], filed["version"].as_u64().unwrap() + 3);
    // The same command in a later call is a retry: the same events.
    let (code, again) = cases(db, roster, &["handle", "K1", "-"], accept);
    assert_eq!((code, &again["events"]), (0, &accepted["events"]));

    // A proposal before the investigation is refused: exit 3, the typed rejection.
    let (code, e) = cases(db, roster, &["handle", "K1", &docs("command.json")], "");
    assert_eq!(code, 3, "{e}");
    assert_eq!(e["error"]["rejection"]["type"], "invalid_transition");
    // A stale version: exit 4.
    let stale = r#"{"id": "c3", "actor": "kf1", "at": "2025-11-03T09:06:00+08:00", "expected_version": 1, "kind": {"type": "add_note", "text": "x"}}"#;
    let (code, e) = cases(db, roster, &["handle", "K1", "-"], stale);
    assert_eq!((code, e["error"]["kind"].as_str()), (4, Some("conflict")));
    // A malformed command: exit 1, the field named.
    let bad = r#"{"id": "c4", "actor": "kf1", "at": "soon", "kind": {"type": "accept"}}"#;
    let (code, e) = cases(db, roster, &["handle", "K1", "-"], bad);
    assert_eq!((code, e["error"]["path"].as_str()), (1, Some("at")));
    // No such case: exit 5.
    let (code, e) = cases(db, roster, &["show", "K9"], "");
    assert_eq!((code, e["error"]["kind"].as_str()), (5, Some("not_found")));

    // Time passes in a later call: the 30-minute first response breaches,
    // and the month's penalty facts count it.
    let (code, ticked) = cases(
        db,
        roster,
        &["tick", "--now", "2025-11-04T09:00:00+08:00"],
        "",
    );
    assert_eq!(code, 0, "{ticked}");
    let (_, overdue) = cases(
        db,
        roster,
        &["overdue", "--now", "2025-11-04T09:00:00+08:00"],
        "",
    );
    assert!(
        !overdue["overdue"].as_array().unwrap().is_empty(),
        "{overdue}"
    );
    let (code, p) = cases(db, roster, &["penalties", "--period", "2025-11"], "");
    assert_eq!(code, 0, "{p}");
    let breaches = p["facts"]["breaches"].as_array().unwrap();
    assert!(
        breaches.iter().any(|b| b["milestone"] == "first_response"),
        "{p}"
    );
    let (code, shown) = cases(db, roster, &["show", "K1"], "");
    assert_eq!((code, shown["status"].as_str()), (0, Some("accepted")));
    let (code, events) = cases(db, roster, &["events", "K1"], "");
    assert_eq!(code, 0);
    assert_eq!(
        events.as_array().unwrap().len() as u64,
        shown["version"].as_u64().unwrap()
    );
    let (code, r) = cases(
        db,
        roster,
        &["report", "--from", "2025-11-01", "--to", "2025-11-30"],
        "",
    );
    assert_eq!((code, r["schema_version"].as_u64()), (0, Some(1)));
}
