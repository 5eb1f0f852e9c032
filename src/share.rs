//! The header's scenario tools: the presets menu, share links, and export
//! and import of `.json` files. The link codec itself is pure and lives in
//! `fanout_engine::scenario::codec`; this module only talks to the browser
//! (location, clipboard, downloads, file inputs).

use crate::i18n::{self, Lang, Text};
use crate::presets::PRESETS;
use fanout_engine::scenario::codec::{decode, scenario_from_file_text, share_fragment, CodecError, MAX_LINK_CHARS};
use fanout_engine::scenario::Scenario;
use gloo_events::EventListener;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The scenario in the page's `#s=…` fragment: `None` when there is none,
/// `Some(Err(message))` when there is one that cannot be opened (said in
/// `lang`).
pub fn scenario_from_location(lang: Lang) -> Option<Result<Scenario, String>> {
    let hash = web_sys::window()?.location().hash().ok()?;
    scenario_from_hash(&hash, lang)
}

/// Like [`scenario_from_location`], for a fragment given as text (`#s=…`,
/// possibly among other `&key=value` parameters).
pub fn scenario_from_hash(hash: &str, lang: Lang) -> Option<Result<Scenario, String>> {
    let fragment = hash.strip_prefix('#').unwrap_or(hash);
    let has_link = fragment.split('&').any(|part| part.starts_with("s="));
    has_link.then(|| decode(fragment).map_err(|e| lang.codec_error(&e)))
}

/// Whether a scenario is something the person made, so replacing it with a
/// shared one deserves a question: not the empty canvas, and not a preset
/// they have not changed (it is one click away in the Scenarios menu).
pub fn is_own_work(scenario: &Scenario) -> bool {
    *scenario != Scenario::default()
        && !PRESETS.iter().any(|(_, json)| scenario_from_file_text(json).is_ok_and(|preset| preset == *scenario))
}

/// Takes the share link out of the address (keeping any other fragment
/// parameters, such as `embed`) without reloading or adding a history entry,
/// so a reload shows the work on the canvas instead of asking again.
pub fn forget_link_in_address() {
    let window = gloo_utils::window();
    let location = window.location();
    let hash = location.hash().unwrap_or_default();
    let kept: Vec<&str> =
        hash.trim_start_matches('#').split('&').filter(|part| !part.is_empty() && !part.starts_with("s=")).collect();
    let url = format!(
        "{}{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
        if kept.is_empty() { String::new() } else { format!("#{}", kept.join("&")) }
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// A preset from `crate::presets`, parsed once.
struct Preset {
    stem: &'static str,
    /// The scenario, or why the codec refused it.
    scenario: Result<Scenario, CodecError>,
}

impl Preset {
    /// The scenario, or a message saying this preset is broken and why.
    fn scenario(&self, lang: Lang) -> Result<&Scenario, String> {
        self.scenario.as_ref().map_err(|reason| {
            lang.format(Text::PresetBroken, &[("stem", &self.stem), ("reason", &lang.codec_error(reason))])
        })
    }
}

fn load_presets() -> Vec<Preset> {
    PRESETS.iter().map(|(stem, json)| Preset { stem, scenario: scenario_from_file_text(json) }).collect()
}

/// A file name for an exported scenario: its title in lower-case words joined
/// by dashes, or `scenario`.
fn export_file_name(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let stem = if words.is_empty() { "scenario".to_string() } else { words.join("-") };
    format!("{stem}.json")
}

/// Runs `done` with the outcome of a JS promise: `Ok(value)` or `Err(reason)`.
fn on_settled(promise: js_sys::Promise, done: impl FnOnce(Result<JsValue, JsValue>) + 'static) {
    // Both handlers share one `done`; whichever runs first takes it.
    let done = Rc::new(std::cell::Cell::new(Some(done)));
    let done_err = done.clone();
    let ok = wasm_bindgen::closure::Closure::once_into_js(move |value: JsValue| {
        if let Some(done) = done.take() {
            done(Ok(value));
        }
    });
    let err = wasm_bindgen::closure::Closure::once_into_js(move |reason: JsValue| {
        if let Some(done) = done_err.take() {
            done(Err(reason));
        }
    });
    // `Promise::then2` wants closures that live forever; calling `then`
    // through the object with self-freeing `once_into_js` closures leaks
    // only the handler that never runs.
    if let Ok(then) = js_sys::Reflect::get(&promise, &JsValue::from_str("then")) {
        let _ = then.unchecked_into::<js_sys::Function>().call2(&promise, &ok, &err);
    }
}

/// Saves `text` as a download called `file_name`, without leaving the page.
fn download(file_name: &str, text: &str) -> Result<(), JsValue> {
    let document = gloo_utils::document();
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The download has started from the URL; give it a moment before freeing it.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    pub scenario: Rc<Scenario>,
    /// A preset or an imported file, chosen here.
    pub on_load: Callback<Scenario>,
    /// A share link pasted into the address bar of the open app. The app
    /// decides whether to open it or to ask first.
    pub on_link: Callback<Scenario>,
    pub on_error: Callback<String>,
}

pub enum Msg {
    ToggleMenu,
    CloseMenu,
    ChoosePreset(usize),
    Share,
    /// "Copy embed code": an `<iframe>` for a slide.
    CopyEmbed,
    Copied,
    Export,
    ImportChosen,
    ImportRead(Result<String, String>),
    HashChanged,
    LangChanged(Lang),
}

/// The presets menu, share link, export and import, for the header.
pub struct ShareBar {
    presets: Vec<Preset>,
    menu_open: bool,
    /// The last link made by Share, shown so it can be copied by hand too.
    link: Option<String>,
    /// The last embed code made, shown in place of the link.
    embed_code: Option<String>,
    copied: bool,
    import_ref: NodeRef,
    /// `hashchange` (a pasted link) and `keydown` (Escape closes the menu).
    _listeners: [EventListener; 2],
    lang: Lang,
    _lang: Option<ContextHandle<Lang>>,
}

impl Component for ShareBar {
    type Message = Msg;
    type Properties = ShareBarProps;

    fn create(ctx: &Context<Self>) -> Self {
        let window = gloo_utils::window();
        let link = ctx.link().clone();
        let on_hash = EventListener::new(&window, "hashchange", move |_| link.send_message(Msg::HashChanged));
        let link = ctx.link().clone();
        let on_key = EventListener::new(&window, "keydown", move |event| {
            if event.dyn_ref::<web_sys::KeyboardEvent>().is_some_and(|e| e.key() == "Escape") {
                link.send_message(Msg::CloseMenu);
            }
        });
        let (lang, lang_handle) = i18n::subscribe(ctx.link(), Msg::LangChanged);
        ShareBar {
            lang,
            _lang: lang_handle,
            presets: load_presets(),
            menu_open: false,
            link: None,
            embed_code: None,
            copied: false,
            import_ref: NodeRef::default(),
            _listeners: [on_hash, on_key],
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Self::Message) -> bool {
        let props = ctx.props();
        match msg {
            Msg::ToggleMenu => {
                self.menu_open = !self.menu_open;
                true
            }
            Msg::CloseMenu => {
                let was_open = self.menu_open;
                self.menu_open = false;
                was_open
            }
            Msg::ChoosePreset(index) => {
                self.menu_open = false;
                match self.presets.get(index).map(|p| p.scenario(self.lang)) {
                    Some(Ok(scenario)) => props.on_load.emit(scenario.clone()),
                    Some(Err(message)) => props.on_error.emit(message),
                    None => {}
                }
                true
            }
            Msg::Share | Msg::CopyEmbed => {
                let fragment = share_fragment(&props.scenario);
                if fragment.len() > MAX_LINK_CHARS {
                    props.on_error.emit(self.lang.t(Text::TooLargeToShare).to_string());
                    return false;
                }
                let location = gloo_utils::window().location();
                let base = format!(
                    "{}{}",
                    location.origin().unwrap_or_default(),
                    location.pathname().unwrap_or_default()
                );
                let (url, code) = match msg {
                    Msg::CopyEmbed => (None, Some(crate::embed::embed_code(&base, &fragment, &props.scenario.title))),
                    _ => (Some(format!("{base}{fragment}")), None),
                };
                self.copied = false;
                // The Clipboard API is missing outside secure contexts, and
                // may refuse; the text is still shown for copying by hand,
                // so say nothing.
                let navigator = gloo_utils::window().navigator();
                let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
                    .map(|c| c.is_object())
                    .unwrap_or(false);
                if has_clipboard {
                    let link = ctx.link().clone();
                    let text = url.as_ref().or(code.as_ref()).cloned().unwrap_or_default();
                    on_settled(navigator.clipboard().write_text(&text), move |outcome| {
                        if outcome.is_ok() {
                            link.send_message(Msg::Copied);
                        }
                    });
                }
                self.link = url;
                self.embed_code = code;
                true
            }
            Msg::Copied => {
                self.copied = true;
                true
            }
            Msg::Export => {
                let name = export_file_name(&props.scenario.title);
                if download(&name, &props.scenario.to_json_pretty()).is_err() {
                    props.on_error.emit(self.lang.t(Text::SaveRefused).to_string());
                }
                false
            }
            Msg::ImportChosen => {
                let Some(input) = self.import_ref.cast::<HtmlInputElement>() else { return false };
                let file = input.files().and_then(|files| files.get(0));
                // Clear the input so choosing the same file again still fires.
                input.set_value("");
                let Some(file) = file else { return false };
                let (link, lang) = (ctx.link().clone(), self.lang);
                on_settled(file.text(), move |outcome| {
                    let text = match outcome {
                        Ok(text) => text.as_string().ok_or_else(|| lang.t(Text::FileNotText).to_string()),
                        Err(_) => Err(lang.t(Text::FileUnreadable).to_string()),
                    };
                    link.send_message(Msg::ImportRead(text));
                });
                false
            }
            Msg::ImportRead(text) => {
                match text.and_then(|text| scenario_from_file_text(&text).map_err(|e| self.lang.codec_error(&e))) {
                    Ok(scenario) => props.on_load.emit(scenario),
                    Err(message) => props.on_error.emit(message),
                }
                false
            }
            Msg::HashChanged => {
                match scenario_from_location(self.lang) {
                    Some(Ok(scenario)) => props.on_link.emit(scenario),
                    Some(Err(message)) => props.on_error.emit(message),
                    None => {}
                }
                false
            }
            Msg::LangChanged(lang) => {
                self.lang = lang;
                true
            }
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let lang = self.lang;
        let menu = self.menu_open.then(|| {
            let items = self.presets.iter().enumerate().map(|(index, preset)| {
                let (title, description) = match preset.scenario(lang) {
                    Ok(s) if !s.title.is_empty() => (s.title.clone(), s.description.clone()),
                    Ok(s) => (preset.stem.to_string(), s.description.clone()),
                    Err(message) => (preset.stem.to_string(), message),
                };
                html! {
                    <li role="none">
                        <button type="button" role="menuitem" class="preset"
                            data-testid={format!("preset-{}", preset.stem)}
                            onclick={link.callback(move |_| Msg::ChoosePreset(index))}>
                            <span class="preset-title">{ title }</span>
                            <span class="preset-description">{ description }</span>
                        </button>
                    </li>
                }
            });
            html! {
                <>
                    <div class="menu-backdrop" onclick={link.callback(|_| Msg::CloseMenu)}></div>
                    <ul class="scenarios-menu" role="menu" aria-label={lang.t(Text::PresetScenarios)}>
                        if self.presets.is_empty() {
                            <li class="preset-none">{ lang.t(Text::NoPresets) }</li>
                        }
                        { for items }
                    </ul>
                </>
            }
        });
        html! {
            <div class="share-bar">
                <div class="scenarios">
                    <button type="button" data-testid="scenarios" aria-haspopup="menu"
                        aria-expanded={self.menu_open.to_string()}
                        onclick={link.callback(|_| Msg::ToggleMenu)}>{ lang.t(Text::ScenariosMenu) }</button>
                    { for menu }
                </div>
                <button type="button" data-testid="share" title={lang.t(Text::ShareTitle)}
                    onclick={link.callback(|_| Msg::Share)}>{ lang.t(Text::Share) }</button>
                <button type="button" data-testid="copy-embed" title={lang.t(Text::CopyEmbedTitle)}
                    onclick={link.callback(|_| Msg::CopyEmbed)}>{ lang.t(Text::CopyEmbed) }</button>
                if let Some(url) = &self.link {
                    <input class="share-link" data-testid="share-link" type="text" readonly=true
                        value={url.clone()} aria-label={lang.t(Text::ShareLink)}
                        onfocus={Callback::from(|e: FocusEvent| e.target_unchecked_into::<HtmlInputElement>().select())} />
                }
                if let Some(code) = &self.embed_code {
                    <input class="share-link embed-code" data-testid="embed-code" type="text" readonly=true
                        value={code.clone()} aria-label={lang.t(Text::EmbedCode)}
                        onfocus={Callback::from(|e: FocusEvent| e.target_unchecked_into::<HtmlInputElement>().select())} />
                }
                if self.copied && (self.link.is_some() || self.embed_code.is_some()) {
                    <span class="share-copied" role="status">{ lang.t(Text::Copied) }</span>
                }
                <button type="button" data-testid="export" title={lang.t(Text::ExportTitle)}
                    onclick={link.callback(|_| Msg::Export)}>{ lang.t(Text::Export) }</button>
                <label class="import" title={lang.t(Text::ImportTitle)}>
                    { lang.t(Text::Import) }
                    <input type="file" data-testid="import" accept=".json,application/json"
                        ref={self.import_ref.clone()} onchange={link.callback(|_| Msg::ImportChosen)} />
                </label>
            </div>
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_names_follow_the_title() {
        assert_eq!(export_file_name("Direct coupling loses orders"), "direct-coupling-loses-orders.json");
        assert_eq!(export_file_name("  "), "scenario.json");
        assert_eq!(export_file_name("SNS → SQS, per service!"), "sns-sqs-per-service.json");
    }

    #[test]
    fn presets_and_the_empty_canvas_are_not_own_work() {
        assert!(!is_own_work(&Scenario::default()));
        for (stem, json) in PRESETS {
            let preset = scenario_from_file_text(json).unwrap();
            assert!(!is_own_work(&preset), "{stem}");
            let mut changed = preset.clone();
            changed.seed += 1;
            assert!(is_own_work(&changed), "{stem}, changed");
        }
    }

    #[test]
    fn only_fragments_with_a_link_are_read() {
        assert!(scenario_from_hash("", Lang::En).is_none());
        assert!(scenario_from_hash("#embed", Lang::En).is_none());
        assert!(matches!(scenario_from_hash("#s=xyz", Lang::En), Some(Err(_))));
        let scenario = Scenario::default();
        let fragment = share_fragment(&scenario);
        assert_eq!(scenario_from_hash(&fragment, Lang::En).and_then(Result::ok), Some(scenario));
    }

    #[test]
    fn a_broken_link_is_said_in_the_interface_language() {
        let english = scenario_from_hash("#s=2.abcde", Lang::En).and_then(Result::err);
        assert_eq!(english.as_deref(), Some("This link is damaged: it was cut short — copy the whole link again."));
        let korean = scenario_from_hash("#s=2.abcde", Lang::Ko).and_then(Result::err);
        assert_eq!(korean.as_deref(), Some("이 링크는 손상되었습니다: 중간에 잘렸습니다 — 링크 전체를 다시 복사하세요."));
    }
}
