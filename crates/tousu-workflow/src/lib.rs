//! The complaint lifecycle as a pure, replayable state machine.
//!
//! **Status: planned.** This crate is laid out by the workspace foundation and
//! filled by the workflow issue; it exports nothing yet, on purpose, so that
//! nothing here pretends to work.
//!
//! # Plan
//!
//! The crate follows the *decider* shape, sans-IO, as rustls hand-rolls its
//! handshake: a plain enum of statuses and a `match (status, command)` with no
//! wildcard arm.
//!
//! - `case` — `Case`: the complaint, its status, round, assignments,
//!   milestone clocks, version and history length; `Case::replay`.
//! - `command` — `Command` (actor, instant, command id, expected version).
//! - `event` — `Event`, what `decide` returns and `evolve` applies.
//! - `decide` / `evolve` / `tick` / `deadlines` — the functions; `Ctx`
//!   carries the policy and `now`; nothing reads a clock.
//! - `rejection` — `Rejection`: not permitted, recused, out of authority,
//!   invalid transition, stale version, invalid input.
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
