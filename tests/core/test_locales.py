"""The plugin's translation follows every spelling of the language QGIS runs in."""
import pytest

from jwjt_plugin.locales import parse, pick, qgis_language

SHIPPED = ["zh_CN"]


@pytest.mark.parametrize("code", ["zh-Hans", "zh_CN", "zh-CN", "zh_Hans_CN", "zh_Hans", "zh", "zh_CN.UTF-8",
                                  "zh_SG", "zh-Hans-CN", "ZH_cn"])
def test_simplified_chinese_spellings_pick_zh_cn(code):
    assert pick(code, SHIPPED) == "zh_CN"


@pytest.mark.parametrize("code", ["zh-Hant", "zh_TW", "zh_HK", "zh_Hant_TW", "en", "en_US", "de_DE", "C", "", "POSIX"])
def test_other_languages_get_no_chinese(code):
    assert pick(code, SHIPPED) is None


def test_region_specific_file_wins_over_language():
    assert pick("pt_BR", ["pt", "pt_BR"]) == "pt_BR"
    assert pick("pt-PT", ["pt", "pt_BR"]) == "pt"
    assert pick("zh-Hant", ["zh_CN", "zh_TW"]) == "zh_TW"


def test_parse_keeps_script_and_region():
    assert parse("zh_Hans_CN") == ("zh", "Hans", "CN")
    assert parse("zh-TW") == ("zh", "Hant", "TW")
    assert parse("es_419") == ("es", "", "419")


def test_language_source_follows_qgis_start_up_order():
    # QGIS tells which translation it loaded: that wins (also covers --lang).
    assert qgis_language("zh-Hans", False, "en_US", "en_US") == "zh-Hans"
    # Settings ▸ General ▸ override system locale.
    assert qgis_language("", True, "zh-Hans", "en_US") == "zh-Hans"
    # No override: the system locale, whatever an old userLocale says.
    assert qgis_language("", False, "zh-Hans", "de_DE") == "de_DE"
    assert qgis_language("", False, "zh_CN", "") == "zh_CN"
