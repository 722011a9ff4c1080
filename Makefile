# The two commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
# Links the site builds (feeds, calendars, the sitemap, emails) use the address it serves.
export SITE_URL ?= http://$(HOST):$(PORT)

.PHONY: run test lint lint-html install install-test migrate demo serve scheduler worker backup restore audit bench clean deploy-check

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/activate
	$(PIP) install --quiet ".[test,dev]"
	@touch $@

install: $(VENV)/.installed

install-test: install

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo_content

run: demo
	@echo ""
	@echo "  The site:  http://$(HOST):$(PORT)/"
	@echo "  The admin: http://$(HOST):$(PORT)/admin/"
	@echo "  Demo logins (password: wellbeing-demo-2026): admin, editor, moderator, reviewer"
	@echo ""
	$(PY) manage.py runserver $(HOST):$(PORT)

# The whole suite on every core (pytest-xdist, one test database per worker), ending with
# the 15 slowest tests. TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= auto
test: install-test
	$(PY) -m pytest -n $(TEST_WORKERS) --durations=15

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

# Every public page of the demo is valid HTML: builds the demo into a throwaway SQLite
# database, crawls it (tools/check_html.py) and checks every page with the Nu HTML Checker
# in one run. Needs Java 17+ and `npm ci --ignore-scripts` (the pinned vnu-jar of package.json).
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar
lint-html: install
	@test -f $(VNU_JAR) || { echo "make lint-html needs $(VNU_JAR): run npm ci --ignore-scripts"; exit 2; }
	@command -v java >/dev/null || { echo "make lint-html needs Java 17+"; exit 2; }
	@work="$$(mktemp -d /tmp/cwb-lint-html.XXXXXX)"; trap 'rm -rf "$$work"' EXIT; \
	export DATABASE_URL="sqlite:///$$work/site.sqlite3" MEDIA_ROOT="$$work/media" \
	  SITE_URL=http://testserver; \
	$(PY) manage.py migrate --noinput -v 0 && \
	$(PY) manage.py load_demo_content -v 0 >/dev/null && \
	$(PY) tools/check_html.py --out "$$work/html"

# Publishes pages whose time has come, unpublishes expired ones and retries pending
# workflow emails, every minute (Ctrl-C stops it).
scheduler: install
	$(PY) manage.py run_scheduler --interval 60

# Runs queued background work (search indexing, renditions, emails) when TASKS_BACKEND=database.
worker: install
	$(PY) manage.py db_worker

# Back up the database content and media into backups/ (see README: Backup and restore).
backup: install
	@mkdir -p backups
	$(PY) manage.py backup_site backups/site-$$(date -u +%Y%m%dT%H%M%SZ).tar.gz

# make restore FILE=backups/site-....tar.gz   (replaces all current content)
restore: install
	@test -n "$(FILE)" || (echo "Usage: make restore FILE=backups/site-....tar.gz" && exit 2)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py restore_site "$(FILE)" --yes

# Known vulnerabilities in the pinned dependencies (needs the PyPI advisory service online).
audit: install
	$(VENV)/bin/pip-audit --progress-spinner off

# Starts the production stack of deploy/ on this machine (Debian's nginx in front of
# gunicorn, production settings, throwaway data) and checks what the proxy does. Needs
# apt-get install nginx-light libnginx-mod-http-cache-purge (brotli modules optional).
deploy-check: install
	PY=$(PY) bash deploy/check.sh

bench: install
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) db.sqlite3 media .test-media static_collected
