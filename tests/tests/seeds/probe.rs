//! The act probe (fourteenth session): acts of department `db`'s staff on a
//! case department `da` holds. `PROBE=s37,s34 cargo test -p tousu-tests
//! --test seeds act_probe_print -- --ignored --nocapture` prints every act
//! taken, to be read against the source; the test below keeps S37's finding.
use super::*;

/// Prints the probe for the policy files whose names contain one of
/// `PROBE`'s comma-separated words (all when unset).
#[test]
#[ignore = "a reading aid: prints, asserts nothing"]
fn act_probe_print() {
    let only = std::env::var("PROBE").unwrap_or_default();
    let mut names: Vec<String> = std::fs::read_dir(repo("policies"))
        .unwrap()
        .map(|f| f.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != "default.toml")
        .filter(|n| only.is_empty() || only.split(',').any(|o| n.contains(o)))
        .collect();
    names.sort();
    for file in names {
        for line in act_probe(&file) {
            println!("{file} {line}");
        }
    }
}

/// S37: once the first receiver hands a case to a section's 经办人 in `da`,
/// neither another section (`db`) nor a first receiver there answers,
/// closes, withdraws or records its callback (fails on the file before the
/// fourteenth session's act probe).
#[test]
fn act_probe_s37_another_section_leaves_a_sections_case() {
    let taken = act_probe("industrial-park-s37.toml");
    let wrong: Vec<&String> = taken
        .iter()
        .filter(|l| !l.starts_with("registered:") && !l.starts_with("accepted:"))
        .filter(|l| {
            ["reply", "close", "withdraw", "callback"]
                .iter()
                .any(|a| l.ends_with(&format!(" {a}")))
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert!(
        taken.iter().any(|l| l.starts_with("registered:")),
        "the probe reached no stage: {taken:#?}"
    );
}
