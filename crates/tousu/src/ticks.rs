//! What [`Engine::tick_all`](crate::Engine::tick_all) did, case by case.

use tousu_model::CaseId;
use tousu_workflow::Event;

use crate::{Appended, Error};

/// One due case's outcome: the events stored for it, or why it failed.
#[derive(Debug)]
pub struct Ticked {
    /// The case.
    pub case: CaseId,
    /// The events appended (empty if nothing happened), or the failure;
    /// a failed case changed nothing and is tried again at the next tick.
    /// The events are shared with the store where it keeps them
    /// ([`Appended`] reads as a slice; `to_vec()` for a copy of your own).
    pub outcome: Result<Appended, Error>,
}

/// Every due case ticked, in the order the due index gave them (earliest
/// due first). A failing case never stops the others.
#[derive(Debug, Default)]
pub struct TickReport {
    /// One entry per case the due index selected.
    pub cases: Vec<Ticked>,
}

impl TickReport {
    /// Every event appended, case by case.
    pub fn events(&self) -> impl Iterator<Item = &Event> {
        self.cases
            .iter()
            .filter_map(|t| t.outcome.as_ref().ok())
            .flat_map(|events| events.iter())
    }

    /// The cases that failed, with why.
    pub fn failures(&self) -> impl Iterator<Item = (&CaseId, &Error)> {
        self.cases
            .iter()
            .filter_map(|t| t.outcome.as_ref().err().map(|e| (&t.case, e)))
    }

    /// Whether nothing was appended and nothing failed.
    pub fn is_empty(&self) -> bool {
        self.events().next().is_none() && self.failures().next().is_none()
    }
}
