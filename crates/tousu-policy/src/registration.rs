//! What a complaint must say before it can be registered (schema 2,
//! ruling 41 in docs/rulings.md).
//!
//! ```toml
//! # S23 第七条「记录的内容应包括以下内容: 1、投诉人姓名、联系方式、投诉工程报建名称、
//! # 具体房号或购房合同中的房屋全称,投诉人与产权人关系」.
//! [registration]
//! required = [
//!     "complainant_name",
//!     "contact",
//!     { fact = "project_name" },
//!     "location",
//!     { fact = "relation_to_owner" },
//! ]
//! ```
//!
//! `"phone"` asks a telephone number where the regulation says 联系电话
//! (S04 三2「详尽记录投诉人姓名、房屋位置、投诉内容及联系电话」; ruling 138);
//! `"contact"` takes a phone number, an e-mail or an address.
//!
//! A registration whose complaint lacks one is refused, naming the field's
//! path in the command and the entry that requires it; nothing is recorded.
//! `confidential = true` registers every complaint confidential (S27).
//!
//! A field may be owed only by a complaint that goes beyond reception
//! (ruling 65): `[[registration.before]]` names the clock events that take
//! a case there, and a command that would cause one of them on a case whose
//! complaint lacks the field is refused. A complaint answered at once never
//! causes them, as S22's notification clock, stopped by the reply or the
//! assignment, already tells the two apart.
//!
//! ```toml
//! # S38 6「对不能立即答复或解决的问题,做好登记,留下联系方法」.
//! [[registration.before]]
//! events = ["assigned", "escalated", "agreed_deadline_set"]
//! required = ["contact"]
//! ```

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tousu_model::{Complaint, FactName};

use crate::authority::Action;
use crate::error::Report;
use crate::milestone::ClockEvent;
use crate::policy::Policy;

/// The complaint's fields a registration must give (`[registration]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Registration {
    /// The fields, each checked in order; the first missing one is named.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required: Vec<RequiredField>,
    /// Every complaint is registered confidential (保密), whatever the
    /// registration says: only roles with `view_confidential` see it (S27
    /// 第六条「并应当对投诉人信息保密」).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub confidential: bool,
    /// Fields owed only before the case passes a point (ruling 65): a
    /// command that would cause one of an entry's events is refused while
    /// the complaint lacks one of its fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub before: Vec<RequiredBefore>,
}

/// Fields a complaint must give before the case passes one of `events`
/// (`[[registration.before]]`, ruling 65): S38 6 asks a contact only of a
/// complaint that cannot be answered at once, the one that is handed on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RequiredBefore {
    /// The clock events that take a case beyond the point (`assigned`,
    /// `escalated`, `agreed_deadline_set`); not `registered`, which is
    /// `required`.
    pub events: Vec<ClockEvent>,
    /// The fields, each checked in order; the first missing one is named.
    pub required: Vec<RequiredField>,
    /// The clause, quoted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A field a command may not go on without ([`Registration::missing_before`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MissingBefore<'p> {
    /// The index of the entry in `registration.before`.
    pub index: usize,
    /// The event the command would cause.
    pub event: ClockEvent,
    /// The field the complaint lacks.
    pub field: &'p RequiredField,
}

/// A field of the complaint a registration must give.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum RequiredField {
    /// The complainant's name (not blank): an anonymous complaint has none.
    ComplainantName,
    /// A way to reach the complainant: a phone number, an e-mail or an
    /// address.
    Contact,
    /// A telephone number (联系电话), not blank: where the regulation asks
    /// for a number, an e-mail or an address is not enough (ruling 138).
    Phone,
    /// The subject (主题).
    Subject,
    /// Where it happened (a room number, a site).
    Location,
    /// The category.
    Category,
    /// When it happened.
    IncidentAt,
    /// At least one respondent (the party complained about).
    Respondent,
    /// A fact of the complaint, of any value: `{ fact = "relation_to_owner" }`.
    Fact(FactName),
}

impl RequiredField {
    /// Where the field is in a complaint (`complainant.name`, `facts.x`).
    #[must_use]
    pub fn path(&self) -> String {
        match self {
            RequiredField::ComplainantName => "complainant.name".to_owned(),
            RequiredField::Contact => "complainant.contact".to_owned(),
            RequiredField::Phone => "complainant.contact.phone".to_owned(),
            RequiredField::Subject => "subject".to_owned(),
            RequiredField::Location => "location".to_owned(),
            RequiredField::Category => "category".to_owned(),
            RequiredField::IncidentAt => "incident_at".to_owned(),
            RequiredField::Respondent => "respondents".to_owned(),
            RequiredField::Fact(name) => format!("facts.{name}"),
        }
    }

    /// Whether `complaint` gives this field.
    #[must_use]
    pub fn is_given(&self, complaint: &Complaint) -> bool {
        let text = |t: &Option<String>| t.as_deref().is_some_and(|t| !t.trim().is_empty());
        match self {
            RequiredField::ComplainantName => text(&complaint.complainant.name),
            RequiredField::Contact => {
                let c = &complaint.complainant.contact;
                text(&c.phone) || text(&c.email) || text(&c.address)
            }
            RequiredField::Phone => text(&complaint.complainant.contact.phone),
            RequiredField::Subject => text(&complaint.subject),
            RequiredField::Location => text(&complaint.location),
            RequiredField::Category => complaint.category.is_some(),
            RequiredField::IncidentAt => complaint.incident_at.is_some(),
            RequiredField::Respondent => !complaint.respondents.is_empty(),
            RequiredField::Fact(name) => complaint.fact(name).is_some(),
        }
    }
}

impl fmt::Display for RequiredField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequiredField::Fact(name) => write!(f, "the fact {name}"),
            other => f.write_str(&other.path()),
        }
    }
}

impl Registration {
    /// The first required field `complaint` does not give, with its index
    /// in `required`.
    #[must_use]
    pub fn first_missing(&self, complaint: &Complaint) -> Option<(usize, &RequiredField)> {
        self.required
            .iter()
            .enumerate()
            .find(|(_, f)| !f.is_given(complaint))
    }

    /// The first field an entry of `before` requires and `complaint` does
    /// not give, for the first of `events` (what a command taking `action`
    /// would cause) that the entry lists and that `action` causes itself:
    /// a step the rules take on the way (an unsatisfied callback's rung, a
    /// level reached) is never refused.
    #[must_use]
    pub fn missing_before(
        &self,
        complaint: &Complaint,
        action: Action,
        events: &[ClockEvent],
    ) -> Option<MissingBefore<'_>> {
        let own = |e: &&ClockEvent| crate::invariants::causes(**e).contains(&Some(action));
        self.before.iter().enumerate().find_map(|(index, entry)| {
            let event = *events
                .iter()
                .filter(own)
                .find(|e| entry.events.contains(e))?;
            let field = entry.required.iter().find(|f| !f.is_given(complaint))?;
            Some(MissingBefore {
                index,
                event,
                field,
            })
        })
    }
}

/// Everything wrong with `[registration]`: a field listed twice, and the
/// section in a file of schema 1.
pub(crate) fn check(p: &Policy, r: &mut Report) {
    let Some(reg) = &p.registration else {
        return;
    };
    if p.schema_version < 2
        && (!reg.required.is_empty() || reg.confidential || !reg.before.is_empty())
    {
        r.error(
            "registration",
            "is a section of schema_version 2; write schema_version = 2",
        );
    }
    for (i, f) in reg.required.iter().enumerate() {
        if let Some(first) = reg.required.iter().position(|g| g == f)
            && first < i
        {
            r.warning(
                format!("registration.required[{i}]"),
                format!("{f} is already required at registration.required[{first}]"),
            );
        }
    }
    for (i, entry) in reg.before.iter().enumerate() {
        check_before(reg, i, entry, r);
    }
}

/// One `[[registration.before]]` entry: events and fields to name, and
/// neither `registered` (that is `required`) nor a field `required`
/// already asks at registration.
fn check_before(reg: &Registration, i: usize, entry: &RequiredBefore, r: &mut Report) {
    let at = format!("registration.before[{i}]");
    if entry.events.is_empty() {
        r.error(
            format!("{at}.events"),
            "is empty; name the clock events that take a case beyond the point (assigned, escalated, agreed_deadline_set, ...)",
        );
    }
    if entry.required.is_empty() {
        r.error(
            format!("{at}.required"),
            "is empty; name the fields owed before the events (contact, complainant_name, location, { fact = NAME }, ...)",
        );
    }
    for (j, event) in entry.events.iter().enumerate() {
        if *event == ClockEvent::Registered {
            r.error(
                format!("{at}.events[{j}]"),
                "`registered` is the registration itself: list what every registration must give in registration.required",
            );
        } else if entry
            .events
            .get(..j)
            .is_some_and(|seen| seen.contains(event))
        {
            r.warning(
                format!("{at}.events[{j}]"),
                format!("`{event}` is listed twice"),
            );
        }
    }
    for (j, f) in entry.required.iter().enumerate() {
        if let Some(k) = reg.required.iter().position(|g| g == f) {
            r.warning(
                format!("{at}.required[{j}]"),
                format!("{f} is already required at registration (registration.required[{k}]): this entry never refuses for it"),
            );
        } else if entry.required.get(..j).is_some_and(|seen| seen.contains(f)) {
            r.warning(
                format!("{at}.required[{j}]"),
                format!("{f} is listed twice"),
            );
        }
    }
}

/// `[[registration.before]]` entries that bind on an event a case needs to
/// end, or on one the clocks cause by themselves: a case without the field
/// could not be closed (error), withdrawn or turned away (warning) until its
/// details were completed (ruling 66), and none of these may wait on them; and a step the clocks take on a
/// breach is never refused (info). As (severity, path, message), for
/// [`check_invariants`](crate::check_invariants).
pub(crate) fn before_binds(p: &Policy) -> Vec<(crate::Severity, String, String)> {
    use crate::Severity as S;
    let Some(reg) = &p.registration else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, entry) in reg.before.iter().enumerate() {
        for (j, event) in entry.events.iter().enumerate() {
            let path = format!("registration.before[{i}].events[{j}]");
            let (severity, what) = match event {
                ClockEvent::Closed => (
                    S::Error,
                    "closed, in any way (withdrawn and turned away included)",
                ),
                ClockEvent::Withdrawn => (S::Warning, "withdrawn"),
                ClockEvent::NotAccepted => (S::Warning, "turned away (不予受理)"),
                e if crate::invariants::causes(*e).contains(&None) => {
                    let how = if *e == ClockEvent::Escalated {
                        "a step on a breach, an unsatisfied callback's rung, a level reached"
                    } else {
                        "an approved extension running out"
                    };
                    out.push((
                        S::Info,
                        path,
                        format!("`{e}` is also caused by the rules ({how}), which this never refuses: the requirement binds only the commands that cause it themselves"),
                    ));
                    continue;
                }
                _ => continue,
            };
            out.push((
                severity,
                path,
                format!("a case whose complaint lacks a field of this entry could not be {what} until someone completed its details (complete_details, ruling 66), and a case must be able to end without them; bind the requirement on the events that take a case beyond reception (assigned, escalated), or require the field at registration"),
            ));
        }
    }
    out
}

/// The required fields a complaint for which `when` holds cannot give: an
/// anonymous complaint has no complainant name, one without a contact no
/// contact.
fn missing_when(when: &crate::predicate::Predicate) -> Vec<RequiredField> {
    use crate::predicate::Predicate as P;
    match when {
        P::Anonymous(true) => vec![RequiredField::ComplainantName],
        P::Not(inner) if matches!(**inner, P::Anonymous(false)) => {
            vec![RequiredField::ComplainantName]
        }
        P::HasContact(false) => vec![RequiredField::Contact],
        P::Not(inner) if matches!(**inner, P::HasContact(true)) => vec![RequiredField::Contact],
        P::All(ps) => {
            let mut out: Vec<RequiredField> = Vec::new();
            for f in ps.iter().flat_map(missing_when) {
                if !out.contains(&f) {
                    out.push(f);
                }
            }
            out
        }
        P::Any(ps) => {
            let mut each = ps.iter().map(missing_when);
            let first = each.next().unwrap_or_default();
            each.fold(first, |acc, next| {
                acc.into_iter().filter(|f| next.contains(f)).collect()
            })
        }
        _ => Vec::new(),
    }
}

/// Acceptance rules that turn a complaint away (不予受理, with a reason and
/// advice) only when it lacks a field `[registration] required` demands:
/// such a complaint is refused at registration instead, so the refusal, its
/// reason and its advice are never recorded (ruling 41: acceptance is not
/// registration). As (path, message), for
/// [`check_invariants`](crate::check_invariants).
pub(crate) fn refusals_blocked(p: &Policy) -> Vec<(String, String)> {
    let Some(reg) = &p.registration else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, rule) in p.acceptance.rules.iter().enumerate() {
        if rule.outcome.is_accepted() {
            continue;
        }
        for missing in missing_when(&rule.when) {
            // A complaint with no contact has no phone either.
            let implies = |f: &RequiredField| {
                *f == missing || (missing == RequiredField::Contact && *f == RequiredField::Phone)
            };
            let Some(j) = reg.required.iter().position(implies) else {
                continue;
            };
            out.push((
                format!("registration.required[{j}]"),
                format!(
                    "requires {missing}, which every complaint acceptance.rules[{i}] ({}) turns away lacks: such a complaint is refused at registration, so the rule's reason and advice are never recorded; require only what every record holds, or drop the rule",
                    rule.id
                ),
            ));
        }
    }
    out
}
