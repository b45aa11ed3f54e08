# Everyday commands. Each target does its own set-up on a fresh Debian machine with Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint setup browser-deps lock same-site check second-dossier

serve: setup ## build the dossier and serve it with live reload on http://127.0.0.1:8000
	$(BIN)/mkdocs serve

build: setup ## build the site into site/ (strict)
	$(BIN)/mkdocs build --strict

test: setup browser-deps ## run the whole test suite, browser tests included
	$(BIN)/pytest

check: setup ## every check a dossier needs: validate, strict build, links and anchors, no off-site request, reproducible
	$(BIN)/dossier check

second-dossier: setup ## the tests that read the root's dossier, run against the made-up one in tests/fixtures/second
	.ci/second_dossier.sh

same-site: setup ## build the site at BASE (default HEAD) and from the working tree; compare byte for byte
	$(BIN)/python .ci/same_site.py $(or $(BASE),HEAD)

lint: setup
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/mypy

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq python3-venv >/dev/null; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

browser-deps: ## Debian's Chromium, Java (for the HTML checker), Node.js, a Korean font, and the npm test tools
	@command -v chromium >/dev/null 2>&1 && command -v java >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
	  && [ -f /usr/share/fonts/truetype/nanum/NanumGothic.ttf ] || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  PKGS="chromium default-jre-headless fonts-nanum"; command -v npm >/dev/null 2>&1 || PKGS="$$PKGS nodejs npm"; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$PKGS >/dev/null; }
	@if [ -f package-lock.json ]; then [ -d node_modules ] || npm ci --no-audit --no-fund --silent; fi

lock: ## re-pin every Python dependency after changing pyproject.toml
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet "setuptools>=77" && .lock-venv/bin/pip install --quiet -e '.[test]'
	{ echo "# Exact versions of everything the project installs (generated with 'make lock')."; \
	  .lock-venv/bin/pip freeze --all --exclude-editable | grep -v "^pip=="; } > requirements.lock
	rm -rf .lock-venv
