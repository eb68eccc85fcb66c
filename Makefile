# The two commands of README.md:
#   make demo   sets up and serves the demo on SQLite at http://127.0.0.1:8000/
#   make test   sets up and runs the whole test suite (DATABASE_URL picks the database)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
VNU := node_modules/vnu-jar/build/dist/vnu.jar
# Test processes (pytest-xdist): one per core; PYTEST_WORKERS=0 runs in this process.
PYTEST_WORKERS ?= auto

.PHONY: demo test install system-deps lint bench bench-search clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium for the browser tests (Playwright's own browser download
# does not work on these machines), Java for the Nu HTML validator and Caddy
# for the production recipe's test (tests/web/test_caddy.py). Installed only when
# missing, and only as root. (Where systemd runs, Debian also starts its own
# caddy.service on port 80: `systemctl disable --now caddy` on a laptop.)
system-deps:
	@missing=""; \
	[ -x "$(CHROMIUM)" ] || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v caddy >/dev/null || missing="$$missing caddy"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = "0" ]; then \
			apt-get update -q && apt-get install -y -q -o DPkg::Lock::Timeout=300 $$missing; \
		else \
			echo "Missing:$$missing. Install them with apt-get." >&2; exit 1; \
		fi; \
	fi

# The W3C Nu HTML validator, from the npm registry (its download script is not
# needed: the system Java runs the jar).
$(VNU): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $(VNU)

demo: $(STAMP)
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_demo --with-admin
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/djlint templates --lint

test: $(STAMP) system-deps $(VNU) lint
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')} \
		$(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)
	$(BIN)/python bench/search.py

# The site search alone: p50/p99 at load_demo --scale 500 and 5000, and their ratio.
bench-search: $(STAMP)
	$(BIN)/python bench/search.py

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache
