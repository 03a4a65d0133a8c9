//! Writing a command by name instead of five positional arguments.

use chrono::{DateTime, Utc};
use tousu_model::{CommandId, DepartmentId, Satisfaction, StaffId};
use tousu_policy::EscalationId;

use crate::command::{Assignment, COMMAND_SCHEMA_VERSION, Command, CommandKind};

impl Command {
    /// Starts a command by `actor` at `at` under the idempotency key `id`;
    /// the builder's last call says what to do.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tousu_model::{CommandId, StaffId};
    /// use tousu_workflow::{Command, CommandKind};
    ///
    /// let at = Utc.with_ymd_and_hms(2025, 10, 9, 1, 0, 0).single().ok_or("time")?;
    /// let accept = Command::builder(CommandId::new("crm-2")?, StaffId::new("kf")?, at).accept();
    /// assert_eq!(accept.kind, CommandKind::Accept { override_reason: None });
    /// // Optimistic concurrency: refused unless the case is still at version 4.
    /// let note = Command::builder(CommandId::new("crm-3")?, StaffId::new("kf")?, at)
    ///     .expecting(4)
    ///     .note("已电话联系");
    /// assert_eq!(note.expected_version, 4);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn builder(id: CommandId, actor: StaffId, at: DateTime<Utc>) -> CommandBuilder {
        CommandBuilder {
            id,
            actor,
            at,
            expected_version: 0,
        }
    }
}

/// A [`Command`] being written ([`Command::builder`]): who acts, when and
/// under which key; then, optionally, the case version the actor saw
/// ([`expecting`](Self::expecting)), and last what to do — [`kind`](Self::kind)
/// for any [`CommandKind`], or a shortcut for the commonest.
///
/// Without [`expecting`](Self::expecting) the command expects version 0:
/// right for a registration, and what the facade's `Engine::submit` reads
/// as "the case as it is now"; [`decide`](crate::decide) itself refuses it
/// on an existing case as stale.
#[derive(Clone, Debug)]
#[must_use = "a builder does nothing until its last call makes the command"]
pub struct CommandBuilder {
    id: CommandId,
    actor: StaffId,
    at: DateTime<Utc>,
    expected_version: u64,
}

impl CommandBuilder {
    /// The case version the actor saw: the command is refused as stale,
    /// changing nothing, if the case has moved on since (optimistic concurrency).
    pub fn expecting(mut self, version: u64) -> Self {
        self.expected_version = version;
        self
    }

    /// The command that does `kind`.
    pub fn kind(self, kind: CommandKind) -> Command {
        Command {
            schema_version: COMMAND_SCHEMA_VERSION,
            id: self.id,
            actor: self.actor,
            at: self.at,
            occurred_at: None,
            expected_version: self.expected_version,
            kind,
        }
    }

    /// Accept (受理) as the acceptance rules decide.
    pub fn accept(self) -> Command {
        self.kind(CommandKind::Accept {
            override_reason: None,
        })
    }

    /// Assign to the lead department `lead` (主办), with a handler in it (责任人) if given.
    pub fn assign(self, lead: DepartmentId, handler: Option<StaffId>) -> Command {
        self.kind(CommandKind::Assign {
            assignment: Assignment {
                lead,
                handler,
                co_handling: Vec::new(),
            },
        })
    }

    /// Start the investigation (调查核实).
    pub fn start_investigation(self) -> Command {
        self.kind(CommandKind::StartInvestigation)
    }

    /// Approve the proposed solution (批示).
    pub fn approve(self) -> Command {
        self.kind(CommandKind::Approve)
    }

    /// Reply to the customer (答复).
    pub fn reply(self, text: impl Into<String>) -> Command {
        self.kind(CommandKind::Reply {
            text: text.into(),
            written: false,
        })
    }

    /// Reply to the customer in writing (书面答复, ruling 141).
    pub fn reply_in_writing(self, text: impl Into<String>) -> Command {
        self.kind(CommandKind::Reply {
            text: text.into(),
            written: true,
        })
    }

    /// Record the follow-up call (回访) and the customer's answer.
    pub fn callback(self, satisfaction: Satisfaction) -> Command {
        self.kind(CommandKind::RecordCallback {
            satisfaction,
            note: None,
        })
    }

    /// Close after a satisfied callback (结案).
    pub fn close(self) -> Command {
        self.kind(CommandKind::Close)
    }

    /// Escalate by hand (上报), saying why: to the first manual step not
    /// yet taken.
    pub fn escalate(self, reason: impl Into<String>) -> Command {
        self.kind(CommandKind::Escalate {
            reason: reason.into(),
            step: None,
        })
    }

    /// Escalate by hand (上报) to the manual step `step`, saying why.
    pub fn escalate_to(self, step: EscalationId, reason: impl Into<String>) -> Command {
        self.kind(CommandKind::Escalate {
            reason: reason.into(),
            step: Some(step),
        })
    }

    /// Agree a reply deadline with the customer (约定回复时限): the exclusive instant.
    pub fn agree_deadline(self, deadline: DateTime<Utc>) -> Command {
        self.kind(CommandKind::SetAgreedDeadline { deadline })
    }

    /// Complete the complainant's details after registration (ruling 66).
    pub fn complete_details(self, details: crate::Details) -> Command {
        self.kind(CommandKind::CompleteDetails {
            details: Box::new(details),
        })
    }

    /// Add a note, without attachments.
    pub fn note(self, text: impl Into<String>) -> Command {
        self.kind(CommandKind::AddNote {
            text: text.into(),
            attachments: Vec::new(),
        })
    }
}
