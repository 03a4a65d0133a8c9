//! Splitting an amount by shares, exactly to the fen (largest remainder).
//!
//! [`allocate`] is Hamilton's method on whole fen, in integers:
//!
//! 1. every weight is made a whole number (scaled by a common power of ten,
//!    then divided by their greatest common divisor), `T` is their sum;
//! 2. each party gets `⌊A × wᵢ / T⌋` fen, its exact quota rounded down;
//! 3. the fen left over (fewer than the number of parties) go one each to the
//!    parties with the largest remainders `A × wᵢ mod T`, ties to the lower
//!    party id.
//!
//! So the parts sum exactly to the amount, each part is within one fen of its
//! exact quota (never below its floor, never above its ceiling), a zero share
//! gets zero, and the result — sorted by party id — does not depend on the
//! order the shares were given in. Shares are weights: ratios (`0.6, 0.4`),
//! percents (`60, 40`) and base points are all the same thing here, and need
//! not add up to anything in particular.
//!
//! A negative amount (a refund, a correction) is split as its absolute value
//! and every part negated, so `allocate(-a)` is `-allocate(a)` part by part.
//!
//! ```
//! use rust_decimal::Decimal;
//! use tousu_model::Money;
//! use tousu_penalty::allocate;
//!
//! let one = Decimal::ONE;
//! let parts = allocate("100.00".parse()?, &[("c", one), ("a", one), ("b", one)])?;
//! assert_eq!(parts, [("a", "33.34".parse()?), ("b", "33.33".parse()?), ("c", "33.33".parse()?)]);
//!
//! // A zero share gets zero; all-zero shares are an error, not a division by zero.
//! let parts = allocate(Money::from_fen(1), &[("x", Decimal::ZERO), ("y", one)])?;
//! assert_eq!(parts, [("x", Money::ZERO), ("y", Money::from_fen(1))]);
//! assert!(allocate(Money::from_fen(1), &[("x", Decimal::ZERO)]).is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt::Display;

use rust_decimal::Decimal;
use tousu_model::Money;

use crate::PenaltyError;

/// Splits `amount` among the parties in proportion to their shares, exact to
/// the fen by largest remainder; the result is sorted by party id.
///
/// Errors (paths under `shares`): an empty list, a negative share, all shares
/// zero, a party listed twice, or weights too large or too precise to multiply
/// exactly in 128 bits (an overflow). Never panics.
pub fn allocate<K>(amount: Money, shares: &[(K, Decimal)]) -> Result<Vec<(K, Money)>, PenaltyError>
where
    K: Ord + Clone + Display,
{
    allocate_rel(amount, shares).map_err(|e| e.at("shares"))
}

/// As [`allocate`], with error paths relative to the list (`""`, `"[2]"`).
pub(crate) fn allocate_rel<K>(
    amount: Money,
    shares: &[(K, Decimal)],
) -> Result<Vec<(K, Money)>, PenaltyError>
where
    K: Ord + Clone + Display,
{
    if shares.is_empty() {
        return Err(PenaltyError::EmptyShares {
            path: String::new(),
        });
    }
    for (i, (k, w)) in shares.iter().enumerate() {
        if w.is_sign_negative() && !w.is_zero() {
            return Err(PenaltyError::NegativeShare {
                path: format!("[{i}]"),
                party: k.to_string(),
                share: w.to_string(),
            });
        }
    }
    let mut items: Vec<(&K, Decimal)> = shares.iter().map(|(k, w)| (k, w.normalize())).collect();
    items.sort_by(|a, b| a.0.cmp(b.0));
    for pair in items.windows(2) {
        if let [a, b] = pair
            && a.0 == b.0
        {
            return Err(PenaltyError::DuplicateParty {
                path: String::new(),
                party: a.0.to_string(),
            });
        }
    }
    let overflow = |operation: &str| PenaltyError::Overflow {
        path: String::new(),
        operation: operation.to_owned(),
    };

    // Whole-number weights: scale every weight to the largest scale.
    let scale = items.iter().map(|(_, w)| w.scale()).max().unwrap_or(0);
    let mut weights: Vec<u128> = Vec::with_capacity(items.len());
    for (_, w) in &items {
        let factor = 10u128
            .checked_pow(scale - w.scale())
            .ok_or_else(|| overflow("scaling the shares"))?;
        let m = u128::try_from(w.mantissa()).map_err(|_| overflow("scaling the shares"))?;
        weights.push(
            m.checked_mul(factor)
                .ok_or_else(|| overflow("scaling the shares"))?,
        );
    }
    let g = weights.iter().fold(0u128, |g, &w| gcd(g, w));
    if g == 0 {
        return Err(PenaltyError::AllZeroShares {
            path: String::new(),
        });
    }
    for w in &mut weights {
        *w /= g;
    }
    let total = weights
        .iter()
        .try_fold(0u128, |t, &w| t.checked_add(w))
        .ok_or_else(|| overflow("adding the shares"))?;

    let parts = largest_remainder(amount, &weights, total)
        .ok_or_else(|| overflow("multiplying the amount by a share"))?;
    Ok(items
        .iter()
        .zip(parts)
        .map(|((k, _), part)| ((*k).clone(), part))
        .collect())
}

/// The integer core of every split: `amount` divided in proportion to
/// whole-number `weights` (their sum `total`, not zero), exactly to the fen
/// by largest remainder, in the order of `weights`; the fen left over go to
/// the largest remainders, ties to the earlier weight. A negative amount is
/// split as its magnitude and every part negated. `None` when a product
/// `|amount| × weight` overflows 128 bits (or `total` is zero).
///
/// Dividing the weights by a common factor changes neither the quotients
/// nor the order of the remainders, so callers need not reduce them.
pub(crate) fn largest_remainder(
    amount: Money,
    weights: &[u128],
    total: u128,
) -> Option<Vec<Money>> {
    let mut quotients = vec![0u64; weights.len()];
    remainders_into(amount, weights, total, &mut quotients)?;
    let negative = amount.is_negative();
    // Same size and alignment: collected in place, without a new allocation.
    quotients.into_iter().map(|q| fen(q, negative)).collect()
}

/// A part's magnitude as money, negated for a negative amount; each part is
/// at most the magnitude of an i64, so it fits in a u64.
fn fen(q: u64, negative: bool) -> Option<Money> {
    let signed = i128::from(q);
    let signed = if negative { -signed } else { signed };
    Some(Money::from_fen(i64::try_from(signed).ok()?))
}

/// The magnitudes of [`largest_remainder`]'s parts, written into
/// `quotients` (as long as `weights`).
fn remainders_into(
    amount: Money,
    weights: &[u128],
    total: u128,
    quotients: &mut [u64],
) -> Option<()> {
    if total == 0 || quotients.len() != weights.len() {
        return None;
    }
    let magnitude = u128::from(amount.fen().unsigned_abs());
    // Each part's key for the leftover fen: larger remainder first, then
    // earlier position, a key no two parts share. Where the total fits in
    // 32 bits and the parts are few (a team's split) it is one `u64` on the
    // stack, `(u32::MAX − remainder) << 32 | position`, which selects several
    // times faster than a `(u128, usize)` pair in a new vector.
    let narrow = total <= u128::from(u32::MAX) && weights.len() <= NARROW_PARTS;
    let mut narrow_keys = [0u64; NARROW_PARTS];
    let mut wide_keys: Vec<(std::cmp::Reverse<u128>, usize)> = Vec::new();
    if !narrow {
        wide_keys.reserve_exact(weights.len());
    }
    let mut given: u128 = 0;
    for (k, (&w, quotient)) in weights.iter().zip(quotients.iter_mut()).enumerate() {
        let product = magnitude.checked_mul(w)?;
        // 64-bit division when it fits: the common case, and much cheaper.
        let (q, r) = match (u64::try_from(product), u64::try_from(total)) {
            (Ok(p), Ok(t)) => (u128::from(p / t), u128::from(p % t)),
            _ => (product / total, product % total),
        };
        given = given.checked_add(q)?;
        *quotient = u64::try_from(q).ok()?;
        if narrow {
            let key =
                (u64::from(u32::MAX - u32::try_from(r).ok()?) << 32) | u64::try_from(k).ok()?;
            *narrow_keys.get_mut(k)? = key;
        } else {
            wide_keys.push((std::cmp::Reverse(r), k));
        }
    }
    let left = usize::try_from(magnitude.checked_sub(given)?).ok()?;
    // Fewer fen are left than there are parts; the keys are distinct, so
    // selecting the `left` smallest keys is as deterministic as sorting.
    let n = weights.len();
    if narrow {
        let keys = narrow_keys.get_mut(..n)?;
        if left > 0 && left < n {
            keys.select_nth_unstable(left - 1);
        }
        for &key in keys.iter().take(left) {
            let q = quotients.get_mut(usize::try_from(key & u64::from(u32::MAX)).ok()?)?;
            *q = q.checked_add(1)?;
        }
    } else {
        if left > 0 && left < n {
            wide_keys.select_nth_unstable(left - 1);
        }
        for &(_, k) in wide_keys.iter().take(left) {
            let q = quotients.get_mut(k)?;
            *q = q.checked_add(1)?;
        }
    }
    Some(())
}

/// The most parties [`allocate_few`] splits among.
pub(crate) const FEW: usize = 8;

/// What [`allocate_few`] gives: each party's index in the list it was
/// given and its part, sorted by party, on the stack.
pub(crate) struct FewParts {
    parts: [(usize, Money); FEW],
    len: usize,
}

impl FewParts {
    /// (index in the list given, part), sorted by party.
    pub(crate) fn as_slice(&self) -> &[(usize, Money)] {
        self.parts.get(..self.len).unwrap_or_default()
    }
}

/// [`allocate_rel`] for at most [`FEW`] parties, without a `Decimal`
/// operation or a heap allocation: a loss borne by two people (60/40) is
/// the common case. The shares are made whole numbers by scaling each
/// mantissa to the largest scale (not normalized first: that only divides
/// every weight by a common power of ten, which changes neither a quotient
/// nor the order of the remainders), in 64 bits.
///
/// `None` whenever this shortcut does not apply — more than [`FEW`]
/// parties, none, a negative share, all shares zero, a party listed twice,
/// a weight or their sum beyond 64 bits; the caller then asks
/// [`allocate_rel`], which splits the same amount the same way or reports
/// the error. Otherwise the parts are exactly [`allocate_rel`]'s (a
/// proptest checks it).
pub(crate) fn allocate_few<'a, T, K: Ord>(
    amount: Money,
    items: &'a [T],
    party: impl Fn(&'a T) -> K,
    share: impl Fn(&'a T) -> Decimal,
) -> Option<FewParts> {
    let n = items.len();
    if n == 0 || n > FEW {
        return None;
    }
    // The parties' order (insertion sort of their indexes: a handful).
    let mut order = [0usize; FEW];
    for (k, slot) in order.iter_mut().enumerate() {
        *slot = k;
    }
    let order = order.get_mut(..n)?;
    for k in 1..n {
        let mut j = k;
        while j > 0 {
            let (a, b) = (*order.get(j - 1)?, *order.get(j)?);
            match party(items.get(a)?).cmp(&party(items.get(b)?)) {
                std::cmp::Ordering::Less => break,
                std::cmp::Ordering::Equal => return None,
                std::cmp::Ordering::Greater => order.swap(j - 1, j),
            }
            j -= 1;
        }
    }
    let mut scale = 0;
    for item in items {
        let w = share(item);
        if w.is_sign_negative() && !w.is_zero() {
            return None;
        }
        scale = scale.max(w.scale());
    }
    let mut weights = [0u128; FEW];
    let mut total: u64 = 0;
    for (slot, &k) in weights.iter_mut().zip(order.iter()) {
        let w = share(items.get(k)?);
        let factor = 10u64.checked_pow(scale - w.scale())?;
        let w = u64::try_from(w.mantissa()).ok()?.checked_mul(factor)?;
        total = total.checked_add(w)?;
        *slot = u128::from(w);
    }
    if total == 0 {
        return None;
    }
    let mut quotients = [0u64; FEW];
    let quotients = quotients.get_mut(..n)?;
    remainders_into(amount, weights.get(..n)?, u128::from(total), quotients)?;
    let negative = amount.is_negative();
    let mut parts = [(0usize, Money::ZERO); FEW];
    for ((slot, &k), &q) in parts.iter_mut().zip(order.iter()).zip(quotients.iter()) {
        *slot = (k, fen(q, negative)?);
    }
    Some(FewParts { parts, len: n })
}

/// The most parts whose leftover-fen keys [`largest_remainder`] packs on the
/// stack.
const NARROW_PARTS: usize = 64;

fn gcd(mut a: u128, mut b: u128) -> u128 {
    // In 64 bits where both fit (shares and base points always do): a
    // 128-bit remainder is a library call, several times slower.
    if let (Ok(mut x), Ok(mut y)) = (u64::try_from(a), u64::try_from(b)) {
        while y != 0 {
            (x, y) = (y, x % y);
        }
        return u128::from(x);
    }
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn thirds() {
        let p = allocate(
            Money::from_fen(10_000),
            &[("a", d("1")), ("b", d("1")), ("c", d("1"))],
        )
        .unwrap();
        let fen: Vec<i64> = p.iter().map(|(_, m)| m.fen()).collect();
        assert_eq!(fen, [3334, 3333, 3333]);
    }

    #[test]
    fn the_core_ignores_a_common_factor_and_refuses_overflow() {
        let fen = |v: Vec<Money>| v.iter().map(|m| m.fen()).collect::<Vec<_>>();
        let reduced = largest_remainder(Money::from_fen(1001), &[2, 3, 5], 10).unwrap();
        let scaled = largest_remainder(Money::from_fen(1001), &[14, 21, 35], 70).unwrap();
        assert_eq!(fen(reduced), [200, 300, 501]);
        assert_eq!(fen(scaled), [200, 300, 501]);
        assert_eq!(
            fen(largest_remainder(Money::from_fen(-2), &[1, 1, 1], 3).unwrap()),
            [-1, -1, 0]
        );
        assert!(largest_remainder(Money::MAX, &[u128::MAX, 1], u128::MAX).is_none());
        assert!(largest_remainder(Money::from_fen(1), &[0], 0).is_none());
    }

    proptest::proptest! {
        /// The leftover fen go to the same parts whether the keys are packed
        /// (a total within 32 bits, at most 64 parts) or not: the weights
        /// scaled by 2^33 take the wide path and must give the same parts.
        #[test]
        fn packed_and_wide_keys_pick_the_same_parts(
            fen in proptest::num::i64::ANY,
            weights in proptest::collection::vec(0u128..1_000, 1..80),
        ) {
            let total: u128 = weights.iter().sum();
            proptest::prop_assume!(total > 0);
            let amount = Money::from_fen(fen);
            let scaled: Vec<u128> = weights.iter().map(|w| w << 33).collect();
            let narrow = largest_remainder(amount, &weights, total).unwrap();
            let wide = largest_remainder(amount, &scaled, total << 33).unwrap();
            proptest::prop_assert_eq!(&narrow, &wide);
            let sum: i128 = narrow.iter().map(|m| i128::from(m.fen())).sum();
            proptest::prop_assert_eq!(sum, i128::from(fen));
        }
    }

    proptest::proptest! {
        /// The stack split of a few parties gives exactly the decimal
        /// split's parts, party by party, and declines (`None`) whatever
        /// the decimal split refuses: a party listed twice, a negative
        /// share, all shares zero. Shares of mixed scales, zeros and
        /// repeated parties are drawn on purpose.
        #[test]
        fn the_few_split_is_the_decimal_split(
            fen in proptest::num::i64::ANY,
            shares in proptest::collection::vec(
                (0u8..12, -3i64..2_000_000, 0u32..6), 1..=FEW + 1),
        ) {
            let shares: Vec<(u8, Decimal)> = shares
                .into_iter()
                .map(|(party, m, scale)| (party, Decimal::new(m, scale)))
                .collect();
            let amount = Money::from_fen(fen);
            let few = allocate_few(amount, &shares, |s| s.0, |s| s.1);
            let decimal = allocate_rel(amount, &shares);
            match (&few, &decimal) {
                (Some(few), Ok(parts)) => {
                    let few: Vec<(u8, Money)> = few
                        .as_slice()
                        .iter()
                        .map(|&(k, m)| (shares[k].0, m))
                        .collect();
                    proptest::prop_assert_eq!(&few, parts);
                }
                (Some(_), Err(e)) => proptest::prop_assert!(false, "few split where {e:?}"),
                (None, Ok(_)) => {
                    // Declined only beyond FEW parties (the weights here fit).
                    proptest::prop_assert!(shares.len() > FEW);
                }
                (None, Err(_)) => {}
            }
        }
    }

    #[test]
    fn the_few_split_takes_whole_and_fractional_shares() {
        let fen = |f: &FewParts| {
            f.as_slice()
                .iter()
                .map(|&(k, m)| (k, m.fen()))
                .collect::<Vec<_>>()
        };
        let shares = [("b", d("40")), ("a", d("60"))];
        let few = allocate_few(Money::from_fen(10_001), &shares, |s| s.0, |s| s.1).unwrap();
        assert_eq!(fen(&few), [(1, 6001), (0, 4000)]);
        let shares = [("a", d("0.5")), ("b", d("0.25")), ("c", d("1"))];
        let few = allocate_few(Money::from_fen(-7), &shares, |s| s.0, |s| s.1).unwrap();
        assert_eq!(fen(&few), [(0, -2), (1, -1), (2, -4)]);
        assert!(
            allocate_few(
                Money::from_fen(1),
                &[("a", d("1")), ("a", d("1"))],
                |s| s.0,
                |s| s.1
            )
            .is_none()
        );
        assert!(allocate_few(Money::from_fen(1), &[("a", d("0"))], |s| s.0, |s| s.1).is_none());
        assert!(
            allocate_few(
                Money::from_fen(1),
                &[("a", d("-1")), ("b", d("2"))],
                |s| s.0,
                |s| s.1
            )
            .is_none()
        );
    }

    #[test]
    fn negative_is_mirror() {
        let p = allocate(
            Money::from_fen(-10_000),
            &[("a", d("1")), ("b", d("1")), ("c", d("1"))],
        )
        .unwrap();
        let fen: Vec<i64> = p.iter().map(|(_, m)| m.fen()).collect();
        assert_eq!(fen, [-3334, -3333, -3333]);
    }

    #[test]
    fn extremes_do_not_panic() {
        let p = allocate(Money::from_fen(i64::MIN), &[("a", d("1")), ("b", d("1"))]).unwrap();
        assert_eq!(p[0].1.fen() + p[1].1.fen(), i64::MIN);
        let p = allocate(
            Money::MAX,
            &[("a", d("0.0000000000000000000000000001")), ("b", d("1"))],
        );
        assert!(matches!(p, Err(PenaltyError::Overflow { .. })), "{p:?}");
    }

    #[test]
    fn errors_have_paths() {
        let e = allocate(Money::from_fen(1), &[("a", d("1")), ("b", d("-1"))]).unwrap_err();
        assert_eq!(
            e,
            PenaltyError::NegativeShare {
                path: "shares[1]".into(),
                party: "b".into(),
                share: "-1".into()
            }
        );
        let e = allocate(Money::from_fen(1), &[("a", d("1")), ("a", d("2"))]).unwrap_err();
        assert!(matches!(e, PenaltyError::DuplicateParty { .. }));
        let e = allocate::<&str>(Money::from_fen(1), &[]).unwrap_err();
        assert_eq!(
            e,
            PenaltyError::EmptyShares {
                path: "shares".into()
            }
        );
    }
}
