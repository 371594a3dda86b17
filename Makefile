# Two commands for a newcomer: `make run` and `make test`. Both are idempotent.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
FLASK := $(BIN)/flask --app wsgi

.PHONY: run test lint translations i18n-update check-python clean

run: $(VENV)/.installed translations instance/config.py
	$(FLASK) db upgrade
	$(FLASK) demo bootstrap
	$(FLASK) search sync
	@echo ""
	@echo "Servicecentrum Integratie runs on http://127.0.0.1:$(PORT)  (Ctrl+C stops it)"
	$(FLASK) run --host 127.0.0.1 --port $(PORT)

test: $(VENV)/.installed-dev translations
	$(BIN)/ruff check .
	$(BIN)/pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; found " + sys.version.split()[0])'

$(VENV)/.installed: pyproject.toml | check-python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | check-python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed

# Compiled catalogs (.mo) are build output, made from the .po files in git.
translations: $(VENV)/.installed
	$(BIN)/pybabel compile --use-fuzzy -d translations -D messages >/dev/null

# Developers: collect new UI strings and add them to every catalog.
i18n-update: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output --width 100 -o translations/messages.pot .
	$(BIN)/pybabel update -i translations/messages.pot -d translations -D messages --no-fuzzy-matching --ignore-obsolete --width 100

# SECRET_KEY for local runs, made once; production sets SECRET_KEY in its environment.
instance/config.py: | $(VENV)/.installed
	mkdir -p instance
	$(BIN)/python -c "import secrets; print('SECRET_KEY = %r' % secrets.token_hex(32)); print('SESSION_COOKIE_SECURE = False  # make run serves plain http on 127.0.0.1')" > $@
	chmod 600 $@

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
