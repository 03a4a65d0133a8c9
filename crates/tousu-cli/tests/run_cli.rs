//! `tousu run`, run as a user runs it, on the documented example `docs/examples/run.jsonl`.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command as Process, Stdio};

use serde_json::Value;

fn tousu(args: &[&str]) -> (i32, String, String) {
    tousu_stdin(args, None)
}

fn tousu_stdin(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut child = Process::new(env!("CARGO_BIN_EXE_tousu"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        let mut input = child.stdin.take().unwrap();
        if let Some(text) = stdin {
            input.write_all(text.as_bytes()).unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn example() -> String {
    format!(
        "{}/../../docs/examples/run.jsonl",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tousu-run-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn json_lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn at_line(lines: &[Value], n: u64) -> &Value {
    lines
        .iter()
        .find(|v| v["line"] == n)
        .unwrap_or_else(|| panic!("no output for line {n}"))
}

fn event_types(v: &Value) -> Vec<&str> {
    v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"]["type"].as_str().unwrap())
        .collect()
}

#[test]
fn the_example_closes_its_case_and_reports_the_rejection_and_the_malformed_line() {
    let (code, stdout, stderr) = tousu(&["run", &example()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stderr, "");
    let lines = json_lines(&stdout);
    // Lines 2..=13 each print one outcome (line 1 is the roster), then the final case.
    assert_eq!(lines.len(), 13, "{stdout}");

    let rejected = at_line(&lines, 8);
    assert_eq!(rejected["case"], "K1");
    assert_eq!(rejected["accepted"], false);
    assert_eq!(rejected["rejection"]["type"], "not_permitted");
    let message = rejected["rejection"]["message"].as_str().unwrap();
    assert!(
        message.contains("h1 may not approve") && message.contains("handler"),
        "{message}"
    );

    let malformed = at_line(&lines, 9);
    assert!(malformed.get("case").is_none());
    let error = &malformed["error"];
    assert_eq!(error["kind"], "invalid", "{error}");
    assert_eq!(error["path"], "command.kind.type", "{error}");
    assert!(
        error["message"].as_str().unwrap().contains("aprove"),
        "{error}"
    );

    for n in [2, 3, 4, 5, 6, 7, 10, 11, 12, 13] {
        let v = at_line(&lines, n);
        assert_eq!(v["accepted"], true, "line {n}: {v}");
        assert_eq!(v["case"], "K1");
        assert!(!v["events"].as_array().unwrap().is_empty(), "line {n}");
    }
    assert_eq!(event_types(at_line(&lines, 2))[0], "registered");
    assert_eq!(event_types(at_line(&lines, 10)), ["approved"]);
    assert_eq!(event_types(at_line(&lines, 13)), ["closed"]);
    // Every clock that stopped was met.
    for v in lines.iter().filter(|v| v.get("events").is_some()) {
        for e in v["events"].as_array().unwrap() {
            assert_ne!(e["kind"]["type"], "milestone_breached", "{e}");
            if e["kind"]["type"] == "clock_stopped" {
                assert_eq!(e["kind"]["met"], true, "{e}");
            }
        }
    }

    let last = lines.last().unwrap();
    assert_eq!(last["case"], "K1");
    assert_eq!(last["deadlines"], serde_json::json!([]));
    assert_eq!(last["state"]["status"], "closed");
    assert_eq!(last["state"]["closure"]["kind"], "satisfied");
    assert_eq!(last["state"]["version"], 21);
    // The rejected command left no trace.
    let ids = last["state"]["command_ids"].as_array().unwrap();
    assert!(!ids.contains(&Value::from("c7")));
    // The final state is a case document the workflow reads back.
    let case: tousu_workflow::Case = serde_json::from_value(last["state"].clone()).unwrap();
    assert_eq!(case.status, tousu_workflow::Status::Closed);
}

#[test]
fn docs_show_the_exact_output_of_the_example() {
    let docs = std::fs::read_to_string(format!("{}/../../docs/cli.md", env!("CARGO_MANIFEST_DIR")))
        .unwrap();
    let marker = "$ tousu run docs/examples/run.jsonl\n";
    let start = docs
        .find(marker)
        .expect("docs/cli.md shows the example run")
        + marker.len();
    let shown = &docs[start..];
    let shown = &shown[..shown.find("```").unwrap()];
    let (code, stdout, _) = tousu(&["run", &example()]);
    assert_eq!(code, 0);
    assert_eq!(
        shown, stdout,
        "docs/cli.md must show what `tousu run docs/examples/run.jsonl` prints"
    );
    // And the example file shown in the docs is the file itself.
    let file = std::fs::read_to_string(example()).unwrap();
    assert!(docs.contains(&format!("```jsonl\n{file}```")));
}

#[test]
fn an_unreadable_file_exits_1() {
    let (code, stdout, stderr) = tousu(&["run", "/nonexistent/tousu/commands.jsonl"]);
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    assert!(
        stderr.contains("/nonexistent/tousu/commands.jsonl"),
        "{stderr}"
    );

    let (code, stdout, stderr) = tousu(&["run", "--policy", "/nonexistent/p.toml", &example()]);
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    assert!(stderr.contains("/nonexistent/p.toml"), "{stderr}");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["run"][..],
        &["run", "--now", "yesterday", "x.jsonl"],
        &["run", "--bogus", "x.jsonl"],
        &["run", "a.jsonl", "b.jsonl"],
        &["run", "--now"],
    ] {
        let (code, stdout, stderr) = tousu(args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert_eq!(stdout, "");
        assert!(stderr.contains("USAGE"), "{stderr}");
    }
    let (code, stdout, _) = tousu(&["run", "--help"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("COMMANDS.jsonl"));
}

#[test]
fn now_ticks_open_cases_and_measures_deadlines_from_that_instant() {
    let prefix: String = std::fs::read_to_string(example())
        .unwrap()
        .lines()
        .take(3)
        .map(|l| format!("{l}\n"))
        .collect();
    let (code, stdout, stderr) = tousu_stdin(
        &["run", "--now", "2025-11-20T09:00:00+08:00", "-"],
        Some(&prefix),
    );
    assert_eq!(code, 0, "{stderr}");
    let lines = json_lines(&stdout);
    assert_eq!(lines.len(), 4, "{stdout}");
    let tick = &lines[2];
    assert_eq!(tick["tick"], "K1");
    let types = event_types(tick);
    assert!(types.contains(&"milestone_breached"), "{types:?}");
    assert!(types.contains(&"escalated"), "{types:?}");
    let last = &lines[3];
    assert_eq!(last["state"]["status"], "accepted");
    let deadlines = last["deadlines"].as_array().unwrap();
    let first = deadlines
        .iter()
        .find(|d| d["milestone"] == "first_response")
        .unwrap();
    assert_eq!(first["breached"], true);
    assert!(first["remaining_seconds"].as_i64().unwrap() < 0);
    assert!(deadlines.iter().any(|d| d["milestone"] == "result"));
}

#[test]
fn lines_that_cannot_be_applied_are_reported_and_skipped() {
    let text = std::fs::read_to_string(example()).unwrap();
    let mut lines = text.lines();
    let roster = lines.next().unwrap();
    let register = lines.next().unwrap();
    let accept = lines.next().unwrap();
    let stale = accept
        .replace("\"id\": \"c2\"", "\"id\": \"c2b\"")
        .replace("\"kind\":", "\"expected_version\": 1, \"kind\":");
    let unknown_case = accept.replace("\"case\": \"K1\"", "\"case\": \"K9\"");
    let no_case = accept.replace("\"case\": \"K1\", ", "");
    let second_register = register.replace("\"id\": \"c1\"", "\"id\": \"c1b\"");
    let input = [
        accept, // 1: before any roster
        roster, // 2
        "",     // 3: blank, skipped
        "not json at all",
        "[1, 2]",
        "{\"roster\": {\"departments\": [], \"staff\": []}, \"command\": {}}",
        register,         // 7
        register,         // 8: the same registration again: idempotent
        &second_register, // 9: another registration of K1
        accept,           // 10
        accept,           // 11: the same command again: idempotent
        &stale,           // 12
        &unknown_case,    // 13
        &no_case,         // 14
    ]
    .join("\n");
    let path = temp_file("skipped.jsonl", &input);
    let (code, stdout, stderr) = tousu(&["run", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let out = json_lines(&stdout);

    let error = |n: u64| {
        at_line(&out, n)["error"]["message"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert!(error(1).starts_with("no roster"), "{}", error(1));
    assert!(out.iter().all(|v| v["line"] != 2 && v["line"] != 3));
    for n in [4, 5, 6, 14] {
        assert_eq!(
            at_line(&out, n)["error"]["kind"],
            "invalid",
            "line {n}: {}",
            error(n)
        );
    }
    assert!(error(14).contains("needs \"case\""), "{}", error(14));
    assert_eq!(at_line(&out, 7)["accepted"], true);
    assert_eq!(at_line(&out, 8)["accepted"], true);
    assert_eq!(at_line(&out, 8)["events"], serde_json::json!([]));
    assert!(error(9).contains("registered already"), "{}", error(9));
    assert_eq!(at_line(&out, 10)["accepted"], true);
    assert_eq!(at_line(&out, 11)["events"], serde_json::json!([]));
    let stale = at_line(&out, 12);
    assert_eq!(stale["accepted"], false);
    assert_eq!(stale["rejection"]["type"], "stale_version");
    assert!(error(13).starts_with("unknown case K9"), "{}", error(13));

    let last = out.last().unwrap();
    assert_eq!(last["case"], "K1");
    assert_eq!(last["state"]["status"], "accepted");
    assert_eq!(last["state"]["version"], 7);
}

#[test]
fn a_roster_file_stands_in_for_a_roster_line() {
    let text = std::fs::read_to_string(example()).unwrap();
    let mut lines = text.lines();
    let roster_line: Value = serde_json::from_str(lines.next().unwrap()).unwrap();
    let roster = temp_file("roster.json", &roster_line["roster"].to_string());
    let commands = temp_file("commands.jsonl", &lines.collect::<Vec<_>>().join("\n"));
    let (code, stdout, stderr) = tousu(&[
        "run",
        "--roster",
        roster.to_str().unwrap(),
        "--policy",
        &format!("{}/../../policies/default.toml", env!("CARGO_MANIFEST_DIR")),
        commands.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let out = json_lines(&stdout);
    assert_eq!(out.last().unwrap()["state"]["status"], "closed");

    let (code, stdout, stderr) = tousu(&["run", "--roster", "/nonexistent/r.json", &example()]);
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    assert!(stderr.contains("/nonexistent/r.json"), "{stderr}");
}

#[test]
fn a_clock_the_calendar_cannot_count_is_printed_without_a_deadline() {
    // The default policy, refusing years without a holiday notice.
    let policy = include_str!("../../tousu-policy/policies/default.toml").replacen(
        "data = \"cn\"",
        "data = \"cn\"\nuncovered = \"error\"",
        1,
    );
    let policy = temp_file("strict.toml", &policy);
    // Registered and accepted on 21 December 2026: 15 working days end in 2027.
    let input: String = std::fs::read_to_string(example())
        .unwrap()
        .lines()
        .take(3)
        .map(|l| format!("{}\n", l.replace("2025-11-03", "2026-12-21")))
        .collect();
    let (code, stdout, stderr) = tousu_stdin(
        &["run", "--policy", policy.to_str().unwrap(), "-"],
        Some(&input),
    );
    assert_eq!(code, 0, "{stderr}");
    let lines = json_lines(&stdout);
    assert!(
        lines.iter().all(|l| l.get("rejection").is_none()),
        "{stdout}"
    );
    let last = lines.last().unwrap();
    let result = last["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["milestone"] == "result")
        .unwrap();
    assert_eq!(result["deadline"], Value::Null);
    assert_eq!(result["remaining_seconds"], Value::Null);
    assert!(
        result["no_deadline"].as_str().unwrap().contains("2027"),
        "{result}"
    );
}

#[test]
fn earlier_events_continue_a_case_without_deciding_it_again() {
    let text = std::fs::read_to_string(example()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // The whole example at once, and the same in two calls: the first
    // call's events kept by the caller and handed to the second.
    let (_, whole, _) = tousu(&["run", &example()]);
    let first = temp_file("first.jsonl", &lines[..7].join("\n"));
    let (code, out, err) = tousu(&["run", first.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let kept: Vec<String> = json_lines(&out)
        .iter()
        .flat_map(|v| v["events"].as_array().cloned().unwrap_or_default())
        .map(|e| e.to_string())
        .collect();
    let events = temp_file("kept.jsonl", &kept.join("\n"));
    let rest = [&lines[..1], &lines[7..]].concat().join("\n");
    let rest = temp_file("rest.jsonl", &rest);
    let (code, out, err) = tousu(&[
        "run",
        "--events",
        events.to_str().unwrap(),
        rest.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let last = |s: &str| json_lines(s).pop().unwrap();
    assert_eq!(last(&out)["state"], last(&whole)["state"]);
    // A command from the kept history sent again is a retry: nothing new.
    let retry = temp_file("retry.jsonl", &[lines[0], lines[2]].join("\n"));
    let (_, out, _) = tousu(&[
        "run",
        "--events",
        events.to_str().unwrap(),
        retry.to_str().unwrap(),
    ]);
    assert_eq!(json_lines(&out)[0]["events"], serde_json::json!([]));
    // Events that do not replay are refused, in the error shape.
    let broken = temp_file("broken.jsonl", &kept[1..].join("\n"));
    let (code, out, _) = tousu(&[
        "run",
        "--json",
        "--events",
        broken.to_str().unwrap(),
        rest.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap()["error"]["kind"],
        "invalid"
    );
}

/// A late entry (补录, ruling 27) through `tousu run`: refused under the
/// default policy, which allows none, with what it would accept; accepted
/// under a policy whose `late_entries` list replies, its event carrying both
/// instants, and the first response it was late for still breached.
#[test]
fn a_late_entry_is_refused_unless_the_policy_allows_it_and_never_undoes_a_breach() {
    let text = std::fs::read_to_string(example()).unwrap();
    // The roster, the registration at 09:00, the acceptance and the assignment to h1.
    let mut input: Vec<String> = text.lines().take(4).map(str::to_owned).collect();
    // h1 replied on site at 09:10 and records it at 09:40: the 30-minute
    // first response was due at 09:30.
    input.push(r#"{"case": "K1", "command": {"id": "late-1", "actor": "h1", "at": "2025-11-03T09:40:00+08:00", "occurred_at": "2025-11-03T09:10:00+08:00", "kind": {"type": "reply", "text": "已上门更换阀门"}}}"#.to_owned());
    let input = input.join("\n") + "\n";

    let (code, stdout, stderr) = tousu_stdin(&["run", "-"], Some(&input));
    assert_eq!(code, 0, "{stderr}");
    let out = json_lines(&stdout);
    let refused = at_line(&out, 5);
    assert_eq!(refused["accepted"], false, "{refused}");
    assert_eq!(refused["rejection"]["type"], "late_entry_not_allowed");
    assert!(
        refused["rejection"]["message"]
            .as_str()
            .unwrap()
            .contains("a policy lists them in late_entries"),
        "{refused}"
    );

    let policy = format!(
        "{}\n[[late_entries]]\nactions = [\"reply\"]\nwithin = \"24 hours\"\n",
        include_str!("../../tousu-policy/policies/default.toml")
    );
    let policy = temp_file("late.toml", &policy);
    let (code, stdout, stderr) = tousu_stdin(
        &["run", "--policy", policy.to_str().unwrap(), "-"],
        Some(&input),
    );
    assert_eq!(code, 0, "{stderr}");
    let out = json_lines(&stdout);
    let late = at_line(&out, 5);
    assert_eq!(late["accepted"], true, "{late}");
    let events = late["events"].as_array().unwrap();
    let replied = events
        .iter()
        .find(|e| e["kind"]["type"] == "replied")
        .unwrap();
    assert_eq!(replied["at"], "2025-11-03T01:40:00Z");
    assert_eq!(replied["occurred_at"], "2025-11-03T01:10:00Z");
    assert!(
        events
            .iter()
            .any(|e| e["kind"]["type"] == "milestone_breached"
                && e["kind"]["milestone"] == "first_response"
                && e.get("occurred_at").is_none()),
        "{late}"
    );
}
