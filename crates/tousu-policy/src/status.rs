//! Where a case stands: its lifecycle status. The policy names statuses
//! (a grant that holds only in some of them), so the type lives here; the
//! workflow re-exports it and decides the transitions.

/// Where a case stands.
///
/// Exhaustive on purpose (not `#[non_exhaustive]`): the workflow's
/// lifecycle table matches every status without a wildcard, and a new
/// status is a change of the policy language that grants name.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 已登记: registered, acceptance not yet decided.
    Registered,
    /// 已受理: accepted, not yet assigned.
    Accepted,
    /// 不予受理: not accepted (final, but notes may be added).
    NotAccepted,
    /// 已分派: assigned to a department or handler.
    Assigned,
    /// 调查中: under investigation.
    Investigating,
    /// 待审批: a solution awaits approval.
    AwaitingApproval,
    /// 已批准: the solution is approved.
    Approved,
    /// 已答复: the customer was answered; the callback follows.
    Replied,
    /// 已结案: closed (the workflow's `Case::closure` says how).
    Closed,
}

impl Status {
    /// The Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            Status::Registered => "已登记",
            Status::Accepted => "已受理",
            Status::NotAccepted => "不予受理",
            Status::Assigned => "已分派",
            Status::Investigating => "调查中",
            Status::AwaitingApproval => "待审批",
            Status::Approved => "已批准",
            Status::Replied => "已答复",
            Status::Closed => "已结案",
        }
    }

    /// Whether the case is still being handled.
    pub fn is_open(self) -> bool {
        !matches!(self, Status::NotAccepted | Status::Closed)
    }

    /// The status id, as serialized.
    pub fn id(self) -> &'static str {
        match self {
            Status::Registered => "registered",
            Status::Accepted => "accepted",
            Status::NotAccepted => "not_accepted",
            Status::Assigned => "assigned",
            Status::Investigating => "investigating",
            Status::AwaitingApproval => "awaiting_approval",
            Status::Approved => "approved",
            Status::Replied => "replied",
            Status::Closed => "closed",
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}
