//! Modal dialogs: the app's `<dialog>`s (the link question, the keyboard
//! shortcuts) are opened with `showModal()`, the only way to make one modal:
//! focus stays inside, the page behind is inert, and Escape fires `cancel`.
//! Called through `Reflect` because web-sys's `HtmlDialogElement` feature is
//! not enabled for this one call.

use wasm_bindgen::JsCast;
use yew::NodeRef;

/// Opens the dialog behind `dialog` as a modal, unless it is open already.
pub fn show(dialog: &NodeRef) {
    let Some(dialog) = dialog.cast::<web_sys::Element>() else { return };
    if dialog.has_attribute("open") {
        return;
    }
    if let Ok(show_modal) = js_sys::Reflect::get(&dialog, &"showModal".into()) {
        if let Some(show_modal) = show_modal.dyn_ref::<js_sys::Function>() {
            let _ = show_modal.call0(&dialog);
        }
    }
}
