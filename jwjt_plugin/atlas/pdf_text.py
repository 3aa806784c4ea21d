"""Repair of the PDF's text layer, so that Chinese copied or searched from the atlas is right.

Qt's PDF writer tells readers which character each glyph stands for (the ToUnicode map)
by taking the *lowest* code point that the font maps to the glyph. CJK fonts map the
Kangxi and CJK radicals (U+2E80–U+2FDF) to the same glyphs as common characters, so
水, 用, 面, 风, 车, 页 ... came out as look-alike radicals: invisible on paper, but a
search for "风险" found nothing and copied text was subtly wrong. Qt writes these maps
uncompressed, so each radical is replaced by the ideograph that shares its glyph, in
place and at the same length: no offset in the file moves.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, Iterable

from qgis.PyQt.QtGui import QFont, QRawFont

RADICALS = range(0x2E80, 0x2FE0)
IDEOGRAPHS = (range(0x4E00, 0xA000), range(0x3400, 0x4DC0))
_TOKEN = re.compile(r"<([0-9A-Fa-f]{4})>")


@lru_cache(maxsize=8)
def radical_table(family: str) -> Dict[int, int]:
    """Radical code point -> the ideograph the font draws with the same glyph."""
    table: Dict[int, int] = {}
    for bold in (False, True):
        font = QFont(family)
        font.setBold(bold)
        raw = QRawFont.fromFont(font)
        if not raw.isValid():
            continue
        by_glyph: Dict[int, int] = {}
        for block in IDEOGRAPHS:
            text = "".join(map(chr, block))
            for cp, glyph in zip(block, raw.glyphIndexesForString(text)):
                if glyph and glyph not in by_glyph:
                    by_glyph[glyph] = cp
        radicals = "".join(map(chr, RADICALS))
        for cp, glyph in zip(RADICALS, raw.glyphIndexesForString(radicals)):
            if glyph in by_glyph:
                table.setdefault(cp, by_glyph[glyph])
    return table


def fix_cmap(cmap: str, table: Dict[int, int]) -> str:
    """Replace radicals among the *target* code points of a ToUnicode CMap (not the glyph
    ids), keeping every token four hex digits long."""
    def swap(match) -> str:
        cp = int(match.group(1), 16)
        return f"<{table[cp]:04X}>" if cp in table else match.group(0)

    out, section = [], None
    for line in cmap.split("\n"):
        if line.endswith("beginbfchar") or line.endswith("beginbfrange"):
            section = line.split()[-1]
        elif line in ("endbfchar", "endbfrange"):
            section = None
        elif section == "beginbfchar":
            src, sep, dst = line.partition("> ")
            line = src + sep + _TOKEN.sub(swap, dst) if sep else line
        elif section == "beginbfrange":
            tokens = _TOKEN.findall(line.split("[")[0])
            if "[" in line:
                head, _, tail = line.partition("[")
                line = head + "[" + _TOKEN.sub(swap, tail)
            elif len(tokens) == 3 and tokens[0] == tokens[1]:
                lo_hi, _, dst = line.rpartition(" ")
                line = lo_hi + " " + _TOKEN.sub(swap, dst)
        out.append(line)
    return "\n".join(out)


def repair_text_layer(path: str, families: Iterable[str]) -> int:
    """Fix the ToUnicode maps of the PDF at ``path`` in place; returns how many maps changed."""
    table: Dict[int, int] = {}
    for family in families:
        if family:
            table.update(radical_table(family))
    if not table:
        return 0
    with open(path, "rb") as fh:
        data = bytearray(fh.read())
    changed = 0
    for number in sorted(set(re.findall(rb"/ToUnicode (\d+) 0 R", bytes(data)))):
        start = data.find(b"\n" + number + b" 0 obj")
        body = data.find(b"stream\n", start) + len(b"stream\n")
        end = data.find(b"endstream", body)
        if start < 0 or body < len(b"stream\n") or end < 0 or b"/Filter" in data[start:body]:
            continue
        old = data[body:end].decode("latin-1")
        new = fix_cmap(old, table)
        if new != old and len(new) == len(old):
            data[body:end] = new.encode("latin-1")
            changed += 1
    if changed:
        with open(path, "wb") as fh:
            fh.write(data)
    return changed
