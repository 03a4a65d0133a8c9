//! Remedies a regulation ties to what the investigation found (schema 2,
//! ruling 46 in docs/rulings.md).
//!
//! S36 四1 「若客户投诉事项的责任在于XX品质量问题,要耐心、认真地向客户作出解释,同时退换
//! XX品或召回」: once the responsibility is found to lie in the product's
//! quality (a fact recorded with the findings, `record_facts`), a proposal
//! must offer an exchange or a recall:
//!
//! ```toml
//! [[remedy_rules]]
//! id = "product-quality-exchange-or-recall"
//! note = "四1: 责任在于XX品质量问题 → 退换XX品或召回"
//! when = { fact_in = { name = "responsibility", values = ["product_quality"] } }
//! one_of = ["replacement", "return", "recall"]
//! ```
//!
//! `one_of` says what a proposal must offer at least one of; `only` what it
//! may offer at all (a regulation that allows nothing else). Every rule
//! whose `when` holds binds, read on the complaint and the facts recorded so
//! far; a proposal that breaks one is refused, naming the rule.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tousu_model::RemedyKind;

use crate::error::Report;
use crate::ids::RuleId;
use crate::policy::Policy;
use crate::predicate::{EvalInput, Predicate};

/// What a proposal must, or may only, offer when a finding holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RemedyRule {
    /// Unique within the table; named when a proposal is refused.
    pub id: RuleId,
    /// A note for people (the clause).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When it binds: on the complaint and the facts found so far.
    pub when: Predicate,
    /// A proposal offers at least one of these kinds (empty: no such
    /// requirement).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub one_of: Vec<RemedyKind>,
    /// A proposal offers no kind outside these (empty: any kind).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub only: Vec<RemedyKind>,
}

/// Why a proposal breaks a [`RemedyRule`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RemedyBreach {
    /// It offers none of the kinds the rule requires one of.
    NoneOf(Vec<RemedyKind>),
    /// It offers a kind the rule does not allow.
    NotAllowed(RemedyKind),
}

impl RemedyRule {
    /// What is wrong with a proposal of `kinds` under this rule, if it
    /// binds (`input` holds `when`) and the proposal breaks it.
    #[must_use]
    pub fn breach(
        &self,
        policy: &Policy,
        input: &EvalInput<'_>,
        kinds: &[RemedyKind],
    ) -> Option<RemedyBreach> {
        if !self.when.matches(policy, input) {
            return None;
        }
        if let Some(k) = kinds
            .iter()
            .find(|k| !self.only.is_empty() && !self.only.contains(k))
        {
            return Some(RemedyBreach::NotAllowed(*k));
        }
        if !self.one_of.is_empty() && !kinds.iter().any(|k| self.one_of.contains(k)) {
            return Some(RemedyBreach::NoneOf(self.one_of.clone()));
        }
        None
    }
}

impl Policy {
    /// The first remedy rule (file order) a proposal of `kinds` breaks on
    /// `input`, with why.
    #[must_use]
    pub fn remedy_breach(
        &self,
        input: &EvalInput<'_>,
        kinds: &[RemedyKind],
    ) -> Option<(&RemedyRule, RemedyBreach)> {
        self.remedy_rules
            .iter()
            .find_map(|r| r.breach(self, input, kinds).map(|b| (r, b)))
    }
}

/// Load-time checks of `remedy_rules` (their `when` is checked with the
/// other predicates): ids unique, each rule says something, and what it
/// requires it also allows.
pub(crate) fn check(p: &Policy, r: &mut Report) {
    if p.schema_version < 2 && !p.remedy_rules.is_empty() {
        r.error(
            "remedy_rules",
            "is a table of schema_version 2; write schema_version = 2",
        );
    }
    for (i, rule) in p.remedy_rules.iter().enumerate() {
        let path = format!("remedy_rules[{i}]");
        if p.remedy_rules.iter().take(i).any(|x| x.id == rule.id) {
            r.error(
                format!("{path}.id"),
                format!(
                    "{:?} is used twice; ids are unique in the table",
                    rule.id.as_str()
                ),
            );
        }
        if rule.one_of.is_empty() && rule.only.is_empty() {
            r.error(
                path.clone(),
                "requires nothing: give `one_of` (at least one of these kinds) or `only` (no other kind), e.g. one_of = [\"replacement\", \"recall\"]",
            );
        }
        if !rule.only.is_empty() {
            for (j, k) in rule.one_of.iter().enumerate() {
                if !rule.only.contains(k) {
                    r.error(
                        format!("{path}.one_of[{j}]"),
                        format!("{k} is required but not in `only`, so no proposal can satisfy the rule; add it to `only`"),
                    );
                }
            }
        }
    }
}
