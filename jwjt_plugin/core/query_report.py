"""The site access query as a numbered, dated, self-contained HTML report, and its site map as data.

UTF-8, inline CSS, no scripts, images or links to fetch: the file opens the same in a
browser, in an e-mail and in QTextDocument (which turns it into the PDF). Labels are
English templates passed through ``translate`` (the QGIS side gives its translator);
unit names and requirement text stay as the data holds them; fields are named by their
dimension (空间布局约束 …), classes by their names (重点管控单元), never by field names or codes.

Every report carries a query number ``JWJT-YYYYMMDD-NNN`` and its date. NNN is the caller's
serial when given, else derived from what was asked (site, industry, kind, units touched), so
the same query on the same day always has the same number and the same bytes.

The site map is the one picture of the report: :func:`site_map` gives it as data (the units,
the control-line features and the site, in the query's CRS, with their colours); the PDF
writer (adapters/report_pdf.py) draws it where the HTML has :data:`MAP_MARKER`.
"""
from __future__ import annotations

import datetime
import hashlib
import html
import re
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Tuple

from .access_query import (
    DIMENSION_LABELS,
    DIMENSION_LABELS_ZH,
    PLAN_KINDS,
    PLAN_LABELS,
    PLAN_LABELS_ZH,
    SITE_POINT,
    VERDICT_FAIL,
    VERDICT_LABELS,
    VERDICT_LABELS_ZH,
    VERDICT_RESTRICTED,
    QueryResult,
)
from .fields import ACCESS_DIMENSIONS, UNIT_CLASSES
from .industries import PROJECT_KIND_LABELS
from .messages import QT_TRANSLATE_NOOP, JwjtInputError, render
from .requirement_scope import MODALITY_LABELS, Modality
from .terms import UNIT_CLASS_COLOURS, VERDICT_COLOURS, join_zh

#: Where the PDF writer puts the site map (an HTML comment: the HTML report itself stays image-free).
MAP_MARKER = "<!--JWJT-SITE-MAP-->"
MAP_END = "<!--/JWJT-SITE-MAP-->"
#: Colours of the control lines on the site map (fill, outline).
PLAN_MAP_COLOURS = {PLAN_KINDS[0]: ("#1a985055", "#006837"), PLAN_KINDS[1]: ("#fdd83555", "#b8860b"),
                    PLAN_KINDS[2]: ("#00000000", "#6a3d9a")}
SITE_COLOUR = "#1f3b73"

Translate = Callable[[str], str]

#: verdict -> (text colour, background, border): core/terms.py VERDICT_COLOURS

CSS = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
       font-size: 9pt; color: #1f2937; margin: 0; }
h1 { font-size: 15pt; margin: 0 0 4pt 0; }
h2 { font-size: 11pt; margin: 10pt 0 3pt 0; color: #111827; border-bottom: 1px solid #9ca3af; }
h3 { font-size: 9.5pt; margin: 6pt 0 2pt 0; }
table { border-collapse: collapse; width: 100%; }
th { background-color: #e5e7eb; text-align: left; font-weight: bold; }
th, td { border: 1px solid #9ca3af; padding: 2pt 4pt; vertical-align: top; }
td.num { text-align: right; white-space: nowrap; }
.meta td { border: none; padding: 1pt 6pt 1pt 0; }
.verdict { font-size: 16pt; font-weight: bold; padding: 6pt 10pt; }
.reasons li { margin-bottom: 2pt; }
.cite { background-color: #fef9c3; }
.forbidden { background-color: #fecaca; }
.restricted { background-color: #fde68a; }
.muted { color: #6b7280; }
.req td.dim { width: 22%; font-weight: bold; }
"""

_TABLE = '<table width="100%" cellspacing="0" cellpadding="3">'
_SPLIT_KEEP = re.compile(r"([。；;！!\n\r]+)")


def _esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _identity(text: str) -> str:
    return text


def _both(translate: Translate, label: str, zh: str) -> str:
    """A translated label, followed by the Chinese term unless the translation is Chinese."""
    return join_zh(translate(label), zh, "{text}（{zh}）")


def _fmt_area(m2: Optional[float]) -> str:
    return "—" if m2 is None else f"{m2:,.0f}"


def _fmt_share(s: Optional[float]) -> str:
    return "—" if s is None else f"{100 * s:.1f} %"


def _emphasise(sentence: str, words: Tuple[str, ...]) -> str:
    """Escape ``sentence`` and bold each of ``words`` in it (longest first, no overlaps)."""
    taken = [False] * len(sentence)
    spans = []
    for w in sorted({w for w in words if w}, key=lambda x: (-len(x), x)):
        start = sentence.find(w)
        while start >= 0:
            end = start + len(w)
            if not any(taken[start:end]):
                spans.append((start, end))
                taken[start:end] = [True] * len(w)
            start = sentence.find(w, end)
    out, pos = [], 0
    for start, end in sorted(spans):
        out.append(_esc(sentence[pos:start]) + f"<b>{_esc(sentence[start:end])}</b>")
        pos = end
    out.append(_esc(sentence[pos:]))
    return "".join(out)


def _css(verdict: str) -> str:
    return {VERDICT_FAIL: "forbidden", VERDICT_RESTRICTED: "restricted"}.get(verdict, "cite")


_RANK = {"cite": 0, "restricted": 1, "forbidden": 2}


def _highlight_text(text: str, cited: Dict[str, Tuple[str, Tuple[str, ...]]]) -> str:
    """Requirement text with the cited sentences marked by category."""
    if not text:
        return ""
    parts = _SPLIT_KEEP.split(text)
    out = []
    for part in parts:
        key = part.strip()
        if key in cited:
            css, words = cited[key]
            lead = part[:len(part) - len(part.lstrip())]
            trail = part[len(part.rstrip()):]
            out.append(f"{_esc(lead)}<span class=\"{css}\">{_emphasise(key, words)}</span>"
                       f"{_esc(trail)}")
        else:
            out.append(_esc(part).replace("\n", "<br/>"))
    return "".join(out)


#: Report labels (English templates, translated by the caller).
LABELS = {
    "title": QT_TRANSLATE_NOOP("JwjtCore", "Environmental access query"),
    "number": QT_TRANSLATE_NOOP("JwjtCore", "Query number"),
    "date": QT_TRANSLATE_NOOP("JwjtCore", "Query date"),
    "project": QT_TRANSLATE_NOOP("JwjtCore", "Project"),
    "kind": QT_TRANSLATE_NOOP("JwjtCore", "Kind of project"),
    "site_input": QT_TRANSLATE_NOOP("JwjtCore", "Site as given"),
    "map": QT_TRANSLATE_NOOP("JwjtCore", "Site map"),
    "map_in_pdf": QT_TRANSLATE_NOOP("JwjtCore", "The site map is drawn in the PDF report."),
    "part": QT_TRANSLATE_NOOP("JwjtCore", "Part that applies"),
    "why": QT_TRANSLATE_NOOP("JwjtCore", "How it applies to the project"),
    "verdict": QT_TRANSLATE_NOOP("JwjtCore", "Verdict"),
    "point": QT_TRANSLATE_NOOP("JwjtCore", "Point at X = {x}, Y = {y}"),
    "polygon": QT_TRANSLATE_NOOP("JwjtCore", "Polygon of {area} m², centred at X = {x}, Y = {y}"),
    "buffer": QT_TRANSLATE_NOOP("JwjtCore", " (buffer {buffer} m)"),
    "industry": QT_TRANSLATE_NOOP("JwjtCore", "Industry"),
    "site": QT_TRANSLATE_NOOP("JwjtCore", "Site"),
    "crs": QT_TRANSLATE_NOOP("JwjtCore", "Coordinate system"),
    "units_layer": QT_TRANSLATE_NOOP("JwjtCore", "Control unit layer"),
    "generated": QT_TRANSLATE_NOOP("JwjtCore", "Generated"),
    "reasons": QT_TRANSLATE_NOOP("JwjtCore", "Reasons"),
    "units": QT_TRANSLATE_NOOP("JwjtCore", "Control units touched"),
    "unit_code": QT_TRANSLATE_NOOP("JwjtCore", "Unit code"),
    "unit_name": QT_TRANSLATE_NOOP("JwjtCore", "Unit name"),
    "class": QT_TRANSLATE_NOOP("JwjtCore", "Class"),
    "overlap": QT_TRANSLATE_NOOP("JwjtCore", "Overlap (m²)"),
    "share": QT_TRANSLATE_NOOP("JwjtCore", "Share of site"),
    "no_units": QT_TRANSLATE_NOOP("JwjtCore", "The site touches no control unit."),
    "plans": QT_TRANSLATE_NOOP("JwjtCore", "Red lines, farmland and urban development boundary"),
    "control_line": QT_TRANSLATE_NOOP("JwjtCore", "Control line"),
    "layer": QT_TRANSLATE_NOOP("JwjtCore", "Layer"),
    "features": QT_TRANSLATE_NOOP("JwjtCore", "Features touched"),
    "inside": QT_TRANSLATE_NOOP("JwjtCore", "Site inside"),
    "not_checked": QT_TRANSLATE_NOOP("JwjtCore", "not checked (no layer given)"),
    "yes": QT_TRANSLATE_NOOP("JwjtCore", "yes"),
    "no": QT_TRANSLATE_NOOP("JwjtCore", "no"),
    "clauses": QT_TRANSLATE_NOOP("JwjtCore", "Requirements that concern this project"),
    "dimension": QT_TRANSLATE_NOOP("JwjtCore", "Dimension"),
    "category": QT_TRANSLATE_NOOP("JwjtCore", "Category"),
    "requirement": QT_TRANSLATE_NOOP("JwjtCore", "Requirement"),
    "no_clauses": QT_TRANSLATE_NOOP("JwjtCore", "No requirement sentence concerns this project."),
    "lists": QT_TRANSLATE_NOOP("JwjtCore", "Access lists of the units (four dimensions)"),
    "empty": QT_TRANSLATE_NOOP("JwjtCore", "(empty)"),
    "notes": QT_TRANSLATE_NOOP("JwjtCore", "Notes"),
    "disclaimer": QT_TRANSLATE_NOOP("JwjtCore", "The verdict is read from the wording of the access lists and the "
                                                "overlaps above; it supports, and does not replace, the review by "
                                                "the competent authority."),
}


def query_number(result: QueryResult, day: datetime.date, serial: Optional[int] = None) -> str:
    """``JWJT-YYYYMMDD-NNN``: NNN is ``serial`` (1–999), else derived from the query itself."""
    if serial is not None:
        if not 1 <= int(serial) <= 999:
            raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The query serial must be between 1 and 999, not "
                                                               "{serial}."), serial=serial)
        nnn = int(serial)
    else:
        key = "|".join([result.site_geometry.wkt if result.site_geometry is not None else "", result.industry.code,
                        result.kind.value, result.units_layer, ",".join(u.code for u in result.units)])
        nnn = 1 + int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16) % 999
    return f"JWJT-{day:%Y%m%d}-{nnn:03d}"


def render_html(result: QueryResult, translate: Optional[Translate] = None, title: Optional[str] = None,
                site_label: Optional[str] = None, generated: Optional[str] = None,
                query_date: Optional[datetime.date] = None, serial: Optional[int] = None) -> str:
    """The report as one HTML string, numbered and dated (``query_date`` defaults to today; see
    :func:`query_number` for ``serial``). ``generated`` (a user name, a note…) is printed when given."""
    t = translate or _identity
    day = query_date or datetime.date.today()

    def L(key: str) -> str:  # noqa: N802 - a translated, escaped label
        return _esc(t(LABELS[key]))

    polygon = result.site_kind != SITE_POINT
    fg, bg, border = VERDICT_COLOURS[result.verdict]
    ind = result.industry
    heading = title or t(LABELS["title"])
    h: List[str] = []
    h.append('<!DOCTYPE html>\n<html><head><meta charset="utf-8"/>')
    h.append(f"<title>{_esc(heading)}</title><style>{CSS}</style></head><body>")
    h.append(f"<h1>{_esc(heading)}</h1>")
    h.append(f'<p class="muted">{L("number")}: <b>{_esc(query_number(result, day, serial))}</b> · '
             f'{L("date")}: {day:%Y-%m-%d}</p>')

    # -- verdict and the query --------------------------------------------------------
    verdict = _both(t, VERDICT_LABELS[result.verdict], VERDICT_LABELS_ZH[result.verdict])
    # bgcolor/width attributes as well as CSS: QTextDocument (the PDF) reads those on cells.
    h.append(f'<table width="100%" cellspacing="0" cellpadding="6"><tr><td class="verdict" bgcolor="{bg}" '
             f'style="color:{fg}; background-color:{bg}; border: 2px solid {border};">'
             f'{L("verdict")}: {_esc(verdict)}</td></tr></table>')
    c = result.site_geometry.centroid
    if polygon:
        site_desc = render(t(LABELS["polygon"]), {"area": _fmt_area(result.site_area_m2), "x": f"{c.x:.2f}",
                                                  "y": f"{c.y:.2f}"})
    else:
        site_desc = render(t(LABELS["point"]), {"x": f"{c.x:.2f}", "y": f"{c.y:.2f}"})
    if result.buffer_m > 0:
        site_desc += render(t(LABELS["buffer"]), {"buffer": f"{result.buffer_m:g}"})
    kind_en, kind_zh = PROJECT_KIND_LABELS[result.kind]
    rows = [("industry", ind.path_label if ind.code in _codes() else ind.label),
            ("kind", _both(t, kind_en, kind_zh)),
            ("site", (f"{site_label} — " if site_label else "") + site_desc),
            ("crs", _crs_name(result.crs_wkt)),
            ("units_layer", result.units_layer)]
    given = _site_as_given(result)
    if given:
        rows.insert(3, ("site_input", given))
    if generated:
        rows.append(("generated", generated))
    meta = ('<table class="meta" width="100%" cellspacing="0" cellpadding="1">' + "".join(
        f'<tr><td width="28%"><b>{L(k)}</b></td><td>{_esc(v)}</td></tr>' for k, v in rows) + "</table>")
    # The site map sits beside the query's particulars (the PDF writer draws it at the marker).
    h.append('<table class="meta" width="100%" cellspacing="0" cellpadding="0"><tr>'
             f'<td width="62%" valign="top">{meta}</td>'
             f'<td width="38%" valign="top" align="center"><b>{L("map")}</b><br/>{MAP_MARKER}'
             f'<span class="muted">{L("map_in_pdf")}</span>{MAP_END}</td></tr></table>')

    # -- reasons ----------------------------------------------------------------------
    h.append(f'<h2>{L("reasons")}</h2><ol class="reasons">')
    for r in result.reasons:
        body = _esc(r.text(t))
        if r.cited:
            cited = _esc(r.cited)
            cls = {VERDICT_FAIL: "forbidden", VERDICT_RESTRICTED: "restricted"}.get(r.verdict, "cite")
            body = body.replace(cited, f'<span class="{cls}">{cited}</span>', 1)
        label = _both(t, VERDICT_LABELS[r.verdict], VERDICT_LABELS_ZH[r.verdict])
        h.append(f'<li><b style="color:{VERDICT_COLOURS[r.verdict][0]}">[{_esc(label)}]</b> {body}</li>')
    h.append("</ol>")

    # -- units ------------------------------------------------------------------------
    h.append(f'<h2>{L("units")}</h2>')
    if result.units:
        head = ["unit_code", "unit_name", "class"] + (["overlap", "share"] if polygon else [])
        h.append(_TABLE + "<tr>" + "".join(f"<th>{L(x)}</th>" for x in head) + "</tr>")
        for u in result.units:
            cls = _both(t, UNIT_CLASSES[u.unit_class], u.class_zh) if u.unit_class else "—"
            row = "".join(f"<td>{_esc(x)}</td>" for x in (u.code, u.name, cls))
            if polygon:
                row += f'<td class="num">{_fmt_area(u.overlap_m2)}</td><td class="num">{_fmt_share(u.site_share)}</td>'
            h.append(f"<tr>{row}</tr>")
        h.append("</table>")
    else:
        h.append(f'<p class="muted">{L("no_units")}</p>')

    # -- control lines ----------------------------------------------------------------
    h.append(f'<h2>{L("plans")}</h2>')
    head = ["control_line", "layer", "features", "overlap" if polygon else "inside"]
    h.append(_TABLE + "<tr>" + "".join(f"<th>{L(x)}</th>" for x in head) + "</tr>")
    for kind in PLAN_KINDS:
        label = _esc(_both(t, PLAN_LABELS[kind], PLAN_LABELS_ZH[kind]))
        if kind not in result.plan_layers:
            h.append(f'<tr><td>{label}</td><td class="muted" colspan="3">{L("not_checked")}</td></tr>')
            continue
        hits = result.plans.get(kind, [])
        feats = "<br/>".join(_esc(x.label) for x in hits) or "—"
        if polygon:
            amount = "<br/>".join(f"{_fmt_area(x.overlap_m2)} ({_fmt_share(x.site_share)})" for x in hits) or "0"
        else:
            amount = L("yes") if hits else L("no")
        h.append(f'<tr><td>{label}</td><td>{_esc(result.plan_layers[kind])}</td><td>{feats}</td>'
                 f'<td class="num">{amount}</td></tr>')
    h.append("</table>")

    # -- cited clauses ----------------------------------------------------------------
    h.append(f'<h2>{L("clauses")}</h2>')
    if result.clauses:
        head = ["unit_code", "dimension", "category", "part", "why", "verdict"]
        widths = ("15%", "13%", "10%", "25%", "25%", "12%")
        h.append(_TABLE + "<tr>" + "".join(f'<th width="{w}">{L(x)}</th>' for x, w in zip(head, widths)) + "</tr>")
        # A provision shared by several units (they often carry one standard text) is one row.
        grouped: Dict[Tuple[str, str, str, str], List] = {}
        for cl in result.clauses:
            grouped.setdefault((cl.dimension, cl.sentence, cl.part, cl.verdict), []).append(cl)
        for (dimension, _sentence, part, verdict), cls_ in grouped.items():
            f = cls_[0].finding
            modality = Modality(cls_[0].modality)
            dim = _both(t, DIMENSION_LABELS[dimension], DIMENSION_LABELS_ZH[dimension])
            cat = _both(t, *MODALITY_LABELS[modality])
            css = _css(verdict) if f.applies else "muted"
            codes = "<br/>".join(_esc(c) for c in dict.fromkeys(c.unit for c in cls_))
            label = _both(t, VERDICT_LABELS[verdict], VERDICT_LABELS_ZH[verdict])
            h.append(f'<tr><td>{codes}</td><td>{_esc(dim)}</td><td>{_esc(cat)}</td>'
                     f'<td class="{css}">{_emphasise(part, cls_[0].keywords + (cls_[0].word,))}</td>'
                     f'<td>{_esc(render(f.why, f.params, t))}</td><td>{_esc(label)}</td></tr>')
        h.append("</table>")
    else:
        h.append(f'<p class="muted">{L("no_clauses")}</p>')

    # -- the full access lists --------------------------------------------------------
    if result.units:
        h.append(f'<h2>{L("lists")}</h2>')
    # Units that carry the same four texts share one table.
    groups: Dict[Tuple[str, ...], List] = {}
    for u in result.units:
        groups.setdefault(tuple(u.requirements.get(d, "") for d in ACCESS_DIMENSIONS), []).append(u)
    for texts, members in groups.items():
        member_codes = {u.code for u in members}
        cited_in: Dict[str, Tuple[str, Tuple[str, ...]]] = {}
        for cl in result.clauses:
            if cl.unit in member_codes and cl.finding.applies:
                prev = cited_in.get(cl.sentence)
                css = _css(cl.verdict)
                if prev is None or _RANK[css] > _RANK[prev[0]]:
                    cited_in[cl.sentence] = (css, cl.keywords + (cl.word,))
        title = "；".join(f"{u.code} {u.name}" + (f"（{u.class_zh}）" if u.class_zh else "") for u in members)
        h.append(f'<h3>{_esc(title)}</h3><table class="req" width="100%" cellspacing="0" cellpadding="3">')
        for dim, text in zip(ACCESS_DIMENSIONS, texts):
            body = _highlight_text(text, cited_in) if text else f'<span class="muted">{L("empty")}</span>'
            label = _both(t, DIMENSION_LABELS[dim], DIMENSION_LABELS_ZH[dim])
            h.append(f'<tr><td class="dim" width="20%">{_esc(label)}</td><td>{body}</td></tr>')
        h.append("</table>")

    # -- notes ------------------------------------------------------------------------
    notes = list(result.log)
    if notes:
        h.append(f'<h2>{L("notes")}</h2><ul>')
        h.extend(f"<li>{_esc(render(t(m.template), m.params))}</li>" for m in notes)
        h.append("</ul>")
    h.append(f'<p class="muted">{L("disclaimer")}</p>')
    h.append("</body></html>\n")
    return "\n".join(h)


def _crs_name(wkt: str) -> str:
    try:
        from pyproj import CRS

        crs = CRS.from_wkt(wkt)
        epsg = crs.to_epsg(min_confidence=90)
        return f"{crs.name} (EPSG:{epsg})" if epsg else crs.name
    except Exception:  # an odd WKT must not stop the report
        return "—"


def write_html(result: QueryResult, path: str, translate: Optional[Translate] = None, **kwargs) -> str:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(render_html(result, translate, **kwargs))
    return path


def _codes():
    from .industries import CODES

    return CODES


def _site_as_given(result: QueryResult) -> str:
    """The site's coordinates in the CRS it was given in, when that differs from the units' CRS."""
    geom, wkt = result.site_input, result.site_crs_wkt
    if geom is None or not wkt or _same_crs(wkt, result.crs_wkt):
        return ""
    c = geom.centroid if shapely_type(geom) != "Point" else geom
    geographic = _is_geographic(wkt)
    xy = f"{c.x:.6f}, {c.y:.6f}" if geographic else f"{c.x:.2f}, {c.y:.2f}"
    return f"{xy} — {_crs_name(wkt)}"


def shapely_type(geom) -> str:
    return geom.geom_type


def _same_crs(a: str, b: str) -> bool:
    try:
        from pyproj import CRS

        return CRS.from_wkt(a).equals(CRS.from_wkt(b), ignore_axis_order=True)
    except Exception:  # an odd WKT: show both
        return False


def _is_geographic(wkt: str) -> bool:
    try:
        from pyproj import CRS

        return CRS.from_wkt(wkt).is_geographic
    except Exception:  # an odd WKT: print metres' precision
        return False


# -- the site map, as data --------------------------------------------------------------------
@dataclass(frozen=True)
class MapFeature:
    role: str            # "unit", a plan kind (PLAN_KINDS) or "site"
    label: str
    geometry: Any        # shapely, in the map's CRS
    fill: str            # "#rrggbb" or "#rrggbbaa"
    outline: str


@dataclass(frozen=True)
class SiteMap:
    features: Tuple[MapFeature, ...]      # drawing order: units, control lines, site
    extent: Tuple[float, float, float, float]
    crs_wkt: str
    geographic: bool


def site_map(result: QueryResult, margin: float = 0.15) -> SiteMap:
    """What the report's map shows: the units touched (coloured by class), the control-line
    features touched, and the site; the extent is the site's, widened to hold a good part of
    each unit (whole units can be a county), with ``margin`` around it."""
    import shapely

    feats: List[MapFeature] = []
    for u in result.units:
        if u.geometry is None:
            continue
        colour = UNIT_CLASS_COLOURS.get(u.unit_class or 0, UNIT_CLASS_COLOURS[0])
        feats.append(MapFeature("unit", u.code, u.geometry, colour + "99", "#4b5563"))
    for kind in PLAN_KINDS:
        fill, outline = PLAN_MAP_COLOURS[kind]
        for hit in result.plans.get(kind, []):
            if hit.geometry is not None:
                feats.append(MapFeature(kind, hit.code, hit.geometry, fill, outline))
    feats.append(MapFeature("site", "", result.site_geometry, SITE_COLOUR + "40", SITE_COLOUR))
    site = result.site_geometry
    minx, miny, maxx, maxy = site.bounds
    size = max(maxx - minx, maxy - miny)
    geographic = _is_geographic(result.crs_wkt)
    # A point has no size: show about 2 km around it (or 0.02°), enough to see the unit edges.
    span = max(size * 3, 0.02 if geographic else 2000.0)
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    box = shapely.box(cx - span / 2, cy - span / 2, cx + span / 2, cy + span / 2)
    for f in feats:
        if f.role == "unit":
            inter = shapely.intersection(f.geometry, shapely.box(cx - span * 2, cy - span * 2, cx + span * 2,
                                                                  cy + span * 2))
            if not inter.is_empty:
                box = shapely.union(box, shapely.envelope(inter))
    x0, y0, x1, y1 = box.bounds
    w, hgt = x1 - x0, y1 - y0
    side = max(w, hgt) * (1 + 2 * margin)
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    return SiteMap(tuple(feats), (mx - side / 2, my - side / 2, mx + side / 2, my + side / 2), result.crs_wkt,
                   geographic)
