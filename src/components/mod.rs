pub mod error_panel;
pub mod figures;
pub mod layout;
pub mod title;
