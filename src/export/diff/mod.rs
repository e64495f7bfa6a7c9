//! `rapporteur diff`: everything that changed between two revisions of a
//! report repository, per engagement — first every changed input (a KPI's
//! value or counts for a month, hours, survey answers, feedback, goals,
//! expectations, risks, milestones, excused months, KPI terms, the contract,
//! notes added, removed or edited) with the head's file and line, then every
//! figure that moved (health and components, each KPI's months, attainment,
//! pooled value, trend, breaches and defaults, credits accrued and payable,
//! flags raised and cleared). An input change that moves no figure is listed
//! all the same: a restated past month must not pass unseen.
//!
//! The changes are one data structure ([`Diff`]); Markdown (for a
//! pull-request comment) and JSON are two renderings of it, so they carry
//! the same changes (docs/export.md, "diff").

mod figures;
mod inputs;
mod locate;
pub(crate) mod markdown;
mod marks;
mod tree;

use chrono::NaiveDate;
use serde::Serialize;

pub use markdown::markdown;
pub use marks::Mark;
pub use tree::Edit;

use crate::site::Revision;

/// The version of the JSON shape of a diff.
pub const FORMAT: u32 = 1;

/// The two sides' names, as the heading shows them.
#[derive(Debug, Clone)]
pub struct Sides<'a> {
    pub base: &'a str,
    pub head: &'a str,
}

/// Every change between two revisions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    pub format: u32,
    pub base: String,
    pub head: String,
    pub as_of: NaiveDate,
    /// The audience and parties, in words.
    pub scope: String,
    /// Changes of `rapporteur.yaml`: they may move every engagement's figures.
    pub configuration: Vec<InputChange>,
    /// Engagements with at least one change, by id.
    pub engagements: Vec<EngagementDiff>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EngagementDiff {
    pub id: String,
    pub name: String,
    /// `changed`, or `added` / `removed` (a whole engagement, or one the
    /// scope now takes in or leaves out).
    pub edit: Edit,
    pub inputs: Vec<InputChange>,
    pub figures: Vec<FigureChange>,
}

/// What kind of input changed: the part of the content it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InputKind {
    Engagement,
    Contract,
    Kpi,
    Term,
    Goal,
    Expectation,
    Risk,
    Milestone,
    Obligation,
    /// A KPI's value or counts for a month.
    KpiValue,
    Hours,
    Survey,
    Feedback,
    Excused,
    /// Any other part of a period file (its sign-off, for one).
    Period,
    Note,
    Configuration,
}

impl InputKind {
    /// The word a change line starts with.
    pub fn noun(self) -> &'static str {
        match self {
            InputKind::Engagement => "Engagement",
            InputKind::Contract => "Contract",
            InputKind::Kpi => "KPI",
            InputKind::Term => "KPI term",
            InputKind::Goal => "Goal",
            InputKind::Expectation => "Expectation",
            InputKind::Risk => "Risk",
            InputKind::Milestone => "Milestone",
            InputKind::Obligation => "Obligation",
            InputKind::KpiValue => "Value",
            InputKind::Hours => "Hours",
            InputKind::Survey => "Survey",
            InputKind::Feedback => "Feedback",
            InputKind::Excused => "Excused",
            InputKind::Period => "Period",
            InputKind::Note => "Note",
            InputKind::Configuration => "Configuration",
        }
    }
}

/// Where a change is written: the head's file and line, or, for something
/// the head no longer has a file for, the base's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// Relative to the report root, with `/`.
    pub file: String,
    pub line: usize,
    /// `head`, or `base` when the file is gone in the head.
    pub revision: &'static str,
}

/// One changed input.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputChange {
    pub kind: InputKind,
    pub edit: Edit,
    /// What changed, in words: `Calls answered within 20 seconds, 2026-10`.
    pub subject: String,
    /// The month of a period's value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<crate::model::Month>,
    /// The value before and after, as a reader writes them; `null` on the
    /// side that has none.
    pub before: Option<String>,
    pub after: Option<String>,
    pub at: Location,
    /// "restated", "changed after sign-off": what a reviewer must not miss.
    pub marks: Vec<Mark>,
}

/// What kind of figure moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FigureKind {
    Health,
    Component,
    Performance,
    SlaAttainment,
    KpiMonth,
    KpiLatest,
    KpiAttainment,
    KpiPooled,
    KpiTrend,
    KpiScore,
    Breach,
    Default,
    CreditsAccrued,
    CreditsPayable,
    CreditsPending,
    CreditsEarnedBack,
    ServiceCredits,
    Chronic,
    Risks,
    Goals,
    Actions,
    /// Each side's on-time record of its obligations.
    Obligations,
    /// One instance of an obligation: its state.
    Obligation,
    Escalation,
    RootCause,
    Flag,
}

/// One figure that moved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureChange {
    pub kind: FigureKind,
    pub edit: Edit,
    /// Which figure: `Health`, `Calls answered within 20 seconds, 2026-10`.
    pub subject: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<crate::model::Month>,
    pub before: Option<String>,
    pub after: Option<String>,
    /// Why, where the analysis says (a component's reasons).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Diff {
    /// Every change between `base` and `head` (both computed with the same
    /// options and `as_of`).
    pub fn between(base: &Revision, head: &Revision, sides: &Sides, as_of: NaiveDate) -> Diff {
        let configuration = inputs::configuration(base, head);
        let b = &base.computed.export;
        let h = &head.computed.export;
        let mut ids: Vec<&str> = b
            .engagements
            .iter()
            .chain(&h.engagements)
            .map(|e| e.id.as_str())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let engagements = ids
            .into_iter()
            .filter_map(|id| {
                let fb = b.engagements.iter().find(|e| e.id == id);
                let fh = h.engagements.iter().find(|e| e.id == id);
                let name = fh.or(fb).map_or(id, |e| e.name.as_str()).to_string();
                let (edit, inputs, figures) = match (fb, fh) {
                    (Some(fb), Some(fh)) => (
                        Edit::Changed,
                        inputs::engagement(base, head, id, as_of),
                        figures::changes(fb, fh),
                    ),
                    (None, Some(fh)) => (
                        Edit::Added,
                        vec![inputs::whole_engagement(head, id, Edit::Added)],
                        figures::summary(fh, Edit::Added),
                    ),
                    (Some(fb), None) => (
                        Edit::Removed,
                        vec![inputs::whole_engagement(base, id, Edit::Removed)],
                        figures::summary(fb, Edit::Removed),
                    ),
                    (None, None) => return None,
                };
                (!inputs.is_empty() || !figures.is_empty()).then_some(EngagementDiff {
                    id: id.to_string(),
                    name,
                    edit,
                    inputs,
                    figures,
                })
            })
            .collect();
        Diff {
            format: FORMAT,
            base: sides.base.to_string(),
            head: sides.head.to_string(),
            as_of,
            scope: h.scope.describe(),
            configuration,
            engagements,
        }
    }

    /// Whether nothing changed at all.
    pub fn is_empty(&self) -> bool {
        self.configuration.is_empty() && self.engagements.is_empty()
    }

    /// Every input change, configuration first.
    pub fn inputs(&self) -> impl Iterator<Item = &InputChange> {
        self.configuration
            .iter()
            .chain(self.engagements.iter().flat_map(|e| &e.inputs))
    }

    /// What makes `diff --strict` fail: a change that must hold the pull
    /// request (`Mark::holds`), e.g. a value changed after sign-off.
    pub fn holds(&self) -> bool {
        self.inputs().any(|c| c.marks.iter().any(|m| m.holds()))
    }
}

#[cfg(test)]
mod tests;
