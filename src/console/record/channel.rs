//! The desk's first question, before the citizen's form: the channel the report came by (every one but the
//! website, which is the citizen's own). Asked as a GOV.UK radio question, with the error summary and the inline
//! error as the form's steps have them; once answered, a line above the form says it, with a way to change it.

use aduan_core::Channel;
use leptos::prelude::*;

use super::words::use_record_words;
use crate::components::form::{focus_element, ErrorSummary, FieldProblem};
use crate::components::stats::channels::{channel_heading, channel_name};
use crate::submit::flow::Flow;

/// The id of the first radio button, where the error summary's link goes.
const FIRST_ID: &str = "channel-suggestion_box";

#[component]
pub fn ChannelStep(flow: Flow, choosing: RwSignal<bool>) -> impl IntoView {
    let words = use_record_words();
    let i18n = words.i18n();
    let draft = flow.form.draft;
    let chosen = RwSignal::new(draft.with_untracked(|d| d.channel.as_deref().and_then(Channel::parse)));
    let missing = RwSignal::new(false);
    let problems = Signal::derive(move || {
        missing
            .get()
            .then(|| FieldProblem {
                input_id: FIRST_ID.into(),
                message: words.word("channel.required").into(),
            })
            .into_iter()
            .collect::<Vec<_>>()
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match chosen.get_untracked() {
            Some(channel) => {
                draft.update(|d| d.channel = Some(channel.as_str().into()));
                choosing.set(false);
                request_animation_frame(|| focus_element("step-heading"));
            }
            None => {
                missing.set(true);
                request_animation_frame(|| focus_element("error-summary"));
            }
        }
    };
    let options = Channel::OFFLINE.map(|channel| {
        let id = format!("channel-{}", channel.as_str());
        view! {
            <div class="radio">
                <input
                    type="radio"
                    name="channel"
                    id=id.clone()
                    value=channel.as_str()
                    prop:checked=move || chosen.get() == Some(channel)
                    on:change=move |_| chosen.set(Some(channel))
                />
                <label for=id>{move || channel_name(channel, i18n.lang())}</label>
            </div>
        }
    });
    view! {
        <ErrorSummary problems title=Signal::derive(move || i18n.t("errors.summary")) />
        <form class="report-form" novalidate on:submit=on_submit>
            <div class="field" class:field-error=move || missing.get()>
                <fieldset aria-describedby=move || {
                    if missing.get() { "channel-hint channel-error" } else { "channel-hint" }
                }>
                    <legend>
                        <h2 id="step-heading" tabindex="-1">
                            {move || channel_heading(i18n.lang())}
                        </h2>
                    </legend>
                    <p class="hint" id="channel-hint">
                        {move || words.word("channel.hint")}
                    </p>
                    <Show when=move || missing.get()>
                        <p class="error-message" id="channel-error">
                            {move || words.word("channel.required")}
                        </p>
                    </Show>
                    {options.collect_view()}
                </fieldset>
            </div>
            <div class="actions">
                <button type="submit" class="button primary">
                    {move || i18n.t("action.continue")}
                </button>
            </div>
        </form>
    }
}

/// "Kanal: Surat", with a button back to the channel question.
#[component]
pub fn ChannelLine(flow: Flow, choosing: RwSignal<bool>) -> impl IntoView {
    let i18n = use_record_words().i18n();
    let name = move || {
        flow.form
            .draft
            .with(|d| {
                d.channel
                    .as_deref()
                    .and_then(Channel::parse)
                    .map(|c| channel_name(c, i18n.lang()))
            })
            .unwrap_or_default()
    };
    view! {
        <dl class="summary-list desk-channel">
            <div class="summary-row">
                <dt>{move || channel_heading(i18n.lang())}</dt>
                <dd class="answer">{name}</dd>
                <dd class="change">
                    <button type="button" class="link-button" on:click=move |_| choosing.set(true)>
                        {move || i18n.t("action.change")}
                        <span class="visually-hidden">" " {move || channel_heading(i18n.lang())}</span>
                    </button>
                </dd>
            </div>
        </dl>
    }
}
