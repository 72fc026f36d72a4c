"""Rewrite subdivisions.json from the ISO 3166-2 data pycountry ships:
`python -m indicators.extract.vocabulary.subdivisions` (after editing the subdivision lists of
places.json, or on a new pycountry)."""

from indicators.extract.vocabulary import write_subdivisions

if __name__ == "__main__":
    write_subdivisions()
