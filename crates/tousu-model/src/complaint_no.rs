//! Complaint numbers (投诉编号, 年度月份流水号) and their patterns.
//!
//! A pattern mixes literal text with fixed-width fields: `{yyyy}` (year),
//! `{yy}` (year in the 2000s), `{mm}` (month) and `{seq:N}` (the month's
//! sequence number, N digits). Every field has a fixed width, so formatting and
//! parsing round-trip exactly; a sequence that does not fit its width is an
//! error rather than a longer, ambiguous number. The counter itself lives with
//! whoever stores cases (the facade's engine); this module only formats.
//!
//! ```
//! use tousu_model::{ComplaintNoPattern, ComplaintNoParts};
//!
//! let default = ComplaintNoPattern::default(); // "{yyyy}{mm}-{seq:04}"
//! let no = default.format(ComplaintNoParts { year: 2025, month: 10, seq: 7 })?;
//! assert_eq!(no.as_str(), "202510-0007");
//! assert_eq!(default.parse(no.as_str())?, ComplaintNoParts { year: 2025, month: 10, seq: 7 });
//!
//! // Seed S40 numbers its claims 年+月+流水号: 2510 07.
//! let s40: ComplaintNoPattern = "{yy}{mm}{seq:02}".parse()?;
//! assert_eq!(s40.format(ComplaintNoParts { year: 2025, month: 10, seq: 7 })?.as_str(), "251007");
//! assert!(s40.format(ComplaintNoParts { year: 2025, month: 10, seq: 100 }).is_err());
//! # Ok::<(), tousu_model::ModelError>(())
//! ```

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use crate::ModelError;

/// One piece of a pattern.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Piece {
    Literal(String),
    Year4,
    Year2,
    Month,
    Seq(usize),
}

impl Piece {
    fn width(&self) -> usize {
        match self {
            Piece::Literal(s) => s.chars().count(),
            Piece::Year4 => 4,
            Piece::Year2 | Piece::Month => 2,
            Piece::Seq(n) => *n,
        }
    }
}

/// A validated complaint-number pattern; the default is `{yyyy}{mm}-{seq:04}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ComplaintNoPattern {
    source: String,
    pieces: Vec<Piece>,
}

/// The values a complaint number encodes.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
pub struct ComplaintNoParts {
    /// The year of receipt.
    pub year: i32,
    /// The month of receipt, 1 to 12.
    pub month: u32,
    /// The sequence number within the month, from 1.
    pub seq: u32,
}

/// A complaint number as issued (`202510-0007`).
#[derive(
    Clone,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(transparent)]
pub struct ComplaintNo(String);

impl ComplaintNo {
    /// The number as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ComplaintNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Default for ComplaintNoPattern {
    fn default() -> Self {
        ComplaintNoPattern {
            source: Self::DEFAULT.to_owned(),
            pieces: vec![
                Piece::Year4,
                Piece::Month,
                Piece::Literal("-".to_owned()),
                Piece::Seq(4),
            ],
        }
    }
}

impl ComplaintNoPattern {
    /// The default pattern text.
    pub const DEFAULT: &'static str = "{yyyy}{mm}-{seq:04}";

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// The largest sequence number that fits the pattern's width.
    pub fn max_seq(&self) -> u32 {
        let width = self
            .pieces
            .iter()
            .find_map(|p| match p {
                Piece::Seq(n) => Some(*n),
                _ => None,
            })
            .unwrap_or(0);
        10u32
            .checked_pow(u32::try_from(width).unwrap_or(9))
            .map_or(u32::MAX, |p| p - 1)
    }

    /// Formats a number; the year, month or sequence out of the pattern's range is an error.
    pub fn format(&self, parts: ComplaintNoParts) -> Result<ComplaintNo, ModelError> {
        let err = |reason: String| ModelError::ComplaintNo {
            input: format!(
                "year {}, month {}, seq {}",
                parts.year, parts.month, parts.seq
            ),
            pattern: self.source.clone(),
            reason,
        };
        if !(1..=12).contains(&parts.month) {
            return Err(err("the month must be 1 to 12".to_owned()));
        }
        if parts.seq == 0 {
            return Err(err("the sequence starts at 1".to_owned()));
        }
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Literal(s) => out.push_str(s),
                Piece::Year4 => {
                    if !(1000..=9999).contains(&parts.year) {
                        return Err(err("{yyyy} needs a year from 1000 to 9999".to_owned()));
                    }
                    out.push_str(&format!("{:04}", parts.year));
                }
                Piece::Year2 => {
                    if !(2000..=2099).contains(&parts.year) {
                        return Err(err("{yy} needs a year from 2000 to 2099".to_owned()));
                    }
                    out.push_str(&format!("{:02}", parts.year - 2000));
                }
                Piece::Month => out.push_str(&format!("{:02}", parts.month)),
                Piece::Seq(width) => {
                    let text = format!("{:0width$}", parts.seq, width = *width);
                    if text.len() > *width {
                        return Err(err(format!(
                            "sequence {} does not fit {width} digits (at most {}): the month's numbers are used up",
                            parts.seq,
                            self.max_seq()
                        )));
                    }
                    out.push_str(&text);
                }
            }
        }
        Ok(ComplaintNo(out))
    }

    /// Parses a number issued under this pattern back into its parts.
    pub fn parse(&self, number: &str) -> Result<ComplaintNoParts, ModelError> {
        let err = |reason: String| ModelError::ComplaintNo {
            input: number.to_owned(),
            pattern: self.source.clone(),
            reason,
        };
        let chars: Vec<char> = number.chars().collect();
        let expected: usize = self.pieces.iter().map(Piece::width).sum();
        if chars.len() != expected {
            return Err(err(format!(
                "expected {expected} characters, found {}",
                chars.len()
            )));
        }
        let mut rest = chars.as_slice();
        let (mut year, mut month, mut seq) = (None, None, None);
        for piece in &self.pieces {
            let (head, tail) = rest.split_at(piece.width().min(rest.len()));
            rest = tail;
            let text: String = head.iter().collect();
            let number = || -> Result<u32, ModelError> {
                if text.chars().all(|c| c.is_ascii_digit()) {
                    text.parse()
                        .map_err(|_| err(format!("{text:?} is not a number")))
                } else {
                    Err(err(format!("{text:?} is not a number")))
                }
            };
            match piece {
                Piece::Literal(s) => {
                    if &text != s {
                        return Err(err(format!("expected {s:?}, found {text:?}")));
                    }
                }
                Piece::Year4 => year = Some(i32::try_from(number()?).unwrap_or(0)),
                Piece::Year2 => year = Some(2000 + i32::try_from(number()?).unwrap_or(0)),
                Piece::Month => month = Some(number()?),
                Piece::Seq(_) => seq = Some(number()?),
            }
        }
        let parts = ComplaintNoParts {
            year: year.unwrap_or(0),
            month: month.unwrap_or(0),
            seq: seq.unwrap_or(0),
        };
        if !(1..=12).contains(&parts.month) {
            return Err(err(format!("month {} is not 1 to 12", parts.month)));
        }
        if parts.seq == 0 {
            return Err(err("the sequence starts at 1".to_owned()));
        }
        Ok(parts)
    }
}

impl FromStr for ComplaintNoPattern {
    type Err = ModelError;

    fn from_str(pattern: &str) -> Result<Self, ModelError> {
        let err = |reason: String| ModelError::InvalidPattern {
            pattern: pattern.to_owned(),
            reason,
        };
        let mut pieces = Vec::new();
        let mut literal = String::new();
        let mut rest = pattern;
        while let Some(c) = rest.chars().next() {
            match c {
                '{' => {
                    let Some(end) = rest.find('}') else {
                        return Err(err("a '{' is not closed".to_owned()));
                    };
                    let field = rest.get(1..end).unwrap_or_default();
                    let piece = match field {
                        "yyyy" => Piece::Year4,
                        "yy" => Piece::Year2,
                        "mm" => Piece::Month,
                        f => match f.strip_prefix("seq:") {
                            Some(w) => match w.parse::<usize>() {
                                Ok(n @ 1..=9) => Piece::Seq(n),
                                _ => {
                                    return Err(err(format!(
                                        "{{{f}}}: the width must be 1 to 9 digits, as in {{seq:04}}"
                                    )));
                                }
                            },
                            None => {
                                return Err(err(format!(
                                    "unknown field {{{f}}}; fields are {{yyyy}}, {{yy}}, {{mm}} and {{seq:N}}"
                                )));
                            }
                        },
                    };
                    if !literal.is_empty() {
                        pieces.push(Piece::Literal(std::mem::take(&mut literal)));
                    }
                    pieces.push(piece);
                    rest = rest.get(end + 1..).unwrap_or_default();
                }
                '}' => return Err(err("a '}' has no matching '{'".to_owned())),
                c if c.is_control() => {
                    return Err(err("control characters are not allowed".to_owned()));
                }
                c => {
                    literal.push(c);
                    rest = rest.get(c.len_utf8()..).unwrap_or_default();
                }
            }
        }
        if !literal.is_empty() {
            pieces.push(Piece::Literal(literal));
        }
        let count = |f: fn(&Piece) -> bool| pieces.iter().filter(|p| f(p)).count();
        let years = count(|p| matches!(p, Piece::Year4 | Piece::Year2));
        let months = count(|p| matches!(p, Piece::Month));
        let seqs = count(|p| matches!(p, Piece::Seq(_)));
        if years != 1 || months != 1 || seqs != 1 {
            return Err(err(
                "a pattern needs exactly one year field ({yyyy} or {yy}), one {mm} and one {seq:N}, since the sequence is per month".to_owned(),
            ));
        }
        Ok(ComplaintNoPattern {
            source: pattern.to_owned(),
            pieces,
        })
    }
}

impl fmt::Display for ComplaintNoPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

impl serde::Serialize for ComplaintNoPattern {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.source)
    }
}

impl<'de> serde::Deserialize<'de> for ComplaintNoPattern {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for ComplaintNoPattern {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("ComplaintNoPattern")
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "Literal text with one year field ({yyyy} or {yy}), one {mm} and one {seq:N} (N digits, 1-9).",
            "examples": ["{yyyy}{mm}-{seq:04}", "{yy}{mm}{seq:02}", "TS{yyyy}{mm}{seq:05}"],
        })
    }
}
