//! The words of the PDF layout (`review.typ`), from the language's messages.
//!
//! A message is HTML (the pack's template prints it), so for Typst it is
//! made plain: `<strong>` and `</strong>` become [`BOLD`], other tags are
//! dropped and entities decoded. Each argument is left as a marker,
//! [`ARG`]`name`[`ARG`], that the layout's `say` replaces by its value:
//! a value of the content is never written into Typst markup.

use fluent_bundle::{FluentArgs, FluentValue};
use serde_json::{Map, Value};

use crate::render::language::Language;

/// Around an argument's name in a worded message.
const ARG: char = '\u{E000}';
/// Opens and closes bold text in a worded message.
const BOLD: char = '\u{E001}';

/// The messages the layout says, by id.
const MESSAGES: &[&str] = &[
    "pack-html-title",
    "pack-kicker",
    "pack-prepared-for",
    "pack-edition-shared",
    "pack-edition-internal",
    "pack-internal-edition",
    "pack-party-owner",
    "pack-party-client",
    "pack-party-client-owner",
    "pack-party-provider",
    "pack-party-provider-owner",
    "pack-parties-shared",
    "pack-pdf-parties-internal",
    "pack-dates",
    "pack-footer",
    "pack-page-of",
    "pack-tag-internal",
    "pack-tag-sla",
    "pack-summary-h",
    "pack-partner-view",
    "pack-health-end",
    "pack-health-end-change",
    "pack-score-line",
    "pack-grid-caption",
    "pack-col-sla",
    "pack-col-target",
    "pack-col-quarter",
    "pack-credits-row",
    "pack-not-agreed",
    "pack-grid-note",
    "pack-grid-settlement",
    "pack-no-sla",
    "pack-issues-h",
    "pack-issues-more",
    "pack-no-issues",
    "pack-decisions-h",
    "pack-more-here",
    "pack-no-decisions",
    "pack-wins-h",
    "pack-no-wins",
    "pack-kpis-h",
    "pack-kpis-intro",
    "pack-kpis-caption",
    "pack-col-kpi",
    "pack-col-owner",
    "pack-col-score",
    "pack-kpi-pooled",
    "pack-no-kpis",
    "pack-charts-h",
    "pack-charts-note",
    "pack-credits-h",
    "pack-at-risk",
    "pack-credits-due",
    "pack-credits-caption",
    "pack-col-month",
    "pack-col-in-default",
    "pack-col-accrued",
    "pack-col-earned-back",
    "pack-col-pending",
    "pack-col-payable",
    "pack-col-breaches",
    "pack-col-credit",
    "pack-col-amount",
    "pack-no-credits",
    "pack-trust-h",
    "pack-trust-intro",
    "pack-pdf-survey-caption",
    "pack-pdf-col-dimension",
    "pack-side-client",
    "pack-side-provider",
    "pack-pdf-col-gap",
    "pack-pdf-col-flag",
    "pack-pdf-perception-gap",
    "pack-pdf-none",
    "pack-no-survey",
    "pack-actions-h",
    "pack-actions-caption",
    "pack-pdf-col-action",
    "pack-pdf-col-due",
    "pack-pdf-col-state",
    "pack-pdf-col-from",
    "pack-no-actions",
    "pack-events-h",
    "pack-milestones-h",
    "pack-pdf-celebrated",
    "pack-pdf-not-celebrated",
    "pack-no-milestones",
    "pack-meetings-h",
    "pack-no-meetings",
    "pack-more-h",
    "pack-decisions-more-h",
    "pack-wins-more-h",
    "pack-flags-h",
    "pack-no-flags",
    "pack-health-h",
    "pack-pdf-health-intro",
    "pack-pdf-health-caption",
    "pack-pdf-col-component",
    "pack-pdf-col-weight",
    "pack-pdf-col-share",
    "pack-band-no-data",
    "pack-data-h",
];

/// Every argument name the messages above use; a message ignores the rest.
const ARGS: &[&str] = &[
    "accrued",
    "as_of",
    "attainment",
    "band",
    "built",
    "change",
    "client",
    "count",
    "date",
    "earned",
    "edition",
    "figures",
    "first",
    "gap",
    "here",
    "last",
    "limit",
    "month",
    "more",
    "name",
    "owner",
    "page",
    "pages",
    "party",
    "payable",
    "pending",
    "phase",
    "pooled",
    "provider",
    "quarter",
    "score",
    "settlement",
    "span",
    "spelled",
    "terms",
    "total",
    "window",
];

/// `w` of the layout: each message, plain, its arguments as markers.
pub(super) fn layout(language: &Language) -> Value {
    let mut args = FluentArgs::new();
    for name in ARGS {
        args.set(*name, FluentValue::from(format!("{ARG}{name}{ARG}")));
    }
    let words: Map<String, Value> = MESSAGES
        .iter()
        .map(|id| {
            let html = language.message(id, Some(&args)).unwrap_or_default();
            (id.to_string(), Value::String(plain(&html)))
        })
        .collect();
    Value::Object(words)
}

/// `3 actions` for each meeting of the pack, in order: a count chooses its
/// plural form here, where the language's plural rules are.
pub(super) fn meeting_actions(language: &Language, meetings: Option<&Value>) -> Value {
    let counts = meetings
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    counts
        .iter()
        .map(|m| {
            let count = m.get("actions").and_then(Value::as_i64).unwrap_or(0);
            let mut args = FluentArgs::new();
            args.set("count", FluentValue::from(count));
            let html = language
                .message("pack-pdf-meeting-actions", Some(&args))
                .unwrap_or_default();
            Value::String(plain(&html))
        })
        .collect()
}

/// A message's HTML as plain text, `<strong>` as [`BOLD`].
fn plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = &rest[open + 1..open + close];
        if tag == "strong" || tag == "/strong" {
            out.push(BOLD);
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::language::english;

    #[test]
    fn markup_becomes_plain_text_and_bold_marks() {
        assert_eq!(
            plain("Prepared for <strong>A</strong> <span class=\"x\">&amp; B</span>"),
            "Prepared for \u{E001}A\u{E001} & B"
        );
    }

    #[test]
    fn every_message_of_the_layout_is_worded_with_markers() {
        let w = layout(english());
        for id in MESSAGES {
            let text = w[id].as_str().unwrap_or_default();
            assert!(!text.is_empty() && !text.contains(id), "{id}");
        }
        assert_eq!(
            w["pack-kicker"],
            "Quarterly business review · \u{E000}quarter\u{E000} · \u{E000}spelled\u{E000}"
        );
    }

    #[test]
    fn a_count_chooses_its_plural() {
        let meetings = serde_json::json!([{"actions": 1}, {"actions": 3}]);
        assert_eq!(
            meeting_actions(english(), Some(&meetings)),
            serde_json::json!(["1 action", "3 actions"])
        );
    }
}
