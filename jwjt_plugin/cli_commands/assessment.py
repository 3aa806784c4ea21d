"""``assessment``: synergy assessment of control units between two years, as ``jwjt:synergyassessment``
runs it.

Grids are given per year: ``--base-grid SPECIES=PATH`` and ``--target-grid SPECIES=PATH`` (CO2 required in
both; NOx, VOCs, PM2.5 optional), plus optional ``--sector-grid PATH`` of the base year (species and sector
from the file metadata or names like co2_2020_power). Outputs: ``assessed_units.gpkg`` (layer
``assessed_units``: every unit with its fields and the metrics), ``unit_table.csv``, with ``--charts`` the
PNG charts, and ``summary.txt``.
"""
from __future__ import annotations

import time

from ..core.assessment_options import CouplingForm
from ..core.grid import GRID_UNIT_CHOICES

NAME = "assessment"
HELP = "synergy assessment of control units between a base and a target year"
DESCRIPTION = __doc__
ROLES = ("code", "name", "unit_class")
SAMPLE_SPECIES = {"CO2": "co2", "NOx": "nox", "VOCs": "vocs", "PM2.5": "pm25"}


def add_arguments(p) -> None:
    from ..cli import _parse_grid, add_encoding_argument, add_field_arguments, add_output_argument

    p.add_argument("--sample", action="store_true", help="use the bundled sample city (units, grids of 2020 and 2035)")
    p.add_argument("--units", help="control-unit layer (GeoPackage, shapefile, …)")
    p.add_argument("--units-layer", help="layer name inside --units")
    p.add_argument("--base", default="2020", help="base year (default 2020)")
    p.add_argument("--target", default="2035", help="target year (default 2035)")
    p.add_argument("--base-grid", action="append", type=_parse_grid, default=[], metavar="SPECIES=PATH",
                   help="emission grid of the base year, repeatable (CO2 required; NOx, VOCs, PM2.5 optional)")
    p.add_argument("--target-grid", action="append", type=_parse_grid, default=[], metavar="SPECIES=PATH",
                   help="emission grid of the target year, repeatable (CO2 required)")
    p.add_argument("--sector-grid", action="append", default=[], metavar="PATH",
                   help="sector grid of the base year, repeatable (named like co2_2020_power)")
    p.add_argument("--grid-units", choices=GRID_UNIT_CHOICES, default=GRID_UNIT_CHOICES[0],
                   help=f"units of the grid values (default {GRID_UNIT_CHOICES[0]})")
    p.add_argument("--alpha", type=float, default=0.5,
                   help="weight α of CO2 in the coordination index T, β = 1 − α (default 0.5)")
    p.add_argument("--axis-tolerance", type=float, default=0.0,
                   help="rates within ± this many %% count as no change (default 0 = exact)")
    p.add_argument("--coupling-form", choices=[f.value for f in CouplingForm], default=CouplingForm.NORMATIVE.value,
                   help="coupling degree C in D = √(C·T): normative = traditional C = n·(ΠU)^(1/n)/ΣU (default), "
                        "wang2021 = the corrected C of Wang Shujia et al. 2021, 自然资源学报 36(3):793–810")
    p.add_argument("--charts", action="store_true", help="also draw the PNG charts into the run folder")
    add_field_arguments(p, ROLES)
    add_encoding_argument(p)
    add_output_argument(p)


def params_of(args, base: str, target: str):
    from ..core.assessment import AssessmentParams

    kw = dict(alpha=args.alpha, beta=1.0 - args.alpha, coupling_form=CouplingForm(args.coupling_form))
    if args.axis_tolerance / 100.0 > 0:
        kw["axis_tolerance"] = args.axis_tolerance / 100.0
    return AssessmentParams(base, target, **kw)


def grid_inputs(args):
    """(option, (period, species, sector), path) of every grid, checked as the algorithm checks them."""
    from pathlib import Path

    from ..core.assessment_inputs import TOTAL, GridKeys, label_from_file, sector_grid_key
    from ..core.messages import QT_TRANSLATE_NOOP, JwjtInputError, MessageLog
    from ..core.species import require_species, species_sources
    from ..paths import sample_city_dir

    base, target = args.base.strip(), args.target.strip()
    if not base or not target:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Give both a base and a target year."))
    if args.sample:
        folder = sample_city_dir()
        per = {p: [(sp, str(folder / f"{stem}_{p}.tif")) for sp, stem in SAMPLE_SPECIES.items()]
               for p in (base, target)}
    else:
        per = {base: args.base_grid, target: args.target_grid}
    out = []
    for option, period in (("--base-grid", base), ("--target-grid", target)):
        for species, path in species_sources((s, p) for s, p in per[period]).items():
            out.append((f"{option} {species}", (period, require_species(species), TOTAL), path))
    # The sector-grid rules are the core's (the algorithm and the dock apply the same ones).
    keys = GridKeys()
    for _option, key, path in out:
        keys.add(key, Path(path).stem)
    log = MessageLog()
    for path in args.sector_grid:
        name = Path(path).stem
        key = sector_grid_key(label_from_file(path, name), name, base, target, log)
        keys.add(key, name)
        out.append(("--sector-grid", key, path))
    notes = [m.text for m in log]
    return base, target, out, notes


def units_output(frame, table, assessment):
    """The units with their fields and the metrics after them, as the algorithm's output layer: UNIT and
    NAME left out, CLASS as UNIT_CLS, a name taken already gets "_J"; units left out get empty metrics."""
    import numpy as np
    import pandas as pd

    out = frame.drop(columns=["feature_id"]).copy()
    taken = {c.upper() for c in out.columns}
    rows = np.asarray(assessment.units.source_index)
    for col in table.columns:
        if col in ("UNIT", "NAME"):
            continue
        name = "UNIT_CLS" if col == "CLASS" else col
        while name.upper() in taken:
            name = name + "_J"
        taken.add(name.upper())
        values = table[col].to_numpy()
        if values.dtype.kind in "biuf":
            full = np.full(len(out), np.nan)
            full[rows] = values.astype(np.float64)
            series = pd.Series(full, index=out.index)
            if values.dtype.kind in "biu" and len(rows) == len(out):
                series = series.astype(np.int64)
        else:
            full = np.full(len(out), None, dtype=object)
            full[rows] = [None if v is None or (isinstance(v, float) and v != v) else str(v) for v in values]
            series = pd.Series(full, index=out.index, dtype=object)
        out[name] = series
    return out


def run(args) -> int:
    import os
    import sys

    from ..cli import field_overrides, finish_run, input_note_lines, layer_label, note_lines, read_layer
    from ..core.assessment import key_units, run_assessment, write_table_csv
    from ..core.assessment_inputs import EmissionSeries
    from ..core.output_paths import check_outputs
    from ..core.pipeline import resolve_mapping
    from ..core.readers.raster import read_raster_grid
    from ..paths import sample_city_dir
    from .query import _Note

    if args.sample:
        units_path, units_layer = str(sample_city_dir() / "units.gpkg"), "control_units"
    elif not args.units or not args.base_grid or not args.target_grid:
        print("error: give --units, --base-grid CO2=PATH and --target-grid CO2=PATH, or --sample", file=sys.stderr)
        return 2
    else:
        units_path, units_layer = args.units, args.units_layer
    base, target, grid_list, notes = grid_inputs(args)
    inputs = [("--units", units_path)] + [(option, path) for option, _key, path in grid_list]
    check_outputs([("--out", args.out)], inputs, folders=("--out",))

    t0 = time.perf_counter()
    grids = {key: read_raster_grid(path, key[1], units=args.grid_units, name=os.path.splitext(os.path.basename(path))[0])
             for _option, key, path in grid_list}
    series = EmissionSeries(grids)
    frame = read_layer(units_path, units_layer, args.encoding)
    layer_name = layer_label(frame, units_path) or "units"
    mapping = resolve_mapping(frame, field_overrides(args, ROLES))
    params = params_of(args, base, target)
    assessment, result = run_assessment(series, params, frame, mapping, layer_name)
    elapsed = time.perf_counter() - t0
    table = result.units
    units_out = units_output(frame, table, assessment)

    def write(staging):
        from ..core.units_io import write_vector

        write_vector(units_out, str(staging / "assessed_units.gpkg"), "assessed_units")
        write_table_csv(table, str(staging / "unit_table.csv"))
        if args.charts:
            from ..core import assessment_charts as charts

            size = f"CO2_{''.join(ch if ch.isalnum() else '_' for ch in base)}"
            for sp in result.pollutants:
                charts.plot_synergy_scatter(table, sp, str(staging / f"synergy_units_{sp.replace('.', '')}.png"),
                                            carbon=params.carbon, size_column=size)
            charts.plot_key_units(key_units(result, params.carbon, base, params.top_n), str(staging / "key_units.png"),
                                  params.carbon, base)
            charts.plot_grades(table, str(staging / "coordination_grades.png"), carbon=params.carbon)

    def text(out):
        lines = [f"JWJT synergy assessment — {layer_name}, {base} -> {target}", f"Output folder: {out}", "",
                 result.summary()]
        lines += input_note_lines(frame) + note_lines([_Note(t) for t in notes] + list(result.log))
        lines += ["", f"Computed in {elapsed:.2f} s ({len(table)} units, {len(grids)} grids)."]
        return lines

    return finish_run(args, NAME, write, text)
