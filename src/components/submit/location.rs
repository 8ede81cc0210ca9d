use aduan_core::open311::Attribute;
use aduan_core::{Agency, Location, Portal};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::questions::Questions;
use super::FormContext;
use crate::api::ApiError;
use crate::components::form::{described_by, problem_for, Field, FieldProblem, TextInput};
use crate::field::Field as ReportField;
use crate::i18n::names::category_name;
use crate::i18n::{format_decimal, use_i18n};

/// A `<select>` bound to a draft field, with a first "choose" option.
#[component]
fn Select(
    id: &'static str,
    options: Signal<Vec<(String, String)>>,
    placeholder: Signal<&'static str>,
    value: Signal<String>,
    on_change: Callback<String>,
    error: Signal<Option<String>>,
    has_hint: bool,
) -> impl IntoView {
    view! {
        <select
            id=id
            name=id
            aria-describedby=described_by(id, has_hint, error)
            aria-invalid=move || error.read().is_some().to_string()
            on:change=move |ev| on_change.run(event_target_value(&ev))
            prop:value=value
        >
            <option value="">{move || placeholder.get()}</option>
            <For
                each=move || options.get()
                key=|(id, name)| (id.clone(), name.clone())
                children=move |(opt_id, name)| {
                    view! {
                        <option value=opt_id.clone() selected=move || value.get() == opt_id>
                            {name}
                        </option>
                    }
                }
            />
        </select>
    }
}

/// Asks the browser for the device's position; refusal or failure only shows a message.
fn locate(form: FormContext, failed: RwSignal<bool>) {
    let Ok(geo) = window().navigator().geolocation() else {
        failed.set(true);
        return;
    };
    let ok = wasm_bindgen::closure::Closure::once_into_js(move |pos: web_sys::Position| {
        let c = pos.coords();
        failed.set(false);
        form.draft.update(|d| {
            d.location = Some(Location {
                lat: c.latitude(),
                lon: c.longitude(),
            });
        });
    });
    let err = wasm_bindgen::closure::Closure::once_into_js(move |_: JsValue| failed.set(true));
    if geo
        .get_current_position_with_error_callback(ok.unchecked_ref(), Some(err.unchecked_ref()))
        .is_err()
    {
        failed.set(true);
    }
}

#[component]
pub fn LocationStep(
    form: FormContext,
    problems: Signal<Vec<FieldProblem>>,
    portal: Portal,
    asked: &'static [ReportField],
    /// The chosen category's questions, from a backend whose categories have them.
    questions: Option<LocalResource<Result<Vec<Attribute>, ApiError>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (address, set_address) = form.text(|d| &d.address, |d, v| d.address = v);
    let (region, set_region) = form.text(|d| &d.region_id, |d, v| d.region_id = v);
    let (category, set_category) = form.text(|d| &d.category_id, |d, v| d.category_id = v);
    let regions = portal
        .regions
        .iter()
        .map(|r| (r.id.clone(), r.name.clone()))
        .collect::<Vec<_>>();
    let categories = portal.categories.clone();
    let category_options = Signal::derive(move || {
        categories
            .iter()
            .map(|c| (c.id.clone(), category_name(c, i18n.lang())))
            .collect()
    });
    let agencies = portal.agencies;
    view! {
        <h2>{move || i18n.t("submit.location_title")}</h2>
        {asked
            .contains(&ReportField::RegionId)
            .then(|| {
                view! {
                    <Field
                        id="region-id"
                        label=Signal::derive(move || i18n.t("region"))
                        error=problem_for(problems, "region-id")
                    >
                        <Select
                            id="region-id"
                            options=Signal::stored(regions)
                            placeholder=Signal::derive(move || i18n.t("submit.choose_region"))
                            value=region
                            on_change=set_region
                            error=problem_for(problems, "region-id")
                            has_hint=false
                        />
                    </Field>
                }
            })}
        <TextInput
            id="address"
            label=Signal::derive(move || i18n.t("address"))
            hint=Signal::derive(move || i18n.t("submit.address_hint").to_string())
            error=problem_for(problems, "address")
            value=address
            on_input=set_address
            autocomplete="street-address"
        />
        <DevicePosition form />
        <Field
            id="category-id"
            label=Signal::derive(move || i18n.t("category"))
            error=problem_for(problems, "category-id")
        >
            <Select
                id="category-id"
                options=category_options
                placeholder=Signal::derive(move || i18n.t("submit.choose_category"))
                value=category
                on_change=set_category
                error=problem_for(problems, "category-id")
                has_hint=false
            />
        </Field>
        {questions.map(|questions| view! { <Questions form problems questions /> })}
        {asked.contains(&ReportField::AgencyId).then(|| view! { <AgencyField form problems agencies /> })}
    }
}

/// The agency to send the report to, chosen from a list narrowed by a search box (a portal has hundreds).
#[component]
fn AgencyField(form: FormContext, problems: Signal<Vec<FieldProblem>>, agencies: Vec<Agency>) -> impl IntoView {
    let i18n = use_i18n();
    let (agency, set_agency) = form.text(|d| &d.agency_id, |d, v| d.agency_id = v);
    let query = RwSignal::new(String::new());
    let agency_options = Signal::derive(move || {
        let q = query.get().to_lowercase();
        let chosen = agency.get();
        agencies
            .iter()
            .filter(|a| q.trim().is_empty() || a.name.to_lowercase().contains(q.trim()) || a.id == chosen)
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect()
    });
    view! {
        <Field
            id="agency-id"
            label=Signal::derive(move || i18n.t("agency"))
            hint=Some(Signal::derive(move || i18n.t("submit.agency_hint").to_string()))
            error=problem_for(problems, "agency-id")
        >
            <label class="search-label" for="agency-search">
                {move || i18n.t("submit.agency_search")}
            </label>
            <input
                type="search"
                id="agency-search"
                class="search-input"
                prop:value=query
                on:input=move |ev| query.set(event_target_value(&ev))
            />
            <Select
                id="agency-id"
                options=agency_options
                placeholder=Signal::derive(move || i18n.t("agency.unknown"))
                value=agency
                on_change=set_agency
                error=problem_for(problems, "agency-id")
                has_hint=true
            />
        </Field>
    }
}

/// The device's position, once the citizen has shared it, with a way to remove it; or the button to share it.
#[component]
fn DevicePosition(form: FormContext) -> impl IntoView {
    let i18n = use_i18n();
    let geo_failed = RwSignal::new(false);
    let location_text = move || {
        form.draft.with(|d| d.location.clone()).map(|l| {
            format!(
                "{}: {}, {}",
                i18n.t("submit.location_saved"),
                format_decimal(l.lat, 5, i18n.lang()),
                format_decimal(l.lon, 5, i18n.lang())
            )
        })
    };
    view! {
        // id="location": where an error about the position (from a server) is linked.
        <div class="field" id="location" tabindex="-1">
            <p class="hint">{move || i18n.t("submit.location_hint")}</p>
            {move || match location_text() {
                Some(text) => {
                    view! {
                        <p>
                            <span>{text}</span>
                            " "
                            <button
                                type="button"
                                class="link-button"
                                on:click=move |_| form.draft.update(|d| d.location = None)
                            >
                                {move || i18n.t("submit.location_remove")}
                            </button>
                        </p>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <button type="button" class="button secondary" on:click=move |_| locate(form, geo_failed)>
                            {move || i18n.t("submit.use_location")}
                        </button>
                    }
                        .into_any()
                }
            }}
            <Show when=move || geo_failed.get()>
                <p class="notice-inline" role="status">
                    {move || i18n.t("submit.location_failed")}
                </p>
            </Show>
        </div>
    }
}
