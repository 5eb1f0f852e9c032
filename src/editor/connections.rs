//! The selected box's wires, in the inspector: each wire a button that
//! selects it (its settings, and Delete to remove it), and "Wire to" and
//! "Wire from" lists that draw a new one. On the canvas wires are drawn by
//! dragging between ports; this is the same edit without a mouse. The lists
//! offer only the boxes the connection rules allow.

use super::fields::group;
use super::inspector::InspectorProps;
use super::Selection;
use crate::i18n::Text;
use fanout_engine::scenario::edit::check_connect;
use fanout_engine::scenario::{Component, ComponentId, Edit};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

pub(super) fn connections(c: &Component, props: &InspectorProps) -> Html {
    let lang = props.lang;
    let scenario = &props.scenario;
    let name_of = |id: &ComponentId| scenario.component(id).map_or_else(|| id.to_string(), |c| c.name.clone());
    let wires = scenario.wires.iter().filter(|w| w.from == c.id || w.to == c.id).map(|w| {
        let label = if w.from == c.id { format!("→ {}", name_of(&w.to)) } else { format!("← {}", name_of(&w.from)) };
        let selection = Selection::Wire { from: w.from.clone(), to: w.to.clone() };
        let on_select = props.on_select.clone();
        html! {
            <li>
                <button type="button" class="wire-link" data-testid={format!("inspector-wire-{}-{}", w.from, w.to)}
                        title={lang.t(Text::WireLinkTitle)}
                        onclick={Callback::from(move |_| on_select.emit(Some(selection.clone())))}>{ label }</button>
            </li>
        }
    });
    let wires: Vec<Html> = wires.collect();
    let targets: Vec<&Component> =
        scenario.components.iter().filter(|o| check_connect(scenario, &c.id, &o.id).is_ok()).collect();
    let sources: Vec<&Component> =
        scenario.components.iter().filter(|o| check_connect(scenario, &o.id, &c.id).is_ok()).collect();
    let chooser = |testid: &'static str, label: Text, help: Text, others: Vec<&Component>, outgoing: bool| {
        if others.is_empty() {
            return html! {};
        }
        let (id, on_edit) = (c.id.clone(), props.on_edit.clone());
        let on_change = Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            let other = select.value();
            // Back on "Choose…", ready for the next wire.
            select.set_value("");
            if other.is_empty() {
                return;
            }
            let other = ComponentId::new(other);
            let (from, to) = if outgoing { (id.clone(), other) } else { (other, id.clone()) };
            on_edit.emit(Edit::Connect { from, to });
        });
        let input_id = format!("field-input-{testid}");
        html! {
            <div class="field" title={lang.t(help)}>
                <label for={input_id.clone()}><span class="field-label">{ lang.t(label) }</span></label>
                <select id={input_id} data-testid={testid} onchange={on_change}>
                    <option value="" selected=true>{ lang.t(Text::WireChoose) }</option>
                    { for others.iter().map(|o| html! { <option value={o.id.to_string()}>{ &o.name }</option> }) }
                </select>
            </div>
        }
    };
    group(
        lang.t(Text::GroupWires),
        html! {
            <>
                if wires.is_empty() {
                    <div class="field-note">{ lang.t(Text::NoWiresYet) }</div>
                } else {
                    <ul class="wire-links">{ for wires }</ul>
                }
                { chooser("connect-to", Text::WireToLabel, Text::WireToHelp, targets, true) }
                { chooser("connect-from", Text::WireFromLabel, Text::WireFromHelp, sources, false) }
            </>
        },
    )
}
