"""The results of a synergy run as a panel of their own: units table, concentration, messages.

The panel goes into a dock that may sit at the bottom of the window (wide and short) or at
its side (narrow and tall), so nothing in it asks for width: the bars of filters and buttons
wrap (:class:`FlowLayout`), the summary wraps, the table scrolls sideways, and the chart tab
puts its table beside or below the curve. The table leads with the answer (flag, synergy
class) and can be narrowed to the flagged units or to some classes; what it shows, it
exports (CSV in UTF-8 with a byte-order mark, headers in the UI language).

The panel shows results and exports the table; the dock that owns it runs the analysis and
connects ``save_button`` and ``atlas_button`` to its own writers.
"""
from __future__ import annotations

import csv
from typing import Iterable, List, Optional, Sequence, Set, Tuple

from qgis.PyQt.QtCore import QModelIndex, QPoint, QRect, QSize, QSortFilterProxyModel, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..adapters.i18n import tr, tr_core
from ..core.synergy import CLASS_LABELS, SynergyResult
from .concentration_chart import ConcentrationView
from .results_model import SORT_ROLE, ResultsModel

#: widest a column may open at (long unit names scroll instead of widening the dock)
MAX_COLUMN_WIDTH = 220


class FlowLayout(QLayout):
    """Items left to right, wrapping to a new line when the width runs out (Qt's flow layout
    example): a bar that is one line in a wide dock and several in a narrow one."""

    def __init__(self, parent=None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            if item.widget() is not None and not item.widget().isVisibleTo(item.widget().parentWidget()):
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(min(hint.width(), area.width()), hint.height())))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + m.bottom()


class UnitsFilterProxy(QSortFilterProxyModel):
    """Sorts by value (``SORT_ROLE``); keeps only flagged units and/or some synergy classes."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.flagged_only = False
        self.synergy_classes: Optional[Set[str]] = None

    def set_flagged_only(self, on: bool) -> None:
        self.flagged_only = bool(on)
        self.invalidateFilter()

    def set_synergy_classes(self, classes: Optional[Iterable[str]]) -> None:
        """Keep the units of these classes ("A" ... "D"); None keeps every class."""
        self.synergy_classes = None if classes is None else {str(c) for c in classes}
        self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        if not isinstance(model, ResultsModel) or model.frame is None:
            return True
        if self.flagged_only and not model.is_flagged(row):
            return False
        return self.synergy_classes is None or model.synergy_class(row) in self.synergy_classes


class SynergyResultsPanel(QWidget):
    """Units / Concentration / Messages of one synergy result."""

    #: a sentence for the owner's status line (export written, or why it was refused)
    status_changed = pyqtSignal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.result: Optional[SynergyResult] = None
        #: (name, path) of files the run read that no loaded layer holds; the owner sets it
        self.protected_files: List[Tuple[str, str]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(self)
        self.tabs.setUsesScrollButtons(True)
        layout.addWidget(self.tabs)
        self.tabs.addTab(self._build_units_tab(), tr("Units"))
        self.chart = ConcentrationView(self.tabs)
        self.tabs.addTab(self.chart, tr("Concentration"))
        self.messages = QListWidget(self.tabs)
        self.messages.setWordWrap(True)
        self.messages.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tabs.addTab(self.messages, tr("Messages"))
        self.flagged_only.toggled.connect(self.proxy.set_flagged_only)
        self.class_combo.currentIndexChanged.connect(self._on_class_filter)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            signal.connect(self._update_count)
        self.export_button.clicked.connect(lambda: self.export_csv())
        self.clear()

    def _build_units_tab(self) -> QWidget:
        page = QWidget(self)
        col = QVBoxLayout(page)
        col.setContentsMargins(4, 4, 4, 4)
        col.setSpacing(4)
        self.summary_label = _wrapping_label(page)
        col.addWidget(self.summary_label)

        bar = FlowLayout()
        self.flagged_only = QCheckBox(tr("Flagged only"), page)
        self.flagged_only.setToolTip(tr("Show only the units flagged as synergy hotspots (class A)."))
        self.class_combo = QComboBox(page)
        self.class_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.class_combo.setToolTip(tr("Show the units of one synergy class only."))
        self.class_combo.addItem(tr("All synergy classes"), None)
        for code, label in CLASS_LABELS.items():
            self.class_combo.addItem(f"{code} {tr_core(label)}", code)
        self.count_label = QLabel(page)
        self.export_button = QPushButton(tr("Export CSV…"), page)
        self.export_button.setToolTip(tr("Write the table as shown (filtered and sorted) to a CSV file that "
                                         "Excel opens with its Chinese text intact."))
        self.save_button = QPushButton(tr("Save as GeoPackage…"), page)
        self.atlas_flagged = QCheckBox(tr("flagged units only"), page)
        self.atlas_flagged.setChecked(True)
        self.atlas_button = QPushButton(tr("Atlas (PDF)…"), page)
        self.atlas_organisation = QLineEdit(page)
        self.atlas_organisation.setPlaceholderText(tr("Organisation (编制单位)"))
        self.atlas_organisation.setToolTip(tr("Printed on the atlas cover and in its notes; kept in the project."))
        # Groups that wrap as one: each filter with the count it gives, each button with its option.
        for group in ((self.flagged_only, self.class_combo), (self.count_label,),
                      (self.export_button, self.save_button), (self.atlas_organisation, self.atlas_flagged, self.atlas_button)):
            bar.addWidget(_row(page, *group))
        col.addLayout(bar)
        self.status_label = _wrapping_label(page)
        self.status_label.setVisible(False)
        col.addWidget(self.status_label)

        self.model = ResultsModel(page)
        self.proxy = UnitsFilterProxy(page)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(page)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.table.setMinimumHeight(3 * self.table.verticalHeader().defaultSectionSize())
        col.addWidget(self.table, 1)
        return page

    # -- showing -------------------------------------------------------------------------
    def show_result(self, result: SynergyResult, feature_ids: Optional[Sequence[int]] = None,
                    keep_sort: bool = False) -> None:
        """Fill the table, chart and summary with ``result`` (``feature_ids``: per row of
        ``result.units``, the id of its feature in the result layer). A new result sorts by CO2, largest first; ``keep_sort`` keeps the
        analyst's sort (a re-flag with a new k)."""
        self.result = result
        fids = list(feature_ids) if feature_ids is not None else list(range(len(result.units)))
        self.model.set_results(result.units, fids, result.species, result.params)
        self._size_columns()
        column = self.model.column_of("CO2_T")
        if not keep_sort and column is not None:
            self.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
        self.chart.show_result(result)
        self.summary_label.setText(summary_line(result))
        for button in (self.export_button, self.save_button, self.atlas_button):
            button.setEnabled(True)
        self._set_status("")
        self._update_count()

    def set_messages(self, lines: Iterable[str]) -> None:
        self.messages.clear()
        self.messages.addItems(list(lines))

    def clear(self) -> None:
        self.result = None
        self.model.clear()
        self.chart.clear()
        self.summary_label.setText(tr("No results yet: run the analysis."))
        for button in (self.export_button, self.save_button, self.atlas_button):
            button.setEnabled(False)
        self._set_status("")
        self._update_count()

    def _size_columns(self) -> None:
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for i in range(self.model.columnCount()):
            if header.sectionSize(i) > MAX_COLUMN_WIDTH:
                header.resizeSection(i, MAX_COLUMN_WIDTH)

    def _on_class_filter(self, _index: int) -> None:
        code = self.class_combo.currentData()
        self.proxy.set_synergy_classes(None if code is None else {code})

    def _update_count(self, *_args) -> None:
        total = self.model.rowCount()
        self.count_label.setText(tr("{shown} of {total} units shown").format(shown=self.proxy.rowCount(),
                                                                             total=total) if total else "")

    def _set_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))
        if text:
            self.status_changed.emit(text)

    # -- export ----------------------------------------------------------------------------
    def export_csv(self, path: Optional[str] = None) -> Optional[str]:
        """Write the rows the table shows, in its order, to CSV; the path, or None when
        refused or cancelled (the status line says why). Asks for a file only without ``path``."""
        if self.result is None:
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, tr("Export the units table"), "", tr("CSV files (*.csv)"))
            if not path:
                return None
        if not path.lower().endswith(".csv"):
            path += ".csv"
        role = tr("Units table (CSV)")
        if not self._output_allowed(role, path):
            return None
        try:
            with open(path, "w", newline="", encoding="utf-8-sig") as fh:
                writer = csv.writer(fh)
                writer.writerows(self.table_rows())
        except OSError as err:
            self._set_status(tr("Could not write '{path}': {error}").format(path=path, error=err.strerror or err))
            return None
        self._set_status(tr("Table written to {path} ({n} units).").format(path=path, n=self.proxy.rowCount()))
        return path

    def table_rows(self) -> List[List[str]]:
        """Header and the rows as shown (filtered, sorted), as the CSV holds them."""
        columns = range(self.model.columnCount())
        rows = [[self.model.export_header(c) for c in columns]]
        for r in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(r, 0)).row()
            rows.append([self.model.export_value(source, c) for c in columns])
        return rows

    def _output_allowed(self, role: str, path: str) -> bool:
        from ..adapters.outputs import output_refusal

        reason = output_refusal(role, path, self.protected_files)
        if reason is not None:
            self._set_status(reason)
        return reason is None


def summary_line(result: SynergyResult) -> str:
    n_flag = int((result.units["SYN_FLAG"] == 1).sum())
    top = result.concentration.set_index("species")["top_share"]
    shares = ", ".join(f"{s} {v * 100:.1f} %" for s, v in top.items() if v == v)
    return tr("{n} of {total} units flagged. Top {k:g} % cells hold {shares}.").format(
        n=n_flag, total=len(result.units), k=result.params.k_percent, shares=shares)


def _row(parent, *widgets) -> QWidget:
    box = QWidget(parent)
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        w.setParent(box)
        layout.addWidget(w)
    return box


def _wrapping_label(parent) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    # A wrapped label's size hint is its one-line width: let the layout narrow it.
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    label.setMinimumWidth(1)
    return label
