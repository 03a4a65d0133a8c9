//! The `tousu` command-line program.
//!
//! Subcommands (`policy check|schema`, `deadline`, `allocate`, `penalties`,
//! `report`) arrive with the issues that build their libraries; until then the
//! program answers `--version` and `--help`, and says so for anything else.
#![forbid(unsafe_code)]

use std::process::ExitCode;

const USAGE: &str = "\
tousu — complaint handling by written regulation

USAGE:
    tousu --version
    tousu --help

No subcommands are available in this build yet.";

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
        Some(other) => {
            eprintln!("tousu: unknown subcommand {other:?}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
