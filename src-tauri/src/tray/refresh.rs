//! Keeps the tray's counts current: counted again when the records change, an alert is raised
//! or who is signed in changes (the listeners in `tray.rs` nudge), and every 30 s. Counting and
//! drawing the badge happen on the refresher's thread; the icon, its label, tooltip and menu
//! line are changed on the main thread only (posted, never waited for: the tray's and the
//! menu's handles are single-threaded inside), and only when the counts changed. The menu's
//! counts line is kept in a main-thread-local slot, the icon is looked up by its id.

use std::any::Any;
use std::cell::RefCell;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;
use tauri::image::Image;
use tauri::menu::MenuItem;
use tauri::{AppHandle, Manager, Runtime};

use super::badge::{self, Rgba};
use super::label::{Counts, UNCOUNTED_SENTENCE, UNCOUNTED_TITLE};
use crate::state::AppState;

/// How often the counts are read without a nudge.
const EVERY: Duration = Duration::from_secs(30);

/// Vigil's icon (the packaged icon set's 32x32 PNG).
const ICON_PNG: &[u8] = include_bytes!("../../icons/32x32.png");

thread_local! {
    /// The menu's counts line (a `MenuItem<R>`), set and used on the main thread only.
    static COUNTS_LINE: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
}

/// Vigil's plain tray icon.
pub fn base_icon() -> tauri::Result<Image<'static>> {
    Image::from_bytes(ICON_PNG)
}

/// Keeps the menu's counts line (call on the main thread, where the menu was built).
pub fn keep_counts_line<R: Runtime>(item: MenuItem<R>) {
    COUNTS_LINE.with(|line| *line.borrow_mut() = Some(Box::new(item)));
}

/// What the tray shows for some counts, ready to hand to the main thread.
struct Shown {
    title: String,
    sentence: String,
    icon: Rgba,
}

/// Runs the refresher on a thread of its own until the app ends.
pub fn spawn<R: Runtime>(app: AppHandle<R>, nudged: Receiver<()>) {
    let spawned = std::thread::Builder::new().name("vigil-tray".into()).spawn(move || {
        let base = match base_icon() {
            Ok(icon) => {
                Rgba { width: icon.width(), height: icon.height(), pixels: icon.rgba().to_vec() }
            }
            Err(e) => return tracing::error!("the tray's icon could not be read: {e}"),
        };
        let mut shown: Option<Option<Counts>> = None;
        loop {
            let counts = app.try_state::<AppState>().and_then(|state| {
                crate::commands::tray::counts(&state)
                    .map_err(|e| tracing::error!("the tray could not count: {}", e.message))
                    .ok()
            });
            if shown != Some(counts) {
                post(&app, words(&base, counts));
                shown = Some(counts);
            }
            match nudged.recv_timeout(EVERY) {
                Ok(()) => while nudged.try_recv().is_ok() {},
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
    });
    if let Err(e) = spawned {
        tracing::error!("the tray's refresher did not start: {e}");
    }
}

/// The label, sentence and badge for `counts` (None: they could not be read).
fn words(base: &Rgba, counts: Option<Counts>) -> Shown {
    let (title, sentence) = match counts {
        Some(c) => (c.title(), c.sentence()),
        None => (UNCOUNTED_TITLE.to_owned(), UNCOUNTED_SENTENCE.to_owned()),
    };
    Shown { title, sentence, icon: badge::draw(base, counts.unwrap_or_default()) }
}

/// Posts `shown` to the main thread, which puts it on the tray.
fn post<R: Runtime>(app: &AppHandle<R>, shown: Shown) {
    let handle = app.clone();
    let posted = app.run_on_main_thread(move || show(&handle, shown));
    if let Err(e) = posted {
        tracing::warn!("the tray's counts could not be posted: {e}");
    }
}

/// Puts `shown` on the tray (on the main thread).
fn show<R: Runtime>(app: &AppHandle<R>, shown: Shown) {
    let Some(tray) = app.tray_by_id(super::ID) else {
        return;
    };
    let Shown { title, sentence, icon } = shown;
    let image = Image::new_owned(icon.pixels, icon.width, icon.height);
    let line = COUNTS_LINE.with(|line| {
        let line = line.borrow();
        let item = line.as_ref().and_then(|item| item.downcast_ref::<MenuItem<R>>());
        item.map(|item| item.set_text(&sentence))
    });
    let results = [
        tray.set_icon(Some(image)),
        tray.set_title(Some(&title)),
        tray.set_tooltip(Some(&sentence)),
        line.unwrap_or(Ok(())),
    ];
    for e in results.into_iter().filter_map(Result::err) {
        tracing::warn!("the tray could not show the counts: {e}");
    }
    tracing::info!("tray shows: {title}");
}
