//! proptest strategies for command sequences under *your* policy and
//! roster (feature `proptest`), and a driver that runs them.
//!
//! Available with the `proptest` feature.
//!
//! These are the raw parts: commands are drawn without looking at the
//! case, so most are refused and deep states are rare. To check a policy,
//! prefer the [`testkit`](crate::testkit): its steps follow the policy, its
//! complaints vary their facts, and it reports what was reached.
//!
//! A tester states a law about their policy and lets proptest look for a
//! sequence of commands that breaks it:
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use proptest::prelude::*;
//! use tousu_model::*;
//! use tousu_policy::Policy;
//! use tousu_workflow::{PolicyRuntime, Status, strategies};
//!
//! let rt = PolicyRuntime::new(Policy::default_policy()?)?;
//! let cs = DepartmentId::new("cs")?;
//! let roster = Roster::new(
//!     DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)])?,
//!     vec![Staff::new(StaffId::new("kf")?, "李客服", cs).with_role(RoleId::new("complaint_manager")?)],
//! )?;
//! let start = Utc.with_ymd_and_hms(2025, 11, 3, 1, 0, 0).single().ok_or("time")?;
//! // testkit::config: no failure persistence (a runner outside `proptest!`
//! // knows no source file to persist to).
//! let mut runner = proptest::test_runner::TestRunner::new(tousu_workflow::testkit::config(32));
//! runner.run(&strategies::steps(&rt.policy, &roster, 1..20), |steps| {
//!     let run = strategies::drive(&rt, &roster, "kf", start, &steps).map_err(|e| TestCaseError::fail(e.to_string()))?;
//!     // Law: a case not accepted never runs a clock.
//!     if run.case.status == Status::NotAccepted {
//!         prop_assert!(run.case.open_clocks().next().is_none());
//!     }
//!     Ok(())
//! })?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{DateTime, TimeDelta, Utc};
use proptest::prelude::*;
use tousu_model::{
    CaseId, Channel, CommandId, Complaint, ComplaintFlags, FaultParty, Money, Remedy, RemedyKind,
    Respondent, Roster, Satisfaction, StaffId,
};
use tousu_policy::Policy;

use crate::{
    Assignment, Case, Command, CommandKind, Event, PolicyRuntime, Rejection, decide, evolve,
    register, tick,
};

/// One step of a generated scenario: who does what, some minutes after the last step.
#[derive(Clone, Debug)]
pub struct Step {
    /// The actor (any staff member of the roster, permitted or not).
    pub actor: StaffId,
    /// The command.
    pub kind: CommandKind,
    /// Minutes after the previous step (the clock is ticked in between).
    pub after_minutes: i64,
}

/// A command of any kind, with parameters drawn from the policy (levels,
/// approval thresholds) and the roster (departments, staff), so that most
/// are meaningful and many succeed in the right state.
pub fn command_kind(
    policy: &Policy,
    roster: &Roster,
) -> impl Strategy<Value = CommandKind> + use<> {
    let depts: Vec<_> = roster.departments().iter().map(|d| d.id.clone()).collect();
    let staff: Vec<_> = roster.all_staff().map(|s| s.id.clone()).collect();
    let levels: Vec<_> = policy.levels.iter().map(|l| l.id.clone()).collect();
    // Amounts around each approval threshold, so authority is exercised.
    let mut amounts: Vec<i64> = vec![0, 5_000];
    if let Some(a) = &policy.approval {
        for t in &a.thresholds {
            amounts.extend([t.up_to.fen(), t.up_to.fen().saturating_add(1)]);
        }
    }
    let pick = (
        0u8..24,
        prop::sample::select(depts),
        prop::sample::select(staff),
        prop::sample::select(levels),
        prop::sample::select(amounts),
        any::<bool>(),
    );
    pick.prop_map(|(choice, dept, handler, level, amount, yes)| {
        let assignment = Assignment {
            lead: dept,
            handler: Some(handler),
            co_handling: vec![],
        };
        match choice {
            0 | 1 => CommandKind::Accept {
                override_reason: (!yes).then(|| "经理批准受理".to_owned()),
            },
            2 => CommandKind::NotAccept {
                reason_zh: "不属于受理范围".into(),
                advice_zh: None,
            },
            3 | 4 => CommandKind::Assign { assignment },
            5 => CommandKind::Transfer {
                assignment,
                reason: "转办".into(),
            },
            6 | 7 => CommandKind::StartInvestigation,
            8 => CommandKind::RecordFindings {
                validity: None,
                fault: Some(if yes {
                    FaultParty::Us
                } else {
                    FaultParty::Customer
                }),
                responsible: vec![],
                note: None,
            },
            9 | 10 => CommandKind::ProposeSolution {
                remedies: vec![if amount == 0 {
                    Remedy::new(RemedyKind::Apology)
                } else {
                    Remedy {
                        kind: RemedyKind::Compensation,
                        amount: Some(Money::from_fen(amount)),
                        note: None,
                    }
                }],
                note: None,
            },
            11 | 12 => CommandKind::Approve,
            13 => CommandKind::SendBack {
                reason: "方案不妥".into(),
            },
            14 | 15 => CommandKind::Reply {
                text: "答复客户".into(),
                written: false,
            },
            16 | 17 => CommandKind::RecordCallback {
                satisfaction: if yes {
                    Satisfaction::Satisfied
                } else {
                    Satisfaction::Unsatisfied
                },
                note: None,
            },
            18 => CommandKind::Close,
            19 => CommandKind::Reopen {
                reason: "客户不满意".into(),
            },
            20 => CommandKind::Escalate {
                reason: "上报".into(),
                step: None,
            },
            21 => CommandKind::Classify {
                level: Some(level),
                reason: Some("改级".into()),
            },
            22 => CommandKind::RequestExtension {
                reason: "客户外出".into(),
                until: None,
            },
            _ => {
                if yes {
                    CommandKind::ApproveExtension
                } else {
                    CommandKind::EndExtension
                }
            }
        }
    })
}

/// A step: a command, by a staff member the policy permits to give it
/// (nine times in ten) or by anyone (to exercise refusals), 0 minutes to 3
/// days after the previous step.
pub fn step(policy: &Policy, roster: &Roster) -> impl Strategy<Value = Step> + use<> {
    let staff: Vec<(StaffId, Vec<tousu_model::RoleId>)> = roster
        .all_staff()
        .map(|s| (s.id.clone(), s.roles.iter().cloned().collect()))
        .collect();
    let roles: Vec<(tousu_model::RoleId, Vec<tousu_policy::Action>)> = policy
        .roles
        .iter()
        .map(|r| (r.id.clone(), r.actions.clone()))
        .collect();
    (
        command_kind(policy, roster),
        any::<prop::sample::Index>(),
        0u8..10,
        prop_oneof![0i64..60, 60i64..(3 * 24 * 60)],
    )
        .prop_filter_map(
            "a roster with staff",
            move |(kind, pick, coin, after_minutes)| {
                let action = kind.action();
                let permitted: Vec<&StaffId> = staff
                    .iter()
                    .filter(|(_, mine)| {
                        mine.iter().any(|r| {
                            roles
                                .iter()
                                .any(|(id, acts)| id == r && acts.contains(&action))
                        })
                    })
                    .map(|(id, _)| id)
                    .collect();
                let actor = if coin < 9 && !permitted.is_empty() {
                    pick.get(&permitted).to_owned().clone()
                } else {
                    pick.get(&staff).0.clone()
                };
                Some(Step {
                    actor,
                    kind,
                    after_minutes,
                })
            },
        )
}

/// A sequence of steps.
pub fn steps(
    policy: &Policy,
    roster: &Roster,
    len: std::ops::Range<usize>,
) -> impl Strategy<Value = Vec<Step>> + use<> {
    proptest::collection::vec(step(policy, roster), len)
}

/// What [`drive`] did.
#[derive(Clone, Debug)]
pub struct Run {
    /// The case at the end.
    pub case: Case,
    /// Every event, in order.
    pub events: Vec<Event>,
    /// Every rejected step, with its index.
    pub rejected: Vec<(usize, Rejection)>,
}

/// Why [`drive`] could not run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DriveError {
    /// The registration itself was refused.
    #[error("registration refused: {0}")]
    Register(Rejection),
    /// Time alone failed (a deadline in a year without holiday data).
    #[error("tick failed at step {step}: {rejection}")]
    Tick {
        /// The step.
        step: usize,
        /// Why.
        rejection: Rejection,
    },
    /// An id could not be formed.
    #[error("invalid id: {0}")]
    Id(#[from] tousu_model::ModelError),
}

/// Registers a phone complaint by `registrar` at `start`, then applies each
/// step (ticking the clocks up to its instant first), keeping what was
/// rejected. Rejections are part of the law under test, not failures.
pub fn drive(
    rt: &PolicyRuntime,
    roster: &Roster,
    registrar: &str,
    start: DateTime<Utc>,
    steps: &[Step],
) -> Result<Run, DriveError> {
    let complaint = Complaint::builder(start, Channel::Phone, "自动生成的投诉（属性测试）")
        .respondent(Respondent::described("被投诉岗位")?)
        .flags(ComplaintFlags::default())
        .build()?;
    let reg = Command::new(
        CommandId::new("step-register")?,
        StaffId::new(registrar)?,
        start,
        0,
        CommandKind::Register {
            case_id: CaseId::new("PROP-1")?,
            number: None,
            complaint: Box::new(complaint),
            repeat_count: 0,
        },
    );
    let mut events = register(&reg, &rt.ctx(roster, start)).map_err(DriveError::Register)?;
    let mut case = Case::replay_events(&events).map_err(|e| {
        DriveError::Register(Rejection::InvalidInput {
            path: "events".into(),
            message: e.to_string(),
        })
    })?;
    let mut rejected = Vec::new();
    let mut at = start;
    for (i, s) in steps.iter().enumerate() {
        at += TimeDelta::minutes(s.after_minutes);
        let ticked = tick(&case, &rt.ctx(roster, at))
            .map_err(|rejection| DriveError::Tick { step: i, rejection })?;
        case = ticked.iter().fold(case, evolve);
        events.extend(ticked);
        let cmd = Command::new(
            CommandId::new(format!("step-{i}"))?,
            s.actor.clone(),
            at,
            case.version,
            s.kind.clone(),
        );
        match decide(&case, &cmd, &rt.ctx(roster, at)) {
            Ok(new) => {
                case = new.iter().fold(case, evolve);
                events.extend(new);
            }
            Err(r) => rejected.push((i, r)),
        }
    }
    Ok(Run {
        case,
        events,
        rejected,
    })
}
