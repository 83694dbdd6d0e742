# One target per habit: run, test, lint, bench.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench clean ui ui-without-npm api-client

# The web UI (ui/): npm ci when the lock file changes, a Vite build when a source changes.
# Without npm the build is skipped with a warning (the browser tests then fail under CI).
NPM        := $(shell command -v npm 2>/dev/null)
UI_DEPS    := ui/node_modules/.installed
UI_STAMP   := ui/dist/.built
UI_SOURCES := $(shell find ui/src ui/scripts -type f 2>/dev/null) \
              ui/index.html ui/vite.config.ts ui/tsconfig.json ui/package.json

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

$(UI_DEPS): ui/package.json ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund
	@touch $@

$(UI_STAMP): $(UI_DEPS) $(UI_SOURCES)
	cd ui && npm run build
	@touch $@

ui: $(if $(NPM),$(UI_STAMP),ui-without-npm)

ui-without-npm:
	@echo "make: npm not found: the web UI is not built (needs Node.js 20.19+ and npm)" >&2

# Regenerate the UI's typed API client (ui/src/api/schema.d.ts) after changing the API.
api-client: $(STAMP) $(UI_DEPS)
	$(BIN)/dais openapi | (cd ui && node scripts/api-client.mjs)

run: $(STAMP) ui
	$(BIN)/dais serve

test: $(STAMP) ui
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check dais tests bench
	$(BIN)/ruff format --check dais tests bench
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH)

clean:
	rm -rf $(VENV) .dais-data .pytest_cache .mypy_cache .ruff_cache
