"""Styles for result layers, built in code so that legend labels follow the UI language."""
from __future__ import annotations

from qgis.core import (QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsRendererCategory, QgsVectorLayer)

from ..core.messages import QT_TRANSLATE_NOOP
from ..core.synergy import CLASS_LABELS
from .i18n import tr_core

#: Synergy class -> fill colour (colour-blind safe: reds for hotspots, blue, pale grey)
CLASS_COLOURS = {"A": "#d7301f", "B": "#fdbb84", "C": "#9ecae1", "D": "#f0f0f0"}

#: Flagged units crossed with their control class: a synergy hotspot in a priority-protection
#: unit is a policy alarm, one in a general-control unit a candidate for key control.
FLAGGED_BY_CLASS = (
    ("A1", "#67000d", QT_TRANSLATE_NOOP("JwjtCore", "Synergy hotspot in a priority-protection unit")),
    ("A2", "#d7301f", QT_TRANSLATE_NOOP("JwjtCore", "Synergy hotspot in a key-control unit")),
    ("A3", "#fc8d59", QT_TRANSLATE_NOOP("JwjtCore", "Synergy hotspot in a general-control unit")),
    ("A0", "#ef3b2c", QT_TRANSLATE_NOOP("JwjtCore", "Synergy hotspot, unit class unknown")),
)
STYLE_EXPRESSION = ('CASE WHEN "SYN_CLASS" = \'A\' THEN \'A\' || to_string(coalesce("UNIT_CLS", 0)) '
                    'ELSE "SYN_CLASS" END')


def _symbol(colour: str, outline: str = "#505050", width: str = "0.2"):
    return QgsFillSymbol.createSimple({"color": colour, "outline_color": outline, "outline_width": width})


def synergy_renderer() -> QgsCategorizedSymbolRenderer:
    """Categories: flagged units by control class (A1/A2/A3), then B, C, D."""
    cats = [QgsRendererCategory(key, _symbol(colour, "#3a0000", "0.4"), f"{key} {tr_core(label)}")
            for key, colour, label in FLAGGED_BY_CLASS]
    for key in ("B", "C", "D"):
        cats.append(QgsRendererCategory(key, _symbol(CLASS_COLOURS[key]), f"{key} {tr_core(CLASS_LABELS[key])}"))
    return QgsCategorizedSymbolRenderer(STYLE_EXPRESSION, cats)


def apply_synergy_style(layer: QgsVectorLayer) -> None:
    if layer is None or not layer.isValid():
        return
    if layer.fields().indexOf("SYN_CLASS") < 0 or layer.fields().indexOf("UNIT_CLS") < 0:
        return
    layer.setRenderer(synergy_renderer())
    layer.triggerRepaint()
