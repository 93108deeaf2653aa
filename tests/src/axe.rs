//! axe-core run inside the real window: its source (from `ui/node_modules`, pinned in
//! `ui/package.json`) is injected through WebDriver and `axe.run` is awaited with an
//! asynchronous script. Returns the violations as plain data for the test to judge and print.

use serde_json::Value;
use std::path::PathBuf;
use std::time::Duration;

use crate::Session;

/// One node failing a rule, with the colours and ratio when the rule is about contrast.
#[derive(Debug, Clone)]
pub struct Node {
    pub target: String,
    pub summary: String,
    /// `fg on bg: ratio (expected)` for colour-contrast failures.
    pub contrast: Option<String>,
}

/// One rule that failed.
#[derive(Debug, Clone)]
pub struct Violation {
    pub rule: String,
    pub impact: String,
    pub help: String,
    pub nodes: Vec<Node>,
}

impl Violation {
    /// Serious or critical: what the tests refuse.
    pub fn is_serious(&self) -> bool {
        matches!(self.impact.as_str(), "serious" | "critical")
    }
}

/// The result of one run: the violations, how many rules passed, and which need review.
#[derive(Debug, Clone)]
pub struct Report {
    pub violations: Vec<Violation>,
    pub passes: usize,
    /// The rules axe could not decide (to review by hand), with the nodes' selectors.
    pub incomplete: Vec<String>,
    pub version: String,
}

fn source_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/node_modules/axe-core/axe.min.js")
}

/// Injects axe-core into the page (once per page load) and runs it on the whole document with
/// its WCAG 2.x A/AA and best-practice rules.
pub fn run(app: &Session) -> Report {
    let loaded = app.execute("return typeof window.axe === 'object';");
    if loaded != Value::Bool(true) {
        let path = source_path();
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (run `npm install` in ui/: axe-core is a devDependency)",
                path.display()
            )
        });
        app.execute(&format!("{source}\n;return typeof window.axe;"));
        let now = app.execute("return typeof window.axe;");
        assert_eq!(now, Value::from("object"), "axe-core did not load in the window");
    }
    app.set_script_timeout(Duration::from_secs(60));
    let script = "const done = arguments[arguments.length - 1]; \
        axe.run(document, { resultTypes: ['violations'] }) \
          .then(r => done({ ok: true, version: r.testEngine.version, \
             passes: r.passes.length, \
             incomplete: r.incomplete.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`), \
             violations: r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, \
               nodes: v.nodes.map(n => ({ target: n.target.join(' '), summary: n.failureSummary, \
                 data: (n.any.concat(n.all, n.none).find(c => c.data && c.data.contrastRatio !== undefined) || {}).data || null })) })) })) \
          .catch(e => done({ ok: false, error: String(e) }));";
    let result = app.execute_async(script).unwrap_or_else(|e| panic!("axe.run: {e}"));
    assert_eq!(result["ok"], Value::Bool(true), "axe.run failed: {result}");
    Report {
        violations: result["violations"]
            .as_array()
            .map(|a| a.iter().map(violation).collect())
            .unwrap_or_default(),
        passes: count(&result["passes"]),
        incomplete: result["incomplete"]
            .as_array()
            .map(|a| a.iter().map(|v| v.as_str().unwrap_or_default().to_owned()).collect())
            .unwrap_or_default(),
        version: result["version"].as_str().unwrap_or_default().to_owned(),
    }
}

fn count(v: &Value) -> usize {
    v.as_u64().and_then(|n| usize::try_from(n).ok()).unwrap_or_default()
}

fn violation(v: &Value) -> Violation {
    let text = |v: &Value, k: &str| v[k].as_str().unwrap_or_default().to_owned();
    let nodes = v["nodes"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|n| Node {
                    target: text(n, "target"),
                    summary: text(n, "summary").replace('\n', " "),
                    contrast: (!n["data"].is_null()).then(|| {
                        let d = &n["data"];
                        format!(
                            "{} on {}: {} (expected {}), {} {}",
                            d["fgColor"],
                            d["bgColor"],
                            d["contrastRatio"],
                            d["expectedContrastRatio"],
                            d["fontSize"],
                            d["fontWeight"]
                        )
                    }),
                })
                .collect()
        })
        .unwrap_or_default();
    Violation { rule: text(v, "id"), impact: text(v, "impact"), help: text(v, "help"), nodes }
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let serious = self.violations.iter().filter(|v| v.is_serious()).count();
        writeln!(
            f,
            "axe-core {}: {} violated rules ({} serious or critical), {} passed, to review: {:?}",
            self.version,
            self.violations.len(),
            serious,
            self.passes,
            self.incomplete
        )?;
        for v in &self.violations {
            writeln!(f, "  [{}] {}: {} ({} nodes)", v.impact, v.rule, v.help, v.nodes.len())?;
            for n in &v.nodes {
                writeln!(f, "    {}", n.target)?;
                if let Some(c) = &n.contrast {
                    writeln!(f, "      contrast {c}")?;
                }
                writeln!(f, "      {}", n.summary)?;
            }
        }
        Ok(())
    }
}
