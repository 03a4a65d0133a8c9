//! Responsibility shares (责任比例): one type for the workflow's findings,
//! the penalty facts' losses and everything between.

use rust_decimal::Decimal;

use crate::{DepartmentId, ModelError, StaffId};

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
    pub share: Decimal,
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

impl Responsibility {
    /// A share borne by a staff member. `share` is a weight — `60`,
    /// `Decimal::new(6, 1)`, or text through [`Responsibility::parse_share`]:
    /// only the proportions between the shares of one case matter.
    ///
    /// ```
    /// use tousu_model::{Responsibility, StaffId, DepartmentId};
    /// let shares = vec![
    ///     Responsibility::staff(StaffId::new("w1")?, 60),
    ///     Responsibility::department(DepartmentId::new("eng")?, Responsibility::parse_share("40%")?),
    /// ];
    /// assert_eq!(shares[0].share, shares[1].share + rust_decimal::Decimal::from(20));
    /// # Ok::<(), tousu_model::ModelError>(())
    /// ```
    pub fn staff(id: StaffId, share: impl Into<Decimal>) -> Self {
        Responsibility {
            party: ResponsibleParty::Staff(id),
            share: share.into(),
        }
    }

    /// A share borne by a department (no person identified).
    pub fn department(id: DepartmentId, share: impl Into<Decimal>) -> Self {
        Responsibility {
            party: ResponsibleParty::Department(id),
            share: share.into(),
        }
    }

    /// A share written as files write it: `"0.6"`, `"60"` or `"60%"`.
    pub fn parse_share(text: &str) -> Result<Decimal, ModelError> {
        crate::decimal_text::weight::parse(text)
    }
}
