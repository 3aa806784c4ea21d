"""Changes between two scenarios, pollution–carbon co-control of parks, and the grid cross-check.

* :func:`changes`: per park and quantity (each source category, totals, value added, pollutants)
  the base and target values, the change and the rate of change ``(T − B) / B``.
* :func:`cocontrol`: the synergy metrics of :func:`.assessment_methods.synergy_metrics` with the
  parks as the entities (elasticity, synergy quadrant, coupling coordination, synergy index),
  CO2 against the pollutants the activity data give, plus whether a park holds control units
  that the synergy analysis flagged (``hotspot_units``). Normalised rates are min–max over the
  parks assessed together, as for units.
* :func:`cross_check`: each park's accounted emissions against the emission grid summed inside
  its polygon (exact area weights of core/overlay.py). The polygons are brought to the grid's
  CRS; the grid is never resampled (it would not conserve mass). CO2 is compared as the
  *direct* emissions: a grid maps where CO2 leaves a stack, and purchased electricity and heat
  are emitted at the power plant, usually outside the park.
"""
from __future__ import annotations

import math
from enum import Enum
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

import numpy as np
import pandas as pd
import shapely

from .assessment_methods import NOTE_MISSING, SynergySettings, Text, synergy_metrics
from .assessment_options import CouplingForm
from .grid import EmissionGrid, GridSpec
from .messages import QT_TRANSLATE_NOOP, MessageLog
from .park_activity import pollutant_column
from .species import canonical_species

#: Quantities compared by :func:`changes`, in output order (columns of the parks frame).
CHANGE_QUANTITIES = ("combustion_t", "process_t", "electricity_t", "heat_t", "direct_t", "indirect_t", "total_t",
                     "value_added", "output_value", "intensity_va", "intensity_land", "NOx_t", "SO2_t", "VOCs_t",
                     "PM25_t")

CARBON = "CO2"


class CarbonBasis(str, Enum):
    """Which CO2 of a park the co-control compares with its pollutants."""
    DIRECT = "direct"   # combustion + process: emitted in the park
    TOTAL = "total"     # direct + purchased electricity and heat: the park's responsibility


class CheckStatus(str, Enum):
    OK = "ok"
    DIFFERS = "differs"
    NO_GRID = "no_grid"
    NO_DATA = "no_data"     # the activity data give no amount of that species for the park


def _ordered_parks(parks: pd.DataFrame) -> List[Tuple[str, str]]:
    seen: Dict[str, str] = {}
    for pid, name in zip(parks["park_id"].astype(str), parks["park_name"].astype(str)):
        seen.setdefault(pid, name)
    return list(seen.items())


def _column_at(parks: pd.DataFrame, scenario: str, column: str, ids: Sequence[str]) -> np.ndarray:
    """Values of ``column`` in ``scenario`` for the parks ``ids`` (NaN where a park has no row)."""
    if column not in parks.columns:
        return np.full(len(ids), np.nan)
    rows = parks[parks["scenario"].astype(str) == str(scenario)]
    by_id = dict(zip(rows["park_id"].astype(str), pd.to_numeric(rows[column], errors="coerce")))
    return np.array([by_id.get(pid, np.nan) for pid in ids], dtype=np.float64)


def changes(parks: pd.DataFrame, base: str, target: str) -> pd.DataFrame:
    """One row per park and quantity present in either scenario (module docstring)."""
    base, target = str(base), str(target)
    order = _ordered_parks(parks)
    ids = [pid for pid, _ in order]
    rows: List[dict] = []
    columns = [q for q in CHANGE_QUANTITIES if q in parks.columns]
    values = {q: (_column_at(parks, base, q, ids), _column_at(parks, target, q, ids)) for q in columns}
    for i, (pid, name) in enumerate(order):
        for q in columns:
            b, t = float(values[q][0][i]), float(values[q][1][i])
            if math.isnan(b) and math.isnan(t):
                continue  # not given in either scenario (a pollutant the ledgers do not report)
            change = t - b
            rate = change / b if math.isfinite(change) and b > 0 else math.nan
            rows.append({"park_id": pid, "park_name": name, "base": base, "target": target, "quantity": q,
                         "base_value": b, "target_value": t, "change": change, "rate": rate})
    return pd.DataFrame(rows, columns=["park_id", "park_name", "base", "target", "quantity", "base_value",
                                       "target_value", "change", "rate"])


NOTE_NO_DATA = QT_TRANSLATE_NOOP("JwjtCore", "No {species} data for the park in scenario {period}.")


def _reword_missing(frame: pd.DataFrame) -> pd.DataFrame:
    """synergy_metrics says "No NOx grid for 2020" where a value is missing; for parks the
    missing thing is the activity data, so say that."""
    for col in [c for c in frame.columns if c.endswith("_NOTE")]:
        frame[col] = [Text(NOTE_NO_DATA, **v.params) if getattr(v, "template", None) == NOTE_MISSING else v
                      for v in frame[col]]
    return frame


def cocontrol(parks: pd.DataFrame, base: str, target: str, pollutants: Iterable[str],
              flagged_units: Iterable[str], park_units: Mapping[str, Sequence[str]],
              log: Optional[MessageLog] = None, carbon_basis: CarbonBasis = CarbonBasis.TOTAL,
              coupling_form: CouplingForm = CouplingForm.NORMATIVE) -> pd.DataFrame:
    """Co-control of CO2 and pollutants between ``base`` and ``target``, one row per park.

    CO2 is ``total_t`` by default (``carbon_basis``): the park guidelines count the emissions
    of purchased electricity and heat within the park's responsibility, and a park that swaps a
    coal boiler for purchased power has not cut its CO2 the way its direct emissions suggest.
    ``DIRECT`` compares only what is emitted in the park (as the pollutants are).

    Pollutants are read from the NOx_t / VOCs_t / PM25_t (SO2_t) columns; one that no park gives
    in either scenario is left out with a note in ``log``. ``hotspot_units`` lists the park's
    control units (``park_units[park_id]``) that are among ``flagged_units``.
    """
    log = log if log is not None else MessageLog()
    base, target = str(base), str(target)
    basis = CarbonBasis(carbon_basis)
    order = _ordered_parks(parks)
    ids = [pid for pid, _ in order]
    carbon_col = "total_t" if basis is CarbonBasis.TOTAL else "direct_t"
    base_v: Dict[str, Optional[np.ndarray]] = {CARBON: _column_at(parks, base, carbon_col, ids)}
    target_v: Dict[str, Optional[np.ndarray]] = {CARBON: _column_at(parks, target, carbon_col, ids)}
    present: List[str] = []
    for sp in pollutants:
        name = canonical_species(sp) or str(sp).strip()
        col = pollutant_column(name)
        b, t = _column_at(parks, base, col, ids), _column_at(parks, target, col, ids)
        if not (np.isfinite(b).any() or np.isfinite(t).any()):
            log.add(QT_TRANSLATE_NOOP(
                "JwjtCore", "Co-control: no park has {species} in scenario {base} or {target}; {species} is left out."),
                level="info", species=name, base=base, target=target)
            continue
        if name not in present:
            present.append(name)
            base_v[name], target_v[name] = b, t
    names = [name or pid for pid, name in order]
    settings = SynergySettings(base, target, CARBON, coupling_form=coupling_form)
    metrics = _reword_missing(synergy_metrics(base_v, target_v, present, settings, names, log))
    flagged = {str(u) for u in flagged_units}
    hot = [",".join(dict.fromkeys(str(u) for u in park_units.get(pid, ()) if str(u) in flagged)) for pid in ids]
    head = pd.DataFrame({"park_id": ids, "park_name": [n for _, n in order], "base": base, "target": target,
                         "CO2_BASIS": basis.value})
    out = pd.concat([head, metrics], axis=1)
    out["hotspot_units"] = hot
    out["is_hotspot"] = [bool(h) for h in hot]
    return out


# -- cross-check against emission grids ----------------------------------------------------
NOTE_NO_GRID = QT_TRANSLATE_NOOP("JwjtCore", "No {species} grid for scenario {scenario}.")
NOTE_NO_ACCOUNTED = QT_TRANSLATE_NOOP("JwjtCore", "The activity data give no {species} for the park in scenario "
                                                  "{scenario}.")
NOTE_GRID_NO_CRS = QT_TRANSLATE_NOOP("JwjtCore", "Grid '{grid}' has no CRS: the park cannot be placed on it.")
NOTE_NO_GEOMETRY = QT_TRANSLATE_NOOP("JwjtCore", "The park has no polygon.")
NOTE_PARTLY_OFF = QT_TRANSLATE_NOOP("JwjtCore", "Only {percent:.1f}% of the park lies on grid '{grid}'.")
NOTE_BOTH_ZERO = QT_TRANSLATE_NOOP("JwjtCore", "Both the accounted and the gridded amount are 0.")

CROSS_CHECK_COLUMNS = ("park_id", "park_name", "scenario", "species", "accounted_t", "grid_t", "ratio", "status",
                       "note")


def _park_geometries(parks_geo, spec: GridSpec) -> np.ndarray:
    """The park polygons in the grid's CRS (vertices reprojected, repaired, never the grid)."""
    from .units import repair_geometries, to_crs

    geoms = np.asarray(parks_geo.geometry.values, dtype=object)
    if parks_geo.crs is not None:
        geoms = to_crs(geoms, parks_geo.crs, spec.crs_wkt, "parks")
    geoms, _ = repair_geometries(geoms)
    return geoms


def _grid_sums(parks_geo, grids: Mapping[Tuple[str, str], EmissionGrid],
               log: MessageLog) -> Tuple[Dict[Tuple[str, str], np.ndarray], Dict[Tuple[str, str], np.ndarray],
                                         Dict[Tuple[str, str], str]]:
    """Per (scenario, species): the sum inside each park, the share of each park on the grid,
    and the reason when the grid cannot be used. Grids on one geometry share their weights."""
    from .overlay import compute_weights, overlay_sums

    by_spec: Dict[GridSpec, List[Tuple[str, str]]] = {}
    unusable: Dict[Tuple[str, str], str] = {}
    for key, grid in grids.items():
        if not grid.spec.crs_wkt and parks_geo.crs is not None:
            unusable[key] = grid.name
            log.add(QT_TRANSLATE_NOOP(
                "JwjtCore", "Cross-check: grid '{grid}' has no CRS, so the parks cannot be placed on it; it is not "
                            "compared."), grid=grid.name)
            continue
        by_spec.setdefault(grid.spec, []).append(key)
    if parks_geo.crs is None and by_spec:
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Cross-check: the parks layer has no CRS; its coordinates are taken to be in the grids' CRS."))
    sums: Dict[Tuple[str, str], np.ndarray] = {}
    on_grid: Dict[Tuple[str, str], np.ndarray] = {}
    for spec, keys in by_spec.items():
        geoms = _park_geometries(parks_geo, spec)
        weights = compute_weights(geoms, spec)
        sources: Dict[str, object] = {f"{k[0]}\x00{k[1]}": grids[k] for k in keys}
        sources["\x00cover"] = np.ones(spec.shape)
        out = overlay_sums(weights, sources)
        cells = shapely.area(geoms) / spec.cell_area
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(cells > 0, out["\x00cover"] / cells, np.nan)
        for k in keys:
            sums[k] = out[f"{k[0]}\x00{k[1]}"]
            on_grid[k] = share
    return sums, on_grid, unusable


def cross_check(parks_geo, parks: pd.DataFrame, grids: Mapping[Tuple[str, str], EmissionGrid],
                tolerance: float, log: Optional[MessageLog] = None) -> pd.DataFrame:
    """Accounted against gridded emissions, one row per park × scenario × species.

    Species: CO2 (as direct_t), and each pollutant the parks frame gives or a grid covers.
    ``ratio`` = accounted / grid; ``differs`` when |ratio − 1| > ``tolerance`` (a warning in
    ``log`` names the park, scenario, species and both amounts), ``no_grid`` when no grid is
    given for that scenario and species.
    """
    log = log if log is not None else MessageLog()
    grids = {(str(s), canonical_species(sp) or str(sp)): g for (s, sp), g in grids.items()}
    scenarios = list(dict.fromkeys(parks["scenario"].astype(str)))
    for s, sp in grids:
        if s not in scenarios:
            log.add(QT_TRANSLATE_NOOP(
                "JwjtCore", "Cross-check: the {species} grid of scenario {scenario} has no scenario in the activity "
                            "data to compare with."), species=sp, scenario=s)
    species = [CARBON]
    for col_sp in ("NOx", "SO2", "VOCs", "PM2.5"):
        col = pollutant_column(col_sp)
        given = col in parks.columns and pd.to_numeric(parks[col], errors="coerce").notna().any()
        if given or any(k[1] == col_sp for k in grids):
            species.append(col_sp)
    sums, on_grid, unusable = _grid_sums(parks_geo, grids, log)
    geo_index = {str(pid): i for i, pid in enumerate(parks_geo["park_id"].astype(str))}
    has_geom = ~(shapely.is_missing(np.asarray(parks_geo.geometry.values, dtype=object))
                 | shapely.is_empty(np.asarray(parks_geo.geometry.values, dtype=object)))
    rows: List[dict] = []
    for rec in parks.to_dict("records"):
        pid, name, scenario = str(rec["park_id"]), str(rec.get("park_name", "")), str(rec["scenario"])
        for sp in species:
            col = "direct_t" if sp == CARBON else pollutant_column(sp)
            accounted = _num(rec.get(col))
            rows.append(_check_row(pid, name, scenario, sp, accounted, grids.get((scenario, sp)), sums, on_grid,
                                   unusable, geo_index.get(pid), has_geom, tolerance, log))
    return pd.DataFrame(rows, columns=list(CROSS_CHECK_COLUMNS))


def _num(value: object) -> float:
    try:
        v = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan
    return v if math.isfinite(v) else math.nan


def _check_row(pid: str, name: str, scenario: str, sp: str, accounted: float, grid: Optional[EmissionGrid],
               sums: Mapping[Tuple[str, str], np.ndarray], on_grid: Mapping[Tuple[str, str], np.ndarray],
               unusable: Mapping[Tuple[str, str], str], index: Optional[int], has_geom: np.ndarray,
               tolerance: float, log: MessageLog) -> dict:
    row = {"park_id": pid, "park_name": name, "scenario": scenario, "species": sp, "accounted_t": accounted,
           "grid_t": math.nan, "ratio": math.nan}
    key = (scenario, sp)
    notes: List[object] = []
    if grid is None or key in unusable or index is None or not has_geom[index]:
        if grid is None:
            notes.append(Text(NOTE_NO_GRID, species=sp, scenario=scenario))
        elif key in unusable:
            notes.append(Text(NOTE_GRID_NO_CRS, grid=unusable[key]))
        else:
            notes.append(Text(NOTE_NO_GEOMETRY))
        return {**row, "status": CheckStatus.NO_GRID.value, "note": _join(notes)}
    grid_t = float(sums[key][index])
    row["grid_t"] = grid_t
    share = float(on_grid[key][index])
    if math.isfinite(share) and share < 0.999:
        notes.append(Text(NOTE_PARTLY_OFF, percent=100.0 * share, grid=grid.name))
    if math.isnan(accounted):
        notes.append(Text(NOTE_NO_ACCOUNTED, species=sp, scenario=scenario))
        return {**row, "status": CheckStatus.NO_DATA.value, "note": _join(notes)}
    if grid_t == 0 and accounted == 0:
        notes.append(Text(NOTE_BOTH_ZERO))
        return {**row, "status": CheckStatus.OK.value, "note": _join(notes)}
    ratio = accounted / grid_t if grid_t != 0 else math.inf
    row["ratio"] = ratio
    if abs(ratio - 1.0) > tolerance:
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Cross-check: park '{park}', scenario {scenario}, {species}: the activity data give {accounted} "
                        "t, the grid '{grid}' {gridded} t inside the park (ratio {ratio}, tolerance ±{tolerance})."),
            park=name or pid, scenario=scenario, species=sp, accounted=f"{accounted:.6g}", grid=grid.name,
            gridded=f"{grid_t:.6g}", ratio=f"{ratio:.3g}", tolerance=f"{tolerance:g}")
        status = CheckStatus.DIFFERS
    else:
        status = CheckStatus.OK
    return {**row, "status": status.value, "note": _join(notes)}


def _join(notes: List[object]) -> object:
    """One note, or several in one string (each already English; the first stays translatable)."""
    if not notes:
        return ""
    if len(notes) == 1:
        return notes[0]
    return " ".join(str(n) for n in notes)
