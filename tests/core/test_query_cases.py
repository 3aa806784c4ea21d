"""The labelled access-query cases (tests/data/query_cases/cases.json), run through the whole query.

Each case becomes a one-unit layer (a 1 km square in CGCS2000 / 3-degree GK zone 38, EPSG:4547)
holding the case's requirement texts, a point site at its centre, and — when the case says whether
the site touches the ecological red line — a red-line layer that covers the site or lies beside it.
The verdict must be the case's, and a reason of that verdict must cite the case's sentence.
"""
from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from jwjt_plugin.core.access_query import PLAN_REDLINE, VERDICT_PASS, query_site

CASES = json.loads((Path(__file__).resolve().parents[1] / "data" / "query_cases" / "cases.json")
                   .read_text(encoding="utf-8"))["cases"]
FIELDS = {"spatial": "KJBJYS", "emission": "PWWPFGK", "risk": "HJFXFK", "resource": "ZYKFXLYQ"}
NEUTRAL = "加强日常环境监管。"
X0, Y0 = 500000.0, 2500000.0
CRS = "EPSG:4547"


def unit_frame(case):
    row = {"HJZHGKDYBM": f"ZH990101{case['unit_class']}0001", "HJZHGKDYMC": case["unit_name"],
           "ZHGKDYFL": case["unit_class"]}
    for dim, name in FIELDS.items():
        row[name] = case["texts"].get(dim, NEUTRAL)
    return gpd.GeoDataFrame([row], geometry=[shapely.box(X0, Y0, X0 + 1000, Y0 + 1000)], crs=CRS)


def plans_for(case):
    if case["redline"] is None:
        return {}
    box = shapely.box(X0 + 300, Y0 + 300, X0 + 700, Y0 + 700) if case["redline"] else \
        shapely.box(X0 + 800, Y0 + 800, X0 + 950, Y0 + 950)
    red = gpd.GeoDataFrame({"HXBM": ["HX990101001"], "HXMC": ["示例红线"]}, geometry=[box], crs=CRS)
    return {PLAN_REDLINE: (red, None, "redline")}


def run_case(case):
    return query_site(shapely.Point(X0 + 500, Y0 + 500), CRS, case["code"], unit_frame(case), plans=plans_for(case),
                      units_layer="units", kind=case["kind"])


def test_the_cases_cover_what_the_brief_asks_for():
    assert len(CASES) >= 40 and len({c["id"] for c in CASES}) == len(CASES)
    verdicts = {c["verdict"] for c in CASES}
    assert verdicts == {"pass", "restricted", "fail", "needs_info"}
    texts = " ".join(t for c in CASES for t in c["texts"].values())
    for needle in ("禁止新增炼油产能", "除", "置换", "红线", "须", "应"):
        assert needle in texts, needle
    assert {c["kind"] for c in CASES} == {"new", "reconstruct", "expand", "relocate"}
    assert len({c["style"] for c in CASES}) >= 5


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    r = run_case(case)
    assert r.verdict == case["verdict"], r.reasons_text()
    if case["cited"] is None:
        assert r.verdict == VERDICT_PASS
        # Nothing concerns the project: the one pass reason names the unit, no sentence.
        assert [x.cited for x in r.reasons if x.verdict != VERDICT_PASS] == []
        assert not [c for c in r.clauses if c.finding.applies and c.verdict != VERDICT_PASS]
    else:
        cited = [x.cited for x in r.reasons if x.verdict == case["verdict"]]
        assert case["cited"] in cited, r.reasons_text()
