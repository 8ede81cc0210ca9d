//! The JSON shapes of the `/api/v1` contract (see `public/openapi.yaml`). Field names are part of the
//! contract: other backends and clients rely on them.
//!
//! One module per subject, all re-exported here (and at the crate root), so users name `aduan_core::Portal`
//! rather than where it is defined.

mod listing;
mod monitoring;
mod portal;
mod problem;
mod report_view;
mod staff;
mod statistics;
mod submission;
mod templates;

pub use listing::*;
pub use monitoring::*;
pub use portal::*;
pub use problem::*;
pub use report_view::*;
pub use staff::*;
pub use statistics::*;
pub use submission::*;
pub use templates::*;
