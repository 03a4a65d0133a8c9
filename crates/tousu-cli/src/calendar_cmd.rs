//! `tousu calendar`: a year's days as the calendar counts them, and checking a
//! calendar data file before it is rolled out.

use std::process::ExitCode;

use tousu::policy::calendar::{Calendar, CalendarData};
use tousu::policy::{Policy, PolicyError};

/// `tousu calendar`: YEAR under the policy's calendar, or `check DATA_FILE`.
#[derive(clap::Args)]
#[command(
    args_conflicts_with_subcommands = true,
    after_help = "YEAR is shown under the policy's calendar (the default policy's without --policy),\nwith each --calendar data file's years replacing the embedded ones.\n\ne.g. tousu calendar 2027"
)]
pub(crate) struct CalendarArgs {
    #[command(subcommand)]
    action: Option<CalendarAction>,
    /// The policy whose calendar counts (default: the embedded default policy).
    #[arg(long, value_name = "FILE")]
    policy: Option<String>,
    /// A calendar data file whose years replace the embedded ones; repeatable.
    #[arg(long, value_name = "DATA_FILE")]
    calendar: Vec<String>,
    /// Print the year as JSON.
    #[arg(long)]
    json: bool,
    /// The year to show, e.g. 2027.
    #[arg(value_name = "YEAR")]
    year: Option<i32>,
}

#[derive(clap::Subcommand)]
enum CalendarAction {
    /// Validate a calendar data file (TOML, or JSON if it ends in .json) and
    /// list the years it covers; exit 1 when it is not valid.
    Check {
        /// The data file.
        #[arg(value_name = "DATA_FILE")]
        file: String,
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// `tousu calendar …`.
pub(crate) fn calendar(args: &CalendarArgs) -> ExitCode {
    if let Some(CalendarAction::Check { file, json }) = &args.action {
        return check(file, *json);
    }
    let Some(year) = args.year else {
        eprintln!("tousu calendar: a YEAR is required, e.g. tousu calendar 2027");
        return ExitCode::from(2);
    };
    let data_files: Vec<&str> = args.calendar.iter().map(String::as_str).collect();
    let calendar = match policy_calendar(args.policy.as_deref(), &data_files) {
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
    if args.json {
        let value = serde_json::json!({ "year": view, "coverage": calendar.coverage_note() });
        crate::print_line(&value.to_string());
        return ExitCode::SUCCESS;
    }
    let mark = if view.provisional {
        " [provisional]"
    } else {
        ""
    };
    crate::print_line(&format!("{} — {}{mark}", view.year, view.source));
    crate::print_line(&format!("working days: {}", view.working_days));
    let lists = [
        ("days off", &view.days_off),
        ("make-up working days (调休上班)", &view.make_up_days),
    ];
    for (title, days) in lists {
        crate::print_line(&format!("{title}:"));
        if days.is_empty() {
            crate::print_line("  (none)");
        }
        for d in days {
            let name = d.name.as_deref().unwrap_or("");
            crate::print_line(&format!("  {} {}  {name}", d.date, d.date.format("%a")));
        }
    }
    crate::print_line(&calendar.coverage_note().to_string());
    ExitCode::SUCCESS
}

/// `tousu calendar check FILE`.
fn check(file: &str, json: bool) -> ExitCode {
    match CalendarData::load(file) {
        Ok(data) => {
            if json {
                let years: Vec<serde_json::Value> = data
                    .years
                    .iter()
                    .map(|y| serde_json::json!({ "year": y.year, "citation": y.citation }))
                    .collect();
                let value = serde_json::json!({ "valid": true, "id": data.id, "years": years });
                crate::print_line(&value.to_string());
            } else {
                crate::print_line(&format!("{file}: valid calendar data {:?}", data.id));
                for y in &data.years {
                    crate::print_line(&format!(
                        "  {} {} ({} holiday blocks, {} make-up days)",
                        y.year,
                        y.citation,
                        y.holidays.len(),
                        y.working_days.len()
                    ));
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            if json {
                crate::print_line(&format!(
                    "{}",
                    serde_json::json!({ "valid": false, "error": e.to_string() })
                ));
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
