//! proptest strategies for every model type (feature `proptest`).
//!
//! Available with the `proptest` feature.
//!
//! Every strategy yields only valid values, so a property test of your own can
//! take a `Complaint` or a `Roster` and go straight to the law it checks:
//!
//! ```
//! use proptest::prelude::*;
//! use tousu_model::strategies;
//!
//! proptest!(|(c in strategies::complaint())| {
//!     prop_assert!(c.validate().is_ok());
//! });
//! ```

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use proptest::collection::{btree_map, btree_set, vec};
use proptest::option;
use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::*;

/// Code-style text valid for [`LevelId`], [`CategoryId`], [`RoleId`] and [`FactName`].
fn code_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z][a-z0-9_.-]{0,15}",
        prop::sample::select(vec!["重大投诉", "一般投诉", "危机事件", "不满意"])
            .prop_map(str::to_owned),
    ]
}

/// Reference-style text valid for [`StaffId`], [`CaseId`] and the like.
fn ref_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9][A-Za-z0-9 _:/-]{0,20}[A-Za-z0-9]",
        "[A-Z]",
        "员工[0-9]{1,4}"
    ]
}

macro_rules! id_strategies {
    ($($fn_name:ident => $ty:ident from $text:ident;)+) => {
        $(
            #[doc = concat!("Any valid [`", stringify!($ty), "`].")]
            pub fn $fn_name() -> impl Strategy<Value = $ty> {
                $text().prop_filter_map("valid id", |s| $ty::new(s).ok())
            }
        )+
    };
}

id_strategies! {
    level_id => LevelId from code_text;
    category_id => CategoryId from code_text;
    role_id => RoleId from code_text;
    fact_name => FactName from code_text;
    case_id => CaseId from ref_text;
    staff_id => StaffId from ref_text;
    department_id => DepartmentId from ref_text;
    party_id => PartyId from ref_text;
    attachment_id => AttachmentId from ref_text;
}

/// Any amount in ±10¹² yuan, fen included.
pub fn money() -> impl Strategy<Value = Money> {
    (-100_000_000_000_000i64..=100_000_000_000_000).prop_map(Money::from_fen)
}

/// Any amount from zero to one million yuan.
pub fn non_negative_money() -> impl Strategy<Value = Money> {
    (0i64..=100_000_000).prop_map(Money::from_fen)
}

macro_rules! enum_strategies {
    ($($fn_name:ident => $ty:ident;)+) => {
        $(
            #[doc = concat!("Any [`", stringify!($ty), "`].")]
            pub fn $fn_name() -> impl Strategy<Value = $ty> {
                prop::sample::select($ty::ALL)
            }
        )+
    };
}

enum_strategies! {
    channel => Channel;
    customer_class => CustomerClass;
    satisfaction => Satisfaction;
    remedy_kind => RemedyKind;
    validity => Validity;
    fault_party => FaultParty;
    feedback_kind => FeedbackKind;
    party_kind => PartyKind;
    sanction_kind => SanctionKind;
    rounding_mode => RoundingMode;
}

/// An instant between 2024 and 2026, to the second.
pub fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    (1_704_038_400i64..1_798_732_800)
        .prop_filter_map("in range", |s| Utc.timestamp_opt(s, 0).single())
}

/// A local date between 2024 and 2026.
pub fn date() -> impl Strategy<Value = NaiveDate> {
    instant().prop_map(|t| t.date_naive())
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof!["[a-zA-Z][a-zA-Z0-9 ,.]{0,30}", "[\u{4e00}-\u{9fa5}]{1,20}"]
}

/// Any valid [`Contact`].
pub fn contact() -> impl Strategy<Value = Contact> {
    (
        option::of("1[3-9][0-9]{9}"),
        option::of("[a-z]{1,8}@[a-z]{1,8}\\.cn"),
        option::of(text()),
    )
        .prop_map(|(phone, email, address)| Contact {
            phone,
            email,
            address,
            other: None,
        })
}

/// Any valid [`Complainant`], anonymous or named.
pub fn complainant() -> impl Strategy<Value = Complainant> {
    prop_oneof![
        1 => contact().prop_map(|c| Complainant::anonymous().with_contact(c)),
        4 => (party_kind(), text(), option::of(party_id()), contact()).prop_map(|(kind, name, party_id, contact)| {
            Complainant { kind, name: Some(name), party_id, contact, anonymous: false }
        }),
    ]
}

/// Any valid [`Respondent`].
pub fn respondent() -> impl Strategy<Value = Respondent> {
    prop_oneof![
        staff_id().prop_map(Respondent::staff),
        department_id().prop_map(Respondent::department),
        text().prop_map(|d| Respondent {
            description: Some(d),
            ..Respondent::default()
        }),
    ]
}

/// Any valid [`Remedy`].
pub fn remedy() -> impl Strategy<Value = Remedy> {
    (
        remedy_kind(),
        option::of(non_negative_money()),
        option::of(text()),
    )
        .prop_map(|(kind, amount, note)| Remedy { kind, amount, note })
}

/// Any valid [`ProductData`] (defective quantity never above the quantity).
pub fn product() -> impl Strategy<Value = ProductData> {
    (
        option::of("[A-Z]{2}[0-9]{6}"),
        option::of("[0-9]{3}-[0-9]{4}"),
        option::of(date()),
        option::of(0u64..100_000),
        any::<bool>(),
        any::<u64>(),
    )
        .prop_map(
            |(order_no, part_no, delivery_date, quantity, undetermined, seed)| ProductData {
                order_no,
                part_no,
                model: None,
                batch: None,
                delivery_date,
                quantity,
                defective_quantity: quantity.map(|q| if q == 0 { 0 } else { seed % (q + 1) }),
                undetermined_in_processing: undetermined,
            },
        )
}

/// Any [`ComplaintFlags`].
pub fn flags() -> impl Strategy<Value = ComplaintFlags> {
    any::<[bool; 5]>().prop_map(|[m, i, l, h, c]| ComplaintFlags {
        media_exposure: m,
        injury_or_safety: i,
        in_litigation: l,
        handled_by_other_authority: h,
        confidential: c,
    })
}

/// Any [`FactValue`].
pub fn fact_value() -> impl Strategy<Value = FactValue> {
    prop_oneof![
        any::<bool>().prop_map(FactValue::Bool),
        (any::<i64>(), 0u32..6).prop_map(|(m, s)| FactValue::Number(Decimal::new(m, s))),
        text().prop_map(FactValue::Text),
    ]
}

/// Any valid [`AttachmentRef`].
pub fn attachment() -> impl Strategy<Value = AttachmentRef> {
    (attachment_id(), text(), option::of("[0-9a-f]{64}")).prop_map(|(id, name, sha256)| {
        AttachmentRef {
            id,
            name,
            media_type: Some("image/jpeg".to_owned()),
            sha256,
        }
    })
}

/// Any valid [`Complaint`].
pub fn complaint() -> impl Strategy<Value = Complaint> {
    let who = (
        complainant(),
        vec(respondent(), 0..3),
        feedback_kind(),
        channel(),
        option::of(customer_class()),
    );
    let what = (
        text(),
        option::of(text()),
        option::of(category_id()),
        option::of(text()),
        vec(remedy(), 0..3),
    );
    let when = (
        instant(),
        option::of(0i64..90 * 86_400),
        option::of(staff_id()),
        1u32..50,
    );
    let extra = (
        option::of(product().prop_map(Box::new)),
        flags(),
        btree_map(fact_name(), fact_value(), 0..3),
        vec(attachment(), 0..2),
    );
    (who, what, when, extra).prop_map(
        |(
            (complainant, respondents, kind, channel, customer_class),
            (content, subject, category, location, requested),
            (received_at, ago, first_responder, collective_count),
            (product, flags, facts, attachments),
        )| {
            Complaint {
                schema_version: COMPLAINT_SCHEMA_VERSION,
                kind,
                complainant,
                respondents,
                content,
                subject,
                category,
                location,
                incident_at: ago
                    .and_then(|s| received_at.checked_sub_signed(chrono::TimeDelta::seconds(s))),
                received_at,
                channel,
                first_responder,
                customer_class,
                collective_count,
                requested,
                request_text: None,
                product,
                flags,
                facts,
                attachments,
                external_ref: None,
            }
        },
    )
}

/// A valid department tree of up to `max` departments (each parent listed before its children).
pub fn department_tree(max: usize) -> impl Strategy<Value = DepartmentTree> {
    vec(any::<prop::sample::Index>(), 1..=max.max(1)).prop_filter_map("valid tree", |parents| {
        let depts = parents
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let id = DepartmentId::new(format!("d{i}")).ok()?;
                let parent = if i == 0 {
                    None
                } else {
                    DepartmentId::new(format!("d{}", p.index(i))).ok()
                };
                Some(Department::new(id, format!("部门{i}"), parent))
            })
            .collect::<Option<Vec<_>>>()?;
        DepartmentTree::new(depts).ok()
    })
}

/// A valid roster: a department tree and up to `max_staff` staff, supervisors
/// always earlier on the list (so there are no loops).
pub fn roster(max_staff: usize) -> impl Strategy<Value = Roster> {
    (
        department_tree(6),
        vec(
            (
                any::<prop::sample::Index>(),
                any::<prop::sample::Index>(),
                0u32..5,
                0i64..1_000_000,
                btree_set(role_id(), 0..3),
                any::<bool>(),
            ),
            1..=max_staff.max(1),
        ),
    )
        .prop_filter_map("valid roster", |(tree, people)| {
            let depts: Vec<DepartmentId> = tree.iter().map(|d| d.id.clone()).collect();
            let staff = people
                .iter()
                .enumerate()
                .map(|(i, (d, sup, points, bonus, roles, has_sup))| {
                    let id = StaffId::new(format!("s{i}")).ok()?;
                    let dept = d.get(&depts).clone();
                    let supervisor = if i > 0 && *has_sup {
                        StaffId::new(format!("s{}", sup.index(i))).ok()
                    } else {
                        None
                    };
                    Some(Staff {
                        id,
                        name: format!("员工{i}"),
                        department: dept,
                        roles: roles.clone(),
                        supervisor,
                        base_points: Decimal::from(*points),
                        monthly_bonus: Money::from_fen(*bonus),
                    })
                })
                .collect::<Option<Vec<_>>>()?;
            Roster::new(tree, staff).ok()
        })
}

/// A valid complaint-number pattern.
pub fn complaint_no_pattern() -> impl Strategy<Value = ComplaintNoPattern> {
    (
        prop::sample::select(vec!["{yyyy}", "{yy}"]),
        "[A-Z]{0,3}",
        "[-/]?",
        1usize..7,
    )
        .prop_filter_map("valid pattern", |(year, prefix, sep, width)| {
            format!("{prefix}{year}{{mm}}{sep}{{seq:0{width}}}")
                .parse()
                .ok()
        })
}
