"""Species names as users write them, made canonical once for every front end.

``co2``, ``NOX``, ``pm25``, ``PM2.5``, ``PM₂.₅`` all name one of :data:`grid.SPECIES`;
anything else is refused with the list of known species, and a species given twice is
refused naming both sources (silently keeping one would drop the other grid).
"""
from __future__ import annotations

import re
from typing import Dict, Iterable, List, Optional, Tuple

from .grid import SPECIES
from .messages import QT_TRANSLATE_NOOP, JwjtInputError

#: normalised spelling -> canonical species (normalised: upper case, no spaces, dots, dashes, underscores)
_ALIASES = {
    "CO2": "CO2",
    "NOX": "NOx", "NO2": "NOx",
    "VOCS": "VOCs", "VOC": "VOCs", "NMVOC": "VOCs", "NMVOCS": "VOCs",
    "PM25": "PM2.5", "PM2P5": "PM2.5",
}


def _normalise(text: str) -> str:
    s = str(text).translate(str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789"))
    return re.sub(r"[\s._\-]", "", s).upper()


def canonical_species(text: str) -> Optional[str]:
    """The canonical species for ``text`` (case and punctuation ignored), None when unknown."""
    return _ALIASES.get(_normalise(text))


def require_species(text: str, source: str = "") -> str:
    """:func:`canonical_species`, refusing an unknown name with the list of known ones."""
    species = canonical_species(text)
    if species is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Unknown species '{species}' ({source}); the known species are {known} "
                     "(case does not matter; PM25 and pm2.5 mean PM2.5)."),
            species=str(text).strip(), source=source or "—", known=", ".join(SPECIES))
    return species


def species_sources(pairs: Iterable[Tuple[str, str]]) -> Dict[str, str]:
    """``[(species as written, source)]`` -> ``{canonical species: source}``.

    Refuses unknown species and a species given twice (under any spelling), naming both sources.
    """
    out: Dict[str, str] = {}
    written: Dict[str, str] = {}
    for text, source in pairs:
        species = require_species(text, source)
        if species in out:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Species {species} is given twice: '{first}' ({as_first}) and '{second}' ({as_second}). "
                         "Give one grid per species."),
                species=species, first=out[species], as_first=written[species], second=source,
                as_second=str(text).strip())
        out[species] = source
        written[species] = str(text).strip()
    return out


def pollutants_given(species: Iterable[str]) -> List[str]:
    """The pollutants among ``species`` that a coincidence rule can use (NOx, VOCs)."""
    given = set(species)
    return [s for s in ("NOx", "VOCs") if s in given]
