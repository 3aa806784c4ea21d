"""三区三线 overlap check in the checks dock: plan layers, editable rules kept in the project,
a conflict layer and a table with click-to-zoom. The analysis is core.plan_overlap."""
from __future__ import annotations

from typing import List, Optional

from qgis.core import QgsApplication, QgsProject, QgsVectorLayer, QgsVectorLayerFeatureSource
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
from ..adapters.layers import crs_wkt, features_to_frame
from ..adapters.memory_layers import frame_to_memory_layer
from ..adapters.project_settings import SCOPE, load_mapping
from ..adapters.qt_compat import LayerFilter
from ..core.messages import JwjtInputError
from ..core.plan_rules import (
    DEFAULT_RULES,
    PLAN_KINDS,
    OverlapRule,
    detect_plan_code_field,
    rules_from_json,
    rules_to_json,
)
from .core_task import CoreTask
from .findings_view import FindingsView

RULES_KEY = "plan_overlap/rules"
DISABLED_KEY = "plan_overlap/disabled"


class PlanPanel(QWidget):
    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.task: Optional[CoreTask] = None
        self.result = None
        self.layer: Optional[QgsVectorLayer] = None
        self.conflict_layer: Optional[QgsVectorLayer] = None

        form = QFormLayout()
        self.units_combo = QgsMapLayerComboBox(self)
        self.units_combo.setFilters(LayerFilter.PolygonLayer)
        form.addRow(tr("Control units"), self.units_combo)
        self.plan_combos = {}
        for kind in PLAN_KINDS:
            combo = QgsMapLayerComboBox(self)
            combo.setFilters(LayerFilter.PolygonLayer)
            combo.setAllowEmptyLayer(True)
            combo.setLayer(_guess_plan_layer(kind))
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
        self.run_button = QPushButton(tr("Check overlaps"), self)
        run_row.addWidget(self.run_button)
        run_row.addStretch(1)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.view = FindingsView(iface.mapCanvas(), [
            ("RULE_LABEL", tr("Rule"), "text"), ("UNIT_CODE", tr("Unit"), "text"), ("UNIT_CLS", tr("Class"), "number"),
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
            check = QTableWidgetItem(rule.id)
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Unchecked if rule.id in disabled else Qt.CheckState.Checked)
            self.rules_table.setItem(i, 0, check)
            classes = QTableWidgetItem(",".join(str(c) for c in sorted(rule.forbidden_classes)))
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
                text = self.rules_table.item(i, 1).text().replace("，", ",")
                classes = {int(t) for t in text.split(",") if t.strip().isdigit()}
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
    def run(self) -> None:
        layer = self.units_combo.currentLayer()
        if not isinstance(layer, QgsVectorLayer):
            self.status.setText(tr("Choose the layer of control units."))
            return
        try:
            rules = self.active_rules()
        except JwjtInputError as err:
            self.status.setText(tr_message(err.message))
            return
        snaps = {}
        for kind, combo in self.plan_combos.items():
            plan = combo.currentLayer()
            if isinstance(plan, QgsVectorLayer):
                snaps[kind] = (QgsVectorLayerFeatureSource(plan), plan.fields(), crs_wkt(plan.crs()), plan.name(),
                               detect_plan_code_field(kind, plan.fields().names()))
        units = (QgsVectorLayerFeatureSource(layer), layer.fields(), crs_wkt(layer.crs()), layer.name())
        mapping = load_mapping(layer)
        min_area, min_width = self.min_area.value(), self.min_width.value()

        def work(task):
            from ..core.plan_overlap import check_plan_overlaps

            frame = features_to_frame(units[0], None, units[3], fields=units[1], crs_wkt_text=units[2],
                                      is_canceled=task.isCanceled)
            plans = {}
            for kind, (src, fields, wkt, name, code) in snaps.items():
                pf = features_to_frame(src, None, name, fields=fields, crs_wkt_text=wkt, is_canceled=task.isCanceled)
                plans[kind] = (pf.drop(columns=["feature_id"]), code, name)
            task.setProgress(30)
            return check_plan_overlaps(frame, mapping, plans, rules, min_area, min_width, units[3],
                                       is_canceled=task.isCanceled)

        self.layer = layer
        self.run_button.setEnabled(False)
        self.status.setText(tr("Checking…"))
        self.task = CoreTask(tr("JWJT overlap check"), work, self._on_done)
        QgsApplication.taskManager().addTask(self.task)

    def _on_done(self, task: CoreTask) -> None:
        from ..adapters.styles import apply_conflict_style

        self.task = None
        self.run_button.setEnabled(True)
        if task.value is None:
            self.status.setText(task.error or tr("Cancelled."))
            return
        self.result = task.value
        conflicts = self.result.conflicts.copy()
        labels = {r.id: (tr_core(r.description) if r.description else r.id) for r in self.result.rules_checked}
        conflicts["RULE_LABEL"] = conflicts["RULE_ID"].map(lambda rid: labels.get(rid, rid))
        self.view.set_frame(conflicts, self.layer.crs())
        notes = [tr_message(m) for m in self.result.log]
        if len(conflicts):
            name = tr("Plan conflicts — {layer}").format(layer=self.layer.name())
            self.conflict_layer = frame_to_memory_layer(self.result.conflicts, name, self.layer.crs())
            apply_conflict_style(self.conflict_layer, list(labels.items()))
            QgsProject.instance().addMapLayer(self.conflict_layer)
        summary = tr("{n} conflicts found.").format(n=len(conflicts)) if len(conflicts) else \
            tr("No conflict found.")
        self.status.setText("\n".join([summary] + notes))

    def shutdown(self) -> None:
        if self.task is not None:
            self.task.cancel()
        self.view.shutdown()


def _guess_plan_layer(kind: str):
    """A loaded layer whose source or name says which line it is (sample data and common names)."""
    words = {"ecological_redline": ("redline", "红线"), "permanent_farmland": ("farmland", "基本农田"),
             "urban_boundary": ("urban_boundary", "开发边界")}[kind]
    for layer in QgsProject.instance().mapLayers().values():
        if isinstance(layer, QgsVectorLayer) and any(w in (layer.source() + layer.name()).lower() for w in words):
            return layer
    return None
