//! One customer-service desk and one complaint registered at it, for the
//! timeline tests that then run their own commands.

use chrono::{DateTime, TimeZone, Utc};
use tousu_model::{
    CaseId, Channel, CommandId, Complaint, Department, DepartmentId, DepartmentTree, RoleId,
    Roster, Staff, StaffId,
};
use tousu_policy::Policy;
use tousu_workflow::{Case, Command, CommandBuilder, CommandKind, Event, PolicyRuntime, handle};

/// The desk (李客服, complaint manager of 客服部), its case and the events so far.
pub(crate) struct Desk {
    pub(crate) runtime: PolicyRuntime,
    pub(crate) roster: Roster,
    pub(crate) kf: StaffId,
    pub(crate) t0: DateTime<Utc>,
    pub(crate) case: Option<Case>,
    pub(crate) events: Vec<Event>,
}

impl Desk {
    /// Case `c1`, a phone complaint registered at 09:00 Beijing time on
    /// Monday 3 November 2025, under `policy`.
    pub(crate) fn registered(policy: Policy) -> Self {
        let runtime = PolicyRuntime::new(policy).unwrap();
        let cs = DepartmentId::new("cs").unwrap();
        let kf = StaffId::new("kf").unwrap();
        let roster = Roster::new(
            DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)]).unwrap(),
            vec![
                Staff::new(kf.clone(), "李客服", cs)
                    .with_role(RoleId::new("complaint_manager").unwrap()),
            ],
        )
        .unwrap();
        let t0 = Utc.with_ymd_and_hms(2025, 11, 3, 1, 0, 0).unwrap();
        let complaint = Complaint::builder(t0, Channel::Phone, "热水器漏水")
            .build()
            .unwrap();
        let register = Command::new(
            CommandId::new("f1").unwrap(),
            kf.clone(),
            t0,
            0,
            CommandKind::Register {
                case_id: CaseId::new("c1").unwrap(),
                number: None,
                complaint: Box::new(complaint),
                repeat_count: 0,
            },
        );
        let mut case: Option<Case> = None;
        let events = handle(&mut case, &register, &runtime.ctx(&roster, t0)).unwrap();
        Desk {
            runtime,
            roster,
            kf,
            t0,
            case,
            events,
        }
    }

    /// The desk's command `name` at `at`, against the case's version.
    pub(crate) fn builder(&self, name: &str, at: DateTime<Utc>) -> CommandBuilder {
        let version = self.case.as_ref().unwrap().version;
        Command::builder(CommandId::new(name).unwrap(), self.kf.clone(), at).expecting(version)
    }

    /// Handles `command`, keeping its events.
    pub(crate) fn run(&mut self, command: &Command) {
        let ctx = self.runtime.ctx(&self.roster, command.at);
        let events = handle(&mut self.case, command, &ctx).unwrap();
        self.events.extend(events);
    }
}
