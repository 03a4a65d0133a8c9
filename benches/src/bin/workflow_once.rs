//! One pass of the workflow over the replay bench's varied population, for
//! counting instructions with callgrind (independent of the machine's load):
//! `replay` replays every case from events deserialized from JSON,
//! `commands` decides every command and evolves its events into the case.
//! Only the named function is counted:
//!
//! ```sh
//! cargo build --release -p tousu-benches --bin workflow_once
//! valgrind --tool=callgrind --collect-atstart=no \
//!     --toggle-collect='*replay_all*' target/release/workflow_once replay
//! valgrind --tool=callgrind --collect-atstart=no \
//!     --toggle-collect='*commands_all*' target/release/workflow_once commands
//! ```
//!
//! A second argument sets the number of cases (20,000 by default), so that
//! a run under callgrind on a busy machine stays short: `workflow_once
//! replay 2000`.
use tousu_benches::Rng;
use tousu_benches::streams::{lifecycle, roster};
use tousu_model::Roster;
use tousu_policy::Policy;
use tousu_workflow::{Case, Command, Event, PolicyRuntime, handle};

/// The cases generated when the command line does not say.
const CASES: usize = 20_000;

/// Replays every stream; the sum of the versions.
#[inline(never)]
fn replay_all(streams: &[Vec<Event>]) -> u64 {
    streams
        .iter()
        .map(|s| Case::replay_events(s).unwrap().version)
        .sum()
}

/// Decides every command of every case and applies its events, through
/// [`handle`] as the engine and the command line do (the case updated in
/// place, not moved through `evolve` per event).
#[inline(never)]
fn commands_all(rt: &PolicyRuntime, roster: &Roster, cases: &[Vec<Command>]) -> u64 {
    let mut versions = 0;
    for commands in cases {
        let mut case: Option<Case> = None;
        for cmd in commands {
            handle(&mut case, cmd, &rt.ctx(roster, cmd.at)).unwrap();
        }
        versions += case.map_or(0, |c| c.version);
    }
    versions
}

fn main() {
    let rt = PolicyRuntime::new(Policy::default_policy().unwrap()).unwrap();
    let roster = roster();
    let mut rng = Rng(17);
    let cases = match std::env::args().nth(2) {
        Some(n) => n.parse().expect("the second argument is a number of cases"),
        None => CASES,
    };
    let (commands, streams): (Vec<Vec<Command>>, Vec<Vec<Event>>) = (0..cases)
        .map(|i| lifecycle(&rt, &roster, &mut rng, i))
        .unzip();
    let events: usize = streams.iter().map(Vec::len).sum();
    match std::env::args().nth(1).as_deref() {
        Some("commands") => {
            let n: usize = commands.iter().map(Vec::len).sum();
            println!(
                "{n} commands, versions {}",
                commands_all(&rt, &roster, &commands)
            );
            // The same decisions as when the streams were made.
            for (commands, stream) in commands.iter().zip(&streams) {
                let mut case = None;
                let events: Vec<Event> = commands
                    .iter()
                    .flat_map(|cmd| handle(&mut case, cmd, &rt.ctx(&roster, cmd.at)).unwrap())
                    .collect();
                assert_eq!(&events, stream);
            }
        }
        _ => {
            let loaded: Vec<Vec<Event>> = streams
                .iter()
                .map(|s| serde_json::from_str(&serde_json::to_string(s).unwrap()).unwrap())
                .collect();
            drop(streams);
            println!("{events} events, versions {}", replay_all(&loaded));
        }
    }
}
