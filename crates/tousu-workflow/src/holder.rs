//! Who a holder owner names (ruling 75 in docs/rulings.md): the holder of
//! a role the case was handed to, found in the roster though they have not
//! acted on the case yet.

use tousu_model::{DepartmentId, Roster, Staff, StaffId};
use tousu_policy::{Holder, HolderAmong};

/// What the case records that a holder owner reads.
pub(crate) struct Handed<'a, I> {
    /// The first staff member contacted, whose supervisors `supervisors` climbs.
    pub(crate) first_responder: Option<&'a StaffId>,
    /// The roles escalation steps taken on the case handed it to
    /// (`take_over`), in the order the steps were taken.
    pub(crate) taken_over: I,
    /// The lead department of the case's assignment, if assigned.
    pub(crate) lead: Option<&'a DepartmentId>,
    /// Who made the standing hand-over (`handed_down_by`, ruling 125).
    pub(crate) handed_by: Option<&'a StaffId>,
    /// The assignment, if any, was made after the last step that took the
    /// case over (or none did).
    pub(crate) handed_down: bool,
    /// Whether a staff member is in a department holding the case, as the
    /// holder's `holds` reads it (ruling 164); None when it has no `holds`.
    pub(crate) holding: Option<&'a dyn Fn(&Staff) -> bool>,
}

/// The staff member `h` names on a case, or nobody: with `among =
/// "supervisors"`, once a step handed the case to the role, the nearest
/// holder up the first responder's supervisor chain; with
/// `"lead_department"`, once assigned, the top holder in the lead
/// department; with `"taken_over"`, while the last step that took the case
/// over handed it to the role, the roster's top holder (ruling 80); with
/// `"handed_down"`, once the case was assigned after a step took it over,
/// the top holder in the lead department (ruling 123); with `"roster"`,
/// the roster's top holder ([`top`]). With `handed_down_by`, nobody unless
/// the case's standing hand-over was made by a holder of one of its roles
/// (ruling 125). With `until_handed_down`, nobody once the case was
/// assigned after the last step that took it over (ruling 147). With
/// `holds`, the roster's holders are those in a department holding the
/// case (`case.holding`, ruling 164).
pub(crate) fn find<'a, I>(h: &Holder, case: Handed<'a, I>, roster: &Roster) -> Option<StaffId>
where
    I: IntoIterator<Item = &'a tousu_model::RoleId>,
{
    if !h.handed_down_by.is_empty() {
        let by = roster.staff(case.handed_by?)?;
        if !by.roles.iter().any(|r| h.handed_down_by.contains(r)) {
            return None;
        }
    }
    // Handed down to a handler after the take-over: no longer the step's
    // role's (ruling 147).
    if h.until_handed_down && case.handed_down {
        return None;
    }
    match h.among {
        HolderAmong::Supervisors => {
            if !case.taken_over.into_iter().any(|r| *r == h.role) {
                return None;
            }
            let mut cur = roster.staff(case.first_responder?)?.supervisor.as_ref();
            // The roster refuses loops of supervisors; the bound is a guard.
            for _ in 0..=roster.all_staff().count() {
                let s = roster.staff(cur?)?;
                if s.has_role(&h.role) {
                    return Some(s.id.clone());
                }
                cur = s.supervisor.as_ref();
            }
            None
        }
        HolderAmong::LeadDepartment => {
            let lead = case.lead?;
            top(
                roster,
                roster.in_department(lead).filter(|s| s.has_role(&h.role)),
            )
        }
        HolderAmong::HandedDown => {
            if !case.handed_down || case.taken_over.into_iter().next().is_none() {
                return None;
            }
            top(
                roster,
                roster
                    .in_department(case.lead?)
                    .filter(|s| s.has_role(&h.role)),
            )
        }
        HolderAmong::TakenOver => {
            // The case is the role's while no later step took it over to
            // another (a district's head after the commission, say).
            if case.taken_over.into_iter().last() != Some(&h.role) {
                return None;
            }
            top(roster, roster.all_staff().filter(|s| s.has_role(&h.role)))
        }
        HolderAmong::Roster => top(
            roster,
            roster
                .all_staff()
                .filter(|s| s.has_role(&h.role) && case.holding.is_none_or(|f| f(s))),
        ),
        _ => None,
    }
}

/// Of several holders, the one at the top: the only one with no other
/// holder up their supervisor chain (a department's head over its staff).
/// Nobody when none is, or when more than one is (two heads side by side):
/// the roster does not say which answers.
fn top<'r>(roster: &'r Roster, holders: impl Iterator<Item = &'r Staff>) -> Option<StaffId> {
    let holders: Vec<&Staff> = holders.collect();
    let under_another = |s: &Staff| {
        let mut cur = s.supervisor.as_ref();
        for _ in 0..=roster.all_staff().count() {
            let Some(id) = cur else { return false };
            if holders.iter().any(|h| h.id == *id) {
                return true;
            }
            cur = roster.staff(id).and_then(|x| x.supervisor.as_ref());
        }
        false
    };
    let mut tops = holders.iter().filter(|s| !under_another(s));
    match (tops.next(), tops.next()) {
        (Some(one), None) => Some(one.id.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tousu_model::{Department, DepartmentTree, RoleId};

    fn id<T: std::str::FromStr>(s: &str) -> T
    where
        T::Err: std::fmt::Debug,
    {
        s.parse().unwrap()
    }

    /// 客服部: two representatives under 部门主管 s1, who reports to 部门经理
    /// m1; a second 部门主管 s2 beside s1; 品质部 with its head q1 over q2.
    fn roster() -> Roster {
        let dept = |d: &str| Department::new(id(d), d, None);
        let tree = DepartmentTree::new(vec![dept("cs"), dept("qa"), dept("city")]).unwrap();
        let staff = |s: &str, d: &str, role: &str, sup: Option<&str>| {
            let st = Staff::new(id(s), s, id(d)).with_role(id(role));
            match sup {
                Some(x) => st.with_supervisor(id(x)),
                None => st,
            }
        };
        Roster::new(
            tree,
            vec![
                staff("a1", "cs", "agent", Some("s1")),
                staff("a2", "cs", "agent", Some("s2")),
                staff("s1", "cs", "dept_supervisor", Some("m1")),
                staff("s2", "cs", "dept_supervisor", Some("m1")),
                staff("m1", "cs", "dept_manager", None),
                staff("q1", "qa", "quality_dept", None),
                staff("q2", "qa", "quality_dept", Some("q1")),
                staff("c1", "city", "intake_officer", None),
                staff("c2", "city", "intake_officer", None),
            ],
        )
        .unwrap()
    }

    fn holder(role: &str, among: HolderAmong) -> Holder {
        Holder {
            role: id(role),
            among,
            handed_down_by: Vec::new(),
            until_handed_down: false,
            holds: None,
        }
    }

    fn named(
        h: &Holder,
        first: Option<&str>,
        taken: &[&str],
        lead: Option<&str>,
    ) -> Option<String> {
        let first: Option<StaffId> = first.map(id);
        let taken: Vec<RoleId> = taken.iter().map(|r| id(r)).collect();
        let lead: Option<DepartmentId> = lead.map(id);
        let case = Handed {
            first_responder: first.as_ref(),
            taken_over: taken.iter(),
            lead: lead.as_ref(),
            handed_by: None,
            handed_down: true,
            holding: None,
        };
        find(h, case, &roster()).map(|s| s.as_str().to_owned())
    }

    #[test]
    fn handed_down_by_names_the_holder_only_after_a_hand_over_of_those_roles() {
        let mut lead = holder("quality_dept", HolderAmong::LeadDepartment);
        lead.handed_down_by = vec![id("dept_manager")];
        let qa: DepartmentId = id("qa");
        let at = |by: Option<&str>| {
            let by: Option<StaffId> = by.map(id);
            let case = Handed {
                first_responder: None,
                taken_over: std::iter::empty(),
                lead: Some(&qa),
                handed_by: by.as_ref(),
                handed_down: true,
                holding: None,
            };
            find(&lead, case, &roster()).map(|s| s.as_str().to_owned())
        };
        // Handed over by the 部门经理: 品质部's head.
        assert_eq!(at(Some("m1")).as_deref(), Some("q1"));
        // By a representative, by nobody known, or never: nobody.
        assert_eq!(at(Some("a1")), None);
        assert_eq!(at(Some("ghost")), None);
        assert_eq!(at(None), None);
    }

    #[test]
    fn supervisors_names_the_first_responders_own_holder_once_handed() {
        let sup = holder("dept_supervisor", HolderAmong::Supervisors);
        // Not handed yet: nobody, though the representative has a 部门主管.
        assert_eq!(named(&sup, Some("a1"), &[], None), None);
        assert_eq!(named(&sup, Some("a1"), &["dept_manager"], None), None);
        // Handed: each representative's own 部门主管, not the other one.
        assert_eq!(
            named(&sup, Some("a1"), &["dept_supervisor"], None).as_deref(),
            Some("s1")
        );
        assert_eq!(
            named(&sup, Some("a2"), &["dept_supervisor"], None).as_deref(),
            Some("s2")
        );
        // The nearest holder up the chain, past those who do not hold it.
        let mgr = holder("dept_manager", HolderAmong::Supervisors);
        assert_eq!(
            named(&mgr, Some("a1"), &["dept_manager"], None).as_deref(),
            Some("m1")
        );
        // No first responder, or none up the chain holds it: nobody.
        assert_eq!(named(&sup, None, &["dept_supervisor"], None), None);
        let qa = holder("quality_dept", HolderAmong::Supervisors);
        assert_eq!(named(&qa, Some("a1"), &["quality_dept"], None), None);
    }

    #[test]
    fn lead_department_names_its_only_holder_once_assigned() {
        let lead = holder("quality_dept", HolderAmong::LeadDepartment);
        assert_eq!(named(&lead, None, &[], None), None);
        // Two holders, one the other's supervisor: the head.
        assert_eq!(named(&lead, None, &[], Some("qa")).as_deref(), Some("q1"));
        // Nobody holds it there.
        assert_eq!(named(&lead, None, &[], Some("cs")), None);
        // Two side by side, neither over the other: nobody.
        let city = holder("intake_officer", HolderAmong::LeadDepartment);
        assert_eq!(named(&city, None, &[], Some("city")), None);
    }

    #[test]
    fn taken_over_names_the_top_holder_while_the_last_take_over_is_the_roles() {
        let qa = holder("quality_dept", HolderAmong::TakenOver);
        // Not taken over, or taken over to another role: nobody.
        assert_eq!(named(&qa, Some("a1"), &[], Some("qa")), None);
        assert_eq!(named(&qa, Some("a1"), &["dept_manager"], None), None);
        // Taken over: the top holder, wherever the first responder is.
        assert_eq!(
            named(&qa, Some("a1"), &["quality_dept"], None).as_deref(),
            Some("q1")
        );
        assert_eq!(
            named(&qa, None, &["dept_manager", "quality_dept"], None).as_deref(),
            Some("q1")
        );
        // A later step took it over to another role: no longer the role's.
        assert_eq!(
            named(&qa, None, &["quality_dept", "dept_manager"], None),
            None
        );
        // Two holders at the top: nobody.
        let city = holder("intake_officer", HolderAmong::TakenOver);
        assert_eq!(named(&city, None, &["intake_officer"], None), None);
    }

    #[test]
    fn handed_down_names_the_lead_departments_holder_only_after_a_take_over() {
        let qa = holder("quality_dept", HolderAmong::HandedDown);
        // Assigned to 品质部 with no step taken over: nobody (that is
        // `lead_department`'s).
        assert_eq!(named(&qa, Some("a1"), &[], Some("qa")), None);
        // Taken over, then handed down to 品质部: its head.
        assert_eq!(
            named(&qa, Some("a1"), &["dept_manager"], Some("qa")).as_deref(),
            Some("q1")
        );
        // Taken over and not assigned since, or sent where nobody holds it.
        assert_eq!(named(&qa, Some("a1"), &["dept_manager"], None), None);
        assert_eq!(named(&qa, Some("a1"), &["dept_manager"], Some("cs")), None);
        // The assignment is older than the take-over: nobody.
        let first: StaffId = id("a1");
        let taken: Vec<RoleId> = vec![id("dept_manager")];
        let lead: DepartmentId = id("qa");
        let older = Handed {
            first_responder: Some(&first),
            taken_over: taken.iter(),
            lead: Some(&lead),
            handed_by: None,
            handed_down: false,
            holding: None,
        };
        assert_eq!(find(&qa, older, &roster()), None);
    }

    #[test]
    fn until_handed_down_names_nobody_once_the_case_is_handed_down() {
        let mut sup = holder("dept_supervisor", HolderAmong::Supervisors);
        sup.until_handed_down = true;
        let first: StaffId = id("a1");
        let taken: Vec<RoleId> = vec![id("dept_supervisor")];
        let cs: DepartmentId = id("cs");
        let at = |h: &Holder, lead: Option<&DepartmentId>, handed_down: bool| {
            let case = Handed {
                first_responder: Some(&first),
                taken_over: taken.iter(),
                lead,
                handed_by: None,
                handed_down,
                holding: None,
            };
            find(h, case, &roster()).map(|s| s.as_str().to_owned())
        };
        // Taken over, not assigned since (or assigned before): the 部门主管.
        assert_eq!(at(&sup, None, false).as_deref(), Some("s1"));
        assert_eq!(at(&sup, Some(&cs), false).as_deref(), Some("s1"));
        // Handed down to a handler after the take-over: nobody.
        assert_eq!(at(&sup, Some(&cs), true), None);
        // Without the flag the holder outlives the hand-down.
        sup.until_handed_down = false;
        assert_eq!(at(&sup, Some(&cs), true).as_deref(), Some("s1"));
    }

    #[test]
    fn roster_names_the_top_holder_or_nobody_when_two_are_at_the_top() {
        let qa = holder("quality_dept", HolderAmong::Roster);
        assert_eq!(named(&qa, None, &[], None).as_deref(), Some("q1"));
        let mgr = holder("dept_manager", HolderAmong::Roster);
        assert_eq!(named(&mgr, None, &[], None).as_deref(), Some("m1"));
        // s1 and s2 both report to m1, who does not hold the role.
        let sup = holder("dept_supervisor", HolderAmong::Roster);
        assert_eq!(named(&sup, None, &[], None), None);
        let none = holder("nobody_holds_it", HolderAmong::Roster);
        assert_eq!(named(&none, None, &[], None), None);
    }
}
