//! A paper cut into strips (a line of text, the rule under the title, a chart panel), none of
//! which is ever split, and the strips laid on US Letter pages: a heading never ends a page,
//! a row's lines stay together, a chart panel is never split. Coordinates are krilla's: points
//! from the top-left corner, y down.

use vigil_core::papers::{Paper, PaperRow, PaperSection};
use vigil_core::trends::TrendPanel;

use crate::fonts::{FontsMissing, Style};
use crate::text::{self, Line};

pub(crate) const PAGE_WIDTH: f32 = 612.0;
pub(crate) const PAGE_HEIGHT: f32 = 792.0;
pub(crate) const MARGIN: f32 = 54.0;
pub(crate) const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
/// Width of the label column; the value column takes the rest.
const LABEL_COLUMN: f32 = 170.0;
const COLUMN_GAP: f32 = 10.0;
/// The footer's baseline sits on the bottom margin; the body ends this far above the page's
/// bottom edge.
const BODY_BOTTOM: f32 = MARGIN + 18.0;
const ROW_SIZE: f32 = 10.0;
const ROW_LEADING: f32 = 13.0;
/// A chart panel's height, its title and legend included.
pub(crate) const PANEL_HEIGHT: f32 = 190.0;

/// What a strip shows.
#[derive(Debug)]
pub(crate) enum Mark {
    /// A line of text starting at `x`, its baseline `line.size` below the strip's top.
    Text { x: f32, line: Line },
    /// The rule under the title, across the width in the middle of the strip.
    Rule,
    /// A chart panel filling the strip.
    Panel(TrendPanel),
}

/// A strip of the page that is never split.
#[derive(Debug)]
pub(crate) struct Strip {
    /// Space above the strip, dropped at the top of a page.
    gap: f32,
    pub height: f32,
    pub marks: Vec<Mark>,
    /// Goes to the next page with the strip after it rather than end a page: a heading, or a
    /// row's line that is not its last.
    keep_with_next: bool,
}

impl Strip {
    fn new(gap: f32, height: f32, marks: Vec<Mark>) -> Self {
        Self { gap, height, marks, keep_with_next: false }
    }
}

/// Lines of `text` across the full width, each a strip of `leading` kept with the next; `gap`
/// above the first.
fn lines(
    text: &str,
    style: Style,
    size: f32,
    leading: f32,
    gap: f32,
) -> Result<Vec<Strip>, FontsMissing> {
    let wrapped = text::wrap(text, style, size, CONTENT_WIDTH)?;
    let last = wrapped.len().saturating_sub(1);
    Ok(wrapped
        .into_iter()
        .enumerate()
        .map(|(i, line)| Strip {
            keep_with_next: i < last,
            ..Strip::new(
                if i == 0 { gap } else { 0.0 },
                leading,
                vec![Mark::Text { x: MARGIN, line }],
            )
        })
        .collect())
}

/// A row's strips: the bold label beside its value, or a free line across the width.
fn row_strips(row: &PaperRow, gap: f32) -> Result<Vec<Strip>, FontsMissing> {
    if row.label.is_empty() {
        return lines(&row.value, Style::Regular, ROW_SIZE, ROW_LEADING, gap);
    }
    let labels = text::wrap(&row.label, Style::Bold, ROW_SIZE, LABEL_COLUMN - COLUMN_GAP)?;
    let values = text::wrap(&row.value, Style::Regular, ROW_SIZE, CONTENT_WIDTH - LABEL_COLUMN)?;
    let (mut labels, mut values) = (labels.into_iter(), values.into_iter());
    let mut strips: Vec<Strip> = Vec::new();
    loop {
        let label = labels.next().map(|line| Mark::Text { x: MARGIN, line });
        let value = values.next().map(|line| Mark::Text { x: MARGIN + LABEL_COLUMN, line });
        if label.is_none() && value.is_none() {
            return Ok(strips);
        }
        let gap = if strips.is_empty() { gap } else { 0.0 };
        if let Some(previous) = strips.last_mut() {
            previous.keep_with_next = true;
        }
        strips.push(Strip::new(gap, ROW_LEADING, label.into_iter().chain(value).collect()));
    }
}

fn section_strips(section: &PaperSection, out: &mut Vec<Strip>) -> Result<(), FontsMissing> {
    let panels = section.chart.as_ref().map_or(&[][..], |chart| &chart.panels[..]);
    if !section.heading.is_empty() {
        let mut heading = lines(&section.heading, Style::Bold, 12.0, 16.0, 12.0)?;
        if let Some(last) = heading.last_mut() {
            last.keep_with_next = !section.rows.is_empty() || !panels.is_empty();
        }
        out.extend(heading);
    }
    for (i, row) in section.rows.iter().enumerate() {
        out.extend(row_strips(row, if i == 0 { 2.0 } else { 3.0 })?);
    }
    for panel in panels {
        out.push(Strip::new(10.0, PANEL_HEIGHT, vec![Mark::Panel(panel.clone())]));
    }
    Ok(())
}

/// The whole paper as strips, top to bottom.
fn strips(paper: &Paper) -> Result<Vec<Strip>, FontsMissing> {
    let mut out = Vec::new();
    if !paper.title.is_empty() {
        out.extend(lines(&paper.title, Style::Bold, 16.0, 20.0, 0.0)?);
    }
    if !paper.subtitle.is_empty() {
        out.extend(lines(&paper.subtitle, Style::Regular, 10.0, 14.0, 2.0)?);
    }
    out.push(Strip::new(0.0, 10.0, vec![Mark::Rule]));
    for section in &paper.sections {
        section_strips(section, &mut out)?;
    }
    Ok(out)
}

/// A strip placed on a page, with the y of its top.
pub(crate) type Page = Vec<(f32, Strip)>;

/// Lays the strips on pages: a new page when the next strip (with the strips it keeps with)
/// would cross the body's bottom, unless the page is still empty.
fn paginate(strips: Vec<Strip>) -> Vec<Page> {
    let mut needs = vec![0.0; strips.len()];
    for i in (0..strips.len()).rev() {
        let next =
            if strips[i].keep_with_next { needs.get(i + 1).copied().unwrap_or(0.0) } else { 0.0 };
        needs[i] = strips[i].gap + strips[i].height + next;
    }
    let (top, bottom) = (MARGIN, PAGE_HEIGHT - BODY_BOTTOM);
    let mut pages: Vec<Page> = vec![Vec::new()];
    let mut y = top;
    for (strip, need) in strips.into_iter().zip(needs) {
        // What cannot fit on any page is not kept together.
        let need = if need > bottom - top { strip.gap + strip.height } else { need };
        if y > top && y + need > bottom {
            pages.push(Vec::new());
            y = top;
        }
        if y > top {
            y += strip.gap;
        }
        let height = strip.height;
        if let Some(page) = pages.last_mut() {
            page.push((y, strip));
        }
        y += height;
    }
    pages
}

/// The paper laid on pages.
pub(crate) fn pages(paper: &Paper) -> Result<Vec<Page>, FontsMissing> {
    Ok(paginate(strips(paper)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn long_paper(rows: usize) -> Paper {
        let mut paper = Paper::new("Discharge sheet", "Ward 3");
        let section = paper.section("Checks");
        for i in 0..rows {
            section.row(format!("Check {i}"), format!("BP 120/80, HR {i}"));
        }
        paper
    }

    fn is_heading(strip: &Strip) -> bool {
        matches!(&strip.marks[..], [Mark::Text { line, .. }] if line.size == 12.0)
    }

    #[test]
    fn a_heading_never_ends_a_page() {
        let mut endings = 0;
        for rows in 30..70 {
            let mut paper = long_paper(rows);
            paper.section("Escort").row("Name", "B. Escort");
            let pages = pages(&paper).unwrap();
            for page in &pages[..pages.len() - 1] {
                let (_, last) = page.last().unwrap();
                assert!(!is_heading(last), "{rows} rows");
                assert!(!last.keep_with_next, "{rows} rows");
            }
            // The Escort heading starts a page for some count: the rule was exercised.
            endings += pages.iter().skip(1).filter(|p| is_heading(&p[0].1)).count();
        }
        assert!(endings > 0);
    }

    #[test]
    fn a_wrapped_row_stays_together() {
        let value: String = (0..60).map(|i| format!("word{i} ")).collect();
        let is_value_line = |strip: &Strip| {
            strip.marks.iter().any(|m| {
                matches!(m, Mark::Text { line, .. }
                    if line.runs.first().is_some_and(|r| r.text.starts_with("word")))
            })
        };
        let mut moved = 0;
        for rows in 40..60 {
            let mut paper = long_paper(rows);
            paper.section("").row("Notes", value.as_str());
            let pages = pages(&paper).unwrap();
            let holding: Vec<usize> = (0..pages.len())
                .filter(|&i| pages[i].iter().any(|(_, s)| is_value_line(s)))
                .collect();
            assert_eq!(holding.len(), 1, "{rows} rows: the row is split");
            let lines = pages[holding[0]].iter().filter(|(_, s)| is_value_line(s)).count();
            assert!(lines > 2, "{rows} rows");
            moved += usize::from(holding[0] > 0 && pages[holding[0]][0].1.marks.len() == 2);
        }
        assert!(moved > 0, "the row went to a new page for some count");
    }

    #[test]
    fn pages_stay_inside_the_body() {
        let pages = pages(&long_paper(300)).unwrap();
        for page in pages {
            for (top, strip) in page {
                assert!(top >= MARGIN && top + strip.height <= PAGE_HEIGHT - BODY_BOTTOM + 0.01);
            }
        }
    }
}
