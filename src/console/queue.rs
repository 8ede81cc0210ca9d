//! `/petugas`: the work queue of the signed-in role.

use leptos::prelude::*;

use super::i18n::use_words;
use crate::components::title::use_page_title_of;

#[component]
pub fn QueuePage() -> impl IntoView {
    let words = use_words();
    use_page_title_of(move || words.word("console.queue").to_string());
    view! { <h1>{move || words.word("console.queue")}</h1> }
}
