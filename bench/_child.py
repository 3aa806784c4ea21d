"""What every timed tool process shares: step timing and the result files it leaves.

Each tool runs in its own process (``python -m bench.run_<tool>``) so that its peak RSS
is its own; it writes ``<out>/<tool>.json`` (timings) and ``<out>/<tool>.npz`` (per-unit
sums keyed by UID), which the driver compares.
"""
from __future__ import annotations

import argparse
import json
import resource
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, List, Optional

import numpy as np


class Steps:
    """Named wall-clock steps; ``total`` is everything measured so far."""

    def __init__(self) -> None:
        self.seconds: Dict[str, float] = {}

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        t = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - t

    @property
    def total(self) -> float:
        return sum(self.seconds.values())


def arg_parser(description: str) -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--case", required=True, help="case folder (with manifest.json)")
    ap.add_argument("--out", required=True, help="folder for <tool>.json and <tool>.npz")
    ap.add_argument("--species", nargs="+", default=None, help="species to run (default: all)")
    return ap


def load_manifest(case: str) -> dict:
    return json.loads((Path(case) / "manifest.json").read_text())


def write_result(out: str, tool: str, steps: Steps, uids: np.ndarray, sums: Dict[str, np.ndarray],
                 extra: Optional[dict] = None) -> None:
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    arrays = {"uid": np.asarray(uids, dtype=np.int64)}
    arrays.update({f"sum_{sp}": np.asarray(v, dtype=np.float64) for sp, v in sums.items()})
    np.savez(folder / f"{tool}.npz", **arrays)
    info = {
        "tool": tool, "species": list(sums), "seconds": steps.total, "steps": steps.seconds,
        "self_peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, **(extra or {}),
    }
    (folder / f"{tool}.json").write_text(json.dumps(info, indent=1))


def species_arg(requested: Optional[List[str]], manifest: dict) -> List[str]:
    known = list(manifest["rasters"])
    chosen = requested or known
    unknown = [s for s in chosen if s not in known]
    if unknown:
        raise SystemExit(f"unknown species {unknown}; the case has {known}")
    return chosen
