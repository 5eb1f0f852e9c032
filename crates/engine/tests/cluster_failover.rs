//! The lesson's timeline: a node dies, the API notices after the grace
//! period, the pods are evicted after their toleration, replacements start
//! elsewhere — about six minutes with the defaults. And a whole zone.

mod cluster_support;

use cluster_support::*;
use fanout_engine::cluster::*;

#[test]
fn a_node_killed_at_zero_is_not_ready_at_50_s_and_its_pods_are_replaced_after_350_s() {
    let mut t = T::new(three_node_web());
    t.kill_node("node-a");
    // The scheduler does not know yet: a pod is bound to node-a, never starts.
    t.run_until(secs(10));
    assert_eq!(t.per_node("web"), [1, 1, 1]);
    assert_eq!(t.serving("web"), 2);

    // The last heartbeat the API has is the registration at t = 0; the node
    // monitor (every 5 s) sees 50 s without status at exactly t = 50 s.
    t.run_until(ms(49_999));
    assert_eq!(t.node_status("node-a"), NodeStatus::Ready);
    t.run_until(secs(50));
    assert_eq!(t.node_status("node-a"), NodeStatus::NotReady);
    assert_eq!(t.first(ClusterTraceKind::NodeNotReady), Some(secs(50)));
    let taints = t.sim.node("node-a").unwrap().taints;
    assert!(taints.iter().any(|x| x.key == UNREACHABLE_TAINT && x.effect == TaintEffect::NoExecute));

    // Pods tolerate the unreachable taint for 300 s.
    t.run_until(ms(349_999));
    assert_eq!(t.first(ClusterTraceKind::PodTerminating(DeletionReason::Evicted)), None);
    t.run_until(secs(350));
    assert_eq!(t.first(ClusterTraceKind::PodTerminating(DeletionReason::Evicted)), Some(secs(350)));

    // The replacement is created, bound elsewhere and started 2 s later.
    t.run_until(secs(360));
    let replacement =
        t.pods_of("web").into_iter().find(|p| p.created_at == secs(350)).expect("a replacement was created at 350 s");
    assert_ne!(replacement.node.as_deref(), Some("node-a"));
    assert_eq!(replacement.status, PodStatus::Running);
    assert!(replacement.ready);
    assert_eq!(t.serving("web"), 3);
    let ready_at =
        t.trace.iter().find(|r| r.kind == ClusterTraceKind::PodReady && r.pod == replacement.id.0).unwrap().at;
    assert_eq!(ready_at, secs(352), "{}", t.story());
    // The evicted pod is stuck Terminating on the dead node.
    let stuck: Vec<PodView> = t.pods_of("web").into_iter().filter(|p| p.status == PodStatus::Terminating).collect();
    assert_eq!(stuck.len(), 1);
    assert_eq!(stuck[0].node.as_deref(), Some("node-a"));
}

#[test]
fn after_a_kill_mid_run_the_api_says_running_until_the_grace_period_is_over() {
    let mut t = T::new(three_node_web());
    t.run_until(secs(60));
    assert_eq!(t.serving("web"), 3);
    assert_eq!(t.endpoints("web"), 3);
    t.kill_node("node-b");
    let killed_at = t.now();

    // The truth: one pod fewer serves at once. The API: all Running, Ready.
    assert_eq!(t.serving("web"), 2);
    let on_b = t.sim.pods_on("node-b");
    assert_eq!(on_b.len(), 1);
    assert_eq!(on_b[0].status, PodStatus::Running);
    assert!(on_b[0].ready);
    assert_eq!(on_b[0].container, ContainerPhase::Exited);
    assert_eq!(t.endpoints("web"), 3);

    // Requests routed to the dead endpoint fail until it is removed.
    let mut unreachable = 0;
    for _ in 0..60 {
        if let Err(RouteError::EndpointUnreachable(_)) = t.sim.cluster_mut().route_request("web") {
            unreachable += 1;
        }
    }
    assert!(unreachable > 0);

    // The last heartbeat was at most 10 s before the kill; NotReady comes on
    // the first 5-second monitor tick at least 50 s after it: 40–55 s later.
    t.run_for(secs(60));
    let not_ready = t.first(ClusterTraceKind::NodeNotReady).unwrap();
    let delay = not_ready - killed_at;
    assert!(delay > secs(40) && delay <= secs(55), "NotReady after {delay}");
    // MarkPodsNotReady: the endpoint went when the node went NotReady.
    assert_eq!(t.endpoints("web"), 2);
    let not_ready_pod = t.records(ClusterTraceKind::PodNotReady);
    assert_eq!(not_ready_pod[0].at, not_ready);

    // Evicted 300 s after NotReady; the replacement is Ready 2 s later.
    t.run_until(not_ready + secs(310));
    let evicted = t.first(ClusterTraceKind::PodTerminating(DeletionReason::Evicted)).unwrap();
    assert_eq!(evicted, not_ready + secs(300));
    assert_eq!(t.serving("web"), 3);
    assert_eq!(t.endpoints("web"), 3);
    let total = t.trace.iter().rfind(|r| r.kind == ClusterTraceKind::PodReady).unwrap().at - killed_at;
    assert!(total > secs(340) && total <= secs(360), "failover took {total}");
}

#[test]
fn a_revived_node_is_ready_again_and_its_terminating_pods_go() {
    let mut t = T::new(three_node_web());
    t.run_until(secs(30));
    t.kill_node("node-c");
    t.run_until(secs(400));
    assert_eq!(t.node_status("node-c"), NodeStatus::NotReady);
    assert_eq!(t.sim.pods_on("node-c").len(), 1, "the evicted pod waits for its kubelet");
    t.revive_node("node-c");
    t.run_for(secs(6));
    assert_eq!(t.node_status("node-c"), NodeStatus::Ready);
    assert!(t.sim.node("node-c").unwrap().taints.is_empty());
    assert!(t.sim.pods_on("node-c").is_empty());
    assert_eq!(t.serving("web"), 3);
}

#[test]
fn a_node_back_before_eviction_keeps_its_pods_which_restart() {
    let mut t = T::new(three_node_web());
    t.run_until(secs(30));
    let pod = t.sim.pods_on("node-a")[0].clone();
    t.kill_node("node-a");
    t.run_for(secs(120));
    assert_eq!(t.node_status("node-a"), NodeStatus::NotReady);
    assert!(t.sim.pod(pod.id).unwrap().eviction_in_ms.is_some());
    t.revive_node("node-a");
    t.run_for(secs(10));
    assert_eq!(t.node_status("node-a"), NodeStatus::Ready);
    let after = t.sim.pod(pod.id).expect("not evicted");
    assert_eq!(after.eviction_in_ms, None);
    assert_eq!(after.restarts, 1);
    assert!(after.ready && after.serving);
    t.run_for(secs(400));
    assert_eq!(t.first(ClusterTraceKind::PodTerminating(DeletionReason::Evicted)), None);
}

#[test]
fn a_zone_outage_moves_its_pods_to_the_other_zone_after_the_eviction_delay() {
    let spec = ClusterSpec::new()
        .node("a-1", node(4_000, 8_192, "zone-a"))
        .node("a-2", node(4_000, 8_192, "zone-a"))
        .node("b-1", node(4_000, 8_192, "zone-b"))
        .node("b-2", node(4_000, 8_192, "zone-b"))
        .deployment("orders", deployment(8, 500, 512));
    let mut t = T::new(spec);
    t.run_until(secs(30));
    assert_eq!(t.per_node("orders"), [2, 2, 2, 2]);
    t.kill_zone("zone-a");
    assert_eq!(t.serving("orders"), 4);
    t.run_for(secs(100));
    assert_eq!(t.node_status("a-1"), NodeStatus::NotReady);
    assert_eq!(t.node_status("a-2"), NodeStatus::NotReady);
    assert_eq!(t.serving("orders"), 4, "nothing moves before the toleration runs out");
    t.run_for(secs(260));
    assert_eq!(t.serving("orders"), 8, "{}", t.story());
    assert_eq!(t.per_node("orders"), [0, 0, 4, 4]);
    for p in t.pods_of("orders").iter().filter(|p| p.status != PodStatus::Terminating) {
        assert!(p.node.as_deref().unwrap().starts_with("b-"));
    }
}

#[test]
fn drain_evicts_with_the_grace_period_and_cordon_keeps_new_pods_away() {
    let mut t = T::new(three_node_web());
    t.run_until(secs(30));
    t.command(ClusterCommand::Drain("node-a".into()));
    let drained = t.now();
    let on_a = t.sim.pods_on("node-a");
    assert_eq!(on_a.len(), 1);
    assert_eq!(on_a[0].status, PodStatus::Terminating);
    assert_eq!(on_a[0].grace_remaining_ms, Some(30_000));
    t.run_for(secs(29));
    assert_eq!(t.sim.pods_on("node-a").len(), 1);
    t.run_for(secs(1));
    assert!(t.sim.pods_on("node-a").is_empty());
    assert_eq!(t.first(ClusterTraceKind::PodDeleted), Some(drained + secs(30)));
    assert_eq!(t.per_node("web")[0], 0);
    t.scale("web", 6);
    t.run_for(secs(10));
    assert_eq!(t.per_node("web")[0], 0, "cordoned");
    t.command(ClusterCommand::Uncordon("node-a".into()));
    t.scale("web", 9);
    t.run_for(secs(10));
    assert!(t.per_node("web")[0] > 0);
    assert_eq!(t.serving("web"), 9);
}
