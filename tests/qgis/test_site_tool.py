"""The access-query map tool turns simulated clicks into a site geometry."""
from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle, QgsWkbTypes
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QEvent, QPoint, Qt

from jwjt_plugin.gui.site_tool import SiteTool


def click(tool, canvas, x, y, button=Qt.MouseButton.LeftButton):
    ev = QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonRelease, QPoint(x, y), button)
    tool.canvasReleaseEvent(ev)


def setup_canvas(canvas):
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4547"))
    canvas.resize(600, 600)
    canvas.setExtent(QgsRectangle(480000, 2560000, 490000, 2570000))
    return canvas


def test_point_site(qgis_canvas):
    canvas = setup_canvas(qgis_canvas)
    tool = SiteTool(canvas)
    got = []
    tool.site_chosen.connect(got.append)
    click(tool, canvas, 300, 300)
    assert len(got) == 1 and got[0].type() == QgsWkbTypes.GeometryType.PointGeometry
    p = got[0].asPoint()
    expected = canvas.getCoordinateTransform().toMapCoordinates(300, 300)
    assert (p.x(), p.y()) == (expected.x(), expected.y())


def test_polygon_site_closes_on_right_click(qgis_canvas):
    canvas = setup_canvas(qgis_canvas)
    tool = SiteTool(canvas, polygon=True)
    got = []
    tool.site_chosen.connect(got.append)
    for x, y in ((100, 100), (300, 100), (300, 300)):
        click(tool, canvas, x, y)
    click(tool, canvas, 0, 0, Qt.MouseButton.RightButton)
    assert len(got) == 1 and got[0].type() == QgsWkbTypes.GeometryType.PolygonGeometry and got[0].area() > 0
    assert tool.points == []  # ready for the next site
