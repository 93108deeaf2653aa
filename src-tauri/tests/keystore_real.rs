//! The keystore key home against a real Secret Service: a private session bus and a real
//! gnome-keyring-daemon (tests/support/private_keyring.rs), and the same bus with no keyring.
//! The `keyring` crate reads the bus address from the environment, so each scenario runs in a
//! child process: this test binary again, running the same test with `VIGIL_KEYSTORE_CHILD`
//! naming the step and the bus in its environment.
#![allow(clippy::expect_used)] // test code: its helpers stop the test when a step fails

mod support {
    pub mod private_keyring;
}

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};
use support::private_keyring::PrivateBus;
use vigil_app::key_home::{self, KeyHome, KeyProblem};
use vigil_store::DbKey;

const STEP: &str = "VIGIL_KEYSTORE_CHILD";
const DIR: &str = "VIGIL_KEYSTORE_DATA_DIR";

fn test_key() -> DbKey {
    DbKey::from_bytes(std::array::from_fn(|i| (i as u8).wrapping_mul(37)))
}

/// Runs `test` of this binary in a child on `bus` with the step and data directory set;
/// fails if it fails or takes longer than 30 s; returns how long it took.
fn child(bus: &PrivateBus, test: &str, step: &str, dir: &Path) -> Duration {
    let mut cmd = Command::new(std::env::current_exe().expect("this test binary"));
    bus.env(&mut cmd).args(["--exact", test, "--nocapture", "--test-threads=1"]);
    let started = Instant::now();
    let mut running = cmd.env(STEP, step).env(DIR, dir).spawn().expect("run the child");
    loop {
        if let Some(status) = running.try_wait().expect("wait") {
            assert!(status.success(), "the child's step {step} failed");
            return started.elapsed();
        }
        if started.elapsed() > Duration::from_secs(30) {
            let _ = running.kill();
            panic!("the child's step {step} hung (over 30 s)");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The step this process is to run, when it is a child.
fn step() -> Option<(String, std::path::PathBuf)> {
    Some((std::env::var(STEP).ok()?, std::env::var_os(DIR)?.into()))
}

#[test]
fn a_key_kept_in_the_real_keystore_loads_in_another_process_and_secret_tool_finds_it() {
    if let Some((step, dir)) = step() {
        match step.as_str() {
            "store" => {
                assert_eq!(key_home::load(&dir), Err(KeyProblem::NoEntry));
                key_home::store(&dir, &test_key(), &KeyHome::Keystore).expect("kept");
            }
            "load" => assert_eq!(key_home::load(&dir).expect("loaded"), test_key()),
            "forget" => {
                key_home::forget(&dir, &KeyHome::Keystore).expect("forgotten");
                assert_eq!(key_home::load(&dir), Err(KeyProblem::NoEntry));
            }
            other => panic!("unknown step {other}"),
        }
        return;
    }
    let bus = PrivateBus::with_keyring();
    let data = bus.root.path().join("vigil-data");
    std::fs::create_dir(&data).expect("data dir");
    const TEST: &str =
        "a_key_kept_in_the_real_keystore_loads_in_another_process_and_secret_tool_finds_it";
    child(&bus, TEST, "store", &data);
    assert_eq!(std::fs::read_to_string(data.join("key-home")).expect("key-home"), "keystore\n");
    child(&bus, TEST, "load", &data);
    let user = format!("records:{}", std::fs::canonicalize(&data).expect("canonical").display());
    assert_eq!(key_home::user_for(&data), user);
    let lookup = || {
        let mut cmd = Command::new("secret-tool");
        let out = bus.env(&mut cmd).args(["lookup", "service", "Vigil", "username", &user]);
        String::from_utf8(out.output().expect("run secret-tool (libsecret-tools)").stdout)
            .expect("text")
    };
    assert_eq!(lookup(), test_key().to_hex());
    child(&bus, TEST, "forget", &data);
    assert_eq!(lookup(), "");
}

#[test]
fn with_no_keystore_on_the_bus_loading_says_so_promptly_and_names_the_way_out() {
    if let Some((_, dir)) = step() {
        let problem = key_home::load(&dir).expect_err("no keystore");
        assert!(matches!(problem, KeyProblem::NoKeystore(_)), "{problem:?}");
        let message = problem.message();
        assert!(message.contains("Try the keystore again"), "{message}");
        assert!(message.contains("open the records with the recovery key"), "{message}");
        let kept = key_home::store(&dir, &test_key(), &KeyHome::Keystore);
        assert!(matches!(kept, Err(KeyProblem::NoKeystore(_))), "{kept:?}");
        assert!(!dir.join("key-home").exists(), "nothing was written");
        return;
    }
    let bus = PrivateBus::start();
    let data = bus.root.path().join("vigil-data");
    std::fs::create_dir(&data).expect("data dir");
    const TEST: &str = "with_no_keystore_on_the_bus_loading_says_so_promptly_and_names_the_way_out";
    let took = child(&bus, TEST, "load", &data);
    assert!(took < Duration::from_secs(10), "took {took:?}");
}
