//! Lessons: a scenario can carry a few guided steps a presenter clicks
//! through (or a learner walks alone). Each step has a caption in English and
//! Korean, says which components are on the canvas at that point
//! (progressive reveal), which faults happen as it starts, how far the run
//! plays before it pauses, and optionally a check that turns green when the
//! run shows what the step is about ("lost = 0", "delivered ≥ 10").
//!
//! A lesson is part of the document, so it travels in share links; every
//! field is optional except the English caption, and an empty lesson is not
//! written at all, so older links and documents are unchanged.
//!
//! Playing a lesson is deterministic: [`prepare`] rebuilds the run at the
//! start of any step from scratch (every earlier step's actions applied at
//! its start and the run played to its `run_until_ms`). The app goes back a
//! step the same way, with [`start_step`] and [`finish_step`], and the tests
//! check that this lands exactly where walking forward did.
//!
//! What it leaves out: branching, quizzes, and actions other than faults
//! (a step cannot change settings; make a second preset for that).

use super::{ComponentId, ComponentKind, Fault, NumericOp, Scenario};
use crate::broker::{BuildError, CommandError, Simulation};
use crate::cluster::{NodeStatus, PodStatus, PodView};
use crate::sim::SimTime;
use serde::{Deserialize, Serialize};

/// The most steps a lesson may have (a workshop part is 3–6).
pub const MAX_LESSON_STEPS: usize = 12;
/// The longest caption, per language, in characters: a caption is read in a
/// bar above the canvas, not a page of text.
pub const MAX_CAPTION_CHARS: usize = 280;
/// The most faults one step may apply as it starts.
pub const MAX_STEP_ACTIONS: usize = 10;
/// The largest number a check compares with.
pub const MAX_CHECK_VALUE: u64 = 1_000_000_000;

/// One step of a lesson.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonStep {
    pub caption: Caption,
    /// The components shown on the canvas during this step (wires show when
    /// both ends do). `None`: every component.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible: Option<Vec<ComponentId>>,
    /// Faults applied to the run when the step starts, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Fault>,
    /// The run plays until this sim time, then pauses. `None`: the step
    /// leaves playback as it is (and takes no time when a lesson is replayed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run_until_ms: Option<u64>,
    /// What the run should show by the end of the step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<Check>,
}

impl LessonStep {
    /// A step with only a caption.
    pub fn new(en: impl Into<String>, ko: impl Into<String>) -> Self {
        LessonStep {
            caption: Caption { en: en.into(), ko: ko.into() },
            visible: None,
            actions: Vec::new(),
            run_until_ms: None,
            check: None,
        }
    }

    /// Whether the component is on the canvas during this step.
    pub fn shows(&self, id: &ComponentId) -> bool {
        self.visible.as_ref().is_none_or(|visible| visible.contains(id))
    }
}

/// A caption in the two languages of the app. Korean may be left empty;
/// then the English one is shown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Caption {
    pub en: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ko: String,
}

impl Caption {
    /// The caption for a language tag (`en`, `ko`, `ko-KR`, …): Korean for
    /// any `ko` tag when there is a Korean caption, English otherwise.
    pub fn text(&self, lang: &str) -> &str {
        let korean = lang.get(..2).is_some_and(|prefix| prefix.eq_ignore_ascii_case("ko"));
        if korean && !self.ko.trim().is_empty() {
            &self.ko
        } else {
            &self.en
        }
    }
}

/// A number the run shows compared with a value: `lost = 0`,
/// `delivered of shipping ≥ 10`, `pods_pending of web-pods = 0`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub metric: Metric,
    /// The component measured; `None` for the scenario-wide number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<ComponentId>,
    pub op: NumericOp,
    pub value: u64,
}

/// The numbers a check can look at: the metrics panel's counters, and a few
/// counts of the cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    // Messaging: scenario-wide, or of a publisher, topic, queue, consumer
    // or service (see `report::Counters`).
    Published,
    Delivered,
    Lost,
    Duplicates,
    DeadLettered,
    InQueue,
    InFlight,
    Expired,
    Throttled,
    OutOfOrder,
    Deduplicated,
    Filtered,
    // Cluster, as the API records it (`kubectl get`).
    /// Pods waiting for the scheduler: all, or of a deployment.
    PodsPending,
    /// Pods whose status is Running: all, of a deployment or on a node.
    PodsRunning,
    /// Running pods that are Ready: all, of a deployment or on a node.
    PodsReady,
    /// Nodes whose Ready condition is True.
    NodesReady,
    /// Nodes marked NotReady.
    NodesNotReady,
    /// etcd members alive.
    EtcdMembersUp,
    /// 1 while the API server answers (etcd has quorum), else 0.
    ApiAvailable,
    /// Requests a Service routed to a pod: all services, or one.
    RequestsOk,
    /// Requests a Service could not route (no Ready endpoint, dead endpoint…).
    RequestsFailed,
}

impl Metric {
    pub const ALL: [Metric; 21] = [
        Metric::Published,
        Metric::Delivered,
        Metric::Lost,
        Metric::Duplicates,
        Metric::DeadLettered,
        Metric::InQueue,
        Metric::InFlight,
        Metric::Expired,
        Metric::Throttled,
        Metric::OutOfOrder,
        Metric::Deduplicated,
        Metric::Filtered,
        Metric::PodsPending,
        Metric::PodsRunning,
        Metric::PodsReady,
        Metric::NodesReady,
        Metric::NodesNotReady,
        Metric::EtcdMembersUp,
        Metric::ApiAvailable,
        Metric::RequestsOk,
        Metric::RequestsFailed,
    ];

    /// The name written in documents (`dead_lettered`).
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Published => "published",
            Metric::Delivered => "delivered",
            Metric::Lost => "lost",
            Metric::Duplicates => "duplicates",
            Metric::DeadLettered => "dead_lettered",
            Metric::InQueue => "in_queue",
            Metric::InFlight => "in_flight",
            Metric::Expired => "expired",
            Metric::Throttled => "throttled",
            Metric::OutOfOrder => "out_of_order",
            Metric::Deduplicated => "deduplicated",
            Metric::Filtered => "filtered",
            Metric::PodsPending => "pods_pending",
            Metric::PodsRunning => "pods_running",
            Metric::PodsReady => "pods_ready",
            Metric::NodesReady => "nodes_ready",
            Metric::NodesNotReady => "nodes_not_ready",
            Metric::EtcdMembersUp => "etcd_members_up",
            Metric::ApiAvailable => "api_available",
            Metric::RequestsOk => "requests_ok",
            Metric::RequestsFailed => "requests_failed",
        }
    }

    /// What a person reads in the lesson bar ("lost", "pods pending").
    pub fn label(self) -> &'static str {
        match self {
            Metric::Published => "published",
            Metric::Delivered => "delivered",
            Metric::Lost => "lost",
            Metric::Duplicates => "duplicates",
            Metric::DeadLettered => "dead-lettered",
            Metric::InQueue => "in queue",
            Metric::InFlight => "in flight",
            Metric::Expired => "expired",
            Metric::Throttled => "throttled",
            Metric::OutOfOrder => "out of order",
            Metric::Deduplicated => "deduplicated",
            Metric::Filtered => "filtered",
            Metric::PodsPending => "pods Pending",
            Metric::PodsRunning => "pods Running",
            Metric::PodsReady => "pods Ready",
            Metric::NodesReady => "nodes Ready",
            Metric::NodesNotReady => "nodes NotReady",
            Metric::EtcdMembersUp => "etcd members up",
            Metric::ApiAvailable => "API available",
            Metric::RequestsOk => "requests OK",
            Metric::RequestsFailed => "requests failed",
        }
    }

    /// Whether the number comes from the cluster.
    pub fn is_cluster(self) -> bool {
        !matches!(
            self,
            Metric::Published
                | Metric::Delivered
                | Metric::Lost
                | Metric::Duplicates
                | Metric::DeadLettered
                | Metric::InQueue
                | Metric::InFlight
                | Metric::Expired
                | Metric::Throttled
                | Metric::OutOfOrder
                | Metric::Deduplicated
                | Metric::Filtered
        )
    }

    /// The kinds of component the metric can be measured `of`; empty when
    /// only the scenario-wide number exists.
    pub fn measured_of(self) -> &'static [ComponentKind] {
        use ComponentKind::*;
        match self {
            Metric::PodsPending => &[Deployment],
            Metric::PodsRunning | Metric::PodsReady => &[Deployment, Node],
            Metric::RequestsOk | Metric::RequestsFailed => &[Service],
            Metric::NodesReady | Metric::NodesNotReady | Metric::EtcdMembersUp | Metric::ApiAvailable => &[],
            _ => &[Publisher, Topic, Queue, Consumer, Service],
        }
    }
}

/// Where a check stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CheckState {
    /// The step has not reached its end time yet (or, without one, the
    /// condition does not hold yet).
    Pending,
    Passed,
    Failed,
}

impl CheckState {
    /// The word used in `data-state` hooks: `pending`, `passed`, `failed`.
    pub fn as_str(self) -> &'static str {
        match self {
            CheckState::Pending => "pending",
            CheckState::Passed => "passed",
            CheckState::Failed => "failed",
        }
    }
}

impl Check {
    /// The check in words: "lost = 0", "delivered at shipping ≥ 10".
    pub fn describe(&self) -> String {
        let op = self.op.symbol();
        match &self.of {
            Some(id) => format!("{} at {id} {op} {}", self.metric.label(), self.value),
            None => format!("{} {op} {}", self.metric.label(), self.value),
        }
    }

    /// Whether `measured` satisfies the comparison.
    pub fn holds_for(&self, measured: u64) -> bool {
        let value = self.value;
        match self.op {
            NumericOp::Less => measured < value,
            NumericOp::LessOrEqual => measured <= value,
            NumericOp::Equal => measured == value,
            NumericOp::GreaterOrEqual => measured >= value,
            NumericOp::Greater => measured > value,
        }
    }
}

/// The number a check looks at, as the run shows it now. `None` when the
/// run cannot say (a cluster number without a cluster, an unknown component).
pub fn measure(check: &Check, sim: &Simulation) -> Option<u64> {
    let of = check.of.as_ref().map(ComponentId::as_str);
    if !check.metric.is_cluster() {
        let counters = match &check.of {
            Some(id) => sim.counters(id)?,
            None => sim.totals(),
        };
        return Some(match check.metric {
            Metric::Published => counters.published,
            Metric::Delivered => counters.delivered,
            Metric::Lost => counters.lost,
            Metric::Duplicates => counters.duplicates,
            Metric::DeadLettered => counters.dead_lettered,
            Metric::InQueue => counters.in_queue,
            Metric::InFlight => counters.in_flight,
            Metric::Expired => counters.expired,
            Metric::Throttled => counters.throttled,
            Metric::OutOfOrder => counters.out_of_order,
            Metric::Deduplicated => counters.deduplicated,
            Metric::Filtered => counters.filtered,
            _ => unreachable!("cluster metrics are measured below"),
        });
    }
    let cluster = sim.cluster()?;
    let scenario = sim.scenario();
    // Pods of a deployment or on a node, or every pod.
    let pods = || -> Option<Vec<PodView>> {
        match check.of.as_ref() {
            None => Some(cluster.pods()),
            Some(id) => match scenario.component(id)?.kind() {
                ComponentKind::Deployment => Some(cluster.pods_of(id.as_str())),
                ComponentKind::Node => Some(cluster.pods_on(id.as_str())),
                _ => None,
            },
        }
    };
    let count = |pods: Vec<PodView>, keep: fn(&PodView) -> bool| pods.iter().filter(|p| keep(p)).count() as u64;
    Some(match check.metric {
        Metric::PodsPending => count(pods()?, |p| p.status == PodStatus::Pending),
        Metric::PodsRunning => count(pods()?, |p| p.status == PodStatus::Running),
        Metric::PodsReady => count(pods()?, |p| p.status == PodStatus::Running && p.ready),
        Metric::NodesReady => cluster.nodes().iter().filter(|n| n.status == NodeStatus::Ready).count() as u64,
        Metric::NodesNotReady => cluster.nodes().iter().filter(|n| n.status == NodeStatus::NotReady).count() as u64,
        Metric::EtcdMembersUp => u64::from(cluster.control_plane().etcd_members_up),
        Metric::ApiAvailable => u64::from(cluster.api_available()),
        Metric::RequestsOk | Metric::RequestsFailed => {
            let services = match of {
                Some(name) => vec![cluster.service(name)?],
                None => cluster.services(),
            };
            services
                .iter()
                .map(|s| if check.metric == Metric::RequestsOk { s.counters.ok } else { s.counters.failed() })
                .sum()
        }
        _ => unreachable!("messaging metrics are measured above"),
    })
}

/// Where the step's check stands in this run, or `None` for a step without
/// a check. Before the step's end time it is pending; from then on it passes
/// or fails by the number. A step without an end time never fails: its
/// check passes once the number says so.
pub fn evaluate(step: &LessonStep, sim: &Simulation) -> Option<CheckState> {
    let check = step.check.as_ref()?;
    let holds = measure(check, sim).is_some_and(|measured| check.holds_for(measured));
    Some(match step.run_until_ms {
        Some(end_ms) if sim.now() < SimTime::from_ms(end_ms) => CheckState::Pending,
        Some(_) if !holds => CheckState::Failed,
        _ if holds => CheckState::Passed,
        _ => CheckState::Pending,
    })
}

/// Starts a step in a running simulation: applies its actions now, in order.
/// Returns the engine's refusals (an action the run cannot take, such as a
/// kubectl-like fault while etcd has no quorum); the others still apply.
pub fn start_step(sim: &mut Simulation, step: &LessonStep) -> Vec<CommandError> {
    step.actions.iter().filter_map(|action| sim.command(action.clone()).err()).collect()
}

/// Plays the rest of a step: runs to its end time, if it has one later than now.
pub fn finish_step(sim: &mut Simulation, step: &LessonStep) {
    if let Some(end_ms) = step.run_until_ms {
        let end = SimTime::from_ms(end_ms);
        if end > sim.now() {
            sim.run_until(end);
        }
    }
}

/// A fresh run of the scenario, brought to the start of step `index` of its
/// lesson: every earlier step started (its actions applied) and finished (run
/// to its end time), then step `index` started. Going back a step in the app
/// rebuilds the run this way; determinism makes it exact. An index past the
/// last step plays the whole lesson. Refused actions are returned, as by
/// [`start_step`].
pub fn prepare(scenario: &Scenario, index: usize) -> Result<(Simulation, Vec<CommandError>), BuildError> {
    let mut sim = Simulation::new(scenario)?;
    let mut refused = Vec::new();
    for (i, step) in scenario.lesson.iter().enumerate().take(index.saturating_add(1)) {
        refused.extend(start_step(&mut sim, step));
        if i < index {
            finish_step(&mut sim, step);
        }
    }
    Ok((sim, refused))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_fall_back_to_english() {
        let both = Caption { en: "Lost".into(), ko: "유실".into() };
        assert_eq!(both.text("ko"), "유실");
        assert_eq!(both.text("ko-KR"), "유실");
        assert_eq!(both.text("en-GB"), "Lost");
        assert_eq!(both.text(""), "Lost");
        let english_only = Caption { en: "Lost".into(), ko: String::new() };
        assert_eq!(english_only.text("ko"), "Lost");
    }

    #[test]
    fn checks_compare_and_read_as_words() {
        let check = Check { metric: Metric::Lost, of: None, op: NumericOp::Equal, value: 0 };
        assert!(check.holds_for(0) && !check.holds_for(1));
        assert_eq!(check.describe(), "lost = 0");
        let at = Check { metric: Metric::Delivered, of: Some(ComponentId::new("shipping")), op: NumericOp::GreaterOrEqual, value: 10 };
        assert!(at.holds_for(10) && !at.holds_for(9));
        assert_eq!(at.describe(), "delivered at shipping ≥ 10");
    }

    #[test]
    fn metric_names_match_their_serde_names() {
        for metric in Metric::ALL {
            let json = serde_json::to_string(&metric).unwrap();
            assert_eq!(json, format!("\"{}\"", metric.as_str()));
        }
    }

    #[test]
    fn a_step_reads_compactly() {
        let json = r#"{"caption":{"en":"Kill Shipping","ko":"Shipping 종료"},"actions":[{"kill":"shipping"}],"run_until_ms":20000,"check":{"metric":"lost","op":">","value":0}}"#;
        let step: LessonStep = serde_json::from_str(json).unwrap();
        assert_eq!(step.actions, vec![Fault::Kill(ComponentId::new("shipping"))]);
        assert!(step.shows(&ComponentId::new("anything")), "no visible list shows everything");
        assert_eq!(serde_json::to_string(&step).unwrap(), json, "written back as read");
    }
}
