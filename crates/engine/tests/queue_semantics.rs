//! SQS Standard rules the first slice already claims, one test each.

mod support;

use fanout_engine::scenario::{Component, ComponentId, ComponentKind, Scenario, Spec, Wire};
use support::{ms, secs, Lesson};

/// publisher → queue → consumer, with the given settings.
fn pipeline(rate_per_s: f64, visibility_timeout_ms: u64, processing_time_ms: u64, instances: u32) -> Scenario {
    let mut s = Scenario::default();
    let mut add = |id: &str, kind: ComponentKind| {
        let mut spec = kind.default_spec();
        match &mut spec {
            Spec::Publisher(p) => p.rate_per_s = rate_per_s,
            Spec::Queue(q) => {
                q.visibility_timeout_ms = visibility_timeout_ms;
                // Long polling and no random extras: the exact timings below.
                q.receive_wait_ms = 20_000;
                q.duplicate_delivery_ratio = 0.0;
                q.reorder_ratio = 0.0;
            }
            Spec::Consumer(c) => {
                c.processing_time_ms = processing_time_ms;
                c.instances = instances;
            }
            _ => {}
        }
        s.components.push(Component { id: ComponentId::new(id), name: id.into(), x: 0.0, y: 0.0, spec });
    };
    add("shop", ComponentKind::Publisher);
    add("queue", ComponentKind::Queue);
    add("worker", ComponentKind::Consumer);
    s.wires.push(Wire::new(ComponentId::new("shop"), ComponentId::new("queue")));
    s.wires.push(Wire::new(ComponentId::new("queue"), ComponentId::new("worker")));
    s
}

#[test]
fn a_visibility_timeout_shorter_than_processing_means_duplicates() {
    // Each order takes 3 s, but becomes visible again after 1 s, so a second
    // instance receives it too: the at-least-once trap of a too-short timeout.
    let mut t = Lesson::new(pipeline(0.1, 1_000, 3_000, 2));
    t.run_until(secs(15));
    assert!(t.duplicates() >= 1, "{:?}", t.totals());
    assert!(t.redeliveries() >= 1);
    assert_eq!(t.lost(), 0);
}

#[test]
fn a_long_enough_visibility_timeout_means_no_duplicates() {
    let mut t = Lesson::new(pipeline(0.1, 30_000, 3_000, 2));
    t.run_until(secs(60));
    assert_eq!(t.duplicates(), 0);
    assert_eq!(t.redeliveries(), 0);
    assert_eq!(t.counters("worker").delivered, 5);
}

#[test]
fn a_queue_without_consumers_keeps_everything() {
    let mut s = pipeline(10.0, 30_000, 100, 1);
    s.wires.pop();
    let mut t = Lesson::new(s);
    t.run_until(ms(10_050));
    // Orders at 0.1 s … 10.0 s; the last is still on the wire at 10.05 s.
    assert_eq!(t.counters("queue").in_queue, 99);
    assert_eq!(t.counters("queue").oldest_message_age_ms, 10_050 - 200);
    assert_eq!(t.lost(), 0);
}

#[test]
fn a_received_message_that_is_never_deleted_is_received_again_after_the_timeout() {
    // Kill the only consumer right after its first receive; the message is in
    // flight for exactly the visibility timeout, then visible again.
    let mut t = Lesson::new(pipeline(1.0, 5_000, 500, 1));
    t.run_until(ms(1_150)); // order 1: published 1.0 s, enqueued 1.1 s, received 1.1 s
    t.kill("worker");
    assert_eq!(t.counters("queue").in_flight, 1);
    t.run_until(ms(6_099));
    assert_eq!(t.counters("queue").in_flight, 1, "still invisible just before 1.1 s + 5 s");
    t.run_until(ms(6_101));
    assert_eq!(t.counters("queue").in_flight, 0);
    assert!(t.counters("queue").in_queue >= 1, "visible again");
}
