//! What each backend protocol can carry.

use aduan_core::Status;

use crate::field::Field;

/// What a backend protocol can carry, so that pages ask for and show only that instead of showing it broken.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Features {
    /// The submission fields the backend stores; the others are not asked.
    pub fields: &'static [Field],
    /// Confidential reports, access codes, replies and ratings.
    pub reporter_access: bool,
    /// "I have this problem too".
    pub support: bool,
    /// Categories may ask their own questions (Open311 service attributes).
    pub category_questions: bool,
    /// Sends carry an idempotency key, so a retry can never make a second report.
    pub idempotent_sends: bool,
    /// Ticket numbers with a check character, so a typo is caught before any request.
    pub checked_tickets: bool,
    /// The statuses the backend tells apart; filters offer only these.
    pub statuses: &'static [Status],
    /// The SP4N-LAPOR! workflow: verification within 3 working days, first responses, escalations and
    /// ratings are recorded, so the receipt can promise them and their figures mean something. Without it
    /// (Open311) figures are computed in the browser from the request list.
    pub lapor_workflow: bool,
}

impl Features {
    pub fn asks(&self, field: Field) -> bool {
        self.fields.contains(&field)
    }
}
