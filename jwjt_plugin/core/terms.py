"""The official vocabulary of the plugin: one table of terms, one palette per concept.

Every closed list the plugin shows (unit classes, the four access-list dimensions, synergy
classes, query verdicts, the three plan lines of 三区三线, synergy quadrants, Boston groups,
coordination grades, sectors) is an enum here. Each member's value is the code the data
and the frames carry (1/2/3, "spatial", "A", "pass" ...), so ``UnitClass(1)`` or
``Dimension("resource")`` reads it back; :func:`term` gives its English label (a template
marked for translation in the core's context, like core/messages.py) and its official
Chinese term, and :func:`label` renders both the one way the plugin shows them.

Where policy texts word a term differently, the official term is the one of the standard
schema (DOMAIN.md §2: ``ZYKFXLYQ`` = 资源开发效率要求) and the other wordings are
``aliases``, accepted when reading (:func:`dimension_from_text`), never written.

Colours are hex strings keyed by the members' values; the map (adapters/styles.py), the
atlas (atlas/symbology.py), the results table and the reports all read them from here.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, IntEnum
from typing import Callable, Dict, Optional, Tuple, Type, TypeVar

from .messages import QT_TRANSLATE_NOOP

Translate = Callable[[str], str]
E = TypeVar("E", bound=Enum)


class UnitClass(IntEnum):
    """环境管控单元分类 (field ZHGKDYFL, and the class digit of the unit code)."""
    PRIORITY = 1
    KEY = 2
    GENERAL = 3


class Dimension(str, Enum):
    """The four dimensions of the environmental access list, in their official order."""
    SPATIAL = "spatial"
    EMISSION = "emission"
    RISK = "risk"
    RESOURCE = "resource"


class SynergyClass(str, Enum):
    """Synergy class of a unit (field SYN_CLASS), strongest first."""
    SYNERGY = "A"
    CARBON = "B"
    POLLUTANT = "C"
    OTHER = "D"


class FlaggedClass(str, Enum):
    """A synergy hotspot (class A) crossed with the unit's control class (A + UNIT_CLS)."""
    PRIORITY = "A1"
    KEY = "A2"
    GENERAL = "A3"
    UNKNOWN = "A0"


class Verdict(str, Enum):
    """Verdict of the site access query (环境准入一键查)."""
    PASS = "pass"
    RESTRICTED = "restricted"
    FAIL = "fail"
    NEEDS_INFO = "needs_info"


class PlanKind(str, Enum):
    """The three control lines of territorial spatial planning (三区三线); ids = sample layer names."""
    REDLINE = "ecological_redline"
    FARMLAND = "permanent_farmland"
    URBAN = "urban_boundary"


class Quadrant(str, Enum):
    """Position in the synergy coordinate system (x = CO2 reduction, y = pollutant reduction)."""
    I = "I"  # noqa: E741 - the quadrant's name
    II = "II"
    III = "III"
    IV = "IV"
    POS_X = "+X"
    NEG_X = "-X"
    POS_Y = "+Y"
    NEG_Y = "-Y"
    ORIGIN = "O"


class BostonGroup(str, Enum):
    """Boston (BCG) matrix group of a sector: emission share against growth."""
    STAR = "star"
    QUESTION = "question"
    CASH_COW = "cash_cow"
    DOG = "dog"


class Grade(IntEnum):
    """Grade of the coupling coordination degree D, in steps of 0.1 (DOMAIN.md §5)."""
    EXTREME_IMBALANCE = 1
    SERIOUS_IMBALANCE = 2
    MODERATE_IMBALANCE = 3
    MILD_IMBALANCE = 4
    VERGE_OF_IMBALANCE = 5
    BARELY_COORDINATED = 6
    PRIMARY = 7
    INTERMEDIATE = 8
    GOOD = 9
    HIGH_QUALITY = 10


class Sector(str, Enum):
    """The MEIC sectors, in display order, and the total; other sector names pass as given."""
    POWER = "power"
    INDUSTRY = "industry"
    RESIDENTIAL = "residential"
    TRANSPORT = "transport"
    AGRICULTURE = "agriculture"
    TOTAL = "total"


class ZoneElement(str, Enum):
    """环境要素 of an element control zone (要素管控分区, field HJYS), DOMAIN.md §2 and §7."""
    ECOLOGY = "ecology"
    AIR = "air"
    WATER = "water"
    SOIL = "soil"
    RESOURCE = "resource"
    SYNERGY = "synergy"


class DelineationMethod(str, Enum):
    """How units are built from element zones (DOMAIN.md §7)."""
    OVERLAY = "overlay"
    FITTING = "fitting"


@dataclass(frozen=True)
class Term:
    en: str                          # English label, a template translated in context "JwjtCore"
    zh: str                          # the official Chinese term
    aliases: Tuple[str, ...] = ()    # other wordings accepted when reading, never written
    field: str = ""                  # standard field name, where the term is a field
    field_aliases: Tuple[str, ...] = ()  # other field names seen in deployed layers


#: (member, term) in display order. Keyed by (enum, value) below: IntEnum members of two enums
#: (UnitClass.KEY, Grade.SERIOUS_IMBALANCE) compare equal, so they cannot share a dict.
TERMS: Tuple[Tuple[Enum, Term], ...] = (
    (UnitClass.PRIORITY, Term(QT_TRANSLATE_NOOP("JwjtCore", "Priority protection"), "优先保护")),
    (UnitClass.KEY, Term(QT_TRANSLATE_NOOP("JwjtCore", "Key control"), "重点管控")),
    (UnitClass.GENERAL, Term(QT_TRANSLATE_NOOP("JwjtCore", "General control"), "一般管控")),

    (Dimension.SPATIAL, Term(QT_TRANSLATE_NOOP("JwjtCore", "Spatial layout constraints"), "空间布局约束",
                            field="KJBJYS")),
    (Dimension.EMISSION, Term(QT_TRANSLATE_NOOP("JwjtCore", "Pollutant and carbon emission control"),
                             "污染物排放管控", field="PWWPFGK", field_aliases=("WRWPFGK",))),
    (Dimension.RISK, Term(QT_TRANSLATE_NOOP("JwjtCore", "Environmental risk prevention"), "环境风险防控",
                         field="HJFXFK")),
    # The schema's field ZYKFXLYQ spells 资源开发效率要求; pilot texts also say 资源利用效率.
    (Dimension.RESOURCE, Term(QT_TRANSLATE_NOOP("JwjtCore", "Resource use efficiency"), "资源开发效率要求",
                             ("资源利用效率", "资源利用效率要求"), field="ZYKFXLYQ", field_aliases=("ZYLYXL",))),

    (SynergyClass.SYNERGY, Term(QT_TRANSLATE_NOOP("JwjtCore", "Synergy hotspot"), "协同热点")),
    (SynergyClass.CARBON, Term(QT_TRANSLATE_NOOP("JwjtCore", "Carbon hotspot only"), "仅碳排放热点")),
    (SynergyClass.POLLUTANT, Term(QT_TRANSLATE_NOOP("JwjtCore", "Pollutant hotspot only"), "仅污染物热点")),
    (SynergyClass.OTHER, Term(QT_TRANSLATE_NOOP("JwjtCore", "No hotspot"), "非热点")),

    (FlaggedClass.PRIORITY, Term(QT_TRANSLATE_NOOP("JwjtCore", "Synergy hotspot in a priority-protection unit"),
                                "优先保护单元中的协同热点")),
    (FlaggedClass.KEY, Term(QT_TRANSLATE_NOOP("JwjtCore", "Synergy hotspot in a key-control unit"),
                           "重点管控单元中的协同热点")),
    (FlaggedClass.GENERAL, Term(QT_TRANSLATE_NOOP("JwjtCore", "Synergy hotspot in a general-control unit"),
                               "一般管控单元中的协同热点")),
    (FlaggedClass.UNKNOWN, Term(QT_TRANSLATE_NOOP("JwjtCore", "Synergy hotspot, unit class unknown"),
                               "协同热点（单元分类未知）")),

    (Verdict.PASS, Term(QT_TRANSLATE_NOOP("JwjtCore", "Pass"), "通过")),
    (Verdict.RESTRICTED, Term(QT_TRANSLATE_NOOP("JwjtCore", "Restricted access"), "受限准入")),
    (Verdict.FAIL, Term(QT_TRANSLATE_NOOP("JwjtCore", "Fail"), "不通过")),
    (Verdict.NEEDS_INFO, Term(QT_TRANSLATE_NOOP("JwjtCore", "More information needed"), "待补充信息")),

    (PlanKind.REDLINE, Term(QT_TRANSLATE_NOOP("JwjtCore", "Ecological protection red line"), "生态保护红线")),
    (PlanKind.FARMLAND, Term(QT_TRANSLATE_NOOP("JwjtCore", "Permanent basic farmland"), "永久基本农田")),
    (PlanKind.URBAN, Term(QT_TRANSLATE_NOOP("JwjtCore", "Urban development boundary"), "城镇开发边界")),

    (Quadrant.I, Term(QT_TRANSLATE_NOOP("JwjtCore", "I synergy: both fall"), "协同减排")),
    (Quadrant.II, Term(QT_TRANSLATE_NOOP("JwjtCore", "II trade-off: pollutant falls, CO2 rises"), "减污增碳")),
    (Quadrant.III, Term(QT_TRANSLATE_NOOP("JwjtCore", "III both rise"), "协同增排")),
    (Quadrant.IV, Term(QT_TRANSLATE_NOOP("JwjtCore", "IV trade-off: CO2 falls, pollutant rises"), "降碳增污")),
    (Quadrant.POS_X, Term(QT_TRANSLATE_NOOP("JwjtCore", "On the x axis: CO2 falls, pollutant unchanged"), "仅降碳")),
    (Quadrant.NEG_X, Term(QT_TRANSLATE_NOOP("JwjtCore", "On the x axis: CO2 rises, pollutant unchanged"), "仅增碳")),
    (Quadrant.POS_Y, Term(QT_TRANSLATE_NOOP("JwjtCore", "On the y axis: pollutant falls, CO2 unchanged"), "仅减污")),
    (Quadrant.NEG_Y, Term(QT_TRANSLATE_NOOP("JwjtCore", "On the y axis: pollutant rises, CO2 unchanged"), "仅增污")),
    (Quadrant.ORIGIN, Term(QT_TRANSLATE_NOOP("JwjtCore", "At the origin: neither changes"), "均无变化")),

    (BostonGroup.STAR, Term(QT_TRANSLATE_NOOP("JwjtCore", "Star: large share, growing"), "明星")),
    (BostonGroup.QUESTION, Term(QT_TRANSLATE_NOOP("JwjtCore", "Question mark: small share, growing"), "问题")),
    (BostonGroup.CASH_COW, Term(QT_TRANSLATE_NOOP("JwjtCore", "Cash cow: large share, not growing"), "金牛")),
    (BostonGroup.DOG, Term(QT_TRANSLATE_NOOP("JwjtCore", "Dog: small share, not growing"), "瘦狗")),

    (Grade.EXTREME_IMBALANCE, Term(QT_TRANSLATE_NOOP("JwjtCore", "Extreme imbalance"), "极度失调")),
    (Grade.SERIOUS_IMBALANCE, Term(QT_TRANSLATE_NOOP("JwjtCore", "Serious imbalance"), "严重失调")),
    (Grade.MODERATE_IMBALANCE, Term(QT_TRANSLATE_NOOP("JwjtCore", "Moderate imbalance"), "中度失调")),
    (Grade.MILD_IMBALANCE, Term(QT_TRANSLATE_NOOP("JwjtCore", "Mild imbalance"), "轻度失调")),
    (Grade.VERGE_OF_IMBALANCE, Term(QT_TRANSLATE_NOOP("JwjtCore", "Verge of imbalance"), "濒临失调")),
    (Grade.BARELY_COORDINATED, Term(QT_TRANSLATE_NOOP("JwjtCore", "Barely coordinated"), "勉强协调")),
    (Grade.PRIMARY, Term(QT_TRANSLATE_NOOP("JwjtCore", "Primary coordination"), "初级协调")),
    (Grade.INTERMEDIATE, Term(QT_TRANSLATE_NOOP("JwjtCore", "Intermediate coordination"), "中级协调")),
    (Grade.GOOD, Term(QT_TRANSLATE_NOOP("JwjtCore", "Good coordination"), "良好协调")),
    (Grade.HIGH_QUALITY, Term(QT_TRANSLATE_NOOP("JwjtCore", "High-quality coordination"), "优质协调")),

    # Sector codes are the MEIC sector names as the grids spell them (co2_2020_power); the code
    # still reads back (names() includes it). "Industrial", not "Industry": that word is 行业.
    (Sector.POWER, Term(QT_TRANSLATE_NOOP("JwjtCore", "Power"), "电力", ("electricity", "energy", "火电"))),
    (Sector.INDUSTRY, Term(QT_TRANSLATE_NOOP("JwjtCore", "Industrial"), "工业", ("industry", "ind"))),
    (Sector.RESIDENTIAL, Term(QT_TRANSLATE_NOOP("JwjtCore", "Residential"), "居民生活", ("resident", "res", "domestic", "居民", "生活"))),
    (Sector.TRANSPORT, Term(QT_TRANSLATE_NOOP("JwjtCore", "Transport"), "交通", ("transportation", "tra", "traffic"))),
    (Sector.AGRICULTURE, Term(QT_TRANSLATE_NOOP("JwjtCore", "Agriculture"), "农业", ("agricultural", "agr"))),
    (Sector.TOTAL, Term(QT_TRANSLATE_NOOP("JwjtCore", "All sectors"), "合计", ("all", "总计"))),

    (ZoneElement.ECOLOGY, Term(QT_TRANSLATE_NOOP("JwjtCore", "Ecology"), "生态", ("生态空间", "生态环境", "ecological"))),
    (ZoneElement.AIR, Term(QT_TRANSLATE_NOOP("JwjtCore", "Air"), "大气环境", ("大气", "atmosphere"))),
    (ZoneElement.WATER, Term(QT_TRANSLATE_NOOP("JwjtCore", "Water"), "水环境", ("水", "地表水"))),
    (ZoneElement.SOIL, Term(QT_TRANSLATE_NOOP("JwjtCore", "Soil"), "土壤环境", ("土壤", "土壤污染风险"))),
    (ZoneElement.RESOURCE, Term(QT_TRANSLATE_NOOP("JwjtCore", "Resource use"), "资源利用",
                                ("自然资源", "资源", "能源", "高污染燃料禁燃区"))),
    (ZoneElement.SYNERGY, Term(QT_TRANSLATE_NOOP("JwjtCore", "Pollution–carbon synergy"), "减污降碳协同",
                               ("协同", "碳排放", "pollution-carbon synergy"))),

    (DelineationMethod.OVERLAY, Term(QT_TRANSLATE_NOOP("JwjtCore", "Overlay of element zones"), "叠加法")),
    (DelineationMethod.FITTING, Term(QT_TRANSLATE_NOOP("JwjtCore", "Fitting to boundaries"), "拟合法")),
)
_BY_MEMBER: Dict[Tuple[type, object], Term] = {(type(m), m.value): t for m, t in TERMS}


# -- palettes: one per concept, keyed by the members' values --------------------------------
#: Control-unit classes as 三线一单 maps show them: green, red, yellow; grey when unknown (0).
UNIT_CLASS_COLOURS: Dict[int, str] = {UnitClass.PRIORITY.value: "#66bd63", UnitClass.KEY.value: "#f46d43",
                                      UnitClass.GENERAL.value: "#fee08b", 0: "#bdbdbd"}
#: Unit proposals from synergy zones (core/unit_proposals.ProposalKind values): a new class red,
#: a split orange, added requirements blue (an outline: the unit itself does not change).
PROPOSAL_COLOURS: Dict[str, str] = {"reclassify": "#d7301f", "split": "#fc8d59", "requirements": "#4575b4"}
#: Synergy classes (colour-blind safe: reds for hotspots, blue, pale grey).
SYNERGY_CLASS_COLOURS: Dict[str, str] = {SynergyClass.SYNERGY.value: "#d7301f", SynergyClass.CARBON.value: "#fdbb84",
                                         SynergyClass.POLLUTANT.value: "#9ecae1", SynergyClass.OTHER.value: "#f0f0f0"}
#: Flagged units by control class: darkest where a hotspot sits in a priority-protection unit.
FLAGGED_CLASS_COLOURS: Dict[str, str] = {FlaggedClass.PRIORITY.value: "#67000d", FlaggedClass.KEY.value: "#d7301f",
                                         FlaggedClass.GENERAL.value: "#fc8d59", FlaggedClass.UNKNOWN.value: "#ef3b2c"}
#: Verdict -> (text colour, background, border).
VERDICT_COLOURS: Dict[str, Tuple[str, str, str]] = {
    Verdict.PASS.value: ("#14532d", "#dcfce7", "#16a34a"),
    Verdict.RESTRICTED.value: ("#713f12", "#fef3c7", "#d97706"),
    Verdict.FAIL.value: ("#7f1d1d", "#fee2e2", "#dc2626"),
    Verdict.NEEDS_INFO.value: ("#1e3a5f", "#e0ecfa", "#2563eb"),
}
#: Synergy quadrants: background fill and point colour (trade-offs share the amber fill).
QUADRANT_FILL: Dict[str, str] = {"I": "#e3f2e1", "II": "#fff1d6", "III": "#fbe0dc", "IV": "#fff1d6"}
QUADRANT_COLOURS: Dict[str, str] = {"I": "#2e7d32", "II": "#e08e0b", "III": "#c62828", "IV": "#b8860b"}
#: Boston groups: background fill and point colour.
BOSTON_FILL: Dict[str, str] = {"star": "#fbe0dc", "question": "#fff1d6", "cash_cow": "#e3ecf7", "dog": "#eeeeee"}
BOSTON_COLOURS: Dict[str, str] = {"star": "#c62828", "question": "#e08e0b", "cash_cow": "#1f5fa8", "dog": "#616161"}
#: Emission grids on the map: a six-class perceptual sequential ramp (ColorBrewer, light to dark)
#: per species. CO2, the grid shown first, is blue-purple so that the green/red/yellow unit
#: outlines drawn above it stay visible; other species fall back to CO2's ramp.
EMISSION_RAMPS: Dict[str, Tuple[str, ...]] = {
    "CO2": ("#edf8fb", "#bfd3e6", "#9ebcda", "#8c96c6", "#8856a7", "#810f7c"),      # BuPu
    "NOx": ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026"),      # YlOrRd
    "VOCs": ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"),     # YlGnBu
    "PM2.5": ("#f1eef6", "#d4b9da", "#c994c7", "#df65b0", "#dd1c77", "#980043"),    # PuRd
}
#: Control units drawn as outlines over a grid: the class colours darkened so that a thin line
#: still reads on light cells (the pale yellow of 一般管控 would vanish); grey when unknown.
UNIT_CLASS_OUTLINES: Dict[int, str] = {UnitClass.PRIORITY.value: "#1a9641", UnitClass.KEY.value: "#d7191c",
                                       UnitClass.GENERAL.value: "#b07d00", 0: "#737373"}
#: The three plan lines as outlines on top of the sample map (none in a colour of the unit outlines
#: or of the CO2 ramp: the urban boundary is near-black, the farmland brown).
PLAN_LINE_COLOURS: Dict[str, str] = {PlanKind.REDLINE.value: "#1a7837", PlanKind.FARMLAND.value: "#8c510a",
                                     PlanKind.URBAN.value: "#252525"}
#: Plan-conflict rule id -> fill colour; rules of the user's own take the spare colours in turn.
PLAN_RULE_COLOURS: Dict[str, str] = {"redline_outside_priority": "#1a9850", "urban_in_priority": "#d73027",
                                     "farmland_in_urban": "#fdae61", "redline_in_urban": "#762a83",
                                     "redline_in_farmland": "#4575b4"}
PLAN_RULE_SPARE_COLOURS: Tuple[str, ...] = ("#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666", "#1b9e77")
#: Outlines of the synergy classes B and C on the map: their pale fills alone vanish over a grid.
SYNERGY_CLASS_OUTLINES: Dict[str, str] = {SynergyClass.CARBON.value: "#d94801", SynergyClass.POLLUTANT.value: "#2171b5"}
#: Unit QA findings by severity (fill, outline).
QA_SEVERITY_COLOURS: Dict[str, Tuple[str, str]] = {"error": ("#e31a1c", "#67000d"), "warning": ("#fdae61", "#a6611a")}
#: Coordination grades 1 (极度失调) … 10 (优质协调): a diverging red–yellow–green ramp (ColorBrewer
#: RdYlGn, 10 classes), imbalance red, coordination green.
GRADE_COLOURS: Dict[int, str] = {1: "#a50026", 2: "#d73027", 3: "#f46d43", 4: "#fdae61", 5: "#fee08b",
                                 6: "#d9ef8b", 7: "#a6d96a", 8: "#66bd63", 9: "#1a9850", 10: "#006837"}


# -- reading and writing --------------------------------------------------------------------
def field_candidates(member: Dimension) -> Tuple[str, ...]:
    """Field names of a dimension, in order of preference: standard, other pinyin, term, aliases."""
    t = term(member)
    return (t.field, *t.field_aliases, t.zh, *t.aliases)


def term(member: Enum) -> Term:
    return _BY_MEMBER[(type(member), member.value)]


def en(member: Enum) -> str:
    """The English label (untranslated template)."""
    return term(member).en


def zh(member: Enum) -> str:
    """The official Chinese term."""
    return term(member).zh


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def label(member: Enum, translate: Optional[Translate] = None, with_zh: bool = True,
          pattern: str = "{text} ({zh})") -> str:
    """The translated English label, followed by the Chinese term unless the translation is
    already Chinese (a zh_CN user would otherwise read "通过（通过）")."""
    t = term(member)
    text = translate(t.en) if translate is not None else t.en
    return join_zh(text, t.zh, pattern) if with_zh else text


def join_zh(text: str, zh_term: str, pattern: str = "{text} ({zh})") -> str:
    """``text`` followed by the Chinese term, unless ``text`` is already Chinese. For lists
    that are not in this table (industries): every label goes through here."""
    return text if has_cjk(text) else pattern.format(text=text, zh=zh_term)


def labels(enum_cls: Type[E], translate: Optional[Translate] = None) -> Dict:
    """value -> English label (translated when ``translate`` is given), in the enum's order."""
    return {m.value: (translate(en(m)) if translate else en(m)) for m in enum_cls}


def labels_zh(enum_cls: Type[E]) -> Dict:
    """value -> official Chinese term, in the enum's order."""
    return {m.value: zh(m) for m in enum_cls}


def names(member: Enum) -> Tuple[str, ...]:
    """Every wording that reads back to ``member``: the code, English label, term, aliases."""
    t = term(member)
    return (str(member.value), t.en, t.zh, *t.aliases) + ((t.field,) if t.field else ()) + t.field_aliases


def from_text(enum_cls: Type[E], text) -> Optional[E]:
    """The member whose code, label, field name, term or alias equals ``text`` (case and
    spaces ignored); None when none does."""
    key = "".join(str(text if text is not None else "").split()).casefold()
    if not key:
        return None
    for member in enum_cls:
        if any("".join(n.split()).casefold() == key for n in names(member)):
            return member
    return None


def dimension_from_text(text) -> Optional[Dimension]:
    """The access-list dimension a code, field name or Chinese heading names; a heading that
    contains a term or alias ("三、资源利用效率要求") counts too. None when it names none."""
    exact = from_text(Dimension, text)
    if exact is not None or not text:
        return exact
    s = str(text)
    # longest wording first, so that 资源利用效率要求 is not read as its prefix
    words = sorted(((w, m) for m in Dimension for w in (zh(m), *term(m).aliases)), key=lambda p: -len(p[0]))
    for word, member in words:
        if word in s:
            return member
    return None
