# Tianping: the two commands of the README, and the steps they are made of.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
export DEBUG ?= true

.PHONY: demo test install install-dev system browser lint lock static-vendor

## Set everything up and run the platform with demo data on SQLite at http://$(HOST)
demo: install
	$(BIN)/tianping compilelocales
	$(BIN)/tianping migrate --no-input -v 0
	$(BIN)/tianping demo
	@echo "Tianping is starting at http://$(HOST)  (stop with Ctrl-C)"
	$(BIN)/tianping runserver $(HOST)

## Run the whole test suite (unit, pages, API and browser tests), one worker per core
PYTEST_WORKERS ?= auto
test: install-dev browser
	$(BIN)/tianping compilelocales
	$(BIN)/pytest -n $(PYTEST_WORKERS)

install: system $(VENV)/.installed static-vendor
$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

## Front-end packages from the npm registry (package-lock.json), copied into the static files
## the platform serves itself: no CDN at run time
VENDOR := src/tianping/static/vendor
static-vendor: $(VENDOR)/.installed
$(VENDOR)/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	mkdir -p $(VENDOR)/echarts
	cp node_modules/echarts/dist/echarts.min.js node_modules/echarts/LICENSE $(VENDOR)/echarts/
	touch $@

install-dev: install $(VENV)/.installed-dev
$(VENV)/.installed-dev: requirements-dev.lock
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	touch $@

system:
	bash scripts/install-system-packages.sh

browser:
	bash scripts/install-system-packages.sh --browser

lint: install-dev
	$(BIN)/ruff check .

## Re-pin every dependency after changing pyproject.toml
lock:
	bash scripts/lock.sh
