"""Map styles (adapters/styles.py): emission-grid classes of the non-zero cells, zero and nodata
transparent, legends in words in both languages, unit classes read in any spelling."""
import math
import time

import numpy as np
import pytest
from qgis.core import (
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsField,
    QgsProject,
    QgsRasterLayer,
    QgsRenderContext,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.PyQt.QtGui import qAlpha

from jwjt_plugin.adapters import styles
from jwjt_plugin.adapters.qt_compat import FieldType
from jwjt_plugin.core import terms
from jwjt_plugin.core.unit_qa import KINDS, SEVERITY
from jwjt_plugin.paths import i18n_dir

#: The Chinese of the new legend strings (as in the translations handed in with them).
ZH = {"{term} units": "{term}单元", "t/yr": "吨/年", "kt/yr": "千吨/年", "{low}–{high} {units}": "{low}–{high} {units}",
      "{value} {units}": "{value} {units}", "No emissions (transparent)": "无排放（透明）"}


class _TableTranslator(QTranslator):
    """Translates the UI context from a table: strings not yet compiled into the plugin's .qm."""

    def translate(self, context, text, *args):
        return ZH.get(text) if context == "@default" else None

    def isEmpty(self):  # noqa: N802 - Qt override
        return False


@pytest.fixture()
def chinese(qgis_app):
    plugin = QTranslator()
    assert plugin.load(str(i18n_dir() / "jwjt_zh_CN.qm"))
    table = _TableTranslator()
    QCoreApplication.installTranslator(plugin)
    QCoreApplication.installTranslator(table)
    yield
    QCoreApplication.removeTranslator(table)
    QCoreApplication.removeTranslator(plugin)


# -- class bounds: a pure function of the values ---------------------------------------------------
def skewed(shape=(200, 300), seed=7):
    rng = np.random.default_rng(seed)
    v = rng.lognormal(5.0, 2.0, shape)
    v[rng.random(shape) < 0.3] = 0.0
    return v


def check_bounds(classes, values):
    pos = values[np.isfinite(values) & (values > 0)]
    assert classes[0][0] == pytest.approx(pos.min()) and classes[-1][1] == pytest.approx(pos.max())
    for (lo, hi), (lo2, _hi2) in zip(classes, classes[1:]):
        assert lo < hi == lo2


def test_quantile_classes_ignore_zeros_and_hold_equal_numbers_of_cells():
    v = skewed()
    classes = styles.grid_classes(v, 6, styles.QUANTILE)
    assert len(classes) == 6
    check_bounds(classes, v)
    # zeros are no class: the bounds are those of the positive cells alone
    assert classes == styles.grid_classes(v[v > 0], 6, styles.QUANTILE)
    pos = v[v > 0]
    counts = [np.count_nonzero((pos > lo) & (pos <= hi)) for lo, hi in classes]
    assert max(counts) - min(counts) < 0.05 * pos.size    # equal up to the rounding of the bounds
    for _lo, hi in classes[:-1]:
        assert hi == styles.round_significant(hi, 2)      # inner bounds read "110", "1,500"


def test_log_classes_are_round_steps_between_the_extremes():
    v = skewed()
    classes = styles.grid_classes(v, 6, styles.LOG)
    check_bounds(classes, v)
    inner = [hi for _lo, hi in classes[:-1]]
    assert 1 <= len(inner) <= 5
    for b in inner:
        mantissa = b / 10 ** math.floor(math.log10(b))
        assert round(mantissa, 9) in (1, 2, 3, 5)
    # few distinct decades: 1-2-5 steps
    assert [hi for _lo, hi in styles.grid_classes(np.array([1.5, 3.0, 40.0]), 6, styles.LOG)[:-1]] == [2, 5, 10, 20]


def test_auto_takes_log_classes_for_values_spanning_three_decades():
    wide = skewed()
    assert styles.grid_classes(wide, 6, styles.AUTO) == styles.grid_classes(wide, 6, styles.LOG)
    narrow = np.linspace(10.0, 900.0, 500)
    assert styles.grid_classes(narrow, 6, styles.AUTO) == styles.grid_classes(narrow, 6, styles.QUANTILE)


@pytest.mark.parametrize("values", [np.zeros((50, 40)), np.full((50, 40), np.nan), np.full((3, 3), -9999.0),
                                    np.array([]), np.array([-5.0, 0.0, np.inf])])
@pytest.mark.parametrize("method", [styles.QUANTILE, styles.LOG, styles.AUTO])
def test_grids_without_positive_values_have_no_classes(values, method):
    assert styles.grid_classes(values, 6, method, nodata=-9999.0) == []
    assert styles.class_labels([]) == []


def test_nodata_value_is_no_class_and_one_value_is_one_class():
    assert styles.grid_classes(np.array([7.0, 7.0, 1e9, 0.0]), 6, nodata=1e9) == [(7.0, 7.0)]
    assert styles.class_labels([(7.0, 7.0)]) == ["7 t/yr"]


def test_unknown_method_is_refused_by_name():
    with pytest.raises(ValueError, match="'equal'"):
        styles.grid_classes(np.ones(4), 6, "equal")


def test_a_1000_by_1000_grid_is_classified_fast():
    v = skewed((1000, 1000))
    start = time.perf_counter()
    for method in (styles.QUANTILE, styles.LOG):
        assert styles.grid_classes(v, 6, method)
    assert time.perf_counter() - start < 2.0


@pytest.mark.parametrize("value,text", [(0.01234, "0.012"), (3.449, "3.4"), (45.2, "45"), (1534.0, "1,500"),
                                        (6403075.0, "6,400,000"), (100.0, "100"), (0.5, "0.5")])
def test_bounds_are_written_with_two_significant_digits(value, text):
    assert styles.format_value(value) == text


# -- the grid layer: transparent zeros, legend in words --------------------------------------------
@pytest.fixture()
def grid_tif(tmp_path):
    from osgeo import gdal, osr

    v = skewed((1000, 1000), seed=3)
    v[0, 0], v[0, 1] = 0.0, -9999.0
    path = str(tmp_path / "co2_2020.tif")
    ds = gdal.GetDriverByName("GTiff").Create(path, 1000, 1000, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((500000.0, 100.0, 0, 2600000.0, 0, -100.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    ds.SetProjection(srs.ExportToWkt())
    ds.SetMetadataItem("UNITS", "kt/yr")
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(-9999.0)
    band.SetDescription("CO2 2020 (t/yr per cell)")
    band.WriteArray(v)
    ds = None
    return path, v


def test_grid_style_classes_the_file_and_makes_zero_and_nodata_transparent(qgis_new_project, grid_tif):
    path, v = grid_tif
    layer = QgsRasterLayer(path, "CO2 2020")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    start = time.perf_counter()
    classes = styles.apply_grid_style(layer)
    assert time.perf_counter() - start < 3.0
    v = v.astype(np.float32).astype(np.float64)
    v[v == -9999.0] = np.nan
    assert classes == styles.grid_classes(v, 6, styles.AUTO)
    block = layer.renderer().block(1, layer.extent(), 1000, 1000)
    assert qAlpha(block.color(0, 0)) == 0          # zero
    assert qAlpha(block.color(0, 1)) == 0          # nodata
    top = np.unravel_index(np.nanargmax(v), v.shape)
    assert qAlpha(block.color(int(top[0]), int(top[1]))) == 255
    colours = {item.color.name() for item in layer.renderer().shader().rasterShaderFunction().colorRampItemList()[1:]}
    assert colours <= set(terms.EMISSION_RAMPS["CO2"])
    node = QgsProject.instance().layerTreeRoot().findLayer(layer.id())
    shown = styles.legend_labels(node)
    assert not any("Band" in t for t in shown)
    assert shown[0] == "No emissions (transparent)"
    assert shown[1:] == styles.class_labels(classes, "kt/yr")
    assert all(t.endswith(" kt/yr") and "–" in t for t in shown[1:])


def test_legend_labels_in_chinese(chinese):
    assert styles.class_labels([(12.0, 45.0)]) == ["12–45 吨/年"]
    assert styles.class_labels([(12.0, 45.0)], "kt/yr") == ["12–45 千吨/年"]
    assert styles.class_labels([(12.0, 45.0)], "mol/s") == ["12–45 mol/s"]
    assert [styles.unit_class_name(c) for c in (1, 2, 3, 0)] == ["优先保护单元", "重点管控单元", "一般管控单元", "分类未知"]
    assert [c.label() for c in styles.unit_outline_renderer("F").categories()] == [
        "优先保护单元", "重点管控单元", "一般管控单元", "分类未知"]
    assert styles.synergy_renderer().categories()[0].label() == "A1 优先保护单元中的协同热点"


def test_legend_labels_in_english():
    assert styles.class_labels([(12.0, 45.0), (45.0, 6403075.0)]) == ["12–45 t/yr", "45–6,400,000 t/yr"]
    assert styles.unit_class_name(1) == "Priority protection units (优先保护单元)"
    assert styles.unit_class_name(0) == "Class unknown"


# -- unit classes in any spelling -----------------------------------------------------------------
SPELLINGS = [(1, 1), ("1", 1), (1.0, 1), ("1.0", 1), (" 2.00 ", 2), ("02", 2), ("重点管控单元", 2), ("一般管控", 3),
             ("General control", 3), ("优先保护单元", 1), (None, 0), ("", 0), ("9", 0), ("12", 0), (2.5, 0)]


def evaluate(expression: str, value):
    ctx = QgsExpressionContext()
    scope = QgsExpressionContextUtils.globalScope()
    scope.setVariable("v", value)
    ctx.appendScope(scope)
    expr = QgsExpression(expression.replace('"F"', "@v"))
    assert not expr.hasParserError(), expr.parserErrorString()
    return expr.evaluate(ctx)


@pytest.mark.parametrize("value,cls", SPELLINGS)
def test_unit_class_is_read_in_any_spelling(value, cls):
    assert evaluate(styles.unit_class_expression("F"), value) == cls


def class_layer(qtype, values, name="CLS"):
    layer = QgsVectorLayer("Polygon?crs=EPSG:4547", "units", "memory")
    layer.dataProvider().addAttributes([QgsField(name, qtype), QgsField("SYN_CLASS", FieldType.String)])
    layer.updateFields()
    feats = []
    for v in values:
        f = QgsFeature(layer.fields())
        f.setAttributes([v, "A"])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


@pytest.mark.parametrize("qtype,values", [(FieldType.Int, [1, 2, 3]), (FieldType.Double, [1.0, 2.0, 3.0]),
                                          (FieldType.String, ["1.0", "2.0", "一般管控单元"])])
def test_renderers_draw_stored_classes_as_their_class(qgis_app, qtype, values):
    layer = class_layer(qtype, values)
    ctx = QgsRenderContext()
    ctx.expressionContext().appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    for renderer, palette in ((styles.unit_class_renderer("CLS"), terms.UNIT_CLASS_COLOURS),
                              (styles.unit_outline_renderer("CLS"), terms.UNIT_CLASS_OUTLINES)):
        renderer.startRender(ctx, layer.fields())
        got = []
        for f in layer.getFeatures():
            ctx.expressionContext().setFeature(f)
            symbol = renderer.symbolForFeature(f, ctx)
            got.append(symbol.symbolLayer(symbol.symbolLayerCount() - 1).strokeColor().name()
                       if palette is terms.UNIT_CLASS_OUTLINES else symbol.color().name())
        renderer.stopRender(ctx)
        assert got == [palette[c] for c in (1, 2, 3)]
    # the synergy style crosses a hotspot with the same reading of the class: A2, never "A2.0"
    layer = class_layer(qtype, values, "UNIT_CLS")
    keys = []
    for f in layer.getFeatures():
        ctx.expressionContext().setFeature(f)
        keys.append(QgsExpression(styles.STYLE_EXPRESSION).evaluate(ctx.expressionContext()))
    assert keys == ["A1", "A2", "A3"]


# -- result layers ----------------------------------------------------------------------------------
def test_synergy_style_emphasises_flagged_units_and_labels_names_at_large_scales(qgis_app):
    layer = QgsVectorLayer("Polygon?crs=EPSG:4547&field=SYN_CLASS:string&field=UNIT_CLS:double&field=NAME:string",
                           "flags", "memory")
    styles.apply_synergy_style(layer)
    cats = {c.value(): c for c in layer.renderer().categories()}
    for flagged in ("A1", "A2", "A3", "A0"):     # stronger outline and an opaque fill
        for other in ("B", "C", "D"):
            assert (cats[flagged].symbol().symbolLayer(0).strokeWidth()
                    > 2 * cats[other].symbol().symbolLayer(0).strokeWidth())
            assert cats[flagged].symbol().opacity() == 1.0 > cats[other].symbol().opacity() or other == "D"
    assert cats["D"].symbol().symbolLayer(0).brushStyle() == 0        # hollow: the grid shows through
    assert all(c.label().startswith(c.value() + " ") and len(c.label()) > 5 for c in cats.values())
    assert layer.labelsEnabled()
    settings = layer.labeling().settings()
    assert settings.fieldName == "NAME" and settings.scaleVisibility and 0 < settings.minimumScale <= 100_000


def test_qa_and_conflict_styles_are_labelled_in_words(qgis_app):
    labels = {"overlap": "Overlap", "gap": "Gap"}
    renderer = styles.qa_renderer(labels)
    cats = {c.value(): c for c in renderer.categories()}
    assert set(cats) == set(KINDS)
    assert cats["overlap"].label() == "Overlap" and cats["below_min_area"].label() == "Below min area"
    for kind, cat in cats.items():
        assert cat.symbol().color().name() == terms.QA_SEVERITY_COLOURS[SEVERITY[kind]][0]
    conflicts = styles.conflict_renderer([("urban_in_priority", "Urban boundary in priority units"),
                                          ("my_rule", "")])
    assert [c.label() for c in conflicts.categories()] == ["Urban boundary in priority units", "My rule"]
    assert conflicts.categories()[0].symbol().color().name() == terms.PLAN_RULE_COLOURS["urban_in_priority"]
