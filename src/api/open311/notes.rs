//! What an Open311 server sent that could not be used, and how lists were obtained, kept by the client for
//! the pages' quiet notes ("2 entries the server sent could not be read").

use aduan_core::open311::Basis;
use aduan_core::{ReportFilter, Status};

use super::Open311Client;

/// What the server sent that could not be used, kept for the pages to say so quietly.
#[derive(Debug, Default)]
pub(super) struct Unread {
    /// Services in the last `services.json`.
    pub(super) services: usize,
    /// Attributes or list values skipped in a service's definition, by service code.
    pub(super) questions: Vec<(String, usize)>,
    /// Services whose definition could not be read at all: said once, not offered again.
    pub(super) definitions: Vec<String>,
}

impl Open311Client {
    pub(super) fn note_unread(&self, note: impl FnOnce(&mut Unread)) {
        if let Ok(mut unread) = self.unread.lock() {
            note(&mut unread);
        }
    }

    /// Services the last `services.json` had that could not be read.
    pub fn skipped_services(&self) -> usize {
        self.unread.lock().map(|u| u.services).unwrap_or(0)
    }

    /// Questions (or their list values) of a service that could not be read, and whether its definition
    /// could not be read at all.
    pub fn skipped_questions(&self, service_code: &str) -> (usize, bool) {
        self.unread
            .lock()
            .map(|u| {
                let skipped = u
                    .questions
                    .iter()
                    .find(|(c, _)| c == service_code)
                    .map_or(0, |(_, n)| *n);
                (skipped, u.definitions.iter().any(|c| c == service_code))
            })
            .unwrap_or((0, false))
    }

    /// For the list last gathered for `filter` and `status`: elements that could not be read, and how the
    /// requests were obtained.
    pub fn listing_notes(&self, filter: &ReportFilter, status: Option<Status>) -> Option<(usize, Basis)> {
        let recent = self.recent.lock().ok()?;
        let listed = recent.iter().rev().find(|l| l.is_for(filter, status))?;
        Some((listed.skipped, listed.basis.clone()))
    }
}
