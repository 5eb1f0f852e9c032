//! The inspector's list editors: a publisher's message attributes
//! (`type: book, food`, `amount: 10–500`), a subscription's filter policy
//! (`type is book`, `amount ≥ 100`), and the cluster's lists: a node's
//! taints, a pod template's tolerations and an ingress's rules. Each row
//! commits on its own, as one undoable edit checked by `validate` like every
//! other field.

use super::cluster_inspector::MAX_CLUSTER_DURATION_MS;
use super::fields::{remark, CheckField, Commit, SelectField, TextField};
use super::format;
use super::inspector::{spec_commit, wire_commit, InspectorProps};
use super::parse::{
    attribute_values_text, condition_op, condition_text, describe_policy_in, filter_op_label, op_takes_value,
    parse_attribute_values, parse_condition, parse_optional_duration_ms, policy_from_rows, policy_rows, FilterRow,
    FILTER_OPS,
};
use crate::i18n::{Lang, Text};
use fanout_engine::cluster::{IngressRule, TaintConfig, TaintEffect, Toleration, TolerationOperator};
use fanout_engine::scenario::validate::{MAX_ATTRIBUTES, MAX_FILTER_KEYS};
use fanout_engine::scenario::{
    AttributeRule, AttributeValues, Component, ComponentId, ComponentKind, FilterCondition, FilterPolicy,
    MessageGroup, Scenario, Spec, Wire,
};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Attributes a new row suggests, in order: the lesson's order type, an
/// amount to filter on with numbers, then a few more.
const SUGGESTED: [(&str, &[&str]); 5] = [
    ("type", &["book", "food"]),
    ("amount", &[]),
    ("region", &["eu", "us"]),
    ("customer", &["c1", "c2", "c3"]),
    ("channel", &["web", "app"]),
];

fn suggested_values(words: &[&str]) -> AttributeValues {
    if words.is_empty() {
        AttributeValues::Between(10, 500)
    } else {
        AttributeValues::OneOf(words.iter().map(|w| w.to_string()).collect())
    }
}

/// Changes a publisher's attributes (and its message group, which may name
/// one) from typed text.
type AttributeChange = Rc<dyn Fn(&mut Vec<AttributeRule>, &mut MessageGroup, &str) -> Result<(), String>>;
/// Changes a subscription's filter policy from typed text.
type PolicyChange = Rc<dyn Fn(&mut Option<FilterPolicy>, &str) -> Result<(), String>>;
/// Changes the filter editor's rows from typed text.
type RowsChange = Rc<dyn Fn(&mut Vec<FilterRow>, &str) -> Result<(), String>>;

/// A publisher's message attributes, one row each: name, kind, values.
pub fn attributes_editor(props: &InspectorProps, publisher: &Component) -> Html {
    let lang = props.lang;
    let Spec::Publisher(config) = &publisher.spec else { return html! {} };
    // Every row's controls commit through one function: the row and what to
    // change in it arrive with the text.
    let commit = |change: AttributeChange| {
        spec_commit(
            props,
            publisher,
            Rc::new(move |spec: &mut Spec, text: &str| match spec {
                Spec::Publisher(p) => change(&mut p.attributes, &mut p.message_group, text),
                _ => Ok(()),
            }),
        )
    };
    let rows = config.attributes.iter().enumerate().map(|(i, rule)| {
        let kind = if matches!(rule.values, AttributeValues::Between(..)) { "between" } else { "one-of" };
        let name_commit = commit(Rc::new(move |rules, group, text| {
            // The message group follows a renamed attribute.
            if *group == MessageGroup::FromAttribute(rules[i].name.clone()) {
                *group = MessageGroup::FromAttribute(text.to_string());
            }
            rules[i].name = text.to_string();
            Ok(())
        }));
        let kind_commit = commit(Rc::new(move |rules, _, text| {
            let now_between = matches!(rules[i].values, AttributeValues::Between(..));
            if (text == "between") != now_between {
                rules[i].values = suggested_values(if text == "between" { &[] } else { &["a", "b"] });
            }
            Ok(())
        }));
        let values_commit = commit(Rc::new(move |rules, _, text| {
            let kind = if matches!(rules[i].values, AttributeValues::Between(..)) { "between" } else { "one-of" };
            rules[i].values = parse_attribute_values(kind, text, lang)?;
            Ok(())
        }));
        let remove = commit(Rc::new(move |rules, group, _| {
            let gone = rules.remove(i);
            if *group == MessageGroup::FromAttribute(gone.name) {
                *group = MessageGroup::default();
            }
            Ok(())
        }));
        let placeholder = if kind == "between" { "10–500" } else { "book, food" };
        html! {
            <div class="list-row attribute-row" key={format!("{i}:{}", rule.name)}>
                <TextField compact=true setting={format!("attribute-{i}-name")} label={lang.t(Text::AttributeName)} inputmode="text"
                    value={rule.name.clone()} help={lang.t(Text::AttributeNameHelp)} on_commit={name_commit} />
                <SelectField compact=true setting={format!("attribute-{i}-kind")} label={lang.t(Text::AttributeKind)} value={kind.to_string()}
                    options={vec![("one-of".into(), lang.t(Text::OneOf).into()), ("between".into(), lang.t(Text::Between).into())]}
                    help={lang.t(Text::AttributeKindHelp)}
                    on_change={kind_commit} />
                { remove_button(format!("field-attribute-{i}-remove"), lang.format(Text::RemoveAttribute, &[("name", &rule.name)]), remove) }
                <TextField compact=true setting={format!("attribute-{i}-values")} label={placeholder} inputmode="text"
                    value={attribute_values_text(&rule.values)}
                    help={lang.t(Text::AttributeValuesHelp)}
                    on_commit={values_commit} />
            </div>
        }
    });
    let add = commit(Rc::new(|rules, _, _| {
        let (name, words) = SUGGESTED
            .iter()
            .find(|(name, _)| rules.iter().all(|r| r.name != *name))
            .copied()
            .unwrap_or(("attribute", &["a", "b"]));
        rules.push(AttributeRule { name: name.into(), values: suggested_values(words) });
        Ok(())
    }));
    let full = config.attributes.len() >= MAX_ATTRIBUTES;
    html! {
        <div class="list-editor" data-testid="field-attributes" title={lang.t(Text::AttributesHelp)}>
            <div class="list-title">
                <span class="field-label">{ lang.t(Text::Attributes) }</span>
                <span class="field-unit">{ format!(" ({})", of_max(lang, config.attributes.len(), MAX_ATTRIBUTES)) }</span>
                <span class="field-info" aria-hidden="true">{ "i" }</span>
            </div>
            { for rows }
            { add_button("field-attributes-add", lang.t(Text::AddAttribute), full, add) }
        </div>
    }
}

/// A subscription's ends and the filter policy it had.
type KeptPolicy = (ComponentId, ComponentId, FilterPolicy);

thread_local! {
    /// The filter policy switched off last, so switching it on again brings
    /// it back (undo covers the rest).
    static SWITCHED_OFF: RefCell<Option<KeptPolicy>> = const { RefCell::new(None) };
}

/// A subscription's filter policy: rows of attribute + condition. Rows with
/// the same attribute are alternatives; different attributes must all match.
pub fn filter_editor(props: &InspectorProps, wire: &Wire) -> Html {
    let lang = props.lang;
    let scenario = &props.scenario;
    let commit = |change: PolicyChange| {
        wire_commit(
            props,
            wire,
            Rc::new(move |wire: &mut Wire, text: &str| change(&mut wire.filter_policy, text)),
        )
    };
    // Rows edit a flat list and rebuild the policy; an empty list means no filter.
    let rows_commit = |change: RowsChange| {
        commit(Rc::new(move |policy, text| {
            let mut rows = policy.as_ref().map(policy_rows).unwrap_or_default();
            change(&mut rows, text)?;
            *policy = (!rows.is_empty()).then(|| policy_from_rows(rows));
            Ok(())
        }))
    };
    let hints = Rc::new(upstream_attributes(scenario, &wire.from));
    let first_row = {
        let hints = hints.clone();
        move |taken: &[FilterRow]| -> FilterRow {
            let key = hints
                .iter()
                .map(|rule| rule.name.clone())
                .find(|name| taken.iter().all(|(k, _)| k != name))
                .or_else(|| taken.last().map(|(k, _)| k.clone()))
                .unwrap_or_else(|| "type".into());
            // Numbers are compared, words matched.
            let numeric = hints.iter().any(|r| r.name == key && matches!(r.values, AttributeValues::Between(..)));
            let condition = sample_condition(&hints, &key, if numeric { ">=" } else { "exact" });
            (key, condition)
        }
    };

    let toggle = {
        let first_row = first_row.clone();
        let (from, to) = (wire.from.clone(), wire.to.clone());
        commit(Rc::new(move |policy, text| {
            if text == "true" {
                let kept = SWITCHED_OFF.with(|off| match &*off.borrow() {
                    Some((f, t, kept)) if *f == from && *t == to => Some(kept.clone()),
                    _ => None,
                });
                *policy = Some(kept.unwrap_or_else(|| policy_from_rows([first_row(&[])])));
            } else if let Some(current) = policy.take() {
                SWITCHED_OFF.with(|off| *off.borrow_mut() = Some((from.clone(), to.clone(), current)));
            }
            Ok(())
        }))
    };
    let rows = wire.filter_policy.as_ref().map(policy_rows).unwrap_or_default();
    let row_views = rows.iter().enumerate().map(|(i, (key, condition))| {
        let op = condition_op(condition);
        let key_commit = rows_commit(Rc::new(move |rows, text| {
            rows[i].0 = text.to_string();
            Ok(())
        }));
        let op_commit = {
            let hints = hints.clone();
            rows_commit(Rc::new(move |rows, op| {
                let (key, condition) = &rows[i];
                rows[i].1 = parse_condition(op, &condition_text(condition), lang)
                    .unwrap_or_else(|_| sample_condition(&hints, key, op));
                Ok(())
            }))
        };
        let value_commit = rows_commit(Rc::new(move |rows, text| {
            rows[i].1 = parse_condition(condition_op(&rows[i].1), text, lang)?;
            Ok(())
        }));
        let remove = rows_commit(Rc::new(move |rows, _| {
            rows.remove(i);
            Ok(())
        }));
        html! {
            <div class="list-row filter-row" key={format!("{i}:{key}:{op}")}>
                <TextField compact=true setting={format!("filter-{i}-key")} label={lang.t(Text::Attribute)} inputmode="text"
                    value={key.clone()} help={lang.t(Text::FilterKeyHelp)} on_commit={key_commit} />
                <SelectField compact=true setting={format!("filter-{i}-op")} label={lang.t(Text::Condition)} value={op.to_string()}
                    options={FILTER_OPS.iter().map(|(v, _)| (v.to_string(), filter_op_label(v, lang).to_string())).collect::<Vec<_>>()}
                    help={lang.t(Text::ConditionHelp)}
                    on_change={op_commit} />
                { remove_button(format!("field-filter-{i}-remove"), lang.format(Text::RemoveCondition, &[("key", key)]), remove) }
                if op_takes_value(op) {
                    <TextField compact=true setting={format!("filter-{i}-value")} label={lang.t(Text::Value)} inputmode="text"
                        value={condition_text(condition)}
                        help={lang.t(Text::FilterValueHelp)} on_commit={value_commit} />
                }
            </div>
        }
    });
    let add = {
        let first_row = first_row.clone();
        rows_commit(Rc::new(move |rows, _| {
            let row = first_row(rows);
            rows.push(row);
            Ok(())
        }))
    };
    let keys = wire.filter_policy.as_ref().map_or(0, |p| p.len());
    let summary = match &wire.filter_policy {
        Some(policy) => lang.format(Text::DeliversOnly, &[("policy", &describe_policy_in(policy, lang))]),
        None => lang.t(Text::DeliversEverything).into(),
    };
    html! {
        <>
            <CheckField setting="filter_enabled" label={lang.t(Text::OnlyMatching)}
                checked={wire.filter_policy.is_some()} default_note={lang.t(Text::DefaultOffEveryMessage)}
                help={lang.t(Text::OnlyMatchingHelp)}
                on_change={toggle} />
            <div class="list-editor" data-testid="field-filter_policy">
                if !rows.is_empty() {
                    <div class="list-title">
                        <span class="field-label">{ lang.t(Text::Conditions) }</span>
                        <span class="field-unit">
                            { format!(" ({})", lang.format(Text::AttributesOfMax, &[("n", &keys), ("max", &MAX_FILTER_KEYS)])) }
                        </span>
                    </div>
                    { for row_views }
                    { add_button("field-filter-add", lang.t(Text::AddCondition), false, add) }
                    { remark(lang.t(Text::OrAndRemark)) }
                }
                <p class="list-summary" data-testid="filter-summary">{ summary }</p>
            </div>
        </>
    }
}

/// The attributes of the publishers feeding a topic: the keys a filter on its
/// subscriptions can use, with their values.
fn upstream_attributes(scenario: &Scenario, topic: &ComponentId) -> Vec<AttributeRule> {
    scenario
        .wires
        .iter()
        .filter(|w| &w.to == topic)
        .filter_map(|w| scenario.component(&w.from))
        .filter(|c| c.kind() == ComponentKind::Publisher)
        .flat_map(|c| match &c.spec {
            Spec::Publisher(p) => p.attributes.clone(),
            _ => Vec::new(),
        })
        .collect()
}

/// A condition with operator `op` that makes sense for `key`: its first
/// value, or the bottom of its range, as the publisher sends it.
fn sample_condition(hints: &[AttributeRule], key: &str, op: &str) -> FilterCondition {
    let sample = match hints.iter().find(|r| r.name == key).map(|r| &r.values) {
        Some(AttributeValues::OneOf(words)) => words.first().cloned().unwrap_or_default(),
        Some(AttributeValues::Between(min, _)) => min.to_string(),
        None => "book".into(),
    };
    // Only whether a condition comes out matters here, not why none does.
    parse_condition(op, &sample, Lang::En)
        .or(parse_condition(op, "0", Lang::En))
        .unwrap_or(FilterCondition::Exists(true))
}

fn add_button(testid: &'static str, text: &'static str, disabled: bool, commit: Commit) -> Html {
    html! {
        <button type="button" class="list-add" data-testid={testid} disabled={disabled}
                onclick={Callback::from(move |_| { let _ = commit.emit(String::new()); })}>
            { "+ " }{ text }
        </button>
    }
}

fn remove_button(testid: String, label: String, commit: Commit) -> Html {
    html! {
        <button type="button" class="list-remove" data-testid={testid} aria-label={label.clone()} title={label}
                onclick={Callback::from(move |_| { let _ = commit.emit(String::new()); })}>
            { "×" }
        </button>
    }
}

/// Most taints a node may carry here (Kubernetes sets no limit; twenty keeps
/// the panel and the filter's explanation readable).
const MAX_TAINTS: usize = 20;
/// Most tolerations a pod template may have (the cluster engine's limit).
const MAX_TOLERATIONS: usize = 20;
/// Most rules an ingress may have (the cluster engine's limit).
const MAX_INGRESS_RULES: usize = 100;

/// Taint effects as (value, label); `PreferNoSchedule` is not modelled.
const TAINT_EFFECTS: [(&str, &str, TaintEffect); 2] = [
    ("no-schedule", "NoSchedule", TaintEffect::NoSchedule),
    ("no-execute", "NoExecute", TaintEffect::NoExecute),
];

fn effect_value(effect: Option<TaintEffect>) -> &'static str {
    TAINT_EFFECTS.iter().find(|(.., e)| Some(*e) == effect).map_or("", |(v, ..)| v)
}

fn effect_from(text: &str) -> Option<TaintEffect> {
    TAINT_EFFECTS.iter().find(|(v, ..)| *v == text).map(|(.., e)| *e)
}

/// "2 of 20".
fn of_max(lang: Lang, n: usize, max: usize) -> String {
    lang.format(Text::OfMax, &[("n", &n), ("max", &max)])
}

/// A titled list with its rows and an add button, as every list editor is
/// drawn: the test hook is `testid`, the explanation is in the tooltip.
fn list_frame(testid: &'static str, title: &'static str, count: String, help: &'static str, rows: Html, add: Html) -> Html {
    html! {
        <div class="list-editor" data-testid={testid} title={help}>
            <div class="list-title">
                <span class="field-label">{ title }</span>
                <span class="field-unit">{ format!(" ({count})") }</span>
                <span class="field-info" aria-hidden="true">{ "i" }</span>
            </div>
            { rows }
            { add }
        </div>
    }
}

/// Changes a list inside a component's settings from typed text.
type ListChange<T> = Rc<dyn Fn(&mut Vec<T>, &str) -> Result<(), String>>;

/// A node's taints: key, value and effect per row.
pub fn taints_editor(props: &InspectorProps, node: &Component) -> Html {
    let lang = props.lang;
    let Spec::Node(config) = &node.spec else { return html! {} };
    let commit = |change: ListChange<TaintConfig>| {
        spec_commit(
            props,
            node,
            Rc::new(move |spec: &mut Spec, text: &str| match spec {
                Spec::Node(n) => change(&mut n.taints, text),
                _ => Ok(()),
            }),
        )
    };
    let rows: Html = config
        .taints
        .iter()
        .enumerate()
        .map(|(i, taint)| {
            let key_commit = commit(Rc::new(move |taints, text| {
                if text.is_empty() {
                    return Err(lang.t(Text::TaintNeedsKey).into());
                }
                taints[i].key = text.to_string();
                Ok(())
            }));
            let value_commit = commit(Rc::new(move |taints, text| {
                taints[i].value = text.to_string();
                Ok(())
            }));
            let effect_commit = commit(Rc::new(move |taints, text| {
                taints[i].effect = effect_from(text).ok_or(lang.t(Text::UnknownTaintEffect))?;
                Ok(())
            }));
            let remove = commit(Rc::new(move |taints, _| {
                taints.remove(i);
                Ok(())
            }));
            html! {
                <div class="list-row taint-row" key={format!("{i}:{}:{}", taint.key, taint.value)}>
                    <TextField compact=true setting={format!("taint-{i}-key")} label={lang.t(Text::Key)} inputmode="text"
                        value={taint.key.clone()} help={lang.t(Text::TaintKeyHelp)}
                        on_commit={key_commit} />
                    <SelectField compact=true setting={format!("taint-{i}-effect")} label={lang.t(Text::Effect)}
                        value={effect_value(Some(taint.effect)).to_string()}
                        options={TAINT_EFFECTS.iter().map(|(v, l, _)| (v.to_string(), l.to_string())).collect::<Vec<_>>()}
                        help={lang.t(Text::TaintEffectHelp)}
                        on_change={effect_commit} />
                    { remove_button(format!("field-taint-{i}-remove"), lang.format(Text::RemoveTaint, &[("key", &taint.key)]), remove) }
                    <TextField compact=true setting={format!("taint-{i}-value")} label={lang.t(Text::ValueMayBeEmpty)} inputmode="text"
                        value={taint.value.clone()} help={lang.t(Text::TaintValueHelp)}
                        on_commit={value_commit} />
                </div>
            }
        })
        .collect();
    let add = commit(Rc::new(|taints, _| {
        taints.push(TaintConfig { key: "dedicated".into(), value: "batch".into(), effect: TaintEffect::NoSchedule });
        Ok(())
    }));
    list_frame(
        "field-taints",
        lang.t(Text::Taints),
        of_max(lang, config.taints.len(), MAX_TAINTS),
        lang.t(Text::TaintsHelp),
        rows,
        add_button("field-taints-add", lang.t(Text::AddTaint), config.taints.len() >= MAX_TAINTS, add),
    )
}

/// A deployment's pod tolerations: key, operator, value, effect and, for
/// NoExecute, how long.
pub fn tolerations_editor(props: &InspectorProps, deployment: &Component) -> Html {
    let lang = props.lang;
    let Spec::Deployment(config) = &deployment.spec else { return html! {} };
    let tolerations = &config.template.tolerations;
    let commit = |change: ListChange<Toleration>| {
        spec_commit(
            props,
            deployment,
            Rc::new(move |spec: &mut Spec, text: &str| match spec {
                Spec::Deployment(d) => change(&mut d.template.tolerations, text),
                _ => Ok(()),
            }),
        )
    };
    let rows: Html = tolerations
        .iter()
        .enumerate()
        .map(|(i, toleration)| {
            let key_commit = commit(Rc::new(move |list, text| {
                list[i].key = text.to_string();
                Ok(())
            }));
            let operator_commit = commit(Rc::new(move |list, text| {
                list[i].operator = if text == "exists" { TolerationOperator::Exists } else { TolerationOperator::Equal };
                Ok(())
            }));
            let value_commit = commit(Rc::new(move |list, text| {
                list[i].value = text.to_string();
                Ok(())
            }));
            let effect_commit = commit(Rc::new(move |list, text| {
                list[i].effect = effect_from(text);
                Ok(())
            }));
            let for_commit = commit(Rc::new(move |list, text| {
                list[i].toleration_ms = parse_optional_duration_ms(text, 0, MAX_CLUSTER_DURATION_MS, lang)?;
                Ok(())
            }));
            let remove = commit(Rc::new(move |list, _| {
                list.remove(i);
                Ok(())
            }));
            let operator = if toleration.operator == TolerationOperator::Exists { "exists" } else { "equal" };
            let mut effects = vec![(String::new(), lang.t(Text::AnyEffect).to_string())];
            effects.extend(TAINT_EFFECTS.iter().map(|(v, l, _)| (v.to_string(), l.to_string())));
            let lasting = toleration.toleration_ms.map_or_else(|| lang.t(Text::Forever).to_string(), format::duration_ms);
            html! {
                <div class="list-row toleration-row" key={format!("{i}:{}:{operator}", toleration.key)}>
                    <TextField compact=true setting={format!("toleration-{i}-key")} label={lang.t(Text::KeyEmptyAny)} inputmode="text"
                        value={toleration.key.clone()}
                        help={lang.t(Text::TolerationKeyHelp)}
                        on_commit={key_commit} />
                    <SelectField compact=true setting={format!("toleration-{i}-operator")} label={lang.t(Text::Operator)}
                        value={operator.to_string()}
                        options={vec![("equal".into(), "Equal".into()), ("exists".into(), "Exists".into())]}
                        help={lang.t(Text::OperatorHelp)}
                        on_change={operator_commit} />
                    { remove_button(format!("field-toleration-{i}-remove"), lang.format(Text::RemoveToleration, &[("key", &toleration.key)]), remove) }
                    <TextField compact=true setting={format!("toleration-{i}-value")} label={lang.t(Text::Value)} inputmode="text"
                        value={toleration.value.clone()} help={lang.t(Text::TolerationValueHelp)} on_commit={value_commit} />
                    <SelectField compact=true setting={format!("toleration-{i}-effect")} label={lang.t(Text::Effect)}
                        value={effect_value(toleration.effect).to_string()} options={effects}
                        help={lang.t(Text::TolerationEffectHelp)} on_change={effect_commit} />
                    <TextField compact=true setting={format!("toleration-{i}-toleration_ms")}
                        label={lang.format(Text::NoExecuteStay, &[("time", &lasting)])}
                        value={toleration.toleration_ms.map(|ms| ms.to_string()).unwrap_or_default()}
                        help={lang.t(Text::TolerationSecondsHelp)}
                        on_commit={for_commit} />
                </div>
            }
        })
        .collect();
    let add = commit(Rc::new(|list, _| {
        list.push(Toleration {
            key: "dedicated".into(),
            value: "batch".into(),
            effect: Some(TaintEffect::NoSchedule),
            ..Toleration::default()
        });
        Ok(())
    }));
    list_frame(
        "field-tolerations",
        lang.t(Text::Tolerations),
        of_max(lang, tolerations.len(), MAX_TOLERATIONS),
        lang.t(Text::TolerationsHelp),
        rows,
        add_button("field-tolerations-add", lang.t(Text::AddToleration), tolerations.len() >= MAX_TOLERATIONS, add),
    )
}

/// An ingress's rules: host and path prefix to a service.
pub fn ingress_rules_editor(props: &InspectorProps, ingress: &Component) -> Html {
    let lang = props.lang;
    let Spec::Ingress(config) = &ingress.spec else { return html! {} };
    let services: Vec<(String, String)> = props
        .scenario
        .components
        .iter()
        .filter(|c| c.kind() == ComponentKind::Service)
        .map(|c| (c.id.to_string(), c.name.clone()))
        .collect();
    let commit = |change: ListChange<IngressRule>| {
        spec_commit(
            props,
            ingress,
            Rc::new(move |spec: &mut Spec, text: &str| match spec {
                Spec::Ingress(i) => change(&mut i.rules, text),
                _ => Ok(()),
            }),
        )
    };
    let rows: Html = config
        .rules
        .iter()
        .enumerate()
        .map(|(i, rule)| {
            let host_commit = commit(Rc::new(move |rules, text| {
                rules[i].host = text.to_string();
                Ok(())
            }));
            let path_commit = commit(Rc::new(move |rules, text| {
                rules[i].path_prefix = text.to_string();
                Ok(())
            }));
            let service_commit = commit(Rc::new(move |rules, text| {
                rules[i].service = text.to_string();
                Ok(())
            }));
            let remove = commit(Rc::new(move |rules, _| {
                rules.remove(i);
                Ok(())
            }));
            let mut choices = services.clone();
            if !choices.iter().any(|(id, _)| *id == rule.service) {
                choices.insert(0, (rule.service.clone(), lang.format(Text::MissingService, &[("id", &rule.service)])));
            }
            html! {
                <div class="list-row rule-row" key={format!("{i}:{}:{}", rule.host, rule.path_prefix)}>
                    <TextField compact=true setting={format!("rule-{i}-host")} label={lang.t(Text::AnyHost)} inputmode="text"
                        value={rule.host.clone()} help={lang.t(Text::RuleHostHelp)}
                        on_commit={host_commit} />
                    <TextField compact=true setting={format!("rule-{i}-path_prefix")} label={lang.t(Text::PathPrefix)} inputmode="text"
                        value={rule.path_prefix.clone()} help={lang.t(Text::PathPrefixHelp)}
                        on_commit={path_commit} />
                    { remove_button(format!("field-rule-{i}-remove"),
                        lang.format(Text::RemoveRule, &[("rule", &format!("{}{}", rule.host, rule.path_prefix))]), remove) }
                    <SelectField compact=true setting={format!("rule-{i}-service")} label={lang.t(Text::KindService)} value={rule.service.clone()}
                        options={choices} help={lang.t(Text::RuleServiceHelp)} on_change={service_commit} />
                </div>
            }
        })
        .collect();
    let first_service = services.first().map(|(id, _)| id.clone());
    let add = commit(Rc::new(move |rules, _| {
        let service = first_service.clone().ok_or(lang.t(Text::AddServiceFirst))?;
        rules.push(IngressRule { host: String::new(), path_prefix: "/".into(), service });
        Ok(())
    }));
    let full = config.rules.len() >= MAX_INGRESS_RULES;
    html! {
        <>
            { list_frame(
                "field-rules",
                lang.t(Text::Rules),
                of_max(lang, config.rules.len(), MAX_INGRESS_RULES),
                lang.t(Text::RulesHelp),
                rows,
                add_button("field-rules-add", lang.t(Text::AddRule), full || services.is_empty(), add),
            ) }
            if services.is_empty() {
                { remark(lang.t(Text::AddServiceFromPalette)) }
            }
        </>
    }
}
