# Vigil: the two commands of the README, and their parts.
.PHONY: run test setup ui build-debug package measure bench-alerts bench-store bench-checks bench-pin bench-cipher bench-pdf bench-audit bench-exports bench-history bench-report

run: setup
	scripts/run.sh

test: setup
	scripts/test.sh

setup:
	scripts/setup.sh

ui: setup
	cd ui && npm run build

build-debug: ui
	cargo build -p vigil

# The .deb and .rpm in target/packages/ (or $CARGO_TARGET_DIR/packages/), checked by lintian.
package: setup
	scripts/package.sh

measure: setup
	scripts/measure.sh

bench-alerts: ui
	cargo run --release -p vigil-e2e --bin alert-latency -- 60

bench-store:
	cargo bench -p vigil-store --bench store

bench-checks:
	cargo bench -p vigil-store --bench checks

bench-pin:
	cargo bench -p vigil-store --bench pin_cost

# Plain vs SQLCipher side by side on the same records (VIGIL_BENCH_SESSIONS=2000 for a quick run).
bench-cipher:
	cargo bench -p vigil-store --bench cipher

# The audit trail review on five years of history (VIGIL_BENCH_SESSIONS=2000 for a quick run).
bench-audit:
	cargo bench -p vigil-store --bench audit_review

# A month's CSV export of sessions and of checks on five years of history (VIGIL_BENCH_SESSIONS=2000 for a quick run).
bench-exports:
	cargo bench -p vigil-store --bench exports

# 200 history searches on five years of history, p50/p99 (VIGIL_BENCH_SESSIONS=2000 for a quick run).
bench-history:
	cargo bench -p vigil-store --bench history_search

# 100 day reports and 100 night-shift reports on five years of history, p50/p99 (VIGIL_BENCH_SESSIONS=2000 for a quick run).
bench-report:
	cargo bench -p vigil-store --bench report

# Papers as PDF: size and render time of a discharge sheet with its chart and of a ten-page paper.
bench-pdf:
	cargo bench -p vigil-pdf --bench render
