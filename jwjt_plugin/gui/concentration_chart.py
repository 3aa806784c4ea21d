"""The concentration curve and table in the dock (matplotlib on a Qt canvas)."""
from __future__ import annotations

from qgis.PyQt.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ..adapters.i18n import tr
from ..core.report import draw_concentration_curve
from ..core.synergy import SynergyResult


class ConcentrationView(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        from matplotlib.backends.backend_qt5agg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.figure = Figure(figsize=(5, 3.4), dpi=90)
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumHeight(240)
        layout.addWidget(self.canvas, 3)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([tr("Species"), tr("Total (t/yr)"), tr("In top k % CO2 cells"),
                                              tr("In coincidence cells")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # Header plus one row per species (4) without a scroll bar.
        rows = self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + 4 * rows + 4)
        layout.addWidget(self.table, 1)

    def show_result(self, result: SynergyResult) -> None:
        # Short axis labels in the UI language: the dock is narrow.
        draw_concentration_curve(self.figure, result, tr("Emission concentration curve"),
                                 (tr("Cells ranked by CO2 (%)"), tr("Cumulative share (%)")))
        self.canvas.draw_idle()
        conc = result.concentration
        self.table.setRowCount(len(conc))
        for i, r in enumerate(conc.itertuples()):
            cells = [r.species, f"{r.total_t:,.0f}", _pct(r.top_share), _pct(r.coinc_share)]
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))

    def clear(self) -> None:
        self.figure.clear()
        self.canvas.draw_idle()
        self.table.setRowCount(0)


def _pct(v) -> str:
    return "" if v != v else f"{v * 100:.1f} %"
