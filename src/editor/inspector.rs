//! The inspector: the settings of whatever is selected, each with its unit,
//! its documented default and what it does. A value is checked against the
//! same limits as a loaded file (`validate`) before it becomes an edit, so a
//! bad value is explained beside its field and never reaches the document.
//!
//! Number settings are described once, in tables ([`NumberSetting`]), and
//! drawn by one function, which keeps the panels consistent and the wasm small.
//! The broker's panels live here; the cluster's (nodes, deployments,
//! services, ingresses, the control plane, and where a consumer or publisher
//! runs) are in `cluster_inspector.rs`, built from the same parts.

use super::cluster_inspector::{
    control_plane_settings, deployment_settings, ingress_settings, node_settings, runs_on_field, service_settings,
};
use super::fields::{advanced, group, remark, CheckField, Commit, Echo, SelectField, TextField};
use super::format;
use super::icons::kind_icon;
use super::lists::{attributes_editor, filter_editor};
use super::parse::{
    cpu_text, memory_text, parse_duration_ms, parse_mebibytes, parse_millicores, parse_ratio, parse_whole, sentence,
    strip_separators, thousands,
};
use super::{component_help, component_label, is_fifo, Selection};
use fanout_engine::scenario::validate::*;
use fanout_engine::scenario::{
    AckMode, ArrivalPattern, Component, ComponentId, Edit, MessageGroup, RedrivePolicy, Scenario, Spec,
    Wire, DEFAULT_REQUEST_PATH, DEFAULT_WIRE_LATENCY_MS,
};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InspectorProps {
    pub scenario: Rc<Scenario>,
    pub selection: Option<Selection>,
    pub on_edit: Callback<Edit>,
    pub on_select: Callback<Option<Selection>>,
}

#[function_component(Inspector)]
pub fn inspector(props: &InspectorProps) -> Html {
    let body = match &props.selection {
        Some(Selection::Component(id)) => props.scenario.component(id).map(|c| component_panel(c, props)),
        Some(Selection::Wire { from, to }) => props
            .scenario
            .wires
            .iter()
            .find(|w| &w.from == from && &w.to == to)
            .map(|w| wire_panel(w, props)),
        None => None,
    };
    html! {
        <aside class="inspector" aria-label="Inspector">
            { body.unwrap_or_else(|| scenario_panel(props)) }
        </aside>
    }
}

/// How a number setting is typed, checked and shown.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Number {
    /// A whole number of these ("retries").
    Whole(&'static str),
    /// Milliseconds; typed with or without a unit, echoed as a duration.
    Duration,
    /// A fraction from 0 to 1, echoed as a percentage.
    Ratio,
    /// Messages per second, more than 0.
    Rate,
    /// CPU in millicores; typed as `500m` or `2 cpu` too, echoed as CPUs.
    Millicores,
    /// Memory in MiB; typed as `8 Gi` too, echoed in GiB.
    Mebibytes,
}

/// One number setting of a component: where it lives in the document, its
/// limits (the `validate` constants), its default's source and what it does.
pub(super) struct NumberSetting {
    /// The name in the document; the test hook is `field-<name>`.
    pub(super) name: &'static str,
    pub(super) label: &'static str,
    pub(super) unit: &'static str,
    pub(super) number: Number,
    pub(super) min: u64,
    pub(super) max: u64,
    /// Where the default comes from ("SQS"), shown after it; may be empty.
    pub(super) source: &'static str,
    pub(super) help: &'static str,
    pub(super) get: fn(&Spec) -> f64,
    pub(super) set: fn(&mut Spec, f64),
}

impl NumberSetting {
    pub(super) fn parse(&self, text: &str) -> Result<f64, String> {
        match self.number {
            Number::Whole(what) => parse_whole(text, what, self.min, self.max).map(|v| v as f64),
            Number::Duration => parse_duration_ms(text, self.min, self.max).map(|v| v as f64),
            Number::Millicores => parse_millicores(text, self.min, self.max).map(|v| v as f64),
            Number::Mebibytes => parse_mebibytes(text, self.min, self.max).map(|v| v as f64),
            Number::Ratio => parse_ratio(text),
            Number::Rate => match strip_separators(text).parse::<f64>() {
                Ok(v) if v > 0.0 && v <= self.max as f64 => Ok(v),
                _ => Err(format!("Enter a rate of more than 0 and at most {} msg/s.", thousands(self.max))),
            },
        }
    }

    /// The value as a person reads it (the default note).
    fn show(&self, value: f64) -> String {
        match self.number {
            Number::Whole(_) => thousands(value as u64),
            Number::Duration => format::duration_ms(value as u64),
            Number::Millicores => format!("{} ({})", thousands(value as u64), cpu_text(value as u64)),
            Number::Mebibytes => format!("{} ({})", thousands(value as u64), memory_text(value as u64)),
            Number::Ratio | Number::Rate => format::number(value),
        }
    }
}

/// The getter and setter of one field of one kind's settings.
macro_rules! access {
    ($variant:ident . $field:ident as $ty:ty) => {
        (
            |spec: &Spec| match spec {
                Spec::$variant(c) => c.$field as f64,
                _ => 0.0,
            },
            |spec: &mut Spec, value: f64| {
                if let Spec::$variant(c) = spec {
                    c.$field = value as $ty;
                }
            },
        )
    };
}

/// A [`NumberSetting`] with its accessors, written as a table row.
macro_rules! setting {
    ($variant:ident . $name:ident as $ty:ty, $label:literal, $unit:literal, $number:expr, $min:expr, $max:expr, $source:literal, $help:expr) => {{
        let (get, set) = access!($variant.$name as $ty);
        NumberSetting {
            name: stringify!($name),
            label: $label,
            unit: $unit,
            number: $number,
            min: $min as u64,
            max: $max as u64,
            source: $source,
            help: $help,
            get,
            set,
        }
    }};
}

fn component_panel(c: &Component, props: &InspectorProps) -> Html {
    let kind = c.kind();
    let id = c.id.clone();
    let name_commit = {
        let (id, current, on_edit) = (id.clone(), c.name.clone(), props.on_edit.clone());
        Commit::from(move |text: String| {
            let name = text.trim().to_string();
            if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
                return Err(format!("A name is 1 to {MAX_NAME_CHARS} characters."));
            }
            if name != current {
                on_edit.emit(Edit::Rename { id: id.clone(), name });
            }
            Ok(())
        })
    };
    let settings = match &c.spec {
        Spec::Publisher(p) => publisher_settings(c, p, props),
        Spec::Topic(t) => topic_settings(c, t.fifo, props),
        Spec::Queue(q) => queue_settings(c, q, props),
        Spec::Consumer(k) => consumer_settings(c, k, props),
        Spec::Node(n) => node_settings(c, n, props),
        Spec::Deployment(d) => deployment_settings(c, d, props),
        Spec::Service(s) => service_settings(c, s, props),
        Spec::Ingress(i) => ingress_settings(c, i, props),
        Spec::ControlPlane(cp) => control_plane_settings(c, cp, props),
    };
    let on_delete = {
        let (id, on_edit, on_select) = (id.clone(), props.on_edit.clone(), props.on_select.clone());
        Callback::from(move |_| {
            on_edit.emit(Edit::RemoveComponent(id.clone()));
            on_select.emit(None);
        })
    };
    html! {
        <section class="inspector-body">
            <header class={classes!("inspector-head", format!("kind-{}", kind.as_str()))}>
                { kind_icon(kind, 26) }
                <div>
                    <h2>{ component_label(c) }</h2>
                    <code class="component-id" title="The id used in links and the event log">{ id.as_str() }</code>
                </div>
            </header>
            <p class="inspector-intro">{ component_help(c) }</p>
            <TextField key={format!("{id}:name")} setting="name" label="Name" value={c.name.clone()} inputmode="text"
                help="The label shown on the box." on_commit={name_commit} />
            { settings }
            <div class="inspector-actions">
                <button type="button" class="button danger" data-testid="delete" onclick={on_delete}
                        title="Delete this component and its wires (Delete key)">
                    { format!("Delete {}", kind.label()) }
                </button>
            </div>
        </section>
    }
}

/// One number setting of `c` as a field.
fn number_field(setting: &'static NumberSetting, c: &Component, props: &InspectorProps) -> Html {
    let value = (setting.get)(&c.spec);
    let default = setting.show((setting.get)(&c.kind().default_spec()));
    let default_note = if setting.source.is_empty() {
        format!("default {default}")
    } else {
        format!("default {default} — {}", setting.source)
    };
    let (text, echo) = match setting.number {
        Number::Ratio => (value.to_string(), Echo::Percent),
        Number::Rate => (format::number(value), Echo::None),
        Number::Duration => ((value as u64).to_string(), Echo::Duration),
        Number::Millicores => ((value as u64).to_string(), Echo::Millicores),
        Number::Mebibytes => ((value as u64).to_string(), Echo::Mebibytes),
        Number::Whole(_) => ((value as u64).to_string(), Echo::None),
    };
    let commit = spec_commit(
        props,
        c,
        Rc::new(move |spec: &mut Spec, text: &str| {
            let value = setting.parse(text)?;
            (setting.set)(spec, value);
            Ok(())
        }),
    );
    html! {
        <TextField key={format!("{}:{}", c.id, setting.name)} setting={setting.name} label={setting.label}
            unit={setting.unit} value={text} default_note={default_note} help={setting.help}
            echo={echo} on_commit={commit} />
    }
}

pub(super) fn number_fields(settings: &'static [NumberSetting], c: &Component, props: &InspectorProps) -> Html {
    settings.iter().map(|s| number_field(s, c, props)).collect()
}

fn publisher_settings(
    c: &Component,
    p: &fanout_engine::scenario::PublisherConfig,
    props: &InspectorProps,
) -> Html {
    static THROUGHPUT: [NumberSetting; 1] = [setting!(Publisher.rate_per_s as f64, "Rate", "msg/s", Number::Rate, 0, MAX_RATE_PER_S, "",
        "How many orders this publisher creates per second. Each one is sent down every outgoing wire.")];
    static MESSAGE: [NumberSetting; 1] = [setting!(Publisher.message_delay_ms as u64, "Message delay", "ms", Number::Duration, 0, MAX_DELAY_MS, "SQS",
        "SQS DelaySeconds on send: a queue keeps each new order invisible this long before a consumer can receive it (0 – 900 s). Adds to the queue's own delay setting.")];
    static RELIABILITY: [NumberSetting; 2] = [
        setting!(Publisher.poison_every as u32, "Poison message every", "orders", Number::Whole("orders"), 0, u32::MAX, "none",
            "Every Nth order is a poison message that no consumer can process: it fails every time, so it is received again and again until a redrive policy moves it to a dead-letter queue. 0 means none."),
        setting!(Publisher.resend_ratio as f64, "Resend ratio", "0–1", Number::Ratio, 0, 1, "",
            "The fraction of orders the publisher sends twice, as a client retrying after a timeout would. A FIFO queue or topic drops the second copy within its 5-minute deduplication window; a Standard one delivers both."),
    ];
    let pattern = spec_commit(
        props,
        c,
        Rc::new(|spec: &mut Spec, text: &str| {
            if let Spec::Publisher(p) = spec {
                p.pattern = if text == "poisson" { ArrivalPattern::Poisson } else { ArrivalPattern::Constant };
            }
            Ok(())
        }),
    );
    let pattern_value = if p.pattern == ArrivalPattern::Poisson { "poisson" } else { "constant" };
    html! {
        <>
            { group("Throughput", html! {
                <>
                    { runs_on_field(c, p.runs_on.as_ref(), props) }
                    { number_fields(&THROUGHPUT, c, props) }
                    <SelectField key={format!("{}:pattern", c.id)} setting="pattern" label="Arrival pattern"
                        value={pattern_value.to_string()}
                        options={options(&[("constant", "Steady (equal gaps)"), ("poisson", "Poisson (random gaps)")])}
                        default_note="default steady"
                        help="Steady: exactly 1/rate apart. Poisson: random, exponentially distributed gaps with the same average, as real traffic arrives."
                        on_change={pattern} />
                </>
            }) }
            { group("Message", html! {
                <>
                    { attributes_editor(props, c) }
                    { message_group_fields(c, &p.message_group, props) }
                    { number_fields(&MESSAGE, c, props) }
                </>
            }) }
            { group("Reliability", number_fields(&RELIABILITY, c, props)) }
        </>
    }
}

/// The FIFO message group: how it is chosen, and the value that goes with it.
fn message_group_fields(c: &Component, group: &MessageGroup, props: &InspectorProps) -> Html {
    let mode = match group {
        MessageGroup::Fixed(_) => "fixed",
        MessageGroup::RoundRobin(_) => "round-robin",
        MessageGroup::FromAttribute(_) => "from-attribute",
    };
    let choose = spec_commit(
        props,
        c,
        Rc::new(|spec: &mut Spec, text: &str| {
            let Spec::Publisher(p) = spec else { return Ok(()) };
            p.message_group = match (text, &p.message_group) {
                ("fixed", MessageGroup::Fixed(_))
                | ("round-robin", MessageGroup::RoundRobin(_))
                | ("from-attribute", MessageGroup::FromAttribute(_)) => return Ok(()),
                ("fixed", _) => MessageGroup::default(),
                ("round-robin", _) => MessageGroup::RoundRobin(4),
                _ => match p.attributes.first() {
                    Some(first) => MessageGroup::FromAttribute(first.name.clone()),
                    None => return Err("Add an attribute above first; the group id is then read from it.".into()),
                },
            };
            Ok(())
        }),
    );
    let set_value = spec_commit(
        props,
        c,
        Rc::new(|spec: &mut Spec, text: &str| {
            let Spec::Publisher(p) = spec else { return Ok(()) };
            p.message_group = match &p.message_group {
                MessageGroup::Fixed(_) => MessageGroup::Fixed(text.to_string()),
                MessageGroup::RoundRobin(_) => MessageGroup::RoundRobin(
                    parse_whole(text, "groups", 1, u64::from(MAX_ROUND_ROBIN_GROUPS))? as u32,
                ),
                MessageGroup::FromAttribute(_) => MessageGroup::FromAttribute(text.to_string()),
            };
            Ok(())
        }),
    );
    let key = format!("{}:message_group_value:{mode}", c.id);
    let value = match group {
        MessageGroup::Fixed(id) => html! {
            <TextField key={key} setting="message_group_value" label="Group id" value={id.clone()} inputmode="text"
                default_note="default orders"
                help="Every order carries this group id: a FIFO queue then hands them out strictly one at a time, in order."
                on_commit={set_value} />
        },
        MessageGroup::RoundRobin(n) => html! {
            <TextField key={key} setting="message_group_value" label="Groups" unit="g1 … gN" value={n.to_string()}
                help="Orders take the groups g1, g2, … in turn. Each group is ordered on its own, so a FIFO queue can hand out one message of every group at once."
                on_commit={set_value} />
        },
        MessageGroup::FromAttribute(name) => {
            let Spec::Publisher(p) = &c.spec else { return html! {} };
            let names: Vec<(String, String)> = p.attributes.iter().map(|a| (a.name.clone(), a.name.clone())).collect();
            html! {
                <SelectField key={key} setting="message_group_value" label="Attribute" value={name.clone()}
                    options={names}
                    help="Each order's group id is the value of this attribute, so orders with the same value are kept in order."
                    on_change={set_value} />
            }
        }
    };
    html! {
        <>
            <SelectField key={format!("{}:message_group", c.id)} setting="message_group" label="FIFO message group"
                value={mode.to_string()}
                options={options(&[("fixed", "Fixed: one group"), ("round-robin", "Round-robin over N groups"), ("from-attribute", "From an attribute")])}
                default_note="default fixed “orders”"
                note="Only FIFO queues and topics use it; Standard ones ignore it."
                help="SQS FIFO requires a message group id: messages of one group are delivered in order, one at a time; different groups are independent."
                on_change={choose} />
            { value }
        </>
    }
}

/// The managed-endpoint retry schedule of SNS, for the topic's remark.
const MANAGED_RETRIES: &str =
    "Deliveries into queues use SNS's managed-endpoint policy: 3 immediate retries, 2 at 1 s, 10 with backoff 1→20 s, then 100,000 at 20 s.";

fn topic_settings(c: &Component, fifo: bool, props: &InspectorProps) -> Html {
    static DELIVERY: [NumberSetting; 2] = [
        setting!(Topic.http_retries as u32, "HTTP retries", "retries", Number::Whole("retries"), 0, MAX_HTTP_RETRIES, "SNS HTTP policy",
            "How often the topic retries a push to a consumer that did not answer (is down), after the first attempt. After the last retry the message goes to the subscription's dead-letter queue, or is dropped and counted as lost."),
        setting!(Topic.http_retry_delay_ms as u64, "Retry delay", "ms", Number::Duration, 0, MAX_HTTP_RETRY_TOTAL_MS, "SNS",
            "Wait between HTTP retries (linear). SNS caps the whole policy at 1 h: retries × delay ≤ 3,600 s."),
    ];
    static STANDARD: [NumberSetting; 1] = [setting!(Topic.duplicate_delivery_ratio as f64, "Duplicate deliveries", "0–1", Number::Ratio, 0, 1, "",
        "SNS Standard deduplicates on a best-effort basis only: this fraction of deliveries to a subscription arrive twice.")];
    html! {
        <>
            { fifo_field(c, fifo, props) }
            { group("Delivery", html! {
                <>
                    { number_fields(&DELIVERY, c, props) }
                    { remark(MANAGED_RETRIES) }
                </>
            }) }
            if fifo {
                { group("Throughput", remark(
                    "A FIFO topic keeps each message group in order, drops duplicates within 5 minutes, and publishes up to 3,000 messages/s."
                )) }
            } else {
                { advanced("Standard topic quirks", number_fields(&STANDARD, c, props)) }
            }
        </>
    }
}

/// The Standard / FIFO switch of a queue or topic. Switching must keep the
/// document valid: a wire or dead-letter queue of the other type refuses it.
fn fifo_field(c: &Component, fifo: bool, props: &InspectorProps) -> Html {
    let queue = matches!(c.spec, Spec::Queue(_));
    let commit = spec_commit(
        props,
        c,
        Rc::new(|spec: &mut Spec, text: &str| {
            match spec {
                Spec::Queue(q) => q.fifo = text == "true",
                Spec::Topic(t) => t.fifo = text == "true",
                _ => {}
            }
            Ok(())
        }),
    );
    let note = if fifo && !c.name.ends_with(".fifo") {
        "Tip: FIFO names end in .fifo in AWS."
    } else {
        ""
    };
    html! {
        <CheckField key={format!("{}:fifo", c.id)} setting="fifo" label={if queue { "FIFO queue" } else { "FIFO topic" }}
            checked={fifo} default_note={if queue { "default Standard — SQS" } else { "default Standard — SNS" }}
            note={note}
            help="Standard: best-effort order, occasional duplicates, nearly unlimited throughput. FIFO: strict order within each message group, 5-minute deduplication, limited throughput. A FIFO topic delivers only to FIFO queues."
            on_change={commit} />
    }
}

fn queue_settings(c: &Component, q: &fanout_engine::scenario::QueueConfig, props: &InspectorProps) -> Html {
    static DELIVERY: [NumberSetting; 3] = [
        setting!(Queue.visibility_timeout_ms as u64, "Visibility timeout", "ms", Number::Duration, 0, MAX_VISIBILITY_TIMEOUT_MS, "SQS",
            "How long a received message stays hidden from other consumers. If it is not deleted in time (the consumer crashed or is slow), it becomes visible again and is delivered again. SQS allows 0 s to 12 h."),
        setting!(Queue.delay_ms as u64, "Delivery delay", "ms", Number::Duration, 0, MAX_DELAY_MS, "SQS",
            "A new message stays invisible this long before any consumer can receive it (0 – 900 s)."),
        setting!(Queue.receive_wait_ms as u64, "Receive wait", "ms", Number::Duration, 0, MAX_RECEIVE_WAIT_MS, "SQS short polling",
            "0 is short polling, the SQS default: a receive returns at once and may come back empty even while messages wait (it asks only some servers), so consumers poll again after their poll interval. 1 – 20 s is long polling: a receive waits until a message arrives or the time is up."),
    ];
    static RETENTION: [NumberSetting; 1] = [setting!(Queue.retention_ms as u64, "Retention", "ms", Number::Duration, MIN_RETENTION_MS, MAX_RETENTION_MS, "SQS",
        "How long a message is kept, received or not. Older messages are dropped and counted as expired. SQS allows 60 s to 14 days.")];
    static MAX_RECEIVES: [NumberSetting; 1] = [NumberSetting {
        name: "max_receive_count",
        label: "Max receives",
        unit: "receives",
        number: Number::Whole("receives"),
        min: 1,
        max: MAX_RECEIVE_COUNT as u64,
        source: "SQS console",
        help: "maxReceiveCount: a message received this many times without being deleted moves to the dead-letter queue instead of being delivered again (1 – 1,000).",
        get: |spec| match spec {
            Spec::Queue(q) => q.redrive.as_ref().map_or(DEFAULT_MAX_RECEIVES, |r| r.max_receive_count) as f64,
            _ => 0.0,
        },
        set: |spec, value| {
            if let Spec::Queue(q) = spec {
                if let Some(redrive) = &mut q.redrive {
                    redrive.max_receive_count = value as u32;
                }
            }
        },
    }];
    static STANDARD: [NumberSetting; 2] = [
        setting!(Queue.duplicate_delivery_ratio as f64, "Duplicate deliveries", "0–1", Number::Ratio, 0, 1, "",
            "SQS Standard is at-least-once: now and then a receive hands out a copy of a message that another receive also gets. This is the fraction of receives that do."),
        setting!(Queue.reorder_ratio as f64, "Out-of-order receives", "0–1", Number::Ratio, 0, 1, "",
            "SQS Standard keeps best-effort order: this fraction of receives take a later message before an earlier one."),
    ];
    let dlq = q.redrive.as_ref().map(|r| r.dead_letter_queue.clone());
    let dlq_commit = spec_commit(
        props,
        c,
        Rc::new(|spec: &mut Spec, text: &str| {
            if let Spec::Queue(q) = spec {
                q.redrive = (!text.is_empty()).then(|| RedrivePolicy {
                    dead_letter_queue: ComponentId::new(text),
                    max_receive_count: q.redrive.as_ref().map_or(DEFAULT_MAX_RECEIVES, |r| r.max_receive_count),
                });
            }
            Ok(())
        }),
    );
    let dedup = spec_commit(
        props,
        c,
        Rc::new(|spec: &mut Spec, text: &str| {
            if let Spec::Queue(q) = spec {
                q.content_based_deduplication = text == "true";
            }
            Ok(())
        }),
    );
    html! {
        <>
            { fifo_field(c, q.fifo, props) }
            if q.fifo {
                <CheckField key={format!("{}:cbd", c.id)} setting="content_based_deduplication" label="Content-based deduplication"
                    checked={q.content_based_deduplication} default_note="default off — SQS"
                    help="FIFO queues drop a message whose deduplication id was seen in the last 5 minutes. Off: the id is the one the publisher sends (a resend reuses it). On: the id is a hash of the body, so equal bodies are duplicates even with different ids."
                    on_change={dedup} />
            }
            { group("Delivery", number_fields(&DELIVERY, c, props)) }
            { group("Reliability", html! {
                <>
                    { dlq_select(props, c, dlq.as_ref(), "Dead-letter queue",
                        "default none: received again until it expires",
                        "Redrive policy: where messages go after being received too often without a delete (poison messages). It must be a queue of the same type: FIFO → FIFO, Standard → Standard.",
                        dlq_commit) }
                    if q.redrive.is_some() {
                        { number_fields(&MAX_RECEIVES, c, props) }
                    }
                    { number_fields(&RETENTION, c, props) }
                </>
            }) }
            if q.fifo {
                { group("Throughput", remark(
                    "SQS FIFO: 300 API calls/s per action (send, receive, delete), so 3,000 messages/s with batches of 10. Calls beyond that are throttled, even while messages wait. One message per group is in flight at a time."
                )) }
            } else {
                { advanced("Standard queue quirks", number_fields(&STANDARD, c, props)) }
            }
        </>
    }
}

/// maxReceiveCount a new redrive policy starts with (the SQS console's).
const DEFAULT_MAX_RECEIVES: u32 = 10;

/// A choice of dead-letter queue: none, the queues of the right type, and,
/// under their own heading, the others (choosing one explains the refusal).
fn dlq_select(
    props: &InspectorProps,
    owner: &Component,
    current: Option<&ComponentId>,
    label: &'static str,
    default_note: &'static str,
    help: &'static str,
    on_change: Commit,
) -> Html {
    let fifo = is_fifo(&owner.spec);
    let mut same = vec![(String::new(), "None".to_string())];
    let mut other = Vec::new();
    for c in &props.scenario.components {
        if let (Spec::Queue(q), true) = (&c.spec, c.id != owner.id) {
            let list = if q.fifo == fifo { &mut same } else { &mut other };
            list.push((c.id.to_string(), c.name.clone()));
        }
    }
    let heading = if fifo { "Standard queues (a FIFO source needs FIFO)" } else { "FIFO queues (a Standard source needs Standard)" };
    html! {
        <SelectField key={format!("{}:dlq", owner.id)} setting="dead_letter_queue" label={label}
            value={current.map(|id| id.to_string()).unwrap_or_default()}
            options={same} other_options={(!other.is_empty()).then(|| (heading.to_string(), other))}
            default_note={default_note} help={help} on_change={on_change} />
    }
}

fn consumer_settings(c: &Component, k: &fanout_engine::scenario::ConsumerConfig, props: &InspectorProps) -> Html {
    let ack_mode = k.ack_mode;
    static THROUGHPUT: [NumberSetting; 4] = [
        setting!(Consumer.processing_time_ms as u64, "Processing time", "ms", Number::Duration, 0, MAX_PROCESSING_TIME_MS, "",
            "How long one message takes to process, before it is deleted from its queue."),
        setting!(Consumer.concurrency as u32, "Concurrency", "per instance", Number::Whole("workers"), 1, MAX_CONCURRENCY, "",
            "How many receive batches one instance works on at the same time."),
        setting!(Consumer.instances as u32, "Instances", "copies", Number::Whole("instances"), 1, MAX_INSTANCES, "",
            "Identical copies of this service competing for the same queue (scale-out). Each message goes to one of them."),
        setting!(Consumer.batch_size as u32, "Batch size", "messages", Number::Whole("messages"), 1, MAX_BATCH_SIZE, "SQS",
            "Messages asked for per receive call; SQS hands out at most 10. On a FIFO queue, batches of 10 reach 3,000 msg/s within its 300 calls/s."),
    ];
    static RELIABILITY: [NumberSetting; 1] = [setting!(Consumer.failure_ratio as f64, "Failure ratio", "0–1", Number::Ratio, 0, 1, "",
        "The fraction of messages whose processing fails (poison messages always fail). What happens next depends on the acknowledgement mode.")];
    static POLLING: [NumberSetting; 1] = [setting!(Consumer.poll_interval_ms as u64, "Poll interval", "ms", Number::Duration, MIN_POLL_INTERVAL_MS, MAX_POLL_INTERVAL_MS, "",
        "After a receive comes back empty (short polling), how long the consumer waits before asking again.")];
    const MODES: [(&str, &str, AckMode); 3] = [
        ("ack-on-receive", "Ack on receive — deleted as it arrives", AckMode::AckOnReceive),
        ("delete-after-processing", "Delete after processing — explicit delete", AckMode::DeleteAfterProcessing),
        ("auto-delete-on-success", "Auto-delete on success — function style", AckMode::AutoDeleteOnSuccess),
    ];
    let explanation = match ack_mode {
        AckMode::AckOnReceive => "Deleted as soon as it is received: a crash or a failure mid-work loses the message.",
        AckMode::DeleteAfterProcessing => "Deleted after the work succeeds: a crash or failure means redelivery after the visibility timeout, so duplicates are possible.",
        AckMode::AutoDeleteOnSuccess => "The runtime deletes the whole batch when every message succeeded; one failure returns the whole batch, and its successes are processed again.",
    };
    let commit = spec_commit(
        props,
        c,
        Rc::new(|spec: &mut Spec, text: &str| {
            if let Spec::Consumer(k) = spec {
                k.ack_mode = MODES.iter().find(|(v, ..)| *v == text).ok_or("Unknown acknowledgement mode.")?.2;
            }
            Ok(())
        }),
    );
    let value = MODES.iter().find(|(.., m)| *m == ack_mode).map_or("", |(v, ..)| v);
    html! {
        <>
            { group("Throughput", html! {
                <>
                    { runs_on_field(c, k.runs_on.as_ref(), props) }
                    // On a deployment the pods are the instances, so the
                    // count typed here would mean nothing.
                    { for THROUGHPUT.iter()
                        .filter(|s| !(k.runs_on.is_some() && s.name == "instances"))
                        .map(|s| number_field(s, c, props)) }
                </>
            }) }
            { group("Reliability", html! {
                <>
                    <SelectField key={format!("{}:ack_mode", c.id)} setting="ack_mode" label="Acknowledgement"
                        value={value.to_string()}
                        options={MODES.iter().map(|(v, text, _)| (v.to_string(), text.to_string())).collect::<Vec<_>>()}
                        default_note="default delete after processing" note={explanation}
                        help="When the consumer deletes (acknowledges) what it received — the lesson's three ways: on receive, after processing, or automatically on success."
                        on_change={commit} />
                    { number_fields(&RELIABILITY, c, props) }
                </>
            }) }
            { advanced("Polling", number_fields(&POLLING, c, props)) }
        </>
    }
}

fn wire_panel(wire: &Wire, props: &InspectorProps) -> Html {
    let scenario = &props.scenario;
    let name_of = |id: &ComponentId| scenario.component(id).map(|c| c.name.clone()).unwrap_or_else(|| id.to_string());
    let (from, to) = (wire.from.clone(), wire.to.clone());
    let latency_commit = wire_commit(
        props,
        wire,
        Rc::new(|wire: &mut Wire, text: &str| {
            wire.latency_ms = parse_duration_ms(text, 0, MAX_WIRE_LATENCY_MS)?;
            Ok(())
        }),
    );
    let on_delete = {
        let (from, to, on_edit, on_select) = (from.clone(), to.clone(), props.on_edit.clone(), props.on_select.clone());
        Callback::from(move |_| {
            on_edit.emit(Edit::Disconnect { from: from.clone(), to: to.clone() });
            on_select.emit(None);
        })
    };
    let topic = scenario.component(&from).filter(|c| matches!(c.spec, Spec::Topic(_)));
    let subscription = topic.map(|topic| {
        let dlq_commit = wire_commit(
            props,
            wire,
            Rc::new(|wire: &mut Wire, text: &str| {
                wire.dead_letter_queue = (!text.is_empty()).then(|| ComponentId::new(text));
                Ok(())
            }),
        );
        html! {
            <>
                { group("Filter policy", filter_editor(props, wire)) }
                { group("Reliability", html! {
                    <>
                        { dlq_select(props, topic, wire.dead_letter_queue.as_ref(), "Subscription dead-letter queue",
                            "default none: dropped after the retries",
                            "Where a message goes when the topic gives up delivering it (after its retry policy), instead of being dropped. It must be FIFO exactly when the topic is.",
                            dlq_commit) }
                        { remark(MANAGED_RETRIES) }
                    </>
                }) }
            </>
        }
    });
    // A wire into an Ingress is an HTTP request: its host and path pick the
    // rule, and so the Service.
    let into_ingress = scenario.component(&to).filter(|c| matches!(c.spec, Spec::Ingress(_)));
    let request = into_ingress.map(|ingress| {
        let host_commit = wire_commit(
            props,
            wire,
            Rc::new(|wire: &mut Wire, text: &str| {
                let host = text.trim().to_ascii_lowercase();
                if host.chars().count() > MAX_TEXT_CHARS
                    || !host.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '.' || ch == '-')
                {
                    return Err(format!("A host is at most {MAX_TEXT_CHARS} letters, digits, '.' or '-', e.g. shop.example.com."));
                }
                wire.host = host;
                Ok(())
            }),
        );
        let path_commit = wire_commit(
            props,
            wire,
            Rc::new(|wire: &mut Wire, text: &str| {
                let path = text.trim();
                let path = if path.is_empty() { DEFAULT_REQUEST_PATH } else { path };
                if !path.starts_with('/') || path.chars().count() > MAX_TEXT_CHARS || path.contains(char::is_whitespace) {
                    return Err(format!("A path starts with '/' and is at most {MAX_TEXT_CHARS} characters, e.g. /books/42."));
                }
                wire.path = path.to_string();
                Ok(())
            }),
        );
        group("HTTP request", html! {
            <>
                <TextField key={format!("{from}→{to}:host")} setting="host" label="Host" value={wire.host.clone()} inputmode="text"
                    default_note="default none"
                    help="The request's Host header. Ingress rules with a host match only requests for that host; rules without one match any."
                    on_commit={host_commit} />
                <TextField key={format!("{from}→{to}:path")} setting="path" label="Path" value={wire.path.clone()} inputmode="text"
                    default_note={format!("default {DEFAULT_REQUEST_PATH}")}
                    help={format!("The request's path. {} sends it to the service of the rule with the longest matching path prefix; no match and the request fails.", ingress.name)}
                    on_commit={path_commit} />
            </>
        })
    });
    html! {
        <section class="inspector-body">
            <header class="inspector-head kind-wire">
                <svg class="kind-icon" width="26" height="26" viewBox="0 0 24 24" aria-hidden="true">
                    <path d="M3 17 C 10 17, 12 7, 19 7" fill="none" stroke="currentColor" stroke-width="1.8" />
                    <path d="M16 4 L20.5 7 L16 10" fill="none" stroke="currentColor" stroke-width="1.8" />
                </svg>
                <div>
                    <h2>{ if topic.is_some() { "Subscription" } else { "Wire" } }</h2>
                    <code class="component-id">{ format!("{from} → {to}") }</code>
                </div>
            </header>
            <p class="inspector-intro">
                { "Messages travel from " }<strong>{ name_of(&from) }</strong>{ " to " }<strong>{ name_of(&to) }</strong>
                { ". Each hop takes the wire's latency." }
            </p>
            <TextField key={format!("{from}→{to}:latency_ms")} setting="latency_ms" label="Latency" unit="ms"
                value={wire.latency_ms.to_string()} echo={Echo::Duration}
                default_note={format!("default {}", format::duration_ms(DEFAULT_WIRE_LATENCY_MS))}
                help="One-way network delay of a message along this wire."
                on_commit={latency_commit} />
            { for request }
            { for subscription }
            <div class="inspector-actions">
                <button type="button" class="button danger" data-testid="delete" onclick={on_delete}
                        title="Delete this wire (Delete key)">
                    { "Delete wire" }
                </button>
            </div>
        </section>
    }
}

fn scenario_panel(props: &InspectorProps) -> Html {
    let scenario = &props.scenario;
    let on_edit = props.on_edit.clone();
    let text_commit = |current: &str, max: usize, what: &'static str, edit: fn(String) -> Edit| {
        let (current, on_edit) = (current.to_string(), on_edit.clone());
        Commit::from(move |text: String| {
            let text = text.trim().to_string();
            if text.chars().count() > max {
                return Err(format!("A {what} is at most {} characters.", thousands(max as u64)));
            }
            if text != current {
                on_edit.emit(edit(text));
            }
            Ok(())
        })
    };
    let seed_commit = {
        let (current, on_edit) = (scenario.seed, props.on_edit.clone());
        Commit::from(move |text: String| {
            let seed: u64 = strip_separators(&text)
                .parse()
                .map_err(|_| format!("A seed is a whole number from 0 to {}.", thousands(u64::MAX)))?;
            if seed != current {
                on_edit.emit(Edit::SetSeed(seed));
            }
            Ok(())
        })
    };
    html! {
        <section class="inspector-body">
            <header class="inspector-head kind-scenario">
                <div>
                    <h2>{ "Scenario" }</h2>
                    <span class="component-id">{ format!("{} components · {} wires", scenario.components.len(), scenario.wires.len()) }</span>
                </div>
            </header>
            <TextField key="scenario:title" setting="title" label="Title" value={scenario.title.clone()} inputmode="text"
                help="Shown in the header and when the scenario is shared."
                on_commit={text_commit(&scenario.title, MAX_TITLE_CHARS, "title", Edit::SetTitle)} />
            <TextField key="scenario:description" setting="description" label="Description" multiline=true
                value={scenario.description.clone()} inputmode="text"
                note="Ctrl+Enter or leaving the field saves it."
                help="What the scenario shows and what to try, in a paragraph. It travels with the share link."
                on_commit={text_commit(&scenario.description, MAX_DESCRIPTION_CHARS, "description", Edit::SetDescription)} />
            <TextField key="scenario:seed" setting="seed" label="Seed" value={scenario.seed.to_string()}
                default_note="default 1"
                help="Seeds the one random generator. The same scenario and seed replay exactly the same run; change it to see another."
                on_commit={seed_commit} />
            <div class="help">
                <h3>{ "How to" }</h3>
                <ul>
                    <li><strong>{ "Add" }</strong>{ ": drag a component from the palette onto the canvas, or click it." }</li>
                    <li><strong>{ "Wire" }</strong>{ ": drag from a box's right-hand port onto another box." }</li>
                    <li><strong>{ "Select" }</strong>{ ": click a box or a wire; its settings appear here." }</li>
                    <li><strong>{ "Delete" }</strong>{ ": select, then press Delete or Backspace." }</li>
                    <li><strong>{ "Undo / redo" }</strong>{ ": Ctrl+Z / Ctrl+Shift+Z (⌘ on a Mac)." }</li>
                </ul>
            </div>
        </section>
    }
}

/// (value, label) pairs for a select.
fn options(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(v, l)| (v.to_string(), l.to_string())).collect()
}

/// Changes a copy of a component's settings from typed text.
pub(super) type SpecChange = Rc<dyn Fn(&mut Spec, &str) -> Result<(), String>>;
/// Changes a copy of a wire from typed text.
pub(super) type WireChange = Rc<dyn Fn(&mut Wire, &str) -> Result<(), String>>;

/// A commit for one setting of `component`: `change` applies the typed text
/// to a copy of the settings; the result must then pass the document's own
/// validation (which also checks rules spanning several places, such as the
/// SNS retry policy's total, or a FIFO switch against the queue's wires and
/// dead-letter queues) before it is sent as an edit.
pub(super) fn spec_commit(props: &InspectorProps, component: &Component, change: SpecChange) -> Commit {
    let (scenario, on_edit) = (props.scenario.clone(), props.on_edit.clone());
    let id = component.id.clone();
    let current = component.spec.clone();
    Commit::from(move |text: String| {
        let mut spec = current.clone();
        change(&mut spec, text.trim())?;
        if spec == current {
            return Ok(());
        }
        let mut candidate = (*scenario).clone();
        if let Some(c) = candidate.component_mut(&id) {
            c.spec = spec.clone();
        }
        check_candidate(&scenario, &candidate, id.as_str())?;
        on_edit.emit(Edit::SetSpec { id: id.clone(), spec });
        Ok(())
    })
}

/// The same for a wire's settings; the edit is `SetWire`.
pub(super) fn wire_commit(props: &InspectorProps, wire: &Wire, change: WireChange) -> Commit {
    let (scenario, on_edit) = (props.scenario.clone(), props.on_edit.clone());
    let current = wire.clone();
    Commit::from(move |text: String| {
        let mut wire = current.clone();
        change(&mut wire, text.trim())?;
        if wire == current {
            return Ok(());
        }
        let mut candidate = (*scenario).clone();
        if let Some(w) = candidate.wires.iter_mut().find(|w| w.from == wire.from && w.to == wire.to) {
            *w = wire.clone();
        }
        check_candidate(&scenario, &candidate, "")?;
        on_edit.emit(Edit::SetWire(wire));
        Ok(())
    })
}

/// Refuses a changed document that has a problem the current one does not,
/// with that problem as a sentence. A problem elsewhere (a wire, another
/// queue that uses this one as its dead-letter queue) names where it is.
fn check_candidate(current: &Scenario, candidate: &Scenario, own_id: &str) -> Result<(), String> {
    let Err(problems) = validate(candidate) else { return Ok(()) };
    let before = validate(current).err().unwrap_or_default();
    let Some(problem) = problems.into_iter().find(|p| !before.contains(p)) else { return Ok(()) };
    if problem.at == own_id || problem.at.starts_with("wire") && own_id.is_empty() {
        return Err(sentence(&problem.message));
    }
    let place = current
        .component(&ComponentId::new(problem.at.as_str()))
        .map_or_else(|| problem.at.clone(), |c| c.name.clone());
    Err(sentence(&format!("{place}: {}", problem.message)))
}
