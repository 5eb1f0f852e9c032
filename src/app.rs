//! The app shell: header, palette, stage and inspector, and the one place
//! the document lives. Every change is an `Edit` (or a whole new document)
//! handed to `History`, which keeps undo and redo; this component only
//! routes messages and keeps the selection pointing at something that exists.

use crate::editor::{Inspector, Palette, Selection};
use crate::playback::Playback;
use crate::share::{scenario_from_location, ShareBar};
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
    /// A whole document from a preset, a link or a file: one undoable step.
    Load(Scenario),
    Select(Option<Selection>),
    DeleteSelection,
    ShowError(String),
    DismissError,
}

pub struct App {
    history: History,
    /// The current document, shared with the children without copying.
    scenario: Rc<Scenario>,
    selection: Option<Selection>,
    error: Option<String>,
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
    }

    fn apply(&mut self, edit: Edit) -> bool {
        let added = match &edit {
            Edit::AddComponent(c) => Some(c.id.clone()),
            _ => None,
        };
        if let Err(reason) = check_edit(self.history.current(), &edit) {
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
            Err(reason) => self.error = Some(capitalise(&reason.to_string())),
        }
        true
    }
}

impl Component for App {
    type Message = Msg;
    type Properties = ();

    fn create(ctx: &Context<Self>) -> Self {
        let (scenario, error) = match scenario_from_location() {
            None => (Scenario::default(), None),
            Some(Ok(scenario)) => (scenario, None),
            Some(Err(message)) => (Scenario::default(), Some(message)),
        };
        let history = History::new(scenario);
        App {
            scenario: Rc::new(history.current().clone()),
            history,
            selection: None,
            error,
            _keys: listen_for_shortcuts(ctx.link().clone()),
        }
    }

    fn update(&mut self, _ctx: &Context<Self>, msg: Msg) -> bool {
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
            Msg::Load(scenario) => {
                self.history.replace(scenario);
                self.selection = None;
                self.error = None;
                self.document_changed();
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
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let on_edit = link.callback(Msg::Edit);
        let on_select = link.callback(Msg::Select);
        let on_error = link.callback(Msg::ShowError);
        let title = if self.scenario.title.trim().is_empty() { "Untitled scenario" } else { self.scenario.title.as_str() };
        let banner = self.error.as_ref().map(|message| {
            html! {
                <div class="error-banner" data-testid="error" role="alert">
                    <span class="error-icon" aria-hidden="true">{ "!" }</span>
                    <span class="error-message">{ message }</span>
                    <button type="button" class="error-dismiss" data-testid="error-dismiss"
                            aria-label="Dismiss" title="Dismiss"
                            onclick={link.callback(|_| Msg::DismissError)}>{ "×" }</button>
                </div>
            }
        });
        html! {
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
                        <ShareBar scenario={self.scenario.clone()} on_load={link.callback(Msg::Load)}
                                  on_error={on_error.clone()} />
                        <div class="undo-redo" role="group" aria-label="History">
                            <button type="button" class="icon-button" data-testid="undo"
                                    title="Undo (Ctrl+Z, ⌘Z on a Mac)" aria-label="Undo"
                                    disabled={!self.history.can_undo()}
                                    onclick={link.callback(|_| Msg::Undo)}>
                                <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
                                    <path d="M9 14 L4 9 L9 4" /><path d="M4 9 H15 a5 5 0 0 1 0 10 H11" />
                                </svg>
                            </button>
                            <button type="button" class="icon-button" data-testid="redo"
                                    title="Redo (Ctrl+Shift+Z or Ctrl+Y, ⇧⌘Z on a Mac)" aria-label="Redo"
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
                              on_edit={on_edit.clone()} on_select={on_select.clone()} on_error={on_error} />
                </main>
                <Inspector scenario={self.scenario.clone()} selection={self.selection.clone()}
                           on_edit={on_edit} on_select={on_select} />
            </div>
        }
    }
}

/// Editing shortcuts on the whole document. Keys typed into a text field,
/// list or text area belong to that field (including its own undo).
fn listen_for_shortcuts(link: html::Scope<App>) -> EventListener {
    let document = gloo_utils::document();
    let options = EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(&document, "keydown", options, move |event| {
        let Some(event) = event.dyn_ref::<KeyboardEvent>() else { return };
        if typing_in_field(event) {
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
            _ => return,
        };
        event.prevent_default();
        link.send_message(msg);
    })
}

fn typing_in_field(event: &KeyboardEvent) -> bool {
    let Some(element) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    matches!(element.tag_name().to_ascii_lowercase().as_str(), "input" | "select" | "textarea")
        || element.closest("[contenteditable=true]").ok().flatten().is_some()
}

/// Refuses an edit that would turn a valid document into one that could not
/// be saved, shared or run (for example a 501st component), with the reason.
/// The editor's own checks catch most of these first; this is the backstop.
fn check_edit(current: &Scenario, edit: &Edit) -> Result<(), String> {
    let mut candidate = current.clone();
    if let Err(reason) = apply(&mut candidate, edit.clone()) {
        return Err(capitalise(&reason.to_string()));
    }
    match validate(&candidate) {
        Err(problems) if validate(current).is_ok() => {
            let first = problems.first().map(|p| p.to_string()).unwrap_or_default();
            Err(format!("That change was not made: {first}"))
        }
        _ => Ok(()),
    }
}

/// Edit errors are phrased to follow a location; the banner shows them alone.
fn capitalise(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
