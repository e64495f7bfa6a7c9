//! rapporteur: static relationship reports for outsourcing engagements.
//!
//! The pipeline, one module per stage, data flowing one way:
//! `load` -> `validate` (both run by `check`, with the theme's templates)
//! -> `scope` -> `analyse` -> `render` (which draws its charts with
//! `chart`) -> `output`. `site` is the one driver: `build`, `check`,
//! `serve` (through `live`), `export` and `diff` (`site::figures`) all run
//! these stage functions through it.

pub mod analyse;
pub(crate) mod chart;
pub(crate) mod check;
pub mod cmd;
pub(crate) mod components;
pub mod diagnostic;
pub mod error;
pub(crate) mod export;
pub(crate) mod format;
pub(crate) mod git;
pub mod import;
pub mod live;
pub mod load;
pub mod model;
/// `rapporteur.yaml`, part of the model (`model::config`).
pub use model::config;
pub(crate) mod names;
pub(crate) mod notelinks;
pub mod output;
pub mod render;
pub(crate) mod scaffold;
pub(crate) mod schema;
pub(crate) mod scope;
mod serve;
pub mod site;
pub(crate) mod stopwatch;
pub mod text;
pub mod validate;
pub mod yaml;

/// The colour language as CSS (the `palette.css` every build writes): the
/// status colours of both schemes and the dark scheme's repainting of charts.
pub fn palette_css() -> String {
    chart::stylesheet()
}
