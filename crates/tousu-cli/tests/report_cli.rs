//! `tousu report`, run as a user runs it, over a JSONL file of events written
//! from a real workflow run.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use tousu_model::*;
use tousu_policy::Policy;
use tousu_workflow::*;

fn tousu(args: &[&str]) -> (i32, String, String) {
    let out = Process::new(env!("CARGO_BIN_EXE_tousu"))
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

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tousu-report-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn bj(d: u32, h: u32, min: u32) -> DateTime<Utc> {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2025, 11, d, h, min, 0)
        .unwrap()
        .to_utc()
}

fn sid(s: &str) -> StaffId {
    StaffId::new(s).unwrap()
}

fn roster() -> Roster {
    let role = |r: &str| RoleId::new(r).unwrap();
    let did = |s: &str| DepartmentId::new(s).unwrap();
    Roster::new(
        DepartmentTree::new(vec![
            Department::new(did("cs"), "客服部", None),
            Department::new(did("eng"), "工程部", None),
        ])
        .unwrap(),
        vec![
            Staff::new(sid("kf1"), "李客服", did("cs")).with_role(role("complaint_manager")),
            Staff::new(sid("h1"), "张师傅", did("eng")).with_role(role("handler")),
        ],
    )
    .unwrap()
}

/// Three November cases: closed the same day (very satisfied), open and
/// overdue (assigned to engineering, never answered), not accepted.
fn events() -> Vec<Event> {
    let rt = PolicyRuntime::new(Policy::default_policy().unwrap()).unwrap();
    let roster = roster();
    let mut all = Vec::new();
    let mut n = 0;
    let mut run = |case: &mut Option<Case>, all: &mut Vec<Event>, at, kind: CommandKind| {
        n += 1;
        let cmd = Command::new(
            CommandId::new(format!("c{n}")).unwrap(),
            sid("kf1"),
            at,
            case.as_ref().map_or(0, |c| c.version),
            kind,
        );
        let events = handle(case, &cmd, &rt.ctx(&roster, at)).unwrap();
        all.extend(events);
    };
    let reg = |id: &str, c: Complaint| CommandKind::Register {
        case_id: CaseId::new(id).unwrap(),
        number: None,
        complaint: Box::new(c),
        repeat_count: 0,
    };
    let accept = || CommandKind::Accept {
        override_reason: None,
    };

    let mut a = None;
    let c = Complaint::builder(bj(3, 9, 0), Channel::Phone, "营业员态度差")
        .category(CategoryId::new("service_attitude").unwrap())
        .customer_class(CustomerClass::A)
        .build()
        .unwrap();
    run(&mut a, &mut all, bj(3, 9, 0), reg("A1", c));
    run(&mut a, &mut all, bj(3, 9, 5), accept());

    let mut b = None;
    let c = Complaint::builder(bj(4, 10, 0), Channel::Web, "热水器不加热")
        .category(CategoryId::new("product_defect").unwrap())
        .build()
        .unwrap();
    run(&mut b, &mut all, bj(4, 10, 0), reg("B2", c));
    run(&mut b, &mut all, bj(4, 10, 5), accept());
    run(
        &mut b,
        &mut all,
        bj(4, 10, 6),
        CommandKind::Assign {
            assignment: Assignment {
                lead: DepartmentId::new("eng").unwrap(),
                handler: Some(sid("h1")),
                co_handling: vec![],
            },
        },
    );

    // Interleave: A1 continues after B2 started, as a real log would.
    run(
        &mut a,
        &mut all,
        bj(3, 9, 20),
        CommandKind::Reply {
            text: "已道歉".into(),
            written: false,
        },
    );
    run(
        &mut a,
        &mut all,
        bj(3, 10, 0),
        CommandKind::RecordCallback {
            satisfaction: Satisfaction::VerySatisfied,
            note: None,
        },
    );
    run(&mut a, &mut all, bj(3, 10, 5), CommandKind::Close);

    let mut c3 = None;
    let c = Complaint::builder(bj(5, 11, 0), Channel::Letter, "已起诉")
        .flags(ComplaintFlags {
            in_litigation: true,
            ..Default::default()
        })
        .build()
        .unwrap();
    run(&mut c3, &mut all, bj(5, 11, 0), reg("C3", c));
    run(
        &mut c3,
        &mut all,
        bj(5, 11, 10),
        CommandKind::NotAccept {
            reason_zh: "已进入诉讼程序".into(),
            advice_zh: None,
        },
    );
    all
}

fn write_jsonl(dir: &Path, events: &[Event]) -> String {
    let path = dir.join("events.jsonl");
    let mut text = String::new();
    for e in events {
        text.push_str(&serde_json::to_string(e).unwrap());
        text.push('\n');
    }
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn report_as_json_markdown_and_csv() {
    let dir = temp_dir("ok");
    let cases = write_jsonl(&dir, &events());
    let policy = repo("policies/default.toml");
    let base = [
        "report",
        "--policy",
        &policy,
        "--cases",
        &cases,
        "--from",
        "2025-11-01",
        "--to",
        "2025-11-30",
    ];

    let (code, out, err) = tousu(&[&base[..], &["--format", "json"]].concat());
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["summary"]["received"], 3);
    assert_eq!(v["summary"]["closed"], 1);
    assert_eq!(v["summary"]["not_accepted"], 1);
    assert_eq!(v["summary"]["open_overdue"], 1);
    assert_eq!(v["by_handling"]["immediate"]["count"], 1);
    assert_eq!(v["by_handling"]["open_overdue"]["count"], 1);
    assert_eq!(v["by_handling"]["not_accepted"]["count"], 1);
    assert_eq!(v["satisfaction"]["rate"]["percent"], "100.0");
    // Default as-of: the end of 30 November, Beijing time.
    assert_eq!(v["as_of"], "2025-11-30T16:00:00Z");
    // B2: first response (30 minutes) and result (15 working days) overdue.
    let overdue: Vec<&str> = v["overdue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["milestone"].as_str().unwrap())
        .collect();
    assert_eq!(overdue, ["first_response", "result"]);
    assert_eq!(v["overdue"][0]["case_id"], "B2");
    assert_eq!(v["overdue"][0]["department"], "eng");
    // A1's handling time: 09:00 → 10:05 = 1.08 working hours.
    assert_eq!(v["handling_time"]["average_hours"], "1.08");

    let (code, out, _) = tousu(&base);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("# 投诉统计分析报告 Complaint report: 2025年11月\n"),
        "{out}"
    );
    assert!(
        out.contains("| 当即处理 | immediate | 1 | 33.3% |"),
        "{out}"
    );

    let (code, out, _) = tousu(
        &[
            &base[..],
            &["--format", "csv", "--as-of", "2025-11-04T10:20:00+08:00"],
        ]
        .concat(),
    );
    assert_eq!(code, 0);
    assert!(out.starts_with("section,key,label_zh,value\r\n"));
    // As of 10:20 on 4 November the cases stand as they stood then: the
    // third complaint of the month was not yet received.
    assert!(out.contains("summary,received,收到投诉,2\r\n"), "{out}");
    // At 10:20 on 4 November only B2's first response (due 10:30) runs: nothing overdue yet.
    assert!(out.contains("summary,open_overdue,超期未结,0\r\n"), "{out}");
    assert!(!out.contains("\noverdue,"), "{out}");
}

#[test]
fn roster_names_departments() {
    let dir = temp_dir("roster");
    let cases = write_jsonl(&dir, &events());
    let roster_path = dir.join("roster.json");
    std::fs::write(&roster_path, serde_json::to_string(&roster()).unwrap()).unwrap();
    let policy = repo("policies/default.toml");
    let (code, out, err) = tousu(&[
        "report",
        "--policy",
        &policy,
        "--cases",
        &cases,
        "--from",
        "2025-11-01",
        "--to",
        "2025-11-30",
        "--roster",
        roster_path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("| 工程部 | eng | 1 | 33.3% |"), "{out}");
    assert!(out.contains("工程部 (eng)"), "{out}");
}

#[test]
fn bad_input_exits_1_with_a_message() {
    let dir = temp_dir("bad");
    let mut lines: Vec<String> = events()
        .iter()
        .map(|e| serde_json::to_string(e).unwrap())
        .collect();
    lines.insert(2, r#"{"not": "an event"}"#.to_owned());
    let cases = dir.join("bad.jsonl");
    std::fs::write(&cases, lines.join("\n")).unwrap();
    let cases = cases.to_str().unwrap();
    let policy = repo("policies/default.toml");

    let (code, out, err) = tousu(&[
        "report",
        "--policy",
        &policy,
        "--cases",
        cases,
        "--from",
        "2025-11-01",
        "--to",
        "2025-11-30",
    ]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("line 3: not a workflow event"), "{err}");

    let good = write_jsonl(&dir, &events());
    for (args, needle) in [
        (
            vec![
                "report",
                "--cases",
                &good,
                "--from",
                "2025-11-01",
                "--to",
                "2025-11-30",
            ],
            "--policy is required",
        ),
        (
            vec![
                "report",
                "--policy",
                &policy,
                "--cases",
                &good,
                "--from",
                "2025-11-31",
                "--to",
                "2025-11-30",
            ],
            "is not a date",
        ),
        (
            vec![
                "report",
                "--policy",
                &policy,
                "--cases",
                &good,
                "--from",
                "2025-12-01",
                "--to",
                "2025-11-30",
            ],
            "must not be after",
        ),
        (
            vec![
                "report",
                "--policy",
                &policy,
                "--cases",
                &good,
                "--from",
                "2025-11-01",
                "--to",
                "2025-11-30",
                "--format",
                "xml",
            ],
            "--format",
        ),
        (
            vec![
                "report",
                "--policy",
                &policy,
                "--cases",
                &good,
                "--from",
                "2025-11-01",
                "--to",
                "2025-11-30",
                "--as-of",
                "tomorrow",
            ],
            "--as-of",
        ),
        (
            vec![
                "report",
                "--policy",
                &policy,
                "--cases",
                "/nonexistent/x.jsonl",
                "--from",
                "2025-11-01",
                "--to",
                "2025-11-30",
            ],
            "/nonexistent/x.jsonl",
        ),
        (vec!["report", "--bogus"], "unexpected argument"),
    ] {
        let (code, out, err) = tousu(&args);
        // A usage error (an unknown option or value) exits 2, refused input 1.
        let usage = needle == "unexpected argument";
        assert_eq!(code, if usage { 2 } else { 1 }, "{args:?}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }

    // A case whose events skip a version does not replay.
    let mut evs = events();
    evs.retain(|e| !(e.case_id.as_str() == "A1" && e.version == 2));
    let gap = write_jsonl(&temp_dir("gap"), &evs);
    let (code, _, err) = tousu(&[
        "report",
        "--policy",
        &policy,
        "--cases",
        &gap,
        "--from",
        "2025-11-01",
        "--to",
        "2025-11-30",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("case A1"), "{err}");

    let (code, out, _) = tousu(&["report", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("--cases"));
}
