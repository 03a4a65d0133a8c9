// Shared fixtures for the workflow tests: the default policy, a small
// organization, and helpers to run commands.
#![allow(dead_code, unreachable_pub)]

use chrono::{DateTime, FixedOffset, TimeDelta, TimeZone, Utc};
use tousu_model::*;
use tousu_policy::Policy;
use tousu_workflow::*;

pub fn runtime() -> PolicyRuntime {
    PolicyRuntime::new(Policy::default_policy().unwrap()).unwrap()
}

pub fn sid(s: &str) -> StaffId {
    StaffId::new(s).unwrap()
}

pub fn did(s: &str) -> DepartmentId {
    DepartmentId::new(s).unwrap()
}

fn role(s: &str) -> RoleId {
    RoleId::new(s).unwrap()
}

/// 客服部 (cs), 工程部 (eng), 总经理室 (hq).
pub fn roster() -> Roster {
    let tree = DepartmentTree::new(vec![
        Department::new(did("hq"), "总经理室", None),
        Department::new(did("cs"), "客服部", Some(did("hq"))),
        Department::new(did("eng"), "工程部", Some(did("hq"))),
    ])
    .unwrap();
    let staff = vec![
        Staff::new(sid("gm"), "赵总", did("hq")).with_role(role("general_manager")),
        Staff::new(sid("kf1"), "李客服", did("cs")).with_role(role("complaint_manager")),
        Staff::new(sid("head1"), "王主管", did("eng"))
            .with_role(role("department_head"))
            .with_supervisor(sid("gm")),
        Staff::new(sid("h1"), "张师傅", did("eng"))
            .with_role(role("handler"))
            .with_supervisor(sid("head1")),
        Staff::new(sid("resp"), "刘师傅", did("eng"))
            .with_role(role("handler"))
            .with_supervisor(sid("head1")),
    ];
    Roster::new(tree, staff).unwrap()
}

/// The tester's kit's cast on the default policy: 总经理室 over 客服部 and
/// 工程部, each member named by its id.
pub fn kit_roster() -> Roster {
    let d = |s: &str| DepartmentId::new(s).unwrap();
    let s = |id: &str, dept: &str, role: &str, sup: Option<&str>| {
        let st = Staff::new(StaffId::new(id).unwrap(), id, d(dept))
            .with_role(RoleId::new(role).unwrap());
        match sup {
            Some(x) => st.with_supervisor(StaffId::new(x).unwrap()),
            None => st,
        }
    };
    Roster::new(
        DepartmentTree::new(vec![
            Department::new(d("hq"), "总经理室", None),
            Department::new(d("cs"), "客服部", Some(d("hq"))),
            Department::new(d("eng"), "工程部", Some(d("hq"))),
        ])
        .unwrap(),
        vec![
            s("gm", "hq", "general_manager", None),
            s("kf", "cs", "complaint_manager", Some("gm")),
            s("head", "eng", "department_head", Some("gm")),
            s("h1", "eng", "handler", Some("head")),
        ],
    )
    .unwrap()
}

/// When the kit's runs start: Monday 3 March 2025, 09:00 in Beijing.
pub fn kit_start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 3, 1, 0, 0).unwrap()
}

/// The default policy with the handler reporting the result and the
/// department head, then the general manager, signing the report before the
/// callback (as S04 一4's 《维修跟踪记录表》).
pub fn signed_result_report_policy() -> Policy {
    use tousu_policy::Action;
    let mut policy = Policy::default_policy().unwrap();
    policy.schema_version = 2;
    policy.record_sign_offs.push(
        serde_json::from_value(serde_json::json!({
            "record": "result_report",
            "chain": ["department_head", "general_manager"],
            "required": true,
        }))
        .unwrap(),
    );
    for role in &mut policy.roles {
        match role.id.as_str() {
            "handler" => role.actions.push(Action::RecordAction),
            "department_head" | "general_manager" => role.actions.push(Action::SignRecord),
            _ => {}
        }
    }
    policy.validate().unwrap();
    policy
}

pub fn beijing(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .unwrap()
        .to_utc()
}

pub fn complaint(at: DateTime<Utc>) -> Complaint {
    Complaint::builder(at, Channel::Phone, "热水器安装后漏水，地板泡坏")
        .complainant(
            Complainant::person("王先生")
                .unwrap()
                .with_phone("13900000001"),
        )
        .category(CategoryId::new("installation_repair").unwrap())
        .respondent(Respondent::staff(sid("resp")))
        .first_responder(sid("kf1"))
        .build()
        .unwrap()
}

/// Runs commands against one case, keeping every event.
pub struct Harness {
    pub rt: PolicyRuntime,
    pub roster: Roster,
    pub events: Vec<Event>,
    pub case: Option<Case>,
    n: u32,
}

impl Harness {
    pub fn new() -> Self {
        Harness {
            rt: runtime(),
            roster: roster(),
            events: Vec::new(),
            case: None,
            n: 0,
        }
    }

    pub fn case(&self) -> &Case {
        self.case.as_ref().unwrap()
    }

    fn next_id(&mut self) -> CommandId {
        self.n += 1;
        CommandId::new(format!("cmd-{}", self.n)).unwrap()
    }

    pub fn command(&mut self, actor: &str, at: DateTime<Utc>, kind: CommandKind) -> Command {
        let version = self.case.as_ref().map_or(0, |c| c.version);
        let id = self.next_id();
        Command::new(id, sid(actor), at, version, kind)
    }

    /// Decides and applies; returns the new events.
    pub fn run(
        &mut self,
        actor: &str,
        at: DateTime<Utc>,
        kind: CommandKind,
    ) -> Result<Vec<Event>, Rejection> {
        let cmd = self.command(actor, at, kind);
        self.apply_command(&cmd)
    }

    pub fn apply_command(&mut self, cmd: &Command) -> Result<Vec<Event>, Rejection> {
        let ctx = self.rt.ctx(&self.roster, cmd.at);
        let events = handle(&mut self.case, cmd, &ctx)?;
        self.events.extend_from_slice(&events);
        Ok(events)
    }

    pub fn tick(&mut self, now: DateTime<Utc>) -> Vec<Event> {
        let ctx = self.rt.ctx(&self.roster, now);
        let events = tick(self.case(), &ctx).unwrap();
        self.absorb(&events);
        events
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

    pub fn register_default(&mut self, at: DateTime<Utc>) {
        let kind = CommandKind::Register {
            case_id: CaseId::new("K-202509-0001").unwrap(),
            number: None,
            complaint: Box::new(complaint(at)),
            repeat_count: 0,
        };
        self.run("kf1", at, kind).unwrap();
    }

    /// Registered at `at`, accepted by kf1 5 minutes later, assigned to
    /// h1 of `eng` at 10 minutes, under investigation by h1 at 30.
    pub fn investigating_from(&mut self, at: DateTime<Utc>) {
        self.register_default(at);
        let accept = CommandKind::Accept {
            override_reason: None,
        };
        self.run("kf1", Self::minutes(at, 5), accept).unwrap();
        let assign = CommandKind::Assign {
            assignment: Assignment {
                lead: did("eng"),
                handler: Some(sid("h1")),
                co_handling: vec![],
            },
        };
        self.run("kf1", Self::minutes(at, 10), assign).unwrap();
        let start = CommandKind::StartInvestigation;
        self.run("h1", Self::minutes(at, 30), start).unwrap();
    }

    pub fn minutes(at: DateTime<Utc>, m: i64) -> DateTime<Utc> {
        at + TimeDelta::minutes(m)
    }
}

/// One line per event: version, Beijing time, type and the fields that matter.
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
                "{:>3} {} {:<7} {}",
                e.version,
                e.at.with_timezone(&bj).format("%m-%d %H:%M"),
                who,
                v
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The default policy with each `(role, action)` of `moved` taken out of the
/// role's actions into a grant held under `holds_case = value` (the
/// holds_case readings' tests, rulings 165, 166, 173).
pub fn policy_holding(moved: &[(&str, tousu_policy::Action)], value: &serde_json::Value) -> Policy {
    let mut policy = Policy::default_policy().unwrap();
    for (role_id, action) in moved {
        let role = policy
            .roles
            .iter_mut()
            .find(|r| r.id.as_str() == *role_id)
            .unwrap();
        role.actions.retain(|a| a != action);
        let grant: tousu_policy::Grant = serde_json::from_value(serde_json::json!({
            "actions": [action],
            "holds_case": value,
        }))
        .unwrap();
        role.grants.push(grant);
    }
    policy.validate().unwrap();
    policy
}

/// [`roster`] with 运维部 (`ops`) beside 工程部 under 总经理室, and `extra`
/// staff, each `(id, name, department, role)`.
pub fn roster_with_ops(extra: &[(&str, &str, &str, &str)]) -> Roster {
    let base = roster();
    let mut departments: Vec<Department> = base.departments().iter().cloned().collect();
    departments.push(Department::new(did("ops"), "运维部", Some(did("hq"))));
    let mut staff: Vec<Staff> = base.all_staff().cloned().collect();
    for (id, name, department, role) in extra {
        staff.push(
            Staff::new(sid(id), *name, did(department)).with_role(RoleId::new(*role).unwrap()),
        );
    }
    Roster::new(DepartmentTree::new(departments).unwrap(), staff).unwrap()
}

/// A spoken reply: 「已安排维修」.
pub fn spoken_reply() -> CommandKind {
    CommandKind::Reply {
        text: "已安排维修".into(),
        written: false,
    }
}

/// S18's policy file and the index of its role `responsible_dept`, whose
/// grants after the `manual-leader` take-over the `acts_on_any_case` tests
/// read (rulings 165, 173).
pub fn s18_responsible_dept() -> (Policy, usize) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../policies/water-chengdu-s18.toml"
    );
    let p = Policy::from_toml_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let i = p
        .roles
        .iter()
        .position(|r| r.id.as_str() == "responsible_dept")
        .unwrap();
    (p, i)
}

/// The `acts_on_any_case` note `policy check` prints for `roles[i]`, if any.
pub fn any_case_note(p: &Policy, i: usize) -> Option<String> {
    tousu_policy::check_invariants(p)
        .into_iter()
        .find(|f| f.invariant == "acts_on_any_case" && f.path == format!("roles[{i}]"))
        .map(|f| f.message)
}
