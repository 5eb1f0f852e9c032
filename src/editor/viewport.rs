//! Pan and zoom: which part of the canvas the editor shows, as an SVG
//! `viewBox` that the message overlay follows (the same [`ViewBox`] embed
//! mode uses to fit a slide). No view box means the identity: one canvas
//! unit per CSS pixel from the canvas's top-left corner, as the editor
//! started out. Pure functions here; the canvas turns wheel, drag and pinch
//! gestures into calls to them.

use super::geometry::Point;
use crate::embed::{Fit, ViewBox};
use fanout_engine::scenario::Scenario;

/// How far out and in a person may zoom (CSS px per canvas unit).
pub const MIN_SCALE: f64 = 0.25;
pub const MAX_SCALE: f64 = 4.0;
/// One press of a zoom button or key.
pub const ZOOM_STEP: f64 = 1.25;

/// The view box an SVG element carries, read back from its `viewBox`
/// attribute (`None` without one, or when it is not four numbers).
pub fn parse_view_box(attribute: &str) -> Option<ViewBox> {
    let numbers: Vec<f64> = attribute
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|part| !part.is_empty())
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    match numbers[..] {
        [x, y, width, height] if width > 0.0 && height > 0.0 => Some(ViewBox { x, y, width, height }),
        _ => None,
    }
}

/// How `view` lands on an element of `width` × `height` CSS px.
pub fn fit_of(view: Option<ViewBox>, width: f64, height: f64) -> Fit {
    view.map_or(Fit::NONE, |v| v.fit(width, height))
}

/// The canvas point under CSS point `css` (from the element's corner).
pub fn to_canvas(fit: Fit, css: Point) -> Point {
    Point::new((css.x - fit.offset_x) / fit.scale, (css.y - fit.offset_y) / fit.scale)
}

/// What an element of `width` × `height` CSS px shows of the canvas (where
/// a box may be dropped so it stays visible); wider than `fit`'s view box
/// when the element's shape differs from it.
pub fn visible(fit: Fit, width: f64, height: f64) -> ViewBox {
    let top_left = to_canvas(fit, Point::new(0.0, 0.0));
    ViewBox { x: top_left.x, y: top_left.y, width: width / fit.scale, height: height / fit.scale }
}

/// The view zoomed by `factor` (> 1 is closer) around CSS point `css`, which
/// stays over the same canvas point. The scale stays within
/// [`MIN_SCALE`, `MAX_SCALE`].
pub fn zoom_at(view: Option<ViewBox>, width: f64, height: f64, css: Point, factor: f64) -> ViewBox {
    let fit = fit_of(view, width, height);
    let scale = (fit.scale * factor).clamp(MIN_SCALE, MAX_SCALE);
    let anchor = to_canvas(fit, css);
    // The new view has the element's shape, so it fills it exactly.
    ViewBox { x: anchor.x - css.x / scale, y: anchor.y - css.y / scale, width: width / scale, height: height / scale }
}

/// The view moved so the canvas follows a drag of (`dx`, `dy`) CSS px.
pub fn pan_by(view: Option<ViewBox>, width: f64, height: f64, dx: f64, dy: f64) -> ViewBox {
    let fit = fit_of(view, width, height);
    let shown = visible(fit, width, height);
    ViewBox { x: shown.x - dx / fit.scale, y: shown.y - dy / fit.scale, ..shown }
}

/// The view that shows the whole diagram (within the zoom limits), or the
/// identity for an empty canvas.
pub fn fit_scenario(scenario: &Scenario, width: f64, height: f64) -> Option<ViewBox> {
    let around = ViewBox::around(scenario)?;
    if !(width > 0.0 && height > 0.0) {
        return Some(around);
    }
    let scale = (width / around.width).min(height / around.height).clamp(MIN_SCALE, MAX_SCALE);
    let (centre_x, centre_y) = (around.x + around.width / 2.0, around.y + around.height / 2.0);
    let (shown_width, shown_height) = (width / scale, height / scale);
    Some(ViewBox { x: centre_x - shown_width / 2.0, y: centre_y - shown_height / 2.0, width: shown_width, height: shown_height })
}

/// The zoom as a whole percentage, for the zoom control.
pub fn percent(view: Option<ViewBox>, width: f64, height: f64) -> u32 {
    (fit_of(view, width, height).scale * 100.0).round() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn a_view_box_attribute_reads_back() {
        assert_eq!(parse_view_box("10 -20 300 150"), Some(ViewBox { x: 10.0, y: -20.0, width: 300.0, height: 150.0 }));
        assert_eq!(parse_view_box("1,2,3,4").map(|v| v.height), Some(4.0));
        assert_eq!(parse_view_box(""), None);
        assert_eq!(parse_view_box("0 0 0 10"), None);
        assert_eq!(parse_view_box("a b c d"), None);
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer() {
        let (w, h) = (800.0, 500.0);
        let pointer = Point::new(200.0, 100.0);
        let before = to_canvas(fit_of(None, w, h), pointer);
        let zoomed = zoom_at(None, w, h, pointer, 2.0);
        let after = to_canvas(fit_of(Some(zoomed), w, h), pointer);
        assert!(near(before.x, after.x) && near(before.y, after.y), "{before:?} {after:?}");
        assert_eq!(percent(Some(zoomed), w, h), 200);
        // Limits: nobody zooms to a speck or to one pixel.
        let far = zoom_at(Some(zoomed), w, h, pointer, 1_000.0);
        assert_eq!(percent(Some(far), w, h), 400);
        let out = zoom_at(None, w, h, pointer, 0.001);
        assert_eq!(percent(Some(out), w, h), 25);
    }

    #[test]
    fn panning_moves_the_canvas_with_the_drag() {
        let (w, h) = (800.0, 500.0);
        let zoomed = zoom_at(None, w, h, Point::new(0.0, 0.0), 2.0);
        let panned = pan_by(Some(zoomed), w, h, 100.0, -50.0);
        // At 200 %, a 100 px drag moves the view by 50 canvas units.
        assert!(near(panned.x, zoomed.x - 50.0) && near(panned.y, zoomed.y + 25.0), "{panned:?}");
        let shown = visible(fit_of(Some(panned), w, h), w, h);
        assert!(near(shown.width, 400.0) && near(shown.height, 250.0));
    }

    #[test]
    fn fitting_shows_every_box() {
        let json = crate::presets::PRESETS.iter().find(|(s, _)| *s == "zone-outage").unwrap().1;
        let scenario = Scenario::from_json(json).unwrap();
        let (w, h) = (640.0, 360.0);
        let view = fit_scenario(&scenario, w, h).unwrap();
        let shown = visible(fit_of(Some(view), w, h), w, h);
        for c in &scenario.components {
            assert!(c.x > shown.x && c.x < shown.x + shown.width, "{} at x {}", c.id, c.x);
            assert!(c.y > shown.y && c.y < shown.y + shown.height, "{} at y {}", c.id, c.y);
        }
        assert!(fit_scenario(&Scenario::default(), w, h).is_none());
    }
}
