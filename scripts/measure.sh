#!/usr/bin/env bash
# Prints Vigil's release binary size and its idle memory: the PSS (proportional set size, so
# shared libraries are not counted twice) of the app process and every WebKit process it
# started, summed from /proc/PID/smaps_rollup, after IDLE_SECONDS (default 15) on the board.
# Runs on its own Xvfb display and D-Bus session; stops them afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
IDLE_SECONDS=${IDLE_SECONDS:-15}

[ -n "${SKIP_BUILD:-}" ] || (cd ui && npm run build >/dev/null)
cargo build --release -p vigil
bin=target/release/vigil
size=$(stat -c %s "$bin")
awk -v b="$size" 'BEGIN { printf "release binary: %d bytes (%.1f MiB)\n", b, b / 1048576 }'

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  [ -n "${DBUS_SESSION_BUS_PID:-}" ] && kill -TERM "$DBUS_SESSION_BUS_PID" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
pids+=($!)
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$work/display")"
eval "$(dbus-launch --sh-syntax)"

VIGIL_DATA_DIR="$work/data" "$bin" 2>"$work/app.log" &
app=$!
pids=("$app" "${pids[@]}")
sleep "$IDLE_SECONDS"
kill -0 "$app" || { echo "the app exited early:"; cat "$work/app.log"; exit 1; }

descendants() { local p; for p in $(pgrep -P "$1"); do echo "$p"; descendants "$p"; done; }
total=0
printf '%-8s %-28s %10s\n' pid process "PSS (kB)"
for p in "$app" $(descendants "$app"); do
  pss=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
  [ -n "$pss" ] || pss=0
  total=$((total + pss))
  printf '%-8s %-28s %10s\n' "$p" "$(cat "/proc/$p/comm" 2>/dev/null)" "$pss"
done
awk -v t="$total" -v s="$IDLE_SECONDS" 'BEGIN { printf "idle PSS total after %ss: %d kB (%.1f MiB)\n", s, t, t / 1024 }'
