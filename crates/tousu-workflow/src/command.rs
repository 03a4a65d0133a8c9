//! Commands: what a person asks the workflow to do.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use tousu_model::instant::Rfc3339;
use tousu_model::{
    AttachmentRef, CaseId, CommandId, Complaint, ComplaintNo, Contact, DepartmentId, FactName,
    FactValue, FaultParty, LevelId, Remedy, Respondent, Satisfaction, StaffId,
};
use tousu_policy::{Action, CaseAction, EscalationId, MilestoneId, PolicyId, PolicyVersion};

pub use crate::applied::AppliedCommands;

/// Responsibility shares are the model's, shared with the penalty facts.
pub use tousu_model::{Responsibility, ResponsibleParty};

/// The schema version of [`Command`] documents this crate writes.
pub const COMMAND_SCHEMA_VERSION: u32 = 1;

/// The complainant's details a [`CommandKind::CompleteDetails`] adds or
/// corrects: each field given replaces the complaint's, each part of the
/// contact given replaces that part; a field absent is left as it was. A
/// name given ends the complainant's anonymity.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Details {
    /// The complainant's name (姓名 / 单位名称).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// How to reach them (联络办法): the parts given.
    #[serde(default, skip_serializing_if = "Contact::is_empty")]
    pub contact: Contact,
    /// The subject (主题).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Where it happened (a room number, a site).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Parties complained about (投诉对象) the complaint does not name yet,
    /// added to its respondents (ruling 138): S04 三4 asks them of a case not
    /// handled on the spot, which the registration could not know.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub respondents: Vec<Respondent>,
}

impl Details {
    /// Each field given, by its path in the details (`contact.phone`),
    /// with its text.
    pub fn given(&self) -> impl Iterator<Item = (&'static str, &str)> {
        let c = &self.contact;
        [
            ("name", &self.name),
            ("contact.phone", &c.phone),
            ("contact.email", &c.email),
            ("contact.address", &c.address),
            ("contact.other", &c.other),
            ("subject", &self.subject),
            ("location", &self.location),
        ]
        .into_iter()
        .filter_map(|(path, text)| text.as_deref().map(|t| (path, t)))
    }

    /// Whether `complaint` already says all that is given here.
    #[must_use]
    pub fn already_in(&self, complaint: &Complaint) -> bool {
        let mut after = complaint.clone();
        self.apply_to(&mut after);
        after == *complaint
    }

    /// Writes the fields given into `complaint`.
    pub fn apply_to(&self, complaint: &mut Complaint) {
        let set = |to: &mut Option<String>, from: &Option<String>| {
            if from.is_some() {
                to.clone_from(from);
            }
        };
        let who = &mut complaint.complainant;
        set(&mut who.name, &self.name);
        // A complainant who has given a name no longer withholds it: an
        // anonymous complainant has none (`Complainant::validate`).
        if self.name.is_some() {
            who.anonymous = false;
        }
        set(&mut who.contact.phone, &self.contact.phone);
        set(&mut who.contact.email, &self.contact.email);
        set(&mut who.contact.address, &self.contact.address);
        set(&mut who.contact.other, &self.contact.other);
        set(&mut complaint.subject, &self.subject);
        set(&mut complaint.location, &self.location);
        for r in &self.respondents {
            if !complaint.respondents.contains(r) {
                complaint.respondents.push(r.clone());
            }
        }
    }
}

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
    /// The command's fingerprint: the SHA-256 of the canonical encoding of
    /// its id, actor, instant, late-entry instant and kind
    /// ([`DigestScheme::Canonical`]). Two commands with one id are the
    /// same command (a retry) exactly when their fingerprints are equal;
    /// events record it so a reused id with another payload is refused as
    /// [`Rejection::CommandIdConflict`](crate::Rejection::CommandIdConflict).
    /// The expected version is left out: it is the sender's view of the case,
    /// not part of what they ask, and a retry may fill it in again. A
    /// fingerprint recorded under an older scheme is compared under that
    /// scheme ([`Command::has_digest`]).
    pub fn digest(&self) -> CommandDigest {
        self.digest_as(DigestScheme::Canonical)
    }

    /// The command's fingerprint under `scheme`: what a retry is compared
    /// with when the stored fingerprint was made under it.
    pub fn digest_as(&self, scheme: DigestScheme) -> CommandDigest {
        match scheme {
            DigestScheme::Json => self.json_digest(),
            DigestScheme::Canonical => self.canonical_digest(|_| {}).0,
        }
    }

    /// Whether `stored` — a fingerprint recorded for this command's id, under
    /// whichever scheme made it — is this command's: it is recomputed under
    /// `stored`'s scheme, so a fingerprint kept from before a new scheme
    /// still tells a retry from a reused id.
    pub fn has_digest(&self, stored: &CommandDigest) -> bool {
        self.digest_as(stored.scheme()) == *stored
    }

    /// The canonical fingerprint, each string written shown to `look` on
    /// its way ([`inputs::check`](crate::inputs) checks a command's texts
    /// in the pass that hashes them), and whether the whole command was
    /// written.
    pub(crate) fn canonical_digest(
        &self,
        look: impl FnMut(&str),
    ) -> (CommandDigest, Result<(), crate::canonical::Error>) {
        let mut sink = Hashing {
            sink: HashSink::new(),
            look,
        };
        let written = self.encode_canonical(&mut sink);
        (
            CommandDigest::new(DigestScheme::Canonical, sink.sink.finish()),
            written,
        )
    }

    /// The canonical bytes before the kind: the prefix, the id, the actor
    /// and the instants (the same for both writers of the kind).
    fn encode_canonical_header<S: crate::canonical::Sink>(&self, sink: &mut S) {
        use crate::canonical;
        sink.put(canonical::PREFIX);
        canonical::string(sink, self.id.as_str());
        canonical::string(sink, self.actor.as_str());
        canonical::instant(sink, &self.at);
        match &self.occurred_at {
            None => sink.put(&[canonical::tag::NONE]),
            Some(occurred) => {
                sink.put(&[canonical::tag::SOME]);
                canonical::instant(sink, occurred);
            }
        }
    }

    /// Writes the bytes [`DigestScheme::Canonical`] hashes (the layout is
    /// in [`canonical`](crate::canonical)).
    pub(crate) fn encode_canonical<S: crate::canonical::Sink>(
        &self,
        sink: &mut S,
    ) -> Result<(), crate::canonical::Error> {
        self.encode_canonical_header(sink);
        // Written directly (the type's names not looked at); the serde
        // encoder, `canonical::value`, stays the reference
        // (`encode_canonical_serde`, held equal by a property test).
        crate::canonical::kind(sink, &self.kind)
    }

    /// [`Command::encode_canonical`] with the kind written through `serde`:
    /// the reference the direct writer is tested against.
    #[cfg(test)]
    pub(crate) fn encode_canonical_serde<S: crate::canonical::Sink>(
        &self,
        sink: &mut S,
    ) -> Result<(), crate::canonical::Error> {
        self.encode_canonical_header(sink);
        crate::canonical::value(sink, &self.kind)
    }

    /// The fingerprint of scheme 1 ([`DigestScheme::Json`]).
    fn json_digest(&self) -> CommandDigest {
        use serde::Serialize as _;
        // The JSON is streamed into the hash through a small buffer on the
        // stack (no document built on the heap); the bytes hashed are those
        // `serde_json::to_vec` writes, so stored fingerprints still compare
        // equal.
        let mut sink = HashSink::new();
        let mut json = serde_json::Serializer::new(&mut sink);
        // Instants in one piece: the text chrono writes, without a trip
        // through the string escaper per character.
        let at = Rfc3339::new(&self.at);
        // Writing these types cannot fail (no maps with non-string keys,
        // no floats); the hash of what was written stands either way.
        let _ = match &self.occurred_at {
            None => (&self.id, &self.actor, &at, &self.kind).serialize(&mut json),
            Some(occurred) => {
                let occurred = Rfc3339::new(occurred);
                (&self.id, &self.actor, &at, &self.kind, &occurred).serialize(&mut json)
            }
        };
        CommandDigest::new(DigestScheme::Json, sink.finish())
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

/// Feeds what `serde_json` or the canonical encoder writes to SHA-256 in
/// blocks of a few hundred bytes: one hash update per block instead of one
/// per token.
struct HashSink {
    hasher: sha2::Sha256,
    buf: [u8; HashSink::CAPACITY],
    len: usize,
}

impl HashSink {
    const CAPACITY: usize = 512;

    fn new() -> Self {
        use sha2::Digest as _;
        HashSink {
            hasher: sha2::Sha256::new(),
            buf: [0; HashSink::CAPACITY],
            len: 0,
        }
    }

    fn flush_buf(&mut self) {
        use sha2::Digest as _;
        self.hasher
            .update(self.buf.get(..self.len).unwrap_or_default());
        self.len = 0;
    }

    /// The SHA-256 of everything taken, computed in place: the sink (its
    /// buffer is half a kilobyte) is not moved to be consumed.
    fn finish(&mut self) -> [u8; 32] {
        use sha2::Digest as _;
        self.flush_buf();
        self.hasher.finalize_reset().into()
    }
}

impl HashSink {
    /// Takes all of `bytes`. Most pieces written are one to a few bytes
    /// (a tag, a length, a quote, a short key): always inlined, so the room
    /// test and a copy of a known length stay in the writer's code, with no
    /// call to `memcpy`; a full buffer is the out-of-line [`Self::spill`].
    #[inline(always)]
    fn take(&mut self, bytes: &[u8]) {
        match self.buf.get_mut(self.len..self.len + bytes.len()) {
            Some(room) => {
                room.copy_from_slice(bytes);
                self.len += bytes.len();
            }
            None => self.spill(bytes),
        }
    }

    /// [`Self::take`] when `bytes` do not fit in what is left of the buffer.
    #[cold]
    #[inline(never)]
    fn spill(&mut self, bytes: &[u8]) {
        use sha2::Digest as _;
        self.flush_buf();
        match self.buf.get_mut(..bytes.len()) {
            Some(room) => {
                room.copy_from_slice(bytes);
                self.len = bytes.len();
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

/// The canonical encoder writing into the hash, showing each string to
/// `look`.
struct Hashing<F> {
    sink: HashSink,
    look: F,
}

impl<F: FnMut(&str)> crate::canonical::Sink for Hashing<F> {
    #[inline(always)]
    fn put(&mut self, bytes: &[u8]) {
        self.sink.take(bytes);
    }

    #[inline]
    fn look(&mut self, text: &str) {
        (self.look)(text);
    }
}

/// How a [`CommandDigest`] was made. A stored fingerprint keeps meaning what
/// it meant: a retry is compared under the scheme its first fingerprint
/// used ([`Command::has_digest`]), so fingerprints stored before a scheme
/// was added still tell a retry from a reused command id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum DigestScheme {
    /// Scheme 1: the SHA-256 of the compact JSON of the command's id, actor,
    /// instant, kind and (for a late entry) `occurred_at`, as `serde_json`
    /// writes them. Written as 64 lower-case hex digits. What every
    /// fingerprint stored before scheme 2 is; still read and compared.
    Json,
    /// Scheme 2: the SHA-256 of the command's canonical binary encoding
    /// (docs/stores.md, "Command fingerprints"): length-prefixed strings,
    /// fixed-width numbers, a tag per variant and per option. Written as
    /// `2:` and 64 lower-case hex digits. What new commands are
    /// fingerprinted with.
    Canonical,
}

impl DigestScheme {
    /// The scheme's number (1, 2), as its written form's prefix says.
    pub const fn number(self) -> u8 {
        match self {
            DigestScheme::Json => 1,
            DigestScheme::Canonical => 2,
        }
    }
}

/// A command's fingerprint ([`Command::digest`]): the scheme that made it
/// and 32 bytes of SHA-256. Written (JSON, `Display`) as 64 lower-case hex
/// digits for scheme 1 — what events have always recorded, so stored events
/// load and compare as before — and as `2:` and 64 hex digits for scheme 2.
/// Held as bytes, a fingerprint is copied, not allocated, when a case
/// records it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CommandDigest {
    scheme: DigestScheme,
    bytes: [u8; 32],
}

impl CommandDigest {
    /// The fingerprint with these bytes, made under `scheme`.
    pub const fn new(scheme: DigestScheme, bytes: [u8; 32]) -> Self {
        CommandDigest { scheme, bytes }
    }

    /// A scheme-1 fingerprint with these bytes (what fingerprints were
    /// before schemes).
    pub const fn from_bytes(bytes: [u8; 32]) -> Self {
        CommandDigest::new(DigestScheme::Json, bytes)
    }

    /// The scheme that made it.
    pub const fn scheme(&self) -> DigestScheme {
        self.scheme
    }

    /// Its 32 bytes.
    pub const fn as_bytes(&self) -> &[u8; 32] {
        &self.bytes
    }

    /// Parses a fingerprint as written: 64 hex digits (scheme 1) or `2:`
    /// and 64 hex digits (scheme 2); `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        match text.split_once(':') {
            None => CommandDigest::from_hex(text),
            Some(("2", hex)) => CommandDigest::from_hex(hex)
                .map(|d| CommandDigest::new(DigestScheme::Canonical, d.bytes)),
            Some(_) => None,
        }
    }

    /// Parses 64 hex digits as a scheme-1 fingerprint; `None` for anything
    /// else ([`CommandDigest::parse`] reads every scheme).
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
        Some(CommandDigest::from_bytes(out))
    }

    /// The written form (`2:` and the digits for scheme 2), on the stack.
    fn text(&self) -> Text {
        let mut out = Text {
            buf: [0; 66],
            len: 0,
        };
        let prefix: &[u8] = match self.scheme {
            DigestScheme::Json => b"",
            DigestScheme::Canonical => b"2:",
        };
        let hex = self.hex();
        for (slot, b) in out.buf.iter_mut().zip(prefix.iter().chain(&hex)) {
            *slot = *b;
            out.len += 1;
        }
        out
    }

    /// The 64 lower-case hex digits, written into a buffer on the stack.
    fn hex(&self) -> [u8; 64] {
        fn digit(n: u8) -> u8 {
            if n < 10 { b'0' + n } else { b'a' + n - 10 }
        }
        let mut out = [0u8; 64];
        for (pair, b) in out.chunks_exact_mut(2).zip(self.bytes) {
            if let [hi, lo] = pair {
                *hi = digit(b >> 4);
                *lo = digit(b & 0xf);
            }
        }
        out
    }
}

/// A fingerprint's written form.
struct Text {
    buf: [u8; 66],
    len: usize,
}

impl Text {
    fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(self.buf.get(..self.len)?).ok()
    }
}

impl std::fmt::Display for CommandDigest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.text().as_str().ok_or(std::fmt::Error)?)
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
        let text = self.text();
        let text = text
            .as_str()
            .ok_or_else(|| serde::ser::Error::custom("a fingerprint's text"))?;
        serializer.serialize_str(text)
    }
}

impl<'de> serde::Deserialize<'de> for CommandDigest {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Hex;
        impl serde::de::Visitor<'_> for Hex {
            type Value = CommandDigest;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    "a command fingerprint: 64 hex digits (SHA-256, scheme 1) or `2:` and 64 hex digits (scheme 2)",
                )
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<CommandDigest, E> {
                CommandDigest::parse(v)
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
        /// Given in writing (书面), which the policy may require of some
        /// cases (`reply.written`, ruling 141). Absent: not said to be.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        written: bool,
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
    /// Complete the complainant's details after registration (ruling 66):
    /// add or correct the name, the contact, the subject or the location
    /// that the one who took the complaint in could not give (S15 4.1.3
    /// 「B.确认客户身份、姓名和联络办法」, after an employee passed it on
    /// at once). The record keeps both: the registration as it was and
    /// each completion, by whom.
    CompleteDetails {
        /// The fields given; those absent are left as they were.
        details: Box<Details>,
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
            CommandKind::CompleteDetails { .. } => Action::CompleteDetails,
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
            CommandKind::CompleteDetails { .. } => "complete_details",
            CommandKind::MigratePolicy { .. } => "migrate_policy",
        }
    }
}

#[cfg(test)]
mod details_tests {
    use super::*;

    /// The respondents given are added to the complaint's, once each
    /// (ruling 138); details without them leave the respondents as they
    /// were and serialize as before.
    #[test]
    fn respondents_given_are_added_once() {
        let at = DateTime::from_timestamp(1_760_000_000, 0).unwrap();
        let mut c = Complaint::builder(at, tousu_model::Channel::Phone, "楼道灯坏了")
            .build()
            .unwrap();
        let lights = Respondent::described("楼道照明维修").unwrap();
        let d = Details {
            respondents: vec![lights.clone()],
            ..Details::default()
        };
        assert!(!d.already_in(&c));
        d.apply_to(&mut c);
        assert_eq!(c.respondents, std::slice::from_ref(&lights));
        assert!(d.already_in(&c), "a respondent named already adds nothing");
        let phone = Details {
            contact: Contact {
                phone: Some("13900000000".into()),
                ..Contact::default()
            },
            ..Details::default()
        };
        phone.apply_to(&mut c);
        assert_eq!(c.respondents, [lights]);
        assert_eq!(
            serde_json::to_string(&phone).unwrap(),
            r#"{"contact":{"phone":"13900000000"}}"#
        );
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
            CommandKind::Reply {
                text: text.into(),
                written: false,
            },
        )
    }

    /// Scheme 1's streamed digest is the SHA-256 of the bytes
    /// `serde_json::to_vec` writes (what fingerprints were before schemes),
    /// and scheme 2's the SHA-256 of the canonical bytes, for short texts,
    /// texts that cross the buffer and texts longer than it.
    #[test]
    fn digest_is_the_sha256_of_the_json_as_before() {
        for len in [0, 1, 100, 480, 511, 512, 513, 2_000, 10_000] {
            let c = command(&"已回复客户".repeat(len / 5 + 1)[..]);
            let json = serde_json::to_vec(&(&c.id, &c.actor, &c.at, &c.kind)).unwrap();
            let expected: [u8; 32] = sha2::Sha256::digest(&json).into();
            let v1 = c.digest_as(DigestScheme::Json);
            assert_eq!(v1.as_bytes(), &expected, "text of {len} chars");
            assert_eq!(v1.scheme(), DigestScheme::Json);
            let mut canonical = Vec::new();
            c.encode_canonical(&mut canonical).unwrap();
            let expected: [u8; 32] = sha2::Sha256::digest(&canonical).into();
            assert_eq!(
                c.digest(),
                CommandDigest::new(DigestScheme::Canonical, expected),
                "text of {len} chars"
            );
            assert!(c.has_digest(&v1) && c.has_digest(&c.digest()));
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
            late.digest_as(DigestScheme::Json).to_string(),
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
            agreed.digest_as(DigestScheme::Json).to_string(),
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
        assert_eq!(c.digest_as(DigestScheme::Json).as_bytes(), &expected);
    }

    /// Scheme 1 is written as 64 lower-case hex digits, scheme 2 as `2:`
    /// and the digits; both read back equal, with their scheme; anything
    /// else is refused.
    #[test]
    fn digest_is_written_as_hex_and_read_back() {
        let v2 = command("x").digest();
        let json = serde_json::to_string(&v2).unwrap();
        assert_eq!(json.len(), 68);
        assert!(json.starts_with("\"2:"));
        assert_eq!(serde_json::from_str::<CommandDigest>(&json).unwrap(), v2);
        assert_eq!(format!("{v2:?}"), json);
        assert_eq!(CommandDigest::parse(&v2.to_string()), Some(v2));
        assert_eq!(
            CommandDigest::parse(&json[3..67]),
            Some(CommandDigest::new(DigestScheme::Json, *v2.as_bytes()))
        );
        for bad in ["1:", "3:", "2:2:", ":", "02:"] {
            assert!(CommandDigest::parse(&format!("{bad}{}", &json[3..67])).is_none());
        }
        let d = command("x").digest_as(DigestScheme::Json);
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

    /// Scheme 2's fingerprints are stored data: pinned for a registration
    /// (the whole complaint), a late entry with an instant in its kind, a
    /// kind with two optional fields and a kind without fields, so the
    /// canonical encoding cannot change unnoticed.
    #[test]
    fn canonical_fingerprints_are_pinned() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().to_utc();
        let kf = || StaffId::new("kf1").unwrap();
        let complaint = Complaint::builder(
            at("2025-11-03T01:00:00Z"),
            tousu_model::Channel::Phone,
            "热水器安装后接口漏水",
        )
        .incident_at(at("2025-11-02T08:00:00.25Z"))
        .build()
        .unwrap();
        let register = Command::new(
            CommandId::new("c-0").unwrap(),
            kf(),
            at("2025-11-03T01:00:00Z"),
            0,
            CommandKind::Register {
                case_id: CaseId::new("K-1").unwrap(),
                number: None,
                complaint: Box::new(complaint),
                repeat_count: 2,
            },
        );
        let late = Command::new(
            CommandId::new("c-1").unwrap(),
            kf(),
            at("2025-11-03T01:00:00.5Z"),
            7,
            CommandKind::RequestExtension {
                reason: "客户外出".into(),
                until: Some(at("2025-11-04T02:00:00Z")),
            },
        )
        .late_entry(at("2025-11-03T00:30:00.000001Z"));
        let classify = Command::new(
            CommandId::new("c-2").unwrap(),
            kf(),
            at("2025-11-03T01:00:00Z"),
            1,
            CommandKind::Classify {
                level: None,
                reason: Some("客户要求".into()),
            },
        );
        let approve = Command::new(
            CommandId::new("c-3").unwrap(),
            kf(),
            at("2025-11-03T01:00:00Z"),
            1,
            CommandKind::Approve,
        );
        let got: Vec<String> = [register, late, classify, approve]
            .iter()
            .map(|c| c.digest().to_string())
            .collect();
        assert_eq!(
            got,
            [
                "2:22158041acba4341fe2337acd3e09e50efd7c5c69ee3455113a0f67e25c8f839",
                "2:d4dfa185337b9d7d378fa3e79ec20477fca676ce9a072aed21b42ca2405250e9",
                "2:08c6a460612b9a0cb013da0c3105edf152d35bb0b9bfbb03d74932c5a5d6701d",
                "2:c9c85d8698a626308a854d2dae31a5c6266ddf7b07a8b8c57af866ea0b4a35c2",
            ]
        );
    }

    /// The canonical bytes of a small command, written out by hand: the
    /// layout of docs/stores.md, byte for byte.
    #[test]
    fn canonical_layout_is_as_documented() {
        let c = Command::new(
            CommandId::new("c").unwrap(),
            StaffId::new("k").unwrap(),
            DateTime::from_timestamp(1, 2).unwrap(),
            0,
            CommandKind::Classify {
                level: None,
                reason: Some("r".into()),
            },
        );
        let mut bytes = Vec::new();
        c.encode_canonical(&mut bytes).unwrap();
        let string = |s: &str| {
            let mut v = vec![0x20];
            v.extend((s.len() as u64).to_be_bytes());
            v.extend(s.as_bytes());
            v
        };
        let mut expected = b"tousu.command.2".to_vec();
        expected.extend(string("c"));
        expected.extend(string("k"));
        expected.push(0x22);
        expected.extend(1i64.to_be_bytes());
        expected.extend(2u32.to_be_bytes());
        expected.push(0x30); // no occurred_at
        expected.push(0x70); // the kind: a struct (internally tagged)
        expected.push(0x71);
        expected.extend(string("type"));
        expected.extend(string("classify"));
        expected.push(0x71); // `level` is skipped: absent, no bytes
        expected.extend(string("reason"));
        expected.push(0x31); // present: `Some`, then the string
        expected.extend(string("r"));
        expected.push(0x7F);
        assert_eq!(bytes, expected);
    }

    /// Pairs a positional encoding would confuse: which of two optional
    /// fields is present, where one string ends and the next begins, an
    /// empty list against none.
    #[test]
    fn canonical_encoding_keeps_apart_what_positions_would_merge() {
        let kind = |kind: CommandKind| {
            let mut c = command("x");
            c.kind = kind;
            let mut bytes = Vec::new();
            c.encode_canonical(&mut bytes).unwrap();
            bytes
        };
        let level = LevelId::new("x").unwrap();
        assert_ne!(
            kind(CommandKind::Classify {
                level: Some(level),
                reason: None
            }),
            kind(CommandKind::Classify {
                level: None,
                reason: Some("x".into())
            })
        );
        let with_ids = |id: &str, actor: &str| {
            let mut c = command("x");
            c.id = CommandId::new(id).unwrap();
            c.actor = StaffId::new(actor).unwrap();
            c.digest()
        };
        assert_ne!(with_ids("ab", "c"), with_ids("a", "bc"));
        assert_ne!(
            kind(CommandKind::Withdraw { reason: None }),
            kind(CommandKind::Withdraw {
                reason: Some(String::new())
            })
        );
    }
}

/// Different commands, different canonical encodings (and so, but for a
/// SHA-256 collision, different fingerprints): checked on commands of every
/// kind, two at a time, drawn from small alphabets so that equal commands
/// and near misses come up often.
#[cfg(all(test, feature = "proptest"))]
mod canonical_injectivity {
    use super::*;
    use proptest::prelude::*;

    fn encoding(c: &Command) -> Vec<u8> {
        let mut bytes = Vec::new();
        c.encode_canonical(&mut bytes).unwrap();
        bytes
    }

    /// Short texts from a small alphabet (so equal values come up often,
    /// and strings that run into each other: "ab" + "c" against "a" + "bc").
    fn text() -> impl Strategy<Value = String> {
        "[ab字\n]{0,3}"
    }

    fn id() -> impl Strategy<Value = String> {
        "[ab]{1,2}"
    }

    fn instant() -> impl Strategy<Value = DateTime<Utc>> {
        (0i64..3, prop::sample::select(vec![0u32, 1, 500_000_000]))
            .prop_map(|(s, n)| DateTime::from_timestamp(1_760_000_000 + s, n).unwrap())
    }

    fn complaint() -> impl Strategy<Value = Complaint> {
        use tousu_model::{Channel, FactValue, Money, Remedy, RemedyKind};
        (
            instant(),
            prop::option::of(0i64..3),
            prop::sample::select(vec![Channel::Phone, Channel::Web]),
            "[ab字]{1,3}",
            (
                prop::option::of("[ab字]{1,3}"),
                prop::option::of("[ab字]{1,3}"),
            ),
            prop::option::of((id(), prop::option::of(any::<bool>()))),
            prop::option::of(0i64..3),
            any::<bool>(),
        )
            .prop_map(
                |(
                    received,
                    incident,
                    channel,
                    content,
                    (subject, location),
                    fact,
                    money,
                    media,
                )| {
                    let mut b = Complaint::builder(received, channel, content);
                    if let Some(before) = incident {
                        b = b.incident_at(received - chrono::TimeDelta::seconds(before));
                    }
                    if let Some(s) = subject {
                        b = b.subject(s);
                    }
                    if let Some(l) = location {
                        b = b.location(l);
                    }
                    if let Some((name, value)) = fact {
                        let value = value.map_or(FactValue::Text(name.clone()), FactValue::Bool);
                        b = b.fact(FactName::new(name).unwrap(), value);
                    }
                    if let Some(fen) = money {
                        let remedy =
                            Remedy::with_amount(RemedyKind::Compensation, Money::from_fen(fen));
                        b = b.request(remedy.unwrap());
                    }
                    let flags = tousu_model::ComplaintFlags {
                        media_exposure: media,
                        ..Default::default()
                    };
                    b.flags(flags).build().unwrap()
                },
            )
    }

    /// Commands of many kinds, every optional field present or not.
    fn kind() -> impl Strategy<Value = CommandKind> {
        let opt = || prop::option::of(text());
        prop_oneof![
            (id(), complaint(), 0u32..2).prop_map(|(case, complaint, repeat_count)| {
                CommandKind::Register {
                    case_id: CaseId::new(case).unwrap(),
                    number: None,
                    complaint: Box::new(complaint),
                    repeat_count,
                }
            }),
            opt().prop_map(|override_reason| CommandKind::Accept { override_reason }),
            (text(), opt()).prop_map(|(reason_zh, advice_zh)| CommandKind::NotAccept {
                reason_zh,
                advice_zh
            }),
            (prop::option::of(id()), opt()).prop_map(|(level, reason)| CommandKind::Classify {
                level: level.map(|l| LevelId::new(l).unwrap()),
                reason,
            }),
            (
                id(),
                prop::option::of(id()),
                prop::collection::vec(id(), 0..2),
                opt()
            )
                .prop_map(|(lead, handler, co, reason)| {
                    let assignment = Assignment {
                        lead: DepartmentId::new(lead).unwrap(),
                        handler: handler.map(|h| StaffId::new(h).unwrap()),
                        co_handling: co
                            .into_iter()
                            .map(|d| DepartmentId::new(d).unwrap())
                            .collect(),
                    };
                    match reason {
                        None => CommandKind::Assign { assignment },
                        Some(reason) => CommandKind::Transfer { assignment, reason },
                    }
                }),
            (
                any::<bool>(),
                prop::option::of(any::<bool>()),
                prop::collection::vec(id(), 0..2),
                opt()
            )
                .prop_map(|(valid, us, staff, note)| CommandKind::RecordFindings {
                    validity: valid.then_some(tousu_model::Validity::Valid),
                    fault: us.map(|us| if us {
                        FaultParty::Us
                    } else {
                        FaultParty::Customer
                    }),
                    responsible: staff
                        .into_iter()
                        .map(|s| Responsibility {
                            party: ResponsibleParty::Staff(StaffId::new(s).unwrap()),
                            share: rust_decimal::Decimal::ONE,
                        })
                        .collect(),
                    note,
                }),
            prop::collection::btree_map(id(), text(), 0..3).prop_map(|facts| {
                CommandKind::RecordFacts {
                    facts: facts
                        .into_iter()
                        .map(|(k, v)| (FactName::new(k).unwrap(), FactValue::Text(v)))
                        .collect(),
                }
            }),
            text().prop_map(|text| CommandKind::Reply {
                text,
                written: false
            }),
            text().prop_map(|reason| CommandKind::SendBack { reason }),
            text().prop_map(|reason| CommandKind::Reopen { reason }),
            (text(), prop::option::of(id())).prop_map(|(reason, step)| CommandKind::Escalate {
                reason,
                step: step.map(|s| EscalationId::new(s).unwrap()),
            }),
            instant().prop_map(|deadline| CommandKind::SetAgreedDeadline { deadline }),
            instant().prop_map(|notified_at| CommandKind::CloseUnreachable { notified_at }),
            (text(), prop::option::of(instant()))
                .prop_map(|(reason, until)| CommandKind::RequestExtension { reason, until }),
            opt().prop_map(|reason| CommandKind::Withdraw { reason }),
            (opt(), opt(), opt()).prop_map(|(name, phone, location)| {
                CommandKind::CompleteDetails {
                    details: Box::new(Details {
                        name,
                        contact: Contact {
                            phone,
                            ..Contact::default()
                        },
                        subject: None,
                        location,
                        respondents: Vec::new(),
                    }),
                }
            }),
            (id(), any::<bool>()).prop_map(|(repeat, new_facts)| CommandKind::MergeRepeat {
                repeat: CaseId::new(repeat).unwrap(),
                new_facts,
            }),
            (opt(), prop::option::of(id())).prop_map(|(note, milestone)| {
                CommandKind::RecordAction {
                    action: CaseAction::CustomerContacted,
                    note,
                    milestone: milestone.map(|m| MilestoneId::new(m).unwrap()),
                }
            }),
            (id(), id(), text()).prop_map(|(p, v, reason)| CommandKind::MigratePolicy {
                policy_id: PolicyId::new(p).unwrap(),
                version: PolicyVersion::new(v).unwrap(),
                reason,
            }),
            prop::sample::select(vec![
                CommandKind::StartInvestigation,
                CommandKind::Approve,
                CommandKind::Close,
                CommandKind::ApproveExtension,
                CommandKind::EndExtension,
            ]),
        ]
    }

    fn command() -> impl Strategy<Value = Command> {
        (kind(), id(), id(), instant(), prop::option::of(instant())).prop_map(
            |(kind, id, actor, at, occurred_at)| {
                let mut c = Command::new(
                    CommandId::new(id).unwrap(),
                    StaffId::new(actor).unwrap(),
                    at,
                    0,
                    kind,
                );
                c.occurred_at = occurred_at;
                c
            },
        )
    }

    /// The kinds [`kind`] leaves out, for the direct writer's test (every
    /// kind is written by it, so every kind is compared with serde's bytes).
    fn other_kind() -> impl Strategy<Value = CommandKind> {
        use tousu_model::{AttachmentId, RemedyKind};
        use tousu_policy::SignedRecord;
        let opt = || prop::option::of(text());
        prop_oneof![
            (text(), any::<bool>())
                .prop_map(|(text, written)| CommandKind::Reply { text, written }),
            (prop::collection::vec(any::<bool>(), 0..3), opt()).prop_map(|(rs, note)| {
                CommandKind::ProposeSolution {
                    remedies: rs
                        .into_iter()
                        .map(|a| {
                            Remedy::new(if a {
                                RemedyKind::Apology
                            } else {
                                RemedyKind::Compensation
                            })
                        })
                        .collect(),
                    note,
                }
            }),
            (any::<bool>(), opt()).prop_map(|(s, note)| CommandKind::RecordCallback {
                satisfaction: if s {
                    Satisfaction::Satisfied
                } else {
                    Satisfaction::Unsatisfied
                },
                note,
            }),
            text().prop_map(|reason| CommandKind::DenyExtension { reason }),
            text().prop_map(|reason| CommandKind::CloseAbnormally { reason }),
            (
                text(),
                prop::collection::vec((id(), text(), opt(), opt()), 0..3)
            )
                .prop_map(|(text, atts)| CommandKind::AddNote {
                    text,
                    attachments: atts
                        .into_iter()
                        .map(|(id, name, media_type, sha256)| AttachmentRef {
                            id: AttachmentId::new(id).unwrap(),
                            name,
                            media_type,
                            sha256,
                        })
                        .collect(),
                }),
            prop::sample::select(vec![
                SignedRecord::Findings,
                SignedRecord::Callback,
                SignedRecord::ResultReport,
            ])
            .prop_map(|record| CommandKind::SignRecord { record }),
            // A registration with its number (`kind` leaves it out).
            (id(), complaint(), 0u32..40).prop_map(|(case, complaint, seq)| {
                let number = tousu_model::ComplaintNoPattern::default()
                    .format(tousu_model::ComplaintNoParts {
                        year: 2025,
                        month: 10,
                        seq: seq + 1,
                    })
                    .unwrap();
                CommandKind::Register {
                    case_id: CaseId::new(case).unwrap(),
                    number: Some(number),
                    complaint: Box::new(complaint),
                    repeat_count: seq * 1000,
                }
            }),
            // Every label the direct writer writes by its id.
            (
                prop::sample::select(tousu_model::Validity::ALL),
                prop::sample::select(FaultParty::ALL),
                opt()
            )
                .prop_map(|(validity, fault, note)| CommandKind::RecordFindings {
                    validity: Some(validity),
                    fault: Some(fault),
                    responsible: Vec::new(),
                    note,
                }),
            (
                prop::sample::select(Satisfaction::ALL),
                prop::sample::select(CaseAction::ALL),
                opt()
            )
                .prop_map(|(satisfaction, action, note)| {
                    if note.is_some() {
                        CommandKind::RecordCallback { satisfaction, note }
                    } else {
                        CommandKind::RecordAction {
                            action,
                            note,
                            milestone: None,
                        }
                    }
                }),
        ]
    }

    fn any_command() -> impl Strategy<Value = Command> {
        (
            prop_oneof![kind(), other_kind()],
            id(),
            id(),
            instant(),
            prop::option::of(instant()),
        )
            .prop_map(|(kind, id, actor, at, occurred_at)| {
                let mut c = Command::new(
                    CommandId::new(id).unwrap(),
                    StaffId::new(actor).unwrap(),
                    at,
                    0,
                    kind,
                );
                c.occurred_at = occurred_at;
                c
            })
    }

    proptest! {
        #[test]
        fn different_commands_are_encoded_differently(a in command(), b in command()) {
            prop_assert_eq!(a == b, encoding(&a) == encoding(&b));
            prop_assert_eq!(a == b, a.digest() == b.digest());
        }

        #[test]
        fn direct_matches_serde(a in any_command()) {
            // The direct writer gives the serde encoder's bytes (or error).
            let mut direct = Vec::new();
            let d = a.encode_canonical(&mut direct).map_err(|e| e.to_string());
            let mut reference = Vec::new();
            let r = a.encode_canonical_serde(&mut reference).map_err(|e| e.to_string());
            prop_assert_eq!(d, r);
            prop_assert_eq!(direct, reference);
        }

        #[test]
        fn a_command_and_its_json_agree_on_equality(a in command(), b in command()) {
            // Scheme 1 and scheme 2 tell the same pairs apart.
            prop_assert_eq!(
                a.digest_as(DigestScheme::Json) == b.digest_as(DigestScheme::Json),
                a.digest() == b.digest()
            );
        }
    }
}
