//! The playback host: owns the running engine and the animation loop, draws
//! the message overlay, and feeds the canvas, the transport bar and the
//! panels. Yew's boids example is the model: one struct component holds the
//! simulation and the `requestAnimationFrame` handle; when paused, no loop runs.

mod overlay;
mod transport;

use crate::editor::geometry::WireCurve;
use crate::editor::{Canvas, Selection};
use crate::live::LiveView;
use crate::panels::{EventLog, LogLine, Metrics, MetricsPanel};
use fanout_engine::scenario::{ComponentId, ComponentKind, Edit, Scenario};
use fanout_engine::sim::{FrameClock, SimTime};
use fanout_engine::{Command, Simulation};
use gloo_events::{EventListener, EventListenerOptions};
use gloo_render::{request_animation_frame, AnimationFrame};
use overlay::WireKind;
use std::rc::Rc;
use transport::{FaultTarget, TransportBar};
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, KeyboardEvent};
use yew::prelude::*;

/// How often (wall time) the canvas state, metrics and log are refreshed
/// while playing. The dots move every frame; numbers need not.
const REFRESH_INTERVAL_MS: f64 = 100.0;
/// How many lines the event log keeps.
const LOG_LINES: usize = 50;
const NOTE_RESET: &str = "scenario changed — reset";
/// Wall time one frame may spend simulating. A scenario too busy to keep up
/// at the chosen speed then runs slower instead of freezing the page.
const FRAME_BUDGET_MS: f64 = 25.0;
/// The frame's advance is run in this many slices, checking the budget between.
const SLICES_PER_FRAME: u64 = 32;

#[derive(Properties, PartialEq)]
pub struct PlaybackProps {
    pub scenario: Rc<Scenario>,
    pub selection: Option<Selection>,
    pub on_edit: Callback<Edit>,
    pub on_select: Callback<Option<Selection>>,
    pub on_error: Callback<String>,
}

pub enum Msg {
    Play,
    Pause,
    TogglePlay,
    Step,
    Reset,
    SetSpeed(f64),
    /// An animation frame at this wall time (ms, `performance.now()` scale).
    Frame(f64),
    Kill,
    Revive,
    /// The window was resized: redraw the overlay at the new size.
    Redraw,
}

pub struct Playback {
    /// Built lazily on the first play, step or fault, so an idle editor costs nothing.
    sim: Option<Simulation>,
    clock: FrameClock,
    frame: Option<AnimationFrame>,
    playing: bool,
    last_refresh_wall_ms: f64,
    /// Wire curves by wire index, rebuilt when the scenario changes.
    paths: Vec<Option<(WireCurve, WireKind)>>,
    live: Rc<LiveView>,
    metrics: Rc<Metrics>,
    log: Rc<Vec<LogLine>>,
    now_ms: u64,
    note: Option<AttrValue>,
    overlay_ref: NodeRef,
    _listeners: Vec<EventListener>,
}

/// The scenario with everything that does not affect the run cleared:
/// positions, names, title and description. Two scenarios with equal
/// skeletons simulate identically, so a move or rename keeps the run going.
fn skeleton(scenario: &Scenario) -> Scenario {
    let mut s = scenario.clone();
    s.title.clear();
    s.description.clear();
    for c in &mut s.components {
        c.x = 0.0;
        c.y = 0.0;
        c.name.clear();
    }
    s
}

/// Advances `sim` by up to `advance`, in slices, stopping early once the
/// frame has used its budget. Running in slices gives the same trace as one
/// `run_until`; stopping early only means sim time falls behind the wall.
fn run_within_budget(sim: &mut Simulation, advance: SimTime, frame_start_ms: f64) {
    let target = sim.now() + advance;
    let slice = SimTime((advance.as_micros() / SLICES_PER_FRAME).max(1));
    let performance = web_sys::window().and_then(|w| w.performance());
    while sim.now() < target {
        sim.run_until((sim.now() + slice).min(target));
        if let Some(p) = &performance {
            if p.now() - frame_start_ms > FRAME_BUDGET_MS {
                break;
            }
        }
    }
}

/// Whether focus is somewhere keys mean text (or a button's own Space), so
/// the playback shortcuts must stay out of the way.
fn typing_target(event: &KeyboardEvent) -> bool {
    let Some(element) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    let tag = element.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "input" | "textarea" | "select" | "button")
        || element.closest("[contenteditable=true]").ok().flatten().is_some()
}

impl Playback {
    fn ensure_sim(&mut self, ctx: &Context<Self>) -> bool {
        if self.sim.is_some() {
            return true;
        }
        match Simulation::new(&ctx.props().scenario) {
            Ok(sim) => {
                self.sim = Some(sim);
                true
            }
            Err(e) => {
                ctx.props().on_error.emit(e.to_string());
                false
            }
        }
    }

    fn schedule_frame(&mut self, ctx: &Context<Self>) {
        let link = ctx.link().clone();
        self.frame = Some(request_animation_frame(move |wall_ms| link.send_message(Msg::Frame(wall_ms))));
    }

    fn stop(&mut self) {
        self.playing = false;
        self.frame = None;
        self.clock.pause();
    }

    /// Takes fresh snapshots for the canvas, the panels and the transport;
    /// returns whether anything visible changed.
    fn refresh(&mut self, ctx: &Context<Self>) -> bool {
        let scenario = &ctx.props().scenario;
        let (live, metrics, log, now_ms) = match &self.sim {
            Some(sim) => (
                LiveView {
                    now_ms: sim.now().as_ms(),
                    activity: scenario.components.iter().map(|c| (c.id.clone(), sim.activity(&c.id))).collect(),
                },
                Metrics::from_sim(sim, scenario),
                LogLine::recent(sim, scenario, LOG_LINES),
                sim.now().as_ms(),
            ),
            None => (LiveView::default(), Metrics::zero(scenario), Vec::new(), 0),
        };
        let mut changed = false;
        if *self.live != live {
            self.live = Rc::new(live);
            changed = true;
        }
        if *self.metrics != metrics {
            self.metrics = Rc::new(metrics);
            changed = true;
        }
        if *self.log != log {
            self.log = Rc::new(log);
            changed = true;
        }
        if self.now_ms != now_ms {
            self.now_ms = now_ms;
            changed = true;
        }
        changed
    }

    fn draw_overlay(&self) {
        if let Some(canvas) = self.overlay_ref.cast::<HtmlCanvasElement>() {
            overlay::draw(&canvas, self.sim.as_ref(), &self.paths);
        }
    }

    /// The selected component, if it is one that can be killed and revived.
    fn fault_target(&self, ctx: &Context<Self>) -> Result<(ComponentId, String), &'static str> {
        let Some(Selection::Component(id)) = &ctx.props().selection else {
            return Err("Select a publisher or consumer to kill or revive it");
        };
        let component = ctx.props().scenario.component(id).ok_or("Select a publisher or consumer")?;
        match component.kind() {
            ComponentKind::Publisher | ComponentKind::Consumer => Ok((id.clone(), component.name.clone())),
            _ => Err("Only publishers and consumers can be killed in this version"),
        }
    }

    fn apply_fault(&mut self, ctx: &Context<Self>, kill: bool) -> bool {
        let Ok((id, _)) = self.fault_target(ctx) else { return false };
        if !self.ensure_sim(ctx) {
            return false;
        }
        let sim = self.sim.as_mut().expect("ensure_sim built it");
        let command = if kill { Command::Kill(id) } else { Command::Revive(id) };
        if let Err(e) = sim.command(command) {
            ctx.props().on_error.emit(e.to_string());
        }
        self.refresh(ctx);
        true
    }
}

impl Component for Playback {
    type Message = Msg;
    type Properties = PlaybackProps;

    fn create(ctx: &Context<Self>) -> Self {
        let scenario = &ctx.props().scenario;
        Playback {
            sim: None,
            clock: FrameClock::new(1.0),
            frame: None,
            playing: false,
            last_refresh_wall_ms: f64::NEG_INFINITY,
            paths: overlay::wire_paths(scenario),
            live: Rc::new(LiveView::default()),
            metrics: Rc::new(Metrics::zero(scenario)),
            log: Rc::new(Vec::new()),
            now_ms: 0,
            note: None,
            overlay_ref: NodeRef::default(),
            _listeners: Vec::new(),
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Self::Message) -> bool {
        match msg {
            Msg::Play => {
                if self.playing || !self.ensure_sim(ctx) {
                    return false;
                }
                self.playing = true;
                self.note = None;
                self.clock.pause();
                self.schedule_frame(ctx);
                true
            }
            Msg::Pause => {
                if !self.playing {
                    return false;
                }
                self.stop();
                self.refresh(ctx);
                true
            }
            Msg::TogglePlay => {
                let next = if self.playing { Msg::Pause } else { Msg::Play };
                Component::update(self, ctx, next)
            }
            Msg::Step => {
                if self.playing || !self.ensure_sim(ctx) {
                    return false;
                }
                self.note = None;
                if let Some(sim) = &mut self.sim {
                    sim.step();
                }
                self.refresh(ctx);
                true
            }
            Msg::Reset => {
                self.stop();
                self.sim = None;
                self.note = None;
                self.refresh(ctx);
                true
            }
            Msg::SetSpeed(speed) => {
                self.clock.set_speed(speed);
                true
            }
            Msg::Frame(wall_ms) => {
                if !self.playing {
                    return false;
                }
                let advance = self.clock.advance(wall_ms);
                if let Some(sim) = &mut self.sim {
                    run_within_budget(sim, advance, wall_ms);
                }
                self.draw_overlay();
                self.schedule_frame(ctx);
                if wall_ms - self.last_refresh_wall_ms >= REFRESH_INTERVAL_MS {
                    self.last_refresh_wall_ms = wall_ms;
                    return self.refresh(ctx);
                }
                false
            }
            Msg::Kill => self.apply_fault(ctx, true),
            Msg::Revive => self.apply_fault(ctx, false),
            Msg::Redraw => {
                self.draw_overlay();
                false
            }
        }
    }

    fn changed(&mut self, ctx: &Context<Self>, old_props: &Self::Properties) -> bool {
        let (old, new) = (&old_props.scenario, &ctx.props().scenario);
        if old != new {
            self.paths = overlay::wire_paths(new);
            if self.sim.is_some() && skeleton(old) != skeleton(new) {
                // The run no longer matches the document: start over rather
                // than show numbers from a scenario that no longer exists.
                self.stop();
                self.sim = None;
                self.note = Some(NOTE_RESET.into());
            }
            self.refresh(ctx);
        }
        true
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let props = ctx.props();
        let link = ctx.link();
        let fault = match self.fault_target(ctx) {
            Ok((id, name)) => FaultTarget::Component { down: self.live.activity(&id).down, name },
            Err(why) => FaultTarget::None(why),
        };
        html! {
            <div class="playback">
                <div class="stage">
                    <Canvas scenario={props.scenario.clone()} selection={props.selection.clone()}
                        live={self.live.clone()} on_edit={props.on_edit.clone()} on_select={props.on_select.clone()} />
                    <canvas class="message-overlay" ref={self.overlay_ref.clone()} aria-hidden="true"></canvas>
                    <ul class="dot-legend" aria-label="What the dot colours mean">
                        { for WireKind::ALL.iter().map(|kind| html! {
                            <li><span class="legend-dot" style={format!("background: {}", kind.colour())}></span>{ kind.label() }</li>
                        }) }
                    </ul>
                </div>
                <TransportBar
                    playing={self.playing}
                    speed={self.clock.speed}
                    now_ms={self.now_ms}
                    note={self.note.clone()}
                    {fault}
                    on_play={link.callback(|_| Msg::Play)}
                    on_pause={link.callback(|_| Msg::Pause)}
                    on_step={link.callback(|_| Msg::Step)}
                    on_reset={link.callback(|_| Msg::Reset)}
                    on_speed={link.callback(Msg::SetSpeed)}
                    on_kill={link.callback(|_| Msg::Kill)}
                    on_revive={link.callback(|_| Msg::Revive)} />
                <div class="panels">
                    <MetricsPanel metrics={self.metrics.clone()} />
                    <EventLog lines={self.log.clone()} />
                </div>
            </div>
        }
    }

    fn rendered(&mut self, ctx: &Context<Self>, first_render: bool) {
        if first_render {
            let window = gloo_utils::window();
            let link = ctx.link().clone();
            let on_resize = EventListener::new(&window, "resize", move |_| link.send_message(Msg::Redraw));
            let link = ctx.link().clone();
            let options = EventListenerOptions::enable_prevent_default();
            let on_key = EventListener::new_with_options(&window, "keydown", options, move |event| {
                let Some(event) = event.dyn_ref::<KeyboardEvent>() else { return };
                if event.ctrl_key() || event.meta_key() || event.alt_key() || typing_target(event) {
                    return;
                }
                let msg = match event.key().as_str() {
                    " " => Msg::TogglePlay,
                    "k" | "K" => Msg::Kill,
                    "r" | "R" => Msg::Revive,
                    _ => return,
                };
                // Space would otherwise scroll the page.
                event.prevent_default();
                link.send_message(msg);
            });
            self._listeners = vec![on_resize, on_key];
        }
        // While playing, every frame draws; when paused, draw after each
        // render so a step, a reset or a moved box shows at once.
        if !self.playing {
            self.draw_overlay();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::skeleton;
    use fanout_engine::scenario::{ComponentKind, Scenario, Spec};

    fn preset() -> Scenario {
        let json = crate::presets::PRESETS.iter().find(|(stem, _)| *stem == "direct-coupling").expect("preset").1;
        Scenario::from_json(json).expect("valid preset")
    }

    #[test]
    fn moves_and_renames_keep_the_run_settings_do_not() {
        let original = preset();
        let mut moved = original.clone();
        moved.components[0].x += 50.0;
        moved.components[1].name = "Dispatch".into();
        moved.title = "Another title".into();
        assert_eq!(skeleton(&original), skeleton(&moved));

        let mut slower = original.clone();
        let consumer = slower.components.iter_mut().find(|c| c.kind() == ComponentKind::Consumer).unwrap();
        if let Spec::Consumer(config) = &mut consumer.spec {
            config.processing_time_ms += 100;
        }
        assert_ne!(skeleton(&original), skeleton(&slower));
    }
}
