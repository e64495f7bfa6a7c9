//! Analyse: the pure figures of DESIGN.md ("Figures and formulas"), computed
//! from an audience-filtered model and a report date, with no I/O.

pub mod kpi;
pub mod rag;
pub mod stats;
#[cfg(test)]
mod testkit;
pub mod window;
pub mod words;
pub mod cadence;
pub mod credits;
pub mod workload;
pub mod feedback;
pub mod risk;
pub mod trust;
pub mod actions;
pub mod celebrations;
pub mod contract;
pub mod goals;
