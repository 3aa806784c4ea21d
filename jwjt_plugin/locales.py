"""Which of the plugin's translations matches the language QGIS runs in (no Qt needed).

QGIS names its languages by its own translation codes (``zh-Hans``, ``zh-Hant``, ``pt_BR``)
when the user picks one in Settings ▸ General, and by the system locale (``zh_CN``,
``zh_Hans_CN``, ``zh-CN``) when they do not; both reach a plugin. The plugin ships
``jwjt_<lang>_<REGION>.qm`` files, so every spelling of a language is reduced to language,
script and region first and then matched, the way Qt's own locale fallback would.
"""
from __future__ import annotations

from typing import Iterable, List, Optional, Tuple

#: Regions that write Chinese in traditional characters when no script is given.
TRADITIONAL_REGIONS = frozenset({"TW", "HK", "MO"})


def parse(code: str) -> Tuple[str, str, str]:
    """(language, script, region) of a locale code in any of the spellings QGIS or the
    system use: ``zh-Hans``, ``zh_CN``, ``zh-CN``, ``zh_Hans_CN``, ``zh_CN.UTF-8``, ``en``."""
    code = (code or "").split(".")[0].split("@")[0].replace("-", "_").strip()
    parts = [p for p in code.split("_") if p]
    if not parts or parts[0].upper() in ("C", "POSIX"):
        return "", "", ""
    lang, script, region = parts[0].lower(), "", ""
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            script = part.title()
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            region = part.upper()
    if lang == "zh" and not script:
        script = "Hant" if region in TRADITIONAL_REGIONS else "Hans"
    return lang, script, region


def candidates(code: str) -> List[str]:
    """Translation names to try for ``code``, best first (``zh_CN`` for any simplified
    Chinese, ``zh_TW`` for traditional)."""
    lang, script, region = parse(code)
    if not lang:
        return []
    if lang == "zh":
        return ["zh_TW", "zh_HK", "zh_Hant"] if script == "Hant" else ["zh_CN", "zh_Hans", "zh"]
    out = [f"{lang}_{region}"] if region else []
    return out + [lang]


def pick(code: str, available: Iterable[str]) -> Optional[str]:
    """The first of :func:`candidates` that is ``available`` (names like ``zh_CN``)."""
    have = set(available)
    return next((name for name in candidates(code) if name in have), None)


def qgis_language(translation: str, override: bool, user_locale: str, system_locale: str) -> str:
    """The language QGIS itself runs in: the translation it loaded when it says so (this
    includes ``--lang``), else the user's choice when Settings overrides the system
    locale, else the system locale; the same order as QGIS's start-up."""
    if translation:
        return translation
    if override and user_locale:
        return user_locale
    return system_locale or user_locale
