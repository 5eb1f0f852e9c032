//! The lesson bar: a scenario's guided steps (`Scenario::lesson`), one at a
//! time, with the step's caption, "2 / 5", Previous and Next, and the step's
//! check as pending, passed or failed.
//!
//! The playback host owns the run, so it owns the lesson's position too
//! ([`LessonState`]) and does what a step asks (see `playback/lesson.rs`):
//! starting a step applies its actions to the running simulation and plays to
//! its end time; going back rebuilds the run from the start to that step.
//! This module draws the bar, listens for the keys slide clickers send, and
//! offers the seam other parts of the app drive a lesson through
//! ([`send`], [`position`], [`watch`]): the embed mode's `goto` and
//! `step-changed` messages.
//!
//! Captions follow the interface language (`crate::i18n`), falling back to
//! English where a step has no Korean caption.
//!
//! Hooks for tests: `lesson` (the bar), `lesson-step` (`data-value`: the
//! 1-based step number shown, `data-count`: the number of steps),
//! `lesson-caption`, `lesson-prev`, `lesson-next`, `lesson-check`
//! (`data-state`: `pending`, `passed` or `failed`).

mod control;

// What the embed mode drives a lesson through (see `control`).
#[allow(unused_imports)]
pub use control::{position, register_host, send, watch, LessonPosition, WatchHandle};
use control::announce;
use crate::i18n::{self, Lang};
use fanout_engine::scenario::{CheckState, ComponentId, LessonStep, Scenario};
use fanout_engine::sim::SimTime;
use gloo_events::{EventListener, EventListenerOptions};
use std::cell::Cell;
use std::collections::BTreeSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::context::ContextHandle;
use yew::prelude::*;

/// What can be asked of the lesson. Step indices are 0-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LessonMsg {
    Next,
    Previous,
    /// Go to this step (0-based), from its start: the run is rebuilt and
    /// replayed to it when going back or restarting the current step.
    Goto(usize),
}

/// The lesson's position in the playback host: which step is current, what
/// it hides, and where playback pauses for it.
#[derive(Default)]
pub struct LessonState {
    step: usize,
    count: usize,
    hidden: Rc<BTreeSet<ComponentId>>,
    /// Playback pauses when the run reaches this time (the current step's
    /// `run_until_ms`), once; `None` when there is nothing to pause for.
    stop_at: Option<SimTime>,
}

impl LessonState {
    /// At the first step of the scenario's lesson, before the run starts.
    pub fn new(scenario: &Scenario) -> Self {
        let mut state = LessonState::default();
        state.enter(scenario, 0, SimTime::ZERO);
        state
    }

    pub fn step(&self) -> usize {
        self.step
    }

    /// The components the current step does not show on the canvas.
    pub fn hidden(&self) -> Rc<BTreeSet<ComponentId>> {
        self.hidden.clone()
    }

    /// Makes step `index` current, with the run at `now`: what it shows, and
    /// a pause at its end time if that is still ahead. Tells the watchers.
    pub fn enter(&mut self, scenario: &Scenario, index: usize, now: SimTime) {
        self.step = index.min(scenario.lesson.len().saturating_sub(1));
        self.count = scenario.lesson.len();
        self.stop_at = current(scenario, self.step)
            .and_then(|step| step.run_until_ms)
            .map(SimTime::from_ms)
            .filter(|&end| end > now);
        self.hidden = Rc::new(hidden_by(scenario, current(scenario, self.step)));
        announce(LessonPosition { step: self.step, count: self.count });
    }

    /// Back to the first step, as the run goes back to time 0 (a reset, or
    /// an edit that discarded the run).
    pub fn restart(&mut self, scenario: &Scenario) {
        self.enter(scenario, 0, SimTime::ZERO);
    }

    /// Call when the document changed: a different lesson starts over; a
    /// change to the components keeps the step but recomputes what it hides.
    pub fn scenario_changed(&mut self, old: &Scenario, new: &Scenario) {
        if old.lesson != new.lesson {
            self.restart(new);
        } else if old.components.len() != new.components.len()
            || old.components.iter().zip(&new.components).any(|(a, b)| a.id != b.id)
        {
            self.hidden = Rc::new(hidden_by(new, current(new, self.step)));
        }
    }

    /// Whether playback must play to reach the current step's end.
    pub fn wants_to_play(&self) -> bool {
        self.stop_at.is_some()
    }

    /// How much further the run may go this frame before the step's pause:
    /// `None` when there is no pause ahead of `now`.
    pub fn room(&mut self, now: SimTime) -> Option<SimTime> {
        match self.stop_at {
            Some(end) if end > now => Some(SimTime(end.as_micros() - now.as_micros())),
            _ => {
                self.stop_at = None;
                None
            }
        }
    }

    /// Whether the run just reached the step's pause; it pauses only once,
    /// so pressing play again goes on.
    pub fn reached(&mut self, now: SimTime) -> bool {
        let reached = self.stop_at.is_some_and(|end| now >= end);
        if reached {
            self.stop_at = None;
        }
        reached
    }
}

/// The step at `index`, if the lesson has one.
pub fn current(scenario: &Scenario, index: usize) -> Option<&LessonStep> {
    scenario.lesson.get(index)
}

/// The components a step leaves off the canvas.
fn hidden_by(scenario: &Scenario, step: Option<&LessonStep>) -> BTreeSet<ComponentId> {
    match step {
        Some(step) => scenario.components.iter().filter(|c| !step.shows(&c.id)).map(|c| c.id.clone()).collect(),
        None => BTreeSet::new(),
    }
}

// ----- the bar --------------------------------------------------------------------

#[derive(Properties, PartialEq)]
pub struct LessonBarProps {
    pub scenario: Rc<Scenario>,
    /// The current step, 0-based.
    pub step: usize,
    /// Where the step's check stands in the run, if the step has one.
    pub check: Option<CheckState>,
    /// Whether a component is selected: then ← and → belong to the canvas.
    #[prop_or_default]
    pub selecting: bool,
    pub on_lesson: Callback<LessonMsg>,
}

pub enum BarMsg {
    Key(LessonMsg),
    /// The interface language changed: captions follow it.
    Lang(Lang),
}

/// The bar; it renders nothing for a scenario without a lesson.
pub struct LessonBar {
    _keys: EventListener,
    /// Read by the key listener, which outlives any one set of props.
    selecting: Rc<Cell<bool>>,
    /// The language captions are shown in: the app's (see `crate::i18n`).
    lang: Lang,
    _lang_handle: Option<ContextHandle<Lang>>,
}

impl Component for LessonBar {
    type Message = BarMsg;
    type Properties = LessonBarProps;

    fn create(ctx: &Context<Self>) -> Self {
        let selecting = Rc::new(Cell::new(ctx.props().selecting));
        let (lang, lang_handle) = i18n::subscribe(ctx.link(), BarMsg::Lang);
        LessonBar {
            _keys: listen_for_keys(ctx.link().clone(), selecting.clone()),
            selecting,
            lang,
            _lang_handle: lang_handle,
        }
    }

    fn changed(&mut self, ctx: &Context<Self>, _old: &Self::Properties) -> bool {
        self.selecting.set(ctx.props().selecting);
        true
    }

    fn update(&mut self, ctx: &Context<Self>, msg: BarMsg) -> bool {
        match msg {
            BarMsg::Key(msg) => {
                if !ctx.props().scenario.lesson.is_empty() {
                    ctx.props().on_lesson.emit(msg);
                }
                false
            }
            BarMsg::Lang(lang) => {
                let changed = self.lang != lang;
                self.lang = lang;
                changed
            }
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let props = ctx.props();
        let lesson = &props.scenario.lesson;
        let Some(step) = lesson.get(props.step) else { return html! {} };
        let lang = self.lang.code();
        let (number, count) = (props.step + 1, lesson.len());
        let on_previous = props.on_lesson.reform(|_: MouseEvent| LessonMsg::Previous);
        let on_next = props.on_lesson.reform(|_: MouseEvent| LessonMsg::Next);
        let here = props.step;
        let on_replay = props.on_lesson.reform(move |_: MouseEvent| LessonMsg::Goto(here));
        let check = step.check.as_ref().map(|check| {
            let state = props.check.unwrap_or(CheckState::Pending);
            let (mark, meaning) = match state {
                CheckState::Pending => ("…", "not yet decided: the step is still playing"),
                CheckState::Passed => ("✓", "passed"),
                CheckState::Failed => ("✗", "failed"),
            };
            html! {
                <span class={classes!("lesson-check", state.as_str())} data-testid="lesson-check"
                      data-state={state.as_str()} title={format!("This step's check: {} — {meaning}", check.describe())}>
                    <span class="lesson-check-mark" aria-hidden="true">{ mark }</span>
                    { check.describe() }
                </span>
            }
        });
        html! {
            <section class="lesson-bar" data-testid="lesson" aria-label="Lesson">
                <button type="button" class="lesson-nav" data-testid="lesson-prev" disabled={props.step == 0}
                        title="Previous step (← or Page Up): replays the run from the start to that step"
                        aria-label="Previous step" onclick={on_previous}>{ "‹" }</button>
                <button type="button" class="lesson-step" data-testid="lesson-step" data-value={number.to_string()}
                        data-count={count.to_string()} aria-label={format!("Step {number} of {count}: replay it")}
                        title={format!("Step {number} of {count}. Press to replay it from its start.")}
                        onclick={on_replay}>
                    { format!("{number} / {count}") }
                </button>
                <p class="lesson-caption" data-testid="lesson-caption" aria-live="polite" lang={lang}>
                    { step.caption.text(lang).to_string() }
                </p>
                { for check }
                <button type="button" class="lesson-nav" data-testid="lesson-next" disabled={number == count}
                        title="Next step (→ or Page Down): applies its faults and plays to its end"
                        aria-label="Next step" onclick={on_next}>{ "›" }</button>
            </section>
        }
    }
}

/// ← → Page Up and Page Down anywhere on the page, as slide clickers send
/// them, except in text fields, lists and sliders (their own keys), with a
/// modifier (Alt+← is the browser's Back), and ← → while a component is
/// selected (they move it).
fn listen_for_keys(link: html::Scope<LessonBar>, selecting: Rc<Cell<bool>>) -> EventListener {
    let options = EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(&gloo_utils::document(), "keydown", options, move |event| {
        let Some(event) = event.dyn_ref::<KeyboardEvent>() else { return };
        if event.ctrl_key() || event.meta_key() || event.alt_key() || event.shift_key() || keys_belong_to_target(event) {
            return;
        }
        let msg = match event.key().as_str() {
            "PageDown" => LessonMsg::Next,
            "PageUp" => LessonMsg::Previous,
            "ArrowRight" if !selecting.get() => LessonMsg::Next,
            "ArrowLeft" if !selecting.get() => LessonMsg::Previous,
            _ => return,
        };
        event.prevent_default();
        link.send_message(BarMsg::Key(msg));
    })
}

fn keys_belong_to_target(event: &KeyboardEvent) -> bool {
    let Some(element) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    matches!(element.tag_name().to_ascii_lowercase().as_str(), "input" | "select" | "textarea")
        || element.closest("[contenteditable=true], dialog, [role=listbox], [role=slider]").ok().flatten().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::collections::BTreeSet;

    fn preset(stem: &str) -> Scenario {
        let json = crate::presets::PRESETS.iter().find(|(s, _)| *s == stem).expect("preset").1;
        Scenario::from_json(json).expect("valid preset")
    }

    #[test]
    fn a_step_hides_what_it_does_not_show_and_pauses_once_at_its_end() {
        let scenario = preset("direct-coupling");
        let mut state = LessonState::new(&scenario);
        assert_eq!(*state.hidden(), BTreeSet::from([ComponentId::new("accounting")]));
        assert!(state.wants_to_play());
        assert_eq!(state.room(SimTime::from_ms(4_000)), Some(SimTime::from_ms(6_000)));
        assert!(!state.reached(SimTime::from_ms(9_999)));
        assert!(state.reached(SimTime::from_ms(10_000)));
        assert_eq!(state.room(SimTime::from_ms(10_000)), None, "it pauses once; play goes on from there");

        state.enter(&scenario, 1, SimTime::from_ms(10_000));
        assert!(state.hidden().is_empty(), "step 2 shows everything");
        state.enter(&scenario, 3, SimTime::from_ms(40_000));
        assert!(!state.wants_to_play(), "a step whose end has passed does not play");
    }

    #[test]
    fn watchers_hear_each_step_change_until_they_stop() {
        let scenario = preset("sns-fanout");
        let heard = Rc::new(RefCell::new(Vec::new()));
        let handle = {
            let heard = heard.clone();
            watch(Callback::from(move |p: LessonPosition| heard.borrow_mut().push(p)))
        };
        let mut state = LessonState::new(&scenario);
        state.enter(&scenario, 2, SimTime::ZERO);
        state.enter(&scenario, 2, SimTime::ZERO);
        assert_eq!(position(), Some(LessonPosition { step: 2, count: 5 }));
        drop(handle);
        state.restart(&scenario);
        assert_eq!(
            *heard.borrow(),
            vec![LessonPosition { step: 0, count: 5 }, LessonPosition { step: 2, count: 5 }],
            "only changes are told, and nothing after the handle is dropped"
        );
    }

    #[test]
    fn a_new_lesson_starts_over_and_a_move_keeps_the_step() {
        let old = preset("direct-coupling");
        let mut state = LessonState::new(&old);
        state.enter(&old, 2, SimTime::ZERO);
        let mut moved = old.clone();
        moved.components[0].x += 10.0;
        state.scenario_changed(&old, &moved);
        assert_eq!(state.step(), 2);
        let other = preset("sns-fanout");
        state.scenario_changed(&moved, &other);
        assert_eq!(state.step(), 0);
    }
}
