# Vigil: the two commands of the README, and their parts.
.PHONY: run test setup ui build-debug measure

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
