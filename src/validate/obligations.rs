//! Checks of obligations (docs/check.md, "Obligations"): a due date in
//! range and a sane grace, and in notes, `fulfils` and `waives` naming the
//! engagement's obligations, each waiver with its reason. Ids (slugs, no
//! duplicate) are checked with the other id lists; `owner` and `every`
//! are closed lists the parser holds.

use super::Finding;
use super::ranges::{MAX_DAYS, YEARS_TEXT, year_in_range};
use crate::model::{Engagement, Note};
use crate::yaml::{closest, shorten};

pub(super) fn record(e: &Engagement, out: &mut Vec<Finding>) {
    for (i, o) in e.record.obligations.iter().enumerate() {
        if !year_in_range(o.due) {
            out.push(Finding::error(
                &e.source,
                format!("obligations.{i}.due="),
                format!(
                    "the obligation's due date {} is outside {YEARS_TEXT}: check the year",
                    o.due
                ),
            ));
        }
        if i64::from(o.grace_days) > MAX_DAYS {
            out.push(Finding::error(
                &e.source,
                format!("obligations.{i}.grace_days="),
                format!(
                    "grace_days is {}: use a number of days from 0 to {MAX_DAYS}, e.g. 5",
                    o.grace_days
                ),
            ));
        }
    }
}

pub(super) fn note(e: &Engagement, n: &Note, out: &mut Vec<Finding>) {
    let known: Vec<&str> = e.record.obligations.iter().map(|o| o.id.as_str()).collect();
    let unknown = |id: &str, path: String, out: &mut Vec<Finding>| {
        if known.contains(&id) {
            return;
        }
        let hint = closest(id, &known)
            .map(|c| format!("did you mean `{c}`? "))
            .unwrap_or_default();
        let listed = if known.is_empty() {
            format!(
                "{} has no `obligations:`; add the obligation there first",
                e.source.display()
            )
        } else {
            format!("the obligations are: {}", known.join(", "))
        };
        out.push(Finding::error(
            &n.source,
            path,
            format!(
                "obligation `{}` is not defined in {}: {hint}{listed}",
                shorten(id, 60),
                e.source.display()
            ),
        ));
    };
    for (i, id) in n.meta.fulfils.iter().enumerate() {
        unknown(id, format!("fulfils.{i}="), out);
    }
    for (i, w) in n.meta.waives.iter().enumerate() {
        unknown(&w.obligation, format!("waives.{i}.obligation="), out);
        if w.reason.trim().is_empty() {
            let path = if w.reason.is_empty() {
                format!("waives.{i}")
            } else {
                format!("waives.{i}.reason=")
            };
            out.push(Finding::error(
                &n.source,
                path,
                format!(
                    "the waiver of `{}` has no reason: write why this instance is waived, \
                     e.g. `reason: Agreed at the QBR to skip the December pack`",
                    shorten(&w.obligation, 60)
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::diagnostic::Diagnostic;
    use crate::load::load;

    fn check(engagement: &str, note: &str) -> Vec<Diagnostic> {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/acme/notes")).unwrap();
        std::fs::write(root.join("content/acme/engagement.yaml"), engagement).unwrap();
        std::fs::write(root.join("content/acme/notes/2026-03-04-pack.md"), note).unwrap();
        let loaded = load(root).unwrap();
        let mut all = loaded.diagnostics;
        all.extend(crate::validate::validate(
            &loaded.portfolio,
            &loaded.sources,
        ));
        all
    }

    const RECORD: &str = "name: Acme\nclient: { name: Acme Corp }\nprovider: { name: BPSource }\n\
phase: steady\nkpis:\n  - { id: acc, name: Accuracy, target: 99 }\nobligations:\n  \
- { id: soc2-report, title: SOC 2, owner: provider, every: yearly, due: 2026-03-31 }\n  \
- { id: rota, title: Rota, owner: client, every: monthly, due: 2026-01-05, grace_days: 2 }\n";

    fn said(d: &[Diagnostic], file: &str) -> Vec<(usize, usize, String)> {
        d.iter()
            .filter(|d| d.file == Path::new(file))
            .map(|d| (d.line, d.column, d.message.clone()))
            .collect()
    }

    #[test]
    fn unknown_ids_and_waivers_without_reason_are_errors_at_their_place() {
        let note = "---\ntitle: Pack\ndate: 2026-03-04\nfulfils: [soc2-reprot, rota]\nwaives:\n  \
- { obligation: rota }\n  - { obligation: nope, reason: skipped }\n---\nBody\n";
        let d = check(RECORD, note);
        let got = said(&d, "content/acme/notes/2026-03-04-pack.md");
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!((got[0].0, got[0].1), (4, 11));
        assert!(
            got[0].2.starts_with(
                "obligation `soc2-reprot` is not defined in content/acme/engagement.yaml: \
                 did you mean `soc2-report`?"
            ),
            "{}",
            got[0].2
        );
        assert_eq!(got[1].0, 6);
        assert!(got[1].2.starts_with("the waiver of `rota` has no reason"));
        assert_eq!((got[2].0, got[2].1), (7, 19));
        assert!(got[2].2.contains("the obligations are: soc2-report, rota"));
    }

    #[test]
    fn duplicate_ids_and_bad_values_in_the_record_are_errors() {
        let record = RECORD.replace("id: rota", "id: soc2-report");
        let d = check(&record, "---\ntitle: Pack\ndate: 2026-03-04\n---\n");
        let got = said(&d, "content/acme/engagement.yaml");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, 9);
        assert!(
            got[0]
                .2
                .contains("id `soc2-report` is used twice in obligations")
        );
        let record = RECORD.replace("every: monthly", "every: weekly");
        let d = check(&record, "---\ntitle: Pack\ndate: 2026-03-04\n---\n");
        let got = said(&d, "content/acme/engagement.yaml");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, 9);
        assert!(
            got[0].2.contains("monthly, quarterly, yearly"),
            "{}",
            got[0].2
        );
        let record = RECORD.replace("owner: client", "owner: vendor");
        let d = check(&record, "---\ntitle: Pack\ndate: 2026-03-04\n---\n");
        let got = said(&d, "content/acme/engagement.yaml");
        assert!(got[0].2.contains("client, provider"), "{}", got[0].2);
        let record = RECORD.replace("due: 2026-03-31", "due: 1826-03-31");
        let d = check(&record, "---\ntitle: Pack\ndate: 2026-03-04\n---\n");
        let got = said(&d, "content/acme/engagement.yaml");
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].2.contains("outside the years 1900 to 2200"));
    }
}
