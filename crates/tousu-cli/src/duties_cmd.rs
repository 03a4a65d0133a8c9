//! `tousu duties`: the periodic duties of a policy (`[[duties]]`) due in a
//! month or a range of days, judged against a duty log.
//!
//! ```text
//! tousu duties --policy FILE --roster FILE.json [--log FILE.json]
//!              (--month 2025-10 | --from 2025-10-01 --to 2025-10-15)
//!              [--now 2025-10-16T09:00:00+08:00] [--json]
//! ```
//!
//! Each occurrence is met, late, missed or open, with the rule that fired
//! and who is charged (docs/policy-authoring.md, Periodic duties). Without
//! `--log` nothing has been done; without `--now` the report is judged at
//! the present instant.

use std::process::ExitCode;

use tousu::chrono::{NaiveDate, Utc};
use tousu::model::{Month, Roster};
use tousu::workflow::{DutyLog, DutyReport, judge_duties};
use tousu_serve::ApiError;

use crate::cases_cmd::{instant, load_policy, read_json};

/// `tousu duties`.
#[derive(clap::Args)]
#[command(
    after_help = "e.g. tousu duties --policy policies/property-jinbi-s32.toml --roster roster.json --log duties.json --month 2025-10"
)]
pub(crate) struct DutiesArgs {
    /// The policy (TOML, or JSON if the name ends in .json).
    #[arg(long, value_name = "FILE")]
    policy: String,
    /// The roster (JSON): who holds which role.
    #[arg(long, value_name = "FILE")]
    roster: String,
    /// The duty log (JSON): records of performance and the rota.
    #[arg(long, value_name = "FILE")]
    log: Option<String>,
    /// The month whose due days to judge, e.g. 2025-10.
    #[arg(long, value_name = "YYYY-MM", conflicts_with_all = ["from", "to"])]
    month: Option<String>,
    /// The first due day to judge (with --to).
    #[arg(long, value_name = "DATE", requires = "to")]
    from: Option<String>,
    /// The last due day to judge (with --from).
    #[arg(long, value_name = "DATE", requires = "from")]
    to: Option<String>,
    /// The instant judged at (RFC 3339); the present instant by default.
    #[arg(long, value_name = "INSTANT")]
    now: Option<String>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

/// `tousu duties …`.
pub(crate) fn duties(args: &DutiesArgs) -> ExitCode {
    match report(args) {
        Ok(report) if args.json => match serde_json::to_string(&report) {
            Ok(text) => {
                crate::print_line(&text);
                ExitCode::SUCCESS
            }
            Err(e) => crate::fail("duties", &ApiError::invalid(e.to_string()), true),
        },
        Ok(report) => {
            crate::print_text(&report.to_string());
            ExitCode::SUCCESS
        }
        Err(e) => crate::fail("duties", &e, args.json),
    }
}

fn report(args: &DutiesArgs) -> Result<DutyReport, ApiError> {
    let policy = load_policy(&args.policy)?;
    let calendar = policy
        .build_calendar()
        .map_err(|e| ApiError::invalid(format!("its calendar: {e}")).at(&args.policy))?;
    let roster: Roster = read_json(&args.roster)?;
    let log: DutyLog = match &args.log {
        Some(path) => read_json(path)?,
        None => DutyLog::default(),
    };
    let (from, to) = range(args)?;
    let now = match &args.now {
        Some(text) => instant(text).map_err(|e| ApiError::invalid(e).at("--now"))?,
        None => Utc::now(),
    };
    judge_duties(&policy, &calendar, &roster, &log, from, to, now).map_err(|e| {
        let at = args.log.as_deref().unwrap_or("--log");
        ApiError::invalid(e.to_string()).at(at)
    })
}

fn range(args: &DutiesArgs) -> Result<(NaiveDate, NaiveDate), ApiError> {
    let day = |flag: &str, text: &str| {
        text.parse::<NaiveDate>()
            .map_err(|e| ApiError::invalid(format!("{flag} {text}: {e}; write e.g. 2025-10-01")))
    };
    match (&args.month, &args.from, &args.to) {
        (Some(m), _, _) => {
            let month: Month = m
                .parse()
                .map_err(|e| ApiError::invalid(format!("--month {m}: {e}")))?;
            let first = NaiveDate::from_ymd_opt(month.year(), month.month(), 1);
            let last = month
                .next()
                .and_then(|n| NaiveDate::from_ymd_opt(n.year(), n.month(), 1))
                .and_then(|d| d.pred_opt());
            first
                .zip(last)
                .ok_or_else(|| ApiError::invalid(format!("--month {m}: out of range")))
        }
        (None, Some(f), Some(t)) => Ok((day("--from", f)?, day("--to", t)?)),
        _ => Err(ApiError::invalid(
            "give --month YYYY-MM, or --from DATE and --to DATE",
        )),
    }
}
