// Shared scenario harness for the integration tests: load a policy file from
// `policies/`, build a roster, drive one case through the workflow, and
// render what happened for snapshots.
#![allow(dead_code, unreachable_pub)]

use chrono::{DateTime, FixedOffset, TimeDelta, TimeZone, Utc};
use tousu_model::*;
use tousu_policy::Policy;
use tousu_workflow::*;

/// The path of a file under the repository root.
pub fn repo(path: &str) -> String {
    format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"))
}

/// Loads `policies/NAME`; loading validates, so a policy with any error
/// fails here with every problem and its path.
pub fn policy(name: &str) -> Policy {
    let path = repo(&format!("policies/{name}"));
    Policy::load(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn sid(s: &str) -> StaffId {
    StaffId::new(s).unwrap()
}

pub fn did(s: &str) -> DepartmentId {
    DepartmentId::new(s).unwrap()
}

pub fn level(s: &str) -> LevelId {
    LevelId::new(s).unwrap()
}

pub fn money(s: &str) -> Money {
    s.parse().unwrap()
}

/// An instant given in Beijing time.
pub fn beijing(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .unwrap()
        .to_utc()
}

pub fn minutes(at: DateTime<Utc>, m: i64) -> DateTime<Utc> {
    at + TimeDelta::minutes(m)
}

/// A department: (id, name, parent).
pub type DeptRow<'a> = (&'a str, &'a str, Option<&'a str>);

/// A staff member: (id, name, department, roles, supervisor).
pub type StaffRow<'a> = (&'a str, &'a str, &'a str, &'a [&'a str], Option<&'a str>);

/// Builds a roster from department and staff rows.
pub fn roster(depts: &[DeptRow<'_>], staff: &[StaffRow<'_>]) -> Roster {
    let tree = DepartmentTree::new(
        depts
            .iter()
            .map(|(id, name, parent)| Department::new(did(id), *name, parent.map(did)))
            .collect(),
    )
    .unwrap();
    let people = staff
        .iter()
        .map(|(id, name, dept, roles, sup)| {
            let mut s = Staff::new(sid(id), *name, did(dept));
            for r in *roles {
                s = s.with_role(RoleId::new(*r).unwrap());
            }
            if let Some(sup) = sup {
                s = s.with_supervisor(sid(sup));
            }
            s
        })
        .collect();
    Roster::new(tree, people).unwrap()
}

/// A member of the default policy's cast: (id, department, role, supervisor);
/// the id is also the name.
pub type CastRow<'a> = (&'a str, &'a str, &'a str, Option<&'a str>);

/// The default policy's departments, 总经理室 (hq) over 客服部 (cs) and 工程部
/// (eng), staffed with `staff`.
pub fn default_cast(staff: &[CastRow<'_>]) -> Roster {
    let rows: Vec<StaffRow<'_>> = staff
        .iter()
        .map(|(id, dept, role, sup)| (*id, *id, *dept, std::slice::from_ref(role), *sup))
        .collect();
    roster(
        &[
            ("hq", "总经理室", None),
            ("cs", "客服部", Some("hq")),
            ("eng", "工程部", Some("hq")),
        ],
        &rows,
    )
}

/// Drives one case through the workflow under a policy, keeping every event.
pub struct Scenario {
    pub rt: PolicyRuntime,
    pub roster: Roster,
    pub events: Vec<Event>,
    pub case: Option<Case>,
    n: u32,
}

impl Scenario {
    pub fn new(policy: Policy, roster: Roster) -> Self {
        Scenario {
            rt: PolicyRuntime::new(policy).unwrap(),
            roster,
            events: Vec::new(),
            case: None,
            n: 0,
        }
    }

    pub fn case(&self) -> &Case {
        self.case.as_ref().expect("register first")
    }

    /// Registers `complaint` as case `case_id` by `actor`.
    pub fn register(
        &mut self,
        actor: &str,
        case_id: &str,
        complaint: Complaint,
    ) -> Result<Vec<Event>, Rejection> {
        let at = complaint.received_at;
        let kind = CommandKind::Register {
            case_id: CaseId::new(case_id).unwrap(),
            number: None,
            complaint: Box::new(complaint),
            repeat_count: 0,
        };
        self.run(actor, at, kind)
    }

    /// Decides and applies a command; returns the new events or the rejection.
    pub fn run(
        &mut self,
        actor: &str,
        at: DateTime<Utc>,
        kind: CommandKind,
    ) -> Result<Vec<Event>, Rejection> {
        self.n += 1;
        let version = self.case.as_ref().map_or(0, |c| c.version);
        let cmd = Command::new(
            CommandId::new(format!("cmd-{}", self.n)).unwrap(),
            sid(actor),
            at,
            version,
            kind,
        );
        let ctx = self.rt.ctx(&self.roster, at);
        let events = handle(&mut self.case, &cmd, &ctx)?;
        self.events.extend_from_slice(&events);
        Ok(events)
    }

    /// Runs a command that must be refused, and checks that the refusal
    /// changed nothing (the case and its events are as before): a rejected
    /// command records nothing.
    pub fn refused(&mut self, actor: &str, at: DateTime<Utc>, kind: CommandKind) -> Rejection {
        let name = kind.name();
        let before = (self.case.clone(), self.events.len());
        let refusal = match self.run(actor, at, kind) {
            Err(refusal) => refusal,
            Ok(events) => panic!("{name} by {actor} was taken: {events:?}"),
        };
        assert_eq!(
            (self.case.clone(), self.events.len()),
            before,
            "{name} by {actor} was refused ({refusal}) but changed the case"
        );
        refusal
    }

    /// Runs a command that must succeed.
    pub fn ok(&mut self, actor: &str, at: DateTime<Utc>, kind: CommandKind) -> Vec<Event> {
        let name = kind.name();
        self.run(actor, at, kind)
            .unwrap_or_else(|e| panic!("{name} by {actor}: {e}"))
    }

    /// Lets time pass to `now`: warnings, breaches, escalations.
    pub fn tick(&mut self, now: DateTime<Utc>) -> Vec<Event> {
        let ctx = self.rt.ctx(&self.roster, now);
        let events = tick(self.case(), &ctx).unwrap();
        self.absorb(&events);
        events
    }

    /// The open clocks at `now`.
    pub fn deadlines(&self, now: DateTime<Utc>) -> Vec<DeadlineView> {
        deadlines(self.case(), &self.rt.ctx(&self.roster, now)).unwrap()
    }

    fn absorb(&mut self, events: &[Event]) {
        for e in events {
            self.case = Some(match self.case.take() {
                None => Case::from_registration(e).unwrap(),
                Some(c) => evolve(c, e),
            });
        }
        self.events.extend_from_slice(events);
    }

    /// The case so far as a given / when / then test (the tester's kit,
    /// `testkit::CaseTest`): state the next command and
    /// what it must cause or how it must be refused.
    pub fn then_test(&self) -> testkit::CaseTest<'_> {
        testkit::CaseTest::new(&self.rt, &self.roster).given(&self.events)
    }

    /// Checks that replaying the events rebuilds the case.
    pub fn assert_replays(&self) {
        let replayed = Case::replay(&self.rt.policy, &self.events).unwrap();
        assert_eq!(&replayed, self.case());
    }

    /// The breaches so far, as penalty facts (for `tousu_penalty`).
    pub fn breaches(&self) -> Vec<tousu_penalty::Breach> {
        self.events
            .iter()
            .filter_map(|e| match &e.kind {
                EventKind::MilestoneBreached {
                    milestone,
                    round,
                    level,
                    owner: Some(owner),
                    ..
                } => Some(tousu_penalty::Breach {
                    case: e.case_id.clone(),
                    milestone: milestone.clone(),
                    round: *round,
                    level: level.clone(),
                    owner: owner.clone(),
                    at: e.at,
                }),
                _ => None,
            })
            .collect()
    }
}

/// One line per event: version, Beijing time, actor, type and the fields that
/// matter (the complaint and calendar provenance left out).
pub fn timeline(events: &[Event]) -> String {
    let bj = FixedOffset::east_opt(8 * 3600).unwrap();
    events
        .iter()
        .map(|e| {
            let mut v = serde_json::to_value(&e.kind).unwrap();
            if let Some(o) = v.as_object_mut() {
                o.remove("complaint");
                if let Some(d) = o.get_mut("deadline").and_then(|d| d.as_object_mut()) {
                    d.remove("calendar");
                }
            }
            let who = e
                .actor
                .as_ref()
                .map_or("(clock)".to_owned(), ToString::to_string);
            format!(
                "{:>3} {} {:<8} {}",
                e.version,
                e.at.with_timezone(&bj).format("%Y-%m-%d %H:%M"),
                who,
                v
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}
