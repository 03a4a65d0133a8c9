//! Every file in `policies/`: it loads and validates with no errors, its
//! invariant-checker findings are snapshotted (one snapshot per file), and
//! it is listed in `docs/seed-coverage.md`.

mod support;

use tousu_policy::{Policy, check_invariants};

fn policy_files() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(support::repo("policies"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_policy_checks_clean() {
    let files = policy_files();
    assert!(
        files.len() > 30,
        "expected the seed policies, found {}",
        files.len()
    );
    for path in &files {
        let policy = Policy::load(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let report = policy.check();
        assert!(
            report.errors.is_empty(),
            "{}: {:#?}",
            path.display(),
            report.errors
        );
    }
}

#[test]
fn invariant_findings_per_policy() {
    for path in policy_files() {
        let policy = Policy::load(&path).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let findings: Vec<String> = check_invariants(&policy)
            .iter()
            .map(ToString::to_string)
            .collect();
        let text = if findings.is_empty() {
            "(no findings)".to_owned()
        } else {
            findings.join("\n")
        };
        insta::assert_snapshot!(format!("invariants_{name}"), text);
    }
}

#[test]
fn every_policy_is_in_the_coverage_table() {
    let coverage = std::fs::read_to_string(support::repo("docs/seed-coverage.md")).unwrap();
    for path in policy_files() {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            coverage.contains(&file),
            "{file} is not listed in docs/seed-coverage.md"
        );
    }
}
