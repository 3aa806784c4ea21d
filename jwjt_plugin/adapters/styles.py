"""Styles of the emission grids and of every result layer, built in code so that legend labels
follow the UI language. Colours come from the one palette of core/terms.py.

Emission grids. Emissions are heavily skewed (in the sample city the largest cell holds 6.4 Mt of
CO2, the median 700 t), so equal intervals would paint one colour. The classes are quantiles of
the *non-zero* values (equal numbers of emitting cells per class) or logarithmic 1-2-5 steps;
zeros and negative values (no emission, or a sink) are no emission class and are drawn
transparent, like nodata. Class bounds are rounded to two significant digits so that a legend
reads "110–190 t/yr"; the first class starts at the smallest value and the last ends at the
largest. The statistics are a pure function of a numpy array (:func:`grid_classes`); the band is
read once through GDAL (decimated above :data:`MAX_CELLS` cells: class bounds of a sample are
as good as those of every cell), so that a 1000 × 1000 grid is styled in well under a second.

Unit classes are read whatever the layer stores: 1, "1", 1.0, "1.0", " 2 ", 重点管控, 重点管控单元
or "Key control" all name one class (:func:`unit_class_expression`); anything else is "Class
unknown", never a category of its own such as "2.0".
"""
from __future__ import annotations

import itertools
import math
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsColorRampShader,
    QgsExpression,
    QgsFillSymbol,
    QgsMapLayerLegendUtils,
    QgsPalLayerSettings,
    QgsProject,
    QgsProviderRegistry,
    QgsRasterShader,
    QgsRendererCategory,
    QgsSimpleFillSymbolLayer,
    QgsSingleBandPseudoColorRenderer,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ..core.synergy import CLASS_LABELS
from ..core.terms import (
    EMISSION_RAMPS,
    FLAGGED_CLASS_COLOURS,
    PLAN_RULE_COLOURS,
    PLAN_RULE_SPARE_COLOURS,
    QA_SEVERITY_COLOURS,
    SYNERGY_CLASS_COLOURS,
    SYNERGY_CLASS_OUTLINES,
    UNIT_CLASS_COLOURS,
    UNIT_CLASS_OUTLINES,
    FlaggedClass,
    UnitClass,
    en,
    join_zh,
    names,
    zh,
)
from .i18n import tr, tr_core

#: Synergy class -> fill colour: the one palette of core/terms.py (the atlas uses it too).
CLASS_COLOURS = SYNERGY_CLASS_COLOURS
#: Plan-conflict rule id -> fill colour (core/terms.py); rules of the user's own get the spare colours.
RULE_COLOURS = PLAN_RULE_COLOURS
SPARE_COLOURS = PLAN_RULE_SPARE_COLOURS

#: Grids with more cells are classified on an evenly decimated sample of about this many cells.
MAX_CELLS = 4_000_000
#: Class methods of :func:`grid_classes`.
QUANTILE, LOG, AUTO = "quantile", "log", "auto"
#: AUTO takes logarithmic classes when the non-zero values span at least this ratio (three
#: decades: a few industrial cells would otherwise fill the top quantile class with everything
#: from a suburb to a steel plant), quantiles otherwise.
LOG_SPAN = 1000.0
#: Units as grid metadata spell them (core.grid.GRID_UNIT_CHOICES) -> words for the legend.
UNIT_WORDS = {"t/yr": "t/yr", "kg/yr": "kg/yr", "kt/yr": "kt/yr", "Mt/yr": "Mt/yr", "kg m-2 s-1": "kg/m²/s"}


# -- unit classes, whatever the layer stores ------------------------------------------------------
def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def unit_class_expression(field: str) -> str:
    """An expression giving 1, 2 or 3 for the class in ``field`` (0 when it names none): numbers in
    any spelling ("2", 2.0, "2.00"), the official terms with or without 单元, the English labels;
    case and spaces ignored."""
    key = f"lower(replace(trim(to_string({QgsExpression.quotedColumnRef(field)})), ' ', ''))"
    whens = []
    for member in UnitClass:
        words = {"".join(n.split()).casefold() for n in names(member)} | {zh(member) + "单元"}
        words.discard(str(member.value))
        whens.append(f"WHEN regexp_match(@jwjt_cls, '^0*{member.value}([.]0*)?$') "
                     f"OR @jwjt_cls IN ({', '.join(_quoted(w) for w in sorted(words))}) THEN {member.value}")
    return f"with_variable('jwjt_cls', {key}, CASE {' '.join(whens)} ELSE 0 END)"


def unit_class_name(cls: int) -> str:
    """"Priority protection units (优先保护单元)" in English, "优先保护单元" in Chinese."""
    if cls not in {c.value for c in UnitClass}:
        return tr("Class unknown")
    member = UnitClass(cls)
    return join_zh(tr("{term} units").format(term=tr_core(en(member))), zh(member) + "单元")


# -- fills ------------------------------------------------------------------------------------------
def _symbol(colour: str, outline: str = "#505050", width: str = "0.2", style: str = "solid"):
    return QgsFillSymbol.createSimple({"color": colour, "outline_color": outline, "outline_width": width,
                                       "style": style})


def _haloed_outline(colour: str, fill: Optional[QColor] = None, width: float = 0.45) -> QgsFillSymbol:
    """An outline that reads on dark and light cells alike: a white halo under the coloured line,
    over an optional faint fill."""
    symbol = QgsFillSymbol()
    symbol.deleteSymbolLayer(0)
    base = QgsSimpleFillSymbolLayer(fill or QColor(0, 0, 0, 0), Qt.BrushStyle.SolidPattern, QColor(255, 255, 255, 170),
                                    Qt.PenStyle.SolidLine, width + 0.35)
    line = QgsSimpleFillSymbolLayer(QColor(0, 0, 0, 0), Qt.BrushStyle.NoBrush, QColor(colour), Qt.PenStyle.SolidLine,
                                    width)
    symbol.appendSymbolLayer(base)
    symbol.appendSymbolLayer(line)
    return symbol


# -- synergy results ----------------------------------------------------------------------------
#: Flagged units crossed with their control class: a synergy hotspot in a priority-protection
#: unit is a policy alarm, one in a general-control unit a candidate for key control.
FLAGGED_BY_CLASS = tuple((f.value, FLAGGED_CLASS_COLOURS[f.value], en(f)) for f in FlaggedClass)
STYLE_EXPRESSION = ("CASE WHEN \"SYN_CLASS\" = 'A' THEN 'A' || to_string(" + unit_class_expression("UNIT_CLS")
                    + ") ELSE \"SYN_CLASS\" END")


def synergy_renderer() -> QgsCategorizedSymbolRenderer:
    """Flagged units (A1/A2/A3/A0) filled strongly with a dark outline; B and C light fills with
    an outline of their hue; D hollow, so that whatever lies below (the CO2 grid) shows through."""
    cats = [QgsRendererCategory(key, _symbol(colour, "#1a1a1a", "0.7"), f"{key} {tr_core(label)}")
            for key, colour, label in FLAGGED_BY_CLASS]
    for key in ("B", "C"):
        symbol = _symbol(CLASS_COLOURS[key], SYNERGY_CLASS_OUTLINES[key], "0.3")
        symbol.setOpacity(0.8)
        cats.append(QgsRendererCategory(key, symbol, f"{key} {tr_core(CLASS_LABELS[key])}"))
    cats.append(QgsRendererCategory("D", _symbol(CLASS_COLOURS["D"], "#9a9a9a", "0.15", "no"),
                                    f"D {tr_core(CLASS_LABELS['D'])}"))
    return QgsCategorizedSymbolRenderer(STYLE_EXPRESSION, cats)


def apply_synergy_style(layer: QgsVectorLayer) -> None:
    if layer is None or not layer.isValid():
        return
    if layer.fields().indexOf("SYN_CLASS") < 0 or layer.fields().indexOf("UNIT_CLS") < 0:
        return
    layer.setRenderer(synergy_renderer())
    name_field = next((f for f in ("NAME", "HJZHGKDYMC", "UNIT_NAME") if layer.fields().indexOf(f) >= 0), None)
    if name_field:
        apply_name_labels(layer, name_field)
    layer.triggerRepaint()


# -- unit proposals --------------------------------------------------------------------------------------
def proposal_renderer() -> QgsCategorizedSymbolRenderer:
    """Proposals by kind (field ``KIND``): a new class or a split filled, added requirements outlined."""
    from ..core.terms import PROPOSAL_COLOURS
    from ..core.unit_proposals import ProposalKind, kind_label

    cats = []
    for kind in ProposalKind:
        colour = PROPOSAL_COLOURS[kind.value]
        if kind is ProposalKind.ADD_REQUIREMENTS:
            symbol = _symbol(colour, colour, "0.6", "no")
        else:
            symbol = _symbol(colour, "#1a1a1a", "0.5")
            symbol.setOpacity(0.75)
        cats.append(QgsRendererCategory(kind.value, symbol, kind_label(kind, tr_core)))
    return QgsCategorizedSymbolRenderer("KIND", cats)


def apply_proposal_style(layer: QgsVectorLayer) -> None:
    if layer is None or not layer.isValid() or layer.fields().indexOf("KIND") < 0:
        return
    layer.setRenderer(proposal_renderer())
    layer.triggerRepaint()


# -- plan conflicts and unit QA ---------------------------------------------------------------------
def conflict_renderer(categories: List[Tuple[str, str]]) -> QgsCategorizedSymbolRenderer:
    """One category per rule id, labelled with the rule's (translated) description."""
    cats, spare = [], itertools.cycle(SPARE_COLOURS)
    for rule_id, label in categories:
        colour = RULE_COLOURS.get(rule_id) or next(spare)
        symbol = _symbol(colour, "#202020", "0.4")
        symbol.setOpacity(0.85)
        cats.append(QgsRendererCategory(rule_id, symbol, label or words_of(rule_id)))
    return QgsCategorizedSymbolRenderer("RULE_ID", cats)


def apply_conflict_style(layer, categories: List[Tuple[str, str]]) -> None:
    if layer is None or not layer.isValid() or layer.fields().indexOf("RULE_ID") < 0:
        return
    layer.setRenderer(conflict_renderer(categories))
    layer.triggerRepaint()


def words_of(code: str) -> str:
    """A code as words when nothing better is known: "urban_in_priority" -> "Urban in priority"."""
    text = str(code).replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def qa_renderer(kind_labels: Mapping[str, str]) -> QgsCategorizedSymbolRenderer:
    """Unit QA findings (field ``kind``) labelled with ``kind_labels`` (translated by the caller),
    errors red, warnings amber, as core.unit_qa grades them."""
    from ..core.unit_qa import KINDS, SEVERITY

    cats = []
    for kind in KINDS:
        fill, line = QA_SEVERITY_COLOURS[SEVERITY[kind]]
        symbol = _symbol(fill, line, "0.5")
        symbol.setOpacity(0.7)
        cats.append(QgsRendererCategory(kind, symbol, kind_labels.get(kind) or words_of(kind)))
    return QgsCategorizedSymbolRenderer("kind", cats)


def apply_qa_style(layer, kind_labels: Mapping[str, str]) -> None:
    if layer is None or not layer.isValid() or layer.fields().indexOf("kind") < 0:
        return
    layer.setRenderer(qa_renderer(kind_labels))
    layer.triggerRepaint()


# -- control units and plan lines ---------------------------------------------------------------
def unit_class_renderer(field: str) -> QgsCategorizedSymbolRenderer:
    """Control-unit classes filled in the palette of core/terms.py (translucent, outlines grey),
    labelled with the class names; a class the layer spells 2.0 or 重点管控单元 is still class 2."""
    cats = []
    for cls in (*(m.value for m in UnitClass), 0):
        sym = _symbol(UNIT_CLASS_COLOURS[cls], "#707070", "0.2")
        sym.setOpacity(0.55)
        cats.append(QgsRendererCategory(cls, sym, unit_class_name(cls)))
    return QgsCategorizedSymbolRenderer(unit_class_expression(field), cats)


def unit_outline_renderer(field: str) -> QgsCategorizedSymbolRenderer:
    """Control units drawn over a grid: class-coloured outlines with a white halo and a very light
    fill of the class colour, so that the cells below keep their colours."""
    cats = []
    for cls in (*(m.value for m in UnitClass), 0):
        fill = QColor(UNIT_CLASS_COLOURS[cls])
        fill.setAlpha(38)
        cats.append(QgsRendererCategory(cls, _haloed_outline(UNIT_CLASS_OUTLINES[cls], fill), unit_class_name(cls)))
    return QgsCategorizedSymbolRenderer(unit_class_expression(field), cats)


def outline_style(layer: QgsVectorLayer, colour: str, width: str = "0.6", style: str = "solid",
                  halo: bool = True) -> None:
    """Plan lines (红线, 基本农田, 开发边界) drawn as outlines over the units, on a white halo so
    that they read over dark cells too."""
    symbol = QgsFillSymbol()
    symbol.deleteSymbolLayer(0)
    if halo:
        symbol.appendSymbolLayer(QgsSimpleFillSymbolLayer(QColor(0, 0, 0, 0), Qt.BrushStyle.NoBrush,
                                                          QColor(255, 255, 255, 170), Qt.PenStyle.SolidLine,
                                                          float(width) + 0.4))
    line = QgsSimpleFillSymbolLayer(QColor(0, 0, 0, 0), Qt.BrushStyle.NoBrush, QColor(colour), _PEN_STYLES[style],
                                    float(width))
    symbol.appendSymbolLayer(line)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


_PEN_STYLES = {"solid": Qt.PenStyle.SolidLine, "dash": Qt.PenStyle.DashLine, "dot": Qt.PenStyle.DotLine,
               "dash dot": Qt.PenStyle.DashDotLine}


def apply_name_labels(layer: QgsVectorLayer, field: str, max_scale: float = 60_000) -> None:
    """Unit names as map labels, shown only at scales larger than 1:``max_scale`` (at city scale
    242 names would cover the map)."""
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    settings.scaleVisibility = True
    settings.minimumScale = float(max_scale)   # "minimum" = most zoomed out scale shown
    settings.maximumScale = 0.0
    fmt = QgsTextFormat()
    fmt.setSize(8)
    fmt.setColor(QColor("#202020"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor(255, 255, 255, 220))
    fmt.setBuffer(buffer)
    settings.setFormat(fmt)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


# -- emission grids -------------------------------------------------------------------------------
def round_significant(x: float, digits: int = 2) -> float:
    if x == 0 or not math.isfinite(x):
        return x
    return round(x, digits - 1 - int(math.floor(math.log10(abs(x)))))


def _log_steps(lo: float, hi: float, n_inner: int) -> List[float]:
    """Round numbers strictly between ``lo`` and ``hi`` on a log scale: 1-2-5 steps, else 1-3,
    else decades, else every k-th decade, whichever is finest with at most ``n_inner`` of them."""
    e0, e1 = int(math.floor(math.log10(lo))), int(math.ceil(math.log10(hi)))
    inner: List[float] = []
    for mantissas in ((1, 2, 5), (1, 3), (1,)):
        inner = [float(f"{m}e{e}") for e in range(e0, e1 + 1) for m in mantissas if lo < float(f"{m}e{e}") < hi]
        if len(inner) <= n_inner:
            return inner
    return inner[::math.ceil(len(inner) / n_inner)][:n_inner]


def grid_classes(values: np.ndarray, n_classes: int = 6, method: str = QUANTILE,
                 nodata: Optional[float] = None) -> List[Tuple[float, float]]:
    """(low, high) bounds of up to ``n_classes`` classes of the positive, finite values of
    ``values`` other than ``nodata``: quantiles (equal numbers of cells), logarithmic steps, or
    (AUTO) logarithmic steps when the values span :data:`LOG_SPAN` and quantiles otherwise.
    Inner bounds are rounded to two significant digits; the first class starts at the smallest
    value and the last ends at the largest. [] when no value is positive (an all-zero or
    all-nodata grid); fewer classes when the values allow no more distinct bounds."""
    if method not in (QUANTILE, LOG, AUTO):
        raise ValueError(f"unknown class method {method!r}; use {QUANTILE!r}, {LOG!r} or {AUTO!r}")
    v = np.asarray(values, dtype=np.float64).ravel()
    keep = np.isfinite(v) & (v > 0)
    if nodata is not None and math.isfinite(nodata):
        keep &= v != nodata
    v = v[keep]
    if v.size == 0:
        return []
    lo, hi = float(v.min()), float(v.max())
    n = max(1, int(n_classes))
    if method == AUTO:
        method = LOG if hi >= LOG_SPAN * lo else QUANTILE
    if method == LOG:
        inner = _log_steps(lo, hi, n - 1) if hi > lo else []
    else:
        raw = np.quantile(v, np.linspace(0.0, 1.0, n + 1)[1:-1]) if n > 1 else []
        inner = []
        for q in raw:
            b = round_significant(float(q))
            if lo < b < hi and (not inner or b > inner[-1]):
                inner.append(b)
    bounds = [lo, *inner, hi]
    return list(zip(bounds[:-1], bounds[1:]))


def format_value(v: float) -> str:
    """A class bound for a legend: thousands separators, no trailing zeros, two significant
    digits below 100 (0.012, 3.4, 45, 6,400,000)."""
    r = round_significant(float(v))
    if abs(r) >= 100:
        return f"{r:,.0f}"
    if abs(r) >= 1e-4 or r == 0:
        decimals = max(0, 1 - int(math.floor(math.log10(abs(r))))) if r else 0
        return f"{r:.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{r:.0f}"
    return f"{r:.1e}"


def units_words(units: str) -> str:
    """Grid units as the legend writes them (translated): "t/yr" -> "t/yr" / "吨/年"."""
    known = UNIT_WORDS.get(str(units).strip())
    if known is None:
        return str(units).strip()
    return {"t/yr": tr("t/yr"), "kg/yr": tr("kg/yr"), "kt/yr": tr("kt/yr"), "Mt/yr": tr("Mt/yr"),
            "kg/m²/s": tr("kg/m²/s")}[known]


def class_labels(classes: Sequence[Tuple[float, float]], units: str = "t/yr") -> List[str]:
    """Legend entries in words: "12–45 t/yr" (English), "12–45 吨/年" (Chinese)."""
    words = units_words(units)
    out = []
    for low, high in classes:
        low_text, high_text = format_value(low), format_value(high)
        if low_text == high_text:
            out.append(tr("{value} {units}").format(value=low_text, units=words))
        else:
            out.append(tr("{low}–{high} {units}").format(low=low_text, high=high_text, units=words))
    return out


def ramp_colours(species: Optional[str], n: int) -> List[str]:
    """``n`` colours of the species' ramp, spread from light to dark (the darkest always kept)."""
    ramp = EMISSION_RAMPS.get(species or "", EMISSION_RAMPS["CO2"])
    if n <= 0:
        return []
    if n >= len(ramp):
        return list(ramp)
    start = 1 if n > 1 else len(ramp) - 2   # skip the near-white step when classes are few
    return [ramp[int(round(i))] for i in np.linspace(start, len(ramp) - 1, n)]


def grid_renderer(provider, classes: Sequence[Tuple[float, float]], colours: Sequence[str],
                  labels: Sequence[str], band: int = 1) -> QgsSingleBandPseudoColorRenderer:
    """Discrete classes (upper bounds), zero and below transparent, the last class open-ended."""
    items = [QgsColorRampShader.ColorRampItem(0.0, QColor(255, 255, 255, 0), tr("No emissions (transparent)"))]
    for i, ((_low, high), colour, text) in enumerate(zip(classes, colours, labels)):
        upper = math.inf if i == len(classes) - 1 else float(high)
        items.append(QgsColorRampShader.ColorRampItem(upper, QColor(colour), text))
    top = float(classes[-1][1]) if classes else 1.0
    ramp = QgsColorRampShader(0.0, top)
    ramp.setColorRampType(QgsColorRampShader.Type.Discrete)
    ramp.setClip(False)
    ramp.setColorRampItemList(items)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp)
    renderer = QgsSingleBandPseudoColorRenderer(provider, band, shader)
    renderer.setClassificationMin(0.0)
    renderer.setClassificationMax(top)
    return renderer


def _gdal_path(layer) -> str:
    if layer.providerType() != "gdal":
        return ""
    return QgsProviderRegistry.instance().decodeUri("gdal", layer.source()).get("path") or ""


def _block_dtypes() -> Dict[int, str]:
    from qgis.core import Qgis

    kinds = {"Byte": "u1", "UInt16": "u2", "Int16": "i2", "UInt32": "u4", "Int32": "i4", "Float32": "f4",
             "Float64": "f8"}
    enum = getattr(Qgis, "DataType", Qgis)
    return {int(getattr(enum, k)): v for k, v in kinds.items() if hasattr(enum, k)}


_BLOCK_DTYPES = _block_dtypes()


def band_values(layer, band: int = 1, max_cells: int = MAX_CELLS) -> np.ndarray:
    """The band as floats, nodata as NaN; grids above ``max_cells`` cells evenly decimated.
    Read through GDAL for a file, else through the provider's block."""
    path = _gdal_path(layer)
    if path:
        from osgeo import gdal

        ds = gdal.OpenEx(path, gdal.OF_RASTER)
        if ds is not None and 1 <= band <= ds.RasterCount:
            b = ds.GetRasterBand(band)
            w, h = ds.RasterXSize, ds.RasterYSize
            step = max(1.0, math.sqrt(w * h / max_cells))
            data = b.ReadAsArray(buf_xsize=max(1, int(w / step)), buf_ysize=max(1, int(h / step)))
            if data is not None:
                values = data.astype(np.float64)
                nodata = b.GetNoDataValue()
                if nodata is not None:
                    values[values == nodata] = np.nan
                return values
    provider = layer.dataProvider()
    w, h = provider.xSize(), provider.ySize()
    step = max(1.0, math.sqrt(w * h / max_cells))
    bw, bh = max(1, int(w / step)), max(1, int(h / step))
    block = provider.block(band, provider.extent(), bw, bh)
    dtype = _BLOCK_DTYPES.get(int(block.dataType()))
    if dtype is None or block.isEmpty():
        return np.full((0,), np.nan)
    values = np.frombuffer(bytes(block.data()), dtype=dtype)[: bw * bh].astype(np.float64).reshape(bh, bw)
    if block.hasNoDataValue():
        values[values == block.noDataValue()] = np.nan
    return values


def grid_units(layer, band: int = 1) -> str:
    """The units a grid file declares (UNITS metadata or the band's unit type); "t/yr", the
    analyses' default, when it declares none."""
    path = _gdal_path(layer)
    if path:
        from osgeo import gdal

        ds = gdal.OpenEx(path, gdal.OF_RASTER)
        if ds is not None:
            b = ds.GetRasterBand(band) if 1 <= band <= ds.RasterCount else None
            for text in (ds.GetMetadataItem("UNITS"), b.GetMetadataItem("UNITS") if b else None,
                         b.GetUnitType() if b else None):
                if text:
                    return str(text)
    return "t/yr"


def grid_species(layer) -> Optional[str]:
    """The species a grid holds, by the assessment's rule (metadata, then layer and file names)."""
    from ..core.assessment_inputs import grid_label

    return grid_label(layer.name(), _gdal_path(layer)).species


def apply_grid_style(layer, species: Optional[str] = None, method: str = AUTO, band: int = 1,
                     node=None) -> List[Tuple[float, float]]:
    """Style an emission grid: classes of its non-zero values on the species' ramp, legend in
    words; returns the classes. The layer-tree legend drops the "Band 1: …" line (``node``, or
    the layer's node in the project when it has one)."""
    if layer is None or not layer.isValid():
        return []
    species = species or grid_species(layer)
    n = len(EMISSION_RAMPS.get(species or "", EMISSION_RAMPS["CO2"]))
    classes = grid_classes(band_values(layer, band), n, method)
    labels = class_labels(classes, grid_units(layer, band))
    layer.setRenderer(grid_renderer(layer.dataProvider(), classes, ramp_colours(species, len(classes)), labels, band))
    layer.setOpacity(1.0)
    if node is None:
        node = QgsProject.instance().layerTreeRoot().findLayer(layer.id())
    if node is not None:
        short_legend(node, labels)
    layer.triggerRepaint()
    return classes


def short_legend(node, labels: Sequence[str]) -> None:
    """Keep in the layer tree only the legend entries whose text is one of ``labels`` (and the
    transparent "no emissions" entry): the band name line is long and says nothing new."""
    layer = node.layer()
    keep = set(labels) | {tr("No emissions (transparent)")}
    node.removeCustomProperty("legend/node-order")   # an order set before: count the renderer's own nodes
    nodes = layer.legend().createLayerTreeModelLegendNodes(node)
    order = [i for i, n in enumerate(nodes) if n.data(Qt.ItemDataRole.DisplayRole) in keep]
    QgsMapLayerLegendUtils.setLegendNodeOrder(node, order)
    # The layer tree built its legend when the layer came in: have it rebuilt with the new order
    # (else "Band 1: …" stays on screen until the next restyle).
    layer.legend().itemsChanged.emit()


def legend_labels(node) -> List[str]:
    """The legend entries the layer tree shows for ``node``: the layer's legend in the node's
    order, with the node's own labels, as the layer tree model and print layouts show them."""
    texts = [n.data(Qt.ItemDataRole.DisplayRole) for n in node.layer().legend().createLayerTreeModelLegendNodes(node)]
    order = (QgsMapLayerLegendUtils.legendNodeOrder(node) if QgsMapLayerLegendUtils.hasLegendNodeOrder(node)
             else range(len(texts)))
    return [QgsMapLayerLegendUtils.legendNodeUserLabel(node, i) or texts[i] for i in order if 0 <= i < len(texts)]
