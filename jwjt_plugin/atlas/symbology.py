"""Renderers of the atlas maps: emission grids, cell sets, unit classes, the unit in focus."""
from __future__ import annotations

from typing import List, Sequence, Tuple

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsColorRampShader,
    QgsFillSymbol,
    QgsInvertedPolygonRenderer,
    QgsPalettedRasterRenderer,
    QgsRasterShader,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsSingleBandPseudoColorRenderer,
    QgsSingleSymbolRenderer,
)
from qgis.PyQt.QtGui import QColor

from ..core.terms import UNIT_CLASS_COLOURS
from .content import format_break

#: Six-class ColorBrewer ramps per species, light to dark.
RAMPS = {
    "CO2": ("#fff7bc", "#fee391", "#fec44f", "#fe9929", "#d95f0e", "#8c2d04"),
    "NOx": ("#fee5d9", "#fcbba1", "#fc9272", "#fb6a4a", "#de2d26", "#a50f15"),
    "VOCs": ("#edf8e9", "#c7e9c0", "#a1d99b", "#74c476", "#31a354", "#006d2c"),
    "PM2.5": ("#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"),
}
#: Control-unit classes (green, red, yellow; grey when unknown) come from core/terms.py, the
#: palette of the map's styles too; flagged units are drawn with adapters.styles.synergy_renderer.
TOP_COLOUR, TOP_ONLY_COLOUR, COINC_COLOUR = "#b30000", "#fdd49e", "#b30000"


def fill(colour: str, outline: str = "#707070", width: float = 0.15, opacity: float = 1.0) -> QgsFillSymbol:
    symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": outline, "outline_width": str(width)})
    symbol.setOpacity(opacity)
    return symbol


def outline(colour: str = "#555555", width: float = 0.15) -> QgsFillSymbol:
    return QgsFillSymbol.createSimple({"style": "no", "outline_color": colour, "outline_width": str(width)})


def grid_renderer(layer, species: str, breaks: Sequence[float]):
    """Discrete classes of an emission grid (upper bounds ``breaks``), labelled in t/yr."""
    colours = RAMPS.get(species, RAMPS["CO2"])
    colours = colours[len(colours) - len(breaks):] if len(breaks) < len(colours) else colours
    items: List[QgsColorRampShader.ColorRampItem] = []
    lower = None
    for i, upper in enumerate(breaks):
        if lower is None:
            text = f"≤ {format_break(upper)}"
        elif i == len(breaks) - 1:
            text = f"> {format_break(lower)}"
        else:
            text = f"{format_break(lower)} – {format_break(upper)}"
        items.append(QgsColorRampShader.ColorRampItem(float(upper), QColor(colours[i]), text))
        lower = upper
    ramp = QgsColorRampShader(0.0, float(breaks[-1]) if breaks else 1.0)
    ramp.setColorRampType(QgsColorRampShader.Type.Discrete)
    ramp.setClip(False)
    ramp.setColorRampItemList(items)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(0.0)
    renderer.setClassificationMax(float(breaks[-1]) if breaks else 1.0)
    return renderer


def cells_renderer(layer, classes: Sequence[Tuple[int, str, str]]):
    """Paletted renderer of a cell-set raster: (value, colour, label) per class; 0 is nodata."""
    return QgsPalettedRasterRenderer(layer.dataProvider(), 1,
                                     [QgsPalettedRasterRenderer.Class(v, QColor(c), text) for v, c, text in classes])


def unit_class_renderer(labels: dict) -> QgsCategorizedSymbolRenderer:
    cats = [QgsRendererCategory(cls, fill(UNIT_CLASS_COLOURS[cls], "#505050", 0.15), labels[cls])
            for cls in (1, 2, 3, 0) if cls in labels]
    return QgsCategorizedSymbolRenderer("UNIT_CLS", cats)


def units_outline_renderer(colour: str = "#5a5a5a", width: float = 0.15) -> QgsSingleSymbolRenderer:
    return QgsSingleSymbolRenderer(outline(colour, width))


def units_base_renderer() -> QgsSingleSymbolRenderer:
    return QgsSingleSymbolRenderer(fill("#f3f3f3", "#8a8a8a", 0.12))


def focus_renderer(this_label: str, other_label: str) -> QgsRuleBasedRenderer:
    """The atlas unit with a bold outline, the other units thin: the legend shows both."""
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(outline("#1a1a1a", 0.7), 0, 0, "$id = @atlas_featureid",
                                               this_label))
    root.appendChild(QgsRuleBasedRenderer.Rule(outline("#6e6e6e", 0.18), 0, 0, "$id <> @atlas_featureid",
                                               other_label))
    return QgsRuleBasedRenderer(root)


def outside_focus_renderer() -> QgsInvertedPolygonRenderer:
    """A white veil over everything but the atlas unit, so that the unit stands out."""
    veil = QgsFillSymbol.createSimple({"color": "255,255,255,110", "outline_style": "no"})
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(veil, 0, 0, "$id = @atlas_featureid"))
    return QgsInvertedPolygonRenderer(QgsRuleBasedRenderer(root))


def locator_renderer(colour: str = "#8c1d18") -> QgsRuleBasedRenderer:
    """The locator inset: every unit pale, the atlas unit filled, so it is found at a glance."""
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(fill("#eeeeee", "#a8a8a8", 0.06), 0, 0, "$id <> @atlas_featureid"))
    root.appendChild(QgsRuleBasedRenderer.Rule(fill(colour, colour, 0.3), 0, 0, "$id = @atlas_featureid"))
    return QgsRuleBasedRenderer(root)
