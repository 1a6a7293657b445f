# Two commands do all set-up on a fresh Debian machine: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSTEM_STAMP := $(VENV)/.system-packages
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test check bench clean lock system-packages

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# Debian packages the build and the tests need: Chromium for browser tests, fonts and Pango for the PDF.
$(SYSTEM_STAMP): | $(STAMP)
	@if ! command -v chromium >/dev/null || ! fc-list | grep -q DejaVuSans || ! ldconfig -p | grep -q libpango-1.0; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	      chromium fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; \
	  else echo "Chybí chromium/Pango/DejaVu: spusťte jako root, nebo je nainstalujte (apt-get install chromium fonts-dejavu-core libpango-1.0-0)."; exit 1; fi; \
	fi
	touch $@

system-packages: $(SYSTEM_STAMP)

# The site is built into a temporary folder and swapped in only when the whole build succeeded.
site: $(STAMP) $(SYSTEM_STAMP)
	rm -rf .site-build
	$(BIN)/mkdocs build --strict --site-dir .site-build
	rm -rf site && mv .site-build site
	@echo "Portál je v site/ (PDF v site/ke-stazeni/, data v site/data/)."

serve: $(STAMP) $(SYSTEM_STAMP)
	$(BIN)/mkdocs serve

FORMAT ?= text
check: $(STAMP)
	$(BIN)/portal check --format $(FORMAT)

test: $(STAMP) $(SYSTEM_STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP) $(SYSTEM_STAMP)
	$(BIN)/python tests/benchmark.py

# Regenerate the lock file after changing pyproject.toml (needs network access to the package index).
lock:
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra test --extra build --python-version 3.11 --generate-hashes -o requirements.lock

clean:
	rm -rf site .site-build $(VENV)
