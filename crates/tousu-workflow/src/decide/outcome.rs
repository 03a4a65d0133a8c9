//! What a handler returns, and the refusals the handlers share.

use tousu_policy::{Acceptance, ClockEvent};

use crate::Rejection;
use crate::case::Status;
use crate::command::CommandKind;
use crate::event::EventKind;

/// The clock events a command's own events trigger: one or two, kept
/// inline (no allocation per command).
pub(crate) type Triggers = smallvec::SmallVec<[ClockEvent; 4]>;

/// A command's own events: most commands cause one, kept inline (no
/// allocation for it, nor a free once it is stamped).
pub(crate) type Kinds = smallvec::SmallVec<[EventKind; 1]>;

/// A command's own events and the clock events they trigger.
pub(crate) struct Effects {
    pub(crate) events: Kinds,
    pub(crate) triggers: Triggers,
    /// What the command causes after those clock effects, seeing them: the
    /// steps a classification's level takes (ruling 38), so a clock the
    /// classification starts can stop on its own level's step.
    pub(crate) then: Option<Box<Effects>>,
}

impl Effects {
    /// One event and its clock triggers.
    pub(crate) fn one(event: EventKind, triggers: &[ClockEvent]) -> Result<Effects, Rejection> {
        Ok(Effects {
            events: smallvec::smallvec![event],
            triggers: Triggers::from_slice(triggers),
            then: None,
        })
    }
}

/// The command does not apply in status `s`; `hint` says what would.
pub(crate) fn refuse(
    s: Status,
    command: &CommandKind,
    hint: &'static str,
) -> Result<Effects, Rejection> {
    Err(invalid(s, command, hint))
}

/// The command does not apply in status `s`; `hint` says what would.
pub(crate) fn invalid(s: Status, command: &CommandKind, hint: &'static str) -> Rejection {
    Rejection::InvalidTransition {
        status: s,
        command: command.name(),
        hint,
    }
}

/// A field of the command, at `path`, is wrong: `message` says how.
pub(crate) fn input(path: &str, message: impl Into<String>) -> Rejection {
    Rejection::InvalidInput {
        path: path.to_owned(),
        message: message.into(),
    }
}

/// An acceptance outcome newer than this workflow knows.
pub(crate) fn unsupported(outcome: &Acceptance) -> Rejection {
    input(
        "policy.acceptance",
        format!("outcome {outcome:?} is not supported by this version of tousu-workflow"),
    )
}

/// A reason or text that must say something.
pub(crate) fn non_blank(path: &str, text: &str) -> Result<(), Rejection> {
    if text.trim().is_empty() {
        Err(input(path, "is blank; say why"))
    } else {
        Ok(())
    }
}
