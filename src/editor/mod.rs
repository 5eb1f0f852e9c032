//! The editor: the SVG canvas, the palette, the inspector and the pointer
//! state machine that turns drags and clicks into `Edit`s.

mod canvas;
mod cluster_inspector;
mod control_plane;
mod fields;
pub mod format;
pub mod geometry;
mod icons;
mod inspector;
mod links;
mod connections;
mod lists;
mod palette;
pub mod viewport;
pub mod parse;

pub use canvas::Canvas;
pub use inspector::Inspector;
pub use palette::Palette;

use fanout_engine::scenario::{Component, ComponentId, ComponentKind, Scenario, Spec};
use crate::embed::ViewBox;
use geometry::Point;

/// What is selected on the canvas. Transient editor state, never saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    Component(ComponentId),
    Wire { from: ComponentId, to: ComponentId },
}

/// The word used in default names ("Queue 2"), shorter than the palette label.
pub fn short_label(kind: ComponentKind) -> &'static str {
    match kind {
        ComponentKind::Topic => "Topic",
        ComponentKind::Queue => "Queue",
        other => other.label(),
    }
}

/// A new component of `kind` centred at `at`, with a fresh id, a friendly
/// name that matches the id's number ("queue-2" is called "Queue 2") and the
/// kind's default settings. `fifo` makes a queue or topic FIFO, named as AWS
/// requires ("Queue 2.fifo").
pub fn new_component(scenario: &Scenario, kind: ComponentKind, fifo: bool, at: Point) -> Component {
    let id = scenario.next_id(kind);
    let number = id.as_str().rsplit('-').next().unwrap_or("1");
    let mut spec = kind.default_spec();
    match &mut spec {
        Spec::Queue(q) => q.fifo = fifo,
        Spec::Topic(t) => t.fifo = fifo,
        _ => {}
    }
    Component {
        name: format!("{} {number}{}", short_label(kind), if is_fifo(&spec) { ".fifo" } else { "" }),
        id,
        x: at.x.round(),
        y: at.y.round(),
        spec,
    }
}

/// Whether a component is a FIFO queue or topic.
pub fn is_fifo(spec: &Spec) -> bool {
    match spec {
        Spec::Queue(q) => q.fifo,
        Spec::Topic(t) => t.fifo,
        _ => false,
    }
}

/// Takes focus away from whatever has it, so a half-typed inspector value is
/// committed (fields commit on blur) before a press on the canvas or palette
/// changes the selection and the field disappears. Presses on SVG shapes do
/// not move focus by themselves until after our handlers have run.
pub(crate) fn commit_pending_input() {
    use wasm_bindgen::JsCast;
    let active = gloo_utils::document().active_element();
    if let Some(element) = active.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        // blur() only fails on a detached element, which has nothing to commit.
        let _ = element.blur();
    }
}

/// The canvas SVG in the page, found by its test hook. The palette uses it to
/// tell whether a drag ended over the canvas and where.
pub(crate) fn canvas_element() -> Option<web_sys::Element> {
    gloo_utils::document().query_selector("[data-testid=canvas]").ok().flatten()
}

/// The point in canvas coordinates under a pointer at client `(x, y)`, and
/// the part of the canvas on screen (to keep boxes inside it), through the
/// SVG's current `viewBox` (pan and zoom, or embed mode's fit).
pub(crate) fn client_to_canvas(svg: &web_sys::Element, client_x: f64, client_y: f64) -> (Point, ViewBox) {
    let rect = svg.get_bounding_client_rect();
    let fit = svg_fit(svg, &rect);
    let css = Point::new(client_x - rect.left(), client_y - rect.top());
    (viewport::to_canvas(fit, css), viewport::visible(fit, rect.width(), rect.height()))
}

/// The part of the canvas the SVG shows, in canvas units.
pub(crate) fn visible_part(svg: &web_sys::Element) -> ViewBox {
    let rect = svg.get_bounding_client_rect();
    viewport::visible(svg_fit(svg, &rect), rect.width(), rect.height())
}

/// How the SVG's `viewBox` (if any) lands on its on-screen rectangle.
fn svg_fit(svg: &web_sys::Element, rect: &web_sys::DomRect) -> crate::embed::Fit {
    let view = svg.get_attribute("viewBox").and_then(|a| viewport::parse_view_box(&a));
    viewport::fit_of(view, rect.width(), rect.height())
}

/// Moves keyboard focus to the inspector's first setting (Enter on a box),
/// so a person working without a mouse goes straight on to edit it.
pub(crate) fn focus_inspector() {
    use wasm_bindgen::JsCast;
    let first = gloo_utils::document()
        .query_selector(".inspector-body input, .inspector-body select, .inspector-body textarea, .inspector-body button")
        .ok()
        .flatten();
    if let Some(field) = first.and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = field.focus();
    }
}
