//! A calendar month: the period of a penalty statement and the month whose
//! sequence numbers a complaint number takes (年度月份流水号). One type for
//! both, so a month read from a statement and a month of numbering compare
//! and print alike.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ModelError;

/// A calendar month of the years 1–9999; `"2025-10"` in text and JSON.
///
/// ```
/// use tousu_model::Month;
/// let october: Month = "2025-10".parse()?;
/// assert_eq!(october, Month::new(2025, 10)?);
/// assert_eq!(october.next(), Some(Month::new(2025, 11)?));
/// assert_eq!(Month::new(2025, 12)?.next(), Some(Month::new(2026, 1)?));
/// assert!(Month::new(2025, 13).is_err());
/// # Ok::<(), tousu_model::ModelError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Month {
    year: i32,
    month: u32,
}

impl Month {
    /// The month `month` (1–12) of `year` (1–9999).
    ///
    /// # Errors
    ///
    /// [`ModelError::InvalidMonth`] outside those ranges.
    pub fn new(year: i32, month: u32) -> Result<Month, ModelError> {
        if !(1..=12).contains(&month) || !(1..=9999).contains(&year) {
            return Err(ModelError::InvalidMonth {
                input: format!("{year}-{month:02}"),
                reason: "expected a year 1-9999 and a month 1-12",
            });
        }
        Ok(Month { year, month })
    }

    /// The year.
    pub const fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub const fn month(self) -> u32 {
        self.month
    }

    /// The following month, or `None` after 9999-12.
    pub fn next(self) -> Option<Month> {
        if self.month == 12 {
            Month::new(self.year + 1, 1).ok()
        } else {
            Month::new(self.year, self.month + 1).ok()
        }
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for Month {
    type Err = ModelError;
    fn from_str(s: &str) -> Result<Month, ModelError> {
        let bad = || ModelError::InvalidMonth {
            input: s.to_owned(),
            reason: "expected \"YYYY-MM\"",
        };
        let (y, m) = s.trim().split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u32 = m.parse().map_err(|_| bad())?;
        Month::new(year, month)
    }
}

impl TryFrom<String> for Month {
    type Error = ModelError;
    fn try_from(s: String) -> Result<Month, ModelError> {
        s.parse()
    }
}

impl From<Month> for String {
    fn from(m: Month) -> String {
        m.to_string()
    }
}

impl JsonSchema for Month {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Month")
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": r"^\d{4}-(0[1-9]|1[0-2])$",
            "description": "A calendar month, \"YYYY-MM\".",
            "examples": ["2025-10"],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips_and_bad_months_say_what_is_accepted() {
        for s in ["0001-01", "2025-10", "9999-12"] {
            assert_eq!(s.parse::<Month>().unwrap().to_string(), s);
        }
        for s in [
            "2025-13", "2025-00", "0000-05", "25-10", "2025/10", "2025-1", "",
        ] {
            let e = s.parse::<Month>().unwrap_err().to_string();
            assert!(
                e.contains("is not a month") && e.contains("2025-10"),
                "{s}: {e}"
            );
        }
        assert_eq!(Month::new(9999, 12).unwrap().next(), None);
        let json = serde_json::to_string(&Month::new(2026, 12).unwrap()).unwrap();
        assert_eq!(json, "\"2026-12\"");
        assert!(serde_json::from_str::<Month>("\"2026-13\"").is_err());
    }
}
