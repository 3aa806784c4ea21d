"""Provincial delineation benchmark (issue 14): JWJT overlay delineation vs the manual QGIS chain.

Run from the repository root: ``python -m bench.delineation_provincial [--scale S]``. The case
(bench/delineation_synthetic.py, cached in bench/_data/<key>/): 5 element-zone layers of 20,000
polygons each and 120 counties over a ~70,000 km² province at scale 1.

Each tool runs in its own process, so its peak RSS (from ``wait4``) is its own, with a timeout:

* **jwjt**: read the 6 GeoPackages with geopandas/pyogrio (timed apart as ``jwjt_read_s``), then
  ``delineate_overlay`` with the default precedence table, ``min_area_m2`` and the default
  dissolve (``jwjt_s``).
* **qgis**: bench/run_qgis_delineation.py, the chain provincial teams run by hand: 5 x
  ``native:union``, a class per piece, ``native:dissolve`` + ``native:multiparttosingleparts``,
  ``qgis:eliminateselectedpolygons`` of the pieces below the same minimum area (``qgis_chain_s``).

Both results are then checked here with ``unit_qa.check_units(units, admin=<counties>)``. The
QGIS chain makes no codes; its child synthesises well-formed ones (ZH + county + class + serial),
so the QA findings of both tools are geometry findings (overlap, gap, invalid, below minimum
area). Output: one ``key=value`` per line, see bench/README.md.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import numpy as np

from .delineation_synthetic import DelineationCase, DelineationCaseParams, ensure_case

REPO = Path(__file__).resolve().parent.parent
OUT_ROOT = Path(__file__).resolve().parent / "_out"
CASE = "delineation_provincial"

#: A unit with more than this much of its area (m², and more than CROSS_SHARE of it) outside its
#: main county crosses a county boundary; below it is floating noise of the shared edges.
CROSS_M2 = 1.0
CROSS_SHARE = 1e-6


# --- the driver ---------------------------------------------------------------------------------

def fmt(v) -> str:
    if v is None:
        return "nan"
    if isinstance(v, str):
        return v
    if isinstance(v, (bool, np.bool_)):
        return str(bool(v)).lower()
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, float) and math.isnan(v):
        return "nan"
    return f"{float(v):.4g}"


def kv(key: str, value) -> None:
    print(f"{key}={fmt(value)}", flush=True)


def child_env() -> dict:
    env = dict(os.environ)
    env.setdefault("PROJ_DATA", "/usr/share/proj")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    return env


def run_child(cmd: List[str], log_path: Path, timeout: float) -> Tuple[Optional[int], float, float]:
    """(exit code, or None when killed at ``timeout``; wall seconds; peak RSS MB from wait4)."""
    t = time.perf_counter()
    with open(log_path, "w") as log:
        proc = subprocess.Popen(cmd, cwd=REPO, env=child_env(), stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
        code: Optional[int] = None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid == proc.pid:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.perf_counter() - t > timeout:
                # the child's own session: this ends the child and nothing else
                os.killpg(proc.pid, signal.SIGKILL)
                _, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.2)
    proc.returncode = code if code is not None else -9
    return code, time.perf_counter() - t, usage.ru_maxrss / 1024.0


def warm_up(paths: List[Path]) -> float:
    """Read every input once so both tools start with the same (hot) page cache."""
    t = time.perf_counter()
    for p in paths:
        with open(p, "rb") as f:
            while f.read(1 << 24):
                pass
    return time.perf_counter() - t


def tail(path: Path, n: int = 12) -> str:
    return "\n".join(path.read_text(errors="replace").strip().splitlines()[-n:])


def read_frame(path: Path, layer: Optional[str] = None):
    import geopandas as gpd

    return gpd.read_file(path, layer=layer, engine="pyogrio")


def qa(units, counties, min_area_m2: float, tool: str) -> Dict[str, object]:
    """check_units findings by kind, area error and county crossings of one tool's units."""
    import shapely

    from jwjt_plugin.core.fields import FieldMapping
    from jwjt_plugin.core.unit_qa import KINDS, check_units

    t = time.perf_counter()
    mapping = FieldMapping(code="HJZHGKDYBM", unit_class="ZHGKDYFL")
    result = check_units(units, mapping, admin=counties, min_area_m2=min_area_m2, layer=f"{tool} units",
                         admin_layer="counties")
    counts = result.counts()
    out: Dict[str, object] = {"qa_findings": len(result), "qa_errors": result.n_errors}
    out.update({f"qa_{k}": counts.get(k, 0) for k in KINDS})
    out["qa_s"] = time.perf_counter() - t

    ug = np.asarray(units.geometry.values, dtype=object)
    cg = np.asarray(counties.geometry.values, dtype=object)
    province = float(shapely.area(cg).sum())
    out["area_rel_error"] = abs(float(shapely.area(ug).sum()) - province) / province
    ui, ci = shapely.STRtree(cg).query(ug, predicate="intersects")
    inside = np.zeros(len(ug))
    if len(ui):
        np.maximum.at(inside, ui, shapely.area(shapely.intersection(ug[ui], cg[ci])))
    outside = shapely.area(ug) - inside
    out["cross_county_units"] = int(((outside > CROSS_M2) & (outside > CROSS_SHARE * shapely.area(ug))).sum())
    out["multipart_units"] = int((shapely.get_num_geometries(ug) > 1).sum())
    return out


def parse_args(argv=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog=f"python -m bench.{CASE}", description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0,
                    help="side x S, polygon and county counts x S² (0.1: 200 polygons per layer, 4 counties)")
    ap.add_argument("--min-area-km2", type=float, default=0.5,
                    help="pieces below this merge into a neighbour (both tools; default 0.5 km²)")
    ap.add_argument("--timeout", type=float, default=3600.0, help="seconds per tool before it is killed")
    ap.add_argument("--skip-qgis", action="store_true")
    ap.add_argument("--skip-jwjt", action="store_true")
    ap.add_argument("--skip-qa", action="store_true", help="leave out check_units (slow on huge QGIS outputs)")
    ap.add_argument("--skip-jwjt-class", action="store_true",
                    help="leave out the second JWJT run with dissolve=class (the QGIS chain's granularity)")
    ap.add_argument("--regen", action="store_true", help="rebuild the synthetic data even if cached")
    ap.add_argument("--child", choices=["jwjt"], help=argparse.SUPPRESS)
    ap.add_argument("--dissolve", default="", help=argparse.SUPPRESS)
    ap.add_argument("--case", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    return ap.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.child == "jwjt":
        return jwjt_child(Path(args.case), Path(args.out), args.min_area_km2 * 1e6, args.dissolve)
    os.environ.setdefault("PROJ_DATA", "/usr/share/proj")
    min_area = args.min_area_km2 * 1e6
    params = DelineationCaseParams.scaled(args.scale)
    case = ensure_case(params, regen=args.regen, log=lambda msg: print("# " + msg, flush=True))
    m = case.manifest
    kv("case", CASE)
    kv("data_key", params.key)
    kv("scale", args.scale)
    kv("n_zones", sum(m["n_polygons"].values()))
    kv("n_zones_per_layer", ",".join(f"{k}:{v}" for k, v in m["n_polygons"].items()))
    kv("n_counties", m["n_counties"])
    kv("n_vertices", m["n_vertices_total"])
    kv("province_km2", m["province_area_km2"])
    kv("min_area_m2", min_area)
    kv("data_cached", "no" if case.generated else "yes")
    kv("gen_s", m["seconds_total"])
    kv("warmup_s", warm_up(case.files))

    out = OUT_ROOT / params.key
    out.mkdir(parents=True, exist_ok=True)
    results: Dict[str, dict] = {}
    if not args.skip_jwjt:
        results["jwjt"] = run_jwjt(case, out, min_area, args.timeout)
        if not args.skip_jwjt_class:
            results["jwjt_class"] = run_jwjt(case, out, min_area, args.timeout, dissolve="class")
    if not args.skip_qgis:
        results["qgis"] = run_qgis(case, out, min_area, args.timeout)

    counties = read_frame(case.counties_path) if not args.skip_qa else None
    for tool, r in results.items():
        units_path = out / f"{tool}_units.gpkg"
        if r.get("ok") and not args.skip_qa and units_path.exists():
            r.update(qa(read_frame(units_path), counties, min_area, tool))

    j, q = results.get("jwjt", {}), results.get("qgis", {})
    for key, value in summary(j, q, results.get("jwjt_class", {})):
        kv(key, value)
    # a timeout is a result (printed as such); only a tool that fails makes the exit status 1
    return 0 if all(r.get("ok") or r.get("timeout") for r in results.values()) else 1


def summary(j: dict, q: dict, jc: dict) -> List[Tuple[str, object]]:
    """The final lines, in the order the issue lists them, then the detail."""
    from jwjt_plugin.core.unit_qa import KINDS

    def sec(r: dict, key: str):
        if not r:
            return None
        if r.get("timeout") and key not in r:
            return "timeout"
        if not r.get("ok") and key not in r:
            return "error"
        return r.get(key)

    rows: List[Tuple[str, object]] = [
        ("jwjt_s", sec(j, "seconds")), ("qgis_chain_s", sec(q, "seconds")), ("qgis_union_s", sec(q, "union_seconds"))]
    js, qs = j.get("seconds"), q.get("seconds")
    if isinstance(js, float) and isinstance(qs, float):
        rows.append(("speedup_vs_qgis_chain", qs / js))
    elif isinstance(js, float) and q.get("timeout"):
        rows.append(("speedup_vs_qgis_chain", f">{q['timeout_s'] / js:.4g}"))  # a lower bound
    else:
        rows.append(("speedup_vs_qgis_chain", None))
    rows += [("jwjt_peak_mb", j.get("peak_mb")), ("qgis_peak_mb", q.get("peak_mb")),
             ("jwjt_units", j.get("units")), ("qgis_units", q.get("units")),
             ("jwjt_qa_findings", j.get("qa_findings")), ("qgis_qa_findings", q.get("qa_findings")),
             ("area_rel_error_jwjt", j.get("area_rel_error")), ("area_rel_error_qgis", q.get("area_rel_error"))]
    for tool, r in (("jwjt", j), ("qgis", q)):
        if "qa_findings" in r:
            rows += [(f"{tool}_qa_{k}", r[f"qa_{k}"]) for k in KINDS]
            rows += [(f"{tool}_qa_errors", r["qa_errors"]), (f"{tool}_cross_county_units", r["cross_county_units"]),
                     (f"{tool}_multipart_units", r["multipart_units"]), (f"{tool}_qa_s", r["qa_s"])]
    if j:
        rows += [("jwjt_read_s", j.get("read_seconds")), ("jwjt_total_s", j.get("total_seconds")),
                 ("jwjt_merged", j.get("merged")), ("jwjt_log_warnings", j.get("log_warnings")),
                 ("jwjt_process_s", j.get("process_seconds"))]
    if jc:
        rows += [("jwjt_class_dissolve_s", sec(jc, "seconds")), ("jwjt_class_dissolve_units", jc.get("units")),
                 ("jwjt_class_dissolve_peak_mb", jc.get("peak_mb")),
                 ("jwjt_class_dissolve_qa_findings", jc.get("qa_findings")),
                 ("jwjt_class_dissolve_cross_county_units", jc.get("cross_county_units"))]
        jcs = jc.get("seconds")
        if isinstance(jcs, float) and isinstance(qs, float):
            rows.append(("speedup_vs_qgis_chain_class_dissolve", qs / jcs))
    if q:
        rows += [(f"qgis_step_{k}_s", v) for k, v in q.get("steps", {}).items()]
        rows += [("qgis_pieces_after_union", q.get("pieces_after_union")),
                 ("qgis_non_polygon_pieces", q.get("non_polygon_pieces")),
                 ("qgis_singleparts", q.get("singleparts")), ("qgis_selected_small", q.get("selected_small")),
                 ("qgis_init_s", q.get("init_seconds")), ("qgis_process_s", q.get("process_seconds")),
                 ("qgis_version", str(q.get("qgis_version", "")).split("-")[0] or None)]
    return rows


def run_jwjt(case: DelineationCase, out: Path, min_area: float, timeout: float, dissolve: str = "") -> dict:
    """One JWJT child; ``dissolve`` empty = OverlayParams' default, results as ``jwjt`` (else ``jwjt_<dissolve>``)."""
    tool = f"jwjt_{dissolve}" if dissolve else "jwjt"
    for name in (f"{tool}.json", f"{tool}_units.gpkg"):
        (out / name).unlink(missing_ok=True)
    cmd = [sys.executable, "-m", f"bench.{CASE}", "--child", "jwjt", "--case", str(case.folder), "--out", str(out),
           "--min-area-km2", repr(min_area / 1e6), "--dissolve", dissolve]
    code, wall, peak = run_child(cmd, out / f"{tool}.log", timeout)
    r: dict = {"peak_mb": peak, "process_seconds": wall}
    if code is None:
        r.update(ok=False, timeout=True, timeout_s=timeout)
    elif code != 0 or not (out / f"{tool}.json").exists():
        print(f"# {tool} failed (exit {code}); log {out / f'{tool}.log'}:\n" + tail(out / f"{tool}.log"),
              file=sys.stderr)
        r["ok"] = False
    else:
        r.update(json.loads((out / f"{tool}.json").read_text()), ok=True)
    return r


def run_qgis(case: DelineationCase, out: Path, min_area: float, timeout: float) -> dict:
    for name in ("qgis.json", "qgis.steps.json", "qgis_units.gpkg"):
        (out / name).unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "bench.run_qgis_delineation", "--case", str(case.folder), "--out", str(out),
           "--min-area-m2", repr(min_area)]
    code, wall, peak = run_child(cmd, out / "qgis.log", timeout)
    r: dict = {"peak_mb": peak, "process_seconds": wall}
    if code is None or code != 0 or not (out / "qgis.json").exists():
        if (out / "qgis.steps.json").exists():  # how far it got
            partial = json.loads((out / "qgis.steps.json").read_text())
            r["steps"] = partial.get("steps", {})
            r["init_seconds"] = partial.get("init_seconds")
            r["qgis_version"] = partial.get("qgis_version", "")
            if len([k for k in r["steps"] if k.startswith("union_")]) == len(case.manifest["zones"]):
                r["union_seconds"] = sum(v for k, v in r["steps"].items() if k.startswith("union_"))
        if code is None:
            r.update(ok=False, timeout=True, timeout_s=timeout)
        else:
            print(f"# qgis failed (exit {code}); log {out / 'qgis.log'}:\n" + tail(out / "qgis.log"), file=sys.stderr)
            r["ok"] = False
    else:
        r.update(json.loads((out / "qgis.json").read_text()), ok=True)
    return r


# --- the JWJT child -----------------------------------------------------------------------------

def jwjt_child(case_dir: Path, out: Path, min_area: float, dissolve: str = "") -> int:
    """Timed in its own process: read the layers, then ``delineate_overlay``; result to <tool>_units.gpkg."""
    import resource

    manifest = json.loads((case_dir / "manifest.json").read_text())
    t0 = time.perf_counter()
    zones_frames = {el: read_frame(case_dir / f, el) for el, f in manifest["zones"].items()}
    counties = read_frame(case_dir / manifest["counties"], "counties")
    read_s = time.perf_counter() - t0

    t = time.perf_counter()
    from jwjt_plugin.core.delineation import AdminLayer, Dissolve, OverlayParams, ZoneLayer, delineate_overlay
    import_s = time.perf_counter() - t

    zones = [ZoneLayer(name=el, frame=frame) for el, frame in zones_frames.items()]
    admin = AdminLayer(name="counties", frame=counties, code_field="XZQDM", name_field="XZQMC")
    params = OverlayParams(min_area_m2=min_area, **({"dissolve": Dissolve(dissolve)} if dissolve else {}))
    tool = f"jwjt_{dissolve}" if dissolve else "jwjt"
    t = time.perf_counter()
    result = delineate_overlay(zones, admin, params)
    seconds = time.perf_counter() - t

    t = time.perf_counter()
    units = result.units
    units.to_file(out / f"{tool}_units.gpkg", layer="units", driver="GPKG", engine="pyogrio")
    write_s = time.perf_counter() - t
    levels: Dict[str, int] = {}
    for msg in result.log:
        levels[msg.level] = levels.get(msg.level, 0) + 1
    info = {"tool": tool, "dissolve": params.dissolve.value, "seconds": seconds, "read_seconds": read_s, "total_seconds": read_s + seconds,
            "import_seconds": import_s, "write_seconds": write_s, "units": int(len(units)),
            "merged": int(result.merged), "log_warnings": levels.get("warning", 0), "log_levels": levels,
            "classes": {str(k): int(v) for k, v in units["ZHGKDYFL"].value_counts().sort_index().items()},
            "self_peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}
    (out / f"{tool}.json").write_text(json.dumps(info, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
