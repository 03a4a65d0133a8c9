//! The `tousu` command-line program.
//!
//! Every subcommand speaks JSON (or Markdown for people) so that adapters in
//! any language and testers can drive the libraries; see `docs/cli.md`.
//! Arguments are parsed by clap; each subcommand's options live next to the
//! code that runs it.
#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

mod calendar_cmd;
mod cases_cmd;
mod duties_cmd;
mod penalty_cmd;
mod policy_cmd;
mod progress;
mod report_cmd;
mod run_cmd;
mod schema_cmd;
mod serve_cmd;
mod timeline_cmd;

/// Every help page starts with the usage, under the heading the program
/// has always printed.
const HELP: &str = "{about-with-newline}\nUSAGE:\n    {usage}\n\n{all-args}{after-help}";

/// tousu — complaint handling by written regulation
#[derive(Parser)]
#[command(name = "tousu", version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Cmd>,
}

#[derive(Subcommand)]
enum Cmd {
    /// Validate a policy, or print its JSON Schema.
    Policy(policy_cmd::PolicyArgs),
    /// The JSON Schema of a document an adapter stores or sends.
    Schema(schema_cmd::SchemaArgs),
    /// When a time limit runs out, by the policy's business calendar.
    Deadline(policy_cmd::DeadlineArgs),
    /// A year's days off and make-up days with their source; check a calendar data file.
    Calendar(calendar_cmd::CalendarArgs),
    /// Split an amount by weights, exact to the fen.
    Allocate(penalty_cmd::AllocateArgs),
    /// A month's penalty statements.
    Penalties(penalty_cmd::PenaltiesArgs),
    /// Periodic duties due in a month, judged against a duty log.
    Duties(duties_cmd::DutiesArgs),
    /// A period report (统计分析) over a file of workflow events.
    Report(report_cmd::ReportArgs),
    /// One case's clocks over the business calendar, as SVG.
    Timeline(timeline_cmd::TimelineArgs),
    /// Apply a file of workflow commands to cases and print what happened.
    Run(run_cmd::RunArgs),
    /// Cases kept in a store between calls: file, handle, tick, show, deadlines, overdue, report, penalties.
    Cases(cases_cmd::CasesArgs),
    /// The HTTP/JSON service over the store (docs/serve.md).
    Serve(serve_cmd::ServeArgs),
}

/// The program's command tree, every page with the same help layout.
fn command() -> clap::Command {
    fn layout(cmd: clap::Command) -> clap::Command {
        cmd.help_template(HELP).mut_subcommands(layout)
    }
    let mut cmd = layout(Cli::command());
    // Built once, so that a subcommand's page names the whole command
    // (`tousu policy`) when it is rendered on its own.
    cmd.build();
    cmd
}

fn main() -> ExitCode {
    let mut cmd = command();
    let parsed = cmd
        .try_get_matches_from_mut(std::env::args_os())
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e, &mut cmd),
    };
    match cli.command {
        None => {
            print_line(&cmd.render_help().to_string());
            ExitCode::SUCCESS
        }
        Some(Cmd::Policy(args)) => policy_cmd::policy(&args),
        Some(Cmd::Schema(args)) => schema_cmd::schema_cmd(&args),
        Some(Cmd::Deadline(args)) => policy_cmd::deadline(&args),
        Some(Cmd::Calendar(args)) => calendar_cmd::calendar(&args),
        Some(Cmd::Allocate(args)) => penalty_cmd::allocate(&args),
        Some(Cmd::Penalties(args)) => penalty_cmd::penalties(&args),
        Some(Cmd::Duties(args)) => duties_cmd::duties(&args),
        Some(Cmd::Report(args)) => report_cmd::report(&args),
        Some(Cmd::Timeline(args)) => timeline_cmd::timeline(&args),
        Some(Cmd::Run(args)) => run_cmd::run(&args),
        Some(Cmd::Cases(args)) => cases_cmd::cases(&args),
        Some(Cmd::Serve(args)) => serve_cmd::serve(&args),
    }
}

/// Reports a failure in the one error shape and returns its exit code
/// (docs/cli.md): with `--json`, the error document on standard output;
/// else `tousu NAME: path: message` on standard error.
pub(crate) fn fail(name: &str, e: &tousu_serve::ApiError, json: bool) -> ExitCode {
    if json {
        match serde_json::to_string(&e.clone().doc()) {
            Ok(text) => print_line(&text),
            Err(_) => eprintln!("tousu {name}: {e}"),
        }
    } else {
        eprintln!("tousu {name}: {e}");
    }
    ExitCode::from(e.kind.exit_code())
}

/// Help and version go to standard output (exit 0); anything else is a
/// usage error, exit 2 (docs/cli.md): on standard error with the
/// subcommand's usage, or with `--json` as the error document on standard
/// output.
fn usage_error(e: &clap::Error, cmd: &mut clap::Command) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        print_line(e.to_string().trim_end());
        return ExitCode::SUCCESS;
    }
    let sub = std::env::args().nth(1).unwrap_or_default();
    let (name, page) = match cmd.find_subcommand_mut(&sub) {
        Some(s) => (format!("tousu {sub}"), s.render_help()),
        None => ("tousu".to_owned(), cmd.render_help()),
    };
    // clap's message without its own usage lines, which the page repeats.
    let text = e.to_string();
    let message = text.split("\n\n").next().unwrap_or_default();
    let message = message.strip_prefix("error: ").unwrap_or(message);
    let error = tousu_serve::ApiError::new(tousu_serve::ErrorKind::Usage, message);
    if std::env::args().any(|a| a == "--json") {
        return fail(&sub, &error, true);
    }
    eprintln!("{name}: {message}\n\n{page}");
    ExitCode::from(error.kind.exit_code())
}

/// Prints a line on standard output (see [`print_text`]).
pub(crate) fn print_line(text: &str) {
    print_text(&format!("{text}\n"));
}

/// Prints text on standard output as it is. Every subcommand writes through
/// this, so `tousu … | head` never panics as `print!` does on a closed pipe:
/// a reader that went away ends the program quietly with success (as
/// ripgrep does), any other failure to write (a full disk) is said on
/// standard error with exit code 1.
pub(crate) fn print_text(text: &str) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => {
            eprintln!("tousu: cannot write the output: {e}");
            std::process::exit(1)
        }
    }
}
