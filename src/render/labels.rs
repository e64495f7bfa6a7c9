//! Words for the model's enums, as a reader sees them, in the build's
//! language (messages `eng-phase-…`, `eng-note-kind-…`, … of
//! `languages/<id>/eng.ftl`).

use super::language::Language;
use crate::analyse::escalations::EscalationState;
use crate::analyse::flags::Severity;
use crate::analyse::kpi::TrendDirection;
use crate::analyse::obligations::InstanceState;
use crate::analyse::rag::Rag;
use crate::analyse::risk::RiskRating;
use crate::model::{
    Audience, Direction, FeedbackKind, Frequency, GoalStatus, NoteKind, Phase, Recurrence,
    RiskOwner, RiskStatus, Side,
};

pub fn phase(p: Phase, l: &Language) -> String {
    l.word(match p {
        Phase::Prospecting => "eng-phase-prospecting",
        Phase::Transition => "eng-phase-transition",
        Phase::Steady => "eng-phase-steady",
        Phase::Mature => "eng-phase-mature",
        Phase::Renewal => "eng-phase-renewal",
        Phase::Exit => "eng-phase-exit",
    })
}

pub fn note_kind(k: NoteKind, l: &Language) -> String {
    l.word(match k {
        NoteKind::CheckIn => "eng-note-kind-check-in",
        NoteKind::Review => "eng-note-kind-review",
        NoteKind::Escalation => "eng-note-kind-escalation",
        NoteKind::Workshop => "eng-note-kind-workshop",
        NoteKind::Celebration => "eng-note-kind-celebration",
        NoteKind::Note => "eng-note-kind-note",
    })
}

pub fn audience(a: Audience, l: &Language) -> String {
    l.word(match a {
        Audience::Internal => "eng-audience-internal",
        Audience::Shared => "eng-audience-shared",
    })
}

pub fn side(s: Side, l: &Language) -> String {
    l.word(match s {
        Side::Client => "eng-side-client",
        Side::Provider => "eng-side-provider",
    })
}

/// A side inside a sentence: `client` in English, `Kunde` in German.
pub fn side_in_text(s: Side, l: &Language) -> String {
    l.word(match s {
        Side::Client => "eng-side-client-lower",
        Side::Provider => "eng-side-provider-lower",
    })
}

pub fn direction(d: Direction, l: &Language) -> String {
    l.word(match d {
        Direction::Higher => "eng-direction-higher",
        Direction::Lower => "eng-direction-lower",
    })
}

pub fn frequency(f: Frequency, l: &Language) -> String {
    l.word(match f {
        Frequency::Weekly => "eng-frequency-weekly",
        Frequency::Biweekly => "eng-frequency-biweekly",
        Frequency::Monthly => "eng-frequency-monthly",
        Frequency::Quarterly => "eng-frequency-quarterly",
    })
}

/// How often an obligation recurs: "every month".
pub fn recurrence(r: Recurrence, l: &Language) -> String {
    l.word(match r {
        Recurrence::Monthly => "eng-every-month",
        Recurrence::Quarterly => "eng-every-quarter",
        Recurrence::Yearly => "eng-every-year",
    })
}

pub fn goal_status(s: GoalStatus, l: &Language) -> String {
    l.word(match s {
        GoalStatus::OnTrack => "eng-goal-on-track",
        GoalStatus::AtRisk => "eng-goal-at-risk",
        GoalStatus::OffTrack => "eng-goal-off-track",
        GoalStatus::Done => "eng-goal-done",
        GoalStatus::Dropped => "eng-goal-dropped",
    })
}

pub fn feedback_kind(k: FeedbackKind, l: &Language) -> String {
    l.word(match k {
        FeedbackKind::Praise => "eng-feedback-kind-praise",
        FeedbackKind::Concern => "eng-feedback-kind-concern",
        FeedbackKind::Suggestion => "eng-feedback-kind-suggestion",
    })
}

pub fn risk_owner(o: RiskOwner, l: &Language) -> String {
    l.word(match o {
        RiskOwner::Client => "eng-risk-owner-client",
        RiskOwner::Provider => "eng-risk-owner-provider",
        RiskOwner::Both => "eng-risk-owner-both",
    })
}

pub fn risk_status(s: RiskStatus, l: &Language) -> String {
    l.word(match s {
        RiskStatus::Open => "eng-risk-status-open",
        RiskStatus::Mitigating => "eng-risk-status-mitigating",
        RiskStatus::Closed => "eng-risk-status-closed",
    })
}

/// A KPI month's status words (`Rag::shown`): a miss of an SLA KPI is a
/// breach.
pub fn kpi_status(rag: Rag, sla: bool, l: &Language) -> String {
    l.word(match rag {
        Rag::Amber | Rag::Red if sla => "eng-kpi-breach",
        Rag::Green => "eng-kpi-on-target",
        Rag::Amber => "eng-kpi-near-target",
        Rag::Red => "eng-kpi-off-target",
        Rag::Grey => "eng-not-reported",
    })
}

/// A colour's name, for screen readers beside a coloured figure.
pub fn colour(rag: Rag, l: &Language) -> String {
    l.word(match rag {
        Rag::Green => "eng-rag-green",
        Rag::Amber => "eng-rag-amber",
        Rag::Red => "eng-rag-red",
        Rag::Grey => "eng-rag-grey",
    })
}

pub fn trend(d: TrendDirection, l: &Language) -> String {
    l.word(match d {
        TrendDirection::Improving => "eng-trend-improving",
        TrendDirection::Flat => "eng-trend-flat",
        TrendDirection::Declining => "eng-trend-declining",
    })
}

pub fn risk_rating(r: RiskRating, l: &Language) -> String {
    l.word(match r {
        RiskRating::Low => "eng-rating-low",
        RiskRating::Medium => "eng-rating-medium",
        RiskRating::High => "eng-rating-high",
        RiskRating::Critical => "eng-rating-critical",
    })
}

pub fn instance_state(s: InstanceState, l: &Language) -> String {
    l.word(match s {
        InstanceState::Overdue => "eng-overdue",
        InstanceState::DueSoon => "eng-instance-due-soon",
        InstanceState::Upcoming => "eng-instance-upcoming",
        InstanceState::FulfilledLate => "eng-instance-fulfilled-late",
        InstanceState::Fulfilled => "eng-instance-fulfilled",
        InstanceState::Waived => "eng-instance-waived",
    })
}

pub fn escalation_state(s: EscalationState, l: &Language) -> String {
    l.word(match s {
        EscalationState::Open => "eng-escalation-open",
        EscalationState::Raised => "eng-escalation-raised",
        EscalationState::Resolved => "eng-escalation-resolved",
    })
}

pub fn severity(s: Severity, l: &Language) -> String {
    l.word(match s {
        Severity::Critical => "eng-severity-critical",
        Severity::Warning => "eng-severity-warning",
        Severity::Info => "eng-severity-info",
    })
}

/// The words for a health band.
pub fn band(b: Rag, l: &Language) -> String {
    l.word(match b {
        Rag::Green => "eng-band-healthy",
        Rag::Amber => "eng-band-needs-attention",
        Rag::Red => "eng-band-at-risk",
        Rag::Grey => "eng-no-data",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::language::english;

    #[test]
    fn english_words_are_as_before() {
        let l = english();
        assert_eq!(phase(Phase::Steady, l), "Steady state");
        assert_eq!(note_kind(NoteKind::CheckIn, l), "Check-in");
        assert_eq!(goal_status(GoalStatus::OffTrack, l), "Off track");
        assert_eq!(direction(Direction::Lower, l), "lower is better");
        assert_eq!(frequency(Frequency::Biweekly, l), "biweekly");
        assert_eq!(side_in_text(Side::Client, l), "client");
    }
}
