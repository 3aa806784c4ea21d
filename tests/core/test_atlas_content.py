"""Atlas text layout without Qt: wrapping Chinese and Latin text, spreading it over pages."""
import numpy as np
import pytest

from jwjt_plugin.atlas.content import (
    Block,
    class_breaks,
    crop_window,
    missing_geometry,
    paginate,
    round_significant,
    wrap_text,
)
from jwjt_plugin.core.grid import GridSpec


def width(text):
    return float(len(text))


def test_chinese_wraps_between_characters_and_keeps_everything():
    text = "禁止新建钢铁、焦化、水泥、平板玻璃、电解铝等产能，钢铁项目严格执行产能等量或减量置换。"
    lines = wrap_text(text, width, 10)
    assert "".join(lines) == text
    assert all(len(line) <= 10 for line in lines)


def test_punctuation_never_starts_a_line():
    lines = wrap_text("一二三四五六七八九，十一二", width, 9)
    assert not any(line[0] in "，。、；" for line in lines if line)
    assert "".join(lines) == "一二三四五六七八九，十一二"


def test_latin_breaks_at_spaces_and_splits_only_overlong_words():
    lines = wrap_text("The quick brown fox; supercalifragilisticexpialidocious", width, 12)
    assert lines[:3] == ["The quick", "brown fox;", "supercalifra"]
    assert all(len(line) <= 12 for line in lines)
    assert "".join(lines[2:]) == "supercalifragilisticexpialidocious"


def test_existing_line_breaks_are_kept():
    assert wrap_text("a\n\nb", width, 5) == ["a", "", "b"]
    assert wrap_text("", width, 5) == [""]


def row_height(lines):
    return 1.0 + lines


def test_short_blocks_share_one_page():
    pages = paginate([Block(["A"], ["x"] * 3), Block(["B"], ["y"] * 2)], (20, 40), 1.0, row_height)
    assert len(pages) == 1 and [len(r.lines) for r in pages[0]] == [3, 2]


def test_long_block_continues_line_by_line_with_its_continued_label():
    block = Block(["Spatial"], [f"line {i}" for i in range(50)], ["Spatial (continued)"])
    pages = paginate([block, Block(["Risk"], ["z"])], (12, 30), 1.0, row_height)
    shown = [line for page in pages for row in page for line in row.lines]
    assert shown == block.lines + ["z"]                    # every line, once, in order
    assert pages[1][0].label == ["Spatial (continued)"]
    for i, page in enumerate(pages):
        used = 1.0 + sum(row_height(r.height_lines) for r in page)
        assert used <= (12 if i == 0 else 30)


def test_a_block_that_would_leave_one_line_starts_on_the_next_page():
    pages = paginate([Block(["A"], ["a"] * 8), Block(["B"], ["b"] * 5)], (12, 30), 1.0, row_height)
    assert [r.label for r in pages[0]] == [["A"]]
    assert pages[1][0].label == ["B"] and len(pages[1][0].lines) == 5


def test_class_breaks_are_rounded_increasing_and_end_at_the_maximum():
    values = np.random.default_rng(3).lognormal(3, 1.5, 5000)
    values[:100] = 0
    values[100:110] = np.nan
    breaks = class_breaks(values)
    assert breaks == sorted(set(breaks)) and breaks[-1] == pytest.approx(np.nanmax(values))
    assert all(b == round_significant(b, 2) for b in breaks[:-1])
    assert class_breaks(np.zeros(10)) == []


def test_crop_window_covers_the_bounds_and_stays_on_the_grid():
    spec = GridSpec(0.0, 100.0, 1.0, 1.0, 100, 100)
    r0, r1, c0, c1 = crop_window(spec, (10.2, 20.5, 30.7, 40.1), 2.0)
    assert (r0, r1, c0, c1) == (57, 82, 8, 33)
    assert crop_window(spec, (-50, -50, 500, 500), 0) == (0, 100, 0, 100)


def test_missing_geometry():
    import shapely

    geoms = [shapely.Point(0, 0).buffer(1), None, shapely.Polygon()]
    assert missing_geometry(geoms).tolist() == [False, True, True]
