//! Panels beside the canvas: the metrics table and the event log. They only
//! show snapshots the playback host takes a few times a second; they never
//! touch the running engine themselves.

mod event_log;
mod metrics;

pub use event_log::{EventLog, LogLine};
pub use metrics::{Metrics, MetricsPanel};

/// Formats sim milliseconds as people read them: `12.345 s`.
pub fn format_sim_ms(ms: u64) -> String {
    format!("{}.{:03} s", ms / 1_000, ms % 1_000)
}
