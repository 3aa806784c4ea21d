"""National-scale overlay benchmark: JWJT against exactextract and QGIS zonal statistics.

Run from the repository root: ``python -m bench.overlay_national [--scale S]``. Prints one
``key=value`` line per tool and per comparison, ending with::

    overlay_national speedup_vs_exactextract=R1 speedup_vs_qgis=R2 max_rel_diff=D peak_rss_gb=M \
        workers_speedup_2_vs_1_weights=W1 workers_speedup_2_vs_1_sums=W2 reflag_max_seconds_k_le_10=F \
        two_processes_speedup_weights=P1 two_processes_speedup_sums=P2

P1 and P2 are not targets: they are what two 1-thread processes side by side reach on the
same machine (``side_by_side``), the ceiling W1 and W2 are measured against.

The JWJT run is the block-wise child (``bench.run_jwjt_blocks``: rasters read in strips,
weights and sums on every core); ``--jwjt-in-memory`` adds the old child that reads the
rasters whole (``bench.run_jwjt``), for reference.

See bench/README.md for what each figure means.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import numpy as np

from .synthetic import Case, CaseParams, ensure_case

REPO = Path(__file__).resolve().parent.parent
OUT_ROOT = Path(__file__).resolve().parent / "_out"

#: Targets from issue 15, checked with --check.
TARGET_SPEEDUP_EE = 3.0
TARGET_SPEEDUP_QGIS = 1.0
TARGET_REL_DIFF = 1e-6
TARGET_RSS_GB = 3.0
TARGET_WORKERS_SPEEDUP = 1.7
TARGET_REFLAG_SECONDS = 0.1

#: Relative differences are taken against max(|ref|, REL_FLOOR x the species' largest |ref|),
#: so a unit whose reference sum is (near) zero does not turn float noise into a huge ratio.
REL_FLOOR = 1e-12


@dataclass
class ToolRun:
    tool: str
    info: dict             # the tool's <tool>.json
    sums: Dict[str, np.ndarray]
    uids: np.ndarray
    process_seconds: float
    peak_rss_gb: float     # of the tool's process, from wait4
    #: The steps of every run best_of made (this one's alone for a single run).
    all_steps: List[dict] = field(default_factory=list)

    def fastest(self, step: str) -> float:
        """The fastest time of ``step`` over all the runs."""
        return min(float(s[step]) for s in (self.all_steps or [self.info["steps"]]))

    @property
    def seconds(self) -> float:
        return float(self.info["seconds"])


def fmt(v: Optional[float], digits: int = 4) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "nan"
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    return f"{v:.{digits}g}"


def line(head: str, **kv) -> None:
    print(head + "".join(f" {k}={v if isinstance(v, str) else fmt(v)}" for k, v in kv.items()), flush=True)


def warm_up(paths: List[Path]) -> float:
    """Read every input once so each tool starts with the same (hot) page cache."""
    t = time.perf_counter()
    for p in paths:
        with open(p, "rb") as f:
            while f.read(1 << 24):
                pass
    return time.perf_counter() - t


def child_env() -> dict:
    env = dict(os.environ)
    env.setdefault("PROJ_DATA", "/usr/share/proj")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    return env


@dataclass
class Started:
    """A tool's process on its way (``start_tool``), to be collected by ``finish_tool``."""
    tool: str
    out: Path
    log_path: Path
    proc: subprocess.Popen
    t0: float


def start_tool(tool: str, case: Case, out: Path, extra: List[str]) -> Started:
    """Start ``bench.run_<tool>`` in its own process, writing into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    for suffix in (".json", ".npz"):
        (out / f"{tool}{suffix}").unlink(missing_ok=True)
    log_path = out / f"{tool}.log"
    cmd = [sys.executable, "-m", f"bench.run_{tool}", "--case", str(case.folder), "--out", str(out), *extra]
    t = time.perf_counter()
    with open(log_path, "w") as log:
        proc = subprocess.Popen(cmd, cwd=REPO, env=child_env(), stdout=log, stderr=subprocess.STDOUT)
    return Started(tool, out, log_path, proc, t)


def run_tool(tool: str, case: Case, out: Path, extra: List[str]) -> ToolRun:
    """Run ``bench.run_<tool>`` in its own process; its peak RSS comes from wait4."""
    return finish_tool(start_tool(tool, case, out, extra))


def finish_tool(started: Started) -> ToolRun:
    """Wait for a started tool and read what it left."""
    tool, out, log_path, proc = started.tool, started.out, started.log_path, started.proc
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started.t0
    if proc.returncode != 0 or not (out / f"{tool}.json").exists():
        tail = log_path.read_text(errors="replace").strip().splitlines()[-15:]
        raise RuntimeError(f"{tool} failed (exit {proc.returncode}); log {log_path}:\n" + "\n".join(tail))
    import json

    info = json.loads((out / f"{tool}.json").read_text())
    data = np.load(out / f"{tool}.npz")
    sums = {sp: data[f"sum_{sp}"] for sp in info["species"]}
    return ToolRun(tool, info, sums, data["uid"], wall, usage.ru_maxrss / 1024.0 ** 2)


def best_of(repeat: int, tool: str, case: Case, out: Path, extra: List[str]) -> ToolRun:
    """Fastest of ``repeat`` runs (the usual way to damp scheduler noise); RSS is the largest seen."""
    runs = [run_tool(tool, case, out, extra) for _ in range(max(1, repeat))]
    best = min(runs, key=lambda r: r.seconds)
    best.peak_rss_gb = max(r.peak_rss_gb for r in runs)
    best.all_steps = [r.info.get("steps", {}) for r in runs]
    return best


def rel_diff(test: np.ndarray, ref: np.ndarray) -> np.ndarray:
    """Per-unit |test - ref| / max(|ref|, floor); a NaN on either side counts as infinite."""
    scale = float(np.nanmax(np.abs(ref))) if np.isfinite(ref).any() else 0.0
    denom = np.maximum(np.abs(ref), max(REL_FLOOR * scale, np.finfo(float).tiny))
    d = np.abs(test - ref) / denom
    both_zero = (test == 0) & (ref == 0)
    d[both_zero] = 0.0
    d[~np.isfinite(test) | ~np.isfinite(ref)] = np.inf
    return d


def compare(test: ToolRun, ref: ToolRun, species: List[str]) -> dict:
    """Worst and typical per-unit relative difference of ``test`` against ``ref``."""
    if not np.array_equal(test.uids, ref.uids):
        common, it, ir = np.intersect1d(test.uids, ref.uids, return_indices=True)
        if len(common) < max(len(test.uids), len(ref.uids)):
            raise RuntimeError(f"{test.tool} and {ref.tool} returned different unit sets")
    else:
        it = ir = slice(None)
    uids = ref.uids[ir]
    worst = {"max_rel_diff": 0.0, "species": "", "uid": -1}
    medians, over, nan_units, total_rel = [], 0, 0, []
    for sp in species:
        a, b = test.sums[sp][it], ref.sums[sp][ir]
        d = rel_diff(a, b)
        nan_units += int((~np.isfinite(a)).sum())
        over += int((d > TARGET_REL_DIFF).sum())
        medians.append(float(np.median(d[np.isfinite(d)])) if np.isfinite(d).any() else math.nan)
        total_rel.append(abs(np.nansum(a) - np.nansum(b)) / max(abs(np.nansum(b)), 1e-300))
        k = int(np.argmax(d))
        if d[k] > worst["max_rel_diff"] or not worst["species"]:
            worst = {"max_rel_diff": float(d[k]), "species": sp, "uid": int(uids[k])}
    return {**worst, "median_rel_diff": max(medians), "units_over_tol": over,
            "null_units": nan_units, "total_rel_diff": max(total_rel)}


def jwjt_one_species_seconds(run: ToolRun, species: str) -> float:
    """What a one-species run costs: read units + (one raster +) weights + one species' sums."""
    if "seconds_1species" in run.info:  # block-wise child: its own one-species pass
        if run.info.get("species_1") != species:
            return math.nan
        return float(run.info["seconds_1species"])
    s = run.info["steps"]
    return s["read_units"] + s[f"read_{species}"] + s["weights"] + s[f"sums_{species}"]


def reflag_run(case: Case, head: str = "reflag_national", extra: Optional[List[str]] = None,
               mem_limit_gb: Optional[float] = None, log_path: Optional[Path] = None) -> Tuple[str, float]:
    """Re-flag timing (``bench.run_reflag``): the synergy analysis built once from block-wise
    sources, then new k (1, 3, 5, 10 %) and rules from the cached overlay.

    ``mem_limit_gb`` caps the child's address space (RLIMIT_AS), so that a run that does not
    keep its memory bounded fails with a MemoryError instead of pushing the machine to swap
    or to the OOM killer. Returns the line to print and the slowest re-flag (NaN when the
    child failed)."""
    def limit() -> None:
        import resource

        cap = int(mem_limit_gb * 2**30)  # type: ignore[operator]
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    proc = subprocess.run([sys.executable, "-m", "bench.run_reflag", str(case.folder), *(extra or [])],
                          capture_output=True, text=True, cwd=REPO, env=child_env(),
                          preexec_fn=limit if mem_limit_gb else None)
    if log_path is not None:
        log_path.write_text(proc.stdout + proc.stderr)
    if proc.returncode != 0:
        return head + " error=" + (proc.stderr.strip().splitlines() or ["?"])[-1].replace(" ", "_"), math.nan
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    worst = max(data["reflag"].values())
    parts = " ".join(f"{k}={v:.4g}" for k, v in data["reflag"].items())
    return (f"{head} mode={data['mode']} workers={data['workers']} reflag_max_seconds_k_le_10={worst:.4g} {parts} "
            f"slowest_call={data.get('slowest_call', math.nan):.4g} "
            f"build_seconds={data['build_seconds']:.4g} peak_rss_gb={data['peak_rss_gb']:.3g}"), worst


def reflag_line(case: Case, args: argparse.Namespace) -> Tuple[Optional[str], float]:
    if args.skip_jwjt or args.skip_reflag:
        return None, math.nan
    return reflag_run(case, log_path=OUT_ROOT / case.params.key / "reflag.log")


def workers_lines(case: Case, out: Path, main_run: Optional[ToolRun],
                  args: argparse.Namespace) -> Tuple[float, float, float, float]:
    """The block-wise child on 1 and on 2 threads: speed-up of the weights and of the sums,
    then the same for two 1-thread processes side by side (:func:`side_by_side`).

    The main run is reused as the 2-thread run when it had 2 workers (all cores on a 2-core
    machine)."""
    if args.skip_jwjt or args.skip_workers:
        return math.nan, math.nan, math.nan, math.nan
    w1 = best_of(args.repeat, "jwjt_blocks", case, out, ["--workers", "1", "--no-1species"])
    if main_run is not None and int(main_run.info.get("workers", 0)) == 2:
        w2 = main_run
    else:
        w2 = best_of(args.repeat, "jwjt_blocks", case, out, ["--workers", "2", "--no-1species"])
    # Each step's fastest over the --repeat runs: a step's time is its own measurement, and
    # the run that was fastest in total can hold a slow step (the sums vary most, with the
    # page cache).
    for n, r in ((1, w1), (2, w2)):
        line(f"jwjt_workers{n}", workers=int(r.info["workers"]), seconds=r.seconds, weights=r.fastest("weights"),
             sums=r.fastest("sums"), runs=len(r.all_steps) or 1, peak_rss_gb=r.peak_rss_gb)
    sw = w1.fastest("weights") / w2.fastest("weights")
    ss = w1.fastest("sums") / w2.fastest("sums")
    cw, cs = side_by_side(case, out, w1, args.repeat)
    line("jwjt_workers", workers_speedup_2_vs_1_weights=sw, workers_speedup_2_vs_1_sums=ss,
         workers_speedup_2_vs_1_total=w1.seconds / w2.seconds, cores=os.cpu_count() or 1,
         two_processes_speedup_weights=cw, two_processes_speedup_sums=cs)
    return sw, ss, cw, cs


def side_by_side(case: Case, out: Path, w1: ToolRun, repeat: int) -> Tuple[float, float]:
    """What the machine itself allows 2 workers: two 1-thread children at once, their
    weights started at the same instant, then their sums. They share no GIL, no allocator
    and no data, only the cores, caches and memory. The speed-up two workers would have if
    their threads cost no more than these processes is 2 x (1 alone) / (1 beside another):
    1.7 x on the weights is only reachable where this is higher.

    Each step's time is the mean of the two children's, the fastest over ``repeat`` pairs;
    a pair in which a child reached a start time late (it was still reading) is skipped."""
    lead = 2.0 * (w1.fastest("read_units") + w1.fastest("open_rasters")) + 3.0
    gap = 2.0 * w1.fastest("weights") + 1.0
    best = {"weights": math.inf, "sums": math.inf}
    late = 0
    for _ in range(max(1, repeat)):
        t = time.time() + lead
        extra = ["--workers", "1", "--no-1species", "--weights-at", f"{t:.3f}", "--sums-at", f"{t + gap:.3f}"]
        pair = [finish_tool(s) for s in [start_tool("jwjt_blocks", case, out / f"side_by_side_{k}", extra)
                                          for k in "ab"]]
        if any(r.info.get("late_weights", 0) > 0 or r.info.get("late_sums", 0) > 0 for r in pair):
            late += 1
            continue
        for step in best:
            best[step] = min(best[step], sum(float(r.info["steps"][step]) for r in pair) / 2)
    line("jwjt_side_by_side", processes=2, workers=1, weights=best["weights"], sums=best["sums"],
         weights_alone=w1.fastest("weights"), sums_alone=w1.fastest("sums"), pairs=max(1, repeat),
         late_pairs=late)
    weights, sums = (2 * w1.fastest(step) / best[step] if math.isfinite(best[step]) else math.nan
                     for step in ("weights", "sums"))
    return weights, sums


def parse_args(argv=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m bench.overlay_national", description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0,
                    help="shrink the case: grid side x S, units x S^2 (0.1 -> 500x500 cells, 400 units)")
    ap.add_argument("--skip-qgis", action="store_true")
    ap.add_argument("--skip-exactextract", action="store_true")
    ap.add_argument("--skip-jwjt", action="store_true", help="only the reference tools (timing them alone)")
    ap.add_argument("--jwjt-in-memory", action="store_true",
                    help="also run the old in-memory JWJT child (rasters read whole), for reference")
    ap.add_argument("--workers", type=int, default=0, help="threads of the main JWJT run (0: all cores)")
    ap.add_argument("--skip-workers", action="store_true", help="leave out the 1- and 2-thread JWJT runs")
    ap.add_argument("--skip-reflag", action="store_true", help="leave out the re-flag timing")
    ap.add_argument("--regen", action="store_true", help="rebuild the synthetic data even if cached")
    ap.add_argument("--compress", choices=["NONE", "DEFLATE"], default="NONE",
                    help="GeoTIFF compression of the generated rasters (a separate cached case)")
    ap.add_argument("--ee-strategy", choices=["feature-sequential", "raster-sequential"],
                    default="raster-sequential",
                    help="exactextract strategy; raster-sequential is its faster one on this case")
    ap.add_argument("--repeat", type=int, default=1, help="run each tool N times and keep the fastest")
    ap.add_argument("--qgis-species", default="CO2")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    return ap.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    params = CaseParams.scaled(args.scale, compress=args.compress)
    case = ensure_case(params, regen=args.regen, log=lambda msg: print(msg, flush=True))
    m = case.manifest
    line("data", key=case.params.key, cells=f"{params.side}x{params.side}", units=m["n_units"],
         avg_vertices=round(m["avg_vertices"]), total_vertices=m["total_vertices"],
         made_valid=m["n_made_valid"], gen_seconds=m["seconds_total"], cached="no" if case.generated else "yes")
    line("warmup", seconds=warm_up(case.files),
         mb=sum(p.stat().st_size for p in case.files) / 1e6)

    out = OUT_ROOT / case.params.key
    out.mkdir(parents=True, exist_ok=True)
    species = list(m["rasters"])
    runs: Dict[str, ToolRun] = {}

    if not args.skip_jwjt:
        r = runs["jwjt"] = best_of(args.repeat, "jwjt_blocks", case, out,
                                   ["--workers", str(args.workers), "--species", args.qgis_species,
                                    *[s for s in species if s != args.qgis_species]])
        steps = r.info["steps"]
        line("jwjt", engine=r.info["engine"].replace(" ", "_"), workers=int(r.info["workers"]),
             species=len(species), seconds=r.seconds, read_units=steps["read_units"],
             open_rasters=steps["open_rasters"], weights=steps["weights"], sums=steps["sums"],
             seconds_1species=jwjt_one_species_seconds(r, args.qgis_species),
             weights_mb=r.info["weights_mb"], process_seconds=r.process_seconds, peak_rss_gb=r.peak_rss_gb)
    if not args.skip_jwjt and args.jwjt_in_memory:
        r = runs["jwjt_in_memory"] = best_of(args.repeat, "jwjt", case, out, [])
        steps = r.info["steps"]
        line("jwjt_in_memory", engine=r.info["engine"], species=len(species), seconds=r.seconds,
             read_units=steps["read_units"], read_rasters=sum(steps[f"read_{s}"] for s in species),
             weights=steps["weights"], unit_sums=sum(steps[f"sums_{s}"] for s in species),
             seconds_1species=jwjt_one_species_seconds(r, args.qgis_species),
             process_seconds=r.process_seconds, peak_rss_gb=r.peak_rss_gb)
    if not args.skip_exactextract:
        r = runs["exactextract"] = best_of(args.repeat, "exactextract", case, out,
                                           ["--strategy", args.ee_strategy])
        line("exactextract", version=r.info["version"], strategy=r.info["strategy"], species=len(species),
             seconds=r.seconds, process_seconds=r.process_seconds, peak_rss_gb=r.peak_rss_gb)
    if not args.skip_qgis:
        r = runs["qgis"] = best_of(args.repeat, "qgis", case, out, ["--species", args.qgis_species])
        ref = runs.get("exactextract") or runs.get("jwjt")
        diff = compare(r, ref, [args.qgis_species]) if ref else {}
        line("qgis", version=r.info["qgis_version"].split("-")[0], algorithm="native:zonalstatisticsfb",
             species=args.qgis_species, seconds=r.seconds, init_seconds=r.info["init_seconds"],
             process_seconds=r.process_seconds, peak_rss_gb=r.peak_rss_gb,
             **({f"max_rel_diff_vs_{ref.tool}": diff["max_rel_diff"],
                 f"median_rel_diff_vs_{ref.tool}": diff["median_rel_diff"],
                 "total_rel_diff": diff["total_rel_diff"], "null_units": diff["null_units"]} if ref else {}))

    speedup_ee = speedup_qgis = max_rel = rss = math.nan
    if "jwjt" in runs:
        rss = runs["jwjt"].peak_rss_gb
    if "jwjt" in runs and "exactextract" in runs:
        d = compare(runs["jwjt"], runs["exactextract"], species)
        max_rel = d["max_rel_diff"]
        speedup_ee = runs["exactextract"].seconds / runs["jwjt"].seconds
        line("jwjt_vs_exactextract", species=len(species), max_rel_diff=max_rel,
             worst_species=d["species"], worst_uid=d["uid"], median_rel_diff=d["median_rel_diff"],
             units_over_tol=d["units_over_tol"], total_rel_diff=d["total_rel_diff"],
             speedup=speedup_ee)
    if "jwjt_in_memory" in runs and "exactextract" in runs:
        d = compare(runs["jwjt_in_memory"], runs["exactextract"], species)
        line("jwjt_in_memory_vs_exactextract", species=len(species), max_rel_diff=d["max_rel_diff"],
             speedup=runs["exactextract"].seconds / runs["jwjt_in_memory"].seconds)
    if "jwjt" in runs and "qgis" in runs:
        t1 = jwjt_one_species_seconds(runs["jwjt"], args.qgis_species)
        speedup_qgis = runs["qgis"].seconds / t1
        line("jwjt_vs_qgis", species=args.qgis_species, jwjt_seconds=t1,
             qgis_seconds=runs["qgis"].seconds, speedup=speedup_qgis)

    w_weights, w_sums, p_weights, p_sums = workers_lines(case, out, runs.get("jwjt"), args)

    reflag, reflag_max = reflag_line(case, args)
    if reflag:
        print(reflag, flush=True)

    line("overlay_national", speedup_vs_exactextract=speedup_ee, speedup_vs_qgis=speedup_qgis,
         max_rel_diff=max_rel, peak_rss_gb=rss, workers_speedup_2_vs_1_weights=w_weights,
         workers_speedup_2_vs_1_sums=w_sums, reflag_max_seconds_k_le_10=reflag_max,
         two_processes_speedup_weights=p_weights, two_processes_speedup_sums=p_sums)

    if args.check:
        missed = [name for name, ok in (
            ("speedup_vs_exactextract", speedup_ee >= TARGET_SPEEDUP_EE),
            ("speedup_vs_qgis", speedup_qgis > TARGET_SPEEDUP_QGIS),
            ("max_rel_diff", max_rel <= TARGET_REL_DIFF),
            ("peak_rss_gb", rss < TARGET_RSS_GB),
            ("workers_speedup_2_vs_1_weights", w_weights >= TARGET_WORKERS_SPEEDUP),
            ("workers_speedup_2_vs_1_sums", w_sums >= TARGET_WORKERS_SPEEDUP),
            ("reflag_max_seconds_k_le_10", reflag_max < TARGET_REFLAG_SECONDS)) if not ok]
        if missed:
            print("targets missed: " + ", ".join(missed), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
