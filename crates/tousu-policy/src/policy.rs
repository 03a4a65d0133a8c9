//! The policy document: one organization's complaint regulation as data.

use std::borrow::Cow;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use chrono::{FixedOffset, NaiveDate, Offset};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tousu_model::{CategoryId, ComplaintNoPattern, LevelId, Money, RoleId, Validity};

use crate::authority::{
    Action, ApprovalAuthority, Approvers, EscalationStep, EscalationTrigger, Recusal, Role,
    RoundsAllowed, RoundsPolicy, Route,
};
use crate::calendar::{Calendar, CalendarData, CalendarError, CalendarSpec};
use crate::duration::Duration;
use crate::error::{Format, PolicyError, Report};
use crate::ids::{MilestoneId, PolicyId};
use crate::late_entry::LateEntry;
use crate::milestone::Milestone;
use crate::penalty_schedule::PenaltySchedule;
use crate::predicate::EvalInput;
use crate::rules::{Acceptance, AcceptanceTable, ClassificationTable, Decision, ValidityTable};
use crate::warranty::{Retention, Warranty};

/// The newest policy `schema_version` this library reads.
///
/// - **1**: the first.
/// - **2**: adds action events — the clock events `customer_contacted`,
///   `work_completed`, `report_submitted`, `verification_done`,
///   `customer_visited`, `instruction_given`, `approval_requested`, `approval_given` and the role action `record_action` that records
///   them; the clock event `facts_recorded`; a milestone's
///   `loosen_on_reclassify`, `reminder`, `repeat`, `steps` and `stop_on_validity`; `rounds.when_exhausted
///   = "until_satisfied"`; the penalty options `overtime_by_milestone`,
///   `custom_sanctions`, a violation's `outcomes` and `sanctions`, and
///   `losses.scaled`; a role's conditional `grants`; approval `rules` by
///   level, category or remedy kind and `sign_off` chains; `routing` by
///   category; an escalation step's `categories`. Every addition is
///   optional, so a version-1 file loads unchanged
///   (docs/policy-authoring.md).
pub const POLICY_SCHEMA_VERSION: u32 = 2;

/// The default policy's TOML text, as shipped in `policies/default.toml`.
pub const DEFAULT_POLICY_TOML: &str = include_str!("../policies/default.toml");

/// A policy's version: written as a string (`"2025.1"`) or an integer (`3`),
/// kept as text.
// Shared text: every case and registration event holds its policy's
// version, and a copy is a count, not an allocation, a copy and a free
// (docs/performance-history.md, "Fifteenth pass: replay").
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PolicyVersion(Arc<str>);

impl PolicyVersion {
    /// A version from text; blank text is an error.
    ///
    /// # Errors
    ///
    /// [`PolicyError::Invalid`] if `text` is blank.
    pub fn new(text: impl Into<String>) -> Result<Self, PolicyError> {
        let text = text.into();
        if text.trim().is_empty() {
            return Err(PolicyError::Invalid {
                problems: vec![tousu_model::Problem::new(
                    "version",
                    "is blank; write e.g. \"1\" or \"2025.1\"",
                )],
            });
        }
        Ok(Self(text.into()))
    }

    /// The version as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PolicyVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for PolicyVersion {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for PolicyVersion {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = PolicyVersion;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a version as a string (\"2025.1\") or an integer")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<PolicyVersion, E> {
                PolicyVersion::new(v).map_err(E::custom)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<PolicyVersion, E> {
                Ok(PolicyVersion(v.to_string().into()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<PolicyVersion, E> {
                Ok(PolicyVersion(v.to_string().into()))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl JsonSchema for PolicyVersion {
    fn schema_name() -> Cow<'static, str> {
        "PolicyVersion".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": ["string", "integer"],
            "minLength": 1,
            "description": "The policy's version: a string such as \"2025.1\" or an integer.",
        })
    }
}

/// A severity level (投诉级别).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Unique id, referenced by rules, milestones and fines.
    pub id: LevelId,
    /// Its name in the regulation (重大投诉).
    pub name_zh: String,
    /// What it covers, for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A complaint category; categories form a tree through `parent`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Unique id.
    pub id: CategoryId,
    /// Its name (服务质量).
    pub name_zh: String,
    /// The parent category, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<CategoryId>,
}

/// One organization's complaint regulation (客户投诉处理制度) as data.
///
/// Load it with [`Policy::from_toml_str`], [`Policy::from_json_str`] or
/// [`Policy::load`], which parse **and validate** it: every
/// cross-reference, range and completeness rule, all problems reported
/// together with their paths. [`Policy::default_policy`] is the embedded
/// default. The fields are public for reading; a policy changed in code
/// should be checked again with [`Policy::check`].
///
/// Levels are listed from least to most severe.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "tousu policy")]
pub struct Policy {
    /// The schema this document follows: 1 ([`POLICY_SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// The policy's id; cases record it with the version they were opened under.
    pub id: PolicyId,
    /// Its name (客户投诉处理制度).
    pub name: String,
    /// Its version.
    pub version: PolicyVersion,
    /// The day it takes effect, a quoted date (`"2025-01-01"`).
    pub effective_date: NaiveDate,
    /// A description for people (scope, source regulation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The business calendar: UTC offset (`utc_offset`, default `"+08:00"`),
    /// weekly rest days, holiday data and overrides, business hours, the
    /// deadline convention.
    #[serde(default)]
    pub calendar: CalendarSpec,
    /// Roles and the workflow actions each may take.
    pub roles: Vec<Role>,
    /// Severity levels, from least to most severe.
    pub levels: Vec<Level>,
    /// Categories, a tree through `parent`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<Category>,
    /// Classification rules: facts → level.
    pub classification: ClassificationTable,
    /// Acceptance rules: facts → not accepted, with reason and advice.
    #[serde(default)]
    pub acceptance: AcceptanceTable,
    /// Validity rules after investigation: facts → 有效 / 无效 / 恶意.
    #[serde(default)]
    pub validity: ValidityTable,
    /// Milestones: clocks with limits per level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
    /// The escalation ladder, steps in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub escalation: Vec<EscalationStep>,
    /// Rounds allowed per level (对应次数).
    #[serde(default)]
    pub rounds: RoundsPolicy,
    /// Approval authority by amount (核决权限).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<ApprovalAuthority>,
    /// Who handles which category (归口): routes in order, the nearest
    /// category's first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routing: Vec<Route>,
    /// Recusal (回避). Without a `[recusal]` table the respondent recuses
    /// by default, and `policy check` warns that the default applies
    /// ([`Recusal::is_implied`]).
    #[serde(
        default = "Recusal::implied",
        skip_serializing_if = "Recusal::is_implied"
    )]
    pub recusal: Recusal,
    /// Warranty periods per category (保修期).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warranties: Vec<Warranty>,
    /// How long records are kept (保存期限).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention: Option<Retention>,
    /// The complaint-number pattern, `"{yyyy}{mm}-{seq:04}"` by default.
    #[serde(default)]
    pub complaint_number: ComplaintNoPattern,
    /// Penalty tables (the arithmetic is `tousu-penalty`'s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penalties: Option<PenaltySchedule>,
    /// Closing a case whose customer cannot be reached (S30: 「短信通知后2个
    /// 工作日仍联系不上」). Absent: such closure is not allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unreachable_closure: Option<UnreachableClosure>,
    /// What closing a case waits for (schema 2, rulings 91 and 92): clocks
    /// stopped by their own stop events (`awaits`, S10's feedback to the
    /// first asker), and whether a satisfied callback is needed
    /// (`callback`, `"none"` where the source has no 回访). Absent: no
    /// clock, and a satisfied callback.
    #[serde(default, skip_serializing_if = "crate::Closure::is_default")]
    pub closure: crate::Closure,
    /// The form a reply takes (schema 2, ruling 141): the cases answered
    /// in writing (`written`, S42's 书面投诉). Absent: any form.
    #[serde(default, skip_serializing_if = "crate::ReplyRules::is_default")]
    pub reply: crate::ReplyRules,
    /// The agreed deadline (约定回复时限, schema 2, rulings 109 and 110): who
    /// answers for it (`owner`, `fallback_owner`) and whether a later
    /// agreement in the round replaces the running one (`later_replaces`).
    /// Absent: owned as the first milestone that stops on
    /// `agreed_deadline_set`, else by the handler; one agreement a round.
    #[serde(
        default,
        skip_serializing_if = "crate::agreed_deadline::AgreedDeadline::is_default"
    )]
    pub agreed_deadline: crate::agreed_deadline::AgreedDeadline,
    /// Late entries (补录): the actions whose commands may say that what they
    /// record happened earlier (`occurred_at`), and how long after at most.
    /// Absent: nothing may be entered late.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub late_entries: Vec<LateEntry>,
    /// Records signed in order before the case moves on (逐级签字, schema 2):
    /// the findings before a solution is proposed, the callback before the
    /// case is closed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub record_sign_offs: Vec<crate::record_sign_off::RecordSignOff>,
    /// What a complaint must give to be registered (schema 2, ruling 41).
    /// Absent: what the complaint model itself requires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<crate::Registration>,
    /// Periodic duties (定期工作): what a role owes every day, week, month or
    /// quarter over all records, not on one case (S32's daily review of the
    /// records, S17's Monday statistics, S29's quarterly summary). Absent:
    /// none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub duties: Vec<crate::duties::Duty>,
    /// Remedies tied to what was found (schema 2, ruling 46): a proposal
    /// must offer one of, or only, the kinds a rule names once its `when`
    /// holds (S36 四1: product quality found → exchange or recall).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remedy_rules: Vec<crate::RemedyRule>,
}

/// When a case may be closed because the customer cannot be reached.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnreachableClosure {
    /// How long after the (last) notice to the customer the case may be
    /// closed (`"2 working days"` in S30).
    pub after_notice: Duration,
}

/// Reads only the schema version, to explain a failed parse of a newer document.
#[derive(Deserialize)]
struct VersionProbe {
    schema_version: Option<u64>,
}

fn line_col(source: &str, byte: usize) -> (usize, usize) {
    let before = source.get(..byte).unwrap_or(source);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

impl Policy {
    // -----------------------------------------------------------------------
    // Loading.
    // -----------------------------------------------------------------------

    /// Parses and validates a TOML policy.
    ///
    /// # Errors
    ///
    /// [`PolicyError::Parse`] with line and column, [`PolicyError::UnsupportedSchemaVersion`],
    /// or [`PolicyError::Invalid`] listing every problem.
    pub fn from_toml_str(text: &str) -> Result<Policy, PolicyError> {
        let policy = Self::parse_toml(text)?;
        policy.validate()?;
        Ok(policy)
    }

    /// Parses and validates a JSON policy.
    ///
    /// # Errors
    ///
    /// As [`Policy::from_toml_str`].
    pub fn from_json_str(text: &str) -> Result<Policy, PolicyError> {
        let policy = Self::parse_json(text)?;
        policy.validate()?;
        Ok(policy)
    }

    /// Reads, parses and validates a policy file: JSON if its name ends in
    /// `.json`, TOML otherwise.
    ///
    /// # Errors
    ///
    /// [`PolicyError::Io`] if the file cannot be read, else as
    /// [`Policy::from_toml_str`].
    pub fn load(path: impl AsRef<Path>) -> Result<Policy, PolicyError> {
        let policy = Self::parse_file(path)?;
        policy.validate()?;
        Ok(policy)
    }

    /// Reads and parses a policy file **without validating it** (for tools
    /// that report problems themselves, with [`Policy::check`]).
    ///
    /// # Errors
    ///
    /// [`PolicyError::Io`], [`PolicyError::Parse`] or
    /// [`PolicyError::UnsupportedSchemaVersion`].
    pub fn parse_file(path: impl AsRef<Path>) -> Result<Policy, PolicyError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| PolicyError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        let is_json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        let mut policy = if is_json {
            Self::parse_json(&text)?
        } else {
            Self::parse_toml(&text)?
        };
        policy.load_calendar_data(path.parent().unwrap_or_else(|| Path::new(".")))?;
        Ok(policy)
    }

    /// Reads the calendar data files the policy names
    /// (`calendar.data_files`), each relative to `dir` (the policy file's
    /// directory) unless absolute, and adds their years to its calendar.
    /// [`Policy::load`] does this; a policy parsed from a string names files
    /// it cannot resolve, so call this with the directory they are in.
    ///
    /// # Errors
    ///
    /// [`PolicyError::Io`] naming the file and saying what is wrong with it.
    pub fn load_calendar_data(&mut self, dir: &Path) -> Result<(), PolicyError> {
        for (i, file) in self.calendar.data_files.clone().iter().enumerate() {
            let data = CalendarData::load(dir.join(file)).map_err(|e| PolicyError::Io {
                path: format!("calendar.data_files[{i}] ({file})"),
                message: e.to_string(),
            })?;
            self.calendar.add_data(data);
        }
        Ok(())
    }

    /// Parses TOML without validating.
    ///
    /// # Errors
    ///
    /// [`PolicyError::Parse`] or [`PolicyError::UnsupportedSchemaVersion`].
    pub fn parse_toml(text: &str) -> Result<Policy, PolicyError> {
        match toml::from_str::<Policy>(text) {
            Ok(p) => {
                check_version(u64::from(p.schema_version))?;
                Ok(p)
            }
            Err(e) => {
                if let Ok(VersionProbe {
                    schema_version: Some(v),
                }) = toml::from_str::<VersionProbe>(text)
                {
                    check_version(v)?;
                }
                let (line, column) = match e.span() {
                    Some(span) => {
                        let (l, c) = line_col(text, span.start);
                        (Some(l), Some(c))
                    }
                    None => (None, None),
                };
                Err(PolicyError::Parse {
                    format: Format::Toml,
                    message: e.message().trim_end().to_owned(),
                    line,
                    column,
                })
            }
        }
    }

    /// Parses JSON without validating.
    ///
    /// # Errors
    ///
    /// [`PolicyError::Parse`] or [`PolicyError::UnsupportedSchemaVersion`].
    pub fn parse_json(text: &str) -> Result<Policy, PolicyError> {
        match tousu_model::json::from_str::<Policy>(text) {
            Ok(p) => {
                check_version(u64::from(p.schema_version))?;
                Ok(p)
            }
            Err(e) => {
                if let Ok(VersionProbe {
                    schema_version: Some(v),
                }) = serde_json::from_str::<VersionProbe>(text)
                {
                    check_version(v)?;
                }
                let message = e.to_string();
                // serde_json appends " at line L column C"; keep the message alone.
                let message = message
                    .rsplit_once(" at line ")
                    .map_or(message.as_str(), |(m, _)| m)
                    .to_owned();
                Err(PolicyError::Parse {
                    format: Format::Json,
                    message,
                    line: (e.line() > 0).then_some(e.line()),
                    column: (e.column() > 0).then_some(e.column()),
                })
            }
        }
    }

    /// The embedded default policy (see `policies/default.toml`): the S12
    /// levels and first / second response limits, S09 acceptance and result
    /// limits, S10 callback, the China calendar at `+08:00`.
    ///
    /// # Errors
    ///
    /// None in practice: the crate's tests load it. The `Result` keeps the
    /// no-panic rule.
    pub fn default_policy() -> Result<Policy, PolicyError> {
        Self::from_toml_str(DEFAULT_POLICY_TOML)
    }

    /// Validates: `Ok` if there are no errors (warnings are allowed; see
    /// [`Policy::check`]).
    ///
    /// # Errors
    ///
    /// [`PolicyError::Invalid`] listing every error.
    pub fn validate(&self) -> Result<(), PolicyError> {
        let report = self.check();
        if report.errors.is_empty() {
            Ok(())
        } else {
            Err(PolicyError::Invalid {
                problems: report.errors,
            })
        }
    }

    /// Every error and warning, each with its path
    /// (`milestones[2].targets.major`) and what is accepted.
    #[must_use]
    pub fn check(&self) -> Report {
        crate::validate::check(self)
    }

    /// The warnings alone.
    #[must_use]
    pub fn warnings(&self) -> Vec<tousu_model::Problem> {
        self.check().warnings
    }

    /// The policy as TOML.
    ///
    /// # Errors
    ///
    /// [`PolicyError::Serialize`] if TOML cannot represent a value.
    pub fn to_toml_string(&self) -> Result<String, PolicyError> {
        toml::to_string_pretty(self).map_err(|e| PolicyError::Serialize {
            format: Format::Toml,
            message: e.to_string(),
        })
    }

    /// The policy as pretty JSON.
    ///
    /// # Errors
    ///
    /// [`PolicyError::Serialize`] (not expected).
    pub fn to_json_string(&self) -> Result<String, PolicyError> {
        serde_json::to_string_pretty(self).map_err(|e| PolicyError::Serialize {
            format: Format::Json,
            message: e.to_string(),
        })
    }

    /// The JSON Schema of policy documents (as in `docs/policy.schema.json`).
    #[must_use]
    pub fn json_schema() -> serde_json::Value {
        serde_json::Value::from(schemars::schema_for!(Policy))
    }

    // -----------------------------------------------------------------------
    // Calendar.
    // -----------------------------------------------------------------------

    /// The policy's fixed UTC offset (`calendar.utc_offset`, default
    /// `+08:00`). An invalid offset is a validation error; should one reach
    /// here anyway, Beijing time is used.
    #[must_use]
    pub fn utc_offset(&self) -> FixedOffset {
        parse_offset(&self.calendar.utc_offset)
            .or_else(|| FixedOffset::east_opt(8 * 3600))
            .unwrap_or_else(|| chrono::Utc.fix())
    }

    /// Builds the business calendar. Build it once and keep it: it
    /// precomputes every covered year.
    ///
    /// # Errors
    ///
    /// The calendar spec's [`CalendarError`] (validation reports these
    /// already, at `calendar.…`).
    pub fn build_calendar(&self) -> Result<Calendar, CalendarError> {
        Calendar::from_spec(&self.calendar)
    }

    // -----------------------------------------------------------------------
    // Levels, roles, categories.
    // -----------------------------------------------------------------------

    /// The level with this id.
    #[must_use]
    pub fn level(&self, id: &LevelId) -> Option<&Level> {
        self.levels.iter().find(|l| l.id == *id)
    }

    /// The level's rank: 0 for the least severe, increasing with severity.
    #[must_use]
    pub fn level_rank(&self, id: &LevelId) -> Option<usize> {
        self.levels.iter().position(|l| l.id == *id)
    }

    /// Whether level `a` is more severe than level `b` (false if either is unknown).
    #[must_use]
    pub fn is_more_severe(&self, a: &LevelId, b: &LevelId) -> bool {
        matches!((self.level_rank(a), self.level_rank(b)), (Some(x), Some(y)) if x > y)
    }

    /// The role with this id.
    #[must_use]
    pub fn role(&self, id: &RoleId) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == *id)
    }

    /// Whether `role` may take `action` (false for an unknown role).
    #[must_use]
    pub fn role_may(&self, role: &RoleId, action: Action) -> bool {
        self.role(role).is_some_and(|r| r.may(action))
    }

    /// The category with this id.
    #[must_use]
    pub fn category(&self, id: &CategoryId) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == *id)
    }

    /// `id` and its ancestors, nearest first. Stops at an unknown parent or a
    /// cycle (which validation refuses).
    #[must_use]
    pub fn category_path<'a>(&'a self, id: &'a CategoryId) -> Vec<&'a CategoryId> {
        let mut path = vec![id];
        let mut current = id;
        while let Some(parent) = self.category(current).and_then(|c| c.parent.as_ref()) {
            if path.contains(&parent) || path.len() > self.categories.len() {
                break;
            }
            path.push(parent);
            current = parent;
        }
        path
    }

    /// Whether `category` is `ancestor` or one of its descendants.
    #[must_use]
    pub fn is_in_category(&self, category: &CategoryId, ancestor: &CategoryId) -> bool {
        self.category_path(category).contains(&ancestor)
    }

    // -----------------------------------------------------------------------
    // Milestones, rounds, escalation, approval, warranties.
    // -----------------------------------------------------------------------

    /// The milestone with this id.
    #[must_use]
    pub fn milestone(&self, id: &MilestoneId) -> Option<&Milestone> {
        self.milestones.iter().find(|m| m.id == *id)
    }

    /// The time limit of `milestone` for a case of `level` in `category`:
    /// the nearest category override that gives one, else the level's
    /// target, else the milestone's `target`. `None`: no clock runs.
    #[must_use]
    pub fn milestone_target(
        &self,
        milestone: &Milestone,
        level: &LevelId,
        category: Option<&CategoryId>,
    ) -> Option<Duration> {
        // Without overrides there is no path to walk (nor to allocate).
        if let Some(cat) = category.filter(|_| !milestone.category_overrides.is_empty()) {
            for c in self.category_path(cat) {
                if let Some(d) = milestone
                    .category_overrides
                    .iter()
                    .filter(|o| o.category == *c)
                    .find_map(|o| o.level_target(level))
                {
                    return Some(d);
                }
            }
        }
        milestone.level_target(level)
    }

    /// The time limit of `milestone` for the complaint in `input` at
    /// `level`: the first conditional target whose predicate holds, else
    /// [`Policy::milestone_target`]. `None`: no clock runs — also when the
    /// milestone's `applies_when` does not hold.
    #[must_use]
    pub fn milestone_target_for(
        &self,
        milestone: &Milestone,
        level: &LevelId,
        input: &EvalInput<'_>,
    ) -> Option<Duration> {
        if !self.milestone_applies(milestone, input) {
            return None;
        }
        milestone
            .conditional_targets
            .iter()
            .filter(|c| c.when.matches(self, input))
            .find_map(|c| c.level_target(level))
            .or_else(|| self.milestone_target(milestone, level, input.complaint.category.as_ref()))
    }

    /// Whether `milestone` runs a clock for the complaint in `input`: it has
    /// no `applies_when`, or that predicate holds on the complaint and the
    /// facts recorded so far.
    #[must_use]
    pub fn milestone_applies(&self, milestone: &Milestone, input: &EvalInput<'_>) -> bool {
        milestone
            .applies_when
            .as_ref()
            .is_none_or(|p| p.matches(self, input))
    }

    /// The rounds allowed for `level`.
    #[must_use]
    pub fn rounds_allowed(&self, level: &LevelId) -> RoundsAllowed {
        self.rounds.allowed(level)
    }

    /// The escalation steps for `trigger` that apply to a case of `level`
    /// in `category`, in order.
    pub fn escalation_steps<'a>(
        &'a self,
        trigger: &'a EscalationTrigger,
        level: &'a LevelId,
        category: Option<&'a CategoryId>,
    ) -> impl Iterator<Item = &'a EscalationStep> + 'a {
        self.escalation.iter().filter(move |s| {
            s.after == *trigger && s.applies_to(level) && self.step_covers(s, category)
        })
    }

    /// Whether `step` applies to a complaint in `category`: it names no
    /// categories, or the category is one of them or below one.
    #[must_use]
    pub fn step_covers(&self, step: &EscalationStep, category: Option<&CategoryId>) -> bool {
        step.categories.is_empty()
            || category.is_some_and(|c| step.categories.iter().any(|a| self.is_in_category(c, a)))
    }

    /// The role that must approve `amount`, if the policy has an approval
    /// authority (its own limits; [`Policy::approvers_for`] applies its rules).
    #[must_use]
    pub fn required_approver(&self, amount: Money) -> Option<&RoleId> {
        self.approval.as_ref().map(|a| a.required_role(amount))
    }

    /// Who approves a proposal of `remedies`, `amount` in all, on a case of
    /// `level` whose complaint is `input`: the first approval rule that
    /// holds, else the authority's own limits; `None` without an approval
    /// authority.
    #[must_use]
    pub fn approvers_for(
        &self,
        level: Option<&LevelId>,
        input: &EvalInput<'_>,
        remedies: &[tousu_model::Remedy],
        amount: Money,
    ) -> Option<Approvers<'_>> {
        let auth = self.approval.as_ref()?;
        let rule = auth
            .rules
            .iter()
            .find(|r| r.applies(self, level, input, remedies, amount));
        Some(auth.approvers(rule.map(|r| &r.id)))
    }

    /// The route for a complaint in `category`: the nearest category's
    /// (its own, else its parent's…), the first listed among equals.
    #[must_use]
    pub fn route_for(&self, category: &CategoryId) -> Option<&Route> {
        self.category_path(category)
            .into_iter()
            .find_map(|c| self.routing.iter().find(|r| r.categories.contains(c)))
    }

    /// Whether whoever proposed a solution (or requested an extension) may
    /// approve it themselves: only when `approval.allow_self_approval` says
    /// so.
    #[must_use]
    pub fn allows_self_approval(&self) -> bool {
        self.approval
            .as_ref()
            .is_some_and(|a| a.allow_self_approval)
    }

    /// The warranty for `category`: its own, else its nearest ancestor's.
    #[must_use]
    pub fn warranty_for(&self, category: &CategoryId) -> Option<&Warranty> {
        self.category_path(category)
            .into_iter()
            .find_map(|c| self.warranties.iter().find(|w| w.category == *c))
    }

    // -----------------------------------------------------------------------
    // Decisions.
    // -----------------------------------------------------------------------

    /// Classifies a complaint: the level and the rule that chose it.
    #[must_use]
    pub fn classify(&self, input: &EvalInput<'_>) -> Decision<LevelId> {
        self.classification.evaluate(self, input)
    }

    /// Decides acceptance: accepted, or not with reason and advice.
    #[must_use]
    pub fn acceptance(&self, input: &EvalInput<'_>) -> Decision<Acceptance> {
        self.acceptance.evaluate(self, input)
    }

    /// Decides validity after investigation.
    #[must_use]
    pub fn validity(&self, input: &EvalInput<'_>) -> Decision<Validity> {
        self.validity.evaluate(self, input)
    }

    /// Level ids, least severe first.
    pub(crate) fn level_ids(&self) -> Vec<LevelId> {
        self.levels.iter().map(|l| l.id.clone()).collect()
    }
}

fn check_version(v: u64) -> Result<(), PolicyError> {
    if v > u64::from(POLICY_SCHEMA_VERSION) {
        return Err(PolicyError::UnsupportedSchemaVersion {
            found: v,
            supported: POLICY_SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// `"+08:00"`, `"-05:30"`, `"+0800"`, `"Z"`.
pub(crate) fn parse_offset(s: &str) -> Option<FixedOffset> {
    let s = s.trim();
    if s.eq_ignore_ascii_case("z") {
        return FixedOffset::east_opt(0);
    }
    let (sign, rest) = if let Some(r) = s.strip_prefix('+') {
        (1, r)
    } else if let Some(r) = s.strip_prefix('-') {
        (-1, r)
    } else {
        return None;
    };
    let (h, m) = match rest.split_once(':') {
        Some((h, m)) => (h, m),
        None if rest.len() == 4 => (rest.get(..2)?, rest.get(2..)?),
        None => (rest, "00"),
    };
    if !(h.len() == 2 && m.len() == 2) {
        return None;
    }
    let h: i32 = h.parse().ok()?;
    let m: i32 = m.parse().ok()?;
    if h > 23 || m > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}
