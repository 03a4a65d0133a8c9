//! Running a generated scenario: register the complaint, then resolve each
//! step against the case as it stands, tick the clocks between steps, and
//! keep everything a law or the coverage needs.

use chrono::{DateTime, TimeDelta, Utc};
use tousu_model::{CaseId, CommandId, Money, Roster, StaffId};
use tousu_policy::Action;

use super::generate::{Choices, Lane, Scenario, Step};
use crate::{
    Case, Command, CommandKind, Ctx, Event, PolicyRuntime, Rejection, Status, evolve, tick,
};

/// The decider under test: [`decide`](crate::decide) itself, or a wrapper
/// a tester writes (for instance a deliberately broken one, to see a law
/// fail).
pub type Decider<'a> = dyn Fn(&Case, &Command, &Ctx<'_>) -> Result<Vec<Event>, Rejection> + 'a;

/// One command the driver gave, and what became of it.
#[derive(Clone, Debug)]
pub struct Attempt {
    /// The command.
    pub command: Command,
    /// The status it met.
    pub status_before: Status,
    /// The amount of the proposal on the table when it was given, if any.
    pub proposal_amount: Option<Money>,
    /// How many events it caused, or why it was refused.
    pub outcome: Result<usize, Rejection>,
    /// For a refused command: the case it was refused on (the laws
    /// re-decide it).
    pub refused_on: Option<Box<Case>>,
}

/// What one scenario did.
#[derive(Clone, Debug)]
pub struct Run {
    /// The case at the end (`None`: registration was refused).
    pub case: Option<Case>,
    /// Every event, in order: the decider's and the clocks'.
    pub events: Vec<Event>,
    /// Every command given, registration first.
    pub attempts: Vec<Attempt>,
    /// Every status the case stood in, in order.
    pub statuses: Vec<Status>,
    /// A calendar failure of `tick` (time alone cannot be computed, for
    /// instance a deadline in a year without holiday data): the run stops
    /// there, and the coverage reports it apart from policy rejections.
    pub tick_failure: Option<Rejection>,
}

/// Why a scenario could not be run at all.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DriveError {
    /// An id could not be formed, or the generated complaint was refused
    /// by the model.
    #[error("invalid generated input: {0}")]
    Model(#[from] tousu_model::ModelError),
    /// Nobody on the roster may register a complaint.
    #[error("no staff member on the roster holds a role granted `register`")]
    NoRegistrar,
}

pub(crate) struct Driver<'a> {
    pub(crate) rt: &'a PolicyRuntime,
    pub(crate) roster: &'a Roster,
    pub(crate) start: DateTime<Utc>,
    pub(crate) decider: &'a Decider<'a>,
    choices: Choices,
}

impl<'a> Driver<'a> {
    pub(crate) fn new(
        rt: &'a PolicyRuntime,
        roster: &'a Roster,
        start: DateTime<Utc>,
        decider: &'a Decider<'a>,
    ) -> Self {
        Driver {
            rt,
            roster,
            start,
            decider,
            choices: Choices::new(&rt.policy, roster),
        }
    }

    /// Staff holding a role granted `action`.
    fn holders(&self, action: Action) -> Vec<&'a StaffId> {
        self.roster
            .all_staff()
            .filter(|s| s.roles.iter().any(|r| self.rt.policy.role_may(r, action)))
            .map(|s| &s.id)
            .collect()
    }

    pub(crate) fn run(&self, scenario: &Scenario) -> Result<Run, DriveError> {
        let mut at = self.start + TimeDelta::minutes(scenario.start_minutes);
        let registrar = self
            .holders(Action::Register)
            .into_iter()
            .next()
            .ok_or(DriveError::NoRegistrar)?
            .clone();
        let register = Command::new(
            CommandId::new("kit-register")?,
            registrar,
            at,
            0,
            CommandKind::Register {
                case_id: CaseId::new("KIT-1")?,
                number: None,
                complaint: Box::new(scenario.facts.complaint(at)?),
                repeat_count: 0,
            },
        );
        let mut run = Run {
            case: None,
            events: Vec::new(),
            attempts: Vec::new(),
            statuses: Vec::new(),
            tick_failure: None,
        };
        let ctx = self.rt.ctx(self.roster, at);
        let registered = crate::register(&register, &ctx);
        run.attempts.push(Attempt {
            command: register,
            status_before: Status::Registered,
            proposal_amount: None,
            outcome: registered.as_ref().map(Vec::len).map_err(Clone::clone),
            refused_on: None,
        });
        let Ok(events) = registered else {
            return Ok(run);
        };
        let Some(mut case) = events.first().and_then(|e| Case::from_registration(e).ok()) else {
            return Ok(run);
        };
        case = events.iter().skip(1).fold(case, evolve);
        run.events = events;
        run.statuses.push(case.status);
        for (i, step) in scenario.steps.iter().enumerate() {
            // A final case accepts only notes: nothing left to reach.
            if !case.status.is_open() {
                break;
            }
            at += TimeDelta::minutes(step.after_minutes);
            let ctx = self.rt.ctx(self.roster, at);
            match tick(&case, &ctx) {
                Ok(ticked) => {
                    case = ticked.iter().fold(case, evolve);
                    run.events.extend(ticked);
                }
                Err(r) => {
                    run.tick_failure = Some(r);
                    break;
                }
            }
            let Some(cmd) = self.command(&case, &run.statuses, &run.events, step, i, at, &ctx)?
            else {
                continue;
            };
            let outcome = (self.decider)(&case, &cmd, &ctx);
            let mut attempt = Attempt {
                status_before: case.status,
                proposal_amount: case.proposal.as_ref().map(|p| p.amount),
                outcome: outcome.as_ref().map(Vec::len).map_err(Clone::clone),
                refused_on: None,
                command: cmd,
            };
            match outcome {
                Ok(new) => {
                    case = new.iter().fold(case, evolve);
                    run.events.extend(new);
                    if run.statuses.last() != Some(&case.status) {
                        run.statuses.push(case.status);
                    }
                }
                Err(_) => attempt.refused_on = Some(Box::new(case.clone())),
            }
            run.attempts.push(attempt);
        }
        run.case = Some(case);
        Ok(run)
    }

    /// The command a step gives on `case`, or `None` when nothing fits.
    /// `visited`: the statuses the case stood in; `history`: its events.
    #[allow(
        clippy::too_many_arguments,
        reason = "the step's whole context, passed once"
    )]
    pub(crate) fn command(
        &self,
        case: &Case,
        visited: &[Status],
        history: &[Event],
        step: &Step,
        i: usize,
        at: DateTime<Utc>,
        ctx: &Ctx<'_>,
    ) -> Result<Option<Command>, DriveError> {
        let id = CommandId::new(format!("kit-{}-{i}", case.id))?;
        let mut fitting: Vec<Fit<'a>> = Vec::new();
        for kind in self.choices.candidates(step, at)? {
            let holders = self.holders(kind.action());
            if !step.guided {
                // Anything, by anyone one time in four, else by a holder of
                // the role: refusals of every kind, and the commands a
                // policy forbids outright (refused as invalid input, which
                // guided steps skip with the lifecycle's refusals).
                let actors = if step.actor.index(4) == 0 || holders.is_empty() {
                    self.roster.all_staff().map(|s| &s.id).collect()
                } else {
                    holders
                };
                fitting.push(Fit::new(kind, actors));
                continue;
            }
            // Guided: only commands the status allows, by actors whose role
            // is granted the action; "accepted" when some holder's probe is.
            // Whether the actor finally picked may (recusal, authority) is
            // the law under test, so it is not filtered.
            let mut fit = Fit::new(kind, Vec::new());
            let mut allowed = false;
            for holder in &holders {
                let probe = Command::new(
                    id.clone(),
                    (*holder).clone(),
                    at,
                    case.version,
                    fit.kind.clone(),
                );
                match crate::decide(case, &probe, ctx) {
                    Err(Rejection::InvalidTransition { .. } | Rejection::InvalidInput { .. }) => {
                        break;
                    }
                    Err(_) => allowed = true,
                    Ok(events) => {
                        let to = events.iter().fold(case.clone(), evolve).status;
                        allowed = true;
                        fit.accepted = true;
                        fit.new_status = !visited.contains(&to);
                        fit.new_event = events
                            .iter()
                            .any(|e| !history.iter().any(|h| h.kind.name() == e.kind.name()));
                        break;
                    }
                }
            }
            if allowed {
                fit.actors = holders;
                fitting.push(fit);
            }
        }
        if step.guided {
            narrow(&mut fitting, step);
        }
        let Some(fit) = fitting.get(step.pick.index(fitting.len().max(1))) else {
            return Ok(None);
        };
        let Some(actor) = fit.actors.get(step.actor.index(fit.actors.len().max(1))) else {
            return Ok(None);
        };
        Ok(Some(Command::new(
            id,
            (*actor).clone(),
            at,
            case.version,
            fit.kind.clone(),
        )))
    }
}

/// A command that fits the step, and what its probe showed.
#[derive(Clone)]
struct Fit<'a> {
    kind: CommandKind,
    actors: Vec<&'a StaffId>,
    /// The probe was accepted.
    accepted: bool,
    /// It takes the case to a status the run has not seen.
    new_status: bool,
    /// It causes an event of a type the run has not seen.
    new_event: bool,
}

impl<'a> Fit<'a> {
    fn new(kind: CommandKind, actors: Vec<&'a StaffId>) -> Self {
        Fit {
            kind,
            actors,
            accepted: false,
            new_status: false,
            new_event: false,
        }
    }
}

/// A guided step keeps to its lane among the commands the probe saw
/// accepted, when there are any (so a case the rules keep refusing to
/// accept takes another road). Three steps in four it prefers novelty: on
/// the main road a new status or a new kind of event (a case sent back or
/// reopened comes back to statuses it has seen, and the sending back is
/// the main road's too), on side roads a new kind of event — so cases go
/// deep and side roads are followed to their end (an extension requested,
/// approved, then ended) instead of circling.
fn narrow(fitting: &mut Vec<Fit<'_>>, step: &Step) {
    let in_lane = |f: &Fit<'_>| f.accepted && Lane::of(&f.kind) == step.lane;
    if fitting.iter().any(in_lane) {
        fitting.retain(in_lane);
    }
    if step.option.index(4) < 3 {
        let novel = |f: &Fit<'_>| match step.lane {
            Lane::Progress => f.new_status || f.new_event,
            Lane::Side => f.new_event,
            Lane::Exit => false,
        };
        if fitting.iter().any(|f| in_lane(f) && novel(f)) {
            fitting.retain(novel);
        }
    }
}
