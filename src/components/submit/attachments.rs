use std::collections::HashMap;

use aduan_core::{Attachment, Limits};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::FormContext;
use crate::api::{ApiError, Backend, Client};
use crate::components::form::{described_by, problem_for, Field, FieldProblem};
use crate::i18n::{format_decimal, use_i18n, I18n, Lang};

/// 1,2 MB / 340 KB in the user's language.
pub fn format_size(bytes: u64, lang: Lang) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MB", format_decimal(bytes as f64 / (1024.0 * 1024.0), 1, lang))
    } else {
        format!("{} KB", format_decimal((bytes as f64 / 1024.0).ceil(), 0, lang))
    }
}

/// A file being uploaded or that failed; uploaded ones live in the draft.
#[derive(Clone)]
struct Upload {
    id: u32,
    name: String,
    size: u64,
    /// How far the file has gone up (0 to 1): beside the Action, whose value is only the end result.
    progress: RwSignal<f64>,
    /// Sends the file (again, for a retry). Files stay in the browser only while the page is open.
    send: Action<(), Result<Attachment, ApiError>>,
}

/// Why a picked file cannot be uploaded, when `taken` files are already attached or going up.
fn refusal(file: &web_sys::File, taken: usize, limits: &Limits, i18n: I18n) -> Option<String> {
    if taken >= limits.attachments_max_count {
        Some(
            i18n.t("attach.too_many")
                .replace("{max}", &limits.attachments_max_count.to_string()),
        )
    } else if aduan_core::validation::refuse_direction_controls(&file.name()).is_err() {
        Some(i18n.t("attach.direction_name").to_string())
    } else if !limits.attachment_types.iter().any(|t| *t == file.type_()) {
        Some(i18n.t("attach.bad_type").to_string())
    } else if file.size() as u64 > limits.attachment_max_bytes {
        Some(
            i18n.t("attach.too_big")
                .replace("{max}", &format_size(limits.attachment_max_bytes, i18n.lang())),
        )
    } else {
        None
    }
}

/// The field's message: why the files just picked were refused, else what a server said about the attachments.
fn attachments_error(refusals: &[String], server_error: Option<String>) -> Option<String> {
    if refusals.is_empty() {
        server_error
    } else {
        Some(refusals.join(" "))
    }
}

#[component]
pub fn AttachmentsStep(form: FormContext, problems: Signal<Vec<FieldProblem>>, limits: Limits) -> impl IntoView {
    let i18n = use_i18n();
    let client = expect_context::<Client>();
    let uploads = RwSignal::new(Vec::<Upload>::new());
    let thumbs = StoredValue::new_local(HashMap::<String, String>::new());
    let local_errors = RwSignal::new(Vec::<String>::new());
    let next_id = StoredValue::new(0u32);
    let limits = StoredValue::new(limits);
    let owner = Owner::current().expect("a component has an owner");

    // An upload that succeeds leaves the list for the draft, even if the citizen has gone to another step.
    let start_upload = move |file: web_sys::File| {
        let id = next_id.get_value();
        next_id.set_value(id + 1);
        let progress = RwSignal::new(0.0);
        let client = client.clone();
        let upload = Upload {
            id,
            name: file.name(),
            size: file.size() as u64,
            progress,
            send: owner.with(|| {
                Action::new_local(move |_: &()| {
                    let (client, file) = (client.clone(), file.clone());
                    progress.set(0.0);
                    async move {
                        let on_progress = Box::new(move |x| {
                            let _ = progress.try_set(x);
                        });
                        let att = client.upload_attachment(&file, on_progress).await?;
                        if file.type_().starts_with("image/") {
                            if let Ok(url) = web_sys::Url::create_object_url_with_blob(&file) {
                                let _ = thumbs.try_update_value(|t| {
                                    t.insert(att.id.clone(), url);
                                });
                            }
                        }
                        let _ = uploads.try_update(|list| list.retain(|x| x.id != id));
                        let _ = form.draft.try_update(|d| d.attachments.push(att.clone()));
                        Ok(att)
                    }
                })
            }),
        };
        uploads.update(|list| list.push(upload.clone()));
        upload.send.dispatch(());
    };

    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev.target().unwrap().unchecked_into();
        let Some(list) = input.files() else { return };
        let mut errors = Vec::new();
        for file in (0..list.length()).filter_map(|i| list.get(i)) {
            let taken = form.draft.with_untracked(|d| d.attachments.len()) + uploads.with_untracked(Vec::len);
            match limits.with_value(|l| refusal(&file, taken, l, i18n)) {
                Some(problem) => errors.push(format!("{}: {problem}", file.name())),
                None => start_upload(file),
            }
        }
        local_errors.set(errors);
        input.set_value("");
    };

    let server_error = problem_for(problems, "attachment-ids");
    let error = Signal::derive(move || attachments_error(&local_errors.read(), server_error.get()));
    let hint = Signal::derive(move || {
        limits.with_value(|l| {
            i18n.t("attach.hint")
                .replace("{max}", &l.attachments_max_count.to_string())
                .replace("{size}", &format_size(l.attachment_max_bytes, i18n.lang()))
        })
    });
    view! {
        <h2>{move || i18n.t("submit.attachments_title")}</h2>
        <Field id="attachment-ids" label=Signal::derive(move || i18n.t("attachments")) hint=Some(hint) error>
            <input
                type="file"
                id="attachment-ids"
                name="attachments"
                multiple
                accept="image/jpeg,image/png,image/webp,application/pdf"
                aria-describedby=described_by("attachment-ids", true, error)
                aria-invalid=move || error.read().is_some().to_string()
                on:change=on_pick
            />
        </Field>
        <ul class="attachment-list" aria-live="polite">
            <For each=move || form.draft.get().attachments key=|a: &Attachment| a.id.clone() let:att>
                <UploadedFile form thumb=thumbs.with_value(|t| t.get(&att.id).cloned()) att />
            </For>
            <For each=move || uploads.get() key=|u| u.id let:upload>
                <UploadInProgress upload uploads />
            </For>
        </ul>
    }
}

#[component]
fn UploadedFile(form: FormContext, att: Attachment, thumb: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let id = att.id.clone();
    view! {
        <li class="attachment">
            {thumb.map(|src| view! { <img src=src alt="" width="48" height="48" /> })}
            <span class="attachment-name">{att.name.clone()}</span>
            <span class="hint">
                {move || format_size(att.size, i18n.lang())}" · "{move || i18n.t("attach.uploaded")}
            </span>
            <button
                type="button"
                class="link-button"
                on:click=move |_| form.draft.update(|d| d.attachments.retain(|a| a.id != id))
            >
                {move || i18n.t("action.remove")}
                <span class="visually-hidden">" "{att.name.clone()}</span>
            </button>
        </li>
    }
}

/// A file going up, with its progress, or one that failed, with a retry.
#[component]
fn UploadInProgress(upload: Upload, uploads: RwSignal<Vec<Upload>>) -> impl IntoView {
    let i18n = use_i18n();
    let Upload {
        id,
        name,
        size,
        progress,
        send,
    } = upload;
    let (pending, answer) = (send.pending(), send.value());
    let failed = move || !pending.get() && answer.with(|a| matches!(a, Some(Err(_))));
    view! {
        <li class="attachment">
            <span class="attachment-name">{name}</span>
            <span class="hint">{move || format_size(size, i18n.lang())}</span>
            <Show
                when=move || !failed()
                fallback=move || {
                    view! {
                        <span class="error-message">{move || i18n.t("attach.failed")}</span>
                        <button
                            type="button"
                            class="link-button"
                            on:click=move |_| {
                                send.dispatch(());
                            }
                        >
                            {move || i18n.t("action.retry")}
                        </button>
                    }
                }
            >
                <progress
                    max="100"
                    value=move || ((progress.get() * 100.0).round() as u32).to_string()
                    aria-label=move || i18n.t("attach.progress")
                ></progress>
            </Show>
            <button
                type="button"
                class="link-button"
                on:click=move |_| uploads.update(|list| list.retain(|x| x.id != id))
            >
                {move || i18n.t("action.remove")}
            </button>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::attachments_error;

    #[test]
    fn the_refusals_of_picked_files_come_before_a_servers_message() {
        let server = Some("too many".to_string());
        assert_eq!(attachments_error(&[], server.clone()), server);
        assert_eq!(attachments_error(&[], None), None);
        let refusals = ["a.exe: bad type".to_string(), "b.pdf: too big".to_string()];
        assert_eq!(
            attachments_error(&refusals, server).as_deref(),
            Some("a.exe: bad type b.pdf: too big")
        );
    }
}
