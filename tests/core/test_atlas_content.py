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


def test_year_of_prefers_metadata_then_the_name():
    from jwjt_plugin.atlas.content import year_of

    assert year_of("CO2 (co2_2020.tif)") == "2020"
    assert year_of("meic_v14_2017_2020_power.asc") == "2020"          # the last year named
    assert year_of("CO2 (grid_12345.tif)") == "" and year_of("") == ""
    assert year_of("co2_2020.tif", {"YEAR": "2019"}) == "2019"
    assert year_of("co2.tif", {"time_year": "base 2015"}) == "2015"
    assert year_of("co2_2020.tif", {"VERSION": "2021"}) == "2020"


def test_atlas_extents_fit_the_frame_then_add_the_margin():
    from jwjt_plugin.atlas.content import atlas_extents, fit_extent

    # A wide unit in a square frame: the height grows to the width, then both by 20 %.
    ext = atlas_extents(np.array([[0.0, 0.0, 10.0, 2.0]]), 1.0, 0.2)[0]
    assert ext == pytest.approx([-1.0, -5.0, 11.0, 7.0])
    # A tall one in a 2:1 frame: the width grows.
    assert fit_extent((0.0, 0.0, 2.0, 4.0), 2.0) == pytest.approx((-3.0, 0.0, 5.0, 4.0))
    many = atlas_extents(np.array([[0, 0, 1, 1], [5, 5, 9, 6]], dtype=float), 1.25, 0.0)
    w, h = many[:, 2] - many[:, 0], many[:, 3] - many[:, 1]
    assert w / h == pytest.approx([1.25, 1.25])


def _tiny_pdf(path, pages=3):
    """A minimal PDF with a classic cross-reference table, as Qt writes them."""
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (3 + i) for i in range(pages)) +
               b"] /Count %d >>" % pages}
    for i in range(pages):
        objs[3 + i] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for n in sorted(objs):
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + objs[n] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for n in sorted(objs):
        out += b"%010d 00000 n \n" % offsets[n]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))
    return bytes(out)


def test_pdf_outline_is_an_incremental_update_readers_follow(tmp_path):
    import shutil
    import subprocess

    from jwjt_plugin.atlas.pdf_outline import (
        Bookmark,
        OutlineError,
        _trailer,
        _xref_offsets,
        add_outline,
        page_objects,
        pdf_string,
    )

    pdf = tmp_path / "t.pdf"
    original = _tiny_pdf(pdf)
    marks = [Bookmark("封面", 0), Bookmark("1 总体图", 1), Bookmark("1.1 CO2", 1, 1),
             Bookmark("2 管控单元图", 2, 0, closed=True), Bookmark("ZH99010220002 东湖区𠀀", 2, 1)]
    assert add_outline(str(pdf), marks) == 5
    data = pdf.read_bytes()
    assert data.startswith(original)                  # the original bytes are untouched
    assert b"/Outlines" in data[len(original):] and b"/Prev %d" % (original.index(b"\nxref\n") + 1) in data
    assert pdf_string("A") == b"<FEFF0041>"
    with pytest.raises(ValueError, match="page 4 of 3"):
        add_outline(str(pdf), [Bookmark("x", 3)])
    if shutil.which("pdftohtml"):
        xml = subprocess.run(["pdftohtml", "-xml", "-stdout", "-i", "-q", str(pdf)], capture_output=True,
                             text=True).stdout
        items = [line for line in xml.splitlines() if line.startswith("<item")]
        assert items == ['<item page="1">封面</item>', '<item page="2">1 总体图</item>',
                         '<item page="2">1.1 CO2</item>', '<item page="3">2 管控单元图</item>',
                         '<item page="3">ZH99010220002 东湖区𠀀</item>']
    # An update of an updated file replaces the outline; page lookup follows /Prev.
    assert add_outline(str(pdf), [Bookmark("only", 0)]) == 1
    data = pdf.read_bytes()
    trailer = _trailer(data)
    assert trailer["size"] == 6 + 6 + 2 and page_objects(data, 1, _xref_offsets(data, trailer["xref"])) == [3, 4, 5]
    bad = tmp_path / "stream.pdf"
    bad.write_bytes(b"%PDF-1.5\n1 0 obj\n<< /Type /XRef >>\nstream\nendstream\nendobj\nstartxref\n9\n%%EOF\n")
    with pytest.raises(OutlineError):
        add_outline(str(bad), [Bookmark("x", 0)])
