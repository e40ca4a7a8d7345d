# earlyhelp: two commands do everything on a fresh machine.
#   make demo   install, migrate, load the demo schools, serve on http://127.0.0.1:8000
#   make test   install what the suite needs (PostgreSQL, Chromium) and run every check
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
EARLYHELP := $(BIN)/earlyhelp
PYTHON ?= $(shell scripts/find-python 2>/dev/null)
PGTEST_PORT ?= 54329
TEST_DATABASE_URL := postgres://postgres@127.0.0.1:$(PGTEST_PORT)/earlyhelp
AUDIT_DEPS ?=

.PHONY: help demo demo-reset serve test lint typecheck checks test-sqlite test-postgres \
        install assets system-deps-demo system-deps-test bench clean audit-deps bandit

help:
	@echo "make demo   install, migrate, load the demo schools and serve on http://127.0.0.1:8000"
	@echo "make test   run ruff, mypy, Django's checks and the whole suite on SQLite and PostgreSQL"

$(BIN)/python:
	@if [ -z "$(PYTHON)" ]; then scripts/find-python >/dev/null; fi
	"$(PYTHON)" -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements/prod.txt requirements/dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

install: $(VENV)/.installed

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

earlyhelp/static/build/earlyhelp.css: node_modules/.package-lock.json $(wildcard earlyhelp/static_src/*.scss) scripts/copy-assets.mjs
	npm run --silent build

assets: earlyhelp/static/build/earlyhelp.css

system-deps-demo:
	scripts/system-deps demo

system-deps-test:
	scripts/system-deps test

demo: system-deps-demo install assets
	mkdir -p var
	EARLYHELP_ENV=development $(EARLYHELP) migrate --noinput
	EARLYHELP_ENV=development $(EARLYHELP) load_demo
	# The background task worker (roll imports; docs/adr/0012) runs beside the web server.
	EARLYHELP_ENV=development $(EARLYHELP) db_worker & worker=$$!; trap "kill $$worker" EXIT INT TERM; \
	  EARLYHELP_ENV=development $(EARLYHELP) runserver 127.0.0.1:8000

demo-reset: install
	rm -f var/earlyhelp.sqlite3 var/earlyhelp.sqlite3-wal var/earlyhelp.sqlite3-shm var/demo-secret

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

.PHONY: layers
# The app layers and contracts in pyproject.toml ([tool.importlinter]; docs/architecture.md).
layers: install
	$(BIN)/lint-imports

typecheck: install
	EARLYHELP_ENV=test $(BIN)/mypy earlyhelp tests bench

checks: install assets
	EARLYHELP_ENV=test $(EARLYHELP) makemigrations --check --dry-run
	EARLYHELP_ENV=production ALLOWED_HOSTS=earlyhelp.example.org \
	  SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))')" \
	  FIELD_ENCRYPTION_KEYS="$$($(BIN)/python -c 'from earlyhelp.lib.encryption_keys import new_key; print(new_key())')" \
	  AUDIT_CHAIN_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(48))')" \
	  $(EARLYHELP) check --deploy --fail-level WARNING

# Known vulnerabilities in the pinned requirements (says loudly when the service cannot be
# reached; AUDIT_DEPS=required fails then, AUDIT_DEPS=skip skips). See scripts/audit-deps.
audit-deps: install
	AUDIT_DEPS=$(AUDIT_DEPS) VENV_BIN=$(BIN) scripts/audit-deps

# Static security checks; the configuration and its one skip are in pyproject.toml.
bandit: install
	$(BIN)/bandit -r earlyhelp -c pyproject.toml -q

# One pass of the suite on each database. Each pass keeps its own coverage data and pytest
# cache under var/test/<database>/, so the two can run side by side (test-passes below).
# PYTEST_ARGS narrows a run, e.g. `make test-passes PYTEST_ARGS=tests/unit`.
PYTEST_ARGS ?=
# Branch coverage is measured on the SQLite pass (it doubles a pass's time under Python 3.12's
# tracer, so the PostgreSQL pass runs without it and `make test` stays near 20 minutes);
# tests/plugins/coverage_preload.py imports a huge third-party data module before coverage
# starts; the floor is checked by `make coverage`.
PASS_OPTS = -o cache_dir=var/test/$(1)/pytest-cache $(PYTEST_ARGS)
COVERAGE_OPTS = -p tests.plugins.coverage_preload --cov --cov-report= --cov-fail-under=0

test-sqlite: install assets
	mkdir -p var/test/sqlite
	EARLYHELP_ENV=test PYTHONPATH=. COVERAGE_FILE=var/test/sqlite/coverage \
	  $(BIN)/pytest $(COVERAGE_OPTS) $(call PASS_OPTS,sqlite)

test-postgres: install assets
	mkdir -p var/test/postgres
	scripts/pg-test-server start >/dev/null
	trap 'scripts/pg-test-server stop' EXIT; \
	  EARLYHELP_ENV=test PYTHONPATH=. DATABASE_URL=$(TEST_DATABASE_URL) \
	  $(BIN)/pytest $(call PASS_OPTS,postgres)

# Both passes at once (one per core), each into its own log, printed when both have finished;
# fails if either fails. scripts/test-passes says how.
.PHONY: test-passes coverage
test-passes: install assets
	MAKE="$(MAKE)" scripts/test-passes test-sqlite test-postgres

# Branch coverage of the SQLite pass: the total and the least covered modules (the full
# table is in var/test/coverage-report.txt); fails under the floor in pyproject.toml
# [tool.coverage.report].
coverage: install
	$(BIN)/coverage combine --keep --data-file=var/test/combined.coverage var/test/sqlite/coverage
	status=0; $(BIN)/coverage report --data-file=var/test/combined.coverage --sort=cover \
	  --skip-covered --skip-empty >var/test/coverage-report.txt || status=$$?; \
	  head -n 17 var/test/coverage-report.txt; echo "..."; tail -n 3 var/test/coverage-report.txt; \
	  exit $$status

test: system-deps-test install assets lint layers typecheck checks audit-deps bandit test-passes coverage
	@echo "All checks passed on SQLite and PostgreSQL."

bench: install assets
	EARLYHELP_ENV=test $(BIN)/python -m bench

clean:
	rm -rf $(VENV) node_modules earlyhelp/static/build var .mypy_cache .ruff_cache .pytest_cache
