//! What the running engine says about each component, handed from the
//! playback host to the canvas so boxes can show down/busy/depth. Refreshed a
//! few times a second, not every frame (the overlay draws every frame).

use fanout_engine::broker::Activity;
use fanout_engine::scenario::ComponentId;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LiveView {
    /// Sim time of this snapshot, in ms.
    pub now_ms: u64,
    pub activity: BTreeMap<ComponentId, Activity>,
}

impl LiveView {
    pub fn activity(&self, id: &ComponentId) -> Activity {
        self.activity.get(id).copied().unwrap_or_default()
    }
}
