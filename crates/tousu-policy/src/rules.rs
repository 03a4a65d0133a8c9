//! Rule tables: classification (facts → level), acceptance (→ accepted, or
//! not accepted with a reason and advice) and validity (有效 / 无效 / 恶意).
//!
//! Every table is a list of rules and an explicit default. Evaluation takes
//! the **first rule in document order** whose `when` holds and returns a
//! [`Decision`] naming it; when none holds, the table's default, marked as
//! such. So every decision explains itself.
//!
//! ```toml
//! [classification]
//! default = "不满意"
//!
//! [[classification.rules]]
//! id = "media-or-injury"
//! when = { any = [{ media_exposure = true }, { injury_or_safety = true }] }
//! level = "危机事件"
//!
//! [[acceptance.rules]]
//! id = "in-litigation"
//! when = { in_litigation = true }
//! outcome = { not_accepted = { reason_zh = "已进入诉讼或仲裁程序", advice_zh = "建议通过仲裁或司法途径解决" } }
//!
//! [validity]
//! default = "valid"
//! [[validity.rules]]
//! id = "misunderstanding"
//! when = { fact_true = "misunderstanding" }
//! validity = "invalid"
//! ```

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tousu_model::{LevelId, Validity};

use crate::ids::RuleId;
use crate::policy::Policy;
use crate::predicate::{EvalInput, Predicate};

/// The outcome of a rule table and the rule that produced it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Decision<T> {
    /// What was decided.
    pub outcome: T,
    /// The rule that fired, or `None` when no rule matched and the table's
    /// default applied.
    pub rule_id: Option<RuleId>,
}

impl<T> Decision<T> {
    /// Whether the table's default applied (no rule matched).
    #[must_use]
    pub const fn is_default(&self) -> bool {
        self.rule_id.is_none()
    }

    /// Why: `rule "media-or-injury"` or `the table's default (no rule matched)`.
    #[must_use]
    pub fn explanation(&self) -> String {
        match &self.rule_id {
            Some(id) => format!("rule {:?}", id.as_str()),
            None => "the table's default (no rule matched)".to_owned(),
        }
    }
}

impl<T: fmt::Display> fmt::Display for Decision<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (by {})", self.outcome, self.explanation())
    }
}

/// First match in document order, else the default.
fn first_match<'r, R>(
    rules: &'r [R],
    when: impl Fn(&R) -> &Predicate,
    policy: &Policy,
    input: &EvalInput<'_>,
) -> Option<&'r R> {
    rules.iter().find(|r| when(r).matches(policy, input))
}

// ---------------------------------------------------------------------------
// Classification.
// ---------------------------------------------------------------------------

/// Classification: facts → severity level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassificationTable {
    /// The level when no rule matches (usually the least severe).
    pub default: LevelId,
    /// Rules, tried in order; the first that matches decides.
    #[serde(default)]
    pub rules: Vec<ClassificationRule>,
}

/// One classification rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassificationRule {
    /// Unique within the table; reported in every decision.
    pub id: RuleId,
    /// A note for people (the regulation's clause, e.g. "S33 重大投诉 (e)").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When the rule applies.
    pub when: Predicate,
    /// The level it assigns.
    pub level: LevelId,
}

impl ClassificationTable {
    /// The level for `input`: the first matching rule's, else the default.
    #[must_use]
    pub fn evaluate(&self, policy: &Policy, input: &EvalInput<'_>) -> Decision<LevelId> {
        match first_match(&self.rules, |r| &r.when, policy, input) {
            Some(r) => Decision {
                outcome: r.level.clone(),
                rule_id: Some(r.id.clone()),
            },
            None => Decision {
                outcome: self.default.clone(),
                rule_id: None,
            },
        }
    }
}

// ---------------------------------------------------------------------------
// Acceptance.
// ---------------------------------------------------------------------------

/// The outcome of acceptance review (受理 / 不予受理).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Acceptance {
    /// 受理: the complaint is accepted.
    Accept,
    /// 不予受理: not accepted, with the reason and the advice given to the
    /// complainant.
    NotAccepted {
        /// Why, in Chinese ("已进入诉讼或仲裁程序").
        reason_zh: String,
        /// What the complainant is advised to do ("建议通过仲裁或司法途径解决").
        advice_zh: String,
    },
}

impl Acceptance {
    /// Whether the complaint is accepted.
    #[must_use]
    pub const fn is_accepted(&self) -> bool {
        matches!(self, Acceptance::Accept)
    }
}

impl fmt::Display for Acceptance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Acceptance::Accept => f.write_str("受理"),
            Acceptance::NotAccepted {
                reason_zh,
                advice_zh,
            } => write!(f, "不予受理: {reason_zh}; {advice_zh}"),
        }
    }
}

/// Acceptance: facts → accepted or not accepted. The default is to accept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AcceptanceTable {
    /// The outcome when no rule matches: `"accept"` unless written otherwise.
    #[serde(default = "accept")]
    pub default: Acceptance,
    /// Rules, tried in order; the first that matches decides.
    #[serde(default)]
    pub rules: Vec<AcceptanceRule>,
}

fn accept() -> Acceptance {
    Acceptance::Accept
}

impl Default for AcceptanceTable {
    fn default() -> Self {
        Self {
            default: Acceptance::Accept,
            rules: Vec::new(),
        }
    }
}

/// One acceptance rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AcceptanceRule {
    /// Unique within the table; reported in every decision.
    pub id: RuleId,
    /// A note for people (the regulation's clause).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When the rule applies.
    pub when: Predicate,
    /// `"accept"`, or `{ not_accepted = { reason_zh = "…", advice_zh = "…" } }`.
    pub outcome: Acceptance,
}

impl AcceptanceTable {
    /// The acceptance outcome for `input`.
    #[must_use]
    pub fn evaluate(&self, policy: &Policy, input: &EvalInput<'_>) -> Decision<Acceptance> {
        match first_match(&self.rules, |r| &r.when, policy, input) {
            Some(r) => Decision {
                outcome: r.outcome.clone(),
                rule_id: Some(r.id.clone()),
            },
            None => Decision {
                outcome: self.default.clone(),
                rule_id: None,
            },
        }
    }
}

// ---------------------------------------------------------------------------
// Validity.
// ---------------------------------------------------------------------------

/// Validity after investigation: facts (usually integrator facts recorded
/// with the findings) → 有效 / 无效 / 恶意.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValidityTable {
    /// The validity when no rule matches: `"valid"` unless written otherwise.
    #[serde(default = "valid")]
    pub default: Validity,
    /// Rules, tried in order; the first that matches decides.
    #[serde(default)]
    pub rules: Vec<ValidityRule>,
    /// From which status the facts the rules read may be recorded
    /// (`record_facts`, schema 2, ruling 97): `"investigation"` (the
    /// default) or `"acceptance"`, where the one who judges the complaint
    /// before it is assigned records what he found (S44 一般 2).
    #[serde(default, skip_serializing_if = "FactsFrom::is_investigation")]
    pub facts_from: FactsFrom,
}

/// From which status `record_facts` is taken ([`ValidityTable::facts_from`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FactsFrom {
    /// Once the investigation has started (`investigating`).
    #[default]
    Investigation,
    /// Once the case is accepted: before and after its assignment too
    /// (`accepted`, `assigned`, `investigating`).
    Acceptance,
}

impl FactsFrom {
    fn is_investigation(&self) -> bool {
        *self == FactsFrom::Investigation
    }
}

fn valid() -> Validity {
    Validity::Valid
}

impl Default for ValidityTable {
    fn default() -> Self {
        Self {
            default: Validity::Valid,
            rules: Vec::new(),
            facts_from: FactsFrom::Investigation,
        }
    }
}

/// One validity rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValidityRule {
    /// Unique within the table; reported in every decision.
    pub id: RuleId,
    /// A note for people (the regulation's clause).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When the rule applies.
    pub when: Predicate,
    /// The validity it assigns.
    pub validity: Validity,
}

impl ValidityTable {
    /// The validity for `input`.
    #[must_use]
    pub fn evaluate(&self, policy: &Policy, input: &EvalInput<'_>) -> Decision<Validity> {
        match first_match(&self.rules, |r| &r.when, policy, input) {
            Some(r) => Decision {
                outcome: r.validity,
                rule_id: Some(r.id.clone()),
            },
            None => Decision {
                outcome: self.default,
                rule_id: None,
            },
        }
    }
}
