//! Model-based testing of the [`Engine`] over any [`Store`] (feature
//! `proptest`): the tester's kit
//! ([`tousu_workflow::testkit`]) generates operations on a few cases — file,
//! a step chosen by the policy, a retried command, a stale command, time
//! passing, a reload — and each is run twice: by the engine against the
//! store under test, and by the pure decider against an in-memory model.
//! After every operation the two must agree: the same events or the same
//! rejection, a refused command leaves the store as it was, a retried
//! command returns what it produced the first time, and every case loads
//! back as the model holds it.
//!
//! Available with the `proptest` feature.
//!
//! The same generator runs against [`MemoryStore`](crate::MemoryStore) and
//! any adapter: pass a function that makes an empty store.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use tousu::model::*;
//! use tousu::policy::Policy;
//! use tousu::MemoryStore;
//!
//! let cs = DepartmentId::new("cs")?;
//! let staff = |id: &str, role: &str| -> Result<Staff, ModelError> {
//!     Ok(Staff::new(StaffId::new(id)?, id, cs.clone()).with_role(RoleId::new(role)?))
//! };
//! let roster = Roster::new(
//!     DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)])?,
//!     vec![staff("kf", "complaint_manager")?, staff("h1", "handler")?, staff("head", "department_head")?],
//! )?;
//! let start = Utc.with_ymd_and_hms(2025, 3, 3, 1, 0, 0).single().ok_or("time")?;
//! let report = tousu::testkit::check_store(Policy::default_policy()?, &roster, start, 8, MemoryStore::new)?;
//! assert!(report.operations > 0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeMap;

use chrono::{DateTime, TimeDelta, Utc};
use proptest::prelude::*;
use proptest::test_runner::{RngAlgorithm, TestCaseError, TestRng, TestRunner};
use tousu_model::{CaseId, CommandId, Roster, StaffId};
use tousu_policy::{Action, Policy};
use tousu_workflow::testkit::{Facts, Kit, Step, config, facts, step};
use tousu_workflow::{
    Case, Command, CommandKind, Event, PolicyRuntime, Rejection, Status, decide, evolve, register,
    tick,
};

use crate::{Engine, Error, Store};

/// One operation on the engine and the model.
#[derive(Clone, Debug)]
pub enum Op {
    /// Register a complaint as case `KIT-n`.
    File(Box<Facts>),
    /// A step on case `n` (modulo the cases filed), chosen by the kit.
    Step(usize, Box<Step>),
    /// Send the last command given to case `n` again (same id).
    Retry(usize),
    /// A command on case `n` with an expected version one behind.
    Stale(usize),
    /// Let time pass for case `n`.
    Tick(usize),
    /// Load every case back and compare with the model.
    Reload,
}

/// What a passing [`check_store`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoreReport {
    /// Sequences run.
    pub sequences: u64,
    /// Operations run.
    pub operations: u64,
    /// Operations by kind.
    pub by_kind: BTreeMap<&'static str, u64>,
    /// Commands the engine refused (and the store kept nothing of).
    pub refused: u64,
}

/// Why [`check_store`] failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreCheckFailure {
    /// The engine over the store and the model disagreed.
    #[error("the engine and the model disagree: {0}")]
    Disagree(String),
    /// The engine could not be built (an invalid policy or roster).
    #[error("{0}")]
    Setup(#[from] Error),
}

fn op(policy: &Policy, roster: &Roster) -> impl Strategy<Value = Op> + use<> {
    let n = 0usize..4;
    prop_oneof![
        2 => facts(policy, roster).prop_map(|f| Op::File(Box::new(f))),
        12 => (n.clone(), step(policy)).prop_map(|(i, s)| Op::Step(i, Box::new(s))),
        1 => n.clone().prop_map(Op::Retry),
        1 => n.clone().prop_map(Op::Stale),
        2 => n.prop_map(Op::Tick),
        1 => Just(Op::Reload),
    ]
}

/// One case of the model: its id, state, events, the statuses it stood
/// in, and the last command given to it.
type ModelCase = (CaseId, Case, Vec<Event>, Vec<Status>, Option<Command>);

/// The model: the cases, in the order filed.
struct Model {
    cases: Vec<ModelCase>,
}

struct Machine<'a, S: Store> {
    engine: Engine<S>,
    rt: &'a PolicyRuntime,
    roster: &'a Roster,
    kit: &'a Kit<'a>,
    model: Model,
    now: DateTime<Utc>,
    seq: usize,
}

fn disagree(what: impl Into<String>) -> TestCaseError {
    TestCaseError::fail(what.into())
}

impl<S: Store> Machine<'_, S> {
    fn apply(&mut self, op: &Op, report: &mut StoreReport) -> Result<(), TestCaseError> {
        self.now += TimeDelta::minutes(17);
        self.seq += 1;
        match op {
            Op::File(facts) => self.file(facts),
            Op::Step(i, step) => self.step(*i, step, report),
            Op::Retry(i) => self.retry(*i),
            Op::Stale(i) => self.stale(*i),
            Op::Tick(i) => self.tick(*i),
            Op::Reload => self.reload(),
        }
    }

    fn registrar(&self) -> Option<StaffId> {
        self.roster
            .all_staff()
            .find(|s| {
                s.roles
                    .iter()
                    .any(|r| self.rt.policy.role_may(r, Action::Register))
            })
            .map(|s| s.id.clone())
    }

    fn file(&mut self, facts: &Facts) -> Result<(), TestCaseError> {
        let (Some(actor), Ok(complaint)) = (self.registrar(), facts.complaint(self.now)) else {
            return Ok(());
        };
        let id = CaseId::new(format!("KIT-{}", self.model.cases.len()))
            .map_err(|e| disagree(e.to_string()))?;
        let cmd = Command::new(
            CommandId::new(format!("file-{}", self.seq)).map_err(|e| disagree(e.to_string()))?,
            actor,
            self.now,
            0,
            CommandKind::Register {
                case_id: id.clone(),
                number: None,
                complaint: Box::new(complaint),
                repeat_count: 0,
            },
        );
        let expected = register(&cmd, &self.rt.ctx(self.roster, self.now));
        let got = self.engine.handle(&id, &cmd);
        match (expected, got) {
            (Ok(want), Ok(got)) if want == got => {
                let case = Case::replay_events(&want).map_err(|e| disagree(e.to_string()))?;
                let status = case.status;
                self.model
                    .cases
                    .push((id, case, want, vec![status], Some(cmd)));
                Ok(())
            }
            (Err(want), Err(Error::Rejected(got))) if want == got => self.unchanged(&id, &[]),
            (want, got) => Err(disagree(format!(
                "filing {id}: the model gives {want:?}, the engine {got:?}"
            ))),
        }
    }

    fn step(
        &mut self,
        i: usize,
        step: &Step,
        report: &mut StoreReport,
    ) -> Result<(), TestCaseError> {
        let Some(n) = i.checked_rem(self.model.cases.len()) else {
            return Ok(());
        };
        let Some((id, case, history, visited, _)) = self.model.cases.get(n) else {
            return Ok(());
        };
        let Some(cmd) = self
            .kit
            .command_for(case, visited, history, step, self.seq, self.now)
            .map_err(|e| disagree(e.to_string()))?
        else {
            return Ok(());
        };
        let id = id.clone();
        let expected = decide(case, &cmd, &self.rt.ctx(self.roster, self.now));
        let got = self.engine.handle(&id, &cmd);
        if let Some(entry) = self.model.cases.get_mut(n) {
            entry.4 = Some(cmd);
        }
        self.compare(n, &id, expected, got, report)
    }

    fn compare(
        &mut self,
        n: usize,
        id: &CaseId,
        expected: Result<Vec<Event>, Rejection>,
        got: Result<Vec<Event>, Error>,
        report: &mut StoreReport,
    ) -> Result<(), TestCaseError> {
        match (expected, got) {
            (Ok(want), Ok(got)) if want == got => {
                if let Some((_, case, events, visited, _)) = self.model.cases.get_mut(n) {
                    *case = want.iter().fold(case.clone(), evolve);
                    events.extend(want);
                    if visited.last() != Some(&case.status) {
                        visited.push(case.status);
                    }
                }
                Ok(())
            }
            (Err(want), Err(Error::Rejected(got))) if want == got => {
                report.refused += 1;
                let events = self
                    .model
                    .cases
                    .get(n)
                    .map(|c| c.2.clone())
                    .unwrap_or_default();
                self.unchanged(id, &events)
            }
            (want, got) => Err(disagree(format!(
                "on {id}: the model gives {want:?}, the engine {got:?}"
            ))),
        }
    }

    /// The store holds exactly `events` for `id`.
    fn unchanged(&self, id: &CaseId, events: &[Event]) -> Result<(), TestCaseError> {
        let stored = self
            .engine
            .store()
            .load(id)
            .map_err(|e| disagree(e.to_string()))?;
        if stored == events {
            Ok(())
        } else {
            Err(disagree(format!(
                "after a refused command {id} holds {} events, the model {}",
                stored.len(),
                events.len()
            )))
        }
    }

    fn retry(&mut self, i: usize) -> Result<(), TestCaseError> {
        let Some(n) = i.checked_rem(self.model.cases.len()) else {
            return Ok(());
        };
        let Some((id, _, events, _, Some(cmd))) = self.model.cases.get(n) else {
            return Ok(());
        };
        let first: Vec<Event> = events
            .iter()
            .filter(|e| e.command_id.as_ref() == Some(&cmd.id))
            .cloned()
            .collect();
        if first.is_empty() {
            // It was refused: a refused command is not remembered; it is
            // decided again (and compared) like any other.
            return Ok(());
        }
        match self.engine.handle(id, cmd) {
            Ok(got) if got == first => self.unchanged(id, events),
            other => Err(disagree(format!(
                "retrying {} on {id} gave {other:?}, not the {} events it produced",
                cmd.id,
                first.len()
            ))),
        }
    }

    fn stale(&mut self, i: usize) -> Result<(), TestCaseError> {
        let Some(n) = i.checked_rem(self.model.cases.len()) else {
            return Ok(());
        };
        let Some((id, case, events, _, _)) = self.model.cases.get(n) else {
            return Ok(());
        };
        let Some(actor) = self.registrar() else {
            return Ok(());
        };
        let cmd = Command::new(
            CommandId::new(format!("stale-{}", self.seq)).map_err(|e| disagree(e.to_string()))?,
            actor,
            self.now,
            case.version.saturating_sub(1),
            CommandKind::AddNote {
                text: "过期版本".into(),
                attachments: vec![],
            },
        );
        match self.engine.handle(id, &cmd) {
            Err(Error::Rejected(Rejection::StaleVersion { .. })) => self.unchanged(id, events),
            other => Err(disagree(format!(
                "a command one version behind on {id} gave {other:?}"
            ))),
        }
    }

    fn tick(&mut self, i: usize) -> Result<(), TestCaseError> {
        let Some(n) = i.checked_rem(self.model.cases.len()) else {
            return Ok(());
        };
        let Some((id, case, _, _, _)) = self.model.cases.get(n) else {
            return Ok(());
        };
        // Time jumps a day, so clocks warn, breach and escalate.
        self.now += TimeDelta::days(1);
        let id = id.clone();
        let expected = tick(case, &self.rt.ctx(self.roster, self.now));
        let got = self.engine.tick(&id, self.now);
        self.compare(n, &id, expected, got, &mut StoreReport::default())
    }

    fn reload(&self) -> Result<(), TestCaseError> {
        let mut ids = self
            .engine
            .store()
            .case_ids()
            .map_err(|e| disagree(e.to_string()))?;
        ids.sort();
        let mut want: Vec<CaseId> = self.model.cases.iter().map(|c| c.0.clone()).collect();
        want.sort();
        if ids != want {
            return Err(disagree(format!(
                "the store lists {ids:?}, the model {want:?}"
            )));
        }
        for (id, case, _, _, _) in &self.model.cases {
            let loaded = self.engine.case(id).map_err(|e| disagree(e.to_string()))?;
            if loaded != *case {
                return Err(disagree(format!(
                    "{id} loads back differently from the model"
                )));
            }
        }
        Ok(())
    }
}

fn kind(op: &Op) -> &'static str {
    match op {
        Op::File(_) => "file",
        Op::Step(..) => "step",
        Op::Retry(_) => "retry",
        Op::Stale(_) => "stale",
        Op::Tick(_) => "tick",
        Op::Reload => "reload",
    }
}

/// Runs `sequences` generated operation sequences (up to 60 operations on
/// up to four cases) against an engine over a fresh store from
/// `make_store`, comparing each with the pure model; complaints are
/// received from `start` on. Deterministic.
///
/// # Errors
/// [`StoreCheckFailure::Disagree`] with the first disagreement of the
/// smallest failing sequence found.
pub fn check_store<S: Store>(
    policy: Policy,
    roster: &Roster,
    start: DateTime<Utc>,
    sequences: u32,
    make_store: impl Fn() -> S,
) -> Result<StoreReport, StoreCheckFailure> {
    let rt = PolicyRuntime::new(policy.clone()).map_err(Error::from)?;
    let kit = Kit::new(&rt, roster, start);
    let report = std::cell::RefCell::new(StoreReport::default());
    let mut runner = TestRunner::new_with_rng(
        config(sequences),
        TestRng::from_seed(RngAlgorithm::ChaCha, &[11; 32]),
    );
    let ops = prop::collection::vec(op(&policy, roster), 1..60);
    let result = runner.run(&ops, |ops| {
        let engine = Engine::new(policy.clone(), roster.clone(), make_store())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut m = Machine {
            engine,
            rt: &rt,
            roster,
            kit: &kit,
            model: Model { cases: Vec::new() },
            now: start,
            seq: 0,
        };
        let mut local = StoreReport::default();
        for op in &ops {
            m.apply(op, &mut local)?;
            local.operations += 1;
            *local.by_kind.entry(kind(op)).or_default() += 1;
        }
        m.reload()?;
        let mut r = report.borrow_mut();
        r.sequences += 1;
        r.operations += local.operations;
        r.refused += local.refused;
        for (k, v) in local.by_kind {
            *r.by_kind.entry(k).or_default() += v;
        }
        Ok(())
    });
    match result {
        Ok(()) => Ok(report.into_inner()),
        Err(e) => Err(StoreCheckFailure::Disagree(e.to_string())),
    }
}
