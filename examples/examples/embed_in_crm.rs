//! A minimal CRM that keeps its cases behind the `Store` trait and drives
//! the `Engine`: what an integrator writes around tousu.
//!
//! The store here is a JSON-lines "table" of events in memory, written the
//! way a database adapter would write rows: append only when the stored
//! count equals the expected version. The CRM receives tickets from its own
//! web form, files them, lets agents act, ticks the clocks every few
//! minutes, and shows each agent only the cases they may see.
//!
//! `cargo run -p tousu-examples --example embed_in_crm`

use chrono::{DateTime, FixedOffset, TimeDelta, TimeZone, Utc};
use tousu::prelude::*;

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
    let mut engine = Engine::new(Policy::default_policy()?, roster, MemoryStore::new())?;

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
        for _delivery in 0..2 {
            let filed = engine.file(Filing {
                actor: StaffId::new("agent-1")?,
                command_id: CommandId::new(format!("webhook-{}", t.crm_id))?,
                case_id: Some(CaseId::new(t.crm_id)?),
                complaint: complaint.clone(),
                repeat_count: 0,
            })?;
            println!(
                "webhook {} -> case {} number {}",
                t.crm_id,
                filed.case.id,
                filed.case.number.as_ref().map_or("-", |n| n.as_str())
            );
        }
    }

    // Two agents act on T-1001 from stale screens: the second is refused.
    let t1 = CaseId::new("T-1001")?;
    let version = engine.case(&t1)?.version;
    let accept = Command::new(
        CommandId::new("ui-1")?,
        StaffId::new("agent-1")?,
        bj(5, 9, 5)?,
        version,
        CommandKind::Accept {
            override_reason: None,
        },
    );
    engine.handle(&t1, &accept)?;
    let note = Command::new(
        CommandId::new("ui-2")?,
        StaffId::new("agent-1")?,
        bj(5, 9, 6)?,
        version,
        CommandKind::AddNote {
            text: "已电话联系".into(),
            attachments: vec![],
        },
    );
    match engine.handle(&t1, &note) {
        Err(e) => println!("stale screen refused: {e}"),
        Ok(_) => println!("unexpected: stale command accepted"),
    }

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
    for o in engine.overdue(now)? {
        println!(
            "overdue: case {} milestone {} due {}",
            o.case,
            o.milestone,
            o.deadline.at.format("%H:%M UTC")
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
    println!("stored rows: {}", engine.store().event_count());
    Ok(())
}
