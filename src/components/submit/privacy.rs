use leptos::prelude::*;

use super::FormContext;
use crate::components::form::{problem_for, FieldProblem, TextInput};
use crate::field::Field;
use crate::i18n::use_i18n;

#[component]
fn Checkbox(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    checked: Signal<bool>,
    on_change: Callback<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="checkbox">
            <input
                type="checkbox"
                id=id
                name=id
                aria-describedby=format!("{id}-hint")
                prop:checked=checked
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <label for=id>{move || i18n.t(label)}</label>
            <p class="hint" id=format!("{id}-hint")>
                {move || i18n.t(hint)}
            </p>
        </div>
    }
}

#[component]
pub fn PrivacyStep(form: FormContext, problems: Signal<Vec<FieldProblem>>, asked: &'static [Field]) -> impl IntoView {
    let i18n = use_i18n();
    let draft = form.draft;
    let (name, set_name) = form.text(|d| &d.name, |d, v| d.name = v);
    let (email, set_email) = form.text(|d| &d.email, |d, v| d.email = v);
    let (phone, set_phone) = form.text(|d| &d.phone, |d, v| d.phone = v);
    let anonymous = Signal::derive(move || draft.with(|d| d.anonymous));
    view! {
        <h2>{move || i18n.t("submit.privacy_title")}</h2>
        <fieldset class="field">
            <legend class="visually-hidden">{move || i18n.t("submit.privacy_title")}</legend>
            <Checkbox
                id="anonymous"
                label="anonymous"
                hint=if asked.contains(&Field::Confidential) {
                    "submit.anonymous_hint"
                } else {
                    "submit.anonymous_hint_plain"
                }
                checked=anonymous
                on_change=Callback::new(move |v| draft.update(|d| d.anonymous = v))
            />
            {asked
                .contains(&Field::Confidential)
                .then(|| {
                    view! {
                        <Checkbox
                            id="confidential"
                            label="confidential"
                            hint="submit.confidential_hint"
                            checked=Signal::derive(move || draft.with(|d| d.confidential))
                            on_change=Callback::new(move |v| draft.update(|d| d.confidential = v))
                        />
                    }
                })}
        </fieldset>
        <Show when=move || !anonymous.get()>
            <p class="hint">{move || i18n.t("submit.contact_hint")}</p>
            <TextInput
                id="reporter-name"
                label=Signal::derive(move || i18n.t("reporter.name"))
                error=problem_for(problems, "reporter-name")
                value=name
                on_input=set_name
                autocomplete="name"
            />
            <TextInput
                id="reporter-email"
                kind="email"
                label=Signal::derive(move || i18n.t("reporter.email"))
                error=problem_for(problems, "reporter-email")
                value=email
                on_input=set_email
                autocomplete="email"
            />
            <TextInput
                id="reporter-phone"
                kind="tel"
                label=Signal::derive(move || i18n.t("reporter.phone"))
                error=problem_for(problems, "reporter-phone")
                value=phone
                on_input=set_phone
                autocomplete="tel"
            />
        </Show>
    }
}
