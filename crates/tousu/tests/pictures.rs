//! The HTML report and the case timeline: what they show, their SVG
//! structure (snapshotted), and files for the browser check in CI
//! (`.ci/browser_check.py` opens what this test writes to
//! `target/tmp/pictures/`).

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use tousu::prelude::*;
use tousu::report::{CaseTimeline, DayKind, PeriodSeries, TimelineMark};

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .unwrap()
        .to_utc()
}

fn sid(s: &str) -> StaffId {
    StaffId::new(s).unwrap()
}

fn roster() -> Roster {
    let did = |s: &str| DepartmentId::new(s).unwrap();
    let role = |s: &str| RoleId::new(s).unwrap();
    Roster::new(
        DepartmentTree::new(vec![
            Department::new(did("hq"), "总经理室", None),
            Department::new(did("cs"), "客服部", Some(did("hq"))),
            Department::new(did("eng"), "工程部", Some(did("hq"))),
        ])
        .unwrap(),
        vec![
            Staff::new(sid("gm"), "赵总经理", did("hq")).with_role(role("general_manager")),
            Staff::new(sid("kf1"), "李客服", did("cs")).with_role(role("complaint_manager")),
            Staff::new(sid("head"), "王主管", did("eng"))
                .with_role(role("department_head"))
                .with_supervisor(sid("gm")),
            Staff::new(sid("zhang"), "张师傅", did("eng"))
                .with_role(role("handler"))
                .with_supervisor(sid("head")),
        ],
    )
    .unwrap()
}

struct Desk {
    engine: Engine<MemoryStore>,
    n: u32,
}

impl Desk {
    fn new(policy: Policy) -> Desk {
        Desk {
            engine: Engine::new(policy, roster(), MemoryStore::new()).unwrap(),
            n: 0,
        }
    }

    fn file(&mut self, complaint: Complaint) -> CaseId {
        self.n += 1;
        self.engine
            .file(Filing {
                actor: sid("kf1"),
                command_id: CommandId::new(format!("f{}", self.n)).unwrap(),
                case_id: None,
                complaint,
                repeat_count: 0,
            })
            .unwrap()
            .case
            .id
    }

    fn run(&mut self, case: &CaseId, actor: &str, when: DateTime<Utc>, kind: CommandKind) {
        self.n += 1;
        let version = self.engine.case(case).unwrap().version;
        let cmd = Command::new(
            CommandId::new(format!("c{}", self.n)).unwrap(),
            sid(actor),
            when,
            version,
            kind,
        );
        self.engine.handle(case, &cmd).unwrap();
    }

    fn accept_and_assign(&mut self, case: &CaseId, when: DateTime<Utc>) {
        self.run(
            case,
            "kf1",
            when,
            CommandKind::Accept {
                override_reason: None,
            },
        );
        let assignment = Assignment {
            lead: DepartmentId::new("eng").unwrap(),
            handler: Some(sid("zhang")),
            co_handling: vec![],
        };
        self.run(case, "kf1", when, CommandKind::Assign { assignment });
    }
}

/// Two cases received on 2025-09-30, the day before National Day: a stuck
/// lift reported by the press (breach, escalation, an extension across the
/// holiday, a reply, no callback yet) and a leak nobody answers.
fn national_day() -> (Desk, CaseId, CaseId) {
    let mut d = Desk::new(Policy::default_policy().unwrap());
    let lift = d.file(
        Complaint::builder(at(2025, 9, 30, 10, 0), Channel::Media, "电梯困人40分钟")
            .complainant(Complainant::organization("3号楼业主委员会").unwrap())
            .flags(ComplaintFlags {
                media_exposure: true,
                ..ComplaintFlags::default()
            })
            .build()
            .unwrap(),
    );
    d.accept_and_assign(&lift, at(2025, 9, 30, 10, 5));
    d.engine.tick_all(at(2025, 9, 30, 10, 30)).unwrap();
    d.run(
        &lift,
        "zhang",
        at(2025, 9, 30, 11, 0),
        CommandKind::StartInvestigation,
    );
    d.run(
        &lift,
        "zhang",
        at(2025, 9, 30, 15, 0),
        CommandKind::ProposeSolution {
            remedies: vec![Remedy::new(RemedyKind::Repair)],
            note: None,
        },
    );
    d.run(&lift, "head", at(2025, 9, 30, 15, 30), CommandKind::Approve);
    d.run(
        &lift,
        "zhang",
        at(2025, 9, 30, 16, 0),
        CommandKind::RequestExtension {
            reason: "业委会国庆外出".into(),
            until: Some(at(2025, 10, 9, 9, 0)),
        },
    );
    d.run(
        &lift,
        "gm",
        at(2025, 9, 30, 16, 10),
        CommandKind::ApproveExtension,
    );
    let leak = d.file(
        Complaint::builder(at(2025, 9, 30, 9, 0), Channel::Phone, "热水器漏水")
            .complainant(
                Complainant::person("王先生")
                    .unwrap()
                    .with_phone("13900000001"),
            )
            .category(CategoryId::new("installation_repair").unwrap())
            .build()
            .unwrap(),
    );
    d.accept_and_assign(&leak, at(2025, 9, 30, 9, 5));
    d.engine.tick_all(at(2025, 10, 9, 9, 30)).unwrap();
    d.run(
        &lift,
        "kf1",
        at(2025, 10, 9, 10, 0),
        CommandKind::Reply {
            text: "控制板已更换".into(),
            written: false,
        },
    );
    d.engine.tick_all(at(2025, 10, 9, 20, 0)).unwrap();
    for day in [10, 13, 15] {
        d.engine.tick_all(at(2025, 10, day, 9, 30)).unwrap();
    }
    (d, lift, leak)
}

fn as_of() -> DateTime<Utc> {
    at(2025, 10, 15, 12, 0)
}

fn timeline(d: &Desk, case: &CaseId, now: DateTime<Utc>) -> CaseTimeline {
    let events = d.engine.store().load(case).unwrap();
    CaseTimeline::from_events(d.engine.policy(), &events, now).unwrap()
}

/// The SVG's structure: how many of each element, then every text in order.
/// Coordinates are left out so that a layout tweak shows as what it
/// changes, not as a wall of numbers.
fn structure(svg: &str) -> String {
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    let mut texts = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name.is_empty() {
            continue;
        }
        *counts.entry(name.clone()).or_default() += 1;
        if name == "text" {
            let start = rest.find('>').unwrap() + 1;
            let end = rest.find("</text>").unwrap();
            texts.push(rest[start..end].trim().to_owned());
        }
    }
    let mut out = String::new();
    for (name, n) in counts {
        out.push_str(&format!("<{name}> × {n}\n"));
    }
    for t in texts {
        out.push_str(&format!("text: {t}\n"));
    }
    out
}

fn artifacts() -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("pictures");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_lift_timeline_shows_the_breach_the_escalation_and_the_pause() {
    let (d, lift, _) = national_day();
    let t = timeline(&d, &lift, as_of());
    let first = t
        .clocks
        .iter()
        .find(|c| c.milestone.as_str() == "first_response")
        .unwrap();
    assert!(first.breached_at.is_some(), "{first:?}");
    assert_eq!(first.stopped.map(|s| s.1), Some(false));
    assert!(
        t.marks
            .iter()
            .any(|m| matches!(m, TimelineMark::Escalated { .. }))
    );
    let paused: Vec<_> = t.clocks.iter().filter(|c| !c.pauses.is_empty()).collect();
    assert!(!paused.is_empty());
    for c in &paused {
        // Paused on 09-30 16:10, resumed when the extension ended on 10-09.
        assert_eq!(c.pauses[0].from, at(2025, 9, 30, 16, 10));
        assert!(c.pauses[0].to.unwrap() >= at(2025, 10, 9, 9, 0));
        // The resume gave a later deadline.
        assert!(c.deadlines.len() >= 2);
        assert!(c.deadlines.last().unwrap().deadline.at > c.deadlines[0].deadline.at);
    }
    // The second response, resumed on 10-09 with its 24 hours nearly whole,
    // had passed half of them by the tick of 10-09 20:00.
    let second = t
        .clocks
        .iter()
        .find(|c| c.milestone.as_str() == "second_response")
        .unwrap();
    assert_eq!(
        second.warnings.first().map(|w| (w.at, w.percent)),
        Some((at(2025, 10, 9, 20, 0), 50))
    );
    let svg = t
        .to_svg(&d.engine.policy().build_calendar().unwrap())
        .unwrap();
    // A triangle per warning, one in the legend.
    let warnings: usize = t.clocks.iter().map(|c| c.warnings.len()).sum();
    assert_eq!(svg.matches("<polygon").count(), warnings + 1);
    assert!(svg.contains("暂停 paused"));
    assert!(svg.contains("升级 escalated"));
    assert!(svg.contains("超时 missed"));
    insta::assert_snapshot!("lift_timeline_structure", structure(&svg));
    std::fs::write(artifacts().join("timeline-lift.svg"), &svg).unwrap();
}

#[test]
fn days_are_shaded_by_the_calendar_with_holiday_blocks_whole() {
    let calendar = Policy::default_policy().unwrap().build_calendar().unwrap();
    let first = NaiveDate::from_ymd_opt(2025, 9, 27).unwrap();
    let kinds = DayKind::run(&calendar, first, 16);
    use DayKind::*;
    assert_eq!(
        kinds,
        vec![
            Weekend, // 09-27 Sat
            MakeUp,  // 09-28 Sun: 国庆调休上班
            Working, Working, // 09-29, 09-30
            Holiday, Holiday, Holiday, // 10-01 .. 10-03
            Holiday, Holiday, // 10-04, 10-05: a weekend inside the block
            Holiday, Holiday, Holiday, // 10-06 .. 10-08
            Working, Working, // 10-09, 10-10
            MakeUp,  // 10-11 Sat: 调休上班
            Weekend, // 10-12 Sun
        ]
    );
    // Without the block, the weekend inside it is a plain weekend.
    let d = NaiveDate::from_ymd_opt(2025, 10, 4).unwrap();
    assert_eq!(DayKind::of(&calendar, d), Weekend);
    assert_eq!(
        DayKind::of(&calendar, NaiveDate::from_ymd_opt(2101, 1, 6).unwrap()),
        Uncovered
    );
}

#[test]
fn a_provisional_deadline_is_drawn_as_such() {
    let mut policy = Policy::default_policy().unwrap();
    policy.calendar.provisional = true;
    let mut d = Desk::new(policy);
    // 2027 has no holiday data: deadlines count weekends only, provisionally.
    let case = d.file(
        Complaint::builder(at(2027, 9, 30, 10, 0), Channel::Phone, "热水器漏水")
            .build()
            .unwrap(),
    );
    d.accept_and_assign(&case, at(2027, 9, 30, 10, 5));
    let t = timeline(&d, &case, at(2027, 10, 8, 12, 0));
    assert!(
        t.clocks
            .iter()
            .any(|c| c.deadline().is_some_and(|dl| dl.provisional))
    );
    let calendar = d.engine.policy().build_calendar().unwrap();
    let svg = t.to_svg(&calendar).unwrap();
    assert!(svg.contains("暂定 provisional"));
    assert!(svg.contains(" 暂定 · "), "the bar's words say so too");
    assert!(svg.contains("暂定日历 provisional calendar 2027"));
    insta::assert_snapshot!("provisional_timeline_structure", structure(&svg));
    std::fs::write(artifacts().join("timeline-provisional.svg"), &svg).unwrap();
}

#[test]
fn the_html_report_has_every_chart_its_numbers_and_the_overdue_timelines() {
    let (d, _, leak) = national_day();
    let period = ReportPeriod::month(2025, 9).unwrap();
    let report = d.engine.report(&period, as_of(), None).unwrap();
    assert!(report.overdue.iter().any(|o| o.case_id == leak));
    let policy = d.engine.policy();
    let calendar = policy.build_calendar().unwrap();
    let cases = d.engine.cases().unwrap();
    let series = PeriodSeries::from_cases(policy, &calendar, &cases, &period).unwrap();
    assert_eq!(series.days.len(), 30);
    assert_eq!(series.days.last().unwrap().received, 2);
    let mut ids: Vec<&CaseId> = report.overdue.iter().map(|o| &o.case_id).collect();
    ids.dedup();
    let timelines: Vec<CaseTimeline> = ids.iter().map(|id| timeline(&d, id, as_of())).collect();
    let html = report.to_html(&series, &calendar, &timelines).unwrap();

    for id in [
        "category",
        "channel",
        "level",
        "trend",
        "on-time",
        "handling-time",
        "overdue-age",
        "penalties",
    ] {
        assert!(
            html.contains(&format!("<section class=\"chart\" id=\"{id}\">")),
            "{id}"
        );
    }
    assert_eq!(html.matches("<figure class=\"chart-figure\"").count(), 8);
    assert_eq!(
        html.matches("<figure class=\"timeline\"").count(),
        timelines.len()
    );
    // Every chart's numbers are in a table next to it.
    assert_eq!(html.matches("<table>").count(), 9);
    // Self-contained: nothing to fetch.
    for needle in ["<script", "<link", "src=", "href=", "url(", "@import"] {
        assert!(!html.contains(needle), "{needle}");
    }
    // The leak's timeline is drawn, overdue.
    assert!(html.contains(&format!("id=\"timeline-{leak}\"")));
    assert!(html.contains("逾期 overdue"));
    insta::assert_snapshot!("html_headings", headings(&html));
    insta::assert_snapshot!("html_chart_structure", charts(&html));
    std::fs::write(artifacts().join("report-overdue.html"), &html).unwrap();
}

/// Each chart's SVG structure, under its section id.
fn charts(html: &str) -> String {
    let mut out = String::new();
    for part in html.split("<section class=\"chart\" id=\"").skip(1) {
        let id = &part[..part.find('"').unwrap()];
        if let (Some(a), Some(b)) = (part.find("<svg"), part.find("</svg>")) {
            out.push_str(&format!("== {id}\n{}", structure(&part[a..b + 6])));
        }
    }
    out
}

/// The page's outline: headings and section ids.
fn headings(html: &str) -> String {
    html.lines()
        .filter(|l| l.starts_with("<section") || l.starts_with("<h2") || l.contains("<h1>"))
        .map(|l| {
            let l = l.split("<style>").next().unwrap_or(l);
            let end = l.find("</h").map_or(l.len(), |i| i + 5);
            l[..end].to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn an_empty_period_still_draws_every_chart() {
    let policy = Policy::default_policy().unwrap();
    let calendar = policy.build_calendar().unwrap();
    let period = ReportPeriod::week_of(NaiveDate::from_ymd_opt(2025, 10, 6).unwrap()).unwrap();
    let report = period_report(&policy, &calendar, &[], &period, as_of(), None).unwrap();
    let series = PeriodSeries::from_cases(&policy, &calendar, &[], &period).unwrap();
    let html = report.to_html(&series, &calendar, &[]).unwrap();
    assert_eq!(html.matches("<svg").count(), 8);
    assert!(html.contains("未提供考核结果"));
}
