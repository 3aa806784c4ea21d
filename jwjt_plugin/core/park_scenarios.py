"""Planning scenarios built by scaling a year's activity data (规划情景：活动水平按比例推算).

A planning EIA states its 2025 and 2035 scenarios as growth or reduction rates ("钢铁产能压减 10 %",
"天然气替代燃煤": coal × 0.6, gas × 1.8) rather than as new ledgers. A scale table says, per
scenario, which scenario it starts from and the factor for an enterprise, an industry, an item or
everything:

    scenario, from, enterprise, industry, item, factor
    2035,     2020, ,          3120,     烟煤, 0.6

Every activity row of ``from`` is multiplied by the factor of the most specific matching rule —
enterprise and item > enterprise > industry and item > industry > item > a rule for everything —
and by 1 when no rule matches. Rows the activity table already gives for the scenario are kept, and
an enterprise with its own rows there (a new entrant, an updated ledger) is not scaled: explicit data
win over projections. The electricity factor of a scaled row is the one of the new scenario's year.
"""
from __future__ import annotations

import math
import re
from typing import Dict, List, Optional, Tuple

import pandas as pd

from .messages import QT_TRANSLATE_NOOP, JwjtInputError, MessageLog, info
from .park_activity import _NON_CARBON_BY_NAME, Text, _find_field, _text, _year_of
from .park_factors import FactorTable, fold_name

SCALE_FIELDS = {
    "scenario": ("scenario", "情景", "规划情景", "年份"),
    "from": ("from", "base", "基于", "基准情景", "基准年"),
    "enterprise": ("enterprise", "ent_id", "企业编号", "企业"),
    "industry": ("industry", "行业代码", "行业"),
    "item": ("item", "项目", "能源品种", "品种"),
    "factor": ("factor", "scale", "系数", "比例", "倍数"),
}

#: (enterprise given, industry given, item given) -> specificity, higher wins
_SPECIFICITY = {(True, False, True): 6, (True, False, False): 5, (False, True, True): 4, (False, True, False): 3,
                (False, False, True): 2, (False, False, False): 1}

Rule = Tuple[str, str, str, float, int]   # enterprise, industry, item key, factor, row


def _item_key(item: str, factors: FactorTable) -> Optional[str]:
    key = _NON_CARBON_BY_NAME.get(fold_name(item))
    if key:
        return key
    rows = factors.match(item)
    return rows[0].key if rows else None


def _rules(frame: pd.DataFrame, factors: FactorTable, enterprises: pd.DataFrame, known: List[str],
           table: Text) -> Dict[str, Tuple[str, List[Rule]]]:
    cols = {role: _find_field(frame, role, names, None, table, role in ("scenario", "from", "factor"))
            for role, names in SCALE_FIELDS.items()}
    ids = set(enterprises["ent_id"])
    out: Dict[str, Tuple[str, List[Rule]]] = {}
    seen: Dict[Tuple[str, str, str, str], int] = {}
    for n in range(len(frame)):
        row = n + 2
        get = {role: (_text(frame[c].iloc[n]) if c else "") for role, c in cols.items()}
        if not any(get.values()):
            continue
        scenario, start = get["scenario"], get["from"]
        if not scenario or not start:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "{table}, row {row}: give both the scenario and the scenario it is scaled from."),
                table=table, row=row)
        if start not in known:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "{table}, row {row}: scenario '{start}' is not in the activity table (scenarios: "
                            "{scenarios})."), table=table, row=row, start=start, scenarios=", ".join(known))
        if scenario == start:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "{table}, row {row}: scenario '{scenario}' cannot be scaled from itself."),
                table=table, row=row, scenario=scenario)
        if scenario in out and out[scenario][0] != start:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "{table}, row {row}: scenario '{scenario}' is scaled from '{start}' here but from "
                            "'{other}' in an earlier row; one scenario has one starting point."),
                table=table, row=row, scenario=scenario, start=start, other=out[scenario][0])
        try:
            factor = float(get["factor"].replace(",", ""))
        except ValueError:
            factor = math.nan
        if not math.isfinite(factor) or factor < 0:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "{table}, row {row}: the factor '{value}' is not a number of zero or more (1.2 = +20 %)."),
                table=table, row=row, value=get["factor"])
        if get["enterprise"] and get["enterprise"] not in ids:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "{table}, row {row}: enterprise '{enterprise}' is not in the enterprise layer."),
                table=table, row=row, enterprise=get["enterprise"])
        key = ""
        if get["item"]:
            found = _item_key(get["item"], factors)
            if found is None:
                raise JwjtInputError(QT_TRANSLATE_NOOP(
                    "JwjtCore", "{table}, row {row}: item '{item}' is not in the factor table '{factors}' nor value "
                                "added or a pollutant."), table=table, row=row, item=get["item"], factors=factors.source)
            key = found
        if get["enterprise"] and get["industry"]:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "{table}, row {row}: give an enterprise or an industry, not both."), table=table, row=row)
        scope = (scenario, get["enterprise"], get["industry"], key)
        if scope in seen:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "{table}: rows {first} and {row} scale the same thing in scenario '{scenario}'; keep one."),
                table=table, first=seen[scope], row=row, scenario=scenario)
        seen[scope] = row
        out.setdefault(scenario, (start, []))[1].append((get["enterprise"], get["industry"], key, factor, row))
    return out


def _industry_matches(rule: str, industry: str) -> bool:
    """A rule for 31 covers 3110 and 3120: GB/T 4754 codes nest by prefix."""
    if re.fullmatch(r"\d{2,4}", rule):
        return industry.startswith(rule)
    return fold_name(rule) == fold_name(industry)


def _best(rules: List[Rule], ent: str, industry: str, key: str) -> Optional[Rule]:
    best, rank = None, 0
    for rule in rules:
        r_ent, r_ind, r_key, _f, _row = rule
        if (r_ent and r_ent != ent) or (r_ind and not _industry_matches(r_ind, industry)) or (r_key and r_key != key):
            continue
        s = _SPECIFICITY[(bool(r_ent), bool(r_ind), bool(r_key))]
        if s > rank:
            best, rank = rule, s
    return best


def scale_scenarios(activity: pd.DataFrame, scale: pd.DataFrame, factors: FactorTable, enterprises: pd.DataFrame,
                    table: str, log: Optional[MessageLog] = None) -> pd.DataFrame:
    """The activity rows with the scaled scenarios added (see the module docstring for the rules)."""
    log = log if log is not None else MessageLog()
    name = info(QT_TRANSLATE_NOOP("JwjtCore", "Scenario scale table '{table}'"), table=table)
    known = list(dict.fromkeys(activity["scenario"]))
    rules = _rules(scale, factors, enterprises, known, name)
    industry = dict(zip(enterprises["ent_id"], enterprises["industry"].astype(str)))
    index = {f: i for i, f in enumerate(factors.factors)}
    added: List[dict] = []
    noted: set = set()
    for scenario, (start, rs) in rules.items():
        explicit = set(activity.loc[activity["scenario"] == scenario, "ent_id"])
        year = _year_of(scenario)
        base = activity[(activity["scenario"] == start) & ~activity["ent_id"].isin(explicit)]
        for rec in base.to_dict("records"):
            rule = _best(rs, rec["ent_id"], industry.get(rec["ent_id"], ""), rec["key"])
            factor, origin = (1.0, f"{start} × 1") if rule is None else (rule[3], f"{start} × {rule[3]:g} "
                                                                                   f"(scale row {rule[4]})")
            new = dict(rec, scenario=scenario, year=year, amount=rec["amount"] * factor,
                       amount_f=rec["amount_f"] * factor, origin=origin)
            if rec["factor_row"] >= 0:
                f = factors.factors[int(rec["factor_row"])]
                where = info(QT_TRANSLATE_NOOP("JwjtCore", "{table}, scenario '{scenario}'"), table=name,
                             scenario=scenario)
                chosen = factors.for_year(factors.match(f.key) or [f], year, where,
                                          log if (f.key, year) not in noted else None)
                noted.add((f.key, year))
                if chosen.unit != f.unit:  # the year's row is per another unit: convert again from the ledger's
                    from .park_units import conversion_factor

                    new["amount_f"] = new["amount"] * conversion_factor(rec["unit"], chosen.unit, name)
                new["factor_row"], new["factor_unit"] = index[chosen], chosen.unit
            added.append(new)
        if explicit:
            log.add(QT_TRANSLATE_NOOP(
                "JwjtCore", "Scenario '{scenario}': {count} enterprise(s) have their own rows in the activity table and "
                            "are not scaled from '{start}'."), level="info", scenario=scenario, count=len(explicit),
                start=start)
    if not added:
        return activity
    out = pd.concat([activity, pd.DataFrame(added)], ignore_index=True)
    if "origin" in activity.columns:
        return out
    out["origin"] = out["origin"].fillna(out["row"].map(lambda r: f"row {r}"))
    return out
