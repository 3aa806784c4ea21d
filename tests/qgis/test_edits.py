"""One user action is one undo step; errors leave nothing behind."""
import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

from jwjt_plugin.adapters.edits import edit_command


@pytest.fixture()
def layer():
    lyr = QgsVectorLayer("Polygon?crs=EPSG:4547&field=code:string", "units", "memory")
    f = QgsFeature(lyr.fields())
    f.setAttributes(["ZH99010110001"])
    f.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))"))
    lyr.dataProvider().addFeatures([f])
    return lyr


def test_one_command_one_undo_step(layer):
    fid = next(layer.getFeatures()).id()
    with edit_command(layer, "repair") as started:
        layer.changeGeometry(fid, QgsGeometry.fromWkt("POLYGON((0 0, 5 0, 5 5, 0 5, 0 0))"))
        layer.changeAttributeValue(fid, 0, "ZH99010110002")
    assert started and layer.isEditable()
    assert layer.undoStack().count() == 1
    assert layer.getFeature(fid)["code"] == "ZH99010110002"
    layer.undoStack().undo()
    assert layer.getFeature(fid)["code"] == "ZH99010110001"
    assert layer.getFeature(fid).geometry().area() == pytest.approx(100)
    layer.rollBack()


def test_error_destroys_the_command(layer):
    fid = next(layer.getFeatures()).id()
    with pytest.raises(RuntimeError), edit_command(layer, "bad"):
        layer.changeAttributeValue(fid, 0, "X")
        raise RuntimeError("boom")
    assert layer.undoStack().count() == 0
    assert layer.getFeature(fid)["code"] == "ZH99010110001"
    layer.rollBack()
