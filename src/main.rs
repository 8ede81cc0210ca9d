//! Aduan: the citizen-facing SPA. One build serves every municipality; `config.json` picks the backend.

mod api;
mod app;
mod clock;
mod components;
mod config;
mod console;
mod embed;
mod field;
mod i18n;
mod js;
mod pages;
mod service_worker;
mod storage;
mod submit;
mod theme;
mod url;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
