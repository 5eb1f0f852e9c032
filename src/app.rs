//! The app shell: header, palette, stage and inspector, and the one place
//! the document lives. Every change is an `Edit` (or a whole new document)
//! handed to `History`, which keeps undo and redo; this component only
//! routes messages and keeps the selection pointing at something that exists.

use crate::autosave::{self, Autosave, Stored};
use crate::editor::{Inspector, Palette, Selection};
use crate::embed;
use crate::gallery::{self, Gallery};
use crate::i18n::{self, Lang, LangSwitch, Text};
use crate::playback::Playback;
use crate::shortcuts::Shortcuts;
use crate::share::{forget_link_in_address, is_own_work, scenario_from_location, ShareBar};
use fanout_engine::scenario::{apply, validate, Edit, History, Scenario};
use gloo_events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

pub enum Msg {
    Edit(Edit),
    Undo,
    Redo,
    /// A whole document from a preset or a file: one undoable step.
    Load(Scenario),
    /// A share link pasted into the address bar while the app is open.
    LinkOpened(Scenario),
    /// The answer to "Open the shared scenario?".
    OpenOfferedLink,
    KeepMyWork,
    Select(Option<Selection>),
    DeleteSelection,
    ShowError(String),
    DismissError,
    /// The header's language switch.
    SetLang(Lang),
    /// The scenario gallery: opened from the header, closed by × or Escape.
    OpenGallery,
    CloseGallery,
    /// The keyboard shortcuts overlay: `?` or the header's button.
    ToggleShortcuts,
    CloseShortcuts,
}

pub struct App {
    history: History,
    /// The current document, shared with the children without copying.
    scenario: Rc<Scenario>,
    selection: Option<Selection>,
    error: Option<String>,
    autosave: Autosave,
    /// A shared scenario waiting for the person to choose between it and
    /// their own work, which stays on the canvas meanwhile.
    offered_link: Option<Rc<Scenario>>,
    link_choice_ref: NodeRef,
    /// The interface's language, provided to every component as a context.
    lang: Lang,
    /// Embed mode (`?embed`): only the stage, and nothing can be edited.
    embed: bool,
    /// The scenario gallery is showing (the landing view on an empty canvas).
    gallery_open: bool,
    /// The keyboard shortcuts overlay is showing.
    shortcuts_open: bool,
    /// Whole documents opened so far (presets, links, files), so the stage
    /// can start each at 100 %.
    documents_opened: u32,
    /// Embed mode's commands from the slide deck (`load` comes here).
    _embed_messages: Option<EventListener>,
    _keys: EventListener,
}

impl App {
    /// Call after the document changed: shares the new version and drops a
    /// selection whose component or wire no longer exists (after a delete,
    /// an undo or a load).
    fn document_changed(&mut self) {
        self.scenario = Rc::new(self.history.current().clone());
        let still_there = match &self.selection {
            None => true,
            Some(Selection::Component(id)) => self.scenario.component(id).is_some(),
            Some(Selection::Wire { from, to }) => self.scenario.has_wire(from, to),
        };
        if !still_there {
            self.selection = None;
        }
        self.autosave.changed(&self.scenario);
    }

    /// Opens a shared scenario in place of the document, as one undoable
    /// step. It is not autosaved until the person changes it, so the work
    /// saved before stays in this browser until then (and Undo brings it
    /// back to the canvas).
    fn open_link(&mut self, shared: Scenario) {
        self.documents_opened += 1;
        self.autosave.hold(&shared);
        self.history.replace(shared);
        self.selection = None;
        self.document_changed();
    }

    fn apply(&mut self, edit: Edit) -> bool {
        let added = match &edit {
            Edit::AddComponent(c) => Some(c.id.clone()),
            _ => None,
        };
        if let Err(reason) = self.check_edit(self.history.current(), &edit) {
            self.error = Some(reason);
            return true;
        }
        match self.history.apply(edit) {
            Ok(()) => {
                self.document_changed();
                // A new component is what a person wants to adjust next.
                if let Some(id) = added {
                    self.selection = Some(Selection::Component(id));
                }
            }
            Err(reason) => self.error = Some(self.lang.edit_error(&reason)),
        }
        true
    }

    /// Refuses an edit that would turn a valid document into one that could
    /// not be saved, shared or run (for example a 501st component), with the
    /// reason. The editor's own checks catch most of these first; this is
    /// the backstop.
    fn check_edit(&self, current: &Scenario, edit: &Edit) -> Result<(), String> {
        match check_edit(current, edit, self.lang) {
            Err(Refusal::Edit(reason)) => Err(reason),
            Err(Refusal::Invalid(first)) => Err(self.lang.format(Text::ChangeNotMade, &[("reason", &first)])),
            Ok(()) => Ok(()),
        }
    }
}

impl Component for App {
    type Message = Msg;
    type Properties = ();

    fn create(ctx: &Context<Self>) -> Self {
        // First, so that what cannot be opened at start is said in it.
        let lang = i18n::initial_lang();
        i18n::show_in_document(lang);
        let storage_allowed = !autosave::is_embedded();
        let stored = if storage_allowed { autosave::read_stored(lang) } else { Stored::Nothing };
        // An embed may name a preset instead of carrying a share link.
        let embed = embed::is_embed();
        embed::mark_document();
        let preset = embed::params().preset.filter(|_| embed).and_then(|name| embed::preset_scenario(&name)).map(Ok);
        let start = autosave::start(stored, scenario_from_location(lang).or(preset), is_own_work);
        let autosave = Autosave::new(storage_allowed, &start.scenario, ctx.link().callback(Msg::ShowError), lang);
        // An empty canvas at start (no saved work, no link) lands on the gallery.
        let gallery_open =
            !embed && start.offered_link.is_none() && start.scenario.components.is_empty() && gallery::opens_at_start();
        let history = History::new(start.scenario);
        App {
            lang,
            scenario: Rc::new(history.current().clone()),
            history,
            selection: None,
            error: start.error,
            autosave,
            offered_link: start.offered_link.map(Rc::new),
            link_choice_ref: NodeRef::default(),
            embed,
            gallery_open,
            shortcuts_open: false,
            documents_opened: 0,
            _embed_messages: embed::listen(ctx.link().callback(Msg::Load), lang),
            _keys: listen_for_shortcuts(ctx.link().clone()),
        }
    }

    fn update(&mut self, _ctx: &Context<Self>, msg: Msg) -> bool {
        // While the link question is open, the keyboard shortcuts (which
        // listen on the whole document) must not change the work behind it.
        if self.offered_link.is_some() && matches!(msg, Msg::Edit(_) | Msg::Undo | Msg::Redo | Msg::DeleteSelection) {
            return false;
        }
        // A slide shows a scenario; it is not edited.
        if self.embed && matches!(msg, Msg::Edit(_) | Msg::Undo | Msg::Redo | Msg::DeleteSelection) {
            return false;
        }
        match msg {
            Msg::Edit(edit) => self.apply(edit),
            Msg::Undo => {
                let changed = self.history.undo();
                if changed {
                    self.document_changed();
                }
                changed
            }
            Msg::Redo => {
                let changed = self.history.redo();
                if changed {
                    self.document_changed();
                }
                changed
            }
            Msg::OpenGallery => {
                self.gallery_open = true;
                true
            }
            Msg::CloseGallery => {
                self.gallery_open = false;
                true
            }
            Msg::ToggleShortcuts => {
                self.shortcuts_open = !self.shortcuts_open;
                true
            }
            Msg::CloseShortcuts => std::mem::replace(&mut self.shortcuts_open, false),
            Msg::Load(scenario) => {
                self.documents_opened += 1;
                self.gallery_open = false;
                self.history.replace(scenario);
                self.selection = None;
                self.error = None;
                self.document_changed();
                true
            }
            Msg::LinkOpened(shared) => {
                if shared == *self.history.current() {
                    return false;
                }
                if is_own_work(self.history.current()) {
                    self.offered_link = Some(Rc::new(shared));
                } else {
                    self.open_link(shared);
                }
                true
            }
            Msg::OpenOfferedLink => match self.offered_link.take() {
                Some(shared) => {
                    self.open_link(Rc::unwrap_or_clone(shared));
                    true
                }
                None => false,
            },
            Msg::KeepMyWork => {
                if self.offered_link.take().is_none() {
                    return false;
                }
                forget_link_in_address();
                true
            }
            Msg::Select(selection) => {
                let changed = self.selection != selection;
                self.selection = selection;
                changed
            }
            Msg::DeleteSelection => {
                let edit = match self.selection.take() {
                    Some(Selection::Component(id)) => Edit::RemoveComponent(id),
                    Some(Selection::Wire { from, to }) => Edit::Disconnect { from, to },
                    None => return false,
                };
                self.apply(edit)
            }
            Msg::ShowError(message) => {
                self.error = Some(message);
                true
            }
            Msg::DismissError => self.error.take().is_some(),
            Msg::SetLang(lang) => {
                i18n::remember(lang);
                let changed = self.lang != lang;
                self.lang = lang;
                self.autosave.set_lang(lang);
                changed
            }
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let on_edit = link.callback(Msg::Edit);
        let on_select = link.callback(Msg::Select);
        let on_error = link.callback(Msg::ShowError);
        let lang = self.lang;
        let title = if self.scenario.title.trim().is_empty() { lang.t(Text::UntitledScenario) } else { self.scenario.title.as_str() };
        let banner = self.error.as_ref().map(|message| {
            html! {
                <div class="error-banner" data-testid="error" role="alert">
                    <span class="error-icon" aria-hidden="true">{ "!" }</span>
                    <span class="error-message">{ message }</span>
                    <button type="button" class="error-dismiss" data-testid="error-dismiss"
                            aria-label={lang.t(Text::Dismiss)} title={lang.t(Text::Dismiss)}
                            onclick={link.callback(|_| Msg::DismissError)}>{ "×" }</button>
                </div>
            }
        });
        if self.embed {
            return html! {
                <ContextProvider<Lang> context={lang}>
                <div class={classes!("app", "embed", banner.is_some().then_some("has-error"))} data-testid="app">
                    { for banner }
                    <main class="stage-area">
                        <Playback scenario={self.scenario.clone()} selection={self.selection.clone()}
                                  on_edit={on_edit} on_select={on_select} on_error={on_error} />
                    </main>
                </div>
                </ContextProvider<Lang>>
            };
        }
        html! {
            <ContextProvider<Lang> context={lang}>
            <div class={classes!("app", banner.is_some().then_some("has-error"))} data-testid="app">
                <header class="app-header">
                    <div class="brand">
                        <svg class="logo" width="26" height="26" viewBox="0 0 24 24" aria-hidden="true">
                            <circle cx="5" cy="12" r="3" />
                            <path d="M8 12 H14 M8 10.5 L15 5.5 M8 13.5 L15 18.5" />
                            <circle cx="18" cy="5" r="2.5" />
                            <circle cx="18" cy="12" r="2.5" />
                            <circle cx="18" cy="19" r="2.5" />
                        </svg>
                        <span class="brand-name">{ "Fanout" }</span>
                    </div>
                    <div class="scenario-title" title={self.scenario.description.clone()}>{ title }</div>
                    <div class="header-tools">
                        <button type="button" class="gallery-button" data-testid="gallery"
                                title={lang.t(Text::GalleryButtonTitle)}
                                onclick={link.callback(|_| Msg::OpenGallery)}>{ lang.t(Text::Gallery) }</button>
                        <ShareBar scenario={self.scenario.clone()} on_load={link.callback(Msg::Load)}
                                  on_link={link.callback(Msg::LinkOpened)} on_error={on_error.clone()} />
                        <LangSwitch on_change={link.callback(Msg::SetLang)} />
                        <button type="button" class="icon-button shortcuts-button" data-testid="shortcuts-button"
                                title={lang.t(Text::KeysButtonTitle)} aria-label={lang.t(Text::KeysButtonTitle)}
                                onclick={link.callback(|_| Msg::ToggleShortcuts)}>{ "?" }</button>
                        <div class="undo-redo" role="group" aria-label={lang.t(Text::HistoryGroup)}>
                            <button type="button" class="icon-button" data-testid="undo"
                                    title={lang.t(Text::UndoTitle)} aria-label={lang.t(Text::Undo)}
                                    disabled={!self.history.can_undo()}
                                    onclick={link.callback(|_| Msg::Undo)}>
                                <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
                                    <path d="M9 14 L4 9 L9 4" /><path d="M4 9 H15 a5 5 0 0 1 0 10 H11" />
                                </svg>
                            </button>
                            <button type="button" class="icon-button" data-testid="redo"
                                    title={lang.t(Text::RedoTitle)} aria-label={lang.t(Text::Redo)}
                                    disabled={!self.history.can_redo()}
                                    onclick={link.callback(|_| Msg::Redo)}>
                                <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
                                    <path d="M15 14 L20 9 L15 4" /><path d="M20 9 H9 a5 5 0 0 0 0 10 H13" />
                                </svg>
                            </button>
                        </div>
                    </div>
                </header>
                { for banner }
                <Palette scenario={self.scenario.clone()} on_edit={on_edit.clone()} />
                <main class="stage-area">
                    <Playback scenario={self.scenario.clone()} selection={self.selection.clone()}
                              on_edit={on_edit.clone()} on_select={on_select.clone()} on_error={on_error}
                              documents_opened={self.documents_opened} />
                </main>
                <Inspector scenario={self.scenario.clone()} selection={self.selection.clone()}
                           on_edit={on_edit} on_select={on_select} {lang} />
                { self.view_link_choice(ctx) }
                if self.shortcuts_open {
                    <Shortcuts {lang} on_close={link.callback(|_| Msg::CloseShortcuts)} />
                }
                if self.gallery_open {
                    <Gallery on_open={link.callback(Msg::Load)} on_close={link.callback(|_| Msg::CloseGallery)} />
                }
            </div>
            </ContextProvider<Lang>>
        }
    }

    fn rendered(&mut self, _ctx: &Context<Self>, _first_render: bool) {
        crate::modal::show(&self.link_choice_ref);
    }
}

impl App {
    /// "Open the shared scenario?", asked when a link would replace the
    /// person's own work. Names and titles come from the link: text only.
    fn view_link_choice(&self, ctx: &Context<Self>) -> Html {
        let Some(shared) = &self.offered_link else { return html! {} };
        let link = ctx.link();
        let lang = self.lang;
        let what = i18n::fill_html(
            lang.t(Text::LinkChoiceWhat),
            vec![
                ("shared", html! { <strong data-testid="link-choice-shared">{ describe(shared, lang) }</strong> }),
                ("own", html! { <strong data-testid="link-choice-own">{ describe(&self.scenario, lang) }</strong> }),
            ],
        );
        html! {
            <dialog class="link-choice" data-testid="link-choice" ref={self.link_choice_ref.clone()}
                    aria-labelledby="link-choice-title" aria-describedby="link-choice-what"
                    oncancel={link.callback(|event: Event| {
                        event.prevent_default();
                        Msg::KeepMyWork
                    })}>
                <h2 id="link-choice-title">{ lang.t(Text::LinkChoiceTitle) }</h2>
                <p id="link-choice-what">{ what }</p>
                <p class="link-choice-note">{ lang.t(Text::LinkChoiceNote) }</p>
                <div class="link-choice-buttons">
                    <button type="button" data-testid="link-choice-keep" autofocus=true
                            title={lang.t(Text::KeepMyWorkTitle)}
                            onclick={link.callback(|_| Msg::KeepMyWork)}>{ lang.t(Text::KeepMyWork) }</button>
                    <button type="button" class="primary" data-testid="link-choice-open"
                            title={lang.t(Text::OpenSharedScenarioTitle)}
                            onclick={link.callback(|_| Msg::OpenOfferedLink)}>{ lang.t(Text::OpenSharedScenario) }</button>
                </div>
            </dialog>
        }
    }
}

/// A scenario in a few words: its title (or "an untitled scenario") and size.
fn describe(scenario: &Scenario, lang: Lang) -> String {
    let count = scenario.components.len();
    let parts = if count == 1 { lang.t(Text::OneComponent).to_string() } else { lang.format(Text::ManyComponents, &[("n", &count)]) };
    match scenario.title.trim() {
        "" => lang.format(Text::UntitledWithParts, &[("parts", &parts)]),
        title => lang.format(Text::TitledWithParts, &[("title", &title), ("parts", &parts)]),
    }
}

/// Editing shortcuts on the whole document. Keys typed into a text field,
/// list or text area belong to that field (including its own undo).
fn listen_for_shortcuts(link: html::Scope<App>) -> EventListener {
    let document = gloo_utils::document();
    let options = EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(&document, "keydown", options, move |event| {
        let Some(event) = event.dyn_ref::<KeyboardEvent>() else { return };
        // Keys in a dialog are the dialog's: Escape there must close it.
        if typing_in_field(event) || in_dialog(event) {
            return;
        }
        let command = event.ctrl_key() || event.meta_key();
        let key = event.key().to_ascii_lowercase();
        let msg = match key.as_str() {
            "delete" | "backspace" if !command => Msg::DeleteSelection,
            "escape" => Msg::Select(None),
            "z" if command && event.shift_key() => Msg::Redo,
            "z" if command => Msg::Undo,
            "y" if event.ctrl_key() => Msg::Redo,
            "?" if !command => Msg::ToggleShortcuts,
            _ => return,
        };
        event.prevent_default();
        link.send_message(msg);
    })
}

fn in_dialog(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|element| element.closest("dialog").ok().flatten().is_some())
}

fn typing_in_field(event: &KeyboardEvent) -> bool {
    let Some(element) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    matches!(element.tag_name().to_ascii_lowercase().as_str(), "input" | "select" | "textarea")
        || element.closest("[contenteditable=true]").ok().flatten().is_some()
}

/// Why an edit was refused: the edit itself failed (its reason, capitalised),
/// or it would make a valid document invalid (the first problem).
enum Refusal {
    Edit(String),
    Invalid(String),
}

/// See [`App::check_edit`]. A refused wire is said in the interface's
/// language; the validation problems are the engine's English.
fn check_edit(current: &Scenario, edit: &Edit, lang: Lang) -> Result<(), Refusal> {
    let mut candidate = current.clone();
    if let Err(reason) = apply(&mut candidate, edit.clone()) {
        return Err(Refusal::Edit(lang.edit_error(&reason)));
    }
    match validate(&candidate) {
        Err(problems) if validate(current).is_ok() => {
            Err(Refusal::Invalid(problems.first().map(|p| p.to_string()).unwrap_or_default()))
        }
        _ => Ok(()),
    }
}

