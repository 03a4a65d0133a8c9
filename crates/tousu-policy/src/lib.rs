//! Organization complaint regulations as validated rule tables, on an exact,
//! fast working-day calendar.
//!
//! # Plan
//!
//! - `duration` — time limits: `"30 minutes"`, `"15 working days"`,
//!   `"15个工作日"`, `"一个月"`.
//! - `calendar` — weekly rest days, China's statutory holidays and 调休
//!   make-up working days as data, policy overrides, business hours, and
//!   deadlines under the Civil Code convention (arts. 201–203).
//! - `Policy` — the document: levels, categories, rule tables, milestones,
//!   escalation, authority, recusal, penalty schedules (tables only).
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
