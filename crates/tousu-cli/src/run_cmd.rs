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

use std::collections::HashMap;
use std::io::{Read as _, Write};
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use serde::Serialize;
use tousu_model::{CaseId, Roster};
use tousu_policy::{Policy, PolicyError};
use tousu_workflow::{
    Case, Command, CommandKind, DeadlineView, Event, PolicyRuntime, Rejection, deadlines, decide,
    evolve, register, tick,
};

const USAGE: &str = "\
USAGE:
    tousu run [--policy FILE] [--roster FILE.json] [--now RFC3339] COMMANDS.jsonl

Applies workflow commands, one JSON object per line, to as many cases as the
file names, and prints each line's outcome, then (with --now) what time alone
causes at that instant, then each case's open deadlines and final state, as
JSON lines. COMMANDS.jsonl may be - for standard input. See docs/cli.md.
    --policy  the policy (TOML, or JSON if the name ends in .json);
              default: the embedded default policy
    --roster  a roster (JSON: {\"departments\": [...], \"staff\": [...]}) in
              force before the file's first {\"roster\": ...} line
    --now     run `tick` on every case at this instant, and measure the
              final deadlines from it (default: each case's last event)";

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

struct Options {
    policy: Option<String>,
    roster: Option<String>,
    now: Option<DateTime<Utc>>,
    input: String,
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("tousu run: {message}\n\n{USAGE}");
    ExitCode::from(2)
}

/// Parses the arguments; `Ok(None)` asks for the usage.
fn options(args: &[String]) -> Result<Option<Options>, String> {
    let mut policy = None;
    let mut roster = None;
    let mut now = None;
    let mut input = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_owned())),
            _ => (a.as_str(), None),
        };
        let slot = match name {
            "--help" | "-h" => return Ok(None),
            "--policy" => &mut policy,
            "--roster" => &mut roster,
            "--now" => &mut now,
            s if s.starts_with("--") => return Err(format!("unknown option {a:?}")),
            _ if input.is_none() => {
                input = Some(a.clone());
                continue;
            }
            _ => return Err(format!("unexpected argument {a:?}")),
        };
        let value = match inline {
            Some(v) => v,
            None => it
                .next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))?,
        };
        if slot.replace(value).is_some() {
            return Err(format!("{name} is given twice"));
        }
    }
    let now = match now {
        Some(text) => Some(
            DateTime::parse_from_rfc3339(text.trim())
                .map_err(|e| {
                    format!(
                        "--now {text:?} is not an RFC 3339 instant ({e}); expected e.g. 2025-11-10T09:00:00+08:00"
                    )
                })?
                .to_utc(),
        ),
        None => None,
    };
    let input = input.ok_or("name the COMMANDS.jsonl file (or - for standard input)")?;
    Ok(Some(Options {
        policy,
        roster,
        now,
        input,
    }))
}

/// `tousu run`.
pub(crate) fn run(args: &[String]) -> ExitCode {
    let opts = match options(args) {
        Ok(Some(o)) => o,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => return usage_error(&message),
    };
    let setup = load_policy(opts.policy.as_deref()).and_then(|rt| {
        let roster = match &opts.roster {
            Some(path) => Some(load_roster(path)?),
            None => None,
        };
        let input = read_input(&opts.input)?;
        Ok((rt, roster, input))
    });
    let (rt, roster, input) = match setup {
        Ok(s) => s,
        Err(message) => {
            eprintln!("tousu run: {message}");
            return ExitCode::FAILURE;
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut runner = Runner {
        rt: &rt,
        roster,
        cases: Vec::new(),
        index: HashMap::new(),
        out: &mut out,
    };
    let written = runner.run(&input, opts.now).and_then(|()| out.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tousu run: cannot write the output: {e}");
            ExitCode::FAILURE
        }
    }
}

fn load_policy(file: Option<&str>) -> Result<PolicyRuntime, String> {
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
    PolicyRuntime::new(policy).map_err(|e| format!("{name}: the policy's calendar: {e}"))
}

fn load_roster(path: &str) -> Result<Roster, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("--roster {path}: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("--roster {path}: not a roster: {e}"))
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

/// The state of a run: the roster in force and the cases so far.
struct Runner<'a, W: Write> {
    rt: &'a PolicyRuntime,
    roster: Option<Roster>,
    /// The cases in order of registration.
    cases: Vec<Case>,
    /// A case id's position in `cases`.
    index: HashMap<CaseId, usize>,
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

    fn run(&mut self, input: &[u8], now: Option<DateTime<Utc>>) -> std::io::Result<()> {
        for (i, raw) in input.split(|b| *b == b'\n').enumerate() {
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
        let value: serde_json::Value = match serde_json::from_str(text) {
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
                self.roster = Some(roster);
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
        let Some(roster) = &self.roster else {
            return self.emit(&LineOutcome::Error {
                line,
                case: Some(&case_id),
                error: "no roster: put a {\"roster\": {...}} line before the commands, or pass --roster FILE".to_owned(),
            });
        };
        let ctx = self.rt.ctx(roster, command.at);
        let position = self.index.get(&case_id).copied();
        let current = position.and_then(|p| self.cases.get(p));
        let decided = match (&command.kind, current) {
            (CommandKind::Register { .. }, Some(case))
                if case.command_ids.contains(&command.id) =>
            {
                // The same registration sent again: idempotent, no second effect.
                Ok(Vec::new())
            }
            (CommandKind::Register { .. }, Some(_)) => {
                return self.emit(&LineOutcome::Error {
                    line,
                    case: Some(&case_id),
                    error: format!("case {case_id} is registered already"),
                });
            }
            (CommandKind::Register { .. }, None) => register(&command, &ctx),
            (_, Some(case)) => decide(case, &command, &ctx),
            (_, None) => {
                return self.emit(&LineOutcome::Error {
                    line,
                    case: Some(&case_id),
                    error: format!(
                        "unknown case {case_id}: no earlier line registered it (a rejected registration creates no case)"
                    ),
                });
            }
        };
        match decided {
            Ok(events) => {
                self.apply(&case_id, position, &events);
                self.emit(&LineOutcome::Accepted {
                    line,
                    case: &case_id,
                    accepted: true,
                    events: &events,
                })
            }
            Err(rejection) => self.emit(&LineOutcome::Rejected {
                line,
                case: &case_id,
                accepted: false,
                rejection: RejectionView::from(&rejection),
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
                Some(id) if !is_register => self
                    .index
                    .get(id)
                    .and_then(|p| self.cases.get(*p))
                    .map_or(0, |c| c.version),
                _ => 0,
            };
            object.insert("expected_version".to_owned(), version.into());
        }
        serde_json::from_value(value)
    }

    /// Folds accepted events into the case (creating it on registration).
    fn apply(&mut self, case_id: &CaseId, position: Option<usize>, events: &[Event]) {
        if events.is_empty() {
            return;
        }
        match position.and_then(|p| self.cases.get_mut(p)) {
            Some(case) => {
                let next = events.iter().fold(case.clone(), evolve);
                *case = next;
            }
            None => {
                if let Ok(case) = Case::replay_events(events) {
                    self.index.insert(case_id.clone(), self.cases.len());
                    self.cases.push(case);
                }
            }
        }
    }

    /// Runs `tick` on every case at `now` and prints what it caused.
    fn tick_all(&mut self, now: DateTime<Utc>) -> std::io::Result<()> {
        // A case exists only once a registration was decided under a roster.
        let Some(roster) = self.roster.clone() else {
            return Ok(());
        };
        for i in 0..self.cases.len() {
            let Some(case) = self.cases.get(i) else {
                continue;
            };
            let ctx = self.rt.ctx(&roster, now);
            let (events, rejection) = match tick(case, &ctx) {
                Ok(events) => (events, None),
                Err(r) => (Vec::new(), Some(RejectionView::from(&r))),
            };
            let next = events.iter().fold(case.clone(), evolve);
            let id = next.id.clone();
            if let Some(slot) = self.cases.get_mut(i) {
                *slot = next;
            }
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
        // A case exists only once a registration was decided under a roster.
        let Some(roster) = self.roster.clone() else {
            return Ok(());
        };
        let cases = std::mem::take(&mut self.cases);
        for case in &cases {
            let ctx = self.rt.ctx(&roster, now.unwrap_or(case.updated_at));
            let (views, rejection) = match deadlines(case, &ctx) {
                Ok(v) => (v, None),
                Err(r) => (Vec::new(), Some(RejectionView::from(&r))),
            };
            self.emit(&FinalCase {
                case: &case.id,
                deadlines: &views,
                deadlines_rejection: rejection,
                state: case,
            })?;
        }
        self.cases = cases;
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
