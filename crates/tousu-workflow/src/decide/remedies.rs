//! A proposal against the policy's remedy rules (ruling 46): the remedies a
//! regulation ties to what was found.

use tousu_model::{Remedy, RemedyKind};
use tousu_policy::RemedyBreach;

use super::Decision;
use crate::Rejection;

/// Refuses a proposal of `remedies` that breaks a remedy rule binding on
/// the case (its `when` read on the complaint and the facts found so far),
/// naming the first such rule.
pub(super) fn check(d: &Decision<'_, '_>, remedies: &[Remedy]) -> Result<(), Rejection> {
    let kinds: Vec<RemedyKind> = remedies.iter().map(|r| r.kind).collect();
    let Some((rule, breach)) = d.ctx.policy.remedy_breach(&d.eval(), &kinds) else {
        return Ok(());
    };
    let list = |ks: &[RemedyKind]| {
        ks.iter()
            .map(|k| k.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let problem = match breach {
        RemedyBreach::NoneOf(required) => format!(
            "the proposal offers none of {} (it offers {}); add one of them",
            list(&required),
            list(&kinds)
        ),
        RemedyBreach::NotAllowed(kind) => format!(
            "{kind} is not among the kinds it allows ({})",
            list(&rule.only)
        ),
        _ => "the proposal breaks it".to_owned(),
    };
    Err(Rejection::RemedyRuleUnmet {
        rule: rule.id.clone(),
        offered: kinds,
        problem,
    })
}
