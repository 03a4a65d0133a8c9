//! Penalty statements for 10,000 staff and 100,000 cases: the month-end run
//! of a large organization (overtime breaches, violations, losses split by
//! shares and base points, sanctions, the count ladder, carried instalments).
// The generator casts small random numbers (all below 10^6) between integer types.
#![allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
use std::hint::black_box;

use chrono::DateTime;
use criterion::{Criterion, criterion_group, criterion_main};
use rust_decimal::Decimal;
use tousu_model::{
    CaseId, Department, DepartmentId, DepartmentTree, LevelId, Money, Roster, SanctionKind, Staff,
    StaffId,
};
use tousu_penalty::{
    Breach, CarryOver, ComplaintAgainst, Loss, PenaltyFacts, Period, Responsibility, Responsible,
    ResponsibleParty, Sanction, Violation, allocate, compute_statements,
};
use tousu_policy::PenaltySchedule;

const STAFF: usize = 10_000;
const CASES: usize = 100_000;
/// Teams (班组) of 20: a department loss is split over its 20 members.
const TEAMS: usize = 500;

/// A deterministic pseudo-random sequence (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn schedule() -> PenaltySchedule {
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

fn roster() -> Roster {
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

fn facts() -> (PenaltyFacts, CarryOver) {
    let mut rng = Rng(42);
    let period = Period::new(2025, 10).unwrap();
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
            });
        }
    }
    for _ in 0..200 {
        f.serious.insert(sid(rng.below(STAFF)));
    }
    let mut carry = CarryOver::empty(Period::new(2025, 9).unwrap());
    for _ in 0..2_000 {
        carry.balances.insert(
            sid(rng.below(STAFF)),
            Money::from_fen(rng.below(500_000) as i64 + 1),
        );
    }
    (f, carry)
}

fn penalty(c: &mut Criterion) {
    let schedule = schedule();
    let roster = roster();
    let (facts, carry) = facts();
    let started = std::time::Instant::now();
    let r = compute_statements(&schedule, &roster, &facts, Some(&carry)).unwrap();
    let computed = started.elapsed();
    let rendered = tousu_penalty::render_markdown(&r).len();
    let json = serde_json::to_string(&r).unwrap().len();
    let (statements, lines) = (r.statements.len(), r.summary.lines);
    let started = std::time::Instant::now();
    drop(r);
    let dropped = started.elapsed();
    eprintln!(
        "penalty bench one run: compute {computed:?}, drop {dropped:?}; Markdown {rendered} bytes, JSON {json} bytes"
    );
    eprintln!(
        "penalty bench input: {} staff, {} complaints, {} breaches, {} violations, {} losses, {} sanctions -> {} statements, {} lines",
        STAFF,
        facts.complaints.len(),
        facts.breaches.len(),
        facts.violations.len(),
        facts.losses.len(),
        facts.sanctions.len(),
        statements,
        lines
    );
    let mut g = c.benchmark_group("penalty");
    g.sample_size(20);
    // The result (about 170,000 lines) is dropped outside the timing; the one
    // run above prints what dropping it costs.
    g.bench_function("statements 10k staff 100k cases", |b| {
        b.iter_with_large_drop(|| {
            compute_statements(
                black_box(&schedule),
                black_box(&roster),
                black_box(&facts),
                Some(&carry),
            )
            .unwrap()
        });
    });
    g.finish();
    let shares: Vec<(StaffId, Decimal)> = (0..100)
        .map(|i| {
            (
                StaffId::new(format!("e{i:05}")).unwrap(),
                Decimal::from(1 + i % 5),
            )
        })
        .collect();
    c.bench_function("penalty/allocate 100 parties", |b| {
        b.iter(|| allocate(black_box(Money::from_fen(123_456_789)), black_box(&shares)).unwrap());
    });
}

criterion_group!(benches, penalty);
criterion_main!(benches);
