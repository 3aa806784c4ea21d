"""Industries a site query asks about, and how access-list wording is read.

An access list (生态环境准入清单) names industries in Chinese ("禁止新建钢铁、焦化…") or
through generic groups ("高耗能、高排放项目", "工业项目"). Each industry here carries the
words that identify it and the groups it belongs to; the wording classifier tells whether a
clause forbids (禁止, 严禁, 不得 …) or restricts (限制, 原则上, 等量替代, 须 …) what it names,
with conditional prohibitions ("原则上不得", "未经评估不得", "不符合规划的…禁止") read as
restrictions, and lifted restrictions ("无须", "不再限制") as neither.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, FrozenSet, List, Optional, Sequence, Tuple

from .messages import QT_TRANSLATE_NOOP, JwjtInputError

FORBIDDEN = "forbidden"
RESTRICTED = "restricted"

CATEGORY_LABELS = {
    FORBIDDEN: QT_TRANSLATE_NOOP("JwjtCore", "Forbidden"),
    RESTRICTED: QT_TRANSLATE_NOOP("JwjtCore", "Restricted"),
}
CATEGORY_LABELS_ZH = {FORBIDDEN: "禁止类", RESTRICTED: "限制类"}

# -- generic groups ------------------------------------------------------------------------
#: group -> words that name it in requirement text
GROUP_WORDS: Dict[str, Tuple[str, ...]] = {
    "two_high": ("两高", "高耗能", "高能耗", "高排放"),
    "heavy_pollution": ("重污染", "高污染"),
    "industrial": ("工业项目", "工业类项目", "工业建设项目", "工业污染物"),
    "vocs": ("挥发性有机物", "VOCs", "VOCS"),
}

_TWO_HIGH = frozenset({"two_high", "heavy_pollution", "industrial"})
_POLLUTING = frozenset({"heavy_pollution", "industrial"})


@dataclass(frozen=True)
class Industry:
    key: str
    name: str                     # English, translated on the QGIS side
    name_zh: str
    keywords: Tuple[str, ...]     # words that name this industry itself
    groups: FrozenSet[str]        # generic groups (GROUP_WORDS) that include it
    industrial: bool = True       # an industrial project (the 优先保护 rule applies)
    urban_use: bool = False       # residential/commercial (the urban-boundary rule applies)

    @property
    def group_words(self) -> Tuple[str, ...]:
        return tuple(w for g in sorted(self.groups) for w in GROUP_WORDS[g])


INDUSTRIES: Tuple[Industry, ...] = (
    Industry("steel", QT_TRANSLATE_NOOP("JwjtCore", "Iron and steel"), "钢铁",
             ("钢铁", "炼钢", "炼铁", "烧结", "球团"), _TWO_HIGH),
    Industry("coking", QT_TRANSLATE_NOOP("JwjtCore", "Coking"), "焦化", ("焦化", "炼焦", "焦炭"), _TWO_HIGH),
    Industry("cement", QT_TRANSLATE_NOOP("JwjtCore", "Cement"), "水泥", ("水泥", "熟料"), _TWO_HIGH),
    Industry("aluminium", QT_TRANSLATE_NOOP("JwjtCore", "Electrolytic aluminium"), "电解铝",
             ("电解铝", "铝冶炼"), _TWO_HIGH),
    Industry("petrochemical", QT_TRANSLATE_NOOP("JwjtCore", "Petrochemicals and oil refining"), "石化",
             ("石化", "炼油", "炼化", "原油加工", "石油化工"), _TWO_HIGH | {"vocs"}),
    Industry("flat_glass", QT_TRANSLATE_NOOP("JwjtCore", "Flat glass"), "平板玻璃", ("平板玻璃", "浮法玻璃"),
             _TWO_HIGH),
    Industry("coal_power", QT_TRANSLATE_NOOP("JwjtCore", "Coal-fired power"), "火电",
             ("火电", "燃煤电厂", "燃煤发电", "煤电", "燃煤机组"), _TWO_HIGH),
    Industry("chemical", QT_TRANSLATE_NOOP("JwjtCore", "Chemicals"), "化工", ("化工",), _TWO_HIGH | {"vocs"}),
    Industry("nonferrous", QT_TRANSLATE_NOOP("JwjtCore", "Non-ferrous metal smelting"), "有色金属冶炼",
             ("有色金属冶炼", "有色冶炼", "铜冶炼", "铅锌冶炼"), _TWO_HIGH),
    Industry("dyeing", QT_TRANSLATE_NOOP("JwjtCore", "Textile dyeing and finishing"), "印染", ("印染",), _POLLUTING),
    Industry("paper", QT_TRANSLATE_NOOP("JwjtCore", "Pulp and paper"), "造纸", ("造纸", "制浆"), _POLLUTING),
    Industry("tannery", QT_TRANSLATE_NOOP("JwjtCore", "Leather tanning"), "制革", ("制革", "鞣革"), _POLLUTING),
    Industry("electroplating", QT_TRANSLATE_NOOP("JwjtCore", "Electroplating"), "电镀", ("电镀",), _POLLUTING),
    Industry("furniture", QT_TRANSLATE_NOOP("JwjtCore", "Furniture manufacturing"), "家具制造",
             ("家具制造", "家具"), frozenset({"industrial", "vocs"})),
    Industry("printing", QT_TRANSLATE_NOOP("JwjtCore", "Packaging and printing"), "包装印刷",
             ("包装印刷", "印刷"), frozenset({"industrial", "vocs"})),
    Industry("coating", QT_TRANSLATE_NOOP("JwjtCore", "Industrial coating"), "涂装", ("涂装", "喷涂", "喷漆"),
             frozenset({"industrial", "vocs"})),
    Industry("light_industry", QT_TRANSLATE_NOOP("JwjtCore", "General light manufacturing"), "一般制造业",
             ("一般制造业", "轻工业", "轻工"), frozenset({"industrial"})),
    Industry("residential_commercial", QT_TRANSLATE_NOOP("JwjtCore", "Residential and commercial"), "居住与商业",
             ("住宅", "居住区", "居住用地", "商住", "商业", "房地产", "商品房"), frozenset(),
             industrial=False, urban_use=True),
)

INDUSTRY_KEYS: Tuple[str, ...] = tuple(i.key for i in INDUSTRIES)
_BY_KEY = {i.key: i for i in INDUSTRIES}


def get_industry(key: str) -> Industry:
    try:
        return _BY_KEY[key]
    except KeyError:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Unknown industry '{industry}'; choose one of: {keys}."),
                             industry=key, keys=", ".join(INDUSTRY_KEYS)) from None


# -- wording -------------------------------------------------------------------------------
_FORBIDDEN_RE = re.compile(r"一律不得|一律不予|一律禁止|禁止|严禁|一律不|不得|不予|不准|不允许|停止审批|不再审批")
_RESTRICTED_RE = re.compile(
    r"限制|严格控制|从严控制|严控|控制[^，,；;。]{0,6}规模|原则上|不宜|不再新增|不再新建|总量控制"
    r"|(?:[一二两三四五\d]+倍)?(?:等量|减量|倍量|削减量)(?:或(?:等量|减量|倍量))?(?:替代|置换)|产能置换|"
    r"必须|(?<![无不必])须|应当|应(?:按|符合|满足|达到|进入|实施|实行|执行|采用|落实|同步|配套|依法)|严格执行|确需")
#: Lifted restrictions: these read as neither forbidden nor restricted.
_LIFTED_RE = re.compile(r"不(?:再)?(?:受)?限制|取消限制|无须|无需|不须|不必|不需")
#: In the clause of a prohibition, these make it conditional: only a restriction.
_CONDITIONAL_RE = re.compile(
    r"原则上|未经|未取得|未通过|未依法|未落实|未完成|未达到|未纳入|未批先建|擅自|不符合|不满足|达不到|无关|"
    r"确需|除[^，,；;。]{1,30}外|(?:园区|集聚区|工业区|开发区|规划区|集中区)(?:以)?外(?!围|侧|缘)")

_CLAUSE_SPLIT = re.compile(r"[，,：:]")
_SENTENCE_SPLIT = re.compile(r"[。；;！!\n\r]+")


@dataclass(frozen=True)
class Wording:
    """How a piece of text binds what it names: a category and the words that decided it."""

    category: Optional[str]   # FORBIDDEN, RESTRICTED or None
    word: str = ""            # the wording relied on, e.g. "禁止", "原则上不得", "等量或减量替代"


def _mask(text: str, pattern: re.Pattern) -> str:
    return pattern.sub(lambda m: "\u3000" * len(m.group(0)), text)


def classify_clause(clause: str) -> Wording:
    """Classify one clause (no commas inside): forbidden, restricted or neither."""
    text = _mask(clause, _LIFTED_RE)
    forbidden = list(_FORBIDDEN_RE.finditer(text))
    if forbidden:
        cond = _CONDITIONAL_RE.search(text)
        if cond is None:
            return Wording(FORBIDDEN, forbidden[0].group(0))
        first = forbidden[0]
        lo, hi = min(cond.start(), first.start()), max(cond.end(), first.end())
        # Quote the conditional words with the prohibition they qualify ("原则上不得").
        return Wording(RESTRICTED, clause[lo:hi] if hi - lo <= 12 else f"{cond.group(0)}…{first.group(0)}")
    restricted = _RESTRICTED_RE.search(text)
    if restricted:
        return Wording(RESTRICTED, restricted.group(0))
    return Wording(None)


def classify_wording(text: str) -> Wording:
    """The strongest wording of a sentence or clause list: forbidden > restricted > None."""
    best = Wording(None)
    for w in _classify_clauses(split_clauses(text)):
        if w.category == FORBIDDEN:
            return w
        if w.category == RESTRICTED and best.category is None:
            best = w
    return best


def _classify_clauses(clauses: Sequence[str]) -> List[Wording]:
    """Each clause's wording; a leading condition ("除…外，", "未经批准，") makes the
    prohibitions after it in the sentence conditional too."""
    out: List[Wording] = []
    condition: Optional[str] = None
    for clause in clauses:
        w = classify_clause(clause)
        if w.category is None:
            cond = _CONDITIONAL_RE.search(_mask(clause, _LIFTED_RE))
            if cond is not None and condition is None:
                condition = cond.group(0)
        elif w.category == FORBIDDEN and condition is not None:
            w = Wording(RESTRICTED, f"{condition}…{w.word}")
        out.append(w)
    return out


def split_sentences(text: Optional[str]) -> List[str]:
    if text is None:
        return []
    return [s.strip() for s in _SENTENCE_SPLIT.split(str(text)) if s.strip()]


def split_clauses(sentence: str) -> List[str]:
    return [c for c in _CLAUSE_SPLIT.split(sentence) if c.strip()]


@dataclass(frozen=True)
class SentenceMatch:
    """A sentence that names an industry together with binding wording."""

    category: str          # FORBIDDEN or RESTRICTED
    keyword: str           # the industry or group word found
    word: str              # the wording relied on
    via_group: bool        # matched through a generic group ("高耗能" …), not the industry's own name


def _find_keyword(clause: str, words: Sequence[str]) -> Optional[str]:
    hits = [(clause.find(w), -len(w), w) for w in words if w and w in clause]
    return min(hits)[2] if hits else None


def match_sentence(sentence: str, industry: Industry) -> Optional[SentenceMatch]:
    """Does ``sentence`` forbid or restrict ``industry``?

    The industry (its own words, else a generic group it belongs to) and the wording are
    looked for clause by clause: both in one clause gives that clause's category. When
    they only share the sentence ("家具制造企业进入集聚区，集聚区外禁止新建…"), the
    prohibition does not name the industry outright, so it counts as a restriction.
    """
    own, group = industry.keywords, industry.group_words
    if not any(w in sentence for w in own + group):
        return None
    best: Optional[SentenceMatch] = None
    found_kw: Optional[Tuple[str, bool]] = None
    other_wording: Optional[Wording] = None
    clauses = split_clauses(sentence)
    for clause, wording in zip(clauses, _classify_clauses(clauses)):
        kw = _find_keyword(clause, own)
        via_group = False
        if kw is None:
            kw, via_group = _find_keyword(clause, group), True
        if kw is None:
            if wording.category is not None and other_wording is None:
                other_wording = wording
            continue
        if found_kw is None or (found_kw[1] and not via_group):
            found_kw = (kw, via_group)
        if wording.category is None:
            continue
        cand = SentenceMatch(wording.category, kw, wording.word, via_group)
        if best is None or _rank(cand) > _rank(best):
            best = cand
    if best is None and found_kw is not None and other_wording is not None:
        best = SentenceMatch(RESTRICTED, found_kw[0], other_wording.word, found_kw[1])
    return best


def _rank(m: SentenceMatch) -> Tuple[int, int]:
    return (2 if m.category == FORBIDDEN else 1, 0 if m.via_group else 1)
