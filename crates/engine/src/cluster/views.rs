//! Read views for the UI and the broker (nodes, pods, deployments, services,
//! control plane), kube-proxy routing, the invariants audit, and plain
//! sentences for trace records.

use super::config::{ScoringStrategy, ServiceType, TaintEffect};
use super::engine::{Cluster, Container, Pod};
use super::scheduler::PendingReason;
use super::trace::{ClusterTraceKind, ClusterTraceRecord, DeletionReason, ExitReason, NONE};
use super::{PodId, ProbeKind};
use crate::sim::SimTime;
use std::collections::BTreeSet;

/// A node's Ready condition as the API records it (`kubectl get nodes`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NodeStatus {
    Ready,
    /// The kubelet stopped posting status for the grace period (the Ready
    /// condition is Unknown; kubectl shows NotReady).
    NotReady,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaintView {
    pub key: String,
    pub value: String,
    pub effect: TaintEffect,
    pub added_at: SimTime,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeView {
    pub index: u32,
    pub name: String,
    pub zone: String,
    /// What the API says.
    pub status: NodeStatus,
    /// What is true: the machine is dead.
    pub down: bool,
    pub cordoned: bool,
    pub taints: Vec<TaintView>,
    pub cpu_allocatable_millicores: u64,
    pub cpu_requested_millicores: u64,
    pub memory_allocatable_mib: u64,
    pub memory_requested_mib: u64,
    /// Pods bound here, Terminating ones included.
    pub pods: u32,
    pub max_pods: u32,
    pub last_heartbeat: SimTime,
    /// Countdown ring: how long until the node lifecycle controller marks it
    /// NotReady if no status arrives (only while it is Ready).
    pub not_ready_in_ms: Option<u64>,
    pub not_ready_since: Option<SimTime>,
}

/// `kubectl get pods`' STATUS column, from what the API records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PodStatus {
    /// Not bound to a node yet.
    Pending,
    /// Bound; the container has not (been reported to have) started.
    ContainerCreating,
    Running,
    /// Exited and waiting out the restart back-off.
    CrashLoopBackOff,
    /// Deleted; waiting for its grace period or for its node to come back.
    Terminating,
}

impl PodStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PodStatus::Pending => "Pending",
            PodStatus::ContainerCreating => "ContainerCreating",
            PodStatus::Running => "Running",
            PodStatus::CrashLoopBackOff => "CrashLoopBackOff",
            PodStatus::Terminating => "Terminating",
        }
    }
}

/// What a container is really doing (the kubelet's view), or what the API
/// last heard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ContainerPhase {
    /// Not started (unbound, or its node's kubelet is dead).
    Waiting,
    Creating,
    Running,
    BackOff,
    /// Stopped for good: its node died, or it finished terminating.
    Exited,
}

/// What the scheduler saw when it bound a pod.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BindInfo {
    pub at: SimTime,
    pub score: u32,
    /// Nodes that passed every filter.
    pub feasible_nodes: u32,
    /// Nodes sharing the top score (the seeded pick was among them).
    pub tied_nodes: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PodView {
    pub id: PodId,
    pub name: String,
    pub deployment: String,
    pub revision: u32,
    /// Its labels (`app: <deployment>` and the template's).
    pub labels: Vec<(String, String)>,
    pub node: Option<String>,
    pub ip: Option<String>,
    /// The API's view: what `kubectl get pods` shows.
    pub status: PodStatus,
    pub ready: bool,
    pub restarts: u32,
    /// The truth on the machine.
    pub container: ContainerPhase,
    /// Really running and ready (counts as a consumer instance).
    pub serving: bool,
    pub created_at: SimTime,
    /// Countdown rings.
    pub backoff_remaining_ms: Option<u64>,
    pub grace_remaining_ms: Option<u64>,
    pub eviction_in_ms: Option<u64>,
    pub liveness_failures: u32,
    pub readiness_failures: u32,
    /// Faults set on this pod.
    pub crash_loop: bool,
    pub liveness_failing: bool,
    pub readiness_failing: bool,
    pub deletion_reason: Option<DeletionReason>,
    pub pending_reason: Option<PendingReason>,
    pub bind: Option<BindInfo>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeploymentView {
    pub index: u32,
    pub name: String,
    pub desired: u32,
    /// Pods not being deleted.
    pub current: u32,
    /// Of those, Ready per the API (= available, minReadySeconds 0).
    pub ready: u32,
    pub available: u32,
    /// Pods of the current template.
    pub updated: u32,
    /// Really running and ready.
    pub serving: u32,
    pub revision: u32,
    pub rolling: bool,
    pub max_surge: u32,
    pub max_unavailable: u32,
}

/// Requests a Service or an Ingress routed, and why some failed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RequestCounters {
    pub ok: u64,
    /// No Ready endpoint at all.
    pub no_endpoint: u64,
    /// The chosen endpoint was not really serving (its node died and the API
    /// has not noticed, say).
    pub unreachable: u64,
    /// The node a NodePort or load balancer request went through was dead.
    pub node_down: u64,
    /// No ingress controller, or no rule matched.
    pub no_route: u64,
}

impl RequestCounters {
    pub fn failed(&self) -> u64 {
        self.no_endpoint + self.unreachable + self.node_down + self.no_route
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceView {
    pub index: u32,
    pub name: String,
    pub service_type: ServiceType,
    pub cluster_ip: String,
    pub port: u16,
    pub node_port: Option<u16>,
    pub endpoints: Vec<PodId>,
    pub endpoint_names: Vec<String>,
    pub counters: RequestCounters,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElectionView {
    pub replicas: u32,
    pub replicas_up: u32,
    pub leader: Option<u32>,
    /// Doing its work: has a leader and the API answers.
    pub active: bool,
    pub leader_since: SimTime,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ControlPlaneView {
    pub etcd_members: u32,
    pub etcd_members_up: u32,
    pub etcd_members_state: Vec<bool>,
    pub quorum: u32,
    pub etcd_leader: Option<u32>,
    pub api_available: bool,
    pub scheduler: ElectionView,
    pub controller_manager: ElectionView,
    pub scoring: ScoringStrategy,
}

/// Where kube-proxy sent a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Routed {
    pub pod: PodId,
    /// Index of the pod's node.
    pub node: u32,
}

/// Why a request found no pod.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RouteError {
    UnknownService,
    UnknownNode,
    /// The Service has no Ready endpoint.
    NoEndpoint,
    /// The chosen endpoint did not answer.
    EndpointUnreachable(PodId),
    /// The node the request went through is dead, or no node is alive.
    NodeDown,
    /// A ClusterIP Service has no node port; a load balancer needs type
    /// LoadBalancer.
    WrongServiceType,
    NoIngressController,
    NoRule,
}

impl RouteError {
    pub fn explain(self) -> &'static str {
        match self {
            RouteError::UnknownService => "there is no such service",
            RouteError::UnknownNode => "there is no such node",
            RouteError::NoEndpoint => "the service has no Ready endpoint",
            RouteError::EndpointUnreachable(_) => "the endpoint did not answer (its pod is not really running)",
            RouteError::NodeDown => "the node the request went through is down",
            RouteError::WrongServiceType => "the service's type does not offer this way in",
            RouteError::NoIngressController => "no ingress controller serves the ingress",
            RouteError::NoRule => "no ingress rule matches the host and path",
        }
    }
}

fn pod_ip(node: u32, host: u8) -> String {
    format!("10.244.{node}.{host}")
}

impl Cluster {
    // ----- nodes -----------------------------------------------------------------

    pub fn nodes(&self) -> Vec<NodeView> {
        (0..self.nodes.len() as u32).map(|i| self.node_view(i)).collect()
    }

    pub fn node(&self, name: &str) -> Option<NodeView> {
        self.node_index(name).ok().map(|i| self.node_view(i))
    }

    pub fn node_name(&self, index: u32) -> Option<&str> {
        self.nodes.get(index as usize).map(|n| n.name.as_str())
    }

    fn node_view(&self, i: u32) -> NodeView {
        let n = &self.nodes[i as usize];
        let load = &self.loads[i as usize];
        let grace = SimTime::from_ms(self.cp.node_monitor_grace_period_ms);
        let seen = n.last_heartbeat.max(self.observation_floor);
        NodeView {
            index: i,
            name: n.name.clone(),
            zone: n.zone.clone(),
            status: if n.ready { NodeStatus::Ready } else { NodeStatus::NotReady },
            down: n.down,
            cordoned: n.unschedulable,
            taints: n
                .taints
                .iter()
                .map(|t| TaintView {
                    key: t.key.clone(),
                    value: t.value.clone(),
                    effect: t.effect,
                    added_at: t.added_at,
                })
                .collect(),
            cpu_allocatable_millicores: load.cpu_allocatable,
            cpu_requested_millicores: load.cpu_requested,
            memory_allocatable_mib: load.memory_allocatable,
            memory_requested_mib: load.memory_requested,
            pods: load.pods,
            max_pods: load.max_pods,
            last_heartbeat: n.last_heartbeat,
            not_ready_in_ms: n.ready.then(|| (seen + grace).saturating_sub(self.now).as_ms()),
            not_ready_since: n.not_ready_since,
        }
    }

    // ----- pods --------------------------------------------------------------------

    /// Every pod, oldest first.
    pub fn pods(&self) -> Vec<PodView> {
        self.pods.values().map(|p| self.pod_view(p)).collect()
    }

    pub fn pod(&self, id: PodId) -> Option<PodView> {
        self.pods.get(&id).map(|p| self.pod_view(p))
    }

    pub fn pod_named(&self, name: &str) -> Option<PodView> {
        self.pod_names.get(name).and_then(|id| self.pod(*id))
    }

    /// The pods of one deployment, Terminating ones included, oldest first.
    pub fn pods_of(&self, deployment: &str) -> Vec<PodView> {
        let Ok(d) = self.deployment_index(deployment) else { return Vec::new() };
        self.pods.values().filter(|p| p.deployment == d).map(|p| self.pod_view(p)).collect()
    }

    /// The pods bound to one node.
    pub fn pods_on(&self, node: &str) -> Vec<PodView> {
        let Ok(i) = self.node_index(node) else { return Vec::new() };
        self.nodes[i as usize].pods.iter().map(|id| self.pod_view(&self.pods[id])).collect()
    }

    /// How many pods wait for the scheduler.
    pub fn pending_pods(&self) -> usize {
        self.pending.len()
    }

    pub fn pod_count(&self) -> usize {
        self.pods.len()
    }

    fn pod_view(&self, p: &Pod) -> PodView {
        let now = self.now;
        let remaining = |t: SimTime| t.saturating_sub(now).as_ms();
        let status = if p.deletion.is_some() {
            PodStatus::Terminating
        } else if p.node.is_none() {
            PodStatus::Pending
        } else {
            match p.api.phase {
                ContainerPhase::Running => PodStatus::Running,
                ContainerPhase::BackOff => PodStatus::CrashLoopBackOff,
                _ => PodStatus::ContainerCreating,
            }
        };
        PodView {
            id: p.id,
            name: p.name.clone(),
            deployment: self.deployments[p.deployment as usize].name.clone(),
            revision: p.revision,
            labels: self.rs_of(p).labels.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            node: p.node.map(|n| self.nodes[n as usize].name.clone()),
            ip: p.node.map(|n| pod_ip(n, p.ip_host)),
            status,
            ready: p.api.ready,
            restarts: p.api.restarts,
            container: p.container.phase(),
            serving: p.serving,
            created_at: p.created_at,
            backoff_remaining_ms: match p.container {
                Container::BackOff { until } => Some(remaining(until)),
                _ => None,
            },
            grace_remaining_ms: p.deletion.and_then(|d| d.grace_ends_at).map(remaining),
            eviction_in_ms: p.eviction_at.map(remaining),
            liveness_failures: p.liveness.failures,
            readiness_failures: p.readiness.failures,
            crash_loop: p.crash_loop,
            liveness_failing: p.liveness.failing,
            readiness_failing: p.readiness.failing,
            deletion_reason: p.deletion.map(|d| d.reason),
            pending_reason: p.pending_reason,
            bind: p.bind,
        }
    }

    // ----- deployments ---------------------------------------------------------------

    pub fn deployments(&self) -> Vec<DeploymentView> {
        (0..self.deployments.len() as u32).map(|d| self.deployment_view(d)).collect()
    }

    pub fn deployment(&self, name: &str) -> Option<DeploymentView> {
        self.deployment_index(name).ok().map(|d| self.deployment_view(d))
    }

    pub fn deployment_name(&self, index: u32) -> Option<&str> {
        self.deployments.get(index as usize).map(|d| d.name.as_str())
    }

    fn deployment_view(&self, d: u32) -> DeploymentView {
        let dep = &self.deployments[d as usize];
        let current: u32 = dep.replica_sets.iter().map(|rs| rs.active.len() as u32).sum();
        let ready: u32 = dep.replica_sets.iter().map(|rs| rs.ready).sum();
        let cur = &dep.replica_sets[dep.current_rs as usize];
        let (max_surge, max_unavailable) = dep.limits();
        DeploymentView {
            index: d,
            name: dep.name.clone(),
            desired: dep.replicas,
            current,
            ready,
            available: ready,
            updated: cur.active.len() as u32,
            serving: dep.serving,
            revision: cur.revision,
            rolling: dep.rolling,
            max_surge,
            max_unavailable,
        }
    }

    /// The index of the deployment a pod belongs to (cheap: no view is
    /// built), for routing a request to whatever runs on that deployment.
    pub fn deployment_of_pod(&self, pod: PodId) -> Option<u32> {
        self.pods.get(&pod).map(|p| p.deployment)
    }

    /// Pods of the deployment (by index) that are really running and ready:
    /// a consumer bound to the deployment has this many instances. Changes
    /// are announced as [`super::ClusterNotification::ReadyPodsChanged`].
    pub fn ready_pods_of(&self, deployment: u32) -> u32 {
        self.deployments.get(deployment as usize).map_or(0, |d| d.serving)
    }

    // ----- services -------------------------------------------------------------------

    pub fn services(&self) -> Vec<ServiceView> {
        (0..self.services.len()).map(|s| self.service_view(s)).collect()
    }

    pub fn service(&self, name: &str) -> Option<ServiceView> {
        self.services.iter().position(|s| s.name == name).map(|s| self.service_view(s))
    }

    fn service_view(&self, s: usize) -> ServiceView {
        let svc = &self.services[s];
        let ip = svc.cluster_ip;
        ServiceView {
            index: s as u32,
            name: svc.name.clone(),
            service_type: svc.config.service_type,
            cluster_ip: format!("{}.{}.{}.{}", ip[0], ip[1], ip[2], ip[3]),
            port: svc.config.port,
            node_port: svc.node_port,
            endpoints: svc.endpoints.clone(),
            endpoint_names: svc.endpoints.iter().filter_map(|id| self.pods.get(id).map(|p| p.name.clone())).collect(),
            counters: svc.counters,
        }
    }

    pub fn ingress_counters(&self, name: &str) -> Option<RequestCounters> {
        self.ingresses.iter().find(|i| i.name == name).map(|i| i.counters)
    }

    // ----- control plane ---------------------------------------------------------------

    pub fn control_plane(&self) -> ControlPlaneView {
        let api = self.api_available();
        let election = |e: &super::engine::Election| ElectionView {
            replicas: e.up.len() as u32,
            replicas_up: e.up.iter().filter(|u| **u).count() as u32,
            leader: e.leader,
            active: api && e.leader.is_some(),
            leader_since: e.leader_since,
        };
        ControlPlaneView {
            etcd_members: self.etcd.up.len() as u32,
            etcd_members_up: self.etcd.members_up(),
            etcd_members_state: self.etcd.up.clone(),
            quorum: self.etcd.quorum(),
            etcd_leader: self.etcd.leader,
            api_available: api,
            scheduler: election(&self.scheduler),
            controller_manager: election(&self.controller_manager),
            scoring: self.cp.scoring,
        }
    }

    // ----- kube-proxy ---------------------------------------------------------------------

    /// A request to a Service's ClusterIP: kube-proxy picks a Ready endpoint.
    /// Fails (and is counted) when there is none, or when the pod picked is
    /// not really serving.
    pub fn route_request(&mut self, service: &str) -> Result<Routed, RouteError> {
        let s = self.services.iter().position(|x| x.name == service).ok_or(RouteError::UnknownService)?;
        self.route_service(s)
    }

    /// The same by the Service's index in the spec.
    pub fn route_request_to(&mut self, service: u32) -> Result<Routed, RouteError> {
        if service as usize >= self.services.len() {
            return Err(RouteError::UnknownService);
        }
        self.route_service(service as usize)
    }

    /// A request to `<node IP>:<node port>`: the node's kube-proxy forwards
    /// it to an endpoint anywhere; a dead node does not answer.
    pub fn route_node_port(&mut self, service: &str, node: &str) -> Result<Routed, RouteError> {
        let s = self.services.iter().position(|x| x.name == service).ok_or(RouteError::UnknownService)?;
        let n = self.node_index(node).map_err(|_| RouteError::UnknownNode)?;
        if self.services[s].node_port.is_none() {
            return Err(RouteError::WrongServiceType);
        }
        if self.nodes[n as usize].down {
            self.services[s].counters.node_down += 1;
            return Err(RouteError::NodeDown);
        }
        self.route_service(s)
    }

    /// A request to a LoadBalancer Service: the cloud load balancer sends it
    /// to a live node's node port (its health checks are taken as instant).
    pub fn route_load_balancer(&mut self, service: &str) -> Result<Routed, RouteError> {
        let s = self.services.iter().position(|x| x.name == service).ok_or(RouteError::UnknownService)?;
        if self.services[s].config.service_type != ServiceType::LoadBalancer {
            return Err(RouteError::WrongServiceType);
        }
        let live = self.nodes.iter().filter(|n| !n.down).count() as u64;
        if live == 0 {
            self.services[s].counters.node_down += 1;
            return Err(RouteError::NodeDown);
        }
        // Which node does not change where the request ends up, but the draw
        // keeps the load balancer's choice part of the seeded run.
        let _node = self.services[s].rng.below(live);
        self.route_service(s)
    }

    /// A call from a publisher or topic on the canvas to a Service, through
    /// the door its type opens. ClusterIP: kube-proxy picks an endpoint (the
    /// caller is taken to be inside the cluster network). NodePort: the
    /// caller spreads its calls over every node's address in turn, as a
    /// DNS round-robin over node IPs would, so a dead node's share fails
    /// even while endpoints elsewhere are Ready. LoadBalancer: the cloud load
    /// balancer forwards to a live node's node port.
    pub fn route_call(&mut self, service: u32) -> Result<Routed, RouteError> {
        let s = service as usize;
        if s >= self.services.len() {
            return Err(RouteError::UnknownService);
        }
        match self.services[s].config.service_type {
            ServiceType::ClusterIp => self.route_service(s),
            ServiceType::NodePort => {
                if self.nodes.is_empty() {
                    self.services[s].counters.node_down += 1;
                    return Err(RouteError::NodeDown);
                }
                let n = self.services[s].next_node % self.nodes.len();
                self.services[s].next_node = n + 1;
                if self.nodes[n].down {
                    self.services[s].counters.node_down += 1;
                    return Err(RouteError::NodeDown);
                }
                self.route_service(s)
            }
            ServiceType::LoadBalancer => {
                let name = self.services[s].name.clone();
                self.route_load_balancer(&name)
            }
        }
    }

    /// [`Cluster::route_ingress`] by the Ingress's index in the spec.
    pub fn route_ingress_at(&mut self, ingress: u32, host: &str, path: &str) -> Result<Routed, RouteError> {
        let name = self.ingresses.get(ingress as usize).ok_or(RouteError::UnknownService)?.name.clone();
        self.route_ingress(&name, host, path)
    }

    /// An HTTP request through an Ingress: the longest matching path prefix
    /// among rules for this host (or for any host) picks the Service.
    pub fn route_ingress(&mut self, ingress: &str, host: &str, path: &str) -> Result<Routed, RouteError> {
        let i = self.ingresses.iter().position(|x| x.name == ingress).ok_or(RouteError::UnknownService)?;
        if !self.ingresses[i].config.controller_installed {
            self.ingresses[i].counters.no_route += 1;
            return Err(RouteError::NoIngressController);
        }
        let rule = self.ingresses[i]
            .config
            .rules
            .iter()
            .filter(|r| (r.host.is_empty() || r.host == host) && path.starts_with(&r.path_prefix))
            .max_by_key(|r| (!r.host.is_empty(), r.path_prefix.len()))
            .map(|r| r.service.clone());
        let Some(service) = rule else {
            self.ingresses[i].counters.no_route += 1;
            return Err(RouteError::NoRule);
        };
        let result = self.route_request(&service);
        let c = &mut self.ingresses[i].counters;
        match result {
            Ok(_) => c.ok += 1,
            Err(RouteError::NoEndpoint) => c.no_endpoint += 1,
            Err(_) => c.unreachable += 1,
        }
        result
    }

    fn route_service(&mut self, s: usize) -> Result<Routed, RouteError> {
        let Cluster { services, pods, .. } = self;
        let svc = &mut services[s];
        let n = svc.endpoints.len();
        if n == 0 {
            svc.counters.no_endpoint += 1;
            return Err(RouteError::NoEndpoint);
        }
        let k = match svc.config.load_balancing {
            super::config::LoadBalancing::Random => svc.rng.below(n as u64) as usize,
            super::config::LoadBalancing::RoundRobin => {
                let k = svc.next_endpoint % n;
                svc.next_endpoint = k + 1;
                k
            }
        };
        let id = svc.endpoints[k];
        match pods.get(&id) {
            Some(p) if p.serving => {
                svc.counters.ok += 1;
                Ok(Routed { pod: id, node: p.node.unwrap_or(NONE) })
            }
            _ => {
                svc.counters.unreachable += 1;
                Err(RouteError::EndpointUnreachable(id))
            }
        }
    }

    // ----- invariants ------------------------------------------------------------------------

    /// Recounts everything kept incrementally and checks the cluster's
    /// invariants: no node over allocatable by the requests of its pods,
    /// every pod bound to at most one node and listed by it, the scheduler's
    /// queue, ReplicaSet counts, serving counts, and that only live nodes
    /// run containers. For tests: it walks every pod.
    pub fn audit(&self) -> Result<(), String> {
        let mut listed = BTreeSet::new();
        for (i, node) in self.nodes.iter().enumerate() {
            let (mut cpu, mut memory, mut ips) = (0u64, 0u64, BTreeSet::new());
            for id in &node.pods {
                let Some(p) = self.pods.get(id) else {
                    return Err(format!("node {} lists a pod that does not exist ({id})", node.name));
                };
                if p.node != Some(i as u32) {
                    return Err(format!("node {} lists {} but the pod says {:?}", node.name, p.name, p.node));
                }
                if !listed.insert(*id) {
                    return Err(format!("{} is listed by two nodes", p.name));
                }
                if !ips.insert(p.ip_host) || node.ips_used[p.ip_host as usize / 64] & (1 << (p.ip_host % 64)) == 0 {
                    return Err(format!("{}'s IP on {} is not uniquely allocated", p.name, node.name));
                }
                let t = &self.rs_of(p).template;
                cpu += t.cpu_request_millicores;
                memory += t.memory_request_mib;
            }
            let load = &self.loads[i];
            if (cpu, memory, node.pods.len() as u32) != (load.cpu_requested, load.memory_requested, load.pods) {
                return Err(format!(
                    "node {} counts {}m / {} MiB / {} pods but its pods add up to {cpu}m / {memory} MiB / {}",
                    node.name,
                    load.cpu_requested,
                    load.memory_requested,
                    load.pods,
                    node.pods.len()
                ));
            }
            if cpu > load.cpu_allocatable || memory > load.memory_allocatable || load.pods > load.max_pods {
                return Err(format!(
                    "node {} is over allocatable: {cpu}m, {memory} MiB, {} pods",
                    node.name, load.pods
                ));
            }
        }
        let mut serving = vec![0u32; self.deployments.len()];
        let mut pending = BTreeSet::new();
        for (id, p) in &self.pods {
            if p.id != *id || self.pod_names.get(&p.name) != Some(id) {
                return Err(format!("{} is indexed inconsistently", p.name));
            }
            match p.node {
                Some(_) if !listed.contains(id) => return Err(format!("{} is bound but no node lists it", p.name)),
                None if p.deletion.is_none() => {
                    pending.insert(*id);
                }
                _ => {}
            }
            let node_up = p.node.is_some_and(|n| !self.nodes[n as usize].down);
            let container_live = matches!(
                p.container,
                Container::Creating { .. } | Container::Running { .. } | Container::BackOff { .. }
            );
            if container_live && !node_up {
                return Err(format!("{} has a live container but its node is down or missing", p.name));
            }
            if p.serving {
                if !node_up || !matches!(p.container, Container::Running { .. }) || p.deletion.is_some() {
                    return Err(format!("{} counts as serving but is not running", p.name));
                }
                serving[p.deployment as usize] += 1;
            }
            if p.deletion.is_some() && p.api.ready {
                return Err(format!("{} is Terminating but Ready", p.name));
            }
        }
        if self.pod_names.len() != self.pods.len() {
            return Err("pod name index out of step".into());
        }
        if pending != self.pending {
            return Err(format!("scheduler queue {:?} ≠ unbound pods {:?}", self.pending, pending));
        }
        for (d, dep) in self.deployments.iter().enumerate() {
            if dep.serving != serving[d] {
                return Err(format!("deployment {} counts {} serving, really {}", dep.name, dep.serving, serving[d]));
            }
            for (r, rs) in dep.replica_sets.iter().enumerate() {
                let mine: Vec<&Pod> =
                    self.pods.values().filter(|p| p.deployment == d as u32 && p.rs == r as u32).collect();
                let active: BTreeSet<PodId> = mine.iter().filter(|p| p.deletion.is_none()).map(|p| p.id).collect();
                let ready = mine.iter().filter(|p| p.deletion.is_none() && p.api.ready).count() as u32;
                if active != rs.active || ready != rs.ready || mine.len() as u32 != rs.pods_total {
                    return Err(format!(
                        "deployment {} revision {}: counts active {} ready {} total {}, really {} {} {}",
                        dep.name,
                        rs.revision,
                        rs.active.len(),
                        rs.ready,
                        rs.pods_total,
                        active.len(),
                        ready,
                        mine.len()
                    ));
                }
            }
        }
        Ok(())
    }

    // ----- words -----------------------------------------------------------------------------

    /// A past-tense sentence for a trace record, for the event log.
    pub fn describe(&self, r: &ClusterTraceRecord) -> String {
        let node = self.node_name(r.node).unwrap_or("?").to_string();
        let pod = || match self.pods.get(&PodId(r.pod)) {
            Some(p) => p.name.clone(),
            None => format!("a {} pod (#{})", self.deployment_name(r.owner).unwrap_or("?"), r.pod),
        };
        let owner = || self.deployment_name(r.owner).unwrap_or("?").to_string();
        let service = || self.services.get(r.owner as usize).map_or("?".to_string(), |s| s.name.clone());
        let effect = if r.detail == 1 { "NoExecute" } else { "NoSchedule" };
        use ClusterTraceKind as K;
        match r.kind {
            K::NodeKilled => format!("node {node} died"),
            K::NodeRevived => format!("node {node} came back"),
            K::NodeNotReady => format!("node {node} was marked NotReady after {} s without status", r.detail / 1000),
            K::NodeReady => format!("node {node} was Ready again"),
            K::TaintAdded => format!("node {node} was tainted unreachable:{effect}"),
            K::TaintRemoved => format!("node {node}'s unreachable:{effect} taint was removed"),
            K::NodeCordoned => format!("node {node} was cordoned"),
            K::NodeUncordoned => format!("node {node} was uncordoned"),
            K::NodeDrained => format!("node {node} was drained ({} pods evicted)", r.detail),
            K::PodCreated => format!("{} was created", pod()),
            K::PodBound => format!("{} was bound to {node} (score {})", pod(), r.detail),
            K::PodUnschedulable => format!("{} could not be scheduled", pod()),
            K::ContainerStarted if r.detail == 0 => format!("{} started on {node}", pod()),
            K::ContainerStarted => format!("{} restarted on {node} (restart {})", pod(), r.detail),
            K::ContainerExited(ExitReason::Crashed) => format!("{}'s container crashed", pod()),
            K::ContainerExited(ExitReason::LivenessProbeFailed) => {
                format!("{}'s container was killed: liveness probe failed", pod())
            }
            K::BackOff => format!("{} will restart in {} s (back-off)", pod(), r.detail / 1000),
            K::ProbeFailed(ProbeKind::Liveness) => format!("{}'s liveness probe failed ({} in a row)", pod(), r.detail),
            K::ProbeFailed(ProbeKind::Readiness) => {
                format!("{}'s readiness probe failed ({} in a row)", pod(), r.detail)
            }
            K::PodReady => format!("{} was Ready", pod()),
            K::PodNotReady => format!("{} was not Ready", pod()),
            K::PodTerminating(reason) => {
                let why = match reason {
                    DeletionReason::ScaledDown => "scaled down",
                    DeletionReason::Evicted => "evicted",
                    DeletionReason::Drained => "drained",
                    DeletionReason::Killed => "force-deleted",
                };
                format!("{} was {why} (Terminating, grace {} s)", pod(), r.detail / 1000)
            }
            K::PodDeleted => format!("{} was deleted", pod()),
            K::EvictionScheduled => format!("{} will be evicted in {} s", pod(), r.detail / 1000),
            K::CrashLoopSet => {
                format!("{} was {} crash-looping", pod(), if r.detail == 1 { "set" } else { "healed of" })
            }
            K::ProbeFaultSet(kind) => {
                let probe = if kind == ProbeKind::Liveness { "liveness" } else { "readiness" };
                format!("{}'s {probe} probe was {}", pod(), if r.detail == 1 { "made to fail" } else { "healed" })
            }
            K::DeploymentScaled => format!("deployment {} was scaled to {}", owner(), r.detail),
            K::RolloutStarted => format!("deployment {} started rolling out revision {}", owner(), r.revision),
            K::RolloutCompleted => format!("deployment {} finished rolling out revision {}", owner(), r.revision),
            K::ReplicaSetScaled => {
                format!("deployment {}'s revision {} was scaled to {}", owner(), r.revision, r.detail)
            }
            K::EndpointsChanged => format!("service {} had {} endpoints", service(), r.detail),
            K::EtcdMemberKilled => format!("etcd member {} died", r.owner),
            K::EtcdMemberRevived => format!("etcd member {} came back", r.owner),
            K::EtcdLeaderElected => format!("etcd member {} was elected leader", r.owner),
            K::QuorumLost => format!("etcd lost quorum ({} members up): the API was unavailable", r.detail),
            K::QuorumRestored => format!("etcd regained quorum ({} members up)", r.detail),
            K::ComponentKilled(c) => format!("{} replica {} died", c.as_str(), r.owner),
            K::ComponentRevived(c) => format!("{} replica {} came back", c.as_str(), r.owner),
            K::LeaderElected(c) => format!("{} replica {} became leader", c.as_str(), r.owner),
            K::LeaderLost(c) => format!("{} replica {} lost its lease", c.as_str(), r.owner),
            K::CommandRefused => "a command was refused: the API was unavailable".to_string(),
        }
    }
}
