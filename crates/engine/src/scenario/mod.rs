//! The scenario document: everything a share link needs to rebuild a canvas
//! and replay it — components with their positions and settings, wires, the
//! seed, a title and description for presets, and an optional lesson
//! (guided steps with captions and checks, see [`lesson`]).
//!
//! What it leaves out on purpose: selection, viewport, undo history and the
//! running simulation. Those are transient editor or playback state.
//!
//! Defaults follow `SEMANTICS.md` (for example a queue's visibility timeout
//! of 30 s). Every setting has a unit in its name.

pub mod codec;
pub mod edit;
pub mod lesson;
pub mod validate;

use crate::cluster::{
    ClusterSpec, ControlPlaneConfig, DeploymentConfig, IngressConfig, KubeletConfig, Named, NodeConfig, ServiceConfig,
};
use serde::{Deserialize, Serialize};
use std::fmt;

pub use edit::{apply, component_connection_rule, connection_rule, Edit, EditError, History, WireRefusal};
pub use lesson::{Caption, Check, CheckState, LessonStep, Metric};
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
    /// Faults applied at given times, replayed identically from a link.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub faults: Vec<ScheduledFault>,
    /// Sim seconds one wall second covers at 1× playback. A Kubernetes
    /// failover takes minutes with the documented defaults; a time scale
    /// lets it play in seconds while every number shown stays the real one.
    /// Playback only: the run itself does not depend on it.
    #[serde(default = "default_time_scale", skip_serializing_if = "is_default_time_scale")]
    pub time_scale: f64,
    /// Whether playback hurries through stretches where no message moves
    /// (see the app's transport bar). Playback only, like `time_scale`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub skip_idle: bool,
    /// Guided steps through the scenario (see [`lesson`]). Not written when
    /// empty, so documents and links without a lesson stay as they were.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lesson: Vec<LessonStep>,
}

/// The time scales a scenario may ask for: from a tenth of real time (to
/// watch one message closely) to a thousand times (an hour in 3.6 s).
pub const MIN_TIME_SCALE: f64 = 0.1;
pub const MAX_TIME_SCALE: f64 = 1000.0;

fn default_time_scale() -> f64 {
    1.0
}

fn is_default_time_scale(scale: &f64) -> bool {
    *scale == 1.0
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
            faults: Vec::new(),
            time_scale: default_time_scale(),
            skip_idle: false,
            lesson: Vec::new(),
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

    /// Whether any component belongs to the cluster.
    pub fn has_cluster(&self) -> bool {
        self.components.iter().any(|c| c.kind().is_cluster())
    }

    /// The cluster the scenario's cluster components describe (names are
    /// component ids), or `None` without cluster components. With several
    /// control planes (which validation refuses) the first one counts.
    pub fn cluster_spec(&self) -> Option<ClusterSpec> {
        if !self.has_cluster() {
            return None;
        }
        let mut spec = ClusterSpec::new();
        let mut control_plane_seen = false;
        for c in &self.components {
            let name = c.id.as_str();
            match &c.spec {
                Spec::Node(n) => spec.nodes.push(Named::new(name, n.clone())),
                Spec::Deployment(d) => spec.deployments.push(Named::new(name, d.clone())),
                Spec::Service(s) => spec.services.push(Named::new(name, s.clone())),
                Spec::Ingress(i) => spec.ingresses.push(Named::new(name, i.clone())),
                Spec::ControlPlane(cp) if !control_plane_seen => {
                    control_plane_seen = true;
                    spec.control_plane = cp.control_plane.clone();
                    spec.kubelet = cp.kubelet.clone();
                }
                _ => {}
            }
        }
        Some(spec)
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
    /// A machine of the Kubernetes-like cluster (kubelet, kube-proxy).
    Node,
    /// Keeps a number of pods running; consumers and publishers can run on it.
    Deployment,
    /// A stable address for the Ready pods its selector matches.
    Service,
    /// Host/path routing to services.
    Ingress,
    /// kube-apiserver with etcd, kube-scheduler, kube-controller-manager.
    ControlPlane,
}

impl ComponentKind {
    pub const ALL: [ComponentKind; 9] = [
        ComponentKind::Publisher,
        ComponentKind::Topic,
        ComponentKind::Queue,
        ComponentKind::Consumer,
        ComponentKind::Node,
        ComponentKind::Deployment,
        ComponentKind::Service,
        ComponentKind::Ingress,
        ComponentKind::ControlPlane,
    ];

    /// Whether the kind belongs to the cluster (rather than to messaging).
    pub fn is_cluster(self) -> bool {
        matches!(
            self,
            ComponentKind::Node
                | ComponentKind::Deployment
                | ComponentKind::Service
                | ComponentKind::Ingress
                | ComponentKind::ControlPlane
        )
    }

    /// The name used in ids, `data-kind` and `data-testid` hooks.
    pub fn as_str(self) -> &'static str {
        match self {
            ComponentKind::Publisher => "publisher",
            ComponentKind::Topic => "topic",
            ComponentKind::Queue => "queue",
            ComponentKind::Consumer => "consumer",
            ComponentKind::Node => "node",
            ComponentKind::Deployment => "deployment",
            ComponentKind::Service => "service",
            ComponentKind::Ingress => "ingress",
            ComponentKind::ControlPlane => "control-plane",
        }
    }

    /// What a person calls it.
    pub fn label(self) -> &'static str {
        match self {
            ComponentKind::Publisher => "Publisher",
            ComponentKind::Topic => "SNS topic",
            ComponentKind::Queue => "SQS queue",
            ComponentKind::Consumer => "Consumer",
            ComponentKind::Node => "Node",
            ComponentKind::Deployment => "Deployment",
            ComponentKind::Service => "Service",
            ComponentKind::Ingress => "Ingress",
            ComponentKind::ControlPlane => "Control plane",
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
            ComponentKind::Node => Spec::Node(NodeConfig::default()),
            ComponentKind::Deployment => Spec::Deployment(DeploymentConfig::default()),
            ComponentKind::Service => Spec::Service(ServiceConfig::default()),
            ComponentKind::Ingress => Spec::Ingress(IngressConfig::default()),
            ComponentKind::ControlPlane => Spec::ControlPlane(ControlPlaneSpec::default()),
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
    /// Cluster components use the cluster engine's settings; the component
    /// id is the item's name in the cluster.
    Node(NodeConfig),
    Deployment(DeploymentConfig),
    Service(ServiceConfig),
    Ingress(IngressConfig),
    ControlPlane(ControlPlaneSpec),
}

/// The control-plane component's settings: the control plane itself and
/// what every node's kubelet shares.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ControlPlaneSpec {
    pub control_plane: ControlPlaneConfig,
    pub kubelet: KubeletConfig,
}

impl Spec {
    pub fn kind(&self) -> ComponentKind {
        match self {
            Spec::Publisher(_) => ComponentKind::Publisher,
            Spec::Topic(_) => ComponentKind::Topic,
            Spec::Queue(_) => ComponentKind::Queue,
            Spec::Consumer(_) => ComponentKind::Consumer,
            Spec::Node(_) => ComponentKind::Node,
            Spec::Deployment(_) => ComponentKind::Deployment,
            Spec::Service(_) => ComponentKind::Service,
            Spec::Ingress(_) => ComponentKind::Ingress,
            Spec::ControlPlane(_) => ComponentKind::ControlPlane,
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

/// How a publisher picks each order's FIFO message group id. Standard queues
/// and topics ignore it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MessageGroup {
    /// Every order in one group: strictly one at a time, in order.
    Fixed(String),
    /// Orders spread over this many groups in turn (`g1`, `g2`, …).
    RoundRobin(u32),
    /// The value of one of the order's attributes (e.g. `customer`).
    FromAttribute(String),
}

impl Default for MessageGroup {
    fn default() -> Self {
        MessageGroup::Fixed("orders".into())
    }
}

/// The values an order attribute takes; each order draws one at random
/// (seeded), so filter policies have something to match.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttributeValues {
    /// A string attribute, one of these values (e.g. `book`, `food`).
    OneOf(Vec<String>),
    /// A whole-number attribute, uniform between the two bounds inclusive.
    Between(i64, i64),
}

/// One message attribute a publisher attaches to every order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributeRule {
    pub name: String,
    pub values: AttributeValues,
}

/// A source of orders (the notes' StoreFront).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PublisherConfig {
    /// Orders per second.
    pub rate_per_s: f64,
    pub pattern: ArrivalPattern,
    /// FIFO message group id of each order.
    pub message_group: MessageGroup,
    /// Message attributes attached to each order (at most 5 here).
    pub attributes: Vec<AttributeRule>,
    /// Every Nth order is a poison message no consumer can process (0: none).
    pub poison_every: u32,
    /// Per-message delay (SQS `DelaySeconds` on send), 0 – 900 s.
    pub message_delay_ms: u64,
    /// Fraction of orders the publisher sends twice, as a client retrying
    /// after a timeout would. A FIFO queue or topic deduplicates the second.
    pub resend_ratio: f64,
    /// The deployment this publisher runs on: every Running and Ready pod is
    /// one instance publishing at `rate_per_s`; with none, nothing is
    /// published. `None`: one instance outside the cluster.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub runs_on: Option<ComponentId>,
}

impl Default for PublisherConfig {
    fn default() -> Self {
        PublisherConfig {
            rate_per_s: 2.0,
            pattern: ArrivalPattern::Constant,
            message_group: MessageGroup::default(),
            attributes: Vec::new(),
            poison_every: 0,
            message_delay_ms: 0,
            resend_ratio: 0.0,
            runs_on: None,
        }
    }
}

/// An SNS-like topic: pushes a copy of every message to every subscription.
/// Subscriptions are the topic's outgoing wires; their filter policy and
/// dead-letter queue are settings of the wire.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TopicConfig {
    /// FIFO topic: strict order per message group, 5-minute deduplication,
    /// 3,000 messages/s. It may only deliver to FIFO queues.
    pub fifo: bool,
    /// Standard: the fraction of deliveries to a subscription that arrive
    /// twice (SNS's best-effort deduplication).
    pub duplicate_delivery_ratio: f64,
    /// Retries for HTTP-like push subscriptions (to consumers) after the
    /// first failed attempt. SNS's default HTTP policy: 3 retries, 20 s apart.
    pub http_retries: u32,
    pub http_retry_delay_ms: u64,
}

impl Default for TopicConfig {
    fn default() -> Self {
        TopicConfig { fifo: false, duplicate_delivery_ratio: 0.001, http_retries: 3, http_retry_delay_ms: 20_000 }
    }
}

/// Where a queue sends messages received too often (SQS redrive policy).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedrivePolicy {
    /// The dead-letter queue: a queue of the same type (FIFO → FIFO).
    pub dead_letter_queue: ComponentId,
    /// Receives after which a message moves to the DLQ (1 – 1,000).
    pub max_receive_count: u32,
}

/// An SQS-like queue, Standard or FIFO.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct QueueConfig {
    /// FIFO queue: message groups processed in order, one in flight per
    /// group, deduplication, 300 API calls/s per action.
    pub fifo: bool,
    /// How long a received message stays hidden before it is visible again
    /// (SQS default 30 s, range 0 s – 12 h).
    pub visibility_timeout_ms: u64,
    /// How long a message is kept before it is dropped (default 4 days,
    /// 60 s – 14 days).
    pub retention_ms: u64,
    /// Delay before a new message becomes visible (0 – 900 s).
    pub delay_ms: u64,
    /// Long polling: how long a receive waits for a message (0 – 20 s).
    /// 0 is short polling, the SQS default: a receive returns at once and may
    /// come back empty even when messages wait.
    pub receive_wait_ms: u64,
    /// FIFO: deduplicate by a hash of the body instead of an explicit id.
    pub content_based_deduplication: bool,
    /// Standard: the fraction of receives that also hand out an extra copy
    /// of the message (at-least-once delivery).
    pub duplicate_delivery_ratio: f64,
    /// Standard: the fraction of receives that take a later message first
    /// (best-effort ordering).
    pub reorder_ratio: f64,
    pub redrive: Option<RedrivePolicy>,
}

pub const DEFAULT_RETENTION_MS: u64 = 4 * 24 * 3_600 * 1_000;

impl Default for QueueConfig {
    fn default() -> Self {
        QueueConfig {
            fifo: false,
            visibility_timeout_ms: 30_000,
            retention_ms: DEFAULT_RETENTION_MS,
            delay_ms: 0,
            receive_wait_ms: 0,
            content_based_deduplication: false,
            duplicate_delivery_ratio: 0.001,
            reorder_ratio: 0.01,
            redrive: None,
        }
    }
}

/// When a consumer deletes (acknowledges) what it received from a queue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AckMode {
    /// Deleted as it arrives: a crash or a failure mid-work loses it.
    AckOnReceive,
    /// Explicit delete once processing has succeeded: a crash or a failure
    /// means redelivery after the visibility timeout; a crash after the work
    /// but before the delete means the work is done twice.
    #[default]
    DeleteAfterProcessing,
    /// Function style (Lambda): the runtime deletes the whole batch when every
    /// message succeeded; one failure returns the whole batch, so the
    /// messages that had succeeded are processed again.
    AutoDeleteOnSuccess,
}

/// A service that processes orders (the notes' Shipping, Accounting).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConsumerConfig {
    /// Time to process one message.
    pub processing_time_ms: u64,
    /// Receive batches one instance works on at once.
    pub concurrency: u32,
    /// Identical instances competing for the same input (scale-out).
    pub instances: u32,
    pub ack_mode: AckMode,
    /// Fraction of messages whose processing fails (poison messages always fail).
    pub failure_ratio: f64,
    /// Messages asked for per receive call (1 – 10).
    pub batch_size: u32,
    /// After an empty short-poll receive, how long before polling again.
    pub poll_interval_ms: u64,
    /// The deployment this consumer runs on: it then has one instance per
    /// Running and Ready pod (wherever they are), instead of `instances`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub runs_on: Option<ComponentId>,
}

impl Default for ConsumerConfig {
    fn default() -> Self {
        ConsumerConfig {
            processing_time_ms: 200,
            concurrency: 1,
            instances: 1,
            ack_mode: AckMode::DeleteAfterProcessing,
            failure_ratio: 0.0,
            batch_size: 1,
            poll_interval_ms: 200,
            runs_on: None,
        }
    }
}

/// One condition of a filter policy on an attribute; a message matches a
/// key when any of its conditions holds (SNS semantics).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FilterCondition {
    /// The string value equals this, case-sensitively.
    Exact(String),
    Prefix(String),
    /// The value is none of these (and the attribute is present).
    AnythingBut(Vec<String>),
    /// Numeric comparison: `["<", 100]`, `[">=", 20]`, `["=", 5]`.
    Numeric(NumericOp, f64),
    /// Whether the attribute is present at all.
    Exists(bool),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NumericOp {
    #[serde(rename = "<")]
    Less,
    #[serde(rename = "<=")]
    LessOrEqual,
    #[serde(rename = "=")]
    Equal,
    #[serde(rename = ">=")]
    GreaterOrEqual,
    #[serde(rename = ">")]
    Greater,
}

impl NumericOp {
    /// The comparison as people write it: `<`, `≤`, `=`, `≥`, `>`.
    pub fn symbol(self) -> &'static str {
        match self {
            NumericOp::Less => "<",
            NumericOp::LessOrEqual => "≤",
            NumericOp::Equal => "=",
            NumericOp::GreaterOrEqual => "≥",
            NumericOp::Greater => ">",
        }
    }
}

/// A subscription's filter policy: attribute name → conditions. A message
/// is delivered when every key matches (AND across keys, OR within a key).
pub type FilterPolicy = std::collections::BTreeMap<String, Vec<FilterCondition>>;

/// A fault: something a person clicks live or a scenario schedules.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fault {
    /// A publisher or consumer stops (and loses what it was doing); a node
    /// dies (its kubelet and containers stop; the API notices later).
    Kill(ComponentId),
    Revive(ComponentId),
    /// A consumer's processing takes this many times as long (1 = normal).
    Slow(ComponentId, f64),
    /// Nothing gets through the wire from → to until healed.
    Partition(ComponentId, ComponentId),
    Heal(ComponentId, ComponentId),
    /// Extra one-way delay on the wire from → to, in ms (0 = none).
    Delay(ComponentId, ComponentId, u64),
    /// Fraction of hops on the wire from → to that are lost (0 = none).
    Loss(ComponentId, ComponentId, f64),
    /// Every node in this availability zone dies (the notes' AWS outage).
    KillZone(String),
    ReviveZone(String),
    /// One pod of the deployment (its oldest) is force-deleted; its
    /// ReplicaSet replaces it.
    KillPod(ComponentId),
    /// Every current pod of the deployment crash-loops (true) or is healed.
    CrashLoop(ComponentId, bool),
    /// A node is cordoned (true: no new pods) or uncordoned.
    Cordon(ComponentId, bool),
    /// A node is cordoned and its pods are evicted.
    Drain(ComponentId),
    /// A deployment is scaled to this many replicas.
    Scale(ComponentId, u32),
    /// etcd member number n (from 0) of the control plane dies or returns.
    KillEtcdMember(ComponentId, u32),
    ReviveEtcdMember(ComponentId, u32),
    /// The leading kube-scheduler replica dies; revive brings every replica back.
    KillScheduler(ComponentId),
    ReviveScheduler(ComponentId),
    /// The leading kube-controller-manager replica dies; revive brings every
    /// replica back.
    KillControllerManager(ComponentId),
    ReviveControllerManager(ComponentId),
}

impl Fault {
    /// The component a fault concerns (the `from` end for a wire fault);
    /// `None` for a zone fault, which names a zone, not a component.
    pub fn target(&self) -> Option<&ComponentId> {
        match self {
            Fault::Kill(id)
            | Fault::Revive(id)
            | Fault::Slow(id, _)
            | Fault::KillPod(id)
            | Fault::CrashLoop(id, _)
            | Fault::Cordon(id, _)
            | Fault::Drain(id)
            | Fault::Scale(id, _)
            | Fault::KillEtcdMember(id, _)
            | Fault::ReviveEtcdMember(id, _)
            | Fault::KillScheduler(id)
            | Fault::ReviveScheduler(id)
            | Fault::KillControllerManager(id)
            | Fault::ReviveControllerManager(id) => Some(id),
            Fault::Partition(from, _) | Fault::Heal(from, _) | Fault::Delay(from, _, _) | Fault::Loss(from, _, _) => {
                Some(from)
            }
            Fault::KillZone(_) | Fault::ReviveZone(_) => None,
        }
    }

    /// For a wire fault, its two ends.
    pub fn wire(&self) -> Option<(&ComponentId, &ComponentId)> {
        match self {
            Fault::Partition(a, b) | Fault::Heal(a, b) | Fault::Delay(a, b, _) | Fault::Loss(a, b, _) => Some((a, b)),
            _ => None,
        }
    }

    /// Whether the fault acts on the cluster (a node, zone, pod, deployment
    /// or the control plane) rather than on messaging.
    pub fn is_cluster(&self) -> bool {
        !matches!(
            self,
            Fault::Kill(_)
                | Fault::Revive(_)
                | Fault::Slow(..)
                | Fault::Partition(..)
                | Fault::Heal(..)
                | Fault::Delay(..)
                | Fault::Loss(..)
        )
    }
}

/// A fault the scenario applies at a given sim time (the fault script).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduledFault {
    pub at_ms: u64,
    pub fault: Fault,
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
    /// Subscriptions (topic → X) only: deliver only matching messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter_policy: Option<FilterPolicy>,
    /// Subscriptions only: where undeliverable messages go after the retries,
    /// instead of being dropped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dead_letter_queue: Option<ComponentId>,
    /// Wires into an Ingress only: the request's Host header (empty: no
    /// host, so only rules without a host match).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub host: String,
    /// Wires into an Ingress only: the request's path, matched against the
    /// rules' path prefixes.
    #[serde(default = "default_request_path", skip_serializing_if = "is_default_request_path")]
    pub path: String,
}

pub const DEFAULT_WIRE_LATENCY_MS: u64 = 100;
pub const DEFAULT_REQUEST_PATH: &str = "/";

fn default_request_path() -> String {
    DEFAULT_REQUEST_PATH.to_string()
}

fn is_default_request_path(path: &str) -> bool {
    path == DEFAULT_REQUEST_PATH
}

fn default_latency_ms() -> u64 {
    DEFAULT_WIRE_LATENCY_MS
}

impl Wire {
    pub fn new(from: ComponentId, to: ComponentId) -> Self {
        Wire {
            from,
            to,
            latency_ms: DEFAULT_WIRE_LATENCY_MS,
            filter_policy: None,
            dead_letter_queue: None,
            host: String::new(),
            path: default_request_path(),
        }
    }
}
