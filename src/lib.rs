//! rapporteur: static relationship reports for outsourcing engagements.
//!
//! The pipeline, one module per stage, data flowing one way:
//! `load` -> `validate` -> `scope` -> `analyse` -> `chart` -> `render` ->
//! `output`, run in that order by `site::build`.

pub mod analyse;
pub mod chart;
pub mod check;
pub mod cmd;
pub mod components;
pub mod config;
pub mod diagnostic;
pub mod error;
pub mod export;
pub mod format;
pub mod live;
pub mod load;
pub mod model;
pub(crate) mod names;
pub mod notelinks;
pub mod output;
pub mod render;
pub(crate) mod scaffold;
pub mod scope;
pub mod site;
pub mod stopwatch;
pub mod validate;
pub mod yaml;
