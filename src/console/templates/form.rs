//! The form that makes a new template or changes the one chosen in the list: step, category, title and both
//! languages' texts, with a hint listing the placeholders.

use aduan_core::templates::{TEXT_MAX, TITLE_MAX};
use aduan_core::Category;
use leptos::prelude::*;

use super::rules::{check, placeholder_list, template_steps, Entries, ACTION_INPUT, CATEGORY_INPUT};
use super::rules::{TEXT_EN_INPUT, TEXT_ID_INPUT, TITLE_INPUT};
use super::state::{TemplatesState, FORM_ID};
use super::words::{use_template_words, TemplateWords};
use crate::components::form::{described_by, Field, TextInput};
use crate::console::report::rules::problem_at;
use crate::console::report::words::{step_key, use_report_words};
use crate::i18n::names::category_name;

/// A problem's words, with `{max}` filled in for the field it is about.
pub fn worded(words: TemplateWords, key: &'static str) -> String {
    let max = if key.starts_with("error.title") {
        TITLE_MAX
    } else {
        TEXT_MAX
    };
    words.word(key).replace("{max}", &max.to_string())
}

#[component]
pub fn TemplateForm(categories: Vec<Category>) -> impl IntoView {
    let words = use_template_words();
    let step_names = use_report_words();
    let state = expect_context::<TemplatesState>();
    let fields = state.fields;
    let pending = Signal::derive(move || state.save.pending().get());
    let error_at = move |id: &'static str| problem_at(state.problems, id, move |key| worded(words, key));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        state.start();
        match check(&fields.entries()) {
            Ok(template) => {
                state.save.dispatch((state.editing.get_untracked(), template));
            }
            Err(found) => state.show_problems(found),
        }
    };
    let cancel = move |_| {
        state.start();
        state.editing.set(None);
        fields.fill(Entries::default());
    };
    let editing = move || state.editing.get().is_some();
    let text_hint = Signal::derive(move || {
        words
            .word("field.text_hint")
            .replace("{max}", &TEXT_MAX.to_string())
            .replace("{placeholders}", &placeholder_list())
    });
    let title_hint = Signal::derive(move || words.word("field.title_hint").replace("{max}", &TITLE_MAX.to_string()));
    let label = move |key: &'static str| Signal::derive(move || words.word(key));
    view! {
        <form class="template-form" id=FORM_ID on:submit=on_submit novalidate aria-labelledby="template-form-title">
            <h2 id="template-form-title">{move || words.word(if editing() { "form.edit" } else { "form.new" })}</h2>
            <SelectEntry
                id=ACTION_INPUT
                label=label("field.action")
                hint=Signal::derive(move || words.word("field.action_hint").to_string())
                value=fields.action
                error=error_at(ACTION_INPUT)
            >
                <option value="">{move || words.word("field.action_choose")}</option>
                {template_steps()
                    .into_iter()
                    .map(|s| view! { <option value=s.as_str()>{move || step_names.word(step_key(s))}</option> })
                    .collect_view()}
            </SelectEntry>
            <SelectEntry
                id=CATEGORY_INPUT
                label=label("field.category")
                hint=Signal::derive(move || words.word("field.category_hint").to_string())
                value=fields.category_id
                error=error_at(CATEGORY_INPUT)
            >
                <option value="">{move || words.word("all_categories")}</option>
                {categories
                    .into_iter()
                    .map(|c| {
                        let id = c.id.clone();
                        view! { <option value=id>{move || category_name(&c, words.lang())}</option> }
                    })
                    .collect_view()}
            </SelectEntry>
            <TextInput
                id=TITLE_INPUT
                label=label("field.title")
                hint=title_hint
                value=Signal::from(fields.title)
                on_input=Callback::new(move |text| fields.title.set(text))
                error=error_at(TITLE_INPUT)
            />
            <TextEntry
                id=TEXT_ID_INPUT
                label=label("field.text_id")
                hint=text_hint
                value=fields.text_id
                error=error_at(TEXT_ID_INPUT)
            />
            <TextEntry
                id=TEXT_EN_INPUT
                label=label("field.text_en")
                hint=text_hint
                value=fields.text_en
                error=error_at(TEXT_EN_INPUT)
            />
            <div class="actions">
                <button type="submit" class="button primary" aria-disabled=move || pending.get().to_string()>
                    {move || words.word(if editing() { "save_edit" } else { "save_new" })}
                </button>
                <Show when=editing>
                    <button type="button" class="button secondary" on:click=cancel>
                        {move || words.word("cancel")}
                    </button>
                </Show>
            </div>
        </form>
    }
}

/// A select of the form, by its input id, with its label, hint and inline error; `children` are its options.
#[component]
fn SelectEntry(
    id: &'static str,
    label: Signal<&'static str>,
    hint: Signal<String>,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
    children: Children,
) -> impl IntoView {
    view! {
        <Field id label hint=Some(hint) error>
            <select
                id=id
                name=id
                aria-describedby=described_by(id, true, error)
                aria-invalid=move || error.read().is_some().to_string()
                prop:value=value
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                {children()}
            </select>
        </Field>
    }
}

/// A text of the template (a textarea), by its input id, with its label, hint and inline error.
#[component]
fn TextEntry(
    id: &'static str,
    label: Signal<&'static str>,
    hint: Signal<String>,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <Field id label hint=Some(hint) error>
            <textarea
                id=id
                name=id
                rows="4"
                aria-describedby=described_by(id, true, error)
                aria-invalid=move || error.read().is_some().to_string()
                prop:value=value
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
        </Field>
    }
}
