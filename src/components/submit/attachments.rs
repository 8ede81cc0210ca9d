use std::collections::HashMap;

use aduan_core::{Attachment, Limits};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::FormContext;
use crate::api::{Backend, Client};
use crate::components::form::{described_by, problem_for, Field, FieldProblem};
use crate::i18n::{format_decimal, use_i18n, Lang};

/// 1,2 MB / 340 KB in the user's language.
pub fn format_size(bytes: u64, lang: Lang) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MB", format_decimal(bytes as f64 / (1024.0 * 1024.0), 1, lang))
    } else {
        format!("{} KB", format_decimal((bytes as f64 / 1024.0).ceil(), 0, lang))
    }
}

#[derive(Clone, Copy, PartialEq)]
enum UploadState {
    Uploading,
    Failed,
}

/// A file being uploaded or that failed; uploaded ones live in the draft.
#[derive(Clone)]
struct Pending {
    id: u32,
    name: String,
    size: u64,
    progress: RwSignal<f64>,
    state: RwSignal<UploadState>,
}

#[component]
pub fn AttachmentsStep(form: FormContext, problems: Signal<Vec<FieldProblem>>, limits: Limits) -> impl IntoView {
    let i18n = use_i18n();
    let client = expect_context::<Client>();
    let pending = RwSignal::new(Vec::<Pending>::new());
    // Files stay in the browser only while the page is open, for a retry and a thumbnail.
    let files = StoredValue::new_local(HashMap::<u32, web_sys::File>::new());
    let thumbs = StoredValue::new_local(HashMap::<String, String>::new());
    let local_errors = RwSignal::new(Vec::<String>::new());
    let next_id = StoredValue::new(0u32);
    let limits = StoredValue::new(limits);

    let start_upload = Callback::new(move |p: Pending| {
        let Some(file) = files.with_value(|f| f.get(&p.id).cloned()) else {
            return;
        };
        let client = client.clone();
        p.state.set(UploadState::Uploading);
        p.progress.set(0.0);
        let progress = p.progress;
        spawn_local(async move {
            let result = client
                .upload_attachment(
                    &file,
                    Box::new(move |x| {
                        let _ = progress.try_set(x);
                    }),
                )
                .await;
            match result {
                Ok(att) => {
                    if file.type_().starts_with("image/") {
                        if let Ok(url) = web_sys::Url::create_object_url_with_blob(&file) {
                            let _ = thumbs.try_update_value(|t| {
                                t.insert(att.id.clone(), url);
                            });
                        }
                    }
                    let _ = pending.try_update(|list| list.retain(|x| x.id != p.id));
                    let _ = form.draft.try_update(|d| d.attachments.push(att));
                }
                Err(_) => {
                    let _ = p.state.try_set(UploadState::Failed);
                }
            }
        });
    });

    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev.target().unwrap().unchecked_into();
        let Some(list) = input.files() else { return };
        let mut errors = Vec::new();
        let lang = i18n.lang();
        let (max_count, max_bytes, types) = limits.with_value(|l| {
            (
                l.attachments_max_count,
                l.attachment_max_bytes,
                l.attachment_types.clone(),
            )
        });
        for i in 0..list.length() {
            let Some(file) = list.get(i) else { continue };
            let name = file.name();
            let taken = form.draft.with_untracked(|d| d.attachments.len()) + pending.with_untracked(Vec::len);
            let problem = if taken >= max_count {
                Some(i18n.t("attach.too_many").replace("{max}", &max_count.to_string()))
            } else if !types.iter().any(|t| *t == file.type_()) {
                Some(i18n.t("attach.bad_type").to_string())
            } else if file.size() as u64 > max_bytes {
                Some(i18n.t("attach.too_big").replace("{max}", &format_size(max_bytes, lang)))
            } else {
                None
            };
            if let Some(problem) = problem {
                errors.push(format!("{name}: {problem}"));
                continue;
            }
            let id = next_id.get_value();
            next_id.set_value(id + 1);
            files.update_value(|f| {
                f.insert(id, file.clone());
            });
            let p = Pending {
                id,
                name,
                size: file.size() as u64,
                progress: RwSignal::new(0.0),
                state: RwSignal::new(UploadState::Uploading),
            };
            pending.update(|list| list.push(p.clone()));
            start_upload.run(p);
        }
        local_errors.set(errors);
        input.set_value("");
    };

    let server_error = problem_for(problems, "attachment-ids");
    let error = Signal::derive(move || {
        let local = local_errors.get();
        if local.is_empty() {
            server_error.get()
        } else {
            Some(local.join(" "))
        }
    });
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
            <input type="file" id="attachment-ids" name="attachments" multiple accept="image/jpeg,image/png,image/webp,application/pdf"
                aria-describedby=described_by("attachment-ids", true, error) aria-invalid=move || error.read().is_some().to_string() on:change=on_pick/>
        </Field>
        <ul class="attachment-list" aria-live="polite">
            <For each=move || form.draft.get().attachments key=|a: &Attachment| a.id.clone() let:att>
                <li class="attachment">
                    {thumbs.with_value(|t| t.get(&att.id).cloned()).map(|src| view! { <img src=src alt="" width="48" height="48"/> })}
                    <span class="attachment-name">{att.name.clone()}</span>
                    <span class="hint">{move || format_size(att.size, i18n.lang())}" · "{move || i18n.t("attach.uploaded")}</span>
                    <button type="button" class="link-button" on:click={
                        let id = att.id.clone();
                        move |_| form.draft.update(|d| d.attachments.retain(|a| a.id != id))
                    }>{move || i18n.t("action.remove")}<span class="visually-hidden">" "{att.name.clone()}</span></button>
                </li>
            </For>
            <For each=move || pending.get() key=|p| p.id let:p>
                <li class="attachment">
                    <span class="attachment-name">{p.name.clone()}</span>
                    <span class="hint">{move || format_size(p.size, i18n.lang())}</span>
                    <Show when=move || p.state.get() == UploadState::Uploading
                        fallback={
                            let p = p.clone();
                            move || {
                                let p = p.clone();
                                view! {
                                    <span class="error-message">{move || i18n.t("attach.failed")}</span>
                                    <button type="button" class="link-button" on:click=move |_| start_upload.run(p.clone())>{move || i18n.t("action.retry")}</button>
                                }
                            }
                        }>
                        <progress max="100" value=move || ((p.progress.get() * 100.0).round() as u32).to_string() aria-label=move || i18n.t("attach.progress")></progress>
                    </Show>
                    <button type="button" class="link-button" on:click=move |_| pending.update(|list| list.retain(|x| x.id != p.id))>
                        {move || i18n.t("action.remove")}
                    </button>
                </li>
            </For>
        </ul>
    }
}
