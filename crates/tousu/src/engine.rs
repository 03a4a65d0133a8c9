//! The engine: a policy (and the older versions still judging open cases), a
//! roster and a store, driven by commands and by `now`.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Utc};
use tousu_model::{
    CaseId, CommandId, Complaint, ComplaintNo, ComplaintNoParts, DepartmentId, Roster, StaffId,
};
use tousu_penalty::{CarryOver, Month, Names, PenaltyFacts, PeriodResult};
use tousu_policy::calendar::CalendarData;
use tousu_policy::{Deadline, MilestoneId, PenaltySchedule, Policy, PolicyId, PolicyVersion};
use tousu_workflow::{
    AfterTick, CASE_SCHEMA_VERSION, Case, Command, CommandKind, Ctx, DeadlineView, Event,
    PolicyRuntime, ReplayError, Status,
};

use crate::store::{Appended, Batch, CommandHash, Decided, DueDecided, Latest, Store, StoreError};
use crate::{Error, TickReport, Ticked};

/// The registration of `filing` numbered with `seq` of `month`: the case id
/// and the events, or why the decider refuses it.
fn registration(
    runtime: &PolicyRuntime,
    roster: &Roster,
    filing: &Filing,
    month: Month,
    seq: u32,
) -> Result<(CaseId, Vec<Event>), Error> {
    let number = runtime.policy.complaint_number.format(ComplaintNoParts {
        year: month.year(),
        month: month.month(),
        seq,
    })?;
    let case_id = match &filing.case_id {
        Some(id) => id.clone(),
        None => CaseId::new(number.as_str())?,
    };
    let command = Command::new(
        filing.command_id.clone(),
        filing.actor.clone(),
        filing.complaint.received_at,
        0,
        CommandKind::Register {
            case_id: case_id.clone(),
            number: Some(number),
            complaint: Box::new(filing.complaint.clone()),
            repeat_count: filing.repeat_count,
        },
    );
    let events = tousu_workflow::register(&command, &runtime.ctx(roster, command.at))?;
    Ok((case_id, events))
}

/// A complaint to file: who files it, its idempotency key, and optionally
/// the case id (default: the complaint number issued).
#[derive(Clone, Debug)]
pub struct Filing {
    /// The staff member filing it (needs the `register` action).
    pub actor: StaffId,
    /// The command id: filing again with the same id and case id has no second effect.
    pub command_id: CommandId,
    /// The case id; give one for idempotent retries. Default: the complaint number.
    pub case_id: Option<CaseId>,
    /// The complaint.
    pub complaint: Complaint,
    /// Earlier complaints on the same matter.
    pub repeat_count: u32,
}

impl Filing {
    /// A filing of `complaint` by `actor` under the idempotency key
    /// `command_id`: numbered by the store, no earlier complaints on the matter.
    pub fn new(actor: StaffId, command_id: CommandId, complaint: Complaint) -> Self {
        Filing {
            actor,
            command_id,
            case_id: None,
            complaint,
            repeat_count: 0,
        }
    }

    /// With a case id of your own (default: the complaint number issued).
    pub fn with_case_id(mut self, case_id: CaseId) -> Self {
        self.case_id = Some(case_id);
        self
    }

    /// With the number of earlier complaints on the same matter.
    pub fn with_repeat_count(mut self, repeat_count: u32) -> Self {
        self.repeat_count = repeat_count;
        self
    }
}

/// A filed case.
#[derive(Clone, Debug)]
pub struct Filed {
    /// The case after registration.
    pub case: Case,
    /// The events registration produced (or, on a retry, the stored ones).
    pub events: Vec<Event>,
}

/// An open case past a deadline.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
pub struct Overdue {
    /// The case.
    pub case: CaseId,
    /// Its complaint number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<ComplaintNo>,
    /// The milestone overdue.
    pub milestone: MilestoneId,
    /// The deadline missed.
    pub deadline: Deadline,
    /// The responsible (lead) department, if assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<DepartmentId>,
    /// The responsible person, if assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handler: Option<StaffId>,
}

/// An open clock the calendar could not give a deadline (a year its policy
/// refuses without a notice, or a date beyond its data): it runs, never
/// breaches by itself, and is never [`Overdue`]; a recalculation
/// ([`Engine::recalculate_all`]) under better data gives it its deadline.
#[derive(
    Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
pub struct WithoutDeadline {
    /// The case.
    pub case: CaseId,
    /// Its complaint number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<ComplaintNo>,
    /// The milestone.
    pub milestone: MilestoneId,
    /// The round.
    pub round: u32,
    /// When the clock started.
    pub started_at: DateTime<Utc>,
    /// Whether it is paused.
    pub paused: bool,
    /// Why it has no deadline: the calendar's answer.
    pub why: String,
    /// The responsible (lead) department, if assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<DepartmentId>,
    /// The responsible person, if assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handler: Option<StaffId>,
}

type PolicyKey = (PolicyId, PolicyVersion);

/// How many due cases [`Engine::tick_all`] writes in one
/// [`Store::append_all`] over a store that does not keep cases folded (the
/// SQL stores): enough that a commit's cost is spread over many cases, few
/// enough that other writers wait for one transaction of a few hundred
/// small writes, not for the whole tick.
pub const TICK_WRITE_CHUNK: usize = 256;

/// Holds the policy versions, the roster and the store, and drives cases.
///
/// Nothing here reads a clock: every operation that depends on time takes
/// `now`. A case keeps being judged by the policy version it was opened
/// under; add newer versions with [`Engine::add_policy`].
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use tousu::prelude::*;
///
/// let cs = DepartmentId::new("cs")?;
/// let roster = Roster::new(
///     DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)])?,
///     vec![Staff::new(StaffId::new("kf")?, "李客服", cs).with_role(RoleId::new("complaint_manager")?)],
/// )?;
/// let mut engine = Engine::new(Policy::default_policy()?, roster, MemoryStore::new())?;
/// let at = Utc.with_ymd_and_hms(2025, 10, 9, 1, 0, 0).single().ok_or("time")?;
/// let filed = engine.file(Filing {
///     actor: StaffId::new("kf")?,
///     command_id: CommandId::new("file-1")?,
///     case_id: None,
///     complaint: Complaint::builder(at, Channel::Phone, "热水器漏水").build()?,
///     repeat_count: 0,
/// })?;
/// assert_eq!(filed.case.number.as_ref().map(|n| n.as_str()), Some("202510-0001"));
/// assert!(!engine.deadlines(&filed.case.id, at)?.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Engine<S: Store> {
    /// The version new cases are judged by.
    current: PolicyRuntime,
    /// Other versions, still judging the cases opened under them.
    older: BTreeMap<PolicyKey, PolicyRuntime>,
    roster: Roster,
    store: S,
    /// Keep a snapshot every this many events (0: never).
    snapshot_every: u64,
    /// How many threads [`Engine::tick_all`] decides due cases on.
    tick_threads: usize,
}

/// The runtime judging `case`: `current`, or the older version it names.
/// (A function of the fields it reads, so that a caller can borrow the
/// store mutably meanwhile.)
fn runtime_in<'a>(
    current: &'a PolicyRuntime,
    older: &'a BTreeMap<PolicyKey, PolicyRuntime>,
    case: &Case,
) -> Result<&'a PolicyRuntime, Error> {
    // Compared in place: the key is cloned only to look up an older version.
    if case.policy_id == current.policy.id && case.policy_version == current.policy.version {
        return Ok(current);
    }
    let key = (case.policy_id.clone(), case.policy_version.clone());
    older.get(&key).ok_or_else(|| Error::MissingPolicyVersion {
        case: case.id.clone(),
        policy: key.0.to_string(),
        version: key.1.to_string(),
    })
}

/// What a tick at `now` stores for a case a store lends, if anything: the
/// events, appended to `out`, and, for the due index, whether the case
/// stays open and when anything is next due on it.
fn tick_into(
    current: &PolicyRuntime,
    older: &BTreeMap<PolicyKey, PolicyRuntime>,
    roster: &Roster,
    case: &Case,
    now: DateTime<Utc>,
    out: &mut Vec<Event>,
) -> Result<Option<AfterTick>, Error> {
    let runtime = runtime_in(current, older, case)?;
    let start = out.len();
    let after = tousu_workflow::tick_with_next_due_into(case, &runtime.ctx(roster, now), out)?;
    Ok((out.len() > start).then_some(after))
}

fn key_of(policy: &Policy) -> PolicyKey {
    (policy.id.clone(), policy.version.clone())
}

impl<S: Store> Engine<S> {
    /// An engine judging new cases by `policy` (validated again here).
    pub fn new(policy: Policy, roster: Roster, store: S) -> Result<Self, Error> {
        policy.validate()?;
        Ok(Engine {
            current: PolicyRuntime::new(policy)?,
            older: BTreeMap::new(),
            roster,
            store,
            snapshot_every: 0,
            tick_threads: 1,
        })
    }

    /// Keeps a snapshot of a case whenever a write crosses a multiple of
    /// `every` events (0: never), so that loading a case replays at most
    /// `every` events after it. Snapshots are a cache: they agree with the
    /// events, which stay the truth.
    pub fn with_snapshots(mut self, every: u64) -> Self {
        self.snapshot_every = every;
        self
    }

    /// Lets [`Engine::tick_all`] decide due cases on up to `threads`
    /// threads at once (default 1; 0 counts as 1), over a store that
    /// decides them itself ([`Store::decide_due`]: the memory store). The
    /// decider is pure and each case is decided on its own; the store still
    /// writes in due order, so the events stored, their order and the
    /// report are those of one thread, and a failing case still never
    /// stops the others. Worth it for ticks of thousands of due cases on
    /// a machine with idle cores: each block of due cases starts threads.
    pub fn with_tick_threads(mut self, threads: usize) -> Self {
        self.tick_threads = threads.max(1);
        self
    }

    /// Adds a policy version. With `make_current`, new cases are judged by
    /// it; open cases keep the version they were opened under.
    ///
    /// **Migration.** An open case moves to another version only by a
    /// `migrate_policy` command ([`CommandKind::MigratePolicy`], with a
    /// reason), decided under the version it migrates to: that version's
    /// grants say who may move a case there, and the engine must hold it
    /// (else [`Error::MissingPolicyVersion`]; a typo strands no case). Clocks
    /// already running keep the deadlines they have; later commands, ticks
    /// and new clocks follow the new version. A closed case stays judged by
    /// the version it was closed under.
    pub fn add_policy(&mut self, policy: Policy, make_current: bool) -> Result<(), Error> {
        policy.validate()?;
        let runtime = PolicyRuntime::new(policy)?;
        if make_current {
            let previous = std::mem::replace(&mut self.current, runtime);
            self.older.insert(key_of(&previous.policy), previous);
            self.older.remove(&key_of(&self.current.policy));
        } else if key_of(&runtime.policy) != key_of(&self.current.policy) {
            self.older.insert(key_of(&runtime.policy), runtime);
        }
        Ok(())
    }

    /// The policy new cases are judged by.
    pub fn policy(&self) -> &Policy {
        &self.current_runtime().policy
    }

    fn current_runtime(&self) -> &PolicyRuntime {
        &self.current
    }

    /// The roster.
    pub fn roster(&self) -> &Roster {
        &self.roster
    }

    /// Replaces the roster (staff changes take effect for later commands).
    pub fn set_roster(&mut self, roster: Roster) {
        self.roster = roster;
    }

    /// The store.
    pub fn store(&self) -> &S {
        &self.store
    }

    fn runtime_for(&self, case: &Case) -> Result<&PolicyRuntime, Error> {
        runtime_in(&self.current, &self.older, case)
    }

    /// The runtime of policy version `key`, for `case`.
    fn runtime_of(&self, key: &PolicyKey, case: &Case) -> Result<&PolicyRuntime, Error> {
        let current = &self.current.policy;
        if key.0 == current.id && key.1 == current.version {
            return Ok(&self.current);
        }
        self.older
            .get(key)
            .ok_or_else(|| Error::MissingPolicyVersion {
                case: case.id.clone(),
                policy: key.0.to_string(),
                version: key.1.to_string(),
            })
    }

    /// Gives every policy version held the years of a calendar data file
    /// (next year's holiday notice): deadlines computed from now on use it.
    /// Deadlines already recorded move only by [`Engine::recalculate_all`].
    /// All or nothing: if any version's calendar refuses the data (a year its
    /// policy also gives inline), nothing changes.
    pub fn add_calendar_data(&mut self, data: CalendarData) -> Result<(), Error> {
        let rebuilt = |runtime: &PolicyRuntime| -> Result<PolicyRuntime, Error> {
            let mut policy = runtime.policy.clone();
            policy.calendar.add_data(data.clone());
            Ok(PolicyRuntime::new(policy)?)
        };
        let current = rebuilt(&self.current)?;
        let older = self
            .older
            .iter()
            .map(|(k, r)| Ok((k.clone(), rebuilt(r)?)))
            .collect::<Result<BTreeMap<_, _>, Error>>()?;
        self.current = current;
        self.older = older;
        Ok(())
    }

    /// Where the current policy's holiday notices end and what later years
    /// mean: `holiday notices cover 2024–2026; later deadlines to 2100 are
    /// provisional (statutory days only)`.
    pub fn calendar_coverage(&self) -> String {
        self.current.calendar.coverage_note()
    }

    /// Counts the case's provisional deadlines again under the calendar data
    /// the engine now has, and withdraws breaches the exact data shows were
    /// not breaches ([`tousu_workflow::recalculate`], whose docs give the
    /// rulings). Stores and returns the events (none if nothing moved).
    pub fn recalculate(
        &mut self,
        case_id: &CaseId,
        now: DateTime<Utc>,
    ) -> Result<Vec<Event>, Error> {
        let case = self.case(case_id)?;
        let runtime = self.runtime_for(&case)?;
        let events = tousu_workflow::recalculate(&case, &runtime.ctx(&self.roster, now))?;
        let expected_version = case.version;
        let after = events.iter().fold(case, tousu_workflow::evolve);
        self.write(expected_version, after, events, None)
    }

    /// [`Engine::recalculate`] over every case, after
    /// [`Engine::add_calendar_data`].
    pub fn recalculate_all(&mut self, now: DateTime<Utc>) -> Result<Vec<Event>, Error> {
        let mut all = Vec::new();
        for id in self.store.case_ids()? {
            all.extend(self.recalculate(&id, now)?);
        }
        Ok(all)
    }

    /// The case with this id: its latest snapshot (if the store keeps one
    /// this version of tousu reads) with the events after it applied, or
    /// all its events replayed.
    pub fn case(&self, id: &CaseId) -> Result<Case, Error> {
        self.case_from_latest(id, self.store.load_latest(id)?)
    }

    /// The case `id` from what [`Store::load_latest`] returned for it.
    fn case_from_latest(&self, id: &CaseId, latest: Latest) -> Result<Case, Error> {
        let Some(mut case) = latest
            .snapshot
            .filter(|c| c.schema_version == CASE_SCHEMA_VERSION && &c.id == id)
        else {
            let events = if latest.events.first().is_some_and(|e| e.version == 1) {
                latest.events
            } else {
                self.store.load(id)?
            };
            if events.is_empty() {
                return Err(Error::UnknownCase(id.clone()));
            }
            return Ok(Case::replay_events(&events)?);
        };
        for e in &latest.events {
            if e.case_id != case.id || e.version != case.version + 1 {
                return Err(Error::Replay(ReplayError::VersionGap {
                    expected: case.version + 1,
                    found: e.version,
                }));
            }
            case = tousu_workflow::evolve(case, e);
        }
        Ok(case)
    }

    /// Every case, rebuilt from the store, confidential ones included: for
    /// batch jobs and reports; a person's view is [`Engine::cases_for`].
    pub fn cases(&self) -> Result<Vec<Case>, Error> {
        self.store
            .case_ids()?
            .iter()
            .map(|id| self.case(id))
            .collect()
    }

    /// Files a complaint: checks everything (the complaint, the actor's
    /// permission, the policy's rules), then numbers it and stores the
    /// registration.
    ///
    /// **When a number is taken.** Only once everything that can refuse the
    /// filing has passed: the number is the month's next sequence in the
    /// policy's pattern (the month of receipt, in the policy's offset), and
    /// it is taken inside the same store write that stores the registration
    /// ([`Store::file`]). A refused filing (no permission, an unknown actor,
    /// a bad category) or a failed write uses up no number: numbers have no
    /// gaps. Without a case id, the case id is the number.
    ///
    /// **Retries.** A filing is idempotent by its command id, with or
    /// without a case id: filing again with the same command id and the same
    /// content returns the case the first filing opened (no second case, no
    /// second number); the same command id with other content is
    /// [`Error::CommandReused`] naming the id and that case. A case id
    /// already opened by another command is refused.
    pub fn file(&mut self, filing: Filing) -> Result<Filed, Error> {
        let hash = CommandHash::of(&(
            &filing.actor,
            &filing.command_id,
            &filing.case_id,
            &filing.complaint,
            filing.repeat_count,
        ))?;
        // A filing is idempotent by its command id, with or without a case id.
        let mut opened = match &filing.case_id {
            Some(id) => self
                .store
                .command(id, &filing.command_id)?
                .map(|_| id.clone()),
            None => None,
        };
        if opened.is_none() {
            opened = self.store.registered_by(&filing.command_id)?;
        }
        if let Some(case) = opened {
            return self.filed_before(&case, &filing.command_id, hash);
        }
        if let Some(id) = &filing.case_id {
            match self.case(id) {
                Err(Error::UnknownCase(_)) => {}
                Err(e) => return Err(e),
                Ok(_) => {
                    return Err(Error::Rejected(tousu_workflow::Rejection::InvalidInput {
                        path: "case_id".to_owned(),
                        message: format!("case {id} exists already, filed by another command"),
                    }));
                }
            }
        }
        filing.complaint.validate()?;
        let runtime = self.current_runtime();
        let local = filing
            .complaint
            .received_at
            .with_timezone(&runtime.calendar.offset());
        let month = Month::new(local.year(), local.month())?;
        // Everything the decider checks, checked before a number is taken:
        // the registration with the month's first number must be accepted.
        registration(runtime, &self.roster, &filing, month, 1)?;
        let Engine {
            current,
            roster,
            store,
            snapshot_every,
            ..
        } = self;
        let every = *snapshot_every;
        let filed = store.file(month, |seq| -> Result<Batch, Error> {
            let (case_id, events) = registration(current, roster, &filing, month, seq)?;
            let case = Case::replay_events(&events)?;
            let next_due = tousu_workflow::next_due(&case, &current.ctx(roster, case.updated_at))?;
            Ok(Batch {
                case_id,
                expected_version: 0,
                command: Some((filing.command_id.clone(), hash)),
                open: case.status.is_open(),
                next_due,
                snapshot: (every > 0 && case.version >= every).then(|| Box::new(case)),
                events,
            })
        });
        let batch = match filed {
            Ok((batch, _)) => batch,
            // A retry raced this filing and opened the case first.
            Err(Error::Store(StoreError::DuplicateCommand { case, .. })) => {
                return self.filed_before(&case, &filing.command_id, hash);
            }
            Err(e) => return Err(e),
        };
        let case = Case::replay_events(&batch.events)?;
        Ok(Filed {
            case,
            events: batch.events,
        })
    }

    /// The outcome of a filing `command` already opened `case` with: the
    /// stored case if it is the same filing (`hash`), else the conflict.
    fn filed_before(
        &self,
        case: &CaseId,
        command: &CommandId,
        hash: CommandHash,
    ) -> Result<Filed, Error> {
        let Some(record) = self.store.command(case, command)? else {
            return Err(Error::Store(StoreError::backend(format!(
                "command {command} is said to have opened case {case}, which has no record of it"
            ))));
        };
        if record.hash != hash {
            return Err(Error::CommandReused {
                case: case.clone(),
                command: command.clone(),
                stored: record.hash,
            });
        }
        let events = self.store.load(case)?;
        let case = Case::replay_events(&events)?;
        Ok(Filed { case, events })
    }

    /// Decides `command` on the case as it is now and stores the events:
    /// the common path, one load of the case. A command that expects no
    /// version (`expected_version` 0, what [`Command::builder`] writes
    /// without [`expecting`](tousu_workflow::CommandBuilder::expecting)) is
    /// decided at the case's current version; one that names a version is
    /// checked against it as [`Engine::handle`] does (optimistic
    /// concurrency: a stale version is refused and nothing changes).
    ///
    /// Retries are as in [`Engine::handle`]: the same command id and the
    /// same command return the first outcome; the id with another command is
    /// [`Error::CommandReused`]. A `register` command opens the case it names.
    ///
    /// ```
    /// use tousu::prelude::*;
    ///
    /// let cs = DepartmentId::new("cs")?;
    /// let kf = StaffId::new("kf")?;
    /// let roster = Roster::new(
    ///     DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)])?,
    ///     vec![Staff::new(kf.clone(), "李客服", cs).with_role(RoleId::new("complaint_manager")?)],
    /// )?;
    /// let mut engine = Engine::new(Policy::default_policy()?, roster, MemoryStore::new())?;
    /// let at = Utc.with_ymd_and_hms(2025, 10, 9, 1, 0, 0).single().ok_or("time")?;
    /// let complaint = Complaint::builder(at, Channel::Phone, "热水器漏水").build()?;
    /// let case = engine.file(Filing::new(kf.clone(), CommandId::new("f1")?, complaint))?.case;
    /// engine.submit(&case.id, Command::builder(CommandId::new("c1")?, kf.clone(), at).accept())?;
    /// engine.submit(&case.id, Command::builder(CommandId::new("c2")?, kf, at).note("已电话联系"))?;
    /// assert_eq!(engine.case(&case.id)?.status, Status::Accepted);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn submit(&mut self, case_id: &CaseId, command: Command) -> Result<Vec<Event>, Error> {
        self.decide_and_store(case_id, std::borrow::Cow::Owned(command), true)
    }

    /// Handles a command on an existing case: decides it under the case's
    /// policy version at the command's instant and stores the events. The
    /// command's `expected_version` is always checked (a stale one is
    /// refused and nothing changes); [`Engine::submit`] is the path that
    /// decides at the current version without reading the case first.
    ///
    /// A command id seen before returns the events it produced the first
    /// time if the command is the same (a retry); a different command under
    /// that id is refused with [`Error::CommandReused`].
    pub fn handle(&mut self, case_id: &CaseId, command: &Command) -> Result<Vec<Event>, Error> {
        self.decide_and_store(case_id, std::borrow::Cow::Borrowed(command), false)
    }

    /// [`Engine::handle`], and with `at_current` [`Engine::submit`]'s
    /// reading of an unversioned command.
    fn decide_and_store(
        &mut self,
        case_id: &CaseId,
        mut command: std::borrow::Cow<'_, Command>,
        at_current: bool,
    ) -> Result<Vec<Event>, Error> {
        // The command's own digest (what it says, not the version it expects:
        // a retry sent after the client reloaded the case is the same command),
        // so the store's record and the event's `command_digest` agree. It is
        // computed here only for a command id seen before, under the scheme
        // the stored record was made with (a record from before scheme 2 is
        // compared with the command's scheme-1 digest); a new command's is
        // the one its first event records.
        if let Some(record) = self.store.command(case_id, &command.id)? {
            let hash = CommandHash(command.digest_as(record.hash.scheme()));
            if record.hash != hash {
                return Err(Error::CommandReused {
                    case: case_id.clone(),
                    command: command.id.clone(),
                    stored: record.hash,
                });
            }
            return Ok(self.store.load_range(
                case_id,
                record.first_version,
                record.last_version,
            )?);
        }
        let registers = matches!(command.kind, CommandKind::Register { .. });
        let mut case = match self.case(case_id) {
            Ok(case) => Some(case),
            // A `register` command opens the case it names, as given
            // (unlike [`Engine::file`], which numbers the complaint).
            Err(Error::UnknownCase(_)) if registers => None,
            Err(e) => return Err(e),
        };
        if let Some(case) = &case
            && at_current
            && command.expected_version == 0
        {
            command.to_mut().expected_version = case.version;
        }
        let command = command.as_ref();
        if let Some(case) = &case
            && case.seen(command)?
        {
            // Applied before the store kept command records: no hash to compare.
            return Ok(self
                .store
                .load(case_id)?
                .into_iter()
                .filter(|e| e.command_id.as_ref() == Some(&command.id))
                .collect());
        }
        let runtime = match (&case, &command.kind) {
            // A migration is decided under the version it migrates to, which
            // the engine must hold (a typo names no version and is refused).
            (
                Some(case),
                CommandKind::MigratePolicy {
                    policy_id, version, ..
                },
            ) => self.runtime_of(&(policy_id.clone(), version.clone()), case)?,
            (Some(case), _) => self.runtime_for(case)?,
            (None, _) => self.current_runtime(),
        };
        let ctx = runtime.ctx(&self.roster, command.at);
        let expected_version = case.as_ref().map_or(0, |c| c.version);
        let events = tousu_workflow::handle(&mut case, command, &ctx)?;
        if let Some(other) = events.first().filter(|e| e.case_id != *case_id) {
            return Err(Error::Rejected(tousu_workflow::Rejection::InvalidInput {
                path: "kind.case_id".to_owned(),
                message: format!(
                    "registers case {}, not the case {case_id} it was handed for",
                    other.case_id
                ),
            }));
        }
        let Some(after) = case else {
            return Ok(events);
        };
        let digest = events
            .first()
            .and_then(|e| e.command_digest.as_deref().copied())
            .unwrap_or_else(|| command.digest());
        self.write(
            expected_version,
            after,
            events,
            Some((command.id.clone(), CommandHash(digest))),
        )
    }

    /// Stores events decided on a case at `expected_version`, which leave
    /// it as `after`, with what changes with them: the due index entry, the
    /// command record, a snapshot when one is due.
    fn write(
        &mut self,
        expected_version: u64,
        after: Case,
        events: Vec<Event>,
        command: Option<(CommandId, CommandHash)>,
    ) -> Result<Vec<Event>, Error> {
        let Some(batch) = self.batch(expected_version, after, events, command)? else {
            return Ok(Vec::new());
        };
        self.store.append(&batch)?;
        Ok(batch.events)
    }

    /// What [`Engine::write`] stores: the events with the case's index
    /// entry and, when one is due, its snapshot; `None` for no events.
    fn batch(
        &self,
        expected_version: u64,
        after: Case,
        events: Vec<Event>,
        command: Option<(CommandId, CommandHash)>,
    ) -> Result<Option<Batch>, Error> {
        if events.is_empty() {
            return Ok(None);
        }
        let runtime = self.runtime_for(&after)?;
        let next_due =
            tousu_workflow::next_due(&after, &runtime.ctx(&self.roster, after.updated_at))?;
        let every = self.snapshot_every;
        let snapshot_due = every > 0 && after.version / every > expected_version / every;
        Ok(Some(Batch {
            case_id: after.id.clone(),
            expected_version,
            command,
            open: after.status.is_open(),
            next_due,
            snapshot: snapshot_due.then(|| Box::new(after)),
            events,
        }))
    }

    /// Lets time pass for one case: stores and returns the warnings,
    /// breaches and escalations due at `now`.
    pub fn tick(&mut self, case_id: &CaseId, now: DateTime<Utc>) -> Result<Vec<Event>, Error> {
        // A store that keeps the case folded lends it: the tick and the
        // next due instant are decided on it without copying it, and the
        // store writes the events in the same call (one lookup of the case,
        // no snapshot to write: the store applies the events itself).
        let Engine {
            current,
            older,
            roster,
            store,
            ..
        } = self;
        match store.decide_folded(case_id, |case| {
            let mut events = Vec::new();
            let after = tick_into(current, older, roster, case, now, &mut events)?;
            Ok::<_, Error>(after.map(|after| Batch {
                case_id: case.id.clone(),
                expected_version: case.version,
                events,
                command: None,
                open: after.open,
                next_due: after.next_due,
                snapshot: None,
            }))
        })? {
            Decided::Written { batch, .. } => return Ok(batch.events),
            Decided::Nothing => return Ok(Vec::new()),
            Decided::NotFolded => {}
        }
        let latest = self.store.load_latest(case_id);
        let Some(batch) = self.tick_loaded(case_id, latest, now)? else {
            return Ok(Vec::new());
        };
        self.store.append(&batch)?;
        Ok(batch.events)
    }

    /// A tick of a case loaded from the store (not lent folded): what it
    /// writes, or `None` when time does nothing to it at `now`.
    fn tick_loaded(
        &self,
        case_id: &CaseId,
        latest: Result<Latest, StoreError>,
        now: DateTime<Utc>,
    ) -> Result<Option<Batch>, Error> {
        let mut case = self.case_from_latest(case_id, latest?)?;
        let runtime = self.runtime_for(&case)?;
        let events = tousu_workflow::tick(&case, &runtime.ctx(&self.roster, now))?;
        let expected_version = case.version;
        for e in &events {
            case.apply(e);
        }
        self.batch(expected_version, case, events, None)
    }

    /// Ticks the cases the store's due index says have something due at
    /// `now` (no other case is read), earliest due first, each on its own.
    ///
    /// **How it fails part-way.** Each case's outcome is in the returned
    /// [`TickReport`]: the events stored for it ([`TickReport::events`]
    /// lists every event appended, case by case), or why it failed
    /// ([`TickReport::failures`]: its policy version is not held, its events
    /// do not replay, the store refused its write, ...). A failing case
    /// changed nothing (each case's write is all or nothing), never stops the
    /// others, and stays in the due index, so the next tick tries it again.
    /// The call fails as a whole only when the due index cannot be read;
    /// then nothing was ticked.
    ///
    /// A store that keeps cases folded ([`MemoryStore`](crate::MemoryStore))
    /// decides and writes every due case under one lock
    /// ([`Store::decide_due`]), and the report shares the events it keeps.
    /// Any other store (the SQL ones) has each due case loaded and decided
    /// on its own, and the cases written [`TICK_WRITE_CHUNK`] at a time
    /// through [`Store::append_all`]: one transaction a chunk, each case in
    /// a savepoint of its own, so a case refused still changes nothing and
    /// stops no other; should a chunk's transaction itself fail to commit,
    /// each of its cases reports that failure and stays due.
    pub fn tick_all(&mut self, now: DateTime<Utc>) -> Result<TickReport, Error> {
        let Engine {
            current,
            older,
            roster,
            store,
            tick_threads,
            ..
        } = self;
        let decided = store.decide_due(now, *tick_threads, |case, out| {
            tick_into(current, older, roster, case, now, out)
        })?;
        let Some(decided) = decided else {
            return self.tick_one_by_one(now);
        };
        let mut report = TickReport {
            cases: Vec::with_capacity(decided.len()),
        };
        for (case, outcome) in decided {
            let outcome = match outcome {
                Ok(DueDecided::Written { events, .. }) => Ok(events),
                Ok(DueDecided::Nothing) => Ok(Appended::default()),
                // Loaded and replayed (as over SQL): a store keeps every
                // case folded whose events fold, so this one fails to.
                Ok(DueDecided::NotFolded) => self.tick(&case, now).map(Appended::from),
                Err(e) => Err(e),
            };
            report.cases.push(Ticked { case, outcome });
        }
        Ok(report)
    }

    /// [`Engine::tick_all`] over a store that does not keep cases folded:
    /// the due cases listed, then loaded and decided each on its own and
    /// written [`TICK_WRITE_CHUNK`] at a time through [`Store::append_all`]
    /// (over SQL, one transaction a chunk, a savepoint a case).
    fn tick_one_by_one(&mut self, now: DateTime<Utc>) -> Result<TickReport, Error> {
        let due = self.store.due(now, usize::MAX)?;
        let mut report = TickReport {
            cases: Vec::with_capacity(due.len()),
        };
        let mut due = due.into_iter().peekable();
        while due.peek().is_some() {
            let chunk: Vec<CaseId> = due.by_ref().take(TICK_WRITE_CHUNK).collect();
            self.tick_chunk(chunk, now, &mut report);
        }
        Ok(report)
    }

    /// Decides the ticks of `cases`, writes those that have events in one
    /// [`Store::append_all`], and reports each case's outcome in order.
    fn tick_chunk(&mut self, cases: Vec<CaseId>, now: DateTime<Utc>, report: &mut TickReport) {
        let mut batches = Vec::with_capacity(cases.len());
        // Read in one go; should that fail, each case reads on its own and
        // reports its own failure.
        let loaded = match self.store.load_latest_all(&cases) {
            Ok(loaded) if loaded.len() == cases.len() => loaded,
            _ => cases.iter().map(|c| self.store.load_latest(c)).collect(),
        };
        // Per case: whether it has a batch (in `batches`, in order), or why not.
        let decided: Vec<Result<bool, Error>> = cases
            .iter()
            .zip(loaded)
            .map(|(case, latest)| {
                let batch = self.tick_loaded(case, latest, now)?;
                Ok(batch.map(|b| batches.push(b)).is_some())
            })
            .collect();
        let written = match self.store.append_all(&batches) {
            Ok(outcomes) => outcomes,
            // The transaction failed as a whole: none was written, and each
            // case that had events says so (the error is not `Clone`).
            Err(e) => {
                let why = e.to_string();
                batches
                    .iter()
                    .map(|_| Err(StoreError::backend(why.clone())))
                    .collect()
            }
        };
        let mut written = batches.into_iter().zip(written);
        for (case, decided) in cases.into_iter().zip(decided) {
            let outcome = match decided {
                Ok(true) => match written.next() {
                    Some((batch, Ok(_))) => Ok(Appended::from(batch.events)),
                    Some((_, Err(e))) => Err(Error::from(e)),
                    None => Err(Error::from(StoreError::backend(
                        "the store reported fewer outcomes than it was given batches",
                    ))),
                },
                Ok(false) => Ok(Appended::default()),
                Err(e) => Err(e),
            };
            report.cases.push(Ticked { case, outcome });
        }
    }

    fn ctx_for<'a>(&'a self, case: &Case, now: DateTime<Utc>) -> Result<Ctx<'a>, Error> {
        Ok(self.runtime_for(case)?.ctx(&self.roster, now))
    }

    /// The case's open clocks at `now`.
    pub fn deadlines(
        &self,
        case_id: &CaseId,
        now: DateTime<Utc>,
    ) -> Result<Vec<DeadlineView>, Error> {
        let case = self.case(case_id)?;
        Ok(tousu_workflow::deadlines(
            &case,
            &self.ctx_for(&case, now)?,
        )?)
    }

    /// Every open case's running clocks past their deadline at `now`, with
    /// the responsible department, by case id; confidential cases included
    /// (a person's view is [`Engine::overdue_for`]). A clock without a
    /// deadline is never overdue: [`Engine::clocks_without_deadline`] lists those.
    pub fn overdue(&self, now: DateTime<Utc>) -> Result<Vec<Overdue>, Error> {
        let mut out = Vec::new();
        for id in self.store.open_cases()? {
            let case = self.case(&id)?;
            if !case.status.is_open() {
                continue;
            }
            for c in case.open_clocks() {
                let Some(deadline) = c.deadline.as_deref().filter(|_| c.is_past_deadline(now))
                else {
                    continue;
                };
                out.push(Overdue {
                    case: case.id.clone(),
                    number: case.number.clone(),
                    milestone: c.milestone.clone(),
                    deadline: deadline.clone(),
                    department: case.assignment.as_ref().map(|a| a.lead.clone()),
                    handler: case.assignment.as_ref().and_then(|a| a.handler.clone()),
                });
            }
        }
        Ok(out)
    }

    /// Every open case's open clocks that have no deadline (the calendar
    /// could not count one), by case id: what to watch until the year's
    /// holiday notice arrives and [`Engine::recalculate_all`] counts them.
    pub fn clocks_without_deadline(&self) -> Result<Vec<WithoutDeadline>, Error> {
        let mut out = Vec::new();
        for case in self.cases()? {
            if !case.status.is_open() {
                continue;
            }
            for c in case.open_clocks().filter(|c| c.deadline.is_none()) {
                out.push(WithoutDeadline {
                    case: case.id.clone(),
                    number: case.number.clone(),
                    milestone: c.milestone.clone(),
                    round: c.round,
                    started_at: c.started_at,
                    paused: !c.is_running(),
                    why: c.no_deadline.as_deref().unwrap_or_default().to_owned(),
                    department: case.assignment.as_ref().map(|a| a.lead.clone()),
                    handler: case.assignment.as_ref().and_then(|a| a.handler.clone()),
                });
            }
        }
        Ok(out)
    }

    /// The cases `viewer` may see ([`Engine::can_view`]): confidential ones
    /// only when they are involved or their role may view them, and never
    /// when they are recused from the case. What a person's screen lists;
    /// [`Engine::cases`] is the unfiltered read for batch jobs.
    pub fn cases_for(&self, viewer: &StaffId) -> Result<Vec<Case>, Error> {
        let mut out = Vec::new();
        for case in self.cases()? {
            if self.visible(viewer, &case)? {
                out.push(case);
            }
        }
        Ok(out)
    }

    /// [`Engine::overdue`] limited to the cases `viewer` may see.
    pub fn overdue_for(&self, viewer: &StaffId, now: DateTime<Utc>) -> Result<Vec<Overdue>, Error> {
        let mut out = Vec::new();
        for o in self.overdue(now)? {
            if self.can_view(viewer, &o.case)? {
                out.push(o);
            }
        }
        Ok(out)
    }

    fn visible(&self, viewer: &StaffId, case: &Case) -> Result<bool, Error> {
        let ctx = self.ctx_for(case, case.updated_at)?;
        Ok(tousu_workflow::can_view(viewer, case, &ctx))
    }

    /// Whether `actor` may see the case (confidential cases are limited).
    pub fn can_view(&self, actor: &StaffId, case_id: &CaseId) -> Result<bool, Error> {
        self.visible(actor, &self.case(case_id)?)
    }

    /// The month's penalty facts, derived from the stored cases by
    /// [`report::penalty_facts`](crate::report::penalty_facts) (which says
    /// what counts), each case in its own policy's offset, with the policy's
    /// Chinese names of the milestones and levels ([`Names`]). Violations and
    /// sanctions are not workflow facts: add them to the returned value
    /// before computing statements.
    pub fn penalty_facts(&self, period: Month) -> Result<PenaltyFacts, Error> {
        // Each case loaded and replayed once, judged in its own policy's offset.
        let mut stored = Vec::new();
        for id in self.store.case_ids()? {
            let events = self.store.load(&id)?;
            if events.is_empty() {
                continue;
            }
            let case = Case::replay_events(&events)?;
            let offset = self.runtime_for(&case)?.calendar.offset();
            stored.push((case, events, offset));
        }
        let records = stored
            .iter()
            .map(|(case, events, offset)| crate::report::CaseRecord {
                case,
                events,
                offset: *offset,
            });
        let mut facts = crate::report::penalty_facts(period, records)?;
        // The statements' Chinese text names milestones and levels as the
        // regulation does: the current version's names, then older ones'.
        facts.names.merge(Names::of(&self.current.policy));
        for runtime in self.older.values() {
            facts.names.merge(Names::of(&runtime.policy));
        }
        Ok(facts)
    }

    /// The month's statements under the current policy's penalty tables
    /// (an empty schedule when the policy has none), from
    /// [`Engine::penalty_facts`] and last month's carry-over.
    pub fn penalties(
        &self,
        period: Month,
        carry: Option<&CarryOver>,
    ) -> Result<PeriodResult, Error> {
        let facts = self.penalty_facts(period)?;
        self.penalties_with(&facts, carry)
    }

    /// The month's statements for facts you completed (violations, sanctions).
    pub fn penalties_with(
        &self,
        facts: &PenaltyFacts,
        carry: Option<&CarryOver>,
    ) -> Result<PeriodResult, Error> {
        let default_schedule;
        let schedule = match &self.policy().penalties {
            Some(s) => s,
            None => {
                default_schedule = PenaltySchedule::default();
                &default_schedule
            }
        };
        Ok(tousu_penalty::compute_statements(
            schedule,
            &self.roster,
            facts,
            carry,
        )?)
    }

    /// The period report (统计分析) over every stored case received in
    /// `period`, under the current policy, with department names from the
    /// roster and, if given, the month's penalty totals.
    pub fn report(
        &self,
        period: &crate::report::ReportPeriod,
        as_of: DateTime<Utc>,
        penalties: Option<&PeriodResult>,
    ) -> Result<crate::report::PeriodReport, Error> {
        // Each case as it stood at `as_of`: its events up to then (a case's
        // time never runs backwards, so they are a prefix), so a report of a
        // past month gives the same answer whenever it runs.
        let mut cases = Vec::new();
        for id in self.store.case_ids()? {
            let events = self.store.load(&id)?;
            let upto = events.iter().take_while(|e| e.at <= as_of).count();
            if let Some(events) = events.get(..upto).filter(|e| !e.is_empty()) {
                cases.push(Case::replay_events(events)?);
            }
        }
        let rt = self.current_runtime();
        let mut report = crate::report::period_report(
            &rt.policy,
            &rt.calendar,
            &cases,
            period,
            as_of,
            penalties,
        )?;
        report.name_departments(self.roster.departments());
        Ok(report)
    }

    /// Cases in a status, for dashboards.
    pub fn cases_in(&self, status: Status) -> Result<Vec<Case>, Error> {
        Ok(self
            .cases()?
            .into_iter()
            .filter(|c| c.status == status)
            .collect())
    }
}
