//! The quiet note under a list or form built from an Open311 answer some of whose elements could not be
//! read: the rest is shown, and the citizen is told that something was left out.

use leptos::prelude::*;

use crate::i18n::use_i18n;

#[component]
pub fn UnreadNote(count: usize) -> impl IntoView {
    let i18n = use_i18n();
    (count > 0).then(|| {
        let text = move || match count {
            1 => i18n.t("note.unread_one").to_string(),
            n => i18n.t("note.unread").replace("{n}", &n.to_string()),
        };
        view! {
            <p class="hint unread-note" role="note">
                {text}
            </p>
        }
    })
}
