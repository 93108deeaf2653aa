//! A stand-in for the desktop panel's tray: a StatusNotifierWatcher on the test's session bus
//! (zbus), so the app's appindicator registers its status icon here as it would with a real
//! panel. Reads what a panel shows (the item's label beside the icon, its dbusmenu layout) and
//! clicks a menu item the way a panel does (dbusmenu `Event(id, "clicked", ...)`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};
use zbus::blocking::{connection, Connection, Proxy};
use zbus::zvariant::{OwnedObjectPath, OwnedValue, Value};

/// The watcher's bus name, the one the app checks for before offering "in the tray".
pub const WATCHER: &str = "org.kde.StatusNotifierWatcher";

/// The items registered with the stand-in watcher, as (bus name, object path).
type Items = Arc<Mutex<Vec<(String, String)>>>;

struct Watcher {
    items: Items,
}

#[zbus::interface(name = "org.kde.StatusNotifierWatcher")]
impl Watcher {
    /// `service` is the item's object path (on the caller's connection) or a bus name.
    fn register_status_notifier_item(
        &self,
        service: &str,
        #[zbus(header)] header: zbus::message::Header<'_>,
    ) {
        let sender = header.sender().map(|s| s.to_string()).unwrap_or_default();
        let item = if service.starts_with('/') {
            (sender, service.to_owned())
        } else {
            (service.to_owned(), "/StatusNotifierItem".to_owned())
        };
        self.items.lock().unwrap_or_else(|e| e.into_inner()).push(item);
    }

    fn register_status_notifier_host(&self, _service: &str) {}

    #[zbus(property)]
    fn registered_status_notifier_items(&self) -> Vec<String> {
        let items = self.items.lock().unwrap_or_else(|e| e.into_inner());
        items.iter().map(|(name, path)| format!("{name}{path}")).collect()
    }

    #[zbus(property)]
    fn is_status_notifier_host_registered(&self) -> bool {
        true
    }

    #[zbus(property)]
    fn protocol_version(&self) -> i32 {
        0
    }
}

/// One entry of a tray item's menu, as a panel reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuEntry {
    pub id: i32,
    pub label: String,
    pub enabled: bool,
}

/// The stand-in panel, on the bus at `address` for as long as it lives.
#[derive(Debug)]
pub struct TrayHost {
    conn: Connection,
    items: Items,
}

impl TrayHost {
    /// Owns [`WATCHER`] on the bus at `address`.
    pub fn start(address: &str) -> Self {
        let items = Items::default();
        let conn = connection::Builder::address(address)
            .and_then(|b| b.name(WATCHER))
            .and_then(|b| b.serve_at("/StatusNotifierWatcher", Watcher { items: items.clone() }))
            .and_then(|b| b.build())
            .expect("the stand-in StatusNotifierWatcher on the test's bus");
        Self { conn, items }
    }

    /// The first item registered, if any: (bus name, object path).
    pub fn item(&self) -> Option<(String, String)> {
        self.items.lock().unwrap_or_else(|e| e.into_inner()).first().cloned()
    }

    fn proxy(&self, name: &str, path: &str, interface: &str) -> Proxy<'static> {
        Proxy::new(&self.conn, name.to_owned(), path.to_owned(), interface.to_owned())
            .expect("a proxy")
    }

    /// The label the panel shows beside the item's icon (Ayatana's `XAyatanaLabel`).
    pub fn label(&self, item: &(String, String)) -> String {
        let proxy = self.proxy(&item.0, &item.1, "org.kde.StatusNotifierItem");
        proxy.get_property("XAyatanaLabel").unwrap_or_default()
    }

    fn menu_proxy(&self, item: &(String, String)) -> Proxy<'static> {
        let item_proxy = self.proxy(&item.0, &item.1, "org.kde.StatusNotifierItem");
        let menu: OwnedObjectPath = item_proxy.get_property("Menu").expect("the item's menu");
        self.proxy(&item.0, menu.as_str(), "com.canonical.dbusmenu")
    }

    /// The item's menu entries that have a label, top to bottom (separators left out).
    pub fn menu(&self, item: &(String, String)) -> Vec<MenuEntry> {
        type Node = (i32, HashMap<String, OwnedValue>, Vec<OwnedValue>);
        let (_, (_, _, children)): (u32, Node) = self
            .menu_proxy(item)
            .call("GetLayout", &(0i32, -1i32, Vec::<String>::new()))
            .expect("the menu's layout");
        children
            .into_iter()
            .filter_map(|child| {
                let value = match Value::from(child) {
                    Value::Value(inner) => *inner,
                    other => other,
                };
                let (id, props, _): Node = value.try_into().ok()?;
                let text = |key: &str| {
                    props.get(key).and_then(|v| String::try_from(v.try_clone().ok()?).ok())
                };
                let label = text("label")?;
                let enabled =
                    props.get("enabled").and_then(|v| bool::try_from(v).ok()).unwrap_or(true);
                Some(MenuEntry { id, label, enabled })
            })
            .collect()
    }

    /// Clicks menu entry `id`, as the panel does when it is chosen.
    pub fn click(&self, item: &(String, String), id: i32) {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
        let _: () = self
            .menu_proxy(item)
            .call("Event", &(id, "clicked", Value::I32(0), now as u32))
            .expect("the click");
    }
}
