//! The templates, grouped by step: each with its category (or "Semua kategori"), both texts and who last changed
//! it; for administrators, "Ubah" (the form above takes it) and "Hapus", which asks on the page before deleting.

use aduan_core::{Category, ResponseTemplate};
use leptos::prelude::*;

use super::rules::by_step;
use super::state::{TemplatesState, FORM_ID};
use super::words::use_template_words;
use crate::components::error_panel::ErrorPanel;
use crate::components::form::focus_element;
use crate::components::refreshable::Refreshable;
use crate::console::api::StaffError;
use crate::console::report::words::{step_key, use_report_words};
use crate::i18n::names::category_name;

#[component]
pub fn TemplateList(categories: Vec<Category>, admin: bool) -> impl IntoView {
    let words = use_template_words();
    let step_names = use_report_words();
    let state = expect_context::<TemplatesState>();
    let categories = StoredValue::new(categories);
    let loading = move || view! { <p aria-busy="true">{move || words.word("loading")}</p> };
    view! {
        <Refreshable fallback=loading>
            {move || {
                state
                    .list
                    .get()
                    .map(|found| match found {
                        Ok(all) => {
                            by_step(all)
                                .into_iter()
                                .map(|(step, templates)| {
                                    view! {
                                        <section class="template-group" data-step=step.as_str()>
                                            <h2>{move || step_names.word(step_key(step))}</h2>
                                            {templates
                                                .is_empty()
                                                .then(|| view! { <p>{move || words.word("empty")}</p> })}
                                            <ul class="template-list">
                                                {templates
                                                    .into_iter()
                                                    .map(|template| {
                                                        let category = categories
                                                            .with_value(|all| category_of(all, &template));
                                                        view! { <TemplateItem template category admin /> }
                                                    })
                                                    .collect_view()}
                                            </ul>
                                        </section>
                                    }
                                })
                                .collect_view()
                                .into_any()
                        }
                        Err(StaffError::SignedOut) => ().into_any(),
                        Err(error) => {
                            view! { <ErrorPanel error=error.api_error() on_retry=move |_| state.list.refetch() /> }
                                .into_any()
                        }
                    })
            }}
        </Refreshable>
    }
}

/// The template's category as the portal names it; `None` for every category.
fn category_of(categories: &[Category], template: &ResponseTemplate) -> Option<Category> {
    let id = template.category_id.as_deref()?;
    categories.iter().find(|c| c.id == id).cloned()
}

#[component]
fn TemplateItem(template: ResponseTemplate, category: Option<Category>, admin: bool) -> impl IntoView {
    let words = use_template_words();
    let state = expect_context::<TemplatesState>();
    let id = template.id;
    let title = StoredValue::new(template.title.clone());
    let category_id = template.category_id.clone().unwrap_or_default();
    let category = move || match &category {
        Some(c) => category_name(c, words.lang()),
        None if category_id.is_empty() => words.word("all_categories").to_string(),
        None => category_id.clone(),
    };
    let stored = StoredValue::new(template.clone());
    let edit = move |_| {
        stored.with_value(|t| state.edit(t));
        request_animation_frame(|| focus_element(FORM_ID));
    };
    let ask = move |_| {
        state.start();
        state.confirming.set(Some(id));
        request_animation_frame(move || focus_element(&format!("template-confirm-{id}")));
    };
    let named = move |key: &'static str| title.with_value(|t| words.word(key).replace("{title}", t));
    view! {
        <li class="template-item" data-template=id>
            <h3>{template.title.clone()}</h3>
            <p class="template-category">{category}</p>
            <p class="template-text-label">{move || words.word("text_id")}</p>
            <p class="template-text" lang="id">
                {template.text_id.clone()}
            </p>
            <p class="template-text-label">{move || words.word("text_en")}</p>
            <p class="template-text" lang="en">
                {template.text_en.clone()}
            </p>
            <p class="hint">
                {move || words.word("updated").replace("{who}", &stored.with_value(|t| t.updated_by.clone()))}
            </p>
            {admin
                .then(|| {
                    view! {
                        <div class="actions">
                            <button
                                type="button"
                                class="button secondary"
                                aria-label=move || named("edit_named")
                                on:click=edit
                            >
                                {move || words.word("edit")}
                            </button>
                            <button
                                type="button"
                                class="button warning"
                                aria-label=move || named("delete_named")
                                on:click=ask
                            >
                                {move || words.word("delete")}
                            </button>
                        </div>
                        <Show when=move || state.confirming.get() == Some(id)>
                            <div class="error-panel template-confirm" id=format!("template-confirm-{id}") tabindex="-1">
                                <p>{move || named("delete_confirm")}</p>
                                <div class="actions">
                                    <button
                                        type="button"
                                        class="button warning"
                                        on:click=move |_| {
                                            state.delete.dispatch((id, title.get_value()));
                                        }
                                    >
                                        {move || words.word("delete_yes")}
                                    </button>
                                    <button
                                        type="button"
                                        class="button secondary"
                                        on:click=move |_| state.confirming.set(None)
                                    >
                                        {move || words.word("cancel")}
                                    </button>
                                </div>
                            </div>
                        </Show>
                    }
                })}
        </li>
    }
}
