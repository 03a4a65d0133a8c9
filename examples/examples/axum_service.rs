//! A tokio application (axum) that serves tousu next to its own routes,
//! over PostgreSQL (or SQLite) without blocking the runtime.
//!
//! The engine and the stores are synchronous; PostgreSQL's client even runs
//! a runtime of its own, which must neither start nor stop on a runtime
//! thread. So: the store is opened on the blocking pool (`spawn_blocking`),
//! every request's call into the engine runs there too (as
//! `tousu_serve::http` does for each route, and as `/dashboard` below does
//! by hand), and the last handle is dropped there at the end.
//!
//! The store is PostgreSQL when `TOUSU_TEST_POSTGRES_URL` is set (in a
//! schema of its own, dropped at the end), else SQLite in a temporary file.
//! The example files a complaint over HTTP on a loopback port, reads the
//! application's own route, and stops gracefully.
//!
//! `cargo run -p tousu-examples --example axum_service`

use std::io::{Read as _, Write as _};
use std::sync::{Arc, Mutex};

use axum::Json;
use axum::extract::State;
use axum::routing::get;
use tousu::prelude::*;
use tousu_serve::http::{Config, Shared, router};
use tousu_serve::{AnyStore, Service};
use tousu_store_postgres::PgStore;
use tousu_store_sqlite::SqliteStore;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

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

/// The application's own route: open cases per status, read from the
/// engine on the blocking pool.
async fn dashboard(State(service): State<Shared<AnyStore>>) -> Json<serde_json::Value> {
    let counted = tokio::task::spawn_blocking(move || {
        let service = service.lock().map_err(|_| "poisoned".to_owned())?;
        let cases = service.engine().cases().map_err(|e| e.to_string())?;
        let open = cases.iter().filter(|c| c.status.is_open()).count();
        Ok::<_, String>(serde_json::json!({ "cases": cases.len(), "open": open }))
    })
    .await;
    Json(match counted {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => serde_json::json!({ "error": e }),
        Err(e) => serde_json::json!({ "error": e.to_string() }),
    })
}

/// One HTTP/1.1 request over a plain socket (a real client would use its
/// HTTP library); run on the blocking pool, as it blocks.
fn request(addr: std::net::SocketAddr, method: &str, path: &str, body: &str) -> Result<String> {
    let mut s = std::net::TcpStream::connect(addr)?;
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )?;
    let mut out = String::new();
    s.read_to_string(&mut out)?;
    Ok(out)
}

#[tokio::main]
async fn main() -> Result<()> {
    let postgres = std::env::var("TOUSU_TEST_POSTGRES_URL").ok();
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("axum.db");
    // Opened on the blocking pool: PostgreSQL's client starts a runtime.
    let schema = format!("tousu_axum_example_{}", std::process::id());
    let (store, label) = tokio::task::spawn_blocking({
        let (postgres, schema) = (postgres.clone(), schema.clone());
        move || -> Result<(AnyStore, String)> {
            Ok(match postgres {
                Some(url) => (
                    AnyStore::Postgres(Box::new(PgStore::connect_in_schema(&url, &schema)?)),
                    format!("PostgreSQL, schema {schema}"),
                ),
                None => (
                    AnyStore::Sqlite(SqliteStore::open(&path)?),
                    "SQLite in a temporary file".to_owned(),
                ),
            })
        }
    })
    .await??;
    println!("store: {label}");
    let engine = Engine::new(Policy::default_policy()?, roster()?, store)?;
    let service: Shared<AnyStore> = Arc::new(Mutex::new(Service::new(engine)));

    // tousu's routes under /tousu, the application's own beside them.
    let app = axum::Router::new()
        .route("/dashboard", get(dashboard))
        .with_state(Arc::clone(&service))
        .nest("/tousu", router(Arc::clone(&service), &Config::default()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await
    });

    let filing = serde_json::json!({
        "command_id": "crm-1", "actor": "kf", "case_id": "A1",
        "complaint": { "received_at": "2026-01-05T09:00:00+08:00", "channel": "phone",
                       "content": "热水器漏水", "first_responder": "kf",
                       "complainant": { "kind": "person", "name": "王先生" } }
    });
    let answers = tokio::task::spawn_blocking(move || -> Result<(String, String)> {
        Ok((
            request(addr, "POST", "/tousu/cases", &filing.to_string())?,
            request(addr, "GET", "/dashboard", "")?,
        ))
    })
    .await??;
    let status = |answer: &str| answer.lines().next().unwrap_or_default().to_owned();
    println!("POST /tousu/cases -> {}", status(&answers.0));
    if !answers.0.starts_with("HTTP/1.1 200") {
        println!("{}", answers.0);
    }
    println!(
        "GET /dashboard -> {}",
        answers.1.split("\r\n\r\n").nth(1).unwrap_or_default()
    );
    assert!(answers.0.starts_with("HTTP/1.1 200"), "{}", answers.0);

    let _ = stop.send(());
    server.await??;
    // The last handle goes to the blocking pool too.
    tokio::task::spawn_blocking(move || -> Result<()> {
        if postgres.is_some() {
            let service = service.lock().map_err(|_| "poisoned")?;
            if let AnyStore::Postgres(pg) = service.engine().store() {
                pg.client()?
                    .batch_execute(&format!("DROP SCHEMA {schema} CASCADE"))?;
            }
        }
        drop(service);
        Ok(())
    })
    .await??;
    Ok(())
}
