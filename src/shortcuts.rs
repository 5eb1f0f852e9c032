//! The keyboard shortcuts overlay (`?`, or the header's ? button): every key
//! the app answers, in the interface's language, in a modal `<dialog>` that
//! Escape or its × closes.

use crate::i18n::{Lang, Text};
use yew::prelude::*;

/// The rows of the overlay: the keys, then what they do.
const SHORTCUTS: &[(&str, Text)] = &[
    ("Tab / Shift+Tab", Text::KeysTab),
    ("← ↑ → ↓", Text::KeysArrows),
    ("Enter", Text::KeysEnter),
    ("Delete / Backspace", Text::KeysDelete),
    ("Esc", Text::KeysEscape),
    ("Ctrl+Z", Text::KeysUndo),
    ("Ctrl+Shift+Z / Ctrl+Y", Text::KeysRedo),
    ("Space", Text::KeysSpace),
    ("K / R", Text::KeysKillRevive),
    ("+ / − / 0", Text::KeysZoom),
    ("F", Text::KeysFit),
    ("→ / ← · Page Down / Page Up", Text::KeysLesson),
    ("?", Text::KeysHelp),
];

#[derive(Properties, PartialEq)]
pub struct ShortcutsProps {
    pub lang: Lang,
    pub on_close: Callback<()>,
}

pub struct Shortcuts {
    dialog: NodeRef,
}

impl Component for Shortcuts {
    type Message = ();
    type Properties = ShortcutsProps;

    fn create(_ctx: &Context<Self>) -> Self {
        Shortcuts { dialog: NodeRef::default() }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let props = ctx.props();
        let lang = props.lang;
        let close = props.on_close.reform(|_: MouseEvent| ());
        // Escape on a modal dialog fires `cancel`: close through the app, so
        // its state and the dialog agree.
        let cancel = props.on_close.reform(|event: Event| event.prevent_default());
        html! {
            <dialog class="shortcuts" data-testid="shortcuts" ref={self.dialog.clone()}
                    aria-labelledby="shortcuts-title" oncancel={cancel}>
                <div class="shortcuts-head">
                    <h2 id="shortcuts-title">{ lang.t(Text::KeysTitle) }</h2>
                    <button type="button" class="shortcuts-close" data-testid="shortcuts-close" autofocus=true
                            aria-label={lang.t(Text::Close)} title={lang.t(Text::Close)} onclick={close}>{ "×" }</button>
                </div>
                <table>
                    { for SHORTCUTS.iter().map(|(keys, what)| html! {
                        <tr><th scope="row"><kbd>{ *keys }</kbd></th><td>{ lang.t(*what) }</td></tr>
                    }) }
                </table>
            </dialog>
        }
    }

    fn rendered(&mut self, _ctx: &Context<Self>, _first_render: bool) {
        crate::modal::show(&self.dialog);
    }
}
