"""Park carbon report pages: a four-page A4 PDF, Chinese text that survives into the PDF, pages not blank."""
import shutil
import subprocess
import unicodedata

import numpy as np
import pandas as pd
import pytest
import shapely

from jwjt_plugin.core.messages import JwjtInputError
from tests.core.test_park_workbook import fake_result

pytestmark = pytest.mark.usefixtures("qgis_app")


def _parks_geo():
    # Two parks in a projected CRS (metres): 北辰 5 km × 2.5 km, 南湖 2 km × 2 km to its east.
    return pd.DataFrame({"park_id": ["P1", "P2"],
                         "geometry": [shapely.box(0, 0, 5000, 2500), shapely.box(6500, 500, 8500, 2500)]})


def _enterprises_geo(result):
    where = {"E1": shapely.Point(1200, 1300), "E2": shapely.Point(3800, 900), "E3": shapely.Point(7500, 1500)}
    ents = result.enterprises.copy()
    ents["geometry"] = [where[e] for e in ents["ent_id"]]
    return ents


def _text(path):
    """The PDF's text without whitespace (NFKC, as tests/qgis/test_atlas.py compares it)."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return "".join(unicodedata.normalize("NFKC", out).split())


def _pages(path):
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


@pytest.mark.skipif(shutil.which("pdfinfo") is None or shutil.which("pdftoppm") is None, reason="poppler-utils")
def test_report_has_four_pages_in_chinese(tmp_path):
    from jwjt_plugin.adapters.park_report import PAGES, write_report

    result = fake_result()
    path = tmp_path / "park_report.pdf"
    assert write_report(result, str(path), parks=_parks_geo(), enterprises=_enterprises_geo(result),
                        language="zh") == str(path)
    assert _pages(path) == PAGES == 4
    text = _text(path)
    # Chinese and "CO2" (digits after Latin letters: lost when Qt shapes them with a CJK font) are real text
    for word in ("产业园区碳排放评价", "园区与企业分布", "北辰化工园", "南湖科技园", "碳排放评价指标", "不达标", "达标",
                 "网格校核", "差异较大", "第1页/共4页"):
        assert word in text, word
    assert "CO2" in text
    # 北辰化工园 2020 total 3527.2 t (hand-computed in fake_result) in the summary table
    assert "3,527.2" in text
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "2", str(path), str(tmp_path / "page")],
                   check=True)
    from qgis.PyQt.QtGui import QImage

    for name in ("page-1.png", "page-2.png"):
        img = QImage(str(tmp_path / name))
        assert (img.width(), img.height()) == (496, 702)         # A4 at 60 dpi
        ptr = img.convertToFormat(QImage.Format.Format_Grayscale8)
        data = np.frombuffer(ptr.constBits().asstring(ptr.sizeInBytes()), np.uint8)
        assert data.std() > 20, name                             # not a blank page


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils")
def test_report_without_geometry_has_a_table_page(tmp_path):
    from jwjt_plugin.adapters.park_report import write_report

    path = tmp_path / "no_map.pdf"
    write_report(fake_result(), str(path), language="en", translate=lambda s: s)
    assert _pages(path) == 4
    text = _text(path)
    assert "Parksassessed" in text and "Nogeometryoftheparks" in text


def test_report_refuses_an_input(tmp_path):
    from jwjt_plugin.adapters.park_report import write_report

    src = tmp_path / "activity.pdf"
    src.write_bytes(b"%PDF keep")
    with pytest.raises(JwjtInputError, match="one of the inputs"):
        write_report(fake_result(), str(src), inputs=[str(src)], language="zh")
    assert src.read_bytes() == b"%PDF keep"
