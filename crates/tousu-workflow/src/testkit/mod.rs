//! A tester's kit (feature `proptest`): check an organization's policy
//! with property tests that reach every state, see what was reached, and
//! write directed cases as given / when / then.
//!
//! Available with the `proptest` feature.
//!
//! - [`Kit`] applies the law library ([`Law`]) to a policy and roster in
//!   one call: it generates complaints with varied facts ([`Facts`]) and
//!   steps that follow the policy into deep states, drives them, checks
//!   every law on every run, and returns the [`Coverage`] — or the law
//!   that failed with the smallest scenario that breaks it, or the laws
//!   whose premise was never met (no vacuous passes).
//! - [`CaseTest`] states one case: given history, when a command, then the
//!   events or the typed rejection, with the history printed on failure.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use tousu_model::*;
//! use tousu_policy::Policy;
//! use tousu_workflow::PolicyRuntime;
//! use tousu_workflow::testkit::{Kit, Law};
//!
//! let rt = PolicyRuntime::new(Policy::default_policy()?)?;
//! let cs = DepartmentId::new("cs")?;
//! let staff = |id: &str, role: &str| -> Result<Staff, ModelError> {
//!     Ok(Staff::new(StaffId::new(id)?, id, cs.clone()).with_role(RoleId::new(role)?))
//! };
//! let roster = Roster::new(
//!     DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)])?,
//!     vec![staff("kf", "complaint_manager")?, staff("head", "department_head")?],
//! )?;
//! let start = Utc.with_ymd_and_hms(2025, 3, 3, 1, 0, 0).single().ok_or("time")?;
//! let report = Kit::new(&rt, &roster, start)
//!     .cases(16)
//!     .laws(&[Law::ReplayEqualsIncremental, Law::DeadlinesNotEarly])
//!     .check()?;
//! assert_eq!(report.coverage.runs, 16);
//! // Nobody here investigates or approves: the coverage says so.
//! assert!(!report.coverage.missing().is_empty());
//! println!("{report}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Runs are deterministic (a fixed seed, [`Kit::seed`] to change it) and
//! failures are not persisted to files: a kit run is a test like any other.

mod coverage;
mod drive;
mod generate;
mod given;
mod laws;

use std::cell::RefCell;
use std::fmt;

use chrono::{DateTime, Utc};
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestError, TestRng, TestRunner};
use tousu_model::Roster;

pub use coverage::{ALL_STATUSES, Coverage, GENERATED_COMMANDS, ThresholdCoverage};
pub use drive::{Attempt, Decider, DriveError, Run};
pub use generate::{
    Facts, Lane, PHONE, RespondentFacts, Scenario, Step, amounts, facts, roster, scenario, step,
};
pub use given::{CaseTest, Then};
pub use laws::{Law, Premises};

use crate::{PolicyRuntime, decide};

/// A proptest configuration for tousu's laws: `cases` cases, no failure
/// persistence (a library's runner knows no source file, and proptest
/// would warn about it on every run), and no forking.
pub fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: None,
        // Steps are resolved against the case when they run, so shrinking
        // their indexes helps little; a short search keeps failures quick.
        max_shrink_iters: 256,
        ..Config::default()
    }
}

/// The law library applied to one policy and roster. See the
/// [module documentation](self).
pub struct Kit<'a> {
    rt: &'a PolicyRuntime,
    roster: &'a Roster,
    start: DateTime<Utc>,
    decider: Box<Decider<'a>>,
    laws: Vec<Law>,
    cases: u32,
    max_steps: usize,
    strict_owners: bool,
    seed: [u8; 32],
}

/// Why [`Kit::check`] failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KitFailure {
    /// A law failed; `scenario` is the smallest proptest found.
    #[error("law \"{law}\" failed: {message}\nminimal scenario: {scenario}")]
    Law {
        /// The law.
        law: Law,
        /// What broke it.
        message: String,
        /// The scenario, shrunk.
        scenario: String,
    },
    /// The laws held, but some were never exercised.
    #[error("vacuous: the premise of {} was never met in {} runs\n{coverage}", laws.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "), coverage.runs)]
    Vacuous {
        /// The laws never exercised.
        laws: Vec<Law>,
        /// What the runs reached.
        coverage: Box<Coverage>,
    },
    /// A scenario could not be run.
    #[error("{0}")]
    Drive(String),
}

/// What a passing [`Kit::check`] saw.
#[derive(Clone, Debug)]
pub struct Report {
    /// What the runs reached.
    pub coverage: Coverage,
    /// How often each law's premise was met.
    pub premises: Premises,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.coverage)?;
        for (law, n) in &self.premises {
            writeln!(f, "law {law:<55} checked {n} times")?;
        }
        Ok(())
    }
}

impl<'a> Kit<'a> {
    /// A kit for `rt`'s policy and `roster`, complaints received in the 30
    /// days from `start`; 64 cases of up to 40 steps, every law, the real
    /// [`decide`].
    pub fn new(rt: &'a PolicyRuntime, roster: &'a Roster, start: DateTime<Utc>) -> Self {
        Kit {
            rt,
            roster,
            start,
            decider: Box::new(decide),
            laws: Law::ALL.to_vec(),
            cases: 64,
            max_steps: 40,
            strict_owners: false,
            seed: [7; 32],
        }
    }

    /// How many scenarios to generate.
    #[must_use]
    pub fn cases(mut self, cases: u32) -> Self {
        self.cases = cases;
        self
    }

    /// The most steps a scenario has.
    #[must_use]
    pub fn max_steps(mut self, steps: usize) -> Self {
        self.max_steps = steps;
        self
    }

    /// Which laws to check (all by default).
    #[must_use]
    pub fn laws(mut self, laws: &[Law]) -> Self {
        self.laws = laws.to_vec();
        self
    }

    /// Fail on a breach with no accountable owner, instead of listing it
    /// in the coverage.
    #[must_use]
    pub fn strict_owners(mut self, strict: bool) -> Self {
        self.strict_owners = strict;
        self
    }

    /// Another seed: other scenarios, still reproducible.
    #[must_use]
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = [0; 32];
        for (d, s) in self.seed.iter_mut().zip(seed.to_le_bytes()) {
            *d = s;
        }
        self
    }

    /// Test another decider than [`decide`] — a wrapper, or a deliberately
    /// broken one to see that a law catches it.
    #[must_use]
    pub fn decider(
        mut self,
        decider: impl Fn(
            &crate::Case,
            &crate::Command,
            &crate::Ctx<'_>,
        ) -> Result<Vec<crate::Event>, crate::Rejection>
        + 'a,
    ) -> Self {
        self.decider = Box::new(decider);
        self
    }

    /// Drives one scenario.
    ///
    /// # Errors
    /// When the scenario cannot be run (no one may register).
    pub fn drive(&self, scenario: &Scenario) -> Result<Run, DriveError> {
        drive::Driver::new(self.rt, self.roster, self.start, &*self.decider).run(scenario)
    }

    /// The command `step` gives on `case` at `at` (the `seq`-th of the
    /// case), chosen as [`Kit::check`] chooses — for a model-based test of
    /// a store or an engine that replays the kit's choices. `visited`: the
    /// statuses the case has stood in, `history` its events (a guided step
    /// prefers new ones).
    /// `None` when no command fits.
    ///
    /// # Errors
    /// When an id cannot be formed.
    pub fn command_for(
        &self,
        case: &crate::Case,
        visited: &[crate::Status],
        history: &[crate::Event],
        step: &Step,
        seq: usize,
        at: DateTime<Utc>,
    ) -> Result<Option<crate::Command>, DriveError> {
        let driver = drive::Driver::new(self.rt, self.roster, self.start, &*self.decider);
        let ctx = self.rt.ctx(self.roster, at);
        driver.command(case, visited, history, step, seq, at, &ctx)
    }

    /// The complaint and the commands `scenario` gave, one a line, with
    /// what became of each: what a failing law prints.
    fn describe(&self, scenario: &Scenario) -> String {
        use std::fmt::Write as _;
        let mut out = format!("{:?}\n", scenario.facts);
        let Ok(run) = self.drive(scenario) else {
            return out;
        };
        for a in &run.attempts {
            let what = match &a.outcome {
                Ok(n) => format!("{n} events"),
                Err(r) => format!("refused: {r}"),
            };
            let _ = writeln!(
                out,
                "  {} {:<10} {:<20} on {:?} → {what}",
                a.command.at,
                a.command.actor.to_string(),
                a.command.kind.name(),
                a.status_before
            );
        }
        out
    }

    /// Generates scenarios, drives them and checks every law on each.
    ///
    /// # Errors
    /// [`KitFailure::Law`] with the law and the shrunk scenario that
    /// breaks it; [`KitFailure::Vacuous`] when every law held but some
    /// law's premise was never met.
    pub fn check(&self) -> Result<Report, KitFailure> {
        let judge = laws::Judge {
            rt: self.rt,
            roster: self.roster,
            decider: &*self.decider,
            strict_owners: self.strict_owners,
        };
        let coverage = RefCell::new(Coverage::new(&self.rt.policy));
        let premises = RefCell::new(Premises::new());
        let failed = RefCell::new(None);
        let mut runner = TestRunner::new_with_rng(
            config(self.cases),
            TestRng::from_seed(RngAlgorithm::ChaCha, &self.seed),
        );
        let strategy = scenario(&self.rt.policy, self.roster, self.max_steps);
        let result = runner.run(&strategy, |s| {
            let run = self
                .drive(&s)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            for &law in &self.laws {
                match judge.check(law, &run) {
                    Ok(n) => *premises.borrow_mut().entry(law).or_default() += n,
                    Err(message) => {
                        *failed.borrow_mut() = Some(law);
                        return Err(TestCaseError::fail(message));
                    }
                }
            }
            coverage
                .borrow_mut()
                .absorb(&self.rt.policy, self.roster, &run);
            Ok(())
        });
        match result {
            Ok(()) => {}
            Err(TestError::Fail(message, scenario)) => {
                return Err(match *failed.borrow() {
                    Some(law) => KitFailure::Law {
                        law,
                        message: message.to_string(),
                        scenario: self.describe(&scenario),
                    },
                    None => KitFailure::Drive(message.to_string()),
                });
            }
            Err(e) => return Err(KitFailure::Drive(e.to_string())),
        }
        let coverage = coverage.into_inner();
        let premises = premises.into_inner();
        let vacuous: Vec<Law> = self
            .laws
            .iter()
            .copied()
            .filter(|l| premises.get(l).is_none_or(|n| *n == 0))
            .collect();
        if !vacuous.is_empty() {
            return Err(KitFailure::Vacuous {
                laws: vacuous,
                coverage: Box::new(coverage),
            });
        }
        Ok(Report { coverage, premises })
    }
}
