//! A report's attachments, confidential ones included: a link cannot carry the session's token, so each is
//! fetched with it and saved from the bytes (as the tracking page does with the access code), leaving no link
//! that opens without signing in.

use aduan_core::Attachment;
use leptos::prelude::*;

use super::state::ReportState;
use super::words::use_report_words;
use crate::components::download::save_bytes;
use crate::console::api::StaffError;
use crate::console::session::use_session;

#[component]
pub fn StaffAttachments(attachments: Vec<Attachment>) -> impl IntoView {
    let words = use_report_words();
    if attachments.is_empty() {
        return view! { <span>{move || words.word("attachments.none")}</span> }.into_any();
    }
    let state = expect_context::<ReportState>();
    let session = use_session();
    let download = Action::new_local(move |attachment: &Attachment| {
        let (api, ticket, a) = (session.api(), state.ticket.get_value(), attachment.clone());
        async move {
            let bytes = api.attachment_bytes(&ticket, &a.id).await?;
            save_bytes(&a.name, &a.content_type, &bytes);
            Ok::<(), StaffError>(())
        }
    });
    let answer = download.value();
    // A session that ended shows the sign-in form instead; any other failure is said here.
    let failed = move || answer.with(|a| matches!(a, Some(Err(e)) if *e != StaffError::SignedOut));
    view! {
        <ul class="plain-list">
            {attachments
                .into_iter()
                .map(|a| {
                    let name = a.name.clone();
                    let attachment = StoredValue::new(a);
                    view! {
                        <li>
                            <button
                                type="button"
                                class="link-button"
                                on:click=move |_| {
                                    download.dispatch(attachment.get_value());
                                }
                            >
                                {name}
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <p role="status" class="error-message">
            {move || failed().then(|| words.word("attachments.failed"))}
        </p>
    }
    .into_any()
}
