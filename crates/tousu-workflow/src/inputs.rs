//! What a person typed, checked before any decision: every text of a
//! command is bounded and clean, every instant is one the calendar can
//! count from. A command failing these is refused with the path of the
//! field; nothing is normalized behind the sender's back.

use chrono::{DateTime, Datelike, Timelike, Utc};
use serde_json::Value;

use crate::Rejection;
use crate::command::{Command, CommandDigest, CommandKind};
use crate::decide::outcome::input;

/// The longest text a command may carry in one field, in characters: a
/// long reply or note fits (a page of Chinese is ~1,000 characters); a
/// pasted file does not.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// The first and last years an instant may fall in: a deadline is counted
/// through a calendar, and no complaint is received before the year 1000
/// or after 9999 (RFC 3339 has four-digit years).
const YEARS: std::ops::RangeInclusive<i32> = 1000..=9999;

/// Checks every text and instant of `command`, and returns its fingerprint
/// ([`Command::digest`]): the texts are looked at in the pass that writes
/// the command's canonical encoding into the hash.
pub(crate) fn check(command: &Command) -> Result<CommandDigest, Rejection> {
    instant("at", command.at)?;
    if let Some(occurred_at) = command.occurred_at {
        instant("occurred_at", occurred_at)?;
    }
    match &command.kind {
        CommandKind::Register { complaint, .. } => {
            instant("kind.complaint.received_at", complaint.received_at)?;
            if let Some(at) = complaint.incident_at {
                instant("kind.complaint.incident_at", at)?;
            }
        }
        CommandKind::SetAgreedDeadline { deadline } => instant("kind.deadline", *deadline)?,
        CommandKind::RequestExtension {
            until: Some(until), ..
        } => instant("kind.until", *until)?,
        _ => {}
    }
    let mut suspect = false;
    let (digest, written) = command.canonical_digest(|s| suspect |= may_refuse(s));
    if written.is_err() || suspect {
        // Every string of the command, wherever it sits, by its JSON path:
        // built only when a string may be refused, to name the first one
        // (in the order of `serde_json::Value`'s maps) as it always was.
        let value = serde_json::to_value(&command.kind)
            .map_err(|e| input("kind", format!("cannot be read: {e}")))?;
        texts("kind", &value)?;
    }
    Ok(digest)
}

/// Whether [`text`] may refuse `s`: it is longer than [`MAX_TEXT_CHARS`]
/// characters or holds a byte that starts a refused character. Every string
/// a person typed that the fingerprint writes passes here (the command's id
/// and actor, ids, texts, and every string inside the values still written
/// through `serde`: the complaint, facts and their keys, so more than
/// [`texts`] checks); the kind's own names, its labels and its instants do
/// not (`canonical::kind`). The happy
/// path of [`check`] builds no `serde_json::Value` and no path, and
/// [`text`] says which string is refused and why.
fn may_refuse(s: &str) -> bool {
    // Refused characters start with a C0 control byte, DEL (0x7F), C2 (the
    // C1 controls, C2 80 to C2 9F) or E2 (the overrides, E2 80 AA to E2 81
    // A9); a string without those is looked at no further. The lead bytes
    // are looked for without a branch per byte (the compiler vectorizes
    // the fold). Characters are counted only when there may be too many:
    // a string has no more characters than bytes, and a character is a
    // byte that does not continue one (10xxxxxx).
    let bytes = s.as_bytes();
    let long = bytes.len() > MAX_TEXT_CHARS
        && bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count() > MAX_TEXT_CHARS;
    long || (has_lead(bytes) && s.chars().any(refused))
}

/// Whether `bytes` hold a byte that may start a refused character (a C0
/// control, DEL, C2 or E2), looked for eight bytes at a time: most strings
/// a command holds are ids and short texts, for which a byte-wise loop
/// (even vectorized, it has a byte-wise tail) cost a few instructions a byte.
fn has_lead(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    // Non-zero exactly when some byte of `x` is below `n` (for `n` up to
    // 0x80): a byte's subtraction borrows only from a byte below it.
    fn below(x: u64, n: u8) -> u64 {
        x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH
    }
    fn lead(x: u64) -> u64 {
        below(x, 0x20)
            | below(x ^ (ONES * 0x7F), 1)
            | below(x ^ (ONES * 0xC2), 1)
            | below(x ^ (ONES * 0xE2), 1)
    }
    // Words read from `bytes` (a failure, never taken, reads as a find).
    let word = |at: usize| -> u64 {
        bytes
            .get(at..at + 8)
            .and_then(|w| w.try_into().ok())
            .map_or(0, u64::from_ne_bytes)
    };
    let half = |at: usize| -> u64 {
        bytes
            .get(at..at + 4)
            .and_then(|w| w.try_into().ok())
            .map_or(0, |w| u64::from(u32::from_ne_bytes(w)))
    };
    let n = bytes.len();
    let found = if n >= 8 {
        // Whole words, then the last eight bytes (read again in part).
        (0..n / 8).fold(0, |found, i| found | lead(word(8 * i))) | lead(word(n - 8))
    } else if n >= 4 {
        // The first four bytes and the last four, which overlap.
        lead(half(0) | half(n - 4) << 32)
    } else {
        // One to three bytes, padded with spaces (never a lead byte).
        let mut last = [b' '; 8];
        for (slot, b) in last.iter_mut().zip(bytes) {
            *slot = *b;
        }
        lead(u64::from_ne_bytes(last))
    };
    found != 0
}

/// An instant the workflow accepts: no leap second (`23:59:60`, which
/// would count deadlines a nanosecond early) and a four-digit year from 1000.
pub(crate) fn instant(path: &str, at: DateTime<Utc>) -> Result<(), Rejection> {
    // Read in UTC as it is held: `DateTime`'s own accessors first convert
    // to the local time of its offset, which for `Utc` changes nothing.
    let utc = at.naive_utc();
    if utc.nanosecond() >= 1_000_000_000 {
        return Err(input(
            path,
            format!(
                "{} is a leap second; tousu counts UTC without leap seconds, so give :59 or the next minute's :00",
                at.format("%Y-%m-%dT%H:%M:60Z")
            ),
        ));
    }
    if !YEARS.contains(&utc.year()) {
        return Err(input(
            path,
            format!(
                "is in the year {}; give an instant in the years {}-{}",
                at.year(),
                YEARS.start(),
                YEARS.end()
            ),
        ));
    }
    Ok(())
}

fn texts(path: &str, value: &Value) -> Result<(), Rejection> {
    match value {
        Value::String(s) => text(path, s),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .try_for_each(|(i, v)| texts(&format!("{path}[{i}]"), v)),
        Value::Object(fields) => fields
            .iter()
            .try_for_each(|(k, v)| texts(&format!("{path}.{k}"), v)),
        Value::Null | Value::Bool(_) | Value::Number(_) => Ok(()),
    }
}

/// A text a person typed: at most [`MAX_TEXT_CHARS`] characters, no control
/// characters but line breaks and tabs, no bidirectional overrides or
/// isolates (U+202A–U+202E, U+2066–U+2069), which make a record read
/// differently from what it says.
pub(crate) fn text(path: &str, s: &str) -> Result<(), Rejection> {
    let chars = s.chars().count();
    if chars > MAX_TEXT_CHARS {
        return Err(input(
            path,
            format!(
                "is {chars} characters long; the limit is {MAX_TEXT_CHARS}: attach a long document instead"
            ),
        ));
    }
    if let Some((i, c)) = s.chars().enumerate().find(|&(_, c)| refused(c)) {
        return Err(input(
            path,
            format!(
                "has the invisible character U+{:04X} at character {}; remove it (control characters and bidirectional overrides are refused)",
                u32::from(c),
                i + 1
            ),
        ));
    }
    Ok(())
}

/// A character [`text`] refuses.
fn refused(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || is_bidi_control(c)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_bounded_and_clean() {
        assert!(text("kind.text", "第一行\n第二行\t好").is_ok());
        let err = text("kind.text", "a\u{0}b").unwrap_err();
        assert_eq!(
            err.to_string(),
            "kind.text: has the invisible character U+0000 at character 2; remove it (control characters and bidirectional overrides are refused)"
        );
        assert!(text("kind.reason", "abc\u{202E}cba").is_err());
        assert!(text("kind.reason", "\u{2066}x").is_err());
        let long = "字".repeat(MAX_TEXT_CHARS + 1);
        assert!(
            text("kind.text", &long)
                .unwrap_err()
                .to_string()
                .contains("10001 characters")
        );
        assert!(text("kind.text", &"字".repeat(MAX_TEXT_CHARS)).is_ok());
    }

    /// The scan in the hashing pass refuses what [`text`] refuses, with
    /// the same path and message, and lets through what it lets through
    /// (punctuation that shares a lead byte with the overrides included).
    #[test]
    fn the_hashing_pass_finds_what_text_refuses() {
        use tousu_model::{CommandId, StaffId};
        let reply = |text: String| {
            let at = DateTime::from_timestamp(1_760_000_000, 0).unwrap();
            Command::new(
                CommandId::new("c1").unwrap(),
                StaffId::new("e1").unwrap(),
                at,
                3,
                CommandKind::Reply {
                    text,
                    written: false,
                },
            )
        };
        for good in [
            "已处理——详见“回访”…\n第二行\t\"引号\"\\".to_owned(),
            "字".repeat(MAX_TEXT_CHARS),
        ] {
            let cmd = reply(good);
            assert_eq!(check(&cmd).unwrap(), cmd.digest());
        }
        for bad in [
            "a\u{7F}b".to_owned(),
            "a\u{85}b".to_owned(),
            "a\u{8}b".to_owned(),
            "a\u{1}b".to_owned(),
            "—\u{202E}".to_owned(),
            "\u{2069}".to_owned(),
            "字".repeat(MAX_TEXT_CHARS + 1),
            "\n".repeat(MAX_TEXT_CHARS + 1),
        ] {
            let expected = text("kind.text", &bad).unwrap_err();
            assert_eq!(check(&reply(bad)).unwrap_err(), expected);
        }
    }

    proptest::proptest! {
        /// The word-wise search finds a lead byte exactly when there is one.
        #[test]
        fn has_lead_is_a_byte_search(bytes in proptest::collection::vec(
            // Each lead byte, its neighbours, and other bytes.
            proptest::sample::select(vec![
                0x00, 0x1F, 0x20, 0x21, 0x41, 0x7E, 0x7F, 0x80, 0xA0, 0xC1, 0xC2, 0xC3, 0xE1,
                0xE2, 0xE3, 0xFF,
            ]),
            0..40,
        )) {
            let bytewise = bytes
                .iter()
                .any(|&b| b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2);
            proptest::prop_assert_eq!(has_lead(&bytes), bytewise);
        }
    }

    #[test]
    fn leap_seconds_and_year_zero_are_refused() {
        use chrono::NaiveDate;
        let leap = NaiveDate::from_ymd_opt(2025, 6, 30)
            .and_then(|d| d.and_hms_nano_opt(23, 59, 59, 1_500_000_000))
            .unwrap()
            .and_utc();
        assert!(
            instant("at", leap)
                .unwrap_err()
                .to_string()
                .contains("leap second")
        );
        let year0 = NaiveDate::from_ymd_opt(0, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .unwrap()
            .and_utc();
        assert!(
            instant("at", year0)
                .unwrap_err()
                .to_string()
                .contains("year 0")
        );
        let fine = NaiveDate::from_ymd_opt(2025, 6, 30)
            .and_then(|d| d.and_hms_opt(23, 59, 59))
            .unwrap()
            .and_utc();
        assert!(instant("at", fine).is_ok());
    }
}
