"""The synergy results panel: answer-first columns in words, tooltips, filters, CSV export."""
import csv
import math
import time
from pathlib import Path

import pandas as pd
import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTranslator

from jwjt_plugin.adapters.i18n import tr, tr_core
from jwjt_plugin.cli import SAMPLE_GRIDS
from jwjt_plugin.core.pipeline import run_synergy
from jwjt_plugin.core.readers.raster import read_raster_grid
from jwjt_plugin.core.synergy import SynergyParams
from jwjt_plugin.core.units_io import read_vector
from jwjt_plugin.gui import synergy_results
from jwjt_plugin.gui.results_model import FLAG_MARK, SORT_ROLE, ResultsModel, unit_class_text
from jwjt_plugin.gui.synergy_results import SynergyResultsPanel

ROOT = Path(__file__).resolve().parents[2]
ANSWER_FIRST = ["SYN_FLAG", "SYN_CLASS", "UNIT", "NAME", "CLASS", "CO2_T", "NOX_T", "VOCS_T", "PM25_T",
                "COINC_AS", "CO2_CS"]


@pytest.fixture(scope="module")
def analysis(sample_city):
    frame = read_vector(str(sample_city / "units.gpkg"), "control_units")
    grids = {s: read_raster_grid(str(sample_city / f), s) for s, f in SAMPLE_GRIDS.items()}
    return run_synergy(frame, grids)


@pytest.fixture()
def panel(qtbot, analysis):
    p = SynergyResultsPanel()
    qtbot.addWidget(p)
    p.show_result(analysis[1], list(range(100, 100 + len(analysis[1].units))))
    return p


@pytest.fixture()
def chinese():
    translator = QTranslator()
    assert translator.load(str(ROOT / "i18n" / "jwjt_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def settle(qtbot, ms=200):
    end = time.time() + ms / 1000
    while time.time() < end:
        QCoreApplication.processEvents()
        qtbot.wait(10)


def headers(model, role=Qt.ItemDataRole.DisplayRole):
    return [model.headerData(i, Qt.Orientation.Horizontal, role) for i in range(model.columnCount())]


def test_columns_lead_with_the_answer(panel):
    assert [c.key for c in panel.model.cols] == ANSWER_FIRST
    assert headers(panel.model)[:5] == ["Flag", "Synergy class", "Code", "Name", "Control class"]
    assert "CO2 (t/yr)" in headers(panel.model)


def test_every_header_explains_its_metric(panel):
    tips = dict(zip([c.key for c in panel.model.cols], headers(panel.model, Qt.ItemDataRole.ToolTipRole)))
    assert all(tip and len(tip) > 20 for tip in tips.values()), tips
    assert "÷ unit area" in tips["COINC_AS"] and "coincidence cells" in tips["COINC_AS"]
    assert "÷ the unit's CO2" in tips["CO2_CS"]
    for letter in "ABCD":
        assert f"\n{letter} " in "\n" + tips["SYN_CLASS"]
    # the thresholds of the run, not fixed numbers
    assert "5 %" in tips["SYN_FLAG"] and "50 %" in tips["SYN_FLAG"]
    model = ResultsModel()
    res = panel.result
    model.set_results(res.units, range(len(res.units)), res.species,
                      SynergyParams(k_percent=10, flag_min_area_share=0.2, flag_min_co2_share=0.3))
    flag_tip = model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "20 %" in flag_tip and "30 %" in flag_tip and "top 10 %" in flag_tip


@pytest.mark.parametrize("spelling,cls", [(1, 1), ("1", 1), (1.0, 1), ("1.0", 1), (" 2 ", 2), (2.0, 2),
                                          ("3", 3), ("3.0", 3), ("优先保护单元", 1), ("重点管控", 2)])
def test_control_class_in_words_for_every_spelling(spelling, cls):
    words = tr("{class_name} unit").format(class_name=tr_core(
        {1: "Priority protection", 2: "Key control", 3: "General control"}[cls]))
    frame = pd.DataFrame({"UNIT": ["ZH1"], "NAME": ["n"], "CLASS": [spelling], "SYN_CLASS": ["A"],
                          "SYN_FLAG": [1], "CO2_T": [1.0]})
    model = ResultsModel()
    model.set_results(frame, [7], ["CO2"])
    shown = model.data(model.index(0, model.column_of("CLASS")))
    assert shown == words == unit_class_text(spelling)
    assert not any(ch.isdigit() for ch in shown)


@pytest.mark.parametrize("value", [0, None, float("nan"), "x", 4, "4.0"])
def test_unknown_control_class_says_so(value):
    assert unit_class_text(value) == tr("Unknown class")


def test_flag_and_synergy_class_are_words_not_codes(panel):
    m = panel.model
    flag, syn = m.column_of("SYN_FLAG"), m.column_of("SYN_CLASS")
    seen_flags, seen_classes = set(), set()
    for r in range(m.rowCount()):
        seen_flags.add(m.data(m.index(r, flag)))
        seen_classes.add(m.data(m.index(r, syn)))
    assert seen_flags == {FLAG_MARK, ""}
    labels = {"A": "Synergy hotspot", "B": "Carbon hotspot only", "C": "Pollutant hotspot only", "D": "No hotspot"}
    assert seen_classes <= {f"{k} {v}" for k, v in labels.items()} and len(seen_classes) >= 3
    # other spellings of the class read the same
    frame = pd.DataFrame({"SYN_CLASS": ["a", "Synergy hotspot", "协同热点"], "SYN_FLAG": [1.0, True, "1"]})
    model = ResultsModel()
    model.set_results(frame, [1, 2, 3], [])
    assert [model.data(model.index(r, 1)) for r in range(3)] == ["A Synergy hotspot"] * 3
    assert [model.data(model.index(r, 0)) for r in range(3)] == [FLAG_MARK] * 3


def test_chinese_headers_units_and_classes(qtbot, analysis, chinese):
    """Needs the strings of /tmp/results_translations.tsv in i18n/jwjt_zh_CN.ts (.qm)."""
    p = SynergyResultsPanel()
    qtbot.addWidget(p)
    p.show_result(analysis[1], None)
    titles = headers(p.model)
    assert "CO2（吨/年）" in titles and titles[4] == "管控单元分类"
    texts = {p.model.data(p.model.index(r, 4)) for r in range(p.model.rowCount())}
    assert texts == {"优先保护单元", "重点管控单元", "一般管控单元"}
    assert "吨/年" in p.chart.table.horizontalHeaderItem(1).text().replace("\n", "")


def test_sorting_is_by_value(panel):
    m, proxy = panel.model, panel.proxy
    col = m.column_of("CO2_T")
    values = [proxy.data(proxy.index(r, col), SORT_ROLE) for r in range(proxy.rowCount())]
    assert values == sorted(values, reverse=True)  # a new result: largest CO2 first


def test_filters_and_count(panel, qtbot):
    units = panel.result.units
    n = len(units)
    assert panel.count_label.text() == f"{n} of {n} units shown"
    n_flag = int((units["SYN_FLAG"] == 1).sum())
    panel.flagged_only.setChecked(True)
    assert panel.proxy.rowCount() == n_flag
    assert panel.count_label.text() == f"{n_flag} of {n} units shown"
    panel.flagged_only.setChecked(False)
    for code in "BCD":
        panel.class_combo.setCurrentIndex(panel.class_combo.findData(code))
        assert panel.proxy.rowCount() == int((units["SYN_CLASS"] == code).sum())
    panel.proxy.set_synergy_classes({"A", "B"})
    assert panel.proxy.rowCount() == int(units["SYN_CLASS"].isin(["A", "B"]).sum())
    panel.proxy.set_flagged_only(True)
    assert panel.proxy.rowCount() == n_flag
    panel.proxy.set_flagged_only(False)
    panel.proxy.set_synergy_classes(None)
    assert panel.proxy.rowCount() == n
    assert [panel.class_combo.itemText(i) for i in range(panel.class_combo.count())] == [
        "All synergy classes", "A Synergy hotspot", "B Carbon hotspot only", "C Pollutant hotspot only",
        "D No hotspot"]


def test_export_writes_the_table_as_filtered_with_a_bom(panel, tmp_path):
    panel.flagged_only.setChecked(True)
    path = panel.export_csv(str(tmp_path / "units"))
    assert path == str(tmp_path / "units.csv")
    assert Path(path).read_bytes().startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:5] == ["Flag", "Synergy class", "Code", "Name", "Control class"]
    assert "Coincidence share (%)" in rows[0] and "CO2 (t/yr)" in rows[0]
    n_flag = int((panel.result.units["SYN_FLAG"] == 1).sum())
    assert len(rows) == 1 + n_flag
    assert {r[0] for r in rows[1:]} == {"yes"} and {r[1] for r in rows[1:]} == {"A Synergy hotspot"}
    co2 = [float(r[rows[0].index("CO2 (t/yr)")]) for r in rows[1:]]
    assert co2 == sorted(co2, reverse=True)  # the table's order
    units = panel.result.units.set_index("UNIT")
    first = rows[1]
    share = float(first[rows[0].index("Coincidence share (%)")])
    assert math.isclose(share, units.at[first[2], "COINC_AS"] * 100, rel_tol=1e-3)
    assert first[3] == units.at[first[2], "NAME"]  # Chinese names intact
    assert "Table written to" in panel.status_label.text()


def test_export_never_overwrites_a_loaded_layer_or_an_input(panel, tmp_path, qgis_new_project):
    target = tmp_path / "points.csv"
    target.write_text("x,y\n1,2\n", encoding="utf-8")
    layer = QgsVectorLayer(str(target), "points from csv", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    try:
        assert panel.export_csv(str(target)) is None
        assert target.read_text(encoding="utf-8") == "x,y\n1,2\n"
        assert "points from csv" in panel.status_label.text() and panel.status_label.isVisibleTo(panel)
        # any spelling of the same file
        assert panel.export_csv(str(tmp_path / "." / "points.csv")) is None
    finally:
        QgsProject.instance().removeAllMapLayers()
    read = tmp_path / "grid_list.csv"
    read.write_text("keep", encoding="utf-8")
    panel.protected_files = [("CO2 grid list", str(read))]
    assert panel.export_csv(str(read)) is None and read.read_text(encoding="utf-8") == "keep"
    assert "CO2 grid list" in panel.status_label.text()


def test_the_file_dialog_opens_only_without_a_path(panel, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(synergy_results.QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: asked.append(a) or ("", "")))
    assert panel.export_csv() is None and len(asked) == 1
    assert panel.export_csv(str(tmp_path / "t.csv")) == str(tmp_path / "t.csv") and len(asked) == 1


def test_no_widget_forces_a_wide_panel_and_short_docks_fit(panel, qtbot):
    assert panel.minimumSizeHint().width() <= 420
    for size in ((420, 700), (1366, 260), (420, 700), (900, 300)):
        panel.resize(*size)
        panel.show()
        for tab in range(panel.tabs.count()):
            panel.tabs.setCurrentIndex(tab)
            settle(qtbot)
            assert (panel.width(), panel.height()) == size, f"tab {tab} forces {panel.size()}"
    # wide and short: the shares table goes beside the curve
    panel.tabs.setCurrentIndex(1)
    settle(qtbot)
    assert panel.chart.side.geometry().left() > panel.chart.canvas.geometry().right()
    panel.resize(420, 700)
    settle(qtbot)
    assert panel.chart.side.geometry().top() > panel.chart.canvas.geometry().bottom()


def test_chart_tab_draws_translated_texts_and_can_go_linear(panel, qtbot):
    fig = panel.chart.figure
    found = [t.get_text() for t in fig.texts] + [t.get_text() for t in fig.axes[0].texts]
    assert tr("top {k} % of cells").format(k="5") in found
    assert tr("Logarithmic x axis: the top few % of cells hold most of the emissions.") in found
    panel.chart.log_x.setChecked(False)
    assert panel.chart.figure.axes[0].get_xscale() == "linear"
    assert panel.chart.table.rowCount() == 4


def test_clear_and_qwidget_show(qtbot, analysis):
    p = SynergyResultsPanel()
    qtbot.addWidget(p)
    p.show()
    assert p.isVisible()
    assert not p.export_button.isEnabled() and p.model.rowCount() == 0
    p.show_result(analysis[1], None)
    assert p.export_button.isEnabled() and p.save_button.isEnabled() and p.atlas_button.isEnabled()
    assert "units flagged" in p.summary_label.text()
    p.clear()
    assert p.model.rowCount() == 0 and p.chart.table.rowCount() == 0 and not p.export_button.isEnabled()
    assert p.export_csv("/nonexistent/x.csv") is None
