use aduan_core::Kind;
use leptos::prelude::*;

use super::FormContext;
use crate::components::form::FieldProblem;
use crate::i18n::use_i18n;

#[component]
pub fn KindStep(form: FormContext, problems: Signal<Vec<FieldProblem>>) -> impl IntoView {
    let i18n = use_i18n();
    let error = Signal::derive(move || {
        problems
            .read()
            .iter()
            .find(|p| p.input_id == "kind-complaint")
            .map(|p| p.message.clone())
    });
    let options = Kind::ALL.map(|k| {
        let (name, hint) = match k {
            Kind::Complaint => ("kind.complaint", "kind.complaint.hint"),
            Kind::Aspiration => ("kind.aspiration", "kind.aspiration.hint"),
            Kind::Information => ("kind.information", "kind.information.hint"),
        };
        let id = format!("kind-{}", k.as_str());
        let hint_id = format!("{id}-hint");
        view! {
            <div class="radio">
                <input
                    type="radio"
                    name="kind"
                    id=id.clone()
                    value=k.as_str()
                    aria-describedby=hint_id.clone()
                    prop:checked=move || form.draft.with(|d| d.kind == Some(k))
                    on:change=move |_| form.draft.update(|d| d.kind = Some(k))
                />
                <label for=id>{move || i18n.t(name)}</label>
                <p class="hint" id=hint_id>
                    {move || i18n.t(hint)}
                </p>
            </div>
        }
    });
    view! {
        <div class="field" class:field-error=move || error.read().is_some()>
            <fieldset aria-describedby=move || error.read().is_some().then_some("kind-error")>
                <legend>
                    <h2>{move || i18n.t("kind")}</h2>
                </legend>
                <Show when=move || error.read().is_some()>
                    <p class="error-message" id="kind-error">
                        {move || error.get()}
                    </p>
                </Show>
                {options.collect_view()}
            </fieldset>
        </div>
    }
}
