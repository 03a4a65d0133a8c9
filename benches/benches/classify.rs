//! `Policy::classify` on a 10-row classification table (first match wins),
//! the table `benches/python/classify_table.json` gives zen-engine
//! (`benches/python/compare.py` times that one).
//!
//! `cargo bench -p tousu-benches --bench classify -- --warm-up-time 1 --measurement-time 3`
use std::hint::black_box;

use chrono::{TimeZone, Utc};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use tousu_model::{Channel, Complainant, Complaint, ComplaintFlags, CustomerClass};
use tousu_policy::{EvalInput, Policy};

const TABLE: &str = r#"
[classification]
default = "unsatisfied"

[[classification.rules]]
id = "injury-or-safety"
when = { injury_or_safety = true }
level = "crisis"

[[classification.rules]]
id = "media-exposure"
when = { media_exposure = true }
level = "major"

[[classification.rules]]
id = "collective"
when = { collective_at_least = 5 }
level = "major"

[[classification.rules]]
id = "repeated"
when = { repeat_count_at_least = 2 }
level = "major"

[[classification.rules]]
id = "litigation"
when = { in_litigation = true }
level = "major"

[[classification.rules]]
id = "key-account"
when = { customer_class = ["key_account"] }
level = "very_unsatisfied"

[[classification.rules]]
id = "written"
when = { channel = ["letter", "media"] }
level = "very_unsatisfied"

[[classification.rules]]
id = "second-time"
when = { repeat_count_at_least = 1 }
level = "very_unsatisfied"

[[classification.rules]]
id = "several"
when = { collective_at_least = 2 }
level = "very_unsatisfied"

[[classification.rules]]
id = "anonymous"
when = { anonymous = true }
level = "unsatisfied"
"#;

/// The default policy with its classification replaced by `TABLE`.
fn policy() -> Policy {
    let text = tousu_policy::DEFAULT_POLICY_TOML;
    let start = text.find("[classification]").unwrap();
    let end = text.find("[acceptance]").unwrap();
    // Keep the comment block before `[acceptance]` out of the cut.
    let end = text[..end].rfind("\n# ----").unwrap_or(end);
    let replaced = format!("{}{TABLE}{}", &text[..start], &text[end..]);
    Policy::from_toml_str(&replaced).unwrap()
}

fn classify(c: &mut Criterion) {
    let policy = policy();
    let at = Utc.with_ymd_and_hms(2025, 10, 9, 1, 0, 0).unwrap();
    let injury = ComplaintFlags {
        injury_or_safety: true,
        ..ComplaintFlags::default()
    };
    // The inputs of compare.py, with tousu's answers: the first row, the
    // ninth, and none (the default).
    let named = || {
        Complaint::builder(at, Channel::Phone, "热水器漏水")
            .complainant(Complainant::person("王先生").unwrap())
            .customer_class(CustomerClass::A)
    };
    let inputs = [
        (
            "first row",
            named().flags(injury),
            "crisis",
            Some("injury-or-safety"),
        ),
        (
            "ninth row",
            named().collective_count(3),
            "very_unsatisfied",
            Some("several"),
        ),
        ("no row", named(), "unsatisfied", None),
    ]
    .map(|(name, b, level, rule)| (name, b.build().unwrap(), level, rule));
    let mut group = c.benchmark_group("classify 10 rows");
    for (name, complaint, level, rule) in &inputs {
        let input = EvalInput::new(complaint, at);
        let decision = policy.classify(&input);
        assert_eq!(decision.outcome.as_str(), *level, "{name}");
        assert_eq!(
            decision.rule_id.as_ref().map(|r| r.as_str()),
            *rule,
            "{name}"
        );
        group.bench_with_input(BenchmarkId::new("tousu", name), &input, |b, input| {
            b.iter(|| policy.classify(black_box(input)));
        });
    }
    group.finish();
}

criterion_group!(benches, classify);
criterion_main!(benches);
