"""Docks that fit a 1366×768 laptop: their content scrolls inside instead of growing the window.

A QDockWidget's minimum height is its content's; QMainWindow grows past the screen to honour
it (the synergy inputs once made QGIS 1188 px tall on a 1000 px screen). Inside a scroll area
the content keeps its natural size and the dock can be as short as the analyst makes it.
"""
from __future__ import annotations

from qgis.PyQt.QtWidgets import QComboBox, QFormLayout, QFrame, QScrollArea, QStyle, QWidget

#: The widest a dock asks to be by default (the analyst may drag it wider): a third of a laptop.
DOCK_WIDTH = 440


def narrow(content: QWidget) -> None:
    """Let the content be narrow: combos left to size themselves to their longest item (a layer
    name can be 60 characters) get a width of 12 characters instead, long
    form labels above their fields instead of beside them when the dock is narrow."""
    for combo in content.findChildren(QComboBox):
        if combo.sizeAdjustPolicy() != QComboBox.SizeAdjustPolicy.AdjustToContentsOnFirstShow:
            continue  # sized on purpose (a short units box beside a layer)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(min(combo.minimumContentsLength() or 12, 12))
    for form in content.findChildren(QFormLayout):
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)


def scrolling(content: QWidget, parent=None) -> QScrollArea:
    """``content`` in a frameless scroll area that scrolls vertically and asks for the width the
    content needs, up to :data:`DOCK_WIDTH`."""
    narrow(content)
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    bar = area.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    area.setMinimumWidth(min(content.minimumSizeHint().width() + bar + 4, DOCK_WIDTH))
    return area


def scroll_inside(dock) -> None:
    """Put a dock's content in a scroll area, once."""
    content = dock.widget()
    if content is None or isinstance(content, QScrollArea):
        return
    dock.setWidget(scrolling(content, dock))
