//! Validation: a scenario from a file, a link or an edit must make sense
//! before anything runs it. Every problem is reported, each with a message
//! that names the component or wire and says what is allowed.

use super::lesson::{MAX_CAPTION_CHARS, MAX_CHECK_VALUE, MAX_LESSON_STEPS, MAX_STEP_ACTIONS};
use super::{
    component_connection_rule, AttributeValues, Check, ComponentKind, Fault, FilterCondition, MessageGroup, Scenario,
    Spec, DEFAULT_REQUEST_PATH, MAX_TIME_SCALE, MIN_TIME_SCALE, SCHEMA_VERSION,
};
use std::collections::BTreeSet;
use std::fmt;

/// Limits that keep a hostile or absurd document from exhausting memory or
/// producing a canvas nobody can use.
pub const MAX_COMPONENTS: usize = 500;
pub const MAX_WIRES: usize = 2_000;
pub const MAX_ID_CHARS: usize = 40;
pub const MAX_NAME_CHARS: usize = 60;
pub const MAX_TITLE_CHARS: usize = 120;
pub const MAX_DESCRIPTION_CHARS: usize = 2_000;
/// Canvas coordinates stay within ± this many units.
pub const MAX_COORDINATE: f64 = 100_000.0;

pub const MAX_RATE_PER_S: f64 = 10_000.0;
pub const MAX_VISIBILITY_TIMEOUT_MS: u64 = 12 * 60 * 60 * 1_000;
pub const MAX_PROCESSING_TIME_MS: u64 = 60 * 60 * 1_000;
pub const MAX_CONCURRENCY: u32 = 100;
pub const MAX_INSTANCES: u32 = 50;
pub const MAX_WIRE_LATENCY_MS: u64 = 60_000;
pub const MAX_HTTP_RETRIES: u32 = 100;
/// SNS: the whole HTTP retry policy may not exceed 3,600 s.
pub const MAX_HTTP_RETRY_TOTAL_MS: u64 = 3_600_000;
pub const MAX_ATTRIBUTES: usize = 5;
pub const MAX_ATTRIBUTE_VALUES: usize = 20;
pub const MAX_TEXT_CHARS: usize = 40;
pub const MAX_MESSAGE_GROUP_CHARS: usize = 128;
pub const MAX_ROUND_ROBIN_GROUPS: u32 = 1_000;
/// SQS DelaySeconds, both per queue and per message: at most 900 s.
pub const MAX_DELAY_MS: u64 = 900_000;
pub const MIN_RETENTION_MS: u64 = 60_000;
pub const MAX_RETENTION_MS: u64 = 14 * 24 * 3_600 * 1_000;
/// SQS long polling waits at most 20 s.
pub const MAX_RECEIVE_WAIT_MS: u64 = 20_000;
pub const MAX_RECEIVE_COUNT: u32 = 1_000;
/// SQS receives at most 10 messages per call.
pub const MAX_BATCH_SIZE: u32 = 10;
pub const MIN_POLL_INTERVAL_MS: u64 = 10;
pub const MAX_POLL_INTERVAL_MS: u64 = 60_000;
/// SNS filter policies: at most 5 keys and 150 combinations of values.
pub const MAX_FILTER_KEYS: usize = 5;
pub const MAX_FILTER_COMBINATIONS: usize = 150;
pub const MAX_FAULTS: usize = 1_000;
/// A fault script reaches at most 30 days into a run.
pub const MAX_FAULT_AT_MS: u64 = 30 * 24 * 3_600 * 1_000;
pub const MIN_SLOW_FACTOR: f64 = 0.1;
pub const MAX_SLOW_FACTOR: f64 = 100.0;

/// One problem with a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationError {
    /// Where: `scenario`, a component id, or `from → to` for a wire.
    pub at: String,
    pub message: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// Checks everything; returns every problem found, not just the first.
pub fn validate(scenario: &Scenario) -> Result<(), Vec<ValidationError>> {
    let mut errors = Vec::new();
    let mut fail = |at: &str, message: String| errors.push(ValidationError { at: at.to_string(), message });

    if scenario.schema != SCHEMA_VERSION {
        let message = if scenario.schema > SCHEMA_VERSION {
            format!(
                "made by a newer Fanout (format {}); this version reads format {SCHEMA_VERSION}",
                scenario.schema
            )
        } else {
            format!("unknown format version {}", scenario.schema)
        };
        fail("scenario", message);
    }
    if scenario.title.chars().count() > MAX_TITLE_CHARS {
        fail("scenario", format!("the title is longer than {MAX_TITLE_CHARS} characters"));
    }
    if scenario.description.chars().count() > MAX_DESCRIPTION_CHARS {
        fail("scenario", format!("the description is longer than {MAX_DESCRIPTION_CHARS} characters"));
    }
    if !(MIN_TIME_SCALE..=MAX_TIME_SCALE).contains(&scenario.time_scale) {
        fail(
            "scenario",
            format!("the time scale is {}; it must be {MIN_TIME_SCALE} to {MAX_TIME_SCALE}", scenario.time_scale),
        );
    }
    if scenario.components.len() > MAX_COMPONENTS {
        fail(
            "scenario",
            format!("{} components; at most {MAX_COMPONENTS} are allowed", scenario.components.len()),
        );
        // Checking each of a million components would only bury the message.
        return Err(errors);
    }
    if scenario.wires.len() > MAX_WIRES {
        fail("scenario", format!("{} wires; at most {MAX_WIRES} are allowed", scenario.wires.len()));
        return Err(errors);
    }

    let mut ids = BTreeSet::new();
    for c in &scenario.components {
        let raw_id = c.id.as_str();
        // Messages name the component by a short, printable excerpt of its id.
        let at_label = printable(raw_id);
        let at = at_label.as_str();
        let id_ok = !raw_id.is_empty()
            && raw_id.chars().count() <= MAX_ID_CHARS
            && raw_id.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-' || ch == '_');
        if !id_ok {
            fail(
                at,
                format!("an id is 1–{MAX_ID_CHARS} characters of a–z, 0–9, '-' or '_'"),
            );
        }
        if !ids.insert(raw_id) {
            fail(at, "two components share this id".into());
        }
        if c.name.trim().is_empty() || c.name.chars().count() > MAX_NAME_CHARS {
            fail(at, format!("a name is 1–{MAX_NAME_CHARS} characters"));
        }
        if !(c.x.is_finite() && c.y.is_finite() && c.x.abs() <= MAX_COORDINATE && c.y.abs() <= MAX_COORDINATE) {
            fail(at, format!("its position must be within ±{MAX_COORDINATE} on the canvas"));
        }
        match &c.spec {
            Spec::Publisher(p) => {
                if !(p.rate_per_s.is_finite() && p.rate_per_s > 0.0 && p.rate_per_s <= MAX_RATE_PER_S) {
                    fail(at, format!("rate_per_s must be more than 0 and at most {MAX_RATE_PER_S}"));
                }
                if p.attributes.len() > MAX_ATTRIBUTES {
                    fail(at, format!("at most {MAX_ATTRIBUTES} attributes per publisher"));
                }
                let mut names = BTreeSet::new();
                for rule in &p.attributes {
                    if !short_text(&rule.name) {
                        fail(at, format!("an attribute name is 1–{MAX_TEXT_CHARS} characters"));
                    } else if !names.insert(rule.name.as_str()) {
                        fail(at, format!("the attribute '{}' appears twice", rule.name));
                    }
                    match &rule.values {
                        AttributeValues::OneOf(values) => {
                            if values.is_empty() || values.len() > MAX_ATTRIBUTE_VALUES {
                                fail(at, format!("attribute '{}' needs 1–{MAX_ATTRIBUTE_VALUES} values", printable(&rule.name)));
                            }
                            if !values.iter().all(|v| short_text(v)) {
                                fail(at, format!("each value of '{}' is 1–{MAX_TEXT_CHARS} characters", printable(&rule.name)));
                            }
                        }
                        AttributeValues::Between(min, max) => {
                            if min > max {
                                fail(at, format!("attribute '{}': the lower bound is above the upper", printable(&rule.name)));
                            }
                        }
                    }
                }
                match &p.message_group {
                    MessageGroup::Fixed(group) => {
                        if group.is_empty() || group.chars().count() > MAX_MESSAGE_GROUP_CHARS {
                            fail(at, format!("a message group id is 1–{MAX_MESSAGE_GROUP_CHARS} characters"));
                        }
                    }
                    MessageGroup::RoundRobin(n) => {
                        if !(1..=MAX_ROUND_ROBIN_GROUPS).contains(n) {
                            fail(at, format!("round-robin message groups: 1–{MAX_ROUND_ROBIN_GROUPS}"));
                        }
                    }
                    MessageGroup::FromAttribute(name) => {
                        if !p.attributes.iter().any(|a| &a.name == name) {
                            fail(at, format!("the message group comes from attribute '{}', which the publisher does not have", printable(name)));
                        }
                    }
                }
                if p.message_delay_ms > MAX_DELAY_MS {
                    fail(at, "message_delay_ms must be at most 900 s (900,000 ms)".into());
                }
                if !ratio(p.resend_ratio) {
                    fail(at, "resend_ratio must be between 0 and 1".into());
                }
                if let Some(message) = runs_on_problem(scenario, p.runs_on.as_ref()) {
                    fail(at, message);
                }
            }
            Spec::Topic(t) => {
                if !ratio(t.duplicate_delivery_ratio) {
                    fail(at, "duplicate_delivery_ratio must be between 0 and 1".into());
                }
                if t.http_retries > MAX_HTTP_RETRIES {
                    fail(at, format!("http_retries must be at most {MAX_HTTP_RETRIES}"));
                }
                let total = u64::from(t.http_retries).saturating_mul(t.http_retry_delay_ms);
                if total > MAX_HTTP_RETRY_TOTAL_MS {
                    fail(at, "the HTTP retry policy may span at most 3,600 s in total".into());
                }
            }
            Spec::Queue(q) => {
                if q.visibility_timeout_ms > MAX_VISIBILITY_TIMEOUT_MS {
                    fail(at, "visibility_timeout_ms must be between 0 and 12 hours (43,200,000 ms)".into());
                }
                if !(MIN_RETENTION_MS..=MAX_RETENTION_MS).contains(&q.retention_ms) {
                    fail(at, "retention_ms must be between 60 s and 14 days".into());
                }
                if q.delay_ms > MAX_DELAY_MS {
                    fail(at, "delay_ms must be at most 900 s (900,000 ms)".into());
                }
                if q.receive_wait_ms > MAX_RECEIVE_WAIT_MS {
                    fail(at, "receive_wait_ms (long polling) must be at most 20 s (20,000 ms)".into());
                }
                if !ratio(q.duplicate_delivery_ratio) || !ratio(q.reorder_ratio) {
                    fail(at, "duplicate_delivery_ratio and reorder_ratio must be between 0 and 1".into());
                }
                if let Some(redrive) = &q.redrive {
                    if !(1..=MAX_RECEIVE_COUNT).contains(&redrive.max_receive_count) {
                        fail(at, format!("max_receive_count must be between 1 and {MAX_RECEIVE_COUNT}"));
                    }
                    match scenario.component(&redrive.dead_letter_queue).map(|d| &d.spec) {
                        None => fail(
                            at,
                            format!("its dead-letter queue '{}' does not exist", printable(redrive.dead_letter_queue.as_str())),
                        ),
                        Some(_) if redrive.dead_letter_queue == c.id => {
                            fail(at, "a queue cannot be its own dead-letter queue".into())
                        }
                        Some(Spec::Queue(dlq)) if dlq.fifo != q.fifo => fail(
                            at,
                            "a dead-letter queue must be the same type as its source (FIFO → FIFO, Standard → Standard)"
                                .into(),
                        ),
                        Some(Spec::Queue(_)) => {}
                        Some(_) => fail(at, "its dead-letter queue must be a queue".into()),
                    }
                }
            }
            Spec::Consumer(k) => {
                if k.processing_time_ms > MAX_PROCESSING_TIME_MS {
                    fail(at, "processing_time_ms must be at most one hour (3,600,000 ms)".into());
                }
                if !(1..=MAX_CONCURRENCY).contains(&k.concurrency) {
                    fail(at, format!("concurrency must be between 1 and {MAX_CONCURRENCY}"));
                }
                if !(1..=MAX_INSTANCES).contains(&k.instances) {
                    fail(at, format!("instances must be between 1 and {MAX_INSTANCES}"));
                }
                if !ratio(k.failure_ratio) {
                    fail(at, "failure_ratio must be between 0 and 1".into());
                }
                if !(1..=MAX_BATCH_SIZE).contains(&k.batch_size) {
                    fail(at, format!("batch_size must be between 1 and {MAX_BATCH_SIZE}"));
                }
                if !(MIN_POLL_INTERVAL_MS..=MAX_POLL_INTERVAL_MS).contains(&k.poll_interval_ms) {
                    fail(at, format!("poll_interval_ms must be between {MIN_POLL_INTERVAL_MS} and {MAX_POLL_INTERVAL_MS}"));
                }
                if let Some(message) = runs_on_problem(scenario, k.runs_on.as_ref()) {
                    fail(at, message);
                }
            }
            // The cluster's settings are checked together below, by the
            // cluster engine's own rules.
            Spec::Node(_) | Spec::Deployment(_) | Spec::Service(_) | Spec::Ingress(_) | Spec::ControlPlane(_) => {}
        }
    }

    if let Some(spec) = scenario.cluster_spec() {
        let control_planes: Vec<&str> = scenario
            .components
            .iter()
            .filter(|c| c.kind() == ComponentKind::ControlPlane)
            .map(|c| c.id.as_str())
            .collect();
        match control_planes.len() {
            1 => {}
            0 => fail(
                "cluster",
                "a cluster needs exactly one control plane: add a control-plane component".into(),
            ),
            n => fail(
                "cluster",
                format!("a cluster has exactly one control plane, not {n}: remove all but one"),
            ),
        }
        if let Err(problems) = spec.validate() {
            for message in problems.0 {
                // The cluster names items by their names, which are the
                // component ids: point at the component the message quotes.
                let at = scenario
                    .components
                    .iter()
                    .filter(|c| c.kind().is_cluster() && message.contains(&format!("'{}'", c.id.as_str())))
                    .map(|c| c.id.as_str())
                    .max_by_key(|id| id.len())
                    .or_else(|| {
                        (message.starts_with("etcd") || message.starts_with("kube-") || message.contains("_ms"))
                            .then(|| control_planes.first().copied())
                            .flatten()
                    })
                    .map(printable)
                    .unwrap_or_else(|| "cluster".to_string());
                fail(&at, message);
            }
        }
    }

    let mut seen = BTreeSet::new();
    for w in &scenario.wires {
        let at = format!("wire {} → {}", printable(w.from.as_str()), printable(w.to.as_str()));
        let from = scenario.component(&w.from);
        let to = scenario.component(&w.to);
        if from.is_none() {
            fail(&at, format!("there is no component '{}'", printable(w.from.as_str())));
        }
        if to.is_none() {
            fail(&at, format!("there is no component '{}'", printable(w.to.as_str())));
        }
        if let (Some(from), Some(to)) = (from, to) {
            if w.from == w.to {
                fail(&at, "a component cannot be wired to itself".into());
            } else if let Err(reason) = component_connection_rule(from, to) {
                fail(&at, reason.to_string());
            }
            let into_ingress = to.kind() == ComponentKind::Ingress;
            let request_set = !w.host.is_empty() || w.path != DEFAULT_REQUEST_PATH;
            if request_set && !into_ingress {
                fail(&at, "only a wire into an ingress carries a host and path".into());
            }
            if !w.path.starts_with('/') || w.path.chars().count() > MAX_TEXT_CHARS {
                fail(&at, format!("a request path starts with '/' and is at most {MAX_TEXT_CHARS} characters"));
            }
            if w.host.chars().count() > MAX_TEXT_CHARS
                || !w.host.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '.' || ch == '-')
            {
                fail(&at, format!("a host is at most {MAX_TEXT_CHARS} letters, digits, '.' or '-'"));
            }
            let subscription = from.kind() == ComponentKind::Topic;
            if let Some(policy) = &w.filter_policy {
                if !subscription {
                    fail(&at, "only a topic's subscriptions have filter policies".into());
                }
                if policy.len() > MAX_FILTER_KEYS {
                    fail(&at, format!("a filter policy has at most {MAX_FILTER_KEYS} keys"));
                }
                let combinations = policy.values().fold(1usize, |n, conditions| n.saturating_mul(conditions.len().max(1)));
                if combinations > MAX_FILTER_COMBINATIONS {
                    fail(&at, format!("a filter policy allows at most {MAX_FILTER_COMBINATIONS} combinations of values"));
                }
                for (key, conditions) in policy {
                    if !short_text(key) {
                        fail(&at, format!("a filter key is 1–{MAX_TEXT_CHARS} characters"));
                    }
                    if conditions.is_empty() {
                        fail(&at, format!("filter key '{}' has no condition", printable(key)));
                    }
                    for condition in conditions {
                        let ok = match condition {
                            FilterCondition::Exact(v) | FilterCondition::Prefix(v) => v.chars().count() <= MAX_TEXT_CHARS,
                            FilterCondition::AnythingBut(vs) => {
                                !vs.is_empty() && vs.len() <= MAX_ATTRIBUTE_VALUES && vs.iter().all(|v| v.chars().count() <= MAX_TEXT_CHARS)
                            }
                            FilterCondition::Numeric(_, n) => n.is_finite(),
                            FilterCondition::Exists(_) => true,
                        };
                        if !ok {
                            fail(&at, format!("filter key '{}' has a condition that cannot be used", printable(key)));
                        }
                    }
                }
            }
            if let Some(dlq) = &w.dead_letter_queue {
                if !subscription {
                    fail(&at, "only a topic's subscriptions have a dead-letter queue".into());
                }
                match (scenario.component(dlq).map(|d| &d.spec), &from.spec) {
                    (Some(Spec::Queue(q)), Spec::Topic(t)) if q.fifo != t.fifo => fail(
                        &at,
                        "a subscription's dead-letter queue must be FIFO exactly when the topic is".into(),
                    ),
                    (Some(Spec::Queue(_)), _) => {}
                    (Some(_), _) => fail(&at, "a subscription's dead-letter queue must be a queue".into()),
                    (None, _) => fail(&at, format!("its dead-letter queue '{}' does not exist", printable(dlq.as_str()))),
                }
            }
        }
        if !seen.insert((&w.from, &w.to)) {
            fail(&at, "the same wire appears twice".into());
        }
        if w.latency_ms > MAX_WIRE_LATENCY_MS {
            fail(&at, format!("latency_ms must be at most {MAX_WIRE_LATENCY_MS}"));
        }
    }

    if scenario.faults.len() > MAX_FAULTS {
        fail("fault script", format!("at most {MAX_FAULTS} scheduled faults"));
    }
    for (i, scheduled) in scenario.faults.iter().enumerate().take(MAX_FAULTS) {
        let at = format!("fault {} (at {} ms)", i + 1, scheduled.at_ms);
        if scheduled.at_ms > MAX_FAULT_AT_MS {
            fail(&at, "a fault happens at most 30 days into the run".into());
        }
        for message in fault_problems(scenario, &scheduled.fault) {
            fail(&at, message);
        }
    }

    validate_lesson(scenario, &mut fail);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// What is wrong with a fault in this scenario (a fault script entry or a
/// lesson step's action): the component, wire or zone it names must exist
/// and be of a kind the fault applies to, and its value must make sense.
fn fault_problems(scenario: &Scenario, fault: &Fault) -> Vec<String> {
    let mut problems = Vec::new();
    let mut fail = |message: String| problems.push(message);
    if let Fault::KillZone(zone) | Fault::ReviveZone(zone) = fault {
        let known = scenario.components.iter().any(|c| matches!(&c.spec, Spec::Node(n) if &n.zone == zone));
        if !known {
            fail(format!("no node is in zone '{}'", printable(zone)));
        }
        return problems;
    }
    let Some(target) = fault.target() else { return problems };
    let Some(component) = scenario.component(target) else {
        fail(format!("there is no component '{}'", printable(target.as_str())));
        return problems;
    };
    let kind = component.kind();
    match fault {
        Fault::Kill(_) | Fault::Revive(_) => {
            if !matches!(kind, ComponentKind::Publisher | ComponentKind::Consumer | ComponentKind::Node) {
                fail("only publishers, consumers and nodes can be killed or revived".into());
            }
        }
        Fault::Slow(_, factor) => {
            if kind != ComponentKind::Consumer {
                fail("only consumers can be slowed down".into());
            }
            if !(factor.is_finite() && (MIN_SLOW_FACTOR..=MAX_SLOW_FACTOR).contains(factor)) {
                fail(format!("a slow-down factor is between {MIN_SLOW_FACTOR} and {MAX_SLOW_FACTOR}"));
            }
        }
        Fault::Partition(..) | Fault::Heal(..) | Fault::Delay(..) | Fault::Loss(..) => {
            let (from, to) = fault.wire().expect("wire faults have two ends");
            if !scenario.has_wire(from, to) {
                fail(format!("there is no wire {} → {}", printable(from.as_str()), printable(to.as_str())));
            }
            match fault {
                Fault::Delay(_, _, ms) if *ms > MAX_WIRE_LATENCY_MS => {
                    fail(format!("an added delay is at most {MAX_WIRE_LATENCY_MS} ms"))
                }
                Fault::Loss(_, _, r) if !ratio(*r) => fail("a loss ratio is between 0 and 1".into()),
                _ => {}
            }
        }
        Fault::KillPod(_) | Fault::CrashLoop(..) => {
            if kind != ComponentKind::Deployment {
                fail("pods are killed or crash-looped through their deployment: name a deployment".into());
            }
        }
        Fault::Scale(_, replicas) => {
            if kind != ComponentKind::Deployment {
                fail("only a deployment can be scaled".into());
            } else if *replicas > crate::cluster::MAX_REPLICAS {
                fail(format!("a deployment can have at most {} replicas", crate::cluster::MAX_REPLICAS));
            }
        }
        Fault::Cordon(..) | Fault::Drain(_) => {
            if kind != ComponentKind::Node {
                fail("only a node can be cordoned or drained".into());
            }
        }
        Fault::KillEtcdMember(_, member) | Fault::ReviveEtcdMember(_, member) => match &component.spec {
            Spec::ControlPlane(cp) => {
                if *member >= cp.control_plane.etcd_members {
                    fail(format!(
                        "etcd members are numbered 0 to {}; there is no member {member}",
                        cp.control_plane.etcd_members.saturating_sub(1)
                    ));
                }
            }
            _ => fail("etcd members belong to the control plane: name the control-plane component".into()),
        },
        Fault::KillScheduler(_)
        | Fault::ReviveScheduler(_)
        | Fault::KillControllerManager(_)
        | Fault::ReviveControllerManager(_) => {
            if kind != ComponentKind::ControlPlane {
                fail(
                    "kube-scheduler and kube-controller-manager belong to the control plane: name the control-plane component"
                        .into(),
                );
            }
        }
        Fault::KillZone(_) | Fault::ReviveZone(_) => {}
    }
    problems
}

/// The lesson's steps: short captions, known components, faults that apply,
/// end times that only move forward, and checks that can be measured.
fn validate_lesson(scenario: &Scenario, fail: &mut impl FnMut(&str, String)) {
    if scenario.lesson.len() > MAX_LESSON_STEPS {
        fail(
            "lesson",
            format!("{} steps; a lesson has at most {MAX_LESSON_STEPS}", scenario.lesson.len()),
        );
        return;
    }
    let mut previous_end_ms = 0;
    for (i, step) in scenario.lesson.iter().enumerate() {
        let at = format!("lesson step {}", i + 1);
        let caption = &step.caption;
        if caption.en.trim().is_empty() {
            fail(&at, "the English caption is empty".into());
        }
        for (language, text) in [("English", &caption.en), ("Korean", &caption.ko)] {
            if text.chars().count() > MAX_CAPTION_CHARS {
                fail(&at, format!("the {language} caption is longer than {MAX_CAPTION_CHARS} characters"));
            }
        }
        if let Some(visible) = &step.visible {
            if visible.len() > MAX_COMPONENTS {
                fail(&at, format!("at most {MAX_COMPONENTS} visible components"));
            } else {
                for id in visible.iter().filter(|id| scenario.component(id).is_none()) {
                    fail(&at, format!("shows '{}', but there is no such component", printable(id.as_str())));
                }
            }
        }
        if step.actions.len() > MAX_STEP_ACTIONS {
            fail(&at, format!("at most {MAX_STEP_ACTIONS} actions per step"));
        } else {
            for (n, action) in step.actions.iter().enumerate() {
                for message in fault_problems(scenario, action) {
                    fail(&at, format!("action {}: {message}", n + 1));
                }
            }
        }
        if let Some(end_ms) = step.run_until_ms {
            if end_ms > MAX_FAULT_AT_MS {
                fail(&at, "run_until_ms reaches at most 30 days into the run".into());
            } else if end_ms < previous_end_ms {
                fail(
                    &at,
                    format!("run_until_ms is {end_ms}, before the previous step's {previous_end_ms}: time only moves forward"),
                );
            }
            previous_end_ms = previous_end_ms.max(end_ms);
        }
        if let Some(check) = &step.check {
            if let Some(message) = check_problem(scenario, check) {
                fail(&at, format!("check: {message}"));
            }
        }
    }
}

/// Why a lesson check cannot be measured in this scenario, if it cannot.
fn check_problem(scenario: &Scenario, check: &Check) -> Option<String> {
    let metric = check.metric;
    if check.value > MAX_CHECK_VALUE {
        return Some(format!("the value is at most {MAX_CHECK_VALUE}"));
    }
    if metric.is_cluster() && !scenario.has_cluster() {
        return Some(format!("'{}' counts cluster parts, and this scenario has no cluster", metric.as_str()));
    }
    let id = check.of.as_ref()?;
    let Some(component) = scenario.component(id) else {
        return Some(format!("there is no component '{}'", printable(id.as_str())));
    };
    let kinds = metric.measured_of();
    if kinds.is_empty() {
        return Some(format!("'{}' is measured for the whole scenario: remove \"of\"", metric.as_str()));
    }
    if !kinds.contains(&component.kind()) {
        let names: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
        return Some(format!(
            "'{}' is measured of a {}, and '{}' is a {}",
            metric.as_str(),
            names.join(" or "),
            printable(id.as_str()),
            component.kind().as_str()
        ));
    }
    None
}

/// Why a publisher's or consumer's `runs_on` cannot be used, if it cannot.
fn runs_on_problem(scenario: &Scenario, runs_on: Option<&super::ComponentId>) -> Option<String> {
    let id = runs_on?;
    match scenario.component(id).map(|c| c.kind()) {
        Some(ComponentKind::Deployment) => None,
        Some(_) => Some(format!("runs_on must name a deployment; '{}' is not one", printable(id.as_str()))),
        None => Some(format!("runs_on names '{}', but there is no such deployment", printable(id.as_str()))),
    }
}

/// A ratio is a finite number from 0 to 1.
fn ratio(value: f64) -> bool {
    value.is_finite() && (0.0..=1.0).contains(&value)
}

/// Names and values of attributes: 1 – 40 characters.
fn short_text(text: &str) -> bool {
    !text.is_empty() && text.chars().count() <= MAX_TEXT_CHARS
}

/// Ids from a hostile link can be huge or full of control characters; show
/// a short, safe excerpt in messages.
fn printable(text: &str) -> String {
    let clean: String = text.chars().filter(|c| !c.is_control()).take(MAX_ID_CHARS).collect();
    if text.chars().count() > MAX_ID_CHARS {
        format!("{clean}…")
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Component, ComponentId, ComponentKind, Wire};

    fn component(id: &str, kind: ComponentKind) -> Component {
        Component { id: ComponentId::new(id), name: id.into(), x: 0.0, y: 0.0, spec: kind.default_spec() }
    }

    #[test]
    fn every_problem_is_named() {
        let mut s = Scenario::default();
        s.components.push(component("shop", ComponentKind::Publisher));
        s.components.push(component("shop", ComponentKind::Consumer));
        s.components.push(component("Bad Id", ComponentKind::Queue));
        s.wires.push(Wire::new(ComponentId::new("shop"), ComponentId::new("ghost")));
        let errors = validate(&s).unwrap_err();
        let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(text.iter().any(|t| t.contains("share this id")), "{text:?}");
        assert!(text.iter().any(|t| t.starts_with("Bad Id")), "{text:?}");
        assert!(text.iter().any(|t| t.contains("no component 'ghost'")), "{text:?}");
    }

    #[test]
    fn absurd_settings_are_refused() {
        let mut s = Scenario::default();
        let mut p = component("p", ComponentKind::Publisher);
        p.spec = Spec::Publisher(crate::scenario::PublisherConfig { rate_per_s: f64::NAN, ..Default::default() });
        s.components.push(p);
        assert!(validate(&s).is_err());
    }

    #[test]
    fn lesson_problems_are_named_and_removal_keeps_a_lesson_valid() {
        use crate::scenario::{Check, Edit, Fault, LessonStep, Metric, NumericOp};
        let mut s = Scenario::default();
        s.components.push(component("shop", ComponentKind::Publisher));
        s.components.push(component("shipping", ComponentKind::Consumer));
        s.wires.push(Wire::new(ComponentId::new("shop"), ComponentId::new("shipping")));
        let mut step = LessonStep::new("Kill Shipping", "Shipping 종료");
        step.visible = Some(vec![ComponentId::new("shop"), ComponentId::new("ghost")]);
        step.actions = vec![Fault::Kill(ComponentId::new("shop")), Fault::Slow(ComponentId::new("shop"), 2.0)];
        step.run_until_ms = Some(5_000);
        step.check = Some(Check { metric: Metric::PodsPending, of: None, op: NumericOp::Equal, value: 0 });
        let mut late = LessonStep::new("", "");
        late.run_until_ms = Some(1_000);
        late.caption.ko = "가".repeat(MAX_CAPTION_CHARS + 1);
        late.check = Some(Check { metric: Metric::Lost, of: Some(ComponentId::new("ghost")), op: NumericOp::Equal, value: 0 });
        s.lesson = vec![step, late];
        let text: Vec<String> = validate(&s).unwrap_err().iter().map(|e| e.to_string()).collect();
        for expected in [
            "lesson step 1: shows 'ghost', but there is no such component",
            "lesson step 1: action 2: only consumers can be slowed down",
            "lesson step 1: check: 'pods_pending' counts cluster parts",
            "lesson step 2: the English caption is empty",
            "lesson step 2: the Korean caption is longer than",
            "lesson step 2: run_until_ms is 1000, before the previous step's 5000",
            "lesson step 2: check: there is no component 'ghost'",
        ] {
            assert!(text.iter().any(|t| t.starts_with(expected)), "{expected}\nin {text:#?}");
        }
        assert_eq!(text.len(), 7, "{text:#?}");

        s.lesson = vec![LessonStep::new("Step", ""); MAX_LESSON_STEPS + 1];
        assert!(validate(&s).unwrap_err()[0].message.contains("at most 12"));

        // Removing a component takes it out of the lesson too.
        let mut step = LessonStep::new("Shipping", "");
        step.visible = Some(vec![ComponentId::new("shop"), ComponentId::new("shipping")]);
        step.actions = vec![Fault::Kill(ComponentId::new("shipping")), Fault::Kill(ComponentId::new("shop"))];
        step.check = Some(Check { metric: Metric::Delivered, of: Some(ComponentId::new("shipping")), op: NumericOp::Greater, value: 0 });
        s.lesson = vec![step];
        validate(&s).expect("valid lesson");
        crate::scenario::apply(&mut s, Edit::RemoveComponent(ComponentId::new("shipping"))).unwrap();
        validate(&s).expect("still valid");
        assert_eq!(s.lesson[0].visible, Some(vec![ComponentId::new("shop")]));
        assert_eq!(s.lesson[0].actions, vec![Fault::Kill(ComponentId::new("shop"))]);
        assert_eq!(s.lesson[0].check, None);
    }

    #[test]
    fn a_future_schema_says_so() {
        let s = Scenario { schema: 99, ..Scenario::default() };
        let errors = validate(&s).unwrap_err();
        assert!(errors[0].message.contains("newer Fanout"));
    }

    #[test]
    fn the_time_scale_stays_within_its_range() {
        for bad in [0.0, -1.0, 5_000.0, f64::NAN, f64::INFINITY] {
            let s = Scenario { time_scale: bad, ..Scenario::default() };
            let errors = validate(&s).unwrap_err();
            assert!(errors[0].message.contains("time scale"), "{bad}: {errors:?}");
        }
        assert!(validate(&Scenario { time_scale: 60.0, skip_idle: true, ..Scenario::default() }).is_ok());
        let mut s = Scenario::default();
        let refused = crate::scenario::apply(&mut s, crate::scenario::Edit::SetPlayback { time_scale: 0.0, skip_idle: true });
        assert!(refused.is_err());
        assert_eq!((s.time_scale, s.skip_idle), (1.0, false), "a refused edit changes nothing");
    }
}
