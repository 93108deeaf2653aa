//! Who is at the workstation: sign-in, switching nurse, the idle lock and emergency access.
//! [`Workstation`] is the state the shell keeps in memory; the rules (when it locks, how long a
//! wrong PIN makes the next attempt wait, who may do what) are here, with `now` passed in.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::time::Duration as Elapsed;
use ts_rs::TS;

use crate::people::{Nurse, Permission};
use crate::text::required_text;
use crate::{ErrorCode, VigilError};

/// Default seconds without input before the workstation locks (clinical.md section 6).
pub const DEFAULT_IDLE_LOCK_SECONDS: u32 = 300;
/// Wrong PINs in a row that cost nothing; each further one doubles the wait.
pub const FREE_FAILURES: u32 = 3;
/// The wait after the first wrong PIN beyond the free ones.
pub const FIRST_WAIT_SECONDS: i64 = 30;
/// The longest wait a run of wrong PINs can cause.
pub const MAX_WAIT_SECONDS: i64 = 15 * 60;

/// Signing in (or unlocking, or switching nurse): an account and its PIN.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignInInput {
    #[ts(type = "number")]
    pub nurse_id: i64,
    pub pin: String,
}

/// Emergency ("break-glass") access without a PIN: an account and why.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EmergencyInput {
    #[ts(type = "number")]
    pub nurse_id: i64,
    pub reason: String,
}

impl EmergencyInput {
    /// Errors: `validation` on `reason` unless 10 to 500 characters without control characters.
    pub fn reason(&self) -> Result<String, VigilError> {
        let reason = required_text(&self.reason, "reason", "The reason", 500)?;
        if reason.chars().count() < 10 {
            return Err(VigilError::validation(
                "reason",
                "Say why emergency access is needed (at least 10 characters).",
            ));
        }
        Ok(reason)
    }
}

/// A change of the idle lock time.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IdleLockEdit {
    pub seconds: f64,
}

impl IdleLockEdit {
    /// Errors: `validation` on `seconds` unless a whole number from 20 to 3600.
    pub fn validate(&self) -> Result<u32, VigilError> {
        let s = self.seconds;
        if !s.is_finite() || s.fract() != 0.0 || !(20.0..=3600.0).contains(&s) {
            return Err(VigilError::validation(
                "seconds",
                "The idle lock must be a whole number of seconds from 20 to 3600.",
            ));
        }
        Ok(s as u32)
    }
}

/// How long a new attempt must wait after `failures` wrong PINs in a row, the last at
/// `last_failure`; `None` when it may go ahead at `now`.
pub fn sign_in_wait(
    failures: u32,
    last_failure: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Option<Duration> {
    let last = last_failure?;
    if failures < FREE_FAILURES {
        return None;
    }
    let doublings = (failures - FREE_FAILURES).min(10);
    let wait = (FIRST_WAIT_SECONDS << doublings).min(MAX_WAIT_SECONDS);
    let remaining = last + Duration::seconds(wait) - now;
    (remaining > Duration::zero()).then_some(remaining)
}

/// The error for an attempt made during a wait.
pub fn wait_error(remaining: Duration) -> VigilError {
    let seconds = remaining.num_seconds() + i64::from(remaining.subsec_nanos() > 0);
    VigilError::new(
        ErrorCode::Forbidden,
        format!("Too many wrong PINs for this account. Try again in {seconds} s."),
    )
}

/// The nurse at the workstation, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedIn {
    pub nurse: Nurse,
    /// Signed in through emergency access (no PIN); shown loudly while it lasts.
    pub emergency: bool,
    /// The monotonic reading (time since the shell's origin, see [`Workstation::touch`]) of
    /// the last real input, or of the sign-in.
    pub last_activity: Elapsed,
    /// When this sign-in happened (wall clock): an emergency access is measured from it.
    pub since: DateTime<Utc>,
}

/// The workstation's sign-in state. Locked (or nobody signed in) means the board shows only
/// bays, initials and countdowns, and nothing can be written; timers and alerts go on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Workstation {
    current: Option<SignedIn>,
    locked: bool,
}

impl Workstation {
    /// Nobody signed in.
    pub fn new() -> Self {
        Self::default()
    }

    /// The nurse signed in (locked or not).
    pub fn current(&self) -> Option<&SignedIn> {
        self.current.as_ref()
    }

    /// Whether names and clinical detail may be shown: someone is signed in and it is unlocked.
    pub fn is_open(&self) -> bool {
        self.current.is_some() && !self.locked
    }

    pub fn is_locked(&self) -> bool {
        self.locked
    }

    /// `nurse` signs in at `now` (wall clock), monotonic reading `at` (or unlocks, or takes
    /// over from another nurse); returns the nurse who was signed in before, if it was someone
    /// else. The idle time counts from `at`.
    pub fn sign_in(
        &mut self,
        nurse: Nurse,
        emergency: bool,
        now: DateTime<Utc>,
        at: Elapsed,
    ) -> Option<Nurse> {
        let previous = self.current.take().map(|s| s.nurse).filter(|p| p.id != nurse.id);
        self.current = Some(SignedIn { nurse, emergency, last_activity: at, since: now });
        self.locked = false;
        previous
    }

    /// Signs out; returns who was signed in.
    pub fn sign_out(&mut self) -> Option<Nurse> {
        self.locked = false;
        self.current.take().map(|s| s.nurse)
    }

    /// Locks; returns who was signed in if this changed anything.
    pub fn lock(&mut self) -> Option<&Nurse> {
        if self.locked {
            return None;
        }
        self.locked = true;
        self.current.as_ref().map(|s| &s.nurse)
    }

    /// Real input (keyboard or pointer) was seen at monotonic reading `at`: the time since a
    /// fixed origin on a clock that never goes back, so setting the wall clock back postpones
    /// nothing. Only this postpones the idle lock; background reloads must not call it.
    pub fn touch(&mut self, at: Elapsed) {
        if let (Some(s), false) = (&mut self.current, self.locked) {
            s.last_activity = s.last_activity.max(at);
        }
    }

    /// Whether it is open and has had no input for `idle_seconds` at monotonic reading `at`.
    pub fn idle_expired(&self, at: Elapsed, idle_seconds: u32) -> bool {
        match (&self.current, self.locked) {
            (Some(s), false) => {
                at.saturating_sub(s.last_activity) >= Elapsed::from_secs(idle_seconds.into())
            }
            _ => false,
        }
    }

    /// When the emergency access in use ends, if one is (open or not), given its length.
    pub fn emergency_ends_at(&self, minutes: u32) -> Option<DateTime<Utc>> {
        let s = self.current.as_ref().filter(|s| s.emergency)?;
        Some(s.since + Duration::minutes(minutes.into()))
    }

    /// Whether an open emergency access has run its `minutes` at `now`. A wall clock set back
    /// before its start ends it too, so turning the clock back never extends it.
    pub fn emergency_expired(&self, now: DateTime<Utc>, minutes: u32) -> bool {
        match (self.emergency_ends_at(minutes), &self.current, self.locked) {
            (Some(ends), Some(s), false) => now >= ends || now < s.since,
            _ => false,
        }
    }

    /// The nurse who may do `permission` now. Errors: `forbidden` when nobody is signed in,
    /// it is locked, the role does not allow it, or it is administration under emergency
    /// access (clinical work only, whatever the account's role).
    pub fn require(&self, permission: Permission) -> Result<&Nurse, VigilError> {
        let signed_in = match (&self.current, self.locked) {
            (Some(s), false) => s,
            (_, true) => return Err(forbidden("Vigil is locked. Unlock it with your PIN first.")),
            (None, false) => return Err(forbidden("Sign in first.")),
        };
        if !signed_in.nurse.may(permission) {
            return Err(forbidden("Only an administrator may do this."));
        }
        if signed_in.emergency && permission != Permission::ClinicalWork {
            return Err(forbidden(EMERGENCY_CLINICAL_ONLY));
        }
        Ok(&signed_in.nurse)
    }
}

/// The refusal of administration under emergency access.
pub const EMERGENCY_CLINICAL_ONLY: &str =
    "Emergency access allows clinical work only. An administrator must sign in with their PIN.";

fn forbidden(message: &str) -> VigilError {
    VigilError::new(ErrorCode::Forbidden, message)
}

/// What the UI needs to know about sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuthStatus {
    /// No account exists yet: the first start must create an administrator.
    pub setup_needed: bool,
    /// The nurse signed in (also while locked).
    pub nurse: Option<Nurse>,
    pub locked: bool,
    /// Signed in through emergency access.
    pub emergency: bool,
    /// When the emergency access in use locks the workstation.
    pub emergency_ends_at: Option<DateTime<Utc>>,
    /// Active accounts, for the sign-in list.
    pub accounts: Vec<Nurse>,
    pub idle_lock_seconds: u32,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::Role;
    use chrono::TimeZone;

    fn t(s: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).single().expect("valid") + Duration::seconds(s)
    }

    /// A monotonic reading `s` seconds after the origin.
    fn m(s: u64) -> Elapsed {
        Elapsed::from_secs(s)
    }

    fn nurse(id: i64, role: Role) -> Nurse {
        Nurse {
            id,
            display_name: format!("Test Nurse {id}"),
            credentials: "RN".into(),
            role,
            active: true,
        }
    }

    #[test]
    fn three_wrong_pins_are_free_then_the_wait_doubles_to_a_cap() {
        assert_eq!(sign_in_wait(0, None, t(0)), None);
        assert_eq!(sign_in_wait(2, Some(t(0)), t(0)), None);
        assert_eq!(sign_in_wait(3, Some(t(0)), t(0)), Some(Duration::seconds(30)));
        assert_eq!(sign_in_wait(3, Some(t(0)), t(29)), Some(Duration::seconds(1)));
        assert_eq!(sign_in_wait(3, Some(t(0)), t(30)), None);
        assert_eq!(sign_in_wait(4, Some(t(0)), t(0)), Some(Duration::seconds(60)));
        assert_eq!(sign_in_wait(8, Some(t(0)), t(0)), Some(Duration::seconds(900)));
        assert_eq!(sign_in_wait(500, Some(t(0)), t(0)), Some(Duration::seconds(900)));
        assert!(wait_error(Duration::milliseconds(29_001)).message.contains("30 s"));
    }

    #[test]
    fn locks_after_the_idle_time_and_input_postpones_it() {
        let mut w = Workstation::new();
        assert!(!w.idle_expired(m(1000), 300), "nobody signed in: nothing to lock");
        w.sign_in(nurse(1, Role::Nurse), false, t(0), m(0));
        assert!(!w.idle_expired(m(299), 300));
        w.touch(m(200));
        assert!(!w.idle_expired(m(499), 300));
        assert!(w.idle_expired(m(500), 300));
        assert_eq!(w.lock().map(|n| n.id), Some(1));
        assert!(w.lock().is_none(), "locking twice changes nothing");
        assert!(!w.idle_expired(m(5000), 300) && !w.is_open());
    }

    #[test]
    fn idle_counts_on_the_monotonic_clock_whatever_the_wall_clock_says() {
        let mut w = Workstation::new();
        // Signed in at wall-clock 13:00; the wall clock is then set back to 12:00. Idle time is
        // counted on the monotonic readings only, so the lock still comes after 300 s.
        w.sign_in(nurse(1, Role::Nurse), false, t(3600), m(1000));
        assert!(!w.idle_expired(m(1299), 300));
        assert!(w.idle_expired(m(1300), 300), "no wall-clock time can hold it off");
        w.touch(m(1250));
        assert!(!w.idle_expired(m(1300), 300), "real input postpones it");
        w.touch(m(900));
        assert!(w.idle_expired(m(1550), 300), "an older reading moves nothing back");
        assert!(!w.idle_expired(m(10), 300), "a reading before the last input is not idle");
    }

    #[test]
    fn locked_or_signed_out_may_not_write_and_admin_work_needs_an_admin() {
        let mut w = Workstation::new();
        assert_eq!(w.require(Permission::ClinicalWork).unwrap_err().code, ErrorCode::Forbidden);
        w.sign_in(nurse(1, Role::Nurse), false, t(0), m(0));
        assert_eq!(w.require(Permission::ClinicalWork).map(|n| n.id), Ok(1));
        assert_eq!(w.require(Permission::Administer).unwrap_err().code, ErrorCode::Forbidden);
        w.lock();
        assert!(w.require(Permission::ClinicalWork).unwrap_err().message.contains("locked"));
        let previous = w.sign_in(nurse(2, Role::Admin), false, t(10), m(10));
        assert_eq!(previous.map(|n| n.id), Some(1), "a different nurse unlocking is a switch");
        assert!(w.require(Permission::Administer).is_ok());
        assert_eq!(w.sign_in(nurse(2, Role::Admin), false, t(20), m(20)), None);
        assert_eq!(w.sign_out().map(|n| n.id), Some(2));
        assert!(!w.is_open());
    }

    #[test]
    fn emergency_access_gives_clinical_work_only_whatever_the_role() {
        let mut w = Workstation::new();
        w.sign_in(nurse(1, Role::Admin), true, t(0), m(0));
        assert_eq!(w.require(Permission::ClinicalWork).map(|n| n.id), Ok(1));
        let refused = w.require(Permission::Administer).unwrap_err();
        assert_eq!(refused.code, ErrorCode::Forbidden);
        assert!(refused.message.contains("clinical work only"), "{}", refused.message);
        w.sign_in(nurse(1, Role::Admin), false, t(10), m(10));
        assert!(w.require(Permission::Administer).is_ok(), "a PIN sign-in ends the emergency");
    }

    #[test]
    fn emergency_access_runs_out_on_the_wall_clock() {
        let mut w = Workstation::new();
        w.sign_in(nurse(1, Role::Nurse), false, t(0), m(0));
        assert_eq!(w.emergency_ends_at(30), None);
        assert!(!w.emergency_expired(t(99_999), 30), "a PIN sign-in never runs out");
        w.sign_in(nurse(2, Role::Nurse), true, t(100), m(100));
        assert_eq!(w.emergency_ends_at(30), Some(t(100 + 1800)));
        w.touch(m(1000));
        assert!(!w.emergency_expired(t(1899), 30), "input does not extend it");
        assert!(w.emergency_expired(t(1900), 30));
        assert!(w.emergency_expired(t(99), 30), "a clock set back before its start ends it");
        w.lock();
        assert!(!w.emergency_expired(t(5000), 30), "locked: nothing more to end");
    }

    #[test]
    fn emergency_reason_and_idle_bounds() {
        let e = |r: &str| EmergencyInput { nurse_id: 1, reason: r.into() }.reason();
        assert!(e("PIN forgotten, patient in bay 2 needs care").is_ok());
        for bad in ["", "too short", "line\nbreak in the reason"] {
            assert_eq!(e(bad).unwrap_err().field.as_deref(), Some("reason"), "{bad:?}");
        }
        for ok in [20.0, 300.0, 3600.0] {
            assert!(IdleLockEdit { seconds: ok }.validate().is_ok());
        }
        for bad in [19.0, 3601.0, 30.5, f64::NAN, f64::INFINITY] {
            assert!(IdleLockEdit { seconds: bad }.validate().is_err(), "{bad}");
        }
    }
}
