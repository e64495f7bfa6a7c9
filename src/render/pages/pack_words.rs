//! Words of the review pack and the digest for the model's and the
//! analysis's labels (`breach`, `Steady state`, `critical`): each English
//! label names a message `pack-<group>-<label in kebab case>` of
//! `languages/<id>/pack.ftl`, whose English is the label itself.

use crate::render::language::Language;

/// The message id of an English label: `pack-status-low-volume`.
fn id(group: &str, english: &str) -> String {
    let slug: String = english
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("pack-{group}-{slug}")
}

/// The label in `language`; the English label itself when no message has it.
pub(crate) fn label(language: &Language, group: &str, english: &str) -> String {
    language
        .message(&id(group, english), None)
        .unwrap_or_else(|| english.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::rag::Rag;
    use crate::analyse::review::grid::CellStatus;
    use crate::analyse::sign_off::SignOffState;
    use crate::render::language::english;

    /// Every label the pack and the digest word has its message, and the
    /// English message is the label: the English pages read as before.
    #[test]
    fn every_label_has_its_english_message() {
        let mut labels: Vec<(&str, &str)> = Vec::new();
        for s in [SignOffState::Provisional, SignOffState::Disputed] {
            labels.push(("sign-off", s.as_str()));
        }
        for r in [Rag::Green, Rag::Amber, Rag::Red, Rag::Grey] {
            labels.push(("status", r.label()));
            labels.push(("status", r.shown(true).1));
        }
        for s in [
            CellStatus::Met,
            CellStatus::Breach,
            CellStatus::Default,
            CellStatus::Excused,
            CellStatus::LowVolume,
            CellStatus::Baselining,
            CellStatus::NotReported,
        ] {
            labels.push(("status", s.words()));
        }
        use crate::analyse::attention::DeadlineKind as D;
        for k in [
            D::NoticeDeadline,
            D::ReviewDue,
            D::ActionDue,
            D::RiskDue,
            D::GoalDue,
            D::Milestone,
            D::ObligationDue,
            D::EscalationTimeBox,
            D::RootCauseDue,
        ] {
            labels.push(("due", k.label()));
        }
        for (group, label) in labels {
            assert_eq!(
                english().message(&id(group, label), None).as_deref(),
                Some(label),
                "{}",
                id(group, label)
            );
        }
    }
}
