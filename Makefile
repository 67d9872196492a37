# The two set-up commands: `make demo` and `make test`. Each builds .venv from nothing when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= demo.db
PGTEST_DIR ?= .pgtest
EXPLORE_HOST ?= 127.0.0.1
EXPLORE_PORT ?= 8000

.PHONY: demo explore test lint clean pg-start pg-stop

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/dateline ingest examples --db $(DEMO_DB)
	$(BIN)/dateline events --db $(DEMO_DB) --format table
	@echo "Explore these events in a browser: make explore, then open http://$(EXPLORE_HOST):$(EXPLORE_PORT)/"

# The web explorer over the demo database (built when missing): serves it until Ctrl-C.
explore: $(STAMP)
	test -f $(DEMO_DB) || $(BIN)/dateline ingest examples --db $(DEMO_DB)
	@echo "dateline explorer: open http://$(EXPLORE_HOST):$(EXPLORE_PORT)/ (Ctrl-C stops it)"
	$(BIN)/dateline serve --db $(DEMO_DB) --host $(EXPLORE_HOST) --port $(EXPLORE_PORT)

# The storage tests also run against a throw-away PostgreSQL server (scripts/pg-test-server):
# started in a fresh /tmp dir (reachable by the `postgres` user wherever the clone is), passed to
# pytest as DATELINE_TEST_PG_URL with DATELINE_REQUIRE_PG=1, always stopped afterwards, pytest's
# status kept. If the server cannot start, the target fails. The explorer's browser tests need
# headless Chromium: scripts/browser-test-setup installs Debian's package when missing and checks it
# starts; DATELINE_REQUIRE_BROWSER=1 makes a browser that cannot start fail them, not skip them.
test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	bash scripts/browser-test-setup >/dev/null
	DATELINE_REQUIRE_BROWSER=1 bash scripts/pg-test-server run -- $(BIN)/pytest -q
	bash scripts/wheel-check $(BIN)/python

# A server to keep while developing: `make pg-start` prints its URL (also in $(PGTEST_DIR)/url).
pg-start:
	bash scripts/pg-test-server start $(PGTEST_DIR)

pg-stop:
	bash scripts/pg-test-server stop $(PGTEST_DIR)

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
