"""Styles for result layers, built in code so that legend labels follow the UI language."""
from __future__ import annotations

import itertools
from typing import List, Tuple

from qgis.core import QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsRendererCategory, QgsVectorLayer

from ..core.synergy import CLASS_LABELS
from ..core.terms import FLAGGED_CLASS_COLOURS, SYNERGY_CLASS_COLOURS, UNIT_CLASS_COLOURS, FlaggedClass, UnitClass, en
from .i18n import tr_core

#: Synergy class -> fill colour: the one palette of core/terms.py (the atlas uses it too).
CLASS_COLOURS = SYNERGY_CLASS_COLOURS

#: Flagged units crossed with their control class: a synergy hotspot in a priority-protection
#: unit is a policy alarm, one in a general-control unit a candidate for key control.
FLAGGED_BY_CLASS = tuple((f.value, FLAGGED_CLASS_COLOURS[f.value], en(f)) for f in FlaggedClass)
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


#: Plan-conflict rule id -> fill colour; rules of the user's own get the spare colours.
RULE_COLOURS = {"redline_outside_priority": "#1a9850", "urban_in_priority": "#d73027",
                "farmland_in_urban": "#fdae61", "redline_in_urban": "#762a83", "redline_in_farmland": "#4575b4"}
SPARE_COLOURS = ("#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666", "#1b9e77")


def conflict_renderer(categories: List[Tuple[str, str]]) -> QgsCategorizedSymbolRenderer:
    """One category per rule id, labelled with the rule's (translated) description."""
    cats, spare = [], itertools.cycle(SPARE_COLOURS)
    for rule_id, label in categories:
        colour = RULE_COLOURS.get(rule_id) or next(spare)
        symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": "#202020", "outline_width": "0.3"})
        symbol.setOpacity(0.8)
        cats.append(QgsRendererCategory(rule_id, symbol, label or rule_id))
    return QgsCategorizedSymbolRenderer("RULE_ID", cats)


def apply_conflict_style(layer, categories: List[Tuple[str, str]]) -> None:
    if layer is None or not layer.isValid() or layer.fields().indexOf("RULE_ID") < 0:
        return
    layer.setRenderer(conflict_renderer(categories))
    layer.triggerRepaint()



def unit_class_renderer(field: str) -> QgsCategorizedSymbolRenderer:
    """Control-unit classes in the palette of core/terms.py (translucent, outlines grey)."""
    cats = []
    for member in UnitClass:
        cls = member.value
        sym = _symbol(UNIT_CLASS_COLOURS[cls], "#707070", "0.2")
        sym.setOpacity(0.55)
        cats.append(QgsRendererCategory(cls, sym, f"{cls} {tr_core(en(member))}"))
    return QgsCategorizedSymbolRenderer(field, cats)


def outline_style(layer: QgsVectorLayer, colour: str, width: str = "0.6", style: str = "solid") -> None:
    """Plan lines (红线, 基本农田, 开发边界) drawn as outlines over the units."""
    from qgis.core import QgsSingleSymbolRenderer

    sym = QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": colour, "outline_width": width,
                                      "outline_style": style})
    layer.setRenderer(QgsSingleSymbolRenderer(sym))
