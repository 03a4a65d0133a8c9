//! The messages a person reads when input is rejected, snapshotted.

use chrono::{TimeZone, Utc};
use tousu_model::*;

fn msg<T: std::fmt::Debug>(r: Result<T, ModelError>) -> String {
    r.unwrap_err().to_string()
}

#[test]
fn id_errors() {
    insta::assert_snapshot!(msg(LevelId::new("")), @"LevelId \"\" is not valid: it is empty; use 1 to 64 letters, digits, '_', '-' or '.'");
    insta::assert_snapshot!(msg(CategoryId::new("water leak")), @"CategoryId \"water leak\" is not valid: only letters, digits, '_', '-' and '.' are allowed (no spaces)");
    insta::assert_snapshot!(msg(StaffId::new("E1\n")), @"StaffId \"E1\\n\" is not valid: it contains a control character");
}

#[test]
fn ids_are_validated_when_deserialized() {
    // Borrowed (from a string), owned (from a reader) and from a JSON value:
    // the same rule and the same message as the constructor.
    let id: StaffId = serde_json::from_str(r#""E-0042""#).unwrap();
    assert_eq!(id.as_str(), "E-0042");
    let id: CaseId = serde_json::from_reader(&br#""K-1""#[..]).unwrap();
    assert_eq!(id, CaseId::new("K-1").unwrap());
    let id: LevelId = serde_json::from_value(serde_json::json!("重大投诉")).unwrap();
    assert_eq!(serde_json::to_string(&id).unwrap(), r#""重大投诉""#);
    let e = serde_json::from_str::<LevelId>(r#""two words""#).unwrap_err();
    insta::assert_snapshot!(e, @"LevelId \"two words\" is not valid: only letters, digits, '_', '-' and '.' are allowed (no spaces) at line 1 column 11");
    assert!(serde_json::from_reader::<_, StaffId>(&br#"" padded""#[..]).is_err());
    assert!(serde_json::from_str::<StaffId>("42").is_err());
}

#[test]
fn label_errors() {
    insta::assert_snapshot!(msg("传真".parse::<Satisfaction>()));
    insta::assert_snapshot!(msg("fax".parse::<Channel>()));
}

#[test]
fn money_errors() {
    insta::assert_snapshot!(msg("12.345".parse::<Money>()), @"12.345 is finer than a fen (0.01 yuan); round it with a named rounding mode or give at most two decimals");
    insta::assert_snapshot!(msg("12,34".parse::<Money>()), @r#""12,34" is not an amount of money: commas must separate groups of three digits; expected e.g. "1234.50", "1,234.5", "¥12" or "12元""#);
    insta::assert_snapshot!(msg(Money::MAX.checked_add(Money::from_fen(1))), @"money arithmetic overflowed in add");
}

#[test]
fn pattern_errors() {
    insta::assert_snapshot!(msg("{yyyy}-{seq:04}".parse::<ComplaintNoPattern>()));
    insta::assert_snapshot!(msg("{yyyy}{mm}{n}".parse::<ComplaintNoPattern>()));
    insta::assert_snapshot!(msg(ComplaintNoPattern::default().parse("2025-10-0007")));
}

#[test]
fn complaint_reports_every_problem_with_its_path() {
    let at = Utc.with_ymd_and_hms(2025, 10, 9, 1, 0, 0).unwrap();
    let later = Utc.with_ymd_and_hms(2025, 10, 10, 1, 0, 0).unwrap();
    let err = Complaint::builder(at, Channel::Visit, "  ")
        .complainant(
            Complainant {
                name: None,
                ..Complainant::anonymous()
            }
            .with_phone(""),
        )
        .incident_at(later)
        .collective_count(0)
        .respondent(Respondent::default())
        .product(ProductData {
            quantity: Some(10),
            defective_quantity: Some(11),
            ..ProductData::default()
        })
        .request(Remedy {
            kind: RemedyKind::Refund,
            amount: Some(Money::from_fen(-1)),
            note: None,
        })
        .build();
    insta::assert_snapshot!(msg(err));
}

#[test]
fn department_and_roster_errors() {
    let id = |s: &str| DepartmentId::new(s).unwrap();
    let tree = DepartmentTree::new(vec![
        Department::new(id("a"), "A", Some(id("c"))),
        Department::new(id("b"), "B", Some(id("a"))),
        Department::new(id("c"), "C", Some(id("b"))),
        Department::new(id("a"), "", Some(id("zz"))),
    ]);
    insta::assert_snapshot!(msg(tree));

    let tree = DepartmentTree::new(vec![Department::new(id("cs"), "客服部", None)]).unwrap();
    let sid = |s: &str| StaffId::new(s).unwrap();
    let roster = Roster::new(
        tree,
        vec![
            Staff::new(sid("e1"), "甲", id("cs")).with_supervisor(sid("e2")),
            Staff::new(sid("e2"), "乙", id("cs")).with_supervisor(sid("e1")),
            Staff::new(sid("e3"), "丙", id("ops")).with_supervisor(sid("nobody")),
            Staff::new(sid("e3"), "丙", id("cs"))
                .with_pay(rust_decimal::Decimal::from(-1), Money::from_fen(-100)),
        ],
    );
    insta::assert_snapshot!(msg(roster));
}
