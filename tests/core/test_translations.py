"""zh_CN ships complete: every string in the sources is in the .ts, translated, with its
placeholders intact, and the compiled .qm holds them all."""
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "i18n" / "jwjt_zh_CN.ts"
QM = ROOT / "i18n" / "jwjt_zh_CN.qm"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def messages(path):
    return [(c.findtext("name"), m) for c in ET.parse(path).getroot().iter("context") for m in c.iter("message")]


def test_every_message_is_translated_with_the_same_placeholders():
    problems = []
    for ctx, m in messages(TS):
        src, tr = m.findtext("source"), m.find("translation")
        text = (tr.text or "") if tr is not None else ""
        if not text.strip() or tr.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append(f"untranslated [{ctx}] {src}")
        elif sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"placeholders differ [{ctx}] {src} -> {text}")
    assert not problems, "\n".join(problems)


@pytest.mark.skipif(shutil.which("pylupdate5") is None, reason="pylupdate5 not installed")
def test_ts_is_up_to_date_with_the_sources(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "jwjt_plugin").rglob("*.py"))
    subprocess.run(["pylupdate5", "-noobsolete", *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {(ctx, m.findtext("source")) for ctx, m in messages(fresh)}
    have = {(ctx, m.findtext("source")) for ctx, m in messages(TS)}
    assert not wanted - have, f"run `make update-ts` and translate: {sorted(wanted - have)[:10]}"


def test_compiled_qm_holds_every_translation():
    """The .qm is built from the .ts by make (git keeps no mtimes, so compare contents):
    every translated message must come back from it."""
    assert QM.exists(), "run `make translations`"
    from qgis.PyQt.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(QM))
    stale = []
    for ctx, m in messages(TS):
        want = m.findtext("translation") or ""
        if m.get("numerus") == "yes" or not want.strip():
            continue
        # PyQt5 passes str as ASCII to QTranslator's char*; bytes go through as UTF-8.
        if translator.translate(ctx.encode(), m.findtext("source").encode()) != want:
            stale.append(f"[{ctx}] {m.findtext('source')}")
    assert not stale, f"run `make translations`: {stale[:5]}"


#: Emission units as an English report writes them; a Chinese one writes 吨/年, 千吨/年, 吨/平方千米.
ENGLISH_UNITS = re.compile(r"(?<![A-Za-z])(k|M)?t/(yr|km²|km2)\b|kg/yr")


def test_chinese_translations_write_units_in_chinese():
    wrong = [f"[{ctx}] {m.findtext('translation')}" for ctx, m in messages(TS)
             if ENGLISH_UNITS.search(m.findtext("translation") or "")]
    assert not wrong, "\n".join(wrong[:10])
