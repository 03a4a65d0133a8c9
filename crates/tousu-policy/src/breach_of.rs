//! Clocks that start when another clock breaches (schema 2, ruling 112 in
//! docs/rulings.md).
//!
//! S37 首问负责制 第三条「首问责任人应当在限定时限内办结,手续不全或未能及时办结的,应主动说明原因」:
//! the explanation is owed once the case is late, so its clock starts when
//! `completion` breaches and counts from `completion`'s deadline:
//!
//! ```toml
//! [[milestones]]
//! id = "late_explained"
//! name_zh = "未能及时办结主动说明原因"
//! start = ["breached"]
//! breach_of = "completion"
//! stop = ["customer_contacted", "replied", "withdrawn", "closed"]
//! target = "1 working day"
//! ```
//!
//! `breached` is a start event only, and starts the clock alone. The clock
//! starts in the round of the breach when the named clock is seen late while
//! it runs (a tick, or a pause past its deadline), not when a command stops
//! it late: the stop event that ends it (the reply, the closure) has come,
//! however late. It starts as any clock does where its milestone applies,
//! once a round (or once a case, `on_reopen = "once_per_case"`).

use crate::error::Report;
use crate::milestone::{ClockEvent, Milestone};
use crate::policy::Policy;

/// Load-time checks of `m`'s `breach_of` and `breached` at `path`
/// (`milestones[3]`).
pub(crate) fn validate(p: &Policy, m: &Milestone, path: &str, r: &mut Report) {
    let lists = [
        ("stop", &m.stop),
        ("pause", &m.pause),
        ("resume", &m.resume),
    ];
    for (field, events) in lists {
        for (j, _) in events
            .iter()
            .enumerate()
            .filter(|(_, e)| **e == ClockEvent::Breached)
        {
            r.error(
                format!("{path}.{field}[{j}]"),
                "`breached` is a start event only (with `breach_of`); a clock that ends when another breaches is an escalation step's `escalated`",
            );
        }
    }
    let listed = m.start.contains(&ClockEvent::Breached);
    let Some(of) = &m.breach_of else {
        if listed {
            r.error(
                format!("{path}.breach_of"),
                "is missing: `start` lists `breached`; name the milestone whose breach starts the clock, e.g. breach_of = \"completion\"",
            );
        }
        return;
    };
    let at = format!("{path}.breach_of");
    if !listed {
        r.error(
            at.clone(),
            "is set, but `start` does not list `breached`: write start = [\"breached\"]",
        );
    } else if m.start.len() > 1 {
        r.error(
            format!("{path}.start"),
            "lists `breached` with other events; `breached` starts the clock alone (start = [\"breached\"])",
        );
    }
    if m.counted_from.is_some() {
        r.error(
            format!("{path}.counted_from"),
            "is set with `breach_of`, whose clock counts from the breached clock's deadline; drop one",
        );
    }
    match p.milestone(of) {
        _ if *of == m.id => r.error(
            at,
            "names this milestone; name the clock whose breach starts this one",
        ),
        None => r.error(
            at,
            format!(
                "{:?} is not a milestone; milestones are {}",
                of.as_str(),
                p.milestones
                    .iter()
                    .map(|x| format!("{:?}", x.id.as_str()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
        Some(other) if other.reminder => r.error(
            at,
            format!(
                "{:?} is a reminder, which never breaches; name a limit",
                of.as_str()
            ),
        ),
        Some(other) if other.repeat.is_some() => r.error(
            at,
            format!(
                "{:?} repeats, and its periods lapse rather than breach once; name a clock that breaches once a round",
                of.as_str()
            ),
        ),
        Some(_) => {}
    }
}
