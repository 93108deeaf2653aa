#!/usr/bin/env bash
# Prints what keeping Vigil open all day costs, side by side with a bare Tauri window with the
# same WebKit tuning (src-tauri/examples/bare_window.rs), in one run on this machine:
#   - the release binary's size;
#   - for the bare window, and for Vigil with twelve patients admitted and a nurse signed in:
#     the PSS of the process tree (app + WebKit processes, /proc/PID/smaps_rollup) after
#     IDLE_SECONDS (10) idle, and its CPU (utime + stime, /proc/PID/stat) over CPU_SECONDS (30)
#     as % of one core; the memory ratio and the targets;
#   - the long day: PSS at the start and end of LONG_SECONDS (60) with the app's clock running
#     LONG_SPEED (60) times fast under libfaketime (one hour of app time), alerts raised and
#     acknowledged as they come; LONG_SPEED=1 LONG_SECONDS=3600 for a real hour.
# The measuring program is tests/src/bin/idle_cost/ (cargo bin `idle-cost`): its own Xvfb,
# D-Bus session, dunst and tauri-driver, all stopped at the end (or on Ctrl-C).
# SKIP_BUILD=1 skips the builds; LONG_SECONDS=0 skips the long day; EXPERIMENTS=1 adds where
# the CPU goes (tests/src/bin/idle_cost/experiments.rs). Figures vary with the machine's load: each
# line shows the load average.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

if [ -z "${SKIP_BUILD:-}" ]; then
  (cd ui && npm run build >/dev/null)
  # Three builds: an example's dev-dependencies (tauri's `test` feature) must not reach the
  # binary that ships.
  cargo build --release -p vigil --bin vigil
  cargo build --release -p vigil --example bare_window
  cargo build -p vigil-e2e --bin idle-cost # the measurer: only waits and reads /proc
fi
bin=target/release/vigil
size=$(stat -c %s "$bin")
awk -v b="$size" 'BEGIN { printf "release binary: %d bytes (%.1f MiB)\n", b, b / 1048576 }'

# In a session of its own: on Ctrl-C everything it started (each helper runs in a process
# group of its own) is stopped by that session's id.
VIGIL_E2E_APP="$PWD/$bin" BARE_WINDOW="$PWD/target/release/examples/bare_window" \
  setsid target/debug/idle-cost &
measurer=$!
stop() {
  kill -TERM "$measurer" 2>/dev/null || true
  sleep 1
  pkill -TERM -s "$measurer" 2>/dev/null || true
}
trap 'stop; exit 130' INT TERM
wait "$measurer"
