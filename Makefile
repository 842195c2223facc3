# Two commands on a fresh clone (see README):
#   make translate   install, translate the bundled article into English and Japanese, build the editions
#   make test        install, then run the test suite and the quality gate
#
# --no-compile: Python compiles a module when it is first imported; compiling
# every installed module up front took a third of the install time here.
# The default install has no torch: argos-translate-lt is Argos Translate's own
# stanza-free distribution. The tests also exercise older packages that split
# sentences with Stanza, so `make test` adds the `stanza` extra, with torch
# pinned first: an unpinned torch pulls a multi-GB CUDA build. On a machine
# without a local CPU wheel add  TORCH_INDEX=--index-url=https://download.pytorch.org/whl/cpu

VENV ?= .venv
PYTHON ?= python3
TORCH ?= torch==2.13.0
TORCH_INDEX ?=
BIN := $(VENV)/bin

.PHONY: install browser translate test pofilter

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --no-compile -e '.[ja]'
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	$(BIN)/pip install --quiet $(TORCH_INDEX) $(TORCH)
	$(BIN)/pip install --quiet -e '.[ja,test,stanza,ray]'
	touch $@

install: $(VENV)/.installed

# Translate (reusing reviewed work and the translation memory; MT only where
# needed), then build the editions, or list what still needs review.
translate: install
	$(BIN)/l10n translate --to en,ja
	$(BIN)/l10n build --to en,ja
	@echo "editions: locales/en/article.html and .md, locales/ja/article.html and .md"
	@echo "run l10n as $(BIN)/l10n, or after: . $(BIN)/activate"

# The report and edition tests render HTML in headless Chromium (Debian:
# chromium, chromium-driver) and fail when CJK glyphs don't render (fonts-noto-cjk).
browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
	    || ! fc-list :lang=ja 2>/dev/null | grep -q .; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null; \
	  else echo "install chromium, chromium-driver and fonts-noto-cjk (sudo apt-get install chromium chromium-driver fonts-noto-cjk)"; exit 1; fi; \
	fi

test: $(VENV)/.test-installed browser
	L10N_REQUIRE_BROWSER=1 $(BIN)/pytest
	$(BIN)/l10n check --to en --to ja

# Translate Toolkit's pofilter with the profile in pofilter.args: no output
# means no problem; problems go to locales/<lang>/article.pofilter.po.
POFILTER_ARGS := $(shell grep -v '^\#' pofilter.args)
pofilter: install
	@for lang in en ja; do \
	  rm -f locales/$$lang/article.pofilter.po; \
	  $(BIN)/pofilter --progress=none $(POFILTER_ARGS) --language=$$lang \
	    -i locales/$$lang/LC_MESSAGES/article.po -o locales/$$lang/article.pofilter.po; \
	  if [ -f locales/$$lang/article.pofilter.po ]; then echo "$$lang: see locales/$$lang/article.pofilter.po"; exit 1; \
	  else echo "$$lang: pofilter found nothing"; fi; \
	done
