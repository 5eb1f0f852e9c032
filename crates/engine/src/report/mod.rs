//! Counters and invariants, derived from the trace as it is written.
//!
//! Every message copy is in exactly one state at any moment — travelling a
//! wire, stored in a queue, in flight (received, not yet deleted), delivered,
//! fanned out (a topic replaced it by one copy per subscription) or lost.
//! The conservation invariant says the states add up to the copies created:
//!
//! `created = delivered + in_queues + in_flight + lost + fanned_out`
//!
//! where `created` counts the copies a publisher sent plus those a topic made.
//! Scenario-wide `published` counts orders, whatever their copies.

use crate::scenario::ComponentId;
use serde::Serialize;

/// The numbers the metrics panel and the CLI show, for the whole scenario or
/// for one component.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counters {
    /// Orders a publisher created (publishers and the scenario total).
    pub published: u64,
    /// Copies processed successfully (and deleted, when they came from a queue).
    pub delivered: u64,
    /// Copies stored in a queue, visible or not yet.
    pub in_queue: u64,
    /// Copies received but not yet finished: travelling, being processed,
    /// waiting for a retry, or received from a queue and not deleted.
    pub in_flight: u64,
    /// Copies that will never be delivered.
    pub lost: u64,
    /// Extra processings of a copy that had already been processed.
    pub duplicates: u64,
    /// Age of the oldest copy still waiting in a queue, in milliseconds.
    pub oldest_message_age_ms: u64,
    /// Copies a queue dropped because they outlived its retention period.
    pub expired: u64,
    /// Copies moved to a dead-letter queue (counted where they came from).
    pub dead_lettered: u64,
    /// API calls refused for exceeding a throughput limit (FIFO: 300/s per action).
    pub throttled: u64,
    /// Receives of a copy older than one already received (Standard's
    /// best-effort order); within a FIFO group this must stay 0.
    pub out_of_order: u64,
    /// Copies a subscription's filter policy did not let through.
    pub filtered: u64,
    /// Copies a FIFO queue or topic accepted but did not deliver (duplicates
    /// within the 5-minute deduplication window).
    pub deduplicated: u64,
    /// Time from publish to successful processing, median and 99th
    /// percentile, in ms (consumers and totals; 0 before any delivery).
    pub latency_p50_ms: u64,
    pub latency_p99_ms: u64,
}

/// One live check a lesson is about: how often it failed and the first
/// order that failed it (to open in the message inspector).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct InvariantCheck {
    pub count: u64,
    pub first_order: Option<u64>,
}

impl InvariantCheck {
    pub fn holds(&self) -> bool {
        self.count == 0
    }
}

/// The checks of the invariant panel.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Invariants {
    /// Copies that will never be delivered.
    pub lost: InvariantCheck,
    /// Orders processed more than once by the same consumer.
    pub processed_more_than_once: InvariantCheck,
    /// Orders processed out of order within a FIFO message group.
    pub fifo_order_violated: InvariantCheck,
    /// Every copy ever created is in exactly one state.
    pub conservation_holds: bool,
}

/// Counters for one component.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ComponentReport {
    pub id: ComponentId,
    #[serde(flatten)]
    pub counters: Counters,
}

/// A snapshot of the whole run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    pub now_ms: u64,
    pub totals: Counters,
    pub components: Vec<ComponentReport>,
    /// Copies created so far (see the module page).
    pub copies_created: u64,
    pub copies_fanned_out: u64,
    /// Whether conservation holds right now.
    pub conservation_holds: bool,
    /// The checks of the invariant panel.
    pub invariants: Invariants,
    pub events_processed: u64,
    /// Hash of every trace record so far, in hex.
    pub trace_hash: String,
}
