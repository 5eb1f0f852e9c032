use super::format_sim_ms;
use super::words::{describe, LogLine};
use crate::i18n::{use_lang, Text};
use fanout_engine::broker::{TraceKind, TraceRecord};
use fanout_engine::cluster::ClusterTraceKind;
use fanout_engine::Simulation;
use std::rc::Rc;
use yew::prelude::*;

/// The newest `limit` noteworthy trace records, newest first, in words.
/// The steps every copy takes (sent, stored, received once, processed once,
/// deleted) are left out: a delivery line follows, and they would bury the
/// lines that tell the story. The message inspector shows them all.
/// The cluster's records (nodes, pods, the control plane) are merged in by time.
pub fn recent_lines(sim: &Simulation, limit: usize) -> Vec<LogLine> {
    let mut lines: Vec<LogLine> =
        sim.recent_trace().rev().filter(|r| noteworthy(r)).take(limit).map(|r| describe(r, sim)).collect();
    if sim.cluster().is_some() {
        lines.extend(sim.recent_cluster_trace().rev().take(limit).map(|r| LogLine {
            at_ms: r.at.as_ms(),
            order: 0,
            text: sim.describe_cluster(r),
            tone: cluster_tone(r.kind),
        }));
        // Stable: records at the same time keep their newest-first order.
        lines.sort_by(|a, b| b.at_ms.cmp(&a.at_ms));
        lines.truncate(limit);
    }
    lines
}

/// How alarming a cluster record is, as the log's CSS class.
fn cluster_tone(kind: ClusterTraceKind) -> &'static str {
    use ClusterTraceKind as K;
    match kind {
        K::NodeKilled | K::EtcdMemberKilled | K::ComponentKilled(_) | K::CrashLoopSet => "fault",
        K::NodeNotReady
        | K::PodUnschedulable
        | K::ContainerExited(_)
        | K::PodTerminating(_)
        | K::QuorumLost
        | K::LeaderLost(_)
        | K::CommandRefused => "bad",
        K::NodeRevived | K::NodeReady | K::PodReady | K::QuorumRestored | K::RolloutCompleted => "ok",
        _ => "",
    }
}

fn noteworthy(r: &TraceRecord) -> bool {
    match r.kind {
        TraceKind::Sent | TraceKind::ProcessingStarted | TraceKind::Enqueued | TraceKind::Deleted => false,
        // Only a second receive or processing (a duplicate) is news.
        TraceKind::Received => r.detail > 1,
        TraceKind::Processed => r.detail == 1,
        _ => true,
    }
}

#[derive(Properties, PartialEq)]
pub struct EventLogProps {
    pub lines: Rc<Vec<LogLine>>,
    /// Opens the message inspector on an order.
    pub on_inspect: Callback<u64>,
}

/// The last few things that happened, newest first. A line about an order
/// opens that order in the message inspector.
#[function_component(EventLog)]
pub fn event_log(props: &EventLogProps) -> Html {
    let lang = use_lang();
    html! {
        <section class="event-log" aria-label={lang.t(Text::EventLog)}>
            if props.lines.is_empty() {
                <p class="panel-empty">{ lang.t(Text::EventLogEmpty) }</p>
            } else {
                <ol data-testid="event-log">
                    { for props.lines.iter().map(|line| {
                        let order = line.order;
                        let on_inspect = props.on_inspect.clone();
                        html! {
                            <li class={classes!((!line.tone.is_empty()).then_some(line.tone), (order > 0).then_some("inspectable"))}
                                onclick={(order > 0).then(|| Callback::from(move |_: MouseEvent| on_inspect.emit(order)))}
                                title={(order > 0).then_some(lang.t(Text::ShowOrderStory))}>
                                <span class="event-time">{ format_sim_ms(line.at_ms) }</span>
                                { " · " }{ &line.text }
                            </li>
                        }
                    }) }
                </ol>
            }
        </section>
    }
}
