//! A standalone runner: one [`Cluster`] with its own event queue, trace hash
//! and trace ring. Tests and the benchmark drive it; the broker's simulation
//! embeds a [`Cluster`] the same way, under its own queue.

use super::config::{ClusterSpec, ClusterSpecError};
use super::engine::{Cluster, ClusterCommand, ClusterCommandError, ClusterEvent, ClusterNotification, Effects};
use super::trace::ClusterTraceRecord;
use crate::sim::{EventQueue, Rng, SimTime, TraceHasher};
use std::collections::VecDeque;

/// How many trace records the runner keeps for display; older ones still
/// count in the hash.
pub const CLUSTER_TRACE_RING_CAPACITY: usize = 4_096;
/// How many notifications wait for [`ClusterSim::take_notifications`].
const NOTIFICATION_CAPACITY: usize = 4_096;

pub struct ClusterSim {
    now: SimTime,
    queue: EventQueue<ClusterEvent>,
    cluster: Cluster,
    fx: Effects,
    hasher: TraceHasher,
    trace: VecDeque<ClusterTraceRecord>,
    records_written: u64,
    notifications: VecDeque<ClusterNotification>,
    events_processed: u64,
    commands: Vec<(SimTime, ClusterCommand)>,
}

impl ClusterSim {
    /// A cluster at time zero, seeded.
    pub fn new(spec: &ClusterSpec, seed: u64) -> Result<ClusterSim, ClusterSpecError> {
        let mut fx = Effects::default();
        let cluster = Cluster::new(spec, &Rng::new(seed), SimTime::ZERO, &mut fx)?;
        let mut sim = ClusterSim {
            now: SimTime::ZERO,
            queue: EventQueue::new(),
            cluster,
            fx: Effects::default(),
            hasher: TraceHasher::default(),
            trace: VecDeque::with_capacity(CLUSTER_TRACE_RING_CAPACITY),
            records_written: 0,
            notifications: VecDeque::new(),
            events_processed: 0,
            commands: Vec::new(),
        };
        sim.absorb(&mut fx);
        Ok(sim)
    }

    pub fn now(&self) -> SimTime {
        self.now
    }

    pub fn cluster(&self) -> &Cluster {
        &self.cluster
    }

    /// For routing requests (which draw from kube-proxy's seeded stream).
    pub fn cluster_mut(&mut self) -> &mut Cluster {
        &mut self.cluster
    }

    pub fn next_event_time(&self) -> Option<SimTime> {
        self.queue.peek_time()
    }

    /// Processes every event with time ≤ `until`, then sets now = `until`.
    /// Chunking a run into several calls gives the same trace as one call.
    pub fn run_until(&mut self, until: SimTime) {
        while self.process_one_event(until) {}
        if until > self.now {
            self.now = until;
        }
    }

    /// Processes the earliest event if it is due by `limit`; returns whether
    /// there was one. Tests use it to audit after every event.
    pub fn process_one_event(&mut self, limit: SimTime) -> bool {
        let Some((at, event)) = self.queue.pop_due(limit) else { return false };
        self.now = at;
        self.events_processed += 1;
        let mut fx = std::mem::take(&mut self.fx);
        self.cluster.handle(at, event, &mut fx);
        self.absorb(&mut fx);
        self.fx = fx;
        true
    }

    /// Applies a command now; logged with its time.
    pub fn command(&mut self, command: ClusterCommand) -> Result<(), ClusterCommandError> {
        let mut fx = std::mem::take(&mut self.fx);
        let result = self.cluster.command(self.now, &command, &mut fx);
        self.absorb(&mut fx);
        self.fx = fx;
        if result.is_ok() {
            self.commands.push((self.now, command));
        }
        result
    }

    /// Schedules a command for later (a fault script entry). Names are
    /// checked now; whether the API is up is checked when it applies.
    pub fn schedule(&mut self, at: SimTime, command: ClusterCommand) -> Result<(), ClusterCommandError> {
        self.cluster.check_command(&command)?;
        self.commands.push((at.max(self.now), command.clone()));
        self.queue.push(at.max(self.now), Cluster::command_event(command));
        Ok(())
    }

    /// Commands applied now or scheduled, with the time they apply at.
    pub fn command_log(&self) -> &[(SimTime, ClusterCommand)] {
        &self.commands
    }

    pub fn trace_hash(&self) -> u64 {
        self.hasher.finish()
    }

    pub fn events_processed(&self) -> u64 {
        self.events_processed
    }

    /// The most recent trace records, oldest first.
    pub fn recent_trace(&self) -> impl DoubleEndedIterator<Item = &ClusterTraceRecord> + ExactSizeIterator {
        self.trace.iter()
    }

    pub fn trace_records_written(&self) -> u64 {
        self.records_written
    }

    /// Notifications since the last call (the oldest are dropped beyond a
    /// bound if nobody reads them).
    pub fn take_notifications(&mut self) -> Vec<ClusterNotification> {
        self.notifications.drain(..).collect()
    }

    pub fn audit(&self) -> Result<(), String> {
        self.cluster.audit()
    }

    fn absorb(&mut self, fx: &mut Effects) {
        for (at, event) in fx.events.drain(..) {
            self.queue.push(at, event);
        }
        for record in fx.trace.drain(..) {
            record.hash_into(&mut self.hasher);
            self.records_written += 1;
            if self.trace.len() == CLUSTER_TRACE_RING_CAPACITY {
                self.trace.pop_front();
            }
            self.trace.push_back(record);
        }
        for n in fx.notifications.drain(..) {
            if self.notifications.len() == NOTIFICATION_CAPACITY {
                self.notifications.pop_front();
            }
            self.notifications.push_back(n);
        }
    }
}

impl std::ops::Deref for ClusterSim {
    type Target = Cluster;
    /// Read views straight off the runner: `sim.nodes()`, `sim.pods_of("web")`.
    fn deref(&self) -> &Cluster {
        &self.cluster
    }
}
