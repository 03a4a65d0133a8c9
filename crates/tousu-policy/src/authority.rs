//! Who may do what: roles and their workflow actions, approval authority by
//! amount (核决权限), recusal (回避), escalation (升级) and the rounds
//! allowed per level (对应次数).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tousu_model::{
    CategoryId, DepartmentId, FactName, LevelId, Money, PartyId, Remedy, RemedyKind, RoleId,
    Satisfaction, StaffId,
};

use crate::holds_case::HoldsCase;
use crate::ids::{EscalationId, MilestoneId, RuleId};
use crate::milestone::CaseAction;
use crate::policy::Policy;
use crate::predicate::{EvalInput, Predicate};
use crate::status::Status;

/// A workflow action a role may be permitted to take.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Action {
    /// Register a complaint (登记).
    Register,
    /// Accept it (受理).
    Accept,
    /// Decline it under an acceptance rule (不予受理).
    NotAccept,
    /// Override the acceptance rules' outcome, with a reason.
    OverrideAcceptance,
    /// Assign a level and category (定级).
    Classify,
    /// Change the level or category later.
    Reclassify,
    /// Assign a responsible department or person (分派 / 交办).
    Assign,
    /// Transfer to another handler (转办).
    Transfer,
    /// Investigate (调查核实).
    Investigate,
    /// Record findings, validity and fault (调查结论).
    RecordFindings,
    /// Propose a solution (处理方案).
    ProposeSolution,
    /// Approve a solution, within the approval authority (批示 / 核决).
    Approve,
    /// Send a solution back for rework.
    SendBack,
    /// Reply to the customer (答复).
    Reply,
    /// Record the follow-up call (回访).
    RecordCallback,
    /// Close the case (结案).
    Close,
    /// Reopen it: a new round.
    Reopen,
    /// Escalate it by hand (上报).
    Escalate,
    /// Record a deadline agreed with the customer (约定回复时限).
    SetAgreedDeadline,
    /// Request an extension (延期处理申请).
    RequestExtension,
    /// Approve an extension.
    ApproveExtension,
    /// Close abnormally (非正常结案), with approval.
    CloseAbnormally,
    /// Close after the customer could not be reached.
    CloseUnreachable,
    /// Record the complainant's withdrawal (撤诉).
    Withdraw,
    /// Merge duplicate cases.
    Merge,
    /// Add a note.
    AddNote,
    /// Record an action done on the case (customer contacted, work
    /// completed, report submitted, verification done), which clocks may
    /// start or stop on.
    RecordAction,
    /// Sign a record whose chain names one's role (`record_sign_offs`,
    /// 签字).
    SignRecord,
    /// Complete the complainant's details after registration (name,
    /// contact, subject, location; ruling 66).
    CompleteDetails,
    /// View a case marked confidential.
    ViewConfidential,
    /// Move a case to another policy version, with a reason.
    MigratePolicy,
}

impl Action {
    /// Every action, in declaration order.
    pub const ALL: &'static [Action] = &[
        Action::Register,
        Action::Accept,
        Action::NotAccept,
        Action::OverrideAcceptance,
        Action::Classify,
        Action::Reclassify,
        Action::Assign,
        Action::Transfer,
        Action::Investigate,
        Action::RecordFindings,
        Action::ProposeSolution,
        Action::Approve,
        Action::SendBack,
        Action::Reply,
        Action::RecordCallback,
        Action::Close,
        Action::Reopen,
        Action::Escalate,
        Action::SetAgreedDeadline,
        Action::RequestExtension,
        Action::ApproveExtension,
        Action::CloseAbnormally,
        Action::CloseUnreachable,
        Action::Withdraw,
        Action::Merge,
        Action::AddNote,
        Action::RecordAction,
        Action::SignRecord,
        Action::CompleteDetails,
        Action::ViewConfidential,
        Action::MigratePolicy,
    ];
}

/// The snake_case id, as serialized (`"record_findings"`).
impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The serde attribute is the one place the names are spelled.
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(id)) => f.write_str(&id),
            _ => write!(f, "{self:?}"),
        }
    }
}

/// A role and the actions it may take.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Unique id (`complaint_manager`).
    pub id: RoleId,
    /// Its name in the regulation (客服 / 投诉管理人).
    pub name_zh: String,
    /// The actions it may take, always.
    #[serde(default)]
    pub actions: Vec<Action>,
    /// Actions it may take only under conditions: at some levels, in some
    /// statuses, after an escalation step, or when a predicate holds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grants: Vec<Grant>,
    /// Where its `assign` and `transfer` may send a case (schema 2, ruling
    /// 78): a lead department where someone holds one of these roles, and
    /// a handler named who holds one himself. Empty: anywhere. See
    /// [`crate::hands_over`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hands_over_to: Vec<RoleId>,
}

impl Role {
    /// Whether the role may take `action` whatever the case (its
    /// unconditional `actions`; see [`Role::grants_of`] for the rest).
    #[must_use]
    pub fn may(&self, action: Action) -> bool {
        self.actions.contains(&action)
    }

    /// The conditional grants of `action`, with their index in `grants`.
    pub fn grants_of(&self, action: Action) -> impl Iterator<Item = (usize, &Grant)> + '_ {
        self.grants
            .iter()
            .enumerate()
            .filter(move |(_, g)| g.actions.contains(&action))
    }

    /// Whether the role may take `action` in some case: unconditionally or
    /// by a grant.
    #[must_use]
    pub fn may_sometimes(&self, action: Action) -> bool {
        self.may(action) || self.grants_of(action).next().is_some()
    }

    /// Whether the role may record the fact `name` (`record_facts`) in some
    /// case: `record_findings` in its `actions`, or a grant of it whose
    /// `facts` admit the fact (ruling 150).
    #[must_use]
    pub fn may_record_fact_sometimes(&self, name: &FactName) -> bool {
        self.may(Action::RecordFindings)
            || self
                .grants_of(Action::RecordFindings)
                .any(|(_, g)| g.admits_fact(name))
    }

    /// Whether the role may record `act` naming `milestone` in some case:
    /// `record_action` in its `actions`, or a grant of it whose `acts` and
    /// `milestones` admit the act.
    #[must_use]
    pub fn may_record_sometimes(&self, act: CaseAction, milestone: Option<&MilestoneId>) -> bool {
        self.may(Action::RecordAction)
            || self
                .grants_of(Action::RecordAction)
                .any(|(_, g)| g.admits_act(act, milestone))
    }
}

/// Actions a role may take only under conditions (权限 by level, status,
/// escalation step, the last callback's answer, the round's findings,
/// channel or category). Every condition given must hold; a grant with none
/// is refused by validation (write the action in the role's `actions`).
///
/// ```toml
/// [[roles]]
/// id = "supervisor"
/// name_zh = "主管"
/// actions = ["add_note"]
/// grants = [
///     # (七)「并对重大投诉事件进行回访」: the supervisor calls back major cases.
///     { actions = ["record_callback"], levels = ["major"] },
///     # approves only once the case was escalated to them
///     { actions = ["approve"], after_escalation = ["supervisor"] },
///     # makes a case a batch only until it was reported up: the report,
///     # taken once, could not meet the clock a later 批量 starts (S28 三6;
///     # ruling 159)
///     { actions = ["reclassify"], not_after_escalation = ["report-up"] },
///     # ends a case abnormally only once it answered the case the rounds
///     # took up to it, not on the answer of the round below (S15 4.2 E;
///     # ruling 168)
///     { actions = ["close_abnormally"], replied_since_escalation = ["division"] },
///     # files a 签呈 only once the case was decided, in any round (S41
///     # 5.1.13「对客户投诉处理决议有异议时」; ruling 160)
///     { actions = ["escalate"], reached = ["approved", "replied"] },
///     # replies on the spot to a complaint made in person, before assignment
///     { actions = ["reply"], statuses = ["accepted"], when = { channel = ["visit"] } },
///     # closes abnormally only once the customer rejected the answer (S01 3.3
///     # 「无法与用户达成一致」)
///     { actions = ["close_abnormally"], callback = ["unsatisfied"] },
///     # hands the case on only once it understands the problem (S18
///     # 解释澄清阶段(五)「在没有彻底了解清楚客户所投诉的问题时,不得马上将问题转交其他同事或相关部门」)
///     { actions = ["transfer"], findings_recorded = true },
///     # records only its own report, naming the clock it answers (S10 8)
///     { actions = ["record_action"], acts = ["report_submitted"], milestones = ["first_asker_feedback"] },
///     # answers only while the case is with it: not once it passed the case
///     # down or a step took it over (S31 处理「转送…处理」; rulings 121, 129)
///     { actions = ["reply", "transfer"], holds_case = true },
///     # closes only a case handed to it, not one nobody was handed yet
///     # (ruling 130)
///     { actions = ["close"], holds_case = "handed" },
///     # answers a suggestion only after the leader's instruction (S17
///     # 意见类「待领导作出批示后向答复推荐被采用状况」; ruling 131)
///     { actions = ["reply"], when = { kind = ["suggestion"] }, after_acts = ["instruction_given"] },
///     # registers problems, not complaints (S09 第八条1「客户可以直接联系合作过程中的
///     # 相关负责人,向其提出问题」; ruling 137): a grant of `register` tests only
///     # the complaint (`when`) and the level its classification gives (`levels`)
///     { actions = ["register"], when = { category = ["problem"] } },
///     # records its findings but not the responsibility, which the CS staff
///     # judge (S36 四「客户服务部人员…判断客户投诉事项的责任」; ruling 150)
///     { actions = ["record_findings"], facts = [] },
/// ]
/// ```
///
/// `acts` and `milestones` limit a grant of `record_action` (and only
/// such a grant) to some kinds of act and to acts that name one of some
/// clocks: a role the regulation gives one act records no other. `facts`
/// limits a grant of `record_findings` (and only such a grant) to the facts
/// its `record_facts` may record (`[]`: none; ruling 150).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Grant {
    /// The actions granted. A grant of `register` tests only what the
    /// registration says: `when` and `levels` (ruling 137 in
    /// docs/rulings.md).
    pub actions: Vec<Action>,
    /// The case's level is one of these (empty: any level).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<LevelId>,
    /// The case is in one of these statuses (empty: any status).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<Status>,
    /// The case has been in one of these statuses at some time, in this
    /// round or an earlier one (absent: no condition; `[]` is refused): an
    /// act the regulation allows only once something happened that the
    /// current status no longer shows, as a 签呈 against a decision
    /// (`reached = ["approved", "replied"]`, S41 5.1.13
    /// 「对客户投诉处理决议有异议时」; schema 2, ruling 160 in docs/rulings.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reached: Option<Vec<Status>>,
    /// One of these escalation steps has been taken on the case (empty: no
    /// escalation needed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after_escalation: Vec<EscalationId>,
    /// None of these escalation steps has been taken on the case, in any
    /// round (empty: any step may have been): the grant ends once one of
    /// them is taken (schema 2, ruling 159 in docs/rulings.md). A step that
    /// only reports (no `take_over`) leaves the case where it was; an act
    /// that must not follow the report is bounded here, not by moving the
    /// case (S28 三6「要及时向上级上报」: the hall supervisor's 批量 on a case
    /// already reported would start a report clock that report, taken
    /// once, can no longer meet).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_after_escalation: Vec<EscalationId>,
    /// The case was answered (a `reply`) since one of these escalation
    /// steps was last taken (empty: no such reply needed; schema 2, ruling
    /// 168 in docs/rulings.md): the step's role has given its own answer. A
    /// step none of whose steps was taken fails it. A case a step takes up
    /// on an unsatisfied callback is still `replied` from the round below,
    /// so `statuses = ["replied"]` alone holds the moment it arrives (S15
    /// 4.2 E「将管理层的处理意见,与客户沟通,直至让客户满意为止」: the 事业部 ends a case
    /// abnormally only once its own opinion was told).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replied_since_escalation: Vec<EscalationId>,
    /// The last callback (回访) of the case's round — since its last reply —
    /// answered one of these (empty: no callback needed). A round without a
    /// callback yet fails it (ruling 60 in docs/rulings.md).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub callback: Vec<Satisfaction>,
    /// `true`: the round's findings have been recorded (`record_findings`
    /// since the round began; a new round clears them). `false`, the
    /// default: no findings needed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub findings_recorded: bool,
    /// `true`: the case is with the actor (rulings 121 and 129 in
    /// docs/rulings.md): when the last step that took the case over
    /// (`take_over`) came after its assignment, the holders of that step's
    /// role; else its named handler or the lead department of its
    /// assignment (or a department under it); with no assignment, the
    /// holders of the role the last take-over gave it to; anyone's before
    /// it is assigned or taken over. `"handed"`: the same, but a case
    /// neither assigned nor taken over is nobody's (ruling 130). `false`,
    /// the default: wherever the case is.
    #[serde(default, skip_serializing_if = "HoldsCase::is_anywhere")]
    pub holds_case: HoldsCase,
    /// The complaint matches this predicate (channel, category, facts…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Predicate>,
    /// A grant of `record_action` only: the act recorded is one of these
    /// kinds (`report_submitted`; empty: any kind).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub acts: Vec<CaseAction>,
    /// A grant of `record_action` only: the act names one of these clocks
    /// (the command's `milestone`; empty: any clock, or none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<MilestoneId>,
    /// A grant of `record_findings` only: the facts its `record_facts` may
    /// record (`["responsibility"]`; `[]`: none, the findings only).
    /// Absent: any fact (ruling 150 in docs/rulings.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facts: Option<Vec<FactName>>,
    /// One of these acts has been recorded (`record_action`) in the case's
    /// round (empty: no act needed): an answer given only after a leader's
    /// instruction (`instruction_given`, 批示; ruling 131). Who may record
    /// the act is the `record_action` grants' (`acts`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after_acts: Vec<CaseAction>,
    /// A grant of `assign` or `transfer` only: where the hand-overs it
    /// grants may send a case, in place of the role's `hands_over_to`
    /// (schema 2, ruling 158 in docs/rulings.md): a lead department where
    /// someone holds one of these roles, and a handler who holds one
    /// himself, while the grant holds (its `levels`…). Empty: the role's
    /// list. See [`crate::hands_over`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hands_over_to: Vec<RoleId>,
    /// A grant of `escalate` only: the manual escalation steps it lets its
    /// holder take (empty: any the holder may take). An escalation named to
    /// another step is refused, and one naming none takes the first open
    /// step among these (schema 2, ruling 166 in docs/rulings.md: S41's
    /// 业务科 sends the 升级 form to review, `major-review`, before any
    /// decision, and files the 签呈, `dissent`, only once one was given).
    /// See [`crate::grant_steps`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<EscalationId>,
    /// The clause it encodes, for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What a policy's conditions see of a case: its level, status, the
/// escalation steps taken, the round's last callback, whether the round's
/// findings are recorded, and the complaint for predicates.
#[derive(Clone, Debug)]
pub struct CaseView<'a> {
    /// The level, once classified.
    pub level: Option<&'a LevelId>,
    /// The status.
    pub status: Status,
    /// Every status the case has been in, in any round (a grant's
    /// `reached`, ruling 160); the current one counts even when missing.
    pub reached: crate::StatusSet,
    /// The escalation steps taken so far, in any round.
    pub escalations: Vec<&'a EscalationId>,
    /// The answer of the round's last callback, if one was recorded since
    /// the round's last reply.
    pub callback: Option<Satisfaction>,
    /// Whether the round's findings have been recorded.
    pub findings_recorded: bool,
    /// The complaint and its facts, for predicates.
    pub input: EvalInput<'a>,
    /// The act a `record_action` would record, and the clock it names;
    /// `None` for every other action.
    pub act: Option<(CaseAction, Option<&'a MilestoneId>)>,
    /// Whether the case is with the actor (a grant's `holds_case`, rulings
    /// 121 and 129): the engine works it out from the roster, the
    /// assignment and the steps that took the case over.
    pub holds_case: bool,
    /// Whether anybody was ever handed the case — it was assigned, or a
    /// step took it over (`holds_case = "handed"`, ruling 130).
    pub handed: bool,
    /// Whether the case's assignment, not taken over since, called the
    /// actor's department (or one it is under) in to handle it jointly
    /// (`holds_case = "co_handling"`, ruling 148).
    pub co_handling: bool,
    /// Whether the actor's department is above the lead department of the
    /// case's assignment, not taken over since (`holds_case = "in_line"`,
    /// ruling 149).
    pub in_line: bool,
    /// Whether the actor is in the department of the one who received the
    /// case (the complaint's first responder, 首问责任人), or none is
    /// recorded (`holds_case = "received"`, ruling 151).
    pub received: bool,
    /// Whether the actor's department is in the line of the one that
    /// received the case: that of the complaint's first responder, one
    /// under it or one above it, or none is recorded (`holds_case =
    /// "received_in_line"`, ruling 170).
    pub received_in_line: bool,
    /// Whether the actor is in the department of the one who made the
    /// case's standing hand-over (assigned or transferred it), not taken
    /// over since (`holds_case = "sent"`, ruling 152).
    pub sent: bool,
    /// Whether the actor is the named handler of the case's standing
    /// assignment or in its lead department (or one under it), whatever
    /// step took the case over since (`holds_case = "lead"`, ruling 173).
    pub lead: bool,
    /// Whether the actor is in the department of the one who made the
    /// case's standing hand-over, whatever step took the case over since
    /// (`holds_case = "sender"`, ruling 166).
    pub sender: bool,
    /// Whether the case's standing assignment went where no holder of the
    /// role of the grant being read is — neither its named handler nor
    /// anyone in its lead department (`holds_case = "role_absent"`, ruling
    /// 166); the engine sets it for each grant's role.
    pub role_absent: bool,
    /// Whether the case is with the actor as `holds_case = "reported"`
    /// reads it (ruling 165): while a step someone took by hand stands
    /// taken over, the actor holds that step's role in the line of the
    /// reporter's department (that department or one above it; any
    /// holder when none is there) or is in the reporter's department (or
    /// one under it); otherwise as [`CaseView::holds_case`].
    pub reported: bool,
    /// The acts recorded (`record_action`) in the case's round, for a
    /// grant's `after_acts` (ruling 131).
    pub acts_recorded: &'a [CaseAction],
    /// The escalation steps taken on the case whose last taking was
    /// followed by a reply (`replied`), in any round, for a grant's
    /// `replied_since_escalation` (ruling 168).
    pub replied_since: Vec<&'a EscalationId>,
}

impl Grant {
    /// Whether the grant has any condition at all.
    #[must_use]
    pub fn is_conditional(&self) -> bool {
        !(self.levels.is_empty()
            && self.statuses.is_empty()
            && self.reached.is_none()
            && self.after_escalation.is_empty()
            && self.not_after_escalation.is_empty()
            && self.replied_since_escalation.is_empty()
            && self.after_acts.is_empty()
            && self.callback.is_empty()
            && !self.findings_recorded
            && !self.holds_case.is_set()
            && self.when.is_none()
            && !self.limits_acts()
            && self.steps.is_empty()
            && self.facts.is_none())
    }

    /// Whether the grant lets its holder record the fact `name` with
    /// `record_facts`: it names no `facts`, or names this one.
    #[must_use]
    pub fn admits_fact(&self, name: &FactName) -> bool {
        self.facts.as_ref().is_none_or(|f| f.contains(name))
    }

    /// Why the grant does not let its holder record the fact `name`, in
    /// words naming what it admits; `None` when it does.
    #[must_use]
    pub fn fact_refused(&self, name: &FactName) -> Option<String> {
        let facts = self.facts.as_ref().filter(|f| !f.contains(name))?;
        let may = if facts.is_empty() {
            "none: it records findings, not facts".to_owned()
        } else {
            list(facts)
        };
        Some(format!(
            "the fact {name} is not one it may record (`facts`: {may})"
        ))
    }

    /// Whether the grant limits the acts `record_action` may record
    /// (`acts` or `milestones`).
    #[must_use]
    pub fn limits_acts(&self) -> bool {
        !(self.acts.is_empty() && self.milestones.is_empty())
    }

    /// Whether the grant would let its holder record `act` naming
    /// `milestone`, as far as `acts` and `milestones` go.
    #[must_use]
    pub fn admits_act(&self, act: CaseAction, milestone: Option<&MilestoneId>) -> bool {
        (self.acts.is_empty() || self.acts.contains(&act))
            && (self.milestones.is_empty()
                || milestone.is_some_and(|m| self.milestones.contains(m)))
    }

    /// The conditions that do not hold for `case`, each in words; empty
    /// when the grant holds.
    #[must_use]
    pub fn unmet(&self, policy: &Policy, case: &CaseView<'_>) -> Vec<String> {
        let mut unmet = Vec::new();
        if !self.levels.is_empty() && !case.level.is_some_and(|l| self.levels.contains(l)) {
            unmet.push(format!(
                "the level must be one of {} (the case is {})",
                list(&self.levels),
                case.level
                    .map_or("not yet classified".to_owned(), ToString::to_string)
            ));
        }
        if !self.statuses.is_empty() && !self.statuses.contains(&case.status) {
            unmet.push(format!(
                "the status must be one of {} (the case is {})",
                list(&self.statuses),
                case.status
            ));
        }
        if let Some(why) = self.unreached(case) {
            unmet.push(why);
        }
        if !self.after_escalation.is_empty()
            && !self
                .after_escalation
                .iter()
                .any(|s| case.escalations.contains(&s))
        {
            unmet.push(format!(
                "one of the escalation steps {} must have been taken (none has)",
                list(&self.after_escalation)
            ));
        }
        if let Some(taken) = self
            .not_after_escalation
            .iter()
            .find(|s| case.escalations.contains(s))
        {
            unmet.push(format!(
                "none of the escalation steps {} may have been taken (`not_after_escalation`; {taken} has been)",
                list(&self.not_after_escalation)
            ));
        }
        if !self.replied_since_escalation.is_empty()
            && !self
                .replied_since_escalation
                .iter()
                .any(|s| case.replied_since.contains(&s))
        {
            let why = if self
                .replied_since_escalation
                .iter()
                .any(|s| case.escalations.contains(&s))
            {
                "there has been none since"
            } else {
                "none has been taken"
            };
            unmet.push(format!(
                "the case must have been answered since one of the escalation steps {} was taken (`replied_since_escalation`; {why})",
                list(&self.replied_since_escalation)
            ));
        }
        if !self.after_acts.is_empty()
            && !self
                .after_acts
                .iter()
                .any(|a| case.acts_recorded.contains(a))
        {
            unmet.push(format!(
                "one of the acts {} must have been recorded in the round (`after_acts`; none has)",
                list(&self.after_acts)
            ));
        }
        if !self.callback.is_empty() && !case.callback.is_some_and(|c| self.callback.contains(&c)) {
            unmet.push(format!(
                "the round's last callback must have answered one of {} ({})",
                list(&self.callback),
                case.callback.map_or_else(
                    || "there is none since the last reply".to_owned(),
                    |c| format!("it answered {c}")
                )
            ));
        }
        if self.findings_recorded && !case.findings_recorded {
            unmet.push(
                "the round's findings must have been recorded (`findings_recorded`; none are yet)"
                    .to_owned(),
            );
        }
        if !self.holds_case.holds(case) {
            unmet.push(self.holds_case.unmet_reason(case).into_owned());
        }
        if let Some(when) = &self.when
            && !when.matches(policy, &case.input)
        {
            unmet.push(format!(
                "the complaint must match `when` = {}",
                serde_json::to_string(when).unwrap_or_default()
            ));
        }
        if self.limits_acts() {
            match case.act {
                Some((act, m)) if self.admits_act(act, m) => {}
                Some((act, m)) => unmet.push(format!(
                    "the act must be {} (this is {act}{})",
                    self.acts_accepted(),
                    m.map_or_else(|| " naming no clock".to_owned(), |m| format!(" naming {m}"))
                )),
                None => unmet.push(format!("the act must be {}", self.acts_accepted())),
            }
        }
        unmet
    }

    /// What `acts` and `milestones` accept, in words: `one of
    /// report_submitted, naming one of first_asker_feedback`.
    fn acts_accepted(&self) -> String {
        let kinds = if self.acts.is_empty() {
            "of any kind".to_owned()
        } else {
            format!("one of {}", list(&self.acts))
        };
        if self.milestones.is_empty() {
            kinds
        } else {
            format!(
                "{kinds}, naming one of the clocks {} (`milestone`)",
                list(&self.milestones)
            )
        }
    }
}

/// `a, b, c` of anything displayed.
pub(crate) fn list<T: fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

// ---------------------------------------------------------------------------
// Approval authority.
// ---------------------------------------------------------------------------

/// Approval authority by amount (核决权限).
///
/// ```toml
/// [approval]
/// thresholds = [
///     { up_to = "1000", role = "department_head" },
///     { up_to = "10000", role = "general_manager" },
/// ]
/// above = "board"
/// extension = "general_manager"
/// ```
///
/// An amount is approved by the role of the first threshold it does not
/// exceed (`up_to` includes its amount, ruling 3 in docs/rulings.md), and above the last
/// threshold by `above`. `rules` give other limits to some cases (by
/// level, category or the remedies proposed) and `sign_off` a chain of
/// roles who sign, in order, before the approval.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApprovalAuthority {
    /// Thresholds in strictly ascending order of `up_to`.
    #[serde(default)]
    pub thresholds: Vec<ApprovalThreshold>,
    /// The role (top manager or committee) that approves amounts above the
    /// last threshold, and every amount if there are no thresholds.
    pub above: RoleId,
    /// Roles that sign a proposal, in this order, before it is approved
    /// (会签 / 逐级审批): each `approve` by the next role in the chain
    /// records a sign-off, and the approval within the amount limits comes
    /// last. Empty: the approval alone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sign_off: Vec<RoleId>,
    /// Limits for some cases: the first rule whose conditions hold decides
    /// a proposal's approvers instead of `thresholds`, `above` and
    /// `sign_off`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<ApprovalRule>,
    /// The role that approves extension requests (延期处理申请).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<RoleId>,
    /// The role that approves abnormal closure (非正常结案).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abnormal_closure: Option<RoleId>,
    /// Whoever proposed a solution or requested an extension may approve it
    /// themselves. Default false: segregation of duties, the proposer is
    /// never the approver; a policy relaxes it only by saying so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub allow_self_approval: bool,
}

/// One step of the approval authority.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApprovalThreshold {
    /// The largest amount this role may approve (inclusive; 0 or more).
    pub up_to: Money,
    /// The role.
    pub role: RoleId,
}

/// Approvers for some cases: by level, by category (or another predicate
/// on the complaint), by the kind of remedy proposed, by the amount
/// proposed. Every condition given must hold; the first rule that holds
/// decides.
///
/// ```toml
/// [[approval.rules]]
/// id = "medical"
/// note = "医疗投诉: 医教科"
/// when = { category = ["medical"] }
/// thresholds = [{ up_to = "5000", role = "medical_affairs" }]
/// above = "hospital_leader"
///
/// [[approval.rules]]
/// id = "major-signed"
/// levels = ["major"]
/// remedy_kinds = ["compensation"]
/// sign_off = ["cs_manager"]       # 客服部经理 signs, then
/// above = "general_manager"       # 总经理 approves
///
/// [[approval.rules]]
/// id = "head-signs-above-2000"
/// amount_over = "2000"            # beyond the head's own limit:
/// sign_off = ["solving_dept_head"] # the head still signs (S04 一5), then
/// above = "minister"              # the 部长 approves
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApprovalRule {
    /// Unique among the rules; the proposal records it.
    pub id: RuleId,
    /// The case's level is one of these (empty: any level).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<LevelId>,
    /// The complaint matches this predicate (category, channel, facts…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Predicate>,
    /// The proposal offers at least one remedy of these kinds (empty: any).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remedy_kinds: Vec<RemedyKind>,
    /// The proposal's amount is more than this (exclusive, as `up_to`
    /// includes its amount: ruling 3; 0 or more). A sign-off owed only above
    /// an amount (ruling 61 in docs/rulings.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_over: Option<Money>,
    /// Thresholds in strictly ascending order of `up_to`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub thresholds: Vec<ApprovalThreshold>,
    /// The role that approves amounts above the last threshold.
    pub above: RoleId,
    /// Roles that sign, in order, before the approval.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sign_off: Vec<RoleId>,
    /// The clause it encodes, for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl ApprovalRule {
    /// Whether the rule has any condition (one without holds for every case).
    #[must_use]
    pub fn is_conditional(&self) -> bool {
        !(self.levels.is_empty()
            && self.when.is_none()
            && self.remedy_kinds.is_empty()
            && self.amount_over.is_none())
    }

    /// Whether the rule governs a proposal of `remedies`, `amount` in all,
    /// on a case of `level` whose complaint is `input`.
    #[must_use]
    pub fn applies(
        &self,
        policy: &Policy,
        level: Option<&LevelId>,
        input: &EvalInput<'_>,
        remedies: &[Remedy],
        amount: Money,
    ) -> bool {
        self.amount_over.is_none_or(|over| amount > over)
            && (self.levels.is_empty() || level.is_some_and(|l| self.levels.contains(l)))
            && self.when.as_ref().is_none_or(|w| w.matches(policy, input))
            && (self.remedy_kinds.is_empty()
                || remedies.iter().any(|r| self.remedy_kinds.contains(&r.kind)))
    }
}

/// Who approves a proposal: the thresholds, the role above them and the
/// sign-off chain of the approval authority or of one of its rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Approvers<'a> {
    /// The rule that chose them; `None` for the authority's own limits.
    pub rule: Option<&'a RuleId>,
    /// Thresholds in ascending order.
    pub thresholds: &'a [ApprovalThreshold],
    /// The role above the last threshold.
    pub above: &'a RoleId,
    /// The roles that sign first, in order.
    pub sign_off: &'a [RoleId],
}

impl<'a> Approvers<'a> {
    /// The role that must approve `amount`.
    #[must_use]
    pub fn required_role(&self, amount: Money) -> &'a RoleId {
        self.thresholds
            .iter()
            .find(|t| amount <= t.up_to)
            .map_or(self.above, |t| &t.role)
    }

    /// The largest amount `role` may approve: `None` if it has no threshold
    /// (and is not `above`), `Some(Money::MAX)` for `above`.
    #[must_use]
    pub fn limit_of(&self, role: &RoleId) -> Option<Money> {
        if role == self.above {
            return Some(Money::MAX);
        }
        self.thresholds
            .iter()
            .filter(|t| t.role == *role)
            .map(|t| t.up_to)
            .max()
    }
}

impl ApprovalAuthority {
    /// The authority's own approvers, when no rule applies.
    #[must_use]
    pub fn default_approvers(&self) -> Approvers<'_> {
        Approvers {
            rule: None,
            thresholds: &self.thresholds,
            above: &self.above,
            sign_off: &self.sign_off,
        }
    }

    /// The approvers of the rule with this id, or the authority's own when
    /// `rule` is `None` or names no rule (a case proposed under a policy
    /// version that had it).
    #[must_use]
    pub fn approvers(&self, rule: Option<&RuleId>) -> Approvers<'_> {
        rule.and_then(|id| self.rules.iter().find(|r| r.id == *id))
            .map_or_else(
                || self.default_approvers(),
                |r| Approvers {
                    rule: Some(&r.id),
                    thresholds: &r.thresholds,
                    above: &r.above,
                    sign_off: &r.sign_off,
                },
            )
    }

    /// The role that must approve `amount` under the authority's own limits.
    #[must_use]
    pub fn required_role(&self, amount: Money) -> &RoleId {
        self.default_approvers().required_role(amount)
    }

    /// The largest amount `role` may approve under the authority's own
    /// limits: `None` if it has no threshold (and is not `above`),
    /// `Some(Money::MAX)` for `above`.
    #[must_use]
    pub fn limit_of(&self, role: &RoleId) -> Option<Money> {
        self.default_approvers().limit_of(role)
    }
}

// ---------------------------------------------------------------------------
// Routing.
// ---------------------------------------------------------------------------

/// Who handles a category (归口): a case in one of `categories` (or a
/// sub-category) is assigned to a lead department where someone holds
/// `handler_role`, and a handler named in the assignment must hold it.
///
/// ```toml
/// [[routing]]
/// id = "medical"
/// note = "医疗投诉上交医教科"
/// categories = ["medical"]
/// handler_role = "medical_affairs"
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// Unique among the routes; a refusal names it.
    pub id: RuleId,
    /// The categories routed (each with its sub-categories).
    pub categories: Vec<CategoryId>,
    /// The role that handles them.
    pub handler_role: RoleId,
    /// Roles that support the handling (协办, schema 2): an assignment
    /// names, as its lead or a co-handling department, a department where
    /// someone holds each (ruling 42 in docs/rulings.md).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub support: Vec<RoleId>,
    /// The clause it encodes, for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

// ---------------------------------------------------------------------------
// Recusal.
// ---------------------------------------------------------------------------

/// Recusal (回避): who takes no decision on a case. A recused person — the
/// respondent, optionally their supervisor, anyone a declared conflict
/// names — may take none of the policy's actions on the case except those
/// listed in `allowed_actions` (none by default), and does not see it when
/// it is confidential.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recusal {
    /// The respondent (被投诉人) recuses. Default true.
    #[serde(default = "yes")]
    pub respondent: bool,
    /// The respondent's supervisor recuses too. Default false.
    #[serde(default)]
    pub respondent_supervisor: bool,
    /// The actions a recused person may still take on the case, such as
    /// `add_note` (to give their statement). Default: none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed_actions: Vec<Action>,
    /// Read for policies written before recusal covered every action, and
    /// otherwise ignored: a recused person is refused every action but
    /// `allowed_actions`. `policy check` warns when it is set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// Declared conflicts of interest.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// Whether the policy document has no `[recusal]` table, so that this
    /// is the default and not the regulation's rule: `policy check` says so
    /// ([`Recusal::is_implied`]). Never serialized.
    #[serde(skip)]
    implied: bool,
}

fn yes() -> bool {
    true
}

impl Recusal {
    /// The recusal a policy without a `[recusal]` table gets: the default,
    /// marked as not stated ([`Recusal::is_implied`]).
    #[must_use]
    pub fn implied() -> Self {
        Recusal {
            implied: true,
            ..Recusal::default()
        }
    }

    /// Whether this is the default of a policy that states no recusal rule
    /// (no `[recusal]` table): the respondent recuses, though the regulation
    /// may say nothing about it.
    #[must_use]
    pub fn is_implied(&self) -> bool {
        self.implied
    }
}

impl Recusal {
    /// Whether a recused person may still take `action`.
    pub fn allows(&self, action: Action) -> bool {
        self.allowed_actions.contains(&action)
    }
}

impl Default for Recusal {
    fn default() -> Self {
        Self {
            respondent: true,
            respondent_supervisor: false,
            allowed_actions: Vec::new(),
            actions: Vec::new(),
            conflicts: Vec::new(),
            implied: false,
        }
    }
}

/// A declared conflict: a staff member who recuses from complaints by
/// certain parties or about certain departments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// The staff member.
    pub staff: StaffId,
    /// Complainants (parties) they may not handle.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<PartyId>,
    /// Respondent departments they may not handle.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<DepartmentId>,
    /// Why (亲属关系).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_zh: Option<String>,
}

// ---------------------------------------------------------------------------
// Escalation.
// ---------------------------------------------------------------------------

/// What triggers an escalation step.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum EscalationTrigger {
    /// A milestone breached: `{ breach_of = "first_response" }`.
    BreachOf(MilestoneId),
    /// The level's rounds are used up and the customer is still unsatisfied.
    RoundsExhausted,
    /// A person escalates by hand (上报), naming the step or taking the
    /// first manual step not yet taken.
    Manual,
    /// A fact recorded mid-case (`record_facts`) is true: `{ fact_recorded
    /// = "cannot_handle_in_time" }` (schema 2, ruling 30 in docs/rulings.md).
    /// The step is taken by the recording itself, once per case (S24
    /// 「对有些不能及时回复和处理的问题及时汇报」).
    FactRecorded(FactName),
    /// The case is classified at one of the step's `levels` (schema 2,
    /// ruling 38 in docs/rulings.md): at registration, or when a later
    /// classification reaches it. The step is taken by the classification
    /// itself, once per case (S06 「重大投诉」 → 集团品管部).
    LevelReached,
    /// The callback that ends round N leaves the customer unsatisfied:
    /// `{ unsatisfied_round = 1 }` (schema 2, ruling 39 in
    /// docs/rulings.md). A rung of a rounds ladder — S15 「对上述A和B的处理,
    /// 客户都不满意的,…报告客服经理」 — taken by that callback, once per case;
    /// unlike `rounds_exhausted` it gives no extra round.
    UnsatisfiedRound(u32),
    /// The callback that ends a round in which a deadline was told to the
    /// customer (`set_agreed_deadline`) leaves them unsatisfied:
    /// `"unsatisfied_after_deadline"` (schema 2, ruling 59 in
    /// docs/rulings.md). S15 4.2 B sends a customer unsatisfied with the
    /// immediate handling (A) to B, where a deadline is told, and C 「对上述A和B
    /// 的处理,客户都不满意的」 reaches the 客服经理 only after B: whichever round
    /// that is. Taken by that callback, once per case; no extra round.
    UnsatisfiedAfterDeadline,
}

impl fmt::Display for EscalationTrigger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EscalationTrigger::BreachOf(m) => write!(f, "breach of {m}"),
            EscalationTrigger::RoundsExhausted => f.write_str("rounds exhausted"),
            EscalationTrigger::Manual => f.write_str("manual"),
            EscalationTrigger::FactRecorded(name) => write!(f, "fact {name} recorded"),
            EscalationTrigger::LevelReached => f.write_str("level reached"),
            EscalationTrigger::UnsatisfiedRound(n) => write!(f, "round {n} unsatisfied"),
            EscalationTrigger::UnsatisfiedAfterDeadline => {
                f.write_str("unsatisfied after a deadline told")
            }
        }
    }
}

/// One step of the escalation ladder.
///
/// ```toml
/// [[escalation]]
/// id = "gm-after-rounds"
/// after = "rounds_exhausted"
/// notify = ["general_manager"]
/// take_over = "general_manager"
///
/// [[escalation]]
/// id = "head-on-late-reply"
/// after = { breach_of = "first_response" }
/// levels = ["重大投诉", "危机事件"]
/// notify = ["department_head"]
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EscalationStep {
    /// Unique id.
    pub id: EscalationId,
    /// What triggers it.
    pub after: EscalationTrigger,
    /// The levels it applies to; empty means every level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<LevelId>,
    /// The categories it applies to, each with its sub-categories; empty
    /// means every category (and a complaint without one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<CategoryId>,
    /// Roles to notify.
    // Shared (written and read as a list): the escalation events the step
    // causes share it rather than copy it (docs/performance-history.md, "Eighth
    // pass: the tick").
    #[serde(default, skip_serializing_if = "<[RoleId]>::is_empty")]
    pub notify: std::sync::Arc<[RoleId]>,
    /// The role that takes the case over, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub take_over: Option<RoleId>,
    /// Raise the case to this level when the step is taken (S33: a complaint
    /// unresolved within the month becomes 重大投诉). Never lowers a level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reclassify_to: Option<LevelId>,
    /// For a manual step: the roles whose holders alone may take it (schema
    /// 2). S37 「经局领导批准,报请市投资环境保障领导小组处理」: only the leader
    /// refers a case to the group. Empty: anyone who may escalate.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by: Vec<RoleId>,
    /// For a manual step: steps after which it is no longer taken (schema
    /// 2, ruling 136). S20's supervisor is not called in on a case already
    /// passed to the 上级部门 (7「上报和转交上级部门处理」): that would hand it
    /// back down. Empty: the step stays open until it is itself taken.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_after: Vec<EscalationId>,
}

impl EscalationStep {
    /// Whether the step applies to a case of `level`.
    #[must_use]
    pub fn applies_to(&self, level: &LevelId) -> bool {
        self.levels.is_empty() || self.levels.contains(level)
    }
}

// ---------------------------------------------------------------------------
// Rounds.
// ---------------------------------------------------------------------------

/// How many rounds of handling a level allows (对应次数): a number ≥ 1, or
/// `"unlimited"` (also `"不限"`, `"视情形而定"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RoundsAllowed {
    /// At most this many rounds.
    Limited(u32),
    /// No cap.
    Unlimited,
}

impl RoundsAllowed {
    /// Whether `rounds_done` rounds use up the allowance.
    #[must_use]
    pub const fn exhausted_by(self, rounds_done: u32) -> bool {
        match self {
            RoundsAllowed::Limited(n) => rounds_done >= n,
            RoundsAllowed::Unlimited => false,
        }
    }
}

impl fmt::Display for RoundsAllowed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RoundsAllowed::Limited(n) => write!(f, "{n}"),
            RoundsAllowed::Unlimited => f.write_str("unlimited"),
        }
    }
}

impl Serialize for RoundsAllowed {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            RoundsAllowed::Limited(n) => serializer.serialize_u32(*n),
            RoundsAllowed::Unlimited => serializer.serialize_str("unlimited"),
        }
    }
}

impl<'de> Deserialize<'de> for RoundsAllowed {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = RoundsAllowed;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number of rounds (1 or more) or \"unlimited\"")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<RoundsAllowed, E> {
                match u32::try_from(v) {
                    Ok(n) => Ok(RoundsAllowed::Limited(n)),
                    Err(_) => Err(E::custom(format_args!(
                        "{v} rounds is too many; use \"unlimited\""
                    ))),
                }
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<RoundsAllowed, E> {
                u64::try_from(v)
                    .map_err(|_| E::custom(format_args!("{v} is negative; expected a number of rounds (1 or more) or \"unlimited\"")))
                    .and_then(|v| self.visit_u64(v))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RoundsAllowed, E> {
                match v.trim() {
                    "unlimited" | "不限" | "视情形而定" => Ok(RoundsAllowed::Unlimited),
                    other => other.parse::<u32>().map(RoundsAllowed::Limited).map_err(|_| {
                        E::custom(format_args!(
                            "{v:?} is not a number of rounds; expected a number (1 or more) or \"unlimited\""
                        ))
                    }),
                }
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl JsonSchema for RoundsAllowed {
    fn schema_name() -> Cow<'static, str> {
        "RoundsAllowed".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Rounds of handling allowed (对应次数): a number, 1 or more, or \"unlimited\" (\"不限\", \"视情形而定\").",
            "anyOf": [
                { "type": "integer", "minimum": 1 },
                { "type": "string", "enum": ["unlimited", "不限", "视情形而定"] },
            ],
        })
    }
}

/// What happens when the rounds are used up and the customer is still
/// unsatisfied.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WhenRoundsExhausted {
    /// Escalate along the `rounds_exhausted` steps (the default; S12 →
    /// 总经理).
    #[default]
    Escalate,
    /// Close as unsatisfied (ruling 11 in docs/rulings.md).
    CloseUnsatisfied,
    /// Escalate along the `rounds_exhausted` steps as `escalate` does, but
    /// never close unsatisfied (schema 2): once every step is taken, an
    /// unsatisfied callback leaves the case open for another round, until a
    /// satisfied callback, an abnormal closure or a withdrawal (S12 第五条(八)
    /// 「直至客户满意为止」, S15 「直至让客户满意为止」; ruling 28 in
    /// docs/rulings.md).
    UntilSatisfied,
}

impl WhenRoundsExhausted {
    /// Whether the `rounds_exhausted` steps are taken when the rounds run
    /// out.
    #[must_use]
    pub fn escalates(self) -> bool {
        matches!(
            self,
            WhenRoundsExhausted::Escalate | WhenRoundsExhausted::UntilSatisfied
        )
    }
}

/// Rounds allowed per level.
///
/// ```toml
/// [rounds]
/// per_level = { "不满意" = 2, "十分不满意" = 2, "重大投诉" = 2, "危机事件" = "unlimited" }
/// when_exhausted = "escalate"
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoundsPolicy {
    /// Rounds per level.
    #[serde(default)]
    pub per_level: BTreeMap<LevelId, RoundsAllowed>,
    /// For levels not in `per_level`: unlimited by default.
    #[serde(default = "unlimited")]
    pub default: RoundsAllowed,
    /// What happens when they are used up.
    #[serde(default)]
    pub when_exhausted: WhenRoundsExhausted,
    /// What the customer is told when the rounds run out and the case
    /// closes unsatisfied: where else to turn (schema 2; S09 第七条
    /// 「客户可以向相关行业协会或政府监管部门申请仲裁」). The closing event carries it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advice_zh: Option<String>,
}

fn unlimited() -> RoundsAllowed {
    RoundsAllowed::Unlimited
}

impl Default for RoundsPolicy {
    fn default() -> Self {
        Self {
            per_level: BTreeMap::new(),
            default: RoundsAllowed::Unlimited,
            when_exhausted: WhenRoundsExhausted::Escalate,
            advice_zh: None,
        }
    }
}

impl RoundsPolicy {
    /// The rounds allowed for `level`.
    #[must_use]
    pub fn allowed(&self, level: &LevelId) -> RoundsAllowed {
        self.per_level.get(level).copied().unwrap_or(self.default)
    }
}
