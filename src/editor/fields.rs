//! The inspector's field components, shared by every panel: a typed value, a
//! choice from a list, a checkbox, and the small headings that group them.
//! Each shows its label and unit, the documented default, an explanation in
//! its tooltip, and the reason beside it when a value is refused.

use super::format;
use super::parse::{cpu_text, memory_text, parse_mebibytes, parse_millicores, percent, strip_separators};
use crate::i18n::Lang;
use web_sys::{HtmlInputElement, HtmlSelectElement, KeyboardEvent};
use yew::prelude::*;

/// Turns typed or chosen text into an edit, or says what is wrong with it.
pub type Commit = Callback<String, Result<(), String>>;

/// What to show beside a typed value, read from the text being typed.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Echo {
    #[default]
    None,
    /// Milliseconds as a duration: "= 30 s".
    Duration,
    /// A fraction as a percentage: "= 0.1 %".
    Percent,
    /// Millicores as CPUs, in the interface's language: "= 4 CPUs".
    Millicores(Lang),
    /// MiB in the largest binary unit: "= 8 GiB".
    Mebibytes,
}

impl Echo {
    fn of(self, text: &str) -> Option<String> {
        let clean = strip_separators(text);
        match self {
            Echo::None => None,
            Echo::Duration => clean.parse::<u64>().ok().map(|ms| format!("= {}", format::duration_ms(ms))),
            Echo::Percent => clean.parse::<f64>().ok().filter(|r| (0.0..=1.0).contains(r)).map(|r| format!("= {}", percent(r))),
            // Only the value matters here: a refusal is said when the field commits.
            Echo::Millicores(lang) => {
                parse_millicores(text, 0, u64::MAX, lang).ok().map(|m| format!("= {}", cpu_text(m, lang)))
            }
            Echo::Mebibytes => parse_mebibytes(text, 0, u64::MAX, Lang::En).ok().map(|m| format!("= {}", memory_text(m))),
        }
    }
}

/// The label row every field starts with: name, unit, and the "i" that says
/// the explanation is in the tooltip.
fn label(input_id: &str, text: &AttrValue, unit: &AttrValue) -> Html {
    html! {
        <label for={input_id.to_string()}>
            <span class="field-label">{ text }</span>
            if !unit.is_empty() {
                <span class="field-unit">{ format!(" ({unit})") }</span>
            }
            <span class="field-info" aria-hidden="true">{ "i" }</span>
        </label>
    }
}

/// The lines under a field: its default, a remark, and the refusal.
fn footer(setting: &str, default_note: &AttrValue, note: &AttrValue, problem: Option<String>) -> Html {
    html! {
        <>
            if !default_note.is_empty() {
                <div class="field-default">{ default_note }</div>
            }
            if !note.is_empty() {
                <div class="field-note">{ note }</div>
            }
            if let Some(reason) = problem {
                <div class="field-error" id={format!("field-input-{setting}-error")} role="alert"
                     data-testid={format!("field-error-{setting}")}>{ reason }</div>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// The setting's name, as in the document; the test hook is `field-<setting>`.
    pub setting: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub unit: AttrValue,
    /// The value in the document, as text.
    pub value: AttrValue,
    #[prop_or_default]
    pub default_note: AttrValue,
    #[prop_or_default]
    pub note: AttrValue,
    pub help: AttrValue,
    #[prop_or_default]
    pub echo: Echo,
    #[prop_or(AttrValue::Static("decimal"))]
    pub inputmode: AttrValue,
    /// A text area; Enter starts a new line and Ctrl+Enter commits.
    #[prop_or_default]
    pub multiline: bool,
    /// Inside a row of a list editor: no label line (the label becomes the
    /// input's accessible name and placeholder) and no default note.
    #[prop_or_default]
    pub compact: bool,
    pub on_commit: Commit,
}

/// A typed setting. Typing only changes a draft; Enter or leaving the field
/// commits it, Escape throws it away. A refused value stays in the field
/// with the reason underneath, so it can be corrected.
#[function_component(TextField)]
pub fn text_field(props: &TextFieldProps) -> Html {
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
            // A text area's `value` is read the same way (structural access).
            let input: HtmlInputElement = e.target_unchecked_into();
            draft.set(Some(input.value()));
        })
    };
    let multiline = props.multiline;
    let on_keydown = {
        let commit = commit.clone();
        let (draft, problem) = (draft.clone(), problem.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" if !multiline || e.ctrl_key() || e.meta_key() => {
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

    let echo = props.echo.of(&shown);
    let input_id = format!("field-input-{}", props.setting);
    let testid = format!("field-{}", props.setting);
    let invalid = problem.is_some().to_string();
    let input = if multiline {
        html! {
            <textarea id={input_id.clone()} data-testid={testid} rows="5" value={shown}
                      oninput={on_input} onkeydown={on_keydown} onblur={on_blur}
                      aria-invalid={invalid} aria-describedby={format!("{input_id}-error")} />
        }
    } else {
        html! {
            <input id={input_id.clone()} type="text" inputmode={props.inputmode.clone()} data-testid={testid}
                   aria-label={props.compact.then(|| props.label.clone())}
                   placeholder={props.compact.then(|| props.label.clone())}
                   value={shown} oninput={on_input} onkeydown={on_keydown} onblur={on_blur}
                   aria-invalid={invalid} aria-describedby={format!("{input_id}-error")}
                   spellcheck="false" autocomplete="off" />
        }
    };
    html! {
        <div class={classes!("field", problem.is_some().then_some("invalid"))} title={props.help.clone()}>
            if !props.compact {
                { label(&input_id, &props.label, &props.unit) }
            }
            <div class="field-row">
                { input }
                if let Some(echo) = echo {
                    <span class="field-echo">{ echo }</span>
                }
            </div>
            { footer(&props.setting, &props.default_note, &props.note, (*problem).clone()) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub setting: AttrValue,
    pub label: AttrValue,
    pub value: String,
    /// (value, what a person reads) pairs.
    pub options: Vec<(String, String)>,
    /// A second group of options, shown under its own heading (for example
    /// queues of the other type, which would be refused with the reason).
    #[prop_or_default]
    pub other_options: Option<(String, Vec<(String, String)>)>,
    #[prop_or_default]
    pub default_note: AttrValue,
    /// A remark under the field.
    #[prop_or_default]
    pub note: AttrValue,
    pub help: AttrValue,
    /// Inside a row of a list editor: no label line.
    #[prop_or_default]
    pub compact: bool,
    pub on_change: Commit,
}

/// A setting chosen from a list; a choice commits at once. A refused choice
/// puts the list back on the value the document holds.
#[function_component(SelectField)]
pub fn select_field(props: &SelectFieldProps) -> Html {
    let problem = use_state(|| None::<String>);
    let select_ref = use_node_ref();
    // Once someone has picked an option, the browser no longer follows the
    // `selected` attributes, so an undo that changes the value sets it here.
    {
        let select_ref = select_ref.clone();
        use_effect_with(props.value.clone(), move |value| {
            if let Some(select) = select_ref.cast::<HtmlSelectElement>() {
                select.set_value(value);
            }
        });
    }
    let on_change = {
        let (problem, on_change, value) = (problem.clone(), props.on_change.clone(), props.value.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let outcome = on_change.emit(select.value()).err();
            if outcome.is_some() {
                select.set_value(&value);
            }
            problem.set(outcome);
        })
    };
    let option = |(value, text): &(String, String)| {
        html! { <option value={value.clone()} selected={*value == props.value}>{ text }</option> }
    };
    let input_id = format!("field-input-{}", props.setting);
    html! {
        <div class={classes!("field", problem.is_some().then_some("invalid"))} title={props.help.clone()}>
            if !props.compact {
                { label(&input_id, &props.label, &AttrValue::default()) }
            }
            <select ref={select_ref} id={input_id} data-testid={format!("field-{}", props.setting)}
                    aria-label={props.compact.then(|| props.label.clone())} onchange={on_change}>
                { for props.options.iter().map(option) }
                if let Some((heading, others)) = &props.other_options {
                    <optgroup label={heading.clone()}>{ for others.iter().map(option) }</optgroup>
                }
            </select>
            { footer(&props.setting, &props.default_note, &props.note, (*problem).clone()) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CheckFieldProps {
    pub setting: AttrValue,
    pub label: AttrValue,
    pub checked: bool,
    #[prop_or_default]
    pub default_note: AttrValue,
    #[prop_or_default]
    pub note: AttrValue,
    pub help: AttrValue,
    /// Receives "true" or "false".
    pub on_change: Commit,
}

/// An on/off setting. A refused toggle springs back, with the reason shown.
#[function_component(CheckField)]
pub fn check_field(props: &CheckFieldProps) -> Html {
    let problem = use_state(|| None::<String>);
    let on_change = {
        let (problem, on_change) = (problem.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let outcome = on_change.emit(input.checked().to_string()).err();
            if outcome.is_some() {
                input.set_checked(!input.checked());
            }
            problem.set(outcome);
        })
    };
    let input_id = format!("field-input-{}", props.setting);
    html! {
        <div class={classes!("field", "check", problem.is_some().then_some("invalid"))} title={props.help.clone()}>
            <label for={input_id.clone()}>
                <input id={input_id} type="checkbox" data-testid={format!("field-{}", props.setting)}
                       checked={props.checked} onchange={on_change} />
                <span class="field-label">
                    { &props.label }
                    <span class="field-info" aria-hidden="true">{ "i" }</span>
                </span>
            </label>
            { footer(&props.setting, &props.default_note, &props.note, (*problem).clone()) }
        </div>
    }
}

/// A small heading over related settings.
pub fn group(title: &'static str, body: Html) -> Html {
    html! {
        <section class="settings-group">
            <h3>{ title }</h3>
            { body }
        </section>
    }
}

/// Settings most people leave alone, collapsed until asked for.
pub fn advanced(summary: &'static str, body: Html) -> Html {
    html! {
        <details class="settings-group advanced">
            <summary>{ summary }</summary>
            { body }
        </details>
    }
}

/// A read-only remark in a panel (what a setting implies, what is fixed).
pub fn remark(text: impl Into<AttrValue>) -> Html {
    html! { <p class="settings-remark">{ text.into() }</p> }
}
