use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    html! { <div class="app" data-testid="app">{ "Fanout" }</div> }
}
