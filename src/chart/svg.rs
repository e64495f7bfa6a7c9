//! The SVG envelope: runs a plotters drawing into a string and turns it into
//! an accessible, responsive `<svg>` element.
//!
//! plotters writes `<svg width=.. height=.. viewBox=..>` followed by one tag
//! per line, each carrying its full style. [`render`] replaces that opening
//! tag with one that has a `viewBox` but no fixed size, `role="img"`,
//! `aria-labelledby` and the font family, inserts `<title>` and `<desc>` as
//! the first children, rounds font sizes, dashes the lines drawn in the
//! palette's dash-marker colours, and writes the drawing compactly without
//! changing a pixel of it: attributes that restate a default are dropped,
//! a text's content joins its tag on one line, and consecutive elements of
//! one style share a `<g>` that carries it (most of a chart's bytes were
//! repeated style attributes). It also owns XML escaping and the sanitising
//! of ids and label text.

use std::borrow::Cow;
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

/// Replace plotters' opening tag and post-process the body.
fn wrap(frame: &Frame, raw: &str) -> String {
    let body = raw.find(">\n").map_or("", |end| &raw[end + 2..]);
    let id = frame.id;
    let mut out = String::with_capacity(raw.len() / 2 + 512);
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
    let mut items = parse(body, colours);
    mesh_lines_first(&mut items, colours);
    write_grouped(&mut out, &items, colours);
    if scaled {
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    out
}

/// The font family every chart text uses; set once on the root `<svg>`.
const FONT_FAMILY: &str = "sans-serif";

/// Presentation attributes that children inherit from a `<g>`: the ones
/// [`write_grouped`] may move from a run of elements onto a group. (`opacity`
/// and `dy` are not inherited, so they stay on each element.)
const INHERITED: &[&str] = &[
    "fill",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "font-size",
    "font-weight",
    "font-style",
    "text-anchor",
];

/// Colours the post-processing recognises, as plotters writes them.
struct Colours {
    /// Lines drawn in these colours get these dash patterns.
    dashed: [(String, &'static str); 2],
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
        COLOURS.get_or_init(Colours::new)
    }

    fn new() -> Colours {
        Colours {
            dashed: [
                (palette::hex(palette::REFERENCE), "7 4"),
                (palette::hex(palette::DATA_PROVISIONAL), "4 3"),
            ],
            axis: palette::hex(palette::AXIS),
            muted: palette::hex(palette::MUTED),
            merged: [
                palette::hex(palette::AXIS),
                palette::hex(palette::GRID),
                palette::hex(palette::BACKGROUND),
            ],
        }
    }
}

/// One element of plotters' output, or a line passed through as it is.
enum Item<'a> {
    Element(Element<'a>),
    Raw(&'a str),
}

struct Element<'a> {
    tag: &'a str,
    /// Without the attributes that only restate a default: first the
    /// element's own (geometry), then from `style` on the [`INHERITED`]
    /// ones, each part in plotters' order.
    attrs: Vec<(&'a str, Cow<'a, str>)>,
    style: usize,
    /// The content of a `<text>`, already escaped by plotters.
    text: Option<Cow<'a, str>>,
}

impl Element<'_> {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_ref())
    }

    /// The inherited attributes, in order: elements with equal styles can
    /// share a `<g>`.
    fn style(&self) -> &[(&str, Cow<'_, str>)] {
        &self.attrs[self.style..]
    }

    fn geometry(&self) -> &[(&str, Cow<'_, str>)] {
        &self.attrs[..self.style]
    }

    fn same_style(&self, other: &Element) -> bool {
        self.style() == other.style()
    }

    fn write(&self, out: &mut String, grouped: bool) {
        out.push('<');
        out.push_str(self.tag);
        let attrs = if grouped {
            self.geometry()
        } else {
            &self.attrs
        };
        for (k, v) in attrs {
            push_attr(out, k, v);
        }
        match &self.text {
            Some(text) => {
                out.push('>');
                out.push_str(text);
                out.push_str("</");
                out.push_str(self.tag);
                out.push_str(">\n");
            }
            None => out.push_str("/>\n"),
        }
    }
}

/// Read plotters' one-tag-per-line output (a `<text>` spans three lines:
/// the tag, its content, `</text>`) and tidy each element: font sizes
/// rounded, attributes that restate a default dropped (`opacity="1"`,
/// `stroke="none"`, `stroke-width="1"`, `text-anchor="start"`, the root's
/// font family, the stroke width of an unstroked shape), the trailing space
/// of `points` trimmed, and lines in the dash-marker colours dashed. The
/// text content is joined onto one line: SVG drops a text's leading and
/// trailing white space when it renders it, so nothing visible changes.
fn parse<'a>(body: &'a str, colours: &Colours) -> Vec<Item<'a>> {
    let mut items = Vec::with_capacity(body.len() / 48);
    let mut sizes = Vec::new();
    let mut lines = body.lines();
    while let Some(line) = lines.next() {
        if line == "</svg>" {
            break;
        }
        let Some(element) = parse_tag(line) else {
            items.push(Item::Raw(line));
            continue;
        };
        let mut element = element;
        if element.text.is_some() {
            let mut text: Option<Cow<str>> = None;
            for content in lines.by_ref() {
                if content == "</text>" {
                    break;
                }
                text = Some(match text {
                    None => Cow::Borrowed(content.trim()),
                    Some(before) => Cow::Owned(format!("{before} {}", content.trim())),
                });
            }
            element.text = Some(text.unwrap_or_default());
        }
        tidy(&mut element, colours, &mut sizes);
        items.push(Item::Element(element));
    }
    items
}

/// `<tag a="v" ...>` or `<tag a="v" .../>`; a `<text>` opens (text is
/// `Some`), every other tag closes. Anything else is `None`.
fn parse_tag(line: &str) -> Option<Element<'_>> {
    let rest = line.strip_prefix('<')?;
    let (rest, open) = match rest.strip_suffix("/>") {
        Some(rest) => (rest, false),
        None => (rest.strip_suffix('>')?, true),
    };
    let name_end = rest.find(' ').unwrap_or(rest.len());
    let tag = &rest[..name_end];
    if !matches!(
        tag,
        "text" | "circle" | "line" | "polyline" | "polygon" | "rect"
    ) || open != (tag == "text")
    {
        return None;
    }
    // plotters writes at most ten attributes (a rotated bold text).
    let mut attrs = Vec::with_capacity(10);
    let mut rest = &rest[name_end..];
    while let Some(after_space) = rest.strip_prefix(' ') {
        // Byte searches: a two-byte `str` pattern builds a searcher per call.
        let eq = memchr::memchr(b'=', after_space.as_bytes())?;
        if after_space.as_bytes().get(eq + 1) != Some(&b'"') {
            return None;
        }
        let key = &after_space[..eq];
        let value_start = eq + 2;
        let value_len = memchr::memchr(b'"', &after_space.as_bytes()[value_start..])?;
        attrs.push((
            key,
            Cow::Borrowed(&after_space[value_start..value_start + value_len]),
        ));
        rest = &after_space[value_start + value_len + 1..];
    }
    if !rest.trim().is_empty() {
        return None;
    }
    Some(Element {
        tag,
        attrs,
        style: 0,
        text: open.then_some(Cow::Borrowed("")),
    })
}

/// `sizes` remembers the font sizes already rounded: a chart uses a few.
fn tidy<'a>(element: &mut Element<'a>, colours: &Colours, sizes: &mut Vec<(&'a str, String)>) {
    let stroked = !matches!(element.attr("stroke"), None | Some("none"));
    element.attrs.retain(|(k, v)| match *k {
        "opacity" => v != "1",
        "stroke" => v != "none",
        "stroke-width" => stroked && v != "1",
        "text-anchor" => v != "start",
        "font-family" => v != FONT_FAMILY,
        _ => true,
    });
    for (k, v) in &mut element.attrs {
        let Cow::Borrowed(raw) = *v else { continue };
        match *k {
            "font-size" => {
                let rounded = match sizes.iter().find(|(r, _)| *r == raw) {
                    Some((_, rounded)) => rounded.clone(),
                    None => {
                        let rounded = number(raw.parse().unwrap_or(12.0), 1);
                        sizes.push((raw, rounded.clone()));
                        rounded
                    }
                };
                *v = Cow::Owned(rounded);
            }
            "points" => *v = Cow::Borrowed(raw.trim_end()),
            _ => {}
        }
    }
    if matches!(element.tag, "polyline" | "line") {
        let stroke = element.attr("stroke").unwrap_or("");
        if let Some((_, pattern)) = colours.dashed.iter().find(|(c, _)| c == stroke) {
            element
                .attrs
                .insert(0, ("stroke-dasharray", Cow::Borrowed(*pattern)));
        }
    }
    // Own attributes first, then the inherited ones (see `Element::attrs`).
    // A stable sort of a few items: no allocation.
    element.attrs.sort_by_key(|(k, _)| INHERITED.contains(k));
    element.style = element
        .attrs
        .iter()
        .position(|(k, _)| INHERITED.contains(k))
        .unwrap_or(element.attrs.len());
}

/// plotters draws each tick mark right after its label, which splits what
/// could be one group per style into two elements each. In every run of
/// axis lines, tick marks and tick labels, draw the lines first and the
/// labels after: labels sit beside their ticks, never on them, so the
/// picture is the same (and a label is never under a line).
fn mesh_lines_first(items: &mut [Item], colours: &Colours) {
    #[derive(PartialEq)]
    enum Kind {
        Line,
        Label,
        Other,
    }
    let kind = |item: &Item| match item {
        Item::Element(e) if e.tag == "polyline" && e.attr("stroke") == Some(&colours.axis) => {
            Kind::Line
        }
        Item::Element(e)
            if e.tag == "text"
                && e.attr("fill") == Some(&colours.muted)
                && e.attr("transform").is_none() =>
        {
            Kind::Label
        }
        _ => Kind::Other,
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
fn write_grouped(out: &mut String, items: &[Item], colours: &Colours) {
    let mut i = 0;
    while i < items.len() {
        let element = match &items[i] {
            Item::Raw(line) => {
                out.push_str(line);
                out.push('\n');
                i += 1;
                continue;
            }
            Item::Element(element) => element,
        };
        let mut end = i + 1;
        while let Some(Item::Element(next)) = items.get(end) {
            if !next.same_style(element) {
                break;
            }
            end += 1;
        }
        if end - i < 2 || element.style().is_empty() {
            element.write(out, false);
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
        for item in &items[i..end] {
            if let Item::Element(e) = item {
                e.write(out, true);
            }
        }
        out.push_str("</g>\n");
        i = end;
    }
}

/// Write a run of straight lines of one style (see [`Colours::merged`]) as
/// one `<path>` with a subpath per line, if the run is only that; strokes
/// are opaque and undashed, so the picture is the same.
fn write_path(out: &mut String, run: &[Item], colours: &Colours) -> bool {
    let Some(Item::Element(first)) = run.first() else {
        return false;
    };
    let stroke = first.attr("stroke").unwrap_or("");
    if !colours.merged.iter().any(|c| c == stroke) || first.attr("stroke-dasharray").is_some() {
        return false;
    }
    let mut d = String::with_capacity(run.len() * 14);
    for item in run {
        let Item::Element(e) = item else {
            return false;
        };
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
fn segment<'e>(e: &'e Element) -> Option<[&'e str; 4]> {
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
    ends.iter()
        .all(|v| {
            !v.is_empty()
                && v.bytes()
                    .all(|b| b.is_ascii_digit() || b == b'-' || b == b'.')
        })
        .then_some(ends)
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
    // Whole numbers (most ticks) skip float formatting: the same text.
    if value.fract() == 0.0 {
        return (value as i64).to_string();
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
