//! The broker presets, as their descriptions promise.

mod support;

use fanout_engine::broker::TraceKind;
use support::{secs, Lesson};

#[test]
fn standard_duplicates_and_reorders_fifo_keeps_order_and_deduplicates() {
    let mut t = Lesson::preset("standard-vs-fifo");
    t.run_until(secs(120));
    let standard = t.counters("shipping");
    let fifo = t.counters("shipping-fifo");
    assert!(standard.duplicates > 50, "resends and extra copies are processed again: {}", standard.duplicates);
    assert!(t.counters("standard-queue").out_of_order > 20);
    assert_eq!(fifo.duplicates, 0);
    assert_eq!(t.counters("fifo-queue").out_of_order, 0);
    assert!(t.counters("fifo-queue").deduplicated > 50);
    assert_eq!(t.invariants().fifo_order_violated.count, 0);
    assert_eq!(t.lost(), 0);
}

#[test]
fn every_poison_order_ends_in_the_dead_letter_queue_after_three_receives() {
    let mut t = Lesson::preset("poison-dlq");
    t.run_until(secs(120));
    t.kill("storefront");
    t.run_until(secs(200));
    let published = t.published();
    assert_eq!(t.counters("orders-dlq").in_queue, published / 10);
    assert_eq!(t.counters("shipping").delivered, published - published / 10);
    assert_eq!(t.lost(), 0);
    let receives_of_10 = t.records().iter().filter(|r| r.kind == TraceKind::Received && r.order == 10).count();
    assert_eq!(receives_of_10, 3);
}

#[test]
fn each_subscription_gets_only_what_its_filter_lets_through() {
    let mut t = Lesson::preset("sns-filter-policies");
    t.run_until(secs(120));
    t.kill("storefront");
    t.run_until(secs(130));
    let published = t.published();
    let (books, big, audit) =
        (t.counters("bookshop").delivered, t.counters("fraud-check").delivered, t.counters("auditor").delivered);
    assert!(audit >= published, "the audit queue takes everything");
    assert!(books * 4 > published && books * 2 < published, "about a third are books: {books} of {published}");
    assert!(big * 3 > published && big * 3 < 2 * published, "about half are ≥ 500: {big} of {published}");
    assert!(t.counters("orders").filtered > published);
    assert_eq!(t.lost(), 0);
}

#[test]
fn a_fifo_queue_throttles_sends_past_300_a_second() {
    let mut t = Lesson::preset("fifo-throttling");
    t.run_until(secs(20));
    let throttled = t.counters("orders").throttled;
    assert!(throttled > 1_000, "{throttled}");
    assert!(t.lost_at("storefront") > 0, "some sends fail even after the client's retries");

    let mut slower = Lesson::preset("fifo-throttling");
    for c in &mut slower.scenario.components {
        if let fanout_engine::scenario::Spec::Publisher(p) = &mut c.spec {
            p.rate_per_s = 250.0;
        }
    }
    slower.run_until(secs(20));
    assert_eq!(slower.counters("orders").throttled, 0, "under the limit nothing is throttled");
    assert_eq!(slower.lost(), 0);
}
