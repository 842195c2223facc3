# Two commands on a fresh clone (see README):
#   make translate   install, then translate the bundled article into English and Japanese
#   make test        install, then run the test suite and the quality gate
#
# torch comes first, pinned: argostranslate needs stanza, which needs torch, and
# an unpinned install pulls a multi-GB CUDA build. On a machine without a local
# CPU wheel add  TORCH_INDEX=--index-url=https://download.pytorch.org/whl/cpu

VENV ?= .venv
PYTHON ?= python3
TORCH ?= torch==2.13.0
TORCH_INDEX ?=
BIN := $(VENV)/bin

.PHONY: install browser translate test pofilter

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet $(TORCH_INDEX) $(TORCH)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

translate: install
	$(BIN)/l10n translate --to en --to ja

# The report test renders HTML in headless Chromium (Debian: chromium, chromium-driver).
browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else echo "install chromium and chromium-driver (sudo apt-get install chromium chromium-driver)"; exit 1; fi; \
	fi

test: install browser
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
