//! The workstation's sign-in state the shell keeps in memory: who is signed in, the lock, the
//! idle time on the monotonic clock, emergency access and its end, and who may do what.

use chrono::{DateTime, Duration, Utc};
use std::time::Duration as Elapsed;

use crate::people::{Nurse, Permission};
use crate::{ErrorCode, VigilError};

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
