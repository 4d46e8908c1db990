# The two set-up commands of the README: `make demo` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
DEMO_DB ?= build/demo.sqlite

.PHONY: setup demo test build-demo web browser bench eval-seeds quality quality-baseline train clean

$(STAMP): requirements/dev.lock pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=23.2"
	$(BIN)/pip install --quiet --require-hashes -r requirements/dev.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

setup: $(STAMP) web

web: $(STAMP)
	@if [ -f package.json ]; then $(BIN)/python -m newsgraph.web.assets; fi

build-demo: setup
	$(BIN)/newsgraph build examples/articles --db $(DEMO_DB)

demo: build-demo
	@if $(BIN)/newsgraph --help | grep -q serve; then $(BIN)/newsgraph serve --db $(DEMO_DB); \
	else $(BIN)/newsgraph entities --db $(DEMO_DB); fi

# Debian's chromium for the end-to-end browser tests (skipped, with a reason, without it).
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "warning: chromium not installed; browser tests will be skipped"; }

# The store and API tests also run on PostgreSQL: scripts/with_postgres.sh starts a
# throw-away server (installing Debian's postgresql when missing, as root) and stops it.
test: setup browser
	scripts/with_postgres.sh $(BIN)/python -m pytest -q

eval-seeds: setup
	$(BIN)/newsgraph build ../shared/corpus/seeds --db build/seeds.sqlite --quiet
	$(BIN)/newsgraph eval --gold ../shared/gold/seeds_dev.json --db build/seeds.sqlite

# The quality gate of tests/eval/test_quality_gate.py, by hand; quality-baseline raises
# the floors of quality/baseline.json to the current scores (never lowers one). The
# newswire is gated on its held-out half only: the c- and g-files, built on their own.
SEEDS_GOLD := ../shared/gold/seeds_dev.json $(wildcard quality/gold/*.json)
NEWSWIRE   := ../shared/corpus/newswire
quality quality-baseline: setup
	$(BIN)/newsgraph build ../shared/corpus/seeds --db build/q-seeds.sqlite --quiet --rebuild
	$(BIN)/newsgraph build examples/articles --db build/q-examples.sqlite --quiet --rebuild
	rm -rf build/q-held-out && mkdir -p build/q-held-out
	cp $(NEWSWIRE)/[cg]*.txt build/q-held-out/
	grep '"file": "[cg]' $(NEWSWIRE)/meta.jsonl > build/q-held-out/meta.jsonl
	$(BIN)/newsgraph build build/q-held-out --db build/q-held-out.sqlite --quiet --rebuild
	$(BIN)/newsgraph eval $(addprefix --gold ,$(SEEDS_GOLD)) --db build/q-seeds.sqlite \
	  --baseline quality/baseline.json $(if $(filter quality-baseline,$@),--update-baseline $(if $(ALLOW_LOWER),--allow-lower))
	$(BIN)/newsgraph eval --gold examples/gold/examples_gold.json --db build/q-examples.sqlite \
	  --baseline quality/baseline.json $(if $(filter quality-baseline,$@),--update-baseline $(if $(ALLOW_LOWER),--allow-lower))
	$(BIN)/newsgraph eval --gold ../shared/gold/newswire_dev.json --db build/q-held-out.sqlite \
	  --split held-out=c,g \
	  --baseline quality/baseline.json $(if $(filter quality-baseline,$@),--update-baseline $(if $(ALLOW_LOWER),--allow-lower))

bench: setup
	$(BIN)/python bench/throughput.py

clean:
	rm -rf build .pytest_cache

# The learned event filter: candidates from the annotated corpora, CV by topic, then the
# artefact newsgraph/data/models/event_real.v1.json (see docs/learned.md).
train: setup
	$(BIN)/newsgraph train events
	$(BIN)/newsgraph train linking --set ../shared/corpus/newswire ../shared/gold/newswire_dev.json \
	  --set ../shared/corpus/seeds ../shared/gold/seeds_dev.json --work build/train
