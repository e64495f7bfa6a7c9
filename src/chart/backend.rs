//! Our own plotters [`DrawingBackend`]: it records what plotters draws as
//! SVG elements, already in their compact form, for `svg.rs` to write.
//!
//! plotters' own SVG backend writes one fully styled tag per line, with font
//! sizes divided by 1.24 and no way to dash a line. This backend is the
//! documented extension point instead: each shape becomes an [`Element`]
//! whose attributes are split into geometry and the presentation attributes
//! a `<g>` can carry, defaults left out (`opacity="1"`, `stroke="none"`,
//! `stroke-width="1"`, `text-anchor="start"`, the root's font family), font
//! sizes written as given, in viewBox pixels. Dash patterns are a parameter:
//! a shape wrapped in [`Dashed`] is drawn with that pattern.

use std::convert::Infallible;
use std::fmt;

use plotters::element::{Drawable, PathElement, PointCollection};
use plotters::style::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle, FontTransform,
};

use super::svg::escape;
use crate::format::number;

/// A dash pattern, named by what it marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dash {
    /// Targets, limits and capacities.
    Reference,
    /// A value that is not final yet (the month in progress).
    Provisional,
    /// A lower limit beside the target (a contract's minimum service level).
    Limit,
}

impl Dash {
    fn pattern(self) -> &'static str {
        match self {
            Dash::Reference => "7 4",
            Dash::Provisional => "4 3",
            Dash::Limit => "2 3",
        }
    }
}

/// One drawn shape: `attrs` holds the geometry first (with `opacity`,
/// `dy` and `transform`, which children do not inherit), then from `style`
/// on the presentation attributes a `<g>` can carry for them (`fill`,
/// `stroke`, `stroke-width`, `stroke-dasharray`, `font-size`, `font-weight`,
/// `font-style`, `text-anchor`), so that elements of equal style can share
/// a `<g>`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Element {
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    pub style: usize,
    /// The escaped content of a `<text>`.
    pub text: Option<String>,
}

impl Element {
    fn new(tag: &'static str, geometry: Vec<(&'static str, String)>) -> Element {
        let style = geometry.len();
        Element {
            tag,
            attrs: geometry,
            style,
            text: None,
        }
    }

    fn with(mut self, key: &'static str, value: String) -> Element {
        self.attrs.push((key, value));
        self
    }

    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The inherited attributes, in order.
    pub fn style(&self) -> &[(&'static str, String)] {
        &self.attrs[self.style..]
    }

    pub fn geometry(&self) -> &[(&'static str, String)] {
        &self.attrs[..self.style]
    }
}

/// The canvas every chart draws on: a size, and where the elements drawn
/// go (plotters keeps the backend to itself once it is a drawing area).
pub(crate) struct SvgCanvas<'a> {
    size: (u32, u32),
    elements: &'a mut Vec<Element>,
    dash: Option<Dash>,
}

/// plotters needs an error type; drawing into memory cannot fail.
#[derive(Debug)]
pub(crate) struct NoError(Infallible);

impl fmt::Display for NoError {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {}
    }
}

impl std::error::Error for NoError {}

type DrawResult = Result<(), DrawingErrorKind<NoError>>;

impl<'a> SvgCanvas<'a> {
    pub fn new(elements: &'a mut Vec<Element>, size: (u32, u32)) -> SvgCanvas<'a> {
        SvgCanvas {
            size,
            elements,
            dash: None,
        }
    }

    fn push(&mut self, element: Element) {
        self.elements.push(element);
    }

    /// The dash pattern of the shape being drawn, if it is [`Dashed`].
    fn dashed(&self, element: Element) -> Element {
        match self.dash {
            Some(dash) => element.with("stroke-dasharray", dash.pattern().to_string()),
            None => element,
        }
    }
}

/// The stroke attributes of an outline: colour, then width unless 1.
fn stroke(element: Element, color: BackendColor, width: u32) -> Element {
    let element = element.with("stroke", hex(color));
    if width == 1 {
        element
    } else {
        element.with("stroke-width", width.to_string())
    }
}

/// `#RRGGBB`.
pub(crate) fn hex(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// The geometry prefix every shape gets: its opacity, unless opaque.
fn opacity(color: BackendColor) -> Option<(&'static str, String)> {
    (color.alpha != 1.0).then(|| ("opacity", format!("{}", color.alpha)))
}

fn points(path: impl IntoIterator<Item = BackendCoord>) -> String {
    let mut out = String::new();
    for (i, (x, y)) in path.into_iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&x.to_string());
        out.push(',');
        out.push_str(&y.to_string());
    }
    out
}

impl DrawingBackend for SvgCanvas<'_> {
    type ErrorType = NoError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> DrawResult {
        Ok(())
    }

    fn present(&mut self) -> DrawResult {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> DrawResult {
        self.draw_rect(point, (point.0 + 1, point.1 + 1), &color, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> DrawResult {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let mut geometry: Vec<_> = opacity(color).into_iter().collect();
        geometry.extend([
            ("x1", from.0.to_string()),
            ("y1", from.1.to_string()),
            ("x2", to.0.to_string()),
            ("y2", to.1.to_string()),
        ]);
        let element = self.dashed(Element::new("line", geometry));
        self.push(stroke(element, color, style.stroke_width()));
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> DrawResult {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let mut geometry = vec![
            ("x", upper_left.0.to_string()),
            ("y", upper_left.1.to_string()),
            ("width", (bottom_right.0 - upper_left.0).to_string()),
            ("height", (bottom_right.1 - upper_left.1).to_string()),
        ];
        geometry.extend(opacity(color));
        let element = Element::new("rect", geometry);
        let element = if fill {
            element.with("fill", hex(color))
        } else {
            element
                .with("fill", "none".into())
                .with("stroke", hex(color))
        };
        self.push(element);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> DrawResult {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let mut geometry: Vec<_> = opacity(color).into_iter().collect();
        geometry.push(("points", points(path)));
        let element = self
            .dashed(Element::new("polyline", geometry))
            .with("fill", "none".into());
        self.push(stroke(element, color, style.stroke_width()));
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> DrawResult {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let mut geometry: Vec<_> = opacity(color).into_iter().collect();
        geometry.push(("points", points(path)));
        self.push(Element::new("polygon", geometry).with("fill", hex(color)));
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> DrawResult {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let mut geometry = vec![
            ("cx", center.0.to_string()),
            ("cy", center.1.to_string()),
            ("r", radius.to_string()),
        ];
        geometry.extend(opacity(color));
        let element = Element::new("circle", geometry);
        let element = if fill {
            element.with("fill", hex(color))
        } else {
            stroke(
                element.with("fill", "none".into()),
                color,
                style.stroke_width(),
            )
        };
        self.push(element);
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        (x, y): BackendCoord,
    ) -> DrawResult {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let dy = match style.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        let mut geometry = vec![
            ("x", x.to_string()),
            ("y", y.to_string()),
            ("dy", dy.to_string()),
        ];
        geometry.extend(opacity(color));
        let rotation = match style.transform() {
            FontTransform::Rotate90 => Some(90),
            FontTransform::Rotate180 => Some(180),
            FontTransform::Rotate270 => Some(270),
            _ => None,
        };
        if let Some(degrees) = rotation {
            geometry.push(("transform", format!("rotate({degrees}, {x}, {y})")));
        }
        let mut element = Element::new("text", geometry);
        match style.anchor().h_pos {
            HPos::Left => {}
            HPos::Right => element = element.with("text-anchor", "end".into()),
            HPos::Center => element = element.with("text-anchor", "middle".into()),
        }
        element = element
            .with("font-size", number(style.size(), 1))
            .with("fill", hex(color));
        match style.style() {
            FontStyle::Normal => {}
            FontStyle::Bold => element = element.with("font-weight", "bold".into()),
            other => element = element.with("font-style", other.as_str().to_string()),
        }
        element.text = Some(escape(text));
        self.push(element);
        Ok(())
    }

    /// The width plotters lays text out with (right-aligned tick labels):
    /// a generous average glyph width, as there are no font files to ask.
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<NoError>> {
        let em = style.size() / 1.24;
        let width = (em * 0.7 * text.len() as f64).round().max(0.0) as u32;
        let height = (em.round() + (em * 0.24).round()).max(0.0) as u32;
        Ok((width, height))
    }
}

/// A line drawn with a dash pattern: plotters' styles carry only a colour
/// and a width, so the pattern travels with the line instead.
pub(crate) struct Dashed<Coord> {
    dash: Dash,
    line: PathElement<Coord>,
}

impl<Coord> Dashed<Coord> {
    pub fn new(dash: Dash, line: PathElement<Coord>) -> Dashed<Coord> {
        Dashed { dash, line }
    }
}

impl<'a, Coord> PointCollection<'a, Coord> for &'a Dashed<Coord> {
    type Point = &'a Coord;
    type IntoIter = &'a [Coord];

    fn point_iter(self) -> &'a [Coord] {
        (&self.line).point_iter()
    }
}

impl<'c, Coord> Drawable<SvgCanvas<'c>> for Dashed<Coord> {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        pos: I,
        backend: &mut SvgCanvas<'c>,
        parent_dim: (u32, u32),
    ) -> DrawResult {
        let before = backend.dash.replace(self.dash);
        let drawn = self.line.draw(pos, backend, parent_dim);
        backend.dash = before;
        drawn
    }
}
