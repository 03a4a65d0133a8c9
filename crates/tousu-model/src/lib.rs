//! The nouns of the complaint domain (投诉), as plain validated data.
//!
//! Every type here is serde-serializable with a JSON Schema (schemars), and
//! validated at construction: ids ([`StaffId`], [`LevelId`], ...), money to
//! the fen ([`Money`]), closed vocabularies with Chinese labels ([`Channel`],
//! [`Satisfaction`], ...), complaint numbers ([`ComplaintNoPattern`]), the
//! organization ([`DepartmentTree`], [`Staff`], [`Roster`]) and the
//! [`Complaint`] itself with every field the seed registration forms record.
//! There is no behaviour beyond validation: policies, the workflow and the
//! money rules live in the other tousu crates.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use tousu_model::{Channel, Complainant, Complaint, Money};
//!
//! let at = Utc.with_ymd_and_hms(2025, 10, 9, 2, 0, 0).single().ok_or("bad time")?;
//! let c = Complaint::builder(at, "热线".parse()?, "营业厅排队两小时无人办理")
//!     .complainant(Complainant::person("刘女士")?)
//!     .build()?;
//! assert_eq!(c.channel, Channel::Phone);
//! assert_eq!(c.channel.label_zh(), "电话");
//! assert_eq!("¥1,234.50".parse::<Money>()?.to_string(), "¥1,234.50");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Features
//!
//! - `proptest`: a `strategies` module with a proptest strategy for every
//!   type, for property tests of your own.
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

mod complaint;
mod complaint_no;
pub mod decimal_text;
mod error;
mod id;
pub mod instant;
pub mod json;
#[doc(hidden)]
pub mod __id_rules {
    pub use crate::id::{IdVisitor, RecentIds, check_code, check_ref, schema};
    pub use arcstr::ArcStr;
}
mod labels;
pub mod markdown;
mod money;
mod month;
mod org;
mod party;
mod share;
#[cfg(feature = "proptest")]
#[cfg_attr(docsrs, doc(cfg(feature = "proptest")))]
pub mod strategies;

pub use complaint::{
    AttachmentRef, COMPLAINT_SCHEMA_VERSION, Complaint, ComplaintBuilder, ComplaintFlags,
    FactValue, ProductData, Remedy,
};
pub use complaint_no::{ComplaintNo, ComplaintNoParts, ComplaintNoPattern};
pub use error::{ModelError, Problem};
pub use id::{
    AttachmentId, CaseId, CategoryId, CommandId, DepartmentId, FactName, LevelId, PartyId, RoleId,
    StaffId,
};
pub use labels::{
    Channel, CustomerClass, FaultParty, FeedbackKind, PartyKind, RemedyKind, RoundingMode,
    SanctionKind, Satisfaction, Validity,
};
pub use money::Money;
pub use month::Month;
pub use org::{Department, DepartmentTree, ROSTER_SCHEMA_VERSION, Roster, RosterDoc, Staff};
pub use party::{Complainant, Contact, Respondent};
pub use share::{Responsibility, ResponsibleParty};
