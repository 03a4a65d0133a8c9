//! Who may do what: the policy's permissions, recusal (回避), approval
//! authority, the one role a policy names for an action, and who may see a
//! confidential case. Every command passes [`authorize`] before its handler
//! runs; the handlers call the narrower checks where their command needs them.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use tousu_model::{Complaint, FactName, FactValue, LevelId, Money, RoleId, Staff, StaffId};
use tousu_policy::{
    Action, ApprovalAuthority, Approvers, CaseAction, CaseView, EscalationId, EvalInput,
    MilestoneId,
};

use crate::case::Case;
use crate::{Ctx, Rejection};

/// The staff member, if one of their roles may take `action` in some case
/// (unconditionally or by a grant): a registration, whose grants are tested
/// once the complaint is classified ([`registration_granted`]).
pub(crate) fn permitted<'a>(
    ctx: &Ctx<'a>,
    actor: &StaffId,
    action: Action,
) -> Result<&'a Staff, Rejection> {
    let staff = on_roster(ctx, actor)?;
    let may = |r: &RoleId| ctx.policy.role(r).is_some_and(|r| r.may_sometimes(action));
    if staff.roles.iter().any(may) {
        Ok(staff)
    } else {
        Err(not_permitted(staff, action))
    }
}

/// Whether one of `staff`'s roles grants `register` for this complaint,
/// classified `level` (ruling 137): in its `actions`, or by a grant whose
/// `when` and `levels` hold — what a registration says, before there is a
/// case. Refused as [`Rejection::GrantConditionUnmet`] naming each grant.
pub(crate) fn registration_granted(
    ctx: &Ctx<'_>,
    staff: &Staff,
    input: EvalInput<'_>,
    level: &LevelId,
) -> Result<(), Rejection> {
    if staff
        .roles
        .iter()
        .any(|r| ctx.policy.role_may(r, Action::Register))
    {
        return Ok(());
    }
    let view = CaseView {
        level: Some(level),
        status: tousu_policy::Status::Registered,
        reached: tousu_policy::StatusSet::default(),
        escalations: Vec::new(),
        callback: None,
        findings_recorded: false,
        input,
        act: None,
        holds_case: true,
        handed: true,
        co_handling: true,
        in_line: true,
        received: true,
        received_in_line: true,
        sent: true,
        lead: true,
        sender: true,
        role_absent: true,
        reported: true,
        acts_recorded: &[],
        replied_since: Vec::new(),
    };
    grants_hold(ctx, staff, Action::Register, &view, |_| true)
}

/// The act a `record_action` records and the clock it names, which a
/// grant's `acts` and `milestones` test.
pub(crate) type RecordedAct<'a> = Option<(CaseAction, Option<&'a MilestoneId>)>;

/// The actor, granted `action` (recording `act`, for a `record_action`) on
/// this case at `at` and not recused from it.
pub(crate) fn authorize<'a>(
    ctx: &Ctx<'a>,
    case: &Case,
    actor: &StaffId,
    (action, act): (Action, RecordedAct<'_>),
    at: DateTime<Utc>,
) -> Result<&'a Staff, Rejection> {
    let staff = on_roster(ctx, actor)?;
    granted_act(ctx, staff, case, (action, act), at)?;
    check_recusal(&case.complaint, staff, action, ctx)?;
    Ok(staff)
}

/// The actor's entry on the roster.
fn on_roster<'a>(ctx: &Ctx<'a>, actor: &StaffId) -> Result<&'a Staff, Rejection> {
    ctx.roster
        .staff(actor)
        .ok_or_else(|| Rejection::UnknownActor {
            actor: actor.clone(),
        })
}

/// What the policy's conditions see of `case` at `at`.
pub(crate) fn case_view(case: &Case, at: DateTime<Utc>) -> CaseView<'_> {
    CaseView {
        level: case.level.as_ref(),
        status: case.status,
        reached: case.statuses_reached,
        escalations: case
            .escalations
            .iter()
            .filter_map(|e| e.step.as_ref())
            .collect(),
        callback: case.callback,
        findings_recorded: case.findings.is_some(),
        input: EvalInput::new(&case.complaint, at)
            .with_repeat_count(case.repeat_count)
            .with_found_facts(&case.found_facts),
        act: None,
        // Read for nobody in particular (a handler about to be named holds
        // the case once named); `granted_act` works it out for the actor.
        holds_case: true,
        handed: true,
        co_handling: true,
        in_line: true,
        received: true,
        received_in_line: true,
        sent: true,
        lead: true,
        sender: true,
        role_absent: true,
        reported: true,
        acts_recorded: &case.acts_recorded,
        replied_since: replied_since(case),
    }
}

/// The escalation steps taken on `case` whose last taking came before its
/// last reply (`replied_since_escalation`, ruling 168): those among the
/// escalations recorded when it was answered that were not taken again
/// since.
fn replied_since(case: &Case) -> Vec<&EscalationId> {
    let before = usize::try_from(case.escalations_before_reply)
        .unwrap_or(usize::MAX)
        .min(case.escalations.len());
    let (answered, since) = case.escalations.split_at(before);
    answered
        .iter()
        .filter_map(|e| e.step.as_ref())
        .filter(|s| !since.iter().any(|e| e.step.as_ref() == Some(*s)))
        .collect()
}

/// Where the case is for `staff`, into `view` (a grant's `holds_case`):
/// whether it is with them (rulings 121 and 129), whether anybody was ever
/// handed it (ruling 130), whether its assignment called their department
/// in (ruling 148), whether it is in their line (ruling 149) and whether
/// their department received it or is in its line (rulings 151, 170). A step
/// that took it over after its assignment gave it to the holders of that
/// step's role in the assignment's line — the lead department or a
/// department above it — or, when no holder is there, to every holder,
/// displacing the handler named before and the departments called in
/// (ruling 129); else, with a handler named, they are the handler or in the
/// lead department (or a department under it); with none named, the lead
/// department's; with no assignment, the holders' of the role the last
/// take-over gave it to; neither assigned nor taken over — anyone's (the
/// desk that received it), but handed to nobody. Under an assignment not
/// taken over since, a co-handling department (or one under it) has it
/// jointly, and a department above the lead has it in its line.
pub(crate) fn holds_case(ctx: &Ctx<'_>, staff: &Staff, case: &Case, view: &mut CaseView<'_>) {
    let reading = held(case).read(ctx, staff);
    view.holds_case = reading.with_staff;
    view.handed = reading.handed;
    view.co_handling = reading.co_handling;
    view.in_line = reading.in_line;
    view.sent = reading.sent;
    view.received = reading.received;
    view.received_in_line = reading.received_in_line;
    view.lead = reading.lead;
    view.sender = reading.sender;
    view.reported = reading.reported;
}

/// What `case` records of where it is ([`Held`]).
fn held(case: &Case) -> Held<'_> {
    let last_take_over = case.escalations.iter().rfind(|e| e.take_over.is_some());
    Held {
        first_responder: case.complaint.first_responder.as_ref(),
        assignment: case.assignment.as_ref(),
        taken_to: last_take_over.and_then(|e| e.take_over.as_ref()),
        assigned_before_take_over: case.assigned_before_take_over,
        handed_over_by: case.handed_over_by.as_ref(),
        reported_by: last_take_over.and_then(|e| e.by.as_ref()),
    }
}

/// What a case records of where it is, as `holds_case` reads it: its
/// first responder, its assignment, the role the last take-over gave it to,
/// whether that take-over came after the assignment, and who made the
/// standing hand-over. A clock's owner reads it too
/// (`role_holding_case`, ruling 161).
pub(crate) struct Held<'a> {
    pub(crate) first_responder: Option<&'a StaffId>,
    pub(crate) assignment: Option<&'a crate::command::Assignment>,
    pub(crate) taken_to: Option<&'a RoleId>,
    pub(crate) assigned_before_take_over: bool,
    pub(crate) handed_over_by: Option<&'a StaffId>,
    /// Who took the last step that took the case over, by hand (a report
    /// up; `None` for a step a rule took): `"reported"` reads it (ruling
    /// 165).
    pub(crate) reported_by: Option<&'a StaffId>,
}

/// [`Held::read`]'s answer for one staff member.
pub(crate) struct Reading {
    pub(crate) with_staff: bool,
    pub(crate) co_handling: bool,
    pub(crate) in_line: bool,
    pub(crate) sent: bool,
    pub(crate) received: bool,
    pub(crate) received_in_line: bool,
    pub(crate) handed: bool,
    pub(crate) lead: bool,
    pub(crate) sender: bool,
    pub(crate) reported: bool,
}

impl Reading {
    /// The reading as a `holds_case` takes it (a `role_holding_case`
    /// owner's `holds`, rulings 161, 172).
    pub(crate) fn whereabouts(&self) -> tousu_policy::Whereabouts {
        tousu_policy::Whereabouts {
            holds_case: self.with_staff,
            handed: self.handed,
            co_handling: self.co_handling,
            in_line: self.in_line,
            received: self.received,
            received_in_line: self.received_in_line,
            sent: self.sent,
            lead: self.lead,
            sender: self.sender,
            // Read per role: the caller sets it ([`Held::role_absent`]).
            role_absent: false,
            reported: self.reported,
        }
    }
}

impl Held<'_> {
    /// Where the case is for `staff` ([`holds_case`]).
    pub(crate) fn read(&self, ctx: &Ctx<'_>, staff: &Staff) -> Reading {
        let departments = ctx.roster.departments();
        let in_dept = |dept| departments.is_within(&staff.department, dept);
        // The department of a staff member on the roster, for `received`,
        // `received_in_line` and `sent` (rulings 151, 170, 152); someone off
        // the roster names none.
        let dept_of = |id: Option<&StaffId>| {
            id.and_then(|id| ctx.roster.staff(id))
                .map(|s| &s.department)
        };
        let mut sent = false;
        // `"sender"` (ruling 166): the standing hand-over's maker, whatever
        // took the case over since.
        let sender = self.assignment.is_some() && dept_of(self.handed_over_by).is_some_and(in_dept);
        let (with_staff, co_handling, in_line) = match (self.assignment, self.taken_to) {
            (Some(a), Some(role)) if self.assigned_before_take_over => {
                // The assignment's line picks the holders (a district's head,
                // not another district's); a role outside it (a team of its
                // own) is all its holders'.
                let over_lead = |s: &Staff| departments.is_within(&a.lead, &s.department);
                let holders = || ctx.roster.all_staff().filter(|s| s.has_role(role));
                let with = staff.has_role(role) && (over_lead(staff) || !holders().any(over_lead));
                (with, false, false)
            }
            (Some(a), _) => {
                sent = dept_of(self.handed_over_by).is_some_and(in_dept);
                (
                    a.handler.as_ref() == Some(&staff.id) || in_dept(&a.lead),
                    a.co_handling.iter().any(in_dept),
                    departments.is_within(&a.lead, &staff.department),
                )
            }
            (None, Some(role)) => (staff.has_role(role), false, false),
            (None, None) => (true, false, false),
        };
        let reported = self.reported(ctx, staff).unwrap_or(with_staff);
        Reading {
            reported,
            with_staff,
            co_handling,
            in_line,
            sent,
            handed: self.assignment.is_some() || self.taken_to.is_some(),
            lead: self.lead(ctx, staff),
            sender,
            // Nobody recorded as receiving it: anyone's, as `true` (ruling 151).
            received: self
                .first_responder
                .is_none_or(|fr| dept_of(Some(fr)).is_some_and(in_dept)),
            // The receiver's line: its department, one under it or one
            // above it (ruling 170); anyone's when nobody is recorded.
            received_in_line: self.first_responder.is_none_or(|fr| {
                dept_of(Some(fr))
                    .is_some_and(|d| in_dept(d) || departments.is_within(d, &staff.department))
            }),
        }
    }
}

impl Held<'_> {
    /// Whether the case's standing assignment (taken over since or not)
    /// went where no holder of `role` is: its named handler does not hold
    /// it and nobody in its lead department (or one under it) does
    /// (`holds_case = "role_absent"`, ruling 166); `false` with no
    /// assignment.
    pub(crate) fn role_absent(&self, ctx: &Ctx<'_>, role: &RoleId) -> bool {
        self.assignment.is_some_and(|a| {
            let departments = ctx.roster.departments();
            !ctx.roster.all_staff().any(|s| {
                s.has_role(role)
                    && (a.handler.as_ref() == Some(&s.id)
                        || departments.is_within(&s.department, &a.lead))
            })
        })
    }

    /// Where a case a step took over by hand is for `staff` (`holds_case =
    /// "reported"`, ruling 165): while that take-over stands (no assignment
    /// since), with the holders of the step's role in the line of the
    /// reporter's department — that department or one above it; every
    /// holder when none is there, as ruling 129 reads the assignment's
    /// line — and with the reporter's department or one under it. `None`
    /// (read as `true`) when no such take-over stands, a rule took the
    /// step, or the reporter is off the roster.
    fn reported(&self, ctx: &Ctx<'_>, staff: &Staff) -> Option<bool> {
        let role = self.taken_to?;
        if self.assignment.is_some() && !self.assigned_before_take_over {
            return None;
        }
        let by = ctx.roster.staff(self.reported_by?)?;
        let departments = ctx.roster.departments();
        let over = |s: &Staff| departments.is_within(&by.department, &s.department);
        let holders = || ctx.roster.all_staff().filter(|s| s.has_role(role));
        Some(
            departments.is_within(&staff.department, &by.department)
                || (staff.has_role(role) && (over(staff) || !holders().any(over))),
        )
    }

    /// Whether `staff` is the named handler of the case's standing
    /// assignment or in its lead department (or one under it), whatever
    /// step took the case over since (`holds_case = "lead"`, ruling 173):
    /// `true`'s reading of the assignment, kept through a take-over.
    fn lead(&self, ctx: &Ctx<'_>, staff: &Staff) -> bool {
        self.assignment.is_some_and(|a| {
            a.handler.as_ref() == Some(&staff.id)
                || ctx
                    .roster
                    .departments()
                    .is_within(&staff.department, &a.lead)
        })
    }
}

/// The manual escalation steps `staff`'s grants of `escalate` that hold on
/// `case` at `at` let him take (`steps`, ruling 166); `None`: any step —
/// `escalate` is among one of his roles' `actions`, or a grant without
/// `steps` holds.
pub(crate) fn escalation_steps<'p>(
    ctx: &Ctx<'p>,
    staff: &Staff,
    case: &Case,
    at: DateTime<Utc>,
) -> Option<Vec<&'p EscalationId>> {
    let policy: &'p tousu_policy::Policy = ctx.policy;
    if staff
        .roles
        .iter()
        .any(|r| policy.role_may(r, Action::Escalate))
    {
        return None;
    }
    let mut view = case_view(case, at);
    holds_case(ctx, staff, case, &mut view);
    let held = held(case);
    let mut steps = Vec::new();
    for role in staff.roles.iter().filter_map(|r| policy.role(r)) {
        for (_, g) in role.grants_of(Action::Escalate) {
            let mut own = view.clone();
            own.role_absent = held.role_absent(ctx, &role.id);
            if g.unmet(policy, &own).is_empty() {
                if g.steps.is_empty() {
                    return None;
                }
                steps.extend(g.steps.iter());
            }
        }
    }
    Some(steps)
}

/// Whether one of `staff`'s roles grants `action` on `case`: in its
/// `actions`, or by a conditional grant whose conditions hold. Refused as
/// [`Rejection::GrantConditionUnmet`] naming every unmet condition when a
/// grant exists but does not hold, else [`Rejection::NotPermitted`].
pub(crate) fn granted(
    ctx: &Ctx<'_>,
    staff: &Staff,
    case: &Case,
    action: Action,
    at: DateTime<Utc>,
) -> Result<(), Rejection> {
    granted_act(ctx, staff, case, (action, None), at)
}

/// [`granted`] for an action that may record an act: a grant limiting
/// `record_action` to some acts (`acts`, `milestones`) holds only for those.
fn granted_act(
    ctx: &Ctx<'_>,
    staff: &Staff,
    case: &Case,
    (action, act): (Action, RecordedAct<'_>),
    at: DateTime<Utc>,
) -> Result<(), Rejection> {
    if staff.roles.iter().any(|r| ctx.policy.role_may(r, action)) {
        return Ok(());
    }
    let mut roles = staff.roles.iter().filter_map(|r| ctx.policy.role(r));
    if !roles.any(|role| role.grants_of(action).next().is_some()) {
        return Err(not_permitted(staff, action));
    }
    let mut view = case_view(case, at);
    view.act = act;
    // The roster is read only when a grant asks.
    let asks =
        |role: &tousu_policy::Role| role.grants_of(action).any(|(_, g)| g.holds_case.is_set());
    if staff
        .roles
        .iter()
        .filter_map(|r| ctx.policy.role(r))
        .any(asks)
    {
        holds_case(ctx, staff, case, &mut view);
    }
    let held = held(case);
    grants_hold(ctx, staff, action, &view, |role| {
        held.role_absent(ctx, role)
    })
}

/// Whether a grant of `action` among `staff`'s roles holds for `view`;
/// else [`Rejection::GrantConditionUnmet`] naming every grant and its unmet
/// conditions ([`Rejection::NotPermitted`] when there is none).
fn grants_hold(
    ctx: &Ctx<'_>,
    staff: &Staff,
    action: Action,
    view: &CaseView<'_>,
    role_absent: impl Fn(&RoleId) -> bool,
) -> Result<(), Rejection> {
    let roles = staff.roles.iter().filter_map(|r| ctx.policy.role(r));
    let mut grants = roles
        .flat_map(|role| role.grants_of(action).map(move |(j, g)| (role, j, g)))
        .peekable();
    if grants.peek().is_none() {
        return Err(not_permitted(staff, action));
    }
    let mut unmet = Vec::new();
    for (role, j, grant) in grants {
        // `"role_absent"` reads the grant's own role (ruling 166).
        let failed = if grant
            .holds_case
            .values()
            .any(|v| v == tousu_policy::HoldsCase::RoleAbsent)
        {
            let mut own = view.clone();
            own.role_absent = role_absent(&role.id);
            grant.unmet(ctx.policy, &own)
        } else {
            grant.unmet(ctx.policy, view)
        };
        if failed.is_empty() {
            return Ok(());
        }
        unmet.push(format!(
            "role {} (grants[{j}]): {}",
            role.id,
            failed.join("; ")
        ));
    }
    Err(Rejection::GrantConditionUnmet {
        actor: staff.id.clone(),
        action,
        unmet,
    })
}

/// When the policy names the one role that may take `action` (`role` picks
/// it from the approval authority: extension approval, abnormal closure),
/// the actor must hold it as well.
pub(crate) fn require_named_role(
    staff: &Staff,
    role: impl FnOnce(&ApprovalAuthority) -> Option<&RoleId>,
    action: Action,
    ctx: &Ctx<'_>,
) -> Result<(), Rejection> {
    match ctx.policy.approval.as_ref().and_then(role) {
        Some(role) if !staff.has_role(role) => Err(not_permitted(staff, action)),
        _ => Ok(()),
    }
}

fn not_permitted(staff: &Staff, action: Action) -> Rejection {
    Rejection::NotPermitted {
        actor: staff.id.clone(),
        action,
        roles: staff.roles.iter().map(ToString::to_string).collect(),
    }
}

/// Approval authority: `amount` must be within the highest limit of the
/// actor's roles under `approvers` (the authority's own limits or the rule
/// that governs the proposal).
pub(crate) fn within_limit(
    staff: &Staff,
    amount: Money,
    approvers: &Approvers<'_>,
) -> Result<(), Rejection> {
    let limit = staff
        .roles
        .iter()
        .filter_map(|r| approvers.limit_of(r))
        .max();
    if limit.is_none_or(|l| amount > l) {
        return Err(Rejection::OutOfAuthority {
            actor: staff.id.clone(),
            amount,
            limit: limit.unwrap_or(Money::ZERO),
            required_role: approvers.required_role(amount).clone(),
            rule: approvers.rule.cloned(),
        });
    }
    Ok(())
}

/// Recusal (回避): the respondent, optionally their supervisor, and declared
/// conflicts take no decision on this complaint — every action but the
/// policy's `recusal.allowed_actions` is refused.
pub(crate) fn check_recusal(
    complaint: &Complaint,
    staff: &Staff,
    action: Action,
    ctx: &Ctx<'_>,
) -> Result<(), Rejection> {
    if ctx.policy.recusal.allows(action) {
        return Ok(());
    }
    match recusal_reason(complaint, &staff.id, ctx) {
        Some(reason) => Err(Rejection::Recused {
            staff: staff.id.clone(),
            action,
            reason,
        }),
        None => Ok(()),
    }
}

/// Why `staff` is recused from this complaint, if they are: the
/// respondent, (optionally) the respondent's supervisor, or a declared
/// conflict naming the complainant or a respondent department.
pub(crate) fn recusal_reason(
    complaint: &Complaint,
    staff: &StaffId,
    ctx: &Ctx<'_>,
) -> Option<String> {
    let rec = &ctx.policy.recusal;
    for r in &complaint.respondents {
        if let Some(rs) = &r.staff {
            if rec.respondent && rs == staff {
                return Some("they are the respondent (被投诉人)".to_owned());
            }
            // The roster is looked up only when the policy asks.
            let supervises =
                || ctx.roster.staff(rs).and_then(|s| s.supervisor.as_ref()) == Some(staff);
            if rec.respondent_supervisor && supervises() {
                return Some(format!("they supervise the respondent {rs}"));
            }
        }
    }
    for c in rec.conflicts.iter().filter(|c| c.staff == *staff) {
        let party = complaint
            .complainant
            .party_id
            .as_ref()
            .is_some_and(|p| c.parties.contains(p));
        let dept = complaint
            .respondents
            .iter()
            .filter_map(|r| r.department.as_ref())
            .any(|d| c.departments.contains(d));
        if party || dept {
            let why = c
                .reason_zh
                .clone()
                .unwrap_or_else(|| "a declared conflict of interest".to_owned());
            return Some(format!("declared conflict: {why}"));
        }
    }
    None
}

/// Segregation of duties: whoever proposed (`proposer`) may not approve,
/// unless the policy's `approval.allow_self_approval` says so.
pub(crate) fn check_not_own(
    staff: &Staff,
    proposer: Option<&StaffId>,
    action: Action,
    ctx: &Ctx<'_>,
) -> Result<(), Rejection> {
    if proposer == Some(&staff.id) && !ctx.policy.allows_self_approval() {
        return Err(Rejection::SelfApproval {
            staff: staff.id.clone(),
            action,
        });
    }
    Ok(())
}

/// Whether `actor` may see the case: anyone on the roster for an ordinary
/// case; for a confidential one, the staff involved (first responder,
/// assignee, anyone who acted) and roles the policy grants
/// `view_confidential` — never someone recused from it (the respondent, a
/// declared conflict), unless the policy lets recused people view it.
pub fn can_view(actor: &StaffId, case: &Case, ctx: &Ctx<'_>) -> bool {
    let Some(staff) = ctx.roster.staff(actor) else {
        return false;
    };
    if !case.complaint.flags.confidential {
        return true;
    }
    if !ctx.policy.recusal.allows(Action::ViewConfidential)
        && recusal_reason(&case.complaint, actor, ctx).is_some()
    {
        return false;
    }
    let involved = case.participants.contains(actor)
        || case.complaint.first_responder.as_ref() == Some(actor)
        || case.assignment.as_ref().and_then(|a| a.handler.as_ref()) == Some(actor);
    involved || granted(ctx, staff, case, Action::ViewConfidential, case.updated_at).is_ok()
}

/// Whether `staff` may record each of `facts` (`record_facts`, ruling
/// 150): any fact through `record_findings` in one of their roles'
/// `actions` or a grant of it naming no `facts`; else only the facts named
/// by a grant of it that holds for the case. Refused as
/// [`Rejection::GrantConditionUnmet`] naming the fact and what each grant
/// that holds lets the actor record.
pub(crate) fn facts_granted(
    ctx: &Ctx<'_>,
    staff: &Staff,
    case: &Case,
    facts: &BTreeMap<FactName, FactValue>,
    at: DateTime<Utc>,
) -> Result<(), Rejection> {
    let action = Action::RecordFindings;
    let roles = || staff.roles.iter().filter_map(|r| ctx.policy.role(r));
    let grants =
        || roles().flat_map(move |role| role.grants_of(action).map(move |(j, g)| (role, j, g)));
    // Cheap where no grant limits facts: nothing more is read.
    if staff.roles.iter().any(|r| ctx.policy.role_may(r, action))
        || !grants().any(|(_, _, g)| g.facts.is_some())
    {
        return Ok(());
    }
    let mut view = case_view(case, at);
    if grants().any(|(_, _, g)| g.holds_case.is_set()) {
        holds_case(ctx, staff, case, &mut view);
    }
    let holding: Vec<_> = grants()
        .filter(|(_, _, g)| g.unmet(ctx.policy, &view).is_empty())
        .collect();
    for name in facts.keys() {
        let refusals: Vec<String> = holding
            .iter()
            .map(|(role, j, g)| {
                g.fact_refused(name)
                    .map(|why| format!("role {} (grants[{j}]): {why}", role.id))
            })
            .collect::<Option<_>>()
            .unwrap_or_default();
        if !refusals.is_empty() {
            return Err(Rejection::GrantConditionUnmet {
                actor: staff.id.clone(),
                action,
                unmet: refusals,
            });
        }
    }
    Ok(())
}
