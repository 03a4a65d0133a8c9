//! The month-end input of the penalty bench: 10,000 staff, 100,000 cases
//! (overtime breaches, violations, losses split by shares and base points,
//! sanctions, the count ladder, carried instalments), generated
//! deterministically.
use chrono::DateTime;
use rust_decimal::Decimal;
use tousu_model::{
    CaseId, Department, DepartmentId, DepartmentTree, LevelId, Money, Roster, SanctionKind, Staff,
    StaffId,
};
use tousu_penalty::{
    Breach, CarryOver, ComplaintAgainst, Loss, Month, PenaltyFacts, Responsibility, Responsible,
    ResponsibleParty, Sanction, Violation,
};
use tousu_policy::PenaltySchedule;

use crate::Rng;

/// Staff on the roster.
pub const STAFF: usize = 10_000;
/// Cases in the month.
pub const CASES: usize = 100_000;
/// Teams (班组) of 20: a department loss is split over its 20 members.
pub const TEAMS: usize = 500;

/// The penalty table: overtime fines per level, two violations, the count
/// ladder, the 50 % cap, sanction values and the whole-bonus rule.
pub fn schedule() -> PenaltySchedule {
    toml::from_str(
        r#"
        [overtime]
        "不满意" = "20"
        "十分不满意" = "30"
        "重大投诉" = "50"
        "危机事件" = "80"
        [violations.caused_complaint]
        description_zh = "未按礼仪标准接待引起投诉"
        responsible = "50"
        supervisor = "20"
        [violations.record_incomplete]
        description_zh = "投诉记录漏项、不准确、不详细"
        responsible = "30"
        per_item = true
        [count_ladder]
        tiers = [
          { min_count = 3, amount = "200", outcomes = ["public_criticism"] },
          { min_count = 4, amount = "300", outcomes = ["public_criticism"] },
          { min_count = 5, amount = "300", outcomes = ["public_criticism", "dismissal"], requires_serious = true },
        ]
        [cap]
        percent = "50"
        [sanctions]
        values = { warning = "50", minor_demerit = "100", major_demerit = "300" }
        whole_bonus = {}
        "#,
    )
    .unwrap()
}

/// 10,000 staff in 500 teams of 20 under one head office, 2 % without a
/// bonus, base points 1 to 5.
pub fn roster() -> Roster {
    let mut depts = vec![Department::new(
        DepartmentId::new("hq").unwrap(),
        "总部",
        None,
    )];
    for t in 0..TEAMS {
        depts.push(Department::new(
            DepartmentId::new(format!("team-{t:03}")).unwrap(),
            format!("第{t}组"),
            Some(DepartmentId::new("hq").unwrap()),
        ));
    }
    let mut rng = Rng(7);
    let staff = (0..STAFF)
        .map(|i| {
            let team = i % TEAMS;
            let mut s = Staff::new(
                StaffId::new(format!("e{i:05}")).unwrap(),
                format!("员工{i}"),
                DepartmentId::new(format!("team-{team:03}")).unwrap(),
            )
            .with_pay(
                Decimal::from(1 + rng.below(5) as i64),
                Money::from_yuan(if i % 50 == 0 {
                    0
                } else {
                    1000 + rng.below(4000) as i64
                })
                .unwrap(),
            );
            if i >= TEAMS {
                s = s.with_supervisor(StaffId::new(format!("e{team:05}")).unwrap());
            } else if i > 0 {
                s = s.with_supervisor(StaffId::new("e00000").unwrap());
            }
            s
        })
        .collect();
    Roster::new(DepartmentTree::new(depts).unwrap(), staff).unwrap()
}

/// A month of facts over 100,000 cases, and last month's carry-over.
pub fn facts() -> (PenaltyFacts, CarryOver) {
    let mut rng = Rng(42);
    let period = Month::new(2025, 10).unwrap();
    let mut f = PenaltyFacts::new(period);
    let levels: Vec<LevelId> = ["不满意", "十分不满意", "重大投诉", "危机事件"]
        .iter()
        .map(|l| LevelId::new(*l).unwrap())
        .collect();
    let sid = |i: usize| StaffId::new(format!("e{i:05}")).unwrap();
    let team = |t: usize| DepartmentId::new(format!("team-{t:03}")).unwrap();
    let t0 = DateTime::from_timestamp(1_759_276_800, 0).unwrap(); // 2025-10-01
    for c in 0..CASES {
        let case = CaseId::new(format!("C{c:06}")).unwrap();
        let owner = rng.below(STAFF);
        f.complaints.push(ComplaintAgainst {
            staff: sid(owner),
            case: case.clone(),
        });
        if rng.below(10) < 3 {
            f.breaches.push(Breach {
                case: case.clone(),
                milestone: tousu_policy::MilestoneId::new(if rng.below(2) == 0 {
                    "first_response"
                } else {
                    "second_response"
                })
                .unwrap(),
                round: 1 + rng.below(2) as u32,
                level: levels[rng.below(4)].clone(),
                owner: sid(owner),
                at: t0 + chrono::Duration::minutes(rng.below(40_000) as i64),
            });
        }
        if rng.below(10) == 0 {
            let per_item = rng.below(2) == 0;
            f.violations.push(Violation {
                rule: if per_item {
                    "record_incomplete"
                } else {
                    "caused_complaint"
                }
                .parse()
                .unwrap(),
                case: Some(case.clone()),
                responsible: sid(owner),
                supervisor: (owner == 0).then(|| sid(1)),
                items: if per_item { 1 + rng.below(3) as u32 } else { 1 },
            });
        }
        if rng.below(10) == 0 {
            let amount = Decimal::new(rng.below(1_000_000) as i64 + 1, 2);
            let responsible = match rng.below(10) {
                0..=4 => Responsible::Parties(vec![
                    Responsibility {
                        party: ResponsibleParty::Staff(sid(owner)),
                        share: Decimal::from(60),
                    },
                    Responsibility {
                        party: ResponsibleParty::Staff(sid((owner + 1) % STAFF)),
                        share: Decimal::from(40),
                    },
                ]),
                5..=8 => Responsible::Department(team(rng.below(TEAMS))),
                _ => Responsible::UnattributedWithin(team(rng.below(TEAMS))),
            };
            f.losses.push(Loss {
                case: case.clone(),
                amount,
                responsible,
            });
        }
        if rng.below(100) == 0 {
            let kind = [
                SanctionKind::Warning,
                SanctionKind::MinorDemerit,
                SanctionKind::MajorDemerit,
            ][rng.below(3)];
            f.sanctions.push(Sanction {
                staff: sid(owner),
                kind,
                case: Some(case),
                reason: None,
                violation: None,
            });
        }
    }
    for _ in 0..200 {
        f.serious.insert(sid(rng.below(STAFF)));
    }
    let mut carry = CarryOver::empty(Month::new(2025, 9).unwrap());
    for _ in 0..2_000 {
        carry.balances.insert(
            sid(rng.below(STAFF)),
            Money::from_fen(rng.below(500_000) as i64 + 1),
        );
    }
    (f, carry)
}
