#!/usr/bin/env bash
# Builds the UI and the release app, then opens Vigil on its default database
# (or on VIGIL_DATA_DIR when set).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
(cd ui && npm run build)
cargo build --release -p vigil
exec ./target/release/vigil
