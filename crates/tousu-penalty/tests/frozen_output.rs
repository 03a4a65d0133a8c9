//! The statements' text, frozen: 2,000 generated months (varied rosters,
//! schedules, facts and carry-overs, refusals included) computed, rendered as
//! Markdown and written as JSON, every byte hashed. The expected hashes were
//! recorded from the implementation whose output types owned every string;
//! a change of representation must not move a byte. The JSON is also read
//! back: the same document, the same Markdown, an equal result.
//!
//! When an output is changed on purpose, the new hashes are printed by
//! `cargo test -p tousu-penalty --test frozen_output -- --nocapture`.

mod support;

use support::*;
use tousu_model::{Money, StaffId};
use tousu_penalty::{
    Breach, CarryOver, ComplaintAgainst, Loss, Month, PenaltyFacts, PeriodResult, Responsibility,
    Responsible, ResponsibleParty, Sanction, Violation, YearReview, compute_statements,
    render_markdown,
};

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
        usize::try_from(self.next() % n as u64).unwrap()
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// FNV-1a, 64 bits (stable across toolchains).
fn fnv1a(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

const STAFF: [&str; 9] = [
    "boss",
    "cs-mgr",
    "cs-1",
    "cs-2",
    "disp-lead",
    "disp-1",
    "p1",
    "p2",
    "p3",
];
const DEPTS: [&str; 4] = ["hq", "cs", "dispatch", "prod"];
const LEVELS: [&str; 4] = ["不满意", "十分不满意", "重大投诉", "危机事件"];
const RULES: [&str; 6] = [
    "reception_etiquette",
    "caused_complaint",
    "record_incomplete",
    "untimely_handling",
    "review_late",
    "ignored_repeat",
];

/// One of six schedules: the seed rules and variants of each switch.
fn schedule_text(k: usize) -> String {
    let base = format!("{S12}\n{S32}");
    match k {
        0 => format!("{base}\n{S41}\n{S43}"),
        1 => format!(
            "overtime_charge = \"once_per_case\"\n{base}\n{}\n{S43}",
            S41.replace("base_points", "equal")
        ),
        2 => format!(
            "{base}\n{}\n[yearly_reward]\namount = \"500\"",
            S41.replace("whole_team_equally", "whole_team_by_base_points")
                .replace("min_count = 2", "min_count = 3")
        ),
        3 => format!(
            "{base}\n[cap]\npercent = \"33.3\"\nbypass = [\"major_demerit\"]\n[sanctions]\nvalues = {{ warning = \"50\", major_demerit = \"300\", commendation = \"200\" }}\n[losses]\nsub_fen = \"round\"\n{S43}"
        ),
        4 => format!("overtime_milestones = [\"first_response\"]\n{base}\n{S41}"),
        _ => format!("{base}\n[cap]\npercent = \"100\"\n{S43}"),
    }
}

fn month(rng: &mut Rng, period: Month) -> (PenaltyFacts, Option<CarryOver>) {
    let mut f = PenaltyFacts::new(period);
    let sid = |s: &str| StaffId::new(s).unwrap();
    let case = |n: usize| tousu_model::CaseId::new(format!("C{n}")).unwrap();
    let t0 = chrono::DateTime::from_timestamp(1_759_276_800, 0).unwrap();
    let cases = 1 + rng.below(12);
    for _ in 0..rng.below(6) {
        f.breaches.push(Breach {
            case: case(rng.below(cases)),
            milestone: tousu_policy::MilestoneId::new(rng.pick(&[
                "first_response",
                "second_response",
                "closure",
            ]))
            .unwrap(),
            round: 1 + u32::try_from(rng.below(2)).unwrap(),
            level: rng.pick(&LEVELS).parse().unwrap(),
            owner: sid(rng.pick(&STAFF)),
            at: t0 + chrono::Duration::minutes(i64::try_from(rng.below(5)).unwrap()),
        });
    }
    for _ in 0..rng.below(4) {
        let rule = rng.pick(&RULES);
        let responsible = rng.pick(&STAFF);
        f.violations.push(Violation {
            rule: rule.parse().unwrap(),
            case: (rng.below(3) > 0).then(|| case(rng.below(cases))),
            responsible: sid(if responsible == "boss" && rng.below(2) == 0 {
                "cs-1"
            } else {
                responsible
            }),
            supervisor: (responsible == "boss").then(|| sid("cs-mgr")),
            items: if rule == "record_incomplete" {
                1 + u32::try_from(rng.below(3)).unwrap()
            } else {
                1
            },
        });
    }
    let share = |rng: &mut Rng| {
        rng.pick(&[
            rust_decimal::Decimal::new(60, 0),
            rust_decimal::Decimal::new(40, 0),
            rust_decimal::Decimal::new(1, 0),
            rust_decimal::Decimal::new(333, 3),
            rust_decimal::Decimal::new(0, 0),
        ])
    };
    for _ in 0..rng.below(4) {
        let amount = rust_decimal::Decimal::new(
            i64::try_from(rng.below(1_000_000)).unwrap(),
            rng.pick(&[2, 2, 3]),
        );
        let responsible = match rng.below(6) {
            0 => Responsible::Department(rng.pick(&DEPTS).parse().unwrap()),
            1 => Responsible::Unattributed,
            2 => Responsible::UnattributedWithin(rng.pick(&DEPTS).parse().unwrap()),
            _ => Responsible::Parties(
                (0..1 + rng.below(3))
                    .map(|_| {
                        if rng.below(4) == 0 {
                            Responsibility {
                                party: ResponsibleParty::Department(
                                    rng.pick(&DEPTS).parse().unwrap(),
                                ),
                                share: share(rng),
                            }
                        } else {
                            Responsibility {
                                party: ResponsibleParty::Staff(sid(rng.pick(&STAFF))),
                                share: share(rng),
                            }
                        }
                    })
                    .collect(),
            ),
        };
        f.losses.push(Loss {
            case: case(rng.below(cases)),
            amount,
            responsible,
        });
    }
    for _ in 0..rng.below(4) {
        f.sanctions.push(Sanction {
            staff: sid(rng.pick(&STAFF)),
            kind: rng.pick(&[
                tousu_model::SanctionKind::Warning,
                tousu_model::SanctionKind::MinorDemerit,
                tousu_model::SanctionKind::MajorDemerit,
                tousu_model::SanctionKind::MajorDemerit,
                tousu_model::SanctionKind::Commendation,
            ]),
            case: (rng.below(2) == 0).then(|| case(rng.below(cases))),
            reason: (rng.below(3) == 0)
                .then(|| (rng.pick(&["交货延迟", "a | b", "两行\n说明"])).to_owned()),
            violation: None,
        });
    }
    for _ in 0..rng.below(16) {
        f.complaints.push(ComplaintAgainst {
            staff: sid(STAFF[rng.below(3) + 1]),
            case: case(rng.below(cases)),
        });
    }
    if rng.below(3) == 0 {
        f.serious.insert(sid("cs-1"));
    }
    if rng.below(4) == 0 {
        f.year_review = Some(YearReview {
            complaint_counts: [(sid("cs-1"), 2), (sid("p2"), 0)].into_iter().collect(),
        });
    }
    let carry = (rng.below(2) == 0).then(|| {
        let mut c = CarryOver::empty(Month::new(2025, 9).unwrap());
        for _ in 0..rng.below(3) {
            c.balances.insert(
                sid(rng.pick(&STAFF)),
                Money::from_fen(i64::try_from(rng.below(300_000)).unwrap()),
            );
        }
        c
    });
    (f, carry)
}

/// Hashes of (Markdown and JSON of the results; refusals' messages) over the
/// generated months, and how many were computed and refused.
fn run() -> (u64, u64, usize, usize) {
    const BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    let roster = roster(ROSTER);
    let schedules: Vec<_> = (0..6).map(|k| schedule(&schedule_text(k))).collect();
    let period = Month::new(2025, 10).unwrap();
    let mut rng = Rng(2025);
    let (mut out, mut refused) = (BASIS, BASIS);
    let (mut ok, mut err) = (0, 0);
    for _ in 0..2_000 {
        let s = &schedules[rng.below(schedules.len())];
        let (facts, carry) = month(&mut rng, period);
        match compute_statements(s, &roster, &facts, carry.as_ref()) {
            Ok(r) => {
                ok += 1;
                let md = render_markdown(&r);
                let json = serde_json::to_string(&r).unwrap();
                out = fnv1a(fnv1a(out, md.as_bytes()), json.as_bytes());
                let back: PeriodResult = serde_json::from_str(&json).unwrap();
                assert_eq!(serde_json::to_string(&back).unwrap(), json);
                assert_eq!(render_markdown(&back), md);
                assert_eq!(back, r);
            }
            Err(e) => {
                err += 1;
                refused = fnv1a(refused, e.to_string().as_bytes());
            }
        }
    }
    (out, refused, ok, err)
}

#[test]
fn output_is_byte_for_byte_what_it_was() {
    let (out, refused, ok, err) = run();
    println!("output {out:#018x}, refusals {refused:#018x}: {ok} computed, {err} refused");
    assert!(ok > 1_000 && err > 100, "{ok} computed, {err} refused");
    assert_eq!(
        (out, refused),
        (0xc6b1_5c35_f34e_3f76, 0x4cba_df00_3a22_f415)
    );
}

/// The JSON Schema of the documents, unchanged by the representation.
#[test]
fn schema_is_unchanged() {
    insta::assert_json_snapshot!(schemars::schema_for!(PeriodResult));
}
