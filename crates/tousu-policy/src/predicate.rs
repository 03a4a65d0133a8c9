//! Rule predicates as typed data: `all` / `any` / `not` over complaint facts.
//!
//! A predicate is a one-key table naming a test and its argument, in TOML and
//! in JSON alike:
//!
//! ```toml
//! when = { all = [ { channel = ["media", "referral"] }, { collective_at_least = 5 } ] }
//! when = { any = [ { media_exposure = true }, { injury_or_safety = true } ] }
//! when = { not = { anonymous = true } }
//! when = { has_contact = false }                    # no phone, e-mail or address
//! when = { category = ["quality"] }                 # quality or any sub-category
//! when = { months_since_incident_at_least = 1 }
//! when = { fact_at_least = { name = "loss_yuan", value = "10000" } }
//! ```
//!
//! | key | argument | true when |
//! |---|---|---|
//! | `all` / `any` | non-empty list of predicates | every / some predicate holds |
//! | `not` | a predicate | it does not hold |
//! | `always` | `true` / `false` | always / never (a catch-all rule) |
//! | `category` | list of category ids | the complaint's category is one of them **or a descendant** |
//! | `channel` | list of [`Channel`]s | the complaint arrived by one of them |
//! | `customer_class` | list of [`CustomerClass`]es | the customer is of one of them |
//! | `anonymous` | bool | the complainant is (or is not) anonymous |
//! | `has_contact` | bool | the complainant left (or did not leave) a phone, an e-mail or an address, not blank — what `registration`'s `contact` field asks; `other` (a WeChat id) is not one |
//! | `collective_at_least` | n ≥ 1 | `collective_count ≥ n` (以上 includes n) |
//! | `media_exposure`, `injury_or_safety`, `in_litigation`, `handled_by_other_authority` | bool | the complaint's flag equals the argument |
//! | `days_since_incident_at_least` | n | at least n calendar days from the incident's local date to `now`'s |
//! | `months_since_incident_at_least` | n | at least n calendar months (民法典 art. 202) |
//! | `warranty_expired` | bool | the warranty of the complaint's category has (not) run out |
//! | `repeat_count_at_least` | n | the customer complained about the matter at least n times before |
//! | `amount_claimed_at_least` | money | the remedies' amounts add up to at least it |
//! | `requested` | list of remedy kinds | the customer asks for at least one of them |
//! | `kind` | list of feedback kinds | the feedback is one of them (`["inquiry"]`) |
//! | `fact_true` | fact name | the integrator's boolean fact is `true` |
//! | `fact_at_least` / `fact_at_most` | `{ name, value }` | the numeric fact is ≥ / ≤ the value |
//! | `fact_in` | `{ name, values }` | the text fact is one of the values |
//!
//! Unknown facts never match: a complaint without an incident time is not
//! "a month since the incident", one without a delivery date is not "out of
//! warranty", and a missing integrator fact fails every `fact_*` test (wrap
//! in `not` to test for absence).

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, FixedOffset, Months, NaiveDate, Utc};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tousu_model::{
    CategoryId, Channel, Complaint, CustomerClass, FactName, FactValue, FeedbackKind, Money,
    RemedyKind,
};

use crate::policy::Policy;
use crate::registration::RequiredField;
use crate::warranty::WarrantyTerm;

/// What a rule tests, as data. See the [module docs](self) for the keys.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Predicate {
    /// Every predicate holds (a non-empty list).
    All(Vec<Predicate>),
    /// At least one predicate holds (a non-empty list).
    Any(Vec<Predicate>),
    /// The predicate does not hold.
    Not(Box<Predicate>),
    /// Constant: `true` matches every complaint, `false` none.
    Always(bool),
    /// The complaint's category is one of these or a descendant of one.
    Category(Vec<CategoryId>),
    /// The complaint arrived through one of these channels.
    Channel(Vec<Channel>),
    /// The customer is of one of these classes (a complaint without a class
    /// matches none).
    CustomerClass(Vec<CustomerClass>),
    /// The complainant is anonymous (`true`) or named (`false`).
    Anonymous(bool),
    /// The complainant left a way to be reached (`true`) or none (`false`):
    /// a phone, an e-mail or an address, not blank. The test is
    /// [`RequiredField::Contact`]'s, so a rule on it and a
    /// `registration` requirement of a contact never disagree; `other` (a
    /// WeChat id, a QQ number) is not counted. Read on the complaint as
    /// completed (`complete_details`, ruling 66). Schema 2.
    HasContact(bool),
    /// At least this many complainants join in (集体投诉; inclusive).
    CollectiveAtLeast(u32),
    /// The media-exposure flag equals this.
    MediaExposure(bool),
    /// The injury-or-safety flag equals this.
    InjuryOrSafety(bool),
    /// The in-litigation (诉讼 / 仲裁) flag equals this.
    InLitigation(bool),
    /// The handled-by-another-authority flag equals this.
    HandledByOtherAuthority(bool),
    /// At least this many calendar days from the incident to `now`, counted
    /// between local dates in the policy's offset.
    DaysSinceIncidentAtLeast(u32),
    /// At least this many calendar months from the incident to `now`.
    MonthsSinceIncidentAtLeast(u32),
    /// The warranty of the complaint's category has expired (`true`) or is
    /// still running (`false`); unknown when the category has no warranty
    /// with a computable term or the complaint has no delivery date.
    WarrantyExpired(bool),
    /// The matter was raised at least this many times before (from
    /// [`EvalInput::repeat_count`]).
    RepeatCountAtLeast(u32),
    /// The amounts the customer claims add up to at least this.
    AmountClaimedAtLeast(Money),
    /// The feedback is of one of these kinds (投诉 / 咨询 / 建议 / 表扬).
    Kind(Vec<FeedbackKind>),
    /// The customer asks for at least one of these remedies (客户要求:
    /// `requested = ["compensation", "refund"]`).
    Requested(Vec<RemedyKind>),
    /// The integrator's boolean fact is `true`.
    FactTrue(FactName),
    /// The integrator's numeric fact is at least the value.
    FactAtLeast(FactNumberTest),
    /// The integrator's numeric fact is at most the value.
    FactAtMost(FactNumberTest),
    /// The integrator's text fact is one of the values.
    FactIn(FactTextTest),
}

/// A numeric fact compared with a value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FactNumberTest {
    /// The fact's name.
    pub name: FactName,
    /// The value, a decimal string (`"10000"`, `"2.5"`) or an integer.
    pub value: FactNumber,
}

/// A text fact compared with a list of values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FactTextTest {
    /// The fact's name.
    pub name: FactName,
    /// The accepted values (exact match).
    pub values: Vec<String>,
}

/// An exact decimal number in a policy file: a string (`"2.5"`) or an
/// integer, never a float.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FactNumber(pub Decimal);

impl Serialize for FactNumber {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        tousu_model::decimal_text::serialize(&self.0, serializer)
    }
}

impl<'de> Deserialize<'de> for FactNumber {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        tousu_model::decimal_text::deserialize(deserializer).map(FactNumber)
    }
}

impl JsonSchema for FactNumber {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FactNumber".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": ["string", "integer"],
            "pattern": r"^-?\d+(\.\d+)?$",
            "description": "An exact decimal number: a string such as \"2.5\" or an integer. Never a float.",
        })
    }
}

/// What a predicate is evaluated against: the complaint, and what the
/// complaint alone does not know.
#[derive(Clone, Copy, Debug)]
pub struct EvalInput<'a> {
    /// The complaint.
    pub complaint: &'a Complaint,
    /// The instant of the decision (for "days / months since the incident"
    /// and warranty expiry); a parameter, never the wall clock.
    pub now: DateTime<Utc>,
    /// How many times the customer raised the same matter before (0 for a
    /// first complaint); the integrator or the workflow counts it.
    pub repeat_count: u32,
    /// Facts the investigation recorded with its findings (调查结论: 「经调查证实
    /// 事实与投诉方叙述有严重出入」); they answer the `fact_*` tests before the
    /// complaint's own facts, so validity rules judge what was found.
    pub found_facts: Option<&'a BTreeMap<FactName, FactValue>>,
}

impl<'a> EvalInput<'a> {
    /// An input for a first complaint (`repeat_count` 0).
    #[must_use]
    pub const fn new(complaint: &'a Complaint, now: DateTime<Utc>) -> Self {
        Self {
            complaint,
            now,
            repeat_count: 0,
            found_facts: None,
        }
    }

    /// Sets the facts recorded with the findings.
    #[must_use]
    pub const fn with_found_facts(mut self, facts: &'a BTreeMap<FactName, FactValue>) -> Self {
        self.found_facts = Some(facts);
        self
    }

    /// The fact `name`: as the findings recorded it, else as the complaint
    /// gave it.
    #[must_use]
    pub fn fact(&self, name: &FactName) -> Option<&'a FactValue> {
        self.found_facts
            .and_then(|f| f.get(name))
            .or_else(|| self.complaint.fact(name))
    }

    /// Sets the repeat count.
    #[must_use]
    pub const fn with_repeat_count(mut self, repeat_count: u32) -> Self {
        self.repeat_count = repeat_count;
        self
    }
}

impl Predicate {
    /// Whether the predicate holds for `input` under `policy` (whose category
    /// tree, UTC offset and warranty table it reads).
    #[must_use]
    pub fn matches(&self, policy: &Policy, input: &EvalInput<'_>) -> bool {
        let c = input.complaint;
        match self {
            Predicate::All(ps) => ps.iter().all(|p| p.matches(policy, input)),
            Predicate::Any(ps) => ps.iter().any(|p| p.matches(policy, input)),
            Predicate::Not(p) => !p.matches(policy, input),
            Predicate::Always(b) => *b,
            Predicate::Category(cats) => c
                .category
                .as_ref()
                .is_some_and(|mine| cats.iter().any(|a| policy.is_in_category(mine, a))),
            Predicate::Channel(chs) => chs.contains(&c.channel),
            Predicate::CustomerClass(cls) => c.customer_class.is_some_and(|k| cls.contains(&k)),
            Predicate::Anonymous(b) => c.is_anonymous() == *b,
            Predicate::HasContact(b) => RequiredField::Contact.is_given(c) == *b,
            Predicate::CollectiveAtLeast(n) => c.collective_count >= *n,
            Predicate::MediaExposure(b) => c.flags.media_exposure == *b,
            Predicate::InjuryOrSafety(b) => c.flags.injury_or_safety == *b,
            Predicate::InLitigation(b) => c.flags.in_litigation == *b,
            Predicate::HandledByOtherAuthority(b) => c.flags.handled_by_other_authority == *b,
            Predicate::DaysSinceIncidentAtLeast(n) => {
                let offset = policy.utc_offset();
                incident_dates(c, input.now, offset)
                    .is_some_and(|(from, to)| (to - from).num_days() >= i64::from(*n))
            }
            Predicate::MonthsSinceIncidentAtLeast(n) => {
                let offset = policy.utc_offset();
                incident_dates(c, input.now, offset).is_some_and(|(from, to)| {
                    from.checked_add_months(Months::new(*n))
                        .is_some_and(|due| due <= to)
                })
            }
            Predicate::WarrantyExpired(b) => {
                warranty_expired(policy, input).is_some_and(|expired| expired == *b)
            }
            Predicate::RepeatCountAtLeast(n) => input.repeat_count >= *n,
            Predicate::AmountClaimedAtLeast(m) => c.amount_claimed().is_ok_and(|a| a >= *m),
            Predicate::Requested(kinds) => c.requested.iter().any(|r| kinds.contains(&r.kind)),
            Predicate::Kind(kinds) => kinds.contains(&c.kind),
            Predicate::FactTrue(name) => {
                matches!(input.fact(name), Some(FactValue::Bool(true)))
            }
            Predicate::FactAtLeast(t) => {
                matches!(input.fact(&t.name), Some(FactValue::Number(v)) if *v >= t.value.0)
            }
            Predicate::FactAtMost(t) => {
                matches!(input.fact(&t.name), Some(FactValue::Number(v)) if *v <= t.value.0)
            }
            Predicate::FactIn(t) => {
                matches!(input.fact(&t.name), Some(FactValue::Text(v)) if t.values.contains(v))
            }
        }
    }

    /// Calls `f` with this predicate and every nested one, each with its
    /// path (`….when.all[1].not`).
    pub(crate) fn visit(&self, path: &str, f: &mut dyn FnMut(&str, &Predicate)) {
        f(path, self);
        match self {
            Predicate::All(ps) => {
                for (i, p) in ps.iter().enumerate() {
                    p.visit(&format!("{path}.all[{i}]"), f);
                }
            }
            Predicate::Any(ps) => {
                for (i, p) in ps.iter().enumerate() {
                    p.visit(&format!("{path}.any[{i}]"), f);
                }
            }
            Predicate::Not(p) => p.visit(&format!("{path}.not"), f),
            _ => {}
        }
    }
}

/// The local dates of the incident and of `now`, if the incident is known.
fn incident_dates(
    c: &Complaint,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> Option<(NaiveDate, NaiveDate)> {
    let at = c.incident_at?;
    Some((
        at.with_timezone(&offset).date_naive(),
        now.with_timezone(&offset).date_naive(),
    ))
}

/// Whether the warranty of the complaint's category had run out on the day of
/// the incident (or on `now`'s day if the incident time is unknown); `None`
/// when it cannot be told.
fn warranty_expired(policy: &Policy, input: &EvalInput<'_>) -> Option<bool> {
    let c = input.complaint;
    let category = c.category.as_ref()?;
    let delivered = c.product.as_ref()?.delivery_date?;
    let warranty = policy.warranty_for(category)?;
    let offset = policy.utc_offset();
    let on = c
        .incident_at
        .unwrap_or(input.now)
        .with_timezone(&offset)
        .date_naive();
    let last_day = match warranty.term {
        WarrantyTerm::Period(d) => {
            use crate::duration::DurationUnit as U;
            match d.unit() {
                U::Months => delivered.checked_add_months(Months::new(d.amount()))?,
                U::CalendarDays => {
                    delivered.checked_add_days(chrono::Days::new(u64::from(d.amount())))?
                }
                _ => return None,
            }
        }
        WarrantyTerm::Years(y) => {
            let year = delivered.year().checked_add(i32::try_from(y).ok()?)?;
            delivered.with_year(year).or_else(|| {
                // 29 February plus whole years: the month's last day.
                NaiveDate::from_ymd_opt(year, 2, 28)
            })?
        }
        _ => return None,
    };
    // The starting day is not counted; the period ends at 24:00 of its last day.
    Some(on > last_day)
}
