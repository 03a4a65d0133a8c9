//! Penalty statements for 10,000 staff and 100,000 cases: the month-end run
//! of a large organization (overtime breaches, violations, losses split by
//! shares and base points, sanctions, the count ladder, carried instalments).
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rust_decimal::Decimal;
use tousu_benches::month_end::{STAFF, facts, roster, schedule};
use tousu_model::{Money, StaffId};
use tousu_penalty::{allocate, compute_statements};

/// FNV-1a, 64 bits: a stable hash of the output (the same on every
/// toolchain, unlike `DefaultHasher`).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn penalty(c: &mut Criterion) {
    let schedule = schedule();
    let roster = roster();
    let (facts, carry) = facts();
    let started = std::time::Instant::now();
    let r = compute_statements(&schedule, &roster, &facts, Some(&carry)).unwrap();
    let computed = started.elapsed();
    // The whole output, hashed: the proof that a change to the output
    // representation leaves every byte of Markdown and JSON as it was.
    let markdown = tousu_penalty::render_markdown(&r);
    let json = serde_json::to_string(&r).unwrap();
    eprintln!(
        "penalty bench output: Markdown {} bytes, hash {:016x}; JSON {} bytes, hash {:016x}",
        markdown.len(),
        fnv1a(markdown.as_bytes()),
        json.len(),
        fnv1a(json.as_bytes())
    );
    // Recorded from the implementation before the output representation
    // changed (docs/performance-history.md, "Penalty statements"): every change
    // since has to leave both as they are.
    assert_eq!(
        (fnv1a(markdown.as_bytes()), fnv1a(json.as_bytes())),
        (0x3f4c_b4f4_66e6_950a, 0xa478_8219_e8b5_f36b),
        "the penalty bench's Markdown or JSON changed"
    );
    drop((markdown, json));
    let (statements, lines) = (r.statements.len(), r.summary.lines);
    let started = std::time::Instant::now();
    drop(r);
    let dropped = started.elapsed();
    eprintln!("penalty bench one cold run: compute {computed:?}, drop {dropped:?}");
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
    // What a month-end run pays: computing the result and dropping it.
    g.bench_function("statements+drop 10k staff 100k cases", |b| {
        b.iter(|| {
            let r = compute_statements(
                black_box(&schedule),
                black_box(&roster),
                black_box(&facts),
                Some(&carry),
            )
            .unwrap();
            black_box(&r);
            drop(r);
        });
    });
    // The computation alone, the result dropped outside the timing.
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
