//! Late entries (补录): a command that records something done before it is
//! recorded. The command's `at` is the recording instant — never before the
//! case's last event, and the instant its clock effects are measured at —
//! and `occurred_at` says when the thing happened. The policy's
//! `late_entries` say which actions may be recorded late and how late at
//! most (ruling 27 in docs/rulings.md).

use crate::Rejection;
use crate::case::Case;
use crate::command::Command;
use crate::ctx::Ctx;
use crate::decide::outcome::input;

/// Checks a late entry's `occurred_at` against the case and the policy;
/// a command without one passes.
pub(crate) fn check(case: &Case, command: &Command, ctx: &Ctx<'_>) -> Result<(), Rejection> {
    let Some(occurred_at) = command.occurred_at else {
        return Ok(());
    };
    let action = command.kind.action();
    let Some(entry) = ctx.policy.late_entry(action) else {
        return Err(Rejection::LateEntryNotAllowed {
            action,
            allowed: ctx
                .policy
                .late_entries
                .iter()
                .flat_map(|e| {
                    e.actions
                        .iter()
                        .map(move |a| format!("`{a}` within {}", e.within))
                })
                .collect(),
        });
    };
    let offset = ctx.calendar.offset();
    if occurred_at >= command.at {
        return Err(input(
            "occurred_at",
            format!(
                "is not before the command's instant ({}): a late entry records what happened before it is recorded; leave occurred_at out for what happens now",
                command.at.with_timezone(&offset).to_rfc3339()
            ),
        ));
    }
    let received = case.complaint.received_at;
    if occurred_at < received {
        return Err(input(
            "occurred_at",
            format!(
                "is before the complaint was received ({}); nothing is done on a case before then",
                received.with_timezone(&offset).to_rfc3339()
            ),
        ));
    }
    let until = ctx.calendar.deadline(occurred_at, &entry.within)?.at;
    if command.at >= until {
        return Err(Rejection::TooLate {
            action,
            occurred_at,
            at: command.at,
            within: entry.within,
            until,
        });
    }
    Ok(())
}
