# The two commands of the README: `make demo` (the main job on the bundled sample) and
# `make test`. Both install missing system packages first.
SWIFT ?= swift
SAMPLE := graphs/sample
REACHGRAPH := .build/release/reachgraph

.PHONY: setup build demo test sample bench clean

setup:
	@bash scripts/install-system-packages.sh

build: setup
	$(SWIFT) build -c release --product reachgraph

demo: build
	$(REACHGRAPH) summary $(SAMPLE)

test: setup
	$(SWIFT) test

sample: build
	$(REACHGRAPH) generate --seed 20250301 --out $(SAMPLE)

bench: setup
	bash Benchmarks/run

clean:
	rm -rf .build
