//! `tousu run`: apply a file of workflow commands to cases and print what happened.
//!
//! ```text
//! tousu run [--policy FILE] [--roster FILE.json] [--now RFC3339] COMMANDS.jsonl
//! ```
//!
//! Each non-blank line of the input is one JSON object, either a roster
//! `{"roster": {"departments": [...], "staff": [...]}}` (it applies to the
//! commands after it) or a command `{"case": "K1", "command": {...}}`, where
//! the command is a `tousu_workflow::Command` whose `expected_version` may be
//! omitted or `null` to mean the case's current version, and `case` may be
//! omitted for a `register` command (it names its `case_id`) — the
//! `run-input` schema. `--events FILE.jsonl` gives the events of cases the
//! caller kept: they are stored as they are, not decided again, and the
//! commands continue those cases. Each line's
//! outcome is printed as a JSON line; then, with `--now`, what time alone
//! causes at that instant (`tick`); then each case's open deadlines and final
//! state. A line that cannot be applied is reported and skipped: the exit
//! code is 1 only when the input, the roster or the policy cannot be read,
//! and 2 for a usage error. The format is documented in `docs/cli.md`.
//!
//! The commands are handled by an [`Engine`] over a [`MemoryStore`], as an
//! embedding program would: the same registration, decision, idempotency
//! and tick, not a copy of them. On a terminal a progress bar on stderr
//! follows the input; `--quiet` (or stderr not being a terminal) keeps it
//! silent.

use std::collections::HashMap;
use std::io::{Read as _, Write};
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use serde::Serialize;
use tousu::model::{CaseId, DepartmentTree, Roster};
use tousu::policy::{Policy, PolicyError};
use tousu::workflow::{Case, Command, CommandKind, DeadlineView, Event};
use tousu::{Engine, Error, MemoryStore};
use tousu_serve::docs::CommandInput;
use tousu_serve::{ApiError, RejectionDoc};

use crate::progress::Progress;

/// `tousu run`.
#[derive(clap::Args)]
#[command(
    about = "Applies workflow commands, one JSON object per line, to as many cases as the\nfile names, and prints each line's outcome, then (with --now) what time alone\ncauses at that instant, then each case's open deadlines and final state, as\nJSON lines. COMMANDS.jsonl may be - for standard input. See docs/cli.md."
)]
pub(crate) struct RunArgs {
    /// The policy (TOML, or JSON if the name ends in .json); default: the embedded default policy
    #[arg(long, value_name = "FILE")]
    policy: Option<String>,
    /// A roster (JSON: {"departments": [...], "staff": [...]}) in force before the file's first {"roster": ...} line
    #[arg(long, value_name = "FILE.json")]
    roster: Option<String>,
    /// Run `tick` on every case at this instant, and measure the final deadlines from it (default: each case's last event)
    #[arg(long, value_name = "RFC3339", value_parser = crate::cases_cmd::instant)]
    now: Option<DateTime<Utc>>,
    /// Earlier events of the cases (one event per line, as a store appends them): the cases continue from them, nothing is decided again
    #[arg(long, value_name = "FILE.jsonl")]
    events: Option<String>,
    /// The commands, one JSON object per line, or - for standard input
    #[arg(value_name = "COMMANDS.jsonl")]
    input: String,
    /// No progress bar (there is none unless stderr is a terminal)
    #[arg(long, short = 'q')]
    quiet: bool,
    /// An error that stops the run (an unreadable file, a policy with errors) as a JSON document on standard output
    #[arg(long)]
    json: bool,
}

/// What a line must look like.
const SHAPE: &str =
    "a line is either {\"roster\": {...}} or {\"case\": \"K1\", \"command\": {...}}";

/// A rejection as printed: its type, message and details.
type RejectionView = RejectionDoc;

/// The engine's errors over a memory store are the workflow's rejections;
/// anything else is printed under its own kind.
fn rejection_view(e: &Error) -> RejectionView {
    match e {
        Error::Rejected(r) => RejectionDoc::from(r),
        other => RejectionDoc {
            kind: "error".to_owned(),
            message: other.to_string(),
            details: None,
        },
    }
}

/// One input line's outcome.
#[derive(Serialize)]
#[serde(untagged)]
enum LineOutcome<'a> {
    /// The command was accepted (an idempotent repeat has no events).
    Accepted {
        line: usize,
        case: &'a CaseId,
        accepted: bool,
        events: &'a [Event],
    },
    /// The workflow refused the command; nothing changed.
    Rejected {
        line: usize,
        case: &'a CaseId,
        accepted: bool,
        rejection: RejectionView,
    },
    /// The line could not be applied at all.
    Error {
        line: usize,
        #[serde(skip_serializing_if = "Option::is_none")]
        case: Option<&'a CaseId>,
        error: ApiError,
    },
}

/// What `tick` did to a case at `--now`.
#[derive(Serialize)]
struct TickOutcome<'a> {
    tick: &'a CaseId,
    events: &'a [Event],
    #[serde(skip_serializing_if = "Option::is_none")]
    rejection: Option<RejectionView>,
}

/// A case at the end of the run.
#[derive(Serialize)]
struct FinalCase<'a> {
    case: &'a CaseId,
    deadlines: &'a [DeadlineView],
    #[serde(skip_serializing_if = "Option::is_none")]
    deadlines_rejection: Option<RejectionView>,
    state: &'a Case,
}

/// The envelope of an input line.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct InputLine {
    #[serde(default)]
    roster: Option<Roster>,
    #[serde(default)]
    case: Option<CaseId>,
    #[serde(default)]
    command: Option<serde_json::Value>,
}

/// `tousu run`.
pub(crate) fn run(args: &RunArgs) -> ExitCode {
    let setup = load_policy(args.policy.as_deref()).and_then(|policy| {
        let roster = match &args.roster {
            Some(path) => Some(load_roster(path)?),
            None => None,
        };
        let input = read_input(&args.input)?;
        let has_roster = roster.is_some();
        let roster = match roster {
            Some(r) => r,
            None => Roster::new(
                DepartmentTree::new(Vec::new()).map_err(|e| ApiError::invalid(e.to_string()))?,
                Vec::new(),
            )
            .map_err(|e| ApiError::invalid(e.to_string()))?,
        };
        let mut store = MemoryStore::new();
        let kept = match &args.events {
            Some(path) => tousu_serve::import_events(&mut store, load_events(path)?)
                .map_err(|e| e.at(path.clone()))?,
            None => Vec::new(),
        };
        let engine = Engine::new(policy, roster, store)?;
        Ok((engine, has_roster, input, kept))
    });
    let (engine, has_roster, input, kept) = match setup {
        Ok(s) => s,
        Err(e) => return crate::fail("run", &e, args.json),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut runner = Runner {
        engine,
        has_roster,
        order: kept.iter().map(|(id, _)| id.clone()).collect(),
        versions: kept.into_iter().collect(),
        out: &mut out,
    };
    let progress = Progress::new(args.quiet, input.len() as u64, "running", true);
    let written = runner
        .run(&input, args.now, &progress)
        .and_then(|()| out.flush());
    progress.finish();
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => crate::fail(
            "run",
            &ApiError::server(format!("cannot write the output: {e}")),
            args.json,
        ),
    }
}

/// The events of `--events`: one per line, blank lines skipped; a line
/// that is not an event is named by its number and field.
fn load_events(path: &str) -> Result<Vec<Event>, ApiError> {
    let text =
        std::fs::read_to_string(path).map_err(|e| ApiError::invalid(e.to_string()).at(path))?;
    let mut events = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let event: Event = tousu_serve::from_json(line).map_err(|mut e| {
            e.message = format!("{path} line {}: not a workflow event: {}", i + 1, e.message);
            e
        })?;
        events.push(event);
    }
    Ok(events)
}

fn load_policy(file: Option<&str>) -> Result<Policy, ApiError> {
    let name = file.unwrap_or("the default policy");
    let policy = match file {
        Some(f) => Policy::load(f),
        None => Policy::default_policy(),
    };
    let policy = policy.map_err(|e| {
        ApiError::invalid(match &e {
            PolicyError::Invalid { problems } => {
                let mut message = format!("{name} is not a valid policy:");
                for p in problems {
                    message.push_str(&format!("\n{p}"));
                }
                message
            }
            _ => format!("{name}: {e}"),
        })
    })?;
    // The engine builds the calendar again; building it here names the file.
    policy
        .build_calendar()
        .map_err(|e| ApiError::invalid(format!("{name}: the policy's calendar: {e}")))?;
    Ok(policy)
}

fn load_roster(path: &str) -> Result<Roster, ApiError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| ApiError::invalid(format!("--roster {path}: {e}")))?;
    tousu_serve::from_json(&text).map_err(|mut e| {
        e.message = format!("--roster {path}: not a roster: {}", e.message);
        e
    })
}

fn read_input(path: &str) -> Result<Vec<u8>, ApiError> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| ApiError::invalid(format!("standard input: {e}")))?;
        Ok(bytes)
    } else {
        std::fs::read(path).map_err(|e| ApiError::invalid(format!("{path}: {e}")))
    }
}

/// The state of a run: the engine holding the cases, and what the output
/// needs of them.
struct Runner<'a, W: Write> {
    engine: Engine<MemoryStore>,
    /// Whether a roster was given yet (the engine starts with an empty one).
    has_roster: bool,
    /// The cases in order of registration.
    order: Vec<CaseId>,
    /// Each case's version: the default `expected_version`, and the line
    /// between what a command caused now and what it caused before.
    versions: HashMap<CaseId, u64>,
    out: &'a mut W,
}

impl<W: Write> Runner<'_, W> {
    fn emit(&mut self, value: &impl Serialize) -> std::io::Result<()> {
        match serde_json::to_string(value) {
            Ok(text) => writeln!(self.out, "{text}"),
            Err(e) => writeln!(
                self.out,
                "{}",
                serde_json::json!({ "error": format!("cannot serialize the output: {e}") })
            ),
        }
    }

    fn run(
        &mut self,
        input: &[u8],
        now: Option<DateTime<Utc>>,
        progress: &Progress,
    ) -> std::io::Result<()> {
        for (i, raw) in input.split(|b| *b == b'\n').enumerate() {
            progress.inc(raw.len() as u64 + 1);
            let line = i + 1;
            let text = match std::str::from_utf8(raw) {
                Ok(t) => t,
                Err(e) => {
                    self.emit(&LineOutcome::Error {
                        line,
                        case: None,
                        error: ApiError::invalid(format!("not UTF-8 ({e})")),
                    })?;
                    continue;
                }
            };
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            self.line(line, text)?;
        }
        if let Some(now) = now {
            self.tick_all(now)?;
        }
        self.finish(now)
    }

    /// Applies one non-blank line and prints its outcome.
    fn line(&mut self, line: usize, text: &str) -> std::io::Result<()> {
        let malformed = |error: ApiError| LineOutcome::Error {
            line,
            case: None,
            error,
        };
        let value: serde_json::Value = match tousu_serve::from_json(text) {
            Ok(v) => v,
            Err(e) => return self.emit(&malformed(e)),
        };
        if !value.is_object() {
            return self.emit(&malformed(ApiError::invalid(format!(
                "{SHAPE}, not {}",
                json_type(&value)
            ))));
        }
        let input: InputLine = match tousu_serve::from_value(value) {
            Ok(v) => v,
            Err(e) => return self.emit(&malformed(e)),
        };
        let (command, named) = match input {
            InputLine {
                roster: Some(roster),
                case: None,
                command: None,
            } => {
                self.engine.set_roster(roster);
                self.has_roster = true;
                return Ok(());
            }
            InputLine {
                roster: None,
                case,
                command: Some(command),
            } => (command, case),
            _ => {
                return self.emit(&malformed(ApiError::invalid(SHAPE)));
            }
        };
        let command = match self.command(command, named.as_ref()) {
            Ok(c) => c,
            Err(mut e) => {
                // The path from the line's top: `command.kind.remedies[0].amount`.
                e.path = Some(match e.path.take() {
                    Some(p) => format!("command.{p}"),
                    None => "command".to_owned(),
                });
                return self.emit(&malformed(e));
            }
        };
        let case_id = match (&command.kind, named) {
            (CommandKind::Register { case_id, .. }, Some(named)) if *case_id != named => {
                return self.emit(&LineOutcome::Error {
                    line,
                    case: Some(&named),
                    error: ApiError::invalid(format!(
                        "the line names case {named} but the command registers {case_id}; drop \"case\" or make them agree"
                    )),
                });
            }
            (CommandKind::Register { case_id, .. }, _) => case_id.clone(),
            (_, Some(named)) => named,
            (kind, None) => {
                return self.emit(&malformed(
                    ApiError::invalid(format!(
                        "the `{}` command needs \"case\": the id of the case it applies to",
                        kind.name()
                    ))
                    .at("case"),
                ));
            }
        };
        if !self.has_roster {
            return self.emit(&LineOutcome::Error {
                line,
                case: Some(&case_id),
                error: ApiError::invalid("no roster: put a {\"roster\": {...}} line before the commands, or pass --roster FILE"),
            });
        }
        let before = self.versions.get(&case_id).copied();
        let registers = matches!(command.kind, CommandKind::Register { .. });
        if before.is_none() && !registers {
            return self.emit(&LineOutcome::Error {
                line,
                case: Some(&case_id),
                error: ApiError::new(tousu_serve::ErrorKind::NotFound, format!(
                    "unknown case {case_id}: no earlier line registered it (a rejected registration creates no case)"
                )),
            });
        }
        match self.engine.handle(&case_id, &command) {
            Ok(events) => {
                // A command seen before gets back what it caused then: this
                // line caused nothing.
                let fresh: Vec<Event> = events
                    .into_iter()
                    .filter(|e| before.is_none_or(|v| e.version > v))
                    .collect();
                if let Some(last) = fresh.last() {
                    if before.is_none() {
                        self.order.push(case_id.clone());
                    }
                    self.versions.insert(case_id.clone(), last.version);
                }
                self.emit(&LineOutcome::Accepted {
                    line,
                    case: &case_id,
                    accepted: true,
                    events: &fresh,
                })
            }
            Err(_) if registers && before.is_some() => self.emit(&LineOutcome::Error {
                line,
                case: Some(&case_id),
                error: ApiError::new(
                    tousu_serve::ErrorKind::Conflict,
                    format!("case {case_id} is registered already"),
                ),
            }),
            Err(Error::Rejected(rejection)) => self.emit(&LineOutcome::Rejected {
                line,
                case: &case_id,
                accepted: false,
                rejection: RejectionDoc::from(&rejection),
            }),
            Err(e) => self.emit(&LineOutcome::Error {
                line,
                case: Some(&case_id),
                error: ApiError::from(&e),
            }),
        }
    }

    /// The command of a line, with a missing or null `expected_version`
    /// filled in with the case's current version (0 for a new case).
    fn command(
        &self,
        value: serde_json::Value,
        named: Option<&CaseId>,
    ) -> Result<Command, ApiError> {
        let input: CommandInput = tousu_serve::from_value(value)?;
        let version = match named {
            Some(id) if !matches!(input.kind, CommandKind::Register { .. }) => {
                self.versions.get(id).copied().unwrap_or(0)
            }
            _ => 0,
        };
        Ok(input.at_version(version))
    }

    /// Runs `tick` on every case at `now` and prints what it caused.
    fn tick_all(&mut self, now: DateTime<Utc>) -> std::io::Result<()> {
        for id in self.order.clone() {
            let (events, rejection) = match self.engine.tick(&id, now) {
                Ok(events) => (events, None),
                Err(e) => (Vec::new(), Some(rejection_view(&e))),
            };
            self.emit(&TickOutcome {
                tick: &id,
                events: &events,
                rejection,
            })?;
        }
        Ok(())
    }

    /// Prints each case's open deadlines and final state.
    fn finish(&mut self, now: Option<DateTime<Utc>>) -> std::io::Result<()> {
        for id in self.order.clone() {
            let case = match self.engine.case(&id) {
                Ok(case) => case,
                Err(e) => {
                    self.emit(&LineOutcome::Error {
                        line: 0,
                        case: Some(&id),
                        error: ApiError::from(&e),
                    })?;
                    continue;
                }
            };
            let at = now.unwrap_or(case.updated_at);
            let (views, rejection) = match self.engine.deadlines(&id, at) {
                Ok(v) => (v, None),
                Err(e) => (Vec::new(), Some(rejection_view(&e))),
            };
            self.emit(&FinalCase {
                case: &case.id,
                deadlines: &views,
                deadlines_rejection: rejection,
                state: &case,
            })?;
        }
        Ok(())
    }
}

/// What kind of JSON value `v` is, for messages.
fn json_type(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}
