//! The `tousu run` line format (docs/cli.md): JSON lines, each a roster
//! `{"roster": {...}}` or a command `{"case": "K1", "command": {...}}` whose
//! `expected_version` may be left out. Each command goes through the one
//! driver (`handle`: register or decide) and a tick at its instant, as
//! `tousu run` does through the engine. Checked: never a panic, a rejected
//! command changes nothing, a tick at the same instant twice adds nothing
//! the second time, and replaying each case's events rebuilds it.
#![no_main]
use std::collections::BTreeMap;
use std::sync::OnceLock;

use tousu_model::{
    CaseId, Department, DepartmentId, DepartmentTree, RoleId, Roster, Staff, StaffId,
};
use tousu_policy::Policy;
use tousu_workflow::{Case, Command, Event, PolicyRuntime, handle, tick};

/// A line, as `tousu run` reads it.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    roster: Option<Roster>,
    case: Option<CaseId>,
    command: Option<serde_json::Value>,
}

fn runtime() -> &'static PolicyRuntime {
    static RT: OnceLock<PolicyRuntime> = OnceLock::new();
    RT.get_or_init(|| PolicyRuntime::new(Policy::default_policy().unwrap()).unwrap())
}

fn roster() -> Roster {
    let id = |s: &str| StaffId::new(s).unwrap();
    let dept = |s: &str| DepartmentId::new(s).unwrap();
    let role = |s: &str| RoleId::new(s).unwrap();
    let tree = DepartmentTree::new(vec![
        Department::new(dept("hq"), "总经理室", None),
        Department::new(dept("cs"), "客服部", Some(dept("hq"))),
        Department::new(dept("eng"), "工程部", Some(dept("hq"))),
    ])
    .unwrap();
    Roster::new(
        tree,
        vec![
            Staff::new(id("gm"), "赵总", dept("hq")).with_role(role("general_manager")),
            Staff::new(id("kf1"), "李客服", dept("cs")).with_role(role("complaint_manager")),
            Staff::new(id("head1"), "王主管", dept("eng"))
                .with_role(role("department_head"))
                .with_supervisor(id("gm")),
            Staff::new(id("h1"), "张师傅", dept("eng"))
                .with_role(role("handler"))
                .with_supervisor(id("head1")),
        ],
    )
    .unwrap()
}

libfuzzer_sys::fuzz_target!(|text: &str| {
    let rt = runtime();
    let mut roster = roster();
    let mut cases: BTreeMap<CaseId, (Option<Case>, Vec<Event>)> = BTreeMap::new();
    for raw in text.lines().take(64) {
        let Ok(line) = tousu_model::json::from_str::<Line>(raw.trim()) else {
            continue;
        };
        let (named, mut value) = match line {
            Line { roster: Some(r), case: None, command: None } => {
                roster = r;
                continue;
            }
            Line { roster: None, case, command: Some(value) } => (case, value),
            _ => continue,
        };
        // Which case: the one a register command names, else the line's.
        let registers = value.pointer("/kind/type").and_then(|t| t.as_str()) == Some("register");
        let case_id = if registers {
            let id = value.pointer("/kind/case_id").and_then(|v| v.as_str());
            match id.map(CaseId::new) {
                Some(Ok(id)) => id,
                _ => continue,
            }
        } else {
            match named {
                Some(id) => id,
                None => continue,
            }
        };
        let entry = cases.entry(case_id).or_insert((None, Vec::new()));
        if let Some(object) = value.as_object_mut()
            && object.get("expected_version").is_none_or(serde_json::Value::is_null)
        {
            let version = entry.0.as_ref().map_or(0, |c| c.version);
            object.insert("expected_version".to_owned(), version.into());
        }
        let Ok(command) = serde_json::from_value::<Command>(value) else {
            continue;
        };
        let before = entry.0.clone();
        match handle(&mut entry.0, &command, &rt.ctx(&roster, command.at)) {
            Ok(events) => entry.1.extend(events),
            Err(_) => assert_eq!(entry.0, before, "a rejected command changed the case"),
        }
        let Some(case) = entry.0.as_ref() else {
            continue;
        };
        let ctx = rt.ctx(&roster, command.at);
        if let Ok(events) = tick(case, &ctx) {
            let mut case = case.clone();
            for e in &events {
                case = tousu_workflow::evolve(case, e);
            }
            let again = tick(&case, &ctx).unwrap_or_default();
            assert!(again.is_empty(), "a second tick at the same instant added {again:?}");
            entry.1.extend(events);
            entry.0 = Some(case);
        }
    }
    for (id, (case, events)) in &cases {
        if let Some(case) = case {
            let replayed = Case::replay_events(events)
                .unwrap_or_else(|e| panic!("case {id}: its events do not replay: {e}"));
            assert_eq!(&replayed, case, "case {id}: replay differs from the incremental case");
        }
    }
});
