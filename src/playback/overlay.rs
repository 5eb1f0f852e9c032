//! The message overlay: a `<canvas>` over the SVG stage on which every copy
//! travelling a wire is a dot, drawn each frame straight from the engine.
//! Dots are many and move every frame, so they are never Yew nodes.

use crate::editor::geometry::{wire_curve, WireCurve};
use crate::embed::ViewBox;
use crate::i18n::Text;
use fanout_engine::scenario::{ComponentKind, Scenario};
use fanout_engine::Simulation;
use std::collections::BTreeMap;
use std::f64::consts::TAU;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

const DOT_RADIUS: f64 = 4.5;
/// A message the network will drop: a hollow red ring.
const DROPPED_COLOUR: &str = "#e03131";

/// Where a dot was drawn, for telling which message a press is on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dot {
    pub x: f64,
    pub y: f64,
    pub order: u64,
}

/// What a wire carries, which decides a dot's colour (the legend in the
/// transport bar uses the same names).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WireKind {
    /// Publisher → consumer: an HTTP-like call that is lost if nobody answers.
    Direct,
    /// Publisher or topic → a queue.
    Enqueue,
    /// A topic pushing to a consumer, or a publisher publishing to a topic.
    Push,
    /// A queue handing a copy to a consumer that asked for it.
    Receive,
}

impl WireKind {
    pub const ALL: [WireKind; 4] = [WireKind::Direct, WireKind::Push, WireKind::Enqueue, WireKind::Receive];

    pub fn of(from: ComponentKind, to: ComponentKind) -> WireKind {
        match (from, to) {
            (ComponentKind::Publisher, ComponentKind::Consumer) => WireKind::Direct,
            (_, ComponentKind::Queue) => WireKind::Enqueue,
            (ComponentKind::Queue, _) => WireKind::Receive,
            _ => WireKind::Push,
        }
    }

    pub fn colour(self) -> &'static str {
        match self {
            WireKind::Direct => "#e8590c",
            WireKind::Push => "#7048e8",
            WireKind::Enqueue => "#1c7ed6",
            WireKind::Receive => "#2f9e44",
        }
    }

    /// What the dot colour means, for the legend.
    pub fn label(self) -> Text {
        match self {
            WireKind::Direct => Text::WireDirect,
            WireKind::Push => Text::WirePush,
            WireKind::Enqueue => Text::WireEnqueue,
            WireKind::Receive => Text::WireReceive,
        }
    }

    fn index(self) -> usize {
        match self {
            WireKind::Direct => 0,
            WireKind::Push => 1,
            WireKind::Enqueue => 2,
            WireKind::Receive => 3,
        }
    }
}

/// The curve and kind of every wire, by wire index, computed once per
/// scenario change rather than every frame. `None` for a wire whose ends are
/// missing (which validation rules out, but drawing must not trust that).
pub fn wire_paths(scenario: &Scenario) -> Vec<Option<(WireCurve, WireKind)>> {
    let by_id: BTreeMap<_, _> = scenario.components.iter().map(|c| (&c.id, c)).collect();
    scenario
        .wires
        .iter()
        .map(|w| {
            let (from, to) = (by_id.get(&w.from)?, by_id.get(&w.to)?);
            Some((wire_curve(from, to), WireKind::of(from.kind(), to.kind())))
        })
        .collect()
}

/// Sizes the canvas's backing store to its CSS box times the device pixel
/// ratio (so dots stay crisp), clears it, and draws the dots of `sim`, if
/// any, ringing those of the `highlight` order. Every dot drawn is written
/// to `drawn`, in CSS px. With a `view_box` (embed mode), the dots are
/// scaled and placed as the SVG fits that view box to the stage, so they
/// stay on their wires.
pub fn draw(
    canvas: &HtmlCanvasElement,
    sim: Option<&Simulation>,
    paths: &[Option<(WireCurve, WireKind)>],
    highlight: Option<u64>,
    view_box: Option<ViewBox>,
    drawn: &mut Vec<Dot>,
) {
    drawn.clear();
    let Some(window) = web_sys::window() else { return };
    let ratio = window.device_pixel_ratio().max(1.0);
    let (css_width, css_height) = (f64::from(canvas.client_width()), f64::from(canvas.client_height()));
    let (width, height) = ((css_width * ratio).round() as u32, (css_height * ratio).round() as u32);
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
    let Some(context) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let _ = context.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
    context.clear_rect(0.0, 0.0, css_width, css_height);
    let Some(sim) = sim else { return };
    let fit = view_box.map_or(crate::embed::Fit::NONE, |v| v.fit(css_width, css_height));
    let (scale, dx, dy) = (ratio * fit.scale, ratio * fit.offset_x, ratio * fit.offset_y);
    let _ = context.set_transform(scale, 0.0, 0.0, scale, dx, dy);

    // One path per colour: a few fill calls per frame however many dots.
    // Index 4 holds the messages the network will drop.
    let now = sim.now();
    let mut dots: [Vec<(f64, f64)>; 5] = Default::default();
    let mut ringed = Vec::new();
    for transit in sim.transits() {
        let Some(Some((curve, kind))) = paths.get(transit.wire) else { continue };
        let span = transit.arrive_at.saturating_sub(transit.sent_at).as_micros();
        let travelled = now.saturating_sub(transit.sent_at).as_micros();
        let fraction = if span == 0 { 1.0 } else { travelled as f64 / span as f64 };
        let point = curve.point_at(fraction);
        let group = if transit.dropped { 4 } else { kind.index() };
        dots[group].push((point.x, point.y));
        let (css_x, css_y) = fit.to_css(point.x, point.y);
        drawn.push(Dot { x: css_x, y: css_y, order: transit.order });
        if highlight == Some(transit.order) {
            ringed.push((point.x, point.y));
        }
    }
    let circles = |points: &[(f64, f64)], radius: f64| {
        context.begin_path();
        for &(x, y) in points {
            context.move_to(x + radius, y);
            let _ = context.arc(x, y, radius, 0.0, TAU);
        }
    };
    context.set_stroke_style_str("rgba(255, 255, 255, 0.9)");
    context.set_line_width(1.5);
    for kind in WireKind::ALL {
        let points = &dots[kind.index()];
        if points.is_empty() {
            continue;
        }
        circles(points, DOT_RADIUS);
        context.set_fill_style_str(kind.colour());
        context.stroke();
        context.fill();
    }
    if !dots[4].is_empty() {
        circles(&dots[4], DOT_RADIUS - 0.75);
        context.set_fill_style_str("#fff");
        context.set_stroke_style_str(DROPPED_COLOUR);
        context.fill();
        context.stroke();
    }
    if !ringed.is_empty() {
        circles(&ringed, DOT_RADIUS + 3.0);
        context.set_stroke_style_str("#212529");
        context.set_line_width(2.0);
        context.stroke();
    }
}
