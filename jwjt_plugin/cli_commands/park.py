"""``park``: the industrial-park carbon assessment (产业园区碳排放评价), as ``jwjt:parkcarbon`` runs it.

Inputs: ``--parks`` (polygons), ``--enterprises`` (points, or a table with a park field), ``--activity``
(CSV or XLSX: enterprise, scenario, item, amount, unit), optional ``--factors`` (default: the shipped
table), ``--benchmarks``, ``--measures``, ``--scale`` (scenario scale table), ``--grid PATH`` for the
cross-check (named like co2_2020, nox_2035; t per cell and year) and ``--synergy`` (a synergy flags
layer). ``--sample`` takes the sample parks of the sample city with its grids of 2020, 2025 and 2035.
Outputs: ``park_assessment.xlsx`` (every table and the factors used), ``parks.gpkg`` (layer ``parks``:
one feature per park with CO2_<scenario>, DIR_, IND_, INT_VA_ … and N_PASS, N_FAIL, STATUS) and
``parks.csv`` (the same without geometry), ``enterprises.gpkg`` (when the enterprises are points) and
``enterprises.csv``, ``emission_factors_used.csv`` and ``summary.txt``. The PDF report pages need QGIS (the Processing algorithm).
"""
from __future__ import annotations

import time

NAME = "park"
HELP = "carbon assessment of industrial parks from their enterprises' activity data"
DESCRIPTION = __doc__
SAMPLE_SPECIES = ("co2", "nox", "vocs", "pm25")
SAMPLE_SCENARIOS = ("2020", "2025", "2035")
#: option -> (build_inputs mapping, key)
FIELD_OPTIONS = (("park-id-field", "park", "id"), ("park-name-field", "park", "name"),
                 ("park-codes-field", "park", "codes"), ("ent-id-field", "ent", "id"),
                 ("ent-name-field", "ent", "name"), ("ent-industry-field", "ent", "industry"),
                 ("ent-park-field", "ent", "park"))


def add_arguments(p) -> None:
    from ..cli import add_encoding_argument, add_output_argument

    p.add_argument("--sample", action="store_true",
                   help="use the sample parks of the bundled sample city (parks, enterprises, activity, benchmarks "
                        "and the grids of 2020, 2025 and 2035)")
    p.add_argument("--parks", help="park polygons (GeoPackage, shapefile, …)")
    p.add_argument("--parks-layer", help="layer name inside --parks")
    p.add_argument("--enterprises", help="enterprises: points, or a table with a park field")
    p.add_argument("--enterprises-layer", help="layer name inside --enterprises")
    p.add_argument("--activity", help="activity table (CSV or XLSX: enterprise, scenario, item, amount, unit)")
    p.add_argument("--factors", help="emission factor table (CSV or XLSX; default: the shipped table)")
    p.add_argument("--benchmarks", help="benchmarks table (indicator, comparison, value, park, scenario, source)")
    p.add_argument("--measures", help="measures library (CSV; default: the shipped library)")
    p.add_argument("--scale", help="scenario scale table (planning scenarios as factors on a scenario's activity)")
    p.add_argument("--base", default="2020", help="base scenario (default 2020)")
    p.add_argument("--target", help="target scenario (default: the last one)")
    p.add_argument("--grid", action="append", default=[], metavar="PATH",
                   help="emission grid for the cross-check, repeatable (named like co2_2020; t per cell and year)")
    p.add_argument("--synergy", help="synergy flags layer (units with SYN_FLAG = 1 are hotspots)")
    p.add_argument("--synergy-layer", help="layer name inside --synergy")
    for option, _group, _key in FIELD_OPTIONS:
        p.add_argument(f"--{option}", dest=option.replace("-", "_"), metavar="FIELD",
                       help=f"{option[:-6].replace('-', ' ')} field (auto-detected when not given)")
    p.add_argument("--top-n", type=int, default=5, help="largest enterprises listed per park (default 5)")
    p.add_argument("--tolerance", type=float, default=30.0,
                   help="cross-check: accounted / grid differs beyond ± this many %% (default 30)")
    add_encoding_argument(p)
    add_output_argument(p)


def sources(args):
    """(option, path, layer) of the vector and table inputs, and the grid paths: the sample's or the
    options'; None when a required input is missing."""
    from ..paths import sample_city_dir

    if args.sample:
        folder = sample_city_dir()
        given = {"--parks": (str(folder / "parks.gpkg"), "parks"),
                 "--enterprises": (str(folder / "enterprises.gpkg"), "enterprises"),
                 "--activity": (str(folder / "park_activity.csv"), None)}
        files = {"--benchmarks": args.benchmarks or str(folder / "park_benchmarks.csv")}
        grids = args.grid or [str(folder / f"{sp}_{s}.tif") for s in SAMPLE_SCENARIOS for sp in SAMPLE_SPECIES]
    else:
        if not args.parks or not args.enterprises or not args.activity:
            return None
        given = {"--parks": (args.parks, args.parks_layer), "--enterprises": (args.enterprises, args.enterprises_layer),
                 "--activity": (args.activity, None)}
        files = {"--benchmarks": args.benchmarks}
        grids = list(args.grid)
    files.update({"--factors": args.factors, "--measures": args.measures, "--scale": args.scale})
    if args.synergy:
        given["--synergy"] = (args.synergy, args.synergy_layer)
    return given, {k: v for k, v in files.items() if v}, grids


def read_grids(paths):
    """(scenario, species) -> EmissionGrid, labelled and checked as the algorithm labels its layers."""
    from pathlib import Path

    from ..adapters.park_layers import grid_keys
    from ..core.assessment_inputs import label_from_file
    from ..core.messages import MessageLog
    from ..core.readers.raster import read_raster_grid

    log = MessageLog()
    labelled = [(label_from_file(p, Path(p).stem), Path(p).stem, p) for p in paths]
    grids = {key: read_raster_grid(path, key[1], units="t/yr", name=Path(path).stem)
             for key, path in grid_keys(labelled, log)}
    return grids, log


def run(args) -> int:
    import sys
    from pathlib import Path

    from ..adapters.park_layers import enterprise_table, flagged_units, has_points, park_table
    from ..cli import finish_run, input_note_lines, layer_label, note_lines, read_layer
    from ..core.output_paths import check_outputs
    from ..core.park_carbon import ParkCarbonParams, build_inputs, describe, run_park_carbon
    from ..core.park_tables import read_table

    found = sources(args)
    if found is None:
        print("error: give --parks, --enterprises and --activity, or --sample", file=sys.stderr)
        return 2
    given, files, grid_paths = found
    inputs = [(option, path) for option, (path, _layer) in given.items()] + list(files.items())
    inputs += [(f"--grid {Path(p).stem}", p) for p in grid_paths]
    check_outputs([("--out", args.out)], inputs, folders=("--out",))
    params = ParkCarbonParams(base=args.base, target=args.target, top_n=args.top_n,
                              cross_check_tolerance=args.tolerance / 100.0)

    t0 = time.perf_counter()
    parks_path, parks_layer = given["--parks"]
    ents_path, ents_layer = given["--enterprises"]
    parks = read_layer(parks_path, parks_layer, args.encoding)
    ents = read_layer(ents_path, ents_layer, args.encoding)
    activity_path = given["--activity"][0]
    activity = read_table(activity_path, "activity table")
    flagged = ()
    synergy = None
    if "--synergy" in given:
        synergy = read_layer(*given["--synergy"], args.encoding)
        flagged = flagged_units(synergy, layer_label(synergy, given["--synergy"][0]))
    grids, grid_log = read_grids(grid_paths)
    fields = {"park": {}, "ent": {}}
    for option, group, key in FIELD_OPTIONS:
        fields[group][key] = getattr(args, option.replace("-", "_"), None) or None
    park_inputs = build_inputs(
        parks, ents, activity, parks_layer=layer_label(parks, parks_path),
        enterprises_layer=layer_label(ents, ents_path), activity_table=Path(activity_path).stem,
        park_fields=fields["park"], enterprise_fields=fields["ent"], factor_path=files.get("--factors"),
        benchmarks_path=files.get("--benchmarks"), measures_path=files.get("--measures"),
        scale_path=files.get("--scale"), grids=grids, flagged_units=flagged)
    result = run_park_carbon(park_inputs, params)
    elapsed = time.perf_counter() - t0
    parks_out = park_table(result, result.parks_geo)
    ents_out = enterprise_table(result, park_inputs.enterprises)
    described = dict(inputs)

    def write(staging):
        from ..core.park_workbook import write_workbook
        from ..core.units_io import write_vector

        write_workbook(result, str(staging / "park_assessment.xlsx"), described, params)
        write_vector(parks_out, str(staging / "parks.gpkg"), "parks")
        parks_out.drop(columns=parks_out.geometry.name).to_csv(staging / "parks.csv", index=False,
                                                               encoding="utf-8-sig")
        table = ents_out
        if has_points(park_inputs.enterprises):
            write_vector(ents_out, str(staging / "enterprises.gpkg"), "enterprises")
            table = ents_out.drop(columns=ents_out.geometry.name)
        table.to_csv(staging / "enterprises.csv", index=False, encoding="utf-8-sig")
        # the factors every number used, beside the numbers (also the workbook's 排放因子 sheet)
        result.factors.to_csv(staging / "emission_factors_used.csv", index=False, encoding="utf-8-sig")

    def text(out):
        scenarios = ", ".join(result.scenarios)
        lines = [f"JWJT park carbon assessment — {len(parks_out)} parks, scenarios {scenarios} "
                 f"(base {result.base}, target {result.target or '—'})", f"Output folder: {out}", ""]
        lines += describe(result)
        lines += ["", f"Emission factors: {result.factors['table'].iloc[0]} ({len(result.factors)} rows, "
                      "in emission_factors_used.csv and the workbook)"]
        lines += input_note_lines(parks, ents, synergy) + note_lines(list(grid_log) + list(result.log))
        lines += ["", f"Computed in {elapsed:.2f} s ({len(result.lines)} accounting lines, {len(grids)} grids)."]
        return lines

    return finish_run(args, NAME, write, text)
