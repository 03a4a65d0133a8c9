//! Given / when / then for one case, in the spirit of cqrs-es'
//! `TestFramework`: given the history (events, or commands that produce
//! them), when a command, then the events it causes or the typed
//! rejection. A failed expectation panics, as `assert_eq!` does, and
//! prints the history, the command and what happened instead.
#![allow(
    clippy::panic,
    reason = "a test assertion reports failure by panicking"
)]

use std::fmt::Write as _;

use chrono::{DateTime, Utc};
use tousu_model::{CommandId, Roster, StaffId};

use crate::{Case, Command, CommandKind, Event, EventKind, PolicyRuntime, Rejection, evolve};

/// One case under test: its history so far.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use tousu_model::*;
/// use tousu_policy::Policy;
/// use tousu_workflow::{CommandKind, PolicyRuntime};
/// use tousu_workflow::testkit::CaseTest;
///
/// let rt = PolicyRuntime::new(Policy::default_policy()?)?;
/// let cs = DepartmentId::new("cs")?;
/// let roster = Roster::new(
///     DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)])?,
///     vec![Staff::new(StaffId::new("kf")?, "李客服", cs).with_role(RoleId::new("complaint_manager")?)],
/// )?;
/// let at = Utc.with_ymd_and_hms(2025, 3, 3, 1, 0, 0).single().ok_or("time")?;
/// let complaint = Complaint::builder(at, Channel::Phone, "热水器漏水").build()?;
/// CaseTest::new(&rt, &roster)
///     .given_registered("kf", "K1", complaint)
///     .when("kf", at, CommandKind::Approve)
///     .then_expect_rejection("not_permitted");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct CaseTest<'a> {
    rt: &'a PolicyRuntime,
    roster: &'a Roster,
    case: Option<Case>,
    history: Vec<Event>,
    n: u32,
}

/// What a command did, to state expectations about.
pub struct Then<'a> {
    test: CaseTest<'a>,
    command: Command,
    outcome: Result<Vec<Event>, Rejection>,
}

impl<'a> CaseTest<'a> {
    /// A case not yet registered, under `rt`'s policy and `roster`.
    pub fn new(rt: &'a PolicyRuntime, roster: &'a Roster) -> Self {
        CaseTest {
            rt,
            roster,
            case: None,
            history: Vec::new(),
            n: 0,
        }
    }

    /// Given these events happened (a registration first).
    ///
    /// # Panics
    /// When the events do not form a case.
    #[must_use]
    pub fn given(mut self, events: &[Event]) -> Self {
        for e in events {
            self.case = Some(match self.case.take() {
                None => Case::from_registration(e)
                    .unwrap_or_else(|err| panic!("given: the first event must register: {err}")),
                Some(c) => evolve(c, e),
            });
            self.history.push(e.clone());
        }
        self
    }

    /// Given `complaint` registered as `case_id` by `actor`.
    ///
    /// # Panics
    /// When the registration is refused.
    #[must_use]
    pub fn given_registered(
        self,
        actor: &str,
        case_id: &str,
        complaint: tousu_model::Complaint,
    ) -> Self {
        let at = complaint.received_at;
        let case_id = tousu_model::CaseId::new(case_id)
            .unwrap_or_else(|e| panic!("given_registered: case id {case_id:?}: {e}"));
        self.given_command(
            actor,
            at,
            CommandKind::Register {
                case_id,
                number: None,
                complaint: Box::new(complaint),
                repeat_count: 0,
            },
        )
    }

    /// Given this command was accepted.
    ///
    /// # Panics
    /// When it is refused: the history, the command and the rejection are printed.
    #[must_use]
    pub fn given_command(self, actor: &str, at: DateTime<Utc>, kind: CommandKind) -> Self {
        let then = self.when(actor, at, kind);
        match then.outcome {
            Ok(events) => then.test.given(&events),
            Err(r) => panic!(
                "given: {} was refused: {r}\n{}",
                then.command.kind.name(),
                then.test.describe(&then.command)
            ),
        }
    }

    /// Given time passed to `now`: the clocks' warnings, breaches and escalations.
    ///
    /// # Panics
    /// When no case is registered, or a deadline cannot be computed.
    #[must_use]
    pub fn given_time(self, now: DateTime<Utc>) -> Self {
        let ctx = self.rt.ctx(self.roster, now);
        let case = self
            .case
            .as_ref()
            .unwrap_or_else(|| panic!("given_time: register the case first"));
        let events = crate::tick(case, &ctx).unwrap_or_else(|e| panic!("given_time: {e}"));
        self.given(&events)
    }

    /// The history so far.
    pub fn history(&self) -> &[Event] {
        &self.history
    }

    /// The case as the history leaves it.
    pub fn case(&self) -> Option<&Case> {
        self.case.as_ref()
    }

    /// When `actor` gives this command at `at` (the expected version is the case's).
    ///
    /// # Panics
    /// When `actor` is not a valid staff id.
    pub fn when(mut self, actor: &str, at: DateTime<Utc>, kind: CommandKind) -> Then<'a> {
        self.n += 1;
        let actor = StaffId::new(actor).unwrap_or_else(|e| panic!("when: actor {actor:?}: {e}"));
        let id = CommandId::new(format!("given-{}", self.n))
            .unwrap_or_else(|e| panic!("when: command id: {e}"));
        let version = self.case.as_ref().map_or(0, |c| c.version);
        let command = Command::new(id, actor, at, version, kind);
        self.when_command(command)
    }

    /// When this exact command is given.
    pub fn when_command(self, command: Command) -> Then<'a> {
        let ctx = self.rt.ctx(self.roster, command.at);
        let outcome = match &self.case {
            Some(case) => crate::decide(case, &command, &ctx),
            None => crate::register(&command, &ctx),
        };
        Then {
            test: self,
            command,
            outcome,
        }
    }

    fn describe(&self, command: &Command) -> String {
        let mut s = String::from("history:\n");
        for e in &self.history {
            let who = e
                .actor
                .as_ref()
                .map_or("(clock)".to_owned(), ToString::to_string);
            let _ = writeln!(
                s,
                "  {:>3} {} {:<10} {}",
                e.version,
                e.at,
                who,
                e.kind.name()
            );
        }
        let _ = write!(
            s,
            "when: {} by {} at {} (expected version {})",
            command.kind.name(),
            command.actor,
            command.at,
            command.expected_version
        );
        s
    }
}

fn names(events: &[Event]) -> Vec<&'static str> {
    events.iter().map(|e| e.kind.name()).collect()
}

impl<'a> Then<'a> {
    /// The events, or the rejection.
    pub fn outcome(&self) -> Result<&[Event], &Rejection> {
        self.outcome.as_deref()
    }

    /// Expects exactly these events (their kinds; versions, times and
    /// actors are the command's).
    ///
    /// # Panics
    /// Otherwise, printing the history and what happened.
    #[track_caller]
    pub fn then_expect_events(self, expected: &[EventKind]) -> CaseTest<'a> {
        match &self.outcome {
            Ok(events) if events.iter().map(|e| &e.kind).eq(expected) => self.accept(),
            _ => self.fail(&format!("{expected:#?}")),
        }
    }

    /// Expects events of these types in this order (`accepted`,
    /// `clock_started`, …), for when the details do not matter.
    ///
    /// # Panics
    /// Otherwise, printing the history and what happened.
    #[track_caller]
    pub fn then_expect_event_names(self, expected: &[&str]) -> CaseTest<'a> {
        match &self.outcome {
            Ok(events) if names(events) == expected => self.accept(),
            _ => self.fail(&format!("events {expected:?}")),
        }
    }

    /// Expects a rejection of this [`Rejection::kind`] (`recused`,
    /// `out_of_authority`, …); returns the rejection for closer checks.
    ///
    /// # Panics
    /// Otherwise, printing the history and what happened.
    #[track_caller]
    pub fn then_expect_rejection(self, kind: &str) -> Rejection {
        match self.outcome {
            Err(r) if r.kind() == kind => r,
            _ => {
                let msg = format!("rejection {kind}");
                self.fail(&msg)
            }
        }
    }

    /// Continues the history with the command's events, whatever they are.
    ///
    /// # Panics
    /// When the command was refused.
    #[track_caller]
    pub fn and_then(self) -> CaseTest<'a> {
        match &self.outcome {
            Ok(_) => self.accept(),
            Err(_) => self.fail("the command to be accepted"),
        }
    }

    fn accept(self) -> CaseTest<'a> {
        match self.outcome {
            Ok(events) => self.test.given(&events),
            Err(_) => self.test,
        }
    }

    #[track_caller]
    fn fail(&self, expected: &str) -> ! {
        let got = match &self.outcome {
            Ok(events) => format!("events {:?}", names(events)),
            Err(r) => format!("rejection {}: {r}", r.kind()),
        };
        panic!(
            "{}\nexpected: {expected}\n     got: {got}",
            self.test.describe(&self.command)
        )
    }
}
