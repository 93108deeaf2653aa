//! The app's window as a window manager sees it, through the X server (x11rb): found by its
//! name, asked to close the way a window manager asks (a `WM_PROTOCOLS` client message with
//! `WM_DELETE_WINDOW`), minimized the way a window manager does it, and whether it is mapped
//! (shown) or not (hidden, minimized).

use std::time::Duration;
use x11rb::connection::Connection;
use x11rb::protocol::xproto::{
    AtomEnum, ClientMessageEvent, ConnectionExt, EventMask, MapState, PropMode, Window,
};
use x11rb::wrapper::ConnectionExt as _;

use crate::process::wait_for;
use x11rb::rust_connection::RustConnection;

/// A connection to the test's X display.
#[derive(Debug)]
pub struct X11 {
    conn: RustConnection,
    root: Window,
}

impl X11 {
    /// Connects to `display` (":5").
    pub fn connect(display: &str) -> Self {
        let (conn, screen) = x11rb::connect(Some(display)).expect("connect to the X display");
        let root = conn.setup().roots[screen].root;
        Self { conn, root }
    }

    fn atom(&self, name: &str) -> u32 {
        self.conn
            .intern_atom(false, name.as_bytes())
            .expect("intern_atom")
            .reply()
            .expect("intern_atom reply")
            .atom
    }

    /// The window's title (`_NET_WM_NAME`, else `WM_NAME`), empty when it has none.
    pub fn title(&self, window: Window) -> String {
        let utf8 = self.atom("UTF8_STRING");
        let net_name = self.atom("_NET_WM_NAME");
        for (property, kind) in [(net_name, utf8), (AtomEnum::WM_NAME.into(), AtomEnum::ANY.into())]
        {
            let reply = self
                .conn
                .get_property(false, window, property, kind, 0, 1024)
                .ok()
                .and_then(|cookie| cookie.reply().ok());
            if let Some(reply) = reply.filter(|r| !r.value.is_empty()) {
                return String::from_utf8_lossy(&reply.value).into_owned();
            }
        }
        String::new()
    }

    /// The top-level windows (children of the root, as there is no window manager) whose
    /// title starts with `prefix` and that take close requests (`WM_PROTOCOLS`).
    pub fn windows_titled(&self, prefix: &str) -> Vec<Window> {
        let protocols = self.atom("WM_PROTOCOLS");
        let tree = self.conn.query_tree(self.root).expect("query_tree").reply().expect("tree");
        tree.children
            .into_iter()
            .filter(|w| self.title(*w).starts_with(prefix))
            .filter(|w| {
                let reply = self
                    .conn
                    .get_property(false, *w, protocols, AtomEnum::ATOM, 0, 32)
                    .ok()
                    .and_then(|cookie| cookie.reply().ok());
                reply.is_some_and(|r| r.value_len > 0)
            })
            .collect()
    }

    /// Whether `window` is mapped and viewable (shown).
    pub fn is_mapped(&self, window: Window) -> bool {
        let attributes = self.conn.get_window_attributes(window).expect("attributes").reply();
        attributes.is_ok_and(|a| a.map_state == MapState::VIEWABLE)
    }

    /// The app's one window that takes close requests (titled "Vigil"), waiting for it.
    pub fn vigil_window(&self) -> Window {
        wait_for("the Vigil window on the X display", Duration::from_secs(10), || {
            let windows = self.windows_titled("Vigil");
            (windows.len() == 1).then(|| windows[0])
        })
    }

    /// Minimizes `window` as a window manager does when its minimize button is clicked (ICCCM
    /// 4.1.4): `WM_STATE` set to IconicState, then the window unmapped. The test's session runs
    /// no window manager, so this does its part; GTK takes an unmap it did not ask for as
    /// being minimized.
    pub fn minimize(&self, window: Window) {
        const ICONIC_STATE: u32 = 3;
        let wm_state = self.atom("WM_STATE");
        self.conn
            .change_property32(PropMode::REPLACE, window, wm_state, wm_state, &[ICONIC_STATE, 0])
            .expect("set WM_STATE");
        self.conn.unmap_window(window).expect("unmap_window");
        self.conn.flush().expect("flush");
    }

    /// Asks `window` to close, as a window manager does when its close button is clicked.
    pub fn ask_to_close(&self, window: Window) {
        let protocols = self.atom("WM_PROTOCOLS");
        let delete = self.atom("WM_DELETE_WINDOW");
        let event = ClientMessageEvent::new(32, window, protocols, [delete, 0, 0, 0, 0]);
        self.conn.send_event(false, window, EventMask::NO_EVENT, event).expect("send_event");
        self.conn.flush().expect("flush");
    }
}
