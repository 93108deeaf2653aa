# Vigil: the two commands of the README, and their parts.
.PHONY: run test setup ui build-debug measure bench-alerts bench-store bench-checks bench-pin bench-cipher

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
