//! A grant limiting the facts `record_facts` records (`facts`, ruling
//! 150): what it admits and its refusal in words, the difference between
//! absent (any fact) and `[]` (none), validation with paths, and the
//! invariant that reads it. S36's file is the example: the department
//! records its findings but not the responsibility the CS staff judge.

use tousu_model::FactName;
use tousu_policy::{Grant, Policy, check_invariants};

const S36: &str = include_str!("../../../policies/distribution-centre-s36.toml");
/// The department's grant of findings (`roles[3].grants[0]`), as the file writes it.
const GRANT: &str = r#"{ actions = ["record_findings"], holds_case = "handed", facts = [], note = "五2: findings, no fact" },"#;

fn role<'p>(p: &'p Policy, id: &str) -> &'p tousu_policy::Role {
    p.roles.iter().find(|r| r.id.as_str() == id).unwrap()
}

fn fact(name: &str) -> FactName {
    FactName::new(name).unwrap()
}

#[test]
fn facts_none_admits_no_fact_and_says_so() {
    let p = Policy::from_toml_str(S36).unwrap();
    let g = &role(&p, "responsible").grants[0];
    assert_eq!(g.facts.as_deref(), Some(&[][..]));
    assert!(g.is_conditional(), "a grant limiting facts is a condition");
    assert!(!g.admits_fact(&fact("responsibility")));
    assert_eq!(
        g.fact_refused(&fact("responsibility")).unwrap(),
        "the fact responsibility is not one it may record (`facts`: none: it records findings, not facts)"
    );
    assert!(!role(&p, "responsible").may_record_fact_sometimes(&fact("responsibility")));
    // The CS staff record findings in their `actions`: any fact.
    assert!(role(&p, "cs_staff").may_record_fact_sometimes(&fact("responsibility")));
    let warned = p.check().warnings;
    assert!(
        !warned.iter().any(|w| w.path.starts_with("roles[3]")),
        "{warned:?}"
    );
}

#[test]
fn absent_is_any_fact_and_lists_name_theirs() {
    let grant = |json: serde_json::Value| -> Grant { serde_json::from_value(json).unwrap() };
    let any = grant(serde_json::json!({ "actions": ["record_findings"], "levels": ["general"] }));
    assert_eq!(any.facts, None);
    assert!(any.admits_fact(&fact("responsibility")));
    assert_eq!(any.fact_refused(&fact("responsibility")), None);
    // Older files (no `facts`) write nothing new.
    assert!(!serde_json::to_string(&any).unwrap().contains("facts"));
    let some =
        grant(serde_json::json!({ "actions": ["record_findings"], "facts": ["cause", "cost"] }));
    assert!(some.admits_fact(&fact("cost")));
    assert_eq!(
        some.fact_refused(&fact("responsibility")).unwrap(),
        "the fact responsibility is not one it may record (`facts`: cause, cost)"
    );
    // `[]` is kept apart from absent through a round trip.
    let none = grant(serde_json::json!({ "actions": ["record_findings"], "facts": [] }));
    let back: Grant = serde_json::from_str(&serde_json::to_string(&none).unwrap()).unwrap();
    assert_eq!(back.facts.as_deref(), Some(&[][..]));
}

#[test]
fn limits_are_validated_with_their_paths() {
    // On a grant of another action too: an error naming the field.
    let mixed = S36.replacen(
        GRANT,
        r#"{ actions = ["record_findings", "reply"], facts = ["responsibility"] },"#,
        1,
    );
    assert_ne!(mixed, S36);
    let e = Policy::from_toml_str(&mixed).unwrap_err().to_string();
    assert!(
        e.contains("roles[3].grants[0].facts: limits the facts `record_facts` records, so the grant lists only \"record_findings\" in `actions`"),
        "{e}"
    );
    // A fact no rule reads (misspelt): a warning naming the facts read.
    let misspelt = S36.replacen(
        GRANT,
        r#"{ actions = ["record_findings"], facts = ["responsibilty"] },"#,
        1,
    );
    let p = Policy::from_toml_str(&misspelt).unwrap();
    let warnings: Vec<String> = p
        .check()
        .warnings
        .iter()
        .filter(|w| w.path.starts_with("roles[3]"))
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        warnings,
        [
            "roles[3].grants[0].facts[0]: \"responsibilty\" is read by no rule of the policy (no `fact_true`, `fact_in`, `fact_at_least`, `fact_at_most` or `fact_recorded` names it), so recording it changes nothing; facts read: responsibility"
        ]
    );
}

#[test]
fn a_step_on_a_fact_nobody_may_record_is_reported() {
    // S36 has no step taken on a fact; give it one the CS staff may not record either.
    let text = S36
        .replacen(
            r#"actions = ["assign", "transfer", "investigate", "record_findings", "propose_solution""#,
            r#"actions = ["assign", "transfer", "investigate", "propose_solution""#,
            1,
        )
        .replacen(
            r#"grants = [{ actions = ["set_agreed_deadline"], when"#,
            r#"grants = [{ actions = ["record_findings"], facts = ["responsibility"] }, { actions = ["set_agreed_deadline"], when"#,
            1,
        )
        + "\n[[escalation]]\nid = \"recall\"\nafter = { fact_recorded = \"recall_needed\" }\nnotify = [\"centre_manager\"]\n";
    let p = Policy::from_toml_str(&text).unwrap();
    let found: Vec<String> = check_invariants(&p)
        .iter()
        .filter(|f| f.invariant == "fact_step_can_fire")
        .map(ToString::to_string)
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("every role that records findings is limited to other facts (a grant's `facts`), so recall_needed is never recorded"),
        "{found:#?}"
    );
    assert!(
        !check_invariants(&Policy::from_toml_str(S36).unwrap())
            .iter()
            .any(|f| f.invariant == "fact_step_can_fire")
    );
}
