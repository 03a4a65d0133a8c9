//! Complainants (投诉人) and respondents (被投诉人 / 被投诉部门).

use crate::error::{FieldPath, ProblemSink};
use crate::{DepartmentId, ModelError, PartyId, PartyKind, StaffId};

/// How to reach a party (联系方式). Every field is optional; forms record
/// whichever the customer gives.
#[derive(
    Clone,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Telephone or mobile number (电话).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Electronic mail (邮箱).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Postal address or room number (地址 / 房号).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Any other way (WeChat id, QQ, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other: Option<String>,
}

impl Contact {
    /// Whether no way of reaching the party is recorded.
    pub fn is_empty(&self) -> bool {
        self.phone.is_none()
            && self.email.is_none()
            && self.address.is_none()
            && self.other.is_none()
    }

    fn validate(&self, sink: &mut ProblemSink, path: impl std::fmt::Display) {
        for (field, value) in [
            ("phone", &self.phone),
            ("email", &self.email),
            ("address", &self.address),
            ("other", &self.other),
        ] {
            if let Some(v) = value
                && v.trim().is_empty()
            {
                sink.push(format!("{path}.{field}"), "is blank; omit it instead");
            }
        }
        if let Some(email) = &self.email
            && !email.trim().is_empty()
            && !email.contains('@')
        {
            sink.push(format!("{path}.email"), format!("{email:?} has no '@'"));
        }
    }
}

/// The person or organization who complains (投诉人); may be anonymous (匿名).
///
/// ```
/// use tousu_model::Complainant;
/// let zhang = Complainant::person("张女士")?.with_phone("138 0000 0000");
/// assert!(!zhang.is_anonymous());
/// let anon = Complainant::anonymous();
/// assert!(anon.is_anonymous());
/// assert!(Complainant::person("  ").is_err());
/// # Ok::<(), tousu_model::ModelError>(())
/// ```
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Complainant {
    /// A person or an organization.
    pub kind: PartyKind,
    /// The name given (姓名 / 单位名称); absent when anonymous.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The party in the integrator's customer records, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party_id: Option<PartyId>,
    /// How to reach them.
    #[serde(default, skip_serializing_if = "Contact::is_empty")]
    pub contact: Contact,
    /// Whether the complainant withheld their identity (匿名投诉). An
    /// anonymous complainant may still leave a contact for the reply.
    #[serde(default)]
    pub anonymous: bool,
}

impl Complainant {
    /// A named person.
    pub fn person(name: impl Into<String>) -> Result<Self, ModelError> {
        Self::named(PartyKind::Person, name.into())
    }

    /// A named organization (a company, an owners' committee, ...).
    pub fn organization(name: impl Into<String>) -> Result<Self, ModelError> {
        Self::named(PartyKind::Organization, name.into())
    }

    /// An anonymous person.
    pub fn anonymous() -> Self {
        Complainant {
            kind: PartyKind::Person,
            name: None,
            party_id: None,
            contact: Contact::default(),
            anonymous: true,
        }
    }

    fn named(kind: PartyKind, name: String) -> Result<Self, ModelError> {
        let c = Complainant {
            kind,
            name: Some(name),
            party_id: None,
            contact: Contact::default(),
            anonymous: false,
        };
        c.validate()?;
        Ok(c)
    }

    /// With a telephone number.
    pub fn with_phone(mut self, phone: impl Into<String>) -> Self {
        self.contact.phone = Some(phone.into());
        self
    }

    /// With a full contact record.
    pub fn with_contact(mut self, contact: Contact) -> Self {
        self.contact = contact;
        self
    }

    /// With the integrator's party id.
    pub fn with_party_id(mut self, id: PartyId) -> Self {
        self.party_id = Some(id);
        self
    }

    /// Whether the complainant is anonymous.
    pub fn is_anonymous(&self) -> bool {
        self.anonymous
    }

    /// Checks that a named complainant has a non-blank name and an anonymous
    /// one has none.
    pub fn validate(&self) -> Result<(), ModelError> {
        let mut sink = ProblemSink::default();
        self.validate_into(&mut sink, "");
        sink.finish()
    }

    pub(crate) fn validate_into(&self, sink: &mut ProblemSink, prefix: &str) {
        let at = |field: &'static str| FieldPath(prefix, field).to_string();
        match (&self.name, self.anonymous) {
            (None, false) => sink.push(
                at("name"),
                "a named complainant needs a name; set anonymous = true otherwise",
            ),
            (Some(n), false) if n.trim().is_empty() => sink.push(at("name"), "is blank"),
            (Some(_), true) => sink.push(
                at("name"),
                "an anonymous complainant has no name; remove it or set anonymous = false",
            ),
            _ => {}
        }
        self.contact.validate(sink, FieldPath(prefix, "contact"));
    }
}

/// Who or what the complaint is about (投诉对象 / 被投诉人 / 被投诉部门).
///
/// At least one of the fields is set. A respondent who is staff must recuse
/// (回避) from handling their own case.
#[derive(
    Clone,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Respondent {
    /// The staff member complained about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<StaffId>,
    /// The department complained about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<DepartmentId>,
    /// A description when neither is known ("前台收银员", "3号楼保安").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Respondent {
    /// A staff member.
    pub fn staff(id: StaffId) -> Self {
        Respondent {
            staff: Some(id),
            ..Self::default()
        }
    }

    /// A department.
    pub fn department(id: DepartmentId) -> Self {
        Respondent {
            department: Some(id),
            ..Self::default()
        }
    }

    /// A description only.
    pub fn described(text: impl Into<String>) -> Result<Self, ModelError> {
        let r = Respondent {
            description: Some(text.into()),
            ..Self::default()
        };
        let mut sink = ProblemSink::default();
        r.validate_into(&mut sink, "respondent");
        sink.finish()?;
        Ok(r)
    }

    pub(crate) fn validate_into(&self, sink: &mut ProblemSink, path: impl std::fmt::Display) {
        let blank = self
            .description
            .as_deref()
            .is_none_or(|d| d.trim().is_empty());
        if self.staff.is_none() && self.department.is_none() && blank {
            sink.push(
                path.to_string(),
                "names nobody: give a staff id, a department id or a description",
            );
        }
    }
}
