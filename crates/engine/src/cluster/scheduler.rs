//! kube-scheduler: per pending pod, filter the nodes, score the ones left,
//! bind to the best (a seeded random pick among equals). Also the "why here /
//! why pending" explanation, computed with the same filters and scores.
//!
//! Speed: the node-only filters (cordon, taints, affinity) depend on the
//! ReplicaSet's template and the nodes' taints, not on the pod, so each
//! ReplicaSet caches a verdict per node until a node's taints or cordon
//! change. The per-pod loop then checks resources and scores over a dense
//! array of node loads, without allocating. A ReplicaSet that found no node
//! in a cycle is not tried again in that cycle: nodes only fill up within it.

use super::config::{NodeAffinity, ScoringStrategy, TaintEffect, Toleration};
use super::engine::{Cluster, Node, NodeLoad, Taint};
use super::trace::ClusterTraceKind;
use super::views::BindInfo;
use super::PodId;
use std::fmt;

/// The scheduler's filter plugins, in the order kube-scheduler runs them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Filter {
    NodeUnschedulable,
    TaintToleration,
    NodeAffinity,
    NodeResourcesFit,
}

impl Filter {
    pub const ALL: [Filter; 4] =
        [Filter::NodeUnschedulable, Filter::TaintToleration, Filter::NodeAffinity, Filter::NodeResourcesFit];

    pub fn as_str(self) -> &'static str {
        match self {
            Filter::NodeUnschedulable => "NodeUnschedulable",
            Filter::TaintToleration => "TaintToleration",
            Filter::NodeAffinity => "NodeAffinity",
            Filter::NodeResourcesFit => "NodeResourcesFit",
        }
    }
}

/// Why a node does not fit a pod.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unfit {
    /// The node is cordoned.
    Unschedulable,
    UntoleratedTaint {
        key: String,
        value: String,
        effect: TaintEffect,
    },
    /// Not in the required zones or lacking a required label.
    AffinityMismatch,
    InsufficientCpu {
        requested_millicores: u64,
        free_millicores: u64,
    },
    InsufficientMemory {
        requested_mib: u64,
        free_mib: u64,
    },
    TooManyPods {
        max_pods: u32,
    },
}

impl fmt::Display for Unfit {
    /// kube-scheduler's wording, with the figures.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unfit::Unschedulable => f.write_str("node is unschedulable (cordoned)"),
            Unfit::UntoleratedTaint { key, value, effect } => {
                write!(f, "node had untolerated taint {{{key}: {value}}} ({})", effect.as_str())
            }
            Unfit::AffinityMismatch => f.write_str("node didn't match Pod's node affinity/selector"),
            Unfit::InsufficientCpu { requested_millicores, free_millicores } => {
                write!(f, "Insufficient cpu (requests {requested_millicores}m, {free_millicores}m free)")
            }
            Unfit::InsufficientMemory { requested_mib, free_mib } => {
                write!(f, "Insufficient memory (requests {requested_mib} MiB, {free_mib} MiB free)")
            }
            Unfit::TooManyPods { max_pods } => write!(f, "Too many pods (max {max_pods})"),
        }
    }
}

/// Why a pod is Pending: how many nodes failed each filter (the first
/// failing one per node, as kube-scheduler counts; a node short of both CPU
/// and memory counts in both).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PendingReason {
    pub nodes: u32,
    pub unschedulable: u32,
    pub untolerated_taint: u32,
    pub affinity_mismatch: u32,
    pub too_many_pods: u32,
    pub insufficient_cpu: u32,
    pub insufficient_memory: u32,
}

impl fmt::Display for PendingReason {
    /// `0/3 nodes are available: 1 Insufficient cpu, 2 node(s) had untolerated taint.`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "0/{} nodes are available", self.nodes)?;
        let parts = [
            (self.insufficient_cpu, "Insufficient cpu"),
            (self.insufficient_memory, "Insufficient memory"),
            (self.too_many_pods, "Too many pods"),
            (self.untolerated_taint, "node(s) had untolerated taint"),
            (self.affinity_mismatch, "node(s) didn't match Pod's node affinity/selector"),
            (self.unschedulable, "node(s) were unschedulable"),
        ];
        let mut first = true;
        for (n, text) in parts {
            if n > 0 {
                f.write_str(if first { ": " } else { ", " })?;
                write!(f, "{n} {text}")?;
                first = false;
            }
        }
        f.write_str(".")
    }
}

/// One node's verdict for one pod.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeVerdict {
    pub node: String,
    /// Every failing filter with its reason (all filters are evaluated, so
    /// the view can show each one); empty when the node fits.
    pub failures: Vec<(Filter, Unfit)>,
    /// The score if the node fits (0–100).
    pub score: Option<u32>,
    /// Among the nodes with the top score (the seeded pick was among these).
    pub top_score: bool,
    /// The pod is bound here.
    pub current: bool,
}

impl NodeVerdict {
    /// The verdict of one filter: `Ok` or the first reason it failed.
    pub fn verdict(&self, filter: Filter) -> Result<(), &Unfit> {
        match self.failures.iter().find(|(f, _)| *f == filter) {
            Some((_, reason)) => Err(reason),
            None => Ok(()),
        }
    }
}

/// "Why here / why pending" for one pod: every node's verdict per filter and
/// its score, computed from the cluster as it is now (for a bound pod, as if
/// it were not there, so its own node shows whether it would fit again).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlacementExplanation {
    pub pod: PodId,
    pub pod_name: String,
    pub strategy: ScoringStrategy,
    pub nodes: Vec<NodeVerdict>,
    /// For a pending pod, the scheduler's last summary.
    pub pending: Option<PendingReason>,
    pub bound_to: Option<String>,
    /// What the scheduler saw when it bound the pod.
    pub bind: Option<BindInfo>,
}

/// kube-scheduler's integer score for one node: the mean of the CPU and
/// memory scores, each `(free after) × 100 / allocatable` (LeastAllocated)
/// or `(requested after) × 100 / allocatable` (MostAllocated).
#[inline]
pub(super) fn score(strategy: ScoringStrategy, load: &NodeLoad, cpu: u64, memory: u64) -> u32 {
    let one = |requested: u64, capacity: u64| -> u64 {
        if capacity == 0 {
            return 0;
        }
        let requested = requested.min(capacity);
        match strategy {
            ScoringStrategy::LeastAllocated => (capacity - requested) * 100 / capacity,
            ScoringStrategy::MostAllocated => requested * 100 / capacity,
        }
    };
    let cpu_score = one(load.cpu_requested + cpu, load.cpu_allocatable);
    let memory_score = one(load.memory_requested + memory, load.memory_allocatable);
    ((cpu_score + memory_score) / 2) as u32
}

/// The first NoSchedule or NoExecute taint none of the tolerations matches.
pub(super) fn untolerated_taint<'a>(node: &'a Node, tolerations: &[Toleration]) -> Option<&'a Taint> {
    node.taints.iter().find(|t| !tolerations.iter().any(|tol| tol.tolerates(&t.key, &t.value, t.effect)))
}

pub(super) fn affinity_matches(node: &Node, affinity: &NodeAffinity) -> bool {
    (affinity.zones.is_empty() || affinity.zones.contains(&node.zone))
        && affinity.match_labels.iter().all(|(k, v)| node.labels.get(k) == Some(v))
}

/// Where a pod goes, and what the scheduler saw.
struct Choice {
    node: u32,
    score: u32,
    feasible: u32,
    tied: u32,
}

impl Cluster {
    pub(super) fn on_scheduler_cycle(&mut self) {
        self.scheduler_cycle_pending = false;
        if !self.scheduler_active() {
            return;
        }
        let mut queue = std::mem::take(&mut self.scheduler_queue);
        queue.clear();
        queue.extend(self.pending.iter().copied());
        let mut failed: Vec<((u32, u32), PendingReason)> = Vec::new();
        for &id in &queue {
            let Some(pod) = self.pods.get(&id) else { continue };
            if pod.node.is_some() || pod.deletion.is_some() {
                continue;
            }
            let key = (pod.deployment, pod.rs);
            if let Some((_, reason)) = failed.iter().find(|(k, _)| *k == key) {
                let reason = *reason;
                self.set_pending_reason(id, reason);
                continue;
            }
            match self.place(key) {
                Ok(choice) => self.bind(id, choice),
                Err(reason) => {
                    failed.push((key, reason));
                    self.set_pending_reason(id, reason);
                }
            }
        }
        self.scheduler_queue = queue;
    }

    /// Recomputes a ReplicaSet's node-only verdicts if nodes changed since.
    fn refresh_static_verdicts(&mut self, d: u32, r: u32) {
        let Cluster { nodes, deployments, node_generation, .. } = self;
        let rs = &mut deployments[d as usize].replica_sets[r as usize];
        if rs.static_generation == *node_generation && rs.static_verdicts.len() == nodes.len() {
            return;
        }
        rs.static_verdicts.clear();
        rs.static_verdicts.extend(nodes.iter().map(|node| {
            if node.unschedulable {
                1
            } else if untolerated_taint(node, &rs.tolerations).is_some() {
                2
            } else if !affinity_matches(node, &rs.template.node_affinity) {
                3
            } else {
                0
            }
        }));
        rs.static_generation = *node_generation;
    }

    /// Filter and score every node for a pod of ReplicaSet `(d, r)`.
    fn place(&mut self, (d, r): (u32, u32)) -> Result<Choice, PendingReason> {
        self.refresh_static_verdicts(d, r);
        let Cluster { deployments, loads, rng_scheduler, cp, .. } = self;
        let rs = &deployments[d as usize].replica_sets[r as usize];
        let (cpu, memory) = (rs.template.cpu_request_millicores, rs.template.memory_request_mib);
        let strategy = cp.scoring;
        let mut reason = PendingReason { nodes: loads.len() as u32, ..PendingReason::default() };
        let mut best: Option<(u32, u32)> = None;
        let (mut feasible, mut tied) = (0u32, 0u32);
        for (i, (load, verdict)) in loads.iter().zip(rs.static_verdicts.iter()).enumerate() {
            match verdict {
                0 => {}
                1 => {
                    reason.unschedulable += 1;
                    continue;
                }
                2 => {
                    reason.untolerated_taint += 1;
                    continue;
                }
                _ => {
                    reason.affinity_mismatch += 1;
                    continue;
                }
            }
            if load.pods >= load.max_pods {
                reason.too_many_pods += 1;
                continue;
            }
            let cpu_fits = load.cpu_requested + cpu <= load.cpu_allocatable;
            let memory_fits = load.memory_requested + memory <= load.memory_allocatable;
            if !(cpu_fits && memory_fits) {
                reason.insufficient_cpu += u32::from(!cpu_fits);
                reason.insufficient_memory += u32::from(!memory_fits);
                continue;
            }
            feasible += 1;
            let s = score(strategy, load, cpu, memory);
            match best {
                Some((_, top)) if s < top => {}
                Some((_, top)) if s == top => {
                    // Reservoir sampling: each of the tied nodes is equally
                    // likely, with one draw per tie.
                    tied += 1;
                    if rng_scheduler.below(u64::from(tied)) == 0 {
                        best = Some((i as u32, s));
                    }
                }
                _ => {
                    best = Some((i as u32, s));
                    tied = 1;
                }
            }
        }
        match best {
            Some((node, score)) => Ok(Choice { node, score, feasible, tied }),
            None => Err(reason),
        }
    }

    fn set_pending_reason(&mut self, id: PodId, reason: PendingReason) {
        let pod = self.pods.get_mut(&id).expect("queued pods are live");
        if pod.pending_reason == Some(reason) {
            return;
        }
        pod.pending_reason = Some(reason);
        self.record_pod(ClusterTraceKind::PodUnschedulable, id, u64::from(reason.nodes));
    }

    fn bind(&mut self, id: PodId, choice: Choice) {
        let n = choice.node as usize;
        let node = &mut self.nodes[n];
        // The lowest free address of the node's /24.
        let host = (0..256usize).find(|h| node.ips_used[h / 64] & (1u64 << (h % 64)) == 0).unwrap_or(254) as u8;
        node.ips_used[host as usize / 64] |= 1u64 << (host % 64);
        node.pods.insert(id);
        let down = node.down;
        let now = self.now;
        let pod = self.pods.get_mut(&id).expect("queued pods are live");
        pod.node = Some(choice.node);
        pod.ip_host = host;
        pod.pending_reason = None;
        pod.bind =
            Some(BindInfo { at: now, score: choice.score, feasible_nodes: choice.feasible, tied_nodes: choice.tied });
        let rs = &self.deployments[pod.deployment as usize].replica_sets[pod.rs as usize];
        let load = &mut self.loads[n];
        load.cpu_requested += rs.template.cpu_request_millicores;
        load.memory_requested += rs.template.memory_request_mib;
        load.pods += 1;
        self.pending.remove(&id);
        self.placements += 1;
        self.record_pod(ClusterTraceKind::PodBound, id, u64::from(choice.score));
        if !down {
            self.start_creating(id);
        }
    }

    /// See [`PlacementExplanation`].
    pub fn why_placement(&self, id: PodId) -> Option<PlacementExplanation> {
        let pod = self.pods.get(&id)?;
        let rs = self.rs_of(pod);
        let (cpu, memory) = (rs.template.cpu_request_millicores, rs.template.memory_request_mib);
        let strategy = self.cp.scoring;
        let mut nodes: Vec<NodeVerdict> = self
            .nodes
            .iter()
            .zip(&self.loads)
            .enumerate()
            .map(|(i, (node, load))| {
                let current = pod.node == Some(i as u32);
                let mut load = *load;
                if current {
                    load.cpu_requested -= cpu;
                    load.memory_requested -= memory;
                    load.pods -= 1;
                }
                let mut failures = Vec::new();
                if node.unschedulable {
                    failures.push((Filter::NodeUnschedulable, Unfit::Unschedulable));
                }
                if let Some(t) = untolerated_taint(node, &rs.tolerations) {
                    let unfit =
                        Unfit::UntoleratedTaint { key: t.key.clone(), value: t.value.clone(), effect: t.effect };
                    failures.push((Filter::TaintToleration, unfit));
                }
                if !affinity_matches(node, &rs.template.node_affinity) {
                    failures.push((Filter::NodeAffinity, Unfit::AffinityMismatch));
                }
                if load.pods >= load.max_pods {
                    failures.push((Filter::NodeResourcesFit, Unfit::TooManyPods { max_pods: load.max_pods }));
                }
                let free_cpu = load.cpu_allocatable.saturating_sub(load.cpu_requested);
                if cpu > free_cpu {
                    let unfit = Unfit::InsufficientCpu { requested_millicores: cpu, free_millicores: free_cpu };
                    failures.push((Filter::NodeResourcesFit, unfit));
                }
                let free_memory = load.memory_allocatable.saturating_sub(load.memory_requested);
                if memory > free_memory {
                    let unfit = Unfit::InsufficientMemory { requested_mib: memory, free_mib: free_memory };
                    failures.push((Filter::NodeResourcesFit, unfit));
                }
                let score = failures.is_empty().then(|| score(strategy, &load, cpu, memory));
                NodeVerdict { node: node.name.clone(), failures, score, top_score: false, current }
            })
            .collect();
        let top = nodes.iter().filter_map(|v| v.score).max();
        for v in &mut nodes {
            v.top_score = top.is_some() && v.score == top;
        }
        Some(PlacementExplanation {
            pod: id,
            pod_name: pod.name.clone(),
            strategy,
            nodes,
            pending: pod.pending_reason,
            bound_to: pod.node.map(|n| self.nodes[n as usize].name.clone()),
            bind: pod.bind,
        })
    }

    /// How many pods the scheduler has bound since the start.
    pub fn placements(&self) -> u64 {
        self.placements
    }
}
