"""CO2 accounting of enterprises and parks (园区碳排放核算), by source category and scenario.

Every activity row becomes one accounting line with the factor it used:

* fuel combustion  E = AD × NCV × CC × OF × 44/12   (AD in the NCV's unit: t or 万立方米)
* processes        E = AD × EF                      (tCO2 per t of product or raw material)
* electricity      E = AD × EF_grid(year)           (MWh × tCO2/MWh)
* heat             E = AD × EF_heat                 (GJ × tCO2/GJ)

Enterprise totals add the lines per category; direct = combustion + process, indirect = electricity
+ heat, reported separately as the guidelines do, and total = direct + indirect. A park's totals add
the enterprises assigned to it; an enterprise in no park has its own totals but enters no park.
"""
from __future__ import annotations

from typing import List, Sequence

import geopandas as gpd
import numpy as np
import pandas as pd

from .messages import QT_TRANSLATE_NOOP, MessageLog
from .park_activity import POLLUTANTS, pollutant_column
from .park_factors import DIRECT, INDIRECT, FactorTable, SourceCategory

CARBON_KINDS = ("fuel", "process", "electricity", "heat")
CATEGORY_COLUMNS = {c: f"{c.value}_t" for c in SourceCategory}
POLLUTANT_COLUMNS = tuple(pollutant_column(p) for p in POLLUTANTS)
TOTAL_COLUMNS = tuple(CATEGORY_COLUMNS.values()) + ("direct_t", "indirect_t", "total_t")


def accounting_lines(activity: pd.DataFrame, factors: FactorTable, enterprises: pd.DataFrame) -> pd.DataFrame:
    """One line per carbon activity row, with the factor used and its source."""
    carbon = activity[activity["kind"].isin(CARBON_KINDS)]
    park_of = dict(zip(enterprises["ent_id"], enterprises["park_id"]))
    if "origin" not in carbon.columns:
        carbon = carbon.assign(origin=[f"row {r}" for r in carbon["row"]])
    rows = []
    for rec in carbon.itertuples(index=False):
        f = factors.factors[int(rec.factor_row)]
        rows.append({"ent_id": rec.ent_id, "park_id": park_of.get(rec.ent_id, ""), "scenario": rec.scenario,
                     "year": rec.year, "item": rec.item, "factor_key": f.key, "category": f.category.value,
                     "amount": rec.amount, "unit": rec.unit, "amount_f": rec.amount_f, "factor_unit": f.unit,
                     "ncv": f.ncv, "carbon_content": f.carbon_content, "oxidation": f.oxidation, "ef": f.ef,
                     "co2_t": rec.amount_f * f.ef, "factor_year": f.year, "factor_source": f.source,
                     "row": rec.row, "origin": rec.origin})
    columns = ["ent_id", "park_id", "scenario", "year", "item", "factor_key", "category", "amount", "unit",
               "amount_f", "factor_unit", "ncv", "carbon_content", "oxidation", "ef", "co2_t", "factor_year",
               "factor_source", "row", "origin"]
    return pd.DataFrame(rows, columns=columns)


def _sum_or_nan(frame: pd.DataFrame, key: str, by: List[str]) -> pd.Series:
    """Sums per group of the rows of ``key``; groups without such a row are absent (NaN after a join),
    so "not given" never reads as zero."""
    part = frame[frame["key"] == key]
    return part.groupby(by, sort=False)["amount_f"].sum()


def enterprise_totals(lines: pd.DataFrame, activity: pd.DataFrame, enterprises: pd.DataFrame,
                      scenarios: Sequence[str]) -> pd.DataFrame:
    """Per enterprise and scenario in which it has any row: CO2 by category, value added, pollutants,
    intensity, and share and rank within its park."""
    keys = activity[["ent_id", "scenario"]].drop_duplicates()
    by = ["ent_id", "scenario"]
    table = keys.set_index(by)
    for category, column in CATEGORY_COLUMNS.items():
        part = lines[lines["category"] == category.value].groupby(by, sort=False)["co2_t"].sum()
        table[column] = part.reindex(table.index).fillna(0.0)
    table["direct_t"] = sum(table[CATEGORY_COLUMNS[c]] for c in DIRECT)
    table["indirect_t"] = sum(table[CATEGORY_COLUMNS[c]] for c in INDIRECT)
    table["total_t"] = table["direct_t"] + table["indirect_t"]
    for key in ("value_added", "output_value") + POLLUTANTS:
        column = key if key in ("value_added", "output_value") else pollutant_column(key)
        table[column] = _sum_or_nan(activity, key, by).reindex(table.index)
    table = table.reset_index()
    info = enterprises.set_index("ent_id")
    table.insert(0, "park_id", table["ent_id"].map(info["park_id"]).fillna(""))
    table.insert(2, "ent_name", table["ent_id"].map(info["ent_name"]))
    table.insert(3, "industry", table["ent_id"].map(info["industry"]).fillna(""))
    va = table["value_added"].to_numpy(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        table["intensity_va"] = np.where(va > 0, table["total_t"].to_numpy() / va, np.nan)
    in_park = table["park_id"] != ""
    park_total = table[in_park].groupby(["park_id", "scenario"])["total_t"].transform("sum")
    with np.errstate(divide="ignore", invalid="ignore"):
        table["share_park"] = np.nan
        table.loc[in_park, "share_park"] = np.where(park_total > 0, table.loc[in_park, "total_t"] / park_total, np.nan)
    # Rank by total, ties by enterprise id: the same order whatever the row order of the input.
    order = table.sort_values(["park_id", "scenario", "total_t", "ent_id"], ascending=[True, True, False, True])
    table["rank_park"] = 0
    table.loc[order.index, "rank_park"] = order.groupby(["park_id", "scenario"]).cumcount().to_numpy() + 1
    table.loc[~in_park, "rank_park"] = 0
    table["_s"] = table["scenario"].map({s: i for i, s in enumerate(scenarios)})
    table = table.sort_values(["_s", "park_id", "rank_park", "ent_id"]).drop(columns="_s").reset_index(drop=True)
    columns = ["park_id", "ent_id", "ent_name", "industry", "scenario", *TOTAL_COLUMNS, "value_added",
               "output_value", "intensity_va", "share_park", "rank_park", *POLLUTANT_COLUMNS]
    return table[columns]


def park_totals(parks: gpd.GeoDataFrame, ent: pd.DataFrame, scenarios: Sequence[str],
                log: MessageLog) -> pd.DataFrame:
    """Per park and scenario: sums of its enterprises, intensities and the largest source."""
    rows = []
    for park in parks.itertuples(index=False):
        mine = ent[ent["park_id"] == park.park_id]
        if mine.empty:
            log.add(QT_TRANSLATE_NOOP(
                "JwjtCore", "Park '{park}' ({id}) has no enterprise with activity data in any scenario; its totals "
                            "are zero and its intensities undefined."), park=park.park_name, id=park.park_id)
        for scenario in scenarios:
            part = mine[mine["scenario"] == scenario]
            row = {"park_id": park.park_id, "park_name": park.park_name, "scenario": scenario,
                   "area_km2": float(park.area_km2), "n_enterprises": int(len(part))}
            for column in TOTAL_COLUMNS:
                row[column] = float(part[column].sum())
            row["value_added"] = _partial_sum(part, "value_added", park, scenario, log)
            row["output_value"] = float(part["output_value"].sum()) if part["output_value"].notna().any() else np.nan
            va = row["value_added"]
            row["intensity_va"] = row["total_t"] / va if va and va > 0 else np.nan
            area = row["area_km2"]
            row["intensity_land"] = row["total_t"] / area if area > 0 else np.nan
            if len(part) and row["total_t"] > 0:
                top = part.sort_values(["total_t", "ent_id"], ascending=[False, True]).iloc[0]
                row["top_source"], row["top_share"] = top["ent_name"], float(top["total_t"]) / row["total_t"]
            else:
                row["top_source"], row["top_share"] = "", np.nan
            for column in POLLUTANT_COLUMNS:
                row[column] = float(part[column].sum()) if part[column].notna().any() else np.nan
            rows.append(row)
    return pd.DataFrame(rows)


def _partial_sum(part: pd.DataFrame, column: str, park, scenario: str, log: MessageLog) -> float:
    given = part[column].notna()
    if not given.any():
        return np.nan
    if not given.all():
        # An intensity over the CO2 of all enterprises but the value added of some would look better than it is.
        missing = ", ".join(part.loc[~given, "ent_name"].astype(str).head(10))
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Park '{park}', scenario '{scenario}': enterprises without value added ({enterprises}); the "
                        "park's intensity per value added is left undefined rather than computed on part of it."),
            park=park.park_name, scenario=scenario, enterprises=missing)
        return np.nan
    return float(part[column].sum())
