//! Ticking through a store that keeps cases folded (`MemoryStore`, which
//! lends the case to the tick: `Store::decide_folded`) stores and reports
//! exactly what ticking through a store that does not (each case loaded and
//! replayed from its events) does, for varied cases (the workflow crate's
//! command strategies) ticked at many instants; and deciding the due cases
//! on three threads (`Engine::with_tick_threads`) stores and reports the
//! same as on one.

use chrono::{DateTime, FixedOffset, TimeDelta, TimeZone, Utc};
use proptest::prelude::*;
use tousu::prelude::*;
use tousu::workflow::PolicyRuntime;
use tousu::workflow::strategies::{drive, steps};
use tousu::{Batch, CommandRecord, Latest, Month, Positioned, StoreError};

/// A memory store that hides its folded cases: the engine loads and
/// replays each case, as it does over SQLite or PostgreSQL.
#[derive(Clone, Debug, Default)]
struct Replaying(MemoryStore);

impl Store for Replaying {
    fn append(&mut self, batch: &Batch) -> Result<u64, StoreError> {
        self.0.append(batch)
    }
    fn file<E: From<StoreError>>(
        &mut self,
        month: Month,
        build: impl FnOnce(u32) -> Result<Batch, E>,
    ) -> Result<(Batch, u64), E> {
        self.0.file(month, build)
    }
    fn load(&self, case: &CaseId) -> Result<Vec<Event>, StoreError> {
        self.0.load(case)
    }
    fn load_latest(&self, case: &CaseId) -> Result<Latest, StoreError> {
        Ok(Latest {
            snapshot: None,
            events: self.0.load(case)?,
        })
    }
    fn command(
        &self,
        case: &CaseId,
        command: &CommandId,
    ) -> Result<Option<CommandRecord>, StoreError> {
        self.0.command(case, command)
    }
    fn case_ids(&self) -> Result<Vec<CaseId>, StoreError> {
        self.0.case_ids()
    }
    fn open_cases(&self) -> Result<Vec<CaseId>, StoreError> {
        self.0.open_cases()
    }
    fn due(&self, now: DateTime<Utc>, limit: usize) -> Result<Vec<CaseId>, StoreError> {
        self.0.due(now, limit)
    }
    fn events_since(&self, after: u64, limit: usize) -> Result<Vec<Positioned>, StoreError> {
        self.0.events_since(after, limit)
    }
}

fn sid(s: &str) -> StaffId {
    StaffId::new(s).unwrap()
}

fn did(s: &str) -> DepartmentId {
    DepartmentId::new(s).unwrap()
}

/// 客服部, 工程部 and 总经理室, with every role the strategies use.
fn roster() -> Roster {
    let role = |s: &str| RoleId::new(s).unwrap();
    let tree = DepartmentTree::new(vec![
        Department::new(did("hq"), "总经理室", None),
        Department::new(did("cs"), "客服部", Some(did("hq"))),
        Department::new(did("eng"), "工程部", Some(did("hq"))),
    ])
    .unwrap();
    let staff = vec![
        Staff::new(sid("gm"), "赵总", did("hq")).with_role(role("general_manager")),
        Staff::new(sid("kf1"), "李客服", did("cs")).with_role(role("complaint_manager")),
        Staff::new(sid("head1"), "王主管", did("eng"))
            .with_role(role("department_head"))
            .with_supervisor(sid("gm")),
        Staff::new(sid("h1"), "张师傅", did("eng"))
            .with_role(role("handler"))
            .with_supervisor(sid("head1")),
        Staff::new(sid("resp"), "刘师傅", did("eng"))
            .with_role(role("handler"))
            .with_supervisor(sid("head1")),
    ];
    Roster::new(tree, staff).unwrap()
}

fn start() -> DateTime<Utc> {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2025, 12, 1, 9, 0, 0)
        .unwrap()
        .to_utc()
}

/// The batch storing `events` (one case's, from version 1) as case `id`.
fn batch(id: &str, events: &[Event], next_due: Option<DateTime<Utc>>, open: bool) -> Batch {
    let case_id = CaseId::new(id).unwrap();
    Batch {
        events: events
            .iter()
            .map(|e| Event {
                case_id: case_id.clone(),
                ..e.clone()
            })
            .collect(),
        case_id,
        expected_version: 0,
        command: None,
        open,
        next_due,
        snapshot: None,
    }
}

/// What a tick reported, comparable: per case, its events or its error.
fn outcomes(report: &TickReport) -> Vec<(CaseId, Result<Vec<Event>, String>)> {
    report
        .cases
        .iter()
        .map(|t| {
            let outcome = match &t.outcome {
                Ok(events) => Ok(events.to_vec()),
                Err(e) => Err(e.to_string()),
            };
            (t.case.clone(), outcome)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn folded_ticks_equal_replayed_ticks(
        runs in proptest::collection::vec(
            steps(&Policy::default_policy().unwrap(), &roster(), 0..8),
            1..6,
        ),
    ) {
        let policy = Policy::default_policy().unwrap();
        let rt = PolicyRuntime::new(policy.clone()).unwrap();
        let roster = roster();
        let mut folded = MemoryStore::new();
        let mut parallel = MemoryStore::new();
        let mut replaying = Replaying::default();
        for (i, steps) in runs.iter().enumerate() {
            let Ok(run) = drive(&rt, &roster, "kf1", start(), steps) else {
                continue;
            };
            let ctx = rt.ctx(&roster, run.case.updated_at);
            let next_due = tousu::workflow::next_due(&run.case, &ctx).unwrap();
            let b = batch(&format!("K{i}"), &run.events, next_due, run.case.status.is_open());
            folded.append(&b).unwrap();
            parallel.append(&b).unwrap();
            replaying.append(&b).unwrap();
        }
        let mut fast = Engine::new(policy.clone(), roster.clone(), folded).unwrap();
        let mut threads = Engine::new(policy.clone(), roster.clone(), parallel)
            .unwrap()
            .with_tick_threads(3);
        let mut slow = Engine::new(policy, roster, replaying).unwrap();
        // Not vacuous: when the index has a case due within the ticks, one
        // of them stores something (or fails, on both paths alike).
        let due = !fast.store().due(start() + TimeDelta::hours(280), 1).unwrap().is_empty();
        let mut ticked = false;
        let mut now = start();
        for _ in 0..40 {
            now += TimeDelta::hours(7);
            let a = fast.tick_all(now).unwrap();
            let b = slow.tick_all(now).unwrap();
            let c = threads.tick_all(now).unwrap();
            prop_assert_eq!(outcomes(&a), outcomes(&b), "at {}", now);
            prop_assert_eq!(outcomes(&a), outcomes(&c), "on 3 threads, at {}", now);
            ticked |= !a.is_empty();
        }
        prop_assert_eq!(ticked, due);
        prop_assert_eq!(
            fast.store().events_since(0, usize::MAX).unwrap(),
            slow.store().events_since(0, usize::MAX).unwrap()
        );
        prop_assert_eq!(
            fast.store().events_since(0, usize::MAX).unwrap(),
            threads.store().events_since(0, usize::MAX).unwrap()
        );
        prop_assert_eq!(
            fast.store().due(now + TimeDelta::days(3650), usize::MAX).unwrap(),
            slow.store().due(now + TimeDelta::days(3650), usize::MAX).unwrap()
        );
    }
}
