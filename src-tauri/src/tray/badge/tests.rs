//! The badge read back from the pixels: the number, its colour, and the rest of the icon
//! untouched.

use super::*;

/// A grey square icon of `size` pixels.
fn icon(size: u32) -> Rgba {
    Rgba {
        width: size,
        height: size,
        pixels: [0x80, 0x80, 0x80, 0xff].repeat((size * size) as usize),
    }
}

fn pixel(image: &Rgba, x: u32, y: u32) -> [u8; 4] {
    let at = ((y * image.width + x) * 4) as usize;
    image.pixels[at..at + 4].try_into().expect("four bytes")
}

/// The number drawn in the badge of `image` for `digits` digits, read with the font.
fn read_number(image: &Rgba, digits: u32) -> u32 {
    let (x0, y0, _, _, scale) = badge_box(image.width, image.height, digits);
    let mut number = 0;
    for i in 0..digits {
        let left = x0 + scale + i * 4 * scale;
        let glyph: Vec<u8> = (0..5)
            .map(|row| {
                (0..3).fold(0, |bits, col| {
                    let ink = pixel(image, left + col * scale, y0 + scale + row * scale) == INK;
                    bits | if ink { 0b100 >> col } else { 0 }
                })
            })
            .collect();
        let digit = FONT.iter().position(|g| g[..] == glyph[..]).expect("a digit of the font");
        number = number * 10 + digit as u32;
    }
    number
}

fn counts(patients: u32, open_alerts: u32) -> Counts {
    Counts { patients, open_alerts }
}

#[test]
fn the_badge_reads_back_as_the_number_of_patients() {
    for size in [16, 22, 32, 64] {
        for (patients, digits) in [(1, 1), (7, 1), (12, 2), (40, 2), (99, 2)] {
            let drawn = draw(&icon(size), counts(patients, 0));
            assert_eq!(read_number(&drawn, digits), patients, "{patients} on {size} px");
        }
    }
}

#[test]
fn more_than_ninety_nine_patients_show_as_ninety_nine() {
    let drawn = draw(&icon(32), counts(150, 0));
    assert_eq!(read_number(&drawn, 2), MOST);
}

#[test]
fn the_badge_is_teal_without_an_alert_and_red_with_one() {
    let (x0, y0, _, _, _) = badge_box(32, 32, 1);
    assert_eq!(pixel(&draw(&icon(32), counts(3, 0)), x0, y0), CALM);
    assert_eq!(pixel(&draw(&icon(32), counts(3, 1)), x0, y0), ALERT);
}

#[test]
fn the_rest_of_the_icon_is_untouched_and_nothing_is_drawn_with_nothing_to_count() {
    let plain = icon(32);
    assert_eq!(draw(&plain, counts(0, 0)), plain);
    let drawn = draw(&plain, counts(12, 1));
    let (x0, y0, _, _, _) = badge_box(32, 32, 2);
    for y in 0..32 {
        for x in 0..32 {
            if x < x0 || y < y0 {
                assert_eq!(pixel(&drawn, x, y), pixel(&plain, x, y), "({x}, {y})");
            }
        }
    }
}

#[test]
fn every_digit_of_the_font_is_distinct() {
    for (i, a) in FONT.iter().enumerate() {
        for b in &FONT[i + 1..] {
            assert_ne!(a, b);
        }
    }
}
