//! Words for the model's enums, as a reader sees them.

use crate::model::{
    Audience, Direction, FeedbackKind, GoalStatus, NoteKind, Phase, RiskOwner, RiskStatus, Side,
};

pub fn phase(p: Phase) -> &'static str {
    match p {
        Phase::Prospecting => "Prospecting",
        Phase::Transition => "Transition",
        Phase::Steady => "Steady state",
        Phase::Mature => "Mature",
        Phase::Renewal => "Renewal",
        Phase::Exit => "Exit",
    }
}

pub fn note_kind(k: NoteKind) -> &'static str {
    match k {
        NoteKind::CheckIn => "Check-in",
        NoteKind::Review => "Review",
        NoteKind::Escalation => "Escalation",
        NoteKind::Workshop => "Workshop",
        NoteKind::Celebration => "Celebration",
        NoteKind::Note => "Note",
    }
}

pub fn audience(a: Audience) -> &'static str {
    match a {
        Audience::Internal => "Internal",
        Audience::Shared => "Shared",
    }
}

pub fn side(s: Side) -> &'static str {
    match s {
        Side::Client => "Client",
        Side::Provider => "Provider",
    }
}

pub fn direction(d: Direction) -> &'static str {
    match d {
        Direction::Higher => "higher is better",
        Direction::Lower => "lower is better",
    }
}

pub fn goal_status(s: GoalStatus) -> &'static str {
    match s {
        GoalStatus::OnTrack => "On track",
        GoalStatus::AtRisk => "At risk",
        GoalStatus::OffTrack => "Off track",
        GoalStatus::Done => "Done",
        GoalStatus::Dropped => "Dropped",
    }
}

pub fn feedback_kind(k: FeedbackKind) -> &'static str {
    match k {
        FeedbackKind::Praise => "Praise",
        FeedbackKind::Concern => "Concern",
        FeedbackKind::Suggestion => "Suggestion",
    }
}

pub fn risk_owner(o: RiskOwner) -> &'static str {
    match o {
        RiskOwner::Client => "Client",
        RiskOwner::Provider => "Provider",
        RiskOwner::Both => "Both",
    }
}

pub fn risk_status(s: RiskStatus) -> &'static str {
    match s {
        RiskStatus::Open => "Open",
        RiskStatus::Mitigating => "Mitigating",
        RiskStatus::Closed => "Closed",
    }
}
