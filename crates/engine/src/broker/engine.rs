//! The simulation itself: state per component, the copy slab, event handlers.

use crate::report::{ComponentReport, Counters, Report};
use crate::scenario::{
    validate, ArrivalPattern, ComponentId, Fault, ConsumerConfig, PublisherConfig, QueueConfig, Scenario, Spec,
    TopicConfig, ValidationError,
};
use crate::sim::{EventQueue, Rng, SimTime, TraceHasher, MICROS_PER_S};
use std::collections::VecDeque;
use std::fmt;

/// Index of a component in the scenario's component list.
type Node = u32;
/// Index of a wire in the scenario's wire list.
type WireIx = u32;

/// How many pushed (direct) calls one consumer instance accepts while all its
/// workers are busy; more are refused and lost, as an overloaded HTTP service
/// would refuse them.
pub const DIRECT_BACKLOG_PER_INSTANCE: usize = 1_000;

/// How many trace records the engine keeps for the event log. Older records
/// still count in the trace hash; only their text is dropped.
pub const TRACE_RING_CAPACITY: usize = 4_096;

/// A live intervention, stamped with the sim time at which it applies: the
/// same [`Fault`] a scenario's fault script holds.
pub type Command = Fault;

/// Why a command could not be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommandError {
    UnknownComponent(ComponentId),
    /// The component's kind cannot be killed or revived in this version.
    NotSupported(String),
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommandError::UnknownComponent(id) => write!(f, "there is no component '{id}'"),
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
    /// The consumer crashed while holding a pushed copy (working on it or
    /// about to), and nothing else had a copy.
    ConsumerCrashed,
    /// A pushed call reached a consumer whose backlog was full.
    ConsumerOverloaded,
    /// A topic gave up pushing to a consumer after its retries.
    RetriesExhausted,
    /// A topic had no subscriptions.
    NoSubscribers,
    /// A publisher had no outgoing wire.
    NoDestination,
}

impl LostReason {
    pub fn explain(self) -> &'static str {
        match self {
            LostReason::ConsumerDown => "the consumer was down when the call arrived",
            LostReason::ConsumerCrashed => "the consumer crashed while holding it",
            LostReason::ConsumerOverloaded => "the consumer's backlog was full",
            LostReason::RetriesExhausted => "the topic gave up after its delivery retries",
            LostReason::NoSubscribers => "the topic has no subscriptions",
            LostReason::NoDestination => "the publisher is not wired to anything",
        }
    }
}

/// What a trace record says happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TraceKind {
    /// A publisher created an order.
    Published,
    /// A copy left along a wire (`wire` set).
    Sent,
    /// A topic replaced a copy with one per subscription.
    FannedOut,
    /// A queue stored a copy.
    Enqueued,
    /// A consumer received a copy from a queue (receive count in `detail`).
    Received,
    /// A consumer started on a copy.
    ProcessingStarted,
    /// A consumer finished processing a copy (times processed in `detail`).
    Processed,
    /// A copy was deleted from its queue: delivered.
    Deleted,
    /// A pushed copy was processed: delivered.
    Delivered,
    /// A received copy was not deleted in time and is visible again.
    VisibilityExpired,
    /// A delete call died with the consumer that made it.
    DeleteLost,
    /// A delete used a receipt from an earlier receive and did nothing.
    DeleteStale,
    /// A topic will retry a push (attempt number in `detail`).
    RetryScheduled,
    Lost(LostReason),
    Killed,
    Revived,
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
    /// Index of the wire for `Sent`, otherwise `u32::MAX`.
    pub wire: u32,
    pub detail: u32,
}

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
    /// Workers busy (consumers).
    pub busy: u32,
    /// Workers in total (consumers).
    pub workers: u32,
    /// Copies waiting to be received (queues) or waiting for a worker (consumers).
    pub waiting: u64,
    /// Copies received and not yet deleted (queues).
    pub in_flight: u64,
    /// Copies waiting out a delay before they become visible (queues).
    pub delayed: u64,
    /// Consumers: processing is slowed down by a fault.
    pub slowed: bool,
    /// Queues and topics: an API call was throttled within the last second.
    pub throttling: bool,
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
    /// Stored in a queue, visible to receivers.
    Stored { queue: Node },
    /// Received from a queue and not deleted; `holder` is the consumer
    /// working on it, if it is still alive.
    InFlight { queue: Node, holder: Option<Node> },
    /// Pushed to a consumer: waiting for a worker or being processed.
    AtConsumer { consumer: Node },
    /// A topic waits to retry a push.
    RetryWait { topic: Node },
}

#[derive(Clone, Debug)]
struct Copy {
    id: u64,
    order: u64,
    state: CopyState,
    /// When the copy entered its current queue (for the oldest-age metric).
    enqueued_at: SimTime,
    receives: u32,
    /// The latest receive's receipt; a delete must present it.
    receipt: u32,
    processed: u32,
}

struct Slot {
    generation: u32,
    copy: Option<Copy>,
}

enum Hop {
    /// A push: a publisher's or a topic's call (`attempt` 0 is the first).
    Push { attempt: u32 },
    /// A queue's answer to a consumer's receive.
    Receive { receipt: u32, epoch: u32 },
}

enum Event {
    Publish { publisher: Node, epoch: u32 },
    Arrive { copy: CopyRef, wire: WireIx, hop: Hop, sent_at: SimTime },
    VisibilityExpired { copy: CopyRef, receipt: u32 },
    ProcessingDone { consumer: Node, epoch: u32, copy: CopyRef, from_queue: bool },
    DeleteArrived { copy: CopyRef, receipt: u32, consumer: Node, epoch: u32 },
    RetryPush { copy: CopyRef, wire: WireIx, attempt: u32 },
    Command(Command),
}

enum NodeState {
    Publisher {
        config: PublisherConfig,
        rng: Rng,
        down: bool,
        epoch: u32,
    },
    Topic {
        config: TopicConfig,
    },
    Queue {
        config: QueueConfig,
        visible: VecDeque<CopyRef>,
        /// Round-robin cursor over the queue's consumers.
        next_receiver: usize,
    },
    Consumer {
        config: ConsumerConfig,
        down: bool,
        /// Bumped on every kill, so work scheduled before it is recognised as dead.
        epoch: u32,
        busy: u32,
        backlog: VecDeque<CopyRef>,
        /// Round-robin cursor over the consumer's input queues.
        next_input: usize,
    },
}

struct NodeInfo {
    id: ComponentId,
    state: NodeState,
    out_wires: Vec<WireIx>,
    /// Wires from queues into this node (consumers only).
    in_queue_wires: Vec<WireIx>,
    counters: Counters,
}

struct WireInfo {
    from: Node,
    to: Node,
    latency: SimTime,
}

/// A running scenario. Build with [`Simulation::new`], advance with
/// [`Simulation::run_until`] or [`Simulation::step`], intervene with
/// [`Simulation::command`], read with [`Simulation::report`].
pub struct Simulation {
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
    delivered: u64,
    lost: u64,
    fanned_out: u64,
    duplicates: u64,
    in_transit: u64,
    stored: u64,
    in_flight_queue: u64,
    at_consumer: u64,
    retry_wait: u64,
    events_processed: u64,
    hasher: TraceHasher,
    trace: VecDeque<TraceRecord>,
    records_written: u64,
    commands: Vec<(SimTime, Command)>,
}

impl Simulation {
    /// Builds a simulation of a valid scenario at time zero.
    pub fn new(scenario: &Scenario) -> Result<Simulation, BuildError> {
        validate(scenario).map_err(BuildError)?;
        let root = Rng::new(scenario.seed);
        let index_of = |id: &ComponentId| -> Node {
            scenario.components.iter().position(|c| &c.id == id).expect("validated wires reference components")
                as Node
        };
        let mut nodes: Vec<NodeInfo> = scenario
            .components
            .iter()
            .map(|c| NodeInfo {
                id: c.id.clone(),
                state: match &c.spec {
                    Spec::Publisher(config) => NodeState::Publisher {
                        config: config.clone(),
                        rng: root.fork(c.id.as_str()),
                        down: false,
                        epoch: 0,
                    },
                    Spec::Topic(config) => NodeState::Topic { config: config.clone() },
                    Spec::Queue(config) => {
                        NodeState::Queue { config: config.clone(), visible: VecDeque::new(), next_receiver: 0 }
                    }
                    Spec::Consumer(config) => NodeState::Consumer {
                        config: config.clone(),
                        down: false,
                        epoch: 0,
                        busy: 0,
                        backlog: VecDeque::new(),
                        next_input: 0,
                    },
                },
                out_wires: Vec::new(),
                in_queue_wires: Vec::new(),
                counters: Counters::default(),
            })
            .collect();
        let mut wires = Vec::with_capacity(scenario.wires.len());
        for (i, w) in scenario.wires.iter().enumerate() {
            let (from, to) = (index_of(&w.from), index_of(&w.to));
            nodes[from as usize].out_wires.push(i as WireIx);
            if matches!(nodes[from as usize].state, NodeState::Queue { .. }) {
                nodes[to as usize].in_queue_wires.push(i as WireIx);
            }
            wires.push(WireInfo { from, to, latency: SimTime::from_ms(w.latency_ms) });
        }
        let mut sim = Simulation {
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
            delivered: 0,
            lost: 0,
            fanned_out: 0,
            duplicates: 0,
            in_transit: 0,
            stored: 0,
            in_flight_queue: 0,
            at_consumer: 0,
            retry_wait: 0,
            events_processed: 0,
            hasher: TraceHasher::default(),
            trace: VecDeque::with_capacity(TRACE_RING_CAPACITY),
            records_written: 0,
            commands: Vec::new(),
        };
        for p in 0..sim.nodes.len() as Node {
            sim.schedule_next_publish(p);
        }
        Ok(sim)
    }

    pub fn now(&self) -> SimTime {
        self.now
    }

    /// The time of the next pending event, if any.
    pub fn next_event_time(&self) -> Option<SimTime> {
        self.events.peek_time()
    }

    /// Processes every event with time ≤ `until`, then sets now = `until`.
    /// Running to T in one call or in many smaller calls gives the same trace.
    pub fn run_until(&mut self, until: SimTime) {
        while let Some((at, event)) = self.events.pop_due(until) {
            self.now = at;
            self.events_processed += 1;
            self.handle(event);
        }
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

    /// Applies a command now. It is logged with its time and hashed into the
    /// trace, so replaying the same commands at the same times replays the run.
    pub fn command(&mut self, command: Command) -> Result<(), CommandError> {
        self.check_command(&command)?;
        self.apply_command(command);
        Ok(())
    }

    /// Schedules a command for a later sim time (a fault script entry).
    pub fn schedule(&mut self, at: SimTime, command: Command) -> Result<(), CommandError> {
        self.check_command(&command)?;
        self.events.push(at.max(self.now), Event::Command(command));
        Ok(())
    }

    /// Commands applied so far, with their times.
    pub fn command_log(&self) -> &[(SimTime, Command)] {
        &self.commands
    }

    /// Whether the component is down (killed and not revived).
    pub fn is_down(&self, id: &ComponentId) -> bool {
        self.node_index(id).map(|n| self.activity_of(n).down).unwrap_or(false)
    }

    pub fn activity(&self, id: &ComponentId) -> Activity {
        self.node_index(id).map(|n| self.activity_of(n)).unwrap_or_default()
    }

    /// Messages travelling wires right now (arbitrary order).
    pub fn transits(&self) -> impl Iterator<Item = Transit> + '_ {
        self.events.iter().filter_map(|(_, event)| match event {
            Event::Arrive { copy, wire, sent_at, .. } => Some((copy, wire, sent_at)),
            _ => None,
        }).filter_map(move |(copy, wire, sent_at)| {
            let order = self.copy(*copy).map(|c| c.order)?;
            let latency = self.wires[*wire as usize].latency;
            Some(Transit { wire: *wire as usize, sent_at: *sent_at, arrive_at: *sent_at + latency, order, dropped: false })
        })
    }

    /// Every trace record of one order so far, oldest first: its lineage
    /// (published, fanned out, enqueued, received ×N, deleted / dead-lettered
    /// / expired / lost / filtered, with why).
    pub fn lineage(&self, order: u64) -> Vec<TraceRecord> {
        self.trace.iter().filter(|r| r.order == order).copied().collect()
    }

    /// The orders of the copies a component holds right now (a queue's
    /// stored and in-flight copies, a consumer's work), oldest first, at
    /// most `limit`.
    pub fn orders_at(&self, id: &ComponentId, limit: usize) -> Vec<u64> {
        let Some(n) = self.node_index(id) else { return Vec::new() };
        let mut orders: Vec<u64> = self
            .slots
            .iter()
            .filter_map(|s| s.copy.as_ref())
            .filter(|c| match c.state {
                CopyState::Stored { queue } | CopyState::InFlight { queue, .. } => queue == n,
                CopyState::AtConsumer { consumer } => consumer == n,
                CopyState::RetryWait { topic } => topic == n,
                CopyState::Transit => false,
            })
            .map(|c| c.order)
            .collect();
        orders.sort_unstable();
        orders.dedup();
        orders.truncate(limit);
        orders
    }

    /// The live checks of the invariant panel.
    pub fn invariants(&self) -> crate::report::Invariants {
        crate::report::Invariants {
            lost: crate::report::InvariantCheck { count: self.lost, first_order: None },
            processed_more_than_once: crate::report::InvariantCheck { count: self.duplicates, first_order: None },
            fifo_order_violated: crate::report::InvariantCheck::default(),
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
        Counters {
            published: self.published,
            delivered: self.delivered,
            in_queue: self.stored,
            in_flight: self.in_transit + self.in_flight_queue + self.at_consumer + self.retry_wait,
            lost: self.lost,
            duplicates: self.duplicates,
            oldest_message_age_ms: self.oldest_ages_ms().into_iter().max().unwrap_or(0),
            ..Counters::default()
        }
    }

    /// Counters of one component.
    pub fn counters(&self, id: &ComponentId) -> Option<Counters> {
        let n = self.node_index(id)?;
        let mut counters = self.nodes[n as usize].counters.clone();
        counters.oldest_message_age_ms = self.oldest_age_ms(n);
        Some(counters)
    }

    /// The conservation invariant (see the `report` module): every copy ever
    /// created is in exactly one state.
    pub fn conservation_holds(&self) -> bool {
        self.created
            == self.delivered
                + self.lost
                + self.fanned_out
                + self.in_transit
                + self.stored
                + self.in_flight_queue
                + self.at_consumer
                + self.retry_wait
    }

    /// Recounts every live copy from scratch and compares with the tallies
    /// kept incrementally. For tests: it walks the whole slab.
    pub fn audit(&self) -> Result<(), String> {
        let (mut transit, mut stored, mut in_flight, mut at_consumer, mut retry) = (0, 0, 0, 0, 0);
        for copy in self.slots.iter().filter_map(|s| s.copy.as_ref()) {
            match copy.state {
                CopyState::Transit => transit += 1,
                CopyState::Stored { .. } => stored += 1,
                CopyState::InFlight { .. } => in_flight += 1,
                CopyState::AtConsumer { .. } => at_consumer += 1,
                CopyState::RetryWait { .. } => retry += 1,
            }
        }
        let counted = (transit, stored, in_flight, at_consumer, retry);
        let kept = (self.in_transit, self.stored, self.in_flight_queue, self.at_consumer, self.retry_wait);
        if counted != kept {
            return Err(format!("live copies {counted:?} but tallies say {kept:?}"));
        }
        if !self.conservation_holds() {
            return Err(format!(
                "conservation broken: created {} ≠ delivered {} + lost {} + fanned out {} + live {:?}",
                self.created, self.delivered, self.lost, self.fanned_out, kept
            ));
        }
        let visible: u64 = self
            .nodes
            .iter()
            .map(|n| match &n.state {
                NodeState::Queue { visible, .. } => visible.len() as u64,
                _ => 0,
            })
            .sum();
        if visible != self.stored {
            return Err(format!("{} copies stored but {visible} in visible lists", self.stored));
        }
        Ok(())
    }

    /// A snapshot of every counter, for the metrics panel and the CLI.
    pub fn report(&self) -> Report {
        let oldest = self.oldest_ages_ms();
        Report {
            now_ms: self.now.as_ms(),
            totals: self.totals(),
            components: self
                .nodes
                .iter()
                .zip(oldest)
                .map(|(n, oldest_message_age_ms)| ComponentReport {
                    id: n.id.clone(),
                    counters: Counters { oldest_message_age_ms, ..n.counters.clone() },
                })
                .collect(),
            copies_created: self.created,
            copies_fanned_out: self.fanned_out,
            conservation_holds: self.conservation_holds(),
            events_processed: self.events_processed,
            trace_hash: format!("{:016x}", self.trace_hash()),
        }
    }

    // ----- internals -------------------------------------------------------

    fn node_index(&self, id: &ComponentId) -> Option<Node> {
        self.nodes.iter().position(|n| &n.id == id).map(|i| i as Node)
    }

    fn activity_of(&self, n: Node) -> Activity {
        let node = &self.nodes[n as usize];
        match &node.state {
            NodeState::Publisher { down, .. } => Activity { down: *down, ..Activity::default() },
            NodeState::Topic { .. } => Activity { in_flight: node.counters.in_flight, ..Activity::default() },
            NodeState::Queue { visible, .. } => Activity {
                waiting: visible.len() as u64,
                in_flight: node.counters.in_flight,
                ..Activity::default()
            },
            NodeState::Consumer { config, down, busy, backlog, .. } => Activity {
                down: *down,
                busy: *busy,
                workers: config.instances * config.concurrency,
                waiting: backlog.len() as u64,
                in_flight: node.counters.in_flight,
                ..Activity::default()
            },
        }
    }

    /// The age of the oldest copy in each queue (0 for other components), in
    /// one pass over the live copies.
    fn oldest_ages_ms(&self) -> Vec<u64> {
        let mut oldest = vec![0u64; self.nodes.len()];
        for c in self.slots.iter().filter_map(|s| s.copy.as_ref()) {
            if let CopyState::Stored { queue } | CopyState::InFlight { queue, .. } = c.state {
                let age = self.now.saturating_sub(c.enqueued_at).as_ms();
                oldest[queue as usize] = oldest[queue as usize].max(age);
            }
        }
        oldest
    }

    fn oldest_age_ms(&self, n: Node) -> u64 {
        if !matches!(self.nodes[n as usize].state, NodeState::Queue { .. }) {
            return 0;
        }
        // The oldest copy not yet deleted, visible or in flight, as SQS's
        // ApproximateAgeOfOldestMessage. Queues are scanned only when a
        // report is asked for, never per event.
        self.slots
            .iter()
            .filter_map(|s| s.copy.as_ref())
            .filter(|c| match c.state {
                CopyState::Stored { queue } | CopyState::InFlight { queue, .. } => queue == n,
                _ => false,
            })
            .map(|c| self.now.saturating_sub(c.enqueued_at).as_ms())
            .max()
            .unwrap_or(0)
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

    fn check_command(&self, command: &Command) -> Result<(), CommandError> {
        let id = match command {
            Command::Kill(id) | Command::Revive(id) => id,
            _ => return Err(CommandError::NotSupported("This fault is not modelled yet.".into())),
        };
        let n = self.node_index(id).ok_or_else(|| CommandError::UnknownComponent(id.clone()))?;
        match self.nodes[n as usize].state {
            NodeState::Publisher { .. } | NodeState::Consumer { .. } => Ok(()),
            NodeState::Topic { .. } | NodeState::Queue { .. } => Err(CommandError::NotSupported(
                "Topics and queues are managed services here: they cannot be killed yet.".into(),
            )),
        }
    }

    fn record(&mut self, kind: TraceKind, order: u64, copy: u64, component: Node, wire: u32, detail: u32) {
        let record = TraceRecord { at: self.now, kind, order, copy, component, wire, detail };
        let h = &mut self.hasher;
        h.write_u64(record.at.0);
        h.write_u64(trace_kind_code(kind));
        h.write_u64(order);
        h.write_u64(copy);
        h.write_u64((u64::from(component) << 32) | u64::from(wire));
        h.write_u64(u64::from(detail));
        self.records_written += 1;
        if self.trace.len() == TRACE_RING_CAPACITY {
            self.trace.pop_front();
        }
        self.trace.push_back(record);
    }

    fn schedule_next_publish(&mut self, p: Node) {
        let NodeState::Publisher { config, rng, down, epoch } = &mut self.nodes[p as usize].state else {
            return;
        };
        if *down || !(config.rate_per_s > 0.0) {
            return;
        }
        let mean_gap_micros = MICROS_PER_S as f64 / config.rate_per_s;
        let gap_micros = match config.pattern {
            ArrivalPattern::Constant => mean_gap_micros,
            ArrivalPattern::Poisson => rng.exponential(mean_gap_micros),
        };
        // At least one microsecond apart, so time always moves forward.
        let gap = SimTime((gap_micros.round() as u64).max(1));
        let epoch = *epoch;
        self.events.push(self.now + gap, Event::Publish { publisher: p, epoch });
    }

    fn handle(&mut self, event: Event) {
        match event {
            Event::Publish { publisher, epoch } => self.on_publish(publisher, epoch),
            Event::Arrive { copy, wire, hop, .. } => self.on_arrive(copy, wire, hop),
            Event::VisibilityExpired { copy, receipt } => self.on_visibility_expired(copy, receipt),
            Event::ProcessingDone { consumer, epoch, copy, from_queue } => {
                self.on_processing_done(consumer, epoch, copy, from_queue)
            }
            Event::DeleteArrived { copy, receipt, consumer, epoch } => {
                self.on_delete_arrived(copy, receipt, consumer, epoch)
            }
            Event::RetryPush { copy, wire, attempt } => self.on_retry_push(copy, wire, attempt),
            Event::Command(command) => self.apply_command(command),
        }
    }

    // ----- copies and their states ---------------------------------------

    fn new_copy(&mut self, order: u64, state: CopyState) -> CopyRef {
        let id = self.next_copy;
        self.next_copy += 1;
        self.created += 1;
        let copy = Copy { id, order, state, enqueued_at: self.now, receives: 0, receipt: 0, processed: 0 };
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
    fn set_state(&mut self, r: CopyRef, state: CopyState) {
        let old = {
            let copy = self.copy_mut(r).expect("set_state on a live copy");
            std::mem::replace(&mut copy.state, state)
        };
        self.count_state(old, -1);
        self.count_state(state, 1);
    }

    /// Ends a copy's life: it leaves the slab and is counted as delivered,
    /// lost or fanned out.
    fn retire(&mut self, r: CopyRef, end: End) -> Copy {
        let slot = &mut self.slots[r.slot as usize];
        debug_assert_eq!(slot.generation, r.generation);
        let copy = slot.copy.take().expect("retire a live copy");
        slot.generation = slot.generation.wrapping_add(1);
        self.free_slots.push(r.slot);
        self.count_state(copy.state, -1);
        match end {
            End::Delivered => self.delivered += 1,
            End::FannedOut => self.fanned_out += 1,
            End::Lost { reason, at } => {
                self.lost += 1;
                self.nodes[at as usize].counters.lost += 1;
                self.record(TraceKind::Lost(reason), copy.order, copy.id, at, u32::MAX, 0);
            }
        }
        copy
    }

    /// Keeps the scenario-wide and per-component tallies of live states.
    fn count_state(&mut self, state: CopyState, delta: i64) {
        fn bump(x: &mut u64, delta: i64) {
            *x = x.wrapping_add_signed(delta);
        }
        match state {
            CopyState::Transit => bump(&mut self.in_transit, delta),
            CopyState::Stored { queue } => {
                bump(&mut self.stored, delta);
                bump(&mut self.nodes[queue as usize].counters.in_queue, delta);
            }
            CopyState::InFlight { queue, holder } => {
                bump(&mut self.in_flight_queue, delta);
                bump(&mut self.nodes[queue as usize].counters.in_flight, delta);
                if let Some(c) = holder {
                    bump(&mut self.nodes[c as usize].counters.in_flight, delta);
                }
            }
            CopyState::AtConsumer { consumer } => {
                bump(&mut self.at_consumer, delta);
                bump(&mut self.nodes[consumer as usize].counters.in_flight, delta);
            }
            CopyState::RetryWait { topic } => {
                bump(&mut self.retry_wait, delta);
                bump(&mut self.nodes[topic as usize].counters.in_flight, delta);
            }
        }
    }

    /// Sends a live copy along a wire.
    fn send(&mut self, r: CopyRef, wire: WireIx, hop: Hop) {
        let (order, id) = {
            let c = self.copy(r).expect("send a live copy");
            (c.order, c.id)
        };
        if !matches!(hop, Hop::Receive { .. }) {
            self.set_state(r, CopyState::Transit);
        }
        let w = &self.wires[wire as usize];
        let (from, arrive) = (w.from, self.now + w.latency);
        self.record(TraceKind::Sent, order, id, from, wire, 0);
        self.events.push(arrive, Event::Arrive { copy: r, wire, hop, sent_at: self.now });
    }

    // ----- handlers ------------------------------------------------------

    fn on_publish(&mut self, p: Node, event_epoch: u32) {
        match &self.nodes[p as usize].state {
            NodeState::Publisher { down: false, epoch, .. } if *epoch == event_epoch => {}
            _ => return, // killed since this tick was scheduled
        }
        let order = self.next_order;
        self.next_order += 1;
        self.published += 1;
        self.nodes[p as usize].counters.published += 1;
        self.record(TraceKind::Published, order, 0, p, u32::MAX, 0);
        let out = self.nodes[p as usize].out_wires.clone();
        if out.is_empty() {
            let r = self.new_copy(order, CopyState::Transit);
            self.retire(r, End::Lost { reason: LostReason::NoDestination, at: p });
        }
        for wire in out {
            let r = self.new_copy(order, CopyState::Transit);
            self.send(r, wire, Hop::Push { attempt: 0 });
        }
        self.schedule_next_publish(p);
    }

    fn on_arrive(&mut self, r: CopyRef, wire: WireIx, hop: Hop) {
        if self.copy(r).is_none() {
            return; // deleted while this answer was on its way
        }
        let to = self.wires[wire as usize].to;
        match (&self.nodes[to as usize].state, hop) {
            (NodeState::Topic { .. }, _) => self.fan_out(r, to),
            (NodeState::Queue { .. }, _) => self.enqueue(r, to),
            (NodeState::Consumer { .. }, Hop::Push { attempt }) => self.push_to_consumer(r, wire, to, attempt),
            (NodeState::Consumer { .. }, Hop::Receive { receipt, epoch }) => {
                self.receive_arrived(r, to, receipt, epoch)
            }
            (NodeState::Publisher { .. }, _) => unreachable!("validation refuses wires into publishers"),
        }
    }

    fn fan_out(&mut self, r: CopyRef, topic: Node) {
        let subscriptions = self.nodes[topic as usize].out_wires.clone();
        if subscriptions.is_empty() {
            self.retire(r, End::Lost { reason: LostReason::NoSubscribers, at: topic });
            return;
        }
        let parent = self.retire(r, End::FannedOut);
        self.record(TraceKind::FannedOut, parent.order, parent.id, topic, u32::MAX, subscriptions.len() as u32);
        for wire in subscriptions {
            let child = self.new_copy(parent.order, CopyState::Transit);
            self.send(child, wire, Hop::Push { attempt: 0 });
        }
    }

    fn enqueue(&mut self, r: CopyRef, queue: Node) {
        let now = self.now;
        let (order, id) = {
            let c = self.copy_mut(r).expect("enqueue a live copy");
            c.enqueued_at = now;
            (c.order, c.id)
        };
        self.set_state(r, CopyState::Stored { queue });
        if let NodeState::Queue { visible, .. } = &mut self.nodes[queue as usize].state {
            visible.push_back(r);
        }
        self.record(TraceKind::Enqueued, order, id, queue, u32::MAX, 0);
        self.dispatch(queue);
    }

    fn push_to_consumer(&mut self, r: CopyRef, wire: WireIx, consumer: Node, attempt: u32) {
        let from = self.wires[wire as usize].from;
        let NodeState::Consumer { config, down, busy, backlog, .. } = &self.nodes[consumer as usize].state else {
            unreachable!()
        };
        if *down {
            // A topic retries its push as SNS's delivery policy says; a
            // publisher's direct call just fails.
            if let NodeState::Topic { config } = &self.nodes[from as usize].state {
                if attempt < config.http_retries {
                    let delay = SimTime::from_ms(config.http_retry_delay_ms);
                    let (order, id) = self.copy(r).map(|c| (c.order, c.id)).expect("live");
                    self.set_state(r, CopyState::RetryWait { topic: from });
                    self.record(TraceKind::RetryScheduled, order, id, from, wire, attempt + 1);
                    self.events.push(self.now + delay, Event::RetryPush { copy: r, wire, attempt: attempt + 1 });
                } else {
                    self.retire(r, End::Lost { reason: LostReason::RetriesExhausted, at: from });
                }
                return;
            }
            self.retire(r, End::Lost { reason: LostReason::ConsumerDown, at: consumer });
            return;
        }
        let workers = config.instances * config.concurrency;
        let backlog_limit = DIRECT_BACKLOG_PER_INSTANCE * config.instances as usize;
        if *busy < workers {
            self.set_state(r, CopyState::AtConsumer { consumer });
            self.start_processing(consumer, r, false);
        } else if backlog.len() < backlog_limit {
            self.set_state(r, CopyState::AtConsumer { consumer });
            if let NodeState::Consumer { backlog, .. } = &mut self.nodes[consumer as usize].state {
                backlog.push_back(r);
            }
        } else {
            self.retire(r, End::Lost { reason: LostReason::ConsumerOverloaded, at: consumer });
        }
    }

    fn on_retry_push(&mut self, r: CopyRef, wire: WireIx, attempt: u32) {
        if self.copy(r).is_some() {
            self.send(r, wire, Hop::Push { attempt });
        }
    }

    /// A queue hands visible copies to consumers with a free worker, round
    /// robin, as long-polling receivers would get them.
    fn dispatch(&mut self, queue: Node) {
        let receivers = self.nodes[queue as usize].out_wires.len();
        if receivers == 0 {
            return;
        }
        loop {
            let NodeState::Queue { visible, next_receiver, .. } = &self.nodes[queue as usize].state else {
                return;
            };
            if visible.is_empty() {
                return;
            }
            let start = *next_receiver;
            let chosen = (0..receivers).map(|k| (start + k) % receivers).find(|&k| {
                let wire = self.nodes[queue as usize].out_wires[k];
                self.has_free_worker(self.wires[wire as usize].to)
            });
            let Some(k) = chosen else { return };
            if let NodeState::Queue { next_receiver, .. } = &mut self.nodes[queue as usize].state {
                *next_receiver = (k + 1) % receivers;
            }
            let wire = self.nodes[queue as usize].out_wires[k];
            self.receive(queue, wire);
        }
    }

    fn has_free_worker(&self, consumer: Node) -> bool {
        match &self.nodes[consumer as usize].state {
            NodeState::Consumer { config, down, busy, .. } => !*down && *busy < config.instances * config.concurrency,
            _ => false,
        }
    }

    /// One receive: the front visible copy goes in flight to the consumer at
    /// the end of `wire`, which reserves a worker for it.
    fn receive(&mut self, queue: Node, wire: WireIx) {
        let consumer = self.wires[wire as usize].to;
        let NodeState::Queue { config, visible, .. } = &mut self.nodes[queue as usize].state else {
            unreachable!()
        };
        let r = visible.pop_front().expect("dispatch checked a visible copy");
        let visibility = SimTime::from_ms(config.visibility_timeout_ms);
        let NodeState::Consumer { busy, epoch, .. } = &mut self.nodes[consumer as usize].state else {
            unreachable!()
        };
        *busy += 1;
        let epoch = *epoch;
        let (order, id, receipt, receives) = {
            let c = self.copy_mut(r).expect("visible copies are live");
            c.receives += 1;
            c.receipt += 1;
            (c.order, c.id, c.receipt, c.receives)
        };
        self.set_state(r, CopyState::InFlight { queue, holder: Some(consumer) });
        self.record(TraceKind::Received, order, id, consumer, wire, receives);
        self.events.push(self.now + visibility, Event::VisibilityExpired { copy: r, receipt });
        self.send(r, wire, Hop::Receive { receipt, epoch });
    }

    fn receive_arrived(&mut self, r: CopyRef, consumer: Node, receipt: u32, epoch: u32) {
        let NodeState::Consumer { epoch: current, .. } = &self.nodes[consumer as usize].state else {
            unreachable!()
        };
        if *current != epoch {
            return; // the consumer died after asking: the answer goes nowhere
        }
        let still_ours = matches!(self.copy(r), Some(c) if c.receipt == receipt);
        if !still_ours {
            // The visibility timeout ran out before the answer arrived and the
            // copy went to someone else; this worker gets nothing after all.
            self.release_worker(consumer);
            return;
        }
        self.start_processing(consumer, r, true);
    }

    fn start_processing(&mut self, consumer: Node, r: CopyRef, from_queue: bool) {
        let NodeState::Consumer { config, epoch, busy, .. } = &mut self.nodes[consumer as usize].state else {
            unreachable!()
        };
        if !from_queue {
            *busy += 1;
        }
        let done = self.now + SimTime::from_ms(config.processing_time_ms);
        let epoch = *epoch;
        let (order, id) = self.copy(r).map(|c| (c.order, c.id)).expect("live");
        self.record(TraceKind::ProcessingStarted, order, id, consumer, u32::MAX, 0);
        self.events.push(done, Event::ProcessingDone { consumer, epoch, copy: r, from_queue });
    }

    fn on_processing_done(&mut self, consumer: Node, epoch: u32, r: CopyRef, from_queue: bool) {
        let NodeState::Consumer { epoch: current, .. } = &self.nodes[consumer as usize].state else {
            unreachable!()
        };
        if *current != epoch {
            return; // crashed mid-work; the kill already accounted for it
        }
        let Some(copy) = self.copy_mut(r) else {
            // Deleted by another receiver meanwhile; the work was still done.
            self.duplicates += 1;
            self.nodes[consumer as usize].counters.duplicates += 1;
            self.release_worker(consumer);
            return;
        };
        copy.processed += 1;
        let (order, id, processed, receipt) = (copy.order, copy.id, copy.processed, copy.receipt);
        self.record(TraceKind::Processed, order, id, consumer, u32::MAX, processed);
        if processed > 1 {
            self.duplicates += 1;
            self.nodes[consumer as usize].counters.duplicates += 1;
        }
        if !from_queue {
            self.retire(r, End::Delivered);
            self.nodes[consumer as usize].counters.delivered += 1;
            self.record(TraceKind::Delivered, order, id, consumer, u32::MAX, 0);
            self.release_worker(consumer);
            return;
        }
        // Delete after processing: the worker waits for DeleteMessage to reach
        // the queue. Which queue: the one the copy is in flight from.
        let queue = match self.copy(r).map(|c| c.state) {
            Some(CopyState::InFlight { queue, .. }) | Some(CopyState::Stored { queue }) => queue,
            _ => unreachable!("a received copy belongs to a queue"),
        };
        let latency = self.wire_between(queue, consumer).map(|w| self.wires[w as usize].latency).unwrap_or_default();
        self.events.push(self.now + latency, Event::DeleteArrived { copy: r, receipt, consumer, epoch });
    }

    fn wire_between(&self, from: Node, to: Node) -> Option<WireIx> {
        self.nodes[from as usize].out_wires.iter().copied().find(|&w| self.wires[w as usize].to == to)
    }

    fn on_delete_arrived(&mut self, r: CopyRef, receipt: u32, consumer: Node, epoch: u32) {
        let NodeState::Consumer { epoch: current, .. } = &self.nodes[consumer as usize].state else {
            unreachable!()
        };
        if *current != epoch {
            // The consumer crashed before its delete went out: the copy stays
            // in flight and comes back after the visibility timeout.
            if let Some(c) = self.copy(r) {
                let (order, id) = (c.order, c.id);
                self.record(TraceKind::DeleteLost, order, id, consumer, u32::MAX, 0);
            }
            return;
        }
        let Some(copy) = self.copy(r) else {
            self.release_worker(consumer);
            return;
        };
        let (order, id, state) = (copy.order, copy.id, copy.state);
        if copy.receipt != receipt {
            // SQS: deleting with an old receipt handle may not delete. Here it
            // never does, so the later receive decides.
            self.record(TraceKind::DeleteStale, order, id, consumer, u32::MAX, 0);
            self.release_worker(consumer);
            return;
        }
        let queue = match state {
            CopyState::InFlight { queue, .. } => queue,
            CopyState::Stored { queue } => {
                // The visibility timeout ran out but nobody received it again
                // yet: the latest receipt still deletes it.
                if let NodeState::Queue { visible, .. } = &mut self.nodes[queue as usize].state {
                    visible.retain(|v| *v != r);
                }
                queue
            }
            _ => unreachable!("a received copy is stored or in flight"),
        };
        self.retire(r, End::Delivered);
        self.nodes[queue as usize].counters.delivered += 1;
        self.nodes[consumer as usize].counters.delivered += 1;
        self.record(TraceKind::Deleted, order, id, queue, u32::MAX, 0);
        self.release_worker(consumer);
    }

    fn on_visibility_expired(&mut self, r: CopyRef, receipt: u32) {
        let Some(copy) = self.copy(r) else { return };
        let CopyState::InFlight { queue, .. } = copy.state else { return };
        if copy.receipt != receipt {
            return; // received again since; a later timer governs
        }
        let (order, id) = (copy.order, copy.id);
        self.set_state(r, CopyState::Stored { queue });
        if let NodeState::Queue { visible, .. } = &mut self.nodes[queue as usize].state {
            visible.push_back(r);
        }
        self.record(TraceKind::VisibilityExpired, order, id, queue, u32::MAX, 0);
        self.dispatch(queue);
    }

    /// A worker is free: take pushed work first, then receive from inputs.
    fn release_worker(&mut self, consumer: Node) {
        let NodeState::Consumer { busy, backlog, .. } = &mut self.nodes[consumer as usize].state else {
            unreachable!()
        };
        *busy -= 1;
        if let Some(next) = backlog.pop_front() {
            self.start_processing(consumer, next, false);
            return;
        }
        self.pull(consumer);
    }

    /// Free workers receive from the consumer's input queues, round robin.
    fn pull(&mut self, consumer: Node) {
        let inputs = self.nodes[consumer as usize].in_queue_wires.clone();
        if inputs.is_empty() {
            return;
        }
        let mut idle_rounds = 0;
        while self.has_free_worker(consumer) && idle_rounds < inputs.len() {
            let NodeState::Consumer { next_input, .. } = &mut self.nodes[consumer as usize].state else {
                unreachable!()
            };
            let k = *next_input % inputs.len();
            *next_input = (k + 1) % inputs.len();
            let wire = inputs[k];
            let queue = self.wires[wire as usize].from;
            let has_visible = matches!(&self.nodes[queue as usize].state, NodeState::Queue { visible, .. } if !visible.is_empty());
            if has_visible {
                self.receive(queue, wire);
                idle_rounds = 0;
            } else {
                idle_rounds += 1;
            }
        }
    }

    fn apply_command(&mut self, command: Command) {
        self.commands.push((self.now, command.clone()));
        let (id, kill) = match &command {
            Command::Kill(id) => (id, true),
            Command::Revive(id) => (id, false),
            _ => return,
        };
        let Some(n) = self.node_index(id) else { return };
        let changed = match &mut self.nodes[n as usize].state {
            NodeState::Publisher { down, epoch, .. } | NodeState::Consumer { down, epoch, .. } => {
                if *down == kill {
                    false
                } else {
                    *down = kill;
                    if kill {
                        *epoch += 1;
                    }
                    true
                }
            }
            _ => false,
        };
        if !changed {
            return;
        }
        self.record(if kill { TraceKind::Killed } else { TraceKind::Revived }, 0, 0, n, u32::MAX, 0);
        match (&self.nodes[n as usize].state, kill) {
            (NodeState::Publisher { .. }, true) => {}
            (NodeState::Publisher { .. }, false) => self.schedule_next_publish(n),
            (NodeState::Consumer { .. }, true) => self.crash_consumer(n),
            (NodeState::Consumer { .. }, false) => self.pull(n),
            _ => {}
        }
    }

    /// Everything the consumer held dies with it: pushed copies are lost;
    /// copies received from a queue stay in flight there until their
    /// visibility timeout brings them back.
    fn crash_consumer(&mut self, consumer: Node) {
        if let NodeState::Consumer { busy, backlog, .. } = &mut self.nodes[consumer as usize].state {
            *busy = 0;
            backlog.clear();
        }
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
                CopyState::AtConsumer { .. } => {
                    self.retire(r, End::Lost { reason: LostReason::ConsumerCrashed, at: consumer });
                }
                CopyState::InFlight { queue, .. } => self.set_state(r, CopyState::InFlight { queue, holder: None }),
                _ => {}
            }
        }
    }
}

enum End {
    Delivered,
    FannedOut,
    Lost { reason: LostReason, at: Node },
}

/// A stable number per trace kind for the hash (never reorder these).
fn trace_kind_code(kind: TraceKind) -> u64 {
    match kind {
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
        TraceKind::Lost(reason) => {
            100 + match reason {
                LostReason::ConsumerDown => 1,
                LostReason::ConsumerCrashed => 2,
                LostReason::ConsumerOverloaded => 3,
                LostReason::RetriesExhausted => 4,
                LostReason::NoSubscribers => 5,
                LostReason::NoDestination => 6,
            }
        }
    }
}
