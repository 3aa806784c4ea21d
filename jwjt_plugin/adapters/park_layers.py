"""The park carbon result as the layers every front end writes: one feature per park, one per enterprise.

The result frames are long (one row per park or enterprise and scenario); a map wants one feature
per park, so the scenarios become fields: ``CO2_2020`` (total), ``DIR_2020`` / ``IND_2020`` (direct
/ indirect), ``INT_VA_2020`` (tCO2/万元) … (:data:`PARK_FIELDS`, :data:`ENTERPRISE_FIELDS`), plus the
indicator verdicts counted per park (``N_PASS``, ``N_FAIL``, ``STATUS``). The names are short, upper
case and stable: a style or a model that reads ``CO2_2020`` keeps working from run to run.

The tables are built without QGIS (:func:`park_table`, :func:`enterprise_table`, :func:`flagged_units`)
so the CLI writes the very same ones; only the sink writers and the style import QGIS, inside them.
"""
from __future__ import annotations

from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from ..core.fields import unique_field_name
from ..core.messages import QT_TRANSLATE_NOOP, JwjtInputError

#: (field prefix, column of ``result.parks``), one field per scenario each: ``CO2_2020`` …
PARK_FIELDS: Tuple[Tuple[str, str], ...] = (
    ("N_ENT", "n_enterprises"), ("CO2", "total_t"), ("DIR", "direct_t"), ("IND", "indirect_t"),
    ("COMB", "combustion_t"), ("PROC", "process_t"), ("ELEC", "electricity_t"), ("HEAT", "heat_t"),
    ("VA", "value_added"), ("INT_VA", "intensity_va"), ("INT_LAND", "intensity_land"),
    ("TOP_SRC", "top_source"), ("TOP_SHR", "top_share"),
    ("NOX", "NOx_t"), ("SO2", "SO2_t"), ("VOCS", "VOCs_t"), ("PM25", "PM25_t"),
)
#: (field prefix, column of ``result.enterprises``)
ENTERPRISE_FIELDS: Tuple[Tuple[str, str], ...] = (
    ("CO2", "total_t"), ("DIR", "direct_t"), ("IND", "indirect_t"), ("VA", "value_added"),
    ("INT_VA", "intensity_va"), ("SHARE", "share_park"), ("RANK", "rank_park"),
)
#: integer columns (NULL where a park or enterprise has no row for a scenario)
_INTEGERS = ("n_enterprises", "rank_park")
#: text columns (empty where absent)
_TEXTS = ("top_source",)

#: indicator status -> the count field of the park layer
STATUS_COUNTS = (("pass", "N_PASS"), ("fail", "N_FAIL"), ("no_benchmark", "N_NO_BM"), ("undefined", "N_UNDEF"))
#: the synergy flags layer's field that marks a flagged unit (jwjt:synergyflags writes it)
FLAG_FIELD = "SYN_FLAG"


def scenario_suffix(scenario: object) -> str:
    """A scenario as a field-name suffix: ``2020`` -> ``2020``, ``2035-低碳`` -> ``2035_低碳``."""
    return "".join(ch if ch.isalnum() else "_" for ch in str(scenario))


def _ordered(values: Iterable[object]) -> List[str]:
    return [str(v) for v in dict.fromkeys(values)]


def scenarios_of(result) -> List[str]:
    """The scenarios in the core's order (base first, then by year), as the fields follow them."""
    given = getattr(result, "scenarios", None)
    return [str(s) for s in given] if given else _ordered(result.parks["scenario"])


def _spread(long: pd.DataFrame, key: str, ids: Sequence[str], fields: Sequence[Tuple[str, str]],
            taken: List[str], scenarios: Sequence[str]) -> Dict[str, pd.Series]:
    """``long`` (one row per ``key`` and scenario) as one column per field and scenario, in the
    order of ``scenarios``, aligned on ``ids``; a missing row gives NULL."""
    out: Dict[str, pd.Series] = {}
    index = pd.Index(ids)
    for scenario in scenarios:
        rows = long[long["scenario"].astype(str) == scenario].drop_duplicates(key).set_index(key)
        rows.index = rows.index.astype(str)
        for prefix, column in fields:
            if column not in rows.columns:
                continue
            name = unique_field_name(f"{prefix}_{scenario_suffix(scenario)}", taken)
            taken.append(name)
            values = rows[column].reindex(index)
            if column in _INTEGERS:
                values = pd.to_numeric(values, errors="coerce").round().astype("Int64")
            elif column in _TEXTS:
                values = values.map(lambda v: "" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v))
            else:
                values = pd.to_numeric(values, errors="coerce").astype(np.float64)
            out[name] = values.reset_index(drop=True)
    return out


def status_counts(indicators: Optional[pd.DataFrame], ids: Sequence[str]) -> Dict[str, pd.Series]:
    """Per park: the indicators that pass, fail, have no benchmark or no value (every scenario),
    and ``STATUS``: "fail" when one fails, else "pass" when one passes, else "" (nothing judged)."""
    index = pd.Index(ids)
    counts: Dict[str, pd.Series] = {}
    for status, name in STATUS_COUNTS:
        if indicators is None or not len(indicators):
            counts[name] = pd.Series(np.zeros(len(ids), dtype=np.int64))
            continue
        hit = indicators[indicators["status"].astype(str) == status]
        n = hit.groupby(hit["park_id"].astype(str)).size().reindex(index, fill_value=0)
        counts[name] = pd.Series(n.to_numpy(dtype=np.int64))
    verdict = np.where(counts["N_FAIL"] > 0, "fail", np.where(counts["N_PASS"] > 0, "pass", ""))
    counts["STATUS"] = pd.Series(verdict, dtype=object)
    return counts


def _frame(columns: Dict[str, object]) -> pd.DataFrame:
    """Columns (lists and Series on 0..n-1) as a frame, nullable integers kept nullable."""
    return pd.DataFrame({k: (v if isinstance(v, pd.Series) else pd.Series(v, dtype=object if not len(v) else None))
                         for k, v in columns.items()})


def park_table(result, parks_geo):
    """One feature per park of ``parks_geo`` (the parks as read, in their order and CRS):
    ``PARK_ID, PARK_NAME, AREA_KM2, UNITS``, the fields of :data:`PARK_FIELDS` per scenario,
    the indicator counts of :func:`status_counts`; a GeoDataFrame with the parks' polygons."""
    import geopandas as gpd

    ids = [str(v) for v in parks_geo["park_id"]]
    codes = [",".join(c) if isinstance(c, (tuple, list)) else ("" if c is None else str(c))
             for c in (parks_geo["unit_codes"] if "unit_codes" in parks_geo.columns else [""] * len(ids))]
    columns: Dict[str, object] = {
        "PARK_ID": ids, "PARK_NAME": [str(v) for v in parks_geo["park_name"]],
        "AREA_KM2": _park_area(result.parks, parks_geo, ids), "UNITS": codes,
    }
    taken = list(columns)
    columns.update(_spread(result.parks, "park_id", ids, PARK_FIELDS, taken, scenarios_of(result)))
    columns.update(status_counts(getattr(result, "indicators", None), ids))
    # the factor table every number of the layer used: a layer found later still says where they came from
    columns["FACTORS"] = [factor_table_name(result)] * len(ids)
    frame = _frame(columns)
    return gpd.GeoDataFrame(frame, geometry=list(parks_geo.geometry), crs=parks_geo.crs)


def factor_table_name(result) -> str:
    factors = getattr(result, "factors", None)
    if factors is None or "table" not in getattr(factors, "columns", ()) or not len(factors):
        return ""
    return str(factors["table"].iloc[0])


def _park_area(parks: pd.DataFrame, parks_geo, ids: Sequence[str]) -> np.ndarray:
    if "area_km2" in parks_geo.columns:
        return np.asarray(parks_geo["area_km2"], dtype=np.float64)
    first = parks.drop_duplicates("park_id").set_index(parks["park_id"].drop_duplicates().astype(str))
    return pd.to_numeric(first["area_km2"].reindex(pd.Index(ids)), errors="coerce").to_numpy(np.float64)


def enterprise_table(result, enterprises):
    """One feature per enterprise of ``enterprises`` (as read: ``ent_id, ent_name, industry,
    park_id``, points when the layer had them): its fields and those of :data:`ENTERPRISE_FIELDS`
    per scenario. A GeoDataFrame of points when the enterprises have points, else a DataFrame."""
    import geopandas as gpd

    ids = [str(v) for v in enterprises["ent_id"]]
    park_names = {}
    if "park_name" in result.parks.columns:
        park_names = dict(zip(result.parks["park_id"].astype(str), result.parks["park_name"].astype(str)))
    parks = [str(v) if v is not None else "" for v in enterprises["park_id"]]
    columns: Dict[str, object] = {
        "ENT_ID": ids, "ENT_NAME": [str(v) for v in enterprises["ent_name"]],
        "INDUSTRY": [str(v) for v in enterprises["industry"]] if "industry" in enterprises.columns else [""] * len(ids),
        "PARK_ID": parks, "PARK_NAME": [park_names.get(p, "") for p in parks],
    }
    taken = list(columns)
    columns.update(_spread(result.enterprises, "ent_id", ids, ENTERPRISE_FIELDS, taken, scenarios_of(result)))
    frame = _frame(columns)
    if has_points(enterprises):
        return gpd.GeoDataFrame(frame, geometry=list(enterprises.geometry), crs=enterprises.crs)
    return frame


def has_points(enterprises) -> bool:
    """Whether the enterprises came with point geometries (else they are a table)."""
    if "geometry" not in getattr(enterprises, "columns", ()):
        return False
    return any(g is not None and not g.is_empty for g in enterprises["geometry"])


def flagged_units(frame: pd.DataFrame, layer: str, code_field: Optional[str] = None) -> Tuple[str, ...]:
    """The codes of the units a synergy flags layer flags (``SYN_FLAG`` = 1 or true), for the
    hotspots of the co-control table; the code field is found as for every unit layer."""
    from ..core.pipeline import resolve_mapping

    columns = [c for c in frame.columns if c not in ("geometry", "feature_id")]
    if FLAG_FIELD not in columns:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Synergy flags layer '{layer}' has no field '{field}'; give the output of the synergy "
                        "analysis (fields: {fields})."), layer=layer, field=FLAG_FIELD, fields=", ".join(columns))
    code = code_field or resolve_mapping(frame, {}).code
    if not code:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Synergy flags layer '{layer}': no unit code field found (fields: {fields})."),
            layer=layer, fields=", ".join(columns))
    flags = frame[FLAG_FIELD].map(_truthy)
    codes = frame.loc[flags.to_numpy(dtype=bool), code]
    return tuple(dict.fromkeys(str(c).strip() for c in codes if c is not None and str(c).strip()))


def _truthy(value: object) -> bool:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return False
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "t", "y", "是")
    return bool(value)


NOT_A_GRID = QT_TRANSLATE_NOOP(
    "JwjtCore", "Grid '{name}': its name gives no species or no scenario year; name the file like co2_2020 "
                "or nox_2035.")
SECTOR_GRID = QT_TRANSLATE_NOOP(
    "JwjtCore", "Grid '{name}' holds the sector '{sector}' only; the cross-check compares the parks with total "
                "grids, so it is not used.")


def grid_keys(labelled: Iterable[Tuple[object, str, object]], log) -> List[Tuple[Tuple[str, str], object]]:
    """((scenario, species), item) of every total grid among ``(GridLabel, name, item)`` (labels by the
    assessment's rules: file metadata, layer name, file name; the item is the layer or the path). A
    sector grid is left out with a note; a grid naming no species or year, and a second grid of one
    scenario and species, are refused by name."""
    from ..core.assessment_inputs import TOTAL, GridKeys

    keys, out = GridKeys(), []
    for label, name, item in labelled:
        if not getattr(label, "species", None) or not getattr(label, "period", None):
            raise JwjtInputError(NOT_A_GRID, name=name)
        if label.sector != TOTAL:
            log.add(SECTOR_GRID, name=name, sector=label.sector)
            continue
        period, species, _sector = keys.add((label.period, label.species, TOTAL), name)
        out.append(((period, species), item))
    return out


# -- QGIS: sinks and the style ----------------------------------------------------------------------
def write_table_to_sink(alg, parameters, key: str, context, table, crs, wkb_type, feedback=None,
                        progress: Sequence[float] = (90.0, 100.0)) -> Optional[str]:
    """``table`` into the sink ``key`` (fields typed by :func:`~.outputs.frame_fields`); its
    destination, or None for an optional sink not wanted."""
    from qgis.core import QgsWkbTypes

    from .outputs import frame_fields, write_to_sink

    fields = frame_fields(table)
    sink, dest = alg.parameterAsSink(parameters, key, context, fields, wkb_type, crs)
    if sink is None:
        return None
    write_to_sink(sink, table, fields, multi=QgsWkbTypes.isMultiType(wkb_type), feedback=feedback, progress=progress)
    return dest


#: STATUS -> fill colour of the park style (pass green, fail red, nothing judged grey)
STATUS_COLOURS = {"pass": "#4daf4a", "fail": "#e41a1c", "": "#bdbdbd"}
STATUS_LABELS = {
    "pass": QT_TRANSLATE_NOOP("JwjtCore", "Every judged indicator passes"),
    "fail": QT_TRANSLATE_NOOP("JwjtCore", "At least one indicator fails"),
    "": QT_TRANSLATE_NOOP("JwjtCore", "No indicator judged (no benchmark)"),
}


def apply_park_style(layer) -> bool:
    """Colour the park layer by ``STATUS``; False (layer untouched) when it has no such field."""
    from qgis.core import QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsRendererCategory

    from .i18n import tr_core

    if layer is None or not layer.isValid() or layer.fields().indexOf("STATUS") < 0:
        return False
    cats = [QgsRendererCategory(status, QgsFillSymbol.createSimple(
        {"color": colour, "outline_color": "#333333", "outline_width": "0.4"}), tr_core(STATUS_LABELS[status]))
        for status, colour in STATUS_COLOURS.items()]
    layer.setRenderer(QgsCategorizedSymbolRenderer("STATUS", cats))
    layer.triggerRepaint()
    return True
