//! A case's timeline: each clock as a bar from its start to its deadline over
//! the business calendar, as data ([`CaseTimeline`]) and as SVG
//! ([`CaseTimeline::to_svg`]).
//!
//! The timeline is read from the case's events, not from the [`Case`] they
//! rebuild, because the case keeps only where each clock stands now: when a
//! clock paused and resumed, when it passed a warning threshold, and which
//! deadline it had before an extension are only in the events.

use chrono::{DateTime, Datelike, NaiveDate, Utc, Weekday};
use tousu_model::{CaseId, ComplaintNo};
use tousu_policy::{Calendar, Deadline, MilestoneId, Policy};
use tousu_workflow::{Case, ClosureKind, Event, EventKind, ReplayError};

/// Why a timeline could not be read from events.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TimelineError {
    /// The events do not rebuild one case.
    #[error("the events do not rebuild a case: {0}")]
    Replay(#[from] ReplayError),
}

/// A deadline in force from an instant on: the first when the clock
/// started, then one per resume (after a pause) or retarget (a raised level).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct DeadlineChange {
    /// When this deadline took effect.
    pub from: DateTime<Utc>,
    /// The deadline (exclusive), with whether it is provisional.
    pub deadline: Deadline,
}

/// A stretch of time a clock stood still: an approved extension, or the
/// findings had stopped it until findings recorded again ran it on
/// (ruling 52).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Pause {
    /// When it paused.
    pub from: DateTime<Utc>,
    /// When it resumed or stopped; `None` while still paused.
    pub to: Option<DateTime<Utc>>,
}

/// A warning threshold a clock passed.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    /// When.
    pub at: DateTime<Utc>,
    /// The threshold, percent of the limit elapsed.
    pub percent: u8,
}

/// One clock of one round, as drawn on a timeline.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ClockTrack {
    /// The milestone.
    pub milestone: MilestoneId,
    /// Its Chinese name.
    pub name_zh: String,
    /// The round.
    pub round: u32,
    /// When it started.
    pub started_at: DateTime<Utc>,
    /// Deadlines in force, in order; the last is the current one.
    pub deadlines: Vec<DeadlineChange>,
    /// Pauses, in order.
    pub pauses: Vec<Pause>,
    /// Warnings, in order.
    pub warnings: Vec<Warning>,
    /// When the breach was recorded, if it was.
    pub breached_at: Option<DateTime<Utc>>,
    /// When it stopped and whether it was on time, if it stopped (not on
    /// time, for a clock that never had a deadline: see [`ClockTrack::deadline`]).
    pub stopped: Option<(DateTime<Utc>, bool)>,
}

impl ClockTrack {
    /// The deadline in force now (the last one).
    pub fn deadline(&self) -> Option<&Deadline> {
        self.deadlines.last().map(|d| &d.deadline)
    }

    /// The stretches it ran, up to its stop or `as_of`.
    pub fn running(&self, as_of: DateTime<Utc>) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
        let end = self.stopped.map_or(as_of, |(at, _)| at);
        let mut out = Vec::new();
        let mut from = self.started_at;
        for p in &self.pauses {
            if p.from > from {
                out.push((from, p.from.min(end)));
            }
            match p.to {
                Some(to) => from = to,
                None => return out,
            }
        }
        if end > from {
            out.push((from, end));
        }
        out
    }
}

/// Something that happened to the whole case, drawn across every clock.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "mark", rename_all = "snake_case")]
#[non_exhaustive]
pub enum TimelineMark {
    /// An escalation (升级).
    Escalated {
        /// When.
        at: DateTime<Utc>,
        /// Why, in a few words.
        cause: String,
    },
    /// A new round (重新处理).
    Reopened {
        /// When.
        at: DateTime<Utc>,
        /// The new round.
        round: u32,
    },
    /// The closure (结案).
    Closed {
        /// When.
        at: DateTime<Utc>,
        /// How.
        kind: ClosureKind,
    },
    /// A later agreement replaced the running agreed deadline (约定回复时限,
    /// ruling 110): the earlier date stopped at `at`, met when the new one
    /// was agreed before it lapsed, and the new one runs from `at`.
    AgreedAgain {
        /// When.
        at: DateTime<Utc>,
        /// Whether the earlier date was met.
        met: bool,
    },
    /// A late entry (补录): recorded at `at`, where every clock measured it,
    /// saying it happened at `occurred_at`.
    RecordedLate {
        /// When it was recorded.
        at: DateTime<Utc>,
        /// When it happened, as the entry says.
        occurred_at: DateTime<Utc>,
        /// The event's type (`replied`, `action_recorded`, ...).
        what: &'static str,
    },
}

impl TimelineMark {
    /// When it happened.
    pub fn at(&self) -> DateTime<Utc> {
        match self {
            TimelineMark::Escalated { at, .. }
            | TimelineMark::Reopened { at, .. }
            | TimelineMark::Closed { at, .. }
            | TimelineMark::AgreedAgain { at, .. }
            | TimelineMark::RecordedLate { at, .. } => *at,
        }
    }

    /// Its short label on the drawing.
    pub fn label(&self) -> String {
        match self {
            TimelineMark::Escalated { .. } => "升级 escalated".to_owned(),
            TimelineMark::Reopened { round, .. } => format!("第{round}轮 round {round}"),
            TimelineMark::Closed { .. } => "结案 closed".to_owned(),
            TimelineMark::AgreedAgain { met, .. } => format!(
                "再约定 agreed again, the last time {}",
                if *met { "met" } else { "missed" }
            ),
            TimelineMark::RecordedLate { what, .. } => format!("补录 {what}, recorded late"),
        }
    }
}

/// One case's clocks and events over time. Build it with
/// [`CaseTimeline::from_events`]; draw it with [`CaseTimeline::to_svg`].
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use tousu_report::CaseTimeline;
/// use tousu_model::{CaseId, Channel, CommandId, Complaint, Department, DepartmentId, DepartmentTree, RoleId, Roster, Staff, StaffId};
/// use tousu_policy::Policy;
/// use tousu_workflow::{Command, CommandKind, PolicyRuntime, register};
///
/// let runtime = PolicyRuntime::new(Policy::default_policy()?)?;
/// let cs = DepartmentId::new("cs")?;
/// let roster = Roster::new(
///     DepartmentTree::new(vec![Department::new(cs.clone(), "客服部", None)])?,
///     vec![Staff::new(StaffId::new("kf")?, "李客服", cs).with_role(RoleId::new("complaint_manager")?)],
/// )?;
/// // The day before National Day: the clocks run across the holiday.
/// let at = Utc.with_ymd_and_hms(2025, 9, 30, 1, 0, 0).single().ok_or("time")?;
/// let filing = Command::new(CommandId::new("f1")?, StaffId::new("kf")?, at, 0,
///     CommandKind::Register {
///         case_id: CaseId::new("c1")?,
///         number: None,
///         complaint: Box::new(Complaint::builder(at, Channel::Phone, "热水器漏水").build()?),
///         repeat_count: 0,
///     });
/// let events = register(&filing, &runtime.ctx(&roster, at))?;
/// let timeline = CaseTimeline::from_events(&runtime.policy, &events, at)?;
/// assert!(!timeline.clocks.is_empty());
/// let svg = timeline.to_svg(&runtime.calendar)?;
/// assert!(svg.starts_with("<svg") && svg.contains("休"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct CaseTimeline {
    /// The case.
    pub case_id: CaseId,
    /// Its complaint number.
    pub number: Option<ComplaintNo>,
    /// When the complaint was received.
    pub received_at: DateTime<Utc>,
    /// "Now": where running clocks are drawn to.
    pub as_of: DateTime<Utc>,
    /// Every clock of every round, by round then start.
    pub clocks: Vec<ClockTrack>,
    /// Escalations, new rounds, late entries and the closure, in order.
    pub marks: Vec<TimelineMark>,
}

impl CaseTimeline {
    /// Reads the timeline of one case from its events, in order; `as_of`
    /// is where running clocks end. Milestones are named by `policy`.
    ///
    /// # Errors
    ///
    /// [`TimelineError::Replay`] when the events do not rebuild one case
    /// (checked with [`Case::replay_events`]).
    pub fn from_events(
        policy: &Policy,
        events: &[Event],
        as_of: DateTime<Utc>,
    ) -> Result<CaseTimeline, TimelineError> {
        let case = Case::replay_events(events)?;
        let mut clocks: Vec<ClockTrack> = Vec::new();
        let mut marks = Vec::new();
        for event in events {
            marks.extend(agreed_again(&clocks, event.at, &event.kind));
            track_clock(policy, &mut clocks, event.at, &event.kind);
            marks.extend(mark(event.at, &event.kind));
            if let Some(&occurred_at) = event.occurred_at.as_deref() {
                marks.push(TimelineMark::RecordedLate {
                    at: event.at,
                    occurred_at,
                    what: event.kind.name(),
                });
            }
        }
        clocks.sort_by(|a, b| a.round.cmp(&b.round).then(a.started_at.cmp(&b.started_at)));
        Ok(CaseTimeline {
            case_id: case.id,
            number: case.number,
            received_at: case.complaint.received_at,
            as_of,
            clocks,
            marks,
        })
    }

    /// The first and last instants the drawing must show.
    pub(crate) fn span(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        let mut lo = self.received_at;
        let mut hi = self.received_at;
        let mut see = |t: DateTime<Utc>| {
            lo = lo.min(t);
            hi = hi.max(t);
        };
        for c in &self.clocks {
            see(c.started_at);
            for d in &c.deadlines {
                see(d.deadline.at);
            }
            if let Some((at, _)) = c.stopped {
                see(at);
            } else {
                see(self.as_of);
            }
        }
        for m in &self.marks {
            see(m.at());
        }
        (lo, hi)
    }
}

/// Follows one event on the clock it concerns: a clock starts a track;
/// pauses, new deadlines, warnings, the breach and the stop are drawn on it.
fn track_clock(policy: &Policy, clocks: &mut Vec<ClockTrack>, at: DateTime<Utc>, kind: &EventKind) {
    let track = |clocks: &mut Vec<ClockTrack>, m: &MilestoneId, r: u32| {
        clocks
            .iter()
            .rposition(|c| &c.milestone == m && c.round == r)
    };
    match kind {
        EventKind::ClockStarted {
            milestone,
            round,
            deadline,
            ..
        } => clocks.push(ClockTrack {
            milestone: milestone.clone(),
            name_zh: tousu_workflow::milestone_name_zh(policy, milestone),
            round: *round,
            started_at: at,
            // A clock without a deadline has none in force yet.
            deadlines: deadline
                .iter()
                .map(|d| DeadlineChange {
                    from: at,
                    deadline: Deadline::clone(d),
                })
                .collect(),
            pauses: Vec::new(),
            warnings: Vec::new(),
            breached_at: None,
            stopped: None,
        }),
        EventKind::ClockPaused {
            milestone, round, ..
        } => {
            if let Some(c) = track(clocks, milestone, *round).and_then(|i| clocks.get_mut(i)) {
                c.pauses.push(Pause { from: at, to: None });
            }
        }
        EventKind::ClockResumed {
            milestone,
            round,
            deadline,
            ..
        } => {
            if let Some(c) = track(clocks, milestone, *round).and_then(|i| clocks.get_mut(i)) {
                match c.stopped.take() {
                    // Run again after the findings stopped it (ruling 52).
                    Some((stopped, _)) => c.pauses.push(Pause {
                        from: stopped,
                        to: Some(at),
                    }),
                    None => end_pause(c, at),
                }
                let changed = deadline.as_deref().filter(|d| c.deadline() != Some(*d));
                c.deadlines.extend(changed.map(|d| DeadlineChange {
                    from: at,
                    deadline: d.clone(),
                }));
            }
        }
        EventKind::ClockRetargeted {
            milestone,
            round,
            deadline,
            ..
        }
        | EventKind::DeadlineRecalculated {
            milestone,
            round,
            deadline,
            ..
        } => {
            if let Some(c) = track(clocks, milestone, *round).and_then(|i| clocks.get_mut(i)) {
                end_pause(c, at);
                c.deadlines.push(DeadlineChange {
                    from: at,
                    deadline: Deadline::clone(deadline),
                });
            }
        }
        EventKind::ClockStopped {
            milestone,
            round,
            met,
            ..
        } => {
            if let Some(c) = track(clocks, milestone, *round).and_then(|i| clocks.get_mut(i)) {
                end_pause(c, at);
                c.stopped = Some((at, *met));
            }
        }
        EventKind::MilestoneWarning {
            milestone,
            round,
            percent,
        } => {
            if let Some(c) = track(clocks, milestone, *round).and_then(|i| clocks.get_mut(i)) {
                c.warnings.push(Warning {
                    at,
                    percent: *percent,
                });
            }
        }
        EventKind::MilestoneBreached {
            milestone, round, ..
        } => {
            if let Some(c) = track(clocks, milestone, *round).and_then(|i| clocks.get_mut(i)) {
                c.breached_at.get_or_insert(at);
            }
        }
        _ => {}
    }
}

/// The mark of an agreed deadline started where the round's last one
/// stopped at the same instant: a later agreement replaced it (ruling 110).
fn agreed_again(
    clocks: &[ClockTrack],
    at: DateTime<Utc>,
    kind: &EventKind,
) -> Option<TimelineMark> {
    let EventKind::ClockStarted {
        milestone, round, ..
    } = kind
    else {
        return None;
    };
    if milestone.as_str() != tousu_workflow::AGREED_DEADLINE {
        return None;
    }
    let last = clocks
        .iter()
        .rfind(|c| &c.milestone == milestone && c.round == *round)?;
    match last.stopped {
        Some((stopped, met)) if stopped == at => Some(TimelineMark::AgreedAgain { at, met }),
        _ => None,
    }
}

/// The mark an event leaves on the timeline (an escalation, a reopening, a
/// closure), if any.
fn mark(at: DateTime<Utc>, kind: &EventKind) -> Option<TimelineMark> {
    match kind {
        EventKind::Escalated { cause, .. } => Some(TimelineMark::Escalated {
            at,
            cause: match cause {
                tousu_workflow::EscalationCause::Breach { milestone } => {
                    format!("breach of {milestone}")
                }
                tousu_workflow::EscalationCause::RoundsExhausted => "rounds exhausted".to_owned(),
                tousu_workflow::EscalationCause::Manual { reason } => reason.clone(),
                tousu_workflow::EscalationCause::FactRecorded { fact } => {
                    format!("fact {fact} recorded")
                }
                tousu_workflow::EscalationCause::LevelReached { level } => {
                    format!("level {level} reached")
                }
                tousu_workflow::EscalationCause::UnsatisfiedRound { round } => {
                    format!("round {round} unsatisfied")
                }
                _ => "escalated".to_owned(),
            },
        }),
        EventKind::Reopened { round, .. } => Some(TimelineMark::Reopened { at, round: *round }),
        EventKind::Closed { kind, .. } => Some(TimelineMark::Closed { at, kind: *kind }),
        _ => None,
    }
}

fn end_pause(clock: &mut ClockTrack, at: DateTime<Utc>) {
    if let Some(p) = clock.pauses.last_mut().filter(|p| p.to.is_none()) {
        p.to = Some(at);
    }
}

/// What kind of day a date is in the business calendar, for shading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DayKind {
    /// A working day on a usual weekday.
    Working,
    /// A weekly rest day (周末).
    Weekend,
    /// A day off on a usual weekday: a statutory holiday, a local holiday or
    /// a closure (节假日).
    Holiday,
    /// A working day on a weekly rest day (调休上班).
    MakeUp,
    /// No holiday data covers the day's year.
    Uncovered,
}

impl DayKind {
    /// The kind of `date`: whether the calendar works that day, compared
    /// with whether it is one of the calendar's weekly rest days. (A holiday
    /// block's weekend days are weekends: the data does not say more.)
    pub fn of(calendar: &Calendar, date: NaiveDate) -> DayKind {
        let rest = calendar.spec().weekly_rest.contains(&date.weekday());
        match (calendar.is_working_day(date), rest) {
            (Ok(true), false) => DayKind::Working,
            (Ok(true), true) => DayKind::MakeUp,
            (Ok(false), true) => DayKind::Weekend,
            (Ok(false), false) => DayKind::Holiday,
            (Err(_), _) => DayKind::Uncovered,
        }
    }

    /// The kinds of `days` consecutive dates from `first`, with the weekly
    /// rest days inside a holiday block (a run of days off that holds a
    /// holiday, as 国庆 1–8 October holds a weekend) shown as the holiday.
    pub fn run(calendar: &Calendar, first: NaiveDate, days: i64) -> Vec<DayKind> {
        let mut kinds = Vec::new();
        let mut date = Some(first);
        for _ in 0..days {
            let Some(d) = date else { break };
            kinds.push(DayKind::of(calendar, d));
            date = d.succ_opt();
        }
        let mut start = 0;
        while start < kinds.len() {
            let off = |k: &DayKind| matches!(k, DayKind::Weekend | DayKind::Holiday);
            let len = kinds.iter().skip(start).take_while(|k| off(k)).count();
            if len == 0 {
                start += 1;
                continue;
            }
            let block = kinds.get_mut(start..start + len).unwrap_or_default();
            if block.contains(&DayKind::Holiday) {
                block.fill(DayKind::Holiday);
            }
            start += len;
        }
        kinds
    }

    /// The mark printed on the day, as Chinese calendars print it.
    pub const fn mark(self) -> &'static str {
        match self {
            DayKind::Holiday => "休",
            DayKind::MakeUp => "班",
            DayKind::Uncovered => "?",
            DayKind::Working | DayKind::Weekend => "",
        }
    }
}

/// The Chinese one-character weekday.
pub(crate) fn weekday_zh(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "一",
        Weekday::Tue => "二",
        Weekday::Wed => "三",
        Weekday::Thu => "四",
        Weekday::Fri => "五",
        Weekday::Sat => "六",
        Weekday::Sun => "日",
    }
}
