use aduan_core::Attachment;
use leptos::prelude::*;

use crate::api::{ApiError, Backend, Client};
use crate::components::download::save_bytes;
use crate::i18n::use_i18n;

/// A public report's files are plain links; a confidential report's open only with the access code, so the
/// app fetches them with it and saves them, leaving no link that works without the code.
#[component]
pub fn AttachmentList(
    ticket: String,
    attachments: Vec<Attachment>,
    confidential: bool,
    access_code: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = expect_context::<Client>();
    if attachments.is_empty() {
        return view! { <span>{move || i18n.t("track.attachments_none")}</span> }.into_any();
    }
    let ticket = StoredValue::new(ticket);
    // A read, but one the citizen asks for with a click: an Action like the writes, so its result is read
    // the same way.
    let download = Action::new_local({
        let client = client.clone();
        move |attachment: &Attachment| {
            let (client, a, code) = (client.clone(), attachment.clone(), access_code.get_untracked());
            async move {
                let bytes = client
                    .attachment_bytes(&ticket.get_value(), &a.id, &code.unwrap_or_default())
                    .await?;
                save_bytes(&a.name, &a.content_type, &bytes);
                Ok::<(), ApiError>(())
            }
        }
    });
    let answer = download.value();
    let failed = move || answer.with(|a| matches!(a, Some(Err(_))));
    view! {
        <ul class="plain-list">
            {attachments
                .into_iter()
                .map(|a| {
                    if !confidential {
                        let href = client.attachment_url(&ticket.get_value(), &a.id);
                        return view! {
                            <li>
                                <a href=href rel="external" target="_blank">
                                    {a.name}
                                </a>
                            </li>
                        }
                            .into_any();
                    }
                    let attachment = StoredValue::new(a.clone());
                    let open = move |_| {
                        if access_code.with_untracked(Option::is_some) {
                            download.dispatch(attachment.get_value());
                        }
                    };
                    view! {
                        <li>
                            <button type="button" class="link-button" on:click=open>
                                {a.name}
                            </button>
                        </li>
                    }
                        .into_any()
                })
                .collect_view()}
        </ul>
        <p role="status" class="error-message">
            {move || failed().then(|| i18n.t("track.attachment_failed"))}
        </p>
    }
    .into_any()
}
