//! Late entries (补录): which commands may say that what they record
//! happened before it was recorded, and how long after at most.
//!
//! ```toml
//! # S04 二4 「应详细记录,事后告知相关负责人员」: what was done on site is
//! # written down afterwards, within a working day.
//! [[late_entries]]
//! actions = ["record_action", "add_note"]
//! within = "1 working day"
//! ```
//!
//! A command of a listed action may carry `occurred_at`, the instant the
//! thing happened; the command's own `at` stays the instant it is recorded,
//! which is never before the case's last event. Without the section nothing
//! may be entered late. Clocks are measured at the recording instant, so a
//! late entry never undoes a breach already due (ruling 27 in
//! docs/rulings.md).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::authority::Action;
use crate::duration::Duration;
use crate::error::Report;
use crate::policy::Policy;

/// Actions whose commands may be recorded late (`late_entries`), and the
/// longest time between the thing happening and its recording.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LateEntry {
    /// The actions, among [`LateEntry::RECORDABLE`]: what a person did and
    /// writes down afterwards, never a decision.
    pub actions: Vec<Action>,
    /// How long after it happened a thing may still be recorded: the
    /// recording instant must fall before the deadline this limit gives
    /// from the instant it happened, counted on the policy's calendar as a
    /// milestone's deadline is (`"24 hours"`, `"1 working day"`).
    pub within: Duration,
}

impl LateEntry {
    /// The actions that record something a person did, which can happen
    /// before it is written down: the investigation, its findings and
    /// facts, the reply, the follow-up call, a note, an action on the case.
    /// The other actions are decisions (accept, assign, approve, close...)
    /// taken when they are recorded, so they are never late entries.
    pub const RECORDABLE: &'static [Action] = &[
        Action::Investigate,
        Action::RecordFindings,
        Action::Reply,
        Action::RecordCallback,
        Action::AddNote,
        Action::RecordAction,
    ];
}

impl Policy {
    /// How late a command of `action` may be recorded, if the policy allows
    /// it at all (`late_entries`).
    #[must_use]
    pub fn late_entry(&self, action: Action) -> Option<&LateEntry> {
        self.late_entries
            .iter()
            .find(|e| e.actions.contains(&action))
    }
}

/// Everything wrong with `late_entries`.
pub(crate) fn check(p: &Policy, r: &mut Report) {
    let recordable = || {
        LateEntry::RECORDABLE
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut seen: Vec<(Action, usize)> = Vec::new();
    for (i, entry) in p.late_entries.iter().enumerate() {
        let path = format!("late_entries[{i}]");
        if entry.actions.is_empty() {
            r.error(
                format!("{path}.actions"),
                format!(
                    "is empty; name the actions that may be recorded late, among {}",
                    recordable()
                ),
            );
        }
        for (j, &action) in entry.actions.iter().enumerate() {
            let at = format!("{path}.actions[{j}]");
            if !LateEntry::RECORDABLE.contains(&action) {
                r.error(
                    at,
                    format!(
                        "`{action}` is a decision taken when it is recorded, never a late entry; actions that may be recorded late are {}",
                        recordable()
                    ),
                );
            } else if let Some((_, first)) = seen.iter().find(|(a, _)| *a == action) {
                r.error(
                    at,
                    format!(
                        "`{action}` is already in late_entries[{first}]; give each action one limit"
                    ),
                );
            } else {
                seen.push((action, i));
            }
        }
        crate::validate::bounded(r, &format!("{path}.within"), entry.within);
    }
}
