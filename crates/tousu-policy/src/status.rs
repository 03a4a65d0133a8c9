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

/// A set of statuses, a bit each: the statuses a case has entered, which a
/// grant's `reached` reads (ruling 160). `Copy` and allocation-free, so a
/// case keeps it at no cost on replay; written as the list of its statuses
/// in the lifecycle's order (`["accepted", "assigned", …]`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct StatusSet(u16);

impl StatusSet {
    /// Every status, in the lifecycle's order (the order a set is written in).
    const ALL: [Status; 9] = [
        Status::Registered,
        Status::Accepted,
        Status::NotAccepted,
        Status::Assigned,
        Status::Investigating,
        Status::AwaitingApproval,
        Status::Approved,
        Status::Replied,
        Status::Closed,
    ];

    const fn bit(status: Status) -> u16 {
        1 << status as u16
    }

    /// Whether `status` is in the set.
    #[must_use]
    pub const fn contains(self, status: Status) -> bool {
        self.0 & Self::bit(status) != 0
    }

    /// Puts `status` in the set.
    pub const fn insert(&mut self, status: Status) {
        self.0 |= Self::bit(status);
    }

    /// Whether the set is empty.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// The statuses in the set, in the lifecycle's order.
    pub fn iter(self) -> impl Iterator<Item = Status> {
        Self::ALL.into_iter().filter(move |s| self.contains(*s))
    }
}

impl FromIterator<Status> for StatusSet {
    fn from_iter<I: IntoIterator<Item = Status>>(iter: I) -> Self {
        let mut set = StatusSet::default();
        for s in iter {
            set.insert(s);
        }
        set
    }
}

impl serde::Serialize for StatusSet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> serde::Deserialize<'de> for StatusSet {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Vec::<Status>::deserialize(deserializer)?
            .into_iter()
            .collect())
    }
}

impl schemars::JsonSchema for StatusSet {
    // Written where it is used, as the list of statuses it is.
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "StatusSet".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<Status>>::json_schema(generator)
    }
}

#[cfg(test)]
mod status_set_tests {
    use super::{Status, StatusSet};

    #[test]
    fn every_status_has_its_own_bit_and_the_set_writes_in_lifecycle_order() {
        let set: StatusSet = [Status::Closed, Status::Accepted, Status::Closed]
            .into_iter()
            .collect();
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            [Status::Accepted, Status::Closed]
        );
        assert_eq!(
            StatusSet::ALL
                .into_iter()
                .collect::<StatusSet>()
                .iter()
                .count(),
            9
        );
        let json = serde_json::to_string(&set).unwrap();
        assert_eq!(json, r#"["accepted","closed"]"#);
        assert_eq!(serde_json::from_str::<StatusSet>(&json).unwrap(), set);
        assert!(StatusSet::default().is_empty());
    }
}
