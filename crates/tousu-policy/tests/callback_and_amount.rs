//! Conditions of the policy language: a grant on the answer of the
//! round's last callback (`grants[].callback`, ruling 60), a grant on the
//! round's findings (`grants[].findings_recorded`, ruling 104) and an
//! approval rule for amounts over a limit (`approval.rules[].amount_over`,
//! ruling 61). Validated at load, checked by `check_invariants`, and the
//! laws of each condition.

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use tousu_model::{Channel, Complaint, Money, Remedy, RemedyKind, Satisfaction};
use tousu_policy::{
    Action, CaseView, EvalInput, Grant, Policy, Severity, Status, check_invariants,
};

/// The default policy at schema 2, where grants and approval rules may be
/// written.
fn v2() -> Policy {
    let text =
        tousu_policy::DEFAULT_POLICY_TOML.replacen("schema_version = 1", "schema_version = 2", 1);
    Policy::from_toml_str(&text).unwrap()
}

fn grant(json: serde_json::Value) -> Grant {
    serde_json::from_value(json).unwrap()
}

fn complaint() -> Complaint {
    let at = Utc.with_ymd_and_hms(2026, 3, 2, 2, 0, 0).unwrap();
    Complaint::builder(at, Channel::Phone, "维修后仍有故障")
        .build()
        .unwrap()
}

fn view<'a>(input: EvalInput<'a>, callback: Option<Satisfaction>) -> CaseView<'a> {
    CaseView {
        level: None,
        status: Status::Replied,
        reached: tousu_policy::StatusSet::default(),
        escalations: Vec::new(),
        callback,
        findings_recorded: false,
        input,
        act: None,
        holds_case: true,
        handed: true,
        co_handling: true,
        in_line: true,
        received: true,
        received_in_line: true,
        sent: true,
        lead: true,
        sender: true,
        role_absent: true,
        reported: true,
        acts_recorded: &[],
        replied_since: Vec::new(),
    }
}

/// A grant on the callback's answer holds only after a callback that gave
/// one of its answers, and its refusal says what the case has instead.
#[test]
fn a_callback_grant_says_what_the_round_answered() {
    let p = v2();
    let g = grant(serde_json::json!({ "actions": ["close_abnormally"], "callback": ["不满意"] }));
    assert_eq!(g.callback, [Satisfaction::Unsatisfied], "the label parses");
    assert!(g.is_conditional());
    let c = complaint();
    let input = EvalInput::new(&c, c.received_at);
    assert_eq!(
        g.unmet(&p, &view(input, None)),
        [
            "the round's last callback must have answered one of unsatisfied (there is none since the last reply)"
        ]
    );
    assert_eq!(
        g.unmet(&p, &view(input, Some(Satisfaction::Satisfied))),
        ["the round's last callback must have answered one of unsatisfied (it answered satisfied)"]
    );
    assert!(
        g.unmet(&p, &view(input, Some(Satisfaction::Unsatisfied)))
            .is_empty()
    );
}

/// A grant on the round's findings holds only once they are recorded, and
/// its refusal names the condition; a file without it reads as before.
#[test]
fn a_findings_grant_waits_for_the_findings() {
    let p = v2();
    let g = grant(serde_json::json!({ "actions": ["transfer"], "findings_recorded": true }));
    assert!(g.findings_recorded && g.is_conditional());
    let c = complaint();
    let mut v = view(EvalInput::new(&c, c.received_at), None);
    v.status = Status::Investigating;
    assert_eq!(
        g.unmet(&p, &v),
        ["the round's findings must have been recorded (`findings_recorded`; none are yet)"]
    );
    v.findings_recorded = true;
    assert!(g.unmet(&p, &v).is_empty());
    let old = grant(serde_json::json!({ "actions": ["transfer"], "statuses": ["investigating"] }));
    assert!(!old.findings_recorded, "absent means no condition");
    v.findings_recorded = false;
    assert!(old.unmet(&p, &v).is_empty());
    assert!(
        !serde_json::to_string(&old)
            .unwrap()
            .contains("findings_recorded"),
        "a grant without it writes as before"
    );
}

/// `check_invariants`: a findings condition where nobody records findings,
/// or with only statuses before the investigation, never holds, at the
/// condition's path.
#[test]
fn a_findings_grant_that_never_holds_is_found() {
    let mut p = v2();
    for role in &mut p.roles {
        role.actions.retain(|a| *a != Action::RecordFindings);
        role.actions.retain(|a| *a != Action::Transfer);
    }
    let gm = p
        .roles
        .iter_mut()
        .find(|r| r.id.as_str() == "general_manager")
        .unwrap();
    gm.grants = vec![
        grant(serde_json::json!({ "actions": ["transfer"], "findings_recorded": true })),
        grant(serde_json::json!({
            "actions": ["transfer"],
            "statuses": ["assigned"],
            "findings_recorded": true,
        })),
    ];
    let found: Vec<String> = check_invariants(&p)
        .iter()
        .filter(|f| f.severity == Severity::Error && f.path.contains("findings_recorded"))
        .map(|f| f.path.clone())
        .collect();
    assert_eq!(
        found,
        [
            "roles[3].grants[0].findings_recorded",
            "roles[3].grants[1].findings_recorded",
            "roles[3].grants[1].findings_recorded",
        ],
        "{:#?}",
        check_invariants(&p)
    );
    let gm = p
        .roles
        .iter_mut()
        .find(|r| r.id.as_str() == "general_manager")
        .unwrap();
    gm.actions.push(Action::RecordFindings);
    gm.grants.truncate(1);
    assert!(
        !check_invariants(&p)
            .iter()
            .any(|f| f.path.contains("findings_recorded")),
        "a role records findings: the grant can hold"
    );
}

/// A callback answer that is not one is refused at load, at its line and
/// column, listing what is accepted; a negative `amount_over` at its path.
#[test]
fn bad_values_are_refused_with_their_path() {
    let text =
        tousu_policy::DEFAULT_POLICY_TOML.replacen("schema_version = 1", "schema_version = 2", 1);
    let with_grant = text.replacen(
        "id = \"general_manager\"\n",
        "id = \"general_manager\"\ngrants = [{ actions = [\"close\"], callback = [\"angry\"] }]\n",
        1,
    );
    assert_ne!(with_grant, text, "the default policy has a general_manager");
    let err = Policy::from_toml_str(&with_grant).unwrap_err().to_string();
    assert!(
        err.contains("line 78")
            && err.contains("\"angry\" is not a known Satisfaction")
            && err.contains("unsatisfied, 不满意"),
        "{err}"
    );

    let mut p = v2();
    let auth = p.approval.as_mut().unwrap();
    auth.rules = serde_json::from_value(serde_json::json!([
        { "id": "over", "amount_over": "-1", "above": auth.above },
    ]))
    .unwrap();
    let report = p.check().to_string();
    assert!(
        report.contains("approval.rules[0].amount_over: -1")
            && report.contains("is negative; amounts are 0 or more"),
        "{report}"
    );
}

/// `check_invariants`: a callback condition where nobody records callbacks,
/// or with statuses a callback never leaves a case in, never holds; a
/// threshold of an `amount_over` rule up to its own floor never applies.
#[test]
fn conditions_that_never_hold_are_found() {
    let mut p = v2();
    for role in &mut p.roles {
        role.actions.retain(|a| *a != Action::RecordCallback);
    }
    let gm = p
        .roles
        .iter_mut()
        .find(|r| r.id.as_str() == "general_manager")
        .unwrap();
    gm.actions.retain(|a| *a != Action::CloseAbnormally);
    gm.grants = vec![
        grant(serde_json::json!({ "actions": ["close_abnormally"], "callback": ["unsatisfied"] })),
        grant(serde_json::json!({
            "actions": ["close_abnormally"],
            "statuses": ["investigating", "approved"],
            "callback": ["unsatisfied"],
        })),
        grant(serde_json::json!({
            "actions": ["add_note"],
            "statuses": ["closed"],
            "callback": ["satisfied"],
        })),
    ];
    let auth = p.approval.as_mut().unwrap();
    let above = auth.above.clone();
    let first = auth.thresholds[0].role.clone();
    auth.rules = serde_json::from_value(serde_json::json!([
        { "id": "over", "amount_over": "5000",
          "thresholds": [{ "up_to": "5000", "role": first }, { "up_to": "9000", "role": first }],
          "above": above },
    ]))
    .unwrap();
    let found: Vec<String> = check_invariants(&p)
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .filter(|f| f.path.contains("callback") || f.path.starts_with("approval.rules"))
        .map(ToString::to_string)
        .collect();
    insta::assert_snapshot!(found.join("\n"));
}

/// A policy that records callbacks and names `replied` is clean.
#[test]
fn a_callback_grant_that_can_hold_is_clean() {
    let mut p = v2();
    let gm = p
        .roles
        .iter_mut()
        .find(|r| r.id.as_str() == "general_manager")
        .unwrap();
    gm.actions.retain(|a| *a != Action::CloseAbnormally);
    gm.grants = vec![grant(serde_json::json!({
        "actions": ["close_abnormally"],
        "statuses": ["replied"],
        "callback": ["unsatisfied", "neutral"],
    }))];
    assert!(p.check().errors.is_empty(), "{}", p.check());
    let grant_findings: Vec<_> = check_invariants(&p)
        .into_iter()
        .filter(|f| f.path.starts_with("roles"))
        .collect();
    assert!(grant_findings.is_empty(), "{grant_findings:#?}");
}

fn satisfaction() -> impl Strategy<Value = Option<Satisfaction>> {
    prop::option::of(prop::sample::select(Satisfaction::ALL))
}

fn money() -> impl Strategy<Value = Money> {
    (0i64..100_000_000).prop_map(Money::from_fen)
}

proptest! {
    /// Law: a grant on the callback holds exactly when the round has a
    /// callback whose answer it lists, and otherwise names one unmet
    /// condition.
    #[test]
    fn a_callback_grant_holds_iff_the_answer_is_listed(
        listed in prop::sample::subsequence(Satisfaction::ALL, 1..=Satisfaction::ALL.len()),
        answer in satisfaction(),
    ) {
        let p = v2();
        let g = grant(serde_json::json!({ "actions": ["close"], "callback": listed }));
        let c = complaint();
        let unmet = g.unmet(&p, &view(EvalInput::new(&c, c.received_at), answer));
        let holds = answer.is_some_and(|a| listed.contains(&a));
        prop_assert_eq!(unmet.is_empty(), holds);
        prop_assert_eq!(unmet.len(), usize::from(!holds));
    }

    /// Law: an `amount_over` rule governs exactly the amounts above its
    /// floor, and its sign-off chain comes with it; at or below the floor
    /// the authority's own limits decide, without the chain.
    #[test]
    fn an_amount_over_rule_governs_exactly_the_amounts_above(floor in money(), amount in money()) {
        let mut p = v2();
        let auth = p.approval.as_mut().unwrap();
        let signer = auth.thresholds[0].role.clone();
        auth.rules = serde_json::from_value(serde_json::json!([
            { "id": "over", "amount_over": floor, "sign_off": [signer], "above": auth.above },
        ]))
        .unwrap();
        let c = complaint();
        let input = EvalInput::new(&c, c.received_at);
        let remedies = [Remedy::with_amount(RemedyKind::Compensation, amount).unwrap()];
        let approvers = p.approvers_for(None, &input, &remedies, amount).unwrap();
        let governed = approvers.rule.is_some_and(|r| r.as_str() == "over");
        prop_assert_eq!(governed, amount > floor);
        prop_assert_eq!(approvers.sign_off.is_empty(), amount <= floor);
    }
}
