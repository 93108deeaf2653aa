//! A trend panel (`vigil_core::trends::TrendPanel`) drawn in its strip: the title and unit, a
//! framed plot with ticks on both axes (values; minutes after the clock start), each series as
//! a line with square point markers, each limit as a dashed line with its label, and a legend.

use krilla::surface::Surface;
use vigil_core::trends::TrendPanel;

use crate::draw::{self, Rgb, BLACK};
use crate::fonts::{FontsMissing, Style};
use crate::layout::{CONTENT_WIDTH, MARGIN};
use crate::text;

const PALETTE: [Rgb; 4] = [(31, 90, 180), (200, 40, 40), (30, 140, 60), (130, 80, 170)];
const LIMIT: Rgb = (190, 90, 0);
const GRID: Rgb = (215, 215, 215);
const SMALL: f32 = 7.0;

/// Whole-number ticks from `low` to `high`: a step of 1, 2 or 5 times a power of ten (at
/// least 1) giving at most about six.
fn ticks(low: f32, high: f32) -> Vec<i64> {
    let raw = (high - low).max(1.0) / 5.0;
    let power = 10f32.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(power * 10.0)
        .max(1.0)
        .round() as i64;
    let first = (low / step as f32).ceil() as i64 * step;
    (0..).map(|i| first + i * step).take_while(|t| *t as f32 <= high).collect()
}

/// The plot's box and the scales from data to page.
#[derive(Debug, Clone, Copy)]
struct Plot {
    left: f32,
    right: f32,
    top: f32,
    bottom: f32,
    x: (f32, f32),
    y: (f32, f32),
}

impl Plot {
    fn new(panel: &TrendPanel, top: f32) -> Self {
        let points = panel.series.iter().flat_map(|s| s.points.iter());
        let minutes: Vec<f32> = points.clone().map(|p| p.minute as f32).collect();
        let values: Vec<f32> = points
            .map(|p| p.value as f32)
            .chain(panel.limits.iter().map(|l| l.value as f32))
            .collect();
        let range = |v: &[f32], floor: Option<f32>| {
            let low = v.iter().copied().fold(floor.unwrap_or(f32::MAX), f32::min);
            let high = v.iter().copied().fold(f32::MIN, f32::max).max(low + 1.0);
            (low, high)
        };
        let x = range(&minutes, Some(0.0));
        let (low, high) = range(&values, None);
        let pad = ((high - low) * 0.08).max(1.0);
        Self {
            left: MARGIN + 42.0,
            right: MARGIN + CONTENT_WIDTH - 12.0,
            top: top + 18.0,
            bottom: top + 140.0,
            x,
            y: (low - pad, high + pad),
        }
    }

    fn px(&self, minute: f32) -> f32 {
        self.left + (minute - self.x.0) / (self.x.1 - self.x.0) * (self.right - self.left)
    }

    fn py(&self, value: f32) -> f32 {
        self.bottom - (value - self.y.0) / (self.y.1 - self.y.0) * (self.bottom - self.top)
    }
}

fn label(text: &str, style: Style) -> Result<text::Line, FontsMissing> {
    text::truncate(text, style, SMALL, CONTENT_WIDTH)
}

fn axes(surface: &mut Surface, plot: &Plot) -> Result<(), FontsMissing> {
    for value in ticks(plot.y.0, plot.y.1) {
        let y = plot.py(value as f32);
        draw::polyline(surface, &[(plot.left, y), (plot.right, y)], GRID, 0.4, false);
        let tick = label(&value.to_string(), Style::Regular)?;
        draw::line(surface, &tick, plot.left - 4.0 - tick.width, y + SMALL / 3.0);
    }
    for minute in ticks(plot.x.0, plot.x.1) {
        let x = plot.px(minute as f32);
        draw::polyline(surface, &[(x, plot.bottom), (x, plot.bottom + 3.0)], BLACK, 0.5, false);
        let tick = label(&minute.to_string(), Style::Regular)?;
        draw::line(surface, &tick, x - tick.width / 2.0, plot.bottom + 11.0);
    }
    let (l, r, t, b) = (plot.left, plot.right, plot.top, plot.bottom);
    draw::polyline(surface, &[(l, t), (r, t), (r, b), (l, b), (l, t)], BLACK, 0.6, false);
    let caption = label("Minutes after the clock start", Style::Regular)?;
    draw::line(surface, &caption, (l + r - caption.width) / 2.0, plot.bottom + 22.0);
    Ok(())
}

/// Draws `panel` in the strip whose top is `top`.
pub(crate) fn panel(
    surface: &mut Surface,
    panel: &TrendPanel,
    top: f32,
) -> Result<(), FontsMissing> {
    let title = text::truncate(
        &format!("{} ({})", panel.title, panel.unit),
        Style::Bold,
        10.0,
        CONTENT_WIDTH,
    )?;
    draw::line(surface, &title, MARGIN, top + 10.0);
    let plot = Plot::new(panel, top);
    axes(surface, &plot)?;
    for limit in &panel.limits {
        let y = plot.py(limit.value as f32);
        draw::polyline(surface, &[(plot.left, y), (plot.right, y)], LIMIT, 0.8, true);
        let text = label(&limit.label, Style::Regular)?;
        draw::line(surface, &text, plot.right - 3.0 - text.width, y - 2.5);
    }
    let mut legend_x = plot.left;
    let legend_y = plot.bottom + 36.0;
    for (series, color) in panel.series.iter().zip(PALETTE.iter().cycle()) {
        let points: Vec<(f32, f32)> = series
            .points
            .iter()
            .map(|p| (plot.px(p.minute as f32), plot.py(p.value as f32)))
            .collect();
        draw::polyline(surface, &points, *color, 1.2, false);
        for &(x, y) in &points {
            draw::square(surface, x, y, 3.5, *color);
        }
        draw::square(surface, legend_x + 4.0, legend_y - 2.5, 6.0, *color);
        let name = label(&series.name, Style::Regular)?;
        draw::line(surface, &name, legend_x + 10.0, legend_y);
        legend_x += 24.0 + name.width;
    }
    if !panel.limits.is_empty() {
        draw::polyline(
            surface,
            &[(legend_x, legend_y - 2.5), (legend_x + 14.0, legend_y - 2.5)],
            LIMIT,
            0.8,
            true,
        );
        let name = label("Alert threshold", Style::Regular)?;
        draw::line(surface, &name, legend_x + 18.0, legend_y);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_within_range() {
        assert_eq!(ticks(0.0, 100.0), [0, 20, 40, 60, 80, 100]);
        assert_eq!(ticks(87.0, 101.0), [90, 95, 100]);
        assert_eq!(ticks(-15.0, 120.0), [0, 50, 100]);
        assert_eq!(ticks(0.0, 1.0), [0, 1]);
    }
}
