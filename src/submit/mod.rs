//! The state of the submission flow, apart from its view (`pages/submit.rs`) and its steps
//! (`components/submit/`): the draft and where it is kept, how it is sent, and what a refusal means for
//! the form.

pub mod draft;
pub mod draft_store;
pub mod flow;
pub mod resolve;
pub mod sending;
pub mod server_problems;
