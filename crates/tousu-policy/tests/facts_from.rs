//! Facts recorded from the acceptance (`validity.facts_from`, ruling 97):
//! a schema-2 option, refused at its path in a schema-1 file, and absent
//! from files that do not use it.

use tousu_policy::{FactsFrom, Policy};

const S44: &str = include_str!("../../../policies/auto-dealer-s44.toml");

#[test]
fn s44_records_the_managers_judgement_from_the_acceptance() {
    let p = Policy::from_toml_str(S44).unwrap();
    assert_eq!(p.validity.facts_from, FactsFrom::Acceptance);
}

#[test]
fn older_files_record_facts_during_the_investigation_and_write_nothing_new() {
    let p = Policy::default_policy().unwrap();
    assert_eq!(p.validity.facts_from, FactsFrom::Investigation);
    let json = serde_json::to_value(&p.validity).unwrap();
    assert!(json.get("facts_from").is_none(), "{json}");
}

#[test]
fn a_schema_1_file_is_told_to_write_schema_2() {
    let mut p = Policy::default_policy().unwrap();
    p.schema_version = 1;
    p.validity.facts_from = FactsFrom::Acceptance;
    let errors: Vec<String> = p.check().errors.iter().map(ToString::to_string).collect();
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("validity.facts_from") && e.contains("schema_version 2")),
        "{errors:#?}"
    );
    p.schema_version = 2;
    assert!(p.check().errors.is_empty(), "{:#?}", p.check().errors);
}

#[test]
fn an_unknown_value_is_refused_with_those_accepted() {
    let toml = S44.replace("facts_from = \"acceptance\"", "facts_from = \"assignment\"");
    let e = Policy::from_toml_str(&toml).unwrap_err().to_string();
    assert!(
        e.contains("assignment") && e.contains("investigation") && e.contains("acceptance"),
        "{e}"
    );
}
