//! The workflow decider under the default policy: a whole lifecycle of 13
//! commands (decide + evolve), replay of 1,000,000 events, and `tick` over
//! 1,000,000 open cases (an instant where almost nothing is due, and one
//! where every case breaches). Inputs are built outside the timed sections.
use std::hint::black_box;
use std::sync::OnceLock;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sha2::Digest as _;
use tousu_benches::lifecycle::{beijing, lifecycle, minutes, roster, states};
use tousu_model::{CaseId, CommandId, Roster};
use tousu_policy::Policy;
use tousu_workflow::{Case, Command, Event, PolicyRuntime, decide, handle, register, tick};

const REPLAY_EVENTS: usize = 1_000_000;
const TICK_CASES: usize = 1_000_000;

/// One run of the lifecycle: every command decided and its events applied.
fn run_lifecycle(rt: &PolicyRuntime, roster: &Roster, commands: &[Command]) -> Case {
    let mut case = None;
    for cmd in commands {
        handle(&mut case, cmd, &rt.ctx(roster, cmd.at)).unwrap();
    }
    case.unwrap()
}

fn with_case_id(events: &[Event], id: &CaseId) -> Vec<Event> {
    events
        .iter()
        .map(|e| {
            let mut e = e.clone();
            e.case_id = id.clone();
            e
        })
        .collect()
}

fn bench_lifecycle(c: &mut Criterion) {
    let rt = PolicyRuntime::new(Policy::default_policy().unwrap()).unwrap();
    let roster = roster();
    let (commands, events) = lifecycle(&rt, &roster, "K-202511-0001");
    let done = run_lifecycle(&rt, &roster, &commands);
    assert_eq!(done, Case::replay(&rt.policy, &events).unwrap());
    assert_eq!(done.status, tousu_workflow::Status::Closed);
    eprintln!(
        "lifecycle: {} commands, {} events",
        commands.len(),
        events.len()
    );

    let mut g = c.benchmark_group("workflow");
    g.throughput(Throughput::Elements(commands.len() as u64));
    g.bench_function("lifecycle decide+evolve (per command)", |b| {
        b.iter(|| run_lifecycle(&rt, &roster, black_box(&commands)));
    });
    // The parts of a command's cost, on the real CPU (callgrind hides
    // SHA-NI): the fingerprint alone (`Command::digest`: the canonical
    // encoding into `sha2`), and the decision alone (`register` or
    // `decide` against the case before the command, the fingerprint and
    // the events' drop included, applying them not). The lifecycle less
    // the decision is applying the events (and opening the case).
    g.bench_function("lifecycle fingerprint only (per command)", |b| {
        b.iter(|| {
            for cmd in black_box(&commands) {
                black_box(cmd.digest());
            }
        });
    });
    let before = states(&rt, &roster, &commands);
    g.bench_function("lifecycle decide only (per command)", |b| {
        b.iter(|| {
            let mut n = 0;
            for (case, cmd) in black_box(&before).iter().zip(&commands) {
                let ctx = rt.ctx(&roster, cmd.at);
                n += match case {
                    None => register(cmd, &ctx),
                    Some(case) => decide(case, cmd, &ctx),
                }
                .unwrap()
                .len();
            }
            n
        });
    });
    g.finish();

    // SHA-256 itself over 512 bytes (about a command's canonical bytes),
    // through the `sha2` the fingerprint uses: whether it takes its SHA-NI
    // path on this CPU (a few hundred nanoseconds in software).
    let mut g = c.benchmark_group("workflow");
    let bytes = [0x5Au8; 512];
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("sha256 512 B", |b| {
        b.iter(|| sha2::Sha256::digest(black_box(&bytes)));
    });
    g.finish();
}

fn bench_replay(c: &mut Criterion) {
    let rt = PolicyRuntime::new(Policy::default_policy().unwrap()).unwrap();
    let roster = roster();
    let (_, events) = lifecycle(&rt, &roster, "K-202511-0001");
    // Whole streams of the lifecycle, each under its own case id.
    let cases = REPLAY_EVENTS.div_ceil(events.len());
    let total = cases * events.len();

    let mut g = c.benchmark_group("workflow");
    g.sample_size(10);
    g.throughput(Throughput::Elements(total as u64));
    // Built on first use (criterion calls the routine once per sample), so
    // that a filtered-out run does not pay for it.
    let streams: OnceLock<Vec<Vec<Event>>> = OnceLock::new();
    g.bench_function("replay 1M events", |b| {
        let streams = streams.get_or_init(|| {
            eprintln!("replay: {cases} cases, {total} events");
            (0..cases)
                .map(|i| with_case_id(&events, &CaseId::new(format!("K-202511-{i:07}")).unwrap()))
                .collect()
        });
        b.iter(|| {
            let mut versions = 0u64;
            for s in streams {
                versions += Case::replay_events(black_box(s)).unwrap().version;
            }
            versions
        });
    });
    g.finish();
}

fn bench_tick(c: &mut Criterion) {
    let rt = PolicyRuntime::new(Policy::default_policy().unwrap()).unwrap();
    let roster = roster();
    let (_, events) = lifecycle(&rt, &roster, "K-202511-0001");
    // Open cases at different points: after the proposal (6 commands), the
    // approval (7), the extension request (8), the approved extension (9,
    // clocks paused) and, for one case in ten, just after the assignment (3,
    // the 30-minute first response still running).
    let prefix = |commands: usize| {
        let last = events
            .iter()
            .rposition(|e| {
                e.command_id.as_ref().map(CommandId::as_str)
                    == Some(&*format!("cmd-{}", commands - 1))
            })
            .unwrap();
        Case::replay_events(&events[..=last]).unwrap()
    };
    let templates: Vec<Case> = [6, 7, 8, 9, 6, 7, 8, 9, 6, 3]
        .into_iter()
        .map(prefix)
        .collect();
    // Built on first use (criterion calls the routine once per sample), so
    // that a filtered-out run does not pay for it.
    let cases: OnceLock<Vec<Case>> = OnceLock::new();
    let cases = || {
        cases.get_or_init(|| {
            (0..TICK_CASES)
                .map(|i| {
                    let mut case = templates[i % templates.len()].clone();
                    case.id = CaseId::new(format!("K-202511-{i:07}")).unwrap();
                    case
                })
                .collect()
        })
    };
    let quiet = minutes(120);
    let late = beijing(2025, 12, 13, 9, 0);

    let mut g = c.benchmark_group("workflow");
    g.sample_size(10);
    g.throughput(Throughput::Elements(TICK_CASES as u64));
    for (name, now) in [
        ("tick 1M cases, 10% due", quiet),
        ("tick 1M cases, all breach", late),
    ] {
        let ctx = rt.ctx(&roster, now);
        let described = OnceLock::new();
        g.bench_function(name, |b| {
            let cases = cases();
            described.get_or_init(|| {
                let busy = cases
                    .iter()
                    .filter(|c| !tick(c, &ctx).unwrap().is_empty())
                    .count();
                let n: usize = cases.iter().map(|c| tick(c, &ctx).unwrap().len()).sum();
                eprintln!("{name}: {busy} of {TICK_CASES} cases have something due, {n} events");
            });
            b.iter(|| {
                let mut n = 0usize;
                for case in cases {
                    n += tick(black_box(case), &ctx).unwrap().len();
                }
                n
            });
        });
    }
    g.finish();
}

criterion_group!(benches, bench_lifecycle, bench_replay, bench_tick);
criterion_main!(benches);
