//! WebView settings. Vigil shows one small local page: WebKit's page cache, back/forward
//! history, WebGL and GPU compositing are of no use to it and cost memory. Measured with
//! `scripts/measure.sh` on Xvfb: idle PSS of the app and its WebKit processes fell from about
//! 283 MiB to about 210 MiB without WebKit's DMA-BUF renderer. (Turning hardware acceleration
//! off saves as much but leaves WebKitWebDriver's snapshots of a still page hanging.)

use tauri::WebviewWindow;

/// Environment WebKitGTK reads at start-up.
const WEBKIT_ENV: [(&str, &str); 1] = [("WEBKIT_DISABLE_DMABUF_RENDERER", "1")];

/// Sets [`WEBKIT_ENV`] where the user has not set it. Call first thing in `run`, while the
/// process has one thread (setting the environment is unsound once others may read it).
pub fn prepare_environment() {
    for (key, value) in WEBKIT_ENV {
        if std::env::var_os(key).is_none() {
            std::env::set_var(key, value);
        }
    }
}

/// Applies Vigil's WebView settings; a failure is logged, never fatal.
pub fn tune(window: &WebviewWindow) {
    #[cfg(target_os = "linux")]
    let result = window.with_webview(|webview| {
        use webkit2gtk::{CacheModel, SettingsExt, WebContextExt, WebViewExt};
        let view = webview.inner();
        if let Some(context) = view.context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
        if let Some(settings) = view.settings() {
            settings.set_enable_webgl(false);
            settings.set_enable_page_cache(false);
        }
    });
    #[cfg(not(target_os = "linux"))]
    let result: tauri::Result<()> = Ok(());
    if let Err(e) = result {
        tracing::warn!("webview settings not applied: {e}");
    }
}
