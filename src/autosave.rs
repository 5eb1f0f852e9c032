//! Autosave: the current scenario is kept in the browser's `localStorage`, so
//! a reload, a closed tab or a crash loses nothing, and opening the app again
//! puts the work back on the canvas.
//!
//! The entry is the scenario's compact JSON under [`AUTOSAVE_KEY`]; the
//! document's own `schema` field is its version, so a newer Fanout's entry is
//! recognised and refused with a clear message rather than misread. It is
//! written [`SAVE_DELAY_MS`] after the last change, and at once when the page
//! is hidden or closed (`pagehide`, `visibilitychange`), so a quick reload
//! keeps the latest edit.
//!
//! Nothing is written until the person changes something. So opening a share
//! link, or looking at it and closing the tab, never replaces the work saved
//! before; and an entry that could not be read (damaged, or from a newer
//! Fanout) stays exactly as it was until the next real edit overwrites it.
//! A copy of such an entry is also kept under [`UNREADABLE_COPY_KEY`], so
//! even that edit does not lose it.
//!
//! Storage may be missing or refuse writes (blocked cookies, a full quota,
//! some private modes): the app then works as before, and the first failed
//! save says once that work will not be kept. Embedded copies (`?embed`) in
//! slides neither read nor write the learner's autosave.

use crate::i18n::{Lang, Text};
use fanout_engine::scenario::codec::scenario_from_file_text;
use fanout_engine::scenario::Scenario;
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use yew::Callback;

/// Where the current scenario is kept. The `v1` names the entry's layout (a
/// scenario's JSON); the scenario inside carries its own schema version.
pub const AUTOSAVE_KEY: &str = "fanout.autosave.v1";

/// Where an entry that could not be opened is copied before anything can
/// overwrite it.
pub const UNREADABLE_COPY_KEY: &str = "fanout.autosave.v1.unreadable";

/// How long after the last change the scenario is written: a drag or typing
/// makes many changes in a row, and one write for all of them is enough.
pub const SAVE_DELAY_MS: u32 = 500;

/// What the browser's storage held when the app started.
#[derive(Debug, PartialEq)]
pub enum Stored {
    Nothing,
    Scenario(Scenario),
    /// An entry that could not be opened, with the message for the banner.
    Unreadable(String),
}

/// What the app starts with, given the autosave and the page's link.
#[derive(Debug, PartialEq)]
pub struct Start {
    pub scenario: Scenario,
    pub error: Option<String>,
    /// A shared scenario that differs from the person's own work: it is only
    /// opened if they choose it. `scenario` is their work meanwhile.
    pub offered_link: Option<Scenario>,
}

/// Decides what to show first. `is_own_work` tells a person's own scenario
/// from one that loses nothing when replaced (the empty canvas, an
/// unchanged preset): only the former is worth asking about.
pub fn start(
    stored: Stored,
    link: Option<Result<Scenario, String>>,
    is_own_work: impl Fn(&Scenario) -> bool,
) -> Start {
    let (saved, stored_error) = match stored {
        Stored::Nothing => (None, None),
        Stored::Scenario(scenario) => (Some(scenario), None),
        Stored::Unreadable(message) => (None, Some(message)),
    };
    match link {
        Some(Ok(shared)) => match saved {
            Some(own) if own != shared && is_own_work(&own) => {
                Start { scenario: own, error: stored_error, offered_link: Some(shared) }
            }
            _ => Start { scenario: shared, error: stored_error, offered_link: None },
        },
        Some(Err(link_error)) => {
            let error = match stored_error {
                Some(stored_error) => format!("{link_error} {stored_error}"),
                None => link_error,
            };
            Start { scenario: saved.unwrap_or_default(), error: Some(error), offered_link: None }
        }
        None => Start { scenario: saved.unwrap_or_default(), error: stored_error, offered_link: None },
    }
}

/// Reads an entry's text: the scenario, or why it cannot be opened (in
/// `lang`). The message leaves the entry's fate to [`unreadable_message`].
pub fn parse_entry(text: &str, lang: Lang) -> Result<Scenario, String> {
    scenario_from_file_text(text).map_err(|error| lang.codec_error(&error))
}

/// The banner for an autosave that could not be opened.
pub fn unreadable_message(reason: &str, copied: bool, lang: Lang) -> String {
    let copy = if copied { lang.format(Text::AutosaveCopyKept, &[("key", &UNREADABLE_COPY_KEY)]) } else { String::new() };
    lang.format(Text::AutosaveUnreadable, &[("reason", &reason), ("copy", &copy)])
}

/// Whether the page is an embedded copy (`?embed`, or `embed` among the
/// fragment's parameters): a slide's scenario must neither ask about nor
/// replace the learner's own work.
pub fn is_embedded() -> bool {
    let location = gloo_utils::window().location();
    let has_flag = |text: String, separator: char| {
        text.trim_start_matches(['?', '#'])
            .split(separator)
            .any(|part| part == "embed" || part.starts_with("embed="))
    };
    has_flag(location.search().unwrap_or_default(), '&') || has_flag(location.hash().unwrap_or_default(), '&')
}

fn storage() -> Option<web_sys::Storage> {
    // `localStorage` throws where storage is blocked; that is "no storage".
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads the autosave. An unreadable entry is copied aside (never deleted)
/// and reported in `lang`; missing or blocked storage reads as nothing saved.
pub fn read_stored(lang: Lang) -> Stored {
    let Some(storage) = storage() else { return Stored::Nothing };
    let Ok(Some(text)) = storage.get_item(AUTOSAVE_KEY) else { return Stored::Nothing };
    match parse_entry(&text, lang) {
        Ok(scenario) => Stored::Scenario(scenario),
        Err(reason) => {
            let copied = storage.set_item(UNREADABLE_COPY_KEY, &text).is_ok();
            Stored::Unreadable(unreadable_message(&reason, copied, lang))
        }
    }
}

struct State {
    enabled: bool,
    /// The JSON last written, so an unchanged document is not written again.
    saved_json: Option<String>,
    /// While set, nothing is written: the document is still the one the app
    /// opened with (or a link just opened). The first change releases it.
    held: Option<Scenario>,
    /// The document waiting to be written.
    pending: Option<Rc<Scenario>>,
    timer: Option<Timeout>,
    on_error: Callback<String>,
    /// Whether a refused save has been reported already.
    warned: bool,
    /// The language a refused save is reported in.
    lang: Lang,
}

impl State {
    fn flush(&mut self) {
        let Some(scenario) = self.pending.take() else { return };
        // Serialising a scenario cannot fail (see the codec).
        let Ok(json) = serde_json::to_string(&*scenario) else { return };
        if self.saved_json.as_deref() == Some(json.as_str()) {
            return;
        }
        match storage().map(|storage| storage.set_item(AUTOSAVE_KEY, &json)) {
            Some(Ok(())) => self.saved_json = Some(json),
            _ if self.warned => {}
            _ => {
                self.warned = true;
                // Said once, at the first save the browser refuses.
                self.on_error.emit(self.lang.t(Text::CannotSave).to_string());
            }
        }
    }
}

/// Keeps the autosave up to date; see the module documentation.
pub struct Autosave {
    state: Rc<RefCell<State>>,
    _listeners: Vec<EventListener>,
}

impl Autosave {
    /// `opened_with` is the document the app starts with: it is not written
    /// until it changes. `enabled: false` never touches storage. A refused
    /// save is reported through `on_error` in `lang` (see [`Autosave::set_lang`]).
    pub fn new(enabled: bool, opened_with: &Scenario, on_error: Callback<String>, lang: Lang) -> Self {
        let state = Rc::new(RefCell::new(State {
            enabled,
            saved_json: None,
            held: Some(opened_with.clone()),
            pending: None,
            timer: None,
            on_error,
            warned: false,
            lang,
        }));
        let mut listeners = Vec::new();
        if enabled {
            let weak = Rc::downgrade(&state);
            listeners.push(EventListener::new(&gloo_utils::window(), "pagehide", move |_| flush(&weak)));
            let weak = Rc::downgrade(&state);
            let document = gloo_utils::document();
            listeners.push(EventListener::new(&document.clone(), "visibilitychange", move |_| {
                if document.hidden() {
                    flush(&weak);
                }
            }));
        }
        Autosave { state, _listeners: listeners }
    }

    /// The document changed: write it after [`SAVE_DELAY_MS`] of quiet.
    pub fn changed(&self, scenario: &Rc<Scenario>) {
        let mut state = self.state.borrow_mut();
        if !state.enabled {
            return;
        }
        if let Some(held) = &state.held {
            if **scenario == *held {
                // Back to the document that is not to be written (an undo
                // before any real change): nothing new to save.
                state.pending = None;
                return;
            }
            state.held = None;
        }
        state.pending = Some(scenario.clone());
        let weak = Rc::downgrade(&self.state);
        // Replacing the timer cancels the previous one.
        state.timer = Some(Timeout::new(SAVE_DELAY_MS, move || flush(&weak)));
    }

    /// The interface's language changed: a refused save is reported in it.
    pub fn set_lang(&self, lang: Lang) {
        self.state.borrow_mut().lang = lang;
    }

    /// A shared scenario is about to replace the document: what is pending is
    /// written now, and the link's scenario is not written until it changes,
    /// so merely looking at a link keeps the saved work.
    pub fn hold(&self, opened: &Scenario) {
        let mut state = self.state.borrow_mut();
        state.flush();
        state.held = Some(opened.clone());
    }
}

impl Drop for Autosave {
    fn drop(&mut self) {
        self.state.borrow_mut().flush();
    }
}

fn flush(state: &Weak<RefCell<State>>) {
    if let Some(state) = state.upgrade() {
        // A write in progress elsewhere (it cannot be, single-threaded) would
        // only mean this flush has nothing left to do.
        if let Ok(mut state) = state.try_borrow_mut() {
            state.flush();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fanout_engine::scenario::{ComponentKind, Edit, History};

    fn work(name: &str) -> Scenario {
        let mut history = History::new(Scenario::default());
        let kind = ComponentKind::Queue;
        let id = history.current().next_id(kind);
        let component = fanout_engine::scenario::Component {
            id,
            name: name.into(),
            x: 10.0,
            y: 20.0,
            spec: kind.default_spec(),
        };
        history.apply(Edit::AddComponent(component)).unwrap();
        history.current().clone()
    }

    fn own_unless_empty(scenario: &Scenario) -> bool {
        *scenario != Scenario::default()
    }

    #[test]
    fn the_saved_work_comes_back_without_a_link() {
        let mine = work("Mine");
        let start = start(Stored::Scenario(mine.clone()), None, own_unless_empty);
        assert_eq!(start, Start { scenario: mine, error: None, offered_link: None });
        assert_eq!(super::start(Stored::Nothing, None, own_unless_empty).scenario, Scenario::default());
    }

    #[test]
    fn a_link_that_differs_from_own_work_is_offered_not_opened() {
        let (mine, shared) = (work("Mine"), work("Shared"));
        let start = start(Stored::Scenario(mine.clone()), Some(Ok(shared.clone())), own_unless_empty);
        assert_eq!(start, Start { scenario: mine, error: None, offered_link: Some(shared) });
    }

    #[test]
    fn a_link_opens_at_once_when_nothing_would_be_replaced() {
        let shared = work("Shared");
        for stored in [Stored::Nothing, Stored::Scenario(Scenario::default()), Stored::Scenario(shared.clone())] {
            let start = start(stored, Some(Ok(shared.clone())), own_unless_empty);
            assert_eq!(start, Start { scenario: shared.clone(), error: None, offered_link: None });
        }
    }

    #[test]
    fn an_unreadable_entry_is_reported_and_the_app_starts_usable() {
        let reason = parse_entry("{ not json", Lang::En).unwrap_err();
        let message = unreadable_message(&reason, true, Lang::En);
        let start = start(Stored::Unreadable(message.clone()), None, own_unless_empty);
        assert_eq!(start, Start { scenario: Scenario::default(), error: Some(message.clone()), offered_link: None });
        assert!(message.contains("could not be opened"), "{message}");
        assert!(message.contains(UNREADABLE_COPY_KEY), "{message}");

        let shared = work("Shared");
        let start = super::start(Stored::Unreadable(message.clone()), Some(Ok(shared.clone())), own_unless_empty);
        assert_eq!(start, Start { scenario: shared, error: Some(message), offered_link: None });
    }

    #[test]
    fn a_broken_link_leaves_the_saved_work_on_the_canvas() {
        let mine = work("Mine");
        let start = start(Stored::Scenario(mine.clone()), Some(Err("Damaged.".into())), own_unless_empty);
        assert_eq!(start, Start { scenario: mine, error: Some("Damaged.".into()), offered_link: None });
    }

    #[test]
    fn messages_keep_their_english_and_read_in_korean() {
        assert_eq!(
            unreadable_message("Damaged.", true, Lang::En),
            "The work autosaved in this browser could not be opened. Damaged. It is left as it is until you change \
             something here; then the new work is saved in its place. A copy is also kept in this browser's storage \
             under 'fanout.autosave.v1.unreadable'."
        );
        assert!(unreadable_message("Damaged.", false, Lang::En).ends_with("saved in its place."));
        assert_eq!(
            Lang::En.t(Text::CannotSave),
            "This browser does not let Fanout save your work (storage is blocked or full), so it will not be here \
             when you come back. Use Share or Export to keep it."
        );
        let reason = parse_entry("{ not json", Lang::Ko).unwrap_err();
        assert!(reason.starts_with("Fanout 시나리오가 아닙니다: "), "{reason}");
        let korean = unreadable_message(&reason, true, Lang::Ko);
        assert!(korean.starts_with("이 브라우저에 자동 저장된 작업을 열 수 없습니다. Fanout"), "{korean}");
        assert!(korean.contains(UNREADABLE_COPY_KEY), "{korean}");
    }

    #[test]
    fn an_entry_from_a_newer_fanout_says_so() {
        let newer = r#"{"schema": 99, "title": "From the future", "holograms": []}"#;
        let reason = parse_entry(newer, Lang::En).unwrap_err();
        assert!(reason.contains("newer version of Fanout"), "{reason}");
        let json = serde_json::to_string(&work("Mine")).unwrap();
        assert_eq!(parse_entry(&json, Lang::En), Ok(work("Mine")));
    }
}
