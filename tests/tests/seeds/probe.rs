//! The act probe (fourteenth session): acts of department `db`'s staff on a
//! case department `da` holds. `PROBE=s37,s34 cargo test -p tousu-tests
//! --test seeds act_probe_print -- --ignored --nocapture` prints every act
//! taken, to be read against the source; the tests below keep S37's finding
//! and the probe's reach (fifteenth session: a complaint built from what
//! each policy requires, up to the assigned stage in every file).
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

/// The files whose case the probe cannot take to the assigned stage
/// though a role may assign or transfer, and why the policy stops it.
const SHORT_OF_ASSIGNED: &[(&str, &str)] = &[];

/// The probe takes a case to the assigned stage under every policy file
/// where a role may assign or transfer, but those listed with a reason in
/// `SHORT_OF_ASSIGNED`: a file whose reach is lost, or a listed one the
/// probe now reaches, fails.
#[test]
fn act_probe_reaches_the_assigned_stage() {
    let mut names: Vec<String> = std::fs::read_dir(repo("policies"))
        .unwrap()
        .map(|f| f.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let mut wrong = Vec::new();
    for file in names {
        let p = policy(&file);
        let hands_on = p.roles.iter().any(|r| {
            r.may_sometimes(tousu_policy::Action::Assign)
                || r.may_sometimes(tousu_policy::Action::Transfer)
        });
        if !hands_on {
            continue;
        }
        let short = probe_reach(&file).short_of_assigned;
        let listed = SHORT_OF_ASSIGNED.iter().any(|(f, _)| *f == file);
        match short {
            Some(why) if !listed => wrong.push(format!("{file}: not assigned: {why}")),
            None if listed => wrong.push(format!("{file}: assigned, yet listed")),
            _ => {}
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
