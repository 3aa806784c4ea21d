"""``query``: site access query (环境准入一键查), as ``jwjt:accessquery`` runs it.

The site is a boundary file (``--boundary``: SHP, GeoJSON, KML, DXF …), else typed coordinates (``--xy``
in ``--coord-system`` CGCS2000, WGS84 or GCJ02), else one feature of ``--site``: the one ``--site-feature``
names (the CLI's selection), else the first by feature id. The project is ``--industry`` (a GB/T 4754-2017
code such as 2511, or a preset key) and ``--kind`` (new, reconstruct, expand, relocate). Outputs: ``report.html`` (the algorithm's HTML report, in English), ``units.csv``
(the units the site touches) and ``summary.txt``. The PDF report needs Qt and is not written here.
"""
from __future__ import annotations

import time

from ..core.industries import INDUSTRIES, INDUSTRY_KEYS, PROJECT_KINDS
from ..core.site_coordinates import COORDINATE_SYSTEM_KEYS

NAME = "query"
HELP = "site access query: may a project of an industry be sited here? (HTML report)"
DESCRIPTION = __doc__
ROLES = ("code", "name", "unit_class", "spatial", "emission", "risk", "resource")


def add_arguments(p) -> None:
    from ..cli import add_encoding_argument, add_field_arguments, add_output_argument
    from .plan_overlap import add_plan_arguments

    p.add_argument("--site", help="project site layer (point or polygon)")
    p.add_argument("--xy", metavar="COORDINATES",
                   help="site coordinates instead of --site: 'x, y' (lon, lat), or three or more pairs for a polygon")
    p.add_argument("--coord-system", default=COORDINATE_SYSTEM_KEYS[0],
                   help=f"coordinate system of --xy: {', '.join(COORDINATE_SYSTEM_KEYS)} or EPSG:nnnn "
                        f"(default {COORDINATE_SYSTEM_KEYS[0]}; GCJ02 is converted to WGS 84)")
    p.add_argument("--boundary", help="site boundary file instead of --site (SHP, GeoJSON, KML, DXF …)")
    p.add_argument("--boundary-crs", help="CRS of a boundary file that has none (a DXF), e.g. EPSG:4547")
    p.add_argument("--site-layer", help="layer name inside --site")
    p.add_argument("--site-feature", type=int, metavar="FID",
                   help="feature id of the site (default: the first feature by id)")
    p.add_argument("--industry", default=INDUSTRIES[0].key,
                   help=f"industry of the project: a GB/T 4754-2017 code (2511, 3110 …) or one of "
                        f"{', '.join(INDUSTRY_KEYS)} (default {INDUSTRIES[0].key})")
    p.add_argument("--kind", choices=[k.value for k in PROJECT_KINDS], default=PROJECT_KINDS[0].value,
                   help="kind of project (default new; a relocation counts as new construction at the site)")
    p.add_argument("--date", help="query date YYYY-MM-DD for the report and its number (default today)")
    p.add_argument("--serial", type=int, help="query serial 1–999 of the number JWJT-YYYYMMDD-NNN (default: "
                                              "derived from the query)")
    p.add_argument("--sample", action="store_true",
                   help="the bundled sample city's units and plans (--site is still required)")
    p.add_argument("--units", help="control-unit layer (GeoPackage, shapefile, …)")
    p.add_argument("--units-layer", help="layer name inside --units")
    add_plan_arguments(p)
    p.add_argument("--buffer", type=float, default=0.0, help="buffer around the site in m (default 0)")
    add_field_arguments(p, ROLES)
    add_encoding_argument(p)
    add_output_argument(p)


def pick_site(frame, path: str, fid):
    """(geometry, feature id, warnings) of the site feature, as the algorithm picks it."""
    from ..core.messages import QT_TRANSLATE_NOOP, JwjtInputError

    fids = frame["feature_id"].to_numpy()
    warnings = []
    if fid is not None:
        rows = [i for i, f in enumerate(fids) if int(f) == fid]
        if not rows:
            raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The site layer '{path}' has no feature {fid}."),
                                 path=path, fid=fid)
        row = rows[0]
    else:
        if not len(frame):
            raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The site layer has no feature with a geometry."))
        row = int(fids.argmin())
        if len(frame) > 1:
            warnings.append(f"The site layer has {len(frame)} features; the query uses feature {int(fids[row])}.")
    geom = frame.geometry.iloc[row]
    if geom is None or geom.is_empty:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The site layer has no feature with a geometry."))
    if frame.crs is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The site layer has no CRS; set it in Layer Properties "
                                                           "> Source."))
    return geom, int(fids[row]), warnings


def _given_site(args, read_layer, layer_label):
    """(geometry, CRS, label, notes, frames read) of the site: --boundary, else --xy, else --site."""
    from ..core.site_coordinates import read_boundary, typed_site

    if args.boundary:
        b = read_boundary(args.boundary, args.boundary_crs)
        return b.geometry, b.crs_wkt, f"boundary file {b.description}", [], []
    if args.xy:
        t = typed_site(args.xy, args.coord_system)
        return t.geometry, t.crs, f"coordinates {t.description}", [], []
    frame = read_layer(args.site, args.site_layer, args.encoding)
    name = layer_label(frame, args.site)
    geom, fid, notes = pick_site(frame, args.site, args.site_feature)
    return geom, frame.crs, f"feature {fid} of layer '{name}'", notes, [frame]


def units_table(result):
    import pandas as pd

    return pd.DataFrame({"UNIT_CODE": [u.code for u in result.units], "UNIT_NAME": [u.name for u in result.units],
                         "UNIT_CLS": [u.unit_class or 0 for u in result.units],
                         "CLASS_ZH": [u.class_zh for u in result.units],
                         "OVERLAP_M2": [u.overlap_m2 for u in result.units],
                         "SITE_SHARE": [u.site_share for u in result.units]})


def run(args) -> int:
    import datetime
    import sys

    from ..cli import field_overrides, finish_run, input_note_lines, layer_label, note_lines, read_layer
    from ..core.access_query import query_site
    from ..core.output_paths import check_outputs
    from ..core.pipeline import resolve_mapping
    from ..core.query_report import query_number, render_html
    from ..paths import sample_city_dir
    from .plan_overlap import plan_inputs

    folder = sample_city_dir() if args.sample else None
    if not (args.site or args.xy or args.boundary):
        print("error: give the site: --site, --xy or --boundary", file=sys.stderr)
        return 2
    if folder is not None:
        units_path, units_layer = str(folder / "units.gpkg"), "control_units"
    elif not args.units:
        print("error: give --units, or --sample", file=sys.stderr)
        return 2
    else:
        units_path, units_layer = args.units, args.units_layer
    try:
        day = datetime.date.fromisoformat(args.date) if args.date else datetime.date.today()
    except ValueError:
        print(f"error: --date '{args.date}' is not a date of the form YYYY-MM-DD", file=sys.stderr)
        return 2
    given = plan_inputs(args, folder)
    inputs = [(opt, path) for opt, path in (("--site", args.site), ("--boundary", args.boundary)) if path]
    inputs += [("--units", units_path)] + [(opt, path) for opt, _k, path, _l in given]
    check_outputs([("--out", args.out)], inputs, folders=("--out",))

    t0 = time.perf_counter()
    site_geom, site_crs, site_label, site_notes, frames = _given_site(args, read_layer, layer_label)
    units = read_layer(units_path, units_layer, args.encoding)
    units_name = layer_label(units, units_path) or "units"
    mapping = resolve_mapping(units, field_overrides(args, ROLES))
    plans = {}
    frames.append(units)
    for opt, kind, path, layer in given:
        plan_frame = read_layer(path, layer, args.encoding)
        frames.append(plan_frame)
        plans[kind] = (plan_frame, getattr(args, f"{opt[2:]}_code", None) or None,
                       layer_label(plan_frame, path) or kind)
    result = query_site(site_geom, site_crs, args.industry, units, mapping, plans, args.buffer, units_name, args.kind)
    elapsed = time.perf_counter() - t0
    number = query_number(result, day, args.serial)
    html = render_html(result, site_label=site_label, query_date=day, serial=args.serial)

    def write(staging):
        with open(staging / "report.html", "w", encoding="utf-8", newline="\n") as fh:
            fh.write(html)
        units_table(result).to_csv(staging / "units.csv", index=False, encoding="utf-8-sig", float_format="%.10g")

    def text(out):
        lines = [f"JWJT access query {number} of {day:%Y-%m-%d} — {site_label}", f"Output folder: {out}", "",
                 f"Fields: code = {mapping.code or '—'}, name = {mapping.name or '—'}, "
                 f"class = {mapping.unit_class or '—'}",
                 result.summary(), result.reasons_text()]
        lines += input_note_lines(*frames) + note_lines([_Note(t) for t in site_notes] + list(result.log))
        lines += ["", f"Computed in {elapsed:.2f} s ({len(result.units)} units touched)."]
        return lines

    return finish_run(args, NAME, write, text)


class _Note:
    """A message of the algorithm itself (not of the core), shown among the notes."""

    def __init__(self, text: str):
        self.text = text
