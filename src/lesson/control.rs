//! The seam other parts of the app drive a lesson through, such as the
//! embed mode's postMessage `goto` and `step-changed` messages:
//!
//! - [`send`]`(LessonMsg::Goto(n))` goes to step n (0-based) from its start,
//!   starting the lesson if it is off; `Next`, `Previous` and `End` work too;
//! - [`position`] says which step is current and how many there are;
//! - [`watch`] calls back after every step change, until its handle drops.
//!
//! The playback host registers itself ([`register_host`]) when it is created.
// The embed mode is the user of most of this; until it lands, only the
// lesson bar and the playback host call in.
#![allow(dead_code)]

use super::LessonMsg;
use std::cell::{Cell, RefCell};
use yew::Callback;

/// Where a lesson stands: its current step (0-based; `None` while the lesson
/// is off: a scenario opens with its lesson off, and End leaves it) and how
/// many steps it has (0: no lesson).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LessonPosition {
    pub step: Option<usize>,
    pub count: usize,
}

thread_local! {
    /// The playback host's way in, registered while it exists.
    static CONTROL: RefCell<Option<Callback<LessonMsg>>> = const { RefCell::new(None) };
    static POSITION: Cell<Option<LessonPosition>> = const { Cell::new(None) };
    static WATCHERS: RefCell<Vec<(u64, Callback<LessonPosition>)>> = const { RefCell::new(Vec::new()) };
    static NEXT_WATCHER: Cell<u64> = const { Cell::new(0) };
}

/// Sends a lesson command (e.g. `Goto(n)` from a postMessage). Returns
/// false when no lesson host is on the page. A step past the last one, or
/// a command for a scenario without a lesson, is ignored.
pub fn send(msg: LessonMsg) -> bool {
    CONTROL.with(|control| match control.borrow().as_ref() {
        Some(callback) => {
            callback.emit(msg);
            true
        }
        None => false,
    })
}

/// The current step (`None` while the lesson is off) and the number of
/// steps (0 without a lesson).
pub fn position() -> Option<LessonPosition> {
    POSITION.with(Cell::get)
}

/// Calls `callback` after every step change (and when a new lesson is
/// loaded) until the returned handle is dropped.
#[must_use = "watching stops when the handle is dropped"]
pub fn watch(callback: Callback<LessonPosition>) -> WatchHandle {
    let id = NEXT_WATCHER.with(|next| {
        let id = next.get();
        next.set(id + 1);
        id
    });
    WATCHERS.with(|watchers| watchers.borrow_mut().push((id, callback)));
    WatchHandle(id)
}

/// Stops a [`watch`] when dropped.
pub struct WatchHandle(u64);

impl Drop for WatchHandle {
    fn drop(&mut self) {
        let id = self.0;
        WATCHERS.with(|watchers| watchers.borrow_mut().retain(|(watcher, _)| *watcher != id));
    }
}

/// Registers the playback host's command callback; `None` when it goes away.
pub fn register_host(callback: Option<Callback<LessonMsg>>) {
    CONTROL.with(|control| *control.borrow_mut() = callback);
}

pub(super) fn announce(position: LessonPosition) {
    let changed = POSITION.with(|current| current.replace(Some(position)) != Some(position));
    if changed {
        // Watchers are called outside the borrow, so one may stop watching.
        let watchers: Vec<Callback<LessonPosition>> =
            WATCHERS.with(|watchers| watchers.borrow().iter().map(|(_, c)| c.clone()).collect());
        for watcher in watchers {
            watcher.emit(position);
        }
    }
}
