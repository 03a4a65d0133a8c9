//! The OpenAPI 3.1 document of the HTTP service, built from the same
//! schemars schemas as `tousu schema` (OpenAPI 3.1 takes JSON Schema
//! 2020-12 as it is), so the document and the code cannot disagree.
//! Checked into `docs/openapi.json`; a test fails when it drifts.

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, SchemaGenerator};
use serde_json::{Value, json};
use tousu::report::PeriodReport;
use tousu::workflow::{Case, Event};

use crate::docs::{
    CommandInput, DeadlinesDoc, FilingInput, Outcome, OverdueDoc, PenaltiesDoc, PenaltiesInput,
    PolicyCheckDoc, TickDoc, TickInput,
};
use crate::error::ErrorDoc;

/// The operations: method, path, summary, request body, success schema,
/// the error statuses it may answer, and its parameters.
struct Op {
    method: &'static str,
    path: &'static str,
    id: &'static str,
    summary: &'static str,
    body: Option<Value>,
    ok: (u16, Value),
    errors: &'static [u16],
    params: &'static [(&'static str, &'static str, bool, &'static str)],
}

fn schema<T: JsonSchema>(g: &mut SchemaGenerator) -> Value {
    serde_json::to_value(g.subschema_for::<T>()).unwrap_or(Value::Null)
}

fn json_body(schema: Value) -> Value {
    json!({ "required": true, "content": { "application/json": { "schema": schema } } })
}

fn operations(g: &mut SchemaGenerator) -> Vec<Op> {
    const CASE: (&str, &str, bool, &str) = ("id", "path", true, "The case id.");
    const NOW: (&str, &str, bool, &str) = (
        "now",
        "query",
        false,
        "The instant, RFC 3339 (default: the case's last event).",
    );
    vec![
        Op {
            method: "post",
            path: "/cases",
            id: "file",
            summary: "File a complaint: the engine numbers it unless case_id is given.",
            body: Some(json_body(schema::<FilingInput>(g))),
            ok: (200, schema::<Outcome>(g)),
            errors: &[400, 401, 409, 413, 422, 500],
            params: &[],
        },
        Op {
            method: "post",
            path: "/cases/{id}/commands",
            id: "command",
            summary: "Handle a command on a case; its id is the idempotency key. expected_version may be left out.",
            body: Some(json_body(schema::<CommandInput>(g))),
            ok: (200, schema::<Outcome>(g)),
            errors: &[400, 401, 404, 409, 413, 422, 500],
            params: &[CASE],
        },
        Op {
            method: "get",
            path: "/cases/{id}",
            id: "case",
            summary: "The case, rebuilt from its events.",
            body: None,
            ok: (200, schema::<Case>(g)),
            errors: &[400, 401, 404, 500],
            params: &[CASE],
        },
        Op {
            method: "get",
            path: "/cases/{id}/events",
            id: "events",
            summary: "The case's events, in order.",
            body: None,
            ok: (200, schema::<Vec<Event>>(g)),
            errors: &[400, 401, 404, 500],
            params: &[CASE],
        },
        Op {
            method: "get",
            path: "/cases/{id}/deadlines",
            id: "deadlines",
            summary: "The case's open clocks at an instant.",
            body: None,
            ok: (200, schema::<DeadlinesDoc>(g)),
            errors: &[400, 401, 404, 422, 500],
            params: &[CASE, NOW],
        },
        Op {
            method: "get",
            path: "/overdue",
            id: "overdue",
            summary: "Every running clock past its deadline, and the clocks without one.",
            body: None,
            ok: (200, schema::<OverdueDoc>(g)),
            errors: &[400, 401, 500],
            params: &[("now", "query", true, "The instant, RFC 3339.")],
        },
        Op {
            method: "post",
            path: "/tick",
            id: "tick",
            summary: "Let time pass for the due cases: warnings, breaches, escalations.",
            body: Some(json_body(schema::<TickInput>(g))),
            ok: (200, schema::<TickDoc>(g)),
            errors: &[400, 401, 413, 500],
            params: &[],
        },
        Op {
            method: "get",
            path: "/report",
            id: "report",
            summary: "The period report (统计分析) over the cases received in a period.",
            body: None,
            ok: (200, schema::<PeriodReport>(g)),
            errors: &[400, 401, 422, 500],
            params: &[
                ("from", "query", true, "The first local date, YYYY-MM-DD."),
                (
                    "to",
                    "query",
                    true,
                    "The last local date, YYYY-MM-DD (inclusive).",
                ),
                (
                    "as_of",
                    "query",
                    false,
                    "Now for open clocks, RFC 3339 (default: the end of `to`).",
                ),
            ],
        },
        Op {
            method: "post",
            path: "/penalties",
            id: "penalties",
            summary: "A month's penalty facts from the stored cases and the statements.",
            body: Some(json_body(schema::<PenaltiesInput>(g))),
            ok: (200, schema::<PenaltiesDoc>(g)),
            errors: &[400, 401, 413, 422, 500],
            params: &[],
        },
        Op {
            method: "post",
            path: "/policy/check",
            id: "policy_check",
            summary: "Validate a policy (TOML, or JSON when it starts with `{`).",
            body: Some(json!({
                "required": true,
                "content": { "text/plain": { "schema": { "type": "string" } } }
            })),
            ok: (200, schema::<PolicyCheckDoc>(g)),
            errors: &[400, 401, 413],
            params: &[],
        },
    ]
}

fn describe(status: u16) -> &'static str {
    match status {
        200 => "Done.",
        400 => "Bad JSON or a bad parameter; the error names the field.",
        401 => "The bearer token is missing or wrong.",
        404 => "No such case.",
        409 => "A stale expected_version, or a command id reused for another command.",
        413 => "The body is larger than the service accepts.",
        422 => "The workflow (or the arithmetic) refused; error.rejection is typed.",
        _ => "The store failed.",
    }
}

/// The OpenAPI 3.1 document.
pub fn openapi() -> Value {
    let mut g = SchemaSettings::draft2020_12()
        .with(|s| {
            s.definitions_path = "/components/schemas".into();
            s.meta_schema = None;
        })
        .into_generator();
    let error = schema::<ErrorDoc>(&mut g);
    let mut paths = serde_json::Map::new();
    for op in operations(&mut g) {
        let mut responses = serde_json::Map::new();
        responses.insert(
            op.ok.0.to_string(),
            json!({ "description": describe(op.ok.0),
                    "content": { "application/json": { "schema": op.ok.1 } } }),
        );
        for status in op.errors {
            responses.insert(
                status.to_string(),
                json!({ "description": describe(*status),
                        "content": { "application/json": { "schema": error.clone() } } }),
            );
        }
        let params: Vec<Value> = op
            .params
            .iter()
            .map(|(name, place, required, description)| {
                json!({ "name": name, "in": place, "required": required,
                        "description": description, "schema": { "type": "string" } })
            })
            .collect();
        let mut operation = serde_json::Map::new();
        operation.insert("operationId".to_owned(), op.id.into());
        operation.insert("summary".to_owned(), op.summary.into());
        operation.insert("responses".to_owned(), responses.into());
        if !params.is_empty() {
            operation.insert("parameters".to_owned(), Value::Array(params));
        }
        if let Some(body) = op.body {
            operation.insert("requestBody".to_owned(), body);
        }
        if let Value::Object(item) = paths.entry(op.path.to_owned()).or_insert_with(|| json!({})) {
            item.insert(op.method.to_owned(), Value::Object(operation));
        }
    }
    paths.insert(
        "/openapi.json".to_owned(),
        json!({ "get": {
            "operationId": "openapi",
            "summary": "This document (no token needed).",
            "security": [],
            "responses": { "200": { "description": "The OpenAPI 3.1 document.",
                "content": { "application/json": { "schema": { "type": "object" } } } } }
        } }),
    );
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "tousu",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Complaint handling by written regulation, over a durable store. The documents are the library's; errors are one shape (ErrorDoc). See docs/serve.md.",
        },
        "servers": [{ "url": "http://127.0.0.1:8080" }],
        "security": [{ "bearer": [] }, {}],
        "paths": paths,
        "components": {
            "schemas": g.take_definitions(true),
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
        },
    })
}
