//! What an adapter must provide, and [`MemoryStore`], the reference
//! implementation.
//!
//! A [`Store`] keeps each case's events under optimistic concurrency and,
//! in the same all-or-nothing write ([`Batch`]), everything that must never
//! disagree with them: the command that caused them and its hash
//! (idempotency), the case's entry in the due index (open or not, and the
//! next instant anything is due), a snapshot, and a global position for
//! readers that follow "events since N". Registration also takes the month's
//! complaint number inside that write ([`Store::file`]), so a refused or
//! failed filing uses up no number.
//!
//! docs/stores.md gives the schema the SQL stores share and what each
//! method must guarantee; the `conformance` module (feature `conformance`)
//! checks a store against it.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{DateTime, Utc};
pub use tousu_model::Month;
use tousu_model::{CaseId, CommandId};
use tousu_workflow::{AfterTick, Case, ClockState, CommandDigest, DigestScheme, Event};

/// Why a store refused or failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// Another writer appended first: the case is at `actual`, not `expected`.
    #[error(
        "version conflict on case {case}: expected version {expected}, the store has {actual}; reload and retry"
    )]
    Conflict {
        /// The case.
        case: CaseId,
        /// The version the writer expected.
        expected: u64,
        /// The version the store has.
        actual: u64,
    },
    /// The command was applied to the case already.
    #[error("command {command} was applied to case {case} already; load its outcome instead")]
    DuplicateCommand {
        /// The case.
        case: CaseId,
        /// The command id.
        command: CommandId,
    },
    /// The events do not continue the case (wrong case id or version numbers).
    #[error("events for case {case} do not continue it: {message}")]
    Malformed {
        /// The case.
        case: CaseId,
        /// What was wrong.
        message: String,
    },
    /// The stored events end inside a batch: a write was cut short by a
    /// store that is not atomic. The case must not be used until repaired.
    #[error(
        "case {case} is torn: its last stored event, version {version}, belongs to a batch that ends at version {batch_end}"
    )]
    Torn {
        /// The case.
        case: CaseId,
        /// The last stored version.
        version: u64,
        /// The version the batch ends at.
        batch_end: u64,
    },
    /// The backend failed (I/O, connection, serialization).
    #[error("store backend: {0}")]
    Backend(Box<dyn std::error::Error + Send + Sync>),
}

impl StoreError {
    /// A backend failure with a message.
    pub fn backend(message: impl Into<String>) -> Self {
        StoreError::Backend(message.into().into())
    }
}

/// A command's fingerprint as a store keeps it for retries: the scheme that
/// made it and its 32 bytes ([`CommandDigest`]). The same command id with a
/// different hash is a different command, not a retry; a retry is hashed
/// again under the stored hash's scheme ([`CommandHash::scheme`]), so a
/// record kept from before a scheme was added keeps meaning what it meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CommandHash(pub CommandDigest);

impl CommandHash {
    /// The hash of a value's JSON (fields in declaration order, maps sorted:
    /// the same value always gives the same bytes), under scheme 1
    /// ([`DigestScheme::Json`]): what a filing's record holds.
    pub fn of<T: serde::Serialize>(value: &T) -> Result<Self, StoreError> {
        use sha2::Digest;
        let json = serde_json::to_vec(value).map_err(|e| StoreError::Backend(Box::new(e)))?;
        let bytes = sha2::Sha256::digest(&json).into();
        Ok(CommandHash(CommandDigest::new(DigestScheme::Json, bytes)))
    }

    /// The scheme that made it.
    pub fn scheme(&self) -> DigestScheme {
        self.0.scheme()
    }

    /// As the SQL stores keep it: 64 lower-case hex digits for scheme 1
    /// (every row written before schemes), `2:` and 64 hex digits for
    /// scheme 2 — the form events record.
    pub fn to_text(&self) -> String {
        self.0.to_string()
    }

    /// Parses [`CommandHash::to_text`]'s output.
    pub fn from_text(text: &str) -> Result<Self, StoreError> {
        CommandDigest::parse(text).map(CommandHash).ok_or_else(|| {
            StoreError::backend(format!(
                "`{text}` is not a command hash (64 hex digits, or `2:` and 64 hex digits)"
            ))
        })
    }
}

impl From<CommandDigest> for CommandHash {
    fn from(digest: CommandDigest) -> Self {
        CommandHash(digest)
    }
}

impl std::fmt::Display for CommandHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A command applied to a case, as the store remembers it for retries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommandRecord {
    /// The command id.
    pub command_id: CommandId,
    /// Its hash.
    pub hash: CommandHash,
    /// The first version its events took.
    pub first_version: u64,
    /// The last version its events took.
    pub last_version: u64,
}

/// One all-or-nothing write: a command's (or a tick's) events and what must
/// change with them.
#[derive(Clone, Debug)]
pub struct Batch {
    /// The case.
    pub case_id: CaseId,
    /// The version the writer read (0 for a new case).
    pub expected_version: u64,
    /// The events, versions `expected_version + 1 ..`; at least one.
    pub events: Vec<Event>,
    /// The command that caused them, with its hash (`None` for a tick).
    pub command: Option<(CommandId, CommandHash)>,
    /// Whether the case is open after these events (it stays in the index).
    pub open: bool,
    /// The next instant time alone does anything to the case
    /// ([`next_due`](tousu_workflow::next_due)).
    pub next_due: Option<DateTime<Utc>>,
    /// The case after these events, to keep as its snapshot.
    pub snapshot: Option<Box<Case>>,
}

impl Batch {
    /// The version of the batch's last event.
    pub fn last_version(&self) -> u64 {
        self.expected_version
            .saturating_add(u64::try_from(self.events.len()).unwrap_or(u64::MAX))
    }

    /// Checks that the events continue the case at `expected_version`.
    pub fn check(&self) -> Result<(), StoreError> {
        check_events(&self.case_id, self.expected_version, &self.events)?;
        if let Some(snapshot) = &self.snapshot
            && (snapshot.id != self.case_id || snapshot.version != self.last_version())
        {
            return Err(StoreError::Malformed {
                case: self.case_id.clone(),
                message: format!(
                    "the snapshot is of case {} at version {}, not at the batch's last version {}",
                    snapshot.id,
                    snapshot.version,
                    self.last_version()
                ),
            });
        }
        Ok(())
    }
}

/// Checks that `events` (at least one) continue `case` at `expected_version`.
fn check_events(case: &CaseId, expected_version: u64, events: &[Event]) -> Result<(), StoreError> {
    if events.is_empty() {
        return Err(StoreError::Malformed {
            case: case.clone(),
            message: "a batch has at least one event".to_owned(),
        });
    }
    for (e, v) in events.iter().zip(expected_version + 1..) {
        if e.case_id != *case || e.version != v {
            return Err(StoreError::Malformed {
                case: case.clone(),
                message: format!(
                    "event for case {} has version {}, expected case {case} version {v}",
                    e.case_id, e.version
                ),
            });
        }
    }
    Ok(())
}

/// An event with its global position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Positioned {
    /// The position: 1, 2, 3, ... in the order writes committed, no gaps.
    pub position: u64,
    /// The event.
    pub event: Event,
}

/// What [`Store::decide_folded`] did.
#[derive(Debug)]
#[non_exhaustive]
pub enum Decided {
    /// The store does not keep the case folded, or does not know it.
    NotFolded,
    /// The decision had nothing to write.
    Nothing,
    /// The batch written.
    Written {
        /// The batch.
        batch: Batch,
        /// The global position of its last event.
        position: u64,
    },
}

/// The events one write appended to a case, shared with the store that
/// holds them: [`MemoryStore`] keeps this very list in its log (a tick's
/// writes, one list for all the cases it ticked), so that reporting a
/// tick's events ([`Ticked`](crate::Ticked)) copies none. Reads as a slice
/// of events (`Deref<Target = [Event]>`); empty when nothing was appended.
#[derive(Clone, Default)]
pub struct Appended {
    list: Option<Arc<Vec<Event>>>,
    /// This write's events in `list`.
    start: usize,
    end: usize,
}

impl Appended {
    /// The events, in version order.
    pub fn as_slice(&self) -> &[Event] {
        self.list
            .as_deref()
            .and_then(|list| list.get(self.start..self.end))
            .unwrap_or_default()
    }
}

impl PartialEq for Appended {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for Appended {}

impl std::fmt::Debug for Appended {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Appended").field(&self.as_slice()).finish()
    }
}

impl std::ops::Deref for Appended {
    type Target = [Event];
    fn deref(&self) -> &[Event] {
        self.as_slice()
    }
}

impl From<Vec<Event>> for Appended {
    /// Takes the events over (no copy; no allocation when there are none).
    fn from(events: Vec<Event>) -> Self {
        let end = events.len();
        Appended {
            list: (end > 0).then(|| Arc::new(events)),
            start: 0,
            end,
        }
    }
}

impl<'a> IntoIterator for &'a Appended {
    type Item = &'a Event;
    type IntoIter = std::slice::Iter<'a, Event>;
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

/// What [`Store::decide_due`] did with one due case.
#[derive(Debug)]
#[non_exhaustive]
pub enum DueDecided {
    /// The store does not keep this case folded: tick it by loading it
    /// ([`Store::load_latest`]). Its due index entry is unchanged.
    NotFolded,
    /// The decision had nothing to write; the case's due index entry is
    /// unchanged (it is tried again at the next tick).
    Nothing,
    /// The events written, as the store holds them.
    Written {
        /// The events.
        events: Appended,
        /// The global position of the last of them.
        position: u64,
    },
}

/// Every case [`Store::decide_due`] selected, in due order (earliest
/// first), with what was done with it or why it failed.
pub type DueOutcomes<E> = Vec<(CaseId, Result<DueDecided, E>)>;

/// A case as stored: its latest snapshot, if any, and the events after it.
#[derive(Clone, Debug, Default)]
pub struct Latest {
    /// The snapshot (a case at some version).
    pub snapshot: Option<Case>,
    /// The events after the snapshot (all of them without one).
    pub events: Vec<Event>,
}

/// An instant as the SQL stores keep due instants: nanoseconds since
/// 1970-01-01 UTC (instants from 1677 to 2262).
pub fn instant_nanos(at: DateTime<Utc>) -> Result<i64, StoreError> {
    at.timestamp_nanos_opt().ok_or_else(|| {
        StoreError::backend(format!(
            "{at} is outside the instants a store indexes (years 1677 to 2262)"
        ))
    })
}

/// Checks the batch markers of a case's last stored events: the last event
/// must end its batch. `last` is `(version, batch_end)` of the last event.
pub fn check_not_torn(case: &CaseId, last: Option<(u64, u64)>) -> Result<(), StoreError> {
    match last {
        Some((version, batch_end)) if version != batch_end => Err(StoreError::Torn {
            case: case.clone(),
            version,
            batch_end,
        }),
        _ => Ok(()),
    }
}

/// One row a bulk read returns for [`latest_in_bulk`]: the index of its
/// case in the slice asked for, and the row's values.
pub type BulkRow<T> = (usize, T);

/// [`Store::load_latest_all`] for a store that reads many cases at once,
/// from its three bulk reads: `markers`, each case's last stored
/// `(version, batch_end)` (see [`check_not_torn`]); `snapshots`, each
/// case's stored snapshot text; and `events`, given the version after which
/// each case's events are wanted (its snapshot's, 0 without one, `i64::MAX`
/// for a case already refused: SQL's integers), the text of those events
/// in version order.
/// The answer is, case by case, what [`Store::load_latest`] gives: a torn
/// case is refused, a snapshot this version cannot read is ignored (the
/// events are the truth), an event that does not read refuses its case
/// alone. A row naming no case asked for is the store's fault: the outer
/// `Err`.
pub fn latest_in_bulk(
    cases: &[CaseId],
    markers: Vec<BulkRow<(u64, u64)>>,
    snapshots: Vec<BulkRow<String>>,
    events: impl FnOnce(&[i64]) -> Result<Vec<BulkRow<String>>, StoreError>,
) -> Result<Vec<Result<Latest, StoreError>>, StoreError> {
    let stray =
        |i: usize| StoreError::backend(format!("a bulk read returned row {i} of {}", cases.len()));
    let mut out: Vec<Result<Latest, StoreError>> =
        cases.iter().map(|_| Ok(Latest::default())).collect();
    for (i, marker) in markers {
        let (case, slot) = cases.get(i).zip(out.get_mut(i)).ok_or_else(|| stray(i))?;
        if let Err(e) = check_not_torn(case, Some(marker)) {
            *slot = Err(e);
        }
    }
    for (i, body) in snapshots {
        if let Ok(latest) = out.get_mut(i).ok_or_else(|| stray(i))? {
            latest.snapshot = serde_json::from_str::<Case>(&body).ok();
        }
    }
    let after: Vec<i64> = out
        .iter()
        .map(|l| match l {
            Ok(l) => l
                .snapshot
                .as_ref()
                .map_or(0, |c| i64::try_from(c.version).unwrap_or(i64::MAX)),
            Err(_) => i64::MAX,
        })
        .collect();
    for (i, body) in events(&after)? {
        let slot = out.get_mut(i).ok_or_else(|| stray(i))?;
        if let Ok(latest) = slot {
            match serde_json::from_str::<Event>(&body) {
                Ok(event) => latest.events.push(event),
                Err(e) => *slot = Err(StoreError::Backend(Box::new(e))),
            }
        }
    }
    Ok(out)
}

/// Event storage for cases, with optimistic concurrency, idempotency,
/// gap-free numbering, a global position, snapshots and a due index.
///
/// Every write is all or nothing. Errors other than those named leave the
/// store as it was.
pub trait Store {
    /// Writes `batch` if the case has exactly `batch.expected_version`
    /// events now (else [`StoreError::Conflict`]) and its command was not
    /// applied already (else [`StoreError::DuplicateCommand`]); returns the
    /// global position of the batch's last event.
    fn append(&mut self, batch: &Batch) -> Result<u64, StoreError>;

    /// Writes each of `batches` as [`Store::append`] would, in order, and
    /// returns each one's outcome: a batch refused (a conflict, a command
    /// already applied, a bad batch) changes nothing and does not stop the
    /// ones after it. A store with transactions writes them all in one,
    /// with a savepoint per batch, so that a thousand cases ticked cost one
    /// commit and not a thousand; the outer `Err` says that transaction
    /// could not begin or commit, and then **none** of them was written.
    /// The default appends them one by one (never the outer `Err`).
    ///
    /// While the transaction lasts it holds the store's write lock (SQLite)
    /// or the global position's row lock (PostgreSQL), so other writers
    /// wait for the whole call: keep the slices short (the engine's tick
    /// writes [`TICK_WRITE_CHUNK`](crate::TICK_WRITE_CHUNK) cases at a time).
    fn append_all(
        &mut self,
        batches: &[Batch],
    ) -> Result<Vec<Result<u64, StoreError>>, StoreError> {
        Ok(batches.iter().map(|b| self.append(b)).collect())
    }

    /// Registers a new case, numbered in the same write: takes the month's
    /// next sequence number (from 1), calls `build` with it, and writes the
    /// batch it returns (expected version 0). If `build` or the write
    /// fails, the number is not used up: the next filing gets it.
    ///
    /// A filing is idempotent by its command id: when the batch's command
    /// already opened a case ([`Store::registered_by`]), the write is
    /// refused with [`StoreError::DuplicateCommand`] naming that case, in
    /// the same transaction, so that two racing retries open one case.
    fn file<E: From<StoreError>>(
        &mut self,
        month: Month,
        build: impl FnOnce(u32) -> Result<Batch, E>,
    ) -> Result<(Batch, u64), E>;

    /// The case's events in order (empty when the case is unknown);
    /// [`StoreError::Torn`] when the last batch was cut short.
    fn load(&self, case: &CaseId) -> Result<Vec<Event>, StoreError>;

    /// The case's latest snapshot and the events after it. Stores without
    /// snapshots return all events.
    fn load_latest(&self, case: &CaseId) -> Result<Latest, StoreError> {
        Ok(Latest {
            snapshot: None,
            events: self.load(case)?,
        })
    }

    /// [`Store::load_latest`] of each of `cases`, in order: each case's
    /// outcome on its own (a torn case is its own `Err`, an unknown case
    /// has no snapshot and no events), so one case read wrong stops no
    /// other. A SQL store reads them all in a few queries (markers,
    /// snapshots, events), not a few per case, which is what a tick of
    /// [`TICK_WRITE_CHUNK`](crate::TICK_WRITE_CHUNK) due cases saves; the
    /// outer `Err` says the store could not be read at all. The default
    /// calls [`Store::load_latest`] per case (never the outer `Err`).
    ///
    /// Whatever a store does, each outcome must be what
    /// [`Store::load_latest`] returns for that case at that moment (the
    /// conformance kit's `load_latest_all_reads_each_case_as_alone`).
    fn load_latest_all(
        &self,
        cases: &[CaseId],
    ) -> Result<Vec<Result<Latest, StoreError>>, StoreError> {
        Ok(cases.iter().map(|c| self.load_latest(c)).collect())
    }

    /// When the store keeps the case folded (as [`MemoryStore`] does):
    /// calls `decide` with the case as of its last event, borrowed, and
    /// writes the batch it returns as [`Store::append`] would, in the same
    /// transaction, so that a caller deciding from the case alone (a tick)
    /// copies nothing and the case is looked up once.
    /// [`Decided::NotFolded`] when the store does not keep cases folded
    /// (the default) or does not know the case: load it with
    /// [`Store::load_latest`] instead.
    fn decide_folded<E: From<StoreError>>(
        &mut self,
        case: &CaseId,
        decide: impl FnOnce(&Case) -> Result<Option<Batch>, E>,
    ) -> Result<Decided, E> {
        let _ = (case, decide);
        Ok(Decided::NotFolded)
    }

    /// When the store keeps cases folded (as [`MemoryStore`] does): for
    /// every open case due at or before `now`, earliest due first, calls
    /// `decide` with the case as of its last event and a vector to append
    /// the case's next events to (a tick's: versions from the case's
    /// version + 1, no command), and writes those events, with whether the
    /// case stays open and when it is next due ([`AfterTick`]), as
    /// [`Store::decide_folded`] would write a batch, all under one lock;
    /// returns each case's outcome in that order. `Ok(None)` writes
    /// nothing (whatever was appended is dropped). A case whose decision
    /// fails, or whose events the store refuses, changes nothing and keeps
    /// its due index entry; the others are still decided. `None` (the
    /// default) when the store does not keep cases folded: tick the cases
    /// [`Store::due`] lists one by one instead.
    ///
    /// What this saves over [`Store::due`] and a [`Store::decide_folded`]
    /// per case: a lookup of each case by its id, and a removal from the
    /// due index per case (the due entries are taken out in one split, and
    /// those of cases that wrote nothing are put back); and every case's
    /// events go into one vector, which the store keeps as it is and the
    /// outcomes share ([`Appended`]): no allocation and no copy per case.
    ///
    /// With `threads` above 1, a store may call `decide` on that many
    /// threads at once (each case is decided on its own, from the case
    /// alone); it still writes in due order, so that what it stores and
    /// returns is what one thread would have stored and returned.
    fn decide_due<E: From<StoreError> + Send>(
        &mut self,
        now: DateTime<Utc>,
        threads: usize,
        decide: impl Fn(&Case, &mut Vec<Event>) -> Result<Option<AfterTick>, E> + Sync,
    ) -> Result<Option<DueOutcomes<E>>, StoreError> {
        let _ = (now, threads, decide);
        Ok(None)
    }

    /// The events of versions `from..=to` of a case.
    fn load_range(&self, case: &CaseId, from: u64, to: u64) -> Result<Vec<Event>, StoreError> {
        Ok(self
            .load(case)?
            .into_iter()
            .filter(|e| (from..=to).contains(&e.version))
            .collect())
    }

    /// The record of a command applied to the case, if any.
    fn command(
        &self,
        case: &CaseId,
        command: &CommandId,
    ) -> Result<Option<CommandRecord>, StoreError>;

    /// The case a command opened: the case whose version 1 this command id
    /// wrote (a filing or a `register` command), if any.
    ///
    /// The default asks [`Store::command`] of every case: correct for any
    /// store, and linear in the number of cases; stores override it with an
    /// indexed lookup.
    fn registered_by(&self, command: &CommandId) -> Result<Option<CaseId>, StoreError> {
        for case in self.case_ids()? {
            if self
                .command(&case, command)?
                .is_some_and(|r| r.first_version == 1)
            {
                return Ok(Some(case));
            }
        }
        Ok(None)
    }

    /// Every case id, in a stable order.
    fn case_ids(&self) -> Result<Vec<CaseId>, StoreError>;

    /// The open cases, by id.
    fn open_cases(&self) -> Result<Vec<CaseId>, StoreError>;

    /// The open cases with something due at or before `now`, earliest due
    /// first, at most `limit`.
    fn due(&self, now: DateTime<Utc>, limit: usize) -> Result<Vec<CaseId>, StoreError>;

    /// Events with a position greater than `after`, in position order, at
    /// most `limit`.
    fn events_since(&self, after: u64, limit: usize) -> Result<Vec<Positioned>, StoreError>;
}

/// One case in memory.
#[derive(Clone, Debug)]
struct Stored {
    id: CaseId,
    /// Where its events are in the global log, in version order (4 B per
    /// event: the events themselves are stored once, in the log). Inline
    /// up to eight: an open case's registration and first ticks fit, so a
    /// tick grows no allocation (a reallocation and a copy per due case, a
    /// twentieth of the tick's instructions, when this was a `Vec`).
    positions: Positions,
    commands: Commands,
    snapshot: Option<Box<Case>>,
    /// The case folded from every stored event, kept with the appends, so
    /// that loading it (a tick of a due case, a command) copies one case
    /// instead of its events and replays nothing. `None` when the events do
    /// not fold into a case (they do not start with a registration).
    folded: Option<Box<Case>>,
    /// The due index entry: open, and the next due instant.
    open: bool,
    next_due: Option<DateTime<Utc>>,
    /// Where its entry is in the due index's list of its span ([`Slots`]).
    due_slot: u32,
}

impl Slots for Vec<Stored> {
    fn slot(&mut self, place: u32) -> Option<&mut u32> {
        self.get_mut(place as usize).map(|s| &mut s.due_slot)
    }
}

/// A case's event positions (see [`Stored::positions`]).
type Positions = smallvec::SmallVec<[u32; 8]>;

/// Every event, in position order, in the batches they were written in:
/// an append keeps its events as one shared list ([`Appended`]) and never
/// moves those stored already. The tick's events are kept as the decider
/// built them and reported from the same list, where a log of events
/// copied each one in (288 B an event, written to fresh memory: the
/// tick's largest share of cache misses, docs/performance-history.md "Seventh
/// pass").
#[derive(Debug, Default)]
struct Log {
    batches: Vec<Arc<Vec<Event>>>,
    /// Each batch's first event's index.
    starts: Vec<u32>,
    /// Each event's batch (its index in `batches`), by event index.
    owners: Vec<u32>,
}

impl Log {
    fn len(&self) -> usize {
        self.owners.len()
    }

    /// The event at index `i` (position `i + 1`).
    fn get(&self, i: u32) -> Option<&Event> {
        let batch = *self.owners.get(i as usize)?;
        let start = *self.starts.get(batch as usize)?;
        self.batches
            .get(batch as usize)?
            .get(i.checked_sub(start)? as usize)
    }

    /// Whether a batch is being filled ([`Log::note`]).
    fn filling(&self) -> bool {
        self.starts.len() > self.batches.len()
    }

    /// Counts `n` events of a write into the batch being filled, opening
    /// it if none is: several writes (a tick's) keep their events in one
    /// list, the caller's, until [`Log::seal`]. Positions count them at
    /// once; they are read only once sealed. The caller checked that the
    /// log fits them (`place`).
    fn note(&mut self, n: usize) {
        let batch = u32::try_from(self.batches.len()).unwrap_or(u32::MAX);
        if !self.filling() {
            let start = u32::try_from(self.owners.len()).unwrap_or(u32::MAX);
            self.starts.push(start);
        }
        self.owners.extend(std::iter::repeat_n(batch, n));
    }

    /// Keeps `events`, those [`Log::note`] counted in order, as the batch
    /// being filled; returns them shared (`None`: nothing was counted).
    fn seal(&mut self, mut events: Vec<Event>) -> Option<Arc<Vec<Event>>> {
        if !self.filling() {
            return None;
        }
        events.shrink_to_fit();
        let events = Arc::new(events);
        self.batches.push(Arc::clone(&events));
        Some(events)
    }

    /// Keeps `events` (one write's) at the end; returns them shared.
    fn push(&mut self, events: Vec<Event>) -> Result<Arc<Vec<Event>>, StoreError> {
        let batch = place(self.batches.len())?;
        let start = place(self.owners.len())?;
        self.owners.extend(std::iter::repeat_n(batch, events.len()));
        self.starts.push(start);
        let events = Arc::new(events);
        self.batches.push(Arc::clone(&events));
        Ok(events)
    }

    /// Copies of the events at `indexes`.
    fn copied(&self, indexes: &[u32]) -> Result<Vec<Event>, StoreError> {
        indexes
            .iter()
            .map(|&i| self.get(i).cloned().ok_or_else(inconsistent))
            .collect()
    }
}

fn inconsistent() -> StoreError {
    StoreError::backend("the memory store's log is inconsistent")
}

/// The commands a case has taken, sorted by id: a vector sized to them (64 B
/// a command) where a B-tree map allocated a node for eleven entries (about
/// 900 B) for the one command most open cases have taken.
#[derive(Clone, Debug, Default)]
struct Commands(Vec<CommandRecord>);

impl Commands {
    fn get(&self, id: &CommandId) -> Option<&CommandRecord> {
        let i = self.0.binary_search_by(|r| r.command_id.cmp(id)).ok()?;
        self.0.get(i)
    }

    fn insert(&mut self, record: CommandRecord) {
        match self
            .0
            .binary_search_by(|r| r.command_id.cmp(&record.command_id))
        {
            Ok(i) => {
                if let Some(r) = self.0.get_mut(i) {
                    *r = record;
                }
            }
            Err(i) => {
                self.0.reserve_exact(1);
                self.0.insert(i, record);
            }
        }
    }
}

mod due_index;

use due_index::{DueIndex, Slots};

/// An entry of the due index: the instant (seconds since 1970 offset to be
/// unsigned, then nanoseconds), then the case's place in `Inner::cases`,
/// packed into one integer in that order, so that the index orders entries
/// as (instant, place) with one comparison per key (16 bytes: no id is
/// cloned per index update).
type DueKey = u128;

/// The due index key of the case at `place`, due at `at`.
fn due_key(at: DateTime<Utc>, place: u32) -> DueKey {
    let secs = (i128::from(at.timestamp()) - i128::from(i64::MIN)).unsigned_abs();
    (secs << 64) | (u128::from(at.timestamp_subsec_nanos()) << 32) | u128::from(place)
}

/// The case's place in a due index key (its low 32 bits, by construction).
fn place_of(key: DueKey) -> u32 {
    u32::try_from(key & u128::from(u32::MAX)).unwrap_or(u32::MAX)
}

#[derive(Debug, Default)]
struct Inner {
    /// Each case's place in `cases`. A hash map, not an ordered one: a
    /// lookup hashes the id once and compares one key, where a B-tree of a
    /// million ids compares a dozen ids scattered over the heap (a cache
    /// miss each). Hashed with foldhash (seeded at random per map, as
    /// hashbrown's default) rather than the standard SipHash, which cost
    /// about 190 instructions a lookup (docs/performance-history.md, "Fifth pass"):
    /// ids are numbered by the engine or given by the embedder, so SipHash's
    /// stronger resistance to chosen colliding keys buys little here.
    index: HashMap<CaseId, u32, foldhash::fast::RandomState>,
    /// The cases, in the order first stored.
    cases: Vec<Stored>,
    /// Every event, position = index + 1.
    log: Log,
    due: DueIndex,
    sequences: BTreeMap<Month, u32>,
    /// The case each registering command opened (by case index).
    registrations: BTreeMap<CommandId, u32>,
}

/// Cases in memory: the reference [`Store`].
///
/// Clones share the same cases, as a pool's connections share a database,
/// so that two writers can race on one store.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    inner: Arc<Mutex<Inner>>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many events are stored in all.
    pub fn event_count(&self) -> usize {
        self.lock().map_or(0, |inner| inner.log.len())
    }

    fn lock(&self) -> Result<MutexGuard<'_, Inner>, StoreError> {
        self.inner
            .lock()
            .map_err(|_| StoreError::backend("a writer panicked while holding the memory store"))
    }
}

/// Reads what a tick of the case reads (its entry, the folded case's
/// fields the tick reads and its clocks, the staff a breach's owner is
/// sought among), for [`Store::due`] and [`Store::decide_due`]: the due
/// cases lie scattered over a store of a million, and a tick read each
/// cold, one cache miss after another (about 25 per due case,
/// docs/performance-history.md "Sixth pass"). Read here, in one loop whose reads
/// do not wait on each other, the misses overlap, and the tick that
/// follows finds the lines in the cache ("Eighth pass": the fields read
/// after this loop missed 7.8 times per due case before they were read
/// here too). What is read is summed only so that the reads are not
/// optimized away.
fn read_ahead(stored: &Stored) -> u64 {
    let Some(case) = stored.folded.as_deref() else {
        return 0;
    };
    let clocks = case.clocks.iter().fold(0u64, |sum, c| {
        sum.wrapping_add(c.total_seconds.unsigned_abs())
            .wrapping_add(u64::from(c.warned.first().copied().unwrap_or(0)))
            .wrapping_add(u64::from(c.breached))
            .wrapping_add(u64::from(c.round ^ c.period))
            .wrapping_add(c.milestone.as_str().len() as u64)
            .wrapping_add(c.level.as_str().len() as u64)
            .wrapping_add(u64::from(matches!(c.state, ClockState::Running)))
            .wrapping_add(
                c.deadline
                    .as_ref()
                    .map_or(0, |d| d.at.timestamp().unsigned_abs()),
            )
    });
    // What the tick reads of the case beside its clocks: the policy it is
    // judged by, its level and round, the extension, escalations taken.
    let fields = [
        case.policy_id.as_str().len(),
        case.policy_version.as_str().len(),
        case.level.as_ref().map_or(0, |l| l.as_str().len()),
        case.round as usize,
        case.repeat_count as usize,
        case.escalations.len(),
        usize::from(case.extension.is_some()),
        usize::from(case.assignment.is_some()),
        usize::from(case.findings.is_some()),
        case.found_facts.len(),
        case.id.as_str().len(),
    ]
    .iter()
    .fold(0u64, |sum, &n| sum.wrapping_add(n as u64));
    // A breach's owner is looked up among the first responder and the
    // participants, by their ids' text.
    let staff = case
        .complaint
        .first_responder
        .iter()
        .chain(case.participants.iter())
        .fold(0u64, |sum, s| {
            sum.wrapping_add(u64::from(
                s.as_str().as_bytes().first().copied().unwrap_or(0),
            ))
        });
    clocks
        .wrapping_add(fields)
        .wrapping_add(staff)
        .wrapping_add(case.version)
        .wrapping_add(case.updated_at.timestamp().unsigned_abs())
        .wrapping_add(u64::from(case.status.is_open()))
        .wrapping_add(stored.positions.len() as u64)
}

/// Records on `stored` (the case at `index`) its events written at log
/// indexes from `first` (`check` saw them fit in a `u32` and continue the
/// case; `registered`: they start it), and whether it stays `open` and when
/// it is `next_due`; returns its new due index entry.
fn record(
    stored: &mut Stored,
    index: u32,
    first: u32,
    events: &[Event],
    registered: bool,
    open: bool,
    next_due: Option<DateTime<Utc>>,
) -> Option<DueKey> {
    let after = first.saturating_add(u32::try_from(events.len()).unwrap_or(u32::MAX));
    stored.positions.extend(first..after);
    // The events continue the case: apply is the whole fold.
    if registered {
        stored.folded = Case::replay_events(events).ok().map(Box::new);
    } else if let Some(case) = &mut stored.folded {
        for e in events {
            case.apply(e);
        }
    }
    stored.open = open;
    stored.next_due = next_due.filter(|_| open);
    stored.next_due.map(|at| due_key(at, index))
}

/// The memory store's limit: 2^32 cases, and 2^32 events in all.
fn place(n: usize) -> Result<u32, StoreError> {
    u32::try_from(n)
        .map_err(|_| StoreError::backend("the memory store is full (2^32 cases or events)"))
}

impl Inner {
    fn id(&self, index: u32) -> Result<CaseId, StoreError> {
        self.cases
            .get(index as usize)
            .map(|s| s.id.clone())
            .ok_or_else(|| StoreError::backend("the memory store's index is inconsistent"))
    }

    fn get(&self, case: &CaseId) -> Option<&Stored> {
        self.index
            .get(case)
            .and_then(|&i| self.cases.get(i as usize))
    }

    /// Everything that can refuse, before anything changes; the case's
    /// place, if it is stored.
    fn check(&self, batch: &Batch) -> Result<Option<u32>, StoreError> {
        let place = self.index.get(&batch.case_id).copied();
        self.check_at(batch, place)?;
        Ok(place)
    }

    /// [`Inner::check`] of a batch for the case at `place` (`None`: a new case).
    fn check_at(&self, batch: &Batch, place: Option<u32>) -> Result<(), StoreError> {
        let stored = place.and_then(|i| self.cases.get(i as usize));
        let actual = stored.map_or(0, |s| u64::try_from(s.positions.len()).unwrap_or(u64::MAX));
        if actual != batch.expected_version {
            return Err(StoreError::Conflict {
                case: batch.case_id.clone(),
                expected: batch.expected_version,
                actual,
            });
        }
        if let Some((id, _)) = &batch.command
            && stored.is_some_and(|s| s.commands.get(id).is_some())
        {
            return Err(StoreError::DuplicateCommand {
                case: batch.case_id.clone(),
                command: id.clone(),
            });
        }
        batch.check()?;
        self::place(self.log.len().saturating_add(batch.events.len()))?;
        if place.is_none() {
            self::place(self.cases.len())?;
        }
        Ok(())
    }

    /// Writes a copy of a batch `check` accepted; `place` is what it returned.
    fn write(&mut self, batch: &Batch, place: Option<u32>) -> Result<u64, StoreError> {
        self.write_events(batch, batch.events.clone(), place)
    }

    /// Writes a batch `check` accepted, keeping `events` (the batch's,
    /// taken out of it: `batch.events` is not read) rather than a copy.
    fn write_events(
        &mut self,
        batch: &Batch,
        events: Vec<Event>,
        place: Option<u32>,
    ) -> Result<u64, StoreError> {
        // `check` saw the batch's events fit after the log's.
        let first = self::place(self.log.len())?;
        let index = match place {
            Some(i) => i,
            None => {
                let i = self::place(self.cases.len())?;
                self.index.insert(batch.case_id.clone(), i);
                self.cases.push(Stored {
                    id: batch.case_id.clone(),
                    positions: Positions::new(),
                    commands: Commands::default(),
                    snapshot: None,
                    folded: None,
                    open: false,
                    next_due: None,
                    due_slot: 0,
                });
                i
            }
        };
        if let Some(at) = self.cases.get(index as usize).and_then(|s| s.next_due) {
            self.due.remove(due_key(at, index), &mut self.cases);
        }
        let stored = self
            .cases
            .get_mut(index as usize)
            .ok_or_else(|| StoreError::backend("the memory store's index is inconsistent"))?;
        let count = u64::try_from(events.len()).unwrap_or(u64::MAX);
        if let Some((id, hash)) = &batch.command {
            if batch.expected_version == 0 {
                self.registrations.entry(id.clone()).or_insert(index);
            }
            stored.commands.insert(CommandRecord {
                command_id: id.clone(),
                hash: *hash,
                first_version: batch.expected_version + 1,
                last_version: batch.expected_version.saturating_add(count),
            });
        }
        let due = record(
            stored,
            index,
            first,
            &events,
            batch.expected_version == 0,
            batch.open,
            batch.next_due,
        );
        // The folded case is a snapshot at every version: keep no other.
        if let Some(snapshot) = batch.snapshot.as_ref().filter(|_| stored.folded.is_none()) {
            stored.snapshot = Some(snapshot.clone());
        }
        if let Some(key) = due {
            self.due.insert(key, &mut self.cases);
        }
        self.log.push(events)?;
        Ok(self.log.len() as u64)
    }

    /// Writes the events a tick decided on the case at `place` (whose due
    /// entry was taken out of the index), `events[start..]`, into the batch
    /// the log is filling ([`Log::note`]): checked as [`Inner::check_at`]
    /// checks a batch, and nothing changes if they are refused. Returns the
    /// global position of the last of them.
    fn write_ticked(
        &mut self,
        place: u32,
        events: &[Event],
        after: AfterTick,
    ) -> Result<u64, StoreError> {
        let stored = self
            .cases
            .get_mut(place as usize)
            .ok_or_else(inconsistent)?;
        let expected = u64::try_from(stored.positions.len()).unwrap_or(u64::MAX);
        check_events(&stored.id, expected, events)?;
        let first = self::place(self.log.len())?;
        self::place(self.log.len().saturating_add(events.len()))?;
        let due = record(
            stored,
            place,
            first,
            events,
            false,
            after.open,
            after.next_due,
        );
        if let Some(key) = due {
            self.due.insert(key, &mut self.cases);
        }
        self.log.note(events.len());
        Ok(self.log.len() as u64)
    }

    /// Takes the entries due at or before `now` out of the due index,
    /// earliest first.
    fn take_due(&mut self, now: DateTime<Utc>) -> Vec<DueKey> {
        self.due
            .take_through(due_key(now, u32::MAX), &mut self.cases)
    }

    /// Writes what a tick decided on the case at `place`, whose due entry
    /// was taken out of the index ([`Store::decide_due`]): its events are
    /// `events[start..]`, and are taken back out when nothing is written.
    fn write_decided<E: From<StoreError>>(
        &mut self,
        place: u32,
        decision: Decision<E>,
        events: &mut Vec<Event>,
        start: usize,
    ) -> Result<DueDecided, E> {
        let written = match decision {
            Decision::NotFolded => Ok(DueDecided::NotFolded),
            Decision::Decided(Ok(None)) => Ok(DueDecided::Nothing),
            Decision::Decided(Err(e)) => Err(e),
            Decision::Decided(Ok(Some(after))) => self
                .write_ticked(place, events.get(start..).unwrap_or_default(), after)
                .map(|position| DueDecided::Written {
                    // Their list is shared once the tick's is complete.
                    events: Appended {
                        list: None,
                        start,
                        end: events.len(),
                    },
                    position,
                })
                .map_err(E::from),
        };
        if !matches!(written, Ok(DueDecided::Written { .. })) {
            events.truncate(start);
        }
        written
    }
}

/// What `decide` gave for one due case, before it is written (its events
/// appended to the tick's list).
enum Decision<E> {
    /// The store holds the case unfolded.
    NotFolded,
    /// What the case's events leave (`None`: nothing to write), or why not.
    Decided(Result<Option<AfterTick>, E>),
}

/// Calls `decide` on the folded case at `place`, its events appended to
/// `events` (nothing appended unless it decided some).
fn decision<E: From<StoreError>>(
    cases: &[Stored],
    place: u32,
    decide: &impl Fn(&Case, &mut Vec<Event>) -> Result<Option<AfterTick>, E>,
    events: &mut Vec<Event>,
) -> Decision<E> {
    let start = events.len();
    let decided = match cases.get(place as usize).map(|s| s.folded.as_deref()) {
        Some(Some(case)) => decide(case, events),
        Some(None) => return Decision::NotFolded,
        None => Err(inconsistent().into()),
    };
    if !matches!(decided, Ok(Some(_))) {
        events.truncate(start);
    }
    Decision::Decided(decided)
}

/// Due cases decided on several threads together, then written: enough
/// that starting the threads (tens of microseconds) is a small part of a
/// block, few enough that a block's cases are still in the cache when
/// written.
const DUE_BLOCK: usize = 1024;

/// One thread's share of a block: each case's decision and how many events
/// it appended, and those events.
type Share<E> = (Vec<(Decision<E>, usize)>, Vec<Event>);

/// `decide` on each case at `places`, on up to `threads` threads (this
/// one included): each thread's share, in the order of `places`.
fn decisions<E: From<StoreError> + Send>(
    cases: &[Stored],
    places: &[u32],
    threads: usize,
    decide: &(impl Fn(&Case, &mut Vec<Event>) -> Result<Option<AfterTick>, E> + Sync),
) -> Vec<Share<E>> {
    let share = places.len().div_ceil(threads.max(1)).max(1);
    let decide_all = |part: &[u32]| -> Share<E> {
        let mut events = Vec::new();
        let decided = part
            .iter()
            .map(|&p| {
                let start = events.len();
                let decision = decision(cases, p, decide, &mut events);
                (decision, events.len() - start)
            })
            .collect();
        (decided, events)
    };
    std::thread::scope(|scope| {
        let mut parts = places.chunks(share);
        let first = parts.next().unwrap_or_default();
        let others: Vec<_> = parts
            .map(|part| scope.spawn(move || decide_all(part)))
            .collect();
        let mut out = vec![decide_all(first)];
        for other in others {
            // A decider that panicked panics here, as on one thread.
            out.push(
                other
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            );
        }
        out
    })
}

impl Store for MemoryStore {
    fn append(&mut self, batch: &Batch) -> Result<u64, StoreError> {
        let mut inner = self.lock()?;
        let place = inner.check(batch)?;
        inner.write(batch, place)
    }

    fn file<E: From<StoreError>>(
        &mut self,
        month: Month,
        build: impl FnOnce(u32) -> Result<Batch, E>,
    ) -> Result<(Batch, u64), E> {
        // The lock is the transaction: no other filing takes a number until
        // this one is written or given up.
        let mut inner = self.lock()?;
        let seq = inner
            .sequences
            .get(&month)
            .copied()
            .unwrap_or(0)
            .checked_add(1)
            .ok_or_else(|| StoreError::backend("the month's sequence overflowed"))?;
        let batch = build(seq)?;
        if batch.expected_version != 0 {
            return Err(StoreError::Malformed {
                case: batch.case_id,
                message: "a filing starts a case (expected version 0)".to_owned(),
            }
            .into());
        }
        if let Some((id, _)) = &batch.command
            && let Some(&opened) = inner.registrations.get(id)
        {
            return Err(StoreError::DuplicateCommand {
                case: inner.id(opened)?,
                command: id.clone(),
            }
            .into());
        }
        let place = inner.check(&batch)?;
        let position = inner.write(&batch, place)?;
        inner.sequences.insert(month, seq);
        Ok((batch, position))
    }

    fn load(&self, case: &CaseId) -> Result<Vec<Event>, StoreError> {
        let inner = self.lock()?;
        match inner.get(case) {
            Some(stored) => inner.log.copied(&stored.positions),
            None => Ok(Vec::new()),
        }
    }

    fn load_latest(&self, case: &CaseId) -> Result<Latest, StoreError> {
        let inner = self.lock()?;
        let Some(stored) = inner.get(case) else {
            return Ok(Latest::default());
        };
        if let Some(folded) = &stored.folded {
            return Ok(Latest {
                snapshot: Some(Case::clone(folded)),
                events: Vec::new(),
            });
        }
        let Some(snapshot) = &stored.snapshot else {
            return Ok(Latest {
                snapshot: None,
                events: inner.log.copied(&stored.positions)?,
            });
        };
        let after = usize::try_from(snapshot.version).unwrap_or(usize::MAX);
        Ok(Latest {
            snapshot: Some(Case::clone(snapshot)),
            events: inner
                .log
                .copied(stored.positions.get(after..).unwrap_or_default())?,
        })
    }

    fn decide_folded<E: From<StoreError>>(
        &mut self,
        case: &CaseId,
        decide: impl FnOnce(&Case) -> Result<Option<Batch>, E>,
    ) -> Result<Decided, E> {
        let mut inner = self.lock()?;
        let Some(&place) = inner.index.get(case) else {
            return Ok(Decided::NotFolded);
        };
        let Some(folded) = inner
            .cases
            .get(place as usize)
            .and_then(|s| s.folded.as_deref())
        else {
            return Ok(Decided::NotFolded);
        };
        let Some(batch) = decide(folded)? else {
            return Ok(Decided::Nothing);
        };
        if batch.case_id != *case {
            return Err(StoreError::Malformed {
                case: case.clone(),
                message: format!("the batch decided on it is for case {}", batch.case_id),
            }
            .into());
        }
        inner.check_at(&batch, Some(place))?;
        let position = inner.write(&batch, Some(place))?;
        Ok(Decided::Written { batch, position })
    }

    fn decide_due<E: From<StoreError> + Send>(
        &mut self,
        now: DateTime<Utc>,
        threads: usize,
        decide: impl Fn(&Case, &mut Vec<Event>) -> Result<Option<AfterTick>, E> + Sync,
    ) -> Result<Option<DueOutcomes<E>>, StoreError> {
        let mut guard = self.lock()?;
        let inner = &mut *guard;
        let expired = inner.take_due(now);
        // Every entry names a case (else nothing changes), and what its
        // tick reads first is read ahead, as `due` does.
        let mut read = 0u64;
        let mut cases = Vec::with_capacity(expired.len());
        for &key in &expired {
            let Some(stored) = inner.cases.get(place_of(key) as usize) else {
                break;
            };
            read = read.wrapping_add(read_ahead(stored));
            cases.push(stored.id.clone());
        }
        std::hint::black_box(read);
        if cases.len() < expired.len() {
            inner.due.put_back(expired, &mut inner.cases);
            return Err(StoreError::backend(
                "the memory store's due index is inconsistent",
            ));
        }
        let keys = expired;
        // Every written case's events, in the order written: the log keeps
        // this one list (one allocation per tick, not two per case), and
        // the report shares it. Most ticks write one or two events a case.
        let mut events = Vec::with_capacity(keys.len().saturating_mul(2));
        let mut outcomes = Vec::with_capacity(keys.len());
        let mut kept = Vec::new();
        let mut write =
            |inner: &mut Inner, key: DueKey, decision, events: &mut Vec<Event>, start| {
                let outcome = inner.write_decided(place_of(key), decision, events, start);
                // What wrote nothing stays due, as it was.
                if !matches!(outcome, Ok(DueDecided::Written { .. })) {
                    kept.push(key);
                }
                outcome
            };
        if threads <= 1 {
            // Each case decided and written in turn, while it is in the cache.
            for (&key, id) in keys.iter().zip(cases) {
                let start = events.len();
                let decision = decision(&inner.cases, place_of(key), &decide, &mut events);
                outcomes.push((id, write(inner, key, decision, &mut events, start)));
            }
        } else {
            let mut cases = cases.into_iter();
            for block in keys.chunks(DUE_BLOCK) {
                let places: Vec<u32> = block.iter().map(|&k| place_of(k)).collect();
                let shares = decisions(&inner.cases, &places, threads, &decide);
                let mut block = block.iter();
                for (decided, share) in shares {
                    let mut share = share.into_iter();
                    let owned = block.by_ref().zip(cases.by_ref());
                    for ((decision, n), (&key, id)) in decided.into_iter().zip(owned) {
                        let start = events.len();
                        events.extend(share.by_ref().take(n));
                        outcomes.push((id, write(inner, key, decision, &mut events, start)));
                    }
                }
            }
        }
        inner.due.put_back(kept, &mut inner.cases);
        let shared = inner.log.seal(events);
        for (_, outcome) in &mut outcomes {
            if let Ok(DueDecided::Written { events, .. }) = outcome {
                events.list.clone_from(&shared);
            }
        }
        Ok(Some(outcomes))
    }

    fn load_range(&self, case: &CaseId, from: u64, to: u64) -> Result<Vec<Event>, StoreError> {
        let inner = self.lock()?;
        let Some(stored) = inner.get(case) else {
            return Ok(Vec::new());
        };
        let start = usize::try_from(from.saturating_sub(1)).unwrap_or(usize::MAX);
        let end = usize::try_from(to)
            .unwrap_or(usize::MAX)
            .min(stored.positions.len());
        inner
            .log
            .copied(stored.positions.get(start..end).unwrap_or_default())
    }

    fn command(
        &self,
        case: &CaseId,
        command: &CommandId,
    ) -> Result<Option<CommandRecord>, StoreError> {
        Ok(self
            .lock()?
            .get(case)
            .and_then(|s| s.commands.get(command))
            .cloned())
    }

    fn registered_by(&self, command: &CommandId) -> Result<Option<CaseId>, StoreError> {
        let inner = self.lock()?;
        inner
            .registrations
            .get(command)
            .map(|&index| inner.id(index))
            .transpose()
    }

    fn case_ids(&self) -> Result<Vec<CaseId>, StoreError> {
        let mut ids: Vec<CaseId> = self.lock()?.cases.iter().map(|s| s.id.clone()).collect();
        ids.sort_unstable();
        Ok(ids)
    }

    fn open_cases(&self) -> Result<Vec<CaseId>, StoreError> {
        let mut ids: Vec<CaseId> = self
            .lock()?
            .cases
            .iter()
            .filter(|s| s.open)
            .map(|s| s.id.clone())
            .collect();
        ids.sort_unstable();
        Ok(ids)
    }

    fn due(&self, now: DateTime<Utc>, limit: usize) -> Result<Vec<CaseId>, StoreError> {
        let inner = self.lock()?;
        let mut read = 0u64;
        let due = inner
            .due
            .through(due_key(now, u32::MAX), limit)
            .into_iter()
            .map(|key| {
                let stored = inner.cases.get(place_of(key) as usize).ok_or_else(|| {
                    StoreError::backend("the memory store's due index is inconsistent")
                })?;
                read = read.wrapping_add(read_ahead(stored));
                Ok(stored.id.clone())
            })
            .collect();
        std::hint::black_box(read);
        due
    }

    fn events_since(&self, after: u64, limit: usize) -> Result<Vec<Positioned>, StoreError> {
        let inner = self.lock()?;
        let start = usize::try_from(after).unwrap_or(usize::MAX);
        let end = start.saturating_add(limit).min(inner.log.len());
        (start..end)
            .map(|i| {
                let event = inner.log.get(place(i)?).cloned().ok_or_else(inconsistent)?;
                Ok(Positioned {
                    position: i as u64 + 1,
                    event,
                })
            })
            .collect()
    }
}
