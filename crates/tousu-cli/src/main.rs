//! The `tousu` command-line program.
//!
//! Every subcommand speaks JSON (or Markdown for people) so that adapters in
//! any language and testers can drive the libraries; see `docs/cli.md`.
#![forbid(unsafe_code)]

use std::process::ExitCode;

mod penalty_cmd;
mod policy_cmd;
mod progress;
mod report_cmd;
mod run_cmd;
mod schema_cmd;
mod timeline_cmd;

const USAGE: &str = "\
tousu — complaint handling by written regulation

USAGE:
    tousu --version
    tousu --help
    tousu policy check FILE [--json]
    tousu policy schema
    tousu schema command|event|case|complaint|roster|penalty-facts|carry-over|period-result|period-report
    tousu deadline [--policy FILE] --from RFC3339 --within DURATION [--json]
    tousu allocate --amount DECIMAL --shares \"id=weight,...\" [--rounding MODE]
    tousu penalties --policy FILE --facts FILE.json [--carry FILE.json] [--format json|md]
    tousu report --policy FILE --cases FILE.jsonl --from DATE --to DATE [--format md|csv|json|html] [--quiet]
    tousu timeline --policy FILE --cases FILE.jsonl --case ID [--as-of RFC3339] [--format svg|json]
    tousu run [--policy FILE] [--roster FILE.json] [--now RFC3339] COMMANDS.jsonl

Each subcommand prints its own usage with --help.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--version" | "-V") => {
            println!("tousu {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        None | Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some("schema") => schema_cmd::schema_cmd(args.get(1..).unwrap_or_default()),
        Some("policy") => policy_cmd::policy(args.get(1..).unwrap_or_default()),
        Some("deadline") => policy_cmd::deadline(args.get(1..).unwrap_or_default()),
        Some("allocate") => penalty_cmd::allocate(args.get(1..).unwrap_or_default()),
        Some("penalties") => penalty_cmd::penalties(args.get(1..).unwrap_or_default()),
        Some("report") => report_cmd::report(args.get(1..).unwrap_or_default()),
        Some("timeline") => timeline_cmd::timeline(args.get(1..).unwrap_or_default()),
        Some("run") => run_cmd::run(args.get(1..).unwrap_or_default()),
        Some(other) => {
            eprintln!("tousu: unknown subcommand {other:?}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
