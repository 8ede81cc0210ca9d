//! The statistics page's views of one `/stats` answer: charts drawn as inline SVG, each with its data as a
//! table and a sentence, the sortable agency table, and downloads of what is shown.

pub mod agency_table;
pub mod bars;
pub mod basis;
pub mod channels;
pub mod monthly;
