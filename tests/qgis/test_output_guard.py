"""Every JWJT algorithm refuses, before any work, an output that is one of its inputs or the file
of a loaded layer, or that cannot be written, and names both; nothing the user had is modified."""
import hashlib
import shutil

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

from jwjt_plugin.processing.provider import JwjtProvider

SPECIES = (("CO2", "co2"), ("NOX", "nox"), ("VOCS", "vocs"), ("PM25", "pm25"))
SECTORS = ("power", "industry")


class Feedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.errors = []

    def reportError(self, error, fatalError=False):  # noqa: N802, N803
        self.errors.append(error)


@pytest.fixture()
def data(sample_city, tmp_path):
    """A copy of the sample city; units.gpkg holds two layers (the units and the admin boundary)."""
    from osgeo import gdal

    d = tmp_path / "data"
    d.mkdir()
    names = ["units.gpkg", "spatial_plans.gpkg"] + [f"{s}_{y}.tif" for _, s in SPECIES for y in ("2020", "2035")]
    names += [f"{s}_2020_{sector}.tif" for s in ("co2", "nox") for sector in SECTORS]
    for name in names:
        shutil.copy(sample_city / name, d / name)
    gdal.VectorTranslate(str(d / "units.gpkg"), str(sample_city / "admin.gpkg"), accessMode="update",
                         layers=["admin_boundary"])
    from osgeo import ogr

    ds = ogr.Open(str(d / "units.gpkg"))
    assert ds.GetLayerCount() == 2
    ds = None
    return d


def hashes(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture()
def algorithms(qgis_processing):
    registry = QgsApplication.processingRegistry()
    added = None
    if registry.providerById("jwjt") is None:
        added = JwjtProvider()
        assert registry.addProvider(added)
    yield registry
    if added is not None:
        registry.removeProvider(added)


def units(d):
    return f"{d / 'units.gpkg'}|layername=control_units"


def synergy(d, **extra):
    return {"UNITS": units(d), "CO2": str(d / "co2_2020.tif"), "NOX": str(d / "nox_2020.tif"),
            "OUTPUT": "TEMPORARY_OUTPUT", **extra}


def assessment(d, **extra):
    p = {"UNITS": units(d), "BASE_PERIOD": "2020", "TARGET_PERIOD": "2035", "OUTPUT": "TEMPORARY_OUTPUT"}
    for key, stem in SPECIES:
        p[f"{key}_BASE"], p[f"{key}_TARGET"] = str(d / f"{stem}_2020.tif"), str(d / f"{stem}_2035.tif")
    return {**p, **extra}


def plans(d, **extra):
    sp = str(d / "spatial_plans.gpkg")
    return {"UNITS": units(d), "REDLINE": f"{sp}|layername=ecological_redline",
            "FARMLAND": f"{sp}|layername=permanent_farmland", "URBAN": f"{sp}|layername=urban_boundary",
            "OUTPUT": "TEMPORARY_OUTPUT", **extra}


def sectors(d, **extra):
    grids = [str(d / f"{s}_2020_{sector}.tif") for s in ("co2", "nox") for sector in SECTORS]
    return {"BASE_GRIDS": grids, "OUTPUT": "TEMPORARY_OUTPUT", **extra}


#: (algorithm, parameters, output parameter, input parameter it aims at, what the message names of the input)
CASES = {
    "synergy OUTPUT = units gpkg": ("synergyflags", lambda d: synergy(d, OUTPUT=str(d / "units.gpkg")),
                                    "OUTPUT", "UNITS", None),
    "synergy TABLE = CO2 tif": ("synergyflags", lambda d: synergy(d, TABLE=str(d / "co2_2020.tif")),
                                "TABLE", "CO2", None),
    "synergy TABLE = NOx aux.xml": ("synergyflags", lambda d: synergy(d, TABLE=str(d / "nox_2020.tif.aux.xml")),
                                    "TABLE", "NOX", None),
    "atlas PDF = units gpkg": ("synergyatlas", lambda d: synergy(d, OUTPUT=str(d / "sub" / ".." / "units.gpkg")),
                               "OUTPUT", "UNITS", None),
    "unitqa OUTPUT = units gpkg": ("unitqa", lambda d: {"UNITS": units(d), "OUTPUT": str(d / "units.gpkg")},
                                   "OUTPUT", "UNITS", None),
    "planoverlaps TABLE = plans gpkg": ("planoverlaps", lambda d: plans(d, TABLE=str(d / "spatial_plans.gpkg")),
                                        "TABLE", "REDLINE", None),
    "accessquery HTML = plans gpkg": ("accessquery", lambda d: plans(d, SITE=units(d), OUTPUT_HTML=str(
        d / "spatial_plans.gpkg")), "OUTPUT_HTML", "REDLINE", None),
    "assessment TABLE = CO2 2035": ("synergyassessment", lambda d: assessment(d, TABLE=str(d / "co2_2035.tif")),
                                    "TABLE", "CO2_TARGET", None),
    "assessment CHARTS = CO2 2020": ("synergyassessment", lambda d: assessment(d, CHARTS=str(d / "co2_2020.tif")),
                                     "CHARTS", "CO2_BASE", None),
    "sector OUTPUT = a sector grid": ("sectorassessment", lambda d: sectors(d, OUTPUT=str(d / "nox_2020_power.tif")),
                                      "OUTPUT", "BASE_GRIDS", "nox_2020_power"),
}


def refused(alg_id, params, monkeypatch):
    """Runs the algorithm as processing.run does; returns the errors it reported. Fails if execute ran."""
    import processing
    from qgis.core import QgsProcessingException

    alg = QgsApplication.processingRegistry().algorithmById(f"jwjt:{alg_id}")

    def work(*args, **kwargs):
        raise AssertionError("the algorithm started working")

    monkeypatch.setattr(type(alg), "execute", work)
    feedback = Feedback()
    with pytest.raises(QgsProcessingException):
        processing.run(f"jwjt:{alg_id}", params, feedback=feedback)
    return alg, feedback.errors[0]


@pytest.mark.parametrize("case", list(CASES))
def test_an_output_that_is_an_input_is_refused_naming_both(algorithms, data, monkeypatch, case):
    alg_id, make, out_key, in_key, in_name = CASES[case]
    before = hashes(data)
    alg, error = refused(alg_id, make(data), monkeypatch)
    assert alg.parameterDefinition(out_key).description() in error, error
    assert alg.parameterDefinition(in_key).description() in error, error
    if in_name:
        assert in_name in error, error
    assert hashes(data) == before
    assert not (data / "sub").exists()


def test_both_layers_of_the_input_geopackage_survive_byte_for_byte(algorithms, data, monkeypatch):
    before = (data / "units.gpkg").read_bytes()
    _alg, error = refused("synergyflags", synergy(data, OUTPUT=str(data / "units.gpkg")), monkeypatch)
    assert "would overwrite input" in error
    assert (data / "units.gpkg").read_bytes() == before
    layer = QgsVectorLayer(f"{data / 'units.gpkg'}|layername=admin_boundary", "admin", "ogr")
    assert layer.isValid() and layer.featureCount() > 0
    del layer


@pytest.fixture()
def loaded(tmp_path, sample_city):
    """A layer loaded in the project, from a file none of the inputs use."""
    other = tmp_path / "loaded"
    other.mkdir()
    shutil.copy(sample_city / "admin.gpkg", other / "admin.gpkg")
    layer = QgsVectorLayer(f"{other / 'admin.gpkg'}|layername=city_boundary", "市界 loaded", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    yield other / "admin.gpkg"
    QgsProject.instance().removeMapLayer(layer.id())


def test_an_output_on_a_loaded_layers_file_is_refused(algorithms, data, loaded, monkeypatch):
    before = loaded.read_bytes()
    alg, error = refused("synergyflags", synergy(data, TABLE=str(loaded)), monkeypatch)
    assert "市界 loaded" in error and alg.parameterDefinition("TABLE").description() in error
    alg, error = refused("unitqa", {"UNITS": units(data), "OUTPUT": f"ogr:dbname='{loaded}' table=\"qa\" (geom)"},
                         monkeypatch)
    assert "市界 loaded" in error and alg.parameterDefinition("OUTPUT").description() in error
    assert loaded.read_bytes() == before


def test_the_toolbox_task_refuses_on_the_main_thread_before_it_starts(algorithms, data, loaded):
    """The Toolbox runs a QgsProcessingAlgRunnerTask, whose constructor (main thread) prepares the
    algorithm: the refusal, loaded layers included, comes before the task is queued."""
    alg = QgsApplication.processingRegistry().algorithmById("jwjt:synergyflags")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = Feedback()
    task = QgsProcessingAlgRunnerTask(alg, synergy(data, OUTPUT=str(loaded)), context, feedback)
    assert feedback.isCanceled()
    assert any("市界 loaded" in e for e in feedback.errors), feedback.errors
    del task


@pytest.mark.parametrize("case", ["parent missing", "file as folder", "folder as file", "read-only"])
def test_an_output_that_cannot_be_written_is_refused_before_any_work(algorithms, data, request, monkeypatch, case):
    if case == "read-only":
        target = request.getfixturevalue("readonly_dir") / "flags.gpkg"
    else:
        target = {"parent missing": data / "nope" / "flags.gpkg", "file as folder": data / "co2_2020.tif" / "x.gpkg",
                  "folder as file": data}[case]
    before = hashes(data)
    alg, error = refused("synergyflags", synergy(data, OUTPUT=str(target)), monkeypatch)
    assert alg.parameterDefinition("OUTPUT").description() in error
    expected = {"parent missing": "does not exist", "file as folder": "co2_2020.tif is a file, not a folder",
                "folder as file": "is a folder; give a file name", "read-only": "cannot be written"}[case]
    assert expected in error, error
    assert hashes(data) == before and not (data / "nope").exists()


def test_memory_and_ordinary_outputs_still_run(algorithms, data, tmp_path):
    import processing

    res = processing.run("jwjt:unitqa", {"UNITS": units(data), "OUTPUT": "memory:"})
    assert res["OUTPUT"].isValid()
    out = tmp_path / "qa.gpkg"
    res = processing.run("jwjt:unitqa", {"UNITS": units(data), "OUTPUT": str(out)})
    assert out.exists()


def test_loaded_layers_are_read_on_the_main_thread_only(qgis_app, loaded):
    import threading

    from jwjt_plugin.adapters.inputs import loaded_layer_files

    assert ("市界 loaded", str(loaded)) in loaded_layer_files()
    seen = []
    worker = threading.Thread(target=lambda: seen.append(loaded_layer_files()))
    worker.start()
    worker.join()
    assert seen == [[]]


def test_a_shapefile_part_of_an_input_is_refused(algorithms, data, monkeypatch):
    from osgeo import gdal

    gdal.VectorTranslate(str(data / "units.shp"), units(data).split("|")[0], layers=["control_units"],
                         layerCreationOptions=["ENCODING=UTF-8"])
    before = hashes(data)
    for part in ("units.dbf", "units.cpg", "units.prj"):
        alg, error = refused("synergyflags", synergy(data, UNITS=str(data / "units.shp"), TABLE=str(data / part)),
                             monkeypatch)
        assert alg.parameterDefinition("UNITS").description() in error and part in error
    assert hashes(data) == before
