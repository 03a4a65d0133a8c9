//! A grant's `reached` (schema 2, ruling 160 in docs/rulings.md): the
//! case has been in one of some statuses at some time, in this round or an
//! earlier one. `statuses` reads only where the case stands now; an act the
//! regulation allows only once something happened — a 签呈 against the
//! decision (S41 5.1.13「各部门对客户投诉处理决议有异议时得以“签呈”专案呈报处理」)
//! — waits for a status the case has since left, or left in an earlier
//! round.
//!
//! ```toml
//! grants = [{ actions = ["escalate"], reached = ["approved", "replied"] }]
//! ```

use crate::CaseView;
use crate::authority::{Grant, list};
use crate::error::Report;
use crate::invariants::caused_by_someone;
use crate::milestone::ClockEvent;
use crate::policy::Policy;
use crate::status::Status;

impl Grant {
    /// Why the grant's `reached` does not hold for `case`, in words; `None`
    /// when it holds or the grant has none. The case's current status counts
    /// as reached (a case stored before the history was kept has only it).
    pub(crate) fn unreached(&self, case: &CaseView<'_>) -> Option<String> {
        let reached = self.reached.as_ref()?;
        let been = |s: &Status| *s == case.status || case.reached.contains(*s);
        if reached.iter().any(been) {
            return None;
        }
        Some(format!(
            "the case must have reached one of the statuses {} at some time, in any round (`reached`; it has not)",
            list(reached)
        ))
    }
}

/// The events that put a case in `status` (none for `registered`, which
/// every case starts in).
fn entered_by(status: Status) -> &'static [ClockEvent] {
    match status {
        Status::Registered => &[],
        Status::Accepted => &[ClockEvent::Accepted],
        Status::NotAccepted => &[ClockEvent::NotAccepted],
        Status::Assigned => &[ClockEvent::Assigned, ClockEvent::Transferred],
        Status::Investigating => &[ClockEvent::InvestigationStarted, ClockEvent::SentBack],
        Status::AwaitingApproval => &[ClockEvent::SolutionProposed],
        Status::Approved => &[ClockEvent::Approved],
        Status::Replied => &[ClockEvent::Replied],
        Status::Closed => &[ClockEvent::Closed],
    }
}

/// Validation of a grant's `reached` at `path` (`roles[i].grants[j]`): an
/// empty list holds never; `registered` always (every case starts in it).
pub(crate) fn validate(g: &Grant, path: &str, r: &mut Report) {
    let Some(reached) = &g.reached else {
        return;
    };
    if reached.is_empty() {
        r.error(
            format!("{path}.reached"),
            "is empty, so the grant never holds; list the statuses the case must have been in (e.g. [\"approved\", \"replied\"]), or leave `reached` out",
        );
    }
    for (k, s) in reached.iter().enumerate() {
        if *s == Status::Registered {
            r.error(
                format!("{path}.reached[{k}]"),
                "every case starts registered, so the grant's `reached` always holds; name the status the act waits for, or leave `reached` out",
            );
        }
    }
}

/// `check_invariants`' reading of `reached`: a status no role can put a
/// case in (no role may take the action that enters it) is never reached,
/// and a grant naming only such statuses never holds.
pub(crate) fn invariants(p: &Policy) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, role) in p.roles.iter().enumerate() {
        for (j, g) in role.grants.iter().enumerate() {
            let Some(reached) = &g.reached else { continue };
            for (k, s) in reached.iter().enumerate() {
                let events = entered_by(*s);
                if !events.is_empty() && !events.iter().any(|e| caused_by_someone(p, *e)) {
                    out.push((
                        format!("roles[{i}].grants[{j}].reached[{k}]"),
                        format!(
                            "no role may take the action that puts a case in {s}, so no case ever reaches it{}",
                            if reached.len() == 1 {
                                " and the grant never holds"
                            } else {
                                ""
                            }
                        ),
                    ));
                }
            }
        }
    }
    out
}
