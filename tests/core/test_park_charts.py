"""Park carbon charts: files written and not blank, the park names on them, status colours."""
import numpy as np
import pytest

from jwjt_plugin.core import park_charts as pc
from tests.core.test_park_workbook import fake_result

pytest.importorskip("matplotlib")


def _pixels(path):
    from matplotlib.image import imread

    return imread(path)


def _check_png(path, min_side=400):
    img = _pixels(path)
    assert img.shape[0] >= min_side and img.shape[1] >= min_side
    # Not blank: a white page has no variance; bars and text give plenty.
    assert float(np.var(img[..., :3])) > 0.005
    return img


def test_write_charts_files_are_written_and_not_blank(tmp_path):
    paths = pc.write_charts(fake_result(), str(tmp_path))
    assert set(paths) == {"sources", "indicators", "synergy", "top_P1", "top_P2"}
    for p in paths.values():
        _check_png(p, 300)


def test_source_chart_names_the_parks_and_stacks_the_sources():
    r = fake_result()
    fig = pc.new_figure()
    pc.draw_sources(fig, r.parks, translate=pc.chinese)
    texts = pc.texts_of(fig)
    assert "北辰化工园" in texts and "南湖科技园" in texts
    assert "化石燃料燃烧" in texts and "净购入电力" in texts        # the legend, in Chinese
    ax = fig.axes[0]
    # The top of the 北辰化工园 2020 bar: 1886.61 + 500 + 1140.60 = 3527.21 t (hand-computed)
    tops = sorted({round(b.get_y() + b.get_height(), 2) for b in ax.patches})
    assert 3527.21 in tops
    assert "3,527" in texts


def test_top_enterprises_in_share_order():
    r = fake_result()
    top = pc.top_enterprises(r.enterprises, "P1", "2020", 5)
    assert list(top["ent_name"]) == ["甲化工有限公司", "乙建材有限公司"]
    fig = pc.new_figure()
    pc.draw_top_enterprises(fig, r.enterprises, "P1", "2020", park_name="北辰化工园", translate=pc.chinese)
    texts = pc.texts_of(fig)
    assert "北辰化工园重点排放企业（2020）" in texts
    # 甲: 3027.21 / 3527.21 = 85.8 %
    assert any(t.startswith(" 85.8%") for t in texts)


def test_indicator_bars_are_green_or_red_by_status():
    from matplotlib.colors import to_hex

    r = fake_result()
    fig = pc.new_figure()
    pc.draw_indicators(fig, r.indicators, translate=pc.chinese)
    first = fig.axes[0]    # intensity_va: 北辰 fails, 南湖 passes (bars top to bottom in park order)
    bars = sorted(first.patches, key=lambda b: -b.get_y())
    assert [to_hex(b.get_facecolor()) for b in bars] == [pc.STATUS_COLOURS["fail"], pc.STATUS_COLOURS["pass"]]
    texts = pc.texts_of(fig)
    assert "北辰化工园" in texts and any("不达标" in t for t in texts)


def test_synergy_scatter_in_quadrant_one():
    r = fake_result()
    fig = pc.new_figure()
    pc.draw_synergy(fig, r.cocontrol, pollutants=("NOx", "VOCs"), translate=pc.chinese)
    ax = fig.axes[0]
    offsets = np.vstack([c.get_offsets() for c in ax.collections])
    # both parks: CO2 falls 20 %, NOx and VOCs 30 %: every point at (20, 30)
    assert np.allclose(offsets, [[20.0, 30.0]] * 4)
    texts = pc.texts_of(fig)
    assert "北辰化工园" in texts and "南湖科技园" in texts and "Ⅰ 协同减排" in texts


def test_empty_tables_draw_a_note():
    import pandas as pd

    fig = pc.new_figure()
    pc.draw_sources(fig, pd.DataFrame())
    assert "No data" in pc.texts_of(fig)
