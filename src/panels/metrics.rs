use fanout_engine::report::Counters;
use fanout_engine::scenario::{ComponentId, ComponentKind, Scenario};
use fanout_engine::sim::TraceHasher;
use fanout_engine::Simulation;
use std::rc::Rc;
use yew::prelude::*;

/// One component's row in the metrics table.
#[derive(Clone, Debug, PartialEq)]
pub struct ComponentMetrics {
    pub id: ComponentId,
    pub name: String,
    pub kind: ComponentKind,
    pub counters: Counters,
}

/// A snapshot of every number the panel shows. Taken by the playback host a
/// few times a second; the panel re-renders only when a snapshot differs.
#[derive(Clone, Debug, PartialEq)]
pub struct Metrics {
    pub totals: Counters,
    pub components: Vec<ComponentMetrics>,
    pub conservation_holds: bool,
    /// The trace hash in hex, as the CLI prints it.
    pub trace_hash: String,
}

impl Metrics {
    /// What the panel shows before anything has run: zeros everywhere.
    pub fn zero(scenario: &Scenario) -> Metrics {
        Metrics {
            totals: Counters::default(),
            components: scenario
                .components
                .iter()
                .map(|c| ComponentMetrics {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    kind: c.kind(),
                    counters: Counters::default(),
                })
                .collect(),
            conservation_holds: true,
            trace_hash: format!("{:016x}", TraceHasher::default().finish()),
        }
    }

    /// The numbers of a running simulation; names come from the scenario, so
    /// a rename shows at once without restarting the run.
    pub fn from_sim(sim: &Simulation, scenario: &Scenario) -> Metrics {
        // One report is one pass over the live messages, however many queues.
        let report = sim.report();
        Metrics {
            totals: report.totals,
            components: scenario
                .components
                .iter()
                .map(|c| ComponentMetrics {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    kind: c.kind(),
                    counters: report
                        .components
                        .iter()
                        .find(|r| r.id == c.id)
                        .map(|r| r.counters.clone())
                        .unwrap_or_default(),
                })
                .collect(),
            conservation_holds: report.conservation_holds,
            trace_hash: report.trace_hash,
        }
    }
}

/// The columns of both the scenario-wide row and the per-component table:
/// (metric name used in `data-testid`, column heading, tooltip).
const COLUMNS: [(&str, &str, &str); 7] = [
    ("published", "Published", "Orders a publisher created"),
    ("delivered", "Delivered", "Copies processed successfully (and deleted, when they came from a queue)"),
    ("in_queue", "In queue", "Copies stored in a queue, waiting to be received"),
    (
        "in_flight",
        "In flight",
        "Copies on a wire, being processed, waiting for a retry, or received from a queue and not yet deleted",
    ),
    ("lost", "Lost", "Copies that will never be delivered"),
    ("duplicates", "Duplicates", "Extra processings of a copy that had already been processed"),
    ("oldest_message_age_ms", "Oldest age", "Age of the oldest copy still waiting in a queue"),
];

fn value_of(counters: &Counters, metric: &str) -> u64 {
    match metric {
        "published" => counters.published,
        "delivered" => counters.delivered,
        "in_queue" => counters.in_queue,
        "in_flight" => counters.in_flight,
        "lost" => counters.lost,
        "duplicates" => counters.duplicates,
        "oldest_message_age_ms" => counters.oldest_message_age_ms,
        _ => 0,
    }
}

/// How a number reads in a cell: ages in seconds, everything else as is.
fn display_value(metric: &str, value: u64) -> String {
    if metric == "oldest_message_age_ms" {
        format!("{:.1} s", value as f64 / 1_000.0)
    } else {
        value.to_string()
    }
}

/// Whether a counter can ever move for a component of this kind (a
/// publisher never holds a queue, a queue never publishes). Cells that
/// cannot show a dash instead of a misleading zero.
fn applies(kind: ComponentKind, metric: &str) -> bool {
    match kind {
        ComponentKind::Publisher => matches!(metric, "published" | "lost"),
        ComponentKind::Topic => matches!(metric, "in_flight" | "lost"),
        ComponentKind::Queue => {
            matches!(metric, "delivered" | "in_queue" | "in_flight" | "oldest_message_age_ms")
        }
        ComponentKind::Consumer => matches!(metric, "delivered" | "in_flight" | "lost" | "duplicates"),
    }
}

fn cell_class(metric: &str, value: u64) -> Classes {
    classes!("metric", (metric == "lost" && value > 0).then_some("metric-bad"))
}

#[derive(Properties, PartialEq)]
pub struct MetricsPanelProps {
    pub metrics: Rc<Metrics>,
}

/// The live numbers: scenario-wide tiles, the conservation check, one row per
/// component, and what the model covers.
#[function_component(MetricsPanel)]
pub fn metrics_panel(props: &MetricsPanelProps) -> Html {
    let m = &props.metrics;
    let tiles = COLUMNS.iter().map(|(metric, heading, tip)| {
        let value = value_of(&m.totals, metric);
        html! {
            <div class={classes!("metric-tile", (*metric == "lost" && value > 0).then_some("metric-bad"))} title={*tip}>
                <span class="metric-label">{ *heading }</span>
                <span class="metric-value" data-testid={format!("metric-{metric}")} data-value={value.to_string()}>
                    { display_value(metric, value) }
                </span>
            </div>
        }
    });
    let rows = m.components.iter().map(|c| {
        let cells = COLUMNS.iter().map(|(metric, _, _)| {
            let value = value_of(&c.counters, metric);
            let shown = if value == 0 && !applies(c.kind, metric) {
                "–".to_string()
            } else {
                display_value(metric, value)
            };
            html! {
                <td class={cell_class(metric, value)}
                    data-testid={format!("metric-{metric}-{}", c.id)}
                    data-value={value.to_string()}>
                    { shown }
                </td>
            }
        });
        html! {
            <tr key={c.id.as_str().to_string()}>
                <th scope="row" title={c.id.as_str().to_string()}>
                    <span class={classes!("kind-dot", format!("kind-{}", c.kind.as_str()))}></span>
                    { &c.name }
                </th>
                { for cells }
            </tr>
        }
    });
    html! {
        <section class="metrics-panel" aria-label="Metrics">
            <div class="metric-tiles">
                { for tiles }
            </div>
            <p class="metrics-footnote">
                <span class={classes!("conservation", (!m.conservation_holds).then_some("metric-bad"))}
                    data-testid="conservation" data-value={m.conservation_holds.to_string()}>
                    if m.conservation_holds {
                        { "Every copy accounted for ✓" }
                    } else {
                        { "Conservation broken: some copies are unaccounted for ✗" }
                    }
                </span>
                <span class="metric-hash" title="Hash of every trace record so far: the same scenario, seed and commands give the same hash">
                    { "trace " }
                    <code data-testid="metric-trace-hash" data-value={m.trace_hash.clone()}>{ &m.trace_hash }</code>
                </span>
            </p>
            if !m.components.is_empty() {
                <table class="metrics-table">
                    <thead>
                        <tr>
                            <th scope="col">{ "Component" }</th>
                            { for COLUMNS.iter().map(|(_, heading, tip)| html! { <th scope="col" title={*tip}>{ *heading }</th> }) }
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
            <ModelNotes />
        </section>
    }
}

/// What the engine models and what it simplifies, after the `//!` page of
/// `fanout_engine::broker`.
#[function_component(ModelNotes)]
fn model_notes() -> Html {
    html! {
        <details class="model-notes">
            <summary>{ "What we model" }</summary>
            <ul>
                <li>{ "A publisher creates orders at a constant rate or as a Poisson process and sends one copy along each outgoing wire." }</li>
                <li>{ "A direct wire to a consumer is an HTTP-like call: if the consumer is down the order is lost; a consumer that crashes loses what it was working on." }</li>
                <li>{ "A topic pushes a copy to every subscription. Pushes to a consumer that is down are retried as SNS's default HTTP policy does (3 retries, 20 s apart), then dropped. Delivery to a queue always succeeds." }</li>
                <li>{ "A queue stores copies; consumers long-poll it. A received copy is invisible for the visibility timeout; if it is not deleted in time it becomes visible again and is redelivered. Competing consumers each get different copies." }</li>
                <li>{ "A consumer has instances × concurrency workers. It processes, then deletes: a crash before the delete reaches the queue means redelivery, and if processing had finished, a duplicate." }</li>
            </ul>
            <p>{ "Left out for now: FIFO queues and topics, retention, delay, short polling, batches, dead-letter queues, filter policies, other acknowledgement modes and network faults." }</p>
        </details>
    }
}
