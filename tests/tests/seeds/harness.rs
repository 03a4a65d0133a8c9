//! The helpers every seed module shares: command builders (each returns the
//! `CommandKind` a test hands to `Scenario::ok` / `run`, or to the tester's
//! kit's given / when / then), names, rosters with pay, and the views the
//! assertions read. One definition each; the scenario itself is
//! `support::Scenario`.
#![allow(unreachable_pub)]

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use rust_decimal::Decimal;
use tousu_model::*;
use tousu_penalty::{ComplaintAgainst, PenaltyFacts};
use tousu_workflow::*;

use crate::support::*;

// --- instants and names ----------------------------------------------------

/// An instant in Beijing time, to the second.
pub fn at_s(y: i32, m: u32, d: u32, h: u32, min: u32, sec: u32) -> DateTime<Utc> {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(y, m, d, h, min, sec)
        .unwrap()
        .to_utc()
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn cat(id: &str) -> CategoryId {
    CategoryId::new(id).unwrap()
}

pub fn fact(name: &str) -> FactName {
    FactName::new(name).unwrap()
}

pub fn yes() -> FactValue {
    FactValue::Bool(true)
}

pub fn case_id(s: &str) -> CaseId {
    CaseId::new(s).unwrap()
}

pub fn person(name: &str) -> Complainant {
    Complainant::person(name).unwrap()
}

pub fn delivered(d: NaiveDate) -> ProductData {
    ProductData {
        delivery_date: Some(d),
        ..ProductData::default()
    }
}

pub fn rem(kind: RemedyKind) -> Remedy {
    Remedy::new(kind)
}

pub fn rem_amt(kind: RemedyKind, amount: &str) -> Remedy {
    Remedy::with_amount(kind, money(amount)).unwrap()
}

/// A remedy with an optional amount and the note the handler wrote.
pub fn remedy(kind: RemedyKind, amount: Option<&str>, note: &str) -> Remedy {
    let mut r = match amount {
        Some(a) => rem_amt(kind, a),
        None => rem(kind),
    };
    r.note = Some(note.to_owned());
    r
}

// --- commands --------------------------------------------------------------

pub fn accept() -> CommandKind {
    CommandKind::Accept {
        override_reason: None,
    }
}

pub fn assign(lead: &str, handler: &str) -> CommandKind {
    assign_with(lead, handler, &[])
}

/// Assignment to a lead department and handler, with co-handling departments.
pub fn assign_with(lead: &str, handler: &str, co: &[&str]) -> CommandKind {
    CommandKind::Assign {
        assignment: Assignment {
            lead: did(lead),
            handler: Some(sid(handler)),
            co_handling: co.iter().map(|d| did(d)).collect(),
        },
    }
}

pub fn investigate() -> CommandKind {
    CommandKind::StartInvestigation
}

pub fn findings(fault: FaultParty, note: &str) -> CommandKind {
    findings_of(fault, &[], note)
}

/// Findings naming the responsible staff and their shares (`"0.6"`).
pub fn findings_of(fault: FaultParty, responsible: &[(&str, &str)], note: &str) -> CommandKind {
    CommandKind::RecordFindings {
        validity: None,
        fault: Some(fault),
        responsible: responsible
            .iter()
            .map(|(staff, share)| Responsibility {
                party: ResponsibleParty::Staff(sid(staff)),
                share: share.parse::<Decimal>().unwrap(),
            })
            .collect(),
        note: Some(note.to_owned()),
    }
}

pub fn propose(remedies: Vec<Remedy>, note: &str) -> CommandKind {
    CommandKind::ProposeSolution {
        remedies,
        note: Some(note.into()),
    }
}

pub fn approve() -> CommandKind {
    CommandKind::Approve
}

pub fn reply(text: &str) -> CommandKind {
    CommandKind::Reply { text: text.into() }
}

pub fn callback(satisfaction: Satisfaction, note: &str) -> CommandKind {
    CommandKind::RecordCallback {
        satisfaction,
        note: Some(note.into()),
    }
}

pub fn close() -> CommandKind {
    CommandKind::Close
}

pub fn escalate(reason: &str) -> CommandKind {
    CommandKind::Escalate {
        reason: reason.into(),
        step: None,
    }
}

/// A manual escalation to the step named (a route chosen, not the next in file order).
pub fn escalate_to(step: &str, reason: &str) -> CommandKind {
    CommandKind::Escalate {
        reason: reason.into(),
        step: Some(tousu_policy::EscalationId::new(step).unwrap()),
    }
}

pub fn reopen(reason: &str) -> CommandKind {
    CommandKind::Reopen {
        reason: reason.into(),
    }
}

pub fn note(text: &str) -> CommandKind {
    CommandKind::AddNote {
        text: text.into(),
        attachments: vec![],
    }
}

// --- what the assertions read ----------------------------------------------

pub fn level_of(s: &Scenario) -> &str {
    s.case().level.as_ref().map_or("-", LevelId::as_str)
}

pub fn status(s: &Scenario) -> Status {
    s.case().status
}

pub fn closure_kind(s: &Scenario) -> String {
    s.case()
        .closure
        .as_ref()
        .map_or_else(String::new, |c| format!("{:?}", c.kind))
}

/// The milestones breached so far, as `milestone@round`.
pub fn breach_list(s: &Scenario) -> Vec<String> {
    s.events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::MilestoneBreached {
                milestone, round, ..
            } => Some(format!("{milestone}@{round}")),
            _ => None,
        })
        .collect()
}

/// Whether `events` breach `milestone`.
pub fn breached(events: &[Event], milestone: &str) -> bool {
    events.iter().any(|e| {
        matches!(&e.kind, EventKind::MilestoneBreached { milestone: m, .. } if m.as_str() == milestone)
    })
}

fn beijing_minute(at: DateTime<Utc>) -> String {
    at.with_timezone(&FixedOffset::east_opt(8 * 3600).unwrap())
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// The open deadlines at `now`, as `milestone → Beijing time`.
pub fn due_all(s: &Scenario, now: DateTime<Utc>) -> Vec<String> {
    s.deadlines(now)
        .iter()
        .map(|d| {
            format!(
                "{} → {}",
                d.milestone,
                beijing_minute(d.deadline.as_ref().unwrap().at)
            )
        })
        .collect()
}

/// The open deadline of `milestone`, in Beijing time.
pub fn due(s: &Scenario, now: DateTime<Utc>, milestone: &str) -> String {
    let view = s
        .deadlines(now)
        .into_iter()
        .find(|d| d.milestone.as_str() == milestone)
        .unwrap_or_else(|| panic!("no open clock {milestone}"));
    let deadline = view
        .deadline
        .as_ref()
        .unwrap_or_else(|| panic!("{milestone} has no deadline"));
    beijing_minute(deadline.at)
}

// --- pay and statements ----------------------------------------------------

pub fn paid(staff: Staff, points: i64, bonus: &str) -> Staff {
    staff.with_pay(Decimal::from(points), money(bonus))
}

/// A roster with pay: staff as (id, name, department, roles, supervisor,
/// base points, monthly bonus).
#[allow(clippy::type_complexity)]
pub fn paid_roster(
    depts: &[DeptRow<'_>],
    staff: &[(&str, &str, &str, &[&str], Option<&str>, i64, &str)],
) -> Roster {
    let plain: Vec<StaffRow<'_>> = staff
        .iter()
        .map(|(id, name, dept, roles, sup, _, _)| (*id, *name, *dept, *roles, *sup))
        .collect();
    let base = roster(depts, &plain);
    let tree = base.departments().clone();
    let people = staff
        .iter()
        .map(|(id, _, _, _, _, points, bonus)| {
            paid(base.staff(&sid(id)).unwrap().clone(), *points, bonus)
        })
        .collect();
    Roster::new(tree, people).unwrap()
}

/// A roster where every paid member has one base point and a monthly bonus.
pub fn bonus_roster(depts: &[DeptRow<'_>], staff: &[(StaffRow<'_>, &str)]) -> Roster {
    let rows: Vec<_> = staff
        .iter()
        .map(|((id, name, dept, roles, sup), bonus)| (*id, *name, *dept, *roles, *sup, 1, *bonus))
        .collect();
    paid_roster(depts, &rows)
}

/// The month's statements for `facts`.
pub fn compute(s: &Scenario, facts: &PenaltyFacts) -> tousu_penalty::PeriodResult {
    let schedule =
        s.rt.policy
            .penalties
            .clone()
            .expect("the policy has a [penalties] table");
    tousu_penalty::compute_statements(&schedule, &s.roster, facts, None).unwrap()
}

/// The month's statements for the scenario's breaches plus `extra` facts.
pub fn statements(
    s: &Scenario,
    period: &str,
    extra: impl FnOnce(&mut PenaltyFacts),
) -> tousu_penalty::PeriodResult {
    let mut facts = PenaltyFacts {
        breaches: s.breaches(),
        ..PenaltyFacts::new(period.parse().unwrap())
    };
    extra(&mut facts);
    compute(s, &facts)
}

/// The month's statements for `facts`, rendered as Markdown.
pub fn statement_markdown(s: &Scenario, facts: &PenaltyFacts) -> String {
    tousu_penalty::render_markdown(&compute(s, facts))
}

pub fn complaints_against(staff: &str, n: usize, prefix: &str) -> Vec<ComplaintAgainst> {
    (1..=n)
        .map(|i| ComplaintAgainst {
            staff: sid(staff),
            case: case_id(&format!("{prefix}-{i}")),
        })
        .collect()
}
