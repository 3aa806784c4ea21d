"""The style of the assessment's unit layer: one category per coordination grade of D_ALL
(1 极度失调 … 10 优质协调), in the grade palette of core/terms.py, legend in words.

Built in code so that the legend follows the UI language; units whose D is undefined (grade 0)
are grey and say so. The layer is left alone when it has no grade field.
"""
from __future__ import annotations

from typing import Optional

from qgis.core import QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsRendererCategory, QgsVectorLayer

from ..core.assessment_methods import GRADE_EDGES
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.terms import GRADE_COLOURS, Grade
from .i18n import term_label, tr_core

#: the grade field the style reads (CO2 against the pollutants together)
GRADE_FIELD = "DL_ALL"
UNDEFINED_COLOUR = "#d9d9d9"
UNDEFINED = QT_TRANSLATE_NOOP("JwjtCore", "D undefined (see the note field)")


def _symbol(colour: str) -> QgsFillSymbol:
    return QgsFillSymbol.createSimple({"color": colour, "outline_color": "#6b6b6b", "outline_width": "0.15"})


def grade_range(level: int) -> str:
    """The D interval of a grade, right-closed: "D ≤ 0.1", "0.1 < D ≤ 0.2", …, "D > 0.9"."""
    if level == 1:
        return f"D ≤ {GRADE_EDGES[0]:.1f}"
    if level == len(GRADE_EDGES) + 1:
        return f"D > {GRADE_EDGES[-1]:.1f}"
    return f"{GRADE_EDGES[level - 2]:.1f} < D ≤ {GRADE_EDGES[level - 1]:.1f}"


def grade_renderer(field: str = GRADE_FIELD) -> QgsCategorizedSymbolRenderer:
    """Ten grade categories and one for undefined D, legend "6 Barely coordinated (勉强协调) 0.5 < D ≤ 0.6"."""
    cats = [QgsRendererCategory(g.value, _symbol(GRADE_COLOURS[g.value]),
                                f"{g.value} {term_label(g)}  {grade_range(g.value)}") for g in Grade]
    cats.append(QgsRendererCategory(0, _symbol(UNDEFINED_COLOUR), tr_core(UNDEFINED)))
    return QgsCategorizedSymbolRenderer(field, cats)


def apply_assessment_style(layer: Optional[QgsVectorLayer], field: str = GRADE_FIELD) -> bool:
    """Style ``layer`` by its coordination grades; False (layer untouched) when it has no ``field``."""
    if layer is None or not layer.isValid() or layer.fields().indexOf(field) < 0:
        return False
    layer.setRenderer(grade_renderer(field))
    layer.triggerRepaint()
    return True
