//! The agreed deadline (约定回复时限, `set_agreed_deadline`): who answers for
//! it, and whether a later agreement in the round replaces the running one
//! (`[agreed_deadline]`, schema 2; rulings 109 and 110 in docs/rulings.md).
//!
//! ```toml
//! # S10 2「并于12小时内向相关部门传递,要求限期处理和回复」: the 限期 the front desk
//! # sets is the department's; its head at the top of the roster answers
//! # (ruling 109), then a head who acted, then the centre that set it before
//! # any department had the case.
//! [agreed_deadline]
//! owner = { holder = { role = "dept_head", among = "lead_department" } }
//! fallback_owner = [{ role = "dept_head" }, { role = "front_desk" }]
//!
//! # S42 (3)「受理客户投诉要一跟到底…对不能解决的投诉,应婉转地向客户讲清楚,并确定下次回复的时间」:
//! # each contact that cannot yet resolve agrees the next reply time (ruling 110).
//! [agreed_deadline]
//! later_replaces = true
//! ```
//!
//! Without the table, the agreed deadline is owned as the first milestone
//! whose `stop` lists `agreed_deadline_set` (the clock the date stands in
//! for: its owner, then its fallback owners), else by the handler alone, and
//! a second agreement in a round is refused — as before the table existed.
//! With `owner` or `fallback_owner`, the date is owned by them, in the form
//! and order of a milestone's (ruling 44; holders, ruling 75), whatever
//! milestone it stops. With `later_replaces = true`, a later agreement stops
//! the running date — met when made before it lapsed, not met after — and
//! the new date runs in its place.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::Report;
use crate::fallback_owner::FallbackOwner;
use crate::milestone::{ClockEvent, MilestoneOwner};
use crate::policy::Policy;

/// Who answers for an agreed deadline, and whether a later agreement
/// replaces the running one (`[agreed_deadline]`, schema 2).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgreedDeadline {
    /// Who owns the date: `"assignee"` (the default: the handler),
    /// `"first_responder"`, `{ role = "…" }` or `{ holder = { role = "…" } }`.
    /// With it or `fallback_owner` given, the date is owned by them and not
    /// as the milestone that stops on `agreed_deadline_set` (ruling 109).
    #[serde(default, skip_serializing_if = "is_assignee")]
    pub owner: MilestoneOwner,
    /// Who answers when `owner` names nobody on the case: one owner, or a
    /// list tried in order (ruling 44).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback_owner: Option<FallbackOwner>,
    /// A later agreement in the same round replaces the running date
    /// (ruling 110): the running one stops, met when the new one is agreed
    /// before it lapsed, not met after, and the new date runs. Without it a
    /// second agreement in a round is refused.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub later_replaces: bool,
    /// A note for people (the clause).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

fn is_assignee(o: &MilestoneOwner) -> bool {
    *o == MilestoneOwner::Assignee
}

impl AgreedDeadline {
    /// Whether nothing is said: the date is owned as before the table
    /// existed, and a second agreement in a round is refused.
    #[must_use]
    pub fn is_default(&self) -> bool {
        !self.names_owner() && !self.later_replaces && self.note.is_none()
    }

    /// Whether the table names the date's owners itself.
    #[must_use]
    pub fn names_owner(&self) -> bool {
        !is_assignee(&self.owner) || self.fallback_owner.is_some()
    }

    /// Each owner with its key under the table (`owner`,
    /// `fallback_owner[1]`), in the order they are tried.
    pub(crate) fn keyed(&self) -> Vec<(String, &MilestoneOwner)> {
        let fallbacks = self
            .fallback_owner
            .as_ref()
            .map_or_else(Vec::new, FallbackOwner::keyed);
        std::iter::once(("owner".to_owned(), &self.owner))
            .chain(fallbacks)
            .collect()
    }
}

/// Who owns an agreed deadline, and where the policy says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum AgreedOwners<'p> {
    /// The `[agreed_deadline]` table names them.
    Table(&'p AgreedDeadline),
    /// Owned as milestone `index`, the first whose `stop` lists
    /// `agreed_deadline_set`.
    AsMilestone(usize, &'p crate::Milestone),
    /// Neither: the handler alone.
    Handler,
}

impl<'p> AgreedOwners<'p> {
    /// The owner, then the fallback owners, in the order they are tried
    /// (the handler alone for [`AgreedOwners::Handler`]).
    #[must_use]
    pub fn chain(self) -> Vec<&'p MilestoneOwner> {
        let (owner, fallback) = match self {
            AgreedOwners::Table(t) => (&t.owner, t.fallback_owner.as_ref()),
            AgreedOwners::AsMilestone(_, m) => (&m.owner, m.fallback_owner.as_ref()),
            AgreedOwners::Handler => return vec![&MilestoneOwner::Assignee],
        };
        std::iter::once(owner)
            .chain(fallback.map(FallbackOwner::owners).unwrap_or_default())
            .collect()
    }
}

impl Policy {
    /// Who owns an agreed deadline (ruling 109): the `[agreed_deadline]`
    /// table's owners when it names any, else those of the first milestone
    /// that stops on `agreed_deadline_set` (ruling 101), else the handler.
    /// The workflow charges a late date to them and the checker's
    /// `agreed_deadline_owned` reads them: one answer for both.
    #[must_use]
    pub fn agreed_deadline_owners(&self) -> AgreedOwners<'_> {
        if self.agreed_deadline.names_owner() {
            return AgreedOwners::Table(&self.agreed_deadline);
        }
        match self
            .milestones
            .iter()
            .enumerate()
            .find(|(_, m)| m.stop.contains(&ClockEvent::AgreedDeadlineSet))
        {
            Some((i, m)) => AgreedOwners::AsMilestone(i, m),
            None => AgreedOwners::Handler,
        }
    }
}

/// Validation: the table belongs to schema 2; its owners are known roles
/// (holders checked as a milestone's are) and its fallback list tries each
/// once.
pub(crate) fn check(p: &Policy, r: &mut Report) {
    let a = &p.agreed_deadline;
    if a.is_default() {
        return;
    }
    if p.schema_version < 2 {
        r.error(
            "agreed_deadline",
            "is a table of schema_version 2; write schema_version = 2",
        );
    }
    crate::validate::owner_list(p, &a.owner, a.fallback_owner.as_ref(), "agreed_deadline", r);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default policy (schema 2) with `table` appended.
    fn with(table: &str) -> Result<Policy, String> {
        let text = format!("{}\n{table}", crate::DEFAULT_POLICY_TOML);
        Policy::from_toml_str(&text).map_err(|e| e.to_string())
    }

    #[test]
    fn without_the_table_the_date_is_owned_as_before() {
        let p = Policy::default_policy().unwrap();
        assert!(p.agreed_deadline.is_default());
        // The default policy's first response stops on agreed_deadline_set.
        assert!(
            matches!(p.agreed_deadline_owners(), AgreedOwners::AsMilestone(1, m) if m.id.as_str() == "first_response")
        );
        let mut q = p.clone();
        for m in &mut q.milestones {
            m.stop.retain(|e| *e != ClockEvent::AgreedDeadlineSet);
        }
        assert_eq!(q.agreed_deadline_owners(), AgreedOwners::Handler);
        assert_eq!(
            q.agreed_deadline_owners().chain(),
            [&MilestoneOwner::Assignee]
        );
    }

    #[test]
    fn the_table_names_the_owners_and_round_trips() {
        let p = with(
            "[agreed_deadline]\nowner = { role = \"complaint_manager\" }\nfallback_owner = [\"first_responder\"]\nlater_replaces = true",
        )
        .unwrap();
        let AgreedOwners::Table(t) = p.agreed_deadline_owners() else {
            panic!("not the table's");
        };
        assert!(t.later_replaces);
        assert_eq!(p.agreed_deadline_owners().chain().len(), 2);
        let back = Policy::from_toml_str(&p.to_toml_string().unwrap()).unwrap();
        assert_eq!(back.agreed_deadline, p.agreed_deadline);
        // `later_replaces` alone names no owner: the date is owned as before.
        let p = with("[agreed_deadline]\nlater_replaces = true").unwrap();
        assert!(matches!(
            p.agreed_deadline_owners(),
            AgreedOwners::AsMilestone(..)
        ));
    }

    #[test]
    fn a_bad_table_says_where() {
        let e = with("[agreed_deadline]\nowner = { role = \"nobody\" }").unwrap_err();
        assert!(e.contains("agreed_deadline.owner.role"), "{e}");
        let e = with(
            "[agreed_deadline]\nowner = { role = \"handler\" }\nfallback_owner = [{ role = \"handler\" }]",
        )
        .unwrap_err();
        assert!(
            e.contains("agreed_deadline.fallback_owner[0]: role \"handler\" is tried already"),
            "{e}"
        );
        let e = with("[agreed_deadline]\nowner = { holder = { role = \"handler\", among = \"taken_over\" } }")
            .unwrap_err();
        assert!(e.contains("agreed_deadline.owner.holder.among"), "{e}");
        // At schema 1 (the default's `by` is refused too).
        let text = format!(
            "{}\n[agreed_deadline]\nlater_replaces = true",
            crate::DEFAULT_POLICY_TOML.replacen("schema_version = 2", "schema_version = 1", 1)
        );
        let e = Policy::from_toml_str(&text).unwrap_err().to_string();
        assert!(
            e.contains("agreed_deadline: is a table of schema_version 2"),
            "{e}"
        );
    }

    #[test]
    fn a_holder_the_table_names_who_cannot_act_is_found() {
        let p = with(
            "[[roles]]\nid = \"auditor\"\nname_zh = \"审计\"\nactions = [\"view_confidential\"]\n\n[agreed_deadline]\nowner = { holder = { role = \"auditor\" } }",
        )
        .unwrap();
        let found: Vec<String> = crate::check_invariants(&p)
            .into_iter()
            .filter(|f| f.path.starts_with("agreed_deadline"))
            .map(|f| format!("{} {}", f.invariant, f.path))
            .collect();
        assert_eq!(
            found,
            [
                "holders_can_act agreed_deadline.owner.holder.role",
                "owner_can_stop agreed_deadline.owner",
            ]
        );
    }
}
