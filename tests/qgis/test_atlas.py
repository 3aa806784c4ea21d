"""The synergy atlas (图集) of the sample city as one PDF: pages, content, bad input, threads."""
import shutil
import subprocess
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtGui import QImage

from jwjt_plugin.adapters.layers import features_to_frame
from jwjt_plugin.atlas import template as T, texts
from jwjt_plugin.atlas.export import AtlasError, AtlasInputs, AtlasOptions, export_atlas
from jwjt_plugin.core.overlay import Cancelled
from jwjt_plugin.core.pipeline import resolve_mapping, run_synergy
from jwjt_plugin.core.readers.raster import read_raster_grid

pytestmark = pytest.mark.skipif(shutil.which("pdfinfo") is None or shutil.which("pdftoppm") is None,
                                reason="poppler-utils (pdfinfo, pdftoppm) not installed")

GRIDS = {"CO2": "co2_2020.tif", "NOx": "nox_2020.tif", "VOCs": "vocs_2020.tif"}
#: CO2, NOx, VOCs grids, top-k % cells, coincidence cells, units by class, synergy classes,
#: the concentration page and the notes page: the pages after the cover and the contents.
BODY_PAGES = 9
OVERVIEW_PAGES = 7


def front_pages(report) -> int:
    """Cover, contents and the body pages before the unit sheets."""
    return int(report.cover) + report.contents_pages + BODY_PAGES


# -- inputs --------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def units_frame(qgis_app, sample_city):
    """The sample units read as the dock reads them; the layer lives in the project only briefly."""
    project = QgsProject.instance()
    layer = QgsVectorLayer(f"{sample_city / 'units.gpkg'}|layername=control_units", "units", "ogr")
    assert layer.isValid()
    project.addMapLayer(layer)
    frame = features_to_frame(layer)
    project.removeMapLayer(layer.id())
    return frame


def analyse(frame, sample_city, species=("CO2", "NOx", "VOCs")):
    grids = {s: read_raster_grid(str(sample_city / GRIDS[s]), s) for s in species}
    mapping = resolve_mapping(frame)
    analysis, result = run_synergy(frame, grids, mapping=mapping)
    return AtlasInputs(analysis, result, frame, mapping)


@pytest.fixture(scope="module")
def sample_run(units_frame, sample_city):
    return analyse(units_frame, sample_city)


@pytest.fixture(scope="module")
def small_run(units_frame, sample_city):
    return analyse(units_frame.iloc[:8].copy(), sample_city)


# -- reading the PDF -----------------------------------------------------------------------------
def pdf_pages(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[1] for line in out.splitlines() if line.startswith("Pages:")))


def pdf_text(path, first=None, last=None) -> str:
    args = ["pdftotext"] + (["-f", str(first), "-l", str(last)] if first else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def flat(text: str) -> str:
    """Text comparable across line and page breaks: NFKC (full-width forms), no whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def page_images(path, tmp_path, pages=None, dpi=30):
    """PNGs of the given pages (1-based; all when None), in page order."""
    prefix = tmp_path / "page"
    if pages is None:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(path), str(prefix)], check=True)
    for p in pages or ():
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(p), "-l", str(p), str(path),
                        str(prefix)], check=True)
    return sorted(tmp_path.glob("page-*.png"), key=lambda f: int(f.stem.split("-")[1]))


def check_not_blank(images, numbers, report):
    front = front_pages(report)
    first_map = front - BODY_PAGES + 1
    for number, png in zip(numbers, images):
        arr = grey(png)
        assert arr.std() > 8 and ink(arr) > 0.01, f"page {number} looks blank"
        if first_map <= number < first_map + OVERVIEW_PAGES or number > front:   # maps have content
            box = mm(arr, 20, 45, 120, 125) if number > front else mm(arr, 20, 45, 190, 160)
            assert box.std() > 8, f"the map of page {number} is empty"


def grey(png) -> np.ndarray:
    img = QImage(str(png)).convertToFormat(QImage.Format.Format_Grayscale8)
    ptr = img.constBits()
    ptr.setsize(img.sizeInBytes())
    return np.frombuffer(ptr, np.uint8).reshape(img.height(), img.bytesPerLine())[:, :img.width()].copy()


def ink(arr) -> float:
    """Share of pixels that are not paper."""
    return float((arr < 200).mean())


def mm(arr, x0, y0, x1, y1, page_w=210.0):
    s = arr.shape[1] / page_w
    return arr[int(y0 * s):int(y1 * s), int(x0 * s):int(x1 * s)]


# -- the sample city ---------------------------------------------------------------------------
def test_all_units_atlas_has_a_sheet_per_unit_and_no_blank_page(sample_run, tmp_path):
    out = tmp_path / "atlas.pdf"
    report = export_atlas(sample_run, str(out), AtlasOptions(dpi=72))
    n_units = len(sample_run.result.units)
    assert report.cover and report.contents_pages >= 1
    assert report.front_pages == front_pages(report) and report.units == n_units == 242
    # The sample's access lists fit on their sheets: exactly one page per unit.
    assert report.continuation_pages == 0
    assert pdf_pages(out) == report.pages == report.front_pages + n_units
    assert not list(tmp_path.glob(".*partial"))

    # Rasterising 251 pages takes long: the front pages and every tenth unit sheet (the
    # flagged-only test below looks at all of its pages).
    front = report.front_pages
    numbers = list(range(1, front + 1)) + list(range(front + 1, report.pages + 1, 10)) + [report.pages]
    images = page_images(out, tmp_path, numbers)
    assert len(images) == len(numbers)
    check_not_blank(images, numbers, report)

    text = flat(pdf_text(out))
    for code in sample_run.result.units["UNIT"]:
        assert code in text
    assert flat(texts.page_label(report.pages, report.pages)) in text
    assert flat(texts.grid_title("VOCs")) in text and flat(texts.notes_title()) in text
    assert "示例市" in text                        # the title comes from the city field
    # The text layer says 水, 风, 示 (not the look-alike radicals Qt would write).
    assert not any(0x2E80 <= ord(ch) <= 0x2FDF for ch in pdf_text(out))


def test_flagged_only_atlas_in_a_background_task(sample_run, tmp_path, qtbot):
    from jwjt_plugin.atlas.task import start_atlas_task

    out = tmp_path / "flagged.pdf"
    done = []
    r = sample_run
    task = start_atlas_task(r.analysis, r.result, r.frame, r.mapping, str(out),
                            AtlasOptions(flagged_only=True, dpi=72), on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=120000)
    assert task.error is None and task.report is not None
    flagged = r.result.units.loc[r.result.units["SYN_FLAG"] == 1, "UNIT"].tolist()
    assert len(flagged) == 88
    front = task.report.front_pages
    assert front == front_pages(task.report)
    assert pdf_pages(out) == task.report.pages == front + len(flagged) + task.report.continuation_pages
    images = page_images(out, tmp_path)
    assert len(images) == task.report.pages
    check_not_blank(images, range(1, len(images) + 1), task.report)
    unit_pages = flat(pdf_text(out, front + 1, task.report.pages))
    assert all(code in unit_pages for code in flagged)
    not_flagged = r.result.units.loc[r.result.units["SYN_FLAG"] == 0, "UNIT"].tolist()
    assert not any(code in unit_pages for code in not_flagged)


# -- bad input ---------------------------------------------------------------------------------
def test_long_lists_continue_missing_grid_and_units_without_geometry_are_reported(units_frame, sample_city,
                                                                                 tmp_path):
    frame = units_frame.iloc[:6].copy()
    sentences = [f"第{i}条玺：新建项目须执行污染物排放总量与碳排放总量双控制度，ZH{i:04d}号区域环境质量持续改善。"
                 for i in range(90)]
    frame.loc[frame.index[2], "KJBJYS"] = "".join(sentences) + "（完）"
    no_geometry = frame.iloc[4]["HJZHGKDYBM"]
    frame.loc[frame.index[4], "geometry"] = None
    # Real layers sometimes repeat a code: each sheet still shows its own unit's list.
    frame.loc[frame.index[5], "HJZHGKDYBM"] = frame.iloc[1]["HJZHGKDYBM"]
    frame.loc[frame.index[5], "HJFXFK"] = "重复编码单元的风险防控要求。"
    inputs = analyse(frame, sample_city, species=("CO2", "NOx"))
    out = tmp_path / "odd.pdf"
    report = export_atlas(inputs, str(out), AtlasOptions(dpi=72))

    assert report.skipped_units == [no_geometry]
    assert report.units == 5 and report.continuation_pages >= 2
    assert pdf_pages(out) == report.pages == front_pages(report) + 5 + report.continuation_pages
    text = flat(pdf_text(out))
    # Nothing of the long list is lost: every sentence (its rare 玺 and its code) is printed.
    assert text.count("玺") == len(sentences)
    assert all(f"ZH{i:04d}号" in text for i in range(len(sentences))) and flat("（完）") in text
    assert flat(texts.continued(texts.dimension_labels()["spatial"])) in text
    assert text.count("重复编码单元的风险防控要求") == 1
    # The VOCs page is there, says why it shows the units only; the skipped unit is listed.
    assert flat(texts.grid_missing("VOCs")) in text
    notes = flat(pdf_text(out, report.front_pages, report.front_pages))
    assert flat(texts.tr("Units skipped (no geometry)")) in notes and no_geometry in notes
    for png in page_images(out, tmp_path):
        assert ink(grey(png)) > 0.01


def test_template_errors_are_reported_before_anything_is_written(small_run, tmp_path):
    out = tmp_path / "x.pdf"
    with pytest.raises(AtlasError, match="could not be read"):
        export_atlas(small_run, str(out), AtlasOptions(template=str(tmp_path / "missing.qpt")))

    # A template whose unit sheet lost its access list.
    text = Path(T.default_template_path()).read_text(encoding="utf-8")
    broken = tmp_path / "broken.qpt"
    broken.write_text(text.replace('id="unit_access"', 'id="something_else"'), encoding="utf-8")
    with pytest.raises(AtlasError, match="unit_access"):
        export_atlas(small_run, str(out), AtlasOptions(template=str(broken)))
    assert not out.exists() and not list(tmp_path.glob(".*partial"))


def test_cancel_leaves_no_file(small_run, tmp_path):
    class CancelHalfway:
        progress = 0.0

        def setProgress(self, value):  # noqa: N802
            self.progress = value

        def isCanceled(self):  # noqa: N802
            return self.progress > 50

    out = tmp_path / "cancelled.pdf"
    out.write_bytes(b"an earlier atlas")
    with pytest.raises(Cancelled):
        export_atlas(small_run, str(out), AtlasOptions(dpi=72), CancelHalfway())
    assert out.read_bytes() == b"an earlier atlas"
    assert not list(tmp_path.glob(".*partial"))


def test_user_template_with_a_cover_page(small_run, tmp_path):
    """A page without a role (a preface) is printed once, after the cover; roles are found by item id."""
    from qgis.core import QgsLayoutItemLabel, QgsLayoutItemPage, QgsLayoutPoint, QgsLayoutSize, QgsReadWriteContext

    project = QgsProject()
    layout = T.load_template(None, project)
    page = QgsLayoutItemPage(layout)
    page.setPageSize("A4")
    layout.pageCollection().insertPage(page, 0)
    label = QgsLayoutItemLabel(layout)
    label.setText("COVER [% @jwjt_atlas_title %]")
    layout.addLayoutItem(label)
    label.attemptResize(QgsLayoutSize(150, 20))
    label.attemptMove(QgsLayoutPoint(20, 100), page=0)
    qpt = tmp_path / "cover.qpt"
    assert layout.saveAsTemplate(str(qpt), QgsReadWriteContext())
    del layout

    out = tmp_path / "cover.pdf"
    report = export_atlas(small_run, str(out), AtlasOptions(template=str(qpt), title="测试图集", dpi=72))
    assert report.front_pages == front_pages(report) + 1
    assert pdf_pages(out) == report.pages
    assert "测试图集" in flat(pdf_text(out, 1, 1)) and "COVER测试图集" in flat(pdf_text(out, 2, 2))


def test_processing_algorithm_writes_the_atlas(units_frame, sample_city, tmp_path):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    from jwjt_plugin.processing.atlas_algorithm import SynergyAtlasAlgorithm

    units = tmp_path / "units.gpkg"
    units_frame.iloc[:30].drop(columns=["feature_id"]).to_file(units, layer="control_units", driver="GPKG")
    alg = SynergyAtlasAlgorithm().create()
    assert alg.name() == "synergyatlas"
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    out = tmp_path / "batch.pdf"
    params = {"UNITS": f"{units}|layername=control_units", "CO2": str(sample_city / GRIDS["CO2"]),
              "NOX": str(sample_city / GRIDS["NOx"]), "VOCS": str(sample_city / GRIDS["VOCs"]),
              "K": 5.0, "RULE": 0, "FLAGGED_ONLY": True, "TITLE": "批处理图集", "OUTPUT": str(out)}
    results, ok = alg.run(params, context, QgsProcessingFeedback())
    assert ok, results
    assert results["OUTPUT"] == str(out)
    assert pdf_pages(out) == results["PAGES"] >= BODY_PAGES + 2 + results["N_FLAGGED"]
    assert "批处理图集" in flat(pdf_text(out, 1, 1))


def test_text_layer_repair_changes_targets_only():
    from jwjt_plugin.atlas.pdf_text import fix_cmap, radical_table

    table = radical_table(T.FONT_FAMILY)
    if not table:
        pytest.skip(f"{T.FONT_FAMILY} is not installed")
    assert table.get(0x2F54) == ord("水") and table.get(0x2EDB) == ord("风")
    cmap = ("2 beginbfchar\n<2F54> <2F54>\n<0005> <2EDB>\nendbfchar\n"
            "2 beginbfrange\n<0001> <0002> [<2F70> <0041>]\n<2F54> <2F54> <2F54>\nendbfrange\n")
    fixed = fix_cmap(cmap, table)
    assert len(fixed) == len(cmap)
    assert fixed == ("2 beginbfchar\n<2F54> <6C34>\n<0005> <98CE>\nendbfchar\n"
                     "2 beginbfrange\n<0001> <0002> [<793A> <0041>]\n<2F54> <2F54> <6C34>\nendbfrange\n")
