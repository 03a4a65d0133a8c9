//! Complaint numbers: format and parse round-trip under any valid pattern.

use proptest::prelude::*;
use tousu_model::{ComplaintNoParts, ComplaintNoPattern, strategies as s};

proptest! {
    #[test]
    fn format_parse_round_trip(pattern in s::complaint_no_pattern(), year in 2000i32..2100, month in 1u32..=12, seq in 1u32..1_000_000) {
        let parts = ComplaintNoParts { year, month, seq };
        match pattern.format(parts) {
            Ok(no) => prop_assert_eq!(pattern.parse(no.as_str()).unwrap(), parts),
            // Only a sequence too wide for the pattern may fail.
            Err(_) => prop_assert!(seq > pattern.max_seq()),
        }
    }

    /// Numbers sort by month, then sequence: the ledger order.
    #[test]
    fn numbers_sort_in_ledger_order(a in 1u32..10_000, b in 1u32..10_000, m1 in 1u32..=12, m2 in 1u32..=12) {
        let p = ComplaintNoPattern::default();
        let x = p.format(ComplaintNoParts { year: 2025, month: m1, seq: a }).unwrap();
        let y = p.format(ComplaintNoParts { year: 2025, month: m2, seq: b }).unwrap();
        prop_assert_eq!(x.cmp(&y), (m1, a).cmp(&(m2, b)));
    }
}

#[test]
fn s40_pattern() {
    let p: ComplaintNoPattern = "{yy}{mm}{seq:02}".parse().unwrap();
    let no = p
        .format(ComplaintNoParts {
            year: 2026,
            month: 1,
            seq: 99,
        })
        .unwrap();
    assert_eq!(no.as_str(), "260199");
    assert_eq!(p.max_seq(), 99);
    assert!(
        p.format(ComplaintNoParts {
            year: 2026,
            month: 1,
            seq: 100
        })
        .is_err()
    );
    assert!(p.parse("2601xx").is_err());
    assert!(p.parse("261399").is_err(), "month 13");
}
