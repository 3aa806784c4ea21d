"""Command line: the synergy analysis without QGIS (``python -m jwjt_plugin.cli synergy``).

``make demo`` runs it on the bundled sample city. Results always go to a new folder.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Dict, List, Optional

from .core.grid import EmissionGrid
from .core.messages import JwjtInputError
from .core.synergy import HOTSPOT_METHODS, RULES, SynergyParams

SAMPLE_GRIDS = {"CO2": "co2_2020.tif", "NOx": "nox_2020.tif", "VOCs": "vocs_2020.tif", "PM2.5": "pm25_2020.tif"}


def _parse_grid(text: str) -> tuple:
    if "=" not in text:
        raise argparse.ArgumentTypeError(f"--grid takes SPECIES=PATH, not '{text}'")
    species, path = text.split("=", 1)
    return species.strip(), path.strip()


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m jwjt_plugin.cli", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("synergy", help="flag units where CO2 top cells meet NOx/VOCs hotspots")
    s.add_argument("--sample", action="store_true", help="use the bundled sample city (示例市)")
    s.add_argument("--units", help="control-unit layer (GeoPackage, shapefile, …)")
    s.add_argument("--units-layer", help="layer name inside --units")
    s.add_argument("--encoding", help="attribute encoding of a shapefile without .cpg (e.g. GBK)")
    s.add_argument("--grid", action="append", type=_parse_grid, default=[],
                   help="SPECIES=PATH, repeatable (CO2 required; NOx, VOCs, PM2.5 optional)")
    s.add_argument("--grid-units", default="t/yr", help="units of the grid values (default t/yr)")
    s.add_argument("--k", type=float, default=5.0, help="top k %% of cells by CO2 (default 5)")
    s.add_argument("--method", choices=HOTSPOT_METHODS, default="topk", help="pollutant hotspot method")
    s.add_argument("--rule", choices=RULES, default="nox_or_vocs", help="coincidence rule")
    s.add_argument("--domain", choices=("units", "grid"), default="units", help="cells ranked")
    s.add_argument("--denominator", choices=("all", "nonzero"), default="all")
    s.add_argument("--gi-radius", type=int, default=1)
    s.add_argument("--gi-fdr", action="store_true")
    s.add_argument("--code-field"), s.add_argument("--name-field"), s.add_argument("--class-field")
    s.add_argument("--out", default="output", help="parent folder; a new sub-folder is created per run")
    return p


def _load_grids(pairs: List[tuple], units: str) -> Dict[str, EmissionGrid]:
    from .core.readers.raster import read_raster_grid

    grids = {}
    for species, path in pairs:
        grids[species] = read_raster_grid(path, species, units=units, name=f"{species} ({Path(path).name})")
    return grids


def cmd_synergy(args) -> int:
    from .core.pipeline import resolve_mapping, run_synergy
    from .core.report import new_output_dir, plot_concentration_curve, write_concentration_csv, write_units_csv
    from .core.units_io import read_vector, write_vector
    from .paths import sample_city_dir

    if args.sample:
        folder = sample_city_dir()
        units_path, units_layer = str(folder / "units.gpkg"), "control_units"
        pairs = [(s, str(folder / f)) for s, f in SAMPLE_GRIDS.items()]
    else:
        if not args.units or not args.grid:
            print("error: give --units and at least --grid CO2=PATH, or --sample", file=sys.stderr)
            return 2
        units_path, units_layer, pairs = args.units, args.units_layer, args.grid

    t0 = time.perf_counter()
    frame = read_vector(units_path, units_layer, encoding=args.encoding)
    layer_name = units_layer or Path(units_path).stem
    grids = _load_grids(pairs, args.grid_units)
    mapping = resolve_mapping(frame, {"code": args.code_field, "name": args.name_field,
                                      "unit_class": args.class_field})
    params = SynergyParams(k_percent=args.k, hotspot_method=args.method, rule=args.rule, domain=args.domain,
                           denominator=args.denominator, gi_radius=args.gi_radius, gi_fdr=args.gi_fdr)
    analysis, result = run_synergy(frame, grids, params, mapping, layer_name)
    elapsed = time.perf_counter() - t0

    out = new_output_dir(args.out)
    units_out = frame.iloc[analysis.units.source_index].copy()
    metrics = result.units.drop(columns=["UNIT", "NAME", "CLASS"])
    for col in metrics.columns:
        name = col if col not in units_out.columns else f"{col}_J"
        units_out[name] = metrics[col].to_numpy()
    units_out["SYN_LABEL"] = result.units["SYN_CLASS"].map(_zh_labels()).to_numpy()
    write_vector(units_out, str(out / "flagged_units.gpkg"), "flagged_units")
    write_concentration_csv(result, str(out / "concentration.csv"))
    write_units_csv(result, str(out / "unit_metrics.csv"))
    plot_concentration_curve(result, str(out / "concentration_curve.png"))
    warnings = [m.text for m in result.log if m.level != "info"]
    summary = result.summary()
    text = [f"JWJT synergy analysis — {layer_name}", f"Output folder: {out}", "", summary]
    if warnings:
        text += ["", "Notes:"] + [f"  - {w}" for w in warnings]
    text += ["", f"Computed in {elapsed:.2f} s ({len(analysis.units)} units, "
                 f"{analysis.spec.ncols} x {analysis.spec.nrows} cells)."]
    (out / "summary.txt").write_text("\n".join(text) + "\n", encoding="utf-8")
    print("\n".join(text))
    return 0


def _zh_labels():
    from .core.synergy import CLASS_LABELS_ZH

    return CLASS_LABELS_ZH


def main(argv: Optional[List[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "synergy":
            return cmd_synergy(args)
    except JwjtInputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 2


if __name__ == "__main__":
    sys.exit(main())
