//! "Why here / why pending": for one pod, every node's verdict per
//! scheduler filter and its score, as kube-scheduler would judge it now
//! (`Cluster::why_placement`). Shown over the stage, beside the message
//! inspector, because it reads the running cluster.

use fanout_engine::cluster::{Filter, PlacementExplanation, Unfit};
use yew::prelude::*;

/// A filter's verdict in a word or two; the full sentence is the tooltip.
fn verdict_word(unfit: &Unfit) -> &'static str {
    match unfit {
        Unfit::Unschedulable => "unschedulable",
        Unfit::UntoleratedTaint { .. } => "taint",
        Unfit::AffinityMismatch => "affinity",
        Unfit::InsufficientCpu { .. } => "insufficient cpu",
        Unfit::InsufficientMemory { .. } => "insufficient memory",
        Unfit::TooManyPods { .. } => "too many pods",
    }
}

/// Column headings, in the order kube-scheduler runs the filters.
fn heading(filter: Filter) -> &'static str {
    match filter {
        Filter::NodeUnschedulable => "cordon",
        Filter::TaintToleration => "taints",
        Filter::NodeAffinity => "affinity",
        Filter::NodeResourcesFit => "resources",
    }
}

pub fn placement_panel(why: &PlacementExplanation, on_close: Callback<MouseEvent>) -> Html {
    let summary = match (&why.bound_to, &why.pending) {
        (Some(node), _) => format!("Bound to {node}. Each node as the scheduler ({:?}) would judge it now, without this pod:", why.strategy),
        (None, Some(reason)) => format!("Pending: {reason}"),
        (None, None) => "Pending: waiting for the scheduler.".to_string(),
    };
    let rows = why.nodes.iter().map(|v| {
        let cells = Filter::ALL.iter().map(|&filter| match v.verdict(filter) {
            Ok(()) => html! { <td class="fit">{ "fit" }</td> },
            Err(unfit) => html! { <td class="unfit" title={unfit.to_string()}>{ verdict_word(unfit) }</td> },
        });
        let score = v.score.map_or("—".to_string(), |s| s.to_string());
        html! {
            <tr data-testid={format!("why-{}", v.node)} data-fits={v.failures.is_empty().to_string()}
                class={classes!(v.current.then_some("current"), v.top_score.then_some("top"))}>
                <th scope="row">{ &v.node }{ if v.current { " ●" } else { "" } }</th>
                { for cells }
                <td class="score" title="0–100; the highest wins, ties by the seeded RNG">{ score }</td>
            </tr>
        }
    });
    html! {
        <aside class="message-inspector placement" data-testid="placement" aria-label="Why here / why pending">
            <header>
                <h2>{ format!("Why {} · {}", if why.bound_to.is_some() { "here" } else { "pending" }, why.pod_name) }</h2>
                <button type="button" class="close-button" data-testid="placement-close"
                    aria-label="Close" title="Close" onclick={on_close}>{ "×" }</button>
            </header>
            <div class="message-inspector-body">
                <p class="placement-summary">{ summary }</p>
                <table class="placement-table">
                    <thead><tr>
                        <th>{ "node" }</th>
                        { for Filter::ALL.iter().map(|f| html! { <th title={f.as_str()}>{ heading(*f) }</th> }) }
                        <th title={format!("{:?}", why.strategy)}>{ "score" }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </aside>
    }
}
