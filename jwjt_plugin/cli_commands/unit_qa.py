"""``unitqa``: quality checks of a control-unit layer, as ``jwjt:unitqa`` runs them.

Outputs: ``findings.gpkg`` (layer ``findings``: one polygon per finding, or none), ``findings.csv``
(the same rows without geometry) and ``summary.txt``.
"""
from __future__ import annotations

import time

from ..core.unit_qa import DEFAULT_GAP_MIN_AREA_M2, DEFAULT_MIN_AREA_M2

NAME = "unitqa"
HELP = "check a control-unit layer (geometry, overlaps, gaps, codes, classes)"
DESCRIPTION = __doc__
#: findings listed in the printed summary (all of them are in the outputs), as in the Processing log
LOG_LIMIT = 100
ROLES = ("code", "unit_class")


def add_arguments(p) -> None:
    from ..cli import add_encoding_argument, add_field_arguments, add_output_argument

    p.add_argument("--sample", action="store_true", help="use the bundled sample city (units and admin boundary)")
    p.add_argument("--units", help="control-unit layer (GeoPackage, shapefile, …)")
    p.add_argument("--units-layer", help="layer name inside --units")
    p.add_argument("--admin", help="administrative boundary for the gap check (optional)")
    p.add_argument("--admin-layer", help="layer name inside --admin")
    p.add_argument("--min-area", type=float, default=DEFAULT_MIN_AREA_M2,
                   help=f"minimum unit area in m² (default {DEFAULT_MIN_AREA_M2:g})")
    p.add_argument("--min-gap-area", type=float, default=DEFAULT_GAP_MIN_AREA_M2,
                   help=f"ignore gaps smaller than this many m² (default {DEFAULT_GAP_MIN_AREA_M2:g})")
    add_field_arguments(p, ROLES)
    add_encoding_argument(p)
    add_output_argument(p)


def findings_frame(result):
    """The output layer's rows, as the algorithm writes them: polygon geometries only, the rest none."""
    import numpy as np

    frame = result.to_frame()
    geoms = np.asarray(frame.geometry.values, dtype=object)
    keep = np.array([g is not None and not g.is_empty and g.geom_type in ("Polygon", "MultiPolygon")
                     for g in geoms], dtype=bool)
    if len(frame) and not keep.all():
        frame = frame.set_geometry(np.where(keep, geoms, None), crs=result.crs)
    frame["area_m2"] = [a if np.isfinite(a) else None for a in frame["area_m2"]]
    return frame


def run(args) -> int:
    import sys

    from ..cli import field_overrides, finish_run, input_note_lines, layer_label, note_lines, read_layer
    from ..core.output_paths import check_outputs
    from ..core.pipeline import resolve_mapping
    from ..core.unit_qa import check_units
    from ..paths import sample_city_dir

    if args.sample:
        folder = sample_city_dir()
        units_path, units_layer = str(folder / "units.gpkg"), "control_units"
        admin_path, admin_layer = str(folder / "admin.gpkg"), "admin_boundary"
    else:
        if not args.units:
            print("error: give --units, or --sample", file=sys.stderr)
            return 2
        units_path, units_layer, admin_path, admin_layer = args.units, args.units_layer, args.admin, args.admin_layer
    inputs = [("--units", units_path)] + ([("--admin", admin_path)] if admin_path else [])
    check_outputs([("--out", args.out)], inputs, folders=("--out",))

    t0 = time.perf_counter()
    frame = read_layer(units_path, units_layer, args.encoding)
    layer_name = layer_label(frame, units_path) or "units"
    admin = read_layer(admin_path, admin_layer, args.encoding) if admin_path else None
    admin_name = layer_label(admin, admin_path) if admin is not None else "boundary"
    mapping = resolve_mapping(frame, field_overrides(args, ROLES))
    result = check_units(frame, mapping, admin=admin, min_area_m2=args.min_area, gap_min_area_m2=args.min_gap_area,
                         layer=layer_name, admin_layer=admin_name)
    elapsed = time.perf_counter() - t0
    table = findings_frame(result)

    def write(staging):
        from ..core.units_io import write_vector

        write_vector(table, str(staging / "findings.gpkg"), "findings")
        table.drop(columns=table.geometry.name).to_csv(staging / "findings.csv", index=False, encoding="utf-8-sig",
                                                       float_format="%.10g")

    def text(out):
        lines = [f"JWJT unit checks — {layer_name}", f"Output folder: {out}", "",
                 f"Fields: code = {mapping.code or '—'}, class = {mapping.unit_class or '—'}",
                 f"{len(result)} findings: {result.n_errors} errors, {len(result) - result.n_errors} warnings."]
        lines += input_note_lines(frame, admin) + note_lines(result.log)
        if len(result):
            lines += ["", "Findings:"] + [f"  - {f.text}" for f in list(result)[:LOG_LIMIT]]
            if len(result) > LOG_LIMIT:
                lines.append(f"  … and {len(result) - LOG_LIMIT} more (all in findings.gpkg and findings.csv).")
        lines += ["", f"Computed in {elapsed:.2f} s ({len(frame)} units)."]
        return lines

    return finish_run(args, NAME, write, text)
