//! Measuring the layout inside the real window: the viewport, the board's row rectangles, the
//! pinned alert strip, horizontal overflow and clipped text, all read from the live DOM.

use serde_json::Value;
use std::time::Duration;

use crate::process::wait_for;
use crate::Session;

/// A `getBoundingClientRect()` in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    fn from_json(v: &Value) -> Self {
        let n = |k: &str| v[k].as_f64().unwrap_or_else(|| panic!("rect without {k}: {v}"));
        Self { left: n("left"), top: n("top"), right: n("right"), bottom: n("bottom") }
    }

    /// Whether the rectangle lies wholly inside a `width` x `height` viewport.
    pub fn inside(&self, width: f64, height: f64) -> bool {
        self.left >= 0.0 && self.top >= 0.0 && self.right <= width && self.bottom <= height
    }

    /// Whether the two rectangles share any area.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }
}

/// Describes an element for a failure message: tag, accessible name or text, size.
const DESCRIBE: &str = "const describe = (el) => { \
    const name = el.getAttribute('aria-label') || (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 50); \
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : ''; \
    return `${el.tagName.toLowerCase()}${cls} \"${name}\"`; };";

/// Elements worth measuring: shown, and not visually hidden (a 1x1 clipped accessible name).
const SHOWN: &str = "const shown = (el) => { const cs = getComputedStyle(el); \
    const r = el.getBoundingClientRect(); \
    return cs.display !== 'none' && cs.visibility !== 'hidden' && r.width > 1 && r.height > 1; };";

/// The window's viewport: `window.innerWidth` x `window.innerHeight`.
pub fn viewport(app: &Session) -> (f64, f64) {
    let v = app.execute("return [window.innerWidth, window.innerHeight];");
    (v[0].as_f64().expect("innerWidth"), v[1].as_f64().expect("innerHeight"))
}

/// Asks for a window of `width` x `height` and waits until the viewport has changed to it
/// (WebKitGTK resizes asynchronously). Returns the viewport reached.
pub fn resize(app: &Session, width: u32, height: u32) -> (f64, f64) {
    app.set_window_size(width, height)
        .unwrap_or_else(|e| panic!("the window could not be sized to {width}x{height}: {e}"));
    let wanted = (f64::from(width), f64::from(height));
    let reached =
        wait_for(&format!("a {width}x{height} viewport"), Duration::from_secs(10), || {
            let now = viewport(app);
            (now == wanted).then_some(now)
        });
    // Let the layout settle after the resize (a ResizeObserver, a frame).
    std::thread::sleep(Duration::from_millis(300));
    reached
}

/// The rectangle of each row of the "Patients in recovery" table, by its bay, at the current
/// scroll position.
pub fn row_rects(app: &Session) -> Vec<(String, Rect)> {
    let v = app.execute(
        "const table = [...document.querySelectorAll('table')].find(t => \
           t.caption && t.caption.textContent.trim() === 'Patients in recovery'); \
         if (!table) return []; \
         return [...table.querySelectorAll('tbody tr')].map(tr => { \
           const th = tr.querySelector('th[scope=row]'); \
           return [th ? th.textContent.trim() : '?', tr.getBoundingClientRect().toJSON()]; });",
    );
    v.as_array()
        .expect("an array of rows")
        .iter()
        .map(|r| (r[0].as_str().unwrap_or_default().to_owned(), Rect::from_json(&r[1])))
        .collect()
}

/// The rectangle of the alert strip (the section named "Alerts"), if it is shown.
pub fn alert_strip(app: &Session) -> Option<Rect> {
    let v = app.execute(
        "const named = (s) => s.getAttribute('aria-label') === 'Alerts' || \
           (s.getAttribute('aria-labelledby') || '').split(' ').some(id => \
             document.getElementById(id)?.textContent.trim() === 'Alerts'); \
         const strip = [...document.querySelectorAll('section')].find(named); \
         return strip ? strip.getBoundingClientRect().toJSON() : null;",
    );
    (!v.is_null()).then(|| Rect::from_json(&v))
}

/// `[document.documentElement.scrollWidth, clientWidth]`.
pub fn scroll_width(app: &Session) -> (f64, f64) {
    let v =
        app.execute("const d = document.documentElement; return [d.scrollWidth, d.clientWidth];");
    (v[0].as_f64().expect("scrollWidth"), v[1].as_f64().expect("clientWidth"))
}

/// Everything that makes the page scroll sideways, or scrolls sideways itself: the page's
/// scroll width beyond its client width, any shown element reaching outside the viewport
/// horizontally (the outermost one: its descendants are not listed again), any element with
/// its own horizontal overflow. Empty when there is none.
pub fn horizontal_overflow(app: &Session) -> Vec<String> {
    let script = format!(
        "{DESCRIBE} {SHOWN} const d = document.documentElement; const w = d.clientWidth; \
         const out = []; \
         if (d.scrollWidth > w) out.push(`page: scrollWidth ${{d.scrollWidth}} > clientWidth ${{w}}`); \
         for (const el of document.body.querySelectorAll('*')) {{ \
           if (!shown(el)) continue; \
           const r = el.getBoundingClientRect(); \
           const p = el.parentElement.getBoundingClientRect(); \
           const beyond = (b) => b.left < -0.5 || b.right > w + 0.5; \
           if (beyond(r) && beyond(p) && el.parentElement !== document.body) continue; \
           if (beyond(r)) \
             out.push(`${{describe(el)}} spans x ${{r.left.toFixed(1)}}..${{r.right.toFixed(1)}} of ${{w}}`); \
           else if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') \
             out.push(`${{describe(el)}} overflows itself: scrollWidth ${{el.scrollWidth}} > clientWidth ${{el.clientWidth}}`); \
         }} \
         return out.slice(0, 20);"
    );
    strings(app.execute(&script))
}

/// Text cut off: elements that hide their overflow (hidden/clip, an ellipsis, a line clamp)
/// and have more content than they show. Empty when nothing is cut.
pub fn clipped(app: &Session) -> Vec<String> {
    let script = format!(
        "{DESCRIBE} {SHOWN} const out = []; \
         for (const el of document.body.querySelectorAll('*')) {{ \
           if (!shown(el)) continue; \
           const cs = getComputedStyle(el); \
           const clamp = cs.webkitLineClamp && cs.webkitLineClamp !== 'none'; \
           const hidesX = cs.overflowX === 'hidden' || cs.overflowX === 'clip' || cs.textOverflow === 'ellipsis'; \
           const hidesY = cs.overflowY === 'hidden' || cs.overflowY === 'clip' || clamp; \
           if (hidesX && el.scrollWidth > el.clientWidth + 1) \
             out.push(`${{describe(el)}} cut sideways: ${{el.scrollWidth}} > ${{el.clientWidth}}`); \
           else if (hidesY && el.scrollHeight > el.clientHeight + 1) \
             out.push(`${{describe(el)}} cut below: ${{el.scrollHeight}} > ${{el.clientHeight}}`); \
         }} \
         for (const b of document.querySelectorAll('button')) {{ \
           if (shown(b) && (b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1)) \
             out.push(`${{describe(b)}} text larger than the button: ${{b.scrollWidth}}x${{b.scrollHeight}} in ${{b.clientWidth}}x${{b.clientHeight}}`); \
         }} \
         return [...new Set(out)].slice(0, 20);"
    );
    strings(app.execute(&script))
}

/// Text zoom: the root font size set to `factor` times the stylesheet's (the app's CSS sizes
/// text in rem, so every text grows and the layout must reflow).
#[derive(Debug, Clone)]
pub struct Zoom {
    /// The root font size in px, before and after.
    pub root: (f64, f64),
    /// Shown elements with text of their own whose font did not grow with the root (a size in
    /// px would stay small when the nurse zooms the text).
    pub not_grown: Vec<String>,
}

/// Sets the text zoom to `factor` (1.0 undoes it) and reports which texts did not follow.
pub fn zoom_text(app: &Session, factor: f64) -> Zoom {
    let v = app.execute(&format!(
        "{DESCRIBE} {SHOWN} const root = document.documentElement; root.style.fontSize = ''; \
         const base = parseFloat(getComputedStyle(root).fontSize); \
         const texts = [...document.body.querySelectorAll('*')].filter(el => shown(el) && \
           [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim() !== '')); \
         const before = texts.map(el => parseFloat(getComputedStyle(el).fontSize)); \
         root.style.fontSize = `${{base * {factor}}}px`; \
         const after = texts.map(el => parseFloat(getComputedStyle(el).fontSize)); \
         const lagging = texts.filter((el, i) => after[i] < before[i] * {factor} * 0.95) \
           .map((el, i) => describe(el)); \
         return [base, parseFloat(getComputedStyle(root).fontSize), lagging.slice(0, 20)];"
    ));
    std::thread::sleep(Duration::from_millis(300));
    Zoom {
        root: (v[0].as_f64().expect("base font size"), v[1].as_f64().expect("zoomed font size")),
        not_grown: strings(v[2].clone()),
    }
}

fn strings(v: Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().map(|s| s.as_str().unwrap_or_default().to_owned()).collect())
        .unwrap_or_default()
}

/// Crops a whole-screen screenshot (from [`crate::Desktop::screenshot`]) to the app's window,
/// found from `window.screenX/screenY` and its outer size, so the artifact shows exactly the
/// window at the size under test.
pub fn crop_to_window(app: &Session, png: &std::path::Path) {
    let v = app
        .execute("return [window.screenX, window.screenY, window.outerWidth, window.outerHeight];");
    let n = |i: usize| v[i].as_i64().unwrap_or_else(|| panic!("window geometry: {v}"));
    let geometry = format!("{}x{}+{}+{}", n(2), n(3), n(0), n(1));
    let status = std::process::Command::new("mogrify")
        .args(["-crop", &geometry, "+repage"])
        .arg(png)
        .status()
        .expect("run ImageMagick mogrify (make setup installs ImageMagick)");
    assert!(status.success(), "mogrify -crop {geometry} failed for {}", png.display());
}
