//! The tick population: a memory store of open cases, most with nothing due
//! at [`now`], and cohorts scattered among them, each filed 40 minutes
//! before its tick (warnings and the first-response breach due). Shared by
//! the stores bench and `src/bin/tick_once.rs`.
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

/// A copy of `template` as case `id`, filed by command `f-{id}`: the batch
/// the SQL tick benches append (their stores keep a command id per case).
#[must_use]
pub fn batch_copy(id: &str, template: &Template) -> Batch {
    let case_id = CaseId::new(id).unwrap();
    let events = template
        .events
        .iter()
        .map(|e| Event {
            case_id: case_id.clone(),
            ..e.clone()
        })
        .collect();
    Batch {
        case_id,
        expected_version: 0,
        events,
        command: Some((
            CommandId::new(format!("f-{id}")).unwrap(),
            CommandHash(tousu_workflow::CommandDigest::from_bytes([0; 32])),
        )),
        open: true,
        next_due: template.next_due,
        snapshot: None,
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
            command: Some((
                CommandId::new("f").unwrap(),
                CommandHash(tousu_workflow::CommandDigest::from_bytes([0; 32])),
            )),
            open: true,
            next_due: template.next_due,
            snapshot: None,
        })
        .unwrap();
}

/// How far apart the cohorts of [`scattered`] are filed: more than the 40
/// minutes after which each is ticked, so that a cohort not yet ticked is
/// never due at another's tick.
const COHORT_GAP_MINUTES: i64 = 45;

/// The most cohorts [`scattered`] builds: a cohort once ticked is next due
/// twelve hours after it was filed (the acceptance clock's 50 % warning),
/// so every cohort's tick must come before that.
pub const MAX_COHORTS: usize = 16;

/// When cohort `k` of [`scattered`] is filed.
#[must_use]
pub fn cohort_filed(k: usize) -> DateTime<Utc> {
    t0() + TimeDelta::minutes(COHORT_GAP_MINUTES * i64::try_from(k).unwrap())
}

/// When cohort `k` of [`scattered`] is due: 40 minutes after it was filed
/// (cohort 0 at [`now`]).
#[must_use]
pub fn cohort_now(k: usize) -> DateTime<Utc> {
    cohort_filed(k) + TimeDelta::minutes(40)
}

/// A memory store, in an engine under the default policy, of `open` open
/// cases: `cohorts` cohorts of `due` cases each, cohort `k` due at
/// [`cohort_now`]`(k)` and at no earlier cohort's instant, the rest filed
/// a day after [`t0`] (nothing due at any cohort's instant).
///
/// The cohorts are scattered evenly among the others, in the order cases
/// are stored: a due case's place in the store, its folded case and its
/// events lie among those of cases that are not due, as in a store filled
/// over months, not in one block a tick reads in order.
#[must_use]
pub fn scattered(open: usize, due: usize, cohorts: usize) -> Engine<MemoryStore> {
    assert!((1..=MAX_COHORTS).contains(&cohorts));
    let last = cohort_now(cohorts - 1);
    assert!(last < t0() + TimeDelta::hours(12));
    let quiet = template(t0() + TimeDelta::days(1));
    assert!(quiet.next_due.unwrap() > last);
    let filed: Vec<Template> = (0..cohorts).map(|k| template(cohort_filed(k))).collect();
    for (k, t) in filed.iter().enumerate() {
        let next_due = t.next_due.unwrap();
        assert!(next_due <= cohort_now(k));
        assert!(k == 0 || next_due > cohort_now(k - 1));
    }
    let scattered = due * cohorts;
    assert!(0 < scattered && scattered <= open);
    let stride = open / scattered;
    let mut store = MemoryStore::new();
    let mut placed = 0;
    for i in 0..open {
        if placed < scattered && i % stride == stride / 2 {
            let k = placed % cohorts;
            add_copy(&mut store, &format!("D{k:04}-{placed:07}"), &filed[k]);
            placed += 1;
        } else {
            add_copy(&mut store, &format!("Q{i:07}"), &quiet);
        }
    }
    assert_eq!(placed, scattered);
    Engine::new(Policy::default_policy().unwrap(), roster(), store).unwrap()
}
