//! The playback host's side of a lesson (see `crate::lesson`): doing what a
//! step asks of the run.
//!
//! - Going forward finishes the current step at once (runs to its end time
//!   if it is not there yet), then starts each step up to the target: its
//!   actions are applied to the running simulation, as the faults strip
//!   applies a fault (`Simulation::command`).
//! - Going back, restarting the current step, or going anywhere without a
//!   run rebuilds the run from the start and replays every earlier step the
//!   same way. Determinism makes this exact: it lands where walking forward
//!   did (faults clicked by hand meanwhile are not replayed).
//! - A step with an end time then plays at the chosen speed and pauses there.
//! - A fresh run built while the lesson is on (after a reset, say) starts the
//!   first step (its actions happen at time 0).
//! - Starting the lesson starts the run over at step 1; leaving it keeps the
//!   run as it is.

use super::overlay::{self, WireKind};
use super::{Msg, Playback};
use crate::editor::geometry::WireCurve;
use crate::i18n::{self, Text};
use crate::lesson::{current, LessonMsg};
use fanout_engine::scenario::lesson::{evaluate, finish_step, start_step};
use fanout_engine::scenario::{CheckState, ComponentId, Scenario};
use fanout_engine::Simulation;
use std::collections::BTreeSet;
use yew::prelude::*;

impl Playback {
    pub(super) fn lesson_update(&mut self, ctx: &Context<Self>, msg: LessonMsg) -> bool {
        let scenario = ctx.props().scenario.clone();
        let here = self.lesson.current_step();
        let target = match (msg, here) {
            (LessonMsg::Next, None) => 0,
            (LessonMsg::Next, Some(here)) => here + 1,
            (LessonMsg::Previous, Some(here)) if here > 0 => here - 1,
            (LessonMsg::Previous, _) => return false,
            (LessonMsg::Goto(step), _) => step,
            (LessonMsg::End, None) => return false,
            (LessonMsg::End, Some(_)) => {
                self.lesson.end(&scenario);
                self.paths = shown_paths(&scenario, &self.lesson.hidden());
                self.draw_overlay();
                return true;
            }
        };
        if target >= scenario.lesson.len() {
            return false;
        }
        self.stop();
        self.note = None;
        let from = match here {
            Some(here) if target > here && self.sim.is_some() => here,
            // Back, the same step again, or the lesson starting: from the start.
            _ => {
                self.sim = None;
                self.lineage = None;
                self.lesson.rewind();
                0
            }
        };
        if !self.ensure_sim(ctx) {
            return true;
        }
        let sim = self.sim.as_mut().expect("ensure_sim built it");
        let mut refused = Vec::new();
        for i in from..target {
            finish_step(sim, &scenario.lesson[i]);
            refused.extend(start_step(sim, &scenario.lesson[i + 1]));
        }
        self.lesson.enter(&scenario, target, sim.now());
        if let Some(reason) = refused.first() {
            let lang = i18n::current(ctx.link());
            ctx.props().on_error.emit(lang.format(Text::LessonStepRefused, &[("n", &(target + 1)), ("reason", reason)]));
        }
        self.paths = shown_paths(&scenario, &self.lesson.hidden());
        if self.lesson.wants_to_play() {
            Component::update(self, ctx, Msg::Play);
        }
        self.refresh(ctx);
        true
    }

    /// A run was just built: the first step starts with it.
    pub(super) fn lesson_run_built(&mut self, ctx: &Context<Self>, sim: &mut Simulation) {
        let scenario = &ctx.props().scenario;
        if self.lesson.current_step() != Some(0) {
            return;
        }
        if let Some(step) = current(scenario, 0) {
            if let Some(reason) = start_step(sim, step).first() {
                let lang = i18n::current(ctx.link());
                ctx.props().on_error.emit(lang.format(Text::LessonStepRefused, &[("n", &1), ("reason", reason)]));
            }
        }
    }

    /// Where the current step's check stands in the run; pending before
    /// the run starts.
    pub(super) fn lesson_check(&self, scenario: &Scenario) -> Option<CheckState> {
        let step = current(scenario, self.lesson.current_step()?)?;
        step.check.as_ref()?;
        Some(self.sim.as_ref().and_then(|sim| evaluate(step, sim)).unwrap_or(CheckState::Pending))
    }
}

/// The overlay's wire paths, without the wires whose ends the lesson hides
/// (no dots flying over empty canvas).
pub(super) fn shown_paths(
    scenario: &Scenario,
    hidden: &BTreeSet<ComponentId>,
) -> Vec<Option<(WireCurve, WireKind)>> {
    let mut paths = overlay::wire_paths(scenario);
    if !hidden.is_empty() {
        for (path, wire) in paths.iter_mut().zip(&scenario.wires) {
            if hidden.contains(&wire.from) || hidden.contains(&wire.to) {
                *path = None;
            }
        }
    }
    paths
}
