//! The templates page's state, shared by its list and its form through a context: the templates as last read,
//! the form's entries and which template it edits, the delete being confirmed, and what the page says about the
//! last write (done, entries to fix, or a refusal the entries cannot fix).

use aduan_core::{NewTemplate, ResponseTemplate};
use leptos::prelude::*;

use super::rules::{field_problem, Entries, Problem};
use crate::components::form::focus_element;
use crate::console::api::StaffError;
use crate::console::report::rules::{refusal, Refusal};
use crate::console::session::use_session;

pub const DONE_ID: &str = "templates-done";
pub const NOTICE_ID: &str = "templates-refused";
pub const FORM_ID: &str = "template-form";

/// The form's fields, as text.
#[derive(Clone, Copy)]
pub struct Fields {
    pub action: RwSignal<String>,
    pub category_id: RwSignal<String>,
    pub title: RwSignal<String>,
    pub text_id: RwSignal<String>,
    pub text_en: RwSignal<String>,
}

impl Fields {
    fn new() -> Fields {
        Fields {
            action: RwSignal::new(String::new()),
            category_id: RwSignal::new(String::new()),
            title: RwSignal::new(String::new()),
            text_id: RwSignal::new(String::new()),
            text_en: RwSignal::new(String::new()),
        }
    }

    pub fn fill(&self, entries: Entries) {
        self.action.set(entries.action);
        self.category_id.set(entries.category_id);
        self.title.set(entries.title);
        self.text_id.set(entries.text_id);
        self.text_en.set(entries.text_en);
    }

    pub fn entries(&self) -> Entries {
        Entries {
            action: self.action.get_untracked(),
            category_id: self.category_id.get_untracked(),
            title: self.title.get_untracked(),
            text_id: self.text_id.get_untracked(),
            text_en: self.text_en.get_untracked(),
        }
    }
}

#[derive(Clone, Copy)]
pub struct TemplatesState {
    pub list: LocalResource<Result<Vec<ResponseTemplate>, StaffError>>,
    pub fields: Fields,
    /// The template the form edits; `None`: the form makes a new one.
    pub editing: RwSignal<Option<i64>>,
    /// The template whose deletion is being confirmed.
    pub confirming: RwSignal<Option<i64>>,
    /// What the last write did: the words key and the template's title.
    pub done: RwSignal<Option<(&'static str, String)>>,
    pub problems: RwSignal<Vec<Problem>>,
    pub notice: RwSignal<Option<&'static str>>,
    pub save: Action<(Option<i64>, NewTemplate), ()>,
    pub delete: Action<(i64, String), ()>,
}

impl TemplatesState {
    pub fn provide() -> TemplatesState {
        let session = use_session();
        let list = LocalResource::new(move || {
            let api = session.api();
            async move { api.templates(None).await }
        });
        let (done, problems, notice) = (RwSignal::new(None), RwSignal::new(vec![]), RwSignal::new(None));
        let (editing, confirming, fields) = (RwSignal::new(None), RwSignal::new(None), Fields::new());
        let save = Action::new_local(move |(id, template): &(Option<i64>, NewTemplate)| {
            let (api, id, template) = (session.api(), *id, template.clone());
            async move {
                let saved = match id {
                    Some(id) => api.replace_template(id, &template).await,
                    None => api.create_template(&template).await,
                };
                match saved {
                    Ok(saved) => {
                        editing.set(None);
                        fields.fill(Entries::default());
                        succeeded(done, list, ("saved", saved.title));
                    }
                    Err(error) => refused(&error, problems, notice, list, editing),
                }
            }
        });
        let delete = Action::new_local(move |(id, title): &(i64, String)| {
            let (api, id, title) = (session.api(), *id, title.clone());
            async move {
                confirming.set(None);
                match api.delete_template(id).await {
                    Ok(()) => succeeded(done, list, ("deleted", title)),
                    Err(error) => refused(&error, problems, notice, list, editing),
                }
            }
        });
        let state = TemplatesState {
            list,
            fields,
            editing,
            confirming,
            done,
            problems,
            notice,
            save,
            delete,
        };
        provide_context(state);
        state
    }

    /// A write is on its way: what was said about the last one goes.
    pub fn start(&self) {
        self.done.set(None);
        self.notice.set(None);
        self.problems.set(vec![]);
    }

    pub fn show_problems(&self, found: Vec<Problem>) {
        self.problems.set(found);
        request_animation_frame(|| focus_element("error-summary"));
    }

    /// The form takes `template`'s entries, to edit it.
    pub fn edit(&self, template: &ResponseTemplate) {
        self.start();
        self.fields.fill(Entries::of(template));
        self.editing.set(Some(template.id));
        request_animation_frame(|| focus_element(super::rules::ACTION_INPUT));
    }
}

fn succeeded(
    done: RwSignal<Option<(&'static str, String)>>,
    list: LocalResource<Result<Vec<ResponseTemplate>, StaffError>>,
    said: (&'static str, String),
) {
    done.set(Some(said));
    list.refetch();
    request_animation_frame(|| focus_element(DONE_ID));
}

/// A refused write: field errors at their inputs; a template deleted meanwhile is said and the list read again.
fn refused(
    error: &StaffError,
    problems: RwSignal<Vec<Problem>>,
    notice: RwSignal<Option<&'static str>>,
    list: LocalResource<Result<Vec<ResponseTemplate>, StaffError>>,
    editing: RwSignal<Option<i64>>,
) {
    let key = match (error.status(), refusal(error, field_problem)) {
        (_, Refusal::SignedOut) => return,
        (_, Refusal::Fields(found)) => {
            problems.set(found);
            request_animation_frame(|| focus_element("error-summary"));
            return;
        }
        (Some(403), _) => "refused.forbidden",
        (Some(404), _) => {
            editing.set(None);
            list.refetch();
            "refused.gone"
        }
        _ => "refused.failed",
    };
    notice.set(Some(key));
    request_animation_frame(|| focus_element(NOTICE_ID));
}
