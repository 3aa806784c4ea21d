"""Industries and project kinds a site query asks about: the national classification GB/T 4754-2017.

A project is described by its industry code (国民经济行业分类 GB/T 4754-2017: 门类 letter,
大类 2 digits, 中类 3, 小类 4, e.g. C → 25 → 251 → 2511 原油加工及石油制品制造) and its kind
(:class:`ProjectKind`: 新建, 改建, 扩建, 搬迁). The table holds the codes that access lists
single out (DOMAIN.md §6: the heavy industries, and the ones provincial lists name often: 印染,
制革, 电镀, 造纸, 农药, 医药, 畜禽养殖, 餐饮 …), each with its parents; a code *contains* its
descendants, so a sentence naming 钢铁 (大类 31) covers a 3120 炼钢 project, while one naming
炼油 (2511) does not cover a 2614 有机化学原料制造 project.

Requirement texts name industries by words, not codes: :data:`WORDS` maps each word to the
codes it names ("炼油" → 2511, "化工" → 26, "钢铁" → 31) and :data:`GROUPS` the generic
groups ("高耗能、高排放" → the six 两高 sectors of national policy: 煤电, 石化, 化工, 钢铁,
有色金属冶炼, 建材; "工业项目" → 门类 B, C, D). :mod:`.requirement_scope` reads the scope of a
sentence with them.

The presets (:data:`INDUSTRIES`) are the short list the query offered before codes were used;
each resolves to one representative code, so old parameters and scripts keep their meaning.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Dict, Iterable, List, Optional, Tuple

from .messages import QT_TRANSLATE_NOOP, JwjtInputError


# -- project kinds ---------------------------------------------------------------------------
class ProjectKind(str, Enum):
    """Kind of construction project (建设性质)."""
    NEW = "new"
    RECONSTRUCT = "reconstruct"
    EXPAND = "expand"
    RELOCATE = "relocate"


#: kind -> (English label, translated on the QGIS side; Chinese term)
PROJECT_KIND_LABELS: Dict[ProjectKind, Tuple[str, str]] = {
    ProjectKind.NEW: (QT_TRANSLATE_NOOP("JwjtCore", "New construction"), "新建"),
    ProjectKind.RECONSTRUCT: (QT_TRANSLATE_NOOP("JwjtCore", "Reconstruction"), "改建"),
    ProjectKind.EXPAND: (QT_TRANSLATE_NOOP("JwjtCore", "Expansion"), "扩建"),
    ProjectKind.RELOCATE: (QT_TRANSLATE_NOOP("JwjtCore", "Relocation"), "搬迁"),
}
PROJECT_KINDS: Tuple[ProjectKind, ...] = tuple(ProjectKind)


def project_kind(value) -> ProjectKind:
    """A kind from its value ("new"), its Chinese term ("新建") or an index into PROJECT_KINDS."""
    if isinstance(value, ProjectKind):
        return value
    if isinstance(value, int) and 0 <= value < len(PROJECT_KINDS):
        return PROJECT_KINDS[value]
    text = str(value).strip()
    for kind, (en, zh) in PROJECT_KIND_LABELS.items():
        if text in (kind.value, zh, en) or text.lower() == en.lower():
            return kind
    raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Unknown project kind '{kind}'; use one of: {kinds}."),
                         kind=text, kinds=", ".join(f"{k.value} ({PROJECT_KIND_LABELS[k][1]})" for k in PROJECT_KINDS))


# -- the classification ----------------------------------------------------------------------
#: 门类 of each 大类 (two-digit division): (first division, last division, section letter).
_SECTION_RANGES = ((1, 5, "A"), (6, 12, "B"), (13, 43, "C"), (44, 46, "D"), (47, 50, "E"), (51, 52, "F"),
                   (53, 60, "G"), (61, 62, "H"), (63, 65, "I"), (66, 69, "J"), (70, 70, "K"), (71, 72, "L"),
                   (73, 75, "M"), (76, 79, "N"), (80, 82, "O"), (83, 83, "P"), (84, 85, "Q"), (86, 90, "R"),
                   (91, 96, "S"), (97, 97, "T"))

# code name, one per line: the sections, then the divisions, groups and classes the lists name.
_TABLE = """
A 农、林、牧、渔业
B 采矿业
C 制造业
D 电力、热力、燃气及水生产和供应业
E 建筑业
F 批发和零售业
G 交通运输、仓储和邮政业
H 住宿和餐饮业
I 信息传输、软件和信息技术服务业
K 房地产业
N 水利、环境和公共设施管理业
O 居民服务、修理和其他服务业
01 农业
03 畜牧业
031 牲畜饲养
0313 猪的饲养
032 家禽饲养
0321 鸡的饲养
04 渔业
041 水产养殖
0412 内陆养殖
06 煤炭开采和洗选业
061 烟煤和无烟煤开采洗选
0610 烟煤和无烟煤开采洗选
07 石油和天然气开采业
08 黑色金属矿采选业
09 有色金属矿采选业
10 非金属矿采选业
101 土砂石开采
1011 石灰石、石膏开采
1019 粘土及其他土砂石开采
13 农副食品加工业
14 食品制造业
15 酒、饮料和精制茶制造业
151 酒的制造
1512 白酒制造
17 纺织业
171 棉纺织及印染精加工
1711 棉纺纱加工
1713 棉印染精加工
172 毛纺织及染整精加工
1723 毛染整精加工
173 麻纺织及染整精加工
1733 麻染整精加工
174 丝绢纺织及印染精加工
1743 丝印染精加工
175 化纤织造及印染精加工
1752 化纤织物染整精加工
18 纺织服装、服饰业
181 机织服装制造
1819 其他机织服装制造
19 皮革、毛皮、羽毛及其制品和制鞋业
191 皮革鞣制加工
1910 皮革鞣制加工
20 木材加工和木、竹、藤、棕、草制品业
21 家具制造业
211 木质家具制造
2110 木质家具制造
22 造纸和纸制品业
221 纸浆制造
2211 木竹浆制造
222 造纸
2221 机制纸及纸板制造
23 印刷和记录媒介复制业
231 印刷
2319 包装装潢及其他印刷
25 石油、煤炭及其他燃料加工业
251 精炼石油产品制造
2511 原油加工及石油制品制造
252 煤炭加工
2521 炼焦
2522 煤制合成气生产
2523 煤制液体燃料生产
26 化学原料和化学制品制造业
261 基础化学原料制造
2611 无机酸制造
2612 无机碱制造
2613 无机盐制造
2614 有机化学原料制造
2619 其他基础化学原料制造
262 肥料制造
2621 氮肥制造
263 农药制造
2631 化学农药制造
2632 生物化学农药及微生物农药制造
264 涂料、油墨、颜料及类似产品制造
2641 涂料制造
265 合成材料制造
2651 初级形态塑料及合成树脂制造
266 专用化学产品制造
268 日用化学产品制造
27 医药制造业
271 化学药品原料药制造
2710 化学药品原料药制造
272 化学药品制剂制造
2720 化学药品制剂制造
274 中成药生产
2740 中成药生产
28 化学纤维制造业
29 橡胶和塑料制品业
292 塑料制品业
30 非金属矿物制品业
301 水泥、石灰和石膏制造
3011 水泥制造
3012 石灰和石膏制造
303 砖瓦、石材等建筑材料制造
3031 粘土砖瓦及建筑砌块制造
304 玻璃制造
3041 平板玻璃制造
307 陶瓷制品制造
3071 建筑陶瓷制品制造
31 黑色金属冶炼和压延加工业
311 炼铁
3110 炼铁
312 炼钢
3120 炼钢
313 钢压延加工
3130 钢压延加工
314 铁合金冶炼
3140 铁合金冶炼
32 有色金属冶炼和压延加工业
321 常用有色金属冶炼
3211 铜冶炼
3212 铅锌冶炼
3216 铝冶炼
322 贵金属冶炼
323 稀有稀土金属冶炼
325 有色金属压延加工
33 金属制品业
331 结构性金属制品制造
3311 金属结构制造
336 金属表面处理及热处理加工
3360 金属表面处理及热处理加工
34 通用设备制造业
35 专用设备制造业
36 汽车制造业
361 汽车整车制造
3612 新能源车整车制造
367 汽车零部件及配件制造
3670 汽车零部件及配件制造
38 电气机械和器材制造业
384 电池制造
3841 锂离子电池制造
3843 铅蓄电池制造
39 计算机、通信和其他电子设备制造业
397 电子器件制造
3973 集成电路制造
44 电力、热力生产和供应业
441 电力生产
4411 火力发电
4412 热电联产
4413 水力发电
4415 风力发电
4416 太阳能发电
4417 生物质能发电
443 热力生产和供应
4430 热力生产和供应
45 燃气生产和供应业
47 房屋建筑业
471 房屋建筑业
4710 住宅房屋建筑
52 零售业
526 汽车、摩托车、零配件和燃料及其他动力销售
5265 机动车燃油零售
59 装卸搬运和仓储业
594 危险品仓储
5942 危险化学品仓储
61 住宿业
62 餐饮业
621 正餐服务
6210 正餐服务
64 互联网和相关服务
645 互联网数据服务
6450 互联网数据服务
70 房地产业
701 房地产开发经营
7010 房地产开发经营
77 生态保护和环境治理业
772 环境治理业
7723 固体废物治理
7724 危险废物治理
78 公共设施管理业
782 环境卫生管理
7820 环境卫生管理
81 机动车、电子产品和日用产品修理业
811 汽车、摩托车等修理与维护
8111 汽车修理与维护
"""

_CODE_RE = re.compile(r"^(?:[A-T]|\d{2}|\d{3}|\d{4})$")
LEVELS_ZH = {1: "门类", 2: "大类", 3: "中类", 4: "小类"}


def section_of(code: str) -> Optional[str]:
    """The 门类 letter of a code ("2511" → "C"), the letter itself for a 门类, None when unknown."""
    if code[:1].isalpha():
        return code[:1]
    try:
        division = int(code[:2])
    except ValueError:
        return None
    return next((s for lo, hi, s in _SECTION_RANGES if lo <= division <= hi), None)


def parent_codes(code: str) -> Tuple[str, ...]:
    """The codes above ``code``, broadest first: "2511" → ("C", "25", "251")."""
    if code[:1].isalpha():
        return ()
    sec = section_of(code)
    return ((sec,) if sec else ()) + tuple(code[:n] for n in (2, 3) if n < len(code))


def contains(broad: str, code: str) -> bool:
    """Does ``broad`` (any level) contain ``code``? A code contains itself."""
    if broad[:1].isalpha():
        return section_of(code) == broad
    return code.startswith(broad) and not code[:1].isalpha()


@dataclass(frozen=True)
class IndustryCode:
    code: str
    name_zh: str

    @property
    def level(self) -> int:
        return 1 if self.code[:1].isalpha() else len(self.code)

    @property
    def level_zh(self) -> str:
        return LEVELS_ZH[self.level]

    @property
    def parents(self) -> Tuple[str, ...]:
        return parent_codes(self.code)

    @property
    def label(self) -> str:
        return f"{self.code} {self.name_zh}"

    @property
    def path_label(self) -> str:
        """"C 制造业 › 25 石油、煤炭及其他燃料加工业 › 251 … › 2511 …": the code with its parents."""
        return " › ".join(CODES[p].label if p in CODES else p for p in self.parents + (self.code,))

    @property
    def industrial(self) -> bool:
        """An industrial project (门类 B 采矿业, C 制造业, D 电力热力燃气及水): the 优先保护 rule applies."""
        return section_of(self.code) in ("B", "C", "D")

    @property
    def urban_use(self) -> bool:
        """Residential or commercial use (the urban development boundary rule applies)."""
        return any(contains(b, self.code) for b in ("F", "H", "K", "4710"))


def _parse_table(text: str) -> Dict[str, IndustryCode]:
    out: Dict[str, IndustryCode] = {}
    for line in text.strip().splitlines():
        code, name = line.split(" ", 1)
        assert _CODE_RE.match(code) and code not in out, code
        out[code] = IndustryCode(code, name.strip())
    return out


CODES: Dict[str, IndustryCode] = _parse_table(_TABLE)


def normalise_code(text) -> str:
    """The code in ``text``: "2511", "C2511", " 2511 原油加工…" → "2511"; "c" → "C"."""
    s = str(text or "").strip().upper()
    m = re.match(r"^([A-T])?\s*(\d{2,4})\b", s)
    if m:
        return m.group(2)
    m = re.match(r"^([A-T])(?![A-Z])", s)
    return m.group(1) if m else s.split(" ")[0]


def get_code(text) -> IndustryCode:
    """The industry of a code (see :func:`normalise_code`), a preset key or an exact name."""
    raw = str(text or "").strip()
    if raw in _PRESETS:
        return CODES[_PRESETS[raw].code]
    code = normalise_code(raw)
    if code in CODES:
        return CODES[code]
    by_name = [c for c in CODES.values() if c.name_zh == raw]
    if by_name:
        return max(by_name, key=lambda c: c.level)  # 1910 皮革鞣制加工, not its 中类 of the same name
    if _CODE_RE.match(code) and section_of(code) is not None:
        # A valid code this table does not list: keep it, named by its nearest listed parent.
        near = next((CODES[p] for p in reversed(parent_codes(code)) if p in CODES), None)
        return IndustryCode(code, f"（{near.name_zh}）" if near else "")
    raise JwjtInputError(QT_TRANSLATE_NOOP(
        "JwjtCore", "Unknown industry '{industry}': give a GB/T 4754-2017 code (门类 letter, or 2–4 digits, e.g. "
                    "2511) or one of: {keys}."), industry=raw, keys=", ".join(INDUSTRY_KEYS))


def search_codes(query: str, limit: int = 50) -> List[IndustryCode]:
    """Codes whose code starts with ``query`` or whose name contains it, codes first, then by code."""
    q = str(query or "").strip().upper()
    if not q:
        return list(CODES.values())[:limit]
    by_code = [c for c in CODES.values() if c.code.startswith(q)]
    by_name = [c for c in CODES.values() if q in c.name_zh and c not in by_code]
    by_word = [CODES[k] for w, codes in WORDS for k in codes if q in w and k in CODES]
    seen: Dict[str, IndustryCode] = {}
    for c in by_code + by_name + by_word:
        seen.setdefault(c.code, c)
    return list(seen.values())[:limit]


# -- how requirement texts name industries ---------------------------------------------------
#: (word, codes it names). Longest words are matched first (水泥熟料 before 水泥).
WORDS: Tuple[Tuple[str, Tuple[str, ...]], ...] = (
    ("原油加工", ("2511",)), ("石油炼制", ("2511",)), ("炼油", ("2511",)), ("炼化", ("2511",)),
    ("石油化工", ("251", "2614", "265")), ("石化", ("251", "2614", "265")),
    ("炼焦", ("2521",)), ("焦化", ("2521",)), ("焦炭", ("2521",)),
    ("煤化工", ("2522", "2523")), ("现代煤化工", ("2522", "2523")),
    ("精细化工", ("266",)), ("化学农药", ("2631",)), ("农药", ("263",)), ("化肥", ("262",)), ("氮肥", ("2621",)),
    ("涂料制造", ("2641",)), ("合成树脂", ("2651",)), ("化工", ("26",)), ("化学品制造", ("26",)),
    ("化学原料药", ("2710",)), ("原料药", ("2710",)), ("医药", ("27",)), ("制药", ("27",)),
    ("化学纤维", ("28",)), ("化纤", ("28",)),
    ("钢铁", ("31",)), ("炼铁", ("3110",)), ("烧结", ("3110",)), ("球团", ("3110",)), ("炼钢", ("3120",)),
    ("轧钢", ("3130",)), ("铁合金", ("3140",)),
    ("有色金属冶炼", ("321", "322", "323")), ("有色冶炼", ("321", "322", "323")), ("铜冶炼", ("3211",)),
    ("铅锌冶炼", ("3212",)), ("电解铝", ("3216",)), ("铝冶炼", ("3216",)), ("稀土冶炼", ("323",)),
    ("水泥熟料", ("3011",)), ("水泥", ("3011",)), ("熟料", ("3011",)), ("石灰", ("3012",)),
    ("平板玻璃", ("3041",)), ("浮法玻璃", ("3041",)), ("玻璃", ("304",)), ("建筑陶瓷", ("3071",)),
    ("陶瓷", ("307",)), ("砖瓦", ("3031",)), ("建材", ("301", "303", "304", "307")),
    ("燃煤电厂", ("4411", "4412")), ("燃煤发电", ("4411", "4412")), ("燃煤机组", ("4411", "4412")),
    ("燃煤电站", ("4411", "4412")), ("煤电", ("4411", "4412")), ("火电", ("4411", "4412")),
    ("热电联产", ("4412",)), ("燃煤锅炉", ("4430",)), ("集中供热", ("4430",)),
    ("光伏发电", ("4416",)), ("风电", ("4415",)), ("水电站", ("4413",)), ("生物质发电", ("4417",)),
    ("垃圾焚烧", ("4417", "7820")),
    ("印染", ("1713", "1723", "1733", "1743", "1752")), ("染整", ("1713", "1723", "1733", "1743", "1752")),
    ("纺织", ("17",)), ("制革", ("1910",)), ("鞣革", ("1910",)), ("皮革鞣制", ("1910",)),
    ("电镀", ("3360",)), ("表面处理", ("3360",)),
    ("制浆", ("221",)), ("造纸", ("221", "222")),
    ("家具制造", ("21",)), ("家具", ("21",)), ("包装印刷", ("231",)), ("印刷", ("231",)),
    ("铅蓄电池", ("3843",)), ("锂电池", ("3841",)), ("电池制造", ("384",)),
    ("集成电路", ("3973",)), ("汽车制造", ("36",)), ("整车制造", ("361",)), ("汽车零部件", ("367",)),
    ("畜禽规模化养殖", ("031", "032")), ("畜禽养殖", ("031", "032")), ("规模化养殖", ("031", "032")),
    ("生猪养殖", ("0313",)), ("网箱养殖", ("0412",)), ("水产养殖", ("041",)),
    ("采矿权", ("B",)), ("矿产资源开发", ("B",)), ("矿山", ("B",)), ("采矿", ("B",)), ("采砂", ("1019",)),
    ("煤矿", ("06",)), ("白酒", ("1512",)),
    ("餐饮", ("62",)), ("住宿", ("61",)), ("加油站", ("5265",)), ("汽修", ("8111",)),
    ("危险化学品仓储", ("5942",)), ("危险废物处置", ("7724",)), ("危险废物利用处置", ("7724",)),
    ("数据中心", ("6450",)),
    ("住宅", ("4710", "7010")), ("居住区", ("4710", "7010")), ("居住用地", ("4710", "7010")),
    ("商住", ("4710", "7010")), ("房地产", ("70",)), ("商品房", ("7010",)), ("商业", ("F",)),
)
WORDS = tuple(sorted(WORDS, key=lambda p: (-len(p[0]), p[0])))

#: Generic groups: (words, codes of the group). Tested in order; each word names the whole group.
TWO_HIGH = ("25", "26", "31", "321", "322", "323", "301", "303", "304", "307", "4411", "4412")
HEAVY_POLLUTION = TWO_HIGH + ("1713", "1723", "1733", "1743", "1752", "1910", "221", "222", "263", "2710",
                              "3360", "3843")
VOCS = ("25", "26", "27", "28", "21", "231", "292", "36", "2641")
HEAVY_METALS = ("321", "322", "323", "3360", "1910", "3843")
GROUPS: Tuple[Tuple[Tuple[str, ...], Tuple[str, ...]], ...] = (
    (("两高", "高耗能", "高能耗", "高排放", "高碳排放"), TWO_HIGH),
    (("重污染", "高污染"), HEAVY_POLLUTION),
    (("挥发性有机物", "VOCs", "VOCS"), VOCS),
    (("涉重金属", "重金属"), HEAVY_METALS),
    (("危险化学品", "危化品"), ("26", "5942")),
    (("工业项目", "工业类项目", "工业建设项目", "工业企业", "工业污染物", "工业排污口", "工业用地"), ("B", "C", "D")),
)


def in_any(code: str, broads: Iterable[str]) -> bool:
    return any(contains(b, code) for b in broads)


def describe_codes(codes: Iterable[str]) -> str:
    """"2511 原油加工及石油制品制造、31 黑色金属冶炼和压延加工业" (codes not in the table as they are)."""
    return "、".join(CODES[c].label if c in CODES else c for c in dict.fromkeys(codes))


# -- presets: the short list of the earlier query, each one code ----------------------------
@dataclass(frozen=True)
class Preset:
    key: str
    code: str

    @property
    def industry(self) -> IndustryCode:
        return CODES[self.code]


INDUSTRIES: Tuple[Preset, ...] = (
    Preset("steel", "3120"), Preset("coking", "2521"), Preset("cement", "3011"), Preset("aluminium", "3216"),
    Preset("petrochemical", "2511"), Preset("flat_glass", "3041"), Preset("coal_power", "4411"),
    Preset("chemical", "2614"), Preset("nonferrous", "3211"), Preset("dyeing", "1713"), Preset("paper", "2221"),
    Preset("tannery", "1910"), Preset("electroplating", "3360"), Preset("furniture", "2110"),
    Preset("printing", "2319"), Preset("pesticide", "2631"), Preset("pharmaceutical", "2710"),
    Preset("livestock", "0313"), Preset("catering", "6210"), Preset("light_industry", "1819"),
    Preset("residential_commercial", "7010"),
)
INDUSTRY_KEYS: Tuple[str, ...] = tuple(p.key for p in INDUSTRIES)
_PRESETS = {p.key: p for p in INDUSTRIES}


def get_industry(key: str) -> IndustryCode:
    """The industry of a preset key ("steel") or of a code; see :func:`get_code`."""
    return get_code(key)
