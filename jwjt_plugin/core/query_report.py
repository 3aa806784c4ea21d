"""The site access query as a one-page, self-contained HTML report.

UTF-8, inline CSS, no scripts, images or links to fetch: the file opens the same in a
browser, in an e-mail and in QTextDocument (which turns it into the PDF). Labels are
English templates passed through ``translate`` (the QGIS side gives its translator);
unit names and requirement text stay as the data holds them.
"""
from __future__ import annotations

import html
import re
from typing import Callable, Dict, List, Optional, Tuple

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
from .industries import CATEGORY_LABELS, CATEGORY_LABELS_ZH
from .messages import QT_TRANSLATE_NOOP, render
from .terms import VERDICT_COLOURS, join_zh

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


def _highlight_text(text: str, cited: Dict[str, Tuple[str, str, str]]) -> str:
    """Requirement text with the cited sentences marked by category."""
    if not text:
        return ""
    parts = _SPLIT_KEEP.split(text)
    out = []
    for part in parts:
        key = part.strip()
        if key in cited:
            category, keyword, word = cited[key]
            lead = part[:len(part) - len(part.lstrip())]
            trail = part[len(part.rstrip()):]
            out.append(f"{_esc(lead)}<span class=\"{category}\">{_emphasise(key, (keyword, word))}</span>"
                       f"{_esc(trail)}")
        else:
            out.append(_esc(part).replace("\n", "<br/>"))
    return "".join(out)


#: Report labels (English templates, translated by the caller).
LABELS = {
    "title": QT_TRANSLATE_NOOP("JwjtCore", "Environmental access query"),
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
    "clauses": QT_TRANSLATE_NOOP("JwjtCore", "Requirements that name this industry"),
    "dimension": QT_TRANSLATE_NOOP("JwjtCore", "Dimension"),
    "category": QT_TRANSLATE_NOOP("JwjtCore", "Category"),
    "requirement": QT_TRANSLATE_NOOP("JwjtCore", "Requirement"),
    "no_clauses": QT_TRANSLATE_NOOP("JwjtCore", "No requirement names this industry with forbidding or restricting "
                                                "wording."),
    "lists": QT_TRANSLATE_NOOP("JwjtCore", "Access lists of the units (four dimensions)"),
    "empty": QT_TRANSLATE_NOOP("JwjtCore", "(empty)"),
    "notes": QT_TRANSLATE_NOOP("JwjtCore", "Notes"),
    "disclaimer": QT_TRANSLATE_NOOP("JwjtCore", "The verdict is read from the wording of the access lists and the "
                                                "overlaps above; it supports, and does not replace, the review by "
                                                "the competent authority."),
}


def render_html(result: QueryResult, translate: Optional[Translate] = None, title: Optional[str] = None,
                site_label: Optional[str] = None, generated: Optional[str] = None) -> str:
    """The report as one HTML string. ``generated`` (a date, a user name…) is printed when
    given; without it the same query always gives the same bytes."""
    t = translate or _identity

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
    rows = [("industry", _both(t, ind.name, ind.name_zh)),
            ("site", (f"{site_label} — " if site_label else "") + site_desc),
            ("crs", _crs_name(result.crs_wkt)),
            ("units_layer", result.units_layer)]
    if generated:
        rows.append(("generated", generated))
    h.append('<table class="meta" width="100%" cellspacing="0" cellpadding="1">' + "".join(
        f'<tr><td width="20%"><b>{L(k)}</b></td><td>{_esc(v)}</td></tr>' for k, v in rows) + "</table>")

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
        head = ["unit_code", "dimension", "category", "requirement"]
        h.append(_TABLE + "<tr>" + "".join(f"<th>{L(x)}</th>" for x in head) + "</tr>")
        # A sentence shared by several units (they often carry one standard text) is one row.
        grouped: Dict[Tuple[str, str, str], List] = {}
        for cl in result.clauses:
            grouped.setdefault((cl.dimension, cl.category, cl.sentence), []).append(cl)
        for (dimension, category, sentence), cls_ in grouped.items():
            dim = _both(t, DIMENSION_LABELS[dimension], DIMENSION_LABELS_ZH[dimension])
            cat = _both(t, CATEGORY_LABELS[category], CATEGORY_LABELS_ZH[category])
            codes = "<br/>".join(_esc(c) for c in dict.fromkeys(c.unit for c in cls_))
            h.append(f'<tr><td>{codes}</td><td>{_esc(dim)}</td><td class="{category}">{_esc(cat)}</td>'
                     f"<td>{_emphasise(sentence, (cls_[0].keyword, cls_[0].word))}</td></tr>")
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
        cited_in = {cl.sentence: (cl.category, cl.keyword, cl.word)
                    for cl in result.clauses if cl.unit in member_codes}
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
