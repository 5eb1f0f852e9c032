//! The inspector: the settings of whatever is selected, each with its unit,
//! its documented default and what it does. A value is checked against the
//! same limits as a loaded file (`validate`) before it becomes an edit, so a
//! bad value is explained beside its field and never reaches the document.

use super::format;
use super::icons::kind_icon;
use super::{kind_help, Selection};
use fanout_engine::scenario::validate::{
    validate, MAX_CONCURRENCY, MAX_HTTP_RETRIES, MAX_HTTP_RETRY_TOTAL_MS, MAX_INSTANCES,
    MAX_NAME_CHARS, MAX_PROCESSING_TIME_MS, MAX_RATE_PER_S, MAX_VISIBILITY_TIMEOUT_MS,
    MAX_WIRE_LATENCY_MS,
};
use fanout_engine::scenario::{
    AckMode, ArrivalPattern, Component, ComponentId, ConsumerConfig, Edit, PublisherConfig,
    QueueConfig, Scenario, Spec, TopicConfig, Wire, DEFAULT_WIRE_LATENCY_MS,
};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement, KeyboardEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InspectorProps {
    pub scenario: Rc<Scenario>,
    pub selection: Option<Selection>,
    pub on_edit: Callback<Edit>,
    pub on_select: Callback<Option<Selection>>,
}

/// Turns typed text into an edit, or says what is wrong with it.
type Commit = Callback<String, Result<(), String>>;

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

fn component_panel(c: &Component, props: &InspectorProps) -> Html {
    let kind = c.kind();
    let id = c.id.clone();
    let key = |setting: &str| format!("{id}:{setting}");
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
        Spec::Publisher(p) => {
            let defaults = PublisherConfig::default();
            html! {
                <>
                    <TextField key={key("rate_per_s")} setting="rate_per_s" label="Rate" unit="msg/s"
                        value={format::number(p.rate_per_s)}
                        default_note={format!("default {} msg/s", format::number(defaults.rate_per_s))}
                        help="How many orders this publisher creates per second. Each one is sent down every outgoing wire."
                        on_commit={spec_commit(props, c, |spec, text| {
                            if let Spec::Publisher(p) = spec {
                                p.rate_per_s = parse_rate(text)?;
                            }
                            Ok(())
                        })} />
                    <SelectField key={key("pattern")} setting="pattern" label="Arrival pattern"
                        value={pattern_value(p.pattern)}
                        options={vec![
                            ("constant".into(), "Steady (equal gaps)".into()),
                            ("poisson".into(), "Poisson (random gaps)".into()),
                        ]}
                        default_note="default steady"
                        help="Steady: exactly 1/rate apart. Poisson: random, exponentially distributed gaps with the same average, as real traffic arrives."
                        on_change={spec_commit(props, c, |spec, text| {
                            if let Spec::Publisher(p) = spec {
                                p.pattern = if text == "poisson" { ArrivalPattern::Poisson } else { ArrivalPattern::Constant };
                            }
                            Ok(())
                        })} />
                </>
            }
        }
        Spec::Topic(t) => {
            let defaults = TopicConfig::default();
            html! {
                <>
                    <TextField key={key("http_retries")} setting="http_retries" label="HTTP retries" unit="retries"
                        value={t.http_retries.to_string()}
                        default_note={format!("default {} — SNS HTTP policy", defaults.http_retries)}
                        help="How often the topic retries a push to a consumer that did not answer (is down). After the last retry the message is dropped and counted as lost. Deliveries into queues never need retries."
                        on_commit={spec_commit(props, c, |spec, text| {
                            if let Spec::Topic(t) = spec {
                                t.http_retries = parse_whole(text, "retries", 0, u64::from(MAX_HTTP_RETRIES))? as u32;
                            }
                            Ok(())
                        })} />
                    <TextField key={key("http_retry_delay_ms")} setting="http_retry_delay_ms" label="Retry delay" unit="ms"
                        value={t.http_retry_delay_ms.to_string()} echo_ms=true
                        default_note={format!("default {} — SNS", format::duration_ms(defaults.http_retry_delay_ms))}
                        help={format!("Wait between HTTP retries (linear). SNS caps the whole policy at {}.", format::duration_ms(MAX_HTTP_RETRY_TOTAL_MS))}
                        on_commit={spec_commit(props, c, |spec, text| {
                            if let Spec::Topic(t) = spec {
                                t.http_retry_delay_ms = parse_whole(text, "milliseconds", 0, MAX_HTTP_RETRY_TOTAL_MS)?;
                            }
                            Ok(())
                        })} />
                </>
            }
        }
        Spec::Queue(q) => {
            let defaults = QueueConfig::default();
            html! {
                <TextField key={key("visibility_timeout_ms")} setting="visibility_timeout_ms" label="Visibility timeout" unit="ms"
                    value={q.visibility_timeout_ms.to_string()} echo_ms=true
                    default_note={format!("default {} — SQS", format::duration_ms(defaults.visibility_timeout_ms))}
                    help="How long a received message stays hidden from other consumers. If it is not deleted in time (the consumer crashed or is slow), it becomes visible again and is delivered again. SQS allows 0 s to 12 h."
                    on_commit={spec_commit(props, c, |spec, text| {
                        if let Spec::Queue(q) = spec {
                            q.visibility_timeout_ms = parse_whole(text, "milliseconds", 0, MAX_VISIBILITY_TIMEOUT_MS)?;
                        }
                        Ok(())
                    })} />
            }
        }
        Spec::Consumer(k) => {
            let defaults = ConsumerConfig::default();
            html! {
                <>
                    <TextField key={key("processing_time_ms")} setting="processing_time_ms" label="Processing time" unit="ms"
                        value={k.processing_time_ms.to_string()} echo_ms=true
                        default_note={format!("default {}", format::duration_ms(defaults.processing_time_ms))}
                        help="How long one message takes to process, before it is deleted from its queue."
                        on_commit={spec_commit(props, c, |spec, text| {
                            if let Spec::Consumer(k) = spec {
                                k.processing_time_ms = parse_whole(text, "milliseconds", 0, MAX_PROCESSING_TIME_MS)?;
                            }
                            Ok(())
                        })} />
                    <TextField key={key("concurrency")} setting="concurrency" label="Concurrency" unit="per instance"
                        value={k.concurrency.to_string()}
                        default_note={format!("default {}", defaults.concurrency)}
                        help="How many messages one instance works on at the same time."
                        on_commit={spec_commit(props, c, |spec, text| {
                            if let Spec::Consumer(k) = spec {
                                k.concurrency = parse_whole(text, "workers", 1, u64::from(MAX_CONCURRENCY))? as u32;
                            }
                            Ok(())
                        })} />
                    <TextField key={key("instances")} setting="instances" label="Instances" unit="copies"
                        value={k.instances.to_string()}
                        default_note={format!("default {}", defaults.instances)}
                        help="Identical copies of this service competing for the same queue (scale-out). Each message goes to one of them."
                        on_commit={spec_commit(props, c, |spec, text| {
                            if let Spec::Consumer(k) = spec {
                                k.instances = parse_whole(text, "instances", 1, u64::from(MAX_INSTANCES))? as u32;
                            }
                            Ok(())
                        })} />
                    <SelectField key={key("ack_mode")} setting="ack_mode" label="Acknowledgement"
                        value={ack_mode_value(k.ack_mode)}
                        options={vec![("delete-after-processing".into(), "Delete after processing".into())]}
                        default_note="default delete after processing"
                        note="Ack on receive and auto-delete on success come in a later version."
                        help="When the consumer deletes a message from its queue. After processing: a crash before the delete means the message is delivered again after the visibility timeout, so duplicates are possible."
                        on_change={spec_commit(props, c, |spec, text| {
                            if let Spec::Consumer(k) = spec {
                                k.ack_mode = match text {
                                    "delete-after-processing" => AckMode::DeleteAfterProcessing,
                                    other => return Err(format!("Unknown acknowledgement mode '{other}'.")),
                                };
                            }
                            Ok(())
                        })} />
                </>
            }
        }
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
                    <h2>{ kind.label() }</h2>
                    <code class="component-id" title="The id used in links and the event log">{ id.as_str() }</code>
                </div>
            </header>
            <p class="inspector-intro">{ kind_help(kind) }</p>
            <TextField key={key("name")} setting="name" label="Name" value={c.name.clone()} inputmode="text"
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

fn wire_panel(wire: &Wire, props: &InspectorProps) -> Html {
    let name_of = |id: &ComponentId| {
        props.scenario.component(id).map(|c| c.name.clone()).unwrap_or_else(|| id.to_string())
    };
    let (from, to) = (wire.from.clone(), wire.to.clone());
    let latency_commit = {
        let (from, to, current, on_edit) = (from.clone(), to.clone(), wire.latency_ms, props.on_edit.clone());
        Commit::from(move |text: String| {
            let latency_ms = parse_whole(&text, "milliseconds", 0, MAX_WIRE_LATENCY_MS)?;
            if latency_ms != current {
                on_edit.emit(Edit::SetWireLatency { from: from.clone(), to: to.clone(), latency_ms });
            }
            Ok(())
        })
    };
    let on_delete = {
        let (from, to, on_edit, on_select) = (from.clone(), to.clone(), props.on_edit.clone(), props.on_select.clone());
        Callback::from(move |_| {
            on_edit.emit(Edit::Disconnect { from: from.clone(), to: to.clone() });
            on_select.emit(None);
        })
    };
    html! {
        <section class="inspector-body">
            <header class="inspector-head kind-wire">
                <svg class="kind-icon" width="26" height="26" viewBox="0 0 24 24" aria-hidden="true">
                    <path d="M3 17 C 10 17, 12 7, 19 7" fill="none" stroke="currentColor" stroke-width="1.8" />
                    <path d="M16 4 L20.5 7 L16 10" fill="none" stroke="currentColor" stroke-width="1.8" />
                </svg>
                <div>
                    <h2>{ "Wire" }</h2>
                    <code class="component-id">{ format!("{from} → {to}") }</code>
                </div>
            </header>
            <p class="inspector-intro">
                { "Messages travel from " }<strong>{ name_of(&from) }</strong>{ " to " }<strong>{ name_of(&to) }</strong>
                { ". Each hop takes the wire's latency." }
            </p>
            <TextField key={format!("{from}→{to}:latency_ms")} setting="latency_ms" label="Latency" unit="ms"
                value={wire.latency_ms.to_string()} echo_ms=true
                default_note={format!("default {}", format::duration_ms(DEFAULT_WIRE_LATENCY_MS))}
                help="One-way network delay of a message along this wire."
                on_commit={latency_commit} />
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
    let title = if scenario.title.trim().is_empty() { "Untitled scenario" } else { scenario.title.as_str() };
    html! {
        <section class="inspector-body">
            <header class="inspector-head kind-scenario">
                <div>
                    <h2>{ title }</h2>
                    <span class="component-id">{ format!("{} components · {} wires", scenario.components.len(), scenario.wires.len()) }</span>
                </div>
            </header>
            if !scenario.description.trim().is_empty() {
                <p class="scenario-description">{ &scenario.description }</p>
            }
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

/// A commit for one setting of `component`: `change` applies the typed text
/// to a copy of the settings; the result must then pass the document's own
/// validation (which also checks limits spanning several fields, such as the
/// SNS retry policy's total) before it is sent as an edit.
fn spec_commit(
    props: &InspectorProps,
    component: &Component,
    change: impl Fn(&mut Spec, &str) -> Result<(), String> + 'static,
) -> Commit {
    let scenario = props.scenario.clone();
    let on_edit = props.on_edit.clone();
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
        if let Err(errors) = validate(&candidate) {
            if let Some(problem) = errors.iter().find(|e| e.at == id.as_str()) {
                return Err(sentence(&problem.message));
            }
        }
        on_edit.emit(Edit::SetSpec { id: id.clone(), spec });
        Ok(())
    })
}

/// Validation messages are written lower-case to follow a location; standing
/// alone under a field they read better as a sentence.
fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    let mut text: String = chars.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
    text.extend(chars);
    if !text.ends_with('.') {
        text.push('.');
    }
    text
}

/// People type "30,000" or "30 000" as often as "30000".
fn strip_separators(text: &str) -> String {
    text.trim().chars().filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}')).collect()
}

fn parse_whole(text: &str, what: &str, min: u64, max: u64) -> Result<u64, String> {
    let clean = strip_separators(text);
    let range = format!("between {} and {}", thousands(min), thousands(max));
    let value: u64 = clean.parse().map_err(|_| {
        if clean.is_empty() {
            format!("Enter a whole number of {what}, {range}.")
        } else {
            format!("'{}' is not a whole number of {what}; enter one {range}.", text.trim())
        }
    })?;
    if !(min..=max).contains(&value) {
        return Err(format!("Enter a number of {what} {range}."));
    }
    Ok(value)
}

fn parse_rate(text: &str) -> Result<f64, String> {
    let clean = strip_separators(text);
    let limit = format!("more than 0 and at most {}", thousands(MAX_RATE_PER_S as u64));
    let value: f64 = clean
        .parse()
        .map_err(|_| format!("Enter a rate in messages per second, {limit}."))?;
    if !(value.is_finite() && value > 0.0 && value <= MAX_RATE_PER_S) {
        return Err(format!("The rate must be {limit} msg/s."));
    }
    Ok(value)
}

/// `43200000` as `43,200,000`.
fn thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn pattern_value(pattern: ArrivalPattern) -> String {
    match pattern {
        ArrivalPattern::Constant => "constant".into(),
        ArrivalPattern::Poisson => "poisson".into(),
    }
}

fn ack_mode_value(mode: AckMode) -> String {
    match mode {
        AckMode::AckOnReceive => "ack-on-receive".into(),
        AckMode::DeleteAfterProcessing => "delete-after-processing".into(),
        AckMode::AutoDeleteOnSuccess => "auto-delete-on-success".into(),
    }
}

#[derive(Properties, PartialEq)]
struct TextFieldProps {
    /// The setting's name, as in the document; the test hook is `field-<setting>`.
    setting: AttrValue,
    label: AttrValue,
    #[prop_or_default]
    unit: AttrValue,
    /// The value in the document, as text.
    value: AttrValue,
    #[prop_or_default]
    default_note: AttrValue,
    help: AttrValue,
    /// Show the value as a duration beside the field ("= 30 s").
    #[prop_or_default]
    echo_ms: bool,
    #[prop_or(AttrValue::Static("decimal"))]
    inputmode: AttrValue,
    on_commit: Commit,
}

/// A typed setting. Typing only changes a draft; Enter or leaving the field
/// commits it, Escape throws it away. A refused value stays in the field
/// with the reason underneath, so it can be corrected.
#[function_component(TextField)]
fn text_field(props: &TextFieldProps) -> Html {
    let draft = use_state(|| None::<String>);
    let problem = use_state(|| None::<String>);
    let shown = (*draft).clone().unwrap_or_else(|| props.value.to_string());

    let commit = {
        let (draft, problem, on_commit) = (draft.clone(), problem.clone(), props.on_commit.clone());
        move || {
            let Some(text) = (*draft).clone() else { return };
            match on_commit.emit(text) {
                Ok(()) => {
                    draft.set(None);
                    problem.set(None);
                }
                Err(reason) => problem.set(Some(reason)),
            }
        }
    };
    let on_input = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            draft.set(Some(input.value()));
        })
    };
    let on_keydown = {
        let commit = commit.clone();
        let (draft, problem) = (draft.clone(), problem.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                e.prevent_default();
                commit();
            }
            "Escape" => {
                draft.set(None);
                problem.set(None);
            }
            _ => {}
        })
    };
    let on_blur = Callback::from(move |_: FocusEvent| commit());

    let echo = props
        .echo_ms
        .then(|| strip_separators(&shown).parse::<u64>().ok())
        .flatten()
        .map(|ms| format!("= {}", format::duration_ms(ms)));
    let input_id = format!("field-input-{}", props.setting);
    let error_id = format!("{input_id}-error");
    html! {
        <div class={classes!("field", problem.is_some().then_some("invalid"))} title={props.help.clone()}>
            <label for={input_id.clone()}>
                <span class="field-label">{ &props.label }</span>
                if !props.unit.is_empty() {
                    <span class="field-unit">{ format!(" ({})", props.unit) }</span>
                }
                <span class="field-info" aria-hidden="true">{ "i" }</span>
            </label>
            <div class="field-row">
                <input id={input_id} type="text" inputmode={props.inputmode.clone()}
                       data-testid={format!("field-{}", props.setting)}
                       value={shown} oninput={on_input} onkeydown={on_keydown} onblur={on_blur}
                       aria-invalid={problem.is_some().to_string()}
                       aria-describedby={error_id.clone()} spellcheck="false" autocomplete="off" />
                if let Some(echo) = echo {
                    <span class="field-echo">{ echo }</span>
                }
            </div>
            if !props.default_note.is_empty() {
                <div class="field-default">{ &props.default_note }</div>
            }
            if let Some(reason) = (*problem).clone() {
                <div class="field-error" id={error_id} role="alert"
                     data-testid={format!("field-error-{}", props.setting)}>{ reason }</div>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SelectFieldProps {
    setting: AttrValue,
    label: AttrValue,
    value: String,
    /// (value, what a person reads) pairs.
    options: Vec<(String, String)>,
    #[prop_or_default]
    default_note: AttrValue,
    /// A remark under the field, such as what is not modelled yet.
    #[prop_or_default]
    note: AttrValue,
    help: AttrValue,
    on_change: Commit,
}

/// A setting chosen from a list; a choice commits at once.
#[function_component(SelectField)]
fn select_field(props: &SelectFieldProps) -> Html {
    let problem = use_state(|| None::<String>);
    let on_change = {
        let (problem, on_change) = (problem.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            problem.set(on_change.emit(select.value()).err());
        })
    };
    let input_id = format!("field-input-{}", props.setting);
    html! {
        <div class={classes!("field", problem.is_some().then_some("invalid"))} title={props.help.clone()}>
            <label for={input_id.clone()}>
                <span class="field-label">{ &props.label }</span>
                <span class="field-info" aria-hidden="true">{ "i" }</span>
            </label>
            <select id={input_id} data-testid={format!("field-{}", props.setting)} onchange={on_change}>
                { for props.options.iter().map(|(value, text)| html! {
                    <option value={value.clone()} selected={*value == props.value}>{ text }</option>
                }) }
            </select>
            if !props.default_note.is_empty() {
                <div class="field-default">{ &props.default_note }</div>
            }
            if !props.note.is_empty() {
                <div class="field-note">{ &props.note }</div>
            }
            if let Some(reason) = (*problem).clone() {
                <div class="field-error" role="alert">{ reason }</div>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_numbers_accept_separators_and_explain_limits() {
        assert_eq!(parse_whole("30,000", "ms", 0, 100_000), Ok(30_000));
        assert_eq!(parse_whole(" 45 000 ", "ms", 0, 100_000), Ok(45_000));
        assert!(parse_whole("-5", "ms", 0, 10).unwrap_err().contains("not a whole number"));
        assert!(parse_whole("11", "ms", 0, 10).unwrap_err().contains("between 0 and 10"));
        assert!(parse_rate("0").is_err());
        assert_eq!(parse_rate("2.5"), Ok(2.5));
        assert_eq!(thousands(43_200_000), "43,200,000");
    }
}
