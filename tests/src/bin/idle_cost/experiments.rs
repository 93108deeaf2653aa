//! Where Vigil's idle CPU goes (`EXPERIMENTS=1`): the same CPU measurement after changing the
//! running page from outside, through WebDriver, one step further each time. The last step
//! stops every timer of the page, so the app is of no use afterwards (the long day restarts
//! it); then the page is shown again with only its countdown texts rewritten each second by a
//! plain timer: what a second's text update costs on Vigil's page without Svelte. And what a
//! second's tick costs WebKit at all: the bare window's page given a timer that does nothing,
//! then one that rewrites twelve table cells' text each second.

use vigil_e2e::Session;

use crate::{measure_cpu, Config};

/// Each step's label and the script that makes it (on top of the steps before).
const STEPS: [(&str, &str); 5] = [
    (
        "countdown cells not painted (visibility: hidden)",
        "document.querySelectorAll('td.countdown, .countdown').forEach((e) => \
         (e.style.visibility = 'hidden'));",
    ),
    (
        "board table not rendered (display: none)",
        "document.querySelectorAll('table').forEach((e) => (e.style.display = 'none'));",
    ),
    ("whole page not rendered (body display: none)", "document.body.style.display = 'none';"),
    (
        "every page timer stopped",
        "const last = setInterval(() => {}, 1e9); \
         for (let i = 1; i <= last; i++) { clearInterval(i); clearTimeout(i); }",
    ),
    (
        "page shown again, only the countdown texts rewritten each second (no Svelte)",
        "document.body.style.display = ''; \
         document.querySelectorAll('table, .countdown').forEach((e) => e.removeAttribute('style')); \
         const spans = [...document.querySelectorAll('.countdown')]; \
         setInterval(() => { const s = Math.floor(Date.now() / 1000); \
         spans.forEach((e, i) => (e.textContent = String(3600 - s % 3600 + i))); }, 1000);",
    ),
];

/// The bare window's steps: what a per-second timer costs WebKit by itself.
const BARE_STEPS: [(&str, &str); 3] = [
    ("bare window + a 1 s timer doing nothing", "setInterval(() => {}, 1000);"),
    (
        "bare window + a 1 s timer rewriting 12 table cells",
        "const t = document.createElement('table'); const cells = []; \
         for (let i = 0; i < 12; i++) { const r = t.insertRow(); r.insertCell().textContent = \
         'Bay ' + i; const c = r.insertCell(); cells.push(c); } \
         document.querySelector('main').append(t); \
         setInterval(() => { const s = Math.floor(Date.now() / 1000); \
         cells.forEach((c, i) => (c.textContent = String(3600 - s % 3600 + i))); }, 1000);",
    ),
    (
        "bare window + the same, cells contained (contain: strict)",
        "document.querySelectorAll('td').forEach((c) => { c.style.display = 'inline-block'; \
         c.style.contain = 'strict'; c.style.width = '6em'; c.style.height = '1.5em'; });",
    ),
];

/// Runs the bare window's steps (process tree `pid`), printing CPU after each.
pub fn run_bare(window: &Session, pid: i32, config: &Config) {
    for (label, script) in BARE_STEPS {
        window.execute(script);
        std::thread::sleep(std::time::Duration::from_secs(3));
        measure_cpu(&format!("experiment, {label}"), pid, config);
    }
}

/// Counts the page's IPC calls (Tauri's `ipc://` fetches) by command.
const COUNT_IPC: &str = "window.__ipcCount = {}; const f = window.fetch; \
    window.fetch = (u, o) => { const k = String(u); \
    window.__ipcCount[k] = (window.__ipcCount[k] ?? 0) + 1; return f(u, o); };";

/// Runs the steps on `app` (process tree `pid`), printing CPU after each; first the IPC calls
/// the idle page makes.
pub fn run(app: &Session, pid: i32, config: &Config) {
    app.execute(COUNT_IPC);
    measure_cpu("experiment, counting IPC calls", pid, config);
    let calls = app.execute("return window.__ipcCount;");
    println!("experiment, IPC calls in {} s idle: {calls}", config.cpu.as_secs());
    for (label, script) in STEPS {
        app.execute(script);
        std::thread::sleep(std::time::Duration::from_secs(3));
        measure_cpu(&format!("experiment, {label}"), pid, config);
    }
}
