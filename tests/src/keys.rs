//! Keys as the WebDriver actions API names them, for driving the app from the keyboard alone
//! with [`crate::Session::press_keys`].

pub const TAB: &str = "\u{E004}";
pub const ENTER: &str = "\u{E007}";
pub const ESCAPE: &str = "\u{E00C}";
pub const ARROW_UP: &str = "\u{E013}";
pub const ARROW_DOWN: &str = "\u{E015}";
pub const SHIFT: &str = "\u{E008}";
pub const CONTROL: &str = "\u{E009}";

use crate::webdriver::Element;
use crate::{By, Session};

/// Presses Tab until the focus is on the element `target` finds (the locator only tells
/// where the focus should arrive; only keys move it). Panics after `limit` presses.
pub fn tab_to(app: &Session, target: &By, limit: usize) -> Element {
    let wanted = app.find(target);
    for _ in 0..limit {
        if app.active_element() == wanted {
            return wanted;
        }
        app.press_keys(TAB);
    }
    assert_eq!(app.active_element(), wanted, "{limit} Tab presses never reached {target:?}");
    wanted
}

/// Selects all the text of the focused field (Ctrl+A) and types `text` over it.
pub fn type_over(app: &Session, text: &str) {
    app.press_chord(CONTROL, "a");
    app.press_keys(text);
}
