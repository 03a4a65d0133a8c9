//! tousu as a service, for programs in any language: the operations over a
//! durable store ([`Service`]) with their JSON documents ([`docs`]) and one
//! error shape ([`ErrorDoc`], with the exit code and HTTP status of each
//! [`ErrorKind`]); the HTTP/JSON server on axum ([`http`]) and its OpenAPI
//! 3.1 document ([`openapi::openapi`]). `tousu serve` and the stateful
//! `tousu cases …` commands are built on it; see `docs/serve.md`.
//!
//! ```
//! use tousu::prelude::*;
//! use tousu_serve::{Service, docs::CommandInput, from_json};
//!
//! let cs = DepartmentId::new("cs")?;
//! let roster = Roster::new(
//!     DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)])?,
//!     vec![Staff::new(StaffId::new("kf")?, "李客服", cs).with_role(RoleId::new("complaint_manager")?)],
//! )?;
//! let mut service = Service::new(Engine::new(Policy::default_policy()?, roster, MemoryStore::new())?);
//! // A command from another language, with a field that is wrong: the error names it.
//! let err = from_json::<CommandInput>(r#"{"id": "c1", "actor": "kf", "at": "yesterday", "kind": {"type": "accept"}}"#)
//!     .unwrap_err();
//! assert_eq!(err.path.as_deref(), Some("at"));
//! # let _ = &mut service;
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

pub mod docs;
mod error;
pub mod http;
pub mod openapi;
mod service;
mod store;

pub use error::{ApiError, ErrorDoc, ErrorKind, RejectionDoc, from_json, from_value};
pub use service::{Service, calendar_summary, check_policy, check_policy_text, import_events};
pub use store::AnyStore;

/// Sends the service's logs to standard error, one line per event with its
/// fields (`method=POST path=/tick status=200 micros=812`), filtered by
/// `RUST_LOG` (default `info`). For programs that set up no subscriber of
/// their own; does nothing if one is set already.
pub fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .try_init();
}
