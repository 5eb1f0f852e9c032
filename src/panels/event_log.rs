use super::format_sim_ms;
use fanout_engine::broker::{TraceKind, TraceRecord};
use fanout_engine::scenario::Scenario;
use fanout_engine::Simulation;
use std::rc::Rc;
use yew::prelude::*;

/// One line of the event log, already in words.
#[derive(Clone, Debug, PartialEq)]
pub struct LogLine {
    pub at_ms: u64,
    pub text: String,
    /// A CSS class saying how alarming the line is: `bad`, `fault` or `ok`.
    pub tone: &'static str,
}

impl LogLine {
    /// The newest `limit` noteworthy trace records, newest first. Sends,
    /// processing starts and first-time processing are left out: they happen
    /// for every copy (a delivery or delete line follows) and would bury the
    /// lines that tell the story.
    pub fn recent(sim: &Simulation, scenario: &Scenario, limit: usize) -> Vec<LogLine> {
        let noteworthy: Vec<&TraceRecord> = sim.recent_trace().filter(|r| noteworthy(r)).collect();
        noteworthy.iter().rev().take(limit).map(|r| describe(r, sim, scenario)).collect()
    }
}

fn noteworthy(r: &TraceRecord) -> bool {
    match r.kind {
        TraceKind::Sent | TraceKind::ProcessingStarted => false,
        TraceKind::Processed => r.detail > 1,
        _ => true,
    }
}

/// The name people gave the component a record concerns, or its id.
fn name_of(index: u32, sim: &Simulation, scenario: &Scenario) -> String {
    match sim.component_id(index) {
        Some(id) => scenario.component(id).map(|c| c.name.clone()).unwrap_or_else(|| id.to_string()),
        None => "?".to_string(),
    }
}

fn describe(r: &TraceRecord, sim: &Simulation, scenario: &Scenario) -> LogLine {
    let at = name_of(r.component, sim, scenario);
    let order = r.order;
    let (text, tone) = match r.kind {
        TraceKind::Published => (format!("order {order} published by {at}"), ""),
        TraceKind::Sent => (format!("order {order} sent by {at}"), ""),
        TraceKind::FannedOut => (format!("{at} fanned order {order} out to every subscription"), ""),
        TraceKind::Enqueued => (format!("order {order} stored in {at}"), ""),
        TraceKind::Received if r.detail > 1 => {
            (format!("{at} received order {order} again (receive #{})", r.detail), "fault")
        }
        TraceKind::Received => (format!("{at} received order {order}"), ""),
        TraceKind::ProcessingStarted => (format!("{at} started on order {order}"), ""),
        TraceKind::Processed if r.detail > 1 => {
            (format!("{at} processed order {order} again: a duplicate (#{})", r.detail), "fault")
        }
        TraceKind::Processed => (format!("{at} processed order {order}"), ""),
        TraceKind::Deleted => (format!("order {order} done and deleted from {at}"), "ok"),
        TraceKind::Delivered => (format!("order {order} delivered to {at}"), "ok"),
        TraceKind::VisibilityExpired => (
            format!("order {order} visible again in {at}: it was not deleted within the visibility timeout"),
            "fault",
        ),
        TraceKind::DeleteLost => (
            format!("{at} went down before deleting order {order}: it comes back after the visibility timeout"),
            "fault",
        ),
        TraceKind::DeleteStale => {
            (format!("{at}'s delete of order {order} came too late: it was received again since"), "fault")
        }
        TraceKind::RetryScheduled => {
            (format!("{at} will retry pushing order {order} (attempt {})", r.detail), "fault")
        }
        TraceKind::Lost(reason) => (format!("order {order} lost at {at}: {}", reason.explain()), "bad"),
        TraceKind::Killed => (format!("{at} killed"), "bad"),
        TraceKind::Revived => (format!("{at} revived"), "ok"),
    };
    LogLine { at_ms: r.at.as_ms(), text, tone }
}

#[derive(Properties, PartialEq)]
pub struct EventLogProps {
    pub lines: Rc<Vec<LogLine>>,
}

/// The last few things that happened, newest first.
#[function_component(EventLog)]
pub fn event_log(props: &EventLogProps) -> Html {
    html! {
        <section class="event-log" aria-label="Event log">
            <h2>{ "Event log" }</h2>
            if props.lines.is_empty() {
                <p class="event-log-empty">{ "Nothing has happened yet. Press play or step." }</p>
            } else {
                <ol data-testid="event-log">
                    { for props.lines.iter().map(|line| html! {
                        <li class={classes!((!line.tone.is_empty()).then_some(line.tone))}>
                            <span class="event-time">{ format_sim_ms(line.at_ms) }</span>
                            { " · " }{ &line.text }
                        </li>
                    }) }
                </ol>
            }
        </section>
    }
}
