// A PostgreSQL to test against, from TOUSU_TEST_POSTGRES_URL (`.ci/run`
// starts a throwaway cluster and sets it); each store gets its own schema,
// dropped when the test ends.
#![allow(dead_code, unreachable_pub)]

use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};

use tousu::StoreError;
use tousu::conformance::Backend;
use tousu_store_postgres::PgStore;

pub const VAR: &str = "TOUSU_TEST_POSTGRES_URL";

pub struct Pg {
    pub url: String,
    n: AtomicU32,
    schemas: Mutex<Vec<String>>,
    test: &'static str,
}

/// The database, or `None` (saying the test is skipped) without the variable.
pub fn pg(test: &'static str) -> Option<Pg> {
    match std::env::var(VAR) {
        Ok(url) if !url.is_empty() => Some(Pg {
            url,
            n: AtomicU32::new(0),
            schemas: Mutex::new(Vec::new()),
            test,
        }),
        _ => {
            // Not eprintln!, which the test harness captures: this must show.
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED PostgreSQL test {test}: {VAR} is not set (bash .ci/run sets it; see README)"
            );
            None
        }
    }
}

impl Pg {
    /// A fresh schema's store.
    pub fn store(&self) -> PgStore {
        self.empty().unwrap()
    }
}

impl Pg {
    /// A fresh schema's name, dropped when the test ends, for stores that
    /// several processes open by name.
    pub fn schema(&self, what: &str) -> String {
        let n = self.n.fetch_add(1, Ordering::Relaxed);
        let schema = format!("t_{}_{}_{what}_{n}", std::process::id(), self.test);
        self.schemas.lock().unwrap().push(schema.clone());
        schema
    }
}

impl Backend for Pg {
    type Store = PgStore;

    fn empty(&self) -> Result<PgStore, StoreError> {
        let n = self.n.fetch_add(1, Ordering::Relaxed);
        let schema = format!("t_{}_{}_{n}", std::process::id(), self.test);
        self.schemas.lock().unwrap().push(schema.clone());
        PgStore::connect_in_schema(&self.url, &schema)
    }

    fn another(&self, store: &PgStore) -> Result<PgStore, StoreError> {
        store.reconnect()
    }
}

impl Drop for Pg {
    fn drop(&mut self) {
        if let Ok(mut client) = postgres::Client::connect(&self.url, postgres::NoTls) {
            for s in self.schemas.lock().unwrap().iter() {
                let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {s} CASCADE"));
            }
        }
    }
}
