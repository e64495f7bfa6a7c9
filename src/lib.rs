//! rapporteur: static relationship reports for outsourcing engagements.
//!
//! The pipeline, one module per stage, data flowing one way:
//! `load` -> `validate` -> `analyse` -> `chart` -> `render` -> `output`.

pub mod chart;
pub mod config;
pub mod diagnostic;
pub mod error;
pub mod load;
pub mod model;
pub mod yaml;
