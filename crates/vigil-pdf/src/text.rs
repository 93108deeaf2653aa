//! Text to lines: a value is cut at `'\n'` into paragraphs, each wrapped to a column by the
//! measured advance of its words (breaks after spaces and around CJK characters, an over-long
//! word cut between graphemes, never inside one), then each line put in visual order with the
//! Unicode bidi algorithm: right-to-left runs are shaped right to left (Arabic joins) and placed
//! where a reader of that script expects them.

use std::ops::Range;

use unicode_bidi::{Level, ParagraphBidiInfo};
use unicode_segmentation::UnicodeSegmentation;

use crate::fonts::{self, FontsMissing, Shaped, Style};

/// One line ready to draw: its runs left to right, and its width in points at `size`.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    pub runs: Vec<Shaped>,
    pub size: f32,
    pub width: f32,
}

impl Line {
    /// No text (a blank line keeps its height).
    #[cfg(test)]
    pub(crate) fn is_empty(&self) -> bool {
        self.runs.iter().all(|run| run.glyphs.is_empty())
    }
}

/// Characters that may be broken before or after without a space (Han, Kana, Hangul, their
/// punctuation and full-width forms).
fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA960..=0xA97F | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// A paragraph measured and ordered by the bidi algorithm.
struct Para<'a> {
    text: &'a str,
    bidi: ParagraphBidiInfo<'a>,
    style: Style,
    size: f32,
}

impl<'a> Para<'a> {
    fn new(text: &'a str, style: Style, size: f32) -> Self {
        Self { text, bidi: ParagraphBidiInfo::new(text, Some(Level::ltr())), style, size }
    }

    /// The advance of `range`, each part of one level shaped in its direction.
    fn width(&self, range: Range<usize>) -> Result<f32, FontsMissing> {
        let mut total = 0.0;
        let mut start = range.start;
        while start < range.end {
            let level = self.bidi.levels[start];
            let end =
                (start..range.end).find(|&i| self.bidi.levels[i] != level).unwrap_or(range.end);
            total += fonts::width(&self.text[start..end], self.style, level.is_rtl(), self.size)?;
            start = end;
        }
        Ok(total)
    }

    /// The pieces between break opportunities, each with its trailing spaces.
    fn pieces(&self) -> Vec<Range<usize>> {
        let mut pieces: Vec<Range<usize>> = Vec::new();
        let mut previous: Option<&str> = None;
        for (at, grapheme) in self.text.grapheme_indices(true) {
            let space = grapheme.chars().all(char::is_whitespace);
            let cjk = grapheme.chars().next().is_some_and(is_cjk);
            let breaks = previous.is_some_and(|p| {
                let p_space = p.chars().all(char::is_whitespace);
                !space && (p_space || cjk || p.chars().next().is_some_and(is_cjk))
            });
            match pieces.last_mut() {
                Some(piece) if !breaks => piece.end = at + grapheme.len(),
                _ => pieces.push(at..at + grapheme.len()),
            }
            previous = Some(grapheme);
        }
        pieces
    }

    /// `range` without its trailing whitespace.
    fn trimmed(&self, range: Range<usize>) -> Range<usize> {
        let kept = self.text[range.clone()].trim_end().len();
        range.start..range.start + kept
    }

    /// A piece wider than the column, cut between graphemes into parts that fit.
    fn cut(&self, piece: Range<usize>, max: f32) -> Result<Vec<Range<usize>>, FontsMissing> {
        let mut parts = Vec::new();
        let mut start = piece.start;
        for (at, grapheme) in self.text[piece.clone()].grapheme_indices(true) {
            let (at, end) = (piece.start + at, piece.start + at + grapheme.len());
            if at > start && self.width(self.trimmed(start..end))? > max {
                parts.push(start..at);
                start = at;
            }
        }
        parts.push(start..piece.end);
        Ok(parts)
    }

    /// Byte ranges of the lines, greedy: as many pieces as fit in `max` points. Each piece is
    /// measured once (with and without its trailing spaces) and a line's width is their sum.
    fn breaks(&self, max: f32) -> Result<Vec<Range<usize>>, FontsMissing> {
        let mut lines: Vec<Range<usize>> = Vec::new();
        // The line so far and its width with its trailing spaces.
        let mut current: Option<(Range<usize>, f32)> = None;
        for piece in self.pieces() {
            let ink = self.width(self.trimmed(piece.clone()))?;
            let full =
                if self.trimmed(piece.clone()) == piece { ink } else { self.width(piece.clone())? };
            match current.take() {
                Some((line, width)) if width + ink <= max => {
                    current = Some((line.start..piece.end, width + full));
                }
                previous => {
                    lines.extend(previous.map(|(line, _)| line));
                    if ink > max {
                        let mut parts = self.cut(piece.clone(), max)?;
                        let last = parts.pop().unwrap_or(piece);
                        lines.extend(parts);
                        current = Some((last.clone(), self.width(last)?));
                    } else {
                        current = Some((piece, full));
                    }
                }
            }
        }
        lines.extend(current.map(|(line, _)| line));
        Ok(lines)
    }

    /// The line `range` in visual order, shaped.
    fn line(&self, range: Range<usize>) -> Result<Line, FontsMissing> {
        let range = self.trimmed(range);
        let mut runs = Vec::new();
        if !range.is_empty() {
            let (levels, visual) = self.bidi.visual_runs(range.clone());
            for run in visual {
                let rtl = levels[run.start - range.start].is_rtl();
                runs.extend(fonts::shape(&self.text[run], self.style, rtl)?);
            }
        }
        let width = runs.iter().map(|r| r.advance).sum::<f32>() * self.size;
        Ok(Line { runs, size: self.size, width })
    }
}

/// `text` wrapped to `max` points: one or more lines per `'\n'`-separated paragraph.
pub(crate) fn wrap(
    text: &str,
    style: Style,
    size: f32,
    max: f32,
) -> Result<Vec<Line>, FontsMissing> {
    let mut out = Vec::new();
    for paragraph in text.split('\n') {
        let paragraph = paragraph.strip_suffix('\r').unwrap_or(paragraph);
        let para = Para::new(paragraph, style, size);
        if paragraph.trim().is_empty() {
            out.push(para.line(0..0)?);
            continue;
        }
        for range in para.breaks(max)? {
            out.push(para.line(range)?);
        }
    }
    Ok(out)
}

/// `text` on one line of at most `max` points, cut with "…" when longer (the footer).
pub(crate) fn truncate(
    text: &str,
    style: Style,
    size: f32,
    max: f32,
) -> Result<Line, FontsMissing> {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let para = Para::new(&flat, style, size);
    if para.width(0..flat.len())? <= max {
        return para.line(0..flat.len());
    }
    let graphemes: Vec<(usize, &str)> = flat.grapheme_indices(true).collect();
    for &(at, _) in graphemes.iter().rev() {
        let cut = format!("{}…", flat[..at].trim_end());
        let para = Para::new(&cut, style, size);
        if para.width(0..cut.len())? <= max {
            return para.line(0..cut.len());
        }
    }
    Para::new("", style, size).line(0..0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.runs.iter().map(|r| r.text.as_str()).collect()).collect()
    }

    #[test]
    fn wraps_on_spaces_within_the_width() {
        let value: String = (0..60).map(|i| format!("word{i} ")).collect();
        let lines = wrap(&value, Style::Regular, 10.0, 200.0).unwrap();
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|l| l.width <= 200.0));
        let words: Vec<String> = texts(&lines)
            .iter()
            .flat_map(|t| t.split_whitespace().map(String::from).collect::<Vec<_>>())
            .collect();
        assert_eq!(words, value.split_whitespace().collect::<Vec<_>>());
    }

    #[test]
    fn cjk_wraps_between_characters_without_spaces() {
        let value = "李小龍".repeat(40);
        let lines = wrap(&value, Style::Regular, 10.0, 100.0).unwrap();
        assert!(lines.len() > 5);
        assert!(lines.iter().all(|l| l.width <= 100.0));
        assert_eq!(texts(&lines).concat(), value);
    }

    #[test]
    fn a_long_word_is_cut_between_graphemes_never_inside_one() {
        // "e" + combining acute: one grapheme of two characters.
        let value = "e\u{301}".repeat(80);
        let lines = wrap(&value, Style::Regular, 10.0, 60.0).unwrap();
        assert!(lines.len() > 2);
        for text in texts(&lines) {
            assert!(text.starts_with('e') && text.ends_with('\u{301}'), "{text:?}");
        }
        assert_eq!(texts(&lines).concat(), value);
    }

    #[test]
    fn newlines_start_new_lines_and_blank_lines_stay() {
        let lines = wrap("one\n\ntwo", Style::Regular, 10.0, 400.0).unwrap();
        assert_eq!(texts(&lines), ["one", "", "two"]);
        assert!(lines[1].is_empty());
    }

    #[test]
    fn a_right_to_left_name_runs_right_to_left_after_latin() {
        let lines = wrap("Name: דוד לוי", Style::Regular, 10.0, 400.0).unwrap();
        let runs: Vec<&str> = lines[0].runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(runs, ["Name: ", "דוד לוי"]);
        // Drawn right to left: the first glyph drawn is the last letter (yod of לוי).
        let hebrew = &lines[0].runs[1];
        assert_eq!(&hebrew.text[hebrew.glyphs[0].text_range.clone()], "י");
    }

    #[test]
    fn truncates_with_an_ellipsis() {
        let long = "Zoë O'Brien-Müller ".repeat(20);
        let line = truncate(&long, Style::Regular, 8.0, 120.0).unwrap();
        assert!(line.width <= 120.0);
        let text: String = line.runs.iter().map(|r| r.text.as_str()).collect();
        assert!(text.ends_with('…') && text.starts_with("Zoë"), "{text}");
    }
}
