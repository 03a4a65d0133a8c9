//! What the kit generates: complaint facts, and steps whose command is
//! resolved against the case as it stands when the step runs (so that the
//! generator follows the policy into deep states instead of being refused
//! in the first status).

use chrono::{DateTime, TimeDelta, Utc};
use proptest::prelude::*;
use proptest::sample::Index;
use tousu_model::{
    CaseId, CategoryId, Channel, Complaint, ComplaintFlags, FaultParty, ModelError, Money, Remedy,
    RemedyKind, Respondent, Roster, Satisfaction,
};
use tousu_policy::Policy;

use crate::{Assignment, CommandKind};

/// Who the complaint is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RespondentFacts {
    /// No respondent named.
    Nobody,
    /// A post or person described in words, not on the roster.
    Described,
    /// A staff member on the roster (recusal applies to them, and to their
    /// supervisor where the policy says so).
    Staff(tousu_model::StaffId),
    /// A department (declared conflicts of interest name departments).
    Department(tousu_model::DepartmentId),
}

/// The facts of a generated complaint; every field is one a policy's
/// acceptance, classification or recusal rules may read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facts {
    /// How it came in.
    pub channel: Channel,
    /// The category, one of the policy's (or none).
    pub category: Option<CategoryId>,
    /// Who it is about.
    pub respondent: RespondentFacts,
    /// The compensation the complainant asks for, if any.
    pub claimed: Option<Money>,
    /// Media exposure, injury, litigation, confidentiality ….
    pub flags: ComplaintFlags,
    /// The complainant left a phone number ([`PHONE`]); without one, a
    /// policy that owes a contact before handing a case on
    /// (`registration.before`) refuses until `complete_details` gives it.
    pub contact: bool,
}

/// The phone number a generated complainant leaves, and the one a
/// generated `complete_details` gives: completing a complaint that has it
/// already changes nothing, and is refused.
pub const PHONE: &str = "13800000000";

impl Facts {
    /// The complaint these facts describe, received at `at`.
    ///
    /// # Errors
    /// When the model refuses it (an empty description cannot happen here;
    /// the error is passed on rather than hidden).
    pub fn complaint(&self, at: DateTime<Utc>) -> Result<Complaint, ModelError> {
        let mut b = Complaint::builder(at, self.channel, "属性测试生成的投诉").flags(self.flags);
        if self.contact {
            b = b.complainant(tousu_model::Complainant::anonymous().with_phone(PHONE));
        }
        if let Some(c) = &self.category {
            b = b.category(c.clone());
        }
        b = match &self.respondent {
            RespondentFacts::Nobody => b,
            RespondentFacts::Described => b.respondent(Respondent::described("被投诉岗位")?),
            RespondentFacts::Staff(s) => b.respondent(Respondent::staff(s.clone())),
            RespondentFacts::Department(d) => b.respondent(Respondent::department(d.clone())),
        };
        if let Some(m) = self.claimed {
            b = b.request(Remedy::with_amount(RemedyKind::Compensation, m)?);
        }
        b.build()
    }
}

/// Amounts worth trying under `policy`: zero, and one fen below, at and
/// above every approval threshold and twice it, so that approvals are attempted on both
/// sides of each limit.
pub fn amounts(policy: &Policy) -> Vec<Money> {
    let mut out = vec![Money::ZERO, Money::from_fen(5_000)];
    if let Some(a) = &policy.approval {
        for t in &a.thresholds {
            let f = t.up_to.fen();
            out.extend(
                [
                    f.saturating_sub(1),
                    f,
                    f.saturating_add(1),
                    f.saturating_mul(2),
                ]
                .map(Money::from_fen),
            );
        }
    }
    out.retain(|m| m.fen() >= 0);
    out.sort();
    out.dedup();
    out
}

/// Complaint facts drawn from the policy (its categories and claim
/// thresholds) and the roster (respondents who are staff, so recusal is
/// reached; their departments, so declared conflicts are).
pub fn facts(policy: &Policy, roster: &Roster) -> impl Strategy<Value = Facts> + use<> {
    let categories: Vec<Option<CategoryId>> = std::iter::once(None)
        .chain(policy.categories.iter().map(|c| Some(c.id.clone())))
        .collect();
    let staff: Vec<RespondentFacts> = roster
        .all_staff()
        .map(|s| RespondentFacts::Staff(s.id.clone()))
        .collect();
    let departments: Vec<RespondentFacts> = roster
        .departments()
        .iter()
        .map(|d| RespondentFacts::Department(d.id.clone()))
        .collect();
    // A staff member on the roster one complaint in four: often enough to
    // reach recusal, rarely enough that most cases can be handled through.
    let respondents = prop_oneof![
        4 => prop::sample::select(vec![RespondentFacts::Nobody, RespondentFacts::Described]),
        2 => prop::sample::select(staff),
        2 => prop::sample::select(departments),
    ];
    let claims: Vec<Option<Money>> = std::iter::once(None)
        .chain(
            amounts(policy)
                .into_iter()
                .filter(|m| !m.is_zero())
                .map(Some),
        )
        .collect();
    let channels = vec![
        Channel::Phone,
        Channel::Visit,
        Channel::Letter,
        Channel::Email,
        Channel::Web,
        Channel::Media,
    ];
    (
        prop::sample::select(channels),
        prop::sample::select(categories),
        respondents,
        prop::sample::select(claims),
        // Flags are rare, as in life: each is set one time in eight.
        prop::array::uniform5(prop::bool::weighted(0.125)),
        // A contact one complaint in two: both sides of `registration.before`.
        any::<bool>(),
    )
        .prop_map(|(channel, category, respondent, claimed, f, contact)| {
            let [
                media_exposure,
                injury_or_safety,
                in_litigation,
                handled_by_other_authority,
                confidential,
            ] = f;
            let flags = ComplaintFlags {
                media_exposure,
                injury_or_safety,
                in_litigation,
                handled_by_other_authority,
                confidential,
            };
            Facts {
                channel,
                category,
                respondent,
                claimed,
                flags,
                contact,
            }
        })
}

/// One step: the command is chosen when the step runs, among those the
/// case's status allows (nine steps in ten, "guided") or among all of them
/// (the tenth, so refusals are exercised too), by an actor who holds a
/// role granted the action (guided) or anyone.
#[derive(Clone, Debug)]
pub struct Step {
    /// Which command among the candidates.
    pub pick: Index,
    /// Which actor among those eligible.
    pub actor: Index,
    /// Which option of the command (override or not, `until` or not, …).
    pub option: Index,
    /// The amount a proposed solution carries.
    pub amount: Money,
    /// Minutes after the previous step; the clocks are ticked in between.
    pub after_minutes: i64,
    /// Whether the choice is limited to commands the status allows.
    pub guided: bool,
    /// Which kind of command a guided step prefers.
    pub lane: Lane,
}

/// The kinds of command a guided step chooses among, so that cases move
/// forward most of the time and still take every side road and exit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lane {
    /// The lifecycle's main road: accept, assign, investigate, propose,
    /// approve, reply, call back, close, reopen, send back.
    Progress,
    /// Side roads: classify, escalate, agreed deadlines, extensions, merges, notes.
    Side,
    /// Exits: not accepted, withdrawn, closed abnormally or unreachable.
    Exit,
}

impl Lane {
    /// The lane a command belongs to.
    pub fn of(kind: &CommandKind) -> Lane {
        match kind {
            CommandKind::NotAccept { .. }
            | CommandKind::Withdraw { .. }
            | CommandKind::CloseAbnormally { .. }
            | CommandKind::CloseUnreachable { .. } => Lane::Exit,
            CommandKind::Register { .. }
            | CommandKind::Accept { .. }
            | CommandKind::Assign { .. }
            | CommandKind::Transfer { .. }
            | CommandKind::StartInvestigation
            | CommandKind::RecordFindings { .. }
            | CommandKind::ProposeSolution { .. }
            | CommandKind::Approve
            | CommandKind::SendBack { .. }
            | CommandKind::Reply { .. }
            | CommandKind::RecordCallback { .. }
            | CommandKind::Close
            | CommandKind::Reopen { .. } => Lane::Progress,
            CommandKind::Classify { .. }
            | CommandKind::Escalate { .. }
            | CommandKind::SetAgreedDeadline { .. }
            | CommandKind::RequestExtension { .. }
            | CommandKind::ApproveExtension
            | CommandKind::DenyExtension { .. }
            | CommandKind::EndExtension
            | CommandKind::MergeRepeat { .. }
            | CommandKind::AddNote { .. }
            | CommandKind::RecordAction { .. }
            | CommandKind::RecordFacts { .. }
            | CommandKind::SignRecord { .. }
            | CommandKind::CompleteDetails { .. }
            | CommandKind::MigratePolicy { .. } => Lane::Side,
        }
    }
}

/// A generated scenario: a complaint and what happens to it.
#[derive(Clone, Debug)]
pub struct Scenario {
    /// The complaint's facts.
    pub facts: Facts,
    /// Minutes after the kit's start at which it is received.
    pub start_minutes: i64,
    /// The steps.
    pub steps: Vec<Step>,
}

/// A step under `policy`.
pub fn step(policy: &Policy) -> impl Strategy<Value = Step> + use<> {
    // As often above the lowest limit as within it, so approvals are tried
    // on both sides of it.
    let lowest = policy
        .approval
        .iter()
        .flat_map(|a| &a.thresholds)
        .map(|t| t.up_to)
        .min()
        .unwrap_or(Money::MAX);
    let (within, above): (Vec<Money>, Vec<Money>) =
        amounts(policy).into_iter().partition(|m| *m <= lowest);
    let amount = if above.is_empty() {
        prop::sample::select(within).boxed()
    } else {
        prop_oneof![prop::sample::select(within), prop::sample::select(above)].boxed()
    };
    (
        any::<Index>(),
        any::<Index>(),
        any::<Index>(),
        amount,
        // Mostly within the day, sometimes days apart (to breach).
        prop_oneof![4 => 0i64..240, 1 => 240i64..(5 * 24 * 60)],
        prop::bool::weighted(0.9),
        prop_oneof![24 => Just(Lane::Progress), 8 => Just(Lane::Side), 1 => Just(Lane::Exit)],
    )
        .prop_map(
            |(pick, actor, option, amount, after_minutes, guided, lane)| Step {
                pick,
                actor,
                option,
                amount,
                after_minutes,
                guided,
                lane,
            },
        )
}

/// A scenario under `policy` and `roster` with up to `max_steps` steps,
/// received within 30 days of the start.
pub fn scenario(
    policy: &Policy,
    roster: &Roster,
    max_steps: usize,
) -> impl Strategy<Value = Scenario> + use<> {
    (
        facts(policy, roster),
        0i64..(30 * 24 * 60),
        prop::collection::vec(step(policy), 1..max_steps.max(2)),
    )
        .prop_map(|(facts, start_minutes, steps)| Scenario {
            facts,
            start_minutes,
            steps,
        })
}

/// What a step's options are drawn from: the roster's departments and
/// staff, the policy's levels and the records it has signed in order.
#[derive(Clone, Debug)]
pub(crate) struct Choices {
    pub(crate) departments: Vec<tousu_model::DepartmentId>,
    pub(crate) staff: Vec<tousu_model::StaffId>,
    pub(crate) levels: Vec<tousu_model::LevelId>,
    /// The records the policy has a sign-off chain for (`record_sign_offs`).
    pub(crate) records: Vec<tousu_policy::SignedRecord>,
}

impl Choices {
    pub(crate) fn new(policy: &Policy, roster: &Roster) -> Self {
        Choices {
            departments: roster.departments().iter().map(|d| d.id.clone()).collect(),
            staff: roster.all_staff().map(|s| s.id.clone()).collect(),
            levels: policy.levels.iter().map(|l| l.id.clone()).collect(),
            records: policy.record_sign_offs.iter().map(|r| r.record).collect(),
        }
    }

    /// The signatures a step may give: one for each record the policy
    /// chains — the result report too (ruling 55), so a case whose callback
    /// waits for it can get past it — or, for a policy that chains none,
    /// the findings or the callback by option (refused: no chain). Where the
    /// result report is chained, the report itself is offered as well (the
    /// recorded actions otherwise give it one time in five).
    fn signatures(&self, yes: bool) -> Vec<CommandKind> {
        use tousu_policy::SignedRecord;
        if self.records.is_empty() {
            let record = if yes {
                SignedRecord::Findings
            } else {
                SignedRecord::Callback
            };
            return vec![CommandKind::SignRecord { record }];
        }
        let mut out: Vec<CommandKind> = self
            .records
            .iter()
            .map(|&record| CommandKind::SignRecord { record })
            .collect();
        if self.records.contains(&SignedRecord::ResultReport) {
            out.push(CommandKind::RecordAction {
                action: tousu_policy::CaseAction::ReportSubmitted,
                note: Some("处理结果报客户服务中心".to_owned()),
                milestone: None,
            });
        }
        out
    }

    /// One command of every kind but registration, its options chosen by
    /// `step.option`: every option the lifecycle knows (agreed deadlines,
    /// withdrawals, abnormal and unreachable closures, denied extensions,
    /// merges, extensions with and without `until`, completed details that
    /// give something, something blank or nothing).
    pub(crate) fn candidates(
        &self,
        step: &Step,
        at: DateTime<Utc>,
    ) -> Result<Vec<CommandKind>, ModelError> {
        let o = step.option.index(1 << 16);
        let yes = o.is_multiple_of(2);
        let days = |n: i64| at + TimeDelta::days(n);
        let assignment = || -> Option<Assignment> {
            let lead = pick(&self.departments, o)?.clone();
            Some(Assignment {
                lead,
                handler: pick(&self.staff, o / 2).cloned(),
                co_handling: vec![],
            })
        };
        let mut c = vec![
            CommandKind::Accept {
                override_reason: (!yes).then(|| "经理批准受理".to_owned()),
            },
            CommandKind::NotAccept {
                reason_zh: "不属于受理范围".into(),
                advice_zh: yes.then(|| "请向有关部门反映".to_owned()),
            },
            CommandKind::Classify {
                level: if yes {
                    None
                } else {
                    pick(&self.levels, o / 2).cloned()
                },
                reason: (!yes).then(|| "改级".to_owned()),
            },
            CommandKind::StartInvestigation,
            CommandKind::RecordFindings {
                validity: None,
                fault: Some(
                    [FaultParty::Us, FaultParty::Customer, FaultParty::ThirdParty]
                        .get(o % 3)
                        .copied()
                        .unwrap_or(FaultParty::Us),
                ),
                responsible: vec![],
                note: None,
            },
            CommandKind::ProposeSolution {
                remedies: vec![if step.amount.is_zero() {
                    Remedy::new(RemedyKind::Apology)
                } else {
                    Remedy::with_amount(RemedyKind::Compensation, step.amount)?
                }],
                note: None,
            },
            CommandKind::Approve,
            CommandKind::SendBack {
                reason: "方案不妥".into(),
            },
            CommandKind::Reply {
                text: "答复客户".into(),
                written: false,
            },
            CommandKind::RecordCallback {
                satisfaction: if yes {
                    Satisfaction::Satisfied
                } else {
                    Satisfaction::Unsatisfied
                },
                note: None,
            },
            CommandKind::Close,
            CommandKind::Reopen {
                reason: "客户不满意".into(),
            },
            CommandKind::Escalate {
                reason: "上报".into(),
                step: None,
            },
            CommandKind::SetAgreedDeadline {
                deadline: days(i64::try_from(o % 10).unwrap_or(0) + 1),
            },
            CommandKind::RequestExtension {
                reason: "客户外出".into(),
                until: (!yes).then(|| days(i64::try_from(o % 7).unwrap_or(0) + 3)),
            },
            CommandKind::ApproveExtension,
            CommandKind::DenyExtension {
                reason: "理由不足".into(),
            },
            CommandKind::EndExtension,
            CommandKind::CloseAbnormally {
                reason: "客户无理纠缠".into(),
            },
            CommandKind::CloseUnreachable {
                notified_at: at - TimeDelta::days(i64::try_from(o % 10).unwrap_or(0)),
            },
            CommandKind::Withdraw {
                reason: yes.then(|| "客户撤诉".to_owned()),
            },
            CommandKind::MergeRepeat {
                repeat: CaseId::new(format!("REPEAT-{}", o % 3))?,
                new_facts: yes,
            },
            CommandKind::AddNote {
                text: "补充材料".into(),
                attachments: vec![],
            },
            CommandKind::RecordFacts {
                facts: [(
                    tousu_model::FactName::new("facts_match_complaint")?,
                    tousu_model::FactValue::Bool(yes),
                )]
                .into(),
            },
            CommandKind::RecordAction {
                action: tousu_policy::CaseAction::ALL
                    .get(o % tousu_policy::CaseAction::ALL.len())
                    .copied()
                    .unwrap_or(tousu_policy::CaseAction::CustomerContacted),
                note: yes.then(|| "已电话联系客户".to_owned()),
                milestone: None,
            },
        ];
        c.extend(self.signatures(yes));
        c.push(CommandKind::CompleteDetails {
            details: Box::new(details(o / 4)),
        });
        if let Some(assignment) = assignment() {
            c.push(CommandKind::Assign {
                assignment: assignment.clone(),
            });
            c.push(CommandKind::Transfer {
                assignment,
                reason: "转办".into(),
            });
        }
        Ok(c)
    }
}

/// What a `complete_details` gives, by option: most often the phone a
/// contact owed before a hand-over needs (given twice, or to a complaint
/// that has it, it changes nothing and is refused), else the name and the
/// subject, the location and an e-mail, an address; one time in eight
/// something blank, one in eight nothing (both refused as invalid input).
fn details(o: usize) -> crate::Details {
    use crate::Details;
    use tousu_model::Contact;
    let text = |t: &str| Some(t.to_owned());
    let contact = |phone, email, address| Contact {
        phone,
        email,
        address,
        ..Contact::default()
    };
    match o % 8 {
        0..=2 => Details {
            contact: contact(text(PHONE), None, None),
            ..Details::default()
        },
        3 => Details {
            name: text("投诉人"),
            subject: text("收费争议"),
            ..Details::default()
        },
        4 => Details {
            location: text("营业厅"),
            contact: contact(None, text("kit@example.com"), None),
            ..Details::default()
        },
        5 => Details {
            contact: contact(None, None, text("测试路1号")),
            ..Details::default()
        },
        6 => Details {
            subject: text("  "),
            ..Details::default()
        },
        _ => Details::default(),
    }
}

fn pick<T>(items: &[T], i: usize) -> Option<&T> {
    items.get(i.checked_rem(items.len())?)
}

/// Rosters shaped for `policy`: a head office and one to three
/// departments under it; for every role of the policy one or two staff
/// members holding it, in some department, each reporting to someone
/// listed before them (so respondents have supervisors, and recusal of a
/// respondent's supervisor is reachable); and, one roster in two, a staff
/// member holding two roles (a head who also handles: the same person may
/// propose and be asked to approve). Every id is ASCII: `d0`…, `s0`….
pub fn roster(policy: &Policy) -> impl Strategy<Value = Roster> + use<> {
    let roles: Vec<tousu_model::RoleId> = policy.roles.iter().map(|r| r.id.clone()).collect();
    let n = roles.len();
    (
        1usize..4,
        prop::collection::vec((1usize..3, any::<Index>(), any::<Index>()), n),
        prop::option::of((any::<Index>(), any::<Index>())),
    )
        .prop_filter_map("a valid roster", move |(departments, per_role, doubled)| {
            build_roster(&roles, departments, &per_role, doubled).ok()
        })
}

fn build_roster(
    roles: &[tousu_model::RoleId],
    departments: usize,
    per_role: &[(usize, Index, Index)],
    doubled: Option<(Index, Index)>,
) -> Result<Roster, ModelError> {
    use tousu_model::{Department, DepartmentId, DepartmentTree, Staff, StaffId};
    let hq = DepartmentId::new("d0")?;
    let mut depts = vec![Department::new(hq.clone(), "总部", None)];
    for i in 1..=departments {
        depts.push(Department::new(
            DepartmentId::new(format!("d{i}"))?,
            format!("部门{i}"),
            Some(hq.clone()),
        ));
    }
    let mut staff: Vec<Staff> = Vec::new();
    for (role, (count, dept, boss)) in roles.iter().zip(per_role) {
        for _ in 0..*count {
            let id = StaffId::new(format!("s{}", staff.len()))?;
            let dept = depts
                .get(dept.index(depts.len()))
                .map_or_else(|| hq.clone(), |d| d.id.clone());
            let mut s = Staff::new(id.clone(), id.as_str(), dept).with_role(role.clone());
            if let Some(sup) = staff
                .get(boss.index(staff.len().max(1)))
                .filter(|_| !staff.is_empty())
            {
                s = s.with_supervisor(sup.id.clone());
            }
            staff.push(s);
        }
    }
    if let Some((who, role)) = doubled {
        let len = staff.len();
        if let (Some(s), Some(r)) = (
            staff.get_mut(who.index(len.max(1))),
            roles.get(role.index(roles.len().max(1))),
        ) {
            s.roles.insert(r.clone());
        }
    }
    Roster::new(DepartmentTree::new(depts)?, staff)
}
