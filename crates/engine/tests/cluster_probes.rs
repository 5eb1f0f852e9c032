//! Kubelet probes and crash loops: readiness takes a pod out of its
//! Service, liveness restarts it after ~30 s, crash loops back off 10 s
//! doubling to 5 min.

mod cluster_support;

use cluster_support::*;
use fanout_engine::cluster::*;

fn set_probe(t: &mut T, pod: &str, probe: ProbeKind, failing: bool) {
    t.command(ClusterCommand::SetProbeFailing { pod: pod.into(), probe, failing });
}

#[test]
fn a_failing_readiness_probe_removes_the_endpoint_and_a_passing_one_restores_it() {
    let mut t = T::new(three_node_web());
    t.run_until(secs(30));
    let pod = t.pods_of("web").remove(0);
    // Started at 2 s, so probes run at 2, 12, 22, 32, … s; each failure is
    // known when its 1 s timeout passes.
    set_probe(&mut t, &pod.name, ProbeKind::Readiness, true);
    t.run_until(ms(52_999));
    assert_eq!(t.endpoints("web"), 3);
    assert_eq!(t.sim.pod(pod.id).unwrap().readiness_failures, 2);
    t.run_until(secs(53));
    assert_eq!(t.endpoints("web"), 2);
    assert!(!t.sim.pod(pod.id).unwrap().ready);
    assert_eq!(t.sim.pod(pod.id).unwrap().status, PodStatus::Running, "not ready is not dead");
    assert_eq!(t.sim.pod(pod.id).unwrap().restarts, 0);
    for _ in 0..100 {
        let routed = t.sim.cluster_mut().route_request("web").unwrap();
        assert_ne!(routed.pod, pod.id);
    }
    set_probe(&mut t, &pod.name, ProbeKind::Readiness, false);
    t.run_until(ms(61_999));
    assert_eq!(t.endpoints("web"), 2);
    t.run_until(secs(62));
    assert_eq!(t.endpoints("web"), 3, "one success is enough (successThreshold 1)");
}

#[test]
fn a_failing_liveness_probe_restarts_the_container_after_about_30_s() {
    let mut t = T::new(three_node_web());
    t.run_until(ms(22_500));
    let pod = t.pods_of("web").remove(0);
    set_probe(&mut t, &pod.name, ProbeKind::Liveness, true);
    let fault = t.now();
    t.run_for(secs(60));
    let exit = t.first(ClusterTraceKind::ContainerExited(ExitReason::LivenessProbeFailed)).expect("killed");
    // Probes at 32, 42, 52 s time out at 33, 43, 53 s: the third kills it.
    assert_eq!(exit, secs(53));
    let after = exit - fault;
    assert!(after > secs(20) && after <= secs(31), "{after}");
    // Restarted after the 10 s back-off; the restart cured the hang.
    let restarts = t.records(ClusterTraceKind::ContainerStarted);
    let restart = restarts.iter().find(|r| r.pod == pod.id.0 && r.detail == 1).unwrap();
    assert_eq!(restart.at, secs(63));
    let now = t.sim.pod(pod.id).unwrap();
    assert_eq!(now.restarts, 1);
    assert!(now.ready && now.serving);
    assert!(!now.liveness_failing);
}

#[test]
fn crash_loop_back_off_doubles_from_10_s_to_the_5_minute_cap() {
    let mut t = T::new(three_node_web());
    t.run_until(secs(30));
    let pod = t.pods_of("web").remove(0);
    t.command(ClusterCommand::SetCrashLoop { pod: pod.name.clone(), crash_loop: true });
    t.run_for(secs(60));
    let now = t.sim.pod(pod.id).unwrap();
    assert!(!now.serving);
    assert_eq!(t.endpoints("web"), 2);
    assert_eq!(now.status, PodStatus::CrashLoopBackOff);
    assert!(now.backoff_remaining_ms.is_some());
    t.run_for(secs(1_500));
    let backoffs: Vec<u64> =
        t.records(ClusterTraceKind::BackOff).iter().filter(|r| r.pod == pod.id.0).map(|r| r.detail / 1000).collect();
    assert_eq!(backoffs[..8], [10, 20, 40, 80, 160, 300, 300, 300]);
    // Each crash is 1 s after its start; each start is one back-off later.
    let exits = t.times_of(ClusterTraceKind::ContainerExited(ExitReason::Crashed));
    for pair in exits.windows(2).take(6) {
        let gap = pair[1] - pair[0];
        assert!(
            gap == secs(11)
                || gap == secs(21)
                || gap == secs(41)
                || gap == secs(81)
                || gap == secs(161)
                || gap == secs(301),
            "{gap}"
        );
    }
    // Healed: the next start stays up.
    t.command(ClusterCommand::SetCrashLoop { pod: pod.name.clone(), crash_loop: false });
    t.run_for(secs(301));
    let healed = t.sim.pod(pod.id).unwrap();
    assert_eq!(healed.status, PodStatus::Running);
    assert!(healed.ready && healed.serving);
    assert!(healed.restarts >= 8);
}

#[test]
fn back_off_resets_after_ten_minutes_of_running() {
    let mut d = deployment(1, 100, 128);
    d.template.crash_loop = true;
    d.template.crash_after_ms = 11 * 60 * 1000;
    let spec = ClusterSpec::new().node("n", node(4_000, 8_192, "z")).deployment("slow-leak", d);
    let mut t = T::new(spec);
    t.run_until(secs(3_600));
    let backoffs: Vec<u64> = t.records(ClusterTraceKind::BackOff).iter().map(|r| r.detail).collect();
    assert!(backoffs.len() >= 4);
    assert!(backoffs.iter().all(|b| *b == 10_000), "{backoffs:?}");
}

#[test]
fn a_pod_without_a_readiness_probe_is_ready_when_it_starts() {
    let mut d = deployment(2, 100, 128);
    d.template.readiness_probe.enabled = false;
    d.template.container_start_ms = 5_000;
    let spec = ClusterSpec::new().node("n", node(4_000, 8_192, "z")).deployment("worker", d);
    let mut t = T::new(spec);
    t.run_until(ms(4_999));
    assert_eq!(t.serving("worker"), 0);
    t.run_until(secs(5));
    assert_eq!(t.serving("worker"), 2);
    assert_eq!(t.ready("worker"), 2);
}

#[test]
fn readiness_initial_delay_and_success_threshold() {
    let mut d = deployment(1, 100, 128);
    d.template.readiness_probe.initial_delay_ms = 15_000;
    let spec = ClusterSpec::new().node("n", node(4_000, 8_192, "z")).deployment("api", d);
    let mut t = T::new(spec);
    t.run_until(ms(16_999));
    assert_eq!(t.serving("api"), 0);
    t.run_until(secs(17));
    assert_eq!(t.serving("api"), 1, "started at 2 s, first probe 15 s later");
}
