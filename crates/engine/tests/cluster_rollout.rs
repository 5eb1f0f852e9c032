//! Deployments: rolling updates stay within maxSurge / maxUnavailable at
//! every single event; a bad release stalls instead of taking the service
//! down; scaling up and down live.

mod cluster_support;

use cluster_support::*;
use fanout_engine::cluster::*;
use std::cell::Cell;
use std::rc::Rc;

fn web(replicas: u32) -> ClusterSpec {
    ClusterSpec::new()
        .node("n1", node(8_000, 16_384, "zone-a"))
        .node("n2", node(8_000, 16_384, "zone-b"))
        .node("n3", node(8_000, 16_384, "zone-c"))
        .deployment("web", deployment(replicas, 250, 256))
        .service("web", ServiceConfig::for_deployment("web"))
}

/// The same pods with a `version: v2` label: a new template.
fn v2() -> PodTemplate {
    let mut v2 = PodTemplate { cpu_request_millicores: 250, memory_request_mib: 256, ..PodTemplate::default() };
    v2.labels.insert("version".into(), "v2".into());
    v2
}

/// Checks the rolling-update limits after every event and records the
/// extremes seen.
fn watch_limits(t: &mut T, desired: u32, surge: u32, unavailable: u32) -> (Rc<Cell<u32>>, Rc<Cell<u32>>) {
    let most = Rc::new(Cell::new(0));
    let fewest_ready = Rc::new(Cell::new(u32::MAX));
    let (m, f) = (most.clone(), fewest_ready.clone());
    t.check = Some(Box::new(move |sim: &ClusterSim| {
        let d = sim.deployment("web").unwrap();
        assert!(d.current <= desired + surge, "{} pods at {} (limit {})", d.current, sim.now(), desired + surge);
        assert!(
            d.ready + unavailable >= desired,
            "{} ready at {} (at least {})",
            d.ready,
            sim.now(),
            desired - unavailable
        );
        m.set(m.get().max(d.current));
        f.set(f.get().min(d.ready));
    }));
    (most, fewest_ready)
}

#[test]
fn a_rolling_update_respects_max_surge_and_max_unavailable_at_every_event() {
    let mut t = T::new(web(8));
    t.run_until(secs(30));
    assert_eq!(t.ready("web"), 8);
    let d = t.sim.deployment("web").unwrap();
    assert_eq!((d.max_surge, d.max_unavailable), (2, 2));
    let (most, fewest_ready) = watch_limits(&mut t, 8, 2, 2);
    let template = v2();
    t.command(ClusterCommand::UpdateTemplate { deployment: "web".into(), template: Box::new(template) });
    t.run_for(secs(120));
    let d = t.sim.deployment("web").unwrap();
    assert!(!d.rolling, "{}", t.story());
    assert_eq!((d.revision, d.updated, d.ready, d.current), (2, 8, 8, 8));
    assert!(t.first(ClusterTraceKind::RolloutCompleted).is_some());
    assert!(t.pods_of("web").iter().all(|p| p.revision == 2 || p.status == PodStatus::Terminating));
    assert_eq!(most.get(), 10, "the surge was used");
    assert_eq!(fewest_ready.get(), 6, "the unavailability budget was used");
    // Old pods took their grace period to go.
    t.run_for(secs(60));
    assert_eq!(t.pods_of("web").len(), 8);
}

#[test]
fn a_crash_looping_release_stalls_and_a_rollback_finishes() {
    let mut t = T::new(web(4));
    t.run_until(secs(30));
    let v1 = {
        let mut t1 = PodTemplate { cpu_request_millicores: 250, memory_request_mib: 256, ..PodTemplate::default() };
        t1.labels.clear();
        t1
    };
    let mut bad = v2();
    bad.crash_loop = true;
    let (_, fewest_ready) = watch_limits(&mut t, 4, 1, 1);
    t.command(ClusterCommand::UpdateTemplate { deployment: "web".into(), template: Box::new(bad) });
    t.run_for(secs(600));
    let d = t.sim.deployment("web").unwrap();
    assert!(d.rolling);
    assert_eq!(d.ready, 3, "one old pod went, the new ones never got ready");
    assert_eq!(fewest_ready.get(), 3);
    assert!(t.sim.service("web").unwrap().endpoints.len() >= 3);
    // Roll back to the old template: revision 1 again.
    t.command(ClusterCommand::UpdateTemplate { deployment: "web".into(), template: Box::new(v1) });
    t.run_for(secs(120));
    let d = t.sim.deployment("web").unwrap();
    assert!(!d.rolling, "{}", t.story());
    assert_eq!((d.revision, d.ready, d.updated), (1, 4, 4));
}

#[test]
fn scaling_up_and_down_live() {
    let mut t = T::new(web(3));
    t.run_until(secs(10));
    t.scale("web", 7);
    t.run_for(secs(3));
    assert_eq!(t.serving("web"), 7);
    assert_eq!(t.endpoints("web"), 7);
    t.scale("web", 2);
    t.run_for(secs(1));
    let d = t.sim.deployment("web").unwrap();
    assert_eq!((d.current, d.ready), (2, 2));
    assert_eq!(t.endpoints("web"), 2, "Terminating pods leave the endpoints at once");
    assert_eq!(t.pods_of("web").len(), 7, "five Terminating for their grace period");
    t.run_for(secs(30));
    assert_eq!(t.pods_of("web").len(), 2);
    t.scale("web", 0);
    t.run_for(secs(31));
    assert!(t.pods_of("web").is_empty());
}

#[test]
fn notifications_follow_the_really_ready_count() {
    let mut t = T::new(web(2));
    t.run_until(secs(10));
    let seen: Vec<u32> = t
        .sim
        .take_notifications()
        .into_iter()
        .map(|n| match n {
            ClusterNotification::ReadyPodsChanged { deployment, ready } => {
                assert_eq!(deployment, 0);
                ready
            }
        })
        .collect();
    assert_eq!(seen, [1, 2]);
    t.kill_node(&t.sim.pods_of("web")[0].node.clone().unwrap());
    let after: Vec<ClusterNotification> = t.sim.take_notifications();
    assert_eq!(after, [ClusterNotification::ReadyPodsChanged { deployment: 0, ready: 1 }]);
    assert_eq!(t.sim.ready_pods_of(0), 1);
}

#[test]
fn many_quick_template_changes_keep_a_bounded_history_and_finish_on_the_last() {
    let mut t = T::new(web(4));
    t.run_until(secs(30));
    let mut refused = 0;
    for v in 0..30 {
        let mut template = v2();
        template.labels.insert("version".into(), format!("v{v}"));
        match t.try_command(ClusterCommand::UpdateTemplate { deployment: "web".into(), template: Box::new(template) }) {
            Ok(()) => {}
            Err(ClusterCommandError::Invalid(message)) => {
                assert!(message.contains("still rolling out"), "{message}");
                refused += 1;
            }
            Err(e) => panic!("{e}"),
        }
        t.run_for(ms(500));
    }
    t.run_for(secs(300));
    let d = t.sim.deployment("web").unwrap();
    assert!(!d.rolling, "{d:?}");
    assert_eq!((d.ready, d.current, d.updated), (4, 4, 4));
    let last = t.pods_of("web")[0].labels.iter().find(|(k, _)| k == "version").unwrap().1.clone();
    assert!(refused > 0 || last == "v29", "{refused} refused, on {last}");
}
