//! "Why here / why pending": for one pod, every node's verdict per
//! scheduler filter and its score, as kube-scheduler would judge it now
//! (`Cluster::why_placement`). Shown over the stage, beside the message
//! inspector, because it reads the running cluster.

use crate::i18n::{Lang, Text};
use fanout_engine::cluster::{Filter, PlacementExplanation, Unfit};
use yew::prelude::*;

/// A filter's verdict in a word or two; the full sentence is the tooltip.
fn verdict_word(unfit: &Unfit) -> Text {
    match unfit {
        Unfit::Unschedulable => Text::VerdictUnschedulable,
        Unfit::UntoleratedTaint { .. } => Text::VerdictTaint,
        Unfit::AffinityMismatch => Text::VerdictAffinity,
        Unfit::InsufficientCpu { .. } => Text::VerdictCpu,
        Unfit::InsufficientMemory { .. } => Text::VerdictMemory,
        Unfit::TooManyPods { .. } => Text::VerdictTooManyPods,
    }
}

/// Column headings, in the order kube-scheduler runs the filters.
fn heading(filter: Filter) -> Text {
    match filter {
        Filter::NodeUnschedulable => Text::FilterCordon,
        Filter::TaintToleration => Text::FilterTaints,
        Filter::NodeAffinity => Text::FilterAffinity,
        Filter::NodeResourcesFit => Text::FilterResources,
    }
}

pub fn placement_panel(why: &PlacementExplanation, on_close: Callback<MouseEvent>, lang: Lang) -> Html {
    let strategy = format!("{:?}", why.strategy);
    let summary = match (&why.bound_to, &why.pending) {
        (Some(node), _) => lang.format(Text::BoundTo, &[("node", node), ("strategy", &strategy)]),
        (None, Some(reason)) => lang.format(Text::PendingBecause, &[("reason", reason)]),
        (None, None) => lang.t(Text::PendingForScheduler).to_string(),
    };
    let rows = why.nodes.iter().map(|v| {
        let cells = Filter::ALL.iter().map(|&filter| match v.verdict(filter) {
            Ok(()) => html! { <td class="fit">{ lang.t(Text::VerdictFit) }</td> },
            Err(unfit) => html! { <td class="unfit" title={unfit.to_string()}>{ lang.t(verdict_word(unfit)) }</td> },
        });
        let score = v.score.map_or("—".to_string(), |s| s.to_string());
        html! {
            <tr data-testid={format!("why-{}", v.node)} data-fits={v.failures.is_empty().to_string()}
                class={classes!(v.current.then_some("current"), v.top_score.then_some("top"))}>
                <th scope="row">{ &v.node }{ if v.current { " ●" } else { "" } }</th>
                { for cells }
                <td class="score" title={lang.t(Text::ScoreTitle)}>{ score }</td>
            </tr>
        }
    });
    html! {
        <aside class="message-inspector placement" data-testid="placement" aria-label={lang.t(Text::PlacementPanel)}>
            <header>
                <h2>{ lang.format(if why.bound_to.is_some() { Text::WhyHere } else { Text::WhyPending }, &[("pod", &why.pod_name)]) }</h2>
                <button type="button" class="close-button" data-testid="placement-close"
                    aria-label={lang.t(Text::Close)} title={lang.t(Text::Close)} onclick={on_close}>{ "×" }</button>
            </header>
            <div class="message-inspector-body">
                <p class="placement-summary">{ summary }</p>
                <table class="placement-table">
                    <thead><tr>
                        <th>{ lang.t(Text::NodeColumn) }</th>
                        { for Filter::ALL.iter().map(|f| html! { <th title={f.as_str()}>{ lang.t(heading(*f)) }</th> }) }
                        <th title={strategy.clone()}>{ lang.t(Text::ScoreColumn) }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </aside>
    }
}
