//! Whether a role-owned clock's breach always has someone to charge.
//!
//! A clock owned by a role (`owner = { role = "complaint_manager" }`) is
//! charged, when it breaches, to the case's first responder or a staff
//! member who has acted on the case holding that role (ruling 7 in
//! docs/rulings.md). When another role can register the case and another
//! role (or the tick) can make the event that starts the clock, it can
//! run, and breach, before any holder of the owner role has acted: without
//! `fallback_owner` that breach is recorded without an owner and fines
//! nobody. `policy check` warns about it.

use tousu_model::RoleId;

use crate::error::Report;
use crate::milestone::{Milestone, MilestoneOwner};
use crate::policy::Policy;

/// Who, besides holders of `owner`, can make one of `m`'s start events: a
/// role (the first found) or, `None` inside, the clock itself (a tick).
fn other_starter<'p>(
    p: &'p Policy,
    m: &'p Milestone,
    owner: &RoleId,
) -> Option<Option<&'p RoleId>> {
    for &event in &m.start {
        for cause in crate::invariants::causes(event) {
            let Some(action) = cause else {
                if m.started_by.is_empty() {
                    return Some(None);
                }
                continue;
            };
            let other = p.roles.iter().find(|r| {
                r.id != *owner
                    && r.may_sometimes(*action)
                    && (m.started_by.is_empty() || m.started_by.contains(&r.id))
            });
            if let Some(r) = other {
                return Some(Some(&r.id));
            }
        }
    }
    None
}

/// Warns, at `path.fallback_owner`, when `m` is owned by a role, names no
/// fallback owner, and can start without a holder of that role acting.
pub(crate) fn role_owner_charged(p: &Policy, m: &Milestone, path: &str, r: &mut Report) {
    let (MilestoneOwner::Role(owner)
    | MilestoneOwner::RoleHoldingCase(crate::HeldRole { role: owner, .. })) = &m.owner
    else {
        return;
    };
    if m.reminder || m.fallback_owner.is_some() {
        return;
    }
    // Only the owner role registers: its holder is on every case from the
    // start (the default policy's complaint manager).
    let registers_elsewhere = p
        .roles
        .iter()
        .any(|x| x.id != *owner && x.may_sometimes(crate::authority::Action::Register));
    if !registers_elsewhere {
        return;
    }
    let Some(starter) = other_starter(p, m, owner) else {
        return;
    };
    let (who, fix) = match starter {
        Some(role) => (
            format!("the role {:?} can make", role.as_str()),
            format!(
                "add e.g. fallback_owner = {{ role = \"{}\" }}",
                role.as_str()
            ),
        ),
        None => (
            "the clock's own tick can cause".to_owned(),
            "add fallback_owner naming the role that answers until one acts".to_owned(),
        ),
    };
    r.warning(
        format!("{path}.fallback_owner"),
        format!(
            "is missing: the clock is owned by the role {:?} but starts on an event {who}, so it can breach before any holder of {:?} has acted on the case, and that breach is charged to nobody; {fix}",
            owner.as_str(),
            owner.as_str(),
        ),
    );
}
