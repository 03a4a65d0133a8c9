//! `tousu schema NAME`: the JSON Schema of every document an adapter stores
//! or sends, so that integrators in any language can validate what they
//! write. (`tousu policy schema` prints the policy's.)

use std::process::ExitCode;

use schemars::{JsonSchema, schema_for};

const NAMES: &str = "policy, command, event, case, complaint, roster, penalty-facts, carry-over, period-result, period-report";

fn schema<T: JsonSchema>() -> serde_json::Value {
    serde_json::to_value(schema_for!(T)).unwrap_or(serde_json::Value::Null)
}

/// Prints the schema named by the first argument.
pub(crate) fn schema_cmd(args: &[String]) -> ExitCode {
    let value = match args.first().map(String::as_str) {
        Some("policy") => tousu_policy::Policy::json_schema(),
        Some("command") => schema::<tousu_workflow::Command>(),
        Some("event") => schema::<tousu_workflow::Event>(),
        Some("case") => schema::<tousu_workflow::Case>(),
        Some("complaint") => schema::<tousu_model::Complaint>(),
        Some("roster") => schema::<tousu_model::Roster>(),
        Some("penalty-facts") => schema::<tousu_penalty::PenaltyFacts>(),
        Some("carry-over") => schema::<tousu_penalty::CarryOver>(),
        Some("period-result") => schema::<tousu_penalty::PeriodResult>(),
        Some("period-report") => schema::<tousu::report::PeriodReport>(),
        Some("--help" | "-h") | None => {
            println!("USAGE:\n    tousu schema NAME\n\nNAME is one of: {NAMES}");
            return if args.is_empty() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
        Some(other) => {
            eprintln!("tousu schema: unknown document {other:?}; expected one of: {NAMES}");
            return ExitCode::from(2);
        }
    };
    match serde_json::to_string_pretty(&value) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("tousu schema: {e}");
            ExitCode::from(1)
        }
    }
}
