//! The playback host's side of embed mode (see `crate::embed`): the start
//! parameters, the transport commands a slide deck sends, the events it gets
//! back, the pause while the page is hidden, and `loop`.
//!
//! - Hidden page: playback pauses on `visibilitychange` and resumes when the
//!   page is shown again, if it was playing. Play forgets the frame clock's
//!   last frame, so the first frame back advances nothing: no burst of
//!   catch-up. (This holds in the full app too.)
//! - Faults: every refresh reports, once, the faults the run passed since the
//!   last look: the fault script's entries, and the faults applied live (by a
//!   person, or by a lesson step as it starts). A run rebuilt to replay a
//!   lesson up to a later step reports only what happens from that step on.
//! - The end: a lesson ends when its last step has played to its end time
//!   (`run_until_ms`, or else the end of the script); a scenario without a
//!   lesson ends at the end of its fault script plus some time for the
//!   aftermath — the end of the transport's timeline as first drawn: the last
//!   scripted fault plus 10 %, rounded up to whole 30 s, at least 60 s.
//! - `loop`: a lesson walks itself: each step, once it has played to its end
//!   time (or, without one, while it plays), stays for as long as its
//!   caption takes to read, then the next starts; after the last, the lesson
//!   starts again from step 1 and plays. Without a lesson, the run resets
//!   and plays again a moment after its end. A pause by a person (or a
//!   deck's `pause`) holds: the loop only goes on from the ends it reached.

use super::transport::timeline_end_ms;
use super::{Msg, Playback};
use crate::embed::{self, Event, Finished, Transport, ViewBox};
use crate::i18n::{self, Lang, Text};
use crate::lesson::{self, LessonMsg, LessonPosition, WatchHandle};
use crate::panels::words::fault_words;
use fanout_engine::scenario::{LessonStep, Scenario};
use fanout_engine::sim::SimTime;
use gloo_events::EventListener;
use gloo_timers::callback::Interval;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// How often (wall time) the loop and the end are looked at.
const TICK_MS: u32 = 250;
/// How long the end of a run without a lesson stays before it starts again.
const END_HOLD_MS: f64 = 3_000.0;
/// How long a lesson step stays after its end, by the length of its
/// caption: reading time, at least 3 s and at most 12 s.
const CAPTION_HOLD_MIN_MS: f64 = 3_000.0;
const CAPTION_HOLD_MAX_MS: f64 = 12_000.0;
const CAPTION_CHARS_PER_S: f64 = 25.0;

pub enum EmbedMsg {
    /// Apply the start parameters and say `ready` (after the first render).
    Start,
    /// A command from the slide deck.
    Remote(Transport),
    /// The page was hidden (true) or shown again.
    Hidden(bool),
    /// The loop's clock, with the wall time (ms).
    Tick(f64),
    StepChanged(LessonPosition),
}

/// What the loop waits for, once a hold is over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hold {
    /// The next lesson step after this one.
    Next(usize),
    /// Back to the start, and play.
    Restart,
}

/// Which faults of which run have been reported.
#[derive(Default)]
struct FaultWatch {
    /// The run they belong to; `None` before the first run.
    run: Option<u64>,
    /// How much of the run's command log has been looked at.
    log_seen: usize,
    /// Live faults before this time are history (a lesson replay).
    live_from: SimTime,
    /// Scripted faults from this time on are still to report.
    script_from: SimTime,
}

/// Embed mode's state in the playback host.
#[derive(Default)]
pub struct EmbedState {
    pub enabled: bool,
    looping: bool,
    /// The part of the canvas shown, fitted to the frame (embed mode only).
    pub view_box: Option<ViewBox>,
    /// Playback paused because the page was hidden; it resumes when shown.
    paused_for_hidden: bool,
    /// Bumped for every new run (see `Playback::ensure_sim`).
    pub run: u64,
    faults: FaultWatch,
    /// The run whose end was announced.
    finished: Option<u64>,
    /// Since when (wall ms) the loop has been holding, and for what.
    hold: Option<(f64, Hold)>,
    /// Whether anything has played yet: `loop` waits for the first play.
    played: bool,
    /// `ready` has been sent; events before it wait in `early`, so a deck
    /// always hears `ready` first.
    ready: bool,
    early: Vec<Event>,
    _tick: Option<Interval>,
    _visibility: Option<EventListener>,
    _lesson_watch: Option<WatchHandle>,
}

impl EmbedState {
    /// Sends an event to the deck, after `ready`.
    fn post(&mut self, event: Event) {
        if self.ready {
            embed::post(event);
        } else {
            self.early.push(event);
        }
    }

    pub fn new(ctx: &Context<Playback>) -> Self {
        let params = embed::params();
        let link = ctx.link().clone();
        let document = gloo_utils::document();
        let on_visibility = EventListener::new(&document, "visibilitychange", move |_| {
            link.send_message(Msg::Embed(EmbedMsg::Hidden(page_hidden())));
        });
        let mut state = EmbedState { _visibility: Some(on_visibility), ..EmbedState::default() };
        if params.embed {
            state.enabled = true;
            state.looping = params.looping;
            state.view_box = ViewBox::around(&ctx.props().scenario);
            embed::register_playback(Some(ctx.link().callback(|t| Msg::Embed(EmbedMsg::Remote(t)))));
            let link = ctx.link().clone();
            state._tick = Some(Interval::new(TICK_MS, move || {
                let wall_ms = web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now());
                link.send_message(Msg::Embed(EmbedMsg::Tick(wall_ms)));
            }));
        }
        state
    }
}

/// `document.visibilityState == "hidden"`, read by name so a test (or an
/// old browser) that only changes that property is believed.
fn page_hidden() -> bool {
    let document = gloo_utils::document();
    js_sys::Reflect::get(&document, &JsValue::from_str("visibilityState"))
        .ok()
        .and_then(|state| state.as_string())
        .is_some_and(|state| state == "hidden")
}

/// The end of a run without a lesson: the end of the transport's timeline
/// as it is first drawn (the last scripted fault plus some aftermath).
fn script_end(scenario: &Scenario) -> SimTime {
    let last_fault_ms = scenario.faults.iter().map(|f| f.at_ms).max().unwrap_or(0);
    SimTime::from_ms(timeline_end_ms(0, last_fault_ms))
}

/// The end of a lesson step: its end time, or else the script's end.
fn step_end(scenario: &Scenario, step: &LessonStep) -> SimTime {
    step.run_until_ms.map_or_else(|| script_end(scenario), SimTime::from_ms)
}

/// How long a step stays on screen in a loop: long enough to read its caption.
fn caption_hold_ms(step: &LessonStep, lang: Lang) -> f64 {
    let chars = step.caption.text(lang.code()).chars().count() as f64;
    (chars / CAPTION_CHARS_PER_S * 1000.0).clamp(CAPTION_HOLD_MIN_MS, CAPTION_HOLD_MAX_MS)
}

impl Playback {
    pub(super) fn embed_update(&mut self, ctx: &Context<Self>, msg: EmbedMsg) -> bool {
        match msg {
            EmbedMsg::Start => self.embed_start(ctx),
            EmbedMsg::Remote(command) => {
                self.embed.paused_for_hidden = false;
                self.embed.hold = None;
                let msg = match command {
                    Transport::Play => Msg::Play,
                    Transport::Pause => Msg::Pause,
                    Transport::Step => Msg::Step,
                    Transport::Reset => Msg::Reset,
                };
                Component::update(self, ctx, msg)
            }
            EmbedMsg::Hidden(true) if self.playing => {
                self.embed.paused_for_hidden = true;
                Component::update(self, ctx, Msg::Pause)
            }
            EmbedMsg::Hidden(false) if self.embed.paused_for_hidden => {
                self.embed.paused_for_hidden = false;
                // Play restarts the frame clock: the time away is not caught up.
                Component::update(self, ctx, Msg::Play)
            }
            EmbedMsg::Hidden(_) => false,
            EmbedMsg::Tick(wall_ms) => {
                self.embed_watch(ctx);
                self.loop_tick(ctx, wall_ms)
            }
            EmbedMsg::StepChanged(position) => {
                if position.count > 0 {
                    self.embed.post(Event::StepChanged { step: position.step.map(|s| s + 1), count: position.count });
                }
                false
            }
        }
    }

    /// The start parameters (speed, step, autoplay), then `ready`.
    fn embed_start(&mut self, ctx: &Context<Self>) -> bool {
        let params = embed::params();
        if let Some(speed) = params.speed {
            self.clock.set_speed(speed);
        }
        let scenario = ctx.props().scenario.clone();
        let count = scenario.lesson.len();
        // A slide shows its lesson: step 1, or the one asked for.
        if count > 0 {
            let mut start = params.step.unwrap_or(1);
            if start > count {
                let lang = i18n::current(ctx.link());
                let warning = lang.format(Text::EmbedStepMissing, &[("step", &start), ("count", &count)]);
                web_sys::console::warn_1(&JsValue::from_str(&warning));
                start = 1;
            }
            self.lesson_update(ctx, LessonMsg::Goto(start - 1));
            // Starting a step plays it to its end; without autoplay the
            // slide waits, at the step's start, for the presenter.
            if !params.autoplay && self.playing {
                Component::update(self, ctx, Msg::Pause);
            }
        }
        if params.autoplay && !self.playing {
            Component::update(self, ctx, Msg::Play);
        }
        let step = self.lesson.current_step().map(|step| step + 1);
        embed::post(Event::Ready { title: scenario.title.clone(), playing: self.playing, step, count });
        embed::mark_ready();
        self.embed.ready = true;
        for event in std::mem::take(&mut self.embed.early) {
            embed::post(event);
        }
        let link = ctx.link().clone();
        self.embed._lesson_watch =
            Some(lesson::watch(link.callback(|position| Msg::Embed(EmbedMsg::StepChanged(position)))));
        true
    }

    /// Another scenario (a deck's `load`): fit it, and show its lesson from
    /// step 1, waiting at the step's start as an embed does when it opens.
    pub(super) fn embed_scenario_changed(&mut self, ctx: &Context<Self>, old: &Scenario, new: &Scenario) {
        if !self.embed.enabled {
            return;
        }
        self.embed.view_box = ViewBox::around(new);
        self.embed.hold = None;
        if old.lesson != new.lesson && !new.lesson.is_empty() && self.lesson.current_step().is_none() {
            self.lesson_update(ctx, LessonMsg::Goto(0));
            if self.playing {
                Component::update(self, ctx, Msg::Pause);
            }
        }
    }

    /// Reports the faults the run passed since the last look, and its end.
    /// Called after every refresh and every tick.
    pub(super) fn embed_watch(&mut self, ctx: &Context<Self>) {
        if !self.embed.enabled {
            return;
        }
        let Some(sim) = &self.sim else { return };
        let scenario = &ctx.props().scenario;
        let now = sim.now();
        let mut events = Vec::new();
        let watch = &mut self.embed.faults;
        if watch.run != Some(self.embed.run) {
            // A new run. Rebuilt for a later lesson step, it was replayed up
            // to the step at once: what happened before the step is history.
            let from = if self.lesson.current_step().is_some_and(|step| step > 0) { now } else { SimTime::ZERO };
            *watch = FaultWatch { run: Some(self.embed.run), log_seen: 0, live_from: from, script_from: from };
        }
        let lang = i18n::current(ctx.link());
        let log = sim.command_log();
        for (at, fault) in log.iter().skip(watch.log_seen).filter(|(at, _)| *at >= watch.live_from) {
            events.push(Event::Fault { at_ms: at.as_ms(), words: fault_words(fault, scenario, lang), scripted: false });
        }
        watch.log_seen = log.len();
        let mut scripted: Vec<_> = scenario
            .faults
            .iter()
            .filter(|f| (watch.script_from..=now).contains(&SimTime::from_ms(f.at_ms)))
            .collect();
        scripted.sort_by_key(|f| f.at_ms);
        for f in scripted {
            events.push(Event::Fault { at_ms: f.at_ms, words: fault_words(&f.fault, scenario, lang), scripted: true });
        }
        watch.script_from = now + SimTime(1);

        if self.embed.finished != Some(self.embed.run) {
            let ended = match (self.lesson.current_step(), scenario.lesson.last()) {
                (Some(step), Some(last)) => {
                    (step + 1 == scenario.lesson.len() && now >= step_end(scenario, last)).then_some(Finished::Lesson)
                }
                // Without a lesson, or with it off, the run plays freely.
                _ => (now >= script_end(scenario)).then_some(Finished::Script),
            };
            if let Some(what) = ended {
                self.embed.finished = Some(self.embed.run);
                events.push(Event::Finished { what, at_ms: now.as_ms() });
            }
        }
        for event in events {
            self.embed.post(event);
        }
    }

    /// `loop`: holds at each end it reached, then goes on.
    fn loop_tick(&mut self, ctx: &Context<Self>, wall_ms: f64) -> bool {
        self.embed.played |= self.playing;
        if !self.embed.looping || self.embed.paused_for_hidden || !self.embed.played {
            return false;
        }
        let scenario = ctx.props().scenario.clone();
        let Some(sim) = &self.sim else {
            self.embed.hold = None;
            return false;
        };
        let now = sim.now();
        let lesson_step = self.lesson.current_step().and_then(|index| Some((index, scenario.lesson.get(index)?)));
        let (wanted, hold_ms) = match lesson_step {
            None => ((now >= script_end(&scenario)).then_some(Hold::Restart), END_HOLD_MS),
            Some((index, step)) => {
                let wanted = if index + 1 == scenario.lesson.len() {
                    (now >= step_end(&scenario, step)).then_some(Hold::Restart)
                } else {
                    // A step without an end time is over once it has played
                    // for its caption's time.
                    let settled = step.run_until_ms.map_or(self.playing, |end| now >= SimTime::from_ms(end));
                    settled.then_some(Hold::Next(index))
                };
                (wanted, caption_hold_ms(step, i18n::current(ctx.link())))
            }
        };
        match (wanted, self.embed.hold) {
            (None, _) => {
                self.embed.hold = None;
                false
            }
            (Some(wanted), Some((since, holding))) if holding == wanted => {
                if wall_ms - since < hold_ms {
                    return false;
                }
                self.embed.hold = None;
                match wanted {
                    Hold::Next(_) => self.lesson_update(ctx, LessonMsg::Next),
                    Hold::Restart if self.lesson.current_step().is_some() => self.lesson_update(ctx, LessonMsg::Goto(0)),
                    Hold::Restart => Component::update(self, ctx, Msg::Reset),
                };
                // A step without an end time does not play by itself; in a
                // loop everything plays.
                if !self.playing {
                    Component::update(self, ctx, Msg::Play);
                }
                true
            }
            (Some(wanted), _) => {
                self.embed.hold = Some((wall_ms, wanted));
                false
            }
        }
    }
}
