//! A small W3C WebDriver client (only what the tests use), speaking to tauri-driver, plus
//! locators that find controls the way a person does: by label, role and visible name.

use serde_json::{json, Value};
use std::path::Path;
use std::time::Duration;

use crate::process::wait_for;

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";
/// How long a locator waits for its element to appear.
const FIND_LIMIT: Duration = Duration::from_secs(15);

/// A locator, written as XPath over the accessible names of controls.
#[derive(Debug, Clone)]
pub struct By(String);

impl By {
    /// The form control whose `<label>` reads `label`.
    pub fn label(label: &str) -> Self {
        Self(format!("//*[@id=//label[normalize-space()={}]/@for]", quote(label)))
    }

    /// The option reading `option` of the select whose `<label>` reads `label`.
    pub fn option(label: &str, option: &str) -> Self {
        Self(format!("{}/option[normalize-space()={}]", Self::label(label).0, quote(option)))
    }

    /// An element whose text contains `text` (for live regions and table cells).
    pub fn containing(text: &str) -> Self {
        Self(format!(
            "//*[contains(normalize-space(), {})][not(*[contains(normalize-space(), {})])]",
            quote(text),
            quote(text)
        ))
    }

    /// The radio button labelled `label` (by a `<label for>` or a wrapping `<label>`).
    pub fn radio(label: &str) -> Self {
        let q = quote(label);
        Self(format!(
            "//input[@type='radio'][@id=//label[normalize-space()={q}]/@for \
             or ancestor::label[normalize-space()={q}]]"
        ))
    }

    /// A button whose visible text or `aria-label` is `name`.
    pub fn button(name: &str) -> Self {
        let q = quote(name);
        Self(format!("//button[normalize-space()={q} or @aria-label={q}]"))
    }

    /// A heading (h1-h3) whose text is `name`.
    pub fn heading(name: &str) -> Self {
        Self(format!("//*[self::h1 or self::h2 or self::h3][normalize-space()={}]", quote(name)))
    }

    /// A table row whose row header (`<th scope="row">`) reads `name`.
    pub fn row(name: &str) -> Self {
        Self(format!("//tr[th[@scope='row'][normalize-space()={}]]", quote(name)))
    }

    /// The table whose `<caption>` reads `caption`.
    pub fn table(caption: &str) -> Self {
        Self(format!("//table[caption[normalize-space()={}]]", quote(caption)))
    }

    /// The table whose caption starts with `start` (a caption that counts its rows).
    pub fn table_starting(start: &str) -> Self {
        Self(format!("//table[caption[starts-with(normalize-space(), {})]]", quote(start)))
    }

    /// `inner` found only inside `outer` (e.g. a row of one table: `By::inside(&By::table(..), &By::row(..))`).
    pub fn inside(outer: &By, inner: &By) -> Self {
        Self(format!("{}{}", outer.0, inner.0))
    }

    /// The row headers (`<th scope="row">`) of the body rows of the table `table`, in order.
    pub fn row_headers(table: &By) -> Self {
        Self(format!("{}/tbody/tr/th[@scope='row']", table.0))
    }

    /// The cell of a row under the column header `column` (the row header is column one, so
    /// the header's count of preceding headers is the data cell's position).
    pub fn cell(row: &str, column: &str) -> Self {
        Self(format!(
            "{}/td[count(ancestor::table//thead//th[normalize-space()={}]/preceding-sibling::th)]",
            Self::row(row).0,
            quote(column)
        ))
    }

    /// The value of the term `term` ("Admitted by", "PADSS", "Not ready") in the details
    /// row just below the board row `row` (shown once the row is expanded).
    pub fn detail(row: &str, term: &str) -> Self {
        Self(format!(
            "{}/following-sibling::tr[1][contains(@class, 'details')]//dt[normalize-space()={}]/following-sibling::dd",
            Self::row(row).0,
            quote(term)
        ))
    }

    /// The region (`<section>` or `role="region"`) whose `aria-label` is `name`.
    pub fn region(name: &str) -> Self {
        let q = quote(name);
        Self(format!("//*[self::section or @role='region'][@aria-label={q}]"))
    }

    /// The `<summary>` (a disclosure's button) that reads `text`.
    pub fn summary(text: &str) -> Self {
        Self(format!("//summary[normalize-space()={}]", quote(text)))
    }

    /// Any element whose own text is exactly `text`.
    pub fn text(text: &str) -> Self {
        Self(format!("//*[normalize-space(text())={}]", quote(text)))
    }

    /// A raw XPath expression.
    pub fn xpath(expr: impl Into<String>) -> Self {
        Self(expr.into())
    }
}

/// An XPath string literal: single-quoted, or double-quoted when the text has an apostrophe.
pub(crate) fn quote(s: &str) -> String {
    match (s.contains('\''), s.contains('"')) {
        (false, _) => format!("'{s}'"),
        (true, false) => format!("\"{s}\""),
        (true, true) => panic!("locator text with both quote marks is not supported: {s}"),
    }
}

/// An element reference from the driver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element(String);

/// One WebDriver session: one running Vigil app. Dropping it ends the session (closing the
/// app).
#[derive(Debug)]
pub struct Session {
    agent: ureq::Agent,
    base: String,
}

impl Session {
    /// Starts the app at `app` through the driver at `driver_url`. WebKitWebDriver holds one
    /// session at a time and notices a killed app only after a moment, so a refused new
    /// session is tried again for up to 15 s (each refusal is logged) before the test fails.
    pub fn launch(driver_url: &str, app: &Path) -> Self {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(90)))
            .build()
            .into();
        let caps = json!({
            "capabilities": { "alwaysMatch": { "tauri:options": { "application": app } } }
        });
        let url = format!("{driver_url}/session");
        let deadline = std::time::Instant::now() + Duration::from_secs(15);
        let reply = loop {
            match send(&agent, "POST", &url, Some(caps.clone())) {
                Ok(reply) => break reply,
                Err(e) if std::time::Instant::now() < deadline => {
                    eprintln!("e2e: new session refused, trying again: {e}");
                    std::thread::sleep(Duration::from_millis(500));
                }
                Err(e) => panic!("new session: {e}"),
            }
        };
        let id = reply["sessionId"].as_str().expect("sessionId").to_owned();
        let session = Self { agent, base: format!("{driver_url}/session/{id}") };
        session.find(&By::xpath("//main"));
        session
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        send(&self.agent, method, &format!("{}{path}", self.base), body)
    }

    fn must(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.call(method, path, body).unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    /// Finds the element, waiting for it to appear; panics naming the locator if it never does.
    pub fn find(&self, by: &By) -> Element {
        wait_for(&format!("element {}", by.0), FIND_LIMIT, || self.try_find(by))
    }

    /// The element if it is present now.
    pub fn try_find(&self, by: &By) -> Option<Element> {
        let found =
            self.call("POST", "/element", Some(json!({"using": "xpath", "value": by.0}))).ok()?;
        found[ELEMENT_KEY].as_str().map(|id| Element(id.to_owned()))
    }

    /// How many elements match now.
    pub fn count(&self, by: &By) -> usize {
        self.must("POST", "/elements", Some(json!({"using": "xpath", "value": by.0})))
            .as_array()
            .map_or(0, Vec::len)
    }

    /// The rendered text of every element that matches now, in document order (read in one
    /// script, so a table re-rendered meanwhile never leaves a stale element).
    pub fn texts(&self, by: &By) -> Vec<String> {
        let script = "const r = document.evaluate(arguments[0], document, null, \
                      XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null); \
                      return Array.from({length: r.snapshotLength}, \
                      (_, i) => r.snapshotItem(i).innerText.trim());";
        let found =
            self.must("POST", "/execute/sync", Some(json!({ "script": script, "args": [by.0] })));
        let all = found.as_array().cloned().unwrap_or_default();
        all.iter().map(|t| t.as_str().unwrap_or_default().to_owned()).collect()
    }

    /// Clicks the element as a person would: scrolled to the middle of the window first (an
    /// option: its list), so the pinned alert strip at the top never covers it, then clicked.
    pub fn click(&self, el: &Element) {
        self.try_click(el).unwrap_or_else(|e| panic!("{e}"));
    }

    /// [`Session::click`], the driver's error returned instead of a panic: for a click that
    /// ends the app (Quit), whose reply may never come because the app is gone first. The
    /// caller then proves the click by what it did (the app exited, the quit is recorded).
    pub fn try_click(&self, el: &Element) -> Result<(), String> {
        let script = "(arguments[0].closest('select') ?? arguments[0])\
                      .scrollIntoView({block: 'center', inline: 'nearest'});";
        let args = json!([{ ELEMENT_KEY: el.0 }]);
        self.call("POST", "/execute/sync", Some(json!({ "script": script, "args": args })))
            .map_err(|e| format!("POST /execute/sync (scroll into view): {e}"))?;
        let path = format!("/element/{}/click", el.0);
        self.call("POST", &path, Some(json!({}))).map(drop).map_err(|e| format!("POST {path}: {e}"))
    }

    /// Clears a text field and types `text` into it, key by key (nothing for "").
    pub fn type_into(&self, el: &Element, text: &str) {
        self.must("POST", &format!("/element/{}/clear", el.0), Some(json!({})));
        if !text.is_empty() {
            self.must("POST", &format!("/element/{}/value", el.0), Some(json!({ "text": text })));
        }
    }

    /// The rendered text of an element.
    pub fn text(&self, el: &Element) -> String {
        self.must("GET", &format!("/element/{}/text", el.0), None)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// An attribute of an element, if set.
    pub fn attribute(&self, el: &Element, name: &str) -> Option<String> {
        self.must("GET", &format!("/element/{}/attribute/{name}", el.0), None)
            .as_str()
            .map(str::to_owned)
    }

    /// The current value of a form control.
    pub fn value(&self, el: &Element) -> String {
        self.must("GET", &format!("/element/{}/property/value", el.0), None)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// The element that has keyboard focus.
    pub fn active_element(&self) -> Element {
        let v = self.must("GET", "/element/active", None);
        Element(v[ELEMENT_KEY].as_str().expect("active element").to_owned())
    }

    /// The window title.
    pub fn title(&self) -> String {
        self.must("GET", "/title", None).as_str().unwrap_or_default().to_owned()
    }

    /// Runs `script` (a function body; `return` gives the result) in the page and returns
    /// what it returned, as JSON.
    pub fn execute(&self, script: &str) -> Value {
        self.must("POST", "/execute/sync", Some(json!({ "script": script, "args": [] })))
    }

    /// As [`Session::execute`], with `arguments[0]` the element `el`.
    pub fn execute_on(&self, script: &str, el: &Element) -> Value {
        let args = json!([{ ELEMENT_KEY: el.0 }]);
        self.must("POST", "/execute/sync", Some(json!({ "script": script, "args": args })))
    }

    /// Runs `script` asynchronously: it ends by calling `arguments[arguments.length - 1]`
    /// with its result. The driver's error (e.g. its script timeout) when it fails.
    pub fn execute_async(&self, script: &str) -> Result<Value, String> {
        self.call("POST", "/execute/async", Some(json!({ "script": script, "args": [] })))
    }

    /// Sets the driver's script timeout (how long [`Session::execute_async`] may take).
    pub fn set_script_timeout(&self, limit: Duration) {
        let ms = u64::try_from(limit.as_millis()).unwrap_or(u64::MAX);
        self.must("POST", "/timeouts", Some(json!({ "script": ms })));
    }

    /// Presses and releases each key in turn through the WebDriver actions API: the keys go
    /// to whatever has the focus, as from a keyboard. Special keys are WebDriver code points
    /// (see `crate::keys`).
    pub fn press_keys(&self, keys: &str) {
        let actions: Vec<Value> = keys
            .chars()
            .flat_map(|k| {
                let k = k.to_string();
                [json!({"type": "keyDown", "value": k}), json!({"type": "keyUp", "value": k})]
            })
            .collect();
        let body = json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]});
        self.must("POST", "/actions", Some(body));
        self.call("DELETE", "/actions", None).ok();
    }

    /// Holds `modifier` (e.g. Control, Shift) while pressing `key`, then releases both.
    pub fn press_chord(&self, modifier: &str, key: &str) {
        let actions = json!([
            {"type": "keyDown", "value": modifier}, {"type": "keyDown", "value": key},
            {"type": "keyUp", "value": key}, {"type": "keyUp", "value": modifier},
        ]);
        let body = json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]});
        self.must("POST", "/actions", Some(body));
        self.call("DELETE", "/actions", None).ok();
    }

    /// Asks for the window's size in CSS pixels; the driver's error when it cannot.
    pub fn set_window_size(&self, width: u32, height: u32) -> Result<(), String> {
        let rect = json!({ "width": width, "height": height });
        self.call("POST", "/window/rect", Some(rect)).map(|_| ())
    }

    /// Asks for the window's position on the screen; the driver's error when it cannot.
    pub fn set_window_position(&self, x: i32, y: i32) -> Result<(), String> {
        self.call("POST", "/window/rect", Some(json!({ "x": x, "y": y }))).map(|_| ())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Err(e) = self.call("DELETE", "", None) {
            eprintln!("e2e: ending the WebDriver session failed: {e}");
        }
    }
}

/// Sends one WebDriver request; returns its `value`, or the driver's error as text.
fn send(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    body: Option<Value>,
) -> Result<Value, String> {
    let response = match (method, body) {
        ("GET", _) => agent.get(url).call(),
        ("DELETE", _) => agent.delete(url).call(),
        (_, body) => agent.post(url).send_json(body.unwrap_or(json!({}))),
    };
    let mut response = response.map_err(|e| e.to_string())?;
    let status = response.status();
    let reply: Value = response
        .body_mut()
        .with_config()
        .limit(64 << 20)
        .read_json()
        .map_err(|e| format!("HTTP {status}: unreadable reply: {e}"))?;
    if status.is_success() {
        Ok(reply["value"].clone())
    } else {
        Err(format!("HTTP {status}: {}", reply["value"]))
    }
}
