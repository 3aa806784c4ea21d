"""Command line: the synergy analysis without QGIS (``python -m jwjt_plugin.cli synergy``).

``make demo`` runs it on the bundled sample city. Results always go to a new folder: ``--out`` is
checked before any work (it must be a writable folder, or one that can be created in a writable
folder, and no input), the results are written into a hidden temporary folder beside the new one
and moved into place only when all of them are written, so a run that fails leaves nothing behind.
Bad input and unwritable outputs end in one line on stderr (exit 1 and 2), not a traceback.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

from .core.grid import EmissionGrid
from .core.messages import QT_TRANSLATE_NOOP, JwjtInputError
from .core.output_paths import OutputPathError, check_outputs
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
                   help="SPECIES=PATH, repeatable (CO2 required; NOx, VOCs, PM2.5 optional; any case, PM25 = PM2.5; "
                        "without NOx or VOCs the units get CO2 sums and carbon classes, no synergy flags)")
    s.add_argument("--grid-units", action="append", default=[], metavar="[SPECIES=]UNITS",
                   help="units of the grid values (default t/yr): UNITS for every grid, or SPECIES=UNITS for one "
                        "grid, repeatable (e.g. --grid-units 'CO2=Tg C' --grid-units NOx=t)")
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


def grid_units(items: List[str], species: List[str]) -> Dict[str, str]:
    """``--grid-units`` values -> units per species: a plain value sets every grid, ``SPECIES=UNITS``
    one grid (it wins over a plain value); a species without a grid, or given twice, is refused."""
    from .core.species import require_species, species_sources

    plain = [v.strip() for v in items if "=" not in v]
    if len(plain) > 1:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "--grid-units is given for every grid twice ('{first}' and '{second}'); give one value, "
                     "or SPECIES=UNITS per grid."), first=plain[0], second=plain[1])
    default = plain[0] if plain else "t/yr"
    pairs = [tuple(p.strip() for p in v.split("=", 1)) for v in items if "=" in v]
    per = species_sources((sp, units) for sp, units in pairs)
    for sp, _units in pairs:
        if require_species(sp) not in species:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "--grid-units {given}: no {species} grid is given (grids: {grids})."),
                given=f"{sp}={_units}", species=require_species(sp), grids=", ".join(species))
    return {sp: per.get(sp, default) for sp in species}


def _load_grids(pairs: List[tuple], units: Dict[str, str]) -> Dict[str, EmissionGrid]:
    from .core.readers.raster import read_raster_grid

    grids = {}
    for species, path in pairs:
        grids[species] = read_raster_grid(path, species, units=units[species],
                                          name=f"{species} ({Path(path).name})")
    return grids


def cmd_synergy(args) -> int:
    from .core.pipeline import resolve_mapping, run_synergy
    from .core.report import plot_concentration_curve, write_concentration_csv, write_units_csv
    from .core.species import species_sources
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
    sources = species_sources((species, path) for species, path in pairs)  # canonical, once each
    pairs = list(sources.items())
    units_of = grid_units(args.grid_units, [species for species, _ in pairs])

    inputs = [("--units", units_path)] + [(f"--grid {species}", path) for species, path in pairs]
    check_outputs([("--out", args.out)], inputs, folders=("--out",))

    t0 = time.perf_counter()
    frame = read_vector(units_path, units_layer, encoding=args.encoding)
    layer_name = units_layer or Path(units_path).stem
    grids = _load_grids(pairs, units_of)
    mapping = resolve_mapping(frame, {"code": args.code_field, "name": args.name_field,
                                      "unit_class": args.class_field})
    params = SynergyParams(k_percent=args.k, hotspot_method=args.method, rule=args.rule, domain=args.domain,
                           denominator=args.denominator, gi_radius=args.gi_radius, gi_fdr=args.gi_fdr)
    analysis, result = run_synergy(frame, grids, params, mapping, layer_name)
    elapsed = time.perf_counter() - t0

    try:
        with staged_output_dir(args.out) as (out, staging):
            units_out = frame.iloc[analysis.units.source_index].copy()
            metrics = result.units.drop(columns=["UNIT", "NAME", "CLASS"])
            for col in metrics.columns:
                name = col if col not in units_out.columns else f"{col}_J"
                units_out[name] = metrics[col].to_numpy()
            units_out["SYN_LABEL"] = result.units["SYN_CLASS"].map(_zh_labels()).to_numpy()
            write_vector(units_out, str(staging / "flagged_units.gpkg"), "flagged_units")
            write_concentration_csv(result, str(staging / "concentration.csv"))
            write_units_csv(result, str(staging / "unit_metrics.csv"))
            plot_concentration_curve(result, str(staging / "concentration_curve.png"))
            warnings = [m.text for m in result.log if m.level != "info"]
            summary = result.summary()
            text = [f"JWJT synergy analysis — {layer_name}", f"Output folder: {out}", "", summary]
            if warnings:
                text += ["", "Notes:"] + [f"  - {w}" for w in warnings]
            text += ["", f"Computed in {elapsed:.2f} s ({len(analysis.units)} units, "
                         f"{analysis.spec.ncols} x {analysis.spec.nrows} cells)."]
            (staging / "summary.txt").write_text("\n".join(text) + "\n", encoding="utf-8")
    except OSError as err:  # a late write failure (disk full, folder removed): nothing is left behind
        print(f"error: could not write the results into {args.out} ({err}); nothing was written.", file=sys.stderr)
        return 2
    print("\n".join(text))
    return 0


@contextmanager
def staged_output_dir(base: str) -> Iterator[Tuple[Path, Path]]:
    """``(final, staging)``: a new folder under ``base`` (reserved now, so concurrent runs get
    different ones) and a hidden temporary folder beside it to write into; on success the staging
    folder takes the final folder's place, on any failure both are removed."""
    from .core.report import new_output_dir

    final = new_output_dir(base)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{final.name}-", suffix=".partial", dir=str(final.parent)))
    except BaseException:
        final.rmdir()
        raise
    try:
        yield final, staging
        if os.name == "nt":  # Windows renames no folder onto an existing one, even an empty one
            final.rmdir()
        os.replace(staging, final)  # POSIX: atomically replaces the empty reserved folder
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        try:
            final.rmdir()
        except OSError:
            pass
        raise


def _zh_labels():
    from .core.synergy import CLASS_LABELS_ZH

    return CLASS_LABELS_ZH


def main(argv: Optional[List[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "synergy":
            return cmd_synergy(args)
    except OutputPathError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except JwjtInputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 2


if __name__ == "__main__":
    sys.exit(main())
