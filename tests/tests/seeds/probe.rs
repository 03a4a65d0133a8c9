//! The act probe (fourteenth session): acts of department `db`'s staff on a
//! case department `da` holds. `PROBE=s37,s34 cargo test -p tousu-tests
//! --test seeds act_probe_print -- --ignored --nocapture` prints every act
//! taken, to be read against the source; the tests below keep S37's finding
//! and the probe's reach (fifteenth session: a complaint built from what
//! each policy requires, up to the assigned stage in every file).
use super::*;

/// Prints the probe for the policy files whose names contain one of
/// `PROBE`'s comma-separated words (all when unset): the case with no
/// first responder (`act_probe`), then the case `da` received
/// (`act_probe_received`, its stages `received/…`).
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
        for line in act_probe(&file)
            .into_iter()
            .chain(act_probe_received(&file))
        {
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

/// The lines of `taken` at stages starting with `stage` where `actor`
/// takes one of `acts`.
fn acts_at<'t>(taken: &'t [String], stage: &str, actor: &str, acts: &[&str]) -> Vec<&'t String> {
    taken
        .iter()
        .filter(|l| l.starts_with(stage))
        .filter(|l| acts.iter().any(|a| l.ends_with(&format!(": {actor} {a}"))))
        .collect()
}

/// The probe of a case `da` received reaches the stages before a hand-over,
/// the assignment and the take-over, saying at each what `db` takes.
fn received_stages(taken: &[String]) -> Vec<&str> {
    let mut stages: Vec<&str> = taken
        .iter()
        .filter_map(|l| l.strip_prefix("received/"))
        .filter_map(|l| l.split(['(', ':']).next())
        .collect();
    stages.dedup();
    stages
}

/// S37: with no first responder recorded, `holds_case = "received"`
/// (ruling 151) reads as `true`, so another section's first receiver seems
/// to accept and hand on a case `da` received; with `da`'s first responder
/// recorded (`act_probe_received`) he takes none of them, before the
/// hand-over or after it.
#[test]
fn act_probe_received_reads_received_grants_on_a_case_da_took_in() {
    let acts = ["accept", "classify(general)", "reply", "close", "withdraw"];
    let plain = act_probe("industrial-park-s37.toml");
    assert!(
        !acts_at(&plain, "registered:", "first_receiver-b", &["accept"]).is_empty(),
        "{plain:#?}"
    );
    let received = act_probe_received("industrial-park-s37.toml");
    let wrong = acts_at(&received, "received/", "first_receiver-b", &acts);
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert_eq!(
        received_stages(&received),
        ["registered", "accepted", "assigned", "taken-over"],
        "{received:#?}"
    );
}

/// S42: `holds_case = ["received", "followed"]` (ruling 162) keeps a case
/// with the desk that received it through every hand-over; with no first
/// responder, every desk seems to follow it, so another desk's receptionist
/// answers an assigned case; with `da`'s first responder recorded, he
/// answers, closes or withdraws none, before or after the assignment or a
/// take-over.
#[test]
fn act_probe_received_reads_followed_grants_on_a_case_da_took_in() {
    let acts = ["reply", "close", "withdraw", "callback"];
    let plain = act_probe("property-office-s42.toml");
    assert!(
        !acts_at(&plain, "assigned(", "receptionist-b", &["reply"]).is_empty(),
        "{plain:#?}"
    );
    let received = act_probe_received("property-office-s42.toml");
    let wrong = acts_at(&received, "received/", "receptionist-b", &acts);
    assert!(wrong.is_empty(), "{wrong:#?}");
    let stages = received_stages(&received);
    assert!(
        ["registered", "assigned", "taken-over"]
            .iter()
            .all(|s| stages.contains(s)),
        "{received:#?}"
    );
}
