# Every command of the project. `make run` and `make test` are the README's quick start.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: run test test-fast lint format messages bench browser-deps report-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(BIN)/doingoai migrate --noinput
	$(BIN)/doingoai demo
	$(BIN)/doingoai serve

# Browser tests drive Debian's Chromium; install it through apt when it is missing.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else echo "chromium is missing: browser tests will be skipped"; fi; }

# The report's PDF needs Pango (WeasyPrint), its tests pdftotext (poppler-utils) and
# LibreOffice (the DOCX must open in it); install them through apt when missing.
report-deps:
	@{ ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 && command -v pdftotext >/dev/null 2>&1 \
	   && command -v soffice >/dev/null 2>&1; } || { \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Pango, poppler-utils and LibreOffice Writer for the report exports"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	      libpango-1.0-0 libpangoft2-1.0-0 poppler-utils libreoffice-writer-nogui >/dev/null; \
	  else echo "Pango, pdftotext or soffice is missing: some report tests will be skipped"; fi; }

test: $(STAMP) browser-deps report-deps
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser" -x

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/doingoai makemigrations --check --dry-run

format: $(STAMP)
	$(BIN)/ruff format src tests benchmarks

messages: $(STAMP)
	cd src/doingoai && ../../$(BIN)/doingoai makemessages -l vi --no-obsolete --ignore "*/extraction/*" --ignore "*/tests/*"
	$(BIN)/doingoai compilemessages

bench: $(STAMP)
	@for script in benchmarks/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) var
