# The two commands of the README: `make run` and `make test`.
# Both create .venv at the repository root when it is missing and install the
# project from pyproject.toml (the single list of dependencies, also used by
# the Dockerfile); the install is redone only when pyproject.toml changes.

VENV      := .venv
PY        := $(VENV)/bin/python
PYTHON    ?= $(shell command -v python3.11 || command -v python3.12 || command -v python3.13 || command -v python3)
PIP_FLAGS ?= --quiet --disable-pip-version-check

NODE_DIR  := tests/consumers/node

.PHONY: run test venv install install-test gazetteer bytecode node-deps no-npm browser lint schemas bench soak eval train clean

run: install gazetteer bytecode
	$(VENV)/bin/wirewatch up --demo

test: install-test gazetteer node-deps browser
	$(PY) -m pytest

# The browser tests (tests/browser) drive Debian's chromium through Playwright's
# executable_path; nothing downloads a browser build. Installing needs root (CI is root);
# without it the browser tests are skipped with a message saying how to install it.
CHROMIUM ?= /usr/bin/chromium

APT_CHROMIUM := DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium

browser:
	@test -x $(CHROMIUM) || [ "$$(id -u)" != 0 ] || ! command -v apt-get >/dev/null || $(APT_CHROMIUM) || (apt-get update && $(APT_CHROMIUM))

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "wirewatch needs Python 3.11 or newer: set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install $(PIP_FLAGS) --upgrade pip

venv: $(PY)

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install $(PIP_FLAGS) -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install $(PIP_FLAGS) -e ".[test]"
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

# The gazetteer store (SQLite, ~60 MB) is built once per machine into the
# gazetteer_cache_dir setting's folder (~/.cache/wirewatch by default), so no
# worker pays the build; when it is there this only prints its figures.
gazetteer: install
	$(PY) -m streams.tagging.places.store

# Bytecode of the project's own modules (incremental: changed files only), so a
# worker does not compile ~110 of them from source at each start where
# PYTHONDONTWRITEBYTECODE is set; `pip install .` in the Dockerfile does the same.
bytecode: install
	$(PY) -m compileall -q core schemas streams connectors wirewatch

# npm packages of the Node checks (consumer example, AsyncAPI parser, PromQL
# grammar), reinstalled when the lock file changes. Without npm those tests
# are skipped, each saying why.
NPM := $(shell command -v npm 2>/dev/null)

node-deps: $(if $(NPM),$(NODE_DIR)/node_modules/.installed,no-npm)

$(NODE_DIR)/node_modules/.installed: $(NODE_DIR)/package-lock.json
	npm ci --prefix $(NODE_DIR) --no-audit --no-fund --loglevel=error
	@touch $@

no-npm:
	@echo "npm not found: the Node consumer, AsyncAPI and PromQL checks will be skipped"

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache

schemas: install
	$(PY) -m schemas.generate

# Benchmarks print figures (no pass/fail; see wirewatch/benchmarking/). The soak
# takes over 10 minutes and is never part of `make test`.
bench: install gazetteer bytecode
	$(VENV)/bin/wirewatch bench tag
	$(VENV)/bin/wirewatch bench parts
	$(VENV)/bin/wirewatch bench e2e --workers 1
	$(VENV)/bin/wirewatch bench e2e --workers 2

soak: install gazetteer bytecode
	$(VENV)/bin/wirewatch bench soak

# Rebuilds streams/tagging/events/model/ from the team corpus (data/events/train,
# tests/data/events_team_set.tsv) with training/events/config.cfg; fixed seed. Then the
# arbiter of the rules' events (streams/tagging/events/arbiter.json), fitted on grouped-CV
# readings of the corpus (one model per corpus: ~25 min), and the learned targets
# (streams/tagging/events/target_model.json), which learn from what the role readings leave
# with the new model's events. Full batch, fixed steps: byte-identical again.
train: install
	$(PY) -m wirewatch.training.events
	$(PY) -m wirewatch.training.arbiter
	$(PY) -m wirewatch.training.targets

eval: install gazetteer
	$(VENV)/bin/wirewatch eval ner --set dev
	$(VENV)/bin/wirewatch eval places --set all
	$(VENV)/bin/wirewatch eval events --set dev
	$(VENV)/bin/wirewatch eval events --set frozen

clean:
	rm -rf $(VENV) .wirewatch .pytest_cache *.egg-info $(NODE_DIR)/node_modules
