//! The cluster's relations, drawn as dotted links between boxes so a person
//! sees how the parts fit without opening an inspector: a consumer or
//! publisher *runs on* a deployment, a service *selects* a deployment's pods
//! by their labels, and an ingress *routes* a path to a service. They are
//! derived from settings, never edited by dragging, and carry no messages.

use super::geometry::{Point, WireCurve, BOX_HEIGHT, BOX_WIDTH};
use crate::i18n::{Lang, Text};
use fanout_engine::scenario::{Component, ComponentId, Scenario, Spec};

/// What a link says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    RunsOn,
    Selects,
    Routes,
}

impl LinkKind {
    /// The `data-testid` prefix and CSS class suffix.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::RunsOn => "runs-on",
            LinkKind::Selects => "selects",
            LinkKind::Routes => "routes",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub from: ComponentId,
    pub to: ComponentId,
    pub kind: LinkKind,
    /// Words on the link (an ingress rule's host and path), or empty.
    pub label: String,
    /// The sentence a tooltip shows.
    pub explanation: String,
}

/// Every link the scenario's settings imply, in component order, explained
/// in `lang`.
pub fn cluster_links(scenario: &Scenario, lang: Lang) -> Vec<Link> {
    let name = |id: &ComponentId| scenario.component(id).map_or_else(|| id.to_string(), |c| c.name.clone());
    let mut links = Vec::new();
    for c in &scenario.components {
        match &c.spec {
            Spec::Consumer(config) => push_runs_on(&mut links, scenario, c, config.runs_on.as_ref(), &name, lang),
            Spec::Publisher(config) => push_runs_on(&mut links, scenario, c, config.runs_on.as_ref(), &name, lang),
            Spec::Service(service) => {
                for d in scenario.components.iter().filter(|d| matches!(d.spec, Spec::Deployment(_))) {
                    if selects(&service.selector, d) {
                        links.push(Link {
                            from: c.id.clone(),
                            to: d.id.clone(),
                            kind: LinkKind::Selects,
                            label: String::new(),
                            explanation: lang.format(Text::LinkSelects, &[("service", &c.name), ("deployment", &d.name)]),
                        });
                    }
                }
            }
            Spec::Ingress(ingress) => {
                for rule in &ingress.rules {
                    let to = ComponentId::new(&rule.service);
                    if scenario.component(&to).is_none() || links.iter().any(|l| l.from == c.id && l.to == to) {
                        continue;
                    }
                    let label = format!("{}{}", rule.host, rule.path_prefix);
                    links.push(Link {
                        from: c.id.clone(),
                        explanation: lang.format(
                            Text::LinkRoutes,
                            &[("ingress", &c.name), ("rule", &label), ("service", &name(&to))],
                        ),
                        to,
                        kind: LinkKind::Routes,
                        label,
                    });
                }
            }
            _ => {}
        }
    }
    links
}

fn push_runs_on(
    links: &mut Vec<Link>,
    scenario: &Scenario,
    c: &Component,
    runs_on: Option<&ComponentId>,
    name: &dyn Fn(&ComponentId) -> String,
    lang: Lang,
) {
    let Some(deployment) = runs_on.filter(|d| scenario.component(d).is_some()) else { return };
    links.push(Link {
        from: c.id.clone(),
        to: deployment.clone(),
        kind: LinkKind::RunsOn,
        label: String::new(),
        explanation: lang.format(Text::LinkRunsOn, &[("name", &c.name), ("deployment", &name(deployment))]),
    });
}

/// Whether a service's selector picks a deployment's pods: every pod carries
/// `app: <deployment id>` and its template's labels; an empty selector
/// selects nothing.
fn selects(selector: &std::collections::BTreeMap<String, String>, deployment: &Component) -> bool {
    let Spec::Deployment(d) = &deployment.spec else { return false };
    !selector.is_empty()
        && selector.iter().all(|(key, value)| {
            if key == "app" {
                value == deployment.id.as_str()
            } else {
                d.template.labels.get(key) == Some(value)
            }
        })
}

/// Where the straight line between two box centres leaves a box centred at
/// `centre`, heading for `towards`.
fn box_edge(centre: Point, towards: Point) -> Point {
    let (dx, dy) = (towards.x - centre.x, towards.y - centre.y);
    if dx == 0.0 && dy == 0.0 {
        return centre;
    }
    let scale_x = if dx == 0.0 { f64::INFINITY } else { (BOX_WIDTH / 2.0) / dx.abs() };
    let scale_y = if dy == 0.0 { f64::INFINITY } else { (BOX_HEIGHT / 2.0) / dy.abs() };
    let t = scale_x.min(scale_y).min(1.0);
    Point::new(centre.x + dx * t, centre.y + dy * t)
}

/// A straight link from the edge of one box to the edge of the other.
pub fn link_curve(from: &Component, to: &Component) -> WireCurve {
    let (a, b) = (Point::new(from.x, from.y), Point::new(to.x, to.y));
    let (start, end) = (box_edge(a, b), box_edge(b, a));
    let third = |t: f64| Point::new(start.x + (end.x - start.x) * t, start.y + (end.y - start.y) * t);
    WireCurve { start, control1: third(1.0 / 3.0), control2: third(2.0 / 3.0), end }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn preset(stem: &str) -> Scenario {
        let json = crate::presets::PRESETS.iter().find(|(s, _)| *s == stem).expect("preset").1;
        Scenario::from_json(json).expect("valid preset")
    }

    #[test]
    fn the_zone_outage_links_consumers_to_their_deployments() {
        let links = cluster_links(&preset("zone-outage"), Lang::En);
        let runs_on: Vec<(&str, &str)> = links
            .iter()
            .filter(|l| l.kind == LinkKind::RunsOn)
            .map(|l| (l.from.as_str(), l.to.as_str()))
            .collect();
        assert_eq!(runs_on, [("shipping", "shipping-pods"), ("accounting", "accounting-pods")]);
    }

    #[test]
    fn a_service_selects_the_deployment_its_selector_matches() {
        let links = cluster_links(&preset("pod-failover"), Lang::En);
        assert!(links.iter().any(|l| l.kind == LinkKind::Selects && l.from.as_str() == "web" && l.to.as_str() == "web-pods"));
    }

    #[test]
    fn links_leave_and_enter_box_edges() {
        let at = |x, y| Point::new(x, y);
        let near = |p: Point, q: Point| (p.x - q.x).abs() < 1e-9 && (p.y - q.y).abs() < 1e-9;
        assert!(near(box_edge(at(0.0, 0.0), at(300.0, 0.0)), at(BOX_WIDTH / 2.0, 0.0)));
        assert!(near(box_edge(at(0.0, 0.0), at(0.0, -200.0)), at(0.0, -BOX_HEIGHT / 2.0)));
        assert!(near(box_edge(at(5.0, 5.0), at(5.0, 5.0)), at(5.0, 5.0)));
    }
}
