//! Under many seeds and random faults, the cluster's invariants hold after
//! every event (no node over allocatable, every pod bound to at most one node
//! and listed by it, counts kept right), and once the faults are healed the
//! replica counts converge. And determinism: the same seed and commands give
//! the same trace, however the run is chunked.

mod cluster_support;

use cluster_support::*;
use fanout_engine::cluster::*;
use fanout_engine::sim::Rng;
use fanout_engine::SimTime;

fn spec() -> ClusterSpec {
    let mut zoned = deployment(3, 500, 512);
    zoned.template.node_affinity.zones = vec!["zone-a".into()];
    zoned.template.readiness_probe.initial_delay_ms = 3_000;
    let mut spec = ClusterSpec::new()
        .node("a-1", node(4_000, 8_192, "zone-a"))
        .node("a-2", node(4_000, 8_192, "zone-a"))
        .node("b-1", node(4_000, 8_192, "zone-b"))
        .node("b-2", node(4_000, 8_192, "zone-b"))
        .node("b-3", node(2_000, 4_096, "zone-b"))
        .deployment("web", deployment(6, 500, 512))
        .deployment("zoned", zoned)
        .service("web", ServiceConfig::for_deployment("web"));
    spec.control_plane.scheduler_replicas = 2;
    spec.control_plane.controller_manager_replicas = 2;
    spec
}

const NODES: [&str; 5] = ["a-1", "a-2", "b-1", "b-2", "b-3"];
const DEPLOYMENTS: [&str; 2] = ["web", "zoned"];

fn pick<'a>(rng: &mut Rng, xs: &[&'a str]) -> &'a str {
    xs[rng.below(xs.len() as u64) as usize]
}

fn random_pod(t: &T, rng: &mut Rng) -> Option<String> {
    let pods = t.sim.pods();
    (!pods.is_empty()).then(|| pods[rng.below(pods.len() as u64) as usize].name.clone())
}

fn random_command(t: &T, rng: &mut Rng) -> Option<ClusterCommand> {
    use ClusterCommand as C;
    let component =
        if rng.below(2) == 0 { ControlPlaneComponent::Scheduler } else { ControlPlaneComponent::ControllerManager };
    Some(match rng.below(18) {
        0 | 1 => C::KillNode(pick(rng, &NODES).into()),
        2 | 3 => C::ReviveNode(pick(rng, &NODES).into()),
        4 => C::KillZone(pick(rng, &["zone-a", "zone-b"]).into()),
        5 => C::ReviveZone(pick(rng, &["zone-a", "zone-b"]).into()),
        6 => C::KillOnePod(pick(rng, &DEPLOYMENTS).into()),
        7 => C::SetCrashLoop { pod: random_pod(t, rng)?, crash_loop: rng.below(2) == 0 },
        8 => C::SetProbeFailing {
            pod: random_pod(t, rng)?,
            probe: if rng.below(2) == 0 { ProbeKind::Liveness } else { ProbeKind::Readiness },
            failing: rng.below(2) == 0,
        },
        9 => C::KillEtcdMember(rng.below(3) as u32),
        10 => C::ReviveEtcdMember(rng.below(3) as u32),
        11 => C::KillComponent { component, replica: None },
        12 => C::ReviveComponent { component, replica: None },
        13 => C::Cordon(pick(rng, &NODES).into()),
        14 => C::Uncordon(pick(rng, &NODES).into()),
        15 => C::Drain(pick(rng, &NODES).into()),
        16 => C::Scale { deployment: pick(rng, &DEPLOYMENTS).into(), replicas: rng.below(9) as u32 },
        _ => {
            let mut template =
                PodTemplate { cpu_request_millicores: 500, memory_request_mib: 512, ..PodTemplate::default() };
            template.labels.insert("version".into(), format!("v{}", rng.below(3)));
            C::UpdateTemplate { deployment: "web".into(), template: Box::new(template) }
        }
    })
}

/// Heals every fault and waits: afterwards the cluster must hold every
/// deployment's replicas, Ready.
fn heal(t: &mut T) {
    use ClusterCommand as C;
    for n in NODES {
        t.command(C::ReviveNode(n.into()));
    }
    for m in 0..3 {
        t.command(C::ReviveEtcdMember(m));
    }
    for component in [ControlPlaneComponent::Scheduler, ControlPlaneComponent::ControllerManager] {
        t.command(C::ReviveComponent { component, replica: None });
    }
    t.run_for(secs(3));
    for n in NODES {
        t.command(C::Uncordon(n.into()));
    }
    for p in t.sim.pods() {
        t.command(C::SetCrashLoop { pod: p.name.clone(), crash_loop: false });
        for probe in [ProbeKind::Liveness, ProbeKind::Readiness] {
            t.command(C::SetProbeFailing { pod: p.name.clone(), probe, failing: false });
        }
    }
}

fn converged(t: &T) -> Result<(), String> {
    for d in t.sim.deployments() {
        if d.ready != d.desired || d.serving != d.desired || d.current != d.desired || d.rolling {
            return Err(format!("{d:?}"));
        }
    }
    if t.sim.pending_pods() > 0 {
        return Err("pods still pending".into());
    }
    if t.sim.nodes().iter().any(|n| n.status != NodeStatus::Ready || !n.taints.is_empty()) {
        return Err("a node is not Ready".into());
    }
    Ok(())
}

#[test]
fn invariants_hold_after_every_event_under_random_faults_and_replicas_converge() {
    for seed in 1..=100u64 {
        let mut t = T::with_seed(spec(), seed);
        let mut rng = Rng::new(seed ^ 0x5eed);
        let mut applied = 0;
        while t.now() < secs(900) {
            let gap = SimTime::from_ms(5_000 + rng.below(60_000));
            t.run_for(gap);
            if let Some(c) = random_command(&t, &mut rng) {
                if t.try_command(c).is_ok() {
                    applied += 1;
                }
            }
            for _ in 0..rng.below(5) {
                let _ = t.sim.cluster_mut().route_request("web");
            }
        }
        assert!(applied > 10, "seed {seed}: only {applied} faults applied");
        heal(&mut t);
        t.run_for(secs(450));
        if let Err(e) = converged(&t) {
            panic!("seed {seed} did not converge: {e}\n{}", t.story());
        }
    }
}

/// A fixed fault script, applied through `schedule`, run in chunks.
fn scripted_run(seed: u64, chunks: &[SimTime]) -> (u64, u64) {
    let mut sim = ClusterSim::new(&spec(), seed).unwrap();
    use ClusterCommand as C;
    let script = [
        (secs(40), C::KillNode("a-1".into())),
        (secs(70), C::Scale { deployment: "web".into(), replicas: 8 }),
        (secs(100), C::KillEtcdMember(0)),
        (secs(130), C::KillEtcdMember(1)),
        (secs(200), C::ReviveEtcdMember(0)),
        (secs(260), C::KillZone("zone-b".into())),
        (secs(500), C::ReviveZone("zone-b".into())),
        (secs(520), C::KillComponent { component: ControlPlaneComponent::Scheduler, replica: None }),
        (secs(600), C::Drain("a-2".into())),
        (secs(700), C::ReviveNode("a-1".into())),
    ];
    for (at, c) in script {
        sim.schedule(at, c).unwrap();
    }
    for &until in chunks {
        sim.run_until(until);
        let _ = sim.cluster_mut().route_request("web");
    }
    (sim.trace_hash(), sim.events_processed())
}

#[test]
fn the_same_seed_gives_the_same_trace_and_chunking_does_not_matter() {
    let end = secs(1_000);
    let once = scripted_run(7, &[end]);
    assert_eq!(once, scripted_run(7, &[end]));
    // Chunked at odd times, including exactly at event times; the routing
    // calls between chunks happen at different times, so route only at the
    // end in both.
    let mut rng = Rng::new(99);
    let mut chunks = Vec::new();
    let mut at = SimTime::ZERO;
    while at < end {
        at = (at + SimTime::from_ms(1 + rng.below(40_000))).min(end);
        chunks.push(at);
    }
    let mut chunked = ClusterSim::new(&spec(), 7).unwrap();
    let mut whole = ClusterSim::new(&spec(), 7).unwrap();
    for (at, c) in [
        (secs(40), ClusterCommand::KillNode("a-1".into())),
        (secs(300), ClusterCommand::KillEtcdMember(2)),
        (secs(301), ClusterCommand::KillEtcdMember(1)),
        (secs(400), ClusterCommand::ReviveEtcdMember(1)),
    ] {
        chunked.schedule(at, c.clone()).unwrap();
        whole.schedule(at, c).unwrap();
    }
    for &c in &chunks {
        chunked.run_until(c);
    }
    whole.run_until(end);
    assert_eq!(chunked.trace_hash(), whole.trace_hash());
    assert_eq!(chunked.events_processed(), whole.events_processed());
    assert_ne!(scripted_run(8, &[end]).0, once.0, "another seed, another run");
}

#[test]
fn bad_specs_and_commands_get_messages_not_panics() {
    let mut bad = spec();
    bad.deployments[0].config.template.readiness_probe.timeout_ms = 20_000;
    bad.services.push(Named::new("x", ServiceConfig { node_port: Some(80), ..ServiceConfig::default() }));
    let err = ClusterSim::new(&bad, 1).err().expect("invalid").to_string();
    assert!(err.contains("timeout must be above 0 and below its period"), "{err}");
    assert!(err.contains("ClusterIP: it has no node port"), "{err}");
    let mut sim = ClusterSim::new(&spec(), 1).unwrap();
    for c in [
        ClusterCommand::KillNode("ghost".into()),
        ClusterCommand::KillZone("zone-z".into()),
        ClusterCommand::KillEtcdMember(3),
        ClusterCommand::Scale { deployment: "web".into(), replicas: 1_000_000 },
        ClusterCommand::KillComponent { component: ControlPlaneComponent::Scheduler, replica: Some(9) },
    ] {
        let e = sim.command(c).unwrap_err();
        assert!(!e.to_string().is_empty());
    }
}
