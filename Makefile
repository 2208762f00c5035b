# The two commands of the README: `make run` and `make test`.
# Both create .venv at the repository root when it is missing and install the
# project from pyproject.toml (the single list of dependencies, also used by
# the Dockerfile); the install is redone only when pyproject.toml changes.

VENV      := .venv
PY        := $(VENV)/bin/python
PYTHON    ?= $(shell command -v python3.11 || command -v python3.12 || command -v python3.13 || command -v python3)
PIP_FLAGS ?= --quiet --disable-pip-version-check

NODE_DIR  := tests/consumers/node

.PHONY: run test venv install install-test node-deps no-npm lint schemas bench eval clean

run: install
	$(VENV)/bin/wirewatch up --demo

test: install-test node-deps
	$(PY) -m pytest

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

bench: install
	$(VENV)/bin/wirewatch bench

eval: install
	$(VENV)/bin/wirewatch eval ner --set dev
	$(VENV)/bin/wirewatch eval places --set dev
	$(VENV)/bin/wirewatch eval events --set dev

clean:
	rm -rf $(VENV) .wirewatch .pytest_cache *.egg-info $(NODE_DIR)/node_modules
