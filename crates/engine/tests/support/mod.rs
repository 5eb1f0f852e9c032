//! A tiny scripted DSL so engine tests read like the lesson:
//! `t.kill("shipping"); t.run_until(secs(40)); assert_eq!(t.lost(), 0)`.
//! Every step checks the conservation invariant after every single event.
#![allow(dead_code)]

use fanout_engine::broker::{Command, TraceKind};
use fanout_engine::report::Counters;
use fanout_engine::scenario::{ComponentId, ConsumerConfig, Scenario, Spec};
use fanout_engine::{SimTime, Simulation};

pub fn ms(n: u64) -> SimTime {
    SimTime::from_ms(n)
}

pub fn secs(n: u64) -> SimTime {
    SimTime::from_secs(n)
}

/// The file stems of every preset in scenarios/, sorted.
#[allow(dead_code)] // Not every test file that includes `support` uses it.
pub fn preset_stems() -> Vec<String> {
    let dir = format!("{}/../../scenarios", env!("CARGO_MANIFEST_DIR"));
    let mut stems: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.strip_suffix(".json").map(str::to_string))
        .collect();
    stems.sort();
    stems
}

pub fn preset_scenario(stem: &str) -> Scenario {
    let path = format!("{}/../../scenarios/{stem}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Scenario::from_json(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub struct Lesson {
    pub scenario: Scenario,
    sim: Option<Simulation>,
    /// Publish times of every order, from the trace.
    published_at: Vec<SimTime>,
    redeliveries: u64,
    records: Vec<fanout_engine::broker::TraceRecord>,
}

impl Lesson {
    pub fn preset(stem: &str) -> Lesson {
        Lesson::new(preset_scenario(stem))
    }

    pub fn new(scenario: Scenario) -> Lesson {
        Lesson { scenario, sim: None, published_at: Vec::new(), redeliveries: 0, records: Vec::new() }
    }

    /// Changes a consumer's settings before the run starts.
    pub fn set_consumer(&mut self, id: &str, change: impl FnOnce(&mut ConsumerConfig)) {
        assert!(self.sim.is_none(), "change settings before running");
        let component = self.scenario.component_mut(&ComponentId::new(id)).expect("component exists");
        match &mut component.spec {
            Spec::Consumer(config) => change(config),
            other => panic!("{id} is not a consumer: {other:?}"),
        }
    }

    pub fn sim(&mut self) -> &mut Simulation {
        if self.sim.is_none() {
            self.sim = Some(Simulation::new(&self.scenario).expect("preset builds"));
        }
        self.sim.as_mut().unwrap()
    }

    /// Runs to `until`, auditing after every event.
    pub fn run_until(&mut self, until: SimTime) {
        self.sim();
        loop {
            let sim = self.sim.as_mut().unwrap();
            let written_before = sim.trace_records_written();
            if !sim.process_one_event(until) {
                break;
            }
            // Conservation is O(1): after every event. The full audit walks
            // every live copy: after every event while small, then sampled.
            assert!(sim.conservation_holds(), "conservation broken after event {} at {}", sim.events_processed(), sim.now());
            if sim.events_processed() < 20_000 || sim.events_processed() % 61 == 0 {
                if let Err(problem) = sim.audit() {
                    panic!("after event {} at {}: {problem}", sim.events_processed(), sim.now());
                }
            }
            let new = (sim.trace_records_written() - written_before) as usize;
            let records: Vec<_> = sim.recent_trace().rev().take(new).copied().collect();
            for r in records.into_iter().rev() {
                self.records.push(r);
                match r.kind {
                    TraceKind::Published => self.published_at.push(r.at),
                    TraceKind::VisibilityExpired => self.redeliveries += 1,
                    _ => {}
                }
            }
        }
        self.sim.as_mut().unwrap().run_until(until);
    }

    pub fn kill(&mut self, id: &str) {
        self.sim().command(Command::Kill(ComponentId::new(id))).expect("kill");
    }

    pub fn revive(&mut self, id: &str) {
        self.sim().command(Command::Revive(ComponentId::new(id))).expect("revive");
    }

    pub fn counters(&mut self, id: &str) -> Counters {
        self.sim().counters(&ComponentId::new(id)).expect("component exists")
    }

    pub fn totals(&mut self) -> Counters {
        self.sim().totals()
    }

    pub fn lost(&mut self) -> u64 {
        self.totals().lost
    }
    pub fn duplicates(&mut self) -> u64 {
        self.totals().duplicates
    }
    pub fn published(&mut self) -> u64 {
        self.totals().published
    }
    pub fn lost_at(&mut self, id: &str) -> u64 {
        self.counters(id).lost
    }
    pub fn delivered_at(&mut self, id: &str) -> u64 {
        self.counters(id).delivered
    }
    pub fn in_flight_somewhere(&mut self) -> u64 {
        let t = self.totals();
        t.in_flight + t.in_queue
    }
    pub fn redeliveries(&self) -> u64 {
        self.redeliveries
    }
    pub fn published_after(&self, t: SimTime) -> u64 {
        self.published_at.iter().filter(|p| **p > t).count() as u64
    }

    pub fn assert_drained(&mut self) {
        let t = self.totals();
        assert_eq!((t.in_queue, t.in_flight), (0, 0), "everything settled: {t:?}");
    }
}

/// Builds small scenarios in code, component by component, as a test reads.
pub struct Build {
    scenario: Scenario,
}

impl Default for Build {
    fn default() -> Self {
        Build::new()
    }
}

impl Build {
    pub fn new() -> Build {
        Build { scenario: Scenario::default() }
    }

    fn add(&mut self, id: &str, spec: Spec) -> &mut Build {
        let n = self.scenario.components.len() as f64;
        self.scenario.components.push(fanout_engine::scenario::Component {
            id: ComponentId::new(id),
            name: id.to_string(),
            x: 100.0 + 150.0 * n,
            y: 100.0,
            spec,
        });
        self
    }

    pub fn publisher(&mut self, id: &str, change: impl FnOnce(&mut fanout_engine::scenario::PublisherConfig)) -> &mut Build {
        let mut config = fanout_engine::scenario::PublisherConfig::default();
        change(&mut config);
        self.add(id, Spec::Publisher(config))
    }

    pub fn topic(&mut self, id: &str, change: impl FnOnce(&mut fanout_engine::scenario::TopicConfig)) -> &mut Build {
        let mut config = fanout_engine::scenario::TopicConfig { duplicate_delivery_ratio: 0.0, ..Default::default() };
        change(&mut config);
        self.add(id, Spec::Topic(config))
    }

    /// A queue with long polling and no random extras unless the test asks.
    pub fn queue(&mut self, id: &str, change: impl FnOnce(&mut fanout_engine::scenario::QueueConfig)) -> &mut Build {
        let mut config = fanout_engine::scenario::QueueConfig {
            receive_wait_ms: 20_000,
            duplicate_delivery_ratio: 0.0,
            reorder_ratio: 0.0,
            ..Default::default()
        };
        change(&mut config);
        self.add(id, Spec::Queue(config))
    }

    pub fn consumer(&mut self, id: &str, change: impl FnOnce(&mut ConsumerConfig)) -> &mut Build {
        let mut config = ConsumerConfig::default();
        change(&mut config);
        self.add(id, Spec::Consumer(config))
    }

    pub fn wire(&mut self, from: &str, to: &str) -> &mut Build {
        self.scenario.wires.push(fanout_engine::scenario::Wire::new(ComponentId::new(from), ComponentId::new(to)));
        self
    }

    pub fn wire_with(&mut self, from: &str, to: &str, change: impl FnOnce(&mut fanout_engine::scenario::Wire)) -> &mut Build {
        let mut wire = fanout_engine::scenario::Wire::new(ComponentId::new(from), ComponentId::new(to));
        change(&mut wire);
        self.scenario.wires.push(wire);
        self
    }

    pub fn fault_at(&mut self, at_ms: u64, fault: fanout_engine::scenario::Fault) -> &mut Build {
        self.scenario.faults.push(fanout_engine::scenario::ScheduledFault { at_ms, fault });
        self
    }

    pub fn seed(&mut self, seed: u64) -> &mut Build {
        self.scenario.seed = seed;
        self
    }

    pub fn scenario(&self) -> Scenario {
        self.scenario.clone()
    }

    pub fn lesson(&self) -> Lesson {
        Lesson::new(self.scenario.clone())
    }
}

impl Lesson {
    /// Every trace record of the run so far that `keep` selects, in order
    /// (collected while running; the ring may have dropped older ones).
    pub fn records(&self) -> &[fanout_engine::broker::TraceRecord] {
        &self.records
    }

    pub fn apply(&mut self, fault: fanout_engine::scenario::Fault) {
        self.sim().command(fault).expect("fault applies");
    }

    /// The order numbers a consumer processed successfully, in the order it did.
    pub fn processed_by(&mut self, id: &str) -> Vec<u64> {
        let index = self.scenario.components.iter().position(|c| c.id.as_str() == id).expect("component") as u32;
        self.records
            .iter()
            .filter(|r| r.kind == TraceKind::Processed && r.component == index)
            .map(|r| r.order)
            .collect()
    }

    pub fn count(&self, kind: TraceKind) -> usize {
        self.records.iter().filter(|r| r.kind == kind).count()
    }
}

impl Lesson {
    pub fn invariants(&mut self) -> fanout_engine::report::Invariants {
        self.sim().invariants()
    }
}

// ----- the cluster -----------------------------------------------------------------

impl Lesson {
    /// The embedded cluster (the scenario must have one).
    pub fn cluster(&mut self) -> &fanout_engine::cluster::Cluster {
        self.sim().cluster().expect("the scenario has a cluster")
    }

    /// Pods of a deployment really running and ready.
    pub fn ready_pods(&mut self, deployment: &str) -> u32 {
        let cluster = self.cluster();
        let index = cluster.deployment_index(deployment).expect("a deployment");
        cluster.ready_pods_of(index)
    }

    /// How many instances a consumer runs right now (its workers over its
    /// concurrency).
    pub fn instances_of(&mut self, consumer: &str) -> u32 {
        let concurrency = match &self.scenario.component(&ComponentId::new(consumer)).expect("component").spec {
            Spec::Consumer(c) => c.concurrency,
            other => panic!("{consumer} is not a consumer: {other:?}"),
        };
        self.sim().activity(&ComponentId::new(consumer)).workers / concurrency
    }

    /// Messages waiting in a queue (stored or delayed).
    pub fn depth(&mut self, queue: &str) -> u64 {
        self.counters(queue).in_queue
    }

    /// The nodes a deployment's serving pods run on, sorted.
    pub fn serving_nodes_of(&mut self, deployment: &str) -> Vec<String> {
        let mut nodes: Vec<String> =
            self.cluster().pods_of(deployment).into_iter().filter(|p| p.serving).filter_map(|p| p.node).collect();
        nodes.sort();
        nodes
    }
}

impl Build {
    fn add_cluster(&mut self, id: &str, spec: Spec) -> &mut Build {
        self.add(id, spec)
    }

    pub fn node(&mut self, id: &str, zone: &str) -> &mut Build {
        let config = fanout_engine::cluster::NodeConfig { zone: zone.into(), ..Default::default() };
        self.add_cluster(id, Spec::Node(config))
    }

    pub fn deployment(&mut self, id: &str, replicas: u32) -> &mut Build {
        let config = fanout_engine::cluster::DeploymentConfig { replicas, ..Default::default() };
        self.add_cluster(id, Spec::Deployment(config))
    }

    /// A ClusterIP service over one deployment's pods.
    pub fn service(&mut self, id: &str, deployment: &str) -> &mut Build {
        self.add_cluster(id, Spec::Service(fanout_engine::cluster::ServiceConfig::for_deployment(deployment)))
    }

    /// A service of the given type (NodePort, LoadBalancer) over one deployment's pods.
    pub fn service_of_type(
        &mut self,
        id: &str,
        deployment: &str,
        service_type: fanout_engine::cluster::ServiceType,
    ) -> &mut Build {
        let config = fanout_engine::cluster::ServiceConfig {
            service_type,
            ..fanout_engine::cluster::ServiceConfig::for_deployment(deployment)
        };
        self.add_cluster(id, Spec::Service(config))
    }

    /// An ingress with (path prefix, service) rules for any host.
    pub fn ingress(&mut self, id: &str, rules: &[(&str, &str)]) -> &mut Build {
        let rules = rules
            .iter()
            .map(|(path, service)| fanout_engine::cluster::IngressRule {
                host: String::new(),
                path_prefix: path.to_string(),
                service: service.to_string(),
            })
            .collect();
        let config = fanout_engine::cluster::IngressConfig { rules, ..Default::default() };
        self.add_cluster(id, Spec::Ingress(config))
    }

    pub fn control_plane(&mut self, id: &str) -> &mut Build {
        self.add_cluster(id, Spec::ControlPlane(Default::default()))
    }

    /// Runs a consumer or publisher on a deployment.
    pub fn runs_on(&mut self, id: &str, deployment: &str) -> &mut Build {
        let component = self.scenario.component_mut(&ComponentId::new(id)).expect("component exists");
        let runs_on = Some(ComponentId::new(deployment));
        match &mut component.spec {
            Spec::Consumer(c) => c.runs_on = runs_on,
            Spec::Publisher(p) => p.runs_on = runs_on,
            other => panic!("{id} cannot run on a deployment: {other:?}"),
        }
        self
    }
}
