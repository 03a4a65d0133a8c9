//! Money in CNY, exact to the fen.
//!
//! A [`Money`] is a whole number of fen (分, 0.01 yuan) held in an `i64`, so
//! sums and comparisons are exact integer operations; ratios and percentages go
//! through `rust_decimal` and come back to the fen only by a named
//! [`RoundingMode`]. There is no float anywhere: amounts travel as strings
//! (`"1234.50"`) in JSON and TOML, as `serde_json` numbers lose digits.
//!
//! ```
//! use rust_decimal::Decimal;
//! use tousu_model::{Money, RoundingMode};
//!
//! let bonus: Money = "¥1,234.50".parse()?;
//! assert_eq!(bonus.to_string(), "¥1,234.50");
//! assert_eq!(bonus.fen(), 123_450);
//!
//! // 50% cap, rounded half-up to the fen.
//! let cap = bonus.checked_mul_ratio(Decimal::new(5, 1), RoundingMode::HalfUp)?;
//! assert_eq!(cap, "617.25".parse()?);
//!
//! // Finer than a fen is an error, never a silent truncation.
//! assert!("12.345".parse::<Money>().is_err());
//! # Ok::<(), tousu_model::ModelError>(())
//! ```

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::{ModelError, RoundingMode};

/// An amount of CNY, exact to the fen; may be negative (a refund, a correction).
///
/// Made from whole fen ([`Money::from_fen`]`(1250)`), whole yuan
/// ([`Money::from_yuan`]`(12)`), text ([`Money::parse`]`("12.50")`, or
/// `"¥12.50".parse()`) or an exact decimal ([`Money::from_decimal`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money {
    fen: i64,
}

impl Money {
    /// Zero yuan.
    pub const ZERO: Money = Money { fen: 0 };

    /// The largest amount: `i64::MAX` fen.
    pub const MAX: Money = Money { fen: i64::MAX };

    /// An amount of whole fen.
    pub const fn from_fen(fen: i64) -> Money {
        Money { fen }
    }

    /// An amount of whole yuan, or an overflow error.
    pub fn from_yuan(yuan: i64) -> Result<Money, ModelError> {
        yuan.checked_mul(100)
            .map(Money::from_fen)
            .ok_or_else(overflow("from_yuan"))
    }

    /// The amount in fen.
    pub const fn fen(self) -> i64 {
        self.fen
    }

    /// The exact amount in yuan, with two decimals.
    pub fn to_decimal(self) -> Decimal {
        Decimal::new(self.fen, 2)
    }

    /// Converts an exact decimal amount of yuan; more precision than a fen is
    /// [`ModelError::SubFen`] (use [`Money::from_decimal_rounded`] to round).
    pub fn from_decimal(yuan: Decimal) -> Result<Money, ModelError> {
        let rounded = yuan.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero);
        if rounded != yuan {
            return Err(ModelError::SubFen {
                value: yuan.normalize().to_string(),
            });
        }
        Self::from_exact_fen_decimal(rounded, "from_decimal")
    }

    /// Converts a decimal amount of yuan, rounding to the fen with `mode`.
    pub fn from_decimal_rounded(yuan: Decimal, mode: RoundingMode) -> Result<Money, ModelError> {
        let rounded = yuan.round_dp_with_strategy(2, mode.strategy());
        Self::from_exact_fen_decimal(rounded, "from_decimal_rounded")
    }

    fn from_exact_fen_decimal(yuan: Decimal, operation: &'static str) -> Result<Money, ModelError> {
        let fen = yuan
            .checked_mul(Decimal::ONE_HUNDRED)
            .ok_or_else(overflow(operation))?;
        let fen =
            i64::try_from(fen.trunc()).map_err(|_| ModelError::MoneyOverflow { operation })?;
        Ok(Money { fen })
    }

    /// `self + other`, or an overflow error.
    pub fn checked_add(self, other: Money) -> Result<Money, ModelError> {
        self.fen
            .checked_add(other.fen)
            .map(Money::from_fen)
            .ok_or_else(overflow("add"))
    }

    /// `self - other`, or an overflow error.
    pub fn checked_sub(self, other: Money) -> Result<Money, ModelError> {
        self.fen
            .checked_sub(other.fen)
            .map(Money::from_fen)
            .ok_or_else(overflow("sub"))
    }

    /// `self × ratio`, rounded to the fen with `mode`, or an overflow error.
    pub fn checked_mul_ratio(
        self,
        ratio: Decimal,
        mode: RoundingMode,
    ) -> Result<Money, ModelError> {
        let exact = self
            .to_decimal()
            .checked_mul(ratio)
            .ok_or_else(overflow("mul_ratio"))?;
        Self::from_decimal_rounded(exact, mode)
    }

    /// `self × percent / 100`, rounded to the fen with `mode`.
    pub fn checked_percent(
        self,
        percent: Decimal,
        mode: RoundingMode,
    ) -> Result<Money, ModelError> {
        let ratio = percent
            .checked_div(Decimal::ONE_HUNDRED)
            .ok_or_else(overflow("percent"))?;
        self.checked_mul_ratio(ratio, mode)
    }

    /// `self × n` for a whole count, or an overflow error.
    pub fn checked_mul_int(self, n: i64) -> Result<Money, ModelError> {
        self.fen
            .checked_mul(n)
            .map(Money::from_fen)
            .ok_or_else(overflow("mul"))
    }

    /// The sum of `amounts`, or an overflow error.
    pub fn checked_sum<I: IntoIterator<Item = Money>>(amounts: I) -> Result<Money, ModelError> {
        amounts
            .into_iter()
            .try_fold(Money::ZERO, |acc, m| acc.checked_add(m))
    }

    /// Whether the amount is below zero.
    pub const fn is_negative(self) -> bool {
        self.fen < 0
    }

    /// Whether the amount is zero.
    pub const fn is_zero(self) -> bool {
        self.fen == 0
    }

    /// The smaller of two amounts.
    pub fn min(self, other: Money) -> Money {
        Ord::min(self, other)
    }

    /// The plain decimal text used in JSON and TOML: `"1234.50"`, `"-3.00"`.
    pub fn to_plain_string(self) -> String {
        self.plain(&mut [0; PLAIN_LEN]).to_owned()
    }

    /// [`to_plain_string`](Self::to_plain_string)'s text written into
    /// `buf`, from its end: serializing an amount (every fingerprint of a
    /// remedy) allocated a string and ran the formatter for it before
    /// (docs/performance-history.md, "Fourteenth pass: commands").
    fn plain(self, buf: &mut [u8; PLAIN_LEN]) -> &str {
        let mut rest = self.fen.unsigned_abs();
        let mut at = PLAIN_LEN;
        let mut put = |byte: u8, at: &mut usize| {
            *at -= 1;
            if let Some(slot) = buf.get_mut(*at) {
                *slot = byte;
            }
        };
        // Two decimals, the point, then at least one digit of yuan.
        for i in 0..3 {
            if i == 2 {
                put(b'.', &mut at);
            }
            put(b'0' + u8::try_from(rest % 10).unwrap_or(0), &mut at);
            rest /= 10;
        }
        while rest > 0 {
            put(b'0' + u8::try_from(rest % 10).unwrap_or(0), &mut at);
            rest /= 10;
        }
        if self.fen < 0 {
            put(b'-', &mut at);
        }
        // Only ASCII digits, '.' and '-' were written.
        buf.get(at..)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
    }

    /// Parses an amount; see [`FromStr`] for the accepted forms.
    pub fn parse(input: &str) -> Result<Money, ModelError> {
        input.parse()
    }
}

/// The longest plain text of an amount: a sign, 17 digits of yuan (of
/// `i64`'s 19 digits of fen), the point and two decimals.
const PLAIN_LEN: usize = 21;

/// The overflow error of `operation`, built only when it is needed:
/// `ok_or(ModelError::…)` builds the error, and drops it, on every call that
/// does not overflow (a `ModelError` owns strings in other variants, so its
/// drop is a call), which the month-end penalty run paid some 1.5 M
/// instructions for.
fn overflow(operation: &'static str) -> impl FnOnce() -> ModelError {
    move || ModelError::MoneyOverflow { operation }
}

/// Accepts `"1234.5"`, `"1,234.50"` (commas only between groups of three),
/// `"¥12"`, `"￥12"`, `"CNY 12"`, `"12元"`, `"-3.00"`, `"-¥3"`, with at most two
/// decimals (trailing zeros beyond them are fine: `"1.500"`).
impl FromStr for Money {
    type Err = ModelError;

    fn from_str(input: &str) -> Result<Money, ModelError> {
        let bad = |reason: &'static str| ModelError::InvalidMoney {
            input: input.to_owned(),
            reason,
        };
        let mut s = input.trim();
        let negative = if let Some(rest) = s.strip_prefix('-') {
            s = rest.trim_start();
            true
        } else {
            false
        };
        for prefix in ["¥", "￥", "CNY", "RMB"] {
            if let Some(rest) = s.strip_prefix(prefix) {
                s = rest.trim_start();
                break;
            }
        }
        for suffix in ["元", "CNY", "RMB"] {
            if let Some(rest) = s.strip_suffix(suffix) {
                s = rest.trim_end();
                break;
            }
        }
        if s.starts_with('-') || s.starts_with('+') {
            return Err(bad("the sign must come first"));
        }
        let (int_part, frac_part) = match s.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (s, None),
        };
        if int_part.is_empty() {
            return Err(bad("there are no digits before the decimal point"));
        }
        let digits = if int_part.contains(',') {
            let mut groups = int_part.split(',');
            let first = groups.next().unwrap_or_default();
            if first.is_empty() || first.len() > 3 {
                return Err(bad("commas must separate groups of three digits"));
            }
            if groups.clone().any(|g| g.len() != 3) {
                return Err(bad("commas must separate groups of three digits"));
            }
            int_part.replace(',', "")
        } else {
            int_part.to_owned()
        };
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad(
                "only digits, one decimal point and thousands commas are allowed",
            ));
        }
        let frac = frac_part.unwrap_or("");
        if frac_part.is_some() && frac.is_empty() {
            return Err(bad("there are no digits after the decimal point"));
        }
        if !frac.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad("only digits may follow the decimal point"));
        }
        let (fen_digits, beyond) = frac.split_at(frac.len().min(2));
        if beyond.bytes().any(|b| b != b'0') {
            return Err(ModelError::SubFen {
                value: input.trim().to_owned(),
            });
        }
        let overflow = || ModelError::MoneyOverflow { operation: "parse" };
        let yuan: i64 = if digits.len() > 18 {
            return Err(overflow());
        } else {
            digits
                .parse()
                .map_err(|_| bad("the whole part is not a number"))?
        };
        let mut fen_frac: i64 = fen_digits.parse().unwrap_or(0);
        if fen_digits.len() == 1 {
            fen_frac *= 10;
        }
        let fen = yuan
            .checked_mul(100)
            .and_then(|f| f.checked_add(fen_frac))
            .ok_or_else(overflow)?;
        Ok(Money {
            fen: if negative { -fen } else { fen },
        })
    }
}

/// `¥1,234.50`; negative amounts as `-¥3.00`.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.fen < 0 { "-" } else { "" };
        let abs = self.fen.unsigned_abs();
        let yuan = (abs / 100).to_string();
        let mut grouped = String::with_capacity(yuan.len() + yuan.len() / 3);
        for (i, c) in yuan.chars().enumerate() {
            if i > 0 && (yuan.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        write!(f, "{sign}¥{grouped}.{:02}", abs % 100)
    }
}

impl serde::Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.plain(&mut [0; PLAIN_LEN]))
    }
}

impl<'de> serde::Deserialize<'de> for Money {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Money, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Money;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an amount of money as a string such as \"1234.50\" (or a whole number of yuan)")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Money, E> {
                v.parse().map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Money, E> {
                Money::from_yuan(v).map_err(E::custom)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Money, E> {
                i64::try_from(v)
                    .map_err(|_| E::custom("money amount overflows"))
                    .and_then(|v| Money::from_yuan(v).map_err(E::custom))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Money, E> {
                Err(E::custom(format_args!(
                    "money must be a string such as \"{v}\", not a floating-point number (floats lose fen)"
                )))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl schemars::JsonSchema for Money {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Money")
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": ["string", "integer"],
            "pattern": r"^-?\s*(¥|￥|CNY|RMB)?\s*\d{1,3}(,\d{3})*(\.\d{1,2}0*)?\s*(元|CNY|RMB)?$|^-?\s*(¥|￥|CNY|RMB)?\s*\d+(\.\d{1,2}0*)?\s*(元|CNY|RMB)?$",
            "description": "An amount of CNY exact to the fen, as a string (\"1234.50\", \"1,234.50\", \"¥12\", \"12元\"); a whole number of yuan may be an integer. Never a float.",
            "examples": ["1234.50", "20", "¥1,234.50"],
        })
    }
}
