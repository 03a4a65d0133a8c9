//! The engine over a store: numbers without gaps (issue 12 item 8), a
//! command id that means one thing, and `tick_all` that reads only due cases,
//! reports each one and never stops at a failing case (item 16).

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use tousu::DueDecided;
use tousu::prelude::*;
use tousu::workflow::AfterTick;

fn sid(s: &str) -> StaffId {
    StaffId::new(s).unwrap()
}

fn roster() -> Roster {
    let cs = DepartmentId::new("cs").unwrap();
    Roster::new(
        DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)]).unwrap(),
        vec![
            Staff::new(sid("kf"), "李客服", cs)
                .with_role(RoleId::new("complaint_manager").unwrap()),
        ],
    )
    .unwrap()
}

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 12, 1, h, m, 0).unwrap()
}

fn filing(id: &str, actor: &str, when: DateTime<Utc>) -> Filing {
    Filing {
        actor: sid(actor),
        command_id: CommandId::new(id).unwrap(),
        case_id: None,
        complaint: Complaint::builder(when, Channel::Phone, "热水器漏水")
            .build()
            .unwrap(),
        repeat_count: 0,
    }
}

fn engine() -> Engine<MemoryStore> {
    Engine::new(
        Policy::default_policy().unwrap(),
        roster(),
        MemoryStore::new(),
    )
    .unwrap()
}

#[test]
fn refused_filings_use_up_no_number() {
    let mut e = engine();
    assert!(
        e.file(filing("f0", "stranger", at(1, 0))).is_err(),
        "unknown actor"
    );
    let mut bad_category = filing("f1", "kf", at(1, 0));
    bad_category.complaint = Complaint::builder(at(1, 0), Channel::Phone, "热水器漏水")
        .category(CategoryId::new("no_such_category").unwrap())
        .build()
        .unwrap();
    assert!(e.file(bad_category).is_err(), "unknown category");
    let filed = e.file(filing("f2", "kf", at(1, 0))).unwrap();
    assert_eq!(filed.case.number.unwrap().as_str(), "202512-0001");
    let next = e.file(filing("f3", "kf", at(1, 1))).unwrap();
    assert_eq!(next.case.number.unwrap().as_str(), "202512-0002");
}

#[test]
fn a_command_id_reused_for_another_command_is_refused() {
    let mut e = engine();
    let case = e.file(filing("f1", "kf", at(1, 0))).unwrap().case;
    let note = |text: &str| {
        Command::new(
            CommandId::new("n1").unwrap(),
            sid("kf"),
            at(1, 5),
            case.version,
            CommandKind::AddNote {
                text: text.into(),
                attachments: vec![],
            },
        )
    };
    let first = e.handle(&case.id, &note("一")).unwrap();
    assert_eq!(e.handle(&case.id, &note("一")).unwrap(), first);
    let err = e.handle(&case.id, &note("二")).unwrap_err();
    assert!(
        matches!(&err, Error::CommandReused { command, .. } if command.as_str() == "n1"),
        "{err}"
    );
}

#[test]
fn tick_all_reports_each_due_case_and_skips_a_failing_one() {
    let store = MemoryStore::new();
    // An engine holding policy versions 1 and 2 files a case under each.
    let mut both = Engine::new(Policy::default_policy().unwrap(), roster(), store.clone()).unwrap();
    let old = both.file(filing("f1", "kf", at(1, 0))).unwrap().case.id;
    let mut v2 = Policy::default_policy().unwrap();
    v2.version = tousu::policy::PolicyVersion::new("2").unwrap();
    both.add_policy(v2, true).unwrap();
    let new = both.file(filing("f2", "kf", at(1, 0))).unwrap().case.id;
    let quiet = both.file(filing("f3", "kf", at(3, 0))).unwrap().case.id;
    // An engine that knows only version 1 ticks them all: the version-2
    // case fails and is reported; the version-1 case is still ticked.
    let mut only_v1 = Engine::new(Policy::default_policy().unwrap(), roster(), store).unwrap();
    let now = at(1, 0) + TimeDelta::minutes(40);
    let report = only_v1.tick_all(now).unwrap();
    let ticked: Vec<&CaseId> = report.cases.iter().map(|t| &t.case).collect();
    assert!(
        !ticked.contains(&&quiet),
        "a case with nothing due was read"
    );
    let failures: Vec<_> = report.failures().collect();
    assert_eq!(failures.len(), 1);
    assert_eq!(failures[0].0, &new);
    assert!(matches!(failures[0].1, Error::MissingPolicyVersion { .. }));
    assert!(report.events().any(|e| e.case_id == old));
    assert!(report.events().all(|e| e.case_id == old));
    // Every event reported is stored, and nothing else was.
    let stored_after = only_v1.store().load(&old).unwrap();
    let reported: Vec<Event> = report.events().cloned().collect();
    assert!(stored_after.ends_with(&reported));
    // The failed case is still due and is tried again; the other is quiet now.
    let again = only_v1.tick_all(now).unwrap();
    assert_eq!(again.failures().count(), 1);
    assert_eq!(again.events().count(), 0);
}

/// `Store::decide_due` on the memory store: every due case in due order,
/// each decided once; a case whose decision wrote nothing, failed, or was
/// refused by the store keeps its due entry and changed nothing, and the
/// others are written all the same.
#[test]
fn decide_due_keeps_what_wrote_nothing_due() {
    let mut e = engine();
    let ids: Vec<CaseId> = (0..4)
        .map(|i| {
            let when = at(1, i);
            e.file(filing(&format!("f{i}"), "kf", when))
                .unwrap()
                .case
                .id
        })
        .collect();
    let mut store = e.store().clone();
    let now = at(1, 0) + TimeDelta::minutes(45);
    let due_before = store.due(now, usize::MAX).unwrap();
    assert_eq!(due_before, ids, "earliest filed, earliest due");
    let events_before = store.event_count();
    let rt = tousu::workflow::PolicyRuntime::new(Policy::default_policy().unwrap()).unwrap();
    let roster = roster();
    let seen = std::sync::Mutex::new(Vec::new());
    let outcomes = store
        .decide_due(now, 1, |case, out| -> Result<Option<AfterTick>, Error> {
            seen.lock().unwrap().push(case.id.clone());
            let start = out.len();
            let after = tousu::workflow::tick_with_next_due_into(case, &rt.ctx(&roster, now), out)?;
            assert!(out.len() > start);
            match case.id.as_str() {
                // What a decider appends with nothing to write is not stored.
                "202512-0002" => Ok(None),
                "202512-0003" => Err(StoreError::backend("refused by the decider").into()),
                // The store refuses events for another case.
                "202512-0004" => {
                    for e in &mut out[start..] {
                        e.case_id = ids[0].clone();
                    }
                    Ok(Some(after))
                }
                _ => Ok(Some(after)),
            }
        })
        .unwrap()
        .unwrap();
    assert_eq!(seen.into_inner().unwrap(), ids);
    let cases: Vec<&CaseId> = outcomes.iter().map(|(c, _)| c).collect();
    assert_eq!(cases, ids.iter().collect::<Vec<_>>());
    let written = match &outcomes[0].1 {
        Ok(DueDecided::Written { events, position }) => {
            assert_eq!(*position, store.event_count() as u64);
            events.to_vec()
        }
        other => panic!("{other:?}"),
    };
    assert!(!written.is_empty());
    assert!(matches!(outcomes[1].1, Ok(DueDecided::Nothing)));
    assert!(matches!(outcomes[2].1, Err(Error::Store(_))));
    assert!(matches!(outcomes[3].1, Err(Error::Store(_))));
    // Only the first case's events were stored, as reported.
    assert_eq!(store.event_count(), events_before + written.len());
    assert!(store.load(&ids[0]).unwrap().ends_with(&written));
    // The others are due as they were; the first one is not, now.
    assert_eq!(store.due(now, usize::MAX).unwrap(), ids[1..].to_vec());
}

/// 2,100 open cases (due by more than one block of `decide_due` on threads), every
/// seventh under a policy version the ticking engine does not hold: on
/// two threads the tick reports and stores what it does on one, failures
/// included, in the same order.
#[test]
fn tick_all_on_threads_stores_and_reports_what_one_thread_does() {
    let filled = || {
        let store = MemoryStore::new();
        let mut v1 =
            Engine::new(Policy::default_policy().unwrap(), roster(), store.clone()).unwrap();
        let mut policy = Policy::default_policy().unwrap();
        policy.version = tousu::policy::PolicyVersion::new("2").unwrap();
        let mut v2 = Engine::new(policy, roster(), store.clone()).unwrap();
        for i in 0..2_100u32 {
            let when = at(1, 0) + TimeDelta::seconds(i64::from(i));
            let engine = if i % 7 == 3 { &mut v2 } else { &mut v1 };
            engine.file(filing(&format!("f{i}"), "kf", when)).unwrap();
        }
        store
    };
    let policy = Policy::default_policy().unwrap();
    let mut one = Engine::new(policy.clone(), roster(), filled()).unwrap();
    let mut two = Engine::new(policy, roster(), filled())
        .unwrap()
        .with_tick_threads(2);
    let described = |report: &TickReport| -> Vec<(CaseId, Result<Vec<Event>, String>)> {
        report
            .cases
            .iter()
            .map(|t| {
                let outcome = t.outcome.as_ref().map(|e| e.to_vec());
                (t.case.clone(), outcome.map_err(ToString::to_string))
            })
            .collect()
    };
    for minutes in [40, 70, 24 * 60] {
        let now = at(1, 0) + TimeDelta::minutes(minutes);
        let a = one.tick_all(now).unwrap();
        let b = two.tick_all(now).unwrap();
        assert_eq!(described(&a), described(&b), "at {now}");
        if minutes == 40 {
            // More than one block, failures among them.
            assert!(a.cases.len() > 1_024, "{}", a.cases.len());
            assert!(a.failures().count() > 100);
        }
    }
    assert_eq!(
        one.store().events_since(0, usize::MAX).unwrap(),
        two.store().events_since(0, usize::MAX).unwrap()
    );
    assert_eq!(
        one.store()
            .due(at(1, 0) + TimeDelta::days(3650), usize::MAX)
            .unwrap(),
        two.store()
            .due(at(1, 0) + TimeDelta::days(3650), usize::MAX)
            .unwrap()
    );
}
