//! The scenario gallery: every preset as a card with a thumbnail drawn from
//! its own diagram, its title, what it shows and its lesson steps. It is the
//! landing view (an empty canvas opens on it, unless the person switched that
//! off) and a menu the header's Gallery button opens at any time. Choosing a
//! card loads the preset as one undoable step, as the Scenarios menu does.

use crate::editor::geometry::{BOX_HEIGHT, BOX_WIDTH};
use crate::i18n::{use_lang, Lang, Text};
use crate::presets::PRESETS;
use fanout_engine::scenario::codec::scenario_from_file_text;
use fanout_engine::scenario::{Component, Scenario};
use yew::prelude::*;

/// localStorage key: `off` when the gallery should not open at start.
const AT_START_KEY: &str = "fanout.gallery.at_start";

/// Whether the gallery opens when the app starts on an empty canvas.
pub fn opens_at_start() -> bool {
    let stored = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|storage| storage.get_item(AT_START_KEY).ok().flatten());
    stored.as_deref() != Some("off")
}

fn remember_at_start(open: bool) {
    // Storage may be unavailable (private mode): the choice then lasts the visit.
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(AT_START_KEY, if open { "on" } else { "off" });
    }
}

/// One preset, parsed once.
#[derive(PartialEq)]
struct Card {
    stem: &'static str,
    scenario: Scenario,
}

fn cards() -> Vec<Card> {
    // Presets are compiled in and tested natively; one that fails to parse
    // is left out here rather than breaking the gallery.
    PRESETS
        .iter()
        .filter_map(|(stem, json)| Some(Card { stem, scenario: scenario_from_file_text(json).ok()? }))
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct GalleryProps {
    /// A card was chosen: the preset's scenario.
    pub on_open: Callback<Scenario>,
    pub on_close: Callback<()>,
}

/// The gallery as a modal panel over the app.
#[function_component(Gallery)]
pub fn gallery(props: &GalleryProps) -> Html {
    let lang = use_lang();
    let cards = use_memo((), |_| cards());
    let at_start = use_state(opens_at_start);
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let on_key = {
        let on_close = props.on_close.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.stop_propagation();
                on_close.emit(());
            }
        })
    };
    let toggle_at_start = {
        let at_start = at_start.clone();
        Callback::from(move |_: Event| {
            let open = !*at_start;
            remember_at_start(open);
            at_start.set(open);
        })
    };
    let (messaging, cluster): (Vec<&Card>, Vec<&Card>) = cards.iter().partition(|c| !c.scenario.has_cluster());
    let section = |title: Text, cards: Vec<&Card>| {
        html! {
            <section class="gallery-section">
                <h3>{ lang.t(title) }</h3>
                <ul class="gallery-cards">
                    { for cards.into_iter().map(|card| view_card(card, lang, &props.on_open)) }
                </ul>
            </section>
        }
    };
    html! {
        <div class="gallery-backdrop" onclick={close.clone()}>
            <div class="gallery" data-testid="gallery-panel" role="dialog" aria-modal="true" aria-labelledby="gallery-title"
                 onclick={Callback::from(|e: MouseEvent| e.stop_propagation())} onkeydown={on_key}>
                <header class="gallery-head">
                    <h2 id="gallery-title">{ lang.t(Text::GalleryTitle) }</h2>
                    <p>{ lang.t(Text::GalleryIntro) }</p>
                    <button type="button" class="gallery-close" data-testid="gallery-close" autofocus=true
                            title={lang.t(Text::GalleryCloseTitle)} aria-label={lang.t(Text::GalleryCloseTitle)}
                            onclick={close}>{ "×" }</button>
                </header>
                <div class="gallery-body">
                    { section(Text::GalleryMessaging, messaging) }
                    { section(Text::GalleryKubernetes, cluster) }
                </div>
                <footer class="gallery-foot">
                    <label title={lang.t(Text::GalleryAtStartTitle)}>
                        <input type="checkbox" data-testid="gallery-at-start" checked={*at_start} onchange={toggle_at_start} />
                        { lang.t(Text::GalleryAtStart) }
                    </label>
                </footer>
            </div>
        </div>
    }
}

fn view_card(card: &Card, lang: Lang, on_open: &Callback<Scenario>) -> Html {
    let scenario = &card.scenario;
    let open = {
        let (on_open, scenario) = (on_open.clone(), scenario.clone());
        Callback::from(move |_: MouseEvent| on_open.emit(scenario.clone()))
    };
    let steps = &scenario.lesson;
    html! {
        <li class="gallery-card" key={card.stem}>
            <button type="button" class="gallery-open" data-testid={format!("gallery-{}", card.stem)}
                    title={lang.t(Text::GalleryOpenTitle)} onclick={open}>
                { thumbnail(scenario) }
                <strong class="gallery-card-title">{ scenario.title.clone() }</strong>
            </button>
            <p class="gallery-card-description">{ scenario.description.clone() }</p>
            if !steps.is_empty() {
                <details class="gallery-steps">
                    <summary>{ lang.format(Text::GalleryLessonSteps, &[("n", &steps.len())]) }</summary>
                    <ol>
                        { for steps.iter().map(|step| html! { <li>{ step.caption.text(lang.code()).to_string() }</li> }) }
                    </ol>
                </details>
            }
        </li>
    }
}

/// Width and height of a thumbnail, in its own units (it scales with CSS).
const THUMB_WIDTH: f64 = 240.0;
const THUMB_HEIGHT: f64 = 135.0;
/// Room around the diagram inside the thumbnail.
const THUMB_MARGIN: f64 = 16.0;

/// The diagram in miniature: boxes in their kind's colour and the wires
/// between them, fitted into 16:9.
fn thumbnail(scenario: &Scenario) -> Html {
    let (min_x, min_y, max_x, max_y) = scenario.components.iter().fold(
        (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY),
        |(a, b, c, d), comp| (a.min(comp.x), b.min(comp.y), c.max(comp.x), d.max(comp.y)),
    );
    let view_box = if scenario.components.is_empty() {
        format!("0 0 {THUMB_WIDTH} {THUMB_HEIGHT}")
    } else {
        let (x, y) = (min_x - BOX_WIDTH / 2.0 - THUMB_MARGIN, min_y - BOX_HEIGHT / 2.0 - THUMB_MARGIN);
        let width = (max_x - min_x + BOX_WIDTH + 2.0 * THUMB_MARGIN).max(1.0);
        let height = (max_y - min_y + BOX_HEIGHT + 2.0 * THUMB_MARGIN).max(1.0);
        format!("{x:.0} {y:.0} {width:.0} {height:.0}")
    };
    let by_id = |id| scenario.component(id);
    let wires = scenario.wires.iter().filter_map(|w| {
        let (from, to): (&Component, &Component) = (by_id(&w.from)?, by_id(&w.to)?);
        Some(html! {
            <line x1={(from.x + BOX_WIDTH / 2.0).to_string()} y1={from.y.to_string()}
                  x2={(to.x - BOX_WIDTH / 2.0).to_string()} y2={to.y.to_string()} />
        })
    });
    let boxes = scenario.components.iter().map(|c| {
        html! {
            <rect class={format!("thumb-{}", c.kind().as_str())}
                  x={(c.x - BOX_WIDTH / 2.0).to_string()} y={(c.y - BOX_HEIGHT / 2.0).to_string()}
                  width={BOX_WIDTH.to_string()} height={BOX_HEIGHT.to_string()} rx="10" />
        }
    });
    html! {
        <svg class="gallery-thumb" viewBox={view_box} preserveAspectRatio="xMidYMid meet" aria-hidden="true"
             width={THUMB_WIDTH.to_string()} height={THUMB_HEIGHT.to_string()}>
            <g class="thumb-wires">{ for wires }</g>
            <g class="thumb-boxes">{ for boxes }</g>
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_is_a_card() {
        assert_eq!(cards().len(), PRESETS.len(), "a preset failed to parse");
    }
}
