//! The people who use Vigil: accounts with a display name, credentials, a role and a PIN.
//! Accounts are never deleted, only deactivated. What each role may do is decided here.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::required_text;
use crate::VigilError;

/// What an account may do beyond clinical work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Nurse,
    Prescriber,
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Nurse, Role::Prescriber, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Nurse => "nurse",
            Role::Prescriber => "prescriber",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// Something a signed-in person does that not every role may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Admit, record, acknowledge: everyone with an active account.
    ClinicalWork,
    /// Accounts, protocols, clinic settings, backups and restore: admins only.
    Administer,
}

/// An account as the UI shows it. Never carries the PIN or its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Nurse {
    #[ts(type = "number")]
    pub id: i64,
    pub display_name: String,
    /// e.g. "RN", "NP", "MD".
    pub credentials: String,
    pub role: Role,
    pub active: bool,
}

impl Nurse {
    /// "Ana Ruiz, RN".
    pub fn label(&self) -> String {
        format!("{}, {}", self.display_name, self.credentials)
    }

    /// Whether this account may do `permission`.
    pub fn may(&self, permission: Permission) -> bool {
        self.active
            && match permission {
                Permission::ClinicalWork => true,
                Permission::Administer => self.role == Role::Admin,
            }
    }
}

/// A PIN of 4 to 8 digits. Its `Debug` never shows the digits.
#[derive(Clone, PartialEq, Eq)]
pub struct Pin(String);

impl std::fmt::Debug for Pin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pin(****)")
    }
}

impl Pin {
    /// Errors: `validation` on `field` unless 4 to 8 ASCII digits.
    pub fn parse(raw: &str, field: &str) -> Result<Self, VigilError> {
        let ok = (4..=8).contains(&raw.len()) && raw.bytes().all(|b| b.is_ascii_digit());
        if !ok {
            return Err(VigilError::validation(field, "A PIN is 4 to 8 digits."));
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn digits(&self) -> &str {
        &self.0
    }

    /// Errors: `validation` on `field` when `role` is admin and the PIN is shorter than
    /// [`ADMIN_PIN_DIGITS`]: an administrator's PIN opens accounts, settings and restore, and
    /// a 4-digit one falls to an offline search in minutes.
    pub fn allowed_for(&self, role: Role, field: &str) -> Result<(), VigilError> {
        if role == Role::Admin && self.0.len() < ADMIN_PIN_DIGITS {
            return Err(VigilError::validation(field, ADMIN_PIN_RULE));
        }
        Ok(())
    }
}

/// The fewest digits an administrator's PIN may have.
pub const ADMIN_PIN_DIGITS: usize = 6;

/// The refusal of a short administrator PIN (also the hint on the forms).
pub const ADMIN_PIN_RULE: &str = "An administrator's PIN is 6 to 8 digits.";

/// A new account as typed on the account form (or the first-start form).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewNurseInput {
    pub display_name: String,
    pub credentials: String,
    pub role: String,
    pub pin: String,
    pub pin_again: String,
}

/// A validated new account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNurse {
    pub display_name: String,
    pub credentials: String,
    pub role: Role,
    pub pin: Pin,
}

impl NewNurseInput {
    /// Errors: `validation` naming the first bad field (`displayName`, `credentials`, `role`,
    /// `pin`, `pinAgain` when the two PINs differ).
    pub fn validate(&self) -> Result<NewNurse, VigilError> {
        let display_name = required_text(&self.display_name, "displayName", "Name", 80)?;
        let credentials = required_text(&self.credentials, "credentials", "Credentials", 20)?;
        let role = Role::parse(&self.role).ok_or_else(|| {
            VigilError::validation("role", "Role must be nurse, prescriber or admin.")
        })?;
        let pin = Pin::parse(&self.pin, "pin")?;
        pin.allowed_for(role, "pin")?;
        if self.pin_again != self.pin {
            return Err(VigilError::validation("pinAgain", "The two PINs differ."));
        }
        Ok(NewNurse { display_name, credentials, role, pin })
    }
}

/// A new PIN for an existing account, typed twice.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PinResetInput {
    #[ts(type = "number")]
    pub nurse_id: i64,
    pub pin: String,
    pub pin_again: String,
}

impl PinResetInput {
    /// Errors: `validation` on `pin` or `pinAgain`; `pin` also when the account is an
    /// administrator (`role`) and the PIN is shorter than [`ADMIN_PIN_DIGITS`].
    pub fn validate(&self, role: Role) -> Result<Pin, VigilError> {
        let pin = Pin::parse(&self.pin, "pin")?;
        pin.allowed_for(role, "pin")?;
        if self.pin_again != self.pin {
            return Err(VigilError::validation("pinAgain", "The two PINs differ."));
        }
        Ok(pin)
    }
}

/// Activating or deactivating an account.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AccountStatusInput {
    #[ts(type = "number")]
    pub nurse_id: i64,
    pub active: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> NewNurseInput {
        NewNurseInput {
            display_name: " Ana Ruiz ".into(),
            credentials: "RN".into(),
            role: "admin".into(),
            pin: "246813".into(),
            pin_again: "246813".into(),
        }
    }

    #[test]
    fn a_valid_account() {
        let n = input().validate().expect("valid");
        assert_eq!(
            (n.display_name.as_str(), n.role, n.pin.digits()),
            ("Ana Ruiz", Role::Admin, "246813")
        );
    }

    #[test]
    fn pin_bounds() {
        for ok in ["1234", "12345678", "0000"] {
            assert!(Pin::parse(ok, "pin").is_ok(), "{ok}");
        }
        for bad in ["123", "123456789", "12a4", "１２３４", " 1234", ""] {
            assert_eq!(Pin::parse(bad, "pin").unwrap_err().field.as_deref(), Some("pin"), "{bad}");
        }
    }

    #[test]
    fn each_bad_field_is_named() {
        type Spoil = fn(&mut NewNurseInput);
        let cases: [(Spoil, &str); 5] = [
            (|i| i.display_name = " ".into(), "displayName"),
            (|i| i.credentials = "R\u{7}N".into(), "credentials"),
            (|i| i.role = "superuser".into(), "role"),
            (|i| i.pin = "12".into(), "pin"),
            (|i| i.pin_again = "246814".into(), "pinAgain"),
        ];
        for (spoil, field) in cases {
            let mut i = input();
            spoil(&mut i);
            assert_eq!(i.validate().unwrap_err().field.as_deref(), Some(field));
        }
    }

    #[test]
    fn the_pin_never_shows_in_debug() {
        let shown = format!("{:?}", input().validate().expect("valid"));
        assert!(!shown.contains("246813"), "{shown}");
    }

    #[test]
    fn an_administrator_needs_six_digits() {
        let short = |role: &str, pin: &str| {
            let mut i = input();
            (i.role, i.pin, i.pin_again) = (role.into(), pin.into(), pin.into());
            i.validate()
        };
        for pin in ["2468", "24681"] {
            let refused = short("admin", pin).unwrap_err();
            assert_eq!(
                (refused.field.as_deref(), refused.message.as_str()),
                (Some("pin"), ADMIN_PIN_RULE)
            );
            assert!(short("nurse", pin).is_ok() && short("prescriber", pin).is_ok(), "{pin}");
        }
        assert!(short("admin", "246813").is_ok() && short("admin", "24681357").is_ok());
        let reset =
            |pin: &str| PinResetInput { nurse_id: 1, pin: pin.into(), pin_again: pin.into() };
        assert_eq!(reset("2468").validate(Role::Admin).unwrap_err().field.as_deref(), Some("pin"));
        assert!(reset("2468").validate(Role::Nurse).is_ok());
        assert!(reset("246813").validate(Role::Admin).is_ok());
    }

    #[test]
    fn roles_and_permissions() {
        let mut n = Nurse {
            id: 1,
            display_name: "Ana Ruiz".into(),
            credentials: "RN".into(),
            role: Role::Nurse,
            active: true,
        };
        assert_eq!(n.label(), "Ana Ruiz, RN");
        assert!(n.may(Permission::ClinicalWork) && !n.may(Permission::Administer));
        n.role = Role::Admin;
        assert!(n.may(Permission::Administer));
        n.active = false;
        assert!(!n.may(Permission::ClinicalWork) && !n.may(Permission::Administer));
    }
}
