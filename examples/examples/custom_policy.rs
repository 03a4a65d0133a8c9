//! Loads a TOML policy, validates it, and prints the invariant checker's
//! findings — what an author runs while writing their regulation down.
//!
//! `cargo run -p tousu-examples --example custom_policy [FILE.toml]`
//! (default: `policies/default.toml`, plus a deliberately flawed variant).

use tousu::policy::{Policy, check_invariants};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn report(name: &str, text: &str) {
    println!("== {name}");
    match Policy::from_toml_str(text) {
        Err(e) => println!("   does not load:\n{e}\n"),
        Ok(policy) => {
            println!(
                "   {} (version {}), {} levels, {} milestones, {} roles",
                policy.name,
                policy.version,
                policy.levels.len(),
                policy.milestones.len(),
                policy.roles.len()
            );
            for w in policy.warnings() {
                println!("   warning {w}");
            }
            let findings = check_invariants(&policy);
            if findings.is_empty() {
                println!("   invariants: all hold");
            }
            for f in findings {
                println!("   {f}");
            }
            println!();
        }
    }
}

fn main() -> Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| format!("{}/../policies/default.toml", env!("CARGO_MANIFEST_DIR")));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    report(&path, &text);

    // The same policy with three mistakes an author makes: a typo in a time
    // limit, the only 危机事件 rule pointing elsewhere, nobody allowed to close.
    let typo = text.replace("target = \"2 working days\"", "target = \"2 workdays\"");
    report("default with a typo", &typo);
    let unreachable = text.replace("level = \"crisis\"", "level = \"major\"");
    report("default where no rule reaches 危机事件", &unreachable);
    let stuck = text.replace(
        "\"reply\", \"record_callback\", \"close\",",
        "\"reply\", \"record_callback\",",
    );
    report("default where nobody may close", &stuck);
    Ok(())
}
