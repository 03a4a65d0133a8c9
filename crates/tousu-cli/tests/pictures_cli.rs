//! `tousu report --format html` and `tousu timeline`, run as a user runs
//! them, over events written by the engine.

use std::path::PathBuf;
use std::process::Command as Process;

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use tousu::prelude::*;

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

fn bj(d: u32, h: u32) -> DateTime<Utc> {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2025, 11, d, h, 0, 0)
        .unwrap()
        .to_utc()
}

/// Two November cases: one accepted and assigned, then left (overdue by the
/// end of the month), one not accepted. Returns the events file and the
/// overdue case's id.
fn events_file(name: &str) -> (PathBuf, String) {
    let kf = StaffId::new("kf1").unwrap();
    let cs = DepartmentId::new("cs").unwrap();
    let roster = Roster::new(
        DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)]).unwrap(),
        vec![
            Staff::new(kf.clone(), "李客服", cs.clone())
                .with_role(RoleId::new("complaint_manager").unwrap()),
        ],
    )
    .unwrap();
    let mut engine = Engine::new(
        Policy::default_policy().unwrap(),
        roster,
        MemoryStore::new(),
    )
    .unwrap();
    let mut file = |n: &str, complaint: Complaint| {
        engine
            .file(Filing {
                actor: kf.clone(),
                command_id: CommandId::new(n).unwrap(),
                case_id: None,
                complaint,
                repeat_count: 0,
            })
            .unwrap()
            .case
    };
    let left = file(
        "f1",
        Complaint::builder(bj(3, 9), Channel::Phone, "热水器漏水")
            .build()
            .unwrap(),
    );
    let refused = file(
        "f2",
        Complaint::builder(bj(4, 9), Channel::Letter, "要求赔偿（已起诉）")
            .flags(ComplaintFlags {
                in_litigation: true,
                ..ComplaintFlags::default()
            })
            .build()
            .unwrap(),
    );
    let cmd = |n: &str, at, version, kind| {
        Command::new(CommandId::new(n).unwrap(), kf.clone(), at, version, kind)
    };
    engine
        .handle(
            &left.id,
            &cmd(
                "c1",
                bj(3, 10),
                left.version,
                CommandKind::Accept {
                    override_reason: None,
                },
            ),
        )
        .unwrap();
    let v = engine.case(&left.id).unwrap().version;
    let assignment = Assignment {
        lead: cs.clone(),
        handler: Some(kf.clone()),
        co_handling: vec![],
    };
    engine
        .handle(
            &left.id,
            &cmd("c2", bj(3, 11), v, CommandKind::Assign { assignment }),
        )
        .unwrap();
    engine
        .handle(
            &refused.id,
            &cmd(
                "c3",
                bj(4, 10),
                refused.version,
                CommandKind::NotAccept {
                    reason_zh: "已进入诉讼程序".into(),
                    advice_zh: None,
                },
            ),
        )
        .unwrap();
    engine.tick_all(bj(20, 9)).unwrap();
    let mut lines = String::new();
    for id in engine.store().case_ids().unwrap() {
        for e in engine.store().load(&id).unwrap() {
            lines.push_str(&serde_json::to_string(&e).unwrap());
            lines.push('\n');
        }
    }
    let dir =
        std::env::temp_dir().join(format!("tousu-pictures-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("events.jsonl");
    std::fs::write(&path, lines).unwrap();
    (path, left.id.to_string())
}

fn policy() -> String {
    format!("{}/../../policies/default.toml", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn report_as_html_embeds_the_overdue_timeline_and_stays_quiet_off_a_terminal() {
    let (events, overdue) = events_file("html");
    let (code, out, err) = tousu(&[
        "report",
        "--policy",
        &policy(),
        "--cases",
        events.to_str().unwrap(),
        "--from",
        "2025-11-01",
        "--to",
        "2025-11-30",
        "--format",
        "html",
    ]);
    assert_eq!(code, 0, "{err}");
    // stderr is a pipe here: no progress bar, nothing at all.
    assert_eq!(err, "");
    assert!(out.starts_with("<!DOCTYPE html>"));
    assert_eq!(out.matches("<figure class=\"chart-figure\"").count(), 8);
    assert!(out.contains(&format!(
        "<figure class=\"timeline\" id=\"timeline-{overdue}\">"
    )));
    assert!(out.contains("<h1>投诉统计分析报告 Complaint report: 2025年11月</h1>"));
}

#[test]
fn timeline_prints_one_case_as_svg_or_json() {
    let (events, case) = events_file("timeline");
    let events = events.to_str().unwrap();
    let (code, svg, err) = tousu(&[
        "timeline",
        "--policy",
        &policy(),
        "--cases",
        events,
        "--case",
        &case,
        "--quiet",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(svg.starts_with("<svg"), "{svg}");
    assert!(svg.contains(&format!("Case timeline: {case}")));
    let (code, json, err) = tousu(&[
        "timeline",
        "--policy",
        &policy(),
        "--cases",
        events,
        "--case",
        &case,
        "--format",
        "json",
        "--as-of",
        "2025-11-30T18:00:00+08:00",
    ]);
    assert_eq!(code, 0, "{err}");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["case_id"], case.as_str());
    assert_eq!(value["as_of"], "2025-11-30T10:00:00Z");
    assert!(value["clocks"].as_array().is_some_and(|c| !c.is_empty()));
}

#[test]
fn timeline_errors_say_what_was_wrong() {
    let (events, case) = events_file("errors");
    let events = events.to_str().unwrap();
    let (code, _, err) = tousu(&[
        "timeline",
        "--policy",
        &policy(),
        "--cases",
        events,
        "--case",
        "nope",
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("--case \"nope\": no events of this case"),
        "{err}"
    );
    let (code, _, err) = tousu(&[
        "timeline",
        "--policy",
        &policy(),
        "--cases",
        events,
        "--case",
        &case,
        "--format",
        "png",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("expected svg or json"), "{err}");
    let (code, _, err) = tousu(&["timeline", "--policy", &policy(), "--cases", events]);
    assert_eq!(code, 2);
    assert!(err.contains("--case <ID>"), "{err}");
    let (code, out, _) = tousu(&["timeline", "--help"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("tousu timeline [OPTIONS] --policy <FILE>"),
        "{out}"
    );
}
