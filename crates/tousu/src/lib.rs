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
//! use tousu::prelude::*; // chrono's and rust_decimal's types included
//!
//! let cs = DepartmentId::new("cs")?;
//! let kf = StaffId::new("kf")?;
//! let roster = Roster::new(
//!     DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)])?,
//!     vec![Staff::new(kf.clone(), "李客服", cs).with_role(RoleId::new("complaint_manager")?)],
//! )?;
//! let mut engine = Engine::new(Policy::default_policy()?, roster, MemoryStore::new())?;
//! let at = Utc.with_ymd_and_hms(2025, 10, 9, 1, 0, 0).single().ok_or("time")?;
//! let complaint = Complaint::builder(at, Channel::Phone, "热水器漏水").build()?;
//! let filed = engine.file(Filing::new(kf.clone(), CommandId::new("f1")?, complaint))?;
//! // Decided on the case as it is now; `.expecting(version)` for optimistic concurrency.
//! engine.submit(&filed.case.id, Command::builder(CommandId::new("c2")?, kf, at).accept())?;
//! assert_eq!(engine.case(&filed.case.id)?.status, Status::Accepted);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The API takes `chrono` instants and `rust_decimal` decimals: both crates
//! are re-exported ([`chrono`], [`rust_decimal`]) and their everyday types
//! are in the [`prelude`], so an application needs neither in its own
//! manifest. Amounts are [`Money`](model::Money) (`Money::from_fen(1250)`,
//! `Money::from_yuan(12)`, `Money::parse("12.50")`), responsibility shares
//! [`Responsibility::staff(id, 60)`](model::Responsibility::staff).
//!
//! # What happens when
//!
//! - **A complaint number** is taken by [`Engine::file`] only after every
//!   check has passed, inside the store write that stores the registration:
//!   a refused filing or a failed write uses up no number, so a month's
//!   numbers have no gaps. A filing is idempotent by its command id: filed
//!   again, it returns the case it opened.
//! - **A command** is decided by [`Engine::submit`] on the case as it is
//!   now, or by [`Engine::handle`] against the version the sender saw
//!   (stale: refused, nothing changes). A rejected command changes nothing;
//!   a command id used again returns the first outcome, or
//!   [`Error::CommandReused`] if the command differs.
//! - **Time passing**: [`Engine::tick_all`] ticks only the cases the store's
//!   due index lists, each on its own. A case that fails (its policy version
//!   is missing, its events do not replay, the store refuses its write) is
//!   reported in the [`TickReport`] with why, changed nothing, and is tried
//!   again at the next tick; every other case is still ticked, and every
//!   event appended is in the report. Only an unreadable due index fails
//!   the call as a whole.
//! - **A new policy version** ([`Engine::add_policy`]) judges new cases;
//!   open cases keep the version they were opened under until a
//!   `migrate_policy` command moves one, deliberately, with a reason. The
//!   migration is decided under the version it migrates to (its grants say
//!   who may), which the engine must hold
//!   ([`Error::MissingPolicyVersion`] otherwise). Clocks already running
//!   keep their deadlines; later commands, ticks and new clocks follow the
//!   new version.
//! - **A breach's owner**, who pays its overtime fine, is the milestone's
//!   `owner` when it breached: the assignee (责任人), the first responder, or
//!   the staff member on the case holding a role. When that names nobody —
//!   an assignee-owned clock that breaches before anyone is assigned — the
//!   milestone's `fallback_owner` answers; an agreed deadline is owned as
//!   the milestone it replaces. A breach with neither fines nobody but is
//!   never dropped: [`Engine::penalty_facts`] lists it as an unowned breach
//!   with the reason, and the month's statements show it.
//! - **A calendar failure** is always [`Error::Calendar`]; a year without
//!   holiday data is not a failure: its clocks run without a deadline
//!   ([`WithoutDeadline`]).
//!
//! # Features
//!
//! Every feature is documented on docs.rs, which builds with all of them;
//! each gated item says which feature it needs.
//!
//! - `proptest`: each part's proptest strategies (`model::strategies`, ...),
//!   the tester's kit (`workflow::testkit`: given / when / then, the law
//!   library with coverage), and `testkit`: a model-based check of the
//!   [`Engine`] over any [`Store`]. See `docs/testing.md`.
//! - `conformance`: the `conformance` kit, the checks any [`Store`] must pass.
#![forbid(unsafe_code)]
// docs.rs builds with every feature and `--cfg docsrs`: gated items say which feature they need.
#![cfg_attr(docsrs, feature(doc_cfg))]
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

/// The date and time crate the API takes instants from (`DateTime<Utc>`),
/// re-exported so that an application needs no `chrono` of its own (and
/// never a second, mismatched version of it).
#[doc(no_inline)]
pub use chrono;
/// The decimal crate the API takes weights and base points from
/// (`Decimal`), re-exported for the same reason.
#[doc(no_inline)]
pub use rust_decimal;

#[cfg(feature = "conformance")]
#[cfg_attr(docsrs, doc(cfg(feature = "conformance")))]
pub mod conformance;
mod engine;
mod error;
mod store;
#[cfg(feature = "proptest")]
#[cfg_attr(docsrs, doc(cfg(feature = "proptest")))]
pub mod testkit;
mod ticks;

pub use engine::{Engine, Filed, Filing, Overdue, TICK_WRITE_CHUNK, WithoutDeadline};
pub use error::Error;
pub use store::{
    Appended, Batch, BulkRow, CommandHash, CommandRecord, Decided, DueDecided, DueOutcomes, Latest,
    MemoryStore, Month, Positioned, Store, StoreError, check_not_torn, instant_nanos,
    latest_in_bulk,
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
    pub use tousu_penalty::{CarryOver, Month, PenaltyFacts, PeriodResult};
    pub use tousu_policy::{Calendar, Duration, Policy};
    pub use tousu_workflow::{
        Assignment, Case, Command, CommandBuilder, CommandKind, DeadlineView, Event, EventKind,
        Rejection, Responsibility, ResponsibleParty, Status,
    };

    /// What the API takes from `chrono` and `rust_decimal`: instants
    /// (`Utc.with_ymd_and_hms(..)` needs `TimeZone` in scope), durations
    /// between them, decimals (`Decimal::from(3)`, `"0.6".parse()`).
    pub use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta, TimeZone, Utc};
    pub use rust_decimal::Decimal;
}
