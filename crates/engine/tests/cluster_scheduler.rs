//! kube-scheduler: filter then score, ties by seed, and why a pod is where
//! it is or why it is Pending.

mod cluster_support;

use cluster_support::*;
use fanout_engine::cluster::*;
use std::collections::BTreeMap;
use std::collections::BTreeSet;

fn four_nodes(scoring: ScoringStrategy) -> ClusterSpec {
    let mut spec = ClusterSpec::new()
        .node("n1", node(4_000, 8_192, "zone-a"))
        .node("n2", node(4_000, 8_192, "zone-a"))
        .node("n3", node(4_000, 8_192, "zone-b"))
        .node("n4", node(4_000, 8_192, "zone-b"))
        .deployment("batch", deployment(8, 500, 1_024));
    spec.control_plane.scoring = scoring;
    spec
}

#[test]
fn least_allocated_spreads_and_most_allocated_packs() {
    let mut spread = T::new(four_nodes(ScoringStrategy::LeastAllocated));
    spread.run_until(secs(5));
    assert_eq!(spread.per_node("batch"), [2, 2, 2, 2]);

    let mut packed = T::new(four_nodes(ScoringStrategy::MostAllocated));
    packed.run_until(secs(5));
    let mut per_node = packed.per_node("batch");
    per_node.sort_unstable();
    assert_eq!(per_node, [0, 0, 0, 8], "8 × 500m fill one 4-core node exactly");
    assert_eq!(packed.serving("batch"), 8);

    // One more pod does not fit the full node: it opens the next one.
    packed.scale("batch", 9);
    packed.run_for(secs(5));
    let mut per_node = packed.per_node("batch");
    per_node.sort_unstable();
    assert_eq!(per_node, [0, 0, 1, 8]);
}

#[test]
fn ties_are_broken_by_the_seed() {
    let spec = || {
        let mut s = four_nodes(ScoringStrategy::LeastAllocated);
        s.deployments[0].config.replicas = 1;
        s
    };
    let node_for = |seed| {
        let mut t = T::with_seed(spec(), seed);
        t.run_until(secs(1));
        let p = t.pods_of("batch").pop().unwrap();
        assert_eq!(p.bind.unwrap().tied_nodes, 4);
        p.node.unwrap()
    };
    let chosen: BTreeSet<String> = (1..=20).map(node_for).collect();
    assert!(chosen.len() > 1, "twenty seeds all chose {chosen:?}");
    for seed in [3, 11] {
        assert_eq!(node_for(seed), node_for(seed));
    }
}

#[test]
fn an_unschedulable_pod_stays_pending_with_a_reason_per_node() {
    let mut tainted = node(8_000, 16_384, "zone-a");
    tainted.taints.push(TaintConfig { key: "dedicated".into(), value: "gpu".into(), effect: TaintEffect::NoSchedule });
    let mut cordoned = node(8_000, 16_384, "zone-a");
    cordoned.unschedulable = true;
    let mut d = deployment(1, 1_000, 512);
    d.template.node_affinity.zones = vec!["zone-a".into()];
    let spec = ClusterSpec::new()
        .node("small", node(500, 16_384, "zone-a"))
        .node("tainted", tainted)
        .node("elsewhere", node(8_000, 16_384, "zone-b"))
        .node("cordoned", cordoned)
        .deployment("api", d);
    let mut t = T::new(spec);
    t.run_until(secs(60));
    let pod = t.pods_of("api").pop().unwrap();
    assert_eq!(pod.status, PodStatus::Pending);
    let reason = pod.pending_reason.expect("a reason");
    assert_eq!(
        reason.to_string(),
        "0/4 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint, \
         1 node(s) didn't match Pod's node affinity/selector, 1 node(s) were unschedulable."
    );
    // Written once, not on every retry.
    assert_eq!(t.records(ClusterTraceKind::PodUnschedulable).len(), 1);

    let why = t.sim.why_placement(pod.id).unwrap();
    let verdict = |n: &str| why.nodes.iter().find(|v| v.node == n).unwrap().clone();
    assert_eq!(
        verdict("small").verdict(Filter::NodeResourcesFit),
        Err(&Unfit::InsufficientCpu { requested_millicores: 1_000, free_millicores: 500 })
    );
    assert!(
        matches!(verdict("tainted").verdict(Filter::TaintToleration), Err(Unfit::UntoleratedTaint { key, .. }) if key == "dedicated")
    );
    assert_eq!(verdict("elsewhere").verdict(Filter::NodeAffinity), Err(&Unfit::AffinityMismatch));
    assert_eq!(verdict("cordoned").verdict(Filter::NodeUnschedulable), Err(&Unfit::Unschedulable));
    assert!(why.nodes.iter().all(|v| v.score.is_none()));

    // Uncordoning makes room: the pod is bound at once.
    t.command(ClusterCommand::Uncordon("cordoned".into()));
    t.run_for(secs(3));
    let pod = t.pods_of("api").pop().unwrap();
    assert_eq!(pod.node.as_deref(), Some("cordoned"));
    assert_eq!(pod.status, PodStatus::Running);
}

#[test]
fn requests_not_usage_decide_and_nodes_never_overcommit() {
    let spec = ClusterSpec::new()
        .node("n1", node(1_000, 4_096, "z"))
        .node("n2", node(1_000, 4_096, "z"))
        .node("n3", node(1_000, 4_096, "z"))
        .deployment("greedy", deployment(10, 400, 256));
    let mut t = T::new(spec);
    t.run_until(secs(10));
    assert_eq!(t.per_node("greedy"), [2, 2, 2]);
    let pending: Vec<PodView> = t.pods_of("greedy").into_iter().filter(|p| p.status == PodStatus::Pending).collect();
    assert_eq!(pending.len(), 4);
    assert_eq!(pending[0].pending_reason.unwrap().insufficient_cpu, 3);
    for n in t.sim.nodes() {
        assert_eq!(n.cpu_requested_millicores, 800);
    }
    // Scaling down frees room; nothing new fits, the pending ones go first.
    t.scale("greedy", 6);
    t.run_for(secs(1));
    assert!(t.pods_of("greedy").iter().all(|p| p.status != PodStatus::Pending));
    assert_eq!(t.pods_of("greedy").len(), 6);
}

#[test]
fn max_pods_is_a_resource_too() {
    let mut small = node(64_000, 65_536, "z");
    small.max_pods = 3;
    let spec = ClusterSpec::new().node("n", small).deployment("many", deployment(5, 10, 10));
    let mut t = T::new(spec);
    t.run_until(secs(5));
    assert_eq!(t.per_node("many"), [3]);
    let pending = t.pods_of("many").into_iter().find(|p| p.status == PodStatus::Pending).unwrap();
    assert_eq!(pending.pending_reason.unwrap().too_many_pods, 1);
}

#[test]
fn why_here_shows_every_nodes_score_for_a_bound_pod() {
    let mut t = T::new(four_nodes(ScoringStrategy::LeastAllocated));
    t.run_until(secs(5));
    let pod = t.pods_of("batch").remove(0);
    let why = t.sim.why_placement(pod.id).unwrap();
    assert_eq!(why.bound_to, pod.node);
    let here = why.nodes.iter().find(|v| v.current).unwrap();
    assert_eq!(Some(&here.node), pod.node.as_ref());
    // Every node holds two pods; as if this one were not placed, its own
    // node has the most room and the top score.
    assert!(here.top_score);
    assert_eq!(why.nodes.iter().filter(|v| v.top_score).count(), 1);
    for v in &why.nodes {
        assert!(v.failures.is_empty());
        assert!(v.score.is_some());
    }
}

#[test]
fn affinity_by_label_and_tolerated_taints() {
    let mut gpu = node(8_000, 16_384, "zone-a");
    gpu.labels = BTreeMap::from([("accelerator".to_string(), "a100".to_string())]);
    gpu.taints.push(TaintConfig { key: "dedicated".into(), value: "gpu".into(), effect: TaintEffect::NoSchedule });
    let mut trainer = deployment(2, 1_000, 1_024);
    trainer.template.node_affinity.match_labels = BTreeMap::from([("accelerator".to_string(), "a100".to_string())]);
    trainer.template.tolerations.push(Toleration {
        key: "dedicated".into(),
        value: "gpu".into(),
        effect: Some(TaintEffect::NoSchedule),
        ..Toleration::default()
    });
    let spec = ClusterSpec::new()
        .node("plain", node(8_000, 16_384, "zone-a"))
        .node("gpu", gpu)
        .deployment("trainer", trainer)
        .deployment("web", deployment(2, 1_000, 1_024));
    let mut t = T::new(spec);
    t.run_until(secs(5));
    assert_eq!(t.per_node("trainer"), [0, 2]);
    assert_eq!(t.per_node("web"), [2, 0]);
}
