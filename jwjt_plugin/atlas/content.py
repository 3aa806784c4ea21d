"""What the atlas pages hold, worked out without Qt: text wrapping, pagination, class breaks.

Layout tables in QGIS wrap text at spaces only, so Chinese text would run out of its
column; and a table row never splits across frames. The atlas therefore wraps every
text itself (with the table's own font metrics, passed in as ``width_of``) and spreads
long texts over continuation pages line by line, so that nothing is ever cut.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np

#: Characters a line must not start with (Chinese and Latin closing punctuation).
NO_LINE_START = set("，。、；：？！）》」』】〕〉”’…—,.;:?!)]}%")
#: Characters a line must not end with (opening brackets and quotes).
NO_LINE_END = set("（《「『【〔〈“‘([{")


def is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (0x2E80 <= code <= 0x9FFF) or (0xF900 <= code <= 0xFAFF) or (0xFF00 <= code <= 0xFFEF) \
        or (0x3000 <= code <= 0x303F)


def _tokens(paragraph: str) -> List[str]:
    """CJK characters one by one, Latin words whole, spaces as their own tokens."""
    out: List[str] = []
    word = ""
    for ch in paragraph:
        if ch == " " or is_cjk(ch):
            if word:
                out.append(word)
                word = ""
            out.append(ch)
        else:
            word += ch
    if word:
        out.append(word)
    return out


def wrap_text(text: str, width_of: Callable[[str], float], max_width: float) -> List[str]:
    """Break ``text`` into lines no wider than ``max_width`` (same units as ``width_of``).

    Existing line breaks are kept; Chinese breaks between any two characters except
    before closing and after opening punctuation; Latin words are only split when a
    single word is wider than the line.
    """
    cache: Dict[str, float] = {}

    def width(s: str) -> float:
        if s not in cache:
            cache[s] = width_of(s)
        return cache[s]

    lines: List[str] = []
    for paragraph in str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        lines.extend(_wrap_paragraph(paragraph.rstrip(), width, max_width))
    while len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


def _wrap_paragraph(paragraph: str, width: Callable[[str], float], max_width: float) -> List[str]:
    lines: List[str] = []
    cur: List[str] = []
    used = 0.0

    def flush() -> None:
        lines.append("".join(cur).rstrip())

    for tok in _tokens(paragraph):
        if tok == " " and not cur:
            continue
        w = width(tok)
        if used + w <= max_width:
            cur.append(tok)
            used += w
            continue
        if w > max_width:
            # A word longer than a whole line: starts a line, split character by character.
            if cur:
                flush()
                cur, used = [], 0.0
            for ch in tok:
                cw = width(ch)
                if used + cw > max_width and cur:
                    flush()
                    cur, used = [], 0.0
                cur.append(ch)
                used += cw
            continue
        carry: List[str] = []
        if tok in NO_LINE_START and len(cur) > 1 and cur[-1] != " ":
            carry.append(cur.pop())
        while len(cur) > 1 and cur[-1] in NO_LINE_END:
            carry.insert(0, cur.pop())
        flush()
        cur = carry
        used = sum(width(t) for t in cur)
        if tok != " ":
            if cur and used + w > max_width:
                flush()
                cur, used = [], 0.0
            cur.append(tok)
            used += w
    if cur or not lines:
        flush()
    return lines


@dataclass
class Block:
    """One entry of a two-column list (e.g. one access-list dimension and its text)."""

    label: List[str]            # label lines on the first page it appears on
    lines: List[str]            # wrapped text lines
    label_continued: List[str] = field(default_factory=list)   # label lines on later pages


@dataclass
class Row:
    label: List[str]
    lines: List[str]

    @property
    def height_lines(self) -> int:
        return max(len(self.label), len(self.lines), 1)


def paginate(blocks: Sequence[Block], capacities: Tuple[float, float], header_height: float,
             row_height: Callable[[int], float], min_lines: int = 2) -> List[List[Row]]:
    """Spread blocks over pages whose tables hold ``capacities[0]`` (first page) and
    ``capacities[1]`` (every later page) of height, each page repeating the header.

    A block continues on the next page, line by line, when it does not fit; a page that
    would hold fewer than ``min_lines`` of a block that continues starts the block on the
    next page instead. Returns at least one (possibly empty) page.
    """
    pages: List[List[Row]] = [[]]
    used = header_height

    def capacity() -> float:
        return capacities[0] if len(pages) == 1 else capacities[1]

    def fit(label: List[str], avail: float, limit: int) -> int:
        n = 0
        while n < limit and row_height(max(len(label), n + 1)) <= avail:
            n += 1
        return n

    for block in blocks:
        remaining = list(block.lines) or [""]
        first = True
        while remaining:
            label = block.label if first else (block.label_continued or block.label)
            avail = capacity() - used
            n = fit(label, avail, len(remaining))
            if n >= len(remaining) and row_height(max(len(label), len(remaining))) <= avail:
                pages[-1].append(Row(label, remaining))
                used += row_height(max(len(label), len(remaining), 1))
                break
            if n < min(min_lines, len(remaining)) and pages[-1]:
                pages.append([])
                used = header_height
                continue
            if n == 0:
                # Not even one line fits on an empty page: the frame is too small; place one
                # line anyway so the text is not lost (it will overflow that frame's bottom).
                n = 1
            pages[-1].append(Row(label, remaining[:n]))
            remaining = remaining[n:]
            first = False
            pages.append([])
            used = header_height
    if len(pages) > 1 and not pages[-1]:
        pages.pop()
    return pages


def class_breaks(values: np.ndarray, percentiles: Sequence[float] = (50, 75, 90, 95, 99)) -> List[float]:
    """Upper bounds of emission classes: rounded percentiles of the positive values, and the
    maximum. Emissions are heavily skewed, so equal intervals would paint one colour."""
    v = np.asarray(values, dtype=np.float64)
    v = v[np.isfinite(v) & (v > 0)]
    if v.size == 0:
        return []
    raw = list(np.percentile(v, percentiles)) + [float(v.max())]
    out: List[float] = []
    for b in raw[:-1]:
        nb = round_significant(b, 2)
        if nb > 0 and (not out or nb > out[-1]) and nb < raw[-1]:
            out.append(nb)
    out.append(float(raw[-1]))
    return out


def round_significant(x: float, digits: int) -> float:
    if x == 0 or not math.isfinite(x):
        return x
    return round(x, digits - 1 - int(math.floor(math.log10(abs(x)))))


def format_number(v, decimals: Optional[int] = None) -> str:
    """Readable numbers: thousands separators, fewer decimals for larger values."""
    if v is None:
        return "—"
    try:
        v = float(v)
    except (TypeError, ValueError):
        return str(v)
    if not math.isfinite(v):
        return "—"
    if decimals is None:
        a = abs(v)
        decimals = 0 if a >= 100 or a == 0 else (1 if a >= 10 else (2 if a >= 0.1 else 3))
    return f"{v:,.{decimals}f}"


def format_share(v) -> str:
    """A 0–1 share as a percentage (with a no-break space, so "%" never starts a line)."""
    if v is None:
        return "—"
    v = float(v)
    if not math.isfinite(v):
        return "—"
    return f"{v * 100:.1f}\u00a0%"


def format_break(v: float) -> str:
    """A class bound as rounded by :func:`class_breaks`: no trailing zeros (1.2, not 1.20)."""
    if abs(v) >= 100:
        return f"{v:,.0f}"
    text = f"{v:,.3f}".rstrip("0").rstrip(".")
    return text or "0"


def crop_window(spec, bounds: Tuple[float, float, float, float], margin: float) -> Tuple[int, int, int, int]:
    """Rows and columns (r0, r1, c0, c1) of the grid covering ``bounds`` plus ``margin``
    (in CRS units), clipped to the grid: maps need the cells around the units only."""
    xmin, ymin, xmax, ymax = bounds
    c0 = int(math.floor((xmin - margin - spec.x0) / spec.dx))
    c1 = int(math.ceil((xmax + margin - spec.x0) / spec.dx))
    r0 = int(math.floor((spec.y0 - (ymax + margin)) / spec.dy))
    r1 = int(math.ceil((spec.y0 - (ymin - margin)) / spec.dy))
    c0, r0 = max(c0, 0), max(r0, 0)
    c1, r1 = min(c1, spec.ncols), min(r1, spec.nrows)
    if c1 <= c0 or r1 <= r0:
        return 0, spec.nrows, 0, spec.ncols
    return r0, r1, c0, c1


def fit_extent(bounds: Sequence[float], aspect: float) -> Tuple[float, float, float, float]:
    """``bounds`` (xmin, ymin, xmax, ymax) widened about its centre to ``aspect`` (width /
    height), as a map frame of that shape shows them."""
    return tuple(atlas_extents(np.asarray([bounds], dtype=np.float64), aspect, 0.0)[0])


def atlas_extents(bounds: np.ndarray, aspect: float, margin: float) -> np.ndarray:
    """The extents an atlas-driven map in QGIS's "fit" mode shows for features with these
    ``bounds`` (n × 4): widened to the frame's ``aspect`` (width / height), then scaled by
    1 + ``margin`` about the centre (QgsLayoutItemMap's Auto atlas scaling)."""
    b = np.asarray(bounds, dtype=np.float64).reshape(-1, 4)
    cx, cy = (b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2
    w, h = b[:, 2] - b[:, 0], b[:, 3] - b[:, 1]
    w, h = np.maximum(w, h * aspect), np.maximum(h, w / aspect)
    w, h = w * (1 + margin), h * (1 + margin)
    return np.column_stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2])


def fixed_extents(bounds: np.ndarray, width: float, height: float) -> np.ndarray:
    """Extents of a fixed-scale atlas map: the template's extent size, centred on each feature."""
    b = np.asarray(bounds, dtype=np.float64).reshape(-1, 4)
    cx, cy = (b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2
    return np.column_stack([cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2])


def missing_geometry(geometries) -> np.ndarray:
    """Which units have no geometry (None or empty): the analysis skips them, the atlas lists them."""
    import shapely

    geoms = np.asarray(geometries, dtype=object)
    return shapely.is_missing(geoms) | shapely.is_empty(geoms)


def atlas_order(codes: Sequence[str]) -> List[int]:
    """Row positions in the order of the unit codes (how a printed atlas is indexed),
    stable for equal codes."""
    return sorted(range(len(codes)), key=lambda i: (str(codes[i]), i))


_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d|21\d\d)(?!\d)")


def year_of(name: str, metadata: Optional[Dict[str, str]] = None) -> str:
    """The year a grid stands for: its YEAR (or year, TIME_YEAR) metadata item, else the last
    four-digit year (1950–2199) in its name (co2_2020.tif), else an empty string."""
    for key, value in (metadata or {}).items():
        if key.lower() in ("year", "time_year", "base_year") and _YEAR.search(str(value)):
            return _YEAR.findall(str(value))[-1]
    years = _YEAR.findall(str(name or ""))
    return years[-1] if years else ""


def text_value(value) -> str:
    """A field value as list text: None, NaN and blanks become an empty string."""
    if value is None:
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    text = str(value).strip()
    return "" if text in ("None", "nan", "NULL") else text
