//! The checkboxes of the selection: one per row, named by its ticket, and one for every row of the page.

use leptos::prelude::*;

use super::words::use_bulk_words;
use super::Selection;

/// A row's checkbox, when the tab lets rows be selected; its label names the ticket as the row shows it.
#[component]
pub fn PickBox(ticket: String) -> impl IntoView {
    let selection = expect_context::<Selection>();
    let bulk_words = use_bulk_words();
    let shown = StoredValue::new(crate::console::shown_ticket(&ticket));
    let ticket = StoredValue::new(vec![ticket]);
    let checked = move || ticket.with_value(|t| selection.has(&t[0]));
    view! {
        <Show when=move || selection.offered.get()>
            <label class="queue-pick">
                <input
                    type="checkbox"
                    prop:checked=checked
                    on:change=move |ev| ticket.with_value(|t| selection.set(t, event_target_checked(&ev)))
                />
                <span class="visually-hidden">
                    {move || bulk_words.word("pick").replace("{ticket}", &shown.get_value())}
                </span>
            </label>
        </Show>
    }
}

/// "Select all on this page": checked when every row of the page is selected.
#[component]
pub fn PickAll(tickets: Vec<String>) -> impl IntoView {
    let selection = expect_context::<Selection>();
    let bulk_words = use_bulk_words();
    let empty = tickets.is_empty();
    let tickets = StoredValue::new(tickets);
    let all = move || tickets.with_value(|all| all.iter().all(|t| selection.has(t)));
    view! {
        <Show when=move || selection.offered.get() && !empty>
            <div class="queue-pick-all">
                <input
                    type="checkbox"
                    id="queue-pick-all"
                    prop:checked=all
                    on:change=move |ev| tickets.with_value(|t| selection.set(t, event_target_checked(&ev)))
                />
                <label for="queue-pick-all">{move || bulk_words.word("pick_all")}</label>
            </div>
        </Show>
    }
}
