//! Fanout's engine: a deterministic discrete-event simulation of message
//! delivery (publishers, SNS-like topics, SQS-like queues, consumers), the
//! scenario document it runs, and the share-link codec.
//!
//! Nothing here depends on a web crate: the browser app and the CLI drive the
//! same code, so the same scenario and seed give the same trace everywhere.

pub mod broker;
pub mod cluster;
pub mod report;
pub mod scenario;
pub mod sim;

pub use broker::{Command, Simulation};
pub use scenario::{ComponentId, Scenario};
pub use sim::{SimTime, MICROS_PER_MS, MICROS_PER_S};
