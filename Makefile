# The two commands of the README:
#   make run   - install into .venv and build the graph of the bundled corpus
#   make test  - install into .venv (with test tools) and run the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# `make run` installs the runtime dependencies only; `make test` adds the test tools.
# setuptools prints an advisory for every editable install (BuildBackendWarning:
# "Editable installation", a UserWarning): it says nothing about this project.
PIP := PYTHONWARNINGS=ignore::UserWarning $(BIN)/python -m pip install --quiet --disable-pip-version-check
$(VENV)/.installed-run: $(BIN)/python setup.cfg pyproject.toml
	$(PIP) -e .
	touch $@

$(VENV)/.installed-test: $(BIN)/python setup.cfg pyproject.toml
	$(PIP) -e '.[test]'
	touch $@

install: $(VENV)/.installed-run

# Debian packages the tests drive (nothing is downloaded at run time):
# Chromium for the browser tests, with a CJK font for legible screenshots;
# Virtuoso Open Source and Apache Jena (TDB2) with a Java runtime for the
# triple store round trips (unzip for the README's Jena steps, which the
# tests run). Only the missing ones are installed.
TEST_PACKAGES := chromium fonts-wqy-microhei virtuoso-opensource libapache-jena-java default-jre-headless unzip
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
.PHONY: test-packages
test-packages:
	@missing=$$(for p in $(TEST_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages for the tests:" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

# The SPARQL editor of kg serve (YASGUI) from the npm registry, pinned by
# web/package-lock.json, into web/node_modules (ignored by git). Without npm
# the server shows a plain editor.
YASGUI := web/node_modules/@zazuko/yasgui/build/yasgui.min.js
$(YASGUI): web/package.json web/package-lock.json
	@if command -v npm >/dev/null; then cd web && npm ci --no-audit --no-fund --ignore-scripts --silent; \
	else echo "npm not found: kg serve will show a plain SPARQL editor (install Node.js for YASGUI)"; fi

run: $(VENV)/.installed-run $(YASGUI)
	$(BIN)/kg build corpus -o build

test: $(VENV)/.installed-test test-packages $(YASGUI)
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest -q

clean:
	rm -rf build .pytest_cache
