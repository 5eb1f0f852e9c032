//! Where things are drawn, shared by the SVG canvas and the message overlay
//! so a dot always rides exactly on its wire. Canvas units are CSS pixels at
//! zoom 1; a component's (x, y) is the centre of its box.

use fanout_engine::scenario::edit::connection_rule;
use fanout_engine::scenario::{Component, ComponentKind};

pub const BOX_WIDTH: f64 = 144.0;
pub const BOX_HEIGHT: f64 = 56.0;
/// Radius of a port circle.
pub const PORT_RADIUS: f64 = 7.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Self {
        Point { x, y }
    }
}

/// Whether a kind has an input port: some kind may wire into it (a node,
/// a deployment or the control plane never receives messages).
pub fn has_in_port(kind: ComponentKind) -> bool {
    ComponentKind::ALL.iter().any(|&from| connection_rule(from, kind).is_ok())
}

/// Whether a kind has an output port: it may wire to some kind.
pub fn has_out_port(kind: ComponentKind) -> bool {
    ComponentKind::ALL.iter().any(|&to| connection_rule(kind, to).is_ok())
}

/// Centre of the input port, on the left edge.
pub fn in_port(c: &Component) -> Point {
    Point::new(c.x - BOX_WIDTH / 2.0, c.y)
}

/// Centre of the output port, on the right edge.
pub fn out_port(c: &Component) -> Point {
    Point::new(c.x + BOX_WIDTH / 2.0, c.y)
}

/// A wire is a cubic Bézier from `from`'s output port to `to`'s input port.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WireCurve {
    pub start: Point,
    pub control1: Point,
    pub control2: Point,
    pub end: Point,
}

pub fn wire_curve(from: &Component, to: &Component) -> WireCurve {
    curve_between(out_port(from), in_port(to))
}

/// The curve from any start point to any end point (also used while a wire
/// is being dragged to the pointer).
pub fn curve_between(start: Point, end: Point) -> WireCurve {
    let bend = ((end.x - start.x).abs() / 2.0).max(40.0);
    WireCurve {
        start,
        control1: Point::new(start.x + bend, start.y),
        control2: Point::new(end.x - bend, end.y),
        end,
    }
}

impl WireCurve {
    /// The SVG path `d` attribute.
    pub fn svg_path(&self) -> String {
        format!(
            "M {:.1} {:.1} C {:.1} {:.1}, {:.1} {:.1}, {:.1} {:.1}",
            self.start.x,
            self.start.y,
            self.control1.x,
            self.control1.y,
            self.control2.x,
            self.control2.y,
            self.end.x,
            self.end.y
        )
    }

    /// The point a fraction `t` (0 = start, 1 = end) along the curve.
    pub fn point_at(&self, t: f64) -> Point {
        let t = t.clamp(0.0, 1.0);
        let u = 1.0 - t;
        let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
        Point::new(
            a * self.start.x + b * self.control1.x + c * self.control2.x + d * self.end.x,
            a * self.start.y + b * self.control1.y + c * self.control2.y + d * self.end.y,
        )
    }
}

impl Point {
    /// Straight-line distance to `other`.
    pub fn distance_to(self, other: Point) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }
}

/// Whether `p` lies on the component: its box or one of its ports (which
/// stick out half a port beyond the box edges).
pub fn contains(c: &Component, p: Point) -> bool {
    let half_width = BOX_WIDTH / 2.0 + PORT_RADIUS;
    let half_height = BOX_HEIGHT / 2.0;
    (p.x - c.x).abs() <= half_width && (p.y - c.y).abs() <= half_height
}

/// The component drawn topmost at `p`, if any. Later components are drawn
/// over earlier ones, so the search runs back to front.
pub fn component_at(components: &[Component], p: Point) -> Option<&Component> {
    components.iter().rev().find(|c| contains(c, p))
}

/// The dashed arrow from a queue to its dead-letter queue (redrive). It
/// leaves the source's bottom (or top) edge and enters the DLQ's top (or
/// bottom) edge; two boxes side by side are joined by a loop underneath.
pub fn redrive_curve(source: &Component, dlq: &Component) -> WireCurve {
    let half = BOX_HEIGHT / 2.0;
    let dy = dlq.y - source.y;
    if dy.abs() < BOX_HEIGHT + 24.0 {
        let start = Point::new(source.x, source.y + half);
        let end = Point::new(dlq.x, dlq.y + half);
        let low = start.y.max(end.y) + 48.0;
        return WireCurve { start, control1: Point::new(start.x, low), control2: Point::new(end.x, low), end };
    }
    let sign = dy.signum();
    dlq_curve(Point::new(source.x, source.y + sign * half), dlq)
}

/// The dashed arrow from a point (the middle of a subscription wire) to a
/// dead-letter queue, entering the box's nearer top or bottom edge.
pub fn dlq_curve(start: Point, dlq: &Component) -> WireCurve {
    let sign = if dlq.y >= start.y { 1.0 } else { -1.0 };
    let end = Point::new(dlq.x, dlq.y - sign * BOX_HEIGHT / 2.0);
    let bend = sign * ((end.y - start.y).abs() / 2.0).max(30.0);
    WireCurve {
        start,
        control1: Point::new(start.x, start.y + bend),
        control2: Point::new(end.x, end.y - bend),
        end,
    }
}

/// Gap kept between a box and the canvas edge when placing or moving.
pub const EDGE_MARGIN: f64 = 8.0;

/// Keeps a box centre where the whole box stays visible in the part of the
/// canvas on screen (after pan and zoom).
pub fn clamp_centre_in(p: Point, shown: crate::embed::ViewBox) -> Point {
    let inside = clamp_centre(Point::new(p.x - shown.x, p.y - shown.y), shown.width, shown.height);
    Point::new((inside.x + shown.x).round(), (inside.y + shown.y).round())
}

/// Keeps a box centre where the whole box stays visible on a canvas of
/// `width × height`, so a box is never dropped where nobody can see it. A
/// canvas too small for a box pins it to the margin.
pub fn clamp_centre(p: Point, width: f64, height: f64) -> Point {
    let min_x = BOX_WIDTH / 2.0 + PORT_RADIUS + EDGE_MARGIN;
    let min_y = BOX_HEIGHT / 2.0 + EDGE_MARGIN;
    let max_x = (width - min_x).max(min_x);
    let max_y = (height - min_y).max(min_y);
    Point::new(p.x.clamp(min_x, max_x).round(), p.y.clamp(min_y, max_y).round())
}

/// Horizontal spacing of the columns click-to-add uses, one per kind, so a
/// scenario built by clicking reads left to right like the message flow.
pub const COLUMN_SPACING: f64 = 200.0;
/// Vertical spacing between boxes placed by click-to-add.
pub const ROW_SPACING: f64 = 88.0;

/// A place for a new component of `kind` that overlaps nothing: the first
/// free row in the kind's column (publishers left, consumers right).
pub fn free_spot(components: &[Component], kind: ComponentKind) -> Point {
    // Four columns fit the stage: the cluster kinds reuse them (the first
    // free row below what is there).
    let column = (ComponentKind::ALL.iter().position(|k| *k == kind).unwrap_or(0) % 4) as f64;
    let x = BOX_WIDTH / 2.0 + PORT_RADIUS + 32.0 + column * COLUMN_SPACING;
    let overlaps = |p: Point| {
        components.iter().any(|c| {
            (c.x - p.x).abs() < BOX_WIDTH + 2.0 * PORT_RADIUS && (c.y - p.y).abs() < BOX_HEIGHT + 8.0
        })
    };
    (0..200)
        .map(|row| Point::new(x, BOX_HEIGHT / 2.0 + 40.0 + row as f64 * ROW_SPACING))
        .find(|p| !overlaps(*p))
        .unwrap_or(Point::new(x, BOX_HEIGHT / 2.0 + 40.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use fanout_engine::scenario::ComponentId;

    fn component(id: &str, kind: ComponentKind, x: f64, y: f64) -> Component {
        Component { id: ComponentId::new(id), name: id.into(), x, y, spec: kind.default_spec() }
    }

    #[test]
    fn only_kinds_that_can_be_wired_have_ports() {
        use ComponentKind::*;
        let inputs: Vec<ComponentKind> = ComponentKind::ALL.into_iter().filter(|&k| has_in_port(k)).collect();
        let outputs: Vec<ComponentKind> = ComponentKind::ALL.into_iter().filter(|&k| has_out_port(k)).collect();
        assert_eq!(inputs, [Topic, Queue, Consumer, Service, Ingress]);
        assert_eq!(outputs, [Publisher, Topic, Queue]);
    }

    #[test]
    fn a_wire_starts_and_ends_on_its_ports() {
        let a = component("a", ComponentKind::Publisher, 100.0, 100.0);
        let b = component("b", ComponentKind::Queue, 400.0, 250.0);
        let curve = wire_curve(&a, &b);
        assert_eq!(curve.point_at(0.0), out_port(&a));
        assert_eq!(curve.point_at(1.0), in_port(&b));
    }

    #[test]
    fn hit_testing_finds_the_topmost_box_including_its_ports() {
        let below = component("below", ComponentKind::Queue, 100.0, 100.0);
        let above = component("above", ComponentKind::Queue, 120.0, 100.0);
        let components = vec![below, above];
        assert_eq!(component_at(&components, Point::new(110.0, 100.0)).unwrap().id.as_str(), "above");
        assert_eq!(component_at(&components, Point::new(40.0, 100.0)).unwrap().id.as_str(), "below");
        assert!(component_at(&components, Point::new(100.0, 200.0)).is_none());
    }

    #[test]
    fn click_to_add_never_stacks_boxes() {
        let mut components = Vec::new();
        for n in 0..5 {
            let p = free_spot(&components, ComponentKind::Consumer);
            assert!(components.iter().all(|c: &Component| !contains(c, p)), "spot {n} overlaps");
            components.push(component(&format!("c{n}"), ComponentKind::Consumer, p.x, p.y));
        }
    }

    #[test]
    fn dead_letter_arrows_end_on_the_dlq_box_edge() {
        let source = component("q", ComponentKind::Queue, 100.0, 100.0);
        let below = component("dlq", ComponentKind::Queue, 300.0, 300.0);
        let curve = redrive_curve(&source, &below);
        assert_eq!(curve.start, Point::new(100.0, 100.0 + BOX_HEIGHT / 2.0));
        assert_eq!(curve.end, Point::new(300.0, 300.0 - BOX_HEIGHT / 2.0));
        let above = component("dlq", ComponentKind::Queue, 300.0, -100.0);
        assert_eq!(redrive_curve(&source, &above).end, Point::new(300.0, -100.0 + BOX_HEIGHT / 2.0));
        // Side by side: a loop under both boxes, never through them.
        let beside = component("dlq", ComponentKind::Queue, 400.0, 110.0);
        let curve = redrive_curve(&source, &beside);
        assert!(curve.point_at(0.5).y > 110.0 + BOX_HEIGHT / 2.0);
    }

    #[test]
    fn boxes_stay_on_the_canvas() {
        let p = clamp_centre(Point::new(-500.0, 10_000.0), 800.0, 600.0);
        assert!(p.x - BOX_WIDTH / 2.0 > 0.0);
        assert!(p.y + BOX_HEIGHT / 2.0 < 600.0);
    }
}
