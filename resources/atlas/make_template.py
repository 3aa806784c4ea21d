"""Writes jwjt_atlas.qpt, the default atlas template, from code (run with QGIS's Python):

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/atlas/make_template.py

The template is meant to be edited in the QGIS layout designer (Project > New Print
Layout, then Add Items from Template); README.md lists the item ids the export fills in.
All texts are layout variables or atlas fields, so the template itself is language-free;
the values given to the variables here only show what goes where in the designer.
"""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsExpressionContextUtils,
    QgsFillSymbol,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemMapOverview,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutMeasurement,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutTableStyle,
    QgsLegendStyle,
    QgsPathResolver,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsScaleBarSettings,
    QgsSymbolLayerUtils,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt  # noqa: E402
from qgis.PyQt.QtGui import QColor, QFont  # noqa: E402

from jwjt_plugin.adapters.qt_compat import set_label_text_format, set_legend_text_format  # noqa: E402
from jwjt_plugin.atlas import template as T  # noqa: E402

A4_W, A4_H = 210.0, 297.0
LEFT, WIDTH = 10.0, 190.0
INK, GREY, ACCENT = "#202020", "#6b6b6b", "#8c1d18"
GRID = "#a0a0a0"
ALIGN_L, ALIGN_R = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight


def font(size, bold=False):
    f = QFont(T.FONT_FAMILY)
    f.setPointSizeF(size)
    f.setBold(bold)
    return f


def text_format(size, bold=False, colour=INK):
    fmt = QgsTextFormat()
    fmt.setFont(font(size, bold))
    fmt.setSize(size)
    fmt.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    fmt.setColor(QColor(colour))
    return fmt


def place(item, page, x, y, w, h):
    item.attemptResize(QgsLayoutSize(w, h))
    item.attemptMove(QgsLayoutPoint(x, y), page=page)


def label(layout, page, text, x, y, w, h, size=9, bold=False, colour=INK, halign=ALIGN_L,
          valign=Qt.AlignmentFlag.AlignTop, item_id=""):
    item = QgsLayoutItemLabel(layout)
    item.setText(text)
    set_label_text_format(item, text_format(size, bold, colour))
    item.setHAlign(halign)
    item.setVAlign(valign)
    item.setMargin(0)
    if item_id:
        item.setId(item_id)
    layout.addLayoutItem(item)
    place(item, page, x, y, w, h)
    return item


def rule(layout, page, y):
    shape = QgsLayoutItemShape(layout)
    shape.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
    shape.setSymbol(QgsFillSymbol.createSimple({"color": ACCENT, "outline_style": "no"}))
    layout.addLayoutItem(shape)
    place(shape, page, LEFT, y, WIDTH, 0.5)


def header(layout, page, title, subtitle):
    label(layout, page, "[% @jwjt_atlas_title %]", LEFT, 6, WIDTH, 5, size=7.5, colour=GREY)
    label(layout, page, title, LEFT, 12, WIDTH, 8, size=14, bold=True)
    label(layout, page, subtitle, LEFT, 21, WIDTH, 8, size=8.5, colour="#333333")
    rule(layout, page, 29.5)


def footer(layout, page):
    label(layout, page, "[% @jwjt_footer %]", LEFT, 287, 140, 5, size=7, colour=GREY)
    label(layout, page, "[% @jwjt_page_label %]", 150, 287, 50, 5, size=7.5, colour=GREY, halign=ALIGN_R)


def map_item(layout, page, item_id, x, y, w, h):
    m = QgsLayoutItemMap(layout)
    m.setId(item_id)
    m.setFrameEnabled(True)
    m.setFrameStrokeWidth(QgsLayoutMeasurement(0.3))
    m.setFrameStrokeColor(QColor("#404040"))
    m.setBackgroundColor(QColor("#ffffff"))
    m.setKeepLayerSet(True)
    layout.addLayoutItem(m)
    place(m, page, x, y, w, h)
    # A map without an extent resizes to NaN: give it one of the frame's proportions.
    m.zoomToExtent(QgsRectangle(0, 0, w * 1000, h * 1000))
    place(m, page, x, y, w, h)
    return m


def legend(layout, page, item_id, linked, x, y, w, h):
    lg = QgsLayoutItemLegend(layout)
    lg.setId(item_id)
    lg.setLinkedMap(linked)
    lg.setAutoUpdateModel(False)
    lg.model().rootGroup().removeAllChildren()
    lg.setTitle("")
    for style, size, bold in ((QgsLegendStyle.Style.Title, 9, True), (QgsLegendStyle.Style.Group, 8.5, True),
                              (QgsLegendStyle.Style.Subgroup, 8.5, True), (QgsLegendStyle.Style.SymbolLabel, 8, False)):
        set_legend_text_format(lg, style, text_format(size, bold))
    lg.setStyleMargin(QgsLegendStyle.Style.Subgroup, QgsLegendStyle.Side.Top, 2.5)
    lg.setSymbolWidth(6)
    lg.setSymbolHeight(3.6)
    lg.setWrapString("\n")
    lg.setResizeToContents(True)
    lg.setBackgroundEnabled(True)
    lg.setBackgroundColor(QColor(255, 255, 255, 230))
    layout.addLayoutItem(lg)
    place(lg, page, x, y, w, h)
    return lg


def scalebar(layout, page, item_id, linked, x, y):
    sb = QgsLayoutItemScaleBar(layout)
    sb.setId(item_id)
    sb.setStyle("Single Box")
    sb.setLinkedMap(linked)
    sb.setUnits(QgsUnitTypes.DistanceUnit.DistanceKilometers)
    sb.setUnitLabel("km")
    sb.setNumberOfSegments(2)
    sb.setNumberOfSegmentsLeft(0)
    sb.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFitWidth)
    sb.setMinimumBarWidth(18)
    sb.setMaximumBarWidth(40)
    sb.setHeight(1.6)
    sb.setTextFormat(text_format(7))
    sb.setBackgroundEnabled(True)
    sb.setBackgroundColor(QColor(255, 255, 255, 210))
    layout.addLayoutItem(sb)
    sb.attemptMove(QgsLayoutPoint(x, y), page=page)
    sb.update()
    return sb


def north_arrow(layout, page, item_id, linked, x, y, w=8, h=12):
    pic = QgsLayoutItemPicture(layout)
    pic.setId(item_id)
    pic.setPicturePath(QgsSymbolLayerUtils.svgSymbolNameToPath("arrows/NorthArrow_02.svg", QgsPathResolver()))
    pic.setLinkedMap(linked)
    pic.setNorthMode(QgsLayoutItemPicture.NorthMode.GridNorth)
    pic.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    pic.setBackgroundEnabled(False)
    layout.addLayoutItem(pic)
    place(pic, page, x, y, w, h)
    return pic


def table(layout, page, item_id, columns, x, y, w, h, headers=True, size=8, first_column_shade=False,
          filter_expression=""):
    t = QgsLayoutItemAttributeTable.create(layout)
    cols = []
    for attr, width, align in columns:
        c = QgsLayoutTableColumn(attr)
        c.setAttribute(attr)
        c.setWidth(width)
        c.setHAlignment(align)
        c.setVAlignment(Qt.AlignmentFlag.AlignTop)
        cols.append(c)
    t.setColumns(cols)
    t.setContentTextFormat(text_format(size))
    t.setHeaderTextFormat(text_format(size, True))
    t.setHeaderMode(QgsLayoutTable.HeaderMode.AllFrames if headers else QgsLayoutTable.HeaderMode.NoHeaders)
    t.setHeaderHAlignment(QgsLayoutTable.HeaderHAlignment.FollowColumn)
    t.setCellMargin(0.9)
    t.setGridStrokeWidth(0.2)
    t.setGridColor(QColor(GRID))
    t.setShowGrid(True)
    t.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    t.setEmptyTableBehavior(QgsLayoutTable.EmptyTableMode.HideTable)
    t.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
    t.setMaximumNumberOfFeatures(100000)
    if filter_expression:
        t.setFilterFeatures(True)
        t.setFeatureFilter(filter_expression)
    shade = QgsLayoutTableStyle()
    shade.enabled = True
    shade.cellBackgroundColor = QColor("#ececec")
    t.setCellStyle(QgsLayoutTable.CellStyleGroup.HeaderRow, shade)
    if first_column_shade:
        first = QgsLayoutTableStyle()
        first.enabled = True
        first.cellBackgroundColor = QColor("#f6f6f6")
        t.setCellStyle(QgsLayoutTable.CellStyleGroup.FirstColumn, first)
    frame = QgsLayoutFrame(layout, t)
    frame.setId(item_id)
    t.addFrame(frame)
    layout.addMultiFrame(t)
    place(frame, page, x, y, w, h)
    return t


def build(project):
    layout = QgsPrintLayout(project)
    layout.setName("JWJT synergy atlas")
    pages = layout.pageCollection()
    for _ in range(7):
        page = QgsLayoutItemPage(layout)
        page.setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
        pages.addPage(page)

    # 0 — cover
    cover = 0
    band = QgsLayoutItemShape(layout)
    band.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
    band.setSymbol(QgsFillSymbol.createSimple({"color": ACCENT, "outline_style": "no"}))
    layout.addLayoutItem(band)
    place(band, cover, 0, 62, A4_W, 2.2)
    label(layout, cover, "[% @jwjt_cover_kicker %]", LEFT + 10, 48, WIDTH - 20, 10, size=12, colour=GREY)
    label(layout, cover, "[% @jwjt_atlas_title %]", LEFT + 10, 76, WIDTH - 20, 44, size=26, bold=True,
          item_id=T.COVER_TITLE)
    label(layout, cover, "[% @jwjt_cover_subtitle %]", LEFT + 10, 124, WIDTH - 20, 30, size=13, colour="#333333")
    rule(layout, cover, 226)
    label(layout, cover, "[% @jwjt_cover_organisation %]", LEFT + 10, 232, WIDTH - 20, 16, size=13)
    label(layout, cover, "[% @jwjt_cover_date %]", LEFT + 10, 250, WIDTH - 20, 10, size=13)

    # 1 — contents (printed again for each part of a long list)
    header(layout, 1, "[% @jwjt_page_title %]", "[% @jwjt_page_subtitle %]")
    table(layout, 1, T.CONTENTS_TABLE, [("NO", 16, ALIGN_L), ("TITLE", 148, ALIGN_L), ("PAGE", 21.8, ALIGN_R)],
          LEFT, 33, WIDTH, 250, size=8, filter_expression='"PART" = @jwjt_part')
    footer(layout, 1)

    # 2 — overview map (filled once per overview map)
    header(layout, 2, "[% @jwjt_page_title %]", "[% @jwjt_page_subtitle %]")
    m = map_item(layout, 2, T.OVERVIEW_MAP, LEFT, 32, WIDTH, 192)
    legend(layout, 2, T.OVERVIEW_LEGEND, m, LEFT, 228, 120, 52)
    label(layout, 2, "[% @jwjt_page_note %]", 136, 228, 64, 52, size=8.5, colour=ACCENT)
    scalebar(layout, 2, T.OVERVIEW_SCALEBAR, m, LEFT + 3, 214)
    north_arrow(layout, 2, T.OVERVIEW_NORTH, m, LEFT + WIDTH - 11, 35)
    footer(layout, 2)

    # 3 — concentration curve and table
    header(layout, 3, "[% @jwjt_page_title %]", "[% @jwjt_page_subtitle %]")
    pic = QgsLayoutItemPicture(layout)
    pic.setId(T.CURVE_PICTURE)
    pic.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    layout.addLayoutItem(pic)
    place(pic, 3, LEFT, 33, WIDTH, 124)
    label(layout, 3, "[% @jwjt_heading_table %]", LEFT, 162, WIDTH, 6, size=10, bold=True)
    table(layout, 3, T.CONCENTRATION_TABLE,
          [("SPECIES", 22, ALIGN_L), ("TOTAL", 40, ALIGN_R), ("TOP", 39, ALIGN_R),
           ("COINC", 39, ALIGN_R), ("UNITS_TOTAL", 39.8, ALIGN_R)], LEFT, 169, WIDTH, 32)
    label(layout, 3, "[% @jwjt_page_note %]", LEFT, 204, WIDTH, 40, size=9)
    footer(layout, 3)

    # 4 — notes and parameters (printed again for each part of a long list)
    header(layout, 4, "[% @jwjt_page_title %]", "[% @jwjt_page_subtitle %]")
    table(layout, 4, T.NOTES_TABLE, [("ITEM", 42, ALIGN_L), ("DETAIL", 143.8, ALIGN_L)],
          LEFT, 33, WIDTH, 250, first_column_shade=True, filter_expression='"PART" = @jwjt_part')
    footer(layout, 4)

    # 5 — unit sheet (one per atlas feature)
    unit_title = "[% attribute(@atlas_feature, 'UNIT') %]  [% attribute(@atlas_feature, 'NAME') %]"
    unit_subtitle = "[% attribute(@atlas_feature, 'SUBTITLE') %]"
    header(layout, 5, unit_title, unit_subtitle)
    um = map_item(layout, 5, T.UNIT_MAP, LEFT, 32, 125, 106)
    um.setAtlasDriven(True)
    um.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    um.setAtlasMargin(0.2)
    legend(layout, 5, T.UNIT_LEGEND, um, 139, 32, 61, 62)
    # The locator: the whole area, the unit filled, the sheet map's extent as a frame.
    loc = map_item(layout, 5, T.UNIT_LOCATOR, 139, 97, 61, 41)
    overview = QgsLayoutItemMapOverview("extent", loc)
    overview.setLinkedMap(um)
    overview.setFrameSymbol(QgsFillSymbol.createSimple({"style": "no", "outline_color": ACCENT,
                                                        "outline_width": "0.35"}))
    loc.overviews().addOverview(overview)
    label(layout, 5, "[% @jwjt_heading_locator %]", 140.2, 98, 40, 4, size=6.5, colour=GREY)
    scalebar(layout, 5, T.UNIT_SCALEBAR, um, LEFT + 2.5, 128)
    north_arrow(layout, 5, T.UNIT_NORTH, um, LEFT + 125 - 9.5, 34.5, 7, 10.5)
    label(layout, 5, "[% @jwjt_heading_metrics %]", LEFT, 141, WIDTH, 6, size=10, bold=True)
    table(layout, 5, T.UNIT_METRICS,
          [("LABEL_A", 55, ALIGN_L), ("VALUE_A", 35.9, ALIGN_R),
           ("LABEL_B", 55, ALIGN_L), ("VALUE_B", 35.9, ALIGN_R)],
          LEFT, 148, WIDTH, 50, headers=False, size=7.5,
          filter_expression="\"KEY\" = attribute(@atlas_feature, 'ORDER')")
    label(layout, 5, "[% @jwjt_heading_access %]", LEFT, 201, WIDTH, 6, size=10, bold=True)
    table(layout, 5, T.UNIT_ACCESS, [("DIM", 34, ALIGN_L), ("TEXT", 151.8, ALIGN_L)],
          LEFT, 208, WIDTH, 76, first_column_shade=True,
          filter_expression="\"KEY\" = attribute(@atlas_feature, 'ORDER') AND \"PART\" = 0")
    footer(layout, 5)

    # 6 — unit sheet continued (only when the access list does not fit on the sheet)
    header(layout, 6, unit_title, unit_subtitle)
    label(layout, 6, "[% @jwjt_heading_access_continued %]", LEFT, 33, WIDTH, 6, size=10, bold=True)
    table(layout, 6, T.CONT_ACCESS, [("DIM", 34, ALIGN_L), ("TEXT", 151.8, ALIGN_L)],
          LEFT, 40, WIDTH, 244, first_column_shade=True,
          filter_expression="\"KEY\" = attribute(@atlas_feature, 'ORDER') AND \"PART\" = @jwjt_part")
    footer(layout, 6)

    # Placeholder values, shown only while the template is edited in the designer.
    placeholders = {
        "jwjt_atlas_title": "[atlas title]", "jwjt_page_title": "[page title]",
        "jwjt_page_subtitle": "[page subtitle]", "jwjt_page_note": "[note]", "jwjt_footer": "[footer]",
        "jwjt_page_label": "[page x of n]", "jwjt_heading_metrics": "[indicators]",
        "jwjt_heading_access": "[environmental access list]",
        "jwjt_heading_access_continued": "[environmental access list, continued]",
        "jwjt_heading_table": "[concentration table]", "jwjt_heading_locator": "[location]", "jwjt_part": 0,
        "jwjt_cover_kicker": "[kind of atlas]", "jwjt_cover_subtitle": "[province, city · units]",
        "jwjt_cover_organisation": "[prepared by]", "jwjt_cover_date": "[date]",
    }
    QgsExpressionContextUtils.setLayoutVariables(layout, placeholders)
    return layout


def main():
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject()
    layout = build(project)
    out = HERE / T.TEMPLATE_FILE
    ok = layout.saveAsTemplate(str(out), QgsReadWriteContext())
    print(("wrote " if ok else "FAILED to write ") + str(out))
    del layout
    app.exitQgis()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
