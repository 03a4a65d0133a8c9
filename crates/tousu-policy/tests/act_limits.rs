//! A grant limiting `record_action` to some acts (`acts`) and to acts
//! naming some clocks (`milestones`): what it admits, its refusal in words,
//! validation with paths, and the invariants that read it. S10's file is
//! the example: each of its roles records only the act the source gives it.

use chrono::{TimeZone, Utc};
use tousu_model::{Channel, Complaint};
use tousu_policy::{
    CaseAction, CaseView, EvalInput, Grant, MilestoneId, Policy, Status, check_invariants,
};

const S10: &str = include_str!("../../../policies/property-xx-s10.toml");

fn s10() -> Policy {
    Policy::from_toml_str(S10).unwrap()
}

fn front_desk_grant(p: &Policy) -> &Grant {
    &p.roles
        .iter()
        .find(|r| r.id.as_str() == "front_desk")
        .unwrap()
        .grants[0]
}

fn unmet(g: &Grant, p: &Policy, act: Option<(CaseAction, Option<&MilestoneId>)>) -> Vec<String> {
    let at = Utc.with_ymd_and_hms(2025, 10, 9, 1, 0, 0).unwrap();
    let c = Complaint::builder(at, Channel::Phone, "门禁损坏")
        .build()
        .unwrap();
    let view = CaseView {
        level: None,
        status: Status::Replied,
        reached: tousu_policy::StatusSet::default(),
        escalations: Vec::new(),
        callback: Some(tousu_model::Satisfaction::Satisfied),
        findings_recorded: false,
        input: EvalInput::new(&c, at),
        act,
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
    };
    g.unmet(p, &view)
}

#[test]
fn a_limited_grant_admits_only_its_acts_and_says_what_it_accepts() {
    let p = s10();
    let g = front_desk_grant(&p);
    let feedback = MilestoneId::new("first_asker_feedback").unwrap();
    let other = MilestoneId::new("company_written_report").unwrap();
    assert!(g.limits_acts() && g.is_conditional());
    assert!(unmet(g, &p, Some((CaseAction::ReportSubmitted, Some(&feedback)))).is_empty());
    let wrong_kind = unmet(g, &p, Some((CaseAction::VerificationDone, None)));
    assert_eq!(
        wrong_kind,
        [
            "the act must be one of report_submitted, naming one of the clocks first_asker_feedback (`milestone`) (this is verification_done naming no clock)"
        ]
    );
    let wrong_clock = unmet(g, &p, Some((CaseAction::ReportSubmitted, Some(&other))));
    assert!(
        wrong_clock[0].ends_with("(this is report_submitted naming company_written_report)"),
        "{wrong_clock:?}"
    );
    assert_eq!(unmet(g, &p, None).len(), 1, "no act: the limit is unmet");
    // The developer's service: any clock, one kind.
    let dcs = p
        .roles
        .iter()
        .find(|r| r.id.as_str() == "developer_cs")
        .unwrap();
    assert!(dcs.may_record_sometimes(CaseAction::VerificationDone, None));
    assert!(!dcs.may_record_sometimes(CaseAction::WorkCompleted, None));
}

#[test]
fn limits_are_validated_with_their_paths() {
    let bad = S10
        .replacen(
            r#"grants = [{ actions = ["record_action"], callback"#,
            r#"grants = [{ actions = ["record_action", "close"], callback"#,
            1,
        )
        .replacen(
            r#"acts = ["report_submitted"], milestones = ["company_written_report"]"#,
            r#"acts = ["report_submitted"], milestones = ["nope", "dispatch", "verification"]"#,
            1,
        );
    assert_ne!(bad, S10);
    let e = Policy::from_toml_str(&bad).unwrap_err().to_string();
    for want in [
        "roles[1].grants[0].acts: limits the acts `record_action` records, so the grant lists only \"record_action\"",
        "roles[4].grants[0].milestones[0]: \"nope\" is not a milestone; milestones are",
        "roles[4].grants[0].milestones[1]: \"dispatch\" stops on none of the acts report_submitted",
        "roles[4].grants[0].milestones[2]: \"verification\" stops on none of the acts report_submitted",
    ] {
        assert!(e.contains(want), "missing {want:?} in\n{e}");
    }
    // A grant of unknown acts is a parse error naming the field's values.
    let e = Policy::from_toml_str(&S10.replacen(
        r#"acts = ["verification_done"]"#,
        r#"acts = ["verified"]"#,
        1,
    ))
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("verified") && e.contains("verification_done"),
        "{e}"
    );
}

#[test]
fn invariants_read_the_limits() {
    // S10's front desk is the fallback of the verification, which it may not
    // record: charged for what it cannot do.
    let p = s10();
    let found: Vec<String> = check_invariants(&p)
        .iter()
        .filter(|f| f.invariant == "owner_can_stop" && f.path == "milestones[8].fallback_owner[1]")
        .map(ToString::to_string)
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("its grants limit `record_action` to other acts"),
        "{found:#?}"
    );
    assert!(
        !check_invariants(&p)
            .iter()
            .any(|f| f.invariant == "grants_restrict")
    );
    // A role that records any act anyway: its limit restricts nothing. The
    // developer's service (its `actions` line, then its grant of the
    // verification).
    let developer = "actions = [\"add_note\"]\ngrants = [\n    { actions = [\"record_action\"], acts = [\"verification_done\"]";
    assert_eq!(S10.matches(developer).count(), 1);
    let loose = S10.replacen(
        developer,
        &developer.replacen(
            r#"actions = ["add_note"]"#,
            r#"actions = ["add_note", "record_action"]"#,
            1,
        ),
        1,
    );
    assert_ne!(loose, S10);
    let p = Policy::from_toml_str(&loose).unwrap();
    let found: Vec<String> = check_invariants(&p)
        .iter()
        .filter(|f| f.invariant == "grants_restrict")
        .map(ToString::to_string)
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("roles[7].grants[0].actions[0]"),
        "{found:#?}"
    );
    // The developer's service, the verification's owner, may stop it either
    // way.
    assert!(
        !check_invariants(&p)
            .iter()
            .any(|f| f.invariant == "owner_can_stop" && f.path == "milestones[8].owner")
    );
}
