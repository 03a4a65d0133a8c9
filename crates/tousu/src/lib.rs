//! tousu (投诉): complaint handling by written regulation.
//!
//! This is the crate an application adds to its `Cargo.toml`. It re-exports
//! the parts, as ICU4X's `icu` and ripgrep's `grep` do — [`model`] (the
//! nouns), [`policy`] (a regulation as rule tables, the calendar),
//! [`workflow`] (the lifecycle as a pure decider), [`penalty`] (fines and
//! allocation to the fen) — and adds only what needs all of them: the
//! [`Engine`], the [`Store`] trait an adapter implements (with
//! [`MemoryStore`]), and period reports.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use tousu::prelude::*;
//!
//! let cs = DepartmentId::new("cs")?;
//! let roster = Roster::new(
//!     DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)])?,
//!     vec![Staff::new(StaffId::new("kf")?, "李客服", cs).with_role(RoleId::new("complaint_manager")?)],
//! )?;
//! let mut engine = Engine::new(Policy::default_policy()?, roster, MemoryStore::new())?;
//! let at = Utc.with_ymd_and_hms(2025, 10, 9, 1, 0, 0).single().ok_or("time")?;
//! let filed = engine.file(Filing {
//!     actor: StaffId::new("kf")?,
//!     command_id: CommandId::new("f1")?,
//!     case_id: None,
//!     complaint: Complaint::builder(at, Channel::Phone, "热水器漏水").build()?,
//!     repeat_count: 0,
//! })?;
//! let accept = Command::new(CommandId::new("c2")?, StaffId::new("kf")?, at, filed.case.version,
//!     CommandKind::Accept { override_reason: None });
//! engine.handle(&filed.case.id, &accept)?;
//! assert_eq!(engine.case(&filed.case.id)?.status, Status::Accepted);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Features
//!
//! - `proptest`: each part's proptest strategies (`model::strategies`, ...),
//!   the tester's kit (`workflow::testkit`: given / when / then, the law
//!   library with coverage), and [`testkit`]: a model-based check of the
//!   [`Engine`] over any [`Store`]. See `docs/testing.md`.
//! - `conformance`: the `tousu::conformance` kit, the checks any [`Store`] must pass.
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

#[doc(inline)]
pub use tousu_model as model;
#[doc(inline)]
pub use tousu_penalty as penalty;
#[doc(inline)]
pub use tousu_policy as policy;
#[doc(inline)]
pub use tousu_report as report;
#[doc(inline)]
pub use tousu_workflow as workflow;

#[cfg(feature = "conformance")]
pub mod conformance;
mod engine;
mod error;
mod store;
#[cfg(feature = "proptest")]
pub mod testkit;
mod ticks;

pub use engine::{Engine, Filed, Filing, Overdue, WithoutDeadline};
pub use error::Error;
pub use store::{
    Batch, CommandHash, CommandRecord, Latest, MemoryStore, Month, Positioned, Store, StoreError,
    check_not_torn, instant_nanos,
};
pub use ticks::{TickReport, Ticked};

/// The README's embedding example, compiled and run as a doc test.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// The names most programs need, in one `use tousu::prelude::*;`.
pub mod prelude {
    pub use crate::report::{PeriodReport, ReportPeriod, period_report};
    pub use crate::{
        Engine, Error, Filed, Filing, MemoryStore, Overdue, Store, StoreError, TickReport,
        WithoutDeadline,
    };
    pub use tousu_model::{
        CaseId, CategoryId, Channel, CommandId, Complainant, Complaint, ComplaintFlags,
        CustomerClass, Department, DepartmentId, DepartmentTree, LevelId, Money, Remedy,
        RemedyKind, Respondent, RoleId, Roster, Satisfaction, Staff, StaffId,
    };
    pub use tousu_penalty::{CarryOver, PenaltyFacts, Period, PeriodResult};
    pub use tousu_policy::{Calendar, Duration, Policy};
    pub use tousu_workflow::{
        Assignment, Case, Command, CommandKind, DeadlineView, Event, EventKind, Rejection, Status,
    };
}
