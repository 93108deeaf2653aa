//! The app the sweep drives: Tauri's mock runtime with the app's own command handler, an
//! `AppState` on a real SQLite file in a temporary directory, a fixed clock, and (usually) the
//! test administrator signed in. Calls go through the IPC layer as the page's would.

use chrono::{Duration, Local};
use serde_json::{json, Value};
use std::sync::Arc;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};
use tempfile::TempDir;
use vigil_core::{Clock, FixedClock};
use vigil_store::Store;

use crate::state::AppState;
use crate::test_support::{admin_state, t0};

/// One mock app on one temporary database.
pub struct Harness {
    pub app: App<MockRuntime>,
    webview: WebviewWindow<MockRuntime>,
    _dir: TempDir,
    /// A folder outside the data directory, to save papers in.
    export: TempDir,
}

impl Harness {
    /// A new database with the test administrator signed in.
    pub fn signed_in() -> Self {
        Self::with(admin_state)
    }

    /// A new database with no account at all (first start).
    pub fn first_start() -> Self {
        Self::with(|dir, clock| {
            AppState::new(
                Store::open_in(dir, &crate::test_support::test_key()).expect("open"),
                clock,
            )
            .expect("state")
        })
    }

    fn with(state: impl FnOnce(&std::path::Path, Arc<dyn Clock>) -> AppState) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let clock = Arc::new(FixedClock::new(t0()));
        let state = state(dir.path(), clock);
        let app = mock_builder()
            .manage(state)
            .manage(crate::startup::Recovery::default())
            .manage(crate::autostart::Autostart::new(crate::autostart::AutostartDirs {
                config_home: dir.path().join("xdg-config-home"),
                config_dirs: vec![dir.path().join("xdg-config-dirs")],
                exe: Ok("/usr/bin/vigil".into()),
            }))
            .invoke_handler(command_handler!())
            .build(mock_context(noop_assets()))
            .expect("mock app");
        let webview =
            WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("webview");
        let export = tempfile::tempdir().expect("export dir");
        Self { app, webview, _dir: dir, export }
    }

    /// A folder outside the data directory where papers may be saved.
    pub fn export_folder(&self) -> String {
        self.export.path().display().to_string()
    }

    /// Calls `cmd` with `args` (an object of the command's arguments) as the page would.
    /// `Ok` with the answer, or `Err` with the error the page would receive.
    pub fn invoke(&self, cmd: &str, args: &Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(args.clone()),
            headers: Default::default(),
            invoke_key: tauri::test::INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.webview, request)
            .map(|body| body.deserialize::<Value>().expect("answer is JSON"))
    }

    /// [`Harness::invoke`] that must succeed (setting up a case).
    pub fn ok(&self, cmd: &str, args: Value) -> Value {
        self.invoke(cmd, &args).unwrap_or_else(|e| panic!("{cmd} failed in setup: {e}"))
    }

    /// Every table, each with its row count and every row (see `test_support::everything`).
    pub fn snapshot(&self) -> String {
        crate::test_support::everything(&self.app.state::<AppState>())
    }

    /// Admits a Spravato patient in `bay` clocked 10 minutes ago; returns the session id.
    pub fn admit(&self, bay: &str) -> i64 {
        let id = self.ok("admit_patient", json!({ "input": admit_input(bay) }));
        id.as_i64().expect("session id")
    }
}

/// The local wall-clock time `minutes` before the test's now, as the forms type it.
pub fn local_before(minutes: i64) -> String {
    (t0() - Duration::minutes(minutes)).with_timezone(&Local).format("%Y-%m-%d %H:%M").to_string()
}

/// A valid admission of a fictional Spravato patient.
pub fn admit_input(bay: &str) -> Value {
    json!({
        "patientName": "Testy McTestface",
        "chartNumber": "T-0001",
        "dateOfBirth": "1980-02-03",
        "bay": bay,
        "protocol": "spravato",
        "recoveryMinutes": null,
        "doseMg": 56,
        "weightKg": 70,
        "clockStartedAt": local_before(10),
        "laterDeviceTimes": [local_before(5)],
        "note": "First dose.\nTolerated well.",
    })
}
