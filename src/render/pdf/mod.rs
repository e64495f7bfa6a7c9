//! `build --pdf`: each review pack typeset again as an A4 PDF beside its
//! HTML page (docs/publishing.md), by Typst used as a library.
//!
//! The PDF is made from the very data the pack's template gets: the page's
//! context goes to Typst as a JSON file, which the layout (`review.typ`,
//! compiled in) reads with `json()`. No text of the content is ever written
//! into Typst markup, so a title holding `#`, `*`, `$` or `]` is shown as it
//! is and can never run as Typst code. Charts are the SVG the chart module
//! drew for the page; Typst keeps them as vectors.
//!
//! The layout's own words come in the data too (`w`), worded in the build's
//! language (docs/languages.md): figures and dates are already written by
//! the view, so the layout adds no English of its own.

use chrono::{Datelike, NaiveDate};

use crate::diagnostic::Diagnostic;
use crate::render::language::Language;

mod words;

#[cfg(feature = "pdf")]
mod world;

/// Whether this binary can write PDFs (the cargo feature `pdf`).
pub const AVAILABLE: bool = cfg!(feature = "pdf");

/// The layout of a review pack, in Typst.
const REVIEW_LAYOUT: &str = include_str!("review.typ");

/// One PDF to typeset: where it goes and what it shows.
pub(crate) struct PdfJob {
    /// In the output, beside the HTML page (`.../review/2026-Q3.pdf`).
    pub path: String,
    /// The page's template context, as JSON.
    pub data: Vec<u8>,
    /// The build's report date: the PDF's creation date, so that two builds
    /// with the same `as_of` give the same bytes.
    pub as_of: NaiveDate,
}

impl PdfJob {
    /// A review pack's PDF, from the context its HTML page is filled with.
    pub(crate) fn review(
        html_path: &str,
        context: &tera::Context,
        as_of: NaiveDate,
        language: &Language,
    ) -> PdfJob {
        // What the layout reads: the template's values, by the same names.
        let mut data = serde_json::Map::new();
        for key in ["site", "page", "r", "partner"] {
            let value = context
                .get(key)
                .and_then(|v| serde_json::to_value(v).ok())
                .unwrap_or_default();
            data.insert(key.into(), value);
        }
        data.insert("palette".into(), crate::chart::print_tones());
        data.insert("w".into(), words::layout(language));
        let meetings = data.get("r").and_then(|r| r.get("meetings"));
        data.insert(
            "meeting_actions".into(),
            words::meeting_actions(language, meetings),
        );
        PdfJob {
            path: pdf_path(html_path),
            data: serde_json::to_vec(&data).unwrap_or_default(),
            as_of,
        }
    }

    /// The PDF's bytes, or what Typst reported, named after the layout.
    pub(crate) fn typeset(&self) -> Result<Vec<u8>, Diagnostic> {
        typeset(REVIEW_LAYOUT, self)
    }
}

fn pdf_path(html_path: &str) -> String {
    match html_path.strip_suffix(".html") {
        Some(stem) => format!("{stem}.pdf"),
        None => format!("{html_path}.pdf"),
    }
}

/// The PDF's creation date: midnight UTC of the report date.
fn created(as_of: NaiveDate) -> (i32, u8, u8) {
    // Month and day of a NaiveDate always fit a u8.
    (as_of.year(), as_of.month() as u8, as_of.day() as u8)
}

#[cfg(feature = "pdf")]
fn typeset(layout: &str, job: &PdfJob) -> Result<Vec<u8>, Diagnostic> {
    world::typeset(layout, &job.data, created(job.as_of), &job.path)
        .map_err(|message| Diagnostic::error(&job.path, format!("PDF not made: {message}")))
}

#[cfg(not(feature = "pdf"))]
fn typeset(_layout: &str, job: &PdfJob) -> Result<Vec<u8>, Diagnostic> {
    // Never reached: `build` refuses `--pdf` first (src/cmd/build.rs).
    let _ = (created(job.as_of), &job.data);
    Err(Diagnostic::error(
        &job.path,
        "PDF not made: this rapporteur was built without the `pdf` feature",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pdf_sits_beside_the_page() {
        assert_eq!(
            pdf_path("engagements/a/review/2026-Q3.html"),
            "engagements/a/review/2026-Q3.pdf"
        );
    }
}
