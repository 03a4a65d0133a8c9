//! Money: parse and display round-trip, arithmetic laws, rounding by name.

use proptest::prelude::*;
use rust_decimal::Decimal;
use tousu_model::{ModelError, Money, RoundingMode, strategies as s};

#[test]
fn accepted_forms() {
    for (text, fen) in [
        ("1,234.50", 123_450),
        ("1234.5", 123_450),
        ("¥12", 1_200),
        ("￥12.05", 1_205),
        ("12元", 1_200),
        ("CNY 7", 700),
        ("-3.00", -300),
        ("-¥3", -300),
        ("1.500", 150),
        ("0.01", 1),
        (" 20 ", 2_000),
        ("1,000,000", 100_000_000),
    ] {
        assert_eq!(
            text.parse::<Money>().unwrap(),
            Money::from_fen(fen),
            "{text}"
        );
    }
}

#[test]
fn rejected_forms_are_typed() {
    assert!(matches!(
        "12.345".parse::<Money>(),
        Err(ModelError::SubFen { .. })
    ));
    for bad in [
        "",
        "abc",
        "1,23",
        "12,34.5",
        "1.",
        ".5",
        "1.2.3",
        "¥-3",
        "1e3",
        "99999999999999999999",
    ] {
        assert!(bad.parse::<Money>().is_err(), "{bad:?} should be rejected");
    }
}

#[test]
fn display_groups_thousands() {
    assert_eq!(Money::from_fen(123_450).to_string(), "¥1,234.50");
    assert_eq!(Money::from_fen(-5).to_string(), "-¥0.05");
    assert_eq!(Money::from_fen(100_000_000).to_string(), "¥1,000,000.00");
    assert_eq!(Money::ZERO.to_string(), "¥0.00");
    assert_eq!(
        Money::from_fen(i64::MIN).to_string(),
        "-¥92,233,720,368,547,758.08"
    );
}

#[test]
fn rounding_modes_are_exact() {
    let m = Money::from_fen(1); // 0.01 × 0.5 = 0.005
    let half = Decimal::new(5, 1);
    assert_eq!(
        m.checked_mul_ratio(half, RoundingMode::HalfUp).unwrap(),
        Money::from_fen(1)
    );
    assert_eq!(
        m.checked_mul_ratio(half, RoundingMode::HalfEven).unwrap(),
        Money::ZERO
    );
    assert_eq!(
        m.checked_mul_ratio(half, RoundingMode::Down).unwrap(),
        Money::ZERO
    );
    assert_eq!(
        Money::from_fen(3)
            .checked_mul_ratio(half, RoundingMode::HalfEven)
            .unwrap(),
        Money::from_fen(2)
    );
    assert_eq!(
        Money::from_fen(101)
            .checked_mul_ratio(Decimal::new(1, 2), RoundingMode::Up)
            .unwrap(),
        Money::from_fen(2)
    );
    // S41: a 50% cap of a 2,000.01 bonus.
    assert_eq!(
        "2000.01"
            .parse::<Money>()
            .unwrap()
            .checked_percent(Decimal::from(50), RoundingMode::HalfUp)
            .unwrap(),
        "1000.01".parse::<Money>().unwrap()
    );
}

#[test]
fn overflow_is_an_error_not_a_panic() {
    assert!(matches!(
        Money::MAX.checked_add(Money::from_fen(1)),
        Err(ModelError::MoneyOverflow { .. })
    ));
    assert!(
        Money::from_fen(i64::MIN)
            .checked_sub(Money::from_fen(1))
            .is_err()
    );
    assert!(
        Money::MAX
            .checked_mul_ratio(Decimal::from(2), RoundingMode::HalfUp)
            .is_err()
    );
    assert!(Money::MAX.checked_mul_int(2).is_err());
    assert!(Money::from_yuan(i64::MAX).is_err());
    assert!(Money::checked_sum([Money::MAX, Money::MAX]).is_err());
}

#[test]
fn floats_are_refused_in_json() {
    let err = serde_json::from_str::<Money>("12.5").unwrap_err();
    assert!(
        err.to_string().contains("not a floating-point number"),
        "{err}"
    );
    assert_eq!(
        serde_json::from_str::<Money>("12").unwrap(),
        Money::from_yuan(12).unwrap()
    );
    assert_eq!(
        serde_json::to_string(&Money::from_fen(1250)).unwrap(),
        "\"12.50\""
    );
}

/// The plain text as the formatter wrote it before it was written by hand.
fn formatted(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let abs = fen.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

#[test]
fn plain_text_at_the_extremes() {
    for fen in [
        i64::MIN,
        i64::MIN + 1,
        -100,
        -99,
        -1,
        0,
        1,
        9,
        10,
        99,
        100,
        123_450,
        i64::MAX,
    ] {
        let m = Money::from_fen(fen);
        assert_eq!(m.to_plain_string(), formatted(fen));
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            format!("\"{}\"", formatted(fen))
        );
    }
}

proptest! {
    #[test]
    fn plain_text_is_the_formatters(fen in any::<i64>()) {
        prop_assert_eq!(Money::from_fen(fen).to_plain_string(), formatted(fen));
    }

    #[test]
    fn display_and_plain_parse_back(m in s::money()) {
        prop_assert_eq!(m.to_string().parse::<Money>().unwrap(), m);
        prop_assert_eq!(m.to_plain_string().parse::<Money>().unwrap(), m);
    }

    #[test]
    fn decimal_round_trip(m in s::money()) {
        prop_assert_eq!(Money::from_decimal(m.to_decimal()).unwrap(), m);
    }

    #[test]
    fn addition_laws(a in s::money(), b in s::money(), c in s::money()) {
        prop_assert_eq!(a.checked_add(b).unwrap(), b.checked_add(a).unwrap());
        prop_assert_eq!(a.checked_add(b).unwrap().checked_add(c).unwrap(), a.checked_add(b.checked_add(c).unwrap()).unwrap());
        prop_assert_eq!(a.checked_add(Money::ZERO).unwrap(), a);
        prop_assert_eq!(a.checked_add(b).unwrap().checked_sub(b).unwrap(), a);
    }

    /// Rounding stays within one fen of the exact product, on the side the mode names.
    #[test]
    fn ratio_rounding_bounds(m in s::money(), num in 0i64..10_000, mode in s::rounding_mode()) {
        let ratio = Decimal::new(num, 4);
        let exact = m.to_decimal() * ratio;
        let got = m.checked_mul_ratio(ratio, mode).unwrap().to_decimal();
        prop_assert!((got - exact).abs() < Decimal::new(1, 2));
        match mode {
            RoundingMode::Down => prop_assert!(got.abs() <= exact.abs()),
            RoundingMode::Up => prop_assert!(got.abs() >= exact.abs()),
            _ => prop_assert!((got - exact).abs() <= Decimal::new(5, 3)),
        }
    }

    /// Amounts finer than a fen never parse.
    #[test]
    fn sub_fen_never_parses(fen in 0i64..1_000_000, extra in 1u32..10) {
        let text = format!("{}.{:02}{}", fen / 100, fen % 100, extra);
        prop_assert!(matches!(text.parse::<Money>(), Err(ModelError::SubFen { .. })), "{}", text);
    }
}
