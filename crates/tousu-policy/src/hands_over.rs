//! Where a role may send a case (schema 2, ruling 78 in docs/rulings.md):
//! the lead department of its `assign` and `transfer`, and the handler it
//! names.
//!
//! S31 处理「工程质量投诉由接到投诉的工程质量投诉处理机构负责处理。省…其它投诉可以转送被投诉工程所在地市、县(市)工程质量投诉处理机构处理。」:
//! the province sends complaints down to the city and county bodies; a
//! city or county body sends its case to another such body (where the work
//! is), never up to the province. The intake officer needs `transfer` for
//! the first, so the limit is on where, not on the action:
//!
//! ```toml
//! [[roles]]
//! id = "intake_officer"
//! name_zh = "投诉处理机构受理人员"
//! actions = ["register", "accept", "assign", "transfer"]
//! # a lead department where someone holds one of these: a city or county body
//! hands_over_to = ["intake_officer", "case_officer"]
//! ```
//!
//! A department is told by the roles its staff hold, as routing tells it
//! (`routing`, ruling 42): the lead department given has someone holding
//! one of the roles listed. The handler named, if any, holds one himself:
//! he is charged with the case's clocks, and S26's station head works in
//! the station beside the inspectors but cannot reply. The roles of the
//! actor that count are those that grant the
//! action on the case; a list on one of them that is satisfied, or one of
//! them with no list, lets the hand-over through. Co-handling departments
//! (协办) are called in, not sent the case, and are not limited.
//!
//! A grant of `assign` or `transfer` may carry a list of its own, in place
//! of the role's, for the hand-overs it grants while it holds (ruling 158):
//! S30 五(2)「…属疑难客户,可直接转交至疑难投诉处理团队(经理级)」 sends a work
//! order to the 疑难 team only once the review found it 疑难:
//!
//! ```toml
//! [[roles]]
//! id = "supervision_team"
//! name_zh = "服务监督团队"
//! grants = [
//!     { actions = ["assign", "transfer"], holds_case = true },
//!     { actions = ["assign", "transfer"], holds_case = true, levels = ["difficult"], hands_over_to = ["supervision_team", "difficult_team"] },
//! ]
//! hands_over_to = ["supervision_team"]
//! ```
//!
//! Each way the role holds the action — its `actions`, each grant of it —
//! limits by its own list ([`Role::hand_over_limits`]); the ways that hold
//! on the case decide, and one of them whose list is satisfied, or empty,
//! lets the hand-over through. This is the one place the lists are read:
//! the engine's check, the owners check and the invariants ask it.

use tousu_model::RoleId;

use crate::authority::{Action, Grant, Role};
use crate::error::Report;
use crate::policy::Policy;
use crate::started_by::{held, validate_roles};

/// The actions `hands_over_to` limits.
pub const HAND_OVERS: [Action; 2] = [Action::Assign, Action::Transfer];

/// What a listed role must be able to do for the department chosen by it
/// to take the case on: handle it, or pass it on.
const RECEIVES: [Action; 3] = [Action::Investigate, Action::Assign, Action::Transfer];

/// One way a role holds a hand-over action and where it lets the case
/// go: `grant` is `None` for the role's `actions`, else the index of the
/// grant in `grants`; `to` is the list in force (the grant's own, else the
/// role's; empty: anywhere).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HandOverLimit<'a> {
    /// The grant's index, or `None` for the role's `actions`.
    pub grant: Option<usize>,
    /// The roles a lead department's staff or the handler must hold.
    pub to: &'a [RoleId],
}

impl HandOverLimit<'_> {
    /// Whether a case may go to a department whose staff hold `roles`
    /// between them, or to a handler who holds `roles`: always when the
    /// list is empty, else when one of `roles` is listed.
    #[must_use]
    pub fn admits<'r>(&self, roles: impl Iterator<Item = &'r RoleId>) -> bool {
        held(self.to, roles)
    }
}

impl Role {
    /// Each way the role holds `action` (its `actions`, then each grant of
    /// it) with the list that limits where that way sends a case: a grant's
    /// own `hands_over_to`, else the role's (ruling 158).
    pub fn hand_over_limits(&self, action: Action) -> impl Iterator<Item = HandOverLimit<'_>> {
        let always = self.may(action).then_some(HandOverLimit {
            grant: None,
            to: &self.hands_over_to,
        });
        always
            .into_iter()
            .chain(self.grants_of(action).map(|(j, g)| HandOverLimit {
                grant: Some(j),
                to: if g.hands_over_to.is_empty() {
                    &self.hands_over_to
                } else {
                    &g.hands_over_to
                },
            }))
    }

    /// Whom the role's `assign` and `transfer` may send a case to, in some
    /// case: `None` when some way of holding them is not limited (or the
    /// role holds neither), else every role some list names, once each.
    #[must_use]
    pub fn hand_over_targets(&self) -> Option<Vec<RoleId>> {
        let mut out: Vec<RoleId> = Vec::new();
        let mut any = false;
        for limit in HAND_OVERS.iter().flat_map(|&a| self.hand_over_limits(a)) {
            any = true;
            if limit.to.is_empty() {
                return None;
            }
            for id in limit.to {
                if !out.contains(id) {
                    out.push(id.clone());
                }
            }
        }
        any.then_some(out)
    }

    /// The role's own list and each grant's (path suffix, list), for the
    /// checks that read every list written.
    fn lists_written(&self) -> impl Iterator<Item = (String, &[RoleId])> {
        std::iter::once(("hands_over_to".to_owned(), self.hands_over_to.as_slice())).chain(
            self.grants.iter().enumerate().map(|(j, g)| {
                (
                    format!("grants[{j}].hands_over_to"),
                    g.hands_over_to.as_slice(),
                )
            }),
        )
    }
}

/// Load-time checks of `role.hands_over_to` at `path` (`roles[3]`): each
/// role exists and is listed once; a warning when the role may neither
/// assign nor transfer, so the list limits nothing.
pub(crate) fn validate(p: &Policy, role: &Role, path: &str, r: &mut Report) {
    for (j, g) in role.grants.iter().enumerate() {
        validate_grant(p, role, j, g, path, r);
    }
    if role.hands_over_to.is_empty() {
        return;
    }
    let at = format!("{path}.hands_over_to");
    validate_roles(p, &role.hands_over_to, &at, r);
    if !HAND_OVERS.iter().any(|&a| role.may_sometimes(a)) {
        r.warning(
            at,
            format!(
                "limits nothing: the role {:?} may neither assign nor transfer; grant it the action or drop the list",
                role.id.as_str()
            ),
        );
    }
}

/// Load-time checks of a grant's own list (ruling 158): on a grant of
/// `assign` or `transfer` only, each role known and listed once.
fn validate_grant(p: &Policy, role: &Role, j: usize, g: &Grant, path: &str, r: &mut Report) {
    if g.hands_over_to.is_empty() {
        return;
    }
    let at = format!("{path}.grants[{j}].hands_over_to");
    validate_roles(p, &g.hands_over_to, &at, r);
    let others: Vec<String> = g
        .actions
        .iter()
        .filter(|a| !HAND_OVERS.contains(a))
        .map(ToString::to_string)
        .collect();
    if !HAND_OVERS.iter().any(|a| g.actions.contains(a)) {
        r.error(
            at,
            format!(
                "limits only `assign` and `transfer`, and the grant of role {:?} gives neither; put the list on a grant of `assign` or `transfer`, or drop it",
                role.id.as_str()
            ),
        );
    } else if !others.is_empty() {
        r.error(
            at,
            format!(
                "limits only `assign` and `transfer`, and the grant also gives {}; move them to a grant of their own",
                others.join(", ")
            ),
        );
    }
}

/// Grants of `assign` or `transfer` with a list of their own that limits
/// nothing (path, message), for
/// [`check_invariants`](crate::check_invariants) (ruling 158): the role
/// also holds the action with no list at all — in its `actions`, or by a
/// grant with no list while the role has none — and that way holds
/// wherever the grant does, so the case may go anywhere.
pub(crate) fn grant_lists_limit_nothing(p: &Policy) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, role) in p.roles.iter().enumerate() {
        for (j, g) in role.grants.iter().enumerate() {
            if g.hands_over_to.is_empty() {
                continue;
            }
            for &action in HAND_OVERS.iter().filter(|a| g.actions.contains(a)) {
                let open = role
                    .hand_over_limits(action)
                    .find(|l| l.to.is_empty() && covers(role, l.grant, g));
                let Some(open) = open else { continue };
                let how = open.grant.map_or_else(
                    || "its `actions`".to_owned(),
                    |k| format!("grants[{k}], which holds wherever this one does"),
                );
                out.push((
                    format!("roles[{i}].grants[{j}].hands_over_to"),
                    format!(
                        "limits nothing for `{action}`: the role {:?} also takes it with no list, by {how}, so the case may go anywhere; give the role a `hands_over_to`, or that way a list of its own",
                        role.id.as_str()
                    ),
                ));
            }
        }
    }
    out
}

/// Whether the way `other` (the role's `actions` when `None`) holds
/// wherever `g` holds: it has no condition, or the same conditions as `g`
/// with no more levels asked.
fn covers(role: &Role, other: Option<usize>, g: &Grant) -> bool {
    let Some(k) = other else { return true };
    let Some(o) = role.grants.get(k) else {
        return false;
    };
    let mut o = o.clone();
    let mut g = g.clone();
    if (!o.levels.is_empty() && !g.levels.iter().all(|l| o.levels.contains(l)))
        || (g.levels.is_empty() && !o.levels.is_empty())
    {
        return false;
    }
    o.levels.clear();
    g.levels.clear();
    o.actions.clear();
    g.actions.clear();
    o.hands_over_to.clear();
    g.hands_over_to.clear();
    o.note = None;
    g.note = None;
    o == g
}

/// Roles listed in a `hands_over_to` that may neither investigate nor pass
/// a case on (path, message), for
/// [`check_invariants`](crate::check_invariants): a department chosen
/// because someone there holds such a role may have nobody who can take
/// the case on.
pub(crate) fn receivers_cannot_handle(p: &Policy) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, role) in p.roles.iter().enumerate() {
        for (field, list) in role.lists_written() {
            for (j, id) in list.iter().enumerate() {
                let Some(listed) = p.role(id) else { continue };
                if RECEIVES.iter().any(|&a| listed.may_sometimes(a)) {
                    continue;
                }
                out.push((
                format!("roles[{i}].{field}[{j}]"),
                format!(
                    "the role {:?} may not investigate, assign or transfer, so a department chosen because someone there holds it may have nobody who can take the case on; list the role that handles the case there (the case officer's) or grant it the action",
                    id.as_str()
                ),
            ));
            }
        }
    }
    out
}
