//! A small DSL so cluster tests read like the lesson:
//! `t.kill_node("node-a"); t.run_for(secs(60)); assert_eq!(t.node_status("node-a"), NotReady)`.
//! Every run audits the cluster's invariants after every single event, and
//! keeps the whole trace so tests can ask when something first happened.
#![allow(dead_code)]

use fanout_engine::cluster::*;
use fanout_engine::SimTime;

pub fn secs(n: u64) -> SimTime {
    SimTime::from_secs(n)
}

pub fn ms(n: u64) -> SimTime {
    SimTime::from_ms(n)
}

/// A node with `cpu` millicores, `memory` MiB, in `zone`.
pub fn node(cpu: u64, memory: u64, zone: &str) -> NodeConfig {
    NodeConfig { cpu_millicores: cpu, memory_mib: memory, zone: zone.into(), ..NodeConfig::default() }
}

/// A deployment of `replicas` pods requesting `cpu` millicores and `memory` MiB.
pub fn deployment(replicas: u32, cpu: u64, memory: u64) -> DeploymentConfig {
    DeploymentConfig {
        replicas,
        template: PodTemplate { cpu_request_millicores: cpu, memory_request_mib: memory, ..PodTemplate::default() },
        ..DeploymentConfig::default()
    }
}

/// Three 4-core nodes in zones a, b, c; a 3-replica `web` deployment and
/// its ClusterIP service.
pub fn three_node_web() -> ClusterSpec {
    ClusterSpec::new()
        .node("node-a", node(4_000, 8_192, "zone-a"))
        .node("node-b", node(4_000, 8_192, "zone-b"))
        .node("node-c", node(4_000, 8_192, "zone-c"))
        .deployment("web", deployment(3, 500, 512))
        .service("web", ServiceConfig::for_deployment("web"))
}

/// A check run after every event.
pub type Check = Box<dyn FnMut(&ClusterSim)>;

pub struct T {
    pub sim: ClusterSim,
    /// Every trace record so far.
    pub trace: Vec<ClusterTraceRecord>,
    /// Called after every event (besides the audit), e.g. to check a
    /// rolling update's limits.
    pub check: Option<Check>,
    pub audit: bool,
}

impl T {
    pub fn new(spec: ClusterSpec) -> T {
        T::with_seed(spec, 1)
    }

    pub fn with_seed(spec: ClusterSpec, seed: u64) -> T {
        let sim = ClusterSim::new(&spec, seed).expect("spec is valid");
        let mut t = T { sim, trace: Vec::new(), check: None, audit: true };
        t.collect();
        t
    }

    pub fn now(&self) -> SimTime {
        self.sim.now()
    }

    fn collect(&mut self) {
        let written = self.sim.trace_records_written();
        let have = self.trace.len() as u64;
        let new = (written - have) as usize;
        assert!(new <= self.sim.recent_trace().len(), "trace ring overflowed between checks");
        let fresh: Vec<ClusterTraceRecord> = self.sim.recent_trace().rev().take(new).rev().copied().collect();
        self.trace.extend(fresh);
    }

    /// Runs to `until`, auditing after every event.
    pub fn run_until(&mut self, until: SimTime) {
        while self.sim.process_one_event(until) {
            self.collect();
            if self.audit {
                if let Err(e) = self.sim.audit() {
                    panic!("audit failed at {}: {e}", self.sim.now());
                }
            }
            if let Some(check) = self.check.as_mut() {
                check(&self.sim);
            }
        }
        self.sim.run_until(until);
    }

    pub fn run_for(&mut self, d: SimTime) {
        let until = self.now() + d;
        self.run_until(until);
    }

    pub fn command(&mut self, c: ClusterCommand) {
        self.sim.command(c.clone()).unwrap_or_else(|e| panic!("{c:?}: {e}"));
        self.collect();
    }

    pub fn try_command(&mut self, c: ClusterCommand) -> Result<(), ClusterCommandError> {
        let r = self.sim.command(c);
        self.collect();
        r
    }

    pub fn kill_node(&mut self, n: &str) {
        self.command(ClusterCommand::KillNode(n.into()));
    }
    pub fn revive_node(&mut self, n: &str) {
        self.command(ClusterCommand::ReviveNode(n.into()));
    }
    pub fn kill_zone(&mut self, z: &str) {
        self.command(ClusterCommand::KillZone(z.into()));
    }
    pub fn kill_etcd(&mut self, m: u32) {
        self.command(ClusterCommand::KillEtcdMember(m));
    }
    pub fn revive_etcd(&mut self, m: u32) {
        self.command(ClusterCommand::ReviveEtcdMember(m));
    }
    pub fn scale(&mut self, d: &str, replicas: u32) {
        self.command(ClusterCommand::Scale { deployment: d.into(), replicas });
    }

    pub fn node_status(&self, n: &str) -> NodeStatus {
        self.sim.node(n).expect("node exists").status
    }

    pub fn pods_of(&self, d: &str) -> Vec<PodView> {
        self.sim.pods_of(d)
    }

    /// Pods of `d` not being deleted, by node name.
    pub fn placement(&self, d: &str) -> Vec<(String, String)> {
        self.pods_of(d)
            .into_iter()
            .filter(|p| p.status != PodStatus::Terminating)
            .map(|p| (p.name, p.node.unwrap_or_default()))
            .collect()
    }

    /// How many of `d`'s pods each node holds (not Terminating), in node order.
    pub fn per_node(&self, d: &str) -> Vec<usize> {
        let pods = self.pods_of(d);
        self.sim
            .nodes()
            .iter()
            .map(|n| {
                pods.iter().filter(|p| p.status != PodStatus::Terminating && p.node.as_deref() == Some(&n.name)).count()
            })
            .collect()
    }

    /// API-Ready pods of `d`.
    pub fn ready(&self, d: &str) -> u32 {
        self.sim.deployment(d).expect("deployment exists").ready
    }

    /// Pods of `d` really running and ready.
    pub fn serving(&self, d: &str) -> u32 {
        let i = self.sim.deployment_index(d).expect("deployment exists");
        self.sim.ready_pods_of(i)
    }

    pub fn endpoints(&self, s: &str) -> usize {
        self.sim.service(s).expect("service exists").endpoints.len()
    }

    /// Times of the records of `kind`, in order.
    pub fn times_of(&self, kind: ClusterTraceKind) -> Vec<SimTime> {
        self.trace.iter().filter(|r| r.kind == kind).map(|r| r.at).collect()
    }

    pub fn records(&self, kind: ClusterTraceKind) -> Vec<ClusterTraceRecord> {
        self.trace.iter().filter(|r| r.kind == kind).copied().collect()
    }

    pub fn first(&self, kind: ClusterTraceKind) -> Option<SimTime> {
        self.trace.iter().find(|r| r.kind == kind).map(|r| r.at)
    }

    /// The first record of `kind` at or after `from`.
    pub fn first_after(&self, kind: ClusterTraceKind, from: SimTime) -> Option<SimTime> {
        self.trace.iter().find(|r| r.kind == kind && r.at >= from).map(|r| r.at)
    }

    /// The trace as sentences (for failure messages).
    pub fn story(&self) -> String {
        self.trace
            .iter()
            .map(|r| format!("{:>10}  {}", r.at.to_string(), self.sim.describe(r)))
            .collect::<Vec<_>>()
            .join("\n")
    }
}
