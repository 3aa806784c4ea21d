"""The one home of what differs between QGIS 3.22 (PyQt5) and QGIS 3.44 / QGIS 4 (PyQt6).

The rest of the plugin is written in the forms every supported QGIS accepts: scoped enums
(``Qt.AlignmentFlag.AlignLeft``, ``QgsTask.Flag.CanCancel``), ``exec()``, imports from
``qgis.PyQt``. What only newer QGIS has, or what newer QGIS deprecates but 3.22 still needs,
is chosen here once, by QGIS version or by feature test:

* ``FieldType``: field types for ``QgsField``: ``QMetaType.Type`` on QGIS >= 3.38, where the
  ``QVariant.Type`` constructor is deprecated (Qt6 has no ``QVariant.Type`` at all);
* ``LayerFilter``: layer filters for ``QgsMapLayerComboBox.setFilters``: ``Qgis.LayerFilter``
  on QGIS >= 3.34, ``QgsMapLayerProxyModel.Filter`` before;
* ``QAction``: in QtGui with Qt6, in QtWidgets with Qt5;
* the text of layout labels and legend styles as a ``QgsTextFormat``; QGIS 3.40 deprecates
  their QFont setters, which are all that 3.22 has.

``tests/core/test_qt6_ready.py`` lets this module alone use the deprecated QGIS API.
"""
from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLegendStyle,
    QgsMapLayerProxyModel,
    QgsTextFormat,
)
from qgis.PyQt.QtCore import QMetaType, QVariant

try:  # Qt6 (QGIS 4) moved QAction to QtGui; qgis.PyQt on Qt5 has it in QtWidgets only
    from qgis.PyQt.QtGui import QAction
except ImportError:
    from qgis.PyQt.QtWidgets import QAction

__all__ = ["FieldType", "LayerFilter", "QAction", "layer_filters", "QGIS_VERSION_INT", "label_text_format", "legend_text_format",
           "set_label_text_format", "set_legend_text_format"]

QGIS_VERSION_INT: int = Qgis.QGIS_VERSION_INT


class FieldType:
    """Types for ``QgsField(name, FieldType.Double)``, valid for the running QGIS."""

    if QGIS_VERSION_INT >= 33800:
        String = QMetaType.Type.QString
        Int = QMetaType.Type.Int
        LongLong = QMetaType.Type.LongLong
        Double = QMetaType.Type.Double
        Bool = QMetaType.Type.Bool
        Date = QMetaType.Type.QDate
        DateTime = QMetaType.Type.QDateTime
    else:
        String = QVariant.String
        Int = QVariant.Int
        LongLong = QVariant.LongLong
        Double = QVariant.Double
        Bool = QVariant.Bool
        Date = QVariant.Date
        DateTime = QVariant.DateTime


#: ``combo.setFilters(LayerFilter.PolygonLayer)``; combine members with :func:`layer_filters`
LayerFilter = Qgis.LayerFilter if QGIS_VERSION_INT >= 33400 else QgsMapLayerProxyModel.Filter


def layer_filters(*members):
    """Several layer filters as one value for ``setFilters``. On QGIS >= 3.34 ``A | B`` of two
    ``Qgis.LayerFilter`` members is a plain int, which picks the deprecated overload; the
    flags type keeps the new one."""
    if QGIS_VERSION_INT >= 33400:
        flags = Qgis.LayerFilters(members[0])
        for member in members[1:]:
            flags |= member
        return flags
    flags = QgsMapLayerProxyModel.Filters(members[0])
    for member in members[1:]:
        flags |= member
    return flags

_LABEL_HAS_FORMAT = hasattr(QgsLayoutItemLabel, "setTextFormat")
_LEGEND_STYLE_HAS_FORMAT = hasattr(QgsLegendStyle, "setTextFormat")


def label_text_format(label: QgsLayoutItemLabel) -> QgsTextFormat:
    """The font, size and colour of a layout label's text."""
    if _LABEL_HAS_FORMAT:
        return QgsTextFormat(label.textFormat())
    fmt = QgsTextFormat.fromQFont(label.font())
    fmt.setColor(label.fontColor())
    return fmt


def set_label_text_format(label: QgsLayoutItemLabel, fmt: QgsTextFormat) -> None:
    if _LABEL_HAS_FORMAT:
        label.setTextFormat(fmt)
    else:
        label.setFont(fmt.toQFont())
        label.setFontColor(fmt.color())


def legend_text_format(legend: QgsLayoutItemLegend, style) -> QgsTextFormat:
    """The text format of one legend component (``QgsLegendStyle.Style.Title``...)."""
    if _LEGEND_STYLE_HAS_FORMAT:
        # style() returns a copy and textFormat() a reference into it: copy the format while
        # the style is alive, or it dangles (a "deleted" error or a crash on 3.40+).
        component = legend.style(style)
        return QgsTextFormat(component.textFormat())
    fmt = QgsTextFormat.fromQFont(legend.styleFont(style))
    fmt.setColor(legend.fontColor())
    return fmt


def set_legend_text_format(legend: QgsLayoutItemLegend, style, fmt: QgsTextFormat) -> None:
    """Set one legend component's text; where QgsLegendStyle has no text format (3.22), its font only."""
    if _LEGEND_STYLE_HAS_FORMAT:
        component = legend.style(style)
        component.setTextFormat(fmt)
        legend.setStyle(style, component)
    else:
        legend.setStyleFont(style, fmt.toQFont())
