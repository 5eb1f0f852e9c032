//! The cluster's state, its events and commands, and the dispatch that ties
//! the kubelet, control-plane, controller and scheduler handlers together.

use super::config::*;
use super::scheduler::PendingReason;
use super::trace::{ClusterTraceKind, ClusterTraceRecord, ControlPlaneComponent, DeletionReason, NONE};
use super::views::{BindInfo, ContainerPhase, RequestCounters};
use super::{PodId, ProbeKind, HOSTNAME_LABEL, NOT_READY_TAINT, UNREACHABLE_TAINT, ZONE_LABEL};
use crate::sim::{Rng, SimTime};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Most ReplicaSets a deployment keeps (current plus history), like
/// `revisionHistoryLimit` 10 plus the current one.
pub(super) const MAX_REPLICA_SETS: usize = 11;

// ----- public surface: events, effects, commands --------------------------

/// An event the cluster asked to be handed back at a given time (through
/// [`Effects::events`]). Opaque: store it, then pass it to
/// [`Cluster::handle`] when its time comes.
#[derive(Clone, Debug, PartialEq)]
pub struct ClusterEvent(pub(super) EventKind);

#[derive(Clone, Debug, PartialEq)]
pub(super) enum EventKind {
    /// A kubelet posts node status (its heartbeat).
    KubeletStatus { node: u32, epoch: u32 },
    /// The node lifecycle controller checks heartbeats.
    NodeMonitor,
    /// Deployment, ReplicaSet and endpoints controllers reconcile (coalesced).
    ControllerSync,
    /// The scheduler works through its queue (coalesced).
    SchedulerCycle,
    /// A container finished starting.
    ContainerStarted { pod: PodId, epoch: u32 },
    /// A crash-looping container exits.
    ContainerCrashed { pod: PodId, epoch: u32 },
    /// The back-off after an exit is over: start the container again.
    RestartContainer { pod: PodId, epoch: u32 },
    /// A probe runs (`timed_out` false) or its timeout passes (true).
    Probe { pod: PodId, kind: ProbeKind, epoch: u32, timed_out: bool },
    /// A Terminating pod's grace period is over.
    TerminationDone { pod: PodId, epoch: u32 },
    /// A pod's toleration of a NoExecute taint runs out.
    TaintEviction { pod: PodId, epoch: u32 },
    /// etcd elects a leader after its election timeout.
    EtcdElection { epoch: u32 },
    /// A leader-election candidate tries to take an expired lease.
    LeaseCheck { component: ControlPlaneComponent, epoch: u32 },
    /// A leader that cannot reach the API gives up at its renew deadline.
    RenewDeadline { component: ControlPlaneComponent, epoch: u32 },
    /// A fault script entry.
    Command(ClusterCommand),
}

/// Something the cluster wants its host to know without polling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClusterNotification {
    /// The number of a deployment's pods that are really running and ready
    /// changed (see [`Cluster::ready_pods_of`]). `deployment` is the index
    /// in the spec's deployment list.
    ReadyPodsChanged { deployment: u32, ready: u32 },
}

/// What a handler produced: events to schedule, trace records to hash and
/// show, notifications. The host drains it after every call.
#[derive(Clone, Debug, Default)]
pub struct Effects {
    pub events: Vec<(SimTime, ClusterEvent)>,
    pub trace: Vec<ClusterTraceRecord>,
    pub notifications: Vec<ClusterNotification>,
}

impl Effects {
    pub fn is_empty(&self) -> bool {
        self.events.is_empty() && self.trace.is_empty() && self.notifications.is_empty()
    }

    pub fn clear(&mut self) {
        self.events.clear();
        self.trace.clear();
        self.notifications.clear();
    }

    fn append(&mut self, other: &mut Effects) {
        self.events.append(&mut other.events);
        self.trace.append(&mut other.trace);
        self.notifications.append(&mut other.notifications);
    }
}

/// A live intervention or fault-script entry. Names are node, zone,
/// deployment and pod names; etcd members and control-plane replicas are
/// numbered from 0.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClusterCommand {
    /// The machine dies: kubelet and containers stop; the API does not know.
    KillNode(String),
    ReviveNode(String),
    /// Every node whose zone is this one (an availability-zone outage).
    KillZone(String),
    ReviveZone(String),
    /// Force-deletes a pod (grace period 0); its ReplicaSet replaces it.
    KillPod(String),
    /// Force-deletes the oldest pod of a deployment (for fault scripts,
    /// which cannot know pod names in advance).
    KillOnePod(String),
    /// Makes a pod's container exit shortly after every start, or heals it.
    SetCrashLoop {
        pod: String,
        crash_loop: bool,
    },
    /// Makes a pod's probe time out from now on, or heals it.
    SetProbeFailing {
        pod: String,
        probe: ProbeKind,
        failing: bool,
    },
    KillEtcdMember(u32),
    ReviveEtcdMember(u32),
    /// Kills one replica; `None` kills the current leader.
    KillComponent {
        component: ControlPlaneComponent,
        replica: Option<u32>,
    },
    /// Revives one replica; `None` revives every replica.
    ReviveComponent {
        component: ControlPlaneComponent,
        replica: Option<u32>,
    },
    Cordon(String),
    Uncordon(String),
    /// Cordon, then evict every pod (each gets its grace period).
    Drain(String),
    Scale {
        deployment: String,
        replicas: u32,
    },
    /// A new pod template: a rolling update (or a rollback to an old one).
    UpdateTemplate {
        deployment: String,
        template: Box<PodTemplate>,
    },
}

impl ClusterCommand {
    /// Whether the command is an API call (kubectl) that needs etcd quorum,
    /// rather than a fault in the infrastructure.
    pub fn needs_api(&self) -> bool {
        matches!(
            self,
            ClusterCommand::KillPod(_)
                | ClusterCommand::KillOnePod(_)
                | ClusterCommand::Cordon(_)
                | ClusterCommand::Uncordon(_)
                | ClusterCommand::Drain(_)
                | ClusterCommand::Scale { .. }
                | ClusterCommand::UpdateTemplate { .. }
        )
    }
}

/// Why a command could not be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClusterCommandError {
    UnknownNode(String),
    UnknownZone(String),
    UnknownDeployment(String),
    UnknownPod(String),
    /// The deployment has no pod to kill.
    NoPod(String),
    /// No etcd member or control-plane replica with that number.
    UnknownMember(u32),
    /// etcd has no quorum (or no leader yet): kubectl calls fail.
    ApiUnavailable,
    /// The new settings are not valid.
    Invalid(String),
}

impl fmt::Display for ClusterCommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClusterCommandError::UnknownNode(n) => write!(f, "there is no node '{}'", short(n)),
            ClusterCommandError::UnknownZone(z) => write!(f, "no node is in zone '{}'", short(z)),
            ClusterCommandError::UnknownDeployment(d) => write!(f, "there is no deployment '{}'", short(d)),
            ClusterCommandError::UnknownPod(p) => write!(f, "there is no pod '{}'", short(p)),
            ClusterCommandError::NoPod(d) => write!(f, "deployment '{}' has no pod to kill", short(d)),
            ClusterCommandError::UnknownMember(i) => write!(f, "there is no member or replica number {i}"),
            ClusterCommandError::ApiUnavailable => {
                f.write_str("the API server is unavailable (etcd has no quorum): kubectl calls fail")
            }
            ClusterCommandError::Invalid(reason) => f.write_str(reason),
        }
    }
}

impl std::error::Error for ClusterCommandError {}

// ----- internal state ------------------------------------------------------

/// A taint on a node, with when it was added (NoExecute tolerations count
/// from then).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Taint {
    pub key: String,
    pub value: String,
    pub effect: TaintEffect,
    pub added_at: SimTime,
}

/// The scheduler's hot per-node figures, kept apart from the rest so the
/// filter loop walks a small dense array.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct NodeLoad {
    pub cpu_allocatable: u64,
    pub memory_allocatable: u64,
    pub cpu_requested: u64,
    pub memory_requested: u64,
    pub pods: u32,
    pub max_pods: u32,
}

pub(super) struct Node {
    pub name: String,
    pub zone: String,
    /// All labels, including the zone and hostname labels.
    pub labels: BTreeMap<String, String>,
    /// The machine is dead (a fault): no kubelet, no containers.
    pub down: bool,
    /// Bumped on every kill and revive, so a dead kubelet's timers lapse.
    pub kubelet_epoch: u32,
    /// The API's Ready condition.
    pub ready: bool,
    pub not_ready_since: Option<SimTime>,
    /// The last node status the API stored.
    pub last_heartbeat: SimTime,
    pub unschedulable: bool,
    pub taints: Vec<Taint>,
    /// Pods bound here, Terminating ones included.
    pub pods: BTreeSet<PodId>,
    /// Which host octets (0–255) of the node's /24 are in use.
    pub ips_used: [u64; 4],
    /// Some pod here has a status the API has not stored yet.
    pub status_dirty: bool,
}

/// What the container of a pod is really doing on its node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Container {
    /// Not started: unbound, or bound to a node whose kubelet is dead.
    Waiting,
    Creating {
        until: SimTime,
    },
    Running {
        since: SimTime,
    },
    /// Exited; the kubelet restarts it at `until`.
    BackOff {
        until: SimTime,
    },
    /// Stopped for good (node died, or the pod finished terminating).
    Exited,
}

impl Container {
    pub fn phase(self) -> ContainerPhase {
        match self {
            Container::Waiting => ContainerPhase::Waiting,
            Container::Creating { .. } => ContainerPhase::Creating,
            Container::Running { .. } => ContainerPhase::Running,
            Container::BackOff { .. } => ContainerPhase::BackOff,
            Container::Exited => ContainerPhase::Exited,
        }
    }
}

/// One probe's bookkeeping on the kubelet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct ProbeState {
    /// A fault: the probe times out.
    pub failing: bool,
    pub failures: u32,
    pub successes: u32,
    /// A probe event is scheduled for the current container.
    pub looping: bool,
}

/// The pod status the kubelet reports and the API stores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct ReportedStatus {
    pub phase: ContainerPhase,
    pub ready: bool,
    pub restarts: u32,
}

impl Default for ReportedStatus {
    fn default() -> Self {
        ReportedStatus { phase: ContainerPhase::Waiting, ready: false, restarts: 0 }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Deletion {
    pub at: SimTime,
    pub reason: DeletionReason,
    /// When the kubelet will finish terminating the container (a live node
    /// with a running container), else `None`.
    pub grace_ends_at: Option<SimTime>,
}

pub(super) struct Pod {
    pub id: PodId,
    pub name: String,
    pub deployment: u32,
    /// Index of its ReplicaSet in the deployment's list.
    pub rs: u32,
    pub revision: u32,
    pub created_at: SimTime,
    pub node: Option<u32>,
    pub ip_host: u8,
    pub bind: Option<BindInfo>,
    pub pending_reason: Option<PendingReason>,
    // What the API stores.
    pub api: ReportedStatus,
    pub deletion: Option<Deletion>,
    // What the kubelet knows.
    pub container: Container,
    /// Bumped whenever the container stops or restarts: its timers lapse.
    pub epoch: u32,
    pub local_ready: bool,
    pub restarts: u32,
    pub ever_started: bool,
    pub started_at: SimTime,
    pub backoff_next_ms: u64,
    pub liveness: ProbeState,
    pub readiness: ProbeState,
    pub crash_loop: bool,
    /// When the taint manager will evict it, if it will.
    pub eviction_at: Option<SimTime>,
    pub eviction_epoch: u32,
    /// Really running and ready (what a consumer's instance count uses).
    pub serving: bool,
}

pub(super) struct ReplicaSet {
    pub revision: u32,
    /// The pod-template-hash in pod names.
    pub hash: String,
    pub template: PodTemplate,
    pub labels: BTreeMap<String, String>,
    /// The template's tolerations plus the default not-ready / unreachable
    /// ones, as admission would add them.
    pub tolerations: Vec<Toleration>,
    /// Services whose selector matches these pods' labels.
    pub services: Vec<u32>,
    /// spec.replicas.
    pub replicas: u32,
    /// Pods not being deleted.
    pub active: BTreeSet<PodId>,
    /// Active pods the API records as Ready.
    pub ready: u32,
    /// All pods of this ReplicaSet, Terminating ones included.
    pub pods_total: u32,
    /// Per node: 0 passes the node-only filters, else the first failing one
    /// (1 unschedulable, 2 taint, 3 affinity). Valid for `static_generation`.
    pub static_verdicts: Vec<u8>,
    pub static_generation: u64,
}

pub(super) struct Deployment {
    pub name: String,
    pub replicas: u32,
    pub max_surge_percent: u32,
    pub max_unavailable_percent: u32,
    /// Index of the current template's ReplicaSet.
    pub current_rs: u32,
    pub next_revision: u32,
    pub replica_sets: Vec<ReplicaSet>,
    pub rolling: bool,
    /// Pods really running and ready.
    pub serving: u32,
    /// Draws the random suffix of pod names.
    pub name_rng: Rng,
}

impl Deployment {
    pub fn limits(&self) -> (u32, u32) {
        DeploymentConfig {
            replicas: self.replicas,
            max_surge_percent: self.max_surge_percent,
            max_unavailable_percent: self.max_unavailable_percent,
            template: PodTemplate::default(),
        }
        .rolling_limits(self.replicas)
    }
}

pub(super) struct Service {
    pub name: String,
    pub config: ServiceConfig,
    pub cluster_ip: [u8; 4],
    pub node_port: Option<u16>,
    /// The endpoint list kube-proxy programs: API-Ready pods, by id.
    pub endpoints: Vec<PodId>,
    pub dirty: bool,
    pub next_endpoint: usize,
    /// NodePort calls from outside go to each node's address in turn.
    pub next_node: usize,
    pub counters: RequestCounters,
    /// kube-proxy's random picks for this Service.
    pub rng: Rng,
}

pub(super) struct Ingress {
    pub name: String,
    pub config: IngressConfig,
    pub counters: RequestCounters,
}

pub(super) struct Etcd {
    pub up: Vec<bool>,
    pub leader: Option<u32>,
    pub election_epoch: u32,
    /// Quorum was lost (so the next election restores it).
    pub quorum_lost: bool,
    pub leader_since: SimTime,
}

impl Etcd {
    pub fn quorum(&self) -> u32 {
        self.up.len() as u32 / 2 + 1
    }
    pub fn members_up(&self) -> u32 {
        self.up.iter().filter(|u| **u).count() as u32
    }
}

pub(super) struct Election {
    pub up: Vec<bool>,
    pub leader: Option<u32>,
    pub leader_since: SimTime,
    /// Until then no other replica may take the lease.
    pub lease_expires_at: SimTime,
    pub epoch: u32,
}

/// The cluster: all state plus handlers. See the module page.
pub struct Cluster {
    pub(super) now: SimTime,
    pub(super) cp: ControlPlaneConfig,
    pub(super) kubelet: KubeletConfig,
    pub(super) nodes: Vec<Node>,
    pub(super) loads: Vec<NodeLoad>,
    pub(super) deployments: Vec<Deployment>,
    pub(super) services: Vec<Service>,
    pub(super) ingresses: Vec<Ingress>,
    pub(super) pods: BTreeMap<PodId, Pod>,
    pub(super) pod_names: BTreeMap<String, PodId>,
    pub(super) next_pod_id: u64,
    /// Unbound pods not being deleted: the scheduler's queue, oldest first.
    pub(super) pending: BTreeSet<PodId>,
    pub(super) etcd: Etcd,
    pub(super) scheduler: Election,
    pub(super) controller_manager: Election,
    pub(super) controller_sync_pending: bool,
    pub(super) scheduler_cycle_pending: bool,
    /// Bumped when a node's taints or cordon change (scheduler caches).
    pub(super) node_generation: u64,
    /// Heartbeats older than this count from here (a controller that just
    /// gained the API gives every node a full grace period).
    pub(super) observation_floor: SimTime,
    pub(super) rng_scheduler: Rng,
    pub(super) rng_election: Rng,
    pub(super) fx: Effects,
    pub(super) scheduler_queue: Vec<PodId>,
    pub(super) placements: u64,
}

impl Cluster {
    /// Builds a cluster at time `now` (usually zero). `rng` is the seed
    /// stream; the cluster forks its own streams from it. The first events
    /// (kubelet heartbeats, the node monitor, the first controller sync) go
    /// into `out`.
    pub fn new(spec: &ClusterSpec, rng: &Rng, now: SimTime, out: &mut Effects) -> Result<Cluster, ClusterSpecError> {
        spec.validate()?;
        let nodes: Vec<Node> = spec
            .nodes
            .iter()
            .map(|n| {
                let c = &n.config;
                let mut labels = c.labels.clone();
                labels.insert(ZONE_LABEL.into(), c.zone.clone());
                labels.insert(HOSTNAME_LABEL.into(), n.name.clone());
                Node {
                    name: n.name.clone(),
                    zone: c.zone.clone(),
                    labels,
                    down: false,
                    kubelet_epoch: 0,
                    ready: true,
                    not_ready_since: None,
                    last_heartbeat: now,
                    unschedulable: c.unschedulable,
                    taints: c
                        .taints
                        .iter()
                        .map(|t| Taint { key: t.key.clone(), value: t.value.clone(), effect: t.effect, added_at: now })
                        .collect(),
                    pods: BTreeSet::new(),
                    // .0 is the network and .1 the gateway, as on a bridge.
                    ips_used: [0b11, 0, 0, 1 << 63],
                    status_dirty: false,
                }
            })
            .collect();
        let loads = spec
            .nodes
            .iter()
            .map(|n| NodeLoad {
                cpu_allocatable: n.config.cpu_millicores,
                memory_allocatable: n.config.memory_mib,
                cpu_requested: 0,
                memory_requested: 0,
                pods: 0,
                max_pods: n.config.max_pods,
            })
            .collect();
        let root = rng.fork("cluster");
        let mut next_port = NODE_PORT_MIN;
        let taken: BTreeSet<u16> = spec.services.iter().filter_map(|s| s.config.node_port).collect();
        let services = spec
            .services
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let node_port = match s.config.service_type {
                    ServiceType::ClusterIp => None,
                    _ => Some(s.config.node_port.unwrap_or_else(|| {
                        while taken.contains(&next_port) {
                            next_port += 1;
                        }
                        next_port += 1;
                        next_port - 1
                    })),
                };
                Service {
                    name: s.name.clone(),
                    config: s.config.clone(),
                    // The default service CIDR 10.96.0.0/12; .1 is the API.
                    cluster_ip: [10, 96, ((i + 10) / 256) as u8, ((i + 10) % 256) as u8],
                    node_port,
                    endpoints: Vec::new(),
                    dirty: true,
                    next_endpoint: 0,
                    next_node: 0,
                    counters: RequestCounters::default(),
                    rng: root.fork(&format!("kube-proxy/{}", s.name)),
                }
            })
            .collect();
        let ingresses = spec
            .ingresses
            .iter()
            .map(|i| Ingress { name: i.name.clone(), config: i.config.clone(), counters: RequestCounters::default() })
            .collect();
        let cp = spec.control_plane.clone();
        let mut cluster = Cluster {
            now,
            kubelet: spec.kubelet.clone(),
            nodes,
            loads,
            deployments: Vec::new(),
            services,
            ingresses,
            pods: BTreeMap::new(),
            pod_names: BTreeMap::new(),
            next_pod_id: 1,
            pending: BTreeSet::new(),
            etcd: Etcd {
                up: vec![true; cp.etcd_members as usize],
                leader: None,
                election_epoch: 0,
                quorum_lost: false,
                leader_since: now,
            },
            scheduler: Election::new(cp.scheduler_replicas, now),
            controller_manager: Election::new(cp.controller_manager_replicas, now),
            cp,
            controller_sync_pending: false,
            scheduler_cycle_pending: false,
            node_generation: 1,
            observation_floor: now,
            rng_scheduler: root.fork("kube-scheduler"),
            rng_election: root.fork("leader-election"),
            fx: Effects::default(),
            scheduler_queue: Vec::new(),
            placements: 0,
        };
        for d in &spec.deployments {
            let mut dep = Deployment {
                name: d.name.clone(),
                replicas: d.config.replicas,
                max_surge_percent: d.config.max_surge_percent,
                max_unavailable_percent: d.config.max_unavailable_percent,
                current_rs: 0,
                next_revision: 1,
                replica_sets: Vec::new(),
                rolling: false,
                serving: 0,
                name_rng: root.fork(&format!("pod-names/{}", d.name)),
            };
            let rs = cluster.new_replica_set(&mut dep, &d.config.template);
            dep.replica_sets.push(rs);
            cluster.deployments.push(dep);
        }
        // Kubelets post status on their own 10-second cycles, each from a
        // seeded phase, as real kubelets started at different moments would.
        let period_ms = cluster.kubelet.node_status_update_period_ms;
        for i in 0..cluster.nodes.len() {
            let phase_ms = root.fork(&format!("kubelet/{}", cluster.nodes[i].name)).below(period_ms);
            cluster.push(now + SimTime::from_ms(phase_ms), EventKind::KubeletStatus { node: i as u32, epoch: 0 });
        }
        cluster.push(now + SimTime::from_ms(cluster.cp.node_monitor_period_ms), EventKind::NodeMonitor);
        cluster.start_control_plane();
        cluster.request_controller_sync();
        out.append(&mut cluster.fx);
        Ok(cluster)
    }

    /// The time the cluster last handled something.
    pub fn now(&self) -> SimTime {
        self.now
    }

    /// Handles one event at `now` (never earlier than the last call).
    pub fn handle(&mut self, now: SimTime, event: ClusterEvent, out: &mut Effects) {
        self.now = self.now.max(now);
        match event.0 {
            EventKind::KubeletStatus { node, epoch } => self.on_kubelet_status(node, epoch),
            EventKind::NodeMonitor => self.on_node_monitor(),
            EventKind::ControllerSync => self.on_controller_sync(),
            EventKind::SchedulerCycle => self.on_scheduler_cycle(),
            EventKind::ContainerStarted { pod, epoch } => self.on_container_started(pod, epoch),
            EventKind::ContainerCrashed { pod, epoch } => self.on_container_crashed(pod, epoch),
            EventKind::RestartContainer { pod, epoch } => self.on_restart_container(pod, epoch),
            EventKind::Probe { pod, kind, epoch, timed_out } => self.on_probe(pod, kind, epoch, timed_out),
            EventKind::TerminationDone { pod, epoch } => self.on_termination_done(pod, epoch),
            EventKind::TaintEviction { pod, epoch } => self.on_taint_eviction(pod, epoch),
            EventKind::EtcdElection { epoch } => self.on_etcd_election(epoch),
            EventKind::LeaseCheck { component, epoch } => self.on_lease_check(component, epoch),
            EventKind::RenewDeadline { component, epoch } => self.on_renew_deadline(component, epoch),
            EventKind::Command(command) => {
                if let Err(e) = self.apply_command(&command) {
                    let detail = u64::from(e == ClusterCommandError::ApiUnavailable);
                    self.record(ClusterTraceKind::CommandRefused, 0, NONE, NONE, NONE, detail);
                }
            }
        }
        out.append(&mut self.fx);
    }

    /// Checks that a command names things that exist (without applying it).
    pub fn check_command(&self, command: &ClusterCommand) -> Result<(), ClusterCommandError> {
        match command {
            ClusterCommand::KillNode(n)
            | ClusterCommand::ReviveNode(n)
            | ClusterCommand::Cordon(n)
            | ClusterCommand::Uncordon(n)
            | ClusterCommand::Drain(n) => self.node_index(n).map(|_| ()),
            ClusterCommand::KillZone(z) | ClusterCommand::ReviveZone(z) => {
                if self.nodes.iter().any(|n| &n.zone == z) {
                    Ok(())
                } else {
                    Err(ClusterCommandError::UnknownZone(z.clone()))
                }
            }
            ClusterCommand::KillPod(p)
            | ClusterCommand::SetCrashLoop { pod: p, .. }
            | ClusterCommand::SetProbeFailing { pod: p, .. } => self.pod_by_name(p).map(|_| ()),
            ClusterCommand::KillOnePod(d) => self.deployment_index(d).map(|_| ()),
            ClusterCommand::Scale { deployment, replicas } => {
                self.deployment_index(deployment)?;
                if *replicas > MAX_REPLICAS {
                    return Err(ClusterCommandError::Invalid(format!(
                        "a deployment can have at most {MAX_REPLICAS} replicas"
                    )));
                }
                Ok(())
            }
            ClusterCommand::UpdateTemplate { deployment, template } => {
                self.deployment_index(deployment)?;
                let mut errors = Vec::new();
                validate_template(&format!("deployment '{}'", short(deployment)), template, &mut errors);
                match errors.into_iter().next() {
                    Some(e) => Err(ClusterCommandError::Invalid(e)),
                    None => Ok(()),
                }
            }
            ClusterCommand::KillEtcdMember(i) | ClusterCommand::ReviveEtcdMember(i) => {
                if (*i as usize) < self.etcd.up.len() {
                    Ok(())
                } else {
                    Err(ClusterCommandError::UnknownMember(*i))
                }
            }
            ClusterCommand::KillComponent { component, replica }
            | ClusterCommand::ReviveComponent { component, replica } => match replica {
                Some(r) if *r as usize >= self.election(*component).up.len() => {
                    Err(ClusterCommandError::UnknownMember(*r))
                }
                _ => Ok(()),
            },
        }
    }

    /// Applies a command now. kubectl-like commands fail while the API is
    /// unavailable.
    pub fn command(
        &mut self,
        now: SimTime,
        command: &ClusterCommand,
        out: &mut Effects,
    ) -> Result<(), ClusterCommandError> {
        self.now = self.now.max(now);
        self.check_command(command)?;
        let result = self.apply_command(command);
        out.append(&mut self.fx);
        result
    }

    /// The event that applies `command` when handed back (a fault script
    /// entry); check it first with [`Cluster::check_command`].
    pub fn command_event(command: ClusterCommand) -> ClusterEvent {
        ClusterEvent(EventKind::Command(command))
    }

    fn apply_command(&mut self, command: &ClusterCommand) -> Result<(), ClusterCommandError> {
        self.check_command(command)?;
        if command.needs_api() && !self.api_available() {
            return Err(ClusterCommandError::ApiUnavailable);
        }
        match command {
            ClusterCommand::KillNode(n) => {
                let i = self.node_index(n)?;
                self.kill_node(i);
            }
            ClusterCommand::ReviveNode(n) => {
                let i = self.node_index(n)?;
                self.revive_node(i);
            }
            ClusterCommand::KillZone(z) => {
                for i in 0..self.nodes.len() {
                    if &self.nodes[i].zone == z {
                        self.kill_node(i as u32);
                    }
                }
            }
            ClusterCommand::ReviveZone(z) => {
                for i in 0..self.nodes.len() {
                    if &self.nodes[i].zone == z {
                        self.revive_node(i as u32);
                    }
                }
            }
            ClusterCommand::KillPod(p) => {
                let id = self.pod_by_name(p)?;
                self.force_delete_pod(id);
            }
            ClusterCommand::KillOnePod(d) => {
                let di = self.deployment_index(d)?;
                let victim = self.deployments[di as usize]
                    .replica_sets
                    .iter()
                    .flat_map(|rs| rs.active.iter().copied())
                    .min()
                    .ok_or_else(|| ClusterCommandError::NoPod(d.clone()))?;
                self.force_delete_pod(victim);
            }
            ClusterCommand::SetCrashLoop { pod, crash_loop } => {
                let id = self.pod_by_name(pod)?;
                self.set_crash_loop(id, *crash_loop);
            }
            ClusterCommand::SetProbeFailing { pod, probe, failing } => {
                let id = self.pod_by_name(pod)?;
                self.set_probe_failing(id, *probe, *failing);
            }
            ClusterCommand::KillEtcdMember(m) => self.kill_etcd_member(*m),
            ClusterCommand::ReviveEtcdMember(m) => self.revive_etcd_member(*m),
            ClusterCommand::KillComponent { component, replica } => self.kill_component(*component, *replica),
            ClusterCommand::ReviveComponent { component, replica } => self.revive_component(*component, *replica),
            ClusterCommand::Cordon(n) => {
                let i = self.node_index(n)?;
                self.set_cordon(i, true);
            }
            ClusterCommand::Uncordon(n) => {
                let i = self.node_index(n)?;
                self.set_cordon(i, false);
            }
            ClusterCommand::Drain(n) => {
                let i = self.node_index(n)?;
                self.drain(i);
            }
            ClusterCommand::Scale { deployment, replicas } => {
                let di = self.deployment_index(deployment)?;
                self.scale(di, *replicas);
            }
            ClusterCommand::UpdateTemplate { deployment, template } => {
                let di = self.deployment_index(deployment)?;
                self.update_template(di, template)?;
            }
        }
        Ok(())
    }

    // ----- lookups ---------------------------------------------------------

    pub(super) fn node_index(&self, name: &str) -> Result<u32, ClusterCommandError> {
        self.nodes
            .iter()
            .position(|n| n.name == name)
            .map(|i| i as u32)
            .ok_or_else(|| ClusterCommandError::UnknownNode(name.to_string()))
    }

    /// The index of a deployment in the spec's list.
    pub fn deployment_index(&self, name: &str) -> Result<u32, ClusterCommandError> {
        self.deployments
            .iter()
            .position(|d| d.name == name)
            .map(|i| i as u32)
            .ok_or_else(|| ClusterCommandError::UnknownDeployment(name.to_string()))
    }

    pub(super) fn pod_by_name(&self, name: &str) -> Result<PodId, ClusterCommandError> {
        self.pod_names.get(name).copied().ok_or_else(|| ClusterCommandError::UnknownPod(name.to_string()))
    }

    pub(super) fn election(&self, c: ControlPlaneComponent) -> &Election {
        match c {
            ControlPlaneComponent::Scheduler => &self.scheduler,
            ControlPlaneComponent::ControllerManager => &self.controller_manager,
        }
    }

    pub(super) fn election_mut(&mut self, c: ControlPlaneComponent) -> &mut Election {
        match c {
            ControlPlaneComponent::Scheduler => &mut self.scheduler,
            ControlPlaneComponent::ControllerManager => &mut self.controller_manager,
        }
    }

    pub(super) fn rs_of(&self, pod: &Pod) -> &ReplicaSet {
        &self.deployments[pod.deployment as usize].replica_sets[pod.rs as usize]
    }

    // ----- health ------------------------------------------------------------

    /// Whether the API answers: etcd has a leader (which needs quorum).
    pub fn api_available(&self) -> bool {
        self.etcd.leader.is_some()
    }

    pub(super) fn scheduler_active(&self) -> bool {
        self.api_available() && self.scheduler.leader.is_some()
    }

    pub(super) fn controller_manager_active(&self) -> bool {
        self.api_available() && self.controller_manager.leader.is_some()
    }

    // ----- effects -----------------------------------------------------------

    pub(super) fn push(&mut self, at: SimTime, kind: EventKind) {
        self.fx.events.push((at.max(self.now), ClusterEvent(kind)));
    }

    pub(super) fn record(
        &mut self,
        kind: ClusterTraceKind,
        pod: u64,
        node: u32,
        owner: u32,
        revision: u32,
        detail: u64,
    ) {
        self.fx.trace.push(ClusterTraceRecord { at: self.now, kind, pod, node, owner, revision, detail });
    }

    /// A record about a pod, with its node, deployment and revision filled in.
    pub(super) fn record_pod(&mut self, kind: ClusterTraceKind, id: PodId, detail: u64) {
        let Some(p) = self.pods.get(&id) else { return };
        let (node, owner, revision) = (p.node.unwrap_or(NONE), p.deployment, p.revision);
        self.record(kind, id.0, node, owner, revision, detail);
    }

    pub(super) fn request_controller_sync(&mut self) {
        if !self.controller_sync_pending {
            self.controller_sync_pending = true;
            self.push(self.now, EventKind::ControllerSync);
        }
    }

    pub(super) fn request_scheduler_cycle(&mut self) {
        if !self.scheduler_cycle_pending && !self.pending.is_empty() {
            self.scheduler_cycle_pending = true;
            self.push(self.now, EventKind::SchedulerCycle);
        }
    }

    /// Recomputes whether a pod really serves, and tells the host when its
    /// deployment's count changes.
    pub(super) fn refresh_serving(&mut self, id: PodId) {
        let Some(pod) = self.pods.get(&id) else { return };
        let node_up = pod.node.is_some_and(|n| !self.nodes[n as usize].down);
        let serving =
            node_up && pod.deletion.is_none() && matches!(pod.container, Container::Running { .. }) && pod.local_ready;
        if serving == pod.serving {
            return;
        }
        let d = pod.deployment;
        self.pods.get_mut(&id).expect("checked").serving = serving;
        let dep = &mut self.deployments[d as usize];
        if serving {
            dep.serving += 1;
        } else {
            dep.serving -= 1;
        }
        let ready = dep.serving;
        self.fx.notifications.push(ClusterNotification::ReadyPodsChanged { deployment: d, ready });
    }

    /// Sets the API's Ready condition of a pod, keeping the ReplicaSet's
    /// count and marking the Services that select it.
    pub(super) fn set_api_ready(&mut self, id: PodId, ready: bool) {
        let Some(pod) = self.pods.get_mut(&id) else { return };
        if pod.api.ready == ready {
            return;
        }
        pod.api.ready = ready;
        let (d, r, active) = (pod.deployment, pod.rs, pod.deletion.is_none());
        let rs = &mut self.deployments[d as usize].replica_sets[r as usize];
        if active {
            if ready {
                rs.ready += 1;
            } else {
                rs.ready -= 1;
            }
        }
        for s in rs.services.clone() {
            self.services[s as usize].dirty = true;
        }
        self.record_pod(if ready { ClusterTraceKind::PodReady } else { ClusterTraceKind::PodNotReady }, id, 0);
        self.request_controller_sync();
    }

    // ----- replica sets ------------------------------------------------------

    /// A ReplicaSet for a template, with its labels, tolerations, services
    /// and name hash worked out once.
    pub(super) fn new_replica_set(&mut self, dep: &mut Deployment, template: &PodTemplate) -> ReplicaSet {
        let revision = dep.next_revision;
        dep.next_revision += 1;
        let mut labels = template.labels.clone();
        labels.insert("app".into(), dep.name.clone());
        let mut tolerations = template.tolerations.clone();
        for key in [NOT_READY_TAINT, UNREACHABLE_TAINT] {
            let covered = tolerations.iter().any(|t| t.tolerates(key, "", TaintEffect::NoExecute));
            if !covered {
                tolerations.push(Toleration {
                    key: key.into(),
                    operator: TolerationOperator::Exists,
                    value: String::new(),
                    effect: Some(TaintEffect::NoExecute),
                    toleration_ms: Some(template.node_failure_toleration_ms),
                });
            }
        }
        let services = self
            .services
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                !s.config.selector.is_empty() && s.config.selector.iter().all(|(k, v)| labels.get(k) == Some(v))
            })
            .map(|(i, _)| i as u32)
            .collect();
        ReplicaSet {
            revision,
            hash: template_hash(&dep.name, revision),
            template: template.clone(),
            labels,
            tolerations,
            services,
            replicas: 0,
            active: BTreeSet::new(),
            ready: 0,
            pods_total: 0,
            static_verdicts: Vec::new(),
            static_generation: 0,
        }
    }
}

impl Election {
    fn new(replicas: u32, now: SimTime) -> Election {
        Election { up: vec![true; replicas as usize], leader: None, leader_since: now, lease_expires_at: now, epoch: 0 }
    }
}

/// Kubernetes' pod-template-hash alphabet (no vowels, no look-alikes).
pub(super) const NAME_ALPHABET: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";

/// A stable, name-like hash of a deployment's revision (`5d8f7b9c6`).
fn template_hash(deployment: &str, revision: u32) -> String {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for b in deployment.as_bytes().iter().chain(revision.to_le_bytes().iter()) {
        h = (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    let mut r = Rng::new(h);
    (0..9).map(|_| NAME_ALPHABET[r.below(NAME_ALPHABET.len() as u64) as usize] as char).collect()
}

pub(super) fn ms(t: u64) -> SimTime {
    SimTime::from_ms(t)
}
