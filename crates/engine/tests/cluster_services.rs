//! Services and kube-proxy: only Ready endpoints get traffic; a Service with
//! none fails every request (counted); NodePort and LoadBalancer go through
//! nodes; Ingress routes host/path and needs a controller.

mod cluster_support;

use cluster_support::*;
use fanout_engine::cluster::*;
use std::collections::BTreeMap;

fn route(t: &mut T, s: &str) -> Result<Routed, RouteError> {
    t.sim.cluster_mut().route_request(s)
}

#[test]
fn a_service_with_no_ready_endpoint_fails_requests_and_counts_them() {
    let mut t = T::new(three_node_web());
    t.run_until(secs(1));
    for _ in 0..10 {
        assert_eq!(route(&mut t, "web"), Err(RouteError::NoEndpoint));
    }
    t.run_until(secs(3));
    for _ in 0..10 {
        assert!(route(&mut t, "web").is_ok());
    }
    t.scale("web", 0);
    t.run_for(secs(1));
    for _ in 0..5 {
        assert_eq!(route(&mut t, "web"), Err(RouteError::NoEndpoint));
    }
    let c = t.sim.service("web").unwrap().counters;
    assert_eq!((c.ok, c.no_endpoint, c.failed()), (10, 15, 15));
}

#[test]
fn round_robin_takes_each_endpoint_in_turn_and_random_spreads() {
    let mut spec = three_node_web();
    spec.services[0].config.load_balancing = LoadBalancing::RoundRobin;
    let mut t = T::new(spec);
    t.run_until(secs(5));
    let mut hits: BTreeMap<PodId, u32> = BTreeMap::new();
    for _ in 0..30 {
        *hits.entry(route(&mut t, "web").unwrap().pod).or_default() += 1;
    }
    assert_eq!(hits.values().copied().collect::<Vec<_>>(), [10, 10, 10]);

    let mut t = T::new(three_node_web());
    t.run_until(secs(5));
    let mut hits: BTreeMap<PodId, u32> = BTreeMap::new();
    for _ in 0..3_000 {
        *hits.entry(route(&mut t, "web").unwrap().pod).or_default() += 1;
    }
    assert_eq!(hits.len(), 3);
    assert!(hits.values().all(|n| (850..=1150).contains(n)), "{hits:?}");
}

#[test]
fn node_port_goes_through_a_node_and_a_dead_node_does_not_answer() {
    let mut spec = three_node_web();
    spec.services[0].config.service_type = ServiceType::NodePort;
    spec.services.push(Named::new(
        "lb",
        ServiceConfig { service_type: ServiceType::LoadBalancer, ..ServiceConfig::for_deployment("web") },
    ));
    let mut t = T::new(spec);
    t.run_until(secs(5));
    let web = t.sim.service("web").unwrap();
    assert_eq!(web.node_port, Some(30_000));
    assert_eq!(t.sim.service("lb").unwrap().node_port, Some(30_001));
    assert_eq!(web.cluster_ip, "10.96.0.10");
    t.kill_node("node-a");
    assert_eq!(t.sim.cluster_mut().route_node_port("web", "node-a"), Err(RouteError::NodeDown));
    // Through a live node kube-proxy may still pick the dead pod until the
    // API notices; after that, never.
    t.run_for(secs(60));
    for _ in 0..50 {
        let routed = t.sim.cluster_mut().route_node_port("web", "node-b").unwrap();
        assert_ne!(t.sim.node_name(routed.node), Some("node-a"));
        assert!(t.sim.cluster_mut().route_load_balancer("lb").is_ok());
    }
    assert_eq!(t.sim.cluster_mut().route_load_balancer("web"), Err(RouteError::WrongServiceType));
    assert_eq!(t.sim.service("web").unwrap().counters.node_down, 1);
}

#[test]
fn ingress_routes_by_host_and_longest_path_and_needs_a_controller() {
    let rule = |host: &str, path: &str, service: &str| IngressRule {
        host: host.into(),
        path_prefix: path.into(),
        service: service.into(),
    };
    let spec = three_node_web()
        .deployment("api", deployment(2, 250, 256))
        .service("api", ServiceConfig::for_deployment("api"))
        .ingress(
            "shop",
            IngressConfig {
                controller_installed: true,
                rules: vec![rule("", "/", "web"), rule("shop.example", "/api", "api")],
            },
        )
        .ingress("orphan", IngressConfig { controller_installed: false, rules: vec![rule("", "/", "web")] });
    let mut t = T::new(spec);
    t.run_until(secs(5));
    let api_pods: Vec<PodId> = t.pods_of("api").iter().map(|p| p.id).collect();
    let c = t.sim.cluster_mut();
    let to_api = c.route_ingress("shop", "shop.example", "/api/orders").unwrap();
    assert!(api_pods.contains(&to_api.pod));
    let to_web = c.route_ingress("shop", "other.example", "/api/orders").unwrap();
    assert!(!api_pods.contains(&to_web.pod));
    let home = c.route_ingress("shop", "shop.example", "/").unwrap();
    assert!(!api_pods.contains(&home.pod));
    assert_eq!(c.route_ingress("orphan", "x", "/"), Err(RouteError::NoIngressController));
    assert_eq!(t.sim.ingress_counters("shop").unwrap().ok, 3);
    assert_eq!(t.sim.ingress_counters("orphan").unwrap().no_route, 1);
}

#[test]
fn a_killed_pod_is_replaced_at_once() {
    let mut t = T::new(three_node_web());
    t.run_until(secs(10));
    t.command(ClusterCommand::KillOnePod("web".into()));
    assert_eq!(t.pods_of("web").len(), 2, "force-deleted, gone at once");
    t.run_for(ms(1));
    assert_eq!(t.pods_of("web").len(), 3);
    t.run_for(secs(3));
    assert_eq!(t.serving("web"), 3);
    let name = t.pods_of("web")[0].name.clone();
    t.command(ClusterCommand::KillPod(name.clone()));
    assert!(t.sim.pod_named(&name).is_none());
    assert!(matches!(t.try_command(ClusterCommand::KillPod("nope".into())), Err(ClusterCommandError::UnknownPod(_))));
}

#[test]
fn pod_ips_are_per_node_and_unique() {
    let mut t = T::new(three_node_web());
    t.scale("web", 9);
    t.run_until(secs(5));
    let mut ips: Vec<String> = t.pods_of("web").into_iter().map(|p| p.ip.unwrap()).collect();
    ips.sort();
    ips.dedup();
    assert_eq!(ips.len(), 9);
    for p in t.pods_of("web") {
        let node = t.sim.node(p.node.as_deref().unwrap()).unwrap();
        assert!(p.ip.unwrap().starts_with(&format!("10.244.{}.", node.index)));
    }
}
