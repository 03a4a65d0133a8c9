//! The embedded default policy: it loads, round-trips through TOML and JSON,
//! and the repository-root copy is identical.

use tousu_model::{LevelId, Money};
use tousu_policy::{Policy, RoundsAllowed};

#[test]
fn default_policy_loads_without_warnings() {
    let p = Policy::default_policy().unwrap();
    let report = p.check();
    assert!(report.errors.is_empty(), "{report}");
    assert!(report.warnings.is_empty(), "{report}");
    assert_eq!(p.levels.len(), 4);
    let names: Vec<&str> = p.levels.iter().map(|l| l.name_zh.as_str()).collect();
    assert_eq!(names, ["不满意", "十分不满意", "重大投诉", "危机事件"]);
}

#[test]
fn default_policy_limits_follow_the_seeds() {
    let p = Policy::default_policy().unwrap();
    let first = p.milestone(&"first_response".parse().unwrap()).unwrap();
    let limits: Vec<String> = p
        .levels
        .iter()
        .map(|l| p.milestone_target(first, &l.id, None).unwrap().to_string())
        .collect();
    assert_eq!(
        limits,
        ["30 minutes", "20 minutes", "10 minutes", "10 minutes"]
    );
    for (id, limit) in [
        ("second_response", "24 hours"),
        ("acceptance", "24 hours"),
        ("result", "15 working days"),
        ("callback", "2 working days"),
    ] {
        let m = p.milestone(&id.parse().unwrap()).unwrap();
        for l in &p.levels {
            assert_eq!(
                p.milestone_target(m, &l.id, None).unwrap().to_string(),
                limit,
                "{id}"
            );
        }
    }
    assert_eq!(
        p.rounds_allowed(&LevelId::new("major").unwrap()),
        RoundsAllowed::Limited(2)
    );
    assert_eq!(
        p.rounds_allowed(&LevelId::new("crisis").unwrap()),
        RoundsAllowed::Unlimited
    );
    assert_eq!(p.utc_offset().local_minus_utc(), 8 * 3600);
    let fines = &p.penalties.as_ref().unwrap().overtime;
    let fines: Vec<String> = p
        .levels
        .iter()
        .map(|l| fines[&l.id].to_plain_string())
        .collect();
    assert_eq!(fines, ["20.00", "30.00", "50.00", "80.00"]);
    assert_eq!(
        p.required_approver(Money::from_yuan(1000).unwrap())
            .unwrap()
            .as_str(),
        "department_head"
    );
    assert_eq!(
        p.required_approver(Money::from_fen(100_001))
            .unwrap()
            .as_str(),
        "general_manager"
    );
}

#[test]
fn default_policy_round_trips_through_toml_and_json() {
    let p = Policy::default_policy().unwrap();
    let toml = p.to_toml_string().unwrap();
    assert_eq!(Policy::from_toml_str(&toml).unwrap(), p, "{toml}");
    let json = p.to_json_string().unwrap();
    assert_eq!(Policy::from_json_str(&json).unwrap(), p, "{json}");
}

#[test]
fn repository_copy_is_identical() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../policies/default.toml");
    let copy = std::fs::read_to_string(root).unwrap();
    assert_eq!(
        copy,
        tousu_policy::DEFAULT_POLICY_TOML,
        "policies/default.toml differs from crates/tousu-policy/policies/default.toml; copy the crate's file over it"
    );
}

#[test]
fn default_calendar_builds() {
    let p = Policy::default_policy().unwrap();
    let cal = p.build_calendar().unwrap();
    let start = "2025-09-30T10:00:00+08:00".parse().unwrap();
    let due = cal
        .deadline(start, &"15 working days".parse().unwrap())
        .unwrap();
    assert_eq!(
        due.at.with_timezone(&p.utc_offset()).to_rfc3339(),
        "2025-10-29T00:00:00+08:00"
    );
}
