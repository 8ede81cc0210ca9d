//! Open311 GeoReport v2 (JSON format): its documents, written by the reference server under `/open311/v2/`
//! and read by the SPA when `config.json` says `backend.kind = "open311"`, and how the SPA reads and writes
//! such a server, as pure functions so that the mapping is tested natively. Open311 has no kinds, titles,
//! regions, confidentiality, access codes, attachments, ratings or workflow deadlines; those stay empty here
//! and the pages do not ask or show them.
//!
//! One module per subject; everything public is named from here (`aduan_core::open311::RequestGathering`).

mod answers;
mod category;
mod documents;
mod errors;
#[cfg(test)]
mod examples;
mod gathering;
#[cfg(test)]
mod gathering_checks;
mod lenient;
mod names;
mod read;
mod refusal;
mod requests;
mod stats;
mod time;
mod write;

pub use answers::{answer_field, answer_problems, answers_to_send, Answer};
pub use category::known_category;
pub use documents::{
    Attribute, AttributeValue, Open311Error, RequestCreated, Service, ServiceDefinition, ServiceRequest, TokenAnswer,
};
pub use errors::{problem_from_errors, SERVER_WORDS};
pub use gathering::{request_windows, Ask, Basis, RequestGathering, LIST_CAP, MAX_LIST_ASKS, WINDOW_DAYS};
pub use lenient::{read_each, read_one, Readable};
pub use names::{field_of, parameter_of, status_from_open311, status_of, PARAMETERS};
pub use read::{
    looks_like_xml, notice_of, parse_request_id, portal_from_services, questions_in_order, report_from_request, ID_MAX,
};
pub use refusal::{server_words, WORDS_MAX};
pub use requests::{list_page, requests_query, summary_from_request};
pub use stats::stats_from_requests;
pub use time::{instant, offset_text};
pub use write::request_form;
