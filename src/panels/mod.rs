//! Panels beside and over the canvas: metrics, invariants, the event log,
//! the fault script and the message inspector. They show snapshots the
//! playback host takes a few times a second; they never touch the running
//! engine themselves (the fault script edits the document).

mod event_log;
mod fault_script;
mod invariants;
mod message_inspector;
mod metrics;
pub mod words;

pub use event_log::{recent_lines, EventLog};
pub use fault_script::{with_fault, FaultScript};
pub use message_inspector::{message_inspector, InspectorActions, Inspection, Lineage};
pub use metrics::{Metrics, MetricsPanel};
pub use words::LogLine;

/// Formats sim milliseconds as people read them: `12.345 s`.
pub fn format_sim_ms(ms: u64) -> String {
    format!("{}.{:03} s", ms / 1_000, ms % 1_000)
}
