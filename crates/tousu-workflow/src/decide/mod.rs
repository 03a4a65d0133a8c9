//! [`decide`]: a command against a case, events out. This file is the
//! lifecycle at a glance: the guards every command passes, then the table
//! of which command applies in which status — exhaustive and without a
//! wildcard, so a new status or command must be placed in it — naming the
//! handler that decides it, or why it is refused. The handlers live by
//! phase: [`intake`] (registration, acceptance, classification, repeats),
//! [`handling`] (assignment to the reply), [`closing`] (callback to
//! closure) and [`extensions`] (agreed deadlines and extensions of time);
//! who may act is [`crate::authority`].

mod closing;
mod co_handling;
mod extensions;
mod hand_over;
mod handling;
mod hint;
mod intake;
mod late;
pub(crate) mod outcome;
mod remedies;
mod signing;
mod table;

use chrono::{DateTime, Utc};
use tousu_model::Staff;
use tousu_policy::EvalInput;

use crate::authority::authorize;
use crate::case::Case;
use crate::clocks::{self, ClockCase};
use crate::command::{Command, CommandKind};
use crate::event::{Event, EventKind, stamp_into};
use crate::{Ctx, Rejection};

pub use intake::register;
use outcome::Effects;

/// What a handler decides from: the case, the command, the context and the
/// acting staff member, already authorized for the command's action.
pub(crate) struct Decision<'d, 'a> {
    pub(crate) case: &'d Case,
    pub(crate) command: &'d Command,
    pub(crate) ctx: &'d Ctx<'a>,
    pub(crate) staff: &'a Staff,
}

impl<'d> Decision<'d, '_> {
    /// The instant of the decision: the command's.
    pub(crate) fn at(&self) -> DateTime<Utc> {
        self.command.at
    }

    /// What the policy's rules see of the case at the decision's instant.
    pub(crate) fn eval(&self) -> EvalInput<'d> {
        EvalInput::new(&self.case.complaint, self.command.at)
            .with_repeat_count(self.case.repeat_count)
            .with_found_facts(&self.case.found_facts)
    }
}

/// Decides a command against a case: the events it causes, or why not.
///
/// A command the case has seen before yields no events (its first outcome
/// stands) and a command id reused for a different command is refused; a
/// stale `expected_version` is rejected, as is a command dated before the
/// case's last event; every command checks the actor's roles, recusal and
/// authority, and a late entry (`occurred_at`) the policy's `late_entries`. Nothing changes on a
/// rejection. The command is decided at its own instant (`command.at`);
/// clock effects follow the documented precedence.
pub fn decide(case: &Case, command: &Command, ctx: &Ctx<'_>) -> Result<Vec<Event>, Rejection> {
    if case.seen(command)? {
        return Ok(Vec::new());
    }
    if command.expected_version != case.version {
        return Err(Rejection::StaleVersion {
            expected: command.expected_version,
            actual: case.version,
        });
    }
    let digest = crate::inputs::check(command)?;
    // A case's time never runs backwards: a back-dated command could stop
    // a clock as met that has breached, or make a case overdue at once.
    if command.at < case.updated_at {
        return Err(Rejection::BackDated {
            at: command.at,
            last: case.updated_at,
            what: "the case's last event",
        });
    }
    // Every command is decided under the case's own policy version, except a
    // migration, which is decided under the version it migrates to: its
    // grants say who may move a case there, so a new version (next year's
    // calendar data, say) can always be rolled out even if the old one did
    // not foresee it.
    let (judge_id, judge_version) = match &command.kind {
        CommandKind::MigratePolicy {
            policy_id, version, ..
        } => (policy_id, version),
        _ => (&case.policy_id, &case.policy_version),
    };
    if *judge_id != ctx.policy.id || *judge_version != ctx.policy.version {
        return Err(Rejection::WrongPolicy {
            case_policy: judge_id.to_string(),
            case_version: judge_version.to_string(),
            ctx_policy: ctx.policy.id.to_string(),
            ctx_version: ctx.policy.version.to_string(),
        });
    }
    let kind = &command.kind;
    let act = match kind {
        CommandKind::RecordAction {
            action, milestone, ..
        } => Some((*action, milestone.as_ref())),
        _ => None,
    };
    let staff = authorize(ctx, case, &command.actor, (kind.action(), act), command.at)?;
    late::check(case, command, ctx)?;
    let d = Decision {
        case,
        command,
        ctx,
        staff,
    };
    let effects = table::table(&d)?;
    let own = effects.events.len();
    // The events are stamped as they are decided, into one vector with
    // room for what most commands cause (two events on average, a few
    // clock events): no list of kinds to move them out of.
    let mut events = Vec::with_capacity(4);
    let mut digest = Some(digest);
    let mut stage = Some(effects);
    while let Some(Effects {
        events: kinds,
        triggers,
        then,
    }) = stage
    {
        required_before(case, command, ctx, &triggers)?;
        stamp_command(&mut events, case, command, &mut digest, kinds);
        if !triggers.is_empty() {
            // Clocks act at the command's instant — a late entry's recording
            // instant — so a late entry never stops as met a clock already due.
            let at = command.at;
            let seen = ClockCase::of(case)
                .by(staff)
                .after(events.iter().map(|e| &e.kind), at);
            let clock_events = clocks::effects(&seen, &triggers, at, ctx)?;
            stamp_command(&mut events, case, command, &mut digest, clock_events);
        }
        stage = then.map(|then| *then);
    }
    // A late entry's own events say when the thing happened; what the
    // clocks did happened when it was recorded.
    for event in events.iter_mut().take(own) {
        event.occurred_at = command.occurred_at.map(Box::new);
    }
    Ok(events)
}

/// Appends `kinds` to the command's `events` so far, numbered after them.
fn stamp_command(
    events: &mut Vec<Event>,
    case: &Case,
    command: &Command,
    digest: &mut Option<crate::CommandDigest>,
    kinds: impl IntoIterator<Item = EventKind>,
) {
    let from = case.version + events.len() as u64;
    stamp_into(
        events,
        &case.id,
        from,
        command.at,
        Some(&command.actor),
        Some((command, digest)),
        kinds,
    );
}

/// Refuses a command that would take the case past an event the policy
/// owes a field before (`registration.before`, ruling 65) while the
/// complaint lacks it: S38 6 asks a contact of a complaint handed on.
fn required_before(
    case: &Case,
    command: &Command,
    ctx: &Ctx<'_>,
    triggers: &[tousu_policy::ClockEvent],
) -> Result<(), Rejection> {
    let Some(missing) = ctx
        .policy
        .registration
        .as_ref()
        .and_then(|r| r.missing_before(&case.complaint, command.kind.action(), triggers))
    else {
        return Ok(());
    };
    Err(Rejection::RecordIncomplete {
        field: missing.field.path(),
        event: missing.event,
        action: command.kind.action(),
        policy: ctx.policy.id.to_string(),
        requirement: format!("registration.before[{}]", missing.index),
    })
}

/// Room a case opened by [`handle`] gets for the clocks and the commands
/// it is about to take, past those of its registration (in the default
/// policy the acceptance and first-response clocks start at registration,
/// the result and callback clocks after it; a case takes a handful of
/// commands). Grown one command at a time, the vectors were reallocated
/// and copied two or three times a case (docs/performance-history.md, "Sixteenth
/// pass: commands"). A replayed case ([`Case::replay_events`]) gets none.
const OPENED_ROOM: (usize, usize) = (2, 7);

/// Decides `command` against the case so far — none before its
/// registration — and applies the events to it in place: [`register`] for a
/// new case, [`decide`] for an existing one. The one driver that tests,
/// benches, the command line and the engine share; a rejection leaves the
/// case as it was.
pub fn handle(
    case: &mut Option<Case>,
    command: &Command,
    ctx: &Ctx<'_>,
) -> Result<Vec<Event>, Rejection> {
    match case {
        Some(case) => {
            let events = decide(case, command, ctx)?;
            case.apply_command(&events);
            Ok(events)
        }
        None => {
            let events = register(command, ctx)?;
            let registered = Case::replay_with_room(&events, OPENED_ROOM).map_err(|e| {
                Rejection::InvalidInput {
                    path: "kind".to_owned(),
                    message: format!("the registration does not open a case: {e}"),
                }
            })?;
            *case = Some(registered);
            Ok(events)
        }
    }
}
