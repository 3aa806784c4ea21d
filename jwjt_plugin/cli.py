"""Command line: the analyses without QGIS (``python -m jwjt_plugin.cli synergy|unitqa|planoverlap|query|assessment|
delineate|park``).

Each command mirrors its Processing algorithm (same parameters and defaults, same core call, same
core messages); the commands other than ``synergy`` live in :mod:`jwjt_plugin.cli_commands`.

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
from typing import Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

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
    s.add_argument("--workers", type=int, default=0, metavar="N",
                   help="worker threads (default 0: every core); the result does not depend on it")
    s.add_argument("--scheduler", metavar="tcp://HOST:8786",
                   help="run on a Dask cluster (pip install 'dask[distributed]'; every worker must see the "
                        "grid files at the same paths); default: in this process")
    s.add_argument("--out", default="output", help="parent folder; a new sub-folder is created per run")
    from .cli_commands import COMMANDS

    for command in COMMANDS:
        c = sub.add_parser(command.NAME, help=command.HELP, description=command.DESCRIPTION)
        command.add_arguments(c)
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


def _load_grids(pairs: List[tuple], units: Dict[str, str]) -> Dict[str, object]:
    """species -> EmissionGrid, or a strip-wise source for a file above the whole-read limit
    (read the way the plugin reads a file raster: :meth:`~jwjt_plugin.adapters.inputs.GridSnapshot.read`)."""
    from .core.readers.raster import read_raster_grid
    from .core.readers.raster_source import open_raster_source
    from .core.run_estimate import reads_whole

    grids: Dict[str, object] = {}
    for species, path in pairs:
        name = Path(path).stem  # as QGIS names a layer from a file
        source = open_raster_source(path, species, units=units[species], name=name)  # checked, no cell read
        if reads_whole(source.spec.nrows, source.spec.ncols):
            grids[species] = read_raster_grid(path, species, units=units[species], name=name)
        else:
            grids[species] = source
    return grids


def cmd_synergy(args) -> int:
    from .core.pipeline import resolve_mapping, run_synergy
    from .core.report import plot_concentration_curve, write_concentration_csv, write_units_csv
    from .core.species import species_sources
    from .core.synergy_output import units_with_metrics
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
    analysis, result = run_synergy(frame, grids, params, mapping, layer_name, workers=args.workers,
                                   scheduler=(args.scheduler or "").strip() or None)
    elapsed = time.perf_counter() - t0

    try:
        with staged_output_dir(args.out) as (out, staging):
            # Every unit with its metrics, named and labelled as the Processing sink and the dock write them.
            units_out = units_with_metrics(frame, analysis, result)
            write_vector(units_out, str(staging / "flagged_units.gpkg"), "flagged_units")
            write_concentration_csv(result, str(staging / "concentration.csv"))
            write_units_csv(result, str(staging / "unit_metrics.csv"))
            plot_concentration_curve(result, str(staging / "concentration_curve.png"))
            summary = result.summary()
            text = [f"JWJT synergy analysis — {layer_name}", f"Output folder: {out}", "", summary]
            text += input_note_lines(frame) + note_lines(result.log)
            text += ["", f"Computed in {elapsed:.2f} s ({len(analysis.units)} units, "
                         f"{analysis.spec.ncols} x {analysis.spec.nrows} cells)."]
            (staging / "summary.txt").write_text("\n".join(text) + "\n", encoding="utf-8")
    except OSError as err:  # a late write failure (disk full, folder removed): nothing is left behind
        print(f"error: could not write the results into {args.out} ({err}); nothing was written.", file=sys.stderr)
        return 2
    print("\n".join(text))
    return 0


@contextmanager
def staged_output_dir(base: str, prefix: str = "synergy") -> Iterator[Tuple[Path, Path]]:
    """``(final, staging)``: a new folder ``<prefix>-<time>`` under ``base`` (reserved now, so
    concurrent runs get different ones) and a hidden temporary folder beside it to write into; on
    success the staging folder takes the final folder's place, on any failure both are removed."""
    from .core.report import new_output_dir

    final = new_output_dir(base, prefix)
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


# -- shared by the commands of cli_commands ---------------------------------------------------------
def add_output_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", default="output", help="parent folder; a new sub-folder is created per run")


def add_encoding_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--encoding", help="attribute encoding of every shapefile input without .cpg (e.g. GBK); "
                                      "one value for all vector inputs, ignored for GeoPackages")


def add_field_arguments(p: argparse.ArgumentParser, roles: Sequence[str]) -> None:
    """``--code-field`` etc.: a unit field chosen by hand (auto-detected when not given)."""
    for role in roles:
        p.add_argument(f"--{FIELD_OPTIONS[role]}", dest=f"{role}_field", metavar="FIELD",
                       help=f"unit {role.replace('_', ' ')} field (auto-detected when not given)")


#: FieldMapping role -> option name (before "-field")
FIELD_OPTIONS = {"code": "code-field", "name": "name-field", "unit_class": "class-field",
                 "spatial": "spatial-field", "emission": "emission-field", "risk": "risk-field",
                 "resource": "resource-field"}


def field_overrides(args, roles: Sequence[str]) -> Dict[str, Optional[str]]:
    """role -> the field given on the command line, or None to auto-detect (for resolve_mapping)."""
    return {role: getattr(args, f"{role}_field", None) or None for role in roles}


def read_layer(path: str, layer: Optional[str], encoding: Optional[str]):
    """A vector layer as :func:`~jwjt_plugin.core.units_io.read_vector` reads it, plus the
    ``feature_id`` column Processing frames carry (the OGR feature ids, so the ids in messages
    and outputs are the ones QGIS shows)."""
    import numpy as np

    from .core.units_io import read_vector

    frame = read_vector(path, layer, encoding=encoding)
    frame.attrs["requested_layer"] = layer
    fids = _feature_ids(path, frame.attrs.get("layer"))
    if "feature_id" not in frame.columns:
        frame["feature_id"] = (np.array(fids, dtype=np.int64) if fids is not None and len(fids) == len(frame)
                               else np.arange(len(frame), dtype=np.int64))
    return frame


def _feature_ids(path: str, layer: Optional[str]) -> Optional[List[int]]:
    try:
        from osgeo import gdal

        ds = gdal.OpenEx(str(path), gdal.OF_VECTOR)
        lyr = ds.GetLayerByName(layer) if layer else ds.GetLayer(0)
        defn = lyr.GetLayerDefn()
        lyr.SetIgnoredFields([defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())] + ["OGR_GEOMETRY"])
        fids = [f.GetFID() for f in lyr]
        lyr = ds = None
        return fids
    except Exception:  # noqa: BLE001 - the ids are a courtesy: row numbers do when they cannot be read
        return None


def layer_label(frame, path: str) -> str:
    """The name messages use for a layer read from ``path``, as Processing names a layer given as a
    path: the layer asked for inside the file, else the file's stem (adapters.inputs.layer_name)."""
    return frame.attrs.get("requested_layer") or Path(path).stem


def note_lines(log: Iterable, heading: str = "Notes:") -> List[str]:
    """Every core message (info too), English, under a "Notes:" heading; [] for none."""
    texts = [m.text for m in log]
    return ["", heading] + [f"  - {t}" for t in texts] if texts else []


def input_note_lines(*frames) -> List[str]:
    """What reading the vector inputs noted (encodings guessed, CRS unreadable …): QGIS reads the
    layers itself, so these are no part of the Processing log and get their own heading."""
    log = [m for f in frames if f is not None for m in f.attrs.get("log", ())]
    return note_lines(log, "Reading the inputs:")


def finish_run(args, prefix: str, write: Callable[[Path], None], text: Callable[[Path], List[str]]) -> int:
    """Write the outputs (``write(staging)``) and ``summary.txt`` (``text(final)``) into a new run
    folder under ``--out``, then print the summary; a late write failure leaves nothing behind."""
    try:
        with staged_output_dir(args.out, prefix) as (out, staging):
            write(staging)
            lines = text(out)
            (staging / "summary.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    except OSError as err:
        print(f"error: could not write the results into {args.out} ({err}); nothing was written.", file=sys.stderr)
        return 2
    print("\n".join(lines))
    return 0


def one_line(err) -> str:
    """An error as the one line the CLI prints (GDAL's reasons can span several)."""
    return " ".join(str(err).split())


def main(argv: Optional[List[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "synergy":
            return cmd_synergy(args)
        from .cli_commands import COMMANDS

        for command in COMMANDS:
            if args.command == command.NAME:
                return command.run(args)
    except OutputPathError as err:
        print(f"error: {one_line(err)}", file=sys.stderr)
        return 2
    except JwjtInputError as err:
        print(f"error: {one_line(err)}", file=sys.stderr)
        return 1
    return 2


if __name__ == "__main__":
    sys.exit(main())
