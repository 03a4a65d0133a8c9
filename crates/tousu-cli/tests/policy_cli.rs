//! `tousu policy check|schema` and `tousu deadline`, run as a program.

use std::process::{Command, Output};

fn tousu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tousu"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn deadline_example_from_the_issue() {
    let o = tousu(&[
        "deadline",
        "--from",
        "2025-09-30T10:00:00+08:00",
        "--within",
        "15 working days",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "2025-10-29T00:00:00+08:00\n");
}

#[test]
fn deadline_accepts_chinese_durations_and_other_offsets() {
    let o = tousu(&[
        "deadline",
        "--from",
        "2025-09-30T02:00:00Z",
        "--within",
        "15个工作日",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "2025-10-29T00:00:00+08:00\n");
    let o = tousu(&[
        "deadline",
        "--from",
        "2025-10-09T10:00:00+08:00",
        "--within",
        "30分钟",
    ]);
    assert_eq!(stdout(&o), "2025-10-09T10:30:00+08:00\n");
}

#[test]
fn a_deadline_past_the_notices_is_provisional_and_says_so() {
    let args = [
        "deadline",
        "--from",
        "2026-12-21T10:00:00+08:00",
        "--within",
        "15 working days",
        "--json",
    ];
    let o = tousu(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["deadline"], "2027-01-13T00:00:00+08:00");
    assert_eq!(v["provisional"], true);
    assert_eq!(v["provisional_basis"], "statutory_days");
    assert!(
        v["coverage"]
            .as_str()
            .unwrap()
            .contains("holiday notices cover 2024–2026")
    );

    // With the year's notice as a data file, the same call is exact.
    let dir = std::env::temp_dir().join(format!("tousu-cal-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let data = dir.join("cn-2027.toml");
    std::fs::write(
        &data,
        "id = \"cn-2027\"\n[[years]]\nyear = 2027\ncitation = \"国办发明电〔2026〕X号\"\n\
         holidays = [{ name = \"元旦\", from = \"2027-01-01\", to = \"2027-01-03\" }]\n",
    )
    .unwrap();
    let mut with_data: Vec<&str> = args.to_vec();
    with_data.extend(["--calendar", data.to_str().unwrap()]);
    let o = tousu(&with_data);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["deadline"], "2027-01-13T00:00:00+08:00");
    assert_eq!(v["provisional"], false);
    assert_eq!(v["calendar"]["years"][1]["origin"]["id"], "cn-2027");

    // `tousu calendar check` validates it; a broken file exits 1 naming it.
    let o = tousu(&["calendar", "check", data.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("2027 国办发明电〔2026〕X号"),
        "{}",
        stdout(&o)
    );
    std::fs::write(&data, "id = \"cn-2027\"\n[[years]]\nyear = 2027\ncitation = \"x\"\nworking_days = [\"2028-01-01\"]\n").unwrap();
    let o = tousu(&["calendar", "check", data.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("years[0].working_days[0]"),
        "{}",
        stderr(&o)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_year_at_a_glance() {
    let o = tousu(&["calendar", "2027"]);
    assert!(o.status.success(), "{}", stderr(&o));
    insta::assert_snapshot!(stdout(&o));
    let o = tousu(&["calendar", "2026", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["year"]["provisional"], false);
    assert!(
        v["year"]["make_up_days"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["date"] == "2026-02-14")
    );
    let o = tousu(&["calendar", "2101"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("2101"), "{}", stderr(&o));
}

#[test]
fn deadline_with_a_policy_file_and_json_output() {
    let o = tousu(&[
        "deadline",
        "--policy",
        "policies/default.toml",
        "--from",
        "2025-09-30T10:00:00+08:00",
        "--within",
        "15 working days",
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["deadline"], "2025-10-29T00:00:00+08:00");
    assert_eq!(v["provisional"], false);
    assert_eq!(v["policy"]["id"], "default");
}

#[test]
fn deadline_usage_errors_exit_2() {
    let o = tousu(&["deadline", "--from", "yesterday", "--within", "1 day"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("RFC 3339"), "{}", stderr(&o));
    let o = tousu(&[
        "deadline",
        "--from",
        "2025-09-30T10:00:00+08:00",
        "--within",
        "15 workdays",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("15个工作日"), "{}", stderr(&o));
    let o = tousu(&["deadline", "--within", "1 day"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn policy_check_default_exits_0_with_a_summary() {
    let o = tousu(&["policy", "check", "policies/default.toml"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("OK: policy default"), "{out}");
    assert!(
        out.contains("不满意 < very_unsatisfied 十分不满意"),
        "{out}"
    );
    assert!(
        out.contains("first_response 初次对应: unsatisfied 30 minutes"),
        "{out}"
    );
    assert!(
        out.contains("holiday notices cover 2024–2026; later deadlines to 2100 are provisional (statutory days only)"),
        "{out}"
    );
    assert!(out.lines().count() <= 24, "not one screen:\n{out}");
    assert!(
        !out.contains("invariant:"),
        "the default has no finding:\n{out}"
    );
}

#[test]
fn policy_check_summarises_the_agreed_deadline_closure_and_duties() {
    // The default says nothing of them, so the summary has no such line.
    let o = tousu(&["policy", "check", "policies/default.toml"]);
    let out = stdout(&o);
    for key in ["agreed deadline:", "closure:", "duties:", "reply:"] {
        assert!(!out.contains(key), "{key} on the default:\n{out}");
    }
    // S10 names who owns a promised date (ruling 109), what closing waits
    // for (ruling 91) and two periodic reports (ruling 113).
    let o = tousu(&["policy", "check", "policies/property-xx-s10.toml"]);
    let out = stdout(&o);
    assert!(
        out.contains("agreed deadline: owned by the holder of dept_head among lead_department, then role dept_head holding the case, then role front_desk; one agreement a round"),
        "{out}"
    );
    assert!(
        out.contains("closure: waits for first_asker_feedback; needs a satisfied callback"),
        "{out}"
    );
    assert!(
        out.contains(
            "duties: weekly_statistics_report (front_desk), monthly_statistics_report (front_desk)"
        ),
        "{out}"
    );
}

/// S42's `[reply]` (ruling 141): a complaint made in writing is answered in
/// writing, and the summary says which cases — the whole summary as a
/// reader checking the file against 篇八 (7) sees it.
#[test]
fn policy_check_summarises_the_written_reply() {
    let o = tousu(&["policy", "check", "policies/property-office-s42.toml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("reply: in writing for the cases where {\"channel\":[\"letter\"]}"),
        "{out}"
    );
    insta::assert_snapshot!(out);
}

#[test]
fn policy_check_prints_what_the_invariant_checker_finds() {
    // S05's salesman is the verification clock's last fallback though its
    // stopped_by names only the engineer: valid, accepted, and worth a look.
    let file = "policies/board-card-s05.toml";
    let o = tousu(&["policy", "check", file]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains(
            "invariant: warning [owner_can_stop] milestones[0].fallback_owner[2]: the role \"sales\" is charged when verification is late"
        ),
        "{out}"
    );

    let o = tousu(&["policy", "check", file, "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["ok"], true);
    let found = v["findings"].as_array().unwrap();
    assert!(
        found.iter().any(|f| f["severity"] == "warning"
            && f["invariant"] == "owner_can_stop"
            && f["path"] == "milestones[0].fallback_owner[2]"),
        "{v}"
    );
}

#[test]
fn policy_check_broken_file_exits_1_with_each_problem() {
    let dir = std::env::temp_dir().join(format!("tousu-policy-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("broken.toml");
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../policies/default.toml"
    ))
    .unwrap()
    .replace(
        "warn_at_percent = [50, 80]\non_reopen = \"restart\"\nowner = \"assignee\"",
        "warn_at_percent = [50, 120]\non_reopen = \"restart\"\nowner = \"assignee\"",
    )
    .replace("major = \"10 minutes\"", "majr = \"10 minutes\"");
    std::fs::write(&file, text).unwrap();
    let o = tousu(&["policy", "check", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("milestones[1].warn_at_percent[1]: 120 is not a warning threshold"),
        "{out}"
    );
    assert!(
        out.contains("milestones[1].targets.majr: \"majr\" is not a level"),
        "{out}"
    );
    assert!(
        out.contains("milestones[1].targets.major: is missing"),
        "{out}"
    );

    let o = tousu(&["policy", "check", file.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["ok"], false);
    assert!(v["errors"].as_array().unwrap().len() >= 3);
    // An invalid policy is not checked for invariants: its errors come first.
    assert_eq!(v["findings"], serde_json::json!([]));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn policy_check_missing_file_exits_1() {
    let o = tousu(&["policy", "check", "no/such/policy.toml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("cannot read no/such/policy.toml"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn policy_schema_prints_the_committed_schema() {
    let o = tousu(&["policy", "schema"]);
    assert!(o.status.success());
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/policy.schema.json"
    ))
    .unwrap();
    assert_eq!(stdout(&o), committed);
}

/// `tousu policy schema | head -1`: the reader goes away while the program
/// is still writing. The schema (88 KB) is larger than a pipe holds, so the
/// write after the reader closed fails whatever the timing; the program must
/// stop quietly, not panic as `println!` does on a closed pipe.
#[test]
fn a_reader_that_goes_away_is_not_a_panic() {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_tousu"))
        .args(["policy", "schema"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.code().is_some(), "killed by a signal: {out:?}");
}
