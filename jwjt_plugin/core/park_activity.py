"""The inputs of the park carbon assessment, read and checked: parks, enterprises, activity data.

Adapters hand over raw attribute frames (a layer's snapshot, a CSV read by :mod:`.park_tables`);
this module finds the fields by the names analysts use (English, pinyin initials or Chinese),
checks every row and returns the normalised frames the contract of :mod:`.park_carbon` names.
Nothing here changes the frames it is given.

Rules that decide numbers:
* an enterprise belongs to the park its park field names (id or name); without one, to the park
  polygon that contains its point; an enterprise in no park is left out of every park total, with
  a warning that names it;
* an activity item is a factor of the factor table (by key, Chinese or English name or alias), value
  added or output value, or a pollutant; the amount is converted to the factor's unit exactly
  (:mod:`.park_units`); the electricity factor is the one of the scenario's year (a planning year
  without a published factor takes the latest earlier one, with a note).
"""
from __future__ import annotations

import math
import re
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

import geopandas as gpd
import numpy as np
import pandas as pd

from .messages import QT_TRANSLATE_NOOP, JwjtInputError, Message, MessageLog, info
from .park_factors import Factor, FactorTable, fold_name
from .park_tables import read_table
from .park_units import Dimension, conversion_factor, parse_unit

#: a table named in a message: plain text, or a translatable phrase ("Activity table '{table}'")
Text = Union[str, Message]

__all__ = ["read_table", "read_parks", "read_enterprises", "read_activity", "NON_CARBON_ITEMS", "POLLUTANTS",
           "pollutant_column"]

#: field role -> accepted names, in order of preference
PARK_FIELDS = {
    "id": ("park_id", "id", "园区编号", "园区代码", "园区编码", "YQBM", "HJZHGKDYBM", "环境管控单元编码"),
    "name": ("park_name", "name", "园区名称", "园区", "YQMC", "HJZHGKDYMC", "环境管控单元名称"),
    "codes": ("unit_codes", "管控单元编码", "单元编码", "DYBM"),
}
ENTERPRISE_FIELDS = {
    "id": ("ent_id", "id", "企业编号", "企业代码", "企业编码", "统一社会信用代码", "QYBM"),
    "name": ("ent_name", "name", "企业名称", "QYMC"),
    "industry": ("industry", "行业代码", "行业类别", "所属行业", "行业", "HYDM"),
    "park": ("park_id", "park", "park_name", "所属园区", "园区编号", "园区名称", "园区", "YQMC"),
}
ACTIVITY_FIELDS = {
    "enterprise": ("ent_id", "enterprise", "企业编号", "企业代码", "企业", "QYBM"),
    "scenario": ("scenario", "year", "情景", "年份", "年度", "水平年"),
    "item": ("item", "fuel", "项目", "能源品种", "品种", "燃料", "活动", "名称"),
    "amount": ("amount", "value", "quantity", "数量", "活动水平", "活动数据", "消费量", "用量", "数值"),
    "unit": ("unit", "单位", "计量单位"),
}
#: unit codes of the control-unit layer: a park layer that is the unit layer has its own code
UNIT_CODE_FIELDS = ("HJZHGKDYBM", "环境管控单元编码")

#: non-carbon items: key -> (kind, dimension, names)
NON_CARBON_ITEMS: Dict[str, Tuple[str, Dimension, Tuple[str, ...]]] = {
    "value_added": ("economic", Dimension.MONEY, ("value_added", "value added", "增加值", "工业增加值")),
    "output_value": ("economic", Dimension.MONEY, ("output_value", "output value", "产值", "工业总产值", "总产值")),
    "NOx": ("pollutant", Dimension.MASS, ("NOx", "氮氧化物")),
    "SO2": ("pollutant", Dimension.MASS, ("SO2", "二氧化硫")),
    "VOCs": ("pollutant", Dimension.MASS, ("VOCs", "VOC", "挥发性有机物")),
    "PM2.5": ("pollutant", Dimension.MASS, ("PM2.5", "PM25", "细颗粒物")),
}
POLLUTANTS = tuple(k for k, v in NON_CARBON_ITEMS.items() if v[0] == "pollutant")
_NON_CARBON_BY_NAME = {fold_name(n): key for key, (_k, _d, names) in NON_CARBON_ITEMS.items() for n in names}
_CANONICAL = {Dimension.MONEY: "万元", Dimension.MASS: "t"}


def pollutant_column(species: str) -> str:
    """The result column of a pollutant: NOx -> ``NOx_t``, PM2.5 or pm25 -> ``PM25_t`` (no dot in a field name)."""
    from .species import canonical_species

    name = canonical_species(species) or str(species).strip()
    return "".join(ch for ch in name if ch.isalnum()) + "_t"


def _find_field(frame: pd.DataFrame, role: str, accepted: Sequence[str], given: Optional[str], table: Text,
                required: bool) -> Optional[str]:
    columns = [c for c in frame.columns if c != "geometry"]
    if given:
        if given not in columns:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "{table}: there is no field '{field}' (fields: {fields})."),
                table=table, field=given, fields=", ".join(map(str, columns)))
        return given
    folded = {fold_name(c): c for c in columns}
    for name in accepted:
        if fold_name(name) in folded:
            return folded[fold_name(name)]
    if required:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "{table}: no {role} field found; name it one of {names} or choose it."),
            table=table, role=role, names=", ".join(accepted))
    return None


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # an id read as a number from a spreadsheet: 101.0 -> "101"
    return str(value).strip()


def _area_km2(frame: gpd.GeoDataFrame) -> np.ndarray:
    if frame.crs is not None and frame.crs.is_geographic:
        from pyproj import Geod

        geod = Geod(ellps="WGS84")
        return np.array([abs(geod.geometry_area_perimeter(g)[0]) / 1e6 for g in frame.geometry])
    return np.asarray(frame.geometry.area, dtype=np.float64) / 1e6


def read_parks(frame: gpd.GeoDataFrame, layer: str, id_field: Optional[str] = None,
               name_field: Optional[str] = None, codes_field: Optional[str] = None) -> gpd.GeoDataFrame:
    """``park_id, park_name, unit_codes, area_km2, geometry``: one row per park polygon."""
    table = info(QT_TRANSLATE_NOOP("JwjtCore", "Park layer '{layer}'"), layer=layer)
    if len(frame) == 0:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "{table} has no features."), table=table)
    fid = _find_field(frame, "park id", PARK_FIELDS["id"], id_field, table, False)
    fname = _find_field(frame, "park name", PARK_FIELDS["name"], name_field, table, False)
    if fid is None and fname is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "{table}: no park id or name field found; name one of {names} or choose it."),
            table=table, names=", ".join(PARK_FIELDS["id"] + PARK_FIELDS["name"]))
    fcodes = _find_field(frame, "unit codes", PARK_FIELDS["codes"], codes_field, table, False)
    ids = [_text(v) for v in frame[fid or fname]]
    names = [_text(v) for v in frame[fname or fid]]
    own_code = fid in UNIT_CODE_FIELDS if fid else False
    rows: List[dict] = []
    seen: Dict[str, int] = {}
    for n, (pid, pname, geom) in enumerate(zip(ids, names, frame.geometry), start=1):
        feature = _feature_id(frame, n)
        if not pid:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "{table}, feature {feature}: the park id ('{field}') is empty."),
                table=table, feature=feature, field=fid or fname)
        if pid in seen:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "{table}: park id '{park}' is used by features {first} and {feature}; park ids must be "
                            "unique."), table=table, park=pid, first=seen[pid], feature=feature)
        seen[pid] = feature
        if geom is None or geom.is_empty or geom.geom_type not in ("Polygon", "MultiPolygon"):
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "{table}, park '{park}' (feature {feature}): the geometry is empty or not a polygon."),
                table=table, park=pname or pid, feature=feature)
        if not geom.is_valid:
            geom = geom.buffer(0)  # a bow-tie from a digitised boundary: the area still counts, once
        codes: Tuple[str, ...] = ()
        if fcodes:
            raw = _text(frame[fcodes].iloc[n - 1])
            codes = tuple(c for c in re.split(r"[,，;；、\s]+", raw) if c)
        elif own_code:
            codes = (pid,)
        rows.append({"park_id": pid, "park_name": pname or pid, "unit_codes": codes, "geometry": geom})
    out = gpd.GeoDataFrame(rows, geometry="geometry", crs=frame.crs)
    out.insert(3, "area_km2", _area_km2(out))
    return out


def _feature_id(frame: pd.DataFrame, n: int) -> int:
    if "feature_id" in frame.columns:
        return int(frame["feature_id"].iloc[n - 1])
    return n


def read_enterprises(frame: pd.DataFrame, parks: gpd.GeoDataFrame, layer: str, id_field: Optional[str] = None,
                     name_field: Optional[str] = None, industry_field: Optional[str] = None,
                     park_field: Optional[str] = None, log: Optional[MessageLog] = None) -> pd.DataFrame:
    """``ent_id, ent_name, industry, park_id, row`` (+ geometry when the layer has points).

    An enterprise in no park keeps ``park_id`` empty and is reported; duplicate ids are an error.
    """
    log = log if log is not None else MessageLog()
    table = info(QT_TRANSLATE_NOOP("JwjtCore", "Enterprise layer '{layer}'"), layer=layer)
    if len(frame) == 0:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "{table} has no features."), table=table)
    fid = _find_field(frame, "enterprise id", ENTERPRISE_FIELDS["id"], id_field, table, True)
    fname = _find_field(frame, "enterprise name", ENTERPRISE_FIELDS["name"], name_field, table, False)
    find = _find_field(frame, "industry", ENTERPRISE_FIELDS["industry"], industry_field, table, False)
    fpark = _find_field(frame, "park", ENTERPRISE_FIELDS["park"], park_field, table, False)
    by_park = {fold_name(p): p for p in parks["park_id"]}
    by_park.update({fold_name(name): pid for pid, name in zip(parks["park_id"], parks["park_name"])
                    if fold_name(name) not in by_park})
    has_points = isinstance(frame, gpd.GeoDataFrame) and "geometry" in frame.columns
    points = _points_in_parks_crs(frame, parks) if has_points else None
    rows: List[dict] = []
    seen: Dict[str, int] = {}
    outside: List[str] = []
    for n in range(len(frame)):
        feature = _feature_id(frame, n + 1)
        eid = _text(frame[fid].iloc[n])
        if not eid:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "{table}, feature {feature}: the enterprise id ('{field}') is empty."),
                table=table, feature=feature, field=fid)
        if eid in seen:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "{table}: enterprise id '{enterprise}' is used by features {first} and {feature}; "
                            "enterprise ids must be unique."), table=table, enterprise=eid, first=seen[eid],
                feature=feature)
        seen[eid] = feature
        name = _text(frame[fname].iloc[n]) if fname else ""
        label = f"{eid} {name}".strip()
        park = ""
        named = _text(frame[fpark].iloc[n]) if fpark else ""
        if named:
            park = by_park.get(fold_name(named), "")
            if not park:
                raise JwjtInputError(QT_TRANSLATE_NOOP(
                    "JwjtCore", "{table}, enterprise '{enterprise}' (feature {feature}): park '{park}' is not in the "
                                "park layer (parks: {parks})."), table=table, enterprise=label, feature=feature,
                    park=named, parks=", ".join(parks["park_name"].astype(str)))
        elif points is not None and points[n] is not None:
            park = _park_of(points[n], parks, label, log)
        if not park:
            outside.append(label)
        rows.append({"ent_id": eid, "ent_name": name or eid, "industry": _text(frame[find].iloc[n]) if find else "",
                     "park_id": park, "row": feature, "geometry": points[n] if points is not None else None})
    if outside:
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "{table}: {count} enterprise(s) lie outside every park and are left out of the park totals: "
                        "{enterprises}."), table=table, count=len(outside), enterprises=", ".join(outside[:20])
            + (" …" if len(outside) > 20 else ""))
    out = pd.DataFrame(rows)
    if points is None:
        return out.drop(columns=["geometry"])
    return gpd.GeoDataFrame(out, geometry="geometry", crs=parks.crs)


def _points_in_parks_crs(frame: gpd.GeoDataFrame, parks: gpd.GeoDataFrame) -> List[object]:
    geoms = frame.geometry
    if frame.crs is not None and parks.crs is not None and frame.crs != parks.crs:
        geoms = geoms.to_crs(parks.crs)
    out: List[object] = []
    for g in geoms:
        if g is None or g.is_empty:
            out.append(None)
        else:
            out.append(g if g.geom_type == "Point" else g.representative_point())
    return out


def _park_of(point, parks: gpd.GeoDataFrame, label: str, log: MessageLog) -> str:
    hits = [pid for pid, geom in zip(parks["park_id"], parks.geometry) if geom.covers(point)]
    if len(hits) > 1:
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Enterprise '{enterprise}' lies in parks {parks}, which overlap; it is counted in '{park}'. "
                        "Give the enterprise a park field to choose."),
            enterprise=label, parks=", ".join(hits), park=hits[0])
    return hits[0] if hits else ""


def _year_of(scenario: str) -> Optional[int]:
    m = re.search(r"(?<!\d)(19\d\d|20\d\d|21\d\d)(?!\d)", scenario)
    return int(m.group(1)) if m else None


def _amount(value: object, table: Text, row: int, label: str, item: str) -> float:
    text = _text(value)
    if text == "":
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "{table}, row {row} (enterprise '{enterprise}', '{item}'): the amount is missing."),
            table=table, row=row, enterprise=label, item=item)
    try:
        amount = float(text.replace(",", ""))
    except ValueError:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "{table}, row {row} (enterprise '{enterprise}', '{item}'): the amount '{value}' is not a "
                        "number."), table=table, row=row, enterprise=label, item=item, value=text) from None
    if not math.isfinite(amount) or amount < 0:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "{table}, row {row} (enterprise '{enterprise}', '{item}'): the amount {value} is negative or "
                        "not finite; activity data are quantities used or bought."),
            table=table, row=row, enterprise=label, item=item, value=text)
    return amount


def _unknown_items(unknown: Mapping[str, List[int]], factors: FactorTable, table: Text) -> JwjtInputError:
    listed = "; ".join(f"'{item}' (row{'s' if len(rows) > 1 else ''} {', '.join(map(str, rows[:10]))})"
                       for item, rows in unknown.items())
    names = sorted({f.name_zh or f.key for f in factors.factors})
    return JwjtInputError(QT_TRANSLATE_NOOP(
        "JwjtCore", "{table}: items not in the factor table '{factors}': {items}. Use a fuel, process, electricity "
                    "or heat of the table ({known}), 增加值/产值 or a pollutant (NOx, SO2, VOCs, PM2.5), or add a row "
                    "to your own factor table."), table=table, factors=factors.source, items=listed,
        known=", ".join(names))


def read_activity(frame: pd.DataFrame, factors: FactorTable, enterprises: pd.DataFrame, table: str,
                  fields: Optional[Mapping[str, str]] = None, log: Optional[MessageLog] = None) -> pd.DataFrame:
    """One row per activity record: ``ent_id, scenario, year, item, key, kind, amount, unit, amount_f,
    factor_unit, factor_row, row`` — ``amount_f`` in the factor's unit (万元 and t for the rest) and
    ``factor_row`` the index of the factor in ``factors.factors`` (-1 for non-carbon items)."""
    log = log if log is not None else MessageLog()
    fields = dict(fields or {})
    name = info(QT_TRANSLATE_NOOP("JwjtCore", "Activity table '{table}'"), table=table)
    cols = {role: _find_field(frame, role, ACTIVITY_FIELDS[role], fields.get(role), name, True)
            for role in ACTIVITY_FIELDS}
    labels = {e: f"{e} {n}".strip() if n != e else e for e, n in zip(enterprises["ent_id"], enterprises["ent_name"])}
    index = {f: i for i, f in enumerate(factors.factors)}
    unknown: Dict[str, List[int]] = {}
    unknown_ent: Dict[str, List[int]] = {}
    noted: set = set()
    out: List[Dict[str, object]] = []
    first_row: Dict[Tuple[str, str, str], int] = {}
    for n in range(len(frame)):
        row = n + 2  # the header is row 1, as a spreadsheet shows it
        values = {role: frame[c].iloc[n] for role, c in cols.items()}
        if all(_text(v) == "" for v in values.values()):
            continue
        eid, scenario, item = _text(values["enterprise"]), _text(values["scenario"]), _text(values["item"])
        if eid not in labels:
            unknown_ent.setdefault(eid, []).append(row)
            continue
        if not scenario:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "{table}, row {row} (enterprise '{enterprise}'): the scenario / year is empty."),
                table=name, row=row, enterprise=labels[eid])
        year = _year_of(scenario)
        key = _NON_CARBON_BY_NAME.get(fold_name(item))
        matched = None if key else factors.match(item)
        if key is None and matched is None:
            unknown.setdefault(item, []).append(row)
            continue
        amount = _amount(values["amount"], name, row, labels[eid], item)
        unit = _text(values["unit"])
        where = info(QT_TRANSLATE_NOOP("JwjtCore", "{table}, row {row} (enterprise '{enterprise}', '{item}')"),
                     table=name, row=row, enterprise=labels[eid], item=item)
        factor: Optional[Factor] = None
        if key is not None:
            kind, dimension, _names = NON_CARBON_ITEMS[key]
            target = _CANONICAL[dimension]
        else:
            assert matched is not None
            factor = factors.for_year(matched, year, info(QT_TRANSLATE_NOOP("JwjtCore", "{table}, scenario '{scenario}'"),
                                                          table=name, scenario=scenario),
                                      log if (matched[0].key, year) not in noted else None)
            noted.add((matched[0].key, year))
            key, kind, target = factor.key, factor.kind, factor.unit
        parsed = parse_unit(unit)
        if parsed is None and unit == "":
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "{where}: the unit is empty; give the unit the amount is in (the factor is per '{expected}')."),
                where=where, expected=target)
        amount_f = amount * conversion_factor(unit, target, where)
        dup = (eid, scenario, key)
        if dup in first_row:
            log.add(QT_TRANSLATE_NOOP(
                "JwjtCore", "{table}: rows {first} and {row} both give '{item}' for enterprise '{enterprise}' in "
                            "scenario '{scenario}'; both are counted."), table=name, first=first_row[dup], row=row,
                item=item, enterprise=labels[eid], scenario=scenario)
        else:
            first_row[dup] = row
        out.append({"ent_id": eid, "scenario": scenario, "year": year, "item": item, "key": key, "kind": kind,
                    "amount": amount, "unit": unit, "amount_f": amount_f, "factor_unit": target,
                    "factor_row": index[factor] if factor is not None else -1, "row": row})
    if unknown_ent:
        listed = "; ".join(f"'{e}' (rows {', '.join(map(str, rows[:10]))})" for e, rows in unknown_ent.items())
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "{table}: enterprises not in the enterprise layer: {enterprises}."),
            table=name, enterprises=listed)
    if unknown:
        raise _unknown_items(unknown, factors, name)
    if not out:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "{table} has no activity rows."), table=name)
    return pd.DataFrame(out)


def scenarios_in_order(activity: pd.DataFrame, first: Iterable[str] = ()) -> List[str]:
    """Scenarios by year (then by name), so 2020 < 2025 < 2035 whatever order the rows are in."""
    seen = list(dict.fromkeys(activity["scenario"]))
    years = dict(zip(activity["scenario"], activity["year"]))
    ordered = sorted(seen, key=lambda s: (years.get(s) is None or pd.isna(years.get(s)),
                                          years.get(s) or 0, s))
    lead = [s for s in first if s in ordered]
    return lead + [s for s in ordered if s not in lead]
