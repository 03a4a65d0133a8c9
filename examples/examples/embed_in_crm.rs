//! A minimal CRM that keeps its cases in SQLite and drives the `Engine`:
//! what an integrator writes around tousu.
//!
//! The cases live in `tousu-crm.db` in the system's temporary directory
//! (emptied at the start of each run). The CRM receives tickets from its own
//! web form, files them, lets agents act, then restarts — a new process
//! would do exactly the same: open the file, build the engine — and picks
//! up where it was: a webhook delivered again after the restart files
//! nothing twice, and the scheduler's ticks find the due cases in the
//! store's index. Each agent sees only the cases they may see.
//!
//! `cargo run -p tousu-examples --example embed_in_crm`

use tousu::prelude::*;
use tousu::report::when;
use tousu_store_sqlite::SqliteStore;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// A ticket as the CRM's web form delivers it.
struct Ticket {
    crm_id: &'static str,
    name: &'static str,
    phone: &'static str,
    text: &'static str,
    confidential: bool,
}

fn bj(d: u32, h: u32, m: u32) -> Result<DateTime<Utc>> {
    Ok(FixedOffset::east_opt(8 * 3600)
        .ok_or("offset")?
        .with_ymd_and_hms(2026, 1, d, h, m, 0)
        .single()
        .ok_or("time")?
        .to_utc())
}

/// The file, emptied first so that each run starts the same way.
fn database() -> Result<std::path::PathBuf> {
    let path = std::env::temp_dir().join("tousu-crm.db");
    for suffix in ["", "-wal", "-shm"] {
        let mut file = path.clone().into_os_string();
        file.push(suffix);
        if std::fs::exists(&file)? {
            std::fs::remove_file(&file)?;
        }
    }
    Ok(path)
}

/// What the CRM does at start-up: open its database, build the engine.
fn start(path: &std::path::Path, roster: Roster) -> Result<Engine<SqliteStore>> {
    Ok(Engine::new(
        Policy::default_policy()?,
        roster,
        SqliteStore::open(path)?,
    )?)
}

fn main() -> Result<()> {
    let dept = |s: &str| DepartmentId::new(s);
    let staff = |id: &str, name: &str, d: &str, role: &str| -> Result<Staff> {
        Ok(Staff::new(StaffId::new(id)?, name, dept(d)?).with_role(RoleId::new(role)?))
    };
    let roster = Roster::new(
        DepartmentTree::new(vec![Department::new(dept("svc")?, "客户服务中心", None)])?,
        vec![
            staff("agent-1", "小陈", "svc", "complaint_manager")?,
            staff("agent-2", "小林", "svc", "handler")?,
            staff("lead", "周经理", "svc", "department_head")?,
        ],
    )?;
    let path = database()?;
    println!("cases kept in SQLite at {}", path.display());
    let mut engine = start(&path, roster.clone())?;

    let mut filings = Vec::new();
    let tickets = [
        Ticket {
            crm_id: "T-1001",
            name: "王女士",
            phone: "13800000001",
            text: "宽带安装师傅迟到三小时",
            confidential: false,
        },
        Ticket {
            crm_id: "T-1002",
            name: "匿名员工",
            phone: "",
            text: "举报主管收取客户好处费",
            confidential: true,
        },
    ];
    // The CRM files each ticket with its own id as the case id and the
    // command id: a retried webhook files nothing twice.
    for (i, t) in tickets.iter().enumerate() {
        let received = bj(5, 9, 10 * u32::try_from(i)?)?;
        let mut complainant = Complainant::person(t.name)?;
        if !t.phone.is_empty() {
            complainant = complainant.with_phone(t.phone);
        }
        let complaint = Complaint::builder(received, Channel::Web, t.text)
            .complainant(complainant)
            .flags(ComplaintFlags {
                confidential: t.confidential,
                ..ComplaintFlags::default()
            })
            .external_ref(t.crm_id)
            .build()?;
        let filing = Filing::new(
            StaffId::new("agent-1")?,
            CommandId::new(format!("webhook-{}", t.crm_id))?,
            complaint,
        )
        .with_case_id(CaseId::new(t.crm_id)?);
        for _delivery in 0..2 {
            let filed = engine.file(filing.clone())?;
            println!(
                "webhook {} -> case {} number {}",
                t.crm_id,
                filed.case.id,
                filed.case.number.as_ref().map_or("-", |n| n.as_str())
            );
        }
        filings.push(filing);
    }

    // A note form opened on T-1001 remembers the version it showed.
    let t1 = CaseId::new("T-1001")?;
    let agent = StaffId::new("agent-1")?;
    let shown = engine.case(&t1)?.version;
    // An agent's button: decided on the case as it is now, in one load.
    engine.submit(
        &t1,
        Command::builder(CommandId::new("ui-1")?, agent.clone(), bj(5, 9, 5)?).accept(),
    )?;
    // The form is sent after the case moved on: refused, nothing changes
    // (optimistic concurrency).
    let note = Command::builder(CommandId::new("ui-2")?, agent, bj(5, 9, 6)?)
        .expecting(shown)
        .note("已电话联系");
    match engine.submit(&t1, note) {
        Err(e) => println!("stale screen refused: {e}"),
        Ok(_) => println!("unexpected: stale command accepted"),
    }

    // The CRM restarts: everything it knows is in the file.
    drop(engine);
    let mut engine = start(&path, roster)?;
    println!(
        "restarted: {} cases, {} events read back from the file",
        engine.store().case_ids()?.len(),
        engine.store().events_since(0, usize::MAX)?.len()
    );
    // The web form's queue delivers the first ticket once more: nothing new.
    let again = engine.file(filings.swap_remove(0))?;
    println!(
        "webhook {} again after the restart -> case {} number {}",
        again.case.id,
        again.case.id,
        again.case.number.as_ref().map_or("-", |n| n.as_str())
    );

    // The CRM's scheduler ticks every 15 minutes; overdue clocks appear.
    let mut now = bj(5, 9, 0)?;
    while now < bj(5, 10, 0)? {
        now += TimeDelta::minutes(15);
        let report = engine.tick_all(now)?;
        for (case, e) in report.failures() {
            println!("{} tick failed for {case}: {e}", now.format("%H:%M UTC"));
        }
        for e in report.events() {
            if let EventKind::MilestoneBreached { milestone, .. } = &e.kind {
                println!(
                    "{} {} breached {}",
                    now.format("%H:%M UTC"),
                    e.case_id,
                    milestone
                );
            }
        }
    }
    let offset = engine.policy().utc_offset();
    for o in engine.overdue(now)? {
        println!(
            "overdue: case {} milestone {} due {}",
            o.case,
            o.milestone,
            when::deadline_en(o.deadline.at, offset)
        );
    }

    // Each agent's inbox shows only what they may see.
    for agent in ["agent-1", "agent-2", "lead"] {
        let me = StaffId::new(agent)?;
        let mut visible = Vec::new();
        for case in engine.cases()? {
            if engine.can_view(&me, &case.id)? {
                visible.push(case.id.to_string());
            }
        }
        println!("{agent} sees {visible:?}");
    }
    println!(
        "stored rows: {}",
        engine.store().events_since(0, usize::MAX)?.len()
    );
    Ok(())
}
