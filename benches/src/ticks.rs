//! The tick population: a memory store of open cases, most with nothing due
//! at [`now`], and cohorts filed 40 minutes before it (warnings and the
//! first-response breach due). Shared by the stores bench and
//! `src/bin/tick_once.rs`.
use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use tousu::prelude::*;
use tousu::{Batch, CommandHash};

/// The roster: one complaint manager.
#[must_use]
pub fn roster() -> Roster {
    let cs = DepartmentId::new("cs").unwrap();
    Roster::new(
        DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)]).unwrap(),
        vec![
            Staff::new(StaffId::new("kf").unwrap(), "李客服", cs)
                .with_role(RoleId::new("complaint_manager").unwrap()),
        ],
    )
    .unwrap()
}

/// The first filing instant.
#[must_use]
pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 12, 1, 1, 0, 0).unwrap()
}

/// The instant the benches tick at: 40 minutes after [`t0`].
#[must_use]
pub fn now() -> DateTime<Utc> {
    t0() + TimeDelta::minutes(40)
}

/// Filing number `n`, received at `when`.
#[must_use]
pub fn filing(n: usize, when: DateTime<Utc>) -> Filing {
    Filing {
        actor: StaffId::new("kf").unwrap(),
        command_id: CommandId::new(format!("f{n}")).unwrap(),
        case_id: None,
        complaint: Complaint::builder(when, Channel::Phone, "热水器漏水")
            .build()
            .unwrap(),
        repeat_count: 0,
    }
}

/// A registration filed at `when`: its events and next due instant.
pub struct Template {
    /// The registration's events.
    pub events: Vec<Event>,
    /// When anything is next due.
    pub next_due: Option<DateTime<Utc>>,
}

/// The registration of a complaint received at `when`, as a template.
#[must_use]
pub fn template(when: DateTime<Utc>) -> Template {
    let mut e = Engine::new(
        Policy::default_policy().unwrap(),
        roster(),
        MemoryStore::new(),
    )
    .unwrap();
    let filed = e.file(filing(0, when)).unwrap();
    let rt = tousu::workflow::PolicyRuntime::new(Policy::default_policy().unwrap()).unwrap();
    let r = roster();
    let next_due = tousu::workflow::next_due(&filed.case, &rt.ctx(&r, when)).unwrap();
    Template {
        events: filed.events,
        next_due,
    }
}

/// Stores a copy of the template under a new case id.
pub fn add_copy(store: &mut MemoryStore, id: &str, template: &Template) {
    let case_id = CaseId::new(id).unwrap();
    let events: Vec<Event> = template
        .events
        .iter()
        .map(|e| Event {
            case_id: case_id.clone(),
            ..e.clone()
        })
        .collect();
    store
        .append(&Batch {
            case_id,
            expected_version: 0,
            events,
            command: Some((CommandId::new("f").unwrap(), CommandHash([0; 32]))),
            open: true,
            next_due: template.next_due,
            snapshot: None,
        })
        .unwrap();
}

/// A memory store with `quiet` open cases with nothing due at [`now`]
/// (filed a day after [`t0`]), in an engine under the default policy.
#[must_use]
pub fn engine(quiet: usize) -> Engine<MemoryStore> {
    let later = template(t0() + TimeDelta::days(1));
    assert!(later.next_due.unwrap() > now());
    let mut store = MemoryStore::new();
    for i in 0..quiet {
        add_copy(&mut store, &format!("Q{i:07}"), &later);
    }
    Engine::new(Policy::default_policy().unwrap(), roster(), store).unwrap()
}

/// Adds `due` cases filed at [`t0`] (due at [`now`]), named after `cohort`.
pub fn add_due(store: &mut MemoryStore, cohort: usize, due: usize) {
    let filed = template(t0());
    assert!(filed.next_due.unwrap() <= now());
    for i in 0..due {
        add_copy(store, &format!("D{cohort:04}-{i:05}"), &filed);
    }
}
