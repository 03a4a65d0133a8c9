//! The JSON documents the service and the command line send and receive
//! beyond the library's own (`Command`, `Event`, `Case`, ...): requests with
//! what may be left out, and responses that gather several values. Every one
//! has a JSON Schema (`tousu schema NAME`) and is in the OpenAPI document.

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tousu::model::{CaseId, CommandId, Complaint, Roster, StaffId};
use tousu::penalty::{CarryOver, Month, PenaltyFacts, PeriodResult};
use tousu::policy::calendar::ProvisionalBasis;
use tousu::policy::{CalendarDataRef, Finding, Report, Severity};
use tousu::workflow::{Case, Command, CommandKind, DeadlineView, Event};
use tousu::{Overdue, WithoutDeadline};

use crate::error::{ApiError, RejectionDoc};

/// A command as sent to `tousu run`, `tousu cases handle` and
/// `POST /cases/{id}/commands`: the library's `Command` whose
/// `expected_version` may be left out (or `null`) to mean the case's
/// current version — the engine then decides at whatever version the case
/// has, and a caller that sends it gets optimistic concurrency (a stale
/// version is refused, HTTP 409).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CommandInput {
    /// The document's schema version (1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema_version: Option<u32>,
    /// The idempotency key: the same command sent again has no second effect.
    pub id: CommandId,
    /// The staff member acting.
    pub actor: StaffId,
    /// When the command was given (RFC 3339); for a late entry, when it is recorded.
    pub at: DateTime<Utc>,
    /// For a late entry (补录), where the policy's `late_entries` allow it:
    /// when what the command records happened, before `at`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurred_at: Option<DateTime<Utc>>,
    /// The case version the actor saw; absent or `null`: the case's current
    /// version (0 for a registration).
    #[serde(default)]
    pub expected_version: Option<u64>,
    /// What to do.
    pub kind: CommandKind,
}

impl CommandInput {
    /// The library's command, at `current` when no version was given.
    pub fn at_version(self, current: u64) -> Command {
        let command = Command::new(
            self.id,
            self.actor,
            self.at,
            self.expected_version.unwrap_or(current),
            self.kind,
        );
        match self.occurred_at {
            Some(occurred_at) => command.late_entry(occurred_at),
            None => command,
        }
    }
}

/// A complaint to file (`tousu cases file`, `POST /cases`): the engine
/// numbers it in the policy's pattern unless `case_id` is given.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FilingInput {
    /// The idempotency key: filing again with the same id (and case id) returns the case.
    pub command_id: CommandId,
    /// The staff member filing it (needs the `register` action).
    pub actor: StaffId,
    /// The case id; default: the complaint number issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_id: Option<CaseId>,
    /// The complaint.
    pub complaint: Complaint,
    /// Earlier complaints on the same matter.
    #[serde(default)]
    pub repeat_count: u32,
}

/// What filing or a command did: the case's id and version after it, and
/// the events it caused (on a retry, the events it caused the first time).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Outcome {
    /// The case.
    pub case: CaseId,
    /// The case's version after the command.
    pub version: u64,
    /// The events, in order.
    pub events: Vec<Event>,
}

/// A request to let time pass (`POST /tick`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TickInput {
    /// The instant (RFC 3339); nothing reads a clock.
    pub now: DateTime<Utc>,
}

/// What time passing did to the due cases: the events stored, and the
/// cases that failed (each changed nothing and is tried again next time).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TickDoc {
    /// The instant.
    pub now: DateTime<Utc>,
    /// Every event stored, case by case.
    pub events: Vec<Event>,
    /// The cases that failed, with why.
    pub failures: Vec<TickFailure>,
}

/// One case a tick could not move.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TickFailure {
    /// The case.
    pub case: CaseId,
    /// Why.
    pub error: ApiError,
}

/// A case's open clocks at an instant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DeadlinesDoc {
    /// The case.
    pub case: CaseId,
    /// The instant the remaining times are measured from.
    pub now: DateTime<Utc>,
    /// The open clocks.
    pub deadlines: Vec<DeadlineView>,
}

/// Every open clock past its deadline, and those without one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OverdueDoc {
    /// The instant.
    pub now: DateTime<Utc>,
    /// Running clocks past their deadline, by case id.
    pub overdue: Vec<Overdue>,
    /// Open clocks the calendar could give no deadline (never overdue).
    pub without_deadline: Vec<WithoutDeadline>,
}

/// A month's penalties from the stored cases: the facts the workflow
/// records (breaches, losses, complaints) and the statements under the
/// policy's penalty tables.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PenaltiesDoc {
    /// The month.
    pub period: Month,
    /// The facts, as `Engine::penalty_facts` derives them.
    pub facts: PenaltyFacts,
    /// The statements (with last month's carry-over, if given).
    pub result: PeriodResult,
}

/// A request for a month's penalties (`POST /penalties`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PenaltiesInput {
    /// The month, `YYYY-MM`.
    pub period: Month,
    /// Last month's carry-over (`result.carry_out` of its answer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carry: Option<CarryOver>,
}

/// `tousu deadline --json`: a deadline with the calendar data that produced it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DeadlineDoc {
    /// The deadline (exclusive), RFC 3339 in the policy's UTC offset.
    pub deadline: String,
    /// Whether a year it crosses has no holiday notice yet.
    pub provisional: bool,
    /// What a provisional deadline counted instead.
    pub provisional_basis: Option<ProvisionalBasis>,
    /// The calendar data that produced it.
    pub calendar: CalendarDataRef,
    /// Where the holiday notices end: `holiday notices cover 2024–2026; …`.
    pub coverage: String,
    /// The policy whose calendar counted.
    pub policy: PolicyRef,
}

/// A policy and its version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PolicyRef {
    /// The policy id.
    pub id: String,
    /// Its version.
    pub version: String,
}

/// `tousu policy check --json` and `POST /policy/check`: whether a policy
/// is accepted, with each problem at its path.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PolicyCheckDoc {
    /// Whether the policy has no errors (warnings allowed).
    pub ok: bool,
    /// The file checked (`-` for a request body).
    pub file: String,
    /// Problems that make the policy invalid, and those worth a look.
    #[serde(flatten)]
    pub report: Report,
    /// The calendar: its UTC offset and where its holiday data ends.
    pub calendar: String,
    /// What the invariant checker (`check_invariants`) finds in a valid
    /// policy: valid, but probably not what its author meant (a clock
    /// charged to a role that cannot stop it, a level no rule reaches...).
    /// They never make `ok` false; empty when the policy has errors.
    #[serde(default)]
    pub findings: Vec<FindingDoc>,
}

/// One finding of the invariant checker, as `tousu policy check` and
/// `POST /policy/check` report it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FindingDoc {
    /// How much it matters.
    pub severity: Severity,
    /// The invariant (`owner_can_stop`, `level_reachable`, ...).
    pub invariant: String,
    /// A path into the policy.
    pub path: String,
    /// What is wrong and what would fix it.
    pub message: String,
}

impl From<Finding> for FindingDoc {
    fn from(f: Finding) -> Self {
        FindingDoc {
            severity: f.severity,
            invariant: f.invariant.to_owned(),
            path: f.path,
            message: f.message,
        }
    }
}

/// One line of `tousu run`'s input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum RunInputLine {
    /// The roster for the commands after it.
    Roster {
        /// The roster.
        roster: Roster,
    },
    /// A command; `case` may be left out for a `register` command (it names its `case_id`).
    Command {
        /// The case it applies to.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        case: Option<CaseId>,
        /// The command.
        command: CommandInput,
    },
}

/// One line of `tousu run`'s output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum RunOutputLine {
    /// An input line's command was accepted (a retry caused no new events).
    Accepted {
        /// The input line's number.
        line: usize,
        /// The case.
        case: CaseId,
        /// Always true.
        accepted: bool,
        /// The events it caused.
        events: Vec<Event>,
    },
    /// The workflow refused the command; nothing changed.
    Rejected {
        /// The input line's number.
        line: usize,
        /// The case.
        case: CaseId,
        /// Always false.
        accepted: bool,
        /// Why.
        rejection: RejectionDoc,
    },
    /// The line could not be applied at all.
    Error {
        /// The input line's number (0 for the final output).
        line: usize,
        /// The case, when the line named one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        case: Option<CaseId>,
        /// What was wrong, with where.
        error: ApiError,
    },
    /// What `--now` caused on a case.
    Tick {
        /// The case.
        tick: CaseId,
        /// The events time caused.
        events: Vec<Event>,
        /// Why the tick failed, if it did.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rejection: Option<RejectionDoc>,
    },
    /// A case at the end of the run.
    Final {
        /// The case.
        case: CaseId,
        /// Its open clocks.
        deadlines: Vec<DeadlineView>,
        /// Why the deadlines could not be computed, if so.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        deadlines_rejection: Option<RejectionDoc>,
        /// The case.
        state: Box<Case>,
    },
}
