"""``planoverlap``: control units against the spatial plans (三区三线), as ``jwjt:planoverlaps`` checks them.

Outputs: ``conflicts.gpkg`` (layer ``conflicts``: one polygon per conflict), ``conflicts.csv`` (the same rows
without geometry, as the algorithm's conflict table) and ``summary.txt``.
"""
from __future__ import annotations

import time

from ..core.plan_overlap import DEFAULT_MIN_AREA_M2, DEFAULT_MIN_WIDTH_M
from ..core.plan_rules import FARMLAND, REDLINE, URBAN

NAME = "planoverlap"
HELP = "check control units against the spatial plans (ecological red line, farmland, urban boundary)"
DESCRIPTION = __doc__
ROLES = ("code", "unit_class")
#: option stem -> plan kind, and the sample city's layer of that kind
PLANS = (("redline", REDLINE, "ecological_redline"), ("farmland", FARMLAND, "permanent_farmland"),
         ("urban", URBAN, "urban_boundary"))


def add_plan_arguments(p, code_help: str = "code field of --{opt} (auto-detected when not given)") -> None:
    from ..core.terms import PlanKind, label

    for opt, kind, _sample in PLANS:
        p.add_argument(f"--{opt}", metavar="PATH", help=f"{label(PlanKind(kind))} layer (optional)")
        p.add_argument(f"--{opt}-layer", metavar="LAYER", help=f"layer name inside --{opt}")
        p.add_argument(f"--{opt}-code", metavar="FIELD", help=code_help.format(opt=opt))


def plan_inputs(args, folder=None):
    """(option, kind, path, layer) of every plan layer given (all three of the sample city with ``folder``)."""
    if folder is not None:
        return [(f"--{opt}", kind, str(folder / "spatial_plans.gpkg"), sample) for opt, kind, sample in PLANS]
    return [(f"--{opt}", kind, getattr(args, opt), getattr(args, f"{opt}_layer")) for opt, kind, _ in PLANS
            if getattr(args, opt)]


def add_arguments(p) -> None:
    from ..cli import add_encoding_argument, add_field_arguments, add_output_argument

    p.add_argument("--sample", action="store_true", help="use the bundled sample city (units and its three plans)")
    p.add_argument("--units", help="control-unit layer (GeoPackage, shapefile, …)")
    p.add_argument("--units-layer", help="layer name inside --units")
    add_plan_arguments(p)
    p.add_argument("--min-area", type=float, default=DEFAULT_MIN_AREA_M2,
                   help=f"ignore overlaps smaller than this many m² (default {DEFAULT_MIN_AREA_M2:g})")
    p.add_argument("--min-width", type=float, default=DEFAULT_MIN_WIDTH_M,
                   help=f"ignore overlaps narrower than this many m (default {DEFAULT_MIN_WIDTH_M:g})")
    p.add_argument("--rules", metavar="JSON", help="overlap rules file (the default rules when not given)")
    add_field_arguments(p, ROLES)
    add_encoding_argument(p)
    add_output_argument(p)


def run(args) -> int:
    import sys

    from ..cli import field_overrides, finish_run, input_note_lines, layer_label, note_lines, read_layer
    from ..core.output_paths import check_outputs
    from ..core.pipeline import resolve_mapping
    from ..core.plan_overlap import check_plan_overlaps, write_conflicts_csv
    from ..core.plan_rules import detect_plan_code_field, read_rules_file
    from ..paths import sample_city_dir

    folder = sample_city_dir() if args.sample else None
    if folder is not None:
        units_path, units_layer = str(folder / "units.gpkg"), "control_units"
    elif not args.units:
        print("error: give --units and at least one of --redline, --farmland, --urban, or --sample", file=sys.stderr)
        return 2
    else:
        units_path, units_layer = args.units, args.units_layer
    given = plan_inputs(args, folder)
    inputs = [("--units", units_path)] + [(opt, path) for opt, _kind, path, _layer in given]
    if args.rules:
        inputs.append(("--rules", args.rules))
    check_outputs([("--out", args.out)], inputs, folders=("--out",))

    t0 = time.perf_counter()
    rules = read_rules_file(args.rules)
    frame = read_layer(units_path, units_layer, args.encoding)
    layer_name = layer_label(frame, units_path) or "units"
    mapping = resolve_mapping(frame, field_overrides(args, ROLES))
    info = [f"Unit fields: code = {mapping.code or '—'}, class = {mapping.unit_class or '—'}"]
    plans, frames = {}, [frame]
    for opt, kind, path, layer in given:
        plan_frame = read_layer(path, layer, args.encoding)
        frames.append(plan_frame)
        plan_name = layer_label(plan_frame, path) or kind
        code = (getattr(args, f"{opt[2:]}_code", None)
                or detect_plan_code_field(kind, [c for c in plan_frame.columns if c != "feature_id"]))
        info.append(f"Plan layer '{plan_name}': code field = {code or '—'}")
        plans[kind] = (plan_frame, code, plan_name)
    result = check_plan_overlaps(frame, mapping, plans, rules, min_area_m2=args.min_area,
                                 min_width_m=args.min_width, layer=layer_name)
    elapsed = time.perf_counter() - t0
    by_rule = [f"Rule '{rule_id}': conflicts: {n}, area: {area / 1e6:.3f} km²"
               for rule_id, (n, area) in result.by_rule().items()]

    def write(staging):
        from ..core.units_io import write_vector

        write_vector(result.conflicts, str(staging / "conflicts.gpkg"), "conflicts")
        write_conflicts_csv(result, str(staging / "conflicts.csv"))

    def text(out):
        lines = [f"JWJT plan overlap check — {layer_name}", f"Output folder: {out}", ""] + info
        lines += [f"{len(result)} conflicts."] + by_rule
        lines += input_note_lines(*frames) + note_lines(result.log)
        lines += ["", f"Computed in {elapsed:.2f} s ({len(frame)} units, {len(result.rules_checked)} rules)."]
        return lines

    return finish_run(args, NAME, write, text)
