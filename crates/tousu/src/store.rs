//! What an adapter must provide: append events with an expected version,
//! load a case's events, and issue complaint numbers per month.
//!
//! [`MemoryStore`] is the reference implementation; a database adapter does
//! the same with a transaction (append only if the stored count equals
//! `expected_version`, which a unique `(case_id, version)` key gives for free).

use std::collections::BTreeMap;

use tousu_model::CaseId;
use tousu_workflow::Event;

/// Why a store refused or failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// Another writer appended first: the case is at `actual`, not `expected`.
    #[error(
        "version conflict on case {case}: expected version {expected}, the store has {actual}; reload and retry"
    )]
    Conflict {
        /// The case.
        case: CaseId,
        /// The version the writer expected.
        expected: u64,
        /// The version the store has.
        actual: u64,
    },
    /// The events do not continue the case (wrong case id or version numbers).
    #[error("events for case {case} do not continue it: {message}")]
    Malformed {
        /// The case.
        case: CaseId,
        /// What was wrong.
        message: String,
    },
    /// The backend failed (I/O, connection, serialization).
    #[error("store backend: {0}")]
    Backend(Box<dyn std::error::Error + Send + Sync>),
}

/// Event storage for cases, with optimistic concurrency.
pub trait Store {
    /// Appends `events` to `case`, but only if the case has exactly
    /// `expected_version` events now (0 for a new case); otherwise
    /// [`StoreError::Conflict`] and nothing is written. All or nothing.
    fn append(
        &mut self,
        case: &CaseId,
        expected_version: u64,
        events: &[Event],
    ) -> Result<(), StoreError>;

    /// The case's events in order (empty when the case is unknown).
    fn load(&self, case: &CaseId) -> Result<Vec<Event>, StoreError>;

    /// Every case id, in a stable order.
    fn case_ids(&self) -> Result<Vec<CaseId>, StoreError>;

    /// The next complaint sequence number for a month (年度月份流水号),
    /// from 1; each call returns a new number.
    fn next_sequence(&mut self, year: i32, month: u32) -> Result<u32, StoreError>;
}

/// Cases in memory: the reference [`Store`].
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    cases: BTreeMap<CaseId, Vec<Event>>,
    sequences: BTreeMap<(i32, u32), u32>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many events are stored in all.
    pub fn event_count(&self) -> usize {
        self.cases.values().map(Vec::len).sum()
    }
}

impl Store for MemoryStore {
    fn append(
        &mut self,
        case: &CaseId,
        expected_version: u64,
        events: &[Event],
    ) -> Result<(), StoreError> {
        let stored = self.cases.get(case).map_or(0, Vec::len);
        let actual = u64::try_from(stored).unwrap_or(u64::MAX);
        if actual != expected_version {
            return Err(StoreError::Conflict {
                case: case.clone(),
                expected: expected_version,
                actual,
            });
        }
        for (e, v) in events.iter().zip(actual + 1..) {
            if &e.case_id != case || e.version != v {
                return Err(StoreError::Malformed {
                    case: case.clone(),
                    message: format!(
                        "event for case {} has version {}, expected {v}",
                        e.case_id, e.version
                    ),
                });
            }
        }
        self.cases
            .entry(case.clone())
            .or_default()
            .extend_from_slice(events);
        Ok(())
    }

    fn load(&self, case: &CaseId) -> Result<Vec<Event>, StoreError> {
        Ok(self.cases.get(case).cloned().unwrap_or_default())
    }

    fn case_ids(&self) -> Result<Vec<CaseId>, StoreError> {
        Ok(self.cases.keys().cloned().collect())
    }

    fn next_sequence(&mut self, year: i32, month: u32) -> Result<u32, StoreError> {
        let n = self.sequences.entry((year, month)).or_insert(0);
        *n = n
            .checked_add(1)
            .ok_or_else(|| StoreError::Backend("the month's sequence overflowed".into()))?;
        Ok(*n)
    }
}
