//! An embedded SQLite [`Store`] for tousu: the default for a program that
//! keeps its cases in one file.
//!
//! One file holds each case's events (keyed by case id and version), the
//! commands applied with their hashes, the monthly complaint numbers, a
//! global gap-free position, snapshots and the due index; the schema is
//! shipped as migrations ([`MIGRATIONS`]) applied on open. Every write is
//! one `BEGIN IMMEDIATE` transaction, so writers on several connections (or
//! processes) to one file are serialized by SQLite and a failed write leaves
//! nothing behind. docs/stores.md describes the schema.
//!
//! ```
//! use tousu::prelude::*;
//! use tousu_store_sqlite::SqliteStore;
//!
//! let dir = tempfile::tempdir()?;
//! let store = SqliteStore::open(dir.path().join("cases.db"))?;
//! assert!(store.case_ids()?.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Links the system's libsqlite3 (3.35 or newer) unless the `bundled`
//! feature compiles SQLite in.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::print_stdout,
        clippy::print_stderr
    )
)]
#![doc(test(attr(deny(warnings))))]

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use tousu::model::{CaseId, CommandId};
use tousu::workflow::{Case, Event};
use tousu::{
    Batch, BulkRow, CommandHash, CommandRecord, Latest, Month, Positioned, Store, StoreError,
    check_not_torn, instant_nanos, latest_in_bulk,
};

/// The schema, as numbered migrations applied in order on open.
pub const MIGRATIONS: &[(u32, &str)] = &[
    (1, include_str!("../migrations/0001_schema.sql")),
    (2, include_str!("../migrations/0002_registrations.sql")),
];

/// The case a command id opened (matches the partial index
/// `tousu_commands_registrations`).
const REGISTERED_BY: &str =
    "SELECT case_id FROM tousu_commands WHERE command_id = ?1 AND first_version = 1 LIMIT 1";

/// How long a writer waits for another connection's transaction.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Cases in an SQLite database.
#[derive(Debug)]
pub struct SqliteStore {
    conn: Connection,
    path: Option<PathBuf>,
}

fn backend(e: impl std::error::Error + Send + Sync + 'static) -> StoreError {
    StoreError::Backend(Box::new(e))
}

fn to_u64(v: i64) -> Result<u64, StoreError> {
    u64::try_from(v).map_err(|_| StoreError::backend(format!("a stored count is negative: {v}")))
}

fn to_i64(v: u64) -> Result<i64, StoreError> {
    i64::try_from(v).map_err(|_| StoreError::backend(format!("{v} is too large for SQLite")))
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and brings its
    /// schema up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let path = path.as_ref().to_path_buf();
        let conn = Connection::open(&path).map_err(backend)?;
        // WAL lets readers go on while one connection writes.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(backend)?;
        Self::init(conn, Some(path))
    }

    /// A private database in memory (for tests and throwaway runs).
    pub fn open_in_memory() -> Result<Self, StoreError> {
        Self::init(Connection::open_in_memory().map_err(backend)?, None)
    }

    fn init(mut conn: Connection, path: Option<PathBuf>) -> Result<Self, StoreError> {
        conn.busy_timeout(BUSY_TIMEOUT).map_err(backend)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(backend)?;
        // Room for every statement the store runs (about twenty), so that
        // none is evicted and parsed again.
        conn.set_prepared_statement_cache_capacity(32);
        migrate(&mut conn)?;
        Ok(SqliteStore { conn, path })
    }

    /// Another connection to the same file (`None` for an in-memory store).
    pub fn reopen(&self) -> Result<Option<Self>, StoreError> {
        self.path.as_ref().map(Self::open).transpose()
    }

    /// The file, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The connection, for reading the tables directly (reports, backups).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    fn events(&self, sql: &str, args: impl rusqlite::Params) -> Result<Vec<Event>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(backend)?;
        let rows = stmt
            .query_map(args, |r| r.get::<_, String>(0))
            .map_err(backend)?;
        rows.map(|body| serde_json::from_str(&body.map_err(backend)?).map_err(backend))
            .collect()
    }

    /// The rows of a bulk read: the case's place (column 0, `json_each`'s
    /// key) and what `value` reads from the rest.
    fn bulk<T>(
        &self,
        sql: &str,
        args: impl rusqlite::Params,
        value: impl Fn(&rusqlite::Row<'_>) -> Result<T, StoreError>,
    ) -> Result<Vec<BulkRow<T>>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(backend)?;
        let mut rows = stmt.query(args).map_err(backend)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(backend)? {
            let place = usize::try_from(row.get::<_, i64>(0).map_err(backend)?).map_err(backend)?;
            out.push((place, value(row)?));
        }
        Ok(out)
    }

    /// The last stored (version, batch_end) of a case.
    fn last_marker(&self, case: &CaseId) -> Result<Option<(u64, u64)>, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT version, batch_end FROM tousu_events WHERE case_id = ?1 ORDER BY version DESC LIMIT 1",
            )
            .map_err(backend)?
            .query_row([case.as_str()], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))
            .optional()
            .map_err(backend)?
            .map(|(v, b)| Ok((to_u64(v)?, to_u64(b)?)))
            .transpose()
    }
}

/// The ids of `cases` as text, for a bulk read's JSON array.
fn ids_of(cases: &[CaseId]) -> impl Iterator<Item = &str> {
    cases.iter().map(CaseId::as_str)
}

/// Applies the migrations not yet applied, each in its own transaction.
fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS tousu_migrations (version INTEGER NOT NULL PRIMARY KEY)",
    )
    .map_err(backend)?;
    for (version, sql) in MIGRATIONS {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(backend)?;
        let done: bool = tx
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM tousu_migrations WHERE version = ?1)",
                [version],
                |r| r.get(0),
            )
            .map_err(backend)?;
        if !done {
            tx.execute_batch(sql).map_err(backend)?;
            tx.execute(
                "INSERT INTO tousu_migrations (version) VALUES (?1)",
                [version],
            )
            .map_err(backend)?;
        }
        tx.commit().map_err(backend)?;
    }
    Ok(())
}

/// Writes a checked batch inside a transaction or savepoint `tx`; returns
/// the last event's position.
/// `sql` from the connection's statement cache: parsed once, not at every
/// write.
fn cached<'c>(tx: &'c Connection, sql: &str) -> Result<rusqlite::CachedStatement<'c>, StoreError> {
    tx.prepare_cached(sql).map_err(backend)
}

fn write(tx: &Connection, batch: &Batch) -> Result<u64, StoreError> {
    let case = batch.case_id.as_str();
    let actual: i64 = cached(tx, "SELECT version FROM tousu_cases WHERE case_id = ?1")?
        .query_row([case], |r| r.get(0))
        .optional()
        .map_err(backend)?
        .unwrap_or(0);
    let actual = to_u64(actual)?;
    if actual != batch.expected_version {
        return Err(StoreError::Conflict {
            case: batch.case_id.clone(),
            expected: batch.expected_version,
            actual,
        });
    }
    let count = to_i64(u64::try_from(batch.events.len()).unwrap_or(u64::MAX))?;
    let last_position: i64 = cached(
        tx,
        "UPDATE tousu_position SET last = last + ?1 WHERE id = 1 RETURNING last",
    )?
    .query_row([count], |r| r.get(0))
    .map_err(backend)?;
    let batch_end = to_i64(batch.last_version())?;
    {
        let mut insert = tx
            .prepare_cached(
                "INSERT INTO tousu_events (case_id, version, position, batch_end, command_id, at, body)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )
            .map_err(backend)?;
        for (e, position) in batch.events.iter().zip(last_position - count + 1..) {
            let body = serde_json::to_string(e).map_err(backend)?;
            insert
                .execute(params![
                    case,
                    to_i64(e.version)?,
                    position,
                    batch_end,
                    e.command_id.as_ref().map(CommandId::as_str),
                    e.at.to_rfc3339(),
                    body
                ])
                .map_err(backend)?;
        }
    }
    if let Some((id, hash)) = &batch.command {
        let inserted = cached(
            tx,
            "INSERT INTO tousu_commands (case_id, command_id, hash, first_version, last_version)
                 VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
        )?
        .execute(params![
            case,
            id.as_str(),
            hash.to_text(),
            to_i64(batch.expected_version + 1)?,
            batch_end
        ])
        .map_err(backend)?;
        if inserted == 0 {
            // The events above are rolled back with the transaction.
            return Err(StoreError::DuplicateCommand {
                case: batch.case_id.clone(),
                command: id.clone(),
            });
        }
    }
    let next_due = batch
        .next_due
        .filter(|_| batch.open)
        .map(instant_nanos)
        .transpose()?;
    cached(tx, "INSERT INTO tousu_cases (case_id, version, open, next_due) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (case_id) DO UPDATE SET version = excluded.version, open = excluded.open, next_due = excluded.next_due")?.execute(
        params![case, batch_end, batch.open, next_due],
    )
    .map_err(backend)?;
    if let Some(snapshot) = &batch.snapshot {
        let body = serde_json::to_string(snapshot).map_err(backend)?;
        cached(
            tx,
            "INSERT INTO tousu_snapshots (case_id, version, body) VALUES (?1, ?2, ?3)
             ON CONFLICT (case_id) DO UPDATE SET version = excluded.version, body = excluded.body",
        )?
        .execute(params![case, batch_end, body])
        .map_err(backend)?;
    }
    to_u64(last_position)
}

impl Store for SqliteStore {
    fn append(&mut self, batch: &Batch) -> Result<u64, StoreError> {
        batch.check()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(backend)?;
        let position = write(&tx, batch)?;
        tx.commit().map_err(backend)?;
        Ok(position)
    }

    /// One `BEGIN IMMEDIATE` transaction for all of `batches`, each written
    /// in a savepoint of its own, rolled back alone when it is refused.
    fn append_all(
        &mut self,
        batches: &[Batch],
    ) -> Result<Vec<Result<u64, StoreError>>, StoreError> {
        let mut tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(backend)?;
        let outcomes = batches
            .iter()
            .map(|batch| {
                batch.check()?;
                // Dropped uncommitted, a savepoint rolls back to where it began.
                let savepoint = tx.savepoint().map_err(backend)?;
                let position = write(&savepoint, batch)?;
                savepoint.commit().map_err(backend)?;
                Ok(position)
            })
            .collect();
        tx.commit().map_err(backend)?;
        Ok(outcomes)
    }

    fn file<E: From<StoreError>>(
        &mut self,
        month: Month,
        build: impl FnOnce(u32) -> Result<Batch, E>,
    ) -> Result<(Batch, u64), E> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(backend)?;
        let seq: i64 = tx
            .query_row(
                "INSERT INTO tousu_sequences (year, month, last) VALUES (?1, ?2, 1)
                 ON CONFLICT (year, month) DO UPDATE SET last = last + 1 RETURNING last",
                params![month.year(), month.month()],
                |r| r.get(0),
            )
            .map_err(backend)?;
        let seq = u32::try_from(seq)
            .map_err(|_| StoreError::backend(format!("the month's sequence is at {seq}")))?;
        // On any error below the transaction is dropped: rolled back, number and all.
        let batch = build(seq)?;
        if batch.expected_version != 0 {
            return Err(StoreError::Malformed {
                case: batch.case_id,
                message: "a filing starts a case (expected version 0)".to_owned(),
            }
            .into());
        }
        batch.check()?;
        if let Some((id, _)) = &batch.command {
            // Inside the transaction: a racing retry waits for this one.
            let opened: Option<String> = tx
                .query_row(REGISTERED_BY, [id.as_str()], |r| r.get(0))
                .optional()
                .map_err(backend)?;
            if let Some(case) = opened {
                return Err(StoreError::DuplicateCommand {
                    case: CaseId::new(case).map_err(backend)?,
                    command: id.clone(),
                }
                .into());
            }
        }
        let position = write(&tx, &batch)?;
        tx.commit().map_err(backend)?;
        Ok((batch, position))
    }

    fn load(&self, case: &CaseId) -> Result<Vec<Event>, StoreError> {
        check_not_torn(case, self.last_marker(case)?)?;
        self.events(
            "SELECT body FROM tousu_events WHERE case_id = ?1 ORDER BY version",
            [case.as_str()],
        )
    }

    fn load_latest(&self, case: &CaseId) -> Result<Latest, StoreError> {
        check_not_torn(case, self.last_marker(case)?)?;
        let stored: Option<String> = self
            .conn
            .prepare_cached("SELECT body FROM tousu_snapshots WHERE case_id = ?1")
            .map_err(backend)?
            .query_row([case.as_str()], |r| r.get(0))
            .optional()
            .map_err(backend)?;
        // A snapshot this version cannot read is ignored: the events are the truth.
        let snapshot = stored.and_then(|body| serde_json::from_str::<Case>(&body).ok());
        let after = to_i64(snapshot.as_ref().map_or(0, |c| c.version))?;
        let events = self.events(
            "SELECT body FROM tousu_events WHERE case_id = ?1 AND version > ?2 ORDER BY version",
            params![case.as_str(), after],
        )?;
        Ok(Latest { snapshot, events })
    }

    /// Three queries for all of `cases`, in one read transaction (so the
    /// three see the same moment): the cases go in as a JSON array, each
    /// row comes back with its case's place in it.
    fn load_latest_all(
        &self,
        cases: &[CaseId],
    ) -> Result<Vec<Result<Latest, StoreError>>, StoreError> {
        let ids = serde_json::to_string(&ids_of(cases).collect::<Vec<_>>()).map_err(backend)?;
        let tx = self.conn.unchecked_transaction().map_err(backend)?;
        let markers = self.bulk(
            "SELECT j.key, e.version, e.batch_end FROM json_each(?1) j
             JOIN tousu_events e ON e.case_id = j.value
              AND e.version = (SELECT MAX(version) FROM tousu_events WHERE case_id = j.value)",
            [&ids],
            |r| {
                Ok((
                    to_u64(r.get(1).map_err(backend)?)?,
                    to_u64(r.get(2).map_err(backend)?)?,
                ))
            },
        )?;
        let snapshots = self.bulk(
            "SELECT j.key, s.body FROM json_each(?1) j JOIN tousu_snapshots s ON s.case_id = j.value",
            [&ids],
            |r| r.get(1).map_err(backend),
        )?;
        let latest = latest_in_bulk(cases, markers, snapshots, |after| {
            let wanted: Vec<(&str, i64)> = ids_of(cases).zip(after.iter().copied()).collect();
            let wanted = serde_json::to_string(&wanted).map_err(backend)?;
            self.bulk(
                "SELECT j.key, e.body FROM json_each(?1) j
                 JOIN tousu_events e ON e.case_id = j.value ->> 0 AND e.version > j.value ->> 1
                 ORDER BY j.key, e.version",
                [&wanted],
                |r| r.get(1).map_err(backend),
            )
        })?;
        tx.finish().map_err(backend)?;
        Ok(latest)
    }

    fn load_range(&self, case: &CaseId, from: u64, to: u64) -> Result<Vec<Event>, StoreError> {
        self.events(
            "SELECT body FROM tousu_events WHERE case_id = ?1 AND version BETWEEN ?2 AND ?3 ORDER BY version",
            params![case.as_str(), to_i64(from)?, to_i64(to)?],
        )
    }

    fn command(
        &self,
        case: &CaseId,
        command: &CommandId,
    ) -> Result<Option<CommandRecord>, StoreError> {
        let row: Option<(String, i64, i64)> = self
            .conn
            .prepare_cached(
                "SELECT hash, first_version, last_version FROM tousu_commands WHERE case_id = ?1 AND command_id = ?2",
            )
            .map_err(backend)?
            .query_row([case.as_str(), command.as_str()], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()
            .map_err(backend)?;
        row.map(|(hash, first, last)| {
            Ok(CommandRecord {
                command_id: command.clone(),
                hash: CommandHash::from_text(&hash)?,
                first_version: to_u64(first)?,
                last_version: to_u64(last)?,
            })
        })
        .transpose()
    }

    fn registered_by(&self, command: &CommandId) -> Result<Option<CaseId>, StoreError> {
        Ok(self.ids(REGISTERED_BY, [command.as_str()])?.pop())
    }

    fn case_ids(&self) -> Result<Vec<CaseId>, StoreError> {
        self.ids("SELECT case_id FROM tousu_cases ORDER BY case_id", [])
    }

    fn open_cases(&self) -> Result<Vec<CaseId>, StoreError> {
        self.ids(
            "SELECT case_id FROM tousu_cases WHERE open = 1 ORDER BY case_id",
            [],
        )
    }

    fn due(&self, now: DateTime<Utc>, limit: usize) -> Result<Vec<CaseId>, StoreError> {
        self.ids(
            DUE_QUERY,
            params![
                instant_nanos(now)?,
                i64::try_from(limit).unwrap_or(i64::MAX)
            ],
        )
    }

    fn events_since(&self, after: u64, limit: usize) -> Result<Vec<Positioned>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT position, body FROM tousu_events WHERE position > ?1 ORDER BY position LIMIT ?2",
            )
            .map_err(backend)?;
        let rows = stmt
            .query_map(
                params![to_i64(after)?, i64::try_from(limit).unwrap_or(i64::MAX)],
                |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
            )
            .map_err(backend)?;
        rows.map(|row| {
            let (position, body) = row.map_err(backend)?;
            Ok(Positioned {
                position: to_u64(position)?,
                event: serde_json::from_str(&body).map_err(backend)?,
            })
        })
        .collect()
    }
}

/// The due query: open cases due at or before `?1`, earliest first. It
/// matches the partial index `tousu_cases_due` (tests/query_plan.rs checks
/// that SQLite uses it).
pub const DUE_QUERY: &str = "SELECT case_id FROM tousu_cases
     WHERE open = 1 AND next_due IS NOT NULL AND next_due <= ?1
     ORDER BY next_due LIMIT ?2";

impl SqliteStore {
    fn ids(&self, sql: &str, args: impl rusqlite::Params) -> Result<Vec<CaseId>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(backend)?;
        let rows = stmt
            .query_map(args, |r| r.get::<_, String>(0))
            .map_err(backend)?;
        rows.map(|id| CaseId::new(id.map_err(backend)?).map_err(backend))
            .collect()
    }
}
