//! The editor: the SVG canvas, the palette, the inspector and the pointer
//! state machine that turns drags and clicks into `Edit`s.

pub mod geometry;

use fanout_engine::scenario::ComponentId;

/// What is selected on the canvas. Transient editor state, never saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    Component(ComponentId),
    Wire { from: ComponentId, to: ComponentId },
}
