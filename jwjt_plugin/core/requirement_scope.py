"""Requirement sentences read for what they restrict, and judged against a project.

An access-list text is split into sentences (at 。；;！!) and each sentence into clauses (at
，,：:). A clause that carries binding wording is a *provision*:

* **prohibition** — 禁止, 严禁, 不得, 不予, 一律不 …;
* **restriction / condition** — 限制, 严格控制, 原则上, 须, 必须, 应(按|符合|满足…), 等量/减量/倍量
  替代或置换, 产能置换, 总量控制, 进入…园区, 入园 …;
* **encouragement** — 鼓励, 支持, 优先发展, 推进, 推广, 引导.

Lifted wording (无须, 不再限制) binds nothing. The *scope* of a provision is read from its
clause: the industries it names (words → GB/T 4754 codes, :mod:`.industries`; a clause without
its own subject borrows the subject of the clause before it, "化工项目，须…"), or projects in
general (项目, 产能, 建设活动); the project kinds (新建 → 新建 and 搬迁; 扩建; 改建; 新增 …
产能 → 新建, 扩建, 搬迁; 现有/已建 → 改建, 扩建; no kind word → every kind); exceptions
("除…外", "…除外"); conditions that make a prohibition conditional (原则上, 未经, 不符合, 无关,
确需, or a property of the project, "排放…的建设项目"); where it applies (inside or outside the
ecological red line, outside the parks); and capacity thresholds ("35蒸吨/小时以下").

A provision is judged against a project (code and kind) and what is known of its site (is the
unit a park, does the site touch the red line) by these rules, in order:

1. industry: a provision naming codes applies when one of them contains the project's code;
   when a named code is *narrower* than the project's (炼油 2511 against a project given as 25),
   more information is needed; an industry in the exception excepts the project;
2. kind: the project's kind must be in the provision's kinds. **Relocation (搬迁) is new
   construction at the destination** (异地搬迁按新建管理): a provision on 新建 covers it unless
   the sentence excepts relocation;
3. a prohibition on a property of the project ("可能造成土壤污染的建设项目") binds industrial
   projects (门类 B, C, D) as a condition to confirm, and nothing else;
4. place: inside-red-line provisions need to know whether the site is inside (a red-line
   layer); outside-park provisions do not apply in a park unit and are a condition elsewhere;
5. a prohibition with a capacity threshold needs the project's capacity: more information;
6. then: an unconditional prohibition fails the project; a conditional one, or an exception
   that names no industry ("除国家重大项目外"), restricts it; a restriction restricts it,
   except a siting condition (进入园区) in a park unit, which the site meets; an encouragement
   passes it.

Every finding keeps the sentence, the clause that applies and why, so a verdict cites both.
No statistics, no learning: the same text and project always give the same findings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any, Dict, FrozenSet, List, Optional, Sequence, Tuple

from .industries import (
    CODES,
    GROUPS,
    HEAVY_METALS,
    HEAVY_POLLUTION,
    PROJECT_KIND_LABELS,
    PROJECT_KINDS,
    TWO_HIGH,
    VOCS,
    WORDS,
    IndustryCode,
    ProjectKind,
    contains,
    describe_codes,
    get_code,
    in_any,
)
from .messages import QT_TRANSLATE_NOOP
from .terms import Verdict


class Modality(str, Enum):
    PROHIBITION = "prohibition"
    RESTRICTION = "restriction"
    ENCOURAGEMENT = "encouragement"


#: modality -> (English label, Chinese term)
MODALITY_LABELS: Dict[Modality, Tuple[str, str]] = {
    Modality.PROHIBITION: (QT_TRANSLATE_NOOP("JwjtCore", "Prohibition"), "禁止类"),
    Modality.RESTRICTION: (QT_TRANSLATE_NOOP("JwjtCore", "Restriction or condition"), "限制类"),
    Modality.ENCOURAGEMENT: (QT_TRANSLATE_NOOP("JwjtCore", "Encouragement"), "鼓励类"),
}

# -- wording ---------------------------------------------------------------------------------
_PROHIBIT_RE = re.compile(r"一律不得|一律不予|一律禁止|严格禁止|禁止|严禁|一律不|不得|不予|不准|不允许|停止审批|不再审批")
_SITING = r"(?:集中|统一|逐步)?(?:搬迁)?进入[^，,；;。]{0,12}?(?:园区|集聚区|工业区|开发区|集中区|产业园|工业园)|(?:搬迁)?入园"
_RESTRICT_RE = re.compile(
    r"限制|严格控制|从严控制|严控|控制[^，,；;。]{0,6}规模|原则上|不宜|不再新增|不再新建|总量控制"
    r"|(?:[一二两三四五\d]+倍)?(?:等量|减量|倍量|削减量)(?:或(?:等量|减量|倍量))?(?:削减)?(?:替代|置换)|产能置换"
    r"|必须|(?<![无不必])须|应当|应(?:按|符合|满足|达到|进入|实施|实行|执行|采用|落实|同步|配套|依法|低于|高于|不低于|不高于|控制|安装|建设)"
    r"|严格执行|确需|确有必要"
    r"|" + _SITING)
_SITING_RE = re.compile(_SITING)
_REPLACEMENT_RE = re.compile(r"(?:[一二两三四五\d]+倍)?(?:等量|减量|倍量|削减量)(?:或(?:等量|减量|倍量))?(?:削减)?(?:替代|置换)|产能置换")
_ENCOURAGE_RE = re.compile(r"鼓励|支持|优先发展|优先引进|大力发展|推进|推广|引导")
_LIFTED_RE = re.compile(r"不(?:再)?(?:受)?限制|取消限制|无须|无需|不须|不必|不需")
_CONDITIONAL_RE = re.compile(r"原则上|未经|未取得|未通过|未依法|未落实|未完成|未达到|未纳入|擅自|不符合|不满足|达不到|无关|确需")
#: A later clause that opens a way out of a ban ("禁止新增钢铁产能，确需建设的须…置换"): the ban is conditional.
_WAY_OUT_RE = re.compile(r"确需|确有必要|确因")
_EXCEPTION_RES = (re.compile(r"除([^，,；;。]{1,40}?)(?:以)?外"), re.compile(r"([^，,；;。（(、]{1,30}?)除外"))
_EXISTING_RE = re.compile(r"现有|已建|已有|现状|既有|存量")
_INSIDE_REDLINE_RE = re.compile(r"(?:生态保护)?红线(?:范围)?内")
_OUTSIDE_REDLINE_RE = re.compile(r"(?:生态保护)?红线(?:范围)?外")
_OUTSIDE_PARK_RE = re.compile(r"(?:园区|集聚区|工业区|开发区|规划区|集中区|产业园|工业园)(?:以)?外(?!围|侧|缘)")
_THRESHOLD_RE = re.compile(
    r"(?:年产|单机|单线|规模)?[\d.]+\s*(?:万吨|吨|蒸吨/小时|蒸吨|万千瓦|千瓦|兆瓦|MW|万头|头|万羽|只|万平方米|亩|立方米)"
    r"(?:/年|/日)?(?:及)?(?:以下|以上|以内|及以下|及以上|及其以下)")
_GENERIC_RE = re.compile(r"建设项目|项目|产能|建设活动|人为活动|建筑物|构筑物")
_ATTRIBUTE_RE = re.compile(r"的(?:建设)?(?:项目|建筑物|构筑物)")
_KIND_WORDS: Tuple[Tuple[str, FrozenSet[ProjectKind]], ...] = (
    ("改扩建", frozenset({ProjectKind.RECONSTRUCT, ProjectKind.EXPAND})),
    ("新建", frozenset({ProjectKind.NEW})), ("扩建", frozenset({ProjectKind.EXPAND})),
    ("改建", frozenset({ProjectKind.RECONSTRUCT})), ("新增", frozenset({ProjectKind.NEW, ProjectKind.EXPAND})),
    ("新设", frozenset({ProjectKind.NEW})), ("新上", frozenset({ProjectKind.NEW})),
    ("引入", frozenset({ProjectKind.NEW})), ("引进", frozenset({ProjectKind.NEW})),
    ("布局", frozenset({ProjectKind.NEW})), ("迁建", frozenset({ProjectKind.RELOCATE})),
    ("迁入", frozenset({ProjectKind.RELOCATE})), ("搬迁", frozenset({ProjectKind.RELOCATE})),
)
#: Industry words used for an activity, not the industry ("化肥农药施用", "使用溶剂型涂料"): masked first.
_USE_RE = re.compile(r"(?:化肥|农药|涂料|油墨|胶粘剂|危险化学品|[、和及与])+(?:施用|使用|包装|减量|运输)|使用[^，,；;。的]{0,16}")
_GROUP_WORDS = frozenset(w for ws, _c in GROUPS for w in ws)
#: Unit names that say the unit is a park (then siting conditions are met, outside-park bans do not apply).
PARK_NAME_RE = re.compile(r"园区|产业园|工业园|集聚区|开发区|工业区|集中区|高新区|经开区|产业基地")

_CLAUSE_SPLIT = re.compile(r"[，,：:]")
_SENTENCE_SPLIT = re.compile(r"[。；;！!\n\r]+")
_MASK = "\u3000"


def split_sentences(text: Optional[str]) -> List[str]:
    if text is None:
        return []
    return [s.strip() for s in _SENTENCE_SPLIT.split(str(text)) if s.strip()]


def split_clauses(sentence: str) -> List[str]:
    return [c for c in _CLAUSE_SPLIT.split(sentence) if c.strip()]


def _mask(text: str, pattern: re.Pattern) -> str:
    return pattern.sub(lambda m: _MASK * len(m.group(0)), text)


def _mask_span(text: str, start: int, end: int) -> str:
    return text[:start] + _MASK * (end - start) + text[end:]


# -- provisions ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Provision:
    """One binding clause of a requirement sentence, with its scope."""

    sentence: str
    clause: str                        # the clause (with the borrowed subject clause, if any)
    modality: Modality
    word: str                          # the binding wording, e.g. "禁止", "须", "等量或减量置换"
    codes: Tuple[str, ...] = ()        # industries named (GB/T 4754), empty = projects in general
    named: Tuple[str, ...] = ()        # the words that named them
    kinds: FrozenSet[ProjectKind] = frozenset(PROJECT_KINDS)
    kind_words: Tuple[str, ...] = ()
    exception: str = ""                # "除…外" text
    exception_codes: Tuple[str, ...] = ()
    exception_kinds: FrozenSet[ProjectKind] = frozenset()
    condition: str = ""                # conditional wording (原则上, 不符合, 无关 …)
    attribute: str = ""                # a property of the project the clause is about ("排放污染物")
    inside_redline: bool = False
    outside_redline: bool = False
    outside_park: str = ""             # the wording, e.g. "集聚区外"
    threshold: str = ""                # e.g. "35蒸吨/小时以下"
    replacement: str = ""              # e.g. "等量或减量置换"
    siting: str = ""                   # e.g. "进入园区"

    @property
    def generic(self) -> bool:
        return not self.codes


@dataclass(frozen=True)
class _Targets:
    codes: Tuple[str, ...] = ()
    named: Tuple[str, ...] = ()
    generic: bool = False
    attribute: str = ""

    @property
    def any(self) -> bool:
        return bool(self.codes) or self.generic


def _find_words(text: str) -> Tuple[Tuple[str, ...], Tuple[str, ...], str]:
    """(codes, words) of the industries and groups named in ``text``, and ``text`` with them masked."""
    found: List[Tuple[int, str, Tuple[str, ...]]] = []
    pairs = [(w, c) for w, c in WORDS] + [(w, c) for ws, c in GROUPS for w in ws]
    text = _mask(text, _USE_RE)
    for word, word_codes in sorted(pairs, key=lambda p: -len(p[0])):
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            found.append((start, word, word_codes))
            text = _mask_span(text, start, end)
            start = text.find(word, end)
    found.sort()
    codes = tuple(dict.fromkeys(c for _s, _w, cs in found for c in cs))
    if any(cs != _INDUSTRIAL for _s, _w, cs in found):
        # "涉VOCs排放的工业项目": the narrower group names the scope, 工业 only says it is industry.
        codes = tuple(c for c in codes if c not in _INDUSTRIAL) or codes
    return codes, tuple(dict.fromkeys(w for _s, w, _c in found)), text


def _targets(body: str) -> _Targets:
    codes, named, rest = _find_words(body)
    generic = _GENERIC_RE.search(rest) is not None
    attribute = ""
    if not codes and generic:
        m = _ATTRIBUTE_RE.search(rest)
        if m:
            # The property is what stands between the binding/kind words and 的 (…排放污染物的建设项目);
            # masking keeps positions, so it is cut from the clause as written.
            head = rest[:m.start()]
            cut = max([head.rfind(w) + len(w) for w, _k in _KIND_WORDS if w in head]
                      + [mm.end() for mm in _PROHIBIT_RE.finditer(head)] + [0])
            attribute = body[cut:m.start()].strip("、" + _MASK) or body[:m.start()].strip(_MASK)
    return _Targets(codes, named, generic, attribute)


#: A property of the project ("使用溶剂型涂料的项目") binds the industries that have it; other
#: properties ("排放污染物", "可能造成土壤污染") bind every industrial project.
_ATTRIBUTE_SCOPES: Tuple[Tuple[re.Pattern, Tuple[str, ...]], ...] = (
    (re.compile(r"溶剂|涂料|油墨|胶粘剂|挥发性有机物|VOCs|喷涂|喷漆"), VOCS),
    (re.compile(r"重金属|铅|汞|镉|铬|砷"), HEAVY_METALS),
    (re.compile(r"恶臭|异味"), HEAVY_POLLUTION + ("031", "032", "7820", "7723")),
)
_INDUSTRIAL = ("B", "C", "D")


def attribute_scope(attribute: str) -> Tuple[str, ...]:
    """The industries a property of the project concerns (see _ATTRIBUTE_SCOPES)."""
    hits = [codes for rx, codes in _ATTRIBUTE_SCOPES if rx.search(attribute)]
    rest = attribute
    for rx, _codes in _ATTRIBUTE_SCOPES:
        rest = _mask(rest, rx)
    if not hits or re.search(r"噪声|排放|污染|废水|废气|粉尘|扬尘|风险", rest):
        hits.append(_INDUSTRIAL)
    return tuple(dict.fromkeys(c for codes in hits for c in codes))


def _exception(text: str) -> Tuple[str, Tuple[int, int]]:
    for rx in _EXCEPTION_RES:
        m = rx.search(text)
        if m:
            return m.group(1).strip(), m.span()
    return "", (0, 0)


def _kinds(body: str, existing: bool, relocation_excepted: bool) -> Tuple[FrozenSet[ProjectKind], Tuple[str, ...]]:
    kinds: set = set()
    words: List[str] = []
    text = body
    for word, ks in _KIND_WORDS:
        if word in text:
            kinds |= ks
            words.append(word)
            text = text.replace(word, _MASK * len(word))
    if existing:
        kinds |= {ProjectKind.RECONSTRUCT, ProjectKind.EXPAND}
    if not kinds:
        return frozenset(PROJECT_KINDS), ()
    if ProjectKind.NEW in kinds and not relocation_excepted:
        kinds.add(ProjectKind.RELOCATE)   # 异地搬迁按新建管理
    return frozenset(kinds), tuple(words)


def read_sentence(sentence: str) -> List[Provision]:
    """The provisions of one sentence (see the module docstring), in clause order."""
    out: List[Provision] = []
    subject: Optional[Tuple[str, _Targets]] = None
    carried_condition = ""
    carried_exception: Tuple[str, Tuple[str, ...]] = ("", ())
    inside_rl = outside_rl = False
    outside_park = ""
    for clause in split_clauses(sentence):
        if _LIFTED_RE.search(clause):
            continue   # a lifted restriction (不再限制, 无须) binds nothing
        text = clause
        exc, span = _exception(text)
        body = _mask_span(text, *span) if exc else text
        exc_codes = _find_words(exc)[0] if exc else ()
        inside_rl = inside_rl or bool(_INSIDE_REDLINE_RE.search(body))
        outside_rl = outside_rl or bool(_OUTSIDE_REDLINE_RE.search(body))
        park = _OUTSIDE_PARK_RE.search(body)
        outside_park = park.group(0) if park else outside_park
        # Place words are no industry ("化工园区外" names no project): mask them before reading targets.
        scope_body = _mask(_mask(body, _OUTSIDE_PARK_RE), _INSIDE_REDLINE_RE)
        cond = _condition(body)
        modality, word = _modality(body)
        targets = _targets(scope_body)
        if _WAY_OUT_RE.search(body):
            # The earlier bans of the sentence leave this way out: they bind as conditions.
            out = [replace(q, condition=q.condition or clause) if q.modality == Modality.PROHIBITION else q
                   for q in out]
        if modality is None:
            if targets.any:
                subject = (clause, targets)
            if cond and not carried_condition:
                carried_condition = cond
            if exc:
                carried_exception = (exc, exc_codes)
                # A trailing "…除外" clause excepts from the provisions before it in the sentence.
                exc_kinds = _kinds(exc, False, True)[0] if any(w in exc for w, _k in _KIND_WORDS) else frozenset()
                out = [q if q.exception else replace(q, exception=exc, exception_codes=exc_codes,
                                                     exception_kinds=exc_kinds) for q in out]
            continue
        part = clause
        if not targets.any and subject is not None:
            part, targets = f"{subject[0]}，{clause}", subject[1]
        if not targets.any:
            continue   # binds no project (禁止露天焚烧秸秆)
        exc, exc_codes = (exc, exc_codes) if exc else carried_exception
        relocation_excepted = "搬迁" in exc or "迁建" in exc
        kinds, kind_words = _kinds(scope_body, _EXISTING_RE.search(body) is not None, relocation_excepted)
        exc_kinds = _kinds(exc, False, True)[0] if exc and any(w in exc for w, _k in _KIND_WORDS) else frozenset()
        threshold = _THRESHOLD_RE.search(body)
        replacement = _REPLACEMENT_RE.search(body)
        siting = _SITING_RE.search(body) if modality == Modality.RESTRICTION else None
        out.append(Provision(
            sentence, part, modality, word, targets.codes, targets.named, kinds, kind_words, exc, exc_codes, exc_kinds,
            cond or carried_condition, targets.attribute, inside_rl, outside_rl,
            outside_park, threshold.group(0) if threshold else "", replacement.group(0) if replacement else "",
            siting.group(0) if siting else ""))
    return out


def _condition(body: str) -> str:
    """The conditional phrase of a clause: "不符合园区规划的", "未经调查评估", "与主导产业无关的", "原则上"."""
    m = _CONDITIONAL_RE.search(body)
    if m is None:
        return ""
    start, end = m.start(), m.end()
    if m.group(0) == "无关":
        lead = body.rfind("与", max(0, start - 14), start)
        start = lead if lead >= 0 else start
    elif m.group(0) not in ("原则上", "确需"):
        stop = [i for i in (body.find("的", end, end + 16),) if i >= 0]
        ban = _PROHIBIT_RE.search(body, end)
        stop += [ban.start() - 1] if ban is not None and ban.start() - end <= 16 else []
        end = min(stop) + 1 if stop else end
    return body[start:end].strip(_MASK)


def _modality(body: str) -> Tuple[Optional[Modality], str]:
    m = _PROHIBIT_RE.search(body)
    if m:
        cond = _CONDITIONAL_RE.search(body)
        if cond is not None:
            lo, hi = min(cond.start(), m.start()), max(cond.end(), m.end())
            return Modality.PROHIBITION, body[lo:hi] if hi - lo <= 12 else f"{cond.group(0)}…{m.group(0)}"
        return Modality.PROHIBITION, m.group(0)
    m = _RESTRICT_RE.search(body)
    if m:
        return Modality.RESTRICTION, m.group(0)
    m = _ENCOURAGE_RE.search(body)
    if m:
        return Modality.ENCOURAGEMENT, m.group(0)
    return None, ""


def read_text(text: Optional[str]) -> List[Provision]:
    return [p for s in split_sentences(text) for p in read_sentence(s)]


# -- judging ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Project:
    code: str
    kind: ProjectKind = ProjectKind.NEW

    @property
    def industry(self) -> IndustryCode:
        return get_code(self.code)

    @property
    def label(self) -> str:
        return f"{self.industry.label}（{PROJECT_KIND_LABELS[self.kind][1]}）"


@dataclass(frozen=True)
class SiteContext:
    """What the query knows of the site besides the text."""

    unit: str = ""
    unit_name: str = ""
    in_redline: Optional[bool] = None     # None: no red-line layer was given

    @property
    def in_park(self) -> bool:
        return PARK_NAME_RE.search(self.unit_name or "") is not None


@dataclass(frozen=True)
class Finding:
    """A provision judged against the project: its verdict, whether it applies, and why."""

    provision: Provision
    verdict: str              # a Verdict value
    applies: bool
    why: str                  # English template, translated by the front end
    params: Dict[str, Any] = field(default_factory=dict)


def kinds_label(kinds) -> str:
    return "、".join(PROJECT_KIND_LABELS[k][1] for k in PROJECT_KINDS if k in kinds)


def _named(p: Provision) -> str:
    """The words that named the scope, with their codes unless a generic group ("高耗能") named it."""
    if not p.codes:
        return f"“{p.attribute}”的项目" if p.attribute else "各类项目"
    if any(w in _GROUP_WORDS for w in p.named):
        return "、".join(p.named)
    return "、".join(p.named) + f"（{describe_codes(p.codes)}）"


def judge(p: Provision, project: Project, site: SiteContext) -> Optional[Finding]:
    """The finding of provision ``p`` for ``project`` at ``site``; None when it does not concern it."""
    ind = project.industry
    base = {"project": project.label, "named": _named(p), "word": p.word, "unit": site.unit,
            "kinds": kinds_label(p.kinds), "kind": PROJECT_KIND_LABELS[project.kind][1]}

    def f(verdict: Verdict, applies: bool, why: str, **extra) -> Finding:
        return Finding(p, verdict.value, applies, why, dict(base, **extra))

    # 1. industry
    narrower: Tuple[str, ...] = ()
    if p.codes and not any(contains(c, ind.code) for c in p.codes):
        narrower = tuple(c for c in p.codes if contains(ind.code, c))
        if not narrower:
            # A ban on a neighbouring industry (same 大类, or both 两高) is cited as not applying:
            # the reader sees that it was read ("禁止新增炼油产能" against a 2614 project).
            near = any(c[:2] == ind.code[:2] for c in p.codes if not c[:1].isalpha()) or (
                in_any(ind.code, TWO_HIGH) and any(in_any(c, TWO_HIGH) for c in p.codes if c[:1].isdigit()))
            if near and p.modality == Modality.PROHIBITION:
                return f(Verdict.PASS, False, QT_TRANSLATE_NOOP(
                    "JwjtCore", "does not apply: it names {named}, which does not include the project's "
                                "{project}"))
            return None
    excepted_kind = bool(p.exception_kinds) and project.kind in p.exception_kinds and (
        not p.exception_codes or any(contains(c, ind.code) for c in p.exception_codes))
    if excepted_kind or (p.exception_codes and not p.exception_kinds
                         and any(contains(c, ind.code) for c in p.exception_codes)):
        return f(Verdict.PASS, False, QT_TRANSLATE_NOOP(
            "JwjtCore", "does not apply: the project is excepted (“{exception}”)"), exception=p.exception)
    # 2. kind
    if project.kind not in p.kinds:
        if p.modality == Modality.ENCOURAGEMENT:
            return None
        return f(Verdict.PASS, False, QT_TRANSLATE_NOOP(
            "JwjtCore", "does not apply: it covers {kinds} projects, and this one is {kind}"))
    # 3. a property of the project
    if p.generic and p.attribute and not any(contains(c, ind.code) for c in attribute_scope(p.attribute)):
        return None
    # 4. place
    if p.inside_redline and not p.outside_redline:
        if site.in_redline is False:
            return f(Verdict.PASS, False, QT_TRANSLATE_NOOP(
                "JwjtCore", "does not apply: it covers the ecological protection red line, which the site does not "
                            "touch"))
        if site.in_redline is None:
            return f(Verdict.NEEDS_INFO, True, QT_TRANSLATE_NOOP(
                "JwjtCore", "applies inside the ecological protection red line; give the red-line layer to tell "
                            "whether the site lies inside"))
    if p.outside_redline and site.in_redline is True:
        return f(Verdict.PASS, False, QT_TRANSLATE_NOOP(
            "JwjtCore", "does not apply: it covers the area outside the red line, and the site touches the red line"))
    if p.outside_park:
        if site.in_park:
            return f(Verdict.PASS, False, QT_TRANSLATE_NOOP(
                "JwjtCore", "does not apply: it covers sites outside the parks (“{place}”), and unit {unit} is a "
                            "park"), place=p.outside_park)
        if p.modality == Modality.PROHIBITION:
            return f(Verdict.RESTRICTED, True, QT_TRANSLATE_NOOP(
                "JwjtCore", "prohibits {named} outside the planned parks (“{place}”); the project must lie inside "
                            "one"), place=p.outside_park)
    # 5. what the query cannot know
    if narrower and p.modality != Modality.ENCOURAGEMENT:
        return f(Verdict.NEEDS_INFO, True, QT_TRANSLATE_NOOP(
            "JwjtCore", "names {named}, narrower than the project's code {code}; give the 4-digit class (小类) to "
                        "tell whether it applies"), code=ind.code)
    if p.threshold and p.modality == Modality.PROHIBITION:
        return f(Verdict.NEEDS_INFO, True, QT_TRANSLATE_NOOP(
            "JwjtCore", "applies only to projects of a given capacity (“{threshold}”); give the project's "
                        "capacity"), threshold=p.threshold)
    # 6. the wording
    if p.modality == Modality.PROHIBITION:
        if p.generic and p.attribute:
            return f(Verdict.RESTRICTED, True, QT_TRANSLATE_NOOP(
                "JwjtCore", "prohibits {kinds} projects that are “{attribute}”; confirm that this project is not"),
                attribute=p.attribute)
        if p.condition:
            return f(Verdict.RESTRICTED, True, QT_TRANSLATE_NOOP(
                "JwjtCore", "prohibits {named} unless a condition is met (“{condition}”): it binds the project as a "
                            "condition"), condition=p.condition, named=_named(p))
        if p.exception and not p.exception_codes and not p.exception_kinds:
            return f(Verdict.RESTRICTED, True, QT_TRANSLATE_NOOP(
                "JwjtCore", "prohibits {named} except “{exception}”; the project passes only if it qualifies for the "
                            "exception"), exception=p.exception, named=_named(p))
        if p.generic:
            return f(Verdict.FAIL, True, QT_TRANSLATE_NOOP(
                "JwjtCore", "prohibits {kinds} projects of any industry, so it covers {project}"))
        return f(Verdict.FAIL, True, QT_TRANSLATE_NOOP(
            "JwjtCore", "prohibits {kinds} projects of {named}, which include the project's {project}"))
    if p.modality == Modality.RESTRICTION:
        if p.siting and site.in_park:
            return f(Verdict.PASS, True, QT_TRANSLATE_NOOP(
                "JwjtCore", "its siting condition (“{siting}”) is met: unit {unit} is a park"), siting=p.siting)
        if p.replacement:
            return f(Verdict.RESTRICTED, True, QT_TRANSLATE_NOOP(
                "JwjtCore", "requires capacity or emission replacement (“{replacement}”) for {kinds} projects of "
                            "{named}"), replacement=p.replacement, named=_named(p))
        return f(Verdict.RESTRICTED, True, QT_TRANSLATE_NOOP(
            "JwjtCore", "sets a condition (“{word}”) for {kinds} projects of {named}"), named=_named(p))
    return f(Verdict.PASS, True, QT_TRANSLATE_NOOP("JwjtCore", "encourages {named}"), named=_named(p))


def judge_text(text: Optional[str], project: Project, site: SiteContext) -> List[Finding]:
    """The findings of every provision of ``text``, in text order."""
    out = []
    for p in read_text(text):
        finding = judge(p, project, site)
        if finding is not None:
            out.append(finding)
    return out


def codes_named(text: str) -> Sequence[str]:
    """The codes the industry words of ``text`` name (for tests and the panel's hints)."""
    return [c for c in _find_words(text)[0] if c in CODES or c[:1].isalpha()]
