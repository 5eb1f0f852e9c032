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
use crate::i18n::{self, Lang, Text};
use fanout_engine::scenario::lesson::Check;
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
    /// The next step; before the lesson has started, the first.
    Next,
    Previous,
    /// Go to this step (0-based), from its start: the run is rebuilt and
    /// replayed to it when going back, restarting the current step, or
    /// starting the lesson.
    Goto(usize),
    /// Leave the lesson: every component shows again and playback no longer
    /// pauses at step ends; the run goes on as it is.
    End,
}

/// The lesson's position in the playback host: whether it is on and at
/// which step, what that step hides, and where playback pauses for it.
///
/// A scenario opens with its lesson off, so loading a preset shows the whole
/// diagram and plays freely; the lesson starts with Next (or `Goto`), which
/// starts the run over at step 1.
#[derive(Default)]
pub struct LessonState {
    /// The current step while the lesson is on.
    step: Option<usize>,
    count: usize,
    hidden: Rc<BTreeSet<ComponentId>>,
    /// Playback pauses when the run reaches this time (the current step's
    /// `run_until_ms`), once; `None` when there is nothing to pause for.
    stop_at: Option<SimTime>,
}

impl LessonState {
    /// The scenario's lesson, not started.
    pub fn new(scenario: &Scenario) -> Self {
        let mut state = LessonState::default();
        state.end(scenario);
        state
    }

    /// The current step (0-based) while the lesson is on.
    pub fn current_step(&self) -> Option<usize> {
        self.step
    }


    /// Leaves the lesson (or notes that a new one has not started).
    pub fn end(&mut self, scenario: &Scenario) {
        self.step = None;
        self.count = scenario.lesson.len();
        self.stop_at = None;
        self.hidden = Rc::default();
        announce(LessonPosition { step: None, count: self.count });
    }

    /// Marks the lesson as back at its first step while the run is rebuilt
    /// from the start (so the new run starts step 1), without telling
    /// anyone: `enter` follows once the run has reached the target step.
    pub fn rewind(&mut self) {
        self.step = Some(0);
    }

    /// The components the current step does not show on the canvas.
    pub fn hidden(&self) -> Rc<BTreeSet<ComponentId>> {
        self.hidden.clone()
    }

    /// Makes step `index` current, with the run at `now`: what it shows, and
    /// a pause at its end time if that is still ahead. Tells the watchers.
    pub fn enter(&mut self, scenario: &Scenario, index: usize, now: SimTime) {
        let Some(last) = scenario.lesson.len().checked_sub(1) else {
            return self.end(scenario);
        };
        let index = index.min(last);
        let step = &scenario.lesson[index];
        self.step = Some(index);
        self.count = scenario.lesson.len();
        self.stop_at = step.run_until_ms.map(SimTime::from_ms).filter(|&end| end > now);
        self.hidden = Rc::new(hidden_by(scenario, step));
        announce(LessonPosition { step: Some(index), count: self.count });
    }

    /// While the lesson is on, back to its first step, as the run goes back
    /// to time 0 (a reset, or an edit that discarded the run).
    pub fn restart(&mut self, scenario: &Scenario) {
        if self.step.is_some() {
            self.enter(scenario, 0, SimTime::ZERO);
        }
    }

    /// Call when the document changed: another lesson (another preset, say)
    /// is not started; a change to the components keeps the step but
    /// recomputes what it hides.
    pub fn scenario_changed(&mut self, old: &Scenario, new: &Scenario) {
        if old.lesson != new.lesson {
            self.end(new);
        } else if let Some(step) = self.step.and_then(|index| current(new, index)) {
            self.hidden = Rc::new(hidden_by(new, step));
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
fn hidden_by(scenario: &Scenario, step: &LessonStep) -> BTreeSet<ComponentId> {
    scenario.components.iter().filter(|c| !step.shows(&c.id)).map(|c| c.id.clone()).collect()
}

// ----- the bar --------------------------------------------------------------------

#[derive(Properties, PartialEq)]
pub struct LessonBarProps {
    pub scenario: Rc<Scenario>,
    /// The current step (0-based) while the lesson is on.
    pub step: Option<usize>,
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

/// What the key listener needs to know about the bar, which changes with
/// its props while the listener stays.
#[derive(Clone, Copy, Default)]
struct KeyState {
    has_lesson: bool,
    started: bool,
    selecting: bool,
}

impl KeyState {
    fn of(props: &LessonBarProps) -> Self {
        KeyState {
            has_lesson: !props.scenario.lesson.is_empty(),
            started: props.step.is_some(),
            selecting: props.selecting,
        }
    }
}

/// The bar; it renders nothing for a scenario without a lesson.
pub struct LessonBar {
    _keys: EventListener,
    key_state: Rc<Cell<KeyState>>,
    /// The language captions are shown in: the app's (see `crate::i18n`).
    lang: Lang,
    _lang_handle: Option<ContextHandle<Lang>>,
}

impl Component for LessonBar {
    type Message = BarMsg;
    type Properties = LessonBarProps;

    fn create(ctx: &Context<Self>) -> Self {
        let key_state = Rc::new(Cell::new(KeyState::of(ctx.props())));
        let (lang, lang_handle) = i18n::subscribe(ctx.link(), BarMsg::Lang);
        LessonBar {
            _keys: listen_for_keys(ctx.link().clone(), key_state.clone()),
            key_state,
            lang,
            _lang_handle: lang_handle,
        }
    }

    fn changed(&mut self, ctx: &Context<Self>, _old: &Self::Properties) -> bool {
        self.key_state.set(KeyState::of(ctx.props()));
        true
    }

    fn update(&mut self, ctx: &Context<Self>, msg: BarMsg) -> bool {
        match msg {
            BarMsg::Key(msg) => {
                ctx.props().on_lesson.emit(msg);
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
        if lesson.is_empty() {
            return html! {};
        }
        let count = lesson.len();
        let lang = self.lang;
        let code = lang.code();
        let on_next = props.on_lesson.reform(|_: MouseEvent| LessonMsg::Next);
        let Some((here, step)) = props.step.and_then(|here| Some((here, lesson.get(here)?))) else {
            // Not started: the whole diagram shows and plays freely; the bar
            // offers the lesson with its first caption as a preview.
            return html! {
                <section class="lesson-bar lesson-off" data-testid="lesson" data-active="false" aria-label={lang.t(Text::LessonLabel)}>
                    <span class="lesson-step" data-testid="lesson-step" data-value="0" data-count={count.to_string()}
                          title={lang.format(Text::LessonGuidedTitle, &[("count", &count)])}>
                        { lang.format(Text::LessonOffSteps, &[("count", &count)]) }
                    </span>
                    <p class="lesson-caption" data-testid="lesson-caption" lang={code}>
                        { lesson[0].caption.text(code).to_string() }
                    </p>
                    <button type="button" class="lesson-start" data-testid="lesson-start"
                            title={lang.t(Text::LessonStartTitle)}
                            onclick={on_next}>{ lang.t(Text::LessonStart) }</button>
                </section>
            };
        };
        let number = here + 1;
        let on_previous = props.on_lesson.reform(|_: MouseEvent| LessonMsg::Previous);
        let on_replay = props.on_lesson.reform(move |_: MouseEvent| LessonMsg::Goto(here));
        let on_end = props.on_lesson.reform(|_: MouseEvent| LessonMsg::End);
        let check = step.check.as_ref().map(|check| {
            let state = props.check.unwrap_or(CheckState::Pending);
            let (mark, meaning) = match state {
                CheckState::Pending => ("…", Text::LessonCheckPending),
                CheckState::Passed => ("✓", Text::LessonCheckPassed),
                CheckState::Failed => ("✗", Text::LessonCheckFailed),
            };
            let words = check_words(check, &props.scenario, lang);
            let title = lang.format(Text::LessonCheckTitle, &[("check", &words), ("meaning", &lang.t(meaning))]);
            html! {
                <span class={classes!("lesson-check", state.as_str())} data-testid="lesson-check"
                      data-state={state.as_str()} title={title}>
                    <span class="lesson-check-mark" aria-hidden="true">{ mark }</span>
                    { words }
                </span>
            }
        });
        html! {
            <section class="lesson-bar" data-testid="lesson" data-active="true" aria-label={lang.t(Text::LessonLabel)}>
                <button type="button" class="lesson-nav" data-testid="lesson-prev" disabled={here == 0}
                        title={lang.t(Text::LessonPreviousTitle)}
                        aria-label={lang.t(Text::LessonPrevious)} onclick={on_previous}>{ "‹" }</button>
                <button type="button" class="lesson-step" data-testid="lesson-step" data-value={number.to_string()}
                        data-count={count.to_string()} aria-label={lang.format(Text::LessonStepLabel, &[("number", &number), ("count", &count)])}
                        title={lang.format(Text::LessonStepTitle, &[("number", &number), ("count", &count)])}
                        onclick={on_replay}>
                    { format!("{number} / {count}") }
                </button>
                <p class="lesson-caption" data-testid="lesson-caption" aria-live="polite" lang={code}>
                    { step.caption.text(code).to_string() }
                </p>
                { for check }
                <button type="button" class="lesson-nav" data-testid="lesson-next" disabled={number == count}
                        title={lang.t(Text::LessonNextTitle)}
                        aria-label={lang.t(Text::LessonNext)} onclick={on_next}>{ "›" }</button>
                <button type="button" class="lesson-end" data-testid="lesson-end"
                        title={lang.t(Text::LessonEndTitle)}
                        aria-label={lang.t(Text::LessonEnd)} onclick={on_end}>{ "×" }</button>
            </section>
        }
    }
}

/// ← → Page Up and Page Down anywhere on the page, as slide clickers send
/// them, while the scenario has a lesson; except in text fields, lists and
/// sliders (their own keys), with a modifier (Alt+← is the browser's Back),
/// ← → while a component is selected (they move it), and going back before
/// the lesson has started.
fn listen_for_keys(link: html::Scope<LessonBar>, state: Rc<Cell<KeyState>>) -> EventListener {
    let options = EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(&gloo_utils::document(), "keydown", options, move |event| {
        let Some(event) = event.dyn_ref::<KeyboardEvent>() else { return };
        let state = state.get();
        if !state.has_lesson
            || event.ctrl_key()
            || event.meta_key()
            || event.alt_key()
            || event.shift_key()
            || keys_belong_to_target(event)
        {
            return;
        }
        let msg = match event.key().as_str() {
            "PageDown" => LessonMsg::Next,
            "PageUp" if state.started => LessonMsg::Previous,
            "ArrowRight" if !state.selecting => LessonMsg::Next,
            "ArrowLeft" if !state.selecting && state.started => LessonMsg::Previous,
            _ => return,
        };
        event.prevent_default();
        link.send_message(BarMsg::Key(msg));
    })
}

/// A step's check in the interface's language, naming the component as the
/// canvas does: "lost at Shipping ≥ 15", "Shipping: 유실 ≥ 15".
fn check_words(check: &Check, scenario: &Scenario, lang: Lang) -> String {
    use fanout_engine::scenario::lesson::Metric as M;
    let metric = match check.metric {
        M::Published => Text::CheckPublished,
        M::Delivered => Text::CheckDelivered,
        M::Lost => Text::CheckLost,
        M::Duplicates => Text::CheckDuplicates,
        M::DeadLettered => Text::CheckDeadLettered,
        M::InQueue => Text::CheckInQueue,
        M::InFlight => Text::CheckInFlight,
        M::Expired => Text::CheckExpired,
        M::Throttled => Text::CheckThrottled,
        M::OutOfOrder => Text::CheckOutOfOrder,
        M::Deduplicated => Text::CheckDeduplicated,
        M::Filtered => Text::CheckFiltered,
        M::PodsPending => Text::CheckPodsPending,
        M::PodsRunning => Text::CheckPodsRunning,
        M::PodsReady => Text::CheckPodsReady,
        M::NodesReady => Text::CheckNodesReady,
        M::NodesNotReady => Text::CheckNodesNotReady,
        M::EtcdMembersUp => Text::CheckEtcdMembersUp,
        M::ApiAvailable => Text::CheckApiAvailable,
        M::RequestsOk => Text::CheckRequestsOk,
        M::RequestsFailed => Text::CheckRequestsFailed,
    };
    let (metric, op, value) = (lang.t(metric), check.op.symbol(), check.value);
    match &check.of {
        Some(id) => {
            let of = scenario.component(id).map_or_else(|| id.to_string(), |c| c.name.clone());
            lang.format(Text::CheckOf, &[("metric", &metric), ("of", &of), ("op", &op), ("value", &value)])
        }
        None => lang.format(Text::CheckAll, &[("metric", &metric), ("op", &op), ("value", &value)]),
    }
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

    #[test]
    fn a_check_reads_with_the_component_name_in_either_language() {
        let scenario = preset("direct-coupling");
        let check = scenario.lesson[2].check.as_ref().expect("step 3 checks lost orders");
        assert_eq!(check_words(check, &scenario, Lang::En), "lost at Shipping ≥ 15");
        assert_eq!(check_words(check, &scenario, Lang::Ko), "Shipping: 유실 ≥ 15");
    }

    fn preset(stem: &str) -> Scenario {
        let json = crate::presets::PRESETS.iter().find(|(s, _)| *s == stem).expect("preset").1;
        Scenario::from_json(json).expect("valid preset")
    }

    #[test]
    fn a_lesson_starts_off_with_everything_shown_and_nothing_paused() {
        let scenario = preset("direct-coupling");
        let mut state = LessonState::new(&scenario);
        assert_eq!(state.current_step(), None);
        assert!(state.hidden().is_empty());
        assert!(!state.wants_to_play());
        assert_eq!(state.room(SimTime::from_ms(4_000)), None);
        assert_eq!(position(), Some(LessonPosition { step: None, count: 4 }));
        state.restart(&scenario);
        assert_eq!(state.current_step(), None, "a reset does not start the lesson");
    }

    #[test]
    fn a_step_hides_what_it_does_not_show_and_pauses_once_at_its_end() {
        let scenario = preset("direct-coupling");
        let mut state = LessonState::new(&scenario);
        state.enter(&scenario, 0, SimTime::ZERO);
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
        state.restart(&scenario);
        assert_eq!(state.current_step(), Some(0), "a reset during the lesson goes back to step 1");
        state.end(&scenario);
        assert!(state.hidden().is_empty() && !state.wants_to_play() && state.current_step().is_none());
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
        assert_eq!(position(), Some(LessonPosition { step: Some(2), count: 5 }));
        drop(handle);
        state.end(&scenario);
        assert_eq!(
            *heard.borrow(),
            vec![LessonPosition { step: None, count: 5 }, LessonPosition { step: Some(2), count: 5 }],
            "only changes are told, and nothing after the handle is dropped"
        );
    }

    #[test]
    fn another_lesson_is_not_started_and_a_move_keeps_the_step() {
        let old = preset("direct-coupling");
        let mut state = LessonState::new(&old);
        state.enter(&old, 2, SimTime::ZERO);
        let mut moved = old.clone();
        moved.components[0].x += 10.0;
        state.scenario_changed(&old, &moved);
        assert_eq!(state.current_step(), Some(2));
        let other = preset("sns-fanout");
        state.scenario_changed(&moved, &other);
        assert_eq!(state.current_step(), None);
    }
}
