//! Responsibility shares (责任比例): one type for the workflow's findings,
//! the penalty facts' losses and everything between.

use crate::{DepartmentId, StaffId};

/// A share of responsibility (责任比例): who, and their weight. The
/// investigation's findings record them; a loss is allocated by them.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Responsibility {
    /// Who: a staff member, or a department when no person is identified.
    #[serde(flatten)]
    pub party: ResponsibleParty,
    /// Their weight (a ratio or a percent; only the proportions matter), a decimal string.
    #[serde(with = "crate::decimal_text::weight")]
    #[schemars(with = "String")]
    pub share: rust_decimal::Decimal,
}

/// Who bears a share of responsibility.
#[derive(
    Clone,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ResponsibleParty {
    /// A staff member.
    Staff(StaffId),
    /// A department (split among its staff by the penalty schedule's department rule).
    Department(DepartmentId),
}
