//! The staff accounts, on the account page: the list (administrators and supervisors), and for
//! administrators a form to create one and a button to disable or enable each (disabling signs it out).

// The password's length is checked here too, so that a short one is named in the same error summary as the
// form's other problems.
use aduan_core::staff::PASSWORD_MIN_CHARS;
use aduan_core::{AccountChange, NewAccount, Portal, Role, StaffAccount};
use leptos::prelude::*;

use super::account::{error_of, form_problems, mark_submitted, refused, required, PasswordInput};
use super::api::StaffError;
use super::i18n::{role_key, use_words};
use super::session::use_session;
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{focus_element, ErrorSummary, Field, FieldProblem, TextInput};
use crate::components::with_portal::WithPortal;

#[component]
pub fn AccountList() -> impl IntoView {
    let words = use_words();
    let session = use_session();
    let accounts = LocalResource::new(move || {
        let api = session.api();
        async move { api.accounts().await }
    });
    let is_admin = move || session.role() == Some(Role::Admin);
    view! {
        <section aria-labelledby="accounts-title">
            <h2 id="accounts-title">{move || words.word("accounts.title")}</h2>
            <Transition fallback=|| {
                view! { <p aria-busy="true"></p> }
            }>
                {move || {
                    accounts
                        .get()
                        .map(|loaded| match loaded {
                            Ok(list) => {
                                view! {
                                    <ul class="account-list">
                                        {list
                                            .into_iter()
                                            .map(|account| view! { <AccountRow account accounts /> })
                                            .collect_view()}
                                    </ul>
                                }
                                    .into_any()
                            }
                            Err(StaffError::SignedOut) => ().into_any(),
                            Err(error) => {
                                view! { <ErrorPanel error=error.api_error() on_retry=move |_| accounts.refetch() /> }
                                    .into_any()
                            }
                        })
                }}
            </Transition>
            <Show when=is_admin>
                <WithPortal fallback=|| () let:portal>
                    <NewAccountForm portal on_created=Callback::new(move |()| accounts.refetch()) />
                </WithPortal>
            </Show>
        </section>
    }
}

#[component]
fn AccountRow(account: StaffAccount, accounts: LocalResource<Result<Vec<StaffAccount>, StaffError>>) -> impl IntoView {
    let words = use_words();
    let session = use_session();
    let me = session.account().is_some_and(|a| a.username == account.username);
    // An administrator cannot disable their own account (the server refuses it too).
    let can_toggle = session.role() == Some(Role::Admin) && !me;
    let username = account.username.clone();
    let disabled = account.disabled;
    let toggle = Action::new_local(move |disable: &bool| {
        let (api, username, disable) = (session.api(), username.clone(), *disable);
        async move {
            let change = AccountChange {
                disabled: Some(disable),
                ..AccountChange::default()
            };
            api.change_account(&username, &change).await
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(_)) = toggle.value().get() {
            accounts.refetch();
        }
    });
    let failed = move || {
        toggle.value().get().and_then(Result::err).and_then(|e| {
            refused(words, &e, "accounts", "username")
                .into_iter()
                .next()
                .map(|p| p.message)
        })
    };
    let role = account.role;
    let agencies = account
        .agencies
        .iter()
        .map(|a| a.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <li class="account-row" class:account-disabled=disabled>
            <p>
                <strong>{account.display_name}</strong>
                " ("
                {account.username}
                ") "
                {me.then_some(move || words.word("accounts.you"))}
            </p>
            <p class="report-meta">
                {move || words.word(role_key(role))} {(!agencies.is_empty()).then(|| format!(" · {agencies}"))} " · "
                {move || words.word(if disabled { "accounts.disabled" } else { "accounts.active" })}
            </p>
            {can_toggle
                .then(|| {
                    view! {
                        <button
                            type="button"
                            class="button secondary"
                            disabled=move || toggle.pending().get()
                            on:click=move |_| {
                                toggle.dispatch(!disabled);
                            }
                        >
                            {move || words.word(if disabled { "accounts.enable" } else { "accounts.disable" })}
                        </button>
                    }
                })}
            {move || {
                failed()
                    .map(|m| {
                        view! {
                            <p class="error-message" role="alert">
                                {m}
                            </p>
                        }
                    })
            }}
        </li>
    }
}

/// Creates an account: username, display name, role, the agencies of an officer, a first password.
#[component]
fn NewAccountForm(portal: Portal, on_created: Callback<()>) -> impl IntoView {
    let words = use_words();
    let session = use_session();
    let username = RwSignal::new(String::new());
    let display_name = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Officer);
    let agencies = RwSignal::new(Vec::<String>::new());
    let password = RwSignal::new(String::new());
    let problems = form_problems("new-account");
    let created = RwSignal::new(None::<String>);
    let create = Action::new_local(move |account: &NewAccount| {
        let (api, account) = (session.api(), account.clone());
        async move { api.create_account(&account).await }
    });
    Effect::new(move |_| match create.value().get() {
        Some(Ok(account)) => {
            for field in [username, display_name, password] {
                field.set(String::new());
            }
            agencies.set(vec![]);
            created.set(Some(account.username));
            on_created.run(());
        }
        Some(Err(error)) => {
            problems.set(refused(words, &error, "accounts", "username"));
            // After the summary is drawn.
            request_animation_frame(|| focus_element("error-summary"));
        }
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        mark_submitted("new-account");
        created.set(None);
        let no_agency = (role.get() == Role::Officer && agencies.read().is_empty()).then(|| FieldProblem {
            input_id: "accounts-agency_ids".into(),
            message: words.word("accounts.agency_ids.required").into(),
        });
        let chars = password.read().chars().count();
        let short_password = (chars > 0 && chars < PASSWORD_MIN_CHARS).then(|| FieldProblem {
            input_id: "accounts-password".into(),
            message: words.word("accounts.password.too_short").into(),
        });
        // Every problem at once, in the order of the fields.
        let found: Vec<FieldProblem> = [
            required(words, username, "accounts-username", "accounts.username.required"),
            required(
                words,
                display_name,
                "accounts-display_name",
                "accounts.display_name.required",
            ),
            no_agency,
            required(words, password, "accounts-password", "accounts.password.required"),
            short_password,
        ]
        .into_iter()
        .flatten()
        .collect();
        let ok = found.is_empty();
        problems.set(found);
        if ok {
            create.dispatch(NewAccount {
                username: username.get().trim().to_string(),
                display_name: display_name.get().trim().to_string(),
                role: role.get(),
                agency_ids: if role.get() == Role::Officer {
                    agencies.get()
                } else {
                    vec![]
                },
                password: password.get(),
            });
        } else {
            // After the summary is drawn.
            request_animation_frame(|| focus_element("error-summary"));
        }
    };
    let text = |id: &'static str, label: &'static str, value: RwSignal<String>, hint: Option<&'static str>| {
        view! {
            <TextInput
                id
                label=Signal::derive(move || words.word(label))
                hint=Signal::derive(move || hint.map(|h| words.word(h)).unwrap_or_default().to_string())
                error=error_of(problems, id)
                value=value.into()
                on_input=Callback::new(move |v| value.set(v))
                autocomplete="off"
            />
        }
    };
    view! {
        <h3>{move || words.word("accounts.create")}</h3>
        <ErrorSummary problems=problems.into() title=Signal::derive(move || words.i18n().t("errors.summary")) />
        {move || {
            created
                .get()
                .map(|name| {
                    view! {
                        <p class="notice" role="status">
                            {words.word("accounts.created").replace("{username}", &name)}
                        </p>
                    }
                })
        }}
        <form novalidate on:submit=submit class="new-account">
            {text("accounts-username", "console.username", username, Some("accounts.username.hint"))}
            {text("accounts-display_name", "accounts.display_name", display_name, None)}
            <Field
                id="accounts-role"
                label=Signal::derive(move || words.word("accounts.role"))
                error=error_of(problems, "accounts-role")
            >
                <select
                    id="accounts-role"
                    on:change=move |ev| role.set(Role::parse(&event_target_value(&ev)).unwrap_or(Role::Officer))
                    prop:value=move || role.get().as_str()
                >
                    {Role::ALL
                        .map(|r| view! { <option value=r.as_str()>{move || words.word(role_key(r))}</option> })
                        .collect_view()}
                </select>
            </Field>
            <Show when=move || role.get() == Role::Officer>
                <AgencyChoice portal=portal.clone() agencies error=error_of(problems, "accounts-agency_ids") />
            </Show>
            <PasswordInput
                id="accounts-password"
                label_key="console.password"
                hint_key="accounts.password.hint"
                problems
                value=password
                autocomplete="new-password"
            />
            <button type="submit" class="button primary" disabled=move || create.pending().get()>
                {move || words.word("accounts.create")}
            </button>
        </form>
    }
}

/// The agencies an officer acts for, as checkboxes (the first one carries the field's id for the summary).
#[component]
fn AgencyChoice(portal: Portal, agencies: RwSignal<Vec<String>>, error: Signal<Option<String>>) -> impl IntoView {
    let words = use_words();
    view! {
        <fieldset
            class="field"
            class:field-error=move || error.read().is_some()
            aria-describedby="accounts-agency_ids-hint"
        >
            <legend>{move || words.word("accounts.agencies")}</legend>
            <p class="hint" id="accounts-agency_ids-hint">
                {move || words.word("accounts.agencies.hint")}
            </p>
            {move || error.get().map(|e| view! { <p class="error-message">{e}</p> })}
            {portal
                .agencies
                .into_iter()
                .enumerate()
                .map(|(i, agency)| {
                    let id = if i == 0 {
                        "accounts-agency_ids".to_string()
                    } else {
                        format!("accounts-agency-{}", agency.id)
                    };
                    let value = agency.id.clone();
                    let checked = {
                        let value = value.clone();
                        move || agencies.read().contains(&value)
                    };
                    view! {
                        <div class="checkbox">
                            <input
                                type="checkbox"
                                id=id.clone()
                                prop:checked=checked
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    agencies
                                        .update(|list| {
                                            list.retain(|a| *a != value);
                                            if on {
                                                list.push(value.clone());
                                            }
                                        });
                                }
                            />
                            <label for=id>{agency.name}</label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
