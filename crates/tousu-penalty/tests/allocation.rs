//! Properties of `allocate`: conservation, bounds, zero shares, permutation
//! invariance, sign symmetry; and hand-checked splits.

use proptest::prelude::*;
use rust_decimal::Decimal;
use tousu_model::Money;
use tousu_penalty::{PenaltyError, allocate};

fn weights() -> impl Strategy<Value = Vec<(String, u32)>> {
    prop::collection::btree_map(
        "[a-z]{1,3}",
        prop_oneof![Just(0u32), 0u32..1000, 0u32..5],
        1..12,
    )
    .prop_filter("not all zero", |m| m.values().any(|&w| w > 0))
    .prop_map(|m| m.into_iter().collect())
}

fn to_decimal(ws: &[(String, u32)], scale: u32) -> Vec<(String, Decimal)> {
    ws.iter()
        .map(|(k, w)| (k.clone(), Decimal::new(i64::from(*w), scale)))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parts_sum_exactly(amount in -1_000_000_000_000i64..1_000_000_000_000, ws in weights(), scale in 0u32..5) {
        let parts = allocate(Money::from_fen(amount), &to_decimal(&ws, scale)).unwrap();
        let sum: i64 = parts.iter().map(|(_, m)| m.fen()).sum();
        prop_assert_eq!(sum, amount);
        prop_assert_eq!(parts.len(), ws.len());
    }

    #[test]
    fn each_part_within_one_fen_of_its_quota(amount in -1_000_000_000_000i64..1_000_000_000_000, ws in weights()) {
        let total: i128 = ws.iter().map(|(_, w)| i128::from(*w)).sum();
        let parts = allocate(Money::from_fen(amount), &to_decimal(&ws, 0)).unwrap();
        for ((k, part), (k2, w)) in parts.iter().zip(&ws) {
            prop_assert_eq!(k, k2);
            // |part − amount·w/total| < 1  ⇔  |part·total − amount·w| < total
            let diff = i128::from(part.fen()) * total - i128::from(amount) * i128::from(*w);
            prop_assert!(diff.abs() < total, "{k}: part {part:?} is a fen or more from its quota");
            // Never past the floor/ceiling on the wrong side.
            if amount >= 0 { prop_assert!(part.fen() >= 0); } else { prop_assert!(part.fen() <= 0); }
        }
    }

    #[test]
    fn zero_share_gets_zero(amount in -1_000_000_000i64..1_000_000_000, ws in weights()) {
        let parts = allocate(Money::from_fen(amount), &to_decimal(&ws, 2)).unwrap();
        for ((_, part), (_, w)) in parts.iter().zip(&ws) {
            if *w == 0 { prop_assert_eq!(part.fen(), 0); }
        }
    }

    #[test]
    fn input_order_never_matters(
        amount in -1_000_000_000i64..1_000_000_000,
        (ws, shuffled) in weights().prop_flat_map(|ws| (Just(ws.clone()), Just(ws).prop_shuffle())),
    ) {
        let a = allocate(Money::from_fen(amount), &to_decimal(&ws, 1)).unwrap();
        let b = allocate(Money::from_fen(amount), &to_decimal(&shuffled, 1)).unwrap();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn ratios_percents_and_parts_agree(amount in 0i64..1_000_000_000, ws in weights(), k in 1u32..50) {
        // Multiplying every weight by k (or moving the decimal point) changes nothing.
        let base = allocate(Money::from_fen(amount), &to_decimal(&ws, 0)).unwrap();
        let scaled: Vec<(String, u32)> = ws.iter().map(|(n, w)| (n.clone(), w * k)).collect();
        prop_assert_eq!(&base, &allocate(Money::from_fen(amount), &to_decimal(&scaled, 0)).unwrap());
        prop_assert_eq!(&base, &allocate(Money::from_fen(amount), &to_decimal(&ws, 3)).unwrap());
    }

    #[test]
    fn negative_amounts_mirror_positive(amount in 0i64..1_000_000_000, ws in weights()) {
        let pos = allocate(Money::from_fen(amount), &to_decimal(&ws, 0)).unwrap();
        let neg = allocate(Money::from_fen(-amount), &to_decimal(&ws, 0)).unwrap();
        for ((_, p), (_, n)) in pos.iter().zip(&neg) {
            prop_assert_eq!(p.fen(), -n.fen());
        }
    }

    #[test]
    fn never_panics(amount in any::<i64>(), ws in prop::collection::vec(("[a-c]", any::<i64>(), 0u32..29), 0..6)) {
        let shares: Vec<(String, Decimal)> = ws.into_iter().map(|(k, m, s)| (k, Decimal::new(m, s))).collect();
        if let Ok(parts) = allocate(Money::from_fen(amount), &shares) {
            let sum: i128 = parts.iter().map(|(_, m)| i128::from(m.fen())).sum();
            prop_assert_eq!(sum, i128::from(amount));
        }
    }
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn hundred_in_thirds_goes_to_the_lowest_id() {
    let parts = allocate(
        Money::from_fen(10_000),
        &[("c", d("1")), ("b", d("1")), ("a", d("1"))],
    )
    .unwrap();
    let text: Vec<(&str, String)> = parts
        .iter()
        .map(|(k, m)| (*k, m.to_plain_string()))
        .collect();
    assert_eq!(
        text,
        [
            ("a", "33.34".to_owned()),
            ("b", "33.33".to_owned()),
            ("c", "33.33".to_owned())
        ]
    );
}

#[test]
fn largest_remainder_beats_id_order() {
    // 1.00 by 1:2 → quotas 0.333… and 0.666…: b has the larger remainder.
    let parts = allocate(Money::from_fen(100), &[("a", d("1")), ("b", d("2"))]).unwrap();
    assert_eq!(
        parts,
        [("a", Money::from_fen(33)), ("b", Money::from_fen(67))]
    );
}

#[test]
fn percents_and_ratios_are_weights() {
    let a = allocate(Money::from_fen(100_001), &[("x", d("60")), ("y", d("40"))]).unwrap();
    let b = allocate(
        Money::from_fen(100_001),
        &[("x", d("0.6")), ("y", d("0.4"))],
    )
    .unwrap();
    assert_eq!(a, b);
    assert_eq!(
        a,
        [
            ("x", Money::from_fen(60_001)),
            ("y", Money::from_fen(40_000))
        ]
    );
}

#[test]
fn typed_errors() {
    assert_eq!(
        allocate::<&str>(Money::from_fen(1), &[]).unwrap_err(),
        PenaltyError::EmptyShares {
            path: "shares".into()
        }
    );
    assert_eq!(
        allocate(Money::from_fen(1), &[("a", d("0")), ("b", d("0.00"))]).unwrap_err(),
        PenaltyError::AllZeroShares {
            path: "shares".into()
        }
    );
    assert!(matches!(
        allocate(Money::from_fen(1), &[("a", d("1")), ("b", d("-0.5"))]),
        Err(PenaltyError::NegativeShare { ref path, .. }) if path == "shares[1]"
    ));
    assert!(matches!(
        allocate(
            Money::MAX,
            &[("a", d("79228162514264337593543950335")), ("b", d("1"))]
        ),
        Err(PenaltyError::Overflow { .. })
    ));
}
