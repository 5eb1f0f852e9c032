//! The preset scenarios from `scenarios/`, compiled into the app so the
//! Scenarios menu works offline and a preset can never fail to load.

/// (file stem, JSON) for every preset, in menu order: the lesson's order.
pub const PRESETS: &[(&str, &str)] = &[
    ("direct-coupling", include_str!("../scenarios/direct-coupling.json")),
    ("sns-fanout", include_str!("../scenarios/sns-fanout.json")),
    ("sns-sqs-per-service", include_str!("../scenarios/sns-sqs-per-service.json")),
    ("standard-vs-fifo", include_str!("../scenarios/standard-vs-fifo.json")),
    ("ack-modes", include_str!("../scenarios/ack-modes.json")),
    ("poison-dlq", include_str!("../scenarios/poison-dlq.json")),
    ("sns-filter-policies", include_str!("../scenarios/sns-filter-policies.json")),
    ("fifo-throttling", include_str!("../scenarios/fifo-throttling.json")),
    ("pod-failover", include_str!("../scenarios/pod-failover.json")),
    ("zone-outage", include_str!("../scenarios/zone-outage.json")),
    ("etcd-quorum", include_str!("../scenarios/etcd-quorum.json")),
    ("bin-packing-vs-spreading", include_str!("../scenarios/bin-packing-vs-spreading.json")),
    ("bin-packing", include_str!("../scenarios/bin-packing.json")),
    ("readiness-probe", include_str!("../scenarios/readiness-probe.json")),
    ("ingress-and-node-port", include_str!("../scenarios/ingress-and-node-port.json")),
];
