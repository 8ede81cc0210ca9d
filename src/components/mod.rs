pub mod error_panel;
pub mod figures;
pub mod form;
pub mod qr;
pub mod submit;
pub mod layout;
pub mod title;
