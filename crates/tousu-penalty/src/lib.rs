//! Exact complaint fines, loss allocation and monthly caps.
//!
//! **Status: planned.** This crate is laid out by the workspace foundation and
//! filled by the penalty issue; it exports nothing yet, on purpose.
//!
//! # Plan
//!
//! - `facts` — the inputs: period, breaches, violations, losses with
//!   responsibility shares, sanctions, the staff roster, last period's
//!   carry-over.
//! - `allocate` — integer largest remainder on fen: parts sum exactly, each
//!   within one fen of its quota, ties to the lower party id.
//! - `statement` — a `Statement` per person per period, each line naming the
//!   rule that produced it; the monthly cap with instalments carried forward.
//! - `render` — Markdown for people.
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
