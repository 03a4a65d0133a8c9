//! Quickstart: the README's main job.
//!
//! Under the embedded default policy (S09 / S10 / S12 rules, China's
//! calendar at +08:00), files a handful of realistic complaints through
//! different channels, moves them through their lifecycle on a simulated
//! clock that crosses the 2025 National Day holiday — with a breach, an
//! escalation, an extension and a reopen — and prints the cases with their
//! deadlines, two months' penalty statements and the period report, and
//! writes that report as an HTML page with charts and one case's timeline as
//! SVG to `target/quickstart/`.
//!
//! The cases are kept in an SQLite file, `tousu-quickstart.db` in the
//! system's temporary directory (started afresh on each run), as an
//! application embedding tousu would keep them.
//!
//! Run it with `cargo run -p tousu-examples --example quickstart`.

use tousu::prelude::*;
use tousu::report::when;
use tousu_store_sqlite::SqliteStore;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn beijing() -> Result<FixedOffset> {
    Ok(FixedOffset::east_opt(8 * 3600).ok_or("offset")?)
}

fn at(m: u32, d: u32, h: u32, min: u32) -> Result<DateTime<Utc>> {
    Ok(beijing()?
        .with_ymd_and_hms(2025, m, d, h, min, 0)
        .single()
        .ok_or("bad time")?
        .to_utc())
}

fn id(s: &str) -> Result<StaffId> {
    Ok(StaffId::new(s)?)
}

/// 客服部, 工程部, 物业部 and the general manager's office.
fn roster() -> Result<Roster> {
    let dept = |i: &str, n: &str, p: Option<&str>| -> Result<Department> {
        Ok(Department::new(
            DepartmentId::new(i)?,
            n,
            p.map(DepartmentId::new).transpose()?,
        ))
    };
    let person =
        |i: &str, n: &str, d: &str, role: &str, points: i64, bonus: &str| -> Result<Staff> {
            Ok(Staff::new(id(i)?, n, DepartmentId::new(d)?)
                .with_role(RoleId::new(role)?)
                .with_pay(points.into(), bonus.parse()?))
        };
    Ok(Roster::new(
        DepartmentTree::new(vec![
            dept("hq", "总经理室", None)?,
            dept("cs", "客服部", Some("hq"))?,
            dept("eng", "工程部", Some("hq"))?,
        ])?,
        vec![
            person("gm", "赵总经理", "hq", "general_manager", 5, "3000")?,
            person("kf1", "李客服", "cs", "complaint_manager", 2, "1200")?,
            person("head", "王主管", "eng", "department_head", 3, "1500")?
                .with_supervisor(id("gm")?),
            person("zhang", "张师傅", "eng", "handler", 2, "1000")?.with_supervisor(id("head")?),
            person("liu", "刘师傅", "eng", "handler", 1, "800")?.with_supervisor(id("head")?),
        ],
    )?)
}

/// Sends commands with fresh ids and the case's current version.
struct Desk {
    engine: Engine<SqliteStore>,
    n: u32,
}

impl Desk {
    fn file(&mut self, complaint: Complaint) -> Result<CaseId> {
        self.n += 1;
        let filed = self.engine.file(Filing {
            actor: id("kf1")?,
            command_id: CommandId::new(format!("file-{}", self.n))?,
            case_id: None,
            complaint,
            repeat_count: 0,
        })?;
        Ok(filed.case.id)
    }

    fn run(
        &mut self,
        case: &CaseId,
        actor: &str,
        when: DateTime<Utc>,
        kind: CommandKind,
    ) -> Result<()> {
        self.n += 1;
        // Decided on the case as it is now: one load, no version to carry.
        let cmd = Command::builder(CommandId::new(format!("cmd-{}", self.n))?, id(actor)?, when)
            .kind(kind);
        self.engine.submit(case, cmd)?;
        Ok(())
    }

    /// Ticks the due cases; any case that failed is an error here.
    fn tick(&mut self, now: DateTime<Utc>) -> Result<Vec<Event>> {
        let report = self.engine.tick_all(now)?;
        if let Some((case, e)) = report.failures().next() {
            return Err(format!("tick failed for case {case}: {e}").into());
        }
        Ok(report.events().cloned().collect())
    }
}

/// Pads to terminal cells; CJK characters take two.
fn row(cells: &[&str]) -> String {
    const WIDTHS: [usize; 5] = [13, 14, 12, 6, 0];
    let mut line = String::new();
    for (text, width) in cells.iter().zip(WIDTHS) {
        let used: usize = text
            .chars()
            .map(|c| if c >= '\u{1100}' { 2 } else { 1 })
            .sum();
        line.push_str(text);
        line.push_str(&" ".repeat(width.saturating_sub(used).max(1)));
    }
    line.trim_end().to_owned()
}

fn assign(handler: &str) -> Result<CommandKind> {
    Ok(CommandKind::Assign {
        assignment: Assignment {
            lead: DepartmentId::new("eng")?,
            handler: Some(id(handler)?),
            co_handling: vec![],
        },
    })
}

/// The SQLite file the cases are kept in, emptied first so that every run
/// numbers its complaints from 0001.
fn database() -> Result<std::path::PathBuf> {
    let path = std::env::temp_dir().join("tousu-quickstart.db");
    for suffix in ["", "-wal", "-shm"] {
        let mut file = path.clone().into_os_string();
        file.push(suffix);
        if std::fs::exists(&file)? {
            std::fs::remove_file(&file)?;
        }
    }
    Ok(path)
}

fn main() -> Result<()> {
    let path = database()?;
    let store = SqliteStore::open(&path)?;
    let mut desk = Desk {
        engine: Engine::new(Policy::default_policy()?, roster()?, store)?,
        n: 0,
    };
    println!(
        "tousu quickstart — policy {:?} version {}",
        desk.engine.policy().name,
        desk.engine.policy().version
    );
    println!("cases kept in SQLite at {}", path.display());

    // 09-30, the day before National Day.
    let leak = leak_first_response(&mut desk)?;
    let lift = lift_breach_and_extension(&mut desk)?;
    let rude = rude_first_round(&mut desk)?;
    court_not_accepted(&mut desk)?;
    after_the_holiday(&mut desk, &leak, &lift)?;
    rude_second_round(&mut desk, &rude)?;
    callbacks_and_closures(&mut desk, &leak, &lift, &rude)?;

    // Where things stand on 10-10 at noon.
    let now = at(10, 10, 12, 0)?;
    desk.tick(now)?;
    print_cases(&desk)?;

    // The months' penalty statements: September's overtime fine, then
    // October's loss, capped at 50% of each bonus with the rest carried.
    let september = desk.engine.penalties("2025-09".parse()?, None)?;
    println!("\n{}", tousu::penalty::render_markdown(&september));
    let october = desk
        .engine
        .penalties("2025-10".parse()?, Some(&september.carry_out))?;
    println!("{}", tousu::penalty::render_markdown(&october));

    // The period report (统计分析) for the complaints received in September,
    // as of 10-10 noon, with September's penalty totals.
    let report = desk
        .engine
        .report(&ReportPeriod::month(2025, 9)?, now, Some(&september))?;
    println!("{}", report.to_markdown());

    // The same report as a page with charts, and the lift's clocks over the
    // National Day calendar as a picture, written next to the build output.
    let written = write_pictures(&desk.engine, &report, &lift, now)?;
    println!("Wrote {} and {}", written.0, written.1);
    Ok(())
}

/// Files the leaking water heater and answers it in time, with a deadline agreed with the customer.
fn leak_first_response(desk: &mut Desk) -> Result<CaseId> {
    // 1. A leaking water heater, by phone.
    let leak = desk.file(
        Complaint::builder(
            at(9, 30, 9, 0)?,
            Channel::Phone,
            "热水器安装后漏水，地板泡坏，要求赔偿",
        )
        .complainant(Complainant::person("王先生")?.with_phone("13900000001"))
        .category(CategoryId::new("installation_repair")?)
        .respondent(Respondent::staff(id("liu")?))
        .first_responder(id("kf1")?)
        .build()?,
    )?;
    desk.run(
        &leak,
        "kf1",
        at(9, 30, 9, 5)?,
        CommandKind::Accept {
            override_reason: None,
        },
    )?;
    desk.run(&leak, "kf1", at(9, 30, 9, 8)?, assign("zhang")?)?;
    desk.run(
        &leak,
        "zhang",
        at(9, 30, 9, 20)?,
        CommandKind::StartInvestigation,
    )?;
    // First response within 30 minutes: a reply deadline agreed with the customer.
    desk.run(
        &leak,
        "zhang",
        at(9, 30, 9, 25)?,
        CommandKind::SetAgreedDeadline {
            deadline: at(10, 10, 18, 0)?,
        },
    )?;
    Ok(leak)
}

/// Files the stuck lift from the press, lets its first response breach, and extends it over the holiday.
fn lift_breach_and_extension(desk: &mut Desk) -> Result<CaseId> {
    // 2. Press coverage of a stuck lift: 重大投诉 by the media rule, 10-minute first response.
    let lift = desk.file(
        Complaint::builder(
            at(9, 30, 10, 0)?,
            Channel::Media,
            "新闻报道：3号楼电梯困人40分钟",
        )
        .complainant(Complainant::organization("3号楼业主委员会")?)
        .flags(ComplaintFlags {
            media_exposure: true,
            ..ComplaintFlags::default()
        })
        .collective_count(12)
        .build()?,
    )?;
    desk.run(
        &lift,
        "kf1",
        at(9, 30, 10, 5)?,
        CommandKind::Accept {
            override_reason: None,
        },
    )?;
    desk.run(&lift, "kf1", at(9, 30, 10, 8)?, assign("zhang")?)?;
    // Nobody answers in time: the clock breaches and the ladder notifies the head.
    println!("\n09-30 10:30 — the clocks report:");
    for e in desk.tick(at(9, 30, 10, 30)?)? {
        match &e.kind {
            EventKind::MilestoneBreached {
                milestone, owner, ..
            } => println!(
                "  {} breached {} (超时), owner {}",
                e.case_id,
                milestone,
                owner.as_ref().map_or("-", |o| o.as_str())
            ),
            EventKind::Escalated { step, notify, .. } => println!(
                "  {} escalated (升级) by step {}, notifying {}",
                e.case_id,
                step.as_ref().map_or("-", |s| s.as_str()),
                notify
                    .iter()
                    .map(|r| r.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            _ => {}
        }
    }
    desk.run(
        &lift,
        "zhang",
        at(9, 30, 11, 0)?,
        CommandKind::StartInvestigation,
    )?;
    desk.run(
        &lift,
        "zhang",
        at(9, 30, 15, 0)?,
        CommandKind::ProposeSolution {
            remedies: vec![
                Remedy::new(RemedyKind::Repair),
                Remedy::new(RemedyKind::Apology),
            ],
            note: Some("更换电梯控制板并书面致歉".into()),
        },
    )?;
    desk.run(&lift, "head", at(9, 30, 15, 30)?, CommandKind::Approve)?;
    // The owners' committee is away for the holiday: an extension pauses the clocks.
    desk.run(
        &lift,
        "zhang",
        at(9, 30, 16, 0)?,
        CommandKind::RequestExtension {
            reason: "业委会国庆外出，无法确认维修方案".into(),
            until: Some(at(10, 9, 9, 0)?),
        },
    )?;
    desk.run(
        &lift,
        "gm",
        at(9, 30, 16, 10)?,
        CommandKind::ApproveExtension,
    )?;
    Ok(lift)
}

/// Files the rude cashier and settles its first round with an apology.
fn rude_first_round(desk: &mut Desk) -> Result<CaseId> {
    // 3. A rude cashier, in the opinion book.
    let rude = desk.file(
        Complaint::builder(at(9, 30, 11, 0)?, Channel::OpinionBook, "收银员态度冷淡")
            .complainant(Complainant::person("孙女士")?)
            .category(CategoryId::new("service_attitude")?)
            .build()?,
    )?;
    desk.run(
        &rude,
        "kf1",
        at(9, 30, 11, 5)?,
        CommandKind::Accept {
            override_reason: None,
        },
    )?;
    desk.run(&rude, "kf1", at(9, 30, 11, 8)?, assign("liu")?)?;
    desk.run(
        &rude,
        "liu",
        at(9, 30, 11, 20)?,
        CommandKind::StartInvestigation,
    )?;
    desk.run(
        &rude,
        "liu",
        at(9, 30, 11, 25)?,
        CommandKind::ProposeSolution {
            remedies: vec![Remedy::new(RemedyKind::Apology)],
            note: None,
        },
    )?;
    desk.run(&rude, "head", at(9, 30, 13, 0)?, CommandKind::Approve)?;
    desk.run(
        &rude,
        "kf1",
        at(9, 30, 14, 0)?,
        CommandKind::Reply {
            text: "已向您致歉".into(),
            written: false,
        },
    )?;
    Ok(rude)
}

/// Files the complaint already before a court and does not accept it.
fn court_not_accepted(desk: &mut Desk) -> Result<()> {
    // 4. Already before a court: not accepted, with the policy's advice.
    let court = desk.file(
        Complaint::builder(
            at(9, 30, 14, 0)?,
            Channel::Letter,
            "要求赔偿装修损失（已起诉）",
        )
        .complainant(Complainant::person("周先生")?)
        .flags(ComplaintFlags {
            in_litigation: true,
            ..ComplaintFlags::default()
        })
        .build()?,
    )?;
    desk.run(
        &court,
        "kf1",
        at(9, 30, 14, 10)?,
        CommandKind::NotAccept {
            reason_zh: "已进入诉讼程序".into(),
            advice_zh: None,
        },
    )?;
    Ok(())
}

/// After National Day: the lift is answered and the leak is paid above the head's authority.
fn after_the_holiday(desk: &mut Desk, leak: &CaseId, lift: &CaseId) -> Result<()> {
    // National Day (10-01 to 10-08) passes; the extension ends by itself on 10-09.
    desk.tick(at(10, 9, 9, 30)?)?;
    desk.run(
        lift,
        "kf1",
        at(10, 9, 10, 0)?,
        CommandKind::Reply {
            text: "控制板已更换，电梯恢复运行".into(),
            written: false,
        },
    )?;

    // The leak: found at fault (70 / 30), 1,500 元 compensation, which is above
    // the head's 1,000 元 authority.
    let fault = vec![
        Responsibility::staff(id("liu")?, 7),
        Responsibility::staff(id("zhang")?, 3),
    ];
    desk.run(
        leak,
        "zhang",
        at(10, 9, 10, 0)?,
        CommandKind::RecordFindings {
            validity: None,
            fault: Some(tousu::model::FaultParty::Us),
            responsible: fault,
            note: Some("安装时接口未拧紧".into()),
        },
    )?;
    let pay = vec![
        Remedy::new(RemedyKind::Repair),
        Remedy::with_amount(RemedyKind::Compensation, "1,500".parse()?)?,
    ];
    desk.run(
        leak,
        "zhang",
        at(10, 9, 11, 0)?,
        CommandKind::ProposeSolution {
            remedies: pay,
            note: None,
        },
    )?;
    if let Err(e) = desk.run(leak, "head", at(10, 9, 11, 30)?, CommandKind::Approve) {
        println!("\n10-09 11:30 — 王主管 tries to approve: {e}");
    }
    desk.run(leak, "gm", at(10, 9, 14, 0)?, CommandKind::Approve)?;
    desk.run(
        leak,
        "kf1",
        at(10, 9, 15, 0)?,
        CommandKind::Reply {
            text: "明日上门维修并赔偿1500元".into(),
            written: false,
        },
    )?;
    Ok(())
}

/// The cashier's customer is not satisfied: the general manager reopens it for a second round.
fn rude_second_round(desk: &mut Desk, rude: &CaseId) -> Result<()> {
    // The cashier: not satisfied; the general manager reopens it for a second round.
    desk.run(
        rude,
        "kf1",
        at(10, 9, 10, 0)?,
        CommandKind::RecordCallback {
            satisfaction: Satisfaction::Unsatisfied,
            note: Some("要求当面道歉".into()),
        },
    )?;
    desk.run(
        rude,
        "gm",
        at(10, 9, 11, 0)?,
        CommandKind::Reopen {
            reason: "客户要求当面道歉".into(),
        },
    )?;
    desk.run(
        rude,
        "liu",
        at(10, 9, 14, 0)?,
        CommandKind::StartInvestigation,
    )?;
    desk.run(
        rude,
        "liu",
        at(10, 9, 15, 0)?,
        CommandKind::ProposeSolution {
            remedies: vec![
                Remedy::new(RemedyKind::Apology),
                Remedy::new(RemedyKind::Gift),
            ],
            note: Some("店长当面致歉并赠送礼品".into()),
        },
    )?;
    desk.run(rude, "head", at(10, 9, 16, 0)?, CommandKind::Approve)?;
    Ok(())
}

/// 10-10: the three callbacks and the three closures.
fn callbacks_and_closures(
    desk: &mut Desk,
    leak: &CaseId,
    lift: &CaseId,
    rude: &CaseId,
) -> Result<()> {
    // 10-10: three callbacks, three closures.
    desk.run(
        leak,
        "kf1",
        at(10, 10, 10, 30)?,
        CommandKind::RecordCallback {
            satisfaction: Satisfaction::Satisfied,
            note: Some("已修复并收到赔偿".into()),
        },
    )?;
    desk.run(leak, "kf1", at(10, 10, 10, 35)?, CommandKind::Close)?;
    desk.run(
        lift,
        "kf1",
        at(10, 10, 10, 0)?,
        CommandKind::RecordCallback {
            satisfaction: Satisfaction::Satisfied,
            note: None,
        },
    )?;
    desk.run(lift, "kf1", at(10, 10, 10, 5)?, CommandKind::Close)?;
    desk.run(
        rude,
        "kf1",
        at(10, 10, 10, 0)?,
        CommandKind::Reply {
            text: "店长已当面致歉".into(),
            written: false,
        },
    )?;
    desk.run(
        rude,
        "kf1",
        at(10, 10, 11, 0)?,
        CommandKind::RecordCallback {
            satisfaction: Satisfaction::VerySatisfied,
            note: None,
        },
    )?;
    desk.run(rude, "kf1", at(10, 10, 11, 5)?, CommandKind::Close)?;
    Ok(())
}

/// Prints every case with its level, round, status and clocks.
fn print_cases(desk: &Desk) -> Result<()> {
    println!("\nCases on 2025-10-10 12:00 (Beijing):");
    println!(
        "{}",
        row(&["case", "channel 渠道", "level 级别", "round", "status 状态"])
    );
    for case in desk.engine.cases()? {
        let level = case
            .level
            .as_ref()
            .and_then(|l| desk.engine.policy().level(l))
            .map_or("-", |l| l.name_zh.as_str());
        let mut status = case.status.label_zh().to_owned();
        if let Some(c) = &case.closure {
            status.push_str(&format!("（{}）", c.kind.label_zh()));
        }
        let advice = case
            .acceptance
            .as_ref()
            .filter(|a| !a.accepted)
            .and_then(|a| a.advice.as_ref());
        if let Some(advice) = advice {
            status.push_str(&format!("：{advice}"));
        }
        let round = case.round.to_string();
        println!(
            "{}",
            row(&[
                case.id.as_str(),
                case.complaint.channel.label_zh(),
                level,
                &round,
                &status
            ])
        );
        // Every clock of the case, with the deadline the calendar gave it.
        for c in &case.clocks {
            let state = match &c.state {
                tousu::workflow::ClockState::Stopped { met: true, .. } => "met 按时",
                tousu::workflow::ClockState::Stopped { met: false, .. } => "missed 超时",
                tousu::workflow::ClockState::Paused { .. } => "paused 暂停",
                tousu::workflow::ClockState::Running if c.breached => "overdue 逾期",
                tousu::workflow::ClockState::Running => "running 计时中",
            };
            // An agreed deadline's limit is the instant agreed, not its minutes;
            // the end of a day reads 24:00, not the next day's 00:00.
            let limit = match c.deadline_at() {
                Some(at) if c.milestone.as_str() == tousu::workflow::AGREED_DEADLINE => {
                    format!("agreed {}", when::deadline_short(at, beijing()?))
                }
                _ => c.target.to_string(),
            };
            println!(
                "      round {} {:<16} {:<18} due {}  {}",
                c.round,
                c.milestone.as_str(),
                limit,
                match c.deadline_at() {
                    Some(at) => when::deadline_short(at, beijing()?),
                    None => "none (calendar)".to_owned(),
                },
                state
            );
        }
    }
    Ok(())
}

/// Writes the month's HTML report (with the timelines of its overdue cases)
/// and one case's timeline to `target/quickstart/`; returns their paths
/// relative to the workspace.
fn write_pictures<S: Store>(
    engine: &Engine<S>,
    report: &PeriodReport,
    case: &CaseId,
    now: DateTime<Utc>,
) -> Result<(String, String)> {
    use tousu::report::{CaseTimeline, PeriodSeries};
    let policy = engine.policy();
    let calendar = policy.build_calendar()?;
    let cases = engine.cases()?;
    let series = PeriodSeries::from_cases(policy, &calendar, &cases, &report.period)?;
    let mut overdue: Vec<&CaseId> = report.overdue.iter().map(|o| &o.case_id).collect();
    overdue.dedup();
    let timelines = overdue
        .into_iter()
        .map(|id| {
            Ok(CaseTimeline::from_events(
                policy,
                &engine.store().load(id)?,
                now,
            )?)
        })
        .collect::<Result<Vec<_>>>()?;
    let html = report.to_html(&series, &calendar, &timelines)?;
    let svg =
        CaseTimeline::from_events(policy, &engine.store().load(case)?, now)?.to_svg(&calendar)?;

    let dir = "target/quickstart";
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    std::fs::create_dir_all(root.join(dir))?;
    let page = format!("{dir}/report-{}.html", report.period.from().format("%Y-%m"));
    let picture = format!("{dir}/timeline-{case}.svg");
    std::fs::write(root.join(&page), html)?;
    std::fs::write(root.join(&picture), svg)?;
    Ok((page, picture))
}
