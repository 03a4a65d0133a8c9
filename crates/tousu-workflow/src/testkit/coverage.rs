//! What the generated runs reached, so that a tester sees whether their
//! laws were exercised at all (no vacuous passes).

use std::collections::BTreeMap;
use std::fmt;

use tousu_model::Money;
use tousu_policy::Policy;

use super::drive::Run;
use crate::{CommandKind, EventKind, Rejection, Status};

/// Every status, for [`Coverage::missing`].
pub const ALL_STATUSES: [Status; 9] = [
    Status::Registered,
    Status::Accepted,
    Status::NotAccepted,
    Status::Assigned,
    Status::Investigating,
    Status::AwaitingApproval,
    Status::Approved,
    Status::Replied,
    Status::Closed,
];

/// The command kinds the kit generates that [`Coverage::missing`] requires:
/// all but `register`, which every run begins with, `migrate_policy`, which
/// needs a second policy version (test migrations with
/// [`CaseTest`](super::CaseTest)), and those many policies grant nobody or
/// need no record for (`record_facts`, `record_action`, `sign_record`,
/// `complete_details`): generated and counted, not required.
pub const GENERATED_COMMANDS: [&str; 25] = [
    "accept",
    "not_accept",
    "classify",
    "assign",
    "transfer",
    "start_investigation",
    "record_findings",
    "propose_solution",
    "approve",
    "send_back",
    "reply",
    "record_callback",
    "close",
    "reopen",
    "escalate",
    "set_agreed_deadline",
    "request_extension",
    "approve_extension",
    "deny_extension",
    "end_extension",
    "close_abnormally",
    "close_unreachable",
    "withdraw",
    "merge_repeat",
    "add_note",
];

/// Approvals tried against one authority limit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ThresholdCoverage {
    /// The limit (`up_to`).
    pub limit: Money,
    /// The role it belongs to.
    pub role: String,
    /// Approvals attempted by someone whose limit this is, of an amount within it.
    pub within: u64,
    /// Of those, accepted.
    pub within_accepted: u64,
    /// Approvals attempted by someone whose limit this is, of an amount above it.
    pub above: u64,
    /// Of those, accepted (a law failure unless the decider is broken).
    pub above_accepted: u64,
}

/// What a set of runs reached. Counts, keyed by name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Scenarios run.
    pub runs: u64,
    /// Of those, registered (registration can be refused).
    pub registered: u64,
    /// Commands given (registration included).
    pub commands: u64,
    /// Statuses a case stood in.
    pub statuses: BTreeMap<String, u64>,
    /// Command kinds accepted.
    pub accepted: BTreeMap<&'static str, u64>,
    /// Command kinds refused.
    pub refused: BTreeMap<&'static str, u64>,
    /// Command kinds reached: accepted, or refused by a rule of the policy
    /// other than the lifecycle's order and the actor's role (a policy that
    /// forbids unreachable closures reaches `close_unreachable` when it
    /// refuses one).
    pub reached: BTreeMap<&'static str, u64>,
    /// Policy rejections by kind (calendar ones are apart).
    pub rejections: BTreeMap<&'static str, u64>,
    /// Calendar failures: rejected commands and ticks that could not
    /// compute a deadline (no holiday data for the year …). Counted apart:
    /// they say the test's dates are out of range, not that a rule held.
    pub calendar_failures: u64,
    /// Breaches by milestone.
    pub breaches: BTreeMap<String, u64>,
    /// Breaches with no accountable owner: "milestone, round N, at status".
    pub unowned_breaches: BTreeMap<String, u64>,
    /// Escalations by ladder step (`manual` for one outside the ladder).
    pub escalations: BTreeMap<String, u64>,
    /// Signatures of records signed in order, by record (`findings`,
    /// `callback`, `result_report`).
    pub signatures: BTreeMap<String, u64>,
    /// Approvals against each authority limit.
    pub thresholds: Vec<ThresholdCoverage>,
    /// Refusals because the actor must recuse (回避).
    pub recusals: u64,
    /// The policy's escalation steps and milestones (to list those never
    /// taken or breached).
    pub policy_parts: (Vec<String>, Vec<String>),
    /// The first message of each (command, rejection kind), to read why.
    pub rejection_examples: BTreeMap<(&'static str, &'static str), String>,
}

impl Coverage {
    /// An empty coverage for `policy`'s authority limits.
    pub fn new(policy: &Policy) -> Self {
        let thresholds = policy
            .approval
            .iter()
            .flat_map(|a| &a.thresholds)
            .map(|t| ThresholdCoverage {
                limit: t.up_to,
                role: t.role.to_string(),
                ..ThresholdCoverage::default()
            })
            .collect();
        Coverage {
            thresholds,
            policy_parts: (
                policy.escalation.iter().map(|e| e.id.to_string()).collect(),
                policy.milestones.iter().map(|m| m.id.to_string()).collect(),
            ),
            ..Coverage::default()
        }
    }

    /// Adds one run.
    pub fn absorb(&mut self, policy: &Policy, roster: &tousu_model::Roster, run: &Run) {
        self.runs += 1;
        if run.case.is_some() {
            self.registered += 1;
        }
        for s in &run.statuses {
            *self.statuses.entry(format!("{s:?}")).or_default() += 1;
        }
        if matches!(run.tick_failure, Some(Rejection::Calendar(_))) {
            self.calendar_failures += 1;
        }
        for a in &run.attempts {
            self.commands += 1;
            let name = a.command.kind.name();
            match &a.outcome {
                Ok(_) => {
                    *self.accepted.entry(name).or_default() += 1;
                    *self.reached.entry(name).or_default() += 1;
                }
                Err(r) => {
                    if !matches!(
                        r,
                        Rejection::InvalidTransition { .. }
                            | Rejection::NotPermitted { .. }
                            | Rejection::UnknownActor { .. }
                            | Rejection::StaleVersion { .. }
                    ) {
                        *self.reached.entry(name).or_default() += 1;
                    }
                    *self.refused.entry(name).or_default() += 1;
                    self.rejection_examples
                        .entry((name, r.kind()))
                        .or_insert_with(|| r.to_string());
                    match r {
                        Rejection::Calendar(_) => self.calendar_failures += 1,
                        Rejection::Recused { .. } => {
                            self.recusals += 1;
                            *self.rejections.entry(r.kind()).or_default() += 1;
                        }
                        _ => *self.rejections.entry(r.kind()).or_default() += 1,
                    }
                }
            }
            if let (CommandKind::Approve, Some(amount)) = (&a.command.kind, a.proposal_amount) {
                self.approval(policy, roster, a, amount);
            }
        }
        self.events(run);
    }

    fn approval(
        &mut self,
        policy: &Policy,
        roster: &tousu_model::Roster,
        a: &super::drive::Attempt,
        amount: Money,
    ) {
        let (Some(auth), Some(staff)) = (&policy.approval, roster.staff(&a.command.actor)) else {
            return;
        };
        let Some(limit) = staff.roles.iter().filter_map(|r| auth.limit_of(r)).max() else {
            return;
        };
        let ok = a.outcome.is_ok();
        for t in self.thresholds.iter_mut().filter(|t| t.limit == limit) {
            if amount <= limit {
                t.within += 1;
                t.within_accepted += u64::from(ok);
            } else {
                t.above += 1;
                t.above_accepted += u64::from(ok);
            }
        }
    }

    fn events(&mut self, run: &Run) {
        for e in &run.events {
            match &e.kind {
                EventKind::MilestoneBreached {
                    milestone,
                    round,
                    owner,
                    ..
                } => {
                    *self.breaches.entry(milestone.to_string()).or_default() += 1;
                    if owner.is_none() {
                        *self
                            .unowned_breaches
                            .entry(format!("{milestone}, round {round}"))
                            .or_default() += 1;
                    }
                }
                EventKind::Escalated { step, .. } => {
                    let step = step
                        .as_ref()
                        .map_or("manual".to_owned(), ToString::to_string);
                    *self.escalations.entry(step).or_default() += 1;
                }
                EventKind::RecordSignedOff { record, .. } => {
                    *self.signatures.entry(record.to_string()).or_default() += 1;
                }
                _ => {}
            }
        }
    }

    /// The policy's escalation steps never taken and milestones never
    /// breached: not a failure (a step for media exposure may need facts the
    /// runs did not have), but what a tester reads before trusting a law
    /// about them.
    pub fn untouched(&self) -> Vec<String> {
        let (steps, milestones) = &self.policy_parts;
        let steps = steps
            .iter()
            .filter(|s| !self.escalations.contains_key(*s))
            .map(|s| format!("escalation {s} never taken"));
        let milestones = milestones
            .iter()
            .filter(|m| !self.breaches.contains_key(*m))
            .map(|m| format!("milestone {m} never breached"));
        steps.chain(milestones).collect()
    }

    /// What was never reached: statuses, command kinds, authority limits
    /// not tried on both sides — and calendar failures, which mean the
    /// runs' dates fall outside the calendar data, so rules went untested.
    /// Empty when the runs covered the whole policy.
    pub fn missing(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.calendar_failures > 0 {
            out.push(format!(
                "{} calendar failures: deadlines outside the calendar data (move the start date, or add holiday data)",
                self.calendar_failures
            ));
        }
        for s in ALL_STATUSES {
            if !self.statuses.contains_key(&format!("{s:?}")) {
                out.push(format!("status {s:?} never reached"));
            }
        }
        for c in GENERATED_COMMANDS {
            if !self.reached.contains_key(c) {
                out.push(format!(
                    "command {c} never reached (never accepted, nor refused by a rule of the policy)"
                ));
            }
        }
        for t in &self.thresholds {
            if t.within == 0 {
                out.push(format!(
                    "no approval within {}'s limit of {} attempted",
                    t.role, t.limit
                ));
            }
            if t.above == 0 {
                out.push(format!(
                    "no approval above {}'s limit of {} attempted",
                    t.role, t.limit
                ));
            }
        }
        out
    }
}

fn counts<K: fmt::Display>(
    f: &mut fmt::Formatter<'_>,
    title: &str,
    m: &BTreeMap<K, u64>,
) -> fmt::Result {
    write!(f, "{title:<20}")?;
    if m.is_empty() {
        write!(f, " (none)")?;
    }
    for (k, v) in m {
        write!(f, " {k}={v}")?;
    }
    writeln!(f)
}

impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} runs, {} registered, {} commands",
            self.runs, self.registered, self.commands
        )?;
        counts(f, "statuses", &self.statuses)?;
        counts(f, "accepted", &self.accepted)?;
        counts(f, "refused", &self.refused)?;
        counts(f, "policy rejections", &self.rejections)?;
        writeln!(f, "{:<20} {}", "calendar failures", self.calendar_failures)?;
        counts(f, "breaches", &self.breaches)?;
        counts(f, "unowned breaches", &self.unowned_breaches)?;
        counts(f, "escalations", &self.escalations)?;
        counts(f, "signatures", &self.signatures)?;
        writeln!(f, "{:<20} {}", "recusal refusals", self.recusals)?;
        for t in &self.thresholds {
            writeln!(
                f,
                "authority {} ≤ {}: within {} ({} approved), above {} ({} approved)",
                t.role, t.limit, t.within, t.within_accepted, t.above, t.above_accepted
            )?;
        }
        let untouched = self.untouched();
        if !untouched.is_empty() {
            writeln!(f, "{:<20} {}", "untouched", untouched.join("; "))?;
        }
        let missing = self.missing();
        if missing.is_empty() {
            writeln!(f, "missing              nothing")
        } else {
            writeln!(f, "missing              {}", missing.join("; "))
        }
    }
}
