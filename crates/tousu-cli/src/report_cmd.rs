//! `tousu report`: a period report (统计分析) over a file of workflow events.
//!
//! ```text
//! tousu report --policy FILE --cases FILE.jsonl --from YYYY-MM-DD --to YYYY-MM-DD
//!              [--as-of RFC3339] [--format md|csv|json|html]
//!              [--penalties FILE.json] [--roster FILE.json] [--quiet]
//! ```
//!
//! `--cases` holds one workflow `Event` as JSON per line (blank lines are
//! skipped); the cases are rebuilt by grouping the events by `case_id` in
//! file order and replaying each group. `--as-of` is "now" for the overdue
//! list; by default the end of the `--to` day in the policy's offset.
//! `--penalties` adds the month's penalty totals (the JSON that
//! `tousu penalties` prints); `--roster` names the departments. Every error
//! exits 1 with a message on stderr naming the file and, for bad JSONL, the
//! line. On a terminal a progress bar on stderr follows the reading and
//! replaying of the events; `--quiet` (or stderr not being a terminal)
//! keeps it silent.

use std::collections::HashMap;
use std::process::ExitCode;

use chrono::{DateTime, NaiveDate, Utc};
use tousu::model::{CaseId, Roster};
use tousu::report::{ReportPeriod, period_report};
use tousu::workflow::{Case, Event};

use crate::progress::Progress;

/// `tousu report`.
#[derive(clap::Args)]
#[command(
    about = "Counts, on-time rates, handling time, satisfaction, repeat complainants and\nthe open overdue list of the cases received from --from to --to (local\ndates in the policy's offset, both inclusive). See docs/reports.md."
)]
pub(crate) struct ReportArgs {
    /// The policy (TOML, or JSON if the name ends in .json)
    #[arg(long, value_name = "FILE")]
    policy: Option<String>,
    /// Workflow events, one JSON object per line
    #[arg(long, value_name = "FILE.jsonl")]
    cases: Option<String>,
    /// The period's first day
    #[arg(long, value_name = "YYYY-MM-DD")]
    from: Option<String>,
    /// The period's last day
    #[arg(long, value_name = "YYYY-MM-DD")]
    to: Option<String>,
    /// "now" for open clocks (default: the end of the --to day)
    #[arg(long, value_name = "RFC3339")]
    as_of: Option<String>,
    /// md (default), csv, json or html (one page with charts and the
    /// timelines of the overdue cases)
    #[arg(long, value_name = "FORMAT")]
    format: Option<String>,
    /// The month's penalty result (JSON printed by `tousu penalties`)
    #[arg(long, value_name = "FILE.json")]
    penalties: Option<String>,
    /// The roster (JSON), to name departments
    #[arg(long, value_name = "FILE.json")]
    roster: Option<String>,
    /// No progress bar (there is none unless stderr is a terminal)
    #[arg(long, short = 'q')]
    quiet: bool,
}

/// `tousu report`.
pub(crate) fn report(args: &ReportArgs) -> ExitCode {
    match run(args) {
        Ok(text) => {
            crate::print_text(&text.to_string());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("tousu report: {message}");
            ExitCode::from(1)
        }
    }
}

/// A required option, checked here so that every error of `report` is
/// reported alike (exit 1).
fn required<'a>(value: &'a Option<String>, key: &str) -> Result<&'a str, String> {
    value
        .as_deref()
        .ok_or_else(|| format!("--{key} is required; see tousu report --help"))
}

fn date(text: &str, key: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        format!("--{key} {text:?} is not a date; expected YYYY-MM-DD, e.g. 2025-11-01")
    })
}

fn read(path: &str, what: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("--{what} {path}: {e}"))
}

/// Reads events, one per line, grouped by case in order of first appearance.
pub(crate) fn load_events(path: &str, quiet: bool) -> Result<Vec<Vec<Event>>, String> {
    let text = read(path, "cases")?;
    let progress = Progress::new(quiet, text.len() as u64, "reading", true);
    let mut order: Vec<CaseId> = Vec::new();
    let mut groups: HashMap<CaseId, Vec<Event>> = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        progress.inc(line.len() as u64 + 1);
        if line.trim().is_empty() {
            continue;
        }
        let event: Event = tousu::model::json::from_str(line)
            .map_err(|e| format!("--cases {path} line {}: not a workflow event: {e}", i + 1))?;
        let group = groups.entry(event.case_id.clone()).or_insert_with(|| {
            order.push(event.case_id.clone());
            Vec::new()
        });
        group.push(event);
    }
    progress.finish();
    Ok(order.iter().filter_map(|id| groups.remove(id)).collect())
}

/// Rebuilds each case as it stood at `as_of`, from its events up to then;
/// a case with none is left out.
fn replay(
    path: &str,
    groups: &[Vec<Event>],
    as_of: DateTime<Utc>,
    quiet: bool,
) -> Result<Vec<Case>, String> {
    let progress = Progress::new(quiet, groups.len() as u64, "replaying", false);
    let cases = groups
        .iter()
        .filter_map(|events| {
            progress.inc(1);
            let upto = events.iter().take_while(|e| e.at <= as_of).count();
            let events = events.get(..upto).filter(|e| !e.is_empty())?;
            Some(Case::replay_events(events).map_err(|e| {
                let id = events
                    .first()
                    .map(|e| e.case_id.to_string())
                    .unwrap_or_default();
                format!("--cases {path}: case {id}: {e}")
            }))
        })
        .collect();
    progress.finish();
    cases
}

fn run(args: &ReportArgs) -> Result<String, String> {
    let policy_path = required(&args.policy, "policy")?;
    let cases_path = required(&args.cases, "cases")?;
    let from = date(required(&args.from, "from")?, "from")?;
    let to = date(required(&args.to, "to")?, "to")?;
    let format = args.format.as_deref().unwrap_or("md");
    if !matches!(format, "md" | "csv" | "json" | "html") {
        return Err(format!(
            "--format {format:?} is not known; expected md, csv, json or html"
        ));
    }
    let quiet = args.quiet;
    let period = ReportPeriod::custom(from, to).map_err(|e| format!("--from/--to: {e}"))?;
    let policy = tousu::policy::Policy::load(policy_path)
        .map_err(|e| format!("--policy {policy_path}: {e}"))?;
    let calendar = policy
        .build_calendar()
        .map_err(|e| format!("--policy {policy_path}: calendar: {e}"))?;
    let as_of: DateTime<Utc> = match &args.as_of {
        Some(text) => DateTime::parse_from_rfc3339(text.trim())
            .map_err(|_| {
                format!("--as-of {text:?} is not an RFC 3339 instant; expected e.g. 2025-11-30T18:00:00+08:00")
            })?
            .to_utc(),
        None => period
            .end_instant(policy.utc_offset())
            .ok_or_else(|| format!("--to {to}: the end of the day is out of range"))?,
    };
    let penalties: Option<tousu::penalty::PeriodResult> = match &args.penalties {
        Some(p) => Some(
            tousu::model::json::from_str(&read(p, "penalties")?)
                .map_err(|e| format!("--penalties {p}: {e}"))?,
        ),
        None => None,
    };
    let roster: Option<Roster> = match &args.roster {
        Some(p) => Some(
            tousu::model::json::from_str(&read(p, "roster")?)
                .map_err(|e| format!("--roster {p}: {e}"))?,
        ),
        None => None,
    };
    let groups = load_events(cases_path, quiet)?;
    let cases = replay(cases_path, &groups, as_of, quiet)?;
    let mut report = period_report(
        &policy,
        &calendar,
        &cases,
        &period,
        as_of,
        penalties.as_ref(),
    )
    .map_err(|e| e.to_string())?;
    if let Some(r) = &roster {
        report.name_departments(r.departments());
    }
    match format {
        "csv" => Ok(report.to_csv()),
        "html" => crate::timeline_cmd::report_html(&report, &policy, &calendar, &cases, &groups),
        "json" => serde_json::to_string_pretty(&report)
            .map(|s| s + "\n")
            .map_err(|e| e.to_string()),
        _ => Ok(report.to_markdown()),
    }
}
