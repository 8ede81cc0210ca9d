//! `/petugas/akun`: the signed-in account's password, and for administrators every account.

use leptos::prelude::*;

use super::i18n::use_words;
use crate::components::title::use_page_title_of;

#[component]
pub fn AccountPage() -> impl IntoView {
    let words = use_words();
    use_page_title_of(move || words.word("account.title").to_string());
    view! { <h1>{move || words.word("account.title")}</h1> }
}
