//! The key file and `key-home`, on real files in temporary folders.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use vigil_store::DbKey;

use super::home_file::{read_home, write_home, HOME_FILE};
use super::key_file::{check_owner_and_mode, key_file_in};
use super::{forget, load, load_from, store, KeyHome, KeyProblem};

/// A data directory and a separate config folder.
struct Dirs {
    _root: tempfile::TempDir,
    data: PathBuf,
    config: PathBuf,
}

fn dirs() -> Dirs {
    let root = tempfile::tempdir().expect("tempdir");
    let data = root.path().join("data");
    std::fs::create_dir(&data).expect("data dir");
    let config = root.path().join("config");
    Dirs { data, config, _root: root }
}

fn key() -> DbKey {
    DbKey::from_bytes(std::array::from_fn(|i| (i * 7) as u8))
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).expect("exists").permissions().mode() & 0o777
}

/// The problem, after checking that its message does not hold the key.
fn problem<T: std::fmt::Debug>(result: Result<T, KeyProblem>) -> KeyProblem {
    let problem = result.expect_err("refused");
    assert!(!problem.to_string().contains(&key().to_hex()), "the key leaked: {problem}");
    problem
}

#[test]
fn no_key_home_file_means_the_keystore() {
    let d = dirs();
    assert_eq!(read_home(&d.data), Ok(KeyHome::Keystore));
}

#[test]
fn the_key_home_file_is_plain_owner_only_and_reads_back() {
    let d = dirs();
    let home = KeyHome::KeyFile(d.config.join("records.key"));
    write_home(&d.data, &home).expect("written");
    let path = d.data.join(HOME_FILE);
    let expected = format!("key-file {}\n", d.config.join("records.key").display());
    assert_eq!(std::fs::read_to_string(&path).expect("read"), expected);
    assert_eq!(mode(&path), 0o600);
    assert_eq!(read_home(&d.data), Ok(home));
    write_home(&d.data, &KeyHome::Keystore).expect("written");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "keystore\n");
    assert_eq!(read_home(&d.data), Ok(KeyHome::Keystore));
    let names: Vec<_> =
        std::fs::read_dir(&d.data).expect("list").map(|e| e.expect("e").file_name()).collect();
    assert_eq!(names, [HOME_FILE], "no temporary file is left behind");
}

#[test]
fn a_garbled_or_unreadable_key_home_file_is_a_clear_problem() {
    let d = dirs();
    for content in ["keystor\n", "key-file relative/records.key\n", "key-file \n", ""] {
        std::fs::write(d.data.join(HOME_FILE), content).expect("write");
        let KeyProblem::Garbled(detail) = problem(read_home(&d.data)) else { panic!("garbled") };
        assert!(detail.contains("does not say keystore or key-file"), "{detail}");
    }
    std::fs::remove_file(d.data.join(HOME_FILE)).expect("rm");
    std::fs::create_dir(d.data.join(HOME_FILE)).expect("a folder in its place");
    let p = problem(read_home(&d.data));
    assert!(p.message().contains("cannot be read") && p.message().contains("recovery key"), "{p}");
}

#[test]
fn a_key_kept_in_a_file_loads_back_and_the_file_is_owner_only() {
    let d = dirs();
    let file = d.config.join("vigil/records.key");
    store(&d.data, &key(), &KeyHome::KeyFile(file.clone())).expect("kept");
    assert_eq!(std::fs::read_to_string(&file).expect("read"), format!("{}\n", key().to_hex()));
    assert_eq!((mode(&file), mode(file.parent().expect("folder"))), (0o600, 0o700));
    assert_eq!(read_home(&d.data), Ok(KeyHome::KeyFile(file.clone())));
    assert_eq!(load(&d.data).expect("loaded"), key());
    forget(&d.data, &KeyHome::KeyFile(file.clone())).expect("forgotten");
    assert!(!file.exists());
    assert_eq!(problem(load(&d.data)), KeyProblem::KeyFileMissing(file.clone()));
    forget(&d.data, &KeyHome::KeyFile(file)).expect("nothing to forget is fine");
}

#[test]
fn a_key_file_others_may_read_is_refused_with_the_fix() {
    let d = dirs();
    let file = d.config.join("records.key");
    let home = KeyHome::KeyFile(file.clone());
    store(&d.data, &key(), &home).expect("kept");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let p = problem(load_from(&d.data, &home));
    assert!(matches!(p, KeyProblem::KeyFileUnsafe(ref f, _) if *f == file), "{p:?}");
    assert!(p.message().contains("(mode 0640)") && p.message().contains("chmod 600"), "{p}");
}

#[test]
fn a_key_file_another_user_owns_is_refused() {
    let d = dirs();
    let file = d.config.join("records.key");
    store(&d.data, &key(), &KeyHome::KeyFile(file.clone())).expect("kept");
    let meta = std::fs::metadata(&file).expect("meta");
    assert_eq!(check_owner_and_mode(&file, &meta, meta.uid()), Ok(()));
    let p = problem(check_owner_and_mode(&file, &meta, meta.uid() + 1));
    assert!(p.message().contains("belongs to another user"), "{p}");
}

#[test]
fn a_key_file_that_holds_no_key_is_garbled() {
    let d = dirs();
    let file = d.config.join("records.key");
    let home = KeyHome::KeyFile(file.clone());
    std::fs::create_dir_all(&d.config).expect("config");
    for content in [&key().to_hex()[..63], "not a key", &"ab".repeat(200)] {
        std::fs::write(&file, content).expect("write");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        assert_eq!(problem(load_from(&d.data, &home)), KeyProblem::KeyFileGarbled(file.clone()));
    }
}

#[test]
fn a_key_file_inside_the_data_directory_is_refused_even_through_a_link() {
    let d = dirs();
    let inside = d.data.join("keys/records.key");
    let p = problem(store(&d.data, &key(), &KeyHome::KeyFile(inside.clone())));
    assert!(p.message().contains("inside the data directory"), "{p}");
    assert!(!inside.exists() && !d.data.join(HOME_FILE).exists(), "nothing was written");
    let link = d.config.join("link");
    std::fs::create_dir_all(&d.config).expect("config");
    std::os::unix::fs::symlink(&d.data, &link).expect("link");
    let through = KeyHome::KeyFile(link.join("records.key"));
    assert!(matches!(problem(store(&d.data, &key(), &through)), KeyProblem::KeyFileUnsafe(..)));
    assert!(matches!(problem(load_from(&d.data, &through)), KeyProblem::KeyFileUnsafe(..)));
}

#[test]
fn a_relative_key_file_path_is_refused() {
    let d = dirs();
    let home = KeyHome::KeyFile(PathBuf::from("records.key"));
    let p = problem(store(&d.data, &key(), &home));
    assert!(p.message().contains("not a full path"), "{p}");
}

#[test]
fn the_default_key_file_is_in_the_config_folder() {
    let env = |xdg: Option<&'static str>, home: Option<&'static str>| {
        key_file_in(move |name| match name {
            "XDG_CONFIG_HOME" => xdg.map(Into::into),
            "HOME" => home.map(Into::into),
            _ => None,
        })
    };
    let expected = |p: &str| Some(PathBuf::from(p));
    assert_eq!(env(Some("/cfg"), Some("/home/n")), expected("/cfg/vigil/records.key"));
    assert_eq!(env(None, Some("/home/n")), expected("/home/n/.config/vigil/records.key"));
    assert_eq!(
        env(Some("relative"), Some("/home/n")),
        expected("/home/n/.config/vigil/records.key")
    );
    assert_eq!(env(None, None), None);
}
