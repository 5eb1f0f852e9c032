//! Engine speed: events per second on the fan-out preset, and the wall time
//! of fast-forwarding one simulated hour. Run with `make bench`, which runs
//! this same program natively and as WebAssembly (wasm32-wasip1 in Node's
//! V8) and prints the ratio. Figures are medians over several runs, because
//! the machines are shared and noisy.

use fanout_engine::scenario::{Scenario, Spec};
use fanout_engine::{SimTime, Simulation};
use std::time::Instant;

const RUNS: usize = 5;

/// Preset (c), StoreFront → SNS → a queue per service → consumers, at
/// 100 orders/s with enough consumers to keep up.
fn fan_out_at_100_per_s() -> Scenario {
    // Compiled in, so the WebAssembly build needs no file system.
    let json = include_str!("../../../scenarios/sns-sqs-per-service.json");
    let mut s = Scenario::from_json(json).unwrap();
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
    let target = if cfg!(target_family = "wasm") { "wasm" } else { "native" };
    println!("engine throughput ({target}, fan-out preset at 100 orders/s, median of {RUNS}):");
    let (events_per_s, wall_ms) = (median(events_per_s), median(wall_ms));
    println!("  events/s: {:.2} M", events_per_s / 1e6);
    println!("  fast-forward one simulated hour: {wall_ms:.0} ms wall");
    // For scripts/bench, which compares the two targets.
    println!("RESULT {target} events_per_s={events_per_s:.0} hour_ms={wall_ms:.1} trace_hash={:016x}", hash.unwrap());
}
