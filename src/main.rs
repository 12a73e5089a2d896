fn main() {
    #[cfg(target_arch = "wasm32")]
    yew::Renderer::<scorecard::ui::App>::new().render();
}
