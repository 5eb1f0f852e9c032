//! Embed mode: Fanout inside a slide. `?embed` (in the query, or `embed`
//! among the fragment's `&` parameters) shows only the stage (canvas,
//! message overlay, lesson captions) and the transport bar, with the diagram
//! fitted to the frame. Parameters (documented in docs/embed.md):
//!
//! - `autoplay`, `loop`: start playing at once; play again at the end.
//! - `speed=<x>`: the transport's speed, clamped to its 0.1–100 range.
//! - `step=<n>`: start at lesson step n (1-based, as the step indicator).
//! - `theme=light|dark`: a dark theme is a class on `<html>` (static/embed.css).
//! - `preset=<file stem>`: open a preset when the address has no share link.
//! - `lang=en|ko` is read by `crate::i18n` (it applies in and out of embed mode).
//!
//! A slide deck drives the embed through `postMessage`: commands come in as
//! `{ type: 'fanout', command, … }` from the parent window only, and events go
//! out to it as `{ type: 'fanout', event, … }`. Anything else is ignored; a
//! message that says it is for Fanout but is malformed is logged as a
//! warning. Nothing here panics on what a message holds, and a scenario sent
//! with `load` goes through the same hostile-input-safe decoding as a share
//! link (`fanout_engine::scenario::codec`).
//!
//! This module only parses and talks to the browser. The playback host does
//! what the commands ask (see `playback/embed.rs`), the lesson moves through
//! `crate::lesson`'s seam, and the app shell loads scenarios.

use crate::editor::geometry::{redrive_curve, BOX_HEIGHT, BOX_WIDTH, PORT_RADIUS};
use crate::i18n::{Lang, Text};
use crate::lesson::{self, LessonMsg};
use crate::presets::PRESETS;
use fanout_engine::scenario::codec::{decode, scenario_from_file_text, MAX_FILE_BYTES, MAX_LINK_CHARS};
use fanout_engine::scenario::{Scenario, Spec};
use fanout_engine::sim::FrameClock;
use gloo_events::EventListener;
use serde_json::{json, Value};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use yew::Callback;

/// The version of the message API, sent with `ready`. It grows only when a
/// message changes in a way an existing deck would notice.
pub const API_VERSION: u32 = 1;

/// The `type` every message in and out carries.
pub const MESSAGE_TYPE: &str = "fanout";

/// The longest command name considered (the longest is 5 characters).
const MAX_COMMAND_CHARS: u32 = 16;

/// The longest preset name considered.
const MAX_PRESET_CHARS: usize = 64;

/// The performance mark set when the embedded app is interactive (its canvas
/// drawn and its message listener attached); scripts/embed-timing.mjs reads it.
pub const READY_MARK: &str = "fanout-ready";

/// The colour theme of an embed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

/// The embed parameters of the page's address.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EmbedParams {
    /// `embed` is present: the other parameters apply only then.
    pub embed: bool,
    pub autoplay: bool,
    /// The transport speed, already clamped to 0.1–100.
    pub speed: Option<f64>,
    /// The lesson step to start at, 1-based.
    pub step: Option<usize>,
    /// `loop`: play again at the end (see `playback/embed.rs`).
    pub looping: bool,
    pub theme: Theme,
    /// A preset's file stem, opened when the address has no share link.
    pub preset: Option<String>,
}

/// A flag's value: present alone or with a yes-like value is on; `0`,
/// `false`, `no` and `off` turn it off.
fn flag(value: &str) -> bool {
    !matches!(value.to_ascii_lowercase().as_str(), "0" | "false" | "no" | "off")
}

/// Reads the embed parameters from the query (`?embed&autoplay`) and the
/// fragment (`#s=1.…&embed&speed=2`); the fragment's value wins when both
/// have one. Values that cannot be read are left out, never an error: a
/// slide must show something.
pub fn parse_params(search: &str, hash: &str) -> EmbedParams {
    let mut params = EmbedParams::default();
    let query = search.strip_prefix('?').unwrap_or(search).split('&');
    let fragment = hash.strip_prefix('#').unwrap_or(hash).split('&');
    for part in query.chain(fragment).filter(|part| !part.is_empty()) {
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        match key {
            // Any `embed` turns it on, as for the autosave (autosave::is_embedded).
            "embed" => params.embed = true,
            "autoplay" => params.autoplay = flag(value),
            "loop" => params.looping = flag(value),
            "speed" => {
                if let Some(speed) = value.parse::<f64>().ok().filter(|s| s.is_finite() && *s > 0.0) {
                    // The engine's clock clamps to the transport's range.
                    params.speed = Some(FrameClock::new(speed).speed);
                }
            }
            "step" => {
                if let Some(step) = value.parse::<usize>().ok().filter(|&n| n >= 1) {
                    params.step = Some(step);
                }
            }
            "theme" => match value.to_ascii_lowercase().as_str() {
                "dark" => params.theme = Theme::Dark,
                "light" => params.theme = Theme::Light,
                _ => {}
            },
            "preset" if is_preset_name(value) => params.preset = Some(value.to_string()),
            _ => {}
        }
    }
    params
}

/// Whether `name` could be a preset's file stem (lower-case words and
/// dashes); anything else is not looked up.
fn is_preset_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_PRESET_CHARS
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

thread_local! {
    /// The page's parameters, read once: the address's fragment changes
    /// later (a share link is taken out of it), the mode does not.
    static PARAMS: EmbedParams = read_params();
    /// The playback host's way in, registered while it exists.
    static PLAYBACK: RefCell<Option<Callback<Transport>>> = const { RefCell::new(None) };
}

fn read_params() -> EmbedParams {
    let Some(window) = web_sys::window() else { return EmbedParams::default() };
    let location = window.location();
    parse_params(&location.search().unwrap_or_default(), &location.hash().unwrap_or_default())
}

/// The page's embed parameters.
pub fn params() -> EmbedParams {
    PARAMS.with(Clone::clone)
}

/// Whether the page is in embed mode.
pub fn is_embed() -> bool {
    PARAMS.with(|p| p.embed)
}

/// Marks the page for the embed stylesheet: `embed` and, for the dark theme,
/// `theme-dark` on `<html>`, so even the page around the app follows.
pub fn mark_document() {
    let params = params();
    if !params.embed {
        return;
    }
    if let Some(html) = gloo_utils::document().document_element() {
        let mut classes = html.class_name();
        classes.push_str(if params.theme == Theme::Dark { " embed theme-dark" } else { " embed" });
        html.set_class_name(classes.trim());
    }
}

/// The preset named by `preset=`, when the address holds no share link.
pub fn preset_scenario(name: &str) -> Option<Scenario> {
    let (_, json) = PRESETS.iter().find(|(stem, _)| *stem == name)?;
    scenario_from_file_text(json).ok()
}

// ----- fitting the diagram to the frame ---------------------------------------

/// The smallest area a diagram is fitted into, so a scenario of one box is
/// not blown up to fill a whole screen (16:9, like the slides).
const MIN_VIEW_WIDTH: f64 = 560.0;
const MIN_VIEW_HEIGHT: f64 = 315.0;
/// Room around the diagram, in canvas units.
const VIEW_MARGIN: f64 = 10.0;
/// A node's height with one row of pod chips (four), as the presets show
/// them. A node holding more grows a row at a time and may reach into the
/// margin: the fit is computed once per scenario, so the diagram does not
/// jump while pods move.
const NODE_HEIGHT: f64 = 64.0;
/// A deployment shows its Pending pods in one row.
const DEPLOYMENT_HEIGHT: f64 = 64.0;
/// Badges straddle a box's top and bottom edges by this much.
const BADGE_OVERHANG: f64 = 8.0;

/// The part of the canvas shown, in canvas units (the SVG `viewBox`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewBox {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// How a [`ViewBox`] lands on an element of some CSS size, as SVG's
/// `preserveAspectRatio="xMidYMid meet"` places it: one scale for both axes,
/// centred. CSS px = canvas units × `scale` + offset.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    pub scale: f64,
    pub offset_x: f64,
    pub offset_y: f64,
}

impl Fit {
    /// The identity: canvas units are CSS px (the editor without a view box).
    pub const NONE: Fit = Fit { scale: 1.0, offset_x: 0.0, offset_y: 0.0 };

    /// A point in canvas units, in CSS px from the element's corner.
    pub fn to_css(self, x: f64, y: f64) -> (f64, f64) {
        (x * self.scale + self.offset_x, y * self.scale + self.offset_y)
    }
}

impl ViewBox {
    /// The area every component of `scenario` is drawn in (with its ports,
    /// badges, pod chips and dead-letter loops), with a margin, at least
    /// [`MIN_VIEW_WIDTH`] × [`MIN_VIEW_HEIGHT`]. `None` for an empty canvas.
    /// Hidden components (a lesson's progressive reveal) count too, so the
    /// diagram does not jump from one step to the next.
    pub fn around(scenario: &Scenario) -> Option<ViewBox> {
        let mut bounds: Option<(f64, f64, f64, f64)> = None;
        let mut include = |left: f64, top: f64, right: f64, bottom: f64| {
            bounds = Some(match bounds {
                None => (left, top, right, bottom),
                Some((l, t, r, b)) => (l.min(left), t.min(top), r.max(right), b.max(bottom)),
            });
        };
        for c in &scenario.components {
            let height = match c.spec {
                Spec::Node(_) => NODE_HEIGHT,
                Spec::Deployment(_) => DEPLOYMENT_HEIGHT,
                _ => BOX_HEIGHT,
            };
            let top = c.y - BOX_HEIGHT / 2.0;
            let half_width = BOX_WIDTH / 2.0 + PORT_RADIUS;
            include(c.x - half_width, top - BADGE_OVERHANG, c.x + half_width, top + height + BADGE_OVERHANG);
        }
        // A redrive loop between two boxes side by side dips below both.
        for c in &scenario.components {
            let Spec::Queue(queue) = &c.spec else { continue };
            let Some(dlq) = queue.redrive.as_ref().and_then(|r| scenario.component(&r.dead_letter_queue)) else {
                continue;
            };
            let curve = redrive_curve(c, dlq);
            for i in 0..=8 {
                let p = curve.point_at(f64::from(i) / 8.0);
                include(p.x, p.y, p.x, p.y + 12.0);
            }
        }
        let (left, top, right, bottom) = bounds?;
        let (left, top, right, bottom) =
            (left - VIEW_MARGIN, top - VIEW_MARGIN, right + VIEW_MARGIN, bottom + VIEW_MARGIN);
        let (width, height) = (right - left, bottom - top);
        let (grow_x, grow_y) = ((MIN_VIEW_WIDTH - width).max(0.0), (MIN_VIEW_HEIGHT - height).max(0.0));
        Some(ViewBox {
            x: (left - grow_x / 2.0).round(),
            y: (top - grow_y / 2.0).round(),
            width: (width + grow_x).round(),
            height: (height + grow_y).round(),
        })
    }

    /// The SVG `viewBox` attribute.
    pub fn attribute(&self) -> String {
        format!("{} {} {} {}", self.x, self.y, self.width, self.height)
    }

    /// Where this view box lands on an element of `width` × `height` CSS px.
    pub fn fit(&self, width: f64, height: f64) -> Fit {
        if !(width > 0.0 && height > 0.0 && self.width > 0.0 && self.height > 0.0) {
            return Fit::NONE;
        }
        let scale = (width / self.width).min(height / self.height);
        Fit {
            scale,
            offset_x: (width - self.width * scale) / 2.0 - self.x * scale,
            offset_y: (height - self.height * scale) / 2.0 - self.y * scale,
        }
    }
}

// ----- commands in ------------------------------------------------------------------

/// What a scenario sent with `load` is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Payload {
    /// A share link, its fragment (`#s=1.…`) or its token.
    Link(String),
    /// A scenario document as JSON text (or an object, stringified).
    Json(String),
    /// A preset's file stem.
    Preset(String),
}

/// A command a slide deck may send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Play,
    Pause,
    /// The next lesson step (the previous one with `back`); without a lesson,
    /// one event of the run, as the transport's Step button.
    Step { back: bool },
    /// Lesson step n, 1-based.
    Goto(usize),
    Reset,
    Load(Payload),
}

/// A message's fields, as read from the browser (kept apart so the rules
/// are tested natively).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fields {
    pub kind: Option<String>,
    pub command: Option<String>,
    pub step: Option<f64>,
    pub back: Option<bool>,
    pub scenario: Option<String>,
    pub preset: Option<String>,
}

/// Why a message was not acted on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ignored {
    /// Not addressed to Fanout at all (another library's message): silent.
    NotOurs,
    /// Addressed to Fanout but wrong: logged as a warning with the reason.
    Malformed(String),
}

/// The command a message asks for.
pub fn parse_command(fields: Fields) -> Result<Command, Ignored> {
    if fields.kind.as_deref() != Some(MESSAGE_TYPE) {
        return Err(Ignored::NotOurs);
    }
    let malformed = |reason: &str| Err(Ignored::Malformed(reason.to_string()));
    let Some(command) = fields.command else { return malformed("no 'command'") };
    match command.as_str() {
        "play" => Ok(Command::Play),
        "pause" => Ok(Command::Pause),
        "reset" => Ok(Command::Reset),
        "step" => Ok(Command::Step { back: fields.back.unwrap_or(false) }),
        "goto" => match fields.step {
            Some(step) if step.fract() == 0.0 && (1.0..=1000.0).contains(&step) => Ok(Command::Goto(step as usize)),
            Some(_) => malformed("'goto' needs 'step' as a whole number from 1"),
            None => malformed("'goto' needs 'step'"),
        },
        "load" => match (fields.scenario, fields.preset) {
            (Some(text), _) => {
                let text = text.trim().to_string();
                if text.starts_with('{') {
                    Ok(Command::Load(Payload::Json(text)))
                } else {
                    Ok(Command::Load(Payload::Link(text)))
                }
            }
            (None, Some(preset)) if is_preset_name(&preset) => Ok(Command::Load(Payload::Preset(preset))),
            (None, Some(_)) => malformed("'preset' is not a preset name"),
            (None, None) => malformed("'load' needs 'scenario' (a share link or JSON) or 'preset'"),
        },
        _ => malformed("unknown command"),
    }
}

/// Opens a `load` payload through the same checks as share links and
/// imported files (size caps, validation), or says in `lang` why it cannot
/// be opened.
pub fn open_payload(payload: &Payload, lang: Lang) -> Result<Scenario, String> {
    match payload {
        Payload::Link(link) => decode(link).map_err(|e| lang.codec_error(&e)),
        Payload::Json(json) => scenario_from_file_text(json).map_err(|e| lang.codec_error(&e)),
        Payload::Preset(name) => {
            preset_scenario(name).ok_or_else(|| lang.format(Text::NoSuchPreset, &[("name", name)]))
        }
    }
}

/// A string field of a message object, if it is a string no longer than
/// `max_chars` (checked before it is copied out of JavaScript).
fn string_field(data: &JsValue, name: &str, max_chars: usize) -> Result<Option<String>, String> {
    let value = js_sys::Reflect::get(data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let Some(text) = value.dyn_ref::<js_sys::JsString>() else { return Err(format!("'{name}' is not a string")) };
    if text.length() as usize > max_chars {
        return Err(format!("'{name}' is longer than {max_chars} characters"));
    }
    Ok(text.as_string())
}

/// Reads a message's data into [`Fields`]. A scenario given as an object is
/// turned into JSON text first (and refused past the file size cap).
fn read_fields(data: &JsValue) -> Result<Fields, Ignored> {
    // Only plain objects: strings, numbers, arrays and null are other
    // libraries' messages (or nonsense).
    if !data.is_object() || js_sys::Array::is_array(data) {
        return Err(Ignored::NotOurs);
    }
    let malformed = Ignored::Malformed;
    let kind = string_field(data, "type", MESSAGE_TYPE.len()).map_err(|_| Ignored::NotOurs)?;
    if kind.as_deref() != Some(MESSAGE_TYPE) {
        return Err(Ignored::NotOurs);
    }
    let command = string_field(data, "command", MAX_COMMAND_CHARS as usize).map_err(malformed)?;
    let step = js_sys::Reflect::get(data, &JsValue::from_str("step")).ok().and_then(|v| v.as_f64());
    let back = js_sys::Reflect::get(data, &JsValue::from_str("back")).ok().and_then(|v| v.as_bool());
    let preset = string_field(data, "preset", MAX_PRESET_CHARS).map_err(malformed)?;
    let scenario_value = js_sys::Reflect::get(data, &JsValue::from_str("scenario")).unwrap_or(JsValue::UNDEFINED);
    let scenario = if scenario_value.is_string() {
        string_field(data, "scenario", MAX_FILE_BYTES.max(MAX_LINK_CHARS)).map_err(malformed)?
    } else if scenario_value.is_object() {
        let json = js_sys::JSON::stringify(&scenario_value)
            .map_err(|_| malformed("'scenario' cannot be written as JSON".to_string()))?;
        if json.length() as usize > MAX_FILE_BYTES {
            return Err(malformed(format!("'scenario' is larger than {MAX_FILE_BYTES} bytes")));
        }
        json.as_string()
    } else if scenario_value.is_undefined() || scenario_value.is_null() {
        None
    } else {
        return Err(malformed("'scenario' must be a share link, JSON text or an object".to_string()));
    };
    Ok(Fields { kind, command, step, back, scenario, preset })
}

/// What the playback host is asked to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transport {
    Play,
    Pause,
    /// One event of the run (the transport's Step button).
    Step,
    Reset,
}

/// Registers the playback host's command callback; `None` when it goes away.
pub fn register_playback(callback: Option<Callback<Transport>>) {
    PLAYBACK.with(|playback| *playback.borrow_mut() = callback);
}

fn send_to_playback(command: Transport) {
    PLAYBACK.with(|playback| {
        if let Some(callback) = playback.borrow().as_ref() {
            callback.emit(command);
        }
    });
}

/// Does what a command asks: transport commands go to the playback host,
/// lesson moves through `crate::lesson`, scenarios to `on_load` (or why one
/// cannot be opened, in `lang`, to the deck).
fn dispatch(command: Command, on_load: &Callback<Scenario>, lang: Lang) {
    let count = lesson::position().map_or(0, |p| p.count);
    match command {
        Command::Play => send_to_playback(Transport::Play),
        Command::Pause => send_to_playback(Transport::Pause),
        Command::Reset => send_to_playback(Transport::Reset),
        Command::Step { back } if count > 0 => {
            lesson::send(if back { LessonMsg::Previous } else { LessonMsg::Next });
        }
        Command::Step { back: false } => send_to_playback(Transport::Step),
        Command::Step { back: true } => warn("'step' with 'back' needs a lesson; this scenario has none"),
        Command::Goto(step) if (1..=count).contains(&step) => {
            lesson::send(LessonMsg::Goto(step - 1));
        }
        Command::Goto(step) => warn(&format!("'goto' step {step} is not a step of this lesson (it has {count})")),
        Command::Load(payload) => match open_payload(&payload, lang) {
            Ok(scenario) => on_load.emit(scenario),
            Err(message) => {
                warn(&format!("'load' refused: {message}"));
                post(Event::Error { message });
            }
        },
    }
}

/// A console warning for a deck's developer; never an alert, never an error
/// banner in the slide.
fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(&format!("Fanout embed: {message}")));
}

/// The parent window, when the page is in a frame.
fn parent_window() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

/// Listens for commands from the parent window (in embed mode only; `None`
/// otherwise). Messages from any other window are not looked at. A scenario
/// that cannot be opened is said in `lang` (an embed has no language switch,
/// so its language stays the one it started in).
pub fn listen(on_load: Callback<Scenario>, lang: Lang) -> Option<EventListener> {
    if !is_embed() {
        return None;
    }
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "message", move |event| {
        let source = js_sys::Reflect::get(event, &JsValue::from_str("source")).unwrap_or(JsValue::NULL);
        let from_parent = parent_window().is_some_and(|parent| js_sys::Object::is(&source, &parent));
        if !from_parent {
            return;
        }
        let data = js_sys::Reflect::get(event, &JsValue::from_str("data")).unwrap_or(JsValue::UNDEFINED);
        match read_fields(&data).and_then(parse_command) {
            Ok(command) => dispatch(command, &on_load, lang),
            Err(Ignored::NotOurs) => {}
            Err(Ignored::Malformed(reason)) => warn(&format!("message ignored: {reason}")),
        }
    }))
}

// ----- events out --------------------------------------------------------------------

/// An event sent to the parent window.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The embed is interactive: commands are listened to from now on.
    /// `step` is the lesson's current step (1-based), `None` while the
    /// lesson is off or the scenario has none (`count` 0).
    Ready { title: String, playing: bool, step: Option<usize>, count: usize },
    /// The lesson moved to another step (1-based) of `count`; `None` when
    /// it was left (or a scenario whose lesson has not started was loaded).
    StepChanged { step: Option<usize>, count: usize },
    /// A fault happened in the run: from the fault script, or applied live
    /// (by a person, or by a lesson step as it started).
    Fault { at_ms: u64, words: String, scripted: bool },
    /// The lesson's last step, or the fault script with some time after it,
    /// has played to its end.
    Finished { what: Finished, at_ms: u64 },
    /// A `load` could not be opened.
    Error { message: String },
}

/// What came to its end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Finished {
    Lesson,
    Script,
}

impl Event {
    /// The message as JSON: `{ type: 'fanout', event: 'step-changed', … }`.
    pub fn to_json(&self) -> Value {
        let mut message = match self {
            Event::Ready { title, playing, step, count } => json!({
                "event": "ready",
                "version": API_VERSION,
                "title": title,
                "playing": playing,
                "step": step,
                "count": count,
            }),
            Event::StepChanged { step, count } => json!({ "event": "step-changed", "step": step, "count": count }),
            Event::Fault { at_ms, words, scripted } => {
                json!({ "event": "fault", "at_ms": at_ms, "words": words, "scripted": scripted })
            }
            Event::Finished { what, at_ms } => json!({
                "event": "finished",
                "what": match what { Finished::Lesson => "lesson", Finished::Script => "script" },
                "at_ms": at_ms,
            }),
            Event::Error { message } => json!({ "event": "error", "message": message }),
        };
        message["type"] = json!(MESSAGE_TYPE);
        message
    }
}

/// Sends an event to the parent window, in embed mode inside a frame; does
/// nothing otherwise. The target origin is `*`: the deck's origin is not
/// known, and events only describe what the slide shows.
pub fn post(event: Event) {
    if !is_embed() {
        return;
    }
    let Some(parent) = parent_window() else { return };
    let Ok(message) = js_sys::JSON::parse(&event.to_json().to_string()) else { return };
    let _ = parent.post_message(&message, "*");
}

/// Marks the moment the embed became interactive (for the timing script).
pub fn mark_ready() {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(READY_MARK);
    }
}

// ----- the embed code ----------------------------------------------------------------

/// The `<iframe>` snippet that embeds a share link: `base` is the app's
/// address without query or fragment, `fragment` the link's `#s=…`. The
/// title is escaped for an attribute (it comes from the document).
pub fn embed_code(base: &str, fragment: &str, title: &str) -> String {
    let title = if title.trim().is_empty() { "Fanout".to_string() } else { format!("{} — Fanout", title.trim()) };
    format!(
        "<iframe src=\"{}?embed&amp;autoplay{}\" width=\"800\" height=\"450\" title=\"{}\" \
         style=\"border:0\" loading=\"lazy\"></iframe>",
        escape_attribute(base),
        escape_attribute(fragment),
        escape_attribute(&title)
    )
}

fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_come_from_the_query_and_the_fragment() {
        let p = parse_params("?embed&autoplay", "#s=1.abc&speed=2.5&step=3&loop&theme=dark");
        assert!(p.embed && p.autoplay && p.looping);
        assert_eq!(p.speed, Some(2.5));
        assert_eq!(p.step, Some(3));
        assert_eq!(p.theme, Theme::Dark);
        let fragment_only = parse_params("", "#s=1.abc&embed");
        assert!(fragment_only.embed && !fragment_only.autoplay);
        assert_eq!(parse_params("", ""), EmbedParams::default());
    }

    #[test]
    fn odd_values_are_left_out_or_clamped() {
        let p = parse_params("?embed&speed=1000&step=0&theme=purple&autoplay=0", "");
        assert_eq!(p.speed, Some(100.0), "clamped to the transport's range");
        assert_eq!(p.step, None);
        assert_eq!(p.theme, Theme::Light);
        assert!(!p.autoplay);
        assert_eq!(parse_params("?speed=0.01", "").speed, Some(0.1));
        for bad in ["speed=-1", "speed=NaN", "speed=inf", "speed=", "step=-2", "step=two"] {
            let p = parse_params(&format!("?embed&{bad}"), "");
            assert_eq!((p.speed, p.step), (None, None), "{bad}");
        }
        assert_eq!(parse_params("?preset=pod-failover", "").preset.as_deref(), Some("pod-failover"));
        assert_eq!(parse_params("?preset=../etc", "").preset, None);
    }

    fn fields(command: &str) -> Fields {
        Fields { kind: Some("fanout".into()), command: Some(command.into()), ..Fields::default() }
    }

    #[test]
    fn only_known_commands_of_the_right_shape_are_acted_on() {
        assert_eq!(parse_command(fields("play")), Ok(Command::Play));
        assert_eq!(parse_command(fields("pause")), Ok(Command::Pause));
        assert_eq!(parse_command(fields("reset")), Ok(Command::Reset));
        assert_eq!(parse_command(fields("step")), Ok(Command::Step { back: false }));
        let back = Fields { back: Some(true), ..fields("step") };
        assert_eq!(parse_command(back), Ok(Command::Step { back: true }));
        let goto = |step: f64| parse_command(Fields { step: Some(step), ..fields("goto") });
        assert_eq!(goto(2.0), Ok(Command::Goto(2)));
        for bad in [0.0, -1.0, 1.5, f64::NAN, f64::INFINITY, 1e12] {
            assert!(matches!(goto(bad), Err(Ignored::Malformed(_))), "{bad}");
        }
        assert!(matches!(parse_command(fields("goto")), Err(Ignored::Malformed(_))));
        assert!(matches!(parse_command(fields("explode")), Err(Ignored::Malformed(_))));
        let other = Fields { kind: Some("reveal".into()), ..fields("play") };
        assert_eq!(parse_command(other), Err(Ignored::NotOurs));
        assert_eq!(parse_command(Fields::default()), Err(Ignored::NotOurs));
    }

    #[test]
    fn load_takes_links_json_and_presets_through_the_codec() {
        let load = |scenario: Option<&str>, preset: Option<&str>| {
            parse_command(Fields {
                scenario: scenario.map(str::to_string),
                preset: preset.map(str::to_string),
                ..fields("load")
            })
        };
        let preset = preset_scenario("direct-coupling").expect("preset");
        let fragment = fanout_engine::scenario::codec::share_fragment(&preset);
        let Ok(Command::Load(link)) = load(Some(&fragment), None) else { panic!("a link is a load") };
        assert_eq!(open_payload(&link, Lang::En), Ok(preset.clone()));
        let Ok(Command::Load(json)) = load(Some(&preset.to_json_pretty()), None) else { panic!("JSON is a load") };
        assert_eq!(open_payload(&json, Lang::En), Ok(preset.clone()));
        let Ok(Command::Load(named)) = load(None, Some("direct-coupling")) else { panic!("a preset is a load") };
        assert_eq!(open_payload(&named, Lang::En), Ok(preset));
        assert!(open_payload(&Payload::Link("#s=1.garbage!!".into()), Lang::En).is_err());
        assert!(open_payload(&Payload::Json("{\"schema\": 99}".into()), Lang::En).is_err());
        let missing = Payload::Preset("no-such-preset".into());
        assert_eq!(open_payload(&missing, Lang::En), Err("There is no preset called 'no-such-preset'.".into()));
        assert_eq!(open_payload(&missing, Lang::Ko), Err("이런 이름의 프리셋은 없습니다: 'no-such-preset'.".into()));
        assert!(matches!(load(None, None), Err(Ignored::Malformed(_))));
        assert!(matches!(load(None, Some("../x")), Err(Ignored::Malformed(_))));
    }

    #[test]
    fn events_carry_the_type_and_their_fields() {
        let ready = Event::Ready { title: "T".into(), playing: false, step: Some(1), count: 4 }.to_json();
        assert_eq!(ready["type"], "fanout");
        assert_eq!(ready["event"], "ready");
        assert_eq!(ready["version"], API_VERSION);
        assert_eq!((ready["step"].as_u64(), ready["count"].as_u64()), (Some(1), Some(4)));
        let changed = Event::StepChanged { step: Some(2), count: 4 }.to_json();
        assert_eq!((changed["event"].as_str(), changed["step"].as_u64()), (Some("step-changed"), Some(2)));
        assert!(Event::StepChanged { step: None, count: 4 }.to_json()["step"].is_null());
        let finished = Event::Finished { what: Finished::Script, at_ms: 60_000 }.to_json();
        assert_eq!(finished["what"], "script");
    }

    fn preset(name: &str) -> Scenario {
        preset_scenario(name).unwrap_or_else(|| panic!("preset {name}"))
    }

    #[test]
    fn the_view_box_holds_every_box_and_keeps_a_minimum_size() {
        for (stem, _) in PRESETS {
            let scenario = preset(stem);
            let view = ViewBox::around(&scenario).expect("presets have components");
            assert!(view.width >= MIN_VIEW_WIDTH && view.height >= MIN_VIEW_HEIGHT, "{stem}");
            for c in &scenario.components {
                assert!(c.x - BOX_WIDTH / 2.0 >= view.x && c.x + BOX_WIDTH / 2.0 <= view.x + view.width, "{stem} {}", c.id);
                assert!(c.y - BOX_HEIGHT / 2.0 >= view.y && c.y + BOX_HEIGHT / 2.0 <= view.y + view.height, "{stem} {}", c.id);
            }
        }
        assert_eq!(ViewBox::around(&Scenario::default()), None);
    }

    #[test]
    fn a_fit_centres_the_view_as_svg_does() {
        let view = ViewBox { x: 100.0, y: 50.0, width: 800.0, height: 400.0 };
        // A frame twice as tall as needed: scale 1, centred vertically.
        let fit = view.fit(800.0, 800.0);
        assert_eq!(fit, Fit { scale: 1.0, offset_x: -100.0, offset_y: 150.0 });
        let half = view.fit(400.0, 400.0);
        assert_eq!(half.scale, 0.5);
        let (x, y) = half.to_css(500.0, 250.0);
        assert_eq!((x, y), (200.0, 200.0), "the view's centre is the frame's centre");
        assert_eq!(view.fit(0.0, 300.0), Fit::NONE);
    }

    /// The text on a box must stay legible in a 16:9 slide at 800 × 450:
    /// the status line (10.5 px at scale 1) not below about 9 px, with the
    /// transport bar and a two-line caption taking ~80 px of the height.
    #[test]
    fn presets_stay_legible_in_a_small_slide() {
        for (stem, _) in PRESETS {
            let view = ViewBox::around(&preset(stem)).unwrap();
            let scale = view.fit(800.0, 450.0 - 80.0).scale;
            assert!(10.5 * scale >= 8.8, "{stem}: status text at {:.1} px", 10.5 * scale);
        }
    }

    #[test]
    fn the_embed_code_is_an_iframe_with_escaped_attributes() {
        let code = embed_code("https://example.org/fanout/", "#s=1.abc", "Orders \"&\" <shipping>");
        assert!(code.starts_with("<iframe src=\"https://example.org/fanout/?embed&amp;autoplay#s=1.abc\""), "{code}");
        assert!(code.contains("width=\"800\" height=\"450\""));
        assert!(code.contains("title=\"Orders &quot;&amp;&quot; &lt;shipping&gt; — Fanout\""), "{code}");
        assert!(code.ends_with("></iframe>"));
    }
}
