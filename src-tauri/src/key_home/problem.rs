//! Why the key of the records could not be loaded or kept, as a sentence for a nurse or the
//! clinic's IT person that names the way out. No variant holds the key or any part of it.

use std::path::PathBuf;

/// A key-home failure. Loading failures change nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyProblem {
    /// No keystore answers (no Secret Service, or it refused access); the detail is the
    /// platform's error, for the log.
    NoKeystore(String),
    /// The keystore answers but holds no key for these records.
    NoEntry,
    /// The key file named in `key-home` does not exist.
    KeyFileMissing(PathBuf),
    /// The key file may not be used: why, and what to do about it.
    KeyFileUnsafe(PathBuf, String),
    /// The key file does not hold 64 hex characters.
    KeyFileGarbled(PathBuf),
    /// What says where the key is (`key-home`, or the keystore's entry) cannot be read or
    /// understood: the detail says which.
    Garbled(String),
    /// The key could not be written to the key file (or `key-home` there): the path and the
    /// system's reason.
    NotWritten(PathBuf, String),
}

const RECOVERY: &str = "or open the records with the recovery key";
const UNCHANGED: &str = "Nothing was changed.";

impl KeyProblem {
    /// The sentence shown in the window: what is wrong and the way out.
    pub fn message(&self) -> String {
        match self {
            Self::NoKeystore(_) => format!(
                "No keystore answers on this workstation (the Secret Service, e.g. GNOME \
                 Keyring, is not running or is locked). Start or unlock it and choose Try the \
                 keystore again, {RECOVERY}. {UNCHANGED}"
            ),
            Self::NoEntry => format!(
                "This workstation's keystore holds no key for these records (it was removed, or \
                 the records came from another workstation). Open the records with the recovery \
                 key; Vigil then keeps the key again. {UNCHANGED}"
            ),
            Self::KeyFileMissing(path) => format!(
                "The key file {} is missing. Put it back and choose Try the key file again, \
                 {RECOVERY}. {UNCHANGED}",
                path.display()
            ),
            Self::KeyFileUnsafe(path, why) => {
                format!("The key file {} is not used: {why}. {UNCHANGED}", path.display())
            }
            Self::KeyFileGarbled(path) => format!(
                "The key file {} does not hold a Vigil key (64 hexadecimal characters). Put back \
                 a good copy and choose Try the key file again, {RECOVERY}. {UNCHANGED}",
                path.display()
            ),
            Self::Garbled(detail) => format!(
                "Vigil cannot tell where the key of these records is: {detail}. Open the records \
                 with the recovery key; Vigil then keeps the key again. {UNCHANGED}"
            ),
            Self::NotWritten(path, why) => format!(
                "The key could not be kept in {}: {why}. Choose where Vigil may write, or keep \
                 the key in the workstation's keystore.",
                path.display()
            ),
        }
    }

    /// The platform's own words, for the log (never the key).
    pub fn detail(&self) -> Option<&str> {
        match self {
            Self::NoKeystore(detail) => Some(detail),
            _ => None,
        }
    }
}

impl std::fmt::Display for KeyProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())?;
        match self.detail() {
            Some(detail) => write!(f, " ({detail})"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for KeyProblem {}
