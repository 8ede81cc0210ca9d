pub mod config_error;
pub mod home;
pub mod not_found;
pub mod reports;
pub mod stats;
pub mod submit;
pub mod track;
pub mod track_ticket;
