# The two set-up commands of the README: `make demo` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
DEMO_DB ?= build/demo.sqlite

.PHONY: setup demo test build-demo web bench eval-seeds clean

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

test: setup
	$(BIN)/python -m pytest -q

eval-seeds: setup
	$(BIN)/newsgraph build ../shared/corpus/seeds --db build/seeds.sqlite --quiet
	$(BIN)/newsgraph eval --gold ../shared/gold/seeds_dev.json --db build/seeds.sqlite

bench: setup
	$(BIN)/python bench/throughput.py

clean:
	rm -rf build .pytest_cache
