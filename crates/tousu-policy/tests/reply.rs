//! The form of a reply (`[reply]`, ruling 141): S42's written complaints
//! are answered in writing; the table is schema 2's, its predicate is
//! checked as any `when`, and files without it say nothing.

use tousu_policy::{Policy, ReplyRules, WrittenReply};

const S42: &str = include_str!("../../../policies/property-office-s42.toml");

/// The policy's errors, as `path: message`.
fn errors(p: &Policy) -> Vec<String> {
    p.check().errors.iter().map(ToString::to_string).collect()
}

fn when(v: serde_json::Value) -> Option<tousu_policy::predicate::Predicate> {
    Some(serde_json::from_value(v).unwrap())
}

#[test]
fn s42_answers_a_letter_in_writing_and_the_default_says_nothing() {
    let s42 = Policy::from_toml_str(S42).unwrap();
    let written = s42.reply.written.as_ref().expect("S42 (7) 书面投诉");
    assert_eq!(
        written.when,
        when(serde_json::json!({ "channel": ["letter"] }))
    );
    assert!(Policy::default_policy().unwrap().reply.is_default());
}

#[test]
fn the_table_is_schema_2s_and_its_predicate_is_checked() {
    let mut p = Policy::default_policy().unwrap();
    p.schema_version = 1;
    p.reply = ReplyRules {
        written: Some(WrittenReply::default()),
    };
    let found = errors(&p);
    assert!(
        found
            .iter()
            .any(|e| e.starts_with("reply") && e.contains("schema_version 2")),
        "{found:#?}"
    );

    p.schema_version = 2;
    assert!(errors(&p).is_empty(), "{:#?}", errors(&p));
    p.reply.written = Some(WrittenReply {
        when: when(serde_json::json!({ "category": ["no_such_category"] })),
        note: None,
    });
    let found = errors(&p);
    assert!(
        found.iter().any(|e| e.starts_with("reply.written.when")),
        "{found:#?}"
    );
}
