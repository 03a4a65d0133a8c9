//! Properties of the monthly settlement: the cap holds every month, no
//! deduction is negative, the books balance, and the carry-over drains.

mod support;

use proptest::prelude::*;
use support::*;
use tousu_model::{Money, Roster};
use tousu_penalty::{CarryOver, Month, PenaltyFacts, compute_statements};

fn one_person(bonus_fen: i64) -> Roster {
    roster(&format!(
        r#"{{"departments": [{{"id": "d", "name": "部门"}}],
            "staff": [{{"id": "x", "name": "甲", "department": "d", "monthly_bonus": "{}"}}]}}"#,
        Money::from_fen(bonus_fen).to_plain_string()
    ))
}

fn month_with_loss(period: Month, fen: i64) -> PenaltyFacts {
    facts(&format!(
        r#"{{"period": "{period}", "losses": [{{"case": "L-{period}", "amount": "{}", "responsible": {{"parties": [{{"staff": "x", "share": "1"}}]}}}}]}}"#,
        Money::from_fen(fen).to_plain_string()
    ))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn cap_holds_and_carry_drains(
        bonus in 100i64..2_000_000,
        percent in 10u32..=100,
        ratios in prop::collection::vec(0i64..1_000, 1..6),
    ) {
        // Each month's new charges are up to ten bonuses, so draining takes at
        // most about 5 × 10 ÷ 10 % = 500 months.
        let charges: Vec<i64> = ratios.iter().map(|r| r * bonus / 100 + r % 7).collect();
        let roster = one_person(bonus);
        let schedule = schedule(&format!("[cap]\npercent = \"{percent}\""));
        let mut carry: Option<CarryOver> = None;
        let mut period = Month::new(2025, 1).unwrap();
        let (mut owed, mut deducted) = (0i64, 0i64);
        let mut month = 0usize;
        loop {
            let f = match charges.get(month) {
                Some(&fen) => month_with_loss(period, fen),
                None => PenaltyFacts::new(period),
            };
            let r = compute_statements(&schedule, &roster, &f, carry.as_ref()).unwrap();
            if let Some(st) = r.statements.first() {
                // The cap: never more than percent % of the bonus, exactly.
                prop_assert!(i128::from(st.deducted.fen()) * 100 <= i128::from(bonus) * i128::from(percent));
                prop_assert!(st.deducted <= st.cap_limit);
                prop_assert!(!st.deducted.is_negative());
                prop_assert!(!st.carried_forward.is_negative());
                prop_assert_eq!(st.carried_in.fen() + st.gross.fen() - st.deducted.fen(), st.carried_forward.fen());
                // Whatever is owed is deducted up to the cap.
                prop_assert_eq!(st.deducted, (st.carried_in.checked_add(st.gross).unwrap()).min(st.cap_limit));
                owed += st.gross.fen();
                deducted += st.deducted.fen();
            }
            carry = Some(r.carry_out);
            month += 1;
            period = period.next().unwrap();
            if month >= charges.len() && carry.as_ref().is_some_and(|c| c.balances.is_empty()) {
                break;
            }
            prop_assert!(month < 1_000, "the carry-over did not drain");
        }
        prop_assert_eq!(owed, deducted);
        prop_assert_eq!(owed, charges.iter().sum::<i64>());
    }

    #[test]
    fn without_a_bonus_everything_carries(charge in 1i64..10_000_000) {
        let r = compute_statements(&schedule(""), &one_person(0), &month_with_loss(Month::new(2025, 3).unwrap(), charge), None).unwrap();
        let st = &r.statements[0];
        prop_assert_eq!(st.deducted, Money::ZERO);
        prop_assert_eq!(st.carried_forward.fen(), charge);
    }
}

#[test]
fn a_carry_over_for_the_same_or_a_later_month_is_refused() {
    let roster = one_person(100_000);
    let f = PenaltyFacts::new(Month::new(2025, 5).unwrap());
    let carry = CarryOver::empty(Month::new(2025, 5).unwrap());
    let err = compute_statements(&schedule(""), &roster, &f, Some(&carry)).unwrap_err();
    assert!(err.to_string().starts_with("carry.period"), "{err}");
}
