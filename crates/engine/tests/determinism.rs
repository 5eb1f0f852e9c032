//! Determinism is a feature: the same scenario, seed and commands give the
//! same trace, however the run is chunked. And under many seeds, with random
//! kills and revives, every copy stays accounted for after every event.

mod support;

use fanout_engine::broker::Command;
use fanout_engine::scenario::{ArrivalPattern, ComponentId, Scenario, Spec};
use fanout_engine::sim::Rng;
use fanout_engine::{SimTime, Simulation};
use support::{ms, preset_scenario, secs};

/// Every preset in scenarios/, so a new one is swept without being listed.
fn presets() -> Vec<String> {
    support::preset_stems()
}

/// The preset with Poisson arrivals, so the seed matters.
fn poisson(stem: &str, seed: u64) -> Scenario {
    let mut s = preset_scenario(stem);
    s.seed = seed;
    for c in &mut s.components {
        if let Spec::Publisher(p) = &mut c.spec {
            p.pattern = ArrivalPattern::Poisson;
            p.rate_per_s = 5.0;
        }
    }
    s
}

/// A kill at 20 s and a revive at 50 s of every consumer, as a fault script.
fn run_with_outage(scenario: &Scenario, chunks: &[SimTime]) -> (u64, String) {
    let mut sim = Simulation::new(scenario).unwrap();
    for c in &scenario.components {
        if matches!(c.spec, Spec::Consumer(_)) {
            sim.schedule(secs(20), Command::Kill(c.id.clone())).unwrap();
            sim.schedule(secs(50), Command::Revive(c.id.clone())).unwrap();
        }
    }
    for &t in chunks {
        sim.run_until(t);
    }
    (sim.trace_hash(), format!("{:?}", sim.totals()))
}

#[test]
fn same_scenario_and_seed_give_the_same_trace_twice() {
    for stem in presets() {
        let stem = stem.as_str();
        let s = poisson(stem, 7);
        let a = run_with_outage(&s, &[secs(120)]);
        let b = run_with_outage(&s, &[secs(120)]);
        assert_eq!(a, b, "{stem}");
    }
}

#[test]
fn different_seeds_give_different_traces() {
    let a = run_with_outage(&poisson("sns-sqs-per-service", 1), &[secs(60)]);
    let b = run_with_outage(&poisson("sns-sqs-per-service", 2), &[secs(60)]);
    assert_ne!(a.0, b.0);
}

#[test]
fn one_run_until_equals_many_small_steps() {
    for stem in presets() {
        let stem = stem.as_str();
        let s = poisson(stem, 11);
        let whole = run_with_outage(&s, &[secs(120)]);
        // Frame-sized chunks of irregular length, as a browser would drive it.
        let mut rng = Rng::new(99);
        let mut t = SimTime::ZERO;
        let mut chunks = Vec::new();
        while t < secs(120) {
            t = (t + SimTime(1 + rng.below(40_000))).min(secs(120));
            chunks.push(t);
        }
        assert_eq!(run_with_outage(&s, &chunks), whole, "{stem}");
    }
}

#[test]
fn step_walks_event_times_and_matches_a_straight_run() {
    let s = poisson("sns-fanout", 5);
    let mut stepped = Simulation::new(&s).unwrap();
    let mut last = SimTime::ZERO;
    while let Some(t) = stepped.step() {
        assert!(t >= last, "time never goes back");
        last = t;
        if t > secs(30) {
            break;
        }
    }
    let mut straight = Simulation::new(&s).unwrap();
    straight.run_until(last);
    assert_eq!(stepped.trace_hash(), straight.trace_hash());
}

#[test]
fn conservation_holds_after_every_event_across_seeds_and_random_faults() {
    // 200 seeds per preset, each with its own random kill/revive script.
    for stem in presets() {
        let stem = stem.as_str();
        for seed in 0..200 {
            let s = poisson(stem, seed);
            let mut sim = Simulation::new(&s).unwrap();
            let mut faults = Rng::new(seed ^ 0xfa17);
            let targets: Vec<ComponentId> = s
                .components
                .iter()
                // Nodes too: a node's kill and revive reach the consumers
                // running on it through their Ready pods.
                .filter(|c| matches!(c.spec, Spec::Consumer(_) | Spec::Publisher(_) | Spec::Node(_)))
                .map(|c| c.id.clone())
                .collect();
            for _ in 0..6 {
                let target = targets[faults.below(targets.len() as u64) as usize].clone();
                let at = ms(faults.below(60_000));
                let command = if faults.below(2) == 0 { Command::Kill(target) } else { Command::Revive(target) };
                sim.schedule(at, command).unwrap();
            }
            // Conservation after every event (it is O(1)); the full audit,
            // which walks every live copy, on a sample of events.
            while sim.process_one_event(secs(90)) {
                assert!(sim.conservation_holds(), "{stem} seed {seed} at {}", sim.now());
                if sim.events_processed() % 7 == 0 {
                    if let Err(problem) = sim.audit() {
                        panic!("{stem} seed {seed} at {}: {problem}", sim.now());
                    }
                }
            }
            // No network faults here, so FIFO groups must stay in order.
            let invariants = sim.invariants();
            assert_eq!(invariants.fifo_order_violated.count, 0, "{stem} seed {seed}");
        }
    }
}
