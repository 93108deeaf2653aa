#!/usr/bin/env bash
# Every check Vigil has, in the order that fails fastest: formatting, the UI's type check and
# unit tests, the core's boundary, clippy, the Rust tests of every crate, then the end-to-end
# suite against the built app (it starts its own Xvfb, D-Bus session and dunst).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
step() { printf '\n== %s\n' "$*"; }

step "rustfmt"
cargo fmt --all --check

step "ui: svelte-check, vitest, build"
(cd ui && npm run check && npm test && npm run build)

step "vigil-core depends on no tauri, WebKit or SQLite"
if cargo tree -p vigil-core -e normal,dev --prefix none | grep -E '^(tauri|wry|webkit2gtk|rusqlite|libsqlite3-sys) '; then
  echo "vigil-core must not depend on the crates above" >&2
  exit 1
fi

step "clippy"
cargo clippy --workspace --all-targets -- -D warnings

step "cargo test: vigil-core (builds no tauri), vigil-store, vigil, vigil-pdf"
cargo test -p vigil-core
cargo test -p vigil-store -p vigil -p vigil-pdf

step "build the app for the end-to-end tests"
cargo build -p vigil

step "end-to-end (Xvfb, D-Bus, dunst, tauri-driver, WebKitWebDriver)"
cargo test -p vigil-e2e --no-fail-fast -- --test-threads=1
