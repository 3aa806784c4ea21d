"""三区三线 overlap check in the checks dock: plan layers, editable rules kept in the project,
a conflict layer and a table with click-to-zoom. The panel runs ``jwjt:planoverlaps`` in the
background (:mod:`.algorithm_run`) with the parameters its widgets describe; edited rules reach
it as a rules file."""
from __future__ import annotations

import os
import re
import tempfile
from typing import List, Optional, Tuple

from qgis.core import QgsProject, QgsVectorLayer
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..adapters.i18n import tr, tr_core, tr_message
from ..adapters.project_settings import SCOPE, load_mapping
from ..adapters.qt_compat import LayerFilter
from ..core.fields import parse_unit_class, unit_class_label
from ..core.layer_roles import Role
from ..core.messages import JwjtInputError
from ..core.plan_rules import (
    DEFAULT_RULES,
    FARMLAND,
    PLAN_KINDS,
    REDLINE,
    URBAN,
    OverlapRule,
    rules_from_json,
    rules_to_json,
)
from ..core.terms import UnitClass, en, from_text
from ..processing.plan_overlap_algorithm import apply_conflict_aliases
from .algorithm_run import AlgorithmRun, field_parameters, units_parameter
from .default_layers import DefaultLayers
from .findings_view import FindingsView
from .run_bar import RunBar

RULES_KEY = "plan_overlap/rules"
DISABLED_KEY = "plan_overlap/disabled"


class PlanPanel(QWidget):
    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.task: Optional[AlgorithmRun] = None
        self.result = None
        self.layer: Optional[QgsVectorLayer] = None
        self.conflict_layer: Optional[QgsVectorLayer] = None
        self.messages: List[Tuple[str, str]] = []
        self._rules_file = ""

        form = QFormLayout()
        self.units_combo = QgsMapLayerComboBox(self)
        self.units_combo.setFilters(LayerFilter.PolygonLayer)
        form.addRow(tr("Control units"), self.units_combo)
        self.plan_combos = {}
        for kind in PLAN_KINDS:
            combo = QgsMapLayerComboBox(self)
            combo.setFilters(LayerFilter.PolygonLayer)
            combo.setAllowEmptyLayer(True)
            form.addRow(tr_core(PLAN_KINDS[kind]), combo)
            self.plan_combos[kind] = combo
        self.min_area = QDoubleSpinBox(self)
        self.min_area.setRange(0, 1e9)
        self.min_area.setDecimals(0)
        self.min_area.setValue(100)
        self.min_area.setSuffix(" m²")
        form.addRow(tr("Ignore overlaps smaller than (m²)"), self.min_area)
        self.min_width = QDoubleSpinBox(self)
        self.min_width.setRange(0, 1e5)
        self.min_width.setDecimals(1)
        self.min_width.setValue(20)
        self.min_width.setSuffix(" m")
        form.addRow(tr("Ignore overlaps narrower than (m)"), self.min_width)

        self.rules_table = QTableWidget(0, 3, self)
        self.rules_table.setHorizontalHeaderLabels([tr("Rule"), tr("Forbidden unit classes"), tr("Description")])
        header = self.rules_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.rules_table.verticalHeader().setVisible(False)
        self.rules_table.setMaximumHeight(170)
        rule_buttons = QHBoxLayout()
        self.load_rules_button = QPushButton(tr("Load rules…"), self)
        self.save_rules_button = QPushButton(tr("Export rules…"), self)
        self.reset_rules_button = QPushButton(tr("Default rules"), self)
        for b in (self.load_rules_button, self.save_rules_button, self.reset_rules_button):
            rule_buttons.addWidget(b)
        rule_buttons.addStretch(1)

        run_row = QHBoxLayout()
        self.run_bar = RunBar(tr("Check overlaps"), self)
        self.run_button = self.run_bar.run_button
        run_row.addWidget(self.run_bar)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.view = FindingsView(iface.mapCanvas(), [
            ("RULE_LABEL", tr("Rule"), "text"), ("UNIT_CODE", tr("Unit"), "text"), ("UNIT_CLASS_LABEL", tr("Class"), "text"),
            ("PLAN_LAYER", tr("Plan layer"), "text"), ("PLAN_CODE", tr("Plan feature"), "text"),
            ("AREA_M2", tr("Area"), "area"), ("UNIT_SHARE", tr("Share of the unit"), "percent"),
            ("PLAN_SHARE", tr("Share of the plan feature"), "percent")], self)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.rules_table)
        layout.addLayout(rule_buttons)
        layout.addLayout(run_row)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self.run_button.clicked.connect(self.run)
        self.load_rules_button.clicked.connect(lambda: self.load_rules_file())
        self.save_rules_button.clicked.connect(lambda: self.export_rules())
        self.reset_rules_button.clicked.connect(lambda: self.set_rules(list(DEFAULT_RULES), save=True))
        self.rules_table.itemChanged.connect(lambda _item: self._save_rules())
        self.set_rules(self._project_rules(), save=False)
        self.defaults = DefaultLayers(self)
        self.defaults.bind(self.units_combo, Role.UNITS)
        for kind, combo in self.plan_combos.items():
            self.defaults.bind(combo, Role(kind))
            combo.layerChanged.connect(lambda _layer: self.refresh_state())
        self.defaults.changed.connect(self.refresh_state)
        self.units_combo.layerChanged.connect(lambda _layer: self.refresh_state())
        self.defaults.apply()

    def why_not_runnable(self) -> Optional[str]:
        if self.task is not None:
            return tr("A check is running.")
        if not isinstance(self.units_combo.currentLayer(), QgsVectorLayer):
            return self.defaults.question() or tr("Choose the layer of control units.")
        if not any(isinstance(c.currentLayer(), QgsVectorLayer) for c in self.plan_combos.values()):
            return self.defaults.question() or tr("Choose at least one plan layer (red line, farmland or urban "
                                                  "development boundary).")
        return None

    def refresh_state(self) -> None:
        reason = self.why_not_runnable()
        self.run_bar.set_ready(reason)
        if self.task is None and (reason is not None or self.result is None):
            self.status.setText(reason or self.defaults.question() or tr("Ready to check."))

    # -- rules, kept in the project ------------------------------------------------------------
    def _project_rules(self) -> List[OverlapRule]:
        text, ok = QgsProject.instance().readEntry(SCOPE, RULES_KEY, "")
        if ok and text:
            try:
                return rules_from_json(text, tr("project"))
            except JwjtInputError as err:
                self.status.setText(tr_message(err.message))
        return list(DEFAULT_RULES)

    def set_rules(self, rules: List[OverlapRule], save: bool = True) -> None:
        """Show ``rules``; ``save`` stores them (all enabled), otherwise the project's
        enabled/disabled choice is restored."""
        self.rules = list(rules)
        disabled = set()
        if not save:
            saved, ok = QgsProject.instance().readEntry(SCOPE, DISABLED_KEY, "")
            disabled = set(saved.split(",")) if ok and saved else set()
        self.rules_table.blockSignals(True)
        self.rules_table.setRowCount(len(self.rules))
        for i, rule in enumerate(self.rules):
            check = QTableWidgetItem(tr_core(PLAN_KINDS[rule.plan]) if rule.plan in PLAN_KINDS else rule.id)
            check.setToolTip(rule.id)
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Unchecked if rule.id in disabled else Qt.CheckState.Checked)
            self.rules_table.setItem(i, 0, check)
            classes = QTableWidgetItem("、".join(unit_class_label(c, tr_core) for c in sorted(rule.forbidden_classes)))
            classes.setToolTip(tr("Unit classes, separated by commas: names or numbers (1 priority protection, "
                                  "2 key control, 3 general control)."))
            if not rule.is_class_rule:
                classes.setFlags(Qt.ItemFlag.ItemIsEnabled)
                classes.setText("—")
            self.rules_table.setItem(i, 1, classes)
            desc = QTableWidgetItem(tr_core(rule.description) if rule.description else rule.id)
            desc.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.rules_table.setItem(i, 2, desc)
        self.rules_table.blockSignals(False)
        if save:
            self._save_rules()

    def active_rules(self) -> List[OverlapRule]:
        """The checked rules, with the classes as edited in the table."""
        out = []
        for i, rule in enumerate(self.rules):
            if self.rules_table.item(i, 0).checkState() != Qt.CheckState.Checked:
                continue
            if rule.is_class_rule:
                text = self.rules_table.item(i, 1).text()
                tokens = [t.strip() for t in re.split(r"[,，、;；]+", text) if t.strip()]
                classes = {c for c in (_class_of(t) for t in tokens) if c is not None}
                rule = OverlapRule(rule.id, rule.plan, frozenset(classes), None, rule.description)
            out.append(rule)
        return out

    def _save_rules(self) -> None:
        try:
            rules = self.active_rules()
        except JwjtInputError as err:
            self.status.setText(tr_message(err.message))
            return
        edited = {r.id: r for r in rules}
        all_rules = [edited.get(r.id, r) for r in self.rules]
        disabled = [r.id for i, r in enumerate(self.rules)
                    if self.rules_table.item(i, 0).checkState() != Qt.CheckState.Checked]
        project = QgsProject.instance()
        project.writeEntry(SCOPE, RULES_KEY, rules_to_json(all_rules))
        project.writeEntry(SCOPE, DISABLED_KEY, ",".join(disabled))

    def load_rules_file(self, path: Optional[str] = None) -> bool:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, tr("Load overlap rules"), "", tr("Rules (*.json)"))
            if not path:
                return False
        try:
            with open(path, encoding="utf-8") as fh:
                self.set_rules(rules_from_json(fh.read(), path), save=True)
        except (OSError, JwjtInputError) as err:
            self.status.setText(tr_message(err.message) if isinstance(err, JwjtInputError) else str(err))
            return False
        return True

    def export_rules(self, path: Optional[str] = None) -> Optional[str]:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, tr("Export overlap rules"), "", tr("Rules (*.json)"))
            if not path:
                return None
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(rules_to_json(self.active_rules()))
        return path

    # -- running ---------------------------------------------------------------------------------
    #: plan kind -> (algorithm parameter, code-field parameter)
    PLAN_PARAMETERS = {REDLINE: ("REDLINE", "REDLINE_CODE"), FARMLAND: ("FARMLAND", "FARMLAND_CODE"),
                       URBAN: ("URBAN", "URBAN_CODE")}

    def parameters(self, rules_file: str = "") -> dict:
        """The ``jwjt:planoverlaps`` parameters the widgets describe; ``rules_file`` holds the
        rules when they are not the default ones (see :meth:`write_rules_file`)."""
        layer = self.units_combo.currentLayer()
        params = {"UNITS": units_parameter(layer),
                  **field_parameters(load_mapping(layer), ("CODE_FIELD", "CLASS_FIELD")),
                  "MIN_AREA": self.min_area.value(), "MIN_WIDTH": self.min_width.value(),
                  "OUTPUT": "TEMPORARY_OUTPUT", "KEEP": True}
        for kind, combo in self.plan_combos.items():
            plan = combo.currentLayer()
            if isinstance(plan, QgsVectorLayer):
                params[self.PLAN_PARAMETERS[kind][0]] = units_parameter(plan)
        if rules_file:
            params["RULES"] = rules_file
        return params

    def write_rules_file(self) -> str:
        """The active rules in a temporary rules file, '' when they are the default rules."""
        rules = self.active_rules()
        if rules == list(DEFAULT_RULES):
            return ""
        fd, path = tempfile.mkstemp(prefix="jwjt_rules_", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(rules_to_json(rules))
        return path

    def run(self) -> None:
        reason = self.why_not_runnable()
        if reason is not None:
            self.status.setText(reason)
            return
        layer = self.units_combo.currentLayer()
        try:
            rules_file = self.write_rules_file()
        except JwjtInputError as err:
            self.status.setText(tr_message(err.message))
            return
        except OSError as err:
            self.status.setText(str(err))
            return
        self._rules_file = rules_file
        self.layer = layer
        self.status.setText(tr("Checking…"))
        self.messages = []
        self.task = AlgorithmRun("planoverlaps", self.parameters(rules_file), self)
        self.task.done.connect(self._on_done)
        self.run_bar.started(self.task)
        self.task.start()

    def _on_done(self, run: AlgorithmRun) -> None:
        from ..adapters.styles import apply_conflict_style
        from ..processing.run_cache import take

        self.task = None
        self.messages = run.messages
        if self._rules_file:
            try:
                os.remove(self._rules_file)
            except OSError:
                pass
            self._rules_file = ""
        result = take(run.results.get("RESULT", "")) if run.ok else None
        layer = run.take_layer("OUTPUT") if run.ok else None
        self.run_bar.finished(result is not None and layer is not None)
        if result is None or layer is None:
            self.status.setText(run.error or tr("Cancelled."))
            return
        self.result = result
        conflicts = self.result.conflicts.copy()
        conflicts["UNIT_CLASS_LABEL"] = conflicts["UNIT_CLS"].map(lambda c: unit_class_label(c, tr_core))
        labels = {r.id: (tr_core(r.description) if r.description else r.id) for r in self.result.rules_checked}
        conflicts["RULE_LABEL"] = conflicts["RULE_ID"].map(lambda rid: labels.get(rid, rid))
        self.view.set_frame(conflicts, self.layer.crs())
        notes = [tr_message(m) for m in self.result.log]
        if len(conflicts):
            layer.setName(tr("Plan conflicts — {layer}").format(layer=self.layer.name()))
            apply_conflict_style(layer, list(labels.items()))
            apply_conflict_aliases(layer)
            QgsProject.instance().addMapLayer(layer)
            self.conflict_layer = layer
        summary = tr("{n} conflicts found.").format(n=len(conflicts)) if len(conflicts) else \
            tr("No conflict found.")
        self.status.setText("\n".join([summary] + notes))

    def shutdown(self) -> None:
        if self.task is not None:
            self.task.cancel()
        self.defaults.shutdown()
        self.view.shutdown()


def _class_of(text: str):
    """A class as the table shows it (its name, in either language) or as typed (1, 2, 3, 重点)."""
    member = from_text(UnitClass, text) or from_text(UnitClass, tr_to_english(text))
    return member.value if member is not None else parse_unit_class(text)


def tr_to_english(text: str) -> str:
    """The English label of a translated class name (the table shows the user's language)."""
    for member in UnitClass:
        if tr_core(en(member)) == text:
            return en(member)
    return text
