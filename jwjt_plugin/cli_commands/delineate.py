"""``delineate``: control units from element zones, by overlay (叠加法) or by fitting to boundaries
(拟合法), as ``jwjt:delineateunits`` / ``jwjt:fitunits`` make them.

Outputs: ``units.gpkg`` (layer ``units``, with the table ``units_correspondence`` beside it: which
element zones every unit came from, and how much of each), ``correspondence.csv`` and ``summary.txt``.
"""
from __future__ import annotations

import time

NAME = "delineate"
HELP = "delineate control units from element zones (overlay or fitting to townships)"
DESCRIPTION = __doc__
#: the sample city's zone layers (element_zones.gpkg)
SAMPLE_ZONES = ("ecology_zones", "air_zones", "water_zones", "soil_zones")


def add_arguments(p) -> None:
    from ..cli import add_encoding_argument, add_output_argument

    p.add_argument("--sample", action="store_true", help="use the bundled sample city's element zones and boundaries")
    p.add_argument("--method", choices=("overlay", "fitting"), default="overlay")
    p.add_argument("--zones", action="append", default=[], metavar="PATH[:LAYER]",
                   help="an element-zone layer (repeat for each); PATH:LAYER picks a layer inside a GeoPackage")
    p.add_argument("--admin", help="administrative boundary (counties; required for overlay)")
    p.add_argument("--admin-layer", help="layer name inside --admin")
    p.add_argument("--boundaries", help="boundaries to fit to (townships …; required for fitting)")
    p.add_argument("--boundaries-layer", help="layer name inside --boundaries")
    p.add_argument("--precedence", help="class precedence table (JSON)")
    p.add_argument("--min-area", type=float, default=10000.0, help="minimum unit area in m² (overlay)")
    p.add_argument("--min-width", type=float, default=0.0, help="minimum unit width in m (overlay; 0 = off)")
    p.add_argument("--dissolve", choices=("pieces", "defining_zone", "class"), default="defining_zone")
    p.add_argument("--rule", choices=("majority", "precedence_threshold"), default="majority", help="fitting rule")
    p.add_argument("--threshold", type=float, default=30.0, help="threshold share in %% (fitting by precedence)")
    p.add_argument("--province", default="")
    p.add_argument("--city", default="")
    add_encoding_argument(p)
    add_output_argument(p)


def _split(spec: str):
    """PATH[:LAYER], a Windows drive letter being no layer."""
    head, sep, tail = spec.rpartition(":")
    if sep and len(head) > 1 and "/" not in tail and "\\" not in tail:
        return head, tail
    return spec, None


def run(args) -> int:
    import sys

    from ..cli import finish_run, input_note_lines, layer_label, note_lines, read_layer
    from ..core.delineation import (
        AdminLayer,
        BoundaryLayer,
        Dissolve,
        FitParams,
        FitRule,
        OverlayParams,
        ZoneLayer,
        delineate_fitting,
        delineate_overlay,
    )
    from ..core.delineation_rules import PrecedenceTable
    from ..core.output_paths import check_outputs
    from ..paths import sample_city_dir

    zones = [_split(z) for z in args.zones]
    admin_path, admin_layer = args.admin, args.admin_layer
    bound_path, bound_layer = args.boundaries, args.boundaries_layer
    if args.sample:
        folder = sample_city_dir()
        zones = zones or [(str(folder / "element_zones.gpkg"), name) for name in SAMPLE_ZONES]
        admin_path, admin_layer = admin_path or str(folder / "admin.gpkg"), admin_layer or "admin_boundary"
        bound_path, bound_layer = bound_path or str(folder / "townships.gpkg"), bound_layer or "townships"
    if not zones:
        print("error: give --zones (one per element layer), or --sample", file=sys.stderr)
        return 2
    if args.method == "overlay" and not admin_path:
        print("error: the overlay needs --admin (the counties)", file=sys.stderr)
        return 2
    if args.method == "fitting" and not bound_path:
        print("error: fitting needs --boundaries (townships …)", file=sys.stderr)
        return 2
    inputs = [("--zones", p) for p, _l in zones] + ([("--admin", admin_path)] if admin_path else []) \
        + ([("--boundaries", bound_path)] if bound_path and args.method == "fitting" else [])
    check_outputs([("--out", args.out)], inputs, folders=("--out",))

    t0 = time.perf_counter()
    frames, zone_layers = [], []
    for path, layer in zones:
        frame = read_layer(path, layer, args.encoding)
        frames.append(frame)
        name = layer_label(frame, path)
        zone_layers.append(ZoneLayer(name, frame))
    precedence = PrecedenceTable.default()
    if args.precedence:
        with open(args.precedence, encoding="utf-8") as handle:
            precedence = PrecedenceTable.from_json(handle.read(), source=args.precedence)
    admin = None
    if admin_path:
        a = read_layer(admin_path, admin_layer, args.encoding)
        frames.append(a)
        admin = AdminLayer(layer_label(a, admin_path), a)  # fields detected by the core
    if args.method == "overlay":
        params = OverlayParams(precedence=precedence, min_area_m2=args.min_area, min_width_m=args.min_width,
                               dissolve=Dissolve(args.dissolve), province=args.province, city=args.city)
        result = delineate_overlay(zone_layers, admin, params)
    else:
        b = read_layer(bound_path, bound_layer, args.encoding)
        frames.append(b)
        boundaries = BoundaryLayer(layer_label(b, bound_path), b)
        params = FitParams(precedence=precedence, rule=FitRule(args.rule), threshold=args.threshold / 100.0,
                           province=args.province, city=args.city)
        result = delineate_fitting(zone_layers, boundaries, params, admin=admin)
    elapsed = time.perf_counter() - t0

    def write(staging):
        from ..core.units_io import write_vector

        write_vector(result.units, str(staging / "units.gpkg"), "units")
        write_vector(result.correspondence, str(staging / "units.gpkg"), "units_correspondence")
        result.correspondence.to_csv(staging / "correspondence.csv", index=False, encoding="utf-8-sig",
                                     float_format="%.10g")

    def text(out):
        lines = [f"JWJT unit delineation ({args.method})", f"Output folder: {out}", ""]
        lines += [m.text for m in result.summary_messages()]
        lines += input_note_lines(*frames) + note_lines(result.log)
        lines += ["", f"Computed in {elapsed:.2f} s ({sum(len(f) for f in frames)} input features)."]
        return lines

    return finish_run(args, NAME, write, text)

