//! Drawing on a krilla surface: shaped lines (each run with its own font, left to right in
//! visual order), straight and dashed lines, small filled squares, and each page's footer
//! with "Page N of M".

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::surface::Surface;

use crate::fonts::{FontsMissing, Style};
use crate::layout::{Mark, Page, CONTENT_WIDTH, MARGIN, PAGE_WIDTH};
use crate::text::{self, Line};
use crate::{chart, layout};

const FOOTER_SIZE: f32 = 8.0;
/// A colour as red, green, blue.
pub(crate) type Rgb = (u8, u8, u8);
pub(crate) const BLACK: Rgb = (0, 0, 0);

fn paint((r, g, b): Rgb) -> krilla::paint::Paint {
    rgb::Color::new(r, g, b).into()
}

/// Draws `line` with its left end at `x` and its baseline at `baseline`.
pub(crate) fn line(surface: &mut Surface, line: &Line, x: f32, baseline: f32) {
    surface.set_stroke(None);
    surface.set_fill(Some(Fill::default()));
    let mut x = x;
    for run in &line.runs {
        if !run.glyphs.is_empty() {
            let start = Point::from_xy(x, baseline);
            surface.draw_glyphs(start, &run.glyphs, run.font.clone(), &run.text, line.size, false);
        }
        x += run.advance * line.size;
    }
}

/// A stroked polyline of `width`, dashed when `dash` is set.
pub(crate) fn polyline(
    surface: &mut Surface,
    points: &[(f32, f32)],
    color: Rgb,
    width: f32,
    dash: bool,
) {
    let mut builder = PathBuilder::new();
    for (i, &(x, y)) in points.iter().enumerate() {
        if i == 0 {
            builder.move_to(x, y);
        } else {
            builder.line_to(x, y);
        }
    }
    let Some(path) = builder.finish() else { return };
    surface.set_fill(None);
    surface.set_stroke(Some(Stroke {
        paint: paint(color),
        width,
        dash: dash.then(|| StrokeDash { array: vec![4.0, 3.0], offset: 0.0 }),
        ..Stroke::default()
    }));
    surface.draw_path(&path);
    surface.set_stroke(None);
}

/// A filled square of side `side` centred on (x, y): a point marker or a legend swatch.
pub(crate) fn square(surface: &mut Surface, x: f32, y: f32, side: f32, color: Rgb) {
    let mut builder = PathBuilder::new();
    let Some(rect) = Rect::from_xywh(x - side / 2.0, y - side / 2.0, side, side) else { return };
    builder.push_rect(rect);
    let Some(path) = builder.finish() else { return };
    surface.set_stroke(None);
    surface.set_fill(Some(Fill { paint: paint(color), ..Fill::default() }));
    surface.draw_path(&path);
}

/// The footer: `footer` at the left (cut to fit), "Page N of M" at the right.
fn footer(
    surface: &mut Surface,
    footer: &str,
    number: usize,
    count: usize,
) -> Result<(), FontsMissing> {
    let baseline = layout::PAGE_HEIGHT - MARGIN;
    let label = text::truncate(
        &format!("Page {number} of {count}"),
        Style::Regular,
        FOOTER_SIZE,
        CONTENT_WIDTH,
    )?;
    let left =
        text::truncate(footer, Style::Regular, FOOTER_SIZE, CONTENT_WIDTH - label.width - 12.0)?;
    line(surface, &left, MARGIN, baseline);
    line(surface, &label, PAGE_WIDTH - MARGIN - label.width, baseline);
    Ok(())
}

/// Page `number` (from 1) of `count`.
pub(crate) fn page(
    surface: &mut Surface,
    page: &Page,
    footer_text: &str,
    number: usize,
    count: usize,
) -> Result<(), FontsMissing> {
    for (top, strip) in page {
        for mark in &strip.marks {
            match mark {
                Mark::Text { x, line: text } => line(surface, text, *x, top + text.size),
                Mark::Rule => {
                    let y = top + strip.height / 2.0;
                    polyline(surface, &[(MARGIN, y), (PAGE_WIDTH - MARGIN, y)], BLACK, 0.5, false);
                }
                Mark::Panel(panel) => chart::panel(surface, panel, *top)?,
            }
        }
    }
    footer(surface, footer_text, number, count)
}
