# The two commands: `make run` (a demo site on http://127.0.0.1:8000) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test e2e bench lighthouse install install-dev messages update-messages lint lock vendor clean

# Every step of `make run` knows the address it serves: migrate points Wagtail's Site at it,
# and the demo's PDF report, e-mails and QR codes link there.
run: export PUBLIC_BASE_URL = http://$(HOST):$(PORT)
run: install messages ## Install, migrate, load the demo town and serve it on SQLite
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py ensure_demo_admin
	@echo "Portal on $(PUBLIC_BASE_URL)/  ·  admin: $(PUBLIC_BASE_URL)/admin/ (admin / admin)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install-dev messages lint node_modules/.installed ## Lint, checks, translations and the whole test suite (DATABASE_URL picks the database; calendars are also read by ical.js in Node)
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py check_translations
	$(BIN)/pytest --ignore=tests/e2e

e2e: install-dev messages node_modules/.installed ## Browser tests in headless Chromium, with axe-core and the Nu HTML Checker
	$(BIN)/pytest tests/e2e

bench: install messages ## Load each page type with wrk on loopback, SQLite then PostgreSQL (a measurement, not a test)
	$(PY) scripts/bench.py

lighthouse: install messages node_modules/.installed ## Lighthouse (mobile) on each page type: scores, CLS and LCP (a measurement, not a test)
	$(PY) scripts/lighthouse.py

$(PY):
	$(PYTHON) -m venv $(VENV)

install: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml requirements.lock | $(PY)
	$(BIN)/pip install --quiet -c requirements.lock -e .
	touch $@

install-dev: $(VENV)/.installed-dev
$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/pip install --quiet -c requirements.lock -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

messages: install
	$(PY) manage.py compile_translations

update-messages: install ## After changing UI strings: add them to the catalogues, then translate each language in locale/
	$(PY) manage.py update_translations

lint: install-dev ## Style, and the layers of docs/architecture.md (pyproject.toml, tool.importlinter)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

lock: ## Refresh requirements.lock after changing dependency ranges
	$(BIN)/pip install --quiet -e ".[dev]" && $(BIN)/pip freeze --exclude-editable > requirements.lock

vendor: node_modules/.installed ## Copy icons and fonts from node_modules into portal/static
	$(PY) scripts/vendor_assets.py

clean:
	rm -rf $(VENV) node_modules db.sqlite3 media static_collected .e2e-artifacts
