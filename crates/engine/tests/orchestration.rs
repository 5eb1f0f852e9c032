//! Messaging on orchestration, as the lesson reads: consumers and
//! publishers run on a Deployment, so a node or a zone dying shows up as a
//! growing queue that drains once Kubernetes has rescheduled the pods; a
//! direct call to a Service fails while no endpoint is Ready.

mod support;

use fanout_engine::broker::{Command, LostReason, TraceKind};
use fanout_engine::scenario::{ComponentId, Fault, Scenario, ScheduledFault};
use fanout_engine::sim::Rng;
use fanout_engine::{SimTime, Simulation};
use support::{ms, preset_scenario, secs, Build, Lesson};

/// The presets this feature added; each has a cluster.
const CLUSTER_PRESETS: [&str; 7] = [
    "pod-failover",
    "zone-outage",
    "etcd-quorum",
    "bin-packing-vs-spreading",
    "bin-packing",
    "readiness-probe",
    "ingress-and-node-port",
];

fn id(text: &str) -> ComponentId {
    ComponentId::new(text)
}

#[test]
fn a_zone_outage_grows_the_queues_then_drains_them_once_pods_move_to_the_other_zone() {
    let mut t = Lesson::preset("zone-outage");
    t.run_until(secs(59));
    assert_eq!(t.ready_pods("shipping-pods"), 4, "four pods serve before the outage");
    assert_eq!(t.instances_of("shipping"), 4, "one consumer instance per Ready pod");
    let before = t.depth("shipping-queue");
    assert!(before < 10, "the queue keeps up before the outage: {before}");

    // The fault script kills zone-a at 60 s: its pods stop at once.
    t.run_until(secs(61));
    let left = t.ready_pods("shipping-pods");
    assert!(left < 4, "zone-a's pods are gone: {left} left");
    assert_eq!(t.instances_of("shipping"), left);

    // Kubernetes waits: NotReady after ~50 s, eviction 300 s later.
    t.run_until(secs(300));
    let grown = t.depth("shipping-queue");
    assert!(grown > 100, "the backlog grows while half the pods are gone: {grown}");
    assert!(t.ready_pods("shipping-pods") < 4, "nothing is replaced before the eviction");

    t.run_until(secs(480));
    assert_eq!(t.ready_pods("shipping-pods"), 4, "replacements are Ready ~6 minutes after the outage");
    for node in t.serving_nodes_of("shipping-pods") {
        assert!(node.starts_with("b-"), "every serving pod is on zone-b now, not {node}");
    }

    t.run_until(secs(900));
    let drained = t.depth("shipping-queue");
    assert!(drained < 20, "the backlog drains: {drained} left");
    assert_eq!(t.lost(), 0, "SQS kept every order through the outage");
}

/// publisher → service (direct HTTP calls) → a consumer on a 1-pod deployment.
fn direct_to_service() -> Build {
    let mut b = Build::new();
    b.publisher("clients", |p| p.rate_per_s = 5.0)
        .service("web", "web-pods")
        .consumer("web-app", |c| c.processing_time_ms = 50)
        .deployment("web-pods", 1)
        .node("node-1", "zone-a")
        .control_plane("control-plane")
        .runs_on("web-app", "web-pods")
        .wire("clients", "web");
    b
}

#[test]
fn a_direct_call_to_a_service_fails_while_no_endpoint_is_ready() {
    let mut t = direct_to_service().lesson();
    // The pod starts 2 s after it is bound: until then, no endpoint.
    t.run_until(secs(1));
    assert_eq!(t.ready_pods("web-pods"), 0);
    let early = t.lost_at("web");
    assert!(early > 0, "calls before the pod is Ready fail");
    assert_eq!(t.count(TraceKind::Lost(LostReason::NoReadyEndpoint)) as u64, early);

    t.run_until(secs(5));
    let settled = t.lost_at("web");
    assert_eq!(t.ready_pods("web-pods"), 1);
    t.run_until(secs(30));
    assert_eq!(t.lost_at("web"), settled, "once the pod is Ready, calls succeed");
    assert!(t.delivered_at("web-app") > 100);

    // The release crash-loops: the pod leaves the endpoints, calls fail again.
    t.apply(Fault::CrashLoop(id("web-pods"), true));
    t.run_until(secs(60));
    let failing = t.lost_at("web");
    assert!(failing > settled + 50, "calls fail while no endpoint is Ready: {failing}");
    let service = t.cluster().service("web").unwrap();
    assert!(service.endpoints.is_empty());
    assert!(service.counters.failed() >= failing - settled, "the service counts the failed requests");
    assert_eq!(t.lost(), t.lost_at("web"), "every loss is a failed call at the service");
}

/// Clients calling a three-pod deployment on three nodes through a service
/// of `service_type`, with node-1 killed at 30 s.
fn calls_through(service_type: fanout_engine::cluster::ServiceType) -> Lesson {
    let mut b = Build::new();
    b.publisher("clients", |p| p.rate_per_s = 30.0)
        .service_of_type("web", "web-pods", service_type)
        .consumer("web-app", |c| c.processing_time_ms = 20)
        .deployment("web-pods", 3)
        .node("node-1", "zone-a")
        .node("node-2", "zone-a")
        .node("node-3", "zone-a")
        .control_plane("control-plane")
        .runs_on("web-app", "web-pods")
        .wire("clients", "web")
        .fault_at(30_000, Fault::Kill(id("node-1")));
    b.lesson()
}

#[test]
fn a_node_port_service_fails_the_calls_sent_to_a_dead_nodes_address_a_load_balancer_does_not() {
    use fanout_engine::cluster::ServiceType;
    let mut node_port = calls_through(ServiceType::NodePort);
    let mut load_balancer = calls_through(ServiceType::LoadBalancer);
    for t in [&mut node_port, &mut load_balancer] {
        t.run_until(secs(29));
        assert_eq!(t.lost(), t.lost_at("web"), "only start-up calls fail before the kill");
    }
    let before = (node_port.lost(), load_balancer.lost());

    // Long after the pod was replaced (NotReady at ~80 s, evicted at ~380 s,
    // Ready again a few seconds later), NodePort clients still send a third
    // of their calls to the dead node's address; the load balancer's health
    // checks took it out of rotation at once.
    node_port.run_until(secs(600));
    load_balancer.run_until(secs(600));
    let node_down = node_port.count(TraceKind::Lost(LostReason::NodeDown)) as u64;
    let calls = 570.0 * 30.0;
    assert!(
        (node_down as f64) > calls / 3.0 * 0.9,
        "about a third of {calls} calls went to the dead node: {node_down}"
    );
    assert_eq!(load_balancer.count(TraceKind::Lost(LostReason::NodeDown)), 0);
    let lb_lost = load_balancer.lost() - before.1;
    assert!(lb_lost > 0, "until NotReady, calls still reach the dead pod's endpoint");
    assert!(lb_lost < node_down / 5, "the load balancer loses far fewer: {lb_lost} vs {node_down}");
    assert_eq!(load_balancer.ready_pods("web-pods"), 3, "the pod was replaced");
}

#[test]
fn an_ingress_routes_by_path_and_fails_requests_no_rule_matches() {
    let mut b = Build::new();
    b.publisher("books-shop", |p| p.rate_per_s = 5.0)
        .publisher("food-shop", |p| p.rate_per_s = 5.0)
        .publisher("lost-shop", |p| p.rate_per_s = 5.0)
        .ingress("gateway", &[("/books", "books"), ("/food", "food")])
        .service("books", "books-pods")
        .service("food", "food-pods")
        .consumer("books-app", |c| c.processing_time_ms = 20)
        .consumer("food-app", |c| c.processing_time_ms = 20)
        .deployment("books-pods", 1)
        .deployment("food-pods", 1)
        .node("node-1", "zone-a")
        .control_plane("control-plane")
        .runs_on("books-app", "books-pods")
        .runs_on("food-app", "food-pods")
        .wire_with("books-shop", "gateway", |w| w.path = "/books/123".into())
        .wire_with("food-shop", "gateway", |w| w.path = "/food".into())
        .wire_with("lost-shop", "gateway", |w| w.path = "/toys".into());
    let mut t = b.lesson();
    t.run_until(secs(60));
    // After start-up (no Ready endpoint for the first seconds), each shop's
    // orders reach the right service's consumer, and /toys matches nothing.
    let (books, food) = (t.delivered_at("books-app"), t.delivered_at("food-app"));
    assert!(books > 200 && food > 200, "books {books}, food {food}");
    assert!(books.abs_diff(food) < 60, "each gets its own shop's orders: books {books}, food {food}");
    let no_route = t.count(TraceKind::Lost(LostReason::NoIngressRoute)) as u64;
    assert!(no_route > 250, "every /toys request fails: {no_route}");
    let ingress = t.cluster().ingress_counters("gateway").unwrap();
    assert_eq!(ingress.no_route, no_route, "the ingress counts them too");
}

#[test]
fn through_the_ingress_calls_recover_once_the_node_is_not_ready_through_the_node_port_they_keep_failing() {
    let mut t = Lesson::preset("ingress-and-node-port");
    t.run_until(secs(29));
    let start_up = (t.lost_at("gateway"), t.lost_at("books-nodeport"));
    // node-1 dies at 30 s; NotReady about 50 s later takes its pods out of
    // the endpoints.
    t.run_until(secs(90));
    let at_not_ready = (t.lost_at("gateway"), t.lost_at("books-nodeport"));
    t.run_until(secs(300));
    assert_eq!(t.lost_at("gateway"), at_not_ready.0, "ingress calls flow again once the endpoints are updated");
    let node_port_failures = t.lost_at("books-nodeport") - at_not_ready.1;
    // 3 calls/s, a third to node-1's address, for 210 s: about 210.
    assert!((150..=270).contains(&node_port_failures), "NodePort calls to the dead node keep failing: {node_port_failures}");
    assert!(at_not_ready.0 > start_up.0, "calls to the dead pods fail until NotReady");
    assert!(t.delivered_at("books-app") > 1_000 && t.delivered_at("food-app") > 1_000);
}

#[test]
fn a_topic_retries_a_push_to_a_service_with_no_ready_endpoint() {
    let mut b = Build::new();
    b.publisher("shop", |p| p.rate_per_s = 1.0)
        .topic("orders", |_| {})
        .service("web", "web-pods")
        .consumer("web-app", |_| {})
        .deployment("web-pods", 2)
        .node("node-1", "zone-a")
        .control_plane("control-plane")
        .runs_on("web-app", "web-pods")
        .wire("shop", "orders")
        .wire("orders", "web");
    let mut t = b.lesson();
    t.run_until(secs(60));
    assert!(t.count(TraceKind::RetryScheduled) > 0, "pushes before the pods were Ready were retried");
    assert_eq!(t.lost(), 0, "the HTTP retry policy (20 s apart) outlasts the pods' start");
    assert!(t.delivered_at("web-app") > 50);
}

#[test]
fn consumer_instances_follow_the_ready_pods_of_their_deployment() {
    let mut b = Build::new();
    b.publisher("shop", |p| p.rate_per_s = 5.0)
        .queue("jobs", |_| {})
        .consumer("worker", |c| c.concurrency = 2)
        .deployment("worker-pods", 3)
        .node("node-1", "zone-a")
        .node("node-2", "zone-b")
        .control_plane("control-plane")
        .runs_on("worker", "worker-pods")
        .wire("shop", "jobs")
        .wire("jobs", "worker");
    let mut t = b.lesson();
    assert_eq!(t.instances_of("worker"), 0, "no pod is Ready at t = 0");
    t.run_until(secs(10));
    assert_eq!((t.ready_pods("worker-pods"), t.instances_of("worker")), (3, 3));

    t.apply(Fault::Scale(id("worker-pods"), 5));
    t.run_until(secs(20));
    assert_eq!((t.ready_pods("worker-pods"), t.instances_of("worker")), (5, 5));

    t.apply(Fault::Scale(id("worker-pods"), 1));
    t.run_until(secs(30));
    assert_eq!(t.instances_of("worker"), 1, "scaled-down pods stop serving at once");

    // Its node dies: the instance is gone, messages wait, nothing is lost.
    let node = t.serving_nodes_of("worker-pods")[0].clone();
    t.apply(Fault::Kill(id(&node)));
    t.run_until(secs(31));
    assert_eq!(t.instances_of("worker"), 0);
    assert!(t.sim().activity(&id(&node)).down, "a dead node is drawn down");
    t.run_until(secs(60));
    assert!(t.depth("jobs") > 100, "the queue holds the orders while no instance runs");
    assert_eq!(t.lost(), 0);
    assert!(t.count(TraceKind::InstancesChanged) >= 4);
}

#[test]
fn a_publisher_on_a_deployment_publishes_only_with_ready_pods() {
    let mut b = Build::new();
    b.publisher("shop", |p| p.rate_per_s = 2.0)
        .queue("orders", |_| {})
        .deployment("shop-pods", 2)
        .node("node-1", "zone-a")
        .control_plane("control-plane")
        .runs_on("shop", "shop-pods")
        .wire("shop", "orders");
    let mut t = b.lesson();
    t.run_until(secs(1));
    assert_eq!(t.published(), 0, "no Ready pod yet: nothing is published");
    t.run_until(secs(12));
    let published = t.published();
    // Two instances at 2 orders/s each for ~10 s.
    assert!((36..=44).contains(&published), "{published}");
    t.apply(Fault::Scale(id("shop-pods"), 0));
    t.run_until(secs(13));
    let stopped = t.published();
    t.run_until(secs(30));
    assert_eq!(t.published(), stopped, "with 0 Ready pods the publisher publishes nothing");
}

fn hash_of(scenario: &Scenario, chunks: &[SimTime]) -> u64 {
    let mut sim = Simulation::new(scenario).unwrap();
    for &t in chunks {
        sim.run_until(t);
    }
    sim.trace_hash()
}

#[test]
fn same_seed_gives_the_same_cluster_trace_twice_and_however_it_is_chunked() {
    for stem in CLUSTER_PRESETS {
        let s = preset_scenario(stem);
        let whole = hash_of(&s, &[secs(420)]);
        assert_eq!(hash_of(&s, &[secs(420)]), whole, "{stem}");
        let mut rng = Rng::new(7);
        let mut t = SimTime::ZERO;
        let mut chunks = Vec::new();
        while t < secs(420) {
            t = (t + SimTime(1 + rng.below(2_000_000))).min(secs(420));
            chunks.push(t);
        }
        assert_eq!(hash_of(&s, &chunks), whole, "{stem} chunked");
    }
}

#[test]
fn a_scenario_without_a_cluster_has_the_same_trace_as_before_the_cluster_joined() {
    // Hashes recorded from the engine before cluster components existed:
    // each preset, every consumer killed at 20 s and revived at 50 s, 120 s.
    let before = [
        ("direct-coupling", 0xd2463435f878d9a9u64),
        ("sns-fanout", 0x8031768ccc915707),
        ("sns-sqs-per-service", 0xd21d951051325fe8),
        ("standard-vs-fifo", 0xd57ea05408f44fcb),
        ("poison-dlq", 0x676eacc46324c23f),
        ("sns-filter-policies", 0x894df66d4306699d),
        ("fifo-throttling", 0x580c1a7a52e7960c),
    ];
    for (stem, hash) in before {
        let s = preset_scenario(stem);
        let mut sim = Simulation::new(&s).unwrap();
        for c in &s.components {
            if c.kind() == fanout_engine::scenario::ComponentKind::Consumer {
                sim.schedule(secs(20), Command::Kill(c.id.clone())).unwrap();
                sim.schedule(secs(50), Command::Revive(c.id.clone())).unwrap();
            }
        }
        sim.run_until(secs(120));
        assert_eq!(sim.trace_hash(), hash, "{stem}: {:016x}", sim.trace_hash());
        assert!(sim.cluster().is_none());
    }
}

#[test]
fn every_cluster_preset_builds_and_runs_ten_minutes_with_its_invariants() {
    for stem in CLUSTER_PRESETS {
        let s = preset_scenario(stem);
        assert!(!s.title.is_empty() && s.description.len() > 100, "{stem} explains what to try");
        let mut sim = Simulation::new(&s).unwrap();
        let mut n = 0u64;
        while sim.process_one_event(secs(600)) {
            n += 1;
            if n % 17 == 0 {
                if let Err(problem) = sim.audit() {
                    panic!("{stem} at {}: {problem}", sim.now());
                }
            }
        }
        sim.audit().unwrap_or_else(|p| panic!("{stem}: {p}"));
        assert!(sim.conservation_holds(), "{stem}");
        let cluster = sim.cluster().expect("a cluster preset has a cluster");
        assert!(!cluster.nodes().is_empty(), "{stem}");
        // The lineage replay includes the cluster, so it is the same run.
        if sim.totals().published > 0 {
            assert!(!sim.lineage(1).is_empty(), "{stem}");
        }
    }
}

#[test]
fn pod_failover_marks_the_node_not_ready_then_replaces_its_pod() {
    let mut t = Lesson::preset("pod-failover");
    t.run_until(secs(29));
    assert_eq!(t.ready_pods("web-pods"), 3);
    t.run_until(secs(31));
    assert_eq!(t.instances_of("web-app"), 2, "node-1's pod stops with it");
    t.run_until(secs(100));
    let node = t.cluster().node("node-1").unwrap();
    assert_eq!(node.status, fanout_engine::cluster::NodeStatus::NotReady);
    let lost_while_listed = t.lost_at("web");
    assert!(lost_while_listed > 0, "calls to the dead pod failed until the API noticed");
    t.run_until(secs(150));
    assert_eq!(t.lost_at("web"), lost_while_listed, "after NotReady the dead endpoint is gone");
    t.run_until(secs(420));
    assert_eq!(t.ready_pods("web-pods"), 3, "a replacement runs elsewhere");
    assert!(!t.serving_nodes_of("web-pods").contains(&"node-1".to_string()));
}

#[test]
fn losing_etcd_quorum_stops_rescheduling_while_running_pods_keep_serving() {
    let mut t = Lesson::preset("etcd-quorum");
    t.run_until(secs(80));
    assert!(!t.cluster().api_available(), "two of three members are down");
    let delivered = t.delivered_at("web-app");
    t.run_until(secs(500));
    assert!(t.delivered_at("web-app") > delivered + 500, "the running pods keep serving");
    assert_eq!(t.ready_pods("web-pods"), 2, "node-1's pod is not replaced without quorum");
    assert_eq!(t.cluster().pods_of("web-pods").len(), 3, "nothing was evicted or created");
    assert!(t.sim().command(Fault::Scale(id("web-pods"), 5)).is_err(), "kubectl calls fail without quorum");
}

#[test]
fn spreading_and_bin_packing_place_the_same_pods_differently() {
    let per_node = |stem: &str| {
        let mut t = Lesson::preset(stem);
        t.run_until(secs(30));
        let mut counts: Vec<u32> = t.cluster().nodes().iter().map(|n| n.pods).collect();
        counts.sort_unstable_by(|a, b| b.cmp(a));
        counts
    };
    assert_eq!(per_node("bin-packing-vs-spreading"), vec![2, 2, 1, 1]);
    assert_eq!(per_node("bin-packing"), vec![4, 2, 0, 0]);
}

#[test]
fn cluster_components_and_faults_are_validated_with_clear_messages() {
    let messages = |s: &Scenario| -> Vec<String> {
        fanout_engine::scenario::validate(s).err().unwrap_or_default().iter().map(|e| e.to_string()).collect()
    };
    // No control plane.
    let mut b = Build::new();
    b.node("node-1", "zone-a");
    let text = messages(&b.scenario());
    assert!(text.iter().any(|m| m.contains("exactly one control plane")), "{text:?}");
    // Two control planes.
    b.control_plane("cp-1").control_plane("cp-2");
    let text = messages(&b.scenario());
    assert!(text.iter().any(|m| m.contains("exactly one control plane, not 2")), "{text:?}");

    // runs_on must name a deployment.
    let mut b = direct_to_service();
    b.runs_on("web-app", "node-1");
    let text = messages(&b.scenario());
    assert!(text.iter().any(|m| m.starts_with("web-app: runs_on must name a deployment")), "{text:?}");

    // Fault script entries.
    let mut s = direct_to_service().scenario();
    let at = |at_ms, fault| ScheduledFault { at_ms, fault };
    s.faults = vec![
        at(1, Fault::KillZone("zone-z".into())),
        at(2, Fault::KillPod(id("node-1"))),
        at(3, Fault::Cordon(id("web-pods"), true)),
        at(4, Fault::KillEtcdMember(id("control-plane"), 3)),
        at(5, Fault::KillScheduler(id("web"))),
        at(6, Fault::Kill(id("web"))),
    ];
    let text = messages(&s);
    for expected in [
        "fault 1 (at 1 ms): no node is in zone 'zone-z'",
        "fault 2 (at 2 ms): pods are killed or crash-looped through their deployment",
        "fault 3 (at 3 ms): only a node can be cordoned or drained",
        "fault 4 (at 4 ms): etcd members are numbered 0 to 2; there is no member 3",
        "fault 5 (at 5 ms): kube-scheduler and kube-controller-manager belong to the control plane",
        "fault 6 (at 6 ms): only publishers, consumers and nodes can be killed or revived",
    ] {
        assert!(text.iter().any(|m| m.starts_with(expected)), "{expected} in {text:?}");
    }

    // The same faults, live, are refused with a sentence.
    let mut t = direct_to_service().lesson();
    let err = t.sim().command(Fault::KillZone("zone-z".into())).unwrap_err();
    assert_eq!(err.to_string(), "No node is in zone 'zone-z'.");
    let err = t.sim().command(Fault::Drain(id("web"))).unwrap_err();
    assert!(err.to_string().contains("Only a node"), "{err}");
    // Wires into cluster parts other than services are refused with a reason.
    let err = fanout_engine::scenario::connection_rule(
        fanout_engine::scenario::ComponentKind::Publisher,
        fanout_engine::scenario::ComponentKind::Deployment,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("wire to a service"), "{err}");
    let _ = ms(0);
}
