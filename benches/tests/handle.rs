//! `handle`, the driver the `lifecycle` bench measures, leaves a case equal
//! to the one its events give applied one by one ([`evolve`]) and replayed
//! ([`Case::replay_events`]): it applies a command's events together,
//! recording the actor and the command once (docs/performance-history.md,
//! "Sixteenth pass: commands").

use tousu_benches::Rng;
use tousu_benches::streams::{lifecycle, roster};
use tousu_policy::Policy;
use tousu_workflow::{Case, PolicyRuntime, evolve, handle};

#[test]
fn handle_gives_the_case_its_events_give() {
    let rt = PolicyRuntime::new(Policy::default_policy().unwrap()).unwrap();
    let roster = roster();
    let mut rng = Rng(17);
    let mut commands_seen = 0;
    for i in 0..300 {
        let (commands, _) = lifecycle(&rt, &roster, &mut rng, i);
        let mut handled: Option<Case> = None;
        let mut evolved: Option<Case> = None;
        let mut all = Vec::new();
        for cmd in &commands {
            let events = handle(&mut handled, cmd, &rt.ctx(&roster, cmd.at)).unwrap();
            for e in &events {
                evolved = Some(match evolved.take() {
                    None => Case::from_registration(e).unwrap(),
                    Some(c) => evolve(c, e),
                });
            }
            assert_eq!(handled, evolved, "case {i}, command {}", cmd.id);
            all.extend(events);
            commands_seen += 1;
        }
        let replayed = Case::replay_events(&all).unwrap();
        assert_eq!(handled.as_ref(), Some(&replayed), "case {i}");
        // Every command recorded once, with the fingerprint of its first event.
        let handled = handled.unwrap();
        assert_eq!(handled.commands.len(), commands.len(), "case {i}");
        for cmd in &commands {
            assert!(
                handled.commands.digest(&cmd.id).is_some(),
                "case {i}, {}",
                cmd.id
            );
        }
    }
    assert!(commands_seen > 2_000, "{commands_seen} commands");
}
