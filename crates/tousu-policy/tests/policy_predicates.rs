//! Predicate and rule-table evaluation: first match in document order, the
//! rule id reported, category descendants, time since the incident,
//! integrator facts and warranties.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use tousu_model::{
    CategoryId, Channel, Complaint, ComplaintFlags, CustomerClass, FactName, FactValue, LevelId,
    ProductData, Remedy, RemedyKind, Validity,
};
use tousu_policy::{Acceptance, EvalInput, Policy, Predicate};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn complaint() -> tousu_model::ComplaintBuilder {
    Complaint::builder(
        at("2025-10-09T10:00:00+08:00"),
        Channel::Phone,
        "维修后仍然漏水",
    )
}

fn policy(extra: &str) -> Policy {
    let text = format!(
        r#"
schema_version = 1
id = "t"
name = "t"
version = "1"
effective_date = "2025-01-01"
roles = [{{ id = "clerk", name_zh = "客服", actions = ["register"] }}]
levels = [{{ id = "low", name_zh = "一般" }}, {{ id = "mid", name_zh = "较重" }}, {{ id = "high", name_zh = "重大" }}]
categories = [
    {{ id = "service", name_zh = "服务" }},
    {{ id = "attitude", name_zh = "态度", parent = "service" }},
    {{ id = "rude", name_zh = "辱骂", parent = "attitude" }},
    {{ id = "product", name_zh = "产品" }},
    {{ id = "roof", name_zh = "屋面防水", parent = "product" }},
]
{extra}
"#
    );
    Policy::from_toml_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

const CLASSIFY: &str = r#"
[classification]
default = "low"

[[classification.rules]]
id = "media"
when = { media_exposure = true }
level = "high"

[[classification.rules]]
id = "collective"
when = { collective_at_least = 5 }
level = "mid"

[[classification.rules]]
id = "service-any"
when = { category = ["service"] }
level = "mid"
"#;

#[test]
fn first_match_in_document_order_names_its_rule() {
    let p = policy(CLASSIFY);
    let now = at("2025-10-09T12:00:00+08:00");
    // Both "media" and "collective" match: the first listed wins.
    let c = complaint()
        .flags(ComplaintFlags {
            media_exposure: true,
            ..Default::default()
        })
        .collective_count(6)
        .build()
        .unwrap();
    let d = p.classify(&EvalInput::new(&c, now));
    assert_eq!(d.outcome, LevelId::new("high").unwrap());
    assert_eq!(d.rule_id.as_ref().unwrap().as_str(), "media");
    assert_eq!(d.to_string(), "high (by rule \"media\")");

    let c = complaint().collective_count(5).build().unwrap();
    let d = p.classify(&EvalInput::new(&c, now));
    assert_eq!(
        (d.outcome.as_str(), d.rule_id.unwrap().as_str()),
        ("mid", "collective")
    );

    // Below the threshold: nothing matches, the default applies and says so.
    let c = complaint().collective_count(4).build().unwrap();
    let d = p.classify(&EvalInput::new(&c, now));
    assert_eq!(d.outcome.as_str(), "low");
    assert!(d.is_default());
    assert_eq!(d.explanation(), "the table's default (no rule matched)");
}

#[test]
fn category_rules_match_descendants() {
    let p = policy(CLASSIFY);
    let now = at("2025-10-09T12:00:00+08:00");
    for (cat, expected) in [
        ("service", "mid"),
        ("attitude", "mid"),
        ("rude", "mid"),
        ("product", "low"),
        ("roof", "low"),
    ] {
        let c = complaint()
            .category(CategoryId::new(cat).unwrap())
            .build()
            .unwrap();
        assert_eq!(
            p.classify(&EvalInput::new(&c, now)).outcome.as_str(),
            expected,
            "{cat}"
        );
    }
    assert!(p.is_in_category(
        &CategoryId::new("rude").unwrap(),
        &CategoryId::new("service").unwrap()
    ));
    assert!(!p.is_in_category(
        &CategoryId::new("service").unwrap(),
        &CategoryId::new("rude").unwrap()
    ));
}

#[test]
fn days_and_months_since_the_incident_in_the_policys_offset() {
    let p = policy(CLASSIFY);
    let days = |n| Predicate::DaysSinceIncidentAtLeast(n);
    let months = |n| Predicate::MonthsSinceIncidentAtLeast(n);
    // 2025-10-01 23:30 Beijing time is still 1 October locally.
    let c = complaint()
        .incident_at(at("2025-10-01T23:30:00+08:00"))
        .build()
        .unwrap();
    let input = EvalInput::new(&c, at("2025-10-31T00:10:00+08:00"));
    assert!(days(30).matches(&p, &input));
    assert!(!days(31).matches(&p, &input));
    // 16:00 UTC is already 2 October in Beijing: one day fewer.
    let c = complaint()
        .incident_at(at("2025-10-01T16:00:00Z"))
        .build()
        .unwrap();
    let input = EvalInput::new(&c, at("2025-10-31T00:10:00+08:00"));
    assert!(!days(30).matches(&p, &input));
    // A month (民法典 art. 202): 31 January + 1 month is 28 February.
    let c = Complaint::builder(at("2025-03-01T09:00:00+08:00"), Channel::Visit, "态度恶劣")
        .incident_at(at("2025-01-31T09:00:00+08:00"))
        .build()
        .unwrap();
    assert!(months(1).matches(&p, &EvalInput::new(&c, at("2025-02-28T09:00:00+08:00"))));
    assert!(!months(1).matches(&p, &EvalInput::new(&c, at("2025-02-27T23:59:00+08:00"))));
    // Unknown incident time: never "a month since".
    let c = complaint().build().unwrap();
    assert!(!months(1).matches(&p, &EvalInput::new(&c, at("2030-01-01T00:00:00Z"))));
    assert!(
        Predicate::Not(Box::new(months(1)))
            .matches(&p, &EvalInput::new(&c, at("2030-01-01T00:00:00Z")))
    );
}

#[test]
fn acceptance_rules_give_reason_and_advice() {
    let p = policy(
        r#"
[classification]
default = "low"

[[acceptance.rules]]
id = "in-litigation"
when = { in_litigation = true }
outcome = { not_accepted = { reason_zh = "已进入诉讼程序", advice_zh = "建议通过仲裁或司法途径解决" } }

[[acceptance.rules]]
id = "anonymous-letter"
when = { all = [{ anonymous = true }, { channel = ["letter"] }] }
outcome = { not_accepted = { reason_zh = "匿名信函无法核实", advice_zh = "请留下联系方式后重新投诉" } }
"#,
    );
    let now = at("2025-10-09T12:00:00+08:00");
    let c = complaint()
        .flags(ComplaintFlags {
            in_litigation: true,
            ..Default::default()
        })
        .build()
        .unwrap();
    let d = p.acceptance(&EvalInput::new(&c, now));
    assert_eq!(d.rule_id.as_ref().unwrap().as_str(), "in-litigation");
    assert_eq!(
        d.outcome,
        Acceptance::NotAccepted {
            reason_zh: "已进入诉讼程序".into(),
            advice_zh: "建议通过仲裁或司法途径解决".into()
        }
    );
    // Anonymous by phone is accepted (ruling 12 in docs/rulings.md) ...
    let c = complaint().build().unwrap();
    assert!(c.is_anonymous());
    let d = p.acceptance(&EvalInput::new(&c, now));
    assert!(d.outcome.is_accepted() && d.is_default());
    // ... an anonymous letter is not, under this policy.
    let c = Complaint::builder(now, Channel::Letter, "匿名举报")
        .build()
        .unwrap();
    assert_eq!(
        p.acceptance(&EvalInput::new(&c, now))
            .rule_id
            .unwrap()
            .as_str(),
        "anonymous-letter"
    );
}

#[test]
fn has_contact_reads_a_phone_an_email_or_an_address_as_completed() {
    use tousu_model::{Complainant, Contact};
    let p = policy("[classification]\ndefault = \"low\"");
    let now = at("2025-10-09T12:00:00+08:00");
    let with = |contact: Contact| {
        complaint()
            .complainant(Complainant::person("郑先生").unwrap().with_contact(contact))
            .build()
            .unwrap()
    };
    let has = |c: &Complaint| {
        let yes = Predicate::HasContact(true).matches(&p, &EvalInput::new(c, now));
        let no = Predicate::HasContact(false).matches(&p, &EvalInput::new(c, now));
        assert_ne!(yes, no, "`has_contact = false` is the negation of `true`");
        yes
    };
    let text = |t: &str| Some(t.to_owned());
    assert!(!has(&with(Contact::default())));
    assert!(has(&with(Contact {
        phone: text("13900006666"),
        ..Contact::default()
    })));
    assert!(has(&with(Contact {
        email: text("zheng@example.com"),
        ..Contact::default()
    })));
    assert!(has(&with(Contact {
        address: text("3号楼 1201"),
        ..Contact::default()
    })));
    // A WeChat id or QQ number is not a way the record counts
    // (`registration`'s `contact` field, one test for both).
    assert!(!has(&with(Contact {
        other: text("微信 zheng_2026"),
        ..Contact::default()
    })));
    // Anonymity is another question: an anonymous caller may leave a phone.
    let anonymous = complaint()
        .complainant(Complainant::anonymous().with_phone("13900006666"))
        .build()
        .unwrap();
    assert!(has(&anonymous));
    // The complaint as completed is what is read: a phone added later counts.
    let mut completed = with(Contact::default());
    completed.complainant.contact.phone = text("13900006666");
    assert!(has(&completed));
}

#[test]
fn has_contact_is_a_predicate_of_schema_2() {
    let rule = r#"
[[acceptance.rules]]
id = "no_contact"
when = { has_contact = false }
outcome = { not_accepted = { reason_zh = "未留联络办法", advice_zh = "请留下电话、邮箱或地址" } }
"#;
    let text = format!(
        r#"
schema_version = SCHEMA
id = "t"
name = "t"
version = "1"
effective_date = "2025-01-01"
roles = [{{ id = "clerk", name_zh = "客服", actions = ["register"] }}]
levels = [{{ id = "low", name_zh = "一般" }}]
[classification]
default = "low"
{rule}"#
    );
    let err = Policy::from_toml_str(&text.replace("SCHEMA", "1"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("acceptance.rules[0].when.has_contact") && err.contains("schema_version 2"),
        "{err}"
    );
    let p = Policy::from_toml_str(&text.replace("SCHEMA", "2")).unwrap();
    let c = complaint().build().unwrap();
    assert_eq!(
        p.acceptance(&EvalInput::new(&c, c.received_at))
            .rule_id
            .unwrap()
            .as_str(),
        "no_contact"
    );
}

#[test]
fn facts_repeat_count_amount_and_class() {
    let p = policy(
        r#"
[classification]
default = "low"

[validity]
default = "valid"

[[validity.rules]]
id = "malicious"
when = { fact_true = "threats" }
validity = "malicious"

[[validity.rules]]
id = "big-loss"
when = { any = [{ fact_at_least = { name = "loss_yuan", value = "10000" } }, { amount_claimed_at_least = "50000" }] }
validity = "valid"

[[validity.rules]]
id = "region"
when = { all = [{ fact_in = { name = "region", values = ["城区", "农村"] } }, { repeat_count_at_least = 3 }, { customer_class = ["a", "key_account"] }] }
validity = "invalid"
"#,
    );
    let now = at("2025-10-09T12:00:00+08:00");
    let name = |s: &str| FactName::new(s).unwrap();
    let c = complaint()
        .fact(name("threats"), FactValue::Bool(true))
        .build()
        .unwrap();
    let d = p.validity(&EvalInput::new(&c, now));
    assert_eq!(
        (d.outcome, d.rule_id.unwrap().as_str()),
        (Validity::Malicious, "malicious")
    );

    let c = complaint()
        .fact(
            name("loss_yuan"),
            FactValue::Number(Decimal::new(10_000, 0)),
        )
        .build()
        .unwrap();
    assert_eq!(
        p.validity(&EvalInput::new(&c, now))
            .rule_id
            .unwrap()
            .as_str(),
        "big-loss"
    );
    let c = complaint()
        .request(Remedy::with_amount(RemedyKind::Compensation, "50000".parse().unwrap()).unwrap())
        .build()
        .unwrap();
    assert_eq!(
        p.validity(&EvalInput::new(&c, now))
            .rule_id
            .unwrap()
            .as_str(),
        "big-loss"
    );
    let c = complaint()
        .request(
            Remedy::with_amount(RemedyKind::Compensation, "49999.99".parse().unwrap()).unwrap(),
        )
        .build()
        .unwrap();
    assert!(p.validity(&EvalInput::new(&c, now)).is_default());

    let c = complaint()
        .fact(name("region"), FactValue::Text("农村".into()))
        .customer_class(CustomerClass::KeyAccount)
        .build()
        .unwrap();
    assert!(
        p.validity(&EvalInput::new(&c, now).with_repeat_count(2))
            .is_default()
    );
    let d = p.validity(&EvalInput::new(&c, now).with_repeat_count(3));
    assert_eq!(
        (d.outcome, d.rule_id.unwrap().as_str()),
        (Validity::Invalid, "region")
    );
}

#[test]
fn warranty_expiry_by_category() {
    let p = policy(
        r#"
[classification]
default = "low"

[[acceptance.rules]]
id = "out-of-warranty"
when = { warranty_expired = true }
outcome = { not_accepted = { reason_zh = "已超过保修期", advice_zh = "由产权单位或有关部门处理" } }

[[warranties]]
category = "product"
term = "1年"

[[warranties]]
category = "roof"
term = "5 years"
"#,
    );
    let delivered = |d: &str| ProductData {
        delivery_date: Some(d.parse::<NaiveDate>().unwrap()),
        ..Default::default()
    };
    let roof = CategoryId::new("roof").unwrap();
    let product = CategoryId::new("product").unwrap();
    let now = at("2025-10-09T12:00:00+08:00");
    // Roof: 5 years from 2021-06-30 runs to the end of 2026-06-30.
    let c = complaint()
        .category(roof.clone())
        .product(delivered("2021-06-30"))
        .build()
        .unwrap();
    assert!(p.acceptance(&EvalInput::new(&c, now)).outcome.is_accepted());
    // Other products: 1 year from 2024-10-08 ended at the end of 2025-10-08.
    let c = complaint()
        .category(product.clone())
        .product(delivered("2024-10-08"))
        .build()
        .unwrap();
    assert_eq!(
        p.acceptance(&EvalInput::new(&c, now))
            .rule_id
            .unwrap()
            .as_str(),
        "out-of-warranty"
    );
    let c = complaint()
        .category(product)
        .product(delivered("2024-10-09"))
        .build()
        .unwrap();
    assert!(p.acceptance(&EvalInput::new(&c, now)).outcome.is_accepted());
    // The incident date counts, when known.
    let c = complaint()
        .category(roof)
        .product(delivered("2020-10-01"))
        .incident_at(at("2025-09-30T08:00:00+08:00"))
        .build()
        .unwrap();
    assert!(p.acceptance(&EvalInput::new(&c, now)).outcome.is_accepted());
    assert_eq!(
        p.warranty_for(&CategoryId::new("roof").unwrap())
            .unwrap()
            .term
            .to_string(),
        "5 years"
    );
}

#[test]
fn predicates_read_the_same_in_toml_and_json() {
    #[derive(serde::Deserialize, serde::Serialize, Debug, PartialEq)]
    struct Rule {
        when: Predicate,
    }
    let toml_text = r#"when = { all = [ { channel = ["media", "电话"] }, { collective_at_least = 5 }, { not = { anonymous = true } } ] }"#;
    let from_toml: Rule = toml::from_str(toml_text).unwrap();
    let json = serde_json::to_string(&from_toml).unwrap();
    assert_eq!(
        json,
        r#"{"when":{"all":[{"channel":["media","phone"]},{"collective_at_least":5},{"not":{"anonymous":true}}]}}"#
    );
    let from_json: Rule = serde_json::from_str(&json).unwrap();
    assert_eq!(from_json, from_toml);
    // Floats are refused where exact numbers are meant.
    let err = toml::from_str::<Rule>(r#"when = { fact_at_least = { name = "x", value = 2.5 } }"#)
        .unwrap_err();
    assert!(err.to_string().contains("\"2.5\""), "{err}");
}

#[test]
fn terms_rounds_and_approval_boundaries() {
    use tousu_policy::{RetentionPeriod, RoundsAllowed, WarrantyTerm};
    assert_eq!(
        "5年".parse::<WarrantyTerm>().unwrap(),
        WarrantyTerm::Years(5)
    );
    assert_eq!(
        "2个采暖期".parse::<WarrantyTerm>().unwrap(),
        WarrantyTerm::HeatingSeasons(2)
    );
    assert_eq!(
        "合理使用年限".parse::<WarrantyTerm>().unwrap(),
        WarrantyTerm::DesignLife
    );
    assert_eq!(
        "6个月".parse::<WarrantyTerm>().unwrap().to_string(),
        "6 months"
    );
    assert!("15 working days".parse::<WarrantyTerm>().is_err());
    assert_eq!(
        "永久".parse::<RetentionPeriod>().unwrap(),
        RetentionPeriod::Permanent
    );
    assert_eq!(
        "2年".parse::<RetentionPeriod>().unwrap().to_string(),
        "2 years"
    );
    let r: std::collections::BTreeMap<String, RoundsAllowed> =
        toml::from_str("a = 2\nb = \"unlimited\"\nc = \"视情形而定\"").unwrap();
    assert_eq!(r["a"], RoundsAllowed::Limited(2));
    assert_eq!(r["c"], RoundsAllowed::Unlimited);
    assert!(
        RoundsAllowed::Limited(2).exhausted_by(2) && !RoundsAllowed::Unlimited.exhausted_by(99)
    );

    let p = Policy::default_policy().unwrap();
    let approval = p.approval.as_ref().unwrap();
    let role = |s: &str| {
        approval
            .required_role(s.parse().unwrap())
            .as_str()
            .to_owned()
    };
    assert_eq!(role("0"), "department_head");
    assert_eq!(role("1000.00"), "department_head");
    assert_eq!(role("1000.01"), "general_manager");
    assert_eq!(
        approval.limit_of(&"department_head".parse().unwrap()),
        Some("1000".parse().unwrap())
    );
    assert_eq!(
        approval.extension.as_ref().unwrap().as_str(),
        "general_manager"
    );
    assert!(p.role_may(
        &"general_manager".parse().unwrap(),
        tousu_policy::Action::ApproveExtension
    ));
    assert!(!p.role_may(&"handler".parse().unwrap(), tousu_policy::Action::Approve));
    let trigger = tousu_policy::EscalationTrigger::Manual;
    let level = LevelId::new("major").unwrap();
    let steps: Vec<&str> = p
        .escalation_steps(&trigger, &level, None)
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(steps, ["manual-head", "manual-gm"]);
}

#[test]
fn json_policy_file_loads() {
    let p = Policy::default_policy().unwrap();
    let dir = std::env::temp_dir().join(format!("tousu-policy-json-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("p.json");
    std::fs::write(&file, p.to_json_string().unwrap()).unwrap();
    assert_eq!(Policy::load(&file).unwrap(), p);
    std::fs::remove_dir_all(&dir).unwrap();
}
