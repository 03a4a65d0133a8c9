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
            let Some(cmd) = self.command(&case, &run.statuses, step, i, at, &ctx)? else {
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
    pub(crate) fn command(
        &self,
        case: &Case,
        visited: &[Status],
        step: &Step,
        i: usize,
        at: DateTime<Utc>,
        ctx: &Ctx<'_>,
    ) -> Result<Option<Command>, DriveError> {
        let id = CommandId::new(format!("kit-{}-{i}", case.id))?;
        let all = self.choices.candidates(step, at)?;
        let everyone: Vec<&StaffId> = self.choices.staff.iter().collect();
        // (command, eligible actors, whether the probe was accepted)
        let mut novel: Vec<usize> = Vec::new();
        let mut fitting: Vec<(CommandKind, Vec<&StaffId>, bool)> = Vec::new();
        for kind in all {
            let holders = self.holders(kind.action());
            if !step.guided {
                fitting.push((kind, everyone.clone(), false));
                continue;
            }
            // Guided: only commands the status allows, by actors whose role
            // is granted the action. Probing with one holder is enough to
            // learn what the status allows; whether this actor may (recusal,
            // authority) is the law under test, so it is not filtered.
            let Some(first) = holders.first() else {
                continue;
            };
            let probe = Command::new(id.clone(), (*first).clone(), at, case.version, kind.clone());
            match crate::decide(case, &probe, ctx) {
                Err(Rejection::InvalidTransition { .. } | Rejection::InvalidInput { .. }) => {}
                Err(_) => fitting.push((kind, holders, false)),
                Ok(events) => {
                    let to = events.iter().fold(case.clone(), evolve).status;
                    fitting.push((kind, holders, true));
                    if !visited.contains(&to) {
                        novel.push(fitting.len() - 1);
                    }
                }
            }
        }
        // A guided step keeps to its lane among the commands the probe saw
        // accepted, when there are any (so a case the rules keep refusing
        // to accept takes another road).
        // On the main road, a command that takes the case to a status this
        // run has not seen comes first (three steps in four): cases go deep
        // instead of circling, and still take the roads back.
        if step.guided && step.lane == Lane::Progress && step.option.index(4) < 3 {
            let deeper: Vec<_> = novel
                .iter()
                .filter_map(|&i| fitting.get(i))
                .filter(|(k, _, _)| Lane::of(k) == Lane::Progress)
                .cloned()
                .collect();
            if !deeper.is_empty() {
                fitting = deeper;
            }
        }
        if step.guided
            && fitting
                .iter()
                .any(|(k, _, ok)| *ok && Lane::of(k) == step.lane)
        {
            fitting.retain(|(k, _, ok)| *ok && Lane::of(k) == step.lane);
        }
        if fitting.is_empty() {
            return Ok(None);
        }
        let Some((kind, actors, _)) = fitting.get(step.pick.index(fitting.len())) else {
            return Ok(None);
        };
        let Some(actor) = actors.get(step.actor.index(actors.len().max(1))) else {
            return Ok(None);
        };
        Ok(Some(Command::new(
            id,
            (*actor).clone(),
            at,
            case.version,
            kind.clone(),
        )))
    }
}
