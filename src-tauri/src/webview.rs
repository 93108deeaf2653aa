//! WebView settings. Vigil shows one local page, so WebKit's page cache and back/forward
//! history are of no use: the document-viewer cache model keeps its memory small.

use tauri::WebviewWindow;

/// Applies Vigil's WebView settings; a failure is logged, never fatal.
pub fn tune(window: &WebviewWindow) {
    #[cfg(target_os = "linux")]
    let result = window.with_webview(|webview| {
        use webkit2gtk::{CacheModel, WebContextExt, WebViewExt};
        if let Some(context) = webview.inner().context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
    });
    #[cfg(not(target_os = "linux"))]
    let result: tauri::Result<()> = Ok(());
    if let Err(e) = result {
        eprintln!("vigil: webview settings not applied: {e}");
    }
}
