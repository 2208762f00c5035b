# The two commands of the README: `make run` and `make test`.
# Both create .venv at the repository root when it is missing and install the
# project from pyproject.toml (the single list of dependencies, also used by
# the Dockerfile); the install is redone only when pyproject.toml changes.

VENV      := .venv
PY        := $(VENV)/bin/python
PYTHON    ?= $(shell command -v python3.11 || command -v python3.12 || command -v python3.13 || command -v python3)
PIP_FLAGS ?= --quiet --disable-pip-version-check

.PHONY: run test venv install install-test lint schemas bench eval clean

run: install
	$(VENV)/bin/wirewatch up --demo

test: install-test
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
	rm -rf $(VENV) .wirewatch .pytest_cache *.egg-info
