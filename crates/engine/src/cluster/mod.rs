//! The Kubernetes-like cluster: nodes with kubelets, Deployments and their
//! ReplicaSets and pods, kube-scheduler, kube-controller-manager, etcd behind
//! the API, Services with kube-proxy, and Ingress — as a deterministic
//! discrete-event model with the documented defaults (`SEMANTICS.md`).
//!
//! # What it models
//!
//! - **Two views of every pod.** What the API (etcd) records — phase, Ready,
//!   the node's status — and what is really happening on the machine. Killing
//!   a node stops its containers at once, but the API still says Running and
//!   Ready until the node lifecycle controller notices: no status for
//!   `node_monitor_grace_period_ms` (50 s) ⇒ NotReady, the pods are marked not
//!   Ready (their endpoints go), the `node.kubernetes.io/unreachable`
//!   NoExecute taint is added, and pods that tolerate it for 300 s are
//!   evicted then. The ReplicaSet replaces them; the scheduler places the
//!   replacements; kubelets start them; readiness passes: ~6 minutes.
//! - **Kubelet.** Posts node status every 10 s (the heartbeat); starts
//!   containers `container_start_ms` after binding; runs liveness and
//!   readiness probes (period, timeout, thresholds); restarts exited
//!   containers with a back-off of 10 s doubling to 5 min, reset after 10 min
//!   running; terminates deleted pods over their grace period. A kubelet
//!   whose node is dead does nothing, so its deleted pods stay Terminating
//!   until the node returns.
//! - **kube-scheduler.** Per pending pod: filters NodeUnschedulable,
//!   TaintToleration (NoSchedule and NoExecute), NodeAffinity (required zones
//!   and labels), NodeResourcesFit (requests against allocatable minus the
//!   requests of pods bound there, and the pod count); then scores
//!   LeastAllocated or MostAllocated exactly as kube-scheduler's integer
//!   formula; ties go to a seeded random pick. A pod that fits nowhere stays
//!   Pending with a reason per node ([`Cluster::why_placement`]).
//! - **kube-controller-manager.** Deployment (rolling update within maxSurge
//!   / maxUnavailable, live scaling), ReplicaSet (create and delete pods to
//!   the count, deleting the least useful first), endpoints, and node
//!   lifecycle (heartbeat monitor, taints, taint-based eviction).
//! - **Control plane health.** etcd has 1–7 members; without a quorum of
//!   ⌊n/2⌋+1 (and for an election timeout after its leader dies) the API is
//!   unavailable: nothing is scheduled, created, deleted, evicted or
//!   status-updated, while running containers keep running and kube-proxy
//!   keeps the endpoints it had. kube-scheduler and kube-controller-manager
//!   replicas elect a leader (lease 15 s, renew deadline 10 s, retry 2 s).
//! - **Services and kube-proxy.** Endpoints are the API-Ready pods a
//!   selector matches. [`Cluster::route_request`] picks one at random
//!   (iptables mode) or in turn (IPVS rr); it fails when there is none, or
//!   when the chosen pod is not really serving (its node died and the API
//!   has not noticed yet). NodePort and LoadBalancer go through a node; an
//!   Ingress routes host/path to a Service and needs a controller.
//!
//! # Timings, as the model computes them
//!
//! - A node killed at t = 0 is NotReady at exactly 50 s (its last status is
//!   the registration at 0; the monitor ticks every 5 s). Killed mid-run,
//!   its last status was up to 10 s earlier, so NotReady comes 40–55 s after
//!   the kill. Eviction follows 300 s after NotReady; the replacement is
//!   created, bound and started `container_start_ms` (2 s) later, and is
//!   Ready at once (readiness initial delay 0): ≈ 6 minutes in all.
//! - A liveness fault kills the container at the third timed-out probe
//!   (21–31 s after the fault); it restarts after the back-off (10 s, 20 s,
//!   40 s … 300 s; reset after 10 min running). A readiness fault removes
//!   the endpoint at its third timed-out probe; one passing probe restores
//!   it.
//! - A killed leader's standby takes over on the first 2 s retry after the
//!   15 s lease. A leader without the API gives up after the 10 s renew
//!   deadline. etcd without a leader elects one after 1 s.
//! - A newly elected controller-manager gives every node a fresh grace
//!   period and every pod on a NoExecute-tainted node a fresh toleration
//!   (its taint manager starts empty, as in Kubernetes); a leader that kept
//!   its lease through a short API outage just catches up.
//!
//! # What it leaves out
//!
//! No real networking (a request is a pick, not packets; no latency), no
//! PodDisruptionBudgets, no HorizontalPodAutoscaler, no DaemonSets,
//! StatefulSets or Jobs, no priorities or preemption, one container per pod,
//! no init containers, no image pulls beyond a start time. The scheduler has
//! only the four filters and one scoring strategy (no topology spreading, no
//! balanced allocation, no preferred affinity; zero requests are not
//! replaced by the default non-zero figures). The node lifecycle controller
//! has no eviction rate limits or zone disruption modes. A NotReady node
//! is always "unreachable" (the kubelet is gone), never "not-ready". etcd's
//! heartbeats are not simulated, only its election timeout. An application
//! ignores SIGTERM (takes the full grace period) and stops serving as soon as
//! it is deleted. A liveness fault is cured by a restart; a readiness fault
//! lasts until cleared. A LoadBalancer's health checks notice a dead node
//! at once. Pods stuck Terminating on a dead node are not force-deleted.
//! Requests routed through kube-proxy are counted, not traced.
//!
//! # How it is driven
//!
//! [`Cluster`] is the state with handlers that take the current time and
//! push into [`Effects`] (events to schedule, trace records,
//! notifications); it owns no queue, so another simulation can embed it.
//! [`ClusterSim`] is the standalone runner with its own event queue, used by
//! the tests and the benchmark.

mod config;
mod control_plane;
mod controllers;
mod engine;
mod kubelet;
mod scheduler;
mod sim;
mod trace;
mod views;

pub use config::*;
pub use engine::{Cluster, ClusterCommand, ClusterCommandError, ClusterEvent, ClusterNotification, Effects};
pub use scheduler::{Filter, NodeVerdict, PendingReason, PlacementExplanation, Unfit};
pub use sim::{ClusterSim, CLUSTER_TRACE_RING_CAPACITY};
pub use trace::{ClusterTraceKind, ClusterTraceRecord, ControlPlaneComponent, DeletionReason, ExitReason, NONE};
pub use views::{
    BindInfo, ContainerPhase, ControlPlaneView, DeploymentView, ElectionView, NodeStatus, NodeView, PodStatus, PodView,
    RequestCounters, RouteError, Routed, ServiceView, TaintView,
};

use serde::{Deserialize, Serialize};
use std::fmt;

/// A pod's unique id: pods are numbered in creation order and ids are never
/// reused, so an id in an old trace record never names a newer pod.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PodId(pub u64);

impl fmt::Display for PodId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "pod #{}", self.0)
    }
}

/// The kubelet's two probes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProbeKind {
    /// Failing ⇒ the container is restarted.
    Liveness,
    /// Failing ⇒ the pod is not Ready and gets no Service traffic.
    Readiness,
}

/// Well-known label keys every node carries.
pub const ZONE_LABEL: &str = "topology.kubernetes.io/zone";
pub const HOSTNAME_LABEL: &str = "kubernetes.io/hostname";
/// The taint the node lifecycle controller puts on a node that stopped
/// reporting.
pub const UNREACHABLE_TAINT: &str = "node.kubernetes.io/unreachable";
/// The taint for a node whose kubelet reports it not ready (tolerated by
/// default like the unreachable one).
pub const NOT_READY_TAINT: &str = "node.kubernetes.io/not-ready";
