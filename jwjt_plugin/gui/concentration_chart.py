"""The concentration curve and its table of shares (matplotlib on a Qt canvas).

The view has a tab of its own in the results dock, which may be wide and short (docked at
the bottom) or narrow and tall (docked at the side): the table of shares goes beside the
curve when the view is much wider than high, below it otherwise, so the curve always gets
most of the room. The curve is redrawn at the canvas' size; every text is the UI language's.
"""
from __future__ import annotations

import re
from typing import Optional

from qgis.PyQt.QtCore import QSize, QTimer
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..adapters.i18n import tr
from ..core.report import draw_concentration_curve
from ..core.synergy import SynergyResult

#: width / height above which the table goes beside the curve
WIDE_RATIO = 2.2
#: punctuation that stays on the line before it
CLOSING = "）)]」』，。、：；%％"
#: widest a column heading opens before it wraps (pixels)
HEADING_WIDTH = 120


def _canvas_class():
    try:  # matplotlib >= 3.5 follows the Qt binding in use (Qt5 or Qt6)
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    except ImportError:  # pragma: no cover - matplotlib < 3.5
        from matplotlib.backends.backend_qt5agg import FigureCanvasQTAgg
    return FigureCanvasQTAgg


def chart_texts() -> dict:
    """The chart's texts in the UI language (draw_concentration_curve's keywords)."""
    return dict(title=tr("Emission concentration curve"),
                labels=(tr("Cells ranked by CO2 (%)"), tr("Cumulative share (%)")),
                marker=tr("top {k} % of cells"),
                note=tr("Logarithmic x axis: the top few % of cells hold most of the emissions."))


class ConcentrationView(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        from matplotlib.figure import Figure

        self.result: Optional[SynergyResult] = None
        self.natural_width = 360
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.body.setContentsMargins(2, 2, 2, 2)

        # Points on the chart as big as the UI's: the figure's dpi is the screen's.
        self.figure = Figure(figsize=(6, 4), dpi=max(self.logicalDpiY(), 72))
        self.canvas = _canvas_class()(self.figure)
        self.canvas.setParent(self)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumSize(200, 100)
        self.body.addWidget(self.canvas, 1)

        # Beside the curve in a wide view, below it in a tall one: the axis switch and the shares.
        self.side = QWidget(self)
        side = QVBoxLayout(self.side)
        side.setContentsMargins(0, 0, 0, 0)
        self.log_x = QCheckBox(tr("Logarithmic x axis"), self.side)
        self.log_x.setChecked(True)
        self.log_x.setToolTip(tr("The top few % of cells hold most of the emissions: a logarithmic axis spreads "
                                 "them out. Untick for a linear axis."))
        side.addWidget(self.log_x)
        self.table = _SharesTable(0, 4, self.side)
        self._set_headings(5.0)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setMinimumHeight(50)
        side.addWidget(self.table, 1)
        self.body.addWidget(self.side, 0)
        self._fit_table()
        self.log_x.toggled.connect(lambda _on: self._redraw())
        # Value labels are spaced for the figure's size: draw again once a resize has settled.
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(80)
        self._redraw_timer.timeout.connect(self._redraw)

    def _set_headings(self, k: float) -> None:
        self.headings = [tr("Species"), tr("Total (t/yr)"), tr("Share in top {k} % CO2 cells").format(k=f"{k:g}"),
                         tr("Share in coincidence cells")]
        self.table.setHorizontalHeaderLabels(self.headings)

    def _fit_table(self) -> None:
        """Each column as wide as its values (a long heading, "CO2 前 5% 网格内占比", wraps to at
        most HEADING_WIDTH instead of widening the view); header plus one row per species
        without a vertical scroll bar."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        cap = HEADING_WIDTH
        if self.body.direction() == QBoxLayout.Direction.TopToBottom and self.width() > 0:
            # below the curve: the columns share the view's width
            scroll = self.table.verticalScrollBar().sizeHint().width()
            cap = min(cap, max((self.width() - 2 * self.table.frameWidth() - scroll - 8) // len(self.headings) - 16,
                               48))
        for i, text in enumerate(self.headings):
            values = [self.table.item(r, i).text() for r in range(self.table.rowCount())
                      if self.table.item(r, i) is not None]
            value_width = max([metrics.horizontalAdvance(v) for v in values] + [0])
            width = max(value_width, min(metrics.horizontalAdvance(text), cap)) + 16
            header.resizeSection(i, width)
            item = self.table.horizontalHeaderItem(i)
            wrapped = wrap_text(text, width - 20, metrics)
            if item is not None and item.text() != wrapped:
                item.setText(wrapped)
        rows = max(self.table.rowCount(), 4)
        height = (header.sizeHint().height() + rows * self.table.verticalHeader().defaultSectionSize()
                  + 2 * self.table.frameWidth())
        full = height + self.table.horizontalScrollBar().sizeHint().height() + 4
        # Below the curve: every row when the view is tall, the curve keeps 300 px otherwise.
        # A wish (the size hint), not a minimum, so that a short dock can still shrink it.
        below = self.body.direction() == QBoxLayout.Direction.TopToBottom
        self.table.wanted_height = max(50, min(full, self.height() - 300 - self.log_x.sizeHint().height())) \
            if below else full
        self.table.setMaximumHeight(full)
        self.table.updateGeometry()
        self.natural_width = header.length() + 2 * self.table.frameWidth() + 4
        self.table.wanted_width = self.natural_width

    def show_result(self, result: SynergyResult) -> None:
        self.result = result
        self._redraw()
        conc = result.concentration
        self._set_headings(result.params.k_percent)
        self.table.setRowCount(len(conc))
        for i, r in enumerate(conc.itertuples()):
            cells = [r.species, f"{r.total_t:,.0f}", _pct(r.top_share), _pct(r.coinc_share)]
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self._fit_table()

    def _redraw(self) -> None:
        if self.result is None:
            return
        draw_concentration_curve(self.figure, self.result, log_x=self.log_x.isChecked(), **chart_texts())
        self.canvas.draw_idle()

    def clear(self) -> None:
        self.result = None
        self.figure.clear()
        self.canvas.draw_idle()
        self.table.setRowCount(0)

    def resizeEvent(self, event) -> None:  # noqa: N802
        wide = event.size().width() > WIDE_RATIO * max(event.size().height(), 1)
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.body.direction() != direction:
            self.body.setDirection(direction)
        self._fit_table()
        # Beside the curve, the shares take their natural width, up to half of the view.
        # A maximum and a wish, never a minimum: the view must be able to narrow again.
        self.side.setMaximumWidth(min(self.natural_width, event.size().width() // 2) if wide else 16777215)
        super().resizeEvent(event)
        self._fit_table()
        self._redraw_timer.start()


class _SharesTable(QTableWidget):
    """The table of shares, asking for the height :meth:`ConcentrationView._fit_table` chose."""

    wanted_height = 160
    wanted_width = 360

    def sizeHint(self):  # noqa: N802
        return QSize(self.wanted_width, self.wanted_height)


def wrap_text(text: str, width: int, metrics) -> str:
    """``text`` broken into lines no wider than ``width`` pixels: between words, and between
    any two Chinese characters (which need no spaces to break)."""
    tokens = re.findall(r"[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+|\s+", text)
    lines, line = [], ""
    for token in tokens:
        trial = line + token
        closing = token[0] in CLOSING  # "）" or "%" never starts a line
        if line and not token.isspace() and not closing and metrics.horizontalAdvance(trial.rstrip()) > max(width, 10):
            lines.append(line.rstrip())
            line = token
        else:
            line = trial
    lines.append(line.rstrip())
    return "\n".join(x for x in lines if x)


def _pct(v) -> str:
    return "" if v != v else f"{v * 100:.1f} %"
