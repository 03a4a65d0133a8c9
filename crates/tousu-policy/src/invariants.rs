//! An invariant checker for policy tables, for people who test their own.
//!
//! Loading already rejects what is *invalid* (unknown references, bad
//! ranges, missing targets). [`check_invariants`] looks for what is valid
//! but will not work as the author meant: a level no rule can reach, a
//! severe level with a longer limit, rounds that run out with no escalation
//! step to take, a ladder that never reaches the top, a fine below zero, a
//! clock nothing can stop, an essential action no role may take, a
//! conditional grant that restricts nothing or can never hold (a callback
//! condition nobody can meet), an approval rule or threshold that never
//! applies, a route to a role that cannot handle the case
//! or a supporting role that cannot record what it finds,
//! one recorded act that stops two clocks, a record sign-off chain a role
//! of it may not sign, a periodic duty whose clause states no period and
//! whose file does not say its period is assumed, a duty whose miss is a
//! breach that charges nothing, a sign-off chain whose last signer would
//! also approve, a clock started only by roles that cannot make its start
//! events (`started_by`), a clock or holder owner limited to the hand-overs
//! of roles that may hand no case over (`handed_down_by`),
//! a role named to stop a clock that cannot make its
//! stop events (`stopped_by`), a role a hand-over is limited to that can
//! take no case on (`hands_over_to`), a registration requirement that refuses the very
//! complaints an acceptance rule turns away with advice, a field owed
//! before an event a case needs to end (`registration.before`) or one
//! nobody may give after registration (no role may `complete_details`, or
//! a field it does not give), a clock stopped by a
//! validity the findings never record, a repeating clock that never starts
//! its next period or never ends, a clock charged to a role that cannot
//! stop it or to an assignee an assignment may leave unnamed, a date a
//! role may promise (`set_agreed_deadline`) whose clock only the handler
//! owns (the `owners` module), a grant the engine always refuses (`not_accept`
//! with no acceptance rule that refuses and no `override_acceptance`,
//! `approve_extension` with no role that may `request_extension`), a
//! closure that waits for a clock nobody can stop or for a callback a
//! policy owing none requires (`closure_can_happen`), a role whose
//! `escalate` takes a manual step that brings the case to itself, hands
//! it back down to a role that escalates into it, or reports it to itself
//! among others (naming the clocks of others it stops) (`escalates_to_itself`),
//! a grant's `"received"` or `"sent"` where the moment it speaks of never
//! comes, or its `"lead"` where no case is taken over (`holds_case_applies`,
//! rulings 157, 173), an approval a grant waits for
//! that may be given where nothing was asked, or by the role that asked
//! (`approval_follows_request`, ruling 163), and, as a note for an audit,
//! the acts a role read as held in departments takes on any department's
//! case (`acts_on_any_case`).
//!
//! ```
//! use tousu_policy::{check_invariants, Policy, Severity};
//!
//! let findings = check_invariants(&Policy::default_policy()?);
//! assert!(findings.iter().all(|f| f.severity != Severity::Error), "{findings:#?}");
//! # Ok::<(), tousu_policy::PolicyError>(())
//! ```

use std::fmt;

mod approvals;
mod escalates;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tousu_model::{LevelId, Money};

use crate::authority::{Action, EscalationTrigger, RoundsAllowed, WhenRoundsExhausted};
use crate::milestone::{CaseAction, ClockEvent};
use crate::policy::Policy;
use crate::predicate::Predicate;
use crate::status::Status;
use crate::validate::longer;

/// How much a finding matters.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; often intended.
    Info,
    /// Probably not what the author meant.
    Warning,
    /// Cases under this policy will get stuck or be judged wrongly.
    Error,
}

/// One finding: how much it matters, which invariant, where, and what to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    /// How much it matters.
    pub severity: Severity,
    /// The invariant (`level_reachable`, `targets_monotone`, ...).
    pub invariant: &'static str,
    /// A path into the policy.
    pub path: String,
    /// What is wrong and what would fix it.
    pub message: String,
}

impl Severity {
    /// The word printed for it (`info`, `warning`, `error`), as serialized.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} [{}] {}: {}",
            self.severity.as_str(),
            self.invariant,
            self.path,
            self.message
        )
    }
}

/// The actions whose commands cause `event` (the workflow's contract;
/// `None` in the list means the clock itself causes it, as `tick` does).
pub(crate) fn causes(event: ClockEvent) -> &'static [Option<Action>] {
    use Action as A;
    match event {
        ClockEvent::Registered => &[Some(A::Register)],
        ClockEvent::Accepted => &[Some(A::Accept), Some(A::OverrideAcceptance)],
        ClockEvent::NotAccepted => &[Some(A::NotAccept)],
        ClockEvent::Classified => &[Some(A::Register), Some(A::Classify), Some(A::Reclassify)],
        ClockEvent::Assigned => &[Some(A::Assign)],
        ClockEvent::Transferred => &[Some(A::Transfer)],
        ClockEvent::InvestigationStarted => &[Some(A::Investigate)],
        ClockEvent::FindingsRecorded => &[Some(A::RecordFindings)],
        ClockEvent::SolutionProposed | ClockEvent::WorkOrderReturned => &[Some(A::ProposeSolution)],
        ClockEvent::Approved => &[Some(A::Approve)],
        ClockEvent::SentBack => &[Some(A::SendBack)],
        ClockEvent::Replied => &[Some(A::Reply)],
        ClockEvent::CallbackRecorded => &[Some(A::RecordCallback)],
        ClockEvent::Closed => &[
            Some(A::Close),
            Some(A::NotAccept),
            Some(A::CloseAbnormally),
            Some(A::CloseUnreachable),
            Some(A::Withdraw),
        ],
        ClockEvent::Reopened => &[Some(A::Reopen)],
        ClockEvent::Escalated => &[Some(A::Escalate), None],
        ClockEvent::ExtensionApproved => &[Some(A::ApproveExtension)],
        ClockEvent::ExtensionEnded => &[Some(A::ApproveExtension), None],
        ClockEvent::Withdrawn => &[Some(A::Withdraw)],
        ClockEvent::AgreedDeadlineSet => &[Some(A::SetAgreedDeadline)],
        ClockEvent::RepeatMerged => &[Some(A::Merge)],
        ClockEvent::CustomerContacted
        | ClockEvent::WorkCompleted
        | ClockEvent::ReportSubmitted
        | ClockEvent::VerificationDone
        | ClockEvent::CustomerVisited
        | ClockEvent::InstructionGiven
        | ClockEvent::ApprovalRequested
        | ClockEvent::ApprovalGiven => &[Some(A::RecordAction)],
        ClockEvent::FactsRecorded => &[Some(A::RecordFindings)],
        ClockEvent::ResultReportSigned => &[Some(A::SignRecord)],
        // The engine makes it, when the clock `breach_of` names breaches.
        ClockEvent::Breached => &[None],
    }
}

/// The actions a case needs to go from registration to a normal closure.
const ESSENTIAL: &[Action] = &[
    Action::Register,
    Action::Accept,
    Action::Assign,
    Action::Investigate,
    Action::ProposeSolution,
    Action::Approve,
    Action::Reply,
    Action::RecordCallback,
    Action::Close,
];

/// Some role may make `event` happen (or the clock itself does).
pub(crate) fn caused_by_someone(p: &Policy, event: ClockEvent) -> bool {
    causes(event)
        .iter()
        .any(|a| a.is_none_or(|a| some_role_may(p, a)))
}

/// Some role may take `action`, always or by a conditional grant.
fn some_role_may(p: &Policy, action: Action) -> bool {
    p.roles.iter().any(|r| r.may_sometimes(action))
}

fn assigns(pred: &Predicate) -> bool {
    !matches!(pred, Predicate::Always(false))
}

/// Checks the invariants a working policy keeps; see the module docs.
/// Findings come in a stable order: by invariant, then by path.
#[must_use]
pub fn check_invariants(p: &Policy) -> Vec<Finding> {
    let mut out = Findings(Vec::new());
    levels_reachable(p, &mut out);
    targets_monotone(p, &mut out);
    rounds_lead_somewhere(p, &mut out);
    ladders_reach_top(p, &mut out);
    fines_non_negative(p, &mut out);
    milestones_run_and_stop(p, &mut out);
    actions_name_their_clock(p, &mut out);
    fact_steps_can_fire(p, &mut out);
    flow_completes(p, &mut out);
    overtime_fines_apply(p, &mut out);
    grants_restrict(p, &mut out);
    grants_can_hold(p, &mut out);
    approval_rules_reachable(p, &mut out);
    routes_handle(p, &mut out);
    routes_support(p, &mut out);
    record_sign_offs_complete(p, &mut out);
    restricted_steps_can_be_taken(p, &mut out);
    duties_state_their_period(p, &mut out);
    duty_misses_charge(p, &mut out);
    sign_off_changes_hands(p, &mut out);
    deciders_named(p, &mut out);
    decisions_have_standing(p, &mut out);
    grants_usable(p, &mut out);
    escalates::escalates_to_itself(p, &mut out);
    approvals::approval_follows_request(p, &mut out);
    for (path, message) in crate::started_by::never_started(p) {
        out.add(Severity::Warning, "handover_clocks_start", path, message);
    }
    for (path, message) in crate::handed_down_by::never_handed_down(p) {
        out.add(
            Severity::Warning,
            "handed_down_by_roles_hand_over",
            path,
            message,
        );
    }
    for (path, message) in crate::stopped_by::never_stopping(p) {
        out.add(Severity::Warning, "stopped_by_roles_stop", path, message);
    }
    for (path, message) in crate::hands_over::receivers_cannot_handle(p) {
        out.add(Severity::Warning, "hand_overs_received", path, message);
    }
    for (path, message) in crate::hands_over::grant_lists_limit_nothing(p) {
        out.add(Severity::Warning, "hand_over_lists_limit", path, message);
    }
    for (path, message) in crate::registration::refusals_blocked(p) {
        out.add(Severity::Warning, "refusals_registrable", path, message);
    }
    for (severity, path, message) in crate::registration::before_binds(p) {
        out.add(severity, "record_requirement_binds", path, message);
    }
    before_fields_completable(p, &mut out);
    for (path, message) in crate::holds_case::invariants(p) {
        out.add(Severity::Warning, "holds_case_applies", path, message);
    }
    for (path, message) in crate::holds_lead::invariants(p) {
        out.add(Severity::Warning, "holds_case_applies", path, message);
    }
    for (path, message) in crate::holds_sender::invariants(p) {
        out.add(Severity::Warning, "holds_case_applies", path, message);
    }
    for (path, message) in crate::holds_reported::invariants(p) {
        out.add(Severity::Warning, "holds_case_applies", path, message);
    }
    for (path, message) in crate::reached::invariants(p) {
        out.add(Severity::Error, "grants_can_hold", path, message);
    }
    for (path, message) in crate::any_case::invariants(p) {
        out.add(Severity::Info, "acts_on_any_case", path, message);
    }
    for (severity, path, message) in crate::holder::invariants(p) {
        out.add(severity, "holders_can_act", path, message);
    }
    let mut out = out.0;
    out.extend(crate::stop_on_validity::invariants(p));
    out.extend(crate::repeat::invariants(p));
    out.extend(crate::owners::invariants(p));
    out.extend(crate::closure::invariants(p));
    out.sort_by(|a, b| (a.invariant, &a.path).cmp(&(b.invariant, &b.path)));
    out
}

/// The findings gathered so far, one check after another.
struct Findings(Vec<Finding>);

impl Findings {
    fn add(&mut self, severity: Severity, invariant: &'static str, path: String, message: String) {
        self.0.push(Finding {
            severity,
            invariant,
            path,
            message,
        });
    }
}

/// Every level is reachable by the rules (or, failing that, by hand).
fn levels_reachable(p: &Policy, out: &mut Findings) {
    let manual = some_role_may(p, Action::Reclassify);
    for (i, level) in p.levels.iter().enumerate() {
        let by_rule = p.classification.default == level.id
            || p.classification
                .rules
                .iter()
                .any(|r| r.level == level.id && assigns(&r.when));
        if !by_rule {
            let (severity, how) = if manual {
                (
                    Severity::Info,
                    "only a manual reclassification can reach it",
                )
            } else {
                (
                    Severity::Error,
                    "no role may reclassify either, so no case can ever have it",
                )
            };
            out.add(
                severity,
                "level_reachable",
                format!("levels[{i}]"),
                format!(
                    "level {:?} is neither the classification default nor assigned by any rule; {how}",
                    level.id.as_str()
                ),
            );
        }
    }
}

/// Targets are monotone with severity, category overrides included.
fn targets_monotone(p: &Policy, out: &mut Findings) {
    for (i, m) in p.milestones.iter().enumerate() {
        for (j, o) in m.category_overrides.iter().enumerate() {
            let targets: Vec<(&LevelId, _)> = p
                .levels
                .iter()
                .filter_map(|l| o.level_target(&l.id).map(|t| (&l.id, t)))
                .collect();
            for pair in targets.windows(2) {
                if let [(lo, lo_t), (hi, hi_t)] = pair
                    && longer(*hi_t, *lo_t) == Some(true)
                {
                    out.add(
                        Severity::Warning,
                        "targets_monotone",
                        format!("milestones[{i}].category_overrides[{j}].targets.{hi}"),
                        format!("{hi_t} for {hi} is longer than {lo_t} for the less severe {lo}"),
                    );
                }
            }
        }
        for pair in p.levels.windows(2) {
            if let [lo, hi] = pair
                && let (Some(lo_t), Some(hi_t)) = (m.level_target(&lo.id), m.level_target(&hi.id))
                && longer(hi_t, lo_t) == Some(true)
            {
                out.add(
                    Severity::Warning,
                    "targets_monotone",
                    format!("milestones[{i}].targets.{}", hi.id),
                    format!(
                        "{hi_t} for {} is longer than {lo_t} for the less severe {}",
                        hi.id, lo.id
                    ),
                );
            }
        }
    }
}

/// Rounds that run out lead somewhere; a policy that handles until the
/// customer is satisfied lets someone open the next round.
fn rounds_lead_somewhere(p: &Policy, out: &mut Findings) {
    if p.rounds.when_exhausted == WhenRoundsExhausted::UntilSatisfied
        && !some_role_may(p, Action::Reopen)
    {
        out.add(
            Severity::Error,
            "rounds_lead_somewhere",
            "rounds.when_exhausted".to_owned(),
            "is \"until_satisfied\", but no role may reopen: a case left unsatisfied after the last step can never have another round; grant `reopen` to the role the last step hands over to".to_owned(),
        );
    }
    for level in &p.levels {
        let limited = !matches!(p.rounds_allowed(&level.id), RoundsAllowed::Unlimited);
        // A step for some categories only still leads somewhere for them.
        let steps: Vec<_> = p
            .escalation
            .iter()
            .filter(|s| s.after == EscalationTrigger::RoundsExhausted && s.applies_to(&level.id))
            .collect();
        if limited && p.rounds.when_exhausted == WhenRoundsExhausted::Escalate && steps.is_empty() {
            out.add(
                Severity::Warning,
                "rounds_lead_somewhere",
                format!("rounds.per_level.{}", level.id),
                format!(
                    "rounds for {} are limited and exhausted rounds escalate, but no `rounds_exhausted` step applies to it: such a case closes unsatisfied instead",
                    level.id
                ),
            );
        }
    }
}

/// Escalation ladders reach the role above every approval limit (above
/// the authority's own limits or one of its rules'), or a role of the
/// sign-off chain every such proposal passes (ruling 43: one who signs
/// every proposal first stands above the approver for escalation too).
fn ladders_reach_top(p: &Policy, out: &mut Findings) {
    let Some(auth) = p.approval.as_ref() else {
        return;
    };
    let mut tops = vec![&auth.above];
    let others = auth.rules.iter().map(|r| &r.above);
    for role in others.chain(&auth.sign_off) {
        if !tops.contains(&role) {
            tops.push(role);
        }
    }
    for trigger in [
        EscalationTrigger::Manual,
        EscalationTrigger::RoundsExhausted,
    ] {
        let steps: Vec<_> = p.escalation.iter().filter(|s| s.after == trigger).collect();
        let Some(last) = steps.last() else {
            continue;
        };
        let reaches = tops
            .iter()
            .any(|top| last.take_over.as_ref() == Some(*top) || last.notify.contains(top));
        if !reaches {
            let path = p
                .escalation
                .iter()
                .position(|s| s.id == last.id)
                .map_or_else(|| "escalation".to_owned(), |k| format!("escalation[{k}]"));
            let names = tops
                .iter()
                .map(|t| format!("\"{t}\""))
                .collect::<Vec<_>>()
                .join(" or ");
            let whom = if tops.len() > 1 {
                "the roles above the approval limits"
            } else {
                "the role above every approval limit"
            };
            out.add(
                Severity::Warning,
                "ladder_reaches_top",
                path,
                format!(
                    "the last {trigger} step neither notifies nor hands over to {names}, {whom}"
                ),
            );
        }
    }
}

/// Fines are never negative.
fn fines_non_negative(p: &Policy, out: &mut Findings) {
    if let Some(s) = &p.penalties {
        let mut money: Vec<(String, Money)> = s
            .overtime
            .iter()
            .map(|(l, m)| (format!("penalties.overtime.{l}"), *m))
            .collect();
        for (id, v) in &s.violations {
            money.push((
                format!("penalties.violations.{id}.responsible"),
                v.responsible,
            ));
            money.push((
                format!("penalties.violations.{id}.supervisor"),
                v.supervisor,
            ));
        }
        if let Some(l) = &s.count_ladder {
            money.extend(l.tiers.iter().enumerate().map(|(k, t)| {
                (
                    format!("penalties.count_ladder.tiers[{k}].amount"),
                    t.amount,
                )
            }));
        }
        money.extend(
            s.sanctions
                .values
                .iter()
                .map(|(k, m)| (format!("penalties.sanctions.values.{k}"), *m)),
        );
        for (id, e) in &s.overtime_by_milestone {
            money.extend(
                e.amount
                    .map(|m| (format!("penalties.overtime_by_milestone.{id}.amount"), m)),
            );
            money.extend(e.levels.iter().map(|(l, m)| {
                (
                    format!("penalties.overtime_by_milestone.{id}.levels.{l}"),
                    *m,
                )
            }));
        }
        for (path, m) in money {
            if m.is_negative() {
                out.add(
                    Severity::Error,
                    "fines_non_negative",
                    path,
                    format!("{m} is negative; fines are 0 or more"),
                );
            }
        }
    }
}

/// A milestone's own overtime fine can be charged: the milestone is among
/// the fined ones and can breach (a reminder never does).
fn overtime_fines_apply(p: &Policy, out: &mut Findings) {
    let Some(s) = &p.penalties else {
        return;
    };
    for m in s.overtime_by_milestone.keys() {
        let path = format!("penalties.overtime_by_milestone.{m}");
        if !s.overtime_milestones.is_empty() && !s.overtime_milestones.contains(m) {
            out.add(
                Severity::Warning,
                "overtime_fine_applies",
                path.clone(),
                format!(
                    "{m} has its own overtime fine but is not in `overtime_milestones`, which limits the fined milestones: its breaches are never fined; add it there"
                ),
            );
        }
        if p.milestone(m).is_some_and(|x| x.reminder) {
            out.add(
                Severity::Warning,
                "overtime_fine_applies",
                path,
                format!(
                    "{m} is a reminder, which never breaches: its overtime fine is never charged"
                ),
            );
        }
    }
}

/// Every milestone can start and be stopped, and stops when the case ends.
fn milestones_run_and_stop(p: &Policy, out: &mut Findings) {
    for (i, m) in p.milestones.iter().enumerate() {
        let stoppable = m.stop.iter().any(|&e| caused_by_someone(p, e));
        if !stoppable {
            let events: Vec<&str> = m.stop.iter().map(|e| e.id()).collect();
            out.add(
                Severity::Error,
                "milestone_stoppable",
                format!("milestones[{i}].stop"),
                format!(
                    "no role may take an action that causes any of [{}]: the clock of {} can never stop",
                    events.join(", "),
                    m.id
                ),
            );
        }
        if !m.stop.contains(&ClockEvent::Closed) {
            out.add(
                Severity::Warning,
                "milestone_stops_on_close",
                format!("milestones[{i}].stop"),
                format!(
                    "{} does not stop on `closed`: a case closed abnormally or withdrawn leaves its clock open",
                    m.id
                ),
            );
        }
        let startable = m.start.iter().any(|&e| caused_by_someone(p, e));
        if !startable {
            out.add(
                Severity::Warning,
                "milestone_startable",
                format!("milestones[{i}].start"),
                format!(
                    "no role may take an action that starts {}: it never runs",
                    m.id
                ),
            );
        }
    }
}

/// One recorded act stops one clock: an action that two milestones stop on
/// without `named_actions` stops both at once whatever it was for (S10: the
/// site manager's written report would also stop the company leader's).
fn actions_name_their_clock(p: &Policy, out: &mut Findings) {
    for &action in CaseAction::ALL {
        let e = action.clock_event();
        let mut unnamed = p
            .milestones
            .iter()
            .enumerate()
            .filter(|(_, m)| !m.named_actions && m.stop.contains(&e));
        let Some((_, first)) = unnamed.next() else {
            continue;
        };
        for (i, m) in unnamed {
            out.add(
                Severity::Warning,
                "action_names_its_clock",
                format!("milestones[{i}].stop"),
                format!(
                    "`{e}` stops both {} and {}: one `record_action` stops both, whatever it was for; if they are different acts, set `named_actions = true` on both and name the clock in the command (`milestone = \"{}\"`)",
                    first.id, m.id, m.id
                ),
            );
        }
    }
}

/// A step taken when a fact is recorded needs someone who may record facts
/// (`record_findings`), and this fact (a grant's `facts`, ruling 150);
/// without one it is never taken.
fn fact_steps_can_fire(p: &Policy, out: &mut Findings) {
    let any = some_role_may(p, Action::RecordFindings);
    for (i, s) in p.escalation.iter().enumerate() {
        let EscalationTrigger::FactRecorded(name) = &s.after else {
            continue;
        };
        let message = if !any {
            format!(
                "no role may record facts (`record_findings`), so {name} is never recorded and the step {} is never taken",
                s.id
            )
        } else if !p.roles.iter().any(|r| r.may_record_fact_sometimes(name)) {
            format!(
                "every role that records findings is limited to other facts (a grant's `facts`), so {name} is never recorded and the step {} is never taken; name it in one",
                s.id
            )
        } else {
            continue;
        };
        out.add(
            Severity::Error,
            "fact_step_can_fire",
            format!("escalation[{i}].after.fact_recorded"),
            message,
        );
    }
}

/// A manual step restricted to some roles (`by`) needs one of them to hold
/// `escalate`, or nobody ever takes it.
fn restricted_steps_can_be_taken(p: &Policy, out: &mut Findings) {
    for (i, s) in p.escalation.iter().enumerate() {
        let takers = s.by.iter().any(|id| {
            p.role(id)
                .is_some_and(|r| r.may_sometimes(Action::Escalate))
        });
        if !s.by.is_empty() && !takers {
            out.add(
                Severity::Error,
                "restricted_step_can_be_taken",
                format!("escalation[{i}].by"),
                format!(
                    "no role of {} may escalate, so the step {} is never taken; grant `escalate` to one of them",
                    s.by.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
                    s.id
                ),
            );
        }
    }
}

/// A case can go from registration to closure, and whoever takes it over can act.
fn flow_completes(p: &Policy, out: &mut Findings) {
    // A policy whose closure needs no callback of any case (ruling 92)
    // completes without one; one that needs none of some cases only
    // (ruling 120) still needs someone to record it for the others.
    let no_callback = p.closure.never_needs_callback();
    for &action in ESSENTIAL {
        if no_callback && action == Action::RecordCallback {
            continue;
        }
        if !some_role_may(p, action) {
            out.add(
                Severity::Error,
                "essential_action_granted",
                "roles".to_owned(),
                format!("no role may {action}: cases cannot complete the normal flow"),
            );
        }
    }
    // Whoever takes a case over can act on it.
    for (k, step) in p.escalation.iter().enumerate() {
        if let Some(role) = &step.take_over
            && p.role(role).is_some_and(|r| r.actions.is_empty())
        {
            out.add(
                Severity::Warning,
                "take_over_can_act",
                format!("escalation[{k}].take_over"),
                format!("role {role} takes cases over but may take no action"),
            );
        }
    }
}

/// A field `[[registration.before]]` owes can be given after registration
/// (ruling 66): otherwise a complaint registered without it can never pass
/// the entry's events, and a case that needs one of them to close is stuck.
/// A field `required` at registration is every complaint's already
/// (`registration::check` warns of it).
fn before_fields_completable(p: &Policy, out: &mut Findings) {
    let Some(reg) = &p.registration else {
        return;
    };
    let completer = some_role_may(p, Action::CompleteDetails);
    for (i, entry) in reg.before.iter().enumerate() {
        let events: Vec<String> = entry.events.iter().map(|e| format!("`{e}`")).collect();
        let events = events.join(", ");
        // Stuck, not merely unable to take a side road, when an event
        // is one a normal closure passes.
        let stuck = entry
            .events
            .iter()
            .any(|e| causes(*e).iter().flatten().any(|a| ESSENTIAL.contains(a)));
        let severity = if stuck {
            Severity::Error
        } else {
            Severity::Warning
        };
        for (j, field) in entry.required.iter().enumerate() {
            if reg.required.contains(field) {
                continue;
            }
            let why = if !completed_by_details(field) {
                format!(
                    "{field} is given only at registration (only complete_details changes the complaint afterwards, and it gives the complainant's name, contact, the subject and the location; record_facts records findings, not the complaint); require it at registration (registration.required), or leave it out of this entry"
                )
            } else if !completer {
                format!(
                    "no role may complete_details, which would give it afterwards (ruling 66); grant complete_details to a role that takes complaints in, or require {field} at registration (registration.required)"
                )
            } else {
                continue;
            };
            out.add(
                severity,
                "record_requirement_completable",
                format!("registration.before[{i}].required[{j}]"),
                format!(
                    "a case whose complaint was registered without {field} can never be taken past {events} by a command: {why}"
                ),
            );
        }
    }
}

/// The fields a `complete_details` command can give: the workflow's
/// `Details` (name, contact, subject, location, respondents; ruling 138);
/// nothing else changes the complaint after registration.
fn completed_by_details(field: &crate::RequiredField) -> bool {
    use crate::RequiredField as F;
    match field {
        F::ComplainantName | F::Contact | F::Phone | F::Subject | F::Location | F::Respondent => {
            true
        }
        F::Category | F::IncidentAt | F::Fact(_) => false,
    }
}

/// A conditional grant restricts something: the role does not already have
/// the action unconditionally (where the grant's conditions would be void).
fn grants_restrict(p: &Policy, out: &mut Findings) {
    for (i, role) in p.roles.iter().enumerate() {
        for (j, g) in role.grants.iter().enumerate() {
            for (k, a) in g.actions.iter().enumerate().filter(|(_, a)| role.may(**a)) {
                out.add(
                    Severity::Warning,
                    "grants_restrict",
                    format!("roles[{i}].grants[{j}].actions[{k}]"),
                    format!(
                        "role {} may {a} always (its `actions` list it), so this grant's conditions restrict nothing; remove {a} from one of them",
                        role.id
                    ),
                );
            }
        }
    }
}

/// A grant's conditions can hold together: a step it waits for applies to
/// one of its levels, and a final status is named only for notes.
fn grants_can_hold(p: &Policy, out: &mut Findings) {
    for (i, role) in p.roles.iter().enumerate() {
        for (j, g) in role.grants.iter().enumerate() {
            let path = format!("roles[{i}].grants[{j}]");
            let steps: Vec<_> = p
                .escalation
                .iter()
                .filter(|s| g.after_escalation.contains(&s.id))
                .collect();
            let reachable = g.levels.is_empty()
                || steps.is_empty()
                || steps
                    .iter()
                    .any(|s| g.levels.iter().any(|l| s.applies_to(l)));
            if !reachable {
                out.add(
                    Severity::Error,
                    "grants_can_hold",
                    format!("{path}.after_escalation"),
                    format!(
                        "none of these steps applies at the grant's levels ({}), so the grant never holds",
                        g.levels.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
                    ),
                );
            }
            let only_final = !g.statuses.is_empty() && g.statuses.iter().all(|s| !s.is_open());
            if only_final && g.actions.iter().any(|a| *a != Action::AddNote) {
                out.add(
                    Severity::Error,
                    "grants_can_hold",
                    format!("{path}.statuses"),
                    "names only final statuses (closed, not_accepted), where a case takes notes alone; the grant's other actions are never possible".to_owned(),
                );
            }
            steps_can_hold(g, &path, out);
            replied_since_can_hold(g, &path, out);
            callback_can_hold(p, g, &path, out);
            findings_can_hold(p, g, &path, out);
            handed_can_hold(p, g, &path, out);
            acts_can_hold(p, g, &path, out);
        }
    }
}

/// A grant that waits for a reply since escalation steps
/// (`replied_since_escalation`, ruling 168) can hold: one of those steps
/// does not end it (`not_after_escalation`).
fn replied_since_can_hold(g: &crate::authority::Grant, path: &str, out: &mut Findings) {
    if g.replied_since_escalation.is_empty() {
        return;
    }
    let names = |v: &[crate::ids::EscalationId]| {
        v.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    if g.replied_since_escalation
        .iter()
        .all(|s| g.not_after_escalation.contains(s))
    {
        out.add(
            Severity::Error,
            "grants_can_hold",
            format!("{path}.replied_since_escalation"),
            format!(
                "names only steps that end the grant (`not_after_escalation`: {}): a reply since one of them comes after it was taken, when the grant has ended, so it never holds",
                names(&g.not_after_escalation)
            ),
        );
    }
}

/// A grant that waits for escalation steps (`after_escalation`) and ends
/// with others (`not_after_escalation`, ruling 159) can hold: one step it
/// waits for is not among those that end it.
fn steps_can_hold(g: &crate::authority::Grant, path: &str, out: &mut Findings) {
    if g.after_escalation.is_empty()
        || !g
            .after_escalation
            .iter()
            .all(|s| g.not_after_escalation.contains(s))
    {
        return;
    }
    out.add(
        Severity::Error,
        "grants_can_hold",
        format!("{path}.not_after_escalation"),
        format!(
            "names every step the grant waits for ({}): once one of them is taken the grant has ended, so it never holds; a grant that ends with a step waits for an earlier one, or for none",
            g.after_escalation
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    );
}

/// A grant waiting for an act (`after_acts`, ruling 131) can hold: some
/// role may record one of its acts (`record_action`, always or by a grant
/// whose `acts` admit it).
fn acts_can_hold(p: &Policy, g: &crate::authority::Grant, path: &str, out: &mut Findings) {
    if g.after_acts.is_empty() {
        return;
    }
    let records = |act: &CaseAction| {
        p.roles.iter().any(|r| {
            r.may(Action::RecordAction)
                || r.grants_of(Action::RecordAction)
                    .any(|(_, rg)| rg.acts.is_empty() || rg.acts.contains(act))
        })
    };
    if !g.after_acts.iter().any(records) {
        out.add(
            Severity::Error,
            "grants_can_hold",
            format!("{path}.after_acts"),
            "no role may record any of these acts (`record_action`, always or by a grant whose `acts` name it), so the grant never holds; grant the act to the role the regulation gives it (e.g. the leader who gives the instruction)".to_owned(),
        );
    }
}

/// A grant on a case handed to the actor (`holds_case = "handed"`, ruling
/// 130) can hold: some role may hand a case over (`assign`, `transfer`) or
/// some step takes a case over; else no case is ever handed to anyone.
fn handed_can_hold(p: &Policy, g: &crate::authority::Grant, path: &str, out: &mut Findings) {
    if !g.holds_case.needs_hand_over() {
        return;
    }
    let hands_over = some_role_may(p, Action::Assign) || some_role_may(p, Action::Transfer);
    if !hands_over && p.escalation.iter().all(|s| s.take_over.is_none()) {
        out.add(
            Severity::Error,
            "grants_can_hold",
            format!("{path}.holds_case"),
            "no role may assign or transfer a case and no escalation step takes one over (`take_over`), so no case is ever handed to anyone and the grant never holds; write `holds_case = true` (a case nobody was handed is anyone's) or let a role hand cases over".to_owned(),
        );
    }
}

/// A grant on the last callback's answer (ruling 60) can hold: some role
/// may record a callback, and the grant's statuses include one a recorded
/// callback leaves the case in (`replied`, or `closed` for notes), since a
/// reply or a new round clears it.
fn callback_can_hold(p: &Policy, g: &crate::authority::Grant, path: &str, out: &mut Findings) {
    if g.callback.is_empty() {
        return;
    }
    if !some_role_may(p, Action::RecordCallback) {
        out.add(
            Severity::Error,
            "grants_can_hold",
            format!("{path}.callback"),
            "no role may record_callback, so no case ever has a callback and the grant never holds; grant record_callback or remove the condition".to_owned(),
        );
    }
    let after_callback = |s: &Status| matches!(s, Status::Replied | Status::Closed);
    if !g.statuses.is_empty() && !g.statuses.iter().any(after_callback) {
        out.add(
            Severity::Error,
            "grants_can_hold",
            format!("{path}.callback"),
            "a callback is recorded only once the case is replied, and a reply or a new round clears it, so with these statuses the grant never holds; add \"replied\" to `statuses`".to_owned(),
        );
    }
}

/// A grant on the round's findings can hold: some role may record
/// findings, and the grant's statuses include one a case with findings can
/// be in (`investigating` or later), since a new round clears them.
fn findings_can_hold(p: &Policy, g: &crate::authority::Grant, path: &str, out: &mut Findings) {
    if !g.findings_recorded {
        return;
    }
    if !some_role_may(p, Action::RecordFindings) {
        out.add(
            Severity::Error,
            "grants_can_hold",
            format!("{path}.findings_recorded"),
            "no role may record_findings, so no case ever has findings and the grant never holds; grant record_findings or remove the condition".to_owned(),
        );
    }
    let before_findings = |s: &Status| {
        matches!(
            s,
            Status::Registered | Status::Accepted | Status::Assigned | Status::NotAccepted
        )
    };
    if !g.statuses.is_empty() && g.statuses.iter().all(before_findings) {
        out.add(
            Severity::Error,
            "grants_can_hold",
            format!("{path}.findings_recorded"),
            "findings are recorded only while the case is investigated, and a new round clears them, so with these statuses the grant never holds; add \"investigating\" or a later status to `statuses`".to_owned(),
        );
    }
}

/// Every approval rule can apply: none follows a rule without conditions
/// (which governs every proposal it sees first), and no threshold of a
/// rule for amounts over X (`amount_over`) is up to X or less.
fn approval_rules_reachable(p: &Policy, out: &mut Findings) {
    let Some(auth) = &p.approval else {
        return;
    };
    // A rule for amounts over X never sees an amount up to X, so its
    // thresholds up to X name roles that never approve under it.
    for (i, rule) in auth.rules.iter().enumerate() {
        let Some(over) = rule.amount_over else {
            continue;
        };
        for (k, t) in rule
            .thresholds
            .iter()
            .enumerate()
            .filter(|(_, t)| t.up_to <= over)
        {
            out.add(
                Severity::Error,
                "approval_rules_reachable",
                format!("approval.rules[{i}].thresholds[{k}]"),
                format!(
                    "never applies: the rule governs only amounts over {} (amount_over), and this threshold is up to {}; raise it above {} or remove it",
                    over.to_plain_string(),
                    t.up_to.to_plain_string(),
                    over.to_plain_string()
                ),
            );
        }
    }
    if let Some(first) = auth.rules.iter().position(|r| !r.is_conditional()) {
        for k in first + 1..auth.rules.len() {
            out.add(
                Severity::Error,
                "approval_rules_reachable",
                format!("approval.rules[{k}]"),
                format!(
                    "never applies: approval.rules[{first}] has no condition and governs every proposal first; give it a condition or move it last"
                ),
            );
        }
    }
}

/// A route hands its categories to a role that can handle them: it may
/// investigate and propose a solution (always or by a grant).
fn routes_handle(p: &Policy, out: &mut Findings) {
    for (i, route) in p.routing.iter().enumerate() {
        let Some(role) = p.role(&route.handler_role) else {
            continue;
        };
        for action in [Action::Investigate, Action::ProposeSolution] {
            if !role.may_sometimes(action) {
                out.add(
                    Severity::Warning,
                    "routes_handle",
                    format!("routing[{i}].handler_role"),
                    format!(
                        "role {} handles these categories but may not {action}; grant it",
                        role.id
                    ),
                );
            }
        }
    }
}

/// A route's supporting (协办) role can give its support: it may record
/// findings (always or by a grant), else being called in does nothing
/// (ruling 42).
fn routes_support(p: &Policy, out: &mut Findings) {
    for (i, route) in p.routing.iter().enumerate() {
        for (k, id) in route.support.iter().enumerate() {
            if p.role(id)
                .is_some_and(|r| !r.may_sometimes(Action::RecordFindings))
            {
                out.add(
                    Severity::Warning,
                    "routes_support",
                    format!("routing[{i}].support[{k}]"),
                    format!(
                        "role {id} supports these categories but may not record_findings, so what it finds is never recorded; grant it (e.g. by a grant `when = {{ category = [...] }}`)"
                    ),
                );
            }
        }
    }
}

/// Every role of a record's sign-off chain may sign (`sign_record`): a
/// role that may not leaves the chain incomplete, and what waits for the
/// record (the proposal, the callback, the closure) is refused on every
/// case. A `required` record some role must be able to make, or what
/// waits for it is refused as `record_missing` on every case.
fn record_sign_offs_complete(p: &Policy, out: &mut Findings) {
    for (i, s) in p.record_sign_offs.iter().enumerate() {
        let maker = s.record.made_by();
        if s.required && !p.roles.iter().any(|r| r.may_sometimes(maker)) {
            out.add(
                Severity::Error,
                "record_sign_off_completes",
                format!("record_sign_offs[{i}].required"),
                format!(
                    "the {} record is required but no role may `{maker}`, so it is never made and every {} is refused; grant {maker} to the role that makes it",
                    s.record,
                    s.record.waiting()
                ),
            );
        }
        for (j, id) in s.chain.iter().enumerate() {
            let Some(role) = p.role(id) else {
                continue;
            };
            if !role.may_sometimes(Action::SignRecord) {
                out.add(
                    Severity::Error,
                    "record_sign_off_completes",
                    format!("record_sign_offs[{i}].chain[{j}]"),
                    format!(
                        "role {} signs the {} record but may not `sign_record`, so the chain never completes and every {} is refused; grant it",
                        role.id,
                        s.record,
                        s.record.waiting()
                    ),
                );
            }
        }
    }
}

/// A duty's clause states its period (每天, 每周, 每月…) or the duty says
/// why its period is the file's: 「定期」 gives none.
fn duties_state_their_period(p: &Policy, out: &mut Findings) {
    for (i, d) in p.duties.iter().enumerate() {
        let states = d.clause.contains('每') && !d.clause.contains("定期");
        if !states && d.assumed.is_none() {
            out.add(
                Severity::Warning,
                "duty_period_stated",
                format!("duties[{i}].period"),
                format!(
                    "the clause of {:?} states no period (no 每天 / 每周 / 每月; 「定期」 gives none), yet the duty does not say its period is assumed: write `assumed = \"…\"` with the reason",
                    d.id.as_str()
                ),
            );
        }
    }
}

/// A duty whose miss is a breach charges something: a violation that fines
/// nobody and brings no sanction makes the breach a reminder in disguise.
fn duty_misses_charge(p: &Policy, out: &mut Findings) {
    let Some(schedule) = &p.penalties else { return };
    for (i, d) in p.duties.iter().enumerate() {
        let crate::duties::OnMiss::Violation(v) = &d.on_miss else {
            continue;
        };
        if let Some(fine) = schedule.violations.get(v)
            && fine.responsible == Money::ZERO
            && fine.supervisor == Money::ZERO
            && fine.outcomes.is_empty()
            && fine.sanctions.is_empty()
        {
            out.add(
                Severity::Warning,
                "duty_miss_charges",
                format!("duties[{i}].on_miss.violation"),
                format!(
                    "a miss of {:?} charges {:?}, which fines 0 and brings no sanction; give the violation its fine, or write on_miss = \"remind\"",
                    d.id.as_str(),
                    v.as_str()
                ),
            );
        }
    }
}

/// An extension or an abnormal closure is decided only by the role
/// `approval.extension` / `approval.abnormal_closure` names, when it names
/// one: another role granted `approve_extension` (or `deny_extension`,
/// `end_extension`: the same action) or `close_abnormally` holds an action
/// that is always refused, unless its holder also holds the named role.
fn deciders_named(p: &Policy, out: &mut Findings) {
    let Some(a) = p.approval.as_ref() else {
        return;
    };
    let named = [
        (Action::ApproveExtension, "extension", a.extension.as_ref()),
        (
            Action::CloseAbnormally,
            "abnormal_closure",
            a.abnormal_closure.as_ref(),
        ),
    ];
    for (action, key, decider) in named {
        let Some(decider) = decider else { continue };
        for (i, role) in p.roles.iter().enumerate() {
            if role.id == *decider || !role.may_sometimes(action) {
                continue;
            }
            out.add(
                Severity::Warning,
                "deciders_named",
                format!("roles[{i}].actions"),
                format!(
                    "{:?} is granted {action}, but approval.{key} names {:?}, so a holder of {:?} who does not also hold {:?} is always refused; take the action away or name the role in approval.{key}",
                    role.id.as_str(),
                    decider.as_str(),
                    role.id.as_str(),
                    decider.as_str()
                ),
            );
        }
    }
}

/// A decision on a proposal needs the standing of an approval: a role
/// granted `approve` or `send_back` (ruling 119) that has no approval limit
/// and signs no chain, under the authority's own limits or any rule's, is
/// always refused unless its holder also holds a role that has. The two
/// findings keep their own names (`approve_has_standing`,
/// `send_back_has_standing`).
fn decisions_have_standing(p: &Policy, out: &mut Findings) {
    let Some(a) = p.approval.as_ref() else {
        return;
    };
    let approvers: Vec<_> = std::iter::once(a.default_approvers())
        .chain(a.rules.iter().map(|r| a.approvers(Some(&r.id))))
        .collect();
    let decisions = [
        (
            Action::Approve,
            "approve_has_standing",
            "its approving is always refused; take approve away or give the role an approval limit (approval.thresholds, approval.above, a rule's approvers or sign_off)",
        ),
        (
            Action::SendBack,
            "send_back_has_standing",
            "it could never approve a proposal and its sending one back is always refused (ruling 119); take send_back away or give the role an approval limit",
        ),
    ];
    for (i, role) in p.roles.iter().enumerate() {
        let stands = approvers
            .iter()
            .any(|x| x.limit_of(&role.id).is_some() || x.sign_off.contains(&role.id));
        if stands {
            continue;
        }
        for (action, invariant, why) in decisions {
            if role.may_sometimes(action) {
                out.add(
                    Severity::Warning,
                    invariant,
                    format!("roles[{i}].actions"),
                    format!(
                        "{:?} is granted {action}, but no approval limit or sign-off chain names it, so {why}",
                        role.id.as_str()
                    ),
                );
            }
        }
    }
}

/// A granted action the engine always refuses to its holder: `not_accept`
/// where the acceptance rules never decide "not accepted" (the default
/// accepts and no rule refuses) and the role may not `override_acceptance`
/// (refusing what the rules accept needs it), or `approve_extension` where
/// no role may `request_extension` (a decision needs a request pending).
fn grants_usable(p: &Policy, out: &mut Findings) {
    let rules_refuse = !p.acceptance.default.is_accepted()
        || p.acceptance.rules.iter().any(|r| !r.outcome.is_accepted());
    let requested = some_role_may(p, Action::RequestExtension);
    for (i, role) in p.roles.iter().enumerate() {
        let why = |action: Action| match action {
            Action::NotAccept
                if !rules_refuse && !role.may_sometimes(Action::OverrideAcceptance) =>
            {
                Some(
                    "the acceptance rules never refuse (the default accepts and no rule is not_accepted), so not_accept goes against them and needs override_acceptance, which the role lacks; a holder without another role that may override_acceptance is always refused. Add the acceptance rule the source gives, grant override_acceptance, or take not_accept away",
                )
            }
            Action::ApproveExtension if !requested => Some(
                "no role may request_extension, so no extension is ever pending and approve_extension (deny_extension, end_extension) is always refused. Grant request_extension to the role that asks for one, or take approve_extension away",
            ),
            _ => None,
        };
        let held = role
            .actions
            .iter()
            .enumerate()
            .map(|(k, a)| (format!("roles[{i}].actions[{k}]"), *a));
        let granted = role.grants.iter().enumerate().flat_map(|(j, g)| {
            g.actions
                .iter()
                .enumerate()
                .map(move |(k, a)| (format!("roles[{i}].grants[{j}].actions[{k}]"), *a))
        });
        for (path, action) in held.chain(granted) {
            if let Some(why) = why(action) {
                out.add(
                    Severity::Warning,
                    "grants_usable",
                    path,
                    format!("role {} holds {action}, but {why}", role.id),
                );
            }
        }
    }
}

/// A sign-off chain whose last role may also be the approver: one person
/// does not sign and then approve right after (ruling 43), so such a
/// proposal waits for a second holder of the role, which a small unit
/// (one store, one superior) does not have.
fn sign_off_changes_hands(p: &Policy, out: &mut Findings) {
    let Some(auth) = &p.approval else {
        return;
    };
    let own = (
        "approval".to_owned(),
        &auth.sign_off,
        &auth.thresholds,
        &auth.above,
    );
    let rules = auth.rules.iter().enumerate().map(|(k, r)| {
        (
            format!("approval.rules[{k}]"),
            &r.sign_off,
            &r.thresholds,
            &r.above,
        )
    });
    for (at, chain, thresholds, above) in std::iter::once(own).chain(rules) {
        let Some(last) = chain.last() else {
            continue;
        };
        if last == above || thresholds.iter().any(|t| t.role == *last) {
            out.add(
                Severity::Warning,
                "sign_off_changes_hands",
                format!("{at}.sign_off[{}]", chain.len() - 1),
                format!(
                    "role {last} signs last and approves too: one person may not do both in a row, so the approval waits for a second holder of {last}; end the chain with another role or drop the sign-off"
                ),
            );
        }
    }
}
