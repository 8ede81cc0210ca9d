//! `/petugas/laporan/:ticket`: a report as staff see it. A placeholder until the report page lands (it is
//! written by the console-report helper, who replaces this file).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ConsoleReportPage() -> impl IntoView {
    let params = use_params_map();
    view! { <h1>{move || params.read().get("ticket").unwrap_or_default()}</h1> }
}
