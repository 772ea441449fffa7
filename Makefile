# The two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test install install-test messages check bench clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt
	$(PIP) install --quiet -r requirements-test.txt
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test
	@# Browser tests drive Debian's chromium (no browser download at run time).
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests..."; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

# Translation catalogues: the .po files are in the repository, the .mo files are built.
messages: install
	$(VENV)/bin/pybabel compile -d locale -D django --statistics 2>&1 | grep -v '^$$' || true

run: install messages
	@mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content
	$(PY) manage.py search_index rebuild
	$(PY) manage.py ensure_admin
	@echo
	@echo "  The knowledge base is served on http://$(HOST):$(PORT)/ (French: http://$(HOST):$(PORT)/fr/)"
	@echo "  Editors log in at http://$(HOST):$(PORT)/admin/ with the account shown above."
	@echo "  A task worker runs beside the server (search indexing, Wagtail's background work)."
	@echo
	@# The worker stops with the server (Ctrl-C).
	$(PY) manage.py db_worker --interval 2 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

check: install-test messages
	@mkdir -p var
	DJANGO_SETTINGS_MODULE=kb.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=kb.settings.test $(PY) manage.py makemigrations --check --dry-run

test: check
	$(PY) -m pytest
	@# The same suite (browser tests aside) with the main database on PostgreSQL, when
	@# the server binaries are on the machine (Debian's postgresql package).
	scripts/with-postgres $(PY) -m pytest -m "not browser" -q -p no:cacheprovider

bench: install
	$(PY) -m bench

clean:
	rm -rf $(VENV) var tests/browser/artefacts
