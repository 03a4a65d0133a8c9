//! Why a command was refused. A rejected command changes nothing.

use chrono::{DateTime, Utc};
use tousu_model::{
    CategoryId, CommandId, DepartmentId, LevelId, Money, RemedyKind, RoleId, StaffId,
};
use tousu_policy::{Action, CalendarError, Duration, EscalationId, RuleId};

use crate::Status;

/// Why a command was refused; nothing changed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Rejection {
    /// The actor is not on the roster.
    #[error("actor \"{actor}\" is not on the roster")]
    UnknownActor {
        /// The actor.
        actor: StaffId,
    },
    /// None of the actor's roles may take the action.
    #[error("{actor} may not {action}: none of their roles ({}) is granted it by the policy", if roles.is_empty() { "none".to_owned() } else { roles.join(", ") })]
    NotPermitted {
        /// The actor.
        actor: StaffId,
        /// The action.
        action: Action,
        /// The actor's roles.
        roles: Vec<String>,
    },
    /// The actor's roles grant the action only under conditions, and none
    /// of those grants holds on this case.
    #[error("{actor} may not {action} on this case: {}", unmet.join(" | "))]
    GrantConditionUnmet {
        /// The actor.
        actor: StaffId,
        /// The action.
        action: Action,
        /// Each conditional grant that might have allowed it, with the
        /// conditions that failed (`role supervisor (grants[0]): the level
        /// must be one of major (the case is general)`).
        unmet: Vec<String>,
    },
    /// The actor (or the proposed handler) must recuse (回避).
    #[error("{staff} must recuse from this case: {reason} ({action} refused)")]
    Recused {
        /// Who must recuse.
        staff: StaffId,
        /// The action refused.
        action: Action,
        /// Why: the respondent, their supervisor, or a declared conflict.
        reason: String,
    },
    /// The actor proposed what they would approve (segregation of duties).
    #[error(
        "{staff} may not {action} their own proposal: someone else approves it (segregation of duties; a policy may allow it with approval.allow_self_approval)"
    )]
    SelfApproval {
        /// Who proposed and would approve.
        staff: StaffId,
        /// The approval refused.
        action: Action,
    },
    /// The amount is above the actor's approval limit.
    #[error(
        "{amount} is above {actor}'s approval limit of {limit}; it needs role \"{required_role}\""
    )]
    OutOfAuthority {
        /// The actor.
        actor: StaffId,
        /// The amount to approve.
        amount: Money,
        /// The actor's highest limit (zero when they have none).
        limit: Money,
        /// The role that may approve it.
        required_role: RoleId,
        /// The approval rule that set these limits; `None` for the
        /// authority's own.
        rule: Option<RuleId>,
    },
    /// A sign-off chain governs the proposal and the actor does not hold
    /// the role whose turn it is.
    #[error(
        "{actor} may not {} now: the proposal needs {next} next (sign-off chain {}; {signed} signed){}",
        sign_off_act(*action),
        chain.join(" → "),
        rule.as_ref().map(|r| format!(", by approval rule {r}")).unwrap_or_default()
    )]
    SignOffOutOfOrder {
        /// The actor.
        actor: StaffId,
        /// What was refused: a signature or approval (`approve`), or a
        /// send-back, which needs the same standing (ruling 119).
        action: Action,
        /// The role whose turn it is.
        next: RoleId,
        /// The chain, in order, with the final approval last.
        chain: Vec<String>,
        /// How many have signed.
        signed: usize,
        /// The approval rule that set the chain.
        rule: Option<RuleId>,
    },
    /// The actor already signed this proposal: a person signs or approves
    /// again only where the chain names the role they signed as again, and
    /// never right after their own signature (ruling 43).
    #[error(
        "{staff} already signed this proposal as {role}; they sign again only where the chain names {role} again, after someone else has signed"
    )]
    AlreadySignedOff {
        /// Who signed.
        staff: StaffId,
        /// The role they signed as.
        role: RoleId,
    },
    /// A record's sign-off chain is not complete, and the command waits
    /// for it (`record_sign_offs`): the proposal for the findings, the
    /// callback for the result report, the closure for the callback.
    #[error(
        "the {record} record is not signed yet: {action} waits for {next} (sign-off chain {})",
        chain.iter().map(ToString::to_string).collect::<Vec<_>>().join(" → ")
    )]
    RecordNotSigned {
        /// The record.
        record: tousu_policy::SignedRecord,
        /// The action refused.
        action: Action,
        /// The role whose signature is next.
        next: RoleId,
        /// The chain, in order.
        chain: Vec<RoleId>,
    },
    /// The command waits for a record the policy requires (`record_sign_offs`
    /// with `required`, ruling 58), and the record has not been made in
    /// this round: the findings before a proposal, the result report
    /// before the callback, the callback before the closure.
    #[error(
        "there is no {record} record in this round: {action} waits for it, made and signed (sign-off chain {})",
        chain.iter().map(ToString::to_string).collect::<Vec<_>>().join(" → ")
    )]
    RecordMissing {
        /// The record.
        record: tousu_policy::SignedRecord,
        /// The action refused.
        action: Action,
        /// The chain that signs it, in order.
        chain: Vec<RoleId>,
    },
    /// Closing waits for a clock the policy names (`closure.awaits`, ruling
    /// 91): it started and has not been stopped by its own stop events
    /// (S10's feedback to the first asker before the centre closes).
    #[error(
        "the clock {milestone} has not stopped: closing waits for one of [{}] first ({rule} of policy {policy}); a case that cannot wait is closed abnormally",
        stop.iter().map(|e| e.id()).collect::<Vec<_>>().join(", ")
    )]
    ClosureAwaitsClock {
        /// The milestone whose clock is open.
        milestone: tousu_policy::MilestoneId,
        /// The events of its own that would stop it (not the case's end).
        stop: Vec<tousu_policy::ClockEvent>,
        /// The policy.
        policy: String,
        /// The entry that refused it (`closure.awaits[0]`).
        rule: String,
    },
    /// Closing waits for the round's report (`report_submitted`), which the
    /// policy owes of the case without a time (`closure.awaits_report`,
    /// ruling 126: S21's report up on a case referred from above).
    #[error(
        "the round's report (report_submitted) has not been made: closing waits for it ({rule} of policy {policy}); a case that cannot wait is closed abnormally"
    )]
    ClosureAwaitsReport {
        /// The policy.
        policy: String,
        /// The entry that refused it (`closure.awaits_report`).
        rule: String,
    },
    /// The actor may not sign the record now: there is no such record in
    /// this round, the policy has no chain for it, the chain is complete,
    /// it is another role's turn, or the actor signed it already.
    #[error("{actor} may not sign the {record} record: {reason}")]
    RecordSignRefused {
        /// The actor.
        actor: StaffId,
        /// The record.
        record: tousu_policy::SignedRecord,
        /// Why, and what would be accepted.
        reason: String,
    },
    /// The complaint lacks a field the policy requires before the case
    /// passes the event the command would cause (`registration.before`,
    /// ruling 65: S38 asks a contact of a complaint handed on, not of one
    /// answered at once).
    #[error(
        "complaint.{field} is missing: {action} causes `{event}`, before which policy {policy} requires it ({requirement}); a complaint answered at once needs none; give the field with complete_details (or at registration)"
    )]
    RecordIncomplete {
        /// The field's path in the complaint (`complainant.contact`,
        /// `facts.x`).
        field: String,
        /// The event the command would cause.
        event: tousu_policy::ClockEvent,
        /// The action refused.
        action: Action,
        /// The policy.
        policy: String,
        /// The requirement that refused it (`registration.before[0]`).
        requirement: String,
    },
    /// No escalation step matches a manual escalation.
    #[error(
        "no escalation step {}applies to this case (level {}); {}",
        requested.as_ref().map(|s| format!("\"{s}\" ")).unwrap_or_default(),
        level.as_ref().map_or_else(|| "not yet classified".to_owned(), ToString::to_string),
        if accepted.is_empty() { "no manual step is left to take".to_owned() } else { format!("the steps that would be accepted: {}", accepted.join(", ")) }
    )]
    NoEscalationStep {
        /// The step asked for, if any.
        requested: Option<EscalationId>,
        /// The case's level.
        level: Option<LevelId>,
        /// The manual steps that apply to the case and have not been taken.
        accepted: Vec<String>,
    },
    /// The assignment does not follow the policy's routing for the case's
    /// category.
    #[error("route {route} hands {category} complaints to role \"{handler_role}\": {problem}")]
    Misrouted {
        /// The route.
        route: RuleId,
        /// The case's category.
        category: CategoryId,
        /// The role that handles it.
        handler_role: RoleId,
        /// The lead department given.
        lead: DepartmentId,
        /// What is wrong: the named handler lacks the role, nobody in
        /// the lead department holds it, or a supporting (协办) role of the
        /// route is not called in.
        problem: String,
    },
    /// The actor's roles may not send the case to this department, or
    /// name this handler (`roles[].hands_over_to`, ruling 78: S31 a city
    /// body does not pass its case up to the province; S26 the station
    /// head is not named the handler).
    #[error(
        "{actor} may {action} a case only to {}: {}",
        hand_over_reach(accepted, roles, handler.is_some()),
        hand_over_refusal(what, handler.as_ref(), department)
    )]
    HandOverRefused {
        /// The actor.
        actor: StaffId,
        /// `assign` or `transfer`.
        action: Action,
        /// The actor's roles whose `hands_over_to` limits the command.
        roles: Vec<RoleId>,
        /// What of the assignment is refused: "the lead department" or
        /// "the handler".
        what: &'static str,
        /// The handler named who holds none of the roles accepted, when
        /// it is the handler that is refused.
        handler: Option<StaffId>,
        /// The department refused: the lead department, or the one the
        /// refused handler works in.
        department: DepartmentId,
        /// The roles someone in the lead department, or the handler,
        /// would have to hold (any one).
        accepted: Vec<RoleId>,
    },
    /// The proposal breaks a remedy rule that binds on the case (ruling 46:
    /// S36 product quality found → exchange or recall).
    #[error("remedy rule {rule} binds on this case: {problem}")]
    RemedyRuleUnmet {
        /// The rule.
        rule: RuleId,
        /// The kinds the proposal offered.
        offered: Vec<RemedyKind>,
        /// What is wrong and what the rule accepts.
        problem: String,
    },
    /// The command does not apply in the case's status.
    #[error("cannot {command} a case that is {status} ({}); {hint}", status.label_zh())]
    InvalidTransition {
        /// The status.
        status: Status,
        /// The command's name.
        command: &'static str,
        /// What would be accepted instead.
        hint: &'static str,
    },
    /// The expected version is not the case's version.
    #[error(
        "stale version: the command expected version {expected} but the case is at {actual}; reload and retry"
    )]
    StaleVersion {
        /// The version the command expected.
        expected: u64,
        /// The case's version.
        actual: u64,
    },
    /// The policy's rules decided otherwise and no override was given.
    #[error("the policy's {table} rules decide {decision} (by {by}); {hint}")]
    PolicyDecides {
        /// The table (`acceptance`, ...).
        table: &'static str,
        /// What they decide.
        decision: String,
        /// The rule that fired, or the default.
        by: String,
        /// How to override.
        hint: &'static str,
        /// The rule id.
        rule: Option<RuleId>,
    },
    /// A field of the command is invalid.
    #[error("{path}: {message}")]
    InvalidInput {
        /// Where in the command (`kind.assignment.handler`).
        path: String,
        /// What is wrong and what is accepted.
        message: String,
    },
    /// The command is dated before something the case already records: a
    /// case's time never runs backwards.
    #[error(
        "the command is dated {at}, before {what} ({last}); date it at or after {last} (something that happened earlier is recorded now with `occurred_at`, as a late entry, where the policy's late_entries allow it)"
    )]
    BackDated {
        /// The command's instant.
        at: DateTime<Utc>,
        /// The instant it may not precede.
        last: DateTime<Utc>,
        /// What happened then: "the case's last event", "the complaint's receipt".
        what: &'static str,
    },
    /// The command says it records something that happened earlier
    /// (`occurred_at`), and the policy does not let its action be recorded
    /// late.
    #[error(
        "`{action}` may not be recorded late under this policy; {}",
        if allowed.is_empty() { "it allows no late entries (a policy lists them in late_entries): leave occurred_at out to record it as happening now".to_owned() } else { format!("it allows {}; leave occurred_at out to record it as happening now", allowed.join(", ")) }
    )]
    LateEntryNotAllowed {
        /// The command's action.
        action: Action,
        /// What the policy allows, one `action within limit` each.
        allowed: Vec<String>,
    },
    /// A late entry recorded after the policy's limit for its action.
    #[error(
        "`{action}` may be recorded at most {within} after it happened: what happened at {occurred_at} could be recorded until {until} (exclusive), not at {at}; record it as happening now (leave occurred_at out)"
    )]
    TooLate {
        /// The command's action.
        action: Action,
        /// When it happened, as the command says.
        occurred_at: DateTime<Utc>,
        /// The recording instant, the command's `at`.
        at: DateTime<Utc>,
        /// The policy's limit for the action.
        within: Duration,
        /// The first instant it is too late to record it.
        until: DateTime<Utc>,
    },
    /// The command id was used before for a different command: an id means
    /// one command (the same command again gets its first outcome).
    #[error(
        "command id {id} was already used for a different command on this case; give a new command a new id"
    )]
    CommandIdConflict {
        /// The reused id.
        id: CommandId,
    },
    /// A level named in the command is not one of the policy's.
    #[error("level \"{level}\" is not defined by the policy; known levels: {}", known.join(", "))]
    UnknownLevel {
        /// The level.
        level: LevelId,
        /// The policy's levels.
        known: Vec<String>,
    },
    /// The calendar failed for a reason other than a year it cannot count
    /// (a year without holiday data, or beyond its data, starts a clock
    /// without a deadline instead: see [`Clock::no_deadline`](crate::Clock::no_deadline)).
    #[error("cannot compute a deadline: {0}")]
    Calendar(#[from] CalendarError),
    /// The case is judged by another policy version than the one given.
    #[error(
        "the case is judged by policy {case_policy} version {case_version}; the context holds {ctx_policy} version {ctx_version}"
    )]
    WrongPolicy {
        /// The case's policy.
        case_policy: String,
        /// Its version.
        case_version: String,
        /// The context's policy.
        ctx_policy: String,
        /// Its version.
        ctx_version: String,
    },
}

/// Role ids for a message: `a, b`.
/// What a sign-off chain refused, as its message says it: a send-back
/// needs the standing of the signature or approval due now (ruling 119),
/// and says so rather than that the actor tried to sign.
fn sign_off_act(action: Action) -> &'static str {
    match action {
        Action::SendBack => "send the proposal back",
        _ => "sign or approve",
    }
}

fn ids(roles: &[RoleId]) -> String {
    let ids: Vec<&str> = roles.iter().map(RoleId::as_str).collect();
    ids.join(", ")
}

/// Where a `hands_over_to` lets a case go, for [`Rejection::HandOverRefused`].
fn hand_over_reach(accepted: &[RoleId], roles: &[RoleId], handler: bool) -> String {
    let whom = if handler {
        "a handler who holds"
    } else {
        "a department where someone holds"
    };
    format!(
        "{whom} {} (hands_over_to of role {})",
        either(accepted),
        ids(roles)
    )
}

/// What a [`Rejection::HandOverRefused`] refused.
fn hand_over_refusal(what: &str, handler: Option<&StaffId>, department: &DepartmentId) -> String {
    match handler {
        Some(h) => format!("{what} {h} (of {department}) holds none of them"),
        None => format!("{what} {department} has nobody who does"),
    }
}

/// Role ids any one of which will do: `a`, `a or b`, `a, b or c`.
fn either(roles: &[RoleId]) -> String {
    match roles.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", ids(rest)),
        _ => ids(roles),
    }
}

impl Rejection {
    /// The rejection's kind in snake case (`not_permitted`, `stale_version`,
    /// ...): stable, for adapters and logs that route on it; the message is
    /// for people.
    pub fn kind(&self) -> &'static str {
        match self {
            Rejection::UnknownActor { .. } => "unknown_actor",
            Rejection::NotPermitted { .. } => "not_permitted",
            Rejection::GrantConditionUnmet { .. } => "grant_condition_unmet",
            Rejection::SignOffOutOfOrder { .. } => "sign_off_out_of_order",
            Rejection::AlreadySignedOff { .. } => "already_signed_off",
            Rejection::RecordNotSigned { .. } => "record_not_signed",
            Rejection::RecordMissing { .. } => "record_missing",
            Rejection::RecordSignRefused { .. } => "record_sign_refused",
            Rejection::ClosureAwaitsClock { .. } => "closure_awaits_clock",
            Rejection::ClosureAwaitsReport { .. } => "closure_awaits_report",
            Rejection::RecordIncomplete { .. } => "record_incomplete",
            Rejection::NoEscalationStep { .. } => "no_escalation_step",
            Rejection::Misrouted { .. } => "misrouted",
            Rejection::HandOverRefused { .. } => "hand_over_refused",
            Rejection::RemedyRuleUnmet { .. } => "remedy_rule_unmet",
            Rejection::Recused { .. } => "recused",
            Rejection::SelfApproval { .. } => "self_approval",
            Rejection::OutOfAuthority { .. } => "out_of_authority",
            Rejection::InvalidTransition { .. } => "invalid_transition",
            Rejection::StaleVersion { .. } => "stale_version",
            Rejection::PolicyDecides { .. } => "policy_decides",
            Rejection::InvalidInput { .. } => "invalid_input",
            Rejection::BackDated { .. } => "back_dated",
            Rejection::LateEntryNotAllowed { .. } => "late_entry_not_allowed",
            Rejection::TooLate { .. } => "too_late",
            Rejection::CommandIdConflict { .. } => "command_id_conflict",
            Rejection::UnknownLevel { .. } => "unknown_level",
            Rejection::Calendar(_) => "calendar",
            Rejection::WrongPolicy { .. } => "wrong_policy",
        }
    }

    /// The rejection's fields a program may act on, by name (`expected`
    /// and `actual` of a stale version, `field` and `event` of a record
    /// incomplete, ...): the `details` of the service's and the command
    /// line's rejection document (docs/serve.md lists them by kind). What
    /// is only for people (a `hint`, a `problem`, a `reason`, a `message`)
    /// stays in the message; empty when nothing is left to act on.
    ///
    /// `case_details` names every kind, so a new one cannot be forgotten.
    #[must_use]
    pub fn details(&self) -> serde_json::Map<String, serde_json::Value> {
        let details = self
            .authority_details()
            .unwrap_or_else(|| self.case_details());
        match details {
            serde_json::Value::Object(map) => map,
            _ => serde_json::Map::new(),
        }
    }

    /// The details of the refusals by authority: who may act, sign and
    /// approve. `None` for every other kind.
    fn authority_details(&self) -> Option<serde_json::Value> {
        use serde_json::json;
        Some(match self {
            Rejection::NotPermitted {
                actor,
                action,
                roles,
            } => json!({ "actor": actor, "action": action, "roles": roles }),
            Rejection::OutOfAuthority {
                actor,
                amount,
                limit,
                required_role,
                rule,
            } => json!({
                "actor": actor, "amount": amount, "limit": limit, "required_role": required_role,
                "rule": rule,
            }),
            Rejection::GrantConditionUnmet {
                actor,
                action,
                unmet,
            } => json!({ "actor": actor, "action": action, "unmet": unmet }),
            Rejection::Recused { staff, action, .. } => {
                json!({ "staff": staff, "action": action })
            }
            Rejection::SelfApproval { staff, action } => {
                json!({ "staff": staff, "action": action })
            }
            Rejection::SignOffOutOfOrder {
                actor,
                action,
                next,
                chain,
                signed,
                rule,
            } => json!({
                "actor": actor, "action": action, "next": next, "chain": chain, "signed": signed,
                "rule": rule,
            }),
            Rejection::AlreadySignedOff { staff, role } => json!({ "staff": staff, "role": role }),
            Rejection::RecordNotSigned {
                record,
                action,
                next,
                chain,
            } => json!({ "record": record, "action": action, "next": next, "chain": chain }),
            Rejection::RecordMissing {
                record,
                action,
                chain,
            } => json!({ "record": record, "action": action, "chain": chain }),
            Rejection::RecordSignRefused { actor, record, .. } => {
                json!({ "actor": actor, "record": record })
            }
            _ => return None,
        })
    }

    /// The details of every kind [`Rejection::authority_details`] does not
    /// answer; the match names every kind, so a new one cannot be
    /// forgotten.
    fn case_details(&self) -> serde_json::Value {
        use serde_json::json;
        match self {
            Rejection::StaleVersion { expected, actual } => {
                json!({ "expected": expected, "actual": actual })
            }
            Rejection::ClosureAwaitsClock {
                milestone,
                stop,
                policy,
                rule,
            } => json!({ "milestone": milestone, "stop": stop, "policy": policy, "rule": rule }),
            Rejection::ClosureAwaitsReport { policy, rule } => {
                json!({ "policy": policy, "rule": rule })
            }
            Rejection::RecordIncomplete {
                field,
                event,
                action,
                policy,
                requirement,
            } => json!({
                "field": field, "event": event, "action": action, "policy": policy,
                "requirement": requirement,
            }),
            Rejection::NoEscalationStep {
                requested,
                level,
                accepted,
            } => json!({ "requested": requested, "level": level, "accepted": accepted }),
            Rejection::Misrouted {
                route,
                category,
                handler_role,
                lead,
                ..
            } => json!({
                "route": route, "category": category, "handler_role": handler_role, "lead": lead,
            }),
            Rejection::HandOverRefused {
                actor,
                action,
                roles,
                what,
                handler,
                department,
                accepted,
            } => json!({
                "actor": actor, "action": action, "roles": roles, "what": what,
                "handler": handler, "department": department, "accepted": accepted,
            }),
            Rejection::RemedyRuleUnmet { rule, offered, .. } => {
                json!({ "rule": rule, "offered": offered })
            }
            Rejection::InvalidTransition {
                status, command, ..
            } => json!({ "status": status, "command": command }),
            Rejection::PolicyDecides {
                table,
                decision,
                by,
                rule,
                ..
            } => json!({ "table": table, "decision": decision, "by": by, "rule": rule }),
            Rejection::InvalidInput { path, .. } => json!({ "path": path }),
            Rejection::BackDated { at, last, what } => {
                json!({ "at": at, "last": last, "what": what })
            }
            Rejection::LateEntryNotAllowed { action, allowed } => {
                json!({ "action": action, "allowed": allowed })
            }
            Rejection::TooLate {
                action,
                occurred_at,
                within,
                until,
                ..
            } => json!({
                "action": action, "occurred_at": occurred_at, "within": within, "until": until,
            }),
            Rejection::UnknownActor { actor } => json!({ "actor": actor }),
            Rejection::CommandIdConflict { id } => json!({ "command_id": id }),
            Rejection::UnknownLevel { level, known } => json!({ "level": level, "known": known }),
            Rejection::WrongPolicy {
                case_policy,
                case_version,
                ctx_policy,
                ctx_version,
            } => json!({
                "case_policy": case_policy, "case_version": case_version,
                "ctx_policy": ctx_policy, "ctx_version": ctx_version,
            }),
            // A calendar that cannot count is the policy's configuration,
            // nothing a caller can change by sending another command.
            Rejection::Calendar(_) => serde_json::Value::Null,
            // Answered by `authority_details`.
            Rejection::NotPermitted { .. }
            | Rejection::OutOfAuthority { .. }
            | Rejection::GrantConditionUnmet { .. }
            | Rejection::Recused { .. }
            | Rejection::SelfApproval { .. }
            | Rejection::SignOffOutOfOrder { .. }
            | Rejection::AlreadySignedOff { .. }
            | Rejection::RecordNotSigned { .. }
            | Rejection::RecordMissing { .. }
            | Rejection::RecordSignRefused { .. } => serde_json::Value::Null,
        }
    }
}

#[cfg(test)]
mod tests {
    use tousu_model::{LevelId, Money, RoleId, StaffId};
    use tousu_policy::{Action, RuleId};

    use super::Rejection;
    use crate::Status;

    /// The variant's name in snake_case, from its `Debug` form.
    fn snake(r: &Rejection) -> String {
        let debug = format!("{r:?}");
        let name: String = debug
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        let mut out = String::new();
        for (i, c) in name.chars().enumerate() {
            if c.is_ascii_uppercase() {
                if i > 0 {
                    out.push('_');
                }
                out.push(c.to_ascii_lowercase());
            } else {
                out.push(c);
            }
        }
        out
    }

    /// Each kind's place in the list of kinds: the match names every kind,
    /// so adding one fails to compile here until it is sampled below.
    fn ordinal(r: &Rejection) -> usize {
        match r {
            Rejection::UnknownActor { .. } => 0,
            Rejection::NotPermitted { .. } => 1,
            Rejection::GrantConditionUnmet { .. } => 2,
            Rejection::Recused { .. } => 3,
            Rejection::SelfApproval { .. } => 4,
            Rejection::OutOfAuthority { .. } => 5,
            Rejection::SignOffOutOfOrder { .. } => 6,
            Rejection::AlreadySignedOff { .. } => 7,
            Rejection::RecordNotSigned { .. } => 8,
            Rejection::RecordMissing { .. } => 9,
            Rejection::RecordSignRefused { .. } => 10,
            Rejection::RecordIncomplete { .. } => 11,
            Rejection::NoEscalationStep { .. } => 12,
            Rejection::Misrouted { .. } => 13,
            Rejection::HandOverRefused { .. } => 14,
            Rejection::RemedyRuleUnmet { .. } => 15,
            Rejection::InvalidTransition { .. } => 16,
            Rejection::StaleVersion { .. } => 17,
            Rejection::PolicyDecides { .. } => 18,
            Rejection::InvalidInput { .. } => 19,
            Rejection::BackDated { .. } => 20,
            Rejection::LateEntryNotAllowed { .. } => 21,
            Rejection::TooLate { .. } => 22,
            Rejection::CommandIdConflict { .. } => 23,
            Rejection::UnknownLevel { .. } => 24,
            Rejection::Calendar(_) => 25,
            Rejection::WrongPolicy { .. } => 26,
            Rejection::ClosureAwaitsClock { .. } => 27,
            Rejection::ClosureAwaitsReport { .. } => 28,
        }
    }

    /// How many kinds [`ordinal`] numbers.
    const KINDS: usize = 29;

    #[test]
    fn the_samples_hold_every_kind_once() {
        let mut ordinals: Vec<usize> = every_kind().iter().map(ordinal).collect();
        ordinals.sort_unstable();
        assert_eq!(ordinals, (0..KINDS).collect::<Vec<_>>());
    }

    #[test]
    fn kinds_are_the_variant_names_in_snake_case() {
        for r in &every_kind() {
            assert_eq!(r.kind(), snake(r), "{r:?}");
        }
    }

    /// Every kind's details, as the service and the command line give them:
    /// a reader checks that each names what a program may act on.
    #[test]
    fn details_by_kind() {
        let lines: Vec<String> = every_kind()
            .iter()
            .map(|r| format!("{}: {}", r.kind(), serde_json::Value::Object(r.details())))
            .collect();
        insta::assert_snapshot!(lines.join("\n"));
    }

    /// One rejection of every kind.
    fn every_kind() -> Vec<Rejection> {
        let mut all = every_actor_kind();
        all.extend(every_state_kind());
        all
    }

    /// One rejection of each kind about who acts and on what authority,
    /// records and routing (the first half of `every_kind`).
    fn every_actor_kind() -> Vec<Rejection> {
        let staff = StaffId::new("e1").unwrap();
        vec![
            Rejection::UnknownActor {
                actor: staff.clone(),
            },
            Rejection::NotPermitted {
                actor: staff.clone(),
                action: Action::Approve,
                roles: vec![],
            },
            Rejection::Recused {
                staff: staff.clone(),
                action: Action::Approve,
                reason: "respondent".to_owned(),
            },
            Rejection::SelfApproval {
                staff: staff.clone(),
                action: Action::Approve,
            },
            Rejection::OutOfAuthority {
                actor: staff,
                amount: Money::from_yuan(2000).unwrap(),
                limit: Money::from_yuan(1000).unwrap(),
                required_role: RoleId::new("general_manager").unwrap(),
                rule: None,
            },
            Rejection::GrantConditionUnmet {
                actor: StaffId::new("e2").unwrap(),
                action: Action::Approve,
                unmet: vec![],
            },
            Rejection::SignOffOutOfOrder {
                actor: StaffId::new("e2").unwrap(),
                action: Action::SendBack,
                next: RoleId::new("general_manager").unwrap(),
                chain: vec![],
                signed: 0,
                rule: None,
            },
            Rejection::AlreadySignedOff {
                staff: StaffId::new("e2").unwrap(),
                role: RoleId::new("general_manager").unwrap(),
            },
            Rejection::NoEscalationStep {
                requested: None,
                level: None,
                accepted: vec![],
            },
            Rejection::RecordIncomplete {
                field: "complainant.contact".to_owned(),
                event: tousu_policy::ClockEvent::Assigned,
                action: Action::Assign,
                policy: "p".to_owned(),
                requirement: "registration.before[0]".to_owned(),
            },
            Rejection::RecordNotSigned {
                record: tousu_policy::SignedRecord::Callback,
                action: Action::Close,
                next: RoleId::new("general_manager").unwrap(),
                chain: vec![],
            },
            Rejection::RecordMissing {
                record: tousu_policy::SignedRecord::Findings,
                action: Action::ProposeSolution,
                chain: vec![],
            },
            Rejection::RecordSignRefused {
                actor: StaffId::new("e2").unwrap(),
                record: tousu_policy::SignedRecord::Findings,
                reason: "the chain is complete".into(),
            },
            Rejection::Misrouted {
                route: RuleId::new("r").unwrap(),
                category: tousu_model::CategoryId::new("c").unwrap(),
                handler_role: RoleId::new("h").unwrap(),
                lead: tousu_model::DepartmentId::new("d").unwrap(),
                problem: String::new(),
            },
            Rejection::HandOverRefused {
                actor: StaffId::new("s").unwrap(),
                action: Action::Transfer,
                roles: vec![],
                what: "the lead department",
                handler: None,
                department: tousu_model::DepartmentId::new("d").unwrap(),
                accepted: vec![],
            },
            Rejection::RemedyRuleUnmet {
                rule: RuleId::new("r").unwrap(),
                offered: vec![],
                problem: String::new(),
            },
        ]
    }

    /// One rejection of each kind about the case's state, the command's
    /// input and the policy (the second half of `every_kind`).
    fn every_state_kind() -> Vec<Rejection> {
        vec![
            Rejection::InvalidTransition {
                status: Status::Closed,
                command: "approve",
                hint: "none",
            },
            Rejection::StaleVersion {
                expected: 1,
                actual: 2,
            },
            Rejection::PolicyDecides {
                table: "acceptance",
                decision: "not accepted".to_owned(),
                by: "the default".to_owned(),
                hint: "none",
                rule: None,
            },
            Rejection::InvalidInput {
                path: "kind".to_owned(),
                message: "bad".to_owned(),
            },
            Rejection::BackDated {
                at: chrono::DateTime::UNIX_EPOCH,
                last: chrono::DateTime::UNIX_EPOCH,
                what: "the case's last event",
            },
            Rejection::LateEntryNotAllowed {
                action: Action::AddNote,
                allowed: vec![],
            },
            Rejection::TooLate {
                action: Action::AddNote,
                occurred_at: chrono::DateTime::UNIX_EPOCH,
                at: chrono::DateTime::UNIX_EPOCH,
                within: "1 hour".parse().unwrap(),
                until: chrono::DateTime::UNIX_EPOCH,
            },
            Rejection::CommandIdConflict {
                id: tousu_model::CommandId::new("c1").unwrap(),
            },
            Rejection::UnknownLevel {
                level: LevelId::new("x").unwrap(),
                known: vec![],
            },
            Rejection::Calendar(tousu_policy::CalendarError::InvalidUtcOffset {
                path: "calendar.utc_offset".to_owned(),
                value: "8".to_owned(),
            }),
            Rejection::WrongPolicy {
                case_policy: "a".to_owned(),
                case_version: "1".to_owned(),
                ctx_policy: "b".to_owned(),
                ctx_version: "1".to_owned(),
            },
            Rejection::ClosureAwaitsClock {
                milestone: tousu_policy::MilestoneId::new("feedback").unwrap(),
                stop: vec![tousu_policy::ClockEvent::ReportSubmitted],
                policy: "p".to_owned(),
                rule: "closure.awaits[0]".to_owned(),
            },
            Rejection::ClosureAwaitsReport {
                policy: "p".to_owned(),
                rule: "closure.awaits_report".to_owned(),
            },
        ]
    }
}
