//! The SQLite store passes the conformance kit, each check on a fresh file.

use std::sync::atomic::{AtomicU32, Ordering};

use tousu::StoreError;
use tousu::conformance::Backend;
use tousu_store_sqlite::SqliteStore;

/// Stores in files of one temporary directory, removed when the test ends.
struct Files {
    dir: tempfile::TempDir,
    n: AtomicU32,
}

impl Files {
    fn new() -> Self {
        Files {
            dir: tempfile::tempdir().unwrap(),
            n: AtomicU32::new(0),
        }
    }
}

impl Backend for Files {
    type Store = SqliteStore;

    fn empty(&self) -> Result<SqliteStore, StoreError> {
        let n = self.n.fetch_add(1, Ordering::Relaxed);
        SqliteStore::open(self.dir.path().join(format!("store-{n}.db")))
    }

    fn another(&self, store: &SqliteStore) -> Result<SqliteStore, StoreError> {
        store
            .reopen()?
            .ok_or_else(|| StoreError::backend("an in-memory store has no second connection"))
    }
}

tousu::conformance_tests!(Some(Files::new()));
