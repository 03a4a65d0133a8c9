//! The durable stores behind one type, opened by where they are: a file
//! path is SQLite (created if needed), a `postgres://` or `postgresql://`
//! URL is PostgreSQL. One type so that the service and the command line
//! are written once, not once per store.

use chrono::{DateTime, Utc};
use tousu::model::{CaseId, CommandId};
use tousu::workflow::Event;
use tousu::{Batch, CommandRecord, Latest, Month, Positioned, Store, StoreError};
use tousu_store_postgres::PgStore;
use tousu_store_sqlite::SqliteStore;

/// An SQLite file or a PostgreSQL database.
#[derive(Debug)]
pub enum AnyStore {
    /// An SQLite file.
    Sqlite(SqliteStore),
    /// A PostgreSQL database (boxed: its client is much larger than SQLite's).
    Postgres(Box<PgStore>),
}

impl AnyStore {
    /// Opens the store at `location`: a `postgres://` (or `postgresql://`)
    /// URL, or else the path of an SQLite file, created if absent.
    ///
    /// PostgreSQL's client runs a runtime of its own: open (and drop) it
    /// outside any tokio runtime thread, e.g. in `spawn_blocking`.
    pub fn open(location: &str) -> Result<Self, StoreError> {
        if location.starts_with("postgres://") || location.starts_with("postgresql://") {
            Ok(AnyStore::Postgres(Box::new(PgStore::connect(location)?)))
        } else {
            Ok(AnyStore::Sqlite(SqliteStore::open(location)?))
        }
    }
}

/// Calls the same method on whichever store it is.
macro_rules! each {
    ($self:expr, $s:ident => $body:expr) => {
        match $self {
            AnyStore::Sqlite($s) => $body,
            AnyStore::Postgres($s) => $body,
        }
    };
}

impl Store for AnyStore {
    fn append(&mut self, batch: &Batch) -> Result<u64, StoreError> {
        each!(self, s => s.append(batch))
    }

    fn append_all(
        &mut self,
        batches: &[Batch],
    ) -> Result<Vec<Result<u64, StoreError>>, StoreError> {
        each!(self, s => s.append_all(batches))
    }

    fn file<E: From<StoreError>>(
        &mut self,
        month: Month,
        build: impl FnOnce(u32) -> Result<Batch, E>,
    ) -> Result<(Batch, u64), E> {
        each!(self, s => s.file(month, build))
    }

    fn load(&self, case: &CaseId) -> Result<Vec<Event>, StoreError> {
        each!(self, s => s.load(case))
    }

    fn load_latest(&self, case: &CaseId) -> Result<Latest, StoreError> {
        each!(self, s => s.load_latest(case))
    }

    fn load_latest_all(
        &self,
        cases: &[CaseId],
    ) -> Result<Vec<Result<Latest, StoreError>>, StoreError> {
        each!(self, s => s.load_latest_all(cases))
    }

    fn load_range(&self, case: &CaseId, from: u64, to: u64) -> Result<Vec<Event>, StoreError> {
        each!(self, s => s.load_range(case, from, to))
    }

    fn command(
        &self,
        case: &CaseId,
        command: &CommandId,
    ) -> Result<Option<CommandRecord>, StoreError> {
        each!(self, s => s.command(case, command))
    }

    // Forwarded, not left to the default, which asks `command` of every
    // case: each filing looks its command id up here.
    fn registered_by(&self, command: &CommandId) -> Result<Option<CaseId>, StoreError> {
        each!(self, s => s.registered_by(command))
    }

    fn case_ids(&self) -> Result<Vec<CaseId>, StoreError> {
        each!(self, s => s.case_ids())
    }

    fn open_cases(&self) -> Result<Vec<CaseId>, StoreError> {
        each!(self, s => s.open_cases())
    }

    fn due(&self, now: DateTime<Utc>, limit: usize) -> Result<Vec<CaseId>, StoreError> {
        each!(self, s => s.due(now, limit))
    }

    fn events_since(&self, after: u64, limit: usize) -> Result<Vec<Positioned>, StoreError> {
        each!(self, s => s.events_since(after, limit))
    }
}
