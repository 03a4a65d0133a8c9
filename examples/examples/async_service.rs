//! An async (tokio) service using a tousu store without blocking the
//! runtime: the engine and its store are synchronous, so every call runs on
//! tokio's blocking pool (`spawn_blocking`), as an axum handler would do it.
//!
//! Eight requests file complaints at once; a scheduler task ticks the due
//! cases. The store is PostgreSQL when `TOUSU_TEST_POSTGRES_URL` is set (in
//! a schema of its own, dropped at the end), else SQLite in a temporary file.
//!
//! `cargo run -p tousu-examples --example async_service`

use std::sync::{Arc, Mutex};

use chrono::{TimeDelta, TimeZone, Utc};
use tokio::task::JoinSet;
use tousu::prelude::*;
use tousu_store_postgres::PgStore;
use tousu_store_sqlite::SqliteStore;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// What a handler holds: the engine behind a mutex (one connection). With
/// several workers, keep a small pool of engines instead.
type Shared<S> = Arc<Mutex<Engine<S>>>;

fn roster() -> Result<Roster> {
    let cs = DepartmentId::new("cs")?;
    Ok(Roster::new(
        DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)])?,
        vec![
            Staff::new(StaffId::new("kf")?, "李客服", cs)
                .with_role(RoleId::new("complaint_manager")?),
        ],
    )?)
}

/// Runs `f` on the engine on the blocking pool: the async task waits
/// without holding a runtime thread.
async fn with_engine<S, T>(
    engine: &Shared<S>,
    f: impl FnOnce(&mut Engine<S>) -> std::result::Result<T, Error> + Send + 'static,
) -> Result<T>
where
    S: Store + Send + 'static,
    T: Send + 'static,
{
    let engine = Arc::clone(engine);
    tokio::task::spawn_blocking(move || {
        let mut engine = engine
            .lock()
            .map_err(|_| "a request panicked holding the engine")?;
        Ok(f(&mut engine)?)
    })
    .await?
}

async fn serve<S: Store + Send + 'static>(store: S) -> Result<()> {
    let engine: Shared<S> = Arc::new(Mutex::new(Engine::new(
        Policy::default_policy()?,
        roster()?,
        store,
    )?));
    let served = requests(&engine).await;
    // The last handle goes to the blocking pool too, whatever happened: the
    // synchronous PostgreSQL client runs a runtime of its own, which must
    // not be dropped (nor created) on a runtime thread.
    tokio::task::spawn_blocking(move || drop(engine)).await?;
    served
}

async fn requests<S: Store + Send + 'static>(engine: &Shared<S>) -> Result<()> {
    let received = Utc
        .with_ymd_and_hms(2026, 1, 5, 1, 0, 0)
        .single()
        .ok_or("time")?;
    // Eight requests at once, as an HTTP server would receive them.
    let mut requests = JoinSet::new();
    for i in 0..8 {
        let engine = Arc::clone(engine);
        requests.spawn(async move {
            let filing = Filing {
                actor: StaffId::new("kf")?,
                command_id: CommandId::new(format!("web-{i}"))?,
                case_id: None,
                complaint: Complaint::builder(received, Channel::Web, "网上预约未上门").build()?,
                repeat_count: 0,
            };
            let filed = with_engine(&engine, move |e| e.file(filing)).await?;
            Ok::<_, Box<dyn std::error::Error + Send + Sync>>(
                filed.case.number.map(|n| n.to_string()),
            )
        });
    }
    let mut numbers = Vec::new();
    while let Some(done) = requests.join_next().await {
        numbers.extend(done??);
    }
    numbers.sort();
    println!(
        "8 concurrent filings numbered {} … {}",
        numbers.first().ok_or("none")?,
        numbers.last().ok_or("none")?
    );
    // The scheduler: tick the due cases 40 minutes later.
    let now = received + TimeDelta::minutes(40);
    let report = with_engine(engine, move |e| e.tick_all(now)).await?;
    println!(
        "tick at +40 min: {} cases due, {} events, {} failures",
        report.cases.len(),
        report.events().count(),
        report.failures().count()
    );
    Ok(())
}

#[tokio::main]
async fn main() -> Result<()> {
    match std::env::var("TOUSU_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => {
            let schema = format!("tousu_example_{}", std::process::id());
            println!("store: PostgreSQL (schema {schema})");
            let (store, dropper) = tokio::task::spawn_blocking({
                let schema = schema.clone();
                move || -> std::result::Result<_, StoreError> {
                    let store = PgStore::connect_in_schema(&url, &schema)?;
                    let dropper = store.reconnect()?;
                    Ok((store, dropper))
                }
            })
            .await??;
            let served = serve(store).await;
            tokio::task::spawn_blocking(move || {
                let dropped = dropper
                    .client()?
                    .batch_execute(&format!("DROP SCHEMA {schema} CASCADE"))
                    .map_err(|e| StoreError::Backend(Box::new(e)));
                drop(dropper);
                dropped
            })
            .await??;
            served
        }
        _ => {
            let dir = tempfile::tempdir()?;
            println!("store: SQLite (TOUSU_TEST_POSTGRES_URL is not set)");
            serve(SqliteStore::open(dir.path().join("service.db"))?).await
        }
    }
}
