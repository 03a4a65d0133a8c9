//! Writes about a million workflow events (one JSON object per line) for
//! measuring `tousu report` on a large input: see docs/performance-history.md.
//!
//! ```sh
//! cargo run --release -p tousu-examples --example million_events -- [EVENTS] [FILE]
//! ```
//!
//! Cases are received through 2025 (its holidays included) under
//! the default policy and taken through the usual lifecycle by the engine,
//! deterministically: most are closed, some are left open past their
//! deadlines, some are not accepted. It stops after the case that brings the
//! count to `EVENTS` (default 1,000,000); the file is
//! `target/million/events.jsonl` unless given.

use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use std::io::Write as _;
use tousu::prelude::*;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn roster() -> Result<Roster> {
    let cs = DepartmentId::new("cs")?;
    let eng = DepartmentId::new("eng")?;
    let hq = DepartmentId::new("hq")?;
    Ok(Roster::new(
        DepartmentTree::new(vec![
            Department::new(hq.clone(), "总经理室", None),
            Department::new(cs.clone(), "客服部", Some(hq.clone())),
            Department::new(eng.clone(), "工程部", Some(hq.clone())),
        ])?,
        vec![
            Staff::new(StaffId::new("gm")?, "赵总经理", hq)
                .with_role(RoleId::new("general_manager")?),
            Staff::new(StaffId::new("kf")?, "李客服", cs)
                .with_role(RoleId::new("complaint_manager")?),
            Staff::new(StaffId::new("head")?, "王主管", eng.clone())
                .with_role(RoleId::new("department_head")?)
                .with_supervisor(StaffId::new("gm")?),
            Staff::new(StaffId::new("h1")?, "张师傅", eng)
                .with_role(RoleId::new("handler")?)
                .with_supervisor(StaffId::new("head")?),
        ],
    )?)
}

const CATEGORIES: &[&str] = &["service_attitude", "installation_repair", "product_quality"];

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let target: usize = args.next().map_or(Ok(1_000_000), |a| a.parse())?;
    let path = args
        .next()
        .unwrap_or_else(|| "target/million/events.jsonl".to_owned());
    let policy = Policy::default_policy()?;
    let categories: Vec<&str> = CATEGORIES
        .iter()
        .copied()
        .filter(|c| policy.categories.iter().any(|p| p.id.as_str() == *c))
        .collect();
    let mut engine = Engine::new(policy, roster()?, MemoryStore::new())?;
    let beijing = FixedOffset::east_opt(8 * 3600).ok_or("offset")?;
    let start: DateTime<Utc> = beijing
        .with_ymd_and_hms(2025, 1, 1, 0, 0, 0)
        .single()
        .ok_or("time")?
        .to_utc();
    let (mut events, mut n, mut i) = (0usize, 0u64, 0i64);
    let mut ids = Vec::new();
    while events < target {
        // Spread over the year's days, at any hour (a month's complaint
        // numbers run to 9,999).
        let received = start + Duration::minutes((i * 37) % (365 * 24 * 60));
        let channel = Channel::ALL[usize::try_from(i).unwrap_or(0) % Channel::ALL.len()];
        let mut builder = Complaint::builder(received, channel, "测试投诉");
        if let Some(c) = categories.get(usize::try_from(i).unwrap_or(0) % (categories.len() + 1)) {
            builder = builder.category(CategoryId::new(*c)?);
        }
        if i % 17 == 0 {
            builder = builder.flags(ComplaintFlags {
                in_litigation: true,
                ..ComplaintFlags::default()
            });
        }
        let filed = engine.file(Filing {
            actor: StaffId::new("kf")?,
            command_id: CommandId::new(format!("f{i}"))?,
            case_id: None,
            complaint: builder.build()?,
            repeat_count: 0,
        })?;
        let id = filed.case.id;
        let mut step = |actor: &str, after: i64, kind: CommandKind| -> Result<usize> {
            n += 1;
            let version = engine.case(&id)?.version;
            let cmd = Command::new(
                CommandId::new(format!("c{n}"))?,
                StaffId::new(actor)?,
                received + Duration::minutes(after),
                version,
                kind,
            );
            Ok(engine.handle(&id, &cmd)?.len())
        };
        let mut count = filed.events.len();
        if i % 17 == 0 {
            count += step(
                "kf",
                5,
                CommandKind::NotAccept {
                    reason_zh: "已进入诉讼程序".into(),
                    advice_zh: None,
                },
            )?;
        } else {
            count += step(
                "kf",
                5,
                CommandKind::Accept {
                    override_reason: None,
                },
            )?;
            let assignment = Assignment {
                lead: DepartmentId::new("eng")?,
                handler: Some(StaffId::new("h1")?),
                co_handling: vec![],
            };
            count += step("kf", 8, CommandKind::Assign { assignment })?;
            // One in nine is left here: open, and overdue by the month's end.
            if i % 9 != 0 {
                // Some answer late: minutes, hours or days.
                let late = [20, 90, 600, 3000][usize::try_from(i).unwrap_or(0) % 4];
                count += step("h1", late, CommandKind::StartInvestigation)?;
                let remedies = vec![Remedy::new(RemedyKind::Apology)];
                count += step(
                    "h1",
                    late + 30,
                    CommandKind::ProposeSolution {
                        remedies,
                        note: None,
                    },
                )?;
                count += step("head", late + 60, CommandKind::Approve)?;
                count += step(
                    "kf",
                    late + 90,
                    CommandKind::Reply {
                        text: "已处理".into(),
                        written: false,
                    },
                )?;
                let satisfaction = [
                    Satisfaction::Satisfied,
                    Satisfaction::VerySatisfied,
                    Satisfaction::Unsatisfied,
                ][usize::try_from(i).unwrap_or(0) % 3];
                count += step(
                    "kf",
                    late + 1500,
                    CommandKind::RecordCallback {
                        satisfaction,
                        note: None,
                    },
                )?;
                // The unsatisfied stay open: a new round is a person's call.
                if satisfaction.is_satisfied() {
                    count += step("kf", late + 1505, CommandKind::Close)?;
                }
            }
        }
        events += count;
        ids.push(id);
        i += 1;
    }
    if let Some(dir) = std::path::Path::new(&path).parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path)?);
    let mut written = 0usize;
    for id in &ids {
        for e in engine.store().load(id)? {
            serde_json::to_writer(&mut out, &e)?;
            out.write_all(b"\n")?;
            written += 1;
        }
    }
    out.flush()?;
    println!("Wrote {written} events of {} cases to {path}", ids.len());
    Ok(())
}
