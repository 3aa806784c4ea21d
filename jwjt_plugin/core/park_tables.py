"""Reading the plain tables of the park assessment (activity, factors, benchmarks) from files.

Ledgers arrive as CSV saved by Excel (UTF-8 with a BOM, or GBK on a Chinese Windows) or as XLSX.
Every cell is read as text so that enterprise ids such as "0101" keep their zeros; the readers
that use a table convert numbers themselves and name the row of a cell that is not one.
"""
from __future__ import annotations

import os
from typing import Optional

import pandas as pd

from .messages import QT_TRANSLATE_NOOP, JwjtInputError

#: tried in order: UTF-8 first because GBK would decode most UTF-8 bytes into the wrong characters
ENCODINGS = ("utf-8-sig", "gb18030")


def read_table(path: str, table: Optional[str] = None) -> pd.DataFrame:
    """A CSV or the first sheet of an XLSX as text cells, header row first; empty cells are ''."""
    what = table or "table"
    if not path or not os.path.isfile(path):
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The {table} file '{path}' does not exist."),
                             table=what, path=path)
    if path.lower().endswith((".xlsx", ".xlsm")):
        try:
            frame = pd.read_excel(path, dtype=str, keep_default_na=False)
        except ImportError as exc:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Reading '{path}' needs the Python package openpyxl; save the {table} as CSV or install it."),
                path=path, table=what) from exc
        except Exception as exc:  # a damaged or password-protected workbook: say which file
            raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The {table} file '{path}' cannot be read: {error}"),
                                 table=what, path=path, error=str(exc)) from exc
        return _clean(frame)
    last: Optional[Exception] = None
    for encoding in ENCODINGS:
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding=encoding, skipinitialspace=True)
            return _clean(frame)
        except UnicodeDecodeError as exc:
            last = exc
        except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
            raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The {table} file '{path}' cannot be read: {error}"),
                                 table=what, path=path, error=str(exc)) from exc
    raise JwjtInputError(QT_TRANSLATE_NOOP(
        "JwjtCore", "The {table} file '{path}' is neither UTF-8 nor GBK text: {error}"), table=what, path=path,
        error=str(last))


def _clean(frame: pd.DataFrame) -> pd.DataFrame:
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame.apply(lambda col: col.astype(str).str.strip())
