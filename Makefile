# Development tasks. Needs only Python 3.11+ and make; everything else goes into .venv.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
PYTEST_ARGS ?=
EVAL_ARGS ?=
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/back_health
DEMO_ADDR ?= 127.0.0.1:8000

# Stamps record what was installed; they are rebuilt when the package metadata changes.
TEST_STAMP := $(VENV)/.installed-test
DEMO_STAMP := $(VENV)/.installed-demo

.DEFAULT_GOAL := help
.PHONY: help demo demo-setup test test-postgres test-browser lint format wheel wheel-smoke bench eval agreement messages clean

help:
	@echo "make demo           run the demo site on http://$(DEMO_ADDR)/ (admin login printed)"
	@echo "make test           run the test suite on SQLite"
	@echo "make test-postgres  run the test suite on PostgreSQL ($(POSTGRES_URL))"
	@echo "make test-browser   run only the browser tests (headless Chromium + axe-core)"
	@echo "make lint           ruff check and format check"
	@echo "make format         ruff fix and format"
	@echo "make wheel          build the sdist and wheel into dist/"
	@echo "make wheel-smoke    install the wheel in a fresh venv outside the tree and smoke-test it"
	@echo "make bench          run the benchmarks in bench/"
	@echo "make eval           score the importer on the evaluation corpus (EVAL_ARGS=--verbose)"
	@echo "make agreement      how far two answer writers agree, beside the importer's figures"
	@echo "make messages       update the message catalogue in back_health/locale/"
	@echo "make clean          remove build output and the demo database"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(TEST_STAMP): setup.cfg pyproject.toml | $(BIN)/python
	$(PIP) install --quiet --disable-pip-version-check -e ".[test]"
	touch $@

$(DEMO_STAMP): setup.cfg pyproject.toml | $(BIN)/python
	$(PIP) install --quiet --disable-pip-version-check -e ".[demo]"
	touch $@

demo-setup: $(DEMO_STAMP)
	cd demo && ../$(BIN)/python manage.py migrate --noinput
	cd demo && DEMO_ADDR=$(DEMO_ADDR) ../$(BIN)/python manage.py setup_demo --addr $(DEMO_ADDR)

demo: demo-setup
	@echo "Serving the demo on http://$(DEMO_ADDR)/ (Ctrl+C to stop)"
	cd demo && DEMO_ADDR=$(DEMO_ADDR) ../$(BIN)/python manage.py runserver $(DEMO_ADDR)

test: $(TEST_STAMP)
	$(BIN)/pytest $(PYTEST_ARGS)

test-postgres: $(TEST_STAMP)
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest $(PYTEST_ARGS)

test-browser: $(TEST_STAMP)
	$(BIN)/pytest -m browser $(PYTEST_ARGS)

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(TEST_STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

wheel: $(TEST_STAMP)
	rm -rf dist build
	$(BIN)/python -m build --outdir dist .

wheel-smoke: wheel
	@set -e; \
	smoke_dir=$$(mktemp -d); \
	trap 'rm -rf "$$smoke_dir"' EXIT; \
	wheel=$$(ls dist/*.whl); \
	echo "Smoke-testing $$wheel in $$smoke_dir"; \
	$(PYTHON) -m venv "$$smoke_dir/venv"; \
	"$$smoke_dir/venv/bin/python" -m pip install --quiet --disable-pip-version-check "$$wheel"; \
	cp .ci/wheel_smoke.py "$$smoke_dir/"; \
	cd "$$smoke_dir" && ./venv/bin/python wheel_smoke.py "$(CURDIR)/$$wheel"

bench: $(TEST_STAMP)
	@set -e; found=; \
	for script in bench/*.py; do \
		[ -e "$$script" ] || continue; found=1; \
		echo "== $$script"; \
		DJANGO_SETTINGS_MODULE=tests.settings PYTHONPATH=. $(BIN)/python "$$script"; \
	done; \
	[ -n "$$found" ] || echo "No benchmarks in bench/."

# Figures only: the evaluation prints precision, recall and the other figures for both
# halves of tests/corpus/ and fails only on a malformed corpus, never on the figures.
eval: $(TEST_STAMP)
	PYTHONPATH=. $(BIN)/python -m tests.corpus.evaluate $(EVAL_ARGS)

# Figures only: second answers of some development articles against their first answers.
agreement: $(TEST_STAMP)
	PYTHONPATH=. $(BIN)/python -m tests.corpus.agreement

clean:
	rm -rf build dist *.egg-info demo/db.sqlite3 demo/media tests/test.sqlite3

messages: $(TEST_STAMP)
	cd back_health && DJANGO_SETTINGS_MODULE=tests.settings PYTHONPATH=.. \
		../$(BIN)/django-admin makemessages --locale en --no-obsolete --no-location
