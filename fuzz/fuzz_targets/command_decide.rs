//! Command JSON through the decider against a case registered under the
//! default policy, with every recordable action allowed as a late entry
//! (`occurred_at`) within 24 hours: never a panic, and a rejected command
//! changes nothing.
#![no_main]
use std::sync::OnceLock;

use tousu_model::{
    CaseId, Channel, Complainant, Complaint, Department, DepartmentId, DepartmentTree, RoleId,
    Roster, Staff, StaffId,
};
use tousu_policy::{LateEntry, Policy};
use tousu_workflow::{Case, Command, CommandKind, PolicyRuntime, handle};

struct Fixture {
    rt: PolicyRuntime,
    roster: Roster,
    case: Case,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let mut policy = Policy::default_policy().unwrap();
        policy.late_entries.push(LateEntry {
            actions: LateEntry::RECORDABLE.to_vec(),
            within: "24 hours".parse().unwrap(),
        });
        let rt = PolicyRuntime::new(policy).unwrap();
        let id = |s: &str| StaffId::new(s).unwrap();
        let dept = |s: &str| DepartmentId::new(s).unwrap();
        let role = |s: &str| RoleId::new(s).unwrap();
        let tree = DepartmentTree::new(vec![
            Department::new(dept("hq"), "总经理室", None),
            Department::new(dept("cs"), "客服部", Some(dept("hq"))),
        ])
        .unwrap();
        let roster = Roster::new(
            tree,
            vec![
                Staff::new(id("gm"), "赵总", dept("hq")).with_role(role("general_manager")),
                Staff::new(id("kf1"), "李客服", dept("cs")).with_role(role("complaint_manager")),
            ],
        )
        .unwrap();
        let at = "2025-11-03T01:00:00Z".parse().unwrap();
        let complaint = Complaint::builder(at, Channel::Phone, "漏水")
            .complainant(Complainant::person("王先生").unwrap())
            .build()
            .unwrap();
        let register = Command::new(
            "c0".parse().unwrap(),
            id("kf1"),
            at,
            0,
            CommandKind::Register {
                case_id: CaseId::new("K1").unwrap(),
                number: None,
                complaint: Box::new(complaint),
                repeat_count: 0,
            },
        );
        let mut case = None;
        handle(&mut case, &register, &rt.ctx(&roster, at)).unwrap();
        Fixture {
            rt,
            roster,
            case: case.unwrap(),
        }
    })
}

libfuzzer_sys::fuzz_target!(|text: &str| {
    let Ok(command) = tousu_model::json::from_str::<Command>(text) else {
        return;
    };
    let f = fixture();
    let mut case = Some(f.case.clone());
    if handle(&mut case, &command, &f.rt.ctx(&f.roster, command.at)).is_err() {
        assert_eq!(case.as_ref(), Some(&f.case), "a rejected command changed the case");
    }
});
