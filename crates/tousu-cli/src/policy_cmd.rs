//! `tousu policy check|schema` and `tousu deadline`.

use std::process::ExitCode;

use chrono::{DateTime, Utc};
use tousu::policy::{AgreedOwners, ClosureCallback, Duration, MilestoneOwner, Policy};
use tousu_serve::docs::{DeadlineDoc, PolicyRef};
use tousu_serve::{ApiError, ErrorKind};

/// `tousu policy check|schema`.
#[derive(clap::Args)]
pub(crate) struct PolicyArgs {
    #[command(subcommand)]
    action: Option<PolicyAction>,
}

#[derive(clap::Subcommand)]
enum PolicyAction {
    /// Validate a policy (TOML, or JSON if FILE ends in .json).
    Check {
        /// The policy file.
        #[arg(value_name = "FILE")]
        file: String,
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print the policy JSON Schema.
    Schema,
}

/// `tousu deadline`: when a time limit from an instant runs out.
#[derive(clap::Args)]
#[command(
    after_help = "A deadline through a year no holiday notice covers is provisional: it counts the\nstatutory holidays (or weekends only, as the policy says) and says so; --calendar\ngives the year's notice as a data file.\n\ne.g. tousu deadline --from 2025-09-30T10:00:00+08:00 --within \"15 working days\""
)]
pub(crate) struct DeadlineArgs {
    /// The policy whose calendar counts (default: the embedded default policy).
    #[arg(long, value_name = "FILE")]
    policy: Option<String>,
    /// A calendar data file (next year's holiday notice) whose years replace
    /// the embedded ones; repeatable.
    #[arg(long, value_name = "DATA_FILE")]
    calendar: Vec<String>,
    /// The start, an RFC 3339 instant.
    #[arg(long, value_name = "RFC3339")]
    from: String,
    /// The time limit, e.g. "15 working days", "24 hours".
    #[arg(long, value_name = "DURATION")]
    within: String,
    /// Print the deadline with its calendar data as JSON.
    #[arg(long)]
    json: bool,
}

/// `tousu policy …`.
pub(crate) fn policy(args: &PolicyArgs) -> ExitCode {
    match &args.action {
        Some(PolicyAction::Check { file, json }) => check(file, *json),
        Some(PolicyAction::Schema) => match serde_json::to_string_pretty(&Policy::json_schema()) {
            Ok(s) => {
                crate::print_line(&s.to_string());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("tousu: policy schema: {e}");
                ExitCode::FAILURE
            }
        },
        None => {
            let mut cmd = crate::command();
            if let Some(page) = cmd.find_subcommand_mut("policy") {
                crate::print_line(&page.render_help().to_string());
            }
            ExitCode::SUCCESS
        }
    }
}

fn check(file: &str, json: bool) -> ExitCode {
    let policy = match Policy::parse_file(file) {
        Ok(p) => p,
        Err(e) => {
            if json {
                return crate::fail(
                    "policy check",
                    &ApiError::invalid(e.to_string()).at(file),
                    true,
                );
            }
            crate::print_line(&format!("{file}: {e}"));
            return ExitCode::FAILURE;
        }
    };
    let doc = tousu_serve::check_policy(&policy, file);
    let report = &doc.report;
    if json {
        match serde_json::to_string(&doc) {
            Ok(text) => crate::print_line(&text),
            Err(e) => return crate::fail("policy check", &ApiError::server(e.to_string()), true),
        }
    } else if report.is_ok() {
        crate::print_text(&summary(&policy).to_string());
        for w in &report.warnings {
            crate::print_line(&format!("warning: {w}"));
        }
        for f in &doc.findings {
            crate::print_line(&format!(
                "invariant: {} [{}] {}: {}",
                f.severity.as_str(),
                f.invariant,
                f.path,
                f.message
            ));
        }
    } else {
        crate::print_text(&report.to_string());
        crate::print_line(&format!(
            "{file}: {} error(s), {} warning(s); the policy was not accepted",
            report.errors.len(),
            report.warnings.len()
        ));
    }
    if report.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The one-screen summary of a valid policy.
fn summary(p: &Policy) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "OK: policy {} version {} \"{}\", effective {}",
        p.id, p.version, p.name, p.effective_date
    );
    let levels: Vec<String> = p
        .levels
        .iter()
        .map(|l| format!("{} {}", l.id, l.name_zh))
        .collect();
    let _ = writeln!(out, "levels (least to most severe): {}", levels.join(" < "));
    let _ = writeln!(out, "milestones:");
    for m in &p.milestones {
        let mut limits: Vec<String> = Vec::new();
        let mut same = true;
        let first = p.levels.first().and_then(|l| m.level_target(&l.id));
        for l in &p.levels {
            let t = m.level_target(&l.id);
            same &= t == first;
            limits.push(match t {
                Some(d) => format!("{} {d}", l.id),
                None => format!("{} —", l.id),
            });
        }
        let limits = match first {
            Some(d) if same => format!("{d} (every level)"),
            _ => limits.join(", "),
        };
        let mut overrides = String::new();
        if !m.conditional_targets.is_empty() {
            let _ = write!(
                overrides,
                "; {} conditional target(s)",
                m.conditional_targets.len()
            );
        }
        if !m.category_overrides.is_empty() {
            let _ = write!(
                overrides,
                "; {} category override(s)",
                m.category_overrides.len()
            );
        }
        if m.applies_when.is_some() {
            overrides.push_str("; only when its condition holds");
        }
        if let Some(r) = &m.repeat {
            overrides.push_str("; repeats until ");
            for e in &r.until {
                let _ = write!(overrides, "{e} or ");
            }
            overrides.push_str("closure");
        }
        let _ = writeln!(out, "  {} {}: {limits}{overrides}", m.id, m.name_zh);
    }
    let _ = writeln!(
        out,
        "roles: {}; categories: {}; rules: {} classification, {} acceptance, {} validity; escalation steps: {}",
        p.roles.len(),
        p.categories.len(),
        p.classification.rules.len(),
        p.acceptance.rules.len(),
        p.validity.rules.len(),
        p.escalation.len()
    );
    permissions_summary(p, &mut out);
    case_rules_summary(p, &mut out);
    let _ = writeln!(out, "calendar: {}", calendar_summary(p));
    out
}

/// The agreed deadline's owners, what closing waits for, the replies owed
/// in writing (`[reply]`, ruling 141) and the periodic duties, one line each, when the policy says more than the defaults: a
/// reader checking a file against its source sees them without opening it.
fn case_rules_summary(p: &Policy, out: &mut String) {
    use std::fmt::Write as _;
    let agreed = &p.agreed_deadline;
    if !agreed.is_default() {
        // Who is charged is what the workflow reads (ruling 109): the
        // table's owners when it names any, else the first milestone that
        // stops on an agreed date — not the table's default owner.
        let owners = p.agreed_deadline_owners();
        let whose = match &owners {
            AgreedOwners::AsMilestone(_, m) => format!(" (as {})", m.id),
            _ => String::new(),
        };
        let chain: Vec<String> = owners.chain().into_iter().map(owner_label).collect();
        let replaces = if agreed.later_replaces {
            "; a later agreement replaces the running date"
        } else {
            "; one agreement a round"
        };
        let _ = writeln!(
            out,
            "agreed deadline: owned by {}{whose}{replaces}",
            chain.join(", then ")
        );
    }
    let closure = &p.closure;
    if !closure.is_default() {
        let mut parts: Vec<String> = Vec::new();
        if !closure.awaits.is_empty() {
            let ids: Vec<&str> = closure.awaits.iter().map(|m| m.as_str()).collect();
            parts.push(format!("waits for {}", ids.join(", ")));
        }
        let needs = |c: ClosureCallback| match c {
            ClosureCallback::Satisfied => "a satisfied callback",
            ClosureCallback::None => "no callback",
            ClosureCallback::Any => "a callback of any answer",
        };
        parts.push(if closure.callback_when.is_some() {
            format!(
                "needs {} where its condition holds, {} elsewhere",
                needs(closure.callback),
                needs(closure.callback_otherwise)
            )
        } else {
            format!("needs {}", needs(closure.callback))
        });
        if !closure.needs_callback_at.is_empty() {
            let ids: Vec<&str> = closure
                .needs_callback_at
                .iter()
                .map(|l| l.as_str())
                .collect();
            parts.push(format!("at {} a satisfied one", ids.join(", ")));
        }
        if closure.needs_callback_when_handed {
            parts.push("a satisfied one once handed on".to_owned());
        }
        let _ = writeln!(out, "closure: {}", parts.join("; "));
    }
    if let Some(written) = &p.reply.written {
        // The predicate as the file writes it (JSON), as a refusal quotes it.
        let cases = written.when.as_ref().map_or_else(
            || "every case".to_owned(),
            |w| {
                format!(
                    "the cases where {}",
                    serde_json::to_string(w).unwrap_or_default()
                )
            },
        );
        let _ = writeln!(out, "reply: in writing for {cases}");
    }
    if !p.duties.is_empty() {
        let ids: Vec<String> = p
            .duties
            .iter()
            .map(|d| format!("{} ({})", d.id, d.role))
            .collect();
        let _ = writeln!(out, "duties: {}", ids.join(", "));
    }
}

/// An owner as the summary names it.
fn owner_label(o: &MilestoneOwner) -> String {
    match o {
        MilestoneOwner::FirstResponder => "the first responder".to_owned(),
        MilestoneOwner::Role(r) => format!("role {r}"),
        MilestoneOwner::RoleHoldingCase(tousu::policy::HeldRole { role: r, .. }) => {
            format!("role {r} holding the case")
        }
        MilestoneOwner::Holder(h) => format!(
            "the holder of {} among {}{}",
            h.role,
            h.among.id(),
            if h.holds.is_some() {
                " holding the case"
            } else {
                ""
            }
        ),
        _ => "the handler".to_owned(),
    }
}

/// Routing, approval rules and sign-off chains, and conditional grants, one
/// line each, when the policy has them.
fn permissions_summary(p: &Policy, out: &mut String) {
    use std::fmt::Write as _;
    if !p.routing.is_empty() {
        let routes: Vec<String> = p
            .routing
            .iter()
            .map(|r| {
                let cats: Vec<&str> = r.categories.iter().map(|c| c.as_str()).collect();
                format!("{} → {}", cats.join(", "), r.handler_role)
            })
            .collect();
        let _ = writeln!(out, "routing: {}", routes.join("; "));
    }
    if let Some(a) = &p.approval {
        if !a.sign_off.is_empty() {
            let _ = writeln!(
                out,
                "approval sign-off: {}",
                sign_off_chain(&a.sign_off, &a.above)
            );
        }
        for r in &a.rules {
            let mut limits: Vec<String> = r
                .thresholds
                .iter()
                .map(|t| format!("{} ≤ {}", t.role, t.up_to.to_plain_string()))
                .collect();
            limits.push(format!("above {}", r.above));
            let signed = if r.sign_off.is_empty() {
                String::new()
            } else {
                format!("; sign-off {}", sign_off_chain(&r.sign_off, &r.above))
            };
            let _ = writeln!(out, "approval rule {}: {}{signed}", r.id, limits.join(", "));
        }
    }
    let grants: usize = p.roles.iter().map(|r| r.grants.len()).sum();
    if grants > 0 {
        let _ = writeln!(out, "conditional grants: {grants}");
    }
}

/// `a → b → approver`.
fn sign_off_chain(roles: &[tousu::model::RoleId], approver: &tousu::model::RoleId) -> String {
    let mut all: Vec<String> = roles.iter().map(ToString::to_string).collect();
    all.push(format!("{approver} (approval)"));
    all.join(" → ")
}

fn calendar_summary(p: &Policy) -> String {
    tousu_serve::calendar_summary(p)
}

/// `tousu deadline …`.
pub(crate) fn deadline(args: &DeadlineArgs) -> ExitCode {
    let (policy_file, from, within, json) = (
        args.policy.as_deref(),
        args.from.as_str(),
        args.within.as_str(),
        args.json,
    );
    let start = match DateTime::parse_from_rfc3339(from) {
        Ok(t) => t.with_timezone(&Utc),
        Err(e) => {
            let error = ApiError::new(
                ErrorKind::Usage,
                format!(
                    "{from:?} is not an RFC 3339 instant ({e}); expected e.g. 2025-09-30T10:00:00+08:00"
                ),
            );
            return crate::fail("deadline", &error.at("--from"), json);
        }
    };
    let duration: Duration = match within.parse() {
        Ok(d) => d,
        Err(e) => {
            let error = ApiError::new(ErrorKind::Usage, e.to_string()).at("--within");
            return crate::fail("deadline", &error, json);
        }
    };
    let data_files: Vec<&str> = args.calendar.iter().map(String::as_str).collect();
    let (policy, calendar) = match crate::calendar_cmd::policy_calendar(policy_file, &data_files) {
        Ok(pc) => pc,
        Err(message) => return crate::fail("deadline", &ApiError::invalid(message), json),
    };
    match calendar.deadline(start, &duration) {
        Ok(d) => {
            let local = d.at.with_timezone(&calendar.offset()).to_rfc3339();
            if json {
                let doc = DeadlineDoc {
                    deadline: local,
                    provisional: d.provisional,
                    provisional_basis: d.provisional_basis,
                    calendar: d.calendar,
                    coverage: calendar.coverage_note(),
                    policy: PolicyRef {
                        id: policy.id.to_string(),
                        version: policy.version.to_string(),
                    },
                };
                match serde_json::to_string(&doc) {
                    Ok(text) => crate::print_line(&text),
                    Err(e) => {
                        return crate::fail("deadline", &ApiError::server(e.to_string()), true);
                    }
                }
            } else {
                crate::print_line(&local.to_string());
                if let Some(basis) = d.provisional_basis {
                    eprintln!(
                        "tousu: deadline: provisional ({basis}: {}); {}",
                        d.calendar,
                        calendar.coverage_note()
                    );
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => crate::fail("deadline", &ApiError::invalid(e.to_string()), json),
    }
}
