//! One small line icon per component kind, drawn in a 24 × 24 box with
//! `currentColor`, so the canvas and the palette show the same picture and
//! CSS picks the colour (`.kind-queue { color: … }`).

use fanout_engine::scenario::ComponentKind;
use yew::prelude::*;

/// The icon's shapes as an SVG group, placed with its top-left corner at
/// `(x, y)` and scaled to `size` units.
pub fn kind_glyph(kind: ComponentKind, x: f64, y: f64, size: f64) -> Html {
    let transform = format!("translate({x} {y}) scale({})", size / 24.0);
    let shapes = match kind {
        // A paper plane: orders leave from here.
        ComponentKind::Publisher => html! {
            <>
                <path d="M3 11 L21 3 L14 21 L11 13 Z" />
                <path d="M11 13 L21 3" />
            </>
        },
        // One point fanning out to three: a copy for every subscriber.
        ComponentKind::Topic => html! {
            <>
                <circle cx="5" cy="12" r="2.5" />
                <path d="M7.5 12 L16.5 12 M7 10.5 L16.5 5 M7 13.5 L16.5 19" />
                <circle cx="19" cy="4.5" r="2.2" />
                <circle cx="19" cy="12" r="2.2" />
                <circle cx="19" cy="19.5" r="2.2" />
            </>
        },
        // A tray of slots: messages wait in line.
        ComponentKind::Queue => html! {
            <>
                <rect x="2.5" y="7" width="19" height="10" rx="2" />
                <path d="M8.8 7 L8.8 17 M15.2 7 L15.2 17" />
            </>
        },
        // A cog: the worker that processes each order.
        ComponentKind::Consumer => html! {
            <>
                <circle cx="12" cy="12" r="7" />
                <circle cx="12" cy="12" r="2.8" />
                // Eight teeth at 45° steps from r = 7 to r = 10, written out
                // rather than computed: sin/cos would pull ~5 KB of libm into
                // the wasm for one icon.
                <path d="M19.00 12.00 L22.00 12.00 M16.95 16.95 L19.07 19.07 M12.00 19.00 L12.00 22.00 M7.05 16.95 L4.93 19.07 M5.00 12.00 L2.00 12.00 M7.05 7.05 L4.93 4.93 M12.00 5.00 L12.00 2.00 M16.95 7.05 L19.07 4.93" />
            </>
        },
        // A server: two stacked units.
        ComponentKind::Node => html! {
            <>
                <rect x="3" y="4" width="18" height="7" rx="1.5" />
                <rect x="3" y="13" width="18" height="7" rx="1.5" />
                <path d="M7 7.5 L7.5 7.5 M7 16.5 L7.5 16.5" />
            </>
        },
        // Three pods of one template.
        ComponentKind::Deployment => html! {
            <>
                <rect x="2.5" y="9" width="5.5" height="6" rx="1" />
                <rect x="9.25" y="9" width="5.5" height="6" rx="1" />
                <rect x="16" y="9" width="5.5" height="6" rx="1" />
            </>
        },
        // One address spreading to many.
        ComponentKind::Service => html! {
            <>
                <circle cx="6" cy="12" r="3" />
                <path d="M9 12 L20 12 M9 10.5 L19 5 M9 13.5 L19 19" />
            </>
        },
        // A door with an arrow going in.
        ComponentKind::Ingress => html! {
            <>
                <rect x="12" y="3" width="9" height="18" rx="1" />
                <path d="M2 12 L10 12 M7 9 L10 12 L7 15" />
            </>
        },
        // A ship's wheel, as the Kubernetes logo.
        ComponentKind::ControlPlane => html! {
            <>
                <circle cx="12" cy="12" r="8" />
                <circle cx="12" cy="12" r="2.5" />
                <path d="M12 4 L12 9.5 M12 14.5 L12 20 M4 12 L9.5 12 M14.5 12 L20 12" />
            </>
        },
    };
    html! {
        <g class="glyph" transform={transform} fill="none" stroke="currentColor"
           stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">
            { shapes }
        </g>
    }
}

/// The icon as a stand-alone inline SVG, for HTML contexts (palette,
/// inspector header, drag ghost).
pub fn kind_icon(kind: ComponentKind, size: u32) -> Html {
    html! {
        <svg class={classes!("kind-icon", format!("kind-{}", kind.as_str()))}
             width={size.to_string()} height={size.to_string()} viewBox="0 0 24 24" aria-hidden="true">
            { kind_glyph(kind, 0.0, 0.0, 24.0) }
        </svg>
    }
}
