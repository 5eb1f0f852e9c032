//! The cluster's trace: one past-tense record per state change, cheap to copy
//! and hashed field by field into a [`TraceHasher`], so two runs compare by
//! one number.

use super::ProbeKind;
use crate::sim::{SimTime, TraceHasher};
use serde::{Deserialize, Serialize};

/// "No index" in a record's `node`, `owner` or `revision` field.
pub const NONE: u32 = u32::MAX;

/// Why a container stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExitReason {
    /// The process exited by itself (a crash-looping container).
    Crashed,
    /// The kubelet killed it after `failure_threshold` liveness failures.
    LivenessProbeFailed,
}

/// Why a pod was deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeletionReason {
    /// Its ReplicaSet had too many pods (scale down, rolling update).
    ScaledDown,
    /// The taint manager evicted it from a node with a NoExecute taint it
    /// did not tolerate (any longer).
    Evicted,
    /// `kubectl drain` evicted it.
    Drained,
    /// A fault: the pod was force-deleted.
    Killed,
}

/// A control-plane component with leader election.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ControlPlaneComponent {
    Scheduler,
    ControllerManager,
}

impl ControlPlaneComponent {
    pub fn as_str(self) -> &'static str {
        match self {
            ControlPlaneComponent::Scheduler => "kube-scheduler",
            ControlPlaneComponent::ControllerManager => "kube-controller-manager",
        }
    }
}

/// What a cluster trace record says happened. Field meanings per kind are in
/// each variant's comment; unused fields hold 0 or [`NONE`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClusterTraceKind {
    // ----- nodes (`node` set) -----
    /// A fault stopped the machine: kubelet and containers are gone.
    NodeKilled,
    NodeRevived,
    /// The node lifecycle controller saw no status for the grace period
    /// (`detail`: ms since the last status).
    NodeNotReady,
    /// A NotReady node reported again.
    NodeReady,
    /// A taint was added (`detail`: 0 NoSchedule, 1 NoExecute).
    TaintAdded,
    TaintRemoved,
    NodeCordoned,
    NodeUncordoned,
    /// `kubectl drain` started (`detail`: pods evicted).
    NodeDrained,
    // ----- pods (`pod`, `owner` = deployment, `revision` set) -----
    /// The ReplicaSet controller created a pod.
    PodCreated,
    /// The scheduler bound a pod to `node` (`detail`: its score).
    PodBound,
    /// The scheduler found no node (`detail`: nodes considered). Written
    /// when the reason changes, not on every retry.
    PodUnschedulable,
    /// A container started (`detail`: restart count).
    ContainerStarted,
    ContainerExited(ExitReason),
    /// The kubelet waits before restarting (`detail`: back-off in ms).
    BackOff,
    /// A probe timed out (`detail`: consecutive failures).
    ProbeFailed(ProbeKind),
    /// The API records the pod as Ready / not Ready.
    PodReady,
    PodNotReady,
    /// The pod was deleted and is Terminating (`detail`: grace ms).
    PodTerminating(DeletionReason),
    /// The pod object is gone.
    PodDeleted,
    /// The taint manager will evict the pod (`detail`: ms until then).
    EvictionScheduled,
    /// A fault set or cleared (`detail` 1 / 0) a crash loop or probe failure.
    CrashLoopSet,
    ProbeFaultSet(ProbeKind),
    // ----- deployments (`owner` = deployment) -----
    /// Desired replicas changed (`detail`: replicas).
    DeploymentScaled,
    /// A new template started a rolling update (`revision`: new revision).
    RolloutStarted,
    RolloutCompleted,
    /// A ReplicaSet's replica count changed (`revision`, `detail`: replicas).
    ReplicaSetScaled,
    // ----- services (`owner` = service) -----
    /// The endpoints controller changed the endpoint list (`detail`: count).
    EndpointsChanged,
    // ----- control plane (`owner` = member or replica index) -----
    EtcdMemberKilled,
    EtcdMemberRevived,
    EtcdLeaderElected,
    /// Fewer than ⌊n/2⌋+1 members are up: the API is unavailable.
    QuorumLost,
    QuorumRestored,
    ComponentKilled(ControlPlaneComponent),
    ComponentRevived(ControlPlaneComponent),
    LeaderElected(ControlPlaneComponent),
    /// The leader could not renew its lease within the renew deadline.
    LeaderLost(ControlPlaneComponent),
    /// A scheduled command could not be applied (`detail`: 1 = the API was
    /// unavailable).
    CommandRefused,
}

impl ClusterTraceKind {
    /// A stable number per kind for the hash (never reorder these).
    pub fn code(self) -> u64 {
        use ClusterTraceKind::*;
        let component = |c: ControlPlaneComponent| match c {
            ControlPlaneComponent::Scheduler => 0,
            ControlPlaneComponent::ControllerManager => 1,
        };
        let probe = |p: ProbeKind| match p {
            ProbeKind::Liveness => 0,
            ProbeKind::Readiness => 1,
        };
        match self {
            NodeKilled => 1,
            NodeRevived => 2,
            NodeNotReady => 3,
            NodeReady => 4,
            TaintAdded => 5,
            TaintRemoved => 6,
            NodeCordoned => 7,
            NodeUncordoned => 8,
            NodeDrained => 9,
            PodCreated => 20,
            PodBound => 21,
            PodUnschedulable => 22,
            ContainerStarted => 23,
            ContainerExited(ExitReason::Crashed) => 24,
            ContainerExited(ExitReason::LivenessProbeFailed) => 25,
            BackOff => 26,
            ProbeFailed(p) => 27 + probe(p),
            PodReady => 29,
            PodNotReady => 30,
            PodTerminating(r) => {
                31 + match r {
                    DeletionReason::ScaledDown => 0,
                    DeletionReason::Evicted => 1,
                    DeletionReason::Drained => 2,
                    DeletionReason::Killed => 3,
                }
            }
            PodDeleted => 35,
            EvictionScheduled => 36,
            CrashLoopSet => 37,
            ProbeFaultSet(p) => 38 + probe(p),
            DeploymentScaled => 50,
            RolloutStarted => 51,
            RolloutCompleted => 52,
            ReplicaSetScaled => 53,
            EndpointsChanged => 60,
            EtcdMemberKilled => 70,
            EtcdMemberRevived => 71,
            EtcdLeaderElected => 72,
            QuorumLost => 73,
            QuorumRestored => 74,
            ComponentKilled(c) => 75 + component(c),
            ComponentRevived(c) => 77 + component(c),
            LeaderElected(c) => 79 + component(c),
            LeaderLost(c) => 81 + component(c),
            CommandRefused => 90,
        }
    }
}

/// One line of the cluster trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClusterTraceRecord {
    pub at: SimTime,
    pub kind: ClusterTraceKind,
    /// The pod's id (0 when the record is not about a pod).
    pub pod: u64,
    /// Node index, or [`NONE`].
    pub node: u32,
    /// Deployment, service, etcd member or replica index, or [`NONE`].
    pub owner: u32,
    /// ReplicaSet revision of the pod's template, or [`NONE`].
    pub revision: u32,
    pub detail: u64,
}

impl ClusterTraceRecord {
    /// Mixes the record into a running trace hash.
    pub fn hash_into(&self, h: &mut TraceHasher) {
        h.write_u64(self.at.0);
        h.write_u64(self.kind.code());
        h.write_u64(self.pod);
        h.write_u64((u64::from(self.node) << 32) | u64::from(self.owner));
        h.write_u64(u64::from(self.revision));
        h.write_u64(self.detail);
    }
}
