//! One test per documented SNS/SQS/consumer rule the engine claims
//! (SEMANTICS.md). Each would fail if its rule were taken out.

mod support;

use fanout_engine::broker::TraceKind;
use fanout_engine::scenario::{
    AckMode, AttributeRule, AttributeValues, ComponentId, Fault, FilterCondition, MessageGroup, NumericOp,
    RedrivePolicy, Scenario,
};
use support::{ms, secs, Build};

fn id(s: &str) -> ComponentId {
    ComponentId::new(s)
}

/// publisher → queue → consumer, tuned by the three closures.
fn pipeline(
    publisher: impl FnOnce(&mut fanout_engine::scenario::PublisherConfig),
    queue: impl FnOnce(&mut fanout_engine::scenario::QueueConfig),
    consumer: impl FnOnce(&mut fanout_engine::scenario::ConsumerConfig),
) -> Build {
    let mut b = Build::new();
    b.publisher("shop", publisher).queue("orders", queue).consumer("worker", consumer);
    b.wire("shop", "orders").wire("orders", "worker");
    b
}

fn is_increasing(xs: &[u64]) -> bool {
    xs.windows(2).all(|w| w[0] < w[1])
}

// ----- SQS Standard ------------------------------------------------------------

#[test]
fn standard_queues_deliver_at_least_once_duplicates_at_the_configured_rate() {
    let with = |ratio: f64| {
        let mut t = pipeline(|p| p.rate_per_s = 20.0, |q| q.duplicate_delivery_ratio = ratio, |c| c.concurrency = 10).lesson();
        t.run_until(secs(60));
        (t.duplicates(), t.count(TraceKind::DuplicateDelivered))
    };
    let (dups, extra) = with(0.05);
    assert!(extra > 20 && dups > 20, "about 5 % of 1,200 receives: {extra} extra copies, {dups} duplicates");
    assert_eq!(with(0.0), (0, 0));
}

#[test]
fn standard_queues_order_best_effort_and_count_out_of_order_receives() {
    let with = |ratio: f64| {
        let mut t = pipeline(
            |p| p.rate_per_s = 50.0,
            |q| q.reorder_ratio = ratio,
            // A slow consumer keeps a backlog, so there is something to reorder.
            |c| c.processing_time_ms = 30,
        )
        .lesson();
        t.run_until(secs(30));
        t.totals().out_of_order
    };
    assert!(with(0.3) > 20);
    assert_eq!(with(0.0), 0);
}

#[test]
fn messages_older_than_the_retention_period_are_dropped() {
    let mut b = Build::new();
    b.publisher("shop", |p| p.rate_per_s = 1.0).queue("orders", |q| q.retention_ms = 60_000);
    b.wire("shop", "orders");
    let mut t = b.lesson();
    t.run_until(ms(59_000));
    assert_eq!(t.totals().expired, 0);
    t.run_until(ms(120_500));
    // Orders enqueued at 1.1 s … 60.1 s have expired by 120.5 s (60 of them).
    let expired = t.counters("orders").expired;
    assert!((59..=61).contains(&expired), "{expired}");
    assert!(t.counters("orders").oldest_message_age_ms <= 60_000);
    assert_eq!(t.lost(), 0, "expiry is its own outcome, not a loss");
}

#[test]
fn a_queue_delay_hides_new_messages_and_a_message_delay_overrides_it() {
    let latency = |queue_delay_ms: u64, message_delay_ms: u64| {
        let mut t = pipeline(
            |p| {
                p.rate_per_s = 1.0;
                p.message_delay_ms = message_delay_ms;
            },
            |q| q.delay_ms = queue_delay_ms,
            |_| {},
        )
        .lesson();
        t.run_until(secs(30));
        t.counters("worker").latency_p50_ms
    };
    let plain = latency(0, 0);
    assert!((400..=450).contains(&plain), "hops + processing: {plain}");
    let queued = latency(5_000, 0);
    assert!((5_300..=5_600).contains(&queued), "{queued}");
    let per_message = latency(5_000, 2_000);
    assert!((2_300..=2_600).contains(&per_message), "the message's own delay wins: {per_message}");
}

#[test]
fn short_polling_is_slower_than_long_polling_on_a_quiet_queue() {
    let p50 = |wait_ms: u64| {
        let mut t = pipeline(|p| p.rate_per_s = 0.5, |q| q.receive_wait_ms = wait_ms, |c| c.poll_interval_ms = 2_000).lesson();
        t.run_until(secs(300));
        t.counters("worker").latency_p50_ms
    };
    let long = p50(20_000);
    let short = p50(0);
    assert!(short > long + 500, "short {short} ms vs long {long} ms");
}

#[test]
fn a_receive_returns_at_most_a_batch_of_ten() {
    let mut t = pipeline(
        |p| p.rate_per_s = 200.0,
        |_| {},
        |c| {
            c.batch_size = 10;
            c.processing_time_ms = 1;
        },
    )
    .lesson();
    t.run_until(secs(10));
    // Receives at one instant by one worker form one batch.
    let mut by_batch = std::collections::BTreeMap::new();
    for r in t.records().iter().filter(|r| r.kind == TraceKind::Received) {
        *by_batch.entry(r.at).or_insert(0) += 1;
    }
    let largest = by_batch.values().copied().max().unwrap_or(0);
    assert!((2..=10).contains(&largest), "{largest}");
}

// ----- SQS FIFO ----------------------------------------------------------------

fn fifo_pipeline(groups: u32, consumers: u32) -> Build {
    pipeline(
        |p| {
            p.rate_per_s = 40.0;
            p.message_group = MessageGroup::RoundRobin(groups);
        },
        |q| q.fifo = true,
        |c| {
            c.concurrency = consumers;
            c.processing_time_ms = 50;
        },
    )
}

#[test]
fn fifo_processes_each_group_in_order_even_with_many_workers() {
    // 20 groups: each moves one batch at a time (about 4 messages/s), so
    // together they keep up with 40 orders/s.
    let mut t = fifo_pipeline(20, 8).lesson();
    t.run_until(secs(30));
    let processed = t.processed_by("worker");
    assert!(processed.len() > 900, "{}", processed.len());
    for g in 0..20 {
        let group: Vec<u64> = processed.iter().copied().filter(|o| (o - 1) % 20 == g).collect();
        assert!(is_increasing(&group), "group {g} out of order");
    }
    assert_eq!(t.invariants().fifo_order_violated.count, 0);
}

#[test]
fn fifo_keeps_one_batch_of_a_group_in_flight_so_a_failing_head_blocks_its_group() {
    // One group; the consumer fails order 3 (poison) three times before it
    // goes to the DLQ: nothing after it in the group is received meanwhile.
    let mut b = pipeline(
        |p| {
            p.rate_per_s = 2.0;
            p.poison_every = 3;
        },
        |q| {
            q.fifo = true;
            q.visibility_timeout_ms = 5_000;
            q.redrive = Some(RedrivePolicy { dead_letter_queue: id("dlq"), max_receive_count: 3 });
        },
        |_| {},
    );
    b.queue("dlq", |q| q.fifo = true);
    let mut t = b.lesson();
    t.run_until(secs(12));
    let processed = t.processed_by("worker");
    assert_eq!(processed, vec![1, 2], "order 3 blocks 4, 5, … (head-of-line blocking)");
    t.run_until(secs(30));
    assert!(t.processed_by("worker").contains(&4), "after the DLQ takes order 3 the group moves on");
    assert!(t.counters("orders").dead_lettered >= 1);
}

#[test]
fn fifo_accepts_duplicate_sends_within_five_minutes_but_delivers_once() {
    let mut t = pipeline(
        |p| {
            p.rate_per_s = 5.0;
            p.resend_ratio = 1.0;
        },
        |q| q.fifo = true,
        |c| c.concurrency = 4,
    )
    .lesson();
    t.run_until(secs(60));
    let published = t.published();
    let deduplicated = t.counters("orders").deduplicated;
    // Resends come a second later: the last few are still to come.
    assert!(deduplicated + 10 >= published, "{deduplicated} of {published}");
    assert_eq!(t.duplicates(), 0, "nothing processed twice");
}

#[test]
fn a_standard_queue_does_not_deduplicate_resends() {
    let mut t = pipeline(
        |p| {
            p.rate_per_s = 5.0;
            p.resend_ratio = 1.0;
        },
        |_| {},
        |c| c.concurrency = 4,
    )
    .lesson();
    t.run_until(secs(60));
    assert_eq!(t.counters("orders").deduplicated, 0);
    assert!(t.duplicates() > 250, "each order processed twice: {}", t.duplicates());
}

#[test]
fn fifo_queues_throttle_beyond_300_calls_per_second_per_action() {
    let run = |fifo: bool, batch: u32| {
        let mut t = pipeline(
            |p| {
                p.rate_per_s = 500.0;
                p.message_group = MessageGroup::RoundRobin(50);
            },
            |q| q.fifo = fifo,
            |c| {
                c.concurrency = 100;
                c.batch_size = batch;
                c.processing_time_ms = 1;
            },
        )
        .lesson();
        t.run_until(secs(10));
        (t.counters("orders").throttled, t.counters("worker").delivered)
    };
    let (throttled, _) = run(true, 1);
    assert!(throttled > 1_000, "500 sends/s to a 300/s queue: {throttled}");
    let (standard_throttled, _) = run(false, 1);
    assert_eq!(standard_throttled, 0, "Standard is nearly unlimited");
}

#[test]
fn a_dead_letter_queue_must_match_its_source_type() {
    let mut b = pipeline(|_| {}, |q| q.redrive = Some(RedrivePolicy { dead_letter_queue: id("dlq"), max_receive_count: 3 }), |_| {});
    b.queue("dlq", |q| q.fifo = true);
    let error = fanout_engine::Simulation::new(&b.scenario()).err().expect("refused").to_string();
    assert!(error.contains("same type"), "{error}");
}

#[test]
fn poison_messages_land_in_the_dead_letter_queue_after_max_receives() {
    let mut b = pipeline(
        |p| {
            p.rate_per_s = 1.0;
            p.poison_every = 5;
        },
        |q| {
            q.visibility_timeout_ms = 2_000;
            q.redrive = Some(RedrivePolicy { dead_letter_queue: id("dlq"), max_receive_count: 4 });
        },
        |_| {},
    );
    b.queue("dlq", |_| {});
    let mut t = b.lesson();
    t.run_until(secs(120));
    let poison = t.published() / 5;
    let dead = t.counters("orders").dead_lettered;
    assert!(dead + 2 >= poison && dead <= poison, "{dead} of {poison} poison orders");
    assert_eq!(t.counters("dlq").in_queue, dead);
    // Each was received exactly max_receive_count times before it moved.
    let receives_of_5 = t.records().iter().filter(|r| r.kind == TraceKind::Received && r.order == 5).count();
    assert_eq!(receives_of_5, 4);
    assert_eq!(t.lost(), 0);
}

// ----- consumers -----------------------------------------------------------------

#[test]
fn ack_on_receive_loses_what_a_crash_interrupts_delete_after_processing_does_not() {
    let run = |mode: AckMode| {
        let mut t = pipeline(|p| p.rate_per_s = 10.0, |_| {}, |c| {
            c.ack_mode = mode;
            c.processing_time_ms = 500;
            c.concurrency = 5;
        })
        .lesson();
        t.run_until(ms(10_250));
        t.kill("worker");
        t.run_until(secs(15));
        t.revive("worker");
        t.run_until(secs(90));
        t.lost()
    };
    assert!(run(AckMode::AckOnReceive) >= 4, "the five in progress are gone");
    assert_eq!(run(AckMode::DeleteAfterProcessing), 0);
    assert_eq!(run(AckMode::AutoDeleteOnSuccess), 0);
}

#[test]
fn failures_are_retried_by_redelivery_unless_acknowledged_on_receive() {
    let run = |mode: AckMode| {
        let mut t = pipeline(|p| p.rate_per_s = 10.0, |q| q.visibility_timeout_ms = 1_000, |c| {
            c.ack_mode = mode;
            c.failure_ratio = 0.3;
            c.concurrency = 5;
        })
        .lesson();
        t.run_until(secs(30));
        t.kill("shop");
        t.run_until(secs(90));
        (t.lost(), t.counters("worker").delivered, t.published())
    };
    let (lost, delivered, published) = run(AckMode::DeleteAfterProcessing);
    assert_eq!((lost, delivered), (0, published), "every failure comes back and eventually succeeds");
    let (lost, _, published) = run(AckMode::AckOnReceive);
    assert!(lost > published / 5, "about 30 % lost: {lost} of {published}");
}

#[test]
fn auto_delete_returns_the_whole_batch_on_one_failure_so_siblings_run_twice() {
    let run = |mode: AckMode| {
        let mut t = pipeline(|p| p.rate_per_s = 50.0, |q| q.visibility_timeout_ms = 2_000, |c| {
            c.ack_mode = mode;
            c.failure_ratio = 0.05;
            c.batch_size = 10;
            c.processing_time_ms = 5;
            c.concurrency = 4;
        })
        .lesson();
        t.run_until(secs(60));
        t.duplicates()
    };
    assert!(run(AckMode::AutoDeleteOnSuccess) > 50);
    assert_eq!(run(AckMode::DeleteAfterProcessing), 0);
}

#[test]
fn a_slowed_consumer_falls_behind_and_its_queue_grows() {
    // Two workers manage 5 orders/s normally (200 ms work + two 100 ms hops),
    // under 2 a second at ×5.
    let mut t = pipeline(|p| p.rate_per_s = 4.0, |_| {}, |c| c.concurrency = 2).lesson();
    t.run_until(secs(10));
    assert!(t.counters("orders").in_queue <= 1);
    t.apply(Fault::Slow(id("worker"), 5.0));
    t.run_until(secs(40));
    assert!(t.counters("orders").in_queue > 50, "{}", t.counters("orders").in_queue);
    t.apply(Fault::Slow(id("worker"), 1.0));
    t.run_until(secs(200));
    assert!(t.counters("orders").in_queue <= 1, "it catches up once normal again");
}

// ----- SNS -------------------------------------------------------------------------

fn book_and_food() -> Vec<AttributeRule> {
    vec![
        AttributeRule { name: "type".into(), values: AttributeValues::OneOf(vec!["book".into(), "food".into()]) },
        AttributeRule { name: "amount".into(), values: AttributeValues::Between(1, 1_000) },
    ]
}

#[test]
fn a_filter_policy_lets_only_matching_orders_through() {
    let mut b = Build::new();
    b.publisher("shop", |p| {
        p.rate_per_s = 20.0;
        p.attributes = book_and_food();
    })
    .topic("orders", |_| {})
    .queue("books", |_| {})
    .queue("big", |_| {})
    .queue("all", |_| {});
    b.wire("shop", "orders");
    b.wire_with("orders", "books", |w| {
        w.filter_policy = Some([("type".to_string(), vec![FilterCondition::Exact("book".into())])].into_iter().collect())
    });
    b.wire_with("orders", "big", |w| {
        w.filter_policy =
            Some([("amount".to_string(), vec![FilterCondition::Numeric(NumericOp::GreaterOrEqual, 900.0)])].into_iter().collect())
    });
    b.wire("orders", "all");
    let mut t = b.lesson();
    t.run_until(ms(30_010));
    t.kill("shop");
    t.run_until(secs(31));
    let (books, big, all) = (t.counters("books").in_queue, t.counters("big").in_queue, t.counters("all").in_queue);
    assert_eq!(all, 600);
    assert!((240..=360).contains(&books), "about half are books: {books}");
    assert!((30..=90).contains(&big), "about a tenth are ≥ 900: {big}");
    assert_eq!(t.counters("orders").filtered, (600 - books) + (600 - big));
}

#[test]
fn sns_retries_a_queue_through_a_partition_with_the_managed_policy() {
    let mut b = Build::new();
    b.publisher("shop", |p| p.rate_per_s = 1.0).topic("orders", |_| {}).queue("q", |_| {});
    b.wire("shop", "orders").wire("orders", "q");
    b.fault_at(10_000, Fault::Partition(id("orders"), id("q")));
    b.fault_at(70_000, Fault::Heal(id("orders"), id("q")));
    let mut t = b.lesson();
    t.run_until(ms(190_500));
    t.kill("shop");
    t.run_until(secs(200));
    assert_eq!(t.lost(), 0, "100,015 retries over 23 days outlast a one-minute partition");
    assert_eq!(t.counters("q").in_queue, t.published());
    assert!(t.count(TraceKind::RetryScheduled) > 60);
}

#[test]
fn a_subscription_dead_letter_queue_catches_what_http_retries_could_not_deliver() {
    let mut b = Build::new();
    b.publisher("shop", |p| p.rate_per_s = 1.0)
        .topic("orders", |t| {
            t.http_retries = 2;
            t.http_retry_delay_ms = 1_000;
        })
        .consumer("hook", |_| {})
        .queue("undelivered", |_| {});
    b.wire("shop", "orders");
    b.wire_with("orders", "hook", |w| w.dead_letter_queue = Some(id("undelivered")));
    b.fault_at(10_500, Fault::Kill(id("hook")));
    let mut t = b.lesson();
    t.run_until(ms(30_500));
    assert_eq!(t.lost(), 0);
    let dead = t.counters("orders").dead_lettered;
    assert!((17..=20).contains(&dead), "{dead}");
    assert_eq!(t.counters("undelivered").in_queue, dead);
}

#[test]
fn a_fifo_topic_deduplicates_and_passes_groups_on_in_order() {
    let mut b = Build::new();
    b.publisher("shop", |p| {
        p.rate_per_s = 20.0;
        p.resend_ratio = 0.5;
        p.message_group = MessageGroup::RoundRobin(3);
    })
    .topic("orders", |t| t.fifo = true)
    .queue("q", |q| q.fifo = true)
    .consumer("worker", |c| c.concurrency = 6);
    b.wire("shop", "orders").wire("orders", "q").wire("q", "worker");
    let mut t = b.lesson();
    t.run_until(secs(60));
    assert!(t.counters("orders").deduplicated > 400);
    assert_eq!(t.duplicates(), 0);
    let processed = t.processed_by("worker");
    for g in 0..3 {
        let group: Vec<u64> = processed.iter().copied().filter(|o| (o - 1) % 3 == g).collect();
        assert!(is_increasing(&group));
    }
}

#[test]
fn a_fifo_topic_cannot_deliver_to_a_standard_queue() {
    let mut b = Build::new();
    b.publisher("shop", |_| {}).topic("orders", |t| t.fifo = true).queue("q", |_| {});
    b.wire("shop", "orders").wire("orders", "q");
    let error = fanout_engine::Simulation::new(&b.scenario()).err().expect("refused").to_string();
    assert!(error.contains("FIFO topic delivers only to FIFO queues"), "{error}");
}

#[test]
fn a_standard_topic_delivers_the_odd_duplicate() {
    let mut b = Build::new();
    b.publisher("shop", |p| p.rate_per_s = 50.0).topic("orders", |t| t.duplicate_delivery_ratio = 0.05).consumer("hook", |c| c.concurrency = 20);
    b.wire("shop", "orders").wire("orders", "hook");
    let mut t = b.lesson();
    t.run_until(secs(20));
    assert!(t.duplicates() > 20, "{}", t.duplicates());
}

// ----- the network -----------------------------------------------------------------

#[test]
fn a_partitioned_direct_call_is_lost_and_delay_adds_latency() {
    let mut b = Build::new();
    b.publisher("shop", |p| p.rate_per_s = 10.0).consumer("shipping", |c| c.concurrency = 5);
    b.wire("shop", "shipping");
    let mut t = b.lesson();
    t.run_until(secs(10));
    t.apply(Fault::Partition(id("shop"), id("shipping")));
    t.run_until(secs(20));
    assert!((99..=101).contains(&t.lost()), "{}", t.lost());
    t.apply(Fault::Heal(id("shop"), id("shipping")));
    t.apply(Fault::Delay(id("shop"), id("shipping"), 2_000));
    t.run_until(secs(120));
    assert!(t.counters("shipping").latency_p99_ms >= 2_200, "{}", t.counters("shipping").latency_p99_ms);
}

#[test]
fn a_lossy_wire_loses_about_its_ratio() {
    let mut b = Build::new();
    b.publisher("shop", |p| p.rate_per_s = 100.0).consumer("shipping", |c| c.concurrency = 50);
    b.wire("shop", "shipping");
    b.fault_at(0, Fault::Loss(id("shop"), id("shipping"), 0.25));
    let mut t = b.lesson();
    t.run_until(secs(20));
    let lost = t.lost();
    assert!((400..=600).contains(&lost), "{lost} of 2,000");
}

#[test]
fn a_lost_delete_means_the_work_is_done_twice() {
    let mut t = pipeline(|p| p.rate_per_s = 5.0, |q| q.visibility_timeout_ms = 2_000, |c| c.concurrency = 3).lesson();
    t.apply(Fault::Partition(id("orders"), id("worker")));
    // Receives (queue → worker) and deletes share the wire: both are lost.
    t.run_until(secs(5));
    t.apply(Fault::Heal(id("orders"), id("worker")));
    t.apply(Fault::Loss(id("orders"), id("worker"), 0.3));
    t.run_until(secs(60));
    assert!(t.duplicates() > 5, "{}", t.duplicates());
    assert_eq!(t.lost(), 0);
}

// ----- the fault script and lineage -------------------------------------------------------

#[test]
fn the_fault_script_replays_identically() {
    let scenario = || {
        let mut b = support::Build::new();
        b.publisher("shop", |p| {
            p.rate_per_s = 5.0;
            p.pattern = fanout_engine::scenario::ArrivalPattern::Poisson;
        })
        .queue("orders", |_| {})
        .consumer("worker", |_| {});
        b.wire("shop", "orders").wire("orders", "worker");
        b.fault_at(5_000, Fault::Kill(id("worker")));
        b.fault_at(25_000, Fault::Revive(id("worker")));
        b.fault_at(30_000, Fault::Slow(id("worker"), 3.0));
        b.scenario()
    };
    let run = |s: &Scenario| {
        let mut sim = fanout_engine::Simulation::new(s).unwrap();
        sim.run_until(ms(4_999));
        assert!(!sim.is_down(&id("worker")));
        sim.run_until(ms(5_000));
        assert!(sim.is_down(&id("worker")), "the script's kill happened at 5 s");
        sim.run_until(secs(60));
        sim.trace_hash()
    };
    let s = scenario();
    assert_eq!(run(&s), run(&fanout_engine::scenario::codec::decode(&fanout_engine::scenario::codec::encode(&s)).unwrap()));
}

#[test]
fn the_lineage_of_any_order_is_complete_even_long_after() {
    let mut b = Build::new();
    b.publisher("shop", |p| p.rate_per_s = 50.0).topic("orders", |_| {}).queue("q", |_| {}).consumer("worker", |c| c.concurrency = 4);
    b.wire("shop", "orders").wire("orders", "q").wire("q", "worker");
    let mut sim = fanout_engine::Simulation::new(&b.scenario()).unwrap();
    sim.run_until(secs(2));
    sim.command(Fault::Slow(id("worker"), 2.0)).unwrap();
    sim.run_until(secs(120));
    assert!(sim.trace_records_written() > 4 * fanout_engine::broker::TRACE_RING_CAPACITY as u64);
    let lineage = sim.lineage(3);
    let kinds: Vec<TraceKind> = lineage.iter().map(|r| r.kind).collect();
    assert_eq!(kinds.first(), Some(&TraceKind::Published));
    for expected in [TraceKind::FannedOut, TraceKind::Enqueued, TraceKind::Received, TraceKind::Processed, TraceKind::Deleted] {
        assert!(kinds.contains(&expected), "{expected:?} missing from {kinds:?}");
    }
    assert_eq!(kinds.last(), Some(&TraceKind::Delivered));
    let text: Vec<String> = lineage.iter().map(|r| fanout_engine::broker::describe(&sim, r)).collect();
    assert!(text[0].contains("order 3 published by shop"), "{text:?}");
}

#[test]
fn invariants_name_the_first_offending_order() {
    let mut b = Build::new();
    b.publisher("shop", |p| p.rate_per_s = 2.0).consumer("shipping", |_| {});
    b.wire("shop", "shipping");
    b.fault_at(10_400, Fault::Kill(id("shipping")));
    let mut t = b.lesson();
    t.run_until(secs(20));
    let invariants = t.invariants();
    assert_eq!(invariants.lost.first_order, Some(21), "the first order sent after the kill");
    assert!(invariants.lost.count >= 19);
    assert!(invariants.conservation_holds);
}

#[test]
fn lineage_replays_faults_scheduled_mid_run_too() {
    let mut b = Build::new();
    b.publisher("shop", |p| p.rate_per_s = 5.0).queue("q", |_| {}).consumer("worker", |_| {});
    b.wire("shop", "q").wire("q", "worker");
    let mut sim = fanout_engine::Simulation::new(&b.scenario()).unwrap();
    sim.run_until(secs(3));
    sim.schedule(secs(6), Fault::Kill(id("worker"))).unwrap();
    sim.run_until(secs(4));
    sim.command(Fault::Delay(id("shop"), id("q"), 500)).unwrap();
    sim.run_until(secs(20));
    assert_eq!(sim.wire_faults(&id("shop"), &id("q")), Some((false, 500, 0.0)));
    // An order published while the worker was down: its lineage shows it waiting.
    let lineage = sim.lineage(40);
    assert!(lineage.iter().any(|r| r.kind == TraceKind::Enqueued));
    assert!(!lineage.iter().any(|r| r.kind == TraceKind::Received), "the worker never came back");
}
