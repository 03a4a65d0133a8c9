//! Calendar data files: one or more years of holiday notices, given without a
//! rebuild.
//!
//! The embedded data (`data/cn-holidays.toml`) is such a file. A newer one —
//! next year's notice, published each November — is given by path in the
//! policy (`calendar.data_files`), through the API
//! ([`Calendar::from_spec_with_data`](crate::Calendar::from_spec_with_data))
//! or on the CLI (`--calendar FILE`), and its years replace the embedded ones.
//!
//! ```
//! use tousu_calendar::{Calendar, CalendarData, CalendarSpec};
//!
//! let data = CalendarData::from_toml_str(r#"
//!     id = "cn-2027"
//!     description = "2027年部分节假日安排"
//!
//!     [[years]]
//!     year = 2027
//!     citation = "国办发明电〔2026〕X号"
//!     holidays = [{ name = "元旦", from = "2027-01-01", to = "2027-01-03" }]
//!     working_days = []
//! "#)?;
//! let calendar = Calendar::from_spec_with_data(&CalendarSpec::default(), &[data])?;
//! let due = calendar.deadline("2026-12-21T10:00:00+08:00".parse()?, &"15 working days".parse()?)?;
//! assert!(!due.provisional);
//! assert_eq!(due.calendar.to_string(), "cn:2026 国办发明电〔2025〕7号; cn-2027:2027 国办发明电〔2026〕X号");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::path::Path;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::calendar::{CalendarError, YearSpec};

/// The schema version of [`CalendarData`] files this crate writes.
pub const CALENDAR_DATA_SCHEMA_VERSION: u32 = 1;

const fn default_schema_version() -> u32 {
    CALENDAR_DATA_SCHEMA_VERSION
}

/// A calendar data file: holiday notices, a year each. TOML or JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CalendarData {
    /// The file format's version (1; absent means 1).
    #[serde(default = "default_schema_version")]
    pub schema_version: u32,
    /// The data set's id, shown in every deadline computed from it
    /// (`"cn-2027"`): letters, digits, `-`, `_` and `.`.
    pub id: String,
    /// What the data is.
    #[serde(default)]
    pub description: String,
    /// The years, each citing its notice.
    pub years: Vec<YearSpec>,
}

impl CalendarData {
    /// Parses and checks a TOML data file.
    ///
    /// # Errors
    ///
    /// [`CalendarError::DataFile`] saying what is wrong and where.
    pub fn from_toml_str(text: &str) -> Result<Self, CalendarError> {
        let data: Self = toml::from_str(text).map_err(|e| CalendarError::DataFile {
            file: "(TOML)".to_owned(),
            reason: e.to_string().trim_end().to_owned(),
        })?;
        data.checked("(TOML)")
    }

    /// Parses and checks a JSON data file.
    ///
    /// # Errors
    ///
    /// [`CalendarError::DataFile`] saying what is wrong and where.
    pub fn from_json_str(text: &str) -> Result<Self, CalendarError> {
        let data: Self =
            tousu_model::json::from_str(text).map_err(|e| CalendarError::DataFile {
                file: "(JSON)".to_owned(),
                reason: e.to_string(),
            })?;
        data.checked("(JSON)")
    }

    /// Reads a data file, TOML or JSON by its extension (`.json` is JSON,
    /// anything else TOML).
    ///
    /// # Errors
    ///
    /// [`CalendarError::DataFile`] naming the file: unreadable, unparsable, or
    /// a year that does not validate.
    pub fn load(path: impl AsRef<Path>) -> Result<Self, CalendarError> {
        let path = path.as_ref();
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| CalendarError::DataFile {
            file: file.clone(),
            reason: e.to_string(),
        })?;
        let parsed = if path.extension().is_some_and(|e| e == "json") {
            Self::from_json_str(&text)
        } else {
            Self::from_toml_str(&text)
        };
        parsed.map_err(|e| match e {
            CalendarError::DataFile { reason, .. } => CalendarError::DataFile { file, reason },
            other => CalendarError::DataFile {
                file,
                reason: other.to_string(),
            },
        })
    }

    /// Checks the version, the id and every year (dates inside their year, no
    /// day both off and working, no year twice).
    fn checked(self, file: &str) -> Result<Self, CalendarError> {
        let fail = |reason: String| CalendarError::DataFile {
            file: file.to_owned(),
            reason,
        };
        if self.schema_version != CALENDAR_DATA_SCHEMA_VERSION {
            return Err(fail(format!(
                "schema_version {} is not supported; this version reads {CALENDAR_DATA_SCHEMA_VERSION}",
                self.schema_version
            )));
        }
        let id_ok = !self.id.is_empty()
            && self.id.len() <= 64
            && self
                .id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if !id_ok {
            return Err(fail(format!(
                "id: {:?} is not a data set id; expected 1-64 letters, digits, '-', '_' or '.', e.g. \"cn-2027\"",
                self.id
            )));
        }
        // Building a calendar from the data alone validates every year.
        let mut spec = crate::CalendarSpec::default();
        spec.data = crate::DataSet::None;
        spec.uncovered = Some(crate::UncoveredYears::Error);
        crate::Calendar::from_spec_with_data(&spec, std::slice::from_ref(&self))
            .map_err(|e| fail(e.to_string()))?;
        Ok(self)
    }
}
