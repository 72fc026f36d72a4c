"""A hazard's intensity: an earthquake's magnitude ("A magnitude 6.0 earthquake", "an
aftershock of magnitude 5.2"), a storm's wind speed ("sustained winds of 185 km/h"). It
describes the hazard, not its toll, and is read as a figure only for a catalogue that keeps
an indicator in its unit (`figures.json`: `hazard_units`); elsewhere it is no figure, as a
depth or a distance is none."""

from __future__ import annotations

from indicators.extract import vocabulary
from indicators.extract.catalogue import unit_family

HAZARD_UNITS = frozenset(vocabulary.words("hazard_units"))


def kept_by(catalogue, unit: str) -> bool:
    """Is a measure in `unit` a figure for `catalogue`: any unit but a hazard's, and a
    hazard's when some indicator of the catalogue is kept in it?"""
    return unit not in HAZARD_UNITS or catalogue.family_size(unit_family(unit)) > 0
