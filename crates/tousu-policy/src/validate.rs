//! Validation at load: every cross-reference, range and completeness rule,
//! and warnings, all reported together with their paths.

use std::collections::{BTreeMap, BTreeSet};

use tousu_model::{CategoryId, FactName, LevelId, RoleId};

use crate::authority::{Action, EscalationTrigger, RoundsAllowed, WhenRoundsExhausted};
use crate::calendar::Calendar;
use crate::duration::{Duration, DurationUnit};
use crate::error::Report;
use crate::ids::EscalationId;
use crate::milestone::{CaseAction, ClockEvent, Milestone};
use crate::policy::{POLICY_SCHEMA_VERSION, Policy, parse_offset};
use crate::predicate::Predicate;
use crate::rules::Acceptance;

/// A list of known ids for messages: `a, b, c` (at most 12, then `…`).
pub(crate) fn known<'a>(ids: impl IntoIterator<Item = &'a str>) -> String {
    let mut ids: Vec<&str> = ids.into_iter().collect();
    let mut seen = BTreeSet::new();
    ids.retain(|id| seen.insert(*id));
    if ids.is_empty() {
        return "none are defined".to_owned();
    }
    let mut out = ids.iter().take(12).copied().collect::<Vec<_>>().join(", ");
    if ids.len() > 12 {
        out.push_str(", …");
    }
    out
}

struct Names<'p> {
    levels: Vec<&'p str>,
    roles: Vec<&'p str>,
    categories: Vec<&'p str>,
    milestones: Vec<&'p str>,
}

impl Names<'_> {
    fn level(&self, r: &mut Report, path: &str, id: &LevelId) {
        if !self.levels.contains(&id.as_str()) {
            r.error(
                path,
                format!(
                    "{:?} is not a level; levels are {}",
                    id.as_str(),
                    known(self.levels.iter().copied())
                ),
            );
        }
    }

    fn role(&self, r: &mut Report, path: &str, id: &RoleId) {
        if !self.roles.contains(&id.as_str()) {
            r.error(
                path,
                format!(
                    "{:?} is not a role; roles are {}",
                    id.as_str(),
                    known(self.roles.iter().copied())
                ),
            );
        }
    }

    fn category(&self, r: &mut Report, path: &str, id: &CategoryId) {
        if !self.categories.contains(&id.as_str()) {
            r.error(
                path,
                format!(
                    "{:?} is not a category; categories are {}",
                    id.as_str(),
                    known(self.categories.iter().copied())
                ),
            );
        }
    }
}

/// Reports ids that appear twice, at the later occurrence.
fn duplicates<'a>(r: &mut Report, list: &str, ids: impl IntoIterator<Item = &'a str>) {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, id) in ids.into_iter().enumerate() {
        if let Some(first) = seen.get(id) {
            r.error(
                format!("{list}[{i}].id"),
                format!("{id:?} is already the id of {list}[{first}]; ids must be unique"),
            );
        } else {
            seen.insert(id, i);
        }
    }
}

fn blank(r: &mut Report, path: &str, text: &str, example: &str) {
    if text.trim().is_empty() {
        r.error(path, format!("is blank; write e.g. {example:?}"));
    }
}

/// Everything wrong with `p`.
pub(crate) fn check(p: &Policy) -> Report {
    let mut r = Report::default();
    let names = Names {
        levels: p.levels.iter().map(|l| l.id.as_str()).collect(),
        roles: p.roles.iter().map(|x| x.id.as_str()).collect(),
        categories: p.categories.iter().map(|c| c.id.as_str()).collect(),
        milestones: p.milestones.iter().map(|m| m.id.as_str()).collect(),
    };

    header(p, &mut r);
    schema_2_features(p, &mut r);
    calendar(p, &mut r);
    levels_roles_categories(p, &names, &mut r);
    tables(p, &names, &mut r);
    milestones(p, &names, &mut r);
    rounds_and_escalation(p, &names, &mut r);
    authority(p, &names, &mut r);
    grants(p, &names, &mut r);
    approval_rules(p, &names, &mut r);
    routing(p, &names, &mut r);
    warranties(p, &names, &mut r);
    crate::late_entry::check(p, &mut r);
    crate::record_sign_off::check(p, &mut r);
    crate::closure::check(p, &mut r);
    crate::reply::check(p, &mut r);
    if let Some(when) = p.reply.written.as_ref().and_then(|w| w.when.as_ref()) {
        predicate(p, &names, &mut r, "reply.written.when", when);
    }
    crate::agreed_deadline::check(p, &mut r);
    if let Some(when) = &p.closure.callback_when {
        predicate(p, &names, &mut r, "closure.callback_when", when);
    }
    if let Some(when) = p
        .closure
        .awaits_report
        .as_ref()
        .and_then(|a| a.when.as_ref())
    {
        predicate(p, &names, &mut r, "closure.awaits_report.when", when);
    }
    crate::registration::check(p, &mut r);
    crate::remedy_rules::check(p, &mut r);
    for (i, rule) in p.remedy_rules.iter().enumerate() {
        predicate(
            p,
            &names,
            &mut r,
            &format!("remedy_rules[{i}].when"),
            &rule.when,
        );
    }
    crate::duties::check(p, &mut r);
    crate::stop_on_validity::check(p, &mut r);
    crate::repeat::check(p, &mut r);
    implied_recusal(p, &mut r);
    if let Some(schedule) = &p.penalties {
        r.errors.extend(schedule.validate(&p.level_ids()));
        let fined = schedule
            .overtime_milestones
            .iter()
            .enumerate()
            .map(|(j, m)| (format!("penalties.overtime_milestones[{j}]"), m));
        let priced = schedule
            .overtime_by_milestone
            .keys()
            .map(|m| (format!("penalties.overtime_by_milestone.{m}"), m));
        for (k, rule) in schedule.losses.departments.iter().enumerate() {
            for (j, role) in rule.roles.iter().enumerate() {
                names.role(
                    &mut r,
                    &format!("penalties.losses.departments[{k}].roles[{j}]"),
                    role,
                );
            }
        }
        for (path, m) in fined.chain(priced) {
            if !names.milestones.contains(&m.as_str()) {
                r.error(
                    path,
                    format!(
                        "{:?} is not a milestone; milestones are {}",
                        m.as_str(),
                        known(names.milestones.iter().copied())
                    ),
                );
            }
        }
    }
    r
}

/// A policy without a `[recusal]` table gets the default — the respondent
/// recuses — which its regulation may not say: the author is told, and how
/// to state either choice.
fn implied_recusal(p: &Policy, r: &mut Report) {
    if p.recusal.is_implied() {
        r.warning(
            "recusal",
            "is not stated, so the default applies: the respondent (被投诉人) takes no action on a complaint against them (ruling 18). If the regulation says so, write `[recusal]` with `respondent = true`; if it has no recusal rule and respondents may handle complaints against them, write `respondent = false`",
        );
    }
}

fn header(p: &Policy, r: &mut Report) {
    if p.schema_version == 0 {
        r.error(
            "schema_version",
            format!("0 is not a schema version; write {POLICY_SCHEMA_VERSION}"),
        );
    }
    blank(r, "name", &p.name, "客户投诉处理制度");
}

/// A file that declares schema_version 1 uses nothing version 2 added (the
/// action events and `record_action`), so the version it states is the one a
/// reader needs.
fn schema_2_features(p: &Policy, r: &mut Report) {
    if p.schema_version >= 2 {
        return;
    }
    let v2 = |e: &ClockEvent| {
        matches!(
            e,
            ClockEvent::FactsRecorded | ClockEvent::ResultReportSigned | ClockEvent::Breached
        ) || CaseAction::ALL.iter().any(|a| a.clock_event() == *e)
    };
    for (i, m) in p.milestones.iter().enumerate() {
        let v2_options = [
            ("loosen_on_reclassify", m.loosen_on_reclassify),
            ("reminder", m.reminder),
            ("steps", !m.steps.is_empty()),
            ("named_actions", m.named_actions),
            ("counted_from", m.counted_from.is_some()),
            ("breach_of", m.breach_of.is_some()),
            (
                "owner",
                matches!(
                    m.owner,
                    crate::MilestoneOwner::Holder(_) | crate::MilestoneOwner::RoleHoldingCase(_)
                ),
            ),
            (
                "fallback_owner",
                m.fallback_owner.as_ref().is_some_and(|f| {
                    f.is_chain()
                        || f.owners().iter().any(|o| {
                            matches!(
                                o,
                                crate::MilestoneOwner::Holder(_)
                                    | crate::MilestoneOwner::RoleHoldingCase(_)
                            )
                        })
                }),
            ),
            ("started_by", !m.started_by.is_empty()),
            ("handed_down_by", !m.handed_down_by.is_empty()),
            ("stopped_by", !m.stopped_by.is_empty()),
            ("start_when", !m.start_when.is_any()),
        ];
        for (option, set) in v2_options {
            if set {
                r.error(
                    format!("milestones[{i}].{option}"),
                    "is an option of schema_version 2; write schema_version = 2",
                );
            }
        }
        let lists = [
            ("start", &m.start),
            ("stop", &m.stop),
            ("pause", &m.pause),
            ("resume", &m.resume),
        ];
        for (field, events) in lists {
            for (j, e) in events.iter().enumerate().filter(|(_, e)| v2(e)) {
                r.error(
                    format!("milestones[{i}].{field}[{j}]"),
                    format!("`{e}` is an event of schema_version 2; write schema_version = 2"),
                );
            }
        }
    }
    v2_permissions(p, r);
    for (i, s) in p.escalation.iter().enumerate() {
        if matches!(s.after, EscalationTrigger::FactRecorded(_)) {
            r.error(
                format!("escalation[{i}].after.fact_recorded"),
                "is a trigger of schema_version 2; write schema_version = 2",
            );
        }
        if matches!(s.after, EscalationTrigger::UnsatisfiedRound(_)) {
            r.error(
                format!("escalation[{i}].after.unsatisfied_round"),
                "is a trigger of schema_version 2; write schema_version = 2",
            );
        }
        if s.after == EscalationTrigger::UnsatisfiedAfterDeadline {
            r.error(
                format!("escalation[{i}].after"),
                "unsatisfied_after_deadline is a trigger of schema_version 2; write schema_version = 2",
            );
        }
        if !s.by.is_empty() {
            r.error(
                format!("escalation[{i}].by"),
                "is an option of schema_version 2; write schema_version = 2",
            );
        }
        if !s.not_after.is_empty() {
            r.error(
                format!("escalation[{i}].not_after"),
                "is an option of schema_version 2; write schema_version = 2",
            );
        }
        if s.after == EscalationTrigger::LevelReached {
            r.error(
                format!("escalation[{i}].after"),
                "\"level_reached\" is a trigger of schema_version 2; write schema_version = 2",
            );
        }
    }
    for (i, role) in p.roles.iter().enumerate() {
        for (j, _) in role
            .actions
            .iter()
            .enumerate()
            .filter(|(_, a)| **a == Action::RecordAction)
        {
            r.error(
                format!("roles[{i}].actions[{j}]"),
                "`record_action` is an action of schema_version 2; write schema_version = 2",
            );
        }
    }
    if let Some(s) = &p.penalties {
        let mut v2: Vec<String> = Vec::new();
        if !s.overtime_by_milestone.is_empty() {
            v2.push("penalties.overtime_by_milestone".to_owned());
        }
        if !s.custom_sanctions.is_empty() {
            v2.push("penalties.custom_sanctions".to_owned());
        }
        for (id, v) in &s.violations {
            if !v.outcomes.is_empty() {
                v2.push(format!("penalties.violations.{id}.outcomes"));
            }
            if !v.sanctions.is_empty() {
                v2.push(format!("penalties.violations.{id}.sanctions"));
            }
        }
        if s.losses.scaled.is_some() {
            v2.push("penalties.losses.scaled".to_owned());
        }
        if !s.losses.departments.is_empty() {
            v2.push("penalties.losses.departments".to_owned());
        }
        for path in v2 {
            r.error(
                path,
                "is an option of schema_version 2; write schema_version = 2",
            );
        }
    }
}

fn calendar(p: &Policy, r: &mut Report) {
    if parse_offset(&p.calendar.utc_offset).is_none() {
        r.error(
            "calendar.utc_offset",
            format!(
                "{:?} is not a UTC offset; expected e.g. \"+08:00\"",
                p.calendar.utc_offset
            ),
        );
        return;
    }
    if let Err(e) = Calendar::from_spec(&p.calendar) {
        let text = e.to_string();
        match e.path() {
            Some(path) => {
                let message = text
                    .strip_prefix(&format!("{path}: "))
                    .unwrap_or(&text)
                    .to_owned();
                let full = if path.is_empty() {
                    "calendar".to_owned()
                } else {
                    format!("calendar.{path}")
                };
                r.error(full, message);
            }
            None => r.error("calendar", text),
        }
    }
}

fn levels_roles_categories(p: &Policy, names: &Names<'_>, r: &mut Report) {
    if p.levels.is_empty() {
        r.error(
            "levels",
            "no levels are defined; list at least one, from least to most severe, e.g. { id = \"ordinary\", name_zh = \"一般投诉\" }",
        );
    }
    duplicates(r, "levels", p.levels.iter().map(|l| l.id.as_str()));
    for (i, l) in p.levels.iter().enumerate() {
        blank(r, &format!("levels[{i}].name_zh"), &l.name_zh, "重大投诉");
    }

    if p.roles.is_empty() {
        r.error(
            "roles",
            "no roles are defined; list at least one, e.g. { id = \"complaint_manager\", name_zh = \"客服\", actions = [\"register\", \"accept\"] }",
        );
    }
    duplicates(r, "roles", p.roles.iter().map(|x| x.id.as_str()));
    for (i, role) in p.roles.iter().enumerate() {
        blank(r, &format!("roles[{i}].name_zh"), &role.name_zh, "部门主管");
        crate::hands_over::validate(p, role, &format!("roles[{i}]"), r);
        let mut seen = BTreeSet::new();
        for (j, a) in role.actions.iter().enumerate() {
            if !seen.insert(a) {
                r.warning(
                    format!("roles[{i}].actions[{j}]"),
                    format!("{} is listed twice", serde_plain(a)),
                );
            }
        }
    }

    duplicates(r, "categories", p.categories.iter().map(|c| c.id.as_str()));
    for (i, c) in p.categories.iter().enumerate() {
        blank(
            r,
            &format!("categories[{i}].name_zh"),
            &c.name_zh,
            "服务质量",
        );
        if let Some(parent) = &c.parent {
            names.category(r, &format!("categories[{i}].parent"), parent);
        }
    }
    // Cycles: walk up from each category; report a cycle once, at its first member.
    let index: BTreeMap<&str, usize> = p
        .categories
        .iter()
        .enumerate()
        .rev()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    for (i, c) in p.categories.iter().enumerate() {
        let mut chain = vec![c.id.as_str()];
        let mut members = vec![i];
        let mut current = c;
        while let Some(parent) = &current.parent {
            let Some(&j) = index.get(parent.as_str()) else {
                break;
            };
            chain.push(parent.as_str());
            if j == i {
                if members.iter().all(|&m| m >= i) {
                    r.error(
                        format!("categories[{i}].parent"),
                        format!(
                            "{} is a cycle; a category may not be its own ancestor",
                            chain
                                .iter()
                                .map(|s| format!("{s:?}"))
                                .collect::<Vec<_>>()
                                .join(" → ")
                        ),
                    );
                }
                break;
            }
            if members.contains(&j) {
                break; // a cycle further up, reported from its own member
            }
            members.push(j);
            let Some(next) = p.categories.get(j) else {
                break;
            };
            current = next;
        }
    }
}

fn serde_plain<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

fn predicate(p: &Policy, names: &Names<'_>, r: &mut Report, path: &str, when: &Predicate) {
    when.visit(path, &mut |at, pred| match pred {
        Predicate::All(v) if v.is_empty() => r.error(
            format!("{at}.all"),
            "is empty; list at least one predicate (or use `always = true`)",
        ),
        Predicate::Any(v) if v.is_empty() => r.error(
            format!("{at}.any"),
            "is empty; list at least one predicate (or use `always = false`)",
        ),
        Predicate::Category(cats) => {
            if cats.is_empty() {
                r.error(format!("{at}.category"), "is empty; list at least one category");
            }
            for (i, c) in cats.iter().enumerate() {
                names.category(r, &format!("{at}.category[{i}]"), c);
            }
        }
        Predicate::Channel(v) if v.is_empty() => {
            r.error(format!("{at}.channel"), "is empty; list at least one channel, e.g. [\"phone\"]");
        }
        Predicate::CustomerClass(v) if v.is_empty() => r.error(
            format!("{at}.customer_class"),
            "is empty; list at least one class, e.g. [\"a\", \"key_account\"]",
        ),
        Predicate::CollectiveAtLeast(0) => r.error(
            format!("{at}.collective_at_least"),
            "0 matches every complaint; use 1 or more (e.g. 5 for 五户以上)",
        ),
        Predicate::AmountClaimedAtLeast(m) if m.is_negative() => r.error(
            format!("{at}.amount_claimed_at_least"),
            format!("{} is negative; amounts are 0 or more", m.to_plain_string()),
        ),
        Predicate::Requested(kinds) if kinds.is_empty() => {
            r.error(format!("{at}.requested"), "is empty; list at least one remedy kind, e.g. [\"compensation\"]");
        }
        Predicate::Kind(kinds) if kinds.is_empty() => {
            r.error(format!("{at}.kind"), "is empty; list at least one kind, e.g. [\"complaint\"]");
        }
        Predicate::FactIn(t) if t.values.is_empty() => {
            r.error(format!("{at}.fact_in.values"), "is empty; list at least one value");
        }
        Predicate::HasContact(_) if p.schema_version < 2 => r.error(
            format!("{at}.has_contact"),
            "is a predicate of schema_version 2; write schema_version = 2",
        ),
        Predicate::WarrantyExpired(_) if p.warranties.is_empty() => r.warning(
            format!("{at}.warranty_expired"),
            "the policy has no `warranties` table, so no complaint's warranty is known and this never matches as expired",
        ),
        _ => {}
    });
}

fn tables(p: &Policy, names: &Names<'_>, r: &mut Report) {
    let c = &p.classification;
    names.level(r, "classification.default", &c.default);
    duplicates(
        r,
        "classification.rules",
        c.rules.iter().map(|x| x.id.as_str()),
    );
    let mut catch_all: Option<usize> = None;
    for (i, rule) in c.rules.iter().enumerate() {
        let path = format!("classification.rules[{i}]");
        predicate(p, names, r, &format!("{path}.when"), &rule.when);
        names.level(r, &format!("{path}.level"), &rule.level);
        unreachable(
            r,
            &path,
            &rule.when,
            &mut catch_all,
            i,
            "classification.rules",
        );
    }

    let a = &p.acceptance;
    acceptance_outcome(r, "acceptance.default", &a.default);
    duplicates(r, "acceptance.rules", a.rules.iter().map(|x| x.id.as_str()));
    let mut catch_all = None;
    for (i, rule) in a.rules.iter().enumerate() {
        let path = format!("acceptance.rules[{i}]");
        predicate(p, names, r, &format!("{path}.when"), &rule.when);
        acceptance_outcome(r, &format!("{path}.outcome"), &rule.outcome);
        unreachable(r, &path, &rule.when, &mut catch_all, i, "acceptance.rules");
    }

    let v = &p.validity;
    duplicates(r, "validity.rules", v.rules.iter().map(|x| x.id.as_str()));
    let mut catch_all = None;
    for (i, rule) in v.rules.iter().enumerate() {
        let path = format!("validity.rules[{i}]");
        predicate(p, names, r, &format!("{path}.when"), &rule.when);
        unreachable(r, &path, &rule.when, &mut catch_all, i, "validity.rules");
    }
}

/// Warns about rules after a catch-all (`always = true`).
fn unreachable(
    r: &mut Report,
    path: &str,
    when: &Predicate,
    catch_all: &mut Option<usize>,
    i: usize,
    list: &str,
) {
    if let Some(first) = *catch_all {
        r.warning(
            path,
            format!("is never reached: {list}[{first}] matches every complaint first (rules are tried in order)"),
        );
    } else if *when == Predicate::Always(true) {
        *catch_all = Some(i);
    }
}

/// `rounds.advice_zh` is told only when a case closes unsatisfied, which
/// `until_satisfied` never does.
fn rounds_advice(p: &Policy, r: &mut Report, advice: &str) {
    let path = "rounds.advice_zh";
    if p.schema_version < 2 {
        r.error(
            path,
            "is an option of schema_version 2; write schema_version = 2",
        );
    }
    blank(r, path, advice, "可以向相关行业协会或政府监管部门申请仲裁");
    if p.rounds.when_exhausted == WhenRoundsExhausted::UntilSatisfied {
        r.error(
            path,
            "is given when the rounds run out and the case closes unsatisfied, which \"until_satisfied\" never does; drop it, or use \"close_unsatisfied\"",
        );
    }
}

fn acceptance_outcome(r: &mut Report, path: &str, outcome: &Acceptance) {
    if let Acceptance::NotAccepted {
        reason_zh,
        advice_zh,
    } = outcome
    {
        blank(
            r,
            &format!("{path}.not_accepted.reason_zh"),
            reason_zh,
            "已进入诉讼或仲裁程序",
        );
        blank(
            r,
            &format!("{path}.not_accepted.advice_zh"),
            advice_zh,
            "建议通过仲裁或司法途径解决",
        );
    }
}

/// A duration in seconds when it is plain clock time.
fn clock_seconds(d: Duration) -> Option<u64> {
    match d.unit() {
        DurationUnit::Seconds => Some(u64::from(d.amount())),
        DurationUnit::Minutes => Some(u64::from(d.amount()) * 60),
        DurationUnit::Hours => Some(u64::from(d.amount()) * 3600),
        _ => None,
    }
}

/// `Some(true)` if `a` is longer than `b`, when the two can be compared
/// without a calendar (clock units, or the same unit).
pub(crate) fn longer(a: Duration, b: Duration) -> Option<bool> {
    match (clock_seconds(a), clock_seconds(b)) {
        (Some(x), Some(y)) => Some(x > y),
        _ if a.unit() == b.unit() => Some(a.amount() > b.amount()),
        _ => None,
    }
}

/// The longest time limit a policy may set, per unit: ten years' worth. A
/// complaint is handled in days or weeks; a limit of 4,294,967,295 hours is
/// a typo, and one the calendar cannot count through (its data covers
/// decades, not millennia).
fn longest(unit: DurationUnit) -> u32 {
    match unit {
        DurationUnit::Seconds => 315_360_000,
        DurationUnit::Minutes => 5_256_000,
        DurationUnit::Hours => 87_600,
        DurationUnit::CalendarDays => 3_660,
        DurationUnit::WorkingDays => 2_500,
        DurationUnit::WorkingHours => 20_000,
        DurationUnit::Months => 120,
        // A unit newer than this check: the calendar bounds it when counting.
        _ => u32::MAX,
    }
}

/// A milestone's limit, at `path`, within [`longest`].
pub(crate) fn bounded(r: &mut Report, path: &str, d: Duration) {
    let max = longest(d.unit());
    if d.amount() > max {
        r.error(
            path.to_owned(),
            format!(
                "{d} is longer than any complaint is handled; give at most {max} {} (ten years)",
                d.unit().english(max)
            ),
        );
    }
}

fn milestone_bounds(m: &Milestone, path: &str, r: &mut Report) {
    if let Some(t) = m.target {
        bounded(r, &format!("{path}.target"), t);
    }
    for (level, t) in &m.targets {
        bounded(r, &format!("{path}.targets.{level}"), *t);
    }
    for (j, c) in m.conditional_targets.iter().enumerate() {
        if let Some(t) = c.target {
            bounded(r, &format!("{path}.conditional_targets[{j}].target"), t);
        }
        for (level, t) in &c.targets {
            bounded(
                r,
                &format!("{path}.conditional_targets[{j}].targets.{level}"),
                *t,
            );
        }
    }
    for (j, o) in m.category_overrides.iter().enumerate() {
        if let Some(t) = o.target {
            bounded(r, &format!("{path}.category_overrides[{j}].target"), t);
        }
        for (level, t) in &o.targets {
            bounded(
                r,
                &format!("{path}.category_overrides[{j}].targets.{level}"),
                *t,
            );
        }
    }
}

/// Every breach is charged to someone: each milestone that can breach
/// resolves to an accountable person through its owner or its fallback
/// owner. Roles are not bound to staff in a policy (the roster is given
/// with the cases), so what is checked is what the policy alone decides: an
/// assignee-owned clock that starts before anyone is assigned, a
/// first-responder-owned clock on a complaint recorded without one (the
/// field is optional), and an owner role granted no action on a case, which
/// therefore never has a holder among the staff who acted on it.
fn owners(p: &Policy, m: &Milestone, path: &str, names: &Names<'_>, r: &mut Report) {
    use crate::milestone::{ClockEvent, MilestoneOwner};
    let fallbacks = m
        .fallback_owner
        .as_ref()
        .map_or_else(Vec::new, crate::FallbackOwner::keyed);
    fallback_chain(&m.owner, m.fallback_owner.as_ref(), path, r);
    for (key, owner) in &fallbacks {
        match owner {
            MilestoneOwner::Role(role) => names.role(r, &format!("{path}.{key}.role"), role),
            MilestoneOwner::RoleHoldingCase(h) => {
                names.role(r, &format!("{path}.{key}.role_holding_case"), &h.role);
                held_role(h, &format!("{path}.{key}.role_holding_case"), r);
            }
            _ => {}
        }
    }
    let keyed = std::iter::once(("owner".to_owned(), &m.owner)).chain(fallbacks.iter().cloned());
    for (key, owner) in keyed {
        if let MilestoneOwner::Holder(h) = owner {
            names.role(r, &format!("{path}.{key}.holder.role"), &h.role);
            crate::holder::validate(p, h, &format!("{path}.{key}"), r);
        }
    }
    if m.reminder {
        // A reminder never breaches: there is nothing to charge.
        return;
    }
    let owners = std::iter::once(("owner".to_owned(), &m.owner)).chain(fallbacks);
    for (key, owner) in owners {
        let (field, role) = match owner {
            MilestoneOwner::Role(role) => ("role", role),
            MilestoneOwner::RoleHoldingCase(h) => ("role_holding_case", &h.role),
            _ => continue,
        };
        let acts = p
            .roles
            .iter()
            .find(|x| x.id == *role)
            .map(|x| x.actions.iter().any(|a| *a != Action::ViewConfidential));
        if acts == Some(false) {
            r.warning(
                format!("{path}.{key}.{field}"),
                format!(
                    "{:?} is granted no action on a case, so nobody holding it is ever among the staff who acted on one: a breach is charged to a holder only when the complaint's first responder holds it; name a role that handles cases",
                    role.as_str()
                ),
            );
        }
    }
    let before_assignment = m.start.iter().find(|e| {
        matches!(
            e,
            ClockEvent::Registered | ClockEvent::Accepted | ClockEvent::Classified
        )
    });
    match (&m.owner, before_assignment, &m.fallback_owner) {
        (MilestoneOwner::Assignee, Some(e), None) => r.warning(
            format!("{path}.fallback_owner"),
            format!(
                "is missing: the clock is owned by the assignee but starts on \"{e}\", before anyone is assigned, so a breach then has nobody to charge; add e.g. fallback_owner = {{ role = \"complaint_manager\" }}"
            ),
        ),
        (MilestoneOwner::FirstResponder, _, None) => r.warning(
            format!("{path}.fallback_owner"),
            "is missing: the clock is owned by the first responder, and a complaint recorded without one (first_responder is optional) has nobody to charge for a breach; add e.g. fallback_owner = { role = \"complaint_manager\" }",
        ),
        _ => {}
    }
}

/// The owners of an `[agreed_deadline]` table at `path` (ruling 109),
/// checked as a milestone's are: known roles, holders that can name
/// someone, a fallback list that tries each owner once.
/// A `role_holding_case` owner's `holds` (ruling 172): `false` would read
/// every department as holding the case, which `{ role = "…" }` says.
fn held_role(h: &crate::HeldRole, path: &str, r: &mut Report) {
    if !h.holds.is_set() {
        r.error(
            format!("{path}.holds"),
            format!(
                "`holds = false` counts a holder of {:?} in any department, as `{{ role = {:?} }}` does; name where the case must be (a grant's `holds_case`: true, \"received\", [\"received\", \"sent\"], …; ruling 172) or write the role owner",
                h.role.as_str(),
                h.role.as_str()
            ),
        );
    }
}

pub(crate) fn owner_list(
    p: &Policy,
    owner: &crate::MilestoneOwner,
    fallback: Option<&crate::FallbackOwner>,
    path: &str,
    r: &mut Report,
) {
    let names = Names {
        levels: Vec::new(),
        roles: p.roles.iter().map(|x| x.id.as_str()).collect(),
        categories: Vec::new(),
        milestones: Vec::new(),
    };
    fallback_chain(owner, fallback, path, r);
    let fallbacks = fallback.map_or_else(Vec::new, crate::FallbackOwner::keyed);
    for (key, owner) in std::iter::once(("owner".to_owned(), owner)).chain(fallbacks) {
        match owner {
            crate::MilestoneOwner::Role(role) => names.role(r, &format!("{path}.{key}.role"), role),
            crate::MilestoneOwner::RoleHoldingCase(h) => {
                names.role(r, &format!("{path}.{key}.role_holding_case"), &h.role);
                held_role(h, &format!("{path}.{key}.role_holding_case"), r);
            }
            crate::MilestoneOwner::Holder(h) => {
                names.role(r, &format!("{path}.{key}.holder.role"), &h.role);
                crate::holder::validate(p, h, &format!("{path}.{key}"), r);
            }
            _ => {}
        }
    }
}

/// A fallback list names someone and tries no owner twice (ruling 44).
fn fallback_chain(
    first: &crate::MilestoneOwner,
    fallback: Option<&crate::FallbackOwner>,
    path: &str,
    r: &mut Report,
) {
    let Some(crate::FallbackOwner::Chain(list)) = fallback else {
        return;
    };
    if list.is_empty() {
        r.error(
            format!("{path}.fallback_owner"),
            "is an empty list; name the owners to try in order, e.g. [{ role = \"store_superior\" }, { role = \"store\" }], or leave fallback_owner out",
        );
    }
    for (k, owner) in list.iter().enumerate() {
        if list.iter().take(k).any(|o| o == owner) || owner == first {
            r.error(
                format!("{path}.fallback_owner[{k}]"),
                format!(
                    "{} is tried already (as the owner or earlier in the list); each owner is tried once",
                    match owner {
                        crate::MilestoneOwner::Role(role) => format!("role {:?}", role.as_str()),
                        crate::MilestoneOwner::RoleHoldingCase(h) => {
                            format!("role {:?} holding the case", h.role.as_str())
                        }
                        crate::MilestoneOwner::Holder(h) => format!(
                            "the holder of {:?} among {}",
                            h.role.as_str(),
                            h.among.id()
                        ),
                        other => serde_plain(other),
                    }
                ),
            );
        }
    }
}

fn milestones(p: &Policy, names: &Names<'_>, r: &mut Report) {
    duplicates(r, "milestones", p.milestones.iter().map(|m| m.id.as_str()));
    for (i, m) in p.milestones.iter().enumerate() {
        let path = format!("milestones[{i}]");
        milestone_bounds(m, &path, r);
        blank(r, &format!("{path}.name_zh"), &m.name_zh, "初次对应");
        milestone_events(p, m, &path, r);
        milestone_targets(p, names, m, &path, r);
        let mut last = 0u8;
        for (j, &pct) in m.warn_at_percent.iter().enumerate() {
            if !(1..=99).contains(&pct) {
                r.error(
                    format!("{path}.warn_at_percent[{j}]"),
                    format!("{pct} is not a warning threshold; use a whole percent from 1 to 99 (the breach itself is 100)"),
                );
            } else if pct <= last {
                r.error(
                    format!("{path}.warn_at_percent[{j}]"),
                    format!("{pct} does not follow {last}; list thresholds in ascending order, each once, e.g. [50, 80]"),
                );
            } else {
                last = pct;
            }
        }
        match &m.owner {
            crate::milestone::MilestoneOwner::Role(role) => {
                names.role(r, &format!("{path}.owner.role"), role);
            }
            crate::milestone::MilestoneOwner::RoleHoldingCase(h) => {
                names.role(r, &format!("{path}.owner.role_holding_case"), &h.role);
                held_role(h, &format!("{path}.owner.role_holding_case"), r);
            }
            _ => {}
        }
        owners(p, m, &path, names, r);
        crate::charged::role_owner_charged(p, m, &path, r);
        // A more severe level with a longer limit.
        for (hi_rank, hi) in p.levels.iter().enumerate() {
            let Some(hi_target) = m.level_target(&hi.id) else {
                continue;
            };
            let shorter_below = p.levels.iter().take(hi_rank).rev().find_map(|lo| {
                let lo_target = m.level_target(&lo.id)?;
                longer(hi_target, lo_target)
                    .unwrap_or(false)
                    .then_some((lo, lo_target))
            });
            if let Some((lo, lo_target)) = shorter_below {
                r.warning(
                    format!("{path}.targets.{}", hi.id),
                    format!(
                        "{hi_target} is longer than {lo_target} for the less severe level {:?}; a more severe level usually has a shorter limit (levels are listed from least to most severe)",
                        lo.id.as_str()
                    ),
                );
            }
        }
    }
}

/// Where a milestone counts from (ruling 40): a milestone other than itself.
fn counted_from(p: &Policy, m: &Milestone, path: &str, r: &mut Report) {
    if let Some(from) = &m.counted_from {
        let other = from.milestone();
        if *other == m.id {
            r.error(
                format!("{path}.counted_from.stop_of"),
                "names this milestone; name the earlier clock whose stop the limit counts from",
            );
        } else if p.milestone(other).is_none() {
            r.error(
                format!("{path}.counted_from.stop_of"),
                format!(
                    "{:?} is not a milestone; milestones are {}",
                    other.as_str(),
                    known(p.milestones.iter().map(|x| x.id.as_str()))
                ),
            );
        }
    }
}

/// `start_when = "all"` (ruling 81): at least two start events, each one
/// the round remembers, and no `started_by` (whose actor would it read, the
/// first event's or the last's?). `result_report_signed` anywhere needs the
/// result report's sign-off chain, or it never happens.
fn start_when(p: &Policy, m: &Milestone, path: &str, r: &mut Report) {
    let lists = [
        ("start", &m.start),
        ("stop", &m.stop),
        ("pause", &m.pause),
        ("resume", &m.resume),
    ];
    if p.record_sign_off(crate::SignedRecord::ResultReport)
        .is_none()
    {
        for (field, events) in lists {
            for (j, _) in events
                .iter()
                .enumerate()
                .filter(|(_, e)| **e == ClockEvent::ResultReportSigned)
            {
                r.error(
                    format!("{path}.{field}[{j}]"),
                    "`result_report_signed` never happens: the policy has no sign-off chain for the result report; add [[record_sign_offs]] with record = \"result_report\"",
                );
            }
        }
    }
    if m.start_when.is_any() {
        return;
    }
    if m.start.len() < 2 {
        r.error(
            format!("{path}.start_when"),
            "is \"all\" with fewer than two start events; list the events whose last starts the clock, or drop `start_when`",
        );
    }
    if !m.started_by.is_empty() {
        r.error(
            format!("{path}.start_when"),
            "is \"all\" with `started_by`, whose actor would be unclear (the first event's or the last's); drop one of them",
        );
    }
    let remembered = crate::milestone::StartWhen::REMEMBERED;
    for (j, e) in m.start.iter().enumerate() {
        if !remembered.contains(e) {
            r.error(
                format!("{path}.start[{j}]"),
                format!(
                    "`{e}` is not an event a round remembers, so with start_when = \"all\" the clock could not tell it happened; use {}",
                    known(remembered.iter().map(|e| e.id()))
                ),
            );
        }
    }
}

/// A milestone's events: what starts, stops, pauses and resumes it, and the
/// escalation steps and recorded acts it names.
fn milestone_events(p: &Policy, m: &Milestone, path: &str, r: &mut Report) {
    if m.start.is_empty() {
        r.error(
            format!("{path}.start"),
            "is empty; name the events that start the clock, e.g. [\"registered\"]",
        );
    }
    if m.stop.is_empty() {
        r.error(
            format!("{path}.stop"),
            "is empty; name the events that stop the clock, e.g. [\"replied\"]",
        );
    }
    for (j, step) in m.steps.iter().enumerate() {
        step_ref(p, r, &format!("{path}.steps[{j}]"), step);
    }
    if !m.steps.is_empty()
        && !m.start.contains(&ClockEvent::Escalated)
        && !m.stop.contains(&ClockEvent::Escalated)
    {
        r.warning(
            format!("{path}.steps"),
            "names escalation steps, but neither `start` nor `stop` lists `escalated`: the steps change nothing",
        );
    }
    counted_from(p, m, path, r);
    crate::started_by::validate(p, m, path, r);
    crate::handed_down_by::validate(p, m, path, r);
    crate::breach_of::validate(p, m, path, r);
    start_when(p, m, path, r);
    crate::stopped_by::validate(p, m, path, r);
    if m.named_actions && !m.stop.iter().any(|e| e.action().is_some()) {
        r.warning(
            format!("{path}.named_actions"),
            format!(
                "is set, but `stop` lists no recorded action ({}): nothing names it",
                known(CaseAction::ALL.iter().map(|a| a.clock_event().id()))
            ),
        );
    }
    if !m.pause.is_empty() && m.resume.is_empty() {
        r.warning(
            format!("{path}.resume"),
            "is empty while `pause` is not: a paused clock never resumes; add e.g. [\"extension_ended\"]",
        );
    }
    for (key, list) in [
        ("start", &m.start),
        ("stop", &m.stop),
        ("pause", &m.pause),
        ("resume", &m.resume),
    ] {
        let mut seen = BTreeSet::new();
        for (j, e) in list.iter().enumerate() {
            if !seen.insert(e) {
                r.warning(format!("{path}.{key}[{j}]"), format!("{e} is listed twice"));
            }
        }
    }
}

/// A milestone's limits: per level, under conditions, per category.
fn milestone_targets(p: &Policy, names: &Names<'_>, m: &Milestone, path: &str, r: &mut Report) {
    for level in m.targets.keys() {
        names.level(r, &format!("{path}.targets.{level}"), level);
    }
    if !m.optional && m.target.is_none() {
        for level in &p.levels {
            if !m.targets.contains_key(&level.id) {
                r.error(
                    format!("{path}.targets.{}", level.id),
                    format!(
                        "is missing: milestone {:?} needs a limit for every level (e.g. \"24 hours\"), or `target` for all levels, or `optional = true`",
                        m.id.as_str()
                    ),
                );
            }
        }
    }
    for (j, c) in m.conditional_targets.iter().enumerate() {
        let cpath = format!("{path}.conditional_targets[{j}]");
        predicate(p, names, r, &format!("{cpath}.when"), &c.when);
        for level in c.targets.keys() {
            names.level(r, &format!("{cpath}.targets.{level}"), level);
        }
        if c.targets.is_empty() && c.target.is_none() {
            r.error(
                cpath,
                "gives no limit; add `targets` per level or one `target`",
            );
        }
    }
    if let Some(when) = &m.applies_when {
        predicate(p, names, r, &format!("{path}.applies_when"), when);
    }
    for (j, o) in m.category_overrides.iter().enumerate() {
        let opath = format!("{path}.category_overrides[{j}]");
        names.category(r, &format!("{opath}.category"), &o.category);
        for level in o.targets.keys() {
            names.level(r, &format!("{opath}.targets.{level}"), level);
        }
        if o.targets.is_empty() && o.target.is_none() {
            r.error(
                opath,
                "gives no limit; add `targets` per level or one `target`",
            );
        }
    }
}

fn rounds_and_escalation(p: &Policy, names: &Names<'_>, r: &mut Report) {
    for (level, allowed) in &p.rounds.per_level {
        let path = format!("rounds.per_level.{level}");
        names.level(r, &path, level);
        if *allowed == RoundsAllowed::Limited(0) {
            r.error(
                path,
                "0 rounds allows no handling at all; use 1 or more, or \"unlimited\"",
            );
        }
    }
    if p.rounds.default == RoundsAllowed::Limited(0) {
        r.error(
            "rounds.default",
            "0 rounds allows no handling at all; use 1 or more, or \"unlimited\"",
        );
    }
    let any_limited = p
        .levels
        .iter()
        .any(|l| matches!(p.rounds.allowed(&l.id), RoundsAllowed::Limited(_)));
    let has_exhausted_step = p
        .escalation
        .iter()
        .any(|s| s.after == EscalationTrigger::RoundsExhausted);
    if p.rounds.when_exhausted == WhenRoundsExhausted::UntilSatisfied && p.schema_version < 2 {
        r.error(
            "rounds.when_exhausted",
            "\"until_satisfied\" is an option of schema_version 2; write schema_version = 2",
        );
    }
    if let Some(advice) = &p.rounds.advice_zh {
        rounds_advice(p, r, advice);
    }
    if any_limited
        && p.rounds.when_exhausted == WhenRoundsExhausted::Escalate
        && !has_exhausted_step
    {
        r.warning(
            "rounds.when_exhausted",
            "is \"escalate\" but no escalation step has `after = \"rounds_exhausted\"`; add one, or use \"close_unsatisfied\"",
        );
    }

    duplicates(r, "escalation", p.escalation.iter().map(|s| s.id.as_str()));
    for (i, s) in p.escalation.iter().enumerate() {
        let path = format!("escalation[{i}]");
        if let EscalationTrigger::BreachOf(m) = &s.after
            && !names.milestones.contains(&m.as_str())
        {
            r.error(
                format!("{path}.after.breach_of"),
                format!(
                    "{:?} is not a milestone; milestones are {}",
                    m.as_str(),
                    known(names.milestones.iter().copied())
                ),
            );
        }
        if !s.by.is_empty() && s.after != EscalationTrigger::Manual {
            r.error(
                format!("{path}.by"),
                format!(
                    "is set on a step taken {} — nobody takes it by hand; `by` names who may take a manual step",
                    s.after
                ),
            );
        }
        for (j, role) in s.by.iter().enumerate() {
            names.role(r, &format!("{path}.by[{j}]"), role);
        }
        if !s.not_after.is_empty() && s.after != EscalationTrigger::Manual {
            r.error(
                format!("{path}.not_after"),
                format!(
                    "is set on a step taken {}; `not_after` closes a manual step once a later one was taken",
                    s.after
                ),
            );
        }
        for (j, later) in s.not_after.iter().enumerate() {
            let at = format!("{path}.not_after[{j}]");
            if *later == s.id {
                r.error(at, "names the step itself; a step is taken once anyway");
            } else {
                step_ref(p, r, &at, later);
            }
        }
        if s.after == EscalationTrigger::UnsatisfiedRound(0) {
            r.error(
                format!("{path}.after.unsatisfied_round"),
                "0 is not a round; rounds count from 1 (the first handling)",
            );
        }
        if s.after == EscalationTrigger::LevelReached && s.reclassify_to.is_some() {
            r.error(
                format!("{path}.reclassify_to"),
                "is set on a \"level_reached\" step, which is taken because of the level the case has; raise a level with a classification rule instead",
            );
        }
        if s.after == EscalationTrigger::LevelReached && s.levels.is_empty() {
            r.error(
                format!("{path}.levels"),
                "is empty, but a \"level_reached\" step is taken when a case reaches one of its levels; name them (levels = [\"major\"])",
            );
        }
        for (j, l) in s.levels.iter().enumerate() {
            names.level(r, &format!("{path}.levels[{j}]"), l);
        }
        for (j, c) in s.categories.iter().enumerate() {
            names.category(r, &format!("{path}.categories[{j}]"), c);
        }
        for (j, role) in s.notify.iter().enumerate() {
            names.role(r, &format!("{path}.notify[{j}]"), role);
        }
        if let Some(role) = &s.take_over {
            names.role(r, &format!("{path}.take_over"), role);
        }
        if let Some(level) = &s.reclassify_to {
            names.level(r, &format!("{path}.reclassify_to"), level);
        }
        if s.notify.is_empty() && s.take_over.is_none() && s.reclassify_to.is_none() {
            r.error(
                path,
                "does nothing; add `notify` roles, a `take_over` role or `reclassify_to`",
            );
        }
    }
}

fn authority(p: &Policy, names: &Names<'_>, r: &mut Report) {
    if let Some(a) = &p.approval {
        thresholds(p, names, r, "approval", &a.thresholds);
        approver(p, names, r, "approval.above", &a.above);
        if let Some(role) = &a.extension {
            names.role(r, "approval.extension", role);
            // A grant counts: it approves extensions in the cases it holds for.
            if p.role(role)
                .is_some_and(|x| !x.may_sometimes(Action::ApproveExtension))
            {
                r.warning(
                    "approval.extension",
                    format!("role {:?} approves extensions but may not take the \"approve_extension\" action", role.as_str()),
                );
            }
        }
        if let Some(role) = &a.abnormal_closure {
            names.role(r, "approval.abnormal_closure", role);
        }
    }
    if p.allows_self_approval() {
        r.warning(
            "approval.allow_self_approval",
            "a proposer may approve their own solution or extension; segregation of duties is off",
        );
    }
    if !p.recusal.actions.is_empty() {
        r.warning(
            "recusal.actions",
            "is ignored: a recused person is refused every action but recusal.allowed_actions; remove it",
        );
    }
    for (i, a) in p.recusal.allowed_actions.iter().enumerate() {
        if !matches!(a, Action::AddNote) {
            r.warning(
                format!("recusal.allowed_actions[{i}]"),
                format!("lets a recused person (the respondent, a conflicted colleague) {a} on their own case"),
            );
        }
    }
    for (i, c) in p.recusal.conflicts.iter().enumerate() {
        if c.parties.is_empty() && c.departments.is_empty() {
            r.error(
                format!("recusal.conflicts[{i}]"),
                "names no parties and no departments; list whom the staff member may not handle",
            );
        }
    }
}

/// Grants, approval rules and sign-off chains, routing and escalation by
/// category are schema-2 options.
fn v2_permissions(p: &Policy, r: &mut Report) {
    let mut used: Vec<String> = Vec::new();
    for (i, role) in p.roles.iter().enumerate() {
        if !role.grants.is_empty() {
            used.push(format!("roles[{i}].grants"));
        }
        if !role.hands_over_to.is_empty() {
            used.push(format!("roles[{i}].hands_over_to"));
        }
    }
    if let Some(a) = &p.approval {
        if !a.rules.is_empty() {
            used.push("approval.rules".to_owned());
        }
        if !a.sign_off.is_empty() {
            used.push("approval.sign_off".to_owned());
        }
    }
    if !p.routing.is_empty() {
        used.push("routing".to_owned());
    }
    if p.validity.facts_from != crate::FactsFrom::Investigation {
        used.push("validity.facts_from".to_owned());
    }
    for (i, s) in p.escalation.iter().enumerate() {
        if !s.categories.is_empty() {
            used.push(format!("escalation[{i}].categories"));
        }
    }
    for path in used {
        r.error(
            path,
            "is an option of schema_version 2; write schema_version = 2",
        );
    }
}

/// Thresholds in strictly ascending order, 0 or more, of roles that approve.
fn thresholds(
    p: &Policy,
    names: &Names<'_>,
    r: &mut Report,
    at: &str,
    list: &[crate::authority::ApprovalThreshold],
) {
    let mut previous: Option<(usize, tousu_model::Money)> = None;
    for (i, t) in list.iter().enumerate() {
        let path = format!("{at}.thresholds[{i}]");
        if t.up_to.is_negative() {
            r.error(
                format!("{path}.up_to"),
                format!(
                    "{} is negative; amounts are 0 or more",
                    t.up_to.to_plain_string()
                ),
            );
        }
        if let Some((j, prev)) = previous
            && t.up_to <= prev
        {
            r.error(
                format!("{path}.up_to"),
                format!(
                    "{} is not above {at}.thresholds[{j}].up_to ({}); list thresholds in strictly ascending order",
                    t.up_to.to_plain_string(),
                    prev.to_plain_string()
                ),
            );
        }
        previous = Some((i, t.up_to));
        approver(p, names, r, &format!("{path}.role"), &t.role);
    }
}

/// A role that approves exists and may take `approve`, always or by a grant.
fn approver(p: &Policy, names: &Names<'_>, r: &mut Report, path: &str, role: &RoleId) {
    names.role(r, path, role);
    if p.role(role)
        .is_some_and(|x| !x.may_sometimes(Action::Approve))
    {
        r.warning(
            path,
            format!("role {:?} approves amounts but may not take the \"approve\" action; add it to its actions", role.as_str()),
        );
    }
}

/// A sign-off chain: roles that exist and approve, none twice in a row (a
/// role may come back later in the chain, ruling 43).
fn sign_off(p: &Policy, names: &Names<'_>, r: &mut Report, at: &str, chain: &[RoleId]) {
    let mut before: Option<&RoleId> = None;
    for (i, role) in chain.iter().enumerate() {
        let path = format!("{at}.sign_off[{i}]");
        approver(p, names, r, &path, role);
        if before == Some(role) {
            r.error(
                path,
                format!(
                    "{:?} signs at the position before too; a role may come back later in the chain, after another role, but not twice in a row",
                    role.as_str()
                ),
            );
        }
        before = Some(role);
    }
}

/// Conditional grants: actions, known levels and steps, a checked
/// predicate, and at least one condition.
fn grants(p: &Policy, names: &Names<'_>, r: &mut Report) {
    for (i, role) in p.roles.iter().enumerate() {
        for (j, g) in role.grants.iter().enumerate() {
            let path = format!("roles[{i}].grants[{j}]");
            if g.actions.is_empty() {
                r.error(
                    format!("{path}.actions"),
                    "is empty; list the actions granted, e.g. [\"record_callback\"]",
                );
            }
            if g.actions.contains(&Action::Register) {
                register_grant(g, &path, r);
            }
            if !g.is_conditional() {
                r.error(
                    path.clone(),
                    "has no condition; give `levels`, `statuses`, `after_escalation`, `not_after_escalation`, `replied_since_escalation`, `callback`, `findings_recorded`, `when`, `acts`, `milestones` or `facts`, or list its actions in the role's `actions`",
                );
            }
            if g.limits_acts() {
                act_limits(p, g, &path, r);
            }
            if let Some(facts) = &g.facts {
                fact_limits(p, g, facts, &path, r);
            }
            crate::grant_steps::validate(p, role, g, &path, r);
            crate::reached::validate(g, &path, r);
            for (k, l) in g.levels.iter().enumerate() {
                names.level(r, &format!("{path}.levels[{k}]"), l);
            }
            for (k, step) in g.after_escalation.iter().enumerate() {
                step_ref(p, r, &format!("{path}.after_escalation[{k}]"), step);
            }
            for (k, step) in g.not_after_escalation.iter().enumerate() {
                step_ref(p, r, &format!("{path}.not_after_escalation[{k}]"), step);
            }
            if p.schema_version < 2 && !g.replied_since_escalation.is_empty() {
                r.error(
                    format!("{path}.replied_since_escalation"),
                    "is an option of schema_version 2; write schema_version = 2",
                );
            }
            for (k, step) in g.replied_since_escalation.iter().enumerate() {
                step_ref(p, r, &format!("{path}.replied_since_escalation[{k}]"), step);
            }
            if let Some(when) = &g.when {
                predicate(p, names, r, &format!("{path}.when"), when);
            }
        }
    }
}

/// A grant of `register` (ruling 137): a registration has no case yet, so
/// it may test only what the registration says — the complaint (`when`)
/// and the level its classification gives (`levels`).
fn register_grant(g: &crate::authority::Grant, path: &str, r: &mut Report) {
    let case_only = [
        ("statuses", !g.statuses.is_empty()),
        ("reached", g.reached.is_some()),
        ("after_escalation", !g.after_escalation.is_empty()),
        ("not_after_escalation", !g.not_after_escalation.is_empty()),
        (
            "replied_since_escalation",
            !g.replied_since_escalation.is_empty(),
        ),
        ("callback", !g.callback.is_empty()),
        ("findings_recorded", g.findings_recorded),
        ("holds_case", g.holds_case.is_set()),
        ("after_acts", !g.after_acts.is_empty()),
        ("acts", !g.acts.is_empty()),
        ("milestones", !g.milestones.is_empty()),
    ];
    for (field, set) in case_only {
        if set {
            r.error(
                format!("{path}.{field}"),
                "a grant of `register` tests what the registration says, before there is a case: only `when` (the complaint: category, channel, facts) and `levels` (the level its classification gives); move `register` to a grant of its own",
            );
        }
    }
}

/// A grant's `acts` and `milestones`: on a grant of `record_action` alone,
/// naming clocks that an act it admits stops.
fn act_limits(p: &Policy, g: &crate::authority::Grant, path: &str, r: &mut Report) {
    if g.actions.iter().any(|a| *a != Action::RecordAction) {
        let field = if g.acts.is_empty() {
            "milestones"
        } else {
            "acts"
        };
        r.error(
            format!("{path}.{field}"),
            "limits the acts `record_action` records, so the grant lists only \"record_action\" in `actions`; give the other actions a grant of their own",
        );
    }
    let kinds: &[CaseAction] = if g.acts.is_empty() {
        CaseAction::ALL
    } else {
        &g.acts
    };
    for (k, id) in g.milestones.iter().enumerate() {
        let at = format!("{path}.milestones[{k}]");
        let Some(m) = p.milestones.iter().find(|m| m.id == *id) else {
            r.error(
                at,
                format!(
                    "{:?} is not a milestone; milestones are {}",
                    id.as_str(),
                    known(p.milestones.iter().map(|m| m.id.as_str()))
                ),
            );
            continue;
        };
        if !kinds.iter().any(|a| m.stop.contains(&a.clock_event())) {
            let kinds: Vec<String> = kinds.iter().map(ToString::to_string).collect();
            r.error(
                at,
                format!(
                    "{:?} stops on none of the acts {}: an act naming it would be refused; name a clock whose `stop` lists one of them",
                    id.as_str(),
                    kinds.join(", ")
                ),
            );
        }
    }
}

/// A grant's `facts` (ruling 150): on a grant of `record_findings` alone,
/// naming facts some rule of the policy reads (a misspelt name would
/// refuse the fact meant and admit one nothing reads).
fn fact_limits(
    p: &Policy,
    g: &crate::authority::Grant,
    facts: &[FactName],
    path: &str,
    r: &mut Report,
) {
    if g.actions.iter().any(|a| *a != Action::RecordFindings) {
        r.error(
            format!("{path}.facts"),
            "limits the facts `record_facts` records, so the grant lists only \"record_findings\" in `actions`; give the other actions a grant of their own",
        );
    }
    let read = facts_read(p);
    for (k, name) in facts.iter().enumerate() {
        if !read.contains(name.as_str()) {
            r.warning(
                format!("{path}.facts[{k}]"),
                format!(
                    "{:?} is read by no rule of the policy (no `fact_true`, `fact_in`, `fact_at_least`, `fact_at_most` or `fact_recorded` names it), so recording it changes nothing; facts read: {}",
                    name.as_str(),
                    known(read.iter().map(String::as_str))
                ),
            );
        }
    }
}

/// The names of the facts the policy's rules read: every predicate
/// (`fact_true`, `fact_in`, `fact_at_least`, `fact_at_most`) and every
/// step taken on a fact (`fact_recorded`), wherever the file has them —
/// read from the policy's serialized form, so a rule added later is seen.
fn facts_read(p: &Policy) -> BTreeSet<String> {
    fn walk(v: &serde_json::Value, out: &mut BTreeSet<String>) {
        match v {
            serde_json::Value::Object(map) => {
                for (key, value) in map {
                    let name = match (key.as_str(), value) {
                        ("fact_true" | "fact_recorded", serde_json::Value::String(n)) => {
                            Some(n.as_str())
                        }
                        (
                            "fact_in" | "fact_at_least" | "fact_at_most",
                            serde_json::Value::Object(t),
                        ) => t.get("name").and_then(serde_json::Value::as_str),
                        _ => None,
                    };
                    if let Some(n) = name {
                        out.insert(n.to_owned());
                    }
                    walk(value, out);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    if let Ok(v) = serde_json::to_value(p) {
        walk(&v, &mut out);
    }
    out
}

/// Approval rules and sign-off chains.
fn approval_rules(p: &Policy, names: &Names<'_>, r: &mut Report) {
    let Some(a) = &p.approval else {
        return;
    };
    sign_off(p, names, r, "approval", &a.sign_off);
    duplicates(r, "approval.rules", a.rules.iter().map(|x| x.id.as_str()));
    for (i, rule) in a.rules.iter().enumerate() {
        let path = format!("approval.rules[{i}]");
        for (k, l) in rule.levels.iter().enumerate() {
            names.level(r, &format!("{path}.levels[{k}]"), l);
        }
        if let Some(when) = &rule.when {
            predicate(p, names, r, &format!("{path}.when"), when);
        }
        if let Some(over) = rule.amount_over.filter(|m| m.is_negative()) {
            r.error(
                format!("{path}.amount_over"),
                format!(
                    "{} is negative; amounts are 0 or more (\"0\" for every amount above zero)",
                    over.to_plain_string()
                ),
            );
        }
        thresholds(p, names, r, &path, &rule.thresholds);
        approver(p, names, r, &format!("{path}.above"), &rule.above);
        sign_off(p, names, r, &path, &rule.sign_off);
    }
}

/// Routes: known categories and roles, each category routed once.
fn routing(p: &Policy, names: &Names<'_>, r: &mut Report) {
    duplicates(r, "routing", p.routing.iter().map(|x| x.id.as_str()));
    let mut routed: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, route) in p.routing.iter().enumerate() {
        let path = format!("routing[{i}]");
        if route.categories.is_empty() {
            r.error(
                format!("{path}.categories"),
                "is empty; list the categories this route handles",
            );
        }
        for (k, c) in route.categories.iter().enumerate() {
            let at = format!("{path}.categories[{k}]");
            names.category(r, &at, c);
            if let Some(first) = routed.insert(c.as_str(), i) {
                r.error(
                    at,
                    format!(
                        "{:?} is already routed by routing[{first}]; route each category once",
                        c.as_str()
                    ),
                );
            }
        }
        names.role(r, &format!("{path}.handler_role"), &route.handler_role);
        for (k, role) in route.support.iter().enumerate() {
            let at = format!("{path}.support[{k}]");
            names.role(r, &at, role);
            if *role == route.handler_role || route.support.iter().take(k).any(|x| x == role) {
                r.error(
                    at,
                    format!(
                        "{:?} is the handler role or listed already; list each supporting (协办) role once, apart from the handler role",
                        role.as_str()
                    ),
                );
            }
        }
    }
}

fn warranties(p: &Policy, names: &Names<'_>, r: &mut Report) {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, w) in p.warranties.iter().enumerate() {
        let path = format!("warranties[{i}].category");
        names.category(r, &path, &w.category);
        if let Some(first) = seen.insert(w.category.as_str(), i) {
            r.error(
                path,
                format!(
                    "{:?} already has a warranty at warranties[{first}]; give each category one",
                    w.category.as_str()
                ),
            );
        }
    }
}

/// A reference to an escalation step (a milestone's `steps`, a grant's
/// `after_escalation` or `not_after_escalation`, a step's `not_after`)
/// names one the policy has.
fn step_ref(p: &Policy, r: &mut Report, path: &str, step: &EscalationId) {
    if !p.escalation.iter().any(|e| e.id == *step) {
        r.error(
            path,
            format!(
                "{:?} is not an escalation step; steps are {}",
                step.as_str(),
                known(p.escalation.iter().map(|e| e.id.as_str()))
            ),
        );
    }
}
