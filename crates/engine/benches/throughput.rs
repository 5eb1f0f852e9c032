//! Engine speed: events per second on the fan-out preset, and the wall time
//! of fast-forwarding one simulated hour. Run with `make bench`. Figures are
//! medians over several runs, because the machines are shared and noisy.

use fanout_engine::scenario::{Scenario, Spec};
use fanout_engine::{SimTime, Simulation};
use std::time::Instant;

const RUNS: usize = 5;

/// Preset (c), StoreFront → SNS → a queue per service → consumers, at
/// 100 orders/s with enough consumers to keep up.
fn fan_out_at_100_per_s() -> Scenario {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scenarios/sns-sqs-per-service.json");
    let mut s = Scenario::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
    for c in &mut s.components {
        match &mut c.spec {
            Spec::Publisher(p) => p.rate_per_s = 100.0,
            Spec::Consumer(k) => k.concurrency = 50,
            _ => {}
        }
    }
    s
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.partial_cmp(b).unwrap());
    xs[xs.len() / 2]
}

fn main() {
    let scenario = fan_out_at_100_per_s();
    let hour = SimTime::from_secs(3_600);
    let mut wall_ms = Vec::new();
    let mut events_per_s = Vec::new();
    let mut hash = None;
    for _ in 0..RUNS {
        let mut sim = Simulation::new(&scenario).unwrap();
        let start = Instant::now();
        sim.run_until(hour);
        let elapsed = start.elapsed().as_secs_f64();
        assert!(sim.conservation_holds());
        wall_ms.push(elapsed * 1_000.0);
        events_per_s.push(sim.events_processed() as f64 / elapsed);
        let h = sim.trace_hash();
        assert!(hash.is_none() || hash == Some(h), "runs must be identical");
        hash = Some(h);
    }
    println!("engine throughput (native, fan-out preset at 100 orders/s, median of {RUNS}):");
    println!("  events/s: {:.2} M", median(events_per_s) / 1e6);
    println!("  fast-forward one simulated hour: {:.0} ms wall", median(wall_ms));
}
