# The two commands of the README: `make demo` (the main job on the bundled sample) and
# `make test`. Both install missing system packages first.
SWIFT ?= swift
SAMPLE := graphs/sample
REACHGRAPH := .build/release/reachgraph

.PHONY: setup spark-setup build demo figures test fuzz fuzz-smoke sample bench screenshot clean

setup:
	@bash scripts/install-system-packages.sh

# Java 17 and spark/.venv (the pinned pyspark) for the Spark program and its test, when missing.
spark-setup:
	@bash scripts/install-spark.sh > /dev/null

build: setup
	$(SWIFT) build -c release --product reachgraph

# The main job: the briefing on the bundled synthetic sample. The page is out/brief/index.html;
# it writes only under out/, so a checkout stays clean.
demo: build
	$(REACHGRAPH) brief $(SAMPLE) -o out/brief
	@echo "open out/brief/index.html (or read out/brief/brief.md)"

# Refreshes the figures committed under graphs/sample/figures/ (readers of the repository see
# them) from a fresh demo briefing.
figures: demo
	rm -rf $(SAMPLE)/figures && cp -r out/brief/figures $(SAMPLE)/figures

# XCTest only: the suite has no Swift Testing tests, and its empty run would print the last line.
# Then every export must read back in NetworkX (a venv from PyPI, made when missing), and a
# package that depends on ReachGraph by version tag must build and run. The fuzz smoke
# runs before the tests. Last, the briefing on the sample is checked in headless Chromium at
# 1,000 px (scripts/screenshot-brief.sh).
test: setup spark-setup fuzz-smoke
	$(SWIFT) test --disable-swift-testing
	bash scripts/check-exports.sh
	bash scripts/check-consumer-package.sh
	$(SWIFT) build --product reachgraph
	rm -rf .build/brief-check
	.build/debug/reachgraph brief $(SAMPLE) -o .build/brief-check --bootstrap 0 --no-png --quiet
	bash scripts/screenshot-brief.sh .build/brief-check .build/brief-check.png

# libFuzzer on every reader (Fuzz/README.md): FUZZ_SECONDS each, and a short smoke for make test
# that runs a fixed number of inputs from a fixed seed, so it explores the same inputs on every
# machine (a timed smoke found different inputs on a faster machine than the one it passed on).
FUZZ_SECONDS ?= 600
FUZZ_SMOKE_RUNS ?= 20000
FUZZ_SMOKE_SECONDS ?= 300
fuzz: setup
	bash Fuzz/run $(FUZZ_SECONDS)

fuzz-smoke: setup
	FUZZ_RUNS=$(FUZZ_SMOKE_RUNS) bash Fuzz/run $(FUZZ_SMOKE_SECONDS)

# Regenerates the committed sample and the tidy tables derived from it, each table marked synthetic.
sample: build
	rm -rf $(SAMPLE)/*.csv
	$(REACHGRAPH) generate --seed 20250301 -o $(SAMPLE)
	$(REACHGRAPH) summary $(SAMPLE) --format long-csv -o notebooks-data/sample-summary.csv
	$(REACHGRAPH) cascades $(SAMPLE) --format csv -o notebooks-data/sample-cascades.csv
	$(REACHGRAPH) cascades $(SAMPLE) --by kind --format csv -o notebooks-data/sample-cascades-by-kind.csv
	$(REACHGRAPH) index $(SAMPLE) --quiet --tidy notebooks-data/sample-index.csv -o /dev/null
	$(REACHGRAPH) kol $(SAMPLE) --top 100 --format csv -o notebooks-data/sample-key-opinion-leaders.csv
	$(REACHGRAPH) coordination $(SAMPLE) --window 600 --table edges --format csv -o notebooks-data/sample-coordination-edges.csv
	$(REACHGRAPH) structure $(SAMPLE) --table scorecard --format csv -o notebooks-data/sample-structure-scorecard.csv
	bash scripts/mark-synthetic.sh notebooks-data/sample-*.csv

bench: setup
	bash Benchmarks/run

# Checks the demo page in headless Chromium (installed when missing) and writes the screenshot
# the README shows (the top 2,200 px of the page at 1,000 px wide).
screenshot: demo
	SCREENSHOT_HEIGHT=2200 bash scripts/screenshot-brief.sh out/brief docs/brief-screenshot.png

clean:
	rm -rf .build
