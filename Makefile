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

$(VENV)/.installed: $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

# The browser tests drive Debian's Chromium (no browser is downloaded at run
# time); a CJK font makes the screenshots legible.
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null

run: install
	$(BIN)/kg build corpus -o build

test: install $(CHROMIUM)
	$(BIN)/python -m pytest -q

clean:
	rm -rf build .pytest_cache
