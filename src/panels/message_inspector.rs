//! The message inspector: one order's whole story (its lineage), or the
//! orders a queue, topic or consumer holds right now. Opened by clicking a
//! dot on the stage, a line of the event log, an invariant's link, or a
//! component's Messages button.

use super::format_sim_ms;
use super::words::{describe, name, LogLine};
use crate::i18n::{Lang, Text};
use fanout_engine::broker::TraceRecord;
use fanout_engine::scenario::{ComponentId, Scenario};
use fanout_engine::Simulation;
use yew::prelude::*;

/// How many of a component's orders the list shows.
const LIST_LIMIT: usize = 100;

/// What the inspector shows, as a snapshot the playback host refreshes.
#[derive(Clone, Debug, PartialEq)]
pub enum Inspection {
    /// Every recorded step of one order, oldest first.
    Order {
        order: u64,
        steps: Vec<LogLine>,
        /// Whether steps were skipped (the run went too fast to follow
        /// while playing; they are filled in on pause).
        gap: bool,
    },
    /// The orders a component holds now, oldest first.
    At { name: String, orders: Vec<u64> },
}

/// One order's trace records, kept up to date as the run goes on. The
/// engine's `lineage` replays the run from the start, which is too slow to
/// call a few times a second, so it is called once and then extended with
/// the order's new records from the trace ring.
#[derive(Clone, Debug, PartialEq)]
pub struct Lineage {
    pub order: u64,
    /// `trace_records_written` when the records were last brought up to date.
    seen: u64,
    records: Vec<TraceRecord>,
    /// Some records went by unseen (see `sync`).
    gap: bool,
}

impl Lineage {
    pub fn new(sim: &Simulation, order: u64) -> Lineage {
        Lineage { order, seen: sim.trace_records_written(), records: sim.lineage(order), gap: false }
    }

    /// Brings the records up to date with `sim`, which must be the run they
    /// came from. When more happened since the last call than the trace
    /// ring holds, only a replay can fill the gap; `replay` says whether
    /// that may be done now (not while playing, where it would cost every
    /// frame that falls behind).
    pub fn sync(&mut self, sim: &Simulation, replay: bool) {
        let written = sim.trace_records_written();
        let ring = sim.recent_trace();
        let new = (written - self.seen) as usize;
        if (new > ring.len() || self.gap) && replay {
            *self = Lineage::new(sim, self.order);
            return;
        }
        self.gap |= new > ring.len();
        let start = ring.len().saturating_sub(new);
        self.records.extend(ring.skip(start).filter(|r| r.order == self.order));
        self.seen = written;
    }
}

impl Inspection {
    /// One order's lineage, in words.
    pub fn order(sim: Option<&Simulation>, order: u64, lineage: Option<&Lineage>) -> Inspection {
        let (Some(sim), Some(lineage)) = (sim, lineage) else {
            return Inspection::Order { order, steps: Vec::new(), gap: false };
        };
        let steps = lineage.records.iter().map(|r| describe(r, sim)).collect();
        Inspection::Order { order, steps, gap: lineage.gap }
    }

    /// The orders a component holds now.
    pub fn at(sim: Option<&Simulation>, scenario: &Scenario, id: &ComponentId) -> Inspection {
        let orders = sim.map(|sim| sim.orders_at(id, LIST_LIMIT)).unwrap_or_default();
        Inspection::At { name: name(scenario, id), orders }
    }
}

/// What the inspector can ask of its host.
pub struct InspectorActions {
    pub on_inspect: Callback<u64>,
    /// Back to a component's list of messages, when the order came from one.
    pub on_back: Option<Callback<MouseEvent>>,
    pub on_close: Callback<MouseEvent>,
}

/// The inspector card, drawn over the stage.
pub fn message_inspector(inspection: &Inspection, actions: &InspectorActions, lang: Lang) -> Html {
    let (title, body) = match inspection {
        Inspection::Order { order, steps, gap } => {
            let body = html! {
                <>
                    if steps.is_empty() {
                        <p class="panel-empty">{ lang.t(Text::OrderNothingYet) }</p>
                    } else if *gap {
                        <p class="panel-empty">{ lang.t(Text::OrderStepsGap) }</p>
                    }
                    <ol class="lineage">
                        { for steps.iter().enumerate().map(|(i, step)| html! {
                            <li class={classes!((!step.tone.is_empty()).then_some(step.tone))}
                                data-testid={format!("lineage-step-{i}")}>
                                <span class="event-time">{ format_sim_ms(step.at_ms) }</span>
                                <span>{ &step.text }</span>
                            </li>
                        }) }
                    </ol>
                </>
            };
            (lang.format(Text::OrderTitle, &[("n", order)]), body)
        }
        Inspection::At { name, orders } => {
            let body = html! {
                if orders.is_empty() {
                    <p class="panel-empty">{ lang.t(Text::NoMessagesHere) }</p>
                } else {
                    <ul class="message-list">
                        { for orders.iter().map(|&order| {
                            let on_inspect = actions.on_inspect.clone();
                            html! {
                                <li><button type="button" class="link-button" data-testid={format!("message-order-{order}")}
                                    onclick={Callback::from(move |_: MouseEvent| on_inspect.emit(order))}>
                                    { lang.format(Text::OrderLink, &[("n", &order)]) }
                                </button></li>
                            }
                        }) }
                    </ul>
                }
            };
            (lang.format(Text::MessagesAt, &[("name", name)]), body)
        }
    };
    html! {
        <aside class="message-inspector" data-testid="message-inspector" aria-label={lang.t(Text::MessageInspector)}>
            <header>
                if let Some(on_back) = &actions.on_back {
                    <button type="button" class="link-button" data-testid="message-inspector-back"
                        title={lang.t(Text::BackToList)} onclick={on_back}>{ "←" }</button>
                }
                <h2>{ title }</h2>
                <button type="button" class="close-button" data-testid="message-inspector-close"
                    aria-label={lang.t(Text::Close)} title={lang.t(Text::Close)} onclick={&actions.on_close}>{ "×" }</button>
            </header>
            <div class="message-inspector-body">{ body }</div>
        </aside>
    }
}
