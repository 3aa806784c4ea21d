"""PDF bookmarks (the outline a reader shows beside the pages), added to a finished PDF.

Neither Qt's PDF writer nor QGIS 3.22's layout exporter writes an outline, and QGIS ships
no PDF library (pypdf, PyMuPDF) that every user's QGIS has. The outline is therefore
appended as an *incremental update* (PDF 1.7, 7.5.6): the file's bytes stay as they are;
after them come the outline items, a new version of the document catalog that points to
them, a cross-reference section for these objects only and a trailer whose ``/Prev``
points to the original one. Every reader applies the update; the original stays valid.

Only what Qt writes is supported: a classic cross-reference table, uncompressed
catalog and page-tree objects. Anything else raises :class:`OutlineError`, and the caller
keeps the PDF without bookmarks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, List, Sequence


class OutlineError(Exception):
    """The PDF is not one this writer can update (the atlas then has no bookmarks)."""


@dataclass(frozen=True)
class Bookmark:
    title: str
    page: int                       # 0-based page index
    level: int = 0                  # 0 = top level; a level-1 entry belongs to the entry before it
    closed: bool = False            # show its children folded


@dataclass
class _Node:
    bookmark: Bookmark
    number: int = 0
    children: List[_Node] = field(default_factory=list)


_REF = rb"(\d+)\s+(\d+)\s+R"


def pdf_string(text: str) -> bytes:
    """Any text as a PDF text string: UTF-16BE with a byte-order mark, in hex."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _xref_offsets(data: bytes, xref: int) -> Dict[int, int]:
    """Object number -> byte offset, from the classic cross-reference table at ``xref`` and
    the ones its trailers point back to (the newest entry of an object wins)."""
    offsets: Dict[int, int] = {}
    seen = set()
    while xref not in seen:
        seen.add(xref)
        if data[xref:xref + 4] != b"xref":
            raise OutlineError("cross-reference streams are not supported")
        pos = xref + 4
        while True:
            head = re.compile(rb"\s*(\d+)\s+(\d+)[ \t]*\r?\n").match(data, pos)
            if not head:
                break
            first, count = int(head.group(1)), int(head.group(2))
            pos = head.end()
            for i in range(count):
                entry = data[pos:pos + 20]
                if len(entry) < 18:
                    raise OutlineError("truncated cross-reference table")
                if entry[17:18] == b"n":
                    offsets.setdefault(first + i, int(entry[:10]))
                pos += 20
        trailer = data[pos:data.find(b"startxref", pos)] if b"trailer" in data[pos:pos + 32] else b""
        prev = re.search(rb"/Prev\s+(\d+)", trailer)
        if not prev:
            break
        xref = int(prev.group(1))
    return offsets


def _object(data: bytes, number: int, offsets: Dict[int, int]) -> bytes:
    """The body of object ``number`` (between "n 0 obj" and "endobj")."""
    offset = offsets.get(number)
    if offset is None:
        raise OutlineError(f"object {number} not found")
    head = re.compile(rb"\s*%d\s+\d+\s+obj\b" % number).match(data, offset)
    if not head:
        raise OutlineError(f"object {number} is not at its offset")
    end = data.find(b"endobj", head.end())
    if end < 0:
        raise OutlineError(f"object {number} has no end")
    return data[head.end():end].strip()


def _dict_body(obj: bytes) -> bytes:
    if not obj.startswith(b"<<") or b"stream" in obj:
        raise OutlineError("not a plain dictionary")
    return obj[2:obj.rindex(b">>")]


def _trailer(data: bytes) -> Dict[str, object]:
    m = list(re.finditer(rb"startxref\s+(\d+)\s+%%EOF", data))
    if not m:
        raise OutlineError("no startxref")
    xref = int(m[-1].group(1))
    if not data[xref:xref + 4] == b"xref":
        raise OutlineError("cross-reference streams are not supported")
    t = data.find(b"trailer", xref)
    if t < 0:
        raise OutlineError("no trailer")
    body = data[t:data.find(b"startxref", t)]
    size = re.search(rb"/Size\s+(\d+)", body)
    root = re.search(rb"/Root\s+" + _REF, body)
    if not size or not root:
        raise OutlineError("trailer without /Size or /Root")
    info = re.search(rb"/Info\s+" + _REF, body)
    return {"xref": xref, "size": int(size.group(1)), "root": int(root.group(1)),
            "info": info.group(0) if info else b""}


def page_objects(data: bytes, root: int, offsets: Dict[int, int]) -> List[int]:
    """Object numbers of the pages, in order, from the page tree of catalog ``root``."""
    catalog = _dict_body(_object(data, root, offsets))
    pages = re.search(rb"/Pages\s+" + _REF, catalog)
    if not pages:
        raise OutlineError("catalog without /Pages")
    out: List[int] = []

    def walk(number: int, depth: int) -> None:
        if depth > 32:
            raise OutlineError("page tree too deep")
        body = _dict_body(_object(data, number, offsets))
        if re.search(rb"/Type\s*/Pages\b", body):
            kids = re.search(rb"/Kids\s*\[(.*?)\]", body, re.S)
            if not kids:
                raise OutlineError("page tree node without /Kids")
            for m in re.finditer(_REF, kids.group(1)):
                walk(int(m.group(1)), depth + 1)
        else:
            out.append(number)

    walk(int(pages.group(1)), 0)
    return out


def _tree(bookmarks: Sequence[Bookmark]) -> List[_Node]:
    roots: List[_Node] = []
    stack: List[_Node] = []
    for b in bookmarks:
        node = _Node(b)
        level = max(0, min(b.level, len(stack)))
        del stack[level:]
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


def add_outline(path: str, bookmarks: Sequence[Bookmark]) -> int:
    """Append ``bookmarks`` to the PDF at ``path`` as its outline; returns how many were written.

    Entries pointing past the last page are an error of the caller (ValueError).
    """
    if not bookmarks:
        return 0
    with open(path, "rb") as fh:
        data = fh.read()
    trailer = _trailer(data)
    offsets = _xref_offsets(data, int(trailer["xref"]))
    pages = page_objects(data, int(trailer["root"]), offsets)
    bad = [b for b in bookmarks if not 0 <= b.page < len(pages)]
    if bad:
        raise ValueError(f"bookmark '{bad[0].title}' points to page {bad[0].page + 1} of {len(pages)}")
    catalog = _dict_body(_object(data, int(trailer["root"]), offsets))
    catalog = re.sub(rb"/(Outlines\s+" + _REF + rb"|PageMode\s*/\w+)", b"", catalog)

    roots = _tree(bookmarks)
    next_number = int(trailer["size"])
    outlines = next_number
    next_number += 1
    flat: List[_Node] = []

    def number(nodes: List[_Node]) -> None:
        nonlocal next_number
        for node in nodes:
            node.number = next_number
            next_number += 1
            flat.append(node)
            number(node.children)

    number(roots)

    def visible(nodes: List[_Node]) -> int:
        """Open descendants, as /Count counts them."""
        return sum(1 + (visible(n.children) if not n.bookmark.closed else 0) for n in nodes)

    objects: Dict[int, bytes] = {}
    objects[outlines] = (b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>"
                         % (roots[0].number, roots[-1].number, visible(roots)))

    def write(nodes: List[_Node], parent: int) -> None:
        for i, node in enumerate(nodes):
            b = node.bookmark
            parts = [b"/Title " + pdf_string(b.title), b"/Parent %d 0 R" % parent,
                     b"/Dest [%d 0 R /Fit]" % pages[b.page]]
            if i > 0:
                parts.append(b"/Prev %d 0 R" % nodes[i - 1].number)
            if i + 1 < len(nodes):
                parts.append(b"/Next %d 0 R" % nodes[i + 1].number)
            if node.children:
                n = visible(node.children)
                parts += [b"/First %d 0 R" % node.children[0].number, b"/Last %d 0 R" % node.children[-1].number,
                          b"/Count %d" % (-len(node.children) if b.closed else n)]
            objects[node.number] = b"<< " + b" ".join(parts) + b" >>"
            write(node.children, node.number)

    write(roots, outlines)
    objects[int(trailer["root"])] = (b"<<" + catalog.rstrip() + b"\n/Outlines %d 0 R\n/PageMode /UseOutlines\n>>"
                                     % outlines)

    out = bytearray(data)
    if not out.endswith(b"\n"):
        out += b"\n"
    offsets: Dict[int, int] = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n"
    nums = sorted(offsets)
    i = 0
    while i < len(nums):        # consecutive numbers share one subsection
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        out += b"%d %d\n" % (nums[i], j - i + 1)
        for num in nums[i:j + 1]:
            out += b"%010d 00000 n \n" % offsets[num]
        i = j + 1
    info = b" /Info " + trailer["info"].split(None, 1)[1] if trailer["info"] else b""
    out += (b"trailer\n<< /Size %d /Root %d 0 R%s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n"
            % (next_number, int(trailer["root"]), info, int(trailer["xref"]), xref))
    with open(path, "wb") as fh:
        fh.write(bytes(out))
    return len(flat)
