//! Money parsing, formatting and percentage arithmetic: the inner loop of
//! every penalty statement.
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rust_decimal::Decimal;
use tousu_model::{Money, RoundingMode};

fn money(c: &mut Criterion) {
    c.bench_function("money/parse \"1,234,567.89\"", |b| {
        b.iter(|| black_box("1,234,567.89").parse::<Money>());
    });
    let m = Money::from_fen(123_456_789);
    c.bench_function("money/display", |b| b.iter(|| black_box(m).to_string()));
    let half = Decimal::new(5, 1);
    c.bench_function("money/mul_ratio half_up", |b| {
        b.iter(|| black_box(m).checked_mul_ratio(black_box(half), RoundingMode::HalfUp));
    });
}

criterion_group!(benches, money);
criterion_main!(benches);
