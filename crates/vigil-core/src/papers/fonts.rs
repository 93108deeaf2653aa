//! The two standard PDF fonts the papers use, Helvetica and Helvetica-Bold, in WinAnsi
//! (Windows-1252) encoding: turning text into the font's bytes, measuring it with the real glyph
//! widths (Adobe's AFM metrics, so nothing is embedded) and wrapping it to a column.

/// A standard Type1 font, never embedded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Font {
    Regular,
    Bold,
}

impl Font {
    /// The name of the font in a page's resources.
    pub(super) fn resource(self) -> &'static str {
        match self {
            Self::Regular => "F1",
            Self::Bold => "F2",
        }
    }

    /// The PostScript name of the font.
    pub(super) fn base_font(self) -> &'static str {
        match self {
            Self::Regular => "Helvetica",
            Self::Bold => "Helvetica-Bold",
        }
    }

    /// The advance width of a WinAnsi byte, in thousandths of the font size.
    fn units(self, byte: u8) -> u32 {
        let table = match self {
            Self::Regular => &HELVETICA,
            Self::Bold => &HELVETICA_BOLD,
        };
        byte.checked_sub(32).map_or(UNDEFINED_WIDTH, |i| u32::from(table[usize::from(i)]))
    }

    fn units_of(self, bytes: &[u8]) -> u32 {
        bytes.iter().map(|&b| self.units(b)).sum()
    }

    /// The width of WinAnsi bytes at `size`, in points.
    pub(super) fn width(self, bytes: &[u8], size: f32) -> f32 {
        self.units_of(bytes) as f32 * size / 1000.0
    }
}

/// The byte WinAnsi gives a character outside the encoding.
const REPLACEMENT: u8 = b'?';
/// The ellipsis in WinAnsi.
const ELLIPSIS: u8 = 0x85;
/// Width used for codes the encoding leaves undefined (never produced by `encode`).
const UNDEFINED_WIDTH: u32 = 278;

/// Windows-1252's characters in 0x80-0x9F; the five codes it leaves out are absent.
#[rustfmt::skip]
const CP1252_SPECIALS: [(char, u8); 27] = [
    ('\u{20ac}', 0x80), ('\u{201a}', 0x82), ('\u{0192}', 0x83), ('\u{201e}', 0x84),
    ('\u{2026}', 0x85), ('\u{2020}', 0x86), ('\u{2021}', 0x87), ('\u{02c6}', 0x88),
    ('\u{2030}', 0x89), ('\u{0160}', 0x8a), ('\u{2039}', 0x8b), ('\u{0152}', 0x8c),
    ('\u{017d}', 0x8e), ('\u{2018}', 0x91), ('\u{2019}', 0x92), ('\u{201c}', 0x93),
    ('\u{201d}', 0x94), ('\u{2022}', 0x95), ('\u{2013}', 0x96), ('\u{2014}', 0x97),
    ('\u{02dc}', 0x98), ('\u{2122}', 0x99), ('\u{0161}', 0x9a), ('\u{203a}', 0x9b),
    ('\u{0153}', 0x9c), ('\u{017e}', 0x9e), ('\u{0178}', 0x9f),
];

/// Text as WinAnsi bytes: ASCII, Latin-1 and the Windows-1252 specials map to their byte,
/// control characters (line breaks included) to a space, anything else to `?`.
pub(super) fn encode(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match u32::from(c) {
            _ if c.is_control() => b' ',
            code @ (0x20..=0x7E | 0xA0..=0xFF) => code as u8,
            _ => CP1252_SPECIALS
                .iter()
                .find(|(special, _)| *special == c)
                .map_or(REPLACEMENT, |&(_, byte)| byte),
        })
        .collect()
}

/// `text` as WinAnsi lines no wider than `width` points at `size`: each `'\n'` starts a new line,
/// words are packed greedily, a word wider than the column is broken between characters. Runs
/// of spaces collapse to one. Always at least one line; an empty paragraph gives an empty line.
pub(super) fn wrap(text: &str, font: Font, size: f32, width: f32) -> Vec<Vec<u8>> {
    let max = width * 1000.0 / size;
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let bytes = encode(paragraph);
        let mut line: Vec<u8> = Vec::new();
        for word in bytes.split(|&b| b == b' ').filter(|w| !w.is_empty()) {
            if !line.is_empty() {
                let longer = font.units_of(&line) + font.units(b' ') + font.units_of(word);
                if longer as f32 <= max {
                    line.push(b' ');
                    line.extend_from_slice(word);
                    continue;
                }
                lines.push(std::mem::take(&mut line));
            }
            let mut pieces = break_word(word, font, max);
            line = pieces.pop().unwrap_or_default();
            lines.extend(pieces);
        }
        lines.push(line);
    }
    lines
}

/// A word cut into pieces of at most `max` units, each at least one byte long.
fn break_word(word: &[u8], font: Font, max: f32) -> Vec<Vec<u8>> {
    let mut pieces = Vec::new();
    let mut piece = Vec::new();
    let mut used = 0;
    for &byte in word {
        let w = font.units(byte);
        if !piece.is_empty() && (used + w) as f32 > max {
            pieces.push(std::mem::take(&mut piece));
            used = 0;
        }
        used += w;
        piece.push(byte);
    }
    pieces.push(piece);
    pieces
}

/// `text` on one line of at most `width` points: cut and ended with an ellipsis when too wide.
pub(super) fn truncate(text: &str, font: Font, size: f32, width: f32) -> Vec<u8> {
    let bytes = encode(text);
    let max = width * 1000.0 / size;
    if font.units_of(&bytes) as f32 <= max {
        return bytes;
    }
    let mut used = font.units(ELLIPSIS);
    let mut kept: Vec<u8> = Vec::new();
    for &byte in &bytes {
        used += font.units(byte);
        if used as f32 > max {
            break;
        }
        kept.push(byte);
    }
    kept.push(ELLIPSIS);
    kept
}

// Advance widths of WinAnsi codes 32-255 from Adobe's Helvetica and Helvetica-Bold AFM files
// (16 codes a row, from 32); the five codes Windows-1252 leaves undefined, and 127, get 278.
#[rustfmt::skip]
const HELVETICA: [u16; 224] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 278,
    556, 278, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 278, 611, 278,
    278, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 278, 500, 667,
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,
    400, 584, 333, 333, 333, 578, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
];
#[rustfmt::skip]
const HELVETICA_BOLD: [u16; 224] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 278,
    556, 278, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 278, 611, 278,
    278, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 278, 500, 667,
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333,
    400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611,
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,
    611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_latin_1_and_windows_1252_specials_and_replaces_the_rest() {
        assert_eq!(encode("é–漢"), vec![0xE9, 0x96, b'?']);
        assert_eq!(encode("€ “x” • … — ñ"), b"\x80 \x93x\x94 \x95 \x85 \x97 \xF1".to_vec());
        assert_eq!(encode("a\tb\nc\u{7}\u{85}d"), b"a b c  d".to_vec());
        assert_eq!(encode("😀\u{0081}"), b"? ".to_vec());
    }

    #[test]
    fn measures_with_the_afm_widths() {
        // H 722, e 556, l 222, l 222, o 556 in Helvetica; A 722, W 944 in Helvetica-Bold.
        assert!((Font::Regular.width(b"Hello", 10.0) - 22.78).abs() < 1e-4);
        assert!((Font::Bold.width(b"AW", 10.0) - 16.66).abs() < 1e-4);
        assert_eq!(Font::Regular.units(0xE9), 556);
        assert_eq!(Font::Bold.units(0x80), 556);
    }

    #[test]
    fn wraps_by_words_within_the_width_and_keeps_line_breaks() {
        let text = "the quick brown fox jumps over the lazy dog ".repeat(8) + "\n\nlast";
        let lines = wrap(&text, Font::Regular, 10.0, 120.0);
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|line| Font::Regular.width(line, 10.0) <= 120.0));
        assert_eq!(lines[lines.len() - 2], b"");
        assert_eq!(lines[lines.len() - 1], b"last");
        let words: Vec<&[u8]> = lines.iter().flat_map(|l| l.split(|&b| b == b' ')).collect();
        let want: Vec<&[u8]> = text.split_whitespace().map(str::as_bytes).collect();
        assert_eq!(words.into_iter().filter(|w| !w.is_empty()).collect::<Vec<_>>(), want);
        assert_eq!(wrap("", Font::Bold, 10.0, 50.0), vec![Vec::<u8>::new()]);
    }

    #[test]
    fn breaks_a_word_longer_than_the_column_between_characters() {
        let word = "x".repeat(100);
        let lines = wrap(&format!("a {word} b"), Font::Regular, 10.0, 50.0);
        assert_eq!(lines[0], b"a");
        assert!(lines.iter().all(|line| Font::Regular.width(line, 10.0) <= 50.0));
        let joined: Vec<u8> = lines.concat().into_iter().filter(|&b| b != b' ').collect();
        assert_eq!(joined, format!("a{word}b").into_bytes());
        // A column narrower than one glyph still makes progress, a glyph a line.
        assert_eq!(wrap("WW", Font::Bold, 10.0, 1.0), vec![b"W".to_vec(), b"W".to_vec()]);
    }

    #[test]
    fn truncates_with_an_ellipsis_only_when_too_wide() {
        assert_eq!(truncate("short", Font::Regular, 8.0, 100.0), b"short");
        let cut = truncate(&"word ".repeat(40), Font::Regular, 8.0, 100.0);
        assert_eq!(cut.last(), Some(&ELLIPSIS));
        assert!(Font::Regular.width(&cut, 8.0) <= 100.0);
    }
}
