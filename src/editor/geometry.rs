//! Where things are drawn, shared by the SVG canvas and the message overlay
//! so a dot always rides exactly on its wire. Canvas units are CSS pixels at
//! zoom 1; a component's (x, y) is the centre of its box.

use fanout_engine::scenario::{Component, ComponentKind};

pub const BOX_WIDTH: f64 = 128.0;
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

/// Whether a kind has an input port (something can wire into it).
pub fn has_in_port(kind: ComponentKind) -> bool {
    kind != ComponentKind::Publisher
}

/// Whether a kind has an output port (it can wire to something).
pub fn has_out_port(kind: ComponentKind) -> bool {
    kind != ComponentKind::Consumer
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
