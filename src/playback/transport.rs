//! The transport bar: play, pause, step, speed, reset, sim time, and a
//! timeline with the fault script's marks.

use crate::i18n::{use_lang, Text};
use crate::panels::format_sim_ms;
use crate::panels::words::short_time;
use yew::prelude::*;

/// The shortest time range the timeline shows, and the step it grows by.
const TIMELINE_STEP_MS: u64 = 30_000;
const TIMELINE_MIN_MS: u64 = 60_000;

/// Where the timeline ends: past the run's time and the last scheduled
/// fault with some room to spare, in whole 30 s steps, at least a minute.
pub fn timeline_end_ms(now_ms: u64, last_fault_ms: u64) -> u64 {
    let needed = now_ms.max(last_fault_ms).saturating_add(now_ms.max(last_fault_ms) / 10);
    needed.div_ceil(TIMELINE_STEP_MS).saturating_mul(TIMELINE_STEP_MS).max(TIMELINE_MIN_MS)
}

/// Percent of the way along a timeline ending at `end_ms`.
fn percent(ms: u64, end_ms: u64) -> String {
    format!("{:.2}%", (ms as f64 / end_ms as f64 * 100.0).min(100.0))
}

#[derive(Properties, PartialEq)]
pub struct TransportProps {
    pub playing: bool,
    pub speed: f64,
    pub now_ms: u64,
    /// A short notice, e.g. that an edit reset the run.
    pub note: Option<Text>,
    /// The fault script as (time, words), in the document's order.
    pub marks: Vec<(u64, String)>,
    pub on_play: Callback<()>,
    pub on_pause: Callback<()>,
    pub on_step: Callback<()>,
    pub on_reset: Callback<()>,
    pub on_speed: Callback<f64>,
    /// The scenario's time scale (sim seconds per wall second at 1×).
    pub time_scale: f64,
    /// The scenario's "skip idle time" setting.
    pub skip_idle: bool,
    /// Whether playback is hurrying through idle time right now.
    pub skipping: bool,
    /// A new time scale and skip-idle setting, saved with the scenario.
    pub on_playback_settings: Callback<(f64, bool)>,
}

/// The time scales the transport offers; a scenario may carry another
/// (from a file), which is then offered too.
const TIME_SCALES: [f64; 8] = [1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 100.0, 300.0];

/// `×10`, `×0.5`.
fn format_time_scale(scale: f64) -> String {
    if scale.fract() == 0.0 {
        format!("×{scale:.0}")
    } else {
        format!("×{scale}")
    }
}

/// The transport's speed range; the engine's `FrameClock` clamps to the same.
const MIN_SPEED: f64 = 0.1;
const MAX_SPEED: f64 = 100.0;

/// The slider works on log10(speed), so 0.1×, 1× and 10× sit evenly apart.
fn slider_value(speed: f64) -> f64 {
    speed.log10()
}

/// The slider's position as a speed, rounded to two significant digits so
/// the speeds people pick are round numbers (2.0×, not 1.995×).
fn speed_from_slider(value: f64) -> f64 {
    let speed = 10f64.powf(value).clamp(MIN_SPEED, MAX_SPEED);
    // Through decimal text, so 20 is exactly 20.0 rather than 20.000000000000004.
    format!("{speed:.1e}").parse::<f64>().unwrap_or(speed).clamp(MIN_SPEED, MAX_SPEED)
}

/// `0.5×`, `2.0×`, `25×`.
pub fn format_speed(speed: f64) -> String {
    if speed < 10.0 {
        format!("{speed:.1}×")
    } else {
        format!("{speed:.0}×")
    }
}

// Button icons as SVG paths on a 16×16 grid: symbol fonts are not on every
// machine (headless Chromium has no glyph for ⏸ or ⏭). Shapes are filled,
// strokes are lines.
const PLAY: (&str, &str) = ("M4 2.5 L13 8 L4 13.5 Z", "");
const PAUSE: (&str, &str) = ("M4 2.5 H7 V13.5 H4 Z M9 2.5 H12 V13.5 H9 Z", "");
const STEP: (&str, &str) = ("M3 2.5 L10 8 L3 13.5 Z M11 2.5 H13 V13.5 H11 Z", "");
const SKIP: (&str, &str) = ("M2 3 L8 8 L2 13 Z M8 3 L14 8 L8 13 Z", "");
const RESET: (&str, &str) = ("", "M4 4.5 A5.5 5.5 0 1 1 2.5 8 M4 1.5 V4.5 H7");

fn icon((filled, stroked): (&'static str, &'static str)) -> Html {
    html! {
        <svg class="button-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
            if !filled.is_empty() {
                <path d={filled} fill="currentColor" />
            }
            if !stroked.is_empty() {
                <path d={stroked} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
            }
        </svg>
    }
}

#[function_component(TransportBar)]
pub fn transport_bar(props: &TransportProps) -> Html {
    let lang = use_lang();
    let click = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let on_speed_input = {
        let cb = props.on_speed.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(value) = input.value().parse::<f64>() {
                cb.emit(speed_from_slider(value));
            }
        })
    };
    let on_time_scale = {
        let (cb, skip_idle) = (props.on_playback_settings.clone(), props.skip_idle);
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(scale) = select.value().parse::<f64>() {
                cb.emit((scale, skip_idle));
            }
        })
    };
    let on_skip_idle = {
        let (cb, time_scale, skip_idle) = (props.on_playback_settings.clone(), props.time_scale, props.skip_idle);
        Callback::from(move |_: MouseEvent| cb.emit((time_scale, !skip_idle)))
    };
    let mut scales = TIME_SCALES.to_vec();
    if !scales.contains(&props.time_scale) {
        scales.push(props.time_scale);
        scales.sort_by(f64::total_cmp);
    }
    let end_ms = timeline_end_ms(props.now_ms, props.marks.iter().map(|m| m.0).max().unwrap_or(0));
    html! {
        <div class="transport" role="toolbar" aria-label={lang.t(Text::PlaybackToolbar)}>
            <div class="transport-group">
                <button type="button" class="transport-play" data-testid="play" disabled={props.playing}
                    title={lang.t(Text::PlayTitle)} onclick={click(&props.on_play)}>{ icon(PLAY) }<span class="button-label">{ lang.t(Text::Play) }</span></button>
                <button type="button" data-testid="pause" disabled={!props.playing}
                    title={lang.t(Text::PauseTitle)} onclick={click(&props.on_pause)}>{ icon(PAUSE) }<span class="button-label">{ lang.t(Text::Pause) }</span></button>
                <button type="button" data-testid="step" disabled={props.playing}
                    title={lang.t(Text::StepTitle)} onclick={click(&props.on_step)}>{ icon(STEP) }<span class="button-label">{ lang.t(Text::Step) }</span></button>
                <button type="button" data-testid="reset"
                    title={lang.t(Text::ResetTitle)} onclick={click(&props.on_reset)}>{ icon(RESET) }<span class="button-label">{ lang.t(Text::Reset) }</span></button>
            </div>
            <label class="transport-speed" title={lang.t(Text::SpeedTitle)}>
                <span class="speed-label">{ lang.t(Text::Speed) }</span>
                <input type="range" data-testid="speed" data-value={props.speed.to_string()}
                    min={slider_value(MIN_SPEED).to_string()} max={slider_value(MAX_SPEED).to_string()} step="0.01"
                    value={slider_value(props.speed).to_string()} oninput={on_speed_input} />
                <span class="speed-value">{ format_speed(props.speed) }</span>
            </label>
            <label class="transport-time-scale" title={lang.t(Text::ClockTitle)}>
                <span class="speed-label">{ lang.t(Text::Clock) }</span>
                <select data-testid="time-scale" data-value={props.time_scale.to_string()} onchange={on_time_scale}>
                    { for scales.iter().map(|scale| html! {
                        <option value={scale.to_string()} selected={*scale == props.time_scale}>{ format_time_scale(*scale) }</option>
                    }) }
                </select>
            </label>
            <button type="button" class={classes!("transport-skip-idle", props.skip_idle.then_some("active"))}
                data-testid="skip-idle" aria-pressed={props.skip_idle.to_string()}
                title={lang.format(Text::SkipIdleTitle, &[("n", &super::IDLE_SPEEDUP)])}
                onclick={on_skip_idle}>{ icon(SKIP) }<span class="button-label">{ lang.t(Text::SkipIdle) }</span></button>
            if props.skipping {
                <span class="transport-skipping" data-testid="skipping-idle" role="status">{ lang.format(Text::SkippingIdle, &[("n", &super::IDLE_SPEEDUP)]) }</span>
            }
            <span class="sim-time" data-testid="sim-time" data-value={props.now_ms.to_string()} title={lang.t(Text::SimulatedTime)}>
                { format_sim_ms(props.now_ms) }
            </span>
            <div class="timeline" title={lang.format(Text::TimelineTitle, &[("end", &short_time(end_ms))])}>
                <div class="timeline-rail">
                    <div class="timeline-track">
                        <div class="timeline-progress" style={format!("width: {}", percent(props.now_ms, end_ms))}></div>
                    </div>
                    { for props.marks.iter().enumerate().map(|(i, (at_ms, words))| html! {
                    <span class={classes!("fault-mark", (*at_ms <= props.now_ms && props.now_ms > 0).then_some("done"))}
                        data-testid={format!("fault-mark-{i}")} data-value={at_ms.to_string()}
                        style={format!("left: {}", percent(*at_ms, end_ms))}
                        title={lang.format(Text::TimelineMark, &[("time", &short_time(*at_ms)), ("words", words)])}></span>
                    }) }
                </div>
                <span class="timeline-end">{ short_time(end_ms) }</span>
            </div>
            if let Some(note) = &props.note {
                <span class="transport-note" role="status">{ lang.t(*note) }</span>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_slider_is_logarithmic_and_lands_on_round_speeds() {
        assert_eq!(speed_from_slider(0.0), 1.0);
        assert_eq!(speed_from_slider(20f64.log10()), 20.0);
        assert_eq!(speed_from_slider(-0.30), 0.5);
        assert_eq!(speed_from_slider(-5.0), MIN_SPEED);
        assert_eq!(speed_from_slider(5.0), MAX_SPEED);
        assert_eq!(format_speed(2.0), "2.0×");
        assert_eq!(format_speed(25.0), "25×");
        assert_eq!(format_time_scale(10.0), "×10");
        assert_eq!(format_time_scale(0.5), "×0.5");
    }

    #[test]
    fn the_timeline_covers_the_run_and_the_script_in_half_minutes() {
        assert_eq!(timeline_end_ms(0, 0), 60_000);
        assert_eq!(timeline_end_ms(5_000, 20_000), 60_000);
        assert_eq!(timeline_end_ms(59_000, 0), 90_000);
        assert_eq!(timeline_end_ms(0, 100_000), 120_000);
    }
}
