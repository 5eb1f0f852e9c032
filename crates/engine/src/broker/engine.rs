//! The simulation itself: state per component, the copy slab, event handlers.
//! See the module page (`broker/mod.rs`) for what is modelled.

use super::parts::{
    group_key, group_key_of_number, managed_retry_delay_ms, AttributeValuesOf, CompiledFilter, DedupWindow,
    LatencyHistogram, ProcessedOrders, RateWindow, MAX_ATTRIBUTES,
};
use crate::cluster::{
    Cluster, ClusterCommand, ClusterEvent, ClusterNotification, ClusterTraceRecord, ControlPlaneComponent, Effects,
    CLUSTER_TRACE_RING_CAPACITY,
};
use crate::report::{ComponentReport, Counters, InvariantCheck, Invariants, Report};
use crate::scenario::{
    validate, AckMode, ArrivalPattern, AttributeValues, ComponentId, ConsumerConfig, Fault, MessageGroup,
    PublisherConfig, QueueConfig, Scenario, Spec, TopicConfig, ValidationError,
};
use crate::sim::{EventQueue, Rng, SimTime, TraceHasher, MICROS_PER_S};
use std::collections::{BTreeMap, VecDeque};
use std::fmt;
use std::sync::Arc;

/// Index of a component in the scenario's component list.
type Node = u32;
/// Index of a wire in the scenario's wire list.
type WireIx = u32;

/// How many pushed (direct) calls one consumer instance accepts while all its
/// workers are busy; more are refused and lost, as an overloaded HTTP service
/// would refuse them.
pub const DIRECT_BACKLOG_PER_INSTANCE: usize = 1_000;

/// Most instances a consumer running on a deployment gets, however many of
/// its pods are Ready: bounds the workers kept per consumer.
pub const MAX_BOUND_INSTANCES: u32 = 1_000;

/// How many trace records the engine keeps for the event log. Older records
/// still count in the trace hash, and [`Simulation::lineage`] recovers any
/// order's records by replaying the run.
pub const TRACE_RING_CAPACITY: usize = 4_096;

/// SQS in-flight limits: about 120,000 for Standard, 20,000 for FIFO.
const STANDARD_IN_FLIGHT_CAP: u64 = 120_000;
const FIFO_IN_FLIGHT_CAP: u64 = 20_000;
/// FIFO queues: 300 API calls per second per action; FIFO topics 3,000 messages/s.
const FIFO_QUEUE_CALLS_PER_S: u32 = 300;
const FIFO_TOPIC_MESSAGES_PER_S: u32 = 3_000;
/// A client's retries of a failed send (the AWS SDK's standard mode: 3).
const SEND_RETRIES: u32 = 3;
const SEND_BACKOFF_MS: u64 = 100;
/// After a throttled receive or delete, a worker waits this long.
const THROTTLE_BACKOFF_MS: u64 = 100;
/// A client that timed out resends after this long.
const RESEND_AFTER_MS: u64 = 1_000;
/// Short polling samples only some of SQS's servers, so a queue holding few
/// messages may answer empty: with n visible (n ≤ this), one time in n + 2.
const SHORT_POLL_SPARSE_VISIBLE: usize = 10;
/// How far past the head a Standard queue may reach when it reorders.
const REORDER_REACH: usize = 10;

/// A live intervention, stamped with the sim time at which it applies: the
/// same [`Fault`] a scenario's fault script holds.
pub type Command = Fault;

/// Why a command could not be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommandError {
    UnknownComponent(ComponentId),
    UnknownWire(ComponentId, ComponentId),
    /// The fault does not apply to that kind of component, or its value is absurd.
    NotSupported(String),
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommandError::UnknownComponent(id) => write!(f, "there is no component '{id}'"),
            CommandError::UnknownWire(from, to) => write!(f, "there is no wire {from} → {to}"),
            CommandError::NotSupported(reason) => f.write_str(reason),
        }
    }
}

impl std::error::Error for CommandError {}

/// The scenario cannot be simulated as it is.
#[derive(Clone, Debug, PartialEq)]
pub struct BuildError(pub Vec<ValidationError>);

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the scenario cannot run: ")?;
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for BuildError {}

/// Why a copy will never be delivered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LostReason {
    /// A direct (HTTP-like) call reached a consumer that was down.
    ConsumerDown,
    /// The consumer crashed while holding a copy it had acknowledged (or
    /// that was pushed to it), before finishing it.
    ConsumerCrashed,
    /// A pushed call reached a consumer whose backlog was full.
    ConsumerOverloaded,
    /// Processing failed and nothing will retry it (a direct call, or a
    /// message acknowledged on receive).
    ProcessingFailed,
    /// A topic gave up after its delivery retries, and the subscription has
    /// no dead-letter queue.
    RetriesExhausted,
    /// A topic had no subscriptions.
    NoSubscribers,
    /// A publisher had no outgoing wire.
    NoDestination,
    /// A publisher's send still failed after its retries (network or throttling).
    SendFailed,
    /// A direct call was lost by the network (partition or loss).
    NetworkFailure,
    /// A direct call to a Service found no Ready endpoint that answered.
    NoReadyEndpoint,
    /// A call to a NodePort or LoadBalancer Service went to a dead node (or
    /// no node was alive).
    NodeDown,
    /// An Ingress had no rule for the request's host and path, or no
    /// ingress controller is installed.
    NoIngressRoute,
}

impl LostReason {
    pub fn explain(self) -> &'static str {
        match self {
            LostReason::ConsumerDown => "the consumer was down when the call arrived",
            LostReason::ConsumerCrashed => "the consumer crashed while holding it",
            LostReason::ConsumerOverloaded => "the consumer's backlog was full",
            LostReason::ProcessingFailed => "processing failed and nothing retries it",
            LostReason::RetriesExhausted => "the topic gave up after its delivery retries",
            LostReason::NoSubscribers => "the topic has no subscriptions",
            LostReason::NoDestination => "the publisher is not wired to anything",
            LostReason::SendFailed => "the publisher's send failed even after retries",
            LostReason::NetworkFailure => "the network lost the call",
            LostReason::NoReadyEndpoint => "the service had no Ready endpoint to take the call",
            LostReason::NodeDown => "the node the call went to was down",
            LostReason::NoIngressRoute => "the ingress had no rule for the request's host and path",
        }
    }

    fn code(self) -> u64 {
        match self {
            LostReason::ConsumerDown => 1,
            LostReason::ConsumerCrashed => 2,
            LostReason::ConsumerOverloaded => 3,
            LostReason::RetriesExhausted => 4,
            LostReason::NoSubscribers => 5,
            LostReason::NoDestination => 6,
            LostReason::ProcessingFailed => 7,
            LostReason::SendFailed => 8,
            LostReason::NetworkFailure => 9,
            LostReason::NoReadyEndpoint => 10,
            LostReason::NodeDown => 11,
            LostReason::NoIngressRoute => 12,
        }
    }
}

/// What a trace record says happened. Past tense; `detail` carries a number
/// whose meaning each variant documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TraceKind {
    /// A publisher created an order.
    Published,
    /// A copy left along a wire (`wire` set; `detail` = attempt, 0 first).
    Sent,
    /// The network dropped a hop on `wire` (partition or loss).
    NetworkDropped,
    /// A topic replaced a copy with one per subscription (`detail` = how many).
    FannedOut,
    /// A subscription's filter policy kept a copy out (`wire` set).
    Filtered,
    /// A FIFO queue or topic accepted a copy it had seen within 5 minutes.
    Deduplicated,
    /// A queue stored a copy.
    Enqueued,
    /// A stored copy waits out a delay (`detail` = ms).
    Delayed,
    /// A queue handed out an extra copy of a message (Standard, at-least-once).
    DuplicateDelivered,
    /// A consumer received a copy from a queue (`detail` = receive count).
    Received,
    /// A consumer started on a copy.
    ProcessingStarted,
    /// A consumer processed a copy successfully (`detail` = 1 when it had
    /// processed this order before: a duplicate).
    Processed,
    /// A consumer's processing of a copy failed (`detail` = 1 for poison).
    ProcessingFailed,
    /// A copy was deleted from its queue.
    Deleted,
    /// A copy's journey ended in success.
    Delivered,
    /// A received copy was not deleted in time and is visible again.
    VisibilityExpired,
    /// A delete died with the consumer or the network.
    DeleteLost,
    /// A delete used a receipt from an earlier receive and did nothing.
    DeleteStale,
    /// A retry is scheduled (`detail` = attempt number, `wire` set).
    RetryScheduled,
    /// A copy moved to a dead-letter queue (`component` = where it came from).
    DeadLettered,
    /// A queue dropped a copy older than its retention period.
    Expired,
    /// A FIFO queue or topic refused a call over its throughput limit.
    Throttled,
    /// A client sent an order again after a timeout.
    Resent,
    Lost(LostReason),
    Killed,
    Revived,
    /// A consumer's processing slowed (`detail` = factor × 100).
    Slowed,
    Partitioned,
    Healed,
    /// Extra delay on a wire changed (`detail` = ms).
    DelayChanged,
    /// Loss ratio on a wire changed (`detail` = per mille).
    LossChanged,
    /// A consumer or publisher running on a deployment changed its number of
    /// instances to its Ready pods (`detail` = instances).
    InstancesChanged,
}

impl TraceKind {
    /// A stable number per kind for the trace hash (never renumber).
    fn code(self) -> u64 {
        match self {
            TraceKind::Published => 1,
            TraceKind::Sent => 2,
            TraceKind::FannedOut => 3,
            TraceKind::Enqueued => 4,
            TraceKind::Received => 5,
            TraceKind::ProcessingStarted => 6,
            TraceKind::Processed => 7,
            TraceKind::Deleted => 8,
            TraceKind::Delivered => 9,
            TraceKind::VisibilityExpired => 10,
            TraceKind::DeleteLost => 11,
            TraceKind::DeleteStale => 12,
            TraceKind::RetryScheduled => 13,
            TraceKind::Killed => 14,
            TraceKind::Revived => 15,
            TraceKind::NetworkDropped => 16,
            TraceKind::Filtered => 17,
            TraceKind::Deduplicated => 18,
            TraceKind::Delayed => 19,
            TraceKind::DuplicateDelivered => 20,
            TraceKind::ProcessingFailed => 21,
            TraceKind::DeadLettered => 22,
            TraceKind::Expired => 23,
            TraceKind::Throttled => 24,
            TraceKind::Resent => 25,
            TraceKind::Slowed => 26,
            TraceKind::Partitioned => 27,
            TraceKind::Healed => 28,
            TraceKind::DelayChanged => 29,
            TraceKind::LossChanged => 30,
            TraceKind::InstancesChanged => 31,
            TraceKind::Lost(reason) => 100 + reason.code(),
        }
    }
}

/// One line of the trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TraceRecord {
    pub at: SimTime,
    pub kind: TraceKind,
    /// The order this record concerns (0 for component events).
    pub order: u64,
    /// The copy of the order (0 for order- or component-level events).
    pub copy: u64,
    /// Index of the component in the scenario.
    pub component: u32,
    /// Index of the wire, or `u32::MAX`.
    pub wire: u32,
    pub detail: u32,
}

const NO_WIRE: u32 = u32::MAX;

/// A message travelling a wire, for drawing: position is a lerp along wire
/// `wire` by `(now - sent_at) / (arrive_at - sent_at)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Transit {
    pub wire: usize,
    pub sent_at: SimTime,
    pub arrive_at: SimTime,
    pub order: u64,
    /// The network will drop it (partition or loss): draw it as doomed.
    pub dropped: bool,
}

/// What a component is doing right now, for drawing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Activity {
    pub down: bool,
    /// Workers busy with a batch (consumers).
    pub busy: u32,
    /// Workers in total (consumers).
    pub workers: u32,
    /// Copies visible and waiting to be received (queues), or pushed copies
    /// waiting for a worker (consumers).
    pub waiting: u64,
    /// Copies received and not yet deleted (queues); held (consumers);
    /// waiting for a retry (topics).
    pub in_flight: u64,
    /// Copies waiting out a delay before they become visible (queues).
    pub delayed: u64,
    /// Consumers: processing is slowed down by a fault.
    pub slowed: bool,
    /// Consumers: processing time as a percentage of normal (100 = normal).
    pub slow_factor_percent: u32,
    /// Queues and topics: a call was throttled within the last second.
    pub throttling: bool,
}

// ----- messages ------------------------------------------------------------

/// What every copy of an order carries.
#[derive(Clone, Copy, Debug, PartialEq)]
struct OrderData {
    order: u64,
    publisher: Node,
    published_at: SimTime,
    /// FIFO message group, as a stable key of its id.
    group: u64,
    attributes: AttributeValuesOf,
    poison: bool,
    message_delay: SimTime,
}

/// A handle to a copy in the slab; the generation catches stale handles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct CopyRef {
    slot: u32,
    generation: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CopyState {
    /// Travelling a wire.
    Transit,
    /// In a queue, not yet visible (a delay).
    Delayed { queue: Node },
    /// In a queue, visible to receivers.
    Stored { queue: Node },
    /// Received from a queue and not deleted; `holder` is the consumer
    /// working on it while it is alive.
    InFlight { queue: Node, holder: Option<Node> },
    /// At a consumer outside any queue: pushed to it, or acknowledged on
    /// receive. Lost if the consumer crashes.
    AtConsumer { consumer: Node },
    /// A publisher or topic waits to retry sending it.
    RetryWait { at: Node },
}

#[derive(Clone, Debug)]
struct Copy {
    id: u64,
    data: OrderData,
    state: CopyState,
    /// When the copy entered its current queue (age, retention).
    enqueued_at: SimTime,
    receives: u32,
    /// The latest receive's receipt; a delete must present it.
    receipt: u32,
    /// For a copy pushed to a consumer: the wire it came by and the attempt,
    /// so a topic can retry it.
    pushed_by: Option<(WireIx, u32)>,
}

struct Slot {
    generation: u32,
    copy: Option<Copy>,
}

/// How a copy's journey ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum End {
    Delivered,
    FannedOut,
    Filtered,
    Deduplicated,
    DeadLettered,
    Expired,
    Lost(LostReason),
}

// ----- events --------------------------------------------------------------

enum Event {
    Publish { publisher: Node, epoch: u32 },
    /// A client resending an order after a timeout.
    Resend { publisher: Node, epoch: u32, wire: WireIx, data: Box<OrderData> },
    /// A copy reaches the end of a wire.
    Arrive { copy: CopyRef, wire: WireIx, sent_at: SimTime, dropped: bool, attempt: u32 },
    /// A publisher or topic tries a failed send again.
    Retry { copy: CopyRef, wire: WireIx, attempt: u32 },
    DelayOver { copy: CopyRef },
    VisibilityCheck { queue: Node },
    RetentionCheck { queue: Node },
    /// A receive's answer reaches the worker that asked.
    ReceiveArrived { worker: WorkerRef, wire: WireIx, sent_at: SimTime, dropped: bool, order: u64 },
    /// A short-polling worker polls again.
    Poll { worker: WorkerRef },
    /// The earliest long poll at this queue may have run its wait out.
    LongPollCheck { queue: Node },
    ProcessingDone { worker: WorkerRef },
    /// A delete call reaches the queue; `index` is the message in the
    /// worker's batch, or `None` for the whole batch.
    DeleteArrived { worker: WorkerRef, dropped: bool, index: Option<u32> },
    Fault(Box<Fault>),
    /// An event of the embedded cluster.
    Cluster(Box<ClusterEvent>),
}

/// Events sit in the heap and move on every push and pop: keep them small
/// (rare, bulky payloads are boxed).
const _: () = assert!(std::mem::size_of::<Event>() <= 40);

/// A worker of a consumer, with the ticket of the one step it is waiting
/// for; a kill or any new step bumps the ticket, so stale events are ignored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct WorkerRef {
    consumer: Node,
    worker: u32,
    ticket: u32,
}

// ----- components ----------------------------------------------------------

struct Publisher {
    config: PublisherConfig,
    rng: Rng,
    down: bool,
    epoch: u32,
    /// Group keys for round-robin groups and for groups named after a
    /// one-of attribute's values, computed once.
    group_keys: Vec<u64>,
    next_round_robin: u32,
    /// Instances publishing at the configured rate each: 1, or the Ready
    /// pods of the deployment it runs on.
    instances: u32,
}

struct Topic {
    config: TopicConfig,
    rng: Rng,
    dedup: DedupWindow,
    publishes: RateWindow,
}

/// A FIFO message group inside a queue: its visible copies in order, and
/// how many of its copies are in flight (the group is blocked while any is).
#[derive(Default)]
struct Group {
    visible: VecDeque<CopyRef>,
    in_flight: u32,
    ready: bool,
}

struct Queue {
    config: QueueConfig,
    rng: Rng,
    /// Standard: visible copies, roughly oldest first.
    visible: VecDeque<CopyRef>,
    /// FIFO: groups by key, and the groups ready to hand out, in turn.
    groups: BTreeMap<u64, Group>,
    ready_groups: VecDeque<u64>,
    /// FIFO: copies visible across all groups.
    fifo_visible: u64,
    dedup: DedupWindow,
    sends: RateWindow,
    receives: RateWindow,
    deletes: RateWindow,
    /// Workers long-polling this queue, in arrival order, with the time
    /// their wait runs out (one wait per queue, so these never decrease).
    waiters: VecDeque<(WorkerRef, SimTime)>,
    long_poll_check_at: Option<SimTime>,
    /// Visibility deadlines in receive order (one timeout per queue, so they
    /// never decrease): (deadline, copy, receipt).
    deadlines: VecDeque<(SimTime, CopyRef, u32)>,
    visibility_check_at: Option<SimTime>,
    retention_check_at: Option<SimTime>,
    in_flight: u64,
    delayed: u64,
    /// Standard: the newest order handed out by a first receive, to count
    /// out-of-order receives.
    newest_first_receive: u64,
    /// FIFO: per group, the newest order handed out (must only grow).
    newest_in_group: BTreeMap<u64, u64>,
    /// The dead-letter queue of the redrive policy, resolved.
    dead_letter: Option<(Node, u32)>,
}

impl Queue {
    fn visible_count(&self) -> u64 {
        if self.config.fifo {
            self.fifo_visible
        } else {
            self.visible.len() as u64
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WorkerState {
    /// No input queue to poll: waits for pushed work.
    Idle,
    /// Waiting for a receive's answer, or for its next short poll.
    Polling,
    /// Long-polling this queue.
    Waiting { queue: Node },
    /// Working through its batch.
    Processing,
    /// Waiting for a delete call to reach the queue.
    Deleting,
}

/// A message a worker holds: the copy, the receipt of its receive (0 for
/// pushed work) and its order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Held {
    copy: CopyRef,
    receipt: u32,
    order: u64,
}

struct Worker {
    ticket: u32,
    state: WorkerState,
    /// The batch: received copies with their receipts and orders (the order
    /// is kept because the worker holds the message even if the queue has
    /// since deleted its copy), or one pushed copy.
    batch: Vec<Held>,
    /// The queue (and wire) the batch came from; `None` for pushed work.
    source: Option<(Node, WireIx)>,
    /// The message of the batch being processed.
    next: usize,
}

struct Consumer {
    config: ConsumerConfig,
    rng: Rng,
    down: bool,
    slow_factor: f64,
    /// Every worker it ever had; only the first `active_workers` work. The
    /// list never shrinks, so a stopped worker's stale events still find
    /// it (and its bumped ticket).
    workers: Vec<Worker>,
    active_workers: u32,
    /// `config.instances`, or the Ready pods of the deployment it runs on.
    instances: u32,
    /// Pushed copies waiting for a worker.
    backlog: VecDeque<CopyRef>,
    /// Wires from queues into this consumer.
    inputs: Vec<WireIx>,
    next_input: usize,
    processed: ProcessedOrders,
    latency: LatencyHistogram,
}

impl Consumer {
    fn busy(&self) -> u32 {
        self.workers.iter().take(self.active_workers as usize).filter(|w| matches!(w.state, WorkerState::Processing | WorkerState::Deleting)).count()
            as u32
    }
}

enum NodeState {
    Publisher(Publisher),
    Topic(Topic),
    Queue(Box<Queue>),
    Consumer(Consumer),
    /// A cluster component; its state lives in the [`Cluster`].
    Cluster(ClusterPart),
}

/// Which part of the cluster a component is, with its index in the cluster's
/// lists where it has one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ClusterPart {
    Node,
    Deployment(u32),
    Service(u32),
    Ingress(u32),
    ControlPlane,
}

fn new_worker(batch_size: u32) -> Worker {
    Worker { ticket: 0, state: WorkerState::Idle, batch: Vec::with_capacity(batch_size as usize), source: None, next: 0 }
}

struct NodeInfo {
    id: ComponentId,
    state: NodeState,
    out_wires: Vec<WireIx>,
    counters: Counters,
}

struct WireInfo {
    from: Node,
    to: Node,
    latency: SimTime,
    extra_delay: SimTime,
    partitioned: bool,
    loss_ratio: f64,
    rng: Rng,
    /// Subscriptions: the filter compiled per publisher (index = publisher node).
    filters: Option<Vec<Option<CompiledFilter>>>,
    /// Subscriptions: the dead-letter queue.
    dead_letter: Option<Node>,
}

/// A running scenario. Build with [`Simulation::new`], advance with
/// [`Simulation::run_until`] or [`Simulation::step`], intervene with
/// [`Simulation::command`], read with [`Simulation::report`].
pub struct Simulation {
    scenario: Arc<Scenario>,
    now: SimTime,
    events: EventQueue<Event>,
    nodes: Vec<NodeInfo>,
    wires: Vec<WireInfo>,
    slots: Vec<Slot>,
    free_slots: Vec<u32>,
    next_order: u64,
    next_copy: u64,
    // Scenario-wide tallies, kept as copies change state.
    published: u64,
    created: u64,
    ended: [u64; 7],
    duplicates: u64,
    live: [u64; 6],
    events_processed: u64,
    hasher: TraceHasher,
    trace: VecDeque<TraceRecord>,
    records_written: u64,
    /// Commands applied live (not from the fault script), for replay.
    live_commands: Vec<(SimTime, Command)>,
    /// Everything done to the run from outside, in order, for replay: a
    /// command applied now, or one scheduled for later (with its time).
    interventions: Vec<(SimTime, Option<SimTime>, Command)>,
    /// While replaying for a lineage: the order whose records to keep.
    watch: Option<(u64, Vec<TraceRecord>)>,
    first_lost: Option<u64>,
    first_duplicate: Option<u64>,
    fifo_violations: u64,
    first_fifo_violation: Option<u64>,
    /// Whether the last `mark_processed` found a duplicate (for its trace record).
    duplicates_first_mark: bool,
    /// The Kubernetes-like cluster, when the scenario has cluster components.
    cluster: Option<Box<Cluster>>,
    cluster_fx: Effects,
    cluster_trace: VecDeque<ClusterTraceRecord>,
    cluster_records_written: u64,
    /// Per cluster deployment: the publishers and consumers running on it.
    running_on: Vec<Vec<Node>>,
    /// Per cluster deployment: the consumer that serves requests routed to
    /// its pods (the first one running on it).
    serving_consumer: Vec<Option<Node>>,
    /// A batch being deleted, copied out of its worker so the worker can
    /// change meanwhile. Kept between deletes so the hot path does not
    /// allocate (an allocation per delete cost more in wasm than natively).
    deleting: Vec<Held>,
}

fn end_index(end: End) -> usize {
    match end {
        End::Delivered => 0,
        End::FannedOut => 1,
        End::Filtered => 2,
        End::Deduplicated => 3,
        End::DeadLettered => 4,
        End::Expired => 5,
        End::Lost(_) => 6,
    }
}

fn state_index(state: CopyState) -> usize {
    match state {
        CopyState::Transit => 0,
        CopyState::Delayed { .. } => 1,
        CopyState::Stored { .. } => 2,
        CopyState::InFlight { .. } => 3,
        CopyState::AtConsumer { .. } => 4,
        CopyState::RetryWait { .. } => 5,
    }
}

/// The panic behind `queue()` and `consumer()`, out of line: formatting the
/// message needs stack memory, and in WebAssembly a function that might
/// format pays for its shadow-stack frame on every call, not only when it
/// panics (LLVM's wasm backend does not shrink-wrap).
#[cold]
#[inline(never)]
fn not_a(kind: &str, n: Node) -> ! {
    unreachable!("node {n} is not a {kind}")
}

fn ms(n: u64) -> SimTime {
    SimTime::from_ms(n)
}

impl Simulation {
    /// Builds a simulation of a valid scenario at time zero, with its fault
    /// script scheduled.
    pub fn new(scenario: &Scenario) -> Result<Simulation, BuildError> {
        Simulation::build(Arc::new(scenario.clone()), None)
    }

    fn build(scenario: Arc<Scenario>, watch: Option<u64>) -> Result<Simulation, BuildError> {
        validate(&scenario).map_err(BuildError)?;
        let root = Rng::new(scenario.seed);
        let index_of = |id: &ComponentId| -> Node {
            scenario.components.iter().position(|c| &c.id == id).expect("validated references exist") as Node
        };
        let mut nodes: Vec<NodeInfo> = scenario
            .components
            .iter()
            .map(|c| NodeInfo {
                id: c.id.clone(),
                state: match &c.spec {
                    Spec::Publisher(config) => NodeState::Publisher(Publisher {
                        group_keys: publisher_group_keys(config),
                        config: config.clone(),
                        rng: root.fork(c.id.as_str()),
                        down: false,
                        epoch: 0,
                        next_round_robin: 0,
                        // Running on a deployment, it has no instance until a pod is Ready.
                        instances: u32::from(config.runs_on.is_none()),
                    }),
                    Spec::Topic(config) => NodeState::Topic(Topic {
                        config: config.clone(),
                        rng: root.fork(c.id.as_str()),
                        dedup: DedupWindow::default(),
                        publishes: RateWindow::new(FIFO_TOPIC_MESSAGES_PER_S),
                    }),
                    Spec::Queue(config) => NodeState::Queue(Box::new(Queue {
                        config: config.clone(),
                        rng: root.fork(c.id.as_str()),
                        visible: VecDeque::new(),
                        groups: BTreeMap::new(),
                        ready_groups: VecDeque::new(),
                        fifo_visible: 0,
                        dedup: DedupWindow::default(),
                        sends: RateWindow::new(FIFO_QUEUE_CALLS_PER_S),
                        receives: RateWindow::new(FIFO_QUEUE_CALLS_PER_S),
                        deletes: RateWindow::new(FIFO_QUEUE_CALLS_PER_S),
                        waiters: VecDeque::new(),
                        long_poll_check_at: None,
                        deadlines: VecDeque::new(),
                        visibility_check_at: None,
                        retention_check_at: None,
                        in_flight: 0,
                        delayed: 0,
                        newest_first_receive: 0,
                        newest_in_group: BTreeMap::new(),
                        dead_letter: config.redrive.as_ref().map(|r| (index_of(&r.dead_letter_queue), r.max_receive_count)),
                    })),
                    Spec::Consumer(config) => {
                        // Running on a deployment, it has no instance until a pod is Ready.
                        let instances = if config.runs_on.is_some() { 0 } else { config.instances };
                        NodeState::Consumer(Consumer {
                        workers: (0..instances * config.concurrency).map(|_| new_worker(config.batch_size)).collect(),
                        active_workers: instances * config.concurrency,
                        instances,
                        config: config.clone(),
                        rng: root.fork(c.id.as_str()),
                        down: false,
                        slow_factor: 1.0,
                        backlog: VecDeque::new(),
                        inputs: Vec::new(),
                        next_input: 0,
                        processed: ProcessedOrders::default(),
                        latency: LatencyHistogram::default(),
                    })
                    }
                    Spec::Node(_) => NodeState::Cluster(ClusterPart::Node),
                    // Indices into the cluster's lists are filled in below.
                    Spec::Deployment(_) => NodeState::Cluster(ClusterPart::Deployment(0)),
                    Spec::Service(_) => NodeState::Cluster(ClusterPart::Service(0)),
                    Spec::Ingress(_) => NodeState::Cluster(ClusterPart::Ingress(0)),
                    Spec::ControlPlane(_) => NodeState::Cluster(ClusterPart::ControlPlane),
                },
                out_wires: Vec::new(),
                counters: Counters::default(),
            })
            .collect();

        let mut wires = Vec::with_capacity(scenario.wires.len());
        for (i, w) in scenario.wires.iter().enumerate() {
            let (from, to) = (index_of(&w.from), index_of(&w.to));
            nodes[from as usize].out_wires.push(i as WireIx);
            if matches!(nodes[from as usize].state, NodeState::Queue(_)) {
                if let NodeState::Consumer(consumer) = &mut nodes[to as usize].state {
                    consumer.inputs.push(i as WireIx);
                }
            }
            let filters = w.filter_policy.as_ref().map(|policy| {
                scenario
                    .components
                    .iter()
                    .map(|c| match &c.spec {
                        Spec::Publisher(p) => Some(CompiledFilter::compile(policy, &p.attributes)),
                        _ => None,
                    })
                    .collect()
            });
            wires.push(WireInfo {
                from,
                to,
                latency: ms(w.latency_ms),
                extra_delay: SimTime::ZERO,
                partitioned: false,
                loss_ratio: 0.0,
                rng: root.fork(&format!("wire {} {}", w.from, w.to)),
                filters,
                dead_letter: w.dead_letter_queue.as_ref().map(index_of),
            });
        }

        // The cluster's deployments and services are numbered in component
        // order, as `Scenario::cluster_spec` lists them.
        let (mut deployments, mut services, mut ingresses) = (0u32, 0u32, 0u32);
        let mut running_on: Vec<Vec<Node>> = Vec::new();
        let mut deployment_of: BTreeMap<&str, u32> = BTreeMap::new();
        for (n, c) in scenario.components.iter().enumerate() {
            match &mut nodes[n].state {
                NodeState::Cluster(ClusterPart::Deployment(d)) => {
                    *d = deployments;
                    deployment_of.insert(c.id.as_str(), deployments);
                    running_on.push(Vec::new());
                    deployments += 1;
                }
                NodeState::Cluster(ClusterPart::Service(s)) => {
                    *s = services;
                    services += 1;
                }
                NodeState::Cluster(ClusterPart::Ingress(i)) => {
                    *i = ingresses;
                    ingresses += 1;
                }
                _ => {}
            }
        }
        let mut serving_consumer = vec![None; running_on.len()];
        for (n, c) in scenario.components.iter().enumerate() {
            let runs_on = match &c.spec {
                Spec::Consumer(k) => k.runs_on.as_ref(),
                Spec::Publisher(p) => p.runs_on.as_ref(),
                _ => None,
            };
            if let Some(&d) = runs_on.and_then(|id| deployment_of.get(id.as_str())) {
                running_on[d as usize].push(n as Node);
                if matches!(c.spec, Spec::Consumer(_)) && serving_consumer[d as usize].is_none() {
                    serving_consumer[d as usize] = Some(n as Node);
                }
            }
        }
        // The cluster forks its own streams from the root, so the messaging
        // streams (and a scenario without a cluster) are unchanged.
        let mut cluster_fx = Effects::default();
        let cluster = match scenario.cluster_spec() {
            Some(spec) => Some(Box::new(Cluster::new(&spec, &root, SimTime::ZERO, &mut cluster_fx).map_err(|e| {
                BuildError(e.0.into_iter().map(|message| ValidationError { at: "cluster".into(), message }).collect())
            })?)),
            None => None,
        };

        let mut sim = Simulation {
            scenario: scenario.clone(),
            now: SimTime::ZERO,
            events: EventQueue::new(),
            nodes,
            wires,
            slots: Vec::new(),
            free_slots: Vec::new(),
            next_order: 1,
            next_copy: 1,
            published: 0,
            created: 0,
            ended: [0; 7],
            duplicates: 0,
            live: [0; 6],
            events_processed: 0,
            hasher: TraceHasher::default(),
            trace: VecDeque::with_capacity(TRACE_RING_CAPACITY),
            records_written: 0,
            live_commands: Vec::new(),
            interventions: Vec::new(),
            deleting: Vec::with_capacity(crate::scenario::validate::MAX_BATCH_SIZE as usize),
            watch: watch.map(|order| (order, Vec::new())),
            first_lost: None,
            first_duplicate: None,
            fifo_violations: 0,
            first_fifo_violation: None,
            duplicates_first_mark: false,
            cluster,
            cluster_fx: Effects::default(),
            cluster_trace: VecDeque::new(),
            cluster_records_written: 0,
            running_on,
            serving_consumer,
        };
        for n in 0..sim.nodes.len() as Node {
            match &sim.nodes[n as usize].state {
                NodeState::Publisher(_) => sim.schedule_next_publish(n),
                NodeState::Consumer(_) => sim.start_workers(n),
                _ => {}
            }
        }
        for scheduled in &scenario.faults {
            sim.events.push(ms(scheduled.at_ms), Event::Fault(Box::new(scheduled.fault.clone())));
        }
        sim.absorb_cluster(&mut cluster_fx);
        Ok(sim)
    }

    // ----- the public surface ----------------------------------------------

    pub fn now(&self) -> SimTime {
        self.now
    }

    /// The scenario this simulation runs.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The time of the next pending event, if any.
    pub fn next_event_time(&self) -> Option<SimTime> {
        self.events.peek_time()
    }

    /// Processes every event with time ≤ `until`, then sets now = `until`.
    /// Running to T in one call or in many smaller calls gives the same trace.
    ///
    /// Never inlined: V8 moves a wasm function to optimised code only when
    /// it is next called (there is no on-stack replacement for wasm), so
    /// this loop, inlined into a caller that runs once (a CLI run, a
    /// benchmark), would stay in V8's baseline code for the whole run.
    #[inline(never)]
    pub fn run_until(&mut self, until: SimTime) {
        while self.process_one_event(until) {}
        if until > self.now {
            self.now = until;
        }
    }

    /// Processes exactly one event, the earliest pending one, and returns
    /// whether there was one. Tests use it to check invariants after every
    /// event; it never runs past `limit`.
    pub fn process_one_event(&mut self, limit: SimTime) -> bool {
        match self.events.pop_due(limit) {
            Some((at, event)) => {
                self.now = at;
                self.events_processed += 1;
                self.handle(event);
                true
            }
            None => false,
        }
    }

    /// Advances to the next event time and processes every event due then.
    /// Returns the new time, or `None` when nothing is pending.
    pub fn step(&mut self) -> Option<SimTime> {
        let next = self.events.peek_time()?;
        self.run_until(next);
        Some(next)
    }

    /// Applies a fault now. It is logged with its time and hashed into the
    /// trace, so replaying the same commands at the same times replays the run.
    pub fn command(&mut self, command: Command) -> Result<(), CommandError> {
        self.check_command(&command)?;
        if self.is_cluster_fault(&command) {
            // kubectl-like commands fail at once while etcd has no quorum.
            let needs_api = self.cluster_commands(&command)?.iter().any(ClusterCommand::needs_api);
            if needs_api && !self.cluster.as_ref().is_some_and(|c| c.api_available()) {
                return Err(CommandError::NotSupported(
                    "The API server is unavailable (etcd has no quorum): kubectl calls fail.".into(),
                ));
            }
        }
        self.live_commands.push((self.now, command.clone()));
        self.interventions.push((self.now, None, command.clone()));
        self.apply_fault(command);
        Ok(())
    }

    /// Schedules a fault for a later sim time (as a fault script entry
    /// would). Logged too, so a lineage replay schedules it at the same point.
    pub fn schedule(&mut self, at: SimTime, command: Command) -> Result<(), CommandError> {
        self.check_command(&command)?;
        let at = at.max(self.now);
        self.interventions.push((self.now, Some(at), command.clone()));
        self.events.push(at, Event::Fault(Box::new(command)));
        Ok(())
    }

    /// A wire's network faults right now: (partitioned, extra delay in ms,
    /// loss ratio), whether set live or by the fault script.
    pub fn wire_faults(&self, from: &ComponentId, to: &ComponentId) -> Option<(bool, u64, f64)> {
        let w = &self.wires[self.wire_index(from, to)? as usize];
        Some((w.partitioned, w.extra_delay.as_ms(), w.loss_ratio))
    }

    /// Faults applied live so far (not those of the fault script), with their times.
    pub fn command_log(&self) -> &[(SimTime, Command)] {
        &self.live_commands
    }

    /// Whether the component is down (killed and not revived).
    pub fn is_down(&self, id: &ComponentId) -> bool {
        self.activity(id).down
    }

    pub fn activity(&self, id: &ComponentId) -> Activity {
        self.node_index(id).map(|n| self.activity_of(n)).unwrap_or_default()
    }

    /// The Kubernetes-like cluster, when the scenario has cluster components:
    /// nodes, pods, deployments, services, the control plane and
    /// `why_placement`, as read views.
    pub fn cluster(&self) -> Option<&Cluster> {
        self.cluster.as_deref()
    }

    /// The most recent cluster trace records, oldest first (they are hashed
    /// into [`Simulation::trace_hash`] with the messaging records).
    pub fn recent_cluster_trace(&self) -> impl DoubleEndedIterator<Item = &ClusterTraceRecord> + ExactSizeIterator {
        self.cluster_trace.iter()
    }

    /// How many cluster trace records were ever written.
    pub fn cluster_trace_records_written(&self) -> u64 {
        self.cluster_records_written
    }

    /// A cluster trace record as a sentence, for the event log.
    pub fn describe_cluster(&self, record: &ClusterTraceRecord) -> String {
        self.cluster.as_ref().map(|c| c.describe(record)).unwrap_or_default()
    }

    /// Messages travelling wires right now (arbitrary order).
    pub fn transits(&self) -> impl Iterator<Item = Transit> + '_ {
        self.events.iter().filter_map(move |(arrive_at, event)| match *event {
            Event::Arrive { copy, wire, sent_at, dropped, .. } => {
                let order = self.copy(copy).map(|c| c.data.order)?;
                Some(Transit { wire: wire as usize, sent_at, arrive_at, order, dropped })
            }
            Event::ReceiveArrived { wire, sent_at, dropped, order, .. } => {
                Some(Transit { wire: wire as usize, sent_at, arrive_at, order, dropped })
            }
            _ => None,
        })
    }

    /// Every trace record of one order so far, oldest first: its lineage
    /// (published, fanned out, enqueued, received ×N, deleted / dead-lettered
    /// / expired / lost / filtered, with why). Complete for any order: it
    /// replays the run from the start (same scenario, seed and live faults)
    /// and keeps that order's records, so nothing is stored while running.
    pub fn lineage(&self, order: u64) -> Vec<TraceRecord> {
        let Ok(mut replay) = Simulation::build(self.scenario.clone(), Some(order)) else {
            return Vec::new();
        };
        for (at, scheduled_for, command) in &self.interventions {
            replay.run_until(*at);
            let done = match scheduled_for {
                None => replay.command(command.clone()),
                Some(when) => replay.schedule(*when, command.clone()),
            };
            debug_assert!(done.is_ok(), "it applied the first time");
        }
        replay.run_until(self.now);
        debug_assert_eq!(replay.trace_hash(), self.trace_hash(), "a replay is the same run");
        replay.watch.map(|(_, records)| records).unwrap_or_default()
    }

    /// The orders of the copies a component holds right now (a queue's
    /// stored and in-flight copies, a consumer's work, a topic's retries),
    /// oldest first, at most `limit`.
    pub fn orders_at(&self, id: &ComponentId, limit: usize) -> Vec<u64> {
        let Some(n) = self.node_index(id) else { return Vec::new() };
        let mut orders: Vec<u64> = self
            .live_copies()
            .filter(|c| self.holder_of(c) == Some(n))
            .map(|c| c.data.order)
            .collect();
        orders.sort_unstable();
        orders.dedup();
        orders.truncate(limit);
        orders
    }

    /// The live checks of the invariant panel.
    pub fn invariants(&self) -> Invariants {
        Invariants {
            lost: InvariantCheck { count: self.ended[end_index(End::Lost(LostReason::ConsumerDown))], first_order: self.first_lost },
            processed_more_than_once: InvariantCheck { count: self.duplicates, first_order: self.first_duplicate },
            fifo_order_violated: InvariantCheck { count: self.fifo_violations, first_order: self.first_fifo_violation },
            conservation_holds: self.conservation_holds(),
        }
    }

    /// The most recent trace records, oldest first.
    pub fn recent_trace(&self) -> impl DoubleEndedIterator<Item = &TraceRecord> + ExactSizeIterator {
        self.trace.iter()
    }

    /// How many trace records were ever written (the ring keeps the last
    /// [`TRACE_RING_CAPACITY`]); lets a reader pick out the new ones.
    pub fn trace_records_written(&self) -> u64 {
        self.records_written
    }

    /// The component id of a trace record's `component` index.
    pub fn component_id(&self, index: u32) -> Option<&ComponentId> {
        self.nodes.get(index as usize).map(|n| &n.id)
    }

    pub fn trace_hash(&self) -> u64 {
        self.hasher.finish()
    }

    pub fn events_processed(&self) -> u64 {
        self.events_processed
    }

    /// Scenario-wide counters.
    pub fn totals(&self) -> Counters {
        let mut latency = LatencyHistogram::default();
        let mut totals = Counters::default();
        for node in &self.nodes {
            let c = &node.counters;
            totals.expired += c.expired;
            totals.dead_lettered += c.dead_lettered;
            totals.throttled += c.throttled;
            totals.out_of_order += c.out_of_order;
            totals.filtered += c.filtered;
            totals.deduplicated += c.deduplicated;
            if let NodeState::Consumer(consumer) = &node.state {
                latency.merge(&consumer.latency);
            }
        }
        Counters {
            published: self.published,
            delivered: self.ended[end_index(End::Delivered)],
            in_queue: self.live[1] + self.live[2],
            in_flight: self.live[0] + self.live[3] + self.live[4] + self.live[5],
            lost: self.ended[end_index(End::Lost(LostReason::ConsumerDown))],
            duplicates: self.duplicates,
            oldest_message_age_ms: self.oldest_ages_ms().into_iter().max().unwrap_or(0),
            latency_p50_ms: latency.percentile_ms(50),
            latency_p99_ms: latency.percentile_ms(99),
            ..totals
        }
    }

    /// Counters of one component.
    pub fn counters(&self, id: &ComponentId) -> Option<Counters> {
        let n = self.node_index(id)?;
        Some(self.counters_of(n, self.oldest_age_ms(n)))
    }

    fn counters_of(&self, n: Node, oldest_message_age_ms: u64) -> Counters {
        let node = &self.nodes[n as usize];
        let (p50, p99) = match &node.state {
            NodeState::Consumer(c) => (c.latency.percentile_ms(50), c.latency.percentile_ms(99)),
            _ => (0, 0),
        };
        Counters { oldest_message_age_ms, latency_p50_ms: p50, latency_p99_ms: p99, ..node.counters.clone() }
    }

    /// Copies created so far, and how their journeys ended or where they are.
    /// The conservation invariant: every copy ever created is in exactly one
    /// state.
    pub fn conservation_holds(&self) -> bool {
        self.created == self.ended.iter().sum::<u64>() + self.live.iter().sum::<u64>()
    }

    /// Recounts every live copy from scratch and compares with the tallies
    /// kept incrementally; checks FIFO bookkeeping. For tests: it walks
    /// everything.
    pub fn audit(&self) -> Result<(), String> {
        // One pass over the live copies, tallied per state, queue and group.
        let mut counted = [0u64; 6];
        let mut stored = vec![0u64; self.nodes.len()];
        let mut in_flight = vec![0u64; self.nodes.len()];
        let mut group_in_flight: BTreeMap<(Node, u64), u32> = BTreeMap::new();
        for copy in self.live_copies() {
            counted[state_index(copy.state)] += 1;
            match copy.state {
                CopyState::Stored { queue } => stored[queue as usize] += 1,
                CopyState::InFlight { queue, .. } => {
                    in_flight[queue as usize] += 1;
                    *group_in_flight.entry((queue, copy.data.group)).or_default() += 1;
                }
                _ => {}
            }
        }
        if counted != self.live {
            return Err(format!("live copies {counted:?} but tallies say {:?}", self.live));
        }
        if !self.conservation_holds() {
            return Err(format!(
                "conservation broken: created {} ≠ ended {:?} + live {:?}",
                self.created, self.ended, self.live
            ));
        }
        for (n, node) in self.nodes.iter().enumerate() {
            match &node.state {
                NodeState::Queue(q) => {
                    if stored[n] != q.visible_count() {
                        return Err(format!("{}: {} copies stored, {} listed visible", node.id, stored[n], q.visible_count()));
                    }
                    if in_flight[n] != q.in_flight || in_flight[n] != node.counters.in_flight {
                        return Err(format!("{}: {} in flight, counted {}", node.id, in_flight[n], q.in_flight));
                    }
                    if q.config.fifo {
                        for (key, group) in &q.groups {
                            let really = group_in_flight.get(&(n as Node, *key)).copied().unwrap_or(0);
                            if really != group.in_flight {
                                return Err(format!("{}: group {key:x} has {really} in flight, counted {}", node.id, group.in_flight));
                            }
                            let orders: Vec<u64> =
                                group.visible.iter().filter_map(|r| self.copy(*r)).map(|c| c.data.order).collect();
                            if orders.windows(2).any(|w| w[0] > w[1]) {
                                return Err(format!("{}: group {key:x} out of order: {orders:?}", node.id));
                            }
                        }
                    }
                }
                NodeState::Consumer(c) => {
                    let busy = c.busy();
                    if busy > c.instances * c.config.concurrency || c.active_workers != c.instances * c.config.concurrency
                    {
                        return Err(format!("{}: {busy} busy of {} workers", node.id, c.active_workers));
                    }
                    let parked_busy = c.workers.iter().skip(c.active_workers as usize).any(|w| !w.batch.is_empty());
                    if parked_busy {
                        return Err(format!("{}: a stopped worker still holds messages", node.id));
                    }
                }
                _ => {}
            }
        }
        if let Some(cluster) = &self.cluster {
            cluster.audit().map_err(|e| format!("cluster: {e}"))?;
        }
        Ok(())
    }

    /// A snapshot of every counter, for the metrics panel and the CLI.
    pub fn report(&self) -> Report {
        let oldest = self.oldest_ages_ms();
        Report {
            now_ms: self.now.as_ms(),
            totals: self.totals(),
            components: (0..self.nodes.len())
                .map(|n| ComponentReport { id: self.nodes[n].id.clone(), counters: self.counters_of(n as Node, oldest[n]) })
                .collect(),
            copies_created: self.created,
            copies_fanned_out: self.ended[end_index(End::FannedOut)],
            conservation_holds: self.conservation_holds(),
            invariants: self.invariants(),
            events_processed: self.events_processed,
            trace_hash: format!("{:016x}", self.trace_hash()),
        }
    }

    // ----- reading state -----------------------------------------------------

    fn node_index(&self, id: &ComponentId) -> Option<Node> {
        self.nodes.iter().position(|n| &n.id == id).map(|i| i as Node)
    }

    fn live_copies(&self) -> impl Iterator<Item = &Copy> {
        self.slots.iter().filter_map(|s| s.copy.as_ref())
    }

    /// Which component holds a live copy, for `orders_at`.
    fn holder_of(&self, c: &Copy) -> Option<Node> {
        match c.state {
            CopyState::Delayed { queue } | CopyState::Stored { queue } | CopyState::InFlight { queue, .. } => Some(queue),
            CopyState::AtConsumer { consumer } => Some(consumer),
            CopyState::RetryWait { at } => Some(at),
            CopyState::Transit => None,
        }
    }

    fn activity_of(&self, n: Node) -> Activity {
        let node = &self.nodes[n as usize];
        match &node.state {
            NodeState::Publisher(p) => Activity { down: p.down, ..Activity::default() },
            NodeState::Topic(t) => Activity {
                in_flight: node.counters.in_flight,
                throttling: t.publishes.throttling(self.now),
                ..Activity::default()
            },
            NodeState::Queue(q) => Activity {
                waiting: q.visible_count(),
                in_flight: q.in_flight,
                delayed: q.delayed,
                throttling: q.sends.throttling(self.now) || q.receives.throttling(self.now) || q.deletes.throttling(self.now),
                ..Activity::default()
            },
            NodeState::Cluster(part) => self.cluster_activity(&node.id, *part),
            NodeState::Consumer(c) => Activity {
                down: c.down,
                busy: c.busy(),
                workers: c.active_workers,
                waiting: c.backlog.len() as u64,
                in_flight: node.counters.in_flight,
                slowed: c.slow_factor != 1.0,
                slow_factor_percent: (c.slow_factor * 100.0).round() as u32,
                ..Activity::default()
            },
        }
    }

    /// A cluster component for drawing: a dead node is down; a deployment's
    /// busy/workers are its Ready/desired pods; a service's busy is its
    /// endpoints; the control plane is down while the API is unavailable.
    fn cluster_activity(&self, id: &ComponentId, part: ClusterPart) -> Activity {
        let Some(cluster) = &self.cluster else { return Activity::default() };
        match part {
            ClusterPart::Node => cluster
                .node(id.as_str())
                .map(|n| Activity { down: n.down, busy: n.pods, workers: n.max_pods, ..Activity::default() })
                .unwrap_or_default(),
            ClusterPart::Deployment(d) => {
                let desired = cluster.deployment(id.as_str()).map_or(0, |v| v.desired);
                Activity { busy: cluster.ready_pods_of(d), workers: desired, ..Activity::default() }
            }
            ClusterPart::Service(_) => cluster
                .service(id.as_str())
                .map(|s| Activity { busy: s.endpoints.len() as u32, ..Activity::default() })
                .unwrap_or_default(),
            ClusterPart::ControlPlane => Activity { down: !cluster.api_available(), ..Activity::default() },
            ClusterPart::Ingress(_) => Activity::default(),
        }
    }

    /// The age of the oldest copy in each queue (0 for other components), in
    /// one pass over the live copies.
    fn oldest_ages_ms(&self) -> Vec<u64> {
        let mut oldest = vec![0u64; self.nodes.len()];
        for c in self.live_copies() {
            if let CopyState::Delayed { queue } | CopyState::Stored { queue } | CopyState::InFlight { queue, .. } = c.state {
                let age = self.now.saturating_sub(c.enqueued_at).as_ms();
                oldest[queue as usize] = oldest[queue as usize].max(age);
            }
        }
        oldest
    }

    fn oldest_age_ms(&self, n: Node) -> u64 {
        if !matches!(self.nodes[n as usize].state, NodeState::Queue(_)) {
            return 0;
        }
        self.oldest_ages_ms()[n as usize]
    }

    fn copy(&self, r: CopyRef) -> Option<&Copy> {
        let slot = self.slots.get(r.slot as usize)?;
        if slot.generation != r.generation {
            return None;
        }
        slot.copy.as_ref()
    }

    fn copy_mut(&mut self, r: CopyRef) -> Option<&mut Copy> {
        let slot = self.slots.get_mut(r.slot as usize)?;
        if slot.generation != r.generation {
            return None;
        }
        slot.copy.as_mut()
    }

    fn queue(&mut self, n: Node) -> &mut Queue {
        match &mut self.nodes[n as usize].state {
            NodeState::Queue(q) => q,
            _ => not_a("queue", n),
        }
    }

    fn consumer(&mut self, n: Node) -> &mut Consumer {
        match &mut self.nodes[n as usize].state {
            NodeState::Consumer(c) => c,
            _ => not_a("consumer", n),
        }
    }

    fn worker(&mut self, w: WorkerRef) -> &mut Worker {
        &mut self.consumer(w.consumer).workers[w.worker as usize]
    }

    /// Whether an event for this worker is still the one it waits for.
    fn current(&self, w: WorkerRef) -> bool {
        match &self.nodes[w.consumer as usize].state {
            NodeState::Consumer(c) => {
                !c.down && w.worker < c.active_workers && c.workers[w.worker as usize].ticket == w.ticket
            }
            _ => false,
        }
    }

    /// Gives a worker a new step to wait for; older events become stale.
    fn next_ticket(&mut self, consumer: Node, worker: u32) -> WorkerRef {
        let w = &mut self.consumer(consumer).workers[worker as usize];
        w.ticket = w.ticket.wrapping_add(1);
        WorkerRef { consumer, worker, ticket: w.ticket }
    }

    // ----- the trace -----------------------------------------------------------

    fn record(&mut self, kind: TraceKind, order: u64, copy: u64, component: Node, wire: u32, detail: u32) {
        let record = TraceRecord { at: self.now, kind, order, copy, component, wire, detail };
        let h = &mut self.hasher;
        h.write_u64(record.at.0);
        h.write_u64(kind.code());
        h.write_u64(order);
        h.write_u64(copy);
        h.write_u64((u64::from(component) << 32) | u64::from(wire));
        h.write_u64(u64::from(detail));
        self.records_written += 1;
        if self.trace.len() == TRACE_RING_CAPACITY {
            self.trace.pop_front();
        }
        self.trace.push_back(record);
        if let Some((watched, records)) = &mut self.watch {
            if *watched == order {
                records.push(record);
            }
        }
    }

    fn record_copy(&mut self, kind: TraceKind, r: CopyRef, component: Node, wire: u32, detail: u32) {
        if let Some(c) = self.copy(r) {
            let (order, id) = (c.data.order, c.id);
            self.record(kind, order, id, component, wire, detail);
        }
    }

    // ----- copies and their states -----------------------------------------------

    /// Inlined, like `set_state`: its arguments are too big for wasm32
    /// registers, and the caller's order data can go straight to the slot.
    #[inline(always)]
    fn new_copy(&mut self, data: OrderData, state: CopyState) -> CopyRef {
        let id = self.next_copy;
        self.next_copy += 1;
        self.created += 1;
        let copy =
            Copy { id, data, state, enqueued_at: self.now, receives: 0, receipt: 0, pushed_by: None };
        self.count_state(state, 1);
        match self.free_slots.pop() {
            Some(slot) => {
                let s = &mut self.slots[slot as usize];
                s.copy = Some(copy);
                CopyRef { slot, generation: s.generation }
            }
            None => {
                self.slots.push(Slot { generation: 0, copy: Some(copy) });
                CopyRef { slot: self.slots.len() as u32 - 1, generation: 0 }
            }
        }
    }

    /// Moves a live copy to another live state, keeping the tallies.
    /// Inlined: a `CopyState` is too big for wasm32 to pass in registers,
    /// so a call would go through the shadow stack.
    #[inline(always)]
    fn set_state(&mut self, r: CopyRef, state: CopyState) {
        let old = {
            let copy = self.copy_mut(r).expect("set_state on a live copy");
            std::mem::replace(&mut copy.state, state)
        };
        self.count_state(old, -1);
        self.count_state(state, 1);
    }

    /// Ends a copy's life: it leaves the slab and is counted by how it ended,
    /// at component `at`. Returns nothing: moving a whole `Copy` out costs a
    /// large copy through memory in wasm, and few callers need it.
    fn retire(&mut self, r: CopyRef, end: End, at: Node) {
        let slot = &mut self.slots[r.slot as usize];
        debug_assert_eq!(slot.generation, r.generation);
        // Read the three fields in place rather than moving the copy out.
        let copy = slot.copy.as_ref().expect("retire a live copy");
        let (state, order, id) = (copy.state, copy.data.order, copy.id);
        slot.copy = None;
        slot.generation = slot.generation.wrapping_add(1);
        self.free_slots.push(r.slot);
        self.count_state(state, -1);
        self.ended[end_index(end)] += 1;
        let counters = &mut self.nodes[at as usize].counters;
        match end {
            End::Delivered | End::FannedOut => {}
            End::Filtered => {
                counters.filtered += 1;
            }
            End::Deduplicated => {
                counters.deduplicated += 1;
                self.record(TraceKind::Deduplicated, order, id, at, NO_WIRE, 0);
            }
            End::DeadLettered => counters.dead_lettered += 1,
            End::Expired => {
                counters.expired += 1;
                self.record(TraceKind::Expired, order, id, at, NO_WIRE, 0);
            }
            End::Lost(reason) => {
                counters.lost += 1;
                self.first_lost.get_or_insert(order);
                self.record(TraceKind::Lost(reason), order, id, at, NO_WIRE, 0);
            }
        }
    }

    /// Keeps the scenario-wide and per-component tallies of live states.
    /// Inlined for the same reason as `set_state`, its main caller.
    #[inline(always)]
    fn count_state(&mut self, state: CopyState, delta: i64) {
        fn bump(x: &mut u64, delta: i64) {
            *x = x.wrapping_add_signed(delta);
        }
        bump(&mut self.live[state_index(state)], delta);
        match state {
            CopyState::Transit => {}
            CopyState::Delayed { queue } => {
                bump(&mut self.nodes[queue as usize].counters.in_queue, delta);
                bump(&mut self.queue(queue).delayed, delta);
            }
            CopyState::Stored { queue } => bump(&mut self.nodes[queue as usize].counters.in_queue, delta),
            CopyState::InFlight { queue, holder } => {
                bump(&mut self.nodes[queue as usize].counters.in_flight, delta);
                bump(&mut self.queue(queue).in_flight, delta);
                if let Some(c) = holder {
                    bump(&mut self.nodes[c as usize].counters.in_flight, delta);
                }
            }
            CopyState::AtConsumer { consumer } => bump(&mut self.nodes[consumer as usize].counters.in_flight, delta),
            CopyState::RetryWait { at } => bump(&mut self.nodes[at as usize].counters.in_flight, delta),
        }
    }

    /// Sends a live copy along a wire. The network decides now whether the
    /// hop will be dropped; the sender learns when it would have arrived.
    fn send(&mut self, r: CopyRef, wire: WireIx, attempt: u32) {
        self.set_state(r, CopyState::Transit);
        let (arrive_at, dropped) = self.hop(wire);
        let from = self.wires[wire as usize].from;
        self.record_copy(TraceKind::Sent, r, from, wire, attempt);
        self.events.push(arrive_at, Event::Arrive { copy: r, wire, sent_at: self.now, dropped, attempt });
    }

    /// When a hop along `wire` sent now arrives, and whether it is dropped.
    fn hop(&mut self, wire: WireIx) -> (SimTime, bool) {
        let w = &mut self.wires[wire as usize];
        let dropped = w.partitioned || (w.loss_ratio > 0.0 && w.rng.next_f64() < w.loss_ratio);
        (self.now + w.latency + w.extra_delay, dropped)
    }

    // ----- event dispatch --------------------------------------------------------

    /// Inlined into `process_one_event`: the event (40 bytes) then stays in
    /// locals instead of going through wasm32's shadow stack.
    ///
    /// Inlining. A call costs V8's wasm code more than native code: every
    /// register is caller-saved, so the caller spills what it holds, and
    /// arguments bigger than 8 bytes go through memory. The common events'
    /// handlers and the small steps they take (`poll`, `serve_waiters`,
    /// `enqueue`, `empty_receive`, `mark_processed`, `send_delete`,
    /// `after_delete`) are therefore inlined; the rare ones are kept out
    /// (`#[inline(never)]`). Inlining the larger steps too (`receive`,
    /// `make_visible`) made the loop so large that V8's code got slower:
    /// measure with `scripts/bench throughput` before moving this line.
    #[inline(always)]
    fn handle(&mut self, event: Event) {
        match event {
            Event::Publish { publisher, epoch } => self.on_publish(publisher, epoch),
            Event::Resend { publisher, epoch, wire, data } => self.on_resend(publisher, epoch, wire, *data),
            Event::Arrive { copy, wire, dropped, attempt, .. } => self.on_arrive(copy, wire, dropped, attempt),
            Event::Retry { copy, wire, attempt } => {
                if self.copy(copy).is_some() {
                    self.send(copy, wire, attempt);
                }
            }
            Event::DelayOver { copy } => self.on_delay_over(copy),
            Event::VisibilityCheck { queue } => self.on_visibility_check(queue),
            Event::RetentionCheck { queue } => self.on_retention_check(queue),
            Event::ReceiveArrived { worker, wire, dropped, .. } => self.on_receive_arrived(worker, wire, dropped),
            Event::Poll { worker } => {
                if self.current(worker) {
                    self.poll(worker.consumer, worker.worker);
                }
            }
            Event::LongPollCheck { queue } => self.on_long_poll_check(queue),
            Event::ProcessingDone { worker } => self.on_processing_done(worker),
            Event::DeleteArrived { worker, dropped, index } => self.on_delete_arrived(worker, dropped, index),
            Event::Fault(fault) => self.apply_fault(*fault),
            Event::Cluster(event) => self.cluster_handle(*event),
        }
    }

    // ----- the cluster -------------------------------------------------------------

    /// Hands an event to the cluster and takes in what it produced.
    #[inline(never)]
    fn cluster_handle(&mut self, event: ClusterEvent) {
        let Some(cluster) = self.cluster.as_mut() else { return };
        let mut fx = std::mem::take(&mut self.cluster_fx);
        cluster.handle(self.now, event, &mut fx);
        self.absorb_cluster(&mut fx);
        self.cluster_fx = fx;
    }

    /// Schedules the cluster's events in the one queue, hashes its trace
    /// records into the one trace, and follows its Ready pods.
    fn absorb_cluster(&mut self, fx: &mut Effects) {
        for (at, event) in fx.events.drain(..) {
            self.events.push(at, Event::Cluster(Box::new(event)));
        }
        for record in fx.trace.drain(..) {
            record.hash_into(&mut self.hasher);
            self.cluster_records_written += 1;
            if self.cluster_trace.len() == CLUSTER_TRACE_RING_CAPACITY {
                self.cluster_trace.pop_front();
            }
            self.cluster_trace.push_back(record);
        }
        let notifications: Vec<ClusterNotification> = fx.notifications.drain(..).collect();
        for notification in notifications {
            match notification {
                ClusterNotification::ReadyPodsChanged { deployment, ready } => {
                    let running = self.running_on.get(deployment as usize).cloned().unwrap_or_default();
                    for n in running {
                        self.set_instances(n, ready.min(MAX_BOUND_INSTANCES));
                    }
                }
            }
        }
    }

    /// A publisher or consumer running on a deployment follows its Ready
    /// pods: an added instance starts work; a removed one dies as a crash
    /// does.
    fn set_instances(&mut self, n: Node, instances: u32) {
        match &mut self.nodes[n as usize].state {
            NodeState::Publisher(p) => {
                if p.instances == instances {
                    return;
                }
                p.instances = instances;
                // The next publish follows the new rate (and nothing is
                // published with no instance).
                p.epoch += 1;
                self.record(TraceKind::InstancesChanged, 0, 0, n, NO_WIRE, instances);
                self.schedule_next_publish(n);
            }
            NodeState::Consumer(c) => {
                if c.instances == instances {
                    return;
                }
                let (old, target) = (c.active_workers, instances * c.config.concurrency);
                c.instances = instances;
                c.active_workers = target;
                while c.workers.len() < target as usize {
                    c.workers.push(new_worker(c.config.batch_size));
                }
                let down = c.down;
                self.record(TraceKind::InstancesChanged, 0, 0, n, NO_WIRE, instances);
                if target > old {
                    if !down {
                        for worker in old..target {
                            self.become_free(n, worker);
                        }
                    }
                } else {
                    for worker in target..old {
                        self.stop_worker(n, worker);
                    }
                    if target == 0 {
                        // No instance left to take pushed work.
                        let backlog: Vec<CopyRef> = self.consumer(n).backlog.drain(..).collect();
                        for r in backlog {
                            self.push_failed(r, n, LostReason::ConsumerCrashed);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// A worker whose pod went away: what it held dies with it, as in a
    /// crash (pushed or acknowledged work is lost or retried by the topic;
    /// received-but-undeleted messages come back after their visibility
    /// timeout), and its pending events go stale.
    fn stop_worker(&mut self, consumer: Node, worker: u32) {
        let w = self.next_ticket(consumer, worker);
        let state = self.worker(w);
        let batch = std::mem::take(&mut state.batch);
        state.state = WorkerState::Idle;
        state.source = None;
        state.next = 0;
        for held in batch {
            match self.copy(held.copy).map(|c| (c.state, c.receipt)) {
                Some((CopyState::AtConsumer { consumer: at }, _)) if at == consumer => {
                    self.push_failed(held.copy, consumer, LostReason::ConsumerCrashed)
                }
                Some((CopyState::InFlight { queue, holder: Some(h) }, receipt))
                    if h == consumer && receipt == held.receipt =>
                {
                    self.set_state(held.copy, CopyState::InFlight { queue, holder: None })
                }
                _ => {}
            }
        }
        for n in 0..self.nodes.len() {
            if let NodeState::Queue(q) = &mut self.nodes[n].state {
                q.waiters.retain(|(x, _)| x.consumer != consumer || x.worker != worker);
            }
        }
    }

    /// A copy arrived at a Service or an Ingress (`door`) along `wire`, and
    /// the cluster routed it (`routed`): the consumer running on the chosen
    /// pod's deployment takes the call (without one, the door counts it
    /// delivered). No endpoint, one that does not answer, a dead node or no
    /// ingress rule: the call fails, and a topic retries it.
    fn take_call(
        &mut self,
        r: CopyRef,
        wire: WireIx,
        door: Node,
        routed: Result<crate::cluster::Routed, crate::cluster::RouteError>,
        attempt: u32,
    ) {
        use crate::cluster::RouteError;
        let cluster = self.cluster.as_ref().expect("doors belong to the cluster");
        let deployment = match routed {
            Ok(routed) => cluster.deployment_of_pod(routed.pod).ok_or(LostReason::NoReadyEndpoint),
            Err(RouteError::NodeDown) => Err(LostReason::NodeDown),
            Err(RouteError::NoRule | RouteError::NoIngressController) => Err(LostReason::NoIngressRoute),
            Err(_) => Err(LostReason::NoReadyEndpoint),
        };
        let deployment = match deployment {
            Ok(deployment) => deployment,
            Err(reason) => {
                if let Some(c) = self.copy_mut(r) {
                    c.pushed_by = Some((wire, attempt));
                }
                return self.push_failed(r, door, reason);
            }
        };
        match self.serving_consumer.get(deployment as usize).copied().flatten() {
            Some(consumer) => self.push_to_consumer(r, wire, consumer, attempt),
            None => {
                self.nodes[door as usize].counters.delivered += 1;
                self.record_copy(TraceKind::Delivered, r, door, NO_WIRE, 0);
                self.retire(r, End::Delivered, door);
            }
        }
    }

    // ----- publishers ----------------------------------------------------------

    fn schedule_next_publish(&mut self, p: Node) {
        let NodeState::Publisher(publisher) = &mut self.nodes[p as usize].state else { return };
        if publisher.down || !(publisher.config.rate_per_s > 0.0) || publisher.instances == 0 {
            return;
        }
        let mean_gap_micros = MICROS_PER_S as f64 / (publisher.config.rate_per_s * f64::from(publisher.instances));
        let gap_micros = match publisher.config.pattern {
            ArrivalPattern::Constant => mean_gap_micros,
            ArrivalPattern::Poisson => publisher.rng.exponential(mean_gap_micros),
        };
        // At least one microsecond apart, so time always moves forward.
        let gap = SimTime((gap_micros.round() as u64).max(1));
        let epoch = publisher.epoch;
        self.events.push(self.now + gap, Event::Publish { publisher: p, epoch });
    }

    fn publisher_alive(&self, p: Node, epoch: u32) -> bool {
        matches!(&self.nodes[p as usize].state, NodeState::Publisher(x) if !x.down && x.epoch == epoch)
    }

    /// Draws the order's attributes, group, poison flag from the publisher.
    fn make_order(&mut self, p: Node) -> OrderData {
        let order = self.next_order;
        self.next_order += 1;
        let now = self.now;
        let NodeState::Publisher(publisher) = &mut self.nodes[p as usize].state else { unreachable!() };
        let mut attributes = [0i64; MAX_ATTRIBUTES];
        for (slot, rule) in attributes.iter_mut().zip(&publisher.config.attributes) {
            *slot = match &rule.values {
                AttributeValues::OneOf(values) => publisher.rng.below(values.len() as u64) as i64,
                AttributeValues::Between(lo, hi) => {
                    let span = (*hi as i128 - *lo as i128 + 1) as u128;
                    (*lo as i128 + publisher.rng.below_wide(span) as i128) as i64
                }
            };
        }
        let group = match &publisher.config.message_group {
            MessageGroup::Fixed(_) => publisher.group_keys[0],
            MessageGroup::RoundRobin(n) => {
                let k = publisher.next_round_robin;
                publisher.next_round_robin = (k + 1) % n;
                publisher.group_keys[k as usize]
            }
            MessageGroup::FromAttribute(name) => {
                let i = publisher.config.attributes.iter().position(|a| &a.name == name).expect("validated");
                match &publisher.config.attributes[i].values {
                    AttributeValues::OneOf(_) => publisher.group_keys[attributes[i] as usize],
                    AttributeValues::Between(..) => group_key_of_number(attributes[i]),
                }
            }
        };
        let poison = publisher.config.poison_every > 0 && order % u64::from(publisher.config.poison_every) == 0;
        OrderData {
            order,
            publisher: p,
            published_at: now,
            group,
            attributes,
            poison,
            message_delay: ms(publisher.config.message_delay_ms),
        }
    }

    fn on_publish(&mut self, p: Node, epoch: u32) {
        if !self.publisher_alive(p, epoch) {
            return; // killed since this tick was scheduled
        }
        let data = self.make_order(p);
        self.published += 1;
        self.nodes[p as usize].counters.published += 1;
        self.record(TraceKind::Published, data.order, 0, p, NO_WIRE, u32::from(data.poison));
        let out = self.nodes[p as usize].out_wires.len();
        if out == 0 {
            let r = self.new_copy(data, CopyState::Transit);
            self.retire(r, End::Lost(LostReason::NoDestination), p);
        }
        let resend_ratio = match &self.nodes[p as usize].state {
            NodeState::Publisher(x) => x.config.resend_ratio,
            _ => 0.0,
        };
        for k in 0..out {
            let wire = self.nodes[p as usize].out_wires[k];
            let r = self.new_copy(data, CopyState::Transit);
            self.send(r, wire, 0);
            if resend_ratio > 0.0 {
                let NodeState::Publisher(x) = &mut self.nodes[p as usize].state else { unreachable!() };
                if x.rng.next_f64() < resend_ratio {
                    let data = Box::new(data);
                    self.events.push(self.now + ms(RESEND_AFTER_MS), Event::Resend { publisher: p, epoch, wire, data });
                }
            }
        }
        self.schedule_next_publish(p);
    }

    #[inline(never)]
    fn on_resend(&mut self, p: Node, epoch: u32, wire: WireIx, data: OrderData) {
        if !self.publisher_alive(p, epoch) {
            return;
        }
        let r = self.new_copy(data, CopyState::Transit);
        self.record_copy(TraceKind::Resent, r, p, wire, 0);
        self.send(r, wire, 0);
    }

    /// A publisher's send failed (network or throttling): retry with backoff,
    /// then give up.
    fn send_failed(&mut self, r: CopyRef, wire: WireIx, attempt: u32) {
        let p = self.wires[wire as usize].from;
        if attempt < SEND_RETRIES {
            let delay = ms(SEND_BACKOFF_MS << attempt);
            self.set_state(r, CopyState::RetryWait { at: p });
            self.record_copy(TraceKind::RetryScheduled, r, p, wire, attempt + 1);
            self.events.push(self.now + delay, Event::Retry { copy: r, wire, attempt: attempt + 1 });
        } else {
            self.retire(r, End::Lost(LostReason::SendFailed), p);
        }
    }

    // ----- arrivals ----------------------------------------------------------------

    fn on_arrive(&mut self, r: CopyRef, wire: WireIx, dropped: bool, attempt: u32) {
        if self.copy(r).is_none() {
            return;
        }
        let (from, to) = (self.wires[wire as usize].from, self.wires[wire as usize].to);
        let from_topic = matches!(self.nodes[from as usize].state, NodeState::Topic(_));
        if dropped {
            self.record_copy(TraceKind::NetworkDropped, r, to, wire, 0);
            return self.delivery_failed(r, wire, attempt);
        }
        match &self.nodes[to as usize].state {
            NodeState::Topic(_) => self.arrive_at_topic(r, wire, to, attempt),
            NodeState::Queue(_) => {
                let fifo = matches!(&self.nodes[to as usize].state, NodeState::Queue(q) if q.config.fifo);
                let now = self.now;
                if fifo && !self.queue(to).sends.allow(now) {
                    self.nodes[to as usize].counters.throttled += 1;
                    self.record_copy(TraceKind::Throttled, r, to, wire, 0);
                    return self.delivery_failed(r, wire, attempt);
                }
                self.enqueue(r, to, !from_topic);
            }
            NodeState::Consumer(_) => self.push_to_consumer(r, wire, to, attempt),
            NodeState::Cluster(ClusterPart::Service(service)) => {
                let service = *service;
                let cluster = self.cluster.as_mut().expect("a service belongs to the cluster");
                let routed = cluster.route_call(service);
                self.take_call(r, wire, to, routed, attempt)
            }
            NodeState::Cluster(ClusterPart::Ingress(ingress)) => {
                let ingress = *ingress;
                let cluster = self.cluster.as_mut().expect("an ingress belongs to the cluster");
                let w = &self.scenario.wires[wire as usize];
                let routed = cluster.route_ingress_at(ingress, &w.host, &w.path);
                self.take_call(r, wire, to, routed, attempt)
            }
            NodeState::Publisher(_) | NodeState::Cluster(_) => {
                unreachable!("validation refuses wires into publishers and cluster parts other than services and ingresses")
            }
        }
    }

    /// A hop that did not get through, for whatever reason: the sender's
    /// retry policy decides what happens next.
    fn delivery_failed(&mut self, r: CopyRef, wire: WireIx, attempt: u32) {
        let from = self.wires[wire as usize].from;
        match &self.nodes[from as usize].state {
            NodeState::Topic(_) => self.topic_retry(r, wire, attempt),
            NodeState::Publisher(_) => match self.nodes[self.wires[wire as usize].to as usize].state {
                // A direct HTTP call has no retry in the lesson's StoreFront.
                NodeState::Consumer(_) | NodeState::Cluster(_) => {
                    let to = self.wires[wire as usize].to;
                    self.retire(r, End::Lost(LostReason::NetworkFailure), to);
                }
                _ => self.send_failed(r, wire, attempt),
            },
            _ => unreachable!("only publishers and topics send copies along wires"),
        }
    }

    fn arrive_at_topic(&mut self, r: CopyRef, wire: WireIx, topic: Node, attempt: u32) {
        let (fifo, order) = match &self.nodes[topic as usize].state {
            NodeState::Topic(t) => (t.config.fifo, self.copy(r).map(|c| c.data.order).unwrap_or(0)),
            _ => unreachable!(),
        };
        if fifo {
            let now = self.now;
            let NodeState::Topic(t) = &mut self.nodes[topic as usize].state else { unreachable!() };
            if !t.publishes.allow(now) {
                self.nodes[topic as usize].counters.throttled += 1;
                self.record_copy(TraceKind::Throttled, r, topic, wire, 0);
                return self.send_failed(r, wire, attempt);
            }
            let NodeState::Topic(t) = &mut self.nodes[topic as usize].state else { unreachable!() };
            if t.dedup.seen_before(order, now) {
                self.retire(r, End::Deduplicated, topic);
                return;
            }
        }
        self.fan_out(r, topic);
    }

    fn fan_out(&mut self, r: CopyRef, topic: Node) {
        let subscriptions = self.nodes[topic as usize].out_wires.len();
        if subscriptions == 0 {
            self.retire(r, End::Lost(LostReason::NoSubscribers), topic);
            return;
        }
        let (parent_id, parent) = self.copy(r).map(|c| (c.id, c.data)).expect("fan out a live copy");
        self.retire(r, End::FannedOut, topic);
        self.record(TraceKind::FannedOut, parent.order, parent_id, topic, NO_WIRE, subscriptions as u32);
        let duplicate_ratio = match &self.nodes[topic as usize].state {
            NodeState::Topic(t) if !t.config.fifo => t.config.duplicate_delivery_ratio,
            _ => 0.0,
        };
        for k in 0..subscriptions {
            let wire = self.nodes[topic as usize].out_wires[k];
            let passes = match &self.wires[wire as usize].filters {
                Some(filters) => {
                    filters[parent.publisher as usize].as_ref().is_none_or(|f| f.matches(&parent.attributes))
                }
                None => true,
            };
            let child = self.new_copy(parent, CopyState::Transit);
            if !passes {
                self.record_copy(TraceKind::Filtered, child, topic, wire, 0);
                self.retire(child, End::Filtered, topic);
                continue;
            }
            self.send(child, wire, 0);
            if duplicate_ratio > 0.0 {
                let NodeState::Topic(t) = &mut self.nodes[topic as usize].state else { unreachable!() };
                if t.rng.next_f64() < duplicate_ratio {
                    let twin = self.new_copy(parent, CopyState::Transit);
                    self.record_copy(TraceKind::DuplicateDelivered, twin, topic, wire, 0);
                    self.send(twin, wire, 0);
                }
            }
        }
    }

    /// SNS retries a failed delivery on subscription `wire`: the managed
    /// policy for queues, the HTTP policy for consumers; then the
    /// subscription's dead-letter queue, or dropped.
    fn topic_retry(&mut self, r: CopyRef, wire: WireIx, attempt: u32) {
        let (topic, to) = (self.wires[wire as usize].from, self.wires[wire as usize].to);
        let next = attempt + 1;
        let delay_ms = match (&self.nodes[topic as usize].state, &self.nodes[to as usize].state) {
            (NodeState::Topic(t), NodeState::Consumer(_) | NodeState::Cluster(_)) => {
                (attempt < t.config.http_retries).then_some(t.config.http_retry_delay_ms)
            }
            _ => managed_retry_delay_ms(next),
        };
        match delay_ms {
            Some(delay) => {
                self.set_state(r, CopyState::RetryWait { at: topic });
                self.record_copy(TraceKind::RetryScheduled, r, topic, wire, next);
                self.events.push(self.now + ms(delay), Event::Retry { copy: r, wire, attempt: next });
            }
            None => match self.wires[wire as usize].dead_letter {
                Some(dlq) => self.dead_letter(r, topic, dlq),
                None => {
                    self.retire(r, End::Lost(LostReason::RetriesExhausted), topic);
                }
            },
        }
    }

    /// Moves a copy from `from` (a queue's redrive or a subscription) into a
    /// dead-letter queue: the old copy ends as dead-lettered, a new one is
    /// stored in the DLQ.
    fn dead_letter(&mut self, r: CopyRef, from: Node, dlq: Node) {
        let (old_id, data, enqueued_at) =
            self.copy(r).map(|c| (c.id, c.data, c.enqueued_at)).expect("dead-letter a live copy");
        self.retire(r, End::DeadLettered, from);
        self.record(TraceKind::DeadLettered, data.order, old_id, from, NO_WIRE, dlq);
        let moved = self.new_copy(data, CopyState::Transit);
        let dlq_fifo = matches!(&self.nodes[dlq as usize].state, NodeState::Queue(q) if q.config.fifo);
        self.enqueue(moved, dlq, false);
        // SQS keeps a Standard message's original enqueue time in the DLQ
        // (retention counts from it); FIFO resets it.
        if !dlq_fifo {
            if let Some(c) = self.copy_mut(moved) {
                c.enqueued_at = c.enqueued_at.min(enqueued_at);
            }
        }
    }

    // ----- queues ------------------------------------------------------------------

    /// A copy arrives in a queue: deduplicated (FIFO), delayed, or visible.
    /// `per_message_delay` says whether the publisher's per-message delay
    /// applies (it does for a direct send to a Standard queue).
    // Inlined: see "Inlining" at `handle`.
    #[inline(always)]
    fn enqueue(&mut self, r: CopyRef, queue: Node, per_message_delay: bool) {
        let now = self.now;
        // Two fields, not the whole order data: an 80-byte copy is a
        // memory.copy in wasm, which V8 runs as a C call.
        let (order, message_delay) =
            self.copy(r).map(|c| (c.data.order, c.data.message_delay)).expect("enqueue a live copy");
        let q = self.queue(queue);
        if q.config.fifo && q.dedup.seen_before(order, now) {
            self.retire(r, End::Deduplicated, queue);
            return;
        }
        let delay = if !q.config.fifo && per_message_delay && message_delay > SimTime::ZERO {
            message_delay
        } else {
            ms(q.config.delay_ms)
        };
        let retention = ms(q.config.retention_ms);
        if let Some(c) = self.copy_mut(r) {
            c.enqueued_at = now;
        }
        self.record_copy(TraceKind::Enqueued, r, queue, NO_WIRE, 0);
        if self.queue(queue).retention_check_at.is_none() {
            self.queue(queue).retention_check_at = Some(now + retention);
            self.events.push(now + retention, Event::RetentionCheck { queue });
        }
        if delay > SimTime::ZERO {
            self.set_state(r, CopyState::Delayed { queue });
            self.record_copy(TraceKind::Delayed, r, queue, NO_WIRE, delay.as_ms() as u32);
            self.events.push(now + delay, Event::DelayOver { copy: r });
        } else {
            self.make_visible(r, queue);
        }
    }

    fn on_delay_over(&mut self, r: CopyRef) {
        if let Some(CopyState::Delayed { queue }) = self.copy(r).map(|c| c.state) {
            self.make_visible(r, queue);
        }
    }

    /// A copy becomes visible (new, after a delay, or after its visibility
    /// timeout), then waiting receivers are served.
    fn make_visible(&mut self, r: CopyRef, queue: Node) {
        let group = self.copy(r).expect("live").data.group;
        let order = self.copy(r).expect("live").data.order;
        if let Some(CopyState::InFlight { .. }) = self.copy(r).map(|c| c.state) {
            if self.queue(queue).config.fifo {
                let g = self.queue(queue).groups.get_mut(&group).expect("an in-flight copy's group exists");
                g.in_flight -= 1;
            }
        }
        self.set_state(r, CopyState::Stored { queue });
        let NodeState::Queue(q) = &mut self.nodes[queue as usize].state else { unreachable!() };
        let slots = &self.slots;
        if q.config.fifo {
            let g = q.groups.entry(group).or_default();
            // Keep each group in order: a copy coming back goes before later ones.
            let position = g
                .visible
                .iter()
                .position(|v| slots[v.slot as usize].copy.as_ref().is_some_and(|c| c.data.order > order))
                .unwrap_or(g.visible.len());
            g.visible.insert(position, r);
            q.fifo_visible += 1;
            if g.in_flight == 0 && !g.ready {
                g.ready = true;
                q.ready_groups.push_back(group);
            }
        } else {
            q.visible.push_back(r);
        }
        self.serve_waiters(queue);
    }

    /// Long-polling workers get messages as soon as there are any.
    // Inlined: see "Inlining" at `handle`.
    #[inline(always)]
    fn serve_waiters(&mut self, queue: Node) {
        // Each waiter is tried at most once per call: one that comes back
        // empty re-registers at the back.
        let mut tries = self.queue(queue).waiters.len();
        while tries > 0 && self.receivable(queue) {
            tries -= 1;
            let Some((waiter, _)) = self.queue(queue).waiters.pop_front() else { return };
            if !self.is_waiting(waiter, queue) {
                continue;
            }
            let wire = self.input_wire(waiter.consumer, queue);
            self.receive(waiter.consumer, waiter.worker, queue, wire);
        }
    }

    fn input_wire(&mut self, consumer: Node, queue: Node) -> WireIx {
        let NodeState::Consumer(c) = &self.nodes[consumer as usize].state else { unreachable!() };
        *c.inputs.iter().find(|&&w| self.wires[w as usize].from == queue).expect("an input wire")
    }

    /// One ReceiveMessage call by a worker: takes up to a batch of visible
    /// copies (moving over-received ones to the dead-letter queue), makes
    /// them in flight, and sends the answer back. An empty answer sends the
    /// worker polling again.
    fn receive(&mut self, consumer: Node, worker: u32, queue: Node, wire: WireIx) {
        let now = self.now;
        let batch_size = self.consumer(consumer).config.batch_size as usize;
        let fifo = self.queue(queue).config.fifo;
        if fifo && !self.queue(queue).receives.allow(now) {
            self.nodes[queue as usize].counters.throttled += 1;
            self.record(TraceKind::Throttled, 0, 0, queue, wire, 1);
            return self.poll_later(consumer, worker, ms(THROTTLE_BACKOFF_MS));
        }
        let cap = if fifo { FIFO_IN_FLIGHT_CAP } else { STANDARD_IN_FLIGHT_CAP };
        let sparse_empty = {
            let q = self.queue(queue);
            let sparse = q.config.receive_wait_ms == 0 && (q.visible_count() as usize) <= SHORT_POLL_SPARSE_VISIBLE;
            sparse && q.visible_count() > 0 && q.rng.below(q.visible_count() + 2) == 0
        };
        // Reuse the worker's own (empty) batch buffer: a fresh Vec per
        // receive was an allocation on the hot path.
        let mut batch = {
            let state = &mut self.consumer(consumer).workers[worker as usize];
            if state.batch.is_empty() { std::mem::take(&mut state.batch) } else { Vec::new() }
        };
        while batch.len() < batch_size && self.queue(queue).in_flight < cap && !sparse_empty {
            let Some(r) = self.take_visible(queue, fifo, &batch) else { break };
            let (receives, order, group) = {
                let c = self.copy(r).expect("visible copies are live");
                (c.receives, c.data.order, c.data.group)
            };
            if let Some((dlq, max)) = self.queue(queue).dead_letter {
                if receives >= max {
                    // Received max times already: this receive moves it instead.
                    self.dead_letter(r, queue, dlq);
                    if fifo {
                        self.mark_ready(queue, group);
                    }
                    continue;
                }
            }
            let receipt = {
                let c = self.copy_mut(r).expect("live");
                c.receives += 1;
                c.receipt += 1;
                c.receipt
            };
            if fifo {
                self.queue(queue).groups.get_mut(&group).expect("group").in_flight += 1;
            }
            self.set_state(r, CopyState::InFlight { queue, holder: Some(consumer) });
            self.record_copy(TraceKind::Received, r, consumer, wire, receives + 1);
            self.check_order(queue, fifo, receives == 0, order, group);
            self.track_deadline(queue, r, receipt);
            batch.push(Held { copy: r, receipt, order });
            // Standard: now and then a second copy of the message stays behind.
            let q = self.queue(queue);
            if !fifo && q.config.duplicate_delivery_ratio > 0.0 && q.rng.next_f64() < q.config.duplicate_delivery_ratio {
                let (data, enqueued_at) = self.copy(r).map(|c| (c.data, c.enqueued_at)).expect("live");
                let twin = self.new_copy(data, CopyState::Transit);
                self.record_copy(TraceKind::DuplicateDelivered, twin, queue, NO_WIRE, 0);
                self.make_visible_without_serving(twin, queue, enqueued_at);
            }
        }
        if batch.is_empty() {
            let state = &mut self.consumer(consumer).workers[worker as usize];
            if state.batch.is_empty() {
                state.batch = batch;
            }
            return self.empty_receive(consumer, worker, queue);
        }
        let first_order = batch[0].order;
        let w = self.next_ticket(consumer, worker);
        let (arrive_at, dropped) = self.hop(wire);
        let worker_state = self.worker(w);
        worker_state.batch = batch;
        worker_state.source = Some((queue, wire));
        worker_state.next = 0;
        worker_state.state = WorkerState::Polling;
        self.events.push(arrive_at, Event::ReceiveArrived { worker: w, wire, sent_at: now, dropped, order: first_order });
    }

    /// A visible copy becomes visible without waking waiters (used inside a
    /// receive, which is already serving one).
    fn make_visible_without_serving(&mut self, r: CopyRef, queue: Node, enqueued_at: SimTime) {
        self.set_state(r, CopyState::Stored { queue });
        if let Some(c) = self.copy_mut(r) {
            c.enqueued_at = enqueued_at;
        }
        self.queue(queue).visible.push_back(r);
    }

    /// Picks the next visible copy: Standard takes the head, or now and then
    /// a later one; FIFO takes the head of a ready group, preferring the
    /// group this batch already draws from.
    fn take_visible(&mut self, queue: Node, fifo: bool, batch: &[Held]) -> Option<CopyRef> {
        if !fifo {
            let q = self.queue(queue);
            if q.visible.is_empty() {
                return None;
            }
            let reach = q.visible.len().min(REORDER_REACH);
            let index = if reach > 1 && q.config.reorder_ratio > 0.0 && q.rng.next_f64() < q.config.reorder_ratio {
                1 + q.rng.below(reach as u64 - 1) as usize
            } else {
                0
            };
            return q.visible.remove(index);
        }
        let current_group = batch.last().and_then(|h| self.copy(h.copy)).map(|c| c.data.group);
        let q = self.queue(queue);
        if let Some(group) = current_group {
            if let Some(g) = q.groups.get_mut(&group) {
                if let Some(r) = g.visible.pop_front() {
                    q.fifo_visible -= 1;
                    return Some(r);
                }
            }
        }
        // A new group: the next ready one in turn.
        while let Some(group) = q.ready_groups.pop_front() {
            let Some(g) = q.groups.get_mut(&group) else { continue };
            g.ready = false;
            if g.in_flight > 0 {
                continue;
            }
            if let Some(r) = g.visible.pop_front() {
                q.fifo_visible -= 1;
                return Some(r);
            }
        }
        None
    }

    /// Counts out-of-order receives: Standard's best effort, and (which must
    /// never happen) a FIFO group going backwards.
    fn check_order(&mut self, queue: Node, fifo: bool, first_receive: bool, order: u64, group: u64) {
        if !first_receive {
            return;
        }
        let q = self.queue(queue);
        if fifo {
            let newest = q.newest_in_group.entry(group).or_insert(0);
            if order < *newest {
                self.nodes[queue as usize].counters.out_of_order += 1;
                self.fifo_violations += 1;
                self.first_fifo_violation.get_or_insert(order);
            } else {
                *newest = order;
            }
        } else if order < q.newest_first_receive {
            self.nodes[queue as usize].counters.out_of_order += 1;
        } else {
            q.newest_first_receive = order;
        }
    }

    /// Remembers a receive's visibility deadline; one check event per queue
    /// covers them all, since one timeout per queue keeps them in order.
    fn track_deadline(&mut self, queue: Node, r: CopyRef, receipt: u32) {
        let deadline = self.now + ms(self.queue(queue).config.visibility_timeout_ms);
        let q = self.queue(queue);
        q.deadlines.push_back((deadline, r, receipt));
        if q.visibility_check_at.is_none() {
            q.visibility_check_at = Some(deadline);
            self.events.push(deadline, Event::VisibilityCheck { queue });
        }
    }

    #[inline(never)]
    fn on_visibility_check(&mut self, queue: Node) {
        self.queue(queue).visibility_check_at = None;
        loop {
            let Some(&(deadline, r, receipt)) = self.queue(queue).deadlines.front() else { break };
            let still_in_flight = matches!(
                self.copy(r),
                Some(c) if c.receipt == receipt && matches!(c.state, CopyState::InFlight { .. })
            );
            if still_in_flight && deadline > self.now {
                self.queue(queue).visibility_check_at = Some(deadline);
                self.events.push(deadline, Event::VisibilityCheck { queue });
                break;
            }
            self.queue(queue).deadlines.pop_front();
            if still_in_flight {
                self.record_copy(TraceKind::VisibilityExpired, r, queue, NO_WIRE, 0);
                self.make_visible(r, queue);
            }
        }
    }

    #[inline(never)]
    fn on_retention_check(&mut self, queue: Node) {
        self.queue(queue).retention_check_at = None;
        let retention = ms(self.queue(queue).config.retention_ms);
        let now = self.now;
        let mut expired = Vec::new();
        let mut oldest_left: Option<SimTime> = None;
        for (i, slot) in self.slots.iter().enumerate() {
            let Some(c) = &slot.copy else { continue };
            let here = matches!(c.state,
                CopyState::Delayed { queue: q } | CopyState::Stored { queue: q } | CopyState::InFlight { queue: q, .. } if q == queue);
            if !here {
                continue;
            }
            if c.enqueued_at + retention <= now {
                expired.push(CopyRef { slot: i as u32, generation: slot.generation });
            } else {
                oldest_left = Some(oldest_left.map_or(c.enqueued_at, |o| o.min(c.enqueued_at)));
            }
        }
        for r in expired {
            let group = self.copy(r).map(|c| c.data.group).unwrap_or(0);
            self.remove_from_queue(r, queue);
            self.retire(r, End::Expired, queue);
            if self.queue(queue).config.fifo {
                self.unblock_group(queue, group);
            }
        }
        if let Some(oldest) = oldest_left {
            self.queue(queue).retention_check_at = Some(oldest + retention);
            self.events.push(oldest + retention, Event::RetentionCheck { queue });
        }
    }

    /// Takes a copy out of its queue's lists before it ends (expiry, or a
    /// delete of a copy that was visible again).
    fn remove_from_queue(&mut self, r: CopyRef, queue: Node) {
        let Some(c) = self.copy(r) else { return };
        let (state, group) = (c.state, c.data.group);
        let q = self.queue(queue);
        match state {
            CopyState::Stored { .. } if q.config.fifo => {
                if let Some(g) = q.groups.get_mut(&group) {
                    let before = g.visible.len();
                    g.visible.retain(|v| *v != r);
                    q.fifo_visible -= (before - g.visible.len()) as u64;
                }
            }
            CopyState::Stored { .. } => q.visible.retain(|v| *v != r),
            CopyState::InFlight { .. } if q.config.fifo => {
                // The caller unblocks the group once the copy has ended.
                if let Some(g) = q.groups.get_mut(&group) {
                    g.in_flight -= 1;
                }
            }
            _ => {}
        }
    }

    /// A FIFO group with nothing in flight is ready again (or forgotten,
    /// when empty), and waiting receivers are served.
    fn unblock_group(&mut self, queue: Node, group: u64) {
        self.mark_ready(queue, group);
        self.serve_waiters(queue);
    }

    fn mark_ready(&mut self, queue: Node, group: u64) {
        let q = self.queue(queue);
        let Some(g) = q.groups.get_mut(&group) else { return };
        if g.in_flight == 0 && !g.visible.is_empty() && !g.ready {
            g.ready = true;
            q.ready_groups.push_back(group);
        }
        if g.in_flight == 0 && g.visible.is_empty() {
            q.groups.remove(&group);
        }
    }

    /// Whether a receive could take something now.
    fn receivable(&mut self, queue: Node) -> bool {
        let q = self.queue(queue);
        let cap = if q.config.fifo { FIFO_IN_FLIGHT_CAP } else { STANDARD_IN_FLIGHT_CAP };
        if q.in_flight >= cap {
            return false;
        }
        if q.config.fifo {
            let groups = &q.groups;
            q.ready_groups.iter().any(|g| groups.get(g).is_some_and(|g| g.in_flight == 0 && !g.visible.is_empty()))
        } else {
            !q.visible.is_empty()
        }
    }

    // ----- consumers -----------------------------------------------------------

    /// Every worker of a (new or revived) consumer starts polling its queues.
    fn start_workers(&mut self, consumer: Node) {
        let workers = self.consumer(consumer).active_workers;
        for worker in 0..workers {
            self.become_free(consumer, worker);
        }
    }

    /// A worker with nothing to do: takes pushed work first, then polls.
    fn become_free(&mut self, consumer: Node, worker: u32) {
        let c = self.consumer(consumer);
        c.workers[worker as usize].batch.clear();
        c.workers[worker as usize].source = None;
        if let Some(next) = c.backlog.pop_front() {
            return self.start_pushed(consumer, worker, next);
        }
        if self.consumer(consumer).inputs.is_empty() {
            let w = self.next_ticket(consumer, worker);
            self.worker(w).state = WorkerState::Idle;
            return;
        }
        self.poll(consumer, worker);
    }

    /// A worker asks one of its input queues for messages (round robin).
    // Inlined: see "Inlining" at `handle`.
    #[inline(always)]
    fn poll(&mut self, consumer: Node, worker: u32) {
        let c = self.consumer(consumer);
        let k = c.next_input % c.inputs.len();
        c.next_input = (k + 1) % c.inputs.len();
        let wire = c.inputs[k];
        let queue = self.wires[wire as usize].from;
        let w = self.next_ticket(consumer, worker);
        self.worker(w).state = WorkerState::Polling;
        self.receive(consumer, worker, queue, wire);
    }

    fn poll_later(&mut self, consumer: Node, worker: u32, after: SimTime) {
        let w = self.next_ticket(consumer, worker);
        self.worker(w).state = WorkerState::Polling;
        self.events.push(self.now + after, Event::Poll { worker: w });
    }

    /// Nothing came back: a long poll waits at the queue for its wait time;
    /// a short poll tries again after the poll interval.
    // Inlined: see "Inlining" at `handle`.
    #[inline(always)]
    fn empty_receive(&mut self, consumer: Node, worker: u32, queue: Node) {
        let wait = ms(self.queue(queue).config.receive_wait_ms);
        if wait == SimTime::ZERO {
            let interval = ms(self.consumer(consumer).config.poll_interval_ms);
            return self.poll_later(consumer, worker, interval);
        }
        let w = self.next_ticket(consumer, worker);
        self.worker(w).state = WorkerState::Waiting { queue };
        let until = self.now + wait;
        let q = self.queue(queue);
        q.waiters.push_back((w, until));
        // One check event per queue covers every waiter; most are served
        // long before their wait runs out and never need one.
        if q.long_poll_check_at.is_none() {
            q.long_poll_check_at = Some(until);
            self.events.push(until, Event::LongPollCheck { queue });
        }
    }

    fn is_waiting(&self, w: WorkerRef, queue: Node) -> bool {
        self.current(w)
            && matches!(&self.nodes[w.consumer as usize].state,
                NodeState::Consumer(c) if c.workers[w.worker as usize].state == WorkerState::Waiting { queue })
    }

    /// Waiters whose wait ran out get an empty answer and poll again; the
    /// next check is set for the first waiter still waiting.
    #[inline(never)]
    fn on_long_poll_check(&mut self, queue: Node) {
        self.queue(queue).long_poll_check_at = None;
        loop {
            let Some(&(w, until)) = self.queue(queue).waiters.front() else { break };
            let waiting = self.is_waiting(w, queue);
            if waiting && until > self.now {
                self.queue(queue).long_poll_check_at = Some(until);
                self.events.push(until, Event::LongPollCheck { queue });
                break;
            }
            self.queue(queue).waiters.pop_front();
            if waiting {
                self.poll(w.consumer, w.worker);
            }
        }
    }

    fn on_receive_arrived(&mut self, w: WorkerRef, wire: WireIx, dropped: bool) {
        if !self.current(w) {
            return; // the consumer died after asking: the answer goes nowhere
        }
        if dropped {
            // Lost on the way: the copies stay in flight until their timeout.
            let batch = std::mem::take(&mut self.worker(w).batch);
            for held in &batch {
                self.record_copy(TraceKind::NetworkDropped, held.copy, w.consumer, wire, 0);
                self.release_hold(held.copy);
            }
            let interval = ms(self.consumer(w.consumer).config.poll_interval_ms);
            return self.poll_later(w.consumer, w.worker, interval);
        }
        // Drop whatever went stale meanwhile (its visibility ran out and
        // someone else has it now).
        let batch = std::mem::take(&mut self.worker(w).batch);
        let batch: Vec<Held> =
            batch.into_iter().filter(|h| self.copy(h.copy).is_some_and(|c| c.receipt == h.receipt)).collect();
        if batch.is_empty() {
            return self.become_free(w.consumer, w.worker);
        }
        let ack_mode = self.consumer(w.consumer).config.ack_mode;
        if ack_mode == AckMode::AckOnReceive {
            // Deleted at once: from here the copies live only in the consumer.
            let (queue, _) = self.worker(w).source.expect("a received batch has a source");
            for held in &batch {
                self.remove_from_queue(held.copy, queue);
                self.set_state(held.copy, CopyState::AtConsumer { consumer: w.consumer });
                self.nodes[queue as usize].counters.delivered += 1;
                self.record_copy(TraceKind::Deleted, held.copy, queue, NO_WIRE, 0);
            }
            if self.queue(queue).config.fifo {
                let groups: Vec<u64> = batch.iter().filter_map(|h| self.copy(h.copy)).map(|c| c.data.group).collect();
                for g in groups {
                    self.unblock_group(queue, g);
                }
            }
        }
        let worker = self.worker(w);
        worker.batch = batch;
        worker.next = 0;
        self.process_next(w.consumer, w.worker);
    }

    /// Pushed work (a direct call or a topic's push) reaches a consumer.
    fn push_to_consumer(&mut self, r: CopyRef, wire: WireIx, consumer: Node, attempt: u32) {
        if let Some(c) = self.copy_mut(r) {
            c.pushed_by = Some((wire, attempt));
        }
        let (down, instances, active) = {
            let c = self.consumer(consumer);
            (c.down, c.instances, c.active_workers as usize)
        };
        // Running on a deployment with no Ready pod, nobody takes the call.
        if down || active == 0 {
            return self.push_failed(r, consumer, LostReason::ConsumerDown);
        }
        self.set_state(r, CopyState::AtConsumer { consumer });
        let free = self.consumer(consumer).workers[..active].iter().position(|w| {
            matches!(w.state, WorkerState::Idle | WorkerState::Polling | WorkerState::Waiting { .. }) && w.batch.is_empty()
        });
        match free {
            Some(worker) => self.start_pushed(consumer, worker as u32, r),
            None if self.consumer(consumer).backlog.len() < DIRECT_BACKLOG_PER_INSTANCE * instances as usize => {
                self.consumer(consumer).backlog.push_back(r);
            }
            None => self.push_failed(r, consumer, LostReason::ConsumerOverloaded),
        }
    }

    /// A pushed copy could not be handled: a topic retries it, a direct call
    /// is lost.
    fn push_failed(&mut self, r: CopyRef, consumer: Node, reason: LostReason) {
        let Some((wire, attempt)) = self.copy(r).and_then(|c| c.pushed_by) else {
            self.retire(r, End::Lost(reason), consumer);
            return;
        };
        let from = self.wires[wire as usize].from;
        if matches!(self.nodes[from as usize].state, NodeState::Topic(_)) {
            self.topic_retry(r, wire, attempt);
        } else {
            self.retire(r, End::Lost(reason), consumer);
        }
    }

    fn start_pushed(&mut self, consumer: Node, worker: u32, r: CopyRef) {
        let w = self.next_ticket(consumer, worker);
        if let WorkerState::Waiting { queue } = self.worker(w).state {
            self.queue(queue).waiters.retain(|(x, _)| x.consumer != consumer || x.worker != worker);
        }
        let order = self.copy(r).map(|c| c.data.order).unwrap_or(0);
        let state = self.worker(w);
        state.batch.clear();
        state.batch.push(Held { copy: r, receipt: 0, order });
        state.source = None;
        state.next = 0;
        self.process_next(consumer, worker);
    }

    /// Starts on the next message of the worker's batch, or finishes the batch.
    fn process_next(&mut self, consumer: Node, worker: u32) {
        let w = self.next_ticket(consumer, worker);
        let (next, len) = {
            let state = self.worker(w);
            (state.next, state.batch.len())
        };
        if next >= len {
            return self.finish_batch(consumer, worker);
        }
        // The worker works on the message it holds even if the queue has
        // since let someone else delete it: that is how duplicates happen.
        self.worker(w).state = WorkerState::Processing;
        let r = self.worker(w).batch[next].copy;
        let c = self.consumer(consumer);
        let normal = SimTime::from_ms(c.config.processing_time_ms);
        // Unslowed, the product is exact: no float, no rounding call.
        let duration =
            if c.slow_factor == 1.0 { normal } else { SimTime((normal.0 as f64 * c.slow_factor).round() as u64) };
        self.record_copy(TraceKind::ProcessingStarted, r, consumer, NO_WIRE, 0);
        self.events.push(self.now + duration, Event::ProcessingDone { worker: w });
    }

    fn on_processing_done(&mut self, w: WorkerRef) {
        if !self.current(w) {
            return; // crashed mid-work; the kill already accounted for it
        }
        let consumer = w.consumer;
        let held = {
            let state = self.worker(w);
            state.batch[state.next]
        };
        let copy = self.copy(held.copy).map(|c| (c.data.poison, c.pushed_by.is_some(), c.state));
        let poison = copy.map(|c| c.0).unwrap_or(false);
        let succeeded = {
            let c = self.consumer(consumer);
            !poison && !(c.config.failure_ratio > 0.0 && c.rng.next_f64() < c.config.failure_ratio)
        };
        let Some((_, was_pushed, state)) = copy else {
            // The queue let someone else finish and delete it meanwhile; the
            // work was still done (or failed) here.
            if succeeded {
                self.mark_processed(consumer, held.order, None);
            }
            self.worker(w).next += 1;
            return self.process_next(consumer, w.worker);
        };
        let at_consumer = was_pushed || matches!(state, CopyState::AtConsumer { .. });
        if !succeeded {
            self.record_copy(TraceKind::ProcessingFailed, held.copy, consumer, NO_WIRE, u32::from(poison));
            return self.processing_failed(w, held.copy, at_consumer);
        }
        let published_at = self.copy(held.copy).map(|c| c.data.published_at);
        self.mark_processed(consumer, held.order, published_at);
        let again = self.duplicates_first_mark;
        self.record_copy(TraceKind::Processed, held.copy, consumer, NO_WIRE, u32::from(again));
        if at_consumer {
            // Pushed, or acknowledged on receive: done here.
            self.nodes[consumer as usize].counters.delivered += 1;
            self.record_copy(TraceKind::Delivered, held.copy, consumer, NO_WIRE, 0);
            self.retire(held.copy, End::Delivered, consumer);
            self.worker(w).next += 1;
            return self.process_next(consumer, w.worker);
        }
        match self.consumer(consumer).config.ack_mode {
            AckMode::DeleteAfterProcessing => {
                let index = self.worker(w).next as u32;
                self.send_delete(w, Some(index));
            }
            // The runtime deletes the whole batch once all succeeded.
            _ => {
                self.worker(w).next += 1;
                self.process_next(consumer, w.worker);
            }
        }
    }

    /// Records a successful processing of `order` at `consumer`: a duplicate
    /// if it had processed that order before, otherwise its latency.
    // Inlined: see "Inlining" at `handle`.
    #[inline(always)]
    fn mark_processed(&mut self, consumer: Node, order: u64, published_at: Option<SimTime>) {
        let again = self.consumer(consumer).processed.mark(order);
        self.duplicates_first_mark = again;
        if again {
            self.duplicates += 1;
            self.nodes[consumer as usize].counters.duplicates += 1;
            self.first_duplicate.get_or_insert(order);
        } else if let Some(published_at) = published_at {
            let latency = self.now - published_at;
            self.consumer(consumer).latency.record(latency);
        }
    }

    fn processing_failed(&mut self, w: WorkerRef, r: CopyRef, at_consumer: bool) {
        let consumer = w.consumer;
        let ack_mode = self.consumer(consumer).config.ack_mode;
        if at_consumer {
            let was_pushed = self.copy(r).is_some_and(|c| c.pushed_by.is_some());
            if was_pushed {
                self.push_failed(r, consumer, LostReason::ProcessingFailed);
            } else {
                // Acknowledged on receive: nothing will bring it back.
                self.retire(r, End::Lost(LostReason::ProcessingFailed), consumer);
            }
            self.worker(w).next += 1;
            return self.process_next(consumer, w.worker);
        }
        match ack_mode {
            // Not deleted: it comes back after the visibility timeout.
            AckMode::DeleteAfterProcessing | AckMode::AckOnReceive => {
                self.worker(w).next += 1;
                self.process_next(consumer, w.worker)
            }
            // The function failed: the whole batch goes back, unfinished.
            AckMode::AutoDeleteOnSuccess => {
                let batch = std::mem::take(&mut self.worker(w).batch);
                for held in &batch {
                    self.release_hold(held.copy);
                }
                self.become_free(consumer, w.worker)
            }
        }
    }

    /// An in-flight copy is no longer held by a live worker (it waits for
    /// its visibility timeout).
    fn release_hold(&mut self, r: CopyRef) {
        if let Some(CopyState::InFlight { queue, .. }) = self.copy(r).map(|c| c.state) {
            self.set_state(r, CopyState::InFlight { queue, holder: None });
        }
    }

    /// The batch is through: auto-delete sends one delete for all of it.
    fn finish_batch(&mut self, consumer: Node, worker: u32) {
        let w = WorkerRef { consumer, worker, ticket: self.consumer(consumer).workers[worker as usize].ticket };
        let from_queue = self.worker(w).source.is_some();
        if from_queue && self.consumer(consumer).config.ack_mode == AckMode::AutoDeleteOnSuccess {
            return self.send_delete(w, None);
        }
        self.become_free(consumer, worker);
    }

    // Inlined: see "Inlining" at `handle`.
    #[inline(always)]
    fn send_delete(&mut self, w: WorkerRef, index: Option<u32>) {
        let (_, wire) = self.worker(w).source.expect("a delete goes to the batch's queue");
        let w = self.next_ticket(w.consumer, w.worker);
        self.worker(w).state = WorkerState::Deleting;
        let (arrive_at, dropped) = self.hop(wire);
        self.events.push(arrive_at, Event::DeleteArrived { worker: w, dropped, index });
    }

    fn on_delete_arrived(&mut self, w: WorkerRef, dropped: bool, index: Option<u32>) {
        let alive = self.current(w);
        let mut batch = std::mem::take(&mut self.deleting);
        batch.clear();
        {
            let c = self.consumer(w.consumer);
            let state = &c.workers[w.worker as usize];
            match index {
                Some(i) => batch.extend(state.batch.get(i as usize).copied()),
                None => batch.extend_from_slice(&state.batch),
            }
        }
        self.delete_batch(w, alive, dropped, index, &batch);
        self.deleting = batch;
    }

    fn delete_batch(&mut self, w: WorkerRef, alive: bool, dropped: bool, index: Option<u32>, batch: &[Held]) {
        let Some((queue, _)) = self.consumer(w.consumer).workers[w.worker as usize].source else { return };
        if !alive || dropped {
            // The crash or the network took the call: the copies stay in
            // flight and come back after their visibility timeout.
            for held in batch {
                self.record_copy(TraceKind::DeleteLost, held.copy, w.consumer, NO_WIRE, 0);
            }
            if alive {
                self.after_delete(w, index);
            }
            return;
        }
        let fifo = self.queue(queue).config.fifo;
        let now = self.now;
        if fifo && !self.queue(queue).deletes.allow(now) {
            self.nodes[queue as usize].counters.throttled += 1;
            self.record(TraceKind::Throttled, 0, 0, queue, NO_WIRE, 2);
            // Try the delete again shortly.
            let retry = self.next_ticket(w.consumer, w.worker);
            let wire = self.worker(retry).source.expect("source").1;
            let (arrive_at, dropped) = self.hop(wire);
            self.events.push(arrive_at + ms(THROTTLE_BACKOFF_MS), Event::DeleteArrived { worker: retry, dropped, index });
            return;
        }
        for &Held { copy: r, receipt, .. } in batch {
            let Some(c) = self.copy(r) else { continue };
            if c.receipt != receipt {
                // SQS: an old receipt handle may not delete; here it never
                // does, so the later receive decides.
                self.record_copy(TraceKind::DeleteStale, r, queue, NO_WIRE, 0);
                continue;
            }
            let group = c.data.group;
            self.remove_from_queue(r, queue);
            self.nodes[queue as usize].counters.delivered += 1;
            self.nodes[w.consumer as usize].counters.delivered += 1;
            self.record_copy(TraceKind::Deleted, r, queue, NO_WIRE, 0);
            self.record_copy(TraceKind::Delivered, r, w.consumer, NO_WIRE, 0);
            self.retire(r, End::Delivered, queue);
            if fifo {
                self.unblock_group(queue, group);
            }
        }
        self.after_delete(w, index);
    }

    // Inlined: see "Inlining" at `handle`.
    #[inline(always)]
    fn after_delete(&mut self, w: WorkerRef, index: Option<u32>) {
        match index {
            Some(_) => {
                self.worker(w).next += 1;
                self.process_next(w.consumer, w.worker);
            }
            None => self.become_free(w.consumer, w.worker),
        }
    }

    // ----- faults ------------------------------------------------------------------

    fn check_command(&self, command: &Command) -> Result<(), CommandError> {
        if let Some(target) = command.target() {
            self.node_index(target).ok_or_else(|| CommandError::UnknownComponent(target.clone()))?;
        }
        if self.is_cluster_fault(command) {
            return self.cluster_commands(command).map(|_| ());
        }
        let n = command.target().and_then(|t| self.node_index(t)).expect("a messaging fault has a target");
        match command {
            Fault::Kill(_) | Fault::Revive(_) => match self.nodes[n as usize].state {
                NodeState::Publisher(_) | NodeState::Consumer(_) => Ok(()),
                _ => Err(CommandError::NotSupported(
                    "Topics and queues are managed services here: only publishers and consumers can be killed.".into(),
                )),
            },
            Fault::Slow(_, factor) => match self.nodes[n as usize].state {
                NodeState::Consumer(_) if factor.is_finite() && (0.1..=100.0).contains(factor) => Ok(()),
                NodeState::Consumer(_) => Err(CommandError::NotSupported("A slow-down factor is between 0.1 and 100.".into())),
                _ => Err(CommandError::NotSupported("Only consumers can be slowed down.".into())),
            },
            Fault::Partition(from, to) | Fault::Heal(from, to) | Fault::Delay(from, to, _) | Fault::Loss(from, to, _) => {
                if self.wire_index(from, to).is_none() {
                    return Err(CommandError::UnknownWire(from.clone(), to.clone()));
                }
                match command {
                    Fault::Delay(_, _, extra) if *extra > 60_000 => {
                        Err(CommandError::NotSupported("An added delay is at most 60,000 ms.".into()))
                    }
                    Fault::Loss(_, _, ratio) if !(ratio.is_finite() && (0.0..=1.0).contains(ratio)) => {
                        Err(CommandError::NotSupported("A loss ratio is between 0 and 1.".into()))
                    }
                    _ => Ok(()),
                }
            }
            _ => unreachable!("cluster faults are checked above"),
        }
    }

    /// Whether the fault goes to the cluster: every cluster fault, and a
    /// kill or revive of a node.
    fn is_cluster_fault(&self, fault: &Fault) -> bool {
        match fault {
            Fault::Kill(id) | Fault::Revive(id) => self
                .node_index(id)
                .is_some_and(|n| matches!(self.nodes[n as usize].state, NodeState::Cluster(_))),
            _ => fault.is_cluster(),
        }
    }

    /// The cluster commands a fault stands for, checked against the cluster
    /// (names exist, numbers in range).
    fn cluster_commands(&self, fault: &Fault) -> Result<Vec<ClusterCommand>, CommandError> {
        let Some(cluster) = self.cluster.as_deref() else {
            return Err(CommandError::NotSupported("This scenario has no cluster.".into()));
        };
        let part = |id: &ComponentId| match self.node_index(id).map(|n| &self.nodes[n as usize].state) {
            Some(NodeState::Cluster(part)) => Some(*part),
            _ => None,
        };
        let wrong = |what: &str| Err(CommandError::NotSupported(what.to_string()));
        let name = |id: &ComponentId| id.as_str().to_string();
        let commands = match fault {
            Fault::Kill(id) | Fault::Revive(id) => match part(id) {
                Some(ClusterPart::Node) if matches!(fault, Fault::Kill(_)) => vec![ClusterCommand::KillNode(name(id))],
                Some(ClusterPart::Node) => vec![ClusterCommand::ReviveNode(name(id))],
                _ => return wrong("Only publishers, consumers and nodes can be killed or revived."),
            },
            Fault::KillZone(zone) => vec![ClusterCommand::KillZone(zone.clone())],
            Fault::ReviveZone(zone) => vec![ClusterCommand::ReviveZone(zone.clone())],
            Fault::KillPod(id) | Fault::CrashLoop(id, _) | Fault::Scale(id, _) => {
                if !matches!(part(id), Some(ClusterPart::Deployment(_))) {
                    return wrong("Pods are killed, crash-looped and scaled through their deployment: pick a deployment.");
                }
                match fault {
                    Fault::KillPod(_) => vec![ClusterCommand::KillOnePod(name(id))],
                    Fault::Scale(_, replicas) => {
                        vec![ClusterCommand::Scale { deployment: name(id), replicas: *replicas }]
                    }
                    Fault::CrashLoop(_, crash_loop) => cluster
                        .pods_of(id.as_str())
                        .into_iter()
                        .filter(|p| p.deletion_reason.is_none())
                        .map(|p| ClusterCommand::SetCrashLoop { pod: p.name, crash_loop: *crash_loop })
                        .collect(),
                    _ => unreachable!(),
                }
            }
            Fault::Cordon(id, _) | Fault::Drain(id) => {
                if part(id) != Some(ClusterPart::Node) {
                    return wrong("Only a node can be cordoned or drained.");
                }
                match fault {
                    Fault::Cordon(_, true) => vec![ClusterCommand::Cordon(name(id))],
                    Fault::Cordon(_, false) => vec![ClusterCommand::Uncordon(name(id))],
                    _ => vec![ClusterCommand::Drain(name(id))],
                }
            }
            Fault::KillEtcdMember(id, _)
            | Fault::ReviveEtcdMember(id, _)
            | Fault::KillScheduler(id)
            | Fault::ReviveScheduler(id)
            | Fault::KillControllerManager(id)
            | Fault::ReviveControllerManager(id) => {
                if part(id) != Some(ClusterPart::ControlPlane) {
                    return wrong("etcd, kube-scheduler and kube-controller-manager belong to the control plane: pick it.");
                }
                let kill = |component| ClusterCommand::KillComponent { component, replica: None };
                let revive = |component| ClusterCommand::ReviveComponent { component, replica: None };
                vec![match fault {
                    Fault::KillEtcdMember(_, m) => ClusterCommand::KillEtcdMember(*m),
                    Fault::ReviveEtcdMember(_, m) => ClusterCommand::ReviveEtcdMember(*m),
                    Fault::KillScheduler(_) => kill(ControlPlaneComponent::Scheduler),
                    Fault::ReviveScheduler(_) => revive(ControlPlaneComponent::Scheduler),
                    Fault::KillControllerManager(_) => kill(ControlPlaneComponent::ControllerManager),
                    _ => revive(ControlPlaneComponent::ControllerManager),
                }]
            }
            Fault::Slow(..) | Fault::Partition(..) | Fault::Heal(..) | Fault::Delay(..) | Fault::Loss(..) => {
                return wrong("That fault is not a cluster fault.");
            }
        };
        for command in &commands {
            cluster.check_command(command).map_err(|e| CommandError::NotSupported(sentence(&e.to_string())))?;
        }
        Ok(commands)
    }

    fn wire_index(&self, from: &ComponentId, to: &ComponentId) -> Option<WireIx> {
        let (f, t) = (self.node_index(from)?, self.node_index(to)?);
        self.wires.iter().position(|w| w.from == f && w.to == t).map(|i| i as WireIx)
    }

    #[inline(never)]
    fn apply_fault(&mut self, fault: Fault) {
        if self.check_command(&fault).is_err() {
            return; // a script entry that no longer applies (validated, but be safe)
        }
        if self.is_cluster_fault(&fault) {
            // Applied as the cluster's own command events, so a kubectl call
            // refused for want of quorum is in the cluster's trace.
            let commands = self.cluster_commands(&fault).unwrap_or_default();
            for command in commands {
                self.cluster_handle(Cluster::command_event(command));
            }
            return;
        }
        let n = fault.target().and_then(|t| self.node_index(t)).expect("checked");
        match fault {
            Fault::Kill(_) => self.kill(n),
            Fault::Revive(_) => self.revive(n),
            Fault::Slow(_, factor) => {
                self.consumer(n).slow_factor = factor;
                self.record(TraceKind::Slowed, 0, 0, n, NO_WIRE, (factor * 100.0).round() as u32);
            }
            Fault::Partition(ref from, ref to) | Fault::Heal(ref from, ref to) => {
                let wire = self.wire_index(from, to).expect("checked");
                let partition = matches!(fault, Fault::Partition(..));
                self.wires[wire as usize].partitioned = partition;
                let kind = if partition { TraceKind::Partitioned } else { TraceKind::Healed };
                self.record(kind, 0, 0, n, wire, 0);
            }
            Fault::Delay(ref from, ref to, extra_ms) => {
                let wire = self.wire_index(from, to).expect("checked");
                self.wires[wire as usize].extra_delay = ms(extra_ms);
                self.record(TraceKind::DelayChanged, 0, 0, n, wire, extra_ms as u32);
            }
            Fault::Loss(ref from, ref to, ratio) => {
                let wire = self.wire_index(from, to).expect("checked");
                self.wires[wire as usize].loss_ratio = ratio;
                self.record(TraceKind::LossChanged, 0, 0, n, wire, (ratio * 1_000.0).round() as u32);
            }
            _ => unreachable!("cluster faults went to the cluster above"),
        }
    }

    fn kill(&mut self, n: Node) {
        match &mut self.nodes[n as usize].state {
            NodeState::Publisher(p) if !p.down => {
                p.down = true;
                p.epoch += 1;
            }
            NodeState::Consumer(c) if !c.down => c.down = true,
            _ => return,
        }
        self.record(TraceKind::Killed, 0, 0, n, NO_WIRE, 0);
        if matches!(self.nodes[n as usize].state, NodeState::Consumer(_)) {
            self.crash_consumer(n);
        }
    }

    fn revive(&mut self, n: Node) {
        match &mut self.nodes[n as usize].state {
            NodeState::Publisher(p) if p.down => p.down = false,
            NodeState::Consumer(c) if c.down => c.down = false,
            _ => return,
        }
        self.record(TraceKind::Revived, 0, 0, n, NO_WIRE, 0);
        match self.nodes[n as usize].state {
            NodeState::Publisher(_) => self.schedule_next_publish(n),
            NodeState::Consumer(_) => self.start_workers(n),
            _ => {}
        }
    }

    /// Everything the consumer held dies with it: what it had acknowledged
    /// (or was pushed) is lost or retried by the topic that pushed it; what it
    /// received and had not deleted stays in flight until its visibility
    /// timeout brings it back.
    fn crash_consumer(&mut self, consumer: Node) {
        let workers = self.consumer(consumer).workers.len() as u32;
        for worker in 0..workers {
            let w = self.next_ticket(consumer, worker);
            let state = self.worker(w);
            state.state = WorkerState::Idle;
            state.batch.clear();
            state.source = None;
            state.next = 0;
        }
        self.consumer(consumer).backlog.clear();
        let held: Vec<(CopyRef, CopyState)> = self
            .slots
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let c = s.copy.as_ref()?;
                let mine = match c.state {
                    CopyState::AtConsumer { consumer: at } => at == consumer,
                    CopyState::InFlight { holder, .. } => holder == Some(consumer),
                    _ => false,
                };
                mine.then_some((CopyRef { slot: i as u32, generation: s.generation }, c.state))
            })
            .collect();
        for (r, state) in held {
            match state {
                CopyState::AtConsumer { .. } => self.push_failed(r, consumer, LostReason::ConsumerCrashed),
                CopyState::InFlight { queue, .. } => self.set_state(r, CopyState::InFlight { queue, holder: None }),
                _ => {}
            }
        }
        for n in 0..self.nodes.len() {
            if let NodeState::Queue(q) = &mut self.nodes[n].state {
                q.waiters.retain(|(w, _)| w.consumer != consumer);
            }
        }
    }
}

/// A message from the cluster as a sentence: capital first letter, full stop.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

/// Group keys a publisher will use, computed once: its fixed group, its
/// round-robin groups, or one per value of the attribute it groups by.
fn publisher_group_keys(config: &PublisherConfig) -> Vec<u64> {
    match &config.message_group {
        MessageGroup::Fixed(name) => vec![group_key(name)],
        MessageGroup::RoundRobin(n) => (1..=*n).map(|k| group_key(&format!("g{k}"))).collect(),
        MessageGroup::FromAttribute(name) => config
            .attributes
            .iter()
            .find(|a| &a.name == name)
            .map(|a| match &a.values {
                AttributeValues::OneOf(values) => values.iter().map(|v| group_key(v)).collect(),
                AttributeValues::Between(..) => Vec::new(),
            })
            .unwrap_or_default(),
    }
}
