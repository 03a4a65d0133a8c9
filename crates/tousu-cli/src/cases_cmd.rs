//! `tousu cases …`: a command line that keeps state. The cases live in a
//! durable store (an SQLite file by default, PostgreSQL by URL) between
//! calls, so a program in any language files a complaint, sends commands,
//! lets time pass and asks for deadlines, reports and penalties without
//! re-sending history. Every answer is a JSON document on standard output,
//! the same as the HTTP service's (`tousu serve`); see docs/cli.md.

use std::process::ExitCode;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use tousu::model::{CaseId, Roster};
use tousu::penalty::{CarryOver, Month};
use tousu::policy::{Policy, PolicyError};
use tousu::{Engine, Error};
use tousu_serve::docs::{CommandInput, FilingInput, PenaltiesInput};
use tousu_serve::{AnyStore, ApiError, Service, from_json};

/// Where the cases are and what judges them: shared by `tousu cases` and
/// `tousu serve`.
#[derive(clap::Args, Clone)]
pub(crate) struct StoreArgs {
    /// The store: an SQLite file (created if absent) or a postgres:// URL
    #[arg(
        long,
        value_name = "PATH|URL",
        env = "TOUSU_DB",
        default_value = "tousu.db"
    )]
    db: String,
    /// The policy new cases are judged by (TOML, or JSON if the name ends in .json); default: the embedded default policy
    #[arg(long, value_name = "FILE", env = "TOUSU_POLICY")]
    policy: Option<String>,
    /// An older policy version that still judges the cases opened under it; repeatable
    #[arg(long, value_name = "FILE")]
    older_policy: Vec<String>,
    /// The roster (JSON: {"departments": [...], "staff": [...]}); default: nobody
    #[arg(long, value_name = "FILE.json", env = "TOUSU_ROSTER")]
    roster: Option<String>,
    /// Keep a snapshot of a case every this many events (0: never), so loading a long case replays at most this many
    #[arg(long, value_name = "N", default_value_t = 64)]
    snapshot_every: u64,
}

/// `tousu cases`.
#[derive(clap::Args)]
pub(crate) struct CasesArgs {
    #[command(flatten)]
    store: StoreArgs,
    /// Errors as a JSON document on standard output (the answers are always JSON)
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// File a complaint (a filing document: command_id, actor, complaint, optional case_id)
    File {
        /// The filing, JSON, or - for standard input
        #[arg(value_name = "FILING.json")]
        input: String,
    },
    /// Handle a command on a case (a command whose expected_version may be left out)
    Handle {
        /// The case
        case: String,
        /// The command, JSON, or - for standard input
        #[arg(value_name = "COMMAND.json")]
        input: String,
    },
    /// Let time pass: warnings, breaches and escalations due at --now
    Tick {
        /// The instant, RFC 3339
        #[arg(long, value_name = "RFC3339", value_parser = instant)]
        now: DateTime<Utc>,
    },
    /// A case, rebuilt from its events
    Show {
        /// The case
        case: String,
    },
    /// A case's events, in order (a JSON array)
    Events {
        /// The case
        case: String,
    },
    /// A case's open clocks
    Deadlines {
        /// The case
        case: String,
        /// The instant (default: the case's last event)
        #[arg(long, value_name = "RFC3339", value_parser = instant)]
        now: Option<DateTime<Utc>>,
    },
    /// Every running clock past its deadline, and the clocks without one
    Overdue {
        /// The instant, RFC 3339
        #[arg(long, value_name = "RFC3339", value_parser = instant)]
        now: DateTime<Utc>,
    },
    /// The period report (JSON) over the cases received from --from to --to
    Report {
        /// The first local date, YYYY-MM-DD
        #[arg(long, value_name = "DATE")]
        from: NaiveDate,
        /// The last local date, YYYY-MM-DD (inclusive)
        #[arg(long, value_name = "DATE")]
        to: NaiveDate,
        /// Now for open clocks (default: the end of --to)
        #[arg(long, value_name = "RFC3339", value_parser = instant)]
        as_of: Option<DateTime<Utc>>,
    },
    /// A month's penalty facts from the stored cases and the statements
    Penalties {
        /// The month, YYYY-MM
        #[arg(long, value_name = "YYYY-MM")]
        period: Month,
        /// Last month's carry-over (result.carry_out of its answer)
        #[arg(long, value_name = "FILE.json")]
        carry: Option<String>,
    },
}

/// An RFC 3339 instant.
pub(crate) fn instant(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.to_utc())
        .map_err(|e| {
            format!(
                "{text:?} is not an RFC 3339 instant ({e}); expected e.g. 2025-11-10T09:00:00+08:00"
            )
        })
}

/// A policy file as the engine takes it, or why not (with the file as path).
pub(crate) fn load_policy(file: &str) -> Result<Policy, ApiError> {
    Policy::load(file).map_err(|e| {
        let message = match &e {
            PolicyError::Invalid { problems } => {
                let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
                format!("not a valid policy: {}", listed.join("; "))
            }
            _ => e.to_string(),
        };
        ApiError::invalid(message).at(file)
    })
}

fn read(path: &str) -> Result<String, ApiError> {
    if path == "-" {
        std::io::read_to_string(std::io::stdin())
            .map_err(|e| ApiError::invalid(e.to_string()).at("standard input"))
    } else {
        std::fs::read_to_string(path).map_err(|e| ApiError::invalid(e.to_string()).at(path))
    }
}

/// A JSON file as `T`; the error names the file and the field.
pub(crate) fn read_json<T: serde::de::DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    let text = read(path)?;
    from_json(&text).map_err(|mut e| {
        // The path is the field; the message says which file.
        if e.path.is_none() {
            e.path = Some(path.to_owned());
        } else if path != "-" {
            e.message = format!("{path}: {}", e.message);
        }
        e
    })
}

impl StoreArgs {
    /// The service over the store, with the policies and the roster.
    pub(crate) fn open(&self) -> Result<Service<AnyStore>, ApiError> {
        let policy = match &self.policy {
            Some(file) => load_policy(file)?,
            None => Policy::default_policy().map_err(|e| ApiError::server(e.to_string()))?,
        };
        let roster: Roster = match &self.roster {
            Some(path) => read_json(path)?,
            None => Roster::new(
                tousu::model::DepartmentTree::new(Vec::new())
                    .map_err(|e| ApiError::server(e.to_string()))?,
                Vec::new(),
            )
            .map_err(|e| ApiError::server(e.to_string()))?,
        };
        let store = AnyStore::open(&self.db)
            .map_err(|e| ApiError::from(Error::from(e)).at(self.db.clone()))?;
        let mut engine = Engine::new(policy, roster, store)?.with_snapshots(self.snapshot_every);
        for file in &self.older_policy {
            engine.add_policy(load_policy(file)?, false)?;
        }
        Ok(Service::new(engine))
    }
}

fn case_id(text: &str) -> Result<CaseId, ApiError> {
    CaseId::new(text).map_err(|e| ApiError::invalid(e.to_string()).at("CASE"))
}

fn print<T: Serialize>(value: &T) -> Result<(), ApiError> {
    let text = serde_json::to_string(value).map_err(|e| ApiError::server(e.to_string()))?;
    crate::print_line(&text);
    Ok(())
}

fn act(service: &mut Service<AnyStore>, action: &Action) -> Result<(), ApiError> {
    match action {
        Action::File { input } => print(&service.file(read_json::<FilingInput>(input)?)?),
        Action::Handle { case, input } => {
            let command: CommandInput = read_json(input)?;
            print(&service.command(&case_id(case)?, command)?)
        }
        Action::Tick { now } => print(&service.tick(*now)?),
        Action::Show { case } => print(&service.case(&case_id(case)?)?),
        Action::Events { case } => print(&service.events(&case_id(case)?)?),
        Action::Deadlines { case, now } => print(&service.deadlines(&case_id(case)?, *now)?),
        Action::Overdue { now } => print(&service.overdue(*now)?),
        Action::Report { from, to, as_of } => print(&service.report(*from, *to, *as_of)?),
        Action::Penalties { period, carry } => {
            let carry: Option<CarryOver> = carry.as_deref().map(read_json).transpose()?;
            print(&service.penalties(PenaltiesInput {
                period: *period,
                carry,
            })?)
        }
    }
}

/// `tousu cases …`.
pub(crate) fn cases(args: &CasesArgs) -> ExitCode {
    let done = args
        .store
        .open()
        .and_then(|mut service| act(&mut service, &args.action));
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => crate::fail("cases", &e, args.json),
    }
}
