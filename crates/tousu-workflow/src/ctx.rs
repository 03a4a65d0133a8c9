//! The context a decision is made in: the policy, its calendar, the roster,
//! and `now`, the present for what time alone causes.

use chrono::{DateTime, Utc};
use tousu_model::Roster;
use tousu_policy::{Calendar, CalendarError, Policy};

/// What a decision needs besides the case and the command. Nothing in the
/// workflow reads a clock: `now` is given.
///
/// `now` has one meaning: the present, at which [`tick`](crate::tick)
/// looks for what time alone causes and [`deadlines`](crate::deadlines)
/// measures the time left. A command is decided at its own instant,
/// [`Command::at`](crate::Command::at), whatever `now` says; `register`
/// and `decide` do not read `now`.
#[derive(Clone, Copy, Debug)]
pub struct Ctx<'a> {
    /// The policy the case is judged by.
    pub policy: &'a Policy,
    /// The policy's calendar, built once ([`Policy::build_calendar`]).
    pub calendar: &'a Calendar,
    /// Staff, their roles and departments.
    pub roster: &'a Roster,
    /// The present, for [`tick`](crate::tick) and
    /// [`deadlines`](crate::deadlines); commands use their own `at`.
    pub now: DateTime<Utc>,
}

impl<'a> Ctx<'a> {
    /// A context.
    pub fn new(
        policy: &'a Policy,
        calendar: &'a Calendar,
        roster: &'a Roster,
        now: DateTime<Utc>,
    ) -> Self {
        Ctx {
            policy,
            calendar,
            roster,
            now,
        }
    }

    /// The same context at another instant.
    pub fn at(self, now: DateTime<Utc>) -> Self {
        Ctx { now, ..self }
    }
}

/// A policy with its calendar built, to make [`Ctx`]s from.
#[derive(Clone, Debug)]
pub struct PolicyRuntime {
    /// The policy.
    pub policy: Policy,
    /// Its calendar.
    pub calendar: Calendar,
}

impl PolicyRuntime {
    /// Builds the policy's calendar.
    pub fn new(policy: Policy) -> Result<Self, CalendarError> {
        let calendar = policy.build_calendar()?;
        Ok(PolicyRuntime { policy, calendar })
    }

    /// A context over `roster` at `now`.
    pub fn ctx<'a>(&'a self, roster: &'a Roster, now: DateTime<Utc>) -> Ctx<'a> {
        Ctx::new(&self.policy, &self.calendar, roster, now)
    }
}
