//! A PostgreSQL [`Store`] for tousu: the store an organization runs.
//!
//! The same tables as `tousu-store-sqlite`, shipped as migrations
//! ([`MIGRATIONS`]) applied on connect: events keyed by (case id, version),
//! command records keyed by (case id, command id) with the command's hash,
//! monthly sequences taken with `INSERT … ON CONFLICT … RETURNING` in the
//! registration's transaction, a global position handed out under a row
//! lock (gap-free, in commit order), snapshots, and a partial index of open
//! cases by their next due instant. Every case table has the case id first
//! in its key, so it can be partitioned or distributed by it.
//!
//! The client is the synchronous [`postgres`] crate, because [`Store`] is a
//! synchronous trait; an async application calls the engine inside
//! `tokio::task::spawn_blocking` (docs/stores.md shows how).
//!
//! ```no_run
//! use tousu::prelude::*;
//! use tousu_store_postgres::PgStore;
//!
//! let store = PgStore::connect("host=/run/postgresql user=tousu dbname=complaints")?;
//! assert!(store.case_ids()?.len() < usize::MAX);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
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

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

use chrono::{DateTime, Utc};
use postgres::error::SqlState;
use postgres::types::ToSql;
use postgres::{Client, GenericClient, NoTls, Statement};
use tousu::model::{CaseId, CommandId};
use tousu::workflow::{Case, Event};
use tousu::{
    Batch, BulkRow, CommandHash, CommandRecord, Latest, Month, Positioned, Store, StoreError,
    check_not_torn, instant_nanos, latest_in_bulk,
};

/// The schema, as numbered migrations applied in order on connect.
pub const MIGRATIONS: &[(i32, &str)] = &[
    (1, include_str!("../migrations/0001_schema.sql")),
    (2, include_str!("../migrations/0002_registrations.sql")),
];

/// The case a command id opened (matches the partial index
/// `tousu_commands_registrations`).
const REGISTERED_BY: &str =
    "SELECT case_id FROM tousu_commands WHERE command_id = $1 AND first_version = 1 LIMIT 1";

/// The due query: open cases due at or before `$1`, earliest first. It
/// matches the partial index `tousu_cases_due` (the PostgreSQL tests check
/// that the planner uses it).
pub const DUE_QUERY: &str = "SELECT case_id FROM tousu_cases
     WHERE open AND next_due IS NOT NULL AND next_due <= $1
     ORDER BY next_due LIMIT $2";

/// Cases in a PostgreSQL database, over one connection.
///
/// The connection sits behind a mutex because the synchronous client needs
/// `&mut` even to read, while [`Store`]'s reads take `&self`.
pub struct PgStore {
    client: Mutex<Client>,
    statements: Statements,
    params: String,
    schema: Option<String>,
}

/// The store's statements, prepared once on its connection: SQL text given
/// to the client is parsed again at every call, a round trip of its own
/// before the one that runs it. Named protocol-level statements outlive the
/// transactions they were prepared in, rolled back or not.
#[derive(Default)]
struct Statements(Mutex<HashMap<&'static str, Statement>>);

impl Statements {
    /// Runs `sql`, prepared, on `client`; its row, if any.
    fn query_opt(
        &self,
        client: &mut impl GenericClient,
        sql: &'static str,
        args: &[&(dyn ToSql + Sync)],
    ) -> Result<Option<postgres::Row>, StoreError> {
        let st = self.get(client, sql)?;
        client.query_opt(&st, args).map_err(backend)
    }

    /// Runs `sql`, prepared, on `client`; its one row.
    fn query_one(
        &self,
        client: &mut impl GenericClient,
        sql: &'static str,
        args: &[&(dyn ToSql + Sync)],
    ) -> Result<postgres::Row, StoreError> {
        let st = self.get(client, sql)?;
        client.query_one(&st, args).map_err(backend)
    }

    /// `sql` prepared on `client`'s connection (the store's, or a
    /// transaction on it).
    fn get(
        &self,
        client: &mut impl GenericClient,
        sql: &'static str,
    ) -> Result<Statement, StoreError> {
        let poisoned = || StoreError::backend("a thread panicked while preparing a statement");
        if let Some(st) = self.0.lock().map_err(|_| poisoned())?.get(sql) {
            return Ok(st.clone());
        }
        let st = client.prepare(sql).map_err(backend)?;
        self.0
            .lock()
            .map_err(|_| poisoned())?
            .insert(sql, st.clone());
        Ok(st)
    }
}

impl std::fmt::Debug for PgStore {
    // The connection parameters may hold a password: not shown.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore")
            .field("schema", &self.schema)
            .finish_non_exhaustive()
    }
}

fn backend(e: impl std::error::Error + Send + Sync + 'static) -> StoreError {
    StoreError::Backend(Box::new(e))
}

fn to_u64(v: i64) -> Result<u64, StoreError> {
    u64::try_from(v).map_err(|_| StoreError::backend(format!("a stored count is negative: {v}")))
}

fn to_i64(v: u64) -> Result<i64, StoreError> {
    i64::try_from(v).map_err(|_| StoreError::backend(format!("{v} is too large for a BIGINT")))
}

fn limit(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl PgStore {
    /// Connects (libpq-style `key=value` parameters or a `postgresql://`
    /// URL) and brings the schema up to date.
    pub fn connect(params: &str) -> Result<Self, StoreError> {
        Self::open(params, None)
    }

    /// Like [`PgStore::connect`], with the tables in `schema` (created if
    /// missing; letters, digits and `_` only), e.g. one schema per tenant.
    pub fn connect_in_schema(params: &str, schema: &str) -> Result<Self, StoreError> {
        Self::open(params, Some(schema))
    }

    fn open(params: &str, schema: Option<&str>) -> Result<Self, StoreError> {
        let mut client = Client::connect(params, NoTls).map_err(backend)?;
        if let Some(schema) = schema {
            if schema.is_empty()
                || !schema
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_')
            {
                return Err(StoreError::backend(format!(
                    "schema `{schema}`: use letters, digits and `_` only"
                )));
            }
            client
                .batch_execute(&format!(
                    "CREATE SCHEMA IF NOT EXISTS {schema}; SET search_path TO {schema}"
                ))
                .map_err(backend)?;
        }
        migrate(&mut client)?;
        Ok(PgStore {
            client: Mutex::new(client),
            statements: Statements::default(),
            params: params.to_owned(),
            schema: schema.map(str::to_owned),
        })
    }

    /// Another connection to the same database and schema.
    pub fn reconnect(&self) -> Result<Self, StoreError> {
        Self::open(&self.params, self.schema.as_deref())
    }

    /// The schema given to [`PgStore::connect_in_schema`].
    pub fn schema(&self) -> Option<&str> {
        self.schema.as_deref()
    }

    /// The connection, for reading the tables directly (reports, plans).
    /// The store keeps its statements prepared on it: do not `DISCARD ALL`
    /// or `DEALLOCATE` them.
    pub fn client(&self) -> Result<MutexGuard<'_, Client>, StoreError> {
        self.client
            .lock()
            .map_err(|_| StoreError::backend("a thread panicked while using this connection"))
    }

    /// The rows of the prepared statement `sql`.
    /// [`Store::append_all`] without savepoints, committed; `None`, rolled
    /// back, when a batch's statement failed.
    fn append_all_in_one(
        &self,
        client: &mut Client,
        batches: &[Batch],
    ) -> Result<Option<Vec<Result<u64, StoreError>>>, StoreError> {
        let mut tx = client.transaction().map_err(backend)?;
        lock_cases(&mut tx, &self.statements, batches)?;
        let mut outcomes = Vec::with_capacity(batches.len());
        for batch in batches {
            let outcome = match batch.check() {
                Ok(()) => match write(&mut tx, &self.statements, batch) {
                    Ok(outcome) => outcome,
                    // Dropped uncommitted, the transaction rolls back.
                    Err(_) => return Ok(None),
                },
                Err(e) => Err(e),
            };
            outcomes.push(outcome);
        }
        tx.commit().map_err(backend)?;
        Ok(Some(outcomes))
    }

    /// [`Store::append_all`] with a savepoint per batch: a batch whose
    /// statement fails rolls back to its savepoint alone.
    fn append_all_in_savepoints(
        &self,
        client: &mut Client,
        batches: &[Batch],
    ) -> Result<Vec<Result<u64, StoreError>>, StoreError> {
        let mut tx = client.transaction().map_err(backend)?;
        lock_cases(&mut tx, &self.statements, batches)?;
        let outcomes = batches
            .iter()
            .map(|batch| {
                batch.check()?;
                // Dropped uncommitted, a savepoint rolls back to where it began.
                let mut savepoint = tx.transaction().map_err(backend)?;
                let position = write(&mut savepoint, &self.statements, batch)??;
                savepoint.commit().map_err(backend)?;
                Ok(position)
            })
            .collect();
        tx.commit().map_err(backend)?;
        Ok(outcomes)
    }

    fn rows(
        &self,
        sql: &'static str,
        args: &[&(dyn ToSql + Sync)],
    ) -> Result<Vec<postgres::Row>, StoreError> {
        let mut client = self.client()?;
        let st = self.statements.get(&mut *client, sql)?;
        client.query(&st, args).map_err(backend)
    }

    /// The row, if any, of the prepared statement `sql`.
    fn row(
        &self,
        sql: &'static str,
        args: &[&(dyn ToSql + Sync)],
    ) -> Result<Option<postgres::Row>, StoreError> {
        let mut client = self.client()?;
        let st = self.statements.get(&mut *client, sql)?;
        client.query_opt(&st, args).map_err(backend)
    }

    fn events(
        &self,
        sql: &'static str,
        args: &[&(dyn ToSql + Sync)],
    ) -> Result<Vec<Event>, StoreError> {
        self.rows(sql, args)?
            .iter()
            .map(|row| {
                let body: String = row.try_get(0).map_err(backend)?;
                serde_json::from_str(&body).map_err(backend)
            })
            .collect()
    }

    fn ids(
        &self,
        sql: &'static str,
        args: &[&(dyn ToSql + Sync)],
    ) -> Result<Vec<CaseId>, StoreError> {
        self.rows(sql, args)?
            .iter()
            .map(|row| {
                let id: String = row.try_get(0).map_err(backend)?;
                CaseId::new(id).map_err(backend)
            })
            .collect()
    }

    fn last_marker(&self, case: &CaseId) -> Result<Option<(u64, u64)>, StoreError> {
        let row = self.row(
            "SELECT version, batch_end FROM tousu_events WHERE case_id = $1 ORDER BY version DESC LIMIT 1",
            &[&case.as_str()],
        )?;
        row.map(|r| {
            let v: i64 = r.try_get(0).map_err(backend)?;
            let b: i64 = r.try_get(1).map_err(backend)?;
            Ok((to_u64(v)?, to_u64(b)?))
        })
        .transpose()
    }
}

/// The rows of a bulk read on `client`: the case's place (column 0,
/// `WITH ORDINALITY`'s, from 1) and what `value` reads from the rest.
fn bulk<T>(
    client: &mut impl GenericClient,
    statements: &Statements,
    sql: &'static str,
    args: &[&(dyn ToSql + Sync)],
    value: impl Fn(&postgres::Row) -> Result<T, StoreError>,
) -> Result<Vec<BulkRow<T>>, StoreError> {
    let st = statements.get(client, sql)?;
    client
        .query(&st, args)
        .map_err(backend)?
        .iter()
        .map(|row| {
            let place: i64 = row.try_get(0).map_err(backend)?;
            let place = usize::try_from(place - 1).map_err(backend)?;
            Ok((place, value(row)?))
        })
        .collect()
}

/// Applies the migrations not yet applied, under an advisory lock so that
/// two processes starting at once do not both apply one.
fn migrate(client: &mut Client) -> Result<(), StoreError> {
    let mut tx = client.transaction().map_err(backend)?;
    tx.batch_execute(
        "SELECT pg_advisory_xact_lock(hashtext('tousu_migrations'));
         CREATE TABLE IF NOT EXISTS tousu_migrations (version INTEGER NOT NULL PRIMARY KEY)",
    )
    .map_err(backend)?;
    for (version, sql) in MIGRATIONS {
        let done = tx
            .query_opt(
                "SELECT 1 FROM tousu_migrations WHERE version = $1",
                &[version],
            )
            .map_err(backend)?
            .is_some();
        if !done {
            tx.batch_execute(sql).map_err(backend)?;
            tx.execute(
                "INSERT INTO tousu_migrations (version) VALUES ($1)",
                &[version],
            )
            .map_err(backend)?;
        }
    }
    tx.commit().map_err(backend)
}

/// The write of a batch to a case already stored, in one statement (one
/// round trip, atomic on its own): lock the case's row, check its version,
/// take the positions, insert the events and the command record, move the
/// case's row and its snapshot. Data-modifying `WITH` clauses all run on the
/// statement's one snapshot; each after `pos` writes only when `pos` has a
/// row, that is when the version matched. A repeated command id breaks
/// `tousu_commands_pkey` and fails the whole statement. Parameters: `$1`
/// case, `$2` expected version, `$3` event count, `$4` batch end, `$5`..`$8`
/// the events' versions, command ids, instants and bodies, `$9`/`$10` the
/// command id and hash, `$11` open, `$12` next due, `$13` the snapshot.
const WRITE_NEXT: &str = "WITH cur AS (
    SELECT version FROM tousu_cases WHERE case_id = $1 FOR UPDATE
), pos AS (
    UPDATE tousu_position SET last = last + $3::bigint
    WHERE id = 1 AND EXISTS (SELECT 1 FROM cur WHERE version = $2::bigint)
    RETURNING last
), ev AS (
    INSERT INTO tousu_events (case_id, version, position, batch_end, command_id, at, body)
    SELECT $1, t.v, pos.last - $3::bigint + t.o, $4::bigint, t.c, t.a, t.b::jsonb
    FROM pos, UNNEST($5::bigint[], $6::text[], $7::timestamptz[], $8::text[])
         WITH ORDINALITY AS t(v, c, a, b, o)
), cmd AS (
    INSERT INTO tousu_commands (case_id, command_id, hash, first_version, last_version)
    SELECT $1, $9::text, $10::text, $2::bigint + 1, $4::bigint FROM pos WHERE $9::text IS NOT NULL
), upd AS (
    UPDATE tousu_cases SET version = $4::bigint, open = $11::boolean, next_due = $12::bigint
    WHERE case_id = $1 AND EXISTS (SELECT 1 FROM pos)
), snap AS (
    INSERT INTO tousu_snapshots (case_id, version, body)
    SELECT $1, $4::bigint, $13::text::jsonb FROM pos WHERE $13::text IS NOT NULL
    ON CONFLICT (case_id) DO UPDATE SET version = excluded.version, body = excluded.body
)
SELECT (SELECT version FROM cur), (SELECT last FROM pos)";

/// [`WRITE_NEXT`] for a new case: its row is inserted with its final state
/// (a row another writer created first, committed or not, makes the insert
/// wait for it and then do nothing: a conflict). Same parameters.
const WRITE_NEW: &str = "WITH cur AS (
    INSERT INTO tousu_cases (case_id, version, open, next_due)
    SELECT $1, $4::bigint, $11::boolean, $12::bigint WHERE $2::bigint = 0
    ON CONFLICT (case_id) DO NOTHING
    RETURNING 0::bigint AS version
), pos AS (
    UPDATE tousu_position SET last = last + $3::bigint
    WHERE id = 1 AND EXISTS (SELECT 1 FROM cur)
    RETURNING last
), ev AS (
    INSERT INTO tousu_events (case_id, version, position, batch_end, command_id, at, body)
    SELECT $1, t.v, pos.last - $3::bigint + t.o, $4::bigint, t.c, t.a, t.b::jsonb
    FROM pos, UNNEST($5::bigint[], $6::text[], $7::timestamptz[], $8::text[])
         WITH ORDINALITY AS t(v, c, a, b, o)
), cmd AS (
    INSERT INTO tousu_commands (case_id, command_id, hash, first_version, last_version)
    SELECT $1, $9::text, $10::text, $2::bigint + 1, $4::bigint FROM pos WHERE $9::text IS NOT NULL
), snap AS (
    INSERT INTO tousu_snapshots (case_id, version, body)
    SELECT $1, $4::bigint, $13::text::jsonb FROM pos WHERE $13::text IS NOT NULL
    ON CONFLICT (case_id) DO UPDATE SET version = excluded.version, body = excluded.body
)
SELECT (SELECT version FROM cur), (SELECT last FROM pos)";

/// Writes a checked batch in one statement ([`WRITE_NEXT`], [`WRITE_NEW`]) on
/// `client` (the connection, a transaction or a savepoint); returns the last
/// event's position. The position counter's row lock is held to commit, so
/// positions become visible in the order they were handed out, with no gap.
///
/// Two kinds of refusal: the inner error leaves a transaction usable (a
/// version conflict, found by a statement that succeeded; a batch that
/// cannot be encoded); the outer one is a statement that failed, which
/// aborts the transaction it ran in (a command applied already, a broken
/// connection).
fn write(
    client: &mut impl GenericClient,
    statements: &Statements,
    batch: &Batch,
) -> Result<Result<u64, StoreError>, StoreError> {
    let args = match WriteArgs::of(batch) {
        Ok(args) => args,
        Err(e) => return Ok(Err(e)),
    };
    let sql = if batch.expected_version == 0 {
        WRITE_NEW
    } else {
        WRITE_NEXT
    };
    let row = statements
        .query_one(client, sql, &args.params())
        .map_err(|e| refused(e, batch))?;
    let last: Option<i64> = row.try_get(1).map_err(backend)?;
    if let Some(last) = last {
        return Ok(to_u64(last));
    }
    // Refused by its version: nothing was written. A new case's row that was
    // there already is read now, for the conflict's "actual".
    let actual: Option<i64> = if batch.expected_version == 0 {
        statements
            .query_opt(
                client,
                "SELECT version FROM tousu_cases WHERE case_id = $1",
                &[&args.case],
            )?
            .map(|r| r.try_get(0))
            .transpose()
            .map_err(backend)?
    } else {
        row.try_get(0).map_err(backend)?
    };
    Ok(Err(StoreError::Conflict {
        case: batch.case_id.clone(),
        expected: batch.expected_version,
        actual: actual.map_or(Ok(0), to_u64)?,
    }))
}

/// A batch as the write statements' parameters (`$1` … `$13`).
struct WriteArgs<'a> {
    case: &'a str,
    expected: i64,
    count: i64,
    batch_end: i64,
    versions: Vec<i64>,
    commands: Vec<Option<&'a str>>,
    ats: Vec<DateTime<Utc>>,
    bodies: Vec<String>,
    command: Option<&'a str>,
    hash: Option<String>,
    open: bool,
    next_due: Option<i64>,
    snapshot: Option<String>,
}

impl<'a> WriteArgs<'a> {
    fn of(batch: &'a Batch) -> Result<Self, StoreError> {
        let n = batch.events.len();
        let mut args = WriteArgs {
            case: batch.case_id.as_str(),
            expected: to_i64(batch.expected_version)?,
            count: to_i64(u64::try_from(n).unwrap_or(u64::MAX))?,
            batch_end: to_i64(batch.last_version())?,
            versions: Vec::with_capacity(n),
            commands: Vec::with_capacity(n),
            ats: Vec::with_capacity(n),
            bodies: Vec::with_capacity(n),
            command: batch.command.as_ref().map(|(id, _)| id.as_str()),
            hash: batch.command.as_ref().map(|(_, hash)| hash.to_text()),
            open: batch.open,
            next_due: batch
                .next_due
                .filter(|_| batch.open)
                .map(instant_nanos)
                .transpose()?,
            snapshot: batch
                .snapshot
                .as_ref()
                .map(serde_json::to_string)
                .transpose()
                .map_err(backend)?,
        };
        for e in &batch.events {
            args.versions.push(to_i64(e.version)?);
            args.commands
                .push(e.command_id.as_ref().map(CommandId::as_str));
            args.ats.push(e.at);
            args.bodies.push(serde_json::to_string(e).map_err(backend)?);
        }
        Ok(args)
    }

    fn params(&self) -> [&(dyn ToSql + Sync); 13] {
        [
            &self.case,
            &self.expected,
            &self.count,
            &self.batch_end,
            &self.versions,
            &self.commands,
            &self.ats,
            &self.bodies,
            &self.command,
            &self.hash,
            &self.open,
            &self.next_due,
            &self.snapshot,
        ]
    }
}

/// Locks the stored rows of `batches`' cases, in the order of their ids,
/// before any write takes the position counter. A write holds its case's
/// lock and then waits for the counter, which `append_all` holds to its
/// commit: were the chunk's later cases locked only as it reached them, a
/// command on one of them, arriving meanwhile, would hold that case and
/// wait for the counter while the chunk waited for the case — a deadlock.
/// Two chunks lock in one order, so they queue instead.
fn lock_cases(
    tx: &mut impl GenericClient,
    statements: &Statements,
    batches: &[Batch],
) -> Result<(), StoreError> {
    let cases: Vec<&str> = batches.iter().map(|b| b.case_id.as_str()).collect();
    let st = statements.get(tx, LOCK_CASES)?;
    tx.query(&st, &[&cases]).map_err(backend)?;
    Ok(())
}

/// [`lock_cases`]' statement.
const LOCK_CASES: &str = "SELECT 1 FROM tousu_cases WHERE case_id = ANY($1::text[])
     ORDER BY case_id FOR UPDATE";

/// A unique violation is a refusal: on the command records, the command
/// was applied already; on the events' key, another writer's commit.
fn refused(e: StoreError, batch: &Batch) -> StoreError {
    let unique = match &e {
        StoreError::Backend(inner) => inner
            .downcast_ref::<postgres::Error>()
            .and_then(postgres::Error::as_db_error)
            .filter(|db| *db.code() == SqlState::UNIQUE_VIOLATION)
            .map(|db| db.constraint() == Some("tousu_commands_pkey")),
        _ => None,
    };
    match (unique, &batch.command) {
        (Some(true), Some((command, _))) => StoreError::DuplicateCommand {
            case: batch.case_id.clone(),
            command: command.clone(),
        },
        (Some(_), _) => StoreError::Conflict {
            case: batch.case_id.clone(),
            expected: batch.expected_version,
            actual: batch.expected_version.saturating_add(1),
        },
        (None, _) => e,
    }
}

impl Store for PgStore {
    fn append(&mut self, batch: &Batch) -> Result<u64, StoreError> {
        batch.check()?;
        // One statement, so no transaction of its own: one round trip.
        write(&mut *self.client()?, &self.statements, batch)?
    }

    /// One transaction for all of `batches`, each refused alone. The global
    /// position's row lock is held to the commit: other writers wait for the
    /// whole call.
    ///
    /// A batch refused by its version leaves the transaction usable, so the
    /// batches are first written one statement each; only a statement that
    /// fails (a command applied already) aborts the transaction, and then
    /// the whole call is written again with a savepoint per batch, which
    /// rolls back alone.
    fn append_all(
        &mut self,
        batches: &[Batch],
    ) -> Result<Vec<Result<u64, StoreError>>, StoreError> {
        let mut client = self.client()?;
        match self.append_all_in_one(&mut client, batches)? {
            Some(outcomes) => Ok(outcomes),
            None => self.append_all_in_savepoints(&mut client, batches),
        }
    }

    fn file<E: From<StoreError>>(
        &mut self,
        month: Month,
        build: impl FnOnce(u32) -> Result<Batch, E>,
    ) -> Result<(Batch, u64), E> {
        let mut client = self.client()?;
        let mut tx = client.transaction().map_err(backend)?;
        let m = i32::try_from(month.month())
            .map_err(|_| StoreError::backend(format!("month {}", month.month())))?;
        // The month's row stays locked until commit: filings queue here, and
        // a rollback returns the number.
        let seq: i64 = self
            .statements
            .query_one(
                &mut tx,
                "INSERT INTO tousu_sequences (year, month, last) VALUES ($1, $2, 1)
                 ON CONFLICT (year, month) DO UPDATE SET last = tousu_sequences.last + 1 RETURNING last",
                &[&month.year(), &m],
            )?
            .try_get(0)
            .map_err(backend)?;
        let seq = u32::try_from(seq)
            .map_err(|_| StoreError::backend(format!("the month's sequence is at {seq}")))?;
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
            // After the month's row lock: a retry of the same filing (same
            // month) waits for this one and sees its commit here.
            let registered = self.statements.get(&mut tx, REGISTERED_BY)?;
            if let Some(row) = tx
                .query_opt(&registered, &[&id.as_str()])
                .map_err(backend)?
            {
                let case: String = row.try_get(0).map_err(backend)?;
                return Err(StoreError::DuplicateCommand {
                    case: CaseId::new(case).map_err(backend)?,
                    command: id.clone(),
                }
                .into());
            }
        }
        let position = write(&mut tx, &self.statements, &batch)??;
        tx.commit().map_err(backend)?;
        Ok((batch, position))
    }

    fn load(&self, case: &CaseId) -> Result<Vec<Event>, StoreError> {
        check_not_torn(case, self.last_marker(case)?)?;
        self.events(
            "SELECT body::text FROM tousu_events WHERE case_id = $1 ORDER BY version",
            &[&case.as_str()],
        )
    }

    fn load_latest(&self, case: &CaseId) -> Result<Latest, StoreError> {
        check_not_torn(case, self.last_marker(case)?)?;
        let stored = self.row(
            "SELECT body::text FROM tousu_snapshots WHERE case_id = $1",
            &[&case.as_str()],
        )?;
        // A snapshot this version cannot read is ignored: the events are the truth.
        let snapshot = stored
            .and_then(|row| row.try_get::<_, String>(0).ok())
            .and_then(|body| serde_json::from_str::<Case>(&body).ok());
        let after = to_i64(snapshot.as_ref().map_or(0, |c| c.version))?;
        let events = self.events(
            "SELECT body::text FROM tousu_events WHERE case_id = $1 AND version > $2 ORDER BY version",
            &[&case.as_str(), &after],
        )?;
        Ok(Latest { snapshot, events })
    }

    /// Three queries for all of `cases`, in one repeatable-read transaction
    /// (so the three see the same moment): the cases go in as an array,
    /// each row comes back with its case's place in it (`WITH ORDINALITY`).
    fn load_latest_all(
        &self,
        cases: &[CaseId],
    ) -> Result<Vec<Result<Latest, StoreError>>, StoreError> {
        let ids: Vec<&str> = cases.iter().map(CaseId::as_str).collect();
        let mut client = self.client()?;
        let mut tx = client
            .build_transaction()
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(backend)?;
        let markers = bulk(
            &mut tx,
            &self.statements,
            "SELECT j.place, e.version, e.batch_end
             FROM unnest($1::text[]) WITH ORDINALITY AS j(case_id, place)
             CROSS JOIN LATERAL (SELECT version, batch_end FROM tousu_events
                 WHERE case_id = j.case_id ORDER BY version DESC LIMIT 1) e",
            &[&ids],
            |r| {
                let (v, b): (i64, i64) = (
                    r.try_get(1).map_err(backend)?,
                    r.try_get(2).map_err(backend)?,
                );
                Ok((to_u64(v)?, to_u64(b)?))
            },
        )?;
        let snapshots = bulk(
            &mut tx,
            &self.statements,
            "SELECT j.place, s.body::text
             FROM unnest($1::text[]) WITH ORDINALITY AS j(case_id, place)
             JOIN tousu_snapshots s ON s.case_id = j.case_id",
            &[&ids],
            |r| r.try_get(1).map_err(backend),
        )?;
        let latest = latest_in_bulk(cases, markers, snapshots, |after| {
            bulk(
                &mut tx,
                &self.statements,
                "SELECT j.place, e.body::text
                 FROM unnest($1::text[], $2::bigint[]) WITH ORDINALITY AS j(case_id, after, place)
                 JOIN tousu_events e ON e.case_id = j.case_id AND e.version > j.after
                 ORDER BY j.place, e.version",
                &[&ids, &after],
                |r| r.try_get(1).map_err(backend),
            )
        })?;
        tx.commit().map_err(backend)?;
        Ok(latest)
    }

    fn load_range(&self, case: &CaseId, from: u64, to: u64) -> Result<Vec<Event>, StoreError> {
        self.events(
            "SELECT body::text FROM tousu_events WHERE case_id = $1 AND version BETWEEN $2 AND $3 ORDER BY version",
            &[&case.as_str(), &to_i64(from)?, &to_i64(to)?],
        )
    }

    fn command(
        &self,
        case: &CaseId,
        command: &CommandId,
    ) -> Result<Option<CommandRecord>, StoreError> {
        let row = self.row(
            "SELECT hash, first_version, last_version FROM tousu_commands WHERE case_id = $1 AND command_id = $2",
            &[&case.as_str(), &command.as_str()],
        )?;
        row.map(|r| {
            let hash: String = r.try_get(0).map_err(backend)?;
            let first: i64 = r.try_get(1).map_err(backend)?;
            let last: i64 = r.try_get(2).map_err(backend)?;
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
        Ok(self.ids(REGISTERED_BY, &[&command.as_str()])?.pop())
    }

    fn case_ids(&self) -> Result<Vec<CaseId>, StoreError> {
        self.ids(
            "SELECT case_id FROM tousu_cases WHERE version > 0 ORDER BY case_id",
            &[],
        )
    }

    fn open_cases(&self) -> Result<Vec<CaseId>, StoreError> {
        self.ids(
            "SELECT case_id FROM tousu_cases WHERE open AND version > 0 ORDER BY case_id",
            &[],
        )
    }

    fn due(&self, now: DateTime<Utc>, n: usize) -> Result<Vec<CaseId>, StoreError> {
        self.ids(DUE_QUERY, &[&instant_nanos(now)?, &limit(n)])
    }

    fn events_since(&self, after: u64, n: usize) -> Result<Vec<Positioned>, StoreError> {
        self.rows(
            "SELECT position, body::text FROM tousu_events WHERE position > $1 ORDER BY position LIMIT $2",
            &[&to_i64(after)?, &limit(n)],
        )?
        .iter()
            .map(|row| {
                let position: i64 = row.try_get(0).map_err(backend)?;
                let body: String = row.try_get(1).map_err(backend)?;
                Ok(Positioned {
                    position: to_u64(position)?,
                    event: serde_json::from_str(&body).map_err(backend)?,
                })
            })
            .collect()
    }
}
