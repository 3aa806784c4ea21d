"""Editor of a unit's access list (生态环境准入清单), fed by the unit pick tool.

Saving the form is one edit command in the layer's edit buffer (Ctrl+Z, Rollback and Save
Layer Edits behave as anywhere in QGIS); nothing is saved while validation finds an error.
Measures from the library go into the right dimension, for one unit or in bulk.

Several analysts may edit the same layer (a shared PostGIS table): when a unit is shown the
editor also reads its values straight from the data provider, and before a save it reads
them again; a field the save would change that another session changed meanwhile refuses
the save, with both values in the message and the form left as it is. Nothing is overwritten
without the user seeing the other value.
"""
from __future__ import annotations

from typing import Callable, Dict, List, Optional

from qgis.core import Qgis, QgsFeature, QgsFeatureRequest, QgsVectorLayer
from qgis.gui import QgsDockWidget, QgsHighlight
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..adapters.change_log import ChangeLogger
from ..adapters.edits import edit_command
from ..adapters.i18n import term_label, tr, tr_message
from ..adapters.inputs import snapshot_layer
from ..adapters.layers import python_value
from ..adapters.project_settings import load_mapping
from ..core.access_validation import validate_record
from ..core.fields import ACCESS_DIMENSIONS, FieldMapping
from ..core.measures import Measure, industries, insert_measure, load_measures
from ..core.messages import JwjtInputError, Message
from ..core.terms import Dimension, UnitClass

TEXT_ROLES = ACCESS_DIMENSIONS + ("remark",)


class AccessEditorDock(QgsDockWidget):
    def __init__(self, iface, logger: ChangeLogger, metrics_for: Optional[Callable[[str], Optional[dict]]] = None,
                 flagged_codes: Optional[Callable[[], List[str]]] = None, parent=None, session=None) -> None:
        """Unit metrics and flagged codes come from ``session`` (gui.session.Session), the latest
        synergy result, unless ``metrics_for`` / ``flagged_codes`` are given."""
        super().__init__(tr("Access list editor (准入清单编辑)"), parent)
        self.setObjectName("JwjtAccessEditorDock")
        self.iface = iface
        self.logger = logger
        self.session = session
        self.metrics_for = metrics_for or (session.unit_metrics if session is not None else (lambda code: None))
        self.flagged_codes = flagged_codes or (session.flagged_codes if session is not None else (lambda: []))
        self.layer: Optional[QgsVectorLayer] = None
        self.fid: Optional[int] = None
        self.mapping = FieldMapping()
        self.loaded: Dict[str, object] = {}
        # The shown unit's values in the data provider (the database), read when it was shown and
        # moved on by our own commits: what a save expects to find there still.
        self.db_loaded: Dict[str, object] = {}
        self._committing: Dict[str, object] = {}
        self._watched: Optional[QgsVectorLayer] = None
        self.highlight: Optional[QgsHighlight] = None
        self.measures: List[Measure] = load_measures()
        self._build()
        self.logger.add_error_listener(self._on_log_error)
        if session is not None:
            session.resultsChanged.connect(self._on_results_changed)

    # -- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        tabs = QTabWidget(self)
        form_page = QWidget(tabs)
        col = QVBoxLayout(form_page)
        self.title = QLabel(tr("Choose the unit tool and click a unit on the map."), form_page)
        self.title.setWordWrap(True)
        col.addWidget(self.title)
        head = QFormLayout()
        self.code_edit = QLineEdit(form_page)
        self.name_edit = QLineEdit(form_page)
        self.class_combo = QComboBox(form_page)
        for member in UnitClass:
            self.class_combo.addItem(f"{member.value} {term_label(member, zh=False)}", member.value)
        self.metrics_label = QLabel(form_page)
        self.metrics_label.setWordWrap(True)
        head.addRow(tr("Unit code"), self.code_edit)
        head.addRow(tr("Unit name"), self.name_edit)
        head.addRow(tr("Unit class"), self.class_combo)
        head.addRow(tr("Synergy metrics"), self.metrics_label)
        col.addLayout(head)
        self.text_edits: Dict[str, QPlainTextEdit] = {}
        self.problem_labels: Dict[str, QLabel] = {}
        for role in ("code", "unit_class"):
            self.problem_labels[role] = QLabel(form_page)
        col.addWidget(self.problem_labels["code"])
        col.addWidget(self.problem_labels["unit_class"])
        for role in TEXT_ROLES:
            box = QGroupBox(term_label(Dimension(role)) if role != "remark" else tr("Remark (备注)"), form_page)
            lay = QVBoxLayout(box)
            edit = QPlainTextEdit(box)
            edit.setMinimumHeight(60 if role != "remark" else 34)
            lay.addWidget(edit)
            problem = QLabel(box)
            lay.addWidget(problem)
            self.text_edits[role] = edit
            self.problem_labels[role] = problem
            col.addWidget(box)
        for label in self.problem_labels.values():
            label.setStyleSheet("color: #b00020;")
            label.setWordWrap(True)
            label.setVisible(False)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(tr("Save to layer"), form_page)
        self.save_button.setToolTip(tr("Writes the form into the layer's edit buffer as one undoable step."))
        self.revert_button = QPushButton(tr("Revert form"), form_page)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        col.addLayout(buttons)
        self.status = QLabel(form_page)
        self.status.setWordWrap(True)
        col.addWidget(self.status)
        tabs.addTab(form_page, tr("Unit"))

        measures_page = QWidget(tabs)
        mcol = QVBoxLayout(measures_page)
        mrow = QHBoxLayout()
        self.industry_combo = QComboBox(measures_page)
        self.load_measures_button = QPushButton(tr("Measures table…"), measures_page)
        mrow.addWidget(QLabel(tr("Industry"), measures_page))
        mrow.addWidget(self.industry_combo, 1)
        mrow.addWidget(self.load_measures_button)
        mcol.addLayout(mrow)
        self.measure_list = QListWidget(measures_page)
        self.measure_list.setWordWrap(True)
        mcol.addWidget(self.measure_list, 1)
        brow = QHBoxLayout()
        self.insert_button = QPushButton(tr("Insert into the form"), measures_page)
        self.apply_selected_button = QPushButton(tr("Apply to selected units"), measures_page)
        self.apply_flagged_button = QPushButton(tr("Apply to flagged units"), measures_page)
        for b in (self.insert_button, self.apply_selected_button, self.apply_flagged_button):
            brow.addWidget(b)
        mcol.addLayout(brow)
        tabs.addTab(measures_page, tr("Measures library"))

        log_page = QWidget(tabs)
        lcol = QVBoxLayout(log_page)
        self.log_table = QTableWidget(0, 6, log_page)
        self.log_table.setHorizontalHeaderLabels([tr("Time"), tr("User"), tr("Unit"), tr("Field"), tr("Old value"),
                                                  tr("New value")])
        self.log_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.log_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        lcol.addWidget(self.log_table, 1)
        lrow = QHBoxLayout()
        self.refresh_log_button = QPushButton(tr("Refresh"), log_page)
        self.export_log_button = QPushButton(tr("Export change log…"), log_page)
        self.export_all_button = QPushButton(tr("Export access list…"), log_page)
        self.export_flagged_button = QPushButton(tr("Export flagged units' list…"), log_page)
        for b in (self.refresh_log_button, self.export_log_button, self.export_all_button, self.export_flagged_button):
            lrow.addWidget(b)
        lcol.addLayout(lrow)
        tabs.addTab(log_page, tr("Change log and export"))
        self.setWidget(tabs)
        self.tabs = tabs

        self.save_button.clicked.connect(lambda: self.save())
        self.revert_button.clicked.connect(self._fill_form)
        self.industry_combo.currentIndexChanged.connect(self._fill_measures)
        self.load_measures_button.clicked.connect(lambda: self.load_measures_table())
        self.insert_button.clicked.connect(self.insert_selected_measure)
        self.apply_selected_button.clicked.connect(lambda: self.apply_measure_to(self._selected_ids()))
        self.apply_flagged_button.clicked.connect(lambda: self.apply_measure_to(self._flagged_ids()))
        self.refresh_log_button.clicked.connect(self.refresh_log)
        self.export_log_button.clicked.connect(lambda: self.export_log())
        self.export_all_button.clicked.connect(lambda: self.export_access_list())
        self.export_flagged_button.clicked.connect(lambda: self.export_access_list(flagged_only=True))
        self._fill_industries()
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        for w in [self.code_edit, self.name_edit, self.class_combo, self.save_button, self.revert_button,
                  self.insert_button, *self.text_edits.values()]:
            w.setEnabled(on)

    # -- showing a unit --------------------------------------------------------------------------
    def show_feature(self, layer: QgsVectorLayer, feature: QgsFeature) -> None:
        self.layer = layer
        self.fid = feature.id()
        self.mapping = load_mapping(layer)
        self.logger.watch(layer, self.mapping.code)
        self.loaded = {role: python_value(feature[field]) for role, field in self.mapping.as_dict().items()
                       if field and layer.fields().indexOf(field) >= 0}
        self.db_loaded = self.provider_values() or {}
        self._watch_layer(layer)
        self._fill_form()
        self._set_highlight(feature)
        self._set_enabled(True)
        self.refresh_log()

    def _fill_form(self) -> None:
        v = self.loaded
        self.title.setText(tr("Layer '{layer}', feature {fid}").format(layer=self.layer.name(), fid=self.fid)
                           if self.layer else "")
        self.code_edit.setText("" if v.get("code") is None else str(v.get("code")))
        self.name_edit.setText("" if v.get("name") is None else str(v.get("name")))
        from ..core.fields import parse_unit_class

        cls = parse_unit_class(v.get("unit_class"))
        self.class_combo.setCurrentIndex(max(self.class_combo.findData(cls), 0))
        for role, edit in self.text_edits.items():
            edit.setPlainText("" if v.get(role) is None else str(v.get(role)))
            edit.setEnabled(bool(getattr(self.mapping, role)))
        self._show_metrics()
        for label in self.problem_labels.values():
            label.setVisible(False)
        self.status.setText("")

    def _on_results_changed(self, _kind: str) -> None:
        if self.fid is not None:  # a unit is shown: its metrics follow the latest result
            self._show_metrics()

    def _show_metrics(self) -> None:
        metrics = self.metrics_for(str(self.loaded.get("code") or ""))
        if metrics:
            self.metrics_label.setText(tr("CO2 {co2:,.0f} t/yr, NOx {nox:,.0f} t/yr, coincidence share {share:.1f} %, "
                                          "class {cls}").format(co2=metrics.get("CO2_T", 0), nox=metrics.get("NOX_T", 0),
                                                                share=100 * metrics.get("COINC_AS", 0),
                                                                cls=metrics.get("SYN_CLASS", "")))
        else:
            self.metrics_label.setText(tr("not computed (run the synergy analysis)"))

    def _set_highlight(self, feature: QgsFeature) -> None:
        self.clear_highlight()
        self.highlight = QgsHighlight(self.iface.mapCanvas(), feature.geometry(), self.layer)
        self.highlight.setColor(QColor(255, 0, 255, 220))
        self.highlight.setFillColor(QColor(255, 0, 255, 40))
        self.highlight.setWidth(3)
        self.highlight.show()

    def clear_highlight(self) -> None:
        if self.highlight is not None:
            self.highlight.hide()
            self.iface.mapCanvas().scene().removeItem(self.highlight)
            self.highlight = None

    # -- saving ------------------------------------------------------------------------------------
    def form_values(self) -> Dict[str, object]:
        values = dict(self.loaded)
        values["code"] = self.code_edit.text().strip()
        values["name"] = self.name_edit.text().strip()
        values["unit_class"] = self.class_combo.currentData()
        for role, edit in self.text_edits.items():
            values[role] = edit.toPlainText().strip()
        return values

    def _other_codes(self) -> List[str]:
        if not self.mapping.code:
            return []
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes(
            [self.mapping.code], self.layer.fields())
        return [str(f[self.mapping.code]) for f in self.layer.getFeatures(request) if f.id() != self.fid]

    def save(self) -> bool:
        """Validate, then write the changed fields as one edit command; False when refused."""
        if self.layer is None or self.fid is None:
            return False
        values = self.form_values()
        problems = validate_record(values, self.mapping, self._other_codes())
        for label in self.problem_labels.values():
            label.setVisible(False)
        if problems:
            for p in problems:
                label = self.problem_labels.get(p.role)
                if label is not None:
                    label.setText(tr_message(p.message))
                    label.setVisible(True)
            self.status.setText(tr("Not saved: {n} problems to correct.").format(n=len(problems)))
            return False
        changes, changed_roles = {}, {}
        for role, value in values.items():
            field = getattr(self.mapping, role, None)
            if not field or self.layer.fields().indexOf(field) < 0:
                continue
            old = self.loaded.get(role)
            if _text(old) != _text(value):
                changes[self.layer.fields().indexOf(field)] = _typed(self.layer, field, value)
                changed_roles[role] = value
        if not changes:
            self.status.setText(tr("Nothing changed."))
            return True
        refusal = self._conflict_message(changed_roles, values)
        if refusal:
            self.status.setText(refusal)
            return False
        try:
            with edit_command(self.layer, tr("Edit access list of {unit}").format(unit=values.get("code"))) \
                    as started:
                for idx, value in changes.items():
                    self.layer.changeAttributeValue(self.fid, idx, value)
        except JwjtInputError as err:
            self.status.setText(tr_message(err.message))
            return False
        self.loaded = values
        note = tr(" Layer '{name}' was switched into editing; use Save Layer Edits to keep the changes.").format(
            name=self.layer.name()) if started else ""
        self.status.setText(tr("Saved to the edit buffer (undo with Ctrl+Z).") + note)
        return True

    # -- other sessions ------------------------------------------------------------------------------
    def provider_values(self) -> Optional[Dict[str, object]]:
        """The shown unit's mapped values as the data provider has them now: a fresh read of the
        database (or file), not the layer's edit buffer or cache. None for a feature not yet
        committed, or when the provider no longer has it."""
        if self.layer is None or self.fid is None or self.fid < 0:
            return None
        provider = self.layer.dataProvider()
        pfields = provider.fields()
        roles = {role: field for role, field in self.mapping.as_dict().items() if field and pfields.indexOf(field) >= 0}
        request = QgsFeatureRequest(self.fid).setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes(
            list(roles.values()), pfields)
        for f in provider.getFeatures(request):
            return {role: python_value(f[field]) for role, field in roles.items()}
        return None

    def _conflict_message(self, changed: Dict[str, object], values: Dict[str, object]) -> str:
        """Why the save must be refused ("" when it may go on): the provider's current value of a
        field the save changes differs from the one this editor loaded."""
        if self.fid is None or self.fid < 0 or not self.db_loaded:
            return ""
        current = self.provider_values()
        unit = _text(self.db_loaded.get("code") or self.loaded.get("code") or values.get("code")) or f"#{self.fid}"
        if current is None:
            return tr("Not saved: unit {unit} is no longer in the data source of layer '{layer}' (deleted in "
                      "another session?). Your form is kept.").format(unit=unit, layer=self.layer.name())
        lines = []
        for role, new in changed.items():
            if role not in self.db_loaded or role not in current:
                continue
            if _text(current[role]) != _text(self.db_loaded[role]):
                lines.append(tr("Field '{field}': you loaded \"{loaded}\", the database now has \"{current}\", "
                                "your new value is \"{new}\".").format(
                    field=getattr(self.mapping, role), loaded=_text(self.db_loaded[role]),
                    current=_text(current[role]), new=_text(new)))
        if not lines:
            return ""
        head = tr("Not saved: unit {unit} was changed in another session since you loaded it, and nothing was "
                  "overwritten. Your form is kept: copy what you need, then click the unit again to load the "
                  "current values.").format(unit=unit)
        return "\n".join([head, *lines])

    def _watch_layer(self, layer: QgsVectorLayer) -> None:
        """Follow the shown layer's commits (what was committed is what the database has now) and
        rollbacks (the form shows the layer again). Bound methods: Qt drops the connections when
        the dock is destroyed."""
        if self._watched is layer:
            return
        self._unwatch_layer()
        layer.beforeCommitChanges.connect(self._before_layer_commit)
        layer.afterCommitChanges.connect(self._after_layer_commit)
        layer.afterRollBack.connect(self._after_layer_rollback)
        layer.willBeDeleted.connect(self._forget_layer)
        self._watched = layer

    def _forget_layer(self) -> None:
        """The watched layer is being destroyed: Qt drops its connections itself. Disconnecting
        here, inside the layer's destructor, blocked QGIS for good (QgsProject.clear never returned)."""
        self._watched = None

    def _unwatch_layer(self) -> None:
        layer, self._watched = self._watched, None
        if layer is None:
            return
        for signal, slot in ((layer.beforeCommitChanges, self._before_layer_commit),
                             (layer.afterCommitChanges, self._after_layer_commit),
                             (layer.afterRollBack, self._after_layer_rollback),
                             (layer.willBeDeleted, self._forget_layer)):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass

    def _before_layer_commit(self, *_args) -> None:
        self._committing = {}
        layer = self.layer
        buffer = layer.editBuffer() if layer is not None else None
        if self.fid is None or buffer is None:
            return
        fields = layer.fields()
        changed = buffer.changedAttributeValues().get(self.fid, {})
        self._committing = {fields.at(int(i)).name(): python_value(v) for i, v in changed.items()}

    def _after_layer_commit(self) -> None:
        committed, self._committing = self._committing, {}
        for role, field in self.mapping.as_dict().items():
            if field in committed:
                self.db_loaded[role] = committed[field]

    def _after_layer_rollback(self) -> None:
        layer = self.layer
        if layer is None or self.fid is None:
            return
        feature = layer.getFeature(self.fid)
        if not feature.isValid():
            return
        self.loaded = {role: python_value(feature[field]) for role, field in self.mapping.as_dict().items()
                       if field and layer.fields().indexOf(field) >= 0}
        self.db_loaded = self.provider_values() or {}
        self._fill_form()

    def _on_log_error(self, message: Message) -> None:
        text = tr_message(message)
        self.status.setText(text)
        try:
            self.iface.messageBar().pushMessage("JWJT", text, Qgis.MessageLevel.Warning, 0)
        except (AttributeError, RuntimeError, TypeError):
            pass

    # -- measures ------------------------------------------------------------------------------------
    def _fill_industries(self) -> None:
        self.industry_combo.blockSignals(True)
        self.industry_combo.clear()
        for name in industries(self.measures):
            self.industry_combo.addItem(name)
        self.industry_combo.blockSignals(False)
        self._fill_measures()

    def _fill_measures(self) -> None:
        self.measure_list.clear()
        industry = self.industry_combo.currentText()
        for m in self.measures:
            if m.industry == industry:
                item = QListWidgetItem(f"[{term_label(Dimension(m.dimension))}] {m.text}")
                item.setData(Qt.ItemDataRole.UserRole, m)
                self.measure_list.addItem(item)
        if self.measure_list.count():
            self.measure_list.setCurrentRow(0)

    def load_measures_table(self, path: Optional[str] = None) -> bool:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, tr("Measures table"), "",
                                                  tr("Measures (*.csv *.gpkg)"))
            if not path:
                return False
        try:
            self.measures = load_measures(path)
        except JwjtInputError as err:
            self.status.setText(tr_message(err.message))
            return False
        self._fill_industries()
        return True

    def selected_measure(self) -> Optional[Measure]:
        item = self.measure_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def insert_selected_measure(self) -> None:
        m = self.selected_measure()
        if m is None or m.dimension not in self.text_edits:
            return
        edit = self.text_edits[m.dimension]
        edit.setPlainText(insert_measure(edit.toPlainText(), m.text))

    def _selected_ids(self) -> List[int]:
        return list(self.layer.selectedFeatureIds()) if self.layer is not None else []

    def _flagged_ids(self) -> List[int]:
        codes = set(self.flagged_codes())
        if self.layer is None or not self.mapping.code or not codes:
            return []
        return [f.id() for f in self.layer.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry))
                if str(f[self.mapping.code]) in codes]

    def apply_measure_to(self, fids: List[int]) -> int:
        """Insert the selected measure into its dimension for every unit in ``fids``: one undo step."""
        m = self.selected_measure()
        field = getattr(self.mapping, m.dimension) if m is not None else None
        if m is None or self.layer is None or not field:
            self.status.setText(tr("Choose a measure and a unit layer whose field mapping has this dimension."))
            return 0
        if not fids:
            self.status.setText(tr("No unit to apply the measure to."))
            return 0
        idx = self.layer.fields().indexOf(field)
        changed = 0
        with edit_command(self.layer, tr("Apply measure to {n} units").format(n=len(fids))) as started:
            for f in self.layer.getFeatures(QgsFeatureRequest().setFilterFids(fids)):
                old = python_value(f[field])
                new = insert_measure(old, m.text)
                if new != (old or ""):
                    self.layer.changeAttributeValue(f.id(), idx, new)
                    changed += 1
        note = tr(" Layer '{name}' was switched into editing; use Save Layer Edits to keep the changes.").format(
            name=self.layer.name()) if started else ""
        self.status.setText(tr("Measure added to {n} units (one undo step).").format(n=changed) + note)
        if self.fid in fids:
            self.loaded[m.dimension] = python_value(self.layer.getFeature(self.fid)[field])
            self._fill_form()
        return changed

    # -- change log and export -----------------------------------------------------------------------------
    def refresh_log(self) -> None:
        records = self.logger.records(self.layer) if self.layer is not None else []
        self.log_table.setRowCount(len(records))
        for i, r in enumerate(reversed(records)):
            for j, v in enumerate((r.time, r.user, r.unit, r.field, r.old, r.new)):
                self.log_table.setItem(i, j, QTableWidgetItem(v))

    def export_log(self, path: Optional[str] = None) -> Optional[str]:
        from ..core.audit import write_change_log_csv

        if self.layer is None:
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, tr("Export change log"), "", tr("CSV files (*.csv)"))
            if not path:
                return None
        return write_change_log_csv(self.logger.records(self.layer), path)

    def export_access_list(self, path: Optional[str] = None, flagged_only: bool = False) -> Optional[str]:
        from ..core.access_export import export_access_list

        if self.layer is None:
            self.status.setText(tr("Click a unit of the layer to export first."))
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, tr("Export access list"), "",
                                                  tr("Excel workbook (*.xlsx);;CSV files (*.csv)"))
            if not path:
                return None
        frame = snapshot_layer(self.layer).read()  # read as every analysis reads a layer
        rows = None
        if flagged_only:
            codes = set(self.flagged_codes())
            rows = [i for i, c in enumerate(frame[self.mapping.code].astype(str)) if c in codes] \
                if self.mapping.code else []
        try:
            export_access_list(frame, self.mapping, path, rows)
        except JwjtInputError as err:
            self.status.setText(tr_message(err.message))
            return None
        self.status.setText(tr("Saved to {path}").format(path=path))
        return path

    def shutdown(self) -> None:
        self.logger.remove_error_listener(self._on_log_error)
        self._unwatch_layer()
        if self.session is not None:
            try:
                self.session.resultsChanged.disconnect(self._on_results_changed)
            except (TypeError, RuntimeError):
                pass
        self.clear_highlight()


def _text(value) -> str:
    return "" if value is None else str(value)


def _typed(layer: QgsVectorLayer, field: str, value):
    """Values as the field's type wants them (the class field is often an integer)."""
    f = layer.fields().field(field)
    if f.isNumeric() and value not in (None, ""):
        try:
            return int(value) if float(value).is_integer() else float(value)
        except (TypeError, ValueError):
            return value
    return value
