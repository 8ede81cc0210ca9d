use aduan_core::ReportCreated;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::{Backend, Client};
use crate::components::qr::QrCodeImage;
use crate::components::share_actions::{absolute_url, ShareActions};
use crate::i18n::use_i18n;
use crate::pages::track::shown_reference;

#[component]
pub fn Receipt(created: ReportCreated) -> impl IntoView {
    let i18n = use_i18n();
    let features = expect_context::<Client>().features();
    let ticket = shown_reference(&created.ticket, features);
    let next = if features.lapor_workflow {
        "receipt.next"
    } else {
        "receipt.next_plain"
    };
    let track = format!("/lacak/{}", created.ticket);
    let track_url = absolute_url(&track);
    view! {
        <div class="panel-confirmation">
            <h1 tabindex="-1" id="receipt-title">
                {move || i18n.t("receipt")}
            </h1>
            <p class="ticket-label">{move || i18n.t("ticket")}</p>
            <p class="ticket-number" data-ticket=created.ticket.clone()>
                {ticket}
            </p>
        </div>
        // In the service's own words (Open311 service_notice): text, never markup.
        {created
            .notice
            .clone()
            .map(|notice| {
                view! {
                    <div class="notice" role="note">
                        <p class="ticket-label">{move || i18n.t("receipt.notice")}</p>
                        <p class="service-notice">{notice}</p>
                    </div>
                }
            })}
        <ShareActions copy_text=created.ticket.clone() url=track_url.clone() share_title="receipt" />
        // A backend without access codes (Open311) gives none to keep.
        {(!created.access_code.is_empty())
            .then(|| {
                view! {
                    <div class="notice">
                        <p class="ticket-label">{move || i18n.t("access_code")}</p>
                        <p class="access-code" data-access-code=created.access_code.clone()>
                            {created.access_code.clone()}
                        </p>
                        <p>
                            <strong>{move || i18n.t("receipt.keep_code")}</strong>
                        </p>
                    </div>
                }
            })}
        <figure class="qr-figure">
            <QrCodeImage text=track_url label=Signal::derive(move || i18n.t("receipt.qr")) />
            <figcaption class="hint">{move || i18n.t("receipt.qr")}</figcaption>
        </figure>
        <p>{move || i18n.t(next)}</p>
        <p class="no-print">
            <A href=track attr:class="button primary">
                {move || i18n.t("receipt.track")}
            </A>
        </p>
    }
}
