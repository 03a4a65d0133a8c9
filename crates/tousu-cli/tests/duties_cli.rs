//! `tousu duties`, run as a user runs it: S32's daily review of the records
//! over three days, judged against a duty log.

use std::process::Command;

use tousu_model::{Department, DepartmentId, DepartmentTree, RoleId, Roster, Staff, StaffId};

fn tousu(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tousu"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn repo(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

/// Writes the roster and the log of the S32 scenario; returns their paths.
fn files(dir: &str, log: &str) -> (String, String) {
    let dir = std::env::temp_dir().join(format!("tousu-duties-cli-{dir}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let dd = DepartmentId::new("dd").unwrap();
    let roster = Roster::new(
        DepartmentTree::new(vec![Department::new(dd.clone(), "调度中心", None)]).unwrap(),
        vec![
            Staff::new(StaffId::new("dg").unwrap(), "调度主管 陈主管", dd)
                .with_role(RoleId::new("dispatch_supervisor").unwrap()),
        ],
    )
    .unwrap();
    let r = dir.join("roster.json");
    std::fs::write(&r, serde_json::to_string(&roster).unwrap()).unwrap();
    let l = dir.join("log.json");
    std::fs::write(&l, log).unwrap();
    (r.display().to_string(), l.display().to_string())
}

const LOG: &str = r#"{"schema_version": 1, "records": [
  {"duty": "daily_record_review", "period": "2025-10-13", "staff": "dg", "at": "2025-10-13T21:00:00+08:00"},
  {"duty": "daily_record_review", "period": "2025-10-14", "staff": "dg", "at": "2025-10-15T09:00:00+08:00"}
]}"#;

#[test]
fn duties_judges_a_range_and_names_the_charges() {
    let (roster, log) = files("ok", LOG);
    let policy = repo("policies/property-jinbi-s32.toml");
    let args = [
        "duties",
        "--policy",
        &policy,
        "--roster",
        &roster,
        "--log",
        &log,
        "--from",
        "2025-10-13",
        "--to",
        "2025-10-15",
        "--now",
        "2025-10-16T09:00:00+08:00",
    ];
    let (code, out, err) = tousu(&args);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("Duties due 2025-10-13 to 2025-10-15, as of 2025-10-16 09:00 (+08:00)"),
        "{out}"
    );
    assert_eq!(out.matches("charge: review_late to dg").count(), 2, "{out}");
    let (code, out, err) = tousu(&[&args[..], &["--json"]].concat());
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let outcomes: Vec<&str> = report["judgements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(outcomes, ["met", "late", "missed"]);
    // A whole month: 31 daily occurrences.
    let (code, out, err) = tousu(&[
        "duties",
        "--policy",
        &policy,
        "--roster",
        &roster,
        "--month",
        "2025-10",
        "--now",
        "2025-11-01T09:00:00+08:00",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["judgements"].as_array().unwrap().len(), 31);
}

#[test]
fn duties_refuses_a_wrong_log_with_the_path() {
    let (roster, log) = files(
        "bad",
        &LOG.replace("\"period\": \"2025-10-14\"", "\"period\": \"2025-10\""),
    );
    let policy = repo("policies/property-jinbi-s32.toml");
    let (code, _, err) = tousu(&[
        "duties",
        "--policy",
        &policy,
        "--roster",
        &roster,
        "--log",
        &log,
        "--month",
        "2025-10",
        "--now",
        "2025-11-01T09:00:00+08:00",
    ]);
    assert_ne!(code, 0);
    assert!(
        err.contains("records[1].period: 2025-10 is not a day"),
        "{err}"
    );
    let (code, _, err) = tousu(&["duties", "--policy", &policy, "--roster", &roster]);
    assert_ne!(code, 0);
    assert!(err.contains("give --month YYYY-MM"), "{err}");
}
