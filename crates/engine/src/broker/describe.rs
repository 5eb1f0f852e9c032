//! Trace records in plain words, for the event log, the message inspector
//! and the CLI: "12.300 s · order 7 lost at Shipping: the consumer was down
//! when the call arrived".

use super::engine::{Simulation, TraceKind, TraceRecord};

/// One trace record as a sentence (without the time), naming components by
/// their display names.
pub fn describe(sim: &Simulation, record: &TraceRecord) -> String {
    let name = |index: u32| -> String {
        sim.scenario()
            .components
            .get(index as usize)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| format!("component {index}"))
    };
    let wire = |index: u32| -> String {
        sim.scenario()
            .wires
            .get(index as usize)
            .map(|w| {
                let end = |id| sim.scenario().component(id).map(|c| c.name.clone()).unwrap_or_default();
                format!("{} → {}", end(&w.from), end(&w.to))
            })
            .unwrap_or_default()
    };
    let at = name(record.component);
    let order = format!("order {}", record.order);
    let d = record.detail;
    match record.kind {
        TraceKind::Published if d == 1 => format!("{order} published by {at} (a poison message)"),
        TraceKind::Published => format!("{order} published by {at}"),
        TraceKind::Sent if d == 0 => format!("{order} sent along {}", wire(record.wire)),
        TraceKind::Sent => format!("{order} sent again along {} (attempt {})", wire(record.wire), d + 1),
        TraceKind::NetworkDropped => format!("{order} dropped by the network on {}", wire(record.wire)),
        TraceKind::FannedOut => format!("{order} fanned out by {at} to {d} subscription(s)"),
        TraceKind::Filtered => format!("{order} filtered out of {} by its filter policy", wire(record.wire)),
        TraceKind::Deduplicated => format!("{order} deduplicated by {at}: seen within the last 5 minutes"),
        TraceKind::Enqueued => format!("{order} stored in {at}"),
        TraceKind::Delayed => format!("{order} delayed {d} ms in {at} before it is visible"),
        TraceKind::DuplicateDelivered => format!("{order}: {at} handed out an extra copy (at-least-once)"),
        TraceKind::Received => format!("{order} received by {at} (receive #{d})"),
        TraceKind::ProcessingStarted => format!("{order} being processed by {at}"),
        TraceKind::Processed if d == 1 => format!("{order} processed by {at} again: a duplicate"),
        TraceKind::Processed => format!("{order} processed by {at}"),
        TraceKind::ProcessingFailed if d == 1 => format!("{order} failed at {at}: a poison message"),
        TraceKind::ProcessingFailed => format!("{order} failed at {at}"),
        TraceKind::Deleted => format!("{order} deleted from {at}"),
        TraceKind::Delivered => format!("{order} delivered at {at}"),
        TraceKind::VisibilityExpired => {
            format!("{order} visible again in {at}: not deleted within the visibility timeout")
        }
        TraceKind::DeleteLost => format!("{order}: {at}'s delete never reached the queue"),
        TraceKind::DeleteStale => format!("{order}: a delete with an old receipt did nothing in {at}"),
        TraceKind::RetryScheduled => format!("{order}: {at} will retry on {} (attempt {})", wire(record.wire), d + 1),
        TraceKind::DeadLettered => format!("{order} moved from {at} to the dead-letter queue {}", name(d)),
        TraceKind::Expired => format!("{order} expired in {at}: older than the retention period"),
        TraceKind::Throttled if record.order == 0 => format!("{at} throttled a call: over 300 calls/s"),
        TraceKind::Throttled => format!("{order} throttled by {at}: over its throughput limit"),
        TraceKind::Resent => format!("{order} sent again by {at} after a timeout"),
        TraceKind::Lost(reason) => format!("{order} lost at {at}: {}", reason.explain()),
        TraceKind::Killed => format!("{at} killed"),
        TraceKind::Revived => format!("{at} revived"),
        TraceKind::Slowed => format!("{at} processing at ×{:.1} its normal time", f64::from(d) / 100.0),
        TraceKind::Partitioned => format!("network partition on {}", wire(record.wire)),
        TraceKind::Healed => format!("network partition healed on {}", wire(record.wire)),
        TraceKind::DelayChanged => format!("{} now adds {d} ms of delay", wire(record.wire)),
        TraceKind::LossChanged => format!("{} now loses {:.1} % of hops", wire(record.wire), f64::from(d) / 10.0),
        TraceKind::InstancesChanged => {
            format!("{at} now runs {d} instance(s): the Ready pods of its deployment")
        }
    }
}
