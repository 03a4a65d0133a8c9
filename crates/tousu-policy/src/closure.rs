//! What closing a case (结案, the `close` command) waits for (schema 2,
//! rulings 91 and 92 in docs/rulings.md).
//!
//! ```toml
//! # S10 8「客户中心协调处理完毕,须于2小时内反馈首问责任人」: the centre does not close
//! # before it has fed back to the first asker (ruling 91).
//! [closure]
//! awaits = ["first_asker_feedback"]
//!
//! # S14 第十六条「并尽快回复客户处理结果」: the 细则 has no 回访; the reply ends the
//! # handling (ruling 92).
//! [closure]
//! callback = "none"
//! ```
//!
//! `awaits` names milestones whose clocks must have stopped by their own
//! stop events before the case is closed: while one is open (running or
//! paused), `close` is refused naming the clock and the entry. A clock that
//! never started (its start event never happened, or it does not apply to
//! the case) is not waited for. The closure itself, an abnormal closure, a
//! withdrawal and a closure because the customer cannot be reached still
//! stop such a clock as before: they are not the `close` command.
//!
//! `callback` says what closing a replied case needs of the callback (回访):
//! a satisfied one (`"satisfied"`, the default, as before), or none
//! (`"none"`, where the source has no callback: the case closes on the
//! reply, as closure kind `on_reply`; a callback recorded all the same
//! must then be satisfied, as before), or one of any answer (`"any"`,
//! ruling 169: the record the source asks after the reply, whatever the
//! customer said; after an unsatisfied one the case closes as
//! `unsatisfied`).
//!
//! `callback_when` limits `callback` to the cases a predicate (the type of
//! a milestone's `applies_when`) holds for; the others need a satisfied
//! callback (ruling 120):
//!
//! ```toml
//! # S11 第九条「投诉处理完毕,投诉管理人要在客户意见簿上回复相关处理意见,并签字确认」: a
//! # complaint in the opinion book ends with the reply in the book.
//! [closure]
//! callback = "none"
//! callback_when = { channel = ["opinion_book"] }
//! ```
//!
//! `callback_otherwise` says what the cases `callback_when` does not hold
//! for need in its place (default `"satisfied"`; ruling 169):
//!
//! ```toml
//! # S11 第八条(三)「投诉管理人要在意见登记薄上记录处理和回复情况,并由网点负责人签字确认」:
//! # off the book, the record of the reply, whatever the customer said.
//! [closure]
//! callback = "none"
//! callback_when = { channel = ["opinion_book"] }
//! callback_otherwise = "any"
//! ```
//!
//! `needs_callback_at` names levels at which closing needs a satisfied
//! callback whatever `callback` and `callback_when` say: the level of the
//! case as it stands when it is closed, so a reclassification counts
//! (ruling 146). `callback_when` reads only the complaint; a callback owed
//! after an act such as a repair recorded done is a milestone started by
//! that act and named in `awaits`:
//!
//! ```toml
//! # S22 (四)「如遇维修事件,应在维修后,由投诉受理员负责回访」, (七)「并对重大投诉事件进行
//! # 回访」: a callback after a repair (the milestone `callback`, started by
//! # work_completed) and on a major case; none otherwise.
//! [closure]
//! awaits = ["callback"]
//! callback = "none"
//! needs_callback_at = ["major", "emergency"]
//! ```
//!
//! `needs_callback_when_handed = true` asks a satisfied callback of every
//! case that was ever handed on (assigned or transferred), whatever
//! `callback` and `callback_when` say; a complaint answered where it was
//! received closes on its reply (ruling 155):
//!
//! ```toml
//! # S04 一4「经营发展部在处理完投诉后…并由客户服务助理安排回访」: the callback follows
//! # a department's result; 三4「能当场做出解释应当场给客户解决」 names none.
//! [closure]
//! callback = "none"
//! needs_callback_when_handed = true
//! ```
//!
//! `awaits_report` makes closing wait for the round's report
//! (`record_action` of `report_submitted`) where the source owes one but
//! gives it no time, so no clock can stand for it (ruling 126); `when`
//! limits it to the cases a predicate holds for:
//!
//! ```toml
//! # S21 第六条(三)「向上级有关部门反馈批转投诉事项的处理情况」: a case referred from
//! # above is closed once its handling has been reported up; the 办法 gives no time.
//! [closure]
//! callback = "none"
//! awaits_report = { when = { channel = ["referral"] } }
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tousu_model::LevelId;

use crate::authority::Action;
use crate::error::Report;
use crate::ids::MilestoneId;
use crate::invariants::{Finding, Severity};
use crate::milestone::{CaseAction, ClockEvent, Milestone};
use crate::policy::Policy;
use crate::predicate::{EvalInput, Predicate};
use crate::record_sign_off::SignedRecord;

/// What closing a replied case needs of the callback.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClosureCallback {
    /// A satisfied callback (回访) is recorded first (the default).
    #[default]
    Satisfied,
    /// None is owed: the source has no callback, and the case closes on
    /// the reply (ruling 92). A callback recorded all the same must be
    /// satisfied.
    None,
    /// A callback (回访) or record of the answer is made first, whatever it
    /// answered (ruling 169): the source asks a record of the handling and
    /// reply, not the customer's satisfaction (S11 第八条(三)「投诉管理人要在意见
    /// 登记薄上记录处理和回复情况,并由网点负责人签字确认」). After an unsatisfied one
    /// the case closes as `unsatisfied` (不满意结案).
    Any,
}

impl ClosureCallback {
    /// Whether this is the default (`satisfied`).
    #[must_use]
    pub fn is_default(&self) -> bool {
        *self == ClosureCallback::Satisfied
    }
}

/// A report closing waits for, owed without a time (`closure.awaits_report`,
/// ruling 126): the round's `report_submitted`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AwaitedReport {
    /// The cases that owe it: where this predicate (the type of a
    /// milestone's `applies_when`) holds. Absent: every case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Predicate>,
    /// A note for people (the clause).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl AwaitedReport {
    /// Whether the case in `input` owes the report before it is closed.
    #[must_use]
    pub fn owed_by(&self, policy: &Policy, input: &EvalInput<'_>) -> bool {
        self.when.as_ref().is_none_or(|w| w.matches(policy, input))
    }
}

/// What closing a case (the `close` command) waits for (`[closure]`,
/// schema 2).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Closure {
    /// Milestones whose clocks, once started, must have stopped by their
    /// own stop events before the case is closed (ruling 91): S10's
    /// feedback to the first asker. Empty: closing waits for no clock.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub awaits: Vec<MilestoneId>,
    /// What closing needs of the callback: `"satisfied"` (the default) or
    /// `"none"` where the source has no callback (ruling 92).
    #[serde(default, skip_serializing_if = "ClosureCallback::is_default")]
    pub callback: ClosureCallback,
    /// The cases `callback` is said of (ruling 120): where this predicate
    /// does not hold, closing needs what `callback_otherwise` says (a satisfied callback, by default). Absent: every
    /// case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_when: Option<Predicate>,
    /// What closing needs of the callback in the cases `callback_when` does
    /// not hold for: `"satisfied"` (the default, ruling 120), `"none"` or
    /// `"any"` (ruling 169). Only beside `callback_when`.
    #[serde(default, skip_serializing_if = "ClosureCallback::is_default")]
    pub callback_otherwise: ClosureCallback,
    /// Levels at which closing needs a satisfied callback whatever
    /// `callback` and `callback_when` say (ruling 146): the case's level as
    /// it stands when it is closed. Empty: the level changes nothing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs_callback_at: Vec<LevelId>,
    /// `true`: closing needs a satisfied callback whatever `callback` and
    /// `callback_when` say when the case was ever handed on (assigned or
    /// transferred to a handler or department), so a complaint answered
    /// where it was received closes on its reply (ruling 155: S04
    /// 一4「经营发展部在处理完投诉后…并由客户服务助理安排回访」, 三4「能当场做出解释应当场给客户
    /// 解决」). `false`, the default: whether it was handed changes nothing.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub needs_callback_when_handed: bool,
    /// A report owed before closing that the source gives no time (ruling
    /// 126): the round's `report_submitted`, in the cases its `when` holds
    /// for. Absent: no report is waited for but through `awaits`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub awaits_report: Option<AwaitedReport>,
    /// A note for people (the clause).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Closure {
    /// Whether nothing is said: closing waits for no clock and needs a
    /// satisfied callback, as before the section existed.
    #[must_use]
    pub fn is_default(&self) -> bool {
        self.awaits.is_empty()
            && self.callback.is_default()
            && self.callback_when.is_none()
            && self.callback_otherwise.is_default()
            && self.needs_callback_at.is_empty()
            && !self.needs_callback_when_handed
            && self.awaits_report.is_none()
    }

    /// Whether every case needs a satisfied callback whatever the level and
    /// the hand-over: `callback` is `"satisfied"`, and so is
    /// `callback_otherwise` where `callback_when` limits it.
    #[must_use]
    pub fn always_satisfied(&self) -> bool {
        self.callback.is_default()
            && (self.callback_when.is_none() || self.callback_otherwise.is_default())
    }

    /// What closing the replied complaint in `input`, whose case stands at
    /// `level`, needs of the callback: a satisfied one at a level of
    /// `needs_callback_at` (ruling 146) or on a case ever handed on when
    /// `needs_callback_when_handed` (ruling 155); elsewhere `callback` where
    /// `callback_when` holds or is absent, `callback_otherwise` (by default
    /// a satisfied one) where it does not (rulings 120, 169).
    #[must_use]
    pub fn callback_for(
        &self,
        policy: &Policy,
        input: &EvalInput<'_>,
        level: Option<&LevelId>,
        handed: bool,
    ) -> ClosureCallback {
        let owed_at_level = level.is_some_and(|l| self.needs_callback_at.contains(l));
        let owed_when_handed = handed && self.needs_callback_when_handed;
        if owed_at_level || owed_when_handed {
            ClosureCallback::Satisfied
        } else if self
            .callback_when
            .as_ref()
            .is_none_or(|w| w.matches(policy, input))
        {
            self.callback
        } else {
            self.callback_otherwise
        }
    }

    /// Whether no case needs a callback to be closed: `callback = "none"`
    /// for every case.
    #[must_use]
    pub fn never_needs_callback(&self) -> bool {
        self.callback == ClosureCallback::None
            && self.callback_when.is_none()
            && self.needs_callback_at.is_empty()
            && !self.needs_callback_when_handed
    }
}

/// The events that end a case: a milestone stopped only by them can never
/// stop before the closure that waits for it.
const ENDS_CASE: &[ClockEvent] = &[
    ClockEvent::Closed,
    ClockEvent::Withdrawn,
    ClockEvent::NotAccepted,
];

impl Milestone {
    /// Its stop events other than those that end the case (`closed`,
    /// `withdrawn`, `not_accepted`): what a closure that awaits its clock
    /// waits for (ruling 91).
    pub fn own_stop_events(&self) -> impl Iterator<Item = ClockEvent> + '_ {
        self.stop.iter().copied().filter(|e| !ENDS_CASE.contains(e))
    }
}

/// Validation: the section belongs to schema 2; each awaited milestone
/// exists, is named once, and stops on something other than the case's end.
pub(crate) fn check(p: &Policy, r: &mut Report) {
    let c = &p.closure;
    if c.is_default() {
        return;
    }
    if p.schema_version < 2 {
        r.error(
            "closure",
            "is a table of schema_version 2; write schema_version = 2",
        );
    }
    if c.callback_when.is_some() && c.callback == c.callback_otherwise {
        if c.callback.is_default() {
            r.error(
                "closure.callback_when",
                "limits `callback = \"none\"` to some cases, but `callback` is \"satisfied\", which every case needs anyway; write callback = \"none\" or drop callback_when",
            );
        } else {
            r.error(
                "closure.callback_when",
                "limits `callback` to some cases, but `callback_otherwise` says the same of the others; drop callback_when and callback_otherwise",
            );
        }
    }
    if c.callback_when.is_none() && !c.callback_otherwise.is_default() {
        r.error(
            "closure.callback_otherwise",
            "says what the cases `callback_when` does not hold for need, but there is no callback_when, so every case takes `callback`; give callback_when or drop callback_otherwise",
        );
    }
    if !c.needs_callback_at.is_empty() && c.always_satisfied() {
        r.error(
            "closure.needs_callback_at",
            "names levels that need a satisfied callback, but `callback` is \"satisfied\", which every case needs anyway; write callback = \"none\" or drop needs_callback_at",
        );
    }
    if c.needs_callback_when_handed && c.always_satisfied() {
        r.error(
            "closure.needs_callback_when_handed",
            "asks a satisfied callback of a case handed on, but `callback` is \"satisfied\", which every case needs anyway; write callback = \"none\" or drop needs_callback_when_handed (accepted: true beside callback = \"none\", or false)",
        );
    }
    for (i, id) in c.needs_callback_at.iter().enumerate() {
        let path = format!("closure.needs_callback_at[{i}]");
        if c.needs_callback_at.iter().take(i).any(|x| x == id) {
            r.error(path.clone(), format!("{id} is listed twice; list it once"));
        }
        if p.level(id).is_none() {
            r.error(
                path,
                format!(
                    "{:?} is not a level; levels are {}",
                    id.as_str(),
                    p.levels
                        .iter()
                        .map(|l| l.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
    }
    for (i, id) in c.awaits.iter().enumerate() {
        let path = format!("closure.awaits[{i}]");
        if c.awaits.iter().take(i).any(|x| x == id) {
            r.error(path.clone(), format!("{id} is listed twice; list it once"));
        }
        let Some(m) = p.milestones.iter().find(|m| &m.id == id) else {
            r.error(
                path,
                format!(
                    "{:?} is not a milestone; milestones are {}",
                    id.as_str(),
                    p.milestones
                        .iter()
                        .map(|m| m.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
            continue;
        };
        if m.own_stop_events().next().is_none() && m.stop_on_validity.is_empty() {
            r.error(
                path,
                format!(
                    "{id} stops only when the case ends ({}): the closure would wait for it forever; give it a stop event of its own (e.g. report_submitted)",
                    m.stop.iter().map(|e| e.id()).collect::<Vec<_>>().join(", ")
                ),
            );
        }
    }
}

/// Invariants (`closure_can_happen`): an awaited clock some role can stop
/// by its own stop events, an awaited report some role may make, a
/// callback some role may record at each level that needs one and on a
/// case handed on (ruling 155), and no
/// callback owed by a sign-off chain when closing needs none.
pub(crate) fn invariants(p: &Policy) -> Vec<Finding> {
    let c = &p.closure;
    let mut out = Vec::new();
    if c.awaits_report.is_some()
        && !p
            .roles
            .iter()
            .any(|r| r.may_record_sometimes(CaseAction::ReportSubmitted, None))
    {
        out.push(Finding {
            severity: Severity::Error,
            invariant: "closure_can_happen",
            path: "closure.awaits_report".to_owned(),
            message: "no role may record report_submitted (`record_action`, or a grant of it with `acts = [\"report_submitted\"]`) without naming a clock: a case that owes the report can never be closed, only closed abnormally or withdrawn".to_owned(),
        });
    }
    for (i, id) in c.awaits.iter().enumerate() {
        let Some(m) = p.milestones.iter().find(|m| &m.id == id) else {
            continue;
        };
        if !m
            .own_stop_events()
            .any(|e| crate::invariants::caused_by_someone(p, e))
            && m.stop_on_validity.is_empty()
        {
            out.push(Finding {
                severity: Severity::Error,
                invariant: "closure_can_happen",
                path: format!("closure.awaits[{i}]"),
                message: format!(
                    "no role may cause any of [{}], the stop events of {id} before the case ends: a case whose clock started can never be closed, only closed abnormally or withdrawn",
                    m.own_stop_events()
                        .map(ClockEvent::id)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        }
    }
    for (i, level) in c.needs_callback_at.iter().enumerate() {
        let recordable = p.roles.iter().any(|r| {
            r.may(Action::RecordCallback)
                || r.grants_of(Action::RecordCallback)
                    .any(|(_, g)| g.levels.is_empty() || g.levels.contains(level))
        });
        if !recordable {
            out.push(Finding {
                severity: Severity::Error,
                invariant: "closure_can_happen",
                path: format!("closure.needs_callback_at[{i}]"),
                message: format!(
                    "no role may record_callback on a case at level {level} (`record_callback` in `actions`, or a grant of it at that level): such a case can never be closed, only closed abnormally or withdrawn"
                ),
            });
        }
    }
    if c.needs_callback_when_handed
        && !p.roles.iter().any(|r| {
            r.may(Action::RecordCallback) || r.grants_of(Action::RecordCallback).next().is_some()
        })
    {
        out.push(Finding {
            severity: Severity::Error,
            invariant: "closure_can_happen",
            path: "closure.needs_callback_when_handed".to_owned(),
            message: "no role may record_callback (`record_callback` in `actions`, or a grant of it): a case handed on can never be closed, only closed abnormally or withdrawn".to_owned(),
        });
    }
    let required = p
        .record_sign_off(SignedRecord::Callback)
        .is_some_and(|chain| chain.required);
    let said = [
        ("closure.callback", c.callback),
        ("closure.callback_otherwise", c.callback_otherwise),
    ];
    for (path, _) in said
        .iter()
        .filter(|(_, cb)| required && *cb == ClosureCallback::None)
    {
        out.push(Finding {
            severity: Severity::Error,
            invariant: "closure_can_happen",
            path: (*path).to_owned(),
            message: "is \"none\", but record_sign_offs requires the callback record (`required = true`): closing without a callback is refused as record_missing; drop `required` or the callback = \"none\"".to_owned(),
        });
    }
    out
}
