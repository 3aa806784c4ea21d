"""The editable atlas template (.qpt): where it lives, the items the export fills in, loading.

A template has up to seven page designs, recognised by the ids of the items on them (so
users may reorder pages, move, resize and restyle items, add logos and text):

=================  ==========================================================================
page               items the export fills in (item ids)
=================  ==========================================================================
cover              cover_title (a label; the page is printed first)
contents           contents_table
overview map       overview_map, overview_legend (optional: overview_scalebar, overview_north)
concentration      curve_picture and/or concentration_table
notes              notes_table
unit sheet         unit_map, unit_access (optional: unit_legend, unit_metrics, unit_locator,
                   unit_scalebar, unit_north)
unit continued     unit_access_continued
=================  ==========================================================================

Only overview map and unit sheet are required: a template without a cover or contents
page prints none. Any other page (a preface, say) is printed once after the cover. Labels
print layout variables set by the export: ``@jwjt_atlas_title``, ``@jwjt_page_title``,
``@jwjt_page_subtitle``, ``@jwjt_page_note``, ``@jwjt_footer``, ``@jwjt_page_label``,
``@jwjt_heading_metrics``, ``@jwjt_heading_access``, ``@jwjt_heading_access_continued``,
``@jwjt_heading_table``, ``@jwjt_heading_locator``, ``@jwjt_cover_kicker``,
``@jwjt_cover_subtitle``, ``@jwjt_cover_organisation``, ``@jwjt_cover_date``,
``@jwjt_organisation``, ``@jwjt_date``; unit pages also print fields of the atlas feature
(``UNIT``, ``NAME``, ``SUBTITLE``).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsLayoutFrame,
    QgsLayoutItem,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemPage,
    QgsLayoutItemScaleBar,
    QgsLayoutTable,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsReadWriteContext,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtGui import QFont, QFontDatabase
from qgis.PyQt.QtXml import QDomDocument

from ..adapters.qt_compat import label_text_format, legend_text_format, set_label_text_format, set_legend_text_format
from ..core.messages import QT_TRANSLATE_NOOP, JwjtError
from ..paths import resources_dir

TEMPLATE_FILE = "jwjt_atlas.qpt"

OVERVIEW_MAP, OVERVIEW_LEGEND = "overview_map", "overview_legend"
OVERVIEW_SCALEBAR, OVERVIEW_NORTH = "overview_scalebar", "overview_north"
CURVE_PICTURE, CONCENTRATION_TABLE = "curve_picture", "concentration_table"
NOTES_TABLE = "notes_table"
UNIT_MAP, UNIT_LEGEND, UNIT_METRICS, UNIT_ACCESS = "unit_map", "unit_legend", "unit_metrics", "unit_access"
UNIT_SCALEBAR, UNIT_NORTH = "unit_scalebar", "unit_north"
CONT_ACCESS = "unit_access_continued"
UNIT_LOCATOR = "unit_locator"
COVER_TITLE, CONTENTS_TABLE = "cover_title", "contents_table"

#: page role -> item ids that mark a page as having that role (any one of them)
ROLE_MARKERS = {
    "cover": (COVER_TITLE,),
    "contents": (CONTENTS_TABLE,),
    "overview": (OVERVIEW_MAP,),
    "concentration": (CURVE_PICTURE, CONCENTRATION_TABLE),
    "notes": (NOTES_TABLE,),
    "unit": (UNIT_MAP,),
    "continued": (CONT_ACCESS,),
}
REQUIRED_ITEMS = (OVERVIEW_MAP, UNIT_MAP, UNIT_ACCESS)

#: Preferred font (Debian: fonts-noto-cjk) and stand-ins for systems without it.
FONT_FAMILY = "Noto Sans CJK SC"
CJK_FALLBACKS = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimHei",
                 "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Serif CJK SC", "SimSun")


class AtlasError(JwjtError):
    """A problem with the atlas inputs or template (a core Message, translated by the front end)."""


def default_template_path() -> str:
    return str(resources_dir() / "atlas" / TEMPLATE_FILE)


def load_template(path: Optional[str], project) -> QgsPrintLayout:
    """A new print layout of ``project`` made from the template at ``path`` (default: ours)."""
    path = path or default_template_path()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AtlasError(QT_TRANSLATE_NOOP("JwjtCore", "The atlas template '{path}' could not be read."),
                         path=path) from exc
    doc = QDomDocument()
    if not doc.setContent(text):
        raise AtlasError(QT_TRANSLATE_NOOP("JwjtCore", "The atlas template '{path}' is not a QGIS layout template."),
                         path=path)
    layout = QgsPrintLayout(project)
    _items, ok = layout.loadFromTemplate(doc, QgsReadWriteContext())
    problem = None
    if not ok or layout.pageCollection().pageCount() == 0:
        problem = AtlasError(QT_TRANSLATE_NOOP("JwjtCore", "The atlas template '{path}' is not a QGIS layout template."),
                             path=path)
    else:
        missing = [item_id for item_id in REQUIRED_ITEMS if find_item(layout, item_id) is None]
        if missing:
            problem = AtlasError(QT_TRANSLATE_NOOP(
                "JwjtCore", "The atlas template '{path}' has no item with the id '{id}' (see "
                            "resources/atlas/README.md for the items the atlas fills in)."), path=path, id=missing[0])
    if problem:
        sip.delete(layout)      # now, in this thread; not whenever the traceback is collected
        raise problem
    return layout


@dataclass(frozen=True)
class MapViews:
    """How a template's unit map frames each unit, read before the grids are cropped."""

    mode: str = "auto"                      # "auto" (fit + margin), "fixed", or "predefined"
    aspect: float = 1.0                     # frame width / height
    margin: float = 0.0
    size: Tuple[float, float] = (0.0, 0.0)  # the template's extent (fixed scale)

    def unit_extent(self, bounds) -> Optional[object]:
        """Extents (n × 4) the unit map shows for units with these bounds; None: unknown
        (predefined scales come from the project), so the grids are not cropped tightly."""
        from .content import atlas_extents, fixed_extents

        if self.mode == "auto":
            # Twice the margin: QGIS's fit may differ slightly between versions; a wider
            # crop costs nothing, a narrower one shows as a white band.
            return atlas_extents(bounds, self.aspect, 2 * self.margin + 0.05)
        if self.mode == "fixed" and self.size[0] > 0 and self.size[1] > 0:
            return fixed_extents(bounds, self.size[0] * 1.05, self.size[1] * 1.05)
        return None


def map_views(path: Optional[str]) -> MapViews:
    """The unit map's framing in the template at ``path`` (loaded once, then deleted)."""
    from qgis.core import QgsLayoutItemMap, QgsProject

    project = QgsProject()
    try:
        layout = load_template(path, project)
        try:
            m = find_item(layout, UNIT_MAP)
            rect = m.rect()
            aspect = rect.width() / rect.height() if rect.height() > 0 else 1.0
            mode = {QgsLayoutItemMap.AtlasScalingMode.Auto: "auto",
                    QgsLayoutItemMap.AtlasScalingMode.Fixed: "fixed"}.get(m.atlasScalingMode(), "predefined")
            extent = m.extent()
            return MapViews(mode, aspect, float(m.atlasMargin()), (extent.width(), extent.height()))
        finally:
            sip.delete(layout)
    finally:
        sip.delete(project)


def find_item(layout, item_id: str):
    """The item with this id; for a table frame, the table (the multi-frame) itself."""
    item = layout.itemById(item_id)
    if isinstance(item, QgsLayoutFrame):
        return item.multiFrame()
    return item


def first_frame(table):
    return table.frames()[0] if table is not None and table.frames() else None


def page_roles(layout) -> Dict[str, int]:
    """Role -> page index, from the items found on each page."""
    roles: Dict[str, int] = {}
    for role, markers in ROLE_MARKERS.items():
        for item_id in markers:
            item = layout.itemById(item_id)
            if item is not None and role not in roles:
                roles[role] = item.page()
    return roles


def extra_pages(layout) -> List[int]:
    """Pages with no role (a cover or a preface of the user's): printed once at the start."""
    used = set(page_roles(layout).values())
    return [i for i in range(layout.pageCollection().pageCount()) if i not in used]


def keep_pages(layout, roles: Sequence[str], extra: bool = False) -> None:
    """Remove every page (and its items) except those with the given roles and, if
    ``extra``, the pages without a role. Each export loads the template twice, once for
    the front pages and once for the unit sheets; items left on pages a layout never
    prints would still be refreshed for every atlas feature."""
    found = page_roles(layout)
    keep = {found[r] for r in roles if r in found}
    if extra:
        keep.update(extra_pages(layout))
    drop = [i for i in range(layout.pageCollection().pageCount()) if i not in keep]
    if not drop:
        return
    tables = set()
    for item in list(layout.items()):
        if not isinstance(item, QgsLayoutItem) or isinstance(item, QgsLayoutItemPage):
            continue
        if item.page() in drop:
            if isinstance(item, QgsLayoutFrame):
                tables.add(item.multiFrame())
            layout.removeLayoutItem(item)
    for i in sorted(drop, reverse=True):
        layout.pageCollection().deletePage(i)
    # Removed items are deleted later by the event loop, which a worker thread lacks.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for table in tables:
        if table is not None and not table.frames():
            layout.removeMultiFrame(table)


def cjk_family() -> Optional[str]:
    families = set(QFontDatabase().families())
    return next((f for f in CJK_FALLBACKS if f in families), None)


def fix_fonts(layout) -> None:
    """Make every text of the layout print Chinese properly and stay searchable.

    Fonts the system lacks would print Chinese as boxes: they are swapped for an
    installed CJK font. And Qt's PDF writer loses the text of digits that follow Latin
    letters (unit codes, "CO2") when it shapes them with a CJK OpenType font; without
    shaping, which neither Latin nor Chinese needs, the PDF text is complete.
    """
    families = set(QFontDatabase().families())
    stand_in = cjk_family()

    def fixed(fmt):
        font = fmt.font()
        if stand_in is not None and font.family() not in families:
            font.setFamily(stand_in)
        font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
        fmt.setFont(font)
        return fmt

    for item in layout.items():
        if isinstance(item, QgsLayoutItemLabel):
            set_label_text_format(item, fixed(label_text_format(item)))
        elif isinstance(item, QgsLayoutItemLegend):
            for style in (QgsLegendStyle.Style.Title, QgsLegendStyle.Style.Group, QgsLegendStyle.Style.Subgroup,
                          QgsLegendStyle.Style.SymbolLabel):
                set_legend_text_format(item, style, fixed(legend_text_format(item, style)))
        elif isinstance(item, QgsLayoutItemScaleBar):
            item.setTextFormat(fixed(item.textFormat()))
    for mf in layout.multiFrames():
        if isinstance(mf, QgsLayoutTable):
            mf.setContentTextFormat(fixed(mf.contentTextFormat()))
            mf.setHeaderTextFormat(fixed(mf.headerTextFormat()))
