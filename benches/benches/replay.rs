//! Replay of about 1,000,000 events as a store hands them over: each case's
//! stream serialized to JSON and deserialized again (so every id and text is
//! its own allocation, laid out as a real load lays it out), over a varied
//! population: different handlers, first responders, complainants, texts and
//! amounts, with or without an extension, closed or stopped part-way.
//!
//! Two timings: the replay alone (`Case::replay_events` on the deserialized
//! events, the case dropped), and deserialization plus replay (what loading a
//! case from a JSON store costs). Before timing, every stream's replay from
//! the deserialized events is checked equal to the replay of the events the
//! decider produced, and the events themselves equal after the round trip.
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tousu_benches::Rng;
use tousu_benches::streams::{roster, stream};
use tousu_policy::Policy;
use tousu_workflow::{Case, Event, PolicyRuntime};

const EVENTS: usize = 1_000_000;

fn bench_replay(c: &mut Criterion) {
    let rt = PolicyRuntime::new(Policy::default_policy().unwrap()).unwrap();
    let roster = roster();
    let mut rng = Rng(17);
    let mut streams: Vec<Vec<Event>> = Vec::new();
    let mut total = 0;
    while total < EVENTS {
        let s = stream(&rt, &roster, &mut rng, streams.len());
        total += s.len();
        streams.push(s);
    }
    // As a store holds them: one JSON document per case.
    let json: Vec<String> = streams
        .iter()
        .map(|s| serde_json::to_string(s).unwrap())
        .collect();
    let loaded: Vec<Vec<Event>> = json
        .iter()
        .map(|j| serde_json::from_str(j).unwrap())
        .collect();
    let mut closed = 0;
    for (original, back) in streams.iter().zip(&loaded) {
        assert_eq!(original, back);
        let case = Case::replay_events(back).unwrap();
        assert_eq!(case, Case::replay_events(original).unwrap());
        closed += usize::from(case.status == tousu_workflow::Status::Closed);
    }
    let bytes: usize = json.iter().map(String::len).sum();
    eprintln!(
        "replay: {} cases ({closed} closed), {total} events, {bytes} bytes of JSON",
        streams.len()
    );
    drop(streams);

    let mut g = c.benchmark_group("replay");
    g.sample_size(10);
    g.throughput(Throughput::Elements(total as u64));
    g.bench_function("replay 1M deserialized events", |b| {
        b.iter(|| {
            let mut versions = 0u64;
            for s in &loaded {
                versions += Case::replay_events(black_box(s)).unwrap().version;
            }
            versions
        });
    });
    g.bench_function("deserialize+replay 1M events", |b| {
        b.iter(|| {
            let mut versions = 0u64;
            for j in &json {
                let events: Vec<Event> = serde_json::from_str(black_box(j)).unwrap();
                versions += Case::replay_events(&events).unwrap().version;
            }
            versions
        });
    });
    g.finish();
}

criterion_group!(benches, bench_replay);
criterion_main!(benches);
