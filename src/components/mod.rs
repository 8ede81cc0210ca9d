pub mod error_panel;
pub mod figures;
pub mod form;
pub mod submit;
pub mod layout;
pub mod title;
