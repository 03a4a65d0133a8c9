//! The law library: what must hold of every run under any policy. Each law
//! says how often its premise was met, so that a law never exercised is
//! reported instead of passing vacuously.

use std::collections::BTreeMap;
use std::fmt;

use chrono::TimeDelta;
use tousu_model::{Money, Roster};

use super::drive::{Decider, Run};
use crate::{AGREED_DEADLINE, Case, CommandKind, EventKind, PolicyRuntime};

/// A law of the library.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Law {
    /// Replaying the stored events rebuilds the case the commands built.
    ReplayEqualsIncremental,
    /// A refused command is refused again the same way on the same case:
    /// the decider reads nothing but its inputs, so a refusal cannot have
    /// changed anything it will see. (That a store keeps nothing of a
    /// refused command is checked by `tousu::testkit::check_store`.)
    RejectedChangesNothing,
    /// Every breach names an accountable owner. Unowned breaches are listed
    /// in the coverage; they fail the run only when the tester asks
    /// ([`Kit::strict_owners`](super::Kit::strict_owners)).
    BreachHasOwner,
    /// Nobody approves an amount above their authority limit.
    Authority,
    /// Nobody takes a recused action (回避) on a case they must recuse from.
    Recusal,
    /// No clock's deadline is earlier than the policy's time limit allows:
    /// a started clock runs at least its limit, a resumed one at least what
    /// it had left (and one paused overdue resumes overdue).
    DeadlinesNotEarly,
    /// Money adds up to the fen: a proposal's amount is the exact sum of its
    /// remedies, and an approval approves exactly the amount proposed.
    MoneySums,
}

impl Law {
    /// Every law.
    pub const ALL: [Law; 7] = [
        Law::ReplayEqualsIncremental,
        Law::RejectedChangesNothing,
        Law::BreachHasOwner,
        Law::Authority,
        Law::Recusal,
        Law::DeadlinesNotEarly,
        Law::MoneySums,
    ];

    /// Its name.
    pub fn name(self) -> &'static str {
        match self {
            Law::ReplayEqualsIncremental => "replay equals incremental",
            Law::RejectedChangesNothing => "a rejected command changes nothing",
            Law::BreachHasOwner => "every breach has an accountable owner",
            Law::Authority => "nobody approves above their authority",
            Law::Recusal => "nobody acts on a case they must recuse from",
            Law::DeadlinesNotEarly => "deadlines are never earlier than the policy's targets",
            Law::MoneySums => "money sums exactly",
        }
    }
}

impl fmt::Display for Law {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How often each law's premise was met.
pub type Premises = BTreeMap<Law, u64>;

pub(crate) struct Judge<'a> {
    pub(crate) rt: &'a PolicyRuntime,
    pub(crate) roster: &'a Roster,
    pub(crate) decider: &'a Decider<'a>,
    pub(crate) strict_owners: bool,
}

impl Judge<'_> {
    /// Checks `law` on `run`: how often its premise was met, or what broke it.
    pub(crate) fn check(&self, law: Law, run: &Run) -> Result<u64, String> {
        let Some(case) = &run.case else {
            return Ok(0);
        };
        match law {
            Law::ReplayEqualsIncremental => self.replay(case, run),
            Law::RejectedChangesNothing => self.rejected(run),
            Law::BreachHasOwner => self.owners(run),
            Law::Authority => self.authority(run),
            Law::Recusal => self.recusal(case, run),
            Law::DeadlinesNotEarly => deadlines(run),
            Law::MoneySums => money(run),
        }
    }

    fn replay(&self, case: &Case, run: &Run) -> Result<u64, String> {
        let replayed = Case::replay(&self.rt.policy, &run.events).map_err(|e| e.to_string())?;
        if replayed == *case {
            Ok(1)
        } else {
            Err(format!(
                "replaying {} events gives a different case than applying them one by one",
                run.events.len()
            ))
        }
    }

    fn rejected(&self, run: &Run) -> Result<u64, String> {
        let mut n = 0;
        for a in &run.attempts {
            let (Err(first), Some(on)) = (&a.outcome, &a.refused_on) else {
                continue;
            };
            n += 1;
            let ctx = self.rt.ctx(self.roster, a.command.at);
            match (self.decider)(on, &a.command, &ctx) {
                Err(again) if again == *first => {}
                other => {
                    return Err(format!(
                        "{} by {} was refused ({first}), then on the same case gave {other:?}",
                        a.command.kind.name(),
                        a.command.actor
                    ));
                }
            }
        }
        Ok(n)
    }

    fn owners(&self, run: &Run) -> Result<u64, String> {
        let mut n = 0;
        for e in &run.events {
            if let EventKind::MilestoneBreached {
                milestone,
                round,
                owner,
                ..
            } = &e.kind
            {
                n += 1;
                if owner.is_none() && self.strict_owners {
                    return Err(format!(
                        "the breach of {milestone} (round {round}) has no owner"
                    ));
                }
            }
        }
        Ok(n)
    }

    fn authority(&self, run: &Run) -> Result<u64, String> {
        let Some(auth) = &self.rt.policy.approval else {
            return Ok(0);
        };
        let mut n = 0;
        for a in &run.attempts {
            let (CommandKind::Approve, Some(amount)) = (&a.command.kind, a.proposal_amount) else {
                continue;
            };
            n += 1;
            let limit = self
                .roster
                .staff(&a.command.actor)
                .and_then(|s| s.roles.iter().filter_map(|r| auth.limit_of(r)).max());
            if a.outcome.is_ok() && limit.is_none_or(|l| amount > l) {
                return Err(format!(
                    "{} approved {amount}, above their limit of {}",
                    a.command.actor,
                    limit.unwrap_or(Money::ZERO)
                ));
            }
        }
        Ok(n)
    }

    /// Judged by the workflow's own recusal rule applied to the attempt,
    /// independently of what the decider under test did: a stricter rule
    /// there makes more attempts "must recuse", which the decider also
    /// refuses.
    fn recusal(&self, case: &Case, run: &Run) -> Result<u64, String> {
        let mut n = 0;
        for a in &run.attempts {
            // Registering records what the customer says and decides nothing
            // (ruling 18 covers the actions on a registered case).
            if matches!(a.command.kind, CommandKind::Register { .. }) {
                continue;
            }
            let action = a.command.kind.action();
            let Some(staff) = self.roster.staff(&a.command.actor) else {
                continue;
            };
            let ctx = self.rt.ctx(self.roster, a.command.at);
            let Err(why) = crate::authority::check_recusal(&case.complaint, staff, action, &ctx)
            else {
                continue;
            };
            n += 1;
            if a.outcome.is_ok() {
                return Err(format!(
                    "{} was allowed to {} though they must recuse: {why}",
                    a.command.actor,
                    a.command.kind.name()
                ));
            }
        }
        Ok(n)
    }
}

fn deadlines(run: &Run) -> Result<u64, String> {
    let mut n = 0;
    let mut paused: BTreeMap<(String, u32), i64> = BTreeMap::new();
    for e in &run.events {
        match &e.kind {
            // A clock without a deadline has none to be early with.
            EventKind::ClockStarted {
                milestone,
                round,
                deadline: Some(deadline),
                total_seconds,
                extras,
                ..
            } if milestone.as_str() != AGREED_DEADLINE => {
                n += 1;
                let extras = extras.as_deref();
                let carried = extras.and_then(|x| x.carried_seconds);
                let least = total_seconds.saturating_sub(carried.unwrap_or(0));
                // A limit counted from an earlier act runs from that act (ruling 40).
                let from = extras.and_then(|x| x.counted_from).unwrap_or(e.at);
                if deadline.at < from + TimeDelta::seconds(least) {
                    return Err(format!(
                        "{milestone} (round {round}) started at {} with a limit of {least} s but is due at {}",
                        e.at, deadline.at
                    ));
                }
            }
            EventKind::ClockPaused {
                milestone,
                round,
                remaining_seconds,
            } => {
                paused.insert((milestone.to_string(), *round), *remaining_seconds);
            }
            EventKind::ClockResumed {
                milestone,
                round,
                deadline: Some(deadline),
                ..
            } if milestone.as_str() != AGREED_DEADLINE => {
                let left = paused.remove(&(milestone.to_string(), *round)).unwrap_or(0);
                n += 1;
                // Paused overdue, it resumes overdue: an extension does not
                // move a deadline that has passed.
                if left <= 0 && deadline.at > e.at {
                    return Err(format!(
                        "{milestone} (round {round}) was paused {} s overdue but resumed at {} due at {}",
                        -left, e.at, deadline.at
                    ));
                }
                if left > 0 && deadline.at < e.at + TimeDelta::seconds(left) {
                    return Err(format!(
                        "{milestone} (round {round}) resumed at {} with {left} s left but is due at {}",
                        e.at, deadline.at
                    ));
                }
            }
            _ => {}
        }
    }
    Ok(n)
}

fn money(run: &Run) -> Result<u64, String> {
    let mut n = 0;
    let mut proposed: Option<Money> = None;
    for e in &run.events {
        match &e.kind {
            EventKind::SolutionProposed(p) => {
                let (remedies, amount) = (&p.remedies, &p.amount);
                n += 1;
                let sum = remedies
                    .iter()
                    .filter_map(|r| r.amount)
                    .try_fold(Money::ZERO, Money::checked_add)
                    .ok();
                if sum != Some(*amount) {
                    return Err(format!(
                        "a proposal of {amount} whose remedies sum to {sum:?}"
                    ));
                }
                proposed = Some(*amount);
            }
            EventKind::Approved { amount } => {
                n += 1;
                if proposed != Some(*amount) {
                    return Err(format!("{amount} approved while {proposed:?} was proposed"));
                }
            }
            _ => {}
        }
    }
    Ok(n)
}
