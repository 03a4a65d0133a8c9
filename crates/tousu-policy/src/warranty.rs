//! Warranty periods per category (保修期) and the retention period (保存期限).
//!
//! Construction-quality regulations list a warranty per work item, and the
//! tables differ by province (S29 Jiangsu 1997: roof waterproofing 3 years,
//! plumbing 6 months; S35 Anhui: 5 years and 2 years). A policy writes its
//! own table:
//!
//! ```toml
//! [[warranties]]
//! category = "roof_waterproofing"
//! term = "5 years"            # also "5年", "36 months", "6个月"
//!
//! [[warranties]]
//! category = "heating"
//! term = "2 heating seasons"  # "2个采暖期": not computable, told by people
//!
//! [[warranties]]
//! category = "structure"
//! term = "design_life"        # "合理使用年限"; also "contract" / "按合同约定"
//! ```
//!
//! A warranty runs from the complaint's delivery date
//! (`product.delivery_date`, 交付之日); the starting day is not counted and
//! the period ends at 24:00 of its last day.

use std::borrow::Cow;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tousu_model::CategoryId;

use crate::duration::{Duration, DurationUnit};

/// The length of a warranty.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WarrantyTerm {
    /// Whole years (`"5 years"`, `"5年"`).
    Years(u32),
    /// Calendar months or calendar days (`"6 months"`, `"6个月"`, `"90天"`).
    Period(Duration),
    /// Heating / cooling seasons (`"2 heating seasons"`, `"2个采暖期"`):
    /// their dates are local, so expiry is not computed.
    HeatingSeasons(u32),
    /// The design life in the design documents (设计文件规定的合理使用年限).
    DesignLife,
    /// As agreed in the contract (按合同约定).
    Contract,
}

const TERM_EXPECTED: &str = "expected e.g. \"5 years\", \"5年\", \"6 months\", \"6个月\", \"90天\", \
\"2 heating seasons\", \"2个采暖期\", \"design_life\" (合理使用年限) or \"contract\" (按合同约定)";

/// Why a text is not a [`WarrantyTerm`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{text:?} is not a warranty term; {TERM_EXPECTED}")]
pub struct WarrantyTermError {
    /// The text as given.
    pub text: String,
}

/// A whole number followed by one of `units` (spaces ignored).
pub(crate) fn count_with_unit(text: &str, units: &[&str]) -> Option<u32> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let compact = compact.to_lowercase();
    units.iter().find_map(|u| {
        let number = compact.strip_suffix(u)?;
        let number = number.strip_suffix('个').unwrap_or(number);
        let n: u32 = number.parse().ok()?;
        (n > 0).then_some(n)
    })
}

impl std::str::FromStr for WarrantyTerm {
    type Err = WarrantyTermError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = || WarrantyTermError {
            text: text.to_owned(),
        };
        let t = text.trim();
        match t {
            "design_life" | "合理使用年限" | "设计文件规定的合理使用年限" => {
                return Ok(WarrantyTerm::DesignLife);
            }
            "contract" | "按合同约定" | "合同约定" => return Ok(WarrantyTerm::Contract),
            _ => {}
        }
        if let Some(n) = count_with_unit(t, &["years", "year", "年"]) {
            return Ok(WarrantyTerm::Years(n));
        }
        if let Some(n) = count_with_unit(
            t,
            &[
                "heatingseasons",
                "heatingseason",
                "采暖期",
                "采暖供冷期",
                "采暖期、供冷期",
            ],
        ) {
            return Ok(WarrantyTerm::HeatingSeasons(n));
        }
        let d: Duration = t.parse().map_err(|_| err())?;
        match d.unit() {
            DurationUnit::Months | DurationUnit::CalendarDays => Ok(WarrantyTerm::Period(d)),
            _ => Err(err()),
        }
    }
}

impl fmt::Display for WarrantyTerm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WarrantyTerm::Years(1) => f.write_str("1 year"),
            WarrantyTerm::Years(n) => write!(f, "{n} years"),
            WarrantyTerm::Period(d) => write!(f, "{d}"),
            WarrantyTerm::HeatingSeasons(1) => f.write_str("1 heating season"),
            WarrantyTerm::HeatingSeasons(n) => write!(f, "{n} heating seasons"),
            WarrantyTerm::DesignLife => f.write_str("design_life"),
            WarrantyTerm::Contract => f.write_str("contract"),
        }
    }
}

impl Serialize for WarrantyTerm {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for WarrantyTerm {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<'de, str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for WarrantyTerm {
    fn schema_name() -> Cow<'static, str> {
        "WarrantyTerm".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A warranty term: whole years, calendar months or days, heating seasons, the design life or as agreed by contract.",
            "examples": ["5 years", "5年", "6 months", "6个月", "2 heating seasons", "design_life", "contract"],
        })
    }
}

/// The warranty for a category (and its descendants; the nearest wins).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Warranty {
    /// The category (work item).
    pub category: CategoryId,
    /// How long.
    pub term: WarrantyTerm,
    /// A note for people (the clause, e.g. "苏建质(1997)373号 屋面防水").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How long records are kept (保存期限, ruling 15 in docs/rulings.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RetentionPeriod {
    /// Whole years (`"2 years"`, `"2年"`).
    Years(u32),
    /// Calendar months (`"6 months"`).
    Months(u32),
    /// Kept permanently (`"permanent"`, `"永久"`).
    Permanent,
}

/// Why a text is not a [`RetentionPeriod`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{text:?} is not a retention period; expected e.g. \"2 years\", \"2年\", \"6 months\", \"6个月\" or \"permanent\" (永久)"
)]
pub struct RetentionPeriodError {
    /// The text as given.
    pub text: String,
}

impl std::str::FromStr for RetentionPeriod {
    type Err = RetentionPeriodError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let t = text.trim();
        if matches!(t, "permanent" | "永久" | "永久保存") {
            return Ok(RetentionPeriod::Permanent);
        }
        if let Some(n) = count_with_unit(t, &["years", "year", "年"]) {
            return Ok(RetentionPeriod::Years(n));
        }
        if let Some(n) = count_with_unit(t, &["months", "month", "月"]) {
            return Ok(RetentionPeriod::Months(n));
        }
        Err(RetentionPeriodError {
            text: text.to_owned(),
        })
    }
}

impl fmt::Display for RetentionPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RetentionPeriod::Years(1) => f.write_str("1 year"),
            RetentionPeriod::Years(n) => write!(f, "{n} years"),
            RetentionPeriod::Months(1) => f.write_str("1 month"),
            RetentionPeriod::Months(n) => write!(f, "{n} months"),
            RetentionPeriod::Permanent => f.write_str("permanent"),
        }
    }
}

impl Serialize for RetentionPeriod {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for RetentionPeriod {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<'de, str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for RetentionPeriod {
    fn schema_name() -> Cow<'static, str> {
        "RetentionPeriod".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "How long records are kept: whole years or months, or permanent.",
            "examples": ["2 years", "2年", "6 months", "permanent", "永久"],
        })
    }
}

/// The retention policy (S03 two years, S17 one year with important material
/// kept longer, S41 permanent).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Retention {
    /// How long case records are kept after closing.
    pub period: RetentionPeriod,
    /// How long cases flagged important are kept, if longer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub important: Option<RetentionPeriod>,
}
