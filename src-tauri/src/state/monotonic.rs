//! The machine's monotonic clock, on which idle time is measured (the wall clock can be set
//! back; this cannot).

use vigil_core::Monotonic;

/// The machine's monotonic clock: time since Vigil started, never set back. On Linux it is
/// `CLOCK_BOOTTIME`, which also runs while the machine sleeps (idle through a suspend counts).
#[derive(Debug, Clone, Copy)]
pub struct SystemMonotonic {
    origin: std::time::Duration,
    fallback: std::time::Instant,
}

impl SystemMonotonic {
    pub fn new() -> Self {
        Self { origin: boot_time().unwrap_or_default(), fallback: std::time::Instant::now() }
    }
}

impl Default for SystemMonotonic {
    fn default() -> Self {
        Self::new()
    }
}

impl Monotonic for SystemMonotonic {
    fn elapsed(&self) -> std::time::Duration {
        match boot_time() {
            Some(t) => t.saturating_sub(self.origin),
            None => self.fallback.elapsed(),
        }
    }
}

#[cfg(target_os = "linux")]
fn boot_time() -> Option<std::time::Duration> {
    use nix::time::{clock_gettime, ClockId};
    clock_gettime(ClockId::CLOCK_BOOTTIME).ok().map(std::time::Duration::from)
}

#[cfg(not(target_os = "linux"))]
fn boot_time() -> Option<std::time::Duration> {
    None
}
