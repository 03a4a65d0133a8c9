//! The helpers every seed module shares: command builders (each returns the
//! `CommandKind` a test hands to `Scenario::ok` / `run`, or to the tester's
//! kit's given / when / then), names, rosters with pay, and the views the
//! assertions read. One definition each; the scenario itself is
//! `support::Scenario`.
#![allow(unreachable_pub)]

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeZone, Utc};
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

pub fn text(t: &str) -> FactValue {
    FactValue::Text(t.to_owned())
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

/// Assignment to a lead department with no handler named (`assign` lets
/// the handler be absent): the case waits for the department.
pub fn assign_department(lead: &str) -> CommandKind {
    CommandKind::Assign {
        assignment: Assignment {
            lead: did(lead),
            handler: None,
            co_handling: Vec::new(),
        },
    }
}

/// Transfer to another lead department and handler (转送, 属地管理).
pub fn transfer(lead: &str, handler: &str, reason: &str) -> CommandKind {
    let CommandKind::Assign { assignment } = assign(lead, handler) else {
        unreachable!()
    };
    CommandKind::Transfer {
        assignment,
        reason: reason.into(),
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
    CommandKind::Reply {
        text: text.into(),
        written: false,
    }
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

/// The escalation steps a scenario's case has taken so far, in order.
pub fn steps_taken(s: &Scenario) -> Vec<String> {
    s.case()
        .escalations
        .iter()
        .filter_map(|e| e.step.as_ref().map(ToString::to_string))
        .collect()
}

/// A classification by hand at `level`, with the reason.
pub fn classify_as(level_id: &str, reason: &str) -> CommandKind {
    CommandKind::Classify {
        level: Some(level(level_id)),
        reason: Some(reason.into()),
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

pub fn beijing_minute(at: DateTime<Utc>) -> String {
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

// --- one shape many seeds share ----------------------------------------------

/// A manual escalation (「上报」) under `file`: staff `b` (role `intake`)
/// registers `complaint`, `accepter` (`"a"` or `"b"`) accepts it five
/// minutes after receipt, and staff `a` (role `escalator`) hands it up five
/// minutes later. Returns the escalation step that fired, so a test states
/// only who hands up and where the case goes.
pub fn manual_step(
    file: &str,
    (escalator, intake): (&str, &str),
    accepter: &str,
    complaint: Complaint,
) -> Option<String> {
    let roster = roster(
        &[("d", "部门", None)],
        &[
            ("a", "经办人", "d", &[escalator], None),
            ("b", "受理人", "d", &[intake], None),
        ],
    );
    let t0 = complaint.received_at;
    let mut s = Scenario::new(policy(file), roster);
    s.register("b", "ESC-1", complaint).unwrap();
    s.ok(accepter, minutes(t0, 5), accept());
    s.ok("a", minutes(t0, 10), escalate("上报"));
    s.case().escalations[0]
        .step
        .as_ref()
        .map(ToString::to_string)
}

/// Who owned each breach so far, as `milestone@round → staff` (`-` when the
/// breach is unowned): the person a regulation makes answerable for the clock.
pub fn breach_owners(s: &Scenario) -> Vec<String> {
    s.events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::MilestoneBreached {
                milestone,
                round,
                owner,
                ..
            } => Some(format!(
                "{milestone}@{round} → {}",
                owner.as_ref().map_or("-", StaffId::as_str)
            )),
            _ => None,
        })
        .collect()
}

/// No extension where the source has none (ruling 133): `asker` may not ask for
/// one and `decider` may not grant one, at `at`; nothing is recorded.
pub fn assert_no_extension(s: &mut Scenario, asker: &str, decider: &str, at: DateTime<Utc>) {
    let request = CommandKind::RequestExtension {
        reason: "等待检测报告".to_owned(),
        until: None,
    };
    let asked = s.refused(asker, at, request);
    assert_eq!(asked.kind(), "not_permitted", "{asked}");
    let decided = s.refused(decider, at, CommandKind::ApproveExtension);
    assert_eq!(decided.kind(), "not_permitted", "{decided}");
}

// --- rules read one at a time ------------------------------------------------

/// A phone complaint received at `at` about `category`, for the rule tables.
pub fn about(at: DateTime<Utc>, category: &str, content: &str) -> ComplaintBuilder {
    Complaint::builder(at, Channel::Phone, content)
        .complainant(person("投诉人"))
        .category(cat(category))
}

/// The acceptance rule that refuses `c` when it is received, or `None` when
/// it is accepted.
pub fn refused_by(p: &tousu_policy::Policy, c: &Complaint) -> Option<String> {
    let d = p.acceptance(&tousu_policy::EvalInput::new(c, c.received_at));
    match d.outcome {
        tousu_policy::Acceptance::Accept => None,
        _ => Some(
            d.rule_id
                .map_or_else(|| "(default)".to_owned(), |r| r.to_string()),
        ),
    }
}

/// The level `c` is classified at, and the rule that decided it.
pub fn classified(p: &tousu_policy::Policy, c: &Complaint) -> (String, Option<String>) {
    let d = p.classify(&tousu_policy::EvalInput::new(c, c.received_at));
    (d.outcome.to_string(), d.rule_id.map(|r| r.to_string()))
}

/// The validity of `c` as received, and the rule that decided it.
pub fn judged(p: &tousu_policy::Policy, c: &Complaint) -> (String, Option<String>) {
    let d = p.validity(&tousu_policy::EvalInput::new(c, c.received_at));
    (
        format!("{:?}", d.outcome).to_lowercase(),
        d.rule_id.map(|r| r.to_string()),
    )
}

/// 10:00 Beijing time on `day`.
pub fn on_day(day: NaiveDate) -> DateTime<Utc> {
    at_s(day.year(), day.month(), day.day(), 10, 0, 0)
}

/// Whether works of `category` delivered on `delivered` are refused for a
/// defect that appeared on `incident` (the acceptance rule's id, or `None`).
pub fn warranty_refusal(
    p: &tousu_policy::Policy,
    category: &str,
    delivered_on: NaiveDate,
    incident: NaiveDate,
) -> Option<String> {
    let at = on_day(incident);
    let c = about(at, category, "保修期内外的质量缺陷")
        .incident_at(at)
        .product(delivered(delivered_on))
        .build()
        .unwrap();
    refused_by(p, &c)
}

/// The warranty term the policy gives `category`, as written in the file.
pub fn warranty_term(p: &tousu_policy::Policy, category: &str) -> String {
    p.warranty_for(&cat(category))
        .map_or_else(|| "(none)".to_owned(), |w| w.term.to_string())
}

/// The escalation steps taken so far, in order, with whom each notifies and
/// who takes over (`step → notify… ⇒ take_over`).
pub fn steps_notified(s: &Scenario) -> Vec<String> {
    s.events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Escalated {
                step: Some(step),
                notify,
                take_over,
                ..
            } => {
                let notify: Vec<String> = notify.iter().map(ToString::to_string).collect();
                Some(format!(
                    "{step} → {}{}",
                    notify.join(", "),
                    take_over
                        .as_ref()
                        .map_or_else(String::new, |t| format!(" ⇒ {t}"))
                ))
            }
            _ => None,
        })
        .collect()
}

/// Who does what in [`unsatisfied_rounds`].
pub struct RoundCrew<'a> {
    /// Investigates and proposes an apology.
    pub handler: &'a str,
    /// Approves the proposal.
    pub approver: &'a str,
    /// Answers the customer.
    pub replier: &'a str,
    /// Calls the customer back.
    pub caller: &'a str,
    /// Opens the next round.
    pub reopener: &'a str,
}

/// `n` rounds from `at`, ten minutes apart, each ending with the customer
/// unsatisfied and a new round opened: for regulations that set no last
/// round. The case must be assigned to `crew.handler`.
pub fn unsatisfied_rounds(s: &mut Scenario, n: i64, at: DateTime<Utc>, crew: &RoundCrew<'_>) {
    for round in 0..n {
        let t = at + chrono::TimeDelta::minutes(10 * round);
        let m = |k: i64| t + chrono::TimeDelta::minutes(k);
        s.ok(crew.handler, t, investigate());
        s.ok(
            crew.handler,
            m(1),
            propose(vec![rem(RemedyKind::Apology)], "致歉"),
        );
        s.ok(crew.approver, m(2), approve());
        s.ok(crew.replier, m(3), reply("已致歉并处理"));
        s.ok(
            crew.caller,
            m(4),
            callback(Satisfaction::Unsatisfied, "仍不满意"),
        );
        assert_ne!(status(s), Status::Closed, "round {}", round + 1);
        s.ok(crew.reopener, m(5), reopen("客户仍不满意,继续跟进"));
    }
}

// --- facts the investigation finds -------------------------------------------

/// The validity the findings give `c` under `file` when the investigation
/// found `found` true (recorded with `record_facts` during the
/// investigation, before the findings) or found nothing (`None`): staff `k`
/// (roles `intake`) registers, accepts and assigns the case to staff `h`
/// (roles `handler`), who investigates and records the findings. Returns
/// the validity and the rule that decided it, as [`judged`] does. The
/// complaint as received must not already carry the fact: the point is that
/// the investigation establishes it.
pub fn judged_on_finding(
    file: &str,
    (intake, handler): (&[&str], &[&str]),
    c: Complaint,
    found: Option<&str>,
) -> (String, Option<String>) {
    if let Some(name) = found {
        assert!(
            !c.facts.contains_key(&fact(name)),
            "the complaint already says {name}"
        );
    }
    let roster = roster(
        &[("d", "部门", None)],
        &[
            ("k", "受理人", "d", intake, None),
            ("h", "调查人", "d", handler, None),
        ],
    );
    let t0 = c.received_at;
    let mut s = Scenario::new(policy(file), roster);
    s.register("k", "FOUND-1", c).unwrap();
    s.ok("k", minutes(t0, 5), accept());
    s.ok("k", minutes(t0, 10), assign("d", "h"));
    s.ok("h", minutes(t0, 20), investigate());
    if let Some(name) = found {
        s.ok(
            "h",
            minutes(t0, 40),
            CommandKind::RecordFacts {
                facts: [(fact(name), yes())].into(),
            },
        );
    }
    s.ok(
        "h",
        minutes(t0, 60),
        findings(FaultParty::Customer, "调查结论"),
    );
    s.assert_replays();
    let f = s.case().findings.as_ref().unwrap();
    (
        format!("{:?}", f.validity).to_lowercase(),
        f.rule.as_ref().map(ToString::to_string),
    )
}

/// An act recorded (`record_action`) that names no clock.
pub fn act(action: tousu_policy::CaseAction, note: &str) -> CommandKind {
    CommandKind::RecordAction {
        action,
        note: Some(note.into()),
        milestone: None,
    }
}

/// A signature of `record` (`record_sign_offs`) by the next role of its chain.
pub fn sign(record: tousu_policy::SignedRecord) -> CommandKind {
    CommandKind::SignRecord { record }
}

/// The tenth audit's "deadlines the sources never promise": one person who
/// holds every role of `file` registers and accepts `c`, then promises the
/// complainant a date three days on, which is refused (`not_permitted`). A
/// date a role could promise ran on a clock the handler alone owned (no
/// milestone stopped on `agreed_deadline_set`), so one promised before a
/// handler was named lapsed charged to nobody.
pub fn no_role_promises_a_date(file: &str, c: Complaint) {
    let p = policy(file);
    let roles: Vec<&str> = p.roles.iter().map(|r| r.id.as_str()).collect();
    let roster = roster(
        &[("unit", "受理单位", None)],
        &[("all", "身兼各岗", "unit", &roles, None)],
    );
    let at = c.received_at;
    let mut s = Scenario::new(p.clone(), roster);
    s.register("all", "NO-DATE", c).unwrap();
    s.ok("all", minutes(at, 5), accept());
    let promise = CommandKind::SetAgreedDeadline {
        deadline: minutes(at, 3 * 24 * 60),
    };
    let refused = s.run("all", minutes(at, 10), promise);
    assert!(
        matches!(refused, Err(Rejection::NotPermitted { .. })),
        "{file}: {refused:?}"
    );
}

// --- the act probe -------------------------------------------------------------

/// A roster for `p` with two departments, `da` and `db`, under a head
/// office `d0`: every role held by `ROLE-a` in `da` and `ROLE-b` in `db`.
pub fn two_department_roster(p: &tousu_policy::Policy) -> Roster {
    let ids: Vec<(String, [&str; 1], &'static str)> = p
        .roles
        .iter()
        .flat_map(|r| {
            [
                (format!("{}-a", r.id), [r.id.as_str()], "da"),
                (format!("{}-b", r.id), [r.id.as_str()], "db"),
            ]
        })
        .collect();
    let staff: Vec<StaffRow<'_>> = ids
        .iter()
        .map(|(id, roles, dept)| (id.as_str(), id.as_str(), *dept, &roles[..], None))
        .collect();
    roster(
        &[
            ("d0", "总部", None),
            ("da", "甲", Some("d0")),
            ("db", "乙", Some("d0")),
        ],
        &staff,
    )
}

/// Tries `kind` on the case as it stands; the case is left as it was.
fn taken(s: &mut Scenario, actor: &str, at: DateTime<Utc>, kind: CommandKind) -> bool {
    let before = (s.case.clone(), s.events.len());
    let ok = s.run(actor, at, kind).is_ok();
    s.case = before.0;
    s.events.truncate(before.1);
    ok
}

/// Runs `kind` by the first of `actors` it is taken from; whether one was.
fn by_first(s: &mut Scenario, actors: &[String], at: DateTime<Utc>, kind: &CommandKind) -> bool {
    actors.iter().any(|a| s.run(a, at, kind.clone()).is_ok())
}

/// Runs `kind` by the first of `actors` it is taken from, or says why the
/// most telling of the refusals was given: one for a reason other than
/// "not permitted", if any.
fn by_first_or_why(
    s: &mut Scenario,
    actors: &[String],
    at: DateTime<Utc>,
    kind: &CommandKind,
) -> Result<String, String> {
    let mut why: Option<(bool, String)> = None;
    for a in actors {
        match s.run(a, at, kind.clone()) {
            Ok(_) => return Ok(a.clone()),
            Err(e) => {
                let telling = e.kind() != "not_permitted";
                if why.as_ref().is_none_or(|(t, _)| telling && !t) {
                    why = Some((telling, format!("{a}: {e}")));
                }
            }
        }
    }
    Err(why.map_or_else(|| "no actor".to_owned(), |(_, w)| w))
}

/// The facts a predicate reads as `fact_true`, in order.
fn facts_read(p: &tousu_policy::Predicate, out: &mut Vec<FactName>) {
    use tousu_policy::Predicate as P;
    match p {
        P::All(ps) | P::Any(ps) => ps.iter().for_each(|q| facts_read(q, out)),
        P::Not(q) => facts_read(q, out),
        P::FactTrue(f) if !out.contains(f) => out.push(f.clone()),
        _ => {}
    }
}

/// The acceptance rule refusing `c` when it is received, if one does.
fn refusing_rule<'p>(
    p: &'p tousu_policy::Policy,
    c: &Complaint,
) -> Option<&'p tousu_policy::AcceptanceRule> {
    let d = p.acceptance(&tousu_policy::EvalInput::new(c, c.received_at));
    if d.outcome == tousu_policy::Acceptance::Accept {
        return None;
    }
    let id = d.rule_id?;
    p.acceptance.rules.iter().find(|r| r.id == id)
}

/// The complaints the probe tries, in order: for each category (in file
/// order) and channel, one giving every field a registration may require
/// (name, phone, e-mail, address, subject, place, time, respondent, the
/// facts `[registration]` names), with the `fact_true` facts set that
/// lift the acceptance rules refusing it, one rule at a time.
fn probe_complaints(p: &tousu_policy::Policy, at: DateTime<Utc>) -> Vec<Complaint> {
    let reg = p.registration.clone().unwrap_or_default();
    let required: Vec<FactName> = reg
        .required
        .iter()
        .chain(reg.before.iter().flat_map(|b| b.required.iter()))
        .filter_map(|f| match f {
            tousu_policy::RequiredField::Fact(name) => Some(name.clone()),
            _ => None,
        })
        .collect();
    let mut who = person("投诉人");
    who.contact.phone = Some("13800000000".into());
    who.contact.email = Some("probe@example.com".into());
    who.contact.address = Some("甲路1号".into());
    let categories: Vec<Option<CategoryId>> = if p.categories.is_empty() {
        vec![None]
    } else {
        p.categories.iter().map(|c| Some(c.id.clone())).collect()
    };
    let channels = [
        Channel::Phone,
        Channel::Letter,
        Channel::Visit,
        Channel::Email,
        Channel::Web,
        Channel::Referral,
    ];
    let mut out = Vec::new();
    for category in &categories {
        for channel in channels {
            let mut b = Complaint::builder(at, channel, "探针")
                .complainant(who.clone())
                .subject("探针主题")
                .location("1号楼101室")
                .incident_at(at - chrono::Duration::days(1))
                .respondent(Respondent::described("前台").unwrap());
            if let Some(c) = category {
                b = b.category(c.clone());
            }
            for f in &required {
                b = b.fact(f.clone(), text("探针"));
            }
            let Ok(mut c) = b.build() else { continue };
            for _ in 0..8 {
                let Some(rule) = refusing_rule(p, &c) else {
                    break;
                };
                let mut facts = Vec::new();
                facts_read(&rule.when, &mut facts);
                let lifted = facts.into_iter().find_map(|f| {
                    let mut d = c.clone();
                    d.facts.insert(f, yes());
                    (refusing_rule(p, &d).map(|r| &r.id) != Some(&rule.id)).then_some(d)
                });
                let Some(d) = lifted else { break };
                c = d;
            }
            out.push(c);
        }
    }
    out
}

/// The staff of one department in the probe's roster, by role.
struct ProbeCrew {
    /// `ROLE-a`, department `da`'s staff: they drive the case.
    a: Vec<String>,
    /// `ROLE-b`, department `db`'s staff: they are probed.
    b: Vec<String>,
}

/// Registers `c` and accepts it (where acceptance is an act) by `da`'s
/// staff, calling `stage` at each stage reached; why acceptance was
/// refused, if it was (some policies accept at registration). With
/// `first_responder`, the one of `da`'s staff who registers it is
/// recorded as its first responder (首问责任人), so the case was received
/// by `da` (rulings 151, 162); without, nobody is recorded.
fn registered_and_accepted(
    s: &mut Scenario,
    crew: &ProbeCrew,
    (c, first_responder): (&Complaint, bool),
    stage: &mut dyn FnMut(&mut Scenario, &str, DateTime<Utc>),
) -> Result<Option<String>, String> {
    let at = c.received_at;
    let register = |by: Option<&String>| {
        let mut c = c.clone();
        c.first_responder = by.map(|b| sid(b));
        CommandKind::Register {
            case_id: case_id("probe-1"),
            number: None,
            complaint: Box::new(c),
            repeat_count: 0,
        }
    };
    s.case = None;
    s.events.clear();
    let registered = if first_responder {
        let mut why = Err("no actor".to_owned());
        for a in &crew.a {
            why = by_first_or_why(s, std::slice::from_ref(a), at, &register(Some(a)));
            if why.is_ok() {
                break;
            }
        }
        why
    } else {
        by_first_or_why(s, &crew.a, at, &register(None))
    };
    if let Err(why) = registered {
        return Err(format!("registration refused ({why})"));
    }
    stage(s, "registered", at);
    let at = at + chrono::Duration::minutes(10);
    match by_first_or_why(s, &crew.a, at, &accept()) {
        Ok(_) => {
            stage(s, "accepted", at);
            Ok(None)
        }
        Err(why) => Ok(Some(why)),
    }
}

/// Assigns the case within `da` by the first of `da`'s staff who may, to
/// the first of them who may be named (or to the department); the
/// assigner and the assignment, or why no one could.
fn assigned_within_da(
    s: &mut Scenario,
    crew: &ProbeCrew,
    at: DateTime<Utc>,
) -> Result<(String, CommandKind), String> {
    let mut why = None;
    let kinds = crew
        .a
        .iter()
        .map(|h| assign("da", h))
        .chain([assign_department("da")]);
    for kind in kinds {
        match by_first_or_why(s, &crew.a, at, &kind) {
            Ok(by) => return Ok((by, kind)),
            Err(w) => {
                why.get_or_insert(w);
            }
        }
    }
    Err(why.unwrap_or_default())
}

/// How far the probe's case got under a policy: assigned, or why not.
pub struct ProbeReach {
    /// The complaint that got furthest (the first assigned, if one was).
    complaint: Option<Complaint>,
    /// Why no case reached the assigned stage (`None`: one did).
    pub short_of_assigned: Option<String>,
}

/// Tries the probe's complaints (`probe_complaints`) in turn until one is
/// registered, accepted and assigned within `da`.
pub fn probe_reach(file: &str) -> ProbeReach {
    reach_where(&policy(file), &|_| true)
}

/// As `probe_reach`, over the probe's complaints that `keep` keeps.
fn reach_where(p: &tousu_policy::Policy, keep: &dyn Fn(&Complaint) -> bool) -> ProbeReach {
    let crew = probe_crew(p);
    let at = on_day(date(2025, 3, 3)) + chrono::Duration::hours(2);
    let mut s = Scenario::new(p.clone(), two_department_roster(p));
    let mut furthest: Option<(Complaint, String)> = None;
    for c in probe_complaints(p, at).into_iter().filter(|c| keep(c)) {
        let why = match registered_and_accepted(&mut s, &crew, (&c, false), &mut |_, _, _| {}) {
            Err(why) => why,
            Ok(refused) => match assigned_within_da(&mut s, &crew, minutes(at, 20)) {
                Ok(_) => {
                    return ProbeReach {
                        complaint: Some(c),
                        short_of_assigned: None,
                    };
                }
                Err(why) => match refused {
                    Some(r) => format!("acceptance refused ({r}); no assignment ({why})"),
                    None => format!("no assignment ({why})"),
                },
            },
        };
        let registered = !why.starts_with("registration");
        match &furthest {
            Some((_, w)) if registered <= !w.starts_with("registration") => {}
            _ => furthest = Some((c, why)),
        }
    }
    let (complaint, why) = furthest.unzip();
    ProbeReach {
        complaint,
        short_of_assigned: Some(why.unwrap_or_else(|| "no complaint could be built".into())),
    }
}

fn probe_crew(p: &tousu_policy::Policy) -> ProbeCrew {
    let roles = p.roles.iter().map(|r| r.id.to_string());
    ProbeCrew {
        a: roles.clone().map(|r| format!("{r}-a")).collect(),
        b: roles.map(|r| format!("{r}-b")).collect(),
    }
}

/// Every act the probe tries at a stage: the fixed ones, a classification
/// at each level, each escalation step, and an assignment and a transfer
/// to each of `db`'s staff.
fn probe_kinds(p: &tousu_policy::Policy, crew: &ProbeCrew) -> Vec<(String, CommandKind)> {
    let mut kinds: Vec<(String, CommandKind)> = vec![
        ("reply".into(), reply("乙答复")),
        ("close".into(), close()),
        (
            "callback".into(),
            callback(Satisfaction::Satisfied, "乙回访"),
        ),
        ("withdraw".into(), CommandKind::Withdraw { reason: None }),
        ("investigate".into(), investigate()),
        ("findings".into(), findings(FaultParty::Us, "乙")),
        ("propose".into(), propose(vec![], "乙")),
        ("approve".into(), approve()),
        (
            "send_back".into(),
            CommandKind::SendBack {
                reason: "乙".into(),
            },
        ),
        ("escalate".into(), escalate("乙")),
        ("reopen".into(), reopen("乙")),
        (
            "close_abnormally".into(),
            CommandKind::CloseAbnormally {
                reason: "乙".into(),
            },
        ),
        ("accept".into(), accept()),
    ];
    for l in &p.levels {
        kinds.push((
            format!("classify({})", l.id),
            classify_as(l.id.as_str(), "乙"),
        ));
    }
    for st in &p.escalation {
        kinds.push((
            format!("escalate_to({})", st.id),
            escalate_to(st.id.as_str(), "乙"),
        ));
    }
    for h in &crew.b {
        kinds.push((format!("assign(db,{h})"), assign("db", h)));
        kinds.push((format!("transfer(db,{h})"), transfer("db", h, "乙")));
    }
    kinds
}

/// Takes the manual escalation `step` by `da`'s staff on the case as it
/// stands: at once, or after classifying the case at one of the step's
/// levels (each level when it names none), or after the unnamed steps
/// before it: the level it was classified at, if it was; why not, if the
/// step cannot be taken.
fn taken_over(
    s: &mut Scenario,
    crew: &ProbeCrew,
    step: &tousu_policy::EscalationStep,
    levels: &[tousu_policy::Level],
    at: DateTime<Utc>,
) -> Result<Option<String>, String> {
    let kind = escalate_to(step.id.as_str(), "甲");
    let start = (s.case.clone(), s.events.len());
    let mut first_why = None;
    let at_levels = levels
        .iter()
        .filter(|l| step.levels.is_empty() || step.levels.contains(&l.id))
        .map(|l| Some(l.id.to_string()));
    for prep in std::iter::once(None).chain(at_levels) {
        s.case.clone_from(&start.0);
        s.events.truncate(start.1);
        if let Some(l) = &prep
            && !by_first(s, &crew.a, at, &classify_as(l, "甲"))
        {
            continue;
        }
        for _ in 0..4 {
            match by_first_or_why(s, &crew.a, at, &kind) {
                Ok(_) => return Ok(prep),
                Err(why) => first_why.get_or_insert(why),
            };
            if !by_first(s, &crew.a, at, &escalate("甲")) {
                break;
            }
        }
    }
    s.case.clone_from(&start.0);
    s.events.truncate(start.1);
    Err(first_why.unwrap_or_default())
}

/// Department `db`'s staff trying every act at each stage, and the acts taken.
struct Prober {
    /// `db`'s staff.
    b: Vec<String>,
    kinds: Vec<(String, CommandKind)>,
    out: Vec<String>,
    /// Whether a stage where `db` takes nothing says so (`STAGE: nothing`).
    say_nothing: bool,
}

impl Prober {
    /// Tries every act by every one of `db`'s staff on the case as it stands.
    fn stage(&mut self, s: &mut Scenario, stage: &str, at: DateTime<Utc>) {
        let before = self.out.len();
        for actor in &self.b {
            for (name, kind) in &self.kinds {
                if taken(s, actor, at, kind.clone()) {
                    self.out.push(format!("{stage}: {actor} {name}"));
                }
            }
        }
        if self.say_nothing && self.out.len() == before {
            self.out.push(format!("{stage}: nothing"));
        }
    }
}

/// The act probe (fourteenth session; its reach, fifteenth): drives a
/// case under `file` through its stages by department `da`'s staff and,
/// at each, tries every act of every role by department `db`'s staff.
/// Returns `stage: actor act` for each act taken, and `(…)` where a stage
/// was not reached. The case is the first of the probe's complaints the
/// policy lets `da` register, accept and assign (`probe_reach`), with no
/// first responder recorded; the stages: registered, accepted, co-handled
/// (the assignment with `db` co-handling, where the policy allows it),
/// assigned, escalated (each unnamed escalation in turn), taken over (each
/// manual step with `take_over`, from the assigned case), after the reply.
pub fn act_probe(file: &str) -> Vec<String> {
    probe_run(file, false)
}

/// The act probe of a case `da` received (twenty-first session): as
/// [`act_probe`], but the one of `da`'s staff who registers the case is
/// its first responder, so a grant's `holds_case = "received"` (ruling
/// 151) and `"followed"` (ruling 162) read as they would on a case a desk
/// took in, not as `true`; the stages are those before any hand-over
/// (registered, accepted), the assignment to a handler in `da` and each
/// take-over, each named `received/STAGE`, and a stage where `db` takes
/// nothing says so (`received/STAGE: nothing`). An act `db`'s staff take
/// here is one on a case another department holds: a lead for the audit.
pub fn act_probe_received(file: &str) -> Vec<String> {
    probe_run(file, true)
}

/// The act probe, with `da`'s first responder recorded (`received`) or not.
fn probe_run(file: &str, received: bool) -> Vec<String> {
    let p = policy(file);
    let crew = probe_crew(&p);
    let kinds = probe_kinds(&p, &crew);
    let named = |stage: &str| {
        if received {
            format!("received/{stage}")
        } else {
            stage.to_owned()
        }
    };
    let mut pr = Prober {
        b: crew.b.clone(),
        kinds,
        out: Vec::new(),
        say_nothing: received,
    };
    let reach = probe_reach(file);
    let why = reach.short_of_assigned.unwrap_or_default();
    let Some(c) = reach.complaint else {
        return vec![format!("(no one in da registers: {why})")];
    };
    let mut s = Scenario::new(p.clone(), two_department_roster(&p));
    let mut stage = |s: &mut Scenario, n: &str, at| pr.stage(s, &named(n), at);
    if registered_and_accepted(&mut s, &crew, (&c, received), &mut stage).is_err() {
        return vec![format!("(no one in da registers: {why})")];
    }
    let mut at = c.received_at + chrono::Duration::minutes(20);
    let before_assignment = (s.case.clone(), s.events.len());
    let Ok((by, assignment)) = assigned_within_da(&mut s, &crew, at) else {
        pr.out.push(format!("(no one in da assigns to da: {why})"));
        return pr.out;
    };
    let handler = s.case().assignment.as_ref().and_then(|x| x.handler.clone());
    let assigned = (s.case.clone(), s.events.len());
    let rewind = |s: &mut Scenario, to: &(Option<Case>, usize)| {
        s.case.clone_from(&to.0);
        s.events.truncate(to.1);
    };
    // The same assignment with `db` co-handling, in place of the plain one.
    if let CommandKind::Assign { mut assignment } = assignment
        && !received
    {
        rewind(&mut s, &before_assignment);
        assignment.co_handling.push(did("db"));
        if s.run(&by, at, CommandKind::Assign { assignment }).is_ok() {
            pr.stage(&mut s, &format!("co-handled({handler:?})"), at);
        }
        rewind(&mut s, &assigned);
    }
    pr.stage(&mut s, &named(&format!("assigned({handler:?})")), at);
    for n in (1..=4).filter(|_| !received) {
        at += chrono::Duration::minutes(10);
        if !by_first(&mut s, &crew.a, at, &escalate("甲")) {
            break;
        }
        let stage = format!("escalated{n}({:?})", steps_taken(&s));
        pr.stage(&mut s, &stage, at);
    }
    let take_overs = p.escalation.iter().filter(|e| {
        e.take_over.is_some() && matches!(e.after, tousu_policy::EscalationTrigger::Manual)
    });
    for step in take_overs {
        // A step for other categories is taken on a case of one of them.
        let covers = |d: &Complaint| p.step_covers(step, d.category.as_ref());
        let mut other = None;
        if !covers(&c) {
            let Some(d) = reach_where(&p, &covers).complaint else {
                pr.out.push(format!(
                    "(take-over {} not taken: no case of its categories is assigned)",
                    step.id
                ));
                continue;
            };
            let mut o = Scenario::new(p.clone(), two_department_roster(&p));
            let _ = registered_and_accepted(&mut o, &crew, (&d, received), &mut |_, _, _| {});
            let _ =
                assigned_within_da(&mut o, &crew, d.received_at + chrono::Duration::minutes(20));
            other = Some((o, d.category.map(|x| x.to_string()).unwrap_or_default()));
        }
        rewind(&mut s, &assigned);
        let (case, category) = match &mut other {
            Some((o, category)) => (o, Some(category.clone())),
            None => (&mut s, None),
        };
        let mut stage = vec![
            step.id.to_string(),
            step.take_over.iter().map(ToString::to_string).collect(),
        ];
        match taken_over(case, &crew, step, &p.levels, at) {
            Ok(level) => {
                stage.extend(level.into_iter().chain(category));
                let stage = named(&format!("taken-over({})", stage.join(",")));
                pr.stage(case, &stage, at);
            }
            Err(why) => pr
                .out
                .push(format!("(take-over {} not taken: {why})", step.id)),
        }
    }
    if received {
        return pr.out;
    }
    rewind(&mut s, &assigned);
    at += chrono::Duration::minutes(10);
    for kind in [
        investigate(),
        findings(FaultParty::Us, "甲"),
        propose(vec![], "甲"),
        approve(),
        reply("甲答复"),
    ] {
        by_first(&mut s, &crew.a, at, &kind);
    }
    let stage = format!("after-reply({:?})", status(&s));
    pr.stage(&mut s, &stage, at);
    pr.out
}

/// Runs `kind` by `actor`, which must be refused because the case is not
/// with the actor (a grant's `holds_case` unmet, rulings 121, 129, 130),
/// and change nothing.
pub fn refused_not_holding(s: &mut Scenario, actor: &str, at: DateTime<Utc>, kind: CommandKind) {
    let refusal = s.refused(actor, at, kind);
    assert!(
        matches!(&refusal, Rejection::GrantConditionUnmet { unmet, .. }
            if unmet.iter().any(|u| u.contains("holds_case"))),
        "{actor}: {refusal}"
    );
}

/// Transfer to another lead department with no handler named (the department
/// takes it up itself).
pub fn transfer_department(lead: &str, reason: &str) -> CommandKind {
    let CommandKind::Assign { assignment } = assign_department(lead) else {
        unreachable!()
    };
    CommandKind::Transfer {
        assignment,
        reason: reason.into(),
    }
}
