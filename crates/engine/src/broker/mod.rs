//! The messaging engine: publishers, SNS-like standard topics, SQS-like
//! standard queues and consumers, wired as the scenario says.
//!
//! What it models:
//! - A publisher creates orders at a constant rate or as a Poisson process and
//!   sends one copy along each outgoing wire.
//! - A direct wire to a consumer is an HTTP-like call: if the consumer is down
//!   the order is lost; a consumer that crashes loses what it was working on.
//! - A topic pushes a copy to every subscription (its outgoing wires). Push to
//!   a consumer that is down is retried as SNS's default HTTP policy does
//!   (3 retries, 20 s apart), then dropped. Delivery to a queue always succeeds.
//! - A queue stores copies; consumers long-poll it. A received copy is
//!   invisible for the visibility timeout; if it is not deleted in time it is
//!   visible again and redelivered. Competing consumers each get different
//!   copies.
//! - A consumer has `instances × concurrency` workers. In delete-after-
//!   processing mode it processes, then calls delete; a crash before the
//!   delete reaches the queue means redelivery, and if processing had
//!   finished, a duplicate.
//!
//! What it leaves out (for now): FIFO queues and topics, retention, delay,
//! short polling, batches, dead-letter queues, filter policies, other ack
//! modes, network faults. See SEMANTICS.md for the full list to come.

mod engine;

pub use engine::{Activity, BuildError, Command, CommandError, LostReason, Simulation, TraceKind, TraceRecord, Transit};
