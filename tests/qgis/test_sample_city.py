"""The sample city loads readable: plan lines, then units (outlines), then the 2020 grids (CO2
shown), then the other years collapsed and unchecked, so that the assessment finds two years."""
import numpy as np
import pytest
from qgis.core import QgsLayerTree, QgsMapRendererParallelJob, QgsMapSettings, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QImage

from jwjt_plugin.adapters import styles
from jwjt_plugin.gui import sample_city as city

VECTORS = ["Ecological red line", "Permanent basic farmland", "Urban development boundary",
           "Environmental control units"]
BASE = ["CO2 2020", "NOx 2020", "VOCs 2020", "PM2.5 2020"]
OTHERS = [f"{s} {y}" for y in (2025, 2035) for s in ("CO2", "NOx", "VOCs", "PM2.5")]
DELINEATION = ["Counties (行政区)", "Townships (乡镇)", "Ecology zones (生态)", "Air zones (大气环境)",
               "Water zones (水环境)", "Soil zones (土壤环境)"]


class _Bar:
    def __init__(self):
        self.messages = []

    def pushMessage(self, *args, **kwargs):  # noqa: N802
        self.messages.append(args)


class _Iface:
    def __init__(self):
        self.bar = _Bar()

    def messageBar(self):  # noqa: N802
        return self.bar


@pytest.fixture()
def loaded(qgis_new_project, sample_city):
    iface = _Iface()
    n = city.load_sample_city(iface)
    yield n, QgsProject.instance().layerTreeRoot().children()[0]
    QgsProject.instance().removeAllMapLayers()


def test_layers_load_top_to_bottom_lines_units_grids_then_other_years(loaded):
    n, group = loaded
    assert n == len(VECTORS) + len(BASE) + len(OTHERS) + len(DELINEATION) + 3
    names = [c.name() for c in group.children()]
    assert names[:-3] == VECTORS + BASE
    parks = group.children()[-2]   # the park assessment's inputs, collapsed and hidden
    assert QgsLayerTree.isGroup(parks) and not parks.isExpanded() and not parks.itemVisibilityChecked()
    assert [c.name() for c in parks.children()] == ["Industrial parks (产业园区)", "Park enterprises (园区企业)",
                                                    "Park activity data (活动水平)"]
    assert not any(c.itemVisibilityChecked() for c in parks.children())
    zones = group.children()[-3]   # the delineation's inputs, collapsed and hidden
    assert QgsLayerTree.isGroup(zones) and not zones.itemVisibilityChecked() and not zones.isExpanded()
    assert [c.name() for c in zones.children()] == DELINEATION
    sub = group.children()[-1]
    assert QgsLayerTree.isGroup(sub) and "2025" in sub.name() and "2035" in sub.name()
    assert not sub.itemVisibilityChecked() and not sub.isExpanded()
    assert [c.name() for c in sub.children()] == OTHERS
    assert not any(c.itemVisibilityChecked() for c in sub.children())
    assert [c.itemVisibilityChecked() for c in group.children()[:-3]] == [True] * 4 + [True, False, False, False]


def test_grids_are_styled_with_short_legends_and_units_as_class_outlines(loaded):
    _n, group = loaded
    for node in group.findLayers():
        layer = node.layer()
        if isinstance(layer, QgsRasterLayer):
            shown = styles.legend_labels(node)
            assert len(shown) >= 4 and not any("Band" in t for t in shown), (layer.name(), shown)
            assert all("t/yr" in t for t in shown[1:]), shown
    units = QgsProject.instance().mapLayersByName("Environmental control units")[0]
    labels = [c.label() for c in units.renderer().categories()]
    assert labels[:3] == [styles.unit_class_name(c) for c in (1, 2, 3)]
    assert units.labelsEnabled() and units.labeling().settings().fieldName == "HJZHGKDYMC"


def test_the_assessment_finds_a_base_and_a_target_year(loaded):
    from jwjt_plugin.core.assessment_inputs import recognised_grids
    from jwjt_plugin.processing.assessment_algorithm import layer_label

    rasters = [lyr for lyr in QgsProject.instance().mapLayers().values() if isinstance(lyr, QgsRasterLayer)]
    periods = {label.period for _l, label in recognised_grids((lyr, layer_label(lyr)) for lyr in rasters)}
    assert periods == {"2020", "2025", "2035"}


def test_the_map_is_light_with_units_drawn_over_the_co2_grid(loaded):
    _n, group = loaded
    shown = [node.layer() for node in group.findLayers() if node.isVisible()]
    names = [lyr.name() for lyr in shown]
    assert names == VECTORS + ["CO2 2020"]           # first = drawn on top
    settings = QgsMapSettings()
    settings.setLayers(shown)
    settings.setDestinationCrs(shown[-1].crs())
    settings.setExtent(shown[-2].extent())
    settings.setOutputSize(QSize(500, 400))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    img = job.renderedImage().convertToFormat(QImage.Format.Format_RGB32)
    ptr = img.constBits()
    ptr.setsize(img.width() * img.height() * 4)
    bgra = np.frombuffer(ptr, dtype=np.uint8).reshape(img.height(), img.width(), 4)[:, :, :3].astype(float)
    luminance = bgra @ np.array([0.114, 0.587, 0.299])
    assert luminance.mean() > 150                     # not the dark brown city of the grey ramp
    assert len(np.unique(bgra.reshape(-1, 3)[::5], axis=0)) > 50


def test_missing_data_adds_nothing_and_says_where_it_looked(qgis_new_project, tmp_path, monkeypatch):
    monkeypatch.setattr(city, "sample_city_dir", lambda: tmp_path)
    iface = _Iface()
    before = len(QgsProject.instance().layerTreeRoot().children())
    assert city.load_sample_city(iface) == 0
    assert len(QgsProject.instance().layerTreeRoot().children()) == before
    assert iface.bar.messages and str(tmp_path) in iface.bar.messages[0][1]
