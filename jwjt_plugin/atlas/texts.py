"""Every text the atlas prints, translated at the time of the export.

The template holds no wording of its own: its labels show layout variables
(``@jwjt_page_title`` ...) and fields of the atlas feature, which the export fills with
the strings below, so the same template prints in the user's language.
"""
from __future__ import annotations

from typing import Dict

from ..adapters.i18n import tr, tr_core
from ..core.terms import Dimension, SynergyClass, UnitClass, join_zh, label


def with_term(text: str, zh: str) -> str:
    """The translated text, followed by the Chinese term unless it already is Chinese."""
    return join_zh(text, zh)


def unit_class_label(cls: int) -> str:
    if cls in {c.value for c in UnitClass}:
        return label(UnitClass(cls), tr_core)
    return tr("Class unknown")


def synergy_label(key: str) -> str:
    return f"{key} " + label(SynergyClass(key), tr_core)


def dimension_labels() -> Dict[str, str]:
    """The four access-list dimensions (official terms of core/terms.py) and remarks, in order."""
    out = {d.value: label(d, tr_core) for d in Dimension}
    out["remark"] = with_term(tr("Remarks"), "备注")
    return out


def continued(label: str) -> str:
    return tr("{label} (continued)").format(label=label)


def _option(enum_cls, value) -> str:
    """An option's label from the core's vocabulary (the dock's combos and Processing show the same)."""
    from ..adapters.i18n import tr_core
    from ..core.options import option_label

    try:
        return tr_core(option_label(enum_cls(value)))
    except ValueError:
        return str(value)


def method_text(params) -> str:
    from ..core.options import HotspotMethod

    if params.hotspot_method == HotspotMethod.TOPK.value:
        return _option(HotspotMethod, params.hotspot_method)
    text = tr("Getis–Ord Gi* (bin ≥ {bin})").format(bin=params.gi_min_bin)
    return text + (" FDR" if params.gi_fdr else "")


def rule_text(rule: str) -> str:
    from ..core.options import CoincidenceRule

    return _option(CoincidenceRule, rule)


def domain_text(domain: str) -> str:
    from ..core.options import RankDomain

    return _option(RankDomain, domain)


def denominator_text(denominator: str) -> str:
    from ..core.options import Denominator

    return _option(Denominator, denominator)


def share_item(share: str, species: str) -> str:
    return tr("{share} of {species}").format(share=share, species=species)


def parameters_text(params) -> str:
    return tr("Top {k} % of cells by CO2, counted among {denominator} ({domain}); pollutant hotspots: {method}; "
              "coincidence rule: {rule}; a unit is flagged when coincidence cells cover at least {area} of it "
              "or hold at least {co2} of its CO2.").format(
        k=f"{params.k_percent:g}", denominator=denominator_text(params.denominator).lower(),
        domain=domain_text(params.domain).lower(), method=method_text(params), rule=rule_text(params.rule),
        area=f"{params.flag_min_area_share * 100:g}\u00a0%", co2=f"{params.flag_min_co2_share * 100:g}\u00a0%")


def default_title(city: str = "") -> str:
    if city:
        return tr("{city} pollution–carbon synergy atlas").format(city=city)
    return tr("Pollution–carbon synergy atlas")


def t_per_year() -> str:
    """The mass unit of every emission figure: 吨/年 in Chinese, t/yr in English."""
    return tr("t/yr")


def t_per_km2() -> str:
    return tr("t/km²")


def with_unit(what: str, unit: str) -> str:
    return tr("{what} ({unit})").format(what=what, unit=unit)


def emission_label(species: str) -> str:
    return with_unit(species, t_per_year())


def date_text(day) -> str:
    return tr("{year}-{month}-{day}").format(year=day.year, month=f"{day.month:02d}", day=f"{day.day:02d}")


def page_label(page: int, pages: int) -> str:
    return tr("Page {page} of {pages}").format(page=page, pages=pages)


# -- overview pages ---------------------------------------------------------------------
def grid_title(species: str) -> str:
    return tr("{species} emissions per grid cell").format(species=species)


def grid_subtitle(name: str, total: str) -> str:
    return tr("Grid '{name}'; {total} {unit} in the cells under the units.").format(name=name, total=total,
                                                                                   unit=t_per_year())


def grid_missing(species: str) -> str:
    return tr("No {species} grid was given, so this page shows the control units only.").format(species=species)


def grid_legend_title(species: str) -> str:
    return tr("{species} per grid cell ({unit})").format(species=species, unit=t_per_year())


def top_title(k: float) -> str:
    return tr("Top {k} % of cells by CO2").format(k=f"{k:g}")


def top_subtitle(n: int, domain: int, shares: str) -> str:
    return tr("{n} of {domain} cells; they hold {shares}.").format(n=n, domain=domain, shares=shares)


def top_legend(k: float, n: int) -> str:
    return tr("CO2 top {k} % cells ({n})").format(k=f"{k:g}", n=n)


def coincidence_title(k: float) -> str:
    return tr("Coincidence cells: CO2 top {k} % cells that are also pollutant hotspots").format(k=f"{k:g}")


def coincidence_subtitle(n: int, rule: str, shares: str) -> str:
    return tr("{n} coincidence cells (rule: {rule}); they hold {shares}.").format(n=n, rule=rule, shares=shares)


def coincidence_legend(n: int) -> str:
    return tr("Coincidence cells ({n})").format(n=n)


def top_only_legend(k: float, n: int) -> str:
    return tr("CO2 top {k} % cells, not pollutant hotspots ({n})").format(k=f"{k:g}", n=n)


def classes_title() -> str:
    return tr("Control units by class")


def classes_subtitle(counts: str) -> str:
    return tr("Units per class: {counts}.").format(counts=counts)


def flagged_title() -> str:
    return tr("Synergy classes and flagged units")


def flagged_subtitle(n: int, total: int) -> str:
    return tr("{n} of {total} units are flagged as synergy hotspots (class A).").format(n=n, total=total)


def empty_mask_note() -> str:
    return tr("No cell falls in this set.")


def legend_units() -> str:
    return tr("Control units")


def legend_unit_class() -> str:
    return tr("Unit class")


def legend_synergy() -> str:
    return tr("Synergy class")


def legend_cells() -> str:
    return tr("Grid cells")


def legend_this_unit() -> str:
    return tr("This unit")


def legend_other_units() -> str:
    return tr("Other units")


# -- concentration page -------------------------------------------------------------------
def concentration_title() -> str:
    return tr("Emission concentration")


def concentration_subtitle(k: float, n_top: int, n_domain: int, shares: str) -> str:
    return tr("The top {k} % of cells by CO2 ({n} of {total} cells) hold {shares}.").format(
        k=f"{k:g}", n=n_top, total=n_domain, shares=shares)


def concentration_summary(n: int, shares: str) -> str:
    return tr("Coincidence cells ({n}) hold {shares}.").format(n=n, shares=shares)


def curve_title() -> str:
    return tr("Emission concentration curve")


def curve_axes() -> tuple:
    return (tr("Share of cells ranked by CO2 (%)"), tr("Cumulative share of emissions (%)"))


def curve_marker(k: float) -> str:
    """The label of the top-k % line inside the chart."""
    return tr("top {k} % of cells").format(k=f"{k:g}")


def curve_note() -> str:
    return tr("Logarithmic x axis: the top few % of cells hold most of the emissions.")


def concentration_headings(k: float) -> list:
    unit = t_per_year()
    return [tr("Species"), with_unit(tr("Total in the ranked cells"), unit),
            tr("Share in top {k} % CO2 cells").format(k=f"{k:g}"), tr("Share in coincidence cells"),
            with_unit(tr("Total under the units"), unit)]


def concentration_heading() -> str:
    return tr("Concentration table")


# -- notes page ---------------------------------------------------------------------------
def notes_title() -> str:
    return tr("Notes and sources")


def notes_subtitle() -> str:
    return tr("Who prepared this atlas, from which data and by which method; what the analysis reported.")


def organisation_item() -> str:
    return tr("Prepared by")


def organisation_text(organisation: str) -> str:
    return organisation.strip() or tr("(not stated)")


def sources_item() -> str:
    return tr("Data sources")


def source_text(species: str, name: str, year: str) -> str:
    if year:
        return tr("{species}: {name}, year {year}").format(species=species, name=name, year=year)
    return tr("{species}: {name}, year not stated").format(species=species, name=name)


def units_source_text(n: int) -> str:
    return tr("Control units: {n} units in the given layer").format(n=n)


def method_item() -> str:
    return tr("Method")


def method_summary() -> str:
    return tr("The emission grids are overlaid with the control units by exact cell areas (the grids are not "
              "resampled); cells are ranked by CO2; coincidence cells are CO2 top cells that are also pollutant "
              "hotspots; a unit is flagged by the share of coincidence cells in it (parameters below).")


# -- cover and contents -------------------------------------------------------------------
def cover_kicker() -> str:
    return tr("Pollution and carbon reduction synergy control · map atlas")


def cover_subtitle(place: str, n_units: int, n_sheets: int) -> str:
    text = tr("{units} environmental control units, {sheets} unit sheets").format(units=n_units, sheets=n_sheets)
    return f"{place}\n{text}" if place else text


def cover_organisation(organisation: str) -> str:
    return tr("Prepared by: {organisation}").format(organisation=organisation_text(organisation))


def cover_date(day: str) -> str:
    return tr("Date: {date}").format(date=day)


def cover_title() -> str:
    return tr("Cover")


def contents_title() -> str:
    return tr("Contents")


def contents_subtitle() -> str:
    return tr("The sections of the atlas and the sheet of every control unit, with their pages.")


def contents_headings() -> list:
    return [tr("No."), tr("Title"), tr("Page")]


def overview_section() -> str:
    return tr("Overview maps")


def units_section() -> str:
    return tr("Control unit sheets")


def locator_heading() -> str:
    return tr("Location")


def notes_headings() -> list:
    return [tr("Item"), tr("Details")]


# -- unit pages ---------------------------------------------------------------------------
def indicators_heading() -> str:
    return tr("Indicators")


def access_heading() -> str:
    return with_term(tr("Environmental access list"), "生态环境准入清单")


def access_continued_heading() -> str:
    return continued(access_heading())


def metrics_headings() -> list:
    return [tr("Indicator"), tr("Value"), tr("Indicator"), tr("Value")]


def access_headings() -> list:
    return [tr("Dimension"), tr("Requirements")]


def no_text() -> str:
    return tr("(none given)")


def no_field() -> str:
    return tr("(the unit layer has no field for this dimension)")
