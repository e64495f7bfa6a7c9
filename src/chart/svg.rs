//! The SVG envelope: runs a plotters drawing into a string and turns it into
//! an accessible, responsive `<svg>` element.
//!
//! plotters writes `<svg width=.. height=.. viewBox=..>` followed by one tag
//! per line. [`render`] replaces that opening tag with one that has a
//! `viewBox` but no fixed size, `role="img"` and `aria-labelledby`, inserts
//! `<title>` and `<desc>` as the first children, rounds font sizes, drops
//! redundant `opacity="1"` attributes and dashes the lines drawn in the
//! palette's dash-marker colours. It also owns XML escaping and the
//! sanitising of ids and label text.

use std::error::Error;
use std::fmt::Write as _;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::palette;

/// The root drawing area every chart draws on.
pub(crate) type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;
/// What drawing code returns; any plotters error ends in the fallback SVG.
pub(crate) type DrawResult = Result<(), Box<dyn Error>>;

/// Identity and size of one SVG.
pub(crate) struct Frame<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub desc: &'a str,
    /// The viewBox size.
    pub width: u32,
    pub height: u32,
    /// Drawing resolution: plotters works in whole pixels, so a tiny chart
    /// is drawn `scale` times larger and scaled back down in the SVG.
    pub scale: u32,
}

/// Draw on a white background with `draw`, then wrap the result.
///
/// If drawing fails, the SVG says "Chart unavailable" instead; the caller's
/// data table still carries the data.
pub(crate) fn render(frame: &Frame, draw: impl FnOnce(&Area) -> DrawResult) -> String {
    let mut raw = String::new();
    let drawn = {
        let size = (frame.width * frame.scale, frame.height * frame.scale);
        let root = SVGBackend::with_string(&mut raw, size).into_drawing_area();
        let result = root
            .fill(&palette::BACKGROUND)
            .map_err(Box::<dyn Error>::from)
            .and_then(|()| draw(&root))
            .and_then(|()| root.present().map_err(Box::<dyn Error>::from));
        result.is_ok()
    };
    if !drawn {
        raw = fallback(frame.width * frame.scale, frame.height * frame.scale);
    }
    wrap(frame, &raw)
}

/// The body of an SVG whose drawing failed.
fn fallback(width: u32, height: u32) -> String {
    format!(
        "<svg>\n<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"{}\"/>\n\
         <text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-family=\"sans-serif\" \
         font-size=\"14\" fill=\"{}\">Chart unavailable: see the data table</text>\n</svg>\n",
        palette::hex(palette::BACKGROUND),
        width / 2,
        height / 2,
        palette::hex(palette::INK),
    )
}

/// Replace plotters' opening tag and post-process the body line by line.
fn wrap(frame: &Frame, raw: &str) -> String {
    let body = raw.find(">\n").map_or("", |end| &raw[end + 2..]);
    let id = frame.id;
    let mut out = String::with_capacity(raw.len() + 512);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" \
         class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">\n\
         <title id=\"{id}-title\">{title}</title>\n<desc id=\"{id}-desc\">{desc}</desc>\n",
        w = frame.width,
        h = frame.height,
        title = escape(frame.title),
        desc = escape(frame.desc),
    );
    let dashed = [
        (palette::hex(palette::REFERENCE), "7 4"),
        (palette::hex(palette::DATA_PROVISIONAL), "4 3"),
    ];
    let scaled = frame.scale > 1;
    if scaled {
        let _ = writeln!(
            out,
            "<g transform=\"scale({})\">",
            number(1.0 / f64::from(frame.scale), 4)
        );
    }
    for line in body.lines() {
        if scaled && line == "</svg>" {
            out.push_str("</g>\n");
        }
        out.push_str(&post_process(line, &dashed));
        out.push('\n');
    }
    out
}

/// Tidy one line of plotters output.
fn post_process(line: &str, dashed: &[(String, &str)]) -> String {
    let mut line = line.replace(" opacity=\"1\"", "");
    if let Some(start) = line.find("font-size=\"") {
        let value_start = start + "font-size=\"".len();
        if let Some(len) = line[value_start..].find('"') {
            let size: f64 = line[value_start..value_start + len].parse().unwrap_or(12.0);
            line.replace_range(value_start..value_start + len, &number(size, 1));
        }
    }
    if line.starts_with("<polyline ") || line.starts_with("<line ") {
        for (colour, pattern) in dashed {
            if line.contains(&format!("stroke=\"{colour}\"")) {
                line = line.replacen(' ', &format!(" stroke-dasharray=\"{pattern}\" "), 1);
            }
        }
    }
    line
}

/// Escape text for XML content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text).chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Label text safe to hand to plotters: one line, no characters XML forbids.
///
/// plotters escapes markup itself but passes control characters through,
/// and a newline would split its one-tag-per-line output.
pub(crate) fn clean(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// An id prefix usable in `id` and `aria-labelledby`: ASCII letters, digits,
/// `-` and `_`, starting with a letter.
pub(crate) fn sanitize_id(id: &str) -> String {
    let body: String = id
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if body.starts_with(|c: char| c.is_ascii_alphabetic()) {
        body
    } else {
        format!("chart-{body}")
    }
}

/// A number with at most `decimals` decimals, trailing zeros dropped and no
/// negative zero: 95.0 -> "95", 96.25 (1) -> "96.3" (rounded half to even
/// as `format!` does), -0.0 -> "0".
pub(crate) fn number(value: f64, decimals: usize) -> String {
    if value.abs() >= 1e12 {
        // Absurd magnitudes stay short.
        return format!("{value:.2e}");
    }
    let mut text = format!("{value:.decimals$}");
    if text.contains('.') {
        while text.ends_with('0') {
            text.pop();
        }
        if text.ends_with('.') {
            text.pop();
        }
    }
    if text == "-0" { "0".to_string() } else { text }
}
