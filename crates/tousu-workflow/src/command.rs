//! Commands: what a person asks the workflow to do.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use tousu_model::instant::Rfc3339;
use tousu_model::{
    AttachmentRef, CaseId, CommandId, Complaint, ComplaintNo, DepartmentId, FactName, FactValue,
    FaultParty, LevelId, Remedy, Satisfaction, StaffId,
};
use tousu_policy::{Action, CaseAction, EscalationId, MilestoneId, PolicyId, PolicyVersion};

pub use crate::applied::AppliedCommands;

/// Responsibility shares are the model's, shared with the penalty facts.
pub use tousu_model::{Responsibility, ResponsibleParty};

/// The schema version of [`Command`] documents this crate writes.
pub const COMMAND_SCHEMA_VERSION: u32 = 1;

/// A command: who, when, its idempotency key, the case version it was
/// decided against, and what to do.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Command {
    /// The document's schema version ([`COMMAND_SCHEMA_VERSION`]).
    #[serde(default = "command_version")]
    pub schema_version: u32,
    /// The idempotency key: a command id seen before has no second effect.
    pub id: CommandId,
    /// The staff member acting.
    pub actor: StaffId,
    /// When the command was given — for a late entry, when it was recorded;
    /// the workflow never reads a clock.
    pub at: DateTime<Utc>,
    /// For a late entry (补录): when what the command records happened,
    /// before `at`. Only the actions the policy's `late_entries` list may
    /// carry it, within their limit; clocks still act at `at`, so a late
    /// entry never undoes a breach already due (ruling 27 in
    /// docs/rulings.md). Absent: it happened when it is recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurred_at: Option<DateTime<Utc>>,
    /// The case version the actor saw (0 for a registration); a stale version
    /// is rejected and nothing changes (optimistic concurrency).
    pub expected_version: u64,
    /// What to do.
    pub kind: CommandKind,
}

fn command_version() -> u32 {
    COMMAND_SCHEMA_VERSION
}

impl Command {
    /// The command's fingerprint: the SHA-256 of the JSON of its id, actor,
    /// instant and kind. Two commands with one id are the same command (a
    /// retry) exactly when their fingerprints are equal; events record it
    /// so a reused id with another payload is refused as
    /// [`Rejection::CommandIdConflict`](crate::Rejection::CommandIdConflict).
    /// The expected version is left out: it is the sender's view of the case,
    /// not part of what they ask, and a retry may fill it in again. A late
    /// entry's `occurred_at` is in; a command without one has the
    /// fingerprint it had before late entries existed, so stored
    /// fingerprints still match their retries.
    pub fn digest(&self) -> CommandDigest {
        // Serializing these types cannot fail (no maps with non-string
        // keys, no floats).
        self.digest_with(serde_json::ser::CompactFormatter).0
    }

    /// The fingerprint, its JSON written through `formatter` — which writes
    /// what `CompactFormatter` writes and may look at the strings on their
    /// way ([`inputs::check`](crate::inputs) does, so that a command's texts
    /// are checked in the pass that hashes them) — and whether the whole
    /// command was written.
    pub(crate) fn digest_with<F: serde_json::ser::Formatter>(
        &self,
        formatter: F,
    ) -> (CommandDigest, serde_json::Result<()>) {
        use serde::Serialize as _;
        use sha2::Digest as _;
        // The JSON is streamed into the hash through a small buffer on the
        // stack (no document built on the heap); the bytes hashed are those
        // `serde_json::to_vec` writes, so stored fingerprints still compare
        // equal.
        let mut sink = HashSink {
            hasher: sha2::Sha256::new(),
            buf: [0; HashSink::CAPACITY],
            len: 0,
        };
        let mut json = serde_json::Serializer::with_formatter(&mut sink, formatter);
        // Instants in one piece: the text chrono writes, without a trip
        // through the string escaper per character.
        let at = Rfc3339::new(&self.at);
        let written = match &self.occurred_at {
            None => (&self.id, &self.actor, &at, &self.kind).serialize(&mut json),
            Some(occurred) => {
                let occurred = Rfc3339::new(occurred);
                (&self.id, &self.actor, &at, &self.kind, &occurred).serialize(&mut json)
            }
        };
        sink.flush_buf();
        (CommandDigest(sink.hasher.finalize().into()), written)
    }

    /// A command of `kind` by `actor` at `at`, against `expected_version`;
    /// [`Command::builder`] writes the same by name.
    pub fn new(
        id: CommandId,
        actor: StaffId,
        at: DateTime<Utc>,
        expected_version: u64,
        kind: CommandKind,
    ) -> Self {
        Command {
            schema_version: COMMAND_SCHEMA_VERSION,
            id,
            actor,
            at,
            occurred_at: None,
            expected_version,
            kind,
        }
    }

    /// The same command as a late entry (补录): what it records happened at
    /// `occurred_at`, and it is recorded at its `at`.
    #[must_use]
    pub fn late_entry(mut self, occurred_at: DateTime<Utc>) -> Self {
        self.occurred_at = Some(occurred_at);
        self
    }
}

/// Feeds what `serde_json` writes to SHA-256 in blocks of a few hundred
/// bytes: one hash update per block instead of one per JSON token.
struct HashSink {
    hasher: sha2::Sha256,
    buf: [u8; HashSink::CAPACITY],
    len: usize,
}

impl HashSink {
    const CAPACITY: usize = 512;

    fn flush_buf(&mut self) {
        use sha2::Digest as _;
        self.hasher
            .update(self.buf.get(..self.len).unwrap_or_default());
        self.len = 0;
    }
}

impl HashSink {
    /// Takes all of `bytes`. Most pieces serde_json writes are one to a
    /// few bytes (quotes, commas, colons, short keys): inlined, the room
    /// test and the copy stay in the writer's loop.
    #[inline]
    fn take(&mut self, bytes: &[u8]) {
        use sha2::Digest as _;
        if self.len + bytes.len() > Self::CAPACITY {
            self.flush_buf();
        }
        match self.buf.get_mut(self.len..self.len + bytes.len()) {
            Some(room) => {
                room.copy_from_slice(bytes);
                self.len += bytes.len();
            }
            // Longer than the buffer (a long text): hashed as it comes.
            None => self.hasher.update(bytes),
        }
    }
}

impl std::io::Write for HashSink {
    #[inline]
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.take(bytes);
        Ok(bytes.len())
    }

    // serde_json calls `write_all`; the default loops over `write`.
    #[inline]
    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.take(bytes);
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A command's fingerprint ([`Command::digest`]): 32 bytes of SHA-256,
/// written (JSON, `Display`) as the 64 lower-case hex digits events have
/// always recorded, so stored events load and compare as before. Held as
/// bytes, a fingerprint is copied, not allocated, when a case records it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CommandDigest([u8; 32]);

impl CommandDigest {
    /// The fingerprint with these bytes.
    pub const fn from_bytes(bytes: [u8; 32]) -> Self {
        CommandDigest(bytes)
    }

    /// Its 32 bytes.
    pub const fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// Parses 64 hex digits (as written); `None` for anything else.
    pub fn from_hex(hex: &str) -> Option<Self> {
        fn nibble(c: u8) -> Option<u8> {
            match c {
                b'0'..=b'9' => Some(c - b'0'),
                b'a'..=b'f' => Some(c - b'a' + 10),
                b'A'..=b'F' => Some(c - b'A' + 10),
                _ => None,
            }
        }
        if hex.len() != 64 {
            return None;
        }
        let mut out = [0u8; 32];
        for (byte, pair) in out.iter_mut().zip(hex.as_bytes().chunks_exact(2)) {
            let [hi, lo] = pair else { return None };
            *byte = nibble(*hi)? << 4 | nibble(*lo)?;
        }
        Some(CommandDigest(out))
    }

    /// The 64 lower-case hex digits, written into a buffer on the stack.
    fn hex(&self) -> [u8; 64] {
        fn digit(n: u8) -> u8 {
            if n < 10 { b'0' + n } else { b'a' + n - 10 }
        }
        let mut out = [0u8; 64];
        for (pair, b) in out.chunks_exact_mut(2).zip(self.0) {
            if let [hi, lo] = pair {
                *hi = digit(b >> 4);
                *lo = digit(b & 0xf);
            }
        }
        out
    }
}

impl std::fmt::Display for CommandDigest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let hex = self.hex();
        f.write_str(std::str::from_utf8(&hex).map_err(|_| std::fmt::Error)?)
    }
}

/// As the string it is written as (what `Debug` of events showed when the
/// fingerprint was a `String`).
impl std::fmt::Debug for CommandDigest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "\"{self}\"")
    }
}

impl serde::Serialize for CommandDigest {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let hex = self.hex();
        serializer.serialize_str(std::str::from_utf8(&hex).map_err(serde::ser::Error::custom)?)
    }
}

impl<'de> serde::Deserialize<'de> for CommandDigest {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Hex;
        impl serde::de::Visitor<'_> for Hex {
            type Value = CommandDigest;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a command fingerprint: 64 hex digits (SHA-256)")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<CommandDigest, E> {
                CommandDigest::from_hex(v)
                    .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(v), &self))
            }
        }
        deserializer.deserialize_str(Hex)
    }
}

/// The schema of the string it is written as (the schema events and cases
/// always had).
impl schemars::JsonSchema for CommandDigest {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        String::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}

/// A lead department, an optional handler in it, and co-handling departments (主办 / 协办).
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    /// The responsible (lead) department (责任部门 / 主办).
    pub lead: DepartmentId,
    /// The responsible person (责任人), who owns the clocks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handler: Option<StaffId>,
    /// Co-handling departments (协办).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_handling: Vec<DepartmentId>,
}

/// What a command asks for. Each names the [`Action`] the actor needs.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case", tag = "type")]
#[non_exhaustive]
pub enum CommandKind {
    /// Register a complaint as a new case (登记). Decided by
    /// [`register`](crate::register), not [`decide`](crate::decide).
    Register {
        /// The case id.
        case_id: CaseId,
        /// The complaint number issued (the facade numbers per month).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        number: Option<ComplaintNo>,
        /// The complaint.
        complaint: Box<Complaint>,
        /// How many times the customer raised the matter before (repeat count for rules).
        #[serde(default)]
        repeat_count: u32,
    },
    /// Accept (受理) as the acceptance rules decide; `override_reason`
    /// accepts against a not-accepted rule (needs `override_acceptance`).
    Accept {
        /// Why the rules are overridden.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        override_reason: Option<String>,
    },
    /// Do not accept (不予受理). When the rules would accept, this is an
    /// override and needs `override_acceptance` and a reason.
    NotAccept {
        /// Why, in Chinese.
        reason_zh: String,
        /// The advice to the complainant (建议通过仲裁或司法途径).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        advice_zh: Option<String>,
    },
    /// Classify again: by the rules (no `level`), or by hand to `level` with
    /// a reason (needs `reclassify`).
    Classify {
        /// The level chosen by hand.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        level: Option<LevelId>,
        /// Why.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// Assign the lead department, handler and co-handling departments (分派).
    Assign {
        /// The assignment.
        assignment: Assignment,
    },
    /// Transfer to another department or handler (转办), with a reason.
    Transfer {
        /// The new assignment.
        assignment: Assignment,
        /// Why.
        reason: String,
    },
    /// Start the investigation (调查核实).
    StartInvestigation,
    /// Record the findings: validity by the rules unless given, fault, shares.
    RecordFindings {
        /// The validity decided by hand; absent: the validity rules decide.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        validity: Option<tousu_model::Validity>,
        /// Who was at fault.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fault: Option<FaultParty>,
        /// Responsibility shares among staff or departments (for loss allocation).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        responsible: Vec<Responsibility>,
        /// The finding in words.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// Record facts the investigation found (调查核实), by name, for the
    /// validity rules judged with the findings and every rule after: a fact
    /// found overrides the complaint's fact of the same name.
    RecordFacts {
        /// The facts, by name (`{ "facts_match_complaint": { "bool": false } }`).
        facts: BTreeMap<FactName, FactValue>,
    },
    /// Propose a solution (处理方案) with remedies and amounts.
    ProposeSolution {
        /// The remedies offered.
        remedies: Vec<Remedy>,
        /// The proposal in words.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// Approve the proposed solution (批示), within the actor's authority.
    Approve,
    /// Send the proposal back for rework (退回), with a reason.
    SendBack {
        /// Why.
        reason: String,
    },
    /// Reply to the customer (答复).
    Reply {
        /// What was said.
        text: String,
    },
    /// Record the follow-up call (回访).
    RecordCallback {
        /// The customer's answer.
        satisfaction: Satisfaction,
        /// Notes.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// Close after a satisfied callback (结案).
    Close,
    /// Reopen after an unsatisfied callback: a new round linked to the last.
    Reopen {
        /// Why.
        reason: String,
    },
    /// Escalate by hand (上报): to the manual step named, or to the first
    /// manual step of the ladder not yet taken; refused when no step matches.
    Escalate {
        /// Why.
        reason: String,
        /// The manual step chosen (parallel routes: 部长 or 经理); absent:
        /// the first one not yet taken, in file order.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<EscalationId>,
    },
    /// Agree a reply deadline with the customer (约定回复时限).
    SetAgreedDeadline {
        /// The agreed instant (exclusive).
        #[serde(serialize_with = "tousu_model::instant::serialize")]
        deadline: DateTime<Utc>,
    },
    /// Ask for an extension (延期处理申请).
    RequestExtension {
        /// Why (customer unreachable, awaiting a test report).
        reason: String,
        /// Until when the clocks should stay paused; absent: until ended by command.
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            serialize_with = "tousu_model::instant::serialize_option"
        )]
        until: Option<DateTime<Utc>>,
    },
    /// Approve the pending extension: clocks pause.
    ApproveExtension,
    /// Deny the pending extension.
    DenyExtension {
        /// Why.
        reason: String,
    },
    /// End an approved extension before its `until`: clocks resume.
    EndExtension,
    /// Close abnormally (非正常结案): demands beyond law or policy.
    CloseAbnormally {
        /// Why.
        reason: String,
    },
    /// Close because the customer cannot be reached, when the policy allows.
    CloseUnreachable {
        /// When the customer was last notified (短信通知).
        #[serde(serialize_with = "tousu_model::instant::serialize")]
        notified_at: DateTime<Utc>,
    },
    /// The complainant withdrew (撤诉).
    Withdraw {
        /// What they said.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// Merge a repeat complaint (another case) into this open case.
    MergeRepeat {
        /// The repeat case.
        repeat: CaseId,
        /// Whether it brings new facts (restarts clocks that list `repeat_merged`).
        new_facts: bool,
    },
    /// Add a note or evidence.
    AddNote {
        /// The note.
        text: String,
        /// Evidence attached.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        attachments: Vec<AttachmentRef>,
    },
    /// Record something done on the case that the statuses do not show
    /// (customer contacted, work completed, report submitted, verification
    /// done); clocks that list it start or stop.
    RecordAction {
        /// What was done.
        action: CaseAction,
        /// A note (who was called, what the report said).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
        /// The clock this act ends (S10: the site manager's written report,
        /// `company_written_report`): the act then stops that milestone
        /// only. Absent: every milestone whose `stop` lists the act and that
        /// does not ask to be named (`named_actions`, ruling 29 in
        /// docs/rulings.md). Which clocks the act starts does not depend on it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        milestone: Option<MilestoneId>,
    },
    /// Sign a record as the next role of its chain (`record_sign_offs`,
    /// 签字): the findings, or the callback's record.
    SignRecord {
        /// The record signed.
        record: tousu_policy::SignedRecord,
    },
    /// Judge the case by another policy version from now on, deliberately.
    MigratePolicy {
        /// The policy id.
        policy_id: PolicyId,
        /// Its version.
        version: PolicyVersion,
        /// Why.
        reason: String,
    },
}

impl CommandKind {
    /// The permission the actor needs.
    pub fn action(&self) -> Action {
        match self {
            CommandKind::Register { .. } => Action::Register,
            CommandKind::Accept {
                override_reason: None,
            } => Action::Accept,
            CommandKind::Accept {
                override_reason: Some(_),
            } => Action::OverrideAcceptance,
            CommandKind::NotAccept { .. } => Action::NotAccept,
            CommandKind::Classify { level: None, .. } => Action::Classify,
            CommandKind::Classify { level: Some(_), .. } => Action::Reclassify,
            CommandKind::Assign { .. } => Action::Assign,
            CommandKind::Transfer { .. } => Action::Transfer,
            CommandKind::StartInvestigation => Action::Investigate,
            CommandKind::RecordFindings { .. } | CommandKind::RecordFacts { .. } => {
                Action::RecordFindings
            }
            CommandKind::ProposeSolution { .. } => Action::ProposeSolution,
            CommandKind::Approve => Action::Approve,
            CommandKind::SendBack { .. } => Action::SendBack,
            CommandKind::Reply { .. } => Action::Reply,
            CommandKind::RecordCallback { .. } => Action::RecordCallback,
            CommandKind::Close => Action::Close,
            CommandKind::Reopen { .. } => Action::Reopen,
            CommandKind::Escalate { .. } => Action::Escalate,
            CommandKind::SetAgreedDeadline { .. } => Action::SetAgreedDeadline,
            CommandKind::RequestExtension { .. } => Action::RequestExtension,
            CommandKind::ApproveExtension
            | CommandKind::DenyExtension { .. }
            | CommandKind::EndExtension => Action::ApproveExtension,
            CommandKind::CloseAbnormally { .. } => Action::CloseAbnormally,
            CommandKind::CloseUnreachable { .. } => Action::CloseUnreachable,
            CommandKind::Withdraw { .. } => Action::Withdraw,
            CommandKind::MergeRepeat { .. } => Action::Merge,
            CommandKind::AddNote { .. } => Action::AddNote,
            CommandKind::RecordAction { .. } => Action::RecordAction,
            CommandKind::SignRecord { .. } => Action::SignRecord,
            CommandKind::MigratePolicy { .. } => Action::MigratePolicy,
        }
    }

    /// The command's name, as serialized (`"record_findings"`).
    pub fn name(&self) -> &'static str {
        match self {
            CommandKind::Register { .. } => "register",
            CommandKind::Accept { .. } => "accept",
            CommandKind::NotAccept { .. } => "not_accept",
            CommandKind::Classify { .. } => "classify",
            CommandKind::Assign { .. } => "assign",
            CommandKind::Transfer { .. } => "transfer",
            CommandKind::StartInvestigation => "start_investigation",
            CommandKind::RecordFindings { .. } => "record_findings",
            CommandKind::RecordFacts { .. } => "record_facts",
            CommandKind::ProposeSolution { .. } => "propose_solution",
            CommandKind::Approve => "approve",
            CommandKind::SendBack { .. } => "send_back",
            CommandKind::Reply { .. } => "reply",
            CommandKind::RecordCallback { .. } => "record_callback",
            CommandKind::Close => "close",
            CommandKind::Reopen { .. } => "reopen",
            CommandKind::Escalate { .. } => "escalate",
            CommandKind::SetAgreedDeadline { .. } => "set_agreed_deadline",
            CommandKind::RequestExtension { .. } => "request_extension",
            CommandKind::ApproveExtension => "approve_extension",
            CommandKind::DenyExtension { .. } => "deny_extension",
            CommandKind::EndExtension => "end_extension",
            CommandKind::CloseAbnormally { .. } => "close_abnormally",
            CommandKind::CloseUnreachable { .. } => "close_unreachable",
            CommandKind::Withdraw { .. } => "withdraw",
            CommandKind::MergeRepeat { .. } => "merge_repeat",
            CommandKind::AddNote { .. } => "add_note",
            CommandKind::RecordAction { .. } => "record_action",
            CommandKind::SignRecord { .. } => "sign_record",
            CommandKind::MigratePolicy { .. } => "migrate_policy",
        }
    }
}

#[cfg(test)]
mod digest_tests {
    use super::*;
    use sha2::Digest as _;

    fn command(text: &str) -> Command {
        Command::new(
            CommandId::new("c-1").unwrap(),
            StaffId::new("kf1").unwrap(),
            DateTime::from_timestamp(1_760_000_000, 0).unwrap(),
            3,
            CommandKind::Reply { text: text.into() },
        )
    }

    /// The streamed digest is the SHA-256 of the bytes `serde_json::to_vec`
    /// writes (what fingerprints were before), for short texts, texts that
    /// cross the buffer and texts longer than it.
    #[test]
    fn digest_is_the_sha256_of_the_json_as_before() {
        for len in [0, 1, 100, 480, 511, 512, 513, 2_000, 10_000] {
            let c = command(&"已回复客户".repeat(len / 5 + 1)[..]);
            let json = serde_json::to_vec(&(&c.id, &c.actor, &c.at, &c.kind)).unwrap();
            let expected: [u8; 32] = sha2::Sha256::digest(&json).into();
            assert_eq!(c.digest().as_bytes(), &expected, "text of {len} chars");
        }
    }

    /// Fingerprints are stored data: these two are the SHA-256 of JSON
    /// written out by hand with chrono's text for each instant (a late
    /// entry with fractional seconds and an instant in its kind; an agreed
    /// deadline), so a change to how instants are written cannot pass.
    #[test]
    fn fingerprints_of_instants_are_pinned() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().to_utc();
        let late = Command::new(
            CommandId::new("c-1").unwrap(),
            StaffId::new("kf1").unwrap(),
            at("2025-11-03T01:00:00.5Z"),
            7,
            CommandKind::RequestExtension {
                reason: "客户外出".into(),
                until: Some(at("2025-11-04T02:00:00Z")),
            },
        )
        .late_entry(at("2025-11-03T00:30:00.000001Z"));
        assert_eq!(
            late.digest().to_string(),
            "28795a46f98f2d66f36ee8c2a806b9f76fd12ed7de85417adfd5f25a8f72246e"
        );
        let agreed = Command::new(
            CommandId::new("c-2").unwrap(),
            StaffId::new("kf1").unwrap(),
            at("2025-11-03T01:00:00Z"),
            0,
            CommandKind::SetAgreedDeadline {
                deadline: at("2025-11-10T10:00:00Z"),
            },
        );
        assert_eq!(
            agreed.digest().to_string(),
            "cfb46f717bc8e79f4dc3b008fc9490ed8285cbd55d7118d4f5f16b093ed3aba1"
        );
    }

    /// A registration's complaint writes its instants as chrono does, and
    /// its fingerprint is the hash of that JSON.
    #[test]
    fn a_registration_writes_its_instants_as_chrono_does() {
        let received = DateTime::from_timestamp(1_760_000_000, 250_000_000).unwrap();
        let incident = DateTime::from_timestamp(1_759_990_000, 0).unwrap();
        let complaint = Complaint::builder(received, tousu_model::Channel::Phone, "热水器漏水")
            .incident_at(incident)
            .build()
            .unwrap();
        let kind = CommandKind::Register {
            case_id: CaseId::new("K-1").unwrap(),
            number: None,
            complaint: Box::new(complaint),
            repeat_count: 0,
        };
        let value = serde_json::to_value(&kind).unwrap();
        assert_eq!(
            value["complaint"]["received_at"],
            serde_json::to_value(received).unwrap()
        );
        assert_eq!(
            value["complaint"]["incident_at"],
            serde_json::to_value(incident).unwrap()
        );
        let c = Command::new(
            CommandId::new("c-1").unwrap(),
            StaffId::new("kf1").unwrap(),
            received,
            0,
            kind,
        );
        let json = serde_json::to_vec(&(&c.id, &c.actor, &c.at, &c.kind)).unwrap();
        let expected: [u8; 32] = sha2::Sha256::digest(&json).into();
        assert_eq!(c.digest().as_bytes(), &expected);
    }

    /// Written as 64 lower-case hex digits, read back equal; anything else is refused.
    #[test]
    fn digest_is_written_as_hex_and_read_back() {
        let d = command("x").digest();
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(json.len(), 66);
        assert!(
            json[1..65]
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        );
        assert_eq!(serde_json::from_str::<CommandDigest>(&json).unwrap(), d);
        assert_eq!(format!("{d:?}"), json);
        assert!(serde_json::from_str::<CommandDigest>("\"abc\"").is_err());
        assert!(CommandDigest::from_hex(&"g".repeat(64)).is_none());
    }
}
