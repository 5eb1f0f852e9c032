//! The playback host: owns the running engine and the animation loop, draws
//! the message overlay, and feeds the canvas, the transport bar, the faults
//! strip and the panels. Yew's boids example is the model: one struct
//! component holds the simulation and the `requestAnimationFrame` handle;
//! when paused, no loop runs.

mod embed;
mod faults;
mod lesson;
mod narration;
mod placement;
mod overlay;
mod transport;

use crate::editor::geometry::{Point, WireCurve};
use crate::editor::viewport;
use crate::editor::{Canvas, Selection};
use crate::embed::ViewBox;
use crate::i18n::{self, Lang, Text};
use crate::lesson::{LessonBar, LessonMsg, LessonState};
use embed::{EmbedMsg, EmbedState};
use crate::live::{ClusterLive, LiveView};
use crate::panels::words::{fault_words, name, wire_name};
use crate::panels::{
    message_inspector, recent_lines, with_fault, EventLog, FaultScript, InspectorActions, Inspection, Lineage, LogLine,
    Metrics, MetricsPanel,
};
use faults::{fault_strip, ClusterState, Subject, WireFaults, WireInputs};
use fanout_engine::cluster::{PlacementExplanation, PodStatus};
use fanout_engine::scenario::{ComponentId, ComponentKind, Edit, Fault, Scenario, ScheduledFault, Spec};
use fanout_engine::sim::{FrameClock, SimTime};
use fanout_engine::{Command, Simulation};
use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo_render::{request_animation_frame, AnimationFrame};
use overlay::{Dot, WireKind};
use placement::placement_panel;
use std::cell::RefCell;
use std::rc::Rc;
use transport::TransportBar;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, KeyboardEvent};
use yew::prelude::*;

/// How often (wall time) the canvas state, metrics and log are refreshed
/// while playing. The dots move every frame; numbers need not.
const REFRESH_INTERVAL_MS: f64 = 100.0;
/// How many lines the event log keeps.
const LOG_LINES: usize = 50;
const NOTE_RESET: Text = Text::NoteReset;
const NOTE_SCRIPT_RESET: Text = Text::NoteScriptReset;
/// How close (CSS px) a press must be to a dot's centre to inspect it.
const DOT_HIT_RADIUS: f64 = 8.0;
const NOTHING_SELECTED: Text = Text::NothingSelected;
/// Wall time one frame may spend simulating. A scenario too busy to keep up
/// at the chosen speed then runs slower instead of freezing the page.
const FRAME_BUDGET_MS: f64 = 25.0;
/// The frame's advance is run in this many slices, checking the budget between.
const SLICES_PER_FRAME: u64 = 32;
/// How much faster time runs while "skip idle time" hurries through a wait.
pub(crate) const IDLE_SPEEDUP: u64 = 30;
/// How long (sim time) the cluster must have been still before a wait counts
/// as idle, so each change plays at the chosen speed for a moment.
const QUIET_BEFORE_SKIPPING: SimTime = SimTime::from_ms(2_000);

#[derive(Properties, PartialEq)]
pub struct PlaybackProps {
    pub scenario: Rc<Scenario>,
    pub selection: Option<Selection>,
    pub on_edit: Callback<Edit>,
    pub on_select: Callback<Option<Selection>>,
    pub on_error: Callback<String>,
    /// Counts the whole documents opened (a preset, a link, a file): each
    /// new one starts at 100 %, not at the last one's pan and zoom.
    #[prop_or_default]
    pub documents_opened: u32,
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
    /// Keyboard shortcuts K and R on the selection.
    Kill,
    Revive,
    /// A fault clicked live in the faults strip.
    Fault(Fault),
    /// Adds the last live fault to the fault script.
    RecordFault,
    Inspect(Inspect),
    InspectBack,
    CloseInspector,
    ShowTab(SideTab),
    /// The window was resized: redraw the overlay at the new size.
    Redraw,
    /// A pod chip was pressed: explain its placement.
    SelectPod(String),
    ClosePlacement,
    /// The lesson bar, its keys, or the embed mode: go to another step.
    Lesson(LessonMsg),
    /// Embed mode: the deck's commands, a hidden page, the loop.
    Embed(EmbedMsg),
    /// The canvas was panned or zoomed by wheel, drag or pinch.
    SetView(Option<ViewBox>),
    /// A zoom button or key.
    Zoom(Zoom),
    /// The interface's language changed: say everything again in it.
    LangChanged,
}

/// The zoom buttons' and keys' commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zoom {
    In,
    Out,
    /// The whole diagram in view.
    Fit,
    /// 100 %: one canvas unit per CSS pixel.
    Actual,
}

/// What the message inspector is open on.
#[derive(Clone, Debug, PartialEq)]
pub enum Inspect {
    Order(u64),
    /// The messages a component holds.
    At(ComponentId),
}

/// The panel beside the metrics.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SideTab {
    Log,
    Script,
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
    note: Option<Text>,
    /// The last live fault that worked, with its time: what "Add to script" adds.
    last_live: Option<ScheduledFault>,
    /// A script entry added from a live fault that already happened in this run.
    recorded: Option<ScheduledFault>,
    inspect: Option<Inspect>,
    /// The component whose message list the open order was picked from.
    inspect_back: Option<ComponentId>,
    inspection: Option<Rc<Inspection>>,
    /// The records of the order the inspector is open on.
    lineage: Option<Lineage>,
    side_tab: SideTab,
    /// The pod chip pressed last: its placement is explained.
    selected_pod: Option<AttrValue>,
    /// "Why here / why pending" for that pod, or for the first Pending pod
    /// of the selected deployment.
    placement: Option<Rc<PlacementExplanation>>,
    /// The last significant change in words, for the ARIA live region.
    narration: AttrValue,
    /// Whether the last frame hurried through idle time (shown on the transport).
    skipping: bool,
    idle_watch: IdleWatch,
    /// Where the overlay drew each dot last, for hit-testing presses on the stage.
    dots: Rc<RefCell<Vec<Dot>>>,
    wire_inputs: WireInputs,
    /// The lesson's current step, what it hides, and where it pauses.
    lesson: LessonState,
    /// Embed mode (and the pause while the page is hidden).
    embed: EmbedState,
    /// The editor's pan and zoom (`None`: one canvas unit per CSS pixel).
    editor_view: Option<ViewBox>,
    overlay_ref: NodeRef,
    stage_ref: NodeRef,
    _listeners: Vec<EventListener>,
    /// Keeps the host subscribed to the language (see `Msg::LangChanged`).
    _lang: Option<ContextHandle<Lang>>,
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
    // Script changes are judged on their own: see `added_faults`.
    s.faults.clear();
    // Playback settings change how fast the run is watched, not the run.
    s.time_scale = 1.0;
    s.skip_idle = false;
    // A lesson's steps act on the run only when someone moves through them.
    s.lesson.clear();
    s
}

/// The entries `new` adds to the fault script `old`, or `None` when it also
/// removes or changes some.
fn added_faults(old: &[ScheduledFault], new: &[ScheduledFault]) -> Option<Vec<ScheduledFault>> {
    let mut added = new.to_vec();
    for entry in old {
        let index = added.iter().position(|f| f == entry)?;
        added.remove(index);
    }
    Some(added)
}

/// A wire's network faults clicked live, replayed from the live commands
/// (the engine's log leaves out the script's).
fn wire_faults(log: &[(SimTime, Command)], from: &ComponentId, to: &ComponentId) -> WireFaults {
    let mut state = WireFaults::default();
    for (_, command) in log.iter().filter(|(_, c)| c.wire() == Some((from, to))) {
        match command {
            Fault::Partition(..) => state.partitioned = true,
            Fault::Heal(..) => state.partitioned = false,
            Fault::Delay(_, _, ms) => state.extra_delay_ms = *ms,
            Fault::Loss(_, _, ratio) => state.loss_ratio = *ratio,
            _ => {}
        }
    }
    state
}

/// A consumer's slow-down factor clicked live (1 = normal).
fn slow_factor(log: &[(SimTime, Command)], id: &ComponentId) -> f64 {
    log.iter()
        .rev()
        .find_map(|(_, c)| match c {
            Fault::Slow(target, factor) if target == id => Some(*factor),
            _ => None,
        })
        .unwrap_or(1.0)
}

/// The dot nearest to (x, y) within the hit radius, by its order.
fn dot_at(dots: &[Dot], x: f64, y: f64) -> Option<u64> {
    dots.iter()
        .map(|d| ((d.x - x).powi(2) + (d.y - y).powi(2), d.order))
        .filter(|(distance_squared, _)| *distance_squared <= DOT_HIT_RADIUS * DOT_HIT_RADIUS)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, order)| order)
}

/// Advances `sim` by up to `advance`, in slices, stopping early once the
/// frame has used its budget or `keep_going` says so. Running in slices gives
/// the same trace as one `run_until`; stopping early only means sim time
/// falls behind the wall.
fn run_within_budget(
    sim: &mut Simulation,
    advance: SimTime,
    frame_start_ms: f64,
    mut keep_going: impl FnMut(&Simulation) -> bool,
) {
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
        if !keep_going(sim) {
            break;
        }
    }
}

/// Decides when "skip idle time" may hurry. With a cluster, a wait is idle
/// once no node or pod has changed state for [`QUIET_BEFORE_SKIPPING`]: the
/// grace period before NotReady and the toleration before eviction are such
/// waits, while traffic keeps flowing at a steady state. Without a cluster,
/// it is idle while no message travels a wire.
#[derive(Default)]
struct IdleWatch {
    records_seen: u64,
    last_change: SimTime,
}

impl IdleWatch {
    fn idle(&mut self, sim: &Simulation) -> bool {
        if sim.cluster().is_none() {
            return sim.transits().next().is_none();
        }
        let written = sim.cluster_trace_records_written();
        if written != self.records_seen {
            self.records_seen = written;
            self.last_change = sim.now();
        }
        sim.now() >= self.last_change + QUIET_BEFORE_SKIPPING
    }
}

/// The time of the fault script's next entry after `now`: hurrying stops
/// there, so a scripted fault plays at the chosen speed.
fn next_scripted_fault(scenario: &Scenario, now: SimTime) -> Option<SimTime> {
    scenario.faults.iter().map(|f| SimTime::from_ms(f.at_ms)).filter(|&at| at > now).min()
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
        // The engine schedules the scenario's fault script itself.
        match Simulation::new(&ctx.props().scenario) {
            Ok(mut sim) => {
                self.lesson_run_built(ctx, &mut sim);
                self.sim = Some(sim);
                self.embed.run += 1;
                self.idle_watch = IdleWatch::default();
                self.last_live = None;
                self.recorded = None;
                self.lineage = None;
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
        self.skipping = false;
        self.frame = None;
        self.clock.pause();
    }

    /// Throws the run away (an edit changed what it simulates).
    fn discard_run(&mut self, ctx: &Context<Self>, note: Text) {
        self.stop();
        self.sim = None;
        self.lesson.restart(&ctx.props().scenario);
        self.lineage = None;
        self.note = Some(note);
    }

    /// Takes fresh snapshots for the canvas, the panels and the transport;
    /// returns whether anything visible changed.
    fn refresh(&mut self, ctx: &Context<Self>) -> bool {
        let scenario = &ctx.props().scenario;
        let sim = self.sim.as_ref();
        if let (Some(sim), Some(Inspect::Order(order))) = (sim, &self.inspect) {
            match &mut self.lineage {
                Some(lineage) if lineage.order == *order => lineage.sync(sim, !self.playing),
                lineage => *lineage = Some(Lineage::new(sim, *order)),
            }
        }
        let (live, metrics, log, now_ms) = match sim {
            Some(sim) => (
                LiveView {
                    now_ms: sim.now().as_ms(),
                    activity: scenario.components.iter().map(|c| (c.id.clone(), sim.activity(&c.id))).collect(),
                    cluster: sim.cluster().map(ClusterLive::new),
                },
                Metrics::from_sim(sim, scenario),
                recent_lines(sim, LOG_LINES),
                sim.now().as_ms(),
            ),
            None => (LiveView::default(), Metrics::zero(scenario), Vec::new(), 0),
        };
        let inspection = self.inspect.as_ref().map(|inspect| match inspect {
            Inspect::Order(order) => Inspection::order(sim, *order, self.lineage.as_ref()),
            Inspect::At(id) => Inspection::at(sim, scenario, id),
        });
        let mut changed = false;
        if *self.live != live {
            // Significant changes are told to screen readers, in words.
            let lang = crate::i18n::current(ctx.link());
            let said = narration::narrate(scenario, &self.live, &live, self.metrics.totals.lost, metrics.totals.lost, lang);
            if !said.is_empty() {
                self.narration = said.join(" ").into();
            }
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
        if self.inspection.as_deref() != inspection.as_ref() {
            self.inspection = inspection.map(Rc::new);
            changed = true;
        }
        if self.now_ms != now_ms {
            self.now_ms = now_ms;
            changed = true;
        }
        let placement = sim.and_then(|sim| self.explain_placement(sim, ctx));
        if self.placement.as_deref() != placement.as_ref() {
            self.placement = placement.map(Rc::new);
            changed = true;
        }
        self.embed_watch(ctx);
        changed
    }

    /// The placement of the pod whose chip was pressed, or else of the
    /// selected deployment's first Pending pod.
    fn explain_placement(&self, sim: &Simulation, ctx: &Context<Self>) -> Option<PlacementExplanation> {
        let cluster = sim.cluster()?;
        let pod = match (&self.selected_pod, &ctx.props().selection) {
            (Some(name), _) => cluster.pod_named(name)?,
            (None, Some(Selection::Component(id))) => {
                cluster.pods_of(id.as_str()).into_iter().find(|p| p.status == PodStatus::Pending)?
            }
            _ => return None,
        };
        cluster.why_placement(pod.id)
    }

    /// The view the canvas and the overlay show: embed mode's fit, or the
    /// editor's pan and zoom.
    fn view_box(&self) -> Option<ViewBox> {
        if self.embed.enabled {
            self.embed.view_box
        } else {
            self.editor_view
        }
    }

    /// Zoom out, the zoom level (press: back to 100 %), zoom in, fit.
    fn zoom_controls(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let lang = crate::i18n::current(link);
        let (width, height) = self.stage_ref.cast::<web_sys::Element>().map_or((1.0, 1.0), |stage| {
            let rect = stage.get_bounding_client_rect();
            (rect.width(), rect.height())
        });
        let percent = viewport::percent(self.editor_view, width, height);
        let button = |testid: &'static str, label: String, title: Text, zoom: Zoom| {
            html! {
                <button type="button" data-testid={testid} title={lang.t(title)} aria-label={lang.t(title)}
                        onclick={link.callback(move |_| Msg::Zoom(zoom))}>{ label }</button>
            }
        };
        html! {
            <div class="zoom-controls" role="group" aria-label={lang.t(Text::ZoomGroup)}>
                { button("zoom-out", "−".into(), Text::ZoomOutTitle, Zoom::Out) }
                <button type="button" class="zoom-level" data-testid="zoom-level" data-value={percent.to_string()}
                        title={lang.t(Text::ZoomActualTitle)} onclick={link.callback(|_| Msg::Zoom(Zoom::Actual))}>
                    { format!("{percent} %") }
                </button>
                { button("zoom-in", "+".into(), Text::ZoomInTitle, Zoom::In) }
                { button("zoom-fit", lang.t(Text::ZoomFit).into(), Text::ZoomFitTitle, Zoom::Fit) }
            </div>
        }
    }

    fn draw_overlay(&self) {
        if let Some(canvas) = self.overlay_ref.cast::<HtmlCanvasElement>() {
            let highlight = match self.inspect {
                Some(Inspect::Order(order)) => Some(order),
                _ => None,
            };
            let view_box = self.view_box();
            overlay::draw(&canvas, self.sim.as_ref(), &self.paths, highlight, view_box, &mut self.dots.borrow_mut());
        }
    }

    /// What the faults strip offers for the selection.
    fn subject(&self, ctx: &Context<Self>) -> Subject {
        let scenario = &ctx.props().scenario;
        let log = self.sim.as_ref().map_or(&[][..], |sim| sim.command_log());
        match &ctx.props().selection {
            Some(Selection::Component(id)) => match scenario.component(id) {
                Some(component) => Subject::Component {
                    id: id.clone(),
                    name: name(scenario, id),
                    kind: component.kind(),
                    down: self.live.activity(id).down,
                    slow_factor: slow_factor(log, id),
                    cluster: self.cluster_state(component),
                },
                None => Subject::None(NOTHING_SELECTED),
            },
            Some(Selection::Wire { from, to }) => Subject::Wire {
                from: from.clone(),
                to: to.clone(),
                name: wire_name(scenario, from, to),
                state: wire_faults(log, from, to),
            },
            None => Subject::None(NOTHING_SELECTED),
        }
    }

    /// What the cluster faults of a component need to know about it now;
    /// before a run exists, what the document says.
    fn cluster_state(&self, component: &fanout_engine::scenario::Component) -> ClusterState {
        let cluster = self.live.cluster.as_ref();
        match &component.spec {
            Spec::Node(node) => {
                let in_zone = |n: &&fanout_engine::cluster::NodeView| n.zone == node.zone;
                let zone_down = cluster.is_some_and(|c| {
                    c.nodes.values().filter(in_zone).count() > 0 && c.nodes.values().filter(in_zone).all(|n| n.down)
                });
                let cordoned = self.live.node(&component.id).map_or(node.unschedulable, |n| n.cordoned);
                ClusterState::Node { zone: node.zone.clone(), cordoned, zone_down }
            }
            Spec::Deployment(deployment) => {
                let name = component.id.as_str();
                let mut pods = cluster.into_iter().flat_map(|c| c.pods.iter()).filter(|p| p.deployment == name);
                let desired = self.live.activity(&component.id).workers;
                let desired = if cluster.is_some() { desired } else { deployment.replicas };
                ClusterState::Deployment { desired, crash_looping: pods.any(|p| p.crash_loop) }
            }
            Spec::ControlPlane(cp) => match cluster {
                Some(c) => ClusterState::ControlPlane {
                    etcd_up: c.control_plane.etcd_members_state.clone(),
                    scheduler_up: c.control_plane.scheduler.replicas_up > 0,
                    controller_manager_up: c.control_plane.controller_manager.replicas_up > 0,
                },
                None => ClusterState::ControlPlane {
                    etcd_up: vec![true; cp.control_plane.etcd_members as usize],
                    scheduler_up: true,
                    controller_manager_up: true,
                },
            },
            _ => ClusterState::None,
        }
    }

    /// Applies a fault to the run now (building the run first if needed).
    /// The engine's refusal, if any, is shown in the error banner.
    fn apply_fault(&mut self, ctx: &Context<Self>, fault: Fault) -> bool {
        if !self.ensure_sim(ctx) {
            return false;
        }
        let sim = self.sim.as_mut().expect("ensure_sim built it");
        let at_ms = sim.now().as_ms();
        match sim.command(fault.clone()) {
            Ok(()) => self.last_live = Some(ScheduledFault { at_ms, fault }),
            Err(e) => ctx.props().on_error.emit(e.to_string()),
        }
        self.refresh(ctx);
        true
    }

    /// The shortcut K or R on the selection, when it can be killed.
    fn kill_or_revive(&mut self, ctx: &Context<Self>, kill: bool) -> bool {
        let Subject::Component {
            id, kind: ComponentKind::Publisher | ComponentKind::Consumer | ComponentKind::Node, ..
        } = self.subject(ctx)
        else {
            return false;
        };
        self.apply_fault(ctx, if kill { Fault::Kill(id) } else { Fault::Revive(id) })
    }

    /// Whether a fault script edit leaves the run as it would be if rebuilt:
    /// only when it adds the live fault just recorded, which already
    /// happened at that time. (Faults the engine did not build the run with
    /// would also be missing from its replays for the message inspector.)
    fn script_edit_keeps_run(&mut self, old: &[ScheduledFault], new: &[ScheduledFault]) -> bool {
        let recorded = self.recorded.take();
        matches!(added_faults(old, new).as_deref(), Some([entry]) if Some(entry) == recorded.as_ref())
    }
}

impl Playback {
    /// Presses on a message dot open the message inspector; every other
    /// press goes on to the editor. The overlay lets pointer events through,
    /// so this listens on the stage, before the canvas (capture phase), and
    /// stops only the presses it takes. Hovering a dot shows a pointer.
    fn listen_for_dots(&self, ctx: &Context<Self>, stage: web_sys::Element) -> [EventListener; 2] {
        let hit = {
            let (dots, stage) = (self.dots.clone(), stage.clone());
            move |event: &Event| {
                let event = event.dyn_ref::<web_sys::MouseEvent>()?;
                let rect = stage.get_bounding_client_rect();
                let (x, y) = (f64::from(event.client_x()) - rect.left(), f64::from(event.client_y()) - rect.top());
                dot_at(&dots.borrow(), x, y)
            }
        };
        let link = ctx.link().clone();
        let on_press = {
            let hit = hit.clone();
            let options = EventListenerOptions { phase: EventListenerPhase::Capture, passive: false };
            EventListener::new_with_options(&stage, "pointerdown", options, move |event| {
                let primary = event.dyn_ref::<web_sys::MouseEvent>().is_some_and(|e| e.button() == 0);
                if let Some(order) = hit(event).filter(|_| primary) {
                    event.stop_propagation();
                    event.prevent_default();
                    link.send_message(Msg::Inspect(Inspect::Order(order)));
                }
            })
        };
        let on_move = {
            let target = stage.clone();
            EventListener::new(&stage, "pointermove", move |event| {
                let over = hit(event).is_some();
                if over != target.has_attribute("data-over-dot") {
                    let _ = if over {
                        target.set_attribute("data-over-dot", "")
                    } else {
                        target.remove_attribute("data-over-dot")
                    };
                }
            })
        };
        [on_press, on_move]
    }
}

impl Component for Playback {
    type Message = Msg;
    type Properties = PlaybackProps;

    fn create(ctx: &Context<Self>) -> Self {
        let scenario = &ctx.props().scenario;
        crate::lesson::register_host(Some(ctx.link().callback(Msg::Lesson)));
        let lesson = LessonState::new(scenario);
        Playback {
            sim: None,
            clock: {
                let mut clock = FrameClock::new(1.0);
                clock.set_time_scale(scenario.time_scale);
                clock
            },
            frame: None,
            playing: false,
            last_refresh_wall_ms: f64::NEG_INFINITY,
            paths: lesson::shown_paths(scenario, &lesson.hidden()),
            live: Rc::new(LiveView::default()),
            metrics: Rc::new(Metrics::zero(scenario)),
            log: Rc::new(Vec::new()),
            now_ms: 0,
            note: None,
            last_live: None,
            recorded: None,
            inspect: None,
            inspect_back: None,
            inspection: None,
            lineage: None,
            side_tab: SideTab::Log,
            selected_pod: None,
            placement: None,
            narration: AttrValue::default(),
            skipping: false,
            idle_watch: IdleWatch::default(),
            dots: Rc::default(),
            wire_inputs: WireInputs::default(),
            lesson,
            embed: EmbedState::new(ctx),
            editor_view: None,
            overlay_ref: NodeRef::default(),
            stage_ref: NodeRef::default(),
            _listeners: Vec::new(),
            _lang: i18n::subscribe(ctx.link(), |_| Msg::LangChanged).1,
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
                self.lesson.restart(&ctx.props().scenario);
                self.lineage = None;
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
                let scenario = &ctx.props().scenario;
                let mut skipping = false;
                let mut step_ended = false;
                if let Some(sim) = &mut self.sim {
                    // A lesson step pauses at its end time.
                    let room = self.lesson.room(sim.now());
                    let advance = room.map_or(advance, |room| advance.min(room));
                    let watch = &mut self.idle_watch;
                    if scenario.skip_idle && watch.idle(sim) {
                        // Hurry, but stop at the next scripted fault and as
                        // soon as something starts happening.
                        let hurried = SimTime(advance.as_micros().saturating_mul(IDLE_SPEEDUP));
                        let until = next_scripted_fault(scenario, sim.now()).map_or(hurried, |at| {
                            hurried.min(SimTime(at.as_micros().saturating_sub(sim.now().as_micros())))
                        });
                        let until = room.map_or(until, |room| until.min(room));
                        skipping = until > advance;
                        run_within_budget(sim, until, wall_ms, |sim| watch.idle(sim));
                    } else {
                        run_within_budget(sim, advance, wall_ms, |_| true);
                    }
                    step_ended = self.lesson.reached(sim.now());
                }
                if step_ended {
                    return Component::update(self, ctx, Msg::Pause);
                }
                self.draw_overlay();
                self.schedule_frame(ctx);
                let skipping_changed = self.skipping != skipping;
                self.skipping = skipping;
                if wall_ms - self.last_refresh_wall_ms >= REFRESH_INTERVAL_MS {
                    self.last_refresh_wall_ms = wall_ms;
                    return self.refresh(ctx) || skipping_changed;
                }
                skipping_changed
            }
            Msg::Kill => self.kill_or_revive(ctx, true),
            Msg::Revive => self.kill_or_revive(ctx, false),
            Msg::Fault(fault) => self.apply_fault(ctx, fault),
            Msg::RecordFault => {
                let Some(entry) = self.last_live.take() else { return false };
                self.recorded = Some(entry.clone());
                self.side_tab = SideTab::Script;
                let faults = with_fault(&ctx.props().scenario.faults, entry);
                ctx.props().on_edit.emit(Edit::SetFaults(faults));
                true
            }
            Msg::Inspect(inspect) => {
                self.inspect_back = match (&self.inspect, &inspect) {
                    (Some(Inspect::At(id)), Inspect::Order(_)) => Some(id.clone()),
                    _ => None,
                };
                self.inspect = Some(inspect);
                self.refresh(ctx);
                self.draw_overlay();
                true
            }
            Msg::InspectBack => match self.inspect_back.take() {
                Some(id) => Component::update(self, ctx, Msg::Inspect(Inspect::At(id))),
                None => false,
            },
            Msg::CloseInspector => {
                self.inspect = None;
                self.inspect_back = None;
                self.inspection = None;
                self.draw_overlay();
                true
            }
            Msg::ShowTab(tab) => {
                let changed = self.side_tab != tab;
                self.side_tab = tab;
                changed
            }
            Msg::SetView(view) => {
                self.editor_view = view;
                self.draw_overlay();
                true
            }
            Msg::Zoom(zoom) => {
                let Some(stage) = self.stage_ref.cast::<web_sys::Element>() else { return false };
                let rect = stage.get_bounding_client_rect();
                let (width, height) = (rect.width(), rect.height());
                let centre = Point::new(width / 2.0, height / 2.0);
                self.editor_view = match zoom {
                    Zoom::In => Some(viewport::zoom_at(self.editor_view, width, height, centre, viewport::ZOOM_STEP)),
                    Zoom::Out => Some(viewport::zoom_at(self.editor_view, width, height, centre, 1.0 / viewport::ZOOM_STEP)),
                    Zoom::Fit => viewport::fit_scenario(&ctx.props().scenario, width, height),
                    Zoom::Actual => None,
                };
                self.draw_overlay();
                true
            }
            Msg::Redraw => {
                self.draw_overlay();
                false
            }
            Msg::SelectPod(name) => {
                self.selected_pod = Some(name.into());
                self.refresh(ctx);
                true
            }
            Msg::ClosePlacement => {
                self.selected_pod = None;
                self.placement = None;
                true
            }
            Msg::Lesson(msg) => self.lesson_update(ctx, msg),
            Msg::Embed(msg) => self.embed_update(ctx, msg),
            Msg::LangChanged => true,
        }
    }

    fn changed(&mut self, ctx: &Context<Self>, old_props: &Self::Properties) -> bool {
        if old_props.selection != ctx.props().selection {
            // Selecting something else leaves the pod that was explained.
            self.selected_pod = None;
            self.refresh(ctx);
        }
        if old_props.documents_opened != ctx.props().documents_opened {
            self.editor_view = None;
        }
        let (old, new) = (&old_props.scenario, &ctx.props().scenario);
        if old.time_scale != new.time_scale {
            self.clock.set_time_scale(new.time_scale);
        }
        if old != new {
            self.lesson.scenario_changed(old, new);
            self.paths = lesson::shown_paths(new, &self.lesson.hidden());
            if self.sim.is_some() && skeleton(old) != skeleton(new) {
                // The run no longer matches the document: start over rather
                // than show numbers from a scenario that no longer exists.
                self.discard_run(ctx, NOTE_RESET);
            } else if self.sim.is_some() && old.faults != new.faults && !self.script_edit_keeps_run(&old.faults, &new.faults) {
                self.discard_run(ctx, NOTE_SCRIPT_RESET);
            }
            self.refresh(ctx);
            self.embed_scenario_changed(ctx, old, new);
        }
        true
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let props = ctx.props();
        let lang = i18n::current(ctx.link());
        let link = ctx.link();
        let scenario = &props.scenario;
        let marks: Vec<(u64, String)> =
            scenario.faults.iter().map(|f| (f.at_ms, fault_words(&f.fault, scenario, lang))).collect();
        let recordable = self.last_live.as_ref().map(|entry| {
            let (time, words) = (crate::panels::words::short_time(entry.at_ms), fault_words(&entry.fault, scenario, lang));
            lang.format(Text::TimelineMark, &[("time", &time), ("words", &words)])
        });
        let on_inspect = link.callback(|order| Msg::Inspect(Inspect::Order(order)));
        let tab = |tab: SideTab, id: &'static str, label: String| {
            html! {
                <button type="button" role="tab" data-testid={id} aria-selected={(self.side_tab == tab).to_string()}
                    class={classes!("tab", (self.side_tab == tab).then_some("active"))}
                    onclick={link.callback(move |_| Msg::ShowTab(tab))}>{ label }</button>
            }
        };
        html! {
            <div class="playback">
                // Read out by screen readers as it changes; not shown.
                <div class="visually-hidden" role="status" aria-live="polite" data-testid="narration"
                     aria-label={crate::i18n::current(ctx.link()).t(crate::i18n::Text::NarrationLabel)}>
                    { self.narration.clone() }
                </div>
                <LessonBar scenario={scenario.clone()} step={self.lesson.current_step()} check={self.lesson_check(scenario)}
                    selecting={matches!(props.selection, Some(Selection::Component(_)))}
                    on_lesson={link.callback(Msg::Lesson)} />
                <div class="stage" ref={self.stage_ref.clone()}>
                    <Canvas scenario={scenario.clone()} selection={props.selection.clone()} hidden={self.lesson.hidden()}
                        live={self.live.clone()} on_edit={props.on_edit.clone()} on_select={props.on_select.clone()}
                        selected_pod={self.selected_pod.clone()} on_pod={link.callback(Msg::SelectPod)}
                        on_fault={link.callback(Msg::Fault)} view_box={self.view_box()} read_only={self.embed.enabled}
                        on_view={link.callback(Msg::SetView)} />
                    if !self.embed.enabled {
                        { self.zoom_controls(ctx) }
                    }
                    <canvas class="message-overlay" ref={self.overlay_ref.clone()} aria-hidden="true"></canvas>
                    <ul class="dot-legend" aria-label={lang.t(Text::DotLegend)}>
                        { for WireKind::ALL.iter().map(|kind| html! {
                            <li><span class="legend-dot" style={format!("background: {}", kind.colour())}></span>{ lang.t(kind.label()) }</li>
                        }) }
                        <li><span class="legend-dot legend-dropped"></span>{ lang.t(Text::LegendLostOnNetwork) }</li>
                    </ul>
                    if let Some(placement) = &self.placement {
                        { placement_panel(placement, link.callback(|_| Msg::ClosePlacement), lang) }
                    }
                    if let Some(inspection) = &self.inspection {
                        { message_inspector(inspection, &InspectorActions {
                            on_inspect: on_inspect.clone(),
                            on_back: self.inspect_back.is_some().then(|| link.callback(|_| Msg::InspectBack)),
                            on_close: link.callback(|_| Msg::CloseInspector),
                        }, lang) }
                    }
                </div>
                <TransportBar
                    playing={self.playing}
                    speed={self.clock.speed}
                    time_scale={scenario.time_scale}
                    skip_idle={scenario.skip_idle}
                    skipping={self.skipping}
                    on_playback_settings={props.on_edit.reform(|(time_scale, skip_idle)| Edit::SetPlayback { time_scale, skip_idle })}
                    now_ms={self.now_ms}
                    note={self.note.clone()}
                    {marks}
                    on_play={link.callback(|_| Msg::Play)}
                    on_pause={link.callback(|_| Msg::Pause)}
                    on_step={link.callback(|_| Msg::Step)}
                    on_reset={link.callback(|_| Msg::Reset)}
                    on_speed={link.callback(Msg::SetSpeed)} />
                if !self.embed.enabled {
                { fault_strip(&self.subject(ctx), recordable, &self.wire_inputs, link) }
                <div class="panels">
                    <MetricsPanel metrics={self.metrics.clone()} on_inspect={on_inspect.clone()} />
                    <div class="side-panel">
                        <div class="tabs" role="tablist">
                            { tab(SideTab::Log, "tab-event-log", lang.t(Text::EventLog).to_string()) }
                            { tab(SideTab::Script, "tab-fault-script", lang.format(Text::FaultScriptTab, &[("n", &scenario.faults.len())])) }
                        </div>
                        if self.side_tab == SideTab::Log {
                            <EventLog lines={self.log.clone()} {on_inspect} />
                        } else {
                            <FaultScript scenario={scenario.clone()} now_ms={self.now_ms} on_edit={props.on_edit.clone()} />
                        }
                    </div>
                </div>
                }
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
                    "+" | "=" => Msg::Zoom(Zoom::In),
                    "-" | "_" => Msg::Zoom(Zoom::Out),
                    "0" => Msg::Zoom(Zoom::Actual),
                    "f" | "F" => Msg::Zoom(Zoom::Fit),
                    _ => return,
                };
                // Space would otherwise scroll the page.
                event.prevent_default();
                link.send_message(msg);
            });
            let mut listeners = vec![on_resize, on_key];
            if let Some(stage) = self.stage_ref.cast::<web_sys::Element>() {
                listeners.extend(self.listen_for_dots(ctx, stage));
            }
            self._listeners = listeners;
            if self.embed.enabled {
                ctx.link().send_message(Msg::Embed(EmbedMsg::Start));
            }
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
    use super::*;

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
        if let fanout_engine::scenario::Spec::Consumer(config) = &mut consumer.spec {
            config.processing_time_ms += 100;
        }
        assert_ne!(skeleton(&original), skeleton(&slower));
    }

    fn at(at_ms: u64, fault: Fault) -> ScheduledFault {
        ScheduledFault { at_ms, fault }
    }

    #[test]
    fn a_script_that_only_grows_keeps_the_run() {
        let shipping = ComponentId::new("shipping");
        let kill = at(5_000, Fault::Kill(shipping.clone()));
        let revive = at(9_000, Fault::Revive(shipping.clone()));
        assert_eq!(added_faults(&[kill.clone()], &[kill.clone(), revive.clone()]), Some(vec![revive.clone()]));
        assert_eq!(added_faults(&[kill.clone(), revive.clone()], &[revive.clone()]), None, "a removal restarts");
        assert_eq!(added_faults(&[kill.clone(), kill.clone()], &[kill.clone()]), None);
        assert_eq!(added_faults(&[], &[]), Some(vec![]));
    }

    #[test]
    fn the_run_follows_the_fault_script() {
        let mut scenario = preset();
        let shipping = ComponentId::new("shipping");
        scenario.faults = vec![at(5_000, Fault::Kill(shipping.clone()))];
        let mut sim = Simulation::new(&scenario).expect("valid scenario");
        sim.run_until(SimTime::from_ms(4_999));
        assert!(!sim.is_down(&shipping));
        sim.run_until(SimTime::from_ms(6_000));
        assert!(sim.is_down(&shipping), "killed by the script at 5 s");
    }

    #[test]
    fn wire_and_slow_faults_are_read_back_from_the_command_log() {
        let (a, b) = (ComponentId::new("a"), ComponentId::new("b"));
        let log = vec![
            (SimTime::from_ms(1), Fault::Partition(a.clone(), b.clone())),
            (SimTime::from_ms(2), Fault::Delay(a.clone(), b.clone(), 300)),
            (SimTime::from_ms(3), Fault::Heal(a.clone(), b.clone())),
            (SimTime::from_ms(4), Fault::Slow(b.clone(), 5.0)),
        ];
        let state = wire_faults(&log, &a, &b);
        assert_eq!(state, WireFaults { partitioned: false, extra_delay_ms: 300, loss_ratio: 0.0 });
        assert!(wire_faults(&log[..1], &a, &b).partitioned);
        assert_eq!(wire_faults(&log, &b, &a), WireFaults::default(), "wires are directed");
        assert_eq!(slow_factor(&log, &b), 5.0);
        assert_eq!(slow_factor(&log, &a), 1.0);
    }

    #[test]
    fn presses_near_a_dot_pick_the_nearest_one() {
        let dots = [Dot { x: 10.0, y: 10.0, order: 1 }, Dot { x: 16.0, y: 10.0, order: 2 }];
        assert_eq!(dot_at(&dots, 11.0, 10.0), Some(1));
        assert_eq!(dot_at(&dots, 15.0, 11.0), Some(2));
        assert_eq!(dot_at(&dots, 40.0, 10.0), None);
    }
}
