"""The synergy analysis as a QgsTask: reads its inputs and runs the core off the GUI thread.

Layers are not thread-safe, so the dock hands over thread-safe feature sources
(``QgsVectorLayerFeatureSource``) and file paths; nothing here touches a layer.
"""
from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional

from qgis.core import QgsTask

from ..adapters.i18n import tr, tr_message
from ..adapters.layers import features_to_frame
from ..core.fields import FieldMapping
from ..core.messages import JwjtInputError
from ..core.overlay import Cancelled
from ..core.synergy import SynergyParams
from .grid_picker import GridSource


@dataclass
class VectorSnapshot:
    """A layer's features as a task may read them."""

    source: object          # QgsVectorLayerFeatureSource
    fields: object          # QgsFields
    crs_wkt: str
    name: str
    selected_ids: Optional[List[int]] = None


@dataclass
class SynergyJob:
    units: VectorSnapshot
    grids: List[GridSource]
    fishnets: Dict[str, VectorSnapshot] = field(default_factory=dict)   # layer id -> snapshot
    preread: Dict[str, object] = field(default_factory=dict)             # species -> EmissionGrid
    grid_units: str = "t/yr"
    mapping: FieldMapping = field(default_factory=FieldMapping)
    params: SynergyParams = field(default_factory=SynergyParams)


class SynergyTask(QgsTask):
    def __init__(self, job: SynergyJob, on_done: Callable[[SynergyTask], None]) -> None:
        super().__init__(tr("JWJT synergy analysis"), QgsTask.Flag.CanCancel)
        self.job = job
        self.on_done = on_done
        self.frame = None
        self.analysis = None
        self.result = None
        self.error: Optional[str] = None

    def run(self) -> bool:  # worker thread
        try:
            job = self.job
            self.frame = features_to_frame(job.units.source, job.units.selected_ids, job.units.name,
                                           fields=job.units.fields, crs_wkt_text=job.units.crs_wkt,
                                           is_canceled=self.isCanceled)
            self.setProgress(5)
            grids = self._read_grids()
            self.setProgress(10)
            from ..core.pipeline import run_synergy

            self.analysis, self.result = run_synergy(
                self.frame, grids, job.params, job.mapping, job.units.name,
                progress=lambda f: self.setProgress(10 + 88 * f), is_canceled=self.isCanceled)
            return True
        except Cancelled:
            return False
        except JwjtInputError as err:
            self.error = tr_message(err.message)
            return False
        except Exception:  # shown to the user with the trace, never swallowed
            self.error = traceback.format_exc()
            return False

    def _read_grids(self) -> Dict[str, object]:
        from ..core.grid import GridSpec
        from ..core.readers.fishnet import read_fishnet
        from ..core.readers.raster import read_raster_grid

        grids = dict(self.job.preread)
        for src in self.job.grids:
            if src.species in grids:
                continue
            if src.kind == "raster":
                grid = read_raster_grid(src.path, src.species, band=src.band, units=self.job.grid_units,
                                        name=src.name)
                if src.crs_wkt and grid.spec.crs_wkt != src.crs_wkt:
                    s = grid.spec
                    grid.spec = GridSpec(s.x0, s.y0, s.dx, s.dy, s.nrows, s.ncols, src.crs_wkt)
                grids[src.species] = grid
            else:
                snap = self.job.fishnets[src.layer_id]
                frame = features_to_frame(snap.source, None, snap.name, fields=snap.fields,
                                          crs_wkt_text=snap.crs_wkt, is_canceled=self.isCanceled)
                grids.update(read_fishnet(frame.drop(columns=["feature_id"]), {src.species: src.field},
                                          units=self.job.grid_units, name=src.name))
            if self.isCanceled():
                raise Cancelled()
        return grids

    def finished(self, ok: bool) -> None:  # GUI thread
        self.on_done(self)
