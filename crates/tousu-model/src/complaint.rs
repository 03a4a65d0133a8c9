//! The complaint itself: everything the seed registration forms record.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;

use crate::error::{Indexed, ProblemSink};
use crate::{
    AttachmentId, CategoryId, Channel, Complainant, CustomerClass, FactName, FeedbackKind,
    ModelError, Money, RemedyKind, Respondent, StaffId,
};

/// The schema version of [`Complaint`] documents this crate writes.
pub const COMPLAINT_SCHEMA_VERSION: u32 = 1;

/// A remedy asked for or offered: a kind and, where it costs money, an amount.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Remedy {
    /// What kind of remedy.
    pub kind: RemedyKind,
    /// Its amount (a refund, an allowance, compensation), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    /// Details ("换同型号新机", "赔偿误工费").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Remedy {
    /// A remedy without an amount.
    pub fn new(kind: RemedyKind) -> Self {
        Remedy {
            kind,
            amount: None,
            note: None,
        }
    }

    /// A remedy with an amount; a negative amount is an error.
    pub fn with_amount(kind: RemedyKind, amount: Money) -> Result<Self, ModelError> {
        let r = Remedy {
            kind,
            amount: Some(amount),
            note: None,
        };
        let mut sink = ProblemSink::default();
        r.validate_into(&mut sink, "remedy");
        sink.finish()?;
        Ok(r)
    }

    pub(crate) fn validate_into(&self, sink: &mut ProblemSink, path: impl std::fmt::Display) {
        if let Some(a) = self.amount
            && a.is_negative()
        {
            sink.push(
                format!("{path}.amount"),
                format!("{a} is negative; amounts are 0 or more"),
            );
        }
    }
}

/// Product data that factory and distributor forms record (S24, S40, S41).
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
pub struct ProductData {
    /// The customer's order number (订单号).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_no: Option<String>,
    /// The part or material number (料号 / 品号).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_no: Option<String>,
    /// Model or specification (型号 / 规格).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Batch or lot (批号).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch: Option<String>,
    /// Delivery date (交运日期), a local date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_date: Option<NaiveDate>,
    /// Quantity delivered (交货数量).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<u64>,
    /// Quantity found defective (不良数量); not more than the quantity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defective_quantity: Option<u64>,
    /// The customer is still processing the goods, so the defect count is not
    /// final (客户加工中未确定).
    #[serde(default)]
    pub undetermined_in_processing: bool,
}

impl ProductData {
    pub(crate) fn validate_into(&self, sink: &mut ProblemSink, path: &str) {
        if let (Some(q), Some(d)) = (self.quantity, self.defective_quantity)
            && d > q
        {
            sink.push(
                format!("{path}.defective_quantity"),
                format!("{d} is more than the quantity delivered ({q})"),
            );
        }
    }
}

/// Facts that change how a complaint is accepted, classified or escalated.
#[derive(
    Clone,
    Copy,
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
pub struct ComplaintFlags {
    /// Reported in, or threatened to go to, the media (媒体曝光).
    #[serde(default)]
    pub media_exposure: bool,
    /// Personal injury or a safety hazard (人身伤害 / 安全隐患).
    #[serde(default)]
    pub injury_or_safety: bool,
    /// Already before a court or an arbitration body (诉讼 / 仲裁中).
    #[serde(default)]
    pub in_litigation: bool,
    /// Already being handled by another authority (其他部门已受理).
    #[serde(default)]
    pub handled_by_other_authority: bool,
    /// Treated as confidential: only the staff involved and named roles may view it.
    #[serde(default)]
    pub confidential: bool,
}

/// The value of an integrator-named fact, tagged by its type so that a text
/// such as `"12"` never turns into a number: `{ bool = true }`,
/// `{ number = "3.5" }`, `{ text = "VIP" }`.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FactValue {
    /// A yes/no fact.
    Bool(bool),
    /// A number, written as a decimal string (`"3.5"`) so no digit is lost.
    Number(
        #[serde(with = "crate::decimal_text")]
        #[schemars(with = "String")]
        Decimal,
    ),
    /// A text.
    Text(String),
}

/// An attachment held elsewhere, by reference (附件: photos, recordings, invoices).
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct AttachmentRef {
    /// Its id in the integrator's document store.
    pub id: AttachmentId,
    /// A name for people ("现场照片1.jpg").
    pub name: String,
    /// Its media type, if known (`image/jpeg`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// Its SHA-256 as 64 lowercase hex digits, if the store gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
}

impl AttachmentRef {
    pub(crate) fn validate_into(&self, sink: &mut ProblemSink, path: impl std::fmt::Display) {
        if self.name.trim().is_empty() {
            sink.push(format!("{path}.name"), "is blank");
        }
        if let Some(h) = &self.sha256
            && (h.len() != 64 || !h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
        {
            sink.push(format!("{path}.sha256"), "expected 64 lowercase hex digits");
        }
    }
}

/// A complaint as received: the facts, before any handling.
///
/// Build one with [`Complaint::builder`], which validates; a deserialized
/// complaint is checked by [`Complaint::validate`] (the workflow does so when a
/// case is registered), which reports every problem with its path.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use tousu_model::*;
///
/// let received = Utc.with_ymd_and_hms(2025, 10, 9, 1, 30, 0).single().ok_or("bad time")?;
/// let complaint = Complaint::builder(received, Channel::Phone, "热水器安装后漏水，要求上门维修")
///     .complainant(Complainant::person("王先生")?.with_phone("13900000000"))
///     .category(CategoryId::new("installation")?)
///     .customer_class(CustomerClass::B)
///     .request(Remedy::new(RemedyKind::Repair))
///     .request(Remedy::with_amount(RemedyKind::Compensation, "300".parse()?)?)
///     .build()?;
/// assert_eq!(complaint.amount_claimed()?, Money::from_yuan(300)?);
/// assert!(!complaint.is_anonymous());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Complaint {
    /// The document's schema version ([`COMPLAINT_SCHEMA_VERSION`]).
    #[serde(default = "complaint_version")]
    pub schema_version: u32,
    /// Complaint, inquiry, suggestion or praise; the policy says what each kind
    /// runs (its `kind` predicate, in grants, clocks and acceptance rules).
    #[serde(default = "default_kind")]
    pub kind: FeedbackKind,
    /// Who complains (投诉人).
    pub complainant: Complainant,
    /// Who or what it is about (投诉对象 / 被投诉人); may be empty when unknown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub respondents: Vec<Respondent>,
    /// What happened, in the complainant's words (投诉内容).
    pub content: String,
    /// A short title, if the form has one (投诉主题).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The category from the policy's tree, if known at intake.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<CategoryId>,
    /// Where it happened (地点 / 房号 / 网点).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// When it happened (发生时间), if known.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::instant::serialize_option"
    )]
    pub incident_at: Option<DateTime<Utc>>,
    /// When it was received (受理 / 接收时间).
    #[serde(serialize_with = "crate::instant::serialize")]
    pub received_at: DateTime<Utc>,
    /// How it arrived.
    pub channel: Channel,
    /// The first staff member contacted, who owns follow-through (首问责任人).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_responder: Option<StaffId>,
    /// The customer's class (A–D, 大客户), if the organization classifies customers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_class: Option<CustomerClass>,
    /// How many complainants join in (集体投诉 when at or above the policy's threshold); at least 1.
    #[serde(default = "one")]
    pub collective_count: u32,
    /// What the customer asks for (客户要求), as remedies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requested: Vec<Remedy>,
    /// What the customer asks for, in their words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_text: Option<String>,
    // Boxed: most complaints have none, and inline it took about 140 B of
    // every case held in memory (docs/performance-history.md, "Sixth pass").
    /// Product data (factories, distributors).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<Box<ProductData>>,
    /// Facts that change acceptance, classification or escalation.
    #[serde(default)]
    pub flags: ComplaintFlags,
    /// Facts named by the integrator, for the policy's rules to read.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub facts: BTreeMap<FactName, FactValue>,
    /// Attachments by reference.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<AttachmentRef>,
    /// The integrator's own reference (a ticket number in their CRM).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_ref: Option<String>,
}

fn complaint_version() -> u32 {
    COMPLAINT_SCHEMA_VERSION
}

fn default_kind() -> FeedbackKind {
    FeedbackKind::Complaint
}

fn one() -> u32 {
    1
}

impl Complaint {
    /// Starts a complaint with what every form requires: when it was received,
    /// how, and what it says. The complainant defaults to anonymous.
    pub fn builder(
        received_at: DateTime<Utc>,
        channel: Channel,
        content: impl Into<String>,
    ) -> ComplaintBuilder {
        ComplaintBuilder {
            complaint: Complaint {
                schema_version: COMPLAINT_SCHEMA_VERSION,
                kind: FeedbackKind::Complaint,
                complainant: Complainant::anonymous(),
                respondents: Vec::new(),
                content: content.into(),
                subject: None,
                category: None,
                location: None,
                incident_at: None,
                received_at,
                channel,
                first_responder: None,
                customer_class: None,
                collective_count: 1,
                requested: Vec::new(),
                request_text: None,
                product: None,
                flags: ComplaintFlags::default(),
                facts: BTreeMap::new(),
                attachments: Vec::new(),
                external_ref: None,
            },
        }
    }

    /// Whether the complainant is anonymous.
    pub fn is_anonymous(&self) -> bool {
        self.complainant.is_anonymous()
    }

    /// The total amount the customer claims: the sum of the requested remedies' amounts.
    pub fn amount_claimed(&self) -> Result<Money, ModelError> {
        Money::checked_sum(self.requested.iter().filter_map(|r| r.amount))
    }

    /// An integrator-named fact.
    pub fn fact(&self, name: &FactName) -> Option<&FactValue> {
        self.facts.get(name)
    }

    /// Checks every field, reporting all problems with their paths.
    pub fn validate(&self) -> Result<(), ModelError> {
        let mut sink = ProblemSink::default();
        if self.schema_version == 0 || self.schema_version > COMPLAINT_SCHEMA_VERSION {
            sink.push(
                "schema_version",
                format!(
                    "{} is not a version this library reads (1 to {COMPLAINT_SCHEMA_VERSION})",
                    self.schema_version
                ),
            );
        }
        self.complainant.validate_into(&mut sink, "complainant");
        for (i, r) in self.respondents.iter().enumerate() {
            r.validate_into(&mut sink, Indexed("respondents", i));
        }
        if self.content.trim().is_empty() {
            sink.push("content", "is blank; record what the complainant said");
        }
        for (field, value) in [
            ("subject", &self.subject),
            ("location", &self.location),
            ("request_text", &self.request_text),
            ("external_ref", &self.external_ref),
        ] {
            if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
                sink.push(field, "is blank; omit it instead");
            }
        }
        if let Some(at) = self.incident_at
            && at > self.received_at
        {
            sink.push(
                "incident_at",
                format!(
                    "{} is after the complaint was received ({})",
                    at.to_rfc3339(),
                    self.received_at.to_rfc3339()
                ),
            );
        }
        if self.collective_count == 0 {
            sink.push(
                "collective_count",
                "is 0; a complaint has at least one complainant",
            );
        }
        for (i, r) in self.requested.iter().enumerate() {
            r.validate_into(&mut sink, Indexed("requested", i));
        }
        if self.amount_claimed().is_err() {
            sink.push(
                "requested",
                "the amounts claimed add up beyond the representable range",
            );
        }
        if let Some(p) = &self.product {
            p.validate_into(&mut sink, "product");
        }
        for (i, a) in self.attachments.iter().enumerate() {
            a.validate_into(&mut sink, Indexed("attachments", i));
        }
        sink.finish()
    }
}

/// Builds a [`Complaint`]; [`ComplaintBuilder::build`] validates.
#[derive(Clone, Debug)]
#[must_use = "call .build() to get the complaint"]
pub struct ComplaintBuilder {
    complaint: Complaint,
}

impl ComplaintBuilder {
    /// Sets the complainant.
    pub fn complainant(mut self, c: Complainant) -> Self {
        self.complaint.complainant = c;
        self
    }

    /// Sets the kind of feedback.
    pub fn kind(mut self, kind: FeedbackKind) -> Self {
        self.complaint.kind = kind;
        self
    }

    /// Adds a respondent.
    pub fn respondent(mut self, r: Respondent) -> Self {
        self.complaint.respondents.push(r);
        self
    }

    /// Sets the subject line.
    pub fn subject(mut self, s: impl Into<String>) -> Self {
        self.complaint.subject = Some(s.into());
        self
    }

    /// Sets the category.
    pub fn category(mut self, c: CategoryId) -> Self {
        self.complaint.category = Some(c);
        self
    }

    /// Sets the location.
    pub fn location(mut self, l: impl Into<String>) -> Self {
        self.complaint.location = Some(l.into());
        self
    }

    /// Sets when it happened.
    pub fn incident_at(mut self, at: DateTime<Utc>) -> Self {
        self.complaint.incident_at = Some(at);
        self
    }

    /// Sets the first responder (首问责任人).
    pub fn first_responder(mut self, s: StaffId) -> Self {
        self.complaint.first_responder = Some(s);
        self
    }

    /// Sets the customer class.
    pub fn customer_class(mut self, c: CustomerClass) -> Self {
        self.complaint.customer_class = Some(c);
        self
    }

    /// Sets how many complainants join in.
    pub fn collective_count(mut self, n: u32) -> Self {
        self.complaint.collective_count = n;
        self
    }

    /// Adds a requested remedy.
    pub fn request(mut self, r: Remedy) -> Self {
        self.complaint.requested.push(r);
        self
    }

    /// Sets the request in the customer's words.
    pub fn request_text(mut self, t: impl Into<String>) -> Self {
        self.complaint.request_text = Some(t.into());
        self
    }

    /// Sets product data.
    pub fn product(mut self, p: ProductData) -> Self {
        self.complaint.product = Some(Box::new(p));
        self
    }

    /// Sets the flags.
    pub fn flags(mut self, f: ComplaintFlags) -> Self {
        self.complaint.flags = f;
        self
    }

    /// Adds an integrator-named fact.
    pub fn fact(mut self, name: FactName, value: FactValue) -> Self {
        self.complaint.facts.insert(name, value);
        self
    }

    /// Adds an attachment.
    pub fn attachment(mut self, a: AttachmentRef) -> Self {
        self.complaint.attachments.push(a);
        self
    }

    /// Sets the integrator's reference.
    pub fn external_ref(mut self, r: impl Into<String>) -> Self {
        self.complaint.external_ref = Some(r.into());
        self
    }

    /// Validates and returns the complaint.
    pub fn build(self) -> Result<Complaint, ModelError> {
        self.complaint.validate()?;
        Ok(self.complaint)
    }
}
