//! The cluster as data: nodes, deployments (with their pod template),
//! services, ingresses and the control plane, with the documented Kubernetes
//! defaults from `SEMANTICS.md`. Every figure is a named field with its unit
//! last, so the inspector can show (and a share link can carry) each one.
//!
//! [`ClusterSpec::validate`] turns bad input into sentences; the engine never
//! panics on a spec that passed it.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Most nodes a cluster may have. Pod IPs are `10.244.<node>.<host>`, one
/// /24 per node as the default `--node-cidr-mask-size`, so the node index
/// must fit in one octet.
pub const MAX_NODES: usize = 250;
/// Most pods one node may run (`max_pods`); a /24 holds 253 pod addresses.
pub const MAX_PODS_PER_NODE: u32 = 250;
/// Most replicas one deployment may ask for; bounds every per-pod buffer.
pub const MAX_REPLICAS: u32 = 10_000;
pub const MAX_DEPLOYMENTS: usize = 200;
pub const MAX_SERVICES: usize = 200;
pub const MAX_INGRESSES: usize = 50;
/// etcd clusters have 1 to 7 members.
pub const MAX_ETCD_MEMBERS: u32 = 7;
/// Replicas of kube-scheduler or kube-controller-manager.
pub const MAX_CONTROL_PLANE_REPLICAS: u32 = 5;
/// NodePort range (the apiserver's default `--service-node-port-range`).
pub const NODE_PORT_MIN: u16 = 30_000;
pub const NODE_PORT_MAX: u16 = 32_767;
/// Longest name, label key or value accepted (Kubernetes allows 253 for names
/// and 63 for label values; one limit keeps messages and share links short).
pub const MAX_NAME_LEN: usize = 63;

/// A named item of the cluster: `{ "name": "node-a", "config": { … } }`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de> + Default"))]
pub struct Named<T> {
    pub name: String,
    #[serde(default)]
    pub config: T,
}

impl<T> Named<T> {
    pub fn new(name: impl Into<String>, config: T) -> Self {
        Named { name: name.into(), config }
    }
}

/// What a taint does to pods that do not tolerate it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TaintEffect {
    /// New pods are not scheduled onto the node; running pods stay.
    #[default]
    NoSchedule,
    /// New pods are not scheduled, and running pods are evicted (after their
    /// toleration's `toleration_ms`, if they tolerate it for a while).
    NoExecute,
}

impl TaintEffect {
    pub fn as_str(self) -> &'static str {
        match self {
            TaintEffect::NoSchedule => "NoSchedule",
            TaintEffect::NoExecute => "NoExecute",
        }
    }
}

/// A taint on a node: `key=value:effect`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TaintConfig {
    pub key: String,
    pub value: String,
    pub effect: TaintEffect,
}

/// How a toleration compares the taint's value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TolerationOperator {
    /// The taint's value must equal the toleration's.
    #[default]
    Equal,
    /// Any value; with an empty key, any taint at all.
    Exists,
}

/// A pod's toleration of matching taints.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Toleration {
    /// Empty with `Exists` tolerates every taint.
    pub key: String,
    pub operator: TolerationOperator,
    pub value: String,
    /// `None` tolerates every effect.
    pub effect: Option<TaintEffect>,
    /// For NoExecute taints: how long the pod may stay after the taint is
    /// added. `None` is forever.
    pub toleration_ms: Option<u64>,
}

impl Toleration {
    /// Whether this toleration matches the taint (Kubernetes'
    /// `ToleratesTaint`).
    pub fn tolerates(&self, key: &str, value: &str, effect: TaintEffect) -> bool {
        if let Some(e) = self.effect {
            if e != effect {
                return false;
            }
        }
        match self.operator {
            TolerationOperator::Exists => self.key.is_empty() || self.key == key,
            TolerationOperator::Equal => self.key == key && self.value == value,
        }
    }
}

/// A machine (VM) in the cluster, with a kubelet and kube-proxy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NodeConfig {
    /// Allocatable CPU: what pods' requests may add up to.
    pub cpu_millicores: u64,
    /// Allocatable memory.
    pub memory_mib: u64,
    /// The kubelet's `--max-pods` (default 110).
    pub max_pods: u32,
    /// The `topology.kubernetes.io/zone` label: an availability zone.
    pub zone: String,
    /// Further labels, for node affinity.
    pub labels: BTreeMap<String, String>,
    pub taints: Vec<TaintConfig>,
    /// Cordoned from the start: no new pods are scheduled here.
    pub unschedulable: bool,
}

impl Default for NodeConfig {
    fn default() -> Self {
        NodeConfig {
            cpu_millicores: 4_000,
            memory_mib: 8_192,
            max_pods: 110,
            zone: "zone-a".into(),
            labels: BTreeMap::new(),
            taints: Vec::new(),
            unschedulable: false,
        }
    }
}

/// A kubelet probe (liveness or readiness).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ProbeConfig {
    /// Without the probe, a started container is always live and ready.
    pub enabled: bool,
    pub initial_delay_ms: u64,
    pub period_ms: u64,
    /// A probe that gets no answer within this time fails.
    pub timeout_ms: u64,
    /// Consecutive failures before the kubelet acts.
    pub failure_threshold: u32,
    /// Consecutive successes before a failed readiness probe counts as
    /// passing again (must be 1 for liveness).
    pub success_threshold: u32,
}

impl Default for ProbeConfig {
    fn default() -> Self {
        ProbeConfig {
            enabled: true,
            initial_delay_ms: 0,
            period_ms: 10_000,
            timeout_ms: 1_000,
            failure_threshold: 3,
            success_threshold: 1,
        }
    }
}

/// Required node affinity: the pod may only run on nodes that match.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NodeAffinity {
    /// Zones the pod may run in; empty means any zone.
    pub zones: Vec<String>,
    /// Labels the node must carry with these values (a `nodeSelector`).
    pub match_labels: BTreeMap<String, String>,
}

impl NodeAffinity {
    pub fn is_empty(&self) -> bool {
        self.zones.is_empty() && self.match_labels.is_empty()
    }
}

/// What every pod of a deployment looks like.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PodTemplate {
    /// Labels besides `app: <deployment name>`, which every pod carries.
    pub labels: BTreeMap<String, String>,
    /// CPU request: what the scheduler reserves on a node (not live usage).
    pub cpu_request_millicores: u64,
    pub memory_request_mib: u64,
    /// Image pull plus container start, from binding to running.
    pub container_start_ms: u64,
    pub liveness_probe: ProbeConfig,
    pub readiness_probe: ProbeConfig,
    pub tolerations: Vec<Toleration>,
    /// How long pods stay on a node that stopped reporting (the not-ready and
    /// unreachable NoExecute tolerations that Kubernetes adds to every pod
    /// unless it has its own): 300 s.
    pub node_failure_toleration_ms: u64,
    pub node_affinity: NodeAffinity,
    /// terminationGracePeriodSeconds: how long a deleted pod is Terminating.
    /// The modelled application ignores SIGTERM, so it takes the full period.
    pub termination_grace_period_ms: u64,
    /// A fault: the container exits `crash_after_ms` after every start
    /// (never passing its readiness probe), so the kubelet restarts it with
    /// a growing back-off (CrashLoopBackOff).
    pub crash_loop: bool,
    pub crash_after_ms: u64,
}

impl Default for PodTemplate {
    fn default() -> Self {
        PodTemplate {
            labels: BTreeMap::new(),
            cpu_request_millicores: 250,
            memory_request_mib: 256,
            container_start_ms: 2_000,
            liveness_probe: ProbeConfig::default(),
            readiness_probe: ProbeConfig::default(),
            tolerations: Vec::new(),
            node_failure_toleration_ms: 300_000,
            node_affinity: NodeAffinity::default(),
            termination_grace_period_ms: 30_000,
            crash_loop: false,
            crash_after_ms: 1_000,
        }
    }
}

/// A Deployment: keeps `replicas` pods of the current template, and rolls
/// from one template to the next within maxSurge / maxUnavailable.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DeploymentConfig {
    pub replicas: u32,
    pub template: PodTemplate,
    /// Extra pods a rolling update may create above `replicas`, as a
    /// percentage of `replicas`, rounded up.
    pub max_surge_percent: u32,
    /// Pods a rolling update may take below `replicas`, as a percentage of
    /// `replicas`, rounded down.
    pub max_unavailable_percent: u32,
}

impl Default for DeploymentConfig {
    fn default() -> Self {
        DeploymentConfig {
            replicas: 3,
            template: PodTemplate::default(),
            max_surge_percent: 25,
            max_unavailable_percent: 25,
        }
    }
}

impl DeploymentConfig {
    /// (maxSurge, maxUnavailable) in pods for `replicas`, as Kubernetes
    /// resolves percentages: surge rounds up, unavailable rounds down, and if
    /// both come out zero, one pod may be unavailable.
    pub fn rolling_limits(&self, replicas: u32) -> (u32, u32) {
        let surge = (u64::from(replicas) * u64::from(self.max_surge_percent)).div_ceil(100) as u32;
        let unavailable = (u64::from(replicas) * u64::from(self.max_unavailable_percent) / 100) as u32;
        if surge == 0 && unavailable == 0 {
            (0, 1)
        } else {
            (surge, unavailable)
        }
    }
}

/// How a Service is reached.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ServiceType {
    /// A virtual IP inside the cluster.
    #[default]
    ClusterIp,
    /// ClusterIP plus a port (30000–32767) on every node.
    NodePort,
    /// NodePort plus a cloud load balancer in front of the nodes.
    LoadBalancer,
}

/// How kube-proxy spreads connections over a Service's endpoints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LoadBalancing {
    /// iptables mode: a random endpoint per connection (seeded here).
    #[default]
    Random,
    /// IPVS `rr`: each endpoint in turn.
    RoundRobin,
}

/// A Service: a stable address for the Ready pods its selector matches.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServiceConfig {
    /// Pods whose labels include all of these are endpoints (when Ready).
    /// An empty selector selects nothing, as a selector-less Service.
    pub selector: BTreeMap<String, String>,
    pub service_type: ServiceType,
    pub port: u16,
    /// For NodePort and LoadBalancer; `None` picks a free port from 30000.
    pub node_port: Option<u16>,
    pub load_balancing: LoadBalancing,
}

impl Default for ServiceConfig {
    fn default() -> Self {
        ServiceConfig {
            selector: BTreeMap::new(),
            service_type: ServiceType::ClusterIp,
            port: 80,
            node_port: None,
            load_balancing: LoadBalancing::Random,
        }
    }
}

impl ServiceConfig {
    /// A ClusterIP Service selecting the pods of one deployment (`app: name`).
    pub fn for_deployment(deployment: &str) -> Self {
        let mut selector = BTreeMap::new();
        selector.insert("app".to_string(), deployment.to_string());
        ServiceConfig { selector, ..ServiceConfig::default() }
    }
}

/// One Ingress rule: requests for `host` (empty: any host) whose path starts
/// with `path_prefix` go to `service`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct IngressRule {
    pub host: String,
    pub path_prefix: String,
    pub service: String,
}

/// An Ingress: HTTP routing by host and path to Services. It does nothing
/// without an ingress controller installed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct IngressConfig {
    /// Whether an ingress controller (ingress-nginx, say) serves this
    /// Ingress. Without one, every request fails.
    pub controller_installed: bool,
    pub rules: Vec<IngressRule>,
}

impl Default for IngressConfig {
    fn default() -> Self {
        IngressConfig { controller_installed: true, rules: Vec::new() }
    }
}

/// How kube-scheduler scores the nodes that pass the filters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScoringStrategy {
    /// Prefer the node with the most room left: spreads pods.
    #[default]
    LeastAllocated,
    /// Prefer the fullest node that still fits: packs pods (bin-packing).
    MostAllocated,
}

/// The control plane: kube-apiserver backed by etcd, kube-scheduler and
/// kube-controller-manager (which runs the node lifecycle, ReplicaSet,
/// Deployment and endpoints controllers).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ControlPlaneConfig {
    /// 1–7; the API needs a quorum of ⌊n/2⌋+1 members up.
    pub etcd_members: u32,
    pub etcd_heartbeat_ms: u64,
    /// How long etcd is without a leader after its leader dies or quorum
    /// returns, before a new leader is elected.
    pub etcd_election_timeout_ms: u64,
    pub scheduler_replicas: u32,
    pub controller_manager_replicas: u32,
    pub scoring: ScoringStrategy,
    /// Leader election of kube-scheduler and kube-controller-manager.
    pub leader_lease_ms: u64,
    pub leader_renew_deadline_ms: u64,
    pub leader_retry_period_ms: u64,
    /// How often the node lifecycle controller checks node heartbeats.
    pub node_monitor_period_ms: u64,
    /// A node with no status for this long is marked NotReady and tainted.
    pub node_monitor_grace_period_ms: u64,
}

impl Default for ControlPlaneConfig {
    fn default() -> Self {
        ControlPlaneConfig {
            etcd_members: 3,
            etcd_heartbeat_ms: 100,
            etcd_election_timeout_ms: 1_000,
            scheduler_replicas: 1,
            controller_manager_replicas: 1,
            scoring: ScoringStrategy::LeastAllocated,
            leader_lease_ms: 15_000,
            leader_renew_deadline_ms: 10_000,
            leader_retry_period_ms: 2_000,
            node_monitor_period_ms: 5_000,
            node_monitor_grace_period_ms: 50_000,
        }
    }
}

/// Settings every kubelet shares.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KubeletConfig {
    /// How often a kubelet posts node status (its heartbeat).
    pub node_status_update_period_ms: u64,
    /// Restart back-off after a container exits: starts here, doubles on
    /// every exit, capped at the maximum, and resets after the container ran
    /// for the reset time.
    pub crash_backoff_initial_ms: u64,
    pub crash_backoff_max_ms: u64,
    pub crash_backoff_reset_ms: u64,
}

impl Default for KubeletConfig {
    fn default() -> Self {
        KubeletConfig {
            node_status_update_period_ms: 10_000,
            crash_backoff_initial_ms: 10_000,
            crash_backoff_max_ms: 300_000,
            crash_backoff_reset_ms: 600_000,
        }
    }
}

/// The whole cluster as data: what a test or a scenario builds and
/// [`super::Cluster::new`] runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ClusterSpec {
    pub control_plane: ControlPlaneConfig,
    pub kubelet: KubeletConfig,
    pub nodes: Vec<Named<NodeConfig>>,
    pub deployments: Vec<Named<DeploymentConfig>>,
    pub services: Vec<Named<ServiceConfig>>,
    pub ingresses: Vec<Named<IngressConfig>>,
}

/// Why a cluster spec cannot run: one sentence per problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClusterSpecError(pub Vec<String>);

impl fmt::Display for ClusterSpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the cluster cannot run: ")?;
        for (i, e) in self.0.iter().take(5).enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            f.write_str(e)?;
        }
        if self.0.len() > 5 {
            write!(f, "; and {} more", self.0.len() - 5)?;
        }
        Ok(())
    }
}

impl std::error::Error for ClusterSpecError {}

impl ClusterSpec {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a node (builder style, for tests and presets).
    pub fn node(mut self, name: &str, config: NodeConfig) -> Self {
        self.nodes.push(Named::new(name, config));
        self
    }

    pub fn deployment(mut self, name: &str, config: DeploymentConfig) -> Self {
        self.deployments.push(Named::new(name, config));
        self
    }

    pub fn service(mut self, name: &str, config: ServiceConfig) -> Self {
        self.services.push(Named::new(name, config));
        self
    }

    pub fn ingress(mut self, name: &str, config: IngressConfig) -> Self {
        self.ingresses.push(Named::new(name, config));
        self
    }

    /// Checks everything the engine relies on. Messages name the item.
    pub fn validate(&self) -> Result<(), ClusterSpecError> {
        let mut errors = Vec::new();
        let cp = &self.control_plane;
        if !(1..=MAX_ETCD_MEMBERS).contains(&cp.etcd_members) {
            errors.push(format!("etcd needs 1 to {MAX_ETCD_MEMBERS} members, not {}", cp.etcd_members));
        }
        for (what, n) in
            [("kube-scheduler", cp.scheduler_replicas), ("kube-controller-manager", cp.controller_manager_replicas)]
        {
            if !(1..=MAX_CONTROL_PLANE_REPLICAS).contains(&n) {
                errors.push(format!("{what} needs 1 to {MAX_CONTROL_PLANE_REPLICAS} replicas, not {n}"));
            }
        }
        for (what, ms) in [
            ("etcd_heartbeat_ms", cp.etcd_heartbeat_ms),
            ("leader_lease_ms", cp.leader_lease_ms),
            ("leader_renew_deadline_ms", cp.leader_renew_deadline_ms),
            ("leader_retry_period_ms", cp.leader_retry_period_ms),
            ("node_monitor_period_ms", cp.node_monitor_period_ms),
            ("node_monitor_grace_period_ms", cp.node_monitor_grace_period_ms),
            ("node_status_update_period_ms", self.kubelet.node_status_update_period_ms),
            ("crash_backoff_initial_ms", self.kubelet.crash_backoff_initial_ms),
        ] {
            if ms == 0 {
                errors.push(format!("{what} must be more than 0"));
            }
        }
        if cp.leader_renew_deadline_ms >= cp.leader_lease_ms {
            errors.push("leader_renew_deadline_ms must be shorter than leader_lease_ms".into());
        }
        if self.kubelet.crash_backoff_max_ms < self.kubelet.crash_backoff_initial_ms {
            errors.push("crash_backoff_max_ms must be at least crash_backoff_initial_ms".into());
        }

        if self.nodes.len() > MAX_NODES {
            errors.push(format!("a cluster has at most {MAX_NODES} nodes, not {}", self.nodes.len()));
        }
        check_names("node", self.nodes.iter().map(|n| n.name.as_str()), &mut errors);
        for n in &self.nodes {
            let c = &n.config;
            let name = short(&n.name);
            if c.cpu_millicores == 0 || c.memory_mib == 0 {
                errors.push(format!("node '{name}' needs some allocatable CPU and memory"));
            }
            if !(1..=MAX_PODS_PER_NODE).contains(&c.max_pods) {
                errors.push(format!("node '{name}': max_pods must be 1 to {MAX_PODS_PER_NODE}"));
            }
            check_label_text(&format!("node '{name}' zone"), &c.zone, &mut errors);
            for (k, v) in &c.labels {
                check_label_text(&format!("node '{name}' label"), k, &mut errors);
                check_label_text(&format!("node '{name}' label"), v, &mut errors);
            }
            for t in &c.taints {
                if t.key.is_empty() {
                    errors.push(format!("node '{name}' has a taint without a key"));
                }
                check_label_text(&format!("node '{name}' taint"), &t.key, &mut errors);
                check_label_text(&format!("node '{name}' taint"), &t.value, &mut errors);
            }
        }

        if self.deployments.len() > MAX_DEPLOYMENTS {
            errors.push(format!("a cluster has at most {MAX_DEPLOYMENTS} deployments"));
        }
        check_names("deployment", self.deployments.iter().map(|d| d.name.as_str()), &mut errors);
        for d in &self.deployments {
            validate_deployment(&d.name, &d.config, &mut errors);
        }

        if self.services.len() > MAX_SERVICES {
            errors.push(format!("a cluster has at most {MAX_SERVICES} services"));
        }
        check_names("service", self.services.iter().map(|s| s.name.as_str()), &mut errors);
        let mut ports = BTreeSet::new();
        for s in &self.services {
            let name = short(&s.name);
            for (k, v) in &s.config.selector {
                check_label_text(&format!("service '{name}' selector"), k, &mut errors);
                check_label_text(&format!("service '{name}' selector"), v, &mut errors);
            }
            if let Some(p) = s.config.node_port {
                if s.config.service_type == ServiceType::ClusterIp {
                    errors.push(format!("service '{name}' is ClusterIP: it has no node port"));
                } else if !(NODE_PORT_MIN..=NODE_PORT_MAX).contains(&p) {
                    errors
                        .push(format!("service '{name}': node_port must be {NODE_PORT_MIN}–{NODE_PORT_MAX}, not {p}"));
                } else if !ports.insert(p) {
                    errors.push(format!("service '{name}': node port {p} is already taken"));
                }
            }
        }

        if self.ingresses.len() > MAX_INGRESSES {
            errors.push(format!("a cluster has at most {MAX_INGRESSES} ingresses"));
        }
        check_names("ingress", self.ingresses.iter().map(|i| i.name.as_str()), &mut errors);
        for i in &self.ingresses {
            let name = short(&i.name);
            if i.config.rules.len() > 100 {
                errors.push(format!("ingress '{name}' has more than 100 rules"));
            }
            for r in &i.config.rules {
                if !self.services.iter().any(|s| s.name == r.service) {
                    errors.push(format!("ingress '{name}' routes to '{}', which is not a service", short(&r.service)));
                }
                if r.host.len() > 253 || r.path_prefix.len() > 253 {
                    errors.push(format!("ingress '{name}': host and path are at most 253 characters"));
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ClusterSpecError(errors))
        }
    }
}

/// Checks a deployment's settings; also used for live template changes.
pub fn validate_deployment(name: &str, d: &DeploymentConfig, errors: &mut Vec<String>) {
    let name = short(name);
    if d.replicas > MAX_REPLICAS {
        errors.push(format!("deployment '{name}' asks for {} replicas; the most is {MAX_REPLICAS}", d.replicas));
    }
    if d.max_surge_percent > 100 || d.max_unavailable_percent > 100 {
        errors.push(format!("deployment '{name}': surge and unavailable percentages are 0–100"));
    }
    validate_template(&format!("deployment '{name}'"), &d.template, errors);
}

/// Checks a pod template.
pub fn validate_template(what: &str, t: &PodTemplate, errors: &mut Vec<String>) {
    for (probe_name, p) in [("liveness", &t.liveness_probe), ("readiness", &t.readiness_probe)] {
        if !p.enabled {
            continue;
        }
        if p.period_ms == 0 || p.failure_threshold == 0 || p.success_threshold == 0 {
            errors.push(format!("{what}: the {probe_name} probe needs a period and thresholds above 0"));
        }
        if p.timeout_ms == 0 || p.timeout_ms >= p.period_ms {
            errors.push(format!("{what}: the {probe_name} probe's timeout must be above 0 and below its period"));
        }
    }
    if t.liveness_probe.enabled && t.liveness_probe.success_threshold != 1 {
        errors.push(format!("{what}: a liveness probe's success threshold must be 1"));
    }
    if t.crash_loop && t.crash_after_ms == 0 {
        errors.push(format!("{what}: a crash-looping container needs crash_after_ms above 0"));
    }
    if t.tolerations.len() > 20 {
        errors.push(format!("{what}: at most 20 tolerations"));
    }
    for tol in &t.tolerations {
        if tol.key.is_empty() && tol.operator == TolerationOperator::Equal {
            errors.push(format!("{what}: a toleration without a key must use the Exists operator"));
        }
        check_label_text(what, &tol.key, errors);
        check_label_text(what, &tol.value, errors);
    }
    for (k, v) in t.labels.iter().chain(t.node_affinity.match_labels.iter()) {
        check_label_text(&format!("{what} label"), k, errors);
        check_label_text(&format!("{what} label"), v, errors);
    }
    if t.labels.contains_key("app") {
        errors.push(format!("{what}: the 'app' label is set to the deployment's name; use another key"));
    }
    for z in &t.node_affinity.zones {
        check_label_text(&format!("{what} zone"), z, errors);
    }
}

fn check_names<'a>(kind: &str, names: impl Iterator<Item = &'a str>, errors: &mut Vec<String>) {
    let mut seen = BTreeSet::new();
    for name in names {
        if name.is_empty() {
            errors.push(format!("a {kind} has no name"));
        } else if name.len() > MAX_NAME_LEN {
            errors.push(format!("{kind} name '{}…' is longer than {MAX_NAME_LEN} characters", short(name)));
        } else if !seen.insert(name) {
            errors.push(format!("two {kind}s are called '{name}'"));
        }
    }
}

fn check_label_text(what: &str, text: &str, errors: &mut Vec<String>) {
    if text.len() > MAX_NAME_LEN {
        errors.push(format!("{what} '{}…' is longer than {MAX_NAME_LEN} characters", short(text)));
    }
}

/// A printable excerpt, so a hostile name cannot flood a message.
pub(crate) fn short(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rolling_limits_round_as_kubernetes() {
        let d = DeploymentConfig::default();
        assert_eq!(d.rolling_limits(4), (1, 1));
        assert_eq!(d.rolling_limits(10), (3, 2));
        assert_eq!(d.rolling_limits(3), (1, 0));
        assert_eq!(d.rolling_limits(1), (1, 0));
        let none = DeploymentConfig { max_surge_percent: 0, max_unavailable_percent: 0, ..d };
        assert_eq!(none.rolling_limits(4), (0, 1));
    }

    #[test]
    fn tolerations_match_like_kubernetes() {
        let any = Toleration { operator: TolerationOperator::Exists, ..Toleration::default() };
        assert!(any.tolerates("x", "y", TaintEffect::NoExecute));
        let key = Toleration {
            key: "gpu".into(),
            operator: TolerationOperator::Exists,
            effect: Some(TaintEffect::NoSchedule),
            ..Toleration::default()
        };
        assert!(key.tolerates("gpu", "a100", TaintEffect::NoSchedule));
        assert!(!key.tolerates("gpu", "a100", TaintEffect::NoExecute));
        let eq = Toleration { key: "team".into(), value: "a".into(), ..Toleration::default() };
        assert!(eq.tolerates("team", "a", TaintEffect::NoExecute));
        assert!(!eq.tolerates("team", "b", TaintEffect::NoExecute));
    }

    #[test]
    fn defaults_survive_json_and_unknown_fields_are_refused() {
        let spec = ClusterSpec::new()
            .node("node-a", NodeConfig::default())
            .deployment("web", DeploymentConfig::default())
            .service("web", ServiceConfig::for_deployment("web"));
        let json = serde_json::to_string(&spec).unwrap();
        assert_eq!(serde_json::from_str::<ClusterSpec>(&json).unwrap(), spec);
        let minimal: ClusterSpec = serde_json::from_str(r#"{"nodes":[{"name":"n"}]}"#).unwrap();
        assert_eq!(minimal.nodes[0].config, NodeConfig::default());
        assert!(serde_json::from_str::<ClusterSpec>(r#"{"nodes":[{"name":"n","cpu":1}]}"#).is_err());
    }

    #[test]
    fn bad_specs_get_sentences() {
        let mut spec = ClusterSpec::new().node("a", NodeConfig::default()).node("a", NodeConfig::default());
        spec.control_plane.etcd_members = 8;
        spec.ingresses.push(Named::new(
            "in",
            IngressConfig {
                rules: vec![IngressRule { service: "nope".into(), ..IngressRule::default() }],
                ..IngressConfig::default()
            },
        ));
        let errors = spec.validate().unwrap_err().0;
        assert!(errors.iter().any(|e| e.contains("etcd needs 1 to 7")), "{errors:?}");
        assert!(errors.iter().any(|e| e.contains("two nodes are called 'a'")), "{errors:?}");
        assert!(errors.iter().any(|e| e.contains("'nope', which is not a service")), "{errors:?}");
    }
}
