//! The operations over a store, as the command line and the HTTP service
//! both call them: each takes and returns the documents of [`crate::docs`]
//! and fails with one [`ApiError`]. Synchronous, as the engine and the
//! stores are; the HTTP service calls them on tokio's blocking pool.

use chrono::{DateTime, NaiveDate, Utc};
use tousu::model::CaseId;
use tousu::policy::Policy;
use tousu::report::{PeriodReport, ReportPeriod};
use tousu::workflow::{Case, CommandKind, Event};
use tousu::{Engine, Filing, Store};

use crate::docs::{
    CommandInput, DeadlinesDoc, FilingInput, FindingDoc, Outcome, OverdueDoc, PenaltiesDoc,
    PenaltiesInput, PolicyCheckDoc, TickDoc, TickFailure,
};
use crate::error::{ApiError, ErrorKind};

/// An engine over a store, with the operations a caller outside Rust needs.
#[derive(Debug)]
pub struct Service<S: Store> {
    engine: Engine<S>,
}

impl<S: Store> Service<S> {
    /// The operations over `engine`.
    pub fn new(engine: Engine<S>) -> Self {
        Service { engine }
    }

    /// The engine.
    pub fn engine(&self) -> &Engine<S> {
        &self.engine
    }

    /// The engine, to change its roster or policies.
    pub fn engine_mut(&mut self) -> &mut Engine<S> {
        &mut self.engine
    }

    /// Files a complaint: the engine numbers it unless a case id is given.
    pub fn file(&mut self, input: FilingInput) -> Result<Outcome, ApiError> {
        let filed = self.engine.file(Filing {
            actor: input.actor,
            command_id: input.command_id,
            case_id: input.case_id,
            complaint: input.complaint,
            repeat_count: input.repeat_count,
        })?;
        Ok(Outcome {
            case: filed.case.id.clone(),
            version: filed.case.version,
            events: filed.events,
        })
    }

    /// Handles a command on case `id`, at its current version when the
    /// command names none. A `register` command opens the case it names.
    pub fn command(&mut self, id: &CaseId, input: CommandInput) -> Result<Outcome, ApiError> {
        let current = match self.engine.case(id) {
            Ok(case) => case.version,
            Err(tousu::Error::UnknownCase(_))
                if matches!(input.kind, CommandKind::Register { .. }) =>
            {
                0
            }
            Err(e) => return Err(e.into()),
        };
        let command = input.at_version(current);
        let events = self.engine.handle(id, &command)?;
        let version = events.last().map_or(current, |e| e.version);
        Ok(Outcome {
            case: id.clone(),
            version,
            events,
        })
    }

    /// The case.
    pub fn case(&self, id: &CaseId) -> Result<Case, ApiError> {
        Ok(self.engine.case(id)?)
    }

    /// The case's events, in order.
    pub fn events(&self, id: &CaseId) -> Result<Vec<Event>, ApiError> {
        let events = self
            .engine
            .store()
            .load(id)
            .map_err(|e| ApiError::from(tousu::Error::from(e)))?;
        if events.is_empty() {
            return Err(tousu::Error::UnknownCase(id.clone()).into());
        }
        Ok(events)
    }

    /// The case's open clocks at `now` (default: the case's last event).
    pub fn deadlines(
        &self,
        id: &CaseId,
        now: Option<DateTime<Utc>>,
    ) -> Result<DeadlinesDoc, ApiError> {
        let now = match now {
            Some(now) => now,
            None => self.engine.case(id)?.updated_at,
        };
        Ok(DeadlinesDoc {
            case: id.clone(),
            now,
            deadlines: self.engine.deadlines(id, now)?,
        })
    }

    /// Every running clock past its deadline at `now`, and the clocks without one.
    pub fn overdue(&self, now: DateTime<Utc>) -> Result<OverdueDoc, ApiError> {
        Ok(OverdueDoc {
            now,
            overdue: self.engine.overdue(now)?,
            without_deadline: self.engine.clocks_without_deadline()?,
        })
    }

    /// Lets time pass for the due cases.
    pub fn tick(&mut self, now: DateTime<Utc>) -> Result<TickDoc, ApiError> {
        let report = self.engine.tick_all(now)?;
        Ok(TickDoc {
            now,
            events: report.events().cloned().collect(),
            failures: report
                .failures()
                .map(|(case, e)| TickFailure {
                    case: case.clone(),
                    error: ApiError::from(e),
                })
                .collect(),
        })
    }

    /// The period report over the cases received from `from` to `to`
    /// (local dates, inclusive), as of `as_of` (default: the end of `to`).
    pub fn report(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        as_of: Option<DateTime<Utc>>,
    ) -> Result<PeriodReport, ApiError> {
        let period = ReportPeriod::custom(from, to)
            .map_err(|e| ApiError::invalid(e.to_string()).at("from"))?;
        let as_of = match as_of {
            Some(t) => t,
            None => period
                .end_instant(self.engine.policy().utc_offset())
                .ok_or_else(|| ApiError::invalid("the period ends out of range").at("to"))?,
        };
        Ok(self.engine.report(&period, as_of, None)?)
    }

    /// The month's penalties from the stored cases: the facts the workflow
    /// records and the statements under the policy's tables.
    pub fn penalties(&self, input: PenaltiesInput) -> Result<PenaltiesDoc, ApiError> {
        let facts = self.engine.penalty_facts(input.period)?;
        let result = self.engine.penalties_with(&facts, input.carry.as_ref())?;
        Ok(PenaltiesDoc {
            period: input.period,
            facts,
            result,
        })
    }
}

/// Checks a parsed policy: its problems at their paths, its calendar, and
/// for a valid policy what the invariant checker finds.
pub fn check_policy(policy: &Policy, file: &str) -> PolicyCheckDoc {
    let report = policy.check();
    // The invariants assume a policy that loaded: on one with errors they
    // would report the errors' consequences again.
    let findings = if report.is_ok() {
        tousu::policy::check_invariants(policy)
            .into_iter()
            .map(FindingDoc::from)
            .collect()
    } else {
        Vec::new()
    };
    PolicyCheckDoc {
        ok: report.is_ok(),
        file: file.to_owned(),
        report,
        calendar: calendar_summary(policy),
        findings,
    }
}

/// Checks policy text (TOML, or JSON when it starts with `{`).
pub fn check_policy_text(text: &str) -> Result<PolicyCheckDoc, ApiError> {
    let parsed = if text.trim_start().starts_with('{') {
        Policy::parse_json(text)
    } else {
        Policy::parse_toml(text)
    };
    let policy = parsed.map_err(|e| ApiError::new(ErrorKind::Invalid, e.to_string()))?;
    Ok(check_policy(&policy, "-"))
}

/// The calendar in one line: `UTC+08:00 holiday data for 2024, 2025, 2026; …`.
pub fn calendar_summary(p: &Policy) -> String {
    match p.build_calendar() {
        Ok(cal) => format!("UTC{} {}", p.calendar.utc_offset, cal.coverage_note()),
        Err(e) => format!("cannot be built: {e}"),
    }
}

/// Appends events a caller kept (what a store appends, in each case's
/// version order) to `store` as they are: nothing is decided again, so a
/// changed policy cannot change history. Each case must replay; each
/// command's events are one write with the command's record (from the
/// event's `command_digest`), so a retry of it is recognised. The due index
/// is not filled (`next_due` is left empty): tick such cases by id.
/// Returns each case with its version, in order of first appearance.
pub fn import_events<S: Store>(
    store: &mut S,
    events: Vec<Event>,
) -> Result<Vec<(CaseId, u64)>, ApiError> {
    let mut order: Vec<CaseId> = Vec::new();
    let mut by_case: std::collections::HashMap<CaseId, Vec<Event>> =
        std::collections::HashMap::new();
    for e in events {
        if !by_case.contains_key(&e.case_id) {
            order.push(e.case_id.clone());
        }
        by_case.entry(e.case_id.clone()).or_default().push(e);
    }
    let mut out = Vec::new();
    for id in order {
        let events = by_case.remove(&id).unwrap_or_default();
        let case = Case::replay_events(&events)
            .map_err(|e| ApiError::invalid(format!("case {id}: {e}")))?;
        let mut rest = events.as_slice();
        while let Some(first) = rest.first() {
            let n = rest
                .iter()
                .take_while(|e| e.command_id == first.command_id)
                .count();
            let (batch, tail) = rest.split_at(n);
            rest = tail;
            let command = match (&first.command_id, &first.command_digest) {
                (Some(cid), Some(digest)) => Some((cid.clone(), tousu::CommandHash(**digest))),
                _ => None,
            };
            let batch = tousu::Batch {
                case_id: id.clone(),
                expected_version: first.version.saturating_sub(1),
                events: batch.to_vec(),
                command,
                open: case.status.is_open(),
                next_due: None,
                snapshot: None,
            };
            store
                .append(&batch)
                .map_err(|e| ApiError::from(tousu::Error::from(e)))?;
        }
        out.push((id, case.version));
    }
    Ok(out)
}
