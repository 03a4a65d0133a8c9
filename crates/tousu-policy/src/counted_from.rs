//! Where a clock counts from when a regulation counts a limit from an
//! earlier act than the one that starts the clock (schema 2, ruling 40 in
//! docs/rulings.md).
//!
//! S10 「若遇特殊情况或客观等原因不能按规定时间完成工作的,须在接到调度后的2个小时内向
//! 客户中心前台作出回应」: the response clock starts when the department
//! records that it cannot finish on time, but its two hours run from the
//! dispatch, which the `dispatch` clock's stop records:
//!
//! ```toml
//! [[milestones]]
//! id = "dept_response"
//! name_zh = "部门回应前台（不能按时完成时）"
//! start = ["facts_recorded"]
//! applies_when = { fact_true = "cannot_finish_on_time" }
//! counted_from = { stop_of = "dispatch" }
//! stop = ["report_submitted", "extension_approved", "replied", "withdrawn", "closed"]
//! target = "2 hours"
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ids::MilestoneId;

/// The earlier instant a clock's deadline is counted from.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum CountedFrom {
    /// When the named milestone's clock of the same round stopped
    /// (`{ stop_of = "dispatch" }`: the dispatch was made). A clock that
    /// starts before that one has stopped counts from its own start.
    StopOf(MilestoneId),
}

impl CountedFrom {
    /// The milestone whose clock gives the instant.
    #[must_use]
    pub fn milestone(&self) -> &MilestoneId {
        match self {
            CountedFrom::StopOf(m) => m,
        }
    }
}
