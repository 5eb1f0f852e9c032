//! etcd quorum and leader election: lose quorum and nothing is scheduled,
//! evicted or replaced, while running pods keep serving; kill the scheduler
//! or controller-manager and its work waits for a (new) leader.

mod cluster_support;

use cluster_support::*;
use fanout_engine::cluster::*;

fn pending(t: &T, d: &str) -> usize {
    t.pods_of(d).iter().filter(|p| p.status == PodStatus::Pending).count()
}

#[test]
fn three_etcd_members_survive_one_loss_and_stop_after_two() {
    let mut t = T::new(three_node_web());
    t.run_until(secs(30));
    let cp = t.sim.control_plane();
    assert_eq!((cp.etcd_members, cp.quorum), (3, 2));

    // One member down, even the leader: after an election the API answers.
    let leader = cp.etcd_leader.unwrap();
    t.kill_etcd(leader);
    assert!(!t.sim.api_available(), "no leader until the election timeout");
    t.run_for(secs(1));
    assert!(t.sim.api_available());
    t.scale("web", 4);
    t.run_for(secs(5));
    assert_eq!(t.serving("web"), 4, "scheduling continues with 2 of 3");

    // A second member down: quorum lost.
    let other = (0..3).find(|m| *m != leader && t.sim.control_plane().etcd_members_state[*m as usize]).unwrap();
    t.kill_etcd(other);
    assert!(!t.sim.api_available());
    assert!(t.first(ClusterTraceKind::QuorumLost).is_some());
    assert_eq!(
        t.try_command(ClusterCommand::Scale { deployment: "web".into(), replicas: 6 }),
        Err(ClusterCommandError::ApiUnavailable)
    );

    // Running pods keep running and serving through kube-proxy's rules.
    for _ in 0..20 {
        assert!(t.sim.cluster_mut().route_request("web").is_ok());
    }
    // A node dies: nobody notices, nothing is evicted or replaced.
    t.kill_node("node-a");
    t.run_for(secs(600));
    assert_eq!(t.node_status("node-a"), NodeStatus::Ready, "no controller can mark it");
    assert_eq!(t.first(ClusterTraceKind::PodTerminating(DeletionReason::Evicted)), None);
    assert_eq!(t.sim.deployment("web").unwrap().ready, 4, "the API still says 4 Ready");
    assert!(t.serving("web") < 4);
    // Leaders could not renew their leases and stepped down.
    assert_eq!(t.records(ClusterTraceKind::LeaderLost(ControlPlaneComponent::Scheduler)).len(), 1);

    // Quorum returns: the work resumes. The controller gives node-a a fresh
    // grace period, then the toleration, then the replacement.
    t.revive_etcd(other);
    let restored = t.now();
    t.run_for(secs(2));
    assert!(t.sim.api_available());
    assert!(t.first(ClusterTraceKind::QuorumRestored).is_some());
    let cp = t.sim.control_plane();
    assert!(cp.scheduler.active && cp.controller_manager.active);
    t.scale("web", 5);
    t.run_for(secs(5));
    assert_eq!(pending(&t, "web"), 0);
    t.run_until(restored + secs(60));
    assert_eq!(t.node_status("node-a"), NodeStatus::NotReady);
    let not_ready = t.first(ClusterTraceKind::NodeNotReady).unwrap();
    assert!(not_ready >= restored + secs(50) && not_ready <= restored + secs(60), "{not_ready}");
    t.run_until(not_ready + secs(305));
    assert_eq!(t.serving("web"), 5, "{}", t.story());
}

#[test]
fn without_quorum_pod_status_is_not_updated_until_it_returns() {
    let mut t = T::new(three_node_web());
    t.run_until(secs(30));
    t.kill_etcd(0);
    t.kill_etcd(1);
    t.kill_etcd(2);
    let pod = t.pods_of("web").remove(0);
    t.command(ClusterCommand::SetProbeFailing { pod: pod.name.clone(), probe: ProbeKind::Readiness, failing: true });
    t.run_for(secs(60));
    let now = t.sim.pod(pod.id).unwrap();
    assert!(!now.serving, "the kubelet knows");
    assert!(now.ready, "the API does not");
    assert_eq!(t.endpoints("web"), 3);
    t.revive_etcd(0);
    t.revive_etcd(1);
    t.run_for(secs(12));
    assert!(!t.sim.pod(pod.id).unwrap().ready, "reported at the next heartbeat");
    assert_eq!(t.endpoints("web"), 2);
}

#[test]
fn a_killed_scheduler_stops_scheduling_until_it_is_back() {
    let mut t = T::new(three_node_web());
    t.run_until(secs(30));
    t.command(ClusterCommand::KillComponent { component: ControlPlaneComponent::Scheduler, replica: None });
    let killed = t.now();
    t.scale("web", 5);
    t.run_for(secs(60));
    assert_eq!(pending(&t, "web"), 2, "created by the ReplicaSet, never bound");
    t.command(ClusterCommand::ReviveComponent { component: ControlPlaneComponent::Scheduler, replica: None });
    t.run_for(secs(3));
    assert_eq!(pending(&t, "web"), 0);
    let elected = t.records(ClusterTraceKind::LeaderElected(ControlPlaneComponent::Scheduler));
    assert_eq!(elected.len(), 2);
    assert!(elected[1].at >= killed + secs(15));
}

#[test]
fn a_standby_scheduler_takes_over_when_the_lease_expires() {
    let mut spec = three_node_web();
    spec.control_plane.scheduler_replicas = 3;
    let mut t = T::new(spec);
    t.run_until(secs(31));
    t.command(ClusterCommand::KillComponent { component: ControlPlaneComponent::Scheduler, replica: None });
    t.scale("web", 4);
    t.run_for(secs(14));
    assert_eq!(pending(&t, "web"), 1);
    t.run_for(secs(10));
    assert_eq!(pending(&t, "web"), 0);
    let elected = t.records(ClusterTraceKind::LeaderElected(ControlPlaneComponent::Scheduler));
    // Lease 15 s from the kill at 31 s, then the next 2-second retry: 46 s.
    assert_eq!(elected[1].at, secs(46));
    assert_ne!(elected[1].owner, elected[0].owner);
}

#[test]
fn without_a_controller_manager_a_dead_node_is_never_noticed() {
    let mut t = T::new(three_node_web());
    t.run_until(secs(30));
    t.command(ClusterCommand::KillComponent { component: ControlPlaneComponent::ControllerManager, replica: None });
    t.kill_node("node-b");
    t.run_for(secs(500));
    assert_eq!(t.node_status("node-b"), NodeStatus::Ready);
    assert_eq!(t.serving("web"), 2);
    // A kubectl scale is accepted by the API but no ReplicaSet acts on it.
    t.scale("web", 5);
    t.run_for(secs(10));
    assert_eq!(t.pods_of("web").len(), 3);
    t.command(ClusterCommand::ReviveComponent { component: ControlPlaneComponent::ControllerManager, replica: None });
    t.run_for(secs(2));
    assert_eq!(t.pods_of("web").len(), 5);
    let elected = t.records(ClusterTraceKind::LeaderElected(ControlPlaneComponent::ControllerManager))[1].at;
    t.run_until(elected + secs(50));
    assert_eq!(t.node_status("node-b"), NodeStatus::NotReady);
    t.run_until(elected + secs(360));
    assert_eq!(t.serving("web"), 5);
}

#[test]
fn kubectl_fails_while_etcd_elects_and_fault_scripts_record_the_refusal() {
    let mut spec = three_node_web();
    spec.control_plane.etcd_members = 1;
    let mut t = T::new(spec);
    t.run_until(secs(10));
    t.sim.schedule(secs(20), ClusterCommand::Scale { deployment: "web".into(), replicas: 1 }).unwrap();
    t.kill_etcd(0);
    t.run_until(secs(30));
    assert_eq!(t.records(ClusterTraceKind::CommandRefused).len(), 1);
    assert_eq!(t.sim.deployment("web").unwrap().desired, 3);
}

#[test]
fn an_etcd_leader_change_does_not_restart_the_toleration_but_a_new_controller_manager_does() {
    // The same controller-manager keeps its lease through a 1-second etcd
    // election: evictions come on time, or as soon as the API is back.
    let mut t = T::new(three_node_web());
    t.run_until(secs(30));
    t.kill_node("node-a");
    t.run_for(secs(60));
    let not_ready = t.first(ClusterTraceKind::NodeNotReady).unwrap();
    t.run_until(not_ready + ms(299_500));
    let leader = t.sim.control_plane().etcd_leader.unwrap();
    t.kill_etcd(leader);
    t.run_until(not_ready + secs(302));
    let evicted = t.first(ClusterTraceKind::PodTerminating(DeletionReason::Evicted)).unwrap();
    assert_eq!(evicted, not_ready + ms(300_500), "due during the election, done when the API is back");

    // A new controller-manager leader starts its taint manager afresh.
    let mut spec = three_node_web();
    spec.control_plane.controller_manager_replicas = 2;
    let mut t = T::new(spec);
    t.run_until(secs(30));
    t.kill_node("node-a");
    t.run_for(secs(60));
    let not_ready = t.first(ClusterTraceKind::NodeNotReady).unwrap();
    t.run_until(not_ready + secs(100));
    t.command(ClusterCommand::KillComponent { component: ControlPlaneComponent::ControllerManager, replica: None });
    t.run_until(not_ready + secs(500));
    let elected = t.records(ClusterTraceKind::LeaderElected(ControlPlaneComponent::ControllerManager))[1].at;
    assert!(elected >= not_ready + secs(115) && elected <= not_ready + secs(117), "{elected}");
    let evicted = t.first(ClusterTraceKind::PodTerminating(DeletionReason::Evicted)).unwrap();
    assert_eq!(evicted, elected + secs(300));
}
