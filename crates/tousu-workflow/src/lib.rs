//! The complaint lifecycle as a pure, replayable state machine.
//!
//! The crate has the *decider* shape, sans-IO, as rustls hand-rolls its
//! handshake: [`decide`] takes a [`Case`], a [`Command`] and a [`Ctx`] (the
//! policy, its calendar, the roster and `now`) and returns the [`Event`]s it
//! causes or a [`Rejection`]; [`evolve`] applies an event; [`Case::replay`]
//! folds a case's events; [`tick`] yields what time alone causes (warnings,
//! breaches, escalations); [`deadlines`] shows every open clock. Nothing here
//! reads a clock or does I/O, and a rejected command changes nothing.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use tousu_model::*;
//! use tousu_policy::Policy;
//! use tousu_workflow::*;
//!
//! let rt = PolicyRuntime::new(Policy::default_policy()?)?;
//! let cs = DepartmentId::new("cs")?;
//! let roster = Roster::new(
//!     DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)])?,
//!     vec![Staff::new(StaffId::new("e1")?, "李客服", cs).with_role(RoleId::new("complaint_manager")?)],
//! )?;
//! let at = Utc.with_ymd_and_hms(2025, 10, 9, 1, 0, 0).single().ok_or("time")?;
//! let complaint = Complaint::builder(at, Channel::Phone, "热水器漏水").build()?;
//! let cmd = Command::new(
//!     CommandId::new("c1")?, StaffId::new("e1")?, at, 0,
//!     CommandKind::Register { case_id: CaseId::new("K1")?, number: None, complaint: Box::new(complaint), repeat_count: 0 },
//! );
//! let ctx = rt.ctx(&roster, at);
//! let events = register(&cmd, &ctx)?;
//! let case = Case::replay(&rt.policy, &events)?;
//! assert_eq!(case.status, Status::Registered);
//! assert!(!deadlines(&case, &ctx)?.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Rules the decider keeps
//!
//! - **Idempotency**: a command id the case has seen yields no events.
//! - **Optimistic concurrency**: `expected_version` must equal the case's version.
//! - **Authority**: the actor's roles must be granted the command's
//!   [`Action`](tousu_policy::Action); the respondent (and, where the policy
//!   says, their supervisor and declared conflicts) may not take the
//!   policy's recused actions nor be assigned; approval above the actor's
//!   limit is [`Rejection::OutOfAuthority`] naming the role that may approve.
//! - **Clocks**: the policy's milestones start, stop, pause and resume on
//!   the events a command causes, in the order stop, pause, resume, start.
//!   Suspended time does not count. Raising the level gives running clocks
//!   the earlier of their deadline and `now` + the new level's target;
//!   lowering it never loosens a running clock.
//! - **Rounds**: an unsatisfied callback after the level's rounds (对应次数)
//!   escalates along the `rounds_exhausted` steps or closes unsatisfied, as
//!   the policy says; a new round is refused once rounds are used up unless
//!   the case was escalated in that round.
//! - **Breaches** are emitted once per milestone per round (per period of a
//!   repeating clock; per date of an agreed deadline a later agreement
//!   replaced, ruling 110), owned by the clock's owner at that moment (for
//!   overtime fines).
//!
//! # Features
//!
//! - `proptest`: a `strategies` module with command-sequence strategies
//!   under your own policy and roster, and a driver that runs them; and
//!   a `testkit` module: given / when / then for one case, and a law library
//!   with coverage applied to your policy in one call.
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

mod applied;
mod authority;
mod builder;
mod canonical;
mod case;
mod clocks;
mod command;
mod ctx;
mod decide;
mod due;
mod duties;
mod event;
mod holder;
mod inputs;
mod recalc;
mod rejection;
#[cfg(feature = "proptest")]
#[cfg_attr(docsrs, doc(cfg(feature = "proptest")))]
pub mod strategies;
#[cfg(feature = "proptest")]
#[cfg_attr(docsrs, doc(cfg(feature = "proptest")))]
pub mod testkit;
mod tick;

pub use authority::can_view;
pub use builder::CommandBuilder;
pub use case::{
    AcceptanceRecord, CASE_SCHEMA_VERSION, Case, Clock, ClockState, Closure, DeadlineBasis,
    EscalationRecord, Extension, Findings, Participants, Proposal, RecordSignature, ReplayError,
    SignOff, Status, Suspension, evolve,
};
pub use clocks::{AGREED_DEADLINE, DeadlineView, milestone_name_zh};
pub use command::{
    AppliedCommands, Assignment, COMMAND_SCHEMA_VERSION, Command, CommandDigest, CommandKind,
    Details, DigestScheme, Responsibility, ResponsibleParty,
};
pub use ctx::{Ctx, PolicyRuntime};
pub use decide::{decide, handle, register};
pub use due::next_due;
pub use duties::{
    DUTY_LOG_SCHEMA_VERSION, DutyCharge, DutyError, DutyJudgement, DutyLog, DutyOutcome,
    DutyRecord, DutyReport, IgnoredRecord, MAX_RANGE_DAYS, Occurrence, PeriodKey,
    PeriodKeyParseError, RotaEntry, duty_occurrences, judge_duties,
};
pub use event::{
    ClockStartExtras, ClosureKind, EVENT_SCHEMA_VERSION, EscalationCause, Event, EventKind,
    OwnersTried, ProposedSolution,
};
pub use inputs::MAX_TEXT_CHARS;
pub use recalc::{recalculate, standing_breaches};
pub use rejection::Rejection;
pub use tick::{
    AfterTick, TickWithDue, deadlines, tick, tick_with_next_due, tick_with_next_due_into,
};
