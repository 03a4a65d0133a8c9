//! One error shape for every way into tousu: the HTTP service answers it
//! with a status, the command line prints it (as JSON with `--json`) and
//! exits with a code. Both come from the [`ErrorKind`], so a caller routes
//! on one table (docs/cli.md, docs/serve.md).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tousu::workflow::Rejection;
use tousu::{Error, StoreError};

/// What kind of failure: the same for the command line and the service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The input was refused: a document that does not parse or validate,
    /// an unreadable file, a policy with errors. HTTP 400, exit 1.
    Invalid,
    /// The arguments were wrong (a missing or unknown option). HTTP 400, exit 2.
    Usage,
    /// The workflow refused the command (or the penalty, report or calendar
    /// arithmetic refused its input); nothing changed. HTTP 422, exit 3.
    Rejected,
    /// A stale `expected_version`, or a command id reused for another
    /// command; nothing changed: reload and retry. HTTP 409, exit 4.
    Conflict,
    /// No such case. HTTP 404, exit 5.
    NotFound,
    /// The bearer token is missing or wrong (service only). HTTP 401.
    Unauthorized,
    /// The request body is larger than the service accepts. HTTP 413, exit 1.
    TooLarge,
    /// The store failed, or holds what does not rebuild a case, or the
    /// engine lacks a case's policy version. HTTP 500, exit 6.
    Server,
}

impl ErrorKind {
    /// The process exit code of a command that fails this way.
    pub fn exit_code(self) -> u8 {
        match self {
            ErrorKind::Invalid | ErrorKind::TooLarge => 1,
            ErrorKind::Usage => 2,
            ErrorKind::Rejected => 3,
            ErrorKind::Conflict => 4,
            ErrorKind::NotFound => 5,
            ErrorKind::Unauthorized | ErrorKind::Server => 6,
        }
    }

    /// The HTTP status the service answers with.
    pub fn http_status(self) -> u16 {
        match self {
            ErrorKind::Invalid | ErrorKind::Usage => 400,
            ErrorKind::Unauthorized => 401,
            ErrorKind::NotFound => 404,
            ErrorKind::Conflict => 409,
            ErrorKind::TooLarge => 413,
            ErrorKind::Rejected => 422,
            ErrorKind::Server => 500,
        }
    }
}

/// A refusal by the workflow (or the arithmetic), typed: `type` is stable
/// for programs to route on (`not_permitted`, `stale_version`,
/// `out_of_authority`, ... as [`Rejection::kind`]; `penalty`, `report`,
/// `calendar` for the arithmetic), `message` is for people.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RejectionDoc {
    /// The rejection's kind in snake case.
    #[serde(rename = "type")]
    pub kind: String,
    /// What was refused and why, for people.
    pub message: String,
    /// The rejection's fields a program may act on (`expected` and `actual`
    /// of a stale version, `required_role` of an approval above authority,
    /// `field` and `event` of a record incomplete, `department` and
    /// `accepted` of a hand-over refused, ...: every kind's are listed in
    /// docs/serve.md), when it has any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<serde_json::Map<String, serde_json::Value>>,
}

impl From<&Rejection> for RejectionDoc {
    fn from(r: &Rejection) -> Self {
        let details = r.details();
        RejectionDoc {
            kind: r.kind().to_owned(),
            message: r.to_string(),
            details: (!details.is_empty()).then_some(details),
        }
    }
}

/// The error document: what every failure prints or answers.
///
/// ```json
/// {"error": {"kind": "invalid", "message": "invalid decimal", "path": "kind.remedies[0].amount"}}
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema, thiserror::Error)]
#[error("{error}")]
pub struct ErrorDoc {
    /// The error.
    pub error: ApiError,
}

/// One failure: its kind, a message for people, where in the input (when
/// the input was at fault) and the typed rejection (when the engine refused).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ApiError {
    /// What kind of failure; decides the exit code and the HTTP status.
    pub kind: ErrorKind,
    /// What was wrong and what is accepted, for people.
    pub message: String,
    /// Where in the input: a JSON path (`kind.remedies[0].amount`), an
    /// option (`--from`), a file, or `line 3` of a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The workflow's rejection, for `rejected` and `conflict`.
    // Boxed: errors travel in `Result`s, and most have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejection: Option<Box<RejectionDoc>>,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.path {
            Some(path) => write!(f, "{path}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ApiError {}

impl ApiError {
    /// An error of `kind` saying `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        ApiError {
            kind,
            message: message.into(),
            path: None,
            rejection: None,
        }
    }

    /// Refused input.
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Invalid, message)
    }

    /// A store or server failure.
    pub fn server(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Server, message)
    }

    /// The same error, said to be at `path` of the input.
    pub fn at(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// The error document.
    pub fn doc(self) -> ErrorDoc {
        ErrorDoc { error: self }
    }

    /// The workflow's rejection, as `rejected`, or `conflict` for a stale
    /// version or a reused command id.
    pub fn rejection(r: &Rejection) -> Self {
        let kind = match r {
            Rejection::StaleVersion { .. } | Rejection::CommandIdConflict { .. } => {
                ErrorKind::Conflict
            }
            _ => ErrorKind::Rejected,
        };
        let path = match r {
            Rejection::InvalidInput { path, .. } => Some(path.clone()),
            _ => None,
        };
        ApiError {
            kind,
            message: r.to_string(),
            path,
            rejection: Some(Box::new(RejectionDoc::from(r))),
        }
    }

    /// A refusal by the arithmetic (`penalty`, `report`, `calendar`).
    fn refused(kind: &str, message: String) -> Self {
        ApiError {
            kind: ErrorKind::Rejected,
            rejection: Some(Box::new(RejectionDoc {
                kind: kind.to_owned(),
                message: message.clone(),
                details: None,
            })),
            message,
            path: None,
        }
    }

    /// A JSON body or line that does not deserialize: the message names
    /// the field (`kind.remedies[0].amount: invalid decimal`).
    pub fn json<E: std::fmt::Display>(e: &serde_path_to_error::Error<E>) -> Self {
        let path = e.path().to_string();
        let inner = e.inner().to_string();
        let error = ApiError::invalid(inner);
        if path == "." || path.is_empty() {
            error
        } else {
            error.at(path)
        }
    }
}

impl From<&Error> for ApiError {
    fn from(e: &Error) -> Self {
        let message = e.to_string();
        match e {
            Error::Rejected(r) => ApiError::rejection(r),
            Error::CommandReused { .. } => ApiError::new(ErrorKind::Conflict, message),
            Error::Store(StoreError::Conflict { .. } | StoreError::DuplicateCommand { .. }) => {
                ApiError::new(ErrorKind::Conflict, message)
            }
            Error::UnknownCase(_) => ApiError::new(ErrorKind::NotFound, message),
            Error::Model(_) | Error::Policy(_) => ApiError::invalid(message),
            Error::Calendar(_) => ApiError::refused("calendar", message),
            Error::Penalty(_) => ApiError::refused("penalty", message),
            Error::Report(_) => ApiError::refused("report", message),
            _ => ApiError::server(message),
        }
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        ApiError::from(&e)
    }
}

/// Parses JSON text as `T`, naming the field that is wrong; refuses an
/// object that names a key twice, as every tousu JSON input does.
pub fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    tousu::model::json::check_unique_keys(text).map_err(|e| ApiError::invalid(e.to_string()))?;
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| ApiError::invalid(e.to_string()))?;
    from_value(value)
}

/// Converts a JSON value to `T`, naming the field that is wrong.
pub fn from_value<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, ApiError> {
    match serde_path_to_error::deserialize(&value) {
        Ok(t) => Ok(t),
        Err(e) => {
            let mut error = ApiError::json(&e);
            // serde cannot follow a path into an internally tagged enum
            // (`"kind": {"type": …}`): it stops at `kind`. The message quotes
            // the value refused; when exactly one value under that field is
            // it, the path goes on to it (`kind.remedies[0].amount`).
            let mut node = &value;
            for segment in e.path() {
                node = match segment {
                    serde_path_to_error::Segment::Map { key } => &node[key.as_str()],
                    serde_path_to_error::Segment::Seq { index } => &node[*index],
                    _ => node,
                };
            }
            if let Some(deeper) = locate(node, &error.message) {
                let base = error.path.take().unwrap_or_default();
                error.path = Some(format!("{base}{deeper}").trim_start_matches('.').to_owned());
            }
            Err(error)
        }
    }
}

/// The one place under `node` holding a value the message quotes (`"abc"`
/// or `` `aprove` ``), as a path suffix (`.remedies[0].amount`).
fn locate(node: &serde_json::Value, message: &str) -> Option<String> {
    let quoted: Vec<&str> = message
        .split('"')
        .skip(1)
        .step_by(2)
        .chain(message.split('`').skip(1).step_by(2))
        .collect();
    let mut found = Vec::new();
    walk(node, String::new(), &mut |path, leaf| {
        let text = match leaf {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Number(n) => n.to_string(),
            _ => return,
        };
        if quoted.contains(&text.as_str()) {
            found.push(path);
        }
    });
    match found.as_slice() {
        [one] if !one.is_empty() => Some(one.clone()),
        _ => None,
    }
}

fn walk(node: &serde_json::Value, path: String, f: &mut impl FnMut(String, &serde_json::Value)) {
    match node {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                walk(v, format!("{path}.{k}"), f);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                walk(v, format!("{path}[{i}]"), f);
            }
        }
        leaf => f(path, leaf),
    }
}

#[cfg(test)]
mod tests {
    use tousu::model::{DepartmentId, RoleId, StaffId};
    use tousu::policy::{Action, CalendarError, ClockEvent};
    use tousu::workflow::Rejection;

    use super::{ApiError, RejectionDoc};

    fn json(r: &Rejection) -> String {
        serde_json::to_string(&RejectionDoc::from(r)).unwrap()
    }

    /// Details given before every kind had its own stay as they were, to
    /// the byte: programs route on them.
    #[test]
    fn details_kept_their_shape() {
        let stale = Rejection::StaleVersion {
            expected: 1,
            actual: 2,
        };
        assert_eq!(
            json(&stale),
            r#"{"type":"stale_version","message":"stale version: the command expected version 1 but the case is at 2; reload and retry","details":{"actual":2,"expected":1}}"#
        );
        let reused = Rejection::CommandIdConflict {
            id: tousu::model::CommandId::new("c1").unwrap(),
        };
        assert!(json(&reused).ends_with(r#""details":{"command_id":"c1"}}"#));
        let late = Rejection::LateEntryNotAllowed {
            action: Action::AddNote,
            allowed: vec!["reply within 1 day".to_owned()],
        };
        assert!(
            json(&late)
                .ends_with(r#""details":{"action":"add_note","allowed":["reply within 1 day"]}}"#)
        );
    }

    #[test]
    fn details_of_the_kinds_that_had_none() {
        let incomplete = Rejection::RecordIncomplete {
            field: "complainant.contact".to_owned(),
            event: ClockEvent::Assigned,
            action: Action::Assign,
            policy: "p".to_owned(),
            requirement: "registration.before[0]".to_owned(),
        };
        assert!(json(&incomplete).ends_with(r#""details":{"action":"assign","event":"assigned","field":"complainant.contact","policy":"p","requirement":"registration.before[0]"}}"#));
        let refused = Rejection::HandOverRefused {
            actor: StaffId::new("kf1").unwrap(),
            action: Action::Assign,
            roles: vec![RoleId::new("complaint_manager").unwrap()],
            what: "the lead department",
            handler: None,
            department: DepartmentId::new("cs").unwrap(),
            accepted: vec![RoleId::new("handler").unwrap()],
        };
        assert!(json(&refused).ends_with(r#""details":{"accepted":["handler"],"action":"assign","actor":"kf1","department":"cs","handler":null,"roles":["complaint_manager"],"what":"the lead department"}}"#));
    }

    /// A rejection with nothing to act on has no `details` at all (not an
    /// empty object).
    #[test]
    fn no_details_is_no_key() {
        let calendar = Rejection::Calendar(CalendarError::InvalidUtcOffset {
            path: "calendar.utc_offset".to_owned(),
            value: "8".to_owned(),
        });
        let doc = json(&calendar);
        assert!(!doc.contains("details"), "{doc}");
        let error = ApiError::rejection(&calendar);
        assert_eq!(error.kind, super::ErrorKind::Rejected);
    }
}
