"""Output paths checked before any work: never an input, never a loaded layer's file, always writable.

An output is refused when writing it would touch a file that is read by the run or used by a layer
the user has loaded: GDAL and QGIS recreate a GeoPackage, a shapefile or a GeoTIFF they write, so an
output equal to an input empties every layer of that file. Files are compared by identity, not by
spelling:

* a path is made absolute, ``..`` and symlinks are resolved (``os.path.realpath``) and its case is
  folded where the file system folds it (``os.path.normcase``: Windows); for a file that exists,
  its device and inode are compared too (hard links, case-insensitive volumes);
* data-source URIs name their file: ``units.gpkg|layername=units``, ``GPKG:units.gpkg:units``,
  ``ogr:dbname='units.gpkg' table="flags" (geom)`` (a new table in an input GeoPackage is refused
  too: the file is rewritten);
* a file stands for its companions: a shapefile for its ``.shp .shx .dbf .prj .cpg`` siblings, any
  file for its ``.aux.xml`` (GDAL's side-car of statistics and metadata, written next to a GeoTIFF).

Writability is checked on the file system itself: the folder exists and is a folder, and a real
probe file can be created in it (``os.access`` alone says yes to root on a read-only folder). Memory
and temporary outputs (``memory:``, ``TEMPORARY_OUTPUT``, empty) are not files and pass.

:func:`check_outputs` raises :class:`OutputPathError` (a :class:`JwjtInputError`) naming the output
parameter and the input, layer or folder at fault; it writes nothing but the probe, which it removes.
"""
from __future__ import annotations

import errno
import os
import re
import tempfile
from dataclasses import dataclass
from typing import Collection, Dict, Iterable, List, Mapping, Optional, Set, Tuple, Union

from .messages import QT_TRANSLATE_NOOP, JwjtInputError

#: Processing's "create a temporary output" value
TEMPORARY_OUTPUT = "TEMPORARY_OUTPUT"
SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg")

Named = Union[Mapping[str, str], Iterable[Tuple[str, str]]]


class OutputPathError(JwjtInputError):
    """An output that would overwrite something the user has, or that cannot be written."""


@dataclass(frozen=True)
class _File:
    name: str  # the parameter or layer name the user sees
    path: str  # as given
    keys: frozenset  # identities of the file and its companions


def is_memory(dest: Optional[str]) -> bool:
    """True for outputs that are not files: empty, ``memory:…``, ``TEMPORARY_OUTPUT``."""
    text = (dest or "").strip()
    return not text or text == TEMPORARY_OUTPUT or text.lower().startswith("memory:")


_DBNAME = re.compile(r"""dbname\s*=\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(\S+))""")


def file_of(uri: str) -> str:
    """The file a data-source URI names (``''`` when it names none, e.g. a database service)."""
    text = (uri or "").strip()
    if is_memory(text):
        return ""
    provider, sep, rest = text.partition(":")
    if sep and provider.lower() in ("ogr", "spatialite") and "dbname" in rest:
        m = _DBNAME.search(rest)
        return m.group(1) or m.group(2) or m.group(3) if m else ""
    if sep and provider.lower() in ("postgres", "postgis", "mssql", "oracle", "hana", "wfs", "wms", "xyz"):
        return ""
    if text.upper().startswith("GPKG:"):  # GDAL's GPKG:path:table (a Windows path has a drive colon)
        inner = text[5:]
        head, colon, _table = inner.rpartition(":")
        text = head if colon and len(head) > 2 else inner
    text = text.split("|", 1)[0]
    if text.lower().startswith("file://"):
        text = text[7:]
    return text.split("?", 1)[0] if "://" in uri else text


def companions(path: str) -> List[str]:
    """The file and the files that belong with it (shapefile parts, GDAL's ``.aux.xml``)."""
    root, ext = os.path.splitext(path)
    parts = [root + e for e in SHAPEFILE_PARTS] if ext.lower() in SHAPEFILE_PARTS else [path]
    return parts + [p + ".aux.xml" for p in parts if not p.lower().endswith(".aux.xml")]


def _real(path: str) -> str:
    return os.path.normcase(os.path.realpath(os.path.abspath(os.path.expanduser(path))))


def identities(path: str) -> Set[tuple]:
    """What makes two spellings the same file: the resolved, case-folded path and, for a file that
    exists, its device and inode."""
    keys: Set[tuple] = set()
    for p in companions(path):
        keys.add(("path", _real(p)))
        try:
            st = os.stat(p)
        except OSError:
            continue
        if st.st_ino:  # 0 where the platform has no inode numbers
            keys.add(("inode", st.st_dev, st.st_ino))
    return keys


def _files(named: Optional[Named]) -> List[_File]:
    items = named.items() if isinstance(named, Mapping) else (named or ())
    out = []
    for name, uri in items:
        path = file_of(uri)
        if path:
            out.append(_File(name, path, frozenset(identities(path))))
    return out


def _raise(template: str, **params) -> None:
    raise OutputPathError(template, **params)


def _probe(folder: str) -> Optional[str]:
    """None when a file can be created (and removed) in ``folder``, else why not."""
    if not os.access(folder, os.W_OK | os.X_OK):
        return os.strerror(errno.EACCES)
    try:
        fd, probe = tempfile.mkstemp(prefix=".jwjt-write-test-", dir=folder)
    except OSError as err:
        return err.strerror or str(err)
    os.close(fd)
    try:
        os.remove(probe)
    except OSError:
        pass
    return None


def _check_folder_writable(role: str, folder: str) -> None:
    """``folder`` (where a file or a folder will be created) exists, is a folder and is writable."""
    if not os.path.isdir(folder):
        probe = folder
        while probe and not os.path.exists(probe):
            parent = os.path.dirname(probe)
            if parent == probe:
                break
            probe = parent
        if probe and os.path.exists(probe) and not os.path.isdir(probe):
            _raise(QT_TRANSLATE_NOOP("JwjtCore", "Output '{output}': {path} is a file, not a folder. "
                                                 "Choose a path in a folder."), output=role, path=probe)
        _raise(QT_TRANSLATE_NOOP("JwjtCore", "Output '{output}': folder {folder} does not exist. "
                                             "Create it or choose another folder."), output=role, folder=folder)
    why = _probe(folder)
    if why:
        _raise(QT_TRANSLATE_NOOP("JwjtCore", "Output '{output}': folder {folder} cannot be written ({error}). "
                                             "Choose another folder."), output=role, folder=folder, error=why)


def check_writable(role: str, path: str, folder: bool = False) -> None:
    """Raise :class:`OutputPathError` when output ``role`` cannot be created at ``path``: its folder is
    missing, is a file or is not writable; a file output is an existing folder; a folder output is an
    existing file. ``folder``: the output is a folder (created when missing)."""
    target = os.path.abspath(os.path.expanduser(path))
    if folder:
        if os.path.isdir(target):
            _check_folder_writable(role, target)
            return
        if os.path.exists(target):
            _raise(QT_TRANSLATE_NOOP("JwjtCore", "Output '{output}': {path} is a file, not a folder. "
                                                 "Choose a path in a folder."), output=role, path=target)
    elif os.path.isdir(target):
        _raise(QT_TRANSLATE_NOOP("JwjtCore", "Output '{output}': {path} is a folder; give a file name."),
               output=role, path=target)
    _check_folder_writable(role, os.path.dirname(target))


def check_outputs(outputs: Named, inputs: Optional[Named] = None, in_use: Optional[Named] = None,
                  folders: Collection[str] = ()) -> None:
    """Refuse, before any work, outputs that would destroy something or cannot be written.

    ``outputs``: output parameter -> path or URI (memory and temporary outputs are skipped);
    ``inputs``: input parameter or layer -> path or URI read by the run; ``in_use``: loaded layer ->
    its source (files the user has open); ``folders``: the outputs that are folders.
    Raises :class:`OutputPathError` naming the output and the input, layer or folder at fault.
    """
    outs = _files(outputs)
    ins, used = _files(inputs), _files(in_use)
    seen: Dict[tuple, _File] = {}
    for out in outs:
        for inp in ins:
            if out.keys & inp.keys:
                _raise(QT_TRANSLATE_NOOP("JwjtCore", "Output '{output}' ({path}) would overwrite input '{input}' "
                                                     "({input_path}). Choose another file name."),
                       output=out.name, path=out.path, input=inp.name, input_path=inp.path)
        for lyr in used:
            if out.keys & lyr.keys:
                _raise(QT_TRANSLATE_NOOP("JwjtCore", "Output '{output}' ({path}) would overwrite the file of "
                                                     "loaded layer '{layer}' ({layer_path}). Choose another file "
                                                     "name."),
                       output=out.name, path=out.path, layer=lyr.name, layer_path=lyr.path)
        for key in out.keys:
            other = seen.get(key)
            if other is not None and other.name != out.name:
                _raise(QT_TRANSLATE_NOOP("JwjtCore", "Outputs '{output}' and '{other}' are the same file ({path})."
                                                     " Give each its own file name."),
                       output=other.name, other=out.name, path=out.path)
            seen[key] = out
    for out in outs:
        check_writable(out.name, out.path, folder=out.name in folders)
