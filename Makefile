# JWJT — 减污降碳协同管控 QGIS plugin.
# `make demo` and `make test` are the two commands a fresh Debian 12 machine needs;
# both run `setup` first, which installs only what is missing.

SHELL        := /bin/bash
SYSPY        ?= /usr/bin/python3
VENV         ?= .venv
PY           := $(VENV)/bin/python
SETUP_STAMP  := $(VENV)/.jwjt-setup
SUDO         := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
QGIS_PROFILE ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default
PLUGIN_DIR   := $(QGIS_PROFILE)/python/plugins/jwjt_plugin
# Plugin-private site for the pip-only dependencies (shapely 2, geopandas); the plugin
# puts it on sys.path at load (see jwjt_plugin/dependencies.py).
DEPS_DIR     := $(QGIS_PROFILE)/python/jwjt_libs
VERSION      := $(shell sed -n 's/^version=//p' metadata.txt)
DIST         := dist/jwjt_plugin-$(VERSION).zip
# Debian's pyproj looks for PROJ data under the venv's prefix otherwise.
export PROJ_DATA := /usr/share/proj
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup demo test test-core test-qgis bench package deploy translations sample clean

setup: $(SETUP_STAMP)

$(SETUP_STAMP): requirements/debian.txt requirements/constraints.txt requirements/runtime.txt requirements/test.txt
	@missing=$$(for p in $$(grep -v '^#' requirements/debian.txt); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	    echo "Installing Debian packages: $$missing"; \
	    $(SUDO) apt-get update -q && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi
	[ -x $(PY) ] || $(SYSPY) -m venv --system-site-packages $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -r requirements/runtime.txt
	$(PY) -m pip install -q --disable-pip-version-check -c requirements/constraints.txt -r requirements/test.txt
	$(PY) -c "import qgis.core, shapely, geopandas, numpy; assert shapely.__version__ >= '2', shapely.__version__; assert numpy.__version__ < '2'"
	touch $@

# The main job: synergy analysis of the bundled sample city into a new output folder.
demo: setup i18n/jwjt_zh_CN.qm
	$(PY) -m jwjt_plugin.cli synergy --sample

# Core tests run without a QgsApplication (pytest-qgis disabled) to prove the core is QGIS-free.
test: setup i18n/jwjt_zh_CN.qm
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -p no:pytest_qgis -p no:pytestqt -W ignore::pytest.PytestConfigWarning tests/core
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/qgis

bench: setup
	$(PY) -m bench.overlay_national
	$(PY) -m bench.overlap_national

sample: setup
	$(PY) resources/sample_city/make_sample_city.py

translations: i18n/jwjt_zh_CN.qm

i18n/jwjt_zh_CN.qm: i18n/jwjt_zh_CN.ts
	lrelease -silent $< -qm $@

# Refresh the .ts from the sources (keeps existing translations); run after changing strings.
update-ts:
	pylupdate5 -noobsolete $$(find jwjt_plugin -name '*.py' | sort) -ts i18n/jwjt_zh_CN.ts

package: i18n/jwjt_zh_CN.qm
	rm -rf build/package && mkdir -p build/package/jwjt_plugin/i18n dist
	cp -r jwjt_plugin/. build/package/jwjt_plugin/
	cp -r resources build/package/jwjt_plugin/resources
	# The sample-data generator is a development tool; the data it made ships.
	find build/package -name '__pycache__' -prune -exec rm -rf {} + -o -path '*/resources/*.py' -exec rm -f {} +
	cp metadata.txt build/package/jwjt_plugin/
	cp i18n/*.qm build/package/jwjt_plugin/i18n/
	rm -f $(DIST) && cd build/package && zip -q -r ../../$(DIST) jwjt_plugin
	@echo "Wrote $(DIST)"

deploy: package setup
	rm -rf $(PLUGIN_DIR) && mkdir -p $(dir $(PLUGIN_DIR))
	cd $(dir $(PLUGIN_DIR)) && unzip -q -o $(CURDIR)/$(DIST)
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --upgrade --target $(DEPS_DIR) -r requirements/runtime.txt
	@echo "Installed into $(PLUGIN_DIR); enable JWJT in Plugins > Manage and Install Plugins."

clean:
	rm -rf build dist .pytest_cache
