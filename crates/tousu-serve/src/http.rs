//! The HTTP/JSON service: axum on tokio over a [`Service`]. The engine and
//! its store are synchronous, so every call runs on tokio's blocking pool
//! (`spawn_blocking`) and no runtime thread ever waits on the store.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use tousu::Store;
use tousu::model::CaseId;

use crate::docs::{CommandInput, FilingInput, PenaltiesInput, TickInput};
use crate::error::{ApiError, ErrorKind, from_json};
use crate::service::{Service, check_policy_text};

/// How the service runs.
#[derive(Clone, Debug)]
pub struct Config {
    /// Where to listen (default 127.0.0.1:8080: loopback only).
    pub bind: SocketAddr,
    /// A bearer token every request but `GET /openapi.json` must carry.
    pub token: Option<String>,
    /// The largest request body accepted, bytes (default 1 MiB).
    pub body_limit: usize,
    /// Tick the due cases this often, at the wall clock's now (default: never).
    pub tick_every: Option<Duration>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            token: None,
            body_limit: 1 << 20,
            tick_every: None,
        }
    }
}

/// The service as handlers share it: one engine over one store
/// connection, used by one request at a time.
pub type Shared<S> = Arc<Mutex<Service<S>>>;

struct AppState<S: Store> {
    service: Shared<S>,
    token: Option<String>,
}

impl<S: Store> Clone for AppState<S> {
    fn clone(&self) -> Self {
        AppState {
            service: Arc::clone(&self.service),
            token: self.token.clone(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.kind.http_status())
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let unauthorized = self.kind == ErrorKind::Unauthorized;
        let mut response = (status, json(&self.doc())).into_response();
        if unauthorized {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// A JSON response body.
fn json<T: Serialize>(value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(bytes) => (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            bytes,
        )
            .into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

/// Runs `f` on the service on the blocking pool.
async fn call<S, T>(
    service: &Shared<S>,
    f: impl FnOnce(&mut Service<S>) -> Result<T, ApiError> + Send + 'static,
) -> Response
where
    S: Store + Send + 'static,
    T: Serialize + Send + 'static,
{
    let service = Arc::clone(service);
    let done = tokio::task::spawn_blocking(move || {
        let mut service = service.lock().map_err(|_| {
            ApiError::server("a request failed holding the engine; restart the service")
        })?;
        f(&mut service)
    })
    .await;
    match done {
        Ok(Ok(value)) => json(&value),
        Ok(Err(e)) => e.into_response(),
        Err(e) => ApiError::server(format!("the request's task failed: {e}")).into_response(),
    }
}

/// A JSON body as `T`, or 400 naming the field (413 when too large).
fn body<T: serde::de::DeserializeOwned>(
    bytes: Result<Bytes, BytesRejection>,
) -> Result<T, ApiError> {
    let bytes = bytes.map_err(|r| {
        if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(ErrorKind::TooLarge, r.body_text())
        } else {
            ApiError::invalid(r.body_text())
        }
    })?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|e| ApiError::invalid(format!("the body is not UTF-8: {e}")))?;
    from_json(text)
}

fn case_id(id: &str) -> Result<CaseId, ApiError> {
    CaseId::new(id).map_err(|e| ApiError::invalid(e.to_string()).at("id"))
}

fn instant(q: &HashMap<String, String>, name: &str) -> Result<Option<DateTime<Utc>>, ApiError> {
    q.get(name)
        .map(|text| {
            DateTime::parse_from_rfc3339(text)
                .map(|t| t.to_utc())
                .map_err(|e| {
                    ApiError::invalid(format!(
                        "{text:?} is not an RFC 3339 instant ({e}); e.g. 2025-11-10T09:00:00+08:00"
                    ))
                    .at(name)
                })
        })
        .transpose()
}

fn required<T>(value: Option<T>, name: &str) -> Result<T, ApiError> {
    value.ok_or_else(|| ApiError::invalid("is required").at(name))
}

fn date(q: &HashMap<String, String>, name: &str) -> Result<NaiveDate, ApiError> {
    let text = required(q.get(name), name)?;
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|e| ApiError::invalid(format!("{text:?} is not a date YYYY-MM-DD ({e})")).at(name))
}

macro_rules! try_or_respond {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => return ApiError::into_response(e),
        }
    };
}

async fn file<S: Store + Send + 'static>(
    State(app): State<AppState<S>>,
    bytes: Result<Bytes, BytesRejection>,
) -> Response {
    let input: FilingInput = try_or_respond!(body(bytes));
    call(&app.service, move |s| s.file(input)).await
}

async fn command<S: Store + Send + 'static>(
    State(app): State<AppState<S>>,
    Path(id): Path<String>,
    bytes: Result<Bytes, BytesRejection>,
) -> Response {
    let id = try_or_respond!(case_id(&id));
    let input: CommandInput = try_or_respond!(body(bytes));
    call(&app.service, move |s| s.command(&id, input)).await
}

async fn case<S: Store + Send + 'static>(
    State(app): State<AppState<S>>,
    Path(id): Path<String>,
) -> Response {
    let id = try_or_respond!(case_id(&id));
    call(&app.service, move |s| s.case(&id)).await
}

async fn events<S: Store + Send + 'static>(
    State(app): State<AppState<S>>,
    Path(id): Path<String>,
) -> Response {
    let id = try_or_respond!(case_id(&id));
    call(&app.service, move |s| s.events(&id)).await
}

async fn deadlines<S: Store + Send + 'static>(
    State(app): State<AppState<S>>,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let id = try_or_respond!(case_id(&id));
    let now = try_or_respond!(instant(&q, "now"));
    call(&app.service, move |s| s.deadlines(&id, now)).await
}

async fn overdue<S: Store + Send + 'static>(
    State(app): State<AppState<S>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let now = try_or_respond!(instant(&q, "now").and_then(|t| required(t, "now")));
    call(&app.service, move |s| s.overdue(now)).await
}

async fn tick<S: Store + Send + 'static>(
    State(app): State<AppState<S>>,
    bytes: Result<Bytes, BytesRejection>,
) -> Response {
    let input: TickInput = try_or_respond!(body(bytes));
    call(&app.service, move |s| s.tick(input.now)).await
}

async fn report<S: Store + Send + 'static>(
    State(app): State<AppState<S>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let from = try_or_respond!(date(&q, "from"));
    let to = try_or_respond!(date(&q, "to"));
    let as_of = try_or_respond!(instant(&q, "as_of"));
    call(&app.service, move |s| s.report(from, to, as_of)).await
}

async fn penalties<S: Store + Send + 'static>(
    State(app): State<AppState<S>>,
    bytes: Result<Bytes, BytesRejection>,
) -> Response {
    let input: PenaltiesInput = try_or_respond!(body(bytes));
    call(&app.service, move |s| s.penalties(input)).await
}

async fn policy_check(bytes: Result<Bytes, BytesRejection>) -> Response {
    let text = try_or_respond!(bytes.map_err(|r| ApiError::invalid(r.body_text())));
    let text = try_or_respond!(
        std::str::from_utf8(&text).map_err(|e| ApiError::invalid(format!("not UTF-8: {e}")))
    );
    match check_policy_text(text) {
        Ok(doc) => json(&doc),
        Err(e) => e.into_response(),
    }
}

async fn openapi_doc() -> Response {
    json(&crate::openapi::openapi())
}

async fn not_found() -> Response {
    ApiError::new(
        ErrorKind::NotFound,
        "no such endpoint; see GET /openapi.json",
    )
    .into_response()
}

/// Checks the bearer token (when one is configured) and logs each request.
async fn guard<S: Store + Send + 'static>(
    State(app): State<AppState<S>>,
    request: Request,
    next: Next,
) -> Response {
    let started = std::time::Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let open = path == "/openapi.json";
    if let (Some(token), false) = (&app.token, open) {
        let given = request
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        // Compared in full whatever the first difference, so the time taken
        // says nothing about the token.
        let matches = given.is_some_and(|g| {
            g.len() == token.len()
                && g.bytes()
                    .zip(token.bytes())
                    .fold(0u8, |d, (a, b)| d | (a ^ b))
                    == 0
        });
        if !matches {
            tracing::warn!(%method, %path, "unauthorized");
            return ApiError::new(
                ErrorKind::Unauthorized,
                "a bearer token is required: Authorization: Bearer TOKEN",
            )
            .into_response();
        }
    }
    let response = next.run(request).await;
    tracing::info!(
        %method,
        %path,
        status = response.status().as_u16(),
        micros = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX),
        "request"
    );
    response
}

/// The service's routes over `service`.
pub fn router<S: Store + Send + 'static>(service: Shared<S>, config: &Config) -> Router {
    let state = AppState {
        service,
        token: config.token.clone(),
    };
    Router::new()
        .route("/openapi.json", get(openapi_doc))
        .route("/cases", post(file::<S>))
        .route("/cases/{id}", get(case::<S>))
        .route("/cases/{id}/commands", post(command::<S>))
        .route("/cases/{id}/events", get(events::<S>))
        .route("/cases/{id}/deadlines", get(deadlines::<S>))
        .route("/overdue", get(overdue::<S>))
        .route("/tick", post(tick::<S>))
        .route("/report", get(report::<S>))
        .route("/penalties", post(penalties::<S>))
        .route("/policy/check", post(policy_check))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(state.clone(), guard::<S>))
        .layer(DefaultBodyLimit::max(config.body_limit))
        .with_state(state)
}

/// Ticks the due cases every `every` at the wall clock's now, until the
/// service stops. A failure is logged; the next tick tries again.
async fn scheduled_ticks<S: Store + Send + 'static>(service: Shared<S>, every: Duration) {
    let mut interval = tokio::time::interval(every);
    interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        interval.tick().await;
        let now = DateTime::<Utc>::from(std::time::SystemTime::now());
        let service = Arc::clone(&service);
        let done = tokio::task::spawn_blocking(move || {
            let mut s = service
                .lock()
                .map_err(|_| ApiError::server("the engine is poisoned"))?;
            s.tick(now)
        })
        .await;
        match done {
            Ok(Ok(doc)) => tracing::info!(
                %now,
                events = doc.events.len(),
                failures = doc.failures.len(),
                "scheduled tick"
            ),
            Ok(Err(e)) => tracing::error!(%now, error = %e, "scheduled tick failed"),
            Err(e) => tracing::error!(%now, error = %e, "scheduled tick task failed"),
        }
    }
}

/// Serves on `listener` until `shutdown` completes, then finishes the
/// requests under way (graceful shutdown).
pub async fn serve<S: Store + Send + 'static>(
    listener: tokio::net::TcpListener,
    service: Shared<S>,
    config: &Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let ticker = config
        .tick_every
        .map(|every| tokio::spawn(scheduled_ticks(Arc::clone(&service), every)));
    let app = router(service, config);
    if let Ok(addr) = listener.local_addr() {
        tracing::info!(%addr, auth = config.token.is_some(), "tousu serve listening");
    }
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await;
    if let Some(ticker) = ticker {
        ticker.abort();
    }
    tracing::info!("tousu serve stopped");
    served
}

/// Completes on Ctrl-C or (on Unix) SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

/// Runs the service in a runtime of its own until Ctrl-C or SIGTERM: what
/// `tousu serve` calls. `open` builds the service; it runs on the blocking
/// pool (PostgreSQL's client must not start on a runtime thread), and so
/// does dropping it at the end.
pub fn run<S: Store + Send + 'static>(
    config: &Config,
    open: impl FnOnce() -> Result<Service<S>, ApiError> + Send + 'static,
) -> Result<(), ApiError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| ApiError::server(format!("cannot start the runtime: {e}")))?;
    runtime.block_on(async {
        let service = tokio::task::spawn_blocking(open)
            .await
            .map_err(|e| ApiError::server(e.to_string()))??;
        let service = Arc::new(Mutex::new(service));
        let listener = tokio::net::TcpListener::bind(config.bind)
            .await
            .map_err(|e| ApiError::server(format!("cannot listen on {}: {e}", config.bind)))?;
        let served = serve(listener, Arc::clone(&service), config, shutdown_signal()).await;
        tokio::task::spawn_blocking(move || drop(service))
            .await
            .map_err(|e| ApiError::server(e.to_string()))?;
        served.map_err(|e| ApiError::server(format!("the server failed: {e}")))
    })
}
