"""What the atlas says about a synergy run: unit fields, indicators, access lists, notes.

Computed from the run alone (no layout); the strings are translated here, at export time.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional

import numpy as np

from ..adapters.i18n import tr, tr_message
from ..core.fields import ACCESS_DIMENSIONS, FieldMapping
from ..core.synergy import field_prefix
from ..core.units import unit_labels
from . import texts
from .content import Block, atlas_order, format_number, format_share, missing_geometry, text_value, year_of


@dataclass
class AtlasInputs:
    """A finished synergy run, as the dock or the Processing algorithm holds it."""

    analysis: object                 # core.synergy.SynergyAnalysis
    result: object                   # core.synergy.SynergyResult (the one to print)
    frame: object                    # the units as read (GeoDataFrame, one row per input feature)
    mapping: FieldMapping = field(default_factory=FieldMapping)


@dataclass
class AtlasOptions:
    template: Optional[str] = None   # .qpt file; None = resources/atlas/jwjt_atlas.qpt
    flagged_only: bool = False       # unit sheets for flagged units only
    title: str = ""                  # empty: "<city> pollution–carbon synergy atlas"
    dpi: int = 150                   # resolution of the grids inside the maps
    organisation: str = ""           # 编制单位 on the cover and the notes; empty: "(not stated)"
    date: Optional[dt.date] = None   # 编制日期; None: today
    bookmarks: bool = True           # PDF outline: sections, overview maps, unit sheets


class BookContent:
    def __init__(self, inputs: AtlasInputs, options: AtlasOptions) -> None:
        self.inputs, self.options = inputs, options
        analysis, result, frame, mapping = inputs.analysis, inputs.result, inputs.frame, inputs.mapping
        self.result = result
        self.source_rows = [int(i) for i in analysis.units.source_index]
        labels = unit_labels(frame, mapping)
        self.skipped = [labels[i] for i in np.flatnonzero(missing_geometry(frame.geometry.values))]
        self.title = options.title.strip() or texts.default_title(self._single_value(mapping.city))
        self.day = options.date or dt.date.today()
        self.today = self.day.isoformat()
        self.date_text = texts.date_text(self.day)
        self.place = " ".join(v for v in (self._single_value(mapping.prov), self._single_value(mapping.city))
                              if v) or self._single_value(mapping.area)
        self.county = mapping.area if mapping.area and mapping.area in frame.columns else None
        units = result.units
        order = atlas_order(units["UNIT"].astype(str).tolist())
        position = {row: i for i, row in enumerate(order)}
        self.co2_rank = units["CO2_T"].rank(ascending=False, method="min").astype(int).tolist()
        self.unit_rows = [self._unit_fields(row, position[row]) for row in range(len(units))]
        #: rows of result.units that get a sheet, in atlas order (by unit code)
        self.atlas_rows = [row for row in order
                           if not options.flagged_only or int(units["SYN_FLAG"].iat[row]) == 1]
        self.curve_path = ""

    def _single_value(self, column: Optional[str]) -> str:
        frame = self.inputs.frame
        if column and column in frame.columns:
            values = {text_value(v) for v in frame[column].tolist()} - {""}
            if len(values) == 1:
                return values.pop()
        return ""

    def _value(self, column: Optional[str], row: int) -> str:
        frame = self.inputs.frame
        if not column or column not in frame.columns:
            return ""
        return text_value(frame[column].iat[self.source_rows[row]])

    def _unit_fields(self, row: int, position: int) -> dict:
        rec = self.result.units.iloc[row]
        cls = int(rec["CLASS"])
        subtitle = [texts.unit_class_label(cls), self._value(self.county, row),
                    texts.synergy_label(str(rec["SYN_CLASS"]))]
        return {"UNIT": str(rec["UNIT"]), "NAME": text_value(rec["NAME"]), "UNIT_CLS": cls,
                "SYN_CLASS": str(rec["SYN_CLASS"]), "SYN_FLAG": int(rec["SYN_FLAG"]),
                "SUBTITLE": "  ·  ".join(p for p in subtitle if p), "ORDER": position}

    # -- unit sheets ---------------------------------------------------------------------------
    def metrics(self, row: int) -> List[tuple]:
        """Indicators of one unit (its class, county and synergy class are in the subtitle)."""
        r = self.result
        rec = r.units.iloc[row]
        items = [(tr("Area (km²)"), format_number(rec["AREA_KM2"], 2))]
        for s in r.species:
            items.append((texts.emission_label(s), format_number(rec[f"{field_prefix(s)}_T"])))
            if s == "CO2":
                items.append((texts.with_unit(tr("CO2 density"), texts.t_per_km2()), format_number(rec["CO2_D"])))
                items.append((tr("CO2 rank among the units"), f"{self.co2_rank[row]} / {len(r.units)}"))
        items.append((tr("CO2 top {k} % cells touched").format(k=f"{r.params.k_percent:g}"),
                      str(int(rec["TOP_N"]))))
        items.append((tr("Coincidence cells touched"), str(int(rec["COINC_N"]))))
        items.append((tr("Coincidence cells, share of area"), format_share(rec["COINC_AS"])))
        for s in r.species:
            col = f"{field_prefix(s)}_CS"
            if col in r.units.columns:
                items.append((tr("{species} in coincidence cells").format(species=s), format_share(rec[col])))
        items.append((tr("Share of the unit on the grid"), format_share(rec["GRID_SH"])))
        return items

    def access_blocks(self, row: int, wrap_label: Callable[[str], List[str]],
                      wrap_body: Callable[[str], List[str]]) -> List[Block]:
        """The four access-list dimensions (and remarks, when there are any), wrapped."""
        mapping = self.inputs.mapping
        labels = texts.dimension_labels()
        blocks = []
        for role in (*ACCESS_DIMENSIONS, "remark"):
            column = getattr(mapping, role)
            value = self._value(column, row)
            if role == "remark" and not value:
                continue
            if not value:
                value = texts.no_field() if not column or column not in self.inputs.frame.columns else texts.no_text()
            blocks.append(Block(wrap_label(labels[role]), wrap_body(value), wrap_label(texts.continued(labels[role]))))
        return blocks

    # -- front pages ---------------------------------------------------------------------------
    def concentration_rows(self) -> List[list]:
        return [[rec.species, format_number(rec.total_t), format_share(rec.top_share),
                 format_share(rec.coinc_share), format_number(rec.units_total_t)]
                for rec in self.result.concentration.itertuples()]

    def concentration_texts(self) -> Dict[str, str]:
        r = self.result
        return {"subtitle": texts.concentration_subtitle(r.params.k_percent, r.n_top_cells, r.n_domain_cells,
                                                         shares_text(r.concentration, "top_share")),
                "note": texts.concentration_summary(int(r.coincidence.sum()),
                                                    shares_text(r.concentration, "coinc_share"))}

    def notes(self, crs_name: str) -> List[tuple]:
        r, a = self.result, self.inputs.analysis
        items = [(tr("Atlas"), self.title), (texts.organisation_item(), texts.organisation_text(self.options.organisation)),
                 (tr("Created"), self.date_text)]
        sources = [texts.source_text(s, a.grids[s].name, grid_year(a.grids[s])) for s in a.species]
        sources.append(texts.units_source_text(len(self.inputs.frame)))
        items.append((texts.sources_item(), "\n".join(sources)))
        missing = [s for s in ("NOx", "VOCs") if s not in a.species]
        if missing:
            items.append((tr("Grids not given"), ", ".join(missing)))
        items.append((tr("Coordinate reference system"), crs_name))
        items.append((texts.method_item(), texts.method_summary()))
        items.append((tr("Parameters"), texts.parameters_text(r.params)))
        items.append((tr("Units analysed"), str(len(r.units))))
        which = tr("flagged units only") if self.options.flagged_only else tr("all units")
        items.append((tr("Unit sheets"), f"{len(self.atlas_rows)} ({which})"))
        items.append((tr("Units skipped (no geometry)"),
                      f"{len(self.skipped)}: " + ", ".join(self.skipped) if self.skipped else tr("none")))
        flagged = sorted(str(u) for u in r.units.loc[r.units["SYN_FLAG"] == 1, "UNIT"])
        items.append((tr("Flagged units"), f"{len(flagged)}: " + ", ".join(flagged) if flagged else tr("none")))
        for i, msg in enumerate(r.log):
            items.append((tr("Messages") if i == 0 else "", tr_message(msg)))
        return items

    def write_curve(self, path: str) -> str:
        """The concentration curve as SVG: vector in the PDF, its Chinese drawn as paths."""
        from matplotlib.figure import Figure

        from ..core.report import draw_concentration_curve

        fig = Figure(figsize=(7.6, 5.0), dpi=100)
        # The "top k %" label and the log-axis note inside the chart, in the atlas's language.
        draw_concentration_curve(fig, self.result, texts.curve_title(), texts.curve_axes(),
                                 marker=texts.curve_marker(self.result.params.k_percent), note=texts.curve_note())
        fig.savefig(path)
        self.curve_path = path
        return path


def grid_year(grid) -> str:
    """The year of an emission grid: the file's YEAR metadata, else a year in its name."""
    metadata = {}
    source = getattr(grid, "source", "") or ""
    if source:
        try:
            from osgeo import gdal

            ds = gdal.OpenEx(source, gdal.OF_RASTER)
            if ds is not None:
                metadata = ds.GetMetadata() or {}
                ds = None
        except (ImportError, RuntimeError):
            metadata = {}
    return year_of(grid.name or source, metadata)


def shares_text(concentration, column: str) -> str:
    conc = concentration.set_index("species")
    return ", ".join(texts.share_item(format_share(conc.at[s, column]), s) for s in conc.index
                     if np.isfinite(conc.at[s, column]))
