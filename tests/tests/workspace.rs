//! Cross-crate checks of the workspace as a whole.

/// The facade re-exports the model under `tousu::model`, so an integrator
/// needs one dependency.
#[test]
fn facade_reexports_model() {
    let m: tousu::model::Money = "12.5".parse().unwrap();
    assert_eq!(m.to_string(), "¥12.50");
}

/// Every relative path README.md and docs/*.md mention exists: link
/// targets, and code spans that name a file or folder of the repository
/// (`examples/examples/embed_in_crm.rs`). A moved file must not leave a
/// reader at a dead end.
#[test]
fn paths_in_readme_and_docs_exist() {
    use pulldown_cmark::{Event, Parser, Tag};
    use std::path::Path;

    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace root");
    // What a path in a code span may start with: the repository's own
    // top-level entries (not `target/`, which a build makes).
    let top: std::collections::BTreeSet<String> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "target")
        .collect();
    let mut docs = vec![root.join("README.md")];
    for entry in std::fs::read_dir(root.join("docs")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            docs.push(path);
        }
    }
    let mut checked = 0;
    let mut missing = Vec::new();
    for doc in &docs {
        let text = std::fs::read_to_string(doc).unwrap();
        let base = doc.parent().unwrap();
        for event in Parser::new(&text) {
            let (mentioned, relative_to_doc) = match event {
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                    let url = dest_url.split('#').next().unwrap_or("").to_owned();
                    if url.is_empty() || url.contains(':') {
                        continue; // an anchor, a web address, mailto:
                    }
                    (url, true)
                }
                Event::Code(code) => {
                    let code = code.trim_end_matches('/');
                    let first = code.split('/').next().unwrap_or("");
                    let path_like = code.contains('/')
                        && top.contains(first)
                        && !code.contains(|c: char| c.is_whitespace() || "*<>{}|…".contains(c));
                    if !path_like {
                        continue;
                    }
                    (code.to_owned(), false)
                }
                _ => continue,
            };
            checked += 1;
            let exists = if relative_to_doc {
                base.join(&mentioned).exists()
            } else {
                root.join(&mentioned).exists() || base.join(&mentioned).exists()
            };
            if !exists {
                missing.push(format!(
                    "{}: {mentioned}",
                    doc.strip_prefix(root).unwrap().display()
                ));
            }
        }
    }
    assert!(
        checked > 20,
        "only {checked} paths found: is the parser reading the docs?"
    );
    assert!(
        missing.is_empty(),
        "paths that do not exist:\n{}",
        missing.join("\n")
    );
}

/// Every scenario test the documentation, the policy files and the tests'
/// own comments name as `sNN::test_name` or `duties::test_name` (in a code
/// span or not) exists in
/// that module of the seeds' tests (`tests/tests/seeds/sNN.rs`): a row that
/// claims a test which was renamed or never written claims more than the
/// repository holds.
#[test]
fn scenario_tests_named_in_docs_exist() {
    use std::path::Path;

    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace root");
    let mut files = vec![root.join("README.md")];
    for dir in ["docs", "docs/seeds", "policies", "tests/tests/seeds"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path
                .extension()
                .is_some_and(|e| e == "md" || e == "toml" || e == "rs")
            {
                files.push(path);
            }
        }
    }
    let mut modules: std::collections::BTreeMap<String, String> = Default::default();
    let mut checked = 0;
    let mut missing = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (at, _) in text.match_indices("::") {
            let word = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_';
            let before = &text[..at];
            let module = &before[before.trim_end_matches(word).len()..];
            let after = &text[at + 2..];
            let test = &after[..after.len() - after.trim_start_matches(word).len()];
            let is_seed_module = module == "duties"
                || (module.len() == 3
                    && module.starts_with('s')
                    && module[1..].bytes().all(|b| b.is_ascii_digit()));
            // `sNN::` alone or a path into a module (`s04::helpers::x`) is not a test.
            if !is_seed_module || test.is_empty() || after[test.len()..].starts_with("::") {
                continue;
            }
            let source = modules.entry(module.to_owned()).or_insert_with(|| {
                std::fs::read_to_string(root.join(format!("tests/tests/seeds/{module}.rs")))
                    .unwrap_or_default()
            });
            checked += 1;
            let defined = source.match_indices(&format!("fn {test}")).any(|(at, m)| {
                source[at + m.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c == '(' || c == '<')
            });
            if !defined {
                missing.push(format!(
                    "{}: {module}::{test}",
                    file.strip_prefix(root).unwrap().display()
                ));
            }
        }
    }
    assert!(
        checked > 500,
        "only {checked} test names found: is the scan reading the docs?"
    );
    assert!(
        missing.is_empty(),
        "tests named that do not exist:\n{}",
        missing.join("\n")
    );
}

/// Every row of a seed's rule table (`docs/seeds/SNN.md`) quotes the clause
/// it comes from or says why there is none (the second column is never
/// empty), and a row whose status says "tested" names the scenario test
/// (`sNN::…` or `duties::…`) that asserts it: issue 13 asks for each rule
/// "the clause quoted, how it is encoded, and its status", and a claim of a
/// test is only as good as the test it names.
#[test]
fn seed_tables_quote_a_clause_and_name_their_tests() {
    use std::path::Path;

    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace root");
    let mut rows = 0;
    let mut missing = Vec::new();
    let mut tables: Vec<_> = std::fs::read_dir(root.join("docs/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('S') && n.ends_with(".md"))
        })
        .collect();
    tables.sort();
    for table in &tables {
        let name = table.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(table).unwrap();
        let mut header_seen = false;
        for (n, line) in text.lines().enumerate() {
            if !line.starts_with("| ") {
                continue;
            }
            // The first row of each table is its header, the second its rule.
            if line.starts_with("| rule |") || line.starts_with("| # |") {
                header_seen = true;
                continue;
            }
            if !header_seen || line.starts_with("|---") {
                continue;
            }
            let cols: Vec<&str> = line.split(" | ").collect();
            if cols.len() < 4 {
                continue;
            }
            rows += 1;
            if cols[1].trim().is_empty() {
                missing.push(format!("{name}:{}: no clause: {}", n + 1, cols[0]));
            }
            let status = cols[cols.len() - 1];
            let names_a_test = line.contains("duties::")
                || line.match_indices("::").any(|(at, _)| {
                    let before = &line[..at];
                    before.len() >= 3 && {
                        let m = &before[before.len() - 3..];
                        m.starts_with('s') && m[1..].bytes().all(|b| b.is_ascii_digit())
                    }
                });
            if status.contains("tested") && !names_a_test {
                missing.push(format!(
                    "{name}:{}: says tested, names no test: {}",
                    n + 1,
                    cols[0]
                ));
            }
        }
    }
    assert!(
        rows > 500,
        "only {rows} rows found: is the scan reading the tables?"
    );
    assert!(
        missing.is_empty(),
        "rows that fall short:\n{}",
        missing.join("\n")
    );
}
