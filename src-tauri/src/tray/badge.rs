//! The tray icon with its count: Vigil's icon with a small badge in its lower right corner
//! holding the number of patients in recovery, white on teal, or on red while an alert is open.
//! Drawn pixel by pixel on the RGBA image with a 3x5 bitmap digit font (scaled to the icon), so
//! it needs no font file and reads the same on every panel. No badge with nobody in recovery
//! and no alert: the plain icon.

use super::label::Counts;

/// The badge's colour while no alert is open (teal).
pub const CALM: [u8; 4] = [0x00, 0x69, 0x72, 0xff];
/// The badge's colour while an alert is open (red).
pub const ALERT: [u8; 4] = [0xc6, 0x28, 0x28, 0xff];
/// The digits' colour.
pub const INK: [u8; 4] = [0xff, 0xff, 0xff, 0xff];

/// The digits 0-9, five rows of three pixels each (bit 2 is the left column).
const FONT: [[u8; 5]; 10] = [
    [0b111, 0b101, 0b101, 0b101, 0b111],
    [0b010, 0b110, 0b010, 0b010, 0b111],
    [0b111, 0b001, 0b111, 0b100, 0b111],
    [0b111, 0b001, 0b111, 0b001, 0b111],
    [0b101, 0b101, 0b111, 0b001, 0b001],
    [0b111, 0b100, 0b111, 0b001, 0b111],
    [0b111, 0b100, 0b111, 0b101, 0b111],
    [0b111, 0b001, 0b001, 0b001, 0b001],
    [0b111, 0b101, 0b111, 0b101, 0b111],
    [0b111, 0b101, 0b111, 0b001, 0b111],
];

/// The largest number the badge shows (more patients show as 99).
pub const MOST: u32 = 99;

/// An RGBA image, rows top to bottom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rgba {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

/// Where the badge goes on an image of a size, for a number of digits: (x, y, w, h, scale).
fn badge_box(width: u32, height: u32, digits: u32) -> (u32, u32, u32, u32, u32) {
    let scale = (height / 16).max(1);
    let w = digits * 3 * scale + (digits - 1) * scale + 2 * scale;
    let h = 7 * scale;
    (width.saturating_sub(w), height.saturating_sub(h), w.min(width), h.min(height), scale)
}

/// `icon` with the badge of `counts` drawn on it (unchanged when there is nothing to count).
pub fn draw(icon: &Rgba, counts: Counts) -> Rgba {
    let mut out = icon.clone();
    if counts.patients == 0 && counts.open_alerts == 0 {
        return out;
    }
    let text = counts.patients.min(MOST).to_string();
    let digits = text.len() as u32;
    let (x0, y0, w, h, scale) = badge_box(icon.width, icon.height, digits);
    let fill = if counts.open_alerts > 0 { ALERT } else { CALM };
    for y in y0..y0 + h {
        for x in x0..x0 + w {
            out.put(x, y, fill);
        }
    }
    for (i, digit) in text.bytes().map(|b| usize::from(b - b'0')).enumerate() {
        let left = x0 + scale + i as u32 * 4 * scale;
        for (row, bits) in FONT[digit].iter().enumerate() {
            for col in 0..3 {
                if bits & (0b100 >> col) != 0 {
                    out.fill(left + col * scale, y0 + scale + row as u32 * scale, scale);
                }
            }
        }
    }
    out
}

impl Rgba {
    fn put(&mut self, x: u32, y: u32, colour: [u8; 4]) {
        if x < self.width && y < self.height {
            let at = ((y * self.width + x) * 4) as usize;
            self.pixels[at..at + 4].copy_from_slice(&colour);
        }
    }

    /// A `size` x `size` square of ink at (x, y).
    fn fill(&mut self, x: u32, y: u32, size: u32) {
        for dy in 0..size {
            for dx in 0..size {
                self.put(x + dx, y + dy, INK);
            }
        }
    }
}

#[cfg(test)]
mod tests;
