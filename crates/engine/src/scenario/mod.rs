//! The scenario document: everything a share link needs to rebuild a canvas
//! and replay it — components with their positions and settings, wires, the
//! seed, and a title and description for presets.
//!
//! What it leaves out on purpose: selection, viewport, undo history and the
//! running simulation. Those are transient editor or playback state.
//!
//! Defaults follow `SEMANTICS.md` (for example a queue's visibility timeout
//! of 30 s). Every setting has a unit in its name.

pub mod codec;
pub mod edit;
pub mod validate;

use serde::{Deserialize, Serialize};
use std::fmt;

pub use edit::{apply, connection_rule, Edit, EditError, History};
pub use validate::{validate, ValidationError};

/// The schema version written into every document and share link. Bump it
/// when the format changes incompatibly, and keep decoding older versions.
pub const SCHEMA_VERSION: u32 = 1;

/// A component's stable, human-readable id (`storefront`, `shipping-queue`).
/// It appears in share links, in the trace and in `data-testid` hooks.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ComponentId(pub String);

impl ComponentId {
    pub fn new(id: impl Into<String>) -> Self {
        ComponentId(id.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ComponentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The whole document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Format version, see [`SCHEMA_VERSION`].
    pub schema: u32,
    #[serde(default)]
    pub title: String,
    /// What the scenario shows and what to try, one paragraph.
    #[serde(default)]
    pub description: String,
    /// Seed of the one random generator; the same seed replays the same run.
    #[serde(default = "default_seed")]
    pub seed: u64,
    #[serde(default)]
    pub components: Vec<Component>,
    #[serde(default)]
    pub wires: Vec<Wire>,
}

fn default_seed() -> u64 {
    1
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            schema: SCHEMA_VERSION,
            title: String::new(),
            description: String::new(),
            seed: default_seed(),
            components: Vec::new(),
            wires: Vec::new(),
        }
    }
}

impl Scenario {
    pub fn component(&self, id: &ComponentId) -> Option<&Component> {
        self.components.iter().find(|c| &c.id == id)
    }

    pub fn component_mut(&mut self, id: &ComponentId) -> Option<&mut Component> {
        self.components.iter_mut().find(|c| &c.id == id)
    }

    pub fn has_wire(&self, from: &ComponentId, to: &ComponentId) -> bool {
        self.wires.iter().any(|w| &w.from == from && &w.to == to)
    }

    /// A fresh id for a new component of `kind`: `consumer-1`, `consumer-2`, …
    pub fn next_id(&self, kind: ComponentKind) -> ComponentId {
        (1..)
            .map(|n| ComponentId(format!("{}-{n}", kind.as_str())))
            .find(|id| self.component(id).is_none())
            .expect("an unbounded range always yields a free id")
    }

    /// Parses a scenario file (JSON) and validates it.
    pub fn from_json(text: &str) -> Result<Scenario, ScenarioError> {
        let scenario: Scenario = serde_json::from_str(text).map_err(ScenarioError::Json)?;
        validate(&scenario).map_err(ScenarioError::Invalid)?;
        Ok(scenario)
    }

    /// Pretty JSON, as written to `.json` files and presets.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("a scenario always serialises")
    }
}

/// Why a scenario file or link could not be opened.
#[derive(Debug)]
pub enum ScenarioError {
    Json(serde_json::Error),
    Invalid(Vec<ValidationError>),
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScenarioError::Json(e) => write!(f, "not a valid scenario file: {e}"),
            ScenarioError::Invalid(errors) => {
                write!(f, "the scenario has {} problem(s): ", errors.len())?;
                for (i, e) in errors.iter().take(5).enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{e}")?;
                }
                if errors.len() > 5 {
                    write!(f, "; and {} more", errors.len() - 5)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ScenarioError {}

/// One box on the canvas.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Component {
    pub id: ComponentId,
    /// The label people read (`StoreFront`, `Shipping`).
    pub name: String,
    /// Canvas position of the box's centre, in canvas units.
    pub x: f64,
    pub y: f64,
    pub spec: Spec,
}

impl Component {
    pub fn kind(&self) -> ComponentKind {
        self.spec.kind()
    }
}

/// The kinds of component this version can simulate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ComponentKind {
    Publisher,
    Topic,
    Queue,
    Consumer,
}

impl ComponentKind {
    pub const ALL: [ComponentKind; 4] = [
        ComponentKind::Publisher,
        ComponentKind::Topic,
        ComponentKind::Queue,
        ComponentKind::Consumer,
    ];

    /// The name used in ids, `data-kind` and `data-testid` hooks.
    pub fn as_str(self) -> &'static str {
        match self {
            ComponentKind::Publisher => "publisher",
            ComponentKind::Topic => "topic",
            ComponentKind::Queue => "queue",
            ComponentKind::Consumer => "consumer",
        }
    }

    /// What a person calls it.
    pub fn label(self) -> &'static str {
        match self {
            ComponentKind::Publisher => "Publisher",
            ComponentKind::Topic => "SNS topic",
            ComponentKind::Queue => "SQS queue",
            ComponentKind::Consumer => "Consumer",
        }
    }

    pub fn parse(text: &str) -> Option<ComponentKind> {
        ComponentKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// The settings a new component of this kind starts with.
    pub fn default_spec(self) -> Spec {
        match self {
            ComponentKind::Publisher => Spec::Publisher(PublisherConfig::default()),
            ComponentKind::Topic => Spec::Topic(TopicConfig::default()),
            ComponentKind::Queue => Spec::Queue(QueueConfig::default()),
            ComponentKind::Consumer => Spec::Consumer(ConsumerConfig::default()),
        }
    }
}

/// A component's kind together with its settings, written as
/// `"spec": { "queue": { "visibility_timeout_ms": 30000 } }`. Externally
/// tagged on purpose: an internally tagged enum makes serde buffer every spec
/// through a generic value, which cost about 6 KB of the gzipped app.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Spec {
    Publisher(PublisherConfig),
    Topic(TopicConfig),
    Queue(QueueConfig),
    Consumer(ConsumerConfig),
}

impl Spec {
    pub fn kind(&self) -> ComponentKind {
        match self {
            Spec::Publisher(_) => ComponentKind::Publisher,
            Spec::Topic(_) => ComponentKind::Topic,
            Spec::Queue(_) => ComponentKind::Queue,
            Spec::Consumer(_) => ComponentKind::Consumer,
        }
    }
}

/// How a publisher spaces its orders.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArrivalPattern {
    /// Exactly `1 / rate` apart.
    #[default]
    Constant,
    /// Exponentially distributed gaps with mean `1 / rate` (a Poisson process).
    Poisson,
}

/// A source of orders (the notes' StoreFront).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PublisherConfig {
    /// Orders per second.
    pub rate_per_s: f64,
    pub pattern: ArrivalPattern,
}

impl Default for PublisherConfig {
    fn default() -> Self {
        PublisherConfig { rate_per_s: 2.0, pattern: ArrivalPattern::Constant }
    }
}

/// An SNS-like standard topic: pushes a copy of every message to every
/// subscription. Subscriptions are the topic's outgoing wires.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TopicConfig {
    /// Retries for push (HTTP-like) subscriptions to consumers after the first
    /// failed attempt. SNS's default HTTP policy: 3 retries, 20 s apart.
    pub http_retries: u32,
    pub http_retry_delay_ms: u64,
}

impl Default for TopicConfig {
    fn default() -> Self {
        TopicConfig { http_retries: 3, http_retry_delay_ms: 20_000 }
    }
}

/// An SQS-like standard queue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct QueueConfig {
    /// How long a received message stays hidden before it is visible again
    /// (SQS default 30 s, range 0 s – 12 h).
    pub visibility_timeout_ms: u64,
}

impl Default for QueueConfig {
    fn default() -> Self {
        QueueConfig { visibility_timeout_ms: 30_000 }
    }
}

/// When a consumer deletes (acknowledges) what it received from a queue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AckMode {
    /// Explicit delete once processing has finished: a crash before the
    /// delete means redelivery after the visibility timeout.
    #[default]
    DeleteAfterProcessing,
}

/// A service that processes orders (the notes' Shipping, Accounting).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConsumerConfig {
    /// Time to process one message.
    pub processing_time_ms: u64,
    /// Messages one instance works on at once.
    pub concurrency: u32,
    /// Identical instances competing for the same input (scale-out).
    pub instances: u32,
    pub ack_mode: AckMode,
}

impl Default for ConsumerConfig {
    fn default() -> Self {
        ConsumerConfig {
            processing_time_ms: 200,
            concurrency: 1,
            instances: 1,
            ack_mode: AckMode::DeleteAfterProcessing,
        }
    }
}

/// A directed connection: messages flow from `from` to `to`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wire {
    pub from: ComponentId,
    pub to: ComponentId,
    /// One-way network latency of a hop along this wire.
    #[serde(default = "default_latency_ms")]
    pub latency_ms: u64,
}

pub const DEFAULT_WIRE_LATENCY_MS: u64 = 100;

fn default_latency_ms() -> u64 {
    DEFAULT_WIRE_LATENCY_MS
}

impl Wire {
    pub fn new(from: ComponentId, to: ComponentId) -> Self {
        Wire { from, to, latency_ms: DEFAULT_WIRE_LATENCY_MS }
    }
}
