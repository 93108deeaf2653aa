//! A bare Tauri window with Vigil's WebKit tuning (`vigil_app::webview`: the same environment
//! and settings) showing a tiny static page: what keeping Vigil open would cost without Vigil.
//! `scripts/measure.sh` measures it side by side with the app. It does not ship: an example,
//! built with `cargo build --release --example bare_window`.
//!
//! The page has a `<main>` so the WebDriver harness (`vigil-e2e`) sees it as loaded.

use tauri::{WebviewUrl, WebviewWindowBuilder};

/// The page: static, no script, no timer.
const PAGE: &str = "<!doctype html><html lang=en><head><meta charset=utf-8>\
    <title>Bare window</title></head><body><main><h1>Bare window</h1>\
    <p>A static page, for comparison.</p></main></body></html>";

fn main() {
    vigil_app::webview::prepare_environment();
    let built = tauri::Builder::default()
        .setup(|app| {
            let blank = WebviewUrl::External("about:blank".parse()?);
            let window = WebviewWindowBuilder::new(app, "main", blank)
                .title("Bare window")
                .inner_size(1200.0, 800.0)
                .build()?;
            vigil_app::webview::tune(&window);
            show_page(&window)?;
            Ok(())
        })
        .build(tauri::generate_context!());
    match built {
        Ok(app) => app.run(|_, _| {}),
        Err(e) => {
            eprintln!("bare_window: the window could not be built: {e}");
            std::process::exit(1);
        }
    }
}

#[cfg(target_os = "linux")]
fn show_page(window: &tauri::WebviewWindow) -> tauri::Result<()> {
    window.with_webview(|webview| {
        use webkit2gtk::WebViewExt;
        webview.inner().load_html(PAGE, None);
    })
}

#[cfg(not(target_os = "linux"))]
fn show_page(window: &tauri::WebviewWindow) -> tauri::Result<()> {
    let url = format!("data:text/html,{PAGE}");
    window.navigate(url.parse().map_err(|_| tauri::Error::InvalidWebviewUrl("page"))?)
}
