"""Rewrite place_codes.json from the country data: `python -m indicators.extract.vocabulary.place_codes`."""

from indicators.extract.vocabulary import write_place_country_codes

if __name__ == "__main__":
    write_place_country_codes()
