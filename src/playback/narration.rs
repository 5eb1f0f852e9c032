//! Narration for screen readers: the significant changes between two live
//! snapshots, in plain words ("Shipping is down; 12 orders waiting in
//! shipping-queue"), for an ARIA live region. Only changes a person would
//! mention are narrated (something died or came back, a queue started to
//! grow, orders started to be lost, a node went NotReady, the API went
//! away), never the steady flow, so the region does not chatter.

use crate::i18n::{Lang, Text};
use crate::live::LiveView;
use fanout_engine::cluster::NodeStatus;
use fanout_engine::scenario::{ComponentKind, Scenario};

/// A queue counts as piling up from this many waiting messages.
const BACKLOG_WORTH_MENTIONING: u64 = 10;

/// The sentences worth saying about the step from `before` to `after`
/// (both taken from the same run), in the order they happened to be found.
/// `lost_before` and `lost_after` are the scenario-wide lost counters.
pub fn narrate(
    scenario: &Scenario,
    before: &LiveView,
    after: &LiveView,
    lost_before: u64,
    lost_after: u64,
    lang: Lang,
) -> Vec<String> {
    let mut said = Vec::new();
    for c in &scenario.components {
        let (was, now) = (before.activity(&c.id), after.activity(&c.id));
        let name = if c.name.is_empty() { c.id.as_str() } else { c.name.as_str() };
        match c.kind() {
            ComponentKind::Publisher | ComponentKind::Consumer if !was.down && now.down => {
                // Where its work piles up: the queues wired into it.
                let waiting: Vec<String> = scenario
                    .wires
                    .iter()
                    .filter(|w| w.to == c.id)
                    .filter_map(|w| scenario.component(&w.from))
                    .filter(|q| q.kind() == ComponentKind::Queue)
                    .map(|q| {
                        let depth = after.activity(&q.id).waiting;
                        lang.format(Text::NarrateWaitingIn, &[("n", &depth), ("queue", &q.name)])
                    })
                    .collect();
                if waiting.is_empty() {
                    said.push(lang.format(Text::NarrateDown, &[("name", &name)]));
                } else {
                    said.push(lang.format(
                        Text::NarrateDownWithBacklog,
                        &[("name", &name), ("waiting", &waiting.join(", "))],
                    ));
                }
            }
            ComponentKind::Publisher | ComponentKind::Consumer if was.down && !now.down => {
                said.push(lang.format(Text::NarrateBack, &[("name", &name)]));
            }
            ComponentKind::Queue
                if was.waiting < BACKLOG_WORTH_MENTIONING && now.waiting >= BACKLOG_WORTH_MENTIONING =>
            {
                said.push(lang.format(Text::NarrateBacklog, &[("queue", &name), ("n", &now.waiting)]));
            }
            ComponentKind::Queue if was.waiting >= BACKLOG_WORTH_MENTIONING && now.waiting == 0 => {
                said.push(lang.format(Text::NarrateDrained, &[("queue", &name)]));
            }
            _ => {}
        }
    }
    if let (Some(was), Some(now)) = (&before.cluster, &after.cluster) {
        for (node, n) in &now.nodes {
            let old = was.nodes.get(node);
            if old.is_some_and(|o| !o.down) && n.down {
                said.push(lang.format(Text::NarrateNodeDied, &[("node", node)]));
            }
            if old.is_some_and(|o| o.status != NodeStatus::NotReady) && n.status == NodeStatus::NotReady {
                let pods = now.pods_on(node).count();
                said.push(lang.format(Text::NarrateNodeNotReady, &[("node", node), ("pods", &pods)]));
            }
        }
        match (was.control_plane.api_available, now.control_plane.api_available) {
            (true, false) => said.push(lang.t(Text::NarrateApiDown).to_string()),
            (false, true) => said.push(lang.t(Text::NarrateApiBack).to_string()),
            _ => {}
        }
    }
    if lost_before == 0 && lost_after > 0 {
        said.push(lang.format(Text::NarrateLosing, &[("n", &lost_after)]));
    }
    said
}

#[cfg(test)]
mod tests {
    use super::*;
    use fanout_engine::scenario::ComponentId;
    use fanout_engine::{SimTime, Simulation};

    fn preset(stem: &str) -> Scenario {
        let json = crate::presets::PRESETS.iter().find(|(s, _)| *s == stem).expect("preset").1;
        Scenario::from_json(json).expect("valid preset")
    }

    fn snapshot(sim: &Simulation, scenario: &Scenario) -> LiveView {
        LiveView {
            now_ms: sim.now().as_ms(),
            activity: scenario.components.iter().map(|c| (c.id.clone(), sim.activity(&c.id))).collect(),
            cluster: sim.cluster().map(crate::live::ClusterLive::new),
        }
    }

    #[test]
    fn a_dead_consumer_is_narrated_with_the_orders_waiting_for_it() {
        let scenario = preset("sns-sqs-per-service");
        let mut sim = Simulation::new(&scenario).unwrap();
        sim.run_until(SimTime::from_secs(5));
        let before = snapshot(&sim, &scenario);
        sim.command(fanout_engine::scenario::Fault::Kill(ComponentId::new("shipping"))).unwrap();
        let after = snapshot(&sim, &scenario);
        let said = narrate(&scenario, &before, &after, 0, 0, Lang::En);
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(said[0].starts_with("Shipping is down;"), "{said:?}");
        assert!(said[0].contains("waiting in"), "{said:?}");

        // Nothing changes between two identical snapshots: nothing is said.
        assert!(narrate(&scenario, &after, &after, 0, 0, Lang::En).is_empty());
        // The first lost order is worth a sentence; later ones are not.
        assert_eq!(narrate(&scenario, &after, &after, 0, 3, Lang::En).len(), 1);
        assert!(narrate(&scenario, &after, &after, 3, 9, Lang::En).is_empty());
    }

    #[test]
    fn a_zone_outage_is_narrated_node_by_node_and_in_korean_too() {
        let scenario = preset("zone-outage");
        let mut sim = Simulation::new(&scenario).unwrap();
        sim.run_until(SimTime::from_secs(59));
        let before = snapshot(&sim, &scenario);
        sim.run_until(SimTime::from_secs(61));
        let after = snapshot(&sim, &scenario);
        let said = narrate(&scenario, &before, &after, 0, 0, Lang::En);
        assert!(said.iter().any(|s| s.contains("a-1")) && said.iter().any(|s| s.contains("a-2")), "{said:?}");
        let korean = narrate(&scenario, &before, &after, 0, 0, Lang::Ko);
        assert_eq!(korean.len(), said.len());
        assert_ne!(korean, said);
    }
}
