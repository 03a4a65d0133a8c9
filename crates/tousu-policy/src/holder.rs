//! A milestone owner who was handed the case but has not acted on it yet
//! (ruling 75 in docs/rulings.md).
//!
//! `{ role = "…" }` names a holder of the role among the staff already on
//! the case (ruling 44). A case handed to a role — by an escalation step
//! that gives it to the role, by an assignment to a department without a
//! handler, or by the regulation itself — is that holder's before they act
//! on it. `{ holder = { role = "…", among = "…" } }` names them from the
//! roster:
//!
//! ```toml
//! # S30 四 第三步「请第一时间将工单提交部门主管,交由部门主管来处理」: once the
//! # representative took the step to the 部门主管, the representative's own
//! # 部门主管 answers, though they have not acted on the work order yet.
//! fallback_owner = [
//!     { role = "dept_supervisor" },
//!     { holder = { role = "dept_supervisor", among = "supervisors" } },
//!     { role = "agent" },
//! ]
//! ```
//!
//! `among` says where the holder is looked for: `"supervisors"` (once a step
//! whose `take_over` is the role was taken, the nearest holder up the
//! roster's supervisor chain of the first responder), `"taken_over"` (while
//! the last step that took the case over handed it to the role, the
//! roster's holders; ruling 80; with `until_handed_down = true`, either
//! names nobody once the case was assigned after the last step that took
//! it over, ruling 147), `"lead_department"` (once the case is
//! assigned, the holders in its lead department), `"handed_down"` (as
//! `"lead_department"`, but only for an assignment made after the last step
//! that took the case over; ruling 123) or `"roster"` (the default: the
//! roster's holders). Several holders in a
//! department or the roster name the one at the top — the only holder
//! with no other holder up their supervisor chain —, and nobody when more
//! than one is at the top: the next owner in the list is then tried.
//!
//! `holds` (ruling 164) counts, of the roster's holders, only those in a
//! department holding the case, read as a grant's `holds_case` reads it for
//! each of them (the rules of ruling 156, as a `role_holding_case` owner's
//! `holds`, ruling 172): where every branch has its own 投诉管理人, the one
//! of the branch that received the complaint answers before he acts on it.
//!
//! ```toml
//! # S11 第六条「该员工应及时将投诉问题转交负责客投诉管理人处理」: the receiving
//! # branch's 投诉管理人, though he has not acted on the complaint yet.
//! fallback_owner = [
//!     { holder = { role = "complaint_manager", holds = ["received", "followed"] } },
//!     { role = "staff" },
//! ]
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tousu_model::RoleId;

use crate::authority::Action;
use crate::error::Report;
use crate::invariants::Severity;
use crate::milestone::MilestoneOwner;
use crate::policy::Policy;

/// The holder of a role the case was handed to, found in the roster
/// (`{ holder = { role = "dept_supervisor", among = "supervisors" } }`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Holder {
    /// The role.
    pub role: RoleId,
    /// Where the holder is looked for (default: the roster).
    #[serde(default, skip_serializing_if = "HolderAmong::is_roster")]
    pub among: HolderAmong,
    /// Names the holder only while the case's standing hand-over (the last
    /// `assigned` or `transferred`) was made by a staff member holding one
    /// of these roles (ruling 125): S37's handling section answers for a
    /// case the bureau leader 批办 to it, not for one the first receiver
    /// passed on. Empty (the default): whoever handed it over. See
    /// [`crate::handed_down_by`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub handed_down_by: Vec<RoleId>,
    /// `true`: with `among = "supervisors"` or `"taken_over"`, names the
    /// holder only until the case is assigned after the last step that took
    /// it over (ruling 147): the step's role answers while the case is with
    /// it, not once it handed the case down to a handler. `false`, the
    /// default: the take-over's holder outlives a later assignment.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub until_handed_down: bool,
    /// Only the holders in a department holding the case, read as a grant's
    /// `holds_case` reads it for each of them (ruling 164): `["received",
    /// "followed"]` names the receiving branch's 投诉管理人 where each branch
    /// has one. With `among = "roster"` only; `false` is refused (it counts
    /// every department, as leaving it out does). None (the default): the
    /// holders wherever `among` looks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holds: Option<crate::HoldsCase>,
}

/// Where a [`Holder`] is looked for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum HolderAmong {
    /// The roster's holders of the role: the only one, or the one at the
    /// top of the others' supervisor chains.
    #[default]
    Roster,
    /// Once the case is assigned: the holders in its lead department (not
    /// its sub-departments), chosen as in the roster.
    LeadDepartment,
    /// Once an escalation step whose `take_over` is the role was taken: the
    /// nearest holder up the roster's supervisor chain of the first
    /// responder (the first responder excluded).
    Supervisors,
    /// While the last escalation step that took the case over (`take_over`)
    /// handed it to the role: the roster's holders, chosen as in the roster
    /// (ruling 80). Nobody before any step took the case over, or once a
    /// later step took it over to another role.
    TakenOver,
    /// Once a step took the case over (`take_over`) and the case was then
    /// assigned: the holders in the lead department of that assignment,
    /// chosen as in the roster (ruling 123). Nobody before any step took the
    /// case over, or while the assignment is older than the last step that
    /// did — the case was handed down by whoever took it over, not by those
    /// it was taken from.
    HandedDown,
}

impl HolderAmong {
    fn is_roster(&self) -> bool {
        *self == HolderAmong::Roster
    }

    /// Its name in a policy file (`lead_department`).
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            HolderAmong::Roster => "roster",
            HolderAmong::LeadDepartment => "lead_department",
            HolderAmong::Supervisors => "supervisors",
            HolderAmong::TakenOver => "taken_over",
            HolderAmong::HandedDown => "handed_down",
        }
    }
}

/// Load-time checks of a holder owner at `path` (`milestones[1].fallback_owner[2]`):
/// the role is known (checked by the caller), for `among = "supervisors"`
/// or `"taken_over"` some escalation step hands the case to it, and for
/// `"handed_down"` some step takes a case over at all.
pub(crate) fn validate(p: &Policy, h: &Holder, path: &str, r: &mut Report) {
    validate_holds(h, path, r);
    crate::started_by::validate_roles(
        p,
        &h.handed_down_by,
        &format!("{path}.holder.handed_down_by"),
        r,
    );
    if h.until_handed_down && !matches!(h.among, HolderAmong::Supervisors | HolderAmong::TakenOver)
    {
        r.error(
            format!("{path}.holder.until_handed_down"),
            format!(
                "is said of a holder named once a step took the case over, but among is \"{}\"; write among = \"supervisors\" or \"taken_over\", or drop until_handed_down",
                h.among.id()
            ),
        );
    }
    if h.among == HolderAmong::HandedDown {
        if !p.escalation.iter().any(|s| s.take_over.is_some()) {
            r.error(
                format!("{path}.holder.among"),
                "\"handed_down\" names a holder in the department a case is assigned to after a step took it over, but no escalation step has a take_over, so it never names anyone; use \"lead_department\" for any assignment".to_owned(),
            );
        }
        return;
    }
    if !matches!(h.among, HolderAmong::Supervisors | HolderAmong::TakenOver) {
        return;
    }
    let handed = p
        .escalation
        .iter()
        .any(|s| s.take_over.as_ref() == Some(&h.role));
    if !handed {
        let steps: Vec<String> = p
            .escalation
            .iter()
            .filter_map(|s| {
                s.take_over
                    .as_ref()
                    .map(|t| format!("{} ({})", s.id.as_str(), t.as_str()))
            })
            .collect();
        r.error(
            format!("{path}.holder.among"),
            format!(
                "\"{}\" names the holder of {:?} once a step hands the case to it, but no escalation step has take_over = {:?}, so it never names anyone; steps that take over are {}",
                h.among.id(),
                h.role.as_str(),
                h.role.as_str(),
                if steps.is_empty() {
                    "none".to_owned()
                } else {
                    steps.join(", ")
                }
            ),
        );
    }
}

/// A holder's `holds` (ruling 164): `false` counts every department, as no
/// `holds` does, and any `among` but the roster already says where the
/// holder is looked for (a department the case was handed to, or the
/// supervisors of its first responder), so `holds` would say it twice.
fn validate_holds(h: &Holder, path: &str, r: &mut Report) {
    let Some(holds) = h.holds else { return };
    if !holds.is_set() {
        r.error(
            format!("{path}.holder.holds"),
            format!(
                "`holds = false` counts the roster's holders of {:?} in any department, as a holder without `holds` does; name where the case must be (a grant's `holds_case`: \"received\", [\"received\", \"followed\"], …; ruling 164) or leave `holds` out",
                h.role.as_str()
            ),
        );
    } else if h.among != HolderAmong::Roster {
        r.error(
            format!("{path}.holder.holds"),
            format!(
                "`holds` limits the roster's holders to a department holding the case, but among = \"{}\" already says where the holder is looked for; leave `among` out (the roster) or drop `holds` (ruling 164)",
                h.among.id()
            ),
        );
    }
}

/// Invariant findings (`holders_can_act`): a holder owner of a role granted
/// no action on a case is charged for a clock they can do nothing about,
/// one looked for in the lead department never names anyone, and
/// `until_handed_down` changes nothing, when no role may assign or transfer
/// a case.
pub(crate) fn invariants(p: &Policy) -> Vec<(Severity, String, String)> {
    let mut out = Vec::new();
    let assigns = p
        .roles
        .iter()
        .any(|x| x.may_sometimes(Action::Assign) || x.may_sometimes(Action::Transfer));
    for (i, m) in p.milestones.iter().enumerate() {
        let keyed = m
            .fallback_owner
            .as_ref()
            .map_or_else(Vec::new, crate::FallbackOwner::keyed);
        let owners = std::iter::once(("owner".to_owned(), &m.owner)).chain(keyed);
        let what = format!("{:?}", m.id.as_str());
        holders_can_act(
            p,
            &format!("milestones[{i}]"),
            &what,
            owners,
            assigns,
            &mut out,
        );
    }
    // The agreed deadline's own owners (ruling 109).
    let table = &p.agreed_deadline;
    if table.names_owner() {
        let owners = table.keyed().into_iter();
        holders_can_act(
            p,
            "agreed_deadline",
            "an agreed deadline",
            owners,
            assigns,
            &mut out,
        );
    }
    out
}

/// `holders_can_act` for the owners at `at` (a milestone's, or the
/// `[agreed_deadline]` table's), answering for `what`.
fn holders_can_act<'p>(
    p: &Policy,
    at: &str,
    what: &str,
    owners: impl Iterator<Item = (String, &'p MilestoneOwner)>,
    assigns: bool,
    out: &mut Vec<(Severity, String, String)>,
) {
    for (key, owner) in owners {
        let MilestoneOwner::Holder(h) = owner else {
            continue;
        };
        let path = format!("{at}.{key}.holder");
        let acts = p
            .roles
            .iter()
            .find(|x| x.id == h.role)
            .is_some_and(|x| x.actions.iter().any(|a| *a != Action::ViewConfidential));
        if !acts {
            out.push((
                Severity::Warning,
                format!("{path}.role"),
                format!(
                    "{:?} is granted no action on a case, so its holder would answer for {what} without being able to act on the case; name a role that handles cases",
                    h.role.as_str(),
                ),
            ));
        }
        if h.until_handed_down && !assigns {
            out.push((
                Severity::Warning,
                format!("{path}.until_handed_down"),
                "names the holder until the case is assigned after a take-over, but no role may assign or transfer a case, so it changes nothing; drop it".to_owned(),
            ));
        }
        if matches!(
            h.among,
            HolderAmong::LeadDepartment | HolderAmong::HandedDown
        ) && !assigns
        {
            out.push((
                Severity::Warning,
                format!("{path}.among"),
                format!(
                    "\"{}\" looks in the lead department of an assignment, but no role may assign or transfer a case, so it never names anyone",
                    h.among.id()
                ),
            ));
        }
    }
}
