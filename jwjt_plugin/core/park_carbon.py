"""Industrial-park carbon assessment for planning EIA (产业园区规划环评碳排放评价).

The 2021 pilot on carbon assessment in park planning EIA asks a park to account its current CO2,
build indicators, find the main sources, assess carbon–pollutant co-control and tie the result to
the access list of its control units. :func:`run_park_carbon` does that in one call on checked
inputs (:mod:`.park_activity`):

1. accounting per enterprise and park, by source category (:mod:`.park_accounting`);
2. indicators per park and scenario against the user's benchmarks (:mod:`.park_indicators`);
3. scenario changes and co-control — synergy coordinates and elasticities of the same metrics the
   city assessment uses, with parks as entities, and the park units flagged by a synergy run
   (:mod:`.park_cocontrol`);
4. a cross-check of the parks' direct CO2 and pollutants against emission grids summed inside the
   park polygons (area-weighted, grids never resampled);
5. suggested access-list requirements for the park units from the measures library
   (:mod:`.park_suggestions`), applied only when the analyst accepts them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Dict, List, Mapping, Optional, Tuple

import geopandas as gpd
import pandas as pd

from .messages import QT_TRANSLATE_NOOP, JwjtInputError, Message, MessageLog
from .park_accounting import accounting_lines, enterprise_totals, park_totals
from .park_activity import read_activity, read_enterprises, read_parks, scenarios_in_order
from .park_factors import FactorTable, load_factor_table

if TYPE_CHECKING:
    from .grid import EmissionGrid
    from .measures import Measure
    from .park_indicators import Benchmarks


@dataclass(frozen=True)
class ParkCarbonParams:
    base: str                                   # base scenario, e.g. "2020"
    target: Optional[str] = None                # compared with base; None: the last scenario
    top_n: int = 5                              # largest sources listed per park
    cross_check_tolerance: float = 0.3          # |accounted / grid − 1| above this: "differs"
    pollutants: Tuple[str, ...] = ("NOx", "VOCs", "PM2.5")

    def __post_init__(self) -> None:
        object.__setattr__(self, "base", str(self.base).strip())
        object.__setattr__(self, "target", None if self.target in (None, "") else str(self.target).strip())
        object.__setattr__(self, "pollutants", tuple(self.pollutants))
        if not self.base:
            raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Give the base scenario (for example 2020)."))
        if self.top_n < 1:
            raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The number of largest sources must be at least 1, "
                                                               "not {value}."), value=self.top_n)
        if not 0 < self.cross_check_tolerance:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "The cross-check tolerance must be above 0, not {value}."), value=self.cross_check_tolerance)


@dataclass(frozen=True)
class ParkInputs:
    parks: gpd.GeoDataFrame                     # park_id, park_name, unit_codes, area_km2, geometry
    enterprises: pd.DataFrame                   # ent_id, ent_name, industry, park_id, row (+ geometry)
    activity: pd.DataFrame                      # from park_activity.read_activity
    factors: FactorTable
    benchmarks: Optional[Benchmarks] = None
    grids: Mapping[Tuple[str, str], EmissionGrid] = field(default_factory=dict)   # (scenario, species)
    flagged_units: Tuple[str, ...] = ()         # unit codes a synergy run flagged
    measures: Tuple[Measure, ...] = ()
    notes: Tuple[Message, ...] = ()             # what reading the inputs had to say


@dataclass(frozen=True)
class ParkCarbonResult:
    params: ParkCarbonParams
    scenarios: Tuple[str, ...]
    base: str
    target: Optional[str]
    lines: pd.DataFrame
    enterprises: pd.DataFrame
    parks: pd.DataFrame
    indicators: pd.DataFrame
    changes: pd.DataFrame
    cocontrol: pd.DataFrame
    cross_check: pd.DataFrame
    suggestions: pd.DataFrame
    factors: pd.DataFrame
    parks_geo: gpd.GeoDataFrame
    log: MessageLog

    def top_sources(self, park_id: str, scenario: Optional[str] = None) -> pd.DataFrame:
        """The park's largest enterprises in a scenario (the base by default), largest first."""
        s = scenario or self.base
        e = self.enterprises
        part = e[(e["park_id"] == park_id) & (e["scenario"] == s)].sort_values("rank_park")
        return part.head(self.params.top_n)

    def tables(self) -> Dict[str, pd.DataFrame]:
        """Every table of the result, in report order (the workbook writes one sheet each)."""
        return {"factors": self.factors, "lines": self.lines, "enterprises": self.enterprises, "parks": self.parks,
                "indicators": self.indicators, "changes": self.changes, "cocontrol": self.cocontrol,
                "cross_check": self.cross_check, "suggestions": self.suggestions}


def _step(progress: Optional[Callable[[float], None]], is_canceled: Optional[Callable[[], bool]],
          percent: float) -> None:
    from .overlay import Cancelled

    if is_canceled is not None and is_canceled():
        raise Cancelled()
    if progress is not None:
        progress(percent)


def run_park_carbon(inputs: ParkInputs, params: ParkCarbonParams,
                    progress: Optional[Callable[[float], None]] = None,
                    is_canceled: Optional[Callable[[], bool]] = None) -> ParkCarbonResult:
    from .park_cocontrol import changes, cocontrol, cross_check
    from .park_indicators import indicators
    from .park_suggestions import suggest

    log = MessageLog()
    for note in inputs.notes:
        log.add(note.template, note.level, **note.params)
    activity = inputs.activity
    scenarios = scenarios_in_order(activity, (params.base,))
    if params.base not in set(activity["scenario"]):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "The activity table has no rows for the base scenario '{base}' (scenarios: {scenarios})."),
            base=params.base, scenarios=", ".join(scenarios))
    target = params.target
    if target is not None and target not in scenarios:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "The activity table has no rows for the target scenario '{target}' (scenarios: {scenarios})."),
            target=target, scenarios=", ".join(scenarios))
    if target is None:
        later = [s for s in scenarios if s != params.base]
        target = later[-1] if later else None
    _step(progress, is_canceled, 5)
    lines = accounting_lines(activity, inputs.factors, inputs.enterprises)
    ent = enterprise_totals(lines, activity, inputs.enterprises, scenarios)
    parks = park_totals(inputs.parks, ent, scenarios, log)
    _step(progress, is_canceled, 30)
    ind = indicators(parks, ent, inputs.benchmarks, params.base, log)
    park_units = {p: tuple(c) for p, c in zip(inputs.parks["park_id"], inputs.parks["unit_codes"])}
    if target is not None:
        chg = changes(parks, params.base, target)
        co = cocontrol(parks, params.base, target, params.pollutants, inputs.flagged_units, park_units, log)
    else:
        chg, co = pd.DataFrame(), pd.DataFrame()
        log.add(QT_TRANSLATE_NOOP("JwjtCore", "Only one scenario ('{base}'): no scenario change or co-control "
                                              "table."), level="info", base=params.base)
    _step(progress, is_canceled, 50)
    cc = cross_check(inputs.parks, parks, inputs.grids, params.cross_check_tolerance, log)
    _step(progress, is_canceled, 85)
    sug = suggest(inputs.parks, ent, ind, list(inputs.measures), log)
    _step(progress, is_canceled, 100)
    factors = inputs.factors.frame()
    return ParkCarbonResult(params, tuple(scenarios), params.base, target, lines, ent, parks, ind, chg, co, cc,
                            sug, factors, inputs.parks, log)


def build_inputs(parks: gpd.GeoDataFrame, enterprises: pd.DataFrame, activity: pd.DataFrame, *,
                 parks_layer: str = "parks", enterprises_layer: str = "enterprises", activity_table: str = "activity",
                 park_fields: Optional[Mapping[str, str]] = None, enterprise_fields: Optional[Mapping[str, str]] = None,
                 activity_fields: Optional[Mapping[str, str]] = None, factor_path: Optional[str] = None,
                 benchmarks_path: Optional[str] = None, measures_path: Optional[str] = None,
                 scale_path: Optional[str] = None,
                 grids: Optional[Mapping[Tuple[str, str], EmissionGrid]] = None,
                 flagged_units: Tuple[str, ...] = ()) -> ParkInputs:
    """Checked inputs from raw attribute frames: the one place the CLI, Processing and the dock
    turn what the analyst gave into :class:`ParkInputs` (same fields found, same messages).

    ``park_fields`` keys: id, name, codes; ``enterprise_fields``: id, name, industry, park;
    ``activity_fields``: enterprise, scenario, item, amount, unit (None or missing: found by name).
    ``factor_path`` / ``measures_path`` None: the tables shipped with the plugin; ``scale_path``: a
    scenario scale table (:mod:`.park_scenarios`).
    """
    from .measures import load_measures
    from .park_indicators import load_benchmarks

    log = MessageLog()
    pf, ef = dict(park_fields or {}), dict(enterprise_fields or {})
    factors = load_factor_table(factor_path)
    parks_geo = read_parks(parks, parks_layer, pf.get("id"), pf.get("name"), pf.get("codes"))
    ent = read_enterprises(enterprises, parks_geo, enterprises_layer, ef.get("id"), ef.get("name"),
                           ef.get("industry"), ef.get("park"), log)
    act = read_activity(activity, factors, ent, activity_table, activity_fields, log)
    if scale_path:
        from .park_scenarios import scale_scenarios
        from .park_tables import read_table

        act = scale_scenarios(act, read_table(scale_path, "scenario scale table"), factors, ent, scale_path, log)
    benchmarks = load_benchmarks(benchmarks_path, benchmarks_path) if benchmarks_path else None
    measures = tuple(load_measures(measures_path or None))
    return ParkInputs(parks_geo, ent, act, factors, benchmarks, dict(grids or {}), tuple(flagged_units), measures,
                      tuple(log))


def describe(result: ParkCarbonResult) -> List[str]:
    """A few English lines for logs and the CLI: totals per park and scenario."""
    out = []
    for rec in result.parks.itertuples(index=False):
        out.append(f"{rec.park_name} {rec.scenario}: {rec.total_t:,.0f} t CO2 "
                   f"(direct {rec.direct_t:,.0f}, indirect {rec.indirect_t:,.0f}), {rec.n_enterprises} enterprises")
    return out
