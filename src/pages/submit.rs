use aduan_core::Kind;
use leptos::prelude::*;

use crate::components::title::use_page_title;
use crate::config::RuntimeConfig;
use crate::i18n::use_i18n;

#[component]
pub fn SubmitPage() -> impl IntoView {
    let i18n = use_i18n();
    let cfg = expect_context::<RuntimeConfig>();
    use_page_title("nav.submit");
    view! {
        <h1>{move || i18n.t("nav.submit")}</h1>
        <p class="lead">{move || i18n.t("submit.lead")}</p>
        <h2>{move || i18n.t("kind")}</h2>
        <dl class="kinds">
            {Kind::ALL.map(|k| {
                let (name, hint) = match k {
                    Kind::Complaint => ("kind.complaint", "kind.complaint.hint"),
                    Kind::Aspiration => ("kind.aspiration", "kind.aspiration.hint"),
                    Kind::Information => ("kind.information", "kind.information.hint"),
                };
                view! { <dt>{move || i18n.t(name)}</dt><dd>{move || i18n.t(hint)}</dd> }
            }).collect_view()}
        </dl>
        <h2>{move || i18n.t("submit.prepare_title")}</h2>
        <ul>
            {["submit.prepare_1", "submit.prepare_2", "submit.prepare_3", "submit.prepare_4"].map(|k| view! { <li>{move || i18n.t(k)}</li> }).collect_view()}
        </ul>
        <div class="notice">
            <p>{move || i18n.t("submit.opening")}</p>
            {cfg.contact.map(|c| view! { <p><strong>{c}</strong></p> })}
        </div>
    }
}
