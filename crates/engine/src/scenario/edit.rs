//! Edits to the document, as data. The editor turns pointer and keyboard
//! input into [`Edit`]s and applies them here; the connection rules (what may
//! wire to what, and why not) live here too, so the app and the tests agree.
//!
//! Undo is a bounded stack of whole documents ([`History`]): scenarios are
//! small, and a snapshot can never drift out of step the way inverse edits can.

use super::{
    Component, ComponentId, ComponentKind, LessonStep, Scenario, ScheduledFault, Spec, Wire, MAX_TIME_SCALE,
    MIN_TIME_SCALE,
};
use std::fmt;

/// One change a person makes to the document.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    AddComponent(Component),
    /// Removes the component and every wire touching it.
    RemoveComponent(ComponentId),
    Move { id: ComponentId, x: f64, y: f64 },
    Rename { id: ComponentId, name: String },
    /// Replaces the settings; the kind must stay the same.
    SetSpec { id: ComponentId, spec: Spec },
    Connect { from: ComponentId, to: ComponentId },
    Disconnect { from: ComponentId, to: ComponentId },
    SetWireLatency { from: ComponentId, to: ComponentId, latency_ms: u64 },
    /// Replaces a wire's settings (latency, filter policy, dead-letter queue);
    /// its ends stay as they are.
    SetWire(Wire),
    SetSeed(u64),
    SetTitle(String),
    SetDescription(String),
    /// Replaces the fault script.
    SetFaults(Vec<ScheduledFault>),
    /// Playback settings saved with the scenario: its time scale and
    /// whether idle stretches are skipped.
    SetPlayback { time_scale: f64, skip_idle: bool },
    /// Replaces the lesson's steps.
    SetLesson(Vec<LessonStep>),
}

/// Why an edit was refused. The message is short enough to show at the cursor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    UnknownComponent(ComponentId),
    DuplicateId(ComponentId),
    KindChanged(ComponentId),
    UnknownWire { from: ComponentId, to: ComponentId },
    /// A wire the connection rules refuse.
    Wire(WireRefusal),
    Refused(String),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::UnknownComponent(id) => write!(f, "there is no component '{id}'"),
            EditError::DuplicateId(id) => write!(f, "a component called '{id}' already exists"),
            EditError::KindChanged(id) => write!(f, "'{id}' cannot change its kind"),
            EditError::UnknownWire { from, to } => write!(f, "there is no wire {from} → {to}"),
            EditError::Wire(reason) => reason.fmt(f),
            EditError::Refused(reason) => f.write_str(reason),
        }
    }
}

impl std::error::Error for EditError {}

/// Why a wire between two components is refused. `Display` is the English
/// sentence shown to the person who tried (and by the CLI); the app says
/// the same in the interface's language from the variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WireRefusal {
    /// From a component to itself.
    ToItself,
    /// The two are wired already.
    AlreadyWired,
    IntoPublisher,
    FromConsumer,
    QueueToTopic,
    QueueToQueue,
    TopicToTopic,
    /// A queue into a service or an ingress: queues are polled, not pushing.
    QueuePushes,
    /// From a cluster part (node, deployment, service, ingress, control plane).
    FromCluster(ComponentKind),
    /// Into a node, deployment or control plane.
    IntoCluster(ComponentKind),
    FifoTopicToStandardQueue,
    StandardQueueFromFifoTopic,
    FifoTopicToConsumer,
    FifoTopicToServiceOrIngress,
}

impl fmt::Display for WireRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let queue_pushes =
            "A queue does not push: its consumers poll it. Run the consumer on a deployment (runs_on) instead.";
        match self {
            WireRefusal::ToItself => f.write_str("A component cannot be wired to itself."),
            WireRefusal::AlreadyWired => f.write_str("These two are already wired."),
            WireRefusal::IntoPublisher => f.write_str("A publisher is where orders start: nothing can deliver to it."),
            WireRefusal::FromConsumer => f.write_str("A consumer only receives: it has no output to wire."),
            WireRefusal::QueueToTopic => {
                f.write_str("A queue cannot push to a topic: SNS delivers into SQS, not the other way.")
            }
            WireRefusal::QueueToQueue => f.write_str("A queue does not forward to another queue."),
            WireRefusal::TopicToTopic => f.write_str("A topic cannot subscribe to another topic."),
            WireRefusal::QueuePushes => f.write_str(queue_pushes),
            WireRefusal::FromCluster(kind) => write!(
                f,
                "A {} is part of the cluster: it sends no messages. Wire a publisher or topic to a service instead.",
                kind.label().to_lowercase()
            ),
            WireRefusal::IntoCluster(kind) => write!(
                f,
                "Messages cannot be wired to a {}: wire to a service, or run a consumer on a deployment (runs_on).",
                kind.label().to_lowercase()
            ),
            WireRefusal::FifoTopicToStandardQueue => f.write_str("A FIFO topic delivers only to FIFO queues."),
            WireRefusal::StandardQueueFromFifoTopic => f.write_str("A FIFO queue can subscribe only to a FIFO topic."),
            WireRefusal::FifoTopicToConsumer => {
                f.write_str("A FIFO topic delivers only to FIFO queues, not straight to a consumer.")
            }
            WireRefusal::FifoTopicToServiceOrIngress => {
                f.write_str("A FIFO topic delivers only to FIFO queues, not to a service or an ingress.")
            }
        }
    }
}

/// Whether a wire from a `from` component to a `to` component makes sense.
/// `Err` carries the reason shown to the person who tried.
pub fn connection_rule(from: ComponentKind, to: ComponentKind) -> Result<(), WireRefusal> {
    use ComponentKind::*;
    match (from, to) {
        (_, Publisher) => Err(WireRefusal::IntoPublisher),
        (Consumer, _) => Err(WireRefusal::FromConsumer),
        (Queue, Topic) => Err(WireRefusal::QueueToTopic),
        (Queue, Queue) => Err(WireRefusal::QueueToQueue),
        (Topic, Topic) => Err(WireRefusal::TopicToTopic),
        (Publisher, Topic | Queue | Consumer) | (Topic, Queue | Consumer) | (Queue, Consumer) => Ok(()),
        // An HTTP call to a Service: kube-proxy picks a Ready pod.
        (Publisher | Topic, Service) => Ok(()),
        // An HTTP request through an Ingress: its rules pick the Service by
        // the wire's host and path.
        (Publisher | Topic, Ingress) => Ok(()),
        (Queue, Service | Ingress) => Err(WireRefusal::QueuePushes),
        (Node | Deployment | Service | Ingress | ControlPlane, _) => Err(WireRefusal::FromCluster(from)),
        (_, Node | Deployment | ControlPlane) => Err(WireRefusal::IntoCluster(to)),
    }
}

/// Whether a wire between these two components makes sense, looking at
/// their settings too: FIFO topics deliver only to FIFO queues, and a FIFO
/// queue can subscribe only to a FIFO topic.
pub fn component_connection_rule(from: &Component, to: &Component) -> Result<(), WireRefusal> {
    connection_rule(from.kind(), to.kind())?;
    match (&from.spec, &to.spec) {
        (Spec::Topic(topic), Spec::Queue(queue)) if topic.fifo != queue.fifo => Err(if topic.fifo {
            WireRefusal::FifoTopicToStandardQueue
        } else {
            WireRefusal::StandardQueueFromFifoTopic
        }),
        (Spec::Topic(topic), Spec::Consumer(_)) if topic.fifo => Err(WireRefusal::FifoTopicToConsumer),
        (Spec::Topic(topic), Spec::Service(_) | Spec::Ingress(_)) if topic.fifo => {
            Err(WireRefusal::FifoTopicToServiceOrIngress)
        }
        _ => Ok(()),
    }
}

/// Checks a prospective wire against the document: both ends exist, the kinds
/// may connect, it is not a loop onto itself and not a duplicate.
pub fn check_connect(scenario: &Scenario, from: &ComponentId, to: &ComponentId) -> Result<(), EditError> {
    if from == to {
        return Err(EditError::Wire(WireRefusal::ToItself));
    }
    let from_component = scenario.component(from).ok_or_else(|| EditError::UnknownComponent(from.clone()))?;
    let to_component = scenario.component(to).ok_or_else(|| EditError::UnknownComponent(to.clone()))?;
    component_connection_rule(from_component, to_component).map_err(EditError::Wire)?;
    if scenario.has_wire(from, to) {
        return Err(EditError::Wire(WireRefusal::AlreadyWired));
    }
    Ok(())
}

/// Applies one edit, or leaves the document untouched and says why not.
pub fn apply(scenario: &mut Scenario, edit: Edit) -> Result<(), EditError> {
    match edit {
        Edit::AddComponent(component) => {
            if scenario.component(&component.id).is_some() {
                return Err(EditError::DuplicateId(component.id));
            }
            scenario.components.push(component);
        }
        Edit::RemoveComponent(id) => {
            let before = scenario.components.len();
            scenario.components.retain(|c| c.id != id);
            if scenario.components.len() == before {
                return Err(EditError::UnknownComponent(id));
            }
            // Nothing may keep pointing at what is gone: its wires, faults
            // that target it, and dead-letter settings that name it.
            scenario.wires.retain(|w| w.from != id && w.to != id);
            scenario.faults.retain(|f| f.fault.target() != Some(&id) && f.fault.wire().is_none_or(|(_, to)| to != &id));
            // A lesson no longer shows it, acts on it or measures it.
            for step in &mut scenario.lesson {
                if let Some(visible) = &mut step.visible {
                    visible.retain(|v| v != &id);
                }
                step.actions.retain(|a| a.target() != Some(&id) && a.wire().is_none_or(|(_, to)| to != &id));
                if step.check.as_ref().is_some_and(|c| c.of.as_ref() == Some(&id)) {
                    step.check = None;
                }
            }
            for wire in &mut scenario.wires {
                if wire.dead_letter_queue.as_ref() == Some(&id) {
                    wire.dead_letter_queue = None;
                }
            }
            for component in &mut scenario.components {
                match &mut component.spec {
                    Spec::Queue(queue) => {
                        if queue.redrive.as_ref().is_some_and(|r| r.dead_letter_queue == id) {
                            queue.redrive = None;
                        }
                    }
                    // What ran on a removed deployment runs outside the cluster.
                    Spec::Consumer(consumer) if consumer.runs_on.as_ref() == Some(&id) => consumer.runs_on = None,
                    Spec::Publisher(publisher) if publisher.runs_on.as_ref() == Some(&id) => {
                        publisher.runs_on = None
                    }
                    Spec::Ingress(ingress) => ingress.rules.retain(|r| r.service != id.as_str()),
                    _ => {}
                }
            }
        }
        Edit::Move { id, x, y } => {
            let component = scenario.component_mut(&id).ok_or(EditError::UnknownComponent(id))?;
            component.x = x;
            component.y = y;
        }
        Edit::Rename { id, name } => {
            let component = scenario.component_mut(&id).ok_or(EditError::UnknownComponent(id))?;
            component.name = name;
        }
        Edit::SetSpec { id, spec } => {
            let component =
                scenario.component_mut(&id).ok_or_else(|| EditError::UnknownComponent(id.clone()))?;
            if component.kind() != spec.kind() {
                return Err(EditError::KindChanged(id));
            }
            component.spec = spec;
        }
        Edit::Connect { from, to } => {
            check_connect(scenario, &from, &to)?;
            scenario.wires.push(Wire::new(from, to));
        }
        Edit::Disconnect { from, to } => {
            let before = scenario.wires.len();
            scenario.wires.retain(|w| !(w.from == from && w.to == to));
            if scenario.wires.len() == before {
                return Err(EditError::UnknownWire { from, to });
            }
            scenario.faults.retain(|f| f.fault.wire() != Some((&from, &to)));
            for step in &mut scenario.lesson {
                step.actions.retain(|a| a.wire() != Some((&from, &to)));
            }
        }
        Edit::SetWireLatency { from, to, latency_ms } => {
            let wire = scenario
                .wires
                .iter_mut()
                .find(|w| w.from == from && w.to == to)
                .ok_or(EditError::UnknownWire { from, to })?;
            wire.latency_ms = latency_ms;
        }
        Edit::SetWire(new) => {
            let wire = scenario
                .wires
                .iter_mut()
                .find(|w| w.from == new.from && w.to == new.to)
                .ok_or_else(|| EditError::UnknownWire { from: new.from.clone(), to: new.to.clone() })?;
            *wire = new;
        }
        Edit::SetSeed(seed) => scenario.seed = seed,
        Edit::SetTitle(title) => scenario.title = title,
        Edit::SetPlayback { time_scale, skip_idle } => {
            if !(MIN_TIME_SCALE..=MAX_TIME_SCALE).contains(&time_scale) {
                return Err(EditError::Refused(format!(
                    "the time scale is {MIN_TIME_SCALE}× to {MAX_TIME_SCALE}× real time"
                )));
            }
            scenario.time_scale = time_scale;
            scenario.skip_idle = skip_idle;
        }
        Edit::SetDescription(description) => scenario.description = description,
        Edit::SetFaults(faults) => scenario.faults = faults,
        Edit::SetLesson(steps) => scenario.lesson = steps,
    }
    Ok(())
}

/// The editor's document with undo and redo.
#[derive(Clone, Debug, PartialEq)]
pub struct History {
    current: Scenario,
    past: Vec<Scenario>,
    future: Vec<Scenario>,
}

/// How many steps back undo reaches.
pub const UNDO_LIMIT: usize = 200;

impl History {
    pub fn new(scenario: Scenario) -> Self {
        History { current: scenario, past: Vec::new(), future: Vec::new() }
    }

    pub fn current(&self) -> &Scenario {
        &self.current
    }

    /// Applies an edit as one undoable step.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        self.apply_all(vec![edit])
    }

    /// Applies several edits as one undoable step, all or none.
    pub fn apply_all(&mut self, edits: Vec<Edit>) -> Result<(), EditError> {
        let mut next = self.current.clone();
        for edit in edits {
            apply(&mut next, edit)?;
        }
        if next != self.current {
            self.push(next);
        }
        Ok(())
    }

    /// Replaces the whole document (loading a preset or a file) as one
    /// undoable step, so loading never destroys what was there.
    pub fn replace(&mut self, scenario: Scenario) {
        if scenario != self.current {
            self.push(scenario);
        }
    }

    fn push(&mut self, next: Scenario) {
        let previous = std::mem::replace(&mut self.current, next);
        self.past.push(previous);
        if self.past.len() > UNDO_LIMIT {
            self.past.remove(0);
        }
        self.future.clear();
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    pub fn undo(&mut self) -> bool {
        match self.past.pop() {
            Some(previous) => {
                let current = std::mem::replace(&mut self.current, previous);
                self.future.push(current);
                true
            }
            None => false,
        }
    }

    pub fn redo(&mut self) -> bool {
        match self.future.pop() {
            Some(next) => {
                let current = std::mem::replace(&mut self.current, next);
                self.past.push(current);
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add(history: &mut History, kind: ComponentKind) -> ComponentId {
        let id = history.current().next_id(kind);
        let component =
            Component { id: id.clone(), name: kind.label().into(), x: 0.0, y: 0.0, spec: kind.default_spec() };
        history.apply(Edit::AddComponent(component)).unwrap();
        id
    }

    #[test]
    fn wires_that_make_no_sense_are_refused_with_a_reason() {
        let mut h = History::new(Scenario::default());
        let publisher = add(&mut h, ComponentKind::Publisher);
        let topic = add(&mut h, ComponentKind::Topic);
        let queue = add(&mut h, ComponentKind::Queue);
        let consumer = add(&mut h, ComponentKind::Consumer);

        for (from, to) in [(&consumer, &publisher), (&queue, &topic), (&publisher, &publisher)] {
            let err = h.apply(Edit::Connect { from: from.clone(), to: to.clone() }).unwrap_err();
            assert!(matches!(err, EditError::Wire(_)), "{from} → {to} should be refused");
        }
        h.apply(Edit::Connect { from: publisher.clone(), to: topic.clone() }).unwrap();
        h.apply(Edit::Connect { from: topic.clone(), to: queue.clone() }).unwrap();
        h.apply(Edit::Connect { from: queue.clone(), to: consumer.clone() }).unwrap();
        let again = h.apply(Edit::Connect { from: queue, to: consumer });
        assert!(again.is_err(), "a duplicate wire is refused");
        assert_eq!(h.current().wires.len(), 3);
    }

    #[test]
    fn every_edit_undoes_and_redoes() {
        let mut h = History::new(Scenario::default());
        let publisher = add(&mut h, ComponentKind::Publisher);
        let consumer = add(&mut h, ComponentKind::Consumer);
        h.apply(Edit::Connect { from: publisher.clone(), to: consumer.clone() }).unwrap();
        h.apply(Edit::Move { id: consumer.clone(), x: 10.0, y: 20.0 }).unwrap();
        h.apply(Edit::RemoveComponent(publisher)).unwrap();
        assert!(h.current().wires.is_empty(), "removing a component removes its wires");

        let after = h.current().clone();
        let mut steps = 0;
        while h.undo() {
            steps += 1;
        }
        assert_eq!(steps, 5);
        assert_eq!(h.current(), &Scenario::default());
        while h.redo() {}
        assert_eq!(h.current(), &after);
    }

    #[test]
    fn a_refused_edit_changes_nothing_and_is_not_an_undo_step() {
        let mut h = History::new(Scenario::default());
        let consumer = add(&mut h, ComponentKind::Consumer);
        let before = h.clone();
        assert!(h.apply(Edit::SetSpec { id: consumer, spec: ComponentKind::Queue.default_spec() }).is_err());
        assert_eq!(h, before);
    }
}
