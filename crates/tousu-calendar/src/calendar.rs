//! The calendar itself: spec, errors, deadlines (documented at the crate root).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::Deref;
use std::str::FromStr;
use std::sync::{Arc, OnceLock};

use chrono::{
    DateTime, Datelike, Days, FixedOffset, Months, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta,
    Timelike, Utc, Weekday,
};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::data::CalendarData;
use crate::duration::{Duration, DurationUnit};
use crate::statutory::{STATUTORY_FIRST_YEAR, STATUTORY_LAST_YEAR, cached_statutory_days};

/// The embedded data set of China's holidays.
const CN_DATA: &str = include_str!("../data/cn-holidays.toml");

/// Identifier of the embedded Chinese data set.
pub const CN_DATA_ID: &str = "cn";

/// The earliest year a calendar may describe.
pub const MIN_YEAR: i32 = 1900;
/// The latest year a calendar may describe.
pub const MAX_YEAR: i32 = 2399;
/// In provisional mode, years from this one on are covered (weekends only where
/// no data exists).
pub const PROVISIONAL_FIRST_YEAR: i32 = 2000;
/// In provisional mode, years up to this one are covered.
pub const PROVISIONAL_LAST_YEAR: i32 = 2199;

const NANOS_PER_DAY: i64 = 86_400_000_000_000;
const NANOS_PER_MINUTE: i64 = 60_000_000_000;

// ---------------------------------------------------------------------------
// Spec: what a policy file writes.
// ---------------------------------------------------------------------------

/// A policy's calendar, as written in its file. Build a [`Calendar`] from it
/// with [`Calendar::from_spec`], which validates it.
///
/// Every field has a default; the default spec is China's calendar in Beijing
/// time with the embedded holiday data and the Civil Code convention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CalendarSpec {
    /// Fixed UTC offset of the policy's days and hours, `"+08:00"` by default
    /// (Beijing time). A fixed offset, not a time-zone database.
    #[serde(default = "default_utc_offset")]
    pub utc_offset: String,
    /// Weekly rest days, Saturday and Sunday by default (`["Sat", "Sun"]`;
    /// English names or three-letter abbreviations).
    #[serde(default = "default_weekly_rest")]
    #[schemars(schema_with = "weekday_list_schema")]
    pub weekly_rest: Vec<Weekday>,
    /// The embedded holiday data set to start from: `"cn"` (default) or
    /// `"none"`.
    #[serde(default)]
    pub data: DataSet,
    /// Whole years supplied by the policy: holidays, make-up working days and
    /// the notice they come from. A year given here replaces the data set's
    /// year of the same number.
    #[serde(default)]
    pub years: Vec<YearSpec>,
    /// Extra days off (local holidays), on top of the data.
    #[serde(default)]
    pub extra_holidays: Vec<DayEntry>,
    /// Extra working days, on top of the data.
    #[serde(default)]
    pub extra_working_days: Vec<DayEntry>,
    /// Company closures: days off, on top of the data.
    #[serde(default)]
    pub closures: Vec<DayEntry>,
    /// Business hours, the same on every working day: one or more windows
    /// (`08:30`–`12:00`, `13:30`–`17:30`). Empty means none: periods end at
    /// 24:00 and working hours count whole working days.
    #[serde(default)]
    pub business_hours: Vec<BusinessWindow>,
    /// What a year no notice covers means: `"statutory"` (the statutory
    /// holidays of Order No. 795 and their days in lieu, plus the weekly rest
    /// days; the default with the `cn` data), `"weekends"` (the weekly rest
    /// days only; the default with `data = "none"`) or `"error"`
    /// ([`CalendarError::CalendarNotCovered`]). Deadlines computed without a
    /// notice are marked [`Deadline::provisional`] with their
    /// [`ProvisionalBasis`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uncovered: Option<UncoveredYears>,
    /// The older spelling of `uncovered = "weekends"` (files written before
    /// `uncovered` existed still load). `true` with another `uncovered` is an
    /// error.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub provisional: bool,
    /// Calendar data files (TOML or JSON, see [`CalendarData`]) whose years
    /// replace the embedded data's, resolved relative to the policy file by
    /// the policy loader, which reads them; see
    /// [`Calendar::from_spec_with_data`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_files: Vec<String>,
    /// Count the starting day as the first day of a day or month period.
    /// Default false (民法典 art. 201: the starting day is not counted).
    #[serde(default)]
    pub count_start_day: bool,
    /// A calendar-day or month period whose last day is not a working day ends
    /// on the next working day. Default true (民法典 art. 203).
    #[serde(default = "default_true")]
    pub roll_to_working_day: bool,
    /// Data files read for this spec ([`CalendarSpec::add_data`]): not part
    /// of the written spec.
    #[serde(skip)]
    #[schemars(skip)]
    loaded: Vec<CalendarData>,
}

fn default_utc_offset() -> String {
    "+08:00".to_owned()
}

fn default_weekly_rest() -> Vec<Weekday> {
    vec![Weekday::Sat, Weekday::Sun]
}

const fn default_true() -> bool {
    true
}

fn weekday_list_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "array",
        "items": {
            "type": "string",
            "enum": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
                     "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        },
        "uniqueItems": true,
        "description": "Weekly rest days."
    })
}

impl CalendarSpec {
    /// Adds a calendar data file's years to the spec (the policy loader does
    /// this for each of [`CalendarSpec::data_files`]; a program may do it with
    /// data from anywhere). [`Calendar::from_spec`] then uses them.
    pub fn add_data(&mut self, data: CalendarData) {
        self.loaded.push(data);
    }

    /// The data files added with [`CalendarSpec::add_data`].
    #[must_use]
    pub fn loaded_data(&self) -> &[CalendarData] {
        &self.loaded
    }
}

impl Default for CalendarSpec {
    fn default() -> Self {
        Self {
            utc_offset: default_utc_offset(),
            weekly_rest: default_weekly_rest(),
            data: DataSet::default(),
            years: Vec::new(),
            extra_holidays: Vec::new(),
            extra_working_days: Vec::new(),
            closures: Vec::new(),
            business_hours: Vec::new(),
            uncovered: None,
            provisional: false,
            data_files: Vec::new(),
            count_start_day: false,
            roll_to_working_day: true,
            loaded: Vec::new(),
        }
    }
}

/// What a year no holiday notice covers means (the policy's choice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum UncoveredYears {
    /// The statutory holidays of Order No. 795 and their days in lieu, plus
    /// the weekly rest days, for [`STATUTORY_FIRST_YEAR`] to
    /// [`STATUTORY_LAST_YEAR`]; an error beyond.
    Statutory,
    /// The weekly rest days only, for [`PROVISIONAL_FIRST_YEAR`] to
    /// [`PROVISIONAL_LAST_YEAR`].
    Weekends,
    /// No fallback: [`CalendarError::CalendarNotCovered`].
    Error,
}

impl UncoveredYears {
    /// The years the fallback covers, if any.
    #[must_use]
    pub const fn range(self) -> Option<(i32, i32)> {
        match self {
            Self::Statutory => Some((STATUTORY_FIRST_YEAR, STATUTORY_LAST_YEAR)),
            Self::Weekends => Some((PROVISIONAL_FIRST_YEAR, PROVISIONAL_LAST_YEAR)),
            Self::Error => None,
        }
    }
}

impl fmt::Display for UncoveredYears {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Statutory => "statutory days",
            Self::Weekends => "weekends only",
            Self::Error => "error",
        })
    }
}

/// Which embedded holiday data set a calendar starts from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum DataSet {
    /// China's statutory holidays and make-up working days (2024–2026).
    #[default]
    Cn,
    /// No embedded data: only the policy's own years (and, if provisional,
    /// weekends).
    None,
}

/// One year of holiday data: what a State Council notice announces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearSpec {
    /// The year, e.g. 2027. Every date below must fall in it.
    pub year: i32,
    /// The notice's document number, e.g. `"国办发明电〔2024〕12号"`.
    pub citation: String,
    /// The notice's title, e.g. `"国务院办公厅关于2025年部分节假日安排的通知"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Holiday blocks: every day from `from` to `to` (inclusive) is a day off,
    /// weekends included.
    #[serde(default)]
    pub holidays: Vec<HolidaySpan>,
    /// Make-up working days (调休上班), usually weekend days.
    #[serde(default)]
    pub working_days: Vec<DayEntry>,
}

/// A block of consecutive days off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HolidaySpan {
    /// The holiday's name, e.g. `"春节"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// First day off.
    pub from: NaiveDate,
    /// Last day off (inclusive); the block is the single day `from` if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
}

/// A single date with an optional reason. In a file either a quoted date
/// (`"2026-02-14"`) or a table (`{ date = "2026-02-14", reason = "春节调休" }`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayEntry {
    /// The date, local to the calendar's offset.
    pub date: NaiveDate,
    /// Why, e.g. `"春节调休"` or `"年终盘点"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl DayEntry {
    /// A date without a reason.
    #[must_use]
    pub const fn new(date: NaiveDate) -> Self {
        Self { date, reason: None }
    }
}

/// The table form of a [`DayEntry`].
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct DayEntryTable {
    /// The date.
    date: NaiveDate,
    /// Why.
    #[serde(default)]
    reason: Option<String>,
}

/// The two written forms of a [`DayEntry`], for its schema.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)] // Only its schema is used; `DayEntry` deserializes by hand.
enum DayEntryRepr {
    /// A quoted date.
    Date(NaiveDate),
    /// A date and a reason.
    Table(DayEntryTable),
}

impl<'de> Deserialize<'de> for DayEntry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = DayEntry;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a quoted date (\"2026-02-14\") or a table \
                     { date = \"2026-02-14\", reason = \"...\" }",
                )
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<DayEntry, E> {
                v.parse::<NaiveDate>().map(DayEntry::new).map_err(|e| {
                    E::custom(format!(
                        "{v:?} is not a date ({e}); expected e.g. \"2026-02-14\""
                    ))
                })
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<DayEntry, A::Error> {
                let t =
                    DayEntryTable::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(DayEntry {
                    date: t.date,
                    reason: t.reason,
                })
            }
        }
        deserializer.deserialize_any(Visit)
    }
}

impl JsonSchema for DayEntry {
    fn schema_name() -> Cow<'static, str> {
        "DayEntry".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = DayEntryRepr::json_schema(generator);
        schema.insert(
            "description".to_owned(),
            "A date (\"2026-02-14\") or a table { date, reason }.".into(),
        );
        schema
    }
}

/// One business-hours window of a working day, `start` inclusive to `end`
/// exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BusinessWindow {
    /// Opening time, `"08:30"`.
    pub start: TimeOfDay,
    /// Closing time, `"12:00"` (`"24:00"` allowed).
    pub end: TimeOfDay,
}

/// A local time of day to the minute, `"HH:MM"`, from `"00:00"` to `"24:00"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay(u16);

impl TimeOfDay {
    /// `hour:minute`; `None` past 24:00 or for minutes ≥ 60.
    #[must_use]
    pub const fn new(hour: u16, minute: u16) -> Option<Self> {
        if minute >= 60 || hour > 24 || (hour == 24 && minute > 0) {
            return None;
        }
        Some(Self(hour * 60 + minute))
    }

    /// Minutes since midnight (0..=1440).
    #[must_use]
    pub const fn minutes(self) -> u16 {
        self.0
    }

    const fn nanos(self) -> i64 {
        // 1440 minutes at most: no overflow.
        self.0 as i64 * NANOS_PER_MINUTE
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

/// A text that is not a `"HH:MM"` time of day.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{text:?} is not a time of day; expected \"HH:MM\" from \"00:00\" to \"24:00\", e.g. \"08:30\""
)]
pub struct TimeOfDayParseError {
    /// The text as given.
    pub text: String,
}

impl FromStr for TimeOfDay {
    type Err = TimeOfDayParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || TimeOfDayParseError { text: s.to_owned() };
        let (h, m) = s.trim().split_once([':', '：']).ok_or_else(err)?;
        let digits = |t: &str| {
            if (1..=2).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) {
                t.parse::<u16>().ok()
            } else {
                None
            }
        };
        let (h, m) = (digits(h).ok_or_else(err)?, digits(m).ok_or_else(err)?);
        Self::new(h, m).ok_or_else(err)
    }
}

impl Serialize for TimeOfDay {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TimeOfDay {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<'de, str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for TimeOfDay {
    fn schema_name() -> Cow<'static, str> {
        "TimeOfDay".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^([01]?[0-9]|2[0-3]):[0-5][0-9]$|^24:00$",
            "description": "A local time of day, \"HH:MM\" (\"24:00\" is the end of the day).",
            "examples": ["08:30", "12:00", "17:30"]
        })
    }
}

// ---------------------------------------------------------------------------
// Errors.
// ---------------------------------------------------------------------------

/// What went wrong building or using a [`Calendar`].
///
/// Locations (`path`) are relative to the [`CalendarSpec`], e.g.
/// `business_hours[1]`; a policy loader prefixes its own location.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// The UTC offset is not `"+HH:MM"` / `"-HH:MM"`.
    #[error("{path}: {value:?} is not a UTC offset; expected e.g. \"+08:00\"")]
    InvalidUtcOffset {
        /// Where.
        path: String,
        /// The text as given.
        value: String,
    },
    /// A business-hours window does not end after it starts.
    #[error(
        "{path}: business-hours window {start}–{end} is empty; the end must be after the start, e.g. 08:30–12:00"
    )]
    EmptyBusinessWindow {
        /// Where.
        path: String,
        /// Its start.
        start: TimeOfDay,
        /// Its end.
        end: TimeOfDay,
    },
    /// Two business-hours windows overlap.
    #[error(
        "{path}: business-hours window overlaps {other}; windows must be disjoint, e.g. 08:30–12:00 and 13:30–17:30"
    )]
    OverlappingBusinessWindows {
        /// Where.
        path: String,
        /// The window it overlaps.
        other: String,
    },
    /// Every weekday is a weekly rest day.
    #[error("{path}: every weekday is a rest day; a calendar needs at least one working weekday")]
    NoWorkingWeekday {
        /// Where.
        path: String,
    },
    /// One date is declared both a day off and a working day.
    #[error(
        "{path}: {date} is declared both a working day and a day off (also at {other}); keep one"
    )]
    ConflictingDay {
        /// Where.
        path: String,
        /// The date.
        date: NaiveDate,
        /// The other declaration.
        other: String,
    },
    /// A date of a year's data lies outside that year.
    #[error(
        "{path}: {date} is not in {year}; a year's entry may only list dates of that year (use extra_holidays / extra_working_days for others)"
    )]
    DateOutsideYear {
        /// Where.
        path: String,
        /// The date.
        date: NaiveDate,
        /// The entry's year.
        year: i32,
    },
    /// A holiday block ends before it starts.
    #[error("{path}: holiday block {from}..{to} ends before it starts")]
    InvertedRange {
        /// Where.
        path: String,
        /// Its first day.
        from: NaiveDate,
        /// Its last day.
        to: NaiveDate,
    },
    /// A year is given twice.
    #[error("{path}: year {year} is given twice; give each year once")]
    DuplicateYear {
        /// Where.
        path: String,
        /// The year.
        year: i32,
    },
    /// A year outside what a calendar can describe.
    #[error(
        "{path}: year {year} is out of range; years from {MIN_YEAR} to {MAX_YEAR} are supported"
    )]
    YearOutOfRange {
        /// Where.
        path: String,
        /// The year.
        year: i32,
    },
    /// The embedded holiday data set could not be read (a build defect).
    #[error("embedded holiday data {data:?} is unreadable: {reason}")]
    DataUnavailable {
        /// The data set id.
        data: String,
        /// The parse or validation error.
        reason: String,
    },
    /// A date in a year no holiday data covers, with `uncovered = "error"`.
    #[error(
        "no holiday data covers {year}: give the year's notice in a calendar data file (`data_files`) or the policy's calendar `years`, or set `uncovered = \"statutory\"` (or `\"weekends\"`) to count it provisionally"
    )]
    CalendarNotCovered {
        /// The uncovered year.
        year: i32,
    },
    /// A date beyond even the provisional range.
    #[error(
        "{year} is outside the calendar's range {first}–{last}, even provisionally; give the year's data in a calendar data file"
    )]
    BeyondProvisionalRange {
        /// The year.
        year: i32,
        /// First year of the range.
        first: i32,
        /// Last year of the range.
        last: i32,
    },
    /// Statutory days asked for a year the law's computation does not cover.
    #[error(
        "the statutory holidays are computed for {first}–{last} only, not {year}; give the year's data in a calendar data file"
    )]
    OutsideStatutoryRange {
        /// The year.
        year: i32,
        /// First year computed.
        first: i32,
        /// Last year computed.
        last: i32,
    },
    /// `provisional = true` contradicts the `uncovered` setting.
    #[error(
        "{path}: provisional = true means uncovered = \"weekends\" but uncovered = \"{uncovered}\"; drop `provisional`"
    )]
    ProvisionalConflict {
        /// Where.
        path: String,
        /// The `uncovered` setting given.
        uncovered: UncoveredYears,
    },
    /// A calendar data file could not be read or parsed.
    #[error("calendar data file {file}: {reason}")]
    DataFile {
        /// The file (path or name).
        file: String,
        /// What was wrong, with its location in the file.
        reason: String,
    },
    /// Date arithmetic left chrono's range.
    #[error("date arithmetic out of range: {what}")]
    OutOfRange {
        /// What was being computed.
        what: String,
    },
    /// A negative amount of working time.
    #[error("working time to add is negative: {amount}")]
    NegativeWorkingTime {
        /// The amount.
        amount: TimeDelta,
    },
}

impl CalendarError {
    /// The location in the spec, for spec validation errors.
    #[must_use]
    pub fn path(&self) -> Option<&str> {
        match self {
            Self::InvalidUtcOffset { path, .. }
            | Self::EmptyBusinessWindow { path, .. }
            | Self::OverlappingBusinessWindows { path, .. }
            | Self::NoWorkingWeekday { path }
            | Self::ConflictingDay { path, .. }
            | Self::DateOutsideYear { path, .. }
            | Self::InvertedRange { path, .. }
            | Self::DuplicateYear { path, .. }
            | Self::YearOutOfRange { path, .. }
            | Self::ProvisionalConflict { path, .. } => Some(path),
            _ => None,
        }
    }
}

fn out_of_range(what: &str) -> CalendarError {
    CalendarError::OutOfRange {
        what: what.to_owned(),
    }
}

// ---------------------------------------------------------------------------
// Deadline and its provenance.
// ---------------------------------------------------------------------------

/// A computed deadline: an exclusive instant (on time means strictly before
/// it), whether it is provisional, and which calendar data produced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Deadline {
    /// The exclusive instant.
    pub at: DateTime<Utc>,
    /// True if a day of the period lies in a year no holiday notice covers,
    /// counted by the fallback ([`Deadline::provisional_basis`] says which).
    pub provisional: bool,
    /// How the uncovered years were counted, when provisional. Absent in
    /// deadlines stored before it existed (those were weekends only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provisional_basis: Option<ProvisionalBasis>,
    /// The data behind it, for replay under corrected data.
    pub calendar: CalendarDataRef,
}

/// How a provisional deadline counted the years no notice covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProvisionalBasis {
    /// The statutory holidays and days in lieu of Order No. 795, and the
    /// weekly rest days; only the notice's 调休 is unknown.
    StatutoryDays,
    /// The weekly rest days only.
    WeekendsOnly,
}

impl fmt::Display for ProvisionalBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::StatutoryDays => "statutory days only",
            Self::WeekendsOnly => "weekends only",
        })
    }
}

/// Which calendar data a deadline was computed from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CalendarDataRef {
    /// The embedded data set the calendar started from (`"cn"`), if any.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "embedded_data_id"
    )]
    pub data: Option<Cow<'static, str>>,
    /// The years consulted, with where their data came from. Empty for clock
    /// units (minutes, hours).
    #[serde(default)]
    #[schemars(with = "Vec<YearSource>")]
    pub years: YearSources,
    /// Whether policy overrides (extra holidays, extra working days, closures)
    /// fell inside the period.
    #[serde(default)]
    pub overrides: bool,
}

/// A data set id as read: the embedded data set's id is the crate's own
/// text, as a deadline counted in this process holds it, so a deadline read
/// from JSON allocates nothing for it, nor does every clone of it (each
/// clock a replay starts clones its deadline).
fn embedded_data_id<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Cow<'static, str>>, D::Error> {
    struct Id;
    impl serde::de::Visitor<'_> for Id {
        type Value = Cow<'static, str>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a calendar data set id")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(if v == CN_DATA_ID {
                Cow::Borrowed(CN_DATA_ID)
            } else {
                Cow::Owned(v.to_owned())
            })
        }
    }
    struct DataId(Cow<'static, str>);
    impl<'de> Deserialize<'de> for DataId {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_str(Id).map(DataId)
        }
    }
    Ok(Option::<DataId>::deserialize(deserializer)?.map(|id| id.0))
}

/// The years a deadline consulted, as a shared list: a calendar hands every
/// deadline over the same years the same list, so a clock holds a pointer
/// and a length instead of its own copy (a heap block per clock). Reads as a
/// slice; serializes as the list it is, as `Vec<YearSource>` did.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct YearSources(Option<Arc<[YearSource]>>);

impl YearSources {
    /// The years as a slice (also through `Deref`).
    #[must_use]
    pub fn as_slice(&self) -> &[YearSource] {
        self.0.as_deref().unwrap_or_default()
    }
}

impl Deref for YearSources {
    type Target = [YearSource];

    fn deref(&self) -> &[YearSource] {
        self.as_slice()
    }
}

impl fmt::Debug for YearSources {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_slice().fmt(f)
    }
}

impl From<Vec<YearSource>> for YearSources {
    fn from(years: Vec<YearSource>) -> Self {
        Self((!years.is_empty()).then(|| years.into()))
    }
}

impl FromIterator<YearSource> for YearSources {
    fn from_iter<I: IntoIterator<Item = YearSource>>(iter: I) -> Self {
        iter.into_iter().collect::<Vec<_>>().into()
    }
}

impl<'a> IntoIterator for &'a YearSources {
    type Item = &'a YearSource;
    type IntoIter = std::slice::Iter<'a, YearSource>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl Serialize for YearSources {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.as_slice())
    }
}

impl<'de> Deserialize<'de> for YearSources {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<YearSource>::deserialize(deserializer).map(Self::from)
    }
}

/// One year a deadline consulted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct YearSource {
    /// The year.
    pub year: i32,
    /// Where its data came from.
    pub origin: YearOrigin,
    /// The notice cited, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<Cow<'static, str>>,
}

/// Where a year's calendar data came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
#[non_exhaustive]
pub enum YearOrigin {
    /// An embedded data set, by id (`"cn"`).
    Data(Cow<'static, str>),
    /// The policy's own `years`.
    Policy,
    /// No data: weekly rest days only.
    Provisional,
    /// No notice: the statutory holidays of Order No. 795 and their days in
    /// lieu.
    Statutory,
}

impl fmt::Display for CalendarDataRef {
    /// `cn:2025 国办发明电〔2024〕12号; policy:2027 …; provisional:2028 (+overrides)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, y) in self.years.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            match &y.origin {
                YearOrigin::Data(id) => write!(f, "{id}:{}", y.year)?,
                YearOrigin::Policy => write!(f, "policy:{}", y.year)?,
                YearOrigin::Provisional => write!(f, "provisional:{}", y.year)?,
                YearOrigin::Statutory => write!(f, "statutory:{}", y.year)?,
            }
            if let Some(c) = &y.citation {
                write!(f, " {c}")?;
            }
        }
        if self.years.is_empty() {
            f.write_str("clock")?;
        }
        if self.overrides {
            f.write_str(" (+overrides)")?;
        }
        Ok(())
    }
}

/// How a year is covered in a built calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum YearCoverage {
    /// Covered by data (embedded or the policy's), with its origin and
    /// citation.
    Data {
        /// Where the data came from.
        origin: YearOrigin,
        /// The notice cited.
        citation: Cow<'static, str>,
    },
    /// Counted provisionally: weekly rest days and overrides only.
    Provisional,
    /// Counted provisionally: the statutory holidays and days in lieu, weekly
    /// rest days and overrides.
    Statutory,
    /// Not covered: dates in it are [`CalendarError::CalendarNotCovered`].
    Uncovered,
}

// ---------------------------------------------------------------------------
// The calendar.
// ---------------------------------------------------------------------------

/// A validated, precomputed business calendar. Build it once per policy with
/// [`Calendar::from_spec`] (or [`Calendar::china`]) and share it.
#[derive(Debug, Clone)]
pub struct Calendar {
    spec: CalendarSpec,
    /// What years without data mean.
    uncovered: UncoveredYears,
    offset: FixedOffset,
    /// Years `first_year..=last_year` are in the tables (possibly uncovered).
    first_year: i32,
    last_year: i32,
    /// Number of days in the tables.
    len_days: usize,
    /// `year_start[y]`: the index of 1 January of year `first_year + y`, so
    /// a date's index is one load and its ordinal (chrono keeps both in the
    /// date), and an index's date one load back.
    year_start: Vec<u32>,
    /// `rank[i]`: working days at indices before `i` (`len_days + 1`
    /// entries): whether a day works, and how many work before it, are
    /// loads, not bit counts (`count_ones` is a software loop on the
    /// baseline x86-64 target).
    rank: Vec<u32>,
    /// `select[k]`: the `k + 1`-th working day of the tables, as a date (a
    /// `NaiveDate` is four bytes, as an index was): the N-th working day
    /// after a date is a load, not a load and a conversion back.
    select: Vec<NaiveDate>,
    /// The working time before each local day, one slot per day at
    /// `year << 9 | ordinal` (less `slot_base`): chrono packs a date as
    /// `year << 13 | ordinal << 4 | flags`, so an instant's slot is its UTC
    /// date shifted, plus one when its UTC time of day plus
    /// `offset_into_day` reaches a day, less `slot_base` (which takes a day
    /// off again west of UTC). A year's slot `ordinal = 0` holds the day
    /// before its 1 January and `ordinal = days + 1` the 1 January after,
    /// so crossing a year needs no test; the slots past that are never
    /// reached. The first slot is the tables' first day, the last their
    /// last: an instant's slot is bounds-checked once, and before the
    /// tables it is negative, as a `u64` one no table holds.
    ///
    /// An entry is the working nanoseconds at days before it (the working
    /// days before it times a day's working time), bitwise negated when the
    /// day works: the sign is the working-day mask, one shift away.
    /// Filled only for a calendar of whole days whose working time fits
    /// (the common case): `working_time_between`'s inline path reads it,
    /// and an empty table sends every other calendar out of line without a
    /// test of its own.
    day_slots: Vec<i64>,
    /// The same for a calendar with business hours (when its working time
    /// fits), read by `working_time_between`'s out-of-line path.
    window_day_slots: Vec<i64>,
    /// `first_year << 9 | 1` (1 January of the first year), plus one west
    /// of UTC: the slot key less this is the index in `day_slots`.
    slot_base: i64,
    /// The offset in seconds, plus a day when it is negative: in `[0, 1 day)`,
    /// so the local time of day is a comparison away, not a division.
    offset_into_day: i64,
    /// `minute_before[m]`: the windows' working nanoseconds before minute
    /// `m` of a day (1,441 entries, only with business hours). Windows
    /// start and end on whole minutes, so a minute is wholly in or out.
    minute_before: Vec<i64>,
    /// Coverage per year, index `year - first_year`.
    years: Vec<YearCoverage>,
    /// Whether every year the tables span is covered: then any two indices
    /// inside them are, and the years between too.
    all_covered: bool,
    /// Business windows in nanoseconds from midnight, sorted, disjoint.
    windows: Vec<(i64, i64)>,
    /// Whether business hours are set.
    has_business_hours: bool,
    /// Sum of the windows.
    day_nanos: i64,
    /// Dates of all overrides, sorted.
    overrides: Vec<NaiveDate>,
    /// `year_sources[y]`: what a deadline within year `first_year + y`
    /// consulted; `year_pair_sources[y]` the same for one spanning that year
    /// and the next. Built once, shared by every deadline (a clone is a
    /// reference count).
    year_sources: Vec<YearSources>,
    year_pair_sources: Vec<YearSources>,
}

fn cn_data() -> Result<&'static [YearSpec], CalendarError> {
    static CN: OnceLock<Result<Vec<YearSpec>, String>> = OnceLock::new();
    let parsed = CN.get_or_init(|| {
        let file: CalendarData = toml::from_str(CN_DATA).map_err(|e| e.to_string())?;
        if file.id != CN_DATA_ID {
            return Err(format!("id is {:?}, expected {CN_DATA_ID:?}", file.id));
        }
        Ok(file.years)
    });
    parsed
        .as_deref()
        .map_err(|reason| CalendarError::DataUnavailable {
            data: CN_DATA_ID.to_owned(),
            reason: reason.clone(),
        })
}

/// Parse `"+08:00"`, `"-05:30"`, `"+0800"`, `"Z"`.
fn parse_offset(s: &str) -> Option<FixedOffset> {
    let s = s.trim();
    if s == "Z" || s == "z" {
        return FixedOffset::east_opt(0);
    }
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, s.get(1..)?),
        b'-' => (-1, s.get(1..)?),
        _ => return None,
    };
    let (h, m) = match rest.split_once(':') {
        Some((h, m)) => (h, m),
        None if rest.len() == 4 => (rest.get(..2)?, rest.get(2..)?),
        None => return None,
    };
    if h.len() != 2 || m.len() != 2 || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m) = (h.parse::<i32>().ok()?, m.parse::<i32>().ok()?);
    if h > 23 || m > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

/// A day's status as declared by data or overrides, with where it was said.
struct Declared {
    working: bool,
    path: String,
}

fn check_year(path: &str, year: i32) -> Result<(), CalendarError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(CalendarError::YearOutOfRange {
            path: path.to_owned(),
            year,
        })
    }
}

/// Declare `date` working or not at `path` into `map`, refusing contradictions.
fn declare(
    map: &mut BTreeMap<NaiveDate, Declared>,
    date: NaiveDate,
    working: bool,
    path: String,
) -> Result<(), CalendarError> {
    if let Some(prev) = map.get(&date) {
        if prev.working != working {
            return Err(CalendarError::ConflictingDay {
                path,
                date,
                other: prev.path.clone(),
            });
        }
        return Ok(());
    }
    map.insert(date, Declared { working, path });
    Ok(())
}

/// Validate one year's data and return its declared days.
fn year_days(
    prefix: &str,
    spec: &YearSpec,
) -> Result<BTreeMap<NaiveDate, Declared>, CalendarError> {
    check_year(&format!("{prefix}.year"), spec.year)?;
    let mut map = BTreeMap::new();
    let in_year = |path: &str, date: NaiveDate| {
        if date.year() == spec.year {
            Ok(())
        } else {
            Err(CalendarError::DateOutsideYear {
                path: path.to_owned(),
                date,
                year: spec.year,
            })
        }
    };
    for (i, h) in spec.holidays.iter().enumerate() {
        let path = format!("{prefix}.holidays[{i}]");
        let to = h.to.unwrap_or(h.from);
        in_year(&path, h.from)?;
        in_year(&path, to)?;
        if to < h.from {
            return Err(CalendarError::InvertedRange {
                path,
                from: h.from,
                to,
            });
        }
        for date in h.from.iter_days().take_while(|d| *d <= to) {
            declare(&mut map, date, false, path.clone())?;
        }
    }
    for (i, w) in spec.working_days.iter().enumerate() {
        let path = format!("{prefix}.working_days[{i}]");
        in_year(&path, w.date)?;
        declare(&mut map, w.date, true, path)?;
    }
    Ok(map)
}

/// What uncovered years mean for `spec`: its `uncovered`, else `weekends`
/// where the old `provisional = true` says so, else statutory days with the
/// `cn` data and weekends without it.
fn effective_uncovered(spec: &CalendarSpec) -> Result<UncoveredYears, CalendarError> {
    match (spec.uncovered, spec.provisional) {
        (Some(u), true) if u != UncoveredYears::Weekends => {
            Err(CalendarError::ProvisionalConflict {
                path: "provisional".to_owned(),
                uncovered: u,
            })
        }
        (Some(u), _) => Ok(u),
        (None, true) => Ok(UncoveredYears::Weekends),
        (None, false) => Ok(match spec.data {
            DataSet::Cn => UncoveredYears::Statutory,
            DataSet::None => UncoveredYears::Weekends,
        }),
    }
}

fn validate_windows(spec: &CalendarSpec) -> Result<Vec<(i64, i64)>, CalendarError> {
    let mut windows: Vec<(i64, i64, usize)> = Vec::with_capacity(spec.business_hours.len());
    for (i, w) in spec.business_hours.iter().enumerate() {
        if w.end <= w.start {
            return Err(CalendarError::EmptyBusinessWindow {
                path: format!("business_hours[{i}]"),
                start: w.start,
                end: w.end,
            });
        }
        windows.push((w.start.nanos(), w.end.nanos(), i));
    }
    windows.sort_unstable();
    for pair in windows.windows(2) {
        if let [(_, end_a, ia), (start_b, _, ib)] = *pair
            && start_b < end_a
        {
            let (first, second) = (ia.min(ib), ia.max(ib));
            return Err(CalendarError::OverlappingBusinessWindows {
                path: format!("business_hours[{second}]"),
                other: format!("business_hours[{first}]"),
            });
        }
    }
    if windows.is_empty() {
        return Ok(vec![(0, NANOS_PER_DAY)]);
    }
    Ok(windows.into_iter().map(|(s, e, _)| (s, e)).collect())
}

impl Calendar {
    /// China's calendar: the default [`CalendarSpec`] (Beijing time, Saturday
    /// and Sunday off, the embedded 2024–2026 data, no business hours).
    ///
    /// # Errors
    ///
    /// Only if the embedded data were unreadable ([`CalendarError::DataUnavailable`]).
    pub fn china() -> Result<Self, CalendarError> {
        Self::from_spec(&CalendarSpec::default())
    }

    /// Validate `spec` and precompute the calendar.
    ///
    /// # Errors
    ///
    /// A [`CalendarError`] naming the offending field: a bad UTC offset, empty
    /// or overlapping business-hour windows, a date declared both a day off and
    /// a working day, a year's date outside that year, a year given twice, a
    /// year out of range, or no working weekday.
    pub fn from_spec(spec: &CalendarSpec) -> Result<Self, CalendarError> {
        Self::from_spec_with_data(spec, &[])
    }

    /// Validate `spec` and precompute the calendar with the years of calendar
    /// data files. A file's year replaces the embedded data's year of the same
    /// number; a year given by two files, or by a file and the spec's own
    /// `years`, is [`CalendarError::DuplicateYear`] (a year means one thing).
    /// The files named in [`CalendarSpec::data_files`] are read by whoever
    /// resolves their paths (the policy loader); this function does no I/O.
    ///
    /// # Errors
    ///
    /// As [`Calendar::from_spec`], and a file's invalid year.
    pub fn from_spec_with_data(
        spec: &CalendarSpec,
        files: &[CalendarData],
    ) -> Result<Self, CalendarError> {
        let uncovered = effective_uncovered(spec)?;
        let offset =
            parse_offset(&spec.utc_offset).ok_or_else(|| CalendarError::InvalidUtcOffset {
                path: "utc_offset".to_owned(),
                value: spec.utc_offset.clone(),
            })?;
        let mut rest = [false; 7];
        for day in &spec.weekly_rest {
            if let Some(slot) = rest.get_mut(day.num_days_from_monday() as usize) {
                *slot = true;
            }
        }
        if rest.iter().all(|r| *r) {
            return Err(CalendarError::NoWorkingWeekday {
                path: "weekly_rest".to_owned(),
            });
        }
        let windows = validate_windows(spec)?;
        let day_nanos = windows.iter().map(|(s, e)| e - s).sum();

        // Years with data: embedded first, then the policy's (which replace).
        let mut data_years: BTreeMap<i32, (YearCoverage, BTreeMap<NaiveDate, Declared>)> =
            BTreeMap::new();
        let data_id = match spec.data {
            DataSet::Cn => Some(CN_DATA_ID),
            DataSet::None => None,
        };
        if let Some(id) = data_id {
            for (i, y) in cn_data()?.iter().enumerate() {
                let days = year_days(&format!("data {id}: years[{i}]"), y).map_err(|e| {
                    CalendarError::DataUnavailable {
                        data: id.to_owned(),
                        reason: e.to_string(),
                    }
                })?;
                let coverage = YearCoverage::Data {
                    origin: YearOrigin::Data(Cow::Borrowed(id)),
                    citation: Cow::Borrowed(y.citation.as_str()),
                };
                data_years.insert(y.year, (coverage, days));
            }
        }
        let mut seen = BTreeSet::new();
        for file in spec.loaded.iter().chain(files) {
            for (i, y) in file.years.iter().enumerate() {
                let prefix = format!("data file {}: years[{i}]", file.id);
                let days = year_days(&prefix, y)?;
                if !seen.insert(y.year) {
                    return Err(CalendarError::DuplicateYear {
                        path: format!("{prefix}.year"),
                        year: y.year,
                    });
                }
                let coverage = YearCoverage::Data {
                    origin: YearOrigin::Data(Cow::Owned(file.id.clone())),
                    citation: Cow::Owned(y.citation.clone()),
                };
                data_years.insert(y.year, (coverage, days));
            }
        }
        for (i, y) in spec.years.iter().enumerate() {
            let prefix = format!("years[{i}]");
            let days = year_days(&prefix, y)?;
            if !seen.insert(y.year) {
                return Err(CalendarError::DuplicateYear {
                    path: format!("{prefix}.year"),
                    year: y.year,
                });
            }
            let coverage = YearCoverage::Data {
                origin: YearOrigin::Policy,
                citation: Cow::Owned(y.citation.clone()),
            };
            data_years.insert(y.year, (coverage, days));
        }

        let overrides = spec_overrides(spec)?;

        // The years the tables span.
        let data_first = data_years.keys().next().copied();
        let data_last = data_years.keys().next_back().copied();
        let (first_year, last_year) = match uncovered.range() {
            Some((first, last)) => (
                data_first.map_or(first, |y| y.min(first)),
                data_last.map_or(last, |y| y.max(last)),
            ),
            None => match (data_first, data_last) {
                (Some(f), Some(l)) => (f, l),
                // Nothing covered: an empty table, every query is uncovered.
                _ => (PROVISIONAL_FIRST_YEAR, PROVISIONAL_FIRST_YEAR - 1),
            },
        };

        let in_fallback = |year: i32| {
            uncovered
                .range()
                .is_some_and(|(f, l)| (f..=l).contains(&year))
        };
        let mut years = Vec::new();
        for year in first_year..=last_year {
            years.push(match data_years.get(&year) {
                Some((coverage, _)) => coverage.clone(),
                None if !in_fallback(year) => YearCoverage::Uncovered,
                None if uncovered == UncoveredYears::Statutory => YearCoverage::Statutory,
                None => YearCoverage::Provisional,
            });
        }

        let mut calendar = Self {
            spec: spec.clone(),
            uncovered,
            offset,
            first_year,
            last_year,
            len_days: 0,
            year_start: Vec::new(),
            rank: Vec::new(),
            select: Vec::new(),
            day_slots: Vec::new(),
            window_day_slots: Vec::new(),
            slot_base: 0,
            offset_into_day: 0,
            minute_before: Vec::new(),
            all_covered: !years.contains(&YearCoverage::Uncovered),
            years,
            windows,
            has_business_hours: !spec.business_hours.is_empty(),
            day_nanos,
            overrides: overrides.keys().copied().collect(),
            year_sources: Vec::new(),
            year_pair_sources: Vec::new(),
        };
        if first_year <= last_year {
            calendar.build_tables(&rest, &data_years, &overrides)?;
        }
        calendar.year_sources = (first_year..=last_year)
            .map(|y| calendar.collect_year_sources(y, y))
            .collect();
        calendar.year_pair_sources = (first_year..=last_year)
            .map(|y| calendar.collect_year_sources(y, y.saturating_add(1)))
            .collect();
        Ok(calendar)
    }

    fn build_tables(
        &mut self,
        rest: &[bool; 7],
        data_years: &BTreeMap<i32, (YearCoverage, BTreeMap<NaiveDate, Declared>)>,
        overrides: &BTreeMap<NaiveDate, Declared>,
    ) -> Result<(), CalendarError> {
        let first = NaiveDate::from_ymd_opt(self.first_year, 1, 1)
            .ok_or_else(|| out_of_range("first day of the calendar"))?;
        let end = NaiveDate::from_ymd_opt(self.last_year + 1, 1, 1)
            .ok_or_else(|| out_of_range("last day of the calendar"))?;
        let len = usize::try_from(end.num_days_from_ce() - first.num_days_from_ce())
            .map_err(|_| out_of_range("calendar length"))?;
        self.len_days = len;
        let mut bits = vec![0u64; len.div_ceil(64)];

        // Weekly pattern over covered (data or provisional) years.
        let mut weekday = first.weekday().num_days_from_monday() as usize;
        let mut idx = 0usize;
        self.year_start = Vec::with_capacity(self.years.len());
        for (coverage, year) in self.years.iter().zip(self.first_year..) {
            self.year_start
                .push(u32::try_from(idx).map_err(|_| out_of_range("calendar length"))?);
            let days = if NaiveDate::from_ymd_opt(year, 12, 31).is_some_and(|d| d.leap_year()) {
                366
            } else {
                365
            };
            let covered = !matches!(coverage, YearCoverage::Uncovered);
            for _ in 0..days {
                if covered && !rest.get(weekday).copied().unwrap_or(true) {
                    set_bit(&mut bits, idx, true);
                }
                idx += 1;
                weekday = (weekday + 1) % 7;
            }
        }
        // Year data, the law's days, then overrides, on covered years only.
        let apply = |bits: &mut Vec<u64>, date: NaiveDate, working: bool| {
            if let Some(i) = self.index_of(date)
                && matches!(
                    self.years.get(self.year_slot(date.year())),
                    Some(
                        YearCoverage::Data { .. }
                            | YearCoverage::Provisional
                            | YearCoverage::Statutory
                    )
                )
            {
                set_bit(bits, i, working);
            }
        };
        for (_, days) in data_years.values() {
            for (date, d) in days {
                apply(&mut bits, *date, d.working);
            }
        }
        for (coverage, year) in self.years.iter().zip(self.first_year..) {
            if matches!(coverage, YearCoverage::Statutory) {
                for day in cached_statutory_days(year)? {
                    apply(&mut bits, day.date, false);
                }
            }
        }
        for (date, d) in overrides {
            apply(&mut bits, *date, d.working);
        }

        self.rank = Vec::with_capacity(len + 1);
        self.select = Vec::new();
        let mut running: u32 = 0;
        for (idx, date) in first.iter_days().take(len).enumerate() {
            self.rank.push(running);
            let working = bits
                .get(idx / 64)
                .is_some_and(|w| (w >> (idx % 64)) & 1 == 1);
            if working {
                self.select.push(date);
                running += 1;
            }
        }
        self.rank.push(running);
        // `working_time_between` may take its unchecked paths when every
        // year is covered and the working time of all the tables' days fits
        // an `i64` of nanoseconds (about 290 years of whole days do).
        let fits = self.all_covered
            && i64::from(running)
                .checked_add(1)
                .and_then(|days| days.checked_mul(self.day_nanos))
                .is_some();
        if fits {
            self.build_working_time_tables();
        }
        Ok(())
    }

    /// The tables of `working_time_between`'s unchecked paths (only when
    /// the working time fits: no product below overflows).
    fn build_working_time_tables(&mut self) {
        let offset = i64::from(self.offset.local_minus_utc());
        // West of UTC the local day starts a day earlier than the UTC one.
        let west = i64::from(offset < 0);
        self.offset_into_day = offset + west * 86_400;
        self.slot_base = ((i64::from(self.first_year) << 9) | 1) + west;
        let slots = self.day_slots_table();
        if self.has_business_hours {
            self.window_day_slots = slots;
        } else {
            self.day_slots = slots;
        }
        if self.has_business_hours {
            self.minute_before = (0..=24 * 60)
                .map(|m| self.window_overlap(0, m * NANOS_PER_MINUTE))
                .collect();
        }
    }

    /// `day_slots` (see there): for each year of the tables 512 slots, from
    /// the day before its 1 January to the 1 January after (the rest
    /// zero, never read), cut to the tables' first and last days.
    fn day_slots_table(&self) -> Vec<i64> {
        let entry = |idx: usize| -> Option<i64> {
            let (before, through) = (*self.rank.get(idx)?, *self.rank.get(idx + 1)?);
            let nanos = i64::from(before) * self.day_nanos;
            Some(if through > before { !nanos } else { nanos })
        };
        let mut slots = Vec::with_capacity(self.year_start.len() * 512);
        for (slot, &start) in self.year_start.iter().enumerate() {
            let start = start as usize;
            let end = self
                .year_start
                .get(slot + 1)
                .map_or(self.len_days, |&next| next as usize);
            // Slot `ordinal = 0`, the day before 1 January, is the previous
            // year's last (its 512th) slot; the first year has none.
            if slot > 0 {
                slots.push(entry(start - 1).unwrap_or(0));
            }
            let last = end == self.len_days;
            // 1 January to 31 December, then (but after the last year) the
            // 1 January after.
            let through = if last { end } else { end + 1 };
            slots.extend((start..through).map(|idx| entry(idx).unwrap_or(0)));
            if !last {
                slots.resize((slot + 1) * 512 - 1, 0);
            }
        }
        slots
    }

    /// Slot of `year` in `years` (may be out of bounds; use with `.get`).
    fn year_slot(&self, year: i32) -> usize {
        usize::try_from(year - self.first_year).unwrap_or(usize::MAX)
    }

    /// Index of `date` in the tables, if inside them.
    fn index_of(&self, date: NaiveDate) -> Option<usize> {
        let start = *self.year_start.get(self.year_slot(date.year()))?;
        Some(start as usize + date.ordinal0() as usize)
    }

    /// The error for a year outside the tables or uncovered.
    fn not_covered(&self, year: i32) -> CalendarError {
        if self.uncovered.range().is_some() && !(self.first_year..=self.last_year).contains(&year) {
            CalendarError::BeyondProvisionalRange {
                year,
                first: self.first_year,
                last: self.last_year,
            }
        } else {
            CalendarError::CalendarNotCovered { year }
        }
    }

    /// What the calendar's data covers and what it does beyond, in a
    /// sentence for people: `holiday notices cover 2024–2026; later
    /// deadlines to 2100 are provisional (statutory days only)`.
    #[must_use]
    pub fn coverage_note(&self) -> String {
        let notices: Vec<i32> = (self.first_year..=self.last_year)
            .filter(|y| matches!(self.coverage(*y), YearCoverage::Data { .. }))
            .collect();
        let contiguous = match (notices.first(), notices.last()) {
            (Some(f), Some(l)) => usize::try_from(l - f + 1).ok() == Some(notices.len()),
            _ => false,
        };
        let mut note = match (notices.first(), notices.last()) {
            (Some(f), Some(l)) if f == l => format!("holiday notices cover {f}"),
            (Some(f), Some(l)) if contiguous => format!("holiday notices cover {f}–{l}"),
            (Some(_), Some(_)) => {
                let list: Vec<String> = notices.iter().map(ToString::to_string).collect();
                format!("holiday notices cover {}", list.join(", "))
            }
            _ => "no holiday notices".to_owned(),
        };
        match (self.uncovered, self.uncovered.range()) {
            (UncoveredYears::Error, _) | (_, None) => {
                note.push_str("; other years are refused (uncovered = \"error\")");
            }
            (u, Some((first, last))) => {
                let basis = if u == UncoveredYears::Statutory {
                    ProvisionalBasis::StatutoryDays
                } else {
                    ProvisionalBasis::WeekendsOnly
                };
                if notices.first().is_some_and(|f| *f <= first) {
                    note.push_str(&format!(
                        "; later deadlines to {last} are provisional ({basis})"
                    ));
                } else {
                    note.push_str(&format!(
                        "; other years {first}–{last} are provisional ({basis})"
                    ));
                }
            }
        }
        note
    }

    /// What years without a notice mean in this calendar.
    #[must_use]
    pub const fn uncovered(&self) -> UncoveredYears {
        self.uncovered
    }

    /// How `year` is covered.
    #[must_use]
    pub fn coverage(&self, year: i32) -> YearCoverage {
        if (self.first_year..=self.last_year).contains(&year) {
            self.years
                .get(self.year_slot(year))
                .cloned()
                .unwrap_or(YearCoverage::Uncovered)
        } else {
            YearCoverage::Uncovered
        }
    }

    /// Ok if every year in `from..=to` is covered (by data or provisionally).
    fn check_years(&self, from: i32, to: i32) -> Result<(), CalendarError> {
        for year in from..=to {
            let covered = (self.first_year..=self.last_year).contains(&year)
                && !matches!(
                    self.years.get(self.year_slot(year)),
                    None | Some(YearCoverage::Uncovered)
                );
            if !covered {
                return Err(self.not_covered(year));
            }
        }
        Ok(())
    }

    /// The table index of a covered date.
    fn covered_index(&self, date: NaiveDate) -> Result<usize, CalendarError> {
        self.check_years(date.year(), date.year())?;
        self.index_of(date)
            .ok_or_else(|| self.not_covered(date.year()))
    }

    /// Whether the day at `idx` is a working day.
    fn bit(&self, idx: usize) -> bool {
        match (self.rank.get(idx), self.rank.get(idx + 1)) {
            (Some(before), Some(through)) => through > before,
            _ => false,
        }
    }

    /// Working days at indices `0..=idx`.
    fn rank(&self, idx: usize) -> u32 {
        self.rank
            .get(idx + 1)
            .or(self.rank.last())
            .copied()
            .unwrap_or(0)
    }

    /// The `k`-th working day (1-based) in the tables.
    fn select(&self, k: u32) -> Option<NaiveDate> {
        let at = usize::try_from(k.checked_sub(1)?).ok()?;
        self.select.get(at).copied()
    }

    /// The `n`-th working day (`n` ≥ 1) strictly after index `i`: two
    /// loads, the same for any `n`.
    fn select_after(&self, i: usize, n: u32) -> Option<NaiveDate> {
        self.select(self.rank(i).checked_add(n)?)
    }

    /// The UTC offset of the calendar's days.
    #[must_use]
    pub const fn offset(&self) -> FixedOffset {
        self.offset
    }

    /// The spec the calendar was built from.
    #[must_use]
    pub const fn spec(&self) -> &CalendarSpec {
        &self.spec
    }

    /// The local date of an instant, in the calendar's offset.
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] at the edges of chrono's range.
    pub fn local_date(&self, instant: DateTime<Utc>) -> Result<NaiveDate, CalendarError> {
        Ok(self.to_local(instant)?.date())
    }

    fn to_local(&self, instant: DateTime<Utc>) -> Result<NaiveDateTime, CalendarError> {
        instant
            .naive_utc()
            .checked_add_offset(self.offset)
            .ok_or_else(|| out_of_range("local time of an instant"))
    }

    fn utc_of_local(&self, local: NaiveDateTime) -> Result<DateTime<Utc>, CalendarError> {
        local
            .checked_sub_offset(self.offset)
            .map(|n| DateTime::from_naive_utc_and_offset(n, Utc))
            .ok_or_else(|| out_of_range("instant of a local time"))
    }

    /// The instant `nanos` after local midnight starting `date` (`nanos` may be
    /// a whole day: 24:00).
    fn instant_at(&self, date: NaiveDate, nanos: i64) -> Result<DateTime<Utc>, CalendarError> {
        let (date, nanos) = if nanos >= NANOS_PER_DAY {
            (
                date.succ_opt().ok_or_else(|| out_of_range("day after"))?,
                nanos - NANOS_PER_DAY,
            )
        } else {
            (date, nanos)
        };
        let secs = u32::try_from(nanos / 1_000_000_000).map_err(|_| out_of_range("time of day"))?;
        let sub = u32::try_from(nanos % 1_000_000_000).map_err(|_| out_of_range("time of day"))?;
        let time = NaiveTime::from_num_seconds_from_midnight_opt(secs, sub)
            .ok_or_else(|| out_of_range("time of day"))?;
        self.utc_of_local(date.and_time(time))
    }

    /// Whether `date` is a working day.
    ///
    /// # Errors
    ///
    /// [`CalendarError::CalendarNotCovered`] if no data covers its year (and
    /// the calendar is not provisional).
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        let i = self.covered_index(date)?;
        Ok(self.bit(i))
    }

    /// The `n`-th working day strictly after `date` (`n` = 0 gives `date`).
    ///
    /// # Errors
    ///
    /// [`CalendarError::CalendarNotCovered`] if `date`, the result, or a year
    /// between them is not covered.
    #[inline]
    pub fn nth_working_day_after(
        &self,
        date: NaiveDate,
        n: u32,
    ) -> Result<NaiveDate, CalendarError> {
        // When every year of the tables is covered, a date inside them and
        // the day found are covered: the date's index (its year's start plus
        // its ordinal), the working days through it, and the day found are
        // three loads. Inline, so that a caller's `?` sees `Ok` directly.
        if self.all_covered
            && let Some(found) = self.nth_working_day_unchecked(date, n)
        {
            return Ok(found);
        }
        self.nth_working_day_checked(date, n)
    }

    /// [`Calendar::nth_working_day_after`]'s lookup without coverage
    /// checks; `None` outside the tables and for `n` = 0.
    #[inline]
    fn nth_working_day_unchecked(&self, date: NaiveDate, n: u32) -> Option<NaiveDate> {
        let slot = usize::try_from(date.year().wrapping_sub(self.first_year)).ok()?;
        // Working days through `date`: `rank` at the index after it, which
        // is its year's start plus its 1-based ordinal.
        let through = *self
            .rank
            .get(*self.year_start.get(slot)? as usize + date.ordinal() as usize)?;
        // The (through + n)-th working day, 1-based; no overflow in usize.
        let after = (n as usize).checked_sub(1)?;
        self.select.get(through as usize + after).copied()
    }

    /// [`Calendar::nth_working_day_after`] through the coverage checks,
    /// which name the year: `n` = 0, a date outside the tables, an
    /// uncovered year, or a result past their end.
    #[inline(never)]
    fn nth_working_day_checked(&self, date: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let i = self.covered_index(date)?;
        if n == 0 {
            return Ok(date);
        }
        let Some(result) = self.select_after(i, n) else {
            // Ran off the end: report the first year not covered after `date`.
            self.check_years(date.year(), self.last_year)?;
            return Err(self.not_covered(self.last_year + 1));
        };
        self.check_years(date.year(), result.year())?;
        Ok(result)
    }

    /// The first working day strictly after `date`.
    ///
    /// # Errors
    ///
    /// As [`Calendar::nth_working_day_after`].
    pub fn next_working_day(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        self.nth_working_day_after(date, 1)
    }

    /// The last working day strictly before `date`.
    ///
    /// # Errors
    ///
    /// [`CalendarError::CalendarNotCovered`] if `date`, the result, or a year
    /// between them is not covered.
    pub fn previous_working_day(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        let i = self.covered_index(date)?;
        let before = self.rank(i) - u32::from(self.bit(i));
        let Some(result) = self.select(before) else {
            self.check_years(self.first_year, date.year())?;
            return Err(self.not_covered(self.first_year - 1));
        };
        self.check_years(result.year(), date.year())?;
        Ok(result)
    }

    /// Number of working days in `(from, to]` (0 if `to <= from`).
    ///
    /// # Errors
    ///
    /// [`CalendarError::CalendarNotCovered`] if a year in between is not covered.
    pub fn working_days_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<u32, CalendarError> {
        if to <= from {
            return Ok(0);
        }
        self.check_years(from.year(), to.year())?;
        let (a, b) = (self.covered_index(from)?, self.covered_index(to)?);
        Ok(self.rank(b) - self.rank(a))
    }

    /// The deadline for a time limit `within` starting at `start`, under the
    /// convention in the [crate docs](crate).
    ///
    /// # Errors
    ///
    /// [`CalendarError::CalendarNotCovered`] if the period needs a year no
    /// data covers; [`CalendarError::OutOfRange`] past chrono's range.
    pub fn deadline(
        &self,
        start: DateTime<Utc>,
        within: &Duration,
    ) -> Result<Deadline, CalendarError> {
        let n = within.amount();
        let clock = |delta: Option<TimeDelta>| {
            delta
                .and_then(|d| start.checked_add_signed(d))
                .map(|at| Deadline {
                    at,
                    provisional: false,
                    provisional_basis: None,
                    calendar: CalendarDataRef {
                        data: self.data_id(),
                        years: YearSources::default(),
                        overrides: false,
                    },
                })
                .ok_or_else(|| out_of_range("clock deadline"))
        };
        let unit = within.unit();
        match unit {
            DurationUnit::Seconds => return clock(TimeDelta::try_seconds(i64::from(n))),
            DurationUnit::Minutes => return clock(TimeDelta::try_minutes(i64::from(n))),
            DurationUnit::Hours => return clock(TimeDelta::try_hours(i64::from(n))),
            DurationUnit::WorkingHours => {
                let amount = TimeDelta::try_hours(i64::from(n))
                    .ok_or_else(|| out_of_range("working hours"))?;
                let at = self.add_working_time(start, amount)?;
                let (from, to) = (self.local_date(start)?, self.local_date(at)?);
                return Ok(self.deadline_with_ref(at, from, to));
            }
            DurationUnit::CalendarDays | DurationUnit::WorkingDays | DurationUnit::Months => {}
        }
        let start_date = self.local_date(start)?;
        // Where day counting starts: the start day itself is not counted.
        let base = if self.spec.count_start_day {
            start_date
                .pred_opt()
                .ok_or_else(|| out_of_range("day before the start"))?
        } else {
            start_date
        };
        let last_day = if unit == DurationUnit::WorkingDays {
            self.nth_working_day_after(base, n)?
        } else {
            let last = if unit == DurationUnit::Months {
                let last = start_date
                    .checked_add_months(Months::new(n))
                    .ok_or_else(|| out_of_range("month deadline"))?;
                if self.spec.count_start_day {
                    last.pred_opt()
                        .ok_or_else(|| out_of_range("month deadline"))?
                } else {
                    last
                }
            } else {
                base.checked_add_days(Days::new(u64::from(n)))
                    .ok_or_else(|| out_of_range("calendar-day deadline"))?
            };
            self.roll(last)?
        };
        let at = self.end_of(last_day)?;
        Ok(self.deadline_with_ref(at, start_date, last_day))
    }

    /// A [`Deadline`] at `at` for a period that started at `start`, with the
    /// provenance of the days in between: for a deadline reached some other
    /// way than [`Calendar::deadline`] (a paused clock resumed with its
    /// remaining time), so that it is marked provisional exactly when a day
    /// it counted lies in a year without a notice.
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] at the edges of chrono's range.
    pub fn describe(
        &self,
        start: DateTime<Utc>,
        at: DateTime<Utc>,
    ) -> Result<Deadline, CalendarError> {
        let (from, to) = (self.local_date(start)?, self.local_date(at)?);
        Ok(self.deadline_with_ref(at, from.min(to), to.max(from)))
    }

    /// Brings an instant reached by adding *remaining* time to a day-unit
    /// clock (after a pause) back onto the convention: the end (24:00, or
    /// close of business) of the day in which the time runs out, rolled to a
    /// working day as the unit requires. Clock units (minutes, hours,
    /// working hours) are returned unchanged.
    ///
    /// An instant exactly at 24:00 (or at close of business) ends that day
    /// and stays. So a working-day clock paused with two and a half working
    /// days left ends at the end of the third working day after it resumes.
    ///
    /// # Errors
    ///
    /// [`CalendarError::CalendarNotCovered`] for a day the data does not cover.
    pub fn to_day_end(
        &self,
        at: DateTime<Utc>,
        unit: DurationUnit,
    ) -> Result<DateTime<Utc>, CalendarError> {
        if !matches!(
            unit,
            DurationUnit::WorkingDays | DurationUnit::CalendarDays | DurationUnit::Months
        ) {
            return Ok(at);
        }
        let local = at.with_timezone(&self.offset);
        let mut day = local.date_naive();
        if local.time() == NaiveTime::MIN {
            // 00:00 is the end of the day before.
            day = day
                .pred_opt()
                .ok_or_else(|| out_of_range("the day before a deadline"))?;
        }
        if at > self.end_of(day)? {
            // After close of business: the time runs out on the next day.
            day = day
                .succ_opt()
                .ok_or_else(|| out_of_range("the day after a deadline"))?;
        }
        let day = match unit {
            DurationUnit::WorkingDays if !self.is_working_day(day)? => {
                self.next_working_day(day)?
            }
            DurationUnit::WorkingDays => day,
            _ => self.roll(day)?,
        };
        self.end_of(day)
    }

    /// Roll a calendar-day period's last day forward to a working day if the
    /// spec says so.
    fn roll(&self, last: NaiveDate) -> Result<NaiveDate, CalendarError> {
        if self.spec.roll_to_working_day && !self.is_working_day(last)? {
            self.next_working_day(last)
        } else {
            Ok(last)
        }
    }

    /// End of a period's last day: close of business or 24:00.
    fn end_of(&self, day: NaiveDate) -> Result<DateTime<Utc>, CalendarError> {
        let close = if self.has_business_hours {
            self.windows.last().map_or(NANOS_PER_DAY, |(_, e)| *e)
        } else {
            NANOS_PER_DAY
        };
        self.instant_at(day, close)
    }

    fn data_id(&self) -> Option<Cow<'static, str>> {
        match self.spec.data {
            DataSet::Cn => Some(Cow::Borrowed(CN_DATA_ID)),
            DataSet::None => None,
        }
    }

    /// The deadline at `at` for a period over the local days `from..=to`.
    fn deadline_with_ref(&self, at: DateTime<Utc>, from: NaiveDate, to: NaiveDate) -> Deadline {
        let (first, last) = (from.year(), to.year());
        let mut basis: Option<ProvisionalBasis> = None;
        for year in first..=last {
            match self.table_coverage(year) {
                Some(YearCoverage::Provisional) => basis = Some(ProvisionalBasis::WeekendsOnly),
                Some(YearCoverage::Statutory) => basis = Some(ProvisionalBasis::StatutoryDays),
                _ => {}
            }
        }
        let cached = match last.checked_sub(first) {
            Some(0) => self.year_sources.get(self.year_slot(first)),
            Some(1) => self.year_pair_sources.get(self.year_slot(first)),
            _ => None,
        };
        let years = cached
            .cloned()
            .unwrap_or_else(|| self.collect_year_sources(first, last));
        let lo = self.overrides.partition_point(|d| *d < from);
        let overrides = self.overrides.get(lo).is_some_and(|d| *d <= to);
        Deadline {
            at,
            provisional: basis.is_some(),
            provisional_basis: basis,
            calendar: CalendarDataRef {
                data: self.data_id(),
                years,
                overrides,
            },
        }
    }

    /// How `year` is covered, if it is in the tables.
    fn table_coverage(&self, year: i32) -> Option<&YearCoverage> {
        if (self.first_year..=self.last_year).contains(&year) {
            self.years.get(self.year_slot(year))
        } else {
            None
        }
    }

    /// Where the data of each year `first..=last` came from (years not
    /// covered are left out).
    fn collect_year_sources(&self, first: i32, last: i32) -> YearSources {
        (first..=last)
            .filter_map(|year| {
                let (origin, citation) = match self.table_coverage(year)? {
                    YearCoverage::Data { origin, citation } => {
                        (origin.clone(), Some(citation.clone()))
                    }
                    YearCoverage::Provisional => (YearOrigin::Provisional, None),
                    YearCoverage::Statutory => (YearOrigin::Statutory, None),
                    YearCoverage::Uncovered => return None,
                };
                Some(YearSource {
                    year,
                    origin,
                    citation,
                })
            })
            .collect()
    }

    /// Working time of a working day within `[from, to)` nanoseconds of it.
    fn window_overlap(&self, from: i64, to: i64) -> i64 {
        self.windows
            .iter()
            .map(|&(s, e)| (e.min(to) - s.max(from)).max(0))
            .sum()
    }

    /// Working time between two instants: time inside business hours on
    /// working days (whole working days when no business hours are set). Zero
    /// if `b` is not after `a`.
    ///
    /// # Errors
    ///
    /// [`CalendarError::CalendarNotCovered`] if a year in between is not covered.
    // `always`: with `#[inline]` alone LLVM kept it a call (about 95
    // instructions, over its threshold); inlined, a caller's loop keeps the
    // tables' pointers in registers and the `Result` out of memory.
    #[inline(always)]
    pub fn working_time_between(
        &self,
        a: DateTime<Utc>,
        b: DateTime<Utc>,
    ) -> Result<TimeDelta, CalendarError> {
        // The working time before an instant never decreases, so the
        // difference is ≤ 0 exactly when `b` is not after `a`: clamping it
        // answers that case without comparing the instants first. Only the
        // whole-day path is here, small enough to inline into the caller;
        // `day_slots` is empty for any other calendar, which sends it out
        // of line.
        if let Some(wa) = self.whole_day_time_at(a)
            && let Some(wb) = self.whole_day_time_at(b)
        {
            return Ok(TimeDelta::nanoseconds((wb - wa).max(0)));
        }
        self.working_time_out_of_line(a, b)
    }

    /// [`Calendar::working_time_between`] for business hours (the same
    /// difference, the windows' time read from `minute_before`), and for an
    /// instant outside the tables or a calendar they cannot answer for.
    #[inline(never)]
    fn working_time_out_of_line(
        &self,
        a: DateTime<Utc>,
        b: DateTime<Utc>,
    ) -> Result<TimeDelta, CalendarError> {
        if let Some(wa) = self.window_time_at(a)
            && let Some(wb) = self.window_time_at(b)
        {
            return Ok(TimeDelta::nanoseconds((wb - wa).max(0)));
        }
        self.working_time_checked(a, b)
    }

    /// [`Calendar::working_time_between`] when an instant falls outside the
    /// tables or a year they span is not covered: day by day through the
    /// coverage checks, which name the year.
    #[cold]
    #[inline(never)]
    fn working_time_checked(
        &self,
        a: DateTime<Utc>,
        b: DateTime<Utc>,
    ) -> Result<TimeDelta, CalendarError> {
        if b <= a {
            return Ok(TimeDelta::zero());
        }
        let (la, lb) = (self.to_local(a)?, self.to_local(b)?);
        let (da, db) = (la.date(), lb.date());
        self.check_years(da.year(), db.year())?;
        let (ia, ib) = (self.covered_index(da)?, self.covered_index(db)?);
        let (ta, tb) = (nanos_of_day(la), nanos_of_day(lb));
        let total: i128 = if ia == ib {
            if self.bit(ia) {
                i128::from(self.window_overlap(ta, tb))
            } else {
                0
            }
        } else {
            let head = if self.bit(ia) {
                self.window_overlap(ta, NANOS_PER_DAY)
            } else {
                0
            };
            let tail = if self.bit(ib) {
                self.window_overlap(0, tb)
            } else {
                0
            };
            // Working days strictly between the two dates.
            let between = self.rank(ib) - u32::from(self.bit(ib)) - self.rank(ia);
            i128::from(head) + i128::from(tail) + i128::from(between) * i128::from(self.day_nanos)
        };
        delta_from_nanos(total)
    }

    /// The entry of instant `t`'s local day in `slots` (`day_slots` or
    /// `window_day_slots`) and the nanoseconds into that day, when the day
    /// is in the tables.
    ///
    /// The slot is the UTC date's `year << 9 | ordinal` (chrono's packed
    /// date shifted) plus one when the UTC time of day plus
    /// `offset_into_day` reaches a day (the offset is under a day, so the
    /// local day is the UTC one or the next; `slot_base` already takes a
    /// day off west of UTC), so one bounds check refuses both ends. A leap
    /// second counts as the second before, as everywhere in the calendar.
    #[inline(always)]
    fn slot_at(&self, slots: &[i64], t: DateTime<Utc>) -> Option<(i64, i64)> {
        const SECS_PER_DAY: i64 = 86_400;
        let utc = t.naive_utc();
        let (date, time) = (utc.date(), utc.time());
        // The same number written as chrono's packed word less its flag
        // bits, shifted: `year << 9 | ordinal` compiled to six instructions
        // (LLVM did not see one shift of the packed date in it); this form
        // is one arithmetic shift.
        let key = i64::from(((date.year() << 13) | (date.ordinal().cast_signed() << 4)) >> 4);
        let secs = i64::from(time.num_seconds_from_midnight()) + self.offset_into_day;
        let next = secs >= SECS_PER_DAY;
        let slot = key + i64::from(next) - self.slot_base;
        let entry = *slots.get(usize::try_from(slot.cast_unsigned()).ok()?)?;
        let secs = if next { secs - SECS_PER_DAY } else { secs };
        let nanos = secs * 1_000_000_000 + i64::from(time.nanosecond().min(999_999_999));
        Some((entry, nanos))
    }

    /// The working nanoseconds in the tables before instant `t` on a
    /// calendar of whole days (`day_slots` filled, so nothing here can
    /// overflow): the working time before its local day plus, if that day
    /// works, the time into it.
    #[inline(always)]
    fn whole_day_time_at(&self, t: DateTime<Utc>) -> Option<i64> {
        let (entry, nanos) = self.slot_at(&self.day_slots, t)?;
        // The sign says whether the day works: all ones then, else nothing.
        let works = entry >> 63;
        Some((entry ^ works) + (nanos & works))
    }

    /// The same with business hours (`window_day_slots` filled): the
    /// windows' time up to `t` instead of the time into the day.
    #[inline]
    fn window_time_at(&self, t: DateTime<Utc>) -> Option<i64> {
        let (entry, nanos) = self.slot_at(&self.window_day_slots, t)?;
        let into_day = self.window_time_before(nanos)?;
        let works = entry >> 63;
        Some((entry ^ works) + (into_day & works))
    }

    /// The windows' time before `nanos` into a working day: the whole
    /// minutes' from `minute_before`, then the part of its minute if that
    /// minute is in a window.
    #[inline]
    fn window_time_before(&self, nanos: i64) -> Option<i64> {
        let minute = usize::try_from(nanos / NANOS_PER_MINUTE).ok()?;
        let (before, through) = (
            *self.minute_before.get(minute)?,
            *self.minute_before.get(minute + 1)?,
        );
        Some(before + (nanos % NANOS_PER_MINUTE).min(through - before))
    }

    /// The instant at which `amount` of working time has elapsed from `start`:
    /// the earliest instant `t ≥ start` with `working_time_between(start, t) ==
    /// amount`. Use it for a paused clock: the deadline is the resume instant
    /// plus the remaining working time.
    ///
    /// # Errors
    ///
    /// [`CalendarError::NegativeWorkingTime`] for a negative amount;
    /// [`CalendarError::CalendarNotCovered`] if a year in between is not covered.
    pub fn add_working_time(
        &self,
        start: DateTime<Utc>,
        amount: TimeDelta,
    ) -> Result<DateTime<Utc>, CalendarError> {
        if amount < TimeDelta::zero() {
            return Err(CalendarError::NegativeWorkingTime { amount });
        }
        let local = self.to_local(start)?;
        let date = local.date();
        let i = self.covered_index(date)?;
        let amount =
            i128::from(amount.num_seconds()) * 1_000_000_000 + i128::from(amount.subsec_nanos());
        if amount == 0 {
            return Ok(start);
        }
        let t = nanos_of_day(local);
        let mut rem = amount;
        if self.bit(i) {
            let avail = i128::from(self.window_overlap(t, NANOS_PER_DAY));
            if rem <= avail {
                let at = self.point_in_day(t, i64::try_from(rem).unwrap_or(i64::MAX));
                return self.instant_at(date, at);
            }
            rem -= avail;
        }
        let day = i128::from(self.day_nanos.max(1));
        // rem > 0: whole days before the final one, then what is left of it.
        let full = (rem - 1) / day;
        let last = i64::try_from(rem - full * day).unwrap_or(i64::MAX);
        let n = u32::try_from(full + 1).map_err(|_| self.not_covered(self.last_year + 1))?;
        let final_day = self.nth_working_day_after(date, n)?;
        self.instant_at(final_day, self.point_in_day(0, last))
    }

    /// The time of day at which `amount` of window time has elapsed after
    /// `from` (`amount` ≤ what is available).
    fn point_in_day(&self, from: i64, amount: i64) -> i64 {
        let mut rem = amount;
        for &(s, e) in &self.windows {
            let s = s.max(from);
            if e <= s {
                continue;
            }
            if rem <= e - s {
                return s + rem;
            }
            rem -= e - s;
        }
        self.windows.last().map_or(NANOS_PER_DAY, |(_, e)| *e)
    }
}

fn set_bit(bits: &mut [u64], idx: usize, on: bool) {
    if let Some(w) = bits.get_mut(idx / 64) {
        let mask = 1u64 << (idx % 64);
        if on {
            *w |= mask;
        } else {
            *w &= !mask;
        }
    }
}

/// Nanoseconds since local midnight (a leap second counts as the second before).
fn nanos_of_day(t: NaiveDateTime) -> i64 {
    i64::from(t.num_seconds_from_midnight()) * 1_000_000_000
        + i64::from(t.nanosecond().min(999_999_999))
}

fn delta_from_nanos(nanos: i128) -> Result<TimeDelta, CalendarError> {
    let secs =
        i64::try_from(nanos.div_euclid(1_000_000_000)).map_err(|_| out_of_range("working time"))?;
    let sub =
        u32::try_from(nanos.rem_euclid(1_000_000_000)).map_err(|_| out_of_range("working time"))?;
    TimeDelta::new(secs, sub).ok_or_else(|| out_of_range("working time"))
}

/// The spec's own days: extra holidays, closures and extra working days,
/// each declared once (a date means one thing).
fn spec_overrides(spec: &CalendarSpec) -> Result<BTreeMap<NaiveDate, Declared>, CalendarError> {
    let mut overrides: BTreeMap<NaiveDate, Declared> = BTreeMap::new();
    let lists = [
        ("extra_holidays", &spec.extra_holidays, false),
        ("closures", &spec.closures, false),
        ("extra_working_days", &spec.extra_working_days, true),
    ];
    for (name, list, working) in lists {
        for (i, entry) in list.iter().enumerate() {
            let path = format!("{name}[{i}]");
            check_year(&path, entry.date.year())?;
            declare(&mut overrides, entry.date, working, path)?;
        }
    }
    Ok(overrides)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded data set's id reads back as the crate's own text; any
    /// other id, or none, reads back as written.
    #[test]
    fn data_ids_read_back_equal() {
        for (json, data) in [
            (r#"{"data":"cn","years":[],"overrides":false}"#, Some("cn")),
            (
                r#"{"data":"mine","years":[],"overrides":true}"#,
                Some("mine"),
            ),
            (r#"{"years":[],"overrides":false}"#, None),
        ] {
            let r: CalendarDataRef = serde_json::from_str(json).unwrap();
            assert_eq!(r.data.as_deref(), data);
            assert_eq!(serde_json::to_string(&r).unwrap(), json);
            if data == Some(CN_DATA_ID) {
                assert!(matches!(r.data, Some(Cow::Borrowed(_))));
            }
        }
        assert!(serde_json::from_str::<CalendarDataRef>(r#"{"data":1}"#).is_err());
    }

    #[test]
    fn offsets() {
        for (s, secs) in [
            ("+08:00", 28_800),
            ("-05:30", -19_800),
            ("+0800", 28_800),
            ("Z", 0),
        ] {
            assert_eq!(
                parse_offset(s).map(|o| o.local_minus_utc()),
                Some(secs),
                "{s}"
            );
        }
        for s in [
            "",
            "+8",
            "08:00",
            "+24:00",
            "+08:60",
            "+08:00:00",
            "Asia/Shanghai",
            "+",
        ] {
            assert_eq!(parse_offset(s), None, "{s}");
        }
    }

    #[test]
    fn time_of_day() {
        assert_eq!(
            "08:30".parse::<TimeOfDay>().map(TimeOfDay::minutes),
            Ok(510)
        );
        assert_eq!(
            "24:00".parse::<TimeOfDay>().map(TimeOfDay::minutes),
            Ok(1440)
        );
        for s in ["24:01", "8h30", "08:300", "", "25:00", "12:60"] {
            assert!(s.parse::<TimeOfDay>().is_err(), "{s}");
        }
    }
}

// ---------------------------------------------------------------------------
// A year at a glance.
// ---------------------------------------------------------------------------

/// One year of a calendar as a person checks it against the notice: the days
/// that differ from the weekly pattern, and where the year's data came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct YearView {
    /// The year.
    pub year: i32,
    /// Where its data came from: `notice` (with the data set and citation),
    /// `statutory`, `weekends` or `uncovered`.
    pub source: String,
    /// Whether deadlines through this year are provisional.
    pub provisional: bool,
    /// Working days in the year.
    pub working_days: u32,
    /// Days off that are not weekly rest days (holidays, days in lieu,
    /// closures), and weekly rest days inside a named holiday block.
    pub days_off: Vec<NamedDay>,
    /// Weekly rest days made working days (调休上班).
    pub make_up_days: Vec<NamedDay>,
}

/// A date with the name of what falls on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct NamedDay {
    /// The date.
    pub date: NaiveDate,
    /// What it is (`春节`, `元旦（补假）`, a closure's reason), if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl Calendar {
    /// The year at a glance: every day off that is not a weekly rest day and
    /// every make-up working day, named where the data names them.
    ///
    /// # Errors
    ///
    /// [`CalendarError::CalendarNotCovered`] (or
    /// [`CalendarError::BeyondProvisionalRange`]) for a year the calendar
    /// does not cover.
    pub fn year_view(&self, year: i32) -> Result<YearView, CalendarError> {
        self.check_years(year, year)?;
        let names = self.day_names(year)?;
        let name_of = |d: NaiveDate| names.get(&d).cloned();
        let mut rest = [false; 7];
        for day in &self.spec.weekly_rest {
            if let Some(slot) = rest.get_mut(day.num_days_from_monday() as usize) {
                *slot = true;
            }
        }
        let first = NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(|| out_of_range("year"))?;
        let (mut days_off, mut make_up_days, mut working_days) = (Vec::new(), Vec::new(), 0u32);
        for date in first.iter_days().take_while(|d| d.year() == year) {
            let working = self.is_working_day(date)?;
            let weekly_rest = rest
                .get(date.weekday().num_days_from_monday() as usize)
                .copied()
                .unwrap_or(false);
            if working {
                working_days += 1;
                if weekly_rest {
                    make_up_days.push(NamedDay {
                        date,
                        name: name_of(date),
                    });
                }
            } else if !weekly_rest || names.contains_key(&date) {
                days_off.push(NamedDay {
                    date,
                    name: name_of(date),
                });
            }
        }
        let (source, provisional) = match self.coverage(year) {
            YearCoverage::Data { origin, citation } => {
                let set = match origin {
                    YearOrigin::Data(id) => id.into_owned(),
                    YearOrigin::Policy => "policy".to_owned(),
                    YearOrigin::Provisional | YearOrigin::Statutory => String::new(),
                };
                (format!("notice {citation} ({set})"), false)
            }
            YearCoverage::Statutory => (
                "statutory: Order No. 795 arts. 2 and 6, no notice (调休 unknown)".to_owned(),
                true,
            ),
            YearCoverage::Provisional => ("weekends only, no notice".to_owned(), true),
            YearCoverage::Uncovered => ("uncovered".to_owned(), true),
        };
        Ok(YearView {
            year,
            source,
            provisional,
            working_days,
            days_off,
            make_up_days,
        })
    }

    /// Names of the year's declared days: the notice's blocks and make-up
    /// days, or the statutory festivals, then the spec's overrides.
    fn day_names(&self, year: i32) -> Result<BTreeMap<NaiveDate, String>, CalendarError> {
        let mut names = BTreeMap::new();
        let embedded = match self.spec.data {
            DataSet::Cn => cn_data()?,
            DataSet::None => &[],
        };
        // Later sources replace earlier ones, as in `from_spec_with_data`.
        let year_spec = embedded
            .iter()
            .chain(self.spec.loaded.iter().flat_map(|f| f.years.iter()))
            .chain(self.spec.years.iter())
            .rev()
            .find(|y| y.year == year);
        if let Some(y) = year_spec {
            for h in &y.holidays {
                let to = h.to.unwrap_or(h.from);
                for date in h.from.iter_days().take_while(|d| *d <= to) {
                    names.insert(date, h.name.clone().unwrap_or_else(|| "假日".to_owned()));
                }
            }
            for w in &y.working_days {
                names.insert(
                    w.date,
                    w.reason.clone().unwrap_or_else(|| "调休上班".to_owned()),
                );
            }
        } else if matches!(self.coverage(year), YearCoverage::Statutory) {
            for d in cached_statutory_days(year)? {
                let name = if d.in_lieu {
                    format!("{}（补假）", d.festival.name_zh())
                } else {
                    d.festival.name_zh().to_owned()
                };
                names.insert(d.date, name);
            }
        }
        let lists = [
            (&self.spec.extra_holidays, "extra holiday"),
            (&self.spec.closures, "closure"),
            (&self.spec.extra_working_days, "extra working day"),
        ];
        for (list, what) in lists {
            for e in list.iter().filter(|e| e.date.year() == year) {
                names.insert(e.date, e.reason.clone().unwrap_or_else(|| what.to_owned()));
            }
        }
        Ok(names)
    }
}

/// The sixth pass's inline path (a year table, then a day index into a
/// table with the working-day flag in bit 0), kept as the reference the
/// slot path must equal to the nanosecond: rebuilt here from the same
/// `rank`, `year_start` and offset, and checked against
/// `working_time_between` on calendars east and west of UTC, with business
/// hours, and with uncovered years.
#[cfg(test)]
mod sixth_pass_reference {
    use super::*;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    /// The sixth pass's tables: `year_days` (the index of the UTC day
    /// before each 1 January, one less west of UTC), `working_before` (the
    /// working nanoseconds before each day, bit 0 set when it works), and
    /// the offset plus a day when negative. Empty when the working time
    /// did not fit (then the checked path answered).
    struct Old {
        year_days: Vec<i64>,
        working_before: Vec<i64>,
        offset_into_day: i64,
    }

    fn old_tables(cal: &Calendar) -> Old {
        let running = cal.rank.last().copied().unwrap_or(0);
        let fits = cal.all_covered
            && cal.day_nanos % 2 == 0
            && i64::from(running)
                .checked_add(1)
                .and_then(|days| days.checked_mul(cal.day_nanos))
                .is_some();
        if !fits || cal.first_year > cal.last_year {
            return Old {
                year_days: Vec::new(),
                working_before: Vec::new(),
                offset_into_day: 0,
            };
        }
        let offset = i64::from(cal.offset.local_minus_utc());
        let west = i64::from(offset < 0);
        Old {
            year_days: cal
                .year_start
                .iter()
                .map(|&start| i64::from(start) - 1 - west)
                .collect(),
            working_before: cal
                .rank
                .windows(2)
                .map(|pair| match *pair {
                    [before, through] => {
                        (i64::from(before) * cal.day_nanos) | i64::from(through > before)
                    }
                    _ => 0,
                })
                .collect(),
            offset_into_day: offset + west * 86_400,
        }
    }

    /// The sixth pass's `local_day_at`.
    fn old_local_day_at(cal: &Calendar, old: &Old, t: DateTime<Utc>) -> Option<(usize, i64)> {
        const SECS_PER_DAY: i64 = 86_400;
        let utc = t.naive_utc();
        let (date, time) = (utc.date(), utc.time());
        let slot =
            usize::try_from(date.year().wrapping_sub(cal.first_year).cast_unsigned()).ok()?;
        let secs = i64::from(time.num_seconds_from_midnight()) + old.offset_into_day;
        let next = secs >= SECS_PER_DAY;
        let day = *old.year_days.get(slot)? + i64::from(date.ordinal()) + i64::from(next);
        let secs = if next { secs - SECS_PER_DAY } else { secs };
        let nanos = secs * 1_000_000_000 + i64::from(time.nanosecond().min(999_999_999));
        Some((usize::try_from(day.cast_unsigned()).ok()?, nanos))
    }

    /// The sixth pass's `whole_day_time_at` and `window_time_at` in one.
    fn old_time_at(cal: &Calendar, old: &Old, t: DateTime<Utc>) -> Option<i64> {
        let (day, nanos) = old_local_day_at(cal, old, t)?;
        let before = *old.working_before.get(day)?;
        let into_day = if cal.has_business_hours {
            cal.window_time_before(nanos)?
        } else {
            nanos
        };
        Some((before & !1) + (into_day & (before & 1).wrapping_neg()))
    }

    /// The sixth pass's `working_time_between`.
    fn old_working_time_between(
        cal: &Calendar,
        old: &Old,
        a: DateTime<Utc>,
        b: DateTime<Utc>,
    ) -> Result<TimeDelta, CalendarError> {
        if let Some(wa) = old_time_at(cal, old, a)
            && let Some(wb) = old_time_at(cal, old, b)
        {
            return Ok(TimeDelta::nanoseconds((wb - wa).max(0)));
        }
        cal.working_time_checked(a, b)
    }

    fn calendar(toml_text: &str) -> Calendar {
        Calendar::from_spec(&toml::from_str(toml_text).unwrap()).unwrap()
    }

    /// China at +08:00, −09:30 and UTC; with business hours east and west;
    /// with no fallback (uncovered years: the checked path); and a
    /// calendar of three years with a supplied one.
    static CALENDARS: LazyLock<Vec<(Calendar, Old)>> = LazyLock::new(|| {
        let office = r#"
            business_hours = [
                { start = "08:30", end = "12:00" },
                { start = "13:30", end = "17:30" },
            ]"#;
        [
            Calendar::china().unwrap(),
            calendar(r#"utc_offset = "-09:30""#),
            calendar(r#"utc_offset = "Z""#),
            calendar(r#"utc_offset = "+14:00""#),
            calendar(office),
            calendar(&format!("utc_offset = \"-05:00\"\n{office}")),
            calendar(r#"uncovered = "error""#),
            calendar(
                r#"
                utc_offset = "-01:00"
                uncovered = "error"
                [[years]]
                year = 2027
                citation = "国办发明电〔2026〕X号"
                holidays = [{ name = "元旦", from = "2027-01-01" }]
                "#,
            ),
        ]
        .into_iter()
        .map(|cal| {
            let old = old_tables(&cal);
            (cal, old)
        })
        .collect()
    });

    const NANOS_PER_DAY: i64 = 86_400_000_000_000;

    /// An instant: anywhere in 1990–2300 with nanoseconds; at a UTC or a
    /// local (±14:00) midnight, a window's edge or the day's end, give or
    /// take a nanosecond or a second, on the days around a year's turn
    /// (the tables' first and last days among them) or any day of
    /// 2023–2102; or a leap second.
    fn instant() -> impl Strategy<Value = DateTime<Utc>> {
        let at = |d: NaiveDate, nanos: i64| {
            d.and_hms_opt(0, 0, 0).unwrap().and_utc() + TimeDelta::nanoseconds(nanos)
        };
        let day = |year: i32, ordinal: u32| {
            NaiveDate::from_yo_opt(year, 1)
                .unwrap()
                .checked_add_days(Days::new(u64::from(ordinal)))
                .unwrap()
        };
        let offsets = [0i64, 8 * 60, -(9 * 60 + 30), -5 * 60, -60, 14 * 60];
        let edges = [
            0i64,
            8 * 60 + 30,
            12 * 60,
            13 * 60 + 30,
            17 * 60 + 30,
            24 * 60,
        ];
        let by = prop_oneof![
            Just(0i64),
            Just(1),
            Just(-1),
            Just(1_000_000_000),
            Just(-1_000_000_000)
        ];
        let edge = (
            proptest::sample::select(offsets.to_vec()),
            proptest::sample::select(edges.to_vec()),
            by,
        )
            .prop_map(|(offset, edge, by)| (edge - offset) * 60_000_000_000 + by);
        prop_oneof![
            (1990..2300i32, 0..366u32, 0..NANOS_PER_DAY)
                .prop_map(move |(y, o, n)| at(day(y, o), n)),
            (2023..2103i32, 0..366u32, edge.clone()).prop_map(move |(y, o, n)| at(day(y, o), n)),
            (prop_oneof![2023..2030i32, 2097..2103i32], -3i64..3, edge,).prop_map(
                move |(y, o, n)| {
                    let jan1 = NaiveDate::from_yo_opt(y, 1).unwrap();
                    at(jan1 + TimeDelta::days(o), n)
                }
            ),
            (2023..2103i32, 0..366u32, 0u32..1_000_000_000).prop_map(move |(y, o, leap)| {
                day(y, o)
                    .and_hms_nano_opt(23, 59, 59, 1_000_000_000 + leap)
                    .unwrap()
                    .and_utc()
            }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        /// The slot path equals the sixth pass's path, in either order and
        /// for the same instant, on every calendar above.
        #[test]
        fn slots_equal_the_sixth_pass(a in instant(), b in instant()) {
            for (cal, old) in CALENDARS.iter() {
                for (x, y) in [(a, b), (b, a), (a, a)] {
                    prop_assert_eq!(
                        cal.working_time_between(x, y),
                        old_working_time_between(cal, old, x, y),
                        "{} to {} at {}", x, y, cal.offset()
                    );
                }
            }
        }
    }

    /// Every calendar above but the strict ones takes the tables' paths
    /// (so the proptest compares the slots, not the checked path twice).
    #[test]
    fn the_fast_tables_are_filled() {
        for (cal, old) in CALENDARS.iter() {
            let fast = !cal.day_slots.is_empty() || !cal.window_day_slots.is_empty();
            assert_eq!(fast, !old.working_before.is_empty(), "{}", cal.offset());
            assert_eq!(fast, cal.all_covered, "{}", cal.offset());
        }
    }
}
