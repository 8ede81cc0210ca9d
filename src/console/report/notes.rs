//! Internal notes: what staff tell each other about a report. Staff only — the server never puts them in a
//! public answer. The note being written is kept as a draft by ticket, like the step's message.

use aduan_core::validation::{clean_text, Rule};
use aduan_core::{InternalNote, NewNote};
use leptos::prelude::*;

use super::rules::{draft_key, note_field, NOTE_INPUT};
use super::state::{Done, ReportState};
use super::words::use_report_words;
use crate::components::form::{described_by, Field};
use crate::console::i18n::role_key;
use crate::console::session::{forget, store, stored, use_session};
use crate::i18n::names::format_local_time;

#[component]
pub fn NotesSection(notes: Vec<InternalNote>, can_write: bool, message_max: usize) -> impl IntoView {
    let words = use_report_words();
    view! {
        <section aria-labelledby="notes-title">
            <h2 id="notes-title">{move || words.word("internal_note")}</h2>
            <p class="hint">{move || words.word("notes.lead")}</p>
            {if notes.is_empty() {
                view! { <p>{move || words.word("notes.none")}</p> }.into_any()
            } else {
                view! {
                    <ol class="timeline notes">
                        {notes.into_iter().map(|note| view! { <NoteItem note /> }).collect_view()}
                    </ol>
                }
                    .into_any()
            }}
            {can_write.then(|| view! { <NoteForm message_max /> })}
        </section>
    }
}

#[component]
fn NoteItem(note: InternalNote) -> impl IntoView {
    let words = use_report_words();
    let console = crate::console::i18n::use_words();
    let (at, role) = (note.at, note.role);
    view! {
        <li>
            <p class="timeline-when">
                <time datetime=at.to_rfc3339()>{move || format_local_time(at, words.lang())}</time>
                " · "
                {note.display_name}
                " ("
                {move || console.word(role_key(role))}
                ")"
            </p>
            <p class="timeline-message">{note.text}</p>
        </li>
    }
}

#[component]
fn NoteForm(message_max: usize) -> impl IntoView {
    let words = use_report_words();
    let state = expect_context::<ReportState>();
    let session = use_session();
    let draft = StoredValue::new(draft_key(&state.ticket.get_value(), "note"));
    let text = RwSignal::new(draft.with_value(|key| stored(key)).unwrap_or_default());
    let save = Action::new_local(move |note: &NewNote| {
        let (api, ticket, note) = (session.api(), state.ticket.get_value(), note.clone());
        async move {
            match api.note(&ticket, &note).await {
                Ok(_) => {
                    draft.with_value(|key| forget(key));
                    state.succeeded(Done::Note, None);
                    // The note and its audit line come with the report.
                    state.reload();
                }
                Err(error) => state.refused(&error, note_field),
            }
        }
    });
    let pending = save.pending();
    let error = state.problem_at(NOTE_INPUT);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        state.start(None);
        match clean_text(&text.get_untracked(), 1, message_max, true) {
            Ok(text) => {
                save.dispatch(NewNote { text });
            }
            Err(rule) => state.show_problems(vec![(
                NOTE_INPUT,
                if rule == Rule::TooLong {
                    "steps.message_too_long"
                } else {
                    "notes.required"
                },
            )]),
        }
    };
    view! {
        <form class="note-form" on:submit=on_submit novalidate>
            <Field id=NOTE_INPUT label=Signal::derive(move || words.word("notes.new")) error>
                <textarea
                    id=NOTE_INPUT
                    name="note"
                    rows="3"
                    aria-describedby=described_by(NOTE_INPUT, false, error)
                    aria-invalid=move || error.read().is_some().to_string()
                    prop:value=text
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        draft.with_value(|key| store(key, &value));
                        text.set(value);
                    }
                ></textarea>
            </Field>
            <button type="submit" class="button secondary" aria-disabled=move || pending.get().to_string()>
                {move || words.word("notes.save")}
            </button>
        </form>
    }
}
