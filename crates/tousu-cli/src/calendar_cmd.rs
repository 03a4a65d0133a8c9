//! `tousu calendar`: a year's days as the calendar counts them, and checking a
//! calendar data file before it is rolled out.

use std::process::ExitCode;

use tousu_policy::calendar::{Calendar, CalendarData};
use tousu_policy::{Policy, PolicyError};

pub(crate) const USAGE: &str = "\
tousu calendar — a year's days off and make-up days, with their source

USAGE:
    tousu calendar [--policy FILE] [--calendar DATA_FILE]... [--json] YEAR
    tousu calendar check DATA_FILE [--json]

YEAR is shown under the policy's calendar (the default policy's without
--policy), with each --calendar data file's years replacing the embedded
ones. `check` reads a calendar data file (TOML, or JSON by its .json name),
validates every year and lists what it covers; it exits 1 when the file is
not valid.";

/// `tousu calendar …`.
pub(crate) fn calendar(args: &[String]) -> ExitCode {
    if args.first().map(String::as_str) == Some("check") {
        return check(args.get(1..).unwrap_or_default());
    }
    let mut policy_file: Option<&str> = None;
    let mut data_files: Vec<&str> = Vec::new();
    let mut json = false;
    let mut year: Option<&str> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--help" | "-h" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "--json" => json = true,
            "--policy" | "--calendar" => {
                let Some(v) = it.next() else {
                    return usage_error(&format!("{a} needs a value"));
                };
                if a == "--policy" {
                    policy_file = Some(v);
                } else {
                    data_files.push(v);
                }
            }
            other if year.is_none() && !other.starts_with('-') => year = Some(other),
            other => return usage_error(&format!("unexpected argument {other:?}")),
        }
    }
    let Some(year) = year else {
        return usage_error("a YEAR is required, e.g. 2027");
    };
    let Ok(year) = year.parse::<i32>() else {
        return usage_error(&format!("{year:?} is not a year; expected e.g. 2027"));
    };
    let calendar = match policy_calendar(policy_file, &data_files) {
        Ok((_, c)) => c,
        Err(message) => {
            eprintln!("tousu: calendar: {message}");
            return ExitCode::FAILURE;
        }
    };
    let view = match calendar.year_view(year) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("tousu: calendar: {e}");
            return ExitCode::FAILURE;
        }
    };
    if json {
        let value = serde_json::json!({ "year": view, "coverage": calendar.coverage_note() });
        println!("{value}");
        return ExitCode::SUCCESS;
    }
    let mark = if view.provisional {
        " [provisional]"
    } else {
        ""
    };
    println!("{} — {}{mark}", view.year, view.source);
    println!("working days: {}", view.working_days);
    for (title, days) in [
        ("days off", &view.days_off),
        ("make-up working days (调休上班)", &view.make_up_days),
    ] {
        println!("{title}:");
        if days.is_empty() {
            println!("  (none)");
        }
        for d in days {
            let name = d.name.as_deref().unwrap_or("");
            println!("  {} {}  {name}", d.date, d.date.format("%a"));
        }
    }
    println!("{}", calendar.coverage_note());
    ExitCode::SUCCESS
}

/// `tousu calendar check FILE`.
fn check(args: &[String]) -> ExitCode {
    let mut file = None;
    let mut json = false;
    for a in args {
        match a.as_str() {
            "--json" => json = true,
            "--help" | "-h" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other if file.is_none() && !other.starts_with('-') => file = Some(other),
            other => return usage_error(&format!("check: unexpected argument {other:?}")),
        }
    }
    let Some(file) = file else {
        return usage_error("check: a DATA_FILE is required");
    };
    match CalendarData::load(file) {
        Ok(data) => {
            let years: Vec<serde_json::Value> = data
                .years
                .iter()
                .map(|y| serde_json::json!({ "year": y.year, "citation": y.citation }))
                .collect();
            if json {
                println!(
                    "{}",
                    serde_json::json!({ "valid": true, "id": data.id, "years": years })
                );
            } else {
                println!("{file}: valid calendar data {:?}", data.id);
                for y in &data.years {
                    println!(
                        "  {} {} ({} holiday blocks, {} make-up days)",
                        y.year,
                        y.citation,
                        y.holidays.len(),
                        y.working_days.len()
                    );
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            if json {
                println!(
                    "{}",
                    serde_json::json!({ "valid": false, "error": e.to_string() })
                );
            } else {
                eprintln!("tousu: calendar check: {e}");
            }
            ExitCode::FAILURE
        }
    }
}

/// The policy (the default one without a file) with the data files' years
/// added, and its calendar.
pub(crate) fn policy_calendar(
    policy_file: Option<&str>,
    data_files: &[&str],
) -> Result<(Policy, Calendar), String> {
    let name = policy_file.unwrap_or("the default policy");
    let mut policy = match policy_file {
        Some(f) => Policy::load(f),
        None => Policy::default_policy(),
    }
    .map_err(|e| match &e {
        PolicyError::Invalid { problems } => {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            format!("{name} is not a valid policy:\n{}", lines.join("\n"))
        }
        _ => format!("{name}: {e}"),
    })?;
    for file in data_files {
        let data = CalendarData::load(file).map_err(|e| e.to_string())?;
        policy.calendar.add_data(data);
    }
    let calendar = policy
        .build_calendar()
        .map_err(|e| format!("the policy's calendar: {e}"))?;
    Ok((policy, calendar))
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("tousu: calendar: {message}\n\n{USAGE}");
    ExitCode::from(2)
}
