//! The interface in English and Korean. Every string a component shows
//! (labels, buttons, tooltips, messages) is a [`Text`] key looked up in the
//! language the person chose; sentences with numbers or names are templates
//! with `{name}` placeholders, filled by [`Lang::format`] (or, when a
//! placeholder is itself markup, by [`fill_html`]).
//!
//! The language is a Yew context: [`App`](crate::app::App) provides the
//! current [`Lang`]; function components read it with [`use_lang`], struct
//! components subscribe with [`subscribe`]. It starts as [`initial_lang`]
//! says (the `lang` URL parameter, then the choice remembered in this
//! browser, then the browser's own languages), the header's switch changes
//! it, and [`remember`] keeps the choice and sets `<html lang>` (which the
//! lesson bar reads for its captions).
//!
//! Korean words follow the meetup notes the lessons come from (메세지, 유실,
//! 구독자, 토픽, 큐, 노드, Pod). Templates avoid particles right after a
//! placeholder (Shipping이 / StoreFront가): the right one depends on how a
//! name the person typed is pronounced, so Korean templates put names where
//! no particle is needed ("Shipping 죽이기", "{name}의 메세지").

mod catalogue;
mod switch;

pub use catalogue::Text;
pub use switch::LangSwitch;

use std::fmt::Display;
use yew::html::Scope;
use yew::prelude::*;

/// The key under which the chosen language is kept in `localStorage`.
pub const STORAGE_KEY: &str = "fanout.lang";

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    Ko,
}

impl Lang {
    /// Every language, in the order the switch offers them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    /// The language tag: `en` or `ko` (for `<html lang>`, storage and URLs).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// The language's name in itself, as language pickers show it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ko => "한국어",
        }
    }

    /// The language of a tag such as `ko`, `ko-KR`, `en-GB` or `EN`, if the
    /// interface has it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        Lang::ALL.into_iter().find(|lang| primary.eq_ignore_ascii_case(lang.code()))
    }

    /// The text of `key` in this language.
    pub fn t(self, key: Text) -> &'static str {
        key.text(self)
    }

    /// Why an edit was refused, in this language: a wire the connection
    /// rules refuse is said from its reason; anything else keeps the
    /// engine's English sentence, capitalised.
    pub fn edit_error(self, error: &fanout_engine::scenario::EditError) -> String {
        use fanout_engine::scenario::{EditError, WireRefusal as W};
        let EditError::Wire(refusal) = error else {
            let text = error.to_string();
            let mut chars = text.chars();
            return chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default();
        };
        let key = match refusal {
            W::ToItself => Text::WireToItself,
            W::AlreadyWired => Text::WireAlreadyWired,
            W::IntoPublisher => Text::WireIntoPublisher,
            W::FromConsumer => Text::WireFromConsumer,
            W::QueueToTopic => Text::WireQueueToTopic,
            W::QueueToQueue => Text::WireQueueToQueue,
            W::TopicToTopic => Text::WireTopicToTopic,
            W::QueuePushes => Text::WireQueuePushes,
            W::FifoTopicToStandardQueue => Text::WireFifoTopicToStandardQueue,
            W::StandardQueueFromFifoTopic => Text::WireStandardQueueFromFifoTopic,
            W::FifoTopicToConsumer => Text::WireFifoTopicToConsumer,
            W::FifoTopicToServiceOrIngress => Text::WireFifoTopicToServiceOrIngress,
            W::FromCluster(kind) => {
                return self.format(Text::WireFromCluster, &[("kind", &self.t(Text::kind(*kind, false)).to_lowercase())])
            }
            W::IntoCluster(kind) => {
                return self.format(Text::WireIntoCluster, &[("kind", &self.t(Text::kind(*kind, false)).to_lowercase())])
            }
        };
        self.t(key).to_string()
    }

    /// Why a share link, a scenario file or the autosave could not be
    /// opened, in this language (the English is the engine's `Display`,
    /// word for word). A parser's message and the validation problems stay
    /// the engine's English inside the sentence.
    pub fn codec_error(self, error: &fanout_engine::scenario::codec::CodecError) -> String {
        use crate::editor::parse::thousands;
        use fanout_engine::scenario::codec::{
            CodecError as E, LINK_FORMAT_VERSION, MAX_FILE_BYTES, MAX_JSON_BYTES, MAX_LINK_CHARS, MAX_PROBLEMS_SHOWN,
        };
        let detail = error.detail().unwrap_or_default();
        match error {
            E::Empty => self.format(Text::CodecEmpty, &[("version", &LINK_FORMAT_VERSION)]),
            E::LinkTooLong { bytes } => self.format(
                Text::CodecLinkTooLong,
                &[("chars", &thousands(*bytes as u64)), ("max", &thousands(MAX_LINK_CHARS as u64))],
            ),
            E::NotAFanoutLink => self.format(Text::CodecNotAFanoutLink, &[("version", &LINK_FORMAT_VERSION)]),
            E::NewerVersion { version, newest } => {
                self.format(Text::CodecNewerVersion, &[("version", version), ("newest", newest)])
            }
            E::BadCharacter { character } if character.is_whitespace() => self.t(Text::CodecLinkSplit).to_string(),
            E::BadCharacter { character } => {
                self.format(Text::CodecBadCharacter, &[("character", &character.escape_debug())])
            }
            E::CutShort => self.t(Text::CodecCutShort).to_string(),
            E::Damaged => self.t(Text::CodecDamaged).to_string(),
            E::TooLarge => self.format(Text::CodecTooLarge, &[("max", &thousands(MAX_JSON_BYTES as u64))]),
            E::NotText => self.t(Text::CodecBinary).to_string(),
            E::FileTooLarge { bytes } => self.format(
                Text::CodecFileTooLarge,
                &[("bytes", &thousands(*bytes as u64)), ("max", &thousands(MAX_FILE_BYTES as u64))],
            ),
            E::NotAScenario(_) => self.format(Text::CodecNotAScenario, &[("detail", &detail)]),
            E::Invalid(problems) => {
                let count = problems.len();
                let mut listed = detail;
                if count > MAX_PROBLEMS_SHOWN {
                    listed.push_str(&self.format(Text::CodecMoreProblems, &[("n", &(count - MAX_PROBLEMS_SHOWN))]));
                }
                let key = if count == 1 { Text::CodecInvalidOne } else { Text::CodecInvalidMany };
                self.format(key, &[("count", &count), ("problems", &listed)])
            }
        }
    }

    /// The template `key` in this language with its `{placeholders}` filled:
    /// `lang.format(Text::OrdersWaiting, &[("n", &12)])`.
    pub fn format(self, key: Text, args: &[(&str, &dyn Display)]) -> String {
        fill(self.t(key), args)
    }
}

/// Fills the `{name}` placeholders of `template` with `args`. A placeholder
/// without an argument is left as it is (a unit test checks every template
/// against its translation, so this shows a mistake instead of hiding it).
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    for piece in pieces(template) {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Placeholder(name) => match args.iter().find(|(key, _)| *key == name) {
                Some((_, value)) => out.push_str(&value.to_string()),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
    }
    out
}

/// Like [`fill`], for placeholders that are markup (a name in `<strong>`):
/// the template's text around them stays text, never markup.
pub fn fill_html(template: &str, mut args: Vec<(&str, Html)>) -> Html {
    let nodes = pieces(template).map(|piece| match piece {
        Piece::Text(text) => Html::from(text),
        Piece::Placeholder(name) => match args.iter().position(|(key, _)| *key == name) {
            Some(index) => args.swap_remove(index).1,
            None => Html::from(format!("{{{name}}}")),
        },
    });
    nodes.collect::<Html>()
}

/// A part of a template: plain text or a `{placeholder}`'s name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Piece<'a> {
    Text(&'a str),
    Placeholder(&'a str),
}

/// Splits a template into text and placeholders. A `{` that does not open a
/// `{name}` made of letters, digits and underscores is text.
fn pieces(template: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = template;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let placeholder = rest.strip_prefix('{').and_then(|after| {
            let end = after.find('}')?;
            let name = &after[..end];
            let valid = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            valid.then_some(name)
        });
        if let Some(name) = placeholder {
            rest = &rest[name.len() + 2..];
            return Some(Piece::Placeholder(name));
        }
        // Text up to the next `{` after the first byte (which may be one).
        // `{` is ASCII, so its byte index is always a character boundary.
        let end = rest.bytes().skip(1).position(|b| b == b'{').map_or(rest.len(), |i| i + 1);
        let (text, after) = rest.split_at(end);
        rest = after;
        Some(Piece::Text(text))
    })
}

/// The placeholders' names in a template, for the catalogue's tests.
#[cfg(test)]
fn placeholders(template: &str) -> std::collections::BTreeSet<&str> {
    pieces(template)
        .filter_map(|piece| match piece {
            Piece::Placeholder(name) => Some(name),
            Piece::Text(_) => None,
        })
        .collect()
}

/// The language the app starts in: a `lang` parameter in the address
/// (`?lang=ko`, or `#…&lang=ko` beside a share link), then the choice
/// remembered in this browser, then the first of the browser's languages the
/// interface has, then English.
pub fn pick(param: Option<&str>, remembered: Option<&str>, browser: &[String]) -> Lang {
    param
        .and_then(Lang::from_tag)
        .or_else(|| remembered.and_then(Lang::from_tag))
        .or_else(|| browser.iter().find_map(|tag| Lang::from_tag(tag)))
        .unwrap_or_default()
}

/// The value of the `lang` parameter in a query (`?lang=ko&embed`) or a
/// fragment (`#s=1.…&lang=ko`); the query wins when both have one.
pub fn lang_param<'a>(search: &'a str, hash: &'a str) -> Option<&'a str> {
    let find = |text: &'a str| {
        text.trim_start_matches(['?', '#']).split('&').find_map(|part| part.strip_prefix("lang="))
    };
    find(search).or_else(|| find(hash))
}

/// The language to start in, read from the page (see [`pick`]). A `lang`
/// parameter applies to this visit only: it is not remembered, so an
/// embedded slide in Korean does not change the language of the full app.
pub fn initial_lang() -> Lang {
    let Some(window) = web_sys::window() else { return Lang::default() };
    let location = window.location();
    let (search, hash) = (location.search().unwrap_or_default(), location.hash().unwrap_or_default());
    let remembered = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    let navigator = window.navigator();
    let mut browser: Vec<String> = navigator.languages().iter().filter_map(|tag| tag.as_string()).collect();
    browser.extend(navigator.language());
    pick(lang_param(&search, &hash), remembered.as_deref(), &browser)
}

/// Keeps the person's choice for their next visit (where storage is allowed)
/// and sets `<html lang>`, so screen readers, fonts and the lesson captions
/// follow it.
pub fn remember(lang: Lang) {
    if let Some(storage) = storage() {
        // Blocked or full storage only means the choice is not kept.
        let _ = storage.set_item(STORAGE_KEY, lang.code());
    }
    show_in_document(lang);
}

/// Sets `<html lang>` to the language, without remembering it.
pub fn show_in_document(lang: Lang) {
    if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = html.set_attribute("lang", lang.code());
    }
}

fn storage() -> Option<web_sys::Storage> {
    // `localStorage` throws where storage is blocked; that is "no storage".
    web_sys::window()?.local_storage().ok().flatten()
}

/// The current language, for function components (English outside the
/// app's provider, as in a component test).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// The current language, read once (not subscribed) through a component's
/// scope: for plain view functions a subscribed component calls.
pub fn current<C: Component>(link: &Scope<C>) -> Lang {
    link.context::<Lang>(Callback::noop()).map(|(lang, _)| lang).unwrap_or_default()
}

/// The current language for a struct component, and the handle that keeps
/// it subscribed: keep the handle in the component, and handle the message
/// `on_change` makes by storing the new language and re-rendering.
pub fn subscribe<C: Component>(link: &Scope<C>, on_change: impl Fn(Lang) -> C::Message + 'static) -> (Lang, Option<ContextHandle<Lang>>) {
    match link.context::<Lang>(link.callback(on_change)) {
        Some((lang, handle)) => (lang, Some(handle)),
        None => (Lang::default(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_name_languages_by_their_primary_part() {
        assert_eq!(Lang::from_tag("ko-KR"), Some(Lang::Ko));
        assert_eq!(Lang::from_tag("KO"), Some(Lang::Ko));
        assert_eq!(Lang::from_tag("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("kok"), None, "Konkani is not Korean");
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn the_parameter_wins_then_the_remembered_choice_then_the_browser() {
        let korean_browser = ["fr-FR".to_string(), "ko-KR".to_string()];
        assert_eq!(pick(None, None, &korean_browser), Lang::Ko, "the first language the interface has");
        assert_eq!(pick(None, Some("en"), &korean_browser), Lang::En);
        assert_eq!(pick(Some("ko"), Some("en"), &[]), Lang::Ko);
        assert_eq!(pick(Some("xx"), Some("ko"), &[]), Lang::Ko, "an unknown parameter is passed over");
        assert_eq!(pick(None, Some("garbage"), &["de".to_string()]), Lang::En);
    }

    #[test]
    fn the_parameter_is_found_in_the_query_or_the_fragment() {
        assert_eq!(lang_param("?embed&lang=ko", ""), Some("ko"));
        assert_eq!(lang_param("", "#s=1.abc&lang=en"), Some("en"));
        assert_eq!(lang_param("?lang=en", "#lang=ko"), Some("en"));
        assert_eq!(lang_param("?slang=ko", "#s=1.lang=ko"), None);
    }

    #[test]
    fn placeholders_are_filled_by_name() {
        let n = 12;
        assert_eq!(fill("{n} orders waiting in {queue}", &[("queue", &"shipping-queue"), ("n", &n)]), "12 orders waiting in shipping-queue");
        assert_eq!(fill("{who} {who}", &[("who", &"a")]), "a a");
        assert_eq!(fill("{missing} stays", &[]), "{missing} stays");
        assert_eq!(fill("{ not a placeholder } and {}", &[]), "{ not a placeholder } and {}");
        assert_eq!(fill("주문 {n}건 대기", &[("n", &3)]), "주문 3건 대기");
        assert_eq!(fill("", &[]), "");
    }

    #[test]
    fn every_key_has_both_languages_with_the_same_placeholders() {
        for &key in Text::ALL {
            let (en, ko) = (key.text(Lang::En), key.text(Lang::Ko));
            assert!(!en.trim().is_empty(), "{key:?} has no English text");
            assert!(!ko.trim().is_empty(), "{key:?} has no Korean text");
            assert_eq!(placeholders(en), placeholders(ko), "{key:?}: the translations name different placeholders");
        }
    }

    #[test]
    fn codec_errors_say_in_english_what_the_engine_says() {
        use fanout_engine::scenario::codec::{scenario_from_file_text, CodecError};
        let consumers = |n: usize| {
            let components: Vec<String> = (0..n)
                .map(|i| format!(r#"{{"id":"c{i}","name":"C{i}","x":0,"y":0,"spec":{{"consumer":{{"concurrency":0}}}}}}"#))
                .collect();
            format!(r#"{{"schema":1,"components":[{}]}}"#, components.join(","))
        };
        let mut errors = vec![
            CodecError::Empty,
            CodecError::LinkTooLong { bytes: 70_000 },
            CodecError::NotAFanoutLink,
            CodecError::NewerVersion { version: 7, newest: 2 },
            CodecError::BadCharacter { character: '\n' },
            CodecError::BadCharacter { character: '%' },
            CodecError::BadCharacter { character: '\u{7}' },
            CodecError::CutShort,
            CodecError::Damaged,
            CodecError::TooLarge,
            CodecError::NotText,
            CodecError::FileTooLarge { bytes: 2_000_000 },
        ];
        for text in ["{ not json".to_string(), consumers(1), consumers(2), consumers(7)] {
            errors.push(scenario_from_file_text(&text).unwrap_err());
        }
        assert!(matches!(errors.last(), Some(CodecError::Invalid(problems)) if problems.len() == 7));
        for error in &errors {
            let (en, ko) = (Lang::En.codec_error(error), Lang::Ko.codec_error(error));
            assert_eq!(en, error.to_string(), "{error:?}");
            assert_ne!(ko, en, "{error:?}");
        }
        let current = format!("#s={}.", fanout_engine::scenario::codec::LINK_FORMAT_VERSION);
        assert!(Lang::Ko.codec_error(&CodecError::Empty).contains(&current));
    }

    #[test]
    fn korean_texts_are_translated() {
        // A Korean text equal to its English one is a forgotten translation,
        // unless the catalogue marks it `same` (a name, a flag, a symbol).
        for &key in Text::ALL {
            if !key.same_in_both() {
                assert_ne!(key.text(Lang::En), key.text(Lang::Ko), "{key:?} is not translated (or mark it `same`)");
            }
        }
    }
}
