//! The first lesson of the meetup notes, as the presets play it: direct
//! coupling loses orders while a consumer is down; an SNS topic retries for a
//! minute; a queue per service loses nothing.

mod support;

use support::{ms, secs, Lesson};

#[test]
fn direct_coupling_loses_exactly_the_orders_sent_while_shipping_is_down() {
    // StoreFront sends an order every 500 ms (at 0.5 s, 1.0 s, …); each call
    // takes 100 ms to arrive and 200 ms to process. Shipping is idle at
    // 10.4 s, so nothing is lost mid-work: only calls that arrive while down.
    let mut t = Lesson::preset("direct-coupling");
    t.run_until(ms(10_400));
    t.kill("shipping");
    t.run_until(ms(20_400));
    t.revive("shipping");
    t.run_until(secs(40));

    // Orders published at 10.5 s … 20.0 s arrive at 10.6 s … 20.1 s: 20 calls.
    assert_eq!(t.lost_at("shipping"), 20);
    assert_eq!(t.lost_at("accounting"), 0);
    assert_eq!(t.lost(), 20);
    // Accounting got every order but the one still on its way at 40 s.
    assert_eq!(t.delivered_at("accounting"), t.published() - 1);
}

#[test]
fn direct_coupling_also_loses_the_order_being_processed_at_the_crash() {
    let mut t = Lesson::preset("direct-coupling");
    // The order published at 10.0 s is being processed from 10.1 s to 10.3 s.
    t.run_until(ms(10_200));
    t.kill("shipping");
    t.run_until(ms(10_450));
    t.revive("shipping");
    t.run_until(secs(20));
    assert_eq!(t.lost_at("shipping"), 1);
}

#[test]
fn sns_retries_bridge_a_short_outage() {
    // Down for 20 s: every push that fails is retried 20 s later and lands.
    let mut t = Lesson::preset("sns-fanout");
    t.run_until(ms(10_400));
    t.kill("shipping");
    t.run_until(ms(30_400));
    t.revive("shipping");
    t.run_until(secs(100));
    t.kill("storefront");
    t.run_until(secs(120));
    assert_eq!(t.lost(), 0);
    t.assert_drained();
    assert_eq!(t.delivered_at("shipping"), t.published());
    assert_eq!(t.delivered_at("accounting"), t.published());
}

#[test]
fn sns_gives_up_after_three_retries_when_the_outage_is_long() {
    let mut t = Lesson::preset("sns-fanout");
    t.run_until(ms(10_400));
    t.kill("shipping");
    t.run_until(ms(110_400));
    t.revive("shipping");
    t.run_until(secs(300));
    // An order published at p reaches Shipping at a = p + 200 ms and is tried
    // again at a + 20.1 s, a + 40.2 s and a + 60.3 s (20 s delay + 100 ms hop).
    // It is lost when the last attempt still finds Shipping down.
    let (kill, revive) = (10_400.0, 110_400.0);
    let expected = (1..)
        .map(|k| k as f64 * 500.0)
        .take_while(|p| *p < 300_000.0)
        .filter(|p| {
            let a = p + 200.0;
            a > kill && a + 3.0 * 20_100.0 < revive
        })
        .count() as u64;
    assert!(expected > 50);
    assert_eq!(t.lost(), expected);
    assert_eq!(t.lost_at("orders"), expected, "the topic drops them");
    assert_eq!(t.lost_at("accounting"), 0);
}

#[test]
fn a_queue_per_service_loses_nothing_however_long_shipping_is_down() {
    let mut t = Lesson::preset("sns-sqs-per-service");
    t.run_until(ms(10_050));
    t.kill("shipping");
    t.run_until(secs(200));
    let waiting = t.counters("shipping-queue").in_queue;
    assert!(waiting > 300, "orders pile up in the queue: {waiting}");
    assert!(t.counters("shipping-queue").oldest_message_age_ms >= 189_000);
    t.revive("shipping");
    t.run_until(secs(400));
    assert_eq!(t.lost(), 0);
    assert_eq!(t.counters("shipping-queue").in_queue, 0, "the backlog drains");
    // Every order reaches both services: at-least-once, so duplicates are
    // possible but nothing is missing.
    let published = t.published() - t.published_after(ms(399_000));
    assert!(t.delivered_at("shipping") >= published);
    assert!(t.delivered_at("accounting") >= published);
}

#[test]
fn competing_instances_process_each_order_once() {
    let mut t = Lesson::preset("sns-sqs-per-service");
    t.run_until(secs(60));
    assert_eq!(t.duplicates(), 0);
    let shipping = t.counters("shipping");
    let queue = t.counters("shipping-queue");
    assert_eq!(shipping.delivered, queue.delivered, "each delete is one order processed once");
    assert!(shipping.delivered >= 115, "2 orders/s for a minute: {}", shipping.delivered);
}

#[test]
fn a_crash_between_processing_and_delete_shows_up_as_a_duplicate() {
    let mut t = Lesson::preset("sns-sqs-per-service");
    t.set_consumer("shipping", |c| c.instances = 1);
    // Order 1 is published at 500 ms, reaches shipping-queue at 700 ms and
    // Shipping at 800 ms; processing ends at 1000 ms and the delete would
    // reach the queue at 1100 ms. Kill Shipping at 1050 ms: processed, not
    // deleted.
    t.run_until(ms(1_050));
    t.kill("shipping");
    t.run_until(ms(1_150));
    t.revive("shipping");
    // The visibility timeout (30 s from the receive at 700 ms) brings it back.
    t.run_until(secs(35));
    assert_eq!(t.lost(), 0);
    assert_eq!(t.duplicates(), 1, "order 1 was processed twice");
    assert_eq!(t.counters("shipping").duplicates, t.duplicates());
}

#[test]
fn a_crash_mid_processing_means_redelivery_not_a_duplicate() {
    let mut t = Lesson::preset("sns-sqs-per-service");
    t.set_consumer("shipping", |c| c.instances = 1);
    t.run_until(ms(900)); // order 1 is being processed (800 – 1000 ms)
    t.kill("shipping");
    t.run_until(ms(1_150));
    t.revive("shipping");
    t.run_until(secs(35));
    assert_eq!(t.lost(), 0);
    assert_eq!(t.duplicates(), 0, "it was never finished, so the redelivery is its first processing");
    assert!(t.redeliveries() >= 1);
}
