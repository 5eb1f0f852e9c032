use super::invariants::InvariantsView;
use crate::i18n::{use_lang, Lang, Text};
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
    pub invariants: InvariantsView,
    /// The trace hash in hex, as the CLI prints it.
    pub trace_hash: String,
}

impl Metrics {
    /// What the panel shows before anything has run: zeros everywhere.
    pub fn zero(scenario: &Scenario) -> Metrics {
        Metrics {
            totals: Counters::default(),
            components: rows(scenario, |_| Counters::default()),
            invariants: InvariantsView::default(),
            trace_hash: format!("{:016x}", TraceHasher::default().finish()),
        }
    }

    /// The numbers of a running simulation; names come from the scenario, so
    /// a rename shows at once without restarting the run.
    pub fn from_sim(sim: &Simulation, scenario: &Scenario) -> Metrics {
        // One report is one pass over the live messages, however many queues.
        let report = sim.report();
        Metrics {
            components: rows(scenario, |id| {
                report.components.iter().find(|r| &r.id == id).map(|r| r.counters.clone()).unwrap_or_default()
            }),
            totals: report.totals,
            invariants: InvariantsView::from_sim(sim),
            trace_hash: report.trace_hash,
        }
    }

    /// Whether a column has a number other than zero anywhere.
    fn column_moved(&self, metric: &str) -> bool {
        value_of(&self.totals, metric) != 0 || self.components.iter().any(|c| value_of(&c.counters, metric) != 0)
    }
}

/// One row per component of the scenario, with the counters `counters_of` gives.
fn rows(scenario: &Scenario, counters_of: impl Fn(&ComponentId) -> Counters) -> Vec<ComponentMetrics> {
    scenario
        .components
        .iter()
        .map(|c| ComponentMetrics { id: c.id.clone(), name: c.name.clone(), kind: c.kind(), counters: counters_of(&c.id) })
        .collect()
}

/// The columns of both the scenario-wide tiles and the per-component table:
/// (metric name used in `data-testid`, heading, tooltip, always shown).
/// Columns not always shown appear once a number in them is not zero, so a
/// lesson about lost orders is not buried under FIFO and DLQ counters.
const COLUMNS: [(&str, Text, Text, bool); 15] = [
    ("published", Text::MetricPublished, Text::TipPublished, true),
    ("delivered", Text::MetricDelivered, Text::TipDelivered, true),
    ("in_queue", Text::MetricInQueue, Text::TipInQueue, true),
    ("in_flight", Text::MetricInFlight, Text::TipInFlight, true),
    ("lost", Text::MetricLost, Text::TipLost, true),
    ("duplicates", Text::MetricDuplicates, Text::TipDuplicates, true),
    ("out_of_order", Text::MetricOutOfOrder, Text::TipOutOfOrder, false),
    ("expired", Text::MetricExpired, Text::TipExpired, false),
    ("dead_lettered", Text::MetricDeadLettered, Text::TipDeadLettered, false),
    ("filtered", Text::MetricFiltered, Text::TipFiltered, false),
    ("deduplicated", Text::MetricDeduplicated, Text::TipDeduplicated, false),
    ("throttled", Text::MetricThrottled, Text::TipThrottled, false),
    ("oldest_message_age_ms", Text::MetricOldestAge, Text::TipOldestAge, true),
    ("latency_p50_ms", Text::MetricLatencyP50, Text::TipLatencyP50, false),
    ("latency_p99_ms", Text::MetricLatencyP99, Text::TipLatencyP99, false),
];

fn value_of(c: &Counters, metric: &str) -> u64 {
    match metric {
        "published" => c.published,
        "delivered" => c.delivered,
        "in_queue" => c.in_queue,
        "in_flight" => c.in_flight,
        "lost" => c.lost,
        "duplicates" => c.duplicates,
        "oldest_message_age_ms" => c.oldest_message_age_ms,
        "expired" => c.expired,
        "dead_lettered" => c.dead_lettered,
        "throttled" => c.throttled,
        "out_of_order" => c.out_of_order,
        "filtered" => c.filtered,
        "deduplicated" => c.deduplicated,
        "latency_p50_ms" => c.latency_p50_ms,
        "latency_p99_ms" => c.latency_p99_ms,
        _ => 0,
    }
}

/// How a number reads in a cell: times in seconds or ms, counts as they are.
fn display_value(metric: &str, value: u64) -> String {
    if !metric.ends_with("_ms") {
        value.to_string()
    } else if value < 1_000 && metric != "oldest_message_age_ms" {
        format!("{value} ms")
    } else {
        format!("{:.1} s", value as f64 / 1_000.0)
    }
}

/// Whether a counter can ever move for a component of this kind (a
/// publisher never holds a queue, a queue never publishes). Cells that
/// cannot show a dash instead of a misleading zero.
fn applies(kind: ComponentKind, metric: &str) -> bool {
    match kind {
        ComponentKind::Publisher => matches!(metric, "published" | "lost"),
        ComponentKind::Topic => {
            matches!(metric, "in_flight" | "lost" | "dead_lettered" | "filtered" | "deduplicated" | "throttled")
        }
        ComponentKind::Queue => !matches!(metric, "published" | "lost" | "duplicates" | "filtered" | "latency_p50_ms" | "latency_p99_ms"),
        ComponentKind::Consumer => {
            matches!(metric, "delivered" | "in_flight" | "lost" | "duplicates" | "out_of_order" | "latency_p50_ms" | "latency_p99_ms")
        }
        // Calls to a service are delivered (to whatever runs on the pod) or
        // fail with no Ready endpoint.
        ComponentKind::Service => matches!(metric, "delivered" | "lost"),
        ComponentKind::Node | ComponentKind::Deployment | ComponentKind::Ingress | ComponentKind::ControlPlane => false,
    }
}

/// Counters that are bad news when they are not zero.
fn alarming(metric: &str) -> bool {
    matches!(metric, "lost" | "expired" | "dead_lettered")
}

fn cell_class(metric: &str, value: u64) -> Classes {
    classes!("metric", (alarming(metric) && value > 0).then_some("metric-bad"))
}

#[derive(Properties, PartialEq)]
pub struct MetricsPanelProps {
    pub metrics: Rc<Metrics>,
    /// Opens the message inspector on an order (the invariants' links).
    pub on_inspect: Callback<u64>,
}

/// The live numbers: the invariant checks, scenario-wide tiles, one row per
/// component, and what the model covers.
#[function_component(MetricsPanel)]
pub fn metrics_panel(props: &MetricsPanelProps) -> Html {
    let lang = use_lang();
    let m = &props.metrics;
    // Columns hidden while zero everywhere keep their cells (hidden), so
    // every number is always readable from its data-value.
    let shown: Vec<bool> = COLUMNS.iter().map(|(metric, _, _, always)| *always || m.column_moved(metric)).collect();
    let tiles = COLUMNS.iter().zip(&shown).map(|((metric, heading, tip, _), shown)| {
        let value = value_of(&m.totals, metric);
        html! {
            <div class={classes!("metric-tile", (alarming(metric) && value > 0).then_some("metric-bad"))}
                title={lang.t(*tip)} hidden={!shown}>
                <span class="metric-label">{ lang.t(*heading) }</span>
                <span class="metric-value" data-testid={format!("metric-{metric}")} data-value={value.to_string()}>
                    { display_value(metric, value) }
                </span>
            </div>
        }
    });
    let rows = m.components.iter().map(|c| {
        let cells = COLUMNS.iter().zip(&shown).map(|((metric, _, _, _), shown)| {
            let value = value_of(&c.counters, metric);
            let text = if value == 0 && !applies(c.kind, metric) { "–".to_string() } else { display_value(metric, value) };
            html! {
                <td class={cell_class(metric, value)} hidden={!shown}
                    data-testid={format!("metric-{metric}-{}", c.id)}
                    data-value={value.to_string()}>
                    { text }
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
        <section class="metrics-panel" aria-label={lang.t(Text::MetricsPanel)}>
            { super::invariants::invariants_panel(&m.invariants, &props.on_inspect, lang) }
            <div class="metric-tiles">
                { for tiles }
            </div>
            if !m.components.is_empty() {
                <table class="metrics-table">
                    <thead>
                        <tr>
                            <th scope="col">{ lang.t(Text::ComponentColumn) }</th>
                            { for COLUMNS.iter().zip(&shown).map(|((_, heading, tip, _), shown)| html! {
                                <th scope="col" title={lang.t(*tip)} hidden={!shown}>{ lang.t(*heading) }</th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
            <p class="metric-hash" title={lang.t(Text::TraceHashTitle)}>
                { lang.t(Text::TraceHashLabel) }
                <code data-testid="metric-trace-hash" data-value={m.trace_hash.clone()}>{ &m.trace_hash }</code>
            </p>
            <ModelNotes {lang} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ModelNotesProps {
    lang: Lang,
}

/// What the engine models and what it simplifies, after the `//!` page of
/// `fanout_engine::broker`. A component of its own so its long text is only
/// laid out again when the language changes.
#[function_component(ModelNotes)]
fn model_notes(props: &ModelNotesProps) -> Html {
    let lang = props.lang;
    html! {
        <details class="model-notes">
            <summary>{ lang.t(Text::ModelNotesTitle) }</summary>
            <ul>
                <li>{ lang.t(Text::ModelPublishers) }</li>
                <li>{ lang.t(Text::ModelTopics) }</li>
                <li>{ lang.t(Text::ModelQueues) }</li>
                <li>{ lang.t(Text::ModelConsumers) }</li>
                <li>{ lang.t(Text::ModelFaults) }</li>
            </ul>
            <p>{ lang.t(Text::ModelSimplified) }</p>
        </details>
    }
}
