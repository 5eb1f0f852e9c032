//! The SVG canvas: components, ports and wires, and the pointer state
//! machine for moving boxes, drawing wires and selecting.
//!
//! Coordinates are canvas units, which the SVG's `viewBox` maps to the
//! screen: the editor's pan and zoom (wheel, drag on empty space, pinch; see
//! `viewport`), or embed mode's fit to the frame. Without a view box a unit
//! is a CSS pixel. The playback overlay draws message dots through the same
//! view box. In embed mode the canvas is read-only (`read_only`: boxes are
//! selected, never moved or wired). Boxes are tab stops: arrows move the
//! focused one, Enter goes on to its settings.
//! A gesture captures the pointer on the SVG, so a fast drag that leaves a
//! box, or the canvas, is not lost; a drag commits one edit on release.

use super::format;
use super::geometry::{self, Point, WireCurve, BOX_HEIGHT, BOX_WIDTH, PORT_RADIUS};
use super::icons::kind_glyph;
use super::{control_plane, links};
use super::parse::describe_policy_in;
use super::viewport;
use super::{client_to_canvas, commit_pending_input, focus_inspector, is_fifo, visible_part, Selection};
use crate::embed::ViewBox;
use crate::i18n::{self, Lang, Text};
use crate::live::{ClusterLive, LiveView};
use fanout_engine::broker::Activity;
use fanout_engine::cluster::{NodeStatus, NodeView, PodView};
use fanout_engine::scenario::edit::check_connect;
use fanout_engine::scenario::{ArrivalPattern, Component, ComponentId, ComponentKind, Edit, Fault, Scenario, Spec};
use gloo_timers::callback::Timeout;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
use web_sys::{Element, KeyboardEvent, PointerEvent};
use yew::prelude::*;

/// How far (CSS px) the pointer must travel before a press becomes a drag,
/// so a slightly shaky click still only selects.
const DRAG_THRESHOLD: f64 = 3.0;
/// How long a refused wire's reason stays at the cursor.
const REFUSAL_MS: u32 = 2_500;
/// Names longer than this are cut with an ellipsis on the box (the full name
/// is in the box's tooltip and the inspector).
const NAME_CHARS_ON_BOX: usize = 16;

#[derive(Properties, PartialEq)]
pub struct CanvasProps {
    pub scenario: Rc<Scenario>,
    pub selection: Option<Selection>,
    pub live: Rc<LiveView>,
    pub on_edit: Callback<Edit>,
    pub on_select: Callback<Option<Selection>>,
    /// The pod whose placement is being explained, if any.
    #[prop_or_default]
    pub selected_pod: Option<AttrValue>,
    /// A pod chip was pressed (its name).
    #[prop_or_default]
    pub on_pod: Callback<String>,
    /// A control-plane member was pressed: the fault to apply now.
    #[prop_or_default]
    pub on_fault: Callback<Fault>,
    /// Components a lesson step keeps off the canvas, with their wires.
    #[prop_or_default]
    pub hidden: Rc<BTreeSet<ComponentId>>,
    /// The part of the canvas to show, scaled to fit (embed mode).
    #[prop_or_default]
    pub view_box: Option<crate::embed::ViewBox>,
    /// A viewer, not an editor: presses select, but nothing moves or wires.
    #[prop_or_default]
    pub read_only: bool,
    /// Pan and zoom (wheel, drag on empty space, pinch) ask for a new view.
    #[prop_or_default]
    pub on_view: Callback<Option<crate::embed::ViewBox>>,
}

/// What the pointer is doing right now.
enum Gesture {
    Idle,
    /// A box is pressed and maybe being dragged.
    Moving {
        id: ComponentId,
        /// Pointer position minus box centre at the press, so the box does not
        /// jump to centre itself under the pointer.
        grab: Point,
        /// Pointer position at the press.
        pressed_at: Point,
        /// Where the box was and where it would be dropped now.
        from: Point,
        to: Point,
        dragging: bool,
    },
    /// A wire is being drawn from a port of `anchor` to the pointer: from
    /// its output port (the wire will start at `anchor`), or from its input
    /// port (`reverse`: the wire will end at `anchor`), which is how people
    /// who think from the receiving end draw it.
    Wiring { anchor: ComponentId, reverse: bool, pointer: Point },
    /// Empty space is dragged: the view follows (`last`, CSS px).
    Panning { last: Point },
    /// Two fingers on empty space: their distance zooms, their middle pans.
    Pinching { distance: f64, middle: Point },
}

/// A refused wire's reason, shown at the cursor for a moment.
struct Refusal {
    reason: String,
    at: Point,
    /// Near the canvas's right edge the tooltip opens to the left of the
    /// cursor instead, so it is not cut off.
    flip: bool,
}

/// How far one arrow key moves a focused box (canvas units); with Shift,
/// one cell of the background grid.
const KEY_NUDGE: f64 = 8.0;
const KEY_NUDGE_SHIFT: f64 = 24.0;

/// How much one pixel of wheel scrolling zooms (e^(-0.0015 × 100) ≈ 0.86
/// per notch of 100 px).
const WHEEL_ZOOM_PER_PIXEL: f64 = 0.0015;

/// The tooltip's widest extent (CSS `max-width` plus its offset), in px.
const REFUSAL_WIDTH: f64 = 300.0;

pub enum Msg {
    PressComponent(ComponentId, PointerEvent),
    /// A press on a port starts a wire; `reverse` for an input port.
    PressPort { id: ComponentId, reverse: bool, event: PointerEvent },
    PressWire(ComponentId, ComponentId, PointerEvent),
    /// A press on a pod chip (by pod name) asks why the pod is where it is.
    PressPod(String, PointerEvent),
    PressBackground(PointerEvent),
    PointerMove(PointerEvent),
    PointerUp(PointerEvent),
    Cancel,
    HideRefusal,
    /// The chevron on a control plane's box: show or hide its members.
    ToggleExpanded(ComponentId),
    /// The wheel over the canvas zooms around the pointer.
    Wheel(web_sys::WheelEvent),
    /// Tab reached a box: it becomes the selection, as a press would.
    FocusComponent(ComponentId),
    /// A key pressed on a focused box: arrows move it, Enter opens its
    /// settings in the inspector.
    ComponentKey(ComponentId, KeyboardEvent),
    /// The interface language changed: the canvas's words follow it.
    LangChanged(Lang),
}

pub struct Canvas {
    svg: NodeRef,
    gesture: Gesture,
    refusal: Option<Refusal>,
    /// Dropping the timer cancels it, so a newer refusal gets its full time.
    refusal_timer: Option<Timeout>,
    /// Bumped per refusal so the tooltip element is recreated and its fade
    /// animation restarts.
    refusal_serial: u32,
    /// Control planes drawn expanded (transient, like the selection).
    expanded: BTreeSet<ComponentId>,
    /// Pointers pressed on empty space, by id, at their last CSS position:
    /// one pans, two pinch.
    touches: BTreeMap<i32, Point>,
    /// The wheel listener (not passive, so the page does not scroll instead).
    _wheel: Option<gloo_events::EventListener>,
    /// Views this canvas asked for that the props have not brought back yet:
    /// events can arrive faster than Yew re-renders, and each step of a
    /// gesture must build on the last one.
    asked_views: Vec<crate::embed::ViewBox>,
    /// The language of the canvas's words (see `crate::i18n`).
    lang: Lang,
    _lang: Option<ContextHandle<Lang>>,
}

impl Canvas {
    /// The pointer's position in canvas coordinates, and the part of the
    /// canvas on screen.
    fn locate(&self, event: &PointerEvent) -> Option<(Point, ViewBox)> {
        let svg = self.svg.cast::<Element>()?;
        Some(client_to_canvas(&svg, f64::from(event.client_x()), f64::from(event.client_y())))
    }

    /// The pointer's position in CSS px from the canvas's corner, and the
    /// canvas's CSS size.
    fn css(&self, event: &web_sys::MouseEvent) -> Option<(Point, f64, f64)> {
        let rect = self.svg.cast::<Element>()?.get_bounding_client_rect();
        let at = Point::new(f64::from(event.client_x()) - rect.left(), f64::from(event.client_y()) - rect.top());
        Some((at, rect.width(), rect.height()))
    }

    /// The view gestures build on: the one last asked for, or the props'.
    fn view_now(&self, props: &CanvasProps) -> Option<crate::embed::ViewBox> {
        self.asked_views.last().copied().or(props.view_box)
    }

    /// Asks the playback host for a new view.
    fn ask_view(&mut self, props: &CanvasProps, view: crate::embed::ViewBox) {
        self.asked_views.push(view);
        props.on_view.emit(Some(view));
    }

    /// The two pinching pointers' distance and middle, when there are two.
    fn pinch(&self) -> Option<(f64, Point)> {
        let mut points = self.touches.values();
        let (a, b) = (points.next()?, points.next()?);
        Some((a.distance_to(*b), Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0)))
    }

    /// Sends the rest of this pointer's events to the SVG, wherever it goes.
    fn capture(&self, event: &PointerEvent) {
        if let Some(svg) = self.svg.cast::<Element>() {
            // Capture can fail for a pointer that is already up; the gesture
            // then simply ends at the next release the SVG sees.
            let _ = svg.set_pointer_capture(event.pointer_id());
        }
    }

    fn refuse(&mut self, ctx: &Context<Self>, reason: String, at: Point, canvas_width: f64) {
        self.refusal = Some(Refusal { reason, at, flip: at.x + REFUSAL_WIDTH > canvas_width });
        self.refusal_serial = self.refusal_serial.wrapping_add(1);
        let link = ctx.link().clone();
        self.refusal_timer = Some(Timeout::new(REFUSAL_MS, move || link.send_message(Msg::HideRefusal)));
    }

    /// The component as drawn: at its dragged position while it is moving.
    fn placed(&self, component: &Component) -> Component {
        match &self.gesture {
            Gesture::Moving { id, to, .. } if *id == component.id => {
                Component { x: to.x, y: to.y, ..component.clone() }
            }
            _ => component.clone(),
        }
    }
}

impl yew::Component for Canvas {
    type Message = Msg;
    type Properties = CanvasProps;

    fn create(ctx: &Context<Self>) -> Self {
        let (lang, lang_handle) = i18n::subscribe(ctx.link(), Msg::LangChanged);
        Canvas {
            svg: NodeRef::default(),
            gesture: Gesture::Idle,
            refusal: None,
            refusal_timer: None,
            refusal_serial: 0,
            expanded: BTreeSet::new(),
            touches: BTreeMap::new(),
            _wheel: None,
            asked_views: Vec::new(),
            lang,
            _lang: lang_handle,
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        let props = ctx.props();
        if matches!(
            msg,
            Msg::PressComponent(..) | Msg::PressPort { .. } | Msg::PressWire(..) | Msg::PressBackground(_)
        ) {
            commit_pending_input();
        }
        match msg {
            Msg::PressComponent(id, event) => {
                if event.button() != 0 {
                    return false;
                }
                let Some(component) = props.scenario.component(&id) else { return false };
                if props.read_only {
                    props.on_select.emit(Some(Selection::Component(id)));
                    return false;
                }
                let Some((pointer, _)) = self.locate(&event) else { return false };
                self.capture(&event);
                let centre = Point::new(component.x, component.y);
                self.gesture = Gesture::Moving {
                    id: id.clone(),
                    grab: Point::new(pointer.x - centre.x, pointer.y - centre.y),
                    pressed_at: pointer,
                    from: centre,
                    to: centre,
                    dragging: false,
                };
                if props.selection.as_ref() != Some(&Selection::Component(id.clone())) {
                    props.on_select.emit(Some(Selection::Component(id)));
                }
                true
            }
            Msg::FocusComponent(id) => {
                if props.selection.as_ref() != Some(&Selection::Component(id.clone())) {
                    props.on_select.emit(Some(Selection::Component(id)));
                }
                false
            }
            Msg::ComponentKey(id, event) => {
                if event.ctrl_key() || event.meta_key() || event.alt_key() {
                    return false;
                }
                let step = if event.shift_key() { KEY_NUDGE_SHIFT } else { KEY_NUDGE };
                let (dx, dy) = match event.key().as_str() {
                    "ArrowLeft" => (-step, 0.0),
                    "ArrowRight" => (step, 0.0),
                    "ArrowUp" => (0.0, -step),
                    "ArrowDown" => (0.0, step),
                    "Enter" => {
                        event.prevent_default();
                        focus_inspector();
                        return false;
                    }
                    _ => return false,
                };
                // The arrows are this box's: not the lesson's steps, not a scroll.
                event.prevent_default();
                event.stop_propagation();
                if props.read_only {
                    return false;
                }
                let Some(component) = props.scenario.component(&id) else { return false };
                if props.selection.as_ref() != Some(&Selection::Component(id.clone())) {
                    props.on_select.emit(Some(Selection::Component(id.clone())));
                }
                let wanted = Point::new(component.x + dx, component.y + dy);
                let to = match self.svg.cast::<Element>() {
                    Some(svg) => geometry::clamp_centre_in(wanted, visible_part(&svg)),
                    None => wanted,
                };
                if (to.x, to.y) != (component.x, component.y) {
                    props.on_edit.emit(Edit::Move { id, x: to.x, y: to.y });
                }
                false
            }
            Msg::PressPort { id, reverse, event } => {
                if event.button() != 0 || props.read_only {
                    return false;
                }
                let Some((pointer, _)) = self.locate(&event) else { return false };
                self.capture(&event);
                self.gesture = Gesture::Wiring { anchor: id, reverse, pointer };
                true
            }
            Msg::PressWire(from, to, event) => {
                if event.button() != 0 {
                    return false;
                }
                props.on_select.emit(Some(Selection::Wire { from, to }));
                false
            }
            Msg::ToggleExpanded(id) => {
                if !self.expanded.remove(&id) {
                    self.expanded.insert(id);
                }
                true
            }
            Msg::PressPod(pod, event) => {
                if event.button() != 0 {
                    return false;
                }
                props.on_pod.emit(pod);
                false
            }
            Msg::PressBackground(event) => {
                if event.button() != 0 {
                    return false;
                }
                if props.selection.is_some() {
                    props.on_select.emit(None);
                }
                if props.read_only {
                    return false;
                }
                let Some((at, _, _)) = self.css(&event) else { return false };
                self.capture(&event);
                self.touches.insert(event.pointer_id(), at);
                self.gesture = match self.pinch() {
                    Some((distance, middle)) => Gesture::Pinching { distance, middle },
                    None => Gesture::Panning { last: at },
                };
                false
            }
            Msg::Wheel(event) => {
                if props.read_only {
                    return false;
                }
                let Some((at, width, height)) = self.css(&event) else { return false };
                event.prevent_default();
                // Lines and pages scroll further than pixels.
                let pixels = match event.delta_mode() {
                    web_sys::WheelEvent::DOM_DELTA_LINE => event.delta_y() * 16.0,
                    web_sys::WheelEvent::DOM_DELTA_PAGE => event.delta_y() * height,
                    _ => event.delta_y(),
                };
                let factor = (-pixels * WHEEL_ZOOM_PER_PIXEL).exp();
                let zoomed = viewport::zoom_at(self.view_now(props), width, height, at, factor);
                self.ask_view(props, zoomed);
                false
            }
            Msg::PointerMove(event) => {
                let css = self.css(&event);
                if let (Some(touch), Some((at, _, _))) = (self.touches.get_mut(&event.pointer_id()), css) {
                    *touch = at;
                }
                let pinch = self.pinch();
                let view = self.view_now(props);
                let Some((pointer, shown)) = self.locate(&event) else { return false };
                let mut asked = None;
                let redraw = match &mut self.gesture {
                    Gesture::Idle => false,
                    Gesture::Panning { last } => {
                        let Some((at, width, height)) = css else { return false };
                        let (dx, dy) = (at.x - last.x, at.y - last.y);
                        *last = at;
                        asked = Some(viewport::pan_by(view, width, height, dx, dy));
                        false
                    }
                    Gesture::Pinching { distance, middle } => {
                        let Some((_, width, height)) = css else { return false };
                        let Some((now_distance, now_middle)) = pinch else { return false };
                        let panned = viewport::pan_by(view, width, height, now_middle.x - middle.x, now_middle.y - middle.y);
                        let factor = if *distance > 0.0 { now_distance / *distance } else { 1.0 };
                        asked = Some(viewport::zoom_at(Some(panned), width, height, now_middle, factor));
                        (*distance, *middle) = (now_distance, now_middle);
                        false
                    }
                    Gesture::Moving { grab, pressed_at, to, dragging, .. } => {
                        if !*dragging && pointer.distance_to(*pressed_at) < DRAG_THRESHOLD {
                            return false;
                        }
                        *dragging = true;
                        let wanted = Point::new(pointer.x - grab.x, pointer.y - grab.y);
                        *to = geometry::clamp_centre_in(wanted, shown);
                        true
                    }
                    Gesture::Wiring { pointer: end, .. } => {
                        *end = pointer;
                        true
                    }
                };
                if let Some(view) = asked {
                    self.ask_view(props, view);
                }
                redraw
            }
            Msg::PointerUp(event) => {
                self.touches.remove(&event.pointer_id());
                let gesture = std::mem::replace(&mut self.gesture, Gesture::Idle);
                match gesture {
                    Gesture::Idle => false,
                    // One finger left after a pinch goes on panning.
                    Gesture::Pinching { .. } => {
                        if let Some(&last) = self.touches.values().next() {
                            self.gesture = Gesture::Panning { last };
                        }
                        false
                    }
                    Gesture::Panning { .. } => false,
                    Gesture::Moving { id, from, to, dragging, .. } => {
                        if dragging && from != to {
                            props.on_edit.emit(Edit::Move { id, x: to.x, y: to.y });
                        }
                        true
                    }
                    Gesture::Wiring { anchor, reverse, pointer } => {
                        let at = self.locate(&event).map_or(pointer, |(p, _)| p);
                        // The refusal is an HTML tooltip: placed in CSS px.
                        let (css_at, width) = self.css(&event).map_or((at, f64::INFINITY), |(p, w, _)| (p, w));
                        let target = geometry::component_at(&props.scenario.components, at);
                        // Releasing over nothing, or back on the start, cancels quietly:
                        // that is how people change their mind.
                        if let Some(target) = target.filter(|t| t.id != anchor) {
                            let (from, to) = if reverse { (target.id.clone(), anchor) } else { (anchor, target.id.clone()) };
                            match check_connect(&props.scenario, &from, &to) {
                                Ok(()) => props.on_edit.emit(Edit::Connect { from, to }),
                                Err(reason) => self.refuse(ctx, self.lang.edit_error(&reason), css_at, width),
                            }
                        }
                        true
                    }
                }
            }
            Msg::Cancel => {
                self.touches.clear();
                !matches!(std::mem::replace(&mut self.gesture, Gesture::Idle), Gesture::Idle)
            }
            Msg::HideRefusal => {
                self.refusal_timer = None;
                self.refusal.take().is_some()
            }
            Msg::LangChanged(lang) => {
                let changed = self.lang != lang;
                self.lang = lang;
                changed
            }
        }
    }

    fn changed(&mut self, ctx: &Context<Self>, _old_props: &Self::Properties) -> bool {
        // The props caught up with a view asked for: drop it and the older
        // ones. A view nobody here asked for (a zoom button) replaces them all.
        match ctx.props().view_box.and_then(|v| self.asked_views.iter().position(|asked| *asked == v)) {
            Some(index) => drop(self.asked_views.drain(..=index)),
            None => self.asked_views.clear(),
        }
        true
    }

    fn rendered(&mut self, ctx: &Context<Self>, first_render: bool) {
        if !first_render || ctx.props().read_only {
            return;
        }
        // The wheel zooms. Yew's own wheel handlers are passive, so the page
        // would scroll too; this listener may cancel that.
        if let Some(svg) = self.svg.cast::<Element>() {
            let link = ctx.link().clone();
            let options = gloo_events::EventListenerOptions::enable_prevent_default();
            self._wheel = Some(gloo_events::EventListener::new_with_options(&svg, "wheel", options, move |event| {
                use wasm_bindgen::JsCast;
                if let Some(wheel) = event.dyn_ref::<web_sys::WheelEvent>() {
                    wheel.prevent_default();
                    link.send_message(Msg::Wheel(wheel.clone()));
                }
            }));
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let props = ctx.props();
        let link = ctx.link();
        let lang = self.lang;
        let scenario = &props.scenario;
        let shown = |c: &&Component| !props.hidden.contains(&c.id);
        let placed: BTreeMap<&ComponentId, Component> =
            scenario.components.iter().filter(shown).map(|c| (&c.id, self.placed(c))).collect();

        let wires = scenario.wires.iter().filter_map(|wire| {
            let (from, to) = (placed.get(&wire.from)?, placed.get(&wire.to)?);
            let d = geometry::wire_curve(from, to).svg_path();
            let selected = props.selection.as_ref()
                == Some(&Selection::Wire { from: wire.from.clone(), to: wire.to.clone() });
            let press = {
                let (from, to) = (wire.from.clone(), wire.to.clone());
                link.callback(move |e: PointerEvent| Msg::PressWire(from.clone(), to.clone(), e))
            };
            let marker = if selected { "url(#fanout-arrow-selected)" } else { "url(#fanout-arrow)" };
            let curve = geometry::wire_curve(from, to);
            // A subscription with a filter policy wears a funnel in its middle.
            let funnel = wire.filter_policy.as_ref().map(|policy| {
                let at = curve.point_at(0.5);
                html! {
                    <g class="wire-filter" data-testid={format!("filter-{}-{}", wire.from, wire.to)}
                       transform={format!("translate({:.1} {:.1})", at.x, at.y)} onpointerdown={press.clone()}>
                        <title>{ lang.format(Text::FunnelTitle, &[("policy", &describe_policy_in(policy, lang))]) }</title>
                        <circle r="9" />
                        <path d="M-4.5 -4 H4.5 L1 0.5 V4.5 L-1 3.5 V0.5 Z" />
                    </g>
                }
            });
            let dead_letters = wire.dead_letter_queue.as_ref().and_then(|dlq| placed.get(dlq)).map(|dlq| {
                let testid = format!("dlq-{}-{}-{}", wire.from, wire.to, dlq.id);
                dlq_arrow(geometry::dlq_curve(curve.point_at(0.62), dlq), testid, lang.t(Text::DlqAfterRetries).into())
            });
            Some(html! {
                <g key={format!("{}→{}", wire.from, wire.to)} class={classes!("wire", selected.then_some("selected"))}>
                    <title>{ lang.format(Text::WireTitle, &[("from", &from.name), ("to", &to.name), ("latency", &format::duration_ms(wire.latency_ms))]) }</title>
                    // The wide transparent stroke underneath makes a thin wire easy to hit.
                    <path class="wire-hit" d={d.clone()} onpointerdown={press.clone()} />
                    <path class="wire-line" data-testid={format!("wire-{}-{}", wire.from, wire.to)}
                          d={d} marker-end={marker} onpointerdown={press} />
                    { for dead_letters }
                    { for funnel }
                </g>
            })
        });

        // Queues' redrive policies: a dashed arrow to the dead-letter queue.
        let redrives = scenario.components.iter().filter_map(|c| {
            let Spec::Queue(queue) = &c.spec else { return None };
            let redrive = queue.redrive.as_ref()?;
            let (source, dlq) = (placed.get(&c.id)?, placed.get(&redrive.dead_letter_queue)?);
            let testid = format!("dlq-{}-{}", c.id, dlq.id);
            let receives = redrive.max_receive_count;
            let one = if receives == 1 { Text::DlqAfterReceive } else { Text::DlqAfterReceives };
            let label = lang.format(one, &[("n", &receives)]);
            Some(dlq_arrow(geometry::redrive_curve(source, dlq), testid, label))
        });

        // The cluster's relations: runs on, selects, routes.
        let cluster_links = links::cluster_links(scenario, lang).into_iter().filter_map(|link| {
            let (from, to) = (placed.get(&link.from)?, placed.get(&link.to)?);
            let curve = links::link_curve(from, to);
            let middle = curve.point_at(0.5);
            let kind = link.kind.as_str();
            let testid = format!("{kind}-{}-{}", link.from, link.to);
            Some(html! {
                <g key={testid.clone()} class={classes!("cluster-link", format!("link-{kind}"))}>
                    <title>{ link.explanation }</title>
                    <path class="cluster-link-line" data-testid={testid} d={curve.svg_path()} />
                    if !link.label.is_empty() {
                        <text class="cluster-link-label" x={format!("{:.1}", middle.x + 5.0)} y={format!("{:.1}", middle.y - 4.0)}>
                            { shorten(&link.label, 24) }
                        </text>
                    }
                </g>
            })
        });

        let rings = RingLengths::of(scenario);
        let components = scenario.components.iter().filter(shown).map(|c| {
            let selected = props.selection.as_ref() == Some(&Selection::Component(c.id.clone()));
            let moving = matches!(&self.gesture, Gesture::Moving { id, dragging: true, .. } if *id == c.id);
            // While a wire is drawn, show at a glance where it may go.
            let drop_hint = match &self.gesture {
                Gesture::Wiring { anchor, .. } if *anchor == c.id => Some("wire-anchor"),
                Gesture::Wiring { anchor, reverse, .. } => {
                    let (from, to) = if *reverse { (&c.id, anchor) } else { (anchor, &c.id) };
                    Some(if check_connect(scenario, from, to).is_ok() { "wire-ok" } else { "wire-refused" })
                }
                _ => None,
            };
            let state = BoxState { selected, moving, drop_hint, expanded: self.expanded.contains(&c.id) };
            view_component(&placed[&c.id], state, &rings, props, link, lang)
        });

        let rubber_band = match &self.gesture {
            Gesture::Wiring { anchor, reverse, pointer } => placed.get(anchor).map(|anchor| {
                let curve = if *reverse {
                    geometry::curve_between(*pointer, geometry::in_port(anchor))
                } else {
                    geometry::curve_between(geometry::out_port(anchor), *pointer)
                };
                html! { <path class="rubber-band" d={curve.svg_path()} /> }
            }),
            _ => None,
        };

        let refusal = self.refusal.as_ref().map(|r| {
            let style = format!("left: {:.0}px; top: {:.0}px", r.at.x, r.at.y);
            html! {
                <div key={self.refusal_serial.to_string()} class={classes!("wire-refusal", r.flip.then_some("flip"))}
                     data-testid="wire-refusal"
                     role="status" style={style}>
                    { &r.reason }
                </div>
            }
        });

        let class = classes!(
            "canvas",
            matches!(self.gesture, Gesture::Wiring { .. }).then_some("wiring"),
            matches!(self.gesture, Gesture::Moving { dragging: true, .. }).then_some("dragging"),
        );
        html! {
            <>
                <svg ref={self.svg.clone()} class={class} data-testid="canvas"
                     viewBox={props.view_box.map(|v| v.attribute())}
                     preserveAspectRatio={props.view_box.map(|_| "xMidYMid meet")}
                     onpointermove={link.callback(Msg::PointerMove)}
                     onpointerup={link.callback(Msg::PointerUp)}
                     onpointercancel={link.callback(|_| Msg::Cancel)}>
                    <defs>
                        { arrow_marker("fanout-arrow", 10.0 + PORT_RADIUS) }
                        { arrow_marker("fanout-arrow-selected", 10.0 + PORT_RADIUS) }
                        { arrow_marker("fanout-arrow-dlq", 9.0) }
                        // A Terminating pod is striped.
                        <pattern id="fanout-stripes" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                            <rect width="6" height="6" fill="#ffe3e3" />
                            <rect width="3" height="6" fill="#ffa8a8" />
                        </pattern>
                        <pattern id="fanout-grid" width="24" height="24" patternUnits="userSpaceOnUse">
                            <circle cx="1" cy="1" r="1" class="grid-dot" />
                        </pattern>
                    </defs>
                    if let Some(v) = props.view_box {
                        // Beyond the view box too: a frame of another shape shows more.
                        <rect class="background" x={(v.x - v.width).to_string()} y={(v.y - v.height).to_string()}
                              width={(3.0 * v.width).to_string()} height={(3.0 * v.height).to_string()}
                              onpointerdown={link.callback(Msg::PressBackground)} />
                    } else {
                        <rect class="background" width="100%" height="100%"
                              onpointerdown={link.callback(Msg::PressBackground)} />
                    }
                    { if scenario.components.is_empty() { empty_hint(lang) } else { html! {} } }
                    <g class="cluster-links">{ for cluster_links }</g>
                    <g class="dead-letters">{ for redrives }</g>
                    <g class="wires">{ for wires }</g>
                    <g class="components">{ for components }</g>
                    { for rubber_band }
                </svg>
                { for refusal }
            </>
        }
    }
}

/// An arrow head whose tip is `ref_x` past the line's end: wires end at the
/// port's centre and the tip touches the port's edge; DLQ arrows end on the
/// box edge.
fn arrow_marker(id: &'static str, ref_x: f64) -> Html {
    let ref_x = ref_x.to_string();
    html! {
        <marker id={id} class={id} viewBox="0 0 10 10" refX={ref_x} refY="5"
                markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto">
            <path d="M 0 0 L 10 5 L 0 10 z" />
        </marker>
    }
}

/// A dashed arrow to a dead-letter queue, with its label in the middle.
fn dlq_arrow(curve: WireCurve, testid: String, label: String) -> Html {
    let middle = curve.point_at(0.5);
    html! {
        <g class="dlq-link" key={testid.clone()}>
            <path class="dlq-line" data-testid={testid} d={curve.svg_path()} marker-end="url(#fanout-arrow-dlq)" />
            <text class="dlq-label" x={format!("{:.1}", middle.x + 6.0)} y={format!("{:.1}", middle.y + 3.0)}>{ label }</text>
        </g>
    }
}

fn empty_hint(lang: Lang) -> Html {
    html! {
        <text class="empty-hint" x="50%" y="45%" text-anchor="middle">
            <tspan x="50%">{ lang.t(Text::EmptyCanvasHint) }</tspan>
            <tspan x="50%" dy="1.5em">{ lang.t(Text::EmptyCanvasHintWire) }</tspan>
        </text>
    }
}

/// How the editor is treating a box right now (besides what the engine says).
struct BoxState {
    selected: bool,
    moving: bool,
    /// While a wire is drawn: `wire-anchor`, `wire-ok` or `wire-refused`.
    drop_hint: Option<&'static str>,
    /// A control plane showing its members.
    expanded: bool,
}

/// One component box with its ports. A node grows to hold its pods' chips;
/// a deployment shows its Pending pods the same way.
fn view_component(
    c: &Component,
    state: BoxState,
    rings: &RingLengths,
    props: &CanvasProps,
    link: &html::Scope<Canvas>,
    lang: Lang,
) -> Html {
    let BoxState { selected, moving, drop_hint, expanded } = state;
    let activity = &props.live.activity(&c.id);
    let kind = c.kind();
    let id = c.id.clone();
    let busy = activity.busy > 0 && !activity.down;
    let cluster = props.live.cluster.as_ref();
    let node = props.live.node(&id);
    // What the API says about a node, beside whether the machine is dead.
    let node_state = match node {
        Some(n) if n.down => "down",
        Some(n) if n.status == NodeStatus::NotReady => "not-ready",
        Some(_) => "running",
        None if activity.down => "down",
        None => "running",
    };
    let pods: Vec<&PodView> = match (cluster, &c.spec) {
        (Some(cluster), Spec::Node(_)) => cluster.pods_on(id.as_str()).collect(),
        (Some(cluster), Spec::Deployment(_)) => cluster.pending_of(id.as_str()).collect(),
        _ => Vec::new(),
    };
    let class = classes!(
        "component",
        format!("kind-{}", kind.as_str()),
        selected.then_some("selected"),
        busy.then_some("busy"),
        (node_state != "running").then_some(node_state),
        activity.down.then_some("down"),
        node.is_some_and(|n| n.cordoned).then_some("cordoned"),
        moving.then_some("moving"),
        drop_hint,
    );
    let mut top = c.y - BOX_HEIGHT / 2.0;
    let press_body = {
        let id = id.clone();
        link.callback(move |e: PointerEvent| Msg::PressComponent(id.clone(), e))
    };
    let (w, h) = (BOX_WIDTH, BOX_HEIGHT);
    // Ports stay on the unextended box, where the wire geometry expects them.
    // With pods, the name and status move up a little so the first row of
    // chips fits in a box barely taller than the others (presets keep their
    // nodes on the stage's bottom row).
    let (name_y, status_y, mut box_h) = match pod_rows(pods.len()) {
        0 => (23.0, 45.0, h),
        rows => (21.0, 37.0, POD_TOP + rows as f64 * POD_ROW_HEIGHT + 2.0),
    };
    // A control plane expands to one row per member, and folds back.
    let members = match &c.spec {
        Spec::ControlPlane(cp) if expanded => control_plane::members(&id, &cp.control_plane, cluster, lang),
        _ => Vec::new(),
    };
    if !members.is_empty() {
        box_h = control_plane::ROWS_TOP + members.len() as f64 * control_plane::ROW_HEIGHT + 4.0;
        // Low on the stage (where presets keep it, beside the nodes), the box
        // grows upwards so its rows stay on screen; it has no ports to move.
        if c.y > GROW_UPWARDS_BELOW_Y {
            top = c.y + BOX_HEIGHT / 2.0 - box_h;
        }
    }
    let transform = format!("translate({} {top})", c.x - BOX_WIDTH / 2.0);
    let chevron = (kind == ComponentKind::ControlPlane).then(|| {
        let id = id.clone();
        let toggle = link.callback(move |e: PointerEvent| {
            e.stop_propagation();
            Msg::ToggleExpanded(id.clone())
        });
        let (tip, path) = if expanded {
            (lang.t(Text::FoldControlPlane), "M-4 2 L0 -2 L4 2")
        } else {
            (lang.t(Text::ExpandControlPlane), "M-4 -2 L0 2 L4 -2")
        };
        html! {
            <g class="expand-toggle" data-testid={format!("expand-{}", c.id)} aria-expanded={expanded.to_string()}
               transform={format!("translate({} 14)", w - 14.0)} onpointerdown={toggle}>
                <title>{ tip }</title>
                <circle r="9" />
                <path d={path} />
            </g>
        }
    });
    let in_port = geometry::has_in_port(kind).then(|| {
        let id = id.clone();
        html! {
            <circle class="port port-in" data-testid={format!("port-in-{id}")}
                    cx="0" cy={(h / 2.0).to_string()} r={PORT_RADIUS.to_string()}
                    onpointerdown={link.callback(move |event: PointerEvent| Msg::PressPort { id: id.clone(), reverse: true, event })}>
                <title>{ lang.t(Text::PortInTitle) }</title>
            </circle>
        }
    });
    let out_port = geometry::has_out_port(kind).then(|| {
        let id = id.clone();
        html! {
            <circle class="port port-out" data-testid={format!("port-out-{id}")}
                    cx={w.to_string()} cy={(h / 2.0).to_string()} r={PORT_RADIUS.to_string()}
                    onpointerdown={link.callback(move |event: PointerEvent| Msg::PressPort { id: id.clone(), reverse: false, event })}>
                <title>{ lang.t(Text::PortOutTitle) }</title>
            </circle>
        }
    });
    let chips = pods.iter().enumerate().map(|(i, pod)| {
        let x = 6.0 + (i % PODS_PER_ROW) as f64 * (POD_CHIP_WIDTH + 3.0);
        let y = POD_TOP + (i / PODS_PER_ROW) as f64 * POD_ROW_HEIGHT;
        let chosen = props.selected_pod.as_deref() == Some(pod.name.as_str());
        pod_chip(pod, x, y, chosen, &rings, link, lang)
    });
    let mut tags = live_badges(activity, lang);
    if let Some(cluster) = cluster.filter(|_| kind == ComponentKind::Deployment) {
        let pending = cluster.pending_of(id.as_str()).count();
        if pending > 0 {
            tags.push(("pending", lang.format(Text::BadgePending, &[("n", &pending)])));
        }
    }
    let fifo = is_fifo(&c.spec);
    let focus = {
        let id = id.clone();
        // Only focus the keyboard brought (Tab) selects: a press focuses the
        // box too, and a press on a pod chip inside it must not select the
        // node instead of explaining the pod.
        link.batch_callback(move |event: FocusEvent| {
            let by_keyboard = event
                .target_dyn_into::<Element>()
                .is_some_and(|element| element.matches(":focus-visible").unwrap_or(false));
            by_keyboard.then(|| Msg::FocusComponent(id.clone()))
        })
    };
    let keys = {
        let id = id.clone();
        link.callback(move |event: KeyboardEvent| Msg::ComponentKey(id.clone(), event))
    };
    html! {
        <g key={id.to_string()} class={class} transform={transform}
           tabindex={(!props.read_only).then_some("0")} role="button" aria-pressed={selected.to_string()}
           aria-label={format!("{} ({})", c.name, lang.t(Text::kind(kind, fifo)))}
           onfocus={focus} onkeydown={keys}
           data-testid={format!("component-{id}")} data-kind={kind.as_str()} data-fifo={fifo.to_string()}
           data-state={node_state}
           data-status={node.map(|n| if n.status == NodeStatus::NotReady { "NotReady" } else { "Ready" })}
           data-cordoned={node.map(|n| n.cordoned.to_string())}>
            <g class="body" onpointerdown={press_body}>
                <title>{ format!("{} ({}, id {})", c.name, lang.t(Text::kind(kind, fifo)), c.id) }</title>
                <rect class="halo" x="-4" y="-4" width={(w + 8.0).to_string()} height={(box_h + 8.0).to_string()} rx="13" />
                <rect class="box" width={w.to_string()} height={box_h.to_string()} rx="10" />
                <rect class="accent" x="0" y="0" width="4" height={box_h.to_string()} rx="2" />
                <g class="icon">{ kind_glyph(kind, 12.0, 9.0, 18.0) }</g>
                { name_text(&c.name, name_y) }
                { status_text(status_line(c, activity, props, lang), status_y) }
                if fifo {
                    { badges(&[("fifo", lang.t(Text::BadgeFifo).into())], &id, -7.0) }
                }
                { badges(&tags, &id, box_h - 7.0) }
                { node.and_then(|n| node_ring(n, cluster?, &rings, lang)).unwrap_or_default() }
            </g>
            { for chips }
            if !members.is_empty() {
                { control_plane::view_members(&id, &members, w, &props.on_fault) }
            }
            { for chevron }
            { for in_port }
            { for out_port }
        </g>
    }
}

const PODS_PER_ROW: usize = 4;
const POD_CHIP_WIDTH: f64 = 31.0;
const POD_ROW_HEIGHT: f64 = 18.0;
/// An expanded control plane whose centre is below this grows upwards.
const GROW_UPWARDS_BELOW_Y: f64 = 250.0;
/// Where the first row of chips starts, from the box's top.
const POD_TOP: f64 = 44.0;
/// What the countdown rings count down from: the node monitor grace period,
/// each deployment's not-ready/unreachable toleration, and the crash-loop
/// back-off, as the scenario sets them (the documented defaults unless
/// someone changed them in the inspector).
struct RingLengths {
    node_grace_ms: u64,
    backoff_initial_ms: u64,
    backoff_max_ms: u64,
    /// By deployment id.
    toleration_ms: BTreeMap<String, u64>,
}

impl RingLengths {
    fn of(scenario: &Scenario) -> RingLengths {
        let cluster = scenario.cluster_spec().unwrap_or_default();
        RingLengths {
            node_grace_ms: cluster.control_plane.node_monitor_grace_period_ms,
            backoff_initial_ms: cluster.kubelet.crash_backoff_initial_ms,
            backoff_max_ms: cluster.kubelet.crash_backoff_max_ms,
            toleration_ms: cluster
                .deployments
                .iter()
                .map(|d| (d.name.clone(), d.config.template.node_failure_toleration_ms))
                .collect(),
        }
    }

    fn toleration_of(&self, deployment: &str) -> u64 {
        self.toleration_ms.get(deployment).copied().unwrap_or(300_000)
    }
}

fn pod_rows(pods: usize) -> usize {
    pods.div_ceil(PODS_PER_ROW)
}

/// A small chip for one pod: its name's last part, coloured by its STATUS,
/// hollow while not Ready; a crash-looping pod wears its back-off ring.
fn pod_chip(pod: &PodView, x: f64, y: f64, chosen: bool, rings: &RingLengths, link: &html::Scope<Canvas>, lang: Lang) -> Html {
    let suffix = pod.name.rsplit('-').next().unwrap_or(&pod.name);
    let status = pod.status.as_str();
    let press = {
        let name = pod.name.clone();
        link.callback(move |e: PointerEvent| {
            // The node under the chip must not start a drag.
            e.stop_propagation();
            Msg::PressPod(name.clone(), e)
        })
    };
    let mut tip = format!("{} · {status}", pod.name);
    if pod.ready {
        tip += &format!(" · {}", lang.t(Text::StatusReady));
    }
    if let Some(ip) = &pod.ip {
        tip += &format!(" · {ip}");
    }
    if pod.restarts > 0 {
        tip += &format!(" · {}", lang.format(Text::PodRestarts, &[("n", &pod.restarts)]));
    }
    tip += &format!(" — {}", lang.t(Text::PodChipHint));
    // The engine gives what is left of the back-off, not its length: the
    // length starts at the initial back-off (10 s) and doubles per restart,
    // up to the cap (5 min).
    let backoff = pod.backoff_remaining_ms.map(|left| {
        let doublings = pod.restarts.saturating_sub(1).min(20);
        let total = rings.backoff_initial_ms.saturating_mul(1 << doublings).min(rings.backoff_max_ms).max(left);
        ring(POD_CHIP_WIDTH, 0.0, 6.0, left, total, "ring-backoff", lang.format(Text::RingBackoff, &[("time", &seconds(left))]))
    });
    html! {
        <g class={classes!("pod", format!("phase-{status}"), (!pod.ready).then_some("unready"), chosen.then_some("chosen"))}
           data-testid={format!("pod-{}", pod.name)} data-phase={status} data-ready={pod.ready.to_string()}
           transform={format!("translate({x:.1} {y:.1})")} onpointerdown={press}>
            <title>{ tip }</title>
            <rect width={POD_CHIP_WIDTH.to_string()} height="14" rx="4" />
            <text x={(POD_CHIP_WIDTH / 2.0).to_string()} y="10" text-anchor="middle">{ suffix.to_string() }</text>
            { backoff.unwrap_or_default() }
        </g>
    }
}

/// A node that stopped reporting counts down to NotReady; a NotReady node
/// counts down to its pods' eviction (the soonest).
fn node_ring(node: &NodeView, cluster: &ClusterLive, rings: &RingLengths, lang: Lang) -> Option<Html> {
    if node.status == NodeStatus::NotReady {
        let (left, deployment) = cluster
            .pods_on(&node.name)
            .filter_map(|p| Some((p.eviction_in_ms?, p.deployment.as_str())))
            .min_by_key(|(left, _)| *left)?;
        let total = rings.toleration_of(deployment).max(left);
        return Some(ring(BOX_WIDTH - 14.0, 14.0, 9.0, left, total, "ring-evict", lang.format(Text::RingEvict, &[("time", &seconds(left))])));
    }
    let left = node.not_ready_in_ms.filter(|_| node.down)?;
    let total = rings.node_grace_ms.max(left);
    Some(ring(BOX_WIDTH - 14.0, 14.0, 9.0, left, total, "ring-grace", lang.format(Text::RingGrace, &[("time", &seconds(left))])))
}

fn seconds(ms: u64) -> String {
    format!("{} s", ms.div_ceil(1000))
}

/// A countdown ring centred at (cx, cy): the arc left is `left` of `total`.
fn ring(cx: f64, cy: f64, r: f64, left: u64, total: u64, class: &'static str, tip: String) -> Html {
    let circumference = std::f64::consts::TAU * r;
    let arc = circumference * left as f64 / total.max(1) as f64;
    html! {
        <g class={classes!("ring", class)} data-testid={class} data-left-ms={left.to_string()}
           transform={format!("translate({cx:.1} {cy:.1})")}>
            <title>{ tip }</title>
            <circle class="ring-track" r={r.to_string()} />
            <circle class="ring-arc" r={r.to_string()} transform="rotate(-90)"
                    stroke-dasharray={format!("{arc:.2} {circumference:.2}")} />
        </g>
    }
}

/// Names longer than this are fitted to the space beside the icon.
const NAME_CHARS_UNSQUEEZED: usize = 12;

fn name_text(name: &str, y: f64) -> Html {
    let y = y.to_string();
    let shown = shorten(name, NAME_CHARS_ON_BOX);
    if shown.chars().count() > NAME_CHARS_UNSQUEEZED {
        let width = format!("{}", BOX_WIDTH - 36.0 - 10.0);
        html! { <text class="name" x="36" y={y.clone()} textLength={width} lengthAdjust="spacingAndGlyphs">{ shown }</text> }
    } else {
        html! { <text class="name" x="36" y={y}>{ shown }</text> }
    }
}

/// Statuses longer than this (a queue with thousands waiting) are squeezed
/// to the box's width rather than spilling over its edge.
const STATUS_CHARS_ON_BOX: usize = 26;

fn status_text(status: String, y: f64) -> Html {
    let y = y.to_string();
    if width_units(&status) > STATUS_CHARS_ON_BOX {
        let width = format!("{}", BOX_WIDTH - 20.0);
        html! { <text class="status" x="12" y={y.clone()} textLength={width} lengthAdjust="spacingAndGlyphs">{ status }</text> }
    } else {
        html! { <text class="status" x="12" y={y}>{ status }</text> }
    }
}

/// The one-line live status under a box's name.
fn status_line(c: &Component, activity: &Activity, props: &CanvasProps, lang: Lang) -> String {
    let scenario = &props.scenario;
    if let Some(n) = props.live.node(&c.id) {
        // The API's word first; a dead machine the API still thinks Ready
        // has simply gone quiet.
        let status = lang.t(match (n.status, n.down) {
            (NodeStatus::NotReady, _) => Text::StatusNotReady,
            (NodeStatus::Ready, true) => Text::StatusReadySilent,
            (NodeStatus::Ready, false) => Text::StatusReady,
        });
        let line = if n.cordoned { Text::NodeLineCordoned } else { Text::NodeLine };
        return lang.format(line, &[("status", &status), ("zone", &n.zone)]);
    }
    if let (Some(cluster), Spec::ControlPlane(_)) = (&props.live.cluster, &c.spec) {
        let cp = &cluster.control_plane;
        let api = lang.t(if cp.api_available { Text::ApiUp } else { Text::ApiDown });
        return lang.format(Text::ControlPlaneLine, &[("api", &api), ("up", &cp.etcd_members_up), ("members", &cp.etcd_members)]);
    }
    if activity.down {
        return lang.t(Text::StatusDown).into();
    }
    match &c.spec {
        Spec::Publisher(p) => {
            let pattern = lang.t(match p.pattern {
                ArrivalPattern::Constant => Text::StatusSteady,
                ArrivalPattern::Poisson => Text::StatusPoisson,
            });
            lang.format(Text::PublisherLine, &[("rate", &format::number(p.rate_per_s)), ("pattern", &pattern)])
        }
        Spec::Topic(_) => {
            let subscribers = scenario.wires.iter().filter(|w| w.from == c.id).count();
            match (subscribers, activity.in_flight) {
                (0, _) => lang.t(Text::NoSubscribers).into(),
                // The engine counts pushes waiting for a retry as in flight.
                (n, 0) => lang.format(Text::FansOutTo, &[("n", &n)]),
                (n, retrying) => lang.format(Text::FansOutRetrying, &[("n", &n), ("retrying", &retrying)]),
            }
        }
        Spec::Queue(_) => {
            lang.format(Text::QueueLine, &[("waiting", &activity.waiting), ("in_flight", &activity.in_flight)])
        }
        Spec::Consumer(k) => {
            // On a deployment, its workers are whatever its Ready pods give it.
            let workers =
                if activity.workers > 0 || k.runs_on.is_some() { activity.workers } else { k.concurrency * k.instances };
            lang.format(Text::ConsumerLine, &[("busy", &activity.busy), ("workers", &workers)])
        }
        Spec::Node(n) => lang.format(Text::NodeSpecLine, &[("pods", &activity.busy), ("zone", &n.zone)]),
        Spec::Deployment(_) => lang.format(Text::DeploymentLine, &[("ready", &activity.busy), ("total", &activity.workers)]),
        Spec::Service(_) => lang.format(Text::ServiceLine, &[("n", &activity.busy)]),
        Spec::Ingress(i) => lang.format(Text::IngressLine, &[("n", &i.rules.len())]),
        Spec::ControlPlane(cp) => lang.format(Text::ControlPlaneIdleLine, &[("members", &cp.control_plane.etcd_members)]),
    }
}

/// What the engine says is unusual right now, as small tags on the box's
/// bottom edge: throttled (amber), slowed by a fault (amber), delayed messages.
fn live_badges(activity: &Activity, lang: Lang) -> Vec<(&'static str, String)> {
    let mut badges = Vec::new();
    if activity.down {
        return badges;
    }
    if activity.delayed > 0 {
        badges.push(("delayed", lang.format(Text::BadgeDelayed, &[("n", &activity.delayed)])));
    }
    if activity.slowed {
        badges.push(("slowed", lang.t(Text::BadgeSlowed).into()));
    }
    if activity.throttling {
        badges.push(("throttled", lang.t(Text::BadgeThrottled).into()));
    }
    badges
}

/// Tags straddling a box edge at height `y`, right-aligned, each with the
/// test hook `badge-<name>-<component id>`.
fn badges(tags: &[(&'static str, String)], id: &ComponentId, y: f64) -> Html {
    let mut right = BOX_WIDTH - 8.0;
    tags.iter()
        .map(|(name, text)| {
            // 10.5 px bold text is about 6 px a Latin character.
            let width = 6.0 * width_units(text) as f64 + 10.0;
            right -= width;
            let x = right;
            right -= 4.0;
            html! {
                <g class={classes!("badge", *name)} data-testid={format!("badge-{name}-{id}")}
                   transform={format!("translate({x:.1} {y:.1})")}>
                    <rect width={format!("{width:.1}")} height="14" rx="7" />
                    <text x={format!("{:.1}", width / 2.0)} y="10.5" text-anchor="middle">{ text }</text>
                </g>
            }
        })
        .collect()
}

/// A text's width in Latin characters: a Hangul (or other full-width)
/// character is about as wide as two, so Korean statuses and badges fit.
fn width_units(text: &str) -> usize {
    text.chars()
        .map(|c| match c {
            '\u{1100}'..='\u{11FF}' | '\u{2E80}'..='\u{A4CF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FF60}' => 2,
            _ => 1,
        })
        .sum()
}

fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(max_chars - 1).collect();
        cut.push('…');
        cut
    }
}
