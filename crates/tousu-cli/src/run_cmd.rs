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
//! omitted for a `register` command (it names its `case_id`). Each line's
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
use tousu::workflow::{Case, Command, CommandKind, DeadlineView, Event, Rejection};
use tousu::{Engine, Error, MemoryStore};

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
    #[arg(long, value_name = "RFC3339", value_parser = instant)]
    now: Option<DateTime<Utc>>,
    /// The commands, one JSON object per line, or - for standard input
    #[arg(value_name = "COMMANDS.jsonl")]
    input: String,
    /// No progress bar (there is none unless stderr is a terminal)
    #[arg(long, short = 'q')]
    quiet: bool,
}

/// An RFC 3339 instant, for `--now`.
fn instant(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.to_utc())
        .map_err(|e| {
            format!(
                "{text:?} is not an RFC 3339 instant ({e}); expected e.g. 2025-11-10T09:00:00+08:00"
            )
        })
}

/// What a line must look like.
const SHAPE: &str =
    "a line is either {\"roster\": {...}} or {\"case\": \"K1\", \"command\": {...}}";

/// A rejection as printed: its type and its message.
#[derive(Serialize)]
struct RejectionView {
    #[serde(rename = "type")]
    kind: &'static str,
    message: String,
}

impl From<&Rejection> for RejectionView {
    fn from(r: &Rejection) -> Self {
        RejectionView {
            kind: r.kind(),
            message: r.to_string(),
        }
    }
}

/// The engine's errors over a memory store are the workflow's rejections;
/// anything else (a bug) is printed under `error`.
impl From<&Error> for RejectionView {
    fn from(e: &Error) -> Self {
        match e {
            Error::Rejected(r) => RejectionView::from(r),
            other => RejectionView {
                kind: "error",
                message: other.to_string(),
            },
        }
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
        error: String,
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
                DepartmentTree::new(Vec::new()).map_err(|e| e.to_string())?,
                Vec::new(),
            )
            .map_err(|e| e.to_string())?,
        };
        let engine = Engine::new(policy, roster, MemoryStore::new()).map_err(|e| e.to_string())?;
        Ok((engine, has_roster, input))
    });
    let (engine, has_roster, input) = match setup {
        Ok(s) => s,
        Err(message) => {
            eprintln!("tousu run: {message}");
            return ExitCode::FAILURE;
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut runner = Runner {
        engine,
        has_roster,
        order: Vec::new(),
        versions: HashMap::new(),
        out: &mut out,
    };
    let progress = Progress::new(args.quiet, input.len() as u64, "running", true);
    let written = runner
        .run(&input, args.now, &progress)
        .and_then(|()| out.flush());
    progress.finish();
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tousu run: cannot write the output: {e}");
            ExitCode::FAILURE
        }
    }
}

fn load_policy(file: Option<&str>) -> Result<Policy, String> {
    let name = file.unwrap_or("the default policy");
    let policy = match file {
        Some(f) => Policy::load(f),
        None => Policy::default_policy(),
    };
    let policy = policy.map_err(|e| match &e {
        PolicyError::Invalid { problems } => {
            let mut message = format!("{name} is not a valid policy:");
            for p in problems {
                message.push_str(&format!("\n{p}"));
            }
            message
        }
        _ => format!("{name}: {e}"),
    })?;
    // The engine builds the calendar again; building it here names the file.
    policy
        .build_calendar()
        .map_err(|e| format!("{name}: the policy's calendar: {e}"))?;
    Ok(policy)
}

fn load_roster(path: &str) -> Result<Roster, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("--roster {path}: {e}"))?;
    tousu::model::json::from_str(&text).map_err(|e| format!("--roster {path}: not a roster: {e}"))
}

fn read_input(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("standard input: {e}"))?;
        Ok(bytes)
    } else {
        std::fs::read(path).map_err(|e| format!("{path}: {e}"))
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
                        error: format!("malformed: not UTF-8 ({e})"),
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
        let malformed = |error: String| LineOutcome::Error {
            line,
            case: None,
            error: format!("malformed: {error}"),
        };
        let value: serde_json::Value = match tousu::model::json::from_str(text) {
            Ok(v) => v,
            Err(e) => return self.emit(&malformed(e.to_string())),
        };
        if !value.is_object() {
            return self.emit(&malformed(format!("{SHAPE}, not {}", json_type(&value))));
        }
        let input: InputLine = match serde_json::from_value(value) {
            Ok(v) => v,
            Err(e) => return self.emit(&malformed(e.to_string())),
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
                return self.emit(&malformed(SHAPE.to_owned()));
            }
        };
        let command = match self.command(command, named.as_ref()) {
            Ok(c) => c,
            Err(e) => return self.emit(&malformed(format!("command: {e}"))),
        };
        let case_id = match (&command.kind, named) {
            (CommandKind::Register { case_id, .. }, Some(named)) if *case_id != named => {
                return self.emit(&LineOutcome::Error {
                    line,
                    case: Some(&named),
                    error: format!(
                        "the line names case {named} but the command registers {case_id}; drop \"case\" or make them agree"
                    ),
                });
            }
            (CommandKind::Register { case_id, .. }, _) => case_id.clone(),
            (_, Some(named)) => named,
            (kind, None) => {
                return self.emit(&malformed(format!(
                    "the `{}` command needs \"case\": the id of the case it applies to",
                    kind.name()
                )));
            }
        };
        if !self.has_roster {
            return self.emit(&LineOutcome::Error {
                line,
                case: Some(&case_id),
                error: "no roster: put a {\"roster\": {...}} line before the commands, or pass --roster FILE".to_owned(),
            });
        }
        let before = self.versions.get(&case_id).copied();
        let registers = matches!(command.kind, CommandKind::Register { .. });
        if before.is_none() && !registers {
            return self.emit(&LineOutcome::Error {
                line,
                case: Some(&case_id),
                error: format!(
                    "unknown case {case_id}: no earlier line registered it (a rejected registration creates no case)"
                ),
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
                error: format!("case {case_id} is registered already"),
            }),
            Err(Error::Rejected(rejection)) => self.emit(&LineOutcome::Rejected {
                line,
                case: &case_id,
                accepted: false,
                rejection: RejectionView::from(&rejection),
            }),
            Err(e) => self.emit(&LineOutcome::Error {
                line,
                case: Some(&case_id),
                error: e.to_string(),
            }),
        }
    }

    /// The command of a line, with a missing or null `expected_version`
    /// filled in with the case's current version (0 for a new case).
    fn command(
        &self,
        mut value: serde_json::Value,
        named: Option<&CaseId>,
    ) -> Result<Command, serde_json::Error> {
        if let Some(object) = value.as_object_mut()
            && object
                .get("expected_version")
                .is_none_or(serde_json::Value::is_null)
        {
            let is_register = object
                .get("kind")
                .and_then(|k| k.get("type"))
                .and_then(serde_json::Value::as_str)
                == Some("register");
            let version = match named {
                Some(id) if !is_register => self.versions.get(id).copied().unwrap_or(0),
                _ => 0,
            };
            object.insert("expected_version".to_owned(), version.into());
        }
        serde_json::from_value(value)
    }

    /// Runs `tick` on every case at `now` and prints what it caused.
    fn tick_all(&mut self, now: DateTime<Utc>) -> std::io::Result<()> {
        for id in self.order.clone() {
            let (events, rejection) = match self.engine.tick(&id, now) {
                Ok(events) => (events, None),
                Err(e) => (Vec::new(), Some(RejectionView::from(&e))),
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
                        error: e.to_string(),
                    })?;
                    continue;
                }
            };
            let at = now.unwrap_or(case.updated_at);
            let (views, rejection) = match self.engine.deadlines(&id, at) {
                Ok(v) => (v, None),
                Err(e) => (Vec::new(), Some(RejectionView::from(&e))),
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
