"""The atlas as a 成果 book: cover, contents, notes and sources, locator, bookmarks, no bands."""
import datetime as dt
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from qgis.core import QgsProject, QgsReadWriteContext
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from jwjt_plugin.atlas import template as T, texts
from jwjt_plugin.atlas.export import AtlasOptions, export_atlas
from jwjt_plugin.paths import i18n_dir
from tests.qgis.test_atlas import (  # noqa: F401
    BODY_PAGES,
    analyse,
    flat,
    grey,
    page_images,
    pdf_pages,
    pdf_text,
    pytestmark,
    units_frame,
)

ORG = "示例省生态环境科学研究院"
DAY = dt.date(2026, 3, 9)


@pytest.fixture(scope="module")
def run12(units_frame, sample_city):  # noqa: F811
    return analyse(units_frame.iloc[:12].copy(), sample_city)


def outline(path):
    """The PDF's bookmarks as poppler reads them: (level, title, page) in order."""
    xml = subprocess.run(["pdftohtml", "-xml", "-stdout", "-i", "-q", "-f", "1", "-l", "1", str(path)],
                         capture_output=True, text=True, check=True).stdout
    root = ET.fromstring(xml)
    out = []

    def walk(node, level):
        for child in node:
            if child.tag == "item":
                out.append((level, child.text or "", int(child.get("page"))))
            elif child.tag == "outline":
                walk(child, level + 1)

    for top in root.findall("outline"):
        walk(top, 0)
    return out


def test_cover_contents_sources_and_bookmarks(run12, tmp_path):
    out = tmp_path / "book.pdf"
    report = export_atlas(run12, str(out), AtlasOptions(dpi=72, organisation=ORG, date=DAY))
    assert report.cover and report.contents_pages == 1
    assert report.front_pages == 2 + BODY_PAGES and report.pages == pdf_pages(out) == report.front_pages + 12

    cover = flat(pdf_text(out, 1, 1))
    assert "示例市" in cover and flat(texts.cover_organisation(ORG)) in cover
    assert flat(texts.cover_date(texts.date_text(DAY))) in cover

    # The contents give every section and every unit sheet, each with the page it is on.
    contents = subprocess.run(["pdftotext", "-layout", "-f", "2", "-l", "2", str(out), "-"], capture_output=True,
                              text=True, check=True).stdout
    units = run12.result.units.sort_values("UNIT")
    for code in units["UNIT"]:
        m = re.search(re.escape(code) + r".*\s(\d+)\s*$", contents, re.M)
        assert m, f"{code} is not in the contents"
        assert code in pdf_text(out, int(m.group(1)), int(m.group(1))), code
    for title in (texts.overview_section(), texts.notes_title(), texts.units_section(), texts.grid_title("CO2")):
        assert flat(title) in flat(contents), title

    # Bookmarks: cover, contents, the sections (maps under the first), each unit under the last.
    marks = outline(out)
    assert len(marks) == report.bookmarks == 2 + 1 + 7 + 1 + 1 + 1 + 12
    assert marks[0] == (0, texts.cover_title(), 1) and marks[1] == (0, texts.contents_title(), 2)
    assert marks[2][:2] == (0, f"1 {texts.overview_section()}") and marks[2][2] == 3
    assert [m[0] for m in marks[3:10]] == [1] * 7 and [m[2] for m in marks[3:10]] == list(range(3, 10))
    unit_marks = [m for m in marks if m[0] == 1 and m[2] > report.front_pages]
    assert len(unit_marks) == 12
    for _level, title, page in unit_marks:
        code = title.split()[1]
        assert code in pdf_text(out, page, page)

    # Notes and sources: who, from which data (with the years), CRS, method, date.
    notes = flat(pdf_text(out, report.front_pages, report.front_pages))
    for text in (texts.notes_title(), texts.organisation_item(), ORG, texts.sources_item(), texts.method_item(),
                 texts.source_text("CO2", run12.analysis.grids["CO2"].name, "2020"), "EPSG:4547",
                 texts.date_text(DAY)):
        assert flat(text) in notes, text


def test_no_white_band_inside_the_grid_maps(run12, tmp_path):
    """The overview maps show the grid edge to edge: no row or column of the frame is empty."""
    out = tmp_path / "bands.pdf"
    report = export_atlas(run12, str(out), AtlasOptions(dpi=72))
    first_map = report.front_pages - BODY_PAGES + 1
    for number in range(first_map, first_map + 3):             # the CO2, NOx and VOCs grids
        for png in tmp_path.glob("page-*.png"):
            png.unlink()
        arr = grey(page_images(out, tmp_path, [number], dpi=60)[0]).astype(int)
        s = arr.shape[1] / 210.0
        # The frame: its left edge at x = 10 mm, from y = 32 mm down to where the dark line ends.
        col = arr[:, int(10.2 * s)]
        top = int(32 * s)
        dark = np.flatnonzero(col[top:] < 120)
        bottom = top + int(dark[-1]) if dark.size else top
        assert bottom - top > 60 * s, f"page {number}: no map frame found"
        inner = arr[top + int(1.5 * s):bottom - int(1.5 * s), int(11.5 * s):int(198.5 * s)]
        assert (inner < 245).any(axis=1).all(), f"page {number}: an empty row inside the map frame"
        assert (inner < 245).any(axis=0).all(), f"page {number}: an empty column inside the map frame"


def test_unit_sheet_has_a_locator_with_the_unit_highlighted(run12, tmp_path):
    out = tmp_path / "locator.pdf"
    report = export_atlas(run12, str(out), AtlasOptions(dpi=72))
    page = report.front_pages + 1
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", str(page), "-l", str(page), str(out),
                    str(tmp_path / "colour")], check=True)
    from qgis.PyQt.QtGui import QImage

    img = QImage(str(next(tmp_path.glob("colour*.png"))))
    s = img.width() / 210.0
    # The locator frame (139–200 × 97–138 mm): grey units and the unit in the accent colour.
    reds = greys = 0
    for y in range(int(99 * s), int(136 * s)):
        for x in range(int(141 * s), int(198 * s)):
            c = img.pixelColor(x, y)
            if c.red() > 110 and c.green() < 60 and c.blue() < 60:
                reds += 1
            elif 200 < c.red() < 245 and abs(c.red() - c.green()) < 6 and abs(c.red() - c.blue()) < 6:
                greys += 1
    assert reds > 0 and greys > 50
    assert flat(texts.locator_heading()) in flat(pdf_text(out, report.front_pages + 1, report.front_pages + 1))


def test_a_template_without_cover_contents_and_locator_still_exports(run12, tmp_path):
    """An institute's template made before these pages existed: no cover, no contents, no locator."""
    project = QgsProject()
    layout = T.load_template(None, project)
    layout.removeLayoutItem(layout.itemById(T.UNIT_LOCATOR))
    roles = T.page_roles(layout)
    T.keep_pages(layout, ("overview", "concentration", "notes", "unit", "continued"))
    assert "cover" not in T.page_roles(layout) and "contents" not in T.page_roles(layout)
    assert roles["cover"] == 0
    qpt = tmp_path / "old.qpt"
    assert layout.saveAsTemplate(str(qpt), QgsReadWriteContext())
    del layout

    out = tmp_path / "old.pdf"
    report = export_atlas(run12, str(out), AtlasOptions(template=str(qpt), dpi=72))
    assert not report.cover and report.contents_pages == 0
    assert report.front_pages == BODY_PAGES and pdf_pages(out) == report.pages == BODY_PAGES + 12
    assert flat(texts.grid_title("CO2")) in flat(pdf_text(out, 1, 1))
    marks = outline(out)
    assert marks[0] == (0, f"1 {texts.overview_section()}", 1) and len(marks) == report.bookmarks


@pytest.fixture()
def chinese():
    translator = QTranslator()
    assert translator.load(str(i18n_dir() / "jwjt_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_chinese_atlas_writes_tonnes_per_year_in_chinese(run12, tmp_path, chinese):
    if texts.t_per_year() == "t/yr":
        pytest.skip("the atlas's new strings are not in i18n/jwjt_zh_CN.qm yet")
    out = tmp_path / "zh.pdf"
    report = export_atlas(run12, str(out), AtlasOptions(dpi=72))
    assert texts.t_per_year() == "吨/年"
    text = pdf_text(out)
    assert "目录" in text and "吨/年" in text
    # Only the analysis's own messages (in the notes) may still name the unit of an input file.
    for page in list(range(1, report.front_pages)) + list(range(report.front_pages + 1, report.pages + 1)):
        assert "t/yr" not in pdf_text(out, page, page), f"page {page}"
        assert "top" not in pdf_text(out, page, page).lower(), f"page {page}"


def test_bookmarks_can_be_switched_off(run12, tmp_path):
    out = tmp_path / "plain.pdf"
    report = export_atlas(run12, str(out), AtlasOptions(dpi=72, bookmarks=False))
    assert report.bookmarks == 0 and outline(out) == []
    assert Path(out).read_bytes().count(b"%%EOF") == 1
