//! GOV.UK Design System patterns: an error summary that links to each field, and fields with a label, a
//! hint and an inline error, wired with aria-describedby / aria-invalid.

use leptos::prelude::*;

/// A problem to show: the id of the input it belongs to and its message (already in the user's language).
#[derive(Clone, Debug, PartialEq)]
pub struct FieldProblem {
    pub input_id: String,
    pub message: String,
}

/// Focus the summary when problems appear, so screen readers and keyboard users land on it.
pub fn focus_element(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(el).focus();
    }
}

#[component]
pub fn ErrorSummary(problems: Signal<Vec<FieldProblem>>, #[prop(into)] title: Signal<&'static str>) -> impl IntoView {
    view! {
        <Show when=move || !problems.read().is_empty()>
            <div
                class="error-summary"
                id="error-summary"
                role="alert"
                tabindex="-1"
                aria-labelledby="error-summary-title"
            >
                <h2 id="error-summary-title">{move || title.get()}</h2>
                <ul>
                    <For each=move || problems.get() key=|p| (p.input_id.clone(), p.message.clone()) let:p>
                        <li>
                            <a
                                href=format!("#{}", p.input_id)
                                rel="external"
                                on:click={
                                    let id = p.input_id.clone();
                                    move |ev| {
                                        ev.prevent_default();
                                        focus_element(&id);
                                    }
                                }
                            >
                                {p.message}
                            </a>
                        </li>
                    </For>
                </ul>
            </div>
        </Show>
    }
}

/// The message for `input_id` among `problems`, if any.
pub fn problem_for(problems: Signal<Vec<FieldProblem>>, input_id: impl Into<String>) -> Signal<Option<String>> {
    let input_id: String = input_id.into();
    Signal::derive(move || {
        problems
            .read()
            .iter()
            .find(|p| p.input_id == input_id)
            .map(|p| p.message.clone())
    })
}

/// Label, hint and error around any control; the control gets `id` and the describedby ids.
#[component]
pub fn Field(
    id: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    #[prop(optional_no_strip)] hint: Option<Signal<String>>,
    error: Signal<Option<String>>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="field" class:field-error=move || error.read().is_some()>
            <label for=id>{move || label.get()}</label>
            <FieldMessages id hint error />
            {children()}
        </div>
    }
}

/// A field's hint and inline error, between its label (or legend) and its control: ids `{id}-hint` and
/// `{id}-error`, which `described_by` names.
#[component]
pub fn FieldMessages(
    #[prop(into)] id: String,
    hint: Option<Signal<String>>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    view! {
        {hint
            .map(|h| {
                view! {
                    <p class="hint" id=format!("{id}-hint")>
                        {h}
                    </p>
                }
            })}
        <Show when=move || error.read().is_some()>
            <p class="error-message" id=error_id.clone()>
                {move || error.get()}
            </p>
        </Show>
    }
}

/// The ids an input should name in aria-describedby.
pub fn described_by(id: impl Into<String>, has_hint: bool, error: Signal<Option<String>>) -> Signal<String> {
    let id: String = id.into();
    Signal::derive(move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("{id}-hint"));
        }
        if error.read().is_some() {
            ids.push(format!("{id}-error"));
        }
        ids.join(" ")
    })
}

/// A single-line text input bound to a draft field.
#[component]
pub fn TextInput(
    id: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    error: Signal<Option<String>>,
    value: Signal<String>,
    on_input: Callback<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    view! {
        <Field id label hint=hint error>
            <input
                id=id
                name=id
                type=kind
                autocomplete=autocomplete
                aria-describedby=described_by(id, has_hint, error)
                aria-invalid=move || error.read().is_some().to_string()
                prop:value=value
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
        </Field>
    }
}
