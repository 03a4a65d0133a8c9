//! `tousu schema NAME`: the JSON Schema of every document an adapter stores
//! or sends, so that integrators in any language can validate what they
//! write. (`tousu policy schema` prints the policy's.)

use std::process::ExitCode;

use schemars::{JsonSchema, schema_for};
use tousu::{model, penalty, policy, report, workflow};
use tousu_serve::docs;

/// The documents with a schema.
#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum Document {
    Policy,
    Command,
    Event,
    Case,
    Complaint,
    Roster,
    PenaltyFacts,
    CarryOver,
    PeriodResult,
    PeriodReport,
    /// A command as sent: `expected_version` may be left out.
    CommandInput,
    /// A complaint to file (`tousu cases file`, `POST /cases`).
    Filing,
    /// What filing or a command did.
    Outcome,
    /// One line of `tousu run`'s input.
    RunInput,
    /// One line of `tousu run`'s output.
    RunOutput,
    /// `tousu deadline --json`.
    Deadline,
    /// A case's open clocks (`tousu cases deadlines`).
    Deadlines,
    /// `tousu cases overdue`.
    Overdue,
    /// `tousu cases tick`.
    Tick,
    /// `tousu cases penalties`.
    Penalties,
    /// `tousu policy check --json`.
    PolicyCheck,
    /// The error document of every subcommand and the HTTP service.
    Error,
    /// The records of periodic duties and the rota (`tousu duties --log`).
    DutyLog,
    /// `tousu duties --json`.
    DutyReport,
}

/// `tousu schema NAME`.
#[derive(clap::Args)]
pub(crate) struct SchemaArgs {
    /// The document.
    #[arg(value_name = "NAME")]
    name: Document,
}

fn schema<T: JsonSchema>() -> serde_json::Value {
    serde_json::to_value(schema_for!(T)).unwrap_or(serde_json::Value::Null)
}

/// Prints the schema of the document named.
pub(crate) fn schema_cmd(args: &SchemaArgs) -> ExitCode {
    let value = match args.name {
        Document::Policy => policy::Policy::json_schema(),
        Document::Command => schema::<workflow::Command>(),
        Document::Event => schema::<workflow::Event>(),
        Document::Case => schema::<workflow::Case>(),
        Document::Complaint => schema::<model::Complaint>(),
        Document::Roster => schema::<model::Roster>(),
        Document::PenaltyFacts => schema::<penalty::PenaltyFacts>(),
        Document::CarryOver => schema::<penalty::CarryOver>(),
        Document::PeriodResult => schema::<penalty::PeriodResult>(),
        Document::PeriodReport => schema::<report::PeriodReport>(),
        Document::CommandInput => schema::<docs::CommandInput>(),
        Document::Filing => schema::<docs::FilingInput>(),
        Document::Outcome => schema::<docs::Outcome>(),
        Document::RunInput => schema::<docs::RunInputLine>(),
        Document::RunOutput => schema::<docs::RunOutputLine>(),
        Document::Deadline => schema::<docs::DeadlineDoc>(),
        Document::Deadlines => schema::<docs::DeadlinesDoc>(),
        Document::Overdue => schema::<docs::OverdueDoc>(),
        Document::Tick => schema::<docs::TickDoc>(),
        Document::Penalties => schema::<docs::PenaltiesDoc>(),
        Document::PolicyCheck => schema::<docs::PolicyCheckDoc>(),
        Document::Error => schema::<tousu_serve::ErrorDoc>(),
        Document::DutyLog => schema::<workflow::DutyLog>(),
        Document::DutyReport => schema::<workflow::DutyReport>(),
    };
    match serde_json::to_string_pretty(&value) {
        Ok(text) => {
            crate::print_line(&text.to_string());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("tousu schema: {e}");
            ExitCode::from(1)
        }
    }
}
