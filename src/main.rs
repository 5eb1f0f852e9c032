mod app;
mod autosave;
mod editor;
mod embed;
mod gallery;
mod i18n;
mod lesson;
mod live;
mod modal;
mod panels;
mod playback;
mod presets;
mod share;
mod shortcuts;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
