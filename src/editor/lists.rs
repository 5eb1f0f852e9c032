//! The inspector's two list editors: a publisher's message attributes
//! (`type: book, food`, `amount: 10–500`) and a subscription's filter policy
//! (`type is book`, `amount ≥ 100`). Each row commits on its own, as one
//! undoable edit checked by `validate` like every other field.

use super::fields::{remark, CheckField, Commit, SelectField, TextField};
use super::inspector::{spec_commit, wire_commit, InspectorProps};
use super::parse::{
    attribute_values_text, condition_op, condition_text, describe_policy, op_takes_value, parse_attribute_values,
    parse_condition, policy_from_rows, policy_rows, FilterRow, FILTER_OPS,
};
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
            rules[i].values = parse_attribute_values(kind, text)?;
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
                <TextField compact=true setting={format!("attribute-{i}-name")} label="Attribute name" inputmode="text"
                    value={rule.name.clone()} help="The attribute's name, as filter policies refer to it." on_commit={name_commit} />
                <SelectField compact=true setting={format!("attribute-{i}-kind")} label="Kind" value={kind.to_string()}
                    options={vec![("one-of".into(), "one of".into()), ("between".into(), "between".into())]}
                    help="One of: each order takes one of the words at random. Between: a whole number drawn uniformly between two bounds."
                    on_change={kind_commit} />
                { remove_button(format!("field-attribute-{i}-remove"), format!("Remove attribute {}", rule.name), remove) }
                <TextField compact=true setting={format!("attribute-{i}-values")} label={placeholder} inputmode="text"
                    value={attribute_values_text(&rule.values)}
                    help="Words separated by commas (book, food), or a range of whole numbers (10–500)."
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
        <div class="list-editor" data-testid="field-attributes"
             title="Message attributes each order carries; topic subscriptions filter on them. Each order draws one value per attribute at random (seeded).">
            <div class="list-title">
                <span class="field-label">{ "Attributes" }</span>
                <span class="field-unit">{ format!(" ({} of {MAX_ATTRIBUTES})", config.attributes.len()) }</span>
                <span class="field-info" aria-hidden="true">{ "i" }</span>
            </div>
            { for rows }
            { add_button("field-attributes-add", "Add attribute", full, add) }
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
                rows[i].1 = parse_condition(op, &condition_text(condition))
                    .unwrap_or_else(|_| sample_condition(&hints, key, op));
                Ok(())
            }))
        };
        let value_commit = rows_commit(Rc::new(move |rows, text| {
            rows[i].1 = parse_condition(condition_op(&rows[i].1), text)?;
            Ok(())
        }));
        let remove = rows_commit(Rc::new(move |rows, _| {
            rows.remove(i);
            Ok(())
        }));
        html! {
            <div class="list-row filter-row" key={format!("{i}:{key}:{op}")}>
                <TextField compact=true setting={format!("filter-{i}-key")} label="Attribute" inputmode="text"
                    value={key.clone()} help="The message attribute this condition looks at (case-sensitive)." on_commit={key_commit} />
                <SelectField compact=true setting={format!("filter-{i}-op")} label="Condition" value={op.to_string()}
                    options={FILTER_OPS.iter().map(|(v, l)| (v.to_string(), l.to_string())).collect::<Vec<_>>()}
                    help="is: exact, case-sensitive match. starts with: prefix. is not: anything but these. <, ≤, =, ≥, >: numeric comparison. is present / is absent: whether the message has the attribute."
                    on_change={op_commit} />
                { remove_button(format!("field-filter-{i}-remove"), format!("Remove condition on {key}"), remove) }
                if op_takes_value(op) {
                    <TextField compact=true setting={format!("filter-{i}-value")} label="Value" inputmode="text"
                        value={condition_text(condition)}
                        help="The value to compare with; for “is not”, several separated by commas." on_commit={value_commit} />
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
        Some(policy) => format!("Delivers only messages where {}.", describe_policy(policy)),
        None => "Every message is delivered to this subscriber.".into(),
    };
    html! {
        <>
            <CheckField setting="filter_enabled" label="Only deliver matching messages"
                checked={wire.filter_policy.is_some()} default_note="default off — every message"
                help="An SNS filter policy on message attributes: the subscriber gets only the messages that match; the rest are dropped for it (and counted as filtered)."
                on_change={toggle} />
            <div class="list-editor" data-testid="field-filter_policy">
                if !rows.is_empty() {
                    <div class="list-title">
                        <span class="field-label">{ "Conditions" }</span>
                        <span class="field-unit">{ format!(" ({keys} of {MAX_FILTER_KEYS} attributes)") }</span>
                    </div>
                    { for row_views }
                    { add_button("field-filter-add", "Add condition", false, add) }
                    { remark("Same attribute twice: either may match (OR). Different attributes: all must match (AND).") }
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
    parse_condition(op, &sample)
        .or(parse_condition(op, "0"))
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
