//! Views of one tracked report: its details, its deadlines, its timeline, and what its reporter can do with the
//! access code.

pub mod attachments;
pub mod deadlines;
pub mod details;
pub mod reporter;
pub mod timeline;

use aduan_core::ReportView;
use leptos::prelude::*;

use crate::api::ApiError;

/// The report on the tracking page, shared by the page (which loads and refreshes it) and the reporter's
/// forms (whose answers replace it, so a reply shows in the timeline without a reload).
#[derive(Clone, Copy)]
pub struct Tracked {
    pub ticket: StoredValue<String>,
    pub report: RwSignal<Option<Result<ReportView, ApiError>>>,
    /// Set once the server has accepted it; kept in memory only, never stored on the device.
    pub access_code: RwSignal<Option<String>>,
}

impl Tracked {
    /// A value of the loaded report, or `default` while it loads or failed.
    pub fn with_report<T>(&self, default: T, f: impl FnOnce(&ReportView) -> T) -> T {
        self.report.with(|r| match r {
            Some(Ok(view)) => f(view),
            _ => default,
        })
    }
}
