//! The palette: one item per component kind, plus the FIFO variants of
//! queues and topics. Drag an item onto the canvas to place it there, or
//! click it (or press Enter on it) to add it at a free spot.
//!
//! The drag uses pointer events with window-level listeners (installed on
//! press, dropped on release), so it follows the pointer across the page and
//! works the same for mouse, pen, touch and Playwright's `page.mouse`.

use super::geometry::{self, Point};
use super::icons::kind_icon;
use super::{canvas_element, client_to_canvas, commit_pending_input, new_component};
use crate::i18n::{self, Lang, Text};
use fanout_engine::scenario::{ComponentKind, Edit, Scenario};
use gloo_events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::PointerEvent;
use yew::prelude::*;

/// Pointer travel (CSS px) that turns a press into a drag.
const DRAG_THRESHOLD: f64 = 4.0;
/// A click that arrives this soon after a drag ended belongs to the drag.
const CLICK_AFTER_DRAG_MS: f64 = 400.0;

#[derive(Properties, PartialEq)]
pub struct PaletteProps {
    pub scenario: Rc<Scenario>,
    pub on_edit: Callback<Edit>,
}

/// A palette item: a kind, and whether it makes the FIFO variant.
type Entry = (ComponentKind, bool);

/// The items in order: the FIFO variants follow their Standard kind.
const ENTRIES: [Entry; 11] = [
    (ComponentKind::Publisher, false),
    (ComponentKind::Topic, false),
    (ComponentKind::Topic, true),
    (ComponentKind::Queue, false),
    (ComponentKind::Queue, true),
    (ComponentKind::Consumer, false),
    (ComponentKind::Node, false),
    (ComponentKind::Deployment, false),
    (ComponentKind::Service, false),
    (ComponentKind::Ingress, false),
    (ComponentKind::ControlPlane, false),
];

struct Drag {
    entry: Entry,
    pressed_at: Point,
    /// Client coordinates of the pointer now.
    pointer: Point,
    dragging: bool,
    /// Dropping these removes the window listeners.
    _listeners: Vec<EventListener>,
}

pub enum Msg {
    Press(Entry, PointerEvent),
    Move(Point),
    Release(Point),
    Cancel,
    Click(Entry),
    LangChanged(Lang),
}

pub struct Palette {
    drag: Option<Drag>,
    /// `Date.now()` before which a click is the tail of a drag, not a click.
    ignore_clicks_until_ms: f64,
    lang: Lang,
    _lang: Option<ContextHandle<Lang>>,
}

impl Palette {
    /// Where a drop at client point `p` lands on the canvas, if the canvas is
    /// what is under the pointer (not a panel floating over it).
    fn drop_point(p: Point) -> Option<Point> {
        let svg = canvas_element()?;
        let hit = gloo_utils::document().element_from_point(p.x as f32, p.y as f32)?;
        if !svg.contains(Some(hit.unchecked_ref())) {
            return None;
        }
        let (at, shown) = client_to_canvas(&svg, p.x, p.y);
        Some(geometry::clamp_centre_in(at, shown))
    }
}

impl Component for Palette {
    type Message = Msg;
    type Properties = PaletteProps;

    fn create(ctx: &Context<Self>) -> Self {
        let (lang, lang_handle) = i18n::subscribe(ctx.link(), Msg::LangChanged);
        Palette { drag: None, ignore_clicks_until_ms: 0.0, lang, _lang: lang_handle }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        let props = ctx.props();
        match msg {
            Msg::Press(entry, event) => {
                if event.button() != 0 || !event.is_primary() {
                    return false;
                }
                // Keeps the browser from starting a text selection or a native
                // drag; that also keeps focus where it is, so commit any
                // half-typed inspector value now.
                event.prevent_default();
                commit_pending_input();
                let window = gloo_utils::window();
                let on_move = ctx.link().callback(Msg::Move);
                let on_up = ctx.link().callback(Msg::Release);
                let on_cancel = ctx.link().callback(|_| Msg::Cancel);
                let listeners = vec![
                    EventListener::new(&window, "pointermove", move |e| {
                        if let Some(e) = e.dyn_ref::<PointerEvent>() {
                            on_move.emit(client_point(e));
                        }
                    }),
                    EventListener::new(&window, "pointerup", move |e| {
                        if let Some(e) = e.dyn_ref::<PointerEvent>() {
                            on_up.emit(client_point(e));
                        }
                    }),
                    EventListener::new(&window, "pointercancel", move |_| on_cancel.emit(())),
                ];
                let at = client_point(&event);
                self.drag = Some(Drag { entry, pressed_at: at, pointer: at, dragging: false, _listeners: listeners });
                false
            }
            Msg::Move(pointer) => {
                let Some(drag) = self.drag.as_mut() else { return false };
                drag.pointer = pointer;
                if !drag.dragging && pointer.distance_to(drag.pressed_at) >= DRAG_THRESHOLD {
                    drag.dragging = true;
                }
                drag.dragging
            }
            Msg::Release(pointer) => {
                let Some(drag) = self.drag.take() else { return false };
                if !drag.dragging {
                    // A plain click: the click handler adds the component.
                    return false;
                }
                self.ignore_clicks_until_ms = js_sys::Date::now() + CLICK_AFTER_DRAG_MS;
                if let Some(at) = Self::drop_point(pointer) {
                    let (kind, fifo) = drag.entry;
                    add_component(props, kind, fifo, Some(at));
                }
                true
            }
            Msg::Cancel => self.drag.take().is_some_and(|d| d.dragging),
            Msg::Click((kind, fifo)) => {
                if js_sys::Date::now() < self.ignore_clicks_until_ms {
                    return false;
                }
                add_component(props, kind, fifo, None);
                false
            }
            Msg::LangChanged(lang) => {
                self.lang = lang;
                true
            }
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let lang = self.lang;
        let items = ENTRIES.into_iter().map(|entry| {
            let (kind, fifo) = entry;
            let dragging = self.drag.as_ref().is_some_and(|d| d.dragging && d.entry == entry);
            let testid = format!("palette-{}{}", kind.as_str(), if fifo { "-fifo" } else { "" });
            html! {
                <li>
                    <button type="button"
                            class={classes!("palette-item", format!("kind-{}", kind.as_str()), fifo.then_some("variant"), dragging.then_some("dragging"))}
                            data-testid={testid}
                            title={lang.t(Text::kind_help(kind, fifo))}
                            onpointerdown={link.callback(move |e: PointerEvent| Msg::Press(entry, e))}
                            onclick={link.callback(move |_| Msg::Click(entry))}>
                        { kind_icon(kind, 22) }
                        <span class="palette-label">{ lang.t(palette_label(kind, fifo)) }</span>
                    </button>
                </li>
            }
        });
        let ghost = self.drag.as_ref().filter(|d| d.dragging).map(|d| {
            let (kind, fifo) = d.entry;
            let style = format!("left: {:.0}px; top: {:.0}px", d.pointer.x, d.pointer.y);
            html! {
                <div class={classes!("palette-ghost", format!("kind-{}", kind.as_str()))} style={style} aria-hidden="true">
                    { kind_icon(kind, 20) }
                    <span>{ lang.t(Text::kind(kind, fifo)) }</span>
                </div>
            }
        });
        html! {
            <nav class="palette" aria-label={lang.t(Text::PaletteTitle)}>
                <h2 class="panel-title">{ lang.t(Text::PaletteTitle) }</h2>
                <ul class="palette-items">{ for items }</ul>
                <p class="palette-hint">{ lang.t(Text::PaletteHint) }</p>
                { for ghost }
            </nav>
        }
    }
}

/// Adds a component at `at` (or the first free spot in its column). A part
/// of the cluster added to a scenario without a control plane brings one
/// along first, since a cluster needs exactly one (two undo steps).
fn add_component(props: &PaletteProps, kind: ComponentKind, fifo: bool, at: Option<Point>) {
    let mut scenario = (*props.scenario).clone();
    let has_control_plane = scenario.components.iter().any(|c| c.kind() == ComponentKind::ControlPlane);
    if kind.is_cluster() && kind != ComponentKind::ControlPlane && !has_control_plane {
        let spot = geometry::free_spot(&scenario.components, ComponentKind::ControlPlane);
        let control_plane = new_component(&scenario, ComponentKind::ControlPlane, false, spot);
        scenario.components.push(control_plane.clone());
        props.on_edit.emit(Edit::AddComponent(control_plane));
    }
    let at = at.unwrap_or_else(|| geometry::free_spot(&scenario.components, kind));
    props.on_edit.emit(Edit::AddComponent(new_component(&scenario, kind, fifo, at)));
}

/// Under their Standard kind, "FIFO queue" says enough.
fn palette_label(kind: ComponentKind, fifo: bool) -> Text {
    match (kind, fifo) {
        (ComponentKind::Queue, true) => Text::PaletteFifoQueue,
        (ComponentKind::Topic, true) => Text::PaletteFifoTopic,
        _ => Text::kind(kind, false),
    }
}

fn client_point(e: &PointerEvent) -> Point {
    Point::new(f64::from(e.client_x()), f64::from(e.client_y()))
}
