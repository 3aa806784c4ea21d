"""Synergy zones and the proposals they make for the existing units: review on the map, apply
the accepted ones to the unit layer as one undo step.

1. *Make synergy zones* runs ``jwjt:synergyzones`` with the parameters of the synergy panel's
   last run (published in the session), so the zones are the coincidence cells the analyst saw.
2. *Propose* runs ``jwjt:unitproposals`` on the chosen units and zones; the proposals are listed
   with a tick box each (nothing is ticked for the analyst) and outlined on the map when clicked.
3. *Apply accepted* works the changes out in the core and writes them through the layer's edit
   buffer: one edit command (Ctrl+Z undoes all of it), codes re-assigned where a unit changes class
   or is split, the correspondence table (when loaded) updated the same way, the change log
   written when the analyst saves.
"""
from __future__ import annotations

from typing import List, Optional, Tuple

from qgis.core import QgsProject, QgsVectorLayer
from qgis.gui import QgsCollapsibleGroupBox, QgsMapLayerComboBox
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..adapters.i18n import option_labels, tr, tr_core, tr_message
from ..adapters.qt_compat import LayerFilter
from ..core.layer_roles import Role
from ..core.messages import JwjtInputError
from ..core.synergy_zones import Generalise
from ..core.unit_proposals import kind_label
from .algorithm_run import AlgorithmRun, field_parameters, units_parameter
from .default_layers import DefaultLayers
from .findings_view import FindingsView
from .run_bar import RunBar
from .session import SYNERGY_PARAMETERS, Session

CORRESPONDENCE_FIELDS = ("unit_code", "zone_layer", "zone_fid")


def _spin(parent, hi: float, value: float, decimals: int, suffix: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox(parent)
    spin.setRange(0, hi)
    spin.setDecimals(decimals)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


def correspondence_layer(units: QgsVectorLayer, project: Optional[QgsProject] = None) -> Optional[QgsVectorLayer]:
    """The loaded correspondence table of ``units``: a table with the correspondence fields whose
    name starts with the units layer's (as the delineation writes it), else the only such table."""
    project = project or QgsProject.instance()
    tables = [layer for layer in project.mapLayers().values()
              if isinstance(layer, QgsVectorLayer) and not layer.isSpatial()
              and all(layer.fields().indexOf(f) >= 0 for f in CORRESPONDENCE_FIELDS)]
    named = [t for t in tables if t.name().startswith(units.name())]
    if len(named) == 1:
        return named[0]
    return tables[0] if len(tables) == 1 else None


class ProposalsPanel(QWidget):
    def __init__(self, iface, session: Optional[Session] = None, parent=None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.session = session if session is not None else Session(self)
        self.task: Optional[AlgorithmRun] = None
        self.kept = None            # (ProposalSet, units frame, mapping, zones frame, zones layer name)
        self.units_layer: Optional[QgsVectorLayer] = None
        self.proposals_layer: Optional[str] = None   # the id of the proposals shown on the map
        self.messages: List[Tuple[str, str]] = []

        # 1. the zones: collapsible, so that the proposals get the room once zones exist
        zones_box = QgsCollapsibleGroupBox(tr("1. Synergy control zones"), self)
        zform = QFormLayout(zones_box)
        self.min_hole = _spin(self, 1e10, 2_000_000, 0, " m²")
        self.min_hole.setToolTip(tr("Holes in a zone smaller than this are filled."))
        zform.addRow(tr("Fill holes below"), self.min_hole)
        self.min_part = _spin(self, 1e10, 0, 0, " m²")
        self.min_part.setToolTip(tr("Zones smaller than this are dropped."))
        zform.addRow(tr("Drop zones below"), self.min_part)
        self.outline = QComboBox(self)
        self.outline.addItems(option_labels(Generalise))
        zform.addRow(tr("Outline"), self.outline)
        self.zones_bar = RunBar(tr("Make synergy zones"), self)
        zform.addRow(self.zones_bar)

        # 2. the proposals
        props_box = QGroupBox(tr("2. Proposals for the units"), self)
        form = QFormLayout(props_box)
        self.units_combo = QgsMapLayerComboBox(self)
        self.units_combo.setFilters(LayerFilter.PolygonLayer)
        form.addRow(tr("Control units"), self.units_combo)
        self.zones_combo = QgsMapLayerComboBox(self)
        self.zones_combo.setFilters(LayerFilter.PolygonLayer)
        self.zones_combo.setAllowEmptyLayer(True)
        self.zones_combo.setLayer(None)
        form.addRow(tr("Synergy zones"), self.zones_combo)
        self.reclassify = _spin(self, 100, 50, 1, " %")
        self.reclassify.setToolTip(tr("A general-control unit covered by synergy zones at least this much becomes "
                                      "key control."))
        form.addRow(tr("Reclassify from"), self.reclassify)
        self.split_share = _spin(self, 100, 10, 1, " %")
        self.split_share.setToolTip(tr("A general-control unit covered at least this much (and less than the "
                                       "reclassify share) is split along the zone boundary."))
        form.addRow(tr("Split from"), self.split_share)
        self.split_area = _spin(self, 1e10, 100_000, 0, " m²")
        self.split_area.setToolTip(tr("Both parts of a split must be at least this large; else only requirements "
                                      "are proposed."))
        form.addRow(tr("Smallest part of a split"), self.split_area)
        self.require = _spin(self, 100, 1, 1, " %")
        self.require.setToolTip(tr("Units covered at least this much get synergy measures for their access list."))
        form.addRow(tr("Requirements from"), self.require)
        self.run_bar = RunBar(tr("Propose"), self)
        self.run_button = self.run_bar.run_button
        form.addRow(self.run_bar)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.view = FindingsView(iface.mapCanvas(), [
            ("ACCEPT", tr("Accept"), "check"), ("UNIT", tr("Unit"), "text"), ("KIND_LABEL", tr("Proposal"), "text"),
            ("SHARE", tr("Covered"), "percent"), ("CLASSES", tr("Class"), "text"),
            ("N_MEASURES", tr("Measures"), "text"), ("REASON", tr("Why"), "text")], self)
        self.view.model.checked.connect(lambda *_a: self._count_accepted())
        self.view.setMinimumHeight(140)
        self.tick_all = QPushButton(tr("Tick all"), self)
        self.tick_none = QPushButton(tr("Untick all"), self)
        self.apply_button = QPushButton(tr("Apply accepted"), self)
        self.apply_button.setEnabled(False)
        self.apply_button.setToolTip(tr("Applies the ticked proposals to the unit layer as one undoable edit."))
        buttons = QHBoxLayout()
        buttons.addWidget(self.tick_all)
        buttons.addWidget(self.tick_none)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        self.tick_all.clicked.connect(lambda: self.set_accepted(range(self._n_proposals())))
        self.tick_none.clicked.connect(lambda: self.set_accepted([]))
        for button in (self.tick_all, self.tick_none):
            button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(zones_box)
        layout.addWidget(props_box)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.zones_box = zones_box

        self.defaults = DefaultLayers(self)
        self.defaults.bind(self.units_combo, Role.UNITS)
        self.defaults.changed.connect(self.refresh_state)
        for combo in (self.units_combo, self.zones_combo):
            combo.layerChanged.connect(lambda _layer: self.refresh_state())
        self.zones_bar.run_button.clicked.connect(self.make_zones)
        self.run_button.clicked.connect(self.run)
        self.apply_button.clicked.connect(self.apply_accepted)
        self.session.resultsChanged.connect(self._on_results)  # bound: dropped when the panel goes
        self.defaults.apply()

    # -- state ----------------------------------------------------------------------------
    def why_no_zones(self) -> Optional[str]:
        if self.task is not None:
            return tr("A run is going.")
        if self.session.latest(SYNERGY_PARAMETERS) is None:
            return tr("Run the synergy analysis first (Synergy analysis panel): its coincidence cells become the zones.")
        return None

    def why_not_runnable(self) -> Optional[str]:
        if self.task is not None:
            return tr("A run is going.")
        if not isinstance(self.units_combo.currentLayer(), QgsVectorLayer):
            return self.defaults.question() or tr("Choose the layer of control units.")
        if not isinstance(self.zones_combo.currentLayer(), QgsVectorLayer):
            return tr("Make the synergy zones, or choose a layer of them.")
        return None

    def refresh_state(self) -> None:
        self.zones_bar.set_ready(self.why_no_zones())
        reason = self.why_not_runnable()
        self.run_bar.set_ready(reason)
        if self.task is None and self.kept is None:
            self.status.setText(reason or tr("Ready to propose."))

    def _on_results(self, _kind: str) -> None:
        self.refresh_state()

    # -- synergy zones -----------------------------------------------------------------------
    def zone_parameters(self) -> dict:
        base = dict(self.session.latest(SYNERGY_PARAMETERS) or {})
        for key in ("OUTPUT", "TABLE"):
            base.pop(key, None)
        base.update({"MIN_HOLE_AREA": self.min_hole.value(), "MIN_PART_AREA": self.min_part.value(),
                     "GENERALISE": self.outline.currentIndex(), "ZONES": "TEMPORARY_OUTPUT", "KEEP": True})
        return base

    def make_zones(self) -> None:
        reason = self.why_no_zones()
        if reason is not None:
            self.status.setText(reason)
            return
        self.status.setText(tr("Making synergy zones…"))
        self._start(AlgorithmRun("synergyzones", self.zone_parameters(), self), self.zones_bar, self._on_zones)

    def _on_zones(self, run: AlgorithmRun) -> None:
        from ..processing.run_cache import take

        self._finish(self.zones_bar, run)
        zones = take(run.results.get("RESULT", "")) if run.ok else None
        layer = run.take_layer("ZONES") if run.ok else None
        if zones is None or layer is None:
            self.status.setText(run.error or tr("Cancelled."))
            return
        from ..adapters.styles import outline_style

        layer.setName(tr("Synergy control zones (减污降碳协同重点管控区)"))
        outline_style(layer, "#b2182b", "0.7")
        QgsProject.instance().addMapLayer(layer)
        self.zones_combo.setLayer(layer)
        self.zones_box.setCollapsed(True)
        self.status.setText(" ".join(tr_message(m) for m in zones.summary_messages()))

    # -- proposals ---------------------------------------------------------------------------
    def parameters(self) -> dict:
        from ..adapters.project_settings import load_mapping

        layer = self.units_combo.currentLayer()
        return {"UNITS": units_parameter(layer),
                **field_parameters(load_mapping(layer), ("CODE_FIELD", "NAME_FIELD", "CLASS_FIELD", "SPATIAL_FIELD",
                                                         "EMISSION_FIELD", "RISK_FIELD", "RESOURCE_FIELD")),
                "ZONES": units_parameter(self.zones_combo.currentLayer()),
                "RECLASSIFY_SHARE": self.reclassify.value(), "SPLIT_MIN_SHARE": self.split_share.value(),
                "SPLIT_MIN_AREA": self.split_area.value(), "REQUIREMENT_MIN_SHARE": self.require.value(),
                "OUTPUT": "TEMPORARY_OUTPUT", "KEEP": True}

    def run(self) -> None:
        reason = self.why_not_runnable()
        if reason is not None:
            self.status.setText(reason)
            return
        self.units_layer = self.units_combo.currentLayer()
        self.kept = None
        self.view.clear()
        self.apply_button.setEnabled(False)
        self.status.setText(tr("Proposing…"))
        self._start(AlgorithmRun("unitproposals", self.parameters(), self), self.run_bar, self._on_proposals)

    def _on_proposals(self, run: AlgorithmRun) -> None:
        from ..processing.run_cache import take

        self._finish(self.run_bar, run)
        kept = take(run.results.get("RESULT", "")) if run.ok else None
        layer = run.take_layer("OUTPUT") if run.ok else None
        if kept is None or layer is None:
            self.status.setText(run.error or tr("Cancelled."))
            return
        self.kept = kept
        self._show_layer(layer)
        proposals = kept[0].proposals
        self.view.set_frame(self._table(), self.units_layer.crs())
        self._count_accepted()
        if not proposals:
            self.status.setText(tr("No unit needs a change: the synergy zones cover no unit enough."))

    def _show_layer(self, layer: QgsVectorLayer) -> None:
        """The proposals on the map, styled by kind, in place of the previous run's."""
        from ..adapters.styles import apply_proposal_style

        project = QgsProject.instance()
        if self.proposals_layer is not None and project.mapLayer(self.proposals_layer) is not None:
            project.removeMapLayer(self.proposals_layer)
        layer.setName(tr("Unit proposals"))
        apply_proposal_style(layer)
        project.addMapLayer(layer)
        self.proposals_layer = layer.id()

    def _table(self):
        import geopandas as gpd

        proposal_set, units = self.kept[0], self.kept[1]
        rows, geoms = [], []
        for p in proposal_set.proposals:
            frm = "—" if p.from_class is None else str(p.from_class)
            to = frm if p.to_class is None or p.to_class == p.from_class else str(p.to_class)
            rows.append({"ACCEPT": False, "UNIT": p.code or str(p.feature_id), "KIND_LABEL": kind_label(p.kind, tr_core),
                         "SHARE": float(p.share), "CLASSES": frm if to == frm else f"{frm} → {to}",
                         "N_MEASURES": str(len(p.measures)), "REASON": tr_message(p.reason)})
            geoms.append(p.inside if p.inside is not None else units.geometry.iloc[p.row])
        return gpd.GeoDataFrame(rows, columns=["ACCEPT", "UNIT", "KIND_LABEL", "SHARE", "CLASSES", "N_MEASURES",
                                               "REASON"], geometry=gpd.GeoSeries(geoms, crs=units.crs))

    def _n_proposals(self) -> int:
        return 0 if self.kept is None else len(self.kept[0].proposals)

    def accepted(self) -> List[int]:
        frame = self.view.model.frame
        return [] if frame is None else [int(i) for i in frame.index[frame["ACCEPT"].astype(bool)]]

    def set_accepted(self, indices) -> None:
        """Tick exactly these proposals (as the analyst would)."""
        frame = self.view.model.frame
        if frame is None:
            return
        frame["ACCEPT"] = [i in set(indices) for i in range(len(frame))]
        self.view.model.layoutChanged.emit()
        self._count_accepted()

    def _count_accepted(self) -> None:
        total = self._n_proposals()
        for button in (self.tick_all, self.tick_none):
            button.setEnabled(total > 0)
        if self.kept is None:
            return
        n = len(self.accepted())
        self.apply_button.setEnabled(n > 0)
        self.apply_button.setText(tr("Apply accepted ({n})").format(n=n))
        summary = " ".join(tr_message(m) for m in self.kept[0].summary_messages())
        self.status.setText(summary + " " + tr("Tick those to apply ({n} ticked); click one to see it on the map.")
                            .format(n=n))

    def apply_accepted(self) -> bool:
        """Apply the ticked proposals to the unit layer as one undo step."""
        from ..adapters.layers import features_to_frame
        from ..adapters.unit_changes import apply_change_set, replace_rows
        from ..core.unit_proposals import apply_proposals

        accepted = self.accepted()
        if self.kept is None or not accepted or self.units_layer is None:
            return False
        proposal_set, units, mapping, zones, zones_name = self.kept
        table_layer = correspondence_layer(self.units_layer)
        table = None
        if table_layer is not None:
            table = features_to_frame(table_layer, layer_name=table_layer.name())
            table = table.drop(columns=[c for c in ("geometry", "feature_id") if c in table.columns])
        try:
            changes = apply_proposals(units, mapping, proposal_set.proposals, accepted, correspondence=table,
                                      zones=zones, zones_layer=zones_name)
            fids = list(units["feature_id"]) if "feature_id" in units.columns else list(range(len(units)))
            text = tr("Apply {n} synergy proposals").format(n=len(accepted))
            self.session.change_logger.watch(self.units_layer, mapping.code)
            started = apply_change_set(self.units_layer, fids, changes, text)
            if table_layer is not None and changes.correspondence is not None:
                replace_rows(table_layer, changes.correspondence, text)
        except JwjtInputError as err:
            self.status.setText(tr_message(err.message))
            return False
        note = tr(" Layer '{name}' was switched into editing; save or roll back its edits.").format(
            name=self.units_layer.name()) if started else ""
        self.status.setText(tr("Applied {n} proposals (undo with Ctrl+Z).").format(n=len(accepted)) + note)
        self.kept = None
        self.view.clear()
        self.apply_button.setEnabled(False)
        return True

    # -- plumbing ------------------------------------------------------------------------------
    def _start(self, run: AlgorithmRun, bar: RunBar, on_done) -> None:
        self.task = run
        run.done.connect(on_done)
        bar.started(run)
        self.refresh_state()
        run.start()

    def _finish(self, bar: RunBar, run: AlgorithmRun) -> None:
        self.task = None
        self.messages = run.messages
        bar.finished(run.ok)
        self.refresh_state()

    def shutdown(self) -> None:
        if self.task is not None:
            self.task.cancel()
        try:
            self.session.resultsChanged.disconnect(self._on_results)
        except (TypeError, RuntimeError):
            pass
        self.view.shutdown()
