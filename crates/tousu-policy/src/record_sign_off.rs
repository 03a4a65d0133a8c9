//! Records signed in order (逐级签字) before the case moves on (schema 2).
//!
//! ```toml
//! # S12 第五条(七)「回访专员需在《协调工作单》中记录谈话资料及跟进评价结果交于客服部经理
//! # 签名,原件呈总经理审阅签名后由行政部整理归档」: the callback record is signed by
//! # the 客服部经理, then the 总经理, before the case is closed (archived).
//! [[record_sign_offs]]
//! record = "callback"
//! chain = ["cs_manager", "general_manager"]
//! ```
//!
//! Each signature is a `sign_record` command by a holder of the next role
//! of the chain, who holds the role action `sign_record`. Until the chain is
//! complete, what waits for the record is refused: the proposal of a
//! solution waits for the findings, the callback for the result report
//! (`report_submitted`, S04's 《维修跟踪记录表》, ruling 55), the closure for
//! the callback; with `required = true` the record must also have been
//! made (S39's 调查报告, ruling 58). A new record (findings recorded again,
//! another report, another callback, a new round) is signed afresh. An approval chain on a proposed solution is
//! `approval.sign_off`, not this.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use tousu_model::RoleId;

use crate::authority::Action;
use crate::error::Report;
use crate::policy::Policy;

/// A record of the case that can be signed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SignedRecord {
    /// The findings of the round (调查结论, S39's 调查报告): the proposal of
    /// a solution waits for their signatures.
    Findings,
    /// The callback's record (回访记录, 《协调工作单》): the closure waits for
    /// its signatures.
    Callback,
    /// The result reported (处理结果报客户服务中心, the recorded action
    /// `report_submitted`): the callback waits for its signatures (S04 一4,
    /// ruling 55).
    ResultReport,
}

impl SignedRecord {
    /// The action refused until the record is signed.
    #[must_use]
    pub fn waiting(self) -> Action {
        match self {
            SignedRecord::Findings => Action::ProposeSolution,
            SignedRecord::Callback => Action::Close,
            SignedRecord::ResultReport => Action::RecordCallback,
        }
    }

    /// The action that makes the record in a round.
    #[must_use]
    pub fn made_by(self) -> Action {
        match self {
            SignedRecord::Findings => Action::RecordFindings,
            SignedRecord::Callback => Action::RecordCallback,
            SignedRecord::ResultReport => Action::RecordAction,
        }
    }
}

impl std::fmt::Display for SignedRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SignedRecord::Findings => "findings",
            SignedRecord::Callback => "callback",
            SignedRecord::ResultReport => "result_report",
        })
    }
}

/// The roles who sign a record, in order, before the case moves on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordSignOff {
    /// The record signed.
    pub record: SignedRecord,
    /// The roles, in the order they sign; one signature each, by different
    /// people.
    pub chain: Vec<RoleId>,
    /// The record must be made before what waits for it (ruling 58): with
    /// it, a proposal without findings (a callback without a result report,
    /// a closure without a callback) is refused, since a record never made
    /// could not be signed. The result report is owed only by a case
    /// assigned to someone to handle: one answered on the spot has no
    /// result to report (ruling 55). Default false: a record not made in
    /// the round has nothing to wait for.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
    /// A note for people (the clause).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Policy {
    /// The chain that signs `record`, if the policy has one.
    #[must_use]
    pub fn record_sign_off(&self, record: SignedRecord) -> Option<&RecordSignOff> {
        self.record_sign_offs.iter().find(|s| s.record == record)
    }
}

/// Everything wrong with `record_sign_offs`.
pub(crate) fn check(p: &Policy, r: &mut Report) {
    for (i, s) in p.record_sign_offs.iter().enumerate() {
        let path = format!("record_sign_offs[{i}]");
        if p.schema_version < 2 {
            r.error(
                path.clone(),
                "is an option of schema_version 2; write schema_version = 2",
            );
        }
        if let Some(first) = p
            .record_sign_offs
            .iter()
            .take(i)
            .position(|o| o.record == s.record)
        {
            r.error(
                format!("{path}.record"),
                format!(
                    "{} is already signed by record_sign_offs[{first}]; give each record one chain",
                    s.record
                ),
            );
        }
        if s.chain.is_empty() {
            r.error(
                format!("{path}.chain"),
                "is empty; name the roles who sign, in order, e.g. [\"cs_manager\", \"general_manager\"]",
            );
        }
        for (j, role) in s.chain.iter().enumerate() {
            if !p.roles.iter().any(|x| x.id == *role) {
                r.error(
                    format!("{path}.chain[{j}]"),
                    format!(
                        "{:?} is not a role; roles are {}",
                        role.as_str(),
                        p.roles
                            .iter()
                            .map(|x| x.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
            }
        }
    }
}
