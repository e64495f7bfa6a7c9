//! The SVG envelope: runs a drawing on our plotters backend
//! (`backend.rs`) and writes the elements it recorded as an accessible,
//! responsive `<svg>` element.
//!
//! The opening tag has a `viewBox` but no fixed size, `role="img"`,
//! `aria-labelledby` and the font family; `<title>` and `<desc>` are the
//! first children. The drawing is written compactly: consecutive elements of
//! one style share a `<g>` that carries it (most of a chart's bytes would be
//! repeated style attributes), and runs of straight axis, grid and hatching
//! lines become one `<path>`. This module also owns XML escaping and the
//! sanitising of ids and label text.

use std::error::Error;
use std::fmt::Write as _;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::axis::Size;
use super::backend::{Element, SvgCanvas};
use super::palette;
use crate::format::number;
use crate::render::language::Language;

/// The root drawing area every chart draws on.
pub(crate) type Area<'a> = DrawingArea<SvgCanvas<'a>, Shift>;
/// What drawing code returns; any plotters error ends in the fallback SVG.
pub(crate) type DrawResult = Result<(), Box<dyn Error>>;

/// Identity and size of one SVG.
pub(crate) struct Frame<'a> {
    /// Prefix of the ids inside the SVG, unique in the page.
    pub id: String,
    pub title: &'a str,
    pub desc: &'a str,
    /// The viewBox size.
    pub width: u32,
    pub height: u32,
    /// Drawing resolution: plotters works in whole pixels, so a tiny chart
    /// is drawn `scale` times larger and scaled back down in the SVG.
    pub scale: u32,
    /// The words of the notice drawn when drawing fails.
    pub lang: &'a Language,
}

impl<'a> Frame<'a> {
    /// A chart's drawing at `size`; the narrow drawing's ids get a suffix.
    pub fn new(
        id: &str,
        title: &'a str,
        desc: &'a str,
        size: Size,
        lang: &'a Language,
    ) -> Frame<'a> {
        Frame {
            id: format!("{id}{}", size.id_suffix()),
            title,
            desc,
            width: size.width,
            height: size.height,
            scale: 1,
            lang,
        }
    }
}

/// Draw on a white background with `draw`, then wrap the result.
///
/// If drawing fails, the SVG says "Chart unavailable" instead; the caller's
/// data table still carries the data.
pub(crate) fn render(frame: &Frame, draw: impl FnOnce(&Area) -> DrawResult) -> String {
    let size = (frame.width * frame.scale, frame.height * frame.scale);
    let mut elements = Vec::with_capacity(256);
    let drawn = {
        let root = SvgCanvas::new(&mut elements, size).into_drawing_area();
        root.fill(&palette::BACKGROUND)
            .map_err(Box::<dyn Error>::from)
            .and_then(|()| draw(&root))
            .is_ok()
    };
    if !drawn {
        elements = fallback(size, &frame.lang.word("chart-unavailable"));
    }
    wrap(frame, elements)
}

/// The drawing of an SVG whose drawing failed.
fn fallback((width, height): (u32, u32), notice: &str) -> Vec<Element> {
    let mut elements = Vec::new();
    let root = SvgCanvas::new(&mut elements, (width, height)).into_drawing_area();
    let style = ("sans-serif", 14.0)
        .into_font()
        .color(&palette::INK)
        .pos(Pos::new(HPos::Center, VPos::Bottom));
    let _ = root.fill(&palette::BACKGROUND).and_then(|()| {
        root.draw(&Text::new(
            notice,
            ((width / 2) as i32, (height / 2) as i32),
            style,
        ))
    });
    drop(root);
    elements
}

/// The opening tag, title and description, then the drawing.
fn wrap(frame: &Frame, mut elements: Vec<Element>) -> String {
    let id = &frame.id;
    let mut out = String::with_capacity(elements.len() * 48 + 512);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" \
         class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" \
         font-family=\"{FONT_FAMILY}\">\n\
         <title id=\"{id}-title\">{title}</title>\n<desc id=\"{id}-desc\">{desc}</desc>\n",
        w = frame.width,
        h = frame.height,
        title = escape(frame.title),
        desc = escape(frame.desc),
    );
    let scaled = frame.scale > 1;
    if scaled {
        let _ = writeln!(
            out,
            "<g transform=\"scale({})\">",
            number(1.0 / f64::from(frame.scale), 4)
        );
    }
    let colours = Colours::get();
    mesh_lines_first(&mut elements, colours);
    write_grouped(&mut out, &elements, colours);
    if scaled {
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    out
}

/// The font family every chart text uses; set once on the root `<svg>`.
const FONT_FAMILY: &str = "sans-serif";

/// Colours the writer groups by: what is drawn in them is drawn the same
/// way whatever the order.
struct Colours {
    /// Axis lines and tick marks.
    axis: String,
    /// Tick labels.
    muted: String,
    /// Runs of straight lines in these colours become one `<path>`: axes
    /// and ticks, grid lines, the white hatching of flagged bars.
    merged: [String; 3],
}

impl Colours {
    fn get() -> &'static Colours {
        static COLOURS: std::sync::OnceLock<Colours> = std::sync::OnceLock::new();
        COLOURS.get_or_init(|| Colours {
            axis: palette::hex(palette::AXIS),
            muted: palette::hex(palette::MUTED),
            merged: [
                palette::hex(palette::AXIS),
                palette::hex(palette::GRID),
                palette::hex(palette::BACKGROUND),
            ],
        })
    }
}

fn same_style(a: &Element, b: &Element) -> bool {
    a.style() == b.style()
}

fn write_element(out: &mut String, element: &Element, grouped: bool) {
    out.push('<');
    out.push_str(element.tag);
    let attrs = if grouped {
        element.geometry()
    } else {
        &element.attrs
    };
    for (k, v) in attrs {
        push_attr(out, k, v);
    }
    match &element.text {
        Some(text) => {
            out.push('>');
            out.push_str(text);
            out.push_str("</");
            out.push_str(element.tag);
            out.push_str(">\n");
        }
        None => out.push_str("/>\n"),
    }
}

/// plotters draws each tick mark right after its label, which splits what
/// could be one group per style into two elements each. In every run of
/// axis lines, tick marks and tick labels, draw the lines first and the
/// labels after: labels sit beside their ticks, never on them, so the
/// picture is the same (and a label is never under a line).
fn mesh_lines_first(items: &mut [Element], colours: &Colours) {
    #[derive(PartialEq)]
    enum Kind {
        Line,
        Label,
        Other,
    }
    let kind = |e: &Element| {
        if e.tag == "polyline" && e.attr("stroke") == Some(&colours.axis) {
            Kind::Line
        } else if e.tag == "text"
            && e.attr("fill") == Some(&colours.muted)
            && e.attr("transform").is_none()
        {
            Kind::Label
        } else {
            Kind::Other
        }
    };
    let kinds: Vec<Kind> = items.iter().map(kind).collect();
    let mut start = 0;
    while start < items.len() {
        if kinds[start] == Kind::Other {
            start += 1;
            continue;
        }
        let mut end = start;
        while end < items.len() && kinds[end] != Kind::Other {
            end += 1;
        }
        if kinds[start..end].contains(&Kind::Label) && kinds[start..end].contains(&Kind::Line) {
            // A stable sort: lines keep their order, labels theirs.
            items[start..end].sort_by_key(|item| kind(item) == Kind::Label);
        }
        start = end;
    }
}

fn push_attr(out: &mut String, key: &str, value: &str) {
    out.push(' ');
    out.push_str(key);
    out.push_str("=\"");
    out.push_str(value);
    out.push('"');
}

/// Write the elements, putting each run of two or more consecutive elements
/// with the same inherited attributes into one `<g>` that carries them.
fn write_grouped(out: &mut String, items: &[Element], colours: &Colours) {
    let mut i = 0;
    while i < items.len() {
        let element = &items[i];
        let mut end = i + 1;
        while items.get(end).is_some_and(|next| same_style(next, element)) {
            end += 1;
        }
        if end - i < 2 || element.style().is_empty() {
            write_element(out, element, false);
            i += 1;
            continue;
        }
        if write_path(out, &items[i..end], colours) {
            i = end;
            continue;
        }
        out.push_str("<g");
        for (k, v) in element.style() {
            push_attr(out, k, v);
        }
        out.push_str(">\n");
        for e in &items[i..end] {
            write_element(out, e, true);
        }
        out.push_str("</g>\n");
        i = end;
    }
}

/// Write a run of straight lines of one style (see [`Colours::merged`]) as
/// one `<path>` with a subpath per line, if the run is only that; strokes
/// are opaque and undashed, so the picture is the same.
fn write_path(out: &mut String, run: &[Element], colours: &Colours) -> bool {
    let Some(first) = run.first() else {
        return false;
    };
    let stroke = first.attr("stroke").unwrap_or("");
    if !colours.merged.iter().any(|c| c == stroke) || first.attr("stroke-dasharray").is_some() {
        return false;
    }
    let mut d = String::with_capacity(run.len() * 14);
    for e in run {
        let Some([x1, y1, x2, y2]) = segment(e) else {
            return false;
        };
        d.push('M');
        d.push_str(x1);
        d.push(' ');
        d.push_str(y1);
        if y1 == y2 {
            d.push('H');
            d.push_str(x2);
        } else if x1 == x2 {
            d.push('V');
            d.push_str(y2);
        } else {
            d.push('L');
            d.push_str(x2);
            d.push(' ');
            d.push_str(y2);
        }
    }
    out.push_str("<path");
    if first.attr("fill").is_none() {
        push_attr(out, "fill", "none");
    }
    for (k, v) in first.style() {
        push_attr(out, k, v);
    }
    push_attr(out, "d", &d);
    out.push_str("/>\n");
    true
}

/// The ends of a `<line>`, or of a `<polyline>` of two points, that has no
/// attribute besides its geometry and its style.
fn segment(e: &Element) -> Option<[&str; 4]> {
    let mut geometry = e.geometry().iter();
    let ends = match (e.tag, geometry.next(), geometry.next()) {
        ("polyline", Some(("points", points)), None) => {
            let mut points = points.split(' ');
            let (a, b) = (points.next()?, points.next()?);
            if points.next().is_some() {
                return None;
            }
            let (x1, y1) = a.split_once(',')?;
            let (x2, y2) = b.split_once(',')?;
            [x1, y1, x2, y2]
        }
        ("line", _, _) => {
            let get = |name| e.attr(name);
            if e.geometry().len() != 4 {
                return None;
            }
            [get("x1")?, get("y1")?, get("x2")?, get("y2")?]
        }
        _ => return None,
    };
    Some(ends)
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
