//! The messaging engine: publishers, SNS-like topics, SQS-like queues and
//! consumers, wired as the scenario says, faithful to what AWS documents
//! (`SEMANTICS.md`).
//!
//! What it models:
//! - **Publishers** create orders at a constant rate or as a Poisson process,
//!   with message attributes, a FIFO message group id, optional poison
//!   orders, a per-message delay and client resends. Each order goes down
//!   every outgoing wire. A send that fails (network, throttling) is retried
//!   3 times with backoff (100, 200, 400 ms), then lost.
//! - **A direct wire to a consumer** is an HTTP-like call: if the consumer is
//!   down, fails or crashes, the order is lost.
//! - **Topics** push a copy to every subscription that its filter policy lets
//!   through. Failed pushes are retried: to queues with SNS's managed-endpoint
//!   policy (3 immediate, 2 at 1 s, 10 with backoff 1→20 s, 100,000 at 20 s),
//!   to consumers with the HTTP policy (default 3 retries, 20 s apart); then
//!   the copy goes to the subscription's dead-letter queue, or is dropped.
//!   Standard topics deliver the odd duplicate; FIFO topics deduplicate
//!   within 5 minutes, keep group order and accept 3,000 messages/s.
//! - **Queues** store copies (delayed, then visible); a receive hands out a
//!   batch (≤ 10) that stays invisible for the visibility timeout and comes
//!   back if not deleted in time. Long polling waits ≤ 20 s for a message;
//!   short polling answers at once and may come back empty. Messages older
//!   than the retention period are dropped. After `max_receive_count`
//!   receives a message moves to the dead-letter queue. Standard queues hand
//!   out the odd extra copy and take a later message first now and then;
//!   FIFO queues deliver each group in order with one batch of a group in
//!   flight at a time, deduplicate within 5 minutes, and allow 300 calls/s
//!   per action (send, receive, delete) — more are throttled.
//! - **Consumers** run `instances × concurrency` workers. Each worker
//!   receives a batch, processes it message by message, and acknowledges per
//!   its mode: on receive, after each message, or the whole batch on
//!   success. Processing fails at the failure ratio, and always on poison
//!   orders. A crash loses what was acknowledged but unfinished; what was
//!   not acknowledged comes back after the visibility timeout, and work done
//!   but not deleted is done again (a duplicate).
//! - **Network faults** per wire: partition, extra delay, loss ratio.
//! - **Messaging on orchestration.** A scenario with cluster components
//!   (nodes, deployments, services, ingresses, one control plane) embeds a
//!   [`crate::cluster::Cluster`]: its events share the one event queue, its
//!   trace records the one trace hash, and its faults the fault script. A
//!   consumer or publisher with `runs_on` has one instance per Running and
//!   Ready pod of that deployment: a removed instance dies as a crash does,
//!   an added one starts work, and with none a publisher publishes nothing.
//!   A copy sent to a Service is routed by kube-proxy to a Ready endpoint and
//!   handled by the consumer running on that pod's deployment (counted
//!   delivered at the service if none); with no endpoint that answers, a
//!   direct call is lost (`NoReadyEndpoint`) and a topic retries with its
//!   HTTP policy. A scenario without cluster components runs exactly as
//!   before (same trace hash).
//!
//! What it simplifies or leaves out:
//! - A receive's request latency is folded into its response hop.
//! - Short polling's false empties are approximated: a queue with n ≤ 10
//!   visible messages answers a short poll empty one time in n + 2.
//! - Throughput limits use fixed one-second windows, not token buckets.
//! - FIFO topics do not hold back a group while one of its messages waits
//!   for a delivery retry (the invariant panel would show the reordering).
//! - No payloads or sizes, no visibility-timeout changes by consumers, no
//!   high-throughput FIFO mode, no IAM, KMS or cross-region behaviour.

mod describe;
mod engine;
mod parts;

pub use describe::describe;
pub use engine::{
    Activity, BuildError, Command, CommandError, LostReason, Simulation, TraceKind, TraceRecord, Transit,
    DIRECT_BACKLOG_PER_INSTANCE, MAX_BOUND_INSTANCES, TRACE_RING_CAPACITY,
};
pub use parts::managed_retry_delay_ms;
