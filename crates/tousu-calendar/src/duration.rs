//! Time limits: a positive amount and a unit.
//!
//! Policy files write a time limit as text, in English or in Chinese:
//!
//! | unit                     | English                              | Chinese                          |
//! |--------------------------|--------------------------------------|----------------------------------|
//! | [`DurationUnit::Seconds`]      | `"15 seconds"`                 | `"15秒"`                         |
//! | [`DurationUnit::Minutes`]      | `"30 minutes"`, `"1 minute"`   | `"30分钟"`                       |
//! | [`DurationUnit::Hours`]        | `"24 hours"`                   | `"24小时"`, `"24个小时"`         |
//! | [`DurationUnit::CalendarDays`] | `"7 calendar days"`, `"7 days"`| `"7天"`, `"7日"`, `"7个自然日"`  |
//! | [`DurationUnit::WorkingDays`]  | `"15 working days"`            | `"15个工作日"`, `"15工作日"`     |
//! | [`DurationUnit::WorkingHours`] | `"8 working hours"`            | `"4个工作小时"`                  |
//! | [`DurationUnit::Months`]       | `"1 month"`, `"2 months"`      | `"一个月"`, `"1个月"`            |
//!
//! Amounts are ASCII or full-width digits, or Chinese numerals (`一`…`九`,
//! `两`, `十`, `百`: `"十五个工作日"`, `"两个工作日"`, `"三天"`). Zero is
//! rejected. Following domain ruling 1, `日` / `天` without `工作` are calendar
//! days, and `月` is a calendar month (民法典 art. 202).
//!
//! [`Duration`]'s `Display` (and serde form) is the canonical English text, so
//! `"15个工作日"` reads back as `"15 working days"`.
//!
//! How a duration becomes a deadline (start day not counted, roll-forward,
//! 24:00 or close of business) is the calendar's business: see
//! [the crate root](crate).
//!
//! ```
//! use tousu_calendar::duration::{Duration, DurationUnit};
//!
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let d: Duration = "十五个工作日".parse()?;
//!     assert_eq!(d, Duration::new(15, DurationUnit::WorkingDays)?);
//!     assert_eq!(d.to_string(), "15 working days");
//!     assert!("15 workdays".parse::<Duration>().is_err());
//!     Ok(())
//! }
//! ```

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The accepted forms, quoted in every parse error.
const EXPECTED: &str = "expected e.g. \"30 minutes\", \"24 hours\", \"15 working days\", \
\"7 calendar days\", \"1 month\", \"30分钟\", \"24小时\", \"15个工作日\", \"7天\", \"一个月\"";

/// The unit of a [`Duration`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DurationUnit {
    /// Clock seconds: a plain addition (S25: answer within 15 seconds).
    Seconds,
    /// Clock minutes: a plain addition to the start instant.
    Minutes,
    /// Clock hours: a plain addition to the start instant.
    Hours,
    /// Calendar days (自然日, `日`, `天`): the start day is not counted and a
    /// period whose last day is not a working day ends on the next working day.
    CalendarDays,
    /// Working days (工作日) of the policy's calendar; the start day is not
    /// counted.
    WorkingDays,
    /// Working hours (工作小时): time inside business hours on working days.
    WorkingHours,
    /// Calendar months (民法典 art. 202): the corresponding day of the month,
    /// or the month's last day if there is none.
    Months,
}

impl DurationUnit {
    /// The canonical English unit word for `amount` (singular for 1).
    #[must_use]
    pub const fn english(self, amount: u32) -> &'static str {
        let one = amount == 1;
        match (self, one) {
            (Self::Seconds, true) => "second",
            (Self::Seconds, false) => "seconds",
            (Self::Minutes, true) => "minute",
            (Self::Minutes, false) => "minutes",
            (Self::Hours, true) => "hour",
            (Self::Hours, false) => "hours",
            (Self::CalendarDays, true) => "calendar day",
            (Self::CalendarDays, false) => "calendar days",
            (Self::WorkingDays, true) => "working day",
            (Self::WorkingDays, false) => "working days",
            (Self::WorkingHours, true) => "working hour",
            (Self::WorkingHours, false) => "working hours",
            (Self::Months, true) => "month",
            (Self::Months, false) => "months",
        }
    }

    /// Whether the unit needs the calendar (working days, holidays, business
    /// hours or day boundaries) rather than plain clock arithmetic.
    #[must_use]
    pub const fn uses_calendar(self) -> bool {
        !matches!(self, Self::Seconds | Self::Minutes | Self::Hours)
    }
}

/// A time limit: a positive amount of a [`DurationUnit`].
///
/// Parse it from policy text with [`FromStr`]; it serializes as its canonical
/// English form (`"15 working days"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Duration {
    amount: u32,
    unit: DurationUnit,
}

impl Duration {
    /// A duration of `amount` `unit`s.
    ///
    /// # Errors
    ///
    /// [`DurationParseError::Zero`] if `amount` is 0.
    pub fn new(amount: u32, unit: DurationUnit) -> Result<Self, DurationParseError> {
        if amount == 0 {
            return Err(DurationParseError::Zero {
                text: format!("0 {}", unit.english(0)),
            });
        }
        Ok(Self { amount, unit })
    }

    /// The amount, always at least 1.
    #[must_use]
    pub const fn amount(&self) -> u32 {
        self.amount
    }

    /// The unit.
    #[must_use]
    pub const fn unit(&self) -> DurationUnit {
        self.unit
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.unit.english(self.amount))
    }
}

/// Why a text is not a [`Duration`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DurationParseError {
    /// The text matches none of the accepted forms.
    #[error("{text:?} is not a duration; {EXPECTED}")]
    Unrecognized {
        /// The text as given.
        text: String,
    },
    /// The amount is zero: a time limit must be positive.
    #[error("{text:?} is not a duration: the amount must be at least 1; {EXPECTED}")]
    Zero {
        /// The text as given.
        text: String,
    },
    /// The amount does not fit in 32 bits.
    #[error("{text:?} is not a duration: the amount is too large (at most {max})", max = u32::MAX)]
    TooLarge {
        /// The text as given.
        text: String,
    },
}

impl FromStr for Duration {
    type Err = DurationParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let unrecognized = || DurationParseError::Unrecognized {
            text: text.to_owned(),
        };
        // Drop all whitespace (ASCII and ideographic) and lowercase: English
        // unit words never need their spaces to be told apart.
        let compact: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                // Full-width digits.
                '０'..='９' => {
                    char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
                }
                _ => c.to_ascii_lowercase(),
            })
            .collect();
        let split = compact
            .char_indices()
            .find(|&(_, c)| !(c.is_ascii_digit() || chinese_digit(c).is_some()))
            .map_or(compact.len(), |(i, _)| i);
        let (number, unit) = compact.split_at(split);
        if number.is_empty() {
            return Err(unrecognized());
        }
        let unit = parse_unit(unit).ok_or_else(unrecognized)?;
        let amount = if number.bytes().all(|b| b.is_ascii_digit()) {
            match number.parse::<u32>() {
                Ok(n) => n,
                Err(_) => {
                    return Err(DurationParseError::TooLarge {
                        text: text.to_owned(),
                    });
                }
            }
        } else {
            parse_chinese_number(number).ok_or_else(unrecognized)?
        };
        if amount == 0 {
            return Err(DurationParseError::Zero {
                text: text.to_owned(),
            });
        }
        Ok(Self { amount, unit })
    }
}

/// The unit part of a compacted (whitespace-free, lowercased) duration text.
fn parse_unit(unit: &str) -> Option<DurationUnit> {
    use DurationUnit as U;
    // Chinese: an optional measure word 个 before any unit.
    let zh = unit.strip_prefix('个').unwrap_or(unit);
    let parsed = match zh {
        "秒" | "秒钟" => U::Seconds,
        "分钟" => U::Minutes,
        "小时" => U::Hours,
        "天" | "日" | "自然日" => U::CalendarDays,
        "工作日" => U::WorkingDays,
        "工作小时" => U::WorkingHours,
        // "1月" alone reads as January, so 月 needs its measure word.
        "月" if unit.starts_with('个') => U::Months,
        "second" | "seconds" | "sec" | "secs" => U::Seconds,
        "minute" | "minutes" | "min" | "mins" => U::Minutes,
        "hour" | "hours" => U::Hours,
        "day" | "days" | "calendarday" | "calendardays" => U::CalendarDays,
        "workingday" | "workingdays" => U::WorkingDays,
        "workinghour" | "workinghours" => U::WorkingHours,
        "month" | "months" => U::Months,
        _ => return None,
    };
    Some(parsed)
}

/// The value of a Chinese digit character.
const fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => return None,
    })
}

/// A Chinese numeral below 10 000: `十五` = 15, `二十` = 20, `一百零五` = 105,
/// `两` = 2. Magnitudes must strictly decrease, so `三三` or `十百` are refused.
fn parse_chinese_number(s: &str) -> Option<u32> {
    let mut total: u32 = 0;
    let mut pending: Option<u32> = None;
    // The magnitude (1000, 100, 10) the next multiplier must be below.
    let mut last_magnitude: u32 = 10_000;
    let mut after_zero = false;
    let mut any = false;
    for c in s.chars() {
        let v = chinese_digit(c)?;
        any = true;
        match v {
            0 => {
                if pending.is_some() {
                    return None;
                }
                after_zero = true;
            }
            1..=9 => {
                if pending.is_some() {
                    return None;
                }
                pending = Some(v);
            }
            magnitude => {
                if magnitude >= last_magnitude || after_zero {
                    return None;
                }
                // A bare 十 or 百 at the start means 一十 / 一百.
                let multiplier = match pending.take() {
                    Some(m) => m,
                    None if total == 0 => 1,
                    None => return None,
                };
                total = total.checked_add(multiplier.checked_mul(magnitude)?)?;
                last_magnitude = magnitude;
            }
        }
        if v != 0 {
            after_zero = false;
        }
    }
    if !any {
        return None;
    }
    if let Some(units) = pending {
        total = total.checked_add(units)?;
    }
    Some(total)
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<'de, str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Duration {
    fn schema_name() -> Cow<'static, str> {
        "Duration".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "tousu_policy::duration::Duration".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A time limit: a positive amount and a unit, in English or Chinese. \
                Units: minutes, hours (clock time), calendar days (日/天/自然日), working days \
                (工作日), working hours (工作小时, inside business hours) and calendar months \
                (个月). Amounts may be Chinese numerals (十五个工作日).",
            "examples": [
                "30 minutes", "24 hours", "15 working days", "7 calendar days", "1 month",
                "8 working hours", "30分钟", "24小时", "15个工作日", "7天", "一个月"
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numbers() {
        let cases = [
            ("一", 1),
            ("两", 2),
            ("十", 10),
            ("十五", 15),
            ("二十", 20),
            ("二十五", 25),
            ("九十九", 99),
            ("一百", 100),
            ("一百零五", 105),
            ("一百二十", 120),
        ];
        for (s, n) in cases {
            assert_eq!(parse_chinese_number(s), Some(n), "{s}");
        }
        for s in ["三三", "十百", "十十", "五零", "一百十"] {
            assert_eq!(parse_chinese_number(s), None, "{s}");
        }
    }
}
