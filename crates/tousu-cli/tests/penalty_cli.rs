//! `tousu allocate` and `tousu penalties`, run as a user runs them.

use std::process::Command;

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

#[test]
fn allocate_splits_exactly() {
    let (code, out, _) = tousu(&["allocate", "--amount", "100.00", "--shares", "a=1,b=1,c=1"]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), r#"{"a":"33.34","b":"33.33","c":"33.33"}"#);
    let (code, out, _) = tousu(&["allocate", "--amount", "1,000", "--shares", "e1=70%,e2=30%"]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), r#"{"e1":"700.00","e2":"300.00"}"#);
}

#[test]
fn allocate_refuses_bad_input() {
    for args in [
        &["allocate", "--amount", "100", "--shares", "a=0,b=0"][..],
        &["allocate", "--amount", "100", "--shares", "a=-1,b=2"],
        &["allocate", "--amount", "100", "--shares", ""],
        &["allocate", "--amount", "1.005", "--shares", "a=1"],
        &["allocate", "--amount", "abc", "--shares", "a=1"],
    ] {
        let (code, out, err) = tousu(args);
        assert_ne!(code, 0, "{args:?} should fail");
        assert!(out.is_empty(), "{args:?} printed {out}");
        assert!(!err.trim().is_empty(), "{args:?} gave no message");
    }
}

#[test]
fn penalties_under_the_default_policy() {
    let dir = std::env::temp_dir().join(format!("tousu-penalty-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let facts = dir.join("facts.json");
    std::fs::write(
        &facts,
        r#"{
  "roster": {
    "departments": [{ "id": "eng", "name": "工程部" }],
    "staff": [
      { "id": "h1", "name": "张师傅", "department": "eng", "base_points": "2", "monthly_bonus": "800.00" },
      { "id": "h2", "name": "刘师傅", "department": "eng", "base_points": "1", "monthly_bonus": "800.00" }
    ]
  },
  "facts": {
    "period": "2025-10",
    "breaches": [
      { "case": "K1", "milestone": "first_response", "level": "major", "owner": "h1", "at": "2025-10-09T01:40:00Z" }
    ],
    "losses": [
      { "case": "K1", "amount": "100.00", "responsible": { "department": "eng" } }
    ]
  }
}"#,
    )
    .unwrap();
    let policy = repo("policies/default.toml");
    let (code, out, err) = tousu(&[
        "penalties",
        "--policy",
        &policy,
        "--facts",
        facts.to_str().unwrap(),
        "--format",
        "md",
    ]);
    assert_eq!(code, 0, "{err}");
    // S12: a breached major complaint costs its owner 50 元; the department's
    // 100 元 loss splits 2:1 by base points (66.67 / 33.33).
    assert!(out.contains("50.00"), "{out}");
    assert!(out.contains("66.67") && out.contains("33.33"), "{out}");
    let (code, _, err) = tousu(&["penalties", "--facts", facts.to_str().unwrap()]);
    assert_ne!(code, 0);
    assert!(err.contains("--policy"), "{err}");
}

#[test]
fn penalties_refuse_breaches_outside_the_period_or_of_unknown_milestones() {
    let dir = std::env::temp_dir().join(format!("tousu-penalty-scope-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let policy = repo("policies/default.toml");
    let run = |breach: &str| {
        let facts = dir.join("facts.json");
        std::fs::write(
            &facts,
            format!(
                r#"{{"roster": {{"departments": [{{"id": "eng", "name": "工程部"}}],
                     "staff": [{{"id": "h1", "name": "张师傅", "department": "eng"}}]}},
                   "facts": {{"period": "2025-10", "breaches": [{breach}]}}}}"#
            ),
        )
        .unwrap();
        tousu(&[
            "penalties",
            "--policy",
            &policy,
            "--facts",
            facts.to_str().unwrap(),
        ])
    };
    // 2025-11-01 00:30 Beijing time is November's, though still October in UTC.
    let (code, out, err) = run(
        r#"{"case": "K1", "milestone": "first_response", "level": "major", "owner": "h1", "at": "2025-10-31T16:30:00Z"}"#,
    );
    assert_ne!(code, 0, "{out}");
    assert!(
        err.contains(
            "facts.breaches[0].at: 2025-11-01T00:30:00+08:00 is not in the period 2025-10"
        ),
        "{err}"
    );
    let (code, out, err) = run(
        r#"{"case": "K1", "milestone": "frist_response", "level": "major", "owner": "h1", "at": "2025-10-09T01:40:00Z"}"#,
    );
    assert_ne!(code, 0, "{out}");
    assert!(
        err.contains(
            r#"facts.breaches[0].milestone: "frist_response" is not a milestone of policy default"#
        ),
        "{err}"
    );
    let (code, _, err) = run(
        r#"{"case": "K1", "milestone": "first_response", "level": "major", "owner": "h1", "at": "2025-10-31T15:59:59Z"}"#,
    );
    assert_eq!(code, 0, "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
