"""Synthetic tables at any size, with report texts that their quotes are cut from.

`generate(folder, observations)` writes `data/*.csv` (the four tables, valid against the
schema) and `reports/*.txt` (one text per source). Every quote is a sentence of its
report, `text[quote_start:quote_end] == quote`, and every `*_as_stated` phrase appears in
its quote, so `python -m indicators validate DATA --reports REPORTS` finds no problem.

The publishers, reports and figures are invented for measuring speed; each source's notes
say so. Places are real region names so that texts have realistic shapes and characters.

    python -m benchmarks.synthetic --observations 100000 --out benchmarks/output/syn-1e5
"""

from __future__ import annotations

import argparse
import calendar
import csv
import hashlib
import json
import shutil
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from indicators import schema

GENERATOR_VERSION = 1  # bump when the output changes, so cached folders are rebuilt
FIRST_DAY = date(2024, 1, 1)
DAYS = 731  # two years: 2024-01-01 to 2025-12-31
OBSERVATIONS_PER_SOURCE = 100
EVENTS_PER_OBSERVATION = 1 / 20
MIN_EVENTS = 13
SENTENCES_PER_PARAGRAPH = 5
MANIFEST = "manifest.json"

LOCATIONS = (
    "Gaza Strip",
    "North Gaza",
    "Gaza City",
    "Deir al-Balah",
    "Khan Younis",
    "Rafah",
    "Jenin",
    "Tulkarm",
    "Nablus",
    "Hebron",
    "Bethlehem",
    "Ramallah",
    "Jericho",
    "Qalqilya",
    "Tubas",
    "Salfit",
    "East Jerusalem",
    "Khartoum",
    "North Darfur",
    "South Darfur",
    "West Darfur",
    "Central Darfur",
    "East Darfur",
    "Gezira",
    "North Kordofan",
    "South Kordofan",
    "Blue Nile",
    "White Nile",
    "Kassala",
    "Red Sea State",
    "Kharkiv",
    "Donetsk",
    "Zaporizhzhia",
    "Kherson",
    "Sumy",
    "Dnipropetrovsk",
    "Mykolaiv",
    "Odesa",
    "Chernihiv",
    "Luhansk",
    "Sana'a",
    "Aden",
    "Taiz",
    "Hodeidah",
    "Marib",
    "Hajjah",
    "Saada",
    "Ibb",
    "Port-au-Prince",
    "Artibonite",
    "Banadir",
    "Bay",
    "Gedo",
    "Hiraan",
    "North Kivu",
    "South Kivu",
    "Ituri",
    "Idlib",
    "Aleppo",
    "Deir ez-Zor",
    "Raqqa",
    "Tigray",
    "Amhara",
    "Afar",
    "Ménaka",
    "Gao",
    "Mopti",
    "Cox's Bazar",
    "Rakhine",
    "Borno",
    "Adamawa",
    "Yobe",
    "Diffa",
    "Tillabéri",
    "Far North Region",
    "Lake Chad Basin",
)
CITIES = ("Doha", "Cairo", "Geneva", "Amman", "Nairobi", "Jeddah", "Istanbul", "Addis Ababa")
PUBLISHER_FIRST = (
    "Northern",
    "Coastal",
    "Eastern",
    "Highland",
    "Delta",
    "Frontier",
    "Central",
    "Riverside",
)
PUBLISHER_SECOND = (
    "Relief Monitor",
    "Aid Bulletin",
    "Health Watch",
    "Humanitarian Digest",
    "Field Report",
    "Crisis Tracker",
)
ATTRIBUTIONS = (
    "the Health Cluster",
    "the Food Security Cluster",
    "the Water, Sanitation and Hygiene Cluster",
    "the Logistics Cluster",
    "the Protection Cluster",
    "the Shelter Cluster",
    "the Education Cluster",
    "local health authorities",
    "the regional governor’s office",
    "the municipal water authority",
    "a spokesperson for the relief coordination office",
    "the field office’s head of operations",
)
STATUS_PHRASES = (
    "resumed intermittently but remain far below what is needed",
    "nowhere near enough",
    "suspended since the crossings closed",
    "limited to a few trucks a day",
    "severely restricted",
    "entirely halted",
)

# (indicator_id, name, unit, definition, hxl tag, body with {value} and {location})
INDICATORS = (
    ("share_households_severe_water_shortage", "Households facing severe water shortages",
     "percent", "Share of households that face severe water shortages.",
     "#affected+hh+water_shortage+pct", "{value} of households in {location} face severe water shortages"),
    ("share_people_days_without_eating", "People going days without eating", "percent",
     "Share of the population going multiple days without eating.",
     "#affected+ind+no_food_days+pct", "{value} people in {location} are going multiple days without eating"),
    ("share_children_acutely_malnourished", "Children acutely malnourished", "percent",
     "Share of children under five with acute malnutrition.", "#affected+children+malnourished+pct",
     "{value} of children under five in {location} are acutely malnourished"),
    ("share_health_facilities_damaged", "Health facilities damaged", "percent",
     "Share of health facilities damaged or destroyed.", "#affected+health_facilities+damaged+pct",
     "{value} of health facilities in {location} have been damaged or destroyed"),
    ("share_population_displaced", "Population displaced", "percent",
     "Share of the population forced from their homes.", "#affected+idps+pct",
     "{value} of the population of {location} has been displaced"),
    ("share_schools_damaged", "Schools damaged", "percent", "Share of school buildings damaged.",
     "#affected+schools+damaged+pct", "{value} of school buildings in {location} are damaged"),
    ("share_households_no_electricity", "Households without electricity", "percent",
     "Share of households with no electricity supply.", "#affected+hh+no_power+pct",
     "{value} of households in {location} have no electricity"),
    ("share_cropland_damaged", "Cropland damaged", "percent", "Share of cropland damaged.",
     "#affected+cropland+damaged+pct", "{value} of the cropland around {location} has been damaged"),
    ("share_water_facilities_working", "Water facilities working", "percent",
     "Share of water facilities still working.", "#operational+water_facilities+pct",
     "only {value} of water facilities in {location} are still working"),
    ("share_households_food_insecure", "Households food insecure", "percent",
     "Share of households in acute food insecurity.", "#affected+hh+food_insecure+pct",
     "{value} of households in {location} face acute food insecurity"),
    ("people_killed", "People killed", "count", "Number of people killed.", "#affected+killed+num",
     "{value} people have been killed in {location}"),
    ("people_injured", "People injured", "count", "Number of people injured.",
     "#affected+injured+num", "{value} people have been injured in {location}"),
    ("people_displaced", "People displaced", "count", "Number of people displaced.",
     "#affected+idps+num", "{value} people have fled their homes in {location}"),
    ("hospitals_not_functioning", "Hospitals no longer functioning", "count",
     "Number of hospitals that are no longer functioning.", "#affected+hospitals+not_functioning+num",
     "{value} hospitals in {location} are no longer functioning"),
    ("aid_trucks_entered", "Aid trucks entered", "count", "Number of aid trucks that entered.",
     "#delivered+aid_trucks+num", "{value} aid trucks entered {location}"),
    ("children_out_of_school", "Children out of school", "count",
     "Number of children out of school.", "#affected+children+out_of_school+num",
     "{value} children in {location} are out of school"),
    ("attacks_on_health_care", "Attacks on health care", "count",
     "Number of attacks on health care recorded.", "#event+attacks+health+num",
     "{value} attacks on health care were recorded in {location}"),
    ("aid_workers_killed", "Aid workers killed", "count", "Number of aid workers killed.",
     "#affected+aid_workers+killed+num", "{value} aid workers have been killed in {location}"),
    ("schools_used_as_shelters", "Schools used as shelters", "count",
     "Number of schools used as shelters.", "#shelters+schools+num",
     "{value} schools in {location} are being used as shelters"),
    ("people_in_famine", "People facing famine conditions", "count",
     "Number of people in famine conditions (IPC Phase 5).", "#affected+ipc5+num",
     "{value} people in {location} face famine conditions"),
    ("bakeries_operating", "Bakeries operating", "count", "Number of bakeries still operating.",
     "#operational+bakeries+num", "{value} bakeries in {location} are still operating"),
    ("water_points_destroyed", "Water points destroyed", "count",
     "Number of water points destroyed.", "#affected+water_points+destroyed+num",
     "{value} water points in {location} have been destroyed"),
    ("days_without_aid_entry", "Days without aid entering", "days",
     "Consecutive days on which no aid entered.", "#indicator+days_no_aid+num",
     "no aid has entered {location} for {value}"),
    ("days_without_power", "Days without power", "days", "Consecutive days without mains power.",
     "#indicator+days_no_power+num", "{location} has been without mains power for {value}"),
    ("war_duration", "Duration of the war", "months", "Time since the war began, in months.",
     "#indicator+war_duration+months+num", "the war in {location} has lasted {value}"),
    ("displacement_duration", "Duration of displacement", "months",
     "Time displaced families have been away from home, in months.",
     "#indicator+displacement_duration+months+num",
     "displaced families from {location} have been away from home for {value}"),
    ("food_deliveries_status", "Food deliveries", "status",
     "Whether and how food deliveries are getting in, in the words of the source.",
     "#status+food_deliveries", "food deliveries to {location} have {value}"),
    ("aid_adequacy", "Aid let in, against need", "status",
     "Whether the humanitarian aid allowed in meets the need, in the words of the source.",
     "#status+aid+adequacy", "aid reaching {location} is {value}"),
    ("fuel_supply_status", "Fuel supply", "status",
     "Whether fuel for generators and water pumps is getting in.", "#status+fuel",
     "fuel supplies to {location} are {value}"),
    ("crossings_status", "Border crossings", "status",
     "Whether the crossings into the area are open.", "#status+crossings",
     "the crossings into {location} are {value}"),
)  # fmt: skip

RATIO_WORDS = ((33.3, "one in three"), (25, "one in four"), (20, "one in five"),
               (50, "one in two"), (66.7, "two in three"), (10, "one in ten"))  # fmt: skip
HEDGES = ("nearly", "almost", "about", "around", "roughly", "some", "close to", "estimated")
LOWER = schema.LOWER_BOUND_QUALIFIERS
UPPER = schema.UPPER_BOUND_QUALIFIERS
WEEKDAYS = tuple(calendar.day_name)
MONTHS = tuple(calendar.month_name)


@dataclass(frozen=True)
class Dataset:
    folder: Path
    data_dir: Path
    reports_dir: Path
    observations: int
    events: int
    sources: int
    indicators: int
    report_bytes: int
    csv_bytes: int


def _day(offset: int) -> date:
    return FIRST_DAY + timedelta(days=int(offset))


def _day_words(day: date) -> str:
    return f"{day.day} {MONTHS[day.month]} {day.year}"


def _month_start(day: date, back: int = 0) -> date:
    month = day.month - back
    year = day.year
    while month < 1:
        month += 12
        year -= 1
    return date(year, month, 1)


def _count_words(value: int) -> str:
    return f"{value:,}"


class _Writer:
    """Rows of one table, written with the csv module (quoting what needs quoting)."""

    def __init__(self, path: Path, table: schema.Table) -> None:
        self.handle = path.open("w", encoding="utf-8", newline="")
        self.columns = table.column_names
        self.writer = csv.writer(self.handle, lineterminator="\n")
        self.writer.writerow(self.columns)

    def row(self, values: dict[str, object]) -> None:
        self.writer.writerow(
            ["" if values.get(name) is None else values.get(name) for name in self.columns]
        )

    def close(self) -> None:
        self.handle.close()


def _observation_value(rng: np.random.Generator, unit: str, body: str) -> dict[str, object]:
    """value, bounds, qualifier and value_as_stated for one figure in `unit`."""
    roll = rng.random()
    if unit == "status":
        return {"value_as_stated": STATUS_PHRASES[rng.integers(len(STATUS_PHRASES))]}
    if unit == "percent":
        if roll < 0.5 and body.startswith("{value} people"):
            value, words = RATIO_WORDS[rng.integers(len(RATIO_WORDS))]
            hedge = HEDGES[rng.integers(5)] if rng.random() < 0.7 else ""
            stated = f"{hedge} {words}".strip()
            return {"value": value, "qualifier": hedge, "value_as_stated": stated}
        value = int(rng.integers(2, 99))
        words = f"{value} percent" if rng.random() < 0.6 else f"{value}%"
    elif unit == "count":
        if roll < 0.06:
            vague = ("many", "several")[int(rng.integers(2))]
            return {"qualifier": vague, "value_as_stated": vague}
        value = int(rng.lognormal(6, 1.6)) + 2
        words = _count_words(value)
    else:  # days, months
        value = int(rng.integers(2, 30))
        words = f"{value} {unit}"
    row: dict[str, object] = {"value": value}
    kind = rng.random()
    if kind < 0.35:
        qualifier = ""
    elif kind < 0.7:
        qualifier = HEDGES[rng.integers(len(HEDGES))]
    elif kind < 0.88:
        qualifier = LOWER[rng.integers(len(LOWER))]
        row["value_low"] = value
    else:
        qualifier = UPPER[rng.integers(len(UPPER))]
        row["value_high"] = value
    if qualifier == "estimated":
        words = f"an estimated {words}"
    elif qualifier:
        words = f"{qualifier} {words}"
    row["qualifier"] = qualifier
    row["value_as_stated"] = words
    return row


def _observation_period(rng: np.random.Generator, said: date) -> tuple[dict[str, object], str]:
    """The period a figure describes (or none), and the phrase the quote says it with."""
    roll = rng.random()
    if roll < 0.55:
        return {}, ""
    if roll < 0.7:
        start = _month_start(said, int(rng.integers(0, 3)))
        words = f"in {MONTHS[start.month]} {start.year}"
        return {
            "period_start": start,
            "period_end": start,
            "period_precision": "month",
            "period_as_stated": words,
        }, " " + words
    if roll < 0.82:
        start = _month_start(said, int(rng.integers(2, 5)))
        end = _month_start(said, 1).replace(day=11)
        words = f"between early {MONTHS[start.month]} and mid-{MONTHS[end.month]}"
        return {
            "period_start": start,
            "period_end": end,
            "period_precision": "early-month",
            "period_end_precision": "mid-month",
            "period_as_stated": words,
        }, " " + words
    if roll < 0.92:
        start = said - timedelta(days=7)
        return {
            "period_start": start,
            "period_end": start,
            "period_precision": "week",
            "period_as_stated": "over the past week",
        }, " over the past week"
    if roll < 0.96:
        start = date(said.year, 1, 1)
        return {
            "period_start": start,
            "period_end": start,
            "period_precision": "year",
            "period_as_stated": "so far this year",
        }, " so far this year"
    start = said - timedelta(days=int(rng.integers(1, 6)))
    words = f"on {start.day} {MONTHS[start.month]}"
    return {
        "period_start": start,
        "period_end": start,
        "period_precision": "day",
        "period_as_stated": words,
    }, " " + words


def _observation_sentence(
    rng: np.random.Generator, body: str, attributed: str, weekday: str, period: str
) -> str:
    said = f" on {weekday}" if weekday else ""
    frame = rng.integers(3)
    if frame == 0:
        if said:
            return f"{body[0].upper()}{body[1:]}{period}, {attributed} said{said}."
        return f"{body[0].upper()}{body[1:]}{period}, according to {attributed}."
    if frame == 1:
        return f"{attributed[0].upper()}{attributed[1:]} said{said} that {body}{period}."
    return f"“{body[0].upper()}{body[1:]}{period},” {attributed} told reporters{said}."


def _event(
    rng: np.random.Generator, location: str, published: date, attributed: str
) -> tuple[dict[str, object], str]:
    """One event row (without ids, source and offsets) and its sentence."""
    roll = rng.random()
    city = CITIES[rng.integers(len(CITIES))]
    capital = f"{attributed[0].upper()}{attributed[1:]}"
    if roll < 0.15:
        start = _month_start(published, int(rng.integers(3, 6)))
        end = _month_start(published, int(rng.integers(1, 3))).replace(day=11)
        first, last = f"early {MONTHS[start.month]}", f"mid-{MONTHS[end.month]}"
        return {
            "kind": "blockade",
            "label": f"No aid let into {location}",
            "start": start,
            "start_precision": "early-month",
            "start_as_stated": first,
            "end": end,
            "end_precision": "mid-month",
            "end_as_stated": last,
        }, f"Between {first} and {last}, no aid entered {location}, according to {attributed}."
    if roll < 0.27:
        start = published - timedelta(days=int(rng.integers(90, 300)))
        end = _month_start(published, int(rng.integers(1, 3)))
        first, last = _day_words(start), MONTHS[end.month]
        return {
            "kind": "ceasefire",
            "label": f"Ceasefire in force in {location}",
            "start": start,
            "start_precision": "day",
            "start_as_stated": first,
            "end": end,
            "end_precision": "month",
            "end_as_stated": f"in {last}",
        }, (
            f"A ceasefire in {location} took effect on {first} and collapsed in {last}, "
            f"{attributed} said."
        )
    if roll < 0.37:
        start = _month_start(published, int(rng.integers(2, 12)))
        words = f"{MONTHS[start.month]} {start.year}"
        kind, sentence = (
            ("siege", f"{location} has been under near total siege since {words}")
            if rng.random() < 0.5
            else ("war", f"Fighting in {location} has gone on since {words}")
        )
        return {
            "kind": kind,
            "label": f"{kind.capitalize()} in {location}",
            "start": start,
            "start_precision": "month",
            "start_as_stated": words,
        }, f"{sentence}, according to {attributed}."
    if roll < 0.67:
        back = int(rng.integers(0, 6))
        day = published - timedelta(days=back)
        weekday = WEEKDAYS[day.weekday()]
        return {
            "kind": "talks",
            "label": f"Talks in {city} on access to {location}",
            "start": day,
            "start_precision": "day",
            "start_as_stated": weekday,
        }, (
            f"Negotiators met in {city} on {weekday} to discuss a ceasefire for {location}, "
            f"{attributed} said."
        )
    if roll < 0.75:
        return {
            "kind": "talks",
            "label": f"Talks on {location}",
            "start_as_stated": "several weeks",
        }, (
            f"Talks on {location} have gone on for several weeks without a breakthrough, "
            f"according to {attributed}."
        )
    if roll < 0.87:
        start = published - timedelta(days=7)
        return {
            "kind": "diplomacy",
            "label": f"Envoys travel to {city} about {location}",
            "start": start,
            "start_precision": "week",
            "start_as_stated": "A few days earlier",
        }, (
            f"A few days earlier, envoys travelled to {city} to discuss aid access to "
            f"{location}, {attributed} said."
        )
    return {
        "kind": "statement",
        "label": f"Optimism on aid access to {location}",
        "start": _month_start(published),
        "start_precision": "month",
        "start_as_stated": "this month",
    }, (
        f"{capital} this month struck an optimistic tone about aid access to {location}, "
        "though analysts remained skeptical."
    )


class _ReportText:
    """A report's text built sentence by sentence, knowing where each one starts."""

    def __init__(self, header: str) -> None:
        self.parts = [header]
        self.position = len(header)
        self.in_paragraph = 0

    def add(self, sentence: str) -> tuple[int, int]:
        """Append a sentence; return its offsets (Python string indices) in the text."""
        if self.in_paragraph == SENTENCES_PER_PARAGRAPH:
            self.parts.append("\n\n")
            self.position += 2
            self.in_paragraph = 0
        elif self.in_paragraph:
            self.parts.append(" ")
            self.position += 1
        start = self.position
        self.parts.append(sentence)
        self.position += len(sentence)
        self.in_paragraph += 1
        return start, self.position

    def finish(self) -> str:
        return "".join(self.parts) + "\n"


def _text_cells(row: dict[str, object]) -> dict[str, object]:
    return {
        name: value.isoformat() if isinstance(value, date) else value for name, value in row.items()
    }


def generate(
    folder: Path | str,
    observations: int,
    *,
    seed: int = 0,
    events: int | None = None,
) -> Dataset:
    """Write synthetic tables and report texts into `folder` (replacing what is there)."""
    folder = Path(folder)
    if folder.exists():
        shutil.rmtree(folder)
    data_dir = folder / "data"
    reports_dir = folder / "reports"
    data_dir.mkdir(parents=True)
    reports_dir.mkdir()
    rng = np.random.default_rng(seed)
    n_sources = max(2, -(-observations // OBSERVATIONS_PER_SOURCE))
    n_events = (
        events
        if events is not None
        else max(MIN_EVENTS, int(observations * EVENTS_PER_OBSERVATION))
    )

    with (data_dir / "indicators.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(schema.INDICATORS.column_names)
        for indicator_id, name, unit, definition, hxl, _ in INDICATORS:
            writer.writerow([indicator_id, name, unit, definition, hxl])

    # Which source each row comes from, in source order, so each report is written once.
    observation_source = np.sort(rng.integers(0, n_sources, observations))
    event_source = np.sort(rng.integers(0, n_sources, n_events))
    observation_bounds = np.searchsorted(observation_source, np.arange(n_sources + 1))
    event_bounds = np.searchsorted(event_source, np.arange(n_sources + 1))
    published_offsets = rng.integers(14, DAYS, n_sources)
    indicator_choice = rng.integers(0, len(INDICATORS), observations)
    location_choice = rng.integers(0, len(LOCATIONS), observations + n_events)
    attribution_choice = rng.integers(0, len(ATTRIBUTIONS), observations + n_events)

    observations_out = _Writer(data_dir / "observations.csv", schema.OBSERVATIONS)
    events_out = _Writer(data_dir / "events.csv", schema.EVENTS)
    sources_out = _Writer(data_dir / "sources.csv", schema.SOURCES)
    report_bytes = 0
    try:
        for source in range(n_sources):
            source_id = f"syn-{source:06d}"
            published = _day(published_offsets[source])
            publisher = (
                f"{PUBLISHER_FIRST[source % len(PUBLISHER_FIRST)]} "
                f"{PUBLISHER_SECOND[(source // len(PUBLISHER_FIRST)) % len(PUBLISHER_SECOND)]}"
            )
            first_obs, last_obs = observation_bounds[source], observation_bounds[source + 1]
            headline_place = LOCATIONS[location_choice[first_obs] if last_obs > first_obs else 0]
            title = f"{headline_place}: humanitarian situation update no. {source + 1}"
            text = _ReportText(f"{title}\n\n{publisher}, {_day_words(published)}\n\n")

            for number, row_index in enumerate(range(first_obs, last_obs), start=1):
                indicator_id, _, unit, _, _, body = INDICATORS[indicator_choice[row_index]]
                location = LOCATIONS[location_choice[row_index]]
                attributed = ATTRIBUTIONS[attribution_choice[row_index]]
                said = published - timedelta(days=int(rng.integers(0, 4)))
                weekday = WEEKDAYS[said.weekday()] if rng.random() < 0.4 else ""
                value = _observation_value(rng, unit, body)
                period, period_words = _observation_period(rng, said)
                stated = body.format(value=value["value_as_stated"], location=location)
                sentence = _observation_sentence(rng, stated, attributed, weekday, period_words)
                start, end = text.add(sentence)
                observations_out.row(
                    _text_cells(
                        {
                            "observation_id": f"{source_id}-o{number}",
                            "indicator_id": indicator_id,
                            "location": location,
                            **value,
                            **period,
                            "reported_on": said,
                            "reported_on_as_stated": weekday,
                            "source_id": source_id,
                            "attributed_to": attributed,
                            "quote": sentence,
                            "quote_start": start,
                            "quote_end": end,
                            "provisional": "true" if rng.random() < 0.02 else "",
                        }
                    )
                )
            for number, event_index in enumerate(
                range(event_bounds[source], event_bounds[source + 1]), start=1
            ):
                location = LOCATIONS[location_choice[observations + event_index]]
                attributed = ATTRIBUTIONS[attribution_choice[observations + event_index]]
                row, sentence = _event(rng, location, published, attributed)
                start, end = text.add(sentence)
                events_out.row(
                    _text_cells(
                        {
                            "event_id": f"{source_id}-e{number}",
                            **row,
                            "location": location,
                            "source_id": source_id,
                            "attributed_to": attributed,
                            "quote": sentence,
                            "quote_start": start,
                            "quote_end": end,
                        }
                    )
                )
            report = text.finish().encode("utf-8")
            (reports_dir / f"{source_id}.txt").write_bytes(report)
            report_bytes += len(report)
            sources_out.row(
                {
                    "source_id": source_id,
                    "publisher": publisher,
                    "title": title,
                    "url": f"https://reports.example.org/{source_id}",
                    "published": published.isoformat(),
                    "language": "en",
                    "kind": schema.SOURCE_KINDS[source % len(schema.SOURCE_KINDS)],
                    "text_sha256": hashlib.sha256(report).hexdigest(),
                    "notes": "Synthetic report generated for benchmarks; not a real publication.",
                }
            )
    finally:
        for writer in (observations_out, events_out, sources_out):
            writer.close()

    dataset = Dataset(
        folder=folder,
        data_dir=data_dir,
        reports_dir=reports_dir,
        observations=observations,
        events=n_events,
        sources=n_sources,
        indicators=len(INDICATORS),
        report_bytes=report_bytes,
        csv_bytes=sum(path.stat().st_size for path in data_dir.iterdir()),
    )
    manifest = {
        "version": GENERATOR_VERSION,
        "seed": seed,
        "observations": observations,
        "events": n_events,
        "sources": n_sources,
        "indicators": len(INDICATORS),
        "report_bytes": report_bytes,
        "csv_bytes": dataset.csv_bytes,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
    return dataset


def cached(folder: Path | str, observations: int, *, seed: int = 0) -> Dataset:
    """The dataset in `folder`, generated only if it is missing or was made differently."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        manifest = {}
    if (
        manifest.get("version") == GENERATOR_VERSION
        and manifest.get("seed") == seed
        and manifest.get("observations") == observations
    ):
        return Dataset(
            folder=folder,
            data_dir=folder / "data",
            reports_dir=folder / "reports",
            observations=observations,
            events=manifest["events"],
            sources=manifest["sources"],
            indicators=manifest["indicators"],
            report_bytes=manifest["report_bytes"],
            csv_bytes=manifest["csv_bytes"],
        )
    return generate(folder, observations, seed=seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--observations", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    began = time.perf_counter()
    dataset = generate(args.out, args.observations, seed=args.seed)
    print(
        f"{dataset.observations} observations, {dataset.events} events, {dataset.sources} "
        f"sources, {dataset.indicators} indicators; tables {dataset.csv_bytes / 1e6:.1f} MB, "
        f"reports {dataset.report_bytes / 1e6:.1f} MB; {time.perf_counter() - began:.1f} s "
        f"-> {dataset.folder}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
