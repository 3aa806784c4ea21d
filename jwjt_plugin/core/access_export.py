"""Export of the access list (生态环境准入清单) in the standard column layout, CSV or XLSX."""
from __future__ import annotations

import csv
from typing import List, Optional, Sequence

from .fields import UNIT_CLASSES_ZH, FieldMapping, parse_unit_class
from .messages import QT_TRANSLATE_NOOP, JwjtInputError
from .terms import Dimension, zh

#: The standard columns, as provincial access lists publish them: (role, header); the four
#: dimensions under their official terms (core/terms.py: 资源开发效率要求, not 资源利用效率).
STANDARD_COLUMNS = (("code", "环境管控单元编码"), ("name", "环境管控单元名称"), ("prov", "省"), ("city", "市"),
                    ("area", "县（区）"), ("unit_class", "管控单元分类"),
                    *((d.value, zh(d)) for d in Dimension),
                    ("remark", "备注"))


def access_rows(frame, mapping: FieldMapping, rows: Optional[Sequence[int]] = None) -> List[List[str]]:
    """One list of cell texts per unit; the class is written out (优先保护单元 …)."""
    index = list(range(len(frame))) if rows is None else list(rows)
    out = []
    for i in index:
        rec = frame.iloc[i]
        line = []
        for role, _header in STANDARD_COLUMNS:
            field = getattr(mapping, role)
            value = rec[field] if field and field in frame.columns else None
            if role == "unit_class":
                cls = parse_unit_class(value)
                value = f"{UNIT_CLASSES_ZH[cls]}单元" if cls else ("" if value is None else value)
            line.append("" if value is None or (isinstance(value, float) and value != value) else str(value))
        out.append(line)
    return out


def export_access_list(frame, mapping: FieldMapping, path: str, rows: Optional[Sequence[int]] = None) -> str:
    """Write CSV (UTF-8 with BOM, for Excel on Chinese Windows) or XLSX, by the file's extension."""
    header = [h for _role, h in STANDARD_COLUMNS]
    data = access_rows(frame, mapping, rows)
    if path.lower().endswith(".csv"):
        with open(path, "w", newline="", encoding="utf-8-sig") as fh:
            w = csv.writer(fh)
            w.writerow(header)
            w.writerows(data)
        return path
    if path.lower().endswith(".xlsx"):
        try:
            from openpyxl import Workbook
            from openpyxl.styles import Alignment, Font
        except ImportError as exc:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "XLSX export needs the Python package openpyxl; export CSV instead or install it.")) from exc
        wb = Workbook()
        ws = wb.active
        ws.title = "生态环境准入清单"
        ws.append(header)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for line in data:
            ws.append(line)
        widths = (18, 28, 8, 8, 10, 12, 50, 50, 40, 40, 20)
        for col, width in zip("ABCDEFGHIJK", widths):
            ws.column_dimensions[col].width = width
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "A2"
        wb.save(path)
        return path
    raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Export to '{path}': use a .csv or .xlsx file name."), path=path)
