//! `tousu policy check|schema` and `tousu deadline`.

use std::process::ExitCode;

use chrono::{DateTime, Utc};
use tousu_policy::{Duration, Policy};

const POLICY_USAGE: &str = "\
USAGE:
    tousu policy check FILE [--json]   validate a policy (TOML, or JSON if FILE ends in .json)
    tousu policy schema                print the policy JSON Schema";

const DEADLINE_USAGE: &str = "\
USAGE:
    tousu deadline [--policy FILE] [--calendar DATA_FILE]... --from RFC3339 --within DURATION [--json]

    A deadline through a year no holiday notice covers is provisional: it
    counts the statutory holidays (or weekends only, as the policy says) and
    says so; --calendar gives the year's notice as a data file.

    e.g. tousu deadline --from 2025-09-30T10:00:00+08:00 --within \"15 working days\"";

fn usage_error(message: &str, usage: &str) -> ExitCode {
    eprintln!("tousu: {message}\n\n{usage}");
    ExitCode::from(2)
}

/// `tousu policy …`.
pub(crate) fn policy(args: &[String]) -> ExitCode {
    match args.first().map(String::as_str) {
        Some("check") => {
            let mut file = None;
            let mut json = false;
            for a in args.iter().skip(1) {
                match a.as_str() {
                    "--json" => json = true,
                    s if s.starts_with("--") => {
                        return usage_error(
                            &format!("policy check: unknown option {s:?}"),
                            POLICY_USAGE,
                        );
                    }
                    s if file.is_none() => file = Some(s.to_owned()),
                    s => {
                        return usage_error(
                            &format!("policy check: unexpected argument {s:?}"),
                            POLICY_USAGE,
                        );
                    }
                }
            }
            match file {
                Some(f) => check(&f, json),
                None => usage_error("policy check: name the policy FILE", POLICY_USAGE),
            }
        }
        Some("schema") => match serde_json::to_string_pretty(&Policy::json_schema()) {
            Ok(s) => {
                println!("{s}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("tousu: policy schema: {e}");
                ExitCode::FAILURE
            }
        },
        Some("--help" | "-h" | "help") | None => {
            println!("{POLICY_USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => usage_error(
            &format!("policy: unknown subcommand {other:?}"),
            POLICY_USAGE,
        ),
    }
}

fn check(file: &str, json: bool) -> ExitCode {
    let policy = match Policy::parse_file(file) {
        Ok(p) => p,
        Err(e) => {
            if json {
                let value =
                    serde_json::json!({ "ok": false, "file": file, "error": e.to_string() });
                println!("{value}");
            } else {
                println!("{file}: {e}");
            }
            return ExitCode::FAILURE;
        }
    };
    let report = policy.check();
    if json {
        let value = serde_json::json!({
            "ok": report.is_ok(),
            "file": file,
            "errors": report.errors,
            "warnings": report.warnings,
            "calendar": calendar_summary(&policy),
        });
        println!("{value}");
    } else if report.is_ok() {
        print!("{}", summary(&policy));
        for w in &report.warnings {
            println!("warning: {w}");
        }
    } else {
        print!("{report}");
        println!(
            "{file}: {} error(s), {} warning(s); the policy was not accepted",
            report.errors.len(),
            report.warnings.len()
        );
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
    let _ = writeln!(out, "calendar: {}", calendar_summary(p));
    out
}

fn calendar_summary(p: &Policy) -> String {
    match p.build_calendar() {
        Ok(cal) => format!("UTC{} {}", p.calendar.utc_offset, cal.coverage_note()),
        Err(e) => format!("cannot be built: {e}"),
    }
}

/// `tousu deadline …`.
pub(crate) fn deadline(args: &[String]) -> ExitCode {
    let mut policy_file: Option<&str> = None;
    let mut data_files: Vec<&str> = Vec::new();
    let mut from: Option<&str> = None;
    let mut within: Option<&str> = None;
    let mut json = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut calendar_file = None;
        let slot = match a.as_str() {
            "--policy" => &mut policy_file,
            "--calendar" => &mut calendar_file,
            "--from" => &mut from,
            "--within" => &mut within,
            "--json" => {
                json = true;
                continue;
            }
            "--help" | "-h" => {
                println!("{DEADLINE_USAGE}");
                return ExitCode::SUCCESS;
            }
            other => {
                return usage_error(
                    &format!("deadline: unexpected argument {other:?}"),
                    DEADLINE_USAGE,
                );
            }
        };
        match it.next() {
            Some(v) => *slot = Some(v.as_str()),
            None => return usage_error(&format!("deadline: {a} needs a value"), DEADLINE_USAGE),
        }
        data_files.extend(calendar_file);
    }
    let (Some(from), Some(within)) = (from, within) else {
        return usage_error("deadline: --from and --within are required", DEADLINE_USAGE);
    };
    let start = match DateTime::parse_from_rfc3339(from) {
        Ok(t) => t.with_timezone(&Utc),
        Err(e) => {
            eprintln!(
                "tousu: deadline: --from {from:?} is not an RFC 3339 instant ({e}); expected e.g. 2025-09-30T10:00:00+08:00"
            );
            return ExitCode::from(2);
        }
    };
    let duration: Duration = match within.parse() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("tousu: deadline: --within: {e}");
            return ExitCode::from(2);
        }
    };
    let (policy, calendar) = match crate::calendar_cmd::policy_calendar(policy_file, &data_files) {
        Ok(pc) => pc,
        Err(message) => {
            eprintln!("tousu: deadline: {message}");
            return ExitCode::FAILURE;
        }
    };
    match calendar.deadline(start, &duration) {
        Ok(d) => {
            let local = d.at.with_timezone(&calendar.offset()).to_rfc3339();
            if json {
                let value = serde_json::json!({
                    "deadline": local,
                    "provisional": d.provisional,
                    "provisional_basis": d.provisional_basis,
                    "calendar": d.calendar,
                    "coverage": calendar.coverage_note(),
                    "policy": { "id": policy.id, "version": policy.version },
                });
                println!("{value}");
            } else {
                println!("{local}");
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
        Err(e) => {
            eprintln!("tousu: deadline: {e}");
            ExitCode::FAILURE
        }
    }
}
