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
    """Let the content be narrow but readable: combos left to size themselves (to their longest
    item, a layer name of 60 characters, or to nothing at all) get a width of 12 characters, long
    form labels above their fields instead of beside them when the dock is narrow."""
    policy = QComboBox.SizeAdjustPolicy
    for combo in content.findChildren(QComboBox):
        free = combo.sizeAdjustPolicy() == policy.AdjustToContentsOnFirstShow
        # QgsMapLayerComboBox asks for "minimum contents length" 0: 29 px, an arrow and no name.
        unset = combo.sizeAdjustPolicy() == policy.AdjustToMinimumContentsLengthWithIcon \
            and combo.minimumContentsLength() == 0
        if free or unset:  # the others are sized on purpose (a short units box beside a layer)
            combo.setSizeAdjustPolicy(policy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            # QComboBox keeps a minimum size hint computed earlier (29 px) until a font or style
            # change: state the width itself (12 characters, the icon, the arrow and the frame).
            combo.setMinimumWidth(combo.fontMetrics().horizontalAdvance("x") * 12 + combo.iconSize().width() + 40)
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
