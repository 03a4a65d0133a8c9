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

use std::collections::{BTreeMap, HashMap};
use std::process::ExitCode;

use chrono::{DateTime, NaiveDate, Utc};
use tousu::report::{ReportPeriod, period_report};
use tousu_model::{CaseId, Roster};
use tousu_workflow::{Case, Event};

use crate::progress::Progress;

const USAGE: &str = "\
USAGE:
    tousu report --policy FILE --cases FILE.jsonl --from YYYY-MM-DD --to YYYY-MM-DD
                 [--as-of RFC3339] [--format md|csv|json|html]
                 [--penalties FILE.json] [--roster FILE.json] [--quiet]

Counts, on-time rates, handling time, satisfaction, repeat complainants and
the open overdue list of the cases received from --from to --to (local
dates in the policy's offset, both inclusive). See docs/reports.md.
    --policy     the policy (TOML, or JSON if the name ends in .json)
    --cases      workflow events, one JSON object per line
    --from/--to  the period's first and last day
    --as-of      \"now\" for open clocks (default: the end of the --to day)
    --format     md (default), csv, json or html (one page with charts and the
                 timelines of the overdue cases)
    --penalties  the month's penalty result (JSON printed by `tousu penalties`)
    --roster     the roster (JSON), to name departments
    --quiet      no progress bar (there is none unless stderr is a terminal)";

const KNOWN: &[&str] = &[
    "policy",
    "cases",
    "from",
    "to",
    "as-of",
    "format",
    "penalties",
    "roster",
];

/// Parses `--name value` / `--name=value`; `Ok(None)` asks for the usage.
fn options(args: &[String]) -> Result<Option<BTreeMap<String, String>>, String> {
    let mut out = BTreeMap::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--help" || a == "-h" {
            return Ok(None);
        }
        if a == "--quiet" || a == "-q" {
            out.insert("quiet".to_owned(), String::new());
            continue;
        }
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_owned())),
            _ => (a.as_str(), None),
        };
        let Some(key) = name.strip_prefix("--").filter(|k| KNOWN.contains(k)) else {
            return Err(format!("unexpected argument {a:?}\n\n{USAGE}"));
        };
        let value = match inline {
            Some(v) => v,
            None => it
                .next()
                .cloned()
                .ok_or_else(|| format!("--{key} needs a value\n\n{USAGE}"))?,
        };
        if out.insert(key.to_owned(), value).is_some() {
            return Err(format!("--{key} is given twice"));
        }
    }
    Ok(Some(out))
}

/// `tousu report`.
pub(crate) fn report(args: &[String]) -> ExitCode {
    match run(args) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("tousu report: {message}");
            ExitCode::from(1)
        }
    }
}

fn required<'a>(opts: &'a BTreeMap<String, String>, key: &str) -> Result<&'a str, String> {
    opts.get(key)
        .map(String::as_str)
        .ok_or_else(|| format!("--{key} is required\n\n{USAGE}"))
}

fn date(opts: &BTreeMap<String, String>, key: &str) -> Result<NaiveDate, String> {
    let text = required(opts, key)?;
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
        let event: Event = serde_json::from_str(line)
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

/// Rebuilds each case from its events.
fn replay(path: &str, groups: &[Vec<Event>], quiet: bool) -> Result<Vec<Case>, String> {
    let progress = Progress::new(quiet, groups.len() as u64, "replaying", false);
    let cases = groups
        .iter()
        .map(|events| {
            progress.inc(1);
            Case::replay_events(events).map_err(|e| {
                let id = events
                    .first()
                    .map(|e| e.case_id.to_string())
                    .unwrap_or_default();
                format!("--cases {path}: case {id}: {e}")
            })
        })
        .collect();
    progress.finish();
    cases
}

fn run(args: &[String]) -> Result<String, String> {
    let Some(opts) = options(args)? else {
        return Ok(format!("{USAGE}\n"));
    };
    let policy_path = required(&opts, "policy")?;
    let cases_path = required(&opts, "cases")?;
    let (from, to) = (date(&opts, "from")?, date(&opts, "to")?);
    let format = opts.get("format").map_or("md", String::as_str);
    if !matches!(format, "md" | "csv" | "json" | "html") {
        return Err(format!(
            "--format {format:?} is not known; expected md, csv, json or html"
        ));
    }
    let quiet = opts.contains_key("quiet");
    let period = ReportPeriod::custom(from, to).map_err(|e| format!("--from/--to: {e}"))?;
    let policy = tousu_policy::Policy::load(policy_path)
        .map_err(|e| format!("--policy {policy_path}: {e}"))?;
    let calendar = policy
        .build_calendar()
        .map_err(|e| format!("--policy {policy_path}: calendar: {e}"))?;
    let as_of: DateTime<Utc> = match opts.get("as-of") {
        Some(text) => DateTime::parse_from_rfc3339(text.trim())
            .map_err(|_| {
                format!("--as-of {text:?} is not an RFC 3339 instant; expected e.g. 2025-11-30T18:00:00+08:00")
            })?
            .to_utc(),
        None => period
            .end_instant(policy.utc_offset())
            .ok_or_else(|| format!("--to {to}: the end of the day is out of range"))?,
    };
    let penalties: Option<tousu_penalty::PeriodResult> = match opts.get("penalties") {
        Some(p) => Some(
            serde_json::from_str(&read(p, "penalties")?)
                .map_err(|e| format!("--penalties {p}: {e}"))?,
        ),
        None => None,
    };
    let roster: Option<Roster> = match opts.get("roster") {
        Some(p) => Some(
            serde_json::from_str(&read(p, "roster")?).map_err(|e| format!("--roster {p}: {e}"))?,
        ),
        None => None,
    };
    let groups = load_events(cases_path, quiet)?;
    let cases = replay(cases_path, &groups, quiet)?;
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
