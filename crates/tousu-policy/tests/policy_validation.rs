//! Validation at load: broken policies and the reports they produce
//! (insta snapshots), parse errors with positions, schema versions.

use tousu_policy::{ClockEvent, Policy, PolicyError};

const BASE: &str = r#"
schema_version = 1
id = "test"
name = "测试制度"
version = 3
effective_date = "2025-01-01"

[[roles]]
id = "clerk"
name_zh = "客服"
actions = ["register", "accept", "reply"]

[[roles]]
id = "boss"
name_zh = "总经理"
actions = ["approve", "approve_extension"]

[[levels]]
id = "minor"
name_zh = "一般投诉"

[[levels]]
id = "major"
name_zh = "重大投诉"

[[categories]]
id = "service"
name_zh = "服务"

[[categories]]
id = "attitude"
name_zh = "服务态度"
parent = "service"

[classification]
default = "minor"

[[classification.rules]]
id = "media"
when = { media_exposure = true }
level = "major"

[[milestones]]
id = "first_response"
name_zh = "初次响应"
start = ["registered"]
stop = ["replied"]
warn_at_percent = [50, 80]
targets = { minor = "30 minutes", major = "10 minutes" }
fallback_owner = { role = "clerk" }

[rounds]
per_level = { minor = 2, major = "unlimited" }
when_exhausted = "close_unsatisfied"

[approval]
thresholds = [{ up_to = "500", role = "boss" }]
above = "boss"
extension = "boss"

[recusal]
respondent = true

[penalties.overtime]
minor = "20"
major = "50"
"#;

fn broken(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "the base policy has no {from:?}");
    BASE.replacen(from, to, 1)
}

fn report(text: &str) -> String {
    let policy = Policy::parse_toml(text).unwrap();
    policy.check().to_string()
}

#[test]
fn base_policy_is_valid() {
    let p = Policy::from_toml_str(BASE).unwrap();
    assert!(p.check().warnings.is_empty(), "{}", p.check());
    assert_eq!(p.version.as_str(), "3");
}

#[test]
fn unknown_level_in_a_target() {
    let text = broken(r#"major = "10 minutes" }"#, r#"majr = "10 minutes" }"#);
    insta::assert_snapshot!(report(&text));
}

#[test]
fn warning_percent_out_of_range() {
    let text = broken("warn_at_percent = [50, 80]", "warn_at_percent = [50, 120]");
    insta::assert_snapshot!(report(&text));
}

#[test]
fn negative_fine() {
    let text = broken(r#"major = "50""#, r#"major = "-5""#);
    insta::assert_snapshot!(report(&text));
}

#[test]
fn missing_target_for_a_level() {
    let text = broken(r#", major = "10 minutes" }"#, " }");
    insta::assert_snapshot!(report(&text));
}

#[test]
fn unknown_role_in_approval() {
    let text = broken(
        r#"{ up_to = "500", role = "boss" }"#,
        r#"{ up_to = "500", role = "manager" }"#,
    );
    insta::assert_snapshot!(report(&text));
}

#[test]
fn duplicated_ids() {
    let text = broken(r#"id = "boss""#, r#"id = "clerk""#);
    let text = text.replacen(r#"id = "major""#, r#"id = "minor""#, 1);
    let text = text.replacen(r#"id = "attitude""#, r#"id = "service""#, 1);
    insta::assert_snapshot!(report(&text));
}

#[test]
fn category_cycle() {
    let text = broken(
        "id = \"service\"\nname_zh = \"服务\"\n",
        "id = \"service\"\nname_zh = \"服务\"\nparent = \"attitude\"\n",
    );
    insta::assert_snapshot!(report(&text));
}

#[test]
fn more_severe_level_with_a_longer_limit_is_a_warning() {
    let text = broken(r#"major = "10 minutes""#, r#"major = "2 hours""#);
    let policy = Policy::from_toml_str(&text).unwrap();
    insta::assert_snapshot!(policy.check().to_string());
}

#[test]
fn all_problems_are_reported_together() {
    let text = broken("warn_at_percent = [50, 80]", "warn_at_percent = [80, 50, 0]")
        .replacen(r#"default = "minor""#, r#"default = "trivial""#, 1)
        .replacen(r#"role = "boss" }"#, r#"role = "nobody" }"#, 1)
        .replacen(r#"when = { media_exposure = true }"#, r#"when = { all = [{ category = ["services"] }, { any = [] }, { collective_at_least = 0 }] }"#, 1)
        .replacen("[approval]", "[[escalation]]\nid = \"up\"\nafter = { breach_of = \"reply\" }\n\n[approval]", 1);
    let err = Policy::from_toml_str(&text).unwrap_err();
    let PolicyError::Invalid { problems } = &err else {
        panic!("expected Invalid, got {err:?}");
    };
    assert!(problems.len() >= 8, "{err}");
    insta::assert_snapshot!(err.to_string());
}

#[test]
fn typo_in_a_field_is_a_parse_error_with_position() {
    let text = broken("warn_at_percent", "warn_at_percnet");
    let err = Policy::from_toml_str(&text).unwrap_err();
    let PolicyError::Parse {
        line,
        column,
        message,
        ..
    } = &err
    else {
        panic!("expected Parse, got {err:?}");
    };
    assert_eq!(*line, Some(48));
    assert_eq!(*column, Some(1));
    assert!(message.contains("warn_at_percnet"), "{message}");
    insta::assert_snapshot!(err.to_string());
}

#[test]
fn bad_duration_is_a_parse_error_saying_what_is_accepted() {
    let text = broken(r#"minor = "30 minutes""#, r#"minor = "30 workdays""#);
    let err = Policy::from_toml_str(&text).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("\"30 workdays\" is not a duration"),
        "{message}"
    );
    assert!(message.contains("15个工作日"), "{message}");
}

#[test]
fn newer_schema_version_is_a_clear_error() {
    let text = broken(
        "schema_version = 1",
        "schema_version = 3\nnew_section = { x = 1 }",
    );
    let err = Policy::from_toml_str(&text).unwrap_err();
    assert_eq!(
        err,
        PolicyError::UnsupportedSchemaVersion {
            found: 3,
            supported: 2
        }
    );
    let json = r#"{ "schema_version": 7, "id": "x" }"#;
    assert!(matches!(
        Policy::from_json_str(json),
        Err(PolicyError::UnsupportedSchemaVersion { found: 7, .. })
    ));
}

#[test]
fn json_parse_error_has_a_position() {
    let err = Policy::from_json_str("{\n  \"schema_version\": 1,\n  \"id\": 5\n}").unwrap_err();
    let PolicyError::Parse { line, column, .. } = &err else {
        panic!("expected Parse, got {err:?}");
    };
    assert_eq!(*line, Some(3));
    assert!(column.is_some());
}

#[test]
fn calendar_problems_are_reported_under_calendar() {
    let text = broken(
        "[[roles]]",
        "[calendar]\nbusiness_hours = [{ start = \"12:00\", end = \"08:30\" }]\n\n[[roles]]",
    );
    let out = report(&text);
    assert!(out.starts_with("calendar.business_hours[0]: "), "{out}");
}

#[test]
fn a_limit_longer_than_any_complaint_is_refused_with_its_path() {
    let text = broken(r#"minor = "30 minutes""#, r#"minor = "4294967295 hours""#);
    insta::assert_snapshot!(report(&text), @"milestones[0].targets.minor: 4294967295 hours is longer than any complaint is handled; give at most 87600 hours (ten years)");
    assert!(Policy::from_toml_str(&text).is_err());
    let ok = broken(r#"minor = "30 minutes""#, r#"minor = "87600 hours""#);
    assert!(Policy::from_toml_str(&ok).is_ok());
}

#[test]
fn self_approval_and_recused_actions_are_warned_about() {
    let text = broken(
        r#"extension = "boss""#,
        "extension = \"boss\"\nallow_self_approval = true",
    )
    .replacen(
        "[recusal]\nrespondent = true\n",
        "[recusal]\nallowed_actions = [\"add_note\", \"approve\"]\n",
        1,
    );
    let report = report(&text);
    assert!(
        report.contains("approval.allow_self_approval: a proposer may approve"),
        "{report}"
    );
    assert!(
        report.contains("recusal.allowed_actions[1]: lets a recused person"),
        "{report}"
    );
    assert!(!report.contains("allowed_actions[0]"), "{report}");
}

#[test]
fn an_assignee_clock_starting_before_assignment_needs_a_fallback_owner() {
    let text = broken("fallback_owner = { role = \"clerk\" }\n", "");
    insta::assert_snapshot!(report(&text), @r#"warning: milestones[0].fallback_owner: is missing: the clock is owned by the assignee but starts on "registered", before anyone is assigned, so a breach then has nobody to charge; add e.g. fallback_owner = { role = "complaint_manager" }"#);
}

/// Version 2 added the action events; a file that uses one says so, and a
/// version-1 file that does not still loads.
#[test]
fn action_events_need_schema_version_2() {
    let v1 = broken(
        "stop = [\"replied\"]",
        "stop = [\"replied\", \"customer_contacted\"]",
    );
    let message = report(&v1);
    assert!(
        message.contains("milestones[0].stop[1]")
            && message.contains("`customer_contacted` is an event of schema_version 2"),
        "{message}"
    );
    let v1_role = broken(
        "actions = [\"register\", \"accept\", \"reply\"]",
        "actions = [\"register\", \"accept\", \"reply\", \"record_action\"]",
    );
    assert!(report(&v1_role).contains("roles[0].actions[3]"));
    let v2 = v1
        .replacen("schema_version = 1", "schema_version = 2", 1)
        .replacen("\"reply\"]", "\"reply\", \"record_action\"]", 1);
    let p = Policy::from_toml_str(&v2).unwrap();
    assert!(
        p.milestones[0]
            .stop
            .contains(&ClockEvent::CustomerContacted)
    );
    assert!(Policy::from_toml_str(BASE).is_ok(), "version 1 still loads");
    let loosening = broken(
        "stop = [\"replied\"]",
        "stop = [\"replied\"]\nloosen_on_reclassify = true",
    );
    assert!(
        report(&loosening).contains("milestones[0].loosen_on_reclassify"),
        "{}",
        report(&loosening)
    );
}

/// `late_entries` (issue 12 item 5, ruling 27): only actions that record
/// something done, each once, within a bounded limit; a policy without the
/// section loads as before and allows nothing late.
#[test]
fn late_entries_are_checked_with_their_paths() {
    use tousu_policy::Action;
    let ok = format!(
        "{BASE}\n[[late_entries]]\nactions = [\"reply\", \"add_note\"]\nwithin = \"1 working day\"\n"
    );
    let p = Policy::from_toml_str(&ok).unwrap();
    assert_eq!(
        p.late_entry(Action::AddNote).map(|e| e.within.to_string()),
        Some("1 working day".to_owned())
    );
    assert!(p.late_entry(Action::Approve).is_none());
    assert!(Policy::from_toml_str(BASE).unwrap().late_entries.is_empty());
    let bad = format!(
        "{BASE}\n[[late_entries]]\nactions = [\"reply\", \"approve\"]\nwithin = \"24 hours\"\n\n[[late_entries]]\nactions = [\"reply\"]\nwithin = \"100000 hours\"\n\n[[late_entries]]\nactions = []\nwithin = \"1 hour\"\n"
    );
    insta::assert_snapshot!(report(&bad), @r"
    late_entries[0].actions[1]: `approve` is a decision taken when it is recorded, never a late entry; actions that may be recorded late are investigate, record_findings, reply, record_callback, add_note, record_action
    late_entries[1].actions[0]: `reply` is already in late_entries[0]; give each action one limit
    late_entries[1].within: 100000 hours is longer than any complaint is handled; give at most 87600 hours (ten years)
    late_entries[2].actions: is empty; name the actions that may be recorded late, among investigate, record_findings, reply, record_callback, add_note, record_action
    ");
}

/// Roles are not bound to staff in a policy, so `policy check` checks that
/// every milestone that can breach resolves to an accountable owner by what
/// the policy alone decides (issue 12 item 15): a first-responder clock
/// needs a fallback (the complaint's first responder is optional), and an
/// owner or fallback role must be one that acts on cases. A reminder never
/// breaches and is not checked.
#[test]
fn every_milestone_that_can_breach_resolves_to_an_accountable_owner() {
    let text = broken(
        "fallback_owner = { role = \"clerk\" }\n",
        "owner = \"first_responder\"\n\n[[milestones]]\nid = \"report\"\nname_zh = \"上报\"\nstart = [\"accepted\"]\nstop = [\"replied\"]\ntarget = \"2 hours\"\nowner = { role = \"auditor\" }\nfallback_owner = { role = \"auditor\" }\n",
    )
    .replacen(
        "[[levels]]",
        "[[roles]]\nid = \"auditor\"\nname_zh = \"审计\"\nactions = [\"view_confidential\"]\n\n[[levels]]",
        1,
    );
    insta::assert_snapshot!(report(&text), @r#"
    warning: milestones[0].fallback_owner: is missing: the clock is owned by the first responder, and a complaint recorded without one (first_responder is optional) has nobody to charge for a breach; add e.g. fallback_owner = { role = "complaint_manager" }
    warning: milestones[1].owner.role: "auditor" is granted no action on a case, so nobody holding it is ever among the staff who acted on one: a breach is charged to a holder only when the complaint's first responder holds it; name a role that handles cases
    warning: milestones[1].fallback_owner.role: "auditor" is granted no action on a case, so nobody holding it is ever among the staff who acted on one: a breach is charged to a holder only when the complaint's first responder holds it; name a role that handles cases
    "#);
    let reminder = text
        .replacen("schema_version = 1", "schema_version = 2", 1)
        .replacen(
            "target = \"2 hours\"\n",
            "target = \"2 hours\"\nreminder = true\n",
            1,
        );
    let report = report(&reminder);
    assert!(!report.contains("milestones[1]"), "{report}");
}

/// The penalty options of issue 13 item 8 are schema 2; a milestone's own
/// fine names a milestone of the policy.
#[test]
fn penalty_extensions_need_schema_version_2_and_known_milestones() {
    let extended = format!(
        "{BASE}\n[penalties.overtime_by_milestone.dispatch]\namount = \"30\"\n\
         [penalties.custom_sanctions.off_line]\nname_zh = \"责令下机学习\"\n\
         [penalties.losses]\nscaled = {{ percent = \"10\" }}\n"
    );
    let message = report(&extended);
    for path in [
        "penalties.overtime_by_milestone: is an option of schema_version 2",
        "penalties.custom_sanctions: is an option of schema_version 2",
        "penalties.losses.scaled: is an option of schema_version 2",
        "penalties.overtime_by_milestone.dispatch: \"dispatch\" is not a milestone; milestones are first_response",
    ] {
        assert!(message.contains(path), "{path} in {message}");
    }
    let v2 = extended
        .replacen("schema_version = 1", "schema_version = 2", 1)
        .replace(
            "overtime_by_milestone.dispatch",
            "overtime_by_milestone.first_response",
        );
    let p = Policy::from_toml_str(&v2).unwrap();
    let s = p.penalties.unwrap();
    assert_eq!(s.overtime_by_milestone.len(), 1);
    assert_eq!(s.losses.scaled.unwrap().percent.to_string(), "10");
}

/// `penalties.losses.departments` (ruling 127) is schema 2's; each rule
/// names roles of the policy, each once, and at least one.
#[test]
fn department_loss_rules_name_the_policys_roles() {
    let rules = format!(
        "{BASE}\n[penalties.losses]\n\
         [[penalties.losses.departments]]\nroles = [\"boss\", \"nobody\", \"boss\"]\nsplit = \"not_money\"\n\
         [[penalties.losses.departments]]\nroles = []\nsplit = \"equal\"\n"
    );
    let message = report(&rules);
    for path in [
        "penalties.losses.departments: is an option of schema_version 2",
        "penalties.losses.departments[0].roles[1]",
        "penalties.losses.departments[0].roles[2]: boss is listed twice",
        "penalties.losses.departments[1].roles: is empty",
    ] {
        assert!(message.contains(path), "{path} in {message}");
    }
    let v2 = format!(
        "{BASE}\n[[penalties.losses.departments]]\nroles = [\"clerk\"]\nsplit = \"equal\"\n"
    )
    .replacen("schema_version = 1", "schema_version = 2", 1);
    let p = Policy::from_toml_str(&v2).unwrap();
    let s = p.penalties.unwrap();
    assert_eq!(s.losses.departments.len(), 1);
    assert_eq!(
        s.losses.departments[0].split,
        tousu_policy::DepartmentLossSplit::Equal
    );
}

/// Without a `[recusal]` table the default applies, and the check says so,
/// naming how to state it either way; a stated table, even the default one,
/// is not warned about, and a round trip keeps the difference.
#[test]
fn implied_recusal_is_a_warning_that_names_the_choice() {
    let implied = broken("[recusal]\nrespondent = true\n", "");
    let p = Policy::from_toml_str(&implied).unwrap();
    assert!(p.recusal.is_implied() && p.recusal.respondent);
    let warnings = p.check().warnings;
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].path, "recusal");
    assert!(
        warnings[0].message.contains("the default applies")
            && warnings[0].message.contains("respondent = false"),
        "{}",
        warnings[0].message
    );
    let back = Policy::from_toml_str(&p.to_toml_string().unwrap()).unwrap();
    assert!(back.recusal.is_implied());
    assert_eq!(back, p);
    let stated = Policy::from_toml_str(BASE).unwrap();
    assert!(!stated.recusal.is_implied());
    assert!(stated.check().warnings.is_empty());
}

/// Conditional grants, approval rules and sign-off chains, routing and
/// escalation by category: every reference checked with its path, and each
/// is an option of schema 2.
#[test]
fn permissions_approvals_and_routing_are_validated() {
    let text = broken(
        r#"actions = ["register", "accept", "reply"]"#,
        r#"actions = ["register", "accept", "reply"]
grants = [
    { actions = ["close"] },
    { actions = ["register", "approve"], levels = ["huge"], after_escalation = ["nowhere"] },
]"#,
    );
    let text = broken_in(
        &text,
        r#"extension = "boss""#,
        r#"extension = "boss"
sign_off = ["clerk", "clerk", "ghost"]

[[approval.rules]]
id = "big"
levels = ["major"]
remedy_kinds = ["compensation"]
thresholds = [{ up_to = "100", role = "boss" }, { up_to = "50", role = "boss" }]
above = "nobody"

[[approval.rules]]
id = "big"
when = { category = ["cars"] }
above = "boss"

[[routing]]
id = "svc"
categories = ["service", "service"]
handler_role = "ghost"

[[escalation]]
id = "gm"
after = "manual"
categories = ["food"]
notify = ["boss"]"#,
    );
    insta::assert_snapshot!(report(&text));
}

fn broken_in(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "the policy has no {from:?}");
    text.replacen(from, to, 1)
}

/// `named_actions` (ruling 29) is a schema-2 option, and on a milestone whose
/// `stop` lists no recorded action it names nothing: a warning.
#[test]
fn named_actions_needs_schema_2_and_an_action_to_name() {
    let named = broken(
        "fallback_owner = { role = \"clerk\" }\n",
        "fallback_owner = { role = \"clerk\" }\nnamed_actions = true\n",
    );
    insta::assert_snapshot!(report(&named), @r#"
    milestones[0].named_actions: is an option of schema_version 2; write schema_version = 2
    warning: milestones[0].named_actions: is set, but `stop` lists no recorded action (customer_contacted, work_completed, report_submitted, verification_done, customer_visited, instruction_given, approval_requested, approval_given): nothing names it
    "#);
    let v2 = named
        .replacen("schema_version = 1", "schema_version = 2", 1)
        .replacen(
            "stop = [\"replied\"]",
            "stop = [\"replied\", \"report_submitted\"]",
            1,
        )
        .replacen("\"reply\"]", "\"reply\", \"record_action\"]", 1);
    let p = Policy::from_toml_str(&v2).unwrap();
    assert!(p.milestones[0].named_actions);
    assert!(p.check().warnings.is_empty(), "{}", p.check());
    let back = Policy::from_toml_str(&p.to_toml_string().unwrap()).unwrap();
    assert!(back.milestones[0].named_actions);
}

/// A step taken on a recorded fact (ruling 30) is a schema-2 trigger; it
/// loads, shows and round-trips in schema 2.
#[test]
fn fact_recorded_trigger_needs_schema_2() {
    let step = format!(
        "{BASE}\n[[escalation]]\nid = \"late-known\"\nafter = {{ fact_recorded = \"cannot_handle_in_time\" }}\nnotify = [\"boss\"]\n"
    );
    let message = report(&step);
    assert!(
        message.contains(
            "escalation[0].after.fact_recorded: is a trigger of schema_version 2; write schema_version = 2"
        ),
        "{message}"
    );
    let p = Policy::from_toml_str(&step.replacen("schema_version = 1", "schema_version = 2", 1))
        .unwrap();
    assert_eq!(
        p.escalation[0].after.to_string(),
        "fact cannot_handle_in_time recorded"
    );
    let back = Policy::from_toml_str(&p.to_toml_string().unwrap()).unwrap();
    assert_eq!(back.escalation[0].after, p.escalation[0].after);
}

/// `rounds.advice_zh` (S09 第七条) is a schema-2 option, not blank, and
/// pointless where the case never closes unsatisfied (`until_satisfied`);
/// it loads and round-trips in schema 2.
#[test]
fn rounds_advice_is_validated() {
    let exhausted = "when_exhausted = \"close_unsatisfied\"\n";
    let advised = broken(
        exhausted,
        "when_exhausted = \"close_unsatisfied\"\nadvice_zh = \" \"\n",
    );
    insta::assert_snapshot!(report(&advised), @r#"
    rounds.advice_zh: is an option of schema_version 2; write schema_version = 2
    rounds.advice_zh: is blank; write e.g. "可以向相关行业协会或政府监管部门申请仲裁"
    "#);
    let v2 = advised
        .replacen("schema_version = 1", "schema_version = 2", 1)
        .replacen("advice_zh = \" \"", "advice_zh = \"可以申请仲裁\"", 1);
    let p = Policy::from_toml_str(&v2).unwrap();
    assert_eq!(p.rounds.advice_zh.as_deref(), Some("可以申请仲裁"));
    let back = Policy::from_toml_str(&p.to_toml_string().unwrap()).unwrap();
    assert_eq!(back.rounds, p.rounds);
    let until = v2.replacen("\"close_unsatisfied\"", "\"until_satisfied\"", 1);
    assert!(
        report(&until).contains(
            "rounds.advice_zh: is given when the rounds run out and the case closes unsatisfied, which \"until_satisfied\" never does"
        ),
        "{}",
        report(&until)
    );
}

/// `record_sign_offs` (S04 一4, S12 第五条(七)) is a schema-2 section: each
/// record one chain, of roles that exist, not empty; a chain role that may
/// not `sign_record` is an invariant error, since the chain never completes.
#[test]
fn record_sign_offs_are_validated() {
    let chains = format!(
        "{BASE}\n[[record_sign_offs]]\nrecord = \"callback\"\nchain = [\"boss\", \"nobody\"]\n\n[[record_sign_offs]]\nrecord = \"callback\"\nchain = []\n"
    );
    insta::assert_snapshot!(report(&chains), @r#"
    record_sign_offs[0]: is an option of schema_version 2; write schema_version = 2
    record_sign_offs[0].chain[1]: "nobody" is not a role; roles are clerk, boss
    record_sign_offs[1]: is an option of schema_version 2; write schema_version = 2
    record_sign_offs[1].record: callback is already signed by record_sign_offs[0]; give each record one chain
    record_sign_offs[1].chain: is empty; name the roles who sign, in order, e.g. ["cs_manager", "general_manager"]
    "#);
    let good = format!(
        "{}\n[[record_sign_offs]]\nrecord = \"findings\"\nchain = [\"boss\"]\n",
        BASE.replacen("schema_version = 1", "schema_version = 2", 1)
    );
    let p = Policy::from_toml_str(&good).unwrap();
    let back = Policy::from_toml_str(&p.to_toml_string().unwrap()).unwrap();
    assert_eq!(back.record_sign_offs, p.record_sign_offs);
    let unsigned: Vec<String> = tousu_policy::check_invariants(&p)
        .iter()
        .filter(|f| f.invariant == "record_sign_off_completes")
        .map(|f| format!("{}: {}", f.path, f.message))
        .collect();
    assert_eq!(
        unsigned,
        [
            "record_sign_offs[0].chain[0]: role boss signs the findings record but may not `sign_record`, so the chain never completes and every propose_solution is refused; grant it"
        ]
    );
    let granted = good.replacen(
        "actions = [\"approve\", \"approve_extension\"]",
        "actions = [\"approve\", \"approve_extension\", \"sign_record\"]",
        1,
    );
    let p = Policy::from_toml_str(&granted).unwrap();
    assert!(
        tousu_policy::check_invariants(&p)
            .iter()
            .all(|f| f.invariant != "record_sign_off_completes")
    );
}
/// The result report (`record = "result_report"`, ruling 55) is signed
/// before the callback; `required` with no role that may `record_action`
/// would refuse every callback, an invariant error; it reads and writes
/// back unchanged.
#[test]
fn a_result_report_chain_is_checked_and_round_trips() {
    let text = format!(
        "{}\n[[record_sign_offs]]\nrecord = \"result_report\"\nchain = [\"boss\"]\nrequired = true\n",
        BASE.replacen("schema_version = 1", "schema_version = 2", 1)
            .replacen(
                "actions = [\"approve\", \"approve_extension\"]",
                "actions = [\"approve\", \"approve_extension\", \"sign_record\"]",
                1,
            )
    );
    let p = Policy::from_toml_str(&text).unwrap();
    let s = p
        .record_sign_off(tousu_policy::SignedRecord::ResultReport)
        .unwrap();
    assert!(s.required);
    assert_eq!(
        s.record.waiting(),
        tousu_policy::Action::RecordCallback,
        "the callback waits for it"
    );
    let back = Policy::from_toml_str(&p.to_toml_string().unwrap()).unwrap();
    assert_eq!(back.record_sign_offs, p.record_sign_offs);
    let findings = |p: &Policy| -> Vec<String> {
        tousu_policy::check_invariants(p)
            .iter()
            .filter(|f| f.invariant == "record_sign_off_completes")
            .map(|f| format!("{}: {}", f.path, f.message))
            .collect()
    };
    assert_eq!(
        findings(&p),
        [
            "record_sign_offs[0].required: the result_report record is required but no role may `record_action`, so it is never made and every record_callback is refused; grant record_action to the role that makes it"
        ]
    );
    let made = text.replacen(
        "actions = [\"register\", \"accept\", \"reply\"]",
        "actions = [\"register\", \"accept\", \"reply\", \"record_action\"]",
        1,
    );
    assert!(findings(&Policy::from_toml_str(&made).unwrap()).is_empty());
}

/// A step taken when the case reaches a level (ruling 38) is a schema-2
/// trigger, names its levels and raises no level itself.
#[test]
fn level_reached_trigger_names_its_levels() {
    let step = format!(
        "{BASE}\n[[escalation]]\nid = \"boss-on-major\"\nafter = \"level_reached\"\nlevels = [\"major\"]\ntake_over = \"boss\"\n"
    );
    let message = report(&step);
    assert!(
        message.contains(
            "escalation[0].after: \"level_reached\" is a trigger of schema_version 2; write schema_version = 2"
        ),
        "{message}"
    );
    let v2 = step.replacen("schema_version = 1", "schema_version = 2", 1);
    let p = Policy::from_toml_str(&v2).unwrap();
    assert_eq!(p.escalation[0].after.to_string(), "level reached");
    let back = Policy::from_toml_str(&p.to_toml_string().unwrap()).unwrap();
    assert_eq!(back.escalation[0].after, p.escalation[0].after);

    let every_level = report(&v2.replacen("levels = [\"major\"]\n", "", 1));
    assert!(
        every_level.contains("escalation[0].levels: is empty, but a \"level_reached\" step"),
        "{every_level}"
    );
    let raises = report(&v2.replacen(
        "levels = [\"major\"]\n",
        "levels = [\"minor\"]\nreclassify_to = \"major\"\n",
        1,
    ));
    assert!(
        raises.contains("escalation[0].reclassify_to: is set on a \"level_reached\" step"),
        "{raises}"
    );
}

/// A rung of a rounds ladder (ruling 39) is a schema-2 trigger naming a
/// round from 1.
#[test]
fn unsatisfied_round_trigger_counts_from_one() {
    let step = format!(
        "{BASE}\n[[escalation]]\nid = \"boss-after-first-round\"\nafter = {{ unsatisfied_round = 1 }}\ntake_over = \"boss\"\n"
    );
    let message = report(&step);
    assert!(
        message.contains(
            "escalation[0].after.unsatisfied_round: is a trigger of schema_version 2; write schema_version = 2"
        ),
        "{message}"
    );
    let v2 = step.replacen("schema_version = 1", "schema_version = 2", 1);
    let p = Policy::from_toml_str(&v2).unwrap();
    assert_eq!(p.escalation[0].after.to_string(), "round 1 unsatisfied");
    let back = Policy::from_toml_str(&p.to_toml_string().unwrap()).unwrap();
    assert_eq!(back.escalation[0].after, p.escalation[0].after);
    let zero = report(&v2.replacen("unsatisfied_round = 1", "unsatisfied_round = 0", 1));
    assert!(
        zero.contains("escalation[0].after.unsatisfied_round: 0 is not a round"),
        "{zero}"
    );
}

/// The rung after a round in which a deadline was told (ruling 59) is a
/// schema-2 trigger, and survives a round trip.
#[test]
fn unsatisfied_after_deadline_trigger_is_schema_two() {
    let step = format!(
        "{BASE}\n[[escalation]]\nid = \"boss-after-b\"\nafter = \"unsatisfied_after_deadline\"\ntake_over = \"boss\"\n"
    );
    let message = report(&step);
    assert!(
        message.contains(
            "escalation[0].after: unsatisfied_after_deadline is a trigger of schema_version 2; write schema_version = 2"
        ),
        "{message}"
    );
    let v2 = step.replacen("schema_version = 1", "schema_version = 2", 1);
    let p = Policy::from_toml_str(&v2).unwrap();
    assert_eq!(
        p.escalation[0].after.to_string(),
        "unsatisfied after a deadline told"
    );
    let back = Policy::from_toml_str(&p.to_toml_string().unwrap()).unwrap();
    assert_eq!(back.escalation[0].after, p.escalation[0].after);
}

/// A limit counted from an earlier clock's stop (ruling 40) names another
/// milestone of the policy, in schema 2.
#[test]
fn counted_from_names_another_milestone() {
    let text = BASE.replacen(
        "fallback_owner = { role = \"clerk\" }\n",
        "fallback_owner = { role = \"clerk\" }\n\n[[milestones]]\nid = \"answer\"\nname_zh = \"答复\"\nstart = [\"accepted\"]\nstop = [\"replied\"]\ncounted_from = { stop_of = \"first_response\" }\ntarget = \"2 hours\"\n",
        1,
    );
    let message = report(&text);
    assert!(
        message.contains(
            "milestones[1].counted_from: is an option of schema_version 2; write schema_version = 2"
        ),
        "{message}"
    );
    let v2 = text.replacen("schema_version = 1", "schema_version = 2", 1);
    let p = Policy::from_toml_str(&v2).unwrap();
    assert_eq!(
        p.milestones[1].counted_from,
        Some(tousu_policy::CountedFrom::StopOf(
            tousu_policy::MilestoneId::new("first_response").unwrap()
        ))
    );
    let back = Policy::from_toml_str(&p.to_toml_string().unwrap()).unwrap();
    assert_eq!(
        back.milestones[1].counted_from,
        p.milestones[1].counted_from
    );
    let unknown = report(&v2.replacen("stop_of = \"first_response\"", "stop_of = \"dispatch\"", 1));
    assert!(
        unknown.contains("milestones[1].counted_from.stop_of: \"dispatch\" is not a milestone"),
        "{unknown}"
    );
    let itself = report(&v2.replacen("stop_of = \"first_response\"", "stop_of = \"answer\"", 1));
    assert!(
        itself.contains("milestones[1].counted_from.stop_of: names this milestone"),
        "{itself}"
    );
}

/// Fields required at registration (ruling 41) are a schema-2 section; a
/// field listed twice is a warning; the section round-trips.
#[test]
fn registration_requires_fields_in_schema_2() {
    let text = format!(
        "{BASE}\n[registration]\nrequired = [\"complainant_name\", \"contact\", {{ fact = \"relation_to_owner\" }}, \"contact\"]\n"
    );
    let message = report(&text);
    assert!(
        message
            .contains("registration: is a section of schema_version 2; write schema_version = 2"),
        "{message}"
    );
    let v2 = text.replacen("schema_version = 1", "schema_version = 2", 1);
    let twice = report(&v2);
    assert!(
        twice.contains(
            "registration.required[3]: complainant.contact is already required at registration.required[1]"
        ),
        "{twice}"
    );
    let p = Policy::parse_toml(&v2).unwrap();
    let back = Policy::parse_toml(&p.to_toml_string().unwrap()).unwrap();
    assert_eq!(back.registration, p.registration);
    let unknown = Policy::parse_toml(&v2.replacen("\"contact\"]", "\"mobile\"]", 1));
    assert!(unknown.is_err());
}

/// A manual step only some roles take (`by`) is a schema-2 option, names
/// known roles, is refused on a step nobody takes by hand, and is reported
/// by `check_invariants` when none of its roles may escalate.
#[test]
fn a_step_taken_only_by_some_roles() {
    let step = format!(
        "{BASE}\n[[escalation]]\nid = \"to-boss\"\nafter = \"manual\"\nnotify = [\"boss\"]\nby = [\"boss\"]\n"
    );
    let message = report(&step);
    assert!(
        message.contains("escalation[0].by: is an option of schema_version 2"),
        "{message}"
    );
    let v2 = step.replacen("schema_version = 1", "schema_version = 2", 1);
    let unknown = report(&v2.replacen("by = [\"boss\"]", "by = [\"chief\"]", 1));
    assert!(unknown.contains("escalation[0].by[0]"), "{unknown}");
    let breach = report(&v2.replacen(
        "after = \"manual\"",
        "after = { breach_of = \"first_response\" }",
        1,
    ));
    assert!(
        breach.contains("escalation[0].by: is set on a step taken breach of first_response"),
        "{breach}"
    );
    let p = Policy::parse_toml(&v2).unwrap();
    let findings = tousu_policy::check_invariants(&p);
    assert!(
        findings
            .iter()
            .any(|f| f.invariant == "restricted_step_can_be_taken" && f.path == "escalation[0].by"),
        "{findings:?}"
    );
    let granted = v2.replacen(
        "actions = [\"approve\", \"approve_extension\"]",
        "actions = [\"approve\", \"approve_extension\", \"escalate\"]",
        1,
    );
    let p = Policy::parse_toml(&granted).unwrap();
    assert!(
        !tousu_policy::check_invariants(&p)
            .iter()
            .any(|f| f.invariant == "restricted_step_can_be_taken")
    );
}

/// A step closed once another was taken (`not_after`, ruling 136) is a
/// schema-2 option of manual steps, naming another step of the policy.
#[test]
fn a_step_closed_once_another_was_taken() {
    let steps = format!(
        "{BASE}\n[[escalation]]\nid = \"to-boss\"\nafter = \"manual\"\nnotify = [\"boss\"]\nnot_after = [\"to-board\"]\n\n[[escalation]]\nid = \"to-board\"\nafter = \"manual\"\nnotify = [\"boss\"]\n"
    );
    let message = report(&steps);
    assert!(
        message.contains("escalation[0].not_after: is an option of schema_version 2"),
        "{message}"
    );
    let v2 = steps.replacen("schema_version = 1", "schema_version = 2", 1);
    let p = Policy::parse_toml(&v2).unwrap();
    assert_eq!(p.escalation[0].not_after[0].as_str(), "to-board");
    let back = Policy::parse_toml(&p.to_toml_string().unwrap()).unwrap();
    assert_eq!(back.escalation, p.escalation);
    let unknown = report(&v2.replacen(
        "not_after = [\"to-board\"]",
        "not_after = [\"to-bored\"]",
        1,
    ));
    assert!(
        unknown.contains(
            "escalation[0].not_after[0]: \"to-bored\" is not an escalation step; steps are"
        ),
        "{unknown}"
    );
    let itself = report(&v2.replacen("not_after = [\"to-board\"]", "not_after = [\"to-boss\"]", 1));
    assert!(
        itself.contains("escalation[0].not_after[0]: names the step itself"),
        "{itself}"
    );
    let breach = report(&v2.replacen(
        "after = \"manual\"",
        "after = { breach_of = \"first_response\" }",
        1,
    ));
    assert!(
        breach.contains("escalation[0].not_after: is set on a step taken breach of first_response"),
        "{breach}"
    );
}

/// `confidential = true` under `[registration]` is a schema-2 option.
#[test]
fn confidential_by_default_needs_schema_2() {
    let text = format!("{BASE}\n[registration]\nconfidential = true\n");
    assert!(
        report(&text).contains("registration: is a section of schema_version 2"),
        "{}",
        report(&text)
    );
    let v2 = text.replacen("schema_version = 1", "schema_version = 2", 1);
    let p = Policy::from_toml_str(&v2).unwrap();
    assert!(p.registration.as_ref().is_some_and(|r| r.confidential));
}

/// A clock stopped by the findings' validity (ruling 48) is a schema-2
/// option; a validity listed twice is an error at its index, and a list
/// `findings_recorded` already covers, or one of every validity, a
/// warning; the option round-trips.
#[test]
fn stop_on_validity_is_checked_with_paths() {
    let text = BASE.replacen(
        "stop = [\"replied\"]\n",
        "stop = [\"replied\"]\nstop_on_validity = [\"invalid\"]\n",
        1,
    );
    let message = report(&text);
    assert!(
        message.contains(
            "milestones[0].stop_on_validity: is an option of schema_version 2; write schema_version = 2"
        ),
        "{message}"
    );
    let v2 = text.replacen("schema_version = 1", "schema_version = 2", 1);
    let p = Policy::from_toml_str(&v2).unwrap();
    assert_eq!(
        p.milestones[0].stop_on_validity,
        [tousu_model::Validity::Invalid]
    );
    assert!(p.check().warnings.is_empty(), "{}", p.check());
    let back = Policy::from_toml_str(&p.to_toml_string().unwrap()).unwrap();
    assert_eq!(back.milestones[0], p.milestones[0]);
    let twice = report(&v2.replacen("[\"invalid\"]", "[\"invalid\", \"malicious\", \"无效\"]", 1));
    assert!(
        twice.contains("milestones[0].stop_on_validity[2]: \"invalid\" is listed twice"),
        "{twice}"
    );
    let covered = report(&v2.replacen(
        "stop = [\"replied\"]",
        "stop = [\"replied\", \"findings_recorded\"]",
        1,
    ));
    assert!(
        covered.contains(
            "milestones[0].stop_on_validity: changes nothing: `stop` lists `findings_recorded`"
        ),
        "{covered}"
    );
    let every = report(&v2.replacen(
        "[\"invalid\"]",
        "[\"valid\", \"invalid\", \"malicious\"]",
        1,
    ));
    assert!(
        every.contains("milestones[0].stop_on_validity: lists every validity"),
        "{every}"
    );
    let unknown = Policy::parse_toml(&v2.replacen("[\"invalid\"]", "[\"unfounded\"]", 1))
        .unwrap_err()
        .to_string();
    assert!(
        unknown.contains("\"unfounded\" is not a known Validity; accepted: valid"),
        "{unknown}"
    );
}
