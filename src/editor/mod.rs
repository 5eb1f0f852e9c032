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
mod lists;
mod palette;
pub mod parse;

pub use canvas::Canvas;
pub use inspector::Inspector;
pub use palette::Palette;

use fanout_engine::scenario::{Component, ComponentId, ComponentKind, Scenario, Spec};
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

/// What a person calls a component's kind, FIFO variants included.
pub fn variant_label(kind: ComponentKind, fifo: bool) -> &'static str {
    match (kind, fifo) {
        (ComponentKind::Topic, true) => "SNS FIFO topic",
        (ComponentKind::Queue, true) => "SQS FIFO queue",
        _ => kind.label(),
    }
}

pub fn component_label(c: &Component) -> &'static str {
    variant_label(c.kind(), is_fifo(&c.spec))
}

/// [`kind_help`] for a component, FIFO variants included.
pub fn component_help(c: &Component) -> &'static str {
    variant_help(c.kind(), is_fifo(&c.spec))
}

/// What a kind does, FIFO variants included: the palette's tooltips and the
/// inspector's introduction.
pub fn variant_help(kind: ComponentKind, fifo: bool) -> &'static str {
    match (kind, fifo) {
        (ComponentKind::Topic, true) => {
            "SNS FIFO topic: like a Standard topic, but each message group keeps its order, duplicates \
             within 5 minutes are dropped, and it publishes up to 3,000 msg/s. It delivers only to \
             SQS FIFO queues."
        }
        (ComponentKind::Queue, true) => {
            "SQS FIFO queue: each message group is delivered in order, one message of a group in flight \
             at a time (the head blocks its group); duplicates within 5 minutes are accepted but not \
             delivered; 300 API calls/s per action, 3,000 msg/s with batches of 10."
        }
        _ => kind_help(kind),
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

/// The point in canvas coordinates under a pointer at client `(x, y)`, if it
/// is over the canvas; also the canvas size, to keep boxes inside it.
pub(crate) fn client_to_canvas(svg: &web_sys::Element, client_x: f64, client_y: f64) -> (Point, f64, f64) {
    let rect = svg.get_bounding_client_rect();
    (Point::new(client_x - rect.left(), client_y - rect.top()), rect.width(), rect.height())
}

/// What a kind does, in a sentence or three: the palette item's tooltip and
/// the inspector's introduction. Figures match the defaults (SEMANTICS.md).
pub fn kind_help(kind: ComponentKind) -> &'static str {
    match kind {
        ComponentKind::Publisher => {
            "Publisher: creates orders (default 2 msg/s, steady or Poisson) and sends a copy down \
             every outgoing wire. Wired straight to a consumer it is a direct HTTP-like call: \
             orders sent while that consumer is down are lost."
        }
        ComponentKind::Topic => {
            "SNS Standard topic: pushes a copy of every message to each subscriber (its outgoing \
             wires). Pushes to a consumer that is down are retried 3 times, 20 s apart, then \
             dropped; delivery into a queue always succeeds."
        }
        ComponentKind::Queue => {
            "SQS Standard queue: stores messages until a consumer receives and deletes them; \
             visibility timeout 30 s. At-least-once: a message that is received but not deleted \
             in time becomes visible again and is delivered again."
        }
        ComponentKind::Consumer => {
            "Consumer: a service that processes each message (default 200 ms, one at a time) and \
             deletes it from its queue when done. Scale it out with instances; kill it to see \
             what is lost or redelivered."
        }
        ComponentKind::Node => {
            "Node: a machine of the Kubernetes cluster (default 4 CPUs, 8 GiB, zone-a) with a kubelet \
             reporting every 10 s. Kill it: the API marks it NotReady after 50 s and evicts its pods \
             300 s later."
        }
        ComponentKind::Deployment => {
            "Deployment: keeps its replicas (default 3) running as pods on the nodes. A consumer or \
             publisher can run on it: one instance per Running and Ready pod."
        }
        ComponentKind::Service => {
            "Service: a stable address for the Ready pods its selector matches. Wire a publisher or \
             topic to it for HTTP calls; with no Ready endpoint a call fails."
        }
        ComponentKind::Ingress => {
            "Ingress: routes HTTP requests by host and path to services (needs an ingress controller)."
        }
        ComponentKind::ControlPlane => {
            "Control plane: kube-apiserver with etcd (3 members, quorum 2), kube-scheduler and \
             kube-controller-manager. A cluster has exactly one."
        }
    }
}
