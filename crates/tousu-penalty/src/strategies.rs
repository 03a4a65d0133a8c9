//! proptest strategies for a month's penalty facts over *your* roster and
//! schedule (feature `proptest`), so that the laws of your tables —
//! deductions never exceed the cap, carry-over drains — can be tested.
//!
//! Available with the `proptest` feature.

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use rust_decimal::Decimal;
use tousu_model::{CaseId, DepartmentId, Roster, SanctionKind, StaffId};
use tousu_policy::{MilestoneId, PenaltySchedule};

use crate::{
    Breach, ComplaintAgainst, Loss, Month, PenaltyFacts, Responsibility, Responsible,
    ResponsibleParty, Sanction, Violation,
};

/// A month's facts: breaches at the schedule's levels, violations of its
/// table (supervisors from the roster), losses borne by staff shares or a
/// department, sanctions and complaints — all about staff on the roster.
/// An empty roster gives empty facts.
pub fn facts(
    schedule: &PenaltySchedule,
    roster: &Roster,
    period: Month,
) -> impl Strategy<Value = PenaltyFacts> + use<> {
    let staff: Vec<(StaffId, Option<StaffId>)> = roster
        .all_staff()
        .map(|s| (s.id.clone(), s.supervisor.clone()))
        .collect();
    let depts: Vec<_> = roster.departments().iter().map(|d| d.id.clone()).collect();
    let levels: Vec<_> = schedule.overtime.keys().cloned().collect();
    // Only violations the roster can pay: a row that fines a supervisor
    // needs a responsible person who has one.
    let rules: Vec<_> = schedule
        .violations
        .iter()
        .map(|(id, v)| (id.clone(), !v.supervisor.is_zero()))
        .collect();
    let n = staff.len();
    let idx = move || {
        if n == 0 {
            Just(0usize).boxed()
        } else {
            (0..n).boxed()
        }
    };
    let breach = (idx(), 0usize..levels.len().max(1), 1u32..3, 1u32..28);
    let violation = (idx(), 0usize..rules.len().max(1), 1u32..4);
    let loss = (
        1i64..500_000,
        proptest::collection::vec((idx(), 0u32..10), 1..4),
        0usize..depts.len().max(1),
        any::<bool>(),
    );
    let sanction = (
        idx(),
        prop::sample::select(vec![
            SanctionKind::Warning,
            SanctionKind::MinorDemerit,
            SanctionKind::MajorDemerit,
        ]),
    );
    (
        proptest::collection::vec(breach, 0..8),
        proptest::collection::vec(violation, 0..6),
        proptest::collection::vec(loss, 0..4),
        proptest::collection::vec(sanction, 0..3),
        proptest::collection::vec(idx(), 0..8),
    )
        .prop_map(move |(bs, vs, ls, ss, cs)| {
            let mut f = PenaltyFacts::new(period);
            if staff.is_empty() {
                return f;
            }
            let who = |i: usize| staff.get(i).or(staff.first()).map(|s| s.0.clone());
            let case = |k: usize| CaseId::new(format!("P{k}")).ok();
            let at = Utc
                .with_ymd_and_hms(period.year(), period.month(), 1, 4, 0, 0)
                .single();
            for (k, (i, l, round, day)) in bs.into_iter().enumerate() {
                let (Some(owner), Some(level), Some(case), Ok(milestone), Some(at)) = (
                    who(i),
                    levels.get(l),
                    case(k),
                    MilestoneId::new("first_response"),
                    at,
                ) else {
                    continue;
                };
                let at = at + chrono::TimeDelta::days(i64::from(day) - 1);
                f.breaches.push(Breach {
                    case,
                    milestone,
                    round,
                    level: level.clone(),
                    owner,
                    at,
                });
            }
            for (i, r, items) in vs {
                let Some((rule, fines_supervisor)) = rules.get(r) else {
                    continue;
                };
                let payer = if *fines_supervisor {
                    staff
                        .iter()
                        .skip(i)
                        .chain(staff.iter())
                        .find(|s| s.1.is_some())
                } else {
                    staff.get(i)
                };
                let Some((responsible, supervisor)) = payer.cloned() else {
                    continue;
                };
                f.violations.push(Violation {
                    rule: rule.clone(),
                    case: None,
                    responsible,
                    supervisor,
                    items,
                });
            }
            for (k, (fen, shares, d, by_department)) in ls.into_iter().enumerate() {
                let Some(case) = case(100 + k) else { continue };
                let responsible =
                    responsible(by_department.then(|| depts.get(d)).flatten(), shares, &who);
                f.losses.push(Loss {
                    case,
                    amount: Decimal::new(fen, 2),
                    responsible,
                });
            }
            for (i, kind) in ss {
                if let Some(staff) = who(i) {
                    f.sanctions.push(Sanction {
                        staff,
                        kind,
                        case: None,
                        reason: None,
                        violation: None,
                    });
                }
            }
            for (k, i) in cs.into_iter().enumerate() {
                if let (Some(staff), Some(case)) = (who(i), case(200 + k)) {
                    f.complaints.push(ComplaintAgainst { staff, case });
                }
            }
            f
        })
}

/// Who bears a generated loss: the department when one was drawn, else the
/// drawn staff (each once) by their weights, the first bearing all when
/// every weight is zero.
fn responsible(
    department: Option<&DepartmentId>,
    shares: Vec<(usize, u32)>,
    who: &impl Fn(usize) -> Option<StaffId>,
) -> Responsible {
    if let Some(dept) = department {
        return Responsible::Department(dept.clone());
    }
    let mut parts: Vec<Responsibility> = Vec::new();
    for (i, w) in shares {
        if let Some(s) = who(i).filter(|s| {
            !parts
                .iter()
                .any(|p| p.party == ResponsibleParty::Staff(s.clone()))
        }) {
            parts.push(Responsibility {
                party: ResponsibleParty::Staff(s),
                share: Decimal::from(w),
            });
        }
    }
    if parts.iter().all(|p| p.share.is_zero())
        && let Some(p) = parts.first_mut()
    {
        p.share = Decimal::ONE;
    }
    Responsible::Parties(parts)
}
