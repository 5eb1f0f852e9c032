//! The header's language switch: a list of the interface's languages, each
//! named in itself, so a person who cannot read the current one still finds
//! their own.

use super::{use_lang, Lang, Text};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    /// The language chosen.
    pub on_change: Callback<Lang>,
}

#[function_component(LangSwitch)]
pub fn lang_switch(props: &LangSwitchProps) -> Html {
    let lang = use_lang();
    let on_change = props.on_change.reform(|e: Event| {
        let code = e.target_unchecked_into::<HtmlSelectElement>().value();
        Lang::from_tag(&code).unwrap_or_default()
    });
    html! {
        <label class="lang-switch" title={lang.t(Text::LanguageTitle)}>
            <svg class="lang-icon" width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
                <circle cx="12" cy="12" r="9" />
                <path d="M3 12 H21 M12 3 C8 7 8 17 12 21 M12 3 C16 7 16 17 12 21" />
            </svg>
            <select data-testid="lang" aria-label={lang.t(Text::Language)} onchange={on_change}>
                { for Lang::ALL.into_iter().map(|option| html! {
                    <option value={option.code()} lang={option.code()} selected={option == lang}>
                        { option.native_name() }
                    </option>
                }) }
            </select>
        </label>
    }
}
