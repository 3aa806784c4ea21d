"""Units of park activity data (活动水平的计量单位) and their exact conversions.

Enterprise ledgers give coal in 吨 or 万吨, gas in 立方米 or 万立方米, electricity in 千瓦时, 万千瓦时 or MWh,
heat in GJ or 百万千焦, value added in 元, 万元 or 亿元. Each unit belongs to one dimension and is a fixed
multiple of that dimension's canonical unit, so converting is one multiplication; a unit of another
dimension (万千瓦时 given for a fuel counted in 吨) is an error, never a guess.

Unit names are matched after removing spaces and folding case and a few spellings
(``m³`` = ``m3``, ``×10⁴`` = ``10^4``), so "万 Nm3", "万m³" and "10^4Nm3" are one unit.
"""
from __future__ import annotations

import re
from enum import Enum
from typing import Dict, Optional, Tuple, Union

import numpy as np

from .messages import QT_TRANSLATE_NOOP, JwjtInputError, Message, info


class Dimension(str, Enum):
    MASS = "mass"              # canonical: t
    VOLUME = "volume"          # canonical: m³ (standard conditions, as the guidelines count gas)
    ELECTRICITY = "electricity"  # canonical: MWh
    HEAT = "heat"              # canonical: GJ
    MONEY = "money"            # canonical: 万元 (the unit of 增加值 in statistical yearbooks)


#: how a dimension is named in a message
DIMENSION_LABELS = {Dimension.MASS: QT_TRANSLATE_NOOP("JwjtCore", "mass"),
                    Dimension.VOLUME: QT_TRANSLATE_NOOP("JwjtCore", "gas volume"),
                    Dimension.ELECTRICITY: QT_TRANSLATE_NOOP("JwjtCore", "electricity"),
                    Dimension.HEAT: QT_TRANSLATE_NOOP("JwjtCore", "heat"),
                    Dimension.MONEY: QT_TRANSLATE_NOOP("JwjtCore", "money")}


def dimension_label(dimension: Dimension) -> Message:
    return info(DIMENSION_LABELS[dimension])


CANONICAL = {Dimension.MASS: "t", Dimension.VOLUME: "m³", Dimension.ELECTRICITY: "MWh",
             Dimension.HEAT: "GJ", Dimension.MONEY: "万元"}

#: spelling -> (dimension, size in the canonical unit). Keys are in :func:`_fold` form.
_UNITS: Dict[str, Tuple[Dimension, float]] = {}


def _add(dimension: Dimension, size: float, *names: str) -> None:
    for name in names:
        _UNITS[_fold(name)] = (dimension, size)


def _fold(unit: str) -> str:
    u = re.sub(r"\s+", "", str(unit)).lower()
    for a, b in (("³", "3"), ("×", ""), ("*", ""), ("⁴", "^4"), ("10^4", "万"), ("1e4", "万"), ("10^8", "亿"),
                 ("nm3", "m3"), ("标准立方米", "立方米"), ("标立方米", "立方米")):
        u = u.replace(a, b)
    return u


_add(Dimension.MASS, 1.0, "t", "吨", "tonne", "tonnes", "ton", "tons")
_add(Dimension.MASS, 1e4, "万t", "万吨", "10kt")
_add(Dimension.MASS, 1e-3, "kg", "千克", "公斤")
_add(Dimension.MASS, 1e3, "kt", "千吨")
_add(Dimension.MASS, 1e6, "Mt", "百万吨")
_add(Dimension.MASS, 1e8, "亿吨")
_add(Dimension.VOLUME, 1.0, "m3", "立方米", "方", "标方")
_add(Dimension.VOLUME, 1e4, "万m3", "万立方米", "万方", "万标方")
_add(Dimension.VOLUME, 1e8, "亿m3", "亿立方米")
_add(Dimension.VOLUME, 1e3, "千立方米")
_add(Dimension.ELECTRICITY, 1.0, "MWh", "兆瓦时", "千千瓦时")
_add(Dimension.ELECTRICITY, 1e-3, "kWh", "千瓦时", "度")
_add(Dimension.ELECTRICITY, 10.0, "万kWh", "万千瓦时", "万度")
_add(Dimension.ELECTRICITY, 1e3, "GWh", "百万千瓦时")
_add(Dimension.ELECTRICITY, 1e5, "亿kWh", "亿千瓦时")
_add(Dimension.HEAT, 1.0, "GJ", "吉焦", "百万千焦")
_add(Dimension.HEAT, 1e-3, "MJ", "兆焦", "千千焦")
_add(Dimension.HEAT, 1e3, "TJ", "太焦")
_add(Dimension.HEAT, 1e4, "万GJ", "万吉焦", "万百万千焦")
_add(Dimension.MONEY, 1.0, "万元", "万元人民币")
_add(Dimension.MONEY, 1e-4, "元", "yuan", "CNY", "RMB")
_add(Dimension.MONEY, 1e4, "亿元")


def parse_unit(unit: object) -> Optional[Tuple[Dimension, float]]:
    """(dimension, size in the canonical unit) of a unit name, or None when unknown."""
    if unit is None:
        return None
    return _UNITS.get(_fold(str(unit)))


def unit_dimension(unit: object) -> Optional[Dimension]:
    parsed = parse_unit(unit)
    return None if parsed is None else parsed[0]


Number = Union[float, np.ndarray]


def conversion_factor(from_unit: str, to_unit: str, where: object = "") -> float:
    """The number that turns an amount in ``from_unit`` into ``to_unit``.

    ``where`` names the table and row for the message ("activity table 'a.csv', row 12").
    """
    src, dst = parse_unit(from_unit), parse_unit(to_unit)
    if dst is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "{where}: unit '{unit}' is not known; use one of {known}."),
                             where=where or "factor table", unit=to_unit, known=known_units())
    if src is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "{where}: unit '{unit}' is not known; for this item use a unit of {dimension} such as {example}."),
            where=where or "activity table", unit=from_unit, dimension=dimension_label(dst[0]), example=examples(dst[0]))
    if src[0] is not dst[0]:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "{where}: unit '{unit}' is {got}, but the factor is per '{expected}' ({dimension}); "
                        "give the amount in a unit of {dimension} such as {example}."),
            where=where or "activity table", unit=from_unit, got=dimension_label(src[0]), expected=to_unit,
            dimension=dimension_label(dst[0]), example=examples(dst[0]))
    return src[1] / dst[1]


def convert(amount: Number, from_unit: str, to_unit: str, where: object = "") -> Number:
    return amount * conversion_factor(from_unit, to_unit, where)


def examples(dimension: Dimension) -> str:
    return {Dimension.MASS: "t, 万吨, kg", Dimension.VOLUME: "m³, 万立方米, 亿立方米",
            Dimension.ELECTRICITY: "MWh, 万千瓦时, kWh", Dimension.HEAT: "GJ, TJ, 百万千焦",
            Dimension.MONEY: "万元, 元, 亿元"}[dimension]


def known_units() -> str:
    return "; ".join(f"{d.value}: {examples(d)}" for d in Dimension)
