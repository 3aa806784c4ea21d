"""The results of the park carbon assessment in the park dock, and the accepted suggestions.

Tabs: the park table (per park and scenario: totals by source and intensities), the indicators
(pass green, fail red), the suggested access-list requirements with a checkbox each, and the run's
messages. "Insert accepted into the access list…" appends the ticked texts to the dimension fields
of the park's units in the chosen unit layer (:mod:`jwjt_plugin.adapters.park_requirements`) after
the analyst confirms: one undo step, the layer left editable, the change log watching it.
"""
from __future__ import annotations

from typing import Callable, List

from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..adapters.i18n import term_label, tr, tr_core, tr_message
from ..adapters.qt_compat import LayerFilter
from ..core.layer_roles import Role
from ..core.messages import QT_TRANSLATE_NOOP, JwjtInputError
from .default_layers import DefaultLayers

PARK_COLUMNS = (("park_name", QT_TRANSLATE_NOOP("@default", "Park")),
                ("scenario", QT_TRANSLATE_NOOP("@default", "Scenario")),
                ("total_t", QT_TRANSLATE_NOOP("@default", "Total CO2 (t)")),
                ("direct_t", QT_TRANSLATE_NOOP("@default", "Direct (t)")),
                ("indirect_t", QT_TRANSLATE_NOOP("@default", "Indirect (t)")),
                ("intensity_va", QT_TRANSLATE_NOOP("@default", "tCO2 per 万元")),
                ("intensity_land", QT_TRANSLATE_NOOP("@default", "tCO2 per km²")),
                ("top_source", QT_TRANSLATE_NOOP("@default", "Largest enterprise")))
INDICATOR_COLUMNS = (("park_name", QT_TRANSLATE_NOOP("@default", "Park")),
                     ("scenario", QT_TRANSLATE_NOOP("@default", "Scenario")),
                     ("indicator", QT_TRANSLATE_NOOP("@default", "Indicator")),
                     ("value", QT_TRANSLATE_NOOP("@default", "Value")),
                     ("comparison", ""), ("benchmark", QT_TRANSLATE_NOOP("@default", "Benchmark")),
                     ("status", QT_TRANSLATE_NOOP("@default", "Status")))
SUGGESTION_COLUMNS = (("unit_code", QT_TRANSLATE_NOOP("@default", "Unit")),
                      ("dimension", QT_TRANSLATE_NOOP("@default", "Dimension")),
                      ("text", QT_TRANSLATE_NOOP("@default", "Requirement")),
                      ("reason", QT_TRANSLATE_NOOP("@default", "Reason")))
STATUS_COLOURS = {"pass": "#c7e9c0", "fail": "#fcbba1"}


def _cell(value) -> str:
    if isinstance(value, float):
        return "" if value != value else f"{value:,.4g}" if abs(value) < 1000 else f"{value:,.0f}"
    return "" if value is None else tr_core(str(value)) if isinstance(value, str) else str(value)


def _dimension_text(dim: str) -> str:
    from ..core.terms import Dimension

    try:
        return term_label(Dimension(dim))
    except ValueError:
        return dim


def fill_table(table: QTableWidget, frame, columns) -> None:
    table.clear()
    table.setColumnCount(len(columns))
    table.setHorizontalHeaderLabels([tr(label) if label else "" for _k, label in columns])
    table.setRowCount(0 if frame is None else len(frame))
    if frame is None:
        return
    for i, rec in enumerate(frame.to_dict("records")):
        for j, (key, _label) in enumerate(columns):
            value = rec.get(key)
            text = _dimension_text(value) if key == "dimension" else _cell(value)
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            colour = STATUS_COLOURS.get(rec.get("status", ""))
            if colour and key == "status":
                item.setBackground(QColor(colour))
            table.setItem(i, j, item)
    table.resizeColumnsToContents()


class ParkResults(QTabWidget):
    def __init__(self, iface, session=None, parent=None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.session = session
        self.result = None
        #: asks the analyst (title, text) -> bool; tests replace it
        self.confirm: Callable[[str, str], bool] = self._ask
        self.parks_table = self._table()
        self.addTab(self.parks_table, tr("Parks"))
        self.indicators_table = self._table()
        self.addTab(self.indicators_table, tr("Indicators"))
        self.addTab(self._suggestions_page(), tr("Suggestions"))
        self.messages = QListWidget(self)
        self.messages.setWordWrap(True)
        self.addTab(self.messages, tr("Messages"))
        self.setMinimumHeight(220)

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, 0, self)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(20)
        return table

    def _suggestions_page(self) -> QWidget:
        page = QWidget(self)
        col = QVBoxLayout(page)
        col.setContentsMargins(0, 0, 0, 0)
        self.suggestions_table = self._table()
        col.addWidget(self.suggestions_table, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Unit layer"), page))
        self.units_combo = QgsMapLayerComboBox(page)
        self.units_combo.setFilters(LayerFilter.PolygonLayer)
        # the layer recognised as control units, as the other docks pick it
        self.defaults = DefaultLayers(self)
        self.defaults.bind(self.units_combo, Role.UNITS)
        self.defaults.apply()
        row.addWidget(self.units_combo, 1)
        col.addLayout(row)
        self.insert_button = QPushButton(tr("Insert accepted into the access list…"), page)
        self.insert_button.setEnabled(False)
        self.insert_button.clicked.connect(lambda: self.insert_accepted())
        col.addWidget(self.insert_button)
        self.insert_status = QLabel(page)
        self.insert_status.setWordWrap(True)
        col.addWidget(self.insert_status)
        return page

    # -- showing -------------------------------------------------------------------------------------
    def clear_results(self) -> None:  # not clear(): QTabWidget.clear removes the tabs
        self.result = None
        for table in (self.parks_table, self.indicators_table, self.suggestions_table):
            table.setRowCount(0)
        self.insert_button.setEnabled(False)
        self.insert_status.clear()

    def set_messages(self, messages) -> None:
        self.messages.clear()
        for _level, text in messages:
            self.messages.addItem(text)

    def set_result(self, result) -> None:
        self.result = result
        fill_table(self.parks_table, result.parks, PARK_COLUMNS)
        fill_table(self.indicators_table, result.indicators, INDICATOR_COLUMNS)
        fill_table(self.suggestions_table, result.suggestions, SUGGESTION_COLUMNS)
        for i in range(self.suggestions_table.rowCount()):
            item = self.suggestions_table.item(i, 0)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.insert_button.setEnabled(self.suggestions_table.rowCount() > 0)

    # -- accepting -----------------------------------------------------------------------------------
    def accepted(self) -> List[int]:
        return [i for i in range(self.suggestions_table.rowCount())
                if self.suggestions_table.item(i, 0).checkState() == Qt.CheckState.Checked]

    def set_accepted(self, rows) -> None:
        for i in range(self.suggestions_table.rowCount()):
            self.suggestions_table.item(i, 0).setCheckState(
                Qt.CheckState.Checked if i in rows else Qt.CheckState.Unchecked)

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def insert_accepted(self) -> int:
        """Insert the ticked suggestions into the unit layer after confirmation; fields changed."""
        from ..adapters.park_requirements import Requirement, insert_requirements
        from ..adapters.project_settings import load_mapping

        layer = self.units_combo.currentLayer()
        rows = self.accepted()
        if self.result is None or layer is None or not rows:
            self.insert_status.setText(tr("Tick the suggestions to insert and choose the unit layer."))
            return 0
        frame = self.result.suggestions.iloc[rows]
        reqs = [Requirement(str(r.unit_code), str(r.dimension), str(r.text)) for r in frame.itertuples(index=False)]
        if not self.confirm(tr("Insert into the access list"),
                            tr("Append {n} accepted requirements to the access list of layer '{layer}'? "
                               "(one undo step; the layer stays in edit mode)").format(n=len(reqs), layer=layer.name())):
            return 0
        mapping = load_mapping(layer)
        if self.session is not None and mapping.code:
            self.session.change_logger.watch(layer, mapping.code)
        try:
            n, started = insert_requirements(layer, mapping, reqs,
                                             tr("Insert {n} park requirements").format(n=len(reqs)))
        except JwjtInputError as err:
            self.insert_status.setText(tr_message(err.message))
            return 0
        note = tr(" Layer '{name}' was switched into editing; save or roll back its edits.").format(
            name=layer.name()) if started else ""
        self.insert_status.setText(tr("{n} fields changed (undo with Ctrl+Z).").format(n=n) + note)
        return n

    def shutdown(self) -> None:
        self.defaults.shutdown()
