//! `tousu timeline`: one case's clocks over the business calendar, as SVG
//! (or the timeline's data as JSON); and the HTML page of `tousu report
//! --format html`, which embeds the timelines of the overdue cases.
//!
//! ```text
//! tousu timeline --policy FILE --cases FILE.jsonl --case ID
//!                [--as-of RFC3339] [--format svg|json] [--quiet]
//! ```
//!
//! `--cases` is the same file of workflow events `tousu report` reads.
//! `--as-of` is where running clocks are drawn to; by default the instant
//! of the case's last event. Every error exits 1 with a message on stderr.

use std::collections::HashMap;
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use tousu::model::CaseId;
use tousu::policy::{Calendar, Policy};
use tousu::report::{CaseTimeline, PeriodReport, PeriodSeries};
use tousu::workflow::{Case, Event};

/// `tousu timeline`: one case's clocks over the business calendar.
#[derive(clap::Args, Debug, Default)]
#[command(
    after_help = "One case's clocks as bars from start to deadline over the policy's calendar\n(weekends, holidays and 调休 days shaded), with pauses, warnings, breaches,\nescalations and provisional deadlines. See docs/reports.md."
)]
pub(crate) struct TimelineArgs {
    /// The policy (TOML, or JSON if the name ends in .json)
    #[arg(long, value_name = "FILE")]
    pub(crate) policy: String,
    /// Workflow events, one JSON object per line (as for `tousu report`)
    #[arg(long, value_name = "FILE.jsonl")]
    pub(crate) cases: String,
    /// The case id
    #[arg(long, value_name = "ID")]
    pub(crate) case: String,
    /// Where running clocks end (default: the case's last event)
    #[arg(long, value_name = "RFC3339")]
    pub(crate) as_of: Option<String>,
    /// svg (default) or json (the timeline's data)
    #[arg(long, value_name = "FORMAT")]
    pub(crate) format: Option<String>,
    /// No progress bar (there is none unless stderr is a terminal)
    #[arg(long, short = 'q')]
    pub(crate) quiet: bool,
}

/// `tousu timeline`.
pub(crate) fn timeline(args: &TimelineArgs) -> ExitCode {
    match run(args) {
        Ok(text) => {
            crate::print_text(&text.to_string());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("tousu timeline: {message}");
            ExitCode::from(1)
        }
    }
}

/// Runs `tousu timeline` and returns what it prints.
pub(crate) fn run(args: &TimelineArgs) -> Result<String, String> {
    let format = args.format.as_deref().unwrap_or("svg");
    if !matches!(format, "svg" | "json") {
        return Err(format!(
            "--format {format:?} is not known; expected svg or json"
        ));
    }
    let policy =
        Policy::load(&args.policy).map_err(|e| format!("--policy {}: {e}", args.policy))?;
    let calendar = policy
        .build_calendar()
        .map_err(|e| format!("--policy {}: calendar: {e}", args.policy))?;
    let groups = crate::report_cmd::load_events(&args.cases, args.quiet)?;
    let events = groups
        .iter()
        .find(|g| g.first().is_some_and(|e| e.case_id.as_str() == args.case))
        .ok_or_else(|| {
            format!(
                "--case {:?}: no events of this case in {} ({} cases there)",
                args.case,
                args.cases,
                groups.len()
            )
        })?;
    let as_of: DateTime<Utc> = match &args.as_of {
        Some(text) => DateTime::parse_from_rfc3339(text.trim())
            .map_err(|_| {
                format!("--as-of {text:?} is not an RFC 3339 instant; expected e.g. 2025-11-30T18:00:00+08:00")
            })?
            .to_utc(),
        None => events
            .iter()
            .map(|e| e.at)
            .max()
            .ok_or_else(|| format!("--case {}: no events", args.case))?,
    };
    let timeline = CaseTimeline::from_events(&policy, events, as_of)
        .map_err(|e| format!("--cases {}: case {}: {e}", args.cases, args.case))?;
    match format {
        "json" => serde_json::to_string_pretty(&timeline)
            .map(|s| s + "\n")
            .map_err(|e| e.to_string()),
        _ => timeline.to_svg(&calendar).map_err(|e| e.to_string()),
    }
}

/// At most this many timelines go into a page: the overdue list stays
/// complete, pictures beyond the first cases would only make it heavy.
const MAX_TIMELINES: usize = 20;

/// The report as an HTML page, with the timelines of its first
/// [`MAX_TIMELINES`] overdue cases, most overdue first (`groups` are the
/// events of `cases`, in the same order).
pub(crate) fn report_html(
    report: &PeriodReport,
    policy: &Policy,
    calendar: &Calendar,
    cases: &[Case],
    groups: &[Vec<Event>],
) -> Result<String, String> {
    let series = PeriodSeries::from_cases(policy, calendar, cases, &report.period)
        .map_err(|e| e.to_string())?;
    let index: HashMap<&CaseId, usize> =
        cases.iter().enumerate().map(|(i, c)| (&c.id, i)).collect();
    let mut timelines = Vec::new();
    for item in &report.overdue {
        if timelines.len() == MAX_TIMELINES {
            break;
        }
        if timelines
            .iter()
            .any(|t: &CaseTimeline| t.case_id == item.case_id)
        {
            continue;
        }
        if let Some(events) = index.get(&item.case_id).and_then(|i| groups.get(*i)) {
            timelines.push(
                CaseTimeline::from_events(policy, events, report.as_of)
                    .map_err(|e| format!("case {}: {e}", item.case_id))?,
            );
        }
    }
    report
        .to_html(&series, calendar, &timelines)
        .map_err(|e| e.to_string())
}
