"""The two layouts of an atlas, bound to its data, and the sequence of pages they print.

The template is loaded twice: the *front* layout keeps the cover, contents, overview,
concentration and notes pages (and any page of the user's own, such as a preface); the
*units* layout keeps the unit sheet and its continuation page and runs the QGIS atlas
over the units. The plan fixes every page's number before anything is painted, so the
contents page and the PDF bookmarks point to the right pages.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, List

from qgis.core import Qgis, QgsConditionalStyle, QgsLayoutItemPicture
from qgis.PyQt import sip
from qgis.PyQt.QtGui import QColor

from ..adapters.qt_compat import FieldType
from ..core.messages import QT_TRANSLATE_NOOP
from . import template as T, texts
from .binding import (
    HEIGHT_SAFETY_MM,
    LegendWrap,
    TableMetrics,
    bind_table,
    fit_height,
    fit_map_to_extent,
    set_legend,
    set_variables,
)
from .book_content import AtlasOptions, BookContent
from .content import Block, paginate, wrap_text
from .layers import AtlasData, add_rows, new_table_layer
from .pdf_outline import Bookmark
from .template import AtlasError

STRING, INT = FieldType.String, FieldType.Int
#: Rows of the unit tables belong to the atlas feature by its ORDER (unique, unlike codes,
#: which real layers sometimes repeat); the part says on which page of the unit they go.
UNIT_ROWS = "\"KEY\" = attribute(@atlas_feature, 'ORDER')"
FILTERS = {"metrics": UNIT_ROWS, "access": UNIT_ROWS + ' AND "PART" = 0',
           "continued": UNIT_ROWS + ' AND "PART" = @jwjt_part', "notes": '"PART" = @jwjt_part',
           "contents": '"PART" = @jwjt_part'}
FRONT_ROLES = ("cover", "contents", "overview", "concentration", "notes")


@dataclass
class Entry:
    """One line of the contents (and one PDF bookmark): ``job`` is the index of its page."""

    number: str
    title: str
    job: int
    level: int = 0
    closed: bool = False


@dataclass
class PageJob:
    layout: object
    page: int
    prepare: Callable[[], None]


class AtlasBook:
    def __init__(self, data: AtlasData, content: BookContent, options: AtlasOptions) -> None:
        self.data, self.content, self.options = data, content, options
        self.front = self.units = None
        self._atlas_running = False
        try:
            self._load(options.template or T.default_template_path())
            self._bind_front()
            self._bind_units()
        except BaseException:
            self.close()
            raise

    def _load(self, path: str) -> None:
        content = self.content
        self.front = T.load_template(path, self.data.project)
        self.units = T.load_template(path, self.data.project)
        T.keep_pages(self.front, FRONT_ROLES, extra=True)
        T.keep_pages(self.units, ("unit", "continued"))
        for layout in (self.front, self.units):
            T.fix_fonts(layout)
            layout.renderContext().setDpi(self.options.dpi)
            # Text stays text in the PDF: searchable unit codes and names.
            layout.renderContext().setTextRenderFormat(Qgis.TextRenderFormat.AlwaysText)
            set_variables(layout, {
                "jwjt_atlas_title": content.title, "jwjt_footer": f"{content.title}  ·  {content.today}  ·  JWJT",
                "jwjt_heading_metrics": texts.indicators_heading(), "jwjt_heading_access": texts.access_heading(),
                "jwjt_heading_access_continued": texts.access_continued_heading(),
                "jwjt_heading_table": texts.concentration_heading(), "jwjt_heading_locator": texts.locator_heading(),
                "jwjt_cover_kicker": texts.cover_kicker(),
                "jwjt_cover_subtitle": texts.cover_subtitle(content.place, len(content.result.units),
                                                            len(content.atlas_rows)),
                "jwjt_cover_organisation": texts.cover_organisation(self.options.organisation),
                "jwjt_cover_date": texts.cover_date(content.date_text),
                "jwjt_organisation": texts.organisation_text(self.options.organisation),
                "jwjt_date": content.date_text,
                "jwjt_page_title": "", "jwjt_page_subtitle": "", "jwjt_page_note": "", "jwjt_part": 0})
        self.roles = T.page_roles(self.front)
        self.unit_roles = T.page_roles(self.units)

    # -- front pages ---------------------------------------------------------------------------
    def _bind_front(self) -> None:
        data, content, layout = self.data, self.content, self.front
        conc = T.find_item(layout, T.CONCENTRATION_TABLE)
        if conc is not None:
            cols = ("SPECIES", "TOTAL", "TOP", "COINC", "UNITS_TOTAL")
            layer = data.add(new_table_layer("concentration", [(c, STRING) for c in cols]))
            add_rows(layer, content.concentration_rows())
            bind_table(conc, layer, dict(zip(cols, texts.concentration_headings(content.result.params.k_percent))))
        picture = T.find_item(layout, T.CURVE_PICTURE)
        if picture is not None and content.curve_path:
            picture.setPicturePath(content.curve_path, QgsLayoutItemPicture.Format.FormatSVG)
        self.notes_parts: List[list] = []
        notes = T.find_item(layout, T.NOTES_TABLE)
        if notes is not None:
            m = TableMetrics(layout, notes)
            item_w, detail_w = m.column_width("ITEM"), m.column_width("DETAIL")
            blocks = [Block(wrap_text(item, m.width, item_w), wrap_text(detail, m.width, detail_w))
                      for item, detail in content.notes(self.data.crs_name())]
            self.notes_parts = paginate(blocks, (m.capacity(), m.capacity()), m.header_height(), m.row_height)
            layer = data.add(new_table_layer("notes", [("PART", INT), ("SEQ", INT), ("ITEM", STRING),
                                                       ("DETAIL", STRING)]))
            add_rows(layer, [(part, i, "\n".join(r.label), "\n".join(r.lines))
                             for part, rows in enumerate(self.notes_parts) for i, r in enumerate(rows)])
            bind_table(notes, layer, dict(zip(("ITEM", "DETAIL"), texts.notes_headings())), FILTERS["notes"])
        self.contents_table = T.find_item(layout, T.CONTENTS_TABLE)
        self.contents_parts: List[list] = []
        self.overview_map = T.find_item(layout, T.OVERVIEW_MAP)
        self.overview_map.setCrs(data.crs)
        # The frame takes the proportions of the area, so the map has no empty bands.
        fit_map_to_extent(layout, self.overview_map, data.extent)
        self.overview_legend = T.find_item(layout, T.OVERVIEW_LEGEND)
        self.overview_wrap = (LegendWrap(layout, self.overview_legend, self.overview_legend.rect().width())
                              if self.overview_legend is not None else None)

    # -- unit sheets ---------------------------------------------------------------------------
    def _bind_units(self) -> None:
        data, layout = self.data, self.units
        umap = T.find_item(layout, T.UNIT_MAP)
        umap.setCrs(data.crs)
        umap.setKeepLayerSet(True)
        umap.setLayers(data.unit_map_layers)
        umap.setAtlasDriven(True)
        legend = T.find_item(layout, T.UNIT_LEGEND)
        if legend is not None:
            set_legend(legend, data.unit_legend, wrap=LegendWrap(layout, legend, legend.rect().width()))
        locator = T.find_item(layout, T.UNIT_LOCATOR)
        if locator is not None:
            locator.setCrs(data.crs)
            locator.setAtlasDriven(False)
            locator.setKeepLayerSet(True)
            locator.setLayers(data.locator_layers)
            locator.zoomToExtent(data.extent)
        self.metrics_table = T.find_item(layout, T.UNIT_METRICS)
        if self.metrics_table is not None:
            self._bind_metrics()
        self.access_table = T.find_item(layout, T.UNIT_ACCESS)
        self.cont_table = T.find_item(layout, T.CONT_ACCESS)
        self._bind_access()

        atlas = layout.atlas()
        atlas.setCoverageLayer(data.atlas_units)
        atlas.setEnabled(True)
        atlas.setHideCoverage(False)
        atlas.setFilterFeatures(self.options.flagged_only)
        atlas.setFilterExpression('"SYN_FLAG" = 1' if self.options.flagged_only else "")
        atlas.setSortFeatures(True)
        atlas.setSortAscending(True)
        atlas.setSortExpression('"ORDER"')
        atlas.setPageNameExpression('"UNIT"')

    def _bind_metrics(self) -> None:
        """Indicators in two label–value pairs per row; the table is sized to the tallest unit."""
        content, layout, table = self.content, self.units, self.metrics_table
        cols = ("LABEL_A", "VALUE_A", "LABEL_B", "VALUE_B")
        m = TableMetrics(layout, table)
        widths = [m.column_width(c) for c in cols]
        rows, tallest = [], 0.0
        for row in content.atlas_rows:
            items = content.metrics(row)
            items += [("", "")] * (len(items) % 2)
            height = m.header_height()
            for i in range(0, len(items), 2):
                cells = [wrap_text(text, m.width, w) for text, w in
                         zip((items[i][0], items[i][1], items[i + 1][0], items[i + 1][1]), widths)]
                height += m.row_height(max(len(c) for c in cells))
                rows.append([content.unit_rows[row]["ORDER"], i // 2] + ["\n".join(c) for c in cells])
            tallest = max(tallest, height)
        # The access list under the indicators gets whatever room they leave.
        fit_height(layout, T.first_frame(table), tallest + HEIGHT_SAFETY_MM + 0.5)
        layer = self.data.add(new_table_layer("metrics", [("KEY", INT), ("SEQ", INT)] +
                                              [(c, STRING) for c in cols]))
        add_rows(layer, rows)
        bind_table(table, layer, dict(zip(cols, texts.metrics_headings())), FILTERS["metrics"])

    def _bind_access(self) -> None:
        """The access lists, wrapped and split into the sheet's part and continuation parts."""
        content, layout, access, cont = self.content, self.units, self.access_table, self.cont_table
        if cont is not None:
            # Both tables show lines wrapped once, for the sheet's table: same columns and fonts.
            cont.setColumns(access.columns())
            cont.setContentTextFormat(access.contentTextFormat())
            cont.setHeaderTextFormat(access.headerTextFormat())
            cont.setCellMargin(access.cellMargin())
        m = TableMetrics(layout, access)
        capacities = (m.capacity(), TableMetrics(layout, cont).capacity() if cont is not None else m.capacity())
        dim_w, text_w = m.column_width("DIM"), m.column_width("TEXT")
        self.unit_parts: Dict[int, int] = {}
        rows = []
        for row in content.atlas_rows:
            blocks = content.access_blocks(row, lambda s: wrap_text(s, m.width, dim_w),
                                           lambda s: wrap_text(s, m.width, text_w))
            parts = paginate(blocks, capacities, m.header_height(), m.row_height)
            self.unit_parts[row] = len(parts)
            key = content.unit_rows[row]["ORDER"]
            rows += [(key, part, i, "\n".join(r.label), "\n".join(r.lines))
                     for part, part_rows in enumerate(parts) for i, r in enumerate(part_rows)]
        layer = self.data.add(new_table_layer("access", [("KEY", INT), ("PART", INT), ("SEQ", INT),
                                                         ("DIM", STRING), ("TEXT", STRING)]))
        add_rows(layer, rows)
        headings = dict(zip(("DIM", "TEXT"), texts.access_headings()))
        bind_table(access, layer, headings, FILTERS["access"])
        if cont is not None:
            bind_table(cont, layer, headings, FILTERS["continued"])

    # -- the page sequence ---------------------------------------------------------------------
    def plan(self) -> List[PageJob]:
        content = self.content
        jobs: List[PageJob] = []
        entries: List[Entry] = []
        if "cover" in self.roles:
            entries.append(Entry("", texts.cover_title(), len(jobs)))
            jobs.append(PageJob(self.front, self.roles["cover"], self._front_job(content.title, "", "")))
        for page in T.extra_pages(self.front):
            jobs.append(PageJob(self.front, page, self._front_job(content.title, "", "")))
        contents_at = len(jobs)
        body: List[Entry] = []          # job indices relative to the first page after the contents
        section = 0

        def start_section(title: str, job: int, closed: bool = False) -> None:
            nonlocal section
            section += 1
            body.append(Entry(str(section), title, job, 0, closed))

        rel: List[PageJob] = []
        start_section(texts.overview_section(), 0)
        for i, spec in enumerate(self.data.overview):
            body.append(Entry(f"{section}.{i + 1}", spec.title, len(rel), 1))
            rel.append(PageJob(self.front, self.roles["overview"], self._overview_job(spec)))
        if "concentration" in self.roles:
            start_section(texts.concentration_title(), len(rel))
            t = content.concentration_texts()
            rel.append(PageJob(self.front, self.roles["concentration"],
                               self._front_job(texts.concentration_title(), t["subtitle"], t["note"])))
        if "notes" in self.roles:
            start_section(texts.notes_title(), len(rel))
            rel += [PageJob(self.front, self.roles["notes"], self._notes_job(part))
                    for part in range(len(self.notes_parts))]
        n_front_body = len(rel)

        atlas = self.units.atlas()
        atlas.beginRender()
        self._atlas_running = True
        if atlas.count() != len(content.atlas_rows):
            raise AtlasError(QT_TRANSLATE_NOOP("JwjtCore", "The atlas found {n} units, not {expected}."),
                             n=atlas.count(), expected=len(content.atlas_rows))
        sheet = self.unit_roles["unit"]
        continued = self.unit_roles.get("continued", sheet)
        self.n_continued = 0
        if content.atlas_rows:
            start_section(texts.units_section(), len(rel), closed=True)
        for index, row in enumerate(content.atlas_rows):
            unit = content.unit_rows[row]
            body.append(Entry(f"{section}.{index + 1}", f"{unit['UNIT']}  {unit['NAME']}".strip(), len(rel), 1))
            rel.append(PageJob(self.units, sheet, self._unit_job(index, row)))
            for part in range(1, self.unit_parts[row]):
                rel.append(PageJob(self.units, continued, self._continued_job(part)))
                self.n_continued += 1

        n_contents = self.n_contents = self._bind_contents(body) if "contents" in self.roles else 0
        if n_contents:
            entries.append(Entry("", texts.contents_title(), contents_at))
            jobs += [PageJob(self.front, self.roles["contents"], self._contents_job(part))
                     for part in range(n_contents)]
        offset = len(jobs)
        self._fill_contents(body, offset)
        entries += [Entry(e.number, e.title, e.job + offset, e.level, e.closed) for e in body]
        jobs += rel
        self.n_front = offset + n_front_body
        self.n_units = len(content.atlas_rows)
        self.n_unit_pages = len(jobs) - self.n_front
        self.bookmarks = [Bookmark(f"{e.number} {e.title}".strip(), e.job, e.level, e.closed) for e in entries]
        return jobs

    # -- contents ------------------------------------------------------------------------------
    def _bind_contents(self, entries: List[Entry]) -> int:
        """Wrap and paginate the contents; returns how many pages it takes (its page
        numbers are filled in later, by :meth:`_fill_contents`, and take no more room)."""
        table = self.contents_table
        m = TableMetrics(self.front, table)
        no_w, title_w = m.column_width("NO"), m.column_width("TITLE")
        # Each block gets its own label lists: a row is the first of its entry when it holds
        # that entry's very list (a continued row holds the other one, and no page number).
        blocks = [Block(wrap_text(e.number, m.width, no_w),
                        wrap_text(("\u3000" if e.level else "") + e.title, m.width, title_w), [""]) for e in entries]
        self.contents_blocks = blocks
        self.contents_parts = paginate(blocks, (m.capacity(), m.capacity()), m.header_height(), m.row_height)
        return len(self.contents_parts)

    def _fill_contents(self, entries: List[Entry], offset: int) -> None:
        if not self.contents_parts:
            return
        layer = self.data.add(new_table_layer("contents", [("PART", INT), ("SEQ", INT), ("LEVEL", INT),
                                                           ("NO", STRING), ("TITLE", STRING), ("PAGE", STRING)]))
        rows, k = [], 0
        for part, part_rows in enumerate(self.contents_parts):
            for i, r in enumerate(part_rows):
                first = k < len(entries) and r.label is self.contents_blocks[k].label
                page = str(entries[k].job + offset + 1) if first else ""
                k += first
                rows.append((part, i, entries[k - 1].level if k else 0, "\n".join(r.label), "\n".join(r.lines),
                             page))
        add_rows(layer, rows)
        # Section lines on a light band (a conditional row style of the table's layer).
        section = QgsConditionalStyle('"LEVEL" = 0')
        section.setBackgroundColor(QColor("#f0f0f0"))
        layer.conditionalStyles().setRowStyles([section])
        self.contents_table.setUseConditionalStyling(True)
        bind_table(self.contents_table, layer, dict(zip(("NO", "TITLE", "PAGE"), texts.contents_headings())),
                   FILTERS["contents"])

    def _contents_job(self, part: int) -> Callable[[], None]:
        def prepare() -> None:
            title = texts.contents_title()
            set_variables(self.front, {"jwjt_page_title": title if part == 0 else texts.continued(title),
                                       "jwjt_page_subtitle": texts.contents_subtitle(), "jwjt_page_note": "",
                                       "jwjt_part": part})
            self.contents_table.refreshAttributes()
        return prepare

    def _front_job(self, title: str, subtitle: str, note: str) -> Callable[[], None]:
        return lambda: set_variables(self.front, {"jwjt_page_title": title, "jwjt_page_subtitle": subtitle,
                                                  "jwjt_page_note": note})

    def _overview_job(self, spec) -> Callable[[], None]:
        def prepare() -> None:
            m = self.overview_map
            m.setKeepLayerSet(True)
            m.setLayers(spec.layers)
            m.zoomToExtent(self.data.extent)
            if self.overview_legend is not None:
                set_legend(self.overview_legend, spec.legend, filter_by_map=True, wrap=self.overview_wrap)
            set_variables(self.front, {"jwjt_page_title": spec.title, "jwjt_page_subtitle": spec.subtitle,
                                       "jwjt_page_note": spec.note})
        return prepare

    def _notes_job(self, part: int) -> Callable[[], None]:
        def prepare() -> None:
            title = texts.notes_title()
            set_variables(self.front, {"jwjt_page_title": title if part == 0 else texts.continued(title),
                                       "jwjt_page_subtitle": texts.notes_subtitle(), "jwjt_page_note": "",
                                       "jwjt_part": part})
            T.find_item(self.front, T.NOTES_TABLE).refreshAttributes()
        return prepare

    def _unit_job(self, index: int, row: int) -> Callable[[], None]:
        def prepare() -> None:
            unit = self.content.unit_rows[row]
            # Moving to the feature refreshes every item, the tables with it (filtered on
            # the atlas feature and @jwjt_part, so the part is set first).
            set_variables(self.units, {"jwjt_part": 0})
            atlas = self.units.atlas()
            if not atlas.seekTo(index) or self.units.reportContext().feature()["ORDER"] != unit["ORDER"]:
                raise AtlasError(QT_TRANSLATE_NOOP("JwjtCore", "The atlas could not move to unit {unit}."),
                                 unit=unit["UNIT"])
        return prepare

    def _continued_job(self, part: int) -> Callable[[], None]:
        def prepare() -> None:
            set_variables(self.units, {"jwjt_part": part})
            (self.cont_table or self.access_table).refreshAttributes()
        return prepare

    def set_page_label(self, layout, page: int, total: int) -> None:
        set_variables(layout, {"jwjt_page_label": texts.page_label(page, total)})

    def close(self) -> None:
        """End the atlas and delete both layouts now (QObjects belong to the thread that made them)."""
        if self._atlas_running:
            self.units.atlas().endRender()
            self._atlas_running = False
        for attr in ("front", "units"):
            layout = getattr(self, attr, None)
            if layout is not None and not sip.isdeleted(layout):
                sip.delete(layout)
            setattr(self, attr, None)
        self.overview_map = self.overview_legend = self.contents_table = None
        self.access_table = self.cont_table = self.metrics_table = None
