//! Exact complaint fines, loss allocation and monthly caps, explained line by
//! line.
//!
//! Given a policy's [`PenaltySchedule`] (the tables), the staff [`Roster`], a
//! month's [`PenaltyFacts`] (overtime breaches, violations, losses with
//! responsibility shares, sanctions, complaints per person) and last month's
//! [`CarryOver`], [`compute_statements`] produces a [`Statement`] per person:
//! every line names the rule that produced it and explains itself in Chinese
//! and English; deductions from the month's efficiency bonus (效益奖金) are
//! capped (S41: 50 %) and the excess carried forward as instalments
//! (逐月分期罚扣). All money is integer fen ([`Money`]); splitting an amount
//! by shares is [`allocate()`], exact largest remainder. Nothing reads a clock,
//! nothing panics, and the same inputs give the same output.
//!
//! ```
//! use tousu_model::{Roster, StaffId};
//! use tousu_penalty::{compute_statements, render_markdown, PenaltyFacts};
//! use tousu_policy::PenaltySchedule;
//!
//! let roster: Roster = serde_json::from_str(r#"{
//!     "departments": [{"id": "sales", "name": "业务科"}],
//!     "staff": [
//!         {"id": "e1", "name": "李明", "department": "sales", "base_points": "3", "monthly_bonus": "2000"},
//!         {"id": "e2", "name": "王芳", "department": "sales", "base_points": "2", "monthly_bonus": "1000"}
//!     ]
//! }"#)?;
//! // The S41 rules: department losses split by base points, a 50 % cap.
//! let schedule: PenaltySchedule = serde_json::from_str(r#"{"cap": {"percent": "50"}}"#)?;
//! let facts: PenaltyFacts = serde_json::from_str(r#"{
//!     "period": "2025-10",
//!     "losses": [{"case": "C-42", "amount": "3000.00", "responsible": {"department": "sales"}}]
//! }"#)?;
//!
//! let result = compute_statements(&schedule, &roster, &facts, None)?;
//! let li = &result.statements[0];
//! assert_eq!(&*li.lines[0].rule, "loss.C-42");
//! assert_eq!(li.gross.to_plain_string(), "1800.00"); // 3000 ÷ 5 points × 3
//! assert_eq!(li.deducted.to_plain_string(), "1000.00"); // 50 % of 2000
//! assert_eq!(li.carried_forward.to_plain_string(), "800.00");
//! assert_eq!(result.carry_out.balances[&StaffId::new("e2")?].to_plain_string(), "700.00");
//!
//! // Next month, with nothing new, the instalments continue under the cap.
//! let november: PenaltyFacts = serde_json::from_str(r#"{"period": "2025-11"}"#)?;
//! let next = compute_statements(&schedule, &roster, &november, Some(&result.carry_out))?;
//! assert_eq!(next.statements[0].deducted.to_plain_string(), "800.00");
//! assert_eq!(next.statements[1].deducted.to_plain_string(), "500.00");
//! assert!(render_markdown(&next).contains("结转 Carry-over"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Modules
//!
//! - [`facts`] — the inputs: [`Month`], [`PenaltyFacts`], [`CarryOver`].
//! - [`allocate`](mod@allocate) — integer largest remainder on fen.
//! - [`statement`] — [`compute_statements`] and its output types; the
//!   settlement rules (cap, carry, whole-bonus sanction) are documented there.
//! - [`text`](mod@text) — the shared rule and case ids of lines and their
//!   explanations, written when displayed or serialized.
//! - [`render`] — Markdown for people.
//!
//! `docs/penalties.md` in the repository walks through the arithmetic with a
//! worked example.
//!
//! [`PenaltySchedule`]: tousu_policy::PenaltySchedule
//! [`Roster`]: tousu_model::Roster
//! [`Money`]: tousu_model::Money
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

pub mod allocate;
mod error;
pub mod facts;
pub mod render;
pub mod statement;
#[cfg(feature = "proptest")]
#[cfg_attr(docsrs, doc(cfg(feature = "proptest")))]
pub mod strategies;
pub mod text;

pub use allocate::allocate;
pub use error::PenaltyError;
pub use facts::{
    Breach, CARRY_SCHEMA_VERSION, CarryOver, ComplaintAgainst, FACTS_SCHEMA_VERSION, Loss, Names,
    PenaltyFacts, Responsible, Sanction, UnownedBreach, Violation, YearReview,
};
pub use render::{render_markdown, render_statement};
pub use statement::{
    CustomOutcome, DepartmentTotal, LineItem, LineItemDoc, Outcome, OutcomeDoc, PeriodResult,
    PeriodSummary, STATEMENT_SCHEMA_VERSION, Statement, compute_statements,
};
pub use text::{Cases, Explanation};
/// The month of a statement; one type with the month of complaint numbering.
pub use tousu_model::Month;

/// The month of a statement, under its former name.
#[deprecated(
    since = "0.1.0",
    note = "renamed `Month` (tousu_model::Month), one type for every month"
)]
pub type Period = Month;
/// The model's responsibility shares, which [`Responsible::Parties`] lists.
pub use tousu_model::{Responsibility, ResponsibleParty};
