# The two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run serve test install install-test messages translations check bench bench-opensearch clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt
	$(PIP) install --quiet -r requirements-test.txt
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test
	@# Browser tests drive Debian's chromium (no browser download at run time); the
	@# PostgreSQL leg needs the server, which only some machines have; the shared page
	@# cache is tried on a real Redis.
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v redis-server >/dev/null 2>&1 || missing="$$missing redis-server"; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian's$$missing for the tests..."; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

# Translation catalogues: the .po files are in the repository, the .mo files are built.
messages: install
	$(VENV)/bin/pybabel compile -d locale -D django --statistics 2>&1 | grep -v '^$$' || true

# After changing interface strings: every catalogue gains the new ones and loses the
# removed ones (README, Translations); the .po files are then edited by hand.
# `make translations NEW_LANGUAGE=de` creates the catalogue of a new language.
translations: install
	$(PY) manage.py makemessages $(if $(NEW_LANGUAGE),-l $(NEW_LANGUAGE),--all) --no-obsolete --ignore=.venv \
		--ignore=var --ignore=tests --ignore=bench --ignore=fixtures --ignore=node_modules

run: install messages
	@# var/static: where collectstatic puts what WhiteNoise serves (empty under runserver).
	@mkdir -p var/static
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content
	$(PY) manage.py search_index rebuild
	@echo
	@echo "  A task worker runs beside the server (search indexing, Wagtail's background work);"
	@echo "  it writes to var/worker.log, so that this console keeps what follows in sight."
	@echo "  The knowledge base is served on http://$(HOST):$(PORT)/ (French: http://$(HOST):$(PORT)/fr/)"
	@echo "  Editors log in at http://$(HOST):$(PORT)/admin/ with this account:"
	@$(PY) manage.py ensure_admin
	@echo
	@# The worker stops with the server (Ctrl-C).
	@$(PY) manage.py db_worker --interval 2 >> var/worker.log 2>&1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# The production settings tried on this machine: gunicorn, static files from the app, a
# generated secret key (var/trial-secret-key), plain HTTP. For trying only (README, Production).
serve: install messages
	@mkdir -p var
	@test -s var/trial-secret-key || $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > var/trial-secret-key
	@export DJANGO_SETTINGS_MODULE=kb.settings.production SECRET_KEY="$$(cat var/trial-secret-key)" KB_LOCAL_TRIAL=true \
		GUNICORN_BIND=$(HOST):$(PORT); \
	$(PY) manage.py migrate --noinput && \
	$(PY) manage.py collectstatic --noinput -v0 && \
	$(PY) manage.py load_demo_content && \
	$(PY) manage.py search_index rebuild && \
	echo && \
	echo "  FOR TRYING ONLY: the production settings over plain HTTP, with a key generated for this" && \
	echo "  machine (var/trial-secret-key). A real deployment: README, Production." && \
	echo "  Served by gunicorn on http://$(HOST):$(PORT)/ ; the task worker writes to var/worker.log." && \
	echo "  Editors log in at http://$(HOST):$(PORT)/admin/ with this account (two-factor set-up on first login):" && \
	$(PY) manage.py ensure_admin && echo && \
	{ $(PY) manage.py db_worker --interval 2 >> var/worker.log 2>&1 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(VENV)/bin/gunicorn kb.wsgi -c kb/gunicorn.py; }

check: install-test messages
	@mkdir -p var
	DJANGO_SETTINGS_MODULE=kb.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=kb.settings.test $(PY) manage.py makemigrations --check --dry-run
	@# Which app may import which: the contracts in .importlinter.
	$(VENV)/bin/lint-imports --no-cache

# Two legs, each timed: the whole suite on SQLite with a throw-away OpenSearch cluster
# (the engine-dependent tests run on it too), then the suite without the browser tests
# on a throw-away PostgreSQL cluster (README, Tests).
test: check
	@scripts/timed "SQLite and OpenSearch leg" scripts/with-opensearch $(PY) -m pytest
	@scripts/timed "PostgreSQL leg" scripts/with-postgres $(PY) -m pytest -m "not browser" -q -p no:cacheprovider

# The search engine on a synthetic corpus, then the pages under load through gunicorn
# (wrk, from Debian, installed when missing).
bench: install
	@command -v wrk >/dev/null 2>&1 || { echo "Installing Debian's wrk for the page load test..."; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk >/dev/null; }
	$(PY) -m bench $(BENCH_ARGS)
	$(PY) -m bench.pages $(BENCH_PAGES_ARGS)

# The same corpus and mix on a single-node OpenSearch too (needs java and mvn).
bench-opensearch: install
	$(PY) -m bench --with-opensearch $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var tests/browser/artefacts
