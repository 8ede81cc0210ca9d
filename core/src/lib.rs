//! Pure domain rules of Aduan, shared by the SPA and the reference server.
//! No web, database or async types live here, so everything is tested natively.

pub mod agency_table;
pub mod calendar;
pub mod channel;
pub mod contract;
pub mod contrast;
pub mod deadline;
pub mod duplicate;
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
pub mod listing;
pub mod monitoring;
pub mod open311;
pub mod staff;
pub mod stats;
pub mod status;
pub mod templates;
pub mod ticket;
pub mod validation;

pub use calendar::WorkingCalendar;
pub use channel::Channel;
pub use contract::*;
pub use deadline::{assess, DeadlineState};
pub use staff::{available_steps, current_deadline, QueueTab, Role, StepAction};
pub use status::{Actor, Status};
