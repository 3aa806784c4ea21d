# JWJT — 减污降碳协同管控 QGIS plugin.
# `make demo` and `make test` are the two commands a fresh Debian 12 or Debian 13 machine
# needs; both run `setup` first, which installs only what is missing. `make matrix` runs the
# suite and a real-QGIS smoke inside Debian 13 and sid chroots (tests/matrix/).

SHELL        := /bin/bash
SYSPY        ?= /usr/bin/python3
VENV         ?= .venv
PY           := $(VENV)/bin/python
SUDO         := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
# The Debian release picks the package list and the pip pins: 12 (QGIS 3.22, numpy 1.24),
# 13 (QGIS 3.40, numpy 2) or sid (the current QGIS LTR), see requirements/.
DEBIAN       ?= $(shell . /etc/os-release 2>/dev/null; case "$$VERSION_ID" in (12|13) echo $$VERSION_ID;; (*) echo sid;; esac)
SETUP_STAMP  := $(VENV)/.jwjt-setup-$(DEBIAN)
QGIS_PROFILE ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default
PLUGIN_DIR   := $(QGIS_PROFILE)/python/plugins/jwjt_plugin
# Plugin-private site for the pip-only dependencies (shapely 2, geopandas); the plugin
# puts it on sys.path at load (see jwjt_plugin/dependencies.py).
DEPS_DIR     := $(QGIS_PROFILE)/python/jwjt_libs
VERSION      := $(shell sed -n 's/^version=//p' metadata.txt)
DIST         := dist/jwjt_plugin-$(VERSION).zip
# Chroots for the matrix live outside the repo and are reused between runs.
MATRIX_CACHE ?= /var/cache/jwjt-matrix
MATRIX       ?= trixie sid
# Debian's pyproj looks for PROJ data under the venv's prefix otherwise.
export PROJ_DATA := /usr/share/proj
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup demo test test-core test-qgis matrix bench package deploy translations sample clean

setup: $(SETUP_STAMP)

ifeq ($(DEBIAN),12)
# Debian 12 ships shapely 1.8 and no geopandas: those come from pip (no deps), and the test
# tools under constraints that keep Debian's numpy 1.24, which GDAL's bindings need.
PIP_INPUTS   := requirements/runtime.txt requirements/constraints-12.txt requirements/test-12.txt
define pip_install
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -r requirements/runtime.txt
	$(PY) -m pip install -q --disable-pip-version-check -c requirements/constraints-12.txt -r requirements/test-12.txt
endef
else
# Debian 13 and later ship everything the plugin needs; pip adds test tools only, no deps.
PIP_INPUTS   := requirements/pip-$(DEBIAN).txt
define pip_install
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -r requirements/pip-$(DEBIAN).txt
endef
endif

$(SETUP_STAMP): requirements/debian-$(DEBIAN).txt $(PIP_INPUTS)
	@missing=$$(for p in $$(grep -v '^#' requirements/debian-$(DEBIAN).txt); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	    echo "Installing Debian packages: $$missing"; \
	    $(SUDO) apt-get update -q && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi
	[ -x $(PY) ] || $(SYSPY) -m venv --system-site-packages $(VENV)
	$(pip_install)
	$(PY) -m jwjt_plugin.dependencies  # what the plugin checks at load: the APIs it uses
	touch $@

# The main job: synergy analysis of the bundled sample city into a new output folder; then the
# carbon assessment of its three industrial parks (产业园区碳排放评价) into another.
demo: setup i18n/jwjt_zh_CN.qm
	$(PY) -m jwjt_plugin.cli synergy --sample
	$(PY) -m jwjt_plugin.cli park --sample

# Lint (ruff) and type checks (mypy on the QGIS-free core); configured in pyproject.toml.
.PHONY: lint
lint: setup
	$(PY) -m ruff check jwjt_plugin tests bench resources
	$(PY) -m mypy jwjt_plugin/core

# Core tests run without a QgsApplication (pytest-qgis disabled) to prove the core is QGIS-free.
test: setup lint i18n/jwjt_zh_CN.qm
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -p no:pytest_qgis -p no:pytestqt -W ignore::pytest.PytestConfigWarning tests/core
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/qgis

# The suite and a real-QGIS smoke (ZIP into a fresh profile, three dock runs in one QGIS,
# every algorithm in qgis_process) inside Debian 13 (QGIS 3.40) and sid (QGIS 3.44).
matrix:
	tests/matrix/run_matrix.sh $(MATRIX)

bench: setup
	$(PY) -m bench.overlay_national --repeat 3
	$(PY) -m bench.national_200m
	$(PY) -m bench.run_dask --scale 0.1 1
	$(PY) -m bench.overlap_national
	$(PY) -m bench.delineation_provincial

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

# A folder of wheels for installing the plugin's pip-only dependencies offline (the plugin's
# Install… dialog or install_dependencies.py --wheels DIR), for this machine by default or e.g.
#   make wheelhouse PLATFORM=win_amd64 PYTHON=3.12 WHEELS=dist/wheels-win
# WHEELHOUSE_ARGS adds installer options, e.g. --with-fallbacks (pandas, pyproj, scipy) or --numpy 1.26.
PLATFORM        :=
PYTHON          :=
WHEELS          := dist/wheels
WHEELHOUSE_ARGS :=
.PHONY: wheelhouse
wheelhouse:
	$(SYSPY) jwjt_plugin/install_dependencies.py --download $(WHEELS) \
	    $(if $(PLATFORM),--platform $(PLATFORM)) $(if $(PYTHON),--python-version $(PYTHON)) $(WHEELHOUSE_ARGS)
