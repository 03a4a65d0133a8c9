//! Co-handling (协办) by category (ruling 42 in docs/rulings.md): a route
//! names, beside the role that handles its categories, the roles that
//! support the handling, and an assignment calls each in — its lead or one
//! of its co-handling departments has someone who holds it. The check is
//! made again where a migration or the roster could have moved the
//! assignment off its route (ruling 54, `handling::still_routed`).
//!
//! S05 3「研发部:负责对客户投诉软件/硬件及产品可靠性问题处理的技术支持;工程部:负责对
//! 客户投诉制程问题处理的技术支持」: 品质部's engineer handles, and a reliability
//! complaint is assigned with 研发部 among the co-handling departments, a
//! process complaint with 工程部.

use tousu_policy::Route;

use crate::Ctx;
use crate::command::Assignment;

/// What is wrong with `a` for `route`'s supporting roles: the first role
/// no department of the assignment (its lead, its co-handling departments)
/// has a holder of; `None` when every one is called in.
pub(super) fn missing_support(ctx: &Ctx<'_>, route: &Route, a: &Assignment) -> Option<String> {
    let called_in = |role| {
        std::iter::once(&a.lead)
            .chain(&a.co_handling)
            .any(|dept| ctx.roster.in_department(dept).any(|s| s.has_role(role)))
    };
    let role = route.support.iter().find(|role| !called_in(*role))?;
    let listed: Vec<&str> = a.co_handling.iter().map(|d| d.as_str()).collect();
    Some(format!(
        "role \"{role}\" supports them (协办), and neither the lead department {} nor a co-handling department ({}) has anyone who holds it; call in a department where someone does",
        a.lead,
        if listed.is_empty() {
            "none given".to_owned()
        } else {
            listed.join(", ")
        }
    ))
}
