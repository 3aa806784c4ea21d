"""Fill a dock's layer combos by role, and keep filling them as layers come and go.

Each bound combo shows the layer :mod:`core.layer_roles` recognises for its role, or none, and
is looked at again whenever layers are added or removed (co2_2020 dragged in after co2_2035
takes the CO2 picker, since 2020 is the year the other grids share). A combo the analyst has
set is theirs and is left alone until its layer goes away. When two
layers fit a role equally well the combo stays empty and :meth:`DefaultLayers.question` says
which layers to choose from, so the dock can ask instead of guessing. Loading the sample city
(or any layers) refills the combos that are still the dock's to fill.
"""
from __future__ import annotations

from typing import List, Optional

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..adapters.layer_roles import Defaults
from ..core.layer_roles import Role


class _Binding:
    def __init__(self, combo, role: Role, species: Optional[str] = None, picker=None) -> None:
        self.combo, self.role, self.species, self.picker = combo, role, species, picker
        self.question: Optional[str] = None
        self.user_set = False


class DefaultLayers(QObject):
    """The default-layer keeper of one dock; ``changed`` after it set any combo."""

    changed = pyqtSignal()

    def __init__(self, parent=None, project: Optional[QgsProject] = None) -> None:
        super().__init__(parent)
        self.project = project or QgsProject.instance()
        self._bindings: List[_Binding] = []
        self._pending = False
        self._applying = False
        self._removing = False
        self.project.layersAdded.connect(self._schedule)
        self.project.layersWillBeRemoved.connect(self._will_remove)
        self.project.layersRemoved.connect(self._removed)

    # -- binding ------------------------------------------------------------------------------
    def bind(self, combo, role: Role) -> None:
        """A QgsMapLayerComboBox that shows the layer of ``role``."""
        combo.setAllowEmptyLayer(True)
        combo.setLayer(None)  # not the combo's own first layer: the role decides
        self._watch(_Binding(combo, role))

    def bind_grid(self, picker, species: str) -> None:
        """A GridPicker that shows the grid of ``species`` (of the year the grids share)."""
        picker.layer_combo.setAllowEmptyLayer(True)
        picker.layer_combo.setLayer(None)
        self._watch(_Binding(picker.layer_combo, Role.GRID, species, picker))

    def _watch(self, binding: _Binding) -> None:
        binding.combo.layerChanged.connect(lambda _layer, b=binding: self._on_change(b))
        self._bindings.append(binding)

    def _on_change(self, binding: _Binding) -> None:
        # A change made neither by apply() nor by the combo losing its layer is the analyst's.
        if not self._applying and not self._removing:
            binding.user_set = binding.combo.currentLayer() is not None

    # -- applying -----------------------------------------------------------------------------
    def _schedule(self, *_args) -> None:
        # Layers arrive one by one (the sample city adds 12): look once after the last.
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.apply)

    def _will_remove(self, ids) -> None:
        self._removing = True
        for b in self._bindings:
            layer = b.combo.currentLayer()
            if layer is not None and layer.id() in ids:
                b.user_set = False

    def _removed(self, *_args) -> None:
        self._removing = False
        self._schedule()

    def apply(self) -> None:
        """Set every combo the analyst has not set."""
        self._pending = False
        try:
            defaults = Defaults(self.project)
        except RuntimeError:  # the project is being torn down
            return
        self._applying = True
        try:
            for b in self._bindings:
                if b.user_set:
                    continue
                pick = defaults.grid(b.species) if b.role is Role.GRID else defaults.pick(b.role)
                current = b.combo.currentLayer()
                if pick.ambiguous and current is not None and current.id() in pick.tied:
                    continue  # a copy of the layer it shows came in: nothing to ask yet
                layer = self.project.mapLayer(pick.key) if pick.key else None
                if b.role is Role.GRID:
                    b.picker.set_layer(layer, pick.field or "")
                else:
                    b.combo.setLayer(layer)
                b.question = defaults.question(b.role, pick)
        except RuntimeError:  # a combo deleted with its dock while the look was queued
            return
        finally:
            self._applying = False
        self.changed.emit()

    def question(self) -> Optional[str]:
        """The first thing to ask the analyst (two layers fit one role), or None."""
        for b in self._bindings:
            if b.question and b.combo.currentLayer() is None:
                return b.question
        return None

    def shutdown(self) -> None:
        for signal, slot in ((self.project.layersAdded, self._schedule),
                             (self.project.layersWillBeRemoved, self._will_remove),
                             (self.project.layersRemoved, self._removed)):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass

