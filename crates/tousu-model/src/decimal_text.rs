//! Decimals in files: strings or integers, never floats.
//!
//! `serde_json` and TOML floats lose digits, so every decimal a user writes
//! (a base-point count, a percentage, a responsibility share, a numeric
//! fact) travels as a string — `"0.6"`, `"12.50"` — or as an integer. Use
//! with `#[serde(with = "tousu_model::decimal_text")]`; [`weight`] also
//! accepts a trailing `%` (`"60%"`), for weights where only proportions
//! matter.
//!
//! ```
//! use rust_decimal::Decimal;
//! #[derive(serde::Deserialize)]
//! struct Row {
//!     #[serde(with = "tousu_model::decimal_text")]
//!     points: Decimal,
//!     #[serde(with = "tousu_model::decimal_text::weight")]
//!     share: Decimal,
//! }
//! let row: Row = serde_json::from_str(r#"{"points": 3, "share": "60%"}"#)?;
//! assert_eq!((row.points, row.share), (Decimal::from(3), Decimal::from(60)));
//! assert!(serde_json::from_str::<Row>(r#"{"points": 2.5, "share": "1"}"#).is_err());
//! # Ok::<(), serde_json::Error>(())
//! ```

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserializer, Serializer};

/// Writes the decimal as a string.
pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

/// Reads a decimal string or an integer; refuses floats, saying why.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    d.deserialize_any(Visitor { percent: false })
}

/// Like the parent module, and a trailing `%` is allowed and dropped.
pub mod weight {
    use super::*;

    /// Writes the decimal as a string.
    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(d)
    }

    /// Reads `"0.6"`, `"60"`, `"60%"` or an integer; refuses floats.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        d.deserialize_any(Visitor { percent: true })
    }

    /// Parses a weight as files write it: `"0.6"`, `"60"`, `"60%"`.
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// use tousu_model::decimal_text::weight;
    /// assert_eq!(weight::parse("60%")?, Decimal::from(60));
    /// assert!(weight::parse("sixty").is_err());
    /// # Ok::<(), tousu_model::ModelError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Decimal, crate::ModelError> {
        parse_text(text, true).map_err(|message| crate::ModelError::Invalid {
            problems: vec![crate::Problem::new(
                "share",
                format!("{message}; expected e.g. \"0.6\", \"60\" or \"60%\""),
            )],
        })
    }
}

/// A decimal from text; with `percent`, a trailing `%` is dropped.
fn parse_text(v: &str, percent: bool) -> Result<Decimal, String> {
    let t = v.trim();
    let t = if percent {
        t.strip_suffix('%').unwrap_or(t).trim_end()
    } else {
        t
    };
    Decimal::from_str(t).map_err(|e| format!("{v:?} is not a decimal number: {e}"))
}

struct Visitor {
    percent: bool,
}

impl serde::de::Visitor<'_> for Visitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.percent {
            f.write_str("a decimal as a string such as \"0.6\", \"60\" or \"60%\", or an integer")
        } else {
            f.write_str("a decimal as a string such as \"2.5\", or an integer")
        }
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Decimal, E> {
        parse_text(v, self.percent).map_err(E::custom)
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Decimal, E> {
        Err(E::custom(format_args!(
            "write the decimal {v} as a string (\"{v}\"): floating-point numbers lose digits"
        )))
    }
}
