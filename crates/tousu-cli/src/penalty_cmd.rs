//! `tousu allocate` and `tousu penalties`: the penalty arithmetic as JSON.
//!
//! ```text
//! tousu allocate --amount DECIMAL --shares "id=weight,id=weight,..." [--rounding MODE]
//! tousu penalties --policy FILE --facts FILE.json [--carry FILE.json]
//!                 [--format json|md] [--carry-out FILE.json]
//! ```
//!
//! `allocate` prints a JSON object from party id to amount string, sorted by
//! id: `--amount 100.00 --shares "a=1,b=1,c=1"` prints
//! `{"a":"33.34","b":"33.33","c":"33.33"}`. Weights are ratios, percents
//! (`60%` or `60`) or any parts; each is 0 or more and not all are zero. An
//! amount finer than a fen is an error unless `--rounding` names a mode
//! (`half_up`, `half_even`, `up`, `down`). A negative amount is split as its
//! absolute value and every part negated.
//!
//! `penalties` reads the policy (its `penalties` table is the schedule), or
//! with `--schedule FILE` a bare penalty schedule (TOML, or JSON when the
//! file name ends in `.json`), and a facts file
//! `{"roster": {...}, "facts": {...}}`, and
//! prints the period's result — statements, department totals, summary and
//! the new carry-over — as JSON, or as Markdown with `--format md`.
//! `--carry-out` also writes the new carry-over to a file for next month's
//! `--carry`.

use std::collections::BTreeMap;
use std::process::ExitCode;

use rust_decimal::Decimal;
use tousu::model::{Money, Roster, RoundingMode};
use tousu::penalty::{CarryOver, PenaltyFacts};
use tousu::policy::PenaltySchedule;

/// `tousu allocate`.
#[derive(clap::Args)]
#[command(
    about = "Splits the amount by the weights, exact to the fen (largest remainder, ties to the lower id), and prints {\"id\": \"amount\", ...}."
)]
pub(crate) struct AllocateArgs {
    /// e.g. 100.00, 1,234.50, ¥12 (at most two decimals unless --rounding)
    #[arg(long, value_name = "DECIMAL", allow_hyphen_values = true)]
    amount: String,
    /// e.g. "a=1,b=1,c=1", "e1=60%,e2=40%", "x=0.7,y=0.3"
    #[arg(long, value_name = "id=weight,...")]
    shares: String,
    /// half_up | half_even | up | down: round a finer amount to the fen
    #[arg(long, value_name = "MODE")]
    rounding: Option<String>,
}

/// `tousu penalties`.
#[derive(clap::Args)]
#[command(about = "Computes a month's penalty statements.")]
pub(crate) struct PenaltiesArgs {
    /// The policy (TOML, or JSON if the name ends in .json); its `penalties` table is the schedule
    #[arg(long, value_name = "FILE")]
    policy: Option<String>,
    /// Instead of --policy: a bare penalty schedule
    #[arg(long, value_name = "FILE")]
    schedule: Option<String>,
    /// {"roster": {...}, "facts": {"period": "2025-10", ...}}
    #[arg(long, value_name = "FILE.json")]
    facts: String,
    /// Last month's carry-over (the `carry_out` of its result)
    #[arg(long, value_name = "FILE.json")]
    carry: Option<String>,
    /// json (default) or md
    #[arg(long, value_name = "FORMAT")]
    format: Option<String>,
    /// Also write the new carry-over to this file
    #[arg(long, value_name = "FILE.json")]
    carry_out: Option<String>,
}

fn fail(cmd: &str, message: &str) -> ExitCode {
    eprintln!("tousu {cmd}: {message}");
    ExitCode::from(2)
}

/// `tousu allocate`.
pub(crate) fn allocate(args: &AllocateArgs) -> ExitCode {
    match run_allocate(args) {
        Ok(json) => {
            crate::print_line(&json.to_string());
            ExitCode::SUCCESS
        }
        Err(message) => fail("allocate", &message),
    }
}

fn run_allocate(args: &AllocateArgs) -> Result<String, String> {
    let (amount_text, shares_text) = (&args.amount, &args.shares);
    let amount = match &args.rounding {
        None => Money::parse(amount_text).map_err(|e| match e {
            tousu::model::ModelError::SubFen { .. } => {
                format!("--amount: {e} (for example --rounding half_up)")
            }
            e => format!("--amount: {e}"),
        })?,
        Some(mode) => {
            let mode: RoundingMode = mode.parse().map_err(|e| format!("--rounding: {e}"))?;
            let exact: Decimal = amount_text.trim().parse().map_err(|_| {
                format!(
                    "--amount: {amount_text:?} is not a decimal number; expected e.g. \"100.00\""
                )
            })?;
            Money::from_decimal_rounded(exact, mode).map_err(|e| format!("--amount: {e}"))?
        }
    };
    let shares = parse_shares(shares_text)?;
    let parts = tousu::penalty::allocate(amount, &shares).map_err(|e| format!("--{e}"))?;
    let map: BTreeMap<String, String> = parts
        .into_iter()
        .map(|(k, m)| (k, m.to_plain_string()))
        .collect();
    serde_json::to_string(&map).map_err(|e| e.to_string())
}

fn parse_shares(text: &str) -> Result<Vec<(String, Decimal)>, String> {
    if text.trim().is_empty() {
        return Err("--shares is empty; expected e.g. \"a=1,b=1,c=1\"".into());
    }
    let mut out = Vec::new();
    for (i, item) in text.split(',').enumerate() {
        let item = item.trim();
        let Some((id, weight)) = item.rsplit_once('=') else {
            return Err(format!(
                "--shares item {} ({item:?}) is not id=weight; expected e.g. \"a=1\"",
                i + 1
            ));
        };
        let id = id.trim();
        if id.is_empty() {
            return Err(format!(
                "--shares item {} ({item:?}) has no party id",
                i + 1
            ));
        }
        let w = weight.trim();
        let w = w.strip_suffix('%').unwrap_or(w).trim_end();
        let w: Decimal = w.parse().map_err(|_| {
            format!(
                "--shares item {} ({item:?}): {weight:?} is not a number; expected a ratio, percent or weight such as 1, 0.6 or 60%",
                i + 1
            )
        })?;
        out.push((id.to_owned(), w));
    }
    Ok(out)
}

/// The facts file of `tousu penalties`: the roster and the month's facts.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FactsFile {
    roster: Roster,
    facts: PenaltyFacts,
}

/// `tousu penalties`.
pub(crate) fn penalties(args: &PenaltiesArgs) -> ExitCode {
    match run_penalties(args) {
        Ok(text) => {
            crate::print_line(&text.to_string());
            ExitCode::SUCCESS
        }
        Err(message) => fail("penalties", &message),
    }
}

fn read(path: &str, what: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("--{what} {path}: {e}"))
}

/// Refuses breaches that are not the period's or not the policy's: each
/// breach must fall in the statement's month in the policy's time zone
/// (Beijing time without a policy), and name one of the policy's milestones
/// when a policy is given. A statement fines the month it says it fines.
fn check_breaches(
    facts: &PenaltyFacts,
    policy: Option<&tousu::policy::Policy>,
    path: &str,
) -> Result<(), String> {
    use chrono::Offset as _;
    let offset = policy
        .map(tousu::policy::Policy::utc_offset)
        .or_else(|| chrono::FixedOffset::east_opt(8 * 3600))
        .unwrap_or_else(|| chrono::Utc.fix());
    let period = facts.period;
    for (i, b) in facts.breaches.iter().enumerate() {
        let local = b.at.with_timezone(&offset);
        use chrono::Datelike as _;
        if (local.year(), local.month()) != (period.year(), period.month()) {
            return Err(format!(
                "--facts {path}: facts.breaches[{i}].at: {} is not in the period {period} (time zone {offset}); list each breach in the statement of its month",
                local.to_rfc3339()
            ));
        }
        if let Some(policy) = policy
            && policy.milestone(&b.milestone).is_none()
        {
            let known: Vec<&str> = policy.milestones.iter().map(|m| m.id.as_str()).collect();
            return Err(format!(
                "--facts {path}: facts.breaches[{i}].milestone: \"{}\" is not a milestone of policy {}; known: {}",
                b.milestone,
                policy.id,
                known.join(", ")
            ));
        }
    }
    Ok(())
}

fn run_penalties(args: &PenaltiesArgs) -> Result<String, String> {
    let mut loaded_policy = None;
    let schedule: PenaltySchedule = match (&args.policy, &args.schedule) {
        (Some(_), Some(_)) => return Err("give --policy or --schedule, not both".into()),
        (None, None) => return Err("--policy (or --schedule) is required".into()),
        (Some(path), None) => {
            let policy =
                tousu::policy::Policy::load(path).map_err(|e| format!("--policy {path}: {e}"))?;
            let schedule = policy.penalties.clone().ok_or_else(|| {
                format!("--policy {path}: the policy has no [penalties] table; add one (see docs/penalties.md)")
            })?;
            loaded_policy = Some(policy);
            schedule
        }
        (None, Some(path)) => {
            let text = read(path, "schedule")?;
            if path.ends_with(".json") {
                tousu::model::json::from_str(&text)
                    .map_err(|e| format!("--schedule {path}: {e}"))?
            } else {
                toml::from_str(&text).map_err(|e| format!("--schedule {path}: {e}"))?
            }
        }
    };
    let facts_path = &args.facts;
    let format = args.format.as_deref().unwrap_or("json");
    if format != "json" && format != "md" {
        return Err(format!(
            "--format {format:?} is not known; expected json or md"
        ));
    }
    let mut file: FactsFile = tousu::model::json::from_str(&read(facts_path, "facts")?)
        .map_err(|e| format!("--facts {facts_path}: {e}"))?;
    check_breaches(&file.facts, loaded_policy.as_ref(), facts_path)?;
    if let Some(policy) = &loaded_policy {
        // The statements' Chinese text names milestones and levels as the policy does.
        file.facts.names.merge(tousu::penalty::Names::of(policy));
    }
    let carry: Option<CarryOver> = match &args.carry {
        Some(p) => Some(
            tousu::model::json::from_str(&read(p, "carry")?)
                .map_err(|e| format!("--carry {p}: {e}"))?,
        ),
        None => None,
    };
    let result =
        tousu::penalty::compute_statements(&schedule, &file.roster, &file.facts, carry.as_ref())
            .map_err(|e| e.to_string())?;
    if let Some(p) = &args.carry_out {
        let json = serde_json::to_string_pretty(&result.carry_out).map_err(|e| e.to_string())?;
        std::fs::write(p, json + "\n").map_err(|e| format!("--carry-out {p}: {e}"))?;
    }
    match format {
        "md" => Ok(tousu::penalty::render_markdown(&result)),
        _ => serde_json::to_string_pretty(&result).map_err(|e| e.to_string()),
    }
}
