//! What the sweep knows of one command: valid arguments to mutate, which fields may be left
//! out or be `null`, which hold times or record ids, and the one run: at least
//! [`CASES`] malformed payloads, each refused with `validation` and nothing changed, then the
//! valid arguments, which must not be refused as invalid (so the refusals are the mutations').

use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::Value;

use super::harness::Harness;
use super::mutate::{dotted, matches, mutations, Mutation};

/// Malformed payloads per command.
pub const CASES: u32 = 128;

/// A command's name and how to set up its sweep on a new app.
pub type Make = (&'static str, fn(&Harness) -> Spec);

/// One command's sweep.
pub struct Spec {
    pub cmd: &'static str,
    /// Valid arguments, keyed by argument name as the page sends them.
    pub args: Value,
    /// Paths whose absence is valid (never generated as "left out"); `*` matches one step.
    pub optional: &'static [&'static str],
    /// Paths where `null` is valid.
    pub nullable: &'static [&'static str],
    /// Paths of record ids: a well-typed number there that names no record may be refused
    /// with one of `id_codes` instead of `validation` (the payload is well-formed).
    pub ids: &'static [&'static str],
    pub id_codes: &'static [&'static str],
    /// Paths holding a typed local time or date.
    pub times: &'static [&'static str],
    /// Number paths the valid arguments make irrelevant (not given impossible numbers).
    pub ignored: &'static [&'static str],
    /// String paths kept as typed, whatever characters they hold (a draft's content: what the
    /// nurse pasted is kept, and refused, with its field named, only when the form is saved).
    pub verbatim: &'static [&'static str],
}

impl Spec {
    /// A spec for `cmd` with `args` and nothing optional, nullable, an id or a time.
    pub fn new(cmd: &'static str, args: Value) -> Self {
        Spec {
            cmd,
            args,
            optional: &[],
            nullable: &[],
            ids: &[],
            id_codes: &[],
            times: &[],
            ignored: &[],
            verbatim: &[],
        }
    }

    /// Whether `error` is an acceptable refusal of `m`.
    fn acceptable(&self, m: &Mutation, error: &Value) -> bool {
        let code = error.get("code").and_then(Value::as_str).unwrap_or_default();
        let field = error.get("field").and_then(Value::as_str).unwrap_or_default();
        if code == "validation" {
            return !field.is_empty();
        }
        let names_an_id = match m {
            Mutation::Replace(p, v) => {
                (v.is_i64() || v.is_u64()) && self.ids.iter().any(|i| matches(p, i))
            }
            _ => false,
        };
        names_an_id && self.id_codes.contains(&code)
    }

    /// Runs the sweep on `h`: every case refused, every table unchanged; then the valid
    /// arguments are not refused as invalid. Returns the number of cases run.
    pub fn run(&self, h: &Harness) -> u32 {
        let before = h.snapshot();
        let mut runner = TestRunner::new(Config {
            cases: CASES,
            failure_persistence: None,
            max_global_rejects: 100_000,
            // The first failure is the one to see: a change left by one case fails every
            // case after it, so shrinking would only find a later, innocent one.
            max_shrink_iters: 0,
            ..Config::default()
        });
        let count = std::cell::Cell::new(0);
        let result = runner.run(&mutations(self), |m| {
            count.set(count.get() + 1);
            let args = m.apply(&self.args);
            let answer = h.invoke(self.cmd, &args);
            let path = dotted(m.path());
            match &answer {
                Err(e) if self.acceptable(&m, e) => {}
                other => {
                    let shown: String = format!("{other:?}").chars().take(300).collect();
                    return Err(TestCaseError::fail(format!("{} {path}: {shown}", self.cmd)));
                }
            }
            let after = h.snapshot();
            if after != before {
                let changed = after.lines().find(|l| !before.contains(l)).unwrap_or("a row went");
                let changed: String = changed.chars().take(200).collect();
                return Err(TestCaseError::fail(format!("{} {path}: {changed}", self.cmd)));
            }
            Ok(())
        });
        if let Err(e) = result {
            panic!("{}: {e}", self.cmd);
        }
        let count = count.get();
        assert!(count >= CASES, "{}: only {count} cases", self.cmd);
        count
    }

    /// The valid arguments are not refused as invalid: the sweep's refusals come from the
    /// mutations. Returns the answer.
    pub fn control(&self, h: &Harness) -> Result<Value, Value> {
        let answer = h.invoke(self.cmd, &self.args);
        if let Err(e) = &answer {
            assert_ne!(e.get("code"), Some(&Value::from("validation")), "{}: {e}", self.cmd);
            assert!(e.get("code").is_some(), "{}: an untyped error {e}", self.cmd);
        }
        answer
    }
}
