//! Instants written in one piece: the text chrono's `Serialize` writes for a
//! `DateTime<Utc>` (RFC 3339, `Z`, fractional seconds only as precise as
//! needed), formatted into a buffer on the stack and handed to the
//! serializer as one string.
//!
//! Why: chrono hands its text to `Serializer::collect_str` a character or two
//! at a time, and `serde_json` runs each piece through its string escaper and
//! the writer. A command's fingerprint (`tousu_workflow::Command::digest`)
//! writes every instant of its kind as this text (and scheme 1 hashed the
//! whole command's JSON), so every instant of every command is written once
//! per command; written in one piece it costs a fraction. The
//! bytes are the same (stored fingerprints still compare: a property test
//! holds the text equal to chrono's over the whole range), and any serializer
//! that does not override `collect_str` received this one string before.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use tousu_model::instant;
//!
//! let at = Utc.with_ymd_and_hms(2025, 11, 3, 1, 0, 0).single().ok_or("time")?;
//! assert_eq!(instant::Rfc3339::new(&at).as_str(), "2025-11-03T01:00:00Z");
//! assert_eq!(
//!     serde_json::to_string(&instant::Rfc3339::new(&at))?,
//!     serde_json::to_string(&at)?,
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{DateTime, Datelike, SecondsFormat, Timelike, Utc};

/// Room for the longest text chrono writes: `+262143-12-31T23:59:60.999999999Z`
/// (33 bytes; its years run to ±262,143).
const MAX_LEN: usize = 40;

/// An instant's RFC 3339 text as chrono's `Serialize` writes it, held on
/// the stack; serializes as that string.
#[derive(Clone, Copy)]
pub struct Rfc3339 {
    buf: [u8; MAX_LEN],
    len: usize,
}

impl Rfc3339 {
    /// The text of `at`.
    pub fn new(at: &DateTime<Utc>) -> Self {
        let mut out = Rfc3339 {
            buf: [0; MAX_LEN],
            len: 0,
        };
        // The date and time read once: each of `DateTime`'s own accessors
        // converts to local time again (an offset added per field).
        let naive = at.naive_utc();
        let (date, time) = (naive.date(), naive.time());
        let year = date.year();
        if !(0..=9999).contains(&year) {
            // chrono writes a sign and at least five digits out of this
            // range; what it writes is copied (never happens for an instant
            // a command may carry, which are 1000-9999).
            let text = at.to_rfc3339_opts(SecondsFormat::AutoSi, true);
            out.push(text.as_bytes());
            return out;
        }
        // A leap second's nanoseconds run past a billion: chrono writes it
        // as second 60.
        let (second, nano) = match time.nanosecond() {
            n if n >= 1_000_000_000 => (time.second() + 1, n - 1_000_000_000),
            n => (time.second(), n),
        };
        // 0..=9999 here, so its absolute value is the year.
        out.two(year.unsigned_abs() / 100);
        out.two(year.unsigned_abs() % 100);
        out.push(b"-");
        out.two(date.month());
        out.push(b"-");
        out.two(date.day());
        out.push(b"T");
        out.two(time.hour());
        out.push(b":");
        out.two(time.minute());
        out.push(b":");
        out.two(second);
        // As `SecondsFormat::AutoSi`: milli-, micro- or nanoseconds, as few
        // digits as say it exactly.
        let (value, digits) = if nano == 0 {
            (0, 0)
        } else if nano % 1_000_000 == 0 {
            (nano / 1_000_000, 3)
        } else if nano % 1_000 == 0 {
            (nano / 1_000, 6)
        } else {
            (nano, 9)
        };
        if digits > 0 {
            out.push(b".");
            out.digits(value, digits);
        }
        out.push(b"Z");
        out
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits and separators are written.
        std::str::from_utf8(self.buf.get(..self.len).unwrap_or_default()).unwrap_or_default()
    }

    fn push(&mut self, bytes: &[u8]) {
        if let Some(room) = self.buf.get_mut(self.len..self.len + bytes.len()) {
            room.copy_from_slice(bytes);
            self.len += bytes.len();
        }
    }

    /// Two digits of `n` (< 100, as every field here).
    fn two(&mut self, n: u32) {
        self.digits(n, 2);
    }

    /// `n` in `width` digits, zero-padded.
    fn digits(&mut self, mut n: u32, width: usize) {
        let mut text = [b'0'; 9];
        for slot in text.iter_mut().take(width).rev() {
            // `n % 10` is a digit.
            *slot = b'0' + (n % 10) as u8;
            n /= 10;
        }
        self.push(text.get(..width).unwrap_or_default());
    }
}

impl serde::Serialize for Rfc3339 {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// `#[serde(serialize_with = "tousu_model::instant::serialize")]`: the
/// instant as [`Rfc3339`] writes it (the text chrono writes, in one piece).
pub fn serialize<S: serde::Serializer>(
    at: &DateTime<Utc>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&Rfc3339::new(at), serializer)
}

/// [`serialize`] for an optional instant (`null` when absent, as chrono's
/// `Option` writes it; fields usually skip it when absent).
pub fn serialize_option<S: serde::Serializer>(
    at: &Option<DateTime<Utc>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match at {
        Some(at) => serializer.serialize_some(&Rfc3339::new(at)),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn chrono_json(at: &DateTime<Utc>) -> String {
        serde_json::to_string(at).unwrap()
    }

    #[test]
    fn edges_are_written_as_chrono_writes_them() {
        let at = |y, mo, d, h, mi, s, nano| {
            NaiveDate::from_ymd_opt(y, mo, d)
                .and_then(|d| d.and_hms_nano_opt(h, mi, s, nano))
                .unwrap()
                .and_utc()
        };
        for t in [
            at(2025, 11, 3, 1, 0, 0, 0),
            at(0, 1, 1, 0, 0, 0, 0),
            at(9999, 12, 31, 23, 59, 59, 999_999_999),
            at(10_000, 1, 1, 0, 0, 0, 0),
            at(-1, 12, 31, 0, 0, 0, 0),
            at(2025, 6, 30, 23, 59, 59, 1_500_000_000),
            at(2025, 6, 30, 23, 59, 59, 1_000_000_000),
            at(2025, 6, 30, 23, 59, 59, 1_000_000_001),
            at(2025, 1, 2, 3, 4, 5, 120_000_000),
            at(2025, 1, 2, 3, 4, 5, 120_000),
            at(2025, 1, 2, 3, 4, 5, 120),
            at(999, 1, 2, 3, 4, 5, 0),
            at(99, 1, 2, 3, 4, 5, 0),
            DateTime::<Utc>::MIN_UTC,
            DateTime::<Utc>::MAX_UTC,
        ] {
            let ours = serde_json::to_string(&Rfc3339::new(&t)).unwrap();
            assert_eq!(ours, chrono_json(&t), "{t:?}");
        }
        assert_eq!(
            serde_json::to_string(&Some(at(2025, 1, 2, 3, 4, 5, 0)).map(|t| Rfc3339::new(&t)))
                .unwrap(),
            "\"2025-01-02T03:04:05Z\""
        );
    }

    proptest! {
        /// Any instant chrono can hold, leap seconds included, is written
        /// byte for byte as chrono writes it.
        #[test]
        fn any_instant_is_written_as_chrono_writes_it(
            secs in prop_oneof![
                -62_167_219_200i64..253_402_300_800,
                DateTime::<Utc>::MIN_UTC.timestamp()..=DateTime::<Utc>::MAX_UTC.timestamp(),
            ],
            nano in prop_oneof![
                Just(0u32),
                (0u32..1_000).prop_map(|m| m * 1_000_000),
                (0u32..1_000_000).prop_map(|u| u * 1_000),
                0u32..2_000_000_000,
            ],
        ) {
            // A leap second only exists at :59 of a minute.
            let Some(t) = DateTime::from_timestamp(secs, nano) else { return Ok(()) };
            let ours = Rfc3339::new(&t);
            let chrono = chrono_json(&t);
            prop_assert_eq!(ours.as_str(), chrono.trim_matches('"'));
        }
    }
}
