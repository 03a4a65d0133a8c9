//! A conformance kit: the checks any [`Store`] must pass, for adapter
//! authors (feature `conformance`).
//!
//! Available with the `conformance` feature.
//!
//! Implement [`Backend`] for your store (a fresh empty store, and a second
//! handle on the same data, as a second connection) and expand
//! [`conformance_tests!`](crate::conformance_tests) in a test file: one
//! `#[test]` per check. `MemoryStore`, `tousu-store-sqlite` and
//! `tousu-store-postgres` run it.
//!
//! In a test file, `tousu::conformance_tests!(Some(MyBackend));` expands to
//! the `#[test]`s; each check is also a function of its own:
//!
//! ```
//! use tousu::conformance::{MemoryBackend, append_and_load, due_index_agrees_with_replay};
//!
//! append_and_load(&MemoryBackend)?;
//! due_index_agrees_with_replay(&MemoryBackend)?;
//! # Ok::<(), tousu::conformance::Failure>(())
//! ```
//!
//! Each check drives an [`Engine`] over the store the way an application
//! does, then compares what the store says with what replaying its events
//! says. docs/stores.md lists the guarantees one by one.

use std::collections::BTreeSet;
use std::fmt::Display;
use std::sync::Barrier;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use tousu_model::{
    CaseId, Channel, CommandId, Complaint, Department, DepartmentId, DepartmentTree, RoleId,
    Roster, Staff, StaffId,
};
use tousu_policy::Policy;
use tousu_workflow::{Case, Command, CommandKind, PolicyRuntime};

use crate::store::{Batch, Month, Store, StoreError};
use crate::{Engine, Error, Filing, MemoryStore};

/// A store under test: how to get an empty one, and a second handle on the
/// same data for the concurrency checks.
pub trait Backend {
    /// The store.
    type Store: Store + Send + 'static;

    /// A new store holding nothing (a fresh database, schema or file).
    fn empty(&self) -> Result<Self::Store, StoreError>;

    /// Another handle on `store`'s data (another connection), so that two
    /// threads can write to the same cases.
    fn another(&self, store: &Self::Store) -> Result<Self::Store, StoreError>;
}

/// The reference [`MemoryStore`], whose clones share their data.
#[derive(Clone, Copy, Debug, Default)]
pub struct MemoryBackend;

impl Backend for MemoryBackend {
    type Store = MemoryStore;

    fn empty(&self) -> Result<MemoryStore, StoreError> {
        Ok(MemoryStore::new())
    }

    fn another(&self, store: &MemoryStore) -> Result<MemoryStore, StoreError> {
        Ok(store.clone())
    }
}

/// A check that did not hold, with what was seen.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Failure(pub String);

trait OrFail<T> {
    fn or_fail(self, doing: &str) -> Result<T, Failure>;
}

impl<T, E: Display> OrFail<T> for Result<T, E> {
    fn or_fail(self, doing: &str) -> Result<T, Failure> {
        self.map_err(|e| Failure(format!("{doing}: {e}")))
    }
}

fn ensure(holds: bool, what: impl FnOnce() -> String) -> Result<(), Failure> {
    if holds { Ok(()) } else { Err(Failure(what())) }
}

/// A check: a function of the backend, as [`run`] takes it.
pub type Check<B> = fn(&B) -> Result<(), Failure>;

/// Runs one check; panics with its name and the failure (test code).
#[allow(clippy::panic)]
pub fn run<B: Backend>(name: &str, check: Check<B>, backend: Option<&B>) {
    match backend {
        None => eprintln_skip(name),
        Some(b) => {
            if let Err(e) = check(b) {
                panic!("store conformance check `{name}` failed: {e}");
            }
        }
    }
}

/// Written to stderr directly, not with `eprintln!`, which the test
/// harness captures: a skipped check must show in `cargo test`'s output.
fn eprintln_skip(name: &str) {
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED store conformance check `{name}`: no backend configured"
    );
}

/// Expands to one `#[test]` per conformance check, over a backend given as
/// an `Option` (`None` skips every check, saying so on stderr: for a
/// database the environment does not provide). The expression is evaluated
/// in each test, where the constant `CHECK` holds the check's name (to name
/// a schema or a file after it).
///
/// Available with the `conformance` feature.
#[macro_export]
#[cfg_attr(docsrs, doc(cfg(feature = "conformance")))]
macro_rules! conformance_tests {
    ($backend:expr) => {
        $crate::conformance_tests!(@each $backend;
            append_and_load, conflicting_writers, idempotent_retries,
            filings_idempotent_by_command_id, numbering_under_concurrency, failed_writes_leave_nothing,
            due_index_agrees_with_replay, snapshots_agree_with_replay,
            retries_across_fingerprint_schemes, append_all_writes_each_batch_on_its_own,
            load_latest_all_reads_each_case_as_alone, tick_all_reports_each_case_across_writes);
    };
    (@each $backend:expr; $($check:ident),*) => {
        $(
            #[test]
            fn $check() {
                #[allow(dead_code)]
                const CHECK: &str = stringify!($check);
                let backend = $backend;
                $crate::conformance::run(stringify!($check), $crate::conformance::$check, backend.as_ref());
            }
        )*
    };
}

fn at(day: u32, hour: u32, minute: u32) -> Result<DateTime<Utc>, Failure> {
    // 2025-12 in Beijing time (UTC+8): hours given in UTC here.
    Utc.with_ymd_and_hms(2025, 12, day, hour, minute, 0)
        .single()
        .ok_or_else(|| Failure(format!("2025-12-{day} {hour}:{minute} is not an instant")))
}

fn id<T, E: Display>(make: impl FnOnce(String) -> Result<T, E>, s: &str) -> Result<T, Failure> {
    make(s.to_owned()).or_fail("an id")
}

fn roster() -> Result<Roster, Failure> {
    let cs: DepartmentId = id(DepartmentId::new, "cs")?;
    let person = |who: &str, role: &str| -> Result<Staff, Failure> {
        Ok(Staff::new(id(StaffId::new, who)?, who, cs.clone()).with_role(id(RoleId::new, role)?))
    };
    Roster::new(
        DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)]).or_fail("tree")?,
        vec![person("kf", "complaint_manager")?, person("h1", "handler")?],
    )
    .or_fail("roster")
}

fn engine<S: Store>(store: S) -> Result<Engine<S>, Failure> {
    Engine::new(
        Policy::default_policy().or_fail("default policy")?,
        roster()?,
        store,
    )
    .or_fail("engine")
}

fn filing(command: &str, case: Option<&str>, when: DateTime<Utc>) -> Result<Filing, Failure> {
    Ok(Filing {
        actor: id(StaffId::new, "kf")?,
        command_id: id(CommandId::new, command)?,
        case_id: case.map(|c| id(CaseId::new, c)).transpose()?,
        complaint: Complaint::builder(when, Channel::Phone, "热水器漏水")
            .build()
            .or_fail("complaint")?,
        repeat_count: 0,
    })
}

fn command(
    engine: &Engine<impl Store>,
    case: &CaseId,
    command: &str,
    when: DateTime<Utc>,
    kind: CommandKind,
) -> Result<Command, Failure> {
    let version = engine.case(case).or_fail("loading the case")?.version;
    Ok(Command::new(
        id(CommandId::new, command)?,
        id(StaffId::new, "kf")?,
        when,
        version,
        kind,
    ))
}

fn note(text: &str) -> CommandKind {
    CommandKind::AddNote {
        text: text.to_owned(),
        attachments: Vec::new(),
    }
}

/// Filing and commands store their events in order; `load`, `load_latest`,
/// `load_range`, `command`, `case_ids` and `events_since` all agree.
pub fn append_and_load<B: Backend>(backend: &B) -> Result<(), Failure> {
    let mut e = engine(backend.empty().or_fail("empty store")?)?;
    let filed = e
        .file(filing("f1", None, at(1, 1, 0)?)?)
        .or_fail("filing")?;
    let case = filed.case.id.clone();
    let cmd = command(&e, &case, "n1", at(1, 1, 5)?, note("已联系"))?;
    let noted = e.handle(&case, &cmd).or_fail("a note")?;
    let stored = e.store().load(&case).or_fail("load")?;
    let mut expected = filed.events.clone();
    expected.extend(noted.iter().cloned());
    ensure(stored == expected, || {
        format!(
            "load gave {} events, {} were appended",
            stored.len(),
            expected.len()
        )
    })?;
    let record = e
        .store()
        .command(&case, &cmd.id)
        .or_fail("command")?
        .ok_or_else(|| Failure("the note's command was not recorded".to_owned()))?;
    let range = e
        .store()
        .load_range(&case, record.first_version, record.last_version)
        .or_fail("load_range")?;
    ensure(range == noted, || {
        format!("the command record's range gave {range:?}, the command produced {noted:?}")
    })?;
    let ids = e.store().case_ids().or_fail("case_ids")?;
    ensure(ids == vec![case.clone()], || {
        format!("case_ids gave {ids:?}")
    })?;
    let since = e
        .store()
        .events_since(0, usize::MAX)
        .or_fail("events_since")?;
    let positions: Vec<u64> = since.iter().map(|p| p.position).collect();
    let want: Vec<u64> = (1..=expected.len() as u64).collect();
    ensure(positions == want, || {
        format!("positions {positions:?}, expected {want:?}")
    })?;
    let tail = e.store().events_since(2, 1).or_fail("events_since(2, 1)")?;
    ensure(
        tail.len() == 1 && tail.first().map(|p| &p.event) == expected.get(2),
        || format!("events_since(2, 1) gave {tail:?}"),
    )?;
    let unknown = e
        .store()
        .load(&id(CaseId::new, "nobody")?)
        .or_fail("load unknown")?;
    ensure(unknown.is_empty(), || {
        "an unknown case has events".to_owned()
    })
}

/// Two writers on two handles append at the same version at the same
/// time: exactly one wins, the other gets a conflict, nothing is lost.
pub fn conflicting_writers<B: Backend>(backend: &B) -> Result<(), Failure> {
    let store = backend.empty().or_fail("empty store")?;
    let other = backend.another(&store).or_fail("another handle")?;
    let mut e = engine(store)?;
    let case = e
        .file(filing("f1", Some("RACE-1"), at(1, 1, 0)?)?)
        .or_fail("filing")?
        .case;
    let rounds = 10;
    let mut a = e;
    let mut b = engine(other)?;
    for round in 0..rounds {
        let barrier = Barrier::new(2);
        let version = a.case(&case.id).or_fail("load")?.version;
        let when = at(1, 2, round)?;
        let make = |who: &str| -> Result<Command, Failure> {
            Ok(Command::new(
                id(CommandId::new, &format!("{who}-{round}"))?,
                id(StaffId::new, "kf")?,
                when,
                version,
                note(who),
            ))
        };
        let (ca, cb) = (make("a")?, make("b")?);
        let (ra, rb) = std::thread::scope(|s| {
            let ta = s.spawn(|| {
                barrier.wait();
                a.handle(&case.id, &ca)
            });
            let tb = s.spawn(|| {
                barrier.wait();
                b.handle(&case.id, &cb)
            });
            (ta.join(), tb.join())
        });
        let (Ok(ra), Ok(rb)) = (ra, rb) else {
            return Err(Failure("a writer thread panicked".to_owned()));
        };
        let lost = |r: &Result<_, Error>| {
            matches!(
                r,
                Err(Error::Store(StoreError::Conflict { .. }))
                    | Err(Error::Rejected(
                        tousu_workflow::Rejection::StaleVersion { .. }
                    ))
            )
        };
        ensure(ra.is_ok() != rb.is_ok(), || {
            format!("round {round}: both or neither won: {ra:?} / {rb:?}")
        })?;
        ensure(lost(&ra) || lost(&rb), || {
            format!("round {round}: the loser did not get a conflict: {ra:?} / {rb:?}")
        })?;
    }
    let stored = a.store().load(&case.id).or_fail("load")?;
    let expected = case.version + u64::from(rounds);
    ensure(stored.len() as u64 == expected, || {
        format!("{} events stored, expected {expected}", stored.len())
    })?;
    Case::replay_events(&stored).or_fail("replaying the raced case")?;
    Ok(())
}

/// A retried command returns its first outcome and stores nothing; the same
/// id with other content is refused; the store itself refuses a command id
/// it has recorded.
pub fn idempotent_retries<B: Backend>(backend: &B) -> Result<(), Failure> {
    let mut e = engine(backend.empty().or_fail("empty store")?)?;
    let first = e
        .file(filing("f1", Some("IDEM-1"), at(1, 1, 0)?)?)
        .or_fail("filing")?;
    let again = e
        .file(filing("f1", Some("IDEM-1"), at(1, 1, 0)?)?)
        .or_fail("filing again")?;
    ensure(first.events == again.events, || {
        "a retried filing gave other events".to_owned()
    })?;
    let case = first.case.id;
    let cmd = command(&e, &case, "n1", at(1, 1, 5)?, note("一"))?;
    let once = e.handle(&case, &cmd).or_fail("a note")?;
    let count = e.store().load(&case).or_fail("load")?.len();
    let twice = e.handle(&case, &cmd).or_fail("the note again")?;
    ensure(once == twice, || {
        "a retried command gave other events".to_owned()
    })?;
    let after = e.store().load(&case).or_fail("load")?.len();
    ensure(after == count, || {
        format!("a retry stored events: {count} -> {after}")
    })?;
    let mut other = cmd.clone();
    other.kind = note("二");
    ensure(
        matches!(e.handle(&case, &other), Err(Error::CommandReused { .. })),
        || "the same id with other content was not refused".to_owned(),
    )?;
    let stored = e.store().load(&case).or_fail("load")?;
    let version = stored.len() as u64;
    let mut event = stored
        .last()
        .cloned()
        .ok_or_else(|| Failure("no events".to_owned()))?;
    event.version = version + 1;
    let batch = Batch {
        case_id: case.clone(),
        expected_version: version,
        events: vec![event],
        command: Some((
            cmd.id.clone(),
            crate::CommandHash(tousu_workflow::CommandDigest::from_bytes([0; 32])),
        )),
        open: true,
        next_due: None,
        snapshot: None,
    };
    let mut store = backend.another(e.store()).or_fail("another handle")?;
    ensure(
        matches!(
            store.append(&batch),
            Err(StoreError::DuplicateCommand { .. })
        ),
        || "the store accepted a command id it had recorded".to_owned(),
    )?;
    ensure(e.store().load(&case).or_fail("load")? == stored, || {
        "a refused duplicate command left events".to_owned()
    })
}

/// Commands stored before fingerprint scheme 2 — their first event and the
/// store's record holding a scheme-1 fingerprint (the SHA-256 of the
/// command's JSON), as an older tousu wrote them — keep meaning what they
/// meant: retried, the same command returns its first outcome and stores
/// nothing; its id with another command is refused, by the engine and by
/// the replayed case. New commands are recorded under scheme 2, and the
/// store gives each record back with the scheme it was written with.
pub fn retries_across_fingerprint_schemes<B: Backend>(backend: &B) -> Result<(), Failure> {
    use tousu_workflow::DigestScheme;
    let mut e = engine(backend.empty().or_fail("empty store")?)?;
    let case = e
        .file(filing("f1", Some("SCHEME-1"), at(2, 1, 0)?)?)
        .or_fail("filing")?
        .case;
    let old = command(&e, &case.id, "n1", at(2, 1, 5)?, note("旧"))?;
    let v1 = old.digest_as(DigestScheme::Json);
    let rt = PolicyRuntime::new(e.policy().clone()).or_fail("runtime")?;
    let roster = roster()?;
    let mut events =
        tousu_workflow::decide(&case, &old, &rt.ctx(&roster, old.at)).or_fail("the old note")?;
    for event in events.iter_mut().filter(|ev| ev.command_digest.is_some()) {
        event.command_digest = Some(Box::new(v1));
    }
    let mut store = backend.another(e.store()).or_fail("another handle")?;
    store
        .append(&Batch {
            case_id: case.id.clone(),
            expected_version: case.version,
            events: events.clone(),
            command: Some((old.id.clone(), crate::CommandHash(v1))),
            open: true,
            next_due: None,
            snapshot: None,
        })
        .or_fail("storing the old note")?;
    let record = |e: &Engine<B::Store>, id: &CommandId| -> Result<DigestScheme, Failure> {
        let r = e.store().command(&case.id, id).or_fail("command record")?;
        r.map(|r| r.hash.scheme())
            .ok_or_else(|| Failure(format!("no record of command {id}")))
    };
    ensure(record(&e, &old.id)? == DigestScheme::Json, || {
        "a scheme-1 record came back under another scheme".to_owned()
    })?;
    let count = e.store().load(&case.id).or_fail("load")?.len();
    let again = e.handle(&case.id, &old).or_fail("retrying the old note")?;
    ensure(again == events, || {
        "a retried scheme-1 command gave other events".to_owned()
    })?;
    ensure(
        e.store().load(&case.id).or_fail("load")?.len() == count,
        || "a retried scheme-1 command stored events".to_owned(),
    )?;
    let mut other = old.clone();
    other.kind = note("新");
    ensure(
        matches!(e.handle(&case.id, &other), Err(Error::CommandReused { .. })),
        || "a scheme-1 command id with other content was not refused".to_owned(),
    )?;
    let replayed = e.case(&case.id).or_fail("the case")?;
    ensure(
        replayed.seen(&old) == Ok(true) && replayed.seen(&other).is_err(),
        || "the replayed case does not tell the scheme-1 retry from a reused id".to_owned(),
    )?;
    let new = command(&e, &case.id, "n2", at(2, 1, 10)?, note("新"))?;
    let stored = e.handle(&case.id, &new).or_fail("a new note")?;
    ensure(
        record(&e, &new.id)? == DigestScheme::Canonical
            && stored
                .first()
                .and_then(|ev| ev.command_digest.as_deref().copied())
                == Some(new.digest()),
        || "a new command was not recorded under scheme 2".to_owned(),
    )?;
    ensure(e.handle(&case.id, &new).or_fail("retry")? == stored, || {
        "a retried scheme-2 command gave other events".to_owned()
    })
}

/// A filing without a case id is idempotent by its command id: filed again,
/// also by two writers at once, it opens one case and takes one number; the
/// same command id with another complaint is [`Error::CommandReused`]
/// naming the id and the case it opened; [`Store::registered_by`] finds
/// that case.
pub fn filings_idempotent_by_command_id<B: Backend>(backend: &B) -> Result<(), Failure> {
    let store = backend.empty().or_fail("empty store")?;
    let mut engines = [
        engine(backend.another(&store).or_fail("another handle")?)?,
        engine(backend.another(&store).or_fail("another handle")?)?,
    ];
    let barrier = Barrier::new(engines.len());
    let raced: Vec<Result<CaseId, Failure>> = std::thread::scope(|s| {
        let handles: Vec<_> = engines
            .iter_mut()
            .map(|e| {
                let barrier = &barrier;
                s.spawn(move || -> Result<CaseId, Failure> {
                    barrier.wait();
                    let filed = e
                        .file(filing("crm-7", None, at(4, 1, 0)?)?)
                        .or_fail("filing")?;
                    Ok(filed.case.id)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(Failure("a filing thread panicked".to_owned())))
            })
            .collect()
    });
    let raced = raced.into_iter().collect::<Result<Vec<_>, _>>()?;
    let [e, _] = &mut engines;
    let again = e
        .file(filing("crm-7", None, at(4, 1, 0)?)?)
        .or_fail("filing again")?;
    let ids = e.store().case_ids().or_fail("case ids")?;
    ensure(
        ids.len() == 1 && raced.iter().all(|c| *c == again.case.id),
        || {
            format!(
                "one filing retried opened {ids:?} (raced: {raced:?}, again: {})",
                again.case.id
            )
        },
    )?;
    let cmd = id(CommandId::new, "crm-7")?;
    let found = e.store().registered_by(&cmd).or_fail("registered_by")?;
    ensure(found.as_ref() == Some(&again.case.id), || {
        format!("registered_by(crm-7) is {found:?}, not {}", again.case.id)
    })?;
    let mut other = filing("crm-7", None, at(4, 1, 0)?)?;
    other.complaint = Complaint::builder(at(4, 1, 0)?, Channel::Phone, "另一件事")
        .build()
        .or_fail("complaint")?;
    match e.file(other) {
        Err(Error::CommandReused { case, command, .. })
            if case == again.case.id && command == cmd => {}
        other => {
            return Err(Failure(format!(
                "crm-7 with another complaint gave {other:?}, not CommandReused naming it and {}",
                again.case.id
            )));
        }
    }
    let next = e
        .file(filing("crm-8", None, at(4, 1, 0)?)?)
        .or_fail("the next filing")?;
    let number = next.case.number.map(|n| n.to_string()).unwrap_or_default();
    ensure(number == "202512-0002", || {
        format!("the next filing got {number}: retries used up numbers")
    })
}

/// Four writers file at once on four handles, with refused filings among
/// them: every number of the month is taken once, with no gap.
pub fn numbering_under_concurrency<B: Backend>(backend: &B) -> Result<(), Failure> {
    let store = backend.empty().or_fail("empty store")?;
    let writers = 4;
    let each = 5;
    let mut engines = Vec::new();
    for _ in 0..writers {
        engines.push(engine(backend.another(&store).or_fail("another handle")?)?);
    }
    let barrier = Barrier::new(writers);
    let results: Vec<Result<Vec<String>, Failure>> = std::thread::scope(|s| {
        let handles: Vec<_> = engines
            .iter_mut()
            .enumerate()
            .map(|(w, e)| {
                let barrier = &barrier;
                s.spawn(move || -> Result<Vec<String>, Failure> {
                    barrier.wait();
                    let mut numbers = Vec::new();
                    for i in 0..each {
                        // A refused filing (unknown actor) first: it must take no number.
                        let mut refused = filing(&format!("bad-{w}-{i}"), None, at(2, 1, 0)?)?;
                        refused.actor = id(StaffId::new, "stranger")?;
                        ensure(e.file(refused).is_err(), || {
                            "a filing by an unknown actor was accepted".to_owned()
                        })?;
                        let f = e
                            .file(filing(&format!("f-{w}-{i}"), None, at(2, 1, 0)?)?)
                            .or_fail("filing")?;
                        numbers.push(f.case.number.map(|n| n.to_string()).unwrap_or_default());
                    }
                    Ok(numbers)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(Failure("a filing thread panicked".to_owned())))
            })
            .collect()
    });
    let mut numbers = Vec::new();
    for r in results {
        numbers.extend(r?);
    }
    numbers.sort();
    let expected: Vec<String> = (1..=writers * each)
        .map(|n| format!("202512-{n:04}"))
        .collect();
    ensure(numbers == expected, || {
        format!("numbers {numbers:?}, expected each of {expected:?} once")
    })
}

/// A write that fails changes nothing: a batch with a bad event in the
/// middle, and a filing whose build fails after its number was taken.
pub fn failed_writes_leave_nothing<B: Backend>(backend: &B) -> Result<(), Failure> {
    let mut e = engine(backend.empty().or_fail("empty store")?)?;
    let filed = e
        .file(filing("f1", None, at(3, 1, 0)?)?)
        .or_fail("filing")?;
    let case = filed.case.id.clone();
    let before = e.store().load(&case).or_fail("load")?;
    let log_before = e
        .store()
        .events_since(0, usize::MAX)
        .or_fail("events_since")?;
    let due_before = e.store().due(at(31, 0, 0)?, usize::MAX).or_fail("due")?;
    let version = before.len() as u64;
    let template = before
        .last()
        .cloned()
        .ok_or_else(|| Failure("no events".to_owned()))?;
    let mut events = Vec::new();
    for (i, v) in [version + 1, version + 2, version + 2]
        .into_iter()
        .enumerate()
    {
        let mut ev = template.clone();
        ev.version = v;
        ev.command_id = Some(id(CommandId::new, &format!("bad-{i}"))?);
        events.push(ev);
    }
    let mut store = backend.another(e.store()).or_fail("another handle")?;
    let bad = Batch {
        case_id: case.clone(),
        expected_version: version,
        events,
        command: Some((
            id(CommandId::new, "bad")?,
            crate::CommandHash(tousu_workflow::CommandDigest::from_bytes([1; 32])),
        )),
        open: false,
        next_due: None,
        snapshot: None,
    };
    ensure(store.append(&bad).is_err(), || {
        "a batch with a repeated version was stored".to_owned()
    })?;
    ensure(e.store().load(&case).or_fail("load")? == before, || {
        "a failed append left events".to_owned()
    })?;
    ensure(
        e.store()
            .events_since(0, usize::MAX)
            .or_fail("events_since")?
            == log_before,
        || "a failed append moved the global position".to_owned(),
    )?;
    ensure(
        e.store().due(at(31, 0, 0)?, usize::MAX).or_fail("due")? == due_before,
        || "a failed append changed the due index".to_owned(),
    )?;
    ensure(
        e.store()
            .command(&case, &id(CommandId::new, "bad")?)
            .or_fail("command")?
            .is_none(),
        || "a failed append recorded its command".to_owned(),
    )?;
    // A filing whose build fails after taking a number gives the number back.
    let month = Month::new(2025, 12).or_fail("month")?;
    let failed: Result<(Batch, u64), StoreError> =
        store.file(month, |_| Err(StoreError::backend("the build failed")));
    ensure(failed.is_err(), || {
        "a failed build was reported as filed".to_owned()
    })?;
    let next = e
        .file(filing("f2", None, at(3, 2, 0)?)?)
        .or_fail("filing")?;
    let number = next.case.number.map(|n| n.to_string()).unwrap_or_default();
    ensure(number == "202512-0002", || {
        format!("after a failed filing the next number is {number}, not 202512-0002")
    })
}

/// [`Store::load_latest_all`] gives each case what [`Store::load_latest`]
/// gives it alone: a case noted after its filing (over the SQL stores, a
/// snapshot with events after it), a case just filed, an unknown case, and
/// a case asked for twice.
pub fn load_latest_all_reads_each_case_as_alone<B: Backend>(backend: &B) -> Result<(), Failure> {
    let mut e = engine(backend.empty().or_fail("empty store")?)?.with_snapshots(3);
    let mut ids = Vec::new();
    for i in 0..3 {
        let filed = e
            .file(filing(&format!("f{i}"), None, at(7, 1, i)?)?)
            .or_fail("filing")?;
        ids.push(filed.case.id);
    }
    let [noted, ..] = &ids[..] else {
        return Err(Failure("three cases filed".to_owned()));
    };
    let noted = noted.clone();
    for i in 0..4 {
        let cmd = command(&e, &noted, &format!("n{i}"), at(7, 2, i)?, note("备注"))?;
        e.handle(&noted, &cmd).or_fail("a note")?;
    }
    ids.push(id(CaseId::new, "nobody-filed-this")?);
    ids.push(noted);
    let alone: Vec<_> = ids
        .iter()
        .map(|c| e.store().load_latest(c))
        .collect::<Result<_, _>>()
        .or_fail("load_latest")?;
    let all = e.store().load_latest_all(&ids).or_fail("load_latest_all")?;
    ensure(all.len() == ids.len(), || {
        format!(
            "load_latest_all gave {} outcomes for {} cases",
            all.len(),
            ids.len()
        )
    })?;
    for ((case, alone), all) in ids.iter().zip(&alone).zip(all) {
        let all = all.or_fail(&format!("load_latest_all of {case}"))?;
        ensure(
            all.snapshot == alone.snapshot && all.events == alone.events,
            || {
                format!(
                    "load_latest_all read {case} as a snapshot at {:?} and {} events; alone, {:?} and {}",
                    all.snapshot.as_ref().map(|c| c.version),
                    all.events.len(),
                    alone.snapshot.as_ref().map(|c| c.version),
                    alone.events.len()
                )
            },
        )?;
    }
    Ok(())
}

/// [`Store::append_all`] writes each batch as `append` would, on its own: a
/// conflict (also on a case nobody filed), a bad batch and a command repeated within the call are refused
/// and change nothing, the batches around them are written, and the global
/// position has no gap where a refused batch was.
pub fn append_all_writes_each_batch_on_its_own<B: Backend>(backend: &B) -> Result<(), Failure> {
    let mut e = engine(backend.empty().or_fail("empty store")?)?;
    let mut cases = Vec::new();
    for i in 0..3 {
        let filed = e
            .file(filing(&format!("f{i}"), None, at(6, 1, i)?)?)
            .or_fail("filing")?;
        let events = e.store().load(&filed.case.id).or_fail("load")?;
        cases.push((filed.case.id, events));
    }
    // One more event after `version`, made by command `by`.
    let next = |(case, events): &(CaseId, Vec<tousu_workflow::Event>),
                expected_version: u64,
                by: &str|
     -> Result<Batch, Failure> {
        let mut event = events
            .last()
            .cloned()
            .ok_or_else(|| Failure("no events".to_owned()))?;
        event.version = expected_version + 1;
        event.command_id = Some(id(CommandId::new, by)?);
        Ok(Batch {
            case_id: case.clone(),
            expected_version,
            events: vec![event],
            command: Some((
                id(CommandId::new, by)?,
                crate::CommandHash(tousu_workflow::CommandDigest::from_bytes([2; 32])),
            )),
            open: true,
            next_due: None,
            snapshot: None,
        })
    };
    let [a, b, c] = &cases[..] else {
        return Err(Failure("three cases filed".to_owned()));
    };
    let (va, vb, vc) = (a.1.len() as u64, b.1.len() as u64, c.1.len() as u64);
    let mut bad = next(c, vc, "c0")?;
    bad.events.extend(bad.events.clone()); // a version twice
    // A case nobody filed, written as if it had one event: a conflict.
    let mut unknown = next(a, 1, "u1")?;
    unknown.case_id = id(CaseId::new, "nobody-filed-this")?;
    for event in &mut unknown.events {
        event.case_id = unknown.case_id.clone();
    }
    let batches = [
        next(a, va, "a1")?,
        next(b, vb + 1, "b1")?, // the store has `vb`: a conflict
        bad,
        next(c, vc, "c1")?,
        next(a, va + 1, "a1")?, // "a1" was applied just before
        unknown,
    ];
    let log_before = e
        .store()
        .events_since(0, usize::MAX)
        .or_fail("events_since")?;
    let mut store = backend.another(e.store()).or_fail("another handle")?;
    let outcomes = store.append_all(&batches).or_fail("append_all")?;
    let shape: Vec<&str> = outcomes
        .iter()
        .map(|o| match o {
            Ok(_) => "written",
            Err(StoreError::Conflict { .. }) => "conflict",
            Err(StoreError::DuplicateCommand { .. }) => "duplicate",
            Err(_) => "refused",
        })
        .collect();
    ensure(
        shape
            == [
                "written",
                "conflict",
                "refused",
                "written",
                "duplicate",
                "conflict",
            ],
        || format!("append_all gave {shape:?}"),
    )?;
    let versions: Vec<usize> = cases
        .iter()
        .map(|(case, _)| e.store().load(case).map(|v| v.len()))
        .collect::<Result<_, _>>()
        .or_fail("load")?;
    let expected = [a.1.len() + 1, b.1.len(), c.1.len() + 1];
    ensure(versions == expected, || {
        format!("the cases have {versions:?} events, expected {expected:?}")
    })?;
    let log = e
        .store()
        .events_since(0, usize::MAX)
        .or_fail("events_since")?;
    let positions: Vec<u64> = log.iter().map(|p| p.position).collect();
    let gap_free: Vec<u64> = (1..=log.len() as u64).collect();
    ensure(
        positions == gap_free && log.len() == log_before.len() + 2,
        || format!("positions after append_all: {positions:?}"),
    )?;
    for (case, by, kept) in [(&a.0, "a1", true), (&b.0, "b1", false), (&c.0, "c0", false)] {
        let record = e
            .store()
            .command(case, &id(CommandId::new, by)?)
            .or_fail("command")?;
        ensure(record.is_some() == kept, || {
            format!("command {by} on {case}: recorded {}", record.is_some())
        })?;
    }
    let ids = e.store().case_ids().or_fail("case_ids")?;
    ensure(ids.len() == cases.len(), || {
        format!("the refused write to a case nobody filed left the cases {ids:?}")
    })?;
    Ok(())
}

/// [`Engine::tick_all`] over more due cases than one write takes
/// ([`TICK_WRITE_CHUNK`](crate::TICK_WRITE_CHUNK)), two of them under a
/// policy version the ticking engine does not hold: those two fail and stay
/// due, every other case is ticked, and what the report lists is what the
/// store holds, case by case, in the order the due index gave.
pub fn tick_all_reports_each_case_across_writes<B: Backend>(backend: &B) -> Result<(), Failure> {
    let store = backend.empty().or_fail("empty store")?;
    let mut filer = engine(backend.another(&store).or_fail("another handle")?)?;
    let v1 = Policy::default_policy().or_fail("default policy")?;
    let mut v2 = v1.clone();
    v2.version = id(tousu_policy::PolicyVersion::new, "2")?;
    let count = crate::TICK_WRITE_CHUNK + 10;
    let unheld = [3, crate::TICK_WRITE_CHUNK + 4];
    let mut unheld_ids = BTreeSet::new();
    for i in 0..count {
        let under_v2 = unheld.contains(&i);
        if under_v2 {
            filer
                .add_policy(v2.clone(), true)
                .or_fail("policy version 2")?;
        }
        let filed = filer
            .file(filing(&format!("f{i}"), None, at(7, 1, 0)?)?)
            .or_fail("filing")?;
        if under_v2 {
            unheld_ids.insert(filed.case.id);
            filer
                .add_policy(v1.clone(), true)
                .or_fail("policy version 1")?;
        }
    }
    let before: Vec<Vec<tousu_workflow::Event>> = unheld_ids
        .iter()
        .map(|c| filer.store().load(c))
        .collect::<Result<_, _>>()
        .or_fail("load")?;
    let mut e = engine(store)?;
    let now = at(7, 1, 40)?;
    let due = e.store().due(now, usize::MAX).or_fail("due")?;
    ensure(due.len() == count, || {
        format!("{} cases due, not {count}", due.len())
    })?;
    let report = e.tick_all(now).or_fail("tick_all")?;
    let order: Vec<&CaseId> = report.cases.iter().map(|t| &t.case).collect();
    ensure(order.iter().copied().eq(due.iter()), || {
        "the report is not in the due index's order".to_owned()
    })?;
    let failed: BTreeSet<CaseId> = report.failures().map(|(c, _)| c.clone()).collect();
    ensure(failed == unheld_ids, || {
        format!("failed {failed:?}, expected {unheld_ids:?}")
    })?;
    for ticked in &report.cases {
        let Ok(events) = &ticked.outcome else {
            continue;
        };
        let stored = e.store().load(&ticked.case).or_fail("load")?;
        ensure(!events.is_empty() && stored.ends_with(events), || {
            format!(
                "{}: the events reported are not the last stored",
                ticked.case
            )
        })?;
    }
    let after: Vec<Vec<tousu_workflow::Event>> = unheld_ids
        .iter()
        .map(|c| e.store().load(c))
        .collect::<Result<_, _>>()
        .or_fail("load")?;
    ensure(after == before, || "a failed tick stored events".to_owned())?;
    let still: BTreeSet<CaseId> = e
        .store()
        .due(now, usize::MAX)
        .or_fail("due")?
        .into_iter()
        .collect();
    ensure(still == unheld_ids, || {
        format!("due after the tick: {still:?}, expected {unheld_ids:?}")
    })
}

/// The store's due index says what replaying every case says: an open case
/// is due at `now` exactly when `next_due` of its replay is at or before
/// `now`; closed cases are not open.
pub fn due_index_agrees_with_replay<B: Backend>(backend: &B) -> Result<(), Failure> {
    let mut e = engine(backend.empty().or_fail("empty store")?)?;
    let rt = PolicyRuntime::new(e.policy().clone()).or_fail("runtime")?;
    let roster = roster()?;
    let mut cases = Vec::new();
    for i in 0..6 {
        let when = at(4, 1, i * 7)?;
        let f = e
            .file(filing(&format!("f{i}"), None, when)?)
            .or_fail("filing")?;
        cases.push(f.case.id);
    }
    let accept = CommandKind::Accept {
        override_reason: None,
    };
    for (i, case) in cases.iter().enumerate().take(3) {
        let cmd = command(&e, case, &format!("a{i}"), at(4, 2, 0)?, accept.clone())?;
        e.handle(case, &cmd).or_fail("accept")?;
    }
    if let Some(case) = cases.last() {
        let cmd = command(
            &e,
            case,
            "w",
            at(4, 2, 5)?,
            CommandKind::Withdraw { reason: None },
        )?;
        e.handle(case, &cmd).or_fail("withdraw")?;
    }
    let mut now = at(4, 1, 0)?;
    for _ in 0..12 {
        now += TimeDelta::minutes(50);
        let report = e.tick_all(now).or_fail("tick_all")?;
        if let Some((case, err)) = report.failures().next() {
            return Err(Failure(format!("ticking {case} failed: {err}")));
        }
        let mut open = BTreeSet::new();
        let mut dues = Vec::new();
        for id in e.store().case_ids().or_fail("case_ids")? {
            let case =
                Case::replay_events(&e.store().load(&id).or_fail("load")?).or_fail("replay")?;
            if case.status.is_open() {
                open.insert(id.clone());
            }
            if let Some(d) =
                tousu_workflow::next_due(&case, &rt.ctx(&roster, now)).or_fail("next_due")?
            {
                dues.push((d, id));
            }
        }
        // Probe at every due instant and just before it: the index must
        // agree to the nanosecond.
        let mut probes: Vec<DateTime<Utc>> = dues.iter().map(|(d, _)| *d).collect();
        probes.extend(dues.iter().map(|(d, _)| *d - TimeDelta::nanoseconds(1)));
        probes.push(now);
        for probe in probes {
            let expected: BTreeSet<CaseId> = dues
                .iter()
                .filter(|(d, _)| *d <= probe)
                .map(|(_, id)| id.clone())
                .collect();
            let indexed: BTreeSet<CaseId> = e
                .store()
                .due(probe, usize::MAX)
                .or_fail("due")?
                .into_iter()
                .collect();
            ensure(indexed == expected, || {
                format!("at {probe} the index has {indexed:?} due, replay says {expected:?}")
            })?;
        }
        let listed: BTreeSet<CaseId> = e
            .store()
            .open_cases()
            .or_fail("open_cases")?
            .into_iter()
            .collect();
        ensure(listed == open, || {
            format!("open cases {listed:?}, replay says {open:?}")
        })?;
        ensure(!dues.is_empty() || now > at(4, 10, 0)?, || {
            "no case is ever due".to_owned()
        })?;
    }
    Ok(())
}

/// With snapshots kept every few events, loading a case gives what
/// replaying all its events gives.
pub fn snapshots_agree_with_replay<B: Backend>(backend: &B) -> Result<(), Failure> {
    let mut e = engine(backend.empty().or_fail("empty store")?)?.with_snapshots(3);
    let case = e
        .file(filing("f1", None, at(5, 1, 0)?)?)
        .or_fail("filing")?
        .case
        .id;
    let mut took_snapshot = false;
    for i in 0..8 {
        let cmd = command(&e, &case, &format!("n{i}"), at(5, 1, 10 + i)?, note("备注"))?;
        e.handle(&case, &cmd).or_fail("a note")?;
        let latest = e.store().load_latest(&case).or_fail("load_latest")?;
        took_snapshot |= latest.snapshot.is_some();
        let replayed =
            Case::replay_events(&e.store().load(&case).or_fail("load")?).or_fail("replay")?;
        let loaded = e.case(&case).or_fail("the engine's load")?;
        ensure(loaded == replayed, || {
            format!("after note {i} the snapshot-based case differs from the replayed one")
        })?;
    }
    ensure(took_snapshot, || "no snapshot was ever kept".to_owned())
}
