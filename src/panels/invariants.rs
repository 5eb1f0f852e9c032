//! The invariant panel: the live checks a lesson is about, each green or
//! red with a count and a link to the first order that broke it.

use crate::i18n::{Lang, Text};
use fanout_engine::report::{InvariantCheck, Invariants};
use fanout_engine::Simulation;
use yew::prelude::*;

/// The engine's checks, each with its first offending order.
#[derive(Clone, Debug, PartialEq)]
pub struct InvariantsView(pub Invariants);

impl Default for InvariantsView {
    /// Before anything has run every check holds.
    fn default() -> Self {
        InvariantsView(Invariants { conservation_holds: true, ..Invariants::default() })
    }
}

impl InvariantsView {
    pub fn from_sim(sim: &Simulation) -> InvariantsView {
        InvariantsView(sim.invariants())
    }
}

/// One row: ✓ or ✗, what is checked, how often it failed, and a link to the
/// first offending order.
fn row(name: &'static str, label: Text, tip: Text, check: &InvariantCheck, on_inspect: &Callback<u64>, lang: Lang) -> Html {
    let ok = check.holds();
    let link = check.first_order.filter(|_| !ok).map(|order| {
        let on_inspect = on_inspect.clone();
        html! {
            <button type="button" class="link-button" data-testid={format!("invariant-{name}-first")}
                title={lang.t(Text::ShowOrderStory)} onclick={Callback::from(move |_: MouseEvent| on_inspect.emit(order))}>
                { lang.format(Text::OrderLink, &[("n", &order)]) }
            </button>
        }
    });
    html! {
        <li class={if ok { "invariant ok" } else { "invariant failed" }} title={lang.t(tip)}
            data-testid={format!("invariant-{name}")} data-value={check.count.to_string()}
            data-state={if ok { "ok" } else { "failed" }}>
            <span class="invariant-mark" aria-hidden="true">{ if ok { "✓" } else { "✗" } }</span>
            <span class="invariant-label">{ lang.t(label) }</span>
            <span class="invariant-count">{ check.count }</span>
            { for link }
        </li>
    }
}

/// The checks of a lesson, always visible above the numbers. A plain
/// function rather than a component: it re-renders with the metrics anyway.
pub fn invariants_panel(invariants: &InvariantsView, on_inspect: &Callback<u64>, lang: Lang) -> Html {
    let checks = &invariants.0;
    let holds = checks.conservation_holds;
    let conservation = InvariantCheck { count: u64::from(!holds), first_order: None };
    html! {
        <ul class="invariants" data-testid="invariants" aria-label={lang.t(Text::Invariants)}>
            { row("lost", Text::InvariantLost, Text::TipLost, &checks.lost, on_inspect, lang) }
            { row("processed_more_than_once", Text::InvariantTwice, Text::InvariantTwiceTip,
                  &checks.processed_more_than_once, on_inspect, lang) }
            { row("fifo_order_violated", Text::InvariantFifo, Text::InvariantFifoTip, &checks.fifo_order_violated, on_inspect, lang) }
            <li data-testid="conservation" data-value={holds.to_string()} hidden=true></li>
            { row("conservation", Text::InvariantConservation, Text::InvariantConservationTip, &conservation, on_inspect, lang) }
        </ul>
    }
}
