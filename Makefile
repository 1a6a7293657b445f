# Two commands do all set-up on a fresh Debian machine: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSTEM_STAMP := $(VENV)/.system-packages
NODE_STAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test test-fast lint check bench bench-pdf clean lock system-packages node-packages

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# Debian packages the build and the tests need: Chromium for browser tests, the DejaVu fonts for the PDF,
# Node.js for the CMS and the npm test tools, Java for the Nu HTML Checker, ffmpeg and espeak-ng for the
# generated video fixture.
$(SYSTEM_STAMP): | $(STAMP)
	@need=""; \
	command -v chromium >/dev/null || need="$$need chromium"; \
	fc-list | grep -q DejaVuSans || need="$$need fonts-dejavu-core"; \
	command -v npm >/dev/null || need="$$need nodejs npm"; \
	command -v java >/dev/null || need="$$need default-jre-headless"; \
	command -v ffmpeg >/dev/null || need="$$need ffmpeg"; \
	command -v espeak-ng >/dev/null || need="$$need espeak-ng"; \
	if [ -n "$$need" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$need >/dev/null; \
	  else echo "Chybí systémové balíčky: spusťte jako root, nebo je nainstalujte (apt-get install$$need)."; exit 1; fi; \
	fi
	touch $@

# npm packages from package-lock.json: the CMS served from the site, axe-core, the Nu HTML Checker, Lighthouse.
$(NODE_STAMP): package.json package-lock.json | $(SYSTEM_STAMP)
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

node-packages: $(NODE_STAMP)

system-packages: $(SYSTEM_STAMP)

# The site is built into a temporary folder and swapped in only when the whole build succeeded.
site: $(STAMP) $(SYSTEM_STAMP) $(NODE_STAMP)
	rm -rf .site-build
	$(BIN)/mkdocs build --strict --site-dir .site-build
	rm -rf site && mv .site-build site
	@echo "Portál je v site/ (PDF v site/ke-stazeni/, data v site/data/)."

# --dirty: an edit re-renders only the changed pages (content is validated from the cache); --no-strict because MkDocs
# warns about every dirty build; invalid content still stops the preview. PDF apart unless PORTAL_PDF=1.
serve: $(STAMP) $(SYSTEM_STAMP) $(NODE_STAMP)
	PORTAL_PDF=$${PORTAL_PDF:-0} $(BIN)/mkdocs serve --dirty --no-strict

FORMAT ?= text
check: $(STAMP)
	$(BIN)/portal check --format $(FORMAT)

test: $(STAMP) $(SYSTEM_STAMP) $(NODE_STAMP) lint
	$(BIN)/python -m pytest

# Ruff and mypy, configured in pyproject.toml; `make test` (and so CI) runs them first.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

# The fast tier for developers: no browser, no PDF (site builds leave the PDF out; tests that read it are marked pdf),
# on every core (pytest-xdist; a module's tests stay in one process, so its built site is shared).
test-fast: $(STAMP)
	PORTAL_PDF=0 $(BIN)/python -m pytest -m "not browser and not pdf" -q -n auto --dist loadfile

# The site at scale against plain Material (100, 1,000 and 3,000 cases; BENCH_ARGS="--sizes 100,1000 --lighthouse").
bench: $(STAMP) $(SYSTEM_STAMP) $(NODE_STAMP)
	$(BIN)/python benchmarks/site.py $(BENCH_ARGS)

# PDF manual at 100, 500 and 1,000 synthetic cases (Typst), then the whole build with the PDF against plain
# Material; `BENCH_PDF="3000"` for other sizes.
BENCH_PDF ?= --site
bench-pdf: $(STAMP) $(SYSTEM_STAMP)
	$(BIN)/python benchmarks/pdf.py $(BENCH_PDF)

# Regenerate the lock file after changing pyproject.toml (needs network access to the package index).
lock:
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra site --extra test --extra build --python-version 3.11 --generate-hashes -o requirements.lock

clean:
	rm -rf site .site-build $(VENV) node_modules
