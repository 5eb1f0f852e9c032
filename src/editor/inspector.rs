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
use super::{is_fifo, Selection};
use crate::i18n::{Lang, Text};
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
    /// The interface's language (the app passes its own, so a change
    /// re-renders every panel).
    #[prop_or_default]
    pub lang: Lang,
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
        <aside class="inspector" aria-label={props.lang.t(Text::InspectorPanel)}>
            { body.unwrap_or_else(|| scenario_panel(props)) }
        </aside>
    }
}

/// How a number setting is typed, checked and shown.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Number {
    /// A whole number of these (a `Count…` text: "retries").
    Whole(Text),
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
    pub(super) label: Text,
    pub(super) unit: Text,
    pub(super) number: Number,
    pub(super) min: u64,
    pub(super) max: u64,
    /// Where the default comes from ("SQS"), shown after it, if anywhere.
    pub(super) source: Option<Text>,
    pub(super) help: Text,
    pub(super) get: fn(&Spec) -> f64,
    pub(super) set: fn(&mut Spec, f64),
}

impl NumberSetting {
    /// The typed value, or why it cannot be taken (in `lang`).
    pub(super) fn parse(&self, text: &str, lang: Lang) -> Result<f64, String> {
        match self.number {
            Number::Whole(what) => parse_whole(text, what, self.min, self.max, lang).map(|v| v as f64),
            Number::Duration => parse_duration_ms(text, self.min, self.max, lang).map(|v| v as f64),
            Number::Millicores => parse_millicores(text, self.min, self.max, lang).map(|v| v as f64),
            Number::Mebibytes => parse_mebibytes(text, self.min, self.max, lang).map(|v| v as f64),
            Number::Ratio => parse_ratio(text, lang),
            Number::Rate => match strip_separators(text).parse::<f64>() {
                Ok(v) if v > 0.0 && v <= self.max as f64 => Ok(v),
                _ => Err(lang.format(Text::RateProblem, &[("max", &thousands(self.max))])),
            },
        }
    }

    /// The value as a person reads it (the default note).
    fn show(&self, value: f64, lang: Lang) -> String {
        match self.number {
            Number::Whole(_) => thousands(value as u64),
            Number::Duration => format::duration_ms(value as u64),
            Number::Millicores => format!("{} ({})", thousands(value as u64), cpu_text(value as u64, lang)),
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
    ($variant:ident . $name:ident as $ty:ty, $label:expr, $unit:expr, $number:expr, $min:expr, $max:expr, $source:expr, $help:expr) => {{
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
    let lang = props.lang;
    let kind = c.kind();
    let fifo = is_fifo(&c.spec);
    let id = c.id.clone();
    let name_commit = {
        let (id, current, on_edit) = (id.clone(), c.name.clone(), props.on_edit.clone());
        Commit::from(move |text: String| {
            let name = text.trim().to_string();
            if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
                return Err(lang.format(Text::NameProblem, &[("max", &MAX_NAME_CHARS)]));
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
                    <h2>{ lang.t(Text::kind(kind, fifo)) }</h2>
                    <code class="component-id" title={lang.t(Text::ComponentIdTitle)}>{ id.as_str() }</code>
                </div>
            </header>
            <p class="inspector-intro">{ lang.t(Text::kind_help(kind, fifo)) }</p>
            <TextField key={format!("{id}:name")} setting="name" label={lang.t(Text::FieldName)} value={c.name.clone()} inputmode="text"
                help={lang.t(Text::FieldNameHelp)} on_commit={name_commit} />
            { settings }
            { super::connections::connections(c, props) }
            <div class="inspector-actions">
                <button type="button" class="button danger" data-testid="delete" onclick={on_delete}
                        title={lang.t(Text::DeleteComponentTitle)}>
                    { lang.format(Text::DeleteComponent, &[("kind", &lang.t(Text::kind(kind, false)))]) }
                </button>
            </div>
        </section>
    }
}

/// One number setting of `c` as a field.
fn number_field(setting: &'static NumberSetting, c: &Component, props: &InspectorProps) -> Html {
    let lang = props.lang;
    let value = (setting.get)(&c.spec);
    let default = setting.show((setting.get)(&c.kind().default_spec()), lang);
    let default_note = match setting.source {
        None => lang.format(Text::DefaultValue, &[("value", &default)]),
        Some(source) => lang.format(Text::DefaultValueFrom, &[("value", &default), ("source", &lang.t(source))]),
    };
    let (text, echo) = match setting.number {
        Number::Ratio => (value.to_string(), Echo::Percent),
        Number::Rate => (format::number(value), Echo::None),
        Number::Duration => ((value as u64).to_string(), Echo::Duration),
        Number::Millicores => ((value as u64).to_string(), Echo::Millicores(lang)),
        Number::Mebibytes => ((value as u64).to_string(), Echo::Mebibytes),
        Number::Whole(_) => ((value as u64).to_string(), Echo::None),
    };
    let commit = spec_commit(
        props,
        c,
        Rc::new(move |spec: &mut Spec, text: &str| {
            let value = setting.parse(text, lang)?;
            (setting.set)(spec, value);
            Ok(())
        }),
    );
    html! {
        <TextField key={format!("{}:{}", c.id, setting.name)} setting={setting.name} label={lang.t(setting.label)}
            unit={lang.t(setting.unit)} value={text} default_note={default_note} help={lang.t(setting.help)}
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
    static THROUGHPUT: [NumberSetting; 1] = [setting!(Publisher.rate_per_s as f64, Text::SetRate, Text::UnitMsgPerS, Number::Rate, 0, MAX_RATE_PER_S, None,
        Text::HelpPublisherRatePerS)];
    static MESSAGE: [NumberSetting; 1] = [setting!(Publisher.message_delay_ms as u64, Text::SetMessageDelay, Text::UnitMs, Number::Duration, 0, MAX_DELAY_MS, Some(Text::SourceSqs),
        Text::HelpPublisherMessageDelayMs)];
    static RELIABILITY: [NumberSetting; 2] = [
        setting!(Publisher.poison_every as u32, Text::SetPoisonMessageEvery, Text::UnitOrders, Number::Whole(Text::CountOrders), 0, u32::MAX, Some(Text::SourceNone),
            Text::HelpPublisherPoisonEvery),
        setting!(Publisher.resend_ratio as f64, Text::SetResendRatio, Text::UnitRatio, Number::Ratio, 0, 1, None,
            Text::HelpPublisherResendRatio),
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
    let lang = props.lang;
    html! {
        <>
            { group(lang.t(Text::GroupThroughput), html! {
                <>
                    { runs_on_field(c, p.runs_on.as_ref(), props) }
                    { number_fields(&THROUGHPUT, c, props) }
                    <SelectField key={format!("{}:pattern", c.id)} setting="pattern" label={lang.t(Text::ArrivalPattern)}
                        value={pattern_value.to_string()}
                        options={options(lang, &[("constant", Text::PatternSteady), ("poisson", Text::PatternPoisson)])}
                        default_note={lang.t(Text::DefaultSteady)}
                        help={lang.t(Text::ArrivalPatternHelp)}
                        on_change={pattern} />
                </>
            }) }
            { group(lang.t(Text::GroupMessage), html! {
                <>
                    { attributes_editor(props, c) }
                    { message_group_fields(c, &p.message_group, props) }
                    { number_fields(&MESSAGE, c, props) }
                </>
            }) }
            { group(lang.t(Text::GroupReliability), number_fields(&RELIABILITY, c, props)) }
        </>
    }
}

/// The FIFO message group: how it is chosen, and the value that goes with it.
fn message_group_fields(c: &Component, group: &MessageGroup, props: &InspectorProps) -> Html {
    let lang = props.lang;
    let mode = match group {
        MessageGroup::Fixed(_) => "fixed",
        MessageGroup::RoundRobin(_) => "round-robin",
        MessageGroup::FromAttribute(_) => "from-attribute",
    };
    let choose = spec_commit(
        props,
        c,
        Rc::new(move |spec: &mut Spec, text: &str| {
            let Spec::Publisher(p) = spec else { return Ok(()) };
            p.message_group = match (text, &p.message_group) {
                ("fixed", MessageGroup::Fixed(_))
                | ("round-robin", MessageGroup::RoundRobin(_))
                | ("from-attribute", MessageGroup::FromAttribute(_)) => return Ok(()),
                ("fixed", _) => MessageGroup::default(),
                ("round-robin", _) => MessageGroup::RoundRobin(4),
                _ => match p.attributes.first() {
                    Some(first) => MessageGroup::FromAttribute(first.name.clone()),
                    None => return Err(lang.t(Text::AddAttributeFirst).into()),
                },
            };
            Ok(())
        }),
    );
    let set_value = spec_commit(
        props,
        c,
        Rc::new(move |spec: &mut Spec, text: &str| {
            let Spec::Publisher(p) = spec else { return Ok(()) };
            p.message_group = match &p.message_group {
                MessageGroup::Fixed(_) => MessageGroup::Fixed(text.to_string()),
                MessageGroup::RoundRobin(_) => MessageGroup::RoundRobin(
                    parse_whole(text, Text::CountGroups, 1, u64::from(MAX_ROUND_ROBIN_GROUPS), lang)? as u32,
                ),
                MessageGroup::FromAttribute(_) => MessageGroup::FromAttribute(text.to_string()),
            };
            Ok(())
        }),
    );
    let key = format!("{}:message_group_value:{mode}", c.id);
    let value = match group {
        MessageGroup::Fixed(id) => html! {
            <TextField key={key} setting="message_group_value" label={lang.t(Text::GroupId)} value={id.clone()} inputmode="text"
                default_note={lang.t(Text::DefaultOrdersGroup)}
                help={lang.t(Text::GroupIdHelp)}
                on_commit={set_value} />
        },
        MessageGroup::RoundRobin(n) => html! {
            <TextField key={key} setting="message_group_value" label={lang.t(Text::Groups)} unit="g1 … gN" value={n.to_string()}
                help={lang.t(Text::GroupsHelp)}
                on_commit={set_value} />
        },
        MessageGroup::FromAttribute(name) => {
            let Spec::Publisher(p) = &c.spec else { return html! {} };
            let names: Vec<(String, String)> = p.attributes.iter().map(|a| (a.name.clone(), a.name.clone())).collect();
            html! {
                <SelectField key={key} setting="message_group_value" label={lang.t(Text::Attribute)} value={name.clone()}
                    options={names}
                    help={lang.t(Text::AttributeGroupHelp)}
                    on_change={set_value} />
            }
        }
    };
    html! {
        <>
            <SelectField key={format!("{}:message_group", c.id)} setting="message_group" label={lang.t(Text::FifoMessageGroup)}
                value={mode.to_string()}
                options={options(lang, &[("fixed", Text::GroupFixed), ("round-robin", Text::GroupRoundRobin), ("from-attribute", Text::GroupFromAttribute)])}
                default_note={lang.t(Text::DefaultFixedOrders)}
                note={lang.t(Text::FifoGroupNote)}
                help={lang.t(Text::FifoGroupHelp)}
                on_change={choose} />
            { value }
        </>
    }
}

/// The managed-endpoint retry schedule of SNS, for the topic's remark.
const MANAGED_RETRIES: Text = Text::ManagedRetries;

fn topic_settings(c: &Component, fifo: bool, props: &InspectorProps) -> Html {
    static DELIVERY: [NumberSetting; 2] = [
        setting!(Topic.http_retries as u32, Text::SetHttpRetries, Text::UnitRetries, Number::Whole(Text::CountRetries), 0, MAX_HTTP_RETRIES, Some(Text::SourceSnsHttpPolicy),
            Text::HelpTopicHttpRetries),
        setting!(Topic.http_retry_delay_ms as u64, Text::SetRetryDelay, Text::UnitMs, Number::Duration, 0, MAX_HTTP_RETRY_TOTAL_MS, Some(Text::SourceSns),
            Text::HelpTopicHttpRetryDelayMs),
    ];
    static STANDARD: [NumberSetting; 1] = [setting!(Topic.duplicate_delivery_ratio as f64, Text::SetDuplicateDeliveries, Text::UnitRatio, Number::Ratio, 0, 1, None,
        Text::HelpTopicDuplicateDeliveryRatio)];
    let lang = props.lang;
    html! {
        <>
            { fifo_field(c, fifo, props) }
            { group(lang.t(Text::GroupDelivery), html! {
                <>
                    { number_fields(&DELIVERY, c, props) }
                    { remark(lang.t(MANAGED_RETRIES)) }
                </>
            }) }
            if fifo {
                { group(lang.t(Text::GroupThroughput), remark(lang.t(Text::FifoTopicThroughput))) }
            } else {
                { advanced(lang.t(Text::StandardTopicQuirks), number_fields(&STANDARD, c, props)) }
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
    let lang = props.lang;
    let note = if fifo && !c.name.ends_with(".fifo") { lang.t(Text::FifoNameTip) } else { "" };
    html! {
        <CheckField key={format!("{}:fifo", c.id)} setting="fifo"
            label={lang.t(if queue { Text::PaletteFifoQueue } else { Text::PaletteFifoTopic })}
            checked={fifo} default_note={lang.t(if queue { Text::DefaultStandardSqs } else { Text::DefaultStandardSns })}
            note={note}
            help={lang.t(Text::FifoHelp)}
            on_change={commit} />
    }
}

fn queue_settings(c: &Component, q: &fanout_engine::scenario::QueueConfig, props: &InspectorProps) -> Html {
    static DELIVERY: [NumberSetting; 3] = [
        setting!(Queue.visibility_timeout_ms as u64, Text::SetVisibilityTimeout, Text::UnitMs, Number::Duration, 0, MAX_VISIBILITY_TIMEOUT_MS, Some(Text::SourceSqs),
            Text::HelpQueueVisibilityTimeoutMs),
        setting!(Queue.delay_ms as u64, Text::SetDeliveryDelay, Text::UnitMs, Number::Duration, 0, MAX_DELAY_MS, Some(Text::SourceSqs),
            Text::HelpQueueDelayMs),
        setting!(Queue.receive_wait_ms as u64, Text::SetReceiveWait, Text::UnitMs, Number::Duration, 0, MAX_RECEIVE_WAIT_MS, Some(Text::SourceSqsShortPolling),
            Text::HelpQueueReceiveWaitMs),
    ];
    static RETENTION: [NumberSetting; 1] = [setting!(Queue.retention_ms as u64, Text::SetRetention, Text::UnitMs, Number::Duration, MIN_RETENTION_MS, MAX_RETENTION_MS, Some(Text::SourceSqs),
        Text::HelpQueueRetentionMs)];
    static MAX_RECEIVES: [NumberSetting; 1] = [NumberSetting {
        name: "max_receive_count",
        label: Text::SetMaxReceives,
        unit: Text::UnitReceives,
        number: Number::Whole(Text::CountReceives),
        min: 1,
        max: MAX_RECEIVE_COUNT as u64,
        source: Some(Text::SourceSqsConsole),
        help: Text::HelpMaxReceiveCount,
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
        setting!(Queue.duplicate_delivery_ratio as f64, Text::SetDuplicateDeliveries, Text::UnitRatio, Number::Ratio, 0, 1, None,
            Text::HelpQueueDuplicateDeliveryRatio),
        setting!(Queue.reorder_ratio as f64, Text::SetOutOfOrderReceives, Text::UnitRatio, Number::Ratio, 0, 1, None,
            Text::HelpQueueReorderRatio),
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
    let lang = props.lang;
    html! {
        <>
            { fifo_field(c, q.fifo, props) }
            if q.fifo {
                <CheckField key={format!("{}:cbd", c.id)} setting="content_based_deduplication" label={lang.t(Text::ContentDedup)}
                    checked={q.content_based_deduplication} default_note={lang.t(Text::DefaultOffSqs)}
                    help={lang.t(Text::ContentDedupHelp)}
                    on_change={dedup} />
            }
            { group(lang.t(Text::GroupDelivery), number_fields(&DELIVERY, c, props)) }
            { group(lang.t(Text::GroupReliability), html! {
                <>
                    { dlq_select(props, c, dlq.as_ref(), Text::DeadLetterQueue, Text::DefaultNoneReceivedAgain, Text::DlqHelp, dlq_commit) }
                    if q.redrive.is_some() {
                        { number_fields(&MAX_RECEIVES, c, props) }
                    }
                    { number_fields(&RETENTION, c, props) }
                </>
            }) }
            if q.fifo {
                { group(lang.t(Text::GroupThroughput), remark(lang.t(Text::FifoQueueThroughput))) }
            } else {
                { advanced(lang.t(Text::StandardQueueQuirks), number_fields(&STANDARD, c, props)) }
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
    label: Text,
    default_note: Text,
    help: Text,
    on_change: Commit,
) -> Html {
    let lang = props.lang;
    let fifo = is_fifo(&owner.spec);
    let mut same = vec![(String::new(), lang.t(Text::DlqNone).to_string())];
    let mut other = Vec::new();
    for c in &props.scenario.components {
        if let (Spec::Queue(q), true) = (&c.spec, c.id != owner.id) {
            let list = if q.fifo == fifo { &mut same } else { &mut other };
            list.push((c.id.to_string(), c.name.clone()));
        }
    }
    let heading = lang.t(if fifo { Text::DlqOtherStandard } else { Text::DlqOtherFifo });
    html! {
        <SelectField key={format!("{}:dlq", owner.id)} setting="dead_letter_queue" label={lang.t(label)}
            value={current.map(|id| id.to_string()).unwrap_or_default()}
            options={same} other_options={(!other.is_empty()).then(|| (heading.to_string(), other))}
            default_note={lang.t(default_note)} help={lang.t(help)} on_change={on_change} />
    }
}

fn consumer_settings(c: &Component, k: &fanout_engine::scenario::ConsumerConfig, props: &InspectorProps) -> Html {
    let ack_mode = k.ack_mode;
    static THROUGHPUT: [NumberSetting; 4] = [
        setting!(Consumer.processing_time_ms as u64, Text::SetProcessingTime, Text::UnitMs, Number::Duration, 0, MAX_PROCESSING_TIME_MS, None,
            Text::HelpConsumerProcessingTimeMs),
        setting!(Consumer.concurrency as u32, Text::SetConcurrency, Text::UnitPerInstance, Number::Whole(Text::CountWorkers), 1, MAX_CONCURRENCY, None,
            Text::HelpConsumerConcurrency),
        setting!(Consumer.instances as u32, Text::SetInstances, Text::UnitCopies, Number::Whole(Text::CountInstances), 1, MAX_INSTANCES, None,
            Text::HelpConsumerInstances),
        setting!(Consumer.batch_size as u32, Text::SetBatchSize, Text::UnitMessages, Number::Whole(Text::CountMessages), 1, MAX_BATCH_SIZE, Some(Text::SourceSqs),
            Text::HelpConsumerBatchSize),
    ];
    static RELIABILITY: [NumberSetting; 1] = [setting!(Consumer.failure_ratio as f64, Text::SetFailureRatio, Text::UnitRatio, Number::Ratio, 0, 1, None,
        Text::HelpConsumerFailureRatio)];
    static POLLING: [NumberSetting; 1] = [setting!(Consumer.poll_interval_ms as u64, Text::SetPollInterval, Text::UnitMs, Number::Duration, MIN_POLL_INTERVAL_MS, MAX_POLL_INTERVAL_MS, None,
        Text::HelpConsumerPollIntervalMs)];
    const MODES: [(&str, Text, AckMode); 3] = [
        ("ack-on-receive", Text::AckOnReceive, AckMode::AckOnReceive),
        ("delete-after-processing", Text::AckAfterProcessing, AckMode::DeleteAfterProcessing),
        ("auto-delete-on-success", Text::AckAutoDelete, AckMode::AutoDeleteOnSuccess),
    ];
    let lang = props.lang;
    let explanation = lang.t(match ack_mode {
        AckMode::AckOnReceive => Text::AckOnReceiveNote,
        AckMode::DeleteAfterProcessing => Text::AckAfterProcessingNote,
        AckMode::AutoDeleteOnSuccess => Text::AckAutoDeleteNote,
    });
    let commit = spec_commit(
        props,
        c,
        Rc::new(move |spec: &mut Spec, text: &str| {
            if let Spec::Consumer(k) = spec {
                k.ack_mode = MODES.iter().find(|(v, ..)| *v == text).ok_or(lang.t(Text::UnknownAckMode))?.2;
            }
            Ok(())
        }),
    );
    let value = MODES.iter().find(|(.., m)| *m == ack_mode).map_or("", |(v, ..)| v);
    html! {
        <>
            { group(lang.t(Text::GroupThroughput), html! {
                <>
                    { runs_on_field(c, k.runs_on.as_ref(), props) }
                    // On a deployment the pods are the instances, so the
                    // count typed here would mean nothing.
                    { for THROUGHPUT.iter()
                        .filter(|s| !(k.runs_on.is_some() && s.name == "instances"))
                        .map(|s| number_field(s, c, props)) }
                </>
            }) }
            { group(lang.t(Text::GroupReliability), html! {
                <>
                    <SelectField key={format!("{}:ack_mode", c.id)} setting="ack_mode" label={lang.t(Text::Acknowledgement)}
                        value={value.to_string()}
                        options={MODES.iter().map(|(v, text, _)| (v.to_string(), lang.t(*text).to_string())).collect::<Vec<_>>()}
                        default_note={lang.t(Text::DefaultDeleteAfterProcessing)} note={explanation}
                        help={lang.t(Text::AckHelp)}
                        on_change={commit} />
                    { number_fields(&RELIABILITY, c, props) }
                </>
            }) }
            { advanced(lang.t(Text::GroupPolling), number_fields(&POLLING, c, props)) }
        </>
    }
}

fn wire_panel(wire: &Wire, props: &InspectorProps) -> Html {
    let lang = props.lang;
    let scenario = &props.scenario;
    let name_of = |id: &ComponentId| scenario.component(id).map(|c| c.name.clone()).unwrap_or_else(|| id.to_string());
    let (from, to) = (wire.from.clone(), wire.to.clone());
    let latency_commit = wire_commit(
        props,
        wire,
        Rc::new(move |wire: &mut Wire, text: &str| {
            wire.latency_ms = parse_duration_ms(text, 0, MAX_WIRE_LATENCY_MS, lang)?;
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
                { group(lang.t(Text::GroupFilterPolicy), filter_editor(props, wire)) }
                { group(lang.t(Text::GroupReliability), html! {
                    <>
                        { dlq_select(props, topic, wire.dead_letter_queue.as_ref(), Text::SubscriptionDlq,
                            Text::DefaultNoneDropped, Text::SubscriptionDlqHelp, dlq_commit) }
                        { remark(lang.t(MANAGED_RETRIES)) }
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
            Rc::new(move |wire: &mut Wire, text: &str| {
                let host = text.trim().to_ascii_lowercase();
                if host.chars().count() > MAX_TEXT_CHARS
                    || !host.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '.' || ch == '-')
                {
                    return Err(lang.format(Text::HostProblem, &[("max", &MAX_TEXT_CHARS)]));
                }
                wire.host = host;
                Ok(())
            }),
        );
        let path_commit = wire_commit(
            props,
            wire,
            Rc::new(move |wire: &mut Wire, text: &str| {
                let path = text.trim();
                let path = if path.is_empty() { DEFAULT_REQUEST_PATH } else { path };
                if !path.starts_with('/') || path.chars().count() > MAX_TEXT_CHARS || path.contains(char::is_whitespace) {
                    return Err(lang.format(Text::PathProblem, &[("max", &MAX_TEXT_CHARS)]));
                }
                wire.path = path.to_string();
                Ok(())
            }),
        );
        group(lang.t(Text::GroupHttpRequest), html! {
            <>
                <TextField key={format!("{from}→{to}:host")} setting="host" label={lang.t(Text::Host)} value={wire.host.clone()} inputmode="text"
                    default_note={lang.t(Text::DefaultNone)}
                    help={lang.t(Text::HostHelp)}
                    on_commit={host_commit} />
                <TextField key={format!("{from}→{to}:path")} setting="path" label={lang.t(Text::Path)} value={wire.path.clone()} inputmode="text"
                    default_note={lang.format(Text::DefaultValue, &[("value", &DEFAULT_REQUEST_PATH)])}
                    help={lang.format(Text::PathHelp, &[("ingress", &ingress.name)])}
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
                    <h2>{ lang.t(if topic.is_some() { Text::Subscription } else { Text::Wire }) }</h2>
                    <code class="component-id">{ format!("{from} → {to}") }</code>
                </div>
            </header>
            <p class="inspector-intro">
                { crate::i18n::fill_html(lang.t(Text::WireIntro), vec![
                    ("from", html! { <strong>{ name_of(&from) }</strong> }),
                    ("to", html! { <strong>{ name_of(&to) }</strong> }),
                ]) }
            </p>
            <TextField key={format!("{from}→{to}:latency_ms")} setting="latency_ms" label={lang.t(Text::Latency)} unit="ms"
                value={wire.latency_ms.to_string()} echo={Echo::Duration}
                default_note={lang.format(Text::DefaultValue, &[("value", &format::duration_ms(DEFAULT_WIRE_LATENCY_MS))])}
                help={lang.t(Text::LatencyHelp)}
                on_commit={latency_commit} />
            { for request }
            { for subscription }
            <div class="inspector-actions">
                <button type="button" class="button danger" data-testid="delete" onclick={on_delete}
                        title={lang.t(Text::DeleteWireTitle)}>
                    { lang.t(Text::DeleteWire) }
                </button>
            </div>
        </section>
    }
}

fn scenario_panel(props: &InspectorProps) -> Html {
    let lang = props.lang;
    let scenario = &props.scenario;
    let on_edit = props.on_edit.clone();
    let text_commit = |current: &str, max: usize, too_long: Text, edit: fn(String) -> Edit| {
        let (current, on_edit) = (current.to_string(), on_edit.clone());
        Commit::from(move |text: String| {
            let text = text.trim().to_string();
            if text.chars().count() > max {
                return Err(lang.format(too_long, &[("max", &thousands(max as u64))]));
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
                .map_err(|_| lang.format(Text::SeedProblem, &[("max", &thousands(u64::MAX))]))?;
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
                    <h2>{ lang.t(Text::Scenario) }</h2>
                    <span class="component-id">
                        { lang.format(Text::ScenarioCounts, &[("components", &scenario.components.len()), ("wires", &scenario.wires.len())]) }
                    </span>
                </div>
            </header>
            <TextField key="scenario:title" setting="title" label={lang.t(Text::Title)} value={scenario.title.clone()} inputmode="text"
                help={lang.t(Text::TitleHelp)}
                on_commit={text_commit(&scenario.title, MAX_TITLE_CHARS, Text::TitleTooLong, Edit::SetTitle)} />
            <TextField key="scenario:description" setting="description" label={lang.t(Text::Description)} multiline=true
                value={scenario.description.clone()} inputmode="text"
                note={lang.t(Text::DescriptionNote)}
                help={lang.t(Text::DescriptionHelp)}
                on_commit={text_commit(&scenario.description, MAX_DESCRIPTION_CHARS, Text::DescriptionTooLong, Edit::SetDescription)} />
            <TextField key="scenario:seed" setting="seed" label={lang.t(Text::Seed)} value={scenario.seed.to_string()}
                default_note={lang.format(Text::DefaultValue, &[("value", &1)])}
                help={lang.t(Text::SeedHelp)}
                on_commit={seed_commit} />
            <div class="help">
                <h3>{ lang.t(Text::HowTo) }</h3>
                <ul>
                    { for [
                        (Text::Add, Text::HowAdd),
                        (Text::Wire, Text::HowWire),
                        (Text::HowSelectWord, Text::HowSelect),
                        (Text::HowDeleteWord, Text::HowDelete),
                        (Text::HowUndoWord, Text::HowUndo),
                    ].into_iter().map(|(word, how)| html! {
                        <li><strong>{ lang.t(word) }</strong>{ lang.t(how) }</li>
                    }) }
                </ul>
            </div>
        </section>
    }
}

/// (value, label) pairs for a select.
fn options(lang: Lang, pairs: &[(&str, Text)]) -> Vec<(String, String)> {
    pairs.iter().map(|(v, l)| (v.to_string(), lang.t(*l).to_string())).collect()
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
