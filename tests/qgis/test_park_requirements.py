"""Accepted park suggestions into the units' access list: one undo step, Ctrl+Z and Rollback restore
the texts, a unit code not in the layer is named and nothing is written."""
import pytest
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsProject, QgsVectorLayer

from jwjt_plugin.adapters.park_requirements import Requirement, insert_requirements
from jwjt_plugin.adapters.qt_compat import FieldType
from jwjt_plugin.core.fields import FieldMapping
from jwjt_plugin.core.messages import JwjtInputError

MAPPING = FieldMapping(code="HJZHGKDYBM", spatial="KJBJYS", emission="PWWPFGK", risk="HJFXFK", resource="ZYKFXLYQ")
BEFORE = {"ZH44060620001": ("禁止新建燃煤锅炉。", ""), "ZH44060620002": ("", "严格控制VOCs排放。")}


def unit_layer():
    layer = QgsVectorLayer("Polygon?crs=EPSG:32650", "units", "memory")
    pr = layer.dataProvider()
    pr.addAttributes([QgsField(n, FieldType.String) for n in ("HJZHGKDYBM", "KJBJYS", "PWWPFGK", "HJFXFK", "ZYKFXLYQ")])
    layer.updateFields()
    for i, (code, (spatial, emission)) in enumerate(BEFORE.items()):
        f = QgsFeature(layer.fields())
        f.setAttributes([code, spatial, emission, "", ""])
        f.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({i} 0,{i + 1} 0,{i + 1} 1,{i} 1,{i} 0))"))
        pr.addFeature(f)
    return layer


def texts(layer):
    return {f["HJZHGKDYBM"]: (f["KJBJYS"], f["PWWPFGK"]) for f in layer.getFeatures()}


REQS = [Requirement("ZH44060620001", "emission", "园区单位增加值碳排放不高于1.2吨/万元。"),
        Requirement("ZH44060620001", "spatial", "新建项目须入园。"),
        Requirement("ZH44060620002", "emission", "新建项目须开展碳排放评价。")]
AFTER = {"ZH44060620001": ("禁止新建燃煤锅炉。\n新建项目须入园。", "园区单位增加值碳排放不高于1.2吨/万元。"),
         "ZH44060620002": ("", "严格控制VOCs排放。\n新建项目须开展碳排放评价。")}


def test_one_undo_step_and_ctrl_z_restores(qgis_new_project):
    layer = unit_layer()
    n, started = insert_requirements(layer, MAPPING, REQS, "Insert 3 park requirements")
    assert (n, started) == (3, True)
    assert layer.isEditable(), "left in edit mode so Rollback and Ctrl+Z work"
    assert layer.undoStack().count() == 1
    assert texts(layer) == AFTER
    layer.undoStack().undo()
    assert texts(layer) == BEFORE


def test_rollback_restores(qgis_new_project):
    layer = unit_layer()
    insert_requirements(layer, MAPPING, REQS, "insert")
    assert layer.rollBack()
    assert texts(layer) == BEFORE


def test_a_text_already_there_is_not_added_twice(qgis_new_project):
    layer = unit_layer()
    n, _started = insert_requirements(layer, MAPPING, [Requirement("ZH44060620001", "spatial", "禁止新建燃煤锅炉。")],
                                      "insert")
    assert n == 0 and layer.undoStack().count() == 0 and texts(layer) == BEFORE


def test_unknown_unit_is_named_and_nothing_written(qgis_new_project):
    layer = unit_layer()
    bad = REQS + [Requirement("ZH44060620999", "risk", "x")]
    with pytest.raises(JwjtInputError) as err:
        insert_requirements(layer, MAPPING, bad, "insert")
    assert "ZH44060620999" in str(err.value) and "units" in str(err.value) and "HJZHGKDYBM" in str(err.value)
    assert not layer.isEditable() and texts(layer) == BEFORE


def test_unmapped_dimension_is_named_and_nothing_written(qgis_new_project):
    layer = unit_layer()
    with pytest.raises(JwjtInputError) as err:
        insert_requirements(layer, FieldMapping(code="HJZHGKDYBM", spatial="KJBJYS"), REQS, "insert")
    assert "emission" in str(err.value)
    assert texts(layer) == BEFORE
    QgsProject.instance().removeAllMapLayers()
